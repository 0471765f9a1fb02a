"""Voiding and cancelling signed claims: the journal's side of `kiosk.claim_actions`.

A claim the insurer never recorded (waiting in the outbox, or stopped before the insurer gave it
a claim number) is voided here: it is never sent, and the bill, the signature and the reason stay.
The outbox begins each send in a transaction that reads the claim's state
(`Transaction.begin_attempt` sends only a waiting claim), and a void is refused while a send is
in flight; both take the journal's write lock, so a claim is either sent or voided, never both.

A claim the insurer accepted is cancelled at the insurer first (it gives back what the claim
used); its answer is then recorded here. Either change and its audit entry are one transaction.

A corrected claim (`kiosk.correction`) replaces an accepted one: the insurer cancels the replaced
claim in the same step as it records the correction, so the journal closes the replaced claim
as cancelled ("replaced by" the new claim number) in the transaction that records the
correction's answer; a refused correction leaves the replaced claim as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from kiosk.insurer.models import ClaimResult, ClaimStatus
from kiosk.journal.errors import RecordConflict
from kiosk.journal.records import AttemptOutcome, ClaimRecord, ClaimState
from kiosk.journal.rows import fetch_claim, from_timestamp
from kiosk.journal.store import Journal, Transaction


class ClaimBeingSent(RecordConflict):
    """The outbox is sending this claim at this moment: try again once the send has ended."""


class ClaimNotVoidable(RecordConflict):
    """Only a claim the insurer has not recorded can be voided; `recorded` when the insurer has
    it (it is cancelled at the insurer instead)."""

    def __init__(self, message: str, *, recorded: bool) -> None:
        super().__init__(message)
        self.recorded = recorded


class ClaimNotCancellable(RecordConflict):
    """Only a claim the insurer accepted (and has not paid) can be cancelled at the insurer."""


REPLACED_BY = "replaced by "
"""How the closing reason of a claim replaced by a correction begins; the new claim number
follows (a screen says it in its own words)."""

CORRECTION_SIGNED = "claim.correction-signed"
"""The audit action of a corrected claim signed by the family; its detail names the claim it
replaces and the manager who started the correction."""


@dataclass(frozen=True, slots=True)
class ClaimClosure:
    """Why, by whom and when a claim was voided or cancelled."""

    claim_id: int
    state: ClaimState
    reason: str
    by: str
    """The audit trail's actor: `staff:<id>` or `console`."""
    at: datetime
    answer: ClaimResult | None
    """The insurer's answer to the cancellation; None for a void."""


def voidable(claim: ClaimRecord) -> bool:
    """Signed, and the insurer has no record of it: waiting, or stopped before it was recorded."""
    return claim.state is ClaimState.WAITING or (
        claim.state is ClaimState.ATTENTION and claim.insurer_claim_id is None
    )


def cancellable(claim: ClaimRecord) -> bool:
    """Accepted by the insurer, as far as this journal knows (the insurer has the last word)."""
    return (
        claim.state is ClaimState.SENT
        and claim.insurer_claim_id is not None
        and claim.insurer_status is ClaimStatus.ACCEPTED
    )


def void_claim(tx: Transaction, claim_id: int, reason: str, *, by: str) -> ClaimRecord:
    """Void a claim the insurer has not recorded, unless the outbox is sending it right now
    (`ClaimBeingSent`); `ClaimNotVoidable` for any other claim."""
    claim = fetch_claim(tx.db, claim_id)
    if not voidable(claim):
        recorded = claim.insurer_claim_id is not None
        raise ClaimNotVoidable(
            f"Claim {claim_id} is {claim.state.value}"
            + ("; the insurer has it: cancel it there instead." if recorded else "."),
            recorded=recorded,
        )
    in_flight = tx.db.execute(
        "SELECT 1 FROM claim_attempts WHERE claim_id = ? AND outcome = ?",
        (claim_id, AttemptOutcome.IN_FLIGHT.value),
    ).fetchone()
    if in_flight:
        raise ClaimBeingSent(f"Claim {claim_id} is being sent right now.")
    tx.db.execute(
        "UPDATE claims SET state = ?, closed_reason = ?, closed_by = ?, closed_at = ? WHERE id = ?",
        (ClaimState.VOIDED.value, reason, by, tx.timestamp(), claim_id),
    )
    tx.append_audit(
        "claim.voided",
        f"claim:{claim_id}",
        {"reason": reason, "invoice": claim.clinic_invoice_no, "was": claim.state.value},
    )
    return fetch_claim(tx.db, claim_id)


def accepted_insurer_claim_id(claim: ClaimRecord) -> str:
    """The insurer's number of `claim`, which must be accepted (to cancel or correct it);
    `ClaimNotCancellable` otherwise."""
    if not cancellable(claim) or claim.insurer_claim_id is None:
        raise ClaimNotCancellable(f"Claim {claim.id} is not an accepted claim.")
    return claim.insurer_claim_id


