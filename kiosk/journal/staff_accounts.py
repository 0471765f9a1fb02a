"""The SQL behind staff accounts: who may sign in, with which hashed secret, and whether the
account is locked after wrong PINs. Policy (roles, lockout rules, hashing) is `kiosk.staff`'s;
this module only stores and reads what it decides, inside the journal's transactions, so every
change lands together with its audit entry.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from kiosk.journal.errors import RecordConflict, RecordNotFound
from kiosk.journal.rows import (
    Row,
    from_nullable_timestamp,
    from_timestamp,
    inserted_id,
    to_timestamp,
)
from kiosk.journal.store import Journal, Transaction


@dataclass(frozen=True, slots=True)
class StaffAccount:
    """A staff account as stored; `secret_hash` is an argon2 PHC string, never the secret."""

    id: int
    name: str
    role: str
    secret_hash: str
    active: bool
    failures: int
    """Wrong secrets in a row since the last sign-in or lockout."""
    lockouts: int
    """Lockouts in a row since the last good sign-in (each one lasts longer)."""
    locked_until: datetime | None
    created_at: datetime


_SELECT = (
    "SELECT id, name, role, secret_hash, active, failures, lockouts, locked_until, created_at"
    " FROM staff"
)


def _account(row: Row) -> StaffAccount:
    return StaffAccount(
        id=row[0],
        name=row[1],
        role=row[2],
        secret_hash=row[3],
        active=bool(row[4]),
        failures=row[5],
        lockouts=row[6],
        locked_until=from_nullable_timestamp(row[7]),
        created_at=from_timestamp(row[8]),
    )


def _fetch(db: sqlite3.Connection, staff_id: int) -> StaffAccount:
    row = db.execute(_SELECT + " WHERE id = ?", (staff_id,)).fetchone()
    if row is None:
        raise RecordNotFound(f"Staff account {staff_id} does not exist.")
    return _account(row)


def staff_accounts(journal: Journal, *, active_only: bool = True) -> list[StaffAccount]:
    """Accounts in name order (the sign-in screen lists them)."""
    with journal.reading() as db:
        where = " WHERE active = 1" if active_only else ""
        return [_account(row) for row in db.execute(_SELECT + where + " ORDER BY name, id")]


def staff_account(journal: Journal, staff_id: int) -> StaffAccount:
    with journal.reading() as db:
        return _fetch(db, staff_id)


def locked_account(tx: Transaction, staff_id: int) -> StaffAccount:
    """The account as this transaction sees it (its write lock keeps it from changing)."""
    return _fetch(tx.db, staff_id)


def insert_account(tx: Transaction, name: str, role: str, secret_hash: str) -> StaffAccount:
    if tx.db.execute("SELECT 1 FROM staff WHERE name = ?", (name,)).fetchone():
        raise RecordConflict(f"A staff account named {name!r} already exists.")
    cursor = tx.db.execute(
        "INSERT INTO staff (name, role, secret_hash, created_at) VALUES (?, ?, ?, ?)",
        (name, role, secret_hash, tx.timestamp()),
    )
    return _fetch(tx.db, inserted_id(cursor))


def set_sign_in_state(
    tx: Transaction,
    staff_id: int,
    *,
    failures: int,
    lockouts: int,
    locked_until: datetime | None,
) -> StaffAccount:
    tx.db.execute(
        "UPDATE staff SET failures = ?, lockouts = ?, locked_until = ? WHERE id = ?",
        (failures, lockouts, to_timestamp(locked_until) if locked_until else None, staff_id),
    )
    return _fetch(tx.db, staff_id)


def set_secret_hash(tx: Transaction, staff_id: int, secret_hash: str) -> StaffAccount:
    tx.db.execute("UPDATE staff SET secret_hash = ? WHERE id = ?", (secret_hash, staff_id))
    return _fetch(tx.db, staff_id)
