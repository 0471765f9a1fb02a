"""Appointments per day over 30 days: one stacked bar a day (came, expected, did not come,
cancelled late), the chosen day last and shaded. Drawn with QPainter, as the money trend is."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.insurer.appointments import AppointmentDay
from ui.i18n import FollowsLanguage
from ui.widgets.trend_chart import AXIS, GRID, HIGHLIGHT, INK, round_step

CAME = QColor("#0b5c7a")
EXPECTED = QColor("#9ab8c6")
NO_SHOW = QColor("#b3261e")
LATE = QColor("#e37400")


class AppointmentChart(FollowsLanguage, QWidget):
    """`set_days` shows a new run of days (oldest first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appointmentChart")
        self.days: list[AppointmentDay] = []
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(900, 240)

    def set_days(self, days: list[AppointmentDay]) -> None:
        self.days = days
        self.update()

    def retranslate(self) -> None:
        self.update()

    def _series(self) -> list[tuple[str, QColor]]:
        return [
            (self.tr("Came (checked in)"), CAME),
            (self.tr("Expected"), EXPECTED),
            (self.tr("Did not come"), NO_SHOW),
            (self.tr("Cancelled late"), LATE),
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), QColor("#ffffff"))
            self._paint(painter, QRectF(self.rect()).adjusted(12, 10, -14, -6))
        finally:
            painter.end()

    def _paint(self, painter: QPainter, rect: QRectF) -> None:
        font = QFont()
        font.setPixelSize(13)
        painter.setFont(font)
        metrics = QFontMetricsF(font, painter.device())
        line_h = metrics.height()
        series = self._series()
        x = rect.right()
        for label, color in reversed(series):
            width = metrics.horizontalAdvance(label)
            x -= width
            painter.setPen(INK)
            painter.drawText(
                QRectF(x, rect.top(), width + 2, line_h), Qt.AlignmentFlag.AlignLeft, label
            )
            x -= 18
            painter.fillRect(QRectF(x, rect.top() + line_h / 2 - 6, 12, 12), color)
            x -= 18
        stacks = [(d.checked_in, d.booked, d.no_show, d.cancelled_late) for d in self.days]
        largest = max((sum(s) for s in stacks), default=0)
        step = round_step(largest)
        top = step * max(1, -(-largest // step))
        label_w = metrics.horizontalAdvance(str(top)) + 10
        plot = QRectF(
            rect.left() + label_w,
            rect.top() + line_h + 10,
            rect.width() - label_w,
            rect.height() - 2 * line_h - 18,
        )
        slot = plot.width() / max(len(stacks), 1)
        if stacks:
            painter.fillRect(
                QRectF(plot.right() - slot, plot.top(), slot, plot.height()), HIGHLIGHT
            )
        value = 0
        while value <= top:
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(GRID, 1.0))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS)
            painter.drawText(
                QRectF(rect.left(), y - line_h / 2, label_w - 6, line_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(value),
            )
            value += step
        bar_w = slot * 0.6
        for index, (day, stack) in enumerate(zip(self.days, stacks, strict=True)):
            left = plot.left() + index * slot + slot * 0.2
            bottom = plot.bottom()
            for count, (_label, color) in zip(stack, series, strict=True):
                if count:
                    height = plot.height() * count / top
                    painter.fillRect(QRectF(left, bottom - height, bar_w, height), color)
                    bottom -= height
            if (len(stacks) - 1 - index) % 5 == 0:
                label = f"{day.date:%m-%d}"
                width = metrics.horizontalAdvance(label) + 8
                centre = plot.left() + (index + 0.5) * slot
                box = QRectF(centre - width / 2, plot.bottom() + 4, width, line_h)
                box.moveRight(min(box.right(), rect.right()))
                painter.setPen(INK if index == len(stacks) - 1 else AXIS)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        painter.setPen(QPen(AXIS, 1.0))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        if largest == 0:
            painter.drawText(
                plot, Qt.AlignmentFlag.AlignCenter, self.tr("No appointments in these 30 days")
            )
