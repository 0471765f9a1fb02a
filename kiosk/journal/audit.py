"""The audit trail's hash chain: each entry commits to the one before, so edits show.

The database refuses UPDATE and DELETE on the trail; the chain catches what goes around the
database (someone editing the file with another tool). Truncating the newest entries can only be
noticed against a copy of an earlier `head_hash` kept elsewhere (a printed daily report, a backup).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

GENESIS_HASH = "0" * 64
"""The `prev_hash` of the first entry."""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: datetime
    actor: str
    action: str
    subject: str
    detail: str
    """Canonical JSON text of the details (ids, amounts, codes; never names or phone numbers)."""
    prev_hash: str
    hash: str

    def details(self) -> dict[str, object]:
        return json.loads(self.detail)


@dataclass(frozen=True, slots=True)
class AuditVerdict:
    """Result of re-computing the chain; `first_broken_seq` names the first entry that fails."""

    intact: bool
    entries: int
    first_broken_seq: int | None
    head_hash: str


def canonical_detail(detail: dict[str, object]) -> str:
    """One spelling per content, so the hash does not depend on key order."""
    return json.dumps(detail, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(
    prev_hash: str, seq: int, at: str, actor: str, action: str, subject: str, detail: str
) -> str:
    """sha256(previous hash ‖ canonical row content), hex."""
    content = json.dumps(
        [seq, at, actor, action, subject, detail], separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(bytes.fromhex(prev_hash) + content.encode()).hexdigest()


class ChainLink(NamedTuple):
    """An audit row exactly as stored (timestamp as text), which is what the hash covers."""

    seq: int
    at: str
    actor: str
    action: str
    subject: str
    detail: str
    prev_hash: str
    hash: str


def verify_chain(links: Iterable[ChainLink]) -> AuditVerdict:
    """Walk the rows in order; each must link to the last and hash to what it says."""
    prev = GENESIS_HASH
    count = 0
    for link in links:
        count += 1
        recomputed = chain_hash(
            prev, link.seq, link.at, link.actor, link.action, link.subject, link.detail
        )
        if link.seq != count or link.prev_hash != prev or link.hash != recomputed:
            return AuditVerdict(False, count, link.seq, prev)
        prev = link.hash
    return AuditVerdict(True, count, None, prev)
