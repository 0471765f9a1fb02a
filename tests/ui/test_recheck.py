"""Just before the family signs, the desk asks the insurer again: amounts that moved since the
estimate (another desk's claim for the same child) are shown, never signed unseen. Through the real
screens, against a real sandbox of the test's own (the other desk uses up the child's balance)."""

from __future__ import annotations

from insurer_sandbox.demo import demo_member
from kiosk.insurer.client import InsurerClient
from kiosk.journal import ClaimState, Journal
from kiosk.money import format_yuan
from kiosk.visit import Step
from tests.clinic_day import DAY, bill_of, present, send_all, sign
from tests.ui.conftest import card
from ui.driver import pump_until


def test_amounts_that_moved_before_signing_are_shown_again_and_then_signed(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key, tmp_path
):
    app, driver = make_kiosk(fresh_sandbox, fresh_sandbox_device_key)
    driver.show_card(card("near_annual_limit"))  # CNY 1,000 left of the year's limit
    driver.start_bill()
    driver.add_item("GP001")
    driver.wait_estimate()
    visit = app.session.visit
    estimated = visit.adjudication

    # Meanwhile the second-floor desk bills the same child, and the insurer accepts its claim.
    member = demo_member("near_annual_limit").member_id
    with (
        InsurerClient(fresh_sandbox.url, fresh_sandbox_device_key) as insurer,
        Journal.open(tmp_path / "second-desk.sqlite3") as other_desk,
    ):
        bill = bill_of(member, DAY, [("GP001", 2)])
        sign(other_desk, present(other_desk, bill, insurer.estimate(bill)), seed=7)
        send_all(other_desk, insurer)
        (accepted,) = other_desk.claims(ClaimState.SENT)
    assert accepted.insurer_status == "accepted"

    bill_screen = app.window.bill
    driver.click(bill_screen.sign_button)
    pump_until(lambda: visit.adjudication != estimated, 10, "the insurer asked again")
    now = visit.adjudication
    assert visit.step is Step.BILL  # not turned to the family on the old amounts
    assert now.total_covered_fen < estimated.total_covered_fen
    assert format_yuan(now.total_patient_fen) in bill_screen.state.text()
    assert "changed since the estimate" in bill_screen.state.text()
    assert app.session.journal.claims() == []  # nothing recorded for signature yet

    driver.present()  # reception went through the new amounts: the family sees and signs them
    assert visit.presented.shown.adjudication == now
    driver.sign()
    done = app.window.done
    pump_until(lambda: done.claim.state is ClaimState.SENT, 15, "the claim accepted")
    assert done.claim.insurer_status == "accepted"


def test_the_same_amounts_go_straight_to_the_family(kiosk):
    app, driver = kiosk
    driver.show_card(card("active_plus"))
    driver.start_bill()
    driver.add_item("GP001")
    driver.wait_estimate()
    estimated = app.session.visit.adjudication
    driver.present()
    assert app.session.visit.presented.shown.adjudication == estimated
