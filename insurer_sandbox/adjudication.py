"""The rules engine: what the insurer pays for each line of a bill, from `plan.json` alone.

Lines are judged in `line_no` order, each seeing the usage the earlier lines added:

1. Nothing is direct-billed when the clinic is out of the member's network (`out-of-network`),
   or the card is greyed/expired or the date is outside the policy period (`not-covered`).
2. A category the plan does not cover (e.g. `non_medical`) is `not-covered`.
3. A line needs a pre-auth when its category always does, when the line alone is over the
   single-item threshold, or when the member's covered total for the policy year plus this line
   would go over the cumulative threshold. It is covered in full (`preauth-approved`) only with an
   approved pre-auth for this member and item code (the one named by `preauth_id`, if any);
   otherwise the family pays it (`preauth-required`).
4. Other lines of the visit benefit: while free visits remain, covered in full and the visit uses
   one (`covered`). After that the tier's cost share applies (`copay-after-free-visits`): a
   percentage copay takes the insurer's share rounded *down* to the fen (the family pays the odd
   fen), or a per-visit deductible is taken from the first lines of the bill until used up.
5. The benefit's remaining annual limit caps what is covered (`limit-exhausted`).

All arithmetic is on integer fen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from insurer_sandbox.eligibility import DirectBillingBlock, direct_billing_block
from insurer_sandbox.plan import CopayPercent, DeductiblePerVisit, Plan
from insurer_sandbox.store import MemberRecord
from kiosk.insurer.models import (
    AdjudicatedLine,
    Adjudication,
    Bill,
    BillLine,
    PreAuth,
    PreAuthStatus,
    Reason,
)


@dataclass(frozen=True)
class AdjudicationOutcome:
    """The answer, plus what a claim on it adds to the member's usage."""

    adjudication: Adjudication
    block: DirectBillingBlock | None
    covered_by_benefit: dict[str, int] = field(default_factory=dict)


def _approved_preauth_for(line: BillLine, preauths: list[PreAuth]) -> PreAuth | None:
    for preauth in preauths:
        if (
            preauth.status is PreAuthStatus.APPROVED
            and preauth.item_code == line.item_code
            and (line.preauth_id is None or line.preauth_id == preauth.preauth_id)
        ):
            return preauth
    return None


def adjudicate(
    plan: Plan,
    member: MemberRecord,
    preauths: list[PreAuth],
    clinic_id: str,
    bill: Bill,
    today: date,
) -> AdjudicationOutcome:
    """Judge a bill for `member` at `clinic_id` as of `today` (Asia/Shanghai); no state change."""
    lines = sorted(bill.lines, key=lambda x: x.line_no)
    block = direct_billing_block(plan, member, clinic_id, bill.service_date, today)
    if block is not None:
        blocked = [AdjudicatedLine.of(x, 0, block.reason) for x in lines]
        return AdjudicationOutcome(Adjudication.of(blocked, free_visit_used=False), block)

    tier = plan.tier(member.tier)
    rules = plan.preauth
    free_visit = member.free_visits_used < tier.free_visits
    cost_share = tier.after_free_visits
    deductible_left = (
        cost_share.amount_fen
        if not free_visit and isinstance(cost_share, DeductiblePerVisit)
        else 0
    )
    used = dict(member.benefit_used_fen)
    covered_this_year = member.covered_this_year_fen
    covered_by_benefit: dict[str, int] = {}
    free_visit_used = False
    answered: list[AdjudicatedLine] = []

    for line in lines:
        submitted = line.submitted_fen
        benefit = plan.category_benefit[line.category]
        if benefit is None:
            answered.append(AdjudicatedLine.of(line, 0, Reason.NOT_COVERED))
            continue
        needs_preauth = (
            line.category in rules.always_categories
            or submitted > rules.single_line_over_fen
            or covered_this_year + submitted > rules.cumulative_covered_over_fen
        )
        visit_rule = False
        if needs_preauth:
            if _approved_preauth_for(line, preauths) is None:
                answered.append(AdjudicatedLine.of(line, 0, Reason.PREAUTH_REQUIRED))
                continue
            covered, reason = submitted, Reason.PREAUTH_APPROVED
        elif benefit == plan.visit_benefit and not free_visit:
            if isinstance(cost_share, CopayPercent):
                covered = submitted * (100 - cost_share.patient_percent) // 100
            else:
                deductible = min(deductible_left, submitted)
                deductible_left -= deductible
                covered = submitted - deductible
            reason = Reason.COVERED if covered == submitted else Reason.COPAY_AFTER_FREE_VISITS
        else:
            covered, reason = submitted, Reason.COVERED
            visit_rule = benefit == plan.visit_benefit
        remaining = max(0, tier.annual_limits_fen[benefit] - used.get(benefit, 0))
        if covered > remaining:
            covered, reason = remaining, Reason.LIMIT_EXHAUSTED
        if visit_rule and covered > 0:
            free_visit_used = True
        used[benefit] = used.get(benefit, 0) + covered
        covered_this_year += covered
        covered_by_benefit[benefit] = covered_by_benefit.get(benefit, 0) + covered
        answered.append(AdjudicatedLine.of(line, covered, reason))

    return AdjudicationOutcome(
        Adjudication.of(answered, free_visit_used=free_visit_used), None, covered_by_benefit
    )
