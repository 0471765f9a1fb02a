"""What the desk takes from a clinic's HIS, whatever format it came in: one patient's charges.

The format readers (`kiosk.his.hl7_v2`, `kiosk.his.fhir_r4`) produce a `HisChargeMessage` or
raise `HisInputError`; everything after them (the inbox, the match to the scanned card, the
mapping to the catalogue, the shares sent back) is written once against these types. Amounts are
integer fen; a reader refuses an amount that is not a whole number of fen rather than round it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import date, datetime
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
        """SHA-256 of the message's content: a resend under the same id must have the same."""
        return hashlib.sha256(
            json.dumps(asdict(self), sort_keys=True, default=str, ensure_ascii=False).encode()
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
    def insurer_fen(self) -> int:
        return sum(c.insurer_fen for c in self.charges)

    @property
    def family_fen(self) -> int:
        return sum(c.family_fen for c in self.charges)
