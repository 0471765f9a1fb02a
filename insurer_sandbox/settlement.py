"""The insurer's back office after a claim is accepted: its review and payment runs, and the family
paying what a review moved to them (docs/demo-data.md, "Review and payment runs").

A run for day D (Asia/Shanghai) works on every clinic's claims in one write transaction, in this
order, so that a claim is never reviewed and paid by the same run:

1. Pay. Every adjudicated claim reviewed on a day before D becomes `paid`, and the clinic's
   remittance pays its final covered amount (`insurer-share`); one with nothing covered is closed
   as paid without a detail. Every family balance the family paid on a day before D, not passed
   on yet, is passed on (`family-balance`). One remittance per clinic with anything to pay.
2. Review. Every accepted claim recorded on a day before D is reviewed at 09:00 on D (or at the
   sandbox's time, when the run is on D after 09:00): rejected, partly not covered, or complete,
   as the run names it or as the deterministic default share (`default_outcome`) decides. What
   the review no longer covers moves to the family: the member's card is greyed until they pay
   it, and it stops using their annual limits.

Cancelled claims are never reviewed or paid. A run changes nothing that an earlier run for the
same day already did, so running a day twice pays once.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from collections.abc import Collection, Mapping
from datetime import UTC, date, datetime, time

from pydantic import BaseModel, ConfigDict

from insurer_sandbox import claim_outcomes
from insurer_sandbox.adjudication import usage_by_benefit
from insurer_sandbox.claim_outcomes import Payment
from insurer_sandbox.plan import Plan, load_plan
from insurer_sandbox.store import Store
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk.insurer.models import (
    AdjudicatedLine,
    Adjudication,
    ClaimReview,
    ClaimStatus,
    PaymentPart,
    Reason,
    ReviewOutcome,
)
from kiosk.insurer.remittances import Remittance
from kiosk.money import Fen

DEFAULT_REVIEW_SHARE = 20
"""By default 1 claim in 20 is found partly not covered (and 1 in 100 wholly rejected)."""

REJECTED_SHARE_FACTOR = 5
"""1 claim in `review_share` × this is wholly rejected by default (none of them also partial)."""

REVIEW_TIME = time(9, 0)
"""The insurer reviews a run's claims at 09:00 Asia/Shanghai on the run's day."""

REJECTED_AFTER_REVIEW = "rejected-after-review"
"""The `reject_code` of a claim the review rejected (on arrival claims are refused, not
rejected)."""

NOT_COVERED_AFTER_REVIEW = "not covered after review: outside the plan's benefit"
REJECTED_REASON = "rejected after review: the visit is not covered by the plan"


class SettlementError(ValueError):
    """A run was asked for something it cannot do; nothing was changed."""


class UnknownMemberError(KeyError):
    """The family of a member the insurer does not hold cannot pay anything."""


class ReviewedClaim(BaseModel):
    """A claim a run reviewed: its outcome, what the insurer now covers and what moved to the
    family."""

    model_config = ConfigDict(extra="forbid")

    claim_id: str
    clinic_id: str
    member_id: str
    outcome: ReviewOutcome
    final_covered_fen: Fen
    moved_to_family_fen: Fen


class SettlementSummary(BaseModel):
    """What one run for `day` paid and reviewed."""

    model_config = ConfigDict(extra="forbid")

    day: date
    paid: list[Remittance]
    closed: list[str]
    """Adjudicated claims with nothing left to pay, now `paid` without a remittance detail."""
    reviewed: list[ReviewedClaim]
    not_reviewed: list[str]
    """Claims the run was asked to reject or find partly not covered that it did not review
    (not accepted, or recorded on or after `day`)."""


class BalancePaid(BaseModel):
    """What a family paid in the e-card app to lift the grey from their card."""

    model_config = ConfigDict(extra="forbid")

    member_id: str
    amount_fen: Fen
    claims: list[str]
    """The claims whose balance this paid (none for a balance from before the sandbox's
    records, such as the demo's greyed card)."""
    paid_at: datetime


def default_outcome(clinic_id: str, clinic_invoice_no: str, review_share: int) -> ReviewOutcome:
    """The outcome of a claim the run does not name, stable across runs and databases. H is the
    first 8 bytes (big-endian) of SHA-256 of `<clinic_id>/<clinic_invoice_no>` and N the review
    share: partial when H mod N = 0, rejected when H mod N = 1 and (H div N) mod 5 = 0, otherwise
    complete; N = 0 makes every claim complete."""
    if review_share == 0:
        return ReviewOutcome.COMPLETE
    text = f"{clinic_id}/{clinic_invoice_no}".encode()
    h = int.from_bytes(hashlib.sha256(text).digest()[:8], "big")
    if h % review_share == 0:
        return ReviewOutcome.PARTIAL
    if h % review_share == 1 and (h // review_share) % REJECTED_SHARE_FACTOR == 0:
        return ReviewOutcome.REJECTED
    return ReviewOutcome.COMPLETE


def review_time(day: date, now: datetime) -> datetime:
    """When a run for `day` reviews: 09:00 that day, or `now` if the run is later that day."""
    nine = datetime.combine(day, REVIEW_TIME, tzinfo=BUSINESS_TZ)
    local = now.astimezone(BUSINESS_TZ)
    return (local if local.date() == day and local > nine else nine).astimezone(UTC)


def settle(
    store: Store,
    day: date,
    *,
    reject: Collection[str] = (),
    not_covered: Collection[tuple[str, int]] = (),
    review_share: int = DEFAULT_REVIEW_SHARE,
) -> SettlementSummary:
    """The payment run for `day`, then its review (module docstring). `reject` names claims to
    reject, `not_covered` (claim id, line number) lines to find not covered; other claims get
    `default_outcome`. Raises `SettlementError`, changing nothing, for an unknown claim or line,
    a claim named both ways, or a negative share."""
    if review_share < 0:
        raise SettlementError("the review share is 0 (none) or a positive number")
    refused_lines: dict[str, set[int]] = defaultdict(set)
    for claim_id, line_no in not_covered:
        refused_lines[claim_id].add(line_no)
    both = sorted(set(reject) & refused_lines.keys())
    if both:
        raise SettlementError(f"rejected and partly not covered at once: {', '.join(both)}")
    rejected = set(reject)
    now = store.now()
    at = review_time(day, now)
    plan = load_plan()
    with store.writing() as db:
        _check_named(store, db, rejected, refused_lines)
        paid, closed = _pay(db, day, now)
        accepted = db.execute(
            "SELECT * FROM claims WHERE status = ? AND recorded_day < ? "
            "ORDER BY recorded_at, claim_id",
            (ClaimStatus.ACCEPTED.value, day.isoformat()),
        ).fetchall()
        reviewed = []
        for row in accepted:
            signed = Adjudication.model_validate_json(row["adjudication_json"])
            outcome, refused = _decision(row, signed, rejected, refused_lines, review_share)
            reviewed.append(_review(store, db, plan, row, at, signed, outcome, refused))
    named = rejected | refused_lines.keys()
    return SettlementSummary(
        day=day,
        paid=paid,
        closed=closed,
        reviewed=reviewed,
        not_reviewed=sorted(named - {r.claim_id for r in reviewed}),
    )


def _check_named(
    store: Store, db: sqlite3.Connection, reject: set[str], refused: Mapping[str, set[int]]
) -> None:
    for claim_id in sorted(reject | refused.keys()):
        claim = store.claim(db, claim_id)
        if claim is None:
            raise SettlementError(f"no claim {claim_id}")
        missing = refused.get(claim_id, set()) - {x.line_no for x in claim.adjudication.lines}
        if missing:
            raise SettlementError(f"claim {claim_id} has no line {min(missing)}")


def _day_of(stored: str) -> date:
    return datetime.fromisoformat(stored).astimezone(BUSINESS_TZ).date()


def _pay(db: sqlite3.Connection, day: date, now: datetime) -> tuple[list[Remittance], list[str]]:
    """Step 1: the remittances of the run, one per clinic with anything to pay, and the claims
    closed with nothing to pay."""
    due: dict[str, list[Payment]] = defaultdict(list)
    closed = []
    adjudicated = db.execute(
        "SELECT * FROM claims WHERE status = ? ORDER BY recorded_at, claim_id",
        (ClaimStatus.ADJUDICATED.value,),
    ).fetchall()
    for row in adjudicated:
        if _day_of(row["reviewed_at"]) >= day:
            continue
        db.execute(
            "UPDATE claims SET status = ? WHERE claim_id = ?",
            (ClaimStatus.PAID.value, row["claim_id"]),
        )
        final = Adjudication.model_validate_json(row["final_adjudication_json"])
        if final.total_covered_fen == 0:
            closed.append(row["claim_id"])
            continue
        due[row["clinic_id"]].append(
            Payment(
                row["claim_id"],
                row["idempotency_key"],
                PaymentPart.INSURER_SHARE,
                final.total_covered_fen,
            )
        )
    family_paid = db.execute(
        "SELECT * FROM claims WHERE family_paid_at IS NOT NULL AND family_passed_on = 0 "
        "ORDER BY family_paid_at, claim_id"
    ).fetchall()
    for row in family_paid:
        if _day_of(row["family_paid_at"]) >= day:
            continue
        db.execute("UPDATE claims SET family_passed_on = 1 WHERE claim_id = ?", (row["claim_id"],))
        due[row["clinic_id"]].append(
            Payment(
                row["claim_id"],
                row["idempotency_key"],
                PaymentPart.FAMILY_BALANCE,
                row["moved_to_family_fen"],
            )
        )
    paid = [claim_outcomes.pay(db, clinic, day, due[clinic], now) for clinic in sorted(due)]
    return paid, closed


def _decision(
    row: sqlite3.Row,
    signed: Adjudication,
    reject: set[str],
    refused_lines: Mapping[str, set[int]],
    review_share: int,
) -> tuple[ReviewOutcome, set[int]]:
    """The outcome of one claim's review and the lines it finds not covered: as the run names
    the claim, else `default_outcome`. The default's partial finds the line with the largest
    covered amount (the first, on a tie) not covered; a claim with nothing covered has nothing
    to take back, so the default reviews it complete."""
    every_line = {x.line_no for x in signed.lines}
    if row["claim_id"] in reject:
        return ReviewOutcome.REJECTED, every_line
    if row["claim_id"] in refused_lines:
        return ReviewOutcome.PARTIAL, refused_lines[row["claim_id"]]
    if signed.total_covered_fen == 0:
        return ReviewOutcome.COMPLETE, set()
    outcome = default_outcome(row["clinic_id"], row["clinic_invoice_no"], review_share)
    if outcome is ReviewOutcome.PARTIAL:
        largest = max(signed.lines, key=lambda x: (x.covered_fen, -x.line_no))
        return outcome, {largest.line_no}
    return outcome, every_line if outcome is ReviewOutcome.REJECTED else set()


_REASONS = {
    ReviewOutcome.COMPLETE: None,
    ReviewOutcome.PARTIAL: NOT_COVERED_AFTER_REVIEW,
    ReviewOutcome.REJECTED: REJECTED_REASON,
}


def _review(
    store: Store,
    db: sqlite3.Connection,
    plan: Plan,
    row: sqlite3.Row,
    at: datetime,
    signed: Adjudication,
    outcome: ReviewOutcome,
    refused: set[int],
) -> ReviewedClaim:
    """Step 2 for one accepted claim: record its review, the `refused` lines not covered. What
    moves to the family greys the member's card and gives back the annual-limit usage (and, when
    nothing stays covered, the fully-paid visit)."""
    claim_id, member_id = row["claim_id"], row["member_id"]
    final = final_adjudication(signed, refused)
    moved = signed.total_covered_fen - final.total_covered_fen
    claim_outcomes.record_review(
        db,
        claim_id,
        ClaimReview(
            reviewed_at=at,
            outcome=outcome,
            adjudication=final,
            moved_to_family_fen=moved,
            reason=_REASONS[outcome],
        ),
        reject_code=REJECTED_AFTER_REVIEW if outcome is ReviewOutcome.REJECTED else None,
    )
    if moved:
        db.execute(
            "UPDATE members SET unpaid_fen = coalesce(unpaid_fen, 0) + ?, unpaid_claim_ref = ? "
            "WHERE member_id = ?",
            (moved, claim_id, member_id),
        )
        bill = store.claim_bill(db, claim_id)
        before = usage_by_benefit(plan, bill, signed)
        after = usage_by_benefit(plan, bill, final)
        store.give_back_usage(
            db,
            member_id,
            {b: used - after.get(b, 0) for b, used in before.items() if used > after.get(b, 0)},
            free_visit=signed.free_visit_used and not final.free_visit_used,
        )
    return ReviewedClaim(
        claim_id=claim_id,
        clinic_id=row["clinic_id"],
        member_id=member_id,
        outcome=outcome,
        final_covered_fen=final.total_covered_fen,
        moved_to_family_fen=moved,
    )


def final_adjudication(signed: Adjudication, refused: set[int]) -> Adjudication:
    """The signed adjudication with the `refused` lines not covered; the visit keeps its
    fully-paid visit only while something of it stays covered."""
    lines = [
        AdjudicatedLine(
            line_no=x.line_no,
            submitted_fen=x.submitted_fen,
            covered_fen=0,
            patient_fen=x.submitted_fen,
            reason=Reason.NOT_COVERED,
        )
        if x.line_no in refused
        else x
        for x in signed.lines
    ]
    covered = sum(x.covered_fen for x in lines)
    return Adjudication.of(lines, free_visit_used=signed.free_visit_used and covered > 0)


def pay_balance(store: Store, member_id: str) -> BalancePaid:
    """The family pays what they owe in the e-card app (电子保险卡 → 就诊记录 → 支付): the card is
    no longer greyed, and each claim whose balance this paid is marked paid now, for the next
    payment run to pass on to the clinic. Paying with nothing owed pays 0. Raises
    `UnknownMemberError`."""
    now = store.now()
    with store.writing() as db:
        member = db.execute(
            "SELECT unpaid_fen FROM members WHERE member_id = ?", (member_id,)
        ).fetchone()
        if member is None:
            raise UnknownMemberError(member_id)
        claims = [
            r["claim_id"]
            for r in db.execute(
                "SELECT claim_id FROM claims WHERE member_id = ? AND moved_to_family_fen > 0 "
                "AND family_paid_at IS NULL ORDER BY recorded_at, claim_id",
                (member_id,),
            )
        ]
        db.executemany(
            "UPDATE claims SET family_paid_at = ? WHERE claim_id = ?",
            [(now.isoformat(), claim_id) for claim_id in claims],
        )
        db.execute(
            "UPDATE members SET unpaid_fen = NULL, unpaid_claim_ref = NULL WHERE member_id = ?",
            (member_id,),
        )
    return BalancePaid(
        member_id=member_id, amount_fen=member["unpaid_fen"] or 0, claims=claims, paid_at=now
    )
