"""Outside the contract: health, demo e-cards. Not in the OpenAPI document, not under /v1."""

from __future__ import annotations

import os
from contextlib import suppress
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.responses import Response as RawResponse

from insurer_sandbox.api.common import PlanDep, StoreDep
from insurer_sandbox.demo import demo_member
from insurer_sandbox.member_app import card_page, demo_index_page, statement_link
from insurer_sandbox.problems import ProblemError
from insurer_sandbox.settlement import UnknownMemberError, pay_balance

extras = APIRouter(include_in_schema=False)


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
    with suppress(KeyError):
        member_id = demo_member(member_id).member_id
    with store.reading() as db:
        member = store.member(db, member_id)
        if member is None:
            raise ProblemError(404, "not-found", "no such member")
        records = store.visit_records(db, member.member_id)
    return card_page(plan, member, store.now(), records)


@extras.post("/demo/card/{member_id}/pay", response_class=RedirectResponse, status_code=303)
def demo_card_pay(member_id: str, store: StoreDep) -> str:
    """The family pays what they owe (电子保险卡 → 就诊记录 → 支付), then sees the card again."""
    with suppress(KeyError):
        member_id = demo_member(member_id).member_id
    try:
        pay_balance(store, member_id)
    except UnknownMemberError:
        raise ProblemError(404, "not-found", "no such member") from None
    return f"/demo/card/{member_id}"


@extras.get("/demo/card/{member_id}/records/{claim_id}.pdf", response_class=RawResponse)
def demo_card_statement(member_id: str, claim_id: str, store: StoreDep) -> RawResponse:
    """The newest statement of one visit, as the e-card app opens it from the visit records."""
    with suppress(KeyError):
        member_id = demo_member(member_id).member_id
    with store.reading() as db:
        pdf = store.statement_pdf(db, member_id, claim_id)
    if pdf is None:
        raise ProblemError(404, "not-found", "no statement for this visit")
    return RawResponse(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{statement_link(claim_id)}"'},
    )
