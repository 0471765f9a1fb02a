"""One way to change how a widget looks with its state: the `tone` property the style sheet reads.

Qt applies a style sheet's property selectors only when a widget is polished, so setting the
property alone changes nothing on screen; this sets it and polishes again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Give `widget` the style sheet's `[tone="…"]` look (None: its plain look)."""
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
