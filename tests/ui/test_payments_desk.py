"""Payments as the desk takes them, through the real Done screen against the real sandbox: a split
across methods, a part payment that leaves an amount owed to the clinic and its collection from
the owed-to-clinic widget, the fapiao number, and bad input that records nothing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from kiosk.journal import PaymentMethod
from kiosk.money import format_yuan
from kiosk.payments import account, amounts_owed
from kiosk.reports import day_summary
from tests.ui.conftest import card
from ui.driver import KioskDriver, pump_until

CASH, CARD, WECHAT, ALIPAY = (
    PaymentMethod.CASH,
    PaymentMethod.CARD,
    PaymentMethod.WECHAT,
    PaymentMethod.ALIPAY,
)


def signed_visit_with_a_family_share(driver: KioskDriver) -> int:
    """Vaccines and a certificate (outside the plan) beside a consultation, signed: the family
    share, in fen (CNY 386 at least)."""
    driver.show_card(card("active_standard"))
    driver.start_bill()
    driver.add_item("GP001")
    driver.add_item("VAC002", quantity=2)
    driver.add_item("NM001")
    driver.wait_estimate()
    driver.present()
    driver.sign()
    presented = driver.visit.presented
    assert presented is not None
    share = presented.shown.totals.patient_fen
    assert share >= 38_600
    return share


def type_into(field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.clear()
    field.insert(text)


def yuan(fen: int) -> str:
    return format_yuan(fen, symbol=False).replace(",", "")


def split(driver: KioskDriver, amounts: dict[PaymentMethod, str], paying: str | None) -> None:
    """Open "Split / part payment", key amounts by method and what is being paid, record."""
    panel = driver.window.done.payment
    if not panel.split_button.isChecked():
        driver.click(panel.split_button)
    for method, field in panel.split_amounts.items():
        type_into(field, amounts.get(method, ""))
    if paying is not None:
        type_into(panel.paying, paying)
    driver.click(panel.record_button)


def test_a_split_payment_is_recorded_by_method_and_counted_in_the_day_summary(kiosk):
    app, driver = kiosk
    share = signed_visit_with_a_family_share(driver)
    done = app.window.done
    journal, visit_id = app.session.journal, app.session.visit.presented.journal_visit_id
    type_into(done.payment.split_references[WECHAT], "4200001234")
    split(driver, {CASH: "200", WECHAT: yuan(share - 20_000)}, None)  # paying: the whole share
    pump_until(lambda: "Recorded" in done.payment_state.text(), 5, "the split recorded")
    recorded = account(journal, visit_id)
    assert [(p.method, p.amount_fen, p.reference) for p in recorded.payments] == [
        (CASH, 20_000, None),
        (WECHAT, share - 20_000, "4200001234"),
    ]
    assert recorded.owed_fen == 0
    text = done.payment_state.text()
    assert "Cash ¥200.00" in text and f"WeChat Pay {format_yuan(share - 20_000)}" in text
    assert "owed" not in text
    assert done.payment.title.text() == "The family's part is paid."
    assert not done.payment.split_button.isVisible()
    # the manager's day: each method with what it took
    by_method = {
        t.method: t.amount_fen for t in day_summary(journal, recorded.service_date).payments
    }
    assert by_method[CASH] >= 20_000 and by_method[WECHAT] >= share - 20_000
    # the family's statement is made again with the payments by method
    pump_until(lambda: done.statement is not None and done.statement.paid_fen == share, 10, "pdf")
    assert [(p.method, p.amount_fen) for p in done.statement.payments] == [
        ("cash", 20_000),
        ("wechat", share - 20_000),
    ]


def test_a_part_payment_leaves_an_amount_owed_that_is_collected_when_the_child_comes_back(
    kiosk, qtbot
):
    app, driver = kiosk
    share = signed_visit_with_a_family_share(driver)
    done = app.window.done
    journal = app.session.journal
    visit_id = app.session.visit.presented.journal_visit_id
    member = app.session.visit.member_id
    for earlier in amounts_owed(journal, member):  # the shared sandbox's member, from other tests
        pytest.fail(f"unexpected amount owed {earlier}")
    split(driver, {CASH: "300"}, "300")
    owed = share - 30_000
    pump_until(lambda: "left owed" in done.payment_state.text(), 5, "the part payment recorded")
    assert f"{format_yuan(owed)} is left owed to the clinic" in done.payment_state.text()
    assert done.payment.title.text() == (
        f"{format_yuan(owed)} is still to pay. How does the family pay it?"
    )
    [owing] = amounts_owed(journal, member)
    assert (owing.visit_id, owing.owed_fen) == (visit_id, owed)
    driver.next_family()

    # the child comes back: the eligibility screen shows what is owed, and reception collects it
    driver.show_card(card("active_standard"))
    widget = app.window.eligibility.owed
    qtbot.waitUntil(lambda: widget.isVisible() and bool(widget.collect_buttons), timeout=5000)
    assert format_yuan(owed) in widget.title.text()
    assert owing.statement_no in widget.row_labels[0].text()
    with qtbot.waitSignal(widget.collected, timeout=5000) as collected:
        driver.click(widget.collect_buttons[0])
        dialog = widget.dialog
        assert dialog is not None and dialog.isVisible()
        assert format_yuan(owed) in dialog.panel.title.text()
        driver.click(dialog.panel.method_buttons[ALIPAY])
    assert collected.args == [visit_id, owed]
    qtbot.waitUntil(lambda: not widget.isVisible(), timeout=5000)
    assert amounts_owed(journal, member) == []
    payments = account(journal, visit_id).payments
    assert [(p.method, p.amount_fen) for p in payments] == [(CASH, 30_000), (ALIPAY, owed)]
    # The outbox delivers statements on its own thread meanwhile: the visit's last entry.
    entry = [e for e in journal.audit_entries() if e.subject == f"visit:{visit_id}"][-1]
    assert entry.action == "payment.collected"


@pytest.mark.parametrize(
    ("amounts", "paying", "says"),
    [
        ({CASH: "200", WECHAT: "100"}, "386", "add up to ¥300.00, not the ¥386.00 being paid"),
        ({CASH: "0"}, None, "Enter amounts above zero"),
        ({CASH: "-5"}, None, "Enter amounts in yuan"),
        ({CASH: "abc"}, None, "Enter amounts in yuan"),
        ({CASH: "99999"}, "99999", "is more than the"),
        ({}, None, "Enter amounts above zero"),
    ],
)
def test_a_split_that_does_not_add_up_says_so_and_records_nothing(kiosk, amounts, paying, says):
    app, driver = kiosk
    signed_visit_with_a_family_share(driver)
    done = app.window.done
    journal, visit_id = app.session.journal, app.session.visit.presented.journal_visit_id
    split(driver, amounts, paying)
    pump_until(lambda: "Nothing was recorded" in done.payment_state.text(), 5, "the refusal")
    assert says in done.payment_state.text()
    assert done.payment_state.property("tone") == "error"
    assert journal.payments(visit_id) == []
    assert not [e for e in journal.audit_entries() if e.action.startswith("payment.")]
    assert done.payment.record_button.isEnabled()  # reception corrects it and tries again


def test_the_fapiao_number_is_kept_for_the_visit_and_can_be_corrected(kiosk):
    app, driver = kiosk
    signed_visit_with_a_family_share(driver)
    driver.pay(PaymentMethod.CARD)
    panel = app.window.done.payment
    journal, visit_id = app.session.journal, app.session.visit.presented.journal_visit_id
    assert panel.fapiao.isVisible()
    type_into(panel.fapiao, "发票 12")
    driver.click(panel.fapiao_button)
    pump_until(lambda: "not saved" in panel.fapiao_state.text(), 5, "the refusal")
    assert account(journal, visit_id).fapiao_no is None
    for number in ("24442000000000000001", "24442000000000000002"):
        type_into(panel.fapiao, number)
        driver.click(panel.fapiao_button)
        pump_until(
            lambda n=number: (
                panel.fapiao_button.isEnabled() and account(journal, visit_id).fapiao_no == n
            ),
            5,
            "the fapiao number saved",
        )
    assert panel.fapiao_state.text() == "Fapiao no. saved."
