"""The outbox sends the desk's pre-auth requests and asks the insurer about them until it
decides, against the real insurer sandbox over HTTP: stopped and started again, deciding through
its admin CLI, refusing a request filed too late, failing while claims wait."""

from __future__ import annotations

import hashlib
import itertools
import random
import secrets
import threading
import time
from base64 import b64encode
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from misbehaving_insurer import Answer, misbehaving_insurer
from signed_claims import follow_up_bill, sign_and_enqueue, strokes_for

from insurer_sandbox.cli import main as sandbox_cli
from insurer_sandbox.demo import DEMO_MEMBER_BY_STATE
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import (
    Attachment,
    AttachmentType,
    ClaimResult,
    ClaimSubmission,
    ItemCategory,
    PreAuth,
    PreAuthCreated,
    PreAuthList,
    PreAuthRequest,
    PreAuthStatus,
    StatementStored,
    StatementUpload,
    WorkingCalendar,
)
from kiosk.journal import (
    AttemptOutcome,
    ClaimState,
    ClaimSubmitter,
    Journal,
    PreAuthChange,
    PreAuthRequestState,
    QueueCondition,
    RetrySchedule,
)
from kiosk.journal.preauth_requests import preauth_request
from kiosk.preauths import file_preauth
from tests.waiting import wait_until

FAST = RetrySchedule(first=timedelta(milliseconds=50), cap=timedelta(milliseconds=400))
SHANGHAI = ZoneInfo("Asia/Shanghai")
MEMBER = DEMO_MEMBER_BY_STATE["active_standard"].member_id
OTHER_MEMBER = DEMO_MEMBER_BY_STATE["active_plus"].member_id


class CountingInsurer:
    """The real client, with a note of each pre-auth call the outbox makes (and when)."""

    def __init__(self, client: InsurerClient) -> None:
        self.client = client
        self.filed: list[str] = []
        self.asked: list[tuple[str, float]] = []

    def submit_claim(self, submission: ClaimSubmission, idempotency_key: str) -> ClaimResult:
        return self.client.submit_claim(submission, idempotency_key)

    def send_statement(self, claim_id: str, upload: StatementUpload) -> StatementStored:
        return self.client.send_statement(claim_id, upload)

    def request_preauth(self, request: PreAuthRequest, idempotency_key: str) -> PreAuthCreated:
        self.filed.append(idempotency_key)
        return self.client.request_preauth(request, idempotency_key)

    def preauths(self, member_id: str) -> PreAuthList:
        self.asked.append((member_id, time.monotonic()))
        return self.client.preauths(member_id)


@pytest.fixture
def desk(fault_sandbox, own_sandbox_device_key) -> Iterator[InsurerClient]:
    with InsurerClient(fault_sandbox.url, own_sandbox_device_key, retries=0) as client:
        yield client


@pytest.fixture
def insurer(fault_sandbox, own_sandbox_device_key) -> Iterator[CountingInsurer]:
    client = InsurerClient(
        fault_sandbox.url, own_sandbox_device_key, retries=0, connect_timeout=0.5, read_timeout=1
    )
    yield CountingInsurer(client)
    client.close()


@contextmanager
def outbox_of(
    journal: Journal, insurer: CountingInsurer, poll: timedelta = timedelta(minutes=2)
) -> Iterator[tuple[ClaimSubmitter, list[PreAuthChange]]]:
    """A started submitter and the pre-auth changes it told of; stopped afterwards."""
    submitter = ClaimSubmitter(
        journal, insurer, schedule=FAST, preauth_poll_interval=poll, rng=random.Random(5)
    )
    told: list[PreAuthChange] = []
    lock = threading.Lock()

    def tell(change: PreAuthChange) -> None:
        with lock:
            told.append(change)

    submitter.subscribe_preauth_changes(tell)
    submitter.start()
    try:
        yield submitter, told
    finally:
        assert submitter.stop(timeout=5)


def mri(planned: date, member_id: str = MEMBER) -> PreAuthRequest:
    """A head MRI request whose diagnosis is this test's own, to find it in the insurer's list."""
    return PreAuthRequest(
        member_id=member_id,
        item_code="EXAM-MRI",
        description="头颅磁共振 Head MRI",
        category=ItemCategory.EXAM,
        planned_date=planned,
        diagnosis=f"Recurrent headache (R51) #{secrets.token_hex(4)}",
        estimated_cost_fen=680_000,
    )


def at_the_insurer(desk: InsurerClient, request: PreAuthRequest) -> list[str]:
    """The ids of the insurer's pre-auths filed for this very request."""
    listed = desk.preauths(request.member_id).preauths
    return [p.preauth_id for p in listed if p.diagnosis == request.diagnosis]


