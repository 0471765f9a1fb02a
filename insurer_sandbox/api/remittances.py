"""Remittances: the insurer's payments to the calling clinic, for it to match with its claims."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from insurer_sandbox import claim_outcomes
from insurer_sandbox.api.common import ClinicDep, StoreDep
from insurer_sandbox.problems import ProblemError, problem_responses
from kiosk.insurer.models import IsoDate
from kiosk.insurer.remittances import RemittanceList

MAX_RANGE_DAYS = 366
"""A year, leap day included: a longer range is a mistake, not a reconciliation."""

router = APIRouter()


@router.get(
    "/remittances",
    responses=problem_responses(
        401,
        also_422="`validation-error`: `from` is after `to`, or the range is longer than 366 days.",
    ),
)
def list_remittances(
    from_date: Annotated[IsoDate, Query(alias="from", description="First payment date")],
    to_date: Annotated[IsoDate, Query(alias="to", description="Last payment date")],
    clinic: ClinicDep,
    store: StoreDep,
) -> RemittanceList:
    """The calling clinic's remittances (FHIR PaymentReconciliation) with a payment date from
    `from` to `to`, both included, oldest first: each names the claims it pays and which share
    (`insurer-share`, or `family-balance`: what the family paid the insurer in the e-card app
    for a claim whose review moved it to them), and `payment_amount_fen` is their sum. 422
    `validation-error` when `from` is after `to` or the range is longer than 366 days."""
    if from_date > to_date:
        raise ProblemError(422, "validation-error", "from is after to")
    if (to_date - from_date).days + 1 > MAX_RANGE_DAYS:
        raise ProblemError(
            422, "validation-error", f"the range is longer than {MAX_RANGE_DAYS} days"
        )
    with store.reading() as db:
        listed = claim_outcomes.remittances(db, clinic, from_date, to_date)
    return RemittanceList(
        clinic_id=clinic, from_date=from_date, to_date=to_date, remittances=listed
    )
