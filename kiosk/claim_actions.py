"""What a manager does to a claim the insurer does not pay as it stands: send a stopped one
again, or mark one settled another way (the family paid, say) with a note saying how.

The rule lives here, not in a screen: only someone with `Permission.SETTLE` may change a claim,
whichever screen or tab asked, and the change and its audit entry (under that person) are one
journal transaction, so a refused or failed change leaves nothing behind. The manager's screens
call these on a worker thread (they write the journal); `kiosk outbox retry|resolve` calls them
as the console operator.
"""

from __future__ import annotations

from kiosk.journal import ClaimRecord, Journal
from kiosk.staff import Operator, Permission, actor_of, require


class NoSettleNote(ValueError):
    """A claim is marked settled only with a note saying how: the audit trail keeps it."""


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
