"""What the insurer's service allows when a member books or cancels an appointment (the member's
app pages and the hotline's CLI), and an appointment as the API answers it.

The plan manual (部分公立医院直付): "预约用于公立医院特需部或国际部的门诊就医服务，
暂不接受指定专家的预约"; "服务人员将在2个工作日内为您进行预约安排"; "如需取消或调整时间，请至少
提前一个工作日16:00点前致电专属热线，若未提前取消预约，可能导致后续就医无法预约并被医院列入黑名单，
同时部分医院也可能会仍然收取诊费（诊费将由客户本人全额承担）". The timings are
`insurer_sandbox.appointment_book`'s.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from enum import StrEnum

from insurer_sandbox import appointment_book
from insurer_sandbox.appointment_book import SLOTS, AppointmentRecord, Booking
from insurer_sandbox.eligibility import card_status, mask_name, mask_phone
from insurer_sandbox.plan import Plan
from insurer_sandbox.store import Store, new_id
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk.insurer.appointments import (
    Appointment,
    AppointmentService,
    AppointmentState,
    BookedBy,
)
from kiosk.insurer.models import CardStatus, Member

LATE_CANCEL_WARNING = (
    "若未提前取消预约，可能导致后续就医无法预约并被医院列入黑名单，同时部分医院也可能会仍然收取诊费"
    "（诊费将由客户本人全额承担）。",
    "An appointment not cancelled in time may mean no further bookings (the hospital blacklists "
    "the member), and some hospitals still charge their fee, which the family pays in full.",
)
"""The manual's warning, in Chinese then English."""


class Refusal(StrEnum):
    """Why a booking or a cancel was refused; the value travels in the member page's address."""

    UNKNOWN_MEMBER = "unknown-member"
    CARD_INACTIVE = "card-inactive"
    OUT_OF_NETWORK = "out-of-network"
    PREAUTH = "preauth"
    NOT_A_SLOT = "not-a-slot"
    OUTSIDE_PERIOD = "outside-period"
    TOO_EARLY = "too-early"
    SUSPENDED = "suspended"
    SLOT_TAKEN = "slot-taken"
    NO_SUCH_APPOINTMENT = "no-such-appointment"
    NOT_BOOKED = "not-booked"
    STARTED = "started"


_TEXTS: dict[Refusal, tuple[str, str]] = {
    Refusal.UNKNOWN_MEMBER: ("没有该会员。", "No member with this member id."),
    Refusal.CARD_INACTIVE: (
        "电子卡当前不可用（置灰、过期或尚未生效），暂不能预约。",
        "The card cannot be used now (greyed out, expired or not yet in force): no booking.",
    ),
    Refusal.OUT_OF_NETWORK: (
        "该医院不在您所在计划的直付网络内。",
        "This hospital is not in the direct-billing network of your plan.",
    ),
    Refusal.PREAUTH: (
        "检查治疗的预约由服务人员凭您的事先授权安排；门诊和疫苗接种无需事先授权。",
        "A procedure is booked by the insurer's staff under one of the member's pre-auths; an "
        "outpatient visit or a vaccination takes none.",
    ),
    Refusal.NOT_A_SLOT: (
        "请选择 08:30 至 16:30 之间的整点或半点。",
        "Choose a time on the hour or half hour from 08:30 to 16:30.",
    ),
    Refusal.OUTSIDE_PERIOD: (
        "预约日期不在保单有效期内。",
        "The date is outside the policy period.",
    ),
    Refusal.TOO_EARLY: (
        "服务人员将在2个工作日内为您进行预约安排：最早可预约 {earliest}。",
        "The insurer's staff arrange a booking within 2 working days: the earliest date is "
        "{earliest}.",
    ),
    Refusal.SUSPENDED: (
        "您曾在该医院未提前取消或未就诊，该医院已暂停为您预约（列入黑名单）。",
        "Booking at this hospital is suspended: an appointment there was cancelled late or "
        "missed (blacklisted).",
    ),
    Refusal.SLOT_TAKEN: (
        "您已预约该医院的这一时段。",
        "You already have this time at this hospital.",
    ),
    Refusal.NO_SUCH_APPOINTMENT: ("没有这个预约。", "No such appointment."),
    Refusal.NOT_BOOKED: (
        "该预约已签到、已取消或已记为未就诊，无需取消。",
        "The appointment is checked in, cancelled or missed: there is nothing to cancel.",
    ),
    Refusal.STARTED: (
        "预约时间已到，不能再取消；未签到将记为未就诊。",
        "The appointment's time has come: it can no longer be cancelled, and is a no-show "
        "unless checked in.",
    ),
}


class AppointmentRefused(ValueError):
    """A booking or a cancel the service does not make; `earliest` for a date too early."""

    def __init__(self, reason: Refusal, *, earliest: date | None = None) -> None:
        self.reason = reason
        self.earliest = earliest
        super().__init__(self.en)

    def _text(self, language: int) -> str:
        earliest = self.earliest.isoformat() if self.earliest else "?"
        return _TEXTS[self.reason][language].format(earliest=earliest)

    @property
    def zh(self) -> str:
        return self._text(0)

    @property
    def en(self) -> str:
        return self._text(1)


