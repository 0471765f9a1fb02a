"""Row mapping: how values go into the journal's columns and how rows come back as records.

Times are stored as UTC ISO-8601 text to the microsecond, so that text order is time order and
SQL can compare them (`from_timestamp` reads a NOT NULL time column back, `from_nullable_timestamp`
one that may be empty); amounts as integer fen; enums by their value. A `*_SELECT` names the columns
its `*_from_row` reads, in order; a `fetch_*` reads one record by its id (and raises
`RecordNotFound` when there is none). The store and the feature modules (statements, reporting,
staff accounts) map through here, so each column is read one way everywhere.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from typing import Any

from kiosk.insurer.models import (
    ClaimStatus,
    ItemCategory,
    PreAuth,
    PreAuthClass,
    PreAuthRequest,
    PreAuthStatus,
    Reason,
    VisitType,
)
from kiosk.journal.audit import AuditEntry
from kiosk.journal.errors import RecordNotFound
from kiosk.journal.records import (
    NOT_SENT_BEFORE_UPGRADE,
    AttemptOutcome,
    BillLineRecord,
    BillRecord,
    ClaimAttempt,
    ClaimRecord,
    ClaimState,
    PaymentMethod,
    PaymentRecord,
    PreAuthRequestRecord,
    SignatureRecord,
    VisitRecord,
)
from kiosk.statement import StatementFacts

Row = tuple[Any, ...]
"""A row as sqlite3 returns it: the columns of its SELECT, in order."""

# --- values into columns and back -----------------------------------------------------------------


def to_timestamp(moment: datetime) -> str:
    """A time as the journal stores it; a naive time is refused, as its zone would be a guess."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"the journal stores timezone-aware times only, got {moment!r}")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_timestamp(text: str | None) -> datetime:
    """A stored time back as an aware datetime, from a NOT NULL column (see `schema`): an empty
    one means the SELECT does not read what its caller thinks, and is refused."""
    if text is None:
        raise ValueError("a NOT NULL time column came back empty")
    return datetime.fromisoformat(text)


def from_nullable_timestamp(text: str | None) -> datetime | None:
    """A stored time back as an aware datetime, from a column (or an aggregate such as `min`)
    that may be empty; None when it is."""
    return datetime.fromisoformat(text) if text is not None else None


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT through `cursor` just added."""
    if cursor.lastrowid is None:
        raise ValueError("the cursor has inserted no row")
    return cursor.lastrowid


def checked_fen(value: int, *, what: str, positive: bool = False) -> int:
    """An amount fit for a money column: integer fen (a float or bool is a bug), not negative."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} is integer fen, got {type(value).__name__}")
    if value < 0 or (positive and value == 0):
        raise ValueError(f"{what} must be {'positive' if positive else 'non-negative'}: {value}")
    return value


# --- rows into records ----------------------------------------------------------------------------

AUDIT_SELECT = (
    "SELECT seq, at, actor, action, subject, detail, prev_hash, hash, seal, key_id, mac FROM audit"
)

CLAIM_SELECT = (
    "SELECT c.id, c.bill_id, b.clinic_invoice_no, c.idempotency_key, c.submission, c.state,"
    " c.queued_at, c.next_attempt_at, c.failures, c.insurer_claim_id, c.insurer_status,"
    " c.reject_code, c.covered_fen, c.recorded_at, c.attention_reason"
    " FROM claims c JOIN bills b ON b.id = c.bill_id"
)

ATTEMPT_SELECT = (
    "SELECT id, claim_id, started_at, finished_at, outcome, error_class, http_status"
    " FROM claim_attempts"
)

PAYMENT_SELECT = "SELECT id, visit_id, method, amount_fen, reference, paid_at FROM payments"

PREAUTH_SELECT = (
    "SELECT id, visit_id, idempotency_key, request, requested_at, insurer_preauth_id, status,"
    " decided_at, sent_at, next_attempt_at, failures, last_failure, answer, polled_at,"
    " refusal_code, refusal_detail, refused_at FROM preauth_requests"
)


def audit_entry_from_row(row: Row) -> AuditEntry:
    return AuditEntry(row[0], from_timestamp(row[1]), *row[2:])


def claim_from_row(row: Row) -> ClaimRecord:
    return ClaimRecord(
        id=row[0],
        bill_id=row[1],
        clinic_invoice_no=row[2],
        idempotency_key=row[3],
        submission_json=row[4],
        state=ClaimState(row[5]),
        queued_at=from_timestamp(row[6]),
        next_attempt_at=from_timestamp(row[7]),
        failures=row[8],
        insurer_claim_id=row[9],
        insurer_status=ClaimStatus(row[10]) if row[10] is not None else None,
        reject_code=row[11],
        covered_fen=row[12],
        recorded_at=from_nullable_timestamp(row[13]),
        attention_reason=row[14],
    )


def attempt_from_row(row: Row) -> ClaimAttempt:
    return ClaimAttempt(
        id=row[0],
        claim_id=row[1],
        started_at=from_timestamp(row[2]),
        finished_at=from_nullable_timestamp(row[3]),
        outcome=AttemptOutcome(row[4]),
        error_class=row[5],
        http_status=row[6],
    )


