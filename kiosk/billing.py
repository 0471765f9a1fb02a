"""The bill the family sees and signs, and the hash that binds their signature to it.

What the family is shown is the bill as reception built it, the insurer's adjudication of each line
(insurer pays, family pays, why), the totals, and the clinic's name and invoice number. The hash is
SHA-256 over a canonical form of exactly those shown facts — sorted-key compact JSON, lines in line
order — so any change to a line, an amount, a quantity, a total or the header after the family saw
it gives a different hash: what you see is what you sign. The canonical form is part of the insurer
contract (`kiosk.insurer.models.canonical_shown_bill`): a claim carries what the insurer needs to
recompute the hash, and the insurer refuses a claim whose hash is not of what it shows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from kiosk.catalogue import CatalogueItem
from kiosk.insurer.models import (
    AdjudicatedLine,
    Adjudication,
    Bill,
    BillLine,
    ItemCategory,
    Reason,
    ShownToFamily,
    VisitType,
    canonical_shown_bill,
    check_adjudication,
)
from kiosk.insurer.models import BillMismatch as BillMismatch


@dataclass(frozen=True, slots=True)
class ShownLine:
    """One row as the family sees it: the bill line joined with the insurer's answer for it."""

    line_no: int
    item_code: str
    description: str
    description_en: str
    category: ItemCategory
    quantity: int
    unit_price_fen: int
    submitted_fen: int
    covered_fen: int
    patient_fen: int
    reason: Reason
    preauth_id: str | None
    preauth_ref: str | None = None
    """The auth number of the approval the insurer pays this line under (its guarantee letter)."""

    def name(self, language: str) -> str:
        """The item name for a reader of `language`; the Chinese description when no English."""
        if language.startswith("en") and self.description_en:
            return self.description_en
        return self.description


@dataclass(frozen=True, slots=True)
class BillTotals:
    """Totals in integer fen: what the clinic charges, the insurer pays and the family pays."""

    submitted_fen: int
    covered_fen: int
    patient_fen: int


@dataclass(frozen=True)
class ShownBill:
    """The bill exactly as presented for signature.

    `names_en` maps item codes to English names so an English-reading family sees them; they are
    shown, so they are hashed too. Construction fails with `BillMismatch` when the adjudication
    does not match the bill line for line.
    """

    bill: Bill
    adjudication: Adjudication
    clinic: str
    invoice_no: str
    names_en: Mapping[str, str]

    def __init__(
        self,
        bill: Bill,
        adjudication: Adjudication,
        *,
        clinic: str,
        invoice_no: str,
        names_en: Mapping[str, str] | None = None,
    ) -> None:
        if not clinic.strip() or not invoice_no.strip():
            raise BillMismatch("a shown bill names its clinic and invoice number")
        check_adjudication(bill, adjudication)
        object.__setattr__(self, "bill", bill)
        object.__setattr__(self, "adjudication", adjudication)
        object.__setattr__(self, "clinic", clinic)
        object.__setattr__(self, "invoice_no", invoice_no)
        shown_codes = {line.item_code for line in bill.lines}
        kept = {code: name for code, name in (names_en or {}).items() if code in shown_codes}
        object.__setattr__(self, "names_en", dict(sorted(kept.items())))

    @property
    def lines(self) -> list[ShownLine]:
        """Rows in line-number order, each with its adjudication."""
        adjudicated = {a.line_no: a for a in self.adjudication.lines}
        rows = []
        for line in sorted(self.bill.lines, key=lambda x: x.line_no):
            verdict = adjudicated[line.line_no]
            rows.append(
                ShownLine(
                    line_no=line.line_no,
                    item_code=line.item_code,
                    description=line.description,
                    description_en=self.names_en.get(line.item_code, ""),
                    category=line.category,
                    quantity=line.quantity,
                    unit_price_fen=line.unit_price_fen,
                    submitted_fen=verdict.submitted_fen,
                    covered_fen=verdict.covered_fen,
                    patient_fen=verdict.patient_fen,
                    reason=verdict.reason,
                    preauth_id=line.preauth_id,
                    preauth_ref=verdict.preauth_ref,
                )
            )
        return rows

    @property
    def totals(self) -> BillTotals:
        return BillTotals(
            submitted_fen=self.adjudication.total_submitted_fen,
            covered_fen=self.adjudication.total_covered_fen,
            patient_fen=self.adjudication.total_patient_fen,
        )

    def canonical(self) -> bytes:
        """The exact shown facts as sorted-key compact UTF-8 JSON: the input of the hash."""
        return canonical_shown_bill(
            self.bill,
            self.adjudication,
            clinic=self.clinic,
            invoice_no=self.invoice_no,
            names_en=self.names_en,
        )

    @property
    def hash(self) -> str:
        """SHA-256 hex of `canonical()`: the `bill_hash` of the claim and the signature evidence."""
        return hashlib.sha256(self.canonical()).hexdigest()

    def shown_to_family(self) -> ShownToFamily:
        """The claim's `shown` block: what the insurer needs beyond the bill and the invoice
        number to recompute `hash`."""
        return ShownToFamily(
            provider_display=self.clinic,
            item_display_en=dict(self.names_en),
            adjudication=self.adjudication,
        )


def bill_hash(
    bill: Bill,
    adjudication: Adjudication,
    *,
    clinic: str,
    invoice_no: str,
    names_en: Mapping[str, str] | None = None,
) -> str:
    """SHA-256 hex of the canonical shown bill (see `ShownBill`)."""
    return ShownBill(
        bill, adjudication, clinic=clinic, invoice_no=invoice_no, names_en=names_en
    ).hash


def bill_line(
    item: CatalogueItem, quantity: int, *, line_no: int, preauth_id: str | None = None
) -> BillLine:
    """A bill line for `quantity` of a catalogue item at its catalogue price."""
    return BillLine(
        line_no=line_no,
        item_code=item.code,
        description=item.name_zh,
        category=item.category,
        quantity=quantity,
        unit_price_fen=item.unit_price_fen,
        preauth_id=preauth_id,
        preauth_class=item.preauth_class,
    )


def bill_lines(entries: Iterable[tuple[CatalogueItem, int]]) -> list[BillLine]:
    """Bill lines numbered from 1, in the order reception added them."""
    return [
        bill_line(item, quantity, line_no=number)
        for number, (item, quantity) in enumerate(entries, start=1)
    ]


def build_bill(
    member_id: str,
    service_date: date,
    entries: Iterable[tuple[CatalogueItem, int]],
    *,
    visit_type: VisitType = VisitType.OUTPATIENT,
) -> Bill:
    """The bill to send for an estimate, from catalogue items and quantities."""
    return Bill(
        member_id=member_id,
        service_date=service_date,
        visit_type=visit_type,
        lines=bill_lines(entries),
    )


def bill_total_fen(lines: Sequence[BillLine]) -> int:
    """What the clinic charges for these lines, before the insurer's answer."""
    return sum(line.submitted_fen for line in lines)


def self_pay_adjudication(bill: Bill, reason: Reason) -> Adjudication:
    """The desk's own answer for a card the insurer will not direct-bill today (greyed, expired,
    not in force, out of network, unknown): the family pays every line, no claim is made, and
    the insurer is not asked (it would refuse the card, not price the lines)."""
    return Adjudication.of(
        [AdjudicatedLine.of(line, 0, reason) for line in bill.lines], free_visit_used=False
    )


def english_names(items: Iterable[CatalogueItem]) -> dict[str, str]:
    """Code → English name, the `names_en` a `ShownBill` needs from the catalogue."""
    return {item.code: item.name_en for item in items if item.name_en}
