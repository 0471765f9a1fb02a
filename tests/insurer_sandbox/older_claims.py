"""Claims as older sandboxes recorded them, planted in a sandbox's database for the tests that
must still read them."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, date, datetime
from pathlib import Path

from insurer_sandbox.store import DATABASE_NAME, Store, canonical_hash
from kiosk.insurer.models import Adjudication, ClaimResult, ClaimStatus


def plant_rejected_claim(data_dir: Path, clinic_id: str, body: dict) -> ClaimResult:
    """Claim `body` as a sandbox recorded it before stale claims were refused (409
    `adjudication-changed`): `rejected`, `covered-amount-changed`, using nothing. The database
    may be in use by a running sandbox."""
    shown = Adjudication.model_validate(body["shown"]["adjudication"])
    result = ClaimResult(
        claim_id=f"CLM-OLD{secrets.token_hex(4).upper()}",
        idempotency_key=f"older-{secrets.token_hex(8)}",
        status=ClaimStatus.REJECTED,
        reject_code="covered-amount-changed",
        adjudication=shown,
        bill_hash=body["bill_hash"],
        clinic_id=clinic_id,
        member_id=body["bill"]["member_id"],
        service_date=date.fromisoformat(body["bill"]["service_date"]),
        recorded_at=datetime.now(UTC),
    )
    store = Store(data_dir / DATABASE_NAME)
    with store.writing() as db:
        store.insert_claim(
            db,
            result,
            request_hash=canonical_hash(body),
            bill_json=json.dumps(body["bill"]),
            signature_json=json.dumps(body["signature"]),
            expected_covered_fen=body["expected_covered_fen"],
            clinic_invoice_no=body["clinic_invoice_no"],
            audit_head=None,
        )
    return result
