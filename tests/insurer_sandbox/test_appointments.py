"""Appointments the insurer books for members (the manual's 部分公立医院直付): the 2-working-day
booking rule and the 16:00 cancel-by time on the 2026 calendar, the desk's check-in and no-shows,
the clinic's lists and counts, the demo seed, the member's pages and the hotline's CLI."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from insurer_sandbox.appointment_book import booking_calendar, cancel_by
from insurer_sandbox.appointments import AppointmentRefused, Refusal, book, cancel
from insurer_sandbox.cli import main
from insurer_sandbox.demo import DEMO_CLINIC_ID, PLUS_ONLY_CLINIC_ID
from insurer_sandbox.plan import load_plan
from insurer_sandbox.server import SandboxProcess, create_device_key
from insurer_sandbox.store import Store
from insurer_sandbox.workdays import is_working_day
from kiosk.insurer.appointments import (
    MAX_APPOINTMENT_DAYS,
    AppointmentService,
    AppointmentState,
    BookedBy,
)
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.errors import InsurerRejected
from tests.insurer_sandbox.bills import today
from tests.insurer_sandbox.conftest import clinic_client
from tests.sandbox_fixtures import demo_sandbox

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(text: str) -> datetime:
    """A Shanghai time, e.g. "2026-03-09 16:00"."""
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


# --- the manual's timings on the 2026 calendar


@pytest.mark.parametrize(
    ("requested", "earliest", "why"),
    [
        ("2026-03-05", "2026-03-10", "Thu: Fri 6 and Mon 9 Mar count, not the weekend"),
        ("2026-03-06", "2026-03-11", "Fri: Mon 9 and Tue 10 Mar"),
        ("2026-02-13", "2026-02-25", "Sat 14 Feb is a make-up working day, 15-23 Feb holidays"),
        ("2026-09-29", "2026-10-09", "Wed 30 Sep, then 1-7 Oct National Day, then Thu 8 Oct"),
        ("2026-05-08", "2026-05-12", "the make-up Sat 9 May counts: Tue 12 May, not Wed 13"),
        ("2026-09-18", "2026-09-22", "the make-up Sun 20 Sep counts, then Mon 21 Sep"),
    ],
)
def test_a_booking_needs_two_working_days_strictly_between(requested, earliest, why):
    calendar = booking_calendar(date.fromisoformat(requested))
    assert calendar.earliest_planned_date == date.fromisoformat(earliest), why
    assert calendar.required_working_days == 2


@pytest.mark.parametrize(
    ("appointment_day", "deadline", "why"),
    [
        ("2026-03-09", "2026-03-06 16:00", "a Monday: the Friday before"),
        ("2026-10-08", "2026-09-30 16:00", "after National Day (1-7 Oct): the day before it"),
        ("2026-02-24", "2026-02-14 16:00", "after the Spring Festival: its make-up Saturday"),
        ("2026-03-01", "2026-02-28 16:00", "the day after the make-up Saturday 28 Feb"),
        ("2026-03-02", "2026-02-28 16:00", "a Monday after a make-up Saturday"),
        ("2026-10-11", "2026-10-10 16:00", "the day after the make-up Saturday 10 Oct"),
        ("2026-01-05", "2026-01-04 16:00", "the make-up Sunday 4 Jan"),
    ],
)
def test_cancel_by_is_16_00_on_the_last_working_day_before(appointment_day, deadline, why):
    assert cancel_by(date.fromisoformat(appointment_day)) == at(deadline), why


def test_cancel_by_on_every_day_of_2026_leaves_no_working_day_between():
    day = date(2026, 1, 1)
    while day.year == 2026:
        deadline = cancel_by(day).date()
        assert deadline < day and is_working_day(deadline), day
        between = (deadline + timedelta(days=n) for n in range(1, (day - deadline).days))
        assert not any(is_working_day(d) for d in between), day
        day += timedelta(days=1)


def test_a_cancel_is_in_time_until_15_59_59_and_late_from_16_00_00(tmp_path):
    store = Store.open(tmp_path, clock=at("2026-03-02 10:00"))
    plan = load_plan()
    booked_at = at("2026-03-02 10:05")

    def booking(member_id: str, hour: int) -> str:
        with store.writing() as db:
            return book(
                store,
                db,
                plan,
                member_id=member_id,
                clinic_id=DEMO_CLINIC_ID,
                starts_at=at(f"2026-03-09 {hour:02d}:00"),
                service=AppointmentService.OUTPATIENT,
                booked_by=BookedBy.HOTLINE,
                now=booked_at,
            ).appointment_id

    def cancelled(appointment_id: str, now: datetime) -> AppointmentState:
        with store.writing() as db:
            return cancel(db, appointment_id, now).state

    in_time = booking("M26000101", 9)
    assert (
        cancelled(in_time, at("2026-03-06 15:59:59.999999")) is AppointmentState.CANCELLED_IN_TIME
    )
    late = booking("M26000102", 9)
    assert cancelled(late, at("2026-03-06 16:00")) is AppointmentState.CANCELLED_LATE
    just_before = booking("M26000108", 10)
    assert cancelled(just_before, at("2026-03-09 09:59:59")) is AppointmentState.CANCELLED_LATE
    started = booking("M26000113", 11)
    with pytest.raises(AppointmentRefused) as refused:
        cancelled(started, at("2026-03-09 11:00"))
    assert refused.value.reason is Refusal.STARTED


# --- a clinic's desk, with the sandbox clock on Monday 2 March 2026, 10:00

T = at("2026-03-02 10:00")


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxProcess]:
    """This module's sandbox, seeded around T; each test sets the clock it needs."""
    with demo_sandbox(tmp_path_factory.mktemp("appointments"), T) as process:
        yield process


