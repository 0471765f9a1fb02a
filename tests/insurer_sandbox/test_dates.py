"""Dates and times cross the wire as ISO 8601 text only: pydantic alone would read `0` or "0" as
1970-01-01 and "20260102" as a Unix timestamp, so a broken or hostile client could date a claim
in 1970 and still be answered."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Annotated

import pytest
from pydantic import TypeAdapter, ValidationError

from insurer_sandbox.app import openapi_document
from insurer_sandbox.demo import DEMO_MEMBER_BY_STATE
from kiosk.insurer import appointments, models, remittances
from tests.insurer_sandbox.bills import bill, claim, line, today

ACTIVE = DEMO_MEMBER_BY_STATE["active_plus"].member_id
NOT_ISO = [0, 1_700_000_000, 1.5, "0", "1700000000", "20260102", "", None]


def _temporal_fields() -> list[tuple[str, str, str]]:
    """(schema, property, format) for every date and date-time property of the contract."""
    found = []
    for name, schema in openapi_document()["components"]["schemas"].items():
        for prop, spec in schema.get("properties", {}).items():
            for option in spec.get("anyOf", [spec]):
                if option.get("format") in {"date", "date-time"}:
                    assert option["type"] == "string", (name, prop)
                    found.append((name, prop, option["format"]))
    return found


TEMPORAL_FIELDS = _temporal_fields()


def contract_model(schema: str) -> type[models.Contract]:
    """The contract model a schema of the document is generated from (the remittances and the
    appointments have modules of their own)."""
    return (
        getattr(models, schema, None)
        or getattr(remittances, schema, None)
        or getattr(appointments, schema)
    )


def adapter_for(schema: str, prop: str) -> TypeAdapter:
    """Validation of one model field on its own, exactly as the model declares it."""
    field = contract_model(schema).model_fields[prop]
    return TypeAdapter(Annotated[field.annotation, field])


def test_the_contract_has_its_dates_and_times_as_iso_strings():
    assert len(TEMPORAL_FIELDS) >= 15
    statement = openapi_document()["paths"]["/v1/statements/{date}"]["get"]["parameters"][0]
    assert statement["schema"] == {"type": "string", "format": "date", "title": "Date"}


def _not_iso_cases() -> list[tuple[str, str, object]]:
    """Every field with every non-ISO value (null only where the field is required)."""
    return [
        (schema, prop, value)
        for schema, prop, _ in TEMPORAL_FIELDS
        for value in NOT_ISO
        if value is not None or contract_model(schema).model_fields[prop].is_required()
    ]


@pytest.mark.parametrize(("schema", "prop", "value"), _not_iso_cases())
def test_no_contract_date_or_time_accepts_anything_but_iso_text(schema, prop, value):
    adapter = adapter_for(schema, prop)
    with pytest.raises(ValidationError):
        adapter.validate_json(json.dumps(value))
    with pytest.raises(ValidationError):
        adapter.validate_python(value)


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("date", "2026-11-20"),
        ("date-time", "2026-11-20T02:00:00Z"),
        ("date-time", "2026-11-20T10:00:00.123456+08:00"),
        ("date-time", "2026-11-20T02:00Z"),
    ],
)
def test_iso_text_still_reads_in_every_field(fmt, text):
    for schema, prop, field_format in TEMPORAL_FIELDS:
        if field_format == fmt:
            adapter = adapter_for(schema, prop)
            assert adapter.validate_json(json.dumps(text)) == adapter.validate_python(text)


def test_a_date_time_without_a_zone_is_refused():
    with pytest.raises(ValidationError):
        TypeAdapter(models.SignatureEvidence).validate_python(
            {
                "bill_hash": "a" * 64,
                "strokes_sha256": "b" * 64,
                "point_count": 1,
                "signed_at": "2026-11-20T02:00:00",
            }
        )


@pytest.mark.parametrize("value", [0, "0", 20260102])
def test_a_whole_number_service_date_is_refused_over_http(api, value):
    body = bill(ACTIVE, line(1, "drug", 100))
    body["service_date"] = value
    response = api.post("/v1/adjudication/estimate", json=body)
    assert (response.status_code, response.json()["code"]) == (422, "validation-error")
    assert "service_date" in response.json()["detail"]


def test_a_whole_number_signing_time_is_refused_over_http(api):
    body = claim(bill(ACTIVE, line(1, "drug", 100)), 100)
    body["signature"]["signed_at"] = 0
    response = api.post("/v1/claims", json=body, headers={"Idempotency-Key": "dates-claim-00001"})
    assert (response.status_code, response.json()["code"]) == (422, "validation-error")
    assert "signed_at" in response.json()["detail"]


def test_a_whole_number_planned_date_is_refused_over_http(api):
    body = {
        "member_id": ACTIVE,
        "item_code": "EXAM-MRI",
        "description": "MRI",
        "category": "exam",
        "planned_date": int((today() + timedelta(days=30)).strftime("%Y%m%d")),
        "diagnosis": "R51",
        "estimated_cost_fen": 680_000,
    }
    response = api.post("/v1/preauths", json=body, headers={"Idempotency-Key": "dates-pa-000001"})
    assert (response.status_code, response.json()["code"]) == (422, "validation-error")


def test_a_whole_number_statement_date_is_refused_over_http(api):
    response = api.get("/v1/statements/0")
    assert (response.status_code, response.json()["code"]) == (422, "validation-error")
