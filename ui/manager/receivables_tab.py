"""The manager's Receivables tab: what the insurer still owes the clinic and for how long, what it
paid against what was expected (by month, or by day for the last 30 days), its remittances'
findings, and what families owe (at the desk, and after the insurer's review)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.insurer.models import ClaimStatus, ReviewOutcome
from kiosk.money import format_yuan
from kiosk.receivables import AgingBucket, PaidVsExpected, Receivables, RemittanceFinding
from ui.i18n import QT_TRANSLATE_NOOP
from ui.manager.day_tab import FigureTile
from ui.manager.tables import figure_table, fill_table, money_cell
from ui.manager_text import name

DAYS_SHOWN = 30


class ReceivablesTab(QWidget):
    """Renders a `Receivables`; `fetch` asks the screen to fetch the insurer's payments."""

    fetch = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: Receivables | None = None
        self.fetch_button = QPushButton(objectName="primary")
        self.fetch_button.clicked.connect(self.fetch)
        self.status = QLabel(objectName="status", wordWrap=True)
        self.aging = [FigureTile() for _ in range(4)]
        self.aging[-1].tone = "alert"
        self.families = FigureTile("family")
        self.by_status = QLabel(objectName="hint", wordWrap=True)
        self.period_title = QLabel(objectName="panelTitle")
        self.period = QComboBox()
        self.period.setObjectName("periodChoice")
        self.period.addItems(["", ""])
        self.period.currentIndexChanged.connect(lambda _index: self._show_periods())
        self.periods = figure_table(5, "paidTable")
        self.findings_title = QLabel(objectName="panelTitle")
        self.findings = figure_table(6, "remittanceFindings")
        self.findings.verticalHeader().setDefaultSectionSize(52)
        self.balances_title = QLabel(objectName="panelTitle")
        self.balances = figure_table(4, "familyBalances")

        top = QHBoxLayout()
        top.addWidget(self.fetch_button)
        top.addWidget(self.status, 1)
        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        for tile in (*self.aging, self.families):
            tiles.addWidget(tile, 1)
        period_head = QHBoxLayout()
        period_head.addWidget(self.period_title, 1)
        period_head.addWidget(self.period)
        left = QVBoxLayout()
        left.addLayout(period_head)
        left.addWidget(self.periods, 1)
        right = QVBoxLayout()
        right.addWidget(self.balances_title)
        right.addWidget(self.balances, 1)
        columns = QGridLayout()
        columns.setHorizontalSpacing(14)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 8)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addWidget(self.by_status)
        layout.addWidget(self.findings_title)
        layout.addWidget(self.findings, 2)
        layout.addLayout(columns, 3)
        self.retranslate()

    def retranslate(self) -> None:
        self.fetch_button.setText(self.tr("Fetch the insurer's payments"))
        for tile, bucket in zip(self.aging, _BUCKETS, strict=True):
            tile.caption.setText(QCoreApplication.translate("ReceivablesTab", bucket))
        self.families.caption.setText(self.tr("Owed by families"))
        self.period_title.setText(self.tr("Paid against expected"))
        self.period.setItemText(0, self.tr("By month"))
        self.period.setItemText(1, self.tr("By day, last %n day(s)", "", DAYS_SHOWN))
        self.periods.setHorizontalHeaderLabels(
            [self.tr("Period"), self.tr("Claims"), self.tr("Expected"), self.tr("Paid"), ""]
        )
        self.findings_title.setText(self.tr("The insurer's remittances"))
        self.findings.setHorizontalHeaderLabels(
            [
                self.tr("What"),
                self.tr("Remittance"),
                self.tr("Claim"),
                self.tr("Expected"),
                self.tr("Paid"),
                self.tr("What to do"),
            ]
        )
        self.balances_title.setText(
            self.tr("Moved to families by the insurer's review (their card is on hold until paid)")
        )
        self.balances.setHorizontalHeaderLabels(
            [self.tr("Invoice"), self.tr("Date"), self.tr("Amount"), ""]
        )
        if self.result is not None:
            self.show_result(self.result)
        else:
            self.status.setText(
                self.tr("What the insurer owes the clinic, and what it paid against its claims.")
            )

    def busy(self) -> None:
        self.fetch_button.setEnabled(False)
        self.status.setText(self.tr("Asking the insurer for its payments…"))

    def failed(self, message: str) -> None:
        self.fetch_button.setEnabled(True)
        self.status.setText(message)

    def show_result(self, result: Receivables) -> None:
        self.result = result
        self.fetch_button.setEnabled(True)
        matched = result.remittances
        self.status.setText(
            self.tr("%n remittance(s) from the insurer since %1", "", matched.remittances).replace(
                "%1", result.days[0].period.isoformat() if result.days else "—"
            )
            + " · "
            + self.tr("%n line(s) agree with the claims", "", matched.matched)
            + " · "
            + self.tr("%n finding(s)", "", len(matched.findings))
        )
        for tile, bucket in zip(self.aging, result.aging.buckets, strict=True):
            self._show_bucket(tile, bucket)
        families = result.families
        self.families.show_value(format_yuan(families.at_desk_fen + families.after_review_fen))
        self.families.note.setText(
            self.tr("At the desk %1 · after review %2")
            .replace("%1", format_yuan(families.at_desk_fen))
            .replace("%2", format_yuan(families.after_review_fen))
        )
        counts = result.by_status
        self.by_status.setText(
            self.tr(
                "Open claims %1, owing %2 · by state: accepted %3 · reviewed %4 · paid %5 · "
                "refused %6"
            )
            .replace("%1", str(result.aging.claims))
            .replace("%2", format_yuan(result.aging.amount_fen))
            .replace("%3", str(counts[ClaimStatus.ACCEPTED]))
            .replace("%4", str(counts[ClaimStatus.ADJUDICATED]))
            .replace("%5", str(counts[ClaimStatus.PAID]))
            .replace("%6", str(counts[ClaimStatus.REJECTED]))
        )
        self._show_periods()
        fill_table(self.findings, [self._finding_cells(f) for f in matched.findings])
        fill_table(
            self.balances,
            [
                [
                    (b.invoice_no, False),
                    (b.service_date.isoformat(), False),
                    money_cell(b.amount_fen),
                    (self._outcome(b.outcome), False),
                ]
                for b in families.after_review
            ],
        )

    def _outcome(self, outcome: ReviewOutcome) -> str:
        if outcome is ReviewOutcome.REJECTED:
            return self.tr("Refused after review")
        return self.tr("Partly not covered after review")

    def _show_bucket(self, tile: FigureTile, bucket: AgingBucket) -> None:
        overdue = bucket.last_day is None and bucket.claims > 0
        tile.show_value(format_yuan(bucket.amount_fen), alert=overdue)
        tile.note.setText(
            self.tr("%n claim(s)", "", bucket.claims)
            + (" · " + self.tr("%n reviewed", "", bucket.reviewed) if bucket.reviewed else "")
        )

    def _show_periods(self) -> None:
        if self.result is None:
            return
        by_day = self.period.currentIndex() == 1
        if by_day:
            since = self.result.aging.as_of - timedelta(days=DAYS_SHOWN - 1)
            periods = [p for p in self.result.days if p.period >= since]
        else:
            periods = list(self.result.months)
        fill_table(self.periods, [self._period_cells(p, by_day) for p in reversed(periods)])

    def _period_cells(self, period: PaidVsExpected, by_day: bool) -> list[tuple[str, bool]]:
        label = period.period.isoformat() if by_day else period.period.strftime("%Y-%m")
        outstanding = period.outstanding_fen
        return [
            (label, False),
            (str(period.claims), True),
            money_cell(period.expected_fen),
            money_cell(period.paid_fen),
            (
                self.tr("%1 to come").replace("%1", format_yuan(outstanding))
                if outstanding
                else self.tr("paid in full"),
                False,
            ),
        ]

    def _finding_cells(self, finding: RemittanceFinding) -> list[tuple[str, bool]]:
        claim = finding.invoice_no or finding.insurer_claim_id or "—"
        return [
            (name(finding.problem), False),
            (f"{finding.remittance_id}\n{finding.payment_date.isoformat()}", False),
            (claim, False),
            money_cell(finding.expected_fen),
            money_cell(finding.paid_fen),
            (name(finding.action), False),
        ]


_BUCKETS = (
    QT_TRANSLATE_NOOP("ReceivablesTab", "Unpaid 0–30 days"),
    QT_TRANSLATE_NOOP("ReceivablesTab", "Unpaid 31–60 days"),
    QT_TRANSLATE_NOOP("ReceivablesTab", "Unpaid 61–90 days"),
    QT_TRANSLATE_NOOP("ReceivablesTab", "Unpaid over 90 days"),
)
"""The captions of `kiosk.receivables.AGING_BUCKETS`, in order."""
