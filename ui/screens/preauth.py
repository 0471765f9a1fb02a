"""Requesting a pre-authorisation for a flagged line, with the 5-working-day rule shown first.

The request is stored on this computer (`kiosk.preauths.file_preauth`) and the outbox sends it:
the dialog never waits on the insurer to keep it, and an insurer that is down loses nothing. An
emergency needs no lead time (the insurer reviews it the same day); the doctor's note or a scan
goes with the request; and a request for an item that an open request or a usable approval
already covers is warned about before it is filed again.
"""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

import shiboken6
from pydantic import ValidationError
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.insurer.models import (
    ATTACHMENT_MAX_BYTES,
    Attachment,
    AttachmentType,
    BillLine,
    PreAuthRequest,
    VisitType,
    WorkingCalendar,
)
from kiosk.journal import PreAuthRequestRecord
from kiosk.money import AmountError, format_yuan, parse_yuan
from kiosk.preauths import PreAuthInTheWay, file_preauth, preauths_in_the_way
from ui.i18n import FollowsLanguage
from ui.messages import insurer_problem
from ui.session import KioskSession
from ui.tasks import Task
from ui.tone import set_tone
from ui.widgets.button_row import button_row

ATTACHMENT_TYPES = {
    ".pdf": AttachmentType.PDF,
    ".png": AttachmentType.PNG,
    ".jpg": AttachmentType.JPEG,
    ".jpeg": AttachmentType.JPEG,
}
MAX_ATTACHMENTS = 5


def read_attachment(path: Path) -> Attachment | None:
    """A document for the request; None unless it is a PDF, PNG or JPEG of at most 2 MB."""
    kind = ATTACHMENT_TYPES.get(path.suffix.lower())
    if kind is None:
        return None
    data = path.read_bytes()
    if len(data) > ATTACHMENT_MAX_BYTES:
        return None
    return Attachment.model_validate(
        {"title": path.name[:128], "content_type": kind, "data": base64.b64encode(data)}
    )


