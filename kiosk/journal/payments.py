"""Money at the desk in the journal: payments (split by method, or a part now and the rest owed),
refunds by method, the clinic's fapiao number, and what a family still owes the clinic.

What a family owes the clinic is defined once, here, in SQLAlchemy Core (`family_share`, `paid`,
`owed`, `owing`), for the journal and the clinic database alike (`kiosk.journal.shapes`), and read
by the desk (`visit_account`, `owed_by_member`, through the same rules rendered as SQL text:
`FAMILY_SHARE`, `OWED`…) and the manager's figures (`kiosk.journal.reporting`):

- a visit's family share is its last bill as shown (the family's part of a direct-billing bill,
  the whole of a self-pay one);
- a visit owes the clinic when the desk took part of that share and not all of it: share minus
  what was paid (refunds are money given back, they do not make the family owe it again). A
  visit with no payment recorded is not counted: nothing says the desk asked for it. This is
  not the insurer's greyed-card amount, which the family pays the insurer in its e-card app.

The rules of what may be paid or refunded live in `kiosk.payments`, which runs these reads and
writes inside one transaction so a check and the change it allows cannot be split by another
desk's write.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Alias, ColumnElement, and_, case, exists, func, or_, select

from kiosk.journal.errors import RecordNotFound
from kiosk.journal.records import PaymentMethod, PaymentRecord, RefundRecord
from kiosk.journal.rows import (
    PAYMENT_SELECT,
    Row,
    checked_fen,
    fetch_visit,
    from_timestamp,
    inserted_id,
    payment_from_row,
)
from kiosk.journal.shapes import ON_THE_DESK, Shape, journal_sql
from kiosk.journal.store import Journal, Transaction


def not_covered_after_all(shape: Shape, v: Alias) -> ColumnElement[int]:
    """What the insurer, adjudicating visit `v`'s claim, did not cover of what the family signed
    as the insurer's share: a bill signed under a phone guarantee, "to be confirmed" (any other
    claim signed on amounts the insurer no longer gives is refused, 409 adjudication-changed).
    The family signed to pay it to the clinic. It stays theirs to pay however the claim fares
    after (reviewed, paid, or rejected after review: what the review moves is a balance with the
    insurer, apart)."""
    b, c = shape.table("bills", "b"), shape.table("claims", "c")
    return func.coalesce(
        select(b.c.total_covered_fen - c.c.covered_fen)
        .select_from(b.join(c, and_(c.c.bill_id == b.c.id, shape.same_desk(c, b))))
        .where(
            b.c.visit_id == v.c.id,
            shape.same_desk(b, v),
            c.c.state == "sent",
            c.c.covered_fen < b.c.total_covered_fen,
        )
        .order_by(b.c.id.desc())
        .limit(1)
        .correlate(v)
        .scalar_subquery(),
        0,
    )


def standing_bill(shape: Shape, b: Alias) -> ColumnElement[bool]:
    """Bill `b` stands for its visit: not a corrected bill the insurer has not (or not yet)
    accepted in place of the original, which stands until it does."""
    c = shape.table("claims", "c")
    return ~exists().where(
        c.c.bill_id == b.c.id,
        shape.same_desk(c, b),
        c.c.state != "sent",
        shape.replaces(c).is_not(None),
    ).correlate(b)


def family_share(shape: Shape, v: Alias) -> ColumnElement[int]:
    """The family share of visit `v`: its last standing bill as shown (all of it without an
    estimate), and what the insurer did not cover after all."""
    b = shape.table("bills", "b")
    last_standing = (
        select(func.coalesce(b.c.total_patient_fen, b.c.total_submitted_fen))
        .where(b.c.visit_id == v.c.id, shape.same_desk(b, v), standing_bill(shape, b))
        .order_by(b.c.id.desc())
        .limit(1)
        .correlate(v)
        .scalar_subquery()
    )
    return func.coalesce(last_standing, 0) + not_covered_after_all(shape, v)


def _sum_for_visit(shape: Shape, v: Alias, table: str) -> ColumnElement[int]:
    money = shape.table(table, table[0])
    return (
        select(func.coalesce(func.sum(money.c.amount_fen), 0))
        .where(money.c.visit_id == v.c.id, shape.same_desk(money, v))
        .correlate(v)
        .scalar_subquery()
    )


def paid(shape: Shape, v: Alias) -> ColumnElement[int]:
    """What the desk took for visit `v`, at the visit and collected later."""
    return _sum_for_visit(shape, v, "payments")


def refunded(shape: Shape, v: Alias) -> ColumnElement[int]:
    """What was given back of it."""
    return _sum_for_visit(shape, v, "refunds")


def owing(shape: Shape, v: Alias) -> ColumnElement[bool]:
    """Visit `v` owes the clinic: part paid at the desk and the rest not yet, or an amount the
    insurer did not cover after all and not yet collected."""
    p = shape.table("payments", "p")
    took_some = exists().where(p.c.visit_id == v.c.id, shape.same_desk(p, v)).correlate(v)
    return and_(
        or_(took_some, not_covered_after_all(shape, v) > 0),
        family_share(shape, v) > paid(shape, v),
    )


def owed(shape: Shape, v: Alias) -> ColumnElement[int]:
    """What visit `v` owes the clinic, in fen."""
    return case((owing(shape, v), family_share(shape, v) - paid(shape, v)), else_=0)


_v = ON_THE_DESK.table("visits", "v")
NOT_COVERED_AFTER_ALL = journal_sql(not_covered_after_all(ON_THE_DESK, _v), _v)
"""SQL for the journal's own queries, of visit `v`: `not_covered_after_all`."""
FAMILY_SHARE = journal_sql(family_share(ON_THE_DESK, _v), _v)
"""SQL: `family_share` of visit `v`."""
PAID = journal_sql(paid(ON_THE_DESK, _v), _v)
"""SQL: `paid` for visit `v`."""
REFUNDED = journal_sql(refunded(ON_THE_DESK, _v), _v)
"""SQL: `refunded` for visit `v`."""
OWING = journal_sql(owing(ON_THE_DESK, _v), _v)
"""SQL: `owing`, of visit `v`."""
OWED = journal_sql(owed(ON_THE_DESK, _v), _v)
"""SQL: `owed` by visit `v`."""
LAST_STATEMENT_NO = (
    "(SELECT b.clinic_invoice_no FROM bills b WHERE b.visit_id = v.id ORDER BY b.id DESC LIMIT 1)"
)
"""SQL: the number of visit `v`'s last statement (a corrected bill's, once there is one)."""

