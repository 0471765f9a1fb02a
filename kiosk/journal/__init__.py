"""The local journal (SQLite) and the claim outbox that sends signed claims to the insurer.

The desk stores a signed claim with `Transaction.enqueue_claim` (which makes its idempotency key)
and then calls `ClaimSubmitter.wake()`; the submitter's thread sends it, retries what can be
retried and stops for a person on a definitive no. Screens read `ClaimSubmitter.state` and
`subscribe` to changes; nothing of this waits on the network in the caller's thread.

    journal = Journal.open(path)
    submitter = ClaimSubmitter(journal, InsurerClient(url, key, retries=0))
    submitter.start()
    with journal.transaction(actor="desk") as tx:
        tx.enqueue_claim(bill_id, submission)
    submitter.wake()
    ...
    submitter.stop()
    journal.close()

Reading order: `schema` (the tables and their migrations), `records` (the values handed out),
`rows` (how rows become those values), `store` (`Journal` and `Transaction`), then the features
built on them: `audit` and `seals`, `outbox`, `statements`, `payments`, `preauth_requests` and
`preauth_outbox`, `staff_accounts`, `reporting`, `day_closes`, `backup`.
"""

from kiosk.journal.audit import AuditEntry, AuditVerdict
from kiosk.journal.errors import (
    JournalError,
    JournalNotAJournal,
    JournalTooNew,
    JournalUnavailable,
    RecordConflict,
    RecordNotFound,
)
from kiosk.journal.outbox import ClaimSender, ClaimSubmitter
from kiosk.journal.records import (
    AttemptOutcome,
    BillLineRecord,
    BillRecord,
    ClaimAttempt,
    ClaimRecord,
    ClaimState,
    PaymentMethod,
    PaymentRecord,
    PreAuthChange,
    PreAuthRequestRecord,
    PreAuthRequestState,
    QueueCondition,
    QueueState,
    RefundRecord,
    SignatureRecord,
    VisitRecord,
)
from kiosk.journal.retry_schedule import RetrySchedule
from kiosk.journal.schema import MIGRATIONS, SCHEMA_VERSION
from kiosk.journal.store import Journal, Transaction

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
    "JournalNotAJournal",
    "JournalTooNew",
    "JournalUnavailable",
    "PaymentMethod",
    "PaymentRecord",
    "PreAuthChange",
    "PreAuthRequestRecord",
    "PreAuthRequestState",
    "QueueCondition",
    "QueueState",
    "RecordConflict",
    "RecordNotFound",
    "RefundRecord",
    "RetrySchedule",
    "SignatureRecord",
    "Transaction",
    "VisitRecord",
]
