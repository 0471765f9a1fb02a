"""The journal's schema: its tables, and the numbered migrations that create and change them.

Read this first: every other module of `kiosk.journal` reads and writes these tables.

visits            A patient's visit at the desk: member reference, service date, outpatient or
                  emergency, when it was opened, and the number of the fapiao the clinic issued
                  for it in its own tax system (`fapiao_no`, recorded by reception).
bills             The bill the family is shown for a visit: the clinic's invoice number (unique),
                  `bill_hash` (the SHA-256 the signature binds to), the total submitted and, when
                  the insurer estimated it, the covered and family shares.
bill_lines        The bill's lines as shown, each with the insurer's estimate (covered, family
                  share, reason) and the pre-authorisation it uses.
signatures        At most one per bill: the family's strokes, their SHA-256 and point count, the
                  bill hash they signed, when, and `facts` (what else the family read: the consent
                  sentence, child, policy, clinic).
payments          What the family paid at the desk for a visit: method, amount, reference
                  (terminal slip or transaction no.); a split is one row per method, and an
                  amount owed collected later is a row against the visit it was owed for.
refunds           Money paid at the desk and given back, by method: amount, reason, reference,
                  and who refunded it (`refunded_by`, the audit actor).
audit             The append-only trail (triggers refuse UPDATE and DELETE): each entry is chained
                  to the one before (`prev_hash`, `hash`), MAC-sealed with the desk's audit key
                  (`key_id`, `mac`) and carries its record's `seal` (`kiosk.journal.seals`).
claims            The outbox: one signed claim per bill with its idempotency key and the body it
                  sends (`submission`), its state (waiting, sent, attention, resolved, voided,
                  cancelled), its retry schedule and the insurer's answer; a voided or cancelled
                  claim says why, who and when (`closed_*`), a cancelled one the insurer's answer
                  to the cancellation (`cancel_answer`).
claim_attempts    Every send of a claim and how it ended; one still `in-flight` at start-up was cut
                  short by a crash and is marked `interrupted`.
preauth_requests  Pre-authorisations filed for families, keyed like claims: the outbox sends each
                  (`next_attempt_at` while unsent, `failures`, `last_failure`), keeps a definitive
                  refusal (`refusal_code`, `refusal_detail`) or the insurer's id, status and
                  latest answer (`answer`, the PreAuth as JSON), and asks again about open ones
                  (`polled_at`).
staff             Reception and manager accounts: argon2-hashed PIN, active flag, sign-in lockout.
shipping_queue    While the desk ships to a clinic database (`shipping_target` holds its URL, no
                  password), each change of a shipped record, in order: which table and which
                  key; the shipper sends the row as it then stands and deletes the entries the
                  clinic database has stored (`kiosk.journal.shipped`, `kiosk.clinic_db.shipping`).
statements        Each version of the family's statement of a bill, kept whole (PDF bytes and
                  SHA-256), with its claim number, the facts it printed, and when the insurer
                  stored it (or why it would not).

Every table is STRICT; money is integer fen, times are UTC ISO-8601 text (`kiosk.journal.rows`).

How migrations run: `PRAGMA user_version` holds the number of the last step applied. Each time
the journal is opened for writing, `migrate` applies every step above that number, in order, in
one `BEGIN IMMEDIATE` transaction: a failure leaves the file as it was (SQLite's DDL is
transactional), and a second program opening the file at the same moment waits, then finds nothing
left to do. A file from a newer kiosk is refused (`JournalTooNew`), never downgraded. To change
the schema, append a step; a step that has shipped is never edited, as journals in use ran it.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kiosk.journal.errors import JournalTooNew
from kiosk.journal.shipped import SHIPPED, shipping_triggers

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Migration:
    """One ordered schema step; the journal's `user_version` is the last step applied."""

    version: int
    purpose: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "visits, bills with their lines, signatures, desk payments, hash-chained audit trail",
        (
            """CREATE TABLE visits (
                id INTEGER PRIMARY KEY,
                member_id TEXT NOT NULL,
                service_date TEXT NOT NULL,
                visit_type TEXT NOT NULL CHECK (visit_type IN ('outpatient', 'emergency')),
                opened_at TEXT NOT NULL
            ) STRICT""",
            """CREATE TABLE bills (
                id INTEGER PRIMARY KEY,
                visit_id INTEGER NOT NULL REFERENCES visits(id),
                clinic_invoice_no TEXT NOT NULL UNIQUE,
                bill_hash TEXT NOT NULL CHECK (length(bill_hash) = 64),
                member_id TEXT NOT NULL,
                service_date TEXT NOT NULL,
                visit_type TEXT NOT NULL,
                total_submitted_fen INTEGER NOT NULL CHECK (total_submitted_fen >= 0),
                total_covered_fen INTEGER CHECK (total_covered_fen >= 0),
                total_patient_fen INTEGER CHECK (total_patient_fen >= 0),
                created_at TEXT NOT NULL
            ) STRICT""",
            """CREATE TABLE bill_lines (
                bill_id INTEGER NOT NULL REFERENCES bills(id),
                line_no INTEGER NOT NULL CHECK (line_no >= 1),
                item_code TEXT NOT NULL,
                description TEXT NOT NULL,
                category TEXT NOT NULL,
                quantity INTEGER NOT NULL CHECK (quantity >= 1),
                unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
                covered_fen INTEGER CHECK (covered_fen >= 0),
                patient_fen INTEGER CHECK (patient_fen >= 0),
                reason TEXT,
                preauth_id TEXT,
                PRIMARY KEY (bill_id, line_no)
            ) STRICT""",
            """CREATE TABLE signatures (
                id INTEGER PRIMARY KEY,
                bill_id INTEGER NOT NULL UNIQUE REFERENCES bills(id),
                bill_hash TEXT NOT NULL CHECK (length(bill_hash) = 64),
                strokes BLOB NOT NULL,
                strokes_sha256 TEXT NOT NULL CHECK (length(strokes_sha256) = 64),
                point_count INTEGER NOT NULL CHECK (point_count >= 1),
                signed_at TEXT NOT NULL
            ) STRICT""",
            """CREATE TABLE payments (
                id INTEGER PRIMARY KEY,
                visit_id INTEGER NOT NULL REFERENCES visits(id),
                method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'wechat', 'alipay')),
                amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
                reference TEXT,
                paid_at TEXT NOT NULL
            ) STRICT""",
            "CREATE INDEX payments_by_visit ON payments(visit_id)",
            """CREATE TABLE audit (
                seq INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                detail TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL UNIQUE
            ) STRICT""",
            """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
               BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
            """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
               BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
        ),
    ),
    Migration(
        2,
        "claim outbox: signed claims with their idempotency keys, and every send attempt",
        (
            """CREATE TABLE claims (
                id INTEGER PRIMARY KEY,
                bill_id INTEGER NOT NULL UNIQUE REFERENCES bills(id),
                idempotency_key TEXT NOT NULL UNIQUE,
                submission TEXT NOT NULL,
                state TEXT NOT NULL
                    CHECK (state IN ('waiting', 'sent', 'attention', 'resolved')),
                queued_at TEXT NOT NULL,
                next_attempt_at TEXT NOT NULL,
                failures INTEGER NOT NULL DEFAULT 0,
                insurer_claim_id TEXT,
                insurer_status TEXT,
                reject_code TEXT,
                covered_fen INTEGER CHECK (covered_fen >= 0),
                recorded_at TEXT,
                attention_reason TEXT
            ) STRICT""",
            "CREATE INDEX claims_due ON claims(state, next_attempt_at)",
            """CREATE TABLE claim_attempts (
                id INTEGER PRIMARY KEY,
                claim_id INTEGER NOT NULL REFERENCES claims(id),
                started_at TEXT NOT NULL,
                finished_at TEXT,
                outcome TEXT NOT NULL CHECK (outcome IN ('in-flight', 'accepted', 'rejected',
                    'unreachable', 'retry', 'stopped', 'interrupted')),
                error_class TEXT,
                http_status INTEGER
            ) STRICT""",
            "CREATE INDEX claim_attempts_by_claim ON claim_attempts(claim_id)",
            "CREATE INDEX claim_attempts_by_outcome ON claim_attempts(outcome)",
        ),
    ),
    Migration(
        3,
        "pre-authorisation requests filed for families, keyed like claims",
        (
            """CREATE TABLE preauth_requests (
                id INTEGER PRIMARY KEY,
                visit_id INTEGER REFERENCES visits(id),
                idempotency_key TEXT NOT NULL UNIQUE,
                request TEXT NOT NULL,
                member_id TEXT NOT NULL,
                requested_at TEXT NOT NULL,
                insurer_preauth_id TEXT,
                status TEXT CHECK (status IN ('pending', 'approved', 'denied')),
                decided_at TEXT
            ) STRICT""",
            "CREATE INDEX preauth_requests_by_member ON preauth_requests(member_id)",
        ),
    ),
    Migration(
        4,
        "staff accounts (reception, manager) with hashed PINs and sign-in lockout state",
        (
            """CREATE TABLE staff (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
                role TEXT NOT NULL CHECK (role IN ('reception', 'manager')),
                secret_hash TEXT NOT NULL CHECK (secret_hash LIKE '$argon2%'),
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
                lockouts INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
                locked_until TEXT,
                created_at TEXT NOT NULL
            ) STRICT""",
        ),
    ),
    Migration(
        5,
        "covering indexes for the manager's day summary, 30-day trend and reconciliation",
        (
            "CREATE INDEX bills_by_service_date ON bills(service_date, id, visit_id,"
            " total_submitted_fen, total_covered_fen, total_patient_fen)",
            "CREATE INDEX visits_by_service_date ON visits(service_date, id)",
            "CREATE INDEX payments_by_visit_amount ON payments(visit_id, method, amount_fen)",
            "CREATE INDEX claims_by_bill_state ON claims(bill_id, state, insurer_status,"
            " reject_code, covered_fen)",
            "CREATE INDEX claims_by_recorded_at ON claims(recorded_at)",
            "CREATE INDEX preauth_requests_by_requested_at ON preauth_requests(requested_at)",
        ),
    ),
    Migration(
        6,
        "audit entries sealed with the desk's audit key, and carrying their record's seal",
        (
            "ALTER TABLE audit ADD COLUMN seal TEXT",
            "ALTER TABLE audit ADD COLUMN key_id TEXT",
            "ALTER TABLE audit ADD COLUMN mac TEXT",
        ),
    ),
    Migration(
        7,
        "what the family read when signing, and the versions of the statement it keeps",
        (
            "ALTER TABLE signatures ADD COLUMN facts TEXT",
            """CREATE TABLE statements (
                id INTEGER PRIMARY KEY,
                bill_id INTEGER NOT NULL REFERENCES bills(id),
                version INTEGER NOT NULL CHECK (version >= 1),
                pdf BLOB NOT NULL,
                pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
                claim_number TEXT,
                final INTEGER NOT NULL CHECK (final IN (0, 1)),
                facts TEXT NOT NULL,
                created_at TEXT NOT NULL,
                sent_at TEXT,
                delivery_problem TEXT,
                UNIQUE (bill_id, version)
            ) STRICT""",
            "CREATE INDEX statements_unsent ON statements(sent_at, bill_id)",
        ),
    ),
    Migration(
        8,
        "bills found by their visit: the day summary's self-pay visits (a visit's last bill, and "
        "whether any of its bills was claimed) without reading every bill of the year",
        ("CREATE INDEX bills_by_visit ON bills(visit_id, id)",),
    ),
    Migration(
        9,
        "pre-auth requests go through the outbox: sent or not, failures and the next try, a "
        "definitive refusal, the insurer's latest answer (more information asked included) and "
        "when it was last asked",
        (
            # A CHECK constraint cannot be altered in SQLite: the table is made again, rows kept.
            """CREATE TABLE preauth_requests_v9 (
                id INTEGER PRIMARY KEY,
                visit_id INTEGER REFERENCES visits(id),
                idempotency_key TEXT NOT NULL UNIQUE,
                request TEXT NOT NULL,
                member_id TEXT NOT NULL,
                requested_at TEXT NOT NULL,
                next_attempt_at TEXT,
                failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
                last_failure TEXT,
                sent_at TEXT,
                insurer_preauth_id TEXT,
                status TEXT CHECK (status IN ('pending', 'info_requested', 'approved', 'denied')),
                decided_at TEXT,
                answer TEXT,
                polled_at TEXT,
                refusal_code TEXT,
                refusal_detail TEXT,
                refused_at TEXT,
                CHECK (insurer_preauth_id IS NULL OR refusal_code IS NULL)
            ) STRICT""",
            # Sent requests were sent when filed. One never sent (its send failed, and kiosks
            # before this one did not retry) is not scheduled: it may have been filed again since
            # with other details, and sending it now could file a duplicate.
            """INSERT INTO preauth_requests_v9 (id, visit_id, idempotency_key, request, member_id,
                requested_at, sent_at, insurer_preauth_id, status, decided_at)
               SELECT id, visit_id, idempotency_key, request, member_id, requested_at,
                CASE WHEN insurer_preauth_id IS NULL THEN NULL ELSE requested_at END,
                insurer_preauth_id, status, decided_at
               FROM preauth_requests""",
            "DROP TABLE preauth_requests",
            "ALTER TABLE preauth_requests_v9 RENAME TO preauth_requests",
            "CREATE INDEX preauth_requests_by_member ON preauth_requests(member_id)",
            "CREATE INDEX preauth_requests_by_requested_at ON preauth_requests(requested_at)",
            "CREATE INDEX preauth_requests_due ON preauth_requests(next_attempt_at)",
            "CREATE INDEX preauth_requests_by_status ON preauth_requests(status, member_id)",
        ),
    ),
    Migration(
        10,
        "a bill line keeps the catalogue's mark of an item that always needs a pre-auth (major "
        "exam, outpatient surgery, major-illness treatment): the claim sends the bill as shown",
        (
            "ALTER TABLE bill_lines ADD COLUMN preauth_class TEXT CHECK (preauth_class IN "
            "('major-exam', 'outpatient-surgery', 'major-illness-treatment'))",
        ),
    ),
    Migration(
        11,
        "payments as desks take them: refunds by method with their reason and who made them, "
        "the clinic's fapiao number per visit, and a member's visits found by member (what a "
        "family still owes the clinic, read when the child is scanned)",
        (
            """CREATE TABLE refunds (
                id INTEGER PRIMARY KEY,
                visit_id INTEGER NOT NULL REFERENCES visits(id),
                method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'wechat', 'alipay')),
                amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
                reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 200),
                reference TEXT,
                refunded_by TEXT NOT NULL CHECK (length(refunded_by) >= 1),
                refunded_at TEXT NOT NULL
            ) STRICT""",
            "CREATE INDEX refunds_by_visit ON refunds(visit_id)",
            "ALTER TABLE visits ADD COLUMN fapiao_no TEXT"
            " CHECK (fapiao_no IS NULL OR length(fapiao_no) BETWEEN 1 AND 40)",
            "CREATE INDEX visits_by_member ON visits(member_id, service_date)",
        ),
    ),
    Migration(
        12,
        "a signed claim can be voided before it is sent, or cancelled at the insurer once "
        "accepted: the claim keeps its signature and bill, and says why, who and when (and the "
        "insurer's answer to a cancellation)",
        (
            # A CHECK constraint cannot be altered in SQLite: the claims are made again, rows
            # kept. The send attempts point at the claims, and a parent table cannot be dropped
            # under its children's rows while foreign keys are on: they are made again too,
            # pointing at the new table (renaming it renames the reference).
            """CREATE TABLE claims_v12 (
                id INTEGER PRIMARY KEY,
                bill_id INTEGER NOT NULL UNIQUE REFERENCES bills(id),
                idempotency_key TEXT NOT NULL UNIQUE,
                submission TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('waiting', 'sent', 'attention', 'resolved',
                    'voided', 'cancelled')),
                queued_at TEXT NOT NULL,
                next_attempt_at TEXT NOT NULL,
                failures INTEGER NOT NULL DEFAULT 0,
                insurer_claim_id TEXT,
                insurer_status TEXT,
                reject_code TEXT,
                covered_fen INTEGER CHECK (covered_fen >= 0),
                recorded_at TEXT,
                attention_reason TEXT,
                closed_reason TEXT,
                closed_by TEXT,
                closed_at TEXT,
                cancel_answer TEXT,
                CHECK ((state IN ('voided', 'cancelled')) = (closed_reason IS NOT NULL
                    AND closed_by IS NOT NULL AND closed_at IS NOT NULL)),
                CHECK (state != 'voided' OR insurer_claim_id IS NULL),
                CHECK ((state = 'cancelled') = (cancel_answer IS NOT NULL))
            ) STRICT""",
            """INSERT INTO claims_v12 (id, bill_id, idempotency_key, submission, state, queued_at,
                next_attempt_at, failures, insurer_claim_id, insurer_status, reject_code,
                covered_fen, recorded_at, attention_reason)
               SELECT id, bill_id, idempotency_key, submission, state, queued_at,
                next_attempt_at, failures, insurer_claim_id, insurer_status, reject_code,
                covered_fen, recorded_at, attention_reason
               FROM claims""",
            """CREATE TABLE claim_attempts_v12 (
                id INTEGER PRIMARY KEY,
                claim_id INTEGER NOT NULL REFERENCES claims_v12(id),
                started_at TEXT NOT NULL,
                finished_at TEXT,
                outcome TEXT NOT NULL CHECK (outcome IN ('in-flight', 'accepted', 'rejected',
                    'unreachable', 'retry', 'stopped', 'interrupted')),
                error_class TEXT,
                http_status INTEGER
            ) STRICT""",
            "INSERT INTO claim_attempts_v12 SELECT id, claim_id, started_at, finished_at, outcome,"
            " error_class, http_status FROM claim_attempts",
            "DROP TABLE claim_attempts",
            "DROP TABLE claims",
            "ALTER TABLE claims_v12 RENAME TO claims",
            "ALTER TABLE claim_attempts_v12 RENAME TO claim_attempts",
            "CREATE INDEX claims_due ON claims(state, next_attempt_at)",
            "CREATE INDEX claims_by_bill_state ON claims(bill_id, state, insurer_status,"
            " reject_code, covered_fen)",
            "CREATE INDEX claims_by_recorded_at ON claims(recorded_at)",
            "CREATE INDEX claim_attempts_by_claim ON claim_attempts(claim_id)",
            "CREATE INDEX claim_attempts_by_outcome ON claim_attempts(outcome)",
        ),
    ),
    Migration(
        13,
        "after the signature: the insurer's review of each sent claim (final amounts, what it "
        "moved to the family) and its payments, each change the desk saw, the insurer's "
        "remittances as it listed them, and the manager's close-out of each day",
        (
            "ALTER TABLE claims ADD COLUMN final_covered_fen INTEGER"
            " CHECK (final_covered_fen IS NULL OR final_covered_fen >= 0)",
            "ALTER TABLE claims ADD COLUMN review_outcome TEXT"
            " CHECK (review_outcome IS NULL OR review_outcome IN ('complete', 'partial',"
            " 'rejected'))",
            "ALTER TABLE claims ADD COLUMN review_reason TEXT",
            "ALTER TABLE claims ADD COLUMN reviewed_at TEXT",
            "ALTER TABLE claims ADD COLUMN family_balance_fen INTEGER"
            " CHECK (family_balance_fen IS NULL OR family_balance_fen >= 0)",
            "ALTER TABLE claims ADD COLUMN family_balance_paid_at TEXT",
            "ALTER TABLE claims ADD COLUMN status_checks INTEGER NOT NULL DEFAULT 0"
            " CHECK (status_checks >= 0)",
            "ALTER TABLE claims ADD COLUMN next_status_check_at TEXT",
            "CREATE INDEX claims_by_next_status_check ON claims(next_status_check_at)"
            " WHERE next_status_check_at IS NOT NULL",
            "CREATE INDEX claims_by_insurer_status ON claims(insurer_status, state, bill_id,"
            " covered_fen, final_covered_fen)",
            "DROP INDEX claims_by_bill_state",
            "CREATE INDEX claims_by_bill_state ON claims(bill_id, state, insurer_status,"
            " reject_code, covered_fen, final_covered_fen)",
            "UPDATE claims SET next_status_check_at = recorded_at"
            " WHERE state = 'sent' AND insurer_status = 'accepted'",
            """CREATE TABLE claim_status_changes (
                id INTEGER PRIMARY KEY,
                claim_id INTEGER NOT NULL REFERENCES claims(id),
                seen_at TEXT NOT NULL,
                status TEXT NOT NULL,
                covered_fen INTEGER CHECK (covered_fen IS NULL OR covered_fen >= 0),
                family_balance_fen INTEGER
                    CHECK (family_balance_fen IS NULL OR family_balance_fen >= 0),
                paid_fen INTEGER NOT NULL CHECK (paid_fen >= 0)
            ) STRICT""",
            "CREATE INDEX claim_status_changes_by_claim ON claim_status_changes(claim_id)",
            """CREATE TABLE claim_payments (
                claim_id INTEGER NOT NULL REFERENCES claims(id),
                remittance_id TEXT NOT NULL CHECK (length(remittance_id) BETWEEN 1 AND 64),
                part TEXT NOT NULL CHECK (part IN ('insurer-share', 'family-balance')),
                payment_date TEXT NOT NULL,
                amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
                PRIMARY KEY (claim_id, remittance_id, part)
            ) STRICT""",
            "CREATE INDEX claim_payments_by_date ON claim_payments(payment_date)",
            """CREATE TABLE remittances (
                remittance_id TEXT PRIMARY KEY CHECK (length(remittance_id) BETWEEN 1 AND 64),
                payment_date TEXT NOT NULL,
                payment_amount_fen INTEGER NOT NULL CHECK (payment_amount_fen >= 0),
                details INTEGER NOT NULL CHECK (details >= 0),
                details_fen INTEGER NOT NULL CHECK (details_fen >= 0),
                fetched_at TEXT NOT NULL
            ) STRICT""",
            "CREATE INDEX remittances_by_date ON remittances(payment_date)",
            """CREATE TABLE remittance_details (
                remittance_id TEXT NOT NULL REFERENCES remittances(remittance_id),
                position INTEGER NOT NULL CHECK (position >= 1),
                insurer_claim_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                part TEXT NOT NULL CHECK (part IN ('insurer-share', 'family-balance')),
                amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
                claim_id INTEGER REFERENCES claims(id),
                paid_before INTEGER NOT NULL CHECK (paid_before >= 0),
                PRIMARY KEY (remittance_id, position)
            ) STRICT""",
            "CREATE INDEX remittance_details_by_claim ON remittance_details(claim_id, part)",
            # Remittance matching reads these per detail, a week's claims side by side; the
            # claim's row (with its submission) is not read at all.
            "CREATE INDEX claims_amounts ON claims(id, state, insurer_status, covered_fen,"
            " final_covered_fen, family_balance_fen)",
            """CREATE TABLE day_closes (
                day TEXT PRIMARY KEY,
                closed_by TEXT NOT NULL CHECK (length(closed_by) >= 1),
                closed_at TEXT NOT NULL,
                note TEXT CHECK (note IS NULL OR length(note) <= 500)
            ) STRICT""",
            """CREATE TABLE day_close_counts (
                day TEXT NOT NULL REFERENCES day_closes(day),
                method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'wechat', 'alipay')),
                taken_fen INTEGER NOT NULL,
                counted_fen INTEGER NOT NULL CHECK (counted_fen >= 0),
                PRIMARY KEY (day, method)
            ) STRICT""",
        ),
    ),
    Migration(
        14,
        "a desk with a clinic database ships its records there: each change of a shipped record "
        "queued in the same transaction (by triggers, only while shipping), in order",
        (
            # `journal_id` names this journal to the clinic database (a desk login serves one
            # journal); `shipped_seq` is the last entry the clinic database stored, as this
            # journal knows it: the two watermarks disagree after a restore on either side.
            """CREATE TABLE shipping_target (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                clinic_db TEXT NOT NULL CHECK (length(clinic_db) BETWEEN 1 AND 500),
                since TEXT NOT NULL,
                journal_id TEXT NOT NULL CHECK (length(journal_id) = 32),
                shipped_seq INTEGER NOT NULL DEFAULT 0 CHECK (shipped_seq >= 0)
            ) STRICT""",
            # AUTOINCREMENT: a sequence number is never used twice, even after the entries below
            # it are deleted; the clinic database keeps the last one it stored as its watermark.
            """CREATE TABLE shipping_queue (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                tbl TEXT NOT NULL,
                key TEXT NOT NULL
            ) STRICT""",
            *(statement for table in SHIPPED for statement in shipping_triggers(table)),
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


def refuse_if_newer(path: Path, version: int) -> None:
    """A newer kiosk's journal may hold what this one cannot read or would damage: refuse it."""
    if version > SCHEMA_VERSION:
        raise JournalTooNew(
            f"The journal {path} was written by a newer kiosk (schema {version}, this one "
            f"knows {SCHEMA_VERSION}); update this kiosk."
        )


def migrate(db: sqlite3.Connection, path: Path) -> None:
    """Bring the journal at `path` (open as `db`, outside any transaction) up to
    `SCHEMA_VERSION`, all steps or none; `path` only names the file in errors."""
    db.execute("BEGIN IMMEDIATE")
    try:
        current = db.execute("PRAGMA user_version").fetchone()[0]
        refuse_if_newer(path, current)
        for migration in MIGRATIONS:
            if migration.version <= current:
                continue
            for statement in migration.statements:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {migration.version:d}")
            log.info("journal schema now at %d: %s", migration.version, migration.purpose)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
