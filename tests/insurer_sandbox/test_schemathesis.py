"""Schemathesis against the live sandbox on loopback, from the OpenAPI document it serves.

The document is built in-process by the same code (schemathesis' lazy, fixture-loaded schemas do
not work with pytest 9), and the first test proves the live server serves exactly that document.

Every generated request, valid or deliberately invalid, must get an answer inside the contract:
no 5xx, only declared status codes and content types, bodies that match their schemas, invalid
input refused. Valid bodies are pointed at real demo members so they reach the rules engine and
the claim store instead of stopping at "unknown member". Invalid ("negative") data is generated in
both the coverage phase (each way a schema can be broken) and the fuzzing phase, set here rather
than left to schemathesis' defaults or a stray schemathesis.toml; the last test proves every
operation was sent invalid data and answered it with a 4xx problem document.
"""

from __future__ import annotations

from collections import defaultdict

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig

from insurer_sandbox.app import openapi_document
from insurer_sandbox.demo import DEMO_MEMBERS
from insurer_sandbox.server import SandboxProcess
from tests.insurer_sandbox.bills import today


@pytest.fixture(scope="module")
def insurer(own_sandbox: SandboxProcess) -> SandboxProcess:
    """Generated requests record claims and pre-auths: this module has its own sandbox."""
    return own_sandbox


CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.response_headers_conformance,
    schemathesis.checks.negative_data_rejection,
    schemathesis.checks.missing_required_header,
]

MEMBER_IDS = [m.member_id for m in DEMO_MEMBERS]


DOCUMENT = openapi_document()
CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"mode": "all"},
        "phases": {"coverage": {"enabled": True}, "fuzzing": {"enabled": True}},
    }
)
contract = schemathesis.openapi.from_dict(DOCUMENT, config=CONFIG)

ANSWERS: dict[str, list[tuple[GenerationMode, int, str]]] = defaultdict(list)
"""Operation → (mode, status, content type) of every answer, for the last test."""


def test_the_live_sandbox_serves_this_document(insurer: SandboxProcess):
    with httpx.Client(base_url=insurer.url) as client:
        assert client.get("/openapi.json").json() == DOCUMENT


def _pick_member(value: object) -> str:
    return MEMBER_IDS[len(str(value)) % len(MEMBER_IDS)]


def _steer_to_demo_members(case: schemathesis.Case) -> None:
    meta = case.meta
    if meta is None or meta.generation.mode is not GenerationMode.POSITIVE:
        return
    if isinstance(case.query, dict) and "member_id" in case.query:
        case.query["member_id"] = _pick_member(case.query["member_id"])
    body = case.body
    if not isinstance(body, dict):
        return
    if isinstance(body.get("signature"), dict) and "bill_hash" in body:
        body["signature"]["bill_hash"] = body["bill_hash"]
    target = body["bill"] if isinstance(body.get("bill"), dict) else body
    if "member_id" in target:
        target["member_id"] = _pick_member(target["member_id"])
    if "service_date" in target:
        target["service_date"] = today().isoformat()


@contract.parametrize()
@settings(
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_answer_is_inside_the_contract(case, api):
    _steer_to_demo_members(case)
    response = case.call_and_validate(
        base_url=str(api.base_url), headers=_auth(case, api), checks=CHECKS
    )
    mode = case.meta.generation.mode if case.meta else GenerationMode.POSITIVE
    content_type = ",".join(response.headers.get("content-type", []))
    ANSWERS[case.operation.label].append((mode, response.status_code, content_type))


def _auth(case: schemathesis.Case, api: httpx.Client) -> dict[str, str]:
    """The device key, unless this case is about wrong headers (then the key stays left out)."""
    meta = case.meta
    headers_wrong = meta is not None and any(
        location.value == "header" and info.mode is GenerationMode.NEGATIVE
        for location, info in meta.components.items()
    )
    return {} if headers_wrong else {"Authorization": api.headers["authorization"]}


def test_every_operation_refused_invalid_data_with_a_problem():
    if not ANSWERS:
        pytest.skip("records what test_every_answer_is_inside_the_contract sent; run the module")
    assert set(ANSWERS) == {op.ok().label for op in contract.get_all_operations()}
    for operation, answers in ANSWERS.items():
        negative = [(status, kind) for mode, status, kind in answers if mode.is_negative]
        assert len(negative) >= 5, f"{operation}: only {len(negative)} invalid requests"
        assert all(status < 500 for status, _ in negative), operation
        refused = [kind for status, kind in negative if 400 <= status < 500]
        assert refused, f"{operation}: no invalid request was refused"
        assert set(refused) == {"application/problem+json"}, operation
