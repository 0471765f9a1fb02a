"""Phone guarantees: what the insurer's 7×24 hotline gives a clinic while the API is down.

The hotline checks the member (can this clinic direct-bill them today?) and reads out a reference
for one visit on one day. The clinic's claim comes later, when the API is back, carrying the
reference; the insurer checks it was issued for that member, that clinic and the service date,
and that no other claim used it, then adjudicates the claim as it stands (the family signed with
the insurer's share "to be confirmed", so there is nothing to compare it with).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime

TABLE = """CREATE TABLE phone_guarantees (
    reference TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members (member_id),
    clinic_id TEXT NOT NULL,
    service_date TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    claim_id TEXT UNIQUE
)"""


@dataclass(frozen=True)
class GuaranteeRecord:
    reference: str
    member_id: str
    clinic_id: str
    service_date: date
    issued_at: datetime
    claim_id: str | None


class GuaranteeRefused(ValueError):
    """The claim's guarantee does not hold; `code` is the problem code the claim is answered
    with (`guarantee-invalid`, `guarantee-used`)."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


def issue(
    db: sqlite3.Connection, *, member_id: str, clinic_id: str, service_date: date, now: datetime
) -> str:
    """A new reference for one visit (PG-YYYYMMDD-NNNN, numbered per day)."""
    day = service_date.strftime("%Y%m%d")
    (count,) = db.execute(
        "SELECT COUNT(*) FROM phone_guarantees WHERE reference LIKE ?", (f"PG-{day}-%",)
    ).fetchone()
    reference = f"PG-{day}-{count + 1:04d}"
    db.execute(
        "INSERT INTO phone_guarantees (reference, member_id, clinic_id, service_date, issued_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (reference, member_id, clinic_id, service_date.isoformat(), now.isoformat()),
    )
    return reference


def lookup(db: sqlite3.Connection, reference: str) -> GuaranteeRecord | None:
    row = db.execute("SELECT * FROM phone_guarantees WHERE reference = ?", (reference,)).fetchone()
    if row is None:
        return None
    return GuaranteeRecord(
        reference=row["reference"],
        member_id=row["member_id"],
        clinic_id=row["clinic_id"],
        service_date=date.fromisoformat(row["service_date"]),
        issued_at=datetime.fromisoformat(row["issued_at"]),
        claim_id=row["claim_id"],
    )


def check(
    db: sqlite3.Connection,
    reference: str,
    *,
    clinic_id: str,
    member_id: str,
    service_date: date,
) -> GuaranteeRecord:
    """The guarantee a claim names, if it covers this claim; `GuaranteeRefused` otherwise. The
    detail names no member data."""
    record = lookup(db, reference)
    if record is None or record.clinic_id != clinic_id:
        raise GuaranteeRefused("guarantee-invalid", "no phone guarantee with this reference")
    if record.member_id != member_id:
        raise GuaranteeRefused("guarantee-invalid", "the phone guarantee is for another member")
    if record.service_date != service_date:
        raise GuaranteeRefused(
            "guarantee-invalid",
            f"the phone guarantee is for {record.service_date.isoformat()}, "
            f"not {service_date.isoformat()}",
        )
    if record.claim_id is not None:
        raise GuaranteeRefused(
            "guarantee-used", f"the phone guarantee was used by claim {record.claim_id}"
        )
    return record


def use(db: sqlite3.Connection, reference: str, claim_id: str) -> None:
    """The recorded claim `claim_id` used the guarantee: no other claim may."""
    db.execute(
        "UPDATE phone_guarantees SET claim_id = ? WHERE reference = ? AND claim_id IS NULL",
        (claim_id, reference),
    )
    db.execute("UPDATE claims SET phone_guarantee = ? WHERE claim_id = ?", (reference, claim_id))
