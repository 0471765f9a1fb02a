"""Reception enters the phone guarantee the insurer's hotline gave while its system is down.

The card was verified on this kiosk (its QR is signed by the insurer), so the member number is
known; the hotline checks the member and reads out a reference. The visit then goes on to the
bill with the insurer's share to be confirmed (`kiosk.phone_guarantee`).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.business_day import BUSINESS_TZ, business_day
from kiosk.phone_guarantee import GuaranteeReferenceInvalid, take_phone_guarantee
from kiosk.scan.source import ScanSource
from ui.i18n import FollowsLanguage
from ui.session import KioskSession
from ui.tone import set_tone
from ui.widgets.button_row import button_row


class PhoneGuaranteeDialog(FollowsLanguage, QDialog):
    """The hotline's reference for `member_id`'s visit today; accepted, the visit goes to the
    bill. Deleted when it closes."""

    def __init__(
        self,
        session: KioskSession,
        member_id: str,
        source: ScanSource,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phoneGuaranteeDialog")
        self.setModal(True)
        self.session = session
        self.member_id = member_id
        self.source = source
        self.explain = QLabel(objectName="guaranteeExplain", wordWrap=True)
        self.reference_label = QLabel(objectName="fieldName")
        self.reference = QLineEdit(objectName="guaranteeReference")
        self.reference.setMaxLength(40)
        self.reference.returnPressed.connect(self.go_on)
        self.note = QLabel(objectName="hint", wordWrap=True)
        self.cancel_button = QPushButton(objectName="secondary")
        self.cancel_button.clicked.connect(self.reject)
        self.go_button = QPushButton(objectName="primary")
        self.go_button.clicked.connect(self.go_on)
        self._column = layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(self.explain)
        layout.addWidget(self.reference_label)
        layout.addWidget(self.reference)
        layout.addWidget(self.note)
        layout.addLayout(button_row([self.cancel_button], [self.go_button]))
        self.setMinimumWidth(720)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Phone guarantee"))
        self.explain.setText(
            self.tr(
                "The insurer cannot be reached. Call its 7×24 hotline {hotline}, give the member "
                "number {member} and this clinic, and ask for a phone guarantee for today's "
                "visit. Enter the reference they give you."
            ).format(hotline=self.session.insurer.hotline, member=self.member_id)
        )
        self.reference_label.setText(self.tr("Guarantee reference"))
        self.reference.setPlaceholderText(self.tr("e.g. PG-20261207-0001"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.go_button.setText(self.tr("Go on under the guarantee"))
        self._fit()

    def _fit(self) -> None:
        """Tall enough for the wrapped explanation at the dialog's width (adjustSize() does not
        ask a wrapped label its height for the width)."""
        self._column.activate()
        width = max(self.width(), self.minimumWidth())
        self.resize(width, max(self.height(), self._column.totalHeightForWidth(width)))

    def go_on(self) -> None:
        """Check the reference and start the visit under it; a wrong one is said, nothing
        starts."""
        try:
            taken = take_phone_guarantee(
                self.member_id, self.reference.text(), datetime.now(BUSINESS_TZ)
            )
        except GuaranteeReferenceInvalid:
            self.note.setText(
                self.tr("A guarantee reference is 4 to 32 letters, digits or dashes.")
            )
            set_tone(self.note, "error")
            self._fit()
            return
        self.session.visit.start_phone_guarantee(self.source, taken)
        # The child is here: checked in for any appointment once the insurer answers again.
        self.session.check_ins.add(self.member_id, business_day(datetime.now(BUSINESS_TZ)))
        self.accept()
