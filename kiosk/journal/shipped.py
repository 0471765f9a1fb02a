"""What of the journal a desk ships to its clinic database: the records, their keys, their columns.

A desk with a clinic database ships the clinic's records of it — visits, bills and their lines,
the signatures' fingerprints (never the strokes), desk payments and refunds, claims and the
insurer's answers, payments and remittances, pre-auth requests, the audit trail, day close-outs —
and not what only the desk's own machinery needs (the claim's body as sent, its retry schedule,
send attempts, statements' PDFs, staff sign-in state). This one list is the journal's triggers
(migration 14 records each change of these columns in `shipping_queue`), the shipper's SELECTs
and UPSERTs, and the clinic database's tables (`kiosk.figures.tables`).

The list is part of migration 14: a column added here needs a new migration that makes the
triggers again, as journals in use have the old ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ColumnType = Literal["int", "text"]


@dataclass(frozen=True, slots=True)
class ShippedTable:
    name: str
    key: tuple[str, ...]
    columns: tuple[tuple[str, ColumnType], ...]
    """Key columns first, in the journal's order; none is a BLOB."""
    append_only: bool = False
    """The audit trail: a row once shipped never changes."""
    derived: tuple[tuple[str, str], ...] = ()
    """Columns of the clinic database worked out of the journal's row when it is shipped: name
    and SQL over the journal's row `t` (what the figures need of a column not shipped whole)."""

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    @property
    def stored_columns(self) -> tuple[str, ...]:
        """The columns the journal itself has (the others are `derived`)."""
        derived = {name for name, _ in self.derived}
        return tuple(name for name in self.column_names if name not in derived)

    def select_list(self, row: str = "t") -> str:
        """The shipped columns of journal row `row`, derived ones worked out."""
        derived = dict(self.derived)
        return ", ".join(
            derived[name].replace("t.", f"{row}.") if name in derived else f"{row}.{name}"
            for name in self.column_names
        )


def _table(
    name: str,
    key: str,
    columns: str,
    *,
    append_only: bool = False,
    derived: tuple[tuple[str, str], ...] = (),
) -> ShippedTable:
    """`columns`: "name:type" words, type `i` (integer) or `t` (text)."""
    parsed = tuple(
        (word.split(":")[0], "int" if word.endswith(":i") else "text") for word in columns.split()
    )
    return ShippedTable(name, tuple(key.split()), parsed, append_only, derived)  # type: ignore[arg-type]


_VISITS_DAY = "(SELECT v.service_date FROM visits v WHERE v.id = t.visit_id)"
"""A payment's (or a refund's) day is its visit's: in the clinic database the 30-day trend finds a
group's claims and payments by day without joining 100,000 bills and visits (`bench/clinic_db.py`:
the group's trend 720 ms through the joins). A bill's and a visit's day never change."""

