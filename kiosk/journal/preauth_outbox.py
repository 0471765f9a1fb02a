"""The outbox's pre-auth half: it sends the requests filed at the desk and asks the insurer about
those it has not decided, on the claim submitter's thread, after the claims.

Sending mirrors the claims: the stored body goes under the stored idempotency key (the insurer
files it once however often it arrives), a failure worth retrying waits by the backoff schedule,
a definitive no is kept with the insurer's reason and never sent again. Asking is one call per
member (`GET /v1/preauths?member_id=`, which lists all of that member's pre-auths) at most every
`poll_interval` per member. Its failures hold back pre-auths only: the claims keep their own
schedule, and a wake-up (a claim just signed) has the thread go back to the claims first.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Protocol

from kiosk.insurer.errors import (
    DeviceKeyMissing,
    InsurerAuthError,
    InsurerError,
    InsurerNotFound,
    InsurerRejected,
    InsurerServerError,
    InsurerUnreachable,
)
from kiosk.insurer.models import PreAuthCreated, PreAuthList, PreAuthRequest
from kiosk.journal.errors import RecordConflict
from kiosk.journal.preauth_requests import (
    last_asked_at,
    members_to_ask,
    next_preauth_attempt_at,
    preauth_requests_due,
    record_preauth_polled,
    record_preauth_refused,
    record_preauth_retry,
    record_preauth_sent,
    sent_open_requests,
)
from kiosk.journal.records import PreAuthChange, PreAuthRequestRecord
from kiosk.journal.retry_schedule import RetrySchedule
from kiosk.journal.store import Journal
from kiosk.journal.subscribers import Subscribers

log = logging.getLogger(__name__)

_FAR_FUTURE = datetime.max.replace(tzinfo=UTC)

PreAuthCallback = Callable[[PreAuthChange], None]


class PreAuthSender(Protocol):
    """What the outbox needs from the insurer client for pre-auths."""

    def request_preauth(self, request: PreAuthRequest, idempotency_key: str) -> PreAuthCreated: ...

    def preauths(self, member_id: str) -> PreAuthList: ...


class PreAuthCourier:
    """Sends unsent pre-auth requests and asks about open ones; runs on the submitter's thread.

    `claims_first()` is asked before each call to the insurer: True (a claim is waiting to go
    now) makes the courier stop for this round. `retry_now`, `ask_now` and `subscribe` may be
    called from any thread; the rest only from the submitter's.
    """

    def __init__(
        self,
        journal: Journal,
        sender: PreAuthSender,
        *,
        schedule: RetrySchedule,
        poll_interval: timedelta,
        rng: random.Random,
        stopping: threading.Event,
        claims_first: Callable[[], bool],
    ) -> None:
        self._journal = journal
        self._sender = sender
        self._schedule = schedule
        self._poll_interval = poll_interval
        self._rng = rng
        self._stopping = stopping
        self._claims_first = claims_first
        self._lock = threading.Lock()
        self._subscribers: Subscribers[PreAuthChange] = Subscribers("pre-auth changes")
        self._retry_now = False
        self._ask_now = False
        self._paused = False
        self._held_until: datetime | None = None
        self._failures_in_a_row = 0

    # --- any thread -----------------------------------------------------------------------------

    def subscribe(self, callback: PreAuthCallback) -> Callable[[], None]:
        return self._subscribers.subscribe(callback)

    def retry_now(self) -> None:
        """Send every unsent request at the next round, whatever its schedule or a hold-back."""
        with self._lock:
            self._retry_now = True

    def ask_now(self) -> None:
        """Ask about every open request at the next round, whatever the interval."""
        with self._lock:
            self._ask_now = True

    # --- the submitter's thread -----------------------------------------------------------------

    def run_round(self) -> None:
        """Send what is due, then ask about what is due. Any failure holds pre-auths back only."""
        try:
            self._send_due()
            self._ask_due()
        except Exception:
            log.exception("pre-auth outbox failed; holding pre-auths back")
            self._hold_back()

    def seconds_to_sleep(self) -> float | None:
        """Until the next request is due or the next question is, None while paused (a refused
        device key: only `retry_now` lifts it)."""
        with self._lock:
            if self._retry_now or self._ask_now:
                return 0.0
            if self._paused:
                return None
            held_until = self._held_until
        moments = [next_preauth_attempt_at(self._journal)]
        asked = last_asked_at(self._journal)
        moments.append(asked + self._poll_interval if asked is not None else None)
        due = min((m for m in moments if m is not None), default=None)
        if due is None:
            return None
        if held_until is not None:
            due = max(due, held_until)
        return max((due - self._journal.now()).total_seconds(), 0.0)

    def _held_back(self, now: datetime) -> bool:
        with self._lock:
            return self._paused or (self._held_until is not None and now < self._held_until)

    def _send_due(self) -> None:
        """After `retry_now`, sweep every unsent request once until the insurer fails again."""
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
            if not sweeping and self._held_back(now):
                return
            horizon = _FAR_FUTURE if sweeping else now
            due = [
                record
                for record in preauth_requests_due(self._journal, horizon, limit=len(swept) + 1)
                if record.id not in swept
            ]
            if not due:
                return
            if self._claims_first():
                if sweeping:
                    self.retry_now()  # the sweep goes on after the claims
                return
            swept.add(due[0].id)
            if not self._send(due[0]):
                return

    def _send(self, record: PreAuthRequestRecord) -> bool:
        """Send one request and record what came of it; False when the insurer cannot take more
        now (unreachable, busy, or refusing this device)."""
        try:
            created = self._sender.request_preauth(record.request, record.idempotency_key)
        except InsurerError as exc:
            return self._send_failed(record, exc)
        except Exception as exc:
            log.exception("pre-auth request %d: the insurer client failed unexpectedly", record.id)
            self._retry(record, type(exc).__name__)
            return True
        try:
            with self._journal.transaction(actor="outbox") as tx:
                _, change = record_preauth_sent(tx, record.id, created)
            log.info("pre-auth request %d filed by the insurer: %s", record.id, change.new_status)
        except RecordConflict:
            # Kept as a refusal, never sent again: resending would get the same wrong answer.
            log.error("pre-auth request %d: the insurer answered for another request", record.id)
            with self._journal.transaction(actor="outbox") as tx:
                _, change = record_preauth_refused(
                    tx,
                    record.id,
                    code="answer-for-another-request",
                    detail="The insurer's answer named another member or item.",
                )
        self._answered()
        self._publish(change)
        return True

    def _send_failed(self, record: PreAuthRequestRecord, exc: InsurerError) -> bool:
        error_class = type(exc).__name__
        log.warning("pre-auth request %d not sent: %s", record.id, error_class)
        if isinstance(exc, InsurerAuthError | DeviceKeyMissing):
            # About this kiosk, not the request: it stays due, and pre-auths wait for a wake-up.
            with self._journal.transaction(actor="outbox") as tx:
                record_preauth_retry(
                    tx, record.id, error_class=error_class, next_attempt_at=self._journal.now()
                )
            with self._lock:
                self._paused = True
            return False
        if exc.retryable:
            self._retry(record, error_class)
            if isinstance(exc, InsurerUnreachable | InsurerServerError):
                self._hold_back()
                return False
            return True
        code = exc.code if isinstance(exc, InsurerRejected) else error_class
        status = getattr(exc, "status", None)
        with self._journal.transaction(actor="outbox") as tx:
            _, change = record_preauth_refused(
                tx, record.id, code=code, detail=exc.message, http_status=status
            )
        self._publish(change)
        return True

    def _retry(self, record: PreAuthRequestRecord, error_class: str) -> None:
        wait = self._schedule.delay(record.failures + 1, self._rng)
        with self._journal.transaction(actor="outbox") as tx:
            record_preauth_retry(
                tx, record.id, error_class=error_class, next_attempt_at=self._journal.now() + wait
            )

    def _ask_due(self) -> None:
        """Ask the insurer about the open requests of each member not asked about for
        `poll_interval` (all of a member's in one call), and record what changed."""
        now = self._journal.now()
        if self._held_back(now):
            return
        with self._lock:
            forced, self._ask_now = self._ask_now, False
        asked_before = _FAR_FUTURE if forced else now - self._poll_interval
        for member_id in members_to_ask(self._journal, asked_before):
            if self._stopping.is_set() or self._claims_first():
                if forced:
                    self.ask_now()
                return
            if not self._ask(member_id):
                return

    def _ask(self, member_id: str) -> bool:
        """One member's pre-auths from the insurer; False when it cannot answer now."""
        open_requests = sent_open_requests(self._journal, member_id)
        try:
            listed = self._sender.preauths(member_id).preauths
        except InsurerError as exc:
            log.warning("pre-auths not asked about: %s", type(exc).__name__)
            if isinstance(exc, InsurerAuthError | DeviceKeyMissing):
                with self._lock:
                    self._paused = True
                return False
            if exc.retryable:
                self._hold_back()
                return False
            if not isinstance(exc, InsurerNotFound):
                log.error("the insurer refused to list a member's pre-auths: %s", exc.message)
            listed = []  # asked, and told nothing: asked again after the interval
        by_id = {preauth.preauth_id: preauth for preauth in listed}
        changes = []
        with self._journal.transaction(actor="outbox") as tx:
            for record in open_requests:
                answer = by_id.get(record.insurer_preauth_id or "")
                if listed and answer is None:
                    log.warning("pre-auth request %d is not in the insurer's list", record.id)
                change = record_preauth_polled(tx, record.id, answer)
                if change is not None:
                    changes.append(change)
        self._answered()
        for change in changes:
            log.info(
                "pre-auth request %d: %s -> %s",
                change.request_id,
                change.old_status,
                change.new_status,
            )
            self._publish(change)
        return True

    def _answered(self) -> None:
        with self._lock:
            self._failures_in_a_row = 0
            self._held_until = None
            self._paused = False

    def _hold_back(self) -> None:
        """The insurer (or this code) is failing: hold pre-auths back by the backoff schedule."""
        with self._lock:
            self._failures_in_a_row += 1
            wait = self._schedule.delay(self._failures_in_a_row, self._rng)
            self._held_until = self._journal.now() + wait

    def _publish(self, change: PreAuthChange) -> None:
        self._subscribers.tell(change)
