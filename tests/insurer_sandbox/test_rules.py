"""The plan's rules, per demo member, as the desk sees them: estimates over HTTP, amounts in fen."""

from __future__ import annotations

import httpx
import pytest

from insurer_sandbox.demo import DEMO_MEMBER_BY_STATE
from tests.insurer_sandbox.bills import amounts, bill, line


def estimate(api: httpx.Client, state: str, *lines: dict) -> dict:
    response = api.post(
        "/v1/adjudication/estimate", json=bill(DEMO_MEMBER_BY_STATE[state].member_id, *lines)
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_active_standard_free_visit_covers_medical_lines_not_the_rest(api):
    answer = estimate(
        api,
        "active_standard",
        line(1, "consultation", 30_000),
        line(2, "drug", 4_550, quantity=2),
        line(3, "non_medical", 1_500),
        line(4, "vaccine", 38_000),
    )
    assert amounts(answer) == [
        (30_000, 0, "covered"),
        (9_100, 0, "covered"),
        (0, 1_500, "not-covered"),
        (0, 38_000, "not-covered"),
    ]
    assert answer["total_submitted_fen"] == 78_600
    assert answer["total_covered_fen"] == 39_100
    assert answer["total_patient_fen"] == 39_500
    assert answer["free_visit_used"] is True


def test_a_visit_with_nothing_to_pay_does_not_use_a_free_visit(api):
    answer = estimate(
        api, "active_standard", line(1, "consultation", 0), line(2, "non_medical", 900)
    )
    assert amounts(answer) == [(0, 0, "covered"), (0, 900, "not-covered")]
    assert answer["free_visit_used"] is False


def test_lines_are_judged_in_line_number_order(api):
    answer = estimate(api, "active_standard", line(2, "drug", 900), line(1, "consultation", 30_000))
    assert [x["line_no"] for x in answer["lines"]] == [1, 2]


def test_active_plus_is_covered_at_both_demo_clinics(api, plus_clinic_api):
    for client in (api, plus_clinic_api):
        answer = estimate(client, "active_plus", line(1, "consultation", 50_000))
        assert amounts(answer) == [(50_000, 0, "covered")]


def test_standard_member_at_the_plus_only_clinic_is_not_estimated_there(api, plus_clinic_api):
    lines = (line(1, "consultation", 30_000), line(2, "exam", 12_000))
    member_id = DEMO_MEMBER_BY_STATE["out_of_network"].member_id
    there = plus_clinic_api.post("/v1/adjudication/estimate", json=bill(member_id, *lines))
    assert (there.status_code, there.json()["code"]) == (422, "member-not-eligible")
    in_network = estimate(api, "out_of_network", *lines)
    assert in_network["total_covered_fen"] == 42_000


@pytest.mark.parametrize("state", ["greyed_unpaid", "expired"])
def test_greyed_or_expired_card_covers_nothing(api, state):
    answer = estimate(api, state, line(1, "consultation", 30_000), line(2, "drug", 2_000))
    assert amounts(answer) == [(0, 30_000, "not-covered"), (0, 2_000, "not-covered")]
    assert answer["total_covered_fen"] == 0


def test_standard_after_free_visits_copay_half_rounding_the_insurer_share_down(api):
    answer = estimate(
        api,
        "free_visits_used_up",
        line(1, "consultation", 30_001),
        line(2, "drug", 1),
        line(3, "exam", 3),
        line(4, "treatment", 2),
    )
    assert amounts(answer) == [
        (15_000, 15_001, "copay-after-free-visits"),
        (0, 1, "copay-after-free-visits"),
        (1, 2, "copay-after-free-visits"),
        (1, 1, "copay-after-free-visits"),
    ]
    assert answer["free_visit_used"] is False


def test_plus_after_free_visits_deductible_of_200_per_visit(api):
    answer = estimate(
        api,
        "plus_free_visits_used_up",
        line(1, "consultation", 15_000),
        line(2, "exam", 8_000),
        line(3, "drug", 4_000),
    )
    assert amounts(answer) == [
        (0, 15_000, "copay-after-free-visits"),
        (3_000, 5_000, "copay-after-free-visits"),
        (4_000, 0, "covered"),
    ]
    assert answer["total_patient_fen"] == 20_000


def test_plus_deductible_is_owed_even_on_a_tiny_visit(api):
    answer = estimate(api, "plus_free_visits_used_up", line(1, "drug", 19_999))
    assert amounts(answer) == [(0, 19_999, "copay-after-free-visits")]


def test_approved_preauth_covers_its_item_only(api):
    answer = estimate(
        api,
        "preauth_approved",
        line(1, "consultation", 50_000),
        line(2, "surgery", 1_750_000, item_code="SURG-TONSIL"),
        line(3, "surgery", 90_000, item_code="SURG-ADENOID"),
    )
    assert amounts(answer) == [
        (50_000, 0, "covered"),
        (1_750_000, 0, "preauth-approved"),
        (0, 90_000, "preauth-required"),
    ]


def test_a_named_preauth_must_be_the_approved_one(api):
    right = estimate(
        api,
        "preauth_approved",
        line(1, "surgery", 1_750_000, item_code="SURG-TONSIL", preauth_id="PA-DEMO-0108"),
    )
    assert amounts(right) == [(1_750_000, 0, "preauth-approved")]
    wrong = estimate(
        api,
        "preauth_approved",
        line(1, "surgery", 1_750_000, item_code="SURG-TONSIL", preauth_id="PA-DEMO-0109"),
    )
    assert amounts(wrong) == [(0, 1_750_000, "preauth-required")]


def test_pending_preauth_does_not_cover_the_item(api):
    answer = estimate(
        api,
        "preauth_pending",
        line(1, "consultation", 30_000),
        line(2, "exam", 680_000, item_code="EXAM-MRI"),
    )
    assert amounts(answer) == [(30_000, 0, "covered"), (0, 680_000, "preauth-required")]


@pytest.mark.parametrize("category", ["inpatient", "surgery", "special_outpatient"])
def test_categories_that_always_need_a_preauth(api, category):
    answer = estimate(api, "active_plus", line(1, category, 100))
    assert amounts(answer) == [(0, 100, "preauth-required")]


def test_durable_equipment_always_needs_a_preauth(api):
    answer = estimate(api, "active_plus", line(1, "durable_equipment", 100))
    assert amounts(answer) == [(0, 100, "preauth-required")]


def test_single_line_threshold_is_over_cny_5000_to_the_fen(api):
    answer = estimate(
        api,
        "active_plus",
        line(1, "exam", 500_000),
        line(2, "exam", 500_001),
        line(3, "drug", 250_000, quantity=2),
        line(4, "drug", 166_667, quantity=3),
    )
    assert amounts(answer) == [
        (500_000, 0, "covered"),
        (0, 500_001, "preauth-required"),
        (500_000, 0, "covered"),
        (0, 500_001, "preauth-required"),
    ]


def test_cumulative_threshold_is_over_cny_30000_in_the_year_to_the_fen(api):
    # active_plus has CNY 2,450 covered this year: six lines bring it to exactly CNY 30,000.
    lines = [line(n, "treatment", 500_000) for n in range(1, 6)]
    lines += [line(6, "treatment", 255_000), line(7, "drug", 1)]
    answer = estimate(api, "active_plus", *lines)
    assert amounts(answer)[:6] == [(500_000, 0, "covered")] * 5 + [(255_000, 0, "covered")]
    assert amounts(answer)[6] == (0, 1, "preauth-required")


def test_near_the_annual_limit_cover_stops_at_the_remaining_limit(api):
    answer = estimate(
        api,
        "near_annual_limit",
        line(1, "treatment", 150_000, item_code="TRT-REHAB"),
        line(2, "consultation", 20_000),
    )
    assert amounts(answer) == [
        (100_000, 50_000, "limit-exhausted"),
        (0, 20_000, "preauth-required"),
    ]


def test_the_last_fen_of_the_limit(api):
    answer = estimate(
        api,
        "near_annual_limit",
        line(1, "treatment", 100_000, item_code="TRT-REHAB"),
        line(2, "treatment", 1, item_code="TRT-REHAB"),
    )
    assert amounts(answer) == [(100_000, 0, "preauth-approved"), (0, 1, "limit-exhausted")]


def test_estimate_for_an_unknown_member_is_refused(api):
    response = api.post(
        "/v1/adjudication/estimate", json=bill("M00000000", line(1, "consultation", 100))
    )
    assert response.status_code == 422
    assert response.json()["code"] == "member-not-eligible"


def test_estimate_changes_nothing(api):
    member = DEMO_MEMBER_BY_STATE["active_standard"]
    lookup = {
        "policy_number": member.policy_number,
        "child_name": member.child_name,
        "guardian_phone": member.guardian_phone,
    }
    before = api.post("/v1/eligibility/lookup", json=lookup).json()
    estimate(api, "active_standard", line(1, "consultation", 30_000))
    after = api.post("/v1/eligibility/lookup", json=lookup).json()
    assert after["free_visits_remaining"] == before["free_visits_remaining"] == 4
    assert after["balances"] == before["balances"]
