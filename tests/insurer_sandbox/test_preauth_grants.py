"""An approval as the insurer grants it, over HTTP against the real sandbox: its window, its uses
and its amount; a cancelled claim gives back what it took; emergencies, attachments, the
information-requested state and the guarantee letter; the CNY 30,000 rule on billed cost.

The module has its own sandbox (claims change members' usage); each test works on members and
item codes of its own, so the order the tests run in does not matter.
"""

from __future__ import annotations

import base64
import hashlib
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest

from insurer_sandbox.cli import main
from insurer_sandbox.demo import DEMO_CLINICS, DEMO_MEMBER_BY_STATE
from insurer_sandbox.server import SandboxProcess
from insurer_sandbox.store import DATABASE_NAME
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
    today,
)
from tests.insurer_sandbox.older_claims import plant_rejected_claim


@pytest.fixture(scope="module")
def insurer(own_sandbox: SandboxProcess) -> SandboxProcess:
    """Claims use approvals up: this module has its own sandbox."""
    return own_sandbox


def preauth_request(state: str, item_code: str, planned: date, **changes: object) -> dict:
    return {
        "member_id": member_id(state),
        "item_code": item_code,
        "description": f"{item_code} as the desk named it",
        "category": "exam",
        "planned_date": planned.isoformat(),
        "diagnosis": "Recurrent headache (R51)",
        "estimated_cost_fen": MRI,
    } | changes


def file(api: httpx.Client, body: dict) -> httpx.Response:
    return api.post("/v1/preauths", json=body, headers={"Idempotency-Key": new_key()})


def earliest(api: httpx.Client) -> date:
    return date.fromisoformat(api.get("/v1/preauths/calendar").json()["earliest_planned_date"])


def decide(insurer: SandboxProcess, *argv: str) -> None:
    assert main(["preauth", *argv, "--data", str(insurer.data_dir)]) == 0


def approved(
    api: httpx.Client, insurer: SandboxProcess, state: str, item_code: str, *options: str
) -> dict:
    """A request for `item_code` planned on the earliest date, approved with `options`: the
    pre-auth as the desk then reads it."""
    created = file(api, preauth_request(state, item_code, earliest(api)))
    assert created.status_code == 201, created.text
    preauth_id = created.json()["preauth"]["preauth_id"]
    decide(insurer, "approve", preauth_id, *options)
    return preauth(api, preauth_id)


def preauth(api: httpx.Client, preauth_id: str) -> dict:
    response = api.get(f"/v1/preauths/{preauth_id}")
    assert response.status_code == 200, response.text
    return response.json()


def send(api: httpx.Client, signed_claim: dict) -> httpx.Response:
    return api.post("/v1/claims", json=signed_claim, headers={"Idempotency-Key": new_key()})


def submit(api: httpx.Client, body: dict) -> dict:
    """A claim for `body` signed on the insurer's estimate, as the insurer records it."""
    response = send(api, estimated_claim(api, body))
    assert response.status_code == 201, response.text
    return response.json()


def cancel(api: httpx.Client, claim_id: str) -> httpx.Response:
    return api.post(f"/v1/claims/{claim_id}/cancel", json={"reason": "billed to the wrong child"})


def eligibility(api: httpx.Client, state: str) -> dict:
    m = DEMO_MEMBER_BY_STATE[state]
    body = {
        "policy_number": m.policy_number,
        "child_name": m.child_name,
        "guardian_phone": m.guardian_phone,
    }
    return api.post("/v1/eligibility/lookup", json=body).json()


def left(grant: dict) -> tuple[int, int]:
    return grant["uses_left"], grant["amount_left_fen"]


# --- uses


