"""The manager's Clinic tab (with a clinic database): the chosen day for the whole clinic and each
of its desks — or, for group finance, the whole group and each of its clinics — with when each
last shipped its records, and the 30 days before it as a chart."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from kiosk.business_day import BUSINESS_TZ
from kiosk.clinic_db.reading import ClinicDay, Part
from kiosk.money import format_yuan
from kiosk.reports import PAYABLE, DaySummary
from ui.manager.day_tab import FigureTile, figure_captions, tile_row, trend_panel
from ui.manager.tables import figure_table, fill_table, money_cell
from ui.tone import set_tone
from ui.widgets.trend_chart import TrendChart

STALE_AFTER = timedelta(minutes=15)
"""A desk that has not shipped for this long may be offline: its figures may be behind."""


class ClinicTab(QWidget):
    """Renders a `ClinicDay`, or why the clinic database could not be read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ClinicDay | None = None
        self.problem: str | None = None
        self.now = lambda: datetime.now(BUSINESS_TZ)
        self.title = QLabel(objectName="panelTitle")
        self.status = QLabel(objectName="status", wordWrap=True)
        self.tiles = {
            key: FigureTile(tone)
            for key, tone in (
                ("visits", ""),
                ("billed", ""),
                ("covered", "covered"),
                ("not_covered", ""),
                ("family_paid", "family"),
                ("owed", ""),
            )
        }
        self.parts = figure_table(9, "clinicParts")
        header = self.parts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.parts.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.chart = TrendChart()
        self.chart.setMinimumHeight(150)
        self.chart_title = QLabel(objectName="panelTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 8)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(tile_row(self.tiles))
        layout.addWidget(self.parts, 3)
        layout.addWidget(trend_panel(self.chart_title, self.chart), 2)
        self.retranslate()

    def retranslate(self) -> None:
        captions = figure_captions()
        for key, tile in self.tiles.items():
            tile.caption.setText(captions[key])
        self.chart_title.setText(
            self.tr("Last 30 days: covered by the insurer and paid by families")
        )
        if self.result is not None:
            self.show_day(self.result)
        elif self.problem is not None:
            self.show_problem(self.problem)
        else:
            self.title.setText(self.tr("The clinic's day"))

    def _headers(self, group: bool) -> None:
        self.parts.setHorizontalHeaderLabels(
            [
                self.tr("Clinic") if group else self.tr("Desk"),
                self.tr("Records up to"),
                self.tr("Visits"),
                self.tr("Billed"),
                self.tr("Insurer covers"),
                self.tr("Awaiting"),
                self.tr("Refused"),
                self.tr("Families paid"),
                self.tr("Families owe"),
            ]
        )

    def _shipped(self, part: Part) -> tuple[str, bool]:
        if part.shipped_at is None:
            return (self.tr("nothing yet"), False)
        local = part.shipped_at.astimezone(BUSINESS_TZ)
        text = (
            local.strftime("%H:%M")
            if local.date() == self.now().date()
            else local.strftime("%Y-%m-%d %H:%M")
        )
        return (text, False)

    def _row(self, label: str, shipped: tuple[str, bool], summary: DaySummary) -> list:
        return [
            (label, False),
            shipped,
            (str(summary.direct_pay_visits), True),
            money_cell(summary.billed_fen),
            money_cell(summary.covered_fen),
            money_cell(summary.awaiting_fen),
            money_cell(summary.not_covered_fen),
            money_cell(summary.family_paid_fen),
            money_cell(summary.owed_fen),
        ]

    def show_day(self, result: ClinicDay) -> None:
        self.result, self.problem = result, None
        day = result.day.isoformat()
        self.title.setText(
            (
                self.tr("The group's day: %1, %2")
                if result.group
                else self.tr("The clinic's day: %1, %2")
            )
            .replace("%1", result.scope)
            .replace("%2", day)
        )
        stale = [
            part.name
            for part in result.parts
            if part.shipped_at is None or self.now() - part.shipped_at > STALE_AFTER
        ]
        self.status.setText(
            self.tr("Not shipped for 15 minutes or more (its figures may be behind): %1").replace(
                "%1", ", ".join(stale)
            )
            if stale
            else self.tr("Every desk has shipped its records in the last 15 minutes.")
        )
        set_tone(self.status, "warning" if stale else None)
        summary = result.total
        self.tiles["visits"].show_value(str(summary.direct_pay_visits))
        self.tiles["visits"].note.setText(self.tr("%n claim(s)", "", summary.claims_total))
        self.tiles["billed"].show_value(format_yuan(summary.billed_fen))
        self.tiles["covered"].show_value(format_yuan(summary.covered_fen))
        accepted = sum(summary.claims[category] for category in PAYABLE)
        self.tiles["covered"].note.setText(self.tr("%n accepted claim(s)", "", accepted))
        self.tiles["not_covered"].show_value(
            format_yuan(summary.not_covered_fen), alert=summary.unpaid > 0
        )
        self.tiles["not_covered"].note.setText(
            self.tr("%n claim(s) to collect or fix", "", summary.unpaid)
        )
        self.tiles["family_paid"].show_value(format_yuan(summary.family_paid_fen))
        self.tiles["owed"].show_value(format_yuan(summary.owed_fen), alert=summary.owed_fen > 0)
        self.tiles["owed"].note.setText(self.tr("%n visit(s)", "", summary.owed_visits))
        self._headers(result.group)
        rows = [
            self._row(
                self.tr("%1 (%n desk(s))", "", part.desks).replace("%1", part.name)
                if result.group
                else part.name,
                self._shipped(part),
                part.summary,
            )
            for part in result.parts
        ]
        rows.append(self._row(self.tr("Total"), ("", False), summary))
        fill_table(self.parts, rows)
        last = self.parts.rowCount() - 1
        for column in range(self.parts.columnCount()):
            item = self.parts.item(last, column)
            if item is not None:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
        self.chart.set_trend(result.trend)

    def show_problem(self, problem: str) -> None:
        self.result, self.problem = None, problem
        self.title.setText(self.tr("The clinic's day"))
        self.status.setText(
            self.tr(
                "The clinic database cannot be read now (%1). This desk's own figures are on "
                "the Day tab; the desks keep their records and ship them when it is back."
            ).replace("%1", problem)
        )
        set_tone(self.status, "error")
