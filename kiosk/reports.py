"""What the clinic manager reads at the end of a day: the direct-pay figures, the 30-day trend,
the claims list, and the reconciliation of the journal with the insurer's daily statement.

A "day" is a service date at the clinic (Asia/Shanghai). Money is integer fen throughout. The
figures count claimed bills (a bill the family never signed is not direct-billed) and the
self-pay visits (the insurer pays nothing; the family pays the desk its whole last bill):

- billed: what the clinic charged on them;
- covered: what the insurer recorded as covered on claims it accepted (or paid);
- awaiting: what the family was shown as insurer-paid on claims still in the outbox;
- not covered: what the family was shown as insurer-paid on claims the insurer refused — the
  money the clinic has to collect or fight for;
- family share: what the family was shown to pay (all of a self-pay bill); family paid: what the
  desk took for the day's visits, by method. Billed = insurer's part + family share, as shown.

Nothing here is Qt: screens, exports and the PDF day report share these values, and translate
the enum values themselves (an `Action` names what to do, the screen says it in words).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from kiosk.business_day import BUSINESS_TZ
from kiosk.insurer.models import ClaimStatus, DailyStatement, StatementLine
from kiosk.journal import ClaimState, Journal, PaymentMethod
from kiosk.journal.reporting import (
    LedgerRow,
    claim_groups,
    daily_amounts,
    direct_pay_visits,
    ledger,
    ledger_by_keys,
    ledger_for_statement,
    payments_by_method,
    preauths_by_status,
    self_pay_visits,
    top_items,
)

TREND_DAYS = 30
TOP_ITEMS = 5


def business_day(moment: datetime) -> date:
    """The clinic's calendar day of an aware timestamp."""
    return moment.astimezone(BUSINESS_TZ).date()


def day_window(day: date) -> tuple[datetime, datetime]:
    """[start, end) of a clinic day as aware timestamps."""
    start = datetime.combine(day, time(0), BUSINESS_TZ)
    return start, datetime.combine(day + timedelta(days=1), time(0), BUSINESS_TZ)


def masked_member(member_id: str) -> str:
    """Enough of the member reference to tell claims apart on a list, not to look anyone up."""
    if len(member_id) <= 4:
        return "*" * len(member_id)
    return member_id[:3] + "*" * (len(member_id) - 5) + member_id[-2:]


class ClaimCategory(StrEnum):
    """Where a claim stands, as the manager counts it; each claim is in exactly one."""

    WAITING = "waiting"
    """In the outbox: stored and signed, the insurer has not recorded it yet."""
    ACCEPTED = "accepted"
    PAID = "paid"
    REJECTED = "rejected"
    """The insurer said no to the claim itself (it is not paying)."""
    ATTENTION = "attention"
    """Stopped for another reason (device key refused, answer for another claim)."""
    RESOLVED = "resolved"
    """A person settled a claim that needed attention (for example, the family paid)."""


def claim_category(state: str, insurer_status: str | None, has_reject_code: bool) -> ClaimCategory:
    state = ClaimState(state)
    if state is ClaimState.WAITING:
        return ClaimCategory.WAITING
    if state is ClaimState.RESOLVED:
        return ClaimCategory.RESOLVED
    if state is ClaimState.SENT:
        return ClaimCategory.PAID if insurer_status == ClaimStatus.PAID else ClaimCategory.ACCEPTED
    if insurer_status == ClaimStatus.REJECTED or has_reject_code:
        return ClaimCategory.REJECTED
    return ClaimCategory.ATTENTION


UNPAID = frozenset({ClaimCategory.REJECTED, ClaimCategory.ATTENTION})
"""Claims the insurer will not pay as they stand: refused by it, or stopped before it decided.
The clinic collects the amount from the family, or fixes the claim and sends it again. The Day
tab's refused tile, the exports' not-covered column and the reconciliation's refused and stopped
findings all count these claims, by their service date."""


