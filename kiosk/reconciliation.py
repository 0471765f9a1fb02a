"""The journal against the insurer's daily statement: each claim matched, each difference a
finding with what the manager does about it.

A claim is matched by its idempotency key (the one the outbox sent it with). Findings are listed
most urgent first; the manager's screen and exports word each `Action` in the desk's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kiosk.business_day import day_window
from kiosk.insurer.models import ClaimStatus, DailyStatement, StatementLine
from kiosk.journal import ClaimState, Journal
from kiosk.journal.reporting import (
    LedgerRow,
    ledger_by_keys,
    ledger_for_statement,
)
from kiosk.reports import CLOSED, PAYABLE, UNPAID, ClaimCategory, claim_category


class Discrepancy(StrEnum):
    """What a finding is about, most urgent first (findings are listed in this order)."""

    AUDIT_TRAIL_CHANGED = "audit-trail-changed"
    """The insurer holds, with this claim, an audit head this journal no longer has: its trail
    was cut back or rewritten after the claim was sent."""
    REFUSED = "refused"
    """The insurer said no to the claim, whether it recorded it (a claim number, listed as
    rejected) or refused it on arrival: the Day tab's refused claims of the same day."""
    STOPPED = "stopped"
    """The outbox stopped the claim before the insurer decided (an answer for another claim, a
    stored claim no longer valid): a person fixes the cause and sends it again."""
    STATUS_MISMATCH = "status-mismatch"
    """Both have the claim; one says it is paid for, the other says it is rejected (or voided or
    cancelled here)."""
    AMOUNT_MISMATCH = "amount-mismatch"
    """Both have the claim; the insurer's covered amount differs from the journal's."""
    MISSING_AT_INSURER = "missing-at-insurer"
    """The insurer answered with a claim number for it, but its statement does not list it."""
    MISSING_IN_JOURNAL = "missing-in-journal"
    """The statement lists a claim this kiosk never stored."""
    NOT_SENT = "not-sent"
    """Still in the outbox: the insurer cannot have it yet."""


class Action(StrEnum):
    """What the manager does about a finding (the screen words it in the desk's language)."""

    KEEP_PC_CALL_SUPPORT = "keep-pc-call-support"
    """Change nothing on this PC, run `kiosk audit-verify` and call support: the journal was
    changed outside the kiosk."""
    LET_OUTBOX_SEND = "let-outbox-send"
    """Nothing to re-enter: the outbox sends it with its key; if it has waited long, check the
    network and the device key (the outbox indicator says which)."""
    COLLECT_OR_RESUBMIT = "collect-or-resubmit"
    """Collect the amount from the family, or fix the cause and send again; then mark resolved."""
    FIX_AND_SEND_AGAIN = "fix-and-send-again"
    """Fix what stopped the claim, then send it again (same key); or mark it settled."""
    ASK_INSURER_FOR_CLAIM = "ask-insurer-for-claim"
    """Give the insurer the claim number and idempotency key; never claim it again anew."""
    FIND_SOURCE_DESK = "find-source-desk"
    """Look for the claim on the clinic's other kiosks; if none made it, dispute it."""
    DISPUTE_UNDERPAYMENT = "dispute-underpayment"
    """The insurer records less than the family signed for: ask it to correct the claim."""
    REPORT_OVERPAYMENT = "report-overpayment"
    """The insurer records more than the family signed for: tell it, do not keep the difference."""
    CONFIRM_REJECTION = "confirm-rejection"
    """The insurer lists as rejected a claim it accepted: ask why; if it stands, collect from the
    family."""
    ASK_FOR_THE_REST = "ask-for-the-rest"
    """A remittance pays less than the claim's share: ask the insurer to pay the rest."""
    RETURN_THE_EXTRA = "return-the-extra"
    """A remittance pays more than the claim's share, pays it a second time, or pays a claim
    that pays nothing: tell the insurer and do not keep it."""
    ASK_FOR_REMITTANCE_ADVICE = "ask-for-remittance-advice"
    """A remittance's details do not add up to what it paid: ask the insurer for its remittance
    advice before booking it."""
    CONFIRM_ACCEPTANCE = "confirm-acceptance"
    """The insurer lists as payable a claim it rejected: confirm, then refund the family if they
    paid that share."""


@dataclass(frozen=True, slots=True)
class Finding:
    discrepancy: Discrepancy
    action: Action
    invoice_no: str | None
    claim_id: int | None
    """The journal's claim, when it has one."""
    category: ClaimCategory | None
    """Where the journal's claim stands (what a manager may still do to it); None without one."""
    insurer_claim_id: str | None
    idempotency_key: str
    service_date: date
    journal_covered_fen: int | None
    """Covered by the insurer as the journal has it (its answer, else what the family saw)."""
    insurer_covered_fen: int | None
    """Covered as the statement lists it."""

    @property
    def difference_fen(self) -> int | None:
        """Statement minus journal, when both have an amount."""
        if self.journal_covered_fen is None or self.insurer_covered_fen is None:
            return None
        return self.insurer_covered_fen - self.journal_covered_fen


