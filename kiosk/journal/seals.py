"""Seals: what the audit trail says a record holds, so a record edited outside the kiosk shows.

Every audit entry about a sealed record (its subject, such as `claim:12`) carries the record's
seal after the change: a SHA-256 over the fields that carry money, state or authority. Checking
the journal recomputes each record's seal and compares it with its newest audit entry; with the
entries themselves MAC-sealed (`kiosk.journal.audit.AuditKey`), a claim's amount multiplied by
ten, a waiting claim marked settled or a manager's PIN hash swapped no longer verifies.

Fields the kiosk changes without an audit entry (retry times, sign-in failure counts) and those
the retention purge erases (member references, signature strokes) are left out on purpose.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator

Projection = Callable[[sqlite3.Connection, int], object | None]


def _bill(db: sqlite3.Connection, bill_id: int) -> object | None:
    bill = db.execute(
        "SELECT clinic_invoice_no, bill_hash, service_date, visit_type, total_submitted_fen,"
        " total_covered_fen, total_patient_fen FROM bills WHERE id = ?",
        (bill_id,),
    ).fetchone()
    if bill is None:
        return None
    lines = [
        # the pre-auth mark (schema 10) joins a line's seal only where there is one, so lines
        # sealed before it still verify
        list(line) if line[9] is not None else list(line[:9])
        for line in db.execute(
            "SELECT line_no, item_code, category, quantity, unit_price_fen, covered_fen,"
            " patient_fen, reason, preauth_id, preauth_class FROM bill_lines WHERE bill_id = ?"
            " ORDER BY line_no",
            (bill_id,),
        )
    ]
    signature = db.execute(
        "SELECT bill_hash, strokes_sha256, point_count, signed_at FROM signatures"
        " WHERE bill_id = ?",
        (bill_id,),
    ).fetchone()
    return [list(bill), lines, list(signature or [])]


def _claim(db: sqlite3.Connection, claim_id: int) -> object | None:
    claim = db.execute(
        "SELECT bill_id, idempotency_key, state, insurer_claim_id, insurer_status, reject_code,"
        " covered_fen, submission FROM claims WHERE id = ?",
        (claim_id,),
    ).fetchone()
    if claim is None:
        return None
    submission = json.loads(claim[7])
    signed = [
        submission.get("clinic_invoice_no"),
        submission.get("bill_hash"),
        submission.get("expected_covered_fen"),
        [
            [
                line.get("line_no"),
                line.get("item_code"),
                line.get("quantity"),
                line.get("unit_price_fen"),
            ]
            for line in submission.get("bill", {}).get("lines", [])
        ],
    ]
    return [list(claim[:7]), signed]


def _visit(db: sqlite3.Connection, visit_id: int) -> object | None:
    visit = db.execute(
        "SELECT service_date, visit_type, fapiao_no FROM visits WHERE id = ?", (visit_id,)
    ).fetchone()
    if visit is None:
        return None
    fapiao_no = visit[2]
    payments = db.execute(
        "SELECT method, amount_fen, paid_at FROM payments WHERE visit_id = ? ORDER BY id",
        (visit_id,),
    ).fetchall()
    sealed = [list(visit[:2]), [list(payment) for payment in payments]]
    # Refunds and the fapiao number (journal schema 11) join the seal only where there are
    # some, so visits sealed before them still verify.
    refunds = db.execute(
        "SELECT method, amount_fen, reason, refunded_by, refunded_at FROM refunds"
        " WHERE visit_id = ? ORDER BY id",
        (visit_id,),
    ).fetchall()
    if refunds or fapiao_no is not None:
        sealed.append([[list(refund) for refund in refunds], fapiao_no])
    return sealed


def _staff(db: sqlite3.Connection, staff_id: int) -> object | None:
    row = db.execute(
        "SELECT name, role, secret_hash, active FROM staff WHERE id = ?", (staff_id,)
    ).fetchone()
    return None if row is None else list(row)


def _preauth_request(db: sqlite3.Connection, request_id: int) -> object | None:
    row = db.execute(
        "SELECT idempotency_key, request, insurer_preauth_id, status, answer, refusal_code,"
        " refusal_detail FROM preauth_requests WHERE id = ?",
        (request_id,),
    ).fetchone()
    if row is None:
        return None
    # The insurer's answer and a refusal (journal schema 9) are sealed once there is one: a
    # request sealed before them, or still unsent, keeps the seal it had.
    answered = row[4:]
    return list(row[:4]) + ([list(answered)] if any(x is not None for x in answered) else [])


def _statement(db: sqlite3.Connection, statement_id: int) -> object | None:
    row = db.execute(
        "SELECT bill_id, version, pdf_sha256, claim_number, final, sent_at, delivery_problem"
        " FROM statements"
        " WHERE id = ?",
        (statement_id,),
    ).fetchone()
    return None if row is None else list(row)


def _day_close(db: sqlite3.Connection, number: int) -> object | None:
    """A day's close-out, numbered by its day as digits (20250603): who, when, the note and
    each method's taken and counted amounts."""
    day = f"{number // 10000:04d}-{number // 100 % 100:02d}-{number % 100:02d}"
    row = db.execute(
        "SELECT closed_by, closed_at, note FROM day_closes WHERE day = ?", (day,)
    ).fetchone()
    if row is None:
        return None
    counts = db.execute(
        "SELECT method, taken_fen, counted_fen FROM day_close_counts WHERE day = ? ORDER BY method",
        (day,),
    ).fetchall()
    return [list(row), [list(count) for count in counts]]


