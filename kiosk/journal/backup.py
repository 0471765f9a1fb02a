"""Backups of the journal: a consistent copy made while the kiosk runs, verified before it counts.

Copying `journal.sqlite3` by hand misses what still sits in its write-ahead log (`-wal`): such a
copy once held 0 of 5 claims and still verified. `back_up` uses SQLite's online backup, writes
the copy under a temporary name, checks it as `kiosk audit-verify` would, and only then gives it
its final name and notes the backup in the audit trail (which `kiosk doctor` reads).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.journal.errors import JournalUnavailable
from kiosk.journal.store import BACKUP_ACTION, Journal


@dataclass(frozen=True, slots=True)
class BackupReport:
    path: Path
    claims: int
    audit_entries: int
    audit_head: str
    sha256: str


def backup_target(destination: Path, now: datetime) -> Path:
    """A folder gets a new time-stamped file; a file name is used as given, never overwritten."""
    if destination.is_dir():
        return destination / f"journal-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}.sqlite3"
    if destination.exists() or destination.is_symlink():
        raise JournalUnavailable(
            f"{destination} already exists; a backup never overwrites a file. Name a new file "
            "or a folder."
        )
    if not destination.parent.is_dir():
        raise JournalUnavailable(f"The folder {destination.parent} does not exist.")
    return destination


def back_up(journal: Journal, destination: Path) -> BackupReport:
    """Copy, verify and keep; on any failure nothing is left at the final name."""
    target = backup_target(destination, journal.now())
    if target.exists():
        raise JournalUnavailable(f"{target} already exists; try again in a second.")
    partial = target.with_name(f".{target.name}.partial")
    try:
        journal.copy_to(partial)
        with Journal.open_read_only(partial) as copy:
            problems = copy.integrity_problems()
            verdict = copy.verify_audit()
            claims = copy.claim_count()
        if problems or not verdict.intact:
            raise JournalUnavailable(
                "The copy did not verify (the journal itself may be damaged: run "
                "kiosk audit-verify); no backup was kept."
            )
        digest = _sha256(partial)
        _fsync(partial)
        os.replace(partial, target)
        _fsync(target.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    with journal.transaction(actor="console") as tx:
        tx.append_audit(
            BACKUP_ACTION,
            "journal",
            {"sha256": digest, "claims": claims, "audit_head": verdict.head_hash},
        )
    return BackupReport(target, claims, verdict.entries, verdict.head_hash, digest)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync(path: Path) -> None:
    """Make the copy (or its folder entry) durable; a folder cannot be opened on Windows."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