class PreAuthState(StrEnum):
    UNSENT = "unsent"
    """Stored on the kiosk, the insurer has not answered yet."""
    PENDING = "pending"
    APPROVED = "approved"
    DENIED = "denied"


@dataclass(frozen=True, slots=True)
class MethodTotal:
    method: PaymentMethod
    payments: int
    amount_fen: int


@dataclass(frozen=True, slots=True)
class TopItem:
    item_code: str
    description: str
    quantity: int
    billed_fen: int
    covered_fen: int
    """As shown to the family on the signed bills."""


@dataclass(frozen=True, slots=True)
class DaySummary:
    day: date
    direct_pay_visits: int
    claims: Mapping[ClaimCategory, int]
    billed_fen: int
    covered_fen: int
    awaiting_fen: int
    not_covered_fen: int
    family_share_fen: int
    """What families owed at the desk: their share of the direct-pay bills, and the whole of the
    self-pay visits' bills (their payments are in `family_paid_fen` and the drawer's takings)."""
    family_paid_fen: int
    payments: tuple[MethodTotal, ...]
    preauths: Mapping[PreAuthState, int]
    top_items: tuple[TopItem, ...]
    self_pay_visits: int

    @property
    def claims_total(self) -> int:
        return sum(self.claims.values())

    @property
    def sent(self) -> int:
        """Claims that left the outbox (whatever the insurer said)."""
        return self.claims_total - self.claims[ClaimCategory.WAITING]

    @property
    def unpaid(self) -> int:
        """Claims to collect or fix (`UNPAID`): the reconciliation lists each of them."""
        return sum(self.claims[category] for category in UNPAID)

    @property
    def family_outstanding_fen(self) -> int:
        """Family share not (yet) taken at the desk; negative when the desk took more."""
        return self.family_share_fen - self.family_paid_fen


def day_summary(journal: Journal, day: date, *, top: int = TOP_ITEMS) -> DaySummary:
    """The day's direct-pay figures from the journal."""
    claims = dict.fromkeys(ClaimCategory, 0)
    billed = covered = awaiting = not_covered = share = 0
    for group in claim_groups(journal, day):
        category = claim_category(group.state, group.insurer_status, group.has_reject_code)
        claims[category] += group.claims
        billed += group.submitted_fen
        share += group.shown_patient_fen
        if category in (ClaimCategory.ACCEPTED, ClaimCategory.PAID):
            covered += group.insurer_covered_fen
        elif category is ClaimCategory.WAITING:
            awaiting += group.shown_covered_fen
        elif category in UNPAID:
            not_covered += group.shown_covered_fen
    by_method = {row.method: row for row in payments_by_method(journal, day)}
    payments = tuple(
        MethodTotal(
            method,
            by_method[method].payments if method in by_method else 0,
            by_method[method].amount_fen if method in by_method else 0,
        )
        for method in PaymentMethod
    )
    self_paid, self_pay_billed, self_pay_share = self_pay_visits(journal, day)
    preauths = dict.fromkeys(PreAuthState, 0)
    for status, count in preauths_by_status(journal, *day_window(day)):
        preauths[PreAuthState(status) if status else PreAuthState.UNSENT] += count
    return DaySummary(
        day=day,
        direct_pay_visits=direct_pay_visits(journal, day),
        claims=claims,
        billed_fen=billed + self_pay_billed,
        covered_fen=covered,
        awaiting_fen=awaiting,
        not_covered_fen=not_covered,
        family_share_fen=share + self_pay_share,
        family_paid_fen=sum(total.amount_fen for total in payments),
        payments=payments,
        preauths=preauths,
        top_items=tuple(
            TopItem(r.item_code, r.description, r.quantity, r.submitted_fen, r.covered_fen)
            for r in top_items(journal, day, top)
        ),
        self_pay_visits=self_paid,
    )


