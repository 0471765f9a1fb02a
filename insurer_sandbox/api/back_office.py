"""The insurer's back office over HTTP, for tests and training (not part of `/v1`): review and
payment runs, a family paying its balance, and remittance details planted for reconciliation
tests. Mounted under `/admin` with the fault routes, only when the server has an admin token."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from insurer_sandbox import claim_outcomes, settlement
from insurer_sandbox.api.common import StoreDep, business_day
from insurer_sandbox.demo import DEMO_CLINIC_ID
from insurer_sandbox.faults import require_admin
from insurer_sandbox.problems import ProblemError
from insurer_sandbox.store import UnknownClinicError
from kiosk.insurer.models import PaymentPart
from kiosk.insurer.remittances import Remittance
from kiosk.money import Fen

router = APIRouter(prefix="/admin", dependencies=[Depends(require_admin)], include_in_schema=False)


class NotCoveredLine(BaseModel):
    model_config = ConfigDict(extra="forbid")

    claim_id: str
    line_no: int = Field(ge=1)


class SettleRequest(BaseModel):
    """A review and payment run (`insurer_sandbox.settlement.settle`)."""

    model_config = ConfigDict(extra="forbid")

    date: dt.date
    reject: list[str] = []
    not_covered: list[NotCoveredLine] = []
    review_share: int = Field(default=settlement.DEFAULT_REVIEW_SHARE, ge=0)


class PlantedDetail(BaseModel):
    """A remittance detail the insurer did not pay. `clinic_id` and `payment_date` are used only
    when the remittance is new: by default the claim's clinic (the demo clinic for a claim the
    insurer does not have) and today."""

    model_config = ConfigDict(extra="forbid")

    claim_id: str = Field(min_length=1)
    idempotency_key: str = Field(min_length=1)
    part: PaymentPart
    amount_fen: Fen
    clinic_id: str | None = None
    payment_date: dt.date | None = None


@router.post("/settle")
def settle(request: SettleRequest, store: StoreDep) -> settlement.SettlementSummary:
    try:
        return settlement.settle(
            store,
            request.date,
            reject=request.reject,
            not_covered=[(x.claim_id, x.line_no) for x in request.not_covered],
            review_share=request.review_share,
        )
    except settlement.SettlementError as refused:
        raise ProblemError(422, "validation-error", str(refused)) from None


@router.post("/members/{member_id}/pay-balance")
def pay_balance(member_id: str, store: StoreDep) -> settlement.BalancePaid:
    try:
        return settlement.pay_balance(store, member_id)
    except settlement.UnknownMemberError:
        raise ProblemError(404, "not-found", "no such member") from None


@router.post("/remittances/{remittance_id}/details")
def plant_remittance_detail(
    remittance_id: str, detail: PlantedDetail, store: StoreDep
) -> Remittance:
    now, today = business_day(store)
    with store.writing() as db:
        claim = store.claim(db, detail.claim_id)
        clinic_id = detail.clinic_id or (claim.clinic_id if claim else DEMO_CLINIC_ID)
        try:
            store.clinic_name(db, clinic_id)
        except UnknownClinicError:
            raise ProblemError(404, "not-found", "no such clinic") from None
        return claim_outcomes.plant(
            db,
            remittance_id,
            claim_outcomes.Payment(
                detail.claim_id, detail.idempotency_key, detail.part, detail.amount_fen
            ),
            clinic_id=clinic_id,
            payment_date=detail.payment_date or today,
            now=now,
        )
