"""The insurer's remittances as the desk fetched them (`GET /v1/remittances`): kept as listed, so
the manager's matching (`kiosk.receivables`) reads what the insurer said it paid, not what the
desk expected. A remittance fetched again replaces its earlier copy (the insurer's word is the
latest one), and the change is audited.

Each detail is tied, when it is kept, to the claim this desk sent with its idempotency key (the
insurer can only pay a claim it was sent, so a claim that is not here then never will be), and
counts the details before it (by payment date, then remittance id) that pay the same share of
that claim (`paid_before`, worked out again for every claim a fetch touches): the matching then
reads the claims by their ids, a week's claims side by side, and finds a second payment without
searching every remittance again. Each detail is also a payment of its claim (`claim_payments`): the
remittance, being what reached the bank, overrides what the insurer's answer about the claim
said it paid.
"""

from __future__ import annotations

from kiosk.insurer.remittances import Remittance, RemittanceList
from kiosk.journal.store import Transaction


def record_remittances(tx: Transaction, listing: RemittanceList) -> int:
    """Keep each remittance of `listing`; how many were new or differed from the kept copy."""
    changed = 0
    touched: set[int] = set()
    for remittance in listing.remittances:
        if _kept(tx, remittance) == _as_rows(remittance):
            continue
        changed += 1
        touched |= _forget(tx, remittance.remittance_id)
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
            claim_id = None if claim is None else int(claim[0])
            tx.db.execute(
                "INSERT INTO remittance_details (remittance_id, position, insurer_claim_id,"
                " idempotency_key, part, amount_fen, claim_id, paid_before)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                (
                    remittance.remittance_id,
                    position,
                    detail.claim_id,
                    detail.idempotency_key,
                    detail.part.value,
                    detail.amount_fen,
                    claim_id,
                ),
            )
            if claim_id is not None:
                touched.add(claim_id)
        tx.append_audit(
            "remittance.fetched",
            f"remittance:{remittance.remittance_id}",
            {
                "payment_date": remittance.payment_date.isoformat(),
                "payment_amount_fen": remittance.payment_amount_fen,
                "details": len(remittance.details),
            },
        )
    for claim_id in sorted(touched):
        _payments_of(tx, claim_id)
    return changed


def _forget(tx: Transaction, remittance_id: str) -> set[int]:
    """Drop the kept copy of a remittance's details and the payments they made; the claims they
    were about."""
    claims = {
        int(row[0])
        for row in tx.db.execute(
            "SELECT claim_id FROM remittance_details WHERE remittance_id = ?"
            " AND claim_id IS NOT NULL",
            (remittance_id,),
        )
    }
    tx.db.execute("DELETE FROM remittance_details WHERE remittance_id = ?", (remittance_id,))
    tx.db.execute("DELETE FROM claim_payments WHERE remittance_id = ?", (remittance_id,))
    return claims


def _payments_of(tx: Transaction, claim_id: int) -> None:
    """The claim's payments by its kept remittance details, oldest first: each numbered among
    those paying the same share (`paid_before`), each kept as a payment of the claim (the first
    detail of a remittance for that share; a second one is a finding, not money), and the claim
    asked about soon (its review may be news here)."""
    details = tx.db.execute(
        "SELECT d.remittance_id, d.position, d.part, d.amount_fen, r.payment_date"
        " FROM remittance_details d JOIN remittances r ON r.remittance_id = d.remittance_id"
        " WHERE d.claim_id = ? ORDER BY r.payment_date, d.remittance_id, d.position",
        (claim_id,),
    ).fetchall()
    seen: dict[str, int] = {}
    paid: set[tuple[str, str]] = set()
    for remittance_id, position, part, amount_fen, payment_date in details:
        before = seen.get(part, 0)
        seen[part] = before + 1
        tx.db.execute(
            "UPDATE remittance_details SET paid_before = ?"
            " WHERE remittance_id = ? AND position = ?",
            (before, remittance_id, position),
        )
        if (remittance_id, part) in paid:
            continue
        paid.add((remittance_id, part))
        tx.db.execute(
            "INSERT INTO claim_payments (claim_id, remittance_id, part, payment_date, amount_fen)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (claim_id, remittance_id, part) DO UPDATE SET"
            " payment_date = excluded.payment_date, amount_fen = excluded.amount_fen",
            (claim_id, remittance_id, part, payment_date, amount_fen),
        )
    now = tx.timestamp()
    tx.db.execute(
        "UPDATE claims SET next_status_check_at = ? WHERE id = ? AND next_status_check_at > ?",
        (now, claim_id, now),
    )


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
