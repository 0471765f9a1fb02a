"""The manager's screens: sign-in, then the day's figures, the claims, the reconciliation with
the insurer, and the exports — each tab only for the roles that may see it.

`ManagerArea` is what the staff window shows when someone taps "Staff": the sign-in first, a
dashboard made for the person who signed in, and nothing of theirs left once they sign out or
the kiosk goes idle. Every read of the journal, the insurer call and every file written runs on
a worker (`ui.tasks`); answers for a day no longer shown are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.billing import english_names
from kiosk.business_day import BUSINESS_TZ
from kiosk.catalogue import Catalogue
from kiosk.exports import export_claims
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import DailyStatement
from kiosk.journal import Journal, PaymentMethod, Transaction
from kiosk.money import format_yuan
from kiosk.reports import (
    UNPAID,
    ClaimCategory,
    ClaimLine,
    DaySummary,
    Finding,
    PreAuthState,
    Reconciliation,
    Trend,
    business_day,
    claim_lines,
    day_summary,
    reconcile,
    trend,
)
from kiosk.staff import Permission, StaffDirectory, StaffMember
from ui.i18n import DEFAULT_LANGUAGE
from ui.idle import IdleWatcher
from ui.manager.day_report import day_report_text, render_day_report
from ui.manager.names import export_labels, name, reason
from ui.manager.signed_copy import NoSignedCopy, signed_bill_copy
from ui.messages import insurer_problem
from ui.screens.manager_signin import SignInScreen
from ui.session import KioskSession
from ui.tasks import Task
from ui.widgets.trend_chart import TrendChart

_STYLE = """
#managerScreen QWidget { font-size: 16px; }
#managerScreen QPushButton { min-height: 46px; min-width: 0; padding: 0 16px; font-size: 16px; }
#managerScreen QPushButton#dayStep { min-width: 46px; max-width: 46px; padding: 0; font-size: 20px;
}
#managerScreen QDateEdit { min-height: 44px; font-size: 17px; }
#managerScreen QComboBox { min-height: 44px; padding: 0 10px; }
#managerScreen QLineEdit { min-height: 44px; font-size: 16px; }
#managerScreen QTabBar::tab { min-height: 40px; padding: 0 22px; font-size: 17px; }
#managerScreen QTabBar::tab:selected { font-weight: 700; color: #0b5c7a; }
#managerScreen QTableWidget { font-size: 14px; }
#managerScreen QHeaderView::section { font-size: 14px; }
#managerScreen #managerTitle { font-size: 22px; font-weight: 700; color: #0b5c7a; }
#managerScreen #figureTile { background: #ffffff; border: 1px solid #d5dbe1; border-radius: 10px; }
#managerScreen #figureCaption { font-size: 14px; color: #52606d; }
#managerScreen #figureValue { font-size: 26px; font-weight: 700; color: #1f2933; }
#managerScreen #figureValue[tone="covered"] { color: #0b5c7a; }
#managerScreen #figureValue[tone="family"] { color: #b06000; }
#managerScreen #figureValue[tone="alert"] { color: #b3261e; }
#managerScreen #figureNote { font-size: 13px; color: #52606d; }
#managerScreen #panelTitle { font-size: 16px; font-weight: 700; color: #3e4c59; }
#managerScreen #rowName { font-size: 14px; color: #3e4c59; }
#managerScreen #rowValue { font-size: 14px; font-weight: 600; }
#managerScreen #rowValue[tone="alert"] { color: #b3261e; }
#managerScreen #detailText { font-size: 15px; }
#managerScreen #hint { font-size: 15px; }
#managerScreen #status { font-size: 16px; }
"""


def _business_today(journal: Journal) -> date:
    return business_day(journal.now())


@dataclass
class ManagerContext:
    """What the manager's screens need from the running kiosk."""

    journal: Journal
    directory: StaffDirectory
    documents_dir: Path
    clinic_name: str
    exports_dir: Path
    names_en: Callable[[], Mapping[str, str]] = dict
    """English item names by code, from the catalogue in use now (it loads after the window)."""
    language: Callable[[], str] = lambda: DEFAULT_LANGUAGE
    """The desk's language now (signed-bill copies are made in it)."""
    idle_seconds: float = 120.0
    """Without a touch or a key for this long, whoever is signed in is signed out."""
    wake_outbox: Callable[[], None] = lambda: None
    """Ask the claim outbox to try now (after a manager put a claim back in it)."""


