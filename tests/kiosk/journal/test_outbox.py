"""The submitter against an insurer on loopback that answers what each test needs."""

from __future__ import annotations

import itertools
import random
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from misbehaving_insurer import Answer, misbehaving_insurer
from signed_claims import sign_and_enqueue, strokes_for, visit_bill

from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import ClaimResult, ClaimStatus, ClaimSubmission
from kiosk.journal import (
    AttemptOutcome,
    ClaimState,
    ClaimSubmitter,
    QueueCondition,
    RetrySchedule,
)
from tests.estimates import fully_covered
from tests.waiting import wait_until

FAST = RetrySchedule(first=timedelta(milliseconds=40), cap=timedelta(milliseconds=200))


def one_more_pass(submitter):
    """Let the submitter go over the queue once more and wait until it has: whatever it was
    going to send after what the test did, it has then sent."""
    assert submitter.pass_now(timeout=5), "the submitter did not finish a pass"


def recorded(status=ClaimStatus.ACCEPTED, *, key=None, delay=0.0):
    """An insurer that records the claim it is sent and answers with that claim's result."""

    def answer(headers, body):
        submission = ClaimSubmission.model_validate_json(body)
        covered = submission.expected_covered_fen
        result = ClaimResult(
            claim_id=f"CLM-{submission.clinic_invoice_no}",
            idempotency_key=key or headers["Idempotency-Key"],
            status=status,
            reject_code="covered-amount-changed" if status is ClaimStatus.REJECTED else None,
            adjudication=fully_covered(submission.bill),
            bill_hash=submission.bill_hash,
            clinic_id="C-1",
            member_id=submission.bill.member_id,
            service_date=submission.bill.service_date,
            recorded_at=datetime.now(UTC),
        )
        assert result.adjudication.total_covered_fen == covered
        return Answer(201, result.model_dump_json().encode(), delay=delay)

    return answer


def problem(status, code, title="refused"):
    body = f'{{"title": "{title}", "status": {status}, "code": "{code}"}}'.encode()
    return Answer(status, body, "application/problem+json")


def queue_claims(journal, count, start=1):
    claims = []
    for n in range(start, start + count):
        bill = visit_bill(f"M-{n}", n, datetime.now(UTC).date())
        with journal.transaction(actor="desk") as tx:
            claims.append(
                sign_and_enqueue(
                    tx, bill, fully_covered(bill), invoice_no=f"INV-{n}", strokes=strokes_for(n)
                )
            )
    return claims


@pytest.fixture
def insurer():
    with misbehaving_insurer() as server:
        yield server


@contextmanager
def submitter_to(insurer, journal, schedule):
    """A submitter of the journal's claims to `insurer` (not started), stopped afterwards."""
    client = InsurerClient(insurer.url, "device-key", retries=0, read_timeout=2.0)
    started = ClaimSubmitter(journal, client, schedule=schedule, rng=random.Random(7))
    yield started
    assert started.stop(timeout=5)
    client.close()


@pytest.fixture
def submitter(journal, insurer):
    with submitter_to(insurer, journal, FAST) as made:
        yield made


# --- the backoff schedule ----------------------------------------------------------------------


def test_the_wait_doubles_per_failure_with_jitter_and_stops_at_the_cap():
    schedule = RetrySchedule(first=timedelta(seconds=2), cap=timedelta(minutes=5))
    rng = random.Random(1)
    for failures, ceiling in [(1, 2), (2, 4), (3, 8), (6, 64), (8, 256), (9, 300), (40, 300)]:
        waits = [schedule.delay(failures, rng).total_seconds() for _ in range(200)]
        assert all(ceiling / 2 <= wait <= ceiling for wait in waits)
        assert max(waits) - min(waits) > ceiling / 4, "waits must be spread, not in lockstep"


def test_a_delay_needs_a_failure():
    with pytest.raises(ValueError):
        RetrySchedule().delay(0, random.Random())


# --- sending -----------------------------------------------------------------------------------


def test_a_queued_claim_is_sent_once_and_the_screen_hears_of_it(journal, insurer, submitter):
    insurer.answer = recorded()
    [claim] = queue_claims(journal, 1)
    seen = []
    submitter.subscribe(seen.append)
    submitter.start()
    wait_until(lambda: journal.claim(claim.id).state is ClaimState.SENT)
    sent = journal.claim(claim.id)
    assert (sent.state, sent.insurer_claim_id, sent.insurer_status) == (
        ClaimState.SENT,
        "CLM-INV-1",
        ClaimStatus.ACCEPTED,
    )
    assert insurer.requests == 1
    assert [a.outcome for a in journal.claim_attempts(claim.id)] == [AttemptOutcome.ACCEPTED]
    wait_until(lambda: len(seen) == 2)
    assert [state.condition for state in seen] == [QueueCondition.WAITING, QueueCondition.ALL_SENT]


