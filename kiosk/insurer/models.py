"""The insurer API contract (v1), shared by the kiosk client and the insurer sandbox.

Names follow HL7 FHIR R4 where the concept fits: an eligibility check is a
CoverageEligibilityRequest/Response, an estimate and a claim are a Claim (use=predetermination /
claim) answered by a ClaimResponse, a pre-authorisation is a Claim with use=preauthorization.
Every amount is integer fen; every timestamp is timezone-aware (UTC on the wire).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AwareDatetime,
    Base64Bytes,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    model_validator,
)

from kiosk.money import Fen

API_VERSION = "v1"

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})"
)


def _date_text(value: object) -> object:
    """Pydantic alone reads numbers and digit strings as Unix timestamps (`0` is 1970-01-01):
    refuse all but the text the schema advertises (and date objects, for models built in code)."""
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("a date is written YYYY-MM-DD")


def _datetime_text(value: object) -> object:
    """As `_date_text`, for a time with its UTC offset (e.g. 2026-11-20T02:00:00Z)."""
    if isinstance(value, datetime) or (isinstance(value, str) and _ISO_DATETIME.fullmatch(value)):
        return value
    raise ValueError("a time is written YYYY-MM-DDTHH:MM:SS with Z or an offset such as +08:00")


IsoDate = Annotated[date, BeforeValidator(_date_text)]
"""A calendar date, on the wire only as ISO 8601 text (`format: date`)."""
IsoDatetime = Annotated[AwareDatetime, BeforeValidator(_datetime_text)]
"""A timezone-aware time, on the wire only as ISO 8601 text with an offset (`format: date-time`)."""


class Contract(BaseModel):
    """Strict base: unknown fields are refused, so a drifting server is noticed, not guessed at.
    A validation error never quotes the refused value: it may be a member id or a phone number
    and would reach a log or a support ticket."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=False, hide_input_in_errors=True
    )


# --- errors


class Problem(Contract):
    """RFC 9457 problem details with a stable machine `code` the kiosk switches on."""

    type: str = "about:blank"
    title: str
    status: int
    code: str = Field(description="Stable machine-readable error code, e.g. 'preauth-lead-time'")
    detail: str | None = None


# --- signing keys


class SigningKey(Contract):
    kid: str = Field(min_length=1, max_length=16)
    alg: Literal["Ed25519"] = "Ed25519"
    public_key: str = Field(description="Raw 32-byte Ed25519 public key, base64url without padding")
    status: Literal["current", "previous"]


class SigningKeys(Contract):
    keys: list[SigningKey]


# --- eligibility (CoverageEligibilityRequest / CoverageEligibilityResponse)


class CardStatus(StrEnum):
    ACTIVE = "active"
    GREYED_UNPAID = "greyed_unpaid"
    EXPIRED = "expired"
    NOT_YET_IN_FORCE = "not_yet_in_force"
    NOT_FOUND = "not_found"


class PlanTier(StrEnum):
    STANDARD = "standard"
    PLUS = "plus"


class PreAuthStatus(StrEnum):
    """ClaimResponse.outcome of a Claim with use=preauthorization, as the desk follows it."""

    PENDING = "pending"
    INFO_REQUESTED = "info_requested"
    APPROVED = "approved"
    DENIED = "denied"


class PreAuthClass(StrEnum):
    """Items the manual's inpatient list (住院就医流程) names as needing a pre-auth whatever
    their price: 任何大型检查 (major exam), 门诊手术 (outpatient surgery), 任何重大疾病治疗
    (major-illness treatment). The clinic marks them in its catalogue."""

    MAJOR_EXAM = "major-exam"
    OUTPATIENT_SURGERY = "outpatient-surgery"
    MAJOR_ILLNESS_TREATMENT = "major-illness-treatment"


class ItemCategory(StrEnum):
    CONSULTATION = "consultation"
    EXAM = "exam"
    TREATMENT = "treatment"
    DRUG = "drug"
    VACCINE = "vaccine"
    INPATIENT = "inpatient"
    SURGERY = "surgery"
    SPECIAL_OUTPATIENT = "special_outpatient"
    DURABLE_EQUIPMENT = "durable_equipment"
    NON_MEDICAL = "non_medical"


