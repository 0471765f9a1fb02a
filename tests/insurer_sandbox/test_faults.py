"""The admin fault injection the kiosk's fault tests rely on, observed from a real HTTP client."""

from __future__ import annotations

import secrets
import time
import urllib.error
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from insurer_sandbox.demo import DEMO_MEMBER_BY_STATE
from insurer_sandbox.server import SandboxProcess
from tests.insurer_sandbox.bills import bill, estimated_claim, line, today


@pytest.fixture(scope="module")
def insurer(own_sandbox: SandboxProcess) -> SandboxProcess:
    """Faults and clock changes must not leak into other modules: its own sandbox."""
    return own_sandbox


ACTIVE = DEMO_MEMBER_BY_STATE["active_plus"].member_id


@pytest.fixture(autouse=True)
def no_faults_left(insurer: SandboxProcess) -> Iterator[None]:
    yield
    insurer.clear_faults()
    insurer.set_clock(None)


def submit(api: httpx.Client, body: dict, key: str) -> httpx.Response:
    return api.post("/v1/claims", json=body, headers={"Idempotency-Key": key})


def test_delay_makes_the_client_time_out_once(api, insurer):
    insurer.inject_fault("delay", delay_ms=1_500)
    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        api.get("/v1/signing-keys", timeout=0.3)
    assert time.monotonic() - started < 1.0
    assert api.get("/v1/signing-keys", timeout=0.3).status_code == 200


def test_server_errors_for_the_next_n_requests(api, insurer):
    insurer.inject_fault("status", status=503, count=2, retry_after_s=1)
    for _ in range(2):
        response = api.get("/v1/preauths/calendar")
        assert response.status_code == 503
        assert response.headers["retry-after"] == "1"
        assert response.json()["code"] == "internal-error"
    assert api.get("/v1/preauths/calendar").status_code == 200
    assert insurer.pending_faults() == []


def test_a_dropped_answer_after_the_claim_was_recorded(api, insurer):
    """The lost-answer case: the insurer recorded the claim, the kiosk never heard back."""
    body = estimated_claim(api, bill(ACTIVE, line(1, "drug", 1_200)))
    key = "drop-" + secrets.token_hex(8)
    insurer.inject_fault("drop", path_prefix="/v1/claims", method="POST")
    with pytest.raises(httpx.RemoteProtocolError):
        submit(api, body, key)
    replay = submit(api, body, key)
    assert replay.status_code == 200
    assert replay.json()["status"] == "accepted"


def test_a_truncated_answer(api, insurer):
    insurer.inject_fault("truncate", path_prefix="/v1/signing-keys")
    with pytest.raises(httpx.RemoteProtocolError):
        api.get("/v1/signing-keys")
    assert api.get("/v1/signing-keys").status_code == 200


def test_faults_only_hit_matching_requests(api, insurer):
    insurer.inject_fault("status", status=500, path_prefix="/v1/claims", method="POST")
    assert api.get("/v1/signing-keys").status_code == 200
    assert len(insurer.pending_faults()) == 1
    body = estimated_claim(api, bill(ACTIVE, line(1, "drug", 50)))
    assert submit(api, body, "match-" + secrets.token_hex(8)).status_code == 500


def test_health_and_admin_are_never_faulted(api, insurer):
    insurer.inject_fault("status", status=500, path_prefix="/")
    with httpx.Client(base_url=insurer.url) as plain:
        assert plain.get("/healthz").json()["pid"] == insurer.pid
    assert len(insurer.pending_faults()) == 1
    assert api.get("/v1/signing-keys").status_code == 500


def test_planted_amount_mismatch_shows_in_the_statement_only(api, insurer):
    body = estimated_claim(api, bill(ACTIVE, line(1, "drug", 3_000)))
    recorded = submit(api, body, "mismatch-" + secrets.token_hex(8)).json()
    insurer.plant_amount_mismatch(recorded["claim_id"], 2_500)
    statement = api.get(f"/v1/statements/{today().isoformat()}").json()
    line_of = next(c for c in statement["claims"] if c["claim_id"] == recorded["claim_id"])
    assert (line_of["total_covered_fen"], line_of["total_patient_fen"]) == (2_500, 500)
    assert api.get(f"/v1/claims/{recorded['claim_id']}").json() == recorded
    with pytest.raises(urllib.error.HTTPError, match="404"):
        insurer.plant_amount_mismatch("CLM-NOSUCH", 1)


def test_the_clock_moves_the_insurer_not_the_world(api, insurer):
    pretend = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    insurer.set_clock(pretend)
    member = DEMO_MEMBER_BY_STATE["active_plus"]
    lookup = {
        "policy_number": member.policy_number,
        "child_name": member.child_name,
        "guardian_phone": member.guardian_phone,
    }
    checked = datetime.fromisoformat(
        api.post("/v1/eligibility/lookup", json=lookup).json()["checked_at"]
    )
    assert abs(checked - pretend) < timedelta(seconds=30)
    insurer.set_clock(None)
    checked = datetime.fromisoformat(
        api.post("/v1/eligibility/lookup", json=lookup).json()["checked_at"]
    )
    assert abs(checked - datetime.now(UTC)) < timedelta(seconds=30)
