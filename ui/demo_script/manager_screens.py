"""The manager's part of the demo: the PIN pad, the day, the claims and the reconciliation, what
a manager does from the claims tab (void or cancel a claim, correct a bill, refund a family), and
closing the day with a variance (and a refund after the close, listed as a change after close).
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.business_day import business_day
from kiosk.journal import ClaimRecord, ClaimState, PaymentMethod
from kiosk.money import format_yuan
from kiosk.visit import Step
from ui.demo_script.walk import DemoStaffLike, Member, Walk
from ui.driver import pump_until
from ui.manager.screen import ManagerScreen
from ui.tasks import current_runner


def manager_screens(
    walk: Walk[Member], manager: DemoStaffLike, dispute: Callable[[str, int], None]
) -> None:
    """The manager signs in on the PIN pad, sees the day, the claims and the reconciliation
    of the desk's claims with the insurer's statement (which, for the demo, has one claim at
    ¥120.00 less than the desk recorded), closes the day with the cash CNY 20.00 short, and signs
    out."""
    window, driver = walk.window, walk.driver
    for claim in _sent_today(walk):
        if claim.insurer_claim_id and claim.covered_fen is not None:
            dispute(claim.insurer_claim_id, claim.covered_fen - 12_000)
            break
    dashboard = open_manager(walk, manager, pin_shot="90-staff-pin-pad")
    claims_tab, reconcile_tab = dashboard.claims_tab, dashboard.reconcile_tab
    assert claims_tab is not None and reconcile_tab is not None, "a manager sees every tab"
    driver.settle()
    walk.shot("91-manager-day")
    appointments = dashboard.appointments_tab
    assert appointments is not None, "a manager sees the appointments"
    dashboard.tabs.setCurrentWidget(appointments)
    pump_until(lambda: appointments.listing is not None, 15, "the insurer's appointments")
    driver.settle()
    walk.shot("91a-manager-appointments")
    dashboard.tabs.setCurrentWidget(claims_tab)
    driver.settle()
    walk.shot("92-manager-claims")
    _cancel_at_the_insurer(walk, dashboard)
    dashboard.tabs.setCurrentWidget(reconcile_tab)
    reconciled: list[str] = []
    dashboard.reconciled.connect(reconciled.append)
    driver.click(reconcile_tab.fetch_button)
    pump_until(lambda: bool(reconciled), 15, "the insurer's statement")
    driver.settle()
    walk.shot("93-manager-reconciliation")
    _close_the_day(walk, dashboard)
    _receivables(walk, dashboard)
    window.manager.sign_out()
    window.close_manager()


def _sent_today(walk: Walk[Member]) -> list[ClaimRecord]:
    """The claims the walk's visits sent today (the journal also holds the clinic's past year)."""
    today = business_day(walk.kiosk.journal.now())
    return [
        claim
        for claim in walk.kiosk.journal.claims(ClaimState.SENT)
        if claim.submission().bill.service_date == today
    ]


def _receivables(walk: Walk[Member], dashboard: ManagerScreen) -> None:
    """The clinic's year as a receivable: the manager fetches the insurer's payments (the last
    remittance pays one claim short and pays a claim of no desk here), then looks by day."""
    tab = dashboard.receivables_tab
    assert tab is not None, "a manager sees the receivables"
    dashboard.tabs.setCurrentWidget(tab)
    walk.driver.click(tab.fetch_button)

    def fetched() -> bool:
        return tab.result is not None and tab.result.remittances.remittances > 0

    pump_until(fetched, 20, "the insurer's payments")
    walk.driver.settle()
    walk.shot("96-manager-receivables")
    tab.period.setCurrentIndex(1)
    walk.driver.settle()
    walk.shot("97-manager-receivables-by-day")


def open_manager(
    walk: Walk[Member], manager: DemoStaffLike, pin_shot: str | None = None
) -> ManagerScreen:
    """The manager signs in on the PIN pad (`pin_shot`: a picture half-way through)."""
    window, driver = walk.window, walk.driver
    driver.click(window.header.staff_button)
    if window.manager.dashboard is not None:  # still signed in (a correction went to the desk)
        return window.manager.dashboard
    sign_in = window.manager.sign_in
    runner = current_runner()
    # the staff list is read again each time: type the PIN once it is in, not into a pad
    # its arrival clears
    pump_until(lambda: bool(sign_in.members) and runner.busy == 0, 10, "the staff list")
    sign_in.choose(next(m.id for m in sign_in.members if m.name == manager.name))
    half = len(manager.pin) // 2
    for digit in manager.pin[:half]:
        driver.click(sign_in.pad.digit_keys[digit])
    if pin_shot is not None:
        walk.shot(pin_shot)
    for digit in manager.pin[half:]:
        driver.click(sign_in.pad.digit_keys[digit])
    driver.click(sign_in.pad.submit_key)
    pump_until(lambda: window.manager.dashboard is not None, 10, "the manager's screens")
    dashboard = window.manager.dashboard
    assert dashboard is not None
    return dashboard


def claim_action(
    walk: Walk[Member],
    dashboard: ManagerScreen,
    claim_id: int,
    kind: str,
    reason: str,
    prefix: str,
) -> None:
    """In the claims tab, void (`kind` "void") or cancel at the insurer ("cancel") one claim
    with a reason, confirmed; pictures of the confirmation and of the claim afterwards."""
    tab = dashboard.claims_tab
    assert tab is not None
    dashboard.tabs.setCurrentWidget(tab)
    pump_until(lambda: claim_id in [line.claim_id for line in tab.shown], 10, "the claim")
    tab.table.selectRow([line.claim_id for line in tab.shown].index(claim_id))
    actions = tab.claim_actions
    button = actions.void_button if kind == "void" else actions.cancel_button
    walk.driver.click(button)
    actions.reason.setText(reason)
    walk.driver.settle()
    walk.shot(f"{prefix}-confirm")
    state = ClaimState.VOIDED if kind == "void" else ClaimState.CANCELLED
    walk.driver.click(actions.confirm_button)
    journal = walk.kiosk.journal
    pump_until(lambda: journal.claim(claim_id).state is state, 15, f"the claim {kind}ed")
    pump_until(lambda: tab.selected_line() is not None, 10, "the list read again")
    walk.driver.settle(0.2)
    walk.shot(f"{prefix}-done")


CASH_SHORT_FEN = 2_000
"""The demo's drawer is CNY 20.00 short of the cash the desk took."""


