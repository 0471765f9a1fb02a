"""The manager's screens, driven through their widgets against a clinic day made by the desk and
the outbox with the real insurer sandbox."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyle

from insurer_sandbox.demo import DEMO_CLINIC_ID
from insurer_sandbox.server import create_device_key
from kiosk.insurer.client import InsurerClient
from kiosk.journal import ClaimState, Journal, PaymentMethod
from kiosk.money import format_yuan
from kiosk.reports import ClaimCategory, PreAuthState
from kiosk.staff import Role, StaffDirectory
from kiosk.visit import Step
from tests.clinic_day import (
    DAY,
    ShiftedClock,
    expected_figures,
    make_clinic_day,
    working_hours,
)
from tests.sandbox_fixtures import demo_sandbox
from tests.ui.conftest import manager_context, to_sign
from ui.app import style_application
from ui.i18n import qm_path
from ui.manager.area import ManagerArea
from ui.manager.screen import ManagerScreen
from ui.manager_text import name
from ui.tasks import running_tasks

MANAGER_PIN = "204719"
RECEPTION_PIN = "583021"
LOCKED_PIN = "830512"


@pytest.fixture(scope="module")
def insurer_process(tmp_path_factory):
    with demo_sandbox(tmp_path_factory.mktemp("insurer"), working_hours(DAY)) as process:
        yield process


@pytest.fixture(scope="module")
def device_key(insurer_process):
    return create_device_key(insurer_process.data_dir, DEMO_CLINIC_ID)


@pytest.fixture(scope="module")
def clock():
    return ShiftedClock(working_hours(DAY))


@pytest.fixture(scope="module")
def clinic(tmp_path_factory, insurer_process, device_key, clock):
    journal = Journal.open(tmp_path_factory.mktemp("kiosk") / "journal.sqlite3", clock=clock)
    with InsurerClient(insurer_process.url, device_key) as insurer:
        made = make_clinic_day(journal, insurer, DAY)
    directory = StaffDirectory(journal)
    manager = directory.add("Wang Fang", Role.MANAGER, MANAGER_PIN)
    staff = {
        "manager": manager,
        "reception": directory.add("Li Na", Role.RECEPTION, RECEPTION_PIN, added_by=manager),
        "locked": directory.add("Zhao Lei", Role.MANAGER, LOCKED_PIN, added_by=manager),
    }
    yield journal, made, directory, staff
    journal.close()


@pytest.fixture(autouse=True)
def kiosk_style(qapp):
    """The kiosk's own style, whose #managerScreen rules size the dashboard (as `kiosk run`)."""
    style_application(qapp)


@pytest.fixture
def runner(qapp, insurer_process, device_key):
    with running_tasks(lambda: InsurerClient(insurer_process.url, device_key), workers=2) as runner:
        yield runner


@pytest.fixture
def area(qtbot, runner, clinic, tmp_path):
    journal, _made, directory, _staff = clinic
    context = manager_context(journal, directory, tmp_path)
    shown = ManagerArea(context)
    qtbot.addWidget(shown)
    shown.resize(1280, 760)
    shown.show()
    shown.open()
    qtbot.waitUntil(lambda: len(shown.sign_in.members) == 3)
    return shown


def type_pin(qtbot, area: ManagerArea, pin: str) -> None:
    pad = area.sign_in.pad
    for digit in pin:
        pad.digit_keys[digit].click()
    pad.submit_key.click()


def refused(qtbot, area: ManagerArea, pin: str) -> str:
    with qtbot.waitSignal(area.sign_in.refused, timeout=10_000) as signal:
        type_pin(qtbot, area, pin)
    return signal.args[0]


def sign_in(qtbot, area: ManagerArea, staff_id: int, pin: str) -> ManagerScreen:
    area.sign_in.choose(staff_id)
    with qtbot.waitSignal(area.opened_dashboard, timeout=10_000) as opened:
        type_pin(qtbot, area, pin)
    screen = opened.args[0]
    qtbot.waitUntil(
        lambda: screen.state.text().startswith("As this PC's records stood"), timeout=10_000
    )
    return screen


