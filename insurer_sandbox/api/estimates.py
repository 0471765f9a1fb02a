"""Estimates: what the insurer would pay for a bill now, changing nothing.

A corrected claim's estimate borrows the claims module's cancel, undone with the transaction.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from insurer_sandbox.adjudication import adjudicate
from insurer_sandbox.api.claims import give_back, replaceable
from insurer_sandbox.api.common import (
    ClinicDep,
    PlanDep,
    StoreDep,
    billable_member,
    business_day,
    check_amount,
    not_eligible,
)
from insurer_sandbox.plan import Plan
from insurer_sandbox.problems import problem_responses
from insurer_sandbox.store import MemberRecord, Store
from kiosk.insurer.models import Adjudication, Bill, PreAuth

router = APIRouter()


def _estimable_member(
    store: Store, plan: Plan, clinic: str, member_id: str
) -> tuple[MemberRecord, list[PreAuth]]:
    with store.reading() as db:
        member = billable_member(store, db, plan, clinic, member_id)
        if member is None:
            raise not_eligible()
        return member, store.preauths(db, member_id)


@router.post(
    "/adjudication/estimate",
    responses=problem_responses(
        400,
        401,
        404,
        409,
        only_409="`claim-not-replaceable`: the claim named by `replaces` is not an accepted "
        "claim of this member.",
        also_422="`member-not-eligible`: unknown member, or not in this clinic's network.",
    ),
)
def estimate(
    bill: Bill,
    clinic: ClinicDep,
    store: StoreDep,
    plan: PlanDep,
    replaces: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=64,
            description="Estimate a corrected claim: as if this accepted claim (of this clinic, "
            "for the same member) were cancelled and what it used given back",
        ),
    ] = None,
) -> Adjudication:
    """What the insurer would pay for this bill now, line by line; changes nothing. Lines the
    clinic cannot direct-bill (greyed or expired card, date outside the policy period) come back
    patient-paid with the reason. A member the clinic's network does not include gets the same
    answer as an unknown member: 422 `member-not-eligible`, "no member with this member_id".
    With `replaces`, the estimate of a corrected claim: as if that claim were cancelled and had
    given back what it used (the fully-paid visit, limit, billed cost, approvals), which is what
    the corrected claim will be adjudicated against; nothing is cancelled. 404 `not-found` for a
    claim of another clinic (as for a missing one), 409 `claim-not-replaceable` for one that is
    not accepted or is another member's."""
    check_amount(sum(x.submitted_fen for x in bill.lines), "the bill total")
    member, preauths = _estimable_member(store, plan, clinic, bill.member_id)
    _, today = business_day(store)
    if replaces is None:
        return adjudicate(plan, member, preauths, clinic, bill, today).adjudication
    with store.what_if() as db:
        replaced = replaceable(store, db, clinic, replaces, bill.member_id)
        give_back(store, db, plan, replaced, "estimate of its correction")
        member = store.member(db, bill.member_id) or member
        preauths = store.preauths(db, bill.member_id)
        return adjudicate(plan, member, preauths, clinic, bill, today).adjudication