def manager_context(session: KioskSession) -> ManagerContext:
    """The manager's view of a running kiosk (exports go beside the signed bills)."""
    named: list[tuple[Catalogue, Mapping[str, str]]] = []

    def names_en() -> Mapping[str, str]:
        """Worked out once per catalogue (an import replaces it), not for every item shown."""
        if not named or named[0][0] is not session.catalogue:
            named[:] = [(session.catalogue, english_names(session.catalogue.items))]
        return named[0][1]

    return ManagerContext(
        journal=session.journal,
        directory=StaffDirectory(session.journal),
        documents_dir=session.documents_dir,
        clinic_name=session.clinic_name,
        exports_dir=session.documents_dir.parent / "exports",
        names_en=names_en,
        language=lambda: session.language,
        wake_outbox=session.submitter.wake,
    )


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class FigureTile(QFrame):
    """One headline figure: caption, value, and a note under it."""

    def __init__(self, tone: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureTile")
        self.setMinimumHeight(104)
        self.tone = tone
        self.caption = QLabel(objectName="figureCaption", wordWrap=True)
        self.value = QLabel("—", objectName="figureValue")
        self.value.setProperty("tone", tone)
        self.note = QLabel(objectName="figureNote", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def show_value(self, text: str, *, alert: bool = False) -> None:
        """Show the figure, in red only when `alert` (a warning tone at zero cries wolf)."""
        self.value.setText(text)
        self.value.setProperty("tone", "alert" if alert else self.tone)
        _repolish(self.value)


class Rows(QFrame):
    """A titled panel of name / value rows (claims by state, payments by method, ...)."""

    def __init__(self, keys: list[object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.title = QLabel(objectName="panelTitle")
        self.names: dict[object, QLabel] = {}
        self.values: dict[object, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(1)
        for row, key in enumerate(keys):
            self.names[key] = QLabel(objectName="rowName")
            self.values[key] = QLabel("—", objectName="rowValue")
            self.values[key].setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(self.names[key], row, 0)
            grid.addWidget(self.values[key], row, 1)
        grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addStretch(1)

    def set_value(self, key: object, text: str, *, alert: bool = False) -> None:
        label = self.values[key]
        label.setText(text)
        label.setProperty("tone", "alert" if alert else "")
        _repolish(label)


class DayTab(QWidget):
    """The chosen day's figures and the 30 days before it."""

    def __init__(self, item_name: Callable[[str, str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_name = item_name
        self.tiles = {
            "visits": FigureTile(),
            "billed": FigureTile(),
            "covered": FigureTile("covered"),
            "awaiting": FigureTile(),
            "not_covered": FigureTile(),
            "family_paid": FigureTile("family"),
        }
        self.claims = Rows([*ClaimCategory, "sent"])
        self.payments = Rows(list(PaymentMethod))
        self.preauths = Rows(list(PreAuthState))
        self.top = Rows(list(range(5)))
        self.chart = TrendChart()
        self.chart_title = QLabel(objectName="panelTitle")
        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)
        panels = QHBoxLayout()
        panels.setSpacing(10)
        panels.addWidget(self.claims, 5)
        panels.addWidget(self.payments, 4)
        panels.addWidget(self.preauths, 4)
        panels.addWidget(self.top, 7)
        chart_box = QFrame(objectName="panel")
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(14, 10, 14, 6)
        chart_layout.addWidget(self.chart_title)
        chart_layout.addWidget(self.chart, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(tiles)
        layout.addLayout(panels)
        layout.addWidget(chart_box, 1)
        self.summary: DaySummary | None = None
        self.retranslate()

    def retranslate(self) -> None:
        captions = {
            "visits": self.tr("Direct-pay visits"),
            "billed": self.tr("Billed"),
            "covered": self.tr("Covered by the insurer"),
            "awaiting": self.tr("Awaiting the insurer"),
            "not_covered": self.tr("Refused by the insurer"),
            "family_paid": self.tr("Paid by families"),
        }
        for key, tile in self.tiles.items():
            tile.caption.setText(captions[key])
        self.claims.title.setText(self.tr("Claims"))
        for category in ClaimCategory:
            self.claims.names[category].setText(name(category))
        self.claims.names["sent"].setText(self.tr("Sent to the insurer"))
        self.payments.title.setText(self.tr("Family payments"))
        for method in PaymentMethod:
            self.payments.names[method].setText(name(method))
        self.preauths.title.setText(self.tr("Pre-auth requests"))
        for state in PreAuthState:
            self.preauths.names[state].setText(name(state))
        self.top.title.setText(self.tr("Top items"))
        self.chart_title.setText(
            self.tr("Last 30 days: covered by the insurer and paid by families")
        )
        if self.summary is not None:
            self.show_summary(self.summary)

    def show_summary(self, summary: DaySummary) -> None:
        self.summary = summary
        tiles = self.tiles
        tiles["visits"].value.setText(str(summary.direct_pay_visits))
        tiles["visits"].note.setText(self.tr("%n claim(s)", "", summary.claims_total))
        tiles["billed"].value.setText(format_yuan(summary.billed_fen))
        tiles["billed"].note.setText("")
        tiles["covered"].value.setText(format_yuan(summary.covered_fen))
        accepted = summary.claims[ClaimCategory.ACCEPTED] + summary.claims[ClaimCategory.PAID]
        tiles["covered"].note.setText(self.tr("%n accepted claim(s)", "", accepted))
        tiles["awaiting"].value.setText(format_yuan(summary.awaiting_fen))
        waiting = summary.claims[ClaimCategory.WAITING]
        tiles["awaiting"].note.setText(self.tr("%n claim(s) waiting to send", "", waiting))
        tiles["not_covered"].show_value(
            format_yuan(summary.not_covered_fen),
            alert=summary.not_covered_fen > 0 or summary.unpaid > 0,
        )
        tiles["not_covered"].note.setText(
            self.tr("%n claim(s) to collect or fix", "", summary.unpaid)
        )
        tiles["family_paid"].value.setText(format_yuan(summary.family_paid_fen))
        share = format_yuan(summary.family_share_fen)
        tiles["family_paid"].note.setText(
            self.tr(
                "of %1 family share, with %n self-pay visit(s)", "", summary.self_pay_visits
            ).replace("%1", share)
            if summary.self_pay_visits
            else self.tr("of %1 family share").replace("%1", share)
        )
        for category, count in summary.claims.items():
            alert = count > 0 and category in UNPAID
            self.claims.set_value(category, str(count), alert=alert)
        self.claims.set_value("sent", f"{summary.sent} / {summary.claims_total}")
        for total in summary.payments:
            self.payments.set_value(
                total.method, f"{format_yuan(total.amount_fen)}  ({total.payments})"
            )
        for state, count in summary.preauths.items():
            self.preauths.set_value(state, str(count))
        for row in range(5):
            if row < len(summary.top_items):
                item = summary.top_items[row]
                label = self.item_name(item.item_code, item.description)
                self.top.names[row].setText(f"{label}  ×{item.quantity}")
                self.top.names[row].setToolTip(item.item_code)
                self.top.set_value(row, format_yuan(item.billed_fen))
            else:
                self.top.names[row].setText("")
                self.top.set_value(row, "")

    def show_trend(self, thirty: Trend) -> None:
        self.chart.set_trend(thirty)


CLAIM_COLUMNS = 8


class ClaimActions(QWidget):
    """What a manager does to a claim the insurer does not pay as it stands (`UNPAID`): send a
    stopped one again, or mark a refused or stopped one settled with a note. The claims tab and
    the reconciliation show this same panel, so a claim gets the same choices under the same rule
    wherever the manager meets it; the screen makes the change (`ManagerScreen._change_claim`)."""

    send_again = Signal(int)
    """The claim id to send again (back among the claims waiting to send)."""
    settle = Signal(int, str)
    """The claim id to mark settled, and how it was settled (the note)."""

    def __init__(
        self, may_settle: bool, *, across: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.may_settle = may_settle
        self.claim_id: int | None = None
        self.category: ClaimCategory | None = None
        self.controls = QFrame(objectName="claimActions")
        self.send_again_button = QPushButton(objectName="secondary")
        self.send_again_button.clicked.connect(self._send_again)
        self.settle_note = QLineEdit(objectName="settleNote")
        self.settle_note.setMaxLength(200)
        self.settle_note.textChanged.connect(self._enable)
        self.settle_note.returnPressed.connect(self._settle)
        self.settle_button = QPushButton(objectName="secondary")
        self.settle_button.clicked.connect(self._settle)
        self.notice = QLabel(objectName="hint", wordWrap=True)
        controls = QHBoxLayout(self.controls) if across else QVBoxLayout(self.controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.send_again_button)
        controls.addWidget(self.settle_note, 1)
        controls.addWidget(self.settle_button)
        layout = QHBoxLayout(self) if across else QVBoxLayout(self)
        layout.setContentsMargins(0, 0 if across else 6, 0, 0)
        layout.addWidget(self.controls, 3)
        layout.addWidget(self.notice, 2)
        self.retranslate()
        self.show_claim(None, None)

    def retranslate(self) -> None:
        self.send_again_button.setText(self.tr("Send again"))
        self.send_again_button.setToolTip(self.tr("Send this claim again once its cause is fixed"))
        self.settle_note.setPlaceholderText(self.tr("How was it settled? (required)"))
        self.settle_button.setText(self.tr("Mark settled"))

    def show_claim(self, claim_id: int | None, category: ClaimCategory | None) -> None:
        """Offer what may be done to this claim (nothing without one). Choosing another claim
        clears the note and what came of the last change; a settled claim leaving the list
        (nothing chosen) leaves "Marked settled." in view."""
        if claim_id != self.claim_id:
            self.settle_note.clear()
            if claim_id is not None:
                self.notice.clear()
        self.claim_id, self.category = claim_id, category
        self.controls.setVisible(self.may_settle and category in UNPAID)
        self.send_again_button.setVisible(category is ClaimCategory.ATTENTION)
        self._enable()

    def finished(self, claim_id: int, text: str) -> None:
        """A change of `claim_id` came to `text`: take input again, and say it if it is ours."""
        self.controls.setEnabled(True)
        if claim_id == self.claim_id:
            self.notice.setText(text)

    def _enable(self) -> None:
        self.settle_button.setEnabled(bool(self.settle_note.text().strip()))

    def _send_again(self) -> None:
        if self.claim_id is not None and self.category is ClaimCategory.ATTENTION:
            self.controls.setEnabled(False)
            self.send_again.emit(self.claim_id)

    def _settle(self) -> None:
        note = self.settle_note.text().strip()
        if self.claim_id is not None and self.category in UNPAID and note:
            self.controls.setEnabled(False)
            self.settle.emit(self.claim_id, note)


class ClaimsTab(QWidget):
    """The day's claims with a filter, and the chosen claim in detail with what a manager may do
    to it (`ClaimActions`)."""

    open_signed_bill = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, may_settle: bool = False) -> None:
        super().__init__(parent)
        self.lines: list[ClaimLine] = []
        self.shown: list[ClaimLine] = []
        self.category = QComboBox(objectName="claimFilter")
        self.category.currentIndexChanged.connect(self._filter)
        self.search = QLineEdit(objectName="claimSearch")
        self.search.textChanged.connect(self._filter)
        self.count = QLabel(objectName="hint")
        self.table = QTableWidget(0, CLAIM_COLUMNS, objectName="claimsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # Every column as wide as what it holds, so a state is never cut short; a narrow window
        # scrolls sideways rather than hide a column.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.detail_title = QLabel(objectName="panelTitle")
        self.detail = QLabel(objectName="detailText", wordWrap=True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.open_button = QPushButton(objectName="primary")
        self.open_button.clicked.connect(self._open)
        self.detail_state = QLabel(objectName="hint", wordWrap=True)
        self.actions = ClaimActions(may_settle)
        detail_box = QFrame(objectName="panel")
        detail_box.setFixedWidth(340)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(16, 12, 16, 12)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addWidget(self.open_button)
        detail_layout.addWidget(self.detail_state)
        detail_layout.addWidget(self.actions)
        filters = QHBoxLayout()
        filters.addWidget(self.category)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count)
        left = QVBoxLayout()
        left.addLayout(filters)
        left.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(left, 1)
        layout.addWidget(detail_box)
        self.retranslate()
        self._selected()

    def retranslate(self) -> None:
        current = self.category.currentIndex()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All claims"), "")
        for category in ClaimCategory:
            self.category.addItem(name(category), category.value)
        self.category.setCurrentIndex(max(current, 0))
        self.category.blockSignals(False)
        self.search.setPlaceholderText(self.tr("Statement no. or insurer claim number"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Statement no."),
                self.tr("Signed"),
                self.tr("Member"),
                self.tr("State"),
                self.tr("Billed"),
                self.tr("Insurer covers"),
                self.tr("Family share"),
                self.tr("Paid at desk"),
            ]
        )
        self.open_button.setText(self.tr("Open the signed bill"))
        self.actions.retranslate()
        self._filter()

    def show_lines(self, lines: list[ClaimLine]) -> None:
        self.lines = lines
        self._filter()

    def choose_category(self, category: ClaimCategory | None) -> None:
        self.category.setCurrentIndex(self.category.findData(category.value if category else ""))

    def select_claim(self, claim_id: int) -> bool:
        """Show every claim and choose this one (False when the day's list does not have it)."""
        if claim_id not in {line.claim_id for line in self.lines}:
            return False
        self.search.clear()
        self.choose_category(None)
        row = [line.claim_id for line in self.shown].index(claim_id)
        self.table.selectRow(row)
        self.table.scrollToItem(self.table.item(row, 0))
        return True

    def _filter(self) -> None:
        chosen_value = self.category.currentData()
        category = ClaimCategory(chosen_value) if chosen_value else None
        needle = self.search.text().strip().casefold()
        chosen = self.selected_line()
        self.shown = [
            line
            for line in self.lines
            if (category is None or line.category is category)
            and (
                not needle
                or needle in line.invoice_no.casefold()
                or needle in (line.insurer_claim_id or "").casefold()
            )
        ]
        self.count.setText(self.tr("%n claim(s)", "", len(self.shown)))
        self.table.setRowCount(len(self.shown))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, line in enumerate(self.shown):
            pays = line.insurer_pays_fen
            covered = pays if pays is not None else line.shown_covered_fen
            cells = [
                (line.invoice_no, None),
                (line.queued_at.astimezone(BUSINESS_TZ).strftime("%H:%M"), None),
                (line.member_masked, None),
                (name(line.category), None),
                (format_yuan(line.billed_fen), right),
                (format_yuan(covered), right),
                (format_yuan(line.family_share_fen), right),
                (format_yuan(line.visit_paid_fen), right),
            ]
            for column, (text, align) in enumerate(cells):
                item = QTableWidgetItem(text)
                if align is not None:
                    item.setTextAlignment(align)
                if column == 5 and pays is None:
                    item.setToolTip(self.tr("As shown to the family; the insurer has not answered"))
                    item.setForeground(QColor("#7b8794"))
                self.table.setItem(row, column, item)
        ids = [line.claim_id for line in self.shown]
        if chosen is not None and chosen.claim_id in ids:
            self.table.selectRow(ids.index(chosen.claim_id))
        self._selected()

    def selected_line(self) -> ClaimLine | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.shown):
            return None
        return self.shown[rows[0].row()]

    def _selected(self) -> None:
        line = self.selected_line()
        self.open_button.setEnabled(line is not None)
        self.detail_state.clear()
        if line is None:
            self.actions.show_claim(None, None)
            self.detail_title.setText(self.tr("Choose a claim to see it in detail."))
            self.detail_title.setToolTip("")
            self.detail.clear()
            return
        self.actions.show_claim(line.claim_id, line.category)
        self.detail_title.setText(line.invoice_no)
        # The key the claim was sent under: support may ask for it, a manager never needs it.
        self.detail_title.setToolTip(
            self.tr("Claim key, for the insurer's support: %1").replace("%1", line.idempotency_key)
        )
        facts = [
            (self.tr("State"), name(line.category)),
            (self.tr("Member"), line.member_masked),
            (self.tr("Billed"), format_yuan(line.billed_fen)),
            (self.tr("Insurer share as signed"), format_yuan(line.shown_covered_fen)),
            (
                self.tr("Covered by the insurer"),
                format_yuan(line.insurer_pays_fen) if line.insurer_pays_fen is not None else "—",
            ),
            (self.tr("Family share"), format_yuan(line.family_share_fen)),
            (
                self.tr("Paid at the desk"),
                " · ".join(
                    [format_yuan(line.visit_paid_fen), *(name(m) for m in line.payment_methods)]
                ),
            ),
            (
                self.tr("Signed and stored"),
                line.queued_at.astimezone(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M"),
            ),
            (self.tr("Insurer claim no."), line.insurer_claim_id or "—"),
        ]
        if line.recorded_at is not None:
            recorded = line.recorded_at.astimezone(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M")
            facts.append((self.tr("Recorded by the insurer"), recorded))
        why = line.reject_code or line.attention_reason
        if why:
            facts.append((self.tr("Reason"), reason(why)))
        self.detail.setText(
            "<table cellspacing='3'>"
            + "".join(
                f"<tr><td style='color:#52606d;padding-right:10px'>{label}</td>"
                f"<td><b>{_html(value)}</b></td></tr>"
                for label, value in facts
            )
            + "</table>"
        )

    def _open(self) -> None:
        line = self.selected_line()
        if line is not None:
            self.detail_state.setText(self.tr("Opening…"))
            self.open_signed_bill.emit(line.claim_id)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


FINDING_COLUMNS = 6
ACTION_COLUMN = FINDING_COLUMNS - 1
FINDING_ROW_HEIGHT = 52
"""Two lines of the table's 14 px text: what, the amounts, and what to do fit in one row."""


class ReconcileTab(QWidget):
    """Fetch the insurer's statement for the chosen day and list what needs the manager: a
    compact row per finding (what, the amounts, what to do), and under the list the chosen
    finding's claim to open and what may be done to it (the claims tab's `ClaimActions`)."""

    fetch = Signal()
    open_claim = Signal(int, object)
    """The chosen finding's claim id and service date: show it in the claims tab."""

    def __init__(self, parent: QWidget | None = None, *, may_settle: bool = False) -> None:
        super().__init__(parent)
        self.result: Reconciliation | None = None
        self.fetch_button = QPushButton(objectName="primary")
        self.fetch_button.clicked.connect(self.fetch)
        self.status = QLabel(objectName="status", wordWrap=True)
        self.totals = QLabel(objectName="hint", wordWrap=True)
        self.table = QTableWidget(0, FINDING_COLUMNS, objectName="findingsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(FINDING_ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ACTION_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.cellDoubleClicked.connect(lambda _row, _column: self._open())
        self.chosen = QLabel(objectName="panelTitle")
        self.open_button = QPushButton(objectName="secondary")
        self.open_button.clicked.connect(self._open)
        self.actions = ClaimActions(may_settle, across=True)
        top = QHBoxLayout()
        top.addWidget(self.fetch_button)
        top.addWidget(self.status, 1)
        bar = QHBoxLayout()
        bar.setSpacing(10)
        bar.addWidget(self.chosen)
        bar.addWidget(self.open_button)
        bar.addWidget(self.actions, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 8)  # the chosen finding's line clear of the frame
        layout.addLayout(top)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        self.retranslate()

    def retranslate(self) -> None:
        self.fetch_button.setText(self.tr("Fetch the insurer's statement"))
        self.open_button.setText(self.tr("Open the claim"))
        self.actions.retranslate()
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("What"),
                self.tr("Statement no."),
                self.tr("This PC"),
                self.tr("Insurer"),
                self.tr("Difference"),
                self.tr("What to do"),
            ]
        )
        if self.result is not None:
            self.show_result(self.result)
        else:
            self.status.setText(
                self.tr("Compare this day's claims with what the insurer has recorded.")
            )
            self._selected()

    def clear(self) -> None:
        self.result = None
        self.table.setRowCount(0)
        self.totals.clear()
        self.retranslate()

    def busy(self) -> None:
        self.fetch_button.setEnabled(False)
        self.status.setText(self.tr("Asking the insurer for its statement…"))

    def failed(self, message: str) -> None:
        self.fetch_button.setEnabled(True)
        self.status.setText(message)

    def show_result(self, result: Reconciliation) -> None:
        """List the findings (the claim chosen before stays chosen while it is listed)."""
        chosen = self.selected_finding()
        self.result = result
        self.fetch_button.setEnabled(True)
        if result.balanced:
            self.status.setText(
                self.tr("Balanced: all %n claim(s) agree with the insurer.", "", result.matched)
            )
        else:
            self.status.setText(
                self.tr("%n finding(s) need a look.", "", len(result.findings))
                + " "
                + self.tr("%n claim(s) agree.", "", result.matched)
            )
        self.totals.setText(
            self.tr("The insurer's total covered %1 · this PC's records %2")
            .replace("%1", format_yuan(result.insurer_covered_fen))
            .replace("%2", format_yuan(result.journal_covered_fen))
        )
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(result.findings))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, finding in enumerate(result.findings):

            def money(fen: int | None) -> str:
                return format_yuan(fen) if fen is not None else "—"

            cells = [
                (name(finding.discrepancy), None, None),
                (
                    finding.invoice_no or finding.insurer_claim_id or "—",
                    None,
                    self._number(finding),
                ),
                (money(finding.journal_covered_fen), right, None),
                (money(finding.insurer_covered_fen), right, None),
                (money(finding.difference_fen), right, None),
                (name(finding.action), None, name(finding.action)),
            ]
            for column, (text, align, tip) in enumerate(cells):
                item = QTableWidgetItem(text)
                if align is not None:
                    item.setTextAlignment(align)
                if tip:
                    item.setToolTip(tip)
                self.table.setItem(row, column, item)
        keys = [(f.claim_id, f.idempotency_key) for f in result.findings]
        if chosen is not None and (chosen.claim_id, chosen.idempotency_key) in keys:
            self.table.selectRow(keys.index((chosen.claim_id, chosen.idempotency_key)))
        self.table.blockSignals(False)
        self._selected()

    def _number(self, finding: Finding) -> str:
        """The insurer's claim number, for the manager who calls the insurer about it."""
        if finding.insurer_claim_id is None:
            return ""
        return self.tr("Insurer claim no. %1").replace("%1", finding.insurer_claim_id)

    def selected_finding(self) -> Finding | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if self.result is None or not rows or rows[0].row() >= len(self.result.findings):
            return None
        return self.result.findings[rows[0].row()]

    def choose(self, claim_id: int) -> None:
        """Choose the finding about this claim (as a tap on its row does)."""
        found = self.result.findings if self.result is not None else ()
        self.table.selectRow([f.claim_id for f in found].index(claim_id))

    def _selected(self) -> None:
        finding = self.selected_finding()
        if finding is None:
            self.chosen.setText(self.tr("Choose a finding to act on it."))
            self.open_button.setVisible(False)
            self.actions.show_claim(None, None)
            return
        self.chosen.setText(finding.invoice_no or finding.insurer_claim_id or "")
        self.open_button.setVisible(finding.claim_id is not None)
        self.actions.show_claim(finding.claim_id, finding.category)

    def _open(self) -> None:
        finding = self.selected_finding()
        if finding is not None and finding.claim_id is not None:
            self.open_claim.emit(finding.claim_id, finding.service_date)


class ExportsTab(QWidget):
    """Files for finance: the day's claims, a range of days, and the PDF day report."""

    export = Signal(str, object, object)
    """Format ("csv", "xlsx" or "pdf"), first day, last day (None: the chosen day)."""
    choose_folder = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day_title = QLabel(objectName="panelTitle")
        self.day_csv = QPushButton(objectName="secondary")
        self.day_xlsx = QPushButton(objectName="secondary")
        self.day_pdf = QPushButton(objectName="primary")
        self.day_csv.clicked.connect(lambda: self.export.emit("csv", None, None))
        self.day_xlsx.clicked.connect(lambda: self.export.emit("xlsx", None, None))
        self.day_pdf.clicked.connect(lambda: self.export.emit("pdf", None, None))
        self.range_title = QLabel(objectName="panelTitle")
        self.first = QDateEdit(objectName="rangeFirst", calendarPopup=True)
        self.last = QDateEdit(objectName="rangeLast", calendarPopup=True)
        for edit in (self.first, self.last):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.range_from = QLabel(objectName="rowName")
        self.range_to = QLabel(objectName="rowName")
        self.range_csv = QPushButton(objectName="secondary")
        self.range_xlsx = QPushButton(objectName="secondary")
        self.range_csv.clicked.connect(lambda: self._range("csv"))
        self.range_xlsx.clicked.connect(lambda: self._range("xlsx"))
        self.folder_title = QLabel(objectName="panelTitle")
        self.folder = QLabel(objectName="detailText", wordWrap=True)
        self.folder_button = QPushButton(objectName="secondary")
        self.folder_button.clicked.connect(self.choose_folder)
        self.result = QLabel(objectName="status", wordWrap=True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        day_box = QFrame(objectName="panel")
        day_layout = QVBoxLayout(day_box)
        day_row = QHBoxLayout()
        for button in (self.day_csv, self.day_xlsx, self.day_pdf):
            day_row.addWidget(button)
        day_row.addStretch(1)
        day_layout.addWidget(self.day_title)
        day_layout.addLayout(day_row)
        range_box = QFrame(objectName="panel")
        range_layout = QVBoxLayout(range_box)
        range_row = QHBoxLayout()
        for widget in (self.range_from, self.first, self.range_to, self.last):
            range_row.addWidget(widget)
        range_row.addSpacing(16)
        range_row.addWidget(self.range_csv)
        range_row.addWidget(self.range_xlsx)
        range_row.addStretch(1)
        range_layout.addWidget(self.range_title)
        range_layout.addLayout(range_row)
        folder_box = QFrame(objectName="panel")
        folder_layout = QHBoxLayout(folder_box)
        folder_text = QVBoxLayout()
        folder_text.addWidget(self.folder_title)
        folder_text.addWidget(self.folder)
        folder_layout.addLayout(folder_text, 1)
        folder_layout.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(day_box)
        layout.addWidget(range_box)
        layout.addWidget(folder_box)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.chosen_day: date | None = None
        self.saved: Path | None = None
        self.retranslate()

    def retranslate(self) -> None:
        day = self.chosen_day.isoformat() if self.chosen_day else ""
        self.day_title.setText(self.tr("The claims of %1").replace("%1", day))
        self.day_csv.setText(self.tr("CSV"))
        self.day_xlsx.setText(self.tr("Excel (XLSX)"))
        self.day_pdf.setText(self.tr("PDF day report"))
        self.range_title.setText(self.tr("The claims of a range of days"))
        self.range_from.setText(self.tr("From"))
        self.range_to.setText(self.tr("to"))
        self.range_csv.setText(self.tr("CSV"))
        self.range_xlsx.setText(self.tr("Excel (XLSX)"))
        self.folder_title.setText(self.tr("Saved in"))
        self.folder_button.setText(self.tr("Change folder…"))
        if self.saved is not None:
            self.show_saved(self.saved)

    def show_saved(self, path: Path) -> None:
        self.saved = path
        self.result.setText(self.tr("Saved %1").replace("%1", str(path)))

    def show_day(self, day: date) -> None:
        self.chosen_day = day
        if not self.first.property("touched"):
            self.first.setDate(QDate(day.year, day.month, 1))
            self.last.setDate(QDate(day.year, day.month, day.day))
        self.retranslate()

    def _range(self, export_format: str) -> None:
        self.first.setProperty("touched", True)
        first, last = self.first.date().toPython(), self.last.date().toPython()
        if last < first:
            self.result.setText(self.tr("The range ends before it starts."))
            return
        self.export.emit(export_format, first, last)


class ManagerScreen(QWidget):
    """The dashboard of one signed-in person; made at sign-in, thrown away at sign-out."""

    loaded = Signal(str)
    """The day (ISO) whose figures and claims are now on screen."""
    reconciled = Signal(str)
    exported = Signal(str)
    """Path of a file just written."""
    document_opened = Signal(str)
    signed_out = Signal()
    leave = Signal()
    exit_kiosk = Signal()
    """A manager confirmed "Exit the kiosk"."""
    claim_changed = Signal(int)
    """A manager sent a claim again or marked it settled (the claim id); the day is re-read."""

    def __init__(
        self, context: ManagerContext, member: StaffMember, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("managerScreen")
        self.setStyleSheet(_STYLE)
        self.context = context
        self.member = member
        self.day = _business_today(context.journal)
        self.exports_dir = context.exports_dir
        self._request = 0
        self.summary: DaySummary | None = None
        self.trend: Trend | None = None
        self._statement: DailyStatement | None = None
        """The insurer's statement last fetched for the chosen day (compared again, without
        asking the insurer, after a manager changes a claim)."""
        self._claim_to_open: int | None = None

        self.title = QLabel(objectName="managerTitle")
        self.previous_day = QPushButton("‹", objectName="dayStep")
        self.next_day = QPushButton("›", objectName="dayStep")
        self.date_edit = QDateEdit(objectName="managerDay", calendarPopup=True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd  ddd")
        self.today_button = QPushButton(objectName="secondary")
        self.refresh_button = QPushButton(objectName="secondary")
        self.sign_out_button = QPushButton(objectName="secondary")
        self.back_button = QPushButton(objectName="secondary")
        self.previous_day.clicked.connect(lambda: self.show_day(self.day - timedelta(days=1)))
        self.next_day.clicked.connect(lambda: self.show_day(self.day + timedelta(days=1)))
        self.today_button.clicked.connect(
            lambda: self.show_day(_business_today(self.context.journal))
        )
        self.refresh_button.clicked.connect(self.reload)
        self.date_edit.dateChanged.connect(lambda d: self.show_day(d.toPython()))
        self.sign_out_button.clicked.connect(self.signed_out)
        self.back_button.clicked.connect(self.leave)
        # Closing the kiosk program is a manager's decision, asked once more before it happens.
        self.exit_button = QPushButton(objectName="secondary")
        self.exit_button.setStyleSheet("min-height: 36px; max-height: 36px;")
        self.exit_button.setVisible(member.may(Permission.EXIT))
        self.exit_button.clicked.connect(lambda: self.confirm_exit.setVisible(True))
        self.confirm_exit = QFrame(objectName="panel")
        self.confirm_exit.setVisible(False)
        self.exit_question = QLabel(objectName="detailText", wordWrap=True)
        self.exit_confirm_button = QPushButton(objectName="primary")
        self.exit_confirm_button.clicked.connect(self.exit_kiosk)
        self.exit_cancel_button = QPushButton(objectName="secondary")
        self.exit_cancel_button.clicked.connect(lambda: self.confirm_exit.setVisible(False))
        confirm_layout = QHBoxLayout(self.confirm_exit)
        confirm_layout.setContentsMargins(14, 8, 14, 8)
        confirm_layout.addWidget(self.exit_question, 1)
        confirm_layout.addWidget(self.exit_confirm_button)
        confirm_layout.addWidget(self.exit_cancel_button)
        self.state = QLabel(objectName="hint")
        self._read_at: datetime | None = None

        self.tabs = QTabWidget(objectName="managerTabs")
        self.day_tab = DayTab(self._item_name) if member.may(Permission.FIGURES) else None
        may_settle = member.may(Permission.SETTLE)
        self.claims_tab = (
            ClaimsTab(may_settle=may_settle) if member.may(Permission.CLAIMS) else None
        )
        self.reconcile_tab = (
            ReconcileTab(may_settle=may_settle) if member.may(Permission.RECONCILE) else None
        )
        self.exports_tab = ExportsTab() if member.may(Permission.EXPORT) else None
        for tab in (self.day_tab, self.claims_tab, self.reconcile_tab, self.exports_tab):
            if tab is not None:
                self.tabs.addTab(tab, "")
        if self.claims_tab is not None:
            self.claims_tab.open_signed_bill.connect(self._open_signed_bill)
        if self.reconcile_tab is not None:
            self.reconcile_tab.fetch.connect(self.fetch_statement)
            self.reconcile_tab.open_claim.connect(self.open_claim)
        for panel in self._claim_actions():
            panel.send_again.connect(self.send_claim_again)
            panel.settle.connect(self.settle_claim)
        if self.exports_tab is not None:
            self.exports_tab.export.connect(self.export)
            self.exports_tab.choose_folder.connect(self._choose_folder)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.title)
        bar.addStretch(1)
        for widget in (
            self.previous_day,
            self.date_edit,
            self.next_day,
            self.today_button,
            self.refresh_button,
        ):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(self.sign_out_button)
        bar.addWidget(self.back_button)
        # Beside the tabs, away from the everyday buttons (and where the header has no room).
        self.tabs.setCornerWidget(self.exit_button, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 8, 20, 8)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.state)
        layout.addWidget(self.confirm_exit)
        layout.addWidget(self.tabs, 1)
        self._retranslate()
        self.show_day(self.day, force=True)

    # --- language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(
            self.tr("%1 · %2").replace("%1", self.member.name).replace("%2", name(self.member.role))
        )
        self.date_edit.setLocale(QLocale())
        self._show_state()
        self.today_button.setText(self.tr("Today"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.sign_out_button.setText(self.tr("Sign out"))
        self.back_button.setText(self.tr("Back to the desk"))
        self.exit_button.setText(self.tr("Exit the kiosk"))
        self.exit_question.setText(
            self.tr(
                "Close the kiosk program? Reception cannot use it until it is started again. "
                "Claims waiting to send stay safe and are sent after the next start."
            )
        )
        self.exit_confirm_button.setText(self.tr("Exit now"))
        self.exit_cancel_button.setText(self.tr("Cancel"))
        titles = {
            self.day_tab: self.tr("Day"),
            self.claims_tab: self.tr("Claims"),
            self.reconcile_tab: self.tr("Reconciliation"),
            self.exports_tab: self.tr("Exports"),
        }
        for tab, title in titles.items():
            if tab is not None:
                self.tabs.setTabText(self.tabs.indexOf(tab), title)
                tab.retranslate()
        self._show_folder()

    # --- the chosen day

    def show_day(self, day: date, *, force: bool = False) -> None:
        if day == self.day and not force:
            return
        self.day = day
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)
        self.next_day.setEnabled(day < _business_today(self.context.journal))
        self._statement = None
        if self.reconcile_tab is not None:
            self.reconcile_tab.clear()
        if self.exports_tab is not None:
            self.exports_tab.show_day(day)
        self.reload()

    def reload(self) -> None:
        """Read the chosen day again (figures, trend, claims) on a worker."""
        self._request += 1
        request, day, journal = self._request, self.day, self.context.journal
        figures = self.day_tab is not None
        claims = self.claims_tab is not None
        self._read_at = None
        self._show_state()

        def read() -> tuple:
            summary = day_summary(journal, day) if figures else None
            thirty = trend(journal, day) if figures else None
            lines = claim_lines(journal, day) if claims else None
            return summary, thirty, lines

        Task(read).success(lambda result: self._show(request, day, *result)).failure(
            lambda _error: self._read_failed(request)
        ).run()

    def _show(
        self,
        request: int,
        day: date,
        summary: DaySummary | None,
        thirty: Trend | None,
        lines: list[ClaimLine] | None,
    ) -> None:
        if request != self._request:
            return
        self.summary, self.trend = summary, thirty
        if self.day_tab is not None and summary is not None and thirty is not None:
            self.day_tab.show_summary(summary)
            self.day_tab.show_trend(thirty)
        if self.claims_tab is not None and lines is not None:
            self.claims_tab.show_lines(lines)
            if self._claim_to_open is not None:
                self.claims_tab.select_claim(self._claim_to_open)
                self._claim_to_open = None
        self._read_at = datetime.now(BUSINESS_TZ)
        self._show_state()
        self.loaded.emit(day.isoformat())

    def _show_state(self) -> None:
        if self._read_at is None:
            self.state.setText(self.tr("Reading this PC's records…"))
            return
        at = self._read_at.strftime("%H:%M")
        self.state.setText(self.tr("As this PC's records stood at %1.").replace("%1", at))

    def _item_name(self, code: str, description: str) -> str:
        """An item as the manager reads it: the catalogue's English name in English."""
        if self.context.language().startswith("en"):
            return self.context.names_en().get(code) or description
        return description

    def _read_failed(self, request: int) -> None:
        if request == self._request:
            self.state.setText(self.tr("This PC's records cannot be read right now. Try again."))

    # --- a claim the insurer does not pay as it stands

    def _claim_actions(self) -> list[ClaimActions]:
        return [tab.actions for tab in (self.claims_tab, self.reconcile_tab) if tab is not None]

    def open_claim(self, claim_id: int, service_date: date) -> None:
        """Show the claim in the claims tab, on its own day."""
        if self.claims_tab is None:
            return
        self.tabs.setCurrentWidget(self.claims_tab)
        if service_date != self.day:
            self._claim_to_open = claim_id
            self.show_day(service_date)
        elif not self.claims_tab.select_claim(claim_id):
            self._claim_to_open = claim_id

    def send_claim_again(self, claim_id: int) -> None:
        """Put a stopped claim back among those waiting to send, under its own key (audited)."""
        self._change_claim(
            claim_id,
            lambda tx: tx.requeue_claim(claim_id),
            self.tr("Waiting to send again; it goes at the next try."),
            wake=True,
        )

    def settle_claim(self, claim_id: int, note: str) -> None:
        """Close a refused or stopped claim that was settled another way; the note is audited."""
        self._change_claim(
            claim_id,
            lambda tx: tx.resolve_claim(claim_id, note),
            self.tr("Marked settled."),
            wake=False,
        )

    def _change_claim(
        self,
        claim_id: int,
        change: Callable[[Transaction], object],
        done_text: str,
        *,
        wake: bool,
    ) -> None:
        """The one way a claim is changed from these screens, whichever tab asked: only a
        manager may, then the day and the reconciliation are read again."""
        if not self.member.may(Permission.SETTLE):
            return
        journal, actor = self.context.journal, f"staff:{self.member.id}"

        def write() -> None:
            with journal.transaction(actor=actor) as tx:
                change(tx)

        def finished(text: str) -> None:
            for panel in self._claim_actions():
                panel.finished(claim_id, text)
            self.reload()
            self._compare_again()

        def done(_result: None) -> None:
            if wake:
                self.context.wake_outbox()
            self.claim_changed.emit(claim_id)
            finished(done_text)

        def failed(_error: BaseException) -> None:
            finished(self.tr("The claim could not be changed; it may have changed meanwhile."))

        Task(write).success(done).failure(failed).run()

    # --- reconciliation

    def fetch_statement(self) -> None:
        if self.reconcile_tab is None:
            return
        self.reconcile_tab.busy()
        day, journal = self.day, self.context.journal
        tab = self.reconcile_tab

        def compare(insurer: InsurerClient) -> tuple[DailyStatement, Reconciliation]:
            statement = insurer.daily_statement(day)
            return statement, reconcile(journal, statement)

        def done(result: tuple[DailyStatement, Reconciliation]) -> None:
            if day == self.day:
                self._statement = result[0]
                tab.show_result(result[1])
                self.reconciled.emit(day.isoformat())

        def failed(error: BaseException) -> None:
            if day == self.day:
                tab.failed(insurer_problem(error))

        Task.with_insurer(compare).success(done).failure(failed).run()

    def _compare_again(self) -> None:
        """Compare the statement already fetched with the journal as it is now."""
        statement, tab, journal = self._statement, self.reconcile_tab, self.context.journal
        if statement is None or tab is None:
            return

        def done(result: Reconciliation) -> None:
            if statement is self._statement:
                tab.show_result(result)
                self.reconciled.emit(statement.date.isoformat())

        def failed(_error: BaseException) -> None:
            if statement is self._statement:
                tab.failed(self.tr("This PC's records cannot be read right now. Try again."))

        Task(lambda: reconcile(journal, statement)).success(done).failure(failed).run()

    # --- exports

    def _show_folder(self) -> None:
        if self.exports_tab is not None:
            self.exports_tab.folder.setText(str(self.exports_dir))

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Where should exports be saved?"), str(self.exports_dir)
        )
        if chosen:
            self.exports_dir = Path(chosen)
            self._show_folder()

    def export(self, export_format: str, first: date | None, last: date | None) -> None:
        """Write a file for finance in the exports folder; `first` None means the chosen day."""
        tab = self.exports_tab
        if tab is None:
            return
        journal, folder = self.context.journal, self.exports_dir
        first_day = first or self.day
        last_day = last or first_day
        span = (
            first_day.isoformat()
            if first_day == last_day
            else f"{first_day.isoformat()}_{last_day.isoformat()}"
        )
        if export_format == "pdf":
            self._export_report(folder / f"day-report-{span}.pdf")
            return
        target = folder / f"claims-{span}.{export_format}"
        labels = export_labels()

        def write() -> Path:
            folder.mkdir(parents=True, exist_ok=True)
            export_claims(journal, target, first_day, last_day, labels=labels)
            return target

        tab.result.setText(self.tr("Writing %1…").replace("%1", target.name))
        Task(write).success(self._exported).failure(self._export_failed).run()

    def _export_report(self, target: Path) -> None:
        tab = self.exports_tab
        day, journal, context = self.day, self.context.journal, self.context
        shown = self.reconcile_tab.result if self.reconcile_tab is not None else None
        reconciliation = shown if shown is not None and shown.day == day else None
        chart = TrendChart().text()
        text = day_report_text(chart)
        printed_by = self.member.name
        english = self.context.language().startswith("en")
        item_names = dict(self.context.names_en()) if english else {}

        def write() -> Path:
            target.parent.mkdir(parents=True, exist_ok=True)
            render_day_report(
                target,
                clinic=context.clinic_name,
                summary=day_summary(journal, day),
                trend=trend(journal, day),
                reconciliation=reconciliation,
                audit=journal.verify_audit(),
                printed_at=journal.now(),
                printed_by=printed_by,
                text=text,
                item_names=item_names,
            )
            return target

        tab.result.setText(self.tr("Writing %1…").replace("%1", target.name))
        Task(write).success(self._exported).failure(self._export_failed).run()

    def _exported(self, path: Path) -> None:
        if self.exports_tab is not None:
            self.exports_tab.show_saved(path)
        self.exported.emit(str(path))

    def _export_failed(self, _error: BaseException) -> None:
        if self.exports_tab is not None:
            self.exports_tab.result.setText(
                self.tr("The file could not be written there. Choose another folder.")
            )

    # --- signed bills

    def _open_signed_bill(self, claim_id: int) -> None:
        context = self.context

        def find() -> Path:
            return signed_bill_copy(context.journal, claim_id, context.documents_dir)

        Task(find).success(self._document_ready).failure(self._document_failed).run()

    def _document_ready(self, path: Path) -> None:
        if self.claims_tab is not None:
            self.claims_tab.detail_state.setText(str(path))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.document_opened.emit(str(path))

    def _document_failed(self, error: BaseException) -> None:
        if self.claims_tab is None:
            return
        if isinstance(error, NoSignedCopy):
            message = self.tr(
                "The signature of this claim was removed by the retention rule; only the "
                "amounts remain."
            )
        else:
            message = self.tr("The signed bill could not be opened.")
        self.claims_tab.detail_state.setText(message)


class ManagerArea(QStackedWidget):
    """Sign-in, then the dashboard of whoever signed in. `leave` asks to go back to the desk.

    Its own idle watcher signs the person out after `ManagerContext.idle_seconds` without input,
    whatever the desk's idle timeout is.
    """

    leave = Signal()
    exit_kiosk = Signal(object)
    """The manager (`StaffMember`) who confirmed "Exit the kiosk"; the exit is in the audit
    trail by then (or the journal could not be written, which must not keep the kiosk open)."""
    opened_dashboard = Signal(object)
    """The `ManagerScreen` just made for a signed-in person (tests and screenshots use it)."""

    def __init__(self, context: ManagerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managerArea")
        self.context = context
        self.sign_in = SignInScreen(context.directory)
        self.sign_in.signed_in.connect(self._signed_in)
        self.sign_in.cancelled.connect(self.leave)
        self.addWidget(self.sign_in)
        self.dashboard: ManagerScreen | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.idle_watcher = IdleWatcher(app, context.idle_seconds)
            self.idle_watcher.setParent(self)
            self.idle_watcher.idle.connect(self.idle)

    def open(self) -> None:
        """Show the sign-in (or the dashboard of the person still signed in)."""
        if self.dashboard is None:
            self.sign_in.reset()
            self.setCurrentWidget(self.sign_in)

    def _signed_in(self, member: StaffMember) -> None:
        self.dashboard = ManagerScreen(self.context, member)
        self.dashboard.signed_out.connect(lambda: self.sign_out("signed-out"))
        self.dashboard.leave.connect(self.leave)
        self.dashboard.exit_kiosk.connect(lambda: self._exit(member))
        self.addWidget(self.dashboard)
        self.setCurrentWidget(self.dashboard)
        self.opened_dashboard.emit(self.dashboard)

    def _exit(self, member: StaffMember) -> None:
        directory = self.context.directory
        Task(lambda: directory.record_exit(member)).success(
            lambda _none: self.exit_kiosk.emit(member)
        ).failure(lambda _error: self.exit_kiosk.emit(member)).run()

    def sign_out(self, reason: str = "signed-out") -> None:
        """End the session: the dashboard and everything it showed are gone."""
        dashboard, self.dashboard = self.dashboard, None
        if dashboard is None:
            return
        member = dashboard.member
        self.removeWidget(dashboard)
        dashboard.deleteLater()
        directory = self.context.directory
        Task(lambda: directory.sign_out(member, reason=reason)).run()
        self.open()

    def idle(self) -> None:
        """Nobody touched the kiosk for a while: sign out and hand the screen back to the desk."""
        if self.dashboard is not None:
            self.sign_out("idle")
        if self.isVisible():
            self.leave.emit()