@pytest.fixture(scope="module")
def clinic(desk: SandboxProcess) -> Iterator[httpx.Client]:
    with clinic_client(desk, DEMO_CLINIC_ID) as client:
        yield client


@pytest.fixture(scope="module")
def plus_clinic(desk: SandboxProcess) -> Iterator[httpx.Client]:
    with clinic_client(desk, PLUS_ONLY_CLINIC_ID) as client:
        yield client


@pytest.fixture(scope="module")
def browser(desk: SandboxProcess) -> Iterator[httpx.Client]:
    """The member's phone on the demo pages."""
    with httpx.Client(base_url=desk.url, follow_redirects=True, timeout=10) as client:
        yield client


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def listed(client: httpx.Client, day: str) -> dict[str, dict]:
    answer = client.get("/v1/appointments", params={"date": day})
    assert answer.status_code == 200, answer.text
    return {a["appointment_id"]: a for a in answer.json()["appointments"]}


def check_in(client: httpx.Client, member_id: str) -> dict:
    answer = client.post("/v1/appointments/check-in", json={"member_id": member_id})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_check_in_takes_todays_booked_appointment_once(desk, clinic, plus_clinic):
    desk.set_clock(T)
    assert check_in(plus_clinic, "M26000101") == {"appointment": None, "already": False}
    assert listed(clinic, "2026-03-02")["APT-DEMO-TODAY-7"]["state"] == "booked"

    first = check_in(clinic, "M26000101")
    assert first["already"] is False
    arrived = first["appointment"]
    assert (arrived["appointment_id"], arrived["state"]) == ("APT-DEMO-TODAY-7", "checked_in")
    assert abs(moment(arrived["checked_in_at"]) - T) < timedelta(minutes=1)

    again = check_in(clinic, "M26000101")
    assert again == {"appointment": arrived, "already": True}
    seeded = check_in(clinic, "M26000114")
    assert seeded["already"] is True, "seeded as checked in"
    assert moment(seeded["appointment"]["checked_in_at"]) == at("2026-03-02 08:50")
    assert check_in(clinic, "M26000104") == {"appointment": None, "already": False}, "tomorrow"
    assert check_in(clinic, "M26000102") == {"appointment": None, "already": False}, "walk-in"
    assert check_in(clinic, "M00000000") == {"appointment": None, "already": False}


