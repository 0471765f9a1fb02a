"""Staff sign-in: choose your name, enter your PIN on the keypad.

The check runs on a worker (the PIN hash is slow on purpose); wrong PINs say how many tries are
left, a locked account says until when. Nothing here is reachable from the family's screen: the
staff window's header opens it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.business_day import BUSINESS_TZ
from kiosk.staff import SignInRefusal, SignInRefused, StaffDirectory, StaffMember
from ui.i18n import FollowsLanguage
from ui.manager_text import name
from ui.tasks import Task
from ui.tone import set_tone
from ui.widgets.pin_pad import PinPad


class SignInScreen(FollowsLanguage, QWidget):
    """Emits `signed_in(StaffMember)` after a good PIN, `cancelled` for "back to the desk"."""

    signed_in = Signal(object)
    cancelled = Signal()
    refused = Signal(str)
    """The refusal's reason value, after the message is shown (for tests)."""

    def __init__(self, directory: StaffDirectory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInScreen")
        self.directory = directory
        self.members: list[StaffMember] = []
        self._checking = False
        self.title = QLabel(objectName="screenTitle")
        self.hint = QLabel(objectName="hint", wordWrap=True)
        self.people = QListWidget()
        self.people.setObjectName("staffList")
        self.people.currentRowChanged.connect(self._chosen)
        self.pad = PinPad()
        self.pad.submitted.connect(self._check)
        self.status = QLabel(objectName="status", wordWrap=True)
        self.status.setMinimumHeight(44)
        self.back_button = QPushButton(objectName="secondary")
        self.back_button.clicked.connect(self.cancelled)

        pad_box = QFrame()
        pad_box.setObjectName("panel")
        pad_layout = QVBoxLayout(pad_box)
        pad_layout.setContentsMargins(20, 20, 20, 20)
        pad_layout.addWidget(self.pad)
        pad_layout.addWidget(self.status)
        pad_box.setMaximumWidth(420)

        row = QHBoxLayout()
        row.setSpacing(24)
        row.addWidget(self.people, 1)
        row.addWidget(pad_box, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(row, 1)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()
        self._chosen(-1)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff sign-in"))
        self.back_button.setText(self.tr("Back to the desk"))
        self._show_people()

    # --- the list of staff

    def reset(self) -> None:
        """Forget any PIN typed and read the staff list again (someone may have been added)."""
        self.pad.clear()
        self.status.clear()
        directory = self.directory
        Task(lambda: directory.members()).success(self._listed).failure(
            lambda _error: self._say(self.tr("The staff list cannot be read on this PC."))
        ).run()

    def _listed(self, members: list[StaffMember]) -> None:
        self.members = members
        self._show_people()
        if len(members) == 1:
            self.people.setCurrentRow(0)

    def _show_people(self) -> None:
        current = self.people.currentRow()
        self.people.blockSignals(True)
        self.people.clear()
        for member in self.members:
            item = QListWidgetItem(f"{member.name}  ·  {name(member.role)}")
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            self.people.addItem(item)
        self.people.setCurrentRow(current if current < len(self.members) else -1)
        self.people.blockSignals(False)
        if self.members:
            self.hint.setText(self.tr("Choose your name, then enter your PIN."))
        else:
            self.hint.setText(
                self.tr(
                    "There are no staff accounts yet. The first manager account is created when "
                    "the kiosk is installed: kiosk staff add NAME --role manager"
                )
            )
        self._chosen(self.people.currentRow())

    def _chosen(self, row: int) -> None:
        self.pad.setEnabled(0 <= row < len(self.members) and not self._checking)
        self.pad.clear()
        if row >= 0:
            self.status.clear()

    @property
    def chosen(self) -> StaffMember | None:
        row = self.people.currentRow()
        return self.members[row] if 0 <= row < len(self.members) else None

    def choose(self, staff_id: int) -> None:
        """Select a person by account id (as a tap on their name does)."""
        for row, member in enumerate(self.members):
            if member.id == staff_id:
                self.people.setCurrentRow(row)
                return
        raise KeyError(staff_id)

    # --- checking the PIN

    def _check(self, secret: str) -> None:
        member = self.chosen
        if member is None or self._checking:
            return
        self._checking = True
        self.pad.setEnabled(False)
        self._say(self.tr("Checking…"), tone="")
        directory = self.directory
        Task(lambda: directory.sign_in(member.id, secret)).success(self._accepted).failure(
            self._refused
        ).run()

    def _accepted(self, member: StaffMember) -> None:
        self._checking = False
        self.pad.clear()
        self.status.clear()
        self.pad.setEnabled(True)
        self.signed_in.emit(member)

    def _refused(self, error: BaseException) -> None:
        self._checking = False
        self.pad.clear()
        self.pad.setEnabled(self.chosen is not None)
        if not isinstance(error, SignInRefused):
            self._say(
                self.tr("Signing in is not possible right now: this PC's records cannot be read.")
            )
            self.refused.emit("error")
            return
        if error.reason is SignInRefusal.WRONG_SECRET and error.attempts_left is not None:
            self._say(
                self.tr(
                    "Wrong PIN. %n more wrong PIN(s) lock this account.", "", error.attempts_left
                )
            )
        elif error.reason is SignInRefusal.LOCKED and error.locked_until is not None:
            until = error.locked_until.astimezone(BUSINESS_TZ).strftime("%H:%M")
            self._say(
                self.tr(
                    "Locked after too many wrong PINs. Try again after %1, or ask a manager to "
                    "unlock it."
                ).replace("%1", until)
            )
        else:
            self._say(self.tr("This account no longer exists."))
            self.reset()
        self.refused.emit(error.reason.value)

    def _say(self, text: str, tone: str = "error") -> None:
        self.status.setText(text)
        set_tone(self.status, tone)
