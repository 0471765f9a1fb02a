"""Pre-auth lead time across Chinese holidays and past the calendar's data; the pre-auth life cycle.

The rule: at least 5 working days strictly between the request day and the planned date.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar
import httpx
import pytest

from insurer_sandbox.cli import main
from insurer_sandbox.demo import DEMO_CLINIC_ID, DEMO_MEMBER_BY_STATE
from insurer_sandbox.server import SandboxProcess, create_device_key
from insurer_sandbox.workdays import working_calendar
from tests.insurer_sandbox.bills import bill, line
from tests.sandbox_fixtures import demo_sandbox

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("today", "earliest", "why"),
    [
        ("2026-02-10", "2026-02-25", "Sat 14 Feb is a make-up working day; 15-23 Feb are holidays"),
        (
            "2026-02-13",
            "2026-02-28",
            "counts 14 Feb, then 24-27 Feb; Sat 28 Feb itself is a workday",
        ),
        ("2026-02-24", "2026-03-03", "Sat 28 Feb counts as a working day"),
        ("2026-09-18", "2026-09-25", "Sun 20 Sep is a make-up working day"),
        ("2026-09-22", "2026-10-01", "Fri 25 Sep (Mid-Autumn) does not count"),
        ("2026-09-29", "2026-10-13", "1-7 Oct are holidays; Sat 10 Oct is a working day"),
        ("2026-12-20", "2026-12-26", "ordinary week, all within the official data"),
    ],
)
def test_earliest_planned_date_follows_the_official_calendar(today, earliest, why):
    calendar = working_calendar(date.fromisoformat(today), 5)
    assert calendar.earliest_planned_date == date.fromisoformat(earliest), why
    assert calendar.fallback_weekends_only is False
    assert calendar.data_until == date(2026, 12, 31)


def _official_working_days_between(start: date, end: date) -> int:
    days = (start + timedelta(days=n) for n in range(1, (end - start).days))
    return sum(chinese_calendar.is_workday(d) for d in days)


def test_earliest_date_is_exactly_five_working_days_ahead_on_every_day_of_2026():
    day = date(2026, 1, 1)
    while day <= date(2026, 12, 20):
        earliest = working_calendar(day, 5).earliest_planned_date
        assert _official_working_days_between(day, earliest) == 5, day
        assert _official_working_days_between(day, earliest - timedelta(days=1)) == 4, day
        day += timedelta(days=1)


def test_past_the_calendar_data_weekdays_count_and_the_fallback_is_announced():
    straddling = working_calendar(date(2026, 12, 28), 5)
    assert straddling.earliest_planned_date == date(2027, 1, 5)
    assert straddling.fallback_weekends_only is True
    in_2027 = working_calendar(date(2027, 3, 10), 5)
    assert in_2027.earliest_planned_date == date(2027, 3, 18)
    assert in_2027.fallback_weekends_only is True


# --- over HTTP, with the sandbox clock set to the day before the 2026 Spring Festival

BEFORE_SPRING_FESTIVAL = datetime(2026, 2, 10, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture(scope="module")
def festive_insurer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxProcess]:
    with demo_sandbox(tmp_path_factory.mktemp("festive"), BEFORE_SPRING_FESTIVAL) as process:
        yield process


@pytest.fixture
def festive_api(festive_insurer: SandboxProcess) -> Iterator[httpx.Client]:
    festive_insurer.set_clock(BEFORE_SPRING_FESTIVAL)
    key = create_device_key(festive_insurer.data_dir, DEMO_CLINIC_ID)
    with httpx.Client(
        base_url=festive_insurer.url, headers={"Authorization": f"Bearer {key}"}
    ) as client:
        yield client


def request(member_state: str, planned: str, **changes: object) -> dict:
    return {
        "member_id": DEMO_MEMBER_BY_STATE[member_state].member_id,
        "item_code": "EXAM-MRI",
        "description": "头颅磁共振 Head MRI",
        "category": "exam",
        "planned_date": planned,
        "diagnosis": "Recurrent headache (R51)",
        "estimated_cost_fen": 680_000,
    } | changes


def file(api: httpx.Client, body: dict, key: str | None = None) -> httpx.Response:
    key = key or "pa-" + secrets.token_hex(10)
    return api.post("/v1/preauths", json=body, headers={"Idempotency-Key": key})


def test_calendar_endpoint_reports_the_rule_applied_today(festive_api):
    answer = festive_api.get("/v1/preauths/calendar").json()
    assert answer == {
        "source": "chinesecalendar",
        "data_until": "2026-12-31",
        "fallback_weekends_only": False,
        "required_working_days": 5,
        "earliest_planned_date": "2026-02-25",
    }


def test_today_is_the_shanghai_day_not_the_utc_day(festive_api, festive_insurer):
    festive_insurer.set_clock(datetime(2026, 2, 9, 17, 30, tzinfo=ZoneInfo("UTC")))
    earliest = festive_api.get("/v1/preauths/calendar").json()["earliest_planned_date"]
    assert earliest == "2026-02-25"


def test_too_close_across_the_holiday_is_refused_with_the_earliest_date(festive_api):
    response = file(festive_api, request("preauth_pending", "2026-02-24"))
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "preauth-lead-time"
    assert "2026-02-25" in response.json()["detail"]


def test_on_the_earliest_date_it_is_filed_as_pending(festive_api):
    response = file(festive_api, request("preauth_pending", "2026-02-25"))
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["preauth"]["status"] == "pending"
    assert created["preauth"]["planned_date"] == "2026-02-25"
    assert created["calendar"]["earliest_planned_date"] == "2026-02-25"


def test_national_day_holidays_push_the_earliest_date(festive_api, festive_insurer):
    festive_insurer.set_clock(datetime(2026, 9, 29, 10, 0, tzinfo=SHANGHAI))
    assert festive_api.get("/v1/preauths/calendar").json()["earliest_planned_date"] == (
        "2026-10-13"
    )
    response = file(festive_api, request("preauth_pending", "2026-10-12"))
    assert (response.status_code, response.json()["code"]) == (422, "preauth-lead-time")


def test_in_2027_the_fallback_is_announced(festive_api, festive_insurer):
    festive_insurer.set_clock(datetime(2027, 3, 10, 10, 0, tzinfo=SHANGHAI))
    answer = festive_api.get("/v1/preauths/calendar").json()
    assert answer["fallback_weekends_only"] is True
    assert answer["earliest_planned_date"] == "2027-03-18"


def test_refiling_with_the_same_key_returns_the_first_answer(festive_api):
    body = request("active_standard", "2026-03-02")
    key = "pa-replay-" + secrets.token_hex(8)
    first = file(festive_api, body, key)
    again = file(festive_api, body, key)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    conflict = file(festive_api, body | {"estimated_cost_fen": 690_000}, key)
    assert (conflict.status_code, conflict.json()["code"]) == (409, "idempotency-conflict")
    missing = festive_api.post("/v1/preauths", json=body)
    assert (missing.status_code, missing.json()["code"]) == (400, "idempotency-key-required")


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (request("active_standard", "2026-03-02", member_id="M00000000"), "unknown member"),
        (request("active_standard", "2027-03-02"), "after the policy period"),
    ],
)
def test_no_preauth_for_a_member_not_covered_then(festive_api, body, why):
    response = file(festive_api, body)
    assert (response.status_code, response.json()["code"]) == (422, "member-not-eligible"), why


def test_a_preauth_approved_by_the_insurer_then_covers_the_item(festive_api, festive_insurer):
    member_id = DEMO_MEMBER_BY_STATE["active_plus"].member_id
    created = file(festive_api, request("active_plus", "2026-03-02")).json()["preauth"]
    mri = bill(
        member_id, line(1, "exam", 680_000, item_code="EXAM-MRI"), service_date=date(2026, 3, 2)
    )
    before = festive_api.post("/v1/adjudication/estimate", json=mri).json()
    assert before["lines"][0]["reason"] == "preauth-required"

    assert (
        main(["preauth", "approve", created["preauth_id"], "--data", str(festive_insurer.data_dir)])
        == 0
    )

    listed = festive_api.get("/v1/preauths", params={"member_id": member_id}).json()["preauths"]
    mine = next(p for p in listed if p["preauth_id"] == created["preauth_id"])
    assert mine["status"] == "approved"
    assert mine["decided_at"] is not None
    after = festive_api.post("/v1/adjudication/estimate", json=mri).json()
    assert (after["lines"][0]["covered_fen"], after["lines"][0]["reason"]) == (
        680_000,
        "preauth-approved",
    )


def test_a_denied_preauth_covers_nothing(festive_api, festive_insurer):
    member_id = DEMO_MEMBER_BY_STATE["free_visits_used_up"].member_id
    created = file(
        festive_api, request("free_visits_used_up", "2026-03-02", item_code="EXAM-CT")
    ).json()["preauth"]
    assert (
        main(["preauth", "deny", created["preauth_id"], "--data", str(festive_insurer.data_dir)])
        == 0
    )
    listed = festive_api.get("/v1/preauths", params={"member_id": member_id}).json()["preauths"]
    assert [p["status"] for p in listed] == ["denied"]
    ct = bill(
        member_id, line(1, "exam", 680_000, item_code="EXAM-CT"), service_date=date(2026, 3, 2)
    )
    answer = festive_api.post("/v1/adjudication/estimate", json=ct).json()
    assert answer["lines"][0]["reason"] == "preauth-required"


def test_deciding_an_unknown_preauth_fails_loudly(festive_insurer):
    with pytest.raises(SystemExit, match="no pre-auth"):
        main(["preauth", "approve", "PA-NOSUCH", "--data", str(festive_insurer.data_dir)])


def test_preauth_list_of_an_unknown_member_is_not_found(festive_api):
    answer = festive_api.get("/v1/preauths", params={"member_id": "M00000000"})
    assert (answer.status_code, answer.json()["code"]) == (404, "not-found")
