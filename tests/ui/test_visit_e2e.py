"""Whole visits through the real screens against the real insurer sandbox on loopback."""

from __future__ import annotations

import logging
import re

import numpy as np
import pytest
from pypdf import PdfReader

from insurer_sandbox.demo import demo_member
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import ClaimStatus, PreAuthStatus, Reason
from kiosk.journal import ClaimState, PaymentMethod
from kiosk.journal.preauth_requests import preauth_request
from kiosk.privacy import REDACTOR, install_log_redaction, uninstall_log_redaction
from kiosk.scan.camera import GeneratedCamera
from kiosk.scan.demo_camera import DemoCamera
from kiosk.visit import Step
from tests.ui.conftest import card, to_sign
from tests.ui.two_monitors import findings_on_two_monitors
from ui.driver import pump_until, signature_strokes
from ui.tasks import current_runner

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_a_covered_visit_ends_in_a_claim_the_insurer_recorded(kiosk, sandbox, sandbox_device_key):
    app, driver = kiosk
    driver.show_card(card("active_plus"))
    assert app.window.eligibility.bill_button.isVisible()
    driver.start_bill()
    driver.add_item("GP001")
    driver.add_item("xcg")  # pinyin initials of 血常规, the blood count
    driver.wait_estimate()
    adjudication = app.session.visit.adjudication
    assert [line.item_code for line in app.session.visit.lines] == ["GP001", "LAB001"]
    assert {line.reason for line in adjudication.lines} == {Reason.COVERED}
    driver.present()
    bill_hash = app.session.visit.presented_hash
    driver.sign()

    done = app.window.done
    pump_until(lambda: done.claim.state is ClaimState.SENT, 15, "the claim to be sent")
    assert done.claim.insurer_claim_id in done.claim_state.text()
    with InsurerClient(sandbox.url, sandbox_device_key) as insurer:
        recorded = insurer.claim(done.claim.insurer_claim_id)
    assert recorded.status is ClaimStatus.ACCEPTED
    assert recorded.bill_hash == bill_hash
    assert recorded.adjudication.total_covered_fen == adjudication.total_covered_fen
    assert not done.method_buttons[PaymentMethod.CASH].isVisible()  # nothing to pay
    saved: list[str] = []
    done.document_saved.connect(saved.append)
    number = done.claim.insurer_claim_id

    def pdf_text() -> str:
        pages = PdfReader(saved[-1]).pages if saved else []
        return re.sub(r"\s+", "", "".join(page.extract_text() for page in pages))

    # Written at once with "pending", then again with the insurer's claim number.
    pump_until(lambda: number in pdf_text(), 15, "the signed bill with its claim number")
    assert bill_hash in pdf_text()
    driver.next_family()
    assert app.session.visit.eligibility is None


def test_a_greyed_card_stops_at_eligibility_with_the_unpaid_amount(kiosk):
    app, driver = kiosk
    driver.scanner_reads(card("greyed_unpaid"))  # the handheld scanner, typing a burst
    driver.wait_step(Step.ELIGIBILITY)
    assert app.session.visit.source.value == "scanner"
    screen = app.window.eligibility
    assert screen.card.property("verdict") == "red"
    assert screen.headline.text() == "No direct billing today"
    assert "¥356.00" in screen.reasons.text()
    assert "Card on hold" in screen.reasons.text()
    assert "就诊记录 (visit records), then 支付 (pay)" in screen.reasons.text()
    assert "(claim CLM-2026-004417)" in screen.reasons.text()
    assert not screen.bill_button.isVisible()
    driver.click(screen.back_button)
    assert app.session.visit.step is Step.SCAN


def test_an_item_over_5000_is_flagged_and_a_preauth_is_requested(
    kiosk, sandbox, sandbox_device_key
):
    app, driver = kiosk
    member = demo_member("active_standard")
    driver.show_card(card("active_standard"))
    driver.start_bill()
    driver.add_item("EXAM-MRI")  # head MRI, CNY 6,800
    driver.wait_estimate()
    visit = app.session.visit
    (flagged,) = visit.preauth_lines()
    row = app.window.bill.lines.rows[flagged]
    assert row.property("tone") == "warning" and row.preauth.isVisible()
    assert "pre-authorisation" in app.window.bill.state.text()

    dialog = driver.open_preauth(flagged)
    pump_until(lambda: dialog.calendar is not None, 10, "the working-day calendar")
    earliest = dialog.calendar.earliest_planned_date
    assert "5 working days" in dialog.rule.text()
    assert dialog.planned.minimumDate().toPython() == earliest
    driver.click(dialog.send_button)
    assert "diagnosis" in dialog.note.text()  # refused locally: nothing sent without one
    dialog.diagnosis.setText("Recurrent headache (R51)")
    driver.click(dialog.send_button)
    pump_until(lambda: dialog.stored is not None, 10, "the request stored")
    assert "as soon as its system can be reached" in dialog.note.text()
    journal = app.session.journal
    pump_until(
        lambda: preauth_request(journal, dialog.stored.id).preauth is not None,
        10,
        "the outbox sending the request",
    )
    preauth = preauth_request(journal, dialog.stored.id).preauth
    assert preauth.status is PreAuthStatus.PENDING
    assert preauth.planned_date == earliest and preauth.estimated_cost_fen == 680_000
    with InsurerClient(sandbox.url, sandbox_device_key) as insurer:
        listed = insurer.preauths(member.member_id).preauths
    assert [p.preauth_id for p in listed].count(preauth.preauth_id) == 1


