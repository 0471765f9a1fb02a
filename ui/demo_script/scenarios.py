"""What the scripted demo bills each demo member, and which members walk the detours.

No Qt here: the soak bench and the log test read the scenarios without a kiosk.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.journal import PaymentMethod


@dataclass(frozen=True)
class Scenario:
    """What reception puts on the bill for one demo member, and how the family pays."""

    items: tuple[tuple[str, int], ...]
    payment: PaymentMethod = PaymentMethod.WECHAT
    request_preauth: bool = False
    letter: bool = False
    """Print the approval's guarantee letter (担保函) from the eligibility screen."""
    part_payment: tuple[tuple[PaymentMethod, str], ...] = ()
    """Split the family's share across these methods and amounts (CNY) and leave the rest owed
    to the clinic, collected when the child comes back."""


SCENARIOS: dict[str, Scenario] = {
    "active_standard": Scenario((("GP001", 1), ("LAB001", 1), ("RX001", 1))),
    "active_plus": Scenario((("GP003", 1), ("IMG001", 1), ("VAC002", 1)), PaymentMethod.ALIPAY),
    "free_visits_used_up": Scenario(
        (("GP001", 1), ("LAB002", 1)),
        PaymentMethod.CARD,
        part_payment=((PaymentMethod.CASH, "100.00"), (PaymentMethod.WECHAT, "50.00")),
    ),
    "plus_free_visits_used_up": Scenario((("GP001", 1), ("RX003", 2)), PaymentMethod.CASH),
    "preauth_approved": Scenario((("GP001", 1), ("SURG-TONSIL", 1), ("NM001", 1)), letter=True),
    "preauth_pending": Scenario((("GP001", 1), ("EXAM-MRI", 1)), request_preauth=True),
    "near_annual_limit": Scenario((("GP002", 1), ("LAB001", 1)), PaymentMethod.ALIPAY),
    "preauth_used": Scenario((("GP001", 1), ("EXAM-MRI", 1)), PaymentMethod.CARD),
    "preauth_over_amount": Scenario((("GP001", 1), ("EXAM-MRI", 1)), PaymentMethod.CARD),
    "near_preauth_threshold": Scenario((("GP001", 1), ("IMG002", 1), ("TRT002", 1))),
}
"""A refused card (greyed out, expired, not yet in force, out of network) goes on as a self-pay
visit (`SELF_PAY_AFTER_REFUSAL`); other members not listed stop at eligibility: those whose
approval is expired or denied (the eligibility screen shows it).
Items a member's pre-auth names (`SURG-TONSIL`, `EXAM-MRI`) show it: covered when approved,
flagged when pending or used, the family paying above an approval's amount; past the CNY 30,000
rule's threshold the exam and the treatment are flagged, the consultation is not."""

RECHECK_MEMBER = "near_annual_limit"
"""Whose second visit meets, just before signing, amounts another desk changed meanwhile."""

CORRECTED_MEMBER = "active_plus"
"""Whose accepted bill the manager corrects (the vaccine on it was not given): the family re-signs
and gets back what it paid for it; `REFUNDED_MEMBER`'s family, charged twice at the card
terminal, is refunded from the claims tab."""
REFUNDED_MEMBER = "plus_free_visits_used_up"

GUARANTEE_MEMBER = "free_visits_used_up"
"""Whose visit the demo walks through an insurer outage under a phone guarantee."""
GUARANTEE_ITEMS = (("GP001", 1), ("NM001", 1))
"""A consultation (half paid by the plan once the fully-paid visits are used) and a medical
certificate (never paid): after the outage the insurer covers less than the guarantee did."""

SELF_PAY_AFTER_REFUSAL = Scenario((("GP001", 1), ("LAB001", 1)), PaymentMethod.CASH)
"""What a family whose card is refused is billed and pays at the desk: a consultation and a
blood count, all self-pay, with a self-pay statement."""

EMERGENCY_MEMBER = "active_standard"
"""Whose emergency visit (an abscess incision, pre-authorised the same day) the demo walks."""