def test_a_malformed_answer_is_retried_and_the_claim_kept(journal, insurer, submitter):
    insurer.answer = Answer(200, b'{"claim_id": 12}')
    [claim] = queue_claims(journal, 1)
    submitter.start()
    wait_until(lambda: len(journal.claim_attempts(claim.id)) >= 2)
    assert journal.claim(claim.id).state is ClaimState.WAITING
    first = journal.claim_attempts(claim.id)[0]
    assert (first.outcome, first.error_class) == ("retry", "InsurerInvalidResponse")
    insurer.answer = recorded()
    wait_until(lambda: journal.claim(claim.id).state is ClaimState.SENT)


def test_an_answer_about_another_claim_stops_for_a_person(journal, insurer, submitter):
    insurer.answer = recorded(key="another-claims-key-0000")
    [claim] = queue_claims(journal, 1)
    submitter.start()
    wait_until(lambda: submitter.state.condition is QueueCondition.NEEDS_ATTENTION)
    assert journal.claim(claim.id).attention_reason == "answer-for-another-claim"


def test_a_claim_the_insurer_records_as_rejected_needs_a_person(journal, insurer, submitter):
    insurer.answer = recorded(ClaimStatus.REJECTED)
    [claim] = queue_claims(journal, 1)
    submitter.start()
    wait_until(lambda: submitter.state.condition is QueueCondition.NEEDS_ATTENTION)
    stopped = journal.claim(claim.id)
    assert (stopped.reject_code, stopped.insurer_claim_id) == (
        "covered-amount-changed",
        "CLM-INV-1",
    )


def test_a_definitive_refusal_is_not_retried(journal, insurer, submitter):
    insurer.answer = problem(422, "member-not-eligible")
    [claim] = queue_claims(journal, 1)
    submitter.start()
    wait_until(lambda: journal.claim(claim.id).state is ClaimState.ATTENTION)
    submitter.wake()
    one_more_pass(submitter)
    assert insurer.requests == 1
    stopped = journal.claim(claim.id)
    assert (stopped.reject_code, stopped.attention_reason) == (
        "member-not-eligible",
        "rejected:member-not-eligible",
    )
    [attempt] = journal.claim_attempts(claim.id)
    assert (attempt.outcome, attempt.error_class, attempt.http_status) == (
        "rejected",
        "InsurerRejected",
        422,
    )


def keyed(good_key, answer):
    """An insurer that refuses every device key but `good_key` (401), else answers `answer`."""

    def check(headers, body):
        if headers["Authorization"] != f"Bearer {good_key}":
            return problem(401, "unauthorized")
        return answer(headers, body)

    return check


def test_a_refused_device_key_pauses_the_queue_and_strands_no_claim(journal, insurer, submitter):
    insurer.answer = keyed("new-device-key", recorded())
    claims = queue_claims(journal, 3)
    submitter.start()
    wait_until(lambda: submitter.state.condition is QueueCondition.DEVICE_KEY_REFUSED)
    one_more_pass(submitter)
    assert insurer.requests == 1
    for tries in (2, 3, 4):
        submitter.wake()
        one_more_pass(submitter)
        assert insurer.requests == tries, "each wake tries one claim, then the queue pauses again"
        assert submitter.state.condition is QueueCondition.DEVICE_KEY_REFUSED
    assert {journal.claim(c.id).state for c in claims} == {ClaimState.WAITING}
    assert journal.claims(ClaimState.ATTENTION) == []
    state = submitter.state
    assert (state.waiting, state.attention, state.device_key_refused) == (3, 0, True)
    refused = journal.claim_attempts()[0]
    assert (refused.outcome, refused.error_class) == (AttemptOutcome.RETRY, "InsurerAuthError")


def test_after_the_device_is_registered_again_every_waiting_claim_is_sent(journal, insurer):
    insurer.answer = keyed("new-device-key", recorded())
    claims = queue_claims(journal, 3)
    old_client = InsurerClient(insurer.url, "revoked-key", retries=0, read_timeout=2.0)
    refused = ClaimSubmitter(journal, old_client, schedule=FAST, rng=random.Random(7))
    refused.start()
    wait_until(lambda: refused.state.condition is QueueCondition.DEVICE_KEY_REFUSED)
    assert refused.stop(timeout=5)
    old_client.close()

    new_client = InsurerClient(insurer.url, "new-device-key", retries=0, read_timeout=2.0)
    submitter = ClaimSubmitter(journal, new_client, schedule=FAST, rng=random.Random(7))
    try:
        submitter.start()
        submitter.wake()
        wait_until(lambda: submitter.state.condition is QueueCondition.ALL_SENT)
    finally:
        assert submitter.stop(timeout=5)
        new_client.close()
    assert [journal.claim(c.id).state for c in claims] == [ClaimState.SENT] * 3
    assert insurer.requests == 4


