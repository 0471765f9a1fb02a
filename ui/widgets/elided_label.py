"""A one-line label that gives way: where its layout is short of room the text ends in an
ellipsis instead of pushing the window wider than the kiosk's screen (a long item name on the
manager's Day tab, the outbox pill in a crowded header). `text()` and the tooltip keep it whole."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel


class ElidedLabel(QLabel):
    """A `QLabel` that asks for its whole text but can be squeezed to `minimum_width` pixels."""

    def __init__(self, *args: object, minimum_width: int = 96, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # QLabel's own: (parent), (text, parent), properties
        self.minimum_width = minimum_width

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(min(self.minimum_width, hint.width()), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        # The style sheet paints the background; only the text is drawn here, cut to fit.
        painter = QPainter(self)
        room = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, room.width()
        )
        painter.setPen(self.palette().windowText().color())
        painter.drawText(room, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), shown)
        painter.end()
