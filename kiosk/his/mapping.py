"""HIS charges read in the clinic's catalogue: which item each is, at which price, and what is
wrong with it, so reception sees every charge and bills none it should not.

A charge's HIS code is looked up in the clinic's mapping table (`his.codes` in settings), else
taken as a catalogue code itself. The bill is made at the catalogue's price — the price the
insurer is billed by — and a HIS price that differs is flagged for reception to look at, never
silently taken. A charge whose item cannot be found is shown as unmapped, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from kiosk.catalogue import Catalogue, CatalogueItem
from kiosk.his.charges import HisCharge
from kiosk.his.inbox import StoredMessage


class ChargeProblem(StrEnum):
    """What reception is told about a charge before it goes on the bill."""

    UNMAPPED = "unmapped"
    """Neither the mapping table nor the catalogue knows the HIS code: it cannot be billed."""
    NOT_IN_CATALOGUE = "not-in-catalogue"
    """The mapping table names a catalogue code the catalogue does not have (any more)."""
    PRICE_DIFFERS = "price-differs"
    """The HIS's price is not the catalogue's: billed at the catalogue's, flagged."""


@dataclass(frozen=True, slots=True)
class MappedCharge:
    """One HIS charge as the desk would bill it."""

    message_row: int
    charge: HisCharge
    item: CatalogueItem | None
    problem: ChargeProblem | None

    @property
    def billable(self) -> bool:
        return self.item is not None

    @property
    def price_difference_fen(self) -> int:
        """HIS unit price minus the catalogue's (0 when unmapped)."""
        if self.item is None:
            return 0
        return self.charge.unit_price_fen - self.item.unit_price_fen


def map_charge(
    message_row: int, charge: HisCharge, catalogue: Catalogue, codes: Mapping[str, str]
) -> MappedCharge:
    """The catalogue item this charge bills as, or why it cannot be billed."""
    mapped_code = codes.get(charge.his_code.strip())
    item = catalogue.get(mapped_code if mapped_code is not None else charge.his_code)
    if item is None:
        problem = ChargeProblem.UNMAPPED if mapped_code is None else ChargeProblem.NOT_IN_CATALOGUE
        return MappedCharge(message_row, charge, None, problem)
    differs = charge.unit_price_fen != item.unit_price_fen
    return MappedCharge(message_row, charge, item, ChargeProblem.PRICE_DIFFERS if differs else None)


def map_open_charges(
    messages: Iterable[StoredMessage],
    catalogue: Catalogue,
    codes: Mapping[str, str],
    *,
    taken: frozenset[tuple[int, str]] = frozenset(),
) -> list[MappedCharge]:
    """Every charge of these messages not billed yet and not already on the bill on screen
    (`taken`: message row and order number), in the HIS's order."""
    return [
        map_charge(stored.row, charge, catalogue, codes)
        for stored in messages
        for charge in stored.open_charges
        if (stored.row, charge.order_no) not in taken
    ]
