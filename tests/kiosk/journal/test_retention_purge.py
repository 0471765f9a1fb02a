"""Retention: personal data of claims the insurer accepted long ago goes; everything else stays."""

import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest
from signed_claims import sign_and_enqueue, strokes_for, visit_bill

from kiosk.billing import bill_hash
from kiosk.insurer.models import ClaimResult, ClaimStatus, ClaimSubmission
from kiosk.journal import AttemptOutcome, Journal, PaymentMethod
from kiosk.journal.store import PURGED_MEMBER_ID
from kiosk.privacy import purge_settled_claims
from tests.estimates import fully_covered

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
RETENTION_DAYS = 180


@pytest.fixture
def journal(tmp_path):
    opened = Journal.open(tmp_path / "journal.sqlite3", clock=lambda: NOW)
    yield opened
    opened.close()


def _claim(journal, member_id, visit_no, *, answer=None, recorded_days_ago=0.0, reference=None):
    """A signed claim for its own visit; `answer` is what the insurer said (None: never sent)."""
    bill = visit_bill(member_id, visit_no, date(2026, 1, 2))
    with journal.transaction() as tx:
        claim = sign_and_enqueue(
            tx,
            bill,
            fully_covered(bill),
            invoice_no=f"INV-{visit_no}",
            strokes=strokes_for(visit_no),
        )
        if reference is not None:
            visit_id = journal.bill(claim.bill_id).visit_id
            tx.record_payment(visit_id, PaymentMethod.CARD, 1_000, reference=reference)
    if answer is None:
        return claim
    with journal.transaction() as tx:
        attempt = tx.begin_attempt(claim.id)
        submission = ClaimSubmission.model_validate_json(claim.submission_json)
        tx.record_claim_answer(
            attempt,
            ClaimResult(
                claim_id=f"CLM-{visit_no}",
                idempotency_key=claim.idempotency_key,
                status=answer,
                reject_code="not-covered" if answer is ClaimStatus.REJECTED else None,
                adjudication=fully_covered(submission.bill),
                bill_hash=submission.bill_hash,
                clinic_id="CLINIC-DEMO",
                member_id=member_id,
                service_date=submission.bill.service_date,
                recorded_at=NOW - timedelta(days=recorded_days_ago),
            ),
        )
    return claim


def _snapshot(path):
    """Every row of every table, by table and primary key."""
    db = sqlite3.connect(path)
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            table: {row[0]: row for row in db.execute(f"SELECT rowid, * FROM {table}")}
            for table in tables
        }
    finally:
        db.close()


def _changed_cells(before, after):
    """{(table, rowid, column_index): (old, new)} plus rows that appeared or vanished."""
    changes = {}
    for table, rows in after.items():
        for rowid, row in rows.items():
            old = before[table].get(rowid)
            if old is None:
                changes[(table, rowid, "new")] = row
                continue
            for index, (a, b) in enumerate(zip(old, row, strict=True)):
                if a != b:
                    changes[(table, rowid, index)] = (a, b)
        for rowid in before[table].keys() - rows.keys():
            changes[(table, rowid, "gone")] = before[table][rowid]
    return changes


