"""The insurer's appointment book: appointments it booked for members at partner hospitals, and the
timings the plan manual gives them (部分公立医院直付).

- Booking: "服务人员将在2个工作日内为您进行预约安排" — a request made on day T may name a
  date with at least `LEAD_TIME_WORKING_DAYS` working days strictly between (the pre-auth lead
  time's counting, `insurer_sandbox.workdays`).
- Cancelling: "请至少提前一个工作日16:00点前致电专属热线" — in time until 16:00 Asia/Shanghai
  on the last working day before the appointment's date (`cancel_by`); later, it is missed.

A booked appointment whose Asia/Shanghai day has ended reads as a no-show (the hospital reports it
overnight): every read derives it (`AppointmentRecord.state`), so lists, day counts, the member's
page and booking suspensions agree without a nightly job. The hospital's fee for a missed
appointment is a per-clinic figure (`DEMO_MISSED_APPOINTMENT_FEES_FEN`); a late cancel or a marked
no-show keeps the fee of its time.

Only storage and timings here (seeding uses it); the rules that refuse a booking or a cancel are
`insurer_sandbox.appointments`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from insurer_sandbox.demo import DEMO_MISSED_APPOINTMENT_FEES_FEN
from insurer_sandbox.workdays import BUSINESS_TZ, is_working_day, working_calendar
from kiosk.insurer.appointments import (
    MISSED,
    AppointmentService,
    AppointmentState,
    BookedBy,
    MissedAppointment,
)
from kiosk.insurer.models import WorkingCalendar

LEAD_TIME_WORKING_DAYS = 2
"""服务人员将在2个工作日内为您进行预约安排."""

CANCEL_BY_TIME = time(16, 0)
"""请至少提前一个工作日16:00点前 (Asia/Shanghai)."""

SLOTS: tuple[time, ...] = tuple(time(8 + (n + 1) // 2, 30 * ((n + 1) % 2)) for n in range(17))
"""The times a booking may name: 08:30 to 16:30, every 30 minutes."""

DEPARTMENTS: dict[AppointmentService, str] = {
    AppointmentService.OUTPATIENT: "国际部儿科",
    AppointmentService.VACCINATION: "国际部预防接种门诊",
    AppointmentService.PROCEDURE: "特需部检查治疗中心",
}
"""The department a service is booked with, as the hospital names it."""


def _values(enum: type[StrEnum]) -> str:
    return ", ".join(f"'{member.value}'" for member in enum)


TABLE = f"""CREATE TABLE IF NOT EXISTS appointments (
    appointment_id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members (member_id),
    clinic_id TEXT NOT NULL REFERENCES clinics (clinic_id),
    day TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    service TEXT NOT NULL CHECK (service IN ({_values(AppointmentService)})),
    department TEXT NOT NULL,
    preauth_id TEXT REFERENCES preauths (preauth_id),
    booked_by TEXT NOT NULL CHECK (booked_by IN ({_values(BookedBy)})),
    booked_at TEXT NOT NULL,
    cancel_by TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ({_values(AppointmentState)})),
    checked_in_at TEXT,
    cancelled_at TEXT,
    missed_fee_fen INTEGER CHECK (missed_fee_fen IS NULL OR missed_fee_fen >= 0)
)"""
"""`day` is the Asia/Shanghai date of `starts_at` (stored in UTC, so text order is time order);
`missed_fee_fen` is kept once a cancel is late or a no-show is marked. IF NOT EXISTS: a database
taken back to an older version by the migration tests still has it."""

INDEXES = (
    "CREATE INDEX IF NOT EXISTS appointments_by_clinic_day ON appointments (clinic_id, day)",
    "CREATE INDEX IF NOT EXISTS appointments_by_member ON appointments (member_id, clinic_id)",
)


def cancel_by(day: date) -> datetime:
    """16:00 Asia/Shanghai on the last working day strictly before `day` (holidays skipped,
    make-up working days counted)."""
    last = day - timedelta(days=1)
    while not is_working_day(last):
        last -= timedelta(days=1)
    return datetime.combine(last, CANCEL_BY_TIME, tzinfo=BUSINESS_TZ)


def booking_calendar(today: date) -> WorkingCalendar:
    """The calendar a booking requested `today` is judged by: its earliest date."""
    return working_calendar(today, LEAD_TIME_WORKING_DAYS)


def missed_fee(clinic_id: str) -> int:
    """The hospital's fee for a slot cancelled late or missed (0: it charges none)."""
    return DEMO_MISSED_APPOINTMENT_FEES_FEN.get(clinic_id, 0)


@dataclass(frozen=True)
class Booking:
    """What is booked: who, where, when, for what, and by whom."""

    member_id: str
    clinic_id: str
    starts_at: datetime
    service: AppointmentService
    department: str
    preauth_id: str | None
    booked_by: BookedBy
    booked_at: datetime

    @property
    def day(self) -> date:
        return self.starts_at.astimezone(BUSINESS_TZ).date()


@dataclass(frozen=True)
class AppointmentRecord:
    """An appointment as read on `today`, with its member and clinic as the insurer holds them."""

    appointment_id: str
    booking: Booking
    cancel_by: datetime
    state: AppointmentState
    """As of the reading day: a booked appointment of a day that has ended is a no-show."""
    checked_in_at: datetime | None
    cancelled_at: datetime | None
    missed: MissedAppointment | None
    clinic_name: str
    child_name: str
    birth_year: int
    guardian_phone: str


