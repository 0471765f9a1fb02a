"""Charges from the clinic's HIS at the desk, through the real screens against the real sandbox on
loopback, with the HIS played by python-hl7 over real MLLP sockets: a DFT^P03 sent before the
card is scanned becomes the bill, the family signs it, the insurer accepts the claim and each
order's insurer and family shares go back to the HIS; charges sent after the scan appear on the
open bill by themselves; an unmapped code and a HIS price that is not the catalogue's are shown,
not billed or not taken; another child's charges on the same policy are held back."""

from __future__ import annotations

from datetime import datetime

import pytest

from insurer_sandbox.demo import demo_member
from kiosk.business_day import BUSINESS_TZ
from kiosk.his.inbox import HisInbox
from kiosk.his.settings import HisSettings
from kiosk.journal import ClaimState
from kiosk.visit import Step
from tests.his.his_peer import HisPeer
from tests.his.messages import DFT_P03, edited
from tests.ui.conftest import card
from ui.demo_script.his_charges import free_port, send_to_desk
from ui.driver import pump_until

CHILD = "active_standard"
"""李沐阳, born 2019, policy GP2026000101: the child of the HIS's example message."""
CODES = {"HIS-GP01": "GP001", "HIS-CBC": "LAB001"}
NOW = datetime.now(BUSINESS_TZ).strftime("%Y%m%d%H%M%S%z")
CHARGED_NOW = {"FT1.4": NOW, "FT12.4": NOW}
"""The example's charges made today (its own FT1-4 is a fixed day)."""
AT_CATALOGUE_PRICES = {"FT1.12": "680.00^CNY", "FT12.12": "120.00^CNY", **CHARGED_NOW}


def his_sends(port: int, text: str) -> tuple[str, str]:
    """The HIS sends one message over MLLP and reads the ACK: (MSA-1, MSA-3)."""
    ack = send_to_desk(port, text)
    return str(ack["MSA.1"]), ack.segment("MSA").extract_field(1, 3)


@pytest.fixture
def his_peer():
    with HisPeer("AA") as peer:
        yield peer


@pytest.fixture
def his_kiosk(make_kiosk, fresh_sandbox, fresh_sandbox_device_key, his_peer):
    settings = HisSettings(
        listen_host="127.0.0.1",
        listen_port=free_port(),
        codes=CODES,
        settle_host="127.0.0.1",
        settle_port=his_peer.port,
    )
    app, driver = make_kiosk(fresh_sandbox, fresh_sandbox_device_key, his=settings)
    return app, driver, settings


def offered(app):
    bar = app.window.bill.his_offer
    pump_until(bar.isVisible, 10, "the HIS's charges offered on the bill")
    return bar


