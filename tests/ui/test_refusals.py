"""Every refused card has a next step: the reason in the manual's terms with the insurer's hotline,
the field that caused it highlighted, no balances shown as if usable, and a self-pay visit that
bills from the catalogue, takes the family's payment and gives a self-pay statement without ever
sending a claim. Through the real screens, against the real sandbox on loopback."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader

from insurer_sandbox.demo import (
    DEMO_CLINIC_ID,
    DEMO_UNKNOWN_CARD,
    PLUS_ONLY_CLINIC_ID,
    demo_member,
)
from insurer_sandbox.server import create_device_key
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import Reason
from kiosk.journal import PaymentMethod
from kiosk.money import format_yuan
from kiosk.visit import UNIDENTIFIED_MEMBER, Step
from launchers.demo import fresh_token
from tests.ui.conftest import card
from ui.driver import pump_until
from ui.i18n import I18N_DIR

HOTLINE = "021-80209058"


def visible_details(screen) -> dict[str, tuple[str, bool]]:
    """The eligibility screen's detail rows on show: name → (value, highlighted)."""
    return {
        name.text(): (value.text(), bool(value.property("flagged")))
        for name, value in screen.detail_rows
        if not name.isHidden()
    }


@pytest.mark.parametrize(
    ("state", "flagged", "reason", "says"),
    [
        ("greyed_unpaid", "Card", Reason.SELF_PAY, "¥356.00"),
        ("expired", "Policy period", Reason.SELF_PAY, HOTLINE),
        ("not_yet_in_force", "Policy period", Reason.SELF_PAY, HOTLINE),
        ("out_of_network", "This clinic", Reason.OUT_OF_NETWORK, HOTLINE),
        ("unknown_card", "Card", Reason.SELF_PAY, HOTLINE),
    ],
)
def test_a_refused_card_goes_on_as_a_self_pay_visit_with_no_claim(
    make_kiosk, sandbox, state, flagged, reason, says
):
    # A standard-tier card is out of network only at the PLUS-only clinic.
    clinic = PLUS_ONLY_CLINIC_ID if state == "out_of_network" else DEMO_CLINIC_ID
    device_key = create_device_key(sandbox.data_dir, clinic)
    app, driver = make_kiosk(sandbox, device_key)
    token = fresh_token(DEMO_UNKNOWN_CARD) if state == "unknown_card" else card(state)
    driver.show_card(token)
    screen = app.window.eligibility
    assert screen.card.property("verdict") == "red"
    assert says in screen.reasons.text()
    assert "Today's visit can go on as self-pay." in screen.reasons.text()
    details = visible_details(screen)
    assert [name for name, (_, marked) in details.items() if marked] == [flagged]
    # Nothing on a refused card reads as usable today: no balances, no fully-paid visits.
    assert not {"Fully-paid visits left", "Outpatient and emergency"} & set(details)
    assert not screen.bill_button.isVisible() and screen.self_pay_button.isVisible()

    driver.click(screen.self_pay_button)
    driver.wait_step(Step.BILL)
    bill = app.window.bill
    assert bill.title.text().startswith("Self-pay bill")
    driver.add_item("GP001")
    driver.add_item("xcg")
    visit = app.session.visit
    adjudication = visit.adjudication
    assert adjudication is not None  # priced at the desk at once, the insurer is not asked
    assert adjudication.total_covered_fen == 0
    total = sum(line.submitted_fen for line in visit.lines)
    assert len(visit.lines) == 2 and adjudication.total_patient_fen == total
    assert {line.reason for line in adjudication.lines} == {reason}
    assert "nothing is claimed" in bill.state.text()
    assert bill.sign_button.text() == "Self-pay: take the payment"

    driver.click(bill.sign_button)
    driver.wait_step(Step.DONE)
    done = app.window.done
    assert visit.self_pay and visit.signed is None
    assert "No claim" in done.claim_state.text()
    driver.pay(PaymentMethod.CASH)
    document = driver.wait_document()
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(document).pages))
    assert format_yuan(total).replace(" ", "") in text

    journal = app.session.journal
    assert journal.claims() == []
    member = demo_member(state).member_id if state != "unknown_card" else UNIDENTIFIED_MEMBER
    assert journal.visit(visit.presented.journal_visit_id).member_id == member
    with InsurerClient(sandbox.url, device_key) as insurer:
        statement = insurer.daily_statement(visit.today())
    token_member = DEMO_UNKNOWN_CARD.member_id if state == "unknown_card" else member
    assert token_member not in {line.member_id for line in statement.claims}


def test_the_greyed_card_note_prints_the_amount_and_how_to_pay_it(kiosk, opened_files):
    app, driver = kiosk
    driver.show_card(card("greyed_unpaid"))
    screen = app.window.eligibility
    assert screen.note_button.isVisible()
    saved: list[str] = []
    screen.note_saved.connect(saved.append)
    driver.click(screen.note_button)
    pump_until(lambda: saved, 10, "the note printed")
    assert opened_files.paths == saved
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(saved[0]).pages))
    for expected in ("¥356.00", "CLM-2026-004417", "就诊记录", "支付", HOTLINE):
        assert expected in text, expected
    assert demo_member("greyed_unpaid").policy_number not in text  # masked: last 4 only
    assert demo_member("greyed_unpaid").policy_number[-4:] in text


def test_an_active_card_offers_no_self_pay_and_no_note(kiosk):
    app, driver = kiosk
    driver.show_card(card("active_plus"))
    screen = app.window.eligibility
    assert screen.bill_button.isVisible()
    assert not screen.self_pay_button.isVisible() and not screen.note_button.isVisible()
    assert "Fully-paid visits left" in visible_details(screen)
    assert not any(marked for _, marked in visible_details(screen).values())


PROMISES = {
    "en": re.compile(r"reimburs|claim (it )?back|refund from the insurer", re.IGNORECASE),
    "zh_CN": re.compile(r"(?<!不接受)(事后理赔|报销)"),
}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_screen_or_document_promises_reimbursement_afterwards(language):
    """The manual, for network private clinics: "无需支付(不接受事后理赔)". No text the kiosk
    shows or prints may send a family to claim its money back from the insurer."""
    ts = I18N_DIR / f"kiosk_{language}.ts"
    found = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        forms = translation.findall("numerusform")
        texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
        texts.append(message.find("source").text or "")
        found += [text for text in texts if PROMISES[language].search(text)]
    assert found == []
