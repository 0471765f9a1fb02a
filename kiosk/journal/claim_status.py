"""What the insurer says of a claim after it accepted it: its review (the final amounts, what
moved to the family), its payments, and when the desk asks again.

A sent claim is watched (it has a `next_status_check_at`) until nothing more can happen to it:
paid, rejected or cancelled at the insurer, and any balance the review moved to the family passed
on to the clinic. Each check that finds the claim unchanged waits twice as long before the next
(from `FIRST_CHECK` up to `LONGEST_WAIT`); a change starts again from `FIRST_CHECK`. Each change
is kept (`claim_status_changes`) and audited. The claim's `covered_fen` stays what the insurer
accepted (what a phone-guaranteed family owes the desk is measured against it); its
`final_covered_fen` is what the review left, and the figures read that once there is one
(`INSURER_COVERS`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Alias, ColumnElement, func

from kiosk.insurer.models import (
    FINAL_CLAIM_STATUSES,
    ClaimResult,
    ClaimStatus,
    PaymentPart,
)
from kiosk.journal.errors import RecordConflict
from kiosk.journal.rows import to_timestamp
from kiosk.journal.shapes import ON_THE_DESK, journal_sql
from kiosk.journal.store import FIRST_STATUS_CHECK, Journal, Transaction

FIRST_CHECK = FIRST_STATUS_CHECK
"""After acceptance or a change: the insurer reviews and pays in runs, not by the minute."""


def insurer_covers(claim: Alias) -> ColumnElement[int]:
    """What the insurer covers of `claim` as it now stands: the final amount after review, the
    accepted one before."""
    return func.coalesce(claim.c.final_covered_fen, claim.c.covered_fen)


_c = ON_THE_DESK.table("claims", "c")
INSURER_COVERS = journal_sql(insurer_covers(_c), _c)
"""SQL for the journal's own queries: `insurer_covers` of claim `c`."""
LONGEST_WAIT = timedelta(days=1)
"""However long a claim has stayed the same, it is asked about at least daily."""
BALANCE_WAIT = timedelta(days=7)
"""A claim the insurer has settled, but for a balance the family has not paid yet: weekly."""


@dataclass(frozen=True, slots=True)
class WatchedClaim:
    """A claim to ask the insurer about: the journal's id and what the insurer calls it."""

    id: int
    insurer_claim_id: str
    idempotency_key: str


@dataclass(frozen=True, slots=True)
class ClaimStatusChange:
    """A claim the insurer moved on (told to subscribers, kept in `claim_status_changes`)."""

    claim_id: int
    insurer_claim_id: str
    old_status: ClaimStatus | None
    status: ClaimStatus
    covered_fen: int
    family_balance_fen: int | None
    paid_fen: int


def claims_to_check(journal: Journal, due_by: datetime, limit: int) -> list[WatchedClaim]:
    """The watched claims due to be asked about by `due_by`, longest waiting first."""
    with journal.reading() as db:
        rows = db.execute(
            "SELECT id, insurer_claim_id, idempotency_key FROM claims"
            " INDEXED BY claims_by_next_status_check"
            " WHERE next_status_check_at IS NOT NULL AND next_status_check_at <= ?"
            " ORDER BY next_status_check_at, id LIMIT ?",
            (to_timestamp(due_by), limit),
        ).fetchall()
    return [WatchedClaim(row[0], row[1], row[2]) for row in rows]


def next_status_check_at(journal: Journal) -> datetime | None:
    """When the next watched claim is due, None when none is watched."""
    with journal.reading() as db:
        row = db.execute(
            "SELECT min(next_status_check_at) FROM claims INDEXED BY claims_by_next_status_check"
            " WHERE next_status_check_at IS NOT NULL"
        ).fetchone()
    return None if row[0] is None else datetime.fromisoformat(row[0])


def record_status_unchanged(tx: Transaction, claim_id: int) -> None:
    """The insurer could not say (it no longer knows the claim, or refused to answer): ask again
    later, as if nothing changed."""
    checks = tx.db.execute("SELECT status_checks FROM claims WHERE id = ?", (claim_id,)).fetchone()
    _schedule(tx, claim_id, tx.now(), checks[0] + 1, watching=True)


