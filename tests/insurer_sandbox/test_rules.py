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


@pytest.mark.parametrize("category", ["exam", "treatment", "drug"])
def test_unit_price_rule_is_from_cny_5000_inclusive_on_the_unit_price(api, category):
    # 单价在人民币5000元以上: 以上 includes 5,000.00; the quantity does not make a unit price.
    answer = estimate(
        api,
        "active_plus",
        line(1, category, 499_999),
        line(2, category, 500_000),
        line(3, category, 500_001),
        line(4, category, 250_000, quantity=3),
    )
    assert amounts(answer) == [
        (499_999, 0, "covered"),
        (0, 500_000, "preauth-required"),
        (0, 500_001, "preauth-required"),
        (750_000, 0, "covered"),
    ]


def test_unit_price_rule_leaves_a_consultation_alone(api):
    answer = estimate(api, "active_plus", line(1, "consultation", 600_000))
    assert amounts(answer) == [(600_000, 0, "covered")]


def test_cumulative_threshold_is_over_cny_30000_billed_with_this_bill_to_the_fen(api):
    # active_plus has CNY 2,450 billed this year: this bill brings it to exactly CNY 30,000.
    lines = [
        line(1, "treatment", 400_000, quantity=5),
        line(2, "exam", 355_000),
        line(3, "consultation", 400_000),
    ]
    at_threshold = estimate(api, "active_plus", *lines)
    assert amounts(at_threshold) == [
        (2_000_000, 0, "covered"),
        (355_000, 0, "covered"),
        (400_000, 0, "covered"),
    ]
    one_fen_over = estimate(api, "active_plus", *lines, line(4, "drug", 1))
    assert amounts(one_fen_over) == [
        (0, 2_000_000, "preauth-required"),
        (0, 355_000, "preauth-required"),
        (400_000, 0, "covered"),
        (1, 0, "covered"),
    ], "the whole bill counts, and only its treatments and exams need the pre-auth"


def test_near_the_annual_limit_cover_stops_at_the_remaining_limit(api):
    answer = estimate(
        api,
        "near_annual_limit",
        line(1, "treatment", 150_000, item_code="TRT-REHAB"),
        line(2, "consultation", 20_000),
    )
    assert amounts(answer) == [
        (100_000, 50_000, "limit-exhausted"),
        (0, 20_000, "limit-exhausted"),
    ], "past CNY 30,000 a consultation needs no pre-auth, but the limit is used up"


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


# --- the demo's approvals in each state (docs/demo-data.md)


def test_a_used_approval_leaves_a_second_mri_to_the_family(api):
    answer = estimate(api, "preauth_used", line(1, "exam", 680_000, item_code="EXAM-MRI"))
    assert amounts(answer) == [(0, 680_000, "preauth-used")]


def test_an_expired_approval_leaves_the_operation_to_the_family(api):
    answer = estimate(
        api, "preauth_expired", line(1, "surgery", 1_750_000, item_code="SURG-TONSIL")
    )
    assert amounts(answer) == [(0, 1_750_000, "preauth-outside-validity")]


def test_an_approval_for_less_than_the_mri_leaves_the_rest_to_the_family(api):
    answer = estimate(api, "preauth_over_amount", line(1, "exam", 680_000, item_code="EXAM-MRI"))
    assert amounts(answer) == [(500_000, 180_000, "preauth-amount-exceeded")]
    assert answer["lines"][0]["preauth_ref"] is not None


def test_a_denied_request_covers_nothing(api):
    answer = estimate(api, "preauth_denied", line(1, "exam", 680_000, item_code="EXAM-MRI"))
    assert amounts(answer) == [(0, 680_000, "preauth-required")]


def test_a_line_paid_under_an_approval_names_its_auth_number(api):
    answer = estimate(
        api,
        "preauth_approved",
        line(1, "consultation", 50_000),
        line(2, "surgery", 1_750_000, item_code="SURG-TONSIL"),
    )
    refs = [x["preauth_ref"] for x in answer["lines"]]
    assert refs[0] is None
    assert refs[1] is not None and refs[1].startswith("GL-")


def test_a_clinic_marked_major_exam_needs_a_preauth_whatever_its_price(api):
    answer = estimate(
        api,
        "active_plus",
        line(1, "exam", 12_000, preauth_class="major-exam"),
        line(2, "treatment", 100, preauth_class="major-illness-treatment"),
        line(3, "exam", 12_000),
    )
    assert amounts(answer) == [
        (0, 12_000, "preauth-required"),
        (0, 100, "preauth-required"),
        (12_000, 0, "covered"),
    ]


def test_a_policy_not_yet_in_force_covers_nothing_yet(api):
    answer = estimate(api, "not_yet_in_force", line(1, "consultation", 30_000))
    assert amounts(answer) == [(0, 30_000, "not-covered")]