def test_purge_removes_signatures_and_member_data_of_old_accepted_claims_and_nothing_else(journal):
    old_accepted = _claim(
        journal,
        "M26000101",
        1,
        answer=ClaimStatus.ACCEPTED,
        recorded_days_ago=200,
        reference="POS-1",
    )
    old_paid = _claim(journal, "M26000102", 2, answer=ClaimStatus.PAID, recorded_days_ago=181)
    recent = _claim(
        journal,
        "M26000103",
        3,
        answer=ClaimStatus.ACCEPTED,
        recorded_days_ago=179.9,
        reference="POS-3",
    )
    rejected = _claim(journal, "M26000104", 4, answer=ClaimStatus.REJECTED, recorded_days_ago=300)
    unsent = _claim(journal, "M26000105", 5)
    before = _snapshot(journal.path)

    report = purge_settled_claims(journal, RETENTION_DAYS, now=NOW)

    assert report.claim_ids == (old_accepted.id, old_paid.id)
    assert report.signatures == 2
    after = _snapshot(journal.path)
    changes = _changed_cells(before, after)
    touched_tables = {key[0] for key in changes}
    assert touched_tables == {"visits", "bills", "signatures", "claims", "payments", "audit"}

    for claim in (old_accepted, old_paid):
        assert journal.signature(claim.bill_id).strokes == b""
        # The fingerprint of the strokes stays: the claim remains provably signed.
        assert (
            journal.signature(claim.bill_id).strokes_sha256
            == before["signatures"][_signature_rowid(before, claim.bill_id)][5]
        )
        bill = journal.bill(claim.bill_id)
        assert bill.member_id == PURGED_MEMBER_ID
        assert journal.visit(bill.visit_id).member_id == PURGED_MEMBER_ID
        stored = ClaimSubmission.model_validate_json(journal.claim(claim.id).submission_json)
        original = ClaimSubmission.model_validate_json(claim.submission_json)
        assert stored.bill.member_id == PURGED_MEMBER_ID
        assert stored.model_copy(update={"bill": original.bill}) == original
        assert journal.claim(claim.id).covered_fen == bill.total_covered_fen
    old_visit = journal.bill(old_accepted.bill_id).visit_id
    assert [p.reference for p in journal.payments(old_visit)] == [None]
    assert [p.amount_fen for p in journal.payments(old_visit)] == [1_000]

    for claim, member in ((recent, "M26000103"), (rejected, "M26000104"), (unsent, "M26000105")):
        assert journal.signature(claim.bill_id).strokes == strokes_for(int(member[-1]))
        assert journal.bill(claim.bill_id).member_id == member
        assert journal.claim(claim.id).submission_json == claim.submission_json
    recent_visit = journal.bill(recent.bill_id).visit_id
    assert [p.reference for p in journal.payments(recent_visit)] == ["POS-3"]

    # Exactly the expected cells changed: 2 visits, 2 bills, 2 signatures, 2 claims, 1 payment,
    # and one audit entry that names the purged claims.
    per_table = {t: sum(1 for k in changes if k[0] == t) for t in touched_tables}
    assert per_table == {
        "visits": 2,
        "bills": 2,
        "signatures": 2,
        "claims": 2,
        "payments": 1,
        "audit": 1,
    }
    (entry,) = journal.audit_entries(after_seq=max(before["audit"]))
    assert entry.action == "retention.purged"
    assert entry.details()["claims"] == [old_accepted.id, old_paid.id]
    assert journal.verify_audit().intact


def _signature_rowid(snapshot, bill_id):
    return next(rowid for rowid, row in snapshot["signatures"].items() if row[2] == bill_id)


def test_a_second_purge_changes_nothing_and_adds_no_audit_entry(journal):
    _claim(journal, "M26000101", 1, answer=ClaimStatus.ACCEPTED, recorded_days_ago=400)
    purge_settled_claims(journal, RETENTION_DAYS, now=NOW)
    before = _snapshot(journal.path)

    report = purge_settled_claims(journal, RETENTION_DAYS, now=NOW + timedelta(days=30))

    assert report.claim_ids == ()
    assert _snapshot(journal.path) == before


def test_a_visit_keeps_its_member_while_one_of_its_claims_is_not_purged(journal):
    first = _claim(journal, "M26000101", 1, answer=ClaimStatus.ACCEPTED, recorded_days_ago=365)
    visit_id = journal.bill(first.bill_id).visit_id
    second_bill = visit_bill("M26000101", 2, date(2026, 1, 2))
    with journal.transaction() as tx:
        shown = bill_hash(second_bill, fully_covered(second_bill), clinic="c", invoice_no="INV-2b")
        second_id = tx.record_bill(
            visit_id, second_bill, clinic_invoice_no="INV-2b", bill_hash=shown
        )

    purge_settled_claims(journal, RETENTION_DAYS, now=NOW)

    assert journal.bill(first.bill_id).member_id == PURGED_MEMBER_ID
    assert journal.bill(second_id).member_id == "M26000101"
    assert journal.visit(visit_id).member_id == "M26000101"


def test_retention_refuses_naive_times_and_negative_days(journal):
    with pytest.raises(ValueError, match="timezone-aware"):
        purge_settled_claims(journal, RETENTION_DAYS, now=datetime(2026, 1, 1))  # noqa: DTZ001
    with pytest.raises(ValueError, match="negative"):
        purge_settled_claims(journal, -1, now=NOW)


def test_unanswered_attempts_do_not_count_as_accepted(journal):
    claim = _claim(journal, "M26000101", 1)
    with journal.transaction() as tx:
        attempt = tx.begin_attempt(claim.id)
        tx.record_claim_retry(
            attempt,
            AttemptOutcome.UNREACHABLE,
            error_class="InsurerUnreachable",
            next_attempt_at=NOW - timedelta(days=365),
        )

    assert purge_settled_claims(journal, 0, now=NOW).claim_ids == ()