class EligibilityByToken(Contract):
    token: str = Field(min_length=1, max_length=512, description="The e-card QR text, verbatim")


class EligibilityByLookup(Contract):
    """Manual lookup with the facts the member app uses to bind a card."""

    policy_number: str = Field(min_length=1, max_length=32)
    child_name: str = Field(min_length=1, max_length=64)
    guardian_phone: str = Field(min_length=11, max_length=11, pattern=r"^1\d{10}$")


class Member(Contract):
    member_id: str = Field(description="Opaque insurer member reference used in claims")
    name_masked: str = Field(description="Child's name with all but the first character masked")
    birth_year: int
    guardian_phone_masked: str


class Coverage(Contract):
    policy_number: str
    plan_tier: PlanTier
    period_start: IsoDate
    period_end: IsoDate


class UnpaidBalance(Contract):
    """Why a card is greyed out: one self-pay amount the family has not paid."""

    amount_fen: Fen
    claim_ref: str


class BenefitBalance(Contract):
    benefit: str = Field(description="Benefit code from the plan file, e.g. 'outpatient'")
    annual_limit_fen: Fen
    used_fen: Fen
    remaining_fen: Fen


class PreAuthGrant(Contract):
    """What an approval guarantees (FHIR ClaimResponse.preAuthRef and preAuthPeriod): an amount,
    a validity window, a number of uses, for the items named. Each unit of a covered bill line
    uses one use and its covered amount; a cancelled claim gives both back."""

    auth_number: str = Field(min_length=1, max_length=32, description="ClaimResponse.preAuthRef")
    approved_fen: Fen
    valid_from: IsoDate = Field(description="preAuthPeriod.start: first service date covered")
    valid_until: IsoDate = Field(description="preAuthPeriod.end: last service date covered")
    uses_allowed: StrictInt = Field(ge=1)
    item_codes: list[str] = Field(description="Item codes the approval covers")
    categories: list[ItemCategory] = Field(
        default=[], description="Whole item categories the approval covers (e.g. a course)"
    )
    uses_left: StrictInt = Field(ge=0, description="Left as of the answer")
    amount_left_fen: Fen

    @model_validator(mode="after")
    def _window_and_uses(self) -> PreAuthGrant:
        if self.valid_until < self.valid_from:
            raise ValueError("valid_until is before valid_from")
        if self.uses_left > self.uses_allowed or self.amount_left_fen > self.approved_fen:
            raise ValueError("more left than was approved")
        return self

    def covers(self, item_code: str, category: ItemCategory) -> bool:
        return item_code in self.item_codes or category in self.categories


ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024
"""A doctor's note or a photographed scan; a larger file is a mistake at the desk."""


class AttachmentType(StrEnum):
    PDF = "application/pdf"
    PNG = "image/png"
    JPEG = "image/jpeg"


class Attachment(Contract):
    """A document sent with a pre-auth request (FHIR Claim.supportingInfo, an Attachment)."""

    title: str = Field(min_length=1, max_length=128)
    content_type: AttachmentType
    data: Base64Bytes = Field(max_length=ATTACHMENT_MAX_BYTES, description="The file, base64")


class AttachmentSummary(Contract):
    """An attachment as the insurer holds it: named and hashed, not sent back."""

    title: str
    content_type: AttachmentType
    size: StrictInt = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class PreAuth(Contract):
    preauth_id: str
    member_id: str
    item_code: str
    description: str
    category: ItemCategory
    planned_date: IsoDate
    diagnosis: str
    estimated_cost_fen: Fen
    status: PreAuthStatus
    requested_at: IsoDatetime
    decided_at: IsoDatetime | None = None
    emergency: bool = Field(default=False, description="Filed for an emergency: no lead time")
    decision_note: str | None = Field(
        default=None, description="Why denied, or what more the insurer needs (info_requested)"
    )
    grant: PreAuthGrant | None = Field(default=None, description="Only when approved")
    attachments: list[AttachmentSummary] = []

    def usable_on(self, day: date) -> bool:
        """Approved, with a use and an amount left, and `day` inside its window."""
        grant = self.grant
        return (
            self.status is PreAuthStatus.APPROVED
            and grant is not None
            and grant.uses_left > 0
            and grant.amount_left_fen > 0
            and grant.valid_from <= day <= grant.valid_until
        )


