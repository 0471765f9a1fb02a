"""The sandbox insurer's database schema, and how an older database is brought up to it.

Version 1 was the first schema; each later version says what it added. A new database is made at
the current version (and seeded with the demo data by `insurer_sandbox.store.Store`); an older
one gets each addition it lacks, in order.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from insurer_sandbox import appointment_book, claim_outcomes, phone_guarantees
from insurer_sandbox.demo import DEMO_MEMBERS
from insurer_sandbox.preauth_grants import GrantTerms, granted, write_grant
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk.insurer.models import PreAuthStatus

SCHEMA_VERSION = 9

_CLAIMS_BY_BILL = (
    "CREATE UNIQUE INDEX claims_by_bill ON claims (clinic_id, clinic_invoice_no, bill_hash)"
)
"""One claim per bill (the clinic's invoice number and the hash the family signed), whatever the
idempotency key: added in version 2."""

_AUDIT_HEAD_COLUMNS = (
    "audit_head_seq INTEGER CHECK (audit_head_seq IS NULL OR audit_head_seq >= 1)",
    "audit_head_hash TEXT CHECK (audit_head_hash IS NULL OR length(audit_head_hash) = 64)",
)
"""The kiosk's audit trail head sent with a claim (none from older kiosks): added in version 3."""

_STATEMENTS = """CREATE TABLE IF NOT EXISTS statements (
    claim_id TEXT NOT NULL REFERENCES claims(claim_id),
    version INTEGER NOT NULL CHECK (version >= 1),
    pdf BLOB NOT NULL,
    pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
    stored_at TEXT NOT NULL,
    PRIMARY KEY (claim_id, version)
)"""
"""The family's statements of its claims, for the e-card's visit records: added in version 4."""

_PREAUTH_GRANT_COLUMNS = (
    "auth_number TEXT",
    "approved_fen INTEGER CHECK (approved_fen IS NULL OR approved_fen >= 0)",
    "valid_from TEXT",
    "valid_until TEXT",
    "uses_allowed INTEGER CHECK (uses_allowed IS NULL OR uses_allowed >= 1)",
    "item_codes_json TEXT",
    "categories_json TEXT",
    "decision_note TEXT",
    "emergency INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1))",
)
"""What an approval grants (amount, window, uses, items), why a request was denied or what more
the insurer needs, and whether it was filed as an emergency: added in version 5."""

_VERSION_5_TABLES = (
    "CREATE UNIQUE INDEX preauths_by_auth_number ON preauths (auth_number)",
    """CREATE TABLE preauth_attachments (
    preauth_id TEXT NOT NULL REFERENCES preauths (preauth_id),
    position INTEGER NOT NULL CHECK (position >= 1),
    title TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    data BLOB NOT NULL,
    PRIMARY KEY (preauth_id, position)
)""",
    """CREATE TABLE preauth_uses (
    preauth_id TEXT NOT NULL REFERENCES preauths (preauth_id),
    claim_id TEXT NOT NULL,
    line_no INTEGER NOT NULL CHECK (line_no >= 1),
    units INTEGER NOT NULL CHECK (units >= 1),
    covered_fen INTEGER NOT NULL CHECK (covered_fen >= 0),
    released INTEGER NOT NULL DEFAULT 0 CHECK (released IN (0, 1)),
    PRIMARY KEY (claim_id, line_no)
)""",
    "CREATE INDEX preauth_uses_by_preauth ON preauth_uses (preauth_id, released)",
    "CREATE INDEX claims_by_member ON claims (member_id, service_date)",
    "ALTER TABLE members ADD COLUMN billed_before_fen INTEGER NOT NULL DEFAULT 0 "
    "CHECK (billed_before_fen >= 0)",
    "ALTER TABLE claims ADD COLUMN cancelled_at TEXT",
    "ALTER TABLE claims ADD COLUMN cancel_reason TEXT",
)
"""Version 5: attachments kept with their bytes, the uses claims made of approvals (a claim
line's units and covered amount; `claim_id` is not a foreign key, as the demo's used approval
was used by a claim from before the sandbox's records), the member's billed cost before the
sandbox's claims, and a cancelled claim's time and reason."""

_VERSION_6 = (
    "ALTER TABLE claims ADD COLUMN replaces TEXT",
    "ALTER TABLE claims ADD COLUMN replaced_by TEXT",
    "CREATE UNIQUE INDEX claims_by_replaced ON claims (replaces) WHERE replaces IS NOT NULL",
)
"""Version 6: corrected claims, linked both ways to the claim each replaced (one correction per
claim)."""

_VERSION_7 = (
    phone_guarantees.TABLE,
    "ALTER TABLE claims ADD COLUMN phone_guarantee TEXT",
)
"""Version 7: the hotline's phone guarantees (`insurer_sandbox.phone_guarantees`), and the one a
claim was signed under."""

_VERSION_8 = (*claim_outcomes.CLAIM_COLUMNS, *claim_outcomes.TABLES)
"""Version 8: a claim's life after acceptance (`insurer_sandbox.claim_outcomes`): the insurer's
review and what it moved to the family, the family paying it, and the remittances that pay the
clinic."""

_VERSION_9 = (appointment_book.TABLE, *appointment_book.INDEXES)
"""Version 9: the appointments the insurer books for members (`insurer_sandbox.appointment_book`).
An upgraded database has none: the demo's appointments come with a new one."""

_SCHEMA = """
CREATE TABLE clinics (
    clinic_id TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE device_keys (
    key_hash TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL REFERENCES clinics (clinic_id),
    created_at TEXT NOT NULL
);
CREATE TABLE members (
    member_id TEXT PRIMARY KEY,
    policy_number TEXT NOT NULL UNIQUE,
    child_name TEXT NOT NULL,
    guardian_phone TEXT NOT NULL,
    birth_year INTEGER NOT NULL,
    tier TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    free_visits_used INTEGER NOT NULL CHECK (free_visits_used >= 0),
    unpaid_fen INTEGER CHECK (unpaid_fen IS NULL OR unpaid_fen > 0),
    unpaid_claim_ref TEXT
);
CREATE TABLE benefit_usage (
    member_id TEXT NOT NULL REFERENCES members (member_id),
    benefit TEXT NOT NULL,
    used_fen INTEGER NOT NULL CHECK (used_fen >= 0),
    PRIMARY KEY (member_id, benefit)
);
CREATE TABLE preauths (
    preauth_id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members (member_id),
    clinic_id TEXT,
    idempotency_key TEXT,
    request_hash TEXT,
    item_code TEXT NOT NULL,
    description TEXT NOT NULL,
    category TEXT NOT NULL,
    planned_date TEXT NOT NULL,
    diagnosis TEXT NOT NULL,
    estimated_cost_fen INTEGER NOT NULL CHECK (estimated_cost_fen >= 0),
    status TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    decided_at TEXT,
    calendar_json TEXT,
    UNIQUE (clinic_id, idempotency_key)
);
CREATE TABLE claims (
    claim_id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    member_id TEXT NOT NULL,
    service_date TEXT NOT NULL,
    status TEXT NOT NULL,
    reject_code TEXT,
    bill_json TEXT NOT NULL,
    bill_hash TEXT NOT NULL,
    signature_json TEXT NOT NULL,
    expected_covered_fen INTEGER NOT NULL,
    clinic_invoice_no TEXT NOT NULL,
    adjudication_json TEXT NOT NULL,
    total_submitted_fen INTEGER NOT NULL CHECK (total_submitted_fen >= 0),
    total_covered_fen INTEGER NOT NULL CHECK (total_covered_fen >= 0),
    total_patient_fen INTEGER NOT NULL CHECK (total_patient_fen >= 0),
    recorded_at TEXT NOT NULL,
    recorded_day TEXT NOT NULL,
    audit_head_seq INTEGER CHECK (audit_head_seq IS NULL OR audit_head_seq >= 1),
    audit_head_hash TEXT CHECK (audit_head_hash IS NULL OR length(audit_head_hash) = 64),
    UNIQUE (clinic_id, idempotency_key)
);
CREATE INDEX claims_by_day ON claims (clinic_id, recorded_day);
CREATE UNIQUE INDEX claims_by_bill ON claims (clinic_id, clinic_invoice_no, bill_hash);
CREATE TABLE sandbox_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def migrate(db: sqlite3.Connection, version: int) -> None:
    """Bring a database at `version` (0: new and empty) up to `SCHEMA_VERSION`, inside the
    caller's transaction; the caller seeds a new one and sets `user_version`."""
    if version == 0:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
    if version == 1:
        db.execute(_CLAIMS_BY_BILL)
    if version in (1, 2):
        for column in _AUDIT_HEAD_COLUMNS:
            db.execute(f"ALTER TABLE claims ADD COLUMN {column}")
    if version in (0, 1, 2, 3):
        db.execute(_STATEMENTS)
    if version in (0, 1, 2, 3, 4):
        for column in _PREAUTH_GRANT_COLUMNS:
            db.execute(f"ALTER TABLE preauths ADD COLUMN {column}")
        for statement in _VERSION_5_TABLES:
            db.execute(statement)
    if version in (1, 2, 3, 4):
        _to_version_5(db)
    if version in (0, 1, 2, 3, 4, 5):
        for statement in _VERSION_6:
            db.execute(statement)
    if version in (0, 1, 2, 3, 4, 5, 6):
        for statement in _VERSION_7:
            db.execute(statement)
    if version in (0, 1, 2, 3, 4, 5, 6, 7):
        for statement in _VERSION_8:
            db.execute(statement)
    if version in (0, 1, 2, 3, 4, 5, 6, 7, 8):
        for statement in _VERSION_9:
            db.execute(statement)


def _to_version_5(db: sqlite3.Connection) -> None:
    """An older database's approvals become approvals with the default grant (from their decision
    day; they covered without limit before), and its demo members get the billed cost the demo
    gives them. Members added to the demo since are not in it: a new `--data` directory has them."""
    approved = db.execute(
        "SELECT * FROM preauths WHERE status = ? AND auth_number IS NULL",
        (PreAuthStatus.APPROVED.value,),
    ).fetchall()
    for row in approved:
        decided = datetime.fromisoformat(row["decided_at"] or row["requested_at"])
        grant = granted(row, GrantTerms(), decided.astimezone(BUSINESS_TZ).date())
        write_grant(db, row["preauth_id"], grant)
    db.executemany(
        "UPDATE members SET billed_before_fen = ? WHERE member_id = ?",
        [(m.billed_before_fen, m.member_id) for m in DEMO_MEMBERS],
    )
