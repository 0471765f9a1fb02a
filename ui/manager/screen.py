"""The dashboard of one signed-in person: the chosen day, and a tab for each thing their role may
see (`kiosk.staff.Permission`). Every read of the journal, the insurer call and every file
written runs on a worker (`ui.tasks`); answers for a day no longer shown are dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import QDate, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk import claim_actions, payments
from kiosk.business_day import BUSINESS_TZ, business_day
from kiosk.clinic_db.reading import ClinicDay, clinic_db_problem
from kiosk.close_out import (
    NOTE_MAX,
    BadNote,
    CloseOut,
    DayAlreadyClosed,
    DayNotOver,
    NoteRequired,
    TakenChanged,
    close_day,
    close_out,
)
from kiosk.correction import correction_of
from kiosk.exports import ExportFormat, export_for_finance, span_name
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.errors import InsurerError, InsurerNotFound, InsurerRejected
from kiosk.insurer.models import DailyStatement
from kiosk.journal import ClaimRecord, Journal, PaymentMethod, RefundRecord
from kiosk.journal.claim_changes import ClaimBeingSent, ClaimNotVoidable
from kiosk.money import format_yuan
from kiosk.receivables import Receivables, fetch_remittances, receivables
from kiosk.reconciliation import Reconciliation, reconcile
from kiosk.reports import ClaimLine, DaySummary, Trend, claim_lines, day_summary, trend
from kiosk.staff import NotAllowed, Permission, StaffMember, actor_of
from ui.documents.day_report import day_report_text, render_day_report
from ui.i18n import FollowsLanguage
from ui.manager.appointments_tab import AppointmentsTab
from ui.manager.claims_tab import ClaimActions, ClaimsTab
from ui.manager.clinic_tab import ClinicTab
from ui.manager.close_tab import CloseTab
from ui.manager.context import ManagerContext
from ui.manager.day_tab import DayTab
from ui.manager.exports_tab import ExportsTab
from ui.manager.receivables_tab import ReceivablesTab
from ui.manager.reconciliation_tab import ReconcileTab
from ui.manager_text import export_labels, name
from ui.messages import insurer_problem
from ui.statements import NoSignedCopy, signed_bill_copy
from ui.tasks import Task
from ui.widgets.payment_panel import payment_problem
from ui.widgets.trend_chart import TrendChart


def _business_today(journal: Journal) -> date:
    return business_day(journal.now())


class ManagerScreen(FollowsLanguage, QWidget):
    """The dashboard of one signed-in person; made at sign-in, thrown away at sign-out."""

    loaded = Signal(str)
    """The day (ISO) whose figures and claims are now on screen."""
    reconciled = Signal(str)
    receivables_shown = Signal(str)
    """The receivables as of this day (ISO date) are on screen."""
    exported = Signal(str)
    """Path of a file just written."""
    document_opened = Signal(str)
    signed_out = Signal()
    leave = Signal()
    exit_kiosk = Signal()
    """A manager confirmed "Exit the kiosk"."""
    claim_changed = Signal(int)
    """A manager sent a claim again, marked it settled, voided or cancelled it (the claim id);
    the day is re-read."""
    day_closed = Signal(str)
    """The day (ISO) a manager just closed."""
    correction_ready = Signal(object)
    """A manager asked to correct an accepted claim's bill: the `kiosk.correction.Correction`
    for the desk to open at the bill (the window leaves the manager area for it)."""

    def __init__(
        self, context: ManagerContext, member: StaffMember, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("managerScreen")  # what the kiosk style's #managerScreen rules match
        self.context = context
        self.member = member
        self.day = _business_today(context.journal)
        self.exports_dir = context.exports_dir
        self._request = 0
        self.summary: DaySummary | None = None
        self.trend: Trend | None = None
        self._statement: DailyStatement | None = None
        """The insurer's statement last fetched for the chosen day (compared again, without
        asking the insurer, after a manager changes a claim)."""
        self._claim_to_open: int | None = None

        self.title = QLabel(objectName="managerTitle")
        self.previous_day = QPushButton("‹", objectName="dayStep")
        self.next_day = QPushButton("›", objectName="dayStep")
        self.date_edit = QDateEdit(objectName="managerDay", calendarPopup=True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd  ddd")
        self.today_button = QPushButton(objectName="secondary")
        self.refresh_button = QPushButton(objectName="secondary")
        self.sign_out_button = QPushButton(objectName="secondary")
        self.back_button = QPushButton(objectName="secondary")
        self.previous_day.clicked.connect(lambda: self.show_day(self.day - timedelta(days=1)))
        self.next_day.clicked.connect(lambda: self.show_day(self.day + timedelta(days=1)))
        self.today_button.clicked.connect(
            lambda: self.show_day(_business_today(self.context.journal))
        )
        self.refresh_button.clicked.connect(self.reload)
        self.date_edit.dateChanged.connect(lambda d: self.show_day(d.toPython()))
        self.sign_out_button.clicked.connect(self.signed_out)
        self.back_button.clicked.connect(self.leave)
        # Closing the kiosk program is a manager's decision, asked once more before it happens.
        self.exit_button = QPushButton(objectName="secondary")
        self.exit_button.setVisible(member.may(Permission.EXIT))
        self.confirm_exit = QFrame()
        self.confirm_exit.setObjectName("panel")
        self.confirm_exit.setVisible(False)
        self.exit_button.clicked.connect(lambda: self.confirm_exit.setVisible(True))
        self.exit_question = QLabel(objectName="detailText", wordWrap=True)
        self.exit_confirm_button = QPushButton(objectName="primary")
        self.exit_confirm_button.clicked.connect(self.exit_kiosk)
        self.exit_cancel_button = QPushButton(objectName="secondary")
        self.exit_cancel_button.clicked.connect(lambda: self.confirm_exit.setVisible(False))
        confirm_layout = QHBoxLayout(self.confirm_exit)
        confirm_layout.setContentsMargins(14, 8, 14, 8)
        confirm_layout.addWidget(self.exit_question, 1)
        confirm_layout.addWidget(self.exit_confirm_button)
        confirm_layout.addWidget(self.exit_cancel_button)
        self.state = QLabel(objectName="hint")
        self._read_at: datetime | None = None

        self.tabs = QTabWidget()
        self.tabs.setObjectName("managerTabs")
        self.day_tab = DayTab(self._item_name) if member.may(Permission.FIGURES) else None
        self.clinic_reader = context.clinic_reader() if member.may(Permission.FIGURES) else None
        self.clinic_tab = ClinicTab() if self.clinic_reader is not None else None
        self.appointments_tab = AppointmentsTab() if member.may(Permission.FIGURES) else None
        self._clinic_reading = False
        self._clinic_wanted: date | None = None
        may_settle = member.may(Permission.SETTLE)
        self.claims_tab = (
            ClaimsTab(may_settle=may_settle, may_void=member.may(Permission.VOID))
            if member.may(Permission.CLAIMS)
            else None
        )
        self.reconcile_tab = (
            ReconcileTab(may_settle=may_settle) if member.may(Permission.RECONCILE) else None
        )
        self.receivables_tab = ReceivablesTab() if member.may(Permission.RECONCILE) else None
        self.exports_tab = ExportsTab() if member.may(Permission.EXPORT) else None
        self.close_tab = CloseTab() if member.may(Permission.CLOSE_DAY) else None
        for tab in (
            self.day_tab,
            self.clinic_tab,
            self.appointments_tab,
            self.claims_tab,
            self.reconcile_tab,
            self.receivables_tab,
            self.exports_tab,
            self.close_tab,
        ):
            if tab is not None:
                self.tabs.addTab(tab, "")
        if self.claims_tab is not None:
            self.claims_tab.open_signed_bill.connect(self._open_signed_bill)
            self.claims_tab.refund_form.asked.connect(self.ask_refund)
            self.claims_tab.refund_form.refund.connect(self.refund)
        if self.reconcile_tab is not None:
            self.reconcile_tab.fetch.connect(self.fetch_statement)
            self.reconcile_tab.open_claim.connect(self.open_claim)
        for panel in self._claim_actions():
            panel.send_again.connect(self.send_claim_again)
            panel.settle.connect(self.settle_claim)
            panel.void.connect(self.void_claim)
            panel.cancel.connect(self.cancel_claim)
            panel.correct.connect(self.correct_bill)
        if self.receivables_tab is not None:
            self.receivables_tab.fetch.connect(self.fetch_remittances)
        if self.exports_tab is not None:
            self.exports_tab.export.connect(self.export)
            self.exports_tab.choose_folder.connect(self._choose_folder)
        if self.close_tab is not None:
            self.close_tab.close_day.connect(self.close_the_day)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.title)
        bar.addStretch(1)
        for widget in (
            self.previous_day,
            self.date_edit,
            self.next_day,
            self.today_button,
            self.refresh_button,
        ):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(self.sign_out_button)
        bar.addWidget(self.back_button)
        # Beside the tabs, away from the everyday buttons (and where the header has no room).
        self.tabs.setCornerWidget(self.exit_button, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 8, 20, 8)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.state)
        layout.addWidget(self.confirm_exit)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self.show_day(self.day, force=True)

    # --- language

    def retranslate(self) -> None:
        self.title.setText(
            self.tr("%1 · %2").replace("%1", self.member.name).replace("%2", name(self.member.role))
        )
        self.date_edit.setLocale(QLocale())
        self._show_state()
        self.today_button.setText(self.tr("Today"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.sign_out_button.setText(self.tr("Sign out"))
        self.back_button.setText(self.tr("Back to the desk"))
        self.exit_button.setText(self.tr("Exit the kiosk"))
        self.exit_question.setText(
            self.tr(
                "Close the kiosk program? Reception cannot use it until it is started again. "
                "Claims waiting to send stay safe and are sent after the next start."
            )
        )
        self.exit_confirm_button.setText(self.tr("Exit now"))
        self.exit_cancel_button.setText(self.tr("Cancel"))
        titles = {
            self.day_tab: self.tr("Day"),
            self.clinic_tab: self.tr("Clinic"),
            self.appointments_tab: self.tr("Appointments"),
            self.claims_tab: self.tr("Claims"),
            self.reconcile_tab: self.tr("Reconciliation"),
            self.receivables_tab: self.tr("Receivables"),
            self.exports_tab: self.tr("Exports"),
            self.close_tab: self.tr("Close the day"),
        }
        for tab, title in titles.items():
            if tab is not None:
                self.tabs.setTabText(self.tabs.indexOf(tab), title)
                tab.retranslate()
        self._show_folder()

    # --- the chosen day

    def show_day(self, day: date, *, force: bool = False) -> None:
        if day == self.day and not force:
            return
        self.day = day
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)
        self.next_day.setEnabled(day < _business_today(self.context.journal))
        self._statement = None
        if self.reconcile_tab is not None:
            self.reconcile_tab.clear()
        if self.exports_tab is not None:
            self.exports_tab.show_day(day)
        self.reload()

    def reload(self) -> None:
        """Read the chosen day again (figures, trend, claims) on a worker."""
        self._request += 1
        request, day, journal = self._request, self.day, self.context.journal
        figures = self.day_tab is not None
        claims = self.claims_tab is not None
        closing = figures or self.close_tab is not None
        self._read_at = None
        self._show_state()

        def read() -> tuple:
            summary = day_summary(journal, day) if figures else None
            thirty = trend(journal, day) if figures else None
            lines = claim_lines(journal, day) if claims else None
            closed = close_out(journal, day) if closing else None
            return summary, thirty, lines, closed

        Task(read).success(lambda result: self._show(request, day, *result)).failure(
            lambda _error: self._read_failed(request)
        ).run()
        self._read_receivables()
        self._read_clinic(day)
        if self.appointments_tab is not None:
            self.appointments_tab.read(day)

    def _read_clinic(self, day: date) -> None:
        """The clinic database's day, one read at a time: a clinic database that is slow or
        down takes one worker at most, and holds up neither this desk's figures nor the other
        tabs; days clicked through meanwhile are skipped for the last one."""
        tab, reader = self.clinic_tab, self.clinic_reader
        if tab is None or reader is None:
            return
        if self._clinic_reading:
            self._clinic_wanted = day
            return
        self._clinic_reading, self._clinic_wanted = True, None

        def done() -> bool:
            """Still on screen (not signed out meanwhile); read the day asked for since."""
            self._clinic_reading = False
            if not shiboken6.isValid(tab):
                return False
            if self._clinic_wanted is not None and self._clinic_wanted != day:
                self._read_clinic(self._clinic_wanted)
                return False
            return day == self.day

        def shown(result: ClinicDay) -> None:
            if done():
                tab.show_day(result)

        def failed(error: BaseException) -> None:
            if done():
                tab.show_problem(clinic_db_problem(error))

        Task(lambda: reader.day(day)).success(shown).failure(failed).run()

    def _show(
        self,
        request: int,
        day: date,
        summary: DaySummary | None,
        thirty: Trend | None,
        lines: list[ClaimLine] | None,
        closed: CloseOut | None,
    ) -> None:
        if request != self._request:
            return
        self.summary, self.trend = summary, thirty
        if self.day_tab is not None and summary is not None and thirty is not None:
            self.day_tab.show_summary(summary)
            self.day_tab.show_trend(thirty)
        if closed is not None:
            self._show_close_out(closed)
        if self.claims_tab is not None and lines is not None:
            self.claims_tab.show_lines(lines)
            if self._claim_to_open is not None:
                self.claims_tab.select_claim(self._claim_to_open)
                self._claim_to_open = None
        self._read_at = datetime.now(BUSINESS_TZ)
        self._show_state()
        self.loaded.emit(day.isoformat())

    def _show_state(self) -> None:
        if self._read_at is None:
            self.state.setText(self.tr("Reading this PC's records…"))
            return
        at = self._read_at.strftime("%H:%M")
        self.state.setText(self.tr("As this PC's records stood at %1.").replace("%1", at))

    def _item_name(self, code: str, description: str) -> str:
        """An item as the manager reads it: the catalogue's English name in English."""
        if self.context.language().startswith("en"):
            return self.context.names_en().get(code) or description
        return description

    def _read_failed(self, request: int) -> None:
        if request == self._request:
            self.state.setText(self.tr("This PC's records cannot be read right now. Try again."))

    # --- closing the day

    def _show_close_out(self, closed: CloseOut) -> None:
        if self.day_tab is not None:
            self.day_tab.show_close_out(closed)
        if self.close_tab is not None:
            today = _business_today(self.context.journal)
            self.close_tab.show_close_out(closed, has_come=closed.day <= today)

    def close_the_day(
        self,
        counted: Mapping[PaymentMethod, int],
        taken_seen: Mapping[PaymentMethod, int],
        note: str,
    ) -> None:
        """Close the chosen day with what was counted, against what was taken as the manager saw
        it (`kiosk.close_out.close_day` refuses a variance without a note, a second close, and
        figures that changed meanwhile); the day is read again either way."""
        tab, journal, member, day = self.close_tab, self.context.journal, self.member, self.day
        if tab is None:
            return

        def done(closed: CloseOut) -> None:
            if closed.day == self.day:
                self._show_close_out(closed)
                self.reload()
            self.day_closed.emit(closed.day.isoformat())

        def failed(error: BaseException) -> None:
            if day == self.day:
                tab.refused(self._close_refused(error))
                self.reload()

        Task(
            lambda: close_day(journal, day, counted, note, taken_seen=taken_seen, by=member)
        ).success(done).failure(failed).run()

    def _close_refused(self, error: BaseException) -> str:
        """Why the day was not closed (nothing was written), in the manager's words."""
        if isinstance(error, NoteRequired):
            return self.tr("The counts differ from what was taken: say why in the note.")
        if isinstance(error, BadNote):
            return self.tr("The note is at most %1 characters, on one line.").replace(
                "%1", str(NOTE_MAX)
            )
        if isinstance(error, TakenChanged):
            return self.tr(
                "A payment or refund was recorded meanwhile: the figures were read again. Check "
                "the counts and close again."
            )
        if isinstance(error, DayAlreadyClosed):
            return self.tr("This day was already closed.")
        if isinstance(error, DayNotOver):
            return self.tr("This day has not come yet.")
        if isinstance(error, NotAllowed):
            return self.tr("Only a manager may close the day.")
        return self.tr("The day could not be closed. Try again.")

    # --- a claim the insurer does not pay as it stands

    def _claim_actions(self) -> list[ClaimActions]:
        return [
            tab.claim_actions for tab in (self.claims_tab, self.reconcile_tab) if tab is not None
        ]

    def open_claim(self, claim_id: int, service_date: date) -> None:
        """Show the claim in the claims tab, on its own day."""
        if self.claims_tab is None:
            return
        self.tabs.setCurrentWidget(self.claims_tab)
        if service_date != self.day:
            self._claim_to_open = claim_id
            self.show_day(service_date)
        elif not self.claims_tab.select_claim(claim_id):
            self._claim_to_open = claim_id

    def send_claim_again(self, claim_id: int) -> None:
        """Put a stopped claim back among those waiting to send, under its own key (audited)."""
        journal, member = self.context.journal, self.member
        self._change_claim(
            claim_id,
            Task(lambda: claim_actions.requeue_claim(journal, claim_id, by=member)),
            self.tr("Waiting to send again; it goes at the next try."),
            wake=True,
        )

    def settle_claim(self, claim_id: int, note: str) -> None:
        """Close a refused or stopped claim that was settled another way; the note is audited."""
        journal, member = self.context.journal, self.member
        self._change_claim(
            claim_id,
            Task(lambda: claim_actions.settle_claim(journal, claim_id, note, by=member)),
            self.tr("Marked settled."),
            wake=False,
        )

    def void_claim(self, claim_id: int, reason: str) -> None:
        """Void a signed bill the insurer never got: it is never sent (audited, with the reason)."""
        journal, member = self.context.journal, self.member
        self._change_claim(
            claim_id,
            Task(lambda: claim_actions.void_claim(journal, claim_id, reason, by=member)),
            self.tr("Voided: it will not be sent."),
            wake=False,
        )

    def cancel_claim(self, claim_id: int, reason: str) -> None:
        """Cancel an accepted claim at the insurer; the journal records its answer."""
        journal, member = self.context.journal, self.member

        def cancel(insurer: InsurerClient) -> ClaimRecord:
            return claim_actions.cancel_claim(journal, insurer, claim_id, reason, by=member)

        self._change_claim(
            claim_id,
            Task.with_insurer(cancel),
            self.tr("Cancelled at the insurer: it pays nothing for this claim."),
            wake=False,
        )

    def correct_bill(self, claim_id: int) -> None:
        """Correct an accepted claim's bill at the desk: read what is corrected (the core says
        who may, and that the claim is still accepted), then hand it to the desk."""
        journal, member = self.context.journal, self.member

        def failed(error: BaseException) -> None:
            self._say(
                claim_id,
                self.tr("Only a manager may change a claim.")
                if isinstance(error, NotAllowed)
                else self._change_refused(error),
            )

        Task(lambda: correction_of(journal, claim_id, by=member)).success(
            self.correction_ready.emit
        ).failure(failed).run()

    def correction_handed(self, claim_id: int, opened: bool) -> None:
        """The desk opened the correction at the bill (`opened`), or is in the middle of a visit
        and the correction waits until that visit is finished."""
        text = (
            self.tr("Opened at the desk: the family signs the corrected bill there.")
            if opened
            else self.tr(
                "Reception is in the middle of a visit. Correct the bill once it is finished or "
                "cancelled."
            )
        )
        self._say(claim_id, text)

    def _say(self, claim_id: int, text: str) -> None:
        """What came of a change of `claim_id`, in whichever tab's panel shows that claim."""
        for panel in self._claim_actions():
            panel.finished(claim_id, text)

    # --- refunds of desk payments

    def ask_refund(self, visit_id: int) -> None:
        """Read the visit's payments for the refund form (what each method can give back)."""
        tab, journal = self.claims_tab, self.context.journal
        if tab is None:
            return
        Task(lambda: payments.account(journal, visit_id)).success(
            tab.refund_form.show_account
        ).failure(lambda error: tab.refund_form.refused(payment_problem(error))).run()

    def refund(self, visit_id: int, method: PaymentMethod, amount_fen: int, reason: str) -> None:
        """Give back money paid at the desk by one method (`kiosk.payments.refund_payment` refuses
        more than that method paid, and records nothing then); the day is read again."""
        tab, journal, member = self.claims_tab, self.context.journal, self.member
        if tab is None:
            return

        def done(_refund: RefundRecord) -> None:
            tab.refund_form.finished(
                self.tr("Refunded %1 by %2.")
                .replace("%1", format_yuan(amount_fen))
                .replace("%2", name(method))
            )
            self.reload()

        Task(
            lambda: payments.refund_payment(
                journal, visit_id, method, amount_fen, reason, by=member
            )
        ).success(done).failure(lambda error: tab.refund_form.refused(payment_problem(error))).run()

    def _change_claim(
        self, claim_id: int, change: Task[ClaimRecord], done_text: str, *, wake: bool
    ) -> None:
        """The one way a claim is changed from these screens, whichever tab asked: the core says
        who may (a refusal changes nothing and is said), then the day and the reconciliation
        are read again."""

        def finished(text: str) -> None:
            self._say(claim_id, text)
            self.reload()
            self._compare_again()

        def done(_claim: ClaimRecord) -> None:
            if wake:
                self.context.wake_outbox()
            self.claim_changed.emit(claim_id)
            finished(done_text)

        def failed(error: BaseException) -> None:
            if isinstance(error, NotAllowed):  # nothing changed, nothing to read again
                self._say(claim_id, self.tr("Only a manager may change a claim."))
            else:
                finished(self._change_refused(error))

        change.success(done).failure(failed).run()

    def _change_refused(self, error: BaseException) -> str:
        """Why a change of a claim did not happen (nothing was written), in the manager's words."""
        if isinstance(error, ClaimBeingSent):
            return self.tr("It is being sent right now; try again in a moment.")
        if isinstance(error, ClaimNotVoidable) and error.recorded:
            return self.tr("The insurer already has this claim: cancel it at the insurer instead.")
        if isinstance(error, InsurerRejected) and error.code == "claim-not-cancellable":
            return self.tr("The insurer will not cancel it: it is paid, or was not accepted.")
        if isinstance(error, InsurerNotFound):
            return self.tr("The insurer has no such claim from this clinic; nothing was changed.")
        if isinstance(error, InsurerError):
            return insurer_problem(error)
        return self.tr("The claim could not be changed; it may have changed meanwhile.")

    # --- reconciliation

    def fetch_statement(self) -> None:
        if self.reconcile_tab is None:
            return
        self.reconcile_tab.busy()
        day, journal = self.day, self.context.journal
        tab = self.reconcile_tab

        def compare(insurer: InsurerClient) -> tuple[DailyStatement, Reconciliation]:
            statement = insurer.daily_statement(day)
            return statement, reconcile(journal, statement)

        def done(result: tuple[DailyStatement, Reconciliation]) -> None:
            if day == self.day:
                self._statement = result[0]
                tab.show_result(result[1])
                self.reconciled.emit(day.isoformat())

        def failed(error: BaseException) -> None:
            if day == self.day:
                tab.failed(insurer_problem(error))

        Task.with_insurer(compare).success(done).failure(failed).run()

    def _compare_again(self) -> None:
        """Compare the statement already fetched with the journal as it is now."""
        statement, tab, journal = self._statement, self.reconcile_tab, self.context.journal
        if statement is None or tab is None:
            return

        def done(result: Reconciliation) -> None:
            if statement is self._statement:
                tab.show_result(result)
                self.reconciled.emit(statement.date.isoformat())

        def failed(_error: BaseException) -> None:
            if statement is self._statement:
                tab.failed(self.tr("This PC's records cannot be read right now. Try again."))

        Task(lambda: reconcile(journal, statement)).success(done).failure(failed).run()

    # --- receivables

    def _read_receivables(self) -> None:
        """The receivables as of the chosen day, from what this PC holds (no insurer call)."""
        tab, day, journal = self.receivables_tab, self.day, self.context.journal
        if tab is not None:
            Task(lambda: receivables(journal, day)).success(
                lambda result: self._show_receivables(day, result)
            ).failure(
                lambda _error: tab.failed(self.tr("This PC's records cannot be read right now."))
            ).run()

    def fetch_remittances(self) -> None:
        """Fetch the insurer's remittances, keep them, and match them to the claims; the outbox
        asks about every unsettled claim meanwhile (a payment may follow a review not seen yet)."""
        tab, day, journal = self.receivables_tab, self.day, self.context.journal
        if tab is None:
            return
        tab.busy()
        self.context.check_claim_statuses()
        actor = actor_of(self.member)

        def fetch(insurer: InsurerClient) -> Receivables:
            fetch_remittances(journal, insurer, day, actor=actor)
            return receivables(journal, day)

        def failed(error: BaseException) -> None:
            if day == self.day:
                tab.failed(insurer_problem(error))

        Task.with_insurer(fetch).success(
            lambda result: self._show_receivables(day, result)
        ).failure(failed).run()

    def _show_receivables(self, day: date, result: Receivables) -> None:
        if day == self.day and self.receivables_tab is not None:
            self.receivables_tab.show_result(result)
            self.receivables_shown.emit(day.isoformat())

    # --- exports

    def _show_folder(self) -> None:
        if self.exports_tab is not None:
            self.exports_tab.folder.setText(str(self.exports_dir))

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Where should exports be saved?"), str(self.exports_dir)
        )
        if chosen:
            self.exports_dir = Path(chosen)
            self._show_folder()

    def export(self, export_format: str, first: date | None, last: date | None) -> None:
        """Write a file for finance in the exports folder; `first` None means the chosen day."""
        tab = self.exports_tab
        if tab is None:
            return
        journal, folder = self.context.journal, self.exports_dir
        first_day = first or self.day
        last_day = last or first_day
        if export_format == "pdf":
            self._export_report(tab, folder / f"day-report-{span_name(first_day, last_day)}.pdf")
            return
        labels = export_labels()
        chosen = ExportFormat(export_format)

        def write() -> tuple[Path, tuple[Path, ...]]:
            return export_for_finance(journal, folder, chosen, first_day, last_day, labels=labels)

        name = f"claims-{span_name(first_day, last_day)}.{export_format}"
        tab.result.setText(self.tr("Writing %1…").replace("%1", name))
        Task(write).success(lambda written: self._exported(*written)).failure(
            self._export_failed
        ).run()

    def _export_report(self, tab: ExportsTab, target: Path) -> None:
        day, journal, context = self.day, self.context.journal, self.context
        shown = self.reconcile_tab.result if self.reconcile_tab is not None else None
        reconciliation = shown if shown is not None and shown.day == day else None
        chart = TrendChart().text()
        text = day_report_text(chart)
        printed_by = self.member.name
        english = self.context.language().startswith("en")
        item_names = dict(self.context.names_en()) if english else {}

        def write() -> Path:
            target.parent.mkdir(parents=True, exist_ok=True)
            render_day_report(
                target,
                clinic=context.clinic_name,
                summary=day_summary(journal, day),
                trend=trend(journal, day),
                close_out=close_out(journal, day),
                reconciliation=reconciliation,
                audit=journal.verify_audit(),
                printed_at=journal.now(),
                printed_by=printed_by,
                text=text,
                item_names=item_names,
                receivables=receivables(journal, day),
            )
            return target

        tab.result.setText(self.tr("Writing %1…").replace("%1", target.name))
        Task(write).success(self._exported).failure(self._export_failed).run()

    def _exported(self, path: Path, also: tuple[Path, ...] = ()) -> None:
        if self.exports_tab is not None:
            self.exports_tab.show_saved(path, also)
        self.exported.emit(str(path))

    def _export_failed(self, _error: BaseException) -> None:
        if self.exports_tab is not None:
            self.exports_tab.result.setText(
                self.tr("The file could not be written there. Choose another folder.")
            )

    # --- signed bills

    def _open_signed_bill(self, claim_id: int) -> None:
        context = self.context

        def find() -> Path:
            return signed_bill_copy(context.journal, claim_id, context.documents_dir)

        Task(find).success(self._document_ready).failure(self._document_failed).run()

    def _document_ready(self, path: Path) -> None:
        if self.claims_tab is not None:
            self.claims_tab.detail_state.setText(str(path))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.document_opened.emit(str(path))

    def _document_failed(self, error: BaseException) -> None:
        if self.claims_tab is None:
            return
        if isinstance(error, NoSignedCopy):
            message = self.tr(
                "The signature of this claim was removed by the retention rule; only the "
                "amounts remain."
            )
        else:
            message = self.tr("The signed bill could not be opened.")
        self.claims_tab.detail_state.setText(message)
