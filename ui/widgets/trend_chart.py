"""The 30-day trend: what the insurer covered and what families paid at the desk, per day.

Drawn with QPainter (QtCharts is not part of PySide6-Essentials). `paint_trend` draws into any
rectangle of any paint device, so the dashboard widget and the PDF day report show the same
chart; `scale` multiplies every length and font size (1 on screen, the device's pixels per
screen pixel on paper).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.reports import Trend
from ui.i18n import FollowsLanguage

COVERED = QColor("#0b5c7a")
FAMILY = QColor("#e37400")
GRID = QColor("#dfe3e8")
AXIS = QColor("#52606d")
INK = QColor("#1f2933")
HIGHLIGHT = QColor("#e8f1f5")


@dataclass(frozen=True, slots=True)
class ChartText:
    """The chart's words, already translated by the caller."""

    covered: str
    family_paid: str
    empty: str


def round_step(largest: int, lines: int = 4, unit: int = 1) -> int:
    """A round gridline step (1, 2 or 5 times `unit` times a power of ten) giving at most
    `lines` lines up to `largest`."""
    step = unit
    while True:
        for factor in (1, 2, 5):
            if step * factor * lines >= largest:
                return step * factor
        step *= 10


def axis_step_fen(largest_fen: int, lines: int = 4) -> int:
    """A round step in whole yuan."""
    return round_step(largest_fen, lines, unit=100)


def axis_label(fen: int) -> str:
    """Whole yuan with thousands separators; the axis needs no fen."""
    return f"¥{fen // 100:,}"


def paint_trend(
    painter: QPainter,
    rect: QRectF,
    trend: Trend,
    text: ChartText,
    *,
    scale: float = 1.0,
    families: list[str] | None = None,
) -> None:
    """Draw the trend inside `rect`: legend on top, y axis in yuan, two bars per day, the last
    day (the one the manager chose) shaded and labelled."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    if families:
        font.setFamilies(families)
    font.setPixelSize(max(1, round(13 * scale)))
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    line_h = metrics.height()

    legend_y = rect.top()
    x = rect.right()
    for label, color in ((text.family_paid, FAMILY), (text.covered, COVERED)):
        width = metrics.horizontalAdvance(label)
        x -= width
        painter.setPen(INK)
        painter.drawText(QRectF(x, legend_y, width + 2, line_h), Qt.AlignmentFlag.AlignLeft, label)
        x -= 6 * scale + 12 * scale
        painter.fillRect(
            QRectF(x, legend_y + line_h / 2 - 6 * scale, 12 * scale, 12 * scale), color
        )
        x -= 18 * scale

    largest = trend.largest_fen
    step = axis_step_fen(largest)
    top_value = step * max(1, -(-largest // step))
    label_w = metrics.horizontalAdvance(axis_label(top_value)) + 8 * scale
    plot = QRectF(
        rect.left() + label_w,
        rect.top() + line_h + 10 * scale,
        rect.width() - label_w,
        rect.height() - 2 * line_h - 18 * scale,
    )
    days = trend.days
    slot = plot.width() / max(len(days), 1)
    if days:
        painter.fillRect(QRectF(plot.right() - slot, plot.top(), slot, plot.height()), HIGHLIGHT)

    painter.setPen(QPen(GRID, max(1.0, scale)))
    value = 0
    while value <= top_value:
        y = plot.bottom() - plot.height() * value / top_value
        painter.setPen(QPen(GRID, max(1.0, scale)))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(AXIS)
        painter.drawText(
            QRectF(rect.left(), y - line_h / 2, label_w - 6 * scale, line_h),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            axis_label(value),
        )
        value += step

    bar_w = slot * 0.36
    for index, day in enumerate(days):
        left = plot.left() + index * slot + slot * 0.12
        for offset, amount, color in (
            (0.0, day.covered_fen, COVERED),
            (bar_w, day.family_paid_fen, FAMILY),
        ):
            if amount:
                height = max(plot.height() * amount / top_value, scale)
                painter.fillRect(
                    QRectF(left + offset, plot.bottom() - height, bar_w, height), color
                )
        last = index == len(days) - 1
        if (len(days) - 1 - index) % 5 == 0:
            label = f"{day.day:%m-%d}"
            bold = QFont(font)
            bold.setBold(last)
            painter.setFont(bold)
            painter.setPen(INK if last else AXIS)
            width = metrics.horizontalAdvance(label) + 8 * scale
            centre = plot.left() + (index + 0.5) * slot
            box = QRectF(centre - width / 2, plot.bottom() + 4 * scale, width, line_h)
            box.moveRight(min(box.right(), rect.right()))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
            painter.setFont(font)

    painter.setPen(QPen(AXIS, max(1.0, scale)))
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    if largest == 0:
        painter.setPen(AXIS)
        painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, text.empty)
    painter.restore()


class TrendChart(FollowsLanguage, QWidget):
    """The dashboard's chart; `set_trend` shows a new 30 days."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.trend = Trend(())
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(900, 260)

    def set_trend(self, trend: Trend) -> None:
        self.trend = trend
        self.update()

    def retranslate(self) -> None:
        """The chart's words are painted with it (`text`): drawn again."""
        self.update()

    def text(self) -> ChartText:
        return ChartText(
            covered=self.tr("Covered by the insurer"),
            family_paid=self.tr("Paid by families at the desk"),
            empty=self.tr("No direct-pay visits in these 30 days"),
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), QColor("#ffffff"))
            area = QRectF(self.rect()).adjusted(12, 10, -14, -6)
            paint_trend(painter, area, self.trend, self.text())
        finally:
            painter.end()
