import hashlib
import itertools
import sqlite3
import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter
from signed_claims import (
    claim_submission,
    shown_bill_hash,
    sign_and_enqueue,
    strokes_for,
    visit_bill,
)

from kiosk.insurer.models import (
    Bill,
    BillLine,
    IdempotencyKey,
    ItemCategory,
    PreAuthCreated,
    PreAuthRequest,
    SignatureEvidence,
)
from kiosk.journal import (
    MIGRATIONS,
    SCHEMA_VERSION,
    ClaimState,
    Journal,
    JournalTooNew,
    JournalUnavailable,
    PaymentMethod,
    RecordConflict,
    RecordNotFound,
)
from kiosk.journal.preauth_requests import record_preauth_request, record_preauth_sent
from tests.estimates import fully_covered


def _signed(journal, bill, estimate, invoice_no="INV-0001"):
    with journal.transaction(actor="reception") as tx:
        return sign_and_enqueue(tx, bill, estimate, invoice_no=invoice_no, strokes=strokes_for(1))


# --- the file, its durability settings and its schema ------------------------------------------


def test_a_new_journal_is_write_ahead_logged_at_the_latest_schema(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        assert journal.schema_version == SCHEMA_VERSION
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()


def test_migrations_are_numbered_one_by_one():
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_a_journal_from_the_first_version_is_upgraded_and_keeps_its_data(tmp_path):
    path = tmp_path / "journal.sqlite3"
    old = sqlite3.connect(path)
    for statement in MIGRATIONS[0].statements:
        old.execute(statement)
    old.execute(
        "INSERT INTO visits (member_id, service_date, visit_type, opened_at)"
        " VALUES ('M-1', '2026-11-20', 'outpatient', '2026-11-20T01:00:00.000000+00:00')"
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()

    with Journal.open(path) as journal:
        assert journal.schema_version == SCHEMA_VERSION
        assert journal.visit(1).member_id == "M-1"
        assert journal.claims() == []


def test_a_journal_from_a_newer_kiosk_is_left_alone(tmp_path):
    path = tmp_path / "journal.sqlite3"
    Journal.open(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()

    with pytest.raises(JournalTooNew, match="newer kiosk"):
        Journal.open(path)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    raw.close()


def test_a_file_that_is_not_a_journal_gives_a_message(tmp_path):
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"this is a spreadsheet, honest" * 100)
    with pytest.raises(JournalUnavailable, match="not a kiosk journal") as caught:
        Journal.open(path)
    assert str(path) in caught.value.message


def test_a_journal_that_cannot_be_created_gives_a_message(tmp_path):
    with pytest.raises(JournalUnavailable, match="cannot be opened"):
        Journal.open(tmp_path / "no-such-folder" / "journal.sqlite3")


def test_a_write_held_up_by_another_program_gives_a_message(tmp_path):
    path = tmp_path / "journal.sqlite3"
    journal = Journal.open(path, busy_timeout=0.1)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(JournalUnavailable, match="locked"), journal.transaction() as tx:
            tx.open_visit("M-1", date(2026, 11, 20))
    finally:
        other.execute("ROLLBACK")
        other.close()
        journal.close()


# --- transactions ------------------------------------------------------------------------------


def test_a_failed_transaction_leaves_no_trace(journal):
    with pytest.raises(ZeroDivisionError), journal.transaction() as tx:
        visit_id = tx.open_visit("M-1", date(2026, 11, 20))
        _ = 1 / 0
    with pytest.raises(RecordNotFound):
        journal.visit(visit_id)
    assert journal.audit_entries() == []


def test_transactions_do_not_nest(journal):
    outer = journal.transaction()
    inner = journal.transaction()
    with outer, pytest.raises(RuntimeError, match="nest"), inner:
        pass


def test_a_transaction_cannot_be_used_after_its_block(journal):
    with journal.transaction() as tx:
        tx.open_visit("M-1", date(2026, 11, 20))
    with pytest.raises(RuntimeError):
        tx.open_visit("M-2", date(2026, 11, 20))


def test_committed_writes_survive_reopening(tmp_path, bill, estimate):
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        claim = _signed(journal, bill, estimate)
    with Journal.open(path) as journal:
        again = journal.claim(claim.id)
    assert again == claim
    assert again.submission().bill == bill


def test_writers_on_two_threads_both_land_and_the_chain_holds(journal):
    errors = []

    def write(member):
        try:
            for _ in range(25):
                with journal.transaction() as tx:
                    tx.open_visit(member, date(2026, 11, 20))
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(f"M-{n}",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    verdict = journal.verify_audit()
    assert verdict.intact and verdict.entries == 50


# --- bills, signatures, payments ---------------------------------------------------------------

bill_lines = st.lists(
    st.builds(
        lambda code, description, category, quantity, price: (
            code,
            description,
            category,
            quantity,
            price,
        ),
        st.text("ABCDEFGHJK0123456789", min_size=1, max_size=32),
        st.text(min_size=1, max_size=128).filter(lambda s: "\x00" not in s),
        st.sampled_from(ItemCategory),
        st.integers(1, 9999),
        st.integers(0, 10**9),
    ),
    min_size=1,
    max_size=12,
)


invoice_numbers = itertools.count(1)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=bill_lines)
def test_bills_come_back_exactly_as_recorded_to_the_fen(journal, lines):
    bill = Bill(
        member_id="M-42",
        service_date=date(2026, 11, 20),
        lines=[
            BillLine(
                line_no=n,
                item_code=code,
                description=description,
                category=category,
                quantity=quantity,
                unit_price_fen=price,
            )
            for n, (code, description, category, quantity, price) in enumerate(lines, start=1)
        ],
    )
    estimate = fully_covered(bill)
    invoice_no = f"INV-{next(invoice_numbers)}"
    with journal.transaction() as tx:
        visit_id = tx.open_visit(bill.member_id, bill.service_date)
        bill_id = tx.record_bill(
            visit_id, bill, clinic_invoice_no=invoice_no, bill_hash="a" * 64, adjudication=estimate
        )
    stored = journal.bill(bill_id)
    assert stored.to_bill() == bill
    assert stored.total_submitted_fen == sum(line.submitted_fen for line in bill.lines)
    assert stored.total_covered_fen == estimate.total_covered_fen
    assert all(type(line.unit_price_fen) is int for line in stored.lines)


def test_an_estimate_for_another_bill_is_refused(journal, bill, estimate):
    other = fully_covered(visit_bill("M-10001", 2, bill.service_date))
    with journal.transaction() as tx:
        visit_id = tx.open_visit(bill.member_id, bill.service_date)
        with pytest.raises(RecordConflict, match="different bill"):
            tx.record_bill(
                visit_id, bill, clinic_invoice_no="INV-1", bill_hash="a" * 64, adjudication=other
            )


def test_an_invoice_number_is_used_once(journal, bill, estimate):
    _signed(journal, bill, estimate, invoice_no="INV-7")
    with pytest.raises(RecordConflict, match="INV-7"), journal.transaction() as tx:
        visit_id = tx.open_visit(bill.member_id, bill.service_date)
        tx.record_bill(visit_id, bill, clinic_invoice_no="INV-7", bill_hash="b" * 64)


def test_a_signature_made_on_another_version_of_the_bill_is_refused(journal, bill, estimate):
    strokes = strokes_for(1)
    with journal.transaction() as tx:
        visit_id = tx.open_visit(bill.member_id, bill.service_date)
        bill_id = tx.record_bill(
            visit_id, bill, clinic_invoice_no="INV-1", bill_hash="c" * 64, adjudication=estimate
        )
    evidence = SignatureEvidence(
        bill_hash="d" * 64,
        strokes_sha256=hashlib.sha256(strokes).hexdigest(),
        point_count=2,
        signed_at=datetime.now(UTC),
    )
    with pytest.raises(RecordConflict, match="different version"), journal.transaction() as tx:
        tx.record_signature(bill_id, strokes, evidence)
    assert journal.signature(bill_id) is None


def test_signature_strokes_are_kept_byte_for_byte(journal, bill, estimate):
    claim = _signed(journal, bill, estimate)
    signature = journal.signature(claim.bill_id)
    assert signature.strokes == strokes_for(1)
    assert signature.bill_hash == journal.bill(claim.bill_id).bill_hash


@pytest.mark.parametrize("method", list(PaymentMethod))
def test_each_desk_payment_method_is_recorded(journal, method):
    with journal.transaction() as tx:
        visit_id = tx.open_visit("M-1", date(2026, 11, 20))
        tx.record_payment(visit_id, method, 4_250, reference="R-1")
    [payment] = journal.payments(visit_id)
    assert (payment.method, payment.amount_fen, payment.reference) == (method, 4_250, "R-1")


@pytest.mark.parametrize(
    ("method", "amount", "error"),
    [
        ("cash", 12.5, TypeError),
        ("cash", True, TypeError),
        ("cash", 0, ValueError),
        ("cash", -100, ValueError),
        ("cheque", 100, ValueError),
    ],
)
def test_impossible_payments_are_refused_and_nothing_is_kept(journal, method, amount, error):
    with journal.transaction() as tx:
        visit_id = tx.open_visit("M-1", date(2026, 11, 20))
    with pytest.raises(error), journal.transaction() as tx:
        tx.record_payment(visit_id, method, amount)
    assert journal.payments(visit_id) == []


def test_naive_times_are_refused(tmp_path):
    journal = Journal.open(tmp_path / "j.sqlite3", clock=datetime.now)
    with journal, pytest.raises(ValueError, match="timezone-aware"), journal.transaction() as tx:
        tx.open_visit("M-1", date(2026, 11, 20))


# --- the outbox's records ---------------------------------------------------------------------


def test_a_signed_claim_gets_one_stored_idempotency_key(tmp_path, bill, estimate):
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        first = _signed(journal, bill, estimate, invoice_no="INV-1")
        second = _signed(journal, visit_bill("M-2", 2, bill.service_date), estimate_for(2, bill))
    TypeAdapter(IdempotencyKey).validate_python(first.idempotency_key)
    assert first.idempotency_key != second.idempotency_key
    with Journal.open(path) as journal:
        assert journal.claim(first.id).idempotency_key == first.idempotency_key
        assert journal.claim(first.id).state is ClaimState.WAITING


def estimate_for(visit_no, bill):
    return fully_covered(visit_bill("M-2", visit_no, bill.service_date))


def test_an_unsigned_bill_cannot_be_claimed(journal, bill, estimate):
    shown = shown_bill_hash(bill, estimate, "INV-1")
    with journal.transaction() as tx:
        visit_id = tx.open_visit(bill.member_id, bill.service_date)
        bill_id = tx.record_bill(
            visit_id, bill, clinic_invoice_no="INV-1", bill_hash=shown, adjudication=estimate
        )
    evidence = SignatureEvidence(
        bill_hash=shown, strokes_sha256="e" * 64, point_count=3, signed_at=datetime.now(UTC)
    )
    submission = claim_submission(bill, estimate, "INV-1", evidence)
    with pytest.raises(RecordConflict, match="not signed"), journal.transaction() as tx:
        tx.enqueue_claim(bill_id, submission)
    assert journal.claims() == []


def test_a_claim_that_differs_from_the_signed_bill_is_refused(journal, bill, estimate):
    claim = _signed(journal, bill, estimate)
    altered_bill = bill.model_copy(
        update={"lines": [bill.lines[0].model_copy(update={"quantity": 2}), bill.lines[1]]}
    )
    altered = claim.submission().model_copy(update={"bill": altered_bill})
    refused = pytest.raises(RecordConflict, match="not the bill the family signed")
    with refused, journal.transaction() as tx:
        tx.enqueue_claim(claim.bill_id, altered)


def test_a_bill_is_claimed_once(journal, bill, estimate):
    claim = _signed(journal, bill, estimate)
    with pytest.raises(RecordConflict, match="already queued"), journal.transaction() as tx:
        tx.enqueue_claim(claim.bill_id, claim.submission())
    assert len(journal.claims()) == 1


def test_the_queue_state_counts_and_dates_failures(journal, bill, estimate):
    claim = _signed(journal, bill, estimate)
    assert journal.queue_state().waiting == 1
    assert journal.queue_state().unreachable_since is None
    with journal.transaction() as tx:
        first = tx.begin_attempt(claim.id)
    started = journal.claim_attempts(claim.id)[0].started_at
    with journal.transaction() as tx:
        tx.record_claim_retry(
            first,
            "unreachable",
            error_class="InsurerUnreachable",
            next_attempt_at=journal.now() + timedelta(seconds=1),
        )
    with journal.transaction() as tx:
        second = tx.begin_attempt(claim.id)
        tx.record_claim_retry(
            second,
            "unreachable",
            error_class="InsurerTimeout",
            next_attempt_at=journal.now() + timedelta(seconds=2),
        )
    state = journal.queue_state()
    assert (state.waiting, state.attention, state.unreachable_since) == (1, 0, started)
    assert journal.claim(claim.id).failures == 2
    with journal.transaction() as tx:
        third = tx.begin_attempt(claim.id)
        tx.record_claim_refused(
            third, "rejected", reason="rejected:member-not-eligible", error_class="InsurerRejected"
        )
    state = journal.queue_state()
    assert (state.waiting, state.attention, state.unreachable_since) == (0, 1, None)


def test_attempts_cut_short_by_a_kill_are_closed_on_restart(tmp_path, bill, estimate):
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        claim = _signed(journal, bill, estimate)
        with journal.transaction() as tx:
            tx.begin_attempt(claim.id)
    with Journal.open(path) as journal:
        with journal.transaction(actor="outbox") as tx:
            assert tx.close_interrupted_attempts() == 1
        [attempt] = journal.claim_attempts(claim.id)
        assert attempt.outcome == "interrupted"
        assert journal.claim(claim.id).state is ClaimState.WAITING


def test_a_claim_needing_attention_can_be_requeued_or_resolved_by_a_person(journal, bill, estimate):
    claim = _signed(journal, bill, estimate)
    with journal.transaction() as tx:
        attempt = tx.begin_attempt(claim.id)
        tx.record_claim_refused(
            attempt, "stopped", reason="device-key-refused", error_class="InsurerAuthError"
        )
    with journal.transaction(actor="manager") as tx:
        assert tx.requeue_claim(claim.id).state is ClaimState.WAITING
    with pytest.raises(RecordConflict), journal.transaction(actor="manager") as tx:
        tx.resolve_claim(claim.id, "family paid in cash")
    assert journal.claim(claim.id).state is ClaimState.WAITING


# --- pre-auth requests -------------------------------------------------------------------------


def test_a_preauth_request_is_kept_with_its_key_and_the_answer(journal):
    request = PreAuthRequest(
        member_id="M-7",
        item_code="S100",
        description="扁桃体切除术",
        category=ItemCategory.SURGERY,
        planned_date=date(2026, 12, 10),
        diagnosis="慢性扁桃体炎",
        estimated_cost_fen=1_200_000,
    )
    with journal.transaction() as tx:
        stored = record_preauth_request(tx, request)
    TypeAdapter(IdempotencyKey).validate_python(stored.idempotency_key)
    answer = PreAuthCreated.model_validate(
        {
            "preauth": {
                **request.model_dump(mode="json"),
                "preauth_id": "PA-1",
                "status": "pending",
                "requested_at": "2026-11-25T02:00:00Z",
            },
            "calendar": {
                "data_until": "2026-12-31",
                "fallback_weekends_only": False,
                "required_working_days": 5,
                "earliest_planned_date": "2026-12-03",
            },
        }
    )
    with journal.transaction() as tx:
        record_preauth_sent(tx, stored.id, answer)
    [kept] = journal.preauth_requests("M-7")
    assert (kept.request, kept.insurer_preauth_id, kept.status) == (request, "PA-1", "pending")
    assert journal.preauth_requests("M-8") == []


# --- the audit trail ---------------------------------------------------------------------------


def test_every_write_is_in_the_audit_trail_in_order(journal, bill, estimate):
    claim = _signed(journal, bill, estimate)
    actions = [entry.action for entry in journal.audit_entries()]
    assert actions == ["visit.opened", "bill.recorded", "bill.signed", "claim.queued"]
    assert journal.audit_entries()[-1].details()["invoice"] == claim.clinic_invoice_no
    assert {entry.actor for entry in journal.audit_entries()} == {"reception"}
    assert journal.verify_audit().intact


def test_no_personal_data_goes_into_the_audit_trail(journal, bill, estimate):
    _signed(journal, bill, estimate)
    text = " ".join(f"{e.subject} {e.detail}" for e in journal.audit_entries())
    assert bill.member_id not in text
    assert bill.lines[1].description not in text


def test_the_database_refuses_to_edit_or_delete_audit_entries(journal, bill, estimate):
    _signed(journal, bill, estimate)
    raw = sqlite3.connect(journal.path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute("UPDATE audit SET detail = '{}' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute("DELETE FROM audit WHERE seq = 4")
    raw.close()
    assert journal.verify_audit().intact


def _tamper(path, sql, *args):
    raw = sqlite3.connect(path)
    raw.execute("DROP TRIGGER audit_no_update")
    raw.execute("DROP TRIGGER audit_no_delete")
    raw.execute(sql, args)
    raw.commit()
    raw.close()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seq=st.integers(1, 8),
    column=st.sampled_from(["at", "actor", "action", "subject", "detail", "prev_hash", "hash"]),
    data=st.data(),
)
def test_editing_any_field_of_any_entry_outside_the_kiosk_is_detected(
    tmp_path_factory, bill, estimate, seq, column, data
):
    path = tmp_path_factory.mktemp("tamper") / "journal.sqlite3"
    with Journal.open(path) as journal:
        _signed(journal, bill, estimate, invoice_no="INV-1")
        _signed(journal, visit_bill("M-2", 2, bill.service_date), estimate_for(2, bill), "INV-2")
    raw = sqlite3.connect(path)
    original = raw.execute(f"SELECT {column} FROM audit WHERE seq = ?", (seq,)).fetchone()[0]
    raw.close()
    if column in ("prev_hash", "hash"):
        forged = data.draw(st.text("0123456789abcdef", min_size=64, max_size=64))
    elif column == "at":
        forged = (datetime.fromisoformat(original) + timedelta(seconds=1)).isoformat()
    else:
        forged = data.draw(st.text(max_size=40))
    if forged == original:
        forged += "x"
    _tamper(path, f"UPDATE audit SET {column} = ? WHERE seq = ?", forged, seq)
    with Journal.open(path) as journal:
        verdict = journal.verify_audit()
    assert not verdict.intact
    assert verdict.first_broken_seq == seq


def test_removing_an_entry_from_the_middle_is_detected(journal, bill, estimate):
    _signed(journal, bill, estimate)
    _tamper(journal.path, "DELETE FROM audit WHERE seq = 2")
    verdict = journal.verify_audit()
    assert (verdict.intact, verdict.first_broken_seq) == (False, 3)


def test_the_chain_head_changes_with_every_entry(journal, bill, estimate):
    before = journal.verify_audit().head_hash
    _signed(journal, bill, estimate)
    after = journal.verify_audit()
    assert after.head_hash != before
    assert after.head_hash == journal.audit_entries()[-1].hash
