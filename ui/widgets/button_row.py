"""The row of buttons at the foot of a screen or dialog: the way back (or aside) on the left, the
way on at the right, the room between them left empty."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QWidget


def button_row(left: Sequence[QWidget], right: Sequence[QWidget]) -> QHBoxLayout:
    """`left` from the left edge, `right` up to the right edge, each in the order given."""
    row = QHBoxLayout()
    for button in left:
        row.addWidget(button)
    row.addStretch(1)
    for button in right:
        row.addWidget(button)
    return row
