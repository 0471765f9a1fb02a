"""Eligibility (CoverageEligibilityResponse): may this clinic direct-bill this member today?

Direct billing needs all three: an active card (no unpaid self-pay amount, policy in force: not
expired, not starting later), today inside the policy period, and the clinic in the member's tier
network. An in-network answer also carries the member's pre-auths and their billed cost for the
policy year against the pre-auth threshold (`CumulativeCost`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from insurer_sandbox.plan import Plan
from insurer_sandbox.store import MemberRecord
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk.insurer.models import (
    BenefitBalance,
    CardStatus,
    Coverage,
    CumulativeCost,
    Eligibility,
    Member,
    PreAuth,
    Reason,
    UnpaidBalance,
)


def card_status(member: MemberRecord, today: date) -> CardStatus:
    """Expired outranks not yet in force, which outranks greyed: an expired card cannot be
    revived by paying, and paying does not start a policy early."""
    if today > member.period_end:
        return CardStatus.EXPIRED
    if today < member.period_start:
        return CardStatus.NOT_YET_IN_FORCE
    if member.unpaid_fen:
        return CardStatus.GREYED_UNPAID
    return CardStatus.ACTIVE


@dataclass(frozen=True)
class DirectBillingBlock:
    """Why nothing on a bill can be direct-billed: the line reason and a sentence for the desk."""

    reason: Reason
    detail: str


def direct_billing_block(
    plan: Plan, member: MemberRecord, clinic_id: str, service_date: date, today: date
) -> DirectBillingBlock | None:
    """None when the clinic may direct-bill this member for a visit on `service_date`."""
    if not plan.in_network(member.tier, clinic_id):
        return DirectBillingBlock(
            Reason.OUT_OF_NETWORK, "this clinic is not in the network of the member's plan tier"
        )
    status = card_status(member, today)
    if status is CardStatus.GREYED_UNPAID:
        return DirectBillingBlock(
            Reason.NOT_COVERED, "the card is greyed out until the unpaid self-pay amount is paid"
        )
    if status is CardStatus.EXPIRED:
        return DirectBillingBlock(Reason.NOT_COVERED, "the policy has expired")
    if status is CardStatus.NOT_YET_IN_FORCE:
        return DirectBillingBlock(
            Reason.NOT_COVERED,
            f"the policy is not yet in force: it starts on {member.period_start.isoformat()}",
        )
    if not member.period_start <= service_date <= member.period_end:
        return DirectBillingBlock(
            Reason.NOT_COVERED, "the service date is outside the member's policy period"
        )
    if not member.period_start <= today <= member.period_end:
        return DirectBillingBlock(Reason.NOT_COVERED, "the policy is not in force today")
    return None


def mask_name(name: str) -> str:
    return name[:1] + "*" * (len(name) - 1)


def mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:]


def eligibility(
    plan: Plan,
    member: MemberRecord | None,
    preauths: list[PreAuth],
    clinic_id: str,
    now: datetime,
) -> Eligibility:
    """The answer for one member at one clinic; an unknown member is `not_found`, not an error.
    A clinic outside the member's network gets no pre-auths (they carry diagnoses) and no billed
    cost."""
    if member is None:
        return Eligibility(
            status=CardStatus.NOT_FOUND,
            direct_billing=False,
            clinic_id=clinic_id,
            in_network=False,
            checked_at=now,
        )
    today = now.astimezone(BUSINESS_TZ).date()
    tier = plan.tier(member.tier)
    status = card_status(member, today)
    in_network = plan.in_network(member.tier, clinic_id)
    in_period = member.period_start <= today <= member.period_end
    balances = [
        BenefitBalance(
            benefit=benefit,
            annual_limit_fen=limit,
            used_fen=member.benefit_used_fen.get(benefit, 0),
            remaining_fen=max(0, limit - member.benefit_used_fen.get(benefit, 0)),
        )
        for benefit, limit in tier.annual_limits_fen.items()
    ]
    unpaid = (
        UnpaidBalance(amount_fen=member.unpaid_fen, claim_ref=member.unpaid_claim_ref or "")
        if member.unpaid_fen
        else None
    )
    return Eligibility(
        status=status,
        direct_billing=status is CardStatus.ACTIVE and in_period and in_network,
        clinic_id=clinic_id,
        in_network=in_network,
        member=Member(
            member_id=member.member_id,
            name_masked=mask_name(member.child_name),
            birth_year=member.birth_year,
            guardian_phone_masked=mask_phone(member.guardian_phone),
        ),
        coverage=Coverage(
            policy_number=member.policy_number,
            plan_tier=member.tier,
            period_start=member.period_start,
            period_end=member.period_end,
        ),
        unpaid=unpaid,
        balances=balances,
        free_visits_total=tier.free_visits,
        free_visits_remaining=max(0, tier.free_visits - member.free_visits_used),
        preauths=preauths if in_network else [],
        cumulative=CumulativeCost(
            billed_fen=member.billed_fen,
            threshold_fen=plan.preauth.cumulative_billed_over_fen,
            policy_year_start=member.period_start,
        )
        if in_network
        else None,
        checked_at=now,
    )
