"""The HIS's charges at the desk, in the core: kept once in the inbox (a resend is a duplicate, an
id reused for other content is refused), offered only for the scanned child (a different name,
year of birth or member number holds them back, and twins on one policy are never guessed
between), read in the catalogue (mapped, unmapped, a price that differs), and not offered again
once billed."""

from __future__ import annotations

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
from kiosk.his.inbox import BilledCharge, HisInbox, Received
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
        (c.charge.his_code, c.item.code if c.item else None, c.problem) for c in found.charges
    ] == [
        ("HIS-GP01", "GP001", None),
        ("HIS-CBC", "LAB001", ChargeProblem.PRICE_DIFFERS),
        ("HIS-XRAY9", None, ChargeProblem.UNMAPPED),
        ("HIS-OLD", None, ChargeProblem.NOT_IN_CATALOGUE),
    ]
    differs = found.charges[1]
    assert differs.price_difference_fen == 9_000 - 12_000
    assert len(found.billable) == 2
    assert found.held_back == ()


def test_a_catalogue_code_sent_by_the_his_needs_no_mapping(inbox):
    inbox.receive(message(LAB002=9_500))
    (charge,) = offer(inbox).charges
    assert charge.item is not None and charge.item.code == "LAB002" and charge.problem is None


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
    inbox.receive(message("MSG1", who=patient(his_patient_id="HIS-1", name="李沐阳")))
    inbox.receive(message("MSG2", who=patient(his_patient_id="HIS-2", name="李沐辰")))
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
    taken = frozenset({(stored.row, "MSG00001-2")})
    assert offer(inbox, taken=taken).empty
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
