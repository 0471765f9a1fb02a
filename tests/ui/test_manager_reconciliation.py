"""The reconciliation as a manager works it: one compact row per finding in either language, the
same refused claims the Day tab counts, and from a row the claim opened, sent again or marked
settled through the claims tab's own actions."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRect, Qt, QTranslator
from PySide6.QtWidgets import QStyle

from insurer_sandbox.demo import DEMO_CLINIC_ID
from kiosk.insurer.models import ClaimResult, ClaimStatus, DailyStatement, StatementLine
from kiosk.journal import ClaimState
from kiosk.reconciliation import Discrepancy
from kiosk.reports import ClaimCategory
from kiosk.staff import Role, StaffDirectory
from tests.clinic_day import (
    DAY,
    bill_of,
    fully_covered,
    refused_on_arrival,
    sign_fully_covered,
    stop_sending,
    working_hours,
)
from tests.ui.conftest import manager_context
from ui.app import style_application
from ui.i18n import qm_path
from ui.manager.screen import ManagerScreen
from ui.manager_text import name
from ui.tasks import running_tasks

ROW_AT_MOST = 80


class StatementInsurer:
    """The insurer as the reconciliation asks it: one day's statement, already decided."""

    def __init__(self) -> None:
        self.statement: DailyStatement | None = None

    def daily_statement(self, day: date) -> DailyStatement:
        assert self.statement is not None and self.statement.date == day
        return self.statement

    def close(self) -> None:
        """Nothing to close."""


@pytest.fixture
def insurer():
    return StatementInsurer()


@pytest.fixture(autouse=True)
def kiosk_style(qapp):
    """The kiosk's own style, whose #managerScreen rules size the findings' rows."""
    style_application(qapp)


@pytest.fixture
def runner(qapp, insurer):
    with running_tasks(lambda: insurer, workers=1) as runner:
        yield runner


@pytest.fixture
def claims(journal, insurer):
    """A day's claims the reconciliation has something to say about: two refused (one the insurer
    recorded and rejected, one refused on arrival), one stopped by the outbox, one waiting. The
    insurer's statement lists the one it recorded."""
    for seed, member in enumerate(("M26000106", "M26000105", "M26000101", "M26000102")):
        sign_fully_covered(journal, member, DAY, [("GP001", 1), ("LAB002", 1)], seed)
    recorded, on_arrival, stopped, waiting = journal.claims()
    bill = journal.bill(recorded.bill_id)
    answer = ClaimResult(
        claim_id="CLM-RECORDED0001",
        idempotency_key=recorded.idempotency_key,
        status=ClaimStatus.REJECTED,
        reject_code="covered-amount-changed",
        adjudication=fully_covered(bill_of("M26000106", DAY, [("GP001", 1), ("LAB002", 1)])),
        bill_hash=bill.bill_hash,
        clinic_id=DEMO_CLINIC_ID,
        member_id=bill.member_id,
        service_date=DAY,
        recorded_at=working_hours(DAY),
    )
    with journal.transaction(actor="outbox") as tx:
        tx.record_claim_answer(tx.begin_attempt(recorded.id), answer)
        refused_on_arrival(tx, on_arrival.id, "member-not-eligible")
        stop_sending(tx, stopped.id)
    line = StatementLine(
        claim_id=answer.claim_id,
        idempotency_key=recorded.idempotency_key,
        member_id=bill.member_id,
        service_date=DAY,
        status=ClaimStatus.REJECTED,
        total_submitted_fen=bill.total_submitted_fen,
        total_covered_fen=0,
        total_patient_fen=bill.total_submitted_fen,
        recorded_at=working_hours(DAY),
    )
    insurer.statement = DailyStatement.of(DEMO_CLINIC_ID, DAY, [line])
    return {
        "recorded": recorded.id,
        "on_arrival": on_arrival.id,
        "stopped": stopped.id,
        "waiting": waiting.id,
    }


@pytest.fixture
def screen(qtbot, runner, journal, claims, tmp_path):
    """A manager's dashboard on the reconciliation tab, the statement fetched."""
    directory = StaffDirectory(journal)
    manager = directory.add("Wang Fang", Role.MANAGER, "204719")
    woken: list[bool] = []
    context = manager_context(journal, directory, tmp_path, wake_outbox=lambda: woken.append(True))
    shown = ManagerScreen(context, manager)
    shown.woken = woken
    qtbot.addWidget(shown)
    shown.resize(1280, 744)
    shown.show()
    qtbot.waitUntil(lambda: shown.claims_tab.table.rowCount() == 4, timeout=10_000)
    shown.tabs.setCurrentWidget(shown.reconcile_tab)
    with qtbot.waitSignal(shown.reconciled, timeout=10_000):
        shown.reconcile_tab.fetch_button.click()
    return shown


