"""The member app's appointment page in the demo: the member's appointments with what each cost,
a cancel button on booked ones, and the booking form (the manual: the mini-program's e-card →
choose a hospital → book; an SMS confirms it).

Every text is Chinese then English, as the app shows it; everything from the database is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import datetime
from urllib.parse import quote

from insurer_sandbox.appointment_book import SLOTS, AppointmentRecord, booking_calendar
from insurer_sandbox.appointments import LATE_CANCEL_WARNING, AppointmentRefused
from insurer_sandbox.eligibility import mask_name
from insurer_sandbox.member_app import html_page
from insurer_sandbox.store import MemberRecord
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk.insurer.appointments import AppointmentService, AppointmentState, MissedAppointment
from kiosk.money import format_yuan

MEMBER_SERVICES = (AppointmentService.OUTPATIENT, AppointmentService.VACCINATION)
"""What a member books in the app; a procedure is booked by the insurer's staff under a pre-auth."""

SERVICE_NAMES = {
    AppointmentService.OUTPATIENT: "门诊 Outpatient",
    AppointmentService.VACCINATION: "疫苗接种 Vaccination",
    AppointmentService.PROCEDURE: "检查治疗 Procedure",
}
STATE_NAMES = {
    AppointmentState.BOOKED: "已预约 Booked",
    AppointmentState.CHECKED_IN: "已签到 Checked in",
    AppointmentState.CANCELLED_IN_TIME: "已取消 Cancelled in time",
    AppointmentState.CANCELLED_LATE: "未提前取消 Cancelled late",
    AppointmentState.NO_SHOW: "未就诊 Missed",
}


def appointments_path(member_id: str) -> str:
    return f"/demo/card/{quote(member_id, safe='')}/appointments"


