"""The rules engine: what the insurer pays for each line of a bill, from `plan.json` alone.

Lines are judged in `line_no` order, each seeing the usage the earlier lines added:

1. Nothing is direct-billed when the clinic is out of the member's network (`out-of-network`),
   or the card is greyed/expired/not yet in force or the date is outside the policy period
   (`not-covered`).
2. A category the plan does not cover (e.g. `non_medical`) is `not-covered`.
3. A line needs a pre-auth (the manual's 事先授权 list) when
   a. its category always does (inpatient, surgery, special outpatient, durable equipment);
   b. the clinic marked it a major exam, outpatient surgery or major-illness treatment
      (`preauth_class`, any value);
   c. its *unit* price is at least `unit_price_from_fen` (CNY 5,000: "单价在人民币5000元以上",
      以上 includes the figure) and it is an exam, treatment or drug ("超过5000元的单项检查、治疗、
      药品费用"); a quantity that takes the line over CNY 5,000 at a lower unit price does not;
   d. the member's billed medical cost this policy year plus this whole bill's submitted total
      is over `cumulative_billed_over_fen` (CNY 30,000, "累计医疗费用超过3万元", 超过 excludes the
      figure) and it is a treatment or an exam ("任何治疗、检查项目"). Billed means every accepted
      claim's submitted total, whoever paid, not what the insurer covered.
   Such a line is covered only under an approved pre-auth of the member whose grant covers it
   (its item code or category; only the one its `preauth_id` names, if it names one):
   - no such approval (none, pending, denied, more information requested): `preauth-required`;
   - the service date outside every such approval's window: `preauth-outside-validity`;
   - no use left (counting what earlier lines of this bill took): `preauth-used`;
   - otherwise, of the approvals usable on the date, the one ending soonest covers
     min(quantity, uses left) units at the unit price, capped at its amount left
     (`preauth-amount-exceeded` when capped; `preauth-used` when it had fewer uses than units;
     `preauth-approved` when it covers the line in full). The rest is the family's.
   Every line paid under an approval carries its auth number (`preauth_ref`), and the outcome
   says what it took (`PreAuthUse`), for the claim to record once accepted.
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
from insurer_sandbox.plan import CopayPercent, DeductiblePerVisit, Plan, PreAuthRules
from insurer_sandbox.store import MemberRecord, PreAuthUse
from kiosk.insurer.models import (
    AdjudicatedLine,
    Adjudication,
    Bill,
    BillLine,
    PreAuth,
    PreAuthGrant,
    PreAuthStatus,
    Reason,
)


@dataclass(frozen=True)
class AdjudicationOutcome:
    """The answer, plus what a claim on it adds to the member's usage and takes from approvals."""

    adjudication: Adjudication
    block: DirectBillingBlock | None
    covered_by_benefit: dict[str, int] = field(default_factory=dict)
    preauth_uses: list[PreAuthUse] = field(default_factory=list)


def needs_preauth(rules: PreAuthRules, line: BillLine, *, billed_with_bill_fen: int) -> bool:
    """Rules 3a-3d; `billed_with_bill_fen` is the member's billed cost this policy year plus the
    whole bill's submitted total."""
    return (
        line.category in rules.always_categories
        or line.preauth_class is not None
        or (
            line.category in rules.unit_price_categories
            and line.unit_price_fen >= rules.unit_price_from_fen
        )
        or (
            line.category in rules.cumulative_categories
            and billed_with_bill_fen > rules.cumulative_billed_over_fen
        )
    )


@dataclass
class _Taken:
    """What earlier lines of this bill took from one approval."""

    units: int = 0
    covered_fen: int = 0


@dataclass(frozen=True)
class _UnderGrant:
    """A pre-auth line's verdict before the annual limit: covered amount, reason, and the
    approval and units it uses (None when nothing is paid under one)."""

    covered_fen: int
    reason: Reason
    preauth: PreAuth | None = None
    units: int = 0


def _left(grant: PreAuthGrant, taken: _Taken) -> tuple[int, int]:
    return grant.uses_left - taken.units, grant.amount_left_fen - taken.covered_fen


