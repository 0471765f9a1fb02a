"""The demo's appointments, placed around the seeding day T (Asia/Shanghai): a day at the demo
clinic's desk today, tomorrow's list with each problem the day-before check looks for, and the
30 days before for the manager's figures. Documented in docs/demo-data.md ("Appointments").

Some are seeded as no booking could make them now (an expired member's, a greyed card's, an
out-of-network member's): appointments booked before the member's situation changed, which is
what the day-before check is for.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from insurer_sandbox import appointment_book
from insurer_sandbox.appointment_book import (
    DEPARTMENTS,
    LEAD_TIME_WORKING_DAYS,
    SLOTS,
    Booking,
)
from insurer_sandbox.demo import DEMO_CLINIC_ID, PLUS_ONLY_CLINIC_ID
from insurer_sandbox.workdays import BUSINESS_TZ, is_working_day
from kiosk.insurer.appointments import MISSED, AppointmentService, AppointmentState, BookedBy

OUTPATIENT = AppointmentService.OUTPATIENT
VACCINATION = AppointmentService.VACCINATION
PROCEDURE = AppointmentService.PROCEDURE
BOOKED = AppointmentState.BOOKED
_IN_TIME = AppointmentState.CANCELLED_IN_TIME


@dataclass(frozen=True)
class DemoAppointment:
    """One appointment `in_days` after the seeding day at local time `at`."""

    appointment_id: str
    member_id: str
    in_days: int
    at: time
    service: AppointmentService = OUTPATIENT
    state: AppointmentState = BOOKED
    clinic_id: str = DEMO_CLINIC_ID
    preauth_id: str | None = None
    booked_by: BookedBy = BookedBy.MEMBER_APP


DEMO_APPOINTMENTS: tuple[DemoAppointment, ...] = (
    # Today at the demo clinic's desk; `active_plus` (M26000102) has none today: the kiosk's
    # walk-in.
    DemoAppointment(
        "APT-DEMO-TODAY-1", "M26000107", 0, time(8, 30), state=AppointmentState.NO_SHOW
    ),
    DemoAppointment(
        "APT-DEMO-TODAY-2", "M26000114", 0, time(9, 0), state=AppointmentState.CHECKED_IN
    ),
    DemoAppointment(
        "APT-DEMO-TODAY-3",
        "M26000108",
        0,
        time(10, 0),
        state=AppointmentState.CANCELLED_IN_TIME,
        booked_by=BookedBy.HOTLINE,
    ),
    DemoAppointment(
        "APT-DEMO-TODAY-4", "M26000106", 0, time(11, 0), state=AppointmentState.CANCELLED_LATE
    ),
    DemoAppointment("APT-DEMO-TODAY-5", "M26000113", 0, time(14, 0), service=VACCINATION),
    DemoAppointment(
        "APT-DEMO-TODAY-6",
        "M26000110",
        0,
        time(15, 0),
        service=PROCEDURE,
        preauth_id="PA-DEMO-0110",
        booked_by=BookedBy.HOTLINE,
    ),
    DemoAppointment("APT-DEMO-TODAY-7", "M26000101", 0, time(16, 30)),
    # Tomorrow: one of each problem the day-before check finds, and two without any.
    DemoAppointment("APT-DEMO-TOMORROW-1", "M26000104", 1, time(9, 0)),
    DemoAppointment("APT-DEMO-TOMORROW-2", "M26000105", 1, time(9, 30), booked_by=BookedBy.HOTLINE),
    DemoAppointment(
        "APT-DEMO-TOMORROW-3",
        "M26000109",
        1,
        time(10, 0),
        service=PROCEDURE,
        preauth_id="PA-DEMO-0109",
        booked_by=BookedBy.HOTLINE,
    ),
    DemoAppointment("APT-DEMO-TOMORROW-4", "M26000102", 1, time(10, 30), service=VACCINATION),
    DemoAppointment("APT-DEMO-TOMORROW-5", "M26000108", 1, time(11, 0)),
    DemoAppointment(
        "APT-DEMO-TOMORROW-6", "M26000103", 1, time(9, 0), clinic_id=PLUS_ONLY_CLINIC_ID
    ),
    DemoAppointment(
        "APT-DEMO-TOMORROW-7", "M26000112", 1, time(10, 0), clinic_id=PLUS_ONLY_CLINIC_ID
    ),
)

PAST_DAYS = 30
PAST_OUTCOMES = (
    (0.08, AppointmentState.NO_SHOW),
    (0.14, AppointmentState.CANCELLED_LATE),
    (0.26, _IN_TIME),
    (1.0, AppointmentState.CHECKED_IN),
)
"""Cumulative shares of the past days' outcomes: 8% no-shows, 6% late cancels, 12% cancelled in
time, the rest checked in."""
PAST_PER_DAY = {DEMO_CLINIC_ID: (2, 3, 3, 4, 5), PLUS_ONLY_CLINIC_ID: (0, 1, 1, 2)}
PAST_KEPT_BY = {
    DEMO_CLINIC_ID: (
        "M26000101",
        "M26000102",
        "M26000108",
        "M26000109",
        "M26000110",
        "M26000111",
        "M26000113",
        "M26000116",
    ),
    PLUS_ONLY_CLINIC_ID: ("M26000102", "M26000108", "M26000112"),
}
"""Who came or cancelled in time in the 30 days before T."""
PAST_MISSED_BY = {
    DEMO_CLINIC_ID: ("M26000106", "M26000107"),
    PLUS_ONLY_CLINIC_ID: ("M26000107",),
}
"""Who cancelled late or did not come: only these members are suspended at a clinic, so the
others can still book in the demo."""


def seed_appointments(db: sqlite3.Connection, today: date) -> None:
    """The demo's appointments around `today` (T)."""
    for demo in DEMO_APPOINTMENTS:
        day = today + timedelta(days=demo.in_days)
        _insert(
            db,
            demo.appointment_id,
            Booking(
                member_id=demo.member_id,
                clinic_id=demo.clinic_id,
                starts_at=datetime.combine(day, demo.at, tzinfo=BUSINESS_TZ),
                service=demo.service,
                department=DEPARTMENTS[demo.service],
                preauth_id=demo.preauth_id,
                booked_by=demo.booked_by,
                booked_at=_booked_at(day, days_earlier=2),
            ),
            demo.state,
            checked_in_after=timedelta(minutes=-10),
            cancelled_after=-timedelta(hours=5) if demo.state is _IN_TIME else timedelta(hours=2),
        )
    _seed_past(db, today)


