"""The claim sender survives its journal failing at any step of its loop: it holds back, the desk
sees that claims cannot be sent, and once the journal works again every claim goes out once.

The journal below is the real one; only the step under test fails, for its next few calls, as a
full disk or a pulled USB drive would make it fail.
"""

from __future__ import annotations

import random
import threading
from datetime import timedelta

import pytest
from misbehaving_insurer import misbehaving_insurer
from test_outbox import queue_claims, recorded

from kiosk.insurer.client import InsurerClient
from kiosk.journal import ClaimState, ClaimSubmitter, Journal, RetrySchedule
from kiosk.journal.errors import JournalUnavailable
from tests.waiting import wait_until

FAST = RetrySchedule(first=timedelta(milliseconds=40), cap=timedelta(milliseconds=200))
STEPS = ["queue_state", "due_claims", "next_attempt_at", "transaction", "now"]


class FailingJournal(Journal):
    """The real journal, whose `failing` step raises `JournalUnavailable` `times` times."""

    def arm(self, step: str, times: int) -> None:
        self._fault_lock = threading.Lock()
        self._failing, self._times_left = step, times

    def _maybe_fail(self, step: str) -> None:
        with self._fault_lock:
            if step != self._failing or self._times_left <= 0:
                return
            self._times_left -= 1
        raise JournalUnavailable(f"The journal {self.path} cannot be used: disk I/O error.")

    def fault_spent(self) -> bool:
        with self._fault_lock:
            return self._times_left == 0

    def queue_state(self):
        self._maybe_fail("queue_state")
        return super().queue_state()

    def due_claims(self, now, limit=20):
        self._maybe_fail("due_claims")
        return super().due_claims(now, limit)

    def next_attempt_at(self):
        self._maybe_fail("next_attempt_at")
        return super().next_attempt_at()

    def transaction(self, *, actor="kiosk"):
        self._maybe_fail("transaction")
        return super().transaction(actor=actor)

    def now(self):
        self._maybe_fail("now")
        return super().now()


@pytest.fixture
def insurer():
    with misbehaving_insurer() as server:
        yield server


@pytest.fixture
def failing_journal(tmp_path):
    opened = FailingJournal.open(tmp_path / "journal.sqlite3")
    opened.arm("", 0)
    yield opened
    opened.close()


@pytest.mark.parametrize("step", STEPS)
def test_the_sender_survives_a_journal_failure_at_each_step_and_the_desk_sees_it(
    failing_journal, insurer, step
):
    insurer.answer = recorded()
    claims = queue_claims(failing_journal, 2)
    client = InsurerClient(insurer.url, "device-key", retries=0, read_timeout=2.0)
    submitter = ClaimSubmitter(failing_journal, client, schedule=FAST, rng=random.Random(3))
    seen = []
    submitter.subscribe(lambda state: seen.append(state.condition.value))
    failing_journal.arm(step, 3)
    submitter.start()
    try:
        wait_until(failing_journal.fault_spent)
        wait_until(
            lambda: all(failing_journal.claim(c.id).state is ClaimState.SENT for c in claims),
            timeout=10,
        )
        wait_until(lambda: submitter.state.condition.value == "all-sent")
    finally:
        assert submitter.stop(timeout=5)
        client.close()
    assert "sender-failing" in seen, seen
    assert insurer.requests == len(claims)
