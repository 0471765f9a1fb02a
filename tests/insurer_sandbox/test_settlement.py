"""The insurer's review and payment runs, the family paying what a review moved to them, and the
remittances that pay the clinic, over real HTTP on loopback (docs/demo-data.md, "Review and
payment runs").

A run reviews and pays every clinic's claims, so each test that runs one on claims of its own has
a sandbox of its own (`fresh_sandbox`); the tests that only read one paid claim's remittance
share this module's sandbox.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

import httpx
import pytest

from insurer_sandbox.cli import main
from insurer_sandbox.demo import DEMO_CLINIC_ID, DEMO_MEMBER_BY_STATE, DEMO_SIGNING_KEYS
from insurer_sandbox.server import SandboxProcess
from insurer_sandbox.settlement import (
    DEFAULT_REVIEW_SHARE,
    NOT_COVERED_AFTER_REVIEW,
    SettlementSummary,
    default_outcome,
)
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk.ecard import issue
from kiosk.insurer.models import PaymentPart, ReviewOutcome
from tests.insurer_sandbox.bills import (
    amounts,
    bill,
    estimated_claim,
    line,
    member_id,
    new_key,
    today,
)

TODAY = today()
DAY_1 = TODAY + timedelta(days=1)
"""The first run that sees today's claims: it reviews them."""
DAY_2 = TODAY + timedelta(days=2)
"""The run after it: it pays what the first one reviewed."""


def rmt(day: date, clinic: str = DEMO_CLINIC_ID) -> str:
    return f"RMT-{clinic}-{day:%Y%m%d}"


@pytest.fixture(scope="module")
def insurer(own_sandbox: SandboxProcess) -> SandboxProcess:
    """Runs review and pay every claim in the sandbox: this module has its own."""
    return own_sandbox


@pytest.fixture
def desk(fresh_sandbox: SandboxProcess, fresh_sandbox_device_key: str) -> Iterator[httpx.Client]:
    """The demo clinic's kiosk on a sandbox of this test's own."""
    headers = {"Authorization": f"Bearer {fresh_sandbox_device_key}"}
    with httpx.Client(base_url=fresh_sandbox.url, headers=headers, timeout=10) as client:
        yield client


def invoice_reviewed(outcome: ReviewOutcome) -> str:
    """An invoice number the default review share gives `outcome`."""
    return next(
        invoice
        for invoice in (f"INV-SHARE-{n}" for n in range(10_000))
        if default_outcome(DEMO_CLINIC_ID, invoice, DEFAULT_REVIEW_SHARE) is outcome
    )


def accepted(api: httpx.Client, body: dict, invoice_no: str | None = None) -> dict:
    """A claim for `body` signed on the insurer's estimate, accepted."""
    signed = estimated_claim(api, body, invoice_no)
    response = api.post("/v1/claims", json=signed, headers={"Idempotency-Key": new_key()})
    assert response.status_code == 201, response.text
    return response.json()


def the_claim(api: httpx.Client, claim_id: str) -> dict:
    response = api.get(f"/v1/claims/{claim_id}")
    assert response.status_code == 200, response.text
    return response.json()


def remittances(api: httpx.Client, start: date, end: date) -> httpx.Response:
    return api.get("/v1/remittances", params={"from": start.isoformat(), "to": end.isoformat()})


def listed(api: httpx.Client, start: date, end: date) -> list[dict]:
    response = remittances(api, start, end)
    assert response.status_code == 200, response.text
    return response.json()["remittances"]


def statement_line(api: httpx.Client, claim_id: str) -> dict:
    statement = api.get(f"/v1/statements/{TODAY.isoformat()}").json()
    return next(c for c in statement["claims"] if c["claim_id"] == claim_id)


def card(api: httpx.Client, state: str) -> dict:
    """Eligibility as the desk sees it when the family shows a fresh e-card."""
    member = DEMO_MEMBER_BY_STATE[state]
    key = next(k for k in DEMO_SIGNING_KEYS if k.status == "current")
    token = issue(
        key.private_key(), key.kid, member.member_id, member.policy_number, datetime.now(UTC)
    )
    response = api.post("/v1/eligibility/token", json={"token": token})
    assert response.status_code == 200, response.text
    return response.json()


def outpatient_used(answer: dict) -> int:
    return next(b["used_fen"] for b in answer["balances"] if b["benefit"] == "outpatient_emergency")


def cancel(api: httpx.Client, claim_id: str) -> httpx.Response:
    return api.post(f"/v1/claims/{claim_id}/cancel", json={"reason": "visit did not happen"})


