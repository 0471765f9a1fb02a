"""Corrected claims (FHIR Claim.related, relationship "replaces") over HTTP against the real
sandbox: a correction cancels the accepted claim it replaces and gives back what that claim used
before the corrected bill is adjudicated, all in one step; anything refused changes nothing.

The module has its own sandbox (claims change members' usage); each test works on members of its
own, so the order the tests run in does not matter.
"""

from __future__ import annotations

import httpx
import pytest

from insurer_sandbox.cli import main
from insurer_sandbox.demo import DEMO_CLINIC_ID, DEMO_MEMBER_BY_STATE
from insurer_sandbox.server import SandboxProcess
from kiosk.insurer.models import ClaimSubmission
from tests.insurer_sandbox.bills import (
    MRI,
    amounts,
    bill,
    claim,
    estimate,
    estimated_claim,
    line,
    member_id,
    new_key,
    signed,
    today,
)
from tests.insurer_sandbox.older_claims import plant_rejected_claim


@pytest.fixture(scope="module")
def insurer(own_sandbox: SandboxProcess) -> SandboxProcess:
    """Corrections change members' usage: this module has its own sandbox."""
    return own_sandbox


def send(api: httpx.Client, body: dict, key: str | None = None) -> httpx.Response:
    return api.post("/v1/claims", json=body, headers={"Idempotency-Key": key or new_key()})


def accepted(api: httpx.Client, body: dict) -> dict:
    """A claim for `body` signed on the insurer's estimate, accepted."""
    response = send(api, estimated_claim(api, body))
    assert response.status_code == 201, response.text
    return response.json()


def correction(api: httpx.Client, body: dict, replaces: str, invoice_no: str | None = None) -> dict:
    """The corrected bill signed on the insurer's estimate as if `replaces` were given back."""
    return signed(
        claim(body, estimate(api, body, replaces=replaces), invoice_no) | {"replaces": replaces}
    )


def the_claim(api: httpx.Client, claim_id: str) -> dict:
    response = api.get(f"/v1/claims/{claim_id}")
    assert response.status_code == 200, response.text
    return response.json()


def eligibility(api: httpx.Client, state: str) -> dict:
    m = DEMO_MEMBER_BY_STATE[state]
    body = {
        "policy_number": m.policy_number,
        "child_name": m.child_name,
        "guardian_phone": m.guardian_phone,
    }
    return api.post("/v1/eligibility/lookup", json=body).json()


def standing(api: httpx.Client, state: str) -> tuple:
    """What the desk reads of a member: balances, fully-paid visits left, billed cost."""
    answer = eligibility(api, state)
    return answer["balances"], answer["free_visits_remaining"], answer["cumulative"]


def statement_claims(api: httpx.Client, key: str) -> list[dict]:
    statement = api.get(f"/v1/statements/{today().isoformat()}").json()
    return [c for c in statement["claims"] if c["idempotency_key"] == key]


def test_the_bill_hash_does_not_cover_the_replaced_claim():
    body = claim(bill(member_id("active_plus"), line(1, "drug", 100)), 100)
    plain = ClaimSubmission.model_validate(body)
    corrects = ClaimSubmission.model_validate(body | {"replaces": "CLM-0123456789AB"})
    assert corrects.recomputed_bill_hash() == plain.recomputed_bill_hash() == body["bill_hash"]


