"""Claims over real HTTP on loopback: idempotency, concurrency, usage, statement, durability."""

from __future__ import annotations

import copy
import sqlite3
import threading
from contextlib import closing
from datetime import timedelta

import httpx
import pytest

from insurer_sandbox.cli import main
from insurer_sandbox.demo import DEMO_MEMBER_BY_STATE
from insurer_sandbox.server import SandboxProcess
from insurer_sandbox.store import DATABASE_NAME, SCHEMA_VERSION, Store
from tests.insurer_sandbox.bills import (
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
    """Claims change members' usage: this module has its own sandbox."""
    return own_sandbox


def submit(api: httpx.Client, body: dict, key: str | None) -> httpx.Response:
    headers = {"Idempotency-Key": key} if key is not None else {}
    return api.post("/v1/claims", json=body, headers=headers)


def balances(api: httpx.Client, state: str) -> tuple[int, int]:
    """(free visits remaining, outpatient used) as the desk would read them."""
    m = DEMO_MEMBER_BY_STATE[state]
    body = {
        "policy_number": m.policy_number,
        "child_name": m.child_name,
        "guardian_phone": m.guardian_phone,
    }
    answer = api.post("/v1/eligibility/lookup", json=body).json()
    outpatient = next(b for b in answer["balances"] if b["benefit"] == "outpatient_emergency")
    return answer["free_visits_remaining"], outpatient["used_fen"]


def statement_claims(api: httpx.Client, key: str) -> list[dict]:
    statement = api.get(f"/v1/statements/{today().isoformat()}").json()
    return [c for c in statement["claims"] if c["idempotency_key"] == key]


def test_same_key_and_body_twice_is_one_claim_with_the_same_answer(api):
    body = estimated_claim(api, bill(member_id("active_plus"), line(1, "consultation", 50_000)))
    key = new_key()
    free_visits, used = balances(api, "active_plus")
    first = submit(api, body, key)
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "accepted"
    again = submit(api, body, key)
    assert again.status_code == 200
    assert again.json() == first.json()
    assert len(statement_claims(api, key)) == 1
    assert balances(api, "active_plus") == (free_visits - 1, used + 50_000)


def test_same_key_with_another_body_is_a_conflict_and_changes_nothing(api):
    key = new_key()
    body = estimated_claim(api, bill(member_id("active_plus"), line(1, "drug", 1_000)))
    assert submit(api, body, key).status_code == 201
    before = balances(api, "active_plus")
    changed = estimated_claim(api, bill(member_id("active_plus"), line(1, "drug", 1_001)))
    response = submit(api, changed, key)
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "idempotency-conflict"
    assert balances(api, "active_plus") == before
    assert [c["total_submitted_fen"] for c in statement_claims(api, key)] == [1_000]


def test_the_same_bill_under_another_key_is_refused_naming_the_first_claim(api, plus_clinic_api):
    body = estimated_claim(api, bill(member_id("active_plus"), line(1, "drug", 800)))
    first = submit(api, body, new_key())
    assert first.status_code == 201, first.text
    before = balances(api, "active_plus")
    again_key = new_key()
    again = submit(api, body, again_key)
    assert (again.status_code, again.json()["code"]) == (409, "duplicate-claim")
    assert again.headers["content-type"] == "application/problem+json"
    assert first.json()["claim_id"] in again.json()["detail"]
    assert balances(api, "active_plus") == before
    assert statement_claims(api, again_key) == []
    elsewhere = submit(plus_clinic_api, body, new_key())
    assert elsewhere.status_code == 201, "invoice numbers are per clinic"


def test_the_same_body_spelled_differently_is_the_same_request(api):
    key = new_key()
    body = estimated_claim(api, bill(member_id("active_plus"), line(1, "drug", 700)))
    first = submit(api, body, key)
    reordered = dict(reversed(list(body.items())))
    reordered["bill"]["lines"][0] = dict(reversed(list(body["bill"]["lines"][0].items())))
    again = submit(api, reordered, key)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["claim_id"] == first.json()["claim_id"]


def test_the_key_is_per_clinic(api, plus_clinic_api):
    key = new_key()
    body = estimated_claim(api, bill(member_id("active_plus"), line(1, "drug", 300)))
    here = submit(api, body, key)
    there = submit(plus_clinic_api, body, key)
    assert (here.status_code, there.status_code) == (201, 201)
    assert here.json()["claim_id"] != there.json()["claim_id"]


def test_a_claim_needs_an_idempotency_key(api):
    body = claim(bill(member_id("active_plus"), line(1, "drug", 100)), 100)
    missing = submit(api, body, None)
    assert (missing.status_code, missing.json()["code"]) == (400, "idempotency-key-required")
    short = submit(api, body, "too-short")
    assert (short.status_code, short.json()["code"]) == (422, "validation-error")


def test_simultaneous_identical_submissions_make_one_claim(api, insurer):
    body = estimated_claim(
        api, bill(member_id("preauth_approved"), line(1, "consultation", 40_000))
    )
    key = new_key()
    free_visits, used = balances(api, "preauth_approved")
    start = threading.Barrier(8)
    answers: list[httpx.Response] = []

    def send() -> None:
        with httpx.Client(base_url=insurer.url, headers=api.headers, timeout=20) as client:
            start.wait()
            answers.append(submit(client, body, key))

    threads = [threading.Thread(target=send) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(a.status_code for a in answers) == [200] * 7 + [201]
    assert len({a.json()["claim_id"] for a in answers}) == 1
    assert len(statement_claims(api, key)) == 1
    assert balances(api, "preauth_approved") == (free_visits - 1, used + 40_000)


def test_claims_use_up_free_visits_then_the_copay_applies(api):
    # The out_of_network member is a standard member with all 5 free visits at this clinic.
    mid = member_id("out_of_network")
    for visit in range(5):
        body = estimated_claim(api, bill(mid, line(1, "consultation", 30_000)), f"INV-{visit}")
        assert submit(api, body, new_key()).json()["adjudication"]["free_visit_used"] is True
    assert balances(api, "out_of_network") == (0, 150_000)
    sixth = api.post("/v1/adjudication/estimate", json=bill(mid, line(1, "consultation", 30_000)))
    assert sixth.json()["lines"][0]["covered_fen"] == 15_000


def test_a_claim_covers_up_to_the_annual_limit_then_nothing(api):
    mid = member_id("near_annual_limit")
    first = estimated_claim(api, bill(mid, line(1, "treatment", 60_000, item_code="TRT-REHAB")))
    assert submit(api, first, new_key()).json()["status"] == "accepted"
    second = estimated_claim(api, bill(mid, line(1, "treatment", 60_000, item_code="TRT-REHAB")))
    answer = submit(api, second, new_key()).json()
    assert answer["adjudication"]["lines"][0]["reason"] == "limit-exhausted"
    assert balances(api, "near_annual_limit")[1] == 10_000_000


def test_a_claim_signed_before_the_fully_paid_visit_was_used_is_refused_and_recorded_nowhere(api):
    """Two desks estimate a visit for a child with one fully-paid visit left; the first claim
    takes it. The second claim was signed on amounts that are no longer true: refused, nothing
    recorded, and the same bill estimated again and signed again is accepted."""
    state = "preauth_used"  # standard tier, 2 fully-paid visits left; no other test here uses it
    mid = member_id(state)
    assert submit(api, estimated_claim(api, bill(mid, line(1, "drug", 900))), new_key()).is_success
    assert balances(api, state)[0] == 1
    visit = bill(mid, line(1, "consultation", 30_000), line(2, "drug", 2_000))
    here = estimated_claim(api, bill(mid, line(1, "consultation", 25_000)))
    there = estimated_claim(api, visit, "INV-STALE-1")
    assert there["shown"]["adjudication"]["free_visit_used"] is True
    assert submit(api, here, new_key()).status_code == 201
    before = balances(api, state)
    key = new_key()

    stale = submit(api, there, key)

    assert (stale.status_code, stale.json()["code"]) == (409, "adjudication-changed")
    assert stale.headers["content-type"] == "application/problem+json"
    assert stale.json()["detail"].startswith(
        "the insurer's adjudication is no longer the one signed (line 1, line 2, the fully-paid "
        "visit changed)"
    )
    assert mid not in stale.text
    assert balances(api, state) == before == (0, before[1])
    assert statement_claims(api, key) == []
    resigned = estimated_claim(api, visit, "INV-STALE-1")
    assert amounts(resigned["shown"]["adjudication"]) == [
        (15_000, 15_000, "copay-after-free-visits"),
        (1_000, 1_000, "copay-after-free-visits"),
    ]
    accepted = submit(api, resigned, key)
    assert accepted.status_code == 201, "nothing was recorded under the key or the invoice"
    assert accepted.json()["adjudication"] == resigned["shown"]["adjudication"]
    assert balances(api, state) == (0, before[1] + 16_000)


def test_a_claim_signed_on_another_reason_or_auth_number_is_refused(api):
    """The same amounts for another reason are another bill: the family saw why they pay."""
    body = bill(member_id("active_plus"), line(1, "drug", 1_100))
    shown = estimate(api, body)
    shown["lines"][0]["preauth_ref"] = "GL-2026-000000"
    response = submit(api, claim(body, shown), new_key())
    assert (response.status_code, response.json()["code"]) == (409, "adjudication-changed")
    assert "(line 1 changed)" in response.json()["detail"]


def test_a_rejected_claim_an_older_sandbox_recorded_is_still_answered(api, insurer):
    body = claim(bill(member_id("active_standard"), line(1, "consultation", 30_000)), 29_999)
    older = plant_rejected_claim(insurer.data_dir, "CLINIC-DEMO", body)
    answer = api.get(f"/v1/claims/{older.claim_id}")
    assert answer.status_code == 200, answer.text
    assert (answer.json()["status"], answer.json()["reject_code"]) == (
        "rejected",
        "covered-amount-changed",
    )
    [listed] = statement_claims(api, older.idempotency_key)
    assert (listed["status"], listed["total_covered_fen"]) == ("rejected", 29_999)


@pytest.mark.parametrize(
    ("state", "client"),
    [
        ("greyed_unpaid", "api"),
        ("expired", "api"),
        ("out_of_network", "plus_clinic_api"),
    ],
)
def test_no_claim_when_the_clinic_cannot_direct_bill(request, state, client):
    caller: httpx.Client = request.getfixturevalue(client)
    key = new_key()
    body = claim(bill(member_id(state), line(1, "consultation", 30_000)), 0)
    response = submit(caller, body, key)
    assert (response.status_code, response.json()["code"]) == (422, "member-not-eligible")
    assert statement_claims(caller, key) == []


def test_a_signature_for_another_bill_is_refused(api):
    body = claim(bill(member_id("active_plus"), line(1, "drug", 100)), 100)
    body["signature"]["bill_hash"] = "0" * 64
    response = submit(api, body, new_key())
    assert (response.status_code, response.json()["code"]) == (422, "validation-error")


def _two_line_claim(api: httpx.Client) -> dict:
    return estimated_claim(
        api, bill(member_id("active_plus"), line(1, "drug", 1_000), line(2, "exam", 2_000))
    )


def _pay_otherwise(body: dict) -> None:
    """One fen of line 2 moved between the insurer's share and the family's."""
    shown = body["shown"]["adjudication"]
    fen = 1 if shown["lines"][1]["covered_fen"] else -1
    shown["lines"][1]["covered_fen"] -= fen
    shown["lines"][1]["patient_fen"] += fen
    shown["total_covered_fen"] -= fen
    shown["total_patient_fen"] += fen
    body["expected_covered_fen"] -= fen


CHANGED_AFTER_SIGNING = {
    "description": lambda b: b["bill"]["lines"][1].update(description="another exam"),
    "item code": lambda b: b["bill"]["lines"][1].update(item_code="EXAM-OTHER"),
    "category": lambda b: b["bill"]["lines"][1].update(category="treatment"),
    "pre-auth": lambda b: b["bill"]["lines"][1].update(preauth_id="PA-DEMO-0108"),
    "same amount, other quantity": lambda b: b["bill"]["lines"][1].update(
        quantity=2, unit_price_fen=1_000
    ),
    "service date": lambda b: b["bill"].update(service_date="2020-01-01"),
    "clinic": lambda b: b["shown"].update(provider_display="另一家诊所"),
    "english name": lambda b: b["shown"]["item_display_en"].update({"DRUG-1": "Other"}),
    "who pays": _pay_otherwise,
    "reason": lambda b: b["shown"]["adjudication"]["lines"][0].update(reason="preauth-approved"),
    "free visit": lambda b: b["shown"]["adjudication"].update(free_visit_used=True),
    "invoice number": lambda b: b.update(clinic_invoice_no="INV-OTHER"),
    "hash": lambda b: (b.update(bill_hash="a" * 64), b["signature"].update(bill_hash="a" * 64)),
}


@pytest.mark.parametrize("change", list(CHANGED_AFTER_SIGNING), ids=list(CHANGED_AFTER_SIGNING))
def test_a_claim_whose_hash_is_not_of_what_it_shows_is_refused_and_recorded_nowhere(api, change):
    honest = _two_line_claim(api)
    changed = copy.deepcopy(honest)
    CHANGED_AFTER_SIGNING[change](changed)
    before = balances(api, "active_plus")
    key = new_key()
    response = submit(api, changed, key)
    assert (response.status_code, response.json()["code"]) == (422, "bill-hash-mismatch")
    assert response.headers["content-type"] == "application/problem+json"
    assert statement_claims(api, key) == []
    assert balances(api, "active_plus") == before
    assert submit(api, honest, key).status_code == 201, "the key was not used up"


def _drop_line_2(body: dict) -> None:
    shown = body["shown"]["adjudication"]
    del shown["lines"][1]
    kept = shown["lines"][0]
    for part in ("submitted", "covered", "patient"):
        shown[f"total_{part}_fen"] = kept[f"{part}_fen"]
    body["expected_covered_fen"] = kept["covered_fen"]


SHOWN_ANOTHER_BILL = {
    "a line missing": _drop_line_2,
    "another amount": lambda b: b["bill"]["lines"][1].update(quantity=2),
    "a name for an item not on the bill": lambda b: b["shown"]["item_display_en"].update(
        {"NOT-ON-BILL": "Something else"}
    ),
    "another insurer share than shown": lambda b: b.update(
        expected_covered_fen=b["expected_covered_fen"] + 1
    ),
}


@pytest.mark.parametrize("change", list(SHOWN_ANOTHER_BILL), ids=list(SHOWN_ANOTHER_BILL))
def test_a_claim_showing_another_bill_than_it_claims_is_refused(api, change):
    body = _two_line_claim(api)
    SHOWN_ANOTHER_BILL[change](body)
    key = new_key()
    response = submit(api, body, key)
    assert (response.status_code, response.json()["code"]) == (422, "validation-error")
    assert statement_claims(api, key) == []


HEAD = {"seq": 41, "hash": "0123456789abcdef" * 4}


def test_the_statement_lists_each_claims_audit_head(api):
    with_head = estimated_claim(api, bill(member_id("active_plus"), line(1, "drug", 600))) | {
        "audit_head": HEAD
    }
    without = estimated_claim(api, bill(member_id("active_plus"), line(1, "drug", 600)))
    keys = {"with": new_key(), "without": new_key()}
    assert submit(api, with_head, keys["with"]).status_code == 201
    assert submit(api, without, keys["without"]).status_code == 201
    assert [c["audit_head"] for c in statement_claims(api, keys["with"])] == [HEAD]
    assert [c["audit_head"] for c in statement_claims(api, keys["without"])] == [None]
    assert submit(api, with_head, keys["with"]).status_code == 200, "a replay"
    later_head = with_head | {"audit_head": {"seq": 42, "hash": "f" * 64}}
    conflict = submit(api, later_head, keys["with"])
    assert (conflict.status_code, conflict.json()["code"]) == (409, "idempotency-conflict")


@pytest.mark.parametrize(
    "head",
    [
        {"seq": 0, "hash": "a" * 64},
        {"seq": "1", "hash": "a" * 64},
        {"seq": 1.0, "hash": "a" * 64},
        {"seq": 1, "hash": "A" * 64},
        {"seq": 1, "hash": "a" * 63},
        {"seq": 1},
        {"seq": 1, "hash": "a" * 64, "at": "2026-11-20T02:00:00Z"},
    ],
    ids=["seq 0", "seq text", "seq float", "upper case", "short", "no hash", "extra field"],
)
def test_an_audit_head_is_a_sequence_number_and_a_sha256(api, head):
    body = claim(bill(member_id("active_plus"), line(1, "drug", 100)), 100) | {"audit_head": head}
    key = new_key()
    response = submit(api, body, key)
    assert (response.status_code, response.json()["code"]) == (422, "validation-error")
    assert statement_claims(api, key) == []


def test_claim_status_for_this_clinic_only(api, plus_clinic_api):
    body = estimated_claim(api, bill(member_id("active_plus"), line(1, "drug", 200)))
    recorded = submit(api, body, new_key()).json()
    status = api.get(f"/v1/claims/{recorded['claim_id']}")
    assert status.status_code == 200
    assert status.json() == recorded
    elsewhere = plus_clinic_api.get(f"/v1/claims/{recorded['claim_id']}")
    assert (elsewhere.status_code, elsewhere.json()["code"]) == (404, "not-found")
    assert api.get("/v1/claims/CLM-NOSUCHCLAIM").status_code == 404


def test_daily_statement_totals_count_payable_claims_of_this_clinic(api, plus_clinic_api, insurer):
    accepted = estimated_claim(api, bill(member_id("active_plus"), line(1, "drug", 500)))
    cancelled = estimated_claim(api, bill(member_id("active_plus"), line(1, "drug", 510)))
    assert submit(api, accepted, new_key()).status_code == 201
    to_cancel = submit(api, cancelled, new_key()).json()["claim_id"]
    assert api.post(f"/v1/claims/{to_cancel}/cancel", json={"reason": "wrong child"}).is_success
    rejected = claim(bill(member_id("active_plus"), line(1, "drug", 500)), 499)
    plant_rejected_claim(insurer.data_dir, "CLINIC-DEMO", rejected)
    statement = api.get(f"/v1/statements/{today().isoformat()}").json()
    assert statement["clinic_id"] == "CLINIC-DEMO"
    assert {"accepted", "cancelled", "rejected"} <= {c["status"] for c in statement["claims"]}
    payable = [c for c in statement["claims"] if c["status"] not in ("rejected", "cancelled")]
    assert statement["total_covered_fen"] == sum(c["total_covered_fen"] for c in payable)
    assert statement["total_patient_fen"] == sum(c["total_patient_fen"] for c in payable)
    assert len(payable) < len(statement["claims"])
    other = plus_clinic_api.get(f"/v1/statements/{today().isoformat()}").json()
    assert {c["claim_id"] for c in other["claims"]}.isdisjoint(
        c["claim_id"] for c in statement["claims"]
    )
    assert api.get("/v1/statements/2020-01-01").json()["claims"] == []


def test_a_recorded_claim_survives_the_insurer_being_killed(
    fresh_sandbox: SandboxProcess, fresh_sandbox_device_key
):
    headers = {"Authorization": f"Bearer {fresh_sandbox_device_key}"}
    key = new_key()
    with httpx.Client(base_url=fresh_sandbox.url, headers=headers) as client:
        visit = bill(member_id("active_plus"), line(1, "consultation", 50_000))
        body = estimated_claim(client, visit)
        first = submit(client, body, key).json()
    old_pid = fresh_sandbox.pid
    fresh_sandbox.kill()
    fresh_sandbox.start()
    assert fresh_sandbox.pid != old_pid
    with httpx.Client(base_url=fresh_sandbox.url, headers=headers) as client:
        again = submit(client, body, key)
        assert (again.status_code, again.json()) == (200, first)
        assert client.get(f"/v1/claims/{first['claim_id']}").json() == first


def _columns(path, table: str = "claims") -> set[str]:
    with closing(sqlite3.connect(path)) as db:
        return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


VERSION_5_COLUMNS = {
    "preauths": [
        "auth_number",
        "approved_fen",
        "valid_from",
        "valid_until",
        "uses_allowed",
        "item_codes_json",
        "categories_json",
        "decision_note",
        "emergency",
    ],
    "members": ["billed_before_fen"],
    "claims": ["cancelled_at", "cancel_reason"],
}


VERSION_8_COLUMNS = [
    "reviewed_at",
    "review_outcome",
    "final_adjudication_json",
    "review_reason",
    "moved_to_family_fen",
    "family_paid_at",
    "family_passed_on",
]


def _back_to_version_7(db: sqlite3.Connection) -> None:
    """What a database of schema version 7 lacks: reviews, the family's balances, remittances."""
    db.execute("DROP TABLE remittance_details")
    db.execute("DROP TABLE remittances")
    for column in VERSION_8_COLUMNS:
        db.execute(f"ALTER TABLE claims DROP COLUMN {column}")
    db.execute("PRAGMA user_version = 7")


def _back_to_version_6(db: sqlite3.Connection) -> None:
    """What a database of schema version 6 lacks: the hotline's phone guarantees (and what
    version 7 lacks)."""
    _back_to_version_7(db)
    db.execute("DROP TABLE phone_guarantees")
    db.execute("ALTER TABLE claims DROP COLUMN phone_guarantee")
    db.execute("PRAGMA user_version = 6")


def _back_to_version_5(db: sqlite3.Connection) -> None:
    """What a database of schema version 5 lacks: the links of corrected claims (and what
    version 6 lacks)."""
    _back_to_version_6(db)
    db.execute("DROP INDEX claims_by_replaced")
    db.execute("ALTER TABLE claims DROP COLUMN replaces")
    db.execute("ALTER TABLE claims DROP COLUMN replaced_by")
    db.execute("PRAGMA user_version = 5")


def _back_to_version_4(db: sqlite3.Connection) -> None:
    """What a database of schema version 4 lacks: the pre-auth grants and uses, attachments,
    billed cost and cancellation (and what version 5 lacks)."""
    _back_to_version_5(db)
    for index in ("preauths_by_auth_number", "preauth_uses_by_preauth", "claims_by_member"):
        db.execute(f"DROP INDEX {index}")
    db.execute("DROP TABLE preauth_uses")
    db.execute("DROP TABLE preauth_attachments")
    for table, columns in VERSION_5_COLUMNS.items():
        for column in columns:
            db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    db.execute("PRAGMA user_version = 4")


def test_a_version_1_database_gains_the_one_claim_per_bill_rule(tmp_path):
    Store.open(tmp_path)
    with closing(sqlite3.connect(tmp_path / DATABASE_NAME)) as db:
        _back_to_version_4(db)
        db.execute("DROP INDEX claims_by_bill")
        db.execute("ALTER TABLE claims DROP COLUMN audit_head_seq")
        db.execute("ALTER TABLE claims DROP COLUMN audit_head_hash")
        db.execute("PRAGMA user_version = 1")
        db.commit()
    Store.open(tmp_path)
    with closing(sqlite3.connect(tmp_path / DATABASE_NAME)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        indexes = {row[1]: row[2] for row in db.execute("PRAGMA index_list(claims)")}
    assert indexes["claims_by_bill"] == 1, "unique"
    assert {"audit_head_seq", "audit_head_hash"} <= _columns(tmp_path / DATABASE_NAME)


def test_a_version_2_database_keeps_its_claims_and_gains_the_audit_head(
    fresh_sandbox: SandboxProcess, fresh_sandbox_device_key
):
    headers = {"Authorization": f"Bearer {fresh_sandbox_device_key}"}
    key = new_key()
    with httpx.Client(base_url=fresh_sandbox.url, headers=headers) as client:
        body = estimated_claim(client, bill(member_id("active_plus"), line(1, "drug", 400)))
        assert submit(client, body, key).status_code == 201
    fresh_sandbox.kill()
    with closing(sqlite3.connect(fresh_sandbox.data_dir / DATABASE_NAME)) as db:
        _back_to_version_4(db)
        db.execute("ALTER TABLE claims DROP COLUMN audit_head_seq")
        db.execute("ALTER TABLE claims DROP COLUMN audit_head_hash")
        db.execute("PRAGMA user_version = 2")
        db.commit()
    fresh_sandbox.start()
    with httpx.Client(base_url=fresh_sandbox.url, headers=headers) as client:
        [old] = statement_claims(client, key)
        assert old["audit_head"] is None
        again = estimated_claim(client, bill(member_id("active_plus"), line(1, "drug", 400)))
        head_key = new_key()
        assert submit(client, again | {"audit_head": HEAD}, head_key).status_code == 201
        assert [c["audit_head"] for c in statement_claims(client, head_key)] == [HEAD]


def test_a_version_4_database_keeps_its_preauths_and_claims_and_gains_grants(
    fresh_sandbox: SandboxProcess, fresh_sandbox_device_key
):
    headers = {"Authorization": f"Bearer {fresh_sandbox_device_key}"}
    mid = member_id("active_plus")
    with httpx.Client(base_url=fresh_sandbox.url, headers=headers) as client:
        body = estimated_claim(client, bill(mid, line(1, "drug", 400)))
        recorded = submit(client, body, new_key()).json()
        planned = client.get("/v1/preauths/calendar").json()["earliest_planned_date"]
        request = {
            "member_id": mid,
            "item_code": "EXAM-MRI",
            "description": "头颅磁共振 Head MRI",
            "category": "exam",
            "planned_date": planned,
            "diagnosis": "Recurrent headache (R51)",
            "estimated_cost_fen": 680_000,
        }
        filed = client.post("/v1/preauths", json=request, headers={"Idempotency-Key": new_key()})
        preauth_id = filed.json()["preauth"]["preauth_id"]
    fresh_sandbox.kill()
    with closing(sqlite3.connect(fresh_sandbox.data_dir / DATABASE_NAME)) as db:
        _back_to_version_4(db)
        db.commit()
    fresh_sandbox.start()
    with closing(sqlite3.connect(fresh_sandbox.data_dir / DATABASE_NAME)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert set(VERSION_5_COLUMNS["preauths"]) <= _columns(
        fresh_sandbox.data_dir / DATABASE_NAME, "preauths"
    )
    with httpx.Client(base_url=fresh_sandbox.url, headers=headers) as client:
        kept = client.get(f"/v1/preauths/{preauth_id}").json()
        assert (kept["status"], kept["emergency"], kept["attachments"]) == ("pending", False, [])
        demo = client.get("/v1/preauths/PA-DEMO-0108").json()
        assert demo["status"] == "approved"
        assert (demo["grant"]["uses_left"], demo["grant"]["approved_fen"]) == (1, 1_800_000)
        lookup = {"policy_number": "GP2026000102", "child_name": "陈思琪"}
        answer = client.post(
            "/v1/eligibility/lookup", json=lookup | {"guardian_phone": "13800000102"}
        ).json()
        assert answer["cumulative"]["billed_fen"] == 245_000 + 400, "the demo's, plus the claim"
        assert client.get(f"/v1/claims/{recorded['claim_id']}").json() == recorded
        assert main(["preauth", "approve", preauth_id, "--data", str(fresh_sandbox.data_dir)]) == 0
        assert client.get(f"/v1/preauths/{preauth_id}").json()["grant"]["uses_left"] == 1


def test_a_version_5_database_keeps_its_claims_and_gains_corrections(
    fresh_sandbox: SandboxProcess, fresh_sandbox_device_key
):
    headers = {"Authorization": f"Bearer {fresh_sandbox_device_key}"}
    mid = member_id("active_plus")
    with httpx.Client(base_url=fresh_sandbox.url, headers=headers) as client:
        key = new_key()
        body = estimated_claim(client, bill(mid, line(1, "drug", 450)))
        recorded = submit(client, body, key).json()
    fresh_sandbox.kill()
    with closing(sqlite3.connect(fresh_sandbox.data_dir / DATABASE_NAME)) as db:
        _back_to_version_5(db)
        db.commit()
    fresh_sandbox.start()
    assert {"replaces", "replaced_by"} <= _columns(fresh_sandbox.data_dir / DATABASE_NAME)
    with httpx.Client(base_url=fresh_sandbox.url, headers=headers) as client:
        assert client.get(f"/v1/claims/{recorded['claim_id']}").json() == recorded
        assert (recorded["replaces"], recorded["replaced_by"]) == (None, None)
        assert submit(client, body, key).json() == recorded, "an older claim's replay matches"
        fixed = bill(mid, line(1, "drug", 460))
        shown = estimate(client, fixed, replaces=recorded["claim_id"])
        correction = signed(claim(fixed, shown) | {"replaces": recorded["claim_id"]})
        corrected = submit(client, correction, new_key())
        assert corrected.status_code == 201, corrected.text
        replaced = client.get(f"/v1/claims/{recorded['claim_id']}").json()
        assert replaced["replaced_by"] == corrected.json()["claim_id"]


def test_a_version_7_database_keeps_its_claims_which_the_insurer_then_reviews_and_pays(
    fresh_sandbox: SandboxProcess, fresh_sandbox_device_key
):
    headers = {"Authorization": f"Bearer {fresh_sandbox_device_key}"}
    with httpx.Client(base_url=fresh_sandbox.url, headers=headers) as client:
        body = estimated_claim(client, bill(member_id("active_plus"), line(1, "drug", 470)))
        recorded = submit(client, body, new_key()).json()
    fresh_sandbox.kill()
    with closing(sqlite3.connect(fresh_sandbox.data_dir / DATABASE_NAME)) as db:
        _back_to_version_7(db)
        db.commit()
    fresh_sandbox.start()
    assert set(VERSION_8_COLUMNS) <= _columns(fresh_sandbox.data_dir / DATABASE_NAME)
    with httpx.Client(base_url=fresh_sandbox.url, headers=headers) as client:
        kept = client.get(f"/v1/claims/{recorded['claim_id']}").json()
        assert kept == recorded
        assert (kept["review"], kept["family_balance"], kept["payments"]) == (None, None, [])
        fresh_sandbox.settle(today() + timedelta(days=1), review_share=0)
        [remittance] = fresh_sandbox.settle(today() + timedelta(days=2)).paid
        assert [d.claim_id for d in remittance.details] == [recorded["claim_id"]]
        assert client.get(f"/v1/claims/{recorded['claim_id']}").json()["status"] == "paid"
