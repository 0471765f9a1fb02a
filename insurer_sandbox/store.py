"""The sandbox insurer's own database (SQLite, stdlib): members, usage, pre-auths, claims, keys.

One short-lived connection per request; every change runs in a `BEGIN IMMEDIATE` transaction, so
reading usage, adjudicating and recording a claim is one atomic step even with concurrent
requests, and the UNIQUE (clinic, idempotency key) constraints are the last line against doubles.
WAL mode lets the admin CLI (`kiosk-sandbox preauth approve`) write while the server runs.

The schema and its migrations are `insurer_sandbox.schema`; the demo data a new database gets,
`insurer_sandbox.seeding`; what an approval grants and what is left of it,
`insurer_sandbox.preauth_grants`; a claim's review and payments, `insurer_sandbox.claim_outcomes`.
A member's billed cost for the policy year is their seeded `billed_before_fen` plus the submitted
totals of their claims that count (`BILLED_CLAIM_STATUSES`, or rejected after review) with a
service date in the policy year, so a cancelled claim simply stops counting.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from insurer_sandbox import claim_outcomes
from insurer_sandbox.preauth_grants import (
    GrantTerms,
    PreAuthUse,
    attachment_summary,
    granted,
    preauth_from_row,
    write_grant,
)
from insurer_sandbox.schema import SCHEMA_VERSION, migrate
from insurer_sandbox.seeding import seed_demo
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk.insurer.models import (
    Adjudication,
    Attachment,
    AuditHead,
    Bill,
    ClaimResult,
    ClaimStatus,
    PlanTier,
    PreAuth,
    PreAuthStatus,
    ReviewOutcome,
    StatementLine,
    WorkingCalendar,
)

DATABASE_NAME = "insurer-sandbox.sqlite3"
BILLED_CLAIM_STATUSES = (
    ClaimStatus.ACCEPTED.value,
    ClaimStatus.ADJUDICATED.value,
    ClaimStatus.PAID.value,
)
"""Claims that count towards a member's billed cost: not cancelled, not refused on arrival (a
claim rejected after review still counts: the visit was billed, the family pays it)."""

_CLOCK_OFFSET = "clock_offset_seconds"


@dataclass(frozen=True)
class VisitRecord:
    """One line of the e-card's visit records (就诊记录)."""

    claim_id: str
    clinic: str
    service_date: date
    covered_fen: int
    patient_fen: int
    statement_version: int | None


class UnknownClinicError(KeyError):
    """A device key was asked for a clinic the sandbox does not know."""


class UnknownPreAuthError(KeyError):
    """An admin action named a pre-auth that does not exist."""


@dataclass(frozen=True)
class MemberRecord:
    """A member as the insurer holds it, full names and numbers included (never logged)."""

    member_id: str
    policy_number: str
    child_name: str
    guardian_phone: str
    birth_year: int
    tier: PlanTier
    period_start: date
    period_end: date
    free_visits_used: int
    unpaid_fen: int | None
    unpaid_claim_ref: str | None
    benefit_used_fen: dict[str, int]
    billed_fen: int
    """Medical cost billed in this policy year, whoever paid it: the seeded amount billed before
    the sandbox's records plus every accepted claim's submitted total."""


@dataclass(frozen=True)
class StoredClaim:
    result: ClaimResult
    request_hash: str


@dataclass(frozen=True)
class StoredPreAuth:
    """A pre-auth filed under an idempotency key, with the calendar it was first answered with."""

    preauth: PreAuth
    request_hash: str
    calendar: WorkingCalendar


def key_hash(device_key: str) -> str:
    """Device keys are 256-bit random, so a plain SHA-256 is enough; a slow hash adds nothing."""
    return hashlib.sha256(device_key.encode("utf-8")).hexdigest()


def canonical_hash(body: object) -> str:
    """Hash of a JSON-ready body with sorted keys: the same request however it was spelled."""
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def new_id(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(6).upper()}"


