"""Demo data: two clinics, one member per situation the desk must handle, and the e-card keys.

Everything here is fictitious. Policy periods, planned dates and approval windows are set
relative to the day the database is first created, so a fresh demo always has active, expired,
not-yet-in-force and near-limit members, and approvals that are usable, used up, expired and too
small. Each member has a stable `state` key that tests, the demo launcher and
`docs/demo-data.md` refer to. `DEMO_UNKNOWN_CARD` is a genuine e-card for a member the insurer
does not hold (not seeded): eligibility answers it `not_found`.

The signing keys are derived from fixed, published seeds: anyone can forge tokens with them. They
exist for the demo and tests only and must never be trusted outside the sandbox.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.ecard import private_key_from_seed
from kiosk.insurer.models import ItemCategory, PlanTier, PreAuthStatus

DEMO_CLINIC_ID = "CLINIC-DEMO"
"""In both tiers' networks; the clinic `make demo` runs as."""
PLUS_ONLY_CLINIC_ID = "CLINIC-PLUS"
"""Only in the PLUS network: a standard member is out of network here."""

DEMO_CLINICS: dict[str, str] = {
    DEMO_CLINIC_ID: "示例儿科诊所（演示） / Demo Children's Clinic",
    PLUS_ONLY_CLINIC_ID: "PLUS 专属诊所（演示） / PLUS-only Clinic",
}

DEMO_MISSED_APPOINTMENT_FEES_FEN: dict[str, int] = {DEMO_CLINIC_ID: 30_000, PLUS_ONLY_CLINIC_ID: 0}
"""What each hospital charges for an appointment cancelled late or missed (the manual:
"部分医院也可能会仍然收取诊费（诊费将由客户本人全额承担）"): CNY 300 at the demo clinic, nothing at
the other."""


@dataclass(frozen=True)
class DemoSigningKey:
    kid: str
    status: Literal["current", "previous"]

    @property
    def seed(self) -> bytes:
        """Public, fixed seed: demo-only by construction."""
        return hashlib.sha256(f"insurer-sandbox demo e-card key {self.kid}".encode()).digest()

    def private_key(self) -> Ed25519PrivateKey:
        return private_key_from_seed(self.seed)


DEMO_SIGNING_KEYS: tuple[DemoSigningKey, ...] = (
    DemoSigningKey(kid="SBX26", status="current"),
    DemoSigningKey(kid="SBX25", status="previous"),
)


@dataclass(frozen=True)
class DemoPreAuth:
    """A pre-auth as seeded: requested 14 days before `planned_in_days` (days from the seeding
    day), decided two days later. An approval grants `approved_fen` (default: the estimate) for
    its item code, `uses_allowed` times, from `valid_from_in_days` (default: the decision day) to
    `valid_until_in_days` (default: 30 days after the planned date); `uses_consumed` uses and
    `used_fen` were already taken by a claim from before the sandbox's records."""

    preauth_id: str
    item_code: str
    description: str
    category: ItemCategory
    planned_in_days: int
    diagnosis: str
    estimated_cost_fen: int
    status: PreAuthStatus
    approved_fen: int | None = None
    valid_from_in_days: int | None = None
    valid_until_in_days: int | None = None
    uses_allowed: int = 1
    uses_consumed: int = 0
    used_fen: int = 0
    decision_note: str | None = None


@dataclass(frozen=True)
class DemoMember:
    """One fictitious member. `period_started_days_ago` positions the policy year around the day
    the database is seeded (negative: it starts later); `benefit_used_fen` and
    `free_visits_used` are the year so far, `billed_fen` the medical cost billed in it, whoever
    paid (default: what the insurer covered, as if the family had paid nothing)."""

    state: str
    shows: str
    member_id: str
    policy_number: str
    child_name: str
    guardian_phone: str
    birth_year: int
    tier: PlanTier
    clinic_id: str = DEMO_CLINIC_ID
    period_started_days_ago: int = 120
    free_visits_used: int = 0
    benefit_used_fen: dict[str, int] = field(default_factory=dict)
    unpaid_fen: int | None = None
    unpaid_claim_ref: str | None = None
    preauths: tuple[DemoPreAuth, ...] = ()
    billed_fen: int | None = None

    @property
    def billed_before_fen(self) -> int:
        """The policy year's billed cost before the sandbox's own claims."""
        return sum(self.benefit_used_fen.values()) if self.billed_fen is None else self.billed_fen