def test_the_dashboard_needs_a_pin_and_locks_after_five_wrong_ones(qtbot, area, clinic, clock):
    journal, _made, _directory, staff = clinic
    locked = staff["locked"]
    assert area.currentWidget() is area.sign_in and area.dashboard is None
    area.sign_in.choose(locked.id)
    assert not area.sign_in.pad.submit_key.isEnabled()
    for left in (4, 3, 2, 1):
        assert refused(qtbot, area, "999888") == "wrong-secret"
        assert f"{left} more wrong PIN" in area.sign_in.status.text()
        assert area.sign_in.pad.field.text() == ""
    assert refused(qtbot, area, "999888") == "locked"
    assert "Try again after" in area.sign_in.status.text()
    assert refused(qtbot, area, LOCKED_PIN) == "locked"
    assert area.dashboard is None and area.currentWidget() is area.sign_in

    clock.advance(timedelta(minutes=5, seconds=1))
    screen = sign_in(qtbot, area, locked.id, LOCKED_PIN)
    assert area.currentWidget() is screen
    assert "Zhao Lei" in screen.title.text()
    actions = [e.action for e in journal.audit_entries() if e.subject == f"staff:{locked.id}"]
    assert actions[-7:] == [
        *["staff.sign-in-failed"] * 4,
        "staff.locked-out",
        "staff.sign-in-refused",
        "staff.signed-in",
    ]


def test_reception_sees_the_claims_only(qtbot, area, clinic):
    staff = clinic[3]
    screen = sign_in(qtbot, area, staff["reception"].id, RECEPTION_PIN)
    assert [screen.tabs.tabText(i) for i in range(screen.tabs.count())] == ["Claims"]
    assert screen.day_tab is None and screen.reconcile_tab is None and screen.exports_tab is None
    assert screen.claims_tab.table.rowCount() == len(clinic[0].claims())


def test_the_dashboard_shows_the_figures_worked_out_from_the_journal(qtbot, area, clinic):
    journal, _made, _directory, staff = clinic
    screen = sign_in(qtbot, area, staff["manager"].id, MANAGER_PIN)
    expected = expected_figures(journal, DAY)
    tiles = screen.day_tab.tiles
    assert tiles["visits"].value.text() == str(expected["visits"])
    assert tiles["billed"].value.text() == format_yuan(expected["billed"])
    assert tiles["covered"].value.text() == format_yuan(expected["covered"])
    assert tiles["awaiting"].value.text() == format_yuan(expected["awaiting"])
    assert tiles["not_covered"].value.text() == format_yuan(expected["not_covered"])
    assert tiles["family_paid"].value.text() == format_yuan(expected["family_paid"])
    assert format_yuan(expected["family_share"]) in tiles["family_paid"].note.text()
    assert f"with {expected['self_pay_visits']} self-pay visit" in tiles["family_paid"].note.text()
    claims = screen.day_tab.claims
    for category in ClaimCategory:
        assert claims.values[category].text() == str(expected["claims"].get(category.value, 0))
    assert expected["claims"]["waiting"] == 1 and expected["claims"]["rejected"] == 2
    for method in PaymentMethod:
        amount = expected["by_method"].get(method.value, 0)
        assert screen.day_tab.payments.values[method].text().startswith(format_yuan(amount))
    for state in PreAuthState:
        count = expected["preauths"].get(state.value, 0)
        assert screen.day_tab.preauths.values[state].text() == str(count)
    chart = screen.day_tab.chart.trend
    assert len(chart.days) == 30 and chart.days[-1].day == DAY
    assert chart.days[-1].covered_fen == expected["covered"]
    assert chart.days[-1].family_paid_fen == expected["family_paid"]

    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.previous_day.click()
    assert screen.day == DAY - timedelta(days=1)
    assert tiles["billed"].value.text() == format_yuan(0)


def test_the_refused_tile_is_red_only_when_something_was_refused(qtbot, area, clinic):
    """Red is for money to chase: ¥0.00 refused is not a warning."""
    staff = clinic[3]
    screen = sign_in(qtbot, area, staff["manager"].id, MANAGER_PIN)
    value = screen.day_tab.tiles["not_covered"].value
    red = QColor("#b3261e")
    assert value.text() != format_yuan(0)
    assert value.palette().color(value.foregroundRole()) == red
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.previous_day.click()
    assert value.text() == format_yuan(0)
    assert value.palette().color(value.foregroundRole()) != red


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_claims_list_shows_each_state_whole_and_keeps_the_claim_key_out_of_sight(
    qtbot, qapp, area, clinic, language
):
    journal, made, _directory, staff = clinic
    screen = sign_in(qtbot, area, staff["manager"].id, MANAGER_PIN)
    translator = QTranslator()
    assert translator.load(str(qm_path(language)))
    qapp.installTranslator(translator)
    try:
        screen.tabs.setCurrentWidget(screen.claims_tab)
        table = screen.claims_tab.table
        waiting = name(ClaimCategory.WAITING)
        qtbot.waitUntil(
            lambda: waiting in [table.item(r, 3).text() for r in range(table.rowCount())]
        )
        margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        state = table.columnWidth(3)
        for row in range(table.rowCount()):
            text = table.item(row, 3).text()
            assert table.fontMetrics().horizontalAdvance(text) + margin <= state, text
        last = table.columnCount() - 1
        assert table.columnViewportPosition(last) + table.columnWidth(last) <= (
            table.viewport().width()
        ), "every column in view at the kiosk's width"
        keys = {claim.idempotency_key for claim in journal.claims()}
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(8)]
        assert not keys & set(cells) and not any("dempoten" in h for h in headers)
        screen.claims_tab.select_claim(journal.claim_for_bill(made.waiting.bill_id).id)
        detail = screen.claims_tab.detail.text()
        key = journal.claim_for_bill(made.waiting.bill_id).idempotency_key
        assert key[:16] not in detail and "幂等" not in detail
        assert key in screen.claims_tab.detail_title.toolTip()
    finally:
        qapp.removeTranslator(translator)


