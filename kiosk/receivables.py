"""Direct billing as a receivable: what the insurer still owes the clinic and for how long, what it
paid against what it was expected to pay, its remittances matched to the clinic's claims, and
what families owe.

- **Open claims** are those the insurer accepted (or reviewed) and has not paid: each owes what
  the insurer covers now (the final amount once reviewed), aged from its service date in the
  buckets 0–30, 31–60, 61–90 and over 90 days.
- **Expected** on a service date is what the insurer covers on that day's claims it has not
  refused; **paid** is what it paid of them (its own share, from its payments and remittances).
- **Remittances** are matched detail by detail to claims by the idempotency key the claim was sent
  with; every detail that matches no claim, pays a claim that pays nothing here, pays a different
  amount, or pays a claim's share a second time is a finding with what the manager does about it,
  as is a remittance whose details do not add up to the amount paid.
- **Families** owe the clinic what the desk did not collect of their share (`kiosk.journal.
  payments.OWED`), and the insurer what its review moved to them (their e-card is greyed until
  they pay it in the app; the insurer passes it on to the clinic).

Nothing here is Qt; the manager's Receivables tab and the exports read these values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, Protocol

from kiosk.insurer.models import ClaimStatus, PaymentPart, ReviewOutcome
from kiosk.insurer.remittances import RemittanceList
from kiosk.journal import Journal
from kiosk.journal.claim_status import INSURER_COVERS
from kiosk.journal.payments import OWED, OWING
from kiosk.journal.remittances import record_remittances
from kiosk.reconciliation import Action
from kiosk.reports import masked_member

RECEIVABLES_SPAN = timedelta(days=365)
"""How far back the receivables look: twelve months of service dates and remittances."""
REMITTANCES_FETCHED = timedelta(days=120)
"""How far back each fetch asks for remittances (those kept from earlier fetches stay)."""

AGING_BUCKETS: tuple[tuple[int, int | None], ...] = ((0, 30), (31, 60), (61, 90), (91, None))
"""Days since the service date, first and last (None: no end)."""

OPEN_STATUSES = (ClaimStatus.ACCEPTED, ClaimStatus.ADJUDICATED)
"""The insurer has the claim and will pay it, and has not yet."""

_PAYING_STATUSES = (*OPEN_STATUSES, ClaimStatus.PAID)


def _sql_list(statuses: tuple[ClaimStatus, ...]) -> str:
    """An SQL list of these statuses (enum values, never user input)."""
    return "(" + ", ".join(f"'{status.value}'" for status in statuses) + ")"


_OPEN = _sql_list(OPEN_STATUSES)
_PAYING = _sql_list(_PAYING_STATUSES)


@dataclass(frozen=True, slots=True)
class AgingBucket:
    first_day: int
    last_day: int | None
    claims: int
    amount_fen: int
    reviewed: int
    """Of `claims`, those the insurer already reviewed (final amounts, payment to come)."""


@dataclass(frozen=True, slots=True)
class OpenClaim:
    """One claim the insurer still owes, for the oldest-first list."""

    claim_id: int
    invoice_no: str
    service_date: date
    member_masked: str
    insurer_claim_id: str | None
    status: ClaimStatus
    amount_fen: int
    days: int


@dataclass(frozen=True, slots=True)
class Aging:
    as_of: date
    buckets: tuple[AgingBucket, ...]
    oldest: tuple[OpenClaim, ...]

    @property
    def claims(self) -> int:
        return sum(bucket.claims for bucket in self.buckets)

    @property
    def amount_fen(self) -> int:
        return sum(bucket.amount_fen for bucket in self.buckets)


def aging(journal: Journal, as_of: date, *, oldest: int = 20) -> Aging:
    """The insurer's open claims of service dates up to `as_of`, by age; the `oldest` first."""
    cases = " ".join(
        f"WHEN julianday(?) - julianday(b.service_date) <= {last} THEN {index}"
        for index, (_, last) in enumerate(AGING_BUCKETS)
        if last is not None
    )
    open_claims = (
        " FROM claims c INDEXED BY claims_by_insurer_status JOIN bills b ON b.id = c.bill_id"
        f" WHERE c.insurer_status IN {_OPEN} AND c.state = 'sent'"
        " AND b.service_date <= ?"
    )
    day = as_of.isoformat()
    with journal.reading() as db:
        rows = db.execute(
            f"SELECT CASE {cases} ELSE {len(AGING_BUCKETS) - 1} END, count(*),"
            f" coalesce(sum({INSURER_COVERS}), 0), sum(c.insurer_status = 'adjudicated')"
            f"{open_claims} GROUP BY 1",
            (*[day] * (len(AGING_BUCKETS) - 1), day),
        ).fetchall()
        listed = db.execute(
            "SELECT c.id, b.clinic_invoice_no, b.service_date, b.member_id, c.insurer_claim_id,"
            f" c.insurer_status, {INSURER_COVERS}{open_claims}"
            " ORDER BY b.service_date, b.clinic_invoice_no LIMIT ?",
            (day, oldest),
        ).fetchall()
    by_bucket = {row[0]: row[1:] for row in rows}
    return Aging(
        as_of=as_of,
        buckets=tuple(
            AgingBucket(first, last, *by_bucket.get(index, (0, 0, 0)))
            for index, (first, last) in enumerate(AGING_BUCKETS)
        ),
        oldest=tuple(
            OpenClaim(
                claim_id=row[0],
                invoice_no=row[1],
                service_date=date.fromisoformat(row[2]),
                member_masked=masked_member(row[3]),
                insurer_claim_id=row[4],
                status=ClaimStatus(row[5]),
                amount_fen=row[6],
                days=(as_of - date.fromisoformat(row[2])).days,
            )
            for row in listed
        ),
    )