def state_of(journal: Journal, request_id: int) -> PreAuthRequestState:
    return preauth_request(journal, request_id).state


def test_a_request_filed_while_the_insurer_is_stopped_goes_out_once_when_it_is_back(
    journal, desk, insurer, fault_sandbox
):
    request = mri(desk.working_calendar().earliest_planned_date)
    fault_sandbox.stop()
    record = file_preauth(journal, request)
    with outbox_of(journal, insurer) as (outbox, told):
        outbox.wake()
        wait_until(lambda: preauth_request(journal, record.id).failures >= 2)
        waiting = preauth_request(journal, record.id)
        assert (waiting.state, waiting.last_failure) == (
            PreAuthRequestState.UNSENT,
            "InsurerUnreachable",
        )
        assert told == []

        fault_sandbox.start()
        wait_until(lambda: state_of(journal, record.id) is PreAuthRequestState.PENDING)
        assert outbox.pass_now()
    sent = preauth_request(journal, record.id)
    assert at_the_insurer(desk, request) == [sent.insurer_preauth_id]
    assert set(insurer.filed) == {record.idempotency_key}
    assert [(c.request_id, c.old_status, c.new_status) for c in told] == [
        (record.id, None, PreAuthStatus.PENDING)
    ]
    assert told[0].preauth == sent.preauth


def test_the_insurers_decision_is_asked_for_and_told_pending_to_approved(
    journal, desk, insurer, fault_sandbox
):
    request = mri(desk.working_calendar().earliest_planned_date)
    record = file_preauth(journal, request)
    with outbox_of(journal, insurer, poll=timedelta(milliseconds=200)) as (outbox, told):
        outbox.wake()
        wait_until(lambda: state_of(journal, record.id) is PreAuthRequestState.PENDING)
        preauth_id = preauth_request(journal, record.id).insurer_preauth_id
        data = str(fault_sandbox.data_dir)
        assert sandbox_cli(["preauth", "approve", preauth_id, "--data", data]) == 0
        wait_until(lambda: len(told) == 2, what="the approval told")
    sent, decided = told
    assert (sent.old_status, sent.new_status) == (None, PreAuthStatus.PENDING)
    assert (decided.request_id, decided.old_status, decided.new_status) == (
        record.id,
        PreAuthStatus.PENDING,
        PreAuthStatus.APPROVED,
    )
    assert (decided.member_id, decided.item_code) == (MEMBER, "EXAM-MRI")
    kept = preauth_request(journal, record.id)
    assert kept.state is PreAuthRequestState.APPROVED and kept.preauth == decided.preauth
    assert decided.preauth.preauth_id == preauth_id and decided.preauth.decided_at is not None
    assert "preauth.changed" in [entry.action for entry in journal.audit_entries()]
    assert journal.record_problems() == []


def test_a_request_refused_for_its_lead_time_is_kept_refused_and_never_sent_again(journal, insurer):
    today = journal.now().astimezone(SHANGHAI).date()
    record = file_preauth(journal, mri(today))
    with outbox_of(journal, insurer) as (outbox, told):
        outbox.wake()
        wait_until(lambda: state_of(journal, record.id) is PreAuthRequestState.REFUSED)
        for _ in range(3):
            outbox.wake()
            assert outbox.pass_now()
    refused = preauth_request(journal, record.id)
    assert refused.refusal_code == "preauth-lead-time"
    assert "working days" in refused.refusal_detail
    assert refused.failures == 0 and refused.next_attempt_at is None
    assert insurer.filed == [record.idempotency_key]
    [change] = told
    assert (change.old_status, change.new_status, change.preauth) == (None, None, None)
    assert (change.refusal, change.refusal_code) == (refused.refusal_detail, "preauth-lead-time")
    assert [e.action for e in journal.audit_entries()][-1] == "preauth.refused"