def problem_code(response: httpx.Response) -> tuple[int, str]:
    assert response.headers["content-type"] == "application/problem+json"
    return response.status_code, response.json()["code"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    assert main(list(argv)) == 0
    return capsys.readouterr().out.splitlines()


# --- a claim's life: accepted, adjudicated after review, paid


def test_a_claim_is_reviewed_the_day_after_it_is_recorded_and_paid_the_day_after_that(
    fresh_sandbox: SandboxProcess, desk: httpx.Client
):
    visit = bill(member_id("active_plus"), line(1, "consultation", 50_000), line(2, "drug", 3_000))
    recorded = accepted(desk, visit, invoice_reviewed(ReviewOutcome.COMPLETE))
    claim_id, key = recorded["claim_id"], recorded["idempotency_key"]
    dropped = accepted(desk, bill(member_id("active_plus"), line(1, "drug", 1_000)))
    assert cancel(desk, dropped["claim_id"]).json()["status"] == "cancelled"

    same_day = fresh_sandbox.settle(TODAY)
    assert same_day == SettlementSummary(
        day=TODAY, paid=[], closed=[], reviewed=[], not_reviewed=[]
    )
    assert the_claim(desk, claim_id)["status"] == "accepted", "recorded today: not before today"

    review_day = fresh_sandbox.settle(DAY_1)
    assert [(r.claim_id, r.outcome, r.final_covered_fen) for r in review_day.reviewed] == [
        (claim_id, ReviewOutcome.COMPLETE, 53_000)
    ], "the default share finds this claim complete; the cancelled one is not reviewed"
    assert review_day.paid == []
    reviewed = the_claim(desk, claim_id)
    assert reviewed["status"] == "adjudicated"
    review = reviewed["review"]
    assert (review["outcome"], review["moved_to_family_fen"], review["reason"]) == (
        "complete",
        0,
        None,
    )
    assert review["adjudication"] == recorded["adjudication"], "final = as signed"
    assert datetime.fromisoformat(review["reviewed_at"]) == datetime.combine(
        DAY_1, time(9), tzinfo=BUSINESS_TZ
    )
    assert (reviewed["family_balance"], reviewed["payments"]) == (None, [])
    listed_line = statement_line(desk, claim_id)
    assert (listed_line["status"], listed_line["total_covered_fen"]) == ("adjudicated", 53_000)
    assert problem_code(cancel(desk, claim_id)) == (409, "claim-not-cancellable")
    as_if_replaced = desk.post(
        "/v1/adjudication/estimate", json=visit, params={"replaces": claim_id}
    )
    assert problem_code(as_if_replaced) == (409, "claim-not-replaceable")

    payment_day = fresh_sandbox.settle(DAY_2)
    [remittance] = payment_day.paid
    assert remittance.model_dump(mode="json") == {
        "remittance_id": rmt(DAY_2),
        "clinic_id": DEMO_CLINIC_ID,
        "payment_date": DAY_2.isoformat(),
        "payment_amount_fen": 53_000,
        "details": [
            {
                "claim_id": claim_id,
                "idempotency_key": key,
                "part": "insurer-share",
                "amount_fen": 53_000,
            }
        ],
    }
    paid = the_claim(desk, claim_id)
    assert paid["status"] == "paid"
    assert paid["payments"] == [
        {
            "remittance_id": rmt(DAY_2),
            "payment_date": DAY_2.isoformat(),
            "part": "insurer-share",
            "amount_fen": 53_000,
        }
    ]
    assert listed(desk, DAY_2, DAY_2) == [remittance.model_dump(mode="json")]
    assert problem_code(cancel(desk, claim_id)) == (409, "claim-not-cancellable")
    assert the_claim(desk, dropped["claim_id"])["payments"] == []

    wrong = fresh_sandbox.plant_remittance_detail(
        rmt(DAY_2), claim_id, key, PaymentPart.INSURER_SHARE, 52_000
    )
    assert [(d.claim_id, d.amount_fen) for d in wrong.details] == [(claim_id, 52_000)]
    assert listed(desk, DAY_2, DAY_2)[0]["payment_amount_fen"] == 52_000
    assert the_claim(desk, claim_id)["payments"] == paid["payments"], "the claim is unchanged"


# --- rejected after review: the family owes it, the card is greyed until they pay


def test_a_claim_rejected_after_review_greys_the_card_until_the_family_pays_it(
    fresh_sandbox: SandboxProcess, desk: httpx.Client
):
    state = "active_standard"
    before = card(desk, state)
    recorded = accepted(desk, bill(member_id(state), line(1, "consultation", 30_000)))
    claim_id = recorded["claim_id"]
    assert card(desk, state)["free_visits_remaining"] == before["free_visits_remaining"] - 1

    summary = fresh_sandbox.settle(DAY_1, reject=[claim_id])

    assert [(r.outcome, r.final_covered_fen, r.moved_to_family_fen) for r in summary.reviewed] == [
        (ReviewOutcome.REJECTED, 0, 30_000)
    ]
    rejected = the_claim(desk, claim_id)
    assert (rejected["status"], rejected["reject_code"]) == ("rejected", "rejected-after-review")
    assert rejected["review"]["outcome"] == "rejected"
    assert amounts(rejected["review"]["adjudication"]) == [(0, 30_000, "not-covered")]
    assert rejected["family_balance"]["amount_fen"] == 30_000
    assert rejected["family_balance"]["paid_at"] is None
    greyed = card(desk, state)
    assert (greyed["status"], greyed["direct_billing"]) == ("greyed_unpaid", False)
    assert greyed["unpaid"] == {"amount_fen": 30_000, "claim_ref": claim_id}
    assert outpatient_used(greyed) == outpatient_used(before), "the limit is given back"
    assert greyed["free_visits_remaining"] == before["free_visits_remaining"]
    statement = desk.get(f"/v1/statements/{TODAY.isoformat()}").json()
    assert statement_line(desk, claim_id)["status"] == "rejected"
    assert statement["total_covered_fen"] == 0, "a claim rejected after review pays nothing"

    with httpx.Client(base_url=fresh_sandbox.url, follow_redirects=True) as phone:
        page = phone.get(f"/demo/card/{member_id(state)}").text
        assert "支付 Pay ¥300.00" in page
        after_paying = phone.post(f"/demo/card/{member_id(state)}/pay")
    assert after_paying.status_code == 200
    assert '<div class="card standard">' in after_paying.text, "no longer greyed"
    assert "支付 Pay" not in after_paying.text
    assert card(desk, state)["status"] == "active"
    paid_at = the_claim(desk, claim_id)["family_balance"]["paid_at"]
    assert paid_at is not None

    [remittance] = fresh_sandbox.settle(DAY_2).paid
    assert [(d.claim_id, d.part, d.amount_fen) for d in remittance.details] == [
        (claim_id, PaymentPart.FAMILY_BALANCE, 30_000)
    ]
    assert the_claim(desk, claim_id)["payments"] == [
        {
            "remittance_id": rmt(DAY_2),
            "payment_date": DAY_2.isoformat(),
            "part": "family-balance",
            "amount_fen": 30_000,
        }
    ]
    assert fresh_sandbox.settle(DAY_2).paid == [], "passed on once"


# --- partly not covered: the refused lines move to the family (from the command line)


def test_a_partial_review_moves_the_named_lines_to_the_family_and_both_shares_are_paid(
    fresh_sandbox: SandboxProcess, desk: httpx.Client, capsys
):
    state = "active_plus"
    visit = bill(
        member_id(state),
        line(1, "consultation", 40_000),
        line(2, "drug", 5_000),
        line(3, "exam", 12_000),
    )
    claim_id = accepted(desk, visit)["claim_id"]
    data = str(fresh_sandbox.data_dir)

    not_covered = ["--not-covered", f"{claim_id}:2"]
    printed = run(capsys, "settle", "--date", DAY_1.isoformat(), *not_covered, "--data", data)

    assert printed == [
        f"reviewed {claim_id} partial: insurer ¥520.00, moved to the family ¥50.00 (card greyed)"
    ]
    review = the_claim(desk, claim_id)["review"]
    assert amounts(review["adjudication"]) == [
        (40_000, 0, "covered"),
        (0, 5_000, "not-covered"),
        (12_000, 0, "covered"),
    ]
    assert (review["moved_to_family_fen"], review["reason"]) == (5_000, NOT_COVERED_AFTER_REVIEW)
    listed_line = statement_line(desk, claim_id)
    assert (listed_line["total_covered_fen"], listed_line["total_patient_fen"]) == (52_000, 5_000)
    assert card(desk, state)["unpaid"] == {"amount_fen": 5_000, "claim_ref": claim_id}

    [insurer_share] = fresh_sandbox.settle(DAY_2).paid
    assert [(d.part, d.amount_fen) for d in insurer_share.details] == [
        (PaymentPart.INSURER_SHARE, 52_000)
    ]
    paid = run(capsys, "pay-balance", state, "--data", data)
    assert paid == [f"{member_id(state)} paid ¥50.00 (claims {claim_id}): the card is active again"]
    assert card(desk, state)["status"] == "active"
    again = run(capsys, "settle", "--date", DAY_2.isoformat(), "--data", data)
    assert again == [
        f"paid {rmt(DAY_2)}-2 to {DEMO_CLINIC_ID}: ¥50.00",
        f"  {claim_id} family-balance ¥50.00",
    ], "a second run the same day pays only what became due since; a remittance never changes"
    assert [
        (p["remittance_id"], p["part"], p["amount_fen"])
        for p in the_claim(desk, claim_id)["payments"]
    ] == [
        (rmt(DAY_2), "insurer-share", 52_000),
        (f"{rmt(DAY_2)}-2", "family-balance", 5_000),
    ]
    assert [r["payment_amount_fen"] for r in listed(desk, DAY_2, DAY_2)] == [52_000, 5_000]


# --- the default share


def test_the_default_share_is_the_documented_hash_of_clinic_and_invoice_number():
    invoices = [f"INV-{n:05d}" for n in range(10_000)]
    outcomes = [default_outcome(DEMO_CLINIC_ID, i, 20) for i in invoices]
    for invoice, outcome in zip(invoices[:500], outcomes, strict=False):
        h = int.from_bytes(hashlib.sha256(f"CLINIC-DEMO/{invoice}".encode()).digest()[:8], "big")
        expected = ReviewOutcome.COMPLETE
        if h % 20 == 0:
            expected = ReviewOutcome.PARTIAL
        elif h % 20 == 1 and (h // 20) % 5 == 0:
            expected = ReviewOutcome.REJECTED
        assert outcome is expected, invoice
    assert 400 < outcomes.count(ReviewOutcome.PARTIAL) < 600, "about 1 in 20"
    assert 50 < outcomes.count(ReviewOutcome.REJECTED) < 150, "about 1 in 100"
    assert {default_outcome(DEMO_CLINIC_ID, i, 0) for i in invoices} == {ReviewOutcome.COMPLETE}


def test_by_default_some_claims_are_found_partly_or_wholly_not_covered(
    fresh_sandbox: SandboxProcess, desk: httpx.Client
):
    visit = [line(1, "drug", 2_000), line(2, "consultation", 40_000), line(3, "drug", 1_000)]
    claims = {
        outcome: accepted(desk, bill(member_id("active_plus"), *visit), invoice_reviewed(outcome))
        for outcome in ReviewOutcome
    }

    fresh_sandbox.settle(DAY_1)

    partial = the_claim(desk, claims[ReviewOutcome.PARTIAL]["claim_id"])
    assert amounts(partial["review"]["adjudication"]) == [
        (2_000, 0, "covered"),
        (0, 40_000, "not-covered"),
        (1_000, 0, "covered"),
    ], "the line with the largest covered amount"
    assert partial["review"]["reason"] == "not covered after review: outside the plan's benefit"
    assert partial["status"] == "adjudicated"
    rejected = the_claim(desk, claims[ReviewOutcome.REJECTED]["claim_id"])
    assert (rejected["status"], rejected["review"]["moved_to_family_fen"]) == ("rejected", 43_000)
    complete = the_claim(desk, claims[ReviewOutcome.COMPLETE]["claim_id"])
    assert complete["review"]["adjudication"] == claims[ReviewOutcome.COMPLETE]["adjudication"]
    assert card(desk, "active_plus")["unpaid"]["amount_fen"] == 40_000 + 43_000


# --- one paid claim's remittance, shared by the tests below


@pytest.fixture(scope="module")
def paid_claim(insurer: SandboxProcess, api: httpx.Client) -> dict:
    """A claim of the demo clinic recorded today, reviewed on day 1, paid on day 2."""
    recorded = accepted(api, bill(member_id("active_plus"), line(1, "consultation", 45_000)))
    insurer.settle(DAY_1, review_share=0)
    insurer.settle(DAY_2, review_share=0)
    return recorded


def test_a_second_run_for_the_same_day_pays_nothing_more(insurer, api, paid_claim):
    before = listed(api, DAY_2, DAY_2)
    claim_before = the_claim(api, paid_claim["claim_id"])

    again = insurer.settle(DAY_2, review_share=0)

    assert (again.paid, again.reviewed, again.closed) == ([], [], [])
    assert listed(api, DAY_2, DAY_2) == before
    assert the_claim(api, paid_claim["claim_id"]) == claim_before
    assert [p["amount_fen"] for p in claim_before["payments"]] == [45_000]


def test_remittances_are_listed_by_payment_date(api, paid_claim):
    detail = {
        "claim_id": paid_claim["claim_id"],
        "idempotency_key": paid_claim["idempotency_key"],
        "part": "insurer-share",
        "amount_fen": 45_000,
    }
    answer = remittances(api, TODAY, DAY_2 + timedelta(days=10)).json()
    assert (answer["clinic_id"], answer["from_date"], answer["to_date"]) == (
        DEMO_CLINIC_ID,
        TODAY.isoformat(),
        (DAY_2 + timedelta(days=10)).isoformat(),
    )
    [remittance] = answer["remittances"]
    assert (remittance["remittance_id"], remittance["payment_date"]) == (
        rmt(DAY_2),
        DAY_2.isoformat(),
    )
    assert remittance["details"] == [detail]
    assert listed(api, TODAY, DAY_1) == [], "paid on day 2, not before"
    assert listed(api, DAY_2, DAY_2 + timedelta(days=365)) == [remittance], "366 days"


@pytest.mark.parametrize(
    "query",
    [
        {"from": DAY_2.isoformat(), "to": DAY_1.isoformat()},
        {"from": TODAY.isoformat(), "to": (TODAY + timedelta(days=366)).isoformat()},
        {"from": TODAY.isoformat()},
        {"from": TODAY.strftime("%Y%m%d"), "to": DAY_1.isoformat()},
    ],
    ids=["from-after-to", "367-days", "no-to", "not-iso"],
)
def test_a_bad_range_is_a_validation_problem(api, query):
    assert problem_code(api.get("/v1/remittances", params=query)) == (422, "validation-error")


def test_another_clinic_sees_none_of_this_clinics_remittances(plus_clinic_api, paid_claim):
    answer = remittances(plus_clinic_api, TODAY, DAY_2).json()
    assert (answer["clinic_id"], answer["remittances"]) == ("CLINIC-PLUS", [])
    assert plus_clinic_api.get(f"/v1/claims/{paid_claim['claim_id']}").status_code == 404


def test_a_planted_remittance_for_no_claim_is_listed_as_paid(insurer, api, paid_claim):
    day = DAY_2 + timedelta(days=400)  # outside the ranges the other tests list
    planted = insurer.plant_remittance_detail(
        "RMT-PLANTED-1",
        "CLM-NOWHERE",
        "no-such-key-000001",
        PaymentPart.INSURER_SHARE,
        12_345,
        payment_date=day,
    )
    key = paid_claim["idempotency_key"]
    grown = insurer.plant_remittance_detail(
        "RMT-PLANTED-1", paid_claim["claim_id"], key, PaymentPart.FAMILY_BALANCE, 100
    )

    assert planted.clinic_id == DEMO_CLINIC_ID
    [shown] = listed(api, day, day)
    assert shown == grown.model_dump(mode="json")
    assert [(d["claim_id"], d["amount_fen"]) for d in shown["details"]] == [
        ("CLM-NOWHERE", 12_345),
        (paid_claim["claim_id"], 100),
    ]
    assert shown["payment_amount_fen"] == 12_445
    payments = the_claim(api, paid_claim["claim_id"])["payments"]
    assert [p["remittance_id"] for p in payments] == [rmt(DAY_2)], "the claim is unchanged"


def test_a_run_refuses_an_unknown_claim_or_line_and_changes_nothing(insurer, api, paid_claim):
    claim_id = paid_claim["claim_id"]
    before = the_claim(api, claim_id), listed(api, TODAY, DAY_2)
    for argv in (["--reject", "CLM-NOWHERE"], ["--not-covered", f"{claim_id}:9"]):
        with pytest.raises(SystemExit, match=r"no claim CLM-NOWHERE|has no line 9"):
            main(["settle", "--date", DAY_2.isoformat(), *argv, "--data", str(insurer.data_dir)])
    assert (the_claim(api, claim_id), listed(api, TODAY, DAY_2)) == before


def test_paying_the_demos_greyed_card_lifts_the_grey(insurer, api):
    assert card(api, "greyed_unpaid")["unpaid"]["amount_fen"] == 35_600

    paid = insurer.pay_balance(member_id("greyed_unpaid"))

    assert (paid.amount_fen, paid.claims) == (35_600, [])
    answer = card(api, "greyed_unpaid")
    assert (answer["status"], answer["direct_billing"], answer["unpaid"]) == ("active", True, None)
    assert insurer.pay_balance(member_id("greyed_unpaid")).amount_fen == 0, "nothing more"
