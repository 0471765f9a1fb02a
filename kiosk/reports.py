"""What the clinic manager reads at the end of a day: the direct-pay figures, the 30-day trend,
and the claims list (the reconciliation with the insurer's statement is `kiosk.reconciliation`).

A "day" is a service date at the clinic (Asia/Shanghai). Money is integer fen throughout. The
figures count claimed bills (a bill the family never signed is not direct-billed) and the
self-pay visits (the insurer pays nothing; the family pays the desk its whole last bill):

- billed: what the clinic charged on them;
- covered: what the insurer recorded as covered on claims it accepted (or paid);
- awaiting: what the family was shown as insurer-paid on claims still in the outbox;
- not covered: what the family was shown as insurer-paid on claims the insurer refused — the
  money the clinic has to collect or fight for;
- family share: what the family was shown to pay (all of a self-pay bill); family paid: what the
  desk took for the day's visits, by method, net of refunds (an amount owed collected later
  counts for the day of the visit it was owed for). Billed = insurer's part + family share, as
  shown;
- owed by families: what families still owe the clinic on the day's visits where the desk took
  part of their share (`kiosk.journal.payments` defines it; not the insurer's greyed-card
  amount, which the family pays the insurer).

A claim a manager voided (before sending) or cancelled at the insurer is counted as such, but
its bill no longer stands: its amounts are in none of the figures (what the family paid at the
desk stays in "family paid" until it is refunded).

Nothing here is Qt: screens, exports and the PDF day report share these values, and translate
the enum values themselves (an `Action` names what to do, the screen says it in words).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from kiosk.business_day import day_window
from kiosk.insurer.models import ClaimStatus
from kiosk.journal import ClaimState, Journal, PaymentMethod
from kiosk.journal.figures import (
    ClaimGroup,
    DeskCount,
    FigureSource,
    MethodTotal,
    TopItem,
    TrendDay,
    claim_groups,
    daily_amounts,
    direct_pay_visits,
    figures_of,
    items,
    owed_by_families,
    payments_by_method,
    preauths_by_status,
    self_pay_visits,
)
from kiosk.journal.reporting import LedgerRow, ledger

TREND_DAYS = 30
TOP_ITEMS = 5


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
    ADJUDICATED = "adjudicated"
    """Reviewed by the insurer: its final amounts are known, its payment is still to come."""
    PAID = "paid"
    REJECTED = "rejected"
    """The insurer said no to the claim itself (it is not paying), on arrival or after review."""
    ATTENTION = "attention"
    """Stopped for another reason (device key refused, answer for another claim)."""
    RESOLVED = "resolved"
    """A person settled a claim that needed attention (for example, the family paid)."""
    VOIDED = "voided"
    """Voided by a manager before the insurer recorded it: never sent, pays nothing."""
    CANCELLED = "cancelled"
    """Accepted, then cancelled at the insurer by a manager: pays nothing."""


CLOSED = frozenset({ClaimCategory.VOIDED, ClaimCategory.CANCELLED})
"""Claims whose bill no longer stands: counted, but their amounts count nowhere."""


def claim_category(state: str, insurer_status: str | None, has_reject_code: bool) -> ClaimCategory:
    state = ClaimState(state)
    if state is ClaimState.WAITING:
        return ClaimCategory.WAITING
    if state is ClaimState.RESOLVED:
        return ClaimCategory.RESOLVED
    if state is ClaimState.VOIDED:
        return ClaimCategory.VOIDED
    if state is ClaimState.CANCELLED:
        return ClaimCategory.CANCELLED
    if state is ClaimState.SENT:
        return _SENT_BY_INSURER_STATUS.get(insurer_status or "", ClaimCategory.ACCEPTED)
    if insurer_status == ClaimStatus.REJECTED or has_reject_code:
        return ClaimCategory.REJECTED
    return ClaimCategory.ATTENTION


_SENT_BY_INSURER_STATUS = {
    ClaimStatus.ADJUDICATED.value: ClaimCategory.ADJUDICATED,
    ClaimStatus.PAID.value: ClaimCategory.PAID,
    ClaimStatus.REJECTED.value: ClaimCategory.REJECTED,
    ClaimStatus.CANCELLED.value: ClaimCategory.CANCELLED,
}
"""A claim the insurer accepted, as it moved on after (a rejection here came after review; a
cancellation the desk heard of before it recorded its own, as a correction's does)."""

PAYABLE = frozenset({ClaimCategory.ACCEPTED, ClaimCategory.ADJUDICATED, ClaimCategory.PAID})
"""Claims the insurer pays (or paid): their covered amount is the clinic's receivable."""

UNPAID = frozenset({ClaimCategory.REJECTED, ClaimCategory.ATTENTION})
"""Claims the insurer will not pay as they stand: refused by it, or stopped before it decided.
The clinic collects the amount from the family, or fixes the claim and sends it again. The Day
tab's refused tile, the exports' not-covered column and the reconciliation's refused and stopped
findings all count these claims, by their service date."""


class PreAuthState(StrEnum):
    UNSENT = "unsent"
    """Stored on the kiosk, the insurer has not answered yet."""
    PENDING = "pending"
    INFO_REQUESTED = "info_requested"
    """The insurer asks for more documents before it decides."""
    APPROVED = "approved"
    DENIED = "denied"
    REFUSED = "refused"
    """The insurer would not file the request (too late for the lead time, say)."""


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
    refunded_fen: int = 0
    """Given back at the desk on the day's visits (already taken off `family_paid_fen`)."""
    owed_fen: int = 0
    """What families still owe the clinic on the day's visits (part paid, the rest not yet)."""
    owed_visits: int = 0

    @property
    def claims_total(self) -> int:
        return sum(self.claims.values())

    @property
    def sent(self) -> int:
        """Claims that left the outbox (whatever the insurer said); a voided one never did."""
        return (
            self.claims_total
            - self.claims[ClaimCategory.WAITING]
            - self.claims[ClaimCategory.VOIDED]
        )

    @property
    def unpaid(self) -> int:
        """Claims to collect or fix (`UNPAID`): the reconciliation lists each of them."""
        return sum(self.claims[category] for category in UNPAID)


@dataclass(frozen=True, slots=True)
class _DayRows:
    """The day's figure rows, each for one desk: a summary is made of some desks' rows."""

    groups: list[ClaimGroup]
    direct_pay: list[DeskCount]
    self_pay: list[DeskCount]
    owed: list[DeskCount]
    payments: list[tuple[int, MethodTotal]]
    preauths: list[tuple[int, str | None, int]]
    items: list[tuple[int, TopItem]]

    @classmethod
    def read(cls, source: FigureSource, day: date) -> _DayRows:
        return cls(
            groups=claim_groups(source, day),
            direct_pay=direct_pay_visits(source, day),
            self_pay=self_pay_visits(source, day),
            owed=owed_by_families(source, day),
            payments=payments_by_method(source, day),
            preauths=preauths_by_status(source, *day_window(day)),
            items=items(source, day),
        )

    @property
    def desks(self) -> set[int]:
        return (
            {g.desk for g in self.groups}
            | {c.desk for c in self.direct_pay + self.self_pay + self.owed}
            | {desk for desk, _ in self.payments}
            | {desk for desk, _, _ in self.preauths}
        )


def _summary(rows: _DayRows, day: date, counts: Callable[[int], bool], top: int) -> DaySummary:
    claims = dict.fromkeys(ClaimCategory, 0)
    billed = covered = awaiting = not_covered = share = 0
    for group in rows.groups:
        if not counts(group.desk):
            continue
        category = claim_category(group.state, group.insurer_status, group.has_reject_code)
        claims[category] += group.claims
        if category in CLOSED:
            continue
        billed += group.submitted_fen
        share += group.shown_patient_fen
        if category in PAYABLE:
            covered += group.insurer_covered_fen
        elif category is ClaimCategory.WAITING:
            awaiting += group.shown_covered_fen
        elif category in UNPAID:
            not_covered += group.shown_covered_fen
    by_method: dict[PaymentMethod, MethodTotal] = {}
    for desk, total in rows.payments:
        if counts(desk):
            so_far = by_method.get(total.method, MethodTotal(total.method, 0, 0))
            by_method[total.method] = MethodTotal(
                total.method,
                so_far.payments + total.payments,
                so_far.amount_fen + total.amount_fen,
                so_far.refunds + total.refunds,
                so_far.refunded_fen + total.refunded_fen,
            )
    payments = tuple(by_method.get(method, MethodTotal(method, 0, 0)) for method in PaymentMethod)
    self_pay = [c for c in rows.self_pay if counts(c.desk)]
    owed = [c for c in rows.owed if counts(c.desk)]
    preauths = dict.fromkeys(PreAuthState, 0)
    for desk, status, count in rows.preauths:
        if counts(desk):
            preauths[PreAuthState(status) if status else PreAuthState.UNSENT] += count
    return DaySummary(
        day=day,
        direct_pay_visits=sum(c.count for c in rows.direct_pay if counts(c.desk)),
        claims=claims,
        billed_fen=billed + sum(c.amount_fen for c in self_pay),
        covered_fen=covered,
        awaiting_fen=awaiting,
        not_covered_fen=not_covered,
        family_share_fen=share + sum(c.extra_fen for c in self_pay),
        family_paid_fen=sum(total.amount_fen for total in payments),
        payments=payments,
        preauths=preauths,
        top_items=_top(((desk, item) for desk, item in rows.items if counts(desk)), top),
        self_pay_visits=sum(c.count for c in self_pay),
        refunded_fen=sum(total.refunded_fen for total in payments),
        owed_fen=sum(c.amount_fen for c in owed),
        owed_visits=sum(c.count for c in owed),
    )


def _top(found: Iterable[tuple[int, TopItem]], top: int) -> tuple[TopItem, ...]:
    """The items that brought in most, over the desks counted (by amount, then code)."""
    merged: dict[str, TopItem] = {}
    for _, item in found:
        seen = merged.get(item.item_code)
        merged[item.item_code] = (
            item
            if seen is None
            else TopItem(
                item.item_code,
                min(seen.description, item.description),
                seen.quantity + item.quantity,
                seen.billed_fen + item.billed_fen,
                seen.covered_fen + item.covered_fen,
            )
        )
    ranked = sorted(merged.values(), key=lambda item: (-item.billed_fen, item.item_code))
    return tuple(ranked[:top])


def empty_summary(day: date) -> DaySummary:
    """A day without a visit (a desk that took none)."""
    return _summary(_DayRows([], [], [], [], [], [], []), day, lambda _: True, 0)


def day_summary(source: Journal | FigureSource, day: date, *, top: int = TOP_ITEMS) -> DaySummary:
    """The day's direct-pay figures: a desk's from its journal, a clinic's (or a group's) from
    the clinic database."""
    return _summary(_DayRows.read(figures_of(source), day), day, lambda _: True, top)


def day_summaries(
    source: Journal | FigureSource,
    day: date,
    *,
    top: int = TOP_ITEMS,
    part_of: Callable[[int], Hashable] = lambda desk: desk,
) -> tuple[DaySummary, dict[Hashable, DaySummary]]:
    """The day's figures all desks together, and each part's from the same rows (a part is a
    desk by the clinic database's desk number, or what `part_of` puts it in: its clinic, say):
    the parts add up to the total."""
    rows = _DayRows.read(figures_of(source), day)
    total = _summary(rows, day, lambda _: True, top)
    parts: dict[Hashable, set[int]] = {}
    for desk in sorted(rows.desks):
        parts.setdefault(part_of(desk), set()).add(desk)
    return total, {
        part: _summary(rows, day, desks.__contains__, top) for part, desks in parts.items()
    }


@dataclass(frozen=True, slots=True)
class Trend:
    """One entry per day, oldest first, days without visits included as zero."""

    days: tuple[TrendDay, ...]

    @property
    def largest_fen(self) -> int:
        return max((max(d.covered_fen, d.family_paid_fen) for d in self.days), default=0)


def _every_day(first: date, days: int, found: Mapping[date, TrendDay]) -> Trend:
    every_day = (first + timedelta(days=offset) for offset in range(days))
    return Trend(tuple(found.get(day, TrendDay(day, 0, 0)) for day in every_day))


def trends_by_desk(
    source: Journal | FigureSource, last_day: date, days: int = TREND_DAYS
) -> dict[int, Trend]:
    """Each desk's trend (the clinic database's desk number; 0 on a desk's own journal); desks
    without a figure in the window are left out."""
    first = last_day - timedelta(days=days - 1)
    return {
        desk: _every_day(first, days, {row.day: row for row in rows})
        for desk, rows in daily_amounts(figures_of(source), first, last_day).items()
    }


def trend(source: Journal | FigureSource, last_day: date, days: int = TREND_DAYS) -> Trend:
    """Covered by the insurer vs paid by families, per day, for `days` days up to `last_day`,
    all desks together."""
    return add_trends(trends_by_desk(source, last_day, days).values(), last_day, days)


def add_trends(trends: Iterable[Trend], last_day: date, days: int = TREND_DAYS) -> Trend:
    covered: Counter[date] = Counter()
    paid: Counter[date] = Counter()
    for each in trends:
        for row in each.days:
            covered[row.day] += row.covered_fen
            paid[row.day] += row.family_paid_fen
    first = last_day - timedelta(days=days - 1)
    found = {day: TrendDay(day, covered[day], paid[day]) for day in covered.keys() | paid.keys()}
    return _every_day(first, days, found)


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
    """Kept by the clinic for the claim's visit: paid at the desk minus refunded."""
    payment_methods: tuple[PaymentMethod, ...]
    queued_at: datetime
    recorded_at: datetime | None
    closed_reason: str | None = None
    """Why a manager voided or cancelled it."""
    closed_by: str | None = None
    """Who did (a staff member's name, or `console`)."""
    closed_at: datetime | None = None
    visit_refunded_fen: int = 0
    """Given back at the desk on the claim's visit (`visit_paid_fen` is net of it)."""
    visit_owed_fen: int = 0
    """What the family still owes the clinic for the claim's visit."""
    fapiao_no: str | None = None
    """The number of the fapiao the clinic issued for the visit, as reception recorded it."""

    @property
    def voidable(self) -> bool:
        """Signed, and the insurer has no record of it: a manager may void it."""
        return self.category is ClaimCategory.WAITING or (
            self.category in UNPAID and self.insurer_claim_id is None
        )

    @property
    def cancellable(self) -> bool:
        """Accepted and not reviewed yet: a manager may cancel it at the insurer."""
        return self.category is ClaimCategory.ACCEPTED

    @property
    def insurer_pays_fen(self) -> int | None:
        """What the insurer pays the clinic for this claim: its covered amount when it accepted,
        nothing when it refused, None while the claim waits for an answer."""
        if self.category in PAYABLE:
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
        closed_reason=row.closed_reason,
        closed_by=row.closed_by,
        closed_at=row.closed_at,
        visit_refunded_fen=row.visit_refunded_fen,
        visit_owed_fen=row.visit_owed_fen,
        fapiao_no=row.fapiao_no,
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