def test_a_second_scan_at_the_same_visit_is_not_the_afternoons_appointment(desk, capsys, clinic):
    desk.set_clock(at("2026-03-05 10:00"))
    data = ["--data", str(desk.data_dir)]
    book = ["appointment", "book", "preauth_used", "--date", "2026-03-10", *data]
    assert main([*book, "--time", "09:00"]) == 0
    morning = capsys.readouterr().out.split()[0]
    assert main([*book, "--time", "14:30", "--service", "vaccination"]) == 0
    afternoon = capsys.readouterr().out.split()[0]

    desk.set_clock(at("2026-03-10 08:55"))
    first = check_in(clinic, "M26000111")
    assert (first["appointment"]["appointment_id"], first["already"]) == (morning, False)
    desk.set_clock(at("2026-03-10 09:20"))  # "New scan" at the same visit
    assert check_in(clinic, "M26000111") == first | {"already": True}
    assert listed(clinic, "2026-03-10")[afternoon]["state"] == "booked"
    desk.set_clock(at("2026-03-10 14:25"))  # back for the vaccination
    second = check_in(clinic, "M26000111")
    assert (second["appointment"]["appointment_id"], second["already"]) == (afternoon, False)
    assert days(clinic, "2026-03-10", "2026-03-10")[0]["checked_in"] == 2


def test_a_members_eligibility_without_the_card_only_for_a_booked_appointment_ahead(desk, clinic):
    desk.set_clock(T)

    def asked(appointment_id: str) -> int:
        return clinic.get(f"/v1/appointments/{appointment_id}/eligibility").status_code

    assert asked("APT-DEMO-TODAY-5") == 200, "booked today"
    assert asked("APT-DEMO-TOMORROW-1") == 200, "booked tomorrow"
    for not_booked in ("APT-DEMO-TODAY-2", "APT-DEMO-TODAY-3", "APT-DEMO-TODAY-4"):
        assert asked(not_booked) == 404, "checked in, cancelled: the booking no longer asks"
    assert asked("APT-DEMO-PAST-001") == 404, "a past day"


def test_a_no_show_is_marked_once_its_time_has_come(desk, clinic, plus_clinic):
    desk.set_clock(T)
    path = "/v1/appointments/{}/no-show"
    not_due = clinic.post(path.format("APT-DEMO-TODAY-5"))
    assert (not_due.status_code, not_due.json()["code"]) == (409, "appointment-not-due")
    for kept_or_cancelled in ("APT-DEMO-TODAY-2", "APT-DEMO-TODAY-3", "APT-DEMO-TODAY-4"):
        refused = clinic.post(path.format(kept_or_cancelled))
        assert (refused.status_code, refused.json()["code"]) == (409, "appointment-not-booked")
    seeded = clinic.post(path.format("APT-DEMO-TODAY-1"))
    assert seeded.status_code == 200
    assert seeded.json()["missed"] == {"booking_suspended": True, "fee_fen": 30_000}

    desk.set_clock(at("2026-03-02 14:00:30"))
    marked = clinic.post(path.format("APT-DEMO-TODAY-5"))
    assert marked.status_code == 200
    assert (marked.json()["state"], marked.json()["missed"]["fee_fen"]) == ("no_show", 30_000)
    assert clinic.post(path.format("APT-DEMO-TODAY-5")).json() == marked.json(), "again: same"
    for elsewhere in ("APT-DEMO-TOMORROW-6", "APT-NOSUCH"):
        assert clinic.post(path.format(elsewhere)).status_code == 404
    assert plus_clinic.post(path.format("APT-DEMO-TODAY-5")).status_code == 404


def test_a_booked_appointment_of_a_day_that_ended_reads_as_a_no_show(desk, clinic, browser):
    desk.set_clock(at("2026-03-05 10:00"))
    booked = book_on_page(browser, "M26000111", "2026-03-10", "11:00")
    appointment_id = booked.url.params["done"]
    assert listed(clinic, "2026-03-10")[appointment_id]["state"] == "booked"

    desk.set_clock(at("2026-03-11 08:00"))
    missed = listed(clinic, "2026-03-10")[appointment_id]
    assert (missed["state"], missed["missed"]) == (
        "no_show",
        {"booking_suspended": True, "fee_fen": 30_000},
    )
    [day] = days(clinic, "2026-03-10", "2026-03-10")
    assert (day["booked"], day["no_show"]) == (0, 1)
    marked = clinic.post(f"/v1/appointments/{appointment_id}/no-show")
    assert (marked.status_code, marked.json()) == (200, missed)
    page = browser.get("/demo/card/M26000111/appointments").text
    assert "未就诊 Missed" in page and "¥300.00" in page
    refused = book_on_page(browser, "M26000111", "2026-03-20", "09:00")
    assert refused.url.params["refused"] == "suspended"