def rows(tab) -> dict[int, str]:
    """Each listed claim and what the row says about it."""
    findings = tab.result.findings
    return {f.claim_id: tab.table.item(row, 0).text() for row, f in enumerate(findings)}


@pytest.fixture
def languages(qapp):
    """Install a language for the rest of the test: `languages("zh_CN")`."""
    installed: list[QTranslator] = []

    def install(language: str) -> None:
        for old in installed:
            qapp.removeTranslator(old)
        translator = QTranslator()
        assert translator.load(str(qm_path(language)))
        qapp.installTranslator(translator)
        installed[:] = [translator]

    yield install
    for old in installed:
        qapp.removeTranslator(old)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_each_finding_is_one_compact_row_with_nothing_cut_off(qtbot, screen, languages, language):
    languages(language)
    tab = screen.reconcile_tab
    refused = name(Discrepancy.REFUSED)
    qtbot.waitUntil(lambda: tab.table.item(0, 0).text() == refused)
    table = tab.table
    assert table.rowCount() == 4
    metrics = table.fontMetrics()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    for row in range(table.rowCount()):
        height = table.rowHeight(row)
        assert height <= ROW_AT_MOST, (row, height)
        for column in range(table.columnCount()):
            text = table.item(row, column).text()
            room = QRect(0, 0, table.columnWidth(column) - margin, 10_000)
            needed = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, text)
            assert needed.height() <= height - 4, (row, column, text, needed.height(), height)
            assert needed.width() <= room.width(), (row, column, text)


def test_the_refused_rows_are_the_refused_claims_the_day_tab_counts(
    qtbot, screen, claims, languages
):
    languages("en")
    listed = rows(screen.reconcile_tab)
    refused = {claim for claim, what in listed.items() if what == "Refused by the insurer"}
    assert refused == {claims["recorded"], claims["on_arrival"]}
    counted = screen.day_tab.claims.values[ClaimCategory.REJECTED].text()
    assert counted == str(len(refused))
    assert listed[claims["stopped"]] == "Stopped, needs a person"
    assert listed[claims["waiting"]] == "Not sent yet"
    note = screen.day_tab.tiles["not_covered"].note
    qtbot.waitUntil(lambda: note.text() == "3 claims to collect or fix")


def test_a_row_opens_its_claim_in_the_claims_tab(qtbot, screen, claims):
    tab = screen.reconcile_tab
    tab.choose(claims["on_arrival"])
    assert tab.open_button.isVisible()
    tab.open_button.click()
    assert screen.tabs.currentWidget() is screen.claims_tab
    chosen = screen.claims_tab.selected_line()
    assert chosen is not None and chosen.claim_id == claims["on_arrival"]
    assert screen.claims_tab.detail_title.text() == chosen.invoice_no
    assert "Not covered on the visit's date" in screen.claims_tab.detail.text()


def test_a_stopped_claim_is_sent_again_from_its_row(qtbot, screen, journal, claims):
    tab = screen.reconcile_tab
    tab.choose(claims["recorded"])
    assert (
        tab.claim_actions.controls.isVisible()
        and not tab.claim_actions.send_again_button.isVisible()
    )
    tab.choose(claims["stopped"])
    assert tab.claim_actions.send_again_button.isVisible()
    with qtbot.waitSignal(screen.reconciled, timeout=10_000):
        tab.claim_actions.send_again_button.click()
    assert journal.claim(claims["stopped"]).state is ClaimState.WAITING
    assert screen.woken == [True], "the outbox is asked to try now"
    assert rows(tab)[claims["stopped"]] == "Not sent yet"
    assert tab.selected_finding().claim_id == claims["stopped"], "the row stays chosen"
    assert tab.claim_actions.notice.text() == "Waiting to send again; it goes at the next try."
    assert not tab.claim_actions.controls.isVisible()


def test_a_refused_claim_is_marked_settled_from_its_row(qtbot, screen, journal, claims):
    tab = screen.reconcile_tab
    tab.choose(claims["recorded"])
    assert not tab.claim_actions.settle_button.isEnabled(), "a note is needed first"
    qtbot.keyClicks(tab.claim_actions.settle_note, "family paid the difference in cash")
    with qtbot.waitSignal(screen.reconciled, timeout=10_000):
        tab.claim_actions.settle_button.click()
    assert journal.claim(claims["recorded"]).state is ClaimState.RESOLVED
    assert claims["recorded"] not in rows(tab)
    assert tab.claim_actions.notice.text() == "Marked settled."
    assert len(tab.result.findings) == tab.table.rowCount() == 3
    qtbot.waitUntil(
        lambda: screen.day_tab.claims.values[ClaimCategory.REJECTED].text() == "1", timeout=5_000
    )
    [entry] = [e for e in journal.audit_entries() if e.action == "claim.resolved"]
    assert "family paid the difference in cash" in entry.detail