def test_an_approval_is_used_once_and_a_second_claim_for_it_is_refused(api, insurer):
    granted = approved(api, insurer, "active_standard", "EXAM-MRI-A")
    grant = granted["grant"]
    assert (grant["approved_fen"], grant["uses_allowed"], left(grant)) == (MRI, 1, (1, MRI))
    assert grant["auth_number"].startswith(f"GL-{today().year}-")
    assert grant["item_codes"] == ["EXAM-MRI-A"]
    mri = bill(member_id("active_standard"), line(1, "exam", MRI, item_code="EXAM-MRI-A"))

    signed_elsewhere = claim(mri, estimate(api, mri))
    first = submit(api, mri)
    assert first["status"] == "accepted"
    [paid] = first["adjudication"]["lines"]
    assert (paid["covered_fen"], paid["reason"]) == (MRI, "preauth-approved")
    assert paid["preauth_ref"] == grant["auth_number"]
    assert left(preauth(api, granted["preauth_id"])["grant"]) == (0, 0)

    stale = send(api, signed_elsewhere)
    assert (stale.status_code, stale.json()["code"]) == (409, "adjudication-changed")
    second = submit(api, mri)
    assert second["status"] == "accepted"
    assert amounts(second["adjudication"]) == [(0, MRI, "preauth-used")]
    assert second["adjudication"]["lines"][0]["preauth_ref"] is None
    assert left(preauth(api, granted["preauth_id"])["grant"]) == (0, 0), "nothing more taken"


def test_a_claim_signed_on_other_amounts_takes_nothing_from_the_approval(api, insurer):
    granted = approved(api, insurer, "active_standard", "EXAM-MRI-R")
    mri = bill(member_id("active_standard"), line(1, "exam", MRI, item_code="EXAM-MRI-R"))
    refused = send(api, claim(mri, MRI - 1))
    assert (refused.status_code, refused.json()["code"]) == (409, "adjudication-changed")
    assert left(preauth(api, granted["preauth_id"])["grant"]) == (1, MRI)


def test_each_unit_of_a_line_uses_one_use(api, insurer):
    granted = approved(
        api, insurer, "plus_free_visits_used_up", "TRT-COURSE", "--uses", "2", "--amount", "20000"
    )
    three = bill(
        member_id("plus_free_visits_used_up"),
        line(1, "treatment", 500_000, item_code="TRT-COURSE", quantity=3),
    )
    answer = estimate(api, three)
    assert amounts(answer) == [(1_000_000, 500_000, "preauth-used")]
    assert answer["lines"][0]["preauth_ref"] == granted["grant"]["auth_number"]


def test_later_lines_of_a_bill_see_what_earlier_lines_took(api, insurer):
    approved(
        api, insurer, "plus_free_visits_used_up", "EXAM-PAIR", "--uses", "3", "--amount", "10000"
    )
    pair = bill(
        member_id("plus_free_visits_used_up"),
        line(1, "exam", 600_000, item_code="EXAM-PAIR"),
        line(2, "exam", 600_000, item_code="EXAM-PAIR"),
        line(3, "exam", 600_000, item_code="EXAM-PAIR"),
    )
    assert amounts(estimate(api, pair)) == [
        (600_000, 0, "preauth-approved"),
        (400_000, 200_000, "preauth-amount-exceeded"),
        (0, 600_000, "preauth-amount-exceeded"),
    ]


# --- window


def test_a_service_date_outside_the_window_is_the_familys(api, insurer):
    start, end = today() + timedelta(days=3), today() + timedelta(days=10)
    granted = approved(
        api,
        insurer,
        "active_plus",
        "EXAM-WINDOW",
        "--from",
        start.isoformat(),
        "--until",
        end.isoformat(),
    )
    assert (granted["grant"]["valid_from"], granted["grant"]["valid_until"]) == (
        start.isoformat(),
        end.isoformat(),
    )

    def on(day: date) -> list[tuple[int, int, str]]:
        mri = line(1, "exam", MRI, item_code="EXAM-WINDOW")
        return amounts(estimate(api, bill(member_id("active_plus"), mri, service_date=day)))

    assert on(start - timedelta(days=1)) == [(0, MRI, "preauth-outside-validity")]
    assert on(start) == [(MRI, 0, "preauth-approved")]
    assert on(end) == [(MRI, 0, "preauth-approved")]
    assert on(end + timedelta(days=1)) == [(0, MRI, "preauth-outside-validity")]


