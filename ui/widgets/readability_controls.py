"""Larger text and high contrast, next to the language button: three "A"s (100, 125, 150 %) and
a contrast switch, each a 44 px touch target."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from ui.i18n import FollowsLanguage
from ui.readability import TEXT_SIZES, Readability


class ContrastButton(QPushButton):
    """A half-filled circle, the usual sign for contrast, drawn in the button's text colour (no
    font has to carry the glyph)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.palette().buttonText().color()
        radius = min(self.width(), self.height()) * 0.26
        circle = QRectF(-radius, -radius, 2 * radius, 2 * radius).translated(
            QPointF(self.rect().center())
        )
        painter.setPen(QPen(colour, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle)
        painter.setBrush(colour)
        painter.drawPie(circle, 90 * 16, 180 * 16)
        painter.end()


class ReadabilityControls(FollowsLanguage, QWidget):
    """Text size and contrast for whoever reads the screen; the kiosk resets both per visit."""

    def __init__(self, readability: Readability, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readability")
        self.readability = readability
        self.size_group = QButtonGroup(self)
        self.size_buttons: dict[int, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for percent in TEXT_SIZES:
            button = QPushButton("A", objectName="textSize")
            button.setProperty("percent", str(percent))
            button.setCheckable(True)
            self.size_group.addButton(button, percent)
            self.size_buttons[percent] = button
            layout.addWidget(button)
        self.size_group.idClicked.connect(readability.set_text_size)
        layout.addSpacing(6)
        self.contrast_button = ContrastButton(objectName="contrast")
        self.contrast_button.setCheckable(True)
        self.contrast_button.clicked.connect(readability.set_high_contrast)
        layout.addWidget(self.contrast_button)
        readability.changed.connect(self._show_choice)
        self._show_choice()
        self.retranslate()

    def retranslate(self) -> None:
        for percent, button in self.size_buttons.items():
            name = self.tr("Text size {percent} %").format(percent=percent)
            button.setToolTip(name)
            button.setAccessibleName(name)
        contrast = self.tr("High contrast")
        self.contrast_button.setToolTip(contrast)
        self.contrast_button.setAccessibleName(contrast)

    def _show_choice(self) -> None:
        self.size_buttons[self.readability.text_size].setChecked(True)
        self.contrast_button.setChecked(self.readability.high_contrast)