REFUND_SELECT = (
    "SELECT id, visit_id, method, amount_fen, reason, reference, refunded_by, refunded_at"
    " FROM refunds"
)


def refund_from_row(row: Row) -> RefundRecord:
    return RefundRecord(
        id=row[0],
        visit_id=row[1],
        method=PaymentMethod(row[2]),
        amount_fen=row[3],
        reason=row[4],
        reference=row[5],
        refunded_by=row[6],
        refunded_at=from_timestamp(row[7]),
    )


@dataclass(frozen=True, slots=True)
class VisitAccount:
    """One visit's money at the desk as the journal holds it now."""

    visit_id: int
    member_id: str
    service_date: date
    statement_no: str | None
    """The last bill's number (the family's statement); None before a bill was shown."""
    share_fen: int
    """What the family is to pay the clinic for the visit (`FAMILY_SHARE`)."""
    payments: tuple[PaymentRecord, ...]
    refunds: tuple[RefundRecord, ...]
    fapiao_no: str | None
    owed_fen: int
    """What the family still owes the clinic after paying part (`OWED`)."""

    @property
    def paid_fen(self) -> int:
        return sum(payment.amount_fen for payment in self.payments)

    @property
    def refunded_fen(self) -> int:
        return sum(refund.amount_fen for refund in self.refunds)

    @property
    def net_paid_fen(self) -> int:
        """Kept by the clinic: paid minus refunded."""
        return self.paid_fen - self.refunded_fen

    @property
    def left_fen(self) -> int:
        """What the desk may still take for the visit (its whole share before any payment)."""
        return max(self.share_fen - self.paid_fen, 0)

    def net_by_method(self) -> dict[PaymentMethod, int]:
        """Kept by the clinic per method (paid by it minus refunded by it), methods used only."""
        net: dict[PaymentMethod, int] = {}
        for payment in self.payments:
            net[payment.method] = net.get(payment.method, 0) + payment.amount_fen
        for refund in self.refunds:
            net[refund.method] = net.get(refund.method, 0) - refund.amount_fen
        return net


