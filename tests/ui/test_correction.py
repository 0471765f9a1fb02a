"""Correcting a signed bill, through the real screens against the real insurer sandbox: a manager
chooses "Correct the bill…" on an accepted claim, the desk opens at the bill with its lines, the
family re-signs the corrected bill and the insurer records it as replacing the accepted claim
(which the Claims tab then shows cancelled, replaced); the family's overpayment is refunded by the
methods it paid with, or the difference is paid. A correction the insurer refuses stops for the
manager, and nothing is refunded. "Refund…" in the Claims tab refuses more than was paid."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLineEdit

from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import ClaimStatus
from kiosk.journal import ClaimState, PaymentMethod
from kiosk.money import format_yuan
from kiosk.payments import account
from kiosk.reports import ClaimCategory
from kiosk.staff import Role, StaffDirectory, StaffMember
from kiosk.visit import Step
from tests.ui.conftest import card, in_view
from ui.driver import KioskDriver, pump_until
from ui.launch import Kiosk
from ui.manager.screen import ManagerScreen

MANAGER_PIN = "204719"
CASH, WECHAT = PaymentMethod.CASH, PaymentMethod.WECHAT


@pytest.fixture
def insurer(own_sandbox, own_sandbox_device_key) -> Iterator[InsurerClient]:
    with InsurerClient(own_sandbox.url, own_sandbox_device_key) as client:
        yield client


@pytest.fixture
def kiosk(make_kiosk, own_sandbox, own_sandbox_device_key) -> tuple[Kiosk, KioskDriver]:
    """An English kiosk on this module's own sandbox (corrections change members' balances)."""
    return make_kiosk(own_sandbox, own_sandbox_device_key)


@pytest.fixture
def manager(kiosk) -> StaffMember:
    app, _driver = kiosk
    return StaffDirectory(app.session.journal).add("Wang Fang", Role.MANAGER, MANAGER_PIN)


def type_into(field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.clear()
    field.insert(text)


def money_audit(journal) -> list:
    return [e for e in journal.audit_entries() if e.action.startswith("payment.")]


def signed_and_accepted(driver: KioskDriver, state: str, items: list[str]) -> int:
    """A visit billed with `items`, signed, and accepted by the insurer: its journal claim id."""
    driver.show_card(card(state))
    driver.start_bill()
    for item in items:
        driver.add_item(item)
    driver.wait_estimate()
    driver.present()
    driver.sign()
    done = driver.window.done
    pump_until(
        lambda: done.claim is not None and done.claim.state is ClaimState.SENT, 15, "accepted"
    )
    assert done.claim is not None
    return done.claim.id


def pay_split(driver: KioskDriver, amounts: dict[PaymentMethod, int]) -> None:
    """The family pays its share across methods (amounts in fen) in the split editor."""
    panel = driver.window.done.payment
    driver.click(panel.split_button)
    for method, fen in amounts.items():
        type_into(panel.split_amounts[method], format_yuan(fen, symbol=False).replace(",", ""))
    driver.click(panel.record_button)
    pump_until(lambda: panel.left_fen == 0, 5, "the payment recorded")


def dashboard(app: Kiosk, driver: KioskDriver) -> ManagerScreen:
    """Staff → the manager signs in with the PIN (or is still signed in): the Claims tab."""
    driver.click(app.window.header.staff_button)
    area = app.window.manager
    if area.dashboard is None:
        sign_in = area.sign_in
        pump_until(lambda: bool(sign_in.members), 10, "the staff list")
        sign_in.choose(sign_in.members[0].id)
        for digit in MANAGER_PIN:
            driver.click(sign_in.pad.digit_keys[digit])
        driver.click(sign_in.pad.submit_key)
        pump_until(lambda: area.dashboard is not None, 10, "the dashboard")
    screen = area.dashboard
    assert screen is not None
    screen.tabs.setCurrentWidget(screen.claims_tab)
    return screen


def choose(screen: ManagerScreen, claim_id: int) -> None:
    tab = screen.claims_tab
    pump_until(lambda: tab.select_claim(claim_id), 10, "the claim on the list")


def correct(app: Kiosk, driver: KioskDriver, claim_id: int) -> None:
    """The manager corrects the claim's bill: the desk opens at the bill, estimated."""
    screen = dashboard(app, driver)
    choose(screen, claim_id)
    actions = screen.claims_tab.claim_actions
    assert actions.correct_button.isVisible()
    driver.click(actions.correct_button)
    driver.wait_step(Step.BILL)
    assert app.window.stack.currentWidget() is app.window.bill
    driver.wait_estimate()


