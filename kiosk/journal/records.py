"""Immutable values the journal hands out: what was recorded, never a live database row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from kiosk.insurer.models import (
    Bill,
    BillLine,
    ClaimStatus,
    ClaimSubmission,
    ItemCategory,
    PreAuth,
    PreAuthClass,
    PreAuthRequest,
    PreAuthStatus,
    Reason,
    VisitType,
)
from kiosk.statement import StatementFacts


class PaymentMethod(StrEnum):
    """How the family paid the out-of-pocket part at the desk."""

    CASH = "cash"
    CARD = "card"
    WECHAT = "wechat"
    ALIPAY = "alipay"


class ClaimState(StrEnum):
    """Where a signed claim stands in the outbox."""

    WAITING = "waiting"
    """Stored, not yet recorded by the insurer; the submitter will (re)send it."""
    SENT = "sent"
    """The insurer recorded it and accepted it."""
    ATTENTION = "attention"
    """The insurer said no, or refused this device: a person must look before anything else."""
    RESOLVED = "resolved"
    """A person dealt with a claim that needed attention (for example, the family paid instead)."""
    VOIDED = "voided"
    """A manager voided it before the insurer recorded it: it is never sent; the signature, the
    bill and the reason are kept."""
    CANCELLED = "cancelled"
    """The insurer recorded and accepted it, then cancelled it at a manager's request: it pays
    nothing, and the member's fully-paid visit and pre-auth uses are given back."""


class AttemptOutcome(StrEnum):
    """What one send of a claim came to; attempts hold no personal data, only these facts."""

    IN_FLIGHT = "in-flight"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    UNREACHABLE = "unreachable"
    """Connection refused or dropped, timeout, or a 5xx: the insurer is not answering properly."""
    RETRY = "retry"
    """Another retryable failure (an answer that broke the contract, an unexpected local error)."""
    STOPPED = "stopped"
    """A definitive refusal that is not about the claim itself (device key, not found)."""
    INTERRUPTED = "interrupted"
    """The kiosk stopped (crash, power loss) while this attempt was in flight."""


@dataclass(frozen=True, slots=True)
class VisitRecord:
    id: int
    member_id: str
    service_date: date
    visit_type: VisitType
    opened_at: datetime


@dataclass(frozen=True, slots=True)
class BillLineRecord:
    line_no: int
    item_code: str
    description: str
    category: ItemCategory
    quantity: int
    unit_price_fen: int
    covered_fen: int | None
    patient_fen: int | None
    reason: Reason | None
    preauth_id: str | None
    preauth_class: PreAuthClass | None = None

    @property
    def submitted_fen(self) -> int:
        return self.quantity * self.unit_price_fen


@dataclass(frozen=True, slots=True)
class BillRecord:
    """A bill as shown to the family; covered/patient amounts are the estimate they saw, if any."""

    id: int
    visit_id: int
    clinic_invoice_no: str
    bill_hash: str
    member_id: str
    service_date: date
    visit_type: VisitType
    lines: tuple[BillLineRecord, ...]
    total_submitted_fen: int
    total_covered_fen: int | None
    total_patient_fen: int | None
    created_at: datetime

    def to_bill(self) -> Bill:
        """The contract `Bill` this record was made from, for re-estimating or claiming."""
        return Bill(
            member_id=self.member_id,
            service_date=self.service_date,
            visit_type=self.visit_type,
            lines=[
                BillLine(
                    line_no=line.line_no,
                    item_code=line.item_code,
                    description=line.description,
                    category=line.category,
                    quantity=line.quantity,
                    unit_price_fen=line.unit_price_fen,
                    preauth_id=line.preauth_id,
                    preauth_class=line.preauth_class,
                )
                for line in self.lines
            ],
        )


@dataclass(frozen=True, slots=True)
class SignatureRecord:
    id: int
    bill_id: int
    bill_hash: str
    strokes: bytes
    strokes_sha256: str
    point_count: int
    signed_at: datetime
    facts: StatementFacts | None = None
    """What else the family read when signing; None for bills signed before it was kept, and
    after the retention purge."""


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """A claim in the outbox. `submission_json` is the exact body every attempt sends."""

    id: int
    bill_id: int
    clinic_invoice_no: str
    idempotency_key: str
    submission_json: str
    state: ClaimState
    queued_at: datetime
    next_attempt_at: datetime
    failures: int
    insurer_claim_id: str | None
    insurer_status: ClaimStatus | None
    reject_code: str | None
    covered_fen: int | None
    recorded_at: datetime | None
    attention_reason: str | None

    def submission(self) -> ClaimSubmission:
        return ClaimSubmission.model_validate_json(self.submission_json)


@dataclass(frozen=True, slots=True)
class ClaimAttempt:
    id: int
    claim_id: int
    started_at: datetime
    finished_at: datetime | None
    outcome: AttemptOutcome
    error_class: str | None
    http_status: int | None


@dataclass(frozen=True, slots=True)
class PaymentRecord:
    id: int
    visit_id: int
    method: PaymentMethod
    amount_fen: int
    reference: str | None
    paid_at: datetime


