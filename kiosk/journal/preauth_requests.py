"""Pre-auth requests in the journal: filed at the desk, sent by the outbox, refused or answered,
and asked about again until the insurer decides.

A request is stored with its idempotency key and due at once (`next_attempt_at`); the outbox sends
the stored body under the stored key, so the insurer files it once however often it is sent (a
crash, a timeout after the insurer recorded it). A failure worth retrying moves its next attempt
on; a definitive no is kept with the insurer's code and words and never sent again. Once sent,
the insurer's latest answer (the whole PreAuth) is kept beside its status, and each change of it
is in the audit trail; retry times and `polled_at` are bookkeeping, not audited (as for claims).
"""

from __future__ import annotations

from datetime import datetime

from kiosk.insurer.models import PreAuth, PreAuthCreated, PreAuthRequest
from kiosk.journal.errors import RecordConflict
from kiosk.journal.records import PreAuthChange, PreAuthRequestRecord, PreAuthRequestState
from kiosk.journal.rows import (
    PREAUTH_SELECT,
    fetch_preauth,
    fetch_visit,
    from_nullable_timestamp,
    inserted_id,
    preauth_from_row,
    to_timestamp,
)
from kiosk.journal.store import Journal, Transaction, new_idempotency_key

_OPEN_STATUSES = "('pending', 'info_requested')"
_UNSENT = "insurer_preauth_id IS NULL AND refusal_code IS NULL AND next_attempt_at IS NOT NULL"
_OPEN = f"(status IN {_OPEN_STATUSES} AND refusal_code IS NULL OR {_UNSENT})"


# --- writes ---------------------------------------------------------------------------------------


def record_preauth_request(
    tx: Transaction, request: PreAuthRequest, *, visit_id: int | None = None
) -> PreAuthRequestRecord:
    """Store the request (its attachments inside it) with a fresh idempotency key, due now: from
    here on it cannot be lost, and the outbox sends it."""
    if visit_id is not None:
        fetch_visit(tx.db, visit_id)
    now = tx.timestamp()
    cursor = tx.db.execute(
        "INSERT INTO preauth_requests (visit_id, idempotency_key, request, member_id,"
        " requested_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)",
        (
            visit_id,
            new_idempotency_key(),
            request.model_dump_json(),
            request.member_id,
            now,
            now,
        ),
    )
    request_id = inserted_id(cursor)
    tx.append_audit(
        "preauth.requested",
        f"preauth-request:{request_id}",
        {
            "item_code": request.item_code,
            "planned_date": request.planned_date.isoformat(),
            "estimated_cost_fen": request.estimated_cost_fen,
            "emergency": request.emergency,
            "attachments": len(request.attachments),
        },
    )
    return fetch_preauth(tx.db, request_id)


def record_preauth_sent(
    tx: Transaction, request_id: int, created: PreAuthCreated
) -> tuple[PreAuthRequestRecord, PreAuthChange]:
    """The insurer filed the request: keep its id and answer; the request is sent."""
    stored = fetch_preauth(tx.db, request_id)
    preauth = created.preauth
    if (preauth.member_id, preauth.item_code) != (stored.member_id, stored.item_code):
        raise RecordConflict("The insurer's answer is for a different pre-auth request.")
    if stored.state is PreAuthRequestState.REFUSED:
        raise RecordConflict(f"Pre-auth request {request_id} was refused; it is not sent.")
    if stored.insurer_preauth_id not in (None, preauth.preauth_id):
        raise RecordConflict(
            f"Pre-auth request {request_id} is filed as {stored.insurer_preauth_id} already."
        )
    now = tx.timestamp()
    tx.db.execute(
        "UPDATE preauth_requests SET insurer_preauth_id = ?, status = ?, decided_at = ?,"
        " answer = ?, sent_at = coalesce(sent_at, ?), polled_at = ?, next_attempt_at = NULL,"
        " last_failure = NULL WHERE id = ?",
        (
            preauth.preauth_id,
            preauth.status.value,
            to_timestamp(preauth.decided_at) if preauth.decided_at else None,
            preauth.model_dump_json(),
            now,
            now,
            request_id,
        ),
    )
    tx.append_audit(
        "preauth.answered",
        f"preauth-request:{request_id}",
        {"preauth_id": preauth.preauth_id, "status": preauth.status.value},
    )
    return fetch_preauth(tx.db, request_id), _change(stored, preauth)


def record_preauth_retry(
    tx: Transaction, request_id: int, *, error_class: str, next_attempt_at: datetime
) -> PreAuthRequestRecord:
    """A send failed in a way worth retrying: the request waits until `next_attempt_at`."""
    stored = fetch_preauth(tx.db, request_id)
    if stored.state is not PreAuthRequestState.UNSENT:
        raise RecordConflict(f"Pre-auth request {request_id} is {stored.state.value}, not unsent.")
    tx.db.execute(
        "UPDATE preauth_requests SET failures = failures + 1, last_failure = ?,"
        " next_attempt_at = ? WHERE id = ?",
        (error_class, to_timestamp(next_attempt_at), request_id),
    )
    return fetch_preauth(tx.db, request_id)


