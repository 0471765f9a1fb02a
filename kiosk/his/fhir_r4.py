"""FHIR R4 charges from the clinic's HIS (ChargeItem or Invoice bundles), the shares back as a
ClaimResponse.

Profile. The library's models (`fhir.resources.R4B`: R4B left R4's ChargeItem, Invoice,
Patient, Coverage, Encounter and ClaimResponse as they were in every element used here) parse
and validate every resource, so no FHIR structure is checked by hand; this module only picks
out what the desk needs and refuses what it cannot bill from.

In, a Bundle of type collection, transaction, message or document (any other resource, or a
bundle with neither a ChargeItem nor an Invoice: UNSUPPORTED_TYPE); other entries are ignored:

- Bundle.identifier.value, else Bundle.id: the message id (a resend is a duplicate per sender
  and id); Bundle.timestamp: when it was sent; Bundle.meta.source: the sender.
- Patient, exactly one: identifier[0].value, the HIS's patient number; name[0] as its text, or
  family+given when either is in Chinese characters, else "given family"; birthDate, a full
  date. Coverage, exactly one: identifier[0].value the policy number, subscriberId the
  insurer's member id (optional). Name, date of birth and policy number are matched against
  the scanned card: without them the charges are nobody's (UNKNOWN_PATIENT).
- Encounter, at most one: identifier[0].value, the visit number sent back with the shares.
- ChargeItem, one per charge: identifier[0].value the order number; code.coding[0].code the
  item code, code.text (else the coding's display) its description; quantity.value a whole
  number (1 when absent); priceOverride, required: R4's total price of the charge, so the unit
  price is it divided by the quantity, exactly (a total that does not divide into whole fen is
  refused); factorOverride is not read (priceOverride is what is charged); occurrenceDateTime, else
  occurrencePeriod.start, when charged. A ChargeItem whose status is not billable (aborted,
  entered-in-error, planned…; billed is taken for one an Invoice in the bundle lists) refuses
  the whole bundle: the HIS sends its correction as a new bundle, whose orders then stand in
  place of the earlier ones (`kiosk.his.inbox`).
- Or one Invoice, whose lineItems are the charges: a chargeItemReference to a ChargeItem in
  the bundle (read as above, the line's priceComponent of type "base", R4's amount calculated
  for the line, overriding its total), or a chargeItemCodeableConcept (order number
  Invoice.identifier[0].value + "/" + sequence, one charge of the "base" amount; charged at
  Invoice.date). A ChargeItem the Invoice does not list is refused: billed or not, nobody
  could tell. Invoice.issuer (display, else identifier) names the sender when the bundle does
  not.
- Money is CNY (a currency other than CNY is refused; none given is CNY); decimals are read
  from their JSON text as Decimal (never a float) and become integer fen exactly: a negative
  or a fraction of a fen is refused, never rounded. Times are kept as clinic time (a FHIR
  dateTime with a time always has an offset); a date alone is midnight in Asia/Shanghai.

Refusals (`HisInputError`): not JSON, or not a resource the library knows, MALFORMED; what the
library rejects, INVALID naming the element paths; what the profile needs and lacks, INVALID or
UNKNOWN_PATIENT. A refusal names elements, never their values: it reaches logs and the HIS.

Out, a ClaimResponse per settled message (see `claim_response`), validated by the library's
model before it is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date, datetime, time
from decimal import Decimal

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.chargeitem import ChargeItem
from fhir.resources.R4B.claimresponse import ClaimResponse
from fhir.resources.R4B.coverage import Coverage
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.humanname import HumanName
from fhir.resources.R4B.identifier import Identifier
from fhir.resources.R4B.invoice import Invoice, InvoiceLineItem, InvoiceLineItemPriceComponent
from fhir.resources.R4B.money import Money
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.reference import Reference
from fhir.resources.R4B.resource import Resource
from pydantic import ValidationError

from kiosk.business_day import BUSINESS_TZ
from kiosk.his.charges import (
    ChargeSource,
    HisCharge,
    HisChargeMessage,
    HisInputError,
    HisPatient,
    HisRefusal,
    Settlement,
    fen_of,
    full_name,
    missing,
    whole_quantity,
)

BUNDLE_TYPES = frozenset({"collection", "transaction", "message", "document"})
DEFAULT_SENDER = "fhir-import"
"""The sender of a bundle that names none: its ids are then unique among such bundles only."""
ORDER_NUMBER_URL = "https://kiosk.invalid/fhir/StructureDefinition/his-order-number"
CLAIM_ID_SYSTEM = "https://kiosk.invalid/fhir/sid/insurer-claim-id"
INVOICE_NO_SYSTEM = "https://kiosk.invalid/fhir/sid/clinic-invoice-number"
ADJUDICATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/adjudication"
CLAIM_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/claim-type"

_ELEMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PATHS_NAMED = 5
_MAX_FEN_OUT = 10**15
"""The library writes a decimal through a float, which keeps up to 15 significant digits."""


def read_bundle(text: str | bytes) -> HisChargeMessage:
    """The charges in a FHIR R4 bundle, or `HisInputError` saying why the desk refuses it."""
    bundle = _parse(text)
    resources = [
        (number, entry.fullUrl, entry.resource)
        for number, entry in enumerate(bundle.entry or [])
        if entry.resource is not None
    ]
    items = [(n, url, r) for n, url, r in resources if isinstance(r, ChargeItem)]
    invoices = [r for _, _, r in resources if isinstance(r, Invoice)]
    if bundle.type not in BUNDLE_TYPES:
        raise HisInputError(
            HisRefusal.UNSUPPORTED_TYPE,
            "Bundle.type is not collection, transaction, message or document",
        )
    if not items and not invoices:
        raise HisInputError(
            HisRefusal.UNSUPPORTED_TYPE, "the bundle holds neither a ChargeItem nor an Invoice"
        )
    message_id = (bundle.identifier.value if bundle.identifier else None) or bundle.id
    if not message_id:
        raise HisInputError(HisRefusal.INVALID, "Bundle.identifier and Bundle.id are missing")
    patient = _patient(
        [r for _, _, r in resources if isinstance(r, Patient)],
        [r for _, _, r in resources if isinstance(r, Coverage)],
    )
    if len(invoices) > 1:
        raise HisInputError(HisRefusal.INVALID, "the bundle holds more than one Invoice")
    invoice = invoices[0] if invoices else None
    if invoice is not None and invoice.status != "issued":
        # draft: not final; balanced: paid already; cancelled, entered-in-error: withdrawn
        raise HisInputError(HisRefusal.INVALID, "Invoice.status is not issued: nothing to bill")
    charges = _invoice_charges(invoice, items) if invoice else [_charge(i, n) for n, _, i in items]
    sender = (
        (bundle.meta.source if bundle.meta else None)
        or (_party(invoice.issuer) if invoice else None)
        or DEFAULT_SENDER
    )
    try:
        return HisChargeMessage(
            message_id=message_id,
            source=ChargeSource.FHIR_R4,
            sender=sender,
            patient=patient,
            charges=tuple(charges),
            visit_no=_visit([r for _, _, r in resources if isinstance(r, Encounter)]),
            sent_at=_moment(bundle.timestamp),
        )
    except ValueError as exc:  # the contract's own checks (an order named twice): fixed texts
        raise HisInputError(HisRefusal.INVALID, str(exc)) from None


def _parse(text: str | bytes) -> Bundle:
    try:
        raw = text.decode("utf-8-sig") if isinstance(text, bytes) else text.lstrip("\ufeff")
        data = json.loads(raw, parse_float=Decimal)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise HisInputError(HisRefusal.MALFORMED, "not JSON") from None
    kind = data.get("resourceType") if isinstance(data, dict) else None
    if not isinstance(kind, str):
        raise HisInputError(HisRefusal.MALFORMED, "not a FHIR resource: no resourceType")
    try:
        model = get_fhir_model_class(kind)
    except ValueError:
        raise HisInputError(HisRefusal.MALFORMED, "resourceType is not a FHIR resource") from None
    if not issubclass(model, Resource):
        raise HisInputError(HisRefusal.MALFORMED, "resourceType is not a FHIR resource")
    if model is not Bundle:
        raise HisInputError(
            HisRefusal.UNSUPPORTED_TYPE, f"a {kind} resource: the desk takes a Bundle"
        )
    try:
        return Bundle.model_validate(data)
    except ValidationError as exc:
        raise HisInputError(HisRefusal.INVALID, _invalid(exc)) from None
    except (KeyError, TypeError, ValueError):  # an entry's resourceType the library does not know
        raise HisInputError(
            HisRefusal.MALFORMED, "Bundle.entry holds a resource the library cannot read"
        ) from None


def _invalid(error: ValidationError) -> str:
    """The elements the library rejected, as paths; an element name that is not a plain name
    (it came from the input) is shown as "?"."""
    paths = []
    for problem in error.errors(include_url=False, include_input=False):
        parts = ["Bundle"]
        for part in problem["loc"]:
            if isinstance(part, int):
                parts[-1] += f"[{part}]"
            else:
                parts.append(part if _ELEMENT.fullmatch(part) else "?")
        path = f"{'.'.join(parts)} ({problem['type']})"
        if path not in paths:
            paths.append(path)
    named = "; ".join(paths[:_PATHS_NAMED])
    more = f"; and {len(paths) - _PATHS_NAMED} more" if len(paths) > _PATHS_NAMED else ""
    return f"the library rejects {named}{more}"


def _patient(patients: Sequence[Patient], coverages: Sequence[Coverage]) -> HisPatient:
    def unknown(detail: str) -> HisInputError:
        return HisInputError(HisRefusal.UNKNOWN_PATIENT, detail)

    if len(patients) != 1:
        raise unknown("the bundle holds no Patient" if not patients else "more than one Patient")
    patient = patients[0]
    his_patient_id = _first_value(patient.identifier)
    if not his_patient_id:
        raise unknown("Patient.identifier[0].value is missing")
    name = _full_name(patient.name[0]) if patient.name else ""
    if not name:
        raise unknown("Patient.name is missing")
    born = patient.birthDate
    if born is None:
        raise unknown("Patient.birthDate is missing")
    if not isinstance(born, date):  # the library keeps "2019-05" as text
        raise unknown("Patient.birthDate is not a full date")
    if len(coverages) != 1:
        raise unknown("the bundle holds no Coverage" if not coverages else "more than one Coverage")
    policy_number = _first_value(coverages[0].identifier)
    if not policy_number:
        raise unknown("Coverage.identifier[0].value (the policy number) is missing")
    return HisPatient(
        his_patient_id=his_patient_id,
        name=name,
        birth_date=born,
        policy_number=policy_number,
        member_id=coverages[0].subscriberId or None,
    )


def _full_name(name: HumanName) -> str:
    """The name's text as the HIS wrote it, else family and given name (`full_name`)."""
    if name.text and name.text.strip():
        return name.text.strip()
    given = " ".join(g.strip() for g in name.given or [] if g and g.strip())
    return full_name(family=(name.family or "").strip(), given=given)


