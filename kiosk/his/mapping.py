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
from datetime import date
from enum import StrEnum

from kiosk.business_day import business_day
from kiosk.catalogue import Catalogue, CatalogueItem, code_key
from kiosk.his.charges import HisCharge
from kiosk.his.inbox import StoredMessage


class ChargeProblem(StrEnum):
    """What reception is told about a charge before it goes on the bill."""

    UNMAPPED = "unmapped"
    """Neither the mapping table nor the catalogue knows the HIS code: it cannot be billed."""
    NOT_IN_CATALOGUE = "not-in-catalogue"
    """The mapping table names a catalogue code the catalogue does not have (any more)."""
    NOT_TODAY = "not-today"
    """The HIS charged it on another day than the visit's: not ticked unless reception does."""
    PRICE_DIFFERS = "price-differs"
    """The HIS's price is not the catalogue's: billed at the catalogue's, flagged."""


@dataclass(frozen=True, slots=True)
class MappedCharge:
    """One HIS charge as the desk would bill it."""

    message_row: int
    charge: HisCharge
    item: CatalogueItem | None
    problems: tuple[ChargeProblem, ...] = ()

    @property
    def billable(self) -> bool:
        return self.item is not None

    @property
    def ticked(self) -> bool:
        """Put on the bill unless reception unticks it: billable, and charged for today."""
        return self.billable and ChargeProblem.NOT_TODAY not in self.problems


def map_charge(
    message_row: int,
    charge: HisCharge,
    catalogue: Catalogue,
    codes: Mapping[str, str],
    *,
    on: date,
) -> MappedCharge:
    """The catalogue item this charge bills as on a visit of business day `on`, and what
    reception is told about it."""
    mapped_code = _mapped(codes, charge.his_code)
    item = catalogue.get(mapped_code if mapped_code is not None else charge.his_code)
    if item is None:
        problem = ChargeProblem.UNMAPPED if mapped_code is None else ChargeProblem.NOT_IN_CATALOGUE
        return MappedCharge(message_row, charge, None, (problem,))
    problems = []
    if charge.charged_at is not None and business_day(charge.charged_at) != on:
        problems.append(ChargeProblem.NOT_TODAY)
    if charge.unit_price_fen != item.unit_price_fen:
        problems.append(ChargeProblem.PRICE_DIFFERS)
    return MappedCharge(message_row, charge, item, tuple(problems))


def _mapped(codes: Mapping[str, str], his_code: str) -> str | None:
    """The table's catalogue code for `his_code`; codes compare as catalogue codes do (case and
    width do not count)."""
    wanted = code_key(his_code)
    return next((target for source, target in codes.items() if code_key(source) == wanted), None)


def map_open_charges(
    messages: Iterable[StoredMessage],
    catalogue: Catalogue,
    codes: Mapping[str, str],
    *,
    on: date,
    taken: frozenset[str] = frozenset(),
) -> list[MappedCharge]:
    """Every open charge of these messages not already on the bill on screen (`taken`: order
    numbers), in the HIS's order."""
    return [
        map_charge(stored.row, charge, catalogue, codes, on=on)
        for stored in messages
        for charge in stored.open_charges
        if charge.order_no not in taken
    ]
