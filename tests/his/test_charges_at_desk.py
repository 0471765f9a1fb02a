"""The HIS's charges at the desk, in the core: kept once in the inbox (a resend is a duplicate, an
id reused for other content is refused), offered only for the scanned child (a different name,
year of birth or member number holds them back, and twins on one policy are never guessed
between), read in the catalogue (mapped, unmapped, a price that differs), and not offered again
once billed."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.catalogue_import import load_demo_catalogue
from kiosk.his.charges import (
    ChargeSource,
    HisCharge,
    HisChargeMessage,
    HisInputError,
    HisPatient,
    HisRefusal,
)
from kiosk.his.inbox import INBOX_FILE, BilledCharge, HisInbox, Received, _to_json
from kiosk.his.mapping import ChargeProblem
from kiosk.his.matching import Mismatch, match_patient
from kiosk.his.offer import his_offer
from kiosk.insurer.models import CardStatus, Coverage, Eligibility, Member, PlanTier

NOW = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)  # 10:00 in the clinic
TODAY = date(2026, 12, 7)
CATALOGUE = load_demo_catalogue()
CODES = {"HIS-GP01": "GP001", "HIS-CBC": "LAB001", "HIS-OLD": "GONE01"}


def patient(**changes: object) -> HisPatient:
    base: dict[str, object] = {
        "his_patient_id": "HIS-00042",
        "name": "李沐阳",
        "birth_date": date(2019, 5, 14),
        "policy_number": "GP2026000101",
        "member_id": "M26000101",
    }
    return HisPatient(**{**base, **changes})  # type: ignore[arg-type]


def message(message_id: str = "MSG00001", *, who: HisPatient | None = None, **charges: int):
    """A DFT^P03 as read: one charge per `code=price_fen` (order numbers from the id)."""
    lines = charges or {"HIS-GP01": 68_000, "HIS-CBC": 12_000}
    return HisChargeMessage(
        message_id=message_id,
        source=ChargeSource.HL7_V2,
        sender="HIS^CLINIC",
        patient=who or patient(),
        charges=tuple(
            HisCharge(f"{message_id}-{n}", code.replace("_", "-"), code, 1, price)
            for n, (code, price) in enumerate(lines.items(), start=1)
        ),
        visit_no="V1",
    )


def card(name: str = "李**", birth_year: int = 2019, policy: str = "GP2026000101") -> Eligibility:
    return Eligibility(
        status=CardStatus.ACTIVE,
        direct_billing=True,
        clinic_id="C1",
        in_network=True,
        member=Member(
            member_id="M26000101",
            name_masked=name,
            birth_year=birth_year,
            guardian_phone_masked="138****0101",
        ),
        coverage=Coverage(
            policy_number=policy,
            plan_tier=PlanTier.STANDARD,
            period_start=date(2026, 1, 1),
            period_end=date(2026, 12, 31),
        ),
        checked_at=NOW,
    )


@pytest.fixture
def inbox(tmp_path: Path) -> HisInbox:
    return HisInbox.in_folder(tmp_path, clock=lambda: NOW)


def offer(inbox: HisInbox, eligibility: Eligibility | None = None, **kw):
    return his_offer(inbox, eligibility or card(), CATALOGUE, CODES, on=TODAY, **kw)


def test_a_resend_is_kept_once_and_a_reused_id_with_other_content_is_refused(inbox):
    assert inbox.receive(message()) is Received.NEW
    assert inbox.receive(message()) is Received.DUPLICATE
    with pytest.raises(HisInputError) as refused:
        inbox.receive(message(HIS_GP01=1))
    assert refused.value.refusal is HisRefusal.DUPLICATE
    assert inbox.count() == 1
    assert [c.charge.unit_price_fen for c in offer(inbox).charges] == [68_000, 12_000]


def test_the_scanned_child_is_offered_their_charges_in_catalogue_terms(inbox):
    inbox.receive(message(HIS_GP01=68_000, HIS_CBC=9_000, HIS_XRAY9=30_000, HIS_OLD=100))
    found = offer(inbox)
    assert [
        (c.charge.his_code, c.item.code if c.item else None, c.problems, c.ticked)
        for c in found.charges
    ] == [
        ("HIS-GP01", "GP001", (), True),
        ("HIS-CBC", "LAB001", (ChargeProblem.PRICE_DIFFERS,), True),
        ("HIS-XRAY9", None, (ChargeProblem.UNMAPPED,), False),
        ("HIS-OLD", None, (ChargeProblem.NOT_IN_CATALOGUE,), False),
    ]
    assert len(found.billable) == 2
    assert found.held_back == ()


def test_a_catalogue_code_sent_by_the_his_needs_no_mapping(inbox):
    inbox.receive(message(LAB002=9_500))
    (charge,) = offer(inbox).charges
    assert charge.item is not None and charge.item.code == "LAB002" and charge.problems == ()


def test_mapping_table_codes_compare_as_catalogue_codes(inbox):
    inbox.receive(message(his_gp01=68_000))  # the HIS sends it in lower case
    (charge,) = offer(inbox).charges
    assert charge.item is not None and charge.item.code == "GP001"


def test_a_charge_from_another_day_is_shown_but_not_ticked(inbox):
    yesterday = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
    old = message("OLD")
    charge = old.charges[0]
    inbox.receive(replace(old, charges=(replace(charge, charged_at=yesterday), *old.charges[1:])))
    first, second = offer(inbox).charges
    assert (first.problems, first.ticked, first.billable) == (
        (ChargeProblem.NOT_TODAY,),
        False,
        True,
    )
    assert (second.problems, second.ticked) == ((), True)


def test_an_order_sent_again_is_offered_once_from_the_later_message(inbox):
    inbox.receive(message("FIRST"))
    again = message("FIRST", HIS_GP01=68_000)  # a correction: the same order, a new message
    inbox.receive(replace(again, message_id="SECOND"))
    assert [(c.message_row, c.charge.order_no) for c in offer(inbox).charges] == [
        (1, "FIRST-2"),
        (2, "FIRST-1"),
    ]


def test_an_order_on_a_bill_is_not_offered_again_from_a_later_message(inbox):
    inbox.receive(message())
    (stored,) = inbox.open_for_policy("GP2026000101", TODAY)
    inbox.record_billed(7, [BilledCharge(stored.row, "MSG00001-1", 1)])
    inbox.receive(replace(message(), message_id="RESENT"))
    assert [c.charge.order_no for c in offer(inbox).charges] == ["MSG00001-2"]


def test_a_second_his_patient_ever_seen_on_the_policy_needs_the_member_number(tmp_path):
    clock = [NOW - timedelta(days=3)]
    inbox = HisInbox.in_folder(tmp_path, clock=lambda: clock[0])
    twin = patient(his_patient_id="HIS-2", name="李沐辰", member_id=None)
    inbox.receive(message("TWIN", who=twin))
    clock[0] = NOW
    inbox.receive(message("TODAY", who=patient(member_id=None)))
    found = offer(inbox)
    assert found.charges == ()
    assert [h.mismatches for h in found.held_back] == [(Mismatch.AMBIGUOUS,)]
    inbox.receive(message("NAMED", who=patient(), HIS_CBC=12_000))  # with the member number
    assert [c.charge.order_no for c in offer(inbox).charges] == ["NAMED-1"]


@pytest.mark.parametrize(
    ("his_patient", "why"),
    [
        (patient(name="王沐阳"), Mismatch.NAME),
        (patient(name="李阳"), Mismatch.NAME),
        (patient(birth_date=date(2018, 5, 14)), Mismatch.BIRTH_YEAR),
        (patient(member_id="M26000999"), Mismatch.MEMBER),
    ],
)
def test_a_patient_who_is_not_the_scanned_child_is_held_back(inbox, his_patient, why):
    inbox.receive(message(who=his_patient))
    found = offer(inbox)
    assert found.charges == ()
    assert [(h.charges, h.mismatches) for h in found.held_back] == [(2, (why,))]


def test_charges_for_another_policy_are_not_offered_at_all(inbox):
    inbox.receive(message(who=patient(policy_number="GP2026000102")))
    assert offer(inbox).empty


def test_twins_on_one_policy_are_never_guessed_between(inbox):
    first = patient(his_patient_id="HIS-1", name="李沐阳", member_id=None)
    inbox.receive(message("MSG1", who=first))
    inbox.receive(
        message("MSG2", who=patient(his_patient_id="HIS-2", name="李沐辰", member_id=None))
    )
    found = offer(inbox)
    assert found.charges == ()
    assert {h.mismatches for h in found.held_back} == {(Mismatch.AMBIGUOUS,)}


def test_the_match_ignores_case_and_spaces_of_the_policy_and_spacing_of_the_name():
    assert match_patient(patient(policy_number=" gp2026000101 ", name="李 沐阳"), card()).matched
    assert match_patient(patient(name="Emma  Li"), card(name="E******")).matched
    assert match_patient(patient(name="Li Emma"), card(name="E******")).mismatches == (
        Mismatch.NAME,
    )


def test_billed_orders_are_not_offered_again_and_the_rest_stay(inbox):
    inbox.receive(message())
    (stored,) = inbox.open_for_policy("GP2026000101", TODAY)
    inbox.record_billed(7, [BilledCharge(stored.row, "MSG00001-1", 1)])
    assert [c.charge.order_no for c in offer(inbox).charges] == ["MSG00001-2"]
    assert offer(inbox, taken=frozenset({"MSG00001-2"})).empty
    (due,) = inbox.settlements_due()
    assert (due.bill_id, [x.order_no for x in due.lines]) == (7, ["MSG00001-1"])


def test_only_the_day_s_charges_are_offered_and_old_ones_are_forgotten(tmp_path):
    clock = [NOW - timedelta(days=1)]
    inbox = HisInbox.in_folder(tmp_path, clock=lambda: clock[0])
    inbox.receive(message("YESTERDAY"))
    clock[0] = NOW
    inbox.receive(message("TODAY"))
    assert [m.message.message_id for m in inbox.open_for_policy("GP2026000101", TODAY)] == ["TODAY"]
    assert inbox.purge(received_before=NOW - timedelta(hours=1)) == 1
    assert inbox.count() == 1


FIRST_LAYOUT = """
CREATE TABLE messages (
    id INTEGER PRIMARY KEY, sender TEXT NOT NULL, message_id TEXT NOT NULL, digest TEXT NOT NULL,
    source TEXT NOT NULL, policy_number TEXT NOT NULL, body TEXT NOT NULL,
    received_at TEXT NOT NULL, received_on TEXT NOT NULL, UNIQUE (sender, message_id)
);
CREATE TABLE billed (
    message INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE, order_no TEXT NOT NULL,
    bill_id INTEGER NOT NULL, line_no INTEGER NOT NULL, billed_at TEXT NOT NULL,
    PRIMARY KEY (message, order_no)
);
CREATE TABLE settlements (
    message INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    bill_id INTEGER NOT NULL, settled_at TEXT, attempts INTEGER NOT NULL DEFAULT 0,
    last_problem TEXT, PRIMARY KEY (message, bill_id)
);
"""
"""The inbox as the first release of the HIS link wrote it (no orders table)."""


def test_an_inbox_of_the_first_layout_keeps_its_messages_and_billed_orders(tmp_path):
    kept = message()
    with sqlite3.connect(tmp_path / INBOX_FILE) as db:
        db.executescript(FIRST_LAYOUT)
        db.execute(
            "INSERT INTO messages VALUES (1, ?, ?, ?, 'hl7v2', 'GP2026000101', ?, ?, ?)",
            (
                kept.sender,
                kept.message_id,
                kept.digest(),
                _to_json(kept),
                NOW.isoformat(),
                TODAY.isoformat(),
            ),
        )
        db.execute("INSERT INTO billed VALUES (1, 'MSG00001-1', 7, 1, ?)", (NOW.isoformat(),))
    db.close()

    inbox = HisInbox.in_folder(tmp_path, clock=lambda: NOW)
    assert [c.charge.order_no for c in offer(inbox).charges] == ["MSG00001-2"]
    assert inbox.receive(kept) is Received.DUPLICATE
    inbox.receive(replace(kept, message_id="RESENT"))  # the billed order stays billed
    assert [c.charge.order_no for c in offer(inbox).charges] == ["MSG00001-2"]
    assert [p.his_patient_id for p in inbox.patients_on_policy("GP2026000101")] == ["HIS-00042"]


def test_an_order_number_another_patient_s_message_reuses_closes_nothing_of_ours(inbox):
    inbox.receive(message("OURS"))
    wrong_child = patient(his_patient_id="HIS-77", name="王小明", member_id=None)
    reused = replace(message("OURS", who=wrong_child), message_id="THEIRS")
    inbox.receive(reused)  # the same order numbers, for somebody else

    found = offer(inbox)
    assert [c.charge.order_no for c in found.charges] == ["OURS-1", "OURS-2"]
    assert [h.mismatches for h in found.held_back] == [(Mismatch.NAME,)]


def test_a_sibling_the_card_tells_apart_does_not_hold_the_child_s_charges_back(tmp_path):
    clock = [NOW - timedelta(days=3)]
    inbox = HisInbox.in_folder(tmp_path, clock=lambda: clock[0])
    older_sister = patient(
        his_patient_id="HIS-9", name="李思琪", birth_date=date(2016, 2, 1), member_id=None
    )
    inbox.receive(message("SISTER", who=older_sister))
    clock[0] = NOW
    inbox.receive(message("TODAY", who=patient(member_id=None)))

    assert [c.charge.order_no for c in offer(inbox).charges] == ["TODAY-1", "TODAY-2"]


def test_two_programs_opening_a_first_layout_inbox_together_upgrade_it_once(tmp_path):
    with sqlite3.connect(tmp_path / INBOX_FILE) as db:
        db.executescript(FIRST_LAYOUT)
    db.close()
    opened: list[object] = []
    start = threading.Barrier(4)

    def open_it() -> None:
        start.wait()
        try:
            opened.append(HisInbox.in_folder(tmp_path))
        except Exception as exc:  # the failure this test is about
            opened.append(exc)

    workers = [threading.Thread(target=open_it) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(10)
    assert all(isinstance(x, HisInbox) for x in opened) and len(opened) == 4
    inbox = opened[0]
    assert isinstance(inbox, HisInbox) and inbox.receive(message()) is Received.NEW