DEMO_MEMBERS: tuple[DemoMember, ...] = (
    DemoMember(
        state="active_standard",
        shows="Standard tier, active, in network: covered in full (visit 2 of 5 free visits).",
        member_id="M26000101",
        policy_number="GP2026000101",
        child_name="李沐阳",
        guardian_phone="13800000101",
        birth_year=2019,
        tier=PlanTier.STANDARD,
        free_visits_used=1,
        benefit_used_fen={"outpatient_emergency": 86_000},
    ),
    DemoMember(
        state="active_plus",
        shows="PLUS tier, active, in network at both demo clinics: 10 free visits, 7 left.",
        member_id="M26000102",
        policy_number="GP2026000102",
        child_name="陈思琪",
        guardian_phone="13800000102",
        birth_year=2021,
        tier=PlanTier.PLUS,
        free_visits_used=3,
        benefit_used_fen={"outpatient_emergency": 245_000},
    ),
    DemoMember(
        state="out_of_network",
        shows="Standard tier at the PLUS-only clinic: out of network, the family pays everything.",
        member_id="M26000103",
        policy_number="GP2026000103",
        child_name="张子涵",
        guardian_phone="13800000103",
        birth_year=2018,
        tier=PlanTier.STANDARD,
        clinic_id=PLUS_ONLY_CLINIC_ID,
    ),
    DemoMember(
        state="greyed_unpaid",
        shows="Card greyed out (置灰): one self-pay amount of CNY 356.00 is unpaid.",
        member_id="M26000104",
        policy_number="GP2026000104",
        child_name="刘一诺",
        guardian_phone="13800000104",
        birth_year=2020,
        tier=PlanTier.STANDARD,
        free_visits_used=5,
        benefit_used_fen={"outpatient_emergency": 412_000},
        unpaid_fen=35_600,
        unpaid_claim_ref="CLM-2026-004417",
    ),
    DemoMember(
        state="expired",
        shows="Policy year ended about five weeks before the database was seeded: expired.",
        member_id="M26000105",
        policy_number="GP2025000105",
        child_name="王嘉怡",
        guardian_phone="13800000105",
        birth_year=2017,
        tier=PlanTier.STANDARD,
        period_started_days_ago=400,
    ),
    DemoMember(
        state="free_visits_used_up",
        shows="Standard tier, 5 of 5 free visits used: 50% copay on each visit line.",
        member_id="M26000106",
        policy_number="GP2026000106",
        child_name="赵宇轩",
        guardian_phone="13800000106",
        birth_year=2016,
        tier=PlanTier.STANDARD,
        free_visits_used=5,
        benefit_used_fen={"outpatient_emergency": 530_000},
    ),
    DemoMember(
        state="plus_free_visits_used_up",
        shows="PLUS tier, 10 of 10 free visits used: CNY 200 deductible per visit.",
        member_id="M26000107",
        policy_number="GP2026000107",
        child_name="孙若曦",
        guardian_phone="13800000107",
        birth_year=2015,
        tier=PlanTier.PLUS,
        free_visits_used=10,
        benefit_used_fen={"outpatient_emergency": 960_000},
    ),
    DemoMember(
        state="preauth_approved",
        shows=(
            "PLUS tier with an approved pre-auth for a tonsillectomy (SURG-TONSIL): CNY 18,000, "
            "one use, valid from two days ago to 30 days after the planned date."
        ),
        member_id="M26000108",
        policy_number="GP2026000108",
        child_name="周浩然",
        guardian_phone="13800000108",
        birth_year=2019,
        tier=PlanTier.PLUS,
        free_visits_used=2,
        benefit_used_fen={"outpatient_emergency": 120_000},
        preauths=(
            DemoPreAuth(
                preauth_id="PA-DEMO-0108",
                item_code="SURG-TONSIL",
                description="扁桃体切除术 Tonsillectomy",
                category=ItemCategory.SURGERY,
                planned_in_days=10,
                diagnosis="Chronic tonsillitis (J35.0)",
                estimated_cost_fen=1_800_000,
                status=PreAuthStatus.APPROVED,
            ),
        ),
    ),
    DemoMember(
        state="preauth_pending",
        shows="Standard tier with a pending pre-auth for an MRI over CNY 5,000 (EXAM-MRI).",
        member_id="M26000109",
        policy_number="GP2026000109",
        child_name="吴欣悦",
        guardian_phone="13800000109",
        birth_year=2014,
        tier=PlanTier.STANDARD,
        free_visits_used=2,
        benefit_used_fen={"outpatient_emergency": 98_000},
        preauths=(
            DemoPreAuth(
                preauth_id="PA-DEMO-0109",
                item_code="EXAM-MRI",
                description="头颅磁共振 Head MRI",
                category=ItemCategory.EXAM,
                planned_in_days=8,
                diagnosis="Recurrent headache (R51)",
                estimated_cost_fen=680_000,
                status=PreAuthStatus.PENDING,
            ),
        ),
    ),
    DemoMember(
        state="near_annual_limit",
        shows=(
            "Standard tier, CNY 1,000 left of the CNY 100,000 outpatient limit; CNY 99,000 billed "
            "this year, past CNY 30,000, so every treatment and exam needs a pre-auth (approved: "
            "TRT-REHAB, 20 sessions)."
        ),
        member_id="M26000110",
        policy_number="GP2026000110",
        child_name="郑梓睿",
        guardian_phone="13800000110",
        birth_year=2013,
        tier=PlanTier.STANDARD,
        free_visits_used=5,
        benefit_used_fen={"outpatient_emergency": 9_900_000},
        preauths=(
            DemoPreAuth(
                preauth_id="PA-DEMO-0110",
                item_code="TRT-REHAB",
                description="康复治疗疗程 Rehabilitation therapy course",
                category=ItemCategory.TREATMENT,
                planned_in_days=-30,
                diagnosis="Developmental coordination disorder (F82)",
                estimated_cost_fen=2_400_000,
                status=PreAuthStatus.APPROVED,
                valid_from_in_days=-30,
                valid_until_in_days=60,
                uses_allowed=20,
            ),
        ),
    ),
    DemoMember(
        state="preauth_used",
        shows="Standard tier; its MRI approval (one use) was used a week ago: a second MRI is "
        "the family's (preauth-used).",
        member_id="M26000111",
        policy_number="GP2026000111",
        child_name="黄诗涵",
        guardian_phone="13800000111",
        birth_year=2016,
        tier=PlanTier.STANDARD,
        free_visits_used=3,
        benefit_used_fen={"outpatient_emergency": 836_000},
        preauths=(
            DemoPreAuth(
                preauth_id="PA-DEMO-0111",
                item_code="EXAM-MRI",
                description="头颅磁共振 Head MRI",
                category=ItemCategory.EXAM,
                planned_in_days=-7,
                diagnosis="Febrile seizure follow-up (R56.0)",
                estimated_cost_fen=680_000,
                status=PreAuthStatus.APPROVED,
                uses_consumed=1,
                used_fen=680_000,
            ),
        ),
    ),
    DemoMember(
        state="preauth_expired",
        shows="PLUS tier; its tonsillectomy approval ran out about five weeks ago: the "
        "operation now is the family's (preauth-outside-validity) until a new approval.",
        member_id="M26000112",
        policy_number="GP2026000112",
        child_name="林子墨",
        guardian_phone="13800000112",
        birth_year=2018,
        tier=PlanTier.PLUS,
        free_visits_used=4,
        benefit_used_fen={"outpatient_emergency": 310_000},
        preauths=(
            DemoPreAuth(
                preauth_id="PA-DEMO-0112",
                item_code="SURG-TONSIL",
                description="扁桃体切除术 Tonsillectomy",
                category=ItemCategory.SURGERY,
                planned_in_days=-65,
                diagnosis="Obstructive sleep apnoea, tonsillar hypertrophy (G47.3)",
                estimated_cost_fen=1_800_000,
                status=PreAuthStatus.APPROVED,
            ),
        ),
    ),
    DemoMember(
        state="preauth_over_amount",
        shows="Standard tier; its MRI approval is for CNY 5,000, the MRI costs CNY 6,800: the "
        "insurer pays 5,000, the family 1,800 (preauth-amount-exceeded).",
        member_id="M26000113",
        policy_number="GP2026000113",
        child_name="何雨桐",
        guardian_phone="13800000113",
        birth_year=2015,
        tier=PlanTier.STANDARD,
        free_visits_used=1,
        benefit_used_fen={"outpatient_emergency": 64_000},
        preauths=(
            DemoPreAuth(
                preauth_id="PA-DEMO-0113",
                item_code="EXAM-MRI",
                description="头颅磁共振 Head MRI",
                category=ItemCategory.EXAM,
                planned_in_days=2,
                diagnosis="Recurrent headache (R51)",
                estimated_cost_fen=680_000,
                status=PreAuthStatus.APPROVED,
                approved_fen=500_000,
            ),
        ),
    ),
    DemoMember(
        state="preauth_denied",
        shows="Standard tier; its MRI request was denied, with the insurer's note: the MRI is "
        "the family's (preauth-required).",
        member_id="M26000114",
        policy_number="GP2026000114",
        child_name="高俊熙",
        guardian_phone="13800000114",
        birth_year=2017,
        tier=PlanTier.STANDARD,
        free_visits_used=2,
        benefit_used_fen={"outpatient_emergency": 127_000},
        preauths=(
            DemoPreAuth(
                preauth_id="PA-DEMO-0114",
                item_code="EXAM-MRI",
                description="头颅磁共振 Head MRI",
                category=ItemCategory.EXAM,
                planned_in_days=6,
                diagnosis="Headache, no neurological signs (R51)",
                estimated_cost_fen=680_000,
                status=PreAuthStatus.DENIED,
                decision_note="影像检查的医学必要性不足：无神经系统体征，建议先行专科随访。"
                " Not medically necessary on the information sent: no neurological signs; "
                "a specialist follow-up first.",
            ),
        ),
    ),
    DemoMember(
        state="not_yet_in_force",
        shows="Standard tier whose policy year starts in 10 days: not yet in force, nothing "
        "direct-billed until then.",
        member_id="M26000115",
        policy_number="GP2026000115",
        child_name="罗安琪",
        guardian_phone="13800000115",
        birth_year=2022,
        tier=PlanTier.STANDARD,
        period_started_days_ago=-10,
    ),
    DemoMember(
        state="near_preauth_threshold",
        shows="Standard tier, CNY 28,500 billed this year (CNY 12,000 of it covered): a bill of "
        "more than CNY 1,500 takes it over CNY 30,000, and its treatments and exams then need "
        "a pre-auth.",
        member_id="M26000116",
        policy_number="GP2026000116",
        child_name="马一鸣",
        guardian_phone="13800000116",
        birth_year=2014,
        tier=PlanTier.STANDARD,
        free_visits_used=2,
        benefit_used_fen={"outpatient_emergency": 1_200_000},
        billed_fen=2_850_000,
    ),
)

DEMO_MEMBER_BY_STATE: dict[str, DemoMember] = {m.state: m for m in DEMO_MEMBERS}

DEMO_UNKNOWN_CARD = DemoMember(
    state="unknown_card",
    shows="A genuine e-card (signed with the current demo key) for a member id the insurer does "
    "not hold: eligibility answers not_found.",
    member_id="M26000199",
    policy_number="GP2026000199",
    child_name="宋知夏",
    guardian_phone="13800000199",
    birth_year=2019,
    tier=PlanTier.STANDARD,
)
"""Not seeded and not in `DEMO_MEMBERS`: `kiosk-sandbox token unknown_card` prints its token."""


def demo_member(state_or_id: str) -> DemoMember:
    """A demo member by its `state` key or its member id; KeyError when neither matches."""
    if state_or_id in DEMO_MEMBER_BY_STATE:
        return DEMO_MEMBER_BY_STATE[state_or_id]
    for member in DEMO_MEMBERS:
        if member.member_id == state_or_id:
            return member
    raise KeyError(state_or_id)
