"""The bill's totals line: the whole, the insurer's share and the family's share, each share in its
colour, on one line that wraps at large text.

The two colours belong to the theme, so they come from the style sheet like every other colour
(`qproperty-insurerColour` and `qproperty-familyColour` on `#totals`, with their high-contrast
rules) rather than from HTML in the translated text: Qt sets them when the sheet is applied, and
the line is drawn again in the new colours.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Property, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget


class BillTotals(QLabel):
    """`set_totals(total, insurer, family)` with texts already translated (amounts in `<b>`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="totals", wordWrap=True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self._insurer = QColor("#137333")
        self._family = QColor("#8f4a00")
        self._parts: tuple[str, str | None, str | None] = ("", None, None)

    def set_totals(self, total: str, insurer: str | None = None, family: str | None = None) -> None:
        self._parts = (total, insurer, family)
        self._compose()

    def clear(self) -> None:
        self.set_totals("")

    def _compose(self) -> None:
        total, insurer, family = self._parts
        pieces = [escape(total)] if total else []
        for text, colour in ((insurer, self._insurer), (family, self._family)):
            if text:
                pieces.append(f"<span style='color:{colour.name()}'>{text}</span>")
        self.setText(" · ".join(pieces))

    def _get_insurer(self) -> QColor:
        return self._insurer

    def _set_insurer(self, colour: QColor) -> None:
        self._insurer = QColor(colour)
        self._compose()

    def _get_family(self) -> QColor:
        return self._family

    def _set_family(self, colour: QColor) -> None:
        self._family = QColor(colour)
        self._compose()

    insurerColour = Property(QColor, _get_insurer, _set_insurer)
    familyColour = Property(QColor, _get_family, _set_family)