def _seed_past(db: sqlite3.Connection, today: date) -> None:
    """A few appointments a day in the 30 days before `today`, the same for the same day: most
    kept, some cancelled in time, a few cancelled late or missed."""
    rng = random.Random(f"demo-appointments-{today.isoformat()}")
    number = 0
    for back in range(PAST_DAYS, 0, -1):
        day = today - timedelta(days=back)
        for clinic_id, per_day in PAST_PER_DAY.items():
            for at in sorted(rng.sample(SLOTS, rng.choice(per_day))):
                roll = rng.random()
                state = next(s for share, s in PAST_OUTCOMES if roll < share)
                pool = PAST_MISSED_BY if state in MISSED else PAST_KEPT_BY
                service = VACCINATION if rng.random() < 0.2 else OUTPATIENT
                number += 1
                booking = Booking(
                    member_id=rng.choice(pool[clinic_id]),
                    clinic_id=clinic_id,
                    starts_at=datetime.combine(day, at, tzinfo=BUSINESS_TZ),
                    service=service,
                    department=DEPARTMENTS[service],
                    preauth_id=None,
                    booked_by=BookedBy.MEMBER_APP if rng.random() < 0.7 else BookedBy.HOTLINE,
                    booked_at=_booked_at(day, days_earlier=rng.randint(0, 6)),
                )
                _insert(
                    db,
                    f"APT-DEMO-PAST-{number:03d}",
                    booking,
                    state,
                    checked_in_after=timedelta(minutes=-rng.randint(5, 25)),
                    cancelled_after=-timedelta(hours=rng.randint(1, 48))
                    if state is _IN_TIME
                    else timedelta(minutes=rng.randint(1, 900)),
                )


def _insert(
    db: sqlite3.Connection,
    appointment_id: str,
    booking: Booking,
    state: AppointmentState,
    *,
    checked_in_after: timedelta,
    cancelled_after: timedelta,
) -> None:
    """With the outcome's time: checked in `checked_in_after` the start time, cancelled
    `cancelled_after` the cancel-by time (before it for in time, after it for late)."""
    cancelled = state in (_IN_TIME, AppointmentState.CANCELLED_LATE)
    appointment_book.insert(
        db,
        appointment_id,
        booking,
        state=state,
        checked_in_at=booking.starts_at + checked_in_after
        if state is AppointmentState.CHECKED_IN
        else None,
        cancelled_at=appointment_book.cancel_by(booking.day) + cancelled_after
        if cancelled
        else None,
    )


def _booked_at(day: date, *, days_earlier: int) -> datetime:
    """10:15 on a day the booking rule allows for `day` (2 working days strictly between),
    `days_earlier` days before the latest such day."""
    counted, working = 0, day
    while counted < LEAD_TIME_WORKING_DAYS:
        working -= timedelta(days=1)
        counted += is_working_day(working)
    booked = working - timedelta(days=1 + days_earlier)
    return datetime.combine(booked, time(10, 15), tzinfo=BUSINESS_TZ)
