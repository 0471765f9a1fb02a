"""What the desk takes from a clinic's HIS, whatever format it came in: one patient's charges.

The format readers (`kiosk.his.hl7_v2`, `kiosk.his.fhir_r4`) produce a `HisChargeMessage` or
raise `HisInputError`; everything after them (the inbox, the match to the scanned card, the
mapping to the catalogue, the shares sent back) is written once against these types. Amounts are
integer fen; a reader refuses an amount that is not a whole number of fen rather than round it.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum


class ChargeSource(StrEnum):
    """The format a message came in, which is also the format its settlement goes back in."""

    HL7_V2 = "hl7v2"
    FHIR_R4 = "fhir-r4"


@dataclass(frozen=True, slots=True)
class HisPatient:
    """The patient as the HIS registered them: matched against the scanned card, never guessed."""

    his_patient_id: str
    """The HIS's own patient number (PID-3, Patient.identifier)."""
    name: str
    """The full name as the HIS holds it (PID-5 family then given, Patient.name)."""
    birth_date: date
    policy_number: str
    """The insurer's policy number (IN1-36, Coverage.identifier)."""
    member_id: str | None = None
    """The insurer's member reference, when the HIS keeps it (IN1-49, Coverage.subscriberId)."""


@dataclass(frozen=True, slots=True)
class HisCharge:
    """One charge the HIS posted: an order of an item, with the HIS's own price."""

    order_no: str
    """The HIS's order number (FT1-23 filler order number, ChargeItem.identifier)."""
    his_code: str
    description: str
    quantity: int
    unit_price_fen: int
    charged_at: datetime | None = None

    def __post_init__(self) -> None:
        if not self.order_no or not self.his_code:
            raise ValueError("a charge names its order number and item code")
        if isinstance(self.quantity, bool) or not isinstance(self.quantity, int):
            raise ValueError("a charge's quantity is a whole number")
        if self.quantity < 1:
            raise ValueError("a charge's quantity is at least 1")
        if (
            isinstance(self.unit_price_fen, bool)
            or not isinstance(self.unit_price_fen, int)
            or self.unit_price_fen < 0
        ):
            raise ValueError("a charge's price is a non-negative integer number of fen")
        if self.charged_at is not None and self.charged_at.tzinfo is None:
            raise ValueError("a charge's time is timezone-aware")

    @property
    def total_fen(self) -> int:
        return self.quantity * self.unit_price_fen


@dataclass(frozen=True, slots=True)
class HisChargeMessage:
    """One message (or bundle) from the HIS: one patient, one visit, its charges."""

    message_id: str
    """MSH-10 message control id, or the Bundle's identifier: what makes a resend a duplicate."""
    source: ChargeSource
    sender: str
    """The sending application (MSH-3, the Invoice's issuer, or the bundle's source)."""
    patient: HisPatient
    charges: tuple[HisCharge, ...]
    visit_no: str | None = None
    """The HIS's visit number (PV1-19, the Encounter's identifier), sent back with the shares."""
    sent_at: datetime | None = None

    def __post_init__(self) -> None:
        if not self.message_id or not self.sender:
            raise ValueError("a message names its sender and its id")
        if not self.charges:
            raise ValueError("a message carries at least one charge")
        orders = [c.order_no for c in self.charges]
        if len(set(orders)) != len(orders):
            raise ValueError("a message names each order once")

    def digest(self) -> str:
        """SHA-256 of the message's content, its send time left out (a HIS that resends after
        a lost ACK may stamp MSH-7 anew): a resend under the same id must have the same."""
        content = asdict(self)
        del content["sent_at"]
        return hashlib.sha256(
            json.dumps(content, sort_keys=True, default=str, ensure_ascii=False).encode()
        ).hexdigest()


@dataclass(frozen=True, slots=True)
class HisOrder:
    """Where a bill line came from: one order of one message in the desk's HIS inbox."""

    message_row: int
    order_no: str


class HisRefusal(StrEnum):
    """Why a message is refused. Stable values: the ACK's ERR segment and the logs carry them."""

    MALFORMED = "malformed"
    """Not an HL7 v2 message or FHIR JSON the library can read at all."""
    UNSUPPORTED_TYPE = "unsupported-message-type"
    """A message type or resource the desk does not take (only DFT^P03; ChargeItem, Invoice)."""
    INVALID = "invalid"
    """Readable, but a field the profile needs is missing or wrong (an amount, a quantity)."""
    UNKNOWN_PATIENT = "unknown-patient"
    """The charges do not say whose they are well enough to match a card: no policy number,
    name or date of birth."""
    DUPLICATE = "duplicate"
    """The same message id again with different content: the first one stands."""


