"""The clinic database's own tables (the shipped records' are `kiosk.journal.tables.CLINIC`):
its clinics, their desks with how far each has shipped, and the clinic's staff accounts."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, DateTime, Integer, Table, Text

from kiosk.journal.tables import CLINIC

clinics = Table(
    "clinics",
    CLINIC,
    Column("clinic_id", Text, primary_key=True),
    Column("group_id", Text, nullable=False),
    Column("name", Text, nullable=False),
)
desks = Table(
    "desks",
    CLINIC,
    Column("desk_id", Integer, primary_key=True),
    Column("clinic_id", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("role_name", Text, nullable=False),
    Column("shipped_seq", BigInteger, nullable=False),
    Column("shipped_at", DateTime(timezone=True)),
    Column("journal_id", Text),
)
staff = Table(
    "staff",
    CLINIC,
    Column("clinic_id", Text, primary_key=True),
    Column("name", Text, primary_key=True),
    Column("role", Text, nullable=False),
    Column("secret_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
)
