"""The journal's store: `Journal` owns the SQLite connections, `Transaction` every write.

The `kiosk.journal` package is the only place that speaks SQL, so the engine can change behind
it: no module outside it runs a query. Within it, `schema` creates and migrates the tables, `rows`
turns their rows into `records` and back, and this module reads and writes visits, bills,
signatures, payments, claims and the audit trail (and lists pre-auth requests). The feature
modules keep their own queries (`statements`, `preauth_requests`, `staff_accounts`, the manager's
aggregates in `reporting`, the record seals in `seals`) and run them in this module's reads
(`Journal.reading`) and transactions (`Transaction.db`), so a change commits together with the
audit entry that records it.

SQLite in WAL mode with synchronous=FULL: a commit that returned is on disk, through a crash or a
power cut. Each thread gets its own connection; every write happens inside a `Transaction`
(BEGIN IMMEDIATE, so writers queue instead of failing half-way), the schema's migration in one of
its own (`schema.migrate`). Disk-level failures become `JournalUnavailable` for the screen to
show; everything else that escapes is a bug.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import TracebackType

from kiosk.insurer.models import (
    Adjudication,
    AuditHead,
    Bill,
    ClaimResult,
    ClaimStatus,
    ClaimSubmission,
    SignatureEvidence,
    VisitType,
)
from kiosk.journal.audit import (
    GENESIS_HASH,
    AuditEntry,
    AuditKey,
    AuditVerdict,
    ChainLink,
    canonical_detail,
    chain_hash,
    verify_chain,
)
from kiosk.journal.errors import (
    JournalNotAJournal,
    JournalUnavailable,
    RecordConflict,
    RecordNotFound,
)
from kiosk.journal.records import (
    AttemptOutcome,
    BillRecord,
    ClaimAttempt,
    ClaimRecord,
    ClaimState,
    PaymentMethod,
    PaymentRecord,
    PreAuthRequestRecord,
    QueueState,
    SignatureRecord,
    VisitRecord,
)
from kiosk.journal.rows import (
    ATTEMPT_SELECT,
    AUDIT_SELECT,
    CLAIM_SELECT,
    PAYMENT_SELECT,
    PREAUTH_SELECT,
    attempt_from_row,
    audit_entry_from_row,
    checked_fen,
    claim_from_row,
    fetch_bill,
    fetch_claim,
    fetch_signature,
    fetch_visit,
    from_nullable_timestamp,
    inserted_id,
    payment_from_row,
    preauth_from_row,
    to_timestamp,
)
from kiosk.journal.schema import migrate, refuse_if_newer
from kiosk.journal.seals import record_problems, record_seal
from kiosk.statement import StatementFacts

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

BACKUP_ACTION = "journal.backed-up"
"""The audit action of a verified backup; `doctor` warns when the last one is too old."""

_UNAVAILABLE_BECAUSE = {
    "SQLITE_BUSY": "another program is holding it locked",
    "SQLITE_LOCKED": "another program is holding it locked",
    "SQLITE_FULL": "the disk is full",
    "SQLITE_IOERR": "the disk reported an input/output error",
    "SQLITE_READONLY": "it cannot be written (read-only file or disk)",
    "SQLITE_PERM": "this user may not write it",
    "SQLITE_CANTOPEN": "the file cannot be opened",
    "SQLITE_CORRUPT": "the file is damaged",
    "SQLITE_NOTADB": "the file is not a kiosk journal",
    "SQLITE_PROTOCOL": "another program is holding it locked",
}


def _read_only_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def _existing_schema_version(path: Path) -> int:
    """The schema version of the journal file at `path`, read without writing to it; refuses a
    file that is not a kiosk journal (a folder, an empty file, another database)."""
    if not path.is_file():
        raise JournalNotAJournal(f"{path} is not a journal file (it is a folder or missing).")
    with _disk_errors(path):
        probe = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            version = int(probe.execute("PRAGMA user_version").fetchone()[0])
            has_audit = probe.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit'"
            ).fetchone()
        finally:
            probe.close()
    if version == 0 or not has_audit:
        raise JournalNotAJournal(
            f"The file {path} exists but is not a kiosk journal (it is empty or has none of the "
            "journal's tables). The kiosk never writes over it: restore the journal from a backup "
            "(see docs/operations.md), or move this file away to start an empty journal."
        )
    return version


@contextmanager
def _disk_errors(path: Path) -> Iterator[None]:
    """Turn the database failures a person can fix (disk, permissions, locks) into messages."""
    try:
        yield
    except sqlite3.Error as exc:
        name = getattr(exc, "sqlite_errorname", "") or ""
        for prefix, why in _UNAVAILABLE_BECAUSE.items():
            if name.startswith(prefix):
                raise JournalUnavailable(f"The journal {path} cannot be used: {why}.") from exc
        raise


FIRST_STATUS_CHECK = timedelta(hours=1)
"""How long after the insurer accepts a claim the desk first asks how it stands
(`kiosk.journal.claim_status`): the insurer reviews and pays in runs, not by the minute."""

PURGED_MEMBER_ID = "purged"
"""Stands in for the member reference of a claim whose personal data the retention removed."""


@dataclass(frozen=True, slots=True)
class PurgeReport:
    """What one retention run removed: the claims it touched and the signatures it erased."""

    claim_ids: tuple[int, ...]
    signatures: int
    accepted_before: datetime


def new_idempotency_key() -> str:
    """32 URL-safe characters (192 random bits): unique per claim, valid for the insurer API."""
    return secrets.token_urlsafe(24)


class Journal:
    """The kiosk's durable record of visits, bills, signatures, claims, payments and audit."""

    def __init__(
        self,
        path: Path,
        *,
        clock: Clock | None = None,
        busy_timeout: float = 10.0,
        read_only: bool = False,
        audit_key: AuditKey | None = None,
    ):
        self.path = Path(path)
        self.audit_key = audit_key
        self._clock = clock or (lambda: datetime.now(UTC))
        self._busy_timeout = busy_timeout
        self.read_only = read_only
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        clock: Clock | None = None,
        busy_timeout: float = 10.0,
        audit_key: AuditKey | None = None,
    ) -> Journal:
        """Open (creating it only where no file is) and bring the schema up to this version's
        migrations. An existing file without the journal's schema (empty, or another database)
        is refused, never initialised over: it may be a journal damaged or half-copied.

        `busy_timeout` is how long a write waits for another writer before giving up;
        `audit_key` seals each new audit entry (every desk and console writer passes the desk's
        key from the keyring: `kiosk.credentials.journal_audit_key`).
        """
        path = Path(path)
        if path.exists() or path.is_symlink():
            _existing_schema_version(path)
        journal = cls(path, clock=clock, busy_timeout=busy_timeout, audit_key=audit_key)
        try:
            with _disk_errors(path):
                migrate(journal._connection(), path)
        except BaseException:
            journal.close()
            raise
        return journal

    @classmethod
    def open_read_only(cls, path: Path | str, *, audit_key: AuditKey | None = None) -> Journal:
        """Open an existing journal for checking: nothing written to it, no migration run."""
        path = Path(path)
        if not (path.exists() or path.is_symlink()):
            raise JournalNotAJournal(f"There is no journal at {path}.")
        version = _existing_schema_version(path)
        refuse_if_newer(path, version)
        return cls(path, read_only=True, audit_key=audit_key)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            connections, self._connections = self._connections, []
        for connection in connections:
            connection.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> datetime:
        return self._clock()

    def transaction(self, *, actor: str = "kiosk") -> Transaction:
        """All writes go through one of these: `with journal.transaction(actor=...) as tx:`."""
        return Transaction(self, actor)

    # --- connections ----------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is not None:
            return connection
        with self._lock:
            if self._closed:
                raise RuntimeError("the journal is closed")
        with _disk_errors(self.path):
            connection = sqlite3.connect(
                _read_only_uri(self.path) if self.read_only else self.path,
                timeout=self._busy_timeout,
                isolation_level=None,
                check_same_thread=False,
                uri=self.read_only,
            )
            try:
                mode = connection.execute(
                    "PRAGMA journal_mode" if self.read_only else "PRAGMA journal_mode=WAL"
                ).fetchone()[0]
                if mode != "wal" and not self.read_only:
                    raise JournalUnavailable(
                        f"The journal {self.path} cannot be used: its disk does not support "
                        "write-ahead logging."
                    )
                connection.execute("PRAGMA synchronous=FULL")
                connection.execute("PRAGMA foreign_keys=ON")
            except BaseException:
                connection.close()
                raise
        with self._lock:
            self._connections.append(connection)
        self._local.connection = connection
        return connection

    @property
    def schema_version(self) -> int:
        with self.reading() as db:
            return int(db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """One consistent snapshot for a read, or the caller's own open transaction; the feature
        modules of `kiosk.journal` run their queries in it."""
        connection = self._connection()
        if connection.in_transaction:
            with _disk_errors(self.path):
                yield connection
            return
        with _disk_errors(self.path):
            connection.execute("BEGIN")
            try:
                yield connection
            finally:
                connection.execute("COMMIT")

    # --- reads ----------------------------------------------------------------------------------

    def visit(self, visit_id: int) -> VisitRecord:
        with self.reading() as db:
            return fetch_visit(db, visit_id)

    def bill(self, bill_id: int) -> BillRecord:
        with self.reading() as db:
            return fetch_bill(db, bill_id)

    def bill_by_invoice(self, clinic_invoice_no: str) -> BillRecord | None:
        with self.reading() as db:
            row = db.execute(
                "SELECT id FROM bills WHERE clinic_invoice_no = ?", (clinic_invoice_no,)
            ).fetchone()
            return fetch_bill(db, row[0]) if row else None

    def signature(self, bill_id: int) -> SignatureRecord | None:
        with self.reading() as db:
            return fetch_signature(db, bill_id)

    def claim(self, claim_id: int) -> ClaimRecord:
        with self.reading() as db:
            return fetch_claim(db, claim_id)

    def claim_for_bill(self, bill_id: int) -> ClaimRecord | None:
        with self.reading() as db:
            rows = db.execute(CLAIM_SELECT + " WHERE c.bill_id = ?", (bill_id,)).fetchall()
            return claim_from_row(rows[0]) if rows else None

    def claims(self, state: ClaimState | None = None) -> list[ClaimRecord]:
        with self.reading() as db:
            if state is None:
                rows = db.execute(CLAIM_SELECT + " ORDER BY c.id").fetchall()
            else:
                rows = db.execute(
                    CLAIM_SELECT + " WHERE c.state = ? ORDER BY c.id", (state.value,)
                ).fetchall()
            return [claim_from_row(row) for row in rows]

    def due_claims(self, now: datetime, limit: int = 20) -> list[ClaimRecord]:
        """Waiting claims whose next attempt is due, oldest schedule first."""
        with self.reading() as db:
            rows = db.execute(
                CLAIM_SELECT + " WHERE c.state = 'waiting' AND c.next_attempt_at <= ?"
                " ORDER BY c.next_attempt_at, c.id LIMIT ?",
                (to_timestamp(now), limit),
            ).fetchall()
            return [claim_from_row(row) for row in rows]

    def next_attempt_at(self) -> datetime | None:
        """When the earliest waiting claim is due, so the submitter can sleep until then."""
        with self.reading() as db:
            row = db.execute(
                "SELECT min(next_attempt_at) FROM claims WHERE state = 'waiting'"
            ).fetchone()
            return from_nullable_timestamp(row[0])

    def claim_attempts(self, claim_id: int | None = None) -> list[ClaimAttempt]:
        with self.reading() as db:
            if claim_id is None:
                rows = db.execute(ATTEMPT_SELECT + " ORDER BY id").fetchall()
            else:
                rows = db.execute(
                    ATTEMPT_SELECT + " WHERE claim_id = ? ORDER BY id", (claim_id,)
                ).fetchall()
            return [attempt_from_row(row) for row in rows]

    def payments(self, visit_id: int) -> list[PaymentRecord]:
        with self.reading() as db:
            rows = db.execute(
                PAYMENT_SELECT + " WHERE visit_id = ? ORDER BY id", (visit_id,)
            ).fetchall()
            return [payment_from_row(row) for row in rows]

    def preauth_requests(self, member_id: str | None = None) -> list[PreAuthRequestRecord]:
        with self.reading() as db:
            query = PREAUTH_SELECT + (" WHERE member_id = ?" if member_id is not None else "")
            args = (member_id,) if member_id is not None else ()
            return [preauth_from_row(row) for row in db.execute(query + " ORDER BY id", args)]

    def queue_state(self) -> QueueState:
        """What the outbox screens show: waiting and attention counts, and since when failing."""
        with self.reading() as db:
            waiting, attention = db.execute(
                "SELECT count(*) FILTER (WHERE state = 'waiting'),"
                " count(*) FILTER (WHERE state = 'attention') FROM claims"
            ).fetchone()
            since = None
            if waiting:
                since = db.execute(
                    "SELECT min(started_at) FROM claim_attempts WHERE outcome = 'unreachable'"
                    " AND id > coalesce((SELECT max(id) FROM claim_attempts WHERE outcome"
                    " NOT IN ('unreachable', 'in-flight', 'interrupted')), 0)"
                ).fetchone()[0]
            return QueueState(
                waiting=waiting,
                attention=attention,
                unreachable_since=from_nullable_timestamp(since),
            )

    def audit_entries(self, after_seq: int = 0) -> list[AuditEntry]:
        with self.reading() as db:
            rows = db.execute(AUDIT_SELECT + " WHERE seq > ? ORDER BY seq", (after_seq,))
            return [audit_entry_from_row(row) for row in rows.fetchall()]

    def verify_audit(self) -> AuditVerdict:
        """Re-compute the whole hash chain and check the seals this desk's key can; any edited,
        inserted or removed row breaks it."""
        with self.reading() as db:
            rows = db.execute(AUDIT_SELECT + " ORDER BY seq")
            return verify_chain((ChainLink(*row) for row in rows), self.audit_key)

    def audit_hash_at(self, seq: int) -> str | None:
        """The chain hash of entry `seq` as this journal holds it; None when there is none."""
        with self.reading() as db:
            row = db.execute("SELECT hash FROM audit WHERE seq = ?", (seq,)).fetchone()
        return row[0] if row else None

    def record_problems(self) -> list[str]:
        """Records (claims, bills, payments, staff, pre-auths) that no longer match what their
        newest audit entry sealed; [] when every record agrees with the trail."""
        with self.reading() as db:
            return record_problems(db)

    def integrity_problems(self) -> list[str]:
        """SQLite's structural check of the file (pages, indexes, constraints); [] when sound."""
        if not self.read_only:
            with self.reading() as db:
                rows = [row[0] for row in db.execute("PRAGMA integrity_check")]
            return [] if rows == ["ok"] else rows
        # SQLite skips CHECK and NOT NULL constraints on a read-only connection: check the pages
        # here, then the constraints on a copy in memory.
        with self.reading() as db:
            rows = [row[0] for row in db.execute("PRAGMA integrity_check")]
            scratch = sqlite3.connect(":memory:")
            try:
                db.backup(scratch)
                rows += [row[0] for row in scratch.execute("PRAGMA integrity_check")]
            finally:
                scratch.close()
        problems = [row for row in rows if row != "ok"]
        return list(dict.fromkeys(problems))

    def claim_count(self) -> int:
        with self.reading() as db:
            return int(db.execute("SELECT count(*) FROM claims").fetchone()[0])

    def copy_to(self, target: Path) -> None:
        """A consistent single-file copy, made while the kiosk may be writing (SQLite's online
        backup: it sees committed transactions only, the write-ahead log included)."""
        with _disk_errors(target):
            copy = sqlite3.connect(target, isolation_level=None)
            try:
                self._connection().backup(copy)
                # One self-contained file: a restore is one copy, with no -wal to forget.
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()

    def last_backup_at(self) -> datetime | None:
        """When `kiosk backup` last made a verified copy of this journal (from the audit)."""
        with self.reading() as db:
            row = db.execute(
                "SELECT max(at) FROM audit WHERE action = ?", (BACKUP_ACTION,)
            ).fetchone()
        return from_nullable_timestamp(row[0])


class Transaction:
    """One atomic, durable group of writes; on an exception nothing of it is kept.

    Every write also appends to the audit trail inside the same transaction, so the trail
    cannot miss a change nor record one that did not happen.
    """

    def __init__(self, journal: Journal, actor: str) -> None:
        self._journal = journal
        self._actor = actor
        self._db: sqlite3.Connection | None = None

    def __enter__(self) -> Transaction:
        connection = self._journal._connection()
        if connection.in_transaction:
            raise RuntimeError("journal transactions do not nest")
        with _disk_errors(self._journal.path):
            connection.execute("BEGIN IMMEDIATE")
        self._db = connection
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        connection, self._db = self._db, None
        if connection is None:
            return
        if exc_type is None:
            try:
                with _disk_errors(self._journal.path):
                    connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        elif connection.in_transaction:
            try:
                connection.execute("ROLLBACK")
            except sqlite3.Error:
                log.exception("rollback failed after %s", exc_type.__name__)

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise RuntimeError("use the transaction inside its `with` block")
        return self._db

    def now(self) -> datetime:
        """Now, by the journal's clock."""
        return self._journal.now()

    def timestamp(self) -> str:
        """Now, by the journal's clock, as a time column holds it."""
        return to_timestamp(self._journal.now())

    # --- audit ----------------------------------------------------------------------------------

    def append_audit(
        self, action: str, subject: str, detail: Mapping[str, object] | None = None
    ) -> AuditEntry:
        """Add an entry chained to the last; keep names and phone numbers out of `detail`."""
        last = self.db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
        at = self.timestamp()
        detail_text = canonical_detail(dict(detail or {}))
        seal = record_seal(self.db, subject)
        entry_hash = chain_hash(prev_hash, seq, at, self._actor, action, subject, detail_text, seal)
        key = self._journal.audit_key
        key_id, mac = (key.key_id, key.mac(entry_hash)) if key is not None else (None, None)
        row = (
            *(seq, at, self._actor, action, subject, detail_text, prev_hash, entry_hash),
            *(seal, key_id, mac),
        )
        self.db.execute(
            "INSERT INTO audit (seq, at, actor, action, subject, detail, prev_hash, hash, seal,"
            " key_id, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )
        return audit_entry_from_row(row)

    # --- visits, bills, signatures, payments ----------------------------------------------------

    def open_visit(
        self,
        member_id: str,
        service_date: date,
        visit_type: VisitType = VisitType.OUTPATIENT,
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO visits (member_id, service_date, visit_type, opened_at)"
            " VALUES (?, ?, ?, ?)",
            (member_id, service_date.isoformat(), VisitType(visit_type).value, self.timestamp()),
        )
        visit_id = inserted_id(cursor)
        self.append_audit("visit.opened", f"visit:{visit_id}")
        return visit_id

    def record_bill(
        self,
        visit_id: int,
        bill: Bill,
        *,
        clinic_invoice_no: str,
        bill_hash: str,
        adjudication: Adjudication | None = None,
    ) -> int:
        """Store the bill the family is shown, with the insurer's estimate if there is one."""
        visit = fetch_visit(self.db, visit_id)
        if bill.member_id != visit.member_id:
            raise RecordConflict("This bill is for a different member than the visit.")
        if len(bill_hash) != 64:
            raise ValueError(f"a bill hash is 64 hex characters, got {bill_hash!r}")
        adjudicated = {}
        if adjudication is not None:
            adjudicated = {line.line_no: line for line in adjudication.lines}
            expected = {line.line_no: line.submitted_fen for line in bill.lines}
            if {n: line.submitted_fen for n, line in adjudicated.items()} != expected:
                raise RecordConflict("The insurer's estimate is for a different bill.")
        if self.db.execute(
            "SELECT 1 FROM bills WHERE clinic_invoice_no = ?", (clinic_invoice_no,)
        ).fetchone():
            raise RecordConflict(f"Invoice number {clinic_invoice_no} is already used.")
        total = sum(checked_fen(line.submitted_fen, what="a line amount") for line in bill.lines)
        cursor = self.db.execute(
            "INSERT INTO bills (visit_id, clinic_invoice_no, bill_hash, member_id, service_date,"
            " visit_type, total_submitted_fen, total_covered_fen, total_patient_fen, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                visit_id,
                clinic_invoice_no,
                bill_hash,
                bill.member_id,
                bill.service_date.isoformat(),
                bill.visit_type.value,
                total,
                adjudication.total_covered_fen if adjudication else None,
                adjudication.total_patient_fen if adjudication else None,
                self.timestamp(),
            ),
        )
        bill_id = inserted_id(cursor)
        for line in bill.lines:
            estimate = adjudicated.get(line.line_no)
            self.db.execute(
                "INSERT INTO bill_lines (bill_id, line_no, item_code, description, category,"
                " quantity, unit_price_fen, covered_fen, patient_fen, reason, preauth_id,"
                " preauth_class) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    bill_id,
                    line.line_no,
                    line.item_code,
                    line.description,
                    line.category.value,
                    line.quantity,
                    checked_fen(line.unit_price_fen, what="a unit price"),
                    estimate.covered_fen if estimate else None,
                    estimate.patient_fen if estimate else None,
                    estimate.reason.value if estimate else None,
                    line.preauth_id,
                    line.preauth_class.value if line.preauth_class else None,
                ),
            )
        self.append_audit(
            "bill.recorded",
            f"bill:{bill_id}",
            {
                "visit": visit_id,
                "invoice": clinic_invoice_no,
                "bill_hash": bill_hash,
                "lines": len(bill.lines),
                "total_submitted_fen": total,
                "total_covered_fen": adjudication.total_covered_fen if adjudication else None,
            },
        )
        return bill_id

    def record_signature(
        self,
        bill_id: int,
        strokes: bytes,
        evidence: SignatureEvidence,
        *,
        facts: StatementFacts | None = None,
    ) -> int:
        """Bind the family's strokes to the exact bill they were shown (what you see you sign),
        with what else the family read (`facts`: the consent sentence, child, policy, clinic)."""
        bill = fetch_bill(self.db, bill_id)
        if evidence.bill_hash != bill.bill_hash:
            raise RecordConflict("The signature was made on a different version of this bill.")
        if hashlib.sha256(strokes).hexdigest() != evidence.strokes_sha256:
            raise RecordConflict("The signature strokes do not match their fingerprint.")
        if fetch_signature(self.db, bill_id) is not None:
            raise RecordConflict(f"Bill {bill.clinic_invoice_no} is already signed.")
        cursor = self.db.execute(
            "INSERT INTO signatures (bill_id, bill_hash, strokes, strokes_sha256, point_count,"
            " signed_at, facts) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                bill_id,
                evidence.bill_hash,
                strokes,
                evidence.strokes_sha256,
                evidence.point_count,
                to_timestamp(evidence.signed_at),
                facts.model_dump_json() if facts is not None else None,
            ),
        )
        self.append_audit(
            "bill.signed",
            f"bill:{bill_id}",
            {"bill_hash": evidence.bill_hash, "strokes_sha256": evidence.strokes_sha256},
        )
        return inserted_id(cursor)

    def record_payment(
        self,
        visit_id: int,
        method: PaymentMethod,
        amount_fen: int,
        *,
        reference: str | None = None,
        action: str = "payment.recorded",
    ) -> int:
        """Record what the family paid at the desk for the part the insurer does not cover;
        `action` names it in the audit trail (`payment.collected` for an amount owed paid
        later). The rules of what may be paid are `kiosk.payments`'."""
        fetch_visit(self.db, visit_id)
        cursor = self.db.execute(
            "INSERT INTO payments (visit_id, method, amount_fen, reference, paid_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                visit_id,
                PaymentMethod(method).value,
                checked_fen(amount_fen, what="a payment", positive=True),
                reference,
                self.timestamp(),
            ),
        )
        self.append_audit(
            action,
            f"visit:{visit_id}",
            {"method": PaymentMethod(method).value, "amount_fen": amount_fen},
        )
        return inserted_id(cursor)

    # --- the claim outbox -----------------------------------------------------------------------

    def enqueue_claim(self, bill_id: int, submission: ClaimSubmission) -> ClaimRecord:
        """Store the signed claim and its idempotency key: from here on it cannot be lost.

        The key is made once, here, and every attempt sends the same stored body with it, so the
        insurer records the claim once however many times it is sent.
        """
        bill = fetch_bill(self.db, bill_id)
        signature = fetch_signature(self.db, bill_id)
        if signature is None:
            raise RecordConflict(f"Bill {bill.clinic_invoice_no} is not signed yet.")
        if (
            submission.bill_hash != bill.bill_hash
            or submission.signature.bill_hash != signature.bill_hash
            or submission.signature.strokes_sha256 != signature.strokes_sha256
            or submission.bill != bill.to_bill()
            or submission.recomputed_bill_hash() != bill.bill_hash
        ):
            raise RecordConflict("This claim is not the bill the family signed.")
        if submission.clinic_invoice_no != bill.clinic_invoice_no:
            raise RecordConflict("This claim names a different invoice number than its bill.")
        if self.db.execute("SELECT 1 FROM claims WHERE bill_id = ?", (bill_id,)).fetchone():
            raise RecordConflict(f"Bill {bill.clinic_invoice_no} is already queued as a claim.")
        # The trail's head travels with the claim: the insurer's statement gives it back, so a
        # trail cut back or rewritten after this claim was sent no longer matches it.
        head = self.db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        if head is not None:
            submission = submission.model_copy(
                update={"audit_head": AuditHead(seq=head[0], hash=head[1])}
            )
        now = self.timestamp()
        cursor = self.db.execute(
            "INSERT INTO claims (bill_id, idempotency_key, submission, state, queued_at,"
            " next_attempt_at) VALUES (?, ?, ?, 'waiting', ?, ?)",
            (bill_id, new_idempotency_key(), submission.model_dump_json(), now, now),
        )
        claim_id = inserted_id(cursor)
        self.append_audit(
            "claim.queued",
            f"claim:{claim_id}",
            {
                "bill": bill_id,
                "invoice": bill.clinic_invoice_no,
                "expected_covered_fen": submission.expected_covered_fen,
            },
        )
        return fetch_claim(self.db, claim_id)

    def begin_attempt(self, claim_id: int) -> int:
        """Note that a send starts, so a crash mid-request is visible after restart. Only a
        claim still waiting starts one: the state is read under the write lock, so a claim voided
        after the outbox picked it is never sent (`RecordConflict`)."""
        claim = fetch_claim(self.db, claim_id)
        if claim.state is not ClaimState.WAITING:
            raise RecordConflict(f"Claim {claim_id} is {claim.state.value}, not waiting to send.")
        cursor = self.db.execute(
            "INSERT INTO claim_attempts (claim_id, started_at, outcome) VALUES (?, ?, ?)",
            (claim_id, self.timestamp(), AttemptOutcome.IN_FLIGHT.value),
        )
        return inserted_id(cursor)

    def record_claim_answer(self, attempt_id: int, result: ClaimResult) -> ClaimRecord:
        """The insurer recorded the claim: accepted or paid is done, rejected needs a person."""
        claim_id = self._finish_attempt(
            attempt_id,
            AttemptOutcome.REJECTED
            if result.status is ClaimStatus.REJECTED
            else AttemptOutcome.ACCEPTED,
            error_class=None,
            http_status=None,
        )
        rejected = result.status is ClaimStatus.REJECTED
        self.db.execute(
            "UPDATE claims SET state = ?, insurer_claim_id = ?, insurer_status = ?,"
            " reject_code = ?, covered_fen = ?, recorded_at = ?, attention_reason = ?,"
            " next_status_check_at = ? WHERE id = ?",
            (
                (ClaimState.ATTENTION if rejected else ClaimState.SENT).value,
                result.claim_id,
                result.status.value,
                result.reject_code,
                result.adjudication.total_covered_fen,
                to_timestamp(result.recorded_at),
                f"rejected:{result.reject_code or 'unspecified'}" if rejected else None,
                None if rejected else to_timestamp(self.now() + FIRST_STATUS_CHECK),
                claim_id,
            ),
        )
        self.append_audit(
            "claim.needs-attention" if rejected else "claim.sent",
            f"claim:{claim_id}",
            {
                "insurer_claim_id": result.claim_id,
                "status": result.status.value,
                "reject_code": result.reject_code,
                "covered_fen": result.adjudication.total_covered_fen,
            },
        )
        return fetch_claim(self.db, claim_id)

    def record_claim_refused(
        self,
        attempt_id: int,
        outcome: AttemptOutcome,
        *,
        reason: str,
        error_class: str,
        http_status: int | None = None,
        reject_code: str | None = None,
    ) -> ClaimRecord:
        """A definitive no: stop sending this claim and show it to a person."""
        outcome = AttemptOutcome(outcome)
        if outcome not in (AttemptOutcome.REJECTED, AttemptOutcome.STOPPED):
            raise ValueError(f"a refusal is rejected or stopped, not {outcome}")
        claim_id = self._finish_attempt(
            attempt_id, outcome, error_class=error_class, http_status=http_status
        )
        self.db.execute(
            "UPDATE claims SET state = 'attention', reject_code = ?, attention_reason = ?"
            " WHERE id = ?",
            (reject_code, reason, claim_id),
        )
        self.append_audit(
            "claim.needs-attention",
            f"claim:{claim_id}",
            {"reason": reason, "error_class": error_class, "http_status": http_status},
        )
        return fetch_claim(self.db, claim_id)

    def record_claim_retry(
        self,
        attempt_id: int,
        outcome: AttemptOutcome,
        *,
        error_class: str,
        next_attempt_at: datetime,
        http_status: int | None = None,
    ) -> ClaimRecord:
        """A failure worth retrying: the claim keeps waiting until `next_attempt_at`."""
        outcome = AttemptOutcome(outcome)
        if outcome not in (AttemptOutcome.UNREACHABLE, AttemptOutcome.RETRY):
            raise ValueError(f"a retry is unreachable or retry, not {outcome}")
        claim_id = self._finish_attempt(
            attempt_id, outcome, error_class=error_class, http_status=http_status
        )
        self.db.execute(
            "UPDATE claims SET failures = failures + 1, next_attempt_at = ? WHERE id = ?",
            (to_timestamp(next_attempt_at), claim_id),
        )
        return fetch_claim(self.db, claim_id)

    def close_interrupted_attempts(self) -> int:
        """Mark sends cut short by a crash; call once at start-up, before sending again."""
        cursor = self.db.execute(
            "UPDATE claim_attempts SET outcome = ?, finished_at = ? WHERE outcome = ?",
            (AttemptOutcome.INTERRUPTED.value, self.timestamp(), AttemptOutcome.IN_FLIGHT.value),
        )
        if cursor.rowcount:
            self.append_audit("outbox.resumed", "outbox", {"interrupted": cursor.rowcount})
        return cursor.rowcount

    def requeue_claim(self, claim_id: int) -> ClaimRecord:
        """A person fixed the cause (device key, network setup): send it again, same key."""
        claim = fetch_claim(self.db, claim_id)
        if claim.state is not ClaimState.ATTENTION:
            raise RecordConflict(f"Claim {claim_id} is {claim.state.value}; nothing to retry.")
        self.db.execute(
            "UPDATE claims SET state = 'waiting', next_attempt_at = ?, attention_reason = NULL"
            " WHERE id = ?",
            (self.timestamp(), claim_id),
        )
        self.append_audit("claim.requeued", f"claim:{claim_id}")
        return fetch_claim(self.db, claim_id)

    def resolve_claim(self, claim_id: int, note: str) -> ClaimRecord:
        """A person settled a claim that needed attention (for example, the family paid)."""
        claim = fetch_claim(self.db, claim_id)
        if claim.state is not ClaimState.ATTENTION:
            raise RecordConflict(f"Claim {claim_id} is {claim.state.value}; nothing to resolve.")
        self.db.execute("UPDATE claims SET state = 'resolved' WHERE id = ?", (claim_id,))
        self.append_audit("claim.resolved", f"claim:{claim_id}", {"note": note})
        return fetch_claim(self.db, claim_id)

    def _finish_attempt(
        self,
        attempt_id: int,
        outcome: AttemptOutcome,
        *,
        error_class: str | None,
        http_status: int | None,
    ) -> int:
        row = self.db.execute(
            "SELECT claim_id, outcome FROM claim_attempts WHERE id = ?", (attempt_id,)
        ).fetchone()
        if row is None:
            raise RecordNotFound(f"Send attempt {attempt_id} is not in the journal.")
        if row[1] != AttemptOutcome.IN_FLIGHT.value:
            raise RecordConflict(f"Send attempt {attempt_id} already ended ({row[1]}).")
        self.db.execute(
            "UPDATE claim_attempts SET outcome = ?, finished_at = ?, error_class = ?,"
            " http_status = ? WHERE id = ?",
            (outcome.value, self.timestamp(), error_class, http_status, attempt_id),
        )
        return int(row[0])

    # --- retention (called by kiosk.privacy) ----------------------------------------------------

    def purge_settled_claims(self, *, accepted_before: datetime) -> PurgeReport:
        """Erase the signature strokes, the member reference and the statements already delivered
        of claims the insurer accepted (or paid) before `accepted_before`; amounts, hashes, the
        strokes' fingerprint and the audit trail stay. A visit keeps its member while any of its
        bills is not purged."""
        rows = self.db.execute(
            "SELECT c.id, c.bill_id, b.visit_id, c.submission"
            " FROM claims c JOIN bills b ON b.id = c.bill_id"
            " WHERE c.state = 'sent' AND c.insurer_status IN ('accepted', 'paid')"
            " AND c.recorded_at < ? AND b.member_id != ? ORDER BY c.id",
            (to_timestamp(accepted_before), PURGED_MEMBER_ID),
        ).fetchall()
        signatures = 0
        for claim_id, bill_id, _visit_id, submission_json in rows:
            # As stored, not through today's model: a claim from an older kiosk may lack fields
            # the contract has since made required, and must still be purged.
            submission = json.loads(submission_json)
            submission["bill"]["member_id"] = PURGED_MEMBER_ID
            self.db.execute(
                "UPDATE claims SET submission = ? WHERE id = ?",
                (json.dumps(submission, ensure_ascii=False, separators=(",", ":")), claim_id),
            )
            self.db.execute(
                "UPDATE bills SET member_id = ? WHERE id = ?", (PURGED_MEMBER_ID, bill_id)
            )
            signatures += self.db.execute(
                "UPDATE signatures SET strokes = X'', facts = NULL WHERE bill_id = ?", (bill_id,)
            ).rowcount
            # The family's statement went to the insurer (their e-card's visit records keep it).
            self.db.execute(
                "UPDATE statements SET pdf = X'' WHERE bill_id = ? AND sent_at IS NOT NULL",
                (bill_id,),
            )
        visits = sorted({row[2] for row in rows})
        for visit_id in visits:
            self.db.execute(
                "UPDATE visits SET member_id = ? WHERE id = ? AND NOT EXISTS"
                " (SELECT 1 FROM bills WHERE visit_id = ? AND member_id != ?)",
                (PURGED_MEMBER_ID, visit_id, visit_id, PURGED_MEMBER_ID),
            )
            self.db.execute(
                "UPDATE payments SET reference = NULL WHERE visit_id = ? AND EXISTS"
                " (SELECT 1 FROM visits WHERE id = ? AND member_id = ?)",
                (visit_id, visit_id, PURGED_MEMBER_ID),
            )
        report = PurgeReport(
            claim_ids=tuple(row[0] for row in rows),
            signatures=signatures,
            accepted_before=accepted_before,
        )
        if rows:
            self.append_audit(
                "retention.purged",
                "journal",
                {
                    "claims": list(report.claim_ids),
                    "signatures": signatures,
                    "accepted_before": to_timestamp(accepted_before),
                },
            )
        return report
