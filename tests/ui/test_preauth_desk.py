"""Pre-authorisation at the desk, through the real screens against the real sandbox: what an
approval guarantees (amount, dates, uses, auth number), its guarantee letter, the CNY 30,000 rule
told at eligibility, an emergency visit, and an approval that pays once."""

from __future__ import annotations

import re
from datetime import timedelta

from pypdf import PdfReader

from insurer_sandbox.cli import main as sandbox_cli
from insurer_sandbox.demo import demo_member
from kiosk.assessment import Caution, assess
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import PreAuthRequest, Reason, VisitType
from kiosk.journal import ClaimState
from kiosk.journal.preauth_requests import preauth_request
from kiosk.preauths import file_preauth
from kiosk.reports import PreAuthState
from kiosk.staff import Role, StaffDirectory
from tests.ui.conftest import card
from ui.driver import pump_until


def pdf_text(path: str) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))


def test_an_approval_shows_what_is_left_of_it_and_prints_its_guarantee_letter(kiosk, opened_files):
    app, driver = kiosk
    driver.show_card(card("preauth_approved"))
    screen = app.window.eligibility
    preauth = next(
        p for p in app.session.visit.eligibility.preauths if p.preauth_id == "PA-DEMO-0108"
    )
    grant = preauth.grant
    shown = " ".join(value.text() for _, value in screen.detail_rows if value.isVisible())
    assert grant.auth_number in shown
    assert "Tonsillectomy" in shown, "the catalogue's English name, not the insurer's text"
    assert f"{grant.valid_from.isoformat()} – {grant.valid_until.isoformat()}" in shown
    assert f"{grant.uses_left} of {grant.uses_allowed} uses left" in shown
    assert "¥18,000.00" in shown
    assert screen.letter_button.isVisible()

    saved: list[list[str]] = []
    screen.letters_saved.connect(saved.append)
    driver.click(screen.letter_button)
    pump_until(lambda: bool(saved), 10, "the guarantee letter")
    (path,) = saved[0]
    assert opened_files.paths == [path], "opened for reception to print"
    text = pdf_text(path)
    assert grant.auth_number in text
    assert "周**" in text and "PA-DEMO-0108" in text
    assert "¥18,000.00" in text and "SURG-TONSIL" in text


def test_a_card_without_an_approval_offers_no_letter(kiosk):
    app, driver = kiosk
    driver.show_card(card("preauth_pending"))
    assert not app.window.eligibility.letter_button.isVisible()


def test_the_30000_rule_is_told_at_eligibility_with_what_is_left(kiosk):
    app, driver = kiosk
    driver.show_card(card("near_preauth_threshold"))
    eligibility = app.session.visit.eligibility
    assert Caution.PREAUTH_THRESHOLD_NEAR in assess(eligibility).cautions
    screen = app.window.eligibility
    assert screen.card.property("verdict") == "amber"
    reasons = screen.reasons.text()
    assert "¥30,000.00" in reasons
    left = eligibility.cumulative.threshold_fen - eligibility.cumulative.billed_fen
    assert f"¥{left // 100:,}.{left % 100:02d} left" in reasons


def test_an_emergency_visit_is_claimed_and_printed_as_one(kiosk, sandbox, sandbox_device_key):
    app, driver = kiosk
    driver.show_card(card("active_plus"))
    driver.start_bill()
    driver.add_item("GP004")  # the emergency consultation
    driver.wait_estimate()
    driver.click(app.window.bill.emergency)
    driver.wait_estimate()
    assert app.session.visit.bill().visit_type is VisitType.EMERGENCY
    driver.present()
    assert "emergency visit" in app.window.sign.who.text()
    driver.sign()
    done = app.window.done
    pump_until(lambda: done.claim.state is ClaimState.SENT, 15, "the claim to be sent")
    with InsurerClient(sandbox.url, sandbox_device_key) as insurer:
        recorded = insurer.claim(done.claim.insurer_claim_id)
    assert recorded.status.value == "accepted"
    document = driver.wait_document()
    assert "emergency" in pdf_text(str(document))


