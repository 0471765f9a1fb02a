"""A manager's PIN at the desk, for a payment to a closed day: once a day is closed, reception's
payment for it is refused (`kiosk.close_out.DayClosed`); a manager signs in here, on the same
staff list and PIN pad as the staff sign-in, and the desk records the payment again under that
manager (it is then listed as a change after close). A reception account is not enough.

    approval = ManagerApproval(StaffDirectory(journal), parent)
    approval.approved.connect(lambda manager: ...)   # record it again, `by=manager`
    approval.open()
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from kiosk.staff import Permission, StaffDirectory, StaffMember
from ui.i18n import FollowsLanguage
from ui.manager.signin import SignInScreen
from ui.tone import set_tone


class ManagerApproval(FollowsLanguage, QDialog):
    """Emits `approved(StaffMember)` once a manager entered their PIN, then closes; it deletes
    itself when closed."""

    approved = Signal(object)

    def __init__(self, directory: StaffDirectory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managerApproval")
        self.setModal(True)
        self.setMinimumWidth(820)  # the staff list beside the PIN pad, names whole
        self.why = QLabel(objectName="hint", wordWrap=True)
        self.sign_in = SignInScreen(directory)
        self.sign_in.signed_in.connect(self._signed_in)
        self.sign_in.cancelled.connect(self.reject)
        self.refusal = QLabel(objectName="hint", wordWrap=True)
        set_tone(self.refusal, "error")
        self.refusal.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.why)
        layout.addWidget(self.refusal)
        layout.addWidget(self.sign_in, 1)
        self.finished.connect(lambda _result: self.deleteLater())
        self.retranslate()
        self.sign_in.reset()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("A manager records it"))
        self.why.setText(
            self.tr(
                "This day is closed. A manager enters their PIN, and the payment is recorded "
                "under their name as a change after close."
            )
        )

    def _signed_in(self, member: StaffMember) -> None:
        if member.may(Permission.CLOSE_DAY):
            self.approved.emit(member)
            self.accept()
            return
        self.refusal.setText(self.tr("Only a manager may. Ask a manager to enter their PIN."))
        self.refusal.setVisible(True)
        self.sign_in.reset()
