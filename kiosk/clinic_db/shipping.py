"""The desk's shipper: its journal's records to the clinic database, in order, each stored once,
resumable after a crash or an outage, and never in the desk's way.

The journal stays the first durable write. While the desk ships, the journal's triggers put each
change of a shipped record in `shipping_queue` in the transaction that made it (migration 14). A
round reads the oldest entries and the rows they name as they now stand, in one snapshot, and in
one clinic-database transaction stores each row (an UPSERT by the desk and the journal's key, so a
row sent twice is stored once; a row no longer in the journal is deleted there too) and moves the
desk's watermark (`desks.shipped_seq`) to the last entry. Only then are the entries deleted from
the queue. A crash in between sends them again, and changes nothing. The clinic database down: the
round fails, nothing is deleted, the desk goes on writing its journal, and the next round after a
backoff catches up.

Each side keeps a watermark: the clinic database the last entry it stored for the desk
(`desks.shipped_seq`), the journal the last one it cleared (`shipping_target.shipped_seq`); and a
desk login serves one journal (`journal_id`). Where they disagree, something was restored or
re-used: the clinic database behind (restored from an older dump) is sent everything again; the
journal behind (restored from an older backup: the clinic database holds records it does not), or
a login that serves another journal, stops the shipping for a person (`ShippingRefused`) —
nothing is overwritten.

The same thread brings the clinic's staff accounts to the desk (`pull_staff`), so that staff sign
in with their clinic PIN even while the clinic database cannot be reached.
"""

from __future__ import annotations

import functools
import json
import logging
import random
import sqlite3
import threading
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Connection, Engine, and_, bindparam, delete, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from kiosk.clinic_db import tables
from kiosk.journal.errors import JournalError
from kiosk.journal.retry_schedule import RetrySchedule
from kiosk.journal.shipped import SHIPPED, SHIPPED_BY_NAME, ShippedTable, backfill
from kiosk.journal.store import Journal, Transaction
from kiosk.journal.tables import CLINIC

log = logging.getLogger(__name__)

BATCH = 5000
"""Queue entries per round: a visit makes about ten."""
HEARTBEAT_SECONDS = 60
"""A desk with nothing to ship still says so this often (`desks.shipped_at`): a quiet desk is
not taken for one that is offline."""


class ShippingRefused(RuntimeError):
    """The clinic database and this journal do not go together; a person must decide (the
    message says what happened and what to do). Nothing was sent."""


@dataclass(frozen=True, slots=True)
class ShippingState:
    """What the manager's screen and `kiosk doctor` say about shipping."""

    target: str | None
    """The clinic database's URL (no password); None: this desk does not ship."""
    waiting: int
    """Changes not stored in the clinic database yet."""


def start_shipping(
    journal: Journal, clinic_db_url: str, *, stored: int = 0, actor: str = "manager"
) -> int:
    """From now on, queue every change for `clinic_db_url`, and queue everything the journal
    already holds (the clinic database stores each row once, so a desk pointed at it again, or at
    another one, simply sends all). `stored`: how far the clinic database says this desk's login
    has shipped (`register_desk` asks it): the journal's numbers go on above it, so nothing sent
    from now on is taken for what it already has. Returns how many entries were queued."""
    with journal.transaction(actor=actor) as tx:
        before = tx.db.execute("SELECT journal_id FROM shipping_target").fetchone()
        tx.db.execute(
            "INSERT INTO shipping_target (id, clinic_db, since, journal_id, shipped_seq)"
            " VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " clinic_db = excluded.clinic_db, since = excluded.since,"
            " shipped_seq = excluded.shipped_seq",
            (clinic_db_url, tx.timestamp(), before[0] if before else uuid.uuid4().hex, stored),
        )
        tx.db.execute(
            "INSERT INTO sqlite_sequence (name, seq) SELECT 'shipping_queue', 0"
            " WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'shipping_queue')"
        )
        tx.db.execute(
            "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'shipping_queue'",
            (stored,),
        )
        queued_before = tx.db.execute("SELECT count(*) FROM shipping_queue").fetchone()[0]
        _queue_everything(tx)
        queued = tx.db.execute("SELECT count(*) FROM shipping_queue").fetchone()[0]
        tx.append_audit("clinic-db.shipping", "journal", {"clinic_db": clinic_db_url})
    return int(queued - queued_before)


