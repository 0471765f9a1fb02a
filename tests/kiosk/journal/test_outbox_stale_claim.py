"""The outbox against the real insurer sandbox when a signed claim's estimate went stale before it
was sent: the insurer refuses it (409 `adjudication-changed`) and records nothing; the outbox
sends it once and stops it for a person, who has the family sign the new amounts."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from signed_claims import claim_submission, shown_bill_hash, sign_and_enqueue, strokes_for

from insurer_sandbox.demo import DEMO_MEMBER_BY_STATE
from kiosk.billing import build_bill
from kiosk.catalogue import CatalogueItem
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import Bill, ClaimStatus, ItemCategory, SignatureEvidence
from kiosk.journal import AttemptOutcome, ClaimState, ClaimSubmitter
from tests.waiting import wait_until

SHANGHAI = ZoneInfo("Asia/Shanghai")
MEMBER = DEMO_MEMBER_BY_STATE["near_preauth_threshold"].member_id
"""CNY 1,500 short of the CNY 30,000 rule: a bill that takes them over it needs a pre-auth for
its exams."""


@pytest.fixture
def desk(own_sandbox, own_sandbox_device_key):
    with InsurerClient(own_sandbox.url, own_sandbox_device_key, retries=0) as client:
        yield client


def one_line_bill(code: str, category: ItemCategory, unit_price_fen: int) -> Bill:
    today = datetime.now(SHANGHAI).date()
    item = CatalogueItem(code, f"{code} 项目", "", category, unit_price_fen)
    return build_bill(MEMBER, today, [(item, 1)])


def accepted_at_another_desk(desk: InsurerClient, bill: Bill) -> None:
    estimate = desk.estimate(bill)
    invoice_no = f"OTHER-{secrets.token_hex(4)}"
    evidence = SignatureEvidence(
        bill_hash=shown_bill_hash(bill, estimate, invoice_no),
        strokes_sha256=hashlib.sha256(b"other desk").hexdigest(),
        point_count=2,
        signed_at=datetime.now(UTC),
    )
    submission = claim_submission(bill, estimate, invoice_no, evidence)
    assert desk.submit_claim(submission, f"other-{secrets.token_hex(8)}").status is (
        ClaimStatus.ACCEPTED
    )


def test_a_stale_claim_is_sent_once_and_waits_for_a_person(journal, desk):
    exam = one_line_bill("LAB-PANEL", ItemCategory.EXAM, 100_000)
    shown = desk.estimate(exam)
    assert shown.total_covered_fen == 100_000
    with journal.transaction(actor="desk") as tx:
        queued = sign_and_enqueue(
            tx, exam, shown, invoice_no=f"STALE-{secrets.token_hex(4)}", strokes=strokes_for(1)
        )
    accepted_at_another_desk(desk, one_line_bill("GP-LONG", ItemCategory.CONSULTATION, 100_000))

    submitter = ClaimSubmitter(journal, desk)
    submitter.start()
    try:
        submitter.wake()
        wait_until(lambda: not journal.queue_state().waiting, 15, "the claim sent")
        assert submitter.pass_now(timeout=5), "a pass after the refusal"
    finally:
        assert submitter.stop(timeout=5)

    stopped = journal.claim(queued.id)
    assert stopped.state is ClaimState.ATTENTION
    assert (stopped.attention_reason, stopped.reject_code) == (
        "rejected:adjudication-changed",
        "adjudication-changed",
    )
    assert stopped.insurer_claim_id is None
    attempts = journal.claim_attempts(queued.id)
    assert [(a.outcome, a.http_status) for a in attempts] == [(AttemptOutcome.REJECTED, 409)]
    day = datetime.now(SHANGHAI).date()
    statement = desk.daily_statement(day).claims
    assert [x for x in statement if x.idempotency_key == queued.idempotency_key] == []
