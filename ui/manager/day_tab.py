"""The manager's Day tab: the chosen day's headline figures, its claims, payments (by method, net
of refunds, and what families still owe the clinic), pre-auth requests and top items, its
close-out (and the changes after it), and the 30 days before it as a chart."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.close_out import CloseOut
from kiosk.journal import PaymentMethod
from kiosk.money import format_yuan
from kiosk.reports import PAYABLE, UNPAID, ClaimCategory, DaySummary, PreAuthState, Trend
from ui.manager.close_tab import CloseOutSummary
from ui.manager_text import name
from ui.tone import set_tone
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.trend_chart import TrendChart


def figure_captions() -> dict[str, str]:
    """The headline figures' captions, as the Day tab's and the Clinic tab's tiles say them."""

    return {
        "visits": QCoreApplication.translate("DayTab", "Direct-pay visits"),
        "billed": QCoreApplication.translate("DayTab", "Billed"),
        "covered": QCoreApplication.translate("DayTab", "Covered by the insurer"),
        "awaiting": QCoreApplication.translate("DayTab", "Awaiting the insurer"),
        "not_covered": QCoreApplication.translate("DayTab", "Refused by the insurer"),
        "family_paid": QCoreApplication.translate("DayTab", "Paid by families"),
        "owed": QCoreApplication.translate("DayTab", "Still owed by families"),
    }


def tile_row(tiles: dict[str, FigureTile]) -> QHBoxLayout:
    """The headline figures side by side, sharing the width."""
    row = QHBoxLayout()
    row.setSpacing(10)
    for tile in tiles.values():
        row.addWidget(tile, 1)
    return row


def trend_panel(title: QLabel, chart: QWidget) -> QFrame:
    """The 30 days' chart under its title, as the Day and Clinic tabs show it."""
    panel = QFrame()
    panel.setObjectName("panel")
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(14, 10, 14, 6)
    layout.addWidget(title)
    layout.addWidget(chart, 1)
    return panel


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
        set_tone(self.value, "alert" if alert else self.tone)


class Rows(QFrame):
    """A titled panel of name / value rows (claims by state, payments by method, ...)."""

    def __init__(
        self, keys: list[object], parent: QWidget | None = None, *, elide: bool = False
    ) -> None:
        """`elide`: the names give way to an ellipsis (item names of any length) rather than
        widening the panel; other panels' names are short and always shown whole."""
        super().__init__(parent)
        self.setObjectName("panel")
        self.title = QLabel(objectName="panelTitle")
        self.names: dict[object, QLabel] = {}
        self.values: dict[object, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(1)
        for row, key in enumerate(keys):
            self.names[key] = (
                ElidedLabel(objectName="rowName", minimum_width=60)
                if elide
                else QLabel(objectName="rowName")
            )
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
        set_tone(label, "alert" if alert else "")


class _FillsTheView(QVBoxLayout):
    """The Day's column inside its scroll area. It claims no height-for-width (its wrapped tile
    notes do): a scroll area sizes such a column by the height it prefers, not the least it needs,
    and would scroll a day that fits."""

    def hasHeightForWidth(self) -> bool:
        return False


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
        self.payments = Rows([*PaymentMethod, "refunded", "owed"])
        self.preauths = Rows(list(PreAuthState))
        self.top = Rows(list(range(5)), elide=True)
        self.close_out = CloseOutSummary()
        self.chart = TrendChart()
        self.chart.setMinimumHeight(120)
        self.chart_title = QLabel(objectName="panelTitle")
        tiles = tile_row(self.tiles)
        panels = QHBoxLayout()
        panels.setSpacing(10)
        panels.addWidget(self.claims, 5)
        panels.addWidget(self.payments, 4)
        panels.addWidget(self.preauths, 4)
        panels.addWidget(self.top, 7)
        chart_box = trend_panel(self.chart_title, self.chart)
        content = QWidget()
        content.setObjectName("dayContent")
        layout = _FillsTheView(content)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(tiles)
        layout.addLayout(panels)
        layout.addWidget(self.close_out)
        layout.addWidget(chart_box, 1)
        # On a kiosk's 1280x800 screen the day scrolls rather than pushing the window taller.
        scroll = QScrollArea(widgetResizable=True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.summary: DaySummary | None = None
        self.retranslate()

    def retranslate(self) -> None:
        captions = figure_captions()
        for key, tile in self.tiles.items():
            tile.caption.setText(captions[key])
        self.claims.title.setText(self.tr("Claims"))
        for category in ClaimCategory:
            self.claims.names[category].setText(name(category))
        self.claims.names["sent"].setText(self.tr("Sent to the insurer"))
        self.payments.title.setText(self.tr("Family payments"))
        for method in PaymentMethod:
            self.payments.names[method].setText(name(method))
        self.payments.names["refunded"].setText(self.tr("Refunded (taken off above)"))
        self.payments.names["owed"].setText(captions["owed"])
        self.preauths.title.setText(self.tr("Pre-auth requests"))
        for state in PreAuthState:
            self.preauths.names[state].setText(name(state))
        self.top.title.setText(self.tr("Top items"))
        self.chart_title.setText(
            self.tr("Last 30 days: covered by the insurer and paid by families")
        )
        self.close_out.retranslate()
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
        accepted = sum(summary.claims[category] for category in PAYABLE)
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
        self.payments.set_value("refunded", format_yuan(summary.refunded_fen))
        self.payments.set_value(
            "owed",
            self.tr("%1 (%n visit(s))", "", summary.owed_visits).replace(
                "%1", format_yuan(summary.owed_fen)
            ),
            alert=summary.owed_fen > 0,
        )
        for state, count in summary.preauths.items():
            self.preauths.set_value(state, str(count))
        for row in range(5):
            if row < len(summary.top_items):
                item = summary.top_items[row]
                label = self.item_name(item.item_code, item.description)
                self.top.names[row].setText(f"{label}  ×{item.quantity}")
                self.top.names[row].setToolTip(f"{item.item_code} · {label}")
                self.top.set_value(row, format_yuan(item.billed_fen))
            else:
                self.top.names[row].setText("")
                self.top.set_value(row, "")

    def show_close_out(self, close_out: CloseOut) -> None:
        self.close_out.show_close_out(close_out)

    def show_trend(self, thirty: Trend) -> None:
        self.chart.set_trend(thirty)
