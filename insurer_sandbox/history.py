"""The demo clinic's year before today, as the insurer holds it: claims from the desk over twelve
months, reviewed and paid by the Monday payment runs (`insurer_sandbox.settlement`'s rules), with
the ones a clinic chases: paid late, never paid, rejected after review, partly not covered, and
one remittance that does not match.

The year is deterministic for a day (`past_visits`): the demo launcher writes the same visits into
the desk's journal, signs them as the desk does, and hands the signed claims back
(`record_past_claims`) so both sides hold the same claims under the same idempotency keys. The
children are made up (`PAST_MEMBER_PREFIX`) and are not demo members: the year uses none of a
demo member's balances. Documented in docs/demo-data.md ("The demo clinic's year").
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from insurer_sandbox import claim_outcomes
from insurer_sandbox.claim_outcomes import Payment
from insurer_sandbox.settlement import (
    NOT_COVERED_AFTER_REVIEW,
    REJECTED_REASON,
    final_adjudication,
)
from insurer_sandbox.store import Store
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk.insurer.models import (
    Adjudication,
    ClaimResult,
    ClaimReview,
    ClaimStatus,
    ClaimSubmission,
    PaymentPart,
    ReviewOutcome,
)

PAST_MEMBER_PREFIX = "M25P"
VISITS_PER_DAY = (2, 3, 3, 4, 5)
PAST_ITEMS = (
    (("GP001", 1),),
    (("GP001", 1), ("LAB001", 1)),
    (("GP002", 1), ("RX001", 1)),
    (("GP001", 1), ("LAB003", 1), ("RX003", 2)),
    (("GP003", 1), ("IMG001", 1)),
    (("GP001", 1), ("TRT001", 2)),
)
DISPUTED_FEN = 12_000
"""The last remittance pays one claim this much less than its final amount."""
ELSEWHERE_CLAIM = "CLM-DEMO-OTHER-DESK"
ELSEWHERE_FEN = 26_800
"""And pays a claim no desk of this demo sent."""


class Fate(StrEnum):
    """What became of a past claim (the shares are in `past_visits`)."""

    PAID = "paid"
    PAID_LATE = "paid-late"
    """Reviewed 30 to 100 days late."""
    UNPAID = "unpaid"
    """Never reviewed: it ages past 90 days."""
    REJECTED = "rejected"
    """Rejected after review; the family paid it in the e-card app, and it was passed on."""
    REJECTED_OWING = "rejected-owing"
    """Rejected after review; the family has not paid it yet."""
    PARTIAL = "partial"
    """Its dearest line found not covered after review; the rest paid."""


@dataclass(frozen=True)
class PastVisit:
    number: int
    member_id: str
    service_date: date
    items: tuple[tuple[str, int], ...]
    fate: Fate

    @property
    def invoice_no(self) -> str:
        return f"P{self.service_date:%Y%m%d}-{self.number:04d}"

    @property
    def claim_id(self) -> str:
        return f"CLM-P{self.number:06d}"

    @property
    def recorded_at(self) -> datetime:
        """Signed and sent in clinic hours, a few minutes apart."""
        return datetime.combine(self.service_date, time(9, 0), BUSINESS_TZ) + timedelta(
            minutes=7 * (self.number % 60)
        )

    def review_day(self) -> date | None:
        """The Monday run that reviews it (None: never)."""
        if self.fate is Fate.UNPAID:
            return None
        day = _next_monday(self.service_date + timedelta(days=1))
        if self.fate is Fate.PAID_LATE:
            day = _next_monday(day + timedelta(days=30 + self.number % 70))
        return day


def _next_monday(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def past_visits(today: date, days: int = 365, *, desk: str = "") -> list[PastVisit]:
    """The clinic's visits of the `days` before `today` (today not included), the same for the
    same day (and `desk`: another desk of the clinic has visits of its own): 1% never paid, 3%
    paid late, 1% rejected after review (a third of those not paid by the family yet), 2% partly
    not covered, the rest paid a week after the review."""
    rng = random.Random(f"demo-year-{desk}{today.isoformat()}")
    visits: list[PastVisit] = []
    for offset in range(days, 0, -1):
        day = today - timedelta(days=offset)
        for _ in range(rng.choice(VISITS_PER_DAY)):
            roll = rng.random()
            fate = (
                Fate.UNPAID
                if roll < 0.01
                else Fate.PAID_LATE
                if roll < 0.04
                else Fate.REJECTED
                if roll < 0.045
                else Fate.REJECTED_OWING
                if roll < 0.05
                else Fate.PARTIAL
                if roll < 0.07
                else Fate.PAID
            )
            visits.append(
                PastVisit(
                    number=len(visits) + 1,
                    member_id=f"{PAST_MEMBER_PREFIX}{rng.randrange(1, 400):04d}",
                    service_date=day,
                    items=rng.choice(PAST_ITEMS),
                    fate=fate,
                )
            )
    return visits


@dataclass(frozen=True)
class SignedPastClaim:
    """A past visit as the desk signed and queued it."""

    visit: PastVisit
    submission: ClaimSubmission
    idempotency_key: str


def record_past_claims(
    store: Store, clinic_id: str, claims: Sequence[SignedPastClaim], today: date
) -> list[ClaimResult]:
    """Record the desk's signed past claims at the insurer, reviewed and paid by every Monday run
    before `today`; each claim as the insurer now answers it, in the order given."""
    runs: dict[date, list[Payment]] = {}
    with store.writing() as db:
        for claim in claims:
            _record(store, db, clinic_id, claim, today, runs)
        for day in sorted(runs):
            at = datetime.combine(day, time(9, 0), BUSINESS_TZ)
            claim_outcomes.pay(db, clinic_id, day, runs[day], at)
        _plant_the_last_run(db, clinic_id, runs)
        return [_answer(store, db, c.visit.claim_id) for c in claims]


def _answer(store: Store, db: sqlite3.Connection, claim_id: str) -> ClaimResult:
    answer = store.claim(db, claim_id)
    assert answer is not None
    return answer


def _record(
    store: Store,
    db: sqlite3.Connection,
    clinic_id: str,
    claim: SignedPastClaim,
    today: date,
    runs: dict[date, list[Payment]],
) -> None:
    visit, submission = claim.visit, claim.submission
    signed = submission.shown.adjudication
    store.insert_claim(
        db,
        ClaimResult(
            claim_id=visit.claim_id,
            idempotency_key=claim.idempotency_key,
            status=ClaimStatus.ACCEPTED,
            adjudication=signed,
            bill_hash=submission.bill_hash,
            clinic_id=clinic_id,
            member_id=visit.member_id,
            service_date=visit.service_date,
            recorded_at=visit.recorded_at,
        ),
        request_hash=f"past-{visit.number}",
        bill_json=submission.bill.model_dump_json(),
        signature_json=submission.signature.model_dump_json(),
        expected_covered_fen=submission.expected_covered_fen,
        clinic_invoice_no=submission.clinic_invoice_no,
        audit_head=None,
    )
    reviewed = visit.review_day()
    if reviewed is None or reviewed >= today:
        return
    final, outcome, reason = _review(visit.fate, signed)
    claim_outcomes.record_review(
        db,
        visit.claim_id,
        ClaimReview(
            reviewed_at=datetime.combine(reviewed, time(9, 0), BUSINESS_TZ),
            outcome=outcome,
            adjudication=final,
            moved_to_family_fen=signed.total_covered_fen - final.total_covered_fen,
            reason=reason,
        ),
        reject_code="rejected-after-review" if outcome is ReviewOutcome.REJECTED else None,
    )
    paid_on = reviewed + timedelta(days=7)
    if paid_on >= today:
        return
    if outcome is not ReviewOutcome.REJECTED:  # paid, with a detail when there is any to pay
        if final.total_covered_fen:
            runs.setdefault(paid_on, []).append(
                Payment(
                    visit.claim_id,
                    claim.idempotency_key,
                    PaymentPart.INSURER_SHARE,
                    final.total_covered_fen,
                )
            )
        db.execute(
            "UPDATE claims SET status = ? WHERE claim_id = ?",
            (ClaimStatus.PAID.value, visit.claim_id),
        )
    moved = signed.total_covered_fen - final.total_covered_fen
    if moved and visit.fate is not Fate.REJECTED_OWING:
        family_paid = datetime.combine(reviewed + timedelta(days=3), time(20, 0), BUSINESS_TZ)
        db.execute(
            "UPDATE claims SET family_paid_at = ?, family_passed_on = 1 WHERE claim_id = ?",
            (family_paid.isoformat(), visit.claim_id),
        )
        runs.setdefault(paid_on, []).append(
            Payment(visit.claim_id, claim.idempotency_key, PaymentPart.FAMILY_BALANCE, moved)
        )


def _review(fate: Fate, signed: Adjudication) -> tuple[Adjudication, ReviewOutcome, str | None]:
    """The review a payment run would make (`settlement.final_adjudication`, its reasons)."""
    if fate in (Fate.REJECTED, Fate.REJECTED_OWING):
        every_line = {line.line_no for line in signed.lines}
        return final_adjudication(signed, every_line), ReviewOutcome.REJECTED, REJECTED_REASON
    if fate is Fate.PARTIAL:
        dearest = max(signed.lines, key=lambda line: (line.covered_fen, -line.line_no))
        partial = final_adjudication(signed, {dearest.line_no})
        return partial, ReviewOutcome.PARTIAL, NOT_COVERED_AFTER_REVIEW
    return signed, ReviewOutcome.COMPLETE, None


def _plant_the_last_run(
    db: sqlite3.Connection, clinic_id: str, runs: dict[date, list[Payment]]
) -> None:
    """The last remittance pays one claim `DISPUTED_FEN` short, and a claim of another desk."""
    if not runs:
        return
    day = max(runs)
    remittance_id = f"RMT-{clinic_id}-{day:%Y%m%d}"
    shares = [p for p in runs[day] if p.part is PaymentPart.INSURER_SHARE]
    at = datetime.combine(day, time(9, 0), BUSINESS_TZ)
    if shares and shares[0].amount_fen > DISPUTED_FEN:
        short = shares[0]
        claim_outcomes.plant(
            db,
            remittance_id,
            Payment(
                short.claim_id, short.idempotency_key, short.part, short.amount_fen - DISPUTED_FEN
            ),
            clinic_id=clinic_id,
            payment_date=day,
            now=at,
        )
    claim_outcomes.plant(
        db,
        remittance_id,
        Payment(
            ELSEWHERE_CLAIM, "other-desk-" + "0" * 16, PaymentPart.INSURER_SHARE, ELSEWHERE_FEN
        ),
        clinic_id=clinic_id,
        payment_date=day,
        now=at,
    )