def test_a_his_charge_becomes_the_signed_bill_and_its_shares_go_back(his_kiosk, his_peer):
    app, driver, settings = his_kiosk
    assert his_sends(settings.listen_port, edited(DFT_P03, AT_CATALOGUE_PRICES)) == (
        "AA",
        "accepted",
    )

    driver.show_card(card(CHILD))
    driver.start_bill()
    bar = offered(app)
    assert bar.button.text() == "Charges from the HIS (2)"
    dialog = app.window.bill.review_his_charges()
    assert [box.isChecked() for box, _note, _charge in dialog.boxes] == [True, True]
    assert "Bills as GP001" in dialog.boxes[0][1].text()
    driver.click(dialog.add_button)
    visit = app.session.visit
    assert [line.item_code for line in visit.lines] == ["GP001", "LAB001"]
    assert [o.order_no for o in visit.his_orders.values()] == ["ORD-1001", "ORD-1002"]
    row = app.window.bill.lines.rows[1]
    assert row.detail.text().startswith("HIS order ORD-1001 · GP001 · ¥680.00")
    pump_until(lambda: not bar.isVisible(), 10, "the offer gone once both are on the bill")

    driver.wait_estimate()
    adjudication = visit.adjudication
    driver.present()
    driver.sign()
    done = app.window.done
    pump_until(lambda: done.claim.state is ClaimState.SENT, 15, "the claim accepted")
    pump_until(lambda: bool(his_peer.received), 15, "the shares sent back to the HIS")

    [shares] = his_peer.received
    assert str(shares.segment("MSH")(9)).startswith("DFT^P03")
    assert shares.extract_field("PID", 1, 3) == "HIS-00042"
    covered = {line.line_no: line for line in adjudication.lines}
    assert [
        (str(ft1(23)), str(ft1(6)), str(ft1(11)), str(ft1(15))) for ft1 in shares.segments("FT1")
    ] == [
        ("ORD-1001", "PY", "680.00&CNY", _yuan(covered[1].covered_fen)),
        ("ORD-1002", "PY", "120.00&CNY", _yuan(covered[2].covered_fen)),
    ]
    assert str(shares.segment("FT1")(2)) == done.claim.insurer_claim_id

    inbox = HisInbox.in_folder(app.journal.path.parent)
    assert inbox.open_for_policy("GP2026000101", visit.today()) == []  # billed: not offered again
    driver.next_family()
    assert app.session.his.pass_now() == []  # settled: the next pass sends nothing again
    assert len(his_peer.received) == 1


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}&CNY"


def test_charges_sent_after_the_scan_appear_and_problems_are_shown_not_billed(his_kiosk):
    app, driver, settings = his_kiosk
    driver.show_card(card(CHILD))
    driver.start_bill()
    bar = app.window.bill.his_offer
    driver.settle(0.3)
    assert not bar.isVisible()  # nothing from the HIS yet

    unmapped_and_dearer = edited(
        DFT_P03, {"FT1.7": "HIS-XR9^胸片^CLINIC-HIS", "FT12.12": "130.00^CNY", **CHARGED_NOW}
    )
    assert his_sends(settings.listen_port, unmapped_and_dearer)[0] == "AA"
    another_child = edited(
        DFT_P03,
        {
            "MSH.10": "MSG00009",
            "PID.3": "HIS-00077",
            "PID.5": "李^沐辰辰",
            "FT1.23": "ORD-9001",
            "FT12.23": "ORD-9002",
            **CHARGED_NOW,
        },
    )
    assert his_sends(settings.listen_port, another_child)[0] == "AA"

    offered(app)
    pump_until(lambda: bar.offer.held_back, 10, "the other child's charges held back")
    assert bar.button.text() == "Charges from the HIS (1)"
    assert "1 cannot be billed from here" in bar.note.text()
    assert "2 held back: the HIS's patient is not this child" in bar.note.text()
    dialog = app.window.bill.review_his_charges()
    (xray, xray_note, _), (blood, blood_note, _) = dialog.boxes
    assert not xray.isEnabled() and not xray.isChecked()
    assert "HIS code HIS-XR9 is not in the catalogue" in xray_note.text()
    assert blood.isChecked()
    assert "the HIS's price is ¥130.00 each: the bill uses the catalogue's price" in (
        blood_note.text()
    )
    assert "2 more charges for this policy are not offered" in dialog.held_back.text()
    assert "name" in dialog.held_back.text()
    assert dialog.add_button.text() == "Add 1 charge to the bill"
    driver.click(dialog.add_button)
    assert [(x.item_code, x.unit_price_fen) for x in app.session.visit.lines] == [
        ("LAB001", 12_000)
    ]

    # Cancelled: nothing was billed, so the charges wait for the family's next scan.
    driver.click(app.window.bill.cancel_button)
    driver.wait_step(Step.SCAN)
    assert not bar.isVisible()
    driver.show_card(card(CHILD))
    driver.start_bill()
    assert offered(app).button.text() == "Charges from the HIS (1)"
    assert demo_member(CHILD).policy_number == "GP2026000101"
