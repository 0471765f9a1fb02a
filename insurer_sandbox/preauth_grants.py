"""Pre-auths as the sandbox insurer keeps them: what an approval grants, and what is left of it.

What is left is never stored as a counter: it is the approved uses and amount less the unreleased
rows of `preauth_uses` (one per claim line paid under the approval, written when the claim is
accepted, released when it is cancelled).
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kiosk.insurer.models import (
    Attachment,
    AttachmentSummary,
    AttachmentType,
    ItemCategory,
    PreAuth,
    PreAuthGrant,
    PreAuthStatus,
)

GRANT_DEFAULT_DAYS = 30
"""An approval without an end date is valid until 30 days after the planned date."""


class GrantError(ValueError):
    """Approval terms that cannot be granted (an empty window, no uses, nothing covered)."""


@dataclass(frozen=True)
class GrantTerms:
    """What an approval grants; a term left None takes its default from the request (see
    `Store.decide_preauth`)."""

    approved_fen: int | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    uses_allowed: int | None = None
    item_codes: tuple[str, ...] | None = None
    categories: tuple[ItemCategory, ...] | None = None


@dataclass(frozen=True)
class PreAuthUse:
    """What one claim line took from an approval: `units` uses and `covered_fen`."""

    preauth_id: str
    line_no: int
    units: int
    covered_fen: int


def attachment_summary(attachment: Attachment) -> AttachmentSummary:
    """An attachment as the insurer answers it: named, sized and hashed, not sent back."""
    return AttachmentSummary(
        title=attachment.title,
        content_type=attachment.content_type,
        size=len(attachment.data),
        sha256=hashlib.sha256(attachment.data).hexdigest(),
    )


def granted(row: sqlite3.Row, terms: GrantTerms, today: date) -> PreAuthGrant:
    """The grant `terms` make of the request in `row` (see `Store.decide_preauth`)."""
    planned = date.fromisoformat(row["planned_date"])
    approved = row["estimated_cost_fen"] if terms.approved_fen is None else terms.approved_fen
    valid_from = min(today, planned) if terms.valid_from is None else terms.valid_from
    valid_until = (
        planned + timedelta(days=GRANT_DEFAULT_DAYS)
        if terms.valid_until is None
        else terms.valid_until
    )
    uses = 1 if terms.uses_allowed is None else terms.uses_allowed
    items = [row["item_code"]] if terms.item_codes is None else list(terms.item_codes)
    categories = [] if terms.categories is None else list(terms.categories)
    if approved <= 0:
        raise GrantError("an approval grants an amount above zero")
    if valid_until < valid_from:
        raise GrantError(f"the window ends ({valid_until}) before it starts ({valid_from})")
    if uses < 1:
        raise GrantError("an approval grants at least one use")
    if not items and not categories:
        raise GrantError("an approval covers at least one item code or category")
    return PreAuthGrant(
        auth_number=row["auth_number"] or f"GL-{today.year}-{secrets.token_hex(3).upper()}",
        approved_fen=approved,
        valid_from=valid_from,
        valid_until=valid_until,
        uses_allowed=uses,
        item_codes=items,
        categories=categories,
        uses_left=uses,
        amount_left_fen=approved,
    )


def write_grant(db: sqlite3.Connection, preauth_id: str, grant: PreAuthGrant) -> None:
    """Keep what an approval grants with its request."""
    db.execute(
        "UPDATE preauths SET auth_number = ?, approved_fen = ?, valid_from = ?, valid_until = ?, "
        "uses_allowed = ?, item_codes_json = ?, categories_json = ? WHERE preauth_id = ?",
        (
            grant.auth_number,
            grant.approved_fen,
            grant.valid_from.isoformat(),
            grant.valid_until.isoformat(),
            grant.uses_allowed,
            json.dumps(grant.item_codes),
            json.dumps([c.value for c in grant.categories]),
            preauth_id,
        ),
    )


def read_grant(db: sqlite3.Connection, row: sqlite3.Row) -> PreAuthGrant | None:
    """An approval's grant with what its unreleased uses leave of it; None unless approved."""
    if row["status"] != PreAuthStatus.APPROVED.value or row["auth_number"] is None:
        return None
    units, covered = db.execute(
        "SELECT coalesce(sum(units), 0), coalesce(sum(covered_fen), 0) FROM preauth_uses "
        "WHERE preauth_id = ? AND released = 0",
        (row["preauth_id"],),
    ).fetchone()
    return PreAuthGrant(
        auth_number=row["auth_number"],
        approved_fen=row["approved_fen"],
        valid_from=date.fromisoformat(row["valid_from"]),
        valid_until=date.fromisoformat(row["valid_until"]),
        uses_allowed=row["uses_allowed"],
        item_codes=json.loads(row["item_codes_json"]),
        categories=[ItemCategory(c) for c in json.loads(row["categories_json"])],
        uses_left=max(0, row["uses_allowed"] - units),
        amount_left_fen=max(0, row["approved_fen"] - covered),
    )


def attachment_summaries(db: sqlite3.Connection, preauth_id: str) -> list[AttachmentSummary]:
    """A request's attachments as the insurer answers them, in the order they were sent."""
    rows = db.execute(
        "SELECT title, content_type, size, sha256 FROM preauth_attachments "
        "WHERE preauth_id = ? ORDER BY position",
        (preauth_id,),
    )
    return [
        AttachmentSummary(
            title=r["title"],
            content_type=AttachmentType(r["content_type"]),
            size=r["size"],
            sha256=r["sha256"],
        )
        for r in rows.fetchall()
    ]


def preauth_from_row(db: sqlite3.Connection, row: sqlite3.Row) -> PreAuth:
    """A stored pre-auth as the insurer answers it, with what is left of its grant."""
    return PreAuth(
        preauth_id=row["preauth_id"],
        member_id=row["member_id"],
        item_code=row["item_code"],
        description=row["description"],
        category=ItemCategory(row["category"]),
        planned_date=date.fromisoformat(row["planned_date"]),
        diagnosis=row["diagnosis"],
        estimated_cost_fen=row["estimated_cost_fen"],
        status=PreAuthStatus(row["status"]),
        requested_at=datetime.fromisoformat(row["requested_at"]),
        decided_at=datetime.fromisoformat(row["decided_at"]) if row["decided_at"] else None,
        emergency=bool(row["emergency"]),
        decision_note=row["decision_note"],
        grant=read_grant(db, row),
        attachments=attachment_summaries(db, row["preauth_id"]),
    )
