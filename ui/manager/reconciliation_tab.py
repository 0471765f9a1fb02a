"""The manager's Reconciliation tab: the insurer's daily statement compared with this PC's
records, one compact row per finding, and the chosen finding's claim to open or act on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.money import format_yuan
from kiosk.reconciliation import Finding, Reconciliation
from ui.manager.claims_tab import ClaimActions
from ui.manager_text import name

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
        self.claim_actions = ClaimActions(may_settle, across=True)
        top = QHBoxLayout()
        top.addWidget(self.fetch_button)
        top.addWidget(self.status, 1)
        bar = QHBoxLayout()
        bar.setSpacing(10)
        bar.addWidget(self.chosen)
        bar.addWidget(self.open_button)
        bar.addWidget(self.claim_actions, 1)
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
        self.claim_actions.retranslate()
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
            self.claim_actions.show_claim(None, None)
            return
        self.chosen.setText(finding.invoice_no or finding.insurer_claim_id or "")
        self.open_button.setVisible(finding.claim_id is not None)
        self.claim_actions.show_claim(finding.claim_id, finding.category)

    def _open(self) -> None:
        finding = self.selected_finding()
        if finding is not None and finding.claim_id is not None:
            self.open_claim.emit(finding.claim_id, finding.service_date)
