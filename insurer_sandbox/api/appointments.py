"""Appointments the insurer booked at the calling clinic: a day's list, counts per day, check-in at
the desk, no-shows, and the day-before eligibility check.

Route order matters: `/appointments/days` and `/appointments/check-in` are declared before the
`/appointments/{appointment_id}/...` routes.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query

from insurer_sandbox import appointment_book
from insurer_sandbox.api.common import ClinicDep, PlanDep, StoreDep, business_day
from insurer_sandbox.appointment_book import AppointmentRecord
from insurer_sandbox.appointments import appointment
from insurer_sandbox.eligibility import eligibility
from insurer_sandbox.problems import ProblemError, problem_responses
from kiosk.insurer.appointments import (
    MAX_APPOINTMENT_DAYS,
    Appointment,
    AppointmentDay,
    AppointmentDays,
    AppointmentList,
    AppointmentState,
    CheckedIn,
    CheckIn,
)
from kiosk.insurer.models import Eligibility, IsoDate

router = APIRouter()

NO_SUCH_APPOINTMENT = "no such appointment for this clinic"

CHECK_IN_AHEAD = timedelta(hours=3)
"""A scan checks in a booked appointment starting within this (or any, before the first
check-in of the day): a second scan at the same visit is not the afternoon's appointment."""

NO_SUCH_BOOKED_APPOINTMENT = "no booked appointment with this id in the next 10 days"

ELIGIBILITY_AHEAD_DAYS = 10
"""How far ahead a booked appointment's member may be checked without their card: the day
before, or the last working day before a long holiday (National Day: 8 days)."""


@router.get("/appointments", responses=problem_responses(401))
def list_appointments(
    day: Annotated[IsoDate, Query(alias="date", description="The day (Asia/Shanghai)")],
    clinic: ClinicDep,
    store: StoreDep,
) -> AppointmentList:
    """The calling clinic's appointments on one day, every state, by start time then id; each
    member as on screens (the child's name masked). A booked appointment of a day that has
    ended is a `no_show` (the hospital reports it overnight)."""
    _, today = business_day(store)
    with store.reading() as db:
        records = appointment_book.at_clinic(db, clinic, day, day, today)
    return AppointmentList(
        date=day, clinic_id=clinic, appointments=[appointment(r) for r in records]
    )


@router.get(
    "/appointments/days",
    responses=problem_responses(
        401,
        also_422="`validation-error`: `from` is after `to`, or the range is longer than "
        f"{MAX_APPOINTMENT_DAYS} days.",
    ),
)
def appointment_days(
    from_date: Annotated[IsoDate, Query(alias="from", description="First day")],
    to_date: Annotated[IsoDate, Query(alias="to", description="Last day")],
    clinic: ClinicDep,
    store: StoreDep,
) -> AppointmentDays:
    """The calling clinic's appointments counted by state for every day from `from` to `to`,
    both included, in order (a day without any has zeros). 422 `validation-error` when `from` is
    after `to` or the range is longer than 62 days."""
    if from_date > to_date:
        raise ProblemError(422, "validation-error", "from is after to")
    span = (to_date - from_date).days + 1
    if span > MAX_APPOINTMENT_DAYS:
        raise ProblemError(
            422, "validation-error", f"the range is longer than {MAX_APPOINTMENT_DAYS} days"
        )
    _, today = business_day(store)
    with store.reading() as db:
        records = appointment_book.at_clinic(db, clinic, from_date, to_date, today)
    counts = Counter((r.booking.day, r.state) for r in records)
    days = (from_date + timedelta(days=n) for n in range(span))
    return AppointmentDays(
        days=[
            AppointmentDay(date=day, **{s.value: counts[day, s] for s in AppointmentState})
            for day in days
        ]
    )