@dataclass(frozen=True, slots=True)
class Reconciliation:
    day: date
    clinic_id: str
    matched: int
    """Claims on both sides with the same status and amounts."""
    findings: tuple[Finding, ...]
    journal_covered_fen: int
    """Covered on the claims the journal says the insurer accepted that day."""
    insurer_covered_fen: int
    """The statement's own total."""

    @property
    def balanced(self) -> bool:
        return not self.findings


_PAYABLE = (ClaimStatus.ACCEPTED, ClaimStatus.ADJUDICATED, ClaimStatus.PAID)


def _category(row: LedgerRow) -> ClaimCategory:
    return claim_category(row.state, row.insurer_status, row.reject_code is not None)


def _journal_covered(row: LedgerRow) -> int:
    return row.insurer_covered_fen if row.insurer_covered_fen is not None else row.shown_covered_fen


def _compare(row: LedgerRow, line: StatementLine) -> Finding | None:
    """What is wrong between the journal's claim and the insurer's line for it, if anything."""
    category = _category(row)
    insurer_pays = line.status in _PAYABLE
    journal_pays = category in PAYABLE
    finding = None
    if category in CLOSED and insurer_pays:
        finding = (Discrepancy.STATUS_MISMATCH, Action.ASK_INSURER_FOR_CLAIM)
    elif category is ClaimCategory.REJECTED and insurer_pays:
        finding = (Discrepancy.STATUS_MISMATCH, Action.CONFIRM_ACCEPTANCE)
    elif journal_pays and not insurer_pays:
        finding = (Discrepancy.STATUS_MISMATCH, Action.CONFIRM_REJECTION)
    elif insurer_pays and line.total_covered_fen != _journal_covered(row):
        if line.total_covered_fen < _journal_covered(row):
            finding = (Discrepancy.AMOUNT_MISMATCH, Action.DISPUTE_UNDERPAYMENT)
        else:
            finding = (Discrepancy.AMOUNT_MISMATCH, Action.REPORT_OVERPAYMENT)
    elif line.total_submitted_fen != row.submitted_fen:
        finding = (Discrepancy.AMOUNT_MISMATCH, Action.ASK_INSURER_FOR_CLAIM)
    if finding is None:
        return None
    return _about_claim(*finding, row, line=line, journal_covered_fen=_journal_covered(row))


def _about_claim(
    discrepancy: Discrepancy,
    action: Action,
    row: LedgerRow,
    *,
    line: StatementLine | None,
    journal_covered_fen: int,
) -> Finding:
    """A finding about the journal's claim `row`: with the statement's `line` for it, the
    insurer's claim number and covered amount as the statement lists them; without one, the
    claim number the insurer answered the journal with, and no amount of the statement's."""
    return Finding(
        discrepancy=discrepancy,
        action=action,
        invoice_no=row.clinic_invoice_no,
        claim_id=row.claim_id,
        category=_category(row),
        insurer_claim_id=row.insurer_claim_id if line is None else line.claim_id,
        idempotency_key=row.idempotency_key,
        service_date=row.service_date,
        journal_covered_fen=journal_covered_fen,
        insurer_covered_fen=None if line is None else line.total_covered_fen,
    )


def _trail_changed(journal: Journal, line: StatementLine, row: LedgerRow) -> Finding | None:
    """A claim of this journal went out with its audit head; the journal must still hold it.
    (Another desk's claims carry that desk's heads: they are not this journal's to check.)"""
    head = line.audit_head
    if head is None or journal.audit_hash_at(head.seq) == head.hash:
        return None
    return _about_claim(
        Discrepancy.AUDIT_TRAIL_CHANGED,
        Action.KEEP_PC_CALL_SUPPORT,
        row,
        line=line,
        journal_covered_fen=_journal_covered(row),
    )


def _refused_on(row: LedgerRow, day: date) -> bool:
    """A claim of `day` the insurer refused on arrival: the Day tab counts it on its service
    date, so the reconciliation of that day lists it, wherever the insurer's statement puts it (a
    refusal recorded after midnight is on the next day's statement) and whether it was recorded
    at all. A claim it rejected after review is not listed: the insurer itself asks the family
    for that amount (their card is on hold until they pay it in the e-card app, and the insurer
    passes it on), so the desk must not collect it again (the Receivables tab lists it)."""
    after_review = row.state == ClaimState.SENT.value
    return row.service_date == day and _category(row) is ClaimCategory.REJECTED and not after_review


