"""The insurer's remittances as the desk fetched them (`GET /v1/remittances`): kept as listed, so
the manager's matching (`kiosk.receivables`) reads what the insurer said it paid, not what the
desk expected. A remittance fetched again replaces its earlier copy (the insurer's word is the
latest one), and the change is audited.

Each detail is tied, when it is kept, to the claim this desk sent with its idempotency key (the
insurer can only pay a claim it was sent, so a claim that is not here then never will be), and
counts the details kept before it that pay the same share of that claim (`paid_before`): the
matching then reads the claims by their ids, a week's claims side by side, and finds a second
payment without searching every remittance again.
"""

from __future__ import annotations

from kiosk.insurer.remittances import Remittance, RemittanceDetail, RemittanceList
from kiosk.journal.store import Transaction


def record_remittances(tx: Transaction, listing: RemittanceList) -> int:
    """Keep each remittance of `listing`; how many were new or differed from the kept copy."""
    changed = 0
    for remittance in listing.remittances:
        if _kept(tx, remittance) == _as_rows(remittance):
            continue
        changed += 1
        tx.db.execute(
            "DELETE FROM remittance_details WHERE remittance_id = ?", (remittance.remittance_id,)
        )
        tx.db.execute(
            "INSERT OR REPLACE INTO remittances (remittance_id, payment_date, payment_amount_fen,"
            " details, details_fen, fetched_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                remittance.remittance_id,
                remittance.payment_date.isoformat(),
                remittance.payment_amount_fen,
                len(remittance.details),
                sum(detail.amount_fen for detail in remittance.details),
                tx.timestamp(),
            ),
        )
        for position, detail in enumerate(remittance.details, start=1):
            claim = tx.db.execute(
                "SELECT id FROM claims WHERE idempotency_key = ?", (detail.idempotency_key,)
            ).fetchone()
            paid_before = 0
            if claim is not None:
                paid_before = tx.db.execute(
                    "SELECT count(*) FROM remittance_details WHERE claim_id = ? AND part = ?",
                    (claim[0], detail.part.value),
                ).fetchone()[0]
            tx.db.execute(
                "INSERT INTO remittance_details (remittance_id, position, insurer_claim_id,"
                " idempotency_key, part, amount_fen, claim_id, paid_before)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    remittance.remittance_id,
                    position,
                    detail.claim_id,
                    detail.idempotency_key,
                    detail.part.value,
                    detail.amount_fen,
                    None if claim is None else claim[0],
                    paid_before,
                ),
            )
            if claim is not None:
                _payment_of_claim(tx, claim[0], remittance, detail)
        tx.append_audit(
            "remittance.fetched",
            f"remittance:{remittance.remittance_id}",
            {
                "payment_date": remittance.payment_date.isoformat(),
                "payment_amount_fen": remittance.payment_amount_fen,
                "details": len(remittance.details),
            },
        )
    return changed


Rows = tuple[tuple[str, int], list[tuple[str, str, str, int]]]


def _as_rows(remittance: Remittance) -> Rows:
    return (
        (remittance.payment_date.isoformat(), remittance.payment_amount_fen),
        [
            (detail.claim_id, detail.idempotency_key, detail.part.value, detail.amount_fen)
            for detail in remittance.details
        ],
    )


def _kept(tx: Transaction, remittance: Remittance) -> Rows | None:
    head = tx.db.execute(
        "SELECT payment_date, payment_amount_fen FROM remittances WHERE remittance_id = ?",
        (remittance.remittance_id,),
    ).fetchone()
    if head is None:
        return None
    details = tx.db.execute(
        "SELECT insurer_claim_id, idempotency_key, part, amount_fen FROM remittance_details"
        " WHERE remittance_id = ? ORDER BY position",
        (remittance.remittance_id,),
    ).fetchall()
    return (head[0], head[1]), [tuple(row) for row in details]


def _payment_of_claim(
    tx: Transaction, claim_id: int, remittance: Remittance, detail: RemittanceDetail
) -> None:
    """A detail is a payment of the claim it names: kept with the claim as the insurer's own
    status answer keeps it, and the claim asked about soon (its review may be news here)."""
    tx.db.execute(
        "INSERT OR IGNORE INTO claim_payments (claim_id, remittance_id, part, payment_date,"
        " amount_fen) VALUES (?, ?, ?, ?, ?)",
        (
            claim_id,
            remittance.remittance_id,
            detail.part.value,
            remittance.payment_date.isoformat(),
            detail.amount_fen,
        ),
    )
    tx.db.execute(
        "UPDATE claims SET next_status_check_at = ? WHERE id = ? AND next_status_check_at > ?",
        (tx.timestamp(), claim_id, tx.timestamp()),
    )
