"""Claims an older kiosk queued before a claim carried the bill as shown (`shown`, which lets the
insurer recompute the bill hash): the insurer refuses such a body, so the outbox stops the claim
for a person instead of failing on it for ever, and the claims behind it are still sent."""

from __future__ import annotations

import json
import random
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta

from misbehaving_insurer import Answer, misbehaving_insurer
from signed_claims import sign_and_enqueue, strokes_for, visit_bill

from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import ClaimResult, ClaimStatus, ClaimSubmission
from kiosk.journal import ClaimRecord, ClaimState, ClaimSubmitter, Journal, RetrySchedule
from tests.estimates import fully_covered
from tests.waiting import wait_until


def queue(journal: Journal, n: int) -> ClaimRecord:
    bill = visit_bill(f"M-{n}", n, datetime.now(UTC).date())
    with journal.transaction(actor="desk") as tx:
        return sign_and_enqueue(
            tx, bill, fully_covered(bill), invoice_no=f"INV-{n}", strokes=strokes_for(n)
        )


def as_an_older_kiosk_stored_it(journal: Journal, claim: ClaimRecord) -> None:
    body = json.loads(claim.submission_json)
    del body["shown"]
    with closing(sqlite3.connect(journal.path)) as db:
        db.execute("UPDATE claims SET submission = ? WHERE id = ?", (json.dumps(body), claim.id))
        db.commit()


def accepted(headers: dict[str, str], body: bytes) -> Answer:
    submission = ClaimSubmission.model_validate_json(body)
    result = ClaimResult(
        claim_id=f"CLM-{submission.clinic_invoice_no}",
        idempotency_key=headers["Idempotency-Key"],
        status=ClaimStatus.ACCEPTED,
        adjudication=submission.shown.adjudication,
        bill_hash=submission.bill_hash,
        clinic_id="C-1",
        member_id=submission.bill.member_id,
        service_date=submission.bill.service_date,
        recorded_at=datetime.now(UTC),
    )
    return Answer(201, result.model_dump_json().encode())


def test_a_claim_queued_without_the_shown_bill_is_stopped_and_the_queue_goes_on(journal):
    older, newer = queue(journal, 1), queue(journal, 2)
    as_an_older_kiosk_stored_it(journal, older)
    with misbehaving_insurer() as insurer, InsurerClient(insurer.url, "key", retries=0) as client:
        insurer.answer = accepted
        schedule = RetrySchedule(first=timedelta(milliseconds=40), cap=timedelta(milliseconds=200))
        submitter = ClaimSubmitter(journal, client, schedule=schedule, rng=random.Random(7))
        submitter.start()
        wait_until(
            lambda: journal.claim(newer.id).state is ClaimState.SENT,
            what="the claim behind the old one to be sent",
        )
        assert submitter.stop(timeout=5)
        assert insurer.requests == 1, "only the claim the insurer can verify was sent"
    stopped = journal.claim(older.id)
    assert (stopped.state, stopped.attention_reason) == (
        ClaimState.ATTENTION,
        "stored-claim-invalid",
    )
    assert json.loads(stopped.submission_json)["bill_hash"] == older.submission().bill_hash