@dataclass(frozen=True, slots=True)
class RefundRecord:
    """Money paid at the desk for a visit and given back by the same method, with why and who."""

    id: int
    visit_id: int
    method: PaymentMethod
    amount_fen: int
    reason: str
    reference: str | None
    refunded_by: str
    """The audit actor who made it (`staff:<id>` or `console`)."""
    refunded_at: datetime


class PreAuthRequestState(StrEnum):
    """Where a pre-auth request filed at the desk stands, as a screen says it."""

    UNSENT = "unsent"
    """Stored on this computer; the outbox sends it as soon as the insurer answers."""
    PENDING = "pending"
    INFO_REQUESTED = "info_requested"
    """The insurer asks for more information (its `decision_note` says what)."""
    APPROVED = "approved"
    DENIED = "denied"
    REFUSED = "refused"
    """The insurer would not file it (too few working days ahead, member not covered then): it
    is never sent again; reception files a corrected request."""


OPEN_PREAUTH_STATES = frozenset(
    {PreAuthRequestState.UNSENT, PreAuthRequestState.PENDING, PreAuthRequestState.INFO_REQUESTED}
)
"""A request in one of these is still in the works: the desk warns before filing another."""

NOT_SENT_BEFORE_UPGRADE = "not-sent-before-upgrade"
"""The refusal code of a request an older kiosk failed to send and never retried (journal
schema 8 and before): it is not sent now, as it may have been filed again since."""


@dataclass(frozen=True, slots=True)
class PreAuthRequestRecord:
    """A pre-auth request filed for a family: stored with its idempotency key before the outbox
    sends it, then the insurer's latest answer, or its refusal."""

    id: int
    visit_id: int | None
    idempotency_key: str
    request: PreAuthRequest
    requested_at: datetime
    insurer_preauth_id: str | None
    status: PreAuthStatus | None
    decided_at: datetime | None
    sent_at: datetime | None = None
    """When the insurer recorded it (its first answer)."""
    next_attempt_at: datetime | None = None
    """While unsent: when the outbox tries again."""
    failures: int = 0
    """Sends that failed in a way worth retrying (insurer unreachable, 5xx)."""
    last_failure: str | None = None
    """The error class of the last failed send."""
    preauth: PreAuth | None = None
    """The insurer's latest answer: status, decision note, the grant once approved."""
    polled_at: datetime | None = None
    """When the outbox last asked the insurer about it."""
    refusal_code: str | None = None
    """Why the insurer would not file it (its problem code, e.g. `preauth-lead-time`)."""
    refusal_detail: str | None = None
    """The insurer's own words for the refusal."""
    refused_at: datetime | None = None

    @property
    def member_id(self) -> str:
        return self.request.member_id

    @property
    def item_code(self) -> str:
        return self.request.item_code

    @property
    def state(self) -> PreAuthRequestState:
        if self.refusal_code is not None:
            return PreAuthRequestState.REFUSED
        if self.status is None:
            return PreAuthRequestState.UNSENT
        return PreAuthRequestState(self.status.value)

    @property
    def is_open(self) -> bool:
        """Unsent, pending or waiting for more information: the insurer has not decided."""
        return self.state in OPEN_PREAUTH_STATES


@dataclass(frozen=True, slots=True)
class PreAuthChange:
    """What the outbox learnt about one request: sent (None to pending), refused (None to None,
    with the insurer's reason), or decided (pending to approved, say). A screen tells reception."""

    request_id: int
    member_id: str
    item_code: str
    description: str
    old_status: PreAuthStatus | None
    new_status: PreAuthStatus | None
    preauth: PreAuth | None
    """The insurer's latest answer; None for a refusal."""
    refusal: str | None
    """The insurer's words when it refused to file the request."""
    refusal_code: str | None = None
    """The insurer's problem code of that refusal, for a screen's own wording."""


class QueueCondition(StrEnum):
    """The one thing a screen says about the outbox, most urgent first."""

    SENDER_FAILING = "sender-failing"
    """The outbox cannot use this computer's journal (or failed) at its last try: it keeps
    trying; claims already signed are kept, but none is sent until it recovers."""
    DEVICE_KEY_REFUSED = "device-key-refused"
    """The insurer refuses this kiosk's device key: nothing can be sent until it is registered
    again (`kiosk register`); the claims keep waiting."""
    NEEDS_ATTENTION = "needs-attention"
    UNREACHABLE = "unreachable"
    WAITING = "waiting"
    ALL_SENT = "all-sent"


@dataclass(frozen=True, slots=True)
class QueueState:
    """Snapshot of the outbox for screens: cheap to copy, safe to hand to another thread."""

    waiting: int
    attention: int
    unreachable_since: datetime | None
    """Start of the current run of failed sends while claims wait; None when the insurer answers."""
    device_key_refused: bool = False
    """The insurer refused the device key at the last try; the submitter holds the queue."""
    sender_failing: bool = False
    """The submitter's last round failed (journal unreadable, or a bug); counts may be stale."""

    @property
    def condition(self) -> QueueCondition:
        if self.sender_failing:
            return QueueCondition.SENDER_FAILING
        if self.device_key_refused:
            return QueueCondition.DEVICE_KEY_REFUSED
        if self.attention:
            return QueueCondition.NEEDS_ATTENTION
        if self.unreachable_since is not None:
            return QueueCondition.UNREACHABLE
        if self.waiting:
            return QueueCondition.WAITING
        return QueueCondition.ALL_SENT
