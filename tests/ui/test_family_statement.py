"""What the family signs and keeps: the same consent words, a final statement, a self-pay receipt
instead of a ¥0 claim, and the statement in the e-card's visit records once the outbox sent it."""

from __future__ import annotations

import re
import unicodedata

import pytest
import requests
from pypdf import PdfReader

from insurer_sandbox.demo import DEMO_CLINIC_ID, demo_member
from kiosk.journal import ClaimState, PaymentMethod
from kiosk.journal.statements import latest_statement
from kiosk.visit import Step
from launchers.demo import DEMO_CLINIC_PROFILES
from tests.ui.conftest import card
from ui.driver import pump_until
from ui.screens.sign import PAD_MIN_HEIGHT
from ui.tasks import current_runner


def squeezed(text: str) -> str:
    """Text without whitespace and ligatures: a PDF's text layer breaks lines where the page
    wrapped them, and sets "fi" as one glyph."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_text(path) -> str:
    return squeezed("".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_statement_prints_the_consent_the_parent_read_and_the_claim_as_it_ended(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key, language
):
    clinic = DEMO_CLINIC_PROFILES[DEMO_CLINIC_ID]  # names, address and phone from the settings
    app, driver = make_kiosk(
        fresh_sandbox, fresh_sandbox_device_key, language=language, clinic=clinic
    )
    driver.show_card(card("active_plus"))
    driver.start_bill()
    driver.add_item("GP001")
    driver.add_item("NM001")  # a medical certificate: not covered, the family pays it
    driver.wait_estimate()
    driver.present()
    sign = app.window.sign
    consent = sign.consent.text()
    child = demo_member("active_plus")
    assert "¥" in consent and consent.count(app.session.clinic.name(language)) == 2
    if language == "zh_CN":
        assert "申请直付" in consent and "Clinic" not in consent
    else:
        assert "direct billing" in consent
    # Every line says why it is paid or not, in the family's words.
    reasons = {sign.lines.item(row, 1).text() for row in range(sign.lines.rowCount())}
    assert len(reasons) == 2
    assert not sign.more.isVisible()  # two lines: nothing hidden below
    assert child.member_id not in sign.who.text()
    driver.sign()
    done = app.window.done
    pump_until(lambda: done.claim.state is ClaimState.SENT, 15, "the claim to be accepted")
    number = done.claim.insurer_claim_id
    driver.pay(PaymentMethod.WECHAT)
    pump_until(
        lambda: done.statement is not None and done.statement.final and current_runner().busy == 0,
        15,
        "the final statement",
    )
    text = pdf_text(done.document)
    assert squeezed(consent) in text
    assert number in text
    expected = ("微信支付", "直付账单", "账单号") if language == "zh_CN" else ("WeChatPay",)
    expected += ("Direct-billingstatement", "Statementno.") if language == "en" else ()
    assert all(words in text for words in expected), expected
    assert "Invoice" not in text and "发票号" not in text
    assert "021-80209058" in text
    assert squeezed(clinic.address(language)) in text and squeezed(clinic.phone) in text
    # The journal keeps the same bytes; the signature binds the bill, not the version.
    kept = latest_statement(app.session.journal, done.claim.bill_id)
    assert kept is not None and kept.final and kept.version == done.statement.version
    assert kept.pdf == done.document.read_bytes()
    assert app.session.journal.signature(done.claim.bill_id).facts.consent == consent


def test_the_statement_reaches_the_members_visit_records_through_the_outbox(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key
):
    sandbox = fresh_sandbox
    app, driver = make_kiosk(sandbox, fresh_sandbox_device_key)
    driver.show_card(card("active_plus"))
    driver.start_bill()
    driver.add_item("GP001")
    driver.wait_estimate()
    driver.present()
    driver.sign()
    done = app.window.done
    pump_until(lambda: done.claim.state is ClaimState.SENT, 15, "the claim to be accepted")
    pump_until(lambda: "visit records" in done.document_state.text(), 15, "the statement")
    bill_id = done.claim.bill_id
    journal = app.session.journal

    member = demo_member("active_plus").member_id
    link = f"/demo/card/{member}/records/{done.claim.insurer_claim_id}.pdf"

    def delivered():
        """The newest version is at the insurer (the Done screen and the catch-up may each
        have made one; the outbox delivers the newest)."""
        kept = latest_statement(journal, bill_id)
        if kept is None or not kept.claim_number or kept.sent_at is None:
            return False
        return requests.get(sandbox.url + link, timeout=10).content == kept.pdf

    pump_until(delivered, 30, "the newest statement to be delivered")
    page = requests.get(f"{sandbox.url}/demo/card/{member}", timeout=10).text
    assert "就诊记录" in page and done.claim.insurer_claim_id in page
    assert link in page
    pdf = requests.get(sandbox.url + link, timeout=10)
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh_CN", ("自费账单", "诊断证明书", "现金", "不是发票")),
        ("en", ("Self-paystatement", "Medicalcertificate", "bycash", "notafapiao")),
    ],
)
def test_a_bill_the_insurer_pays_nothing_on_is_self_pay_with_a_receipt_and_no_claim(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key, language, words
):
    """No claim, and a receipt in the family's language, items named as the bill showed them."""
    app, driver = make_kiosk(fresh_sandbox, fresh_sandbox_device_key, language=language)
    driver.show_card(card("active_plus"))
    driver.start_bill()
    driver.add_item("NM001")
    driver.wait_estimate()
    bill = app.window.bill
    assert app.session.visit.adjudication.total_covered_fen == 0
    self_pay = "自费" if language == "zh_CN" else "Self-pay"
    assert self_pay in bill.sign_button.text()
    driver.click(bill.sign_button)
    driver.wait_step(Step.DONE)  # straight to Done: nothing to sign, no claim
    assert app.session.visit.self_pay and app.session.visit.signed is None
    done = app.window.done
    assert self_pay in done.title.text()
    driver.pay(PaymentMethod.CASH)
    pump_until(lambda: done.statement is not None and done.statement.final, 15, "the final receipt")
    text = pdf_text(done.document)
    assert "¥50.00" in text and all(word in text for word in words), (words, text)
    assert ("诊断证明书" in text) == (language == "zh_CN")
    assert "签字时间" not in text and "Signedat" not in text  # nothing was signed
    journal = app.session.journal
    assert journal.claims() == []
    assert journal.payments(app.session.visit.presented.journal_visit_id)[0].amount_fen == 5000


