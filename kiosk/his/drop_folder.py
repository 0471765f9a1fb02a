"""The FHIR drop folder: the HIS writes a bundle as a `*.json` file, the desk takes it in.

Each pass reads the folder's `*.json` files in name order (the HIS's numbering is its order),
reads each as a FHIR R4 bundle (`kiosk.his.fhir_r4.read_bundle`) and keeps it in the inbox.
A file taken in (or a resend of one already taken) goes to `imported/`; a refused one to
`refused/`, beside it `<name>.reason.txt` with the refusal and which element, for whoever
fixes the HIS's side (no values: the reason names elements, never personal data). A file
changed in the last `SETTLE_SECONDS` (or, by the desk's clock, in the future) may still be
being written and waits for the next pass; a file that cannot be read or moved now (the HIS
holding it open) waits too. Moving happens
after the inbox kept the message, so a pass that stops between the two finds the file again
and takes it as the duplicate it is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.his.charges import HisInputError, HisRefusal
from kiosk.his.fhir_r4 import read_bundle
from kiosk.his.inbox import HisInbox, Received

log = logging.getLogger(__name__)

IMPORTED = "imported"
REFUSED = "refused"
SETTLE_SECONDS = 2.0
"""A file modified this recently may be half written: the HIS gets until the next pass."""


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What became of one dropped file."""

    file: str
    """The file's name as dropped (it may be renamed in imported/ or refused/ to not clash)."""
    accepted: bool
    duplicate: bool
    """Accepted as a resend of a message already in the inbox: kept once."""
    refusal: HisRefusal | None
    detail: str
    message_id: str | None
    """The bundle's id when it could be read (a refusal may come before it is known)."""


def import_folder(
    folder: Path, inbox: HisInbox, *, clock: Callable[[], datetime] | None = None
) -> list[ImportOutcome]:
    """One pass over the drop folder; files still being written are left for the next."""
    now = (clock or (lambda: datetime.now(UTC)))().timestamp()
    outcomes = []
    for path in sorted(folder.glob("*.json")):
        try:
            if not path.is_file() or now - path.stat().st_mtime < SETTLE_SECONDS:
                continue
            outcomes.append(import_file(path, inbox))
        except OSError as exc:  # gone, or held open by the HIS: the next pass tries again
            # a file's name may be the child's (a HIS may name exports so): never logged
            log.warning("a FHIR drop file is left for the next pass: %s", exc.strerror)
    return outcomes


def import_file(path: Path, inbox: HisInbox) -> ImportOutcome:
    """Read one dropped bundle into the inbox and move the file to imported/ or refused/."""
    message_id = None
    try:
        message = read_bundle(path.read_bytes())
        message_id = message.message_id
        received = inbox.receive(message)
    except HisInputError as exc:
        target = _free_name(path.parent / REFUSED, path.name)
        reason = target.with_name(target.name + ".reason.txt")
        reason.write_text(f"{exc.refusal.value}\n{exc.detail}\n", encoding="utf-8")
        try:
            path.replace(target)
        except OSError:  # the file stays for the next pass, which writes its reason again
            reason.unlink(missing_ok=True)
            raise
        outcome = ImportOutcome(path.name, False, False, exc.refusal, exc.detail, message_id)
        log.info("a FHIR drop file was refused (%s): %s", exc.refusal.value, exc.detail)
        return outcome
    path.replace(_free_name(path.parent / IMPORTED, path.name))
    duplicate = received is Received.DUPLICATE
    detail = "already received: kept once" if duplicate else ""
    outcome = ImportOutcome(path.name, True, duplicate, None, detail, message_id)
    log.info("a FHIR drop file was accepted: message %s (%s)", message_id, received.value)
    return outcome


def _free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/<stem>.<n><suffix>` when a file of that name is there already
    (the HIS reused a name): nothing dropped is ever overwritten."""
    folder.mkdir(exist_ok=True)
    target = folder / name
    number = 1
    while target.exists() or target.with_name(target.name + ".reason.txt").exists():
        number += 1
        target = folder / f"{Path(name).stem}.{number}{Path(name).suffix}"
    return target
