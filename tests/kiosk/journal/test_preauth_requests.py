"""Pre-auth requests in the journal: filed due at once, sent, retried, refused, asked about again;
every change audited and sealed; journals of schema 8 upgraded without sending what an older
kiosk failed to send."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest
from pydantic import TypeAdapter

from kiosk.insurer.models import (
    IdempotencyKey,
    ItemCategory,
    PreAuth,
    PreAuthCreated,
    PreAuthGrant,
    PreAuthRequest,
    PreAuthStatus,
    WorkingCalendar,
)
from kiosk.journal import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Journal,
    PreAuthChange,
    PreAuthRequestState,
    RecordConflict,
)
from kiosk.journal import schema as journal_schema
from kiosk.journal import seals as journal_seals
from kiosk.journal.preauth_requests import (
    members_to_ask,
    next_preauth_attempt_at,
    open_preauth_requests,
    preauth_request,
    preauth_requests_due,
    record_preauth_polled,
    record_preauth_refused,
    record_preauth_retry,
    record_preauth_sent,
)
from kiosk.journal.records import NOT_SENT_BEFORE_UPGRADE
from kiosk.preauths import file_preauth

NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def journal(tmp_path, clock):
    with Journal.open(tmp_path / "journal.sqlite3", clock=clock) as opened:
        yield opened


def mri(member_id: str = "M-7", **changes: object) -> PreAuthRequest:
    return PreAuthRequest.model_validate(
        {
            "member_id": member_id,
            "item_code": "EXAM-MRI",
            "description": "头颅磁共振 Head MRI",
            "category": ItemCategory.EXAM,
            "planned_date": date(2026, 12, 10),
            "diagnosis": "Recurrent headache (R51)",
            "estimated_cost_fen": 680_000,
        }
        | changes
    )


def answer(request: PreAuthRequest, status=PreAuthStatus.PENDING, **changes) -> PreAuth:
    """The insurer's pre-auth for `request`, as its list or its filing answer gives it."""
    return PreAuth.model_validate(
        request.model_dump(exclude={"attachments"})
        | {
            "preauth_id": "PA-1",
            "status": status,
            "requested_at": NOW,
            "decided_at": None if status is PreAuthStatus.PENDING else NOW + timedelta(hours=1),
        }
        | changes
    )


def grant(request: PreAuthRequest, approved_fen: int = 680_000) -> PreAuthGrant:
    return PreAuthGrant(
        auth_number="AUTH-1",
        approved_fen=approved_fen,
        valid_from=date(2026, 11, 26),
        valid_until=request.planned_date + timedelta(days=30),
        uses_allowed=1,
        item_codes=[request.item_code],
        uses_left=1,
        amount_left_fen=approved_fen,
    )


def created(preauth: PreAuth) -> PreAuthCreated:
    return PreAuthCreated(
        preauth=preauth,
        calendar=WorkingCalendar(
            data_until=date(2026, 12, 31),
            fallback_weekends_only=False,
            required_working_days=5,
            earliest_planned_date=date(2026, 12, 3),
        ),
    )


def sent(journal: Journal, request: PreAuthRequest):
    record = file_preauth(journal, request)
    with journal.transaction(actor="outbox") as tx:
        return record_preauth_sent(tx, record.id, created(answer(request)))


def actions(journal: Journal) -> list[str]:
    return [entry.action for entry in journal.audit_entries()]


# --- filing -------------------------------------------------------------------------------------


def test_a_filed_request_is_kept_with_its_own_key_and_due_at_once(journal):
    request = mri()
    first = file_preauth(journal, request)
    second = file_preauth(journal, request)
    TypeAdapter(IdempotencyKey).validate_python(first.idempotency_key)
    assert first.idempotency_key != second.idempotency_key
    assert (first.request, first.state, first.next_attempt_at) == (
        request,
        PreAuthRequestState.UNSENT,
        NOW,
    )
    assert first.is_open and first.preauth is None and first.sent_at is None
    assert [r.id for r in preauth_requests_due(journal, NOW, limit=5)] == [first.id, second.id]
    assert next_preauth_attempt_at(journal) == NOW
    assert actions(journal) == ["preauth.requested", "preauth.requested"]
    assert journal.record_problems() == []


