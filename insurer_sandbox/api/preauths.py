"""Pre-auths: list, working calendar, status, guarantee letter, request.

Route order matters: `/preauths/calendar` must be declared before `/preauths/{preauth_id}`.
"""

from __future__ import annotations

import sqlite3
from typing import Annotated

from fastapi import APIRouter, Query, Response

from insurer_sandbox.api.common import (
    IDEMPOTENCY_KEY_PARAMETER,
    NO_SUCH_MEMBER,
    ClinicDep,
    IdempotencyKeyDep,
    PlanDep,
    StoreDep,
    billable_member,
    business_day,
    check_amount,
    not_eligible,
    replay,
    replayed,
)
from insurer_sandbox.letters import guarantee_letter
from insurer_sandbox.plan import Plan
from insurer_sandbox.problems import ProblemError, problem_responses
from insurer_sandbox.store import MemberRecord, Store, attachment_summary, canonical_hash, new_id
from insurer_sandbox.workdays import emergency_calendar, working_calendar
from kiosk.insurer.models import (
    GuaranteeLetter,
    PreAuth,
    PreAuthCreated,
    PreAuthList,
    PreAuthRequest,
    PreAuthStatus,
    WorkingCalendar,
)

router = APIRouter()


@router.get("/preauths", responses=problem_responses(401, 404))
def list_preauths(
    member_id: Annotated[str, Query(min_length=1, max_length=64)],
    clinic: ClinicDep,
    store: StoreDep,
    plan: PlanDep,
) -> PreAuthList:
    """A member's pre-auths, oldest first, for a member in the calling clinic's network (a greyed
    or expired card included); an approval with its `grant` and what is left of it (uses and
    amount, less what accepted claims took). 404 `not-found` for an unknown member and, with the
    same answer, for a member the clinic's network does not include."""
    with store.reading() as db:
        if billable_member(store, db, plan, clinic, member_id) is None:
            raise ProblemError(404, "not-found", NO_SUCH_MEMBER)
        return PreAuthList(preauths=store.preauths(db, member_id))


@router.get("/preauths/calendar", responses=problem_responses(401))
def preauth_calendar(clinic: ClinicDep, store: StoreDep, plan: PlanDep) -> WorkingCalendar:
    """The working-day rule a pre-auth request made today is judged by (see docs/demo-data.md)."""
    _, today = business_day(store)
    return working_calendar(today, plan.preauth.lead_time_working_days)


NO_SUCH_PREAUTH = "no such pre-auth for this clinic"


def _visible_preauth(
    store: Store, db: sqlite3.Connection, plan: Plan, clinic: str, preauth_id: str
) -> tuple[PreAuth, MemberRecord]:
    """A pre-auth of a member the calling clinic's network may bill, with the member; otherwise
    404, the same answer as for a pre-auth that does not exist."""
    preauth = store.preauth(db, preauth_id)
    member = billable_member(store, db, plan, clinic, preauth.member_id) if preauth else None
    if preauth is None or member is None:
        raise ProblemError(404, "not-found", NO_SUCH_PREAUTH)
    return preauth, member


@router.get("/preauths/{preauth_id}", responses=problem_responses(401, 404))
def preauth_status(preauth_id: str, clinic: ClinicDep, store: StoreDep, plan: PlanDep) -> PreAuth:
    """One pre-auth as it stands (the desk polls open requests: pending → approved / denied /
    info_requested, with the insurer's `decision_note`). 404 `not-found` for an unknown id and,
    with the same answer, for a member the clinic's network does not include."""
    with store.reading() as db:
        return _visible_preauth(store, db, plan, clinic, preauth_id)[0]


