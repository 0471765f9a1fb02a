"""Beside the camera: today's appointments at this clinic, and the families to call today.

The insurer's list is read on a worker thread at start and every few minutes, after trying again
any check-in the insurer could not confirm (`KioskSession.check_ins`); a failed read keeps the
last list and says since when it is not fresh. A scan that checks a member in updates their row
at once, and a read already on its way cannot turn it back to "expected". The calls due today —
tomorrow's booked families, and those whose free cancelling ends today before a weekend or a
holiday — are checked on a timer (`kiosk.arrivals.CHECK_EVERY`); the families whose cards will
not direct-bill are behind one button, each with what to tell them and until when they can
cancel in time. The panel hides itself at a clinic with no appointments and no one to call, and
while staff's lookup form needs its room.

    board = ArrivalsBoard(session)
    board.refresh()             # today's list again, now
    board.check_calls()         # the day-before check, now
    dialog = board.open_calls()
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.arrivals import (
    CHECK_EVERY,
    REFRESH_EVERY,
    DayBeforeCheck,
    calls_due,
    check_arrivals,
)
from kiosk.business_day import BUSINESS_TZ, business_day
from kiosk.insurer.appointments import Appointment, AppointmentList, AppointmentState
from kiosk.insurer.client import InsurerClient
from kiosk.money import format_yuan
from kiosk.visit import Step
from ui import arrivals_text
from ui.i18n import FollowsLanguage
from ui.manager.tables import figure_table, fill_table
from ui.session import KioskSession
from ui.tasks import Task
from ui.tone import set_tone
from ui.widgets.button_row import button_row


def _time(moment: datetime) -> str:
    return moment.astimezone(BUSINESS_TZ).strftime("%H:%M")


def _day_and_time(moment: datetime) -> str:
    return moment.astimezone(BUSINESS_TZ).strftime("%m-%d %H:%M")


class DayBeforeDialog(FollowsLanguage, QDialog):
    """The families to call today whose cards will not direct-bill, each with what to tell them
    and until when they can still cancel or move the appointment in time."""

    def __init__(self, check: DayBeforeCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayBeforeDialog")
        self.setModal(True)
        self.check = check
        self.heading = QLabel(objectName="screenTitle", wordWrap=True)
        self.summary = QLabel(objectName="hint", wordWrap=True)
        self.table = figure_table(5, "dayBeforeTable")
        self.table.setMinimumSize(1040, 360)
        self.close_button = QPushButton(objectName="primary")
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(button_row([], [self.close_button]))
        self.retranslate()

    def retranslate(self) -> None:
        check = self.check
        self.setWindowTitle(self.tr("Families to call today"))
        self.heading.setText(
            self.tr("Families to call today ({day})").format(day=check.on.isoformat())
        )
        self.summary.setText(
            self.tr(
                "{problems} of the {booked} booked appointments to call about today would not "
                "be direct-billed as things stand (checked at {time}). Call the families before "
                "their cancel-in-time deadline, so it is sorted out by phone and not at the desk."
            ).format(
                problems=len(check.problems),
                booked=len(check.arrivals),
                time=_time(check.checked_at),
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Appointment"),
                self.tr("Child"),
                self.tr("Why"),
                self.tr("Cancel in time until"),
                self.tr("What to tell the family"),
            ]
        )
        rows = []
        for arrival in check.problems:
            appointment = arrival.appointment
            unpaid = format_yuan(arrival.unpaid_fen) if arrival.unpaid_fen is not None else ""
            rows.append(
                [
                    (_day_and_time(appointment.starts_at), False),
                    (appointment.member.name_masked, False),
                    ("\n".join(arrivals_text.name(p) for p in arrival.problems), False),
                    (_day_and_time(appointment.cancel_by), False),
                    (
                        "\n".join(arrivals_text.advice(p, unpaid) for p in arrival.problems),
                        False,
                    ),
                ]
            )
        fill_table(self.table, rows)
        self.table.resizeRowsToContents()
        self.close_button.setText(self.tr("Close"))


def _list_and_retry(session: KioskSession, insurer: InsurerClient, day: date) -> AppointmentList:
    """The check-ins not confirmed yet, tried again first: the list then shows them."""
    session.check_ins.retry(insurer, day)
    return insurer.appointments(day)


class ArrivalsBoard(FollowsLanguage, QWidget):
    """Today's appointments (time, child, service, state) and the calls-due button."""

    def __init__(
        self,
        session: KioskSession,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        # The board is always in the column and takes its spare height (the list scrolls); only
        # its panel shows and hides. So it never makes the window taller, and the window's least
        # size stays what it was when the kiosk went full screen.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.panel = QFrame(self)
        self.panel.setObjectName("panel")
        self.session = session
        self._clock = clock or (lambda: datetime.now(BUSINESS_TZ))
        self.listing: AppointmentList | None = None
        self.listed_at: datetime | None = None
        self.stale_since: datetime | None = None
        """When a read of the list failed (the list shown is older), until one succeeds."""
        self.day_before: DayBeforeCheck | None = None
        self.check_failed_at: datetime | None = None
        """When the calls-due check last failed (its list shown, if any, is older)."""
        self.dialog: DayBeforeDialog | None = None
        self._checked_in_here: dict[str, Appointment] = {}
        """Today's check-ins this desk saw: a list read before one cannot undo it."""
        self._folded = False
        self._in_view: int | None = None

        self.title = QLabel(objectName="fieldName")
        self.as_of = QLabel(objectName="hint", wordWrap=True)
        """Only when something is wrong: the list is old, or the check could not be run."""
        self.as_of.hide()
        self.table = figure_table(4, "arrivalsTable")
        self.calls_button = QPushButton(objectName="secondary")
        self.calls_button.clicked.connect(self.open_calls)
        self.calls_button.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.panel)
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.as_of)
        layout.addWidget(self.calls_button)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(int(REFRESH_EVERY.total_seconds() * 1000))
        self._refresh_timer.timeout.connect(self.refresh)
        self._check_timer = QTimer(self)
        self._check_timer.setInterval(int(CHECK_EVERY.total_seconds() * 1000))
        self._check_timer.timeout.connect(self.check_calls)
        session.visit.observe(self._step_changed)
        self.retranslate()

    def start(self) -> None:
        """Read today's list and check the calls due now, then on their timers."""
        self.refresh()
        self.check_calls()
        self._refresh_timer.start()
        self._check_timer.start()

    # --- reading ----------------------------------------------------------------------------------

    @property
    def appointments(self) -> list[Appointment]:
        """Today's list as shown: empty once the day it was read for is over."""
        listing = self.listing
        if listing is None or listing.date != business_day(self._clock()):
            return []
        return [self._checked_in_here.get(a.appointment_id, a) for a in listing.appointments]

    def refresh(self) -> None:
        day = business_day(self._clock())
        session = self.session
        Task.with_insurer(lambda insurer: _list_and_retry(session, insurer, day)).success(
            self._listed
        ).failure(self._list_failed).run()

    def check_calls(self) -> None:
        today = business_day(self._clock())
        clock = self._clock
        Task.with_insurer(
            lambda insurer: check_arrivals(insurer, calls_due(insurer, today), clock)
        ).success(self._checked).failure(self._check_failed).run()

    def _listed(self, listing: AppointmentList) -> None:
        if not shiboken6.isValid(self):  # answered after the kiosk closed
            return
        if self.listing is None or self.listing.date != listing.date:
            self._checked_in_here = {}
        self.listing = listing
        self.listed_at = self._clock()
        self.stale_since = None
        self._show()

    def _list_failed(self, _error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if self.stale_since is None:
            self.stale_since = self._clock()
        self._show()

    def _checked(self, check: DayBeforeCheck) -> None:
        if not shiboken6.isValid(self):
            return
        self.day_before = check
        self.check_failed_at = None
        self._show()

    def _check_failed(self, _error: BaseException) -> None:
        """The last check's families still need their call: its list stays, and says it is old."""
        if not shiboken6.isValid(self):
            return
        self.check_failed_at = self._clock()
        self._show()

    def _step_changed(self, _old: Step, new: Step) -> None:
        """The card just checked was checked in: its row says so without waiting for a read."""
        arrival = self.session.visit.arrival
        if new is not Step.ELIGIBILITY or arrival is None or arrival.appointment is None:
            return
        checked_in = arrival.appointment
        if checked_in.state is AppointmentState.CHECKED_IN:
            self._checked_in_here[checked_in.appointment_id] = checked_in
        self._show(checked_in.appointment_id)

    # --- showing ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Child"), self.tr("Service"), self.tr("State")]
        )
        self._show()

    def _show(self, in_view: str | None = None) -> None:
        """Render; the row of `in_view` (an appointment id), else the next family expected, is
        scrolled into sight."""
        appointments = self.appointments
        fill_table(
            self.table,
            [
                [
                    (_time(a.starts_at), False),
                    (a.member.name_masked, False),
                    (arrivals_text.name(a.service), False),
                    (arrivals_text.name(a.state), False),
                ]
                for a in appointments
            ],
        )
        ids = [a.appointment_id for a in appointments]
        expected = [i for i, a in enumerate(appointments) if a.state is AppointmentState.BOOKED]
        next_expected = expected[0] if expected else None
        self._in_view = ids.index(in_view) if in_view in ids else next_expected
        self._scroll()
        notes = []
        listed = _time(self.listed_at) if self.listed_at else "—"
        self.title.setText(self.tr("Today's appointments · as of {time}").format(time=listed))
        if self.stale_since is not None:
            notes.append(
                self.tr("The insurer cannot be reached: the list is as of {time}.").format(
                    time=listed
                )
            )
        if self.check_failed_at is not None:
            notes.append(
                self.tr("The check of the families to call could not be run ({time}).").format(
                    time=_time(self.check_failed_at)
                )
            )
        self.as_of.setText("\n".join(notes))
        trouble = bool(notes)
        set_tone(self.as_of, "error")
        self.as_of.setVisible(trouble)
        check = self.day_before
        current = check is not None and check.on == business_day(self._clock())
        problems = len(check.problems) if check is not None and current else 0
        self.calls_button.setText(self.tr("To call today: %n family(s)…", "", problems))
        self.calls_button.setVisible(problems > 0)
        wanted = bool(appointments) or problems > 0
        if trouble and self.session.visit.appointments_required:
            wanted = True  # a department that bills by appointment must know the list is old
        self.panel.setVisible(wanted and not self._folded)

    def _scroll(self) -> None:
        if self._in_view is not None and self._in_view < self.table.rowCount():
            self.table.scrollTo(
                self.table.model().index(self._in_view, 0),
                QAbstractItemView.ScrollHint.PositionAtTop,
            )

    def showEvent(self, event: QShowEvent) -> None:
        """A row scrolled to while the Scan screen was hidden is scrolled to again: a hidden
        table has no height to scroll in."""
        super().showEvent(event)
        self._scroll()

    def fold(self, folded: bool) -> None:
        """Make way (staff's lookup form needs the column's height on a 1280x800 screen)."""
        self._folded = folded
        self._show()

    def open_calls(self) -> DayBeforeDialog | None:
        """The families to call (returned so tests and the demo can look at it)."""
        check = self.day_before
        if check is None or not check.problems or check.on != business_day(self._clock()):
            return None
        dialog = DayBeforeDialog(check, self)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()
        return dialog