def payment_from_row(row: Row) -> PaymentRecord:
    return PaymentRecord(
        row[0], row[1], PaymentMethod(row[2]), row[3], row[4], from_timestamp(row[5])
    )


def preauth_from_row(row: Row) -> PreAuthRequestRecord:
    insurer_preauth_id, next_attempt_at, refusal_code, refusal_detail = (
        row[5],
        row[9],
        row[14],
        row[15],
    )
    if insurer_preauth_id is None and refusal_code is None and next_attempt_at is None:
        refusal_code = NOT_SENT_BEFORE_UPGRADE
        refusal_detail = (
            "Filed by an older kiosk, whose send failed; it was never sent. File it again if it "
            "is still needed."
        )
    return PreAuthRequestRecord(
        id=row[0],
        visit_id=row[1],
        idempotency_key=row[2],
        request=PreAuthRequest.model_validate_json(row[3]),
        requested_at=from_timestamp(row[4]),
        insurer_preauth_id=insurer_preauth_id,
        status=PreAuthStatus(row[6]) if row[6] is not None else None,
        decided_at=from_nullable_timestamp(row[7]),
        sent_at=from_nullable_timestamp(row[8]),
        next_attempt_at=from_nullable_timestamp(next_attempt_at),
        failures=row[10],
        last_failure=row[11],
        preauth=PreAuth.model_validate_json(row[12]) if row[12] is not None else None,
        polled_at=from_nullable_timestamp(row[13]),
        refusal_code=refusal_code,
        refusal_detail=refusal_detail,
        refused_at=from_nullable_timestamp(row[16]),
    )


# --- one record by its id -------------------------------------------------------------------------


def fetch_visit(db: sqlite3.Connection, visit_id: int) -> VisitRecord:
    row = db.execute(
        "SELECT id, member_id, service_date, visit_type, opened_at FROM visits WHERE id = ?",
        (visit_id,),
    ).fetchone()
    if row is None:
        raise RecordNotFound(f"Visit {visit_id} is not in the journal.")
    return VisitRecord(
        row[0], row[1], date.fromisoformat(row[2]), VisitType(row[3]), from_timestamp(row[4])
    )


def fetch_bill(db: sqlite3.Connection, bill_id: int) -> BillRecord:
    """The bill with its lines, in line order."""
    row = db.execute(
        "SELECT id, visit_id, clinic_invoice_no, bill_hash, member_id, service_date, visit_type,"
        " total_submitted_fen, total_covered_fen, total_patient_fen, created_at"
        " FROM bills WHERE id = ?",
        (bill_id,),
    ).fetchone()
    if row is None:
        raise RecordNotFound(f"Bill {bill_id} is not in the journal.")
    lines = tuple(
        BillLineRecord(
            line_no=line[0],
            item_code=line[1],
            description=line[2],
            category=ItemCategory(line[3]),
            quantity=line[4],
            unit_price_fen=line[5],
            covered_fen=line[6],
            patient_fen=line[7],
            reason=Reason(line[8]) if line[8] is not None else None,
            preauth_id=line[9],
            preauth_class=PreAuthClass(line[10]) if line[10] is not None else None,
        )
        for line in db.execute(
            "SELECT line_no, item_code, description, category, quantity, unit_price_fen,"
            " covered_fen, patient_fen, reason, preauth_id, preauth_class FROM bill_lines"
            " WHERE bill_id = ? ORDER BY line_no",
            (bill_id,),
        )
    )
    return BillRecord(
        id=row[0],
        visit_id=row[1],
        clinic_invoice_no=row[2],
        bill_hash=row[3],
        member_id=row[4],
        service_date=date.fromisoformat(row[5]),
        visit_type=VisitType(row[6]),
        lines=lines,
        total_submitted_fen=row[7],
        total_covered_fen=row[8],
        total_patient_fen=row[9],
        created_at=from_timestamp(row[10]),
    )


def fetch_signature(db: sqlite3.Connection, bill_id: int) -> SignatureRecord | None:
    """The bill's signature, or None while it is unsigned (no RecordNotFound: that is normal)."""
    row = db.execute(
        "SELECT id, bill_id, bill_hash, strokes, strokes_sha256, point_count, signed_at, facts"
        " FROM signatures WHERE bill_id = ?",
        (bill_id,),
    ).fetchone()
    if row is None:
        return None
    facts = StatementFacts.model_validate_json(row[7]) if row[7] else None
    return SignatureRecord(
        row[0], row[1], row[2], bytes(row[3]), row[4], row[5], from_timestamp(row[6]), facts
    )


def fetch_claim(db: sqlite3.Connection, claim_id: int) -> ClaimRecord:
    row = db.execute(CLAIM_SELECT + " WHERE c.id = ?", (claim_id,)).fetchone()
    if row is None:
        raise RecordNotFound(f"Claim {claim_id} is not in the journal.")
    return claim_from_row(row)


def fetch_preauth(db: sqlite3.Connection, request_id: int) -> PreAuthRequestRecord:
    row = db.execute(PREAUTH_SELECT + " WHERE id = ?", (request_id,)).fetchone()
    if row is None:
        raise RecordNotFound(f"Pre-auth request {request_id} is not in the journal.")
    return preauth_from_row(row)