@dataclass(frozen=True, slots=True)
class PaidVsExpected:
    """One period (a service date, or the first day of a month): what the insurer covers on its
    claims, and what it paid of that so far."""

    period: date
    claims: int
    expected_fen: int
    paid_fen: int

    @property
    def outstanding_fen(self) -> int:
        return self.expected_fen - self.paid_fen


def paid_vs_expected(journal: Journal, first: date, last: date) -> list[PaidVsExpected]:
    """Per service date in [first, last] with any claim the insurer pays."""
    with journal.reading() as db:
        rows = db.execute(
            f"SELECT b.service_date, count(*), coalesce(sum({INSURER_COVERS}), 0),"
            " coalesce(sum((SELECT sum(p.amount_fen) FROM claim_payments p"
            " WHERE p.claim_id = c.id AND p.part = ?)), 0)"
            " FROM bills b JOIN claims c INDEXED BY claims_by_bill_state ON c.bill_id = b.id"
            f" WHERE b.service_date BETWEEN ? AND ? AND c.state = 'sent'"
            f" AND c.insurer_status IN {_PAYING}"
            " GROUP BY b.service_date ORDER BY b.service_date",
            (PaymentPart.INSURER_SHARE.value, first.isoformat(), last.isoformat()),
        ).fetchall()
    return [PaidVsExpected(date.fromisoformat(row[0]), *row[1:]) for row in rows]


def by_month(days: list[PaidVsExpected]) -> list[PaidVsExpected]:
    """The same figures per calendar month (each keyed by its first day)."""
    months: dict[date, PaidVsExpected] = {}
    for day in days:
        month = day.period.replace(day=1)
        before = months.get(month, PaidVsExpected(month, 0, 0, 0))
        months[month] = PaidVsExpected(
            month,
            before.claims + day.claims,
            before.expected_fen + day.expected_fen,
            before.paid_fen + day.paid_fen,
        )
    return list(months.values())


class RemittanceProblem(StrEnum):
    """What is wrong with a remittance or one of its details, most urgent first."""

    NO_SUCH_CLAIM = "no-such-claim"
    """The detail names a claim this desk never sent (its idempotency key is not in the
    journal)."""
    NOT_PAYABLE = "not-payable"
    """The detail pays the insurer's share of a claim that pays nothing here (voided, cancelled,
    refused)."""
    PAID_TWICE = "paid-twice"
    """The same share of the same claim was in a detail kept before (an earlier remittance, or
    earlier in this one): this detail pays it again."""
    AMOUNT_DIFFERS = "amount-differs"
    """The detail pays another amount than the claim's share as the journal has it."""
    TOTAL_DIFFERS = "total-differs"
    """The remittance's details do not add up to the amount it paid."""


_ORDER = list(RemittanceProblem)