def record_cancellation(
    tx: Transaction, claim_id: int, answer: ClaimResult, reason: str, *, by: str
) -> ClaimRecord:
    """The insurer cancelled the claim (`answer`): it pays nothing now. `ClaimNotCancellable`
    when the journal's claim is not the accepted claim the answer is about."""
    claim = fetch_claim(tx.db, claim_id)
    if not cancellable(claim):
        raise ClaimNotCancellable(f"Claim {claim_id} is {claim.state.value}; not cancellable.")
    if answer.claim_id != claim.insurer_claim_id or answer.status is not ClaimStatus.CANCELLED:
        raise ClaimNotCancellable(f"The insurer's answer is not a cancellation of {claim_id}.")
    return _close_cancelled(tx, claim, answer, reason, by)


def _close_cancelled(
    tx: Transaction,
    claim: ClaimRecord,
    cancelled: ClaimResult,
    reason: str,
    by: str,
    **more: str,
) -> ClaimRecord:
    """Close `claim` as cancelled with the insurer's `cancelled` answer, audited (`more`: what
    else the audit entry says)."""
    tx.db.execute(
        "UPDATE claims SET state = ?, insurer_status = ?, closed_reason = ?, closed_by = ?,"
        " closed_at = ?, cancel_answer = ? WHERE id = ?",
        (
            ClaimState.CANCELLED.value,
            ClaimStatus.CANCELLED.value,
            reason,
            by,
            tx.timestamp(),
            cancelled.model_dump_json(),
            claim.id,
        ),
    )
    tx.append_audit(
        "claim.cancelled",
        f"claim:{claim.id}",
        {
            "reason": reason,
            "invoice": claim.clinic_invoice_no,
            "insurer_claim_id": cancelled.claim_id,
            "status": cancelled.status.value,
            **more,
        },
    )
    return fetch_claim(tx.db, claim.id)


def note_correction(
    tx: Transaction, corrected: ClaimRecord, replaced: int, insurer_claim_id: str, *, by: str
) -> None:
    """The family signed `corrected`, which replaces the journal's claim `replaced` (the
    insurer's `insurer_claim_id`), in a correction `by` started: audited with the claim."""
    tx.append_audit(
        CORRECTION_SIGNED,
        f"claim:{corrected.id}",
        {
            "invoice": corrected.clinic_invoice_no,
            "replaces": replaced,
            "replaces_insurer_claim_id": insurer_claim_id,
            "started_by": by,
        },
    )


def record_replacement(
    tx: Transaction, corrected: ClaimRecord, answer: ClaimResult
) -> ClaimRecord | None:
    """The insurer recorded `corrected` (`answer`), which replaced the accepted claim
    `answer.replaces` and cancelled it: close that claim as cancelled, "replaced by" the new
    number, under the manager who started the correction. None when the answer replaced nothing
    or this journal has no such accepted claim."""
    if answer.replaces is None or answer.status is ClaimStatus.REJECTED:
        return None
    row = tx.db.execute(
        "SELECT id FROM claims WHERE insurer_claim_id = ?", (answer.replaces,)
    ).fetchone()
    if row is None or not cancellable(claim := fetch_claim(tx.db, row[0])):
        return None
    signed = tx.db.execute(
        "SELECT detail FROM audit WHERE action = ? AND subject = ? ORDER BY seq DESC LIMIT 1",
        (CORRECTION_SIGNED, f"claim:{corrected.id}"),
    ).fetchone()
    by = str(json.loads(signed[0]).get("started_by", "outbox")) if signed else "outbox"
    reason = f"{REPLACED_BY}{answer.claim_id}"
    submitted = claim.submission()
    # The insurer cancelled it within the correction and answered for the correction only: the
    # replaced claim's answer is the one it was recorded with, now cancelled and replaced.
    cancelled = ClaimResult(
        claim_id=answer.replaces,
        idempotency_key=claim.idempotency_key,
        status=ClaimStatus.CANCELLED,
        adjudication=submitted.shown.adjudication,
        bill_hash=submitted.bill_hash,
        clinic_id=answer.clinic_id,
        member_id=submitted.bill.member_id,
        service_date=submitted.bill.service_date,
        recorded_at=claim.recorded_at or answer.recorded_at,
        replaced_by=answer.claim_id,
    )
    return _close_cancelled(
        tx, claim, cancelled, reason, by, replaced_by=answer.claim_id, started_by=by
    )


def claim_closure(journal: Journal, claim_id: int) -> ClaimClosure | None:
    """Why, by whom and when the claim was voided or cancelled; None for any other claim."""
    with journal.reading() as db:
        row = db.execute(
            "SELECT state, closed_reason, closed_by, closed_at, cancel_answer FROM claims"
            " WHERE id = ? AND closed_at IS NOT NULL",
            (claim_id,),
        ).fetchone()
    if row is None:
        return None
    return ClaimClosure(
        claim_id=claim_id,
        state=ClaimState(row[0]),
        reason=row[1],
        by=row[2],
        at=from_timestamp(row[3]),
        answer=ClaimResult.model_validate_json(row[4]) if row[4] is not None else None,
    )
