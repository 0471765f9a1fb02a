"""Text size and contrast: the kiosk's one style sheet, applied at 100, 125 or 150 % and in a
normal or a high-contrast theme.

`resources/style/kiosk.qss` holds both themes: the high-contrast rules are the ones under
`*[contrast="high"]`, a property set on the kiosk's windows. Text size scales every `font-size`
in px when the sheet is applied (text of 40 px or more no further than `LARGE_ENOUGH_PX`), except
in the rules `FIXED_SIZE_SELECTORS` names: the header's controls stay where the family found them
and the header still fits a 1280 px screen; the sign screen's column names leave room to its lines;
the staff screens (the PIN pad, the manager's dashboard) are not the family's to enlarge.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from ui.i18n import RESOURCES

STYLE = RESOURCES / "style" / "kiosk.qss"
TEXT_SIZES = (100, 125, 150)
"""Percent of the style's own font sizes."""
CONTRAST_PROPERTY = "contrast"
FIXED_SIZE_SELECTORS = ("#header", "#signLines QHeaderView", "#pinPad", "#managerScreen")
"""Rules whose every selector starts with one of these keep their font size at any text size:
the header's controls stay where the family found them, the sign screen's column names leave the
room to its lines, and the staff screens keep the size they were laid out at."""
LARGE_ENOUGH_PX = 40
"""Text is not scaled past this: a 34 px title or a 56 px amount needs no enlarging to be read,
and scaled it would push the signature box off a 1280x800 screen."""

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_FONT_SIZE = re.compile(r"(font-size:\s*)(\d+(?:\.\d+)?)px")


def style_sheet(text_size: int = 100) -> str:
    """The kiosk's style sheet with its font sizes at `text_size` percent."""
    return scale_font_sizes(STYLE.read_text(encoding="utf-8"), text_size)


def scale_font_sizes(sheet: str, percent: int) -> str:
    """`sheet` with each px font size times `percent` / 100 (up to `LARGE_ENOUGH_PX`, and never
    below its own size), the header's rules left as they are."""
    if percent == 100:
        return sheet

    def scaled(px: str) -> int:
        size = float(px)
        return round(max(size, min(size * percent / 100, LARGE_ENOUGH_PX)))

    def rule(match: re.Match[str]) -> str:
        selectors, body = match.group(1), match.group(2)
        if all(s.strip().startswith(FIXED_SIZE_SELECTORS) for s in selectors.split(",")):
            return match.group(0)
        body = _FONT_SIZE.sub(lambda size: f"{size.group(1)}{scaled(size.group(2))}px", body)
        return f"{selectors}{{{body}}}"

    return _RULE.sub(rule, _COMMENT.sub("", sheet))


class Readability(QObject):
    """The text size and theme of the application's windows, changed together in one place.

    Changing either applies the style sheet again (Qt then polishes every widget once), so a
    language switch, which re-reads texts only, keeps both.
    """

    changed = Signal()

    def __init__(self, app: QApplication, parent: QObject) -> None:
        super().__init__(parent)
        self._app = app
        self._windows: list[QWidget] = []
        self.text_size = 100
        self.high_contrast = False

    def follow(self, window: QWidget) -> None:
        """Show `window` (and its dialogs) in the chosen theme."""
        self._windows.append(window)
        window.setProperty(CONTRAST_PROPERTY, "high" if self.high_contrast else "normal")

    def set_text_size(self, percent: int) -> None:
        if percent not in TEXT_SIZES:
            raise ValueError(f"text size {percent} % is not one of {TEXT_SIZES}")
        if percent != self.text_size:
            self.text_size = percent
            self._apply()

    def set_high_contrast(self, high: bool) -> None:
        if high != self.high_contrast:
            self.high_contrast = high
            self._apply()

    def reset(self) -> None:
        """Back to 100 % and the normal theme: the next family starts from the kiosk's own."""
        if self.text_size != 100 or self.high_contrast:
            self.text_size, self.high_contrast = 100, False
            self._apply()

    def _apply(self) -> None:
        for window in self._windows:
            window.setProperty(CONTRAST_PROPERTY, "high" if self.high_contrast else "normal")
        self._app.setStyleSheet(style_sheet(self.text_size))
        self.changed.emit()
