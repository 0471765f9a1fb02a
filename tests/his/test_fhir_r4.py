"""FHIR R4 charges in and the ClaimResponse out, built from the specification's own examples.

`fhir/chargeitem-example.json` and `fhir/invoice-example.json` are the published R4 examples,
unchanged (`fhir/README.md` says where they come from). What a Chinese clinic's HIS sends
differently is changed here, and only that:

- ChargeItem.priceOverride.currency EUR -> CNY: the desk bills in yuan.
- Invoice.totalNet/totalGross.currency EUR -> CNY, for the same reason (the desk reads no total).
- Invoice.lineItem added: the published Invoice has none (it shows its totals only), and the
  lines are where an Invoice lists its charges: line 1 references ChargeItem/example with a
  base price component of 32.00 (the HIS's price after the 0.8 factor), line 2 is an inline
  registration fee.
- A Patient (李沐阳, born 2019-05-14, HIS number HIS-00042) and a Coverage (policy GP2026000101,
  member M26000101) are added: the examples point to Patient/example but carry no patient, and
  the desk matches the charges to the scanned card by them.
- The Bundle around them (identifier, timestamp, meta.source) is the HIS's.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.chargeitem import ChargeItem
from fhir.resources.R4B.claimresponse import ClaimResponse
from fhir.resources.R4B.invoice import Invoice

from kiosk.business_day import BUSINESS_TZ
from kiosk.his.charges import (
    ChargeSource,
    HisInputError,
    HisRefusal,
    SettledCharge,
    Settlement,
)
from kiosk.his.fhir_r4 import (
    ADJUDICATION_SYSTEM,
    CLAIM_ID_SYSTEM,
    INVOICE_NO_SYSTEM,
    ORDER_NUMBER_URL,
    claim_response,
    read_bundle,
)

EXAMPLES = Path(__file__).parent / "fhir"
PERSONAL = ("李", "沐阳", "HIS-00042", "GP2026000101", "M26000101", "2019-05-14")
"""What no refusal may repeat: it reaches logs and the HIS."""

PATIENT: dict[str, Any] = {
    "resourceType": "Patient",
    "id": "example",
    "identifier": [{"system": "https://his.clinic.example/patients", "value": "HIS-00042"}],
    "name": [{"family": "李", "given": ["沐阳"]}],
    "birthDate": "2019-05-14",
}
COVERAGE: dict[str, Any] = {
    "resourceType": "Coverage",
    "id": "policy",
    "identifier": [{"value": "GP2026000101"}],
    "status": "active",
    "subscriberId": "M26000101",
    "beneficiary": {"reference": "Patient/example"},
    "payor": [{"display": "insurer"}],
}


def published(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return data


def charge_item() -> dict[str, Any]:
    """The published ChargeItem as a Chinese clinic's HIS sends it: in CNY."""
    item = published("chargeitem-example.json")
    item["priceOverride"]["currency"] = "CNY"
    return item


def invoice() -> dict[str, Any]:
    """The published Invoice in CNY, with its lines (see the module docstring)."""
    bill = published("invoice-example.json")
    bill["totalNet"]["currency"] = bill["totalGross"]["currency"] = "CNY"
    bill["lineItem"] = [
        {
            "sequence": 1,
            "chargeItemReference": {"reference": "ChargeItem/example"},
            "priceComponent": [
                {"type": "base", "factor": 1, "amount": {"value": 32.00, "currency": "CNY"}},
                {
                    "type": "informational",
                    "factor": 0.8,
                    "amount": {"value": 40, "currency": "CNY"},
                },
            ],
        },
        {
            "sequence": 2,
            "chargeItemCodeableConcept": {
                "coding": [{"system": "https://his.clinic.example/items", "code": "REG01"}],
                "text": "挂号费",
            },
            "priceComponent": [
                {"type": "base", "factor": 2, "amount": {"value": 25, "currency": "CNY"}}
            ],
        },
    ]
    return bill


def bundle(*resources: dict[str, Any], **changes: Any) -> str:
    body: dict[str, Any] = {
        "resourceType": "Bundle",
        "id": "bundle-7",
        "meta": {"source": "his.clinic.example"},
        "identifier": {"system": "https://his.clinic.example/bundles", "value": "MSG-0001"},
        "type": "collection",
        "timestamp": "2026-03-02T09:15:00+08:00",
        "entry": [
            {"fullUrl": f"https://his.clinic.example/fhir/{r['resourceType']}/{r.get('id')}"}
            | {"resource": r}
            for r in resources
        ],
    }
    for key, value in changes.items():
        if value is None:
            body.pop(key, None)
        else:
            body[key] = value
    return json.dumps(body, ensure_ascii=False)


