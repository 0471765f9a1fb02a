"""A touch keypad for a staff PIN: large keys, the digits shown only as dots.

The field also takes a password typed on the desk keyboard, so a manager who chose a password
signs in the same way. The keys are laid out like a phone's (1-2-3 on top), with "clear" and
"delete" either side of 0, and the sign-in button below.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.i18n import FollowsLanguage

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9")


class PinPad(FollowsLanguage, QWidget):
    """Emits `submitted(secret)` on the sign-in key or Enter; `clear()` empties the field."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")  # what the kiosk style's #pinPad rules (key sizes) match
        self.field = QLineEdit(objectName="pinField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setMaxLength(64)
        self.field.returnPressed.connect(self._submit)
        self.field.textChanged.connect(self._update_enabled)
        self.digit_keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, digit in enumerate(KEYS):
            grid.addWidget(self._digit(digit), index // 3, index % 3)
        self.clear_key = QPushButton(objectName="pinKeyAside")
        self.clear_key.clicked.connect(self.clear)
        self.delete_key = QPushButton(objectName="pinKeyAside")
        self.delete_key.clicked.connect(self.field.backspace)
        grid.addWidget(self.clear_key, 3, 0)
        grid.addWidget(self._digit("0"), 3, 1)
        grid.addWidget(self.delete_key, 3, 2)
        self.submit_key = QPushButton(objectName="primary")
        self.submit_key.clicked.connect(self._submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.field)
        layout.addLayout(grid)
        layout.addWidget(self.submit_key)
        self.retranslate()
        self._update_enabled()

    def _digit(self, digit: str) -> QPushButton:
        key = QPushButton(digit, objectName="pinKey")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.clicked.connect(lambda: self.field.insert(digit))
        self.digit_keys[digit] = key
        return key

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("PIN or password"))
        self.clear_key.setText(self.tr("Clear"))
        self.delete_key.setText(self.tr("Delete"))
        self.submit_key.setText(self.tr("Sign in"))

    def clear(self) -> None:
        self.field.clear()
        self.field.setFocus()

    def _update_enabled(self) -> None:
        self.submit_key.setEnabled(bool(self.field.text()))

    def _submit(self) -> None:
        secret = self.field.text()
        if secret:
            self.submitted.emit(secret)