def test_an_approval_pays_once_and_its_auth_number_is_on_the_signed_bill(
    make_kiosk, own_sandbox, own_sandbox_device_key
):
    """PA-DEMO-0108 covers one tonsillectomy: the first visit is covered under its guarantee
    letter (the auth number on the bill and the claim), the second is the family's."""
    app, driver = make_kiosk(own_sandbox, own_sandbox_device_key)
    driver.show_card(card("preauth_approved"))
    auth = next(p for p in app.session.visit.eligibility.preauths if p.grant).grant.auth_number
    driver.start_bill()
    driver.add_item("SURG-TONSIL")
    driver.wait_estimate()
    (line,) = app.session.visit.adjudication.lines
    assert line.reason is Reason.PREAUTH_APPROVED and line.preauth_ref == auth
    assert auth in app.window.bill.lines.rows[1].detail.text()
    driver.present()
    driver.sign()
    done = app.window.done
    pump_until(lambda: done.claim.state is ClaimState.SENT, 15, "the claim to be sent")
    with InsurerClient(own_sandbox.url, own_sandbox_device_key) as insurer:
        recorded = insurer.claim(done.claim.insurer_claim_id)
    assert [x.preauth_ref for x in recorded.adjudication.lines] == [auth]
    saved: list[str] = []
    done.document_saved.connect(saved.append)
    pump_until(lambda: bool(saved) and auth in pdf_text(saved[-1]), 15, "the auth number")
    driver.next_family()

    driver.show_card(card("preauth_approved"))
    (approval,) = [
        v.text()
        for name, v in app.window.eligibility.detail_rows
        if v.isVisible() and name.text() == "Pre-authorisation"
    ]
    assert "used up (1 of 1 uses taken)" in approval and "left" not in approval
    assert not app.window.eligibility.letter_button.isVisible(), (
        "a spent approval guarantees nothing"
    )
    assert Caution.PREAUTH_NO_LONGER_VALID in assess(app.session.visit.eligibility).cautions
    driver.start_bill()
    driver.add_item("SURG-TONSIL")
    driver.wait_estimate()
    (line,) = app.session.visit.adjudication.lines
    assert line.reason is Reason.PREAUTH_USED and line.covered_fen == 0
    assert line.patient_fen == 1_750_000, "the family pays the whole CNY 17,500"
    assert app.window.bill.lines.rows[1].preauth.isVisible(), "a new request can be filed"


def test_a_second_request_for_an_item_already_waiting_is_warned_about_first(kiosk):
    """preauth_pending already has EXAM-MRI waiting for the insurer: the dialog says so, and the
    first click on send only warns."""
    app, driver = kiosk
    driver.show_card(card("preauth_pending"))
    driver.start_bill()
    driver.add_item("EXAM-MRI")
    driver.wait_estimate()
    (flagged,) = app.session.visit.preauth_lines()
    dialog = driver.open_preauth(flagged)
    pump_until(lambda: dialog.warning.isVisible(), 10, "the warning")
    assert "PA-DEMO-0109" in dialog.warning.text()
    assert "waiting for the insurer's decision" in dialog.warning.text()
    pump_until(lambda: dialog.send_button.isEnabled(), 10, "the working-day calendar")
    driver.type(dialog.diagnosis, "Recurrent headache (R51)", interval_ms=0)
    driver.click(dialog.send_button)
    assert dialog.stored is None, "warned, not filed"
    assert dialog.send_button.text() == "File another request anyway"
    driver.click(dialog.send_button)
    pump_until(lambda: dialog.stored is not None, 10, "the request stored")
    dialog.reject()