def refused(text: str | bytes) -> HisInputError:
    with pytest.raises(HisInputError) as caught:
        read_bundle(text)
    for value in PERSONAL:
        assert value not in caught.value.detail
    return caught.value


# --- the published examples ---------------------------------------------------------------


def test_the_published_examples_are_valid_r4_as_they_stand():
    item = ChargeItem.model_validate_json((EXAMPLES / "chargeitem-example.json").read_bytes())
    bill = Invoice.model_validate_json((EXAMPLES / "invoice-example.json").read_bytes())

    assert (item.id, item.identifier[0].value, item.code.coding[0].code) == (
        "example",
        "654321",
        "01510",
    )
    assert (item.priceOverride.value, item.priceOverride.currency) == (Decimal(40), "EUR")
    assert (bill.id, bill.identifier[0].value, bill.status, bill.lineItem) == (
        "example",
        "654321",
        "issued",
        None,
    )


def test_a_published_example_alone_is_not_a_bundle():
    for name in ("chargeitem-example.json", "invoice-example.json"):
        error = refused((EXAMPLES / name).read_bytes())
        assert error.refusal is HisRefusal.UNSUPPORTED_TYPE
        assert "Bundle" in error.detail


def test_the_published_examples_bundled_as_they_are_name_nobody():
    error = refused(bundle(published("invoice-example.json"), published("chargeitem-example.json")))

    assert error.refusal is HisRefusal.UNKNOWN_PATIENT
    assert "Patient" in error.detail


def test_the_published_charge_in_euros_is_refused():
    error = refused(bundle(PATIENT, COVERAGE, published("chargeitem-example.json")))

    assert error.refusal is HisRefusal.INVALID
    assert "priceOverride.currency is not CNY" in error.detail


def test_the_published_invoice_without_lines_is_refused():
    error = refused(bundle(PATIENT, COVERAGE, published("invoice-example.json"), charge_item()))

    assert error.refusal is HisRefusal.INVALID
    assert error.detail == "Invoice.lineItem is missing"


# --- ChargeItem bundles ---------------------------------------------------------------------


def test_a_charge_item_bundle_reads_to_the_fen():
    message = read_bundle(bundle(PATIENT, COVERAGE, charge_item()))

    assert message.message_id == "MSG-0001"
    assert message.source is ChargeSource.FHIR_R4
    assert message.sender == "his.clinic.example"
    assert message.sent_at == datetime(2026, 3, 2, 9, 15, tzinfo=BUSINESS_TZ)
    assert message.visit_no is None
    patient = message.patient
    assert (patient.his_patient_id, patient.name, patient.birth_date) == (
        "HIS-00042",
        "李沐阳",
        date(2019, 5, 14),
    )
    assert (patient.policy_number, patient.member_id) == ("GP2026000101", "M26000101")
    (charge,) = message.charges
    assert (charge.order_no, charge.his_code, charge.quantity, charge.unit_price_fen) == (
        "654321",
        "01510",
        1,
        4000,
    )
    assert charge.description == (
        "Zusatzpauschale für Beobachtung nach diagnostischer Koronarangiografie"
    )
    # occurrencePeriod.start 08:00 in Germany (+01:00) is 15:00 at the clinic
    assert charge.charged_at == datetime(2017, 1, 25, 15, 0, tzinfo=BUSINESS_TZ)
    assert charge.charged_at.utcoffset() == BUSINESS_TZ.utcoffset(charge.charged_at)


def test_bytes_with_a_byte_order_mark_read_the_same():
    text = bundle(PATIENT, COVERAGE, charge_item())

    assert read_bundle("\ufeff".encode() + text.encode()) == read_bundle(text)


@pytest.mark.parametrize(
    ("value", "fen"),
    [(40, 4000), (12.34, 1234), (12.3, 1230), (0.05, 5), (0, 0), (1e2, 10000)],
)
def test_a_price_is_exact_fen(value, fen):
    item = charge_item()
    item["priceOverride"]["value"] = value

    assert read_bundle(bundle(PATIENT, COVERAGE, item)).charges[0].unit_price_fen == fen


