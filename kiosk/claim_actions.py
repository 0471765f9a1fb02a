"""What a manager does to a claim: send a stopped one again, mark one settled another way (the
family paid, say) with a note saying how, void a signed claim the insurer never recorded, or
cancel an accepted one at the insurer.

The rule lives here, not in a screen: only someone with `Permission.SETTLE` may send again or
settle, only someone with `Permission.VOID` may void or cancel, whichever screen or tab asked;
the change and its audit entry (under that person) are one journal transaction, so a refused or
failed change leaves nothing behind. A cancellation asks the insurer first and writes the journal
only once it answered yes; asked again after a failure, the insurer answers the same. The
manager's screens call these on a worker thread (they write the journal, a cancellation calls the
insurer); `kiosk outbox retry|resolve` calls the first two as the console operator.
"""

from __future__ import annotations

from typing import Protocol

from kiosk.insurer.models import ClaimResult
from kiosk.journal import ClaimRecord, Journal
from kiosk.journal.claim_changes import (
    accepted_insurer_claim_id,
    record_cancellation,
)
from kiosk.journal.claim_changes import void_claim as record_void
from kiosk.staff import Operator, Permission, actor_of, require

REASON_MAX = 200
"""The longest reason for a void or a cancellation (the insurer takes 256 characters)."""


class NoSettleNote(ValueError):
    """A claim is marked settled only with a note saying how: the audit trail keeps it."""


class BadReason(ValueError):
    """A void or a cancellation needs a reason, of at most `REASON_MAX` characters."""


class ClaimCanceller(Protocol):
    """What a cancellation needs from the insurer client (`kiosk.insurer.client.InsurerClient`)."""

    def cancel_claim(self, claim_id: str, reason: str) -> ClaimResult: ...


def requeue_claim(journal: Journal, claim_id: int, *, by: Operator) -> ClaimRecord:
    """Put a stopped claim back among those waiting to send, under its own key; `NotAllowed`
    unless `by` may settle claims, `RecordConflict` if the claim no longer needs attention."""
    require(by, Permission.SETTLE)
    with journal.transaction(actor=actor_of(by)) as tx:
        return tx.requeue_claim(claim_id)


def settle_claim(journal: Journal, claim_id: int, note: str, *, by: Operator) -> ClaimRecord:
    """Close a refused or stopped claim that was settled another way; the note is audited.
    `NotAllowed` unless `by` may settle claims, `NoSettleNote` for a blank note."""
    require(by, Permission.SETTLE)
    note = note.strip()
    if not note:
        raise NoSettleNote("say how the claim was settled")
    with journal.transaction(actor=actor_of(by)) as tx:
        return tx.resolve_claim(claim_id, note)


def void_claim(journal: Journal, claim_id: int, reason: str, *, by: Operator) -> ClaimRecord:
    """Void a signed claim the insurer has not recorded: it is never sent; the bill, the
    signature and the reason stay. `NotAllowed` unless `by` may void, `BadReason`,
    `ClaimBeingSent` while the outbox is sending it (try again in a moment), `ClaimNotVoidable`
    for a claim the insurer has (cancel it instead) or one already closed."""
    require(by, Permission.VOID)
    reason = _reason(reason)
    with journal.transaction(actor=actor_of(by)) as tx:
        return record_void(tx, claim_id, reason, by=actor_of(by))


def cancel_claim(
    journal: Journal, insurer: ClaimCanceller, claim_id: int, reason: str, *, by: Operator
) -> ClaimRecord:
    """Cancel a claim the insurer accepted: the insurer gives back the fully-paid visit and pre-auth
    uses it took and pays nothing; the journal keeps the reason and the insurer's answer.
    `NotAllowed` unless `by` may void, `BadReason`, `ClaimNotCancellable` when the journal has
    no accepted claim; the insurer's own refusal as its error (`InsurerRejected` with
    `claim-not-cancellable` once it paid, `InsurerNotFound` for another clinic's claim), with
    nothing written."""
    require(by, Permission.VOID)
    reason = _reason(reason)
    insurer_claim_id = accepted_insurer_claim_id(journal.claim(claim_id))
    answer = insurer.cancel_claim(insurer_claim_id, reason)
    with journal.transaction(actor=actor_of(by)) as tx:
        return record_cancellation(tx, claim_id, answer, reason, by=actor_of(by))


def _reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if not reason:
        raise BadReason("say why")
    if len(reason) > REASON_MAX:
        raise BadReason(f"a reason has at most {REASON_MAX} characters, not {len(reason)}")
    return reason
