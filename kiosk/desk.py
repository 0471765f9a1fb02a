"""What the desk writes to the journal as a visit goes: the shown bill, the signed claim, payment.

These run on a worker thread (they touch the disk). The claim is stored together with its
signature in one transaction and only then handed to the outbox, so a signed claim exists on disk
before anything is sent, and a screen never sends a claim itself. Pre-auth requests go the same
way, through `kiosk.preauths.file_preauth`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from kiosk.billing import ShownBill
from kiosk.correction import Correction
from kiosk.insurer.models import Adjudication, Bill, ClaimSubmission, PhoneGuarantee
from kiosk.journal import ClaimRecord, Journal, PaymentMethod
from kiosk.journal.claim_changes import note_correction
from kiosk.journal.payments import VisitAccount
from kiosk.journal.statements import StatementRecord, record_statement, statement_content
from kiosk.payments import PaymentPart, take_payment
from kiosk.signature import Signature
from kiosk.statement import StatementContent, StatementFacts


class NothingToClaim(ValueError):
    """The insurer pays nothing on this bill: it is a self-pay visit, and no claim is made."""


@dataclass(frozen=True)
class PresentedBill:
    """A bill as recorded in the journal at the moment it was turned to the family."""

    journal_visit_id: int
    bill_id: int
    shown: ShownBill

    @property
    def bill_hash(self) -> str:
        return self.shown.hash

    @property
    def invoice_no(self) -> str:
        return self.shown.invoice_no

    @property
    def self_pay(self) -> bool:
        """The insurer pays nothing: the family pays the whole bill and no claim is made."""
        return self.shown.totals.covered_fen == 0


def new_invoice_no(bill: Bill, journal_visit_id: int) -> str:
    """Service date, journal visit and a random tag: unique across the clinic's desks."""
    tag = secrets.token_hex(2).upper()
    return f"{bill.service_date:%Y%m%d}-{journal_visit_id:05d}-{tag}"


def present_bill(
    journal: Journal,
    bill: Bill,
    adjudication: Adjudication,
    *,
    clinic: str,
    names_en: Mapping[str, str] | None = None,
    journal_visit_id: int | None = None,
) -> PresentedBill:
    """Record the bill exactly as it will be shown, and return it with its hash."""
    with journal.transaction(actor="desk") as tx:
        if journal_visit_id is None:
            journal_visit_id = tx.open_visit(bill.member_id, bill.service_date, bill.visit_type)
        shown = ShownBill(
            bill,
            adjudication,
            clinic=clinic,
            invoice_no=new_invoice_no(bill, journal_visit_id),
            names_en=names_en,
        )
        bill_id = tx.record_bill(
            journal_visit_id,
            bill,
            clinic_invoice_no=shown.invoice_no,
            bill_hash=shown.hash,
            adjudication=adjudication,
        )
    return PresentedBill(journal_visit_id, bill_id, shown)


def sign_and_queue(
    journal: Journal,
    presented: PresentedBill,
    signature: Signature,
    signed_at: datetime,
    facts: StatementFacts | None = None,
    *,
    phone_guarantee: PhoneGuarantee | None = None,
    correction: Correction | None = None,
) -> ClaimRecord:
    """Store the signature, what the family read (`facts`) and the claim it authorises in one
    transaction (the outbox sends it). A bill signed under a phone guarantee carries it: the
    insurer checks the reference and adjudicates the claim when it arrives. A corrected bill
    names the accepted claim it replaces (`correction`), noted in the audit trail with the
    manager who started it."""
    if presented.shown.totals.covered_fen == 0:
        raise NothingToClaim(presented.invoice_no)
    evidence = signature.evidence(presented.bill_hash, signed_at)
    submission = ClaimSubmission(
        bill=presented.shown.bill,
        bill_hash=presented.bill_hash,
        signature=evidence,
        expected_covered_fen=presented.shown.totals.covered_fen,
        clinic_invoice_no=presented.invoice_no,
        shown=presented.shown.shown_to_family(),
        phone_guarantee=phone_guarantee,
        replaces=correction.insurer_claim_id if correction is not None else None,
    )
    with journal.transaction(actor="desk") as tx:
        tx.record_signature(presented.bill_id, signature.to_bytes(), evidence, facts=facts)
        claim = tx.enqueue_claim(presented.bill_id, submission)
        if correction is not None:
            note_correction(
                tx,
                claim,
                correction.claim_id,
                correction.insurer_claim_id,
                by=correction.started_by_actor,
            )
        return claim


def record_payment(
    journal: Journal,
    presented: PresentedBill,
    method: PaymentMethod,
    amount_fen: int,
) -> VisitAccount:
    """The family paid `amount_fen` of its part at the desk by one method (the one-tap fast
    path); less than its part leaves the rest owed to the clinic. Splits, collections and
    refunds are `kiosk.payments`' (whose `PaymentRefused` this raises too)."""
    part = PaymentPart(method, amount_fen)
    return take_payment(journal, presented.journal_visit_id, [part])


def keep_statement(
    journal: Journal,
    bill_id: int,
    render: Callable[[StatementContent], bytes],
    *,
    facts: StatementFacts | None = None,
) -> tuple[StatementContent, StatementRecord]:
    """Make the bill's next statement version from the journal as it stands (claim, payments)
    and keep it; the outbox delivers it once the claim is accepted. `render` paints the PDF."""
    content = statement_content(journal, bill_id, facts=facts)
    pdf = render(content)
    with journal.transaction(actor="desk") as tx:
        return content, record_statement(tx, content, pdf)