def test_attachments_travel_inside_the_stored_request(journal):
    note = {"title": "Doctor's note", "content_type": "application/pdf", "data": "JVBERi0xLjQK"}
    request = mri(attachments=[note], emergency=True)
    record = file_preauth(journal, request)
    kept = preauth_request(journal, record.id).request
    assert kept == request and kept.attachments[0].data == b"%PDF-1.4\n"
    [entry] = journal.audit_entries()
    assert '"attachments":1' in entry.detail and '"emergency":true' in entry.detail
    assert "Doctor" not in entry.detail


def test_a_request_for_a_visit_not_in_the_journal_is_refused(journal):
    with pytest.raises(Exception, match="Visit 99"):
        file_preauth(journal, mri(), visit_id=99)


# --- sending --------------------------------------------------------------------------------------


def test_a_sent_request_keeps_the_insurers_answer_and_is_no_longer_due(journal, clock):
    request = mri()
    record, change = sent(journal, request)
    assert (record.state, record.insurer_preauth_id, record.sent_at) == (
        PreAuthRequestState.PENDING,
        "PA-1",
        NOW,
    )
    assert record.preauth == answer(request) and record.next_attempt_at is None
    assert change == PreAuthChange(
        request_id=record.id,
        member_id="M-7",
        item_code="EXAM-MRI",
        description=request.description,
        old_status=None,
        new_status=PreAuthStatus.PENDING,
        preauth=answer(request),
        refusal=None,
    )
    assert preauth_requests_due(journal, NOW + timedelta(days=9), limit=5) == []
    assert [r.id for r in open_preauth_requests(journal, "M-7")] == [record.id]
    assert actions(journal)[-1] == "preauth.answered"
    assert journal.record_problems() == []


def test_an_answer_for_another_member_or_item_is_not_kept(journal):
    record = file_preauth(journal, mri())
    other = answer(mri(item_code="EXAM-CT"))
    with pytest.raises(RecordConflict), journal.transaction() as tx:
        record_preauth_sent(tx, record.id, created(other))
    assert preauth_request(journal, record.id).state is PreAuthRequestState.UNSENT


def test_a_failed_send_waits_for_its_next_try_unaudited(journal):
    record = file_preauth(journal, mri())
    later = NOW + timedelta(seconds=4)
    with journal.transaction(actor="outbox") as tx:
        waiting = record_preauth_retry(
            tx, record.id, error_class="InsurerUnreachable", next_attempt_at=later
        )
    assert (waiting.state, waiting.failures, waiting.last_failure, waiting.next_attempt_at) == (
        PreAuthRequestState.UNSENT,
        1,
        "InsurerUnreachable",
        later,
    )
    assert preauth_requests_due(journal, NOW, limit=5) == []
    assert [r.id for r in preauth_requests_due(journal, later, limit=5)] == [record.id]
    assert actions(journal) == ["preauth.requested"]
    assert journal.record_problems() == []


def test_a_refusal_is_kept_with_the_insurers_reason_and_never_due_again(journal):
    record = file_preauth(journal, mri(planned_date=date(2026, 11, 26)))
    detail = "the planned date must leave at least 5 working days after today (2026-11-25)"
    with journal.transaction(actor="outbox") as tx:
        refused, change = record_preauth_refused(
            tx, record.id, code="preauth-lead-time", detail=detail, http_status=422
        )
    assert (refused.state, refused.refusal_code, refused.refusal_detail) == (
        PreAuthRequestState.REFUSED,
        "preauth-lead-time",
        detail,
    )
    assert refused.refused_at == NOW and not refused.is_open
    assert (change.old_status, change.new_status, change.refusal, change.refusal_code) == (
        None,
        None,
        detail,
        "preauth-lead-time",
    )
    assert preauth_requests_due(journal, NOW + timedelta(days=99), limit=5) == []
    assert open_preauth_requests(journal) == []
    with pytest.raises(RecordConflict), journal.transaction() as tx:
        record_preauth_sent(tx, record.id, created(answer(refused.request)))
    with pytest.raises(RecordConflict), journal.transaction() as tx:
        record_preauth_retry(tx, record.id, error_class="InsurerTimeout", next_attempt_at=NOW)
    assert actions(journal)[-1] == "preauth.refused"
    assert journal.record_problems() == []


