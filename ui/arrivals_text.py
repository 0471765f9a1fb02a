"""The words for appointments: services, states and the day-before problems with what to tell
the family, in the "Arrivals" context, so the desk's list, the day-before list, the card's
screen and the manager's tab say the same thing."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from kiosk.arrivals import ArrivalProblem
from kiosk.insurer.appointments import AppointmentService, AppointmentState
from ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Arrivals"

SERVICES = {
    AppointmentService.OUTPATIENT: QT_TRANSLATE_NOOP("Arrivals", "Outpatient"),
    AppointmentService.VACCINATION: QT_TRANSLATE_NOOP("Arrivals", "Vaccination"),
    AppointmentService.PROCEDURE: QT_TRANSLATE_NOOP("Arrivals", "Procedure"),
}
STATES = {
    AppointmentState.BOOKED: QT_TRANSLATE_NOOP("Arrivals", "Expected"),
    AppointmentState.CHECKED_IN: QT_TRANSLATE_NOOP("Arrivals", "Checked in"),
    AppointmentState.CANCELLED_IN_TIME: QT_TRANSLATE_NOOP("Arrivals", "Cancelled"),
    AppointmentState.CANCELLED_LATE: QT_TRANSLATE_NOOP("Arrivals", "Cancelled late"),
    AppointmentState.NO_SHOW: QT_TRANSLATE_NOOP("Arrivals", "Did not come"),
}
PROBLEMS = {
    ArrivalProblem.GREYED_UNPAID: QT_TRANSLATE_NOOP("Arrivals", "Card on hold (置灰)"),
    ArrivalProblem.POLICY_ENDED: QT_TRANSLATE_NOOP("Arrivals", "Policy ended"),
    ArrivalProblem.NOT_YET_IN_FORCE: QT_TRANSLATE_NOOP("Arrivals", "Policy not in force yet"),
    ArrivalProblem.NOT_IN_NETWORK: QT_TRANSLATE_NOOP("Arrivals", "Clinic not in the network"),
    ArrivalProblem.NOT_FOUND: QT_TRANSLATE_NOOP("Arrivals", "Member unknown to the insurer"),
    ArrivalProblem.PREAUTH_PENDING: QT_TRANSLATE_NOOP("Arrivals", "Pre-authorisation pending"),
    ArrivalProblem.PREAUTH_DENIED: QT_TRANSLATE_NOOP("Arrivals", "Pre-authorisation denied"),
    ArrivalProblem.PREAUTH_NOT_USABLE: QT_TRANSLATE_NOOP(
        "Arrivals", "Pre-authorisation will not cover it"
    ),
    ArrivalProblem.NOT_CHECKED: QT_TRANSLATE_NOOP("Arrivals", "Not checked yet"),
}
ADVICE = {
    ArrivalProblem.GREYED_UNPAID: QT_TRANSLATE_NOOP(
        "Arrivals",
        "Ask the family to pay the {amount} still unpaid in the e-card (就诊记录 → 支付) "
        "before they come; otherwise the visit is self-pay.",
    ),
    ArrivalProblem.POLICY_ENDED: QT_TRANSLATE_NOOP(
        "Arrivals",
        "The policy will have ended by the appointment: ask the family to renew it, or to come "
        "ready to pay themselves.",
    ),
    ArrivalProblem.NOT_YET_IN_FORCE: QT_TRANSLATE_NOOP(
        "Arrivals",
        "The policy is not in force on the appointment's day: the family can move the "
        "appointment through the insurer's hotline, or the visit is self-pay.",
    ),
    ArrivalProblem.NOT_IN_NETWORK: QT_TRANSLATE_NOOP(
        "Arrivals",
        "This clinic is not in the plan's network: the family can move the appointment to a "
        "network clinic through the insurer's hotline, or come as a self-pay visit.",
    ),
    ArrivalProblem.NOT_FOUND: QT_TRANSLATE_NOOP(
        "Arrivals", "The insurer no longer knows this member: ask the family to call its hotline."
    ),
    ArrivalProblem.PREAUTH_PENDING: QT_TRANSLATE_NOOP(
        "Arrivals",
        "The insurer has not decided the pre-authorisation for the booked procedure yet: remind "
        "the family it must be approved first, or they pay for the procedure.",
    ),
    ArrivalProblem.PREAUTH_DENIED: QT_TRANSLATE_NOOP(
        "Arrivals",
        "The insurer refused the pre-authorisation for the booked procedure: the family pays "
        "for it, or moves the appointment through the insurer's hotline.",
    ),
    ArrivalProblem.PREAUTH_NOT_USABLE: QT_TRANSLATE_NOOP(
        "Arrivals",
        "The pre-authorisation for the booked procedure will not cover it on the day (used up, "
        "nothing left, or outside its dates): the family asks the insurer for a new one, or "
        "pays for the procedure.",
    ),
    ArrivalProblem.NOT_CHECKED: QT_TRANSLATE_NOOP(
        "Arrivals", "The insurer could not be asked about this family: the kiosk tries again."
    ),
}
"""What reception tells the family the day before, by problem: `kiosk.arrivals.ADVICE`'s
sentences, marked here for translation (the tests check the two are the same)."""

_TABLES: dict[type[Enum], dict] = {
    AppointmentService: SERVICES,
    AppointmentState: STATES,
    ArrivalProblem: PROBLEMS,
}


def name(value: AppointmentService | AppointmentState | ArrivalProblem) -> str:
    """The translated name of a service, a state or a day-before problem."""
    return QCoreApplication.translate(CONTEXT, _TABLES[type(value)][value])


def advice(problem: ArrivalProblem, unpaid: str = "") -> str:
    """What to tell the family about `problem` (`unpaid`: the greyed card's amount, as text)."""
    return QCoreApplication.translate(CONTEXT, ADVICE[problem]).format(amount=unpaid)
