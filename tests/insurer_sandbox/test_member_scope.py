"""A clinic sees and files only for members its network may bill: member ids are sequential, so
anyone else's member must look exactly like a member that does not exist."""

from __future__ import annotations

import secrets
from datetime import timedelta

import httpx
import pytest

from insurer_sandbox.demo import DEMO_MEMBER_BY_STATE, DemoMember
from insurer_sandbox.server import SandboxProcess
from launchers.demo import fresh_token
from tests.insurer_sandbox.bills import bill, claim, line, today

UNKNOWN_MEMBER = "M26000199"
STANDARD_WITH_PREAUTH = DEMO_MEMBER_BY_STATE["preauth_pending"]
"""A standard-tier member (with a diagnosis on file) the PLUS-only clinic's network cannot bill."""


@pytest.fixture(scope="module")
def insurer(own_sandbox: SandboxProcess) -> SandboxProcess:
    """A refusal that fails to refuse would file a pre-auth or a claim: a sandbox of our own."""
    return own_sandbox


def list_preauths(api: httpx.Client, member_id: str) -> httpx.Response:
    return api.get("/v1/preauths", params={"member_id": member_id})


def file_preauth(api: httpx.Client, member_id: str) -> httpx.Response:
    body = {
        "member_id": member_id,
        "item_code": "EXAM-CT",
        "description": "头颅 CT Head CT",
        "category": "exam",
        "planned_date": (today() + timedelta(days=30)).isoformat(),
        "diagnosis": "Head injury (S09.9)",
        "estimated_cost_fen": 120_000,
    }
    return api.post(
        "/v1/preauths", json=body, headers={"Idempotency-Key": "scope-" + secrets.token_hex(10)}
    )


def estimate(api: httpx.Client, member_id: str) -> httpx.Response:
    return api.post("/v1/adjudication/estimate", json=bill(member_id, line(1, "drug", 1_000)))


def submit(api: httpx.Client, member_id: str) -> httpx.Response:
    body = claim(bill(member_id, line(1, "drug", 1_000)), 0)
    return api.post(
        "/v1/claims", json=body, headers={"Idempotency-Key": "scope-" + secrets.token_hex(10)}
    )


def test_preauths_of_a_member_this_clinic_cannot_bill_are_not_found(plus_clinic_api):
    theirs = list_preauths(plus_clinic_api, STANDARD_WITH_PREAUTH.member_id)
    nobody = list_preauths(plus_clinic_api, UNKNOWN_MEMBER)
    assert (theirs.status_code, theirs.json()["code"]) == (404, "not-found")
    assert theirs.json() == nobody.json()
    assert "R51" not in theirs.text


@pytest.mark.parametrize(
    "call", [file_preauth, estimate, submit], ids=["preauth", "estimate", "claim"]
)
def test_a_member_this_clinic_cannot_bill_gets_the_unknown_member_answer(plus_clinic_api, call):
    theirs = call(plus_clinic_api, STANDARD_WITH_PREAUTH.member_id)
    nobody = call(plus_clinic_api, UNKNOWN_MEMBER)
    assert theirs.status_code == nobody.status_code == 422
    assert theirs.json() == nobody.json()
    assert theirs.json()["code"] == "member-not-eligible"


@pytest.mark.parametrize("suffix", ["", "/letter"], ids=["pre-auth", "letter"])
def test_a_preauth_of_a_member_this_clinic_cannot_bill_is_not_found(api, plus_clinic_api, suffix):
    assert STANDARD_WITH_PREAUTH.preauths[0].preauth_id == "PA-DEMO-0109"
    theirs = plus_clinic_api.get(f"/v1/preauths/PA-DEMO-0109{suffix}")
    nobody = plus_clinic_api.get(f"/v1/preauths/PA-NOSUCH{suffix}")
    assert theirs.status_code == nobody.status_code == 404
    assert theirs.json() == nobody.json()
    assert "R51" not in theirs.text
    assert api.get("/v1/preauths/PA-DEMO-0109").status_code == 200


def test_a_plus_members_approval_and_letter_are_readable_at_the_plus_clinic(plus_clinic_api):
    assert plus_clinic_api.get("/v1/preauths/PA-DEMO-0108").json()["status"] == "approved"
    letter = plus_clinic_api.get("/v1/preauths/PA-DEMO-0108/letter").json()
    assert (letter["clinic_id"], letter["item_code"]) == ("CLINIC-PLUS", "SURG-TONSIL")


def test_nothing_was_filed_for_the_member_of_another_network(api):
    listed = list_preauths(api, STANDARD_WITH_PREAUTH.member_id).json()["preauths"]
    assert [p["item_code"] for p in listed] == ["EXAM-MRI"]


@pytest.mark.parametrize("state", ["greyed_unpaid", "expired", "preauth_pending"])
def test_members_in_the_clinic_network_are_readable_whatever_their_card(api, state):
    member_id = DEMO_MEMBER_BY_STATE[state].member_id
    assert list_preauths(api, member_id).status_code == 200
    assert estimate(api, member_id).status_code == 200


def eligibility_by_token(api: httpx.Client, member: DemoMember) -> httpx.Response:
    return api.post("/v1/eligibility/token", json={"token": fresh_token(member)})


def eligibility_by_lookup(api: httpx.Client, member: DemoMember) -> httpx.Response:
    body = {
        "policy_number": member.policy_number,
        "child_name": member.child_name,
        "guardian_phone": member.guardian_phone,
    }
    return api.post("/v1/eligibility/lookup", json=body)


@pytest.mark.parametrize(
    "check", [eligibility_by_token, eligibility_by_lookup], ids=["token", "lookup"]
)
def test_eligibility_shows_pre_auths_only_to_a_clinic_that_may_bill_the_member(
    api, plus_clinic_api, check
):
    outside = check(plus_clinic_api, STANDARD_WITH_PREAUTH)
    assert outside.status_code == 200, outside.text
    answer = outside.json()
    assert (answer["status"], answer["in_network"], answer["direct_billing"]) == (
        "active",
        False,
        False,
    )
    assert answer["member"]["member_id"] == STANDARD_WITH_PREAUTH.member_id
    assert answer["preauths"] == []
    assert "R51" not in outside.text
    inside = check(api, STANDARD_WITH_PREAUTH).json()
    assert [p["diagnosis"] for p in inside["preauths"]] == ["Recurrent headache (R51)"]
    for kept in ("member", "coverage", "balances", "unpaid", "free_visits_remaining"):
        assert answer[kept] == inside[kept], "the rest of the answer is unchanged"