class Store:
    """Typed access to the sandbox database; create with `Store.open(data_dir)`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def open(cls, data_dir: Path, *, clock: datetime | None = None) -> Store:
        """Open (creating and seeding with demo data on first use) the database in `data_dir`.

        `clock` sets the sandbox clock (see `set_clock`); on a new database the demo policy years
        are then placed around that time, so "today" can be any day, e.g. before a holiday.
        """
        data_dir.mkdir(parents=True, exist_ok=True)
        store = cls(data_dir / DATABASE_NAME)
        store._initialise(clock)
        return store

    # --- connections and transactions

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=15, isolation_level=None, check_same_thread=False)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 15000")
        return db

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        with closing(self._connect()) as db:
            yield db

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken up front so concurrent writers queue instead of racing."""
        with closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    @contextmanager
    def what_if(self) -> Iterator[sqlite3.Connection]:
        """A write transaction that is always rolled back: to answer as if a change were made
        (an estimate as if a claim were given back) while changing nothing."""
        with closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            finally:
                db.execute("ROLLBACK")

    def _initialise(self, clock: datetime | None) -> None:
        with closing(self._connect()) as db:
            db.execute("PRAGMA journal_mode = WAL")
        with self.writing() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if not 0 <= version <= SCHEMA_VERSION:
                raise RuntimeError(f"{self.path}: unknown sandbox schema version {version}")
            migrate(db, version)
            if version == 0:
                now = clock or datetime.now(UTC)
                seed_demo(self, db, now.astimezone(BUSINESS_TZ).date())
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            if clock is not None:
                _write_clock(db, clock)

    # --- clock

    def now(self) -> datetime:
        """The sandbox's time: real UTC time plus an offset an admin may set for training/tests."""
        with self.reading() as db:
            row = db.execute(
                "SELECT value FROM sandbox_state WHERE key = ?", (_CLOCK_OFFSET,)
            ).fetchone()
        offset = int(row["value"]) if row else 0
        return datetime.now(UTC) + timedelta(seconds=offset)

    def set_clock(self, now: datetime | None) -> None:
        """Pretend it is `now` from here on (time keeps running); None returns to real time."""
        with self.writing() as db:
            if now is None:
                db.execute("DELETE FROM sandbox_state WHERE key = ?", (_CLOCK_OFFSET,))
            else:
                _write_clock(db, now)

    # --- clinics and device keys

    def create_device_key(self, clinic_id: str) -> str:
        """A new device API key for a known clinic; only its hash is stored."""
        device_key = "sbx_" + secrets.token_urlsafe(32)
        with self.writing() as db:
            if db.execute("SELECT 1 FROM clinics WHERE clinic_id = ?", (clinic_id,)).fetchone():
                db.execute(
                    "INSERT INTO device_keys (key_hash, clinic_id, created_at) VALUES (?, ?, ?)",
                    (key_hash(device_key), clinic_id, datetime.now(UTC).isoformat()),
                )
                return device_key
        raise UnknownClinicError(clinic_id)

    def clinic_for_key(self, device_key: str) -> str | None:
        with self.reading() as db:
            row = db.execute(
                "SELECT clinic_id FROM device_keys WHERE key_hash = ?", (key_hash(device_key),)
            ).fetchone()
        return row["clinic_id"] if row else None

    def clinic_name(self, db: sqlite3.Connection, clinic_id: str) -> str:
        row = db.execute("SELECT name FROM clinics WHERE clinic_id = ?", (clinic_id,)).fetchone()
        if row is None:
            raise UnknownClinicError(clinic_id)
        return str(row["name"])

    def clinic_ids(self) -> list[str]:
        with self.reading() as db:
            return [r["clinic_id"] for r in db.execute("SELECT clinic_id FROM clinics ORDER BY 1")]

    # --- members

    def member(self, db: sqlite3.Connection, member_id: str) -> MemberRecord | None:
        row = db.execute("SELECT * FROM members WHERE member_id = ?", (member_id,)).fetchone()
        return _member(db, row) if row else None

    def member_by_lookup(
        self, db: sqlite3.Connection, policy_number: str, child_name: str, guardian_phone: str
    ) -> MemberRecord | None:
        row = db.execute(
            "SELECT * FROM members WHERE policy_number = ? AND child_name = ? "
            "AND guardian_phone = ?",
            (policy_number, child_name, guardian_phone),
        ).fetchone()
        return _member(db, row) if row else None

    def record_usage(
        self,
        db: sqlite3.Connection,
        member_id: str,
        covered_by_benefit: dict[str, int],
        *,
        free_visit_used: bool,
    ) -> None:
        for benefit, covered in covered_by_benefit.items():
            db.execute(
                "INSERT INTO benefit_usage (member_id, benefit, used_fen) VALUES (?, ?, ?) "
                "ON CONFLICT (member_id, benefit) DO UPDATE SET used_fen = used_fen + ?",
                (member_id, benefit, covered, covered),
            )
        if free_visit_used:
            db.execute(
                "UPDATE members SET free_visits_used = free_visits_used + 1 WHERE member_id = ?",
                (member_id,),
            )

    # --- pre-auths

    def preauths(self, db: sqlite3.Connection, member_id: str) -> list[PreAuth]:
        """The member's pre-auths, oldest first, each approval with what is left of it."""
        rows = db.execute(
            "SELECT * FROM preauths WHERE member_id = ? ORDER BY requested_at, preauth_id",
            (member_id,),
        )
        return [preauth_from_row(db, r) for r in rows.fetchall()]

    def preauth(self, db: sqlite3.Connection, preauth_id: str) -> PreAuth | None:
        row = db.execute("SELECT * FROM preauths WHERE preauth_id = ?", (preauth_id,)).fetchone()
        return preauth_from_row(db, row) if row else None

    def preauth_by_key(
        self, db: sqlite3.Connection, clinic_id: str, idempotency_key: str
    ) -> StoredPreAuth | None:
        row = db.execute(
            "SELECT * FROM preauths WHERE clinic_id = ? AND idempotency_key = ?",
            (clinic_id, idempotency_key),
        ).fetchone()
        if row is None:
            return None
        calendar = WorkingCalendar.model_validate_json(row["calendar_json"])
        return StoredPreAuth(preauth_from_row(db, row), row["request_hash"], calendar)

    def insert_preauth(
        self,
        db: sqlite3.Connection,
        preauth: PreAuth,
        *,
        clinic_id: str | None,
        idempotency_key: str | None,
        request_hash: str | None,
        calendar_json: str | None,
        attachments: Sequence[Attachment] = (),
    ) -> None:
        """Record `preauth` (its grant's terms too, when it has one; what is left of a grant is
        never stored) and the files sent with it."""
        db.execute(
            "INSERT INTO preauths (preauth_id, member_id, clinic_id, idempotency_key, "
            "request_hash, item_code, description, category, planned_date, diagnosis, "
            "estimated_cost_fen, status, requested_at, decided_at, calendar_json, emergency, "
            "decision_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                preauth.preauth_id,
                preauth.member_id,
                clinic_id,
                idempotency_key,
                request_hash,
                preauth.item_code,
                preauth.description,
                preauth.category.value,
                preauth.planned_date.isoformat(),
                preauth.diagnosis,
                preauth.estimated_cost_fen,
                preauth.status.value,
                preauth.requested_at.isoformat(),
                preauth.decided_at.isoformat() if preauth.decided_at else None,
                calendar_json,
                int(preauth.emergency),
                preauth.decision_note,
            ),
        )
        if preauth.grant is not None:
            write_grant(db, preauth.preauth_id, preauth.grant)
        db.executemany(
            "INSERT INTO preauth_attachments (preauth_id, position, title, content_type, size, "
            "sha256, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    preauth.preauth_id,
                    position,
                    summary.title,
                    summary.content_type.value,
                    summary.size,
                    summary.sha256,
                    attachment.data,
                )
                for position, (attachment, summary) in enumerate(
                    ((a, attachment_summary(a)) for a in attachments), start=1
                )
            ],
        )

    def decide_preauth(
        self,
        preauth_id: str,
        status: PreAuthStatus,
        *,
        note: str | None = None,
        terms: GrantTerms | None = None,
    ) -> PreAuth:
        """The insurer's decision on a pre-auth (the admin CLI's `preauth approve|deny|info`).

        An approval grants `terms`; each term left None defaults from the request: the amount is
        the estimated cost, the window runs from the decision day (or the planned date, if that
        is earlier: an emergency approved after the visit still covers it) to 30 days after the
        planned date, one use, for the requested item code only. An approval keeps the auth
        number it already had (a re-approval changes the terms, not the number). `note` says why
        a request was denied or what more the insurer needs. Raises `UnknownPreAuthError`, or
        `GrantError` for terms that grant nothing."""
        with self.writing() as db:
            row = db.execute(
                "SELECT * FROM preauths WHERE preauth_id = ?", (preauth_id,)
            ).fetchone()
            if row is None:
                raise UnknownPreAuthError(preauth_id)
            now = self.now()
            db.execute(
                "UPDATE preauths SET status = ?, decided_at = ?, decision_note = ? "
                "WHERE preauth_id = ?",
                (status.value, now.isoformat(), note, preauth_id),
            )
            if status is PreAuthStatus.APPROVED:
                grant = granted(row, terms or GrantTerms(), now.astimezone(BUSINESS_TZ).date())
                write_grant(db, preauth_id, grant)
            decided = db.execute("SELECT * FROM preauths WHERE preauth_id = ?", (preauth_id,))
            return preauth_from_row(db, decided.fetchone())

    def record_preauth_uses(
        self, db: sqlite3.Connection, claim_id: str, uses: Sequence[PreAuthUse]
    ) -> None:
        """What an accepted claim's lines took from approvals."""
        db.executemany(
            "INSERT INTO preauth_uses (preauth_id, claim_id, line_no, units, covered_fen) "
            "VALUES (?, ?, ?, ?, ?)",
            [(u.preauth_id, claim_id, u.line_no, u.units, u.covered_fen) for u in uses],
        )

    # --- claims

    def claim(self, db: sqlite3.Connection, claim_id: str) -> ClaimResult | None:
        row = db.execute("SELECT * FROM claims WHERE claim_id = ?", (claim_id,)).fetchone()
        return _claim(db, row).result if row else None

    def claim_bill(self, db: sqlite3.Connection, claim_id: str) -> Bill:
        """The bill a recorded claim was for."""
        row = db.execute("SELECT bill_json FROM claims WHERE claim_id = ?", (claim_id,)).fetchone()
        return Bill.model_validate_json(row["bill_json"])

    def claim_by_key(
        self, db: sqlite3.Connection, clinic_id: str, idempotency_key: str
    ) -> StoredClaim | None:
        row = db.execute(
            "SELECT * FROM claims WHERE clinic_id = ? AND idempotency_key = ?",
            (clinic_id, idempotency_key),
        ).fetchone()
        return _claim(db, row) if row else None

    def claim_by_bill(
        self, db: sqlite3.Connection, clinic_id: str, clinic_invoice_no: str, bill_hash: str
    ) -> ClaimResult | None:
        """The claim already recorded for this bill of this clinic, under any idempotency key."""
        row = db.execute(
            "SELECT * FROM claims WHERE clinic_id = ? AND clinic_invoice_no = ? AND bill_hash = ?",
            (clinic_id, clinic_invoice_no, bill_hash),
        ).fetchone()
        return _claim(db, row).result if row else None

    def insert_claim(
        self,
        db: sqlite3.Connection,
        result: ClaimResult,
        *,
        request_hash: str,
        bill_json: str,
        signature_json: str,
        expected_covered_fen: int,
        clinic_invoice_no: str,
        audit_head: AuditHead | None,
    ) -> None:
        """Record `result` (with the claim it replaces, if it does: link that one back with
        `link_replacement`)."""
        adjudication = result.adjudication
        db.execute(
            "INSERT INTO claims (claim_id, clinic_id, idempotency_key, request_hash, member_id, "
            "service_date, status, reject_code, bill_json, bill_hash, signature_json, "
            "expected_covered_fen, clinic_invoice_no, adjudication_json, total_submitted_fen, "
            "total_covered_fen, total_patient_fen, recorded_at, recorded_day, audit_head_seq, "
            f"audit_head_hash, replaces) VALUES ({', '.join('?' * 22)})",
            (
                result.claim_id,
                result.clinic_id,
                result.idempotency_key,
                request_hash,
                result.member_id,
                result.service_date.isoformat(),
                result.status.value,
                result.reject_code,
                bill_json,
                result.bill_hash,
                signature_json,
                expected_covered_fen,
                clinic_invoice_no,
                adjudication.model_dump_json(),
                adjudication.total_submitted_fen,
                adjudication.total_covered_fen,
                adjudication.total_patient_fen,
                result.recorded_at.isoformat(),
                result.recorded_at.astimezone(BUSINESS_TZ).date().isoformat(),
                audit_head.seq if audit_head else None,
                audit_head.hash if audit_head else None,
                result.replaces,
            ),
        )

    def link_replacement(self, db: sqlite3.Connection, replaced_id: str, by_id: str) -> None:
        """Mark the (cancelled) claim `replaced_id` as replaced by the recorded claim `by_id`."""
        db.execute("UPDATE claims SET replaced_by = ? WHERE claim_id = ?", (by_id, replaced_id))

    def cancel_claim(
        self,
        db: sqlite3.Connection,
        claim: ClaimResult,
        *,
        reason: str,
        usage_by_benefit: dict[str, int],
        now: datetime,
    ) -> ClaimResult:
        """Cancel an accepted claim: it gives back its annual-limit usage (`usage_by_benefit`),
        its fully-paid visit and the uses and amounts it took from approvals; its billed cost
        stops counting with its status. Returns the claim as now recorded."""
        db.execute(
            "UPDATE claims SET status = ?, cancelled_at = ?, cancel_reason = ? WHERE claim_id = ?",
            (ClaimStatus.CANCELLED.value, now.isoformat(), reason, claim.claim_id),
        )
        self.give_back_usage(
            db, claim.member_id, usage_by_benefit, free_visit=claim.adjudication.free_visit_used
        )
        db.execute("UPDATE preauth_uses SET released = 1 WHERE claim_id = ?", (claim.claim_id,))
        return claim.model_copy(update={"status": ClaimStatus.CANCELLED})

    def give_back_usage(
        self,
        db: sqlite3.Connection,
        member_id: str,
        usage_by_benefit: dict[str, int],
        *,
        free_visit: bool,
    ) -> None:
        """What the insurer no longer covers stops using the member's annual limits (and, with
        `free_visit`, their fully-paid visit): a cancelled claim, or lines a review refused."""
        for benefit, covered in usage_by_benefit.items():
            db.execute(
                "UPDATE benefit_usage SET used_fen = max(0, used_fen - ?) "
                "WHERE member_id = ? AND benefit = ?",
                (covered, member_id, benefit),
            )
        if free_visit:
            db.execute(
                "UPDATE members SET free_visits_used = max(0, free_visits_used - 1) "
                "WHERE member_id = ?",
                (member_id,),
            )

    def put_statement(
        self, db: sqlite3.Connection, claim_id: str, version: int, pdf: bytes, pdf_sha256: str
    ) -> tuple[str, str] | None:
        """Store a version of a claim's statement; the (sha, stored_at) already stored for this
        version, if any, instead."""
        row = db.execute(
            "SELECT pdf_sha256, stored_at FROM statements WHERE claim_id = ? AND version = ?",
            (claim_id, version),
        ).fetchone()
        if row is not None:
            return row[0], row[1]
        db.execute(
            "INSERT INTO statements (claim_id, version, pdf, pdf_sha256, stored_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (claim_id, version, pdf, pdf_sha256, self.now().isoformat()),
        )
        return None

    def visit_records(self, db: sqlite3.Connection, member_id: str) -> list[VisitRecord]:
        """The member's claimed visits, newest first, each with its newest statement if any; a
        cancelled claim is no visit."""
        rows = db.execute(
            "SELECT c.claim_id, k.name, c.service_date, c.total_covered_fen, c.total_patient_fen,"
            " (SELECT max(version) FROM statements s WHERE s.claim_id = c.claim_id)"
            " FROM claims c JOIN clinics k ON k.clinic_id = c.clinic_id"
            " WHERE c.member_id = ? AND c.status != ?"
            " ORDER BY c.service_date DESC, c.recorded_at DESC",
            (member_id, ClaimStatus.CANCELLED.value),
        ).fetchall()
        return [
            VisitRecord(row[0], row[1], date.fromisoformat(row[2]), row[3], row[4], row[5])
            for row in rows
        ]

    def statement_pdf(self, db: sqlite3.Connection, member_id: str, claim_id: str) -> bytes | None:
        """The newest statement of one of the member's claims."""
        row = db.execute(
            "SELECT s.pdf FROM statements s JOIN claims c ON c.claim_id = s.claim_id"
            " WHERE c.member_id = ? AND s.claim_id = ? ORDER BY s.version DESC LIMIT 1",
            (member_id, claim_id),
        ).fetchone()
        return None if row is None else bytes(row[0])

    def statement_lines(self, clinic_id: str, day: date) -> list[StatementLine]:
        with self.reading() as db:
            rows = db.execute(
                "SELECT * FROM claims WHERE clinic_id = ? AND recorded_day = ? "
                "ORDER BY recorded_at, claim_id",
                (clinic_id, day.isoformat()),
            ).fetchall()
        return [
            StatementLine(
                claim_id=r["claim_id"],
                idempotency_key=r["idempotency_key"],
                member_id=r["member_id"],
                service_date=date.fromisoformat(r["service_date"]),
                status=ClaimStatus(r["status"]),
                total_submitted_fen=r["total_submitted_fen"],
                total_covered_fen=r["total_covered_fen"],
                total_patient_fen=r["total_patient_fen"],
                recorded_at=datetime.fromisoformat(r["recorded_at"]),
                audit_head=AuditHead(seq=r["audit_head_seq"], hash=r["audit_head_hash"])
                if r["audit_head_seq"] is not None
                else None,
            )
            for r in rows
        ]

    def plant_amount_mismatch(self, claim_id: str, covered_fen: int) -> bool:
        """Make the insurer's record of a claim disagree with the clinic's (reconciliation tests):
        the statement will show `covered_fen` (patient = submitted - covered); the claim's
        adjudication lines stay as first answered. False when no such claim exists."""
        with self.writing() as db:
            return bool(
                db.execute(
                    "UPDATE claims SET total_covered_fen = ?, "
                    "total_patient_fen = total_submitted_fen - ? "
                    "WHERE claim_id = ? AND total_submitted_fen >= ?",
                    (covered_fen, covered_fen, claim_id, covered_fen),
                ).rowcount
            )


