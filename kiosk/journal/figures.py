"""The queries behind the manager's day figures and trend, written once (SQLAlchemy Core) for both
stores: one desk's journal, and the clinic database with every desk of the clinics asked for.

Each query answers per desk (`desk`, 0 on the journal), so a clinic's figures and their per-desk
breakdown come from the same rows; `kiosk.reports` adds them up. A day is a service date (the
visit's day at the clinic, Asia/Shanghai); pre-auth requests are found by the timestamp window the
caller computes. Rows come back as plain facts (states, statuses, sums in fen); what they mean for
the clinic is `kiosk.reports`' business.

On the journal, the indexes these rely on are migration 5's; the claims of a day are joined
through `claims_by_bill_state` by name, because without statistics SQLite's planner picks the
outbox's state index (and reads every claim of the year) or the unique bill index (and reads each
claim's row) — 10 ms against 170 ms for the 30-day trend of a busy clinic (`bench/summary.py`).
In the clinic database they are its migration's, with the clinic first (`bench/clinic_db.py`).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, Protocol

from sqlalchemy import (
    Alias,
    BigInteger,
    BindParameter,
    ColumnElement,
    Select,
    and_,
    bindparam,
    case,
    cast,
    exists,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy.sql.compiler import SQLCompiler

from kiosk.journal.claim_status import insurer_covers
from kiosk.journal.payments import owed, owing
from kiosk.journal.records import PaymentMethod
from kiosk.journal.rows import to_timestamp
from kiosk.journal.shapes import ON_THE_DESK, Shape, compiled_for_journal
from kiosk.journal.store import Journal

VOID = ("voided", "cancelled")
"""The states of a claim whose bill no longer stands: it is counted, its amounts are not."""
_CLAIMS_OF_A_DAY = "INDEXED BY claims_by_bill_state"


def _total(amounts: ColumnElement[Any]) -> ColumnElement[int]:
    """The sum of `amounts`, 0 for none, as an integer on both stores (PostgreSQL sums bigints
    as numeric, which the driver hands over as Decimal: money here is integer fen)."""
    return func.coalesce(cast(func.sum(amounts), BigInteger), 0)


def _standing(claim: Alias) -> ColumnElement[bool]:
    """The claim's bill stands (not `VOID`), as plain comparisons: each statement is compiled
    once, and an IN list would be expanded at every run."""
    return and_(*(claim.c.state != state for state in VOID))


class FigureSource(Protocol):
    """A store the figures run on: a desk's journal, or the clinic database for some clinics."""

    @property
    def shape(self) -> Shape: ...

    def rows(self, statement: Select[Any], **params: object) -> Sequence[Sequence[Any]]: ...


