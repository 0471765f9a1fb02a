"""Request bodies as the kiosk would send them, for the sandbox tests."""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import UTC, date, datetime
from typing import Any

from insurer_sandbox.workdays import BUSINESS_TZ


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
    return body


def bill(member_id: str, *lines: dict[str, Any], service_date: date | None = None) -> dict:
    return {
        "member_id": member_id,
        "service_date": (service_date or today()).isoformat(),
        "visit_type": "outpatient",
        "lines": list(lines),
    }


def claim(bill_body: dict, expected_covered_fen: int, invoice_no: str | None = None) -> dict:
    """A signed claim for `bill_body`; a new invoice number each time unless one is given."""
    invoice_no = invoice_no or f"INV-{secrets.token_hex(4)}"
    bill_hash = hashlib.sha256(json.dumps(bill_body, sort_keys=True).encode()).hexdigest()
    return {
        "bill": bill_body,
        "bill_hash": bill_hash,
        "signature": {
            "bill_hash": bill_hash,
            "strokes_sha256": hashlib.sha256(b"strokes").hexdigest(),
            "point_count": 120,
            "signed_at": datetime.now(UTC).isoformat(),
        },
        "expected_covered_fen": expected_covered_fen,
        "clinic_invoice_no": invoice_no,
    }


def amounts(adjudication: dict) -> list[tuple[int, int, str]]:
    """(covered, patient, reason) per line, the part of an answer a family notices."""
    return [(x["covered_fen"], x["patient_fen"], x["reason"]) for x in adjudication["lines"]]