def _under_grant(
    line: BillLine, service_date: date, preauths: list[PreAuth], taken: dict[str, _Taken]
) -> _UnderGrant:
    candidates = [
        (p, p.grant)
        for p in preauths
        if p.status is PreAuthStatus.APPROVED
        and p.grant is not None
        and p.grant.covers(line.item_code, line.category)
        and (line.preauth_id is None or line.preauth_id == p.preauth_id)
    ]
    if not candidates:
        return _UnderGrant(0, Reason.PREAUTH_REQUIRED)
    in_window = [(p, g) for p, g in candidates if g.valid_from <= service_date <= g.valid_until]
    if not in_window:
        return _UnderGrant(0, Reason.PREAUTH_OUTSIDE_VALIDITY)
    usable = [
        (p, g) for p, g in in_window if min(_left(g, taken.setdefault(p.preauth_id, _Taken()))) > 0
    ]
    if not usable:
        no_uses = any(_left(g, taken[p.preauth_id])[0] <= 0 for p, g in in_window)
        return _UnderGrant(0, Reason.PREAUTH_USED if no_uses else Reason.PREAUTH_AMOUNT_EXCEEDED)
    preauth, grant = min(usable, key=lambda x: (x[1].valid_until, x[0].preauth_id))
    uses_left, amount_left = _left(grant, taken[preauth.preauth_id])
    units = min(line.quantity, uses_left)
    covered = units * line.unit_price_fen
    if covered > amount_left:
        return _UnderGrant(amount_left, Reason.PREAUTH_AMOUNT_EXCEEDED, preauth, units)
    if units < line.quantity:
        return _UnderGrant(covered, Reason.PREAUTH_USED, preauth, units)
    return _UnderGrant(covered, Reason.PREAUTH_APPROVED, preauth, units)


def adjudicate(
    plan: Plan,
    member: MemberRecord,
    preauths: list[PreAuth],
    clinic_id: str,
    bill: Bill,
    today: date,
) -> AdjudicationOutcome:
    """Judge a bill for `member` at `clinic_id` as of `today` (Asia/Shanghai); no state change.
    `preauths` are the member's, each approval with what is left of it."""
    lines = sorted(bill.lines, key=lambda x: x.line_no)
    block = direct_billing_block(plan, member, clinic_id, bill.service_date, today)
    if block is not None:
        blocked = [AdjudicatedLine.of(x, 0, block.reason) for x in lines]
        return AdjudicationOutcome(Adjudication.of(blocked, free_visit_used=False), block)

    tier = plan.tier(member.tier)
    free_visit = member.free_visits_used < tier.free_visits
    cost_share = tier.after_free_visits
    deductible_left = (
        cost_share.amount_fen
        if not free_visit and isinstance(cost_share, DeductiblePerVisit)
        else 0
    )
    billed_with_bill = member.billed_fen + sum(x.submitted_fen for x in lines)
    used = dict(member.benefit_used_fen)
    covered_by_benefit: dict[str, int] = {}
    taken: dict[str, _Taken] = {}
    uses: list[PreAuthUse] = []
    free_visit_used = False
    answered: list[AdjudicatedLine] = []

    for line in lines:
        submitted = line.submitted_fen
        benefit = plan.category_benefit[line.category]
        if benefit is None:
            answered.append(AdjudicatedLine.of(line, 0, Reason.NOT_COVERED))
            continue
        visit_rule = False
        under: _UnderGrant | None = None
        if needs_preauth(plan.preauth, line, billed_with_bill_fen=billed_with_bill):
            under = _under_grant(line, bill.service_date, preauths, taken)
            covered, reason = under.covered_fen, under.reason
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
        covered_by_benefit[benefit] = covered_by_benefit.get(benefit, 0) + covered
        ref = None
        if under is not None and under.preauth is not None and covered > 0:
            assert under.preauth.grant is not None
            ref = under.preauth.grant.auth_number
            took = taken[under.preauth.preauth_id]
            took.units += under.units
            took.covered_fen += covered
            uses.append(PreAuthUse(under.preauth.preauth_id, line.line_no, under.units, covered))
        answered.append(AdjudicatedLine.of(line, covered, reason, preauth_ref=ref))

    return AdjudicationOutcome(
        Adjudication.of(answered, free_visit_used=free_visit_used),
        None,
        covered_by_benefit,
        uses,
    )


def usage_by_benefit(plan: Plan, bill: Bill, adjudication: Adjudication) -> dict[str, int]:
    """What an adjudication of `bill` added to each benefit's annual usage (what a cancelled
    claim gives back): its covered amounts by the benefit of each line's category."""
    category = {x.line_no: x.category for x in bill.lines}
    usage: dict[str, int] = {}
    for line in adjudication.lines:
        benefit = plan.category_benefit[category[line.line_no]]
        if benefit is not None and line.covered_fen:
            usage[benefit] = usage.get(benefit, 0) + line.covered_fen
    return usage