def test_a_request_stored_before_a_crash_is_sent_once_by_the_next_kiosk(journal, desk, insurer):
    """Stored, then the kiosk died: one never sent, one the insurer filed before the kiosk could
    note it. The next kiosk's outbox sends both under their stored keys: one filing each."""
    planned = desk.working_calendar().earliest_planned_date
    never_sent = file_preauth(journal, mri(planned))
    filed_unnoted = file_preauth(journal, mri(planned))
    before = desk.request_preauth(filed_unnoted.request, filed_unnoted.idempotency_key)
    journal.close()

    with Journal.open(journal.path) as restarted, outbox_of(restarted, insurer) as (outbox, _):
        outbox.wake()
        for record in (never_sent, filed_unnoted):
            wait_until(lambda r=record: state_of(restarted, r.id) is PreAuthRequestState.PENDING)
        assert outbox.pass_now()
        again = preauth_request(restarted, filed_unnoted.id)
        first = preauth_request(restarted, never_sent.id)
    assert again.insurer_preauth_id == before.preauth.preauth_id
    assert at_the_insurer(desk, filed_unnoted.request) == [again.insurer_preauth_id]
    assert at_the_insurer(desk, never_sent.request) == [first.insurer_preauth_id]
    assert sorted(insurer.filed) == sorted(
        [never_sent.idempotency_key, filed_unnoted.idempotency_key]
    )


def test_open_requests_are_asked_about_once_per_member_and_interval(journal, desk, insurer):
    planned = desk.working_calendar().earliest_planned_date
    records = [
        file_preauth(journal, mri(planned)),
        file_preauth(journal, mri(planned)),
        file_preauth(journal, mri(planned, OTHER_MEMBER)),
    ]
    interval = 0.4
    with outbox_of(journal, insurer, poll=timedelta(seconds=interval)) as (outbox, _):
        outbox.wake()
        for record in records:
            wait_until(lambda r=record: state_of(journal, r.id) is PreAuthRequestState.PENDING)
        watched_from = time.monotonic()
        while time.monotonic() < watched_from + 5 * interval:
            outbox.wake()  # claims signed, requests filed: none of it asks the insurer sooner
            time.sleep(0.05)
        watched = time.monotonic() - watched_from
    for member_id in (MEMBER, OTHER_MEMBER):
        times = [at for member, at in insurer.asked if member == member_id]
        assert 2 <= len(times) <= watched / interval + 1, (member_id, len(times))
        gaps = [b - a for a, b in itertools.pairwise(times)]
        assert min(gaps) >= interval * 0.9, (member_id, gaps)


def test_claims_go_first_and_a_failing_preauth_holds_no_claim_back(
    journal, desk, insurer, fault_sandbox
):
    request = mri(desk.working_calendar().earliest_planned_date)
    today = journal.now().astimezone(SHANGHAI).date()

    def signed_claim(n: int):
        bill = follow_up_bill(9_000 + n, today)
        estimate = desk.estimate(bill)
        with journal.transaction(actor="desk") as tx:
            invoice = f"PA-OUTBOX-{secrets.token_hex(4)}"
            return sign_and_enqueue(tx, bill, estimate, invoice_no=invoice, strokes=strokes_for(n))

    record = file_preauth(journal, request)
    first = signed_claim(1)
    fault_sandbox.inject_fault("status", count=1_000, path_prefix="/v1/preauths", status=503)
    with outbox_of(journal, insurer) as (outbox, told):
        outbox.wake()
        wait_until(lambda: preauth_request(journal, record.id).failures >= 1)
        assert journal.claim(first.id).state is ClaimState.SENT
        second = signed_claim(2)
        outbox.wake()
        wait_until(lambda: journal.claim(second.id).state is ClaimState.SENT)
        assert outbox.state.condition is QueueCondition.ALL_SENT
        claim_ids = {first.id, second.id}
        attempts = [a.outcome for a in journal.claim_attempts() if a.claim_id in claim_ids]
        assert attempts == [AttemptOutcome.ACCEPTED] * 2
        assert state_of(journal, record.id) is PreAuthRequestState.UNSENT
        assert preauth_request(journal, record.id).last_failure == "InsurerServerError"

        fault_sandbox.clear_faults()
        outbox.wake()
        wait_until(lambda: state_of(journal, record.id) is PreAuthRequestState.PENDING)
    assert at_the_insurer(desk, request) == [preauth_request(journal, record.id).insurer_preauth_id]
    assert [c.new_status for c in told] == [PreAuthStatus.PENDING]