@pytest.mark.parametrize(
    ("state", "code", "preauth_id", "reason", "shown"),
    [
        ("preauth_approved", "SURG-TONSIL", "PA-DEMO-0108", Reason.PREAUTH_APPROVED, "¥17,500.00"),
        ("near_annual_limit", "TRT-REHAB", "PA-DEMO-0110", Reason.PREAUTH_APPROVED, "¥600.00"),
        ("preauth_pending", "EXAM-MRI", None, Reason.PREAUTH_REQUIRED, "¥6,800.00"),
    ],
)
def test_the_demo_catalogue_item_a_preauth_names_is_covered_only_once_approved(
    kiosk, state, code, preauth_id, reason, shown
):
    app, driver = kiosk
    driver.show_card(card(state))
    driver.start_bill()
    driver.add_item(code)
    driver.wait_estimate()
    visit = app.session.visit
    (line,) = visit.lines
    assert (line.item_code, line.preauth_id) == (code, preauth_id)
    (verdict,) = visit.adjudication.lines
    assert verdict.reason is reason
    row = app.window.bill.lines.rows[line.line_no]
    if reason is Reason.PREAUTH_APPROVED:
        assert verdict.covered_fen == line.unit_price_fen and verdict.patient_fen == 0
        assert "Covered: pre-authorised" in row.detail.text()
        assert shown in row.covered.text() and not row.preauth.isVisible()
    else:
        assert verdict.covered_fen == 0 and row.preauth.isVisible()
        assert shown in row.patient.text()


def test_mixed_covered_and_not_covered_lines_total_and_the_family_pays_its_part(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key
):
    app, driver = make_kiosk(fresh_sandbox, fresh_sandbox_device_key)
    driver.show_card(card("active_standard"))
    driver.start_bill()
    driver.add_item("GP001")  # consultation ¥680, covered (a free visit)
    driver.add_item("VAC002", quantity=2)  # vaccines ¥168 each, outside the plan
    driver.add_item("NM001")  # medical certificate ¥50, non-medical
    driver.wait_estimate()
    adjudication = app.session.visit.adjudication
    assert (
        adjudication.total_submitted_fen,
        adjudication.total_covered_fen,
        adjudication.total_patient_fen,
    ) == (106_600, 68_000, 38_600)
    totals = app.window.bill.totals.text()
    assert "¥1,066.00" in totals and "¥680.00" in totals and "¥386.00" in totals
    vaccine = next(line for line in app.session.visit.lines if line.item_code == "VAC002")
    assert "¥336.00" in app.window.bill.lines.rows[vaccine.line_no].patient.text()

    driver.present()
    sign = app.window.sign
    assert sign.insurer_amount.text() == "¥680.00"
    assert sign.family_amount.text() == "¥386.00"
    driver.sign()
    driver.pay(PaymentMethod.WECHAT)
    presented = app.session.visit.presented
    (payment,) = app.session.journal.payments(presented.journal_visit_id)
    assert (payment.method, payment.amount_fen) == (PaymentMethod.WECHAT, 38_600)
    assert "WeChat Pay" in app.window.done.payment_state.text()


def test_a_bill_is_not_signed_without_a_real_signature(kiosk):
    app, driver = kiosk
    to_sign(driver, "GP002")
    sign = app.window.sign
    driver.confirm_signature()
    assert app.session.visit.step is Step.SIGN
    assert sign.message.text() == "Please sign in the white box first."
    driver.draw_signature([[(40, 60), (52, 62), (60, 64)]])  # a short tick
    driver.confirm_signature()
    assert app.session.visit.step is Step.SIGN
    assert "too short" in sign.message.text()
    assert app.session.journal.claims() == []
    driver.click(sign.clear_button)
    assert sign.pad.is_empty()
    pad = sign.pad
    driver.draw_signature(signature_strokes(pad.width(), pad.height()))
    driver.confirm_signature()
    driver.wait_step(Step.DONE)
    (claim,) = app.session.journal.claims()
    signature = app.session.journal.signature(claim.bill_id)
    assert signature.bill_hash == app.session.visit.presented_hash
    assert signature.point_count >= 20