def test_a_correction_that_removes_an_item_refunds_the_overpayment_by_method(
    kiosk, manager, insurer
):
    app, driver = kiosk
    journal = app.session.journal
    original = signed_and_accepted(driver, "active_standard", ["GP001", "VAC002", "NM001"])
    presented = driver.visit.presented
    assert presented is not None
    share, statement = presented.shown.totals.patient_fen, presented.invoice_no
    visit_id = presented.journal_visit_id
    pay_split(driver, {CASH: 10_000, WECHAT: share - 10_000})
    driver.next_family()
    insurer_claim = journal.claim(original).insurer_claim_id
    assert insurer_claim is not None

    correct(app, driver, original)
    bill = app.window.bill
    assert f"replaces statement {statement}" in bill.title.text()
    assert [line.item_code for line in driver.visit.lines] == ["GP001", "VAC002", "NM001"]
    vaccine = next(line for line in driver.visit.lines if line.item_code == "VAC002")
    driver.remove_line(vaccine.line_no)
    driver.wait_estimate()
    assert f"paid {format_yuan(share)} on the original bill" in bill.state.text()
    driver.present()
    assert statement in app.window.sign.title.text()
    driver.sign()

    done = app.window.done
    pump_until(
        lambda: done.claim is not None and done.claim.state is ClaimState.SENT, 15, "accepted"
    )
    corrected = driver.visit.presented
    assert corrected is not None and corrected.journal_visit_id == visit_id
    new_share = corrected.shown.totals.patient_fen
    over = share - new_share
    assert over > 0
    new_claim = done.claim.insurer_claim_id
    answer = insurer.claim(new_claim)
    assert answer.replaces == insurer_claim
    assert insurer.claim(insurer_claim).status is ClaimStatus.CANCELLED
    replaced = journal.claim(original)
    assert replaced.state is ClaimState.CANCELLED
    # the corrected statement names the child and the policy as the original one did
    was, now = (journal.signature(bill).facts for bill in (replaced.bill_id, corrected.bill_id))
    assert was is not None and now is not None and was.child_masked
    assert (now.child_masked, now.policy_masked, now.plan_tier) == (
        was.child_masked,
        was.policy_masked,
        was.plan_tier,
    )

    pump_until(lambda: done.refund_button.isVisible(), 10, "the refund offered")
    assert f"Refund {format_yuan(over)}" in done.refund_button.text()
    # the largest payment goes back first
    first, rest = (WECHAT, CASH) if share - 10_000 >= 10_000 else (CASH, WECHAT)
    driver.click(done.refund_button)
    pump_until(lambda: "Refunded" in done.correction_note.text(), 5, "the refund recorded")
    refunds = account(journal, visit_id).refunds
    paid = {CASH: 10_000, WECHAT: share - 10_000}
    expected = [(first, min(over, paid[first]))]
    if over > paid[first]:
        expected.append((rest, over - paid[first]))
    assert [(r.method, r.amount_fen) for r in refunds] == expected
    assert {r.reason for r in refunds} == {f"corrected bill {corrected.invoice_no}"}
    assert {r.refunded_by for r in refunds} == {f"staff:{manager.id}"}
    assert account(journal, visit_id).net_paid_fen == new_share
    assert not done.refund_button.isVisible()
    driver.next_family()

    screen = dashboard(app, driver)
    loaded: list[str] = []
    screen.loaded.connect(loaded.append)
    screen.reload()
    pump_until(lambda: bool(loaded), 10, "the day read again")
    choose(screen, original)
    line = screen.claims_tab.selected_line()
    assert line is not None and line.category is ClaimCategory.CANCELLED
    detail = screen.claims_tab.detail.text()
    assert f"Replaced by the corrected claim {new_claim}" in detail and "Wang Fang" in detail