@router.post("/appointments/check-in", responses=problem_responses(400, 401))
def check_in(body: CheckIn, clinic: ClinicDep, store: StoreDep) -> CheckedIn:
    """The member on the scanned card is at the desk: of their appointments at the calling clinic
    today, the earliest `booked` one that starts within 3 hours becomes `checked_in` (`already`
    false) — or, when none was checked in yet, the earliest `booked` one (a family early for
    the afternoon). A member already checked in whose next appointment is more than 3 hours
    away (the card shown again at the same visit) gets that check-in back with `already` true
    and nothing changes: a member is not checked in twice for one visit. No appointment today,
    an unknown member or another clinic's member: `appointment` null. Whatever the card's
    state: the arrival is real, eligibility is another question."""
    now, today = business_day(store)
    with store.writing() as db:
        todays = appointment_book.at_clinic(
            db, clinic, today, today, today, member_id=body.member_id
        )
        booked = [r for r in todays if r.state is AppointmentState.BOOKED]
        checked_in = [r for r in todays if r.state is AppointmentState.CHECKED_IN]
        due = [r for r in booked if r.booking.starts_at - now <= CHECK_IN_AHEAD]
        if booked and (due or not checked_in):
            chosen = (due or booked)[0]
            appointment_book.check_in(db, chosen.appointment_id, now)
            return CheckedIn(
                appointment=appointment(_visible(db, clinic, chosen.appointment_id, today)),
                already=False,
            )
    if checked_in:
        return CheckedIn(appointment=appointment(checked_in[-1]), already=True)
    return CheckedIn(appointment=None, already=False)


def _visible(
    db: sqlite3.Connection, clinic: str, appointment_id: str, today: date
) -> AppointmentRecord:
    """The calling clinic's appointment; another clinic's is answered as one that does not
    exist."""
    record = appointment_book.one(db, appointment_id, today)
    if record is None or record.booking.clinic_id != clinic:
        raise ProblemError(404, "not-found", NO_SUCH_APPOINTMENT)
    return record


@router.post(
    "/appointments/{appointment_id}/no-show",
    responses=problem_responses(
        401,
        404,
        409,
        only_409="`appointment-not-due`: its start time has not come; "
        "`appointment-not-booked`: it is checked in or cancelled.",
    ),
)
def mark_no_show(appointment_id: str, clinic: ClinicDep, store: StoreDep) -> Appointment:
    """The member did not come: a booked appointment whose start time has come becomes
    `no_show`, with `missed` (booking at this clinic suspended, the clinic's fee). Marking a
    no-show again answers it unchanged. 409 `appointment-not-due` before its start time, 409
    `appointment-not-booked` once checked in or cancelled; 404 `not-found` for another clinic's
    appointment, as for an unknown one."""
    now, today = business_day(store)
    with store.writing() as db:
        record = _visible(db, clinic, appointment_id, today)
        if record.state is AppointmentState.NO_SHOW:
            return appointment(record)
        if record.state is not AppointmentState.BOOKED:
            raise ProblemError(
                409, "appointment-not-booked", f"the appointment is {record.state.value}"
            )
        if now < record.booking.starts_at:
            raise ProblemError(409, "appointment-not-due", "the appointment has not started yet")
        appointment_book.mark_no_show(db, record)
        return appointment(_visible(db, clinic, appointment_id, today))


@router.get("/appointments/{appointment_id}/eligibility", responses=problem_responses(401, 404))
def appointment_eligibility(
    appointment_id: str, clinic: ClinicDep, store: StoreDep, plan: PlanDep
) -> Eligibility:
    """Eligibility now, at the calling clinic, of the member a booked appointment is for (the
    day-before check): as `POST /v1/eligibility/token` answers, an out-of-network member
    included (the clinic holds the appointment already). Only while the appointment is booked,
    from today to 10 days ahead: the card's consent is the booking itself. 404 `not-found` for
    a cancelled, kept, missed, past or far-off appointment, and for another clinic's or an
    unknown one."""
    now, today = business_day(store)
    with store.reading() as db:
        record = _visible(db, clinic, appointment_id, today)
        ahead = (record.booking.day - today).days
        if record.state is not AppointmentState.BOOKED or not 0 <= ahead <= ELIGIBILITY_AHEAD_DAYS:
            raise ProblemError(404, "not-found", NO_SUCH_BOOKED_APPOINTMENT)
        member_id = record.booking.member_id
        member = store.member(db, member_id)
        preauths = store.preauths(db, member_id)
    return eligibility(plan, member, preauths, clinic, now)