def test_more_information_asked_is_told_and_the_request_stays_open_until_decided(
    journal, desk, insurer, fault_sandbox
):
    request = mri(desk.working_calendar().earliest_planned_date)
    record = file_preauth(journal, request)
    data = str(fault_sandbox.data_dir)
    with outbox_of(journal, insurer, poll=timedelta(milliseconds=200)) as (outbox, told):
        outbox.wake()
        wait_until(lambda: state_of(journal, record.id) is PreAuthRequestState.PENDING)
        preauth_id = preauth_request(journal, record.id).insurer_preauth_id
        note = "Send the neurologist's referral"
        assert sandbox_cli(["preauth", "info", preauth_id, "--note", note, "--data", data]) == 0
        wait_until(lambda: len(told) == 2, what="the question told")
        asked = preauth_request(journal, record.id)
        assert asked.is_open and asked.preauth.decision_note == note
        assert sandbox_cli(["preauth", "deny", preauth_id, "--data", data]) == 0
        wait_until(lambda: len(told) == 3, what="the refusal told")
    assert [(c.old_status, c.new_status) for c in told] == [
        (None, PreAuthStatus.PENDING),
        (PreAuthStatus.PENDING, PreAuthStatus.INFO_REQUESTED),
        (PreAuthStatus.INFO_REQUESTED, PreAuthStatus.DENIED),
    ]
    assert told[1].preauth.decision_note == note
    assert state_of(journal, record.id) is PreAuthRequestState.DENIED


def test_an_emergency_request_goes_out_today_with_its_attachment_once(journal, desk, insurer):
    scan = b"\x89PNG\r\n\x1a\n a photographed scan"
    request = mri(journal.now().astimezone(SHANGHAI).date()).model_copy(
        update={
            "emergency": True,
            "attachments": [
                Attachment(title="Scan", content_type=AttachmentType.PNG, data=b64encode(scan))
            ],
        }
    )
    record = file_preauth(journal, request)
    # The kiosk died after the insurer filed it: the outbox sends the stored body again, which
    # the insurer must see as the same request (attachments included) to answer it as a replay.
    first = desk.request_preauth(record.request, record.idempotency_key).preauth
    with outbox_of(journal, insurer) as (outbox, told):
        outbox.wake()
        wait_until(lambda: state_of(journal, record.id) is PreAuthRequestState.PENDING)
    sent = preauth_request(journal, record.id)
    assert sent.insurer_preauth_id == first.preauth_id and sent.preauth.emergency
    [kept] = sent.preauth.attachments
    assert (kept.title, kept.sha256) == ("Scan", hashlib.sha256(scan).hexdigest())
    assert at_the_insurer(desk, request) == [first.preauth_id]
    assert [c.new_status for c in told] == [PreAuthStatus.PENDING]


def test_a_refused_device_key_keeps_the_request_waiting_until_a_wake(journal, desk, fault_sandbox):
    record = file_preauth(journal, mri(desk.working_calendar().earliest_planned_date))
    with InsurerClient(fault_sandbox.url, "not-this-kiosks-key", retries=0) as refused:
        counting = CountingInsurer(refused)
        with outbox_of(journal, counting) as (outbox, told):
            outbox.wake()
            wait_until(lambda: preauth_request(journal, record.id).failures == 1)
            for _ in range(3):
                assert outbox.pass_now()  # paused: not sent again on its own
            assert counting.filed == [record.idempotency_key]
            outbox.wake()  # a person re-registered the kiosk, say
            wait_until(lambda: len(counting.filed) == 2)
    waiting = preauth_request(journal, record.id)
    assert (waiting.state, waiting.last_failure) == (
        PreAuthRequestState.UNSENT,
        "InsurerAuthError",
    )
    assert told == []


def test_an_answer_for_another_request_is_kept_as_a_refusal_and_not_sent_again(journal):
    request = mri(date(2026, 12, 10))

    def another_item(headers, body):
        other = request.model_copy(update={"item_code": "EXAM-CT"})
        preauth = PreAuth.model_validate(
            other.model_dump(exclude={"attachments"})
            | {"preauth_id": "PA-X", "status": "pending", "requested_at": "2026-11-25T02:00:00Z"}
        )
        calendar = WorkingCalendar(
            data_until=date(2026, 12, 31),
            fallback_weekends_only=False,
            required_working_days=5,
            earliest_planned_date=date(2026, 12, 3),
        )
        answer = PreAuthCreated(preauth=preauth, calendar=calendar)
        return Answer(201, answer.model_dump_json().encode())

    record = file_preauth(journal, request)
    with misbehaving_insurer() as server, InsurerClient(server.url, "key", retries=0) as client:
        server.answer = another_item
        with outbox_of(journal, CountingInsurer(client)) as (outbox, told):
            outbox.wake()
            wait_until(lambda: state_of(journal, record.id) is PreAuthRequestState.REFUSED)
            outbox.wake()
            assert outbox.pass_now()
        assert server.requests == 1
    refused = preauth_request(journal, record.id)
    assert (refused.refusal_code, refused.insurer_preauth_id) == (
        "answer-for-another-request",
        None,
    )
    assert [c.refusal_code for c in told] == ["answer-for-another-request"]
