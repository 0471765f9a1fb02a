"""The manager's close-out of a clinic day in the journal (schema 13: `day_closes`,
`day_close_counts`): what the desk took by method against what was counted, the note on a
variance, who closed the day and when; and what was recorded after the close that changes the
day. The rules (who may close, when a note is needed, the lock) are `kiosk.close_out`'s.

What was taken on a day is what is in the drawer and on the terminals' own day reports: the
payments recorded in the day's window (Asia/Shanghai, whichever visit they were for) minus the
refunds made in it, by method. It is kept with the close as it stood then; later changes are
listed, never folded into the figures the manager signed off.

A day closes once: the close, its counts and the audit entry that seals them (subject
`day-close:YYYYMMDD`) are one transaction, and a second close of the day is a `DayAlreadyClosed`
that writes nothing. What was recorded after the close is read from the audit trail after the
close's own entry (the trail is appended in commit order, so "after" is exact whatever the clock
says): payments and refunds for a visit of the day, or taken in the day's window, and the day's
claims voided, cancelled or corrected.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from kiosk.journal.claim_changes import CORRECTION_SIGNED
from kiosk.journal.errors import RecordConflict
from kiosk.journal.records import PaymentMethod
from kiosk.journal.rows import from_timestamp, to_timestamp
from kiosk.journal.store import Transaction

CLOSED_ACTION = "day.closed"
"""The audit action of a day's close-out."""

_STAFF_NAME = "coalesce((SELECT s.name FROM staff s WHERE 'staff:' || s.id = {actor}), {actor})"
"""SQL: the staff member's name for an audit actor (`staff:<id>`), else the actor itself."""


class DayAlreadyClosed(RecordConflict):
    """The day was closed before: its close-out stands as it was made."""


@dataclass(frozen=True, slots=True)
class MethodCount:
    """One method's line of a close-out: taken per the journal, and counted."""

    method: PaymentMethod
    taken_fen: int
    counted_fen: int

    @property
    def variance_fen(self) -> int:
        """Counted minus taken: below zero is money missing, above zero money over."""
        return self.counted_fen - self.taken_fen


@dataclass(frozen=True, slots=True)
class DayClose:
    """A closed day as the journal keeps it."""

    day: date
    closed_by: str
    """The audit actor who closed it: `staff:<id>` or `console`."""
    closed_by_name: str
    """The staff member's name (the actor for the console)."""
    closed_at: datetime
    note: str | None
    counts: tuple[MethodCount, ...]
    """One line per method, in `PaymentMethod` order."""
    audit_seq: int
    """The close's audit entry: whatever the trail records after it came after the close."""


class ChangeKind(StrEnum):
    """What kind of change was recorded after a day was closed."""

    PAYMENT = "payment"
    REFUND = "refund"
    VOID = "void"
    CANCELLATION = "cancellation"
    CORRECTION = "correction"


@dataclass(frozen=True, slots=True)
class ChangeAfterClose:
    """One change to a closed day's figures, recorded after the close."""

    kind: ChangeKind
    at: datetime
    by: str
    """Who: the staff member's name, or the audit actor (`console`, `outbox`)."""
    amount_fen: int
    """A payment's or refund's amount; a claim's billed total (the bill that no longer stands,
    or the corrected one)."""
    method: PaymentMethod | None
    """A payment's or refund's method."""
    statement_no: str | None
    """The visit's last statement, or the claim's."""
    reason: str | None
    """Why a refund, void or cancellation was made."""
    visit_day: date
    """The service date of the visit or claim it concerns."""


def subject(day: date) -> str:
    """The audit subject of a day's close-out (digits, so its record is sealed)."""
    return f"day-close:{day:%Y%m%d}"


def taken_by_method(
    db: sqlite3.Connection, start: datetime, end: datetime
) -> dict[PaymentMethod, int]:
    """Payments recorded in [start, end) minus refunds made in it, for every method."""
    window = (to_timestamp(start), to_timestamp(end))
    rows = db.execute(
        "SELECT method, sum(amount_fen) FROM ("
        " SELECT method, amount_fen FROM payments WHERE paid_at >= ? AND paid_at < ?"
        " UNION ALL SELECT method, -amount_fen FROM refunds"
        " WHERE refunded_at >= ? AND refunded_at < ?"
        ") GROUP BY method",
        (*window, *window),
    ).fetchall()
    taken = dict.fromkeys(PaymentMethod, 0)
    taken.update({PaymentMethod(method): amount for method, amount in rows})
    return taken


def insert_day_close(
    tx: Transaction,
    day: date,
    counts: Sequence[MethodCount],
    note: str | None,
    *,
    closed_by: str,
) -> DayClose:
    """Record the close-out of `day` by `closed_by` (the transaction's audit actor), audited and
    sealed with its counts; `DayAlreadyClosed` when the day was closed before."""
    if fetch_day_close(tx.db, day) is not None:
        raise DayAlreadyClosed(f"The day {day.isoformat()} is already closed.")
    tx.db.execute(
        "INSERT INTO day_closes (day, closed_by, closed_at, note) VALUES (?, ?, ?, ?)",
        (day.isoformat(), closed_by, tx.timestamp(), note),
    )
    tx.db.executemany(
        "INSERT INTO day_close_counts (day, method, taken_fen, counted_fen) VALUES (?, ?, ?, ?)",
        [(day.isoformat(), c.method.value, c.taken_fen, c.counted_fen) for c in counts],
    )
    tx.append_audit(
        CLOSED_ACTION,
        subject(day),
        {
            "counts": {
                c.method.value: {"taken_fen": c.taken_fen, "counted_fen": c.counted_fen}
                for c in counts
            },
            "variance_fen": sum(c.variance_fen for c in counts),
            "note": note,
        },
    )
    closed = fetch_day_close(tx.db, day)
    assert closed is not None  # inserted just above, in this transaction
    return closed