def _write_clock(db: sqlite3.Connection, now: datetime) -> None:
    offset = round((now - datetime.now(UTC)).total_seconds())
    db.execute(
        "INSERT INTO sandbox_state (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (_CLOCK_OFFSET, str(offset)),
    )


def _member(db: sqlite3.Connection, row: sqlite3.Row) -> MemberRecord:
    usage = db.execute(
        "SELECT benefit, used_fen FROM benefit_usage WHERE member_id = ?", (row["member_id"],)
    )
    claimed = db.execute(
        "SELECT coalesce(sum(total_submitted_fen), 0) FROM claims WHERE member_id = ? "
        "AND (status IN (?, ?, ?) OR review_outcome = ?) AND service_date BETWEEN ? AND ?",
        (
            row["member_id"],
            *BILLED_CLAIM_STATUSES,
            ReviewOutcome.REJECTED.value,
            row["period_start"],
            row["period_end"],
        ),
    ).fetchone()[0]
    return MemberRecord(
        member_id=row["member_id"],
        policy_number=row["policy_number"],
        child_name=row["child_name"],
        guardian_phone=row["guardian_phone"],
        birth_year=row["birth_year"],
        tier=PlanTier(row["tier"]),
        period_start=date.fromisoformat(row["period_start"]),
        period_end=date.fromisoformat(row["period_end"]),
        free_visits_used=row["free_visits_used"],
        unpaid_fen=row["unpaid_fen"],
        unpaid_claim_ref=row["unpaid_claim_ref"],
        benefit_used_fen={u["benefit"]: u["used_fen"] for u in usage},
        billed_fen=row["billed_before_fen"] + claimed,
    )


def _claim(db: sqlite3.Connection, row: sqlite3.Row) -> StoredClaim:
    result = ClaimResult(
        claim_id=row["claim_id"],
        idempotency_key=row["idempotency_key"],
        status=ClaimStatus(row["status"]),
        reject_code=row["reject_code"],
        adjudication=Adjudication.model_validate_json(row["adjudication_json"]),
        bill_hash=row["bill_hash"],
        clinic_id=row["clinic_id"],
        member_id=row["member_id"],
        service_date=date.fromisoformat(row["service_date"]),
        recorded_at=datetime.fromisoformat(row["recorded_at"]),
        replaces=row["replaces"],
        replaced_by=row["replaced_by"],
        review=claim_outcomes.review(row),
        family_balance=claim_outcomes.family_balance(row),
        payments=claim_outcomes.payments(db, row["claim_id"]),
    )
    return StoredClaim(result, row["request_hash"])
