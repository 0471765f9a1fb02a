"""The lines of a bill as touch-sized rows: item and reason, − quantity +, amounts, remove.

Each row is a small grid with fixed-width amount columns so the header lines up; the reason sits
under the item name (where there is room for Chinese and English alike) and a line that needs a
pre-authorisation gets its "request" button right there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.insurer.models import AdjudicatedLine, BillLine, Reason
from kiosk.money import format_yuan
from kiosk.visit import PREAUTH_REFUSALS
from ui.tone import set_tone

QUANTITY_W = 156
AMOUNT_W = 100
REMOVE_W = 52


def _columns(grid: QGridLayout) -> None:
    grid.setColumnStretch(0, 1)
    grid.setColumnMinimumWidth(1, QUANTITY_W)
    for column in (2, 3, 4):
        grid.setColumnMinimumWidth(column, AMOUNT_W)
    grid.setColumnMinimumWidth(5, REMOVE_W)
    grid.setHorizontalSpacing(8)


def _amount_label() -> QLabel:
    label = QLabel(objectName="lineAmount")
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setFixedWidth(AMOUNT_W)
    return label


class LineRow(QFrame):
    """One bill line; emits what reception asked for, never changes the bill itself.

    A row is reused for whichever line it is given next (see `BillLines.show_lines`).
    """

    def __init__(self, lines: BillLines) -> None:
        super().__init__()
        self.setObjectName("lineRow")
        self.line_no = 0
        """The line shown; 0 while the row waits, hidden, for a longer bill."""
        self.name = QLabel(objectName="lineName", wordWrap=True)
        self.detail = QLabel(objectName="lineDetail", wordWrap=True)
        self.preauth = QPushButton(objectName="preauth")
        self.preauth.clicked.connect(lambda: lines.preauthRequested.emit(self.line_no))
        self.preauth.hide()
        detail_row = QVBoxLayout()
        detail_row.setSpacing(6)
        detail_row.addWidget(self.detail)
        detail_row.addWidget(self.preauth, 0, Qt.AlignmentFlag.AlignLeft)

        self.minus = QPushButton("−", objectName="step")
        self.plus = QPushButton("+", objectName="step")
        self.quantity = QLineEdit(objectName="quantity")
        self.quantity.setValidator(QIntValidator(1, 9999, self.quantity))
        self.quantity.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.quantity.setFixedWidth(48)
        self.minus.clicked.connect(lambda: self._ask(self._value() - 1, lines))
        self.plus.clicked.connect(lambda: self._ask(self._value() + 1, lines))
        self.quantity.editingFinished.connect(lambda: self._ask(self._value(), lines))
        stepper = QHBoxLayout()
        stepper.setSpacing(4)
        stepper.addWidget(self.minus)
        stepper.addWidget(self.quantity)
        stepper.addWidget(self.plus)
        stepper_box = QWidget()
        stepper_box.setLayout(stepper)
        stepper.setContentsMargins(0, 0, 0, 0)
        stepper_box.setFixedWidth(QUANTITY_W)

        self.amount = _amount_label()
        self.covered = _amount_label()
        self.patient = _amount_label()
        self.remove = QPushButton("✕", objectName="remove")
        self.remove.setFixedWidth(REMOVE_W)
        self.remove.clicked.connect(lambda: lines.removeRequested.emit(self.line_no))

        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 6, 8)
        _columns(grid)
        grid.addWidget(self.name, 0, 0)
        grid.addLayout(detail_row, 1, 0)
        grid.addWidget(stepper_box, 0, 1, 2, 1)
        grid.addWidget(self.amount, 0, 2, 2, 1)
        grid.addWidget(self.covered, 0, 3, 2, 1)
        grid.addWidget(self.patient, 0, 4, 2, 1)
        grid.addWidget(self.remove, 0, 5, 2, 1)
        self._last = 1

    def _value(self) -> int:
        text = self.quantity.text()
        return int(text) if text.isdigit() else self._last

    def _ask(self, quantity: int, lines: BillLines) -> None:
        quantity = max(1, min(9999, quantity))
        self.quantity.setText(str(quantity))
        if quantity != self._last:
            self._last = quantity
            lines.quantityChanged.emit(self.line_no, quantity)

    def show_line(self, line: BillLine, name: str) -> None:
        moved = line.line_no != self.line_no
        self.line_no = line.line_no
        self.name.setText(name)
        self._last = line.quantity
        if moved or not self.quantity.hasFocus():
            self.quantity.setText(str(line.quantity))
        self.minus.setEnabled(line.quantity > 1)
        self.amount.setText(format_yuan(line.submitted_fen))

    def show_verdict(
        self,
        line: BillLine,
        verdict: AdjudicatedLine | None,
        reason_text: Callable[[Reason], str],
        preauth_text: str,
        origin: str = "",
    ) -> None:
        price = f"{line.item_code} · {format_yuan(line.unit_price_fen)}"
        if origin:
            price = f"{origin} · {price}"
        tone = ""
        self.preauth.hide()
        if verdict is None:
            self.covered.setText("…")
            self.patient.setText("…")
            self.detail.setText(price)
        else:
            self.covered.setText(format_yuan(verdict.covered_fen))
            self.patient.setText(format_yuan(verdict.patient_fen))
            # the reason on a line of its own: run on after the price, it wrapped a word or
            # a single character onto a line by itself
            reason = reason_text(verdict.reason)
            if verdict.preauth_ref:
                reason = f"{reason} · {verdict.preauth_ref}"
            self.detail.setText(f"{price}\n{reason}")
            if verdict.reason in PREAUTH_REFUSALS:
                tone = "warning"
                self.preauth.setText(preauth_text)
                self.preauth.show()
            elif verdict.patient_fen and verdict.covered_fen == 0:
                tone = "family"
        set_tone(self, tone)

    def release(self) -> None:
        """Hidden and emptied until the bill needs a row again: nothing of the line stays."""
        self.hide()
        self.line_no = 0
        self.preauth.hide()
        for label in (self.name, self.detail, self.amount, self.covered, self.patient):
            label.clear()
        self.quantity.clear()
        set_tone(self, "")


class BillLines(QWidget):
    """The header and the rows; a row per line, updated in place and reused for the next bill
    (made only when a bill is longer than any before it), so a kiosk that bills for weeks does
    not keep making widgets."""

    quantityChanged = Signal(int, int)
    removeRequested = Signal(int)
    preauthRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QFrame()
        self.header.setObjectName("linesHeader")
        header = QGridLayout(self.header)
        header.setContentsMargins(10, 6, 6, 6)
        _columns(header)
        self.headers = [QLabel(objectName="columnName") for _ in range(5)]
        for column, label in enumerate(self.headers):
            if column >= 2:
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                label.setFixedWidth(AMOUNT_W)
            elif column == 1:
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                label.setFixedWidth(QUANTITY_W)
            header.addWidget(label, 0, column)
        spacer = QWidget()
        spacer.setFixedWidth(REMOVE_W)
        header.addWidget(spacer, 0, 5)

        self.body = QWidget()
        self.body.setObjectName("linesBody")
        self.rows_layout = QVBoxLayout(self.body)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(0)
        self.rows_layout.addStretch(1)
        self.scroll_area = QScrollArea(widgetResizable=True)
        self.scroll_area.setObjectName("linesScroll")
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.body)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel(objectName="hint", wordWrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll_area, 1)
        self.rows: dict[int, LineRow] = {}
        self._made: list[LineRow] = []

    def set_headers(self, names: Sequence[str]) -> None:
        for label, name in zip(self.headers, names, strict=True):
            label.setText(name)

    def show_lines(
        self,
        lines: Sequence[BillLine],
        names: Mapping[str, str],
        verdicts: Mapping[int, AdjudicatedLine],
        reason_text: Callable[[Reason], str],
        preauth_text: str,
        empty_text: str,
        origins: Mapping[int, str] | None = None,
    ) -> None:
        """`origins`: where a line came from, said before its code (a HIS order)."""
        while len(self._made) < len(lines):
            row = LineRow(self)
            row.hide()
            self.rows_layout.insertWidget(self.rows_layout.count() - 1, row)
            self._made.append(row)
        self.rows = {}
        for line, row in zip(lines, self._made, strict=False):
            row.show_line(line, names.get(line.item_code, line.description))
            origin = (origins or {}).get(line.line_no, "")
            row.show_verdict(line, verdicts.get(line.line_no), reason_text, preauth_text, origin)
            row.show()
            self.rows[line.line_no] = row
        for row in self._made[len(lines) :]:
            if row.line_no:
                row.release()
        self.empty.setText(empty_text)
        self.empty.setVisible(not lines)
