"""The shipped records as SQLAlchemy Core tables, in the two stores that hold them.

`JOURNAL` is the desk's SQLite journal as the figures read it; `CLINIC` is the clinic database:
the same tables with the clinic and the desk each row came from (`clinic_id`, `desk_id`; the key
is the desk and the journal's key). Both are made from `kiosk.journal.shipped.SHIPPED`, so a
figure written once (`kiosk.journal.reporting`) reads the same columns on both stores.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, FetchedValue, Integer, MetaData, Table, Text

from kiosk.journal.shipped import SHIPPED, ShippedTable


def _columns(table: ShippedTable, *, stored_only: bool = False) -> list[Column[object]]:
    stored = table.stored_columns
    return [
        Column(name, BigInteger if kind == "int" else Text, primary_key=name in table.key)
        for name, kind in table.columns
        if name in stored or not stored_only
    ]


JOURNAL = MetaData()
CLINIC = MetaData()

for _shipped in SHIPPED:
    Table(_shipped.name, JOURNAL, *_columns(_shipped, stored_only=True))
    Table(
        _shipped.name,
        CLINIC,
        # The login's clinic and desk, filled in by the clinic database (`kiosk_my_desk()`).
        Column("clinic_id", Text, nullable=False, server_default=FetchedValue()),
        Column("desk_id", Integer, primary_key=True, server_default=FetchedValue()),
        *_columns(_shipped),
    )

# What the journal's figures read of a column the clinic database has derived (`replaces`).
JOURNAL.tables["claims"].append_column(Column("submission", Text, nullable=False))