@dataclass(frozen=True, slots=True)
class RemittanceFinding:
    problem: RemittanceProblem
    action: Action
    remittance_id: str
    payment_date: date
    insurer_claim_id: str | None
    """None for a finding about the whole remittance."""
    part: PaymentPart | None
    invoice_no: str | None
    """The journal's claim, when one matches."""
    expected_fen: int | None
    paid_fen: int

    @property
    def difference_fen(self) -> int | None:
        """Paid minus expected, when something was expected."""
        return None if self.expected_fen is None else self.paid_fen - self.expected_fen


@dataclass(frozen=True, slots=True)
class RemittanceMatch:
    first: date
    last: date
    remittances: int
    details: int
    paid_fen: int
    matched: int
    """Details that pay a claim of this desk exactly what it expects, once."""
    findings: tuple[RemittanceFinding, ...]


def match_remittances(journal: Journal, first: date, last: date) -> RemittanceMatch:
    """The kept remittances paid from `first` to `last`, matched to the journal's claims."""
    span = (first.isoformat(), last.isoformat())
    with journal.reading() as db:
        heads = db.execute(
            "SELECT remittance_id, payment_date, payment_amount_fen, details_fen, details"
            " FROM remittances INDEXED BY remittances_by_date WHERE payment_date BETWEEN ? AND ?",
            span,
        ).fetchall()
        odd = db.execute(
            "SELECT d.remittance_id, r.payment_date, d.insurer_claim_id, d.part, d.amount_fen,"
            " c.id, c.state, c.insurer_status,"
            f" CASE d.part WHEN ? THEN {INSURER_COVERS} ELSE coalesce(c.family_balance_fen, 0)"
            " END AS expected,"
            " d.paid_before > 0 AS twice"
            " FROM remittances r INDEXED BY remittances_by_date"
            " JOIN remittance_details d ON d.remittance_id = r.remittance_id"
            " LEFT JOIN claims c INDEXED BY claims_amounts ON c.id = d.claim_id"
            " WHERE r.payment_date BETWEEN ? AND ? AND (c.id IS NULL"
            f" OR (d.part = ? AND (c.state != 'sent' OR c.insurer_status NOT IN {_PAYING}))"
            " OR d.amount_fen != expected OR twice)",
            (PaymentPart.INSURER_SHARE.value, *span, PaymentPart.INSURER_SHARE.value),
        ).fetchall()
        claim_ids = sorted({row[5] for row in odd if row[5] is not None})
        invoices = dict(
            db.execute(
                "SELECT c.id, b.clinic_invoice_no FROM claims c JOIN bills b ON b.id = c.bill_id"
                f" WHERE c.id IN ({', '.join('?' * len(claim_ids))})",
                claim_ids,
            ).fetchall()
        )
    findings = [_about_detail(row, invoices.get(row[5])) for row in odd]
    findings += [
        RemittanceFinding(
            RemittanceProblem.TOTAL_DIFFERS,
            Action.ASK_FOR_REMITTANCE_ADVICE,
            remittance_id=head[0],
            payment_date=date.fromisoformat(head[1]),
            insurer_claim_id=None,
            part=None,
            invoice_no=None,
            expected_fen=head[3],
            paid_fen=head[2],
        )
        for head in heads
        if head[2] != head[3]
    ]
    findings.sort(key=lambda f: (_ORDER.index(f.problem), f.payment_date, f.remittance_id))
    details = sum(head[4] for head in heads)
    return RemittanceMatch(
        first=first,
        last=last,
        remittances=len(heads),
        details=details,
        paid_fen=sum(head[2] for head in heads),
        matched=details - len(odd),
        findings=tuple(findings),
    )


def _about_detail(row: tuple[Any, ...], invoice_no: str | None) -> RemittanceFinding:
    remittance_id, paid_on, insurer_claim_id, part, amount = row[:5]
    claim_id, state, status, expected, twice = row[5:]
    if claim_id is None:
        problem, action, expected = RemittanceProblem.NO_SUCH_CLAIM, Action.FIND_SOURCE_DESK, None
    elif part == PaymentPart.INSURER_SHARE and (state != "sent" or status not in _PAYING_STATUSES):
        problem, action = RemittanceProblem.NOT_PAYABLE, Action.RETURN_THE_EXTRA
    elif twice:
        problem, action = RemittanceProblem.PAID_TWICE, Action.RETURN_THE_EXTRA
    elif amount < expected:
        problem, action = RemittanceProblem.AMOUNT_DIFFERS, Action.ASK_FOR_THE_REST
    else:
        problem, action = RemittanceProblem.AMOUNT_DIFFERS, Action.RETURN_THE_EXTRA
    return RemittanceFinding(
        problem,
        action,
        remittance_id=remittance_id,
        payment_date=date.fromisoformat(paid_on),
        insurer_claim_id=insurer_claim_id,
        part=PaymentPart(part),
        invoice_no=invoice_no,
        expected_fen=expected,
        paid_fen=amount,
    )