def _visit(encounters: Sequence[Encounter]) -> str | None:
    if len(encounters) > 1:
        raise HisInputError(HisRefusal.INVALID, "more than one Encounter: a bundle is one visit")
    return _first_value(encounters[0].identifier) if encounters else None


def _invoice_charges(
    invoice: Invoice, items: Sequence[tuple[int, str | None, ChargeItem]]
) -> list[HisCharge]:
    """The Invoice's lines as charges; every ChargeItem in the bundle must be one of them."""
    if not invoice.lineItem:
        raise HisInputError(HisRefusal.INVALID, "Invoice.lineItem is missing")
    by_reference: dict[str, tuple[int, ChargeItem]] = {}
    for number, url, item in items:
        if url:
            by_reference[url] = (number, item)
        if item.id:
            by_reference[f"ChargeItem/{item.id}"] = (number, item)
    listed: set[int] = set()
    charges = []
    for index, line in enumerate(invoice.lineItem):
        where = f"Invoice.lineItem[{index}]"
        if line.chargeItemReference is not None:
            number, item = _resolve(line.chargeItemReference, by_reference, where)
            listed.add(number)
            base = _base(line)
            if base is None:
                charges.append(_charge(item, number, invoiced=True))
                continue
            component, j = base  # the Invoice's amount for the line stands
            place = f"{where}.priceComponent[{j}].amount"
            total = _price(component.amount, place)
            charges.append(_charge(item, number, invoiced=True, total=(total, place)))
        else:
            charges.append(_line_charge(invoice, line, where))
    if any(number not in listed for number, _, _ in items):
        raise HisInputError(HisRefusal.INVALID, "a ChargeItem in the bundle is not on the Invoice")
    return charges