def test_idle_timeout_clears_the_visit_from_every_screen(make_kiosk, sandbox, sandbox_device_key):
    app, driver = make_kiosk(sandbox, sandbox_device_key, idle_seconds=1.0)
    driver.show_card(card("active_plus"))
    driver.start_bill()
    driver.add_item("GP001")
    driver.wait_estimate()
    masked = app.session.visit.eligibility.member.name_masked
    assert masked in app.window.bill.title.text()
    driver.wait_step(Step.SCAN, timeout=5)
    visit = app.session.visit
    assert visit.eligibility is None and visit.lines == () and visit.adjudication is None
    window = app.window
    shown = [
        window.eligibility.headline.text(),
        window.eligibility.reasons.text(),
        window.bill.title.text(),
        *(row.name.text() for row in window.bill.lines.rows.values()),
    ]
    assert not any(masked in text for text in shown)
    assert window.bill.lines.rows == {}


def test_activity_postpones_the_idle_timeout(make_kiosk, sandbox, sandbox_device_key, qtbot):
    app, driver = make_kiosk(sandbox, sandbox_device_key, idle_seconds=2.0)
    driver.show_card(card("active_plus"))
    driver.start_bill()
    idle = app.idle
    for _ in range(3):  # together longer than the idle time
        pump_until(lambda: idle.seconds_left() < 1.0, 5, "half the idle time without input")
        qtbot.keyClick(app.window.bill.search, "g")
        assert idle.seconds_left() > 1.5, "a key press starts the count again"
        assert app.session.visit.step is Step.BILL
    driver.wait_step(Step.SCAN, timeout=5)


def test_the_language_switch_turns_every_screen_to_chinese_and_back(kiosk):
    app, driver = kiosk
    window = app.window
    assert window.scan.prompt.text() == "Show your child's e-card to the camera"
    assert CJK.search(window.scan.prompt_other.text())  # the other language, always shown
    driver.switch_language()
    assert app.session.language == "zh_CN"
    assert CJK.search(window.scan.prompt.text())
    assert window.scan.prompt_other.text() == "Show your child's e-card to the camera"
    assert window.header.language_button.text() == "English"
    driver.show_card(card("expired"))
    assert CJK.search(window.eligibility.headline.text())
    assert CJK.search(window.eligibility.reasons.text())
    assert all(CJK.search(label.text()) for label in window.header.steps.values())
    driver.switch_language()
    assert window.eligibility.headline.text() == "No direct billing today"
    assert "The policy ended on" in window.eligibility.reasons.text()


def test_staff_look_a_member_up_without_the_card(kiosk):
    app, driver = kiosk
    member = demo_member("active_plus")
    driver.lookup(member.policy_number, member.child_name, "1380000")
    assert "11-digit" in app.window.scan.status.text()
    assert app.session.visit.step is Step.SCAN
    driver.lookup(member.policy_number, member.child_name, member.guardian_phone)
    driver.wait_step(Step.ELIGIBILITY)
    assert app.session.visit.eligibility.member.member_id == member.member_id


def test_a_name_typed_at_the_lookup_stays_out_of_the_logs_until_the_visit_ends(kiosk, caplog):
    app, driver = kiosk
    member = demo_member("active_plus")
    install_log_redaction()
    try:
        driver.lookup(member.policy_number, "Oliver Smith", member.guardian_phone)
        pump_until(lambda: app.session.visit.step is not Step.CHECKING, 10, "the insurer")
        with caplog.at_level(logging.INFO, logger="tests.lookup"):
            logging.getLogger("tests.lookup").info("retrying lookup for Oliver Smith")
        assert "Oliver Smith" not in caplog.text
        app.window.forget_visit()
        assert "Oliver Smith" not in REDACTOR.redact("a later message")
        assert REDACTOR.redact("Oliver Smith") == "Oliver Smith"  # forgotten with the visit
    finally:
        uninstall_log_redaction()


def test_a_code_that_is_not_an_e_card_is_refused_with_a_reason(kiosk):
    app, driver = kiosk
    driver.scan("https://example.com/not-a-card")
    assert app.session.visit.step is Step.SCAN
    assert "not an e-card" in app.window.scan.status.text()
    token = card("active_plus")
    driver.show_card(token)
    driver.click(app.window.eligibility.back_button)
    driver.scan(token)  # the same code again: a screenshot of a card is refused
    assert "already used" in app.window.scan.status.text()


