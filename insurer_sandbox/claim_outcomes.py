"""A claim's life after acceptance, as the insurer's database records it: the review (final
amounts, what it moved to the family), the family paying that, and the remittances that pay the
clinic.

The runs that decide these are `insurer_sandbox.settlement`; this module only writes and reads the
records, so that the store can answer every claim with its review and payments.

A remittance detail carries two amounts: `amount_fen`, what the remittance tells the clinic, and
`paid_fen`, what the payment run paid for that claim (null for a detail a test planted). A claim's
payments are the run's, so a planted detail makes the remittance disagree with the claim, as a
wrong bank record would (as `Store.plant_amount_mismatch` does for the daily statement).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from kiosk.insurer.models import (
    Adjudication,
    ClaimPayment,
    ClaimReview,
    ClaimStatus,
    FamilyBalance,
    PaymentPart,
    ReviewOutcome,
)
from kiosk.insurer.remittances import Remittance, RemittanceDetail

CLAIM_COLUMNS = (
    "ALTER TABLE claims ADD COLUMN reviewed_at TEXT",
    "ALTER TABLE claims ADD COLUMN review_outcome TEXT CHECK (review_outcome IS NULL"
    " OR review_outcome IN ('complete', 'partial', 'rejected'))",
    "ALTER TABLE claims ADD COLUMN final_adjudication_json TEXT",
    "ALTER TABLE claims ADD COLUMN review_reason TEXT",
    "ALTER TABLE claims ADD COLUMN moved_to_family_fen INTEGER"
    " CHECK (moved_to_family_fen IS NULL OR moved_to_family_fen >= 0)",
    "ALTER TABLE claims ADD COLUMN family_paid_at TEXT",
    "ALTER TABLE claims ADD COLUMN family_passed_on INTEGER NOT NULL DEFAULT 0"
    " CHECK (family_passed_on IN (0, 1))",
)
"""The review of a claim, and whether the family paid what it moved to them and a remittance
passed that on to the clinic."""

TABLES = (
    """CREATE TABLE remittances (
    remittance_id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL REFERENCES clinics (clinic_id),
    payment_date TEXT NOT NULL,
    created_at TEXT NOT NULL
)""",
    "CREATE INDEX remittances_by_clinic ON remittances (clinic_id, payment_date)",
    """CREATE TABLE remittance_details (
    remittance_id TEXT NOT NULL REFERENCES remittances (remittance_id),
    position INTEGER NOT NULL CHECK (position >= 1),
    claim_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    part TEXT NOT NULL CHECK (part IN ('insurer-share', 'family-balance')),
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    paid_fen INTEGER CHECK (paid_fen IS NULL OR paid_fen >= 0),
    PRIMARY KEY (remittance_id, position)
)""",
    "CREATE INDEX remittance_details_by_claim ON remittance_details (claim_id)",
)
"""The insurer's payments to clinics (FHIR PaymentReconciliation); `claim_id` is no foreign key,
as a test may plant a detail for a claim the insurer does not have."""


# --- reviews


def review(row: sqlite3.Row) -> ClaimReview | None:
    """The review of the claim in `row` (a `claims` row), None while it is not reviewed."""
    if row["reviewed_at"] is None:
        return None
    return ClaimReview(
        reviewed_at=datetime.fromisoformat(row["reviewed_at"]),
        outcome=ReviewOutcome(row["review_outcome"]),
        adjudication=Adjudication.model_validate_json(row["final_adjudication_json"]),
        moved_to_family_fen=row["moved_to_family_fen"],
        reason=row["review_reason"],
    )


def family_balance(row: sqlite3.Row) -> FamilyBalance | None:
    """What the review of the claim in `row` moved to the family, None when it moved nothing."""
    if not row["moved_to_family_fen"]:
        return None
    paid_at = row["family_paid_at"]
    return FamilyBalance(
        amount_fen=row["moved_to_family_fen"],
        reason=row["review_reason"],
        paid_at=datetime.fromisoformat(paid_at) if paid_at else None,
    )


def record_review(
    db: sqlite3.Connection, claim_id: str, result: ClaimReview, *, reject_code: str | None
) -> None:
    """Record the review of an accepted claim: rejected (with `reject_code`) or adjudicated. Its
    statement totals become the final ones, so the daily statement pays what the review left."""
    final = result.adjudication
    rejected = result.outcome is ReviewOutcome.REJECTED
    db.execute(
        "UPDATE claims SET status = ?, reject_code = ?, reviewed_at = ?, review_outcome = ?, "
        "final_adjudication_json = ?, review_reason = ?, moved_to_family_fen = ?, "
        "total_covered_fen = ?, total_patient_fen = ? WHERE claim_id = ?",
        (
            (ClaimStatus.REJECTED if rejected else ClaimStatus.ADJUDICATED).value,
            reject_code,
            result.reviewed_at.isoformat(),
            result.outcome.value,
            final.model_dump_json(),
            result.reason,
            result.moved_to_family_fen,
            final.total_covered_fen,
            final.total_patient_fen,
            claim_id,
        ),
    )


# --- remittances


@dataclass(frozen=True)
class Payment:
    """One claim's share a remittance pays."""

    claim_id: str
    idempotency_key: str
    part: PaymentPart
    amount_fen: int


