"""Arrivals: the insurer's appointments here, checked in on scan and checked the day before.

At a hospital department that takes direct billing only by appointment (the plan manual:
"享受部分公立医院直付服务需提前预约"), reception needs to know who is coming, and whether
each family's card will direct-bill when they come: a greyed card, an ended policy, a clinic
outside the plan's network or a pre-auth still undecided is a phone call the day before, not a
refusal at the desk.
"""

from __future__ import annotations

import logging
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


# --- the day before: who will not direct-bill, and what to tell them


class ArrivalProblem(StrEnum):
    """Why a booked family would be refused direct billing on the day, as far as is known now."""

    GREYED_UNPAID = "greyed-unpaid"
    POLICY_ENDED = "policy-ended"
    NOT_YET_IN_FORCE = "not-yet-in-force"
    NOT_IN_NETWORK = "not-in-network"
    NOT_FOUND = "not-found"
    PREAUTH_PENDING = "preauth-pending"
    PREAUTH_DENIED = "preauth-denied"
    NOT_CHECKED = "not-checked"


ADVICE: dict[ArrivalProblem, str] = {
    ArrivalProblem.GREYED_UNPAID: (
        "The e-card is greyed out: an earlier self-pay amount is unpaid. Ask the family to pay "
        "it in the e-card before they come; otherwise the visit is self-pay."
    ),
    ArrivalProblem.POLICY_ENDED: (
        "The policy will have ended by the appointment: ask the family to renew it or to come "
        "prepared to pay themselves."
    ),
    ArrivalProblem.NOT_YET_IN_FORCE: (
        "The policy is not in force yet on the appointment's date: move the appointment through "
        "the insurer's hotline, or the visit is self-pay."
    ),
    ArrivalProblem.NOT_IN_NETWORK: (
        "This clinic is not in the plan's network: the family can move the appointment to a "
        "network clinic through the insurer's hotline, or come as a self-pay visit."
    ),
    ArrivalProblem.NOT_FOUND: (
        "The insurer no longer knows this member: ask the family to call the insurer's hotline."
    ),
    ArrivalProblem.PREAUTH_PENDING: (
        "The pre-authorisation for the booked procedure is not decided yet: remind the family "
        "that it must be approved before the procedure, or they pay for it."
    ),
    ArrivalProblem.PREAUTH_DENIED: (
        "The insurer refused the pre-authorisation for the booked procedure: the family pays "
        "for it themselves, or moves the appointment."
    ),
    ArrivalProblem.NOT_CHECKED: (
        "The insurer could not be asked about this family: the kiosk tries again within the hour."
    ),
}
"""What reception tells the family, in English (the CLI's words; screens translate their own)."""


@dataclass(frozen=True)
class ArrivalCheck:
    """One booked appointment with what stands in its way, if anything."""

    appointment: Appointment
    problems: tuple[ArrivalProblem, ...]
    unpaid_fen: int | None = None
    """The amount that greys the card, for reception to name."""
    preauth: PreAuth | None = None
    """The booked procedure's pre-auth, when it has one."""


@dataclass(frozen=True)
class DayBeforeCheck:
    """Every booked appointment of `day`, checked at `checked_at`."""

    day: date
    checked_at: datetime
    arrivals: tuple[ArrivalCheck, ...]

    @property
    def problems(self) -> tuple[ArrivalCheck, ...]:
        return tuple(a for a in self.arrivals if a.problems)


def tomorrow(now: datetime) -> date:
    """The day whose arrivals are checked the day before."""
    return business_day(now) + timedelta(days=1)


def check_arrivals(
    insurer: ArrivalsInsurer, day: date, clock: Callable[[], datetime]
) -> DayBeforeCheck:
    """Each appointment still booked on `day`, against the insurer's eligibility answer now.

    The list must come, and the insurer stay reachable (an `InsurerError` otherwise: the check is
    tried again later); a member the insurer will not answer about is listed as `NOT_CHECKED`
    rather than dropped, so reception sees every family."""
    booked = [
        a for a in insurer.appointments(day).appointments if a.state is AppointmentState.BOOKED
    ]
    checks = []
    for appointment in booked:
        try:
            answer = insurer.appointment_eligibility(appointment.appointment_id)
        except InsurerUnreachable:
            raise  # the rest would wait as long again: the check as a whole is tried later
        except InsurerError as exc:
            log.warning("day-before check of one appointment failed: %s", exc)
            checks.append(ArrivalCheck(appointment, (ArrivalProblem.NOT_CHECKED,)))
            continue
        checks.append(judge(appointment, answer, day))
    return DayBeforeCheck(day=day, checked_at=clock(), arrivals=tuple(checks))


def judge(appointment: Appointment, eligibility: Eligibility, day: date) -> ArrivalCheck:
    """What would stop direct billing on `day` for this appointment, from today's answer: the
    card as it stands now, the policy period against the appointment's date, and the booked
    procedure's pre-auth."""
    if eligibility.status is CardStatus.NOT_FOUND:
        return ArrivalCheck(appointment, (ArrivalProblem.NOT_FOUND,))
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
    preauth = next(
        (p for p in eligibility.preauths if p.preauth_id == appointment.preauth_id), None
    )
    if preauth is not None and preauth.status in (
        PreAuthStatus.PENDING,
        PreAuthStatus.INFO_REQUESTED,
    ):
        problems.append(ArrivalProblem.PREAUTH_PENDING)
    elif preauth is not None and preauth.status is PreAuthStatus.DENIED:
        problems.append(ArrivalProblem.PREAUTH_DENIED)
    unpaid = eligibility.unpaid.amount_fen if eligibility.unpaid is not None else None
    return ArrivalCheck(appointment, tuple(problems), unpaid_fen=unpaid, preauth=preauth)