def test_a_correction_that_adds_an_item_leaves_the_difference_to_pay(kiosk, manager):
    app, driver = kiosk
    journal = app.session.journal
    original = signed_and_accepted(driver, "active_plus", ["GP001"])
    presented = driver.visit.presented
    assert presented is not None
    share, visit_id = presented.shown.totals.patient_fen, presented.journal_visit_id
    if share:
        driver.pay(CASH)
    driver.next_family()

    correct(app, driver, original)
    driver.add_item("NM001")
    driver.wait_estimate()
    driver.present()
    driver.sign()
    done = app.window.done
    pump_until(
        lambda: done.claim is not None and done.claim.state is ClaimState.SENT, 15, "accepted"
    )
    new_share = driver.visit.presented.shown.totals.patient_fen
    difference = new_share - share
    assert difference > 0
    pump_until(lambda: done.payment.isVisible(), 10, "the payment panel")
    assert f"{format_yuan(difference)} is still to pay" in done.correction_note.text()
    assert format_yuan(difference) in done.payment.title.text()
    assert not done.refund_button.isVisible()
    driver.click(done.method_buttons[WECHAT])
    pump_until(lambda: account(journal, visit_id).left_fen == 0, 5, "the difference paid")
    paid = account(journal, visit_id)
    assert [(p.method, p.amount_fen) for p in paid.payments][-1] == (WECHAT, difference)
    assert paid.net_paid_fen == new_share and paid.refunds == () and paid.owed_fen == 0


def test_a_correction_the_insurer_refuses_stops_for_the_manager_and_refunds_nothing(
    kiosk, manager, insurer
):
    app, driver = kiosk
    journal = app.session.journal
    original = signed_and_accepted(driver, "plus_free_visits_used_up", ["GP001"])
    visit_id = driver.visit.presented.journal_visit_id
    share = driver.visit.presented.shown.totals.patient_fen
    driver.pay(CASH)
    driver.next_family()
    insurer_claim = journal.claim(original).insurer_claim_id
    assert insurer_claim is not None

    correct(app, driver, original)
    driver.add_item("VAC002")  # a vaccine forgotten: the family's share would grow
    driver.wait_estimate()
    driver.present()
    insurer.cancel_claim(insurer_claim, "cancelled at another desk meanwhile")
    driver.sign()
    done = app.window.done
    pump_until(
        lambda: done.claim is not None and done.claim.state is ClaimState.ATTENTION, 15, "refused"
    )
    assert "did not accept the correction" in done.claim_state.text()
    assert "nothing is refunded" in done.correction_note.text()
    assert not done.refund_button.isVisible() and not done.payment.isVisible()
    assert done.claim.reject_code == "claim-not-replaceable"
    assert journal.claim(original).state is ClaimState.SENT
    after = account(journal, visit_id)
    assert after.refunds == ()
    # the original bill stands: the family owes nothing of the refused correction's larger share
    assert (after.share_fen, after.owed_fen) == (share, 0)


def test_a_refund_larger_than_was_paid_is_refused_and_changes_nothing(kiosk, manager):
    app, driver = kiosk
    journal = app.session.journal
    original = signed_and_accepted(driver, "free_visits_used_up", ["GP001", "NM001"])
    visit_id = driver.visit.presented.journal_visit_id
    share = driver.visit.presented.shown.totals.patient_fen
    driver.pay(CASH)
    driver.next_family()
    before = account(journal, visit_id), money_audit(journal)

    screen = dashboard(app, driver)
    choose(screen, original)
    form = screen.claims_tab.refund_form
    assert form.open_button.isVisible()
    driver.click(form.open_button)
    pump_until(lambda: form.form.isVisible(), 5, "the refund form")
    detail = screen.claims_tab.detail_scroll
    pump_until(lambda: in_view(detail, form.form), 2, "the form scrolled into view")
    assert [form.method.itemData(i) for i in range(form.method.count())] == ["cash"]
    assert form.amount.text() == format_yuan(share, symbol=False).replace(",", "")
    type_into(form.amount, format_yuan(share + 100, symbol=False).replace(",", ""))
    type_into(form.reason, "asked for too much")
    driver.click(form.confirm_button)
    pump_until(lambda: "Nothing was refunded" in form.notice.text(), 5, "the refusal")
    assert form.notice.text() == (
        f"{format_yuan(share + 100)} is more than the {format_yuan(share)} paid by Cash on this "
        "visit and not yet refunded. Nothing was refunded."
    )
    assert (account(journal, visit_id), money_audit(journal)) == before

    type_into(form.amount, "10")
    driver.click(form.confirm_button)
    pump_until(lambda: "Refunded" in form.notice.text(), 5, "the refund")
    assert form.notice.text() == "Refunded ¥10.00 by Cash."
    [refund] = account(journal, visit_id).refunds
    assert (refund.method, refund.amount_fen, refund.reason) == (CASH, 1000, "asked for too much")