class CumulativeCost(Contract):
    """The manual's third pre-auth rule: "预期保险期间内累计医疗费用超过3万元的任何治疗、检查项目".
    `billed_fen` is the medical cost billed for the member in this policy year (every accepted
    claim's submitted total, whoever paid it); a bill that takes it over `threshold_fen` needs a
    pre-auth for its treatment and exam lines."""

    billed_fen: Fen
    threshold_fen: Fen
    policy_year_start: IsoDate

    @property
    def left_fen(self) -> int:
        """What may still be billed before the rule applies (0 once past it)."""
        return max(0, self.threshold_fen - self.billed_fen)


class Eligibility(Contract):
    """CoverageEligibilityResponse: what the desk needs to decide if direct billing is possible."""

    status: CardStatus
    direct_billing: bool = Field(description="True only when active, in period and in network")
    clinic_id: str
    in_network: bool
    member: Member | None = None
    coverage: Coverage | None = None
    unpaid: UnpaidBalance | None = None
    balances: list[BenefitBalance] = []
    free_visits_total: StrictInt = 0
    free_visits_remaining: StrictInt = 0
    preauths: list[PreAuth] = Field(
        default=[],
        description="Empty for a clinic outside the member's network: they carry diagnoses",
    )
    cumulative: CumulativeCost | None = Field(
        default=None, description="The policy year's billed cost against the pre-auth threshold"
    )
    checked_at: IsoDatetime


# --- adjudication estimate and claims (Claim / ClaimResponse)


class VisitType(StrEnum):
    OUTPATIENT = "outpatient"
    EMERGENCY = "emergency"


class BillLine(Contract):
    line_no: StrictInt = Field(ge=1)
    item_code: str = Field(min_length=1, max_length=32)
    description: str = Field(min_length=1, max_length=128)
    category: ItemCategory
    quantity: StrictInt = Field(ge=1, le=9999)
    unit_price_fen: Fen
    preauth_id: str | None = None
    preauth_class: PreAuthClass | None = Field(
        default=None,
        description="Marked by the clinic: a major exam, outpatient surgery or major-illness "
        "treatment needs a pre-auth whatever its price",
    )

    @property
    def submitted_fen(self) -> int:
        return self.quantity * self.unit_price_fen


class Bill(Contract):
    """A bill as reception built it; the same shape is estimated and, once signed, claimed."""

    member_id: str = Field(min_length=1, max_length=64)
    service_date: IsoDate
    visit_type: VisitType = VisitType.OUTPATIENT
    lines: list[BillLine] = Field(min_length=1, max_length=200)

    @model_validator(mode="after")
    def _line_numbers_unique(self) -> Bill:
        numbers = [line.line_no for line in self.lines]
        if len(set(numbers)) != len(numbers):
            raise ValueError("line numbers must be unique")
        return self


class Reason(StrEnum):
    COVERED = "covered"
    NOT_COVERED = "not-covered"
    LIMIT_EXHAUSTED = "limit-exhausted"
    COPAY_AFTER_FREE_VISITS = "copay-after-free-visits"
    PREAUTH_REQUIRED = "preauth-required"
    PREAUTH_APPROVED = "preauth-approved"
    PREAUTH_USED = "preauth-used"
    PREAUTH_OUTSIDE_VALIDITY = "preauth-outside-validity"
    PREAUTH_AMOUNT_EXCEEDED = "preauth-amount-exceeded"
    OUT_OF_NETWORK = "out-of-network"
    GUARANTEE_PENDING = "guarantee-pending"
    """Signed under a phone guarantee while the insurer was unreachable: the guarantee covers the
    line until the insurer adjudicates the claim (only in a claim's `shown`, never answered)."""
    SELF_PAY = "self-pay"
    """The desk's own answer for a card the insurer will not direct-bill today (on hold,
    expired, not yet in force, unknown): the family pays the line. Never answered by the insurer
    and never in a claim (a self-pay visit makes none)."""


