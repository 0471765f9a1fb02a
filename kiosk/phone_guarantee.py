"""When the insurer cannot be reached: a phone guarantee from its 7×24 hotline.

An outage must not send a family with a sick child away. The card was verified offline (its QR is
signed by the insurer), so reception knows the member; it calls the hotline, the insurer checks
the member and gives a guarantee reference for today's visit, and the visit goes on as a direct-
billing visit whose estimate is pending. The family signs a bill that says so: each line reads
"phone guarantee: to be confirmed", the insurer's share is provisionally the whole bill, and what
the insurer does not cover once it adjudicates is the family's to pay to the clinic (the claim's
answer lists it; the manager collects it). The claim waits in the outbox and is sent once the
insurer is back; the insurer checks the reference and adjudicates it then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from kiosk.insurer.models import (
    PHONE_GUARANTEE_REFERENCE,
    AdjudicatedLine,
    Adjudication,
    Bill,
    PhoneGuarantee,
    Reason,
)

REFERENCE = re.compile(PHONE_GUARANTEE_REFERENCE)
"""What the hotline reads out: letters, digits and dashes, 4 to 32 of them (PG-20261207-0001)."""


class GuaranteeReferenceInvalid(ValueError):
    """Not a reference the hotline gives: nothing is started on it."""


@dataclass(frozen=True)
class PhoneGuaranteeTaken:
    """A guarantee reception took by phone for one member's visit today."""

    member_id: str
    reference: str
    taken_at: datetime

    def contract(self) -> PhoneGuarantee:
        """What the claim carries for the insurer to check."""
        return PhoneGuarantee(reference=self.reference, given_at=self.taken_at)


def take_phone_guarantee(member_id: str, reference: str, now: datetime) -> PhoneGuaranteeTaken:
    """The reference as typed (spaces dropped, upper case), checked; `now` must be aware."""
    cleaned = re.sub(r"\s+", "", reference).upper()
    if not REFERENCE.fullmatch(cleaned):
        raise GuaranteeReferenceInvalid(
            "a guarantee reference is 4 to 32 letters, digits or dashes"
        )
    if now.tzinfo is None:
        raise ValueError("the time a guarantee was taken must be timezone-aware")
    return PhoneGuaranteeTaken(member_id=member_id, reference=cleaned, taken_at=now)


def guarantee_adjudication(bill: Bill) -> Adjudication:
    """The provisional answer the family signs under a phone guarantee: the guarantee covers each
    line until the insurer adjudicates it (`guarantee-pending`); the family pays nothing now."""
    return Adjudication.of(
        [
            AdjudicatedLine.of(line, line.submitted_fen, Reason.GUARANTEE_PENDING)
            for line in bill.lines
        ],
        free_visit_used=False,
    )