def test_the_claims_list_filters_and_opens_the_signed_bill(qtbot, area, clinic, opened_files):
    journal, made, _directory, staff = clinic
    screen = sign_in(qtbot, area, staff["manager"].id, MANAGER_PIN)
    screen.tabs.setCurrentWidget(screen.claims_tab)
    tab = screen.claims_tab
    tab.choose_category(ClaimCategory.WAITING)
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 0).text() == made.waiting.invoice_no
    tab.choose_category(None)
    tab.search.setText(made.rejected.invoice_no[-5:])
    assert tab.table.rowCount() == 1
    tab.table.selectRow(0)
    assert "adjudication-changed" in tab.detail.text()
    with qtbot.waitSignal(screen.document_opened, timeout=20_000) as opened:
        tab.open_button.click()
    path = Path(opened.args[0])
    assert opened_files.paths == [str(path)]
    text = "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert made.rejected.invoice_no in text
    assert journal.bill(made.rejected.bill_id).bill_hash in text


def test_reconciliation_lists_the_claim_the_insurer_lacks_and_a_planted_mismatch(
    qtbot, area, clinic, insurer_process
):
    journal, made, _directory, staff = clinic
    planted = journal.claim_for_bill(made.accepted[2].bill_id)
    insurer_process.plant_amount_mismatch(planted.insurer_claim_id, planted.covered_fen - 5_000)
    screen = sign_in(qtbot, area, staff["manager"].id, MANAGER_PIN)
    screen.tabs.setCurrentWidget(screen.reconcile_tab)
    tab = screen.reconcile_tab
    with qtbot.waitSignal(screen.reconciled, timeout=20_000):
        tab.fetch_button.click()
    rows = {
        tab.table.item(row, 1).text(): [
            tab.table.item(row, column).text() for column in range(tab.table.columnCount())
        ]
        for row in range(tab.table.rowCount())
    }
    waiting = rows[made.waiting.invoice_no]
    assert waiting[0] == "Not sent yet" and "this PC sends it by itself" in waiting[5]
    mismatch = rows[made.accepted[2].invoice_no]
    assert mismatch[0] == "Amounts differ"
    assert mismatch[2:5] == [
        format_yuan(planted.covered_fen),
        format_yuan(planted.covered_fen - 5_000),
        format_yuan(-5_000),
    ]
    assert "Ask it to correct the claim" in mismatch[5]
    assert "finding(s) need a look" in tab.status.text() or "need a look" in tab.status.text()


def test_exports_from_the_dashboard_read_back_equal_the_journal(qtbot, area, clinic):
    journal, _made, _directory, staff = clinic
    screen = sign_in(qtbot, area, staff["manager"].id, MANAGER_PIN)
    screen.tabs.setCurrentWidget(screen.exports_tab)
    tab = screen.exports_tab
    claims = {journal.bill(c.bill_id).clinic_invoice_no: c for c in journal.claims()}

    with qtbot.waitSignal(screen.exported, timeout=20_000) as written:
        tab.day_csv.click()
    with Path(written.args[0]).open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["invoice_no"]: row for row in csv.DictReader(handle)}
    assert rows.keys() == claims.keys()
    for invoice, claim in claims.items():
        bill = journal.bill(claim.bill_id)
        assert int(rows[invoice]["billed_fen"]) == bill.total_submitted_fen
        pays = None if claim.state is ClaimState.WAITING else 0
        if claim.state is ClaimState.SENT:
            pays = claim.covered_fen
        assert rows[invoice]["covered_by_insurer_fen"] == ("" if pays is None else str(pays))
        paid = sum(p.amount_fen for p in journal.payments(bill.visit_id))
        assert int(rows[invoice]["visit_paid_fen"]) == paid

    with qtbot.waitSignal(screen.exported, timeout=20_000) as written:
        tab.range_xlsx.click()
    book = openpyxl.load_workbook(written.args[0])
    sheet = book.worksheets[0]
    assert sheet.cell(1, 1).value == "Service date"
    assert sheet.max_row - 1 == len(claims)

    with qtbot.waitSignal(screen.exported, timeout=30_000) as written:
        tab.day_pdf.click()
    reader = PdfReader(written.args[0])
    assert len(reader.pages) == 2, "the day's figures, then the receivables as of the day"
    receivables_page = " ".join(reader.pages[1].extract_text().split())
    assert f"Receivables As of {DAY.isoformat()} Unpaid 0–30 days" in receivables_page
    text = reader.pages[0].extract_text()
    expected = expected_figures(journal, DAY)
    assert format_yuan(expected["billed"]) in text
    assert format_yuan(expected["covered"]) in text
    assert journal.verify_audit().head_hash[:16] in text.replace("\n", "")


