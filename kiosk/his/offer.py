"""What the bill screen offers from the HIS for the card on screen: the matched child's open
charges as the catalogue bills them, and the messages held back because their patient does not
match the card (with why), so reception knows they exist and keys that bill by hand."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from kiosk.catalogue import Catalogue
from kiosk.his.inbox import HisInbox
from kiosk.his.mapping import MappedCharge, map_open_charges
from kiosk.his.matching import Mismatch, match_patients
from kiosk.insurer.models import Eligibility


@dataclass(frozen=True, slots=True)
class HeldBack:
    """A message for this card's policy number whose patient is not the card's child."""

    message_row: int
    charges: int
    mismatches: tuple[Mismatch, ...]


@dataclass(frozen=True, slots=True)
class HisOffer:
    charges: tuple[MappedCharge, ...]
    held_back: tuple[HeldBack, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.charges and not self.held_back

    @property
    def billable(self) -> tuple[MappedCharge, ...]:
        return tuple(c for c in self.charges if c.billable)


NO_OFFER = HisOffer(())


def his_offer(
    inbox: HisInbox,
    eligibility: Eligibility,
    catalogue: Catalogue,
    codes: Mapping[str, str],
    *,
    on: date,
    taken: frozenset[str] = frozenset(),
) -> HisOffer:
    """Today's open HIS charges for the scanned card; `taken` are the order numbers already on
    the bill (from whichever message: a correction of an order on the bill is not offered)."""
    coverage = eligibility.coverage
    if coverage is None or eligibility.member is None:
        return NO_OFFER
    messages = inbox.open_for_policy(coverage.policy_number, on)
    matches = match_patients(
        [m.message.patient for m in messages],
        eligibility,
        on_policy=inbox.patients_on_policy(coverage.policy_number),
    )
    pairs = list(zip(messages, matches, strict=True))
    matched = [m for m, match in pairs if match.matched]
    held = tuple(
        HeldBack(m.row, len(m.open_charges), match.mismatches)
        for m, match in pairs
        if not match.matched
    )
    return HisOffer(tuple(map_open_charges(matched, catalogue, codes, on=on, taken=taken)), held)