def test_by_default_an_approval_runs_from_today_to_30_days_after_the_planned_date(api, insurer):
    granted = approved(api, insurer, "active_plus", "EXAM-DEFAULT")
    planned = date.fromisoformat(granted["planned_date"])
    grant = granted["grant"]
    assert grant["valid_from"] == today().isoformat()
    assert grant["valid_until"] == (planned + timedelta(days=30)).isoformat()
    assert (grant["uses_allowed"], grant["approved_fen"], grant["categories"]) == (1, MRI, [])


# --- amount


def test_over_the_approved_amount_the_family_pays_the_rest_to_the_fen(api, insurer):
    granted = approved(api, insurer, "free_visits_used_up", "EXAM-MRI-O", "--amount", "5,000.01")
    assert granted["grant"]["approved_fen"] == 500_001
    mri = bill(member_id("free_visits_used_up"), line(1, "exam", MRI, item_code="EXAM-MRI-O"))
    result = submit(api, mri)
    assert result["status"] == "accepted"
    assert amounts(result["adjudication"]) == [(500_001, 179_999, "preauth-amount-exceeded")]
    assert result["adjudication"]["lines"][0]["preauth_ref"] == granted["grant"]["auth_number"]
    assert left(preauth(api, granted["preauth_id"])["grant"]) == (0, 0)


def test_a_whole_category_can_be_approved(api, insurer):
    approved(
        api,
        insurer,
        "plus_free_visits_used_up",
        "TRT-FIRST",
        "--categories",
        "treatment",
        "--uses",
        "4",
        "--amount",
        "4000",
    )
    course = bill(
        member_id("plus_free_visits_used_up"),
        line(
            1, "treatment", 90_000, item_code="TRT-OTHER", preauth_class="major-illness-treatment"
        ),
        line(2, "exam", 90_000, item_code="EXAM-OTHER", preauth_class="major-exam"),
    )
    assert amounts(estimate(api, course)) == [
        (90_000, 0, "preauth-approved"),
        (0, 90_000, "preauth-required"),
    ]


# --- cancelled claims


def test_a_cancelled_claim_gives_the_use_back_and_a_new_claim_is_covered_again(api, insurer):
    state = "out_of_network"  # in network at the demo clinic
    granted = approved(api, insurer, state, "EXAM-MRI-C")
    mri = bill(
        member_id(state),
        line(1, "consultation", 30_000),
        line(2, "exam", MRI, item_code="EXAM-MRI-C"),
    )
    before = eligibility(api, state)
    first = submit(api, mri)
    assert first["adjudication"]["free_visit_used"] is True
    during = eligibility(api, state)
    assert during["cumulative"]["billed_fen"] == before["cumulative"]["billed_fen"] + 30_000 + MRI
    assert during["free_visits_remaining"] == before["free_visits_remaining"] - 1
    assert amounts(estimate(api, mri))[1] == (0, MRI, "preauth-used")

    cancelled = cancel(api, first["claim_id"])
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json() == first | {"status": "cancelled"}
    after = eligibility(api, state)
    for field in ("balances", "free_visits_remaining", "cumulative"):
        assert after[field] == before[field], field
    assert left(preauth(api, granted["preauth_id"])["grant"]) == (1, MRI)
    assert api.get(f"/v1/claims/{first['claim_id']}").json()["status"] == "cancelled"

    again = submit(api, mri)
    assert amounts(again["adjudication"])[1] == (MRI, 0, "preauth-approved")
    assert left(preauth(api, granted["preauth_id"])["grant"]) == (0, 0)

    statement = api.get(f"/v1/statements/{today().isoformat()}").json()
    listed = {c["claim_id"]: c["status"] for c in statement["claims"]}
    assert (listed[first["claim_id"]], listed[again["claim_id"]]) == ("cancelled", "accepted")
    payable = [c for c in statement["claims"] if c["status"] not in ("rejected", "cancelled")]
    assert statement["total_covered_fen"] == sum(c["total_covered_fen"] for c in payable)


def test_cancelling_twice_answers_the_same_and_gives_back_once(api, insurer):
    state = "out_of_network"
    visit = bill(member_id(state), line(1, "drug", 4_000))
    first = submit(api, visit)
    before = eligibility(api, state)
    once = cancel(api, first["claim_id"])
    twice = cancel(api, first["claim_id"])
    assert (once.status_code, twice.status_code) == (200, 200)
    assert once.json() == twice.json()
    used = next(
        b for b in eligibility(api, state)["balances"] if b["benefit"] == "outpatient_emergency"
    )
    was = next(b for b in before["balances"] if b["benefit"] == "outpatient_emergency")
    assert used["used_fen"] == was["used_fen"] - 4_000


