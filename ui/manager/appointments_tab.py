"""The manager's Appointments tab: the chosen day's appointments booked through the insurer (how
many came, did not come, cancelled late), each no-show and late cancel with what it cost the
family, and appointments per day over the 30 days before.

The insurer keeps the appointments (families cancel through its hotline, not at the desk), so
this tab reads the insurer, one day at a time on a worker; the Day tab's journal figures do not
wait for it.
"""

from __future__ import annotations

from datetime import date, timedelta

import shiboken6
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.business_day import BUSINESS_TZ
from kiosk.insurer.appointments import MISSED, AppointmentDays, AppointmentList
from kiosk.insurer.client import InsurerClient
from ui import arrivals_text
from ui.manager.day_tab import FigureTile, tile_row, trend_panel
from ui.manager.tables import figure_table, fill_table, money_cell
from ui.messages import insurer_problem
from ui.tasks import Task
from ui.tone import set_tone
from ui.widgets.appointment_chart import AppointmentChart


def read_appointments(insurer: InsurerClient, day: date) -> tuple[AppointmentList, AppointmentDays]:
    """The day's appointments and the 30 days up to it, counted by state."""
    return insurer.appointments(day), insurer.appointment_days(day - timedelta(days=29), day)


class AppointmentsTab(QWidget):
    """Renders one day's appointments, or why the insurer could not be read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day: date | None = None
        self.listing: AppointmentList | None = None
        self.days: AppointmentDays | None = None
        self.problem: str | None = None
        self.title = QLabel(objectName="panelTitle")
        self.status = QLabel(objectName="status", wordWrap=True)
        self.status.hide()
        self.tiles = {
            "held": FigureTile(),
            "came": FigureTile("covered"),
            "no_show": FigureTile(),
            "late": FigureTile(),
            "in_time": FigureTile(),
        }
        self.missed_title = QLabel(objectName="panelTitle")
        self.missed = figure_table(6, "missedAppointments")
        self.chart = AppointmentChart()
        self.chart_title = QLabel(objectName="panelTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 8)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(tile_row(self.tiles))
        layout.addWidget(self.missed_title)
        layout.addWidget(self.missed, 2)
        layout.addWidget(trend_panel(self.chart_title, self.chart), 3)
        self.retranslate()

    def read(self, day: date) -> None:
        """Read `day` from the insurer; an answer for a day no longer chosen is dropped."""
        self.day = day

        def shown(result: tuple[AppointmentList, AppointmentDays]) -> None:
            if shiboken6.isValid(self) and self.day == day:
                self.show_day(*result)

        def failed(error: BaseException) -> None:
            if shiboken6.isValid(self) and self.day == day:
                self.show_problem(insurer_problem(error))

        Task.with_insurer(lambda insurer: read_appointments(insurer, day)).success(shown).failure(
            failed
        ).run()

    def retranslate(self) -> None:
        captions = {
            "held": self.tr("Appointments"),
            "came": self.tr("Came (checked in)"),
            "no_show": self.tr("Did not come"),
            "late": self.tr("Cancelled late"),
            "in_time": self.tr("Cancelled in time"),
        }
        for key, tile in self.tiles.items():
            tile.caption.setText(captions[key])
        self.missed_title.setText(self.tr("Did not come or cancelled late"))
        self.missed.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Child"),
                self.tr("Service"),
                self.tr("What happened"),
                self.tr("Fee charged to the family"),
                self.tr("Further bookings here"),
            ]
        )
        self.chart_title.setText(self.tr("Last 30 days: appointments per day"))
        if self.listing is not None and self.days is not None:
            self.show_day(self.listing, self.days)
        elif self.problem is not None:
            self.show_problem(self.problem)
        else:
            self.title.setText(self.tr("Appointments booked through the insurer"))

    def show_day(self, listing: AppointmentList, days: AppointmentDays) -> None:
        self.listing, self.days, self.problem = listing, days, None
        self.title.setText(
            self.tr("Appointments booked through the insurer on {day}").format(
                day=listing.date.isoformat()
            )
        )
        self.status.hide()
        today = next(d for d in days.days if d.date == listing.date)
        self.tiles["held"].value.setText(str(today.kept_or_due))
        self.tiles["held"].note.setText(self.tr("%n still expected", "", today.booked))
        self.tiles["came"].value.setText(str(today.checked_in))
        self.tiles["no_show"].show_value(str(today.no_show), alert=today.no_show > 0)
        self.tiles["late"].show_value(str(today.cancelled_late), alert=today.cancelled_late > 0)
        self.tiles["in_time"].value.setText(str(today.cancelled_in_time))
        rows = []
        for appointment in listing.appointments:
            if appointment.state not in MISSED:
                continue
            missed = appointment.missed
            rows.append(
                [
                    (appointment.starts_at.astimezone(BUSINESS_TZ).strftime("%H:%M"), False),
                    (appointment.member.name_masked, False),
                    (arrivals_text.name(appointment.service), False),
                    (arrivals_text.name(appointment.state), False),
                    money_cell(missed.fee_fen if missed is not None else None),
                    (
                        self.tr("Suspended by the hospital")
                        if missed is not None and missed.booking_suspended
                        else self.tr("Open"),
                        False,
                    ),
                ]
            )
        fill_table(self.missed, rows)
        self.chart.set_days(list(days.days))

    def show_problem(self, text: str) -> None:
        """Why the day could not be read; nothing of another day stays on screen."""
        self.listing, self.days, self.problem = None, None, text
        for tile in self.tiles.values():
            tile.show_value("—")
            tile.note.setText("")
        fill_table(self.missed, [])
        self.chart.set_days([])
        self.status.show()
        self.status.setText(
            self.tr("The insurer's appointments could not be read: {why}").format(why=text)
        )
        set_tone(self.status, "error")
