"""The signed bill of a claim, for the claims list: the PDF the desk saved, or one made again
from the journal when that file is gone (another PC, a cleaned folder).

The journal keeps everything the family signed — the lines with the insurer's estimate, the
strokes, the bill hash — so the copy shows the same lines, amounts, signature and hash. It is
printed in the desk's language; the member is masked. A claim whose signature the retention
purge erased has no copy to make.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kiosk.billing import BillTotals, ShownLine
from kiosk.journal import Journal
from kiosk.reports import masked_member
from kiosk.signature import Signature
from ui.signed_bill import render_signed_bill
from ui.widgets.signature_pad import image_to_png, render_signature


class NoSignedCopy(LookupError):
    """The journal no longer holds this claim's signature (retention purge)."""


def signed_bill_path(documents_dir: Path, invoice_no: str) -> Path:
    """Where the desk saves a visit's signed bill (`ui.screens.done`)."""
    return documents_dir / f"{invoice_no}.pdf"


def signed_bill_copy(
    journal: Journal,
    claim_id: int,
    documents_dir: Path,
    *,
    clinic: str,
    language: str,
    names_en: Mapping[str, str] | None = None,
) -> Path:
    """The PDF of the bill this claim was signed for; made from the journal when missing.
    Runs on a worker thread (disk, painting)."""
    claim = journal.claim(claim_id)
    target = signed_bill_path(documents_dir, claim.clinic_invoice_no)
    if target.exists():
        return target
    bill = journal.bill(claim.bill_id)
    stored = journal.signature(claim.bill_id)
    if stored is None or not stored.strokes:
        raise NoSignedCopy(claim.clinic_invoice_no)
    names = names_en or {}
    lines = [
        ShownLine(
            line_no=line.line_no,
            item_code=line.item_code,
            description=line.description,
            description_en=names.get(line.item_code, ""),
            category=line.category,
            quantity=line.quantity,
            unit_price_fen=line.unit_price_fen,
            submitted_fen=line.submitted_fen,
            covered_fen=line.covered_fen or 0,
            patient_fen=line.patient_fen if line.patient_fen is not None else line.submitted_fen,
            reason=line.reason,
            preauth_id=line.preauth_id,
        )
        for line in bill.lines
    ]
    totals = BillTotals(
        submitted_fen=bill.total_submitted_fen,
        covered_fen=bill.total_covered_fen or 0,
        patient_fen=bill.total_patient_fen
        if bill.total_patient_fen is not None
        else bill.total_submitted_fen,
    )
    signature = Signature.from_bytes(stored.strokes)
    documents_dir.mkdir(parents=True, exist_ok=True)
    render_signed_bill(
        target,
        clinic=clinic,
        invoice_no=claim.clinic_invoice_no,
        member_masked=masked_member(bill.member_id),
        plan="—",
        lines=lines,
        totals=totals,
        signature_png=image_to_png(render_signature(signature, transparent=False)),
        bill_hash=bill.bill_hash,
        claim_number=claim.insurer_claim_id,
        signed_at=stored.signed_at,
        language=language,
        service_date=bill.service_date,
    )
    return target
