"""The family's statement, made and kept: the one path the Done screen, a manager's reprint and
the catch-up after a late claim answer all take, and the copy the manager opens from the claims
list (`signed_bill_copy`).

Each call makes the next version from the journal as it stands (`kiosk.desk.keep_statement`),
keeps its bytes in the journal (the outbox delivers it to the e-card's visit records) and writes
the same bytes to the documents folder for opening and printing. Runs on worker threads.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject

from kiosk.desk import keep_statement
from kiosk.journal import Journal, QueueState
from kiosk.journal.statements import StatementVersionTaken, latest_statement, statements_behind
from kiosk.signature import Signature
from kiosk.statement import StatementContent, StatementFacts
from ui.documents.family_statement import statement_pdf, write_statement
from ui.session import KioskSession
from ui.tasks import Task, accepting_work
from ui.widgets.signature_pad import image_to_png, render_signature

log = logging.getLogger(__name__)

VERSION_RACES = 3
"""Two writers (the Done screen, the catch-up) can race for a version once; never for long."""


def statement_path(documents_dir: Path, statement_no: str) -> Path:
    """Where the desk keeps a visit's statement file (the newest version)."""
    return documents_dir / f"{statement_no}.pdf"


def make_statement(
    journal: Journal,
    bill_id: int,
    documents_dir: Path,
    *,
    facts: StatementFacts | None = None,
    attempts: int = VERSION_RACES,
) -> tuple[StatementContent, Path]:
    """The bill's next statement version, kept in the journal and written as a file; tried
    again (`attempts` in all) when another writer took the version first."""
    stored = journal.signature(bill_id)
    png = None
    if stored is not None and stored.strokes:
        image = render_signature(Signature.from_bytes(stored.strokes), transparent=False)
        png = image_to_png(image)
    for _ in range(attempts):
        try:
            content, record = keep_statement(
                journal, bill_id, lambda content: statement_pdf(content, png), facts=facts
            )
        except StatementVersionTaken:
            continue
        path = write_statement(statement_path(documents_dir, content.statement_no), record.pdf)
        return content, path
    raise StatementVersionTaken(f"bill {bill_id}: statement versions keep racing")


def reprint_statement(journal: Journal, bill_id: int, documents_dir: Path) -> Path:
    """The newest kept version, byte for byte (a reprint is the same document); one is made
    when the bill has none yet (signed before statements were kept)."""
    latest = latest_statement(journal, bill_id)
    if latest is None or not latest.pdf:
        return make_statement(journal, bill_id, documents_dir)[1]
    bill = journal.bill(bill_id)
    return write_statement(statement_path(documents_dir, bill.clinic_invoice_no), latest.pdf)


class NoSignedCopy(LookupError):
    """The journal no longer holds this claim's signature (retention purge)."""


def signed_bill_copy(journal: Journal, claim_id: int, documents_dir: Path) -> Path:
    """For the manager's claims list: the statement this claim was signed for, in the language
    and with the clinic the family saw (`reprint_statement`). A claim whose signature the
    retention purge erased has no copy to make. Runs on a worker thread (disk, painting)."""
    claim = journal.claim(claim_id)
    stored = journal.signature(claim.bill_id)
    if stored is None or not stored.strokes:
        raise NoSignedCopy(claim.clinic_invoice_no)
    return reprint_statement(journal, claim.bill_id, documents_dir)


def catch_up_statements(journal: Journal, documents_dir: Path) -> int:
    """New versions for claims the insurer accepted after the family left; how many."""
    made = 0
    for bill_id in statements_behind(journal):
        try:
            make_statement(journal, bill_id, documents_dir, attempts=1)
        except StatementVersionTaken:
            continue  # the Done screen made the version with the claim number just now
        made += 1
    return made


class StatementKeeper(QObject):
    """Watches the outbox: when a claim is answered after its visit left the desk, the family's
    statement gets a version with the claim number (and the outbox delivers that one)."""

    def __init__(self, session: KioskSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._running = False
        session.outbox.changed.connect(self._outbox_changed)

    def _outbox_changed(self, _state: QueueState) -> None:
        if self._running or not accepting_work():
            return
        self._running = True
        journal, documents = self.session.journal, self.session.documents_dir
        Task(lambda: catch_up_statements(journal, documents)).success(self._caught_up).failure(
            self._failed
        ).run()

    def _caught_up(self, made: int) -> None:
        self._running = False
        if made:
            self.session.submitter.wake()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        log.warning("statements could not be brought up to date: %s", type(error).__name__)