class PreAuthDialog(FollowsLanguage, QDialog):
    """Reception files a pre-auth request on the family's behalf; the insurer decides later.

    One dialog per request, deleted when it closes (else each would stay a child of the bill
    screen for as long as the kiosk runs). A request once stored is sent by the outbox whether
    the dialog is still open or not.
    """

    def __init__(self, session: KioskSession, line: BillLine, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preauthDialog")
        self.setModal(True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.line = line
        self.calendar: WorkingCalendar | None = None
        self.stored: PreAuthRequestRecord | None = None
        self.attachments: list[Attachment] = []
        self.in_the_way: list[PreAuthInTheWay] = []
        self._warned = False

        self.heading = QLabel(objectName="screenTitle", wordWrap=True)
        self.rule = QLabel(objectName="hint", wordWrap=True)
        self.item = QLabel(wordWrap=True)
        self.planned = QDateEdit(objectName="plannedDate")
        self.planned.setCalendarPopup(True)
        self.planned.setDisplayFormat("yyyy-MM-dd")
        self.diagnosis = QLineEdit(objectName="diagnosis")
        self.cost = QLineEdit(format_yuan(line.submitted_fen, symbol=False), objectName="cost")
        self.emergency = QCheckBox()
        self.emergency.setObjectName("emergency")
        self.emergency.setChecked(session.visit.visit_type is VisitType.EMERGENCY)
        self.emergency.toggled.connect(self._emergency_changed)
        self.attach_button = QPushButton(objectName="small")
        self.attach_button.clicked.connect(self._choose_attachment)
        self.attached = QLabel(objectName="hint", wordWrap=True)
        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attached, 1)
        attach_row.addWidget(self.attach_button)
        self.warning = QLabel(objectName="preauthWarning", wordWrap=True)
        self.warning.hide()
        self.note = QLabel(objectName="preauthNote", wordWrap=True)
        self.item_label = QLabel()
        self.date_label = QLabel()
        self.diagnosis_label = QLabel()
        self.cost_label = QLabel()
        self.attach_label = QLabel()
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.item_label, self.item)
        form.addRow("", self.emergency)
        form.addRow(self.date_label, self.planned)
        form.addRow(self.diagnosis_label, self.diagnosis)
        form.addRow(self.cost_label, self.cost)
        form.addRow(self.attach_label, attach_row)

        self.close_button = QPushButton(objectName="secondary")
        self.close_button.clicked.connect(self.reject)
        self.send_button = QPushButton(objectName="primary")
        self.send_button.clicked.connect(self.send)
        self.send_button.setEnabled(False)
        buttons = button_row([self.close_button], [self.send_button])

        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(28, 24, 28, 24)
        self._column.setSpacing(14)
        self._column.addWidget(self.heading)
        self._column.addWidget(self.rule)
        self._column.addWidget(self.warning)
        self._column.addLayout(form)
        self._column.addWidget(self.note)
        self._column.addLayout(buttons)
        self.setMinimumWidth(760)
        self.retranslate()
        Task.with_insurer(lambda insurer: insurer.working_calendar()).success(
            self._calendar
        ).failure(self._calendar_failed).run()
        self._look_for_others()
        if self.emergency.isChecked():
            self._emergency_changed()
        self._fit()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Request a pre-authorisation"))
        self.heading.setText(self.tr("Request a pre-authorisation"))
        self.item_label.setText(self.tr("Item"))
        self.date_label.setText(self.tr("Planned date"))
        self.diagnosis_label.setText(self.tr("Diagnosis"))
        self.cost_label.setText(self.tr("Estimated cost (CNY)"))
        self.attach_label.setText(self.tr("Documents"))
        self.emergency.setText(self.tr("Emergency: treated today, no lead time"))
        self.attach_button.setText(self.tr("Attach…"))
        self.attached.setText(
            ", ".join(a.title for a in self.attachments)
            or self.tr("The doctor's note or a scan (PDF, PNG, JPEG; up to 2 MB each)")
        )
        self.diagnosis.setPlaceholderText(self.tr("e.g. Recurrent headache (R51)"))
        self.close_button.setText(self.tr("Close") if self.stored else self.tr("Cancel"))
        self.send_button.setText(
            self.tr("File another request anyway")
            if self._warned
            else self.tr("Send to the insurer")
        )
        item = self.session.catalogue.get(self.line.item_code)
        name = item.name(self.session.language) if item is not None else self.line.description
        self.item.setText(f"{name} ({self.line.item_code})")
        self._show_rule()
        self._show_in_the_way()

    def _show_rule(self) -> None:
        if self.emergency.isChecked():
            self.rule.setText(
                self.tr(
                    "Emergency: the request needs no lead time; the planned date may be today "
                    "and the insurer reviews it the same day."
                )
            )
            return
        if self.calendar is None:
            self.rule.setText(
                self.tr(
                    "A pre-authorisation must reach the insurer at least 5 working days before "
                    "the planned date. Asking the insurer for its working-day calendar…"
                )
            )
            return
        calendar = self.calendar
        earliest = QLocale().toString(calendar.earliest_planned_date, QLocale.FormatType.LongFormat)
        text = self.tr(
            "A pre-authorisation must reach the insurer at least {days} working days before the "
            "planned date (Chinese public holidays and make-up working days counted). Sent "
            "today, the earliest planned date is {earliest}."
        ).format(days=calendar.required_working_days, earliest=earliest)
        if calendar.fallback_weekends_only:
            text += " " + self.tr(
                "Holiday data ends on {until}; after that only weekends are counted."
            ).format(until=calendar.data_until.isoformat())
        self.rule.setText(text)

    def _deleted(self) -> bool:
        return not shiboken6.isValid(self)

    def _calendar(self, calendar: WorkingCalendar) -> None:
        self.calendar = calendar
        if self._deleted():
            return
        self._set_dates()
        self.send_button.setEnabled(self.stored is None)
        self._show_rule()

    def _set_dates(self) -> None:
        """Today for an emergency; otherwise the insurer's earliest date for the lead time."""
        today = self.session.visit.today()
        if self.emergency.isChecked():
            earliest = today
        elif self.calendar is not None:
            earliest = self.calendar.earliest_planned_date
        else:
            return
        self.planned.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
        self.planned.setDate(QDate(earliest.year, earliest.month, earliest.day))

    def _emergency_changed(self) -> None:
        self._set_dates()
        if self.emergency.isChecked():
            self.send_button.setEnabled(self.stored is None)
        self._show_rule()

    # --- what already covers the item

    def _look_for_others(self) -> None:
        visit = self.session.visit
        eligibility = visit.eligibility
        if eligibility is None or eligibility.member is None:
            return
        journal, line = self.session.journal, self.line
        member_id, preauths, today = (
            eligibility.member.member_id,
            eligibility.preauths,
            visit.today(),
        )
        Task(
            lambda: preauths_in_the_way(
                journal, preauths, member_id, line.item_code, line.category, today
            )
        ).success(self._others_found).run()

    def _others_found(self, found: list[PreAuthInTheWay]) -> None:
        if self._deleted():
            return
        self.in_the_way = found
        self._show_in_the_way()
        self._fit()

    def _show_in_the_way(self) -> None:
        if not self.in_the_way:
            self.warning.hide()
            return
        lines = [self.tr("Before filing another request for this item:")]
        for other in self.in_the_way:
            lines.append("• " + self._other_text(other))
        self.warning.setText("\n".join(lines))
        set_tone(self.warning, "warning")
        self.warning.show()

    def _other_text(self, other: PreAuthInTheWay) -> str:
        planned = other.planned_date.isoformat()
        if other.unsent:
            return self.tr("a request for {date} is stored on this computer, not sent yet").format(
                date=planned
            )
        grant = other.grant
        if grant is not None:
            return self.tr(
                "approval {auth} covers it: {left} and {uses} use(s) left, valid until {until}"
            ).format(
                auth=grant.auth_number,
                left=format_yuan(grant.amount_left_fen),
                uses=grant.uses_left,
                until=grant.valid_until.isoformat(),
            )
        return self.tr("request {id} for {date} is waiting for the insurer's decision").format(
            id=other.preauth_id or "—", date=planned
        )

    # --- documents

    def _choose_attachment(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("A document for the request"),
            str(Path.home()),
            self.tr("Documents (*.pdf *.png *.jpg *.jpeg)"),
        )
        if path:
            self.attach(Path(path))

    def attach(self, path: Path) -> bool:
        """Add a document (the doctor's note, a scan) to the request; False, said, if refused."""
        if len(self.attachments) >= MAX_ATTACHMENTS:
            self._tell(self.tr("At most 5 documents go with one request."), "error")
            return False
        try:
            attachment = read_attachment(path)
        except OSError:
            self._tell(self.tr("That file could not be read."), "error")
            return False
        if attachment is None:
            self._tell(
                self.tr("Only PDF, PNG or JPEG files of up to 2 MB can be attached."), "error"
            )
            return False
        self.attachments.append(attachment)
        self.retranslate()
        self._fit()
        return True

    def _calendar_failed(self, error: BaseException) -> None:
        if self._deleted():
            return
        self._tell(insurer_problem(error), "error")
        self.send_button.setEnabled(self.stored is None)

    def send(self) -> None:
        try:
            cost = parse_yuan(self.cost.text())
        except AmountError:
            self._tell(self.tr("Enter the estimated cost in yuan, e.g. 6800.00."), "error")
            return
        planned = self.planned.date()
        try:
            request = PreAuthRequest(
                member_id=self.session.visit.member_id,
                item_code=self.line.item_code,
                description=self.line.description,
                category=self.line.category,
                planned_date=date(planned.year(), planned.month(), planned.day()),
                diagnosis=self.diagnosis.text().strip(),
                estimated_cost_fen=cost,
                emergency=self.emergency.isChecked(),
                attachments=self.attachments,
            )
        except ValidationError:
            self._tell(self.tr("Enter the diagnosis the doctor gave."), "error")
            return
        if self.in_the_way and not self._warned:
            self._warned = True
            self.retranslate()
            self._tell(
                self.tr(
                    "This item already has a request or an approval (above). File another only "
                    "if the doctor plans a different treatment."
                ),
                "warning",
            )
            return
        self.send_button.setEnabled(False)
        journal = self.session.journal
        Task(lambda: file_preauth(journal, request)).success(self._queued).failure(
            self._failed
        ).run()

    def _queued(self, stored: PreAuthRequestRecord) -> None:
        self.stored = stored
        self.session.submitter.wake()
        if self._deleted():
            return
        self._tell(
            self.tr(
                "Saved on this computer and sent to the insurer as soon as its system can be "
                "reached; the insurer's decision will show at the top of the desk's screen."
            ),
            "",
        )
        self.close_button.setText(self.tr("Close"))

    def _failed(self, error: BaseException) -> None:
        if self._deleted():
            return
        self._tell(insurer_problem(error), "error")
        self.send_button.setEnabled(True)

    def _tell(self, text: str, tone: str = "") -> None:
        self.note.setText(text)
        set_tone(self.note, tone)
        self._fit()

    def _fit(self) -> None:
        """Tall enough for every row at the dialog's width, rather than the form's rows squeezed
        together (wrapped labels need the height for the width, which adjustSize() does not
        ask)."""
        self._column.activate()
        width = max(self.width(), self.minimumWidth())
        height = self._column.totalHeightForWidth(width)
        self.resize(width, max(self.height(), height))