def _local(moment: datetime) -> str:
    return moment.astimezone(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M")


def consequence(missed: MissedAppointment) -> tuple[str, str]:
    """What a late cancel or a no-show cost, in Chinese and in English."""
    if missed.fee_fen:
        fee = format_yuan(missed.fee_fen)
        return (
            f"该医院已暂停为您预约（列入黑名单）；诊费 {fee} 由您本人全额承担。",
            f"Booking at this hospital is suspended (blacklisted); its fee of {fee} is yours to "
            "pay in full.",
        )
    return (
        "该医院已暂停为您预约（列入黑名单）；该医院不收取诊费。",
        "Booking at this hospital is suspended (blacklisted); this hospital charges no fee.",
    )


def _bilingual(zh: str, en: str) -> str:
    return f"{html.escape(zh)}<br>{html.escape(en)}"


def _notice(done: AppointmentRecord | None, refused: AppointmentRefused | None) -> str:
    """The answer to what the member just did: booked, cancelled (late: the manual's warning),
    or refused with the reason."""
    if refused is not None:
        return f'<div class="warn">未能完成 Not done: {_bilingual(refused.zh, refused.en)}</div>'
    if done is None:
        return ""
    when = html.escape(
        f"{_local(done.booking.starts_at)} · {done.clinic_name} · {done.booking.department}"
    )
    if done.state is AppointmentState.BOOKED:
        return (
            f'<div class="done">预约成功，确认短信已发送。<br>Booked: an SMS confirms it.<br>{when}'
            "</div>"
        )
    if done.state is AppointmentState.CANCELLED_IN_TIME:
        return f'<div class="done">预约已取消。<br>Cancelled in time.<br>{when}</div>'
    if done.missed is None:
        return ""
    return (
        f'<div class="warn">预约已取消，但已过取消截止时间。<br>Cancelled, but after the cancel-by '
        f"time.<br>{when}<br>{_bilingual(*LATE_CANCEL_WARNING)}<br>"
        f"{_bilingual(*consequence(done.missed))}</div>"
    )


def _appointment_item(member: MemberRecord, record: AppointmentRecord, now: datetime) -> str:
    booking = record.booking
    lines = [
        html.escape(f"{_local(booking.starts_at)} · {record.clinic_name}"),
        html.escape(f"{SERVICE_NAMES[booking.service]} · {booking.department}")
        + (f" · 事先授权 pre-auth {html.escape(booking.preauth_id)}" if booking.preauth_id else ""),
        f"{html.escape(STATE_NAMES[record.state])} · 取消截止 Cancel by "
        f"{html.escape(_local(record.cancel_by))}",
    ]
    if record.missed is not None:
        lines.append(f'<span class="late">{_bilingual(*consequence(record.missed))}</span>')
    if record.state is AppointmentState.BOOKED and now < booking.starts_at:
        action = html.escape(
            f"{appointments_path(member.member_id)}/{quote(record.appointment_id, safe='')}/cancel"
        )
        late = (
            '<span class="late">已过取消截止时间：现在取消将视为未提前取消。<br>'
            "Past the cancel-by time: a cancel now is a late cancel.</span>"
            if now >= record.cancel_by
            else ""
        )
        lines.append(
            f'{late}<form method="post" action="{action}">'
            '<button class="cancel" type="submit">取消预约 Cancel</button></form>'
        )
    return "<li>" + "<br>".join(lines) + "</li>"


def _booking_form(member: MemberRecord, clinics: Mapping[str, str], now: datetime) -> str:
    earliest = booking_calendar(now.astimezone(BUSINESS_TZ).date()).earliest_planned_date
    day = html.escape(earliest.isoformat())
    hospitals = "".join(
        f'<option value="{html.escape(c)}">{html.escape(name)}</option>'
        for c, name in clinics.items()
    )
    times = "".join(f'<option value="{t:%H:%M}">{t:%H:%M}</option>' for t in SLOTS)
    services = "".join(
        f'<option value="{s.value}">{html.escape(SERVICE_NAMES[s])}</option>'
        for s in MEMBER_SERVICES
    )
    action = html.escape(appointments_path(member.member_id))
    return (
        f'<form class="records" method="post" action="{action}">'
        "<h3>预约就诊 Book an appointment</h3>"
        '<p class="hint">预约用于公立医院特需部或国际部的门诊就医服务，暂不接受指定专家的预约。<br>'
        "For outpatient care at a partner hospital's VIP or international department; a "
        "specific doctor cannot be named.</p>"
        f'<label>医院 Hospital <select name="clinic">{hospitals}</select></label>'
        f'<label>日期 Date <input type="date" name="date" value="{day}" required>'
        "</label>"
        f'<p class="hint">服务人员将在2个工作日内为您进行预约安排：最早 {day}。<br>'
        f"Arranged within 2 working days: the earliest date is {day}.</p>"
        f'<label>时间 Time <select name="time">{times}</select></label>'
        f'<label>服务 Service <select name="service">{services}</select></label>'
        '<p class="hint">如需取消或调整时间，请至少提前一个工作日16:00点前取消。<br>'
        "To cancel or change it, cancel by 16:00 on the working day before.</p>"
        '<button class="pay" type="submit">提交预约 Book</button></form>'
    )


def appointments_page(
    member: MemberRecord,
    records: Sequence[AppointmentRecord],
    clinics: Mapping[str, str],
    now: datetime,
    *,
    done: AppointmentRecord | None = None,
    refused: AppointmentRefused | None = None,
) -> str:
    """The member's appointments (cancel buttons on those not started yet) and the booking form
    for the hospitals of their network (`clinics`: id → name), with the answer to what they just
    did (`done`, or `refused`)."""
    listed = "".join(_appointment_item(member, r, now) for r in records)
    body = (
        "<h2>预约就诊 Appointments</h2>"
        f'<p class="note">{html.escape(mask_name(member.child_name))} · 保单号 Policy '
        f"{html.escape(member.policy_number)}</p>"
        f"{_notice(done, refused)}"
        '<div class="records"><h3>我的预约 My appointments</h3>'
        f"<ul>{listed or '<li>暂无预约 / No appointments</li>'}</ul></div>"
        f"{_booking_form(member, clinics, now)}"
        f'<p class="note"><a href="/demo/card/{html.escape(quote(member.member_id, safe=""))}">'
        "返回电子卡 Back to the e-card</a></p>"
        '<p class="note">演示数据 · sandbox demo only</p>'
    )
    return html_page("预约就诊 Appointments", body, refresh=False)