def test_a_correction_replaces_the_claim_and_sees_its_fully_paid_visit_given_back(api):
    state = "preauth_used"  # standard: 2 fully-paid visits left
    mid = member_id(state)
    accepted(api, bill(mid, line(1, "drug", 900)))
    wrong = accepted(api, bill(mid, line(1, "consultation", 30_000)))
    assert wrong["adjudication"]["free_visit_used"] is True
    assert eligibility(api, state)["free_visits_remaining"] == 0
    before = standing(api, state)
    fixed = bill(mid, line(1, "consultation", 30_000), line(2, "drug", 4_000))
    assert amounts(estimate(api, fixed))[0] == (15_000, 15_000, "copay-after-free-visits")

    as_if = estimate(api, fixed, replaces=wrong["claim_id"])

    assert amounts(as_if) == [(30_000, 0, "covered"), (4_000, 0, "covered")]
    assert as_if["free_visit_used"] is True
    assert standing(api, state) == before, "an estimate changes nothing"
    assert the_claim(api, wrong["claim_id"])["status"] == "accepted"

    key = new_key()
    body = correction(api, fixed, wrong["claim_id"])
    response = send(api, body, key)

    assert response.status_code == 201, response.text
    result = response.json()
    assert (result["status"], result["replaces"], result["replaced_by"]) == (
        "accepted",
        wrong["claim_id"],
        None,
    )
    assert result["adjudication"] == as_if
    replaced = the_claim(api, wrong["claim_id"])
    assert (replaced["status"], replaced["replaced_by"]) == ("cancelled", result["claim_id"])
    assert the_claim(api, result["claim_id"]) == result
    balances, free_left, cumulative = standing(api, state)
    outpatient = next(b for b in balances if b["benefit"] == "outpatient_emergency")
    was = next(b for b in before[0] if b["benefit"] == "outpatient_emergency")
    assert outpatient["used_fen"] == was["used_fen"] - 30_000 + 34_000
    assert free_left == 0
    assert cumulative["billed_fen"] == before[2]["billed_fen"] - 30_000 + 34_000
    listed = {
        c["claim_id"]: c["status"]
        for c in api.get(f"/v1/statements/{today().isoformat()}").json()["claims"]
    }
    assert (listed[wrong["claim_id"]], listed[result["claim_id"]]) == ("cancelled", "accepted")

    again = send(api, body, key)
    assert (again.status_code, again.json()) == (200, the_claim(api, result["claim_id"]))
    assert standing(api, state) == (balances, free_left, cumulative), "a replay gives back nothing"


def test_a_correction_gives_back_the_approvals_use(api, insurer):
    state = "out_of_network"  # in network at the demo clinic, no approval of its own yet
    mid = member_id(state)
    created = api.post(
        "/v1/preauths",
        json={
            "member_id": mid,
            "item_code": "EXAM-MRI-FIX",
            "description": "头颅磁共振 Head MRI",
            "category": "exam",
            "planned_date": api.get("/v1/preauths/calendar").json()["earliest_planned_date"],
            "diagnosis": "Recurrent headache (R51)",
            "estimated_cost_fen": MRI,
        },
        headers={"Idempotency-Key": new_key()},
    ).json()
    preauth_id = created["preauth"]["preauth_id"]
    assert main(["preauth", "approve", preauth_id, "--data", str(insurer.data_dir)]) == 0
    mri = line(2, "exam", MRI, item_code="EXAM-MRI-FIX")
    wrong = accepted(api, bill(mid, line(1, "drug", 1_000), mri))
    assert amounts(wrong["adjudication"])[1] == (MRI, 0, "preauth-approved")
    fixed = bill(mid, line(1, "drug", 1_500), mri)
    assert amounts(estimate(api, fixed))[1] == (0, MRI, "preauth-used")

    response = send(api, correction(api, fixed, wrong["claim_id"]))

    assert response.status_code == 201, response.text
    assert amounts(response.json()["adjudication"])[1] == (MRI, 0, "preauth-approved")
    grant = api.get(f"/v1/preauths/{preauth_id}").json()["grant"]
    assert (grant["uses_left"], grant["amount_left_fen"]) == (0, 0), "taken once, by the fix"


def _cancelled(api: httpx.Client) -> dict:
    claimed = accepted(api, bill(member_id("active_standard"), line(1, "drug", 700)))
    assert api.post(
        f"/v1/claims/{claimed['claim_id']}/cancel", json={"reason": "visit did not happen"}
    ).is_success
    return the_claim(api, claimed["claim_id"])


def _replaced(api: httpx.Client) -> dict:
    claimed = accepted(api, bill(member_id("active_standard"), line(1, "drug", 710)))
    fixed = bill(member_id("active_standard"), line(1, "drug", 720))
    assert send(api, correction(api, fixed, claimed["claim_id"])).status_code == 201
    return the_claim(api, claimed["claim_id"])


def _rejected_by_an_older_sandbox(api: httpx.Client, insurer: SandboxProcess) -> dict:
    body = claim(bill(member_id("active_standard"), line(1, "drug", 730)), 1)
    return plant_rejected_claim(insurer.data_dir, DEMO_CLINIC_ID, body).model_dump(mode="json")