@router.get(
    "/preauths/{preauth_id}/letter",
    responses=problem_responses(
        401, 404, 409, only_409="`preauth-not-approved`: the pre-auth is not approved (now)."
    ),
)
def preauth_letter(
    preauth_id: str, clinic: ClinicDep, store: StoreDep, plan: PlanDep
) -> GuaranteeLetter:
    """The guarantee letter (担保函) of an approved pre-auth, addressed to the calling clinic: the
    member (masked), the item, the grant (auth number, amount, validity window, uses, what is
    left) and its terms, each in Chinese then English. Issued at the approval's time. 409
    `preauth-not-approved` while the pre-auth is pending, denied or waiting for more
    information; 404 as for `GET /v1/preauths/{preauth_id}`."""
    with store.reading() as db:
        preauth, member = _visible_preauth(store, db, plan, clinic, preauth_id)
        if preauth.status is not PreAuthStatus.APPROVED or preauth.decided_at is None:
            raise ProblemError(
                409,
                "preauth-not-approved",
                f"no letter: the pre-auth is {preauth.status.value}, not approved",
            )
        clinic_name = store.clinic_name(db, clinic)
    return guarantee_letter(
        preauth,
        member,
        clinic_id=clinic,
        clinic_name=clinic_name,
        issued_at=preauth.decided_at,
    )


@router.post(
    "/preauths",
    status_code=201,
    responses={
        200: replay(PreAuthCreated),
        **problem_responses(
            400,
            401,
            409,
            also_422="`preauth-lead-time`: too few working days ahead (an emergency: a date in "
            "the past); `member-not-eligible`.",
        ),
    },
    openapi_extra={"parameters": [IDEMPOTENCY_KEY_PARAMETER]},
)
def request_preauth(
    body: PreAuthRequest,
    response: Response,
    clinic: ClinicDep,
    key: IdempotencyKeyDep,
    store: StoreDep,
    plan: PlanDep,
) -> PreAuthCreated:
    """File a pre-auth request (status `pending` until the insurer decides), with its
    attachments (answered as `attachments`: title, type, size and SHA-256). 422
    `preauth-lead-time` when the planned date is earlier than `earliest_planned_date` of today's
    working calendar; an `emergency` request has no lead time (its calendar requires 0 working
    days: the planned date may be today, not earlier) and is reviewed the same day. 422
    `member-not-eligible` for a planned date outside the policy period, and for an unknown
    member or one the clinic's network does not include (the same answer for both: "no member
    with this member_id")."""
    check_amount(body.estimated_cost_fen, "estimated_cost_fen")
    request_hash = canonical_hash(body.model_dump(mode="json"))
    with store.writing() as db:
        existing = store.preauth_by_key(db, clinic, key)
        if existing is not None and replayed(existing, request_hash, response, "request"):
            return PreAuthCreated(preauth=existing.preauth, calendar=existing.calendar)
        member = billable_member(store, db, plan, clinic, body.member_id)
        if member is None:
            raise not_eligible()
        if not member.period_start <= body.planned_date <= member.period_end:
            raise ProblemError(
                422, "member-not-eligible", "the planned date is outside the policy period"
            )
        now, today = business_day(store)
        calendar = (
            emergency_calendar(today)
            if body.emergency
            else working_calendar(today, plan.preauth.lead_time_working_days)
        )
        if body.planned_date < calendar.earliest_planned_date:
            if body.emergency:
                raise ProblemError(
                    422,
                    "preauth-lead-time",
                    f"an emergency's planned date is today ({today.isoformat()}) or later",
                )
            fallback = " (weekends-only fallback)" if calendar.fallback_weekends_only else ""
            raise ProblemError(
                422,
                "preauth-lead-time",
                f"the planned date must leave at least {calendar.required_working_days} working "
                f"days after today ({today.isoformat()}); the earliest is "
                f"{calendar.earliest_planned_date.isoformat()}{fallback}",
            )
        preauth = PreAuth(
            preauth_id=new_id("PA"),
            status=PreAuthStatus.PENDING,
            requested_at=now,
            attachments=[attachment_summary(a) for a in body.attachments],
            **body.model_dump(exclude={"attachments"}),
        )
        store.insert_preauth(
            db,
            preauth,
            clinic_id=clinic,
            idempotency_key=key,
            request_hash=request_hash,
            calendar_json=calendar.model_dump_json(),
            attachments=body.attachments,
        )
    return PreAuthCreated(preauth=preauth, calendar=calendar)
