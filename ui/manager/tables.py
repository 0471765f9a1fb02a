"""The manager's read-only tables of figures: amounts right-aligned, nothing to select or edit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from kiosk.money import format_yuan

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def figure_table(columns: int, object_name: str) -> QTableWidget:
    table = QTableWidget(0, columns, objectName=object_name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)
    return table


def fill_table(table: QTableWidget, rows: list[list[tuple[str, bool]]]) -> None:
    """Each cell's text, right-aligned when it is an amount."""
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, (text, amount) in enumerate(cells):
            item = QTableWidgetItem(text)
            if amount:
                item.setTextAlignment(RIGHT)
            table.setItem(row, column, item)


def money_cell(fen: int | None) -> tuple[str, bool]:
    return (format_yuan(fen) if fen is not None else "—", True)