def _another_members(api: httpx.Client) -> dict:
    return accepted(api, bill(member_id("active_plus"), line(1, "drug", 740)))


NOT_REPLACEABLE = {
    "cancelled": lambda api, insurer: _cancelled(api),
    "already replaced": lambda api, insurer: _replaced(api),
    "rejected": _rejected_by_an_older_sandbox,
    "another member's": lambda api, insurer: _another_members(api),
}


@pytest.mark.parametrize("kind", list(NOT_REPLACEABLE), ids=list(NOT_REPLACEABLE))
def test_only_an_accepted_claim_of_the_same_member_can_be_replaced(api, insurer, kind):
    target = NOT_REPLACEABLE[kind](api, insurer)
    state = "active_standard"
    fixed = bill(member_id(state), line(1, "drug", 750))
    before = standing(api, state)
    key = new_key()

    response = send(
        api, signed(estimated_claim(api, fixed) | {"replaces": target["claim_id"]}), key
    )

    assert (response.status_code, response.json()["code"]) == (409, "claim-not-replaceable")
    assert response.headers["content-type"] == "application/problem+json"
    assert the_claim(api, target["claim_id"]) == target
    assert standing(api, state) == before
    assert statement_claims(api, key) == []
    as_if = api.post(
        "/v1/adjudication/estimate", json=fixed, params={"replaces": target["claim_id"]}
    )
    assert (as_if.status_code, as_if.json()["code"]) == (409, "claim-not-replaceable")


def test_another_clinics_claim_is_not_found_like_a_missing_one(api, plus_clinic_api):
    state = "active_plus"
    theirs = plus_clinic_api.post(
        "/v1/claims",
        json=estimated_claim(plus_clinic_api, bill(member_id(state), line(1, "drug", 760))),
        headers={"Idempotency-Key": new_key()},
    ).json()
    fixed = bill(member_id(state), line(1, "drug", 770))
    before = standing(api, state)
    answers = {
        claim_id: send(api, signed(estimated_claim(api, fixed) | {"replaces": claim_id}))
        for claim_id in (theirs["claim_id"], "CLM-NOSUCHCLAIM")
    }
    for answer in answers.values():
        assert (answer.status_code, answer.json()["code"]) == (404, "not-found")
    assert answers[theirs["claim_id"]].json() == answers["CLM-NOSUCHCLAIM"].json()
    assert standing(api, state) == before
    mine = plus_clinic_api.get(f"/v1/claims/{theirs['claim_id']}").json()
    assert (mine["status"], mine["replaced_by"]) == ("accepted", None)
    as_if = api.post(
        "/v1/adjudication/estimate", json=fixed, params={"replaces": theirs["claim_id"]}
    )
    assert (as_if.status_code, as_if.json()["code"]) == (404, "not-found")


def test_a_correction_signed_without_the_give_back_is_refused_and_changes_nothing(api):
    """The desk estimated the corrected bill without `replaces`: the family saw the annual limit
    as the wrong claim left it. The insurer's adjudication after the give-back differs, so the
    whole correction, the cancel included, is undone."""
    state = "near_annual_limit"  # CNY 1,000 of the annual limit left; 50% copay
    mid = member_id(state)
    wrong = accepted(api, bill(mid, line(1, "consultation", 80_000)))
    before = standing(api, state)
    fixed = bill(mid, line(1, "consultation", 200_000))
    without_give_back = estimate(api, fixed)
    assert amounts(without_give_back) == [(60_000, 140_000, "limit-exhausted")]
    key = new_key()

    response = send(
        api, signed(claim(fixed, without_give_back) | {"replaces": wrong["claim_id"]}), key
    )

    assert (response.status_code, response.json()["code"]) == (409, "adjudication-changed")
    assert the_claim(api, wrong["claim_id"]) == wrong, "the cancel was rolled back too"
    assert standing(api, state) == before
    assert statement_claims(api, key) == []
    resigned = send(api, correction(api, fixed, wrong["claim_id"]), key)
    assert resigned.status_code == 201, resigned.text
    assert amounts(resigned.json()["adjudication"]) == [
        (100_000, 100_000, "copay-after-free-visits")
    ]