def days(client: httpx.Client, first: str, last: str) -> list[dict]:
    answer = client.get("/v1/appointments/days", params={"from": first, "to": last})
    assert answer.status_code == 200, answer.text
    return answer.json()["days"]


def test_day_counts_cover_every_day_asked_up_to_62(clinic, desk):
    desk.set_clock(T)
    first = date(2026, 1, 1)
    last = first + timedelta(days=MAX_APPOINTMENT_DAYS - 1)
    counted = days(clinic, first.isoformat(), last.isoformat())
    assert [d["date"] for d in counted] == [
        (first + timedelta(days=n)).isoformat() for n in range(MAX_APPOINTMENT_DAYS)
    ]
    for wrong in (
        {"from": "2026-01-01", "to": (last + timedelta(days=1)).isoformat()},
        {"from": "2026-03-02", "to": "2026-03-01"},
    ):
        refused = clinic.get("/v1/appointments/days", params=wrong)
        assert (refused.status_code, refused.json()["code"]) == (422, "validation-error")
    by_day = {d["date"]: d for d in counted}
    for day in ("2026-02-10", "2026-02-27", "2026-03-03"):
        states = [a["state"] for a in listed(clinic, day).values()]
        assert {s: by_day[day][s] for s in set(states)} == {s: states.count(s) for s in states}
        assert sum(by_day[day][s] for s in AppointmentState) == len(states)


# --- the member's pages and the hotline


def book_on_page(
    browser: httpx.Client,
    member_id: str,
    day: str,
    time: str,
    *,
    clinic_id: str = DEMO_CLINIC_ID,
    service: str = "outpatient",
) -> httpx.Response:
    """Submit the booking form; the answer is the page it redirects to."""
    form = {"clinic": clinic_id, "date": day, "time": time, "service": service}
    page = browser.post(f"/demo/card/{member_id}/appointments", data=form)
    assert page.status_code == 200, page.text
    assert [r.status_code for r in page.history] == [303]
    return page


def test_the_card_links_to_the_appointments_page_and_its_form(desk, browser):
    desk.set_clock(T)
    assert "/demo/card/M26000101/appointments" in browser.get("/demo/card/M26000101").text
    page = browser.get("/demo/card/active_standard/appointments").text
    assert "暂不接受指定专家的预约" in page and "cannot be named" in page
    assert 'value="2026-03-05"' in page, "Mon 2 Mar: Tue 3 and Wed 4 count"
    assert '<option value="08:30">' in page and '<option value="16:30">' in page
    assert '<option value="procedure">' not in page
    assert "李**" in page and "李沐阳" not in page
    assert browser.get("/demo/card/M00000000/appointments").status_code == 404


def test_booking_too_early_names_the_earliest_date_then_the_booking_appears(
    desk, browser, plus_clinic
):
    desk.set_clock(at("2026-03-05 10:00"))
    plus = {"clinic_id": PLUS_ONLY_CLINIC_ID}
    refused = book_on_page(browser, "M26000102", "2026-03-09", "09:00", **plus)
    assert refused.url.params["refused"] == "too-early"
    assert "最早可预约 2026-03-10" in refused.text and "earliest date is 2026-03-10" in refused.text

    booked = book_on_page(browser, "M26000102", "2026-03-10", "09:00", **plus)
    assert "预约成功" in booked.text and "Booked" in booked.text
    assert "2026-03-10 09:00" in booked.text
    appointment = listed(plus_clinic, "2026-03-10")[booked.url.params["done"]]
    assert appointment["booked_by"] == "member_app"
    assert moment(appointment["cancel_by"]) == at("2026-03-09 16:00")
    assert appointment["member"]["name_masked"] == "陈**"

    desk.set_clock(at("2026-03-09 15:59"))
    cancelled = browser.post(
        f"/demo/card/M26000102/appointments/{appointment['appointment_id']}/cancel"
    )
    assert "Cancelled in time" in cancelled.text
    kept = listed(plus_clinic, "2026-03-10")[appointment["appointment_id"]]
    assert (kept["state"], kept["missed"]) == ("cancelled_in_time", None)