class HisInputError(ValueError):
    """A message the desk refuses. `detail` names fields, never their values (no personal data
    reaches the logs or the ACK)."""

    def __init__(self, refusal: HisRefusal, detail: str) -> None:
        super().__init__(f"{refusal.value}: {detail}")
        self.refusal = refusal
        self.detail = detail


@dataclass(frozen=True, slots=True)
class SettledCharge:
    """One HIS charge as the insurer settled it: what goes back so the HIS can close the order."""

    order_no: str
    his_code: str
    quantity: int
    charged_fen: int
    """What the bill charged for this order (catalogue price times quantity)."""
    insurer_fen: int
    family_fen: int


@dataclass(frozen=True, slots=True)
class Settlement:
    """The shares of one HIS message's charges, sent back when the claim is accepted."""

    message_id: str
    """The HIS message (or bundle) these charges came in."""
    source: ChargeSource
    sender: str
    patient: HisPatient
    visit_no: str | None
    invoice_no: str
    """The clinic's invoice number the family signed."""
    claim_id: str | None
    """The insurer's claim id; None when the family paid the whole bill (no claim)."""
    settled_at: datetime
    charges: tuple[SettledCharge, ...]

    @property
    def control_id(self) -> str:
        """The same id at every attempt (20 characters, HL7's limit for MSH-10): a HIS that got
        the shares but whose ACK was lost sees the retry as a duplicate; shares that changed
        meanwhile (the insurer's review rejected the claim) are another message."""
        key = f"{self.invoice_no}\x1f{self.sender}\x1f{self.message_id}\x1f{self.insurer_fen}"
        return "S" + hashlib.sha256(key.encode()).hexdigest()[:19].upper()

    @property
    def insurer_fen(self) -> int:
        return sum(c.insurer_fen for c in self.charges)

    @property
    def family_fen(self) -> int:
        return sum(c.family_fen for c in self.charges)


# --- what both format readers read the same way ----------------------------------------------

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
MAX_YUAN_DIGITS = 12
"""An amount of 10^12 yuan or more is a typo, not a charge (and keeps the arithmetic small)."""
MAX_QUANTITY = 1_000_000


def full_name(*, family: str, given: str) -> str:
    """Chinese names are written family name first without a space (李沐阳); others the
    Western way ("Olivia Martin"), as the card prints them."""
    if _CJK.search(family + given):
        return family + given.replace(" ", "")
    return " ".join(part for part in (given, family) if part)


def fen_of(value: Decimal, where: str) -> int:
    """Yuan as fen, exactly, from the decimal's own digits (no context rounding): a negative,
    a fraction of a fen or an amount past `MAX_YUAN_DIGITS` is refused, never rounded."""
    if not value.is_finite() or value < 0:
        raise HisInputError(HisRefusal.INVALID, f"{where} is not an amount of at least 0")
    if value == 0:
        return 0
    if value.adjusted() >= MAX_YUAN_DIGITS:
        raise HisInputError(HisRefusal.INVALID, f"{where} is too large an amount")
    _, digits, exponent = value.as_tuple()
    text = "".join(str(digit) for digit in digits)
    shift = int(exponent) + 2
    if shift >= 0:
        return int(text + "0" * shift)
    if text[shift:].strip("0"):
        raise HisInputError(HisRefusal.INVALID, f"{where} is not a whole number of fen")
    return int(text[:shift] or "0")


def whole_quantity(value: Decimal, where: str) -> int:
    """A whole number of items, at least 1 ("2" or "2.0"); a fraction of an item is refused."""
    if (
        not value.is_finite()
        or not 1 <= value <= MAX_QUANTITY
        or value != value.to_integral_value()
    ):
        raise HisInputError(HisRefusal.INVALID, f"{where} is not a whole number of at least 1")
    return int(value)


def missing(what: str) -> HisInputError:
    """The refusal of a message that lacks what the profile needs (named, never its value)."""
    return HisInputError(HisRefusal.INVALID, f"{what} is missing")
