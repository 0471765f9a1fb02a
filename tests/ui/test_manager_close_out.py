"""Closing the day through the manager's screens: the close tab shows what the desk took by
method, the variance as the manager types the counts (red when not zero) and wants a note for it,
asks before closing, then shows the day read-only with who closed it and when; the Day tab, the
PDF day report and the XLSX export carry the close-out, and a change made after the close is
listed as such. At the desk (in Chinese), reception's payment for a visit of the closed day is
refused in the desk's words; a manager's PIN records it, and it is listed after the close."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from kiosk.close_out import ChangeKind, close_day, close_out
from kiosk.journal import Journal, PaymentMethod
from kiosk.payments import PaymentPart, account, amounts_owed, refund_payment, take_payment
from kiosk.staff import Role, StaffDirectory
from tests.clinic_day import DAY, bill_of, present, sign
from tests.estimates import covered_except
from tests.ui.conftest import card, manager_context
from tests.ui.test_payments_desk import signed_visit_with_a_family_share, split
from ui.app import style_application
from ui.manager.area import ManagerArea
from ui.manager.screen import ManagerScreen
from ui.tasks import running_tasks
from ui.widgets.manager_approval import ManagerApproval

MANAGER_PIN = "204719"
CASH, CARD, WECHAT, ALIPAY = (
    PaymentMethod.CASH,
    PaymentMethod.CARD,
    PaymentMethod.WECHAT,
    PaymentMethod.ALIPAY,
)


@pytest.fixture(autouse=True)
def kiosk_style(qapp):
    style_application(qapp)


@pytest.fixture
def runner(qapp):
    with running_tasks(None, workers=2) as runner:
        yield runner


@pytest.fixture
def directory(journal: Journal) -> StaffDirectory:
    directory = StaffDirectory(journal)
    directory.add("Wang Fang", Role.MANAGER, MANAGER_PIN)
    return directory


@pytest.fixture
def desk(journal: Journal) -> dict[str, int]:
    """The day at the desk: one family paid in cash, one by card and WeChat Pay (journal
    visits)."""
    visits = {}
    for seed, member in enumerate(("M26000101", "M26000102"), start=1):
        bill = bill_of(member, DAY, [("GP001", 1), ("VAC002", 2), ("NM001", 1)])
        presented = present(journal, bill, covered_except(bill, {2, 3}))
        sign(journal, presented, seed)
        visits[member] = presented.journal_visit_id
    take_payment(journal, visits["M26000101"], [PaymentPart(CASH, 38_600)])
    take_payment(
        journal, visits["M26000102"], [PaymentPart(CARD, 20_000), PaymentPart(WECHAT, 18_600)]
    )
    return visits


@pytest.fixture
def screen(qtbot, runner, journal, directory, desk, tmp_path) -> ManagerScreen:
    area = ManagerArea(manager_context(journal, directory, tmp_path))
    qtbot.addWidget(area)
    area.resize(1280, 744)
    area.show()
    area.open()
    qtbot.waitUntil(lambda: len(area.sign_in.members) == 1)
    area.sign_in.choose(directory.members()[0].id)
    with qtbot.waitSignal(area.opened_dashboard, timeout=10_000) as opened:
        for digit in MANAGER_PIN:
            area.sign_in.pad.digit_keys[digit].click()
        area.sign_in.pad.submit_key.click()
    shown: ManagerScreen = opened.args[0]
    qtbot.waitUntil(lambda: shown.close_tab.close_out is not None, timeout=10_000)
    return shown


def test_a_manager_closes_the_day_with_a_cash_variance_and_the_day_report_shows_it(
    qtbot, screen, journal, desk
):
    tab = screen.close_tab
    screen.tabs.setCurrentWidget(tab)
    assert screen.tabs.tabText(screen.tabs.currentIndex()) == "Close the day"
    assert [tab.taken[m].text() for m in PaymentMethod] == [
        "¥386.00",
        "¥200.00",
        "¥186.00",
        "¥0.00",
    ]
    assert "Count the cash in the drawer" in tab.state.text()

    for method, counted in ((CASH, "366"), (CARD, "200"), (WECHAT, "186.00")):
        tab.counted[method].setText(counted)
    assert tab.variance[CASH].text() == "-¥20.00" and tab.variance[CASH].property("tone") == "alert"
    assert tab.variance[CARD].text() == "¥0.00" and tab.variance[CARD].property("tone") is None
    assert tab.total_variance.text() == "-¥20.00"
    assert not tab.close_button.isEnabled(), "a variance is closed only with a note"
    assert tab.problem.text() == "The counts differ from what was taken: say why in the note."
    tab.note.setText("cash drawer CNY 20 short, counted twice")
    assert tab.close_button.isEnabled()

    tab.close_button.click()
    assert tab.confirm.isVisible() and "with a variance of -¥20.00" in tab.question.text()
    assert close_out(journal, DAY).closed is None, "nothing is closed before the confirmation"
    with qtbot.waitSignal(screen.day_closed, timeout=10_000):
        tab.confirm_button.click()
    qtbot.waitUntil(lambda: tab.close_out.closed is not None, timeout=10_000)
    assert tab.state.text().startswith("Closed by Wang Fang at ")
    assert not tab.close_button.isVisible() and tab.counted[CASH].isReadOnly()
    assert tab.counted[CASH].text() == "¥366.00" and tab.variance[CASH].text() == "-¥20.00"
    assert tab.changes_hint.text() == "Nothing was changed since the close."
    closed = close_out(journal, DAY).closed
    assert closed is not None and closed.note == "cash drawer CNY 20 short, counted twice"
    assert [c.variance_fen for c in closed.counts] == [-2_000, 0, 0, 0]

    day = screen.day_tab.close_out
    qtbot.waitUntil(lambda: day.close_out is not None and day.close_out.closed is not None)
    assert day.state.text().startswith("Closed by Wang Fang at ")
    assert day.cells[(3, CASH)].text() == "-¥20.00"
    assert day.cells[(3, CASH)].property("tone") == "alert"
    assert day.cells[(2, "total")].text() == "¥752.00"
    assert day.note.text() == "Note: cash drawer CNY 20 short, counted twice"

    # a manager refunds after the close: listed as a change after close, the close-out stands
    manager = screen.member
    refund_payment(journal, desk["M26000102"], CARD, 5_000, "charged twice", by=manager)
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.refresh_button.click()
    assert tab.changes.rowCount() == 1
    row = [tab.changes.item(0, column).text() for column in range(6)]
    assert row[1:] == [
        "Refund · Bank card",
        _statement(journal, desk["M26000102"]),
        "¥50.00",
        "Wang Fang",
        "charged twice",
    ]
    assert tab.total_taken.text() == "¥772.00", "taken stays what it was at the close"
    assert day.changes.rowCount() == 1 and day.changes.isVisibleTo(day)

    screen.tabs.setCurrentWidget(screen.exports_tab)
    with qtbot.waitSignal(screen.exported, timeout=30_000) as written:
        screen.exports_tab.day_pdf.click()
    pages = PdfReader(written.args[0]).pages
    assert len(pages) == 3, "the day, its close-out, the receivables"
    assert "Day closed by Wang Fang at" in _words(pages[0].extract_text())
    close_page = _words(pages[1].extract_text())
    for shown in (
        "Close-out",
        "-¥20.00",
        "cash drawer CNY 20 short",
        "Changes after close",
        "Refund · Bank card",
        "¥50.00",
        "charged twice",
    ):
        assert shown in close_page, shown
    with qtbot.waitSignal(screen.exported, timeout=30_000) as written:
        screen.exports_tab.day_xlsx.click()
    sheet = openpyxl.load_workbook(written.args[0])["Close-out"]
    rows = [row for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert rows[0][1:3] == ("count", "cash") and rows[0][7] == -2_000
    assert rows[4][1] == "total" and rows[4][-1] == "cash drawer CNY 20 short, counted twice"
    assert rows[5][1] == "refund" and rows[5][9] == 5_000
    with qtbot.waitSignal(screen.exported, timeout=30_000) as written:
        screen.exports_tab.day_csv.click()
    companion = Path(written.args[0]).with_name(f"close-out-{DAY.isoformat()}.csv")
    assert companion.name in screen.exports_tab.result.text()
    assert "count,cash,38600,386.00,36600,366.00,-2000,-20.00" in companion.read_text("utf-8-sig")


def _words(text: str) -> str:
    """A PDF page's text with its spacing made plain (the PDF's text runs keep tabs)."""
    return " ".join(text.split())


def _statement(journal: Journal, visit_id: int) -> str:
    statement = account(journal, visit_id).statement_no
    assert statement is not None
    return statement


def test_a_payment_recorded_while_the_manager_counted_stops_the_close_and_is_shown(
    qtbot, screen, journal
):
    tab = screen.close_tab
    screen.tabs.setCurrentWidget(tab)
    for method, counted in ((CASH, "386"), (CARD, "200"), (WECHAT, "186")):
        tab.counted[method].setText(counted)
    bill = bill_of("M26000103", DAY, [("NM001", 1)])
    late = present(journal, bill, covered_except(bill, {1}))
    take_payment(journal, late.journal_visit_id, [PaymentPart(ALIPAY, 5_000)])
    tab.close_button.click()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        tab.confirm_button.click()
    assert "recorded meanwhile" in tab.message.text()
    assert close_out(journal, DAY).closed is None
    assert tab.taken[ALIPAY].text() == "¥50.00" and tab.variance[ALIPAY].text() == "-¥50.00"
    assert tab.counted[CASH].text() == "386", "what the manager typed stays"


def test_at_the_desk_a_closed_days_payment_is_refused_in_chinese_and_a_managers_pin_records_it(
    make_kiosk, sandbox, sandbox_device_key, qtbot
):
    app, driver = make_kiosk(sandbox, sandbox_device_key, language="zh_CN")
    journal = app.session.journal
    directory = StaffDirectory(journal)
    manager = directory.add("王芳", Role.MANAGER, MANAGER_PIN)
    share = signed_visit_with_a_family_share(driver)
    visit_id = app.session.visit.presented.journal_visit_id
    member = app.session.visit.member_id
    split(driver, {CASH: "300"}, "300")
    qtbot.waitUntil(lambda: bool(amounts_owed(journal, member)), timeout=5000)
    driver.next_family()
    taken = dict(close_out(journal, DAY).taken)
    close_day(journal, DAY, taken, "", taken_seen=taken, by=manager)

    driver.show_card(card("active_standard"))
    widget = app.window.eligibility.owed
    qtbot.waitUntil(lambda: widget.isVisible() and bool(widget.collect_buttons), timeout=5000)
    driver.click(widget.collect_buttons[0])
    dialog = widget.dialog
    assert dialog is not None
    driver.click(dialog.panel.method_buttons[ALIPAY])
    panel = dialog.panel
    qtbot.waitUntil(lambda: panel.state.property("tone") == "error", timeout=5000)
    assert DAY.isoformat() in panel.state.text() and "经理" in panel.state.text()
    assert panel.manager_button.isVisible() and "经理" in panel.manager_button.text()
    assert account(journal, visit_id).payments[-1].method is CASH, "nothing was recorded"

    driver.click(panel.manager_button)
    approval = dialog.findChild(ManagerApproval)
    assert approval is not None and approval.isVisible()
    qtbot.waitUntil(lambda: len(approval.sign_in.members) == 1, timeout=5000)
    approval.sign_in.choose(manager.id)
    with qtbot.waitSignal(widget.collected, timeout=10_000) as collected:
        for digit in MANAGER_PIN:
            approval.sign_in.pad.digit_keys[digit].click()
        approval.sign_in.pad.submit_key.click()
    assert collected.args == [visit_id, share - 30_000]
    [change] = close_out(journal, DAY).changes
    assert (change.kind, change.by, change.method, change.amount_fen) == (
        ChangeKind.PAYMENT,
        "王芳",
        ALIPAY,
        share - 30_000,
    )
    entry = journal.audit_entries()[-1]
    assert (entry.action, entry.actor) == ("payment.collected", f"staff:{manager.id}")
