"""Where a figure runs: the desk's journal (SQLite, one desk) or the clinic database (PostgreSQL,
every desk of the clinics a login may read). A figure is written once, in SQLAlchemy Core, against
a `Shape`, and the shape says what differs: the tables, that each row belongs to a desk (joins
stay within a desk, results come per desk), which clinics are asked for, and how a column the
clinic database derived is read on the desk (`replaces`).

`journal_sql` renders a Core expression as the SQL text the journal's hand-written queries embed,
so that a rule (what a family owes, say) is defined once for both stores and every query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ARRAY,
    Alias,
    ColumnElement,
    FromClause,
    Table,
    Text,
    any_,
    bindparam,
    func,
    literal_column,
    select,
    true,
)
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.sql.compiler import SQLCompiler

from kiosk.journal.tables import CLINIC, JOURNAL

CLINICS = bindparam("clinics", type_=ARRAY(Text))
"""The clinics a clinic-database figure is asked for (the login's policies may allow fewer)."""


@dataclass(frozen=True, slots=True)
class Shape:
    clinic: bool
    """The clinic database; False: one desk's journal."""

    def table(self, name: str, alias: str) -> Alias:
        tables = CLINIC.tables if self.clinic else JOURNAL.tables
        table: Table = tables[name]
        aliased: Alias = table.alias(alias)  # type: ignore[assignment]  # a table's alias is one
        return aliased

    def desk(self, row: Alias) -> ColumnElement[Any]:
        """The desk a result row counts for (0 on the journal: its one desk)."""
        return (row.c.desk_id if self.clinic else literal_column("0")).label("desk")

    def per_desk(self, row: Alias) -> list[ColumnElement[Any]]:
        """What to GROUP BY so that results come per desk."""
        return [row.c.desk_id] if self.clinic else []

    def asked_for(self, row: Alias) -> ColumnElement[bool]:
        return row.c.clinic_id == any_(CLINICS) if self.clinic else true()

    def same_desk(self, one: Alias, other: Alias) -> ColumnElement[bool]:
        """Journal ids are a desk's own: in the clinic database a join also matches the desk."""
        return one.c.desk_id == other.c.desk_id if self.clinic else true()

    def dated(self, table: str) -> tuple[Alias, FromClause, ColumnElement[str]]:
        """`table`'s rows (claims, payments, refunds) with their service date: on the desk
        through their bill or visit; the clinic database ships it with each row, so that a
        window of days over many clinics reads no bill or visit at all."""
        rows = self.table(table, table[0])
        if self.clinic:
            return rows, rows, rows.c.service_date
        parent, key = ("bills", "bill_id") if table == "claims" else ("visits", "visit_id")
        owner = self.table(parent, parent[0])
        joined = owner.join(rows, rows.c[key] == owner.c.id)
        return rows, joined, owner.c.service_date

    def replaces(self, claim: Alias) -> ColumnElement[Any]:
        """The invoice a corrected bill's claim replaces (shipped derived, read from the body on
        the desk)."""
        if self.clinic:
            return claim.c.replaces
        return func.json_extract(claim.c.submission, "$.replaces")


ON_THE_DESK = Shape(clinic=False)
IN_THE_CLINIC = Shape(clinic=True)


class _JournalCompiler(SQLiteCompiler):
    """SQLAlchemy's SQLite compiler, rendering table hints (`INDEXED BY`): without statistics
    SQLite's planner picks the wrong index for some figures (`kiosk.journal.reporting`)."""

    def get_from_hint_text(self, table: Any, text: str | None) -> str | None:
        return text


class JournalDialect(SQLiteDialect_pysqlite):
    statement_compiler = _JournalCompiler


JOURNAL_DIALECT = JournalDialect(paramstyle="qmark")


def compiled_for_journal(statement: Any) -> SQLCompiler:
    compiled: SQLCompiler = statement.compile(dialect=JOURNAL_DIALECT)
    return compiled


def journal_sql(expression: ColumnElement[Any], outer: Alias) -> str:
    """`expression`, correlated to the journal row `outer`, as SQL text with its constants
    inlined. SQLAlchemy renders a correlated subquery only inside the query it correlates to: the
    expression is rendered in `SELECT … FROM <outer>` and taken out of it."""
    text = str(
        select(expression.label("rendered"))
        .select_from(outer)
        .compile(dialect=JOURNAL_DIALECT, compile_kwargs={"literal_binds": True})
    )
    found = re.fullmatch(r"SELECT (.*) AS rendered \nFROM \w+ AS \w+", text, re.DOTALL)
    if found is None:
        raise ValueError(f"cannot take the expression out of {text!r}")
    return "(" + " ".join(found.group(1).split()) + ")"