def fetch_day_close(db: sqlite3.Connection, day: date) -> DayClose | None:
    """The close-out of `day`, or None while the day is open."""
    row = db.execute(
        f"SELECT d.closed_by, {_STAFF_NAME.format(actor='d.closed_by')}, d.closed_at, d.note,"
        " (SELECT max(a.seq) FROM audit a WHERE a.action = ? AND a.subject = ?)"
        " FROM day_closes d WHERE d.day = ?",
        (CLOSED_ACTION, subject(day), day.isoformat()),
    ).fetchone()
    if row is None:
        return None
    order = {method: index for index, method in enumerate(PaymentMethod)}
    counts = sorted(
        (
            MethodCount(PaymentMethod(method), taken, counted)
            for method, taken, counted in db.execute(
                "SELECT method, taken_fen, counted_fen FROM day_close_counts WHERE day = ?",
                (day.isoformat(),),
            )
        ),
        key=lambda count: order[count.method],
    )
    return DayClose(
        day=day,
        closed_by=row[0],
        closed_by_name=row[1],
        closed_at=from_timestamp(row[2]),
        note=row[3],
        counts=tuple(counts),
        audit_seq=row[4] or 0,
    )


def closed_among(db: sqlite3.Connection, days: Iterable[date]) -> list[date]:
    """Those of `days` that are closed, in order."""
    wanted = sorted(set(days))
    marks = ",".join("?" * len(wanted))
    rows = db.execute(
        f"SELECT day FROM day_closes WHERE day IN ({marks}) ORDER BY day",
        [day.isoformat() for day in wanted],
    ).fetchall()
    return [date.fromisoformat(row[0]) for row in rows]


_MONEY_ACTIONS = {
    "payment.recorded": ChangeKind.PAYMENT,
    "payment.collected": ChangeKind.PAYMENT,
    "payment.refunded": ChangeKind.REFUND,
}
_CLAIM_ACTIONS = {
    "claim.voided": ChangeKind.VOID,
    "claim.cancelled": ChangeKind.CANCELLATION,
    CORRECTION_SIGNED: ChangeKind.CORRECTION,
}


_CLAIM_CHANGED_BY = "coalesce(json_extract(a.detail, '$.started_by'), a.actor)"
"""SQL: who changed a claim in audit entry `a`: the manager who started a correction (the
outbox records its answer), else the entry's actor."""


def changes_after_close(
    db: sqlite3.Connection, closed: DayClose, start: datetime, end: datetime
) -> list[ChangeAfterClose]:
    """What was recorded after `closed` that changes its day ([start, end) is the day's window):
    payments and refunds for a visit of the day or taken in the window, and the day's claims
    voided, cancelled or corrected; in the order they were recorded."""
    day = closed.day.isoformat()
    window = (to_timestamp(start), to_timestamp(end))
    money_marks = ",".join("?" * len(_MONEY_ACTIONS))
    money = db.execute(
        f"SELECT a.seq, a.at, a.action, {_STAFF_NAME.format(actor='a.actor')}, a.detail,"
        " v.service_date, (SELECT b.clinic_invoice_no FROM bills b WHERE b.visit_id = v.id"
        " ORDER BY b.id DESC LIMIT 1)"
        " FROM audit a JOIN visits v ON v.id = CAST(substr(a.subject, 7) AS INTEGER)"
        f" WHERE a.seq > ? AND a.action IN ({money_marks}) AND a.subject LIKE 'visit:%'"
        " AND (v.service_date = ? OR (a.at >= ? AND a.at < ?))",
        (closed.audit_seq, *_MONEY_ACTIONS, day, *window),
    ).fetchall()
    claim_marks = ",".join("?" * len(_CLAIM_ACTIONS))
    claims = db.execute(
        f"SELECT a.seq, a.at, a.action, {_STAFF_NAME.format(actor=_CLAIM_CHANGED_BY)}, a.detail,"
        " b.service_date, b.clinic_invoice_no, b.total_submitted_fen"
        " FROM audit a JOIN claims c ON c.id = CAST(substr(a.subject, 7) AS INTEGER)"
        " JOIN bills b ON b.id = c.bill_id"
        f" WHERE a.seq > ? AND a.action IN ({claim_marks}) AND a.subject LIKE 'claim:%'"
        " AND b.service_date = ?",
        (closed.audit_seq, *_CLAIM_ACTIONS, day),
    ).fetchall()
    changes: list[tuple[int, ChangeAfterClose]] = []
    for seq, at, action, by, detail_text, service_date, statement_no in money:
        detail = json.loads(detail_text)
        changes.append(
            (
                seq,
                ChangeAfterClose(
                    kind=_MONEY_ACTIONS[action],
                    at=from_timestamp(at),
                    by=by,
                    amount_fen=int(detail["amount_fen"]),
                    method=PaymentMethod(detail["method"]),
                    statement_no=statement_no,
                    reason=detail.get("reason"),
                    visit_day=date.fromisoformat(service_date),
                ),
            )
        )
    for seq, at, action, by, detail_text, service_date, statement_no, billed in claims:
        detail = json.loads(detail_text)
        changes.append(
            (
                seq,
                ChangeAfterClose(
                    kind=_CLAIM_ACTIONS[action],
                    at=from_timestamp(at),
                    by=by,
                    amount_fen=billed,
                    method=None,
                    statement_no=statement_no,
                    reason=detail.get("reason"),
                    visit_day=date.fromisoformat(service_date),
                ),
            )
        )
    return [change for _seq, change in sorted(changes, key=lambda pair: pair[0])]