def test_a_price_is_read_from_its_digits_not_through_a_float():
    text = bundle(PATIENT, COVERAGE, charge_item())
    exact = text.replace('"value": 40, "currency"', '"value": 40.000000, "currency"')
    past_a_float = text.replace(
        '"value": 40, "currency"', '"value": 40.0000000000000000001, "currency"'
    )

    assert read_bundle(exact).charges[0].unit_price_fen == 4000
    error = refused(past_a_float)
    assert error.detail == (
        "ChargeItem.priceOverride.value is not a whole number of fen (Bundle.entry[2])"
    )


@pytest.mark.parametrize(
    ("price", "detail"),
    [
        ({"value": 12.345, "currency": "CNY"}, "priceOverride.value is not a whole number of fen"),
        ({"value": -1, "currency": "CNY"}, "priceOverride.value is not an amount of at least 0"),
        ({"value": 12, "currency": "USD"}, "priceOverride.currency is not CNY"),
        ({"currency": "CNY"}, "priceOverride.value is missing"),
        (None, "priceOverride is missing"),
    ],
)
def test_a_price_that_is_not_yuan_and_fen_is_refused(price, detail):
    item = charge_item()
    item["priceOverride"] = price
    if price is None:
        del item["priceOverride"]

    error = refused(bundle(PATIENT, COVERAGE, item))
    assert (error.refusal, error.detail) == (
        HisRefusal.INVALID,
        f"ChargeItem.{detail} (Bundle.entry[2])",
    )


def test_a_price_without_currency_is_yuan():
    item = charge_item()
    del item["priceOverride"]["currency"]

    assert read_bundle(bundle(PATIENT, COVERAGE, item)).charges[0].unit_price_fen == 4000


@pytest.mark.parametrize(
    ("value", "quantity", "unit"), [(4, 4, 1000), (2.0, 2, 2000), (None, 1, 4000)]
)
def test_a_quantity_is_a_whole_number_and_the_price_override_its_total(value, quantity, unit):
    item = charge_item()
    if value is None:
        del item["quantity"]
    else:
        item["quantity"]["value"] = value

    (charge,) = read_bundle(bundle(PATIENT, COVERAGE, item)).charges
    assert (charge.quantity, charge.unit_price_fen, charge.total_fen) == (quantity, unit, 4000)


def test_a_total_that_does_not_divide_into_whole_fen_is_refused():
    item = charge_item()
    item["quantity"]["value"] = 3  # 40.00 / 3

    error = refused(bundle(PATIENT, COVERAGE, item))
    assert (error.refusal, error.detail) == (
        HisRefusal.INVALID,
        "ChargeItem.priceOverride does not divide into whole fen by the quantity (Bundle.entry[2])",
    )


@pytest.mark.parametrize("value", [1.5, 0, -2])
def test_a_fraction_or_no_item_is_refused(value):
    item = charge_item()
    item["quantity"]["value"] = value

    error = refused(bundle(PATIENT, COVERAGE, item))
    assert error.refusal is HisRefusal.INVALID
    assert "ChargeItem.quantity.value" in error.detail


@pytest.mark.parametrize(
    "status", ["entered-in-error", "aborted", "not-billable", "planned", "done"]
)
def test_a_charge_that_is_not_billable_refuses_the_bundle(status):
    wrong = charge_item()
    wrong["status"] = status
    other = charge_item() | {"id": "other", "identifier": [{"value": "654322"}]}

    error = refused(bundle(PATIENT, COVERAGE, other, wrong))
    assert error.refusal is HisRefusal.INVALID
    assert error.detail == (
        "ChargeItem.status is not billable: send only billable charges, a correction as a new"
        " bundle (Bundle.entry[3])"
    )


@pytest.mark.parametrize("status", ["draft", "balanced", "cancelled", "entered-in-error"])
def test_an_invoice_that_is_not_issued_refuses_the_bundle(status):
    bill = invoice()
    bill["status"] = status

    error = refused(bundle(PATIENT, COVERAGE, bill, charge_item()))
    assert (error.refusal, error.detail) == (
        HisRefusal.INVALID,
        "Invoice.status is not issued: nothing to bill",
    )


