"""The HIS inbox: every charge message the desk accepted, until its shares went back.

A separate SQLite file in the data folder (`his-inbox.sqlite3`), not the journal: the listener
(`kiosk his listen`, or the kiosk's own) writes it from its thread or process while the desk reads
it, and none of it is evidence of a claim — the journal keeps the bill as signed. Each call opens
its own connection, so any thread may call; WAL lets one writer and the readers go on together.

A message is kept once per (sender, message id): a resend with the same content is a duplicate
(the HIS lost our ACK), the same id with other content is refused. An order is the HIS's (sender
and order number), whichever message brought it: one sent again in a later message (a HIS's
correction) is offered from the later message only, and an order on a bill is never offered
again, from any message. A charge is *billed* once it is on a bill the family signed (or a bill
the insurer pays nothing of, once shown); a billed message is *settled* once its shares went
back to the HIS.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path

from kiosk.business_day import BUSINESS_TZ
from kiosk.his.charges import (
    ChargeSource,
    HisCharge,
    HisChargeMessage,
    HisInputError,
    HisPatient,
    HisRefusal,
)

INBOX_FILE = "his-inbox.sqlite3"
SCHEMA_VERSION = 2
"""2: each message's orders and its HIS patient number kept apart from its body, a settlement's
last try; an inbox of the first layout (user_version 0) is upgraded when opened."""

_TABLES = (
    """CREATE TABLE IF NOT EXISTS messages (
        id INTEGER PRIMARY KEY,
        sender TEXT NOT NULL,
        message_id TEXT NOT NULL,
        digest TEXT NOT NULL,
        source TEXT NOT NULL,
        policy_number TEXT NOT NULL,
        body TEXT NOT NULL,
        received_at TEXT NOT NULL,
        received_on TEXT NOT NULL,
        his_patient_id TEXT NOT NULL,
        UNIQUE (sender, message_id)
    )""",
    "CREATE INDEX IF NOT EXISTS messages_by_policy ON messages (policy_number, received_on)",
    """CREATE TABLE IF NOT EXISTS orders (
        message INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        sender TEXT NOT NULL,
        his_patient_id TEXT NOT NULL,
        order_no TEXT NOT NULL,
        PRIMARY KEY (message, order_no)
    )""",
    "CREATE INDEX IF NOT EXISTS orders_by_order ON orders (sender, order_no, his_patient_id)",
    """CREATE TABLE IF NOT EXISTS billed (
        message INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        order_no TEXT NOT NULL,
        bill_id INTEGER NOT NULL,
        line_no INTEGER NOT NULL,
        billed_at TEXT NOT NULL,
        PRIMARY KEY (message, order_no)
    )""",
    "CREATE INDEX IF NOT EXISTS billed_by_bill ON billed (bill_id)",
    "CREATE INDEX IF NOT EXISTS billed_by_order ON billed (order_no)",
    """CREATE TABLE IF NOT EXISTS settlements (
        message INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        bill_id INTEGER NOT NULL,
        settled_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        tried_at TEXT,
        last_problem TEXT,
        PRIMARY KEY (message, bill_id)
    )""",
)


class Received(StrEnum):
    """What `HisInbox.receive` made of a message."""

    NEW = "new"
    DUPLICATE = "duplicate"
    """The same message again (same sender, id and content): kept once, acknowledged again."""


@dataclass(frozen=True, slots=True)
class StoredMessage:
    """A message in the inbox, with its orders that are closed: on a bill already (from this
    message or another), or sent again in a later message."""

    row: int
    message: HisChargeMessage
    closed_orders: frozenset[str]

    @property
    def open_charges(self) -> tuple[HisCharge, ...]:
        """The charges the desk can still offer."""
        return tuple(c for c in self.message.charges if c.order_no not in self.closed_orders)


@dataclass(frozen=True, slots=True)
class BilledCharge:
    """One HIS order on one line of a journal bill."""

    message_row: int
    order_no: str
    line_no: int


@dataclass(frozen=True, slots=True)
class SettlementDue:
    """A billed message whose shares have not gone back to the HIS yet."""

    message: StoredMessage
    bill_id: int
    lines: tuple[BilledCharge, ...]
    attempts: int
    tried_at: datetime | None


class HisInbox:
    """The inbox file; see the module docstring."""

    def __init__(self, path: Path, *, clock: Callable[[], datetime] | None = None) -> None:
        self.path = path
        self._clock = clock or (lambda: datetime.now(UTC))
        path.parent.mkdir(parents=True, exist_ok=True)
        _create_or_upgrade(path)

    @classmethod
    def in_folder(cls, data_dir: Path, *, clock: Callable[[], datetime] | None = None) -> HisInbox:
        """The inbox of the kiosk whose data folder is `data_dir`."""
        return cls(data_dir / INBOX_FILE, clock=clock)

    # --- in ------------------------------------------------------------------------------------

    def receive(self, message: HisChargeMessage) -> Received:
        """Keep `message`; a duplicate changes nothing. Raises `HisInputError` (DUPLICATE) when
        its id came before with other content: the first one stands."""
        now = self._clock()
        digest = message.digest()
        with self._connect() as db:
            row = db.execute(
                "SELECT digest FROM messages WHERE sender = ? AND message_id = ?",
                (message.sender, message.message_id),
            ).fetchone()
            if row is not None:
                if row["digest"] == digest:
                    return Received.DUPLICATE
                raise HisInputError(
                    HisRefusal.DUPLICATE,
                    "this message id was received before with other content; send a new id",
                )
            try:
                row_id = db.execute(
                    "INSERT INTO messages (sender, message_id, digest, source, policy_number,"
                    " body, received_at, received_on, his_patient_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        message.sender,
                        message.message_id,
                        digest,
                        message.source.value,
                        policy_key(message.patient.policy_number),
                        _to_json(message),
                        now.isoformat(),
                        now.astimezone(BUSINESS_TZ).date().isoformat(),
                        message.patient.his_patient_id,
                    ),
                ).lastrowid
            except sqlite3.IntegrityError:  # another process kept it between the look and now
                db.rollback()
                return self.receive(message)
            db.executemany(
                "INSERT INTO orders (message, sender, his_patient_id, order_no)"
                " VALUES (?, ?, ?, ?)",
                [
                    (row_id, message.sender, message.patient.his_patient_id, c.order_no)
                    for c in message.charges
                ],
            )
        return Received.NEW

    # --- the desk ------------------------------------------------------------------------------

    def open_for_policy(self, policy_number: str, on: date) -> list[StoredMessage]:
        """Messages received on business day `on` for this policy number with a charge not
        billed yet, oldest first: what the bill screen offers for the scanned card."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT * FROM messages WHERE policy_number = ? AND received_on = ? ORDER BY id",
                (policy_key(policy_number), on.isoformat()),
            ).fetchall()
            stored = [self._stored(db, row) for row in rows]
        return [s for s in stored if s.open_charges]

    def patients_on_policy(self, policy_number: str) -> tuple[HisPatient, ...]:
        """Every HIS patient the inbox holds charges for on this policy, any day it still keeps
        (each as the HIS last sent them): a sibling the card's masked name and year of birth
        cannot tell from its child shows up here even when only one of them came today."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT body FROM messages WHERE policy_number = ? ORDER BY id",
                (policy_key(policy_number),),
            ).fetchall()
        latest = {}
        for row in rows:
            patient = _from_json(row["body"]).patient
            latest[patient.his_patient_id] = patient
        return tuple(latest.values())

    def record_billed(self, bill_id: int, charges: list[BilledCharge]) -> None:
        """These orders are on journal bill `bill_id`, which the family signed (or paid): they
        are not offered again, and their shares go back once the bill is settled."""
        now = self._clock().isoformat()
        with self._connect() as db:
            db.executemany(
                "INSERT INTO billed (message, order_no, bill_id, line_no, billed_at)"
                " VALUES (?, ?, ?, ?, ?)",
                [(c.message_row, c.order_no, bill_id, c.line_no, now) for c in charges],
            )
            db.executemany(
                "INSERT OR IGNORE INTO settlements (message, bill_id) VALUES (?, ?)",
                sorted({(c.message_row, bill_id) for c in charges}),
            )

    # --- back to the HIS -----------------------------------------------------------------------

    def settlements_due(self) -> list[SettlementDue]:
        """Billed messages whose shares have not gone back yet, oldest first."""
        with self._connect() as db:
            due = db.execute(
                "SELECT message, bill_id, attempts, tried_at FROM settlements"
                " WHERE settled_at IS NULL ORDER BY message, bill_id"
            ).fetchall()
            result = []
            for entry in due:
                found = db.execute(
                    "SELECT * FROM messages WHERE id = ?", (entry["message"],)
                ).fetchone()
                lines = db.execute(
                    "SELECT message, order_no, line_no FROM billed"
                    " WHERE message = ? AND bill_id = ? ORDER BY line_no",
                    (entry["message"], entry["bill_id"]),
                ).fetchall()
                result.append(
                    SettlementDue(
                        message=self._stored(db, found),
                        bill_id=entry["bill_id"],
                        lines=tuple(
                            BilledCharge(x["message"], x["order_no"], x["line_no"]) for x in lines
                        ),
                        attempts=entry["attempts"],
                        tried_at=(
                            datetime.fromisoformat(entry["tried_at"]) if entry["tried_at"] else None
                        ),
                    )
                )
        return result

    def record_settled(self, message_row: int, bill_id: int) -> None:
        with self._connect() as db:
            db.execute(
                "UPDATE settlements SET settled_at = ?, tried_at = ?, attempts = attempts + 1,"
                " last_problem = NULL WHERE message = ? AND bill_id = ?",
                (self._clock().isoformat(), self._clock().isoformat(), message_row, bill_id),
            )

    def record_settle_failed(self, message_row: int, bill_id: int, problem: str) -> None:
        """The HIS did not take the shares (down, refused): tried again on the next pass."""
        with self._connect() as db:
            db.execute(
                "UPDATE settlements SET attempts = attempts + 1, tried_at = ?, last_problem = ?"
                " WHERE message = ? AND bill_id = ?",
                (self._clock().isoformat(), problem, message_row, bill_id),
            )

    def release(self, message_row: int, bill_id: int) -> None:
        """The bill will not be paid as billed (voided, cancelled): its orders of this message
        are open again and nothing goes back for them."""
        with self._connect() as db:
            db.execute(
                "DELETE FROM billed WHERE message = ? AND bill_id = ?", (message_row, bill_id)
            )
            db.execute(
                "DELETE FROM settlements WHERE message = ? AND bill_id = ?", (message_row, bill_id)
            )

    def settled_at(self, message_row: int, bill_id: int) -> datetime | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT settled_at FROM settlements WHERE message = ? AND bill_id = ?",
                (message_row, bill_id),
            ).fetchone()
        if row is None or row["settled_at"] is None:
            return None
        return datetime.fromisoformat(row["settled_at"])

    def purge(self, *, received_before: datetime) -> int:
        """Forget messages received before `received_before` (the kiosk's retention): the HIS
        keeps its own records; the inbox holds names and dates of birth no longer than needed."""
        with self._connect() as db:
            return db.execute(
                "DELETE FROM messages WHERE received_at < ?", (received_before.isoformat(),)
            ).rowcount

    def count(self) -> int:
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM messages").fetchone()[0])

    # --- internals -----------------------------------------------------------------------------

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys=ON")
        try:
            with db:
                yield db
        finally:
            db.close()

    def _stored(self, db: sqlite3.Connection, row: sqlite3.Row) -> StoredMessage:
        closed = db.execute(_CLOSED_ORDERS, (row["id"],))
        return StoredMessage(
            row=row["id"],
            message=_from_json(row["body"]),
            closed_orders=frozenset(x["order_no"] for x in closed),
        )


_CLOSED_ORDERS = """
SELECT o.order_no FROM orders o WHERE o.message = ? AND (
    EXISTS (
        SELECT 1 FROM billed b JOIN orders billed_order
            ON billed_order.message = b.message AND billed_order.order_no = b.order_no
        WHERE billed_order.sender = o.sender AND billed_order.order_no = o.order_no
            AND billed_order.his_patient_id = o.his_patient_id
    )
    OR EXISTS (
        SELECT 1 FROM orders later
        WHERE later.sender = o.sender AND later.order_no = o.order_no
            AND later.his_patient_id = o.his_patient_id AND later.message > o.message
    )
)
"""
"""A message's orders that are on a bill already (from any message of its sender for the same
HIS patient) or were sent again in a later such message: an order number another patient's
message reuses closes nothing."""


def _create_or_upgrade(path: Path) -> None:
    """The tables, made or brought to `SCHEMA_VERSION` in one transaction that holds the write
    lock from the start: a kiosk and `kiosk his listen` opening one file together, or a power
    cut during the upgrade, leave it whole in one layout or the other."""
    db = sqlite3.connect(path, timeout=10, isolation_level=None)
    db.row_factory = sqlite3.Row
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                columns = {row["name"] for row in db.execute("PRAGMA table_info(messages)")}
                first_layout = bool(columns) and "his_patient_id" not in columns
                if first_layout:
                    db.execute(
                        "ALTER TABLE messages ADD COLUMN his_patient_id TEXT NOT NULL DEFAULT ''"
                    )
                    db.execute("ALTER TABLE settlements ADD COLUMN tried_at TEXT")
                for statement in _TABLES:
                    db.execute(statement)
                if first_layout:
                    _fill_in_from_bodies(db)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    finally:
        db.close()


def _fill_in_from_bodies(db: sqlite3.Connection) -> None:
    """An inbox of the first layout: each message's orders and HIS patient number, and its
    digest as it is reckoned now (without the send time), from its body, so a message kept
    before is closed, matched and told from a resend like one received now."""
    for row in db.execute("SELECT id, sender, body FROM messages").fetchall():
        message = _from_json(row["body"])
        patient = message.patient.his_patient_id
        db.execute(
            "UPDATE messages SET his_patient_id = ?, digest = ? WHERE id = ?",
            (patient, message.digest(), row["id"]),
        )
        db.executemany(
            "INSERT OR IGNORE INTO orders (message, sender, his_patient_id, order_no)"
            " VALUES (?, ?, ?, ?)",
            [(row["id"], row["sender"], patient, c.order_no) for c in message.charges],
        )


def policy_key(policy_number: str) -> str:
    """How policy numbers compare: case and surrounding spaces do not count."""
    return policy_number.strip().upper()


def _to_json(message: HisChargeMessage) -> str:
    patient = message.patient
    return json.dumps(
        {
            "message_id": message.message_id,
            "source": message.source.value,
            "sender": message.sender,
            "visit_no": message.visit_no,
            "sent_at": message.sent_at.isoformat() if message.sent_at else None,
            "patient": {
                "his_patient_id": patient.his_patient_id,
                "name": patient.name,
                "birth_date": patient.birth_date.isoformat(),
                "policy_number": patient.policy_number,
                "member_id": patient.member_id,
            },
            "charges": [
                {
                    "order_no": c.order_no,
                    "his_code": c.his_code,
                    "description": c.description,
                    "quantity": c.quantity,
                    "unit_price_fen": c.unit_price_fen,
                    "charged_at": c.charged_at.isoformat() if c.charged_at else None,
                }
                for c in message.charges
            ],
        },
        ensure_ascii=False,
    )


def _from_json(text: str) -> HisChargeMessage:
    raw = json.loads(text)
    patient = raw["patient"]
    return HisChargeMessage(
        message_id=raw["message_id"],
        source=ChargeSource(raw["source"]),
        sender=raw["sender"],
        visit_no=raw["visit_no"],
        sent_at=datetime.fromisoformat(raw["sent_at"]) if raw["sent_at"] else None,
        patient=HisPatient(
            his_patient_id=patient["his_patient_id"],
            name=patient["name"],
            birth_date=date.fromisoformat(patient["birth_date"]),
            policy_number=patient["policy_number"],
            member_id=patient["member_id"],
        ),
        charges=tuple(
            HisCharge(
                order_no=c["order_no"],
                his_code=c["his_code"],
                description=c["description"],
                quantity=c["quantity"],
                unit_price_fen=c["unit_price_fen"],
                charged_at=datetime.fromisoformat(c["charged_at"]) if c["charged_at"] else None,
            )
            for c in raw["charges"]
        ),
    )
