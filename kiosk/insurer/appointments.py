"""The insurer API contract (v1) for appointments the insurer's service books for members.

The plan manual (直付理赔流程 → 部分公立医院直付): "享受部分公立医院直付服务需提前预约" —
at a partner public hospital's VIP or international department, direct billing needs an
appointment booked through the insurer, arranged within 2 working days of the request;
"如需取消或调整时间，请至少提前一个工作日16:00点前致电专属热线，若未提前取消预约，
可能导致后续就医无法预约并被医院列入黑名单，同时部分医院也可能会仍然收取诊费
（诊费将由客户本人全额承担）". The insurer also helps book vaccines (协助预约安排疫苗).
An appointment is a FHIR Appointment in spirit; the names below are the desk's.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, StrictInt

from kiosk.insurer.models import Contract, IsoDate, IsoDatetime, Member
from kiosk.money import Fen

MAX_APPOINTMENT_DAYS = 62
"""The longest span `GET /v1/appointments/days` answers for (two months: the manager's 30-day
view with room to spare)."""


class AppointmentState(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    CANCELLED_IN_TIME = "cancelled_in_time"
    CANCELLED_LATE = "cancelled_late"
    NO_SHOW = "no_show"


MISSED = frozenset({AppointmentState.CANCELLED_LATE, AppointmentState.NO_SHOW})
"""The states the manual warns of: the hospital may blacklist the member and charge its fee."""


class AppointmentService(StrEnum):
    """What the visit is for: an outpatient consultation (the manual: no named specialists), a
    vaccination, or a procedure booked under a pre-auth (`preauth_id`)."""

    OUTPATIENT = "outpatient"
    VACCINATION = "vaccination"
    PROCEDURE = "procedure"


class BookedBy(StrEnum):
    MEMBER_APP = "member_app"
    HOTLINE = "hotline"


class MissedAppointment(Contract):
    """What a late cancel or a no-show cost the member, as the manual warns."""

    booking_suspended: bool = Field(
        description="The hospital takes no further appointments for this member (blacklisted)"
    )
    fee_fen: Fen = Field(
        description="The hospital's fee for the slot, charged to the family in full (0: this "
        "hospital charges none)"
    )


class Appointment(Contract):
    appointment_id: str
    member: Member = Field(description="As on screens: the child's name masked")
    clinic_id: str
    starts_at: IsoDatetime
    service: AppointmentService
    department: str = Field(
        max_length=64, description="The department as the hospital names it, e.g. '国际部儿科'"
    )
    preauth_id: str | None = Field(
        default=None, description="The pre-auth a booked procedure is done under"
    )
    booked_by: BookedBy
    booked_at: IsoDatetime
    cancel_by: IsoDatetime = Field(
        description="16:00 Asia/Shanghai on the last working day before the appointment: a "
        "cancel at or after it is late"
    )
    state: AppointmentState
    checked_in_at: IsoDatetime | None = None
    cancelled_at: IsoDatetime | None = None
    missed: MissedAppointment | None = Field(
        default=None, description="Only for cancelled_late and no_show"
    )


class AppointmentList(Contract):
    date: IsoDate
    clinic_id: str
    appointments: list[Appointment] = Field(description="By start time, then appointment id")


class AppointmentDay(Contract):
    """One day's appointments at the calling clinic, counted by state."""

    date: IsoDate
    booked: StrictInt = Field(ge=0)
    checked_in: StrictInt = Field(ge=0)
    cancelled_in_time: StrictInt = Field(ge=0)
    cancelled_late: StrictInt = Field(ge=0)
    no_show: StrictInt = Field(ge=0)

    @property
    def kept_or_due(self) -> int:
        """Appointments the clinic had to hold a slot for: all but those cancelled in time."""
        return self.booked + self.checked_in + self.cancelled_late + self.no_show


class AppointmentDays(Contract):
    days: list[AppointmentDay] = Field(description="Every day from `from` to `to`, in order")


class CheckIn(Contract):
    """The member on the scanned card arrived at the desk."""

    member_id: str = Field(min_length=1, max_length=64)


class CheckedIn(Contract):
    appointment: Appointment | None = Field(
        description="The member's appointment at the calling clinic today, now checked in; "
        "null when they have none today (booked or checked in)"
    )
    already: bool = Field(
        description="It was checked in before this call: nothing changed (a member is not "
        "checked in twice)"
    )