def test_an_emergency_request_with_a_doctors_note_is_decided_and_reception_is_told(
    make_kiosk, own_sandbox, own_sandbox_device_key, tmp_path
):
    """An abscess incision (outpatient surgery) on an emergency visit: the request is dated today
    (no lead time), carries the doctor's note, and when the insurer approves it the desk's bar
    says so with the auth number."""
    app, driver = make_kiosk(
        own_sandbox, own_sandbox_device_key, preauth_poll_interval=timedelta(seconds=0.2)
    )
    driver.show_card(card("active_standard"))
    driver.start_bill()
    driver.click(app.window.bill.emergency)
    driver.add_item("SUR001")
    driver.wait_estimate()
    (flagged,) = app.session.visit.preauth_lines()
    dialog = driver.open_preauth(flagged)
    assert dialog.emergency.isChecked(), "the visit is an emergency"
    today = app.session.visit.today()
    assert dialog.planned.date().toPython() == today
    note = tmp_path / "doctors-note.png"
    note.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    assert dialog.attach(note)
    assert "doctors-note.png" in dialog.attached.text()
    driver.type(dialog.diagnosis, "Skin abscess (L02.4)", interval_ms=0)
    driver.click(dialog.send_button)
    pump_until(lambda: dialog.stored is not None, 10, "the request stored")
    request_id = dialog.stored.id
    dialog.reject()

    journal = app.session.journal
    pump_until(
        lambda: preauth_request(journal, request_id).insurer_preauth_id is not None,
        15,
        "the request sent",
    )
    preauth_id = preauth_request(journal, request_id).insurer_preauth_id
    with InsurerClient(own_sandbox.url, own_sandbox_device_key) as insurer:
        filed = insurer.preauth(preauth_id)
    assert filed.emergency and filed.planned_date == today
    assert [a.title for a in filed.attachments] == ["doctors-note.png"]
    news = app.window.preauth_news
    assert not news.isVisible(), "a request sent is not news"

    data = str(own_sandbox.data_dir)
    assert sandbox_cli(["preauth", "approve", preauth_id, "--data", data]) == 0
    pump_until(lambda: news.isVisible(), 15, "the decision told at the desk")
    auth = preauth_request(journal, request_id).preauth.grant.auth_number
    assert "approved" in news.text.text() and auth in news.text.text()
    assert "SUR001" in news.text.text()
    assert "李**" in news.text.text(), "the family at the desk, named as on every screen"
    driver.click(news.seen_button)
    assert not news.isVisible()

    # told of the approval, the bill asks again by itself: the incision is covered under it; the
    # bill keeps the catalogue's "outpatient surgery" mark through the signature into the claim
    visit = app.session.visit

    def covered() -> bool:
        estimate = visit.adjudication
        return estimate is not None and {x.reason for x in estimate.lines} == {
            Reason.PREAUTH_APPROVED
        }

    pump_until(covered, 10, "the estimate asked again")
    driver.present()
    driver.sign()
    done = app.window.done
    pump_until(lambda: done.claim.state is ClaimState.SENT, 15, "the claim to be sent")
    with InsurerClient(own_sandbox.url, own_sandbox_device_key) as insurer:
        recorded = insurer.claim(done.claim.insurer_claim_id)
    assert recorded.status.value == "accepted"
    assert [x.preauth_ref for x in recorded.adjudication.lines] == [auth]


def test_the_managers_preauth_panel_follows_the_insurers_decisions(
    make_kiosk, own_sandbox, own_sandbox_device_key
):
    """A manager watching the day sees a request move from pending to approved when the outbox
    hears the insurer decide, without pressing Refresh."""
    app, driver = make_kiosk(
        own_sandbox, own_sandbox_device_key, preauth_poll_interval=timedelta(seconds=0.2)
    )
    journal = app.session.journal
    manager = StaffDirectory(journal).add("Wang Fang", Role.MANAGER, "204719")
    catalogue = app.session.catalogue
    item = catalogue["IMG004"]
    stored = file_preauth(
        journal,
        PreAuthRequest(
            member_id=demo_member("active_plus").member_id,
            item_code=item.code,
            description=item.name_zh,
            category=item.category,
            planned_date=app.session.visit.today(),
            diagnosis="Persistent cough (R05)",
            estimated_cost_fen=item.unit_price_fen,
            emergency=True,
        ),
    )
    app.session.submitter.wake()
    pump_until(
        lambda: preauth_request(journal, stored.id).insurer_preauth_id is not None, 15, "sent"
    )

    driver.click(app.window.header.staff_button)
    sign_in = app.window.manager.sign_in
    pump_until(lambda: bool(sign_in.members), 10, "the staff list")
    sign_in.choose(manager.id)
    for digit in "204719":
        driver.click(sign_in.pad.digit_keys[digit])
    driver.click(sign_in.pad.submit_key)
    pump_until(lambda: app.window.manager.dashboard is not None, 10, "the dashboard")
    panel = app.window.manager.dashboard.day_tab.preauths
    pump_until(lambda: panel.values[PreAuthState.PENDING].text() == "1", 10, "pending 1")

    preauth_id = preauth_request(journal, stored.id).insurer_preauth_id
    assert sandbox_cli(["preauth", "approve", preauth_id, "--data", str(own_sandbox.data_dir)]) == 0
    pump_until(lambda: panel.values[PreAuthState.APPROVED].text() == "1", 15, "approved 1")
    assert panel.values[PreAuthState.PENDING].text() == "0"
