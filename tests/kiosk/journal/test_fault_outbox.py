"""Fault tests: the outbox against the real insurer sandbox when it is stopped, slow, failing
with 5xx, or dropping the connection mid-answer. Each time the queue drains once the insurer
recovers, and the insurer holds each claim exactly once."""

from __future__ import annotations

import random
import secrets
from collections import Counter
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from signed_claims import follow_up_bill, sign_and_enqueue, strokes_for

from kiosk.insurer.client import InsurerClient
from kiosk.journal import AttemptOutcome, ClaimState, ClaimSubmitter, QueueCondition, RetrySchedule
from tests.waiting import wait_until

FAST = RetrySchedule(first=timedelta(milliseconds=50), cap=timedelta(milliseconds=400))
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def desk(fault_sandbox, own_sandbox_device_key):
    with InsurerClient(fault_sandbox.url, own_sandbox_device_key, retries=0) as client:
        yield client


@pytest.fixture
def outbox(journal, fault_sandbox, own_sandbox_device_key):
    """A started submitter whose client gives up on an answer after half a second."""
    client = InsurerClient(
        fault_sandbox.url, own_sandbox_device_key, retries=0, connect_timeout=0.5, read_timeout=0.5
    )
    submitter = ClaimSubmitter(journal, client, schedule=FAST, rng=random.Random(3))
    yield submitter
    assert submitter.stop(timeout=5)
    client.close()


visit_numbers = iter(range(10_000))


def sign_visits(journal, desk, count):
    """Visits signed at the desk; the estimate comes from the sandbox while it is up."""
    today = journal.now().astimezone(SHANGHAI).date()
    bills = [follow_up_bill(next(visit_numbers), today) for _ in range(count)]
    estimates = [desk.estimate(bill) for bill in bills]
    claims = []
    for bill, estimate in zip(bills, estimates, strict=True):
        invoice_no = f"FAULT-{secrets.token_hex(4)}"
        with journal.transaction(actor="desk") as tx:
            claims.append(
                sign_and_enqueue(tx, bill, estimate, invoice_no=invoice_no, strokes=strokes_for(1))
            )
    return claims


def drained(journal):
    return journal.queue_state().condition is QueueCondition.ALL_SENT


def assert_each_claim_once_at_the_insurer(journal, desk, claims):
    """By the daily statement and the insurer's own record of each claim's bill hash."""
    sent = [journal.claim(claim.id) for claim in claims]
    assert all(claim.state is ClaimState.SENT for claim in sent)
    days = {claim.recorded_at.astimezone(SHANGHAI).date() for claim in sent}
    statement = [line for day in sorted(days) for line in desk.daily_statement(day).claims]
    hashes = Counter(desk.claim(line.claim_id).bill_hash for line in statement)
    for claim in sent:
        [line] = [line for line in statement if line.idempotency_key == claim.idempotency_key]
        assert line.claim_id == claim.insurer_claim_id
        assert hashes[claim.submission().bill_hash] == 1


def outcomes(journal, claims):
    ids = {claim.id for claim in claims}
    return [(a.outcome, a.error_class) for a in journal.claim_attempts() if a.claim_id in ids]


def test_fault_insurer_stopped_claims_wait_and_drain_when_it_is_back(
    journal, desk, fault_sandbox, outbox
):
    claims = sign_visits(journal, desk, 3)
    fault_sandbox.stop()
    outbox.start()
    wait_until(lambda: outbox.state.condition is QueueCondition.UNREACHABLE)
    wait_until(lambda: len(journal.claim_attempts()) >= 3)
    assert outbox.state.waiting == 3
    finished = [o for o in outcomes(journal, claims) if o[0] is not AttemptOutcome.IN_FLIGHT]
    assert set(finished) == {(AttemptOutcome.UNREACHABLE, "InsurerUnreachable")}

    fault_sandbox.start()
    wait_until(lambda: drained(journal))
    # the outbox publishes its state just after the journal records the last claim sent
    wait_until(lambda: outbox.state.condition is QueueCondition.ALL_SENT, what="all sent")
    assert_each_claim_once_at_the_insurer(journal, desk, claims)


def test_fault_slow_insurer_past_the_read_timeout_drains_without_doubles(
    journal, desk, fault_sandbox, outbox
):
    claims = sign_visits(journal, desk, 2)
    fault_sandbox.inject_fault("delay", count=3, path_prefix="/v1/claims", delay_ms=1_200)
    outbox.start()
    wait_until(lambda: drained(journal), timeout=30)
    assert (AttemptOutcome.UNREACHABLE, "InsurerTimeout") in outcomes(journal, claims)
    assert_each_claim_once_at_the_insurer(journal, desk, claims)


def test_fault_5xx_burst_is_retried_until_the_insurer_answers(journal, desk, fault_sandbox, outbox):
    claims = sign_visits(journal, desk, 2)
    for status in (503, 500, 502):
        fault_sandbox.inject_fault("status", count=2, path_prefix="/v1/claims", status=status)
    outbox.start()
    wait_until(lambda: drained(journal))
    failed = [a for a in journal.claim_attempts() if a.outcome is AttemptOutcome.UNREACHABLE]
    assert [a.http_status for a in failed] == [503, 503, 500, 500, 502, 502]
    assert {a.error_class for a in failed} == {"InsurerServerError"}
    assert_each_claim_once_at_the_insurer(journal, desk, claims)


@pytest.mark.parametrize("kind", ["drop", "truncate"])
def test_fault_connection_dropped_mid_answer_is_resent_and_recorded_once(
    journal, desk, fault_sandbox, outbox, kind
):
    claims = sign_visits(journal, desk, 2)
    fault_sandbox.inject_fault(kind, count=2, path_prefix="/v1/claims")
    outbox.start()
    wait_until(lambda: drained(journal))
    assert outcomes(journal, claims)[:2] == [(AttemptOutcome.UNREACHABLE, "InsurerUnreachable")] * 2
    assert [outcome for outcome, _ in outcomes(journal, claims)[2:]] == [
        AttemptOutcome.ACCEPTED
    ] * 2
    assert_each_claim_once_at_the_insurer(journal, desk, claims)