def test_the_camera_reads_a_card_while_the_preview_keeps_running(
    make_kiosk, sandbox, sandbox_device_key
):
    camera = DemoCamera(fps=20)
    app, driver = make_kiosk(sandbox, sandbox_device_key, camera=camera)
    view = app.window.scan.camera_view
    pump_until(lambda: view.has_frame, 5, "a preview frame")
    camera.show(card("active_plus"))
    driver.wait_step(Step.ELIGIBILITY, timeout=15)
    assert app.session.visit.source.value == "camera"


def test_with_two_monitors_the_family_signs_on_the_second(sandbox, sandbox_device_key, tmp_path):
    findings = findings_on_two_monitors(
        "tests.ui.second_display", sandbox, sandbox_device_key, tmp_path
    )
    assert findings.pop("screens") == "2"
    assert findings == dict.fromkeys(findings, "True") and len(findings) == 6


def test_a_lost_camera_is_said_plainly_and_the_scanner_still_works(
    make_kiosk, sandbox, sandbox_device_key
):
    unplugged = GeneratedCamera(
        lambda _number: np.zeros((720, 1280, 3), np.uint8), fail_opens=10**6
    )
    app, driver = make_kiosk(sandbox, sandbox_device_key, camera=unplugged)
    note = app.window.scan.camera_note
    pump_until(lambda: note.isVisible(), 5, "the camera note")
    assert "handheld scanner" in note.text()
    driver.scanner_reads(card("active_plus"))
    driver.wait_step(Step.ELIGIBILITY)


def test_reception_can_stop_waiting_for_a_slow_insurer(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key
):
    app, driver = make_kiosk(fresh_sandbox, fresh_sandbox_device_key)
    fresh_sandbox.inject_fault("delay", delay_ms=1500, path_prefix="/v1/eligibility")
    driver.scan(card("active_plus"))
    scan = app.window.scan
    pump_until(lambda: app.session.visit.step is Step.CHECKING, 5, "the check to start")
    assert scan.cancel_check.isVisible()
    driver.click(scan.cancel_check)
    assert app.session.visit.step is Step.SCAN and not scan.cancel_check.isVisible()
    runner = current_runner()
    pump_until(lambda: runner.busy == 0, 10, "the insurer's late answer")
    assert app.session.visit.step is Step.SCAN and app.session.visit.eligibility is None


def test_a_scanner_burst_does_not_leave_the_code_in_the_field_that_had_focus(kiosk):
    app, driver = kiosk
    scan = app.window.scan
    driver.click(scan.lookup_toggle)
    driver.type(scan.policy, "GP20")  # reception had started typing by hand
    driver.type(scan.policy, card("active_plus") + "\r", interval_ms=4)  # then scans the card
    driver.wait_step(Step.ELIGIBILITY)
    assert app.session.visit.source.value == "scanner"
    assert scan.policy.text() == "GP20"  # what reception typed, without the scanned code


def test_a_clinic_catalogue_is_imported_and_a_bad_file_is_refused_whole(kiosk, tmp_path):
    app, _driver = kiosk
    good = tmp_path / "clinic.csv"
    good.write_text(
        "code,name_zh,name_en,category,price\n"
        'K100,儿童推拿,Paediatric massage,treatment,"1,280.00"\n',
        encoding="utf-8",
    )
    bad = tmp_path / "broken.csv"
    bad.write_text(
        "code,name_zh,name_en,category,price\nK200,针灸,Acupuncture,treatment,abc\n",
        encoding="utf-8",
    )
    bill = app.window.bill
    bill.import_catalogue(good)
    pump_until(lambda: len(app.session.catalogue) == 1, 5, "the clinic's catalogue")
    assert [item.code for item in app.session.catalogue.search("ettn")] == [
        "K100"
    ]  # 儿童推拿 by pinyin initials
    bill.import_catalogue(bad)
    pump_until(lambda: "line 2" in bill.catalogue_note.text(), 5, "the refusal")
    assert [item.code for item in app.session.catalogue] == ["K100"]

    old_excel = tmp_path / "fees.xls"
    old_excel.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
    bill.import_catalogue(old_excel)
    pump_until(lambda: "old Excel file" in bill.catalogue_note.text(), 5, "the refusal")
    bill.import_catalogue(tmp_path)
    pump_until(lambda: "is a folder" in bill.catalogue_note.text(), 5, "the refusal")
    assert [item.code for item in app.session.catalogue] == ["K100"]