def _close_the_day(walk: Walk[Member], dashboard: ManagerScreen) -> None:
    """The manager counts the drawer (CNY 20.00 short) and reads the terminals' day reports (as
    the desk took), notes why and closes the day; then refunds a family CNY 10.00, which the
    close tab lists as a change after close."""
    tab, claims_tab, driver = dashboard.close_tab, dashboard.claims_tab, walk.driver
    assert tab is not None and claims_tab is not None, "a manager closes the day"
    chinese = walk.kiosk.session.language == "zh_CN"
    dashboard.tabs.setCurrentWidget(tab)
    pump_until(lambda: tab.close_out is not None, 10, "what the desk took")
    assert tab.close_out is not None
    for method, taken in tab.close_out.taken.items():
        counted = max(taken - CASH_SHORT_FEN, 0) if method is PaymentMethod.CASH else taken
        tab.counted[method].setText(format_yuan(counted, symbol=False).replace(",", ""))
    tab.note.setText(
        "钱箱现金少 20 元，已复点两次" if chinese else "cash drawer CNY 20 short, counted twice"
    )
    driver.click(tab.close_button)
    driver.settle()
    walk.shot("94-manager-close-out")
    closed: list[str] = []
    dashboard.day_closed.connect(closed.append)
    driver.click(tab.confirm_button)
    pump_until(lambda: bool(closed), 10, "the day closed")
    dashboard.tabs.setCurrentWidget(claims_tab)
    paid = next(line for line in claims_tab.lines if line.visit_paid_fen >= 1_000)
    pump_until(lambda: claims_tab.select_claim(paid.claim_id), 10, "a claim paid at the desk")
    form = claims_tab.refund_form
    driver.click(form.open_button)
    pump_until(lambda: form.form.isVisible(), 5, "the refund form")
    form.amount.setText("10.00")
    form.reason.setText("多收了 10 元" if chinese else "charged CNY 10 too much")
    driver.click(form.confirm_button)
    pump_until(lambda: bool(form.notice.text()), 10, "the refund recorded")
    dashboard.tabs.setCurrentWidget(tab)
    pump_until(lambda: tab.close_out is not None and bool(tab.close_out.changes), 10, "the change")
    driver.settle()
    walk.shot("95-manager-closed")