def test_going_idle_signs_out_and_returns_to_the_desk(qtbot, area, clinic):
    journal, _made, _directory, staff = clinic
    manager = staff["manager"]
    sign_in(qtbot, area, manager.id, MANAGER_PIN)
    with qtbot.waitSignal(area.leave):
        area.idle()
    assert area.dashboard is None and area.currentWidget() is area.sign_in
    qtbot.waitUntil(
        lambda: journal.audit_entries()[-1].action == "staff.signed-out", timeout=10_000
    )
    last = journal.audit_entries()[-1]
    assert (last.subject, last.details()) == (f"staff:{manager.id}", {"reason": "idle"})


def test_the_staff_entry_asks_for_a_pin_and_is_out_of_reach_while_the_family_signs(kiosk):
    app, driver = kiosk
    window = app.window
    assert window.header.staff_button.isVisible()
    driver.click(window.header.staff_button)
    assert window.stack.currentWidget() is window.manager
    assert window.manager.currentWidget() is window.manager.sign_in
    assert window.manager.dashboard is None
    driver.click(window.manager.sign_in.back_button)
    assert window.stack.currentWidget() is window.scan

    to_sign(driver)
    driver.wait_step(Step.SIGN)
    assert window.stack.currentWidget() is window.sign
    assert not window.header.staff_button.isVisible()


def test_in_english_the_manager_reads_item_names_from_the_catalogue_the_kiosk_loaded(kiosk):
    """The catalogue loads after the window is built: the manager's screens must not keep the
    empty one they were built with (the Day tab's top items came out in Chinese in English)."""
    app, _driver = kiosk
    names = app.window.manager.context.names_en()
    assert names["GP001"] == "Paediatric consultation"
    assert names["LAB001"] == "Complete blood count (5-part differential)"


def test_every_tab_fits_the_kiosks_1280_by_800_screen(qtbot, area, clinic):
    """Below the kiosk's 56-pixel header the dashboard has 1280x744: a tab that asks for more
    pushes the window past a screen that cannot grow, and the manager loses its bottom (a
    cancel's confirmation, the refund form, the question before closing the day) or its right
    edge. The Day tab scrolls and long item names end in an ellipsis instead."""
    staff = clinic[3]
    screen = sign_in(qtbot, area, staff["manager"].id, MANAGER_PIN)
    day = screen.day_tab
    top = day.top.names[0]
    top.setText("Tonsillectomy (day surgery, anaesthesia included), with a very long name  ×1")
    day.tiles["family_paid"].note.setText("of ¥15,127.50 family share, with 5 self-pay visits")
    qtbot.wait(50)  # the layouts take the new texts in
    for index in range(screen.tabs.count()):
        screen.tabs.setCurrentIndex(index)
        needed = area.minimumSizeHint()
        assert needed.width() <= 1280 and needed.height() <= 744, screen.tabs.tabText(index)
    assert top.toolTip().startswith("Tonsillectomy")
    # closing the day at its tallest: a variance, its note, and the question before closing
    close = screen.close_tab
    screen.tabs.setCurrentWidget(close)
    close.counted[PaymentMethod.CASH].setText("not an amount")
    assert close.problem.isVisible()
    close.counted[PaymentMethod.CASH].setText("1")
    close.note.setText("The cash drawer was counted twice and is short; the terminal slips agree.")
    close.close_button.click()
    assert close.confirm.isVisible()
    qtbot.wait(50)
    needed = area.minimumSizeHint()
    assert needed.width() <= 1280 and needed.height() <= 744, "Close the day, confirming"
    close.keep_button.click()
