"""The SQL behind the manager's figures: read-only aggregates over the journal, nothing else.

A day is a service date (the visit's day at the clinic, Asia/Shanghai); pre-auth requests and
insurer records are found by timestamp windows the caller computes. Rows come back as plain facts
(states, statuses, sums in fen); what they mean for the clinic is `kiosk.reports`' business.
The indexes these queries rely on are the journal's migration 5; the claims of a day are joined
through `claims_by_bill_state` by name, because without statistics SQLite's planner picks the
outbox's state index (and reads every claim of the year) or the unique bill index (and reads each
claim's row) — 10 ms against 170 ms for the 30-day trend of a busy clinic (`bench/summary.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from kiosk.journal.claim_status import INSURER_COVERS
from kiosk.journal.payments import OWED, OWING, PAID, REFUNDED
from kiosk.journal.records import PaymentMethod
from kiosk.journal.rows import Row, from_nullable_timestamp, from_timestamp, to_timestamp
from kiosk.journal.store import Journal


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claims of one day sharing outbox state, insurer status and whether a code was given."""

    state: str
    insurer_status: str | None
    has_reject_code: bool
    claims: int
    submitted_fen: int
    shown_covered_fen: int
    """What the family was shown as insurer-paid (the signed estimate)."""
    shown_patient_fen: int
    insurer_covered_fen: int
    """What the insurer answered it covers (0 until it answered)."""


@dataclass(frozen=True, slots=True)
class MethodTotal:
    """One method's desk money for the visits of a day."""

    method: PaymentMethod
    payments: int
    amount_fen: int
    """Kept by the clinic: paid by this method minus refunded by it."""
    refunds: int = 0
    refunded_fen: int = 0

    @property
    def paid_fen(self) -> int:
        """Taken by this method, before refunds."""
        return self.amount_fen + self.refunded_fen


@dataclass(frozen=True, slots=True)
class TopItem:
    item_code: str
    description: str
    quantity: int
    billed_fen: int
    covered_fen: int
    """As shown to the family on the signed bills."""