@dataclass(frozen=True, slots=True)
class TrendDay:
    day: date
    covered_fen: int
    family_paid_fen: int


@dataclass(frozen=True, slots=True)
class Trend:
    """One entry per day, oldest first, days without visits included as zero."""

    days: tuple[TrendDay, ...]

    @property
    def largest_fen(self) -> int:
        return max((max(d.covered_fen, d.family_paid_fen) for d in self.days), default=0)


def trend(journal: Journal, last_day: date, days: int = TREND_DAYS) -> Trend:
    """Covered by the insurer vs paid by families, per day, for `days` days up to `last_day`."""
    first = last_day - timedelta(days=days - 1)
    found = {row.day: row for row in daily_amounts(journal, first, last_day)}
    entries = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        row = found.get(day)
        entries.append(
            TrendDay(day, row.insurer_covered_fen, row.family_paid_fen)
            if row
            else TrendDay(day, 0, 0)
        )
    return Trend(tuple(entries))


@dataclass(frozen=True, slots=True)
class ClaimLine:
    """One claim on the manager's list and in the finance exports."""

    claim_id: int
    visit_id: int
    bill_id: int
    invoice_no: str
    service_date: date
    member_masked: str
    category: ClaimCategory
    insurer_claim_id: str | None
    insurer_status: ClaimStatus | None
    reject_code: str | None
    attention_reason: str | None
    idempotency_key: str
    billed_fen: int
    shown_covered_fen: int
    """Insurer-paid as shown to the family when they signed."""
    covered_fen: int | None
    """Insurer-paid as the insurer recorded it; None until it answered."""
    family_share_fen: int
    visit_paid_fen: int
    payment_methods: tuple[PaymentMethod, ...]
    queued_at: datetime
    recorded_at: datetime | None

    @property
    def insurer_pays_fen(self) -> int | None:
        """What the insurer pays the clinic for this claim: its covered amount when it accepted,
        nothing when it refused, None while the claim waits for an answer."""
        if self.category in (ClaimCategory.ACCEPTED, ClaimCategory.PAID):
            return self.covered_fen
        if self.category is ClaimCategory.WAITING:
            return None
        return 0


def _claim_line(row: LedgerRow) -> ClaimLine:
    return ClaimLine(
        claim_id=row.claim_id,
        visit_id=row.visit_id,
        bill_id=row.bill_id,
        invoice_no=row.clinic_invoice_no,
        service_date=row.service_date,
        member_masked=masked_member(row.member_id),
        category=claim_category(row.state, row.insurer_status, row.reject_code is not None),
        insurer_claim_id=row.insurer_claim_id,
        insurer_status=ClaimStatus(row.insurer_status) if row.insurer_status else None,
        reject_code=row.reject_code,
        attention_reason=row.attention_reason,
        idempotency_key=row.idempotency_key,
        billed_fen=row.submitted_fen,
        shown_covered_fen=row.shown_covered_fen,
        covered_fen=row.insurer_covered_fen,
        family_share_fen=row.shown_patient_fen,
        visit_paid_fen=row.visit_paid_fen,
        payment_methods=tuple(PaymentMethod(m) for m in row.visit_payment_methods),
        queued_at=row.queued_at,
        recorded_at=row.recorded_at,
    )


def claim_lines(
    journal: Journal,
    first: date,
    last: date | None = None,
    *,
    category: ClaimCategory | None = None,
    search: str = "",
) -> list[ClaimLine]:
    """Claims of the service dates [first, last] (one day when `last` is None), optionally of
    one category, optionally only those whose invoice or insurer claim number contains `search`."""
    needle = search.strip().casefold()
    lines = [_claim_line(row) for row in ledger(journal, first, last or first)]
    return [
        line
        for line in lines
        if (category is None or line.category is category)
        and (
            not needle
            or needle in line.invoice_no.casefold()
            or needle in (line.insurer_claim_id or "").casefold()
        )
    ]


