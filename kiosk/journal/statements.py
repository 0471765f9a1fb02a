"""The family's statement of a signed bill, in versions, and its way to the family's e-card.

A statement is made when the family signs and made again when the claim number or the family's
payment becomes known; each version is kept whole (the PDF bytes and their SHA-256), so a reprint
is a numbered version of the same signed bill, never a different document. The newest version
that carries the insurer's claim number goes to the insurer through the outbox (the e-card app's
visit records, 就诊记录, show it to the family); a later version replaces it there.
A self-pay visit (the insurer pays nothing) has statements too, unsigned and never sent: the
family's receipt for what it paid.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from kiosk.billing import BillTotals, ShownLine
from kiosk.insurer.models import Reason
from kiosk.journal.errors import RecordConflict
from kiosk.journal.payments import visit_account
from kiosk.journal.records import ClaimState
from kiosk.journal.rows import (
    Row,
    fetch_bill,
    fetch_signature,
    from_nullable_timestamp,
    from_timestamp,
    inserted_id,
)
from kiosk.journal.store import Journal, Transaction
from kiosk.statement import (
    ClaimStanding,
    ClinicProfile,
    PaymentLine,
    StatementContent,
    StatementFacts,
)


class StatementVersionTaken(RecordConflict):
    """Another thread kept this version first (the desk and the catch-up at the same moment)."""


@dataclass(frozen=True, slots=True)
class StatementRecord:
    id: int
    bill_id: int
    version: int
    pdf: bytes
    pdf_sha256: str
    claim_number: str | None
    final: bool
    """Made once the claim's answer and the family's payment were known."""
    facts: StatementFacts
    created_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True, slots=True)
class StatementDelivery:
    """A statement due at the insurer, with the claim it belongs to there."""

    statement: StatementRecord
    insurer_claim_id: str


_SELECT = (
    "SELECT id, bill_id, version, pdf, pdf_sha256, claim_number, final, facts, created_at,"
    " sent_at FROM statements"
)


def _record(row: Row) -> StatementRecord:
    return StatementRecord(
        id=row[0],
        bill_id=row[1],
        version=row[2],
        pdf=bytes(row[3]),
        pdf_sha256=row[4],
        claim_number=row[5],
        final=bool(row[6]),
        facts=StatementFacts.model_validate_json(row[7]),
        created_at=from_timestamp(row[8]),
        sent_at=from_nullable_timestamp(row[9]),
    )


def _latest(db: sqlite3.Connection, bill_id: int) -> StatementRecord | None:
    row = db.execute(
        _SELECT + " WHERE bill_id = ? ORDER BY version DESC LIMIT 1", (bill_id,)
    ).fetchone()
    return None if row is None else _record(row)


def record_statement(tx: Transaction, content: StatementContent, pdf: bytes) -> StatementRecord:
    """Keep `pdf`, the rendering of `content`, as the bill's next statement version."""
    bill = tx.db.execute(
        "SELECT id, clinic_invoice_no, total_covered_fen FROM bills WHERE clinic_invoice_no = ?",
        (content.statement_no,),
    ).fetchone()
    if bill is None:
        raise RecordConflict(f"No bill {content.statement_no} for this statement.")
    bill_id, number, covered = bill
    if not pdf.startswith(b"%PDF-"):
        raise RecordConflict(f"The statement of bill {number} is not a PDF.")
    signed = tx.db.execute("SELECT 1 FROM signatures WHERE bill_id = ?", (bill_id,)).fetchone()
    if signed is None and covered:
        raise RecordConflict(f"Bill {number} is not signed: no statement yet.")
    latest = _latest(tx.db, bill_id)
    version = 1 if latest is None else latest.version + 1
    if content.version != version:
        raise StatementVersionTaken(f"Statement {number} is at version {version - 1} already.")
    digest = hashlib.sha256(pdf).hexdigest()
    cursor = tx.db.execute(
        "INSERT INTO statements (bill_id, version, pdf, pdf_sha256, claim_number, final, facts,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            bill_id,
            version,
            pdf,
            digest,
            content.claim_number,
            int(content.final),
            content.facts.model_dump_json(),
            tx.timestamp(),
        ),
    )
    statement_id = inserted_id(cursor)
    tx.append_audit(
        "statement.made",
        f"statement:{statement_id}",
        {"bill": bill_id, "version": version, "pdf_sha256": digest, "final": content.final},
    )
    row = tx.db.execute(_SELECT + " WHERE id = ?", (statement_id,)).fetchone()
    return _record(row)


