"""Outside the contract: health, demo e-cards. Not in the OpenAPI document, not under /v1."""

from __future__ import annotations

import os
from contextlib import suppress
from datetime import date, datetime, time
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.responses import Response as RawResponse

from insurer_sandbox import appointment_book
from insurer_sandbox.api.common import PlanDep, StoreDep, business_day
from insurer_sandbox.appointments import AppointmentRefused, Refusal, book, cancel
from insurer_sandbox.demo import demo_member
from insurer_sandbox.member_app import card_page, demo_index_page, statement_link
from insurer_sandbox.member_appointments import appointments_page, appointments_path
from insurer_sandbox.problems import ProblemError
from insurer_sandbox.settlement import UnknownMemberError, pay_balance
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk.insurer.appointments import AppointmentService, BookedBy

extras = APIRouter(include_in_schema=False)


def _member_id(name: str) -> str:
    """A demo page's member: a member id, or a demo state key."""
    with suppress(KeyError):
        return demo_member(name).member_id
    return name


NO_SUCH_MEMBER = "no such member"


@extras.get("/healthz")
def healthz() -> dict[str, Any]:
    """Readiness, with the pid so a launcher knows it reached its own process."""
    return {"status": "ok", "pid": os.getpid()}


@extras.get("/demo", response_class=HTMLResponse)
def demo_index() -> str:
    return demo_index_page()


@extras.get("/demo/card/{member_id}", response_class=HTMLResponse)
def demo_card(member_id: str, store: StoreDep, plan: PlanDep) -> str:
    """A member's e-card page (member id or demo state key), as the member app would show it."""
    with store.reading() as db:
        member = store.member(db, _member_id(member_id))
        if member is None:
            raise ProblemError(404, "not-found", NO_SUCH_MEMBER)
        records = store.visit_records(db, member.member_id)
    return card_page(plan, member, store.now(), records)


@extras.post("/demo/card/{member_id}/pay", response_class=RedirectResponse, status_code=303)
def demo_card_pay(member_id: str, store: StoreDep) -> str:
    """The family pays what they owe (电子保险卡 → 就诊记录 → 支付), then sees the card again."""
    member_id = _member_id(member_id)
    try:
        pay_balance(store, member_id)
    except UnknownMemberError:
        raise ProblemError(404, "not-found", NO_SUCH_MEMBER) from None
    return f"/demo/card/{member_id}"


@extras.get("/demo/card/{member_id}/records/{claim_id}.pdf", response_class=RawResponse)
def demo_card_statement(member_id: str, claim_id: str, store: StoreDep) -> RawResponse:
    """The newest statement of one visit, as the e-card app opens it from the visit records."""
    with store.reading() as db:
        pdf = store.statement_pdf(db, _member_id(member_id), claim_id)
    if pdf is None:
        raise ProblemError(404, "not-found", "no statement for this visit")
    return RawResponse(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{statement_link(claim_id)}"'},
    )


@extras.get("/demo/card/{member_id}/appointments", response_class=HTMLResponse)
def demo_appointments(
    member_id: str,
    store: StoreDep,
    plan: PlanDep,
    done: str | None = None,
    refused: Refusal | None = None,
    earliest: date | None = None,
) -> str:
    """The member's appointments and the booking form, with the answer to a booking or a cancel
    just made (`done`: the appointment; `refused`: why not, `earliest` for a date too early)."""
    now, today = business_day(store)
    with store.reading() as db:
        member = store.member(db, _member_id(member_id))
        if member is None:
            raise ProblemError(404, "not-found", NO_SUCH_MEMBER)
        records = appointment_book.of_member(db, member.member_id, today)
        clinics = {c: store.clinic_name(db, c) for c in plan.tier(member.tier).network_clinics}
    return appointments_page(
        member,
        records,
        clinics,
        now,
        done=next((r for r in records if r.appointment_id == done), None),
        refused=AppointmentRefused(refused, earliest=earliest) if refused else None,
    )


async def _form(request: Request) -> dict[str, str]:
    """The fields of an HTML form (urlencoded): the sandbox has no multipart parser, and its
    forms need none."""
    try:
        fields = parse_qs((await request.body()).decode("utf-8"), max_num_fields=10)
    except ValueError:
        raise ProblemError(422, "validation-error", "not a form") from None
    return {name: values[0] for name, values in fields.items()}


FormDep = Annotated[dict[str, str], Depends(_form)]


def _booking_fields(form: dict[str, str]) -> tuple[str, datetime, AppointmentService]:
    """The form's hospital, start time and service; 422 for what the page cannot send."""
    try:
        starts_at = datetime.combine(
            date.fromisoformat(form["date"]), time.fromisoformat(form["time"]), BUSINESS_TZ
        )
        return form["clinic"], starts_at, AppointmentService(form["service"])
    except (KeyError, ValueError):
        raise ProblemError(
            422, "validation-error", "the form needs clinic, date, time and service"
        ) from None


def _answer(member_id: str, **query: str) -> str:
    return f"{appointments_path(member_id)}?{urlencode(query)}"


def _refusal_query(refused: AppointmentRefused) -> dict[str, str]:
    query = {"refused": refused.reason.value}
    if refused.earliest:
        query["earliest"] = refused.earliest.isoformat()
    return query


@extras.post(
    "/demo/card/{member_id}/appointments", response_class=RedirectResponse, status_code=303
)
def demo_book_appointment(member_id: str, form: FormDep, store: StoreDep, plan: PlanDep) -> str:
    """The member books in the app (booked by `member_app`), then sees the page again with the
    appointment, or with why it was refused."""
    member_id = _member_id(member_id)
    clinic_id, starts_at, service = _booking_fields(form)
    now = store.now()
    try:
        with store.writing() as db:
            if store.member(db, member_id) is None:
                raise ProblemError(404, "not-found", NO_SUCH_MEMBER)
            record = book(
                store,
                db,
                plan,
                member_id=member_id,
                clinic_id=clinic_id,
                starts_at=starts_at,
                service=service,
                booked_by=BookedBy.MEMBER_APP,
                now=now,
            )
    except AppointmentRefused as refused:
        return _answer(member_id, **_refusal_query(refused))
    return _answer(member_id, done=record.appointment_id)


@extras.post(
    "/demo/card/{member_id}/appointments/{appointment_id}/cancel",
    response_class=RedirectResponse,
    status_code=303,
)
def demo_cancel_appointment(member_id: str, appointment_id: str, store: StoreDep) -> str:
    """The member cancels one of their appointments in the app (the manual has them call the
    hotline; the rules are the same), then sees the page again: cancelled in time, late (the
    manual's warning and what it costs), or why not."""
    member_id = _member_id(member_id)
    now = store.now()
    try:
        with store.writing() as db:
            record = cancel(db, appointment_id, now, member_id=member_id)
    except AppointmentRefused as refused:
        return _answer(member_id, **_refusal_query(refused))
    return _answer(member_id, done=record.appointment_id)