# --- asking again ---------------------------------------------------------------------------------


def test_a_decision_asked_about_is_kept_once_and_told_once(journal, clock):
    request = mri()
    record, _ = sent(journal, request)
    clock.now = NOW + timedelta(minutes=3)
    with journal.transaction(actor="outbox") as tx:
        assert record_preauth_polled(tx, record.id, answer(request)) is None
    assert preauth_request(journal, record.id).polled_at == clock.now

    more = answer(request, PreAuthStatus.INFO_REQUESTED, decision_note="Send the referral")
    with journal.transaction(actor="outbox") as tx:
        asked = record_preauth_polled(tx, record.id, more)
    assert (asked.old_status, asked.new_status) == (
        PreAuthStatus.PENDING,
        PreAuthStatus.INFO_REQUESTED,
    )
    assert preauth_request(journal, record.id).is_open

    approved = answer(request, PreAuthStatus.APPROVED, grant=grant(request))
    with journal.transaction(actor="outbox") as tx:
        decided = record_preauth_polled(tx, record.id, approved)
        assert record_preauth_polled(tx, record.id, approved) is None
    assert (decided.old_status, decided.new_status, decided.preauth) == (
        PreAuthStatus.INFO_REQUESTED,
        PreAuthStatus.APPROVED,
        approved,
    )
    kept = preauth_request(journal, record.id)
    assert (kept.state, kept.preauth, kept.decided_at) == (
        PreAuthRequestState.APPROVED,
        approved,
        approved.decided_at,
    )
    assert not kept.is_open and members_to_ask(journal, clock.now + timedelta(days=1)) == []
    assert actions(journal)[-2:] == ["preauth.changed", "preauth.changed"]
    assert journal.record_problems() == []


def test_an_answer_changed_without_a_new_status_is_kept_and_audited_but_not_told(journal):
    request = mri()
    record, _ = sent(journal, request)
    noted = answer(request, decision_note="In review by the medical team")
    with journal.transaction(actor="outbox") as tx:
        assert record_preauth_polled(tx, record.id, noted) is None
    assert preauth_request(journal, record.id).preauth == noted
    assert actions(journal)[-1] == "preauth.updated"
    assert journal.record_problems() == []


def test_members_are_asked_about_by_the_oldest_question_after_the_interval(journal, clock):
    first, _ = sent(journal, mri("M-1"))
    clock.now = NOW + timedelta(minutes=1)
    sent(journal, mri("M-2"))
    sent(journal, mri("M-1"))
    assert members_to_ask(journal, NOW - timedelta(seconds=1)) == []
    assert members_to_ask(journal, NOW) == ["M-1"]
    assert members_to_ask(journal, clock.now) == ["M-1", "M-2"]
    clock.now = NOW + timedelta(minutes=2)
    with journal.transaction(actor="outbox") as tx:
        record_preauth_polled(tx, first.id, None)
    assert members_to_ask(journal, NOW + timedelta(minutes=1)) == ["M-1", "M-2"]


def test_an_approved_amount_edited_outside_the_kiosk_is_found(journal):
    request = mri()
    record, _ = sent(journal, request)
    approved = answer(request, PreAuthStatus.APPROVED, grant=grant(request))
    with journal.transaction(actor="outbox") as tx:
        record_preauth_polled(tx, record.id, approved)
    inflated = answer(request, PreAuthStatus.APPROVED, grant=grant(request, 6_800_000))
    raw = sqlite3.connect(journal.path)
    raw.execute(
        "UPDATE preauth_requests SET answer = ? WHERE id = ?",
        (inflated.model_dump_json(), record.id),
    )
    raw.commit()
    raw.close()
    assert journal.record_problems() == [
        f"preauth-request:{record.id} differs from what audit entry 3 recorded"
    ]


