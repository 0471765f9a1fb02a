"""The demo clinic's year before today, written into the desk's journal and the sandbox alike, so
the manager's receivables have a history: claims paid, paid late, never paid, rejected after
review, partly not covered, and a remittance that does not match (`insurer_sandbox.history`).

The desk side is written as the desk and its outbox write it (visit, bill and estimate, the
family's signature, the claim queued with its idempotency key, the desk payment, the insurer's
acceptance and, as the outbox would have heard it, each claim's review and payments), on the
journal's own clock set to each visit's time. The insurer's remittances are not: the manager
fetches them on the Receivables tab, as at a real clinic.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from itertools import groupby
from pathlib import Path

from insurer_sandbox.history import SignedPastClaim, past_visits, record_past_claims
from insurer_sandbox.store import Store
from kiosk.billing import bill_hash, build_bill
from kiosk.catalogue_import import load_demo_catalogue
from kiosk.credentials import journal_audit_key
from kiosk.insurer.models import (
    AdjudicatedLine,
    Adjudication,
    Bill,
    ClaimStatus,
    ClaimSubmission,
    ItemCategory,
    Reason,
    ShownToFamily,
    SignatureEvidence,
)
from kiosk.journal import Journal, PaymentMethod
from kiosk.journal.claim_status import record_claim_status

METHODS = (PaymentMethod.WECHAT, PaymentMethod.ALIPAY, PaymentMethod.CARD, PaymentMethod.CASH)


class _VisitClock:
    """The journal's clock, set to each past visit's time as it is written."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def _estimate(bill: Bill) -> Adjudication:
    """What the insurer estimated for a network clinic's bill: medical items covered in full."""
    return Adjudication.of(
        [
            AdjudicatedLine.of(line, 0, Reason.NOT_COVERED)
            if line.category is ItemCategory.NON_MEDICAL
            else AdjudicatedLine.of(line, line.submitted_fen, Reason.COVERED)
            for line in bill.lines
        ],
        free_visit_used=True,
    )


def add_past_year(
    journal_path: Path,
    insurer_data: Path,
    clinic_id: str,
    clinic_name: str,
    today: date,
    *,
    desk: str = "",
    days: int = 365,
) -> int:
    """Write the year before `today` into a desk journal without claims and the sandbox at
    `insurer_data`; how many visits (0 when the journal already has claims). `desk`: another
    desk of the clinic, with visits of its own; `days`: fewer days than a year."""
    catalogue = load_demo_catalogue()
    clock = _VisitClock()
    audit_key = journal_audit_key(journal_path)
    with Journal.open(journal_path, audit_key=audit_key, clock=clock) as journal:
        if journal.claims():
            return 0
        signed: list[tuple[int, SignedPastClaim]] = []
        visits = past_visits(today, days, desk=desk)
        for _, day in groupby(visits, key=lambda visit: visit.service_date):
            with journal.transaction(actor="desk") as tx:
                for visit in day:
                    clock.now = visit.recorded_at
                    bill = build_bill(
                        visit.member_id,
                        visit.service_date,
                        [(catalogue[code], quantity) for code, quantity in visit.items],
                    )
                    estimate = _estimate(bill)
                    shown = bill_hash(
                        bill, estimate, clinic=clinic_name, invoice_no=visit.invoice_no
                    )
                    visit_id = tx.open_visit(visit.member_id, visit.service_date)
                    bill_id = tx.record_bill(
                        visit_id,
                        bill,
                        clinic_invoice_no=visit.invoice_no,
                        bill_hash=shown,
                        adjudication=estimate,
                    )
                    strokes = f'{{"v":1,"strokes":[[[10,10,0],[90,{visit.number % 80},40]]]}}'
                    evidence = SignatureEvidence(
                        bill_hash=shown,
                        strokes_sha256=hashlib.sha256(strokes.encode()).hexdigest(),
                        point_count=2,
                        signed_at=clock.now,
                    )
                    tx.record_signature(bill_id, strokes.encode(), evidence)
                    submission = ClaimSubmission(
                        bill=bill,
                        bill_hash=shown,
                        signature=evidence,
                        expected_covered_fen=estimate.total_covered_fen,
                        clinic_invoice_no=visit.invoice_no,
                        shown=ShownToFamily(provider_display=clinic_name, adjudication=estimate),
                    )
                    queued = tx.enqueue_claim(bill_id, submission)
                    if estimate.total_patient_fen:
                        method = METHODS[visit.number % len(METHODS)]
                        tx.record_payment(visit_id, method, estimate.total_patient_fen)
                    signed.append(
                        (queued.id, SignedPastClaim(visit, submission, queued.idempotency_key))
                    )
        answers = record_past_claims(
            Store.open(insurer_data), clinic_id, [past for _, past in signed], today
        )
        with journal.transaction(actor="outbox") as tx:
            for (claim_id, past), answer in zip(signed, answers, strict=True):
                clock.now = past.visit.recorded_at
                accepted = answer.model_copy(
                    update={
                        "status": ClaimStatus.ACCEPTED,
                        "reject_code": None,
                        "review": None,
                        "family_balance": None,
                        "payments": [],
                    }
                )
                tx.record_claim_answer(tx.begin_attempt(claim_id), accepted)
                record_claim_status(tx, claim_id, answer)
        return len(signed)