SEALED: dict[str, tuple[str, Projection]] = {
    "bill": ("bills", _bill),
    "claim": ("claims", _claim),
    "visit": ("visits", _visit),
    "staff": ("staff", _staff),
    "preauth-request": ("preauth_requests", _preauth_request),
    "statement": ("statements", _statement),
    "day-close": (
        "(SELECT CAST(replace(day, '-', '') AS INTEGER) AS id FROM day_closes)",
        _day_close,
    ),
}
"""Subject kind → (its table, or a query giving its records' numbers as `id`; what of it is
sealed)."""


def record_seal(db: sqlite3.Connection, subject: str) -> str | None:
    """The seal of the record `subject` names as the database holds it now; None when the
    subject is not a sealed record (or the record is not there)."""
    kind, _, number = subject.partition(":")
    if kind not in SEALED or not number.isdigit():
        return None
    content = SEALED[kind][1](db, int(number))
    if content is None:
        return None
    text = json.dumps([kind, content], separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def sealed_records(db: sqlite3.Connection) -> Iterator[str]:
    """Every sealed record the tables hold now, as audit subjects."""
    for kind, (table, _) in SEALED.items():
        for (number,) in db.execute(f"SELECT id FROM {table} ORDER BY id"):
            yield f"{kind}:{number}"


def record_problems(db: sqlite3.Connection) -> list[str]:
    """Records that differ from their newest sealed audit entry, or that appeared without any
    audit entry; [] when the tables agree with the trail."""
    newest: dict[str, tuple[int, str]] = {}
    mentioned: set[str] = set()
    for seq, subject, seal in db.execute("SELECT seq, subject, seal FROM audit ORDER BY seq"):
        mentioned.add(subject)
        if seal is not None:
            newest[subject] = (seq, seal)
    problems = []
    present = list(sealed_records(db))
    for subject in present:
        if subject in newest:
            seq, seal = newest[subject]
            if record_seal(db, subject) != seal:
                problems.append(f"{subject} differs from what audit entry {seq} recorded")
        elif subject not in mentioned:
            problems.append(f"{subject} has no audit entry (added outside the kiosk)")
    for subject in sorted(set(newest) - set(present)):
        problems.append(f"{subject} is in the audit trail but no longer in the journal")
    return problems