def _resolve(
    reference: Reference, by_reference: dict[str, tuple[int, ChargeItem]], where: str
) -> tuple[int, ChargeItem]:
    """A reference by the entry's fullUrl, "ChargeItem/id", or an absolute URL ending in it."""
    target = reference.reference or ""
    found = by_reference.get(target) or by_reference.get("/".join(target.split("/")[-2:]))
    if found is None:
        raise HisInputError(
            HisRefusal.INVALID,
            f"{where}.chargeItemReference is not a ChargeItem in the bundle",
        )
    return found


def _charge(
    item: ChargeItem,
    number: int,
    *,
    invoiced: bool = False,
    total: tuple[int, str] | None = None,
) -> HisCharge:
    """One ChargeItem as a charge (at `total`, fen and where it was read, when an Invoice line
    prices it); a refusal says which entry of the bundle it is."""
    try:
        return _item_charge(item, total, invoiced=invoiced)
    except HisInputError as exc:
        raise HisInputError(exc.refusal, f"{exc.detail} (Bundle.entry[{number}])") from None


def _item_charge(item: ChargeItem, total: tuple[int, str] | None, *, invoiced: bool) -> HisCharge:
    # A charge is billable, or billed when the bundle's Invoice is what bills it (R4 marks an
    # invoiced ChargeItem so); planned, not-billable, aborted, entered-in-error, unknown (or no
    # status code at all: the library does not check the value set) are no charge to put on a bill
    if item.status != "billable" and not (invoiced and item.status == "billed"):
        raise HisInputError(
            HisRefusal.INVALID,
            "ChargeItem.status is not billable: send only billable charges, a correction as a "
            "new bundle",
        )
    order_no = _first_value(item.identifier)
    if not order_no:
        raise missing("ChargeItem.identifier[0].value")
    coding = item.code.coding[0] if item.code.coding else None
    if coding is None or not coding.code:
        raise missing("ChargeItem.code.coding[0].code")
    value = item.quantity.value if item.quantity else None
    quantity = 1 if value is None else whole_quantity(value, "ChargeItem.quantity.value")
    if total is None:
        total = (_price(item.priceOverride, "ChargeItem.priceOverride"), "ChargeItem.priceOverride")
    moment = item.occurrenceDateTime or (
        item.occurrencePeriod.start if item.occurrencePeriod else None
    )
    return HisCharge(
        order_no=order_no,
        his_code=coding.code,
        description=item.code.text or coding.display or "",
        quantity=quantity,
        unit_price_fen=_unit(total[0], quantity, total[1]),
        charged_at=_moment(moment),
    )


