"""Builds signed claims the way the desk does, for the journal tests and the crash-test child."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

from kiosk.billing import build_bill
from kiosk.catalogue import CatalogueItem
from kiosk.insurer import models
from kiosk.insurer.models import (
    Adjudication,
    Bill,
    ClaimSubmission,
    ItemCategory,
    ShownToFamily,
    SignatureEvidence,
)
from kiosk.journal import ClaimRecord, Transaction

CLINIC = "Test clinic"

SANDBOX_MEMBER = "M26000106"
"""A demo member of the insurer sandbox: standard tier with its free visits used, so the insurer
pays a fixed 50% whatever order claims arrive in (and 200 small visits stay under the CNY 30,000
that would call for a pre-auth)."""


def visit_bill(member_id: str, visit_no: int, service_date: date) -> Bill:
    """A consultation plus a drug; quantities vary with `visit_no` so every bill differs."""
    consultation = _item("C001", "门诊诊查", ItemCategory.CONSULTATION, 15_000)
    drug = _item("D017", "布洛芬混悬液", ItemCategory.DRUG, 2_350 + visit_no)
    return build_bill(member_id, service_date, [(consultation, 1), (drug, 1 + visit_no % 97)])


def follow_up_bill(visit_no: int, service_date: date, member_id: str = SANDBOX_MEMBER) -> Bill:
    """A small follow-up visit for the sandbox member; the drug line varies with `visit_no`."""
    consultation = _item("GP002", "儿科复诊诊查费", ItemCategory.CONSULTATION, 8_000)
    drug = _item("RX006", "口服补液盐散（III）", ItemCategory.DRUG, 1_000 + visit_no)
    return build_bill(member_id, service_date, [(consultation, 1), (drug, 1 + visit_no % 3)])


def _item(code: str, name: str, category: ItemCategory, unit_price_fen: int) -> CatalogueItem:
    """An item at this test's own price (the demo catalogue's prices do not vary per visit)."""
    return CatalogueItem(code, name, "", category, unit_price_fen)


def strokes_for(visit_no: int) -> bytes:
    """An opaque strokes blob; the journal keeps it byte for byte."""
    return f'{{"v":1,"strokes":[[[10,10,0],[40,{20 + visit_no % 50},12]]]}}'.encode()


def shown_to_family(adjudication: Adjudication) -> ShownToFamily:
    """The claim's `shown` block: the test clinic's name, the estimate, no English names."""
    return ShownToFamily(provider_display=CLINIC, adjudication=adjudication)


def shown_bill_hash(bill: Bill, adjudication: Adjudication, invoice_no: str) -> str:
    """The bill hash the desk computes, as the insurer recomputes it from the claim."""
    shown = shown_to_family(adjudication)
    return models.shown_bill_hash(
        bill,
        adjudication,
        clinic=shown.provider_display,
        invoice_no=invoice_no,
        names_en=shown.item_display_en,
    )


def claim_submission(
    bill: Bill, adjudication: Adjudication, invoice_no: str, evidence: SignatureEvidence
) -> ClaimSubmission:
    """The claim the desk queues for a signed bill."""
    return ClaimSubmission(
        bill=bill,
        bill_hash=evidence.bill_hash,
        signature=evidence,
        expected_covered_fen=adjudication.total_covered_fen,
        clinic_invoice_no=invoice_no,
        shown=shown_to_family(adjudication),
    )


def sign_and_enqueue(
    tx: Transaction,
    bill: Bill,
    adjudication: Adjudication,
    *,
    invoice_no: str,
    strokes: bytes,
    signed_at: datetime | None = None,
) -> ClaimRecord:
    """The desk's whole "family signed" step in one transaction: visit, bill, signature, claim."""
    shown_hash = shown_bill_hash(bill, adjudication, invoice_no)
    visit_id = tx.open_visit(bill.member_id, bill.service_date, bill.visit_type)
    bill_id = tx.record_bill(
        visit_id,
        bill,
        clinic_invoice_no=invoice_no,
        bill_hash=shown_hash,
        adjudication=adjudication,
    )
    evidence = SignatureEvidence(
        bill_hash=shown_hash,
        strokes_sha256=hashlib.sha256(strokes).hexdigest(),
        point_count=2,
        signed_at=signed_at or datetime.now(UTC),
    )
    tx.record_signature(bill_id, strokes, evidence)
    submission = claim_submission(bill, adjudication, invoice_no, evidence)
    return tx.enqueue_claim(bill_id, submission)
