"""The plan's rules as data: `plan.json` is the only place the rules engine takes figures from.

Loading validates the file strictly, so a typo in a figure or a benefit name stops the sandbox at
start-up instead of silently changing what a family pays.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, model_validator

from kiosk.insurer.models import ItemCategory, PlanTier
from kiosk.money import Fen


class _PlanPart(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Benefit(_PlanPart):
    name_zh: str
    name_en: str


class CopayPercent(_PlanPart):
    """After the free visits, the family pays this share of each covered visit line."""

    kind: Literal["copay_percent"]
    patient_percent: StrictInt = Field(ge=0, le=100)


class DeductiblePerVisit(_PlanPart):
    """After the free visits, the family pays the first `amount_fen` of each visit."""

    kind: Literal["deductible_per_visit"]
    amount_fen: Fen


CostShare = Annotated[CopayPercent | DeductiblePerVisit, Field(discriminator="kind")]


class Tier(_PlanPart):
    name_zh: str
    name_en: str
    annual_limits_fen: dict[str, Fen]
    free_visits: StrictInt = Field(ge=0)
    after_free_visits: CostShare
    network_clinics: list[str]


class PreAuthRules(_PlanPart):
    """When a bill line needs a pre-auth (the manual's 事先授权 list; docs/demo-data.md)."""

    always_categories: list[ItemCategory] = Field(
        description="所有住院和手术治疗，特殊门诊治疗; 购买耐用医疗设备"
    )
    unit_price_from_fen: Fen = Field(
        description="单价在人民币5000元以上 (以上 includes the figure): a unit price of at least "
        "this much needs a pre-auth, whatever the quantity"
    )
    unit_price_categories: list[ItemCategory] = Field(
        description="超过5000元的单项检查、治疗、药品费用: the categories of the unit price rule"
    )
    cumulative_billed_over_fen: Fen = Field(
        description="预期保险期间内累计医疗费用超过3万元 (超过 excludes the figure): the member's "
        "billed medical cost in the policy year plus the bill"
    )
    cumulative_categories: list[ItemCategory] = Field(
        description="的任何治疗、检查项目: the categories the cumulative rule covers"
    )
    lead_time_working_days: StrictInt = Field(ge=1)


class Plan(_PlanPart):
    illustrative: str = Field(min_length=1)
    plan_code: str
    plan_name_zh: str
    plan_name_en: str
    benefits: dict[str, Benefit]
    category_benefit: dict[ItemCategory, str | None]
    visit_benefit: str
    tiers: dict[PlanTier, Tier]
    preauth: PreAuthRules

    @model_validator(mode="after")
    def _names_agree(self) -> Plan:
        if set(self.category_benefit) != set(ItemCategory):
            raise ValueError("category_benefit must name every item category")
        if set(self.tiers) != set(PlanTier):
            raise ValueError("tiers must define every plan tier")
        used = {b for b in self.category_benefit.values() if b is not None} | {self.visit_benefit}
        if unknown := used - set(self.benefits):
            raise ValueError(f"unknown benefits: {sorted(unknown)}")
        for tier in self.tiers.values():
            if set(tier.annual_limits_fen) != set(self.benefits):
                raise ValueError("each tier needs an annual limit for every benefit")
        return self

    def tier(self, tier: PlanTier) -> Tier:
        return self.tiers[tier]

    def in_network(self, tier: PlanTier, clinic_id: str) -> bool:
        return clinic_id in self.tiers[tier].network_clinics


@cache
def load_plan() -> Plan:
    """The plan shipped with the sandbox (`insurer_sandbox/plan.json`)."""
    text = resources.files("insurer_sandbox").joinpath("plan.json").read_text(encoding="utf-8")
    return Plan.model_validate_json(text)
