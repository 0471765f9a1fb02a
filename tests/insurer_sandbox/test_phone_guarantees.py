"""Phone guarantees: the hotline gives one only for a member the clinic can direct-bill today; a
claim signed under one is checked against it (member, clinic, day, used once) and recorded with
the insurer's own adjudication, not refused for differing from the "to be confirmed" the family
signed."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

import pytest

from insurer_sandbox.demo import DEMO_CLINIC_ID, PLUS_ONLY_CLINIC_ID, demo_member
from insurer_sandbox.hotline import NoGuarantee, phone_guarantee
from insurer_sandbox.server import SandboxProcess
from insurer_sandbox.store import Store
from tests.insurer_sandbox.bills import bill, line, signed, today


@pytest.fixture(scope="module")
def insurer(own_sandbox: SandboxProcess) -> SandboxProcess:
    """This module records claims: a sandbox of its own, so the shared one's balances stay as
    seeded."""
    return own_sandbox


def pending(bill_body: dict) -> dict:
    """What the family signs under a phone guarantee: every line covered until adjudicated."""
    lines = [
        {
            "line_no": x["line_no"],
            "submitted_fen": x["quantity"] * x["unit_price_fen"],
            "covered_fen": x["quantity"] * x["unit_price_fen"],
            "patient_fen": 0,
            "reason": "guarantee-pending",
        }
        for x in bill_body["lines"]
    ]
    total = sum(x["submitted_fen"] for x in lines)
    return {
        "lines": lines,
        "total_submitted_fen": total,
        "total_covered_fen": total,
        "total_patient_fen": 0,
        "free_visit_used": False,
    }


def guaranteed_claim(bill_body: dict, reference: str) -> dict:
    adjudication = pending(bill_body)
    return signed(
        {
            "bill": bill_body,
            "shown": {
                "provider_display": "和悦儿童诊所",
                "item_display_en": {},
                "adjudication": adjudication,
            },
            "expected_covered_fen": adjudication["total_covered_fen"],
            "clinic_invoice_no": f"INV-{secrets.token_hex(4)}",
            "phone_guarantee": {"reference": reference, "given_at": datetime.now(UTC).isoformat()},
        }
    )


def send(api, body: dict):
    return api.post("/v1/claims", json=body, headers={"Idempotency-Key": secrets.token_hex(16)})


def hotline(insurer, state: str, clinic: str = DEMO_CLINIC_ID) -> str:
    return phone_guarantee(Store.open(insurer.data_dir), demo_member(state).member_id, clinic)


def test_a_guaranteed_claim_is_recorded_with_the_insurers_own_adjudication(insurer, api):
    member = demo_member("plus_free_visits_used_up").member_id  # CNY 200 deductible per visit
    reference = hotline(insurer, "plus_free_visits_used_up")
    assert reference.startswith(f"PG-{today():%Y%m%d}-")
    body = guaranteed_claim(bill(member, line(1, "consultation", 68_000)), reference)
    answer = send(api, body)
    assert answer.status_code == 201, answer.text
    result = answer.json()
    assert result["status"] == "accepted"
    assert result["adjudication"]["total_covered_fen"] == 68_000 - 20_000  # not what was signed
    again = send(api, guaranteed_claim(bill(member, line(1, "consultation", 9_000)), reference))
    assert again.status_code == 409 and again.json()["code"] == "guarantee-used"


@pytest.mark.parametrize(
    ("why", "change"),
    [
        ("another member", lambda b: b.update(member_id=demo_member("active_plus").member_id)),
        (
            "another day",
            lambda b: b.update(service_date=(today() - timedelta(days=1)).isoformat()),
        ),
    ],
)
def test_a_guarantee_covers_only_its_member_and_its_day(insurer, api, why, change):
    reference = hotline(insurer, "active_standard")
    body_bill = bill(demo_member("active_standard").member_id, line(1, "consultation", 30_000))
    change(body_bill)
    answer = send(api, guaranteed_claim(body_bill, reference))
    assert answer.status_code == 422, why
    assert answer.json()["code"] == "guarantee-invalid"
    assert demo_member("active_standard").member_id not in answer.text


def test_an_unknown_or_other_clinics_reference_is_refused_and_nothing_recorded(
    insurer, api, plus_clinic_api
):
    member = demo_member("active_plus").member_id
    body = guaranteed_claim(bill(member, line(1, "consultation", 30_000)), "PG-19990101-0001")
    assert send(api, body).json()["code"] == "guarantee-invalid"
    elsewhere = hotline(insurer, "active_plus", PLUS_ONLY_CLINIC_ID)
    body = guaranteed_claim(bill(member, line(1, "consultation", 30_000)), elsewhere)
    assert send(api, body).json()["code"] == "guarantee-invalid"
    assert send(plus_clinic_api, body).status_code == 201  # at the clinic it was given to


def test_the_hotline_gives_no_guarantee_for_a_card_the_clinic_cannot_direct_bill(insurer):
    for state in ("greyed_unpaid", "expired"):
        with pytest.raises(NoGuarantee):
            hotline(insurer, state)
    with pytest.raises(NoGuarantee, match="out of network"):
        hotline(insurer, "out_of_network", PLUS_ONLY_CLINIC_ID)


def test_a_pending_line_without_a_guarantee_or_a_guarantee_on_priced_lines_is_invalid(api):
    member = demo_member("active_plus").member_id
    body = guaranteed_claim(bill(member, line(1, "consultation", 30_000)), "PG-20260101-0001")
    del body["phone_guarantee"]
    assert send(api, signed(body)).status_code == 422