def _line_charge(invoice: Invoice, line: InvoiceLineItem, where: str) -> HisCharge:
    """An Invoice line coded inline (no ChargeItem): the Invoice numbers its orders."""
    concept = line.chargeItemCodeableConcept
    coding = concept.coding[0] if concept is not None and concept.coding else None
    if concept is None or coding is None or not coding.code:
        raise missing(f"{where}.chargeItemCodeableConcept.coding[0].code")
    invoice_no = _first_value(invoice.identifier)
    if not invoice_no:
        raise missing("Invoice.identifier[0].value")
    if line.sequence is None:
        raise missing(f"{where}.sequence")
    base = _base(line)
    if base is None:
        raise missing(f"{where}.priceComponent of type base")
    component, index = base
    place = f"{where}.priceComponent[{index}]"
    return HisCharge(
        order_no=f"{invoice_no}/{line.sequence}",
        his_code=coding.code,
        description=concept.text or coding.display or "",
        quantity=1,
        unit_price_fen=_price(component.amount, f"{place}.amount"),
        charged_at=_moment(invoice.date),
    )


def _base(line: InvoiceLineItem) -> tuple[InvoiceLineItemPriceComponent, int] | None:
    """The line's first price component of type "base", with its index."""
    for index, component in enumerate(line.priceComponent or []):
        if component.type == "base":
            return component, index
    return None


def _price(money: Money | None, where: str) -> int:
    if money is None:
        raise missing(where)
    if money.currency is not None and money.currency != "CNY":
        raise HisInputError(HisRefusal.INVALID, f"{where}.currency is not CNY")
    if money.value is None:
        raise missing(f"{where}.value")
    return fen_of(money.value, f"{where}.value")


def _unit(total_fen: int, quantity: int, where: str) -> int:
    """A charge's total as its unit price: exactly, or refused (never rounded)."""
    unit, rest = divmod(total_fen, quantity)
    if rest:
        raise HisInputError(
            HisRefusal.INVALID, f"{where} does not divide into whole fen by the quantity"
        )
    return unit


