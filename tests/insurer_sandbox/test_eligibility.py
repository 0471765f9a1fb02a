"""Eligibility by e-card token and by manual lookup, for every demo situation, over HTTP."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import httpx
import pytest

from insurer_sandbox.cli import main
from insurer_sandbox.demo import (
    DEMO_MEMBER_BY_STATE,
    DEMO_SIGNING_KEYS,
    DEMO_UNKNOWN_CARD,
    DemoMember,
)
from insurer_sandbox.eligibility import card_status
from insurer_sandbox.store import MemberRecord
from kiosk.ecard import issue, private_key_from_seed, public_key_from_b64, verify
from kiosk.insurer.models import Eligibility, PlanTier, SigningKeys


def token_for(member: DemoMember, *, key: str = "current", now: datetime | None = None) -> str:
    signing = next(k for k in DEMO_SIGNING_KEYS if k.status == key)
    issued = now or datetime.now(UTC)
    return issue(signing.private_key(), signing.kid, member.member_id, member.policy_number, issued)


def by_token(api: httpx.Client, token: str) -> httpx.Response:
    return api.post("/v1/eligibility/token", json={"token": token})


def check(api: httpx.Client, state: str) -> Eligibility:
    response = by_token(api, token_for(DEMO_MEMBER_BY_STATE[state]))
    assert response.status_code == 200, response.text
    return Eligibility.model_validate_json(response.content)


def test_active_standard_can_be_direct_billed(api):
    answer = check(api, "active_standard")
    assert (answer.status, answer.direct_billing, answer.in_network) == ("active", True, True)
    assert answer.clinic_id == "CLINIC-DEMO"
    assert answer.member.member_id == "M26000101"
    assert answer.member.name_masked == "李**"
    assert answer.member.guardian_phone_masked == "138****0101"
    assert answer.coverage.plan_tier == "standard"
    assert answer.coverage.period_start <= datetime.now(UTC).date() <= answer.coverage.period_end
    assert (answer.free_visits_total, answer.free_visits_remaining) == (5, 4)
    outpatient = next(b for b in answer.balances if b.benefit == "outpatient_emergency")
    assert (outpatient.annual_limit_fen, outpatient.used_fen, outpatient.remaining_fen) == (
        10_000_000,
        86_000,
        9_914_000,
    )
    assert answer.unpaid is None
    assert answer.preauths == []


def test_active_plus_has_ten_free_visits(api, plus_clinic_api):
    for client in (api, plus_clinic_api):
        answer = check(client, "active_plus")
        assert answer.direct_billing is True
        assert answer.coverage.plan_tier == "plus"
        assert (answer.free_visits_total, answer.free_visits_remaining) == (10, 7)


def test_standard_member_at_the_plus_only_clinic_is_out_of_network(plus_clinic_api):
    answer = check(plus_clinic_api, "out_of_network")
    assert (answer.status, answer.in_network, answer.direct_billing) == ("active", False, False)
    assert answer.clinic_id == "CLINIC-PLUS"


def test_greyed_card_says_how_much_is_unpaid(api):
    answer = check(api, "greyed_unpaid")
    assert (answer.status, answer.direct_billing, answer.in_network) == (
        "greyed_unpaid",
        False,
        True,
    )
    assert answer.unpaid.amount_fen == 35_600
    assert answer.unpaid.claim_ref == "CLM-2026-004417"


def test_expired_policy(api):
    answer = check(api, "expired")
    assert (answer.status, answer.direct_billing) == ("expired", False)
    assert answer.coverage.period_end < datetime.now(UTC).date()


def test_a_policy_starting_later_is_not_yet_in_force(api):
    answer = check(api, "not_yet_in_force")
    assert (answer.status, answer.direct_billing, answer.in_network) == (
        "not_yet_in_force",
        False,
        True,
    )
    assert answer.coverage.period_start > datetime.now(UTC).date()


def _member(start_in_days: int, unpaid_fen: int | None = None, length_days: int = 365):
    today = date(2026, 12, 7)
    start = today + timedelta(days=start_in_days)
    return MemberRecord(
        member_id="M1",
        policy_number="GP1",
        child_name="某某",
        guardian_phone="13800000000",
        birth_year=2020,
        tier=PlanTier.STANDARD,
        period_start=start,
        period_end=start + timedelta(days=length_days - 1),
        free_visits_used=0,
        unpaid_fen=unpaid_fen,
        unpaid_claim_ref="CLM-1" if unpaid_fen else None,
        benefit_used_fen={},
        billed_fen=0,
    ), today


@pytest.mark.parametrize(
    ("start_in_days", "length_days", "unpaid_fen", "status"),
    [
        (-400, 365, 100, "expired"),
        (10, 365, 100, "not_yet_in_force"),
        (10, 365, None, "not_yet_in_force"),
        (-10, 365, 100, "greyed_unpaid"),
        (-10, 365, None, "active"),
        (0, 1, None, "active"),
    ],
    ids=["expired over greyed", "not yet over greyed", "not yet", "greyed", "active", "first day"],
)
def test_card_status_precedence(start_in_days, length_days, unpaid_fen, status):
    member, today = _member(start_in_days, unpaid_fen, length_days)
    assert card_status(member, today) == status


def test_the_years_billed_cost_against_the_preauth_threshold(api):
    answer = check(api, "near_preauth_threshold")
    assert answer.cumulative is not None
    assert (answer.cumulative.billed_fen, answer.cumulative.threshold_fen) == (
        2_850_000,
        3_000_000,
    )
    assert answer.cumulative.left_fen == 150_000
    assert answer.cumulative.policy_year_start == answer.coverage.period_start
    past = check(api, "near_annual_limit").cumulative
    assert past is not None and past.billed_fen > past.threshold_fen and past.left_fen == 0


def test_no_billed_cost_for_a_clinic_outside_the_network(plus_clinic_api):
    assert check(plus_clinic_api, "out_of_network").cumulative is None


def test_approvals_are_listed_with_what_is_left_of_them(api):
    [used] = check(api, "preauth_used").preauths
    assert used.grant is not None
    assert (used.grant.uses_allowed, used.grant.uses_left, used.grant.amount_left_fen) == (1, 0, 0)
    [expired] = check(api, "preauth_expired").preauths
    assert expired.grant is not None and expired.grant.valid_until < datetime.now(UTC).date()
    [over] = check(api, "preauth_over_amount").preauths
    assert over.grant is not None and over.grant.approved_fen == 500_000
    [denied] = check(api, "preauth_denied").preauths
    assert (denied.status, denied.grant) == ("denied", None)
    assert denied.decision_note and "Not medically necessary" in denied.decision_note
    [course] = check(api, "near_annual_limit").preauths
    assert course.grant is not None and course.grant.uses_left == 20
    assert course.usable_on(datetime.now(UTC).date())


def test_free_visits_used_up(api):
    answer = check(api, "free_visits_used_up")
    assert answer.direct_billing is True
    assert (answer.free_visits_total, answer.free_visits_remaining) == (5, 0)


def test_preauths_are_listed_with_their_status(api):
    approved = check(api, "preauth_approved").preauths
    assert [(p.preauth_id, p.item_code, p.status) for p in approved] == [
        ("PA-DEMO-0108", "SURG-TONSIL", "approved")
    ]
    assert approved[0].decided_at is not None
    pending = check(api, "preauth_pending").preauths
    assert [(p.item_code, p.status, p.decided_at) for p in pending] == [
        ("EXAM-MRI", "pending", None)
    ]


def test_near_annual_limit_shows_what_is_left(api):
    answer = check(api, "near_annual_limit")
    outpatient = next(b for b in answer.balances if b.benefit == "outpatient_emergency")
    assert outpatient.remaining_fen == 100_000


def test_token_signed_with_the_previous_key_still_works(api):
    member = DEMO_MEMBER_BY_STATE["active_standard"]
    response = by_token(api, token_for(member, key="previous"))
    assert response.status_code == 200
    assert response.json()["status"] == "active"


def test_the_same_token_may_be_checked_twice(api):
    token = token_for(DEMO_MEMBER_BY_STATE["active_plus"])
    assert by_token(api, token).status_code == 200
    assert by_token(api, token).status_code == 200


def test_published_keys_verify_the_tokens_the_sandbox_issues(api):
    keys = SigningKeys.model_validate_json(api.get("/v1/signing-keys").content)
    assert [(k.kid, k.status) for k in keys.keys] == [("SBX26", "current"), ("SBX25", "previous")]
    public = {k.kid: public_key_from_b64(k.public_key) for k in keys.keys}
    member = DEMO_MEMBER_BY_STATE["active_standard"]
    now = datetime.now(UTC)
    assert verify(token_for(member, now=now), public, now).member_id == member.member_id


def _forged(member: DemoMember) -> str:
    stranger = private_key_from_seed(bytes(32))
    return issue(stranger, "SBX26", member.member_id, member.policy_number, datetime.now(UTC))


@pytest.mark.parametrize(
    ("make_token", "reason"),
    [
        (lambda m: "EC1 not a token", "malformed"),
        (lambda m: token_for(m, now=datetime.now(UTC) - timedelta(minutes=5)), "expired"),
        (lambda m: token_for(m, now=datetime.now(UTC) + timedelta(minutes=5)), "not-yet-valid"),
        (_forged, "bad-signature"),
        (
            lambda m: issue(
                private_key_from_seed(bytes(32)),
                "OTHER",
                m.member_id,
                m.policy_number,
                datetime.now(UTC),
            ),
            "unknown-key",
        ),
    ],
    ids=["malformed", "expired", "not-yet-valid", "bad-signature", "unknown-key"],
)
def test_a_token_that_does_not_verify_is_refused_with_the_reason(api, make_token, reason):
    response = by_token(api, make_token(DEMO_MEMBER_BY_STATE["active_standard"]))
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert (response.json()["code"], response.json()["detail"]) == ("token-invalid", reason)


def test_genuine_token_for_a_member_the_insurer_does_not_hold_is_not_found(api):
    key = DEMO_SIGNING_KEYS[0]
    token = issue(key.private_key(), key.kid, "M99999999", "GP2026999999", datetime.now(UTC))
    response = by_token(api, token)
    assert response.status_code == 200
    assert response.json()["status"] == "not_found"
    assert response.json()["direct_billing"] is False
    assert response.json()["member"] is None


def test_the_demos_unknown_card_is_genuine_but_not_found(api, insurer, capsys):
    response = by_token(api, token_for(DEMO_UNKNOWN_CARD))
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["member"]) == ("not_found", None)
    assert main(["token", "unknown_card", "--data", str(insurer.data_dir)]) == 0
    printed = capsys.readouterr().out.strip()
    keys = {k.kid: k.private_key().public_key() for k in DEMO_SIGNING_KEYS}
    assert verify(printed, keys, datetime.now(UTC)).member_id == DEMO_UNKNOWN_CARD.member_id
    assert by_token(api, printed).json()["status"] == "not_found"


def test_token_whose_policy_does_not_match_the_member_is_not_found(api):
    key = DEMO_SIGNING_KEYS[0]
    token = issue(key.private_key(), key.kid, "M26000101", "GP2026000102", datetime.now(UTC))
    assert by_token(api, token).json()["status"] == "not_found"


def lookup(api: httpx.Client, member: DemoMember, **override: str) -> dict:
    body = {
        "policy_number": member.policy_number,
        "child_name": member.child_name,
        "guardian_phone": member.guardian_phone,
    } | override
    response = api.post("/v1/eligibility/lookup", json=body)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("state", sorted(DEMO_MEMBER_BY_STATE))
def test_lookup_finds_every_demo_member_with_the_same_answer_as_the_card(api, state):
    member = DEMO_MEMBER_BY_STATE[state]
    by_card = by_token(api, token_for(member)).json()
    by_facts = lookup(api, member)
    for answer in (by_card, by_facts):
        answer.pop("checked_at")
    assert by_facts == by_card
    assert by_facts["member"]["member_id"] == member.member_id


def test_lookup_accepts_a_lower_case_policy_number(api):
    member = DEMO_MEMBER_BY_STATE["active_plus"]
    assert lookup(api, member, policy_number=member.policy_number.lower())["status"] == "active"


@pytest.mark.parametrize(
    "override",
    [
        {"guardian_phone": "13900000101"},
        {"child_name": "李沐"},
        {"policy_number": "GP2026000102"},
    ],
)
def test_lookup_with_one_wrong_fact_is_not_found(api, override):
    answer = lookup(api, DEMO_MEMBER_BY_STATE["active_standard"], **override)
    assert answer["status"] == "not_found"
    assert answer["member"] is None


def test_lookup_refuses_a_phone_number_that_is_not_one(api):
    member = DEMO_MEMBER_BY_STATE["active_standard"]
    body = {"policy_number": member.policy_number, "child_name": "x", "guardian_phone": "12345"}
    response = api.post("/v1/eligibility/lookup", json=body)
    assert (response.status_code, response.json()["code"]) == (422, "validation-error")