# --- journals of schema 8 -------------------------------------------------------------------------


def _schema_8_seal(db: sqlite3.Connection, request_id: int) -> object | None:
    row = db.execute(
        "SELECT idempotency_key, request, insurer_preauth_id, status FROM preauth_requests"
        " WHERE id = ?",
        (request_id,),
    ).fetchone()
    return None if row is None else list(row)


def test_a_journal_of_schema_8_keeps_its_requests_and_their_seals(tmp_path, monkeypatch):
    """As schema 8 kiosks left them: one request sent and pending, one whose send failed (they
    did not retry). The sent one is asked about; the other is not sent now: it may have been
    filed again since with other details."""
    path = tmp_path / "journal.sqlite3"
    with monkeypatch.context() as old_kiosk:
        old_kiosk.setattr(journal_schema, "MIGRATIONS", MIGRATIONS[:8])
        old_kiosk.setattr(journal_schema, "SCHEMA_VERSION", 8)
        old_kiosk.setitem(
            journal_seals.SEALED, "preauth-request", ("preauth_requests", _schema_8_seal)
        )
        with Journal.open(path) as old:
            assert old.schema_version == 8
            with old.transaction(actor="desk") as tx:
                for n, (preauth_id, status) in enumerate([("PA-9", "pending"), (None, None)]):
                    tx.db.execute(
                        "INSERT INTO preauth_requests (idempotency_key, request, member_id,"
                        " requested_at, insurer_preauth_id, status) VALUES (?, ?, ?, ?, ?, ?)",
                        (
                            f"key-of-request-number-{n}-0123456789",
                            mri().model_dump_json(),
                            "M-7",
                            "2026-11-20T02:00:00.000000+00:00",
                            preauth_id,
                            status,
                        ),
                    )
                    tx.append_audit("preauth.requested", f"preauth-request:{n + 1}")
            with pytest.raises(sqlite3.IntegrityError), old.transaction() as tx:
                tx.db.execute("UPDATE preauth_requests SET status = 'info_requested'")

    with Journal.open(path) as journal:
        assert journal.schema_version == SCHEMA_VERSION
        sent_one, never_sent = journal.preauth_requests("M-7")
        assert (sent_one.state, sent_one.insurer_preauth_id, sent_one.request) == (
            PreAuthRequestState.PENDING,
            "PA-9",
            mri(),
        )
        assert sent_one.sent_at == sent_one.requested_at and sent_one.preauth is None
        assert (never_sent.state, never_sent.refusal_code) == (
            PreAuthRequestState.REFUSED,
            NOT_SENT_BEFORE_UPGRADE,
        )
        assert preauth_requests_due(journal, datetime.max.replace(tzinfo=UTC), limit=5) == []
        assert [r.id for r in open_preauth_requests(journal)] == [sent_one.id]
        assert members_to_ask(journal, journal.now()) == ["M-7"]
        assert journal.record_problems() == []
        assert journal.verify_audit().intact
        with journal.transaction() as tx:
            tx.db.execute("UPDATE preauth_requests SET status = 'info_requested' WHERE id = 1")
        with pytest.raises(sqlite3.IntegrityError), journal.transaction() as tx:
            tx.db.execute("UPDATE preauth_requests SET status = 'lost' WHERE id = 1")
        indexes = {
            row[0]
            for row in sqlite3.connect(path).execute(
                "SELECT name FROM sqlite_master WHERE type = 'index'"
                " AND tbl_name = 'preauth_requests' AND name NOT LIKE 'sqlite_%'"
            )
        }
        assert indexes == {
            "preauth_requests_by_member",
            "preauth_requests_by_requested_at",
            "preauth_requests_due",
            "preauth_requests_by_status",
        }
