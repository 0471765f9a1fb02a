"""Requesting a pre-authorisation for a flagged line, with the 5-working-day rule shown first.

The request is stored on this computer (`kiosk.preauths.file_preauth`) and the outbox sends it:
the dialog never waits on the insurer to keep it, and an insurer that is down loses nothing.
"""

from __future__ import annotations

from datetime import date

import shiboken6
from pydantic import ValidationError
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.insurer.models import BillLine, PreAuthRequest, WorkingCalendar
from kiosk.journal import PreAuthRequestRecord
from kiosk.money import AmountError, format_yuan, parse_yuan
from kiosk.preauths import file_preauth
from ui.i18n import FollowsLanguage
from ui.messages import insurer_problem
from ui.session import KioskSession
from ui.tasks import Task
from ui.tone import set_tone
from ui.widgets.button_row import button_row


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

        self.heading = QLabel(objectName="screenTitle", wordWrap=True)
        self.rule = QLabel(objectName="hint", wordWrap=True)
        self.item = QLabel(wordWrap=True)
        self.planned = QDateEdit(objectName="plannedDate")
        self.planned.setCalendarPopup(True)
        self.planned.setDisplayFormat("yyyy-MM-dd")
        self.diagnosis = QLineEdit(objectName="diagnosis")
        self.cost = QLineEdit(format_yuan(line.submitted_fen, symbol=False), objectName="cost")
        self.note = QLabel(objectName="preauthNote", wordWrap=True)
        self.item_label = QLabel()
        self.date_label = QLabel()
        self.diagnosis_label = QLabel()
        self.cost_label = QLabel()
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.item_label, self.item)
        form.addRow(self.date_label, self.planned)
        form.addRow(self.diagnosis_label, self.diagnosis)
        form.addRow(self.cost_label, self.cost)

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
        self._column.addLayout(form)
        self._column.addWidget(self.note)
        self._column.addLayout(buttons)
        self.setMinimumWidth(760)
        self.retranslate()
        Task.with_insurer(lambda insurer: insurer.working_calendar()).success(
            self._calendar
        ).failure(self._calendar_failed).run()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Request a pre-authorisation"))
        self.heading.setText(self.tr("Request a pre-authorisation"))
        self.item_label.setText(self.tr("Item"))
        self.date_label.setText(self.tr("Planned date"))
        self.diagnosis_label.setText(self.tr("Diagnosis"))
        self.cost_label.setText(self.tr("Estimated cost (CNY)"))
        self.diagnosis.setPlaceholderText(self.tr("e.g. Recurrent headache (R51)"))
        self.close_button.setText(self.tr("Close") if self.stored else self.tr("Cancel"))
        self.send_button.setText(self.tr("Send to the insurer"))
        item = self.session.catalogue.get(self.line.item_code)
        name = item.name(self.session.language) if item is not None else self.line.description
        self.item.setText(f"{name} ({self.line.item_code})")
        self._show_rule()

    def _show_rule(self) -> None:
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
        earliest = calendar.earliest_planned_date
        self.planned.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
        self.planned.setDate(QDate(earliest.year, earliest.month, earliest.day))
        self.send_button.setEnabled(self.stored is None)
        self._show_rule()

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
            )
        except ValidationError:
            self._tell(self.tr("Enter the diagnosis the doctor gave."), "error")
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
                "Request queued on this computer: it is sent as soon as the insurer answers, and "
                "the insurer's decision is shown when it comes."
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
        # taller for the note, rather than the form's rows squeezed together (its wrapped
        # labels need the height for the dialog's width, which adjustSize() does not ask)
        self._column.activate()
        height = self._column.totalHeightForWidth(self.width())
        self.resize(self.width(), max(self.height(), height))
