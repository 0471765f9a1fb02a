"""The outbox's last duty: asking the insurer how each sent claim stands until it is settled
(reviewed, paid, or rejected after review), on the claim submitter's thread, after the claims and
the pre-auths.

A round asks about at most `per_round` claims that are due (`kiosk.journal.claim_status` spaces
each claim's questions out, doubling while nothing changes), so a desk with a month of unpaid
claims never floods the insurer nor keeps a new claim waiting. An insurer that fails holds the
questions back by the backoff schedule; a refused device key pauses them until a wake-up.
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
)
from kiosk.insurer.models import ClaimResult
from kiosk.journal.claim_status import (
    ClaimStatusChange,
    WatchedClaim,
    claims_to_check,
    next_status_check_at,
    record_claim_status,
    record_status_unchanged,
)
from kiosk.journal.errors import JournalError, RecordConflict
from kiosk.journal.retry_schedule import RetrySchedule
from kiosk.journal.store import Journal
from kiosk.journal.subscribers import Subscribers

log = logging.getLogger(__name__)

_FAR_FUTURE = datetime.max.replace(tzinfo=UTC)

ClaimStatusCallback = Callable[[ClaimStatusChange], None]

ROUND_GAP = timedelta(seconds=5)
"""Between two full rounds of due claims (a backlog, as after an upgrade): at most `per_round`
questions every few seconds, never a burst of thousands."""


class ClaimStatusSource(Protocol):
    """What the watcher needs from the insurer client."""

    def claim(self, claim_id: str) -> ClaimResult: ...


class ClaimStatusWatcher:
    """Asks about sent claims that are due; runs on the submitter's thread.

    `ask_now` and `subscribe` may be called from any thread; the rest only from the submitter's.
    """

    def __init__(
        self,
        journal: Journal,
        source: ClaimStatusSource,
        *,
        schedule: RetrySchedule,
        rng: random.Random,
        stopping: threading.Event,
        claims_first: Callable[[], bool],
        per_round: int = 20,
    ) -> None:
        self._journal = journal
        self._source = source
        self._schedule = schedule
        self._rng = rng
        self._stopping = stopping
        self._claims_first = claims_first
        self._per_round = per_round
        self._lock = threading.Lock()
        self._subscribers: Subscribers[ClaimStatusChange] = Subscribers("claim status changes")
        self._ask_now = False
        self._paused = False
        self._held_until: datetime | None = None
        self._failures_in_a_row = 0

    # --- any thread -----------------------------------------------------------------------------

    def subscribe(self, callback: ClaimStatusCallback) -> Callable[[], None]:
        return self._subscribers.subscribe(callback)

    def resume(self) -> None:
        """Lift a pause or a hold-back (a wake-up: the device key may work again), on the
        claims' own schedule."""
        with self._lock:
            self._paused = False
            self._held_until = None

    def ask_now(self) -> None:
        """Ask about every watched claim at the next rounds, whatever its schedule or a hold-back
        (a manager asked)."""
        with self._lock:
            self._ask_now = True
            self._paused = False
            self._held_until = None

    # --- the submitter's thread -----------------------------------------------------------------

    def run_round(self) -> None:
        """Ask about the claims due. Any failure holds the questions back only."""
        try:
            self._ask_due()
        except Exception:
            log.exception("claim status questions failed; holding them back")
            self._hold_back()

    def seconds_to_sleep(self) -> float | None:
        """Until the next claim is due, None when none is watched or while paused."""
        with self._lock:
            if self._ask_now:
                return 0.0
            if self._paused:
                return None
            held_until = self._held_until
        due = next_status_check_at(self._journal)
        if due is None:
            return None
        if held_until is not None:
            due = max(due, held_until)
        return max((due - self._journal.now()).total_seconds(), 0.0)

    def _ask_due(self) -> None:
        """A sweep (after `ask_now`) asks every watched claim once, `per_round` at a time, the
        claims first between batches; otherwise only the claims due now."""
        asked: set[int] = set()
        with self._lock:
            sweeping, self._ask_now = self._ask_now, False
        while not self._stopping.is_set():
            now = self._journal.now()
            with self._lock:
                if self._paused or (self._held_until is not None and now < self._held_until):
                    return
            horizon = _FAR_FUTURE if sweeping else now
            due = [
                claim
                for claim in claims_to_check(self._journal, horizon, len(asked) + self._per_round)
                if claim.id not in asked
            ][: self._per_round]
            if not due:
                return
            for claim in due:
                if self._stopping.is_set() or self._claims_first():
                    if sweeping:
                        self.ask_now()  # the sweep goes on after the claims
                    return
                asked.add(claim.id)
                if not self._ask(claim):
                    return
            if not sweeping:
                if len(due) == self._per_round:  # more are due (a backlog): pace the rounds
                    with self._lock:
                        self._held_until = self._journal.now() + ROUND_GAP
                return

    def _ask(self, claim: WatchedClaim) -> bool:
        """One claim from the insurer; False when it cannot answer now."""
        try:
            result = self._source.claim(claim.insurer_claim_id)
        except InsurerError as exc:
            log.warning("claim %d status not asked: %s", claim.id, type(exc).__name__)
            if isinstance(exc, InsurerAuthError | DeviceKeyMissing):
                with self._lock:
                    self._paused = True
                return False
            if exc.retryable:
                self._hold_back()
                return False
            log.error("the insurer would not say how claim %d stands: %s", claim.id, exc.message)
            self._ask_later(claim)
            return True
        try:
            with self._journal.transaction(actor="outbox") as tx:
                change = record_claim_status(tx, claim.id, result)
        except RecordConflict:
            log.error("claim %d: the insurer answered for another claim", claim.id)
            self._ask_later(claim)
            change = None
        except JournalError:
            raise
        except Exception:
            # An answer the journal will not keep: this claim waits its turn again, the others
            # are still asked about.
            log.exception("claim %d: the insurer's answer could not be kept", claim.id)
            self._ask_later(claim)
            change = None
        with self._lock:
            self._failures_in_a_row = 0
            self._held_until = None
        if change is not None:
            log.info(
                "claim %d: %s -> %s",
                claim.id,
                change.old_status.value if change.old_status else None,
                change.status.value,
            )
            self._subscribers.tell(change)
        return True

    def _ask_later(self, claim: WatchedClaim) -> None:
        with self._journal.transaction(actor="outbox") as tx:
            record_status_unchanged(tx, claim.id)

    def _hold_back(self) -> None:
        with self._lock:
            self._failures_in_a_row += 1
            wait = self._schedule.delay(self._failures_in_a_row, self._rng)
            self._held_until = self._journal.now() + wait
