"""The claims ledger: each claim with its bill's amounts and its visit's desk payments, read from
the journal for the claims list, the exports and the reconciliation. (The day's figures are
`kiosk.journal.figures`.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from kiosk.journal.claim_status import INSURER_COVERS
from kiosk.journal.payments import OWED, PAID, REFUNDED
from kiosk.journal.rows import Row, from_nullable_timestamp, from_timestamp, to_timestamp
from kiosk.journal.store import Journal


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
