"""The insurer's payments to the clinic (FHIR PaymentReconciliation): each payment run pays the
clinic one remittance whose details name the claims it pays and which share of each.

The clinic matches every detail to a claim it sent: a detail for a claim it does not have, or an
amount other than the one it expects, is a finding for the manager (`kiosk.receivables`).
"""

from __future__ import annotations

from pydantic import Field

from kiosk.insurer.models import Contract, IsoDate, PaymentPart
from kiosk.money import Fen


class RemittanceDetail(Contract):
    """One claim's share paid by a remittance (PaymentReconciliation.detail)."""

    claim_id: str = Field(min_length=1, max_length=64)
    idempotency_key: str = Field(
        min_length=1, max_length=64, description="The key the clinic sent the claim with"
    )
    part: PaymentPart
    amount_fen: Fen


class Remittance(Contract):
    """One payment to the clinic (PaymentReconciliation): its reference, date, amount and what
    it pays. `payment_amount_fen` is what reached the bank; the details should add up to it."""

    remittance_id: str = Field(min_length=1, max_length=64)
    clinic_id: str
    payment_date: IsoDate
    payment_amount_fen: Fen
    details: list[RemittanceDetail]


class RemittanceList(Contract):
    """The calling clinic's remittances paid from `from_date` to `to_date`, both included."""

    clinic_id: str
    from_date: IsoDate
    to_date: IsoDate
    remittances: list[Remittance]