def _cancel_at_the_insurer(walk: Walk[Member], dashboard: ManagerScreen) -> None:
    """A visit that did not happen as billed: the manager cancels its accepted claim at the
    insurer, which gives back the fully-paid visit it took."""
    accepted = [
        claim
        for claim in _sent_today(walk)
        if claim.insurer_status == "accepted" and claim.submission().phone_guarantee is None
    ]
    claim_action(
        walk,
        dashboard,
        accepted[1].id,  # the first is the one the insurer's statement disputes
        "cancel",
        "不是本次就诊的项目" if walk.kiosk.session.language == "zh_CN" else "not given today",
        "92a-manager-cancel",
    )


def correction(
    walk: Walk[Member], member: Member, number: int, manager: DemoStaffLike, *, refunded: Member
) -> None:
    """A vaccine on an accepted bill was not given: the manager chooses "Correct the
    bill…", the desk opens the bill with its lines, reception takes it off, the
    family re-signs the corrected bill (the insurer records it as replacing the accepted
    claim), and the desk refunds what the family overpaid by the methods it paid with. Then a
    refund from the claims tab for another family's desk payment."""
    prefix = f"{number:02d}-correction"
    driver, journal = walk.driver, walk.kiosk.journal
    original = next(
        claim
        for claim in journal.claims(ClaimState.SENT)
        if claim.submission().bill.member_id == member.member_id
        and claim.submission().replaces is None
    )
    dashboard = open_manager(walk, manager)
    tab = dashboard.claims_tab
    assert tab is not None
    dashboard.tabs.setCurrentWidget(tab)
    pump_until(lambda: tab.select_claim(original.id), 10, "the claim on the list")
    driver.settle()
    walk.shot(f"{prefix}-1-claims")
    driver.click(tab.claim_actions.correct_button)
    driver.wait_step(Step.BILL)
    driver.wait_estimate()
    vaccine = next(line for line in driver.visit.lines if line.item_code == "VAC002")
    driver.remove_line(vaccine.line_no)
    driver.wait_estimate()
    walk.shot(f"{prefix}-2-bill")
    driver.present()
    walk.shot(f"{prefix}-3-sign")
    driver.sign()
    walk.wait_recorded()
    done = walk.window.done
    pump_until(lambda: done.refund_button.isVisible(), 15, "the refund offered")
    driver.settle()
    walk.shot(f"{prefix}-4-refund-offered")
    driver.click(done.refund_button)
    pump_until(lambda: not done.refund_button.isVisible(), 15, "the refund recorded")
    runner = current_runner()
    pump_until(lambda: runner.busy == 0, 15, "the statement")
    driver.settle()
    walk.shot(f"{prefix}-5-done")
    driver.next_family()
    _refund_from_the_claims_tab(walk, prefix, manager, refunded)


def _refund_from_the_claims_tab(
    walk: Walk[Member], prefix: str, manager: DemoStaffLike, member: Member
) -> None:
    """`member`'s family was charged twice at the terminal: the manager refunds the second
    charge from the claims tab (the amount offered is what that method paid; the reason is
    kept)."""
    driver, journal = walk.driver, walk.kiosk.journal
    paid = next(
        claim
        for claim in journal.claims(ClaimState.SENT)
        if claim.submission().bill.member_id == member.member_id
    )
    dashboard = open_manager(walk, manager)
    tab = dashboard.claims_tab
    assert tab is not None
    dashboard.tabs.setCurrentWidget(tab)
    pump_until(lambda: tab.select_claim(paid.id), 10, "the claim on the list")
    form = tab.refund_form
    driver.click(form.open_button)
    pump_until(lambda: form.form.isVisible(), 5, "the refund form")
    form.amount.setText("20.00")
    form.reason.setText(
        "刷卡重复扣款"
        if walk.kiosk.session.language == "zh_CN"
        else "charged twice at the terminal"
    )
    driver.settle()
    walk.shot(f"{prefix}-6-refund-form")
    driver.click(form.confirm_button)
    pump_until(lambda: bool(form.notice.text()), 10, "the refund recorded")
    driver.settle()
    walk.shot(f"{prefix}-7-refunded")
    walk.window.manager.sign_out()
    walk.window.close_manager()
