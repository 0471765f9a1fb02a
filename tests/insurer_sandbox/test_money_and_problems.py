"""Money is integer fen end to end, and every error is a problem document with a stable code."""

from __future__ import annotations

import sqlite3

import httpx
import pytest

from insurer_sandbox.demo import DEMO_MEMBER_BY_STATE
from insurer_sandbox.server import SandboxProcess
from insurer_sandbox.store import DATABASE_NAME
from tests.insurer_sandbox.bills import bill, claim, line

ACTIVE = DEMO_MEMBER_BY_STATE["active_plus"].member_id


def assert_problem(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert (problem["status"], problem["code"]) == (status, code)
    assert problem["title"]
    return problem


@pytest.mark.parametrize("price", [0.1, 100.0, 1e3, "100", True, -1, None])
def test_a_price_that_is_not_whole_non_negative_fen_is_refused(api, price):
    body = bill(ACTIVE, line(1, "drug", 100))
    body["lines"][0]["unit_price_fen"] = price
    problem = assert_problem(
        api.post("/v1/adjudication/estimate", json=body), 422, "validation-error"
    )
    assert "unit_price_fen" in problem["detail"]


def test_floats_are_refused_in_claims_and_preauths_too(api):
    body = claim(bill(ACTIVE, line(1, "drug", 100)), 100)
    body["expected_covered_fen"] = 1.0
    response = api.post("/v1/claims", json=body, headers={"Idempotency-Key": "float-claim-0001"})
    assert_problem(response, 422, "validation-error")
    preauth = {
        "member_id": ACTIVE,
        "item_code": "EXAM-MRI",
        "description": "MRI",
        "category": "exam",
        "planned_date": "2030-01-01",
        "diagnosis": "R51",
        "estimated_cost_fen": 680000.5,
    }
    response = api.post("/v1/preauths", json=preauth, headers={"Idempotency-Key": "float-pa-00001"})
    assert_problem(response, 422, "validation-error")


def test_amounts_come_back_as_integers_to_the_fen(api):
    answer = api.post(
        "/v1/adjudication/estimate", json=bill(ACTIVE, line(1, "drug", 1), line(2, "drug", 0))
    ).json()
    assert [(x["submitted_fen"], x["covered_fen"]) for x in answer["lines"]] == [(1, 1), (0, 0)]
    for value in (answer["total_submitted_fen"], answer["total_covered_fen"]):
        assert type(value) is int


def test_an_impossible_amount_is_refused_not_overflowed(api):
    huge = bill(ACTIVE, line(1, "drug", 10**10 + 1))
    assert_problem(api.post("/v1/adjudication/estimate", json=huge), 422, "validation-error")
    absurd = bill(ACTIVE, line(1, "drug", 10**30))
    assert_problem(api.post("/v1/adjudication/estimate", json=absurd), 422, "validation-error")


def test_the_largest_possible_bill_is_still_answered(api):
    biggest = bill(ACTIVE, line(1, "non_medical", 10**10))
    answer = api.post("/v1/adjudication/estimate", json=biggest).json()
    assert answer["total_patient_fen"] == 10**10


def test_no_device_key_or_an_unknown_one_is_unauthorized(insurer):
    with httpx.Client(base_url=insurer.url) as anonymous:
        problem = assert_problem(anonymous.get("/v1/signing-keys"), 401, "unauthorized")
        assert problem["detail"]
        response = anonymous.get("/v1/signing-keys", headers={"Authorization": "Bearer sbx_nope"})
        assert_problem(response, 401, "unauthorized")
        assert response.headers["www-authenticate"].startswith("Bearer")


def test_unknown_path_and_method_are_problems_too(api):
    assert_problem(api.get("/v1/nothing-here"), 404, "not-found")
    assert_problem(api.delete("/v1/signing-keys"), 405, "not-found")


def test_malformed_json_is_a_validation_error(api):
    response = api.post(
        "/v1/adjudication/estimate",
        content=b'{"member_id": ',
        headers={"Content-Type": "application/json"},
    )
    assert_problem(response, 422, "validation-error")


def test_a_statement_date_must_be_a_date(api):
    assert_problem(api.get("/v1/statements/0"), 422, "validation-error")
    assert_problem(api.get("/v1/statements/2026-02-30"), 422, "validation-error")


def test_admin_routes_do_not_exist_without_an_admin_token(tmp_path, api):
    with SandboxProcess(tmp_path / "no-admin") as plain, httpx.Client(base_url=plain.url) as client:
        assert_problem(client.get("/admin/faults"), 404, "not-found")


def test_admin_routes_need_the_admin_token(insurer, api):
    assert_problem(api.get("/admin/faults"), 401, "unauthorized")


def test_an_unexpected_failure_is_an_internal_error_problem(
    fresh_sandbox: SandboxProcess, fresh_sandbox_device_key
):
    with sqlite3.connect(fresh_sandbox.data_dir / DATABASE_NAME) as db:
        db.execute("DROP TABLE benefit_usage")
    headers = {"Authorization": f"Bearer {fresh_sandbox_device_key}"}
    with httpx.Client(base_url=fresh_sandbox.url, headers=headers) as client:
        response = client.post("/v1/adjudication/estimate", json=bill(ACTIVE, line(1, "drug", 1)))
    problem = assert_problem(response, 500, "internal-error")
    assert "benefit_usage" not in problem["detail"]