def insert(
    db: sqlite3.Connection,
    appointment_id: str,
    booking: Booking,
    *,
    state: AppointmentState = AppointmentState.BOOKED,
    checked_in_at: datetime | None = None,
    cancelled_at: datetime | None = None,
) -> None:
    """Record an appointment (seeding gives some an outcome already; a missed one keeps the
    clinic's fee of now)."""
    fee = missed_fee(booking.clinic_id) if state in MISSED else None
    db.execute(
        "INSERT INTO appointments (appointment_id, member_id, clinic_id, day, starts_at, service, "
        "department, preauth_id, booked_by, booked_at, cancel_by, state, checked_in_at, "
        "cancelled_at, missed_fee_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            appointment_id,
            booking.member_id,
            booking.clinic_id,
            booking.day.isoformat(),
            _utc(booking.starts_at),
            booking.service.value,
            booking.department,
            booking.preauth_id,
            booking.booked_by.value,
            _utc(booking.booked_at),
            _utc(cancel_by(booking.day)),
            state.value,
            _utc(checked_in_at) if checked_in_at else None,
            _utc(cancelled_at) if cancelled_at else None,
            fee,
        ),
    )


def check_in(db: sqlite3.Connection, appointment_id: str, now: datetime) -> None:
    db.execute(
        "UPDATE appointments SET state = ?, checked_in_at = ? WHERE appointment_id = ?",
        (AppointmentState.CHECKED_IN.value, _utc(now), appointment_id),
    )


def cancel(
    db: sqlite3.Connection, record: AppointmentRecord, state: AppointmentState, now: datetime
) -> None:
    """Cancelled in time, or late (then with the clinic's fee)."""
    fee = missed_fee(record.booking.clinic_id) if state in MISSED else None
    db.execute(
        "UPDATE appointments SET state = ?, cancelled_at = ?, missed_fee_fen = ? "
        "WHERE appointment_id = ?",
        (state.value, _utc(now), fee, record.appointment_id),
    )


def mark_no_show(db: sqlite3.Connection, record: AppointmentRecord) -> None:
    db.execute(
        "UPDATE appointments SET state = ?, missed_fee_fen = ? WHERE appointment_id = ?",
        (
            AppointmentState.NO_SHOW.value,
            missed_fee(record.booking.clinic_id),
            record.appointment_id,
        ),
    )


_SELECT = (
    "SELECT a.*, c.name AS clinic_name, m.child_name, m.birth_year, m.guardian_phone "
    "FROM appointments a JOIN clinics c ON c.clinic_id = a.clinic_id "
    "JOIN members m ON m.member_id = a.member_id"
)
_ORDER = " ORDER BY a.starts_at, a.appointment_id"


def one(db: sqlite3.Connection, appointment_id: str, today: date) -> AppointmentRecord | None:
    row = db.execute(f"{_SELECT} WHERE a.appointment_id = ?", (appointment_id,)).fetchone()
    return _record(row, today) if row else None


def at_clinic(
    db: sqlite3.Connection,
    clinic_id: str,
    first_day: date,
    last_day: date,
    today: date,
    *,
    member_id: str | None = None,
) -> list[AppointmentRecord]:
    """The clinic's appointments from `first_day` to `last_day` (both included), by start time
    and id; only `member_id`'s when given."""
    where = " WHERE a.clinic_id = ? AND a.day BETWEEN ? AND ?"
    params: list[str] = [clinic_id, first_day.isoformat(), last_day.isoformat()]
    if member_id is not None:
        where += " AND a.member_id = ?"
        params.append(member_id)
    rows = db.execute(_SELECT + where + _ORDER, params).fetchall()
    return [_record(row, today) for row in rows]


def of_member(db: sqlite3.Connection, member_id: str, today: date) -> list[AppointmentRecord]:
    """The member's appointments everywhere, by start time and id."""
    rows = db.execute(f"{_SELECT} WHERE a.member_id = ?{_ORDER}", (member_id,)).fetchall()
    return [_record(row, today) for row in rows]


def suspended(db: sqlite3.Connection, member_id: str, clinic_id: str, today: date) -> bool:
    """The hospital takes no more bookings for a member who cancelled late or missed an
    appointment there ("被医院列入黑名单")."""
    rows = db.execute(
        f"{_SELECT} WHERE a.member_id = ? AND a.clinic_id = ?", (member_id, clinic_id)
    ).fetchall()
    return any(_record(row, today).missed for row in rows)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _record(row: sqlite3.Row, today: date) -> AppointmentRecord:
    state = AppointmentState(row["state"])
    if state is AppointmentState.BOOKED and date.fromisoformat(row["day"]) < today:
        state = AppointmentState.NO_SHOW
    fee = row["missed_fee_fen"]
    missed = (
        MissedAppointment(
            booking_suspended=True, fee_fen=missed_fee(row["clinic_id"]) if fee is None else fee
        )
        if state in MISSED
        else None
    )
    return AppointmentRecord(
        appointment_id=row["appointment_id"],
        booking=Booking(
            member_id=row["member_id"],
            clinic_id=row["clinic_id"],
            starts_at=datetime.fromisoformat(row["starts_at"]),
            service=AppointmentService(row["service"]),
            department=row["department"],
            preauth_id=row["preauth_id"],
            booked_by=BookedBy(row["booked_by"]),
            booked_at=datetime.fromisoformat(row["booked_at"]),
        ),
        cancel_by=datetime.fromisoformat(row["cancel_by"]),
        state=state,
        checked_in_at=_moment(row["checked_in_at"]),
        cancelled_at=_moment(row["cancelled_at"]),
        missed=missed,
        clinic_name=row["clinic_name"],
        child_name=row["child_name"],
        birth_year=row["birth_year"],
        guardian_phone=row["guardian_phone"],
    )
