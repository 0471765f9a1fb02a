"""One way to change how a widget looks with its state: a property the style sheet reads, most
often `tone` (`#status[tone="error"]`), also the verdict, the outbox condition and the current step.

Qt applies a style sheet's property selectors only when a widget is polished, so setting the
property alone changes nothing on screen; these set it and polish again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Give `widget` the style sheet's `[tone="…"]` look (None: its plain look)."""
    restyle(widget, "tone", tone)


def restyle(widget: QWidget, name: str, value: object) -> None:
    """Give `widget` the style sheet's `[name="value"]` look (a property other than the tone)."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