def _queue_everything(tx: Transaction) -> None:
    for table in SHIPPED:
        tx.db.execute(backfill(table))


def shipping_state(journal: Journal) -> ShippingState:
    with journal.reading() as db:
        target = db.execute("SELECT clinic_db FROM shipping_target").fetchone()
        waiting = db.execute("SELECT count(*) FROM shipping_queue").fetchone()[0]
    return ShippingState(target[0] if target else None, int(waiting))


@dataclass(frozen=True, slots=True)
class Round:
    entries: int
    """Queue entries the round cleared (0: nothing was waiting)."""
    rows: int
    """Rows stored or deleted in the clinic database (an entry per change, a row per record)."""
    up_to: int
    """The last sequence number stored."""


def _rows_by_key(
    db: sqlite3.Connection, table: ShippedTable, keys: list[str]
) -> list[tuple[object, ...]]:
    matches = " AND ".join(
        f"t.{column} = json_extract(k.value, '$[{index}]')"
        for index, column in enumerate(table.key)
    )
    columns = table.select_list("t")
    return list(
        db.execute(
            f"SELECT {columns} FROM json_each(?) k JOIN {table.name} t ON {matches}",
            (json.dumps([json.loads(key) for key in keys]),),
        )
    )


@functools.cache
def _upsert_sql(table: ShippedTable) -> str:
    """One INSERT for all of a round's rows of `table`, a column per array (`unnest`): the
    row-level policies are evaluated once per statement, not per row, and nothing is compiled
    per round. Stored once by the desk and the journal's key: the newest version wins (the audit
    trail's entries never change)."""
    names = ", ".join(table.column_names)
    arrays = ", ".join(
        f"%s::{'bigint' if kind == 'int' else 'text'}[]" for _, kind in table.columns
    )
    conflict = f"ON CONFLICT (desk_id, {', '.join(table.key)}) DO "
    if table.append_only:
        conflict += "NOTHING"
    else:
        conflict += "UPDATE SET " + ", ".join(
            f"{column} = EXCLUDED.{column}"
            for column in table.column_names
            if column not in table.key
        )
    return f"INSERT INTO {table.name} ({names}) SELECT * FROM unnest({arrays}) {conflict}"


