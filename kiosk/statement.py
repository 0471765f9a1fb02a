"""What the family's direct-billing statement says beyond the bill: who, where, and what was read.

The statement (直付账单) is the family's copy of the bill they signed. It is not a fapiao (发票):
the clinic issues those separately. Its lines and amounts come from the signed bill; the facts
here come from the visit and are kept with the signature (`StatementFacts`), so a statement made
again weeks later (a reprint, another desk) names the same child, policy, clinic and insurer, and
prints the consent sentence exactly as the parent read it when signing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from kiosk.billing import BillTotals, ShownLine
from kiosk.insurer.models import Eligibility, PlanTier, VisitType

INSURER_HOTLINE = "021-80209058"
"""The insurer's 7×24 service line, as the plan's manual prints it (如有任何疑问致电)."""


class ClinicProfile(BaseModel):
    """The clinic as its statements name it, in both languages; set once in the settings."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name_zh: str = Field(min_length=1, max_length=80)
    name_en: str = Field(default="", max_length=80)
    address_zh: str = Field(default="", max_length=160)
    address_en: str = Field(default="", max_length=160)
    phone: str = Field(default="", max_length=40)

    @classmethod
    def from_display(cls, display: str) -> ClinicProfile:
        """A profile from a header name such as "示例儿科诊所 / Demo Children's Clinic"."""
        zh, _, en = (part.strip() for part in display.partition(" / "))
        return cls(name_zh=zh or display.strip(), name_en=en)

    @property
    def display(self) -> str:
        """Both names, as the header and the insurer's records show the clinic."""
        return f"{self.name_zh} / {self.name_en}" if self.name_en else self.name_zh

    def name(self, language: str) -> str:
        """The name a reader of `language` knows the clinic by (never English in Chinese text)."""
        return self.name_en if language.startswith("en") and self.name_en else self.name_zh

    def address(self, language: str) -> str:
        return self.address_en if language.startswith("en") and self.address_en else self.address_zh


class InsurerProfile(BaseModel):
    """The insurer as the family knows it, and where the family calls with a question."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name_zh: str = "京东安联保险"
    name_en: str = "JD Allianz"
    hotline: str = INSURER_HOTLINE

    def name(self, language: str) -> str:
        return self.name_en if language.startswith("en") and self.name_en else self.name_zh


def mask_policy(number: str) -> str:
    """Only the last 4 characters stay readable: enough for the family to recognise its policy."""
    number = number.strip()
    if len(number) <= 4:
        return number
    return "*" * (len(number) - 4) + number[-4:]


class StatementFacts(BaseModel):
    """What the statement prints besides the bill; stored with the signature, as it was shown."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: str = Field(description="The language the family read and signed in")
    consent: str = Field(
        default="", description="The consent sentence exactly as shown (none on a self-pay visit)"
    )
    child_masked: str
    policy_masked: str
    plan_tier: PlanTier | None = None
    service_date: date
    clinic: ClinicProfile
    insurer: InsurerProfile = Field(default_factory=InsurerProfile)
    item_names_en: dict[str, str] = Field(
        default_factory=dict,
        description="English item names the family saw, by item code: a self-pay visit has no "
        "claim to carry them",
    )

    @classmethod
    def for_visit(
        cls,
        eligibility: Eligibility | None,
        *,
        language: str,
        consent: str,
        service_date: date,
        clinic: ClinicProfile,
        insurer: InsurerProfile | None = None,
        item_names_en: Mapping[str, str] | None = None,
        correcting: StatementFacts | None = None,
    ) -> StatementFacts:
        """The facts of a visit from the insurer's eligibility answer (names already masked);
        none under a phone guarantee, when the insurer could not be asked. A corrected bill
        (`correcting`: the original statement's facts) names the child and the policy as the
        original statement printed them."""
        member = eligibility.member if eligibility is not None else None
        coverage = eligibility.coverage if eligibility is not None else None
        if correcting is not None:
            child, policy, tier = (
                correcting.child_masked,
                correcting.policy_masked,
                correcting.plan_tier,
            )
        else:
            child = member.name_masked if member else ""
            policy = mask_policy(coverage.policy_number) if coverage else ""
            tier = coverage.plan_tier if coverage else None
        return cls(
            language=language,
            consent=consent,
            child_masked=child,
            policy_masked=policy,
            plan_tier=tier,
            service_date=service_date,
            clinic=clinic,
            insurer=insurer or InsurerProfile(),
            item_names_en=dict(item_names_en or {}),
        )


class ClaimStanding(StrEnum):
    """Where the claim stands when a statement version is made, as the family reads it."""

    SELF_PAY = "self-pay"
    """No claim: the insurer pays nothing on this bill."""
    WAITING = "waiting"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    SETTLED = "settled"
    VOIDED = "voided"
    """Withdrawn by the clinic before the insurer had it: nothing is claimed for this bill."""
    CANCELLED = "cancelled"
    """Cancelled at the insurer (or replaced by a corrected bill): it pays nothing for this one."""


@dataclass(frozen=True)
class PaymentLine:
    """What the family paid at the desk, and how (`kiosk.journal.PaymentMethod` values)."""

    method: str
    amount_fen: int


@dataclass(frozen=True)
class StatementContent:
    """Everything one version of a statement prints; made from the journal, so the desk, a
    reprint and a catch-up after the claim's answer all print the same document."""

    statement_no: str
    version: int
    facts: StatementFacts
    lines: Sequence[ShownLine]
    totals: BillTotals
    bill_hash: str
    signed_at: datetime | None
    standing: ClaimStanding
    claim_number: str | None
    payments: Sequence[PaymentLine]
    """Kept by the clinic, per method (paid by it net of refunds)."""
    visit_type: VisitType = VisitType.OUTPATIENT
    owed_fen: int = 0
    """What the family still owes the clinic after paying part at the desk."""
    confirmed_fen: int | None = None
    """Under a phone guarantee, what the insurer confirmed it pays once it adjudicated the
    claim (the lines show what the family signed: the guarantee's provisional split)."""

    @property
    def paid_fen(self) -> int:
        return sum(payment.amount_fen for payment in self.payments)

    @property
    def final(self) -> bool:
        """The claim's answer and the family's payment are both known: nothing will change."""
        claim_known = self.standing is not ClaimStanding.WAITING
        return claim_known and self.paid_fen >= self.totals.patient_fen