def test_a_late_cancel_warns_charges_the_fee_and_suspends_booking_there(desk, browser, clinic):
    desk.set_clock(at("2026-03-05 10:00"))
    booked = book_on_page(browser, "M26000116", "2026-03-10", "10:00")
    appointment_id = booked.url.params["done"]

    desk.set_clock(at("2026-03-09 16:00:01"))
    page = browser.get("/demo/card/M26000116/appointments").text
    assert "a cancel now is a late cancel" in page
    cancelled = browser.post(f"/demo/card/M26000116/appointments/{appointment_id}/cancel")
    assert "若未提前取消预约，可能导致后续就医无法预约并被医院列入黑名单" in cancelled.text
    assert "¥300.00" in cancelled.text and "yours to pay in full" in cancelled.text
    late = listed(clinic, "2026-03-10")[appointment_id]
    assert late["state"] == "cancelled_late"
    assert late["missed"] == {"booking_suspended": True, "fee_fen": 30_000}

    again = book_on_page(browser, "M26000116", "2026-03-12", "10:00")
    assert again.url.params["refused"] == "suspended"
    assert "列入黑名单" in again.text


def test_across_the_holidays_the_cancel_by_time_is_before_them(desk, browser, clinic, plus_clinic):
    desk.set_clock(at("2026-09-21 10:00"))
    plus = {"clinic_id": PLUS_ONLY_CLINIC_ID}
    booked = book_on_page(browser, "M26000108", "2026-10-08", "09:00", **plus)
    appointment = listed(plus_clinic, "2026-10-08")[booked.url.params["done"]]
    assert moment(appointment["cancel_by"]) == at("2026-09-30 16:00")

    desk.set_clock(at("2026-10-01 10:00"))
    cancelled = browser.post(
        f"/demo/card/M26000108/appointments/{appointment['appointment_id']}/cancel"
    )
    assert "Cancelled, but after the cancel-by time" in cancelled.text, "on a holiday: late"
    assert "this hospital charges no fee" in cancelled.text
    late = listed(plus_clinic, "2026-10-08")[appointment["appointment_id"]]
    assert late["missed"] == {"booking_suspended": True, "fee_fen": 0}

    desk.set_clock(at("2026-02-09 10:00"))
    before_festival = book_on_page(browser, "M26000108", "2026-02-24", "09:00")
    after = listed(clinic, "2026-02-24")[before_festival.url.params["done"]]
    assert moment(after["cancel_by"]) == at("2026-02-14 16:00"), "the make-up Saturday"

    desk.set_clock(at("2026-02-13 10:00"))
    refused = book_on_page(browser, "M26000113", "2026-02-24", "09:00")
    assert refused.url.params["earliest"] == "2026-02-25"


@pytest.mark.parametrize(
    ("member_id", "day", "time", "clinic_id", "reason"),
    [
        ("M26000104", "2026-03-10", "09:00", DEMO_CLINIC_ID, "card-inactive"),
        ("M26000105", "2026-03-10", "09:00", DEMO_CLINIC_ID, "card-inactive"),
        ("M26000101", "2026-03-10", "09:00", PLUS_ONLY_CLINIC_ID, "out-of-network"),
        ("M26000101", "2026-03-10", "09:15", DEMO_CLINIC_ID, "not-a-slot"),
        ("M26000101", "2026-03-10", "17:00", DEMO_CLINIC_ID, "not-a-slot"),
        ("M26000101", "2026-11-02", "09:00", DEMO_CLINIC_ID, "outside-period"),
        ("M26000106", "2026-03-10", "09:00", DEMO_CLINIC_ID, "suspended"),
        ("M26000107", "2026-03-10", "09:00", DEMO_CLINIC_ID, "suspended"),
    ],
)
def test_bookings_the_service_does_not_make(desk, browser, member_id, day, time, clinic_id, reason):
    desk.set_clock(at("2026-03-05 10:00"))
    refused = book_on_page(browser, member_id, day, time, clinic_id=clinic_id)
    assert refused.url.params["refused"] == reason
    expected = AppointmentRefused(Refusal(reason))
    assert expected.zh in refused.text and expected.en in refused.text.replace("&#x27;", "'")