SHIPPED: tuple[ShippedTable, ...] = (
    _table(
        "visits",
        "id",
        "id:i member_id:t service_date:t visit_type:t opened_at:t fapiao_no:t",
    ),
    _table(
        "bills",
        "id",
        "id:i visit_id:i clinic_invoice_no:t bill_hash:t member_id:t service_date:t visit_type:t"
        " total_submitted_fen:i total_covered_fen:i total_patient_fen:i created_at:t",
    ),
    _table(
        "bill_lines",
        "bill_id line_no",
        "bill_id:i line_no:i item_code:t description:t category:t quantity:i unit_price_fen:i"
        " covered_fen:i patient_fen:i reason:t preauth_id:t preauth_class:t",
    ),
    _table(
        "signatures",
        "id",
        "id:i bill_id:i bill_hash:t strokes_sha256:t point_count:i signed_at:t",
    ),
    _table(
        "payments",
        "id",
        "id:i visit_id:i method:t amount_fen:i reference:t paid_at:t service_date:t",
        derived=(("service_date", _VISITS_DAY),),
    ),
    _table(
        "refunds",
        "id",
        "id:i visit_id:i method:t amount_fen:i reason:t reference:t refunded_by:t refunded_at:t"
        " service_date:t",
        derived=(("service_date", _VISITS_DAY),),
    ),
    _table(
        "claims",
        "id",
        "id:i bill_id:i idempotency_key:t state:t queued_at:t insurer_claim_id:t"
        " insurer_status:t reject_code:t covered_fen:i recorded_at:t attention_reason:t"
        " closed_reason:t closed_by:t closed_at:t final_covered_fen:i review_outcome:t"
        " review_reason:t reviewed_at:t family_balance_fen:i family_balance_paid_at:t"
        " replaces:t service_date:t",
        # A corrected bill's claim names the invoice it replaces in its body (not shipped): the
        # figures need to know which bill of a visit stands (`kiosk.journal.payments`).
        derived=(
            ("replaces", "json_extract(t.submission, '$.replaces')"),
            ("service_date", "(SELECT b.service_date FROM bills b WHERE b.id = t.bill_id)"),
        ),
    ),
    _table(
        "claim_status_changes",
        "id",
        "id:i claim_id:i seen_at:t status:t covered_fen:i family_balance_fen:i paid_fen:i",
    ),
    _table(
        "claim_payments",
        "claim_id remittance_id part",
        "claim_id:i remittance_id:t part:t payment_date:t amount_fen:i",
    ),
    _table(
        "preauth_requests",
        "id",
        "id:i visit_id:i idempotency_key:t member_id:t requested_at:t sent_at:t"
        " insurer_preauth_id:t status:t decided_at:t refusal_code:t refused_at:t",
    ),
    _table(
        "remittances",
        "remittance_id",
        "remittance_id:t payment_date:t payment_amount_fen:i details:i details_fen:i fetched_at:t",
    ),
    _table(
        "remittance_details",
        "remittance_id position",
        "remittance_id:t position:i insurer_claim_id:t idempotency_key:t part:t amount_fen:i"
        " claim_id:i paid_before:i",
    ),
    _table("day_closes", "day", "day:t closed_by:t closed_at:t note:t"),
    _table("day_close_counts", "day method", "day:t method:t taken_fen:i counted_fen:i"),
    _table(
        "audit",
        "seq",
        "seq:i at:t actor:t action:t subject:t detail:t prev_hash:t hash:t seal:t key_id:t mac:t",
        append_only=True,
    ),
)
SHIPPED_BY_NAME = {table.name: table for table in SHIPPED}


def _key_json(table: ShippedTable, row: str) -> str:
    return "json_array(" + ", ".join(f"{row}.{column}" for column in table.key) + ")"


def shipping_triggers(table: ShippedTable) -> tuple[str, ...]:
    """The triggers that put each change of `table`'s shipped columns in the queue, while the
    desk ships (`shipping_target` has its row)."""
    when = "WHEN EXISTS (SELECT 1 FROM shipping_target)"
    enqueue = "INSERT INTO shipping_queue (tbl, key) VALUES ('{name}', {key});"
    new = enqueue.format(name=table.name, key=_key_json(table, "NEW"))
    old = enqueue.format(name=table.name, key=_key_json(table, "OLD"))
    columns = ", ".join(table.stored_columns)
    return (
        f"CREATE TRIGGER ship_{table.name}_insert AFTER INSERT ON {table.name} {when}"
        f" BEGIN {new} END",
        f"CREATE TRIGGER ship_{table.name}_update AFTER UPDATE OF {columns} ON {table.name}"
        f" {when} BEGIN {new} END",
        f"CREATE TRIGGER ship_{table.name}_delete AFTER DELETE ON {table.name} {when}"
        f" BEGIN {old} END",
    )


def backfill(table: ShippedTable) -> str:
    """Queue every row `table` holds: what a desk ships when it starts shipping."""
    return (
        f"INSERT INTO shipping_queue (tbl, key) SELECT '{table.name}', {_key_json(table, 't')}"
        f" FROM {table.name} t ORDER BY " + ", ".join(f"t.{c}" for c in table.key)
    )