def _moment(value: datetime | date | str | None) -> datetime | None:
    """A FHIR dateTime as clinic time; a date alone is its midnight in Asia/Shanghai; a year or
    a month alone (the library keeps them as text) says no moment."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=BUSINESS_TZ)
        return aware.astimezone(BUSINESS_TZ)
    if isinstance(value, date):
        return datetime.combine(value, time(0), BUSINESS_TZ)
    return None


def _first_value(identifiers: Sequence[Identifier] | None) -> str | None:
    value = identifiers[0].value if identifiers else None
    return value.strip() if value and value.strip() else None


def _party(reference: Reference | None) -> str | None:
    """An organisation as its display, else its identifier's value."""
    if reference is None:
        return None
    return reference.display or (reference.identifier.value if reference.identifier else None)


# --- the shares back ------------------------------------------------------------------------

INSURER_DISPLAY = "direct-billing insurer"
"""ClaimResponse.insurer is required; a settlement does not name the insurer (the desk works
for one insurer's network), so it is named by its role."""


def claim_response(settlement: Settlement, *, created: datetime | None = None) -> str:
    """The shares of one FHIR message's charges as a ClaimResponse (JSON text) for the HIS.

    status active, use claim, outcome complete, type professional (claim-type); created, when
    settled unless `created` says otherwise; identifier, the insurer's claim id (system
    `CLAIM_ID_SYSTEM`), or the clinic's invoice number (`INVOICE_NO_SYSTEM`) when the family
    paid everything and there is no claim; patient and request, references by identifier to
    the HIS's patient number and to the bundle's message id, so the HIS finds its own records.
    One item per order, itemSequence 1..n, with adjudications (adjudication code system)
    submitted (charged), benefit (the insurer's share) and copay (the family's share), and the
    HIS's order number in the extension `ORDER_NUMBER_URL` (valueString): R4 has no element for
    the order a claim item answers. total: submitted and benefit. Amounts are CNY from fen:
    the library writes a decimal through a float, exact up to 15 significant digits, so an
    amount of 10^13 yuan or more is a ValueError rather than a rounded number.
    """
    if settlement.source is not ChargeSource.FHIR_R4:
        raise ValueError("a settlement goes back in the format its charges came in")
    moment = created or settlement.settled_at
    if moment.tzinfo is None:
        raise ValueError("a ClaimResponse's time is timezone-aware")
    if settlement.claim_id:
        identifier = {"system": CLAIM_ID_SYSTEM, "value": settlement.claim_id}
    else:
        identifier = {"system": INVOICE_NO_SYSTEM, "value": settlement.invoice_no}
    items = [
        {
            "extension": [{"url": ORDER_NUMBER_URL, "valueString": charge.order_no}],
            "itemSequence": sequence,
            "adjudication": [
                _adjudication("submitted", charge.charged_fen),
                _adjudication("benefit", charge.insurer_fen),
                _adjudication("copay", charge.family_fen),
            ],
        }
        for sequence, charge in enumerate(settlement.charges, start=1)
    ]
    response = ClaimResponse.model_validate(
        {
            "resourceType": "ClaimResponse",
            "identifier": [identifier],
            "status": "active",
            "type": {"coding": [{"system": CLAIM_TYPE_SYSTEM, "code": "professional"}]},
            "use": "claim",
            "patient": {"identifier": {"value": settlement.patient.his_patient_id}},
            "created": moment.isoformat(),
            "insurer": {"display": INSURER_DISPLAY},
            "request": {"identifier": {"value": settlement.message_id}},
            "outcome": "complete",
            "item": items,
            "total": [
                _adjudication("submitted", sum(c.charged_fen for c in settlement.charges)),
                _adjudication("benefit", settlement.insurer_fen),
            ],
        }
    )
    return response.model_dump_json()


def _adjudication(code: str, fen: int) -> dict[str, object]:
    """An adjudication (or total) of category `code`: its amount in CNY from fen, exactly."""
    if not 0 <= fen < _MAX_FEN_OUT:
        raise ValueError("an amount sent back is 0 or more and below 10^13 yuan")
    return {
        "category": {"coding": [{"system": ADJUDICATION_SYSTEM, "code": code}]},
        "amount": {"value": Decimal(fen).scaleb(-2), "currency": "CNY"},
    }