class AdjudicatedLine(Contract):
    line_no: StrictInt
    submitted_fen: Fen
    covered_fen: Fen
    patient_fen: Fen
    reason: Reason
    preauth_ref: str | None = Field(
        default=None, description="The auth number of the approval this line was paid under"
    )

    @classmethod
    def of(
        cls, line: BillLine, covered_fen: int, reason: Reason, *, preauth_ref: str | None = None
    ) -> AdjudicatedLine:
        """The answer for bill `line`: the insurer covers `covered_fen`, the family the rest."""
        return cls(
            line_no=line.line_no,
            submitted_fen=line.submitted_fen,
            covered_fen=covered_fen,
            patient_fen=line.submitted_fen - covered_fen,
            reason=reason,
            preauth_ref=preauth_ref,
        )

    @model_validator(mode="after")
    def _amounts_add_up(self) -> AdjudicatedLine:
        if self.covered_fen + self.patient_fen != self.submitted_fen:
            raise ValueError("covered + patient must equal submitted")
        return self


class Adjudication(Contract):
    """ClaimResponse.item[].adjudication, with totals."""

    lines: list[AdjudicatedLine]
    total_submitted_fen: Fen
    total_covered_fen: Fen
    total_patient_fen: Fen
    free_visit_used: bool = Field(description="This visit consumes one fully-paid visit")

    @classmethod
    def of(cls, lines: list[AdjudicatedLine], *, free_visit_used: bool) -> Adjudication:
        """The adjudication of `lines`, with their totals."""
        return cls(
            lines=lines,
            total_submitted_fen=sum(x.submitted_fen for x in lines),
            total_covered_fen=sum(x.covered_fen for x in lines),
            total_patient_fen=sum(x.patient_fen for x in lines),
            free_visit_used=free_visit_used,
        )

    @model_validator(mode="after")
    def _totals_add_up(self) -> Adjudication:
        if (
            sum(x.submitted_fen for x in self.lines) != self.total_submitted_fen
            or sum(x.covered_fen for x in self.lines) != self.total_covered_fen
            or sum(x.patient_fen for x in self.lines) != self.total_patient_fen
        ):
            raise ValueError("totals must equal the sum of the lines")
        return self

    def changed_lines(self, other: Adjudication) -> list[int]:
        """The line numbers `other` answers otherwise than this adjudication (insurer share,
        family share, reason or auth number), or answers and this one does not, in order."""
        mine = {x.line_no: _terms(x) for x in self.lines}
        theirs = {x.line_no: _terms(x) for x in other.lines}
        return sorted(n for n in mine.keys() | theirs.keys() if mine.get(n) != theirs.get(n))

    def same_terms(self, other: Adjudication) -> bool:
        """True when `other` tells the family exactly what this one does: every line as
        `changed_lines` compares it, and the fully-paid visit."""
        return not self.changed_lines(other) and self.free_visit_used == other.free_visit_used


def _terms(line: AdjudicatedLine) -> tuple[int, int, Reason, str | None]:
    """What a family reads on an adjudicated line: who pays what, why, under which approval."""
    return line.covered_fen, line.patient_fen, line.reason, line.preauth_ref


class SignatureEvidence(Contract):
    """What binds the family's signature to the exact bill they saw."""

    bill_hash: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the canonical bill")
    strokes_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    point_count: StrictInt = Field(ge=1)
    signed_at: IsoDatetime


# --- the bill as shown to the family, and its hash

CANONICAL_VERSION = 1
"""Bumped whenever the canonical form changes, so an old hash is never compared to a new form."""


class BillMismatch(ValueError):
    """The adjudication does not describe this bill: showing it would show the family a lie."""


def check_adjudication(bill: Bill, adjudication: Adjudication) -> None:
    """Raise `BillMismatch` unless `adjudication` answers each line of `bill` once, at its
    amount."""
    by_line = {a.line_no: a for a in adjudication.lines}
    if len(by_line) != len(adjudication.lines):
        raise BillMismatch("the adjudication answers a line twice")
    bill_numbers = {line.line_no for line in bill.lines}
    if set(by_line) != bill_numbers:
        missing = sorted(bill_numbers - set(by_line))
        extra = sorted(set(by_line) - bill_numbers)
        raise BillMismatch(f"adjudication lines differ: missing {missing}, unknown {extra}")
    for line in bill.lines:
        if by_line[line.line_no].submitted_fen != line.submitted_fen:
            raise BillMismatch(
                f"line {line.line_no}: insurer assessed {by_line[line.line_no].submitted_fen} fen, "
                f"the bill says {line.submitted_fen} fen"
            )