# --- reconciliation with the insurer's daily statement ----------------------------------------


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
    """Both have the claim; one says it is paid for, the other says it is rejected."""
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


_PAYABLE = (ClaimStatus.ACCEPTED, ClaimStatus.PAID)


def _category(row: LedgerRow) -> ClaimCategory:
    return claim_category(row.state, row.insurer_status, row.reject_code is not None)


def _journal_covered(row: LedgerRow) -> int:
    return row.insurer_covered_fen if row.insurer_covered_fen is not None else row.shown_covered_fen


def _compare(row: LedgerRow, line: StatementLine) -> Finding | None:
    """What is wrong between the journal's claim and the insurer's line for it, if anything."""
    category = _category(row)
    insurer_pays = line.status in _PAYABLE
    journal_pays = category in (ClaimCategory.ACCEPTED, ClaimCategory.PAID)
    finding = None
    if category is ClaimCategory.REJECTED and insurer_pays:
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
    return None if finding is None else _on_both_sides(*finding, row, line)


def _on_both_sides(
    discrepancy: Discrepancy, action: Action, row: LedgerRow, line: StatementLine
) -> Finding:
    """A finding about a claim that both the journal and the statement hold."""
    return Finding(
        discrepancy=discrepancy,
        action=action,
        invoice_no=row.clinic_invoice_no,
        claim_id=row.claim_id,
        category=_category(row),
        insurer_claim_id=line.claim_id,
        idempotency_key=row.idempotency_key,
        service_date=row.service_date,
        journal_covered_fen=_journal_covered(row),
        insurer_covered_fen=line.total_covered_fen,
    )


def _trail_changed(journal: Journal, line: StatementLine, row: LedgerRow) -> Finding | None:
    """A claim of this journal went out with its audit head; the journal must still hold it.
    (Another desk's claims carry that desk's heads: they are not this journal's to check.)"""
    head = line.audit_head
    if head is None or journal.audit_hash_at(head.seq) == head.hash:
        return None
    return _on_both_sides(Discrepancy.AUDIT_TRAIL_CHANGED, Action.KEEP_PC_CALL_SUPPORT, row, line)


def _refused_on(row: LedgerRow, day: date) -> bool:
    """A claim of `day` the insurer refused: the Day tab counts it on its service date, so the
    reconciliation of that day lists it, wherever the insurer's statement puts it (a refusal
    recorded after midnight is on the next day's statement) and whether it was recorded at all."""
    return row.service_date == day and _category(row) is ClaimCategory.REJECTED


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
    return Finding(
        discrepancy=kind[0],
        action=kind[1],
        invoice_no=row.clinic_invoice_no,
        claim_id=row.claim_id,
        category=_category(row),
        insurer_claim_id=row.insurer_claim_id,
        idempotency_key=row.idempotency_key,
        service_date=row.service_date,
        journal_covered_fen=row.shown_covered_fen,
        insurer_covered_fen=None,
    )


def _unmatched(row: LedgerRow, day: date) -> Finding | None:
    """A claim of the journal's side that the statement does not list."""
    if _category(row) is ClaimCategory.RESOLVED:
        return None
    if (finding := _unpaid(row, day)) is not None:
        return finding
    return Finding(
        discrepancy=Discrepancy.MISSING_AT_INSURER,
        action=Action.ASK_INSURER_FOR_CLAIM,
        invoice_no=row.clinic_invoice_no,
        claim_id=row.claim_id,
        category=_category(row),
        insurer_claim_id=row.insurer_claim_id,
        idempotency_key=row.idempotency_key,
        service_date=row.service_date,
        journal_covered_fen=_journal_covered(row),
        insurer_covered_fen=None,
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
    its money is still to be collected, and the Day tab counts it.
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
        row.insurer_covered_fen or 0
        for row in ours.values()
        if _category(row) in (ClaimCategory.ACCEPTED, ClaimCategory.PAID)
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