def test_charges_need_their_order_number_and_code():
    for element, detail in (
        ("identifier", "ChargeItem.identifier[0].value"),
        ("code", "ChargeItem.code.coding[0].code"),
    ):
        item = charge_item()
        if element == "code":
            item["code"] = {"text": "no code"}
        else:
            del item[element]
        error = refused(bundle(PATIENT, COVERAGE, item))
        assert (error.refusal, error.detail) == (
            HisRefusal.INVALID,
            f"{detail} is missing (Bundle.entry[2])",
        )


def test_an_order_named_twice_is_refused():
    error = refused(bundle(PATIENT, COVERAGE, charge_item(), charge_item() | {"id": "again"}))

    assert error.refusal is HisRefusal.INVALID
    assert "order" in error.detail


def test_a_date_alone_is_midnight_at_the_clinic():
    item = charge_item()
    del item["occurrencePeriod"]
    item["occurrenceDateTime"] = "2026-03-02"

    charged_at = read_bundle(bundle(PATIENT, COVERAGE, item)).charges[0].charged_at
    assert charged_at == datetime(2026, 3, 2, tzinfo=BUSINESS_TZ)


# --- Invoice bundles ------------------------------------------------------------------------


def test_an_invoice_bundle_takes_the_invoices_price_and_numbers_its_inline_lines():
    message = read_bundle(bundle(PATIENT, COVERAGE, invoice(), charge_item()))

    first, second = message.charges
    assert (first.order_no, first.his_code, first.quantity, first.unit_price_fen) == (
        "654321",
        "01510",
        1,
        3200,
    )
    assert (second.order_no, second.his_code, second.description) == ("654321/2", "REG01", "挂号费")
    # R4: a price component's amount is calculated for the line (its factor already applied)
    assert (second.quantity, second.unit_price_fen) == (1, 2500)
    assert second.charged_at == datetime(2017, 1, 25, 15, 0, tzinfo=BUSINESS_TZ)


def test_an_invoice_line_without_a_base_price_takes_the_charge_items():
    bill = invoice()
    bill["lineItem"][0]["priceComponent"] = [{"type": "tax", "factor": 0.19}]

    assert (
        read_bundle(bundle(PATIENT, COVERAGE, bill, charge_item())).charges[0].unit_price_fen
        == 4000
    )


def test_an_invoice_line_must_reach_a_charge_item_in_the_bundle():
    bill = invoice()
    bill["lineItem"][0]["chargeItemReference"] = {"reference": "ChargeItem/elsewhere"}

    error = refused(bundle(PATIENT, COVERAGE, bill, charge_item()))
    assert (
        error.detail == "Invoice.lineItem[0].chargeItemReference is not a ChargeItem in the bundle"
    )


def test_a_charge_item_the_invoice_does_not_list_is_refused():
    extra = charge_item() | {"id": "extra", "identifier": [{"value": "654399"}]}

    error = refused(bundle(PATIENT, COVERAGE, invoice(), charge_item(), extra))
    assert error.detail == "a ChargeItem in the bundle is not on the Invoice"


# --- who sent it, which message, which visit ------------------------------------------------


def test_the_sender_is_the_bundles_source_else_the_issuer_never_a_charge_s_performer():
    assert read_bundle(bundle(PATIENT, COVERAGE, invoice(), charge_item(), meta=None)).sender == (
        "CARD_INTERMEDIATE_CARE"
    )
    # a charge's performer would make the sender depend on which charge comes first, and a
    # correction listing them in another order would not stand in for the first bundle
    item = charge_item()
    item["performingOrganization"] = {"display": "Cardiology"}
    assert read_bundle(bundle(PATIENT, COVERAGE, item, meta=None)).sender == "fhir-import"


def test_the_message_id_is_the_bundles_identifier_else_its_id():
    assert read_bundle(bundle(PATIENT, COVERAGE, charge_item(), identifier=None)).message_id == (
        "bundle-7"
    )
    error = refused(bundle(PATIENT, COVERAGE, charge_item(), identifier=None, id=None))
    assert (error.refusal, error.detail) == (
        HisRefusal.INVALID,
        "Bundle.identifier and Bundle.id are missing",
    )


def test_a_bundled_encounter_gives_the_visit_number():
    encounter = {
        "resourceType": "Encounter",
        "id": "example",
        "identifier": [{"value": "V2026-0302-017"}],
        "status": "finished",
        "class": {"code": "AMB"},
    }

    assert read_bundle(bundle(PATIENT, COVERAGE, encounter, charge_item())).visit_no == (
        "V2026-0302-017"
    )
    error = refused(bundle(PATIENT, COVERAGE, encounter, encounter, charge_item()))
    assert error.refusal is HisRefusal.INVALID