def test_the_same_slot_is_not_booked_twice_nor_cancelled_twice(desk, browser):
    desk.set_clock(at("2026-03-05 10:00"))
    plus = {"clinic_id": PLUS_ONLY_CLINIC_ID}
    first = book_on_page(browser, "M26000102", "2026-03-11", "14:30", service="vaccination", **plus)
    assert "疫苗接种 Vaccination" in first.text
    twice = book_on_page(browser, "M26000102", "2026-03-11", "14:30", **plus)
    assert twice.url.params["refused"] == "slot-taken"
    appointment_id = first.url.params["done"]
    cancel_path = f"/demo/card/M26000102/appointments/{appointment_id}/cancel"
    assert "Cancelled in time" in browser.post(cancel_path).text
    assert browser.post(cancel_path).url.params["refused"] == "not-booked"
    other = browser.post(f"/demo/card/M26000101/appointments/{appointment_id}/cancel")
    assert other.url.params["refused"] == "no-such-appointment"


def test_the_hotline_books_procedures_under_a_preauth_and_cancels(desk, capsys, clinic):
    desk.set_clock(at("2026-02-23 10:00"))
    data = ["--data", str(desk.data_dir)]
    procedure = ["appointment", "book", "preauth_pending", "--date", "2026-02-27", "--time"]
    with pytest.raises(SystemExit, match="under one of the member's pre-auths"):
        main([*procedure, "09:00", "--service", "procedure", *data])
    with pytest.raises(SystemExit, match="under one of the member's pre-auths"):
        main([*procedure, "09:00", "--service", "procedure", "--preauth", "PA-DEMO-0108", *data])
    with pytest.raises(SystemExit, match="an outpatient visit or a vaccination takes none"):
        main([*procedure, "09:00", "--preauth", "PA-DEMO-0109", *data])
    assert (
        main([*procedure, "09:30", "--service", "procedure", "--preauth", "PA-DEMO-0109", *data])
        == 0
    )
    line = capsys.readouterr().out
    appointment_id = line.split()[0]
    assert "booked M26000109 at CLINIC-DEMO 2026-02-27 09:30 procedure" in line
    assert "under PA-DEMO-0109; cancel by 2026-02-26 16:00" in line
    booked = listed(clinic, "2026-02-27")[appointment_id]
    assert (booked["booked_by"], booked["preauth_id"]) == ("hotline", "PA-DEMO-0109")

    other = ["--date", "2026-02-26", "--time", "09:00", *data]
    with pytest.raises(SystemExit, match="the earliest date is 2026-02-26"):
        main(
            ["appointment", "book", "active_plus", "--date", "2026-02-25", "--time", "09:00", *data]
        )
    with pytest.raises(SystemExit, match="No member with this member id"):
        main(["appointment", "book", "unknown_card", *other])
    with pytest.raises(SystemExit, match="no member 'M00000000'"):
        main(["appointment", "book", "M00000000", *other])

    desk.set_clock(at("2026-02-26 16:30"))
    assert main(["appointment", "cancel", appointment_id, *data]) == 0
    assert "cancelled_late" in capsys.readouterr().out
    with pytest.raises(SystemExit, match="nothing to cancel"):
        main(["appointment", "cancel", appointment_id, *data])
    with pytest.raises(SystemExit, match="No such appointment"):
        main(["appointment", "cancel", "APT-NOSUCH", *data])


def test_the_kiosk_client_reads_every_answer(desk):
    desk.set_clock(T)
    key = create_device_key(desk.data_dir, DEMO_CLINIC_ID)
    with InsurerClient(desk.url, key) as client:
        day = client.appointments(T.date())
        assert [a.appointment_id for a in day.appointments][:2] == [
            "APT-DEMO-TODAY-1",
            "APT-DEMO-TODAY-2",
        ]
        month = client.appointment_days(T.date() - timedelta(days=29), T.date())
        assert len(month.days) == 30 and sum(d.kept_or_due for d in month.days) > 0
        arrived = client.check_in("M26000110")
        assert arrived.appointment is not None
        assert arrived.appointment.preauth_id == "PA-DEMO-0110"
        with pytest.raises(InsurerRejected) as refused:
            client.mark_no_show("APT-DEMO-TODAY-4")
        assert refused.value.code == "appointment-not-booked"
        assert client.appointment_eligibility("APT-DEMO-TOMORROW-1").status == "greyed_unpaid"


