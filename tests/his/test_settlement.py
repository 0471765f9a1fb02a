"""The shares back to the HIS, from the journal against the real sandbox: nothing goes back while
the claim waits; once the insurer accepted it each HIS order's insurer and family shares go back,
once; a HIS that is down is tried again on the next pass; FHIR charges go back as a ClaimResponse
file the library validates; a bill the insurer pays nothing of is settled at once."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from fhir.resources.R4B.claimresponse import ClaimResponse

from kiosk.billing import bill_line, self_pay_adjudication
from kiosk.catalogue_import import load_demo_catalogue
from kiosk.claim_actions import void_claim
from kiosk.desk import present_bill, sign_and_queue
from kiosk.his.charges import ChargeSource, HisChargeMessage
from kiosk.his.hl7_v2 import read_dft
from kiosk.his.inbox import BilledCharge, HisInbox
from kiosk.his.link import HisLink
from kiosk.his.mapping import map_charge
from kiosk.his.settings import HisSettings
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import Bill, ClaimStatus, Reason
from kiosk.journal import ClaimSubmitter
from kiosk.staff import CONSOLE
from tests.clinic_day import CLINIC, DAY, ShiftedClock, send_all, signature
from tests.his.his_peer import HisPeer
from tests.his.messages import DFT_P03, edited

CATALOGUE = load_demo_catalogue()
CODES = {"HIS-GP01": "GP001", "HIS-CBC": "LAB001"}
AT_CATALOGUE_PRICES = edited(DFT_P03, {"FT1.12": "680.00^CNY", "FT12.12": "120.00^CNY"})
HL7_CHARGES = read_dft(AT_CATALOGUE_PRICES)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bill_from_his(inbox: HisInbox, message: HisChargeMessage) -> tuple[Bill, list[BilledCharge]]:
    """The bill the desk builds from the message's charges (one line per order), and which
    order each line is."""
    inbox.receive(message)
    (stored,) = inbox.open_for_policy(message.patient.policy_number, DAY)
    lines, billed = [], []
    for number, charge in enumerate(stored.open_charges, start=1):
        mapped = map_charge(stored.row, charge, CATALOGUE, CODES, on=DAY)
        assert mapped.item is not None
        lines.append(bill_line(mapped.item, charge.quantity, line_no=number))
        billed.append(BilledCharge(stored.row, charge.order_no, number))
    return Bill(member_id="M26000101", service_date=DAY, lines=lines), billed


def sign_claim(journal, insurer, inbox, message):
    bill, billed = bill_from_his(inbox, message)
    estimate = insurer.estimate(bill)
    presented = present_bill(journal, bill, estimate, clinic=CLINIC)
    sign_and_queue(journal, presented, signature(1), journal.now())
    return presented, estimate, billed


def test_shares_go_back_once_after_the_insurer_accepted_the_claim(
    journal, tmp_path, fresh_sandbox, fresh_sandbox_device_key
):
    inbox = HisInbox.in_folder(tmp_path)
    with (
        HisPeer("AA") as his,
        InsurerClient(fresh_sandbox.url, fresh_sandbox_device_key) as insurer,
    ):
        settings = HisSettings(settle_host="127.0.0.1", settle_port=his.port)
        link = HisLink(settings, inbox, journal)
        presented, estimate, billed = sign_claim(
            journal, insurer, inbox, read_dft(AT_CATALOGUE_PRICES)
        )
        link.record_billed(presented.bill_id, billed)
        assert link.pass_now() == []  # the claim waits in the outbox: nothing goes back yet
        assert his.received == []

        send_all(journal, insurer)
        (outcome,) = link.pass_now()
        assert outcome.sent
        assert link.pass_now() == []  # settled: not sent again
        claim = journal.claim_for_bill(presented.bill_id)

    (shares,) = his.received
    shares_by_order = {str(ft1(23)): (str(ft1(11)), str(ft1(15))) for ft1 in shares.segments("FT1")}
    covered = [line.covered_fen for line in estimate.lines]
    assert shares_by_order == {
        "ORD-1001": ("680.00&CNY", f"{covered[0] // 100}.{covered[0] % 100:02d}&CNY"),
        "ORD-1002": ("120.00&CNY", f"{covered[1] // 100}.{covered[1] % 100:02d}&CNY"),
    }
    assert str(shares.segment("FT1")(2)) == claim.insurer_claim_id
    assert inbox.settled_at(billed[0].message_row, presented.bill_id) is not None


def test_a_his_that_is_down_is_tried_again_less_often_each_time(
    journal, tmp_path, fresh_sandbox, fresh_sandbox_device_key
):
    clock = ShiftedClock(datetime.now(UTC))
    inbox = HisInbox.in_folder(tmp_path, clock=clock)
    port = free_port()
    settings = HisSettings(settle_host="127.0.0.1", settle_port=port)
    link = HisLink(settings, inbox, journal, clock=clock)
    with InsurerClient(fresh_sandbox.url, fresh_sandbox_device_key) as insurer:
        presented, _estimate, billed = sign_claim(
            journal, insurer, inbox, read_dft(AT_CATALOGUE_PRICES)
        )
        link.record_billed(presented.bill_id, billed)
        send_all(journal, insurer)

    (down,) = link.pass_now()
    assert (down.sent, down.problem) == (False, "ConnectionRefusedError")
    (due,) = inbox.settlements_due()
    assert due.attempts == 1
    with HisPeer("AE", reason="order closed", port=port) as refusing:
        assert link.pass_now() == []  # not due again for 10 s
        clock.advance(timedelta(seconds=10))
        (refused,) = link.pass_now()
        clock.advance(timedelta(seconds=19))
        assert link.pass_now() == []  # then 20 s
    assert (refused.sent, refused.problem) == (False, "SettlementRefused")
    assert len(refusing.received) == 1
    (due,) = inbox.settlements_due()
    assert due.attempts == 2 and due.message.row == billed[0].message_row
    clock.advance(timedelta(seconds=1))
    with HisPeer("AA", port=port) as his:
        (back,) = link.pass_now()
    assert back.sent and len(his.received) == 1
    assert inbox.settlements_due() == []


def fhir_message() -> HisChargeMessage:
    """The example's charges as a FHIR bundle would bring them."""
    return HisChargeMessage(
        message_id="BUNDLE-1",
        source=ChargeSource.FHIR_R4,
        sender="fhir-import",
        patient=HL7_CHARGES.patient,
        charges=HL7_CHARGES.charges,
    )


