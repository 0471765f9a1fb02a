"""Arrivals: the insurer's appointments here, checked in on scan and checked the day before.

At a hospital department that takes direct billing only by appointment (the plan manual:
"享受部分公立医院直付服务需提前预约"), reception needs to know who is coming, and whether
each family's card will direct-bill when they come: a greyed card, an ended policy, a clinic
outside the plan's network or a pre-auth still undecided is a phone call the day before, not a
refusal at the desk.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from kiosk.business_day import business_day
from kiosk.insurer.appointments import (
    Appointment,
    AppointmentList,
    AppointmentState,
    CheckedIn,
)
from kiosk.insurer.errors import InsurerError, InsurerUnreachable
from kiosk.insurer.models import CardStatus, Eligibility, PreAuth, PreAuthStatus
from kiosk.money import format_yuan

log = logging.getLogger(__name__)

CHECK_EVERY = timedelta(hours=1)
"""How often a running kiosk checks tomorrow's arrivals again: a family that paid its unpaid
amount in the afternoon drops off the list before reception calls them."""

REFRESH_EVERY = timedelta(minutes=5)
"""How often the desk's list of today's arrivals is read again (bookings and cancellations
made through the insurer's hotline reach the desk within this)."""


class ArrivalsInsurer(Protocol):
    """The insurer calls arrivals need (`InsurerClient` has them)."""

    def appointments(self, day: date) -> AppointmentList: ...

    def check_in(self, member_id: str) -> CheckedIn: ...

    def appointment_eligibility(self, appointment_id: str) -> Eligibility: ...


# --- at the desk: the scanned member's appointment today


@dataclass(frozen=True)
class Arrival:
    """What the desk learnt of the scanned member's appointment today."""

    appointment: Appointment | None
    already_checked_in: bool = False
    """Checked in before this scan (a second scan of the card): nothing was changed."""
    unconfirmed: bool = False
    """The insurer could not be asked: whether there is an appointment is not known."""


def arrive(insurer: ArrivalsInsurer, member_id: str) -> Arrival:
    """Check the member in for their appointment today, if they have one. A failure is an
    answer ("unconfirmed"), never an exception: the visit goes on whatever happens here."""
    try:
        answer = insurer.check_in(member_id)
    except InsurerError as exc:
        log.warning("check-in not confirmed: %s", exc)
        return Arrival(None, unconfirmed=True)
    return Arrival(answer.appointment, already_checked_in=answer.already)


def check_card(
    insurer: ArrivalsInsurer, ask: Callable[[], Eligibility]
) -> tuple[Eligibility, Arrival | None]:
    """The insurer's eligibility answer (`ask`), then, for a member it knows, their arrival: one
    step for the desk, so the card's screen already knows whether they were expected."""
    eligibility = ask()
    member = eligibility.member
    return eligibility, arrive(insurer, member.member_id) if member is not None else None


class CheckInsToRetry:
    """Members whose check-in the insurer did not confirm today (it could not be reached, or the
    visit went on under a phone guarantee). Each is tried again with every read of the day's
    list: a family that came must not stay "booked", because a booked appointment whose day
    ends is a no-show — the hospital may blacklist the member and charge its fee. Kept for the
    day only; thread-safe (the scan screen adds, a worker retries)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._day: date | None = None
        self._members: set[str] = set()

    def add(self, member_id: str, day: date) -> None:
        with self._lock:
            if self._day != day:
                self._day, self._members = day, set()
            self._members.add(member_id)

    def retry(self, insurer: ArrivalsInsurer, day: date) -> int:
        """Try each one again; those the insurer answered are done. How many are left."""
        with self._lock:
            if self._day != day:
                self._day, self._members = day, set()
            members = sorted(self._members)
        for member_id in members:
            try:
                insurer.check_in(member_id)
            except InsurerError as exc:
                log.warning("check-in still not confirmed: %s", exc)
                continue
            with self._lock:
                self._members.discard(member_id)
        with self._lock:
            return len(self._members)


# --- the day before: who will not direct-bill, and what to tell them

CALL_AHEAD_DAYS = 10
"""How far ahead a call can be due: the day before a long holiday (National Day, 8 days) is the
last day to cancel in time for every appointment during it."""


class ArrivalProblem(StrEnum):
    """Why a booked family would be refused direct billing on the day, as far as is known now."""

    GREYED_UNPAID = "greyed-unpaid"
    POLICY_ENDED = "policy-ended"
    NOT_YET_IN_FORCE = "not-yet-in-force"
    NOT_IN_NETWORK = "not-in-network"
    NOT_FOUND = "not-found"
    PREAUTH_PENDING = "preauth-pending"
    PREAUTH_DENIED = "preauth-denied"
    PREAUTH_NOT_USABLE = "preauth-not-usable"
    NOT_CHECKED = "not-checked"


ADVICE: dict[ArrivalProblem, str] = {
    ArrivalProblem.GREYED_UNPAID: (
        "Ask the family to pay the {amount} still unpaid in the e-card (就诊记录 → 支付) "
        "before they come; otherwise the visit is self-pay."
    ),
    ArrivalProblem.POLICY_ENDED: (
        "The policy will have ended by the appointment: ask the family to renew it, or to come "
        "ready to pay themselves."
    ),
    ArrivalProblem.NOT_YET_IN_FORCE: (
        "The policy is not in force on the appointment's day: the family can move the "
        "appointment through the insurer's hotline, or the visit is self-pay."
    ),
    ArrivalProblem.NOT_IN_NETWORK: (
        "This clinic is not in the plan's network: the family can move the appointment to a "
        "network clinic through the insurer's hotline, or come as a self-pay visit."
    ),
    ArrivalProblem.NOT_FOUND: (
        "The insurer no longer knows this member: ask the family to call its hotline."
    ),
    ArrivalProblem.PREAUTH_PENDING: (
        "The insurer has not decided the pre-authorisation for the booked procedure yet: remind "
        "the family it must be approved first, or they pay for the procedure."
    ),
    ArrivalProblem.PREAUTH_DENIED: (
        "The insurer refused the pre-authorisation for the booked procedure: the family pays "
        "for it, or moves the appointment through the insurer's hotline."
    ),
    ArrivalProblem.PREAUTH_NOT_USABLE: (
        "The pre-authorisation for the booked procedure will not cover it on the day (used up, "
        "nothing left, or outside its dates): the family asks the insurer for a new one, or "
        "pays for the procedure."
    ),
    ArrivalProblem.NOT_CHECKED: (
        "The insurer could not be asked about this family: the kiosk tries again."
    ),
}
"""What reception tells the family (`{amount}`: a greyed card's unpaid amount). The screens
translate the same sentences (`ui.arrivals_text`, checked equal by the tests)."""


@dataclass(frozen=True)
class ArrivalCheck:
    """One booked appointment with what stands in its way, if anything."""

    appointment: Appointment
    problems: tuple[ArrivalProblem, ...]
    unpaid_fen: int | None = None
    """The amount that greys the card, for reception to name."""

    def advice(self) -> list[str]:
        """What to tell the family, in English, one sentence per problem."""
        unpaid = format_yuan(self.unpaid_fen) if self.unpaid_fen is not None else ""
        return [ADVICE[p].format(amount=unpaid) for p in self.problems]


@dataclass(frozen=True)
class DayBeforeCheck:
    """The booked appointments reception should call about on `on`, checked at `checked_at`."""

    on: date
    checked_at: datetime
    arrivals: tuple[ArrivalCheck, ...]

    @property
    def problems(self) -> tuple[ArrivalCheck, ...]:
        return tuple(a for a in self.arrivals if a.problems)


def appointment_day(appointment: Appointment) -> date:
    return business_day(appointment.starts_at)


def booked_on(insurer: ArrivalsInsurer, day: date) -> list[Appointment]:
    """The appointments still booked on `day`."""
    return [a for a in insurer.appointments(day).appointments if a.state is AppointmentState.BOOKED]


def calls_due(insurer: ArrivalsInsurer, today: date) -> list[Appointment]:
    """The booked appointments to call about on `today`: tomorrow's, and later ones whose
    cancelling in time ends today (16:00 on the last working day before them: the day before a
    weekend or a holiday). The manual: "如需取消或调整时间，请至少提前一个工作日16:00点前
    致电专属热线"."""
    due: list[Appointment] = []
    for ahead in range(1, CALL_AHEAD_DAYS + 1):
        booked = booked_on(insurer, today + timedelta(days=ahead))
        if ahead > 1 and any(business_day(a.cancel_by) > today for a in booked):
            break  # this day's deadline is a later day: so is every day after it
        due += [a for a in booked if ahead == 1 or business_day(a.cancel_by) <= today]
    return due


def check_arrivals(
    insurer: ArrivalsInsurer,
    appointments: list[Appointment],
    clock: Callable[[], datetime],
) -> DayBeforeCheck:
    """Each appointment against the insurer's eligibility answer now, read for its own day.

    The insurer must stay reachable (`InsurerUnreachable` otherwise: the check is tried again
    later); a member the insurer will not answer about is listed as `NOT_CHECKED` rather than
    dropped, so reception sees every family."""
    checks = []
    for appointment in appointments:
        try:
            answer = insurer.appointment_eligibility(appointment.appointment_id)
        except InsurerUnreachable:
            raise  # the rest would wait as long again: the check as a whole is tried later
        except InsurerError as exc:
            log.warning("day-before check of one appointment failed: %s", exc)
            checks.append(ArrivalCheck(appointment, (ArrivalProblem.NOT_CHECKED,)))
            continue
        checks.append(judge(appointment, answer))
    now = clock()
    return DayBeforeCheck(on=business_day(now), checked_at=now, arrivals=tuple(checks))


def judge(appointment: Appointment, eligibility: Eligibility) -> ArrivalCheck:
    """What would stop direct billing on the appointment's day, from today's answer: the card as
    it stands now, the policy period against that day, and the booked procedure's pre-auth (its
    decision, and whether an approval will still cover it then)."""
    if eligibility.status is CardStatus.NOT_FOUND:
        return ArrivalCheck(appointment, (ArrivalProblem.NOT_FOUND,))
    day = appointment_day(appointment)
    problems: list[ArrivalProblem] = []
    if eligibility.status is CardStatus.GREYED_UNPAID:
        problems.append(ArrivalProblem.GREYED_UNPAID)
    coverage = eligibility.coverage
    if eligibility.status is CardStatus.EXPIRED or (
        coverage is not None and coverage.period_end < day
    ):
        problems.append(ArrivalProblem.POLICY_ENDED)
    elif coverage is not None and coverage.period_start > day:
        problems.append(ArrivalProblem.NOT_YET_IN_FORCE)
    if not eligibility.in_network:
        problems.append(ArrivalProblem.NOT_IN_NETWORK)
    elif appointment.preauth_id is not None:
        problems += _preauth_problems(appointment.preauth_id, eligibility.preauths, day)
    unpaid = eligibility.unpaid.amount_fen if eligibility.unpaid is not None else None
    return ArrivalCheck(appointment, tuple(problems), unpaid_fen=unpaid)


def _preauth_problems(preauth_id: str, preauths: list[PreAuth], day: date) -> list[ArrivalProblem]:
    preauth = next((p for p in preauths if p.preauth_id == preauth_id), None)
    if preauth is None:
        return [ArrivalProblem.PREAUTH_NOT_USABLE]  # no longer on the member's record
    if preauth.status in (PreAuthStatus.PENDING, PreAuthStatus.INFO_REQUESTED):
        return [ArrivalProblem.PREAUTH_PENDING]
    if preauth.status is PreAuthStatus.DENIED:
        return [ArrivalProblem.PREAUTH_DENIED]
    return [] if preauth.usable_on(day) else [ArrivalProblem.PREAUTH_NOT_USABLE]