# --- the patient ----------------------------------------------------------------------------


def test_a_western_name_reads_given_then_family_and_a_name_text_stands():
    western = PATIENT | {"name": [{"family": "Martin", "given": ["Olivia", "Rose"]}]}
    written = PATIENT | {"name": [{"text": "李 沐阳", "family": "Li", "given": ["Muyang"]}]}

    assert read_bundle(bundle(western, COVERAGE, charge_item())).patient.name == (
        "Olivia Rose Martin"
    )
    assert read_bundle(bundle(written, COVERAGE, charge_item())).patient.name == "李 沐阳"


@pytest.mark.parametrize(
    ("resources", "detail"),
    [
        ((PATIENT | {"identifier": []},), "Patient.identifier[0].value is missing"),
        ((PATIENT | {"name": [{"use": "official"}]},), "Patient.name is missing"),
        (({k: v for k, v in PATIENT.items() if k != "birthDate"},), "Patient.birthDate is missing"),
        ((PATIENT | {"birthDate": "2019-05"},), "Patient.birthDate is not a full date"),
        ((PATIENT, PATIENT | {"id": "twin"}), "more than one Patient"),
        ((), "the bundle holds no Patient"),
    ],
)
def test_charges_that_do_not_say_whose_are_refused(resources, detail):
    error = refused(bundle(*resources, COVERAGE, charge_item()))

    assert (error.refusal, error.detail) == (HisRefusal.UNKNOWN_PATIENT, detail)


def test_charges_need_the_policy_number():
    no_coverage = refused(bundle(PATIENT, charge_item()))
    no_policy = refused(bundle(PATIENT, COVERAGE | {"identifier": []}, charge_item()))

    assert no_coverage.refusal is no_policy.refusal is HisRefusal.UNKNOWN_PATIENT
    assert no_coverage.detail == "the bundle holds no Coverage"
    assert "Coverage.identifier[0].value" in no_policy.detail


def test_the_member_id_is_optional():
    coverage = {k: v for k, v in COVERAGE.items() if k != "subscriberId"}

    assert read_bundle(bundle(PATIENT, coverage, charge_item())).patient.member_id is None


# --- what the library and the desk do not read ----------------------------------------------


@pytest.mark.parametrize(
    ("change", "element"),
    [
        ({"quantity": {"value": "one"}}, "quantity.value (value_error)"),
        ({"unknownElement": True}, "unknownElement (extra_forbidden)"),
        ({"李沐阳": "HIS-00042"}, "? (extra_forbidden)"),  # an element named by the input
        ({"status": None}, "status (model_field_validation.missing)"),
    ],
)
def test_a_resource_the_library_rejects_is_invalid_naming_the_element(change, element):
    item = {k: v for k, v in (charge_item() | change).items() if v is not None}

    error = refused(bundle(PATIENT, COVERAGE, item))
    assert (error.refusal, error.detail) == (
        HisRefusal.INVALID,
        f"the library rejects Bundle.entry[2].resource.{element}",
    )


@pytest.mark.parametrize(
    "text",
    [
        "{",
        b"\xff\xfe\x00garbage",
        "[]",
        '{"id": "x"}',
        '{"resourceType": "NoSuchResource"}',
        '{"resourceType": "Money", "value": 1}',
        json.dumps(
            {
                "resourceType": "Bundle",
                "type": "collection",
                "entry": [{"resource": {"resourceType": "Foo"}}],
            }
        ),
    ],
)
def test_what_is_not_fhir_json_is_malformed(text):
    assert refused(text).refusal is HisRefusal.MALFORMED


@pytest.mark.parametrize(
    "text",
    [
        bundle(PATIENT),
        bundle(PATIENT, COVERAGE, charge_item(), type="searchset"),
        json.dumps(PATIENT, ensure_ascii=False),
    ],
)
def test_what_carries_no_charges_the_desk_takes_is_an_unsupported_type(text):
    assert refused(text).refusal is HisRefusal.UNSUPPORTED_TYPE


# --- the ClaimResponse back -----------------------------------------------------------------