def test_only_an_accepted_claim_of_this_clinic_can_be_cancelled(api, plus_clinic_api, insurer):
    visit = bill(member_id("active_plus"), line(1, "drug", 500))
    rejected = plant_rejected_claim(insurer.data_dir, "CLINIC-DEMO", claim(visit, 499))
    refused = cancel(api, rejected.claim_id)
    assert (refused.status_code, refused.json()["code"]) == (409, "claim-not-cancellable")
    assert refused.headers["content-type"] == "application/problem+json"
    accepted = submit(api, visit)
    elsewhere = cancel(plus_clinic_api, accepted["claim_id"])
    nowhere = cancel(api, "CLM-NOSUCHCLAIM")
    assert (elsewhere.status_code, elsewhere.json()) == (404, nowhere.json())
    assert api.get(f"/v1/claims/{accepted['claim_id']}").json()["status"] == "accepted"
    empty = api.post(f"/v1/claims/{accepted['claim_id']}/cancel", json={"reason": ""})
    assert (empty.status_code, empty.json()["code"]) == (422, "validation-error")


# --- emergencies


def test_an_emergency_request_needs_no_lead_time(api):
    body = preauth_request("preauth_pending", "SUR001", today(), category="surgery", emergency=True)
    created = file(api, body)
    assert created.status_code == 201, created.text
    answer = created.json()
    assert (answer["preauth"]["status"], answer["preauth"]["emergency"]) == ("pending", True)
    assert answer["calendar"]["required_working_days"] == 0
    assert answer["calendar"]["earliest_planned_date"] == today().isoformat()

    not_emergency = file(api, body | {"emergency": False})
    assert (not_emergency.status_code, not_emergency.json()["code"]) == (422, "preauth-lead-time")
    yesterday = file(api, body | {"planned_date": (today() - timedelta(days=1)).isoformat()})
    assert (yesterday.status_code, yesterday.json()["code"]) == (422, "preauth-lead-time")


def test_an_emergency_approved_the_day_after_covers_the_day_it_happened(
    fresh_sandbox: SandboxProcess, fresh_sandbox_device_key
):
    headers = {"Authorization": f"Bearer {fresh_sandbox_device_key}"}
    with httpx.Client(base_url=fresh_sandbox.url, headers=headers) as client:
        body = preauth_request("active_plus", "SUR001", today(), category="surgery", emergency=True)
        created = file(client, body).json()["preauth"]
        fresh_sandbox.set_clock(datetime.now(UTC) + timedelta(days=1))
        decide(fresh_sandbox, "approve", created["preauth_id"])
        grant = preauth(client, created["preauth_id"])["grant"]
    assert grant["valid_from"] == today().isoformat(), "the planned day, before the decision"


# --- information requested, denial, attachments


def test_the_insurer_can_ask_for_more_information(api, insurer):
    created = file(api, preauth_request("active_plus", "EXAM-INFO", earliest(api))).json()
    preauth_id = created["preauth"]["preauth_id"]
    decide(insurer, "info", preauth_id, "--note", "请补充头痛日记 / Send the headache diary")
    asked = preauth(api, preauth_id)
    assert (asked["status"], asked["decision_note"], asked["grant"]) == (
        "info_requested",
        "请补充头痛日记 / Send the headache diary",
        None,
    )
    assert asked["decided_at"] is not None
    mri = bill(member_id("active_plus"), line(1, "exam", MRI, item_code="EXAM-INFO"))
    assert amounts(estimate(api, mri)) == [(0, MRI, "preauth-required")]
    letter = api.get(f"/v1/preauths/{preauth_id}/letter")
    assert (letter.status_code, letter.json()["code"]) == (409, "preauth-not-approved")

    decide(insurer, "approve", preauth_id)
    assert preauth(api, preauth_id)["status"] == "approved"
    assert amounts(estimate(api, mri)) == [(MRI, 0, "preauth-approved")]