@pytest.mark.parametrize("text_size", [100, 150])
def test_a_long_bill_on_the_sign_screen_says_how_many_lines_are_below_and_each_can_be_reached(
    kiosk, text_size
):
    """Seven lines do not fit above the signature box: the list scrolls, the cue counts the lines
    not wholly in view, and at the end of the list the last line is whole and the cue gone."""
    app, driver = kiosk
    window = app.window
    window.readability.set_text_size(text_size)
    driver.show_card(card("active_standard"))
    driver.start_bill()
    for code in ("GP001", "LAB001", "LAB009", "IMG002", "RX001", "RX004", "RX005"):
        driver.add_item(code)
    driver.wait_estimate()
    driver.present()
    window.resize(1280, 800)  # the kiosk's screen
    driver.settle()
    assert window.height() == 800
    sign, lines = window.sign, window.sign.lines
    viewport = lines.viewport().height()
    whole = [
        row
        for row in range(lines.rowCount())
        if lines.rowViewportPosition(row) + lines.rowHeight(row) <= viewport
    ]
    assert lines.rowCount() == 7 and 1 <= len(whole) < 7
    assert sign.more.isVisible()
    assert f"{7 - len(whole)} " in sign.more.text()
    assert sign.pad.height() >= PAD_MIN_HEIGHT  # the list gave way, not the signature box
    taps = 0
    while "below" in sign.more.text() and taps < 7:  # the cue pages on
        driver.click(sign.more)
        driver.settle()
        taps += 1
    last = lines.rowCount() - 1
    assert lines.rowViewportPosition(last) + lines.rowHeight(last) <= lines.viewport().height()
    assert 1 <= taps < 7
    assert "first line" in sign.more.text()  # and offers the way back
    driver.click(sign.more)
    driver.settle()
    assert lines.rowViewportPosition(0) == 0 and "below" in sign.more.text()