class JournalFigures:
    """The figures of one desk's journal. Each statement is compiled once for SQLite."""

    shape = ON_THE_DESK
    _compiled: ClassVar[dict[int, SQLCompiler]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    @classmethod
    def _compile(cls, statement: Select[Any]) -> SQLCompiler:
        with cls._lock:
            compiled = cls._compiled.get(id(statement))
            if compiled is None:
                compiled = cls._compiled[id(statement)] = compiled_for_journal(statement)
            return compiled

    def rows(self, statement: Select[Any], **params: object) -> Sequence[Sequence[Any]]:
        compiled = self._compile(statement)
        values = compiled.construct_params(params)
        order = compiled.positiontup or []
        with self.journal.reading() as db:
            return db.execute(compiled.string, [values[name] for name in order]).fetchall()


def figures_of(source: Journal | FigureSource) -> FigureSource:
    return JournalFigures(source) if isinstance(source, Journal) else source


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claims of one day and desk sharing outbox state, insurer status and whether a code was
    given."""

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
    desk: int = 0


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
class DeskCount:
    desk: int
    count: int
    amount_fen: int = 0
    extra_fen: int = 0


# --- the statements, built once per shape -------------------------------------------------------

DAY: BindParameter[str] = bindparam("day")
FIRST: BindParameter[str] = bindparam("first")
LAST: BindParameter[str] = bindparam("last")


def _bills_with_claims(shape: Shape) -> tuple[Alias, Alias, Any]:
    b, c = shape.table("bills", "b"), shape.table("claims", "c")
    joined = b.join(c, and_(c.c.bill_id == b.c.id, shape.same_desk(c, b)))
    return b, c, joined


@functools.cache
def _claim_groups(shape: Shape) -> Select[Any]:
    b, c, joined = _bills_with_claims(shape)
    keys = (c.c.state, c.c.insurer_status, c.c.reject_code.is_not(None))
    return (
        select(
            shape.desk(b),
            *keys,
            func.count(),
            _total(b.c.total_submitted_fen),
            _total(b.c.total_covered_fen),
            _total(b.c.total_patient_fen),
            _total(insurer_covers(c)),
        )
        .select_from(joined)
        .with_hint(c, _CLAIMS_OF_A_DAY, "sqlite")
        .where(b.c.service_date == DAY, shape.asked_for(b))
        .group_by(*shape.per_desk(b), *keys)
    )


def claim_groups(source: FigureSource, day: date) -> list[ClaimGroup]:
    rows = source.rows(_claim_groups(source.shape), day=day.isoformat())
    return [ClaimGroup(r[1], r[2], bool(r[3]), r[4], r[5], r[6], r[7], r[8], r[0]) for r in rows]


@functools.cache
def _direct_pay_visits(shape: Shape) -> Select[Any]:
    b, c, joined = _bills_with_claims(shape)
    return (
        select(shape.desk(b), func.count(b.c.visit_id.distinct()))
        .select_from(joined)
        .with_hint(c, _CLAIMS_OF_A_DAY, "sqlite")
        .where(b.c.service_date == DAY, shape.asked_for(b), _standing(c))
        .group_by(*shape.per_desk(b))
    )


def direct_pay_visits(source: FigureSource, day: date) -> list[DeskCount]:
    """Visits of `day` with at least one signed claim that was not voided or cancelled."""
    rows = source.rows(_direct_pay_visits(source.shape), day=day.isoformat())
    return [DeskCount(r[0], r[1]) for r in rows]


@functools.cache
def _self_pay_visits(shape: Shape) -> Select[Any]:
    b = shape.table("bills", "b")
    last, other = shape.table("bills", "last"), shape.table("bills", "other")
    p, c = shape.table("payments", "p"), shape.table("claims", "c")
    last_bill = (
        select(func.max(last.c.id))
        .where(last.c.visit_id == b.c.visit_id, shape.same_desk(last, b))
        .correlate(b)
        .scalar_subquery()
    )
    paid_at_desk = exists().where(p.c.visit_id == b.c.visit_id, shape.same_desk(p, b))
    claimed = exists(
        select(literal(1))
        .select_from(other.join(c, and_(c.c.bill_id == other.c.id, shape.same_desk(c, other))))
        .where(other.c.visit_id == b.c.visit_id, shape.same_desk(other, b))
    )
    return (
        select(
            shape.desk(b),
            func.count(),
            _total(b.c.total_submitted_fen),
            _total(b.c.total_patient_fen),
        )
        .where(
            b.c.service_date == DAY,
            shape.asked_for(b),
            b.c.id == last_bill,
            paid_at_desk.correlate(b),
            ~claimed.correlate(b),
        )
        .group_by(*shape.per_desk(b))
    )


def self_pay_visits(source: FigureSource, day: date) -> list[DeskCount]:
    """Visits of `day` that ended as self-pay (paid at the desk, no claim on any of their bills):
    how many, what was billed, and what their families owed (each visit's last bill)."""
    rows = source.rows(_self_pay_visits(source.shape), day=day.isoformat())
    return [DeskCount(*row) for row in rows]


@functools.cache
def _payments_by_method(shape: Shape) -> Select[Any]:
    def money(table: str, paid: bool) -> Select[Any]:
        v, m = shape.table("visits", "v"), shape.table(table, table[0])
        return (
            select(
                shape.desk(v),
                m.c.method.label("method"),
                literal(1 if paid else 0).label("paid"),
                (m.c.amount_fen if paid else literal(0)).label("paid_fen"),
                literal(0 if paid else 1).label("refunded"),
                (literal(0) if paid else m.c.amount_fen).label("refunded_fen"),
            )
            .select_from(v.join(m, and_(m.c.visit_id == v.c.id, shape.same_desk(m, v))))
            .where(v.c.service_date == DAY, shape.asked_for(v))
        )

    both = union_all(money("payments", True), money("refunds", False)).subquery("money")
    return (
        select(
            both.c.desk,
            both.c.method,
            _total(both.c.paid),
            _total(both.c.paid_fen),
            _total(both.c.refunded),
            _total(both.c.refunded_fen),
        )
        .group_by(both.c.desk, both.c.method)
        .order_by(both.c.desk, both.c.method)
    )


def payments_by_method(source: FigureSource, day: date) -> list[tuple[int, MethodTotal]]:
    """Desk payments for the visits of `day` net of their refunds, whenever either was made (an
    amount owed collected later counts for the visit it was owed for), per desk."""
    rows = source.rows(_payments_by_method(source.shape), day=day.isoformat())
    return [(r[0], MethodTotal(PaymentMethod(r[1]), r[2], r[3] - r[5], r[4], r[5])) for r in rows]


@functools.cache
def _owed_by_families(shape: Shape) -> Select[Any]:
    v = shape.table("visits", "v")
    return (
        select(shape.desk(v), func.count(), _total(owed(shape, v)))
        .where(v.c.service_date == DAY, shape.asked_for(v), owing(shape, v))
        .group_by(*shape.per_desk(v))
    )


def owed_by_families(source: FigureSource, day: date) -> list[DeskCount]:
    """Visits of `day` whose families still owe the clinic part of their share, and how much."""
    return [
        DeskCount(*row) for row in source.rows(_owed_by_families(source.shape), day=day.isoformat())
    ]


@functools.cache
def _preauths_by_status(shape: Shape) -> Select[Any]:
    r = shape.table("preauth_requests", "r")
    state = case((r.c.refused_at.is_not(None), "refused"), else_=r.c.status).label("state")
    return (
        select(shape.desk(r), state, func.count())
        .where(r.c.requested_at >= FIRST, r.c.requested_at < LAST, shape.asked_for(r))
        .group_by(*shape.per_desk(r), state)
    )


def preauths_by_status(
    source: FigureSource, requested_from: datetime, requested_to: datetime
) -> list[tuple[int, str | None, int]]:
    """Pre-auth requests filed in [from, to), by desk and the insurer's status as last heard
    ('refused' when the insurer would not file it; None: not answered yet)."""
    rows = source.rows(
        _preauths_by_status(source.shape),
        first=to_timestamp(requested_from),
        last=to_timestamp(requested_to),
    )
    return [(row[0], row[1], row[2]) for row in rows]


@functools.cache
def _items(shape: Shape) -> Select[Any]:
    b, c, joined = _bills_with_claims(shape)
    line = shape.table("bill_lines", "l")
    return (
        select(
            shape.desk(b),
            line.c.item_code,
            func.min(line.c.description),
            _total(line.c.quantity),
            _total(line.c.quantity * line.c.unit_price_fen),
            _total(line.c.covered_fen),
        )
        .select_from(joined.join(line, and_(line.c.bill_id == b.c.id, shape.same_desk(line, b))))
        .with_hint(c, _CLAIMS_OF_A_DAY, "sqlite")
        .where(b.c.service_date == DAY, shape.asked_for(b), _standing(c))
        .group_by(*shape.per_desk(b), line.c.item_code)
    )


def items(source: FigureSource, day: date) -> list[tuple[int, TopItem]]:
    """Every item on the day's claimed bills (not voided or cancelled), per desk; the caller
    ranks them."""
    rows = source.rows(_items(source.shape), day=day.isoformat())
    return [(r[0], TopItem(r[1], r[2], r[3], r[4], r[5])) for r in rows]


@functools.cache
def _covered_by_day(shape: Shape) -> Select[Any]:
    c, claims, day = shape.dated("claims")
    statement = (
        select(shape.desk(c), day, _total(insurer_covers(c)))
        .select_from(claims)
        .where(day.between(FIRST, LAST), shape.asked_for(c), c.c.state == "sent")
        .group_by(*shape.per_desk(c), day)
    )
    return statement.with_hint(c, _CLAIMS_OF_A_DAY, "sqlite")


@functools.cache
def _desk_money_by_day(shape: Shape, table: str) -> Select[Any]:
    money, rows, day = shape.dated(table)
    return (
        select(shape.desk(money), day, _total(money.c.amount_fen))
        .select_from(rows)
        .where(day.between(FIRST, LAST), shape.asked_for(money))
        .group_by(*shape.per_desk(money), day)
    )


def daily_amounts(source: FigureSource, first: date, last: date) -> dict[int, list[TrendDay]]:
    """Per desk and service date in [first, last] that has any: what the insurer accepted to
    cover and what families paid at the desk. Days without either are left out."""
    window = {"first": first.isoformat(), "last": last.isoformat()}
    covered: dict[tuple[int, str], int] = {}
    paid: dict[tuple[int, str], int] = {}
    for desk, day, amount in source.rows(_covered_by_day(source.shape), **window):
        covered[(desk, day)] = amount
    for desk, day, amount in source.rows(_desk_money_by_day(source.shape, "payments"), **window):
        paid[(desk, day)] = amount
    for desk, day, amount in source.rows(_desk_money_by_day(source.shape, "refunds"), **window):
        paid[(desk, day)] = paid.get((desk, day), 0) - amount
    by_desk: dict[int, list[TrendDay]] = {}
    for desk, day in sorted(covered.keys() | paid.keys()):
        by_desk.setdefault(desk, []).append(
            TrendDay(date.fromisoformat(day), covered.get((desk, day), 0), paid.get((desk, day), 0))
        )
    return by_desk