@dataclass(frozen=True, slots=True)
class FamilyBalanceOwed:
    """What the insurer's review moved to a family: their card is greyed until they pay it."""

    claim_id: int
    invoice_no: str
    service_date: date
    member_masked: str
    amount_fen: int
    outcome: ReviewOutcome
    reason: str | None
    """In the insurer's words (the screen says `outcome` in the desk's language)."""


@dataclass(frozen=True, slots=True)
class OwedByFamilies:
    at_desk_visits: int
    at_desk_fen: int
    """What families still owe the desk of their share (collected at the desk)."""
    after_review: tuple[FamilyBalanceOwed, ...]
    """Moved to families by the insurer's review and not paid yet (paid in the e-card app)."""

    @property
    def after_review_fen(self) -> int:
        return sum(balance.amount_fen for balance in self.after_review)


def owed_by_families(journal: Journal) -> OwedByFamilies:
    with journal.reading() as db:
        visits, owed = db.execute(
            f"SELECT count(*), coalesce(sum({OWED}), 0) FROM visits v WHERE {OWING}"
        ).fetchone()
        rows = db.execute(
            "SELECT c.id, b.clinic_invoice_no, b.service_date, b.member_id,"
            " c.family_balance_fen, c.review_outcome, c.review_reason"
            " FROM claims c JOIN bills b ON b.id = c.bill_id"
            " WHERE c.family_balance_fen > 0 AND c.family_balance_paid_at IS NULL"
            " ORDER BY b.service_date, b.clinic_invoice_no"
        ).fetchall()
    return OwedByFamilies(
        at_desk_visits=visits,
        at_desk_fen=owed,
        after_review=tuple(
            FamilyBalanceOwed(
                claim_id=row[0],
                invoice_no=row[1],
                service_date=date.fromisoformat(row[2]),
                member_masked=masked_member(row[3]),
                amount_fen=row[4],
                outcome=ReviewOutcome(row[5]),
                reason=row[6],
            )
            for row in rows
        ),
    )


@dataclass(frozen=True, slots=True)
class Receivables:
    """Everything the Receivables tab and its exports show, read at once."""

    aging: Aging
    days: tuple[PaidVsExpected, ...]
    months: tuple[PaidVsExpected, ...]
    remittances: RemittanceMatch
    families: OwedByFamilies
    by_status: Mapping[ClaimStatus, int]


def receivables(journal: Journal, as_of: date, *, first: date | None = None) -> Receivables:
    """The receivables as of `as_of`, with payments and remittances from `first` on (by default
    `RECEIVABLES_SPAN` before)."""
    first = first or as_of - RECEIVABLES_SPAN
    days = paid_vs_expected(journal, first, as_of)
    with journal.reading() as db:
        counts = dict(
            db.execute(
                "SELECT c.insurer_status, count(*) FROM claims c"
                " INDEXED BY claims_by_insurer_status JOIN bills b ON b.id = c.bill_id"
                " WHERE c.insurer_status IS NOT NULL AND c.state = 'sent'"
                " AND b.service_date BETWEEN ? AND ? GROUP BY 1",
                (first.isoformat(), as_of.isoformat()),
            ).fetchall()
        )
    return Receivables(
        aging=aging(journal, as_of),
        days=tuple(days),
        months=tuple(by_month(days)),
        remittances=match_remittances(journal, first, as_of),
        families=owed_by_families(journal),
        by_status={status: counts.get(status.value, 0) for status in ClaimStatus},
    )


class RemittanceSource(Protocol):
    """What fetching needs from the insurer client."""

    def remittances(self, from_date: date, to_date: date) -> RemittanceList: ...


def fetch_remittances(
    journal: Journal, source: RemittanceSource, as_of: date, *, actor: str
) -> int:
    """Fetch the insurer's remittances of the `REMITTANCES_FETCHED` days to `as_of` and keep
    them; how many were new or changed."""
    listing = source.remittances(as_of - REMITTANCES_FETCHED, as_of)
    with journal.transaction(actor=actor) as tx:
        return record_remittances(tx, listing)
