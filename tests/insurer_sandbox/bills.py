"""Request bodies as the kiosk would send them, for the sandbox tests."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, date, datetime
from typing import Any

import httpx

from insurer_sandbox.demo import DEMO_MEMBER_BY_STATE
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk.insurer.models import Adjudication, Bill, shown_bill_hash

MRI = 680_000
"""The demo catalogue's head MRI (EXAM-MRI), CNY 6,800: over CNY 5,000, so it needs a pre-auth."""


def member_id(state: str) -> str:
    """The demo member in `state` (see insurer_sandbox.demo)."""
    return DEMO_MEMBER_BY_STATE[state].member_id


def new_key() -> str:
    """A fresh Idempotency-Key: each call is a claim of its own."""
    return "test-" + secrets.token_hex(12)


def today() -> date:
    return datetime.now(UTC).astimezone(BUSINESS_TZ).date()


def line(
    line_no: int,
    category: str,
    unit_price_fen: int,
    *,
    item_code: str | None = None,
    quantity: int = 1,
    preauth_id: str | None = None,
    preauth_class: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "line_no": line_no,
        "item_code": item_code or f"{category.upper()}-{line_no}",
        "description": f"{category} item {line_no}",
        "category": category,
        "quantity": quantity,
        "unit_price_fen": unit_price_fen,
    }
    if preauth_id is not None:
        body["preauth_id"] = preauth_id
    if preauth_class is not None:
        body["preauth_class"] = preauth_class
    return body


def bill(member_id: str, *lines: dict[str, Any], service_date: date | None = None) -> dict:
    return {
        "member_id": member_id,
        "service_date": (service_date or today()).isoformat(),
        "visit_type": "outpatient",
        "lines": list(lines),
    }


CLINIC_NAME = "和悦儿童诊所"


def shown_adjudication(bill_body: dict, covered_fen: int) -> dict:
    """The estimate the family was shown: the insurer pays `covered_fen`, from the first line on."""
    lines, left = [], covered_fen
    for x in bill_body["lines"]:
        submitted = x["quantity"] * x["unit_price_fen"]
        covered = min(left, submitted)
        left -= covered
        lines.append(
            {
                "line_no": x["line_no"],
                "submitted_fen": submitted,
                "covered_fen": covered,
                "patient_fen": submitted - covered,
                "reason": "covered" if covered else "not-covered",
            }
        )
    return {
        "lines": lines,
        "total_submitted_fen": sum(x["submitted_fen"] for x in lines),
        "total_covered_fen": sum(x["covered_fen"] for x in lines),
        "total_patient_fen": sum(x["patient_fen"] for x in lines),
        "free_visit_used": False,
    }


def bill_hash(body: dict) -> str:
    """The hash the family's signature binds, from a claim body's bill and what it shows."""
    shown = body["shown"]
    return shown_bill_hash(
        Bill.model_validate(body["bill"]),
        Adjudication.model_validate(shown["adjudication"]),
        clinic=shown["provider_display"],
        invoice_no=body["clinic_invoice_no"],
        names_en=shown["item_display_en"],
    )


def claim(bill_body: dict, shown: int | dict, invoice_no: str | None = None) -> dict:
    """A signed claim for `bill_body` with its true bill hash; a new invoice number each time
    unless one is given. `shown` is the adjudication the family signed (the insurer's estimate,
    `estimate(...)`), or an insurer share made up as `shown_adjudication` spreads it (the insurer
    accepts that only when it is what it would answer)."""
    adjudication = shown if isinstance(shown, dict) else shown_adjudication(bill_body, shown)
    body: dict[str, Any] = {
        "bill": bill_body,
        "shown": {
            "provider_display": CLINIC_NAME,
            "item_display_en": {bill_body["lines"][0]["item_code"]: "An item in English"},
            "adjudication": adjudication,
        },
        "expected_covered_fen": adjudication["total_covered_fen"],
        "clinic_invoice_no": invoice_no or f"INV-{secrets.token_hex(4)}",
    }
    return signed(body)


def estimate(api: httpx.Client, bill_body: dict, *, replaces: str | None = None) -> dict:
    """The insurer's estimate of `bill_body` now (as if claim `replaces` were given back): what
    the desk shows the family before they sign."""
    params = {"replaces": replaces} if replaces is not None else None
    answer = api.post("/v1/adjudication/estimate", json=bill_body, params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()


def estimated_claim(api: httpx.Client, bill_body: dict, invoice_no: str | None = None) -> dict:
    """A claim for `bill_body` signed on the insurer's estimate of it now."""
    return claim(bill_body, estimate(api, bill_body), invoice_no)


def signed(body: dict) -> dict:
    """`body` with the hash of what it shows, signed: after any change to a claim body."""
    body["bill_hash"] = bill_hash(body)
    body["signature"] = {
        "bill_hash": body["bill_hash"],
        "strokes_sha256": hashlib.sha256(b"strokes").hexdigest(),
        "point_count": 120,
        "signed_at": datetime.now(UTC).isoformat(),
    }
    return body


def amounts(adjudication: dict) -> list[tuple[int, int, str]]:
    """(covered, patient, reason) per line, the part of an answer a family notices."""
    return [(x["covered_fen"], x["patient_fen"], x["reason"]) for x in adjudication["lines"]]
