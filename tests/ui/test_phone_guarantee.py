"""An insurer outage at the desk: the insurer's sandbox really stopped, a phone guarantee from the
hotline, the family signs with the insurer's share to be confirmed, the claim waits in the outbox
and is sent once when the sandbox is started again; what the insurer then does not cover is the
family's to pay the clinic. Through the real screens."""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta

from pypdf import PdfReader

from insurer_sandbox.demo import DEMO_CLINIC_ID, demo_member
from insurer_sandbox.hotline import phone_guarantee
from insurer_sandbox.store import Store
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import Reason
from kiosk.journal import ClaimState
from kiosk.journal.payments import owed_by_member
from kiosk.journal.retry_schedule import RetrySchedule
from kiosk.money import format_yuan
from kiosk.visit import Step
from tests.ui.conftest import card
from ui.driver import pump_until

FAST = RetrySchedule(first=timedelta(milliseconds=200), cap=timedelta(seconds=1))


def test_an_outage_visit_goes_on_under_a_phone_guarantee_and_is_claimed_once_on_return(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key
):
    sandbox = fresh_sandbox
    app, driver = make_kiosk(sandbox, fresh_sandbox_device_key, retry_schedule=FAST)
    member = demo_member("free_visits_used_up")  # the insurer pays half of each visit line
    token = card("free_visits_used_up")
    sandbox.stop()

    driver.scan(token)
    scan = app.window.scan
    pump_until(lambda: scan.guarantee_button.isVisible(), 20, "the check to fail")
    assert app.session.visit.step is Step.SCAN
    # Reception calls the hotline; the insurer's people work while its API is down.
    reference = phone_guarantee(Store.open(sandbox.data_dir), member.member_id, DEMO_CLINIC_ID)

    driver.click(scan.guarantee_button)
    dialog = scan.guarantee_dialog
    assert member.member_id in dialog.explain.text() and "021-80209058" in dialog.explain.text()
    dialog.reference.setText("no")
    driver.click(dialog.go_button)
    assert "4 to 32" in dialog.note.text() and app.session.visit.step is Step.SCAN
    dialog.reference.setText(f" {reference.lower()} ")  # as typed from the phone call
    driver.click(dialog.go_button)
    driver.wait_step(Step.BILL)

    visit = app.session.visit
    driver.add_item("GP001")
    driver.add_item("NM001")  # a medical certificate: the plan never pays it
    adjudication = visit.adjudication
    assert {line.reason for line in adjudication.lines} == {Reason.GUARANTEE_PENDING}
    assert adjudication.total_covered_fen == adjudication.total_submitted_fen
    assert reference in app.window.bill.state.text()
    driver.present()  # no re-check: the insurer cannot be asked
    assert reference in app.window.sign.consent.text()
    assert "any amount it does not cover, I pay to" in app.window.sign.consent.text()
    driver.sign()

    journal = app.session.journal
    (claim,) = journal.claims()
    pump_until(lambda: len(journal.claim_attempts(claim.id)) >= 2, 20, "sends to fail")
    assert journal.claim(claim.id).state is ClaimState.WAITING

    sandbox.restart()
    app.session.submitter.wake()
    pump_until(lambda: journal.claim(claim.id).state is ClaimState.SENT, 30, "the claim sent")
    sent = journal.claim(claim.id)
    assert sent.insurer_status == "accepted"
    done = app.window.done
    pump_until(lambda: done.statement is not None and done.statement.final, 15, "final statement")
    shown_covered = adjudication.total_covered_fen
    assert sent.covered_fen < shown_covered  # half of the consultation, nothing for NM001

    with InsurerClient(sandbox.url, fresh_sandbox_device_key) as insurer:
        recorded = insurer.claim(sent.insurer_claim_id)
        statement = insurer.daily_statement(visit.today())
    assert [x.claim_id for x in statement.claims if x.member_id == member.member_id] == [
        sent.insurer_claim_id
    ]  # sent once, however often it was tried
    assert recorded.adjudication.total_covered_fen == sent.covered_fen
    assert Reason.NOT_COVERED in {line.reason for line in recorded.adjudication.lines}

    # What the insurer did not cover is the family's to pay the clinic: said, and listed.
    (owed,) = owed_by_member(journal, member.member_id)
    assert owed.owed_fen == shown_covered - sent.covered_fen
    pages = " ".join(p.extract_text() for p in PdfReader(done.document).pages)
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", pages))  # the PDF's "ﬁ" ligature
    confirmed = f"the insurer confirmed it pays {format_yuan(sent.covered_fen)} of this bill"
    assert confirmed in text and f"Still owed to the clinic: {format_yuan(owed.owed_fen)}" in text
    said = done.claim_state.text()
    assert f"The family owes the clinic {format_yuan(owed.owed_fen)}" in said
    assert f"covers {format_yuan(sent.covered_fen)} of the {format_yuan(shown_covered)}" in said
    assert owed.statement_no == visit.presented.invoice_no

    # The insurer reviews and pays the claim later: what the family owes the desk stays owed.
    today = visit.today()
    for run in (today + timedelta(days=1), today + timedelta(days=2)):
        sandbox.settle(run, review_share=0)
    app.session.submitter.check_claim_statuses()
    pump_until(lambda: journal.claim(claim.id).insurer_status == "paid", 20, "the payment heard")
    (still,) = owed_by_member(journal, member.member_id)
    assert still.owed_fen == owed.owed_fen


def test_a_clinic_that_switched_phone_guarantees_off_offers_none(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key
):
    app, driver = make_kiosk(fresh_sandbox, fresh_sandbox_device_key, phone_guarantees=False)
    fresh_sandbox.stop()
    driver.scan(card("active_plus"))
    scan = app.window.scan
    pump_until(lambda: "reached" in scan.status.text(), 20, "the check to fail")
    assert not scan.guarantee_button.isVisible()
    assert scan.open_phone_guarantee() is None


def test_a_lookup_the_insurer_cannot_answer_offers_no_guarantee(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key
):
    """Without the card the member is not known to this kiosk: nothing to guarantee."""
    app, driver = make_kiosk(fresh_sandbox, fresh_sandbox_device_key)
    member = demo_member("active_plus")
    fresh_sandbox.stop()
    driver.lookup(member.policy_number, member.child_name, member.guardian_phone)
    scan = app.window.scan
    pump_until(lambda: "reached" in scan.status.text(), 20, "the check to fail")
    assert not scan.guarantee_button.isVisible()
