"""Green, amber or red: what the insurer's eligibility answer means at the desk, and why.

One card's verdict with each reason (a `Caution` per sentence on the eligibility screen), read
from the insurer's answer, the clinic's appointment rule and the day the insurer answered on; and
the small readings of the answer the screens share (approvals spent, balances low, the year's
CNY 30,000 pre-auth threshold). No state: the visit (`kiosk.visit`) asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from kiosk.business_day import BUSINESS_TZ
from kiosk.insurer.models import (
    BenefitBalance,
    CardStatus,
    Eligibility,
    PreAuth,
    PreAuthStatus,
)

if TYPE_CHECKING:
    from kiosk.arrivals import Arrival


class Verdict(StrEnum):
    """The one-glance answer on the eligibility screen."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class Caution(StrEnum):
    """Why a card is amber, or red: each one gets its own sentence on screen."""

    FREE_VISITS_USED_UP = "free-visits-used-up"
    PREAUTH_PENDING = "preauth-pending"
    PREAUTH_INFO_REQUESTED = "preauth-info-requested"
    PREAUTH_DENIED = "preauth-denied"
    PREAUTH_NO_LONGER_VALID = "preauth-no-longer-valid"
    PREAUTH_THRESHOLD_NEAR = "preauth-threshold-near"
    PREAUTH_THRESHOLD_PASSED = "preauth-threshold-passed"
    BENEFIT_LOW = "benefit-low"
    BENEFIT_EXHAUSTED = "benefit-exhausted"
    GREYED_UNPAID = "greyed-unpaid"
    EXPIRED = "expired"
    NOT_YET_IN_FORCE = "not-yet-in-force"
    NOT_IN_NETWORK = "not-in-network"
    NOT_FOUND = "not-found"
    NOT_DIRECT_BILLABLE = "not-direct-billable"
    NO_APPOINTMENT = "no-appointment"
    APPOINTMENT_UNCONFIRMED = "appointment-unconfirmed"


THRESHOLD_NEAR_FEN = 500_000
"""Within CNY 5,000 of the CNY 30,000 rule, one ordinary exam or treatment can cross it: reception
hears it at the eligibility screen, not at the bill. The same margin makes a benefit's remaining
annual limit worth a word: one visit can use it up, approvals included."""


@dataclass(frozen=True)
class Assessment:
    verdict: Verdict
    cautions: tuple[Caution, ...]


def assess(
    eligibility: Eligibility, arrival: Arrival | None = None, *, appointments_required: bool = False
) -> Assessment:
    """Green, amber or red, with the reasons, from the insurer's eligibility answer and, where
    the clinic direct-bills only by appointment, the member's appointment today."""
    if eligibility.direct_billing and appointments_required:
        missing = appointment_missing(arrival)
        if missing is not None:
            return Assessment(Verdict.RED, (missing,))
    if not eligibility.direct_billing:
        red: list[Caution] = []
        if eligibility.status is CardStatus.NOT_FOUND:
            red.append(Caution.NOT_FOUND)
        elif eligibility.status is CardStatus.GREYED_UNPAID:
            red.append(Caution.GREYED_UNPAID)
        elif eligibility.status is CardStatus.EXPIRED:
            red.append(Caution.EXPIRED)
        elif eligibility.status is CardStatus.NOT_YET_IN_FORCE:
            red.append(Caution.NOT_YET_IN_FORCE)
        if eligibility.status is not CardStatus.NOT_FOUND and not eligibility.in_network:
            red.append(Caution.NOT_IN_NETWORK)
        return Assessment(Verdict.RED, tuple(red) or (Caution.NOT_DIRECT_BILLABLE,))
    amber: list[Caution] = []
    if eligibility.free_visits_total > 0 and eligibility.free_visits_remaining == 0:
        amber.append(Caution.FREE_VISITS_USED_UP)
    states = {p.status for p in eligibility.preauths}
    if PreAuthStatus.PENDING in states:
        amber.append(Caution.PREAUTH_PENDING)
    if PreAuthStatus.INFO_REQUESTED in states:
        amber.append(Caution.PREAUTH_INFO_REQUESTED)
    if PreAuthStatus.DENIED in states:
        amber.append(Caution.PREAUTH_DENIED)
    if spent_approvals(eligibility):
        amber.append(Caution.PREAUTH_NO_LONGER_VALID)
    cumulative = eligibility.cumulative
    if cumulative is not None and cumulative.billed_fen > cumulative.threshold_fen:
        amber.append(Caution.PREAUTH_THRESHOLD_PASSED)
    elif cumulative is not None and cumulative.left_fen <= THRESHOLD_NEAR_FEN:
        amber.append(Caution.PREAUTH_THRESHOLD_NEAR)
    if low_balances(eligibility):
        amber.append(Caution.BENEFIT_LOW)
    if any(b.remaining_fen == 0 for b in eligibility.balances):
        amber.append(Caution.BENEFIT_EXHAUSTED)
    return Assessment(Verdict.AMBER if amber else Verdict.GREEN, tuple(amber))


def appointment_missing(arrival: Arrival | None) -> Caution | None:
    """Why a clinic that direct-bills only by appointment refuses this visit, or None: the
    member has an appointment here today (booked, now checked in)."""
    if arrival is None or arrival.unconfirmed:
        return Caution.APPOINTMENT_UNCONFIRMED
    if arrival.appointment is None:
        return Caution.NO_APPOINTMENT
    return None


def checked_on(eligibility: Eligibility) -> date:
    """The business day the insurer answered on: what an approval's dates are read against."""
    return eligibility.checked_at.astimezone(BUSINESS_TZ).date()


def spent_approvals(eligibility: Eligibility) -> list[PreAuth]:
    """Approvals that can pay nothing any more: every use taken, nothing left, or past their
    last day (one not valid yet is not spent)."""
    day = checked_on(eligibility)
    return [
        p
        for p in eligibility.preauths
        if p.grant is not None and p.grant.valid_from <= day and not p.usable_on(day)
    ]


def low_balances(eligibility: Eligibility) -> list[BenefitBalance]:
    """Benefits with something, but at most `THRESHOLD_NEAR_FEN`, left of their annual limit."""
    return [b for b in eligibility.balances if 0 < b.remaining_fen <= THRESHOLD_NEAR_FEN]


def year_threshold_crossed(eligibility: Eligibility | None, bill_total_fen: int) -> int | None:
    """The CNY 30,000 rule's threshold when this bill takes the year's billed medical costs over
    it (超过: strictly over), which is what makes its treatments and exams need one; else None."""
    cumulative = eligibility.cumulative if eligibility is not None else None
    if cumulative is None or cumulative.billed_fen + bill_total_fen <= cumulative.threshold_fen:
        return None
    return cumulative.threshold_fen
