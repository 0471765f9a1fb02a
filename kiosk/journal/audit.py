"""The audit trail's hash chain: each entry commits to the one before, so edits show.

The database refuses UPDATE and DELETE on the trail; the chain catches what goes around the
database (someone editing the file with another tool). A chain alone can be recomputed by whoever
edits the file, so each entry is also sealed with a MAC keyed by the desk's audit key, which lives
in the OS keyring, not in the file (`AuditKey`): without it, an edited entry cannot be re-sealed.
An entry about a record (a claim, a bill, a staff account…) also carries that record's `seal`
(`kiosk.journal.seals`), so a record edited outside the kiosk no longer matches its trail.
Truncating the newest entries is noticed against heads kept elsewhere: each claim carries the
head to the insurer (see docs/security.md).
"""

from __future__ import annotations

import hashlib
import hmac
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
    seal: str | None = None
    """The record's seal after this change, for entries about a sealed record."""
    key_id: str | None = None
    mac: str | None = None

    def details(self) -> dict[str, object]:
        details = json.loads(self.detail)
        if not isinstance(details, dict):
            raise ValueError(f"audit entry {self.seq} has details that are not an object")
        return details


@dataclass(frozen=True, slots=True)
class AuditVerdict:
    """Result of re-computing the chain; `first_broken_seq` names the first entry that fails."""

    intact: bool
    entries: int
    first_broken_seq: int | None
    head_hash: str
    why: str = ""
    """What broke, for the person reading the verdict."""
    sealed_here: int = 0
    """Entries whose MAC this desk's audit key confirmed."""
    sealed_elsewhere: int = 0
    """Entries sealed by another key (a journal restored onto this PC): not checkable here."""
    unsealed: int = 0
    """Entries written without an audit key (journals from before sealing)."""


class AuditKey:
    """The desk's secret for sealing audit entries; kept in the OS keyring, never in the file."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 32:
            raise ValueError("an audit key is at least 32 bytes")
        self._secret = secret
        self.key_id = hashlib.sha256(b"kiosk-audit-key-id" + secret).hexdigest()[:16]

    def mac(self, entry_hash: str) -> str:
        """HMAC-SHA256 over the entry's chain hash, which commits to every entry before it."""
        return hmac.new(self._secret, bytes.fromhex(entry_hash), hashlib.sha256).hexdigest()

    def __repr__(self) -> str:
        return f"AuditKey({self.key_id})"


def canonical_detail(detail: dict[str, object]) -> str:
    """One spelling per content, so the hash does not depend on key order."""
    return json.dumps(detail, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(
    prev_hash: str,
    seq: int,
    at: str,
    actor: str,
    action: str,
    subject: str,
    detail: str,
    seal: str | None = None,
) -> str:
    """sha256(previous hash ‖ canonical row content), hex; entries without a seal hash as they
    did before seals existed."""
    row: list[object] = [seq, at, actor, action, subject, detail]
    if seal is not None:
        row.append(seal)
    content = json.dumps(row, separators=(",", ":"), ensure_ascii=False)
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
    seal: str | None = None
    key_id: str | None = None
    mac: str | None = None


def verify_chain(links: Iterable[ChainLink], key: AuditKey | None = None) -> AuditVerdict:
    """Walk the rows in order; each must link to the last and hash to what it says, and, once
    entries are sealed, each must be sealed, with a MAC this desk's key confirms where it can."""
    prev = GENESIS_HASH
    count = here = elsewhere = unsealed = 0
    for link in links:
        count += 1
        recomputed = chain_hash(
            prev, link.seq, link.at, link.actor, link.action, link.subject, link.detail, link.seal
        )
        ours = key is not None and link.key_id == key.key_id
        why = ""
        if link.seq != count or link.prev_hash != prev or link.hash != recomputed:
            why = "it does not follow from the entry before (edited, inserted or removed)"
        elif link.mac is None and (here or elsewhere):
            why = "it is not sealed although earlier entries are (added outside the kiosk)"
        elif link.mac is not None and key is not None and not ours and here:
            # Keys change from a restored journal's old desk to this one, never back.
            why = "it is sealed by another key after entries sealed by this desk's"
        elif (
            ours and key is not None and not hmac.compare_digest(link.mac or "", key.mac(link.hash))
        ):
            why = "its seal is not this desk's (edited, and the chain recomputed)"
        if why:
            return AuditVerdict(False, count, link.seq, prev, why, here, elsewhere, unsealed)
        if link.mac is None:
            unsealed += 1
        elif ours:
            here += 1
        else:
            elsewhere += 1
        prev = link.hash
    return AuditVerdict(True, count, None, prev, "", here, elsewhere, unsealed)