_STANDING = {
    ClaimState.WAITING: ClaimStanding.WAITING,
    ClaimState.SENT: ClaimStanding.ACCEPTED,
    ClaimState.ATTENTION: ClaimStanding.REFUSED,
    ClaimState.RESOLVED: ClaimStanding.SETTLED,
    ClaimState.VOIDED: ClaimStanding.VOIDED,
    ClaimState.CANCELLED: ClaimStanding.CANCELLED,
}


def statement_content(
    journal: Journal, bill_id: int, *, facts: StatementFacts | None = None
) -> StatementContent:
    """The next statement version of a bill as the journal holds it now: its lines and amounts
    as signed, the claim as it stands, the family's payments by method (net of refunds) and
    what it still owes the clinic. `facts` are those kept with the
    signature (or the last version) unless given (a self-pay visit's first receipt)."""
    with journal.reading() as db:
        bill = fetch_bill(db, bill_id)
        signature = fetch_signature(db, bill_id)
        latest = _latest(db, bill_id)
        claim = db.execute(
            "SELECT state, insurer_claim_id, submission, covered_fen FROM claims WHERE bill_id = ?",
            (bill_id,),
        ).fetchone()
        account = visit_account(db, bill.visit_id)
    facts = facts or (signature.facts if signature else None) or (latest.facts if latest else None)
    names_en: dict[str, str] = dict(facts.item_names_en) if facts else {}
    auth_numbers: dict[int, str] = {}
    if claim is not None:
        names_en, provider_display, auth_numbers = _stored_shown(claim[2])
        if facts is None:
            facts = StatementFacts(
                language="zh_CN",
                child_masked="—",
                policy_masked="—",
                service_date=bill.service_date,
                clinic=ClinicProfile.from_display(provider_display),
            )
    if facts is None:
        raise RecordConflict(f"Bill {bill.clinic_invoice_no} has no statement facts kept.")
    lines = [
        ShownLine(
            line_no=line.line_no,
            item_code=line.item_code,
            description=line.description,
            description_en=names_en.get(line.item_code, ""),
            category=line.category,
            quantity=line.quantity,
            unit_price_fen=line.unit_price_fen,
            submitted_fen=line.submitted_fen,
            covered_fen=line.covered_fen or 0,
            patient_fen=line.patient_fen if line.patient_fen is not None else line.submitted_fen,
            reason=line.reason or Reason.NOT_COVERED,
            preauth_id=line.preauth_id,
            preauth_ref=auth_numbers.get(line.line_no),
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
    return StatementContent(
        statement_no=bill.clinic_invoice_no,
        version=1 if latest is None else latest.version + 1,
        facts=facts,
        lines=lines,
        totals=totals,
        bill_hash=bill.bill_hash,
        signed_at=signature.signed_at if signature else None,
        standing=ClaimStanding.SELF_PAY if claim is None else _STANDING[ClaimState(claim[0])],
        claim_number=None if claim is None else claim[1],
        payments=[
            PaymentLine(method.value, amount)
            for method, amount in account.net_by_method().items()
            if amount > 0
        ],
        visit_type=bill.visit_type,
        owed_fen=account.owed_fen,
        confirmed_fen=claim[3]
        if claim is not None
        and claim[0] == ClaimState.SENT.value
        and any(line.reason is Reason.GUARANTEE_PENDING for line in lines)
        else None,
    )


def _stored_shown(submission_json: str) -> tuple[dict[str, str], str, dict[int, str]]:
    """From the claim's `shown` block as stored, the English item names, the clinic's name as
    shown and the guarantee letters' auth numbers by line (an older kiosk's claim may have no
    block: no names, "—" and no numbers)."""
    shown = json.loads(submission_json).get("shown")
    if not isinstance(shown, dict):
        shown = {}
    names_en = shown.get("item_display_en", {})
    provider_display = shown.get("provider_display")
    adjudication = shown.get("adjudication")
    shown_lines = adjudication.get("lines", []) if isinstance(adjudication, dict) else []
    auth_numbers = {
        line["line_no"]: line["preauth_ref"]
        for line in shown_lines
        if isinstance(line, dict)
        and isinstance(line.get("line_no"), int)
        and isinstance(line.get("preauth_ref"), str)
    }
    return (
        names_en if isinstance(names_en, dict) else {},
        provider_display if isinstance(provider_display, str) and provider_display else "—",
        auth_numbers,
    )


def record_statement_delivered(tx: Transaction, statement_id: int) -> None:
    """The insurer stored this version: the family finds it in the e-card's visit records."""
    tx.db.execute(
        "UPDATE statements SET sent_at = ? WHERE id = ? AND sent_at IS NULL",
        (tx.timestamp(), statement_id),
    )
    tx.append_audit("statement.delivered", f"statement:{statement_id}")


def record_statement_refused(tx: Transaction, statement_id: int, reason: str) -> None:
    """The insurer will not take this version (sending it again would not help): kept, and
    shown to the manager; a later version is delivered as usual."""
    tx.db.execute(
        "UPDATE statements SET delivery_problem = ? WHERE id = ? AND sent_at IS NULL",
        (reason, statement_id),
    )
    tx.append_audit("statement.refused", f"statement:{statement_id}", {"reason": reason})


def latest_statement(journal: Journal, bill_id: int) -> StatementRecord | None:
    with journal.reading() as db:
        return _latest(db, bill_id)


def statements_due(journal: Journal, limit: int = 20) -> list[StatementDelivery]:
    """The newest version of each accepted claim's statement that the insurer does not have."""
    with journal.reading() as db:
        rows = db.execute(
            "SELECT c.insurer_claim_id, s.id, s.bill_id, s.version, s.pdf, s.pdf_sha256,"
            " s.claim_number, s.final, s.facts, s.created_at, s.sent_at"
            " FROM statements s JOIN claims c ON c.bill_id = s.bill_id"
            " WHERE s.sent_at IS NULL AND s.delivery_problem IS NULL"
            " AND s.claim_number IS NOT NULL"
            " AND c.state = 'sent' AND c.insurer_claim_id IS NOT NULL"
            " AND s.version = (SELECT max(version) FROM statements WHERE bill_id = s.bill_id)"
            " ORDER BY s.id LIMIT ?",
            (limit,),
        ).fetchall()
    return [StatementDelivery(_record(row[1:]), row[0]) for row in rows]


def statements_behind(journal: Journal, limit: int = 20) -> list[int]:
    """Bills whose claim the insurer accepted after their newest statement was made (the family
    had left the desk): each needs a version with the claim number."""
    with journal.reading() as db:
        rows = db.execute(
            "SELECT s.bill_id FROM statements s JOIN claims c ON c.bill_id = s.bill_id"
            " WHERE c.state = 'sent' AND c.insurer_claim_id IS NOT NULL"
            " AND s.claim_number IS NULL"
            " AND s.version = (SELECT max(version) FROM statements WHERE bill_id = s.bill_id)"
            " ORDER BY s.bill_id LIMIT ?",
            (limit,),
        ).fetchall()
    return [row[0] for row in rows]