def record_claim_status(
    tx: Transaction, claim_id: int, result: ClaimResult
) -> ClaimStatusChange | None:
    """Keep what the insurer says of a sent claim now; the change, None when nothing moved.
    An answer about another claim is a `RecordConflict` (nothing kept)."""
    row = tx.db.execute(
        f"SELECT insurer_claim_id, idempotency_key, insurer_status, {INSURER_COVERS},"
        " family_balance_fen, family_balance_paid_at, status_checks, state FROM claims c"
        " WHERE id = ?",
        (claim_id,),
    ).fetchone()
    if row is None or row[0] != result.claim_id or row[1] != result.idempotency_key:
        raise RecordConflict("The insurer's answer is for a different claim.")
    if row[7] != "sent":
        # Voided, cancelled or replaced here meanwhile: the desk's own record of why stands.
        _schedule(tx, claim_id, tx.now(), row[6] + 1, watching=False)
        return None
    old_status = ClaimStatus(row[2]) if row[2] is not None else None
    review = result.review
    covered = (review.adjudication if review else result.adjudication).total_covered_fen
    balance = result.family_balance
    balance_fen = balance.amount_fen if balance else None
    balance_paid_at = to_timestamp(balance.paid_at) if balance and balance.paid_at else None
    paid_before = _paid(tx, claim_id)
    for payment in result.payments:
        tx.db.execute(
            "INSERT OR IGNORE INTO claim_payments (claim_id, remittance_id, part, payment_date,"
            " amount_fen) VALUES (?, ?, ?, ?, ?)",
            (
                claim_id,
                payment.remittance_id,
                payment.part.value,
                payment.payment_date.isoformat(),
                payment.amount_fen,
            ),
        )
    paid = _paid(tx, claim_id)
    changed = (old_status, row[3], row[4], row[5], paid_before) != (
        result.status,
        covered,
        balance_fen,
        balance_paid_at,
        paid,
    )
    tx.db.execute(
        "UPDATE claims SET insurer_status = ?, reject_code = ?, final_covered_fen = ?,"
        " review_outcome = ?, review_reason = ?, reviewed_at = ?,"
        " family_balance_fen = ?, family_balance_paid_at = ? WHERE id = ?",
        (
            result.status.value,
            result.reject_code,
            review.adjudication.total_covered_fen if review else None,
            review.outcome.value if review else None,
            review.reason if review else None,
            to_timestamp(review.reviewed_at) if review else None,
            balance_fen,
            balance_paid_at,
            claim_id,
        ),
    )
    now = tx.now()
    _schedule(
        tx,
        claim_id,
        now,
        0 if changed else row[6] + 1,
        watching=not _settled(tx, claim_id, result),
        longest=BALANCE_WAIT if result.status in FINAL_CLAIM_STATUSES else LONGEST_WAIT,
    )
    if not changed:
        return None
    change = ClaimStatusChange(
        claim_id=claim_id,
        insurer_claim_id=result.claim_id,
        old_status=old_status,
        status=result.status,
        covered_fen=covered,
        family_balance_fen=balance_fen,
        paid_fen=paid,
    )
    tx.db.execute(
        "INSERT INTO claim_status_changes (claim_id, seen_at, status, covered_fen,"
        " family_balance_fen, paid_fen) VALUES (?, ?, ?, ?, ?, ?)",
        (claim_id, to_timestamp(now), result.status.value, covered, balance_fen, paid),
    )
    tx.append_audit(
        "claim.status",
        f"claim:{claim_id}",
        {
            "insurer_claim_id": result.claim_id,
            "old_status": old_status.value if old_status else None,
            "status": result.status.value,
            "covered_fen": covered,
            "family_balance_fen": balance_fen,
            "family_balance_paid": balance_paid_at is not None,
            "paid_fen": paid,
        },
    )
    return change


def _paid(tx: Transaction, claim_id: int) -> int:
    row = tx.db.execute(
        "SELECT coalesce(sum(amount_fen), 0) FROM claim_payments WHERE claim_id = ?", (claim_id,)
    ).fetchone()
    return int(row[0])


def _settled(tx: Transaction, claim_id: int, result: ClaimResult) -> bool:
    """Nothing more can happen: the claim is final, and any balance moved to the family has been
    passed on to the clinic."""
    if result.status not in FINAL_CLAIM_STATUSES:
        return False
    if result.family_balance is None or result.family_balance.amount_fen == 0:
        return True
    passed_on = tx.db.execute(
        "SELECT 1 FROM claim_payments WHERE claim_id = ? AND part = ?",
        (claim_id, PaymentPart.FAMILY_BALANCE.value),
    ).fetchone()
    return passed_on is not None


def _schedule(
    tx: Transaction,
    claim_id: int,
    now: datetime,
    checks: int,
    *,
    watching: bool,
    longest: timedelta = LONGEST_WAIT,
) -> None:
    wait = min(FIRST_CHECK * 2 ** min(checks, 16), longest)
    tx.db.execute(
        "UPDATE claims SET status_checks = ?, next_status_check_at = ? WHERE id = ?",
        (checks, to_timestamp(now + wait) if watching else None, claim_id),
    )
