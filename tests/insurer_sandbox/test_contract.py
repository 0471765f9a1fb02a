"""The contract document: checked in, generated from the code, matching the architecture table, and
understood by the kiosk's own client."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from insurer_sandbox.app import openapi_document
from insurer_sandbox.cli import openapi_yaml
from insurer_sandbox.demo import DEMO_CLINIC_ID, DEMO_MEMBER_BY_STATE
from insurer_sandbox.server import SandboxProcess, create_device_key
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.errors import InsurerAuthError, InsurerRejected
from kiosk.insurer.models import (
    Bill,
    BillLine,
    ClaimSubmission,
    EligibilityByLookup,
    ItemCategory,
    PreAuthRequest,
    ShownToFamily,
    SignatureEvidence,
    shown_bill_hash,
)
from launchers.demo import fresh_token
from tests.insurer_sandbox.bills import today


@pytest.fixture(scope="module")
def insurer(own_sandbox: SandboxProcess) -> SandboxProcess:
    """The client test records a claim and a pre-auth: this module has its own sandbox."""
    return own_sandbox


ROOT = Path(__file__).resolve().parents[2]


def test_checked_in_contract_is_what_the_code_generates():
    checked_in = (ROOT / "docs" / "insurer-api.yaml").read_text(encoding="utf-8")
    assert checked_in == openapi_yaml(), (
        "docs/insurer-api.yaml is stale: run `.venv/bin/kiosk-sandbox openapi > "
        "docs/insurer-api.yaml` and commit it"
    )


def test_endpoints_are_exactly_those_of_the_architecture_table():
    table = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    expected = {
        (method.lower(), path)
        for method, path in re.findall(r"^\| `(GET|POST|PUT) (/v1/[^`?]+)", table, re.MULTILINE)
    }
    documented = {
        (method, path)
        for path, operations in openapi_document()["paths"].items()
        for method in operations
    }
    assert len(expected) == 20
    assert documented == expected


def test_every_error_answer_is_declared_as_a_problem_document():
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path, operations in openapi_document()["paths"].items():
        for method, operation in operations.items():
            statuses = operation["responses"]
            assert {"401", "422", "500"} <= set(statuses), (method, path)
            for status, response in statuses.items():
                if int(status) >= 400:
                    assert response["content"] == problem, (method, path, status)
            assert operation["security"] == [{"HTTPBearer": []}]


def test_the_kiosk_client_understands_every_answer(insurer):
    key = create_device_key(insurer.data_dir, DEMO_CLINIC_ID)
    member = DEMO_MEMBER_BY_STATE["active_plus"]
    token = fresh_token(member)
    with InsurerClient(insurer.url, key) as client:
        assert {k.kid for k in client.signing_keys().keys} == {"SBX26", "SBX25"}
        assert client.eligibility_by_token(token).direct_billing is True
        lookup = EligibilityByLookup(
            policy_number=member.policy_number,
            child_name=member.child_name,
            guardian_phone=member.guardian_phone,
        )
        assert client.eligibility_by_lookup(lookup).member.member_id == member.member_id
        bill = Bill(
            member_id=member.member_id,
            service_date=today(),
            lines=[
                BillLine(
                    line_no=1,
                    item_code="CONS-GP",
                    description="全科门诊 GP consultation",
                    category=ItemCategory.CONSULTATION,
                    quantity=1,
                    unit_price_fen=45_000,
                )
            ],
        )
        estimate = client.estimate(bill)
        assert estimate.total_covered_fen == 45_000
        shown = ShownToFamily(provider_display="和悦儿童诊所", adjudication=estimate)
        bill_hash = shown_bill_hash(
            bill, estimate, clinic="和悦儿童诊所", invoice_no="INV-CLIENT-1", names_en={}
        )
        submission = ClaimSubmission(
            bill=bill,
            bill_hash=bill_hash,
            signature=SignatureEvidence(
                bill_hash=bill_hash,
                strokes_sha256="b" * 64,
                point_count=80,
                signed_at=datetime.now(UTC),
            ),
            expected_covered_fen=estimate.total_covered_fen,
            clinic_invoice_no="INV-CLIENT-1",
            shown=shown,
        )
        idempotency_key = "client-" + secrets.token_hex(10)
        result = client.submit_claim(submission, idempotency_key)
        assert client.submit_claim(submission, idempotency_key) == result
        assert client.claim(result.claim_id) == result
        other_strokes = submission.signature.model_copy(update={"point_count": 81})
        changed = submission.model_copy(update={"signature": other_strokes})
        with pytest.raises(InsurerRejected) as conflict:
            client.submit_claim(changed, idempotency_key)
        assert (conflict.value.status, conflict.value.code) == (409, "idempotency-conflict")
        statement = client.daily_statement(today())
        assert result.claim_id in {c.claim_id for c in statement.claims}
        calendar = client.working_calendar()
        created = client.request_preauth(
            PreAuthRequest(
                member_id=member.member_id,
                item_code="EXAM-MRI",
                description="头颅磁共振 Head MRI",
                category=ItemCategory.EXAM,
                planned_date=calendar.earliest_planned_date,
                diagnosis="R51",
                estimated_cost_fen=680_000,
            ),
            "client-pa-" + secrets.token_hex(8),
        )
        assert created.preauth.status == "pending"
        listed = client.preauths(member.member_id).preauths
        assert created.preauth.preauth_id in {p.preauth_id for p in listed}
    with InsurerClient(insurer.url, "sbx_not-a-key") as stranger, pytest.raises(InsurerAuthError):
        stranger.signing_keys()


def test_demo_data_document_lists_every_demo_member_as_seeded():
    document = (ROOT / "docs" / "demo-data.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line for line in document.splitlines() if "| `" in line}
    for member in DEMO_MEMBER_BY_STATE.values():
        row = rows[member.state]
        for fact in (member.member_id, member.policy_number, member.child_name):
            assert fact in row, (member.state, fact)
        assert member.guardian_phone in row
        assert member.tier.value in row


def test_the_shared_session_sandbox_answers_with_its_device_key(sandbox, sandbox_device_key):
    headers = {"Authorization": f"Bearer {sandbox_device_key}"}
    with httpx.Client(base_url=sandbox.url, headers=headers) as client:
        assert client.get("/v1/preauths/calendar").json()["required_working_days"] == 5
    assert sandbox.running