def canonical_shown_bill(
    bill: Bill,
    adjudication: Adjudication,
    *,
    clinic: str,
    invoice_no: str,
    names_en: Mapping[str, str],
) -> bytes:
    """The exact facts the family saw (the bill, who pays what and why, the totals, the clinic's
    name, the invoice number, English item names) as sorted-key compact UTF-8 JSON, lines in
    line order: the input of the bill hash. Part of the contract, so the insurer can recompute
    it from a claim. Raises `BillMismatch` when `adjudication` is not of `bill`."""
    check_adjudication(bill, adjudication)
    adjudicated = {a.line_no: a for a in adjudication.lines}

    def paid_under(line_no: int) -> dict[str, str]:
        ref = adjudicated[line_no].preauth_ref
        return {} if ref is None else {"preauth_ref": ref}

    document = {
        "v": CANONICAL_VERSION,
        "clinic": clinic,
        "invoice_no": invoice_no,
        "member_id": bill.member_id,
        "service_date": bill.service_date.isoformat(),
        "visit_type": bill.visit_type.value,
        "lines": [
            {
                "line_no": line.line_no,
                "item_code": line.item_code,
                "description": line.description,
                "description_en": names_en.get(line.item_code, ""),
                "category": line.category.value,
                "quantity": line.quantity,
                "unit_price_fen": line.unit_price_fen,
                "submitted_fen": adjudicated[line.line_no].submitted_fen,
                "covered_fen": adjudicated[line.line_no].covered_fen,
                "patient_fen": adjudicated[line.line_no].patient_fen,
                "reason": adjudicated[line.line_no].reason.value,
                "preauth_id": line.preauth_id,
                **paid_under(line.line_no),
            }
            for line in sorted(bill.lines, key=lambda x: x.line_no)
        ],
        "totals": {
            "submitted_fen": adjudication.total_submitted_fen,
            "covered_fen": adjudication.total_covered_fen,
            "patient_fen": adjudication.total_patient_fen,
            "free_visit_used": adjudication.free_visit_used,
        },
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def shown_bill_hash(
    bill: Bill,
    adjudication: Adjudication,
    *,
    clinic: str,
    invoice_no: str,
    names_en: Mapping[str, str],
) -> str:
    """SHA-256 hex of `canonical_shown_bill`: the `bill_hash` a claim and its signature carry."""
    canonical = canonical_shown_bill(
        bill, adjudication, clinic=clinic, invoice_no=invoice_no, names_en=names_en
    )
    return hashlib.sha256(canonical).hexdigest()


ItemCode = Annotated[str, Field(min_length=1, max_length=32)]
EnglishName = Annotated[str, Field(max_length=128)]


class ShownToFamily(Contract):
    """What else the family saw on the bill they signed: the insurer recomputes `bill_hash`."""

    # In FHIR terms: Claim.provider.display, Claim.item.productOrService.display (English) and
    # the predetermination ClaimResponse shown. With `bill` and `clinic_invoice_no` this is the
    # whole shown bill (`canonical_shown_bill`).

    provider_display: str = Field(
        min_length=1, max_length=128, pattern=r"\S", description="The clinic's name as shown"
    )
    item_display_en: dict[ItemCode, EnglishName] = Field(
        default={},
        max_length=200,
        description="English item names shown, by item_code (only items on the bill)",
    )
    adjudication: Adjudication = Field(
        description="The insurer's estimate exactly as the family saw it and signed; if the "
        "insurer's own adjudication of the claim differs on any line (insurer share, family "
        "share, reason, preauth_ref) or in free_visit_used, the claim is refused (409 "
        "adjudication-changed) and nothing is recorded"
    )


class AuditHead(Contract):
    """The head of the kiosk journal's audit trail: its newest entry's number and chain hash. The
    insurer keeps it with the claim and gives it back in its statement, so a journal cut back to
    an earlier entry no longer matches what the insurer holds."""

    seq: StrictInt = Field(ge=1)
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")


PHONE_GUARANTEE_REFERENCE = r"^[A-Z0-9][A-Z0-9-]{3,31}$"


class PhoneGuarantee(Contract):
    """The guarantee the insurer's hotline gave the clinic by phone for one member's visit while
    the insurer's system could not be reached (FHIR: Claim.insurance.preAuthRef of a verbal
    authorisation)."""

    reference: str = Field(
        pattern=PHONE_GUARANTEE_REFERENCE, description="What the hotline read out, upper case"
    )
    given_at: IsoDatetime = Field(description="When reception took it")


class ClaimSubmission(Contract):
    """Claim (use=claim). Sent with an `Idempotency-Key` header chosen by the kiosk."""

    bill: Bill
    bill_hash: str = Field(
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 (hex) of the canonical shown bill, which the insurer recomputes: "
        "the UTF-8 JSON, keys sorted, no spaces, non-ASCII unescaped (Python's json.dumps with "
        "sort_keys=True, separators=(',', ':'), ensure_ascii=False), of {v: 1, clinic: "
        "shown.provider_display, invoice_no: clinic_invoice_no, member_id, service_date, "
        "visit_type (of bill), lines: for each bill line in line_no order {line_no, item_code, "
        "description, description_en: shown.item_display_en[item_code] or '', category, "
        "quantity, unit_price_fen, preauth_id (or null), and submitted_fen, covered_fen, "
        "patient_fen, reason of its shown.adjudication line, and preauth_ref when that line has "
        "one (absent otherwise)}, totals: {submitted_fen, "
        "covered_fen, patient_fen, free_visit_used} of shown.adjudication}",
    )
    signature: SignatureEvidence
    expected_covered_fen: Fen = Field(description="What the family was shown as insurer-paid")
    clinic_invoice_no: str = Field(min_length=1, max_length=64)
    shown: ShownToFamily
    audit_head: AuditHead | None = Field(
        default=None,
        description="The kiosk journal's audit trail head when the claim was queued (older "
        "kiosks send none)",
    )
    replaces: str | None = Field(
        default=None,
        min_length=1,
        max_length=64,
        description="A corrected claim: the insurer claim id of this clinic's accepted claim for "
        "the same member that this one replaces (FHIR Claim.related.claim with "
        "Claim.related.relationship = replaces). The insurer cancels that claim, gives back what "
        "it used, then adjudicates this one, all or nothing. Not part of bill_hash: the hash is "
        "of the bill shown",
    )
    phone_guarantee: PhoneGuarantee | None = Field(
        default=None,
        description="The bill was signed under a phone guarantee, its estimate pending: every "
        "line of shown.adjudication is `guarantee-pending` (covered in full until adjudicated). "
        "The insurer checks the reference (issued for this member, this clinic, the service "
        "date, not used by another claim) and records the claim with its own adjudication; "
        "what it does not cover is the family's to pay the clinic. Not part of bill_hash",
    )

    @model_validator(mode="after")
    def _shown_is_this_bill(self) -> ClaimSubmission:
        check_adjudication(self.bill, self.shown.adjudication)
        if not set(self.shown.item_display_en) <= {line.item_code for line in self.bill.lines}:
            raise ValueError("shown.item_display_en names an item that is not on the bill")
        if self.expected_covered_fen != self.shown.adjudication.total_covered_fen:
            raise ValueError("expected_covered_fen is not the insurer share the family was shown")
        pending = [x.reason is Reason.GUARANTEE_PENDING for x in self.shown.adjudication.lines]
        if self.phone_guarantee is not None and not all(pending):
            raise ValueError("under a phone guarantee every shown line is guarantee-pending")
        if self.phone_guarantee is None and any(pending):
            raise ValueError("a guarantee-pending line needs the claim's phone_guarantee")
        return self

    def recomputed_bill_hash(self) -> str:
        """The hash of the bill this claim says the family saw; `bill_hash` unless something
        changed after they signed."""
        return shown_bill_hash(
            self.bill,
            self.shown.adjudication,
            clinic=self.shown.provider_display,
            invoice_no=self.clinic_invoice_no,
            names_en=self.shown.item_display_en,
        )


class ClaimStatus(StrEnum):
    """A claim's story at the insurer: accepted on arrival, adjudicated after review (final
    amounts), then paid; or rejected (on arrival or after review), or cancelled."""

    ACCEPTED = "accepted"
    ADJUDICATED = "adjudicated"
    REJECTED = "rejected"
    PAID = "paid"
    CANCELLED = "cancelled"


FINAL_CLAIM_STATUSES = frozenset({ClaimStatus.REJECTED, ClaimStatus.PAID, ClaimStatus.CANCELLED})
"""Nothing more happens to a claim in one of these (a family's balance it left is paid apart)."""


class ReviewOutcome(StrEnum):
    """FHIR ClaimResponse.outcome of the insurer's review: all as signed, part of it found not
    covered, or none of it."""

    COMPLETE = "complete"
    PARTIAL = "partial"
    REJECTED = "rejected"


class ClaimReview(Contract):
    """The insurer's final decision on an accepted claim after its review (FHIR ClaimResponse
    outcome and item.adjudication). What it no longer covers is the family's to pay: the
    e-card is greyed (置灰) until they pay it in the e-card app."""

    reviewed_at: IsoDatetime
    outcome: ReviewOutcome
    adjudication: Adjudication = Field(description="The final amounts, line by line")
    moved_to_family_fen: Fen = Field(
        description="Covered as the insurer accepted the claim minus covered on the final one "
        "(what a phone-guaranteed family already owes the clinic is not in it)"
    )
    reason: str | None = Field(
        default=None,
        max_length=256,
        description="Why lines were found not covered (null when the outcome is complete)",
    )


class PaymentPart(StrEnum):
    """Which share of a claim a payment to the clinic is: the insurer's own, or the family's
    balance the insurer collected in the e-card app and passes on."""

    INSURER_SHARE = "insurer-share"
    FAMILY_BALANCE = "family-balance"


class ClaimPayment(Contract):
    """A payment of a claim to the clinic (FHIR ClaimResponse.payment), in a remittance."""

    remittance_id: str = Field(min_length=1, max_length=64)
    payment_date: IsoDate
    part: PaymentPart
    amount_fen: Fen


class FamilyBalance(Contract):
    """What the review moved to the family, and whether they have paid it (the card is greyed
    until they do)."""

    amount_fen: Fen
    reason: str | None = None
    paid_at: IsoDatetime | None = None


class ClaimCancel(Contract):
    """Cancel an accepted claim (FHIR: Claim.status cancelled): the visit did not happen as
    billed. Its usage, free visit and pre-auth uses are given back."""

    reason: str = Field(min_length=1, max_length=256)


class ClaimResult(Contract):
    """ClaimResponse for a submitted claim."""

    claim_id: str
    idempotency_key: str
    status: ClaimStatus
    reject_code: str | None = Field(
        default=None,
        description="Why a recorded claim was rejected; claims recorded before stale claims "
        "were refused (409 adjudication-changed) may carry 'covered-amount-changed'",
    )
    adjudication: Adjudication
    bill_hash: str
    clinic_id: str
    member_id: str
    service_date: IsoDate
    recorded_at: IsoDatetime
    replaces: str | None = Field(
        default=None, description="The claim this corrected claim replaced (then cancelled)"
    )
    replaced_by: str | None = Field(
        default=None, description="The corrected claim that replaced this one (now cancelled)"
    )
    review: ClaimReview | None = Field(
        default=None, description="The insurer's final decision, once it has reviewed the claim"
    )
    family_balance: FamilyBalance | None = Field(
        default=None, description="What the review moved to the family, when it moved any"
    )
    payments: list[ClaimPayment] = Field(
        default=[], description="The clinic's payments of this claim, oldest first"
    )


# --- the family's statement (DocumentReference of the claim)

STATEMENT_MAX_BYTES = 4 * 1024 * 1024
"""A statement is a few pages of text and one signature image: far below this."""


class StatementUpload(Contract):
    """The signed bill's statement (PDF) for the family's e-card visit records (就诊记录).

    A later `version` of the same claim's statement replaces the earlier one for the family.
    """

    version: int = Field(ge=1, description="The kiosk's version of this statement, from 1")
    pdf: Base64Bytes = Field(
        max_length=STATEMENT_MAX_BYTES, description="The statement as a PDF, base64"
    )
    pdf_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")

    @classmethod
    def of(cls, version: int, pdf: bytes) -> StatementUpload:
        """The upload of `pdf` (raw bytes; the field holds them base64 on the wire)."""
        return cls.model_validate(
            {
                "version": version,
                "pdf": base64.b64encode(pdf),
                "pdf_sha256": hashlib.sha256(pdf).hexdigest(),
            }
        )

    @model_validator(mode="after")
    def _is_this_pdf(self) -> StatementUpload:
        if not self.pdf.startswith(b"%PDF-"):
            raise ValueError("pdf is not a PDF document")
        if hashlib.sha256(self.pdf).hexdigest() != self.pdf_sha256:
            raise ValueError("pdf_sha256 is not the SHA-256 of pdf")
        return self


class StatementStored(Contract):
    claim_id: str
    version: int
    pdf_sha256: str
    stored_at: IsoDatetime


# --- pre-authorisation (Claim use=preauthorization)


class PreAuthRequest(Contract):
    member_id: str = Field(min_length=1, max_length=64)
    item_code: str = Field(min_length=1, max_length=32)
    description: str = Field(min_length=1, max_length=128)
    category: ItemCategory
    planned_date: IsoDate
    diagnosis: str = Field(min_length=1, max_length=256)
    estimated_cost_fen: Fen
    emergency: bool = Field(
        default=False,
        description="An emergency: no working-day lead time (the planned date may be today); "
        "the insurer reviews it the same day",
    )
    attachments: list[Attachment] = Field(default=[], max_length=5)


class PreAuthList(Contract):
    preauths: list[PreAuth]


class WorkingCalendar(Contract):
    """Which working-day calendar the insurer applied, so the desk can show the same rule."""

    source: Literal["chinesecalendar"] = "chinesecalendar"
    data_until: IsoDate = Field(description="Last date with official holiday data")
    fallback_weekends_only: bool = Field(description="True when a date past data_until was used")
    required_working_days: StrictInt
    earliest_planned_date: IsoDate = Field(description="First date a request made today may name")


class PreAuthCreated(Contract):
    preauth: PreAuth
    calendar: WorkingCalendar


class GuaranteeLetter(Contract):
    """担保函: the insurer's written guarantee to the clinic for an approved pre-auth, which the
    desk shows and prints. The member is named as on screens (masked)."""

    auth_number: str
    preauth_id: str
    issued_at: IsoDatetime
    insurer_name: str
    clinic_id: str
    clinic_name: str
    member_id: str
    member_name_masked: str
    policy_number: str
    item_code: str
    description: str
    diagnosis: str
    grant: PreAuthGrant
    terms: list[str] = Field(description="The conditions of the guarantee, in the insurer's words")


# --- daily statement


class StatementLine(Contract):
    claim_id: str
    idempotency_key: str
    member_id: str
    service_date: IsoDate
    status: ClaimStatus
    total_submitted_fen: Fen
    total_covered_fen: Fen
    total_patient_fen: Fen
    recorded_at: IsoDatetime
    audit_head: AuditHead | None = Field(
        default=None, description="The audit head the claim was sent with; null when it had none"
    )


class DailyStatement(Contract):
    clinic_id: str
    date: IsoDate
    claims: list[StatementLine]
    total_covered_fen: Fen
    total_patient_fen: Fen

    @classmethod
    def of(cls, clinic_id: str, day: IsoDate, claims: list[StatementLine]) -> DailyStatement:
        """The statement listing `claims`, its totals over the claims the insurer pays: a
        rejected or cancelled claim is listed but pays nothing."""
        unpaid = (ClaimStatus.REJECTED, ClaimStatus.CANCELLED)
        payable = [x for x in claims if x.status not in unpaid]
        return cls(
            clinic_id=clinic_id,
            date=day,
            claims=claims,
            total_covered_fen=sum(x.total_covered_fen for x in payable),
            total_patient_fen=sum(x.total_patient_fen for x in payable),
        )


IdempotencyKey = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{16,64}$")]