def _unpaid(row: LedgerRow, day: date) -> Finding | None:
    """The journal's own finding about a claim of `day` the insurer does not pay as it stands:
    refused, stopped or still waiting (None for any other claim)."""
    category = _category(row)
    if _refused_on(row, day):
        kind = (Discrepancy.REFUSED, Action.COLLECT_OR_RESUBMIT)
    elif category is ClaimCategory.ATTENTION and row.insurer_claim_id is None:
        kind = (Discrepancy.STOPPED, Action.FIX_AND_SEND_AGAIN)
    elif category is ClaimCategory.WAITING:
        kind = (Discrepancy.NOT_SENT, Action.LET_OUTBOX_SEND)
    else:
        return None
    return _about_claim(*kind, row, line=None, journal_covered_fen=row.shown_covered_fen)


def _unmatched(row: LedgerRow, day: date) -> Finding | None:
    """A claim of the journal's side that the statement does not list (a voided claim never
    reached the insurer: nothing is missing)."""
    if _category(row) in (ClaimCategory.RESOLVED, ClaimCategory.VOIDED):
        return None
    if (finding := _unpaid(row, day)) is not None:
        return finding
    return _about_claim(
        Discrepancy.MISSING_AT_INSURER,
        Action.ASK_INSURER_FOR_CLAIM,
        row,
        line=None,
        journal_covered_fen=_journal_covered(row),
    )


def _journal_side(journal: Journal, day: date) -> dict[str, LedgerRow]:
    """The journal's side of `day`'s statement, by idempotency key: the claims the insurer
    answered it recorded that day, and the claims of that service date it has not recorded as
    payable (waiting, stopped, refused) — the ones the Day tab counts as unpaid."""
    start, end = day_window(day)
    ours: dict[str, LedgerRow] = {}
    for row in ledger_for_statement(journal, day, start, end):
        recorded = row.recorded_at
        if (recorded is not None and start <= recorded < end) or (
            row.service_date == day and (recorded is None or _category(row) in UNPAID)
        ):
            ours[row.idempotency_key] = row
    return ours


def reconcile(journal: Journal, statement: DailyStatement) -> Reconciliation:
    """Compare the insurer's statement for a day with the journal, claim by claim.

    The statement lists what the insurer recorded that day; the journal's side is what the
    insurer answered it recorded that day, plus that day's claims it has not recorded as payable
    (still waiting, stopped, or refused). Claims are matched by idempotency key, wherever in the
    journal they are, so a claim recorded just after midnight is not reported missing on either
    side. Every refused claim of the day is a finding, even where both sides agree it is refused:
    its money is still to be collected, and the Day tab counts it. A claim cancelled at the
    insurer matches the statement's line listing it as cancelled (both pay nothing); a voided
    claim the statement lists as payable is a finding.
    """
    day = statement.date
    ours = _journal_side(journal, day)
    listed = {line.idempotency_key: line for line in statement.claims}
    elsewhere = {
        row.idempotency_key: row
        for row in ledger_by_keys(journal, (key for key in listed if key not in ours))
    }
    findings: list[Finding] = []
    matched = 0
    for key, line in listed.items():
        row = ours.get(key) or elsewhere.get(key)
        if row is not None and (changed := _trail_changed(journal, line, row)) is not None:
            findings.append(changed)
            continue
        if row is None:
            findings.append(
                Finding(
                    discrepancy=Discrepancy.MISSING_IN_JOURNAL,
                    action=Action.FIND_SOURCE_DESK,
                    invoice_no=None,
                    claim_id=None,
                    category=None,
                    insurer_claim_id=line.claim_id,
                    idempotency_key=key,
                    service_date=line.service_date,
                    journal_covered_fen=None,
                    insurer_covered_fen=line.total_covered_fen,
                )
            )
            continue
        finding = _compare(row, line)
        if finding is None and _refused_on(row, day):
            finding = _unpaid(row, day)
        if finding is None:
            matched += 1
        else:
            findings.append(finding)
    for key, row in ours.items():
        if key not in listed and (finding := _unmatched(row, day)) is not None:
            findings.append(finding)
    journal_covered = sum(
        row.insurer_covered_fen or 0 for row in ours.values() if _category(row) in PAYABLE
    )
    order = list(Discrepancy)
    findings.sort(key=lambda f: (order.index(f.discrepancy), f.invoice_no or "", f.idempotency_key))
    return Reconciliation(
        day=day,
        clinic_id=statement.clinic_id,
        matched=matched,
        findings=tuple(findings),
        journal_covered_fen=journal_covered,
        insurer_covered_fen=statement.total_covered_fen,
    )
