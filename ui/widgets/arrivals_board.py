"""Beside the camera: today's appointments at this clinic, and tomorrow's families to call.

The insurer's list is read on a worker thread at start and every few minutes; a failed read keeps
the last list and says since when it is not fresh. A scan that checks a member in updates their
row at once. Tomorrow's appointments are checked on a timer (`kiosk.arrivals.CHECK_EVERY`); the
families whose cards will not direct-bill are behind one button, each with what to tell them.
The board hides itself at a clinic with no appointments today and no one to call, and while
staff's lookup form needs its room.

    board = ArrivalsBoard(session)
    board.refresh()             # today's list again, now
    board.check_tomorrow()      # the day-before check, now
    dialog = board.open_tomorrow()
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

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
    check_arrivals,
    tomorrow,
)
from kiosk.business_day import BUSINESS_TZ, business_day
from kiosk.insurer.appointments import Appointment, AppointmentList, AppointmentState
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


class DayBeforeDialog(FollowsLanguage, QDialog):
    """Tomorrow's families whose cards will not direct-bill, each with what to tell them."""

    def __init__(self, check: DayBeforeCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayBeforeDialog")
        self.setModal(True)
        self.check = check
        self.heading = QLabel(objectName="screenTitle", wordWrap=True)
        self.summary = QLabel(objectName="hint", wordWrap=True)
        self.table = figure_table(4, "dayBeforeTable")
        self.table.setMinimumSize(980, 360)
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
        self.setWindowTitle(self.tr("Tomorrow's appointments to call about"))
        self.heading.setText(
            self.tr("Appointments on {day}: families to call today").format(
                day=check.day.isoformat()
            )
        )
        self.summary.setText(
            self.tr(
                "{problems} of {booked} booked families would not be direct-billed if they came "
                "as things stand (checked at {time}). Call them today, so it is sorted out by "
                "phone and not at the desk."
            ).format(
                problems=len(check.problems),
                booked=len(check.arrivals),
                time=_time(check.checked_at),
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Child"), self.tr("Why"), self.tr("What to tell the family")]
        )
        rows = []
        for arrival in check.problems:
            appointment = arrival.appointment
            unpaid = format_yuan(arrival.unpaid_fen) if arrival.unpaid_fen is not None else ""
            rows.append(
                [
                    (_time(appointment.starts_at), False),
                    (appointment.member.name_masked, False),
                    ("\n".join(arrivals_text.name(p) for p in arrival.problems), False),
                    (
                        "\n".join(arrivals_text.advice(p, unpaid) for p in arrival.problems),
                        False,
                    ),
                ]
            )
        fill_table(self.table, rows)
        self.table.resizeRowsToContents()
        self.close_button.setText(self.tr("Close"))


class ArrivalsBoard(FollowsLanguage, QWidget):
    """Today's appointments (time, child, service, state) and the day-before check's button."""

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
        self.appointments: list[Appointment] = []
        self.listed_at: datetime | None = None
        self.stale_since: datetime | None = None
        """When a read of the list failed (the list shown is older), until one succeeds."""
        self.day_before: DayBeforeCheck | None = None
        self.dialog: DayBeforeDialog | None = None
        self._folded = False
        self._in_view: int | None = None

        self.title = QLabel(objectName="fieldName")
        self.as_of = QLabel(objectName="hint", wordWrap=True)
        self.table = figure_table(4, "arrivalsTable")
        self.tomorrow_button = QPushButton(objectName="secondary")
        self.tomorrow_button.clicked.connect(self.open_tomorrow)
        self.tomorrow_button.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.panel)
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.as_of)
        layout.addWidget(self.tomorrow_button)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(int(REFRESH_EVERY.total_seconds() * 1000))
        self._refresh_timer.timeout.connect(self.refresh)
        self._check_timer = QTimer(self)
        self._check_timer.setInterval(int(CHECK_EVERY.total_seconds() * 1000))
        self._check_timer.timeout.connect(self.check_tomorrow)
        session.visit.observe(self._step_changed)
        self.retranslate()
        self._show()

    def start(self) -> None:
        """Read today's list and check tomorrow's now, then on their timers."""
        self.refresh()
        self.check_tomorrow()
        self._refresh_timer.start()
        self._check_timer.start()

    # --- reading ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        day = business_day(self._clock())
        Task.with_insurer(lambda insurer: insurer.appointments(day)).success(self._listed).failure(
            self._list_failed
        ).run()

    def check_tomorrow(self) -> None:
        day = tomorrow(self._clock())
        clock = self._clock
        Task.with_insurer(lambda insurer: check_arrivals(insurer, day, clock)).success(
            self._checked
        ).failure(lambda _error: None).run()

    def _listed(self, listing: AppointmentList) -> None:
        if not shiboken6.isValid(self):  # answered after the kiosk closed
            return
        self.appointments = list(listing.appointments)
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
        """A check that failed as a whole keeps the last one: its families still need a call."""
        if not shiboken6.isValid(self):
            return
        self.day_before = check
        self._show()

    def _step_changed(self, _old: Step, new: Step) -> None:
        """The card just checked was checked in: its row says so without waiting for a read."""
        arrival = self.session.visit.arrival
        if new is not Step.ELIGIBILITY or arrival is None or arrival.appointment is None:
            return
        checked_in = arrival.appointment
        self.appointments = [
            checked_in if a.appointment_id == checked_in.appointment_id else a
            for a in self.appointments
        ]
        self._show(checked_in.appointment_id)

    # --- showing ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Today's appointments"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Child"), self.tr("Service"), self.tr("State")]
        )
        self._show()

    def _show(self, in_view: str | None = None) -> None:
        """Render; the row of `in_view` (an appointment id), else the next family expected, is
        scrolled into sight."""
        rows = [
            [
                (_time(a.starts_at), False),
                (a.member.name_masked, False),
                (arrivals_text.name(a.service), False),
                (arrivals_text.name(a.state), False),
            ]
            for a in self.appointments
        ]
        fill_table(self.table, rows)
        ids = [a.appointment_id for a in self.appointments]
        booked = AppointmentState.BOOKED
        expected = [i for i, a in enumerate(self.appointments) if a.state is booked]
        next_expected = expected[0] if expected else None
        self._in_view = ids.index(in_view) if in_view in ids else next_expected
        self._scroll()
        if self.stale_since is not None:
            listed = _time(self.listed_at) if self.listed_at else "—"
            self.as_of.setText(
                self.tr("The insurer cannot be reached: the list is as of {time}.").format(
                    time=listed
                )
            )
            set_tone(self.as_of, "error")
        else:
            listed = _time(self.listed_at) if self.listed_at else "—"
            self.as_of.setText(self.tr("As of {time}").format(time=listed))
            set_tone(self.as_of, None)
        problems = len(self.day_before.problems) if self.day_before else 0
        self.tomorrow_button.setText(self.tr("Tomorrow: %n family(s) to call…", "", problems))
        self.tomorrow_button.setVisible(problems > 0)
        self.panel.setVisible((bool(self.appointments) or problems > 0) and not self._folded)

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

    def open_tomorrow(self) -> DayBeforeDialog | None:
        """The day-before list (returned so tests and the demo can look at it)."""
        if self.day_before is None or not self.day_before.problems:
            return None
        dialog = DayBeforeDialog(self.day_before, self)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()
        return dialog