@dataclass(frozen=True, slots=True)
class TrendDay:
    day: date
    covered_fen: int
    """What the insurer answered it covers on the day's accepted claims."""
    family_paid_fen: int
    """Paid at the desk, net of refunds."""


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One claim with its bill's amounts and its visit's desk payments: the claims list, the
    exports and the reconciliation all read this."""

    claim_id: int
    visit_id: int
    bill_id: int
    clinic_invoice_no: str
    service_date: date
    member_id: str
    state: str
    insurer_status: str | None
    reject_code: str | None
    attention_reason: str | None
    insurer_claim_id: str | None
    idempotency_key: str
    submitted_fen: int
    shown_covered_fen: int
    shown_patient_fen: int
    insurer_covered_fen: int | None
    queued_at: datetime
    recorded_at: datetime | None
    visit_paid_fen: int
    """Kept by the clinic for the visit: paid at the desk minus refunded."""
    visit_payment_methods: tuple[str, ...]
    closed_reason: str | None = None
    """Why a manager voided or cancelled the claim."""
    closed_by: str | None = None
    """Who did: the staff member's name, or the audit trail's actor (`console`)."""
    closed_at: datetime | None = None
    visit_refunded_fen: int = 0
    visit_owed_fen: int = 0
    """What the family still owes the clinic for the visit (`kiosk.journal.payments.OWED`)."""
    fapiao_no: str | None = None


def claim_groups(journal: Journal, day: date) -> list[ClaimGroup]:
    with journal.reading() as db:
        rows = db.execute(
            "SELECT c.state, c.insurer_status, c.reject_code IS NOT NULL, count(*),"
            " coalesce(sum(b.total_submitted_fen), 0), coalesce(sum(b.total_covered_fen), 0),"
            f" coalesce(sum(b.total_patient_fen), 0), coalesce(sum({INSURER_COVERS}), 0)"
            " FROM bills b JOIN claims c INDEXED BY claims_by_bill_state ON c.bill_id = b.id"
            " WHERE b.service_date = ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
            (day.isoformat(),),
        ).fetchall()
    return [ClaimGroup(r[0], r[1], bool(r[2]), r[3], r[4], r[5], r[6], r[7]) for r in rows]


_VOID = "('voided', 'cancelled')"
"""The states of a claim whose bill no longer stands: it is counted, its amounts are not."""


def direct_pay_visits(journal: Journal, day: date) -> int:
    """Visits of `day` with at least one signed claim that was not voided or cancelled."""
    with journal.reading() as db:
        row = db.execute(
            "SELECT count(DISTINCT b.visit_id)"
            " FROM bills b JOIN claims c INDEXED BY claims_by_bill_state ON c.bill_id = b.id"
            f" WHERE b.service_date = ? AND c.state NOT IN {_VOID}",
            (day.isoformat(),),
        ).fetchone()
    return int(row[0])


def self_pay_visits(journal: Journal, day: date) -> tuple[int, int, int]:
    """Visits of `day` that ended as self-pay (paid at the desk, no claim on any of their bills):
    how many, what was billed, and what their families owed (each visit's last bill)."""
    with journal.reading() as db:
        count, billed, owed = db.execute(
            "SELECT count(*), coalesce(sum(b.total_submitted_fen), 0),"
            " coalesce(sum(b.total_patient_fen), 0) FROM bills b"
            " WHERE b.service_date = ?"
            " AND b.id = (SELECT max(last.id) FROM bills last WHERE last.visit_id = b.visit_id)"
            " AND EXISTS (SELECT 1 FROM payments p WHERE p.visit_id = b.visit_id)"
            " AND NOT EXISTS (SELECT 1 FROM bills other JOIN claims c ON c.bill_id = other.id"
            " WHERE other.visit_id = b.visit_id)",
            (day.isoformat(),),
        ).fetchone()
    return count, billed, owed


def payments_by_method(journal: Journal, day: date) -> list[MethodTotal]:
    """Desk payments for the visits of `day` net of their refunds, whenever either was made (an
    amount owed collected later counts for the visit it was owed for)."""
    with journal.reading() as db:
        rows = db.execute(
            "SELECT method, sum(paid), sum(paid_fen), sum(refunded), sum(refunded_fen) FROM ("
            " SELECT p.method AS method, 1 AS paid, p.amount_fen AS paid_fen, 0 AS refunded,"
            " 0 AS refunded_fen FROM visits v JOIN payments p ON p.visit_id = v.id"
            " WHERE v.service_date = ?"
            " UNION ALL SELECT r.method, 0, 0, 1, r.amount_fen"
            " FROM visits v JOIN refunds r ON r.visit_id = v.id WHERE v.service_date = ?"
            ") GROUP BY method ORDER BY method",
            (day.isoformat(), day.isoformat()),
        ).fetchall()
    return [MethodTotal(PaymentMethod(r[0]), r[1], r[2] - r[4], r[3], r[4]) for r in rows]


def owed_by_families(journal: Journal, day: date) -> tuple[int, int]:
    """Visits of `day` whose families still owe the clinic part of their share, and how much."""
    with journal.reading() as db:
        count, owed = db.execute(
            f"SELECT count(*), coalesce(sum({OWED}), 0) FROM visits v"
            f" WHERE v.service_date = ? AND {OWING}",
            (day.isoformat(),),
        ).fetchone()
    return count, owed


def preauths_by_status(
    journal: Journal, requested_from: datetime, requested_to: datetime
) -> list[tuple[str | None, int]]:
    """Pre-auth requests filed in [from, to), by the insurer's status as last heard ('refused'
    when the insurer would not file it; None: not answered yet)."""
    with journal.reading() as db:
        return [
            (row[0], row[1])
            for row in db.execute(
                "SELECT CASE WHEN refused_at IS NOT NULL THEN 'refused' ELSE status END AS state,"
                " count(*) FROM preauth_requests"
                " WHERE requested_at >= ? AND requested_at < ? GROUP BY state",
                (to_timestamp(requested_from), to_timestamp(requested_to)),
            )
        ]


def top_items(journal: Journal, day: date, limit: int) -> list[TopItem]:
    """The items that brought in most on the day's claimed bills (not voided or cancelled)."""
    with journal.reading() as db:
        rows = db.execute(
            "SELECT l.item_code, min(l.description), sum(l.quantity),"
            " coalesce(sum(l.quantity * l.unit_price_fen), 0), coalesce(sum(l.covered_fen), 0)"
            " FROM bills b JOIN claims c INDEXED BY claims_by_bill_state ON c.bill_id = b.id"
            " JOIN bill_lines l ON l.bill_id = b.id"
            f" WHERE b.service_date = ? AND c.state NOT IN {_VOID}"
            " GROUP BY l.item_code ORDER BY 4 DESC, 1 LIMIT ?",
            (day.isoformat(), limit),
        ).fetchall()
    return [TopItem(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def daily_amounts(journal: Journal, first: date, last: date) -> list[TrendDay]:
    """Per service date in [first, last] that has any: what the insurer accepted to cover and
    what families paid at the desk. Days without either are left out."""
    with journal.reading() as db:
        covered = dict(
            db.execute(
                f"SELECT b.service_date, coalesce(sum({INSURER_COVERS}), 0)"
                " FROM bills b JOIN claims c INDEXED BY claims_by_bill_state ON c.bill_id = b.id"
                " WHERE b.service_date BETWEEN ? AND ? AND c.state = 'sent'"
                " GROUP BY b.service_date",
                (first.isoformat(), last.isoformat()),
            ).fetchall()
        )
        paid = dict(
            db.execute(
                "SELECT v.service_date, coalesce(sum(p.amount_fen), 0)"
                " FROM visits v JOIN payments p ON p.visit_id = v.id"
                " WHERE v.service_date BETWEEN ? AND ? GROUP BY v.service_date",
                (first.isoformat(), last.isoformat()),
            ).fetchall()
        )
        refunded = dict(
            db.execute(
                "SELECT v.service_date, coalesce(sum(r.amount_fen), 0)"
                " FROM visits v JOIN refunds r ON r.visit_id = v.id"
                " WHERE v.service_date BETWEEN ? AND ? GROUP BY v.service_date",
                (first.isoformat(), last.isoformat()),
            ).fetchall()
        )
    return [
        TrendDay(
            date.fromisoformat(day), covered.get(day, 0), paid.get(day, 0) - refunded.get(day, 0)
        )
        for day in sorted(covered.keys() | paid.keys())
    ]


_LEDGER_SELECT = (
    "SELECT c.id, b.visit_id, b.id, b.clinic_invoice_no, b.service_date, b.member_id, c.state,"
    " c.insurer_status, c.reject_code, c.attention_reason, c.insurer_claim_id,"
    " c.idempotency_key, b.total_submitted_fen, coalesce(b.total_covered_fen, 0),"
    f" coalesce(b.total_patient_fen, 0), {INSURER_COVERS}, c.queued_at, c.recorded_at,"
    f" {PAID},"
    " (SELECT group_concat(DISTINCT p.method) FROM payments p WHERE p.visit_id = v.id),"
    " c.closed_reason,"
    " coalesce((SELECT s.name FROM staff s WHERE 'staff:' || s.id = c.closed_by), c.closed_by),"
    " c.closed_at,"
    f" {REFUNDED},"
    f" {OWED}, v.fapiao_no"
    " FROM claims c JOIN bills b ON b.id = c.bill_id JOIN visits v ON v.id = b.visit_id"
)


def _ledger(rows: Iterable[Row]) -> list[LedgerRow]:
    return [
        LedgerRow(
            claim_id=r[0],
            visit_id=r[1],
            bill_id=r[2],
            clinic_invoice_no=r[3],
            service_date=date.fromisoformat(r[4]),
            member_id=r[5],
            state=r[6],
            insurer_status=r[7],
            reject_code=r[8],
            attention_reason=r[9],
            insurer_claim_id=r[10],
            idempotency_key=r[11],
            submitted_fen=r[12],
            shown_covered_fen=r[13],
            shown_patient_fen=r[14],
            insurer_covered_fen=r[15],
            queued_at=from_timestamp(r[16]),
            recorded_at=from_nullable_timestamp(r[17]),
            visit_paid_fen=r[18] - r[23],
            visit_payment_methods=tuple(sorted(r[19].split(","))) if r[19] else (),
            closed_reason=r[20],
            closed_by=r[21],
            closed_at=from_nullable_timestamp(r[22]),
            visit_refunded_fen=r[23],
            visit_owed_fen=r[24],
            fapiao_no=r[25],
        )
        for r in rows
    ]


def ledger(journal: Journal, first: date, last: date) -> list[LedgerRow]:
    """Every claim of the service dates [first, last], by date and invoice."""
    with journal.reading() as db:
        return _ledger(
            db.execute(
                _LEDGER_SELECT + " WHERE b.service_date BETWEEN ? AND ?"
                " ORDER BY b.service_date, b.clinic_invoice_no",
                (first.isoformat(), last.isoformat()),
            )
        )


def ledger_for_statement(
    journal: Journal, day: date, recorded_from: datetime, recorded_to: datetime
) -> list[LedgerRow]:
    """What one daily statement is compared with: claims the insurer recorded in [from, to)
    by its own answer, and every claim of service date `day` (the caller keeps those that
    belong to the statement's day), each once."""
    with journal.reading() as db:
        return _ledger(
            db.execute(
                _LEDGER_SELECT + " WHERE c.recorded_at >= ? AND c.recorded_at < ?"
                " UNION " + _LEDGER_SELECT + " WHERE b.service_date = ? ORDER BY 4",
                (to_timestamp(recorded_from), to_timestamp(recorded_to), day.isoformat()),
            )
        )


def ledger_by_keys(journal: Journal, idempotency_keys: Iterable[str]) -> list[LedgerRow]:
    """Claims with these idempotency keys (the statement names claims by the key we sent)."""
    keys = list(dict.fromkeys(idempotency_keys))
    found: list[LedgerRow] = []
    with journal.reading() as db:
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found += _ledger(
                db.execute(_LEDGER_SELECT + f" WHERE c.idempotency_key IN ({marks})", chunk)
            )
    return found
