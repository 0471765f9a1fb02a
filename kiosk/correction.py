"""Correcting the bill of an accepted claim: the family re-signs, the corrected claim replaces
the accepted one at the insurer (FHIR Claim.related, relationship "replaces"), and what the
family paid at the desk is settled against the corrected share.

A manager starts a correction (`correction_of`); the desk then builds the corrected bill on the
original visit, from the original lines, estimated with `replaces` (as if the accepted claim were
given back), and the family signs it. The corrected bill is recorded on the same journal visit,
so the visit's family share becomes the corrected one and its payments stay what the family
paid: a larger share leaves the difference to pay (as any part payment), a smaller one is given
back by `refund_overpayment`, by the methods the family paid with, the largest first. Nothing is
refunded before the insurer accepted the correction: until then the original claim stands.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.insurer.models import Bill
from kiosk.journal import Journal, PaymentMethod, RefundRecord
from kiosk.journal.claim_changes import accepted_insurer_claim_id
from kiosk.journal.payments import VisitAccount, insert_refund, read_visit_account, visit_account
from kiosk.staff import Operator, Permission, actor_of, require
from kiosk.statement import StatementFacts

METHOD_ORDER = tuple(PaymentMethod)
"""Between two methods that paid the same, the refund goes back by the first of these (cash,
bank card, WeChat Pay, Alipay)."""


@dataclass(frozen=True)
class Correction:
    """What is being corrected: an accepted claim, its bill and visit, and who started it."""

    claim_id: int
    """The journal's claim being replaced."""
    insurer_claim_id: str
    statement_no: str
    """The family's statement (the bill's number) that the corrected bill replaces."""
    member_id: str
    child_masked: str
    """The child's name as masked on the original statement; "" when it was not kept."""
    journal_visit_id: int
    bill: Bill
    """The original bill: its lines, service date and visit type are the correction's start."""
    facts: StatementFacts | None
    """What the family read when signing the original (policy, plan, clinic), if kept."""
    paid_fen: int
    """What the family paid at the desk for the original visit, net of refunds."""
    started_by: Operator
    """The manager who started it: refunds of an overpayment are recorded under them."""

    @property
    def started_by_actor(self) -> str:
        return actor_of(self.started_by)


@dataclass(frozen=True)
class Settlement:
    """What is left to settle at the desk on a corrected visit."""

    to_pay_fen: int
    """Still to pay: the corrected share is larger than what was paid."""
    refunds: tuple[tuple[PaymentMethod, int], ...]
    """To give back, by method (largest first): the corrected share is smaller."""

    @property
    def refund_fen(self) -> int:
        return sum(amount for _method, amount in self.refunds)


def correction_of(journal: Journal, claim_id: int, *, by: Operator) -> Correction:
    """Start correcting the bill of an accepted claim. `NotAllowed` unless `by` may void or
    cancel claims; `ClaimNotCancellable` unless the journal has the claim as accepted."""
    require(by, Permission.VOID)
    claim = journal.claim(claim_id)
    insurer_claim_id = accepted_insurer_claim_id(claim)
    record = journal.bill(claim.bill_id)
    signature = journal.signature(claim.bill_id)
    facts = signature.facts if signature is not None else None
    return Correction(
        claim_id=claim.id,
        insurer_claim_id=insurer_claim_id,
        statement_no=claim.clinic_invoice_no,
        member_id=record.member_id,
        child_masked=facts.child_masked if facts is not None else "",
        journal_visit_id=record.visit_id,
        bill=claim.submission().bill,
        facts=facts,
        paid_fen=read_visit_account(journal, record.visit_id).net_paid_fen,
        started_by=by,
    )


def settlement(account: VisitAccount) -> Settlement:
    """Compare the visit's (corrected) family share with what the family kept paid: the rest to
    pay, or the overpayment by the methods it was paid with, the largest first."""
    over = account.net_paid_fen - account.share_fen
    refunds: list[tuple[PaymentMethod, int]] = []
    if over > 0:
        net = account.net_by_method()
        ranked = sorted(
            (m for m in METHOD_ORDER if net.get(m, 0) > 0),
            key=lambda m: -net[m],  # a stable sort: ties stay in METHOD_ORDER
        )
        for method in ranked:
            if over == 0:
                break
            amount = min(net[method], over)
            refunds.append((method, amount))
            over -= amount
    return Settlement(to_pay_fen=account.left_fen, refunds=tuple(refunds))


def refund_overpayment(
    journal: Journal, visit_id: int, statement_no: str, *, by: Operator
) -> tuple[RefundRecord, ...]:
    """Give back what the family paid above the corrected share of the visit, by method, with
    the reason "corrected bill <statement_no>", under `by` (who may settle: `NotAllowed`
    otherwise). Worked out and recorded in one transaction: asked twice, the second time finds
    nothing more to give back."""
    require(by, Permission.SETTLE)
    actor = actor_of(by)
    with journal.transaction(actor=actor) as tx:
        plan = settlement(visit_account(tx.db, visit_id)).refunds
        return tuple(
            insert_refund(
                tx,
                visit_id,
                method,
                amount,
                reason=f"corrected bill {statement_no}",
                reference=None,
                refunded_by=actor,
            )
            for method, amount in plan
        )
