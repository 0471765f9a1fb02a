"""The local journal (SQLite) and the claim outbox that sends signed claims to the insurer."""

from kiosk.journal.audit import AuditEntry, AuditVerdict
from kiosk.journal.errors import (
    JournalError,
    JournalTooNew,
    JournalUnavailable,
    RecordConflict,
    RecordNotFound,
)
from kiosk.journal.outbox import ClaimSender, ClaimSubmitter, RetrySchedule
from kiosk.journal.records import (
    AttemptOutcome,
    BillLineRecord,
    BillRecord,
    ClaimAttempt,
    ClaimRecord,
    ClaimState,
    PaymentMethod,
    PaymentRecord,
    PreAuthRequestRecord,
    QueueCondition,
    QueueState,
    SignatureRecord,
    VisitRecord,
)
from kiosk.journal.store import MIGRATIONS, SCHEMA_VERSION, Journal, Transaction

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AttemptOutcome",
    "AuditEntry",
    "AuditVerdict",
    "BillLineRecord",
    "BillRecord",
    "ClaimAttempt",
    "ClaimRecord",
    "ClaimSender",
    "ClaimState",
    "ClaimSubmitter",
    "Journal",
    "JournalError",
    "JournalTooNew",
    "JournalUnavailable",
    "PaymentMethod",
    "PaymentRecord",
    "PreAuthRequestRecord",
    "QueueCondition",
    "QueueState",
    "RecordConflict",
    "RecordNotFound",
    "RetrySchedule",
    "SignatureRecord",
    "Transaction",
    "VisitRecord",
]