def test_asking_for_information_needs_a_note(insurer):
    with pytest.raises(SystemExit):
        main(["preauth", "info", "PA-DEMO-0109", "--data", str(insurer.data_dir)])


@pytest.mark.parametrize(
    "options",
    [
        ["--uses", "0"],
        ["--amount", "0"],
        ["--from", "2026-12-20", "--until", "2026-12-19"],
    ],
    ids=["no uses", "no amount", "empty window"],
)
def test_an_approval_that_grants_nothing_is_refused(insurer, options):
    with pytest.raises(SystemExit, match="kiosk-sandbox:"):
        main(["preauth", "approve", "PA-DEMO-0109", *options, "--data", str(insurer.data_dir)])


def test_a_denial_carries_its_note(api, insurer):
    created = file(api, preauth_request("active_plus", "EXAM-DENY", earliest(api))).json()
    preauth_id = created["preauth"]["preauth_id"]
    decide(insurer, "deny", preauth_id, "--note", "Not medically necessary")
    denied = preauth(api, preauth_id)
    assert (denied["status"], denied["decision_note"], denied["grant"]) == (
        "denied",
        "Not medically necessary",
        None,
    )


PDF = b"%PDF-1.4\n% a doctor's note\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def test_attachments_are_kept_and_answered_as_summaries(api, insurer):
    attachments = [
        {"title": "转诊单 Referral", "content_type": "application/pdf", "data": PDF},
        {"title": "X-ray photo", "content_type": "image/png", "data": PNG},
    ]
    body = preauth_request("preauth_approved", "EXAM-ATT", earliest(api)) | {
        "attachments": [a | {"data": base64.b64encode(a["data"]).decode()} for a in attachments]
    }
    created = file(api, body)
    assert created.status_code == 201, created.text
    expected = [
        {
            "title": a["title"],
            "content_type": a["content_type"],
            "size": len(a["data"]),
            "sha256": hashlib.sha256(a["data"]).hexdigest(),
        }
        for a in attachments
    ]
    assert created.json()["preauth"]["attachments"] == expected
    preauth_id = created.json()["preauth"]["preauth_id"]
    assert preauth(api, preauth_id)["attachments"] == expected
    with closing(sqlite3.connect(insurer.data_dir / DATABASE_NAME)) as db:
        kept = db.execute(
            "SELECT data FROM preauth_attachments WHERE preauth_id = ? ORDER BY position",
            (preauth_id,),
        ).fetchall()
    assert [bytes(row[0]) for row in kept] == [PDF, PNG]


@pytest.mark.parametrize(
    ("attachment", "why"),
    [
        ({"title": "scan", "content_type": "image/gif", "data": "R0lG"}, "not a PDF/PNG/JPEG"),
        ({"title": "", "content_type": "application/pdf", "data": "JVBERi0="}, "no title"),
        (
            {
                "title": "huge",
                "content_type": "application/pdf",
                "data": base64.b64encode(bytes(2 * 1024 * 1024 + 1)).decode(),
            },
            "over 2 MiB",
        ),
    ],
    ids=["type", "title", "size"],
)
def test_an_attachment_the_desk_should_not_send_is_refused(api, attachment, why):
    body = preauth_request("preauth_approved", "EXAM-ATT-X", earliest(api)) | {
        "attachments": [attachment]
    }
    response = file(api, body)
    assert (response.status_code, response.json()["code"]) == (422, "validation-error"), why


# --- the guarantee letter