# --- the demo seed (the shared read-only sandbox, seeded today)


def test_today_at_the_demo_clinic_is_a_day_at_the_desk(api):
    appointments = listed(api, today().isoformat())
    assert {k: (a["member"]["member_id"], a["state"]) for k, a in appointments.items()} == {
        "APT-DEMO-TODAY-1": ("M26000107", "no_show"),
        "APT-DEMO-TODAY-2": ("M26000114", "checked_in"),
        "APT-DEMO-TODAY-3": ("M26000108", "cancelled_in_time"),
        "APT-DEMO-TODAY-4": ("M26000106", "cancelled_late"),
        "APT-DEMO-TODAY-5": ("M26000113", "booked"),
        "APT-DEMO-TODAY-6": ("M26000110", "booked"),
        "APT-DEMO-TODAY-7": ("M26000101", "booked"),
    }
    assert list(appointments) == sorted(appointments), "by start time"
    assert appointments["APT-DEMO-TODAY-4"]["missed"] == {
        "booking_suspended": True,
        "fee_fen": 30_000,
    }
    assert appointments["APT-DEMO-TODAY-5"]["service"] == "vaccination"
    assert appointments["APT-DEMO-TODAY-6"]["service"] == "procedure"
    assert appointments["APT-DEMO-TODAY-7"]["member"]["name_masked"] == "李**"


def test_tomorrow_has_each_problem_the_day_before_check_looks_for(api, plus_clinic_api):
    tomorrow = (today() + timedelta(days=1)).isoformat()
    demo = listed(api, tomorrow)
    plus = listed(plus_clinic_api, tomorrow)
    assert set(demo) == {f"APT-DEMO-TOMORROW-{n}" for n in range(1, 6)}
    assert set(plus) == {"APT-DEMO-TOMORROW-6", "APT-DEMO-TOMORROW-7"}, "only the caller's"

    def check(client: httpx.Client, appointment_id: str) -> dict:
        answer = client.get(f"/v1/appointments/{appointment_id}/eligibility")
        assert answer.status_code == 200, answer.text
        return answer.json()

    assert check(api, "APT-DEMO-TOMORROW-1")["status"] == "greyed_unpaid"
    assert check(api, "APT-DEMO-TOMORROW-2")["status"] == "expired"
    procedure = check(api, "APT-DEMO-TOMORROW-3")
    assert demo["APT-DEMO-TOMORROW-3"]["preauth_id"] == "PA-DEMO-0109"
    assert {p["preauth_id"]: p["status"] for p in procedure["preauths"]} == {
        "PA-DEMO-0109": "pending"
    }
    out_of_network = check(plus_clinic_api, "APT-DEMO-TOMORROW-6")
    assert (out_of_network["in_network"], out_of_network["direct_billing"]) == (False, False)
    for fine in ("APT-DEMO-TOMORROW-4", "APT-DEMO-TOMORROW-5"):
        assert check(api, fine)["direct_billing"] is True
    assert check(plus_clinic_api, "APT-DEMO-TOMORROW-7")["direct_billing"] is True
    for elsewhere, client in (
        ("APT-DEMO-TOMORROW-6", api),
        ("APT-DEMO-TOMORROW-1", plus_clinic_api),
    ):
        assert client.get(f"/v1/appointments/{elsewhere}/eligibility").status_code == 404


def test_the_last_30_days_have_figures_for_the_manager(api):
    last = today() - timedelta(days=1)
    month = days(api, (last - timedelta(days=29)).isoformat(), last.isoformat())
    assert all(2 <= sum(d[s] for s in AppointmentState) <= 5 for d in month)
    totals = {s: sum(d[s] for d in month) for s in AppointmentState}
    assert totals["booked"] == 0, "a past day has nothing booked left"
    assert all(totals[s] > 0 for s in ("checked_in", "cancelled_in_time", "no_show"))
    assert totals["no_show"] + totals["cancelled_late"] >= 3
