"""The family's statement of a claim, for the manager's claims list: the newest version the
journal keeps, byte for byte (or one made from the journal when the claim was signed before
statements were kept). A claim whose signature the retention purge erased has no copy to make.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.journal import Journal
from ui.statements import reprint_statement


class NoSignedCopy(LookupError):
    """The journal no longer holds this claim's signature (retention purge)."""


def signed_bill_copy(journal: Journal, claim_id: int, documents_dir: Path) -> Path:
    """The PDF of the statement this claim was signed for, in the language and with the clinic
    the family saw. Runs on a worker thread (disk, painting)."""
    claim = journal.claim(claim_id)
    stored = journal.signature(claim.bill_id)
    if stored is None or not stored.strokes:
        raise NoSignedCopy(claim.clinic_invoice_no)
    return reprint_statement(journal, claim.bill_id, documents_dir)