def payments(db: sqlite3.Connection, claim_id: str) -> list[ClaimPayment]:
    """What payment runs paid the clinic for a claim, oldest first (planted details left out)."""
    rows = db.execute(
        "SELECT r.remittance_id, r.payment_date, d.part, d.paid_fen FROM remittance_details d "
        "JOIN remittances r ON r.remittance_id = d.remittance_id "
        "WHERE d.claim_id = ? AND d.paid_fen IS NOT NULL "
        "ORDER BY r.payment_date, r.created_at, r.remittance_id, d.position",
        (claim_id,),
    )
    return [
        ClaimPayment(
            remittance_id=r["remittance_id"],
            payment_date=date.fromisoformat(r["payment_date"]),
            part=PaymentPart(r["part"]),
            amount_fen=r["paid_fen"],
        )
        for r in rows
    ]


def pay(
    db: sqlite3.Connection,
    clinic_id: str,
    day: date,
    paid: Sequence[Payment],
    now: datetime,
) -> Remittance:
    """A new remittance paying `paid` to the clinic on `day`. Its id is `RMT-<clinic>-<YYYYMMDD>`,
    or that with `-2`, `-3`... when the day already has one of that id (a later run for a day
    that found more to pay): a remittance, once paid, never changes."""
    base = f"RMT-{clinic_id}-{day:%Y%m%d}"
    remittance_id, number = base, 1
    while remittance(db, remittance_id) is not None:
        number += 1
        remittance_id = f"{base}-{number}"
    _insert_remittance(db, remittance_id, clinic_id, day, now)
    db.executemany(
        "INSERT INTO remittance_details (remittance_id, position, claim_id, idempotency_key, "
        "part, amount_fen, paid_fen) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                remittance_id,
                n,
                p.claim_id,
                p.idempotency_key,
                p.part.value,
                p.amount_fen,
                p.amount_fen,
            )
            for n, p in enumerate(paid, start=1)
        ],
    )
    answer = remittance(db, remittance_id)
    assert answer is not None
    return answer


def plant(
    db: sqlite3.Connection,
    remittance_id: str,
    detail: Payment,
    *,
    clinic_id: str,
    payment_date: date,
    now: datetime,
) -> Remittance:
    """Make a remittance tell the clinic something the insurer did not pay (reconciliation tests):
    change the amount of its detail for that claim and part, or append the detail, creating the
    remittance (for `clinic_id`, on `payment_date`) if there is none of that id. What the claim
    answers as paid does not change."""
    if remittance(db, remittance_id) is None:
        _insert_remittance(db, remittance_id, clinic_id, payment_date, now)
    changed = db.execute(
        "UPDATE remittance_details SET amount_fen = ? "
        "WHERE remittance_id = ? AND claim_id = ? AND part = ?",
        (detail.amount_fen, remittance_id, detail.claim_id, detail.part.value),
    ).rowcount
    if not changed:
        db.execute(
            "INSERT INTO remittance_details (remittance_id, position, claim_id, idempotency_key, "
            "part, amount_fen) VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM "
            "remittance_details WHERE remittance_id = ?), ?, ?, ?, ?)",
            (
                remittance_id,
                remittance_id,
                detail.claim_id,
                detail.idempotency_key,
                detail.part.value,
                detail.amount_fen,
            ),
        )
    answer = remittance(db, remittance_id)
    assert answer is not None
    return answer


def _insert_remittance(
    db: sqlite3.Connection, remittance_id: str, clinic_id: str, day: date, now: datetime
) -> None:
    db.execute(
        "INSERT INTO remittances (remittance_id, clinic_id, payment_date, created_at) "
        "VALUES (?, ?, ?, ?)",
        (remittance_id, clinic_id, day.isoformat(), now.isoformat()),
    )


def remittance(db: sqlite3.Connection, remittance_id: str) -> Remittance | None:
    """One remittance with its details; its amount is the sum of what they say."""
    row = db.execute(
        "SELECT * FROM remittances WHERE remittance_id = ?", (remittance_id,)
    ).fetchone()
    return None if row is None else _remittance(db, row)


def remittances(
    db: sqlite3.Connection, clinic_id: str, from_date: date, to_date: date
) -> list[Remittance]:
    """The clinic's remittances paid from `from_date` to `to_date` (both included), by date."""
    rows = db.execute(
        "SELECT * FROM remittances WHERE clinic_id = ? AND payment_date BETWEEN ? AND ? "
        "ORDER BY payment_date, created_at, remittance_id",
        (clinic_id, from_date.isoformat(), to_date.isoformat()),
    ).fetchall()
    return [_remittance(db, row) for row in rows]


def _remittance(db: sqlite3.Connection, row: sqlite3.Row) -> Remittance:
    details = [
        RemittanceDetail(
            claim_id=d["claim_id"],
            idempotency_key=d["idempotency_key"],
            part=PaymentPart(d["part"]),
            amount_fen=d["amount_fen"],
        )
        for d in db.execute(
            "SELECT * FROM remittance_details WHERE remittance_id = ? ORDER BY position",
            (row["remittance_id"],),
        )
    ]
    return Remittance(
        remittance_id=row["remittance_id"],
        clinic_id=row["clinic_id"],
        payment_date=date.fromisoformat(row["payment_date"]),
        payment_amount_fen=sum(d.amount_fen for d in details),
        details=details,
    )