def test_the_guarantee_letter_of_an_approved_preauth(api):
    letter = api.get("/v1/preauths/PA-DEMO-0108/letter")
    assert letter.status_code == 200, letter.text
    answer = letter.json()
    listed = preauth(api, "PA-DEMO-0108")
    assert answer["grant"] == listed["grant"]
    assert answer["auth_number"] == listed["grant"]["auth_number"]
    assert answer["issued_at"] == listed["decided_at"]
    assert (answer["insurer_name"], answer["clinic_id"], answer["clinic_name"]) == (
        "京东安联保险 JD Allianz",
        "CLINIC-DEMO",
        DEMO_CLINICS["CLINIC-DEMO"],
    )
    member = DEMO_MEMBER_BY_STATE["preauth_approved"]
    assert (answer["member_id"], answer["member_name_masked"], answer["policy_number"]) == (
        member.member_id,
        "周**",
        member.policy_number,
    )
    assert (answer["item_code"], answer["diagnosis"]) == ("SURG-TONSIL", listed["diagnosis"])
    grant = answer["grant"]
    assert (grant["approved_fen"], grant["uses_allowed"], grant["item_codes"]) == (
        1_800_000,
        1,
        ["SURG-TONSIL"],
    )
    terms = answer["terms"]
    pairs = [term.split("\n") for term in terms]
    assert all(len(pair) == 2 for pair in pairs), "each term: its Chinese, then its English"
    chinese, english = [p[0] for p in pairs], [p[1] for p in pairs]
    assert all(any("\u4e00" <= c <= "\u9fff" for c in t) for t in chinese)
    assert not any("\u4e00" <= c <= "\u9fff" for t in english for c in t.replace("风石健康", ""))
    text = "\n".join(terms)
    for fact in (
        grant["valid_from"],
        grant["valid_until"],
        "¥18,000.00",
        "SURG-TONSIL",
        "the family pays what is above the approved amount",
        "超出担保金额的部分由家庭自付",
        "021-80209058",
        grant["auth_number"],
    ):
        assert fact in text, fact


@pytest.mark.parametrize(
    ("preauth_id", "status"), [("PA-DEMO-0109", "pending"), ("PA-DEMO-0114", "denied")]
)
def test_no_letter_for_a_preauth_not_approved(api, preauth_id, status):
    response = api.get(f"/v1/preauths/{preauth_id}/letter")
    assert (response.status_code, response.json()["code"]) == (409, "preauth-not-approved")
    assert status in response.json()["detail"]


def test_no_letter_and_no_preauth_for_an_unknown_id(api):
    for path in ("/v1/preauths/PA-NOSUCH", "/v1/preauths/PA-NOSUCH/letter"):
        response = api.get(path)
        assert (response.status_code, response.json()["code"]) == (404, "not-found")


# --- the CNY 30,000 rule, on billed cost


def test_the_30000_rule_counts_what_was_billed_whoever_paid(api):
    state = "near_preauth_threshold"
    mid = member_id(state)
    before = eligibility(api, state)
    assert before["cumulative"]["billed_fen"] == 2_850_000
    assert before["cumulative"]["threshold_fen"] == 3_000_000
    assert before["cumulative"]["policy_year_start"] == before["coverage"]["period_start"]
    covered = sum(b["used_fen"] for b in before["balances"])
    assert covered == 1_200_000, "billed, not covered: the insurer paid CNY 12,000 of it"

    at = estimate(api, bill(mid, line(1, "exam", 150_000)))
    assert amounts(at) == [(150_000, 0, "covered")], "exactly CNY 30,000 is not over it"
    over = estimate(api, bill(mid, line(1, "exam", 150_001)))
    assert amounts(over) == [(0, 150_001, "preauth-required")]
    consultation = estimate(
        api, bill(mid, line(1, "consultation", 160_000), line(2, "treatment", 20_000))
    )
    assert amounts(consultation) == [(160_000, 0, "covered"), (0, 20_000, "preauth-required")]

    refused = send(api, claim(bill(mid, line(1, "vaccine", 100_000)), 1))
    assert (refused.status_code, refused.json()["code"]) == (409, "adjudication-changed")
    assert eligibility(api, state)["cumulative"]["billed_fen"] == 2_850_000, "refused: not billed"
    family_paid = submit(api, bill(mid, line(1, "vaccine", 100_000)))
    assert amounts(family_paid["adjudication"]) == [(0, 100_000, "not-covered")]
    assert eligibility(api, state)["cumulative"]["billed_fen"] == 2_950_000
    assert amounts(estimate(api, bill(mid, line(1, "exam", 50_001)))) == [
        (0, 50_001, "preauth-required")
    ], "the family-paid vaccine counts towards the CNY 30,000"
    assert amounts(estimate(api, bill(mid, line(1, "exam", 50_000))))[0][2] == "covered"