@dataclass(frozen=True, slots=True)
class OwedVisit:
    """A visit whose family still owes the clinic part of its share."""

    visit_id: int
    service_date: date
    statement_no: str | None
    share_fen: int
    paid_fen: int
    owed_fen: int


def visit_account(db: sqlite3.Connection, visit_id: int) -> VisitAccount:
    """Read in `db` (a `Journal.reading` snapshot or the caller's transaction)."""
    visit = fetch_visit(db, visit_id)
    share, owed, fapiao_no, statement_no = db.execute(
        f"SELECT {FAMILY_SHARE}, {OWED}, v.fapiao_no, {LAST_STATEMENT_NO}"
        " FROM visits v WHERE v.id = ?",
        (visit_id,),
    ).fetchone()
    payments = db.execute(PAYMENT_SELECT + " WHERE visit_id = ? ORDER BY id", (visit_id,))
    refunds = db.execute(REFUND_SELECT + " WHERE visit_id = ? ORDER BY id", (visit_id,))
    return VisitAccount(
        visit_id=visit.id,
        member_id=visit.member_id,
        service_date=visit.service_date,
        statement_no=statement_no,
        share_fen=share,
        payments=tuple(payment_from_row(row) for row in payments.fetchall()),
        refunds=tuple(refund_from_row(row) for row in refunds.fetchall()),
        fapiao_no=fapiao_no,
        owed_fen=owed,
    )


def read_visit_account(journal: Journal, visit_id: int) -> VisitAccount:
    with journal.reading() as db:
        return visit_account(db, visit_id)


def owed_by_member(journal: Journal, member_id: str) -> list[OwedVisit]:
    """The member's visits that still owe the clinic, oldest first."""
    with journal.reading() as db:
        rows = db.execute(
            f"SELECT v.id, v.service_date, {FAMILY_SHARE}, {PAID}, {LAST_STATEMENT_NO}"
            f" FROM visits v INDEXED BY visits_by_member WHERE v.member_id = ? AND {OWING}"
            " ORDER BY v.service_date, v.id",
            (member_id,),
        ).fetchall()
    return [
        OwedVisit(
            visit_id=row[0],
            service_date=date.fromisoformat(row[1]),
            statement_no=row[4],
            share_fen=row[2],
            paid_fen=row[3],
            owed_fen=row[2] - row[3],
        )
        for row in rows
    ]


def insert_refund(
    tx: Transaction,
    visit_id: int,
    method: PaymentMethod,
    amount_fen: int,
    *,
    reason: str,
    reference: str | None,
    refunded_by: str,
) -> RefundRecord:
    """Record money given back; the audit entry (under the transaction's actor) keeps why."""
    fetch_visit(tx.db, visit_id)
    method = PaymentMethod(method)
    cursor = tx.db.execute(
        "INSERT INTO refunds (visit_id, method, amount_fen, reason, reference, refunded_by,"
        " refunded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            visit_id,
            method.value,
            checked_fen(amount_fen, what="a refund", positive=True),
            reason,
            reference,
            refunded_by,
            tx.timestamp(),
        ),
    )
    refund_id = inserted_id(cursor)
    tx.append_audit(
        "payment.refunded",
        f"visit:{visit_id}",
        {"refund": refund_id, "method": method.value, "amount_fen": amount_fen, "reason": reason},
    )
    row = tx.db.execute(REFUND_SELECT + " WHERE id = ?", (refund_id,)).fetchone()
    return refund_from_row(row)


def set_fapiao_no(tx: Transaction, visit_id: int, fapiao_no: str | None) -> None:
    """Record (or clear, with None) the number of the fapiao the clinic issued for the visit."""
    before = tx.db.execute("SELECT fapiao_no FROM visits WHERE id = ?", (visit_id,)).fetchone()
    if before is None:
        raise RecordNotFound(f"Visit {visit_id} is not in the journal.")
    if before[0] == fapiao_no:
        return
    tx.db.execute("UPDATE visits SET fapiao_no = ? WHERE id = ?", (fapiao_no, visit_id))
    tx.append_audit(
        "visit.fapiao-recorded",
        f"visit:{visit_id}",
        {"fapiao_no": fapiao_no, "was": before[0]},
    )