def settlement(*, claim_id: str | None = "CLM-2026-004417") -> Settlement:
    message = read_bundle(bundle(PATIENT, COVERAGE, invoice(), charge_item()))
    return Settlement(
        message_id=message.message_id,
        source=message.source,
        sender=message.sender,
        patient=message.patient,
        visit_no=message.visit_no,
        invoice_no="INV-20260302-0007",
        claim_id=claim_id,
        settled_at=datetime(2026, 3, 2, 10, 40, tzinfo=BUSINESS_TZ),
        charges=(
            SettledCharge("654321", "01510", 1, charged_fen=3200, insurer_fen=2560, family_fen=640),
            SettledCharge("654321/2", "REG01", 2, charged_fen=2500, insurer_fen=0, family_fen=2500),
        ),
    )


def amounts(adjudications: Any) -> dict[str, Decimal]:
    result = {}
    for entry in adjudications:
        (coding,) = entry.category.coding
        assert coding.system == ADJUDICATION_SYSTEM
        result[coding.code] = entry.amount.value
        assert entry.amount.currency == "CNY"
    return result


def test_the_claim_response_carries_every_share_exactly_and_the_his_orders():
    text = claim_response(settlement())
    response = ClaimResponse.model_validate_json(text)

    assert (response.status, response.use, response.outcome) == ("active", "claim", "complete")
    assert response.type.coding[0].code == "professional"
    assert [(i.system, i.value) for i in response.identifier] == [
        (CLAIM_ID_SYSTEM, "CLM-2026-004417")
    ]
    assert response.patient.identifier.value == "HIS-00042"
    assert response.request.identifier.value == "MSG-0001"
    assert response.created == datetime(2026, 3, 2, 10, 40, tzinfo=BUSINESS_TZ)
    assert [item.itemSequence for item in response.item] == [1, 2]
    orders = [
        (extension.url, extension.valueString)
        for item in response.item
        for extension in item.extension
    ]
    assert orders == [(ORDER_NUMBER_URL, "654321"), (ORDER_NUMBER_URL, "654321/2")]
    assert amounts(response.item[0].adjudication) == {
        "submitted": Decimal("32.00"),
        "benefit": Decimal("25.60"),
        "copay": Decimal("6.40"),
    }
    assert amounts(response.item[1].adjudication) == {
        "submitted": Decimal("25.00"),
        "benefit": Decimal(0),
        "copay": Decimal("25.00"),
    }
    assert amounts(response.total) == {"submitted": Decimal("57.00"), "benefit": Decimal("25.60")}
    for value in ("李", "沐阳", "2019-05-14"):
        assert value not in text


def test_without_a_claim_the_invoice_number_identifies_the_response():
    response = ClaimResponse.model_validate_json(
        claim_response(settlement(claim_id=None), created=datetime(2026, 3, 3, tzinfo=UTC))
    )

    assert [(i.system, i.value) for i in response.identifier] == [
        (INVOICE_NO_SYSTEM, "INV-20260302-0007")
    ]
    assert response.created == datetime(2026, 3, 3, tzinfo=UTC)


def test_large_amounts_go_back_to_the_fen():
    charge = SettledCharge("654321", "01510", 1, 12345678901, 12345678900, 1)
    text = claim_response(replace(settlement(), charges=(charge,)))

    assert "123456789.01" in text
    response = ClaimResponse.model_validate_json(text)
    assert amounts(response.item[0].adjudication) == {
        "submitted": Decimal("123456789.01"),
        "benefit": Decimal("123456789.00"),
        "copay": Decimal("0.01"),
    }


def test_a_settlement_goes_back_in_the_format_it_came_in():
    with pytest.raises(ValueError, match="format"):
        claim_response(replace(settlement(), source=ChargeSource.HL7_V2))


def test_an_invoice_bills_its_charge_items_marked_billed_and_prices_them_itself():
    item = charge_item()
    item["status"] = "billed"  # R4: a ChargeItem an Invoice bills is marked billed
    del item["priceOverride"]  # the Invoice line's base amount prices it

    message = read_bundle(bundle(PATIENT, COVERAGE, invoice(), item))

    first = message.charges[0]
    assert (first.order_no, first.unit_price_fen) == ("654321", 3200)


def test_a_billed_charge_item_without_an_invoice_is_no_charge_to_take():
    item = charge_item()
    item["status"] = "billed"

    error = refused(bundle(PATIENT, COVERAGE, item))
    assert error.refusal is HisRefusal.INVALID
    assert error.detail.startswith("ChargeItem.status is not billable")