def record_preauth_refused(
    tx: Transaction,
    request_id: int,
    *,
    code: str,
    detail: str,
    http_status: int | None = None,
) -> tuple[PreAuthRequestRecord, PreAuthChange]:
    """A definitive no to filing it (422 `preauth-lead-time`, say): kept with the insurer's code
    and words, and never sent again."""
    stored = fetch_preauth(tx.db, request_id)
    if stored.state is not PreAuthRequestState.UNSENT:
        raise RecordConflict(f"Pre-auth request {request_id} is {stored.state.value}, not unsent.")
    tx.db.execute(
        "UPDATE preauth_requests SET refusal_code = ?, refusal_detail = ?, refused_at = ?,"
        " next_attempt_at = NULL WHERE id = ?",
        (code, detail, tx.timestamp(), request_id),
    )
    tx.append_audit(
        "preauth.refused",
        f"preauth-request:{request_id}",
        {"code": code, "http_status": http_status},
    )
    change = PreAuthChange(
        request_id=request_id,
        member_id=stored.member_id,
        item_code=stored.item_code,
        description=stored.request.description,
        old_status=None,
        new_status=None,
        preauth=None,
        refusal=detail,
        refusal_code=code,
    )
    return fetch_preauth(tx.db, request_id), change


def record_preauth_polled(
    tx: Transaction, request_id: int, preauth: PreAuth | None
) -> PreAuthChange | None:
    """The insurer was asked about a sent request: keep its answer when it differs (audited);
    the change when its status moved, None otherwise. `preauth` None: the insurer's list no
    longer names it, and the request stays as it was."""
    stored = fetch_preauth(tx.db, request_id)
    now = tx.timestamp()
    tx.db.execute("UPDATE preauth_requests SET polled_at = ? WHERE id = ?", (now, request_id))
    if preauth is None or preauth == stored.preauth:
        return None
    if preauth.preauth_id != stored.insurer_preauth_id:
        raise RecordConflict("The insurer's answer is for a different pre-auth.")
    tx.db.execute(
        "UPDATE preauth_requests SET status = ?, decided_at = ?, answer = ? WHERE id = ?",
        (
            preauth.status.value,
            to_timestamp(preauth.decided_at) if preauth.decided_at else None,
            preauth.model_dump_json(),
            request_id,
        ),
    )
    moved = preauth.status is not stored.status
    tx.append_audit(
        "preauth.changed" if moved else "preauth.updated",
        f"preauth-request:{request_id}",
        {
            "preauth_id": preauth.preauth_id,
            "old_status": stored.status.value if stored.status else None,
            "status": preauth.status.value,
        },
    )
    return _change(stored, preauth) if moved else None


def _change(stored: PreAuthRequestRecord, preauth: PreAuth) -> PreAuthChange:
    return PreAuthChange(
        request_id=stored.id,
        member_id=stored.member_id,
        item_code=stored.item_code,
        description=stored.request.description,
        old_status=stored.status,
        new_status=preauth.status,
        preauth=preauth,
        refusal=None,
    )


# --- reads ----------------------------------------------------------------------------------------


def preauth_request(journal: Journal, request_id: int) -> PreAuthRequestRecord:
    with journal.reading() as db:
        return fetch_preauth(db, request_id)


def open_preauth_requests(
    journal: Journal, member_id: str | None = None
) -> list[PreAuthRequestRecord]:
    """Requests the insurer has not decided: unsent, pending or waiting for more information."""
    where = f" WHERE {_OPEN}" + (" AND member_id = ?" if member_id is not None else "")
    args = (member_id,) if member_id is not None else ()
    with journal.reading() as db:
        return [
            preauth_from_row(row)
            for row in db.execute(PREAUTH_SELECT + where + " ORDER BY id", args)
        ]


def preauth_requests_due(
    journal: Journal, horizon: datetime, limit: int
) -> list[PreAuthRequestRecord]:
    """Unsent requests due by `horizon`, oldest schedule first."""
    with journal.reading() as db:
        rows = db.execute(
            PREAUTH_SELECT + f" WHERE {_UNSENT} AND next_attempt_at <= ?"
            " ORDER BY next_attempt_at, id LIMIT ?",
            (to_timestamp(horizon), limit),
        ).fetchall()
        return [preauth_from_row(row) for row in rows]


def next_preauth_attempt_at(journal: Journal) -> datetime | None:
    """When the earliest unsent request is due."""
    with journal.reading() as db:
        row = db.execute(f"SELECT min(next_attempt_at) FROM preauth_requests WHERE {_UNSENT}")
        return from_nullable_timestamp(row.fetchone()[0])


def members_to_ask(journal: Journal, asked_before: datetime) -> list[str]:
    """Members with a sent request still open (pending, more information asked) that the
    insurer was last asked about before `asked_before`, the longest unasked first."""
    with journal.reading() as db:
        rows = db.execute(
            "SELECT member_id, min(coalesce(polled_at, sent_at, requested_at)) AS asked"
            f" FROM preauth_requests WHERE status IN {_OPEN_STATUSES} AND refusal_code IS NULL"
            " GROUP BY member_id HAVING asked <= ? ORDER BY asked, member_id",
            (to_timestamp(asked_before),),
        ).fetchall()
        return [row[0] for row in rows]


def last_asked_at(journal: Journal) -> datetime | None:
    """The earliest time the insurer was last asked about any sent, open request; None when no
    sent request is open."""
    with journal.reading() as db:
        row = db.execute(
            "SELECT min(coalesce(polled_at, sent_at, requested_at)) FROM preauth_requests"
            f" WHERE status IN {_OPEN_STATUSES} AND refusal_code IS NULL"
        ).fetchone()
        return from_nullable_timestamp(row[0])


def sent_open_requests(journal: Journal, member_id: str) -> list[PreAuthRequestRecord]:
    """The member's sent requests the insurer has not decided."""
    with journal.reading() as db:
        rows = db.execute(
            PREAUTH_SELECT + f" WHERE member_id = ? AND status IN {_OPEN_STATUSES}"
            " AND refusal_code IS NULL ORDER BY id",
            (member_id,),
        ).fetchall()
        return [preauth_from_row(row) for row in rows]