class Shipper:
    """Rounds of shipping, on its own thread (`start`) or called directly (`ship_pending`)."""

    def __init__(
        self,
        journal: Journal,
        engine: Engine,
        *,
        batch: int = BATCH,
        schedule: RetrySchedule | None = None,
        idle_wait: timedelta = timedelta(seconds=2),
    ) -> None:
        self.journal = journal
        self.engine = engine
        self.batch = batch
        self.schedule = schedule or RetrySchedule(
            first=timedelta(seconds=1), cap=timedelta(minutes=1)
        )
        self.idle_wait = idle_wait
        self._rng = random.Random()
        self._wakeup = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._resumed = False
        self._beat = 0.0
        self.last_problem: str | None = None
        """Why the last round failed (the clinic database down, say); None after a good one."""

    # --- one round ------------------------------------------------------------------------------

    def _watermarks(self, pg: Connection, *, lock: bool) -> tuple[int, int, int, str | None, str]:
        """This desk's number, how far the clinic database and the journal each say it has
        shipped, which journal the login serves and this journal's id; `ShippingRefused` where
        they do not go together (see the module's docstring)."""
        desks = tables.desks
        with self.journal.reading() as db:
            journal_id, cleared = db.execute(
                "SELECT journal_id, shipped_seq FROM shipping_target"
            ).fetchone()
        mine = select(desks.c.desk_id, desks.c.name, desks.c.shipped_seq, desks.c.journal_id)
        found = pg.execute(
            (mine.with_for_update() if lock else mine).where(
                desks.c.desk_id == text("kiosk_my_desk()")
            )
        ).one_or_none()
        if found is None:
            raise ShippingRefused(
                "the clinic database does not know this desk's login: "
                "`kiosk clinic-db add-desk` issues one"
            )
        desk_id, name, stored, served = found
        if served is not None and served != journal_id:
            raise ShippingRefused(
                f"the desk login of {name!r} already ships another desk's journal: give this PC "
                "a login of its own (`kiosk clinic-db add-desk`), or, for a replaced PC, restore "
                "the old desk's journal onto it"
            )
        twin = pg.execute(
            select(desks.c.name).where(desks.c.journal_id == journal_id, desks.c.desk_id != desk_id)
        ).first()
        if twin is not None:
            raise ShippingRefused(
                f"this journal already ships as desk {twin[0]!r}: register that desk's login "
                "again (`kiosk clinic-db reset-desk` gives it a new password) instead of a new "
                "one, or its records would count twice"
            )
        if stored > cleared:
            raise ShippingRefused(
                f"the clinic database holds {stored - cleared} change(s) of this desk that its "
                "journal does not (was the journal restored from an older backup?): nothing is "
                "sent over them; see docs/operations.md section 8, restoring a desk"
            )
        return desk_id, stored, cleared, served, journal_id

    def diagnose(self) -> str | None:
        """What stops this desk's shipping, without changing anything (`kiosk doctor`)."""
        try:
            with self.engine.connect() as pg:
                self._watermarks(pg, lock=False)
        except ShippingRefused as refused:
            return str(refused)
        return None

    def _resume(self) -> None:
        """Check the watermarks before the first round, and forget the entries the clinic
        database already has: a round that stored them may have been cut off (a crash) before
        it could delete them here."""
        desks = tables.desks
        with self.engine.begin() as pg:
            desk_id, stored, cleared, served, journal_id = self._watermarks(pg, lock=True)
            if served is None:
                pg.execute(
                    update(desks).where(desks.c.desk_id == desk_id).values(journal_id=journal_id)
                )
        if stored < cleared:
            log.warning(
                "clinic database: it has stored less of this desk than was sent (restored from "
                "an older dump?): sending everything again"
            )
            with self.journal.transaction(actor="shipper") as tx:
                _queue_everything(tx)
        self._clear(stored)
        self._resumed = True

    def _clear(self, up_to: int) -> None:
        with self.journal.transaction(actor="shipper") as tx:
            tx.db.execute("DELETE FROM shipping_queue WHERE seq <= ?", (up_to,))
            tx.db.execute("UPDATE shipping_target SET shipped_seq = ?", (up_to,))

    def _heartbeat(self) -> None:
        if time.monotonic() - self._beat < HEARTBEAT_SECONDS:
            return
        desks = tables.desks
        with self.engine.begin() as pg:
            pg.execute(
                update(desks)
                .where(desks.c.desk_id == text("kiosk_my_desk()"))
                .values(shipped_at=text("now()"))
            )
        self._beat = time.monotonic()

    def ship_once(self) -> Round:
        """Ship the oldest waiting entries; raises when the clinic database cannot take them."""
        if not self._resumed:
            self._resume()
        with self.journal.reading() as db:
            entries = db.execute(
                "SELECT seq, tbl, key FROM shipping_queue ORDER BY seq LIMIT ?", (self.batch,)
            ).fetchall()
            if not entries:
                self._heartbeat()
                return Round(0, 0, 0)
            keys: dict[str, dict[str, None]] = defaultdict(dict)
            for _, name, key in entries:
                keys[name][key] = None
            found = {
                name: _rows_by_key(db, SHIPPED_BY_NAME[name], list(wanted))
                for name, wanted in keys.items()
            }
        up_to = int(entries[-1][0])
        rows = 0
        desks = tables.desks
        with self.engine.begin() as pg:
            # One round at a time per desk: a second shipper on the same journal (`kiosk
            # register` while the kiosk runs) waits here, and skips what the first has stored
            # from a newer snapshot rather than writing its older rows over it.
            stored = pg.execute(
                select(desks.c.shipped_seq)
                .where(desks.c.desk_id == text("kiosk_my_desk()"))
                .with_for_update()
            ).scalar_one()
            if stored < up_to:
                for table in SHIPPED:
                    if table.name in keys:
                        rows += self._store(pg, table, list(keys[table.name]), found[table.name])
                pg.execute(
                    update(desks)
                    .where(desks.c.desk_id == text("kiosk_my_desk()"))
                    .values(shipped_seq=up_to, shipped_at=text("now()"))
                )
        self._beat = time.monotonic()
        self._clear(max(up_to, stored))
        return Round(len(entries), rows, up_to)

    @staticmethod
    def _store(
        pg: object, table: ShippedTable, keys: list[str], rows: list[tuple[object, ...]]
    ) -> int:
        target = CLINIC.tables[table.name]
        if rows:
            columns = list(zip(*rows, strict=True))
            pg.exec_driver_sql(_upsert_sql(table), tuple(list(values) for values in columns))  # type: ignore[attr-defined]
        present = {tuple(row[: len(table.key)]) for row in rows}
        gone = [tuple(json.loads(key)) for key in keys]
        gone = [key for key in gone if key not in present]
        if gone and not table.append_only:
            pg.execute(  # type: ignore[attr-defined]
                delete(target).where(
                    and_(
                        target.c.desk_id == text("kiosk_my_desk()"),
                        *(target.c[column] == bindparam(f"k_{column}") for column in table.key),
                    )
                ),
                [
                    {f"k_{column}": value for column, value in zip(table.key, key, strict=True)}
                    for key in gone
                ],
            )
        return len(rows) + len(gone)

    def ship_pending(self) -> int:
        """Rounds until nothing waits; how many entries were cleared."""
        cleared = 0
        while True:
            shipped = self.ship_once()
            if shipped.entries == 0:
                return cleared
            cleared += shipped.entries

    # --- staff ----------------------------------------------------------------------------------

    def pull_staff(self) -> int:
        """The clinic's staff accounts into the journal (new ones, changed PINs and roles, and
        those the clinic switched off); sign-in lockouts stay the desk's. Returns the changes."""
        staff = tables.staff
        with self.engine.connect() as pg:
            accounts = pg.execute(
                select(staff.c.name, staff.c.role, staff.c.secret_hash, staff.c.active).where(
                    staff.c.clinic_id == text("kiosk_my_clinic()")
                )
            ).all()
        changed = 0
        with self.journal.transaction(actor="shipper") as tx:
            for name, role, secret_hash, active in accounts:
                row = tx.db.execute(
                    "SELECT role, secret_hash, active FROM staff WHERE name = ?", (name,)
                ).fetchone()
                if row == (role, secret_hash, int(active)):
                    continue
                tx.db.execute(
                    "INSERT INTO staff (name, role, secret_hash, active, created_at)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET role = excluded.role,"
                    " secret_hash = excluded.secret_hash, active = excluded.active",
                    (name, role, secret_hash, int(active), tx.timestamp()),
                )
                tx.append_audit(
                    "staff.from-clinic-db", f"staff:{name}", {"role": role, "active": active}
                )
                changed += 1
        return changed

    # --- the thread -----------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the shipper is already started")
        self._thread = threading.Thread(target=self._run, name="clinic-db-shipper", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wakeup.set()

    def stop(self, timeout: float = 10.0) -> bool:
        self._stopping.set()
        self._wakeup.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        failures = 0
        staff_pulled_at = 0.0
        while not self._stopping.is_set():
            self._wakeup.clear()
            try:
                if time.monotonic() - staff_pulled_at > 60:
                    self.pull_staff()
                    staff_pulled_at = time.monotonic()
                self.ship_pending()
            except (SQLAlchemyError, OSError, ShippingRefused, JournalError, sqlite3.Error) as exc:
                # The clinic database down, a refusal for a person, the journal busy or its
                # disk full: the thread waits and tries again; the desk is not held up.
                failures += 1
                self._resumed = False
                self.last_problem = (
                    str(exc) if isinstance(exc, ShippingRefused) else type(exc).__name__
                )
                wait = self.schedule.delay(failures, self._rng)
                log.warning(
                    "clinic database: round failed (%s), again in %.0f s",
                    type(exc).__name__,
                    wait.total_seconds(),
                )
                self._stopping.wait(wait.total_seconds())
                continue
            failures = 0
            self.last_problem = None
            self._wakeup.wait(self.idle_wait.total_seconds())
