"""Scan: the camera preview, "show your e-card" in both languages, and staff's manual lookup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ValidationError
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.arrivals import Arrival, check_card
from kiosk.assessment import checked_on
from kiosk.insurer.errors import InsurerServerError, InsurerUnreachable
from kiosk.insurer.models import Eligibility, EligibilityByLookup
from kiosk.privacy import REDACTOR
from kiosk.scan.source import ScanSource
from kiosk.visit import Step
from ui.i18n import FollowsLanguage
from ui.messages import card_problem
from ui.screens.phone_guarantee import PhoneGuaranteeDialog
from ui.session import KioskSession
from ui.tasks import Task
from ui.tone import set_tone
from ui.widgets.arrivals_board import ArrivalsBoard
from ui.widgets.camera_view import CameraView

if TYPE_CHECKING:
    from kiosk.ecard import ECardToken
    from kiosk.scan.reader import ScanEvent

PROMPT = "Show your child's e-card to the camera"
PROMPT_DETAIL = "Open the e-card on the phone and hold its QR code inside the frame."


class ScanScreen(FollowsLanguage, QWidget):
    """Waits for a card; the check itself runs in the background while the preview keeps going."""

    def __init__(self, session: KioskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanScreen")
        self.session = session
        self._typed: tuple[str, ...] = ()
        """The family's details reception typed for this visit: kept out of the logs until then."""
        self.camera_view = CameraView(self)

        self.prompt = QLabel(objectName="prompt", wordWrap=True)
        self.prompt_other = QLabel(objectName="promptOther", wordWrap=True)
        self.prompt_detail = QLabel(objectName="hint", wordWrap=True)
        self.status = QLabel(objectName="status", wordWrap=True)
        self.camera_note = QLabel(objectName="hint", wordWrap=True)
        self.camera_note.hide()
        self.status.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        self.cancel_check = QPushButton(objectName="secondary")
        self.cancel_check.clicked.connect(self._cancel_check)
        self.cancel_check.hide()
        self.guarantee_button = QPushButton(objectName="secondary")
        self.guarantee_button.clicked.connect(self.open_phone_guarantee)
        self.guarantee_button.hide()
        self.guarantee_dialog: PhoneGuaranteeDialog | None = None
        self.lookup_toggle = QPushButton(objectName="secondary")
        self.lookup_toggle.setCheckable(True)
        self.lookup_toggle.toggled.connect(self._show_lookup)

        self.lookup_box = QFrame()
        self.lookup_box.setObjectName("panel")
        self.policy = QLineEdit(objectName="policy")
        self.child_name = QLineEdit(objectName="childName")
        self.phone = QLineEdit(objectName="guardianPhone")
        self.phone.setValidator(QRegularExpressionValidator(r"1\d{0,10}", self.phone))
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.lookup_button = QPushButton(objectName="primary")
        self.lookup_button.clicked.connect(self.submit_lookup)
        for field in (self.policy, self.child_name, self.phone):
            field.returnPressed.connect(self.submit_lookup)
        form = QFormLayout(self.lookup_box)
        self.policy_label = QLabel()
        self.name_label = QLabel()
        self.phone_label = QLabel()
        form.addRow(self.policy_label, self.policy)
        form.addRow(self.name_label, self.child_name)
        form.addRow(self.phone_label, self.phone)
        form.addRow(self.lookup_button)
        self.lookup_box.hide()

        side = QVBoxLayout()
        side.addWidget(self.prompt)
        side.addWidget(self.prompt_other)
        side.addSpacing(12)
        side.addWidget(self.prompt_detail)
        side.addSpacing(12)
        side.addWidget(self.status)
        side.addWidget(self.cancel_check, 0, Qt.AlignmentFlag.AlignLeft)
        side.addWidget(self.guarantee_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addWidget(self.camera_note)
        self.arrivals = ArrivalsBoard(session, self)
        side.addWidget(self.arrivals, 1)  # the column's spare height, used or not
        side.addWidget(self.lookup_toggle)
        side.addWidget(self.lookup_box)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(24)
        layout.addWidget(self.camera_view, 3)
        layout.addLayout(side, 2)

        self._camera_lost = False
        self._checking_card: tuple[str, ScanSource] | None = None
        self._card_in_check: ECardToken | None = None
        self._found_timer = QTimer(self)
        self._found_timer.setSingleShot(True)
        self._found_timer.setInterval(600)
        self._found_timer.timeout.connect(lambda: self.camera_view.set_found(False))
        session.translations.changed.connect(lambda _language: self.retranslate())
        session.scans.keep_keys_current(session.keys)  # a card under a rotated key: fetch, retry
        session.scans.scanned.connect(self.card_scanned)
        session.scans.camera_status.connect(self._camera_status)
        session.visit.observe(self._step_changed)
        self.retranslate()

    # --- texts -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("Show your child's e-card to the camera"))
        other = self.session.translations.other()
        self.prompt_other.setText(
            self.session.translations.translate_in(other, "ScanScreen", PROMPT)
        )
        self.prompt_detail.setText(
            self.tr("Open the e-card on the phone and hold its QR code inside the frame.")
        )
        self.lookup_toggle.setText(self.tr("Staff: look up without the card"))
        self.cancel_check.setText(self.tr("Cancel"))
        self.policy_label.setText(self.tr("Policy number"))
        self.name_label.setText(self.tr("Child's name"))
        self.phone_label.setText(self.tr("Guardian's phone"))
        self.policy.setPlaceholderText(self.tr("e.g. GP2026000101"))
        self.phone.setPlaceholderText(self.tr("11 digits"))
        self.lookup_button.setText(self.tr("Look up"))
        self.guarantee_button.setText(self.tr("Staff: phone guarantee…"))
        self._retranslate_camera_note()
        if self.session.visit.step is Step.CHECKING:
            self.status.setText(self.tr("Checking the card with the insurer…"))

    # --- input -----------------------------------------------------------------------------------

    def show_frame(self, image: QImage) -> None:
        self.camera_view.show_frame(image)

    def card_scanned(self, event: ScanEvent) -> None:
        """A code was read by the camera or a scanner and verified offline: check eligibility."""
        text = event.text
        visit = self.session.visit
        if visit.step is not Step.SCAN:
            return
        if event.error is not None:
            self._show_problem(card_problem(event.error))
            return
        if event.source is ScanSource.CAMERA:
            self.camera_view.set_found(True)
            self._found_timer.start()
        self._offer_guarantee(False)
        if event.token is not None:
            self._checking_card = (event.token.member_id, event.source)
        self._card_in_check = event.token
        visit_id = visit.begin_check(event.source)
        self._set_status(self.tr("Checking the card with the insurer…"))
        Task.with_insurer(
            lambda insurer: check_card(insurer, lambda: insurer.eligibility_by_token(text))
        ).success(lambda answer: self._answered(visit_id, *answer)).failure(
            lambda error: self._failed(visit_id, error)
        ).run()

    def submit_lookup(self) -> None:
        visit = self.session.visit
        if visit.step is not Step.SCAN:
            return
        try:
            lookup = EligibilityByLookup(
                policy_number=self.policy.text().strip(),
                child_name=self.child_name.text().strip(),
                guardian_phone=self.phone.text().strip(),
            )
        except ValidationError:
            self._show_problem(
                self.tr(
                    "Enter the policy number, the child's name and the guardian's 11-digit "
                    "mobile number."
                )
            )
            return
        # Names and numbers typed here can turn up in a log line (an error quoting a request);
        # the redactor's patterns cannot know a Latin-script name, so it is told the values.
        self._typed = (lookup.policy_number, lookup.child_name, lookup.guardian_phone)
        REDACTOR.remember(self._typed)
        self._offer_guarantee(False)
        self._checking_card = None  # a lookup's member is not known until the insurer answers
        visit_id = visit.begin_check(ScanSource.LOOKUP)
        self._set_status(self.tr("Checking the card with the insurer…"))
        Task.with_insurer(
            lambda insurer: check_card(insurer, lambda: insurer.eligibility_by_lookup(lookup))
        ).success(lambda answer: self._answered(visit_id, *answer)).failure(
            lambda error: self._failed(visit_id, error)
        ).run()

    def _step_changed(self, old: Step, new: Step) -> None:
        """A check that ends without the insurer's answer (it failed, reception cancelled it, the
        kiosk went idle) used nothing: the family may show the same card again at once."""
        if old is not Step.CHECKING:
            return
        token, self._card_in_check = self._card_in_check, None
        reader = self.session.scans.reader
        if new is Step.SCAN and token is not None and reader is not None:
            reader.allow_again(token)

    def _answered(self, visit_id: str, answer: Eligibility, arrival: Arrival | None) -> None:
        if arrival is not None and arrival.unconfirmed and answer.member is not None:
            self.session.check_ins.add(answer.member.member_id, checked_on(answer))
        self.session.visit.show_eligibility(visit_id, answer, arrival)

    def _failed(self, visit_id: str, error: BaseException) -> None:
        if self.session.visit.check_failed(visit_id):
            self._show_problem(card_problem(error))
            unreachable = isinstance(error, InsurerUnreachable | InsurerServerError)
            if unreachable and self.session.phone_guarantees:
                self._offer_guarantee(self._checking_card is not None)

    def _offer_guarantee(self, shown: bool) -> None:
        """While the insurer is down, the card being checked (a verified card, not a lookup) can
        go on under a phone guarantee."""
        self.guarantee_button.setVisible(shown)

    def open_phone_guarantee(self) -> PhoneGuaranteeDialog | None:
        """Reception called the hotline: enter its reference (returned so tests can drive it)."""
        card = self._checking_card if not self.guarantee_button.isHidden() else None
        if card is None or self.session.visit.step is not Step.SCAN:
            return None
        member_id, source = card
        dialog = PhoneGuaranteeDialog(self.session, member_id, source, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.guarantee_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "guarantee_dialog", None))
        dialog.open()
        return dialog

    def checking(self, busy: bool) -> None:
        """While the insurer is asked, reception may give up waiting (a late answer is dropped)."""
        self.cancel_check.setVisible(busy)

    def _cancel_check(self) -> None:
        if self.session.visit.step is Step.CHECKING:
            self.session.visit.clear()
            self._set_status("")

    def _set_status(self, text: str, tone: str = "") -> None:
        self.status.setText(text)
        set_tone(self.status, tone)

    def _show_problem(self, text: str) -> None:
        self._set_status(text, "error")

    def _camera_status(self, status: str) -> None:
        """A camera that stopped is said plainly; the scanner and the lookup still work."""
        self._camera_lost = status == "lost"
        self.camera_note.setVisible(self._camera_lost)
        if self._camera_lost:
            self.camera_view.clear()
        self._retranslate_camera_note()

    def _retranslate_camera_note(self) -> None:
        self.camera_note.setText(
            self.tr(
                "The camera is not available (unplugged, or used by another program); the kiosk "
                "keeps trying. Use the handheld scanner or the lookup meanwhile."
            )
        )

    def _show_lookup(self, shown: bool) -> None:
        self.arrivals.fold(shown)
        self.lookup_box.setVisible(shown)
        if shown:
            self.policy.setFocus()

    # --- clearing --------------------------------------------------------------------------------

    def reset(self, *, keep_status: bool = False) -> None:
        """Back to an empty scan screen: no member details stay in the lookup fields."""
        for field in (self.policy, self.child_name, self.phone):
            field.clear()
        REDACTOR.forget(self._typed)
        self._typed = ()
        self.lookup_toggle.setChecked(False)
        self._offer_guarantee(False)
        self._checking_card = None
        if not keep_status:
            self._set_status("")