def appointment(record: AppointmentRecord) -> Appointment:
    """An appointment as the API answers it: the member as on screens (name masked)."""
    booking = record.booking
    return Appointment(
        appointment_id=record.appointment_id,
        member=Member(
            member_id=booking.member_id,
            name_masked=mask_name(record.child_name),
            birth_year=record.birth_year,
            guardian_phone_masked=mask_phone(record.guardian_phone),
        ),
        clinic_id=booking.clinic_id,
        starts_at=booking.starts_at,
        service=booking.service,
        department=booking.department,
        preauth_id=booking.preauth_id,
        booked_by=booking.booked_by,
        booked_at=booking.booked_at,
        cancel_by=record.cancel_by,
        state=record.state,
        checked_in_at=record.checked_in_at,
        cancelled_at=record.cancelled_at,
        missed=record.missed,
    )


def book(
    store: Store,
    db: sqlite3.Connection,
    plan: Plan,
    *,
    member_id: str,
    clinic_id: str,
    starts_at: datetime,
    service: AppointmentService,
    booked_by: BookedBy,
    now: datetime,
    preauth_id: str | None = None,
    department: str | None = None,
) -> AppointmentRecord:
    """Book, or raise `AppointmentRefused`: an active card, a hospital of the member's network, a
    slot, a date in the policy period and at least 2 working days ahead, no suspension at that
    hospital; a procedure only under one of the member's pre-auths. No named doctor: the manual
    takes none, so there is nothing to name one with."""
    today = now.astimezone(BUSINESS_TZ).date()
    member = store.member(db, member_id)
    if member is None:
        raise AppointmentRefused(Refusal.UNKNOWN_MEMBER)
    if card_status(member, today) is not CardStatus.ACTIVE:
        raise AppointmentRefused(Refusal.CARD_INACTIVE)
    if not plan.in_network(member.tier, clinic_id):
        raise AppointmentRefused(Refusal.OUT_OF_NETWORK)
    if service is AppointmentService.PROCEDURE:
        preauth = store.preauth(db, preauth_id) if preauth_id else None
        if preauth is None or preauth.member_id != member_id:
            raise AppointmentRefused(Refusal.PREAUTH)
    elif preauth_id is not None:
        raise AppointmentRefused(Refusal.PREAUTH)
    local = starts_at.astimezone(BUSINESS_TZ)
    if local.timetz().replace(tzinfo=None) not in SLOTS:
        raise AppointmentRefused(Refusal.NOT_A_SLOT)
    if not member.period_start <= local.date() <= member.period_end:
        raise AppointmentRefused(Refusal.OUTSIDE_PERIOD)
    earliest = appointment_book.booking_calendar(today).earliest_planned_date
    if local.date() < earliest:
        raise AppointmentRefused(Refusal.TOO_EARLY, earliest=earliest)
    if appointment_book.suspended(db, member_id, clinic_id, today):
        raise AppointmentRefused(Refusal.SUSPENDED)
    same_day = appointment_book.at_clinic(
        db, clinic_id, local.date(), local.date(), today, member_id=member_id
    )
    booked = (r.booking.starts_at for r in same_day if r.state is AppointmentState.BOOKED)
    if starts_at in booked:
        raise AppointmentRefused(Refusal.SLOT_TAKEN)
    appointment_id = new_id("APT")
    booking = Booking(
        member_id=member_id,
        clinic_id=clinic_id,
        starts_at=starts_at,
        service=service,
        department=department or appointment_book.DEPARTMENTS[service],
        preauth_id=preauth_id,
        booked_by=booked_by,
        booked_at=now,
    )
    appointment_book.insert(db, appointment_id, booking)
    return _reread(db, appointment_id, today)


def cancel(
    db: sqlite3.Connection, appointment_id: str, now: datetime, *, member_id: str | None = None
) -> AppointmentRecord:
    """Cancel a booked appointment (only `member_id`'s, when given: the member's page): in time
    before its `cancel_by`, late from then until it starts (the member is blacklisted there and
    owes the hospital's fee); from its start time it cannot be cancelled. Raises
    `AppointmentRefused`."""
    today = now.astimezone(BUSINESS_TZ).date()
    record = appointment_book.one(db, appointment_id, today)
    if record is None or member_id not in (None, record.booking.member_id):
        raise AppointmentRefused(Refusal.NO_SUCH_APPOINTMENT)
    if record.state is not AppointmentState.BOOKED:
        raise AppointmentRefused(Refusal.NOT_BOOKED)
    if now >= record.booking.starts_at:
        raise AppointmentRefused(Refusal.STARTED)
    state = (
        AppointmentState.CANCELLED_IN_TIME
        if now < record.cancel_by
        else AppointmentState.CANCELLED_LATE
    )
    appointment_book.cancel(db, record, state, now)
    return _reread(db, appointment_id, today)


def _reread(db: sqlite3.Connection, appointment_id: str, today: date) -> AppointmentRecord:
    record = appointment_book.one(db, appointment_id, today)
    assert record is not None, "just written in this transaction"
    return record