def test_a_claim_stopped_for_a_person_is_sent_again_once_requeued(journal, insurer, submitter):
    insurer.answer = recorded(key="another-claims-key-0000")
    [claim] = queue_claims(journal, 1)
    submitter.start()
    wait_until(lambda: journal.claim(claim.id).state is ClaimState.ATTENTION)
    insurer.answer = recorded()
    with journal.transaction(actor="staff:1") as tx:
        tx.requeue_claim(claim.id)
    submitter.wake()
    wait_until(lambda: submitter.state.condition is QueueCondition.ALL_SENT)
    assert journal.claim(claim.id).state is ClaimState.SENT
    assert insurer.requests == 2
    requeued = [e for e in journal.audit_entries() if e.action == "claim.requeued"]
    assert [(e.actor, e.subject) for e in requeued] == [("staff:1", f"claim:{claim.id}")]


def test_an_insurer_in_trouble_is_shown_with_since_when_and_the_queue_drains_after(
    journal, insurer, submitter
):
    insurer.answer = problem(503, "internal-error")
    claims = queue_claims(journal, 3)
    submitter.start()
    wait_until(lambda: submitter.state.condition is QueueCondition.UNREACHABLE)
    since = submitter.state.unreachable_since
    assert since == journal.claim_attempts()[0].started_at
    wait_until(lambda: len(journal.claim_attempts()) >= 3)
    assert submitter.state.unreachable_since == since
    insurer.answer = recorded()
    wait_until(lambda: submitter.state.condition is QueueCondition.ALL_SENT)
    assert all(journal.claim(c.id).state is ClaimState.SENT for c in claims)
    failed = [a for a in journal.claim_attempts() if a.outcome == "unreachable"]
    assert {a.error_class for a in failed} == {"InsurerServerError"}
    gaps = [(b.started_at - a.started_at).total_seconds() for a, b in itertools.pairwise(failed)]
    assert all(gap >= 0.02 for gap in gaps), "failed sends must back off, not hammer"


def test_the_callers_calls_return_at_once_while_a_send_hangs(journal, insurer, submitter):
    hang = 1.5
    insurer.answer = recorded(delay=hang)
    queue_claims(journal, 1)
    submitter.start()
    wait_until(lambda: insurer.requests == 1)
    started = time.monotonic()
    submitter.wake()
    state = submitter.state
    unsubscribe = submitter.subscribe(lambda state: None)
    unsubscribe()
    # Far below the hang (a call that waited for the send would take most of it), far above
    # what a loaded two-core CI machine adds to four quick calls.
    assert time.monotonic() - started < hang / 3
    assert state.condition is QueueCondition.WAITING
    wait_until(lambda: submitter.state.condition is QueueCondition.ALL_SENT)


def test_a_failing_subscriber_does_not_stop_the_outbox(journal, insurer, submitter):
    insurer.answer = recorded()
    queue_claims(journal, 2)
    calls = threading.Event()

    def broken(state):
        calls.set()
        raise RuntimeError("a screen bug")

    submitter.subscribe(broken)
    submitter.start()
    wait_until(lambda: journal.queue_state().condition is QueueCondition.ALL_SENT)
    assert calls.is_set()


def test_a_claim_queued_while_running_is_sent_when_the_desk_wakes_the_outbox(
    journal, insurer, submitter
):
    insurer.answer = recorded()
    submitter.start()
    one_more_pass(submitter)  # found nothing: it now sleeps its 30 s poll interval
    [claim] = queue_claims(journal, 1)
    submitter.wake()
    wait_until(lambda: journal.claim(claim.id).state is ClaimState.SENT, timeout=2.0)


SLOW = RetrySchedule(first=timedelta(seconds=30), cap=timedelta(minutes=5))


@pytest.fixture
def patient_submitter(journal, insurer):
    """A submitter whose backoff is far longer than any test: only `wake()` brings it back."""
    with submitter_to(insurer, journal, SLOW) as made:
        yield made


def finished_attempts(journal):
    return [a for a in journal.claim_attempts() if a.outcome is not AttemptOutcome.IN_FLIGHT]


def test_wake_retries_now_instead_of_waiting_out_the_backoff(journal, insurer, patient_submitter):
    insurer.answer = problem(503, "internal-error")
    [claim] = queue_claims(journal, 1)
    patient_submitter.start()
    wait_until(lambda: len(finished_attempts(journal)) == 1)
    one_more_pass(patient_submitter)
    assert len(journal.claim_attempts()) == 1
    insurer.answer = recorded()
    patient_submitter.wake()
    wait_until(lambda: journal.claim(claim.id).state is ClaimState.SENT, timeout=2.0)


def test_one_wake_sends_each_waiting_claim_at_most_once(journal, insurer, patient_submitter):
    insurer.answer = Answer(200, b"{}")
    queue_claims(journal, 3)
    patient_submitter.start()
    wait_until(lambda: len(finished_attempts(journal)) == 3)
    one_more_pass(patient_submitter)
    assert insurer.requests == 3
    patient_submitter.wake()
    wait_until(lambda: len(finished_attempts(journal)) == 6)
    one_more_pass(patient_submitter)
    assert insurer.requests == 6
    assert journal.queue_state().waiting == 3
