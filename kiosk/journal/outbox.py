"""The claim outbox's submitter: a background thread that sends stored claims until each is done.

The claim and its idempotency key are committed by `Transaction.enqueue_claim` before this thread
sees them, and every attempt re-sends the stored body under the stored key, so a crash anywhere
leads at worst to one more send that the insurer answers as a replay. Failures the insurer might
recover from are retried with exponential backoff and jitter; a definitive no stops the claim and
shows it to a person. A refused device key is about the kiosk, not the claim: the claim keeps
waiting and the whole queue pauses (its state says so) until `wake()` tries again.
Each round, after the claims and the statements, the same thread sends the pre-auth requests
filed at the desk and asks the insurer about those it has not decided (`preauth_outbox`), then
asks how the sent claims stand until each is reviewed and paid (`claim_watch`); their failures
never hold the claims back.
Nothing here blocks the caller: `wake`, `state` and `subscribe` return at once, and subscribers
are called on the submitter's thread (a Qt screen forwards via a signal); only `pass_now` waits.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Protocol

from pydantic import ValidationError

from kiosk.insurer.errors import (
    DeviceKeyMissing,
    InsurerAuthError,
    InsurerError,
    InsurerRejected,
    InsurerServerError,
    InsurerUnreachable,
)
from kiosk.insurer.models import (
    ClaimResult,
    ClaimSubmission,
    PreAuthCreated,
    PreAuthList,
    PreAuthRequest,
    StatementStored,
    StatementUpload,
)
from kiosk.journal.claim_changes import record_replacement
from kiosk.journal.claim_watch import ClaimStatusCallback, ClaimStatusWatcher
from kiosk.journal.errors import JournalError, RecordConflict
from kiosk.journal.preauth_outbox import PreAuthCallback, PreAuthCourier
from kiosk.journal.records import AttemptOutcome, ClaimRecord, QueueState
from kiosk.journal.retry_schedule import RetrySchedule
from kiosk.journal.statements import (
    StatementDelivery,
    record_statement_delivered,
    record_statement_refused,
    statements_due,
)
from kiosk.journal.store import Journal
from kiosk.journal.subscribers import Subscribers

log = logging.getLogger(__name__)

_FAR_FUTURE = datetime.max.replace(tzinfo=UTC)

StateCallback = Callable[[QueueState], None]


class ClaimSender(Protocol):
    """What the submitter needs from the insurer client (`kiosk.insurer.client.InsurerClient`)."""

    def submit_claim(self, submission: ClaimSubmission, idempotency_key: str) -> ClaimResult: ...

    def send_statement(self, claim_id: str, upload: StatementUpload) -> StatementStored: ...

    def request_preauth(self, request: PreAuthRequest, idempotency_key: str) -> PreAuthCreated: ...

    def preauths(self, member_id: str) -> PreAuthList: ...

    def claim(self, claim_id: str) -> ClaimResult: ...


class ClaimSubmitter:
    """Sends waiting claims from the journal to the insurer on its own thread.

    Only this thread uses `sender` (requests sessions are not shared between threads). On start it
    closes attempts a crash cut short and resumes; after it sees the insurer fail it holds the
    whole queue back by the backoff schedule; `wake()` retries everything now.
    """

    def __init__(
        self,
        journal: Journal,
        sender: ClaimSender,
        *,
        schedule: RetrySchedule | None = None,
        poll_interval: timedelta = timedelta(seconds=30),
        preauth_poll_interval: timedelta = timedelta(minutes=2),
        rng: random.Random | None = None,
    ) -> None:
        """`poll_interval` is the longest the thread sleeps; `preauth_poll_interval` how often
        the insurer is asked about a member's undecided pre-auth requests."""
        self._journal = journal
        self._sender = sender
        self._schedule = schedule or RetrySchedule()
        self._poll_interval = poll_interval.total_seconds()
        self._rng = rng or random.Random()
        self._wakeup = threading.Event()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._pass_ended = threading.Condition(self._lock)
        self._passes_begun = 0
        self._passes_ended = 0
        self._subscribers: Subscribers[QueueState] = Subscribers("outbox's state")
        self._state = journal.queue_state()
        self._thread: threading.Thread | None = None
        self._retry_now = False
        self._paused = False
        self._held_until: datetime | None = None
        self._failures_in_a_row = 0
        self._sender_failing = False
        self._preauths = PreAuthCourier(
            journal,
            sender,
            schedule=self._schedule,
            poll_interval=preauth_poll_interval,
            rng=self._rng,
            stopping=self._stopping,
            claims_first=self._claims_first,
        )
        self._statuses = ClaimStatusWatcher(
            journal,
            sender,
            schedule=self._schedule,
            rng=self._rng,
            stopping=self._stopping,
            claims_first=self._claims_first,
        )

    # --- the caller's side: none of these wait on the network or the disk -----------------------

    @property
    def state(self) -> QueueState:
        with self._lock:
            return self._state

    def subscribe(self, callback: StateCallback) -> Callable[[], None]:
        """Call `callback(state)` on the submitter thread at each change; returns unsubscribe."""
        return self._subscribers.subscribe(callback)

    def subscribe_preauth_changes(self, callback: PreAuthCallback) -> Callable[[], None]:
        """Call `callback(change)` on the submitter thread for each pre-auth request sent or
        refused, and each status the insurer moves one to; returns unsubscribe."""
        return self._preauths.subscribe(callback)

    def wake(self) -> None:
        """Retry every waiting claim and unsent pre-auth request now (a person asked, or a new
        claim or request was queued)."""
        with self._lock:
            self._retry_now = True
        self._preauths.retry_now()
        self._statuses.resume()
        self._wakeup.set()

    def subscribe_claim_status_changes(self, callback: ClaimStatusCallback) -> Callable[[], None]:
        """Call `callback(change)` on the submitter thread each time the insurer moves a sent
        claim on (reviewed, paid, rejected after review, a family balance paid)."""
        return self._statuses.subscribe(callback)

    def check_claim_statuses(self) -> None:
        """Ask the insurer about every sent claim not yet settled now, whatever its schedule (a
        manager asked)."""
        self._statuses.ask_now()
        self._wakeup.set()

    def check_preauths(self) -> None:
        """Ask the insurer about every undecided pre-auth request now, whatever the interval (a
        person asked)."""
        self._preauths.ask_now()
        self._wakeup.set()

    def pass_now(self, timeout: float = 10.0) -> bool:
        """Have the thread go over the queue now, as at any wake-up (the backoff and a refused
        device key still hold it back: only `wake()` lifts them), and wait until that pass has
        ended: what was queued or asked before this call has then been tried. False when no pass
        ended within `timeout` (a send still in flight, or the thread not running)."""
        with self._lock:
            first_new = self._passes_begun + 1
        self._wakeup.set()
        with self._pass_ended:
            return self._pass_ended.wait_for(lambda: self._passes_ended >= first_new, timeout)

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the submitter is already started")
        self._thread = threading.Thread(target=self._run, name="claim-submitter", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """Ask the thread to finish; True when it did within `timeout` (a send may be in flight)."""
        self._stopping.set()
        self._wakeup.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # --- the submitter thread -------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._close_interrupted_attempts()
            while not self._stopping.is_set():
                self._wakeup.clear()
                with self._lock:
                    self._passes_begun += 1
                sleep = self._one_round()
                with self._pass_ended:
                    self._passes_ended += 1
                    self._pass_ended.notify_all()
                self._wakeup.wait(sleep)
        finally:
            if not self._stopping.is_set():
                log.critical("outbox sender stopped; claims wait until the kiosk restarts")
                with self._lock:
                    self._sender_failing = True
                self._publish()

    def _close_interrupted_attempts(self) -> None:
        """Only this thread sends, so a send still marked in flight was cut short: by a crash
        before this start, or by a journal failure that kept its answer from being recorded."""
        try:
            with self._journal.transaction(actor="outbox") as tx:
                interrupted = tx.close_interrupted_attempts()
            if interrupted:
                log.info("outbox resumed after %d interrupted send(s)", interrupted)
        except Exception:
            log.exception("outbox could not note interrupted sends; continuing")

    def _one_round(self) -> float | None:
        """Send what is due; the seconds to sleep after. Survives any failure of the journal,
        the network or this code: it holds back, says so in its state, and tries again."""
        try:
            if self._sender_failing:
                self._close_interrupted_attempts()
            self._publish()
            self._send_due()
            self._deliver_statements()
            if not self._stopping.is_set():
                self._preauths.run_round()
            if not self._stopping.is_set():
                self._statuses.run_round()
            sleep = None if self._stopping.is_set() else self._seconds_to_sleep()
            with self._lock:
                self._sender_failing = False
            self._publish()
            return sleep
        except Exception as exc:
            if isinstance(exc, JournalError):
                log.exception("outbox cannot use the journal; holding back")
            else:
                log.exception("outbox failed unexpectedly; holding back")
            return self._held_back_seconds()

    def _held_back_seconds(self) -> float:
        """Hold the queue back without asking the journal (it may be what fails): the wait is
        slept, not scheduled against the journal's clock."""
        wait = self._hold_back(None)
        with self._lock:
            self._sender_failing = True
        self._publish()
        return min(wait.total_seconds(), self._poll_interval)

    def _send_due(self) -> None:
        """Send what is due; after `wake()`, sweep every waiting claim once, whatever its
        schedule, until the insurer fails again."""
        swept: set[int] = set()
        sweeping = False
        while not self._stopping.is_set():
            now = self._journal.now()
            with self._lock:
                if self._retry_now:
                    self._retry_now = False
                    self._paused = False
                    self._held_until = None
                    sweeping = True
                elif self._paused or (self._held_until is not None and now < self._held_until):
                    return
            horizon = _FAR_FUTURE if sweeping else now
            due = [
                claim
                for claim in self._journal.due_claims(horizon, limit=len(swept) + 1)
                if claim.id not in swept
            ]
            if not due:
                return
            swept.add(due[0].id)
            self._attempt(due[0])
            self._publish()

    def _deliver_statements(self) -> None:
        """Hand the family's statements of accepted claims to the insurer, after the claims (a
        claim never waits for a document). A failure the insurer may recover from leaves the
        statement due for the next round; a definitive no is kept with the statement."""
        with self._lock:
            if self._paused or self._held_until is not None:
                return
        for delivery in statements_due(self._journal):
            if self._stopping.is_set() or not self._deliver(delivery):
                return

    def _deliver(self, delivery: StatementDelivery) -> bool:
        """Send one statement; False when the insurer cannot take any now."""
        statement = delivery.statement
        try:
            upload = StatementUpload.of(statement.version, statement.pdf)
        except ValidationError:
            log.error("statement %d: its kept bytes are not a deliverable PDF", statement.id)
            with self._journal.transaction(actor="outbox") as tx:
                record_statement_refused(tx, statement.id, "stored-statement-invalid")
            return True
        try:
            stored = self._sender.send_statement(delivery.insurer_claim_id, upload)
        except InsurerError as exc:
            log.warning("statement %d not delivered: %s", statement.id, type(exc).__name__)
            if exc.retryable or isinstance(exc, InsurerAuthError | DeviceKeyMissing):
                return False
            with self._journal.transaction(actor="outbox") as tx:
                record_statement_refused(tx, statement.id, type(exc).__name__)
            return True
        with self._journal.transaction(actor="outbox") as tx:
            if stored.pdf_sha256 != statement.pdf_sha256 or stored.version != statement.version:
                record_statement_refused(tx, statement.id, "answer-for-another-statement")
            else:
                record_statement_delivered(tx, statement.id)
        return True

    def _attempt(self, claim: ClaimRecord) -> None:
        """Send one claim once and record what came of it; `claim` is as it was picked: one
        voided since is left unsent (`begin_attempt` reads its state again)."""
        try:
            with self._journal.transaction(actor="outbox") as tx:
                attempt_id = tx.begin_attempt(claim.id)
        except RecordConflict:
            log.info("claim %d is no longer waiting to send; not sent", claim.id)
            return
        try:
            submission = claim.submission()
        except ValidationError as exc:
            self._stop_invalid(claim, attempt_id, exc)
            return
        try:
            result = self._sender.submit_claim(submission, claim.idempotency_key)
        except InsurerError as exc:
            self._record_failure(claim, attempt_id, exc)
            return
        except Exception as exc:
            log.exception("claim %d: the insurer client failed unexpectedly", claim.id)
            self._record_retry(claim, attempt_id, AttemptOutcome.RETRY, type(exc).__name__, None)
            return
        with self._journal.transaction(actor="outbox") as tx:
            if (
                result.idempotency_key != claim.idempotency_key
                or result.bill_hash != submission.bill_hash
            ):
                log.error("claim %d: the insurer answered for another claim", claim.id)
                tx.record_claim_refused(
                    attempt_id,
                    AttemptOutcome.STOPPED,
                    reason="answer-for-another-claim",
                    error_class="ClaimResult",
                )
                return
            recorded = tx.record_claim_answer(attempt_id, result)
            if submission.replaces is not None:  # a correction: the claim it replaced is gone
                record_replacement(tx, recorded, result)
        log.info("claim %d recorded by the insurer: %s", claim.id, recorded.insurer_status)
        with self._lock:
            self._sender_failing = False
            self._failures_in_a_row = 0
            self._held_until = None
            self._paused = False

    def _stop_invalid(self, claim: ClaimRecord, attempt_id: int, exc: ValidationError) -> None:
        """A stored body that is no longer a valid claim (queued by an older kiosk, before claims
        carried the bill as shown) would be refused by the insurer on every send and would block
        the queue: stop it for a person, unsent. The log names the fields, never their values."""
        fields = sorted({".".join(map(str, error["loc"])) for error in exc.errors()})
        log.error("claim %d: its stored body is not a valid claim (%s); stopped", claim.id, fields)
        with self._journal.transaction(actor="outbox") as tx:
            tx.record_claim_refused(
                attempt_id,
                AttemptOutcome.STOPPED,
                reason="stored-claim-invalid",
                error_class="ValidationError",
            )

    def _record_failure(self, claim: ClaimRecord, attempt_id: int, exc: InsurerError) -> None:
        error_class = type(exc).__name__
        status = getattr(exc, "status", None)
        log.warning("claim %d not sent: %s", claim.id, error_class)
        if isinstance(exc, InsurerAuthError | DeviceKeyMissing):
            self._refused_device(claim, attempt_id, error_class, status)
            return
        if exc.retryable:
            unreachable = isinstance(exc, InsurerUnreachable | InsurerServerError)
            outcome = AttemptOutcome.UNREACHABLE if unreachable else AttemptOutcome.RETRY
            self._record_retry(claim, attempt_id, outcome, error_class, status)
            return
        with self._journal.transaction(actor="outbox") as tx:
            if isinstance(exc, InsurerRejected):
                tx.record_claim_refused(
                    attempt_id,
                    AttemptOutcome.REJECTED,
                    reason=f"rejected:{exc.code}",
                    error_class=error_class,
                    http_status=exc.status,
                    reject_code=exc.code,
                )
                return
            tx.record_claim_refused(
                attempt_id, AttemptOutcome.STOPPED, reason=error_class, error_class=error_class
            )

    def _refused_device(
        self, claim: ClaimRecord, attempt_id: int, error_class: str, status: int | None
    ) -> None:
        """The insurer refuses this kiosk, not the claim: the claim keeps waiting, due now, and
        the whole queue pauses until `wake()` (a re-registered key, a person retrying)."""
        with self._journal.transaction(actor="outbox") as tx:
            tx.record_claim_retry(
                attempt_id,
                AttemptOutcome.RETRY,
                error_class=error_class,
                next_attempt_at=self._journal.now(),
                http_status=status,
            )
        with self._lock:
            self._paused = True

    def _record_retry(
        self,
        claim: ClaimRecord,
        attempt_id: int,
        outcome: AttemptOutcome,
        error_class: str,
        status: int | None,
    ) -> None:
        now = self._journal.now()
        next_attempt = now + self._schedule.delay(claim.failures + 1, self._rng)
        with self._journal.transaction(actor="outbox") as tx:
            tx.record_claim_retry(
                attempt_id,
                outcome,
                error_class=error_class,
                next_attempt_at=next_attempt,
                http_status=status,
            )
        if outcome is AttemptOutcome.UNREACHABLE:
            self._hold_back(now)

    def _hold_back(self, now: datetime | None) -> timedelta:
        """The insurer (or the disk) is failing: keep the whole queue back, not one claim, until
        `now` plus the returned wait (without `now`, the caller sleeps it out)."""
        with self._lock:
            self._failures_in_a_row += 1
            wait = self._schedule.delay(self._failures_in_a_row, self._rng)
            self._held_until = None if now is None else now + wait
            self._retry_now = False
        return wait

    def _claims_first(self) -> bool:
        """A wake-up came (a claim may have been signed): the pre-auths give the thread back."""
        with self._lock:
            return self._retry_now

    def _seconds_to_sleep(self) -> float | None:
        waits = [
            self._claims_seconds_to_sleep(),
            self._preauths.seconds_to_sleep(),
            self._statuses.seconds_to_sleep(),
        ]
        known = [wait for wait in waits if wait is not None]
        if not known:
            return None
        return min(min(known), self._poll_interval)

    def _claims_seconds_to_sleep(self) -> float | None:
        with self._lock:
            if self._retry_now:
                return 0.0
            if self._paused:
                return None
            held_until = self._held_until
        due = self._journal.next_attempt_at()
        if due is None:
            return self._poll_interval
        if held_until is not None:
            due = max(due, held_until)
        seconds = (due - self._journal.now()).total_seconds()
        return min(max(seconds, 0.0), self._poll_interval)

    def _publish(self) -> None:
        """Tell subscribers the queue's state; when the journal cannot say, repeat the last
        known counts marked `sender_failing`, so the desk never shows "all sent" by mistake."""
        try:
            counts: QueueState | None = self._journal.queue_state()
        except Exception:
            log.exception("outbox cannot read its state")
            counts = None
        with self._lock:
            if counts is None:
                self._sender_failing = True
                counts = self._state
            state = replace(
                counts, device_key_refused=self._paused, sender_failing=self._sender_failing
            )
            if state == self._state:
                return
            self._state = state
        self._subscribers.tell(state)