def test_fhir_charges_go_back_as_a_claim_response_file(
    journal, tmp_path, fresh_sandbox, fresh_sandbox_device_key
):
    inbox = HisInbox.in_folder(tmp_path)
    folder = tmp_path / "to-his"
    link = HisLink(HisSettings(settle_folder=folder), inbox, journal)
    with InsurerClient(fresh_sandbox.url, fresh_sandbox_device_key) as insurer:
        presented, estimate, billed = sign_claim(journal, insurer, inbox, fhir_message())
        link.record_billed(presented.bill_id, billed)
        send_all(journal, insurer)
    (outcome,) = link.pass_now()
    assert outcome.sent

    (written,) = folder.glob("*.json")
    response = ClaimResponse.model_validate_json(written.read_text(encoding="utf-8"))
    benefit = [
        a.amount.value
        for item in response.item
        for a in item.adjudication
        if a.category.coding[0].code == "benefit"
    ]
    assert benefit == [Decimal(line.covered_fen) / 100 for line in estimate.lines]
    assert response.request.identifier.value == "BUNDLE-1"


def test_a_bill_the_insurer_pays_nothing_of_is_settled_at_once(journal, tmp_path):
    inbox = HisInbox.in_folder(tmp_path)
    folder = tmp_path / "to-his"
    link = HisLink(HisSettings(settle_folder=folder), inbox, journal)
    bill, billed = bill_from_his(inbox, fhir_message())
    presented = present_bill(
        journal, bill, self_pay_adjudication(bill, Reason.SELF_PAY), clinic=CLINIC
    )
    link.record_billed(presented.bill_id, billed)

    (outcome,) = link.pass_now()
    assert outcome.sent
    (written,) = folder.glob("*.json")
    response = ClaimResponse.model_validate_json(written.read_text(encoding="utf-8"))
    copay = [
        a.amount.value
        for item in response.item
        for a in item.adjudication
        if a.category.coding[0].code == "copay"
    ]
    assert copay == [Decimal("680"), Decimal("120")]
    assert response.identifier[0].value == presented.invoice_no  # no claim: the invoice names it


def test_a_voided_bill_gives_its_orders_back_to_the_desk(
    journal, tmp_path, fresh_sandbox, fresh_sandbox_device_key
):
    inbox = HisInbox.in_folder(tmp_path)
    with HisPeer("AA") as his:
        link = HisLink(HisSettings(settle_host="127.0.0.1", settle_port=his.port), inbox, journal)
        with InsurerClient(fresh_sandbox.url, fresh_sandbox_device_key) as insurer:
            presented, _estimate, billed = sign_claim(journal, insurer, inbox, HL7_CHARGES)
        link.record_billed(presented.bill_id, billed)
        assert inbox.open_for_policy("GP2026000101", DAY) == []
        claim = journal.claim_for_bill(presented.bill_id)
        void_claim(journal, claim.id, "billed to the wrong child", by=CONSOLE)

        assert link.pass_now() == []
        assert his.received == []  # nothing goes back for a bill nobody pays
    (stored,) = inbox.open_for_policy("GP2026000101", DAY)
    assert [c.order_no for c in stored.open_charges] == ["ORD-1001", "ORD-1002"]
    assert inbox.settlements_due() == []


def test_a_claim_the_insurers_review_rejected_goes_back_as_the_familys(
    journal, tmp_path, fresh_sandbox, fresh_sandbox_device_key
):
    clock = ShiftedClock(datetime.now(UTC))
    inbox = HisInbox.in_folder(tmp_path, clock=clock)
    port = free_port()
    settings = HisSettings(settle_host="127.0.0.1", settle_port=port)
    link = HisLink(settings, inbox, journal, clock=clock)
    with InsurerClient(fresh_sandbox.url, fresh_sandbox_device_key) as insurer:
        presented, _estimate, billed = sign_claim(journal, insurer, inbox, HL7_CHARGES)
        link.record_billed(presented.bill_id, billed)
        send_all(journal, insurer)
        (down,) = link.pass_now()  # the HIS is down while the insurer reviews the claim
        assert not down.sent
        claim = journal.claim_for_bill(presented.bill_id)
        fresh_sandbox.settle(DAY + timedelta(days=1), reject=[claim.insurer_claim_id])
        outbox = ClaimSubmitter(journal, insurer)
        outbox.start()
        try:
            outbox.check_claim_statuses()
            assert outbox.pass_now(15)
        finally:
            outbox.stop()
    assert journal.claim(claim.id).insurer_status is ClaimStatus.REJECTED
    clock.advance(timedelta(minutes=1))
    with HisPeer("AA", port=port) as his:
        (outcome,) = link.pass_now()
    assert outcome.sent
    (shares,) = his.received
    assert [(str(ft1(11)), str(ft1(15))) for ft1 in shares.segments("FT1")] == [
        ("680.00&CNY", "0.00&CNY"),
        ("120.00&CNY", "0.00&CNY"),
    ]
