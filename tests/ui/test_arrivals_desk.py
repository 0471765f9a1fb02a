"""Arrivals at the desk, through the real screens against the real sandbox on loopback: today's
appointments beside the camera, a booked child checked in by the scan (once), a department that
direct-bills only by appointment refusing a child without one and going on as self-pay, the
day-before list of families to call, and the manager's no-shows and late cancels."""

from __future__ import annotations

from datetime import datetime

import pytest

from insurer_sandbox.demo import PLUS_ONLY_CLINIC_ID, demo_member
from insurer_sandbox.server import create_device_key
from kiosk.arrivals import ADVICE, ArrivalProblem
from kiosk.assessment import Caution, Verdict
from kiosk.business_day import BUSINESS_TZ
from kiosk.insurer.appointments import AppointmentState
from kiosk.insurer.client import InsurerClient
from kiosk.visit import Step, TransitionError
from tests.ui.conftest import card
from tests.ui.test_refusals import HOTLINE, visible_details
from ui import arrivals_text
from ui.driver import pump_until
from ui.manager.appointments_tab import AppointmentsTab

BOOKED = "active_standard"
"""The demo member with an appointment today at the demo clinic, still to come."""
NOT_BOOKED = "active_plus"
"""A demo member with no appointment today."""


def loaded_board(app):
    board = app.window.scan.arrivals
    pump_until(
        lambda: bool(board.appointments) and board.day_before is not None,
        15,
        "today's appointments and the day-before check",
    )
    return board


def today():
    return datetime.now(BUSINESS_TZ).date()


def insurer_row(sandbox, device_key, appointment_id):
    with InsurerClient(sandbox.url, device_key) as insurer:
        return next(
            a
            for a in insurer.appointments(today()).appointments
            if a.appointment_id == appointment_id
        )


def test_scanning_a_booked_child_checks_them_in_once(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key
):
    app, driver = make_kiosk(fresh_sandbox, fresh_sandbox_device_key)
    board = loaded_board(app)
    member_id = demo_member(BOOKED).member_id
    booked = next(a for a in board.appointments if a.member.member_id == member_id)
    assert booked.state is AppointmentState.BOOKED
    assert board.panel.isVisible()
    assert board.table.rowCount() == len(board.appointments)
    row = board.appointments.index(booked)
    assert board.table.item(row, 3).text() == "Expected"

    driver.show_card(card(BOOKED))
    details = visible_details(app.window.eligibility)
    assert details["Appointment today"][0].endswith(": checked in now")
    assert app.window.eligibility.card.property("verdict") != "red"
    at_insurer = insurer_row(fresh_sandbox, fresh_sandbox_device_key, booked.appointment_id)
    assert at_insurer.state is AppointmentState.CHECKED_IN
    assert board.table.item(row, 3).text() == "Checked in"  # at once, without a read

    # Back on the Scan screen, the row is in sight; then the family shows the card again (a
    # second visit today): not checked in twice.
    driver.click(app.window.eligibility.back_button)
    driver.wait_step(Step.SCAN)
    driver.settle()
    shown = board.table.viewport().rect()
    assert shown.intersects(board.table.visualItemRect(board.table.item(row, 0)))
    driver.show_card(card(BOOKED))
    first = at_insurer.checked_in_at
    assert first is not None
    details = visible_details(app.window.eligibility)
    assert details["Appointment today"][0].endswith(
        f"already checked in at {first.astimezone(BUSINESS_TZ):%H:%M}"
    )
    again = insurer_row(fresh_sandbox, fresh_sandbox_device_key, booked.appointment_id)
    assert again.checked_in_at == first


def test_a_walk_in_at_an_ordinary_clinic_is_not_asked_for_an_appointment(kiosk):
    app, driver = kiosk
    driver.show_card(card(NOT_BOOKED))
    assert "Appointment today" not in visible_details(app.window.eligibility)
    assert app.session.visit.direct_billing


def test_a_department_that_needs_an_appointment_refuses_a_child_without_one(
    make_kiosk, sandbox, sandbox_device_key
):
    app, driver = make_kiosk(sandbox, sandbox_device_key, appointments_required=True)
    driver.show_card(card(NOT_BOOKED))
    screen, visit = app.window.eligibility, app.session.visit
    assert visit.eligibility is not None and visit.eligibility.direct_billing  # the insurer's yes
    assert visit.assessment is not None
    assert visit.assessment.verdict is Verdict.RED
    assert visit.assessment.cautions == (Caution.NO_APPOINTMENT,)
    assert screen.headline.text() == "No direct billing today"
    assert "no appointment here today" in screen.reasons.text()
    assert HOTLINE in screen.reasons.text()
    details = visible_details(screen)
    assert details["Appointment today"] == ("None booked for today", True)
    assert not screen.bill_button.isVisible() and screen.self_pay_button.isVisible()
    with pytest.raises(TransitionError):
        visit.start_bill()

    driver.click(screen.self_pay_button)
    driver.wait_step(Step.BILL)
    assert app.window.bill.title.text().startswith("Self-pay bill")


def test_a_department_that_needs_an_appointment_bills_a_booked_child(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key
):
    app, driver = make_kiosk(fresh_sandbox, fresh_sandbox_device_key, appointments_required=True)
    driver.show_card(card(BOOKED))
    assert app.session.visit.direct_billing
    assert app.window.eligibility.bill_button.isVisible()
    driver.start_bill()


def test_the_day_before_lists_each_family_to_call_with_what_to_tell_them(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key
):
    app, _driver = make_kiosk(fresh_sandbox, fresh_sandbox_device_key)
    board = loaded_board(app)
    check = board.day_before
    assert check is not None
    kinds = {p for arrival in check.problems for p in arrival.problems}
    assert kinds == {
        ArrivalProblem.GREYED_UNPAID,
        ArrivalProblem.POLICY_ENDED,
        ArrivalProblem.PREAUTH_PENDING,
    }
    assert len(check.problems) < len(check.arrivals), "families without a problem are not listed"
    assert board.calls_button.isVisible()
    assert board.calls_button.text() == f"To call today: {len(check.problems)} families…"

    dialog = board.open_calls()
    assert dialog is not None
    table = dialog.table
    assert table.rowCount() == len(check.problems)
    said = "\n".join(
        table.item(r, 2).text() + table.item(r, 4).text() for r in range(table.rowCount())
    )
    for row, arrival in enumerate(check.problems):  # until when the family can still cancel
        deadline = arrival.appointment.cancel_by.astimezone(BUSINESS_TZ)
        assert table.item(row, 3).text() == f"{deadline:%m-%d %H:%M}"
        assert deadline.hour == 16
    for words in (
        "Card on hold",
        "¥356.00",
        "Policy ended",
        "Pre-authorisation pending",
        "must be approved first",
    ):
        assert words in said
    dialog.accept()


def test_the_day_before_at_a_clinic_outside_a_members_network(make_kiosk, fresh_sandbox):
    """A standard-tier member booked at the PLUS-only clinic (before a change of tier)."""
    device_key = create_device_key(fresh_sandbox.data_dir, PLUS_ONLY_CLINIC_ID)
    app, _driver = make_kiosk(fresh_sandbox, device_key)
    pump_until(lambda: app.window.scan.arrivals.day_before is not None, 15, "the check")
    check = app.window.scan.arrivals.day_before
    assert check is not None
    assert [a.problems for a in check.problems] == [(ArrivalProblem.NOT_IN_NETWORK,)]
    dialog = app.window.scan.arrivals.open_calls()
    assert dialog is not None
    assert "network clinic through the insurer's hotline" in dialog.table.item(0, 4).text()
    dialog.accept()


def test_the_manager_sees_the_days_no_shows_and_late_cancels(
    make_kiosk, sandbox, sandbox_device_key
):
    make_kiosk(sandbox, sandbox_device_key)  # its task runner reads the insurer
    tab = AppointmentsTab()
    try:
        tab.read(today())
        pump_until(lambda: tab.listing is not None, 15, "the insurer's appointments")
        assert tab.listing is not None and tab.days is not None
        missed = [
            a
            for a in tab.listing.appointments
            if a.state in (AppointmentState.NO_SHOW, AppointmentState.CANCELLED_LATE)
        ]
        assert missed and tab.missed.rowCount() == len(missed)
        states = {tab.missed.item(r, 3).text() for r in range(tab.missed.rowCount())}
        assert states == {"Did not come", "Cancelled late"}
        assert tab.tiles["no_show"].value.text() != "0"
        assert tab.tiles["no_show"].value.property("tone") == "alert"
        assert len(tab.chart.days) == 30 and tab.chart.days[-1].date == today()
        assert sum(d.kept_or_due for d in tab.chart.days[:-1]) > 0, "the 30 days have figures"
    finally:
        tab.deleteLater()


def test_a_check_in_the_insurer_missed_is_sent_again_so_the_family_is_not_a_no_show(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key
):
    app, driver = make_kiosk(fresh_sandbox, fresh_sandbox_device_key)
    board = loaded_board(app)
    member_id = demo_member(BOOKED).member_id
    booked = next(a for a in board.appointments if a.member.member_id == member_id)
    fresh_sandbox.inject_fault(
        "status", count=10, status=503, path_prefix="/v1/appointments/check-in"
    )

    driver.show_card(card(BOOKED))
    assert app.session.visit.direct_billing, "a check-in that failed stops no visit"
    details = visible_details(app.window.eligibility)
    assert details["Appointment today"][0].startswith("Could not be confirmed with the insurer")
    row = insurer_row(fresh_sandbox, fresh_sandbox_device_key, booked.appointment_id)
    assert row.state is AppointmentState.BOOKED

    fresh_sandbox.clear_faults()  # the insurer is back: the next read of the list sends it
    listed_before = board.listed_at
    board.refresh()
    pump_until(lambda: board.listed_at != listed_before, 15, "the list read again")
    row = insurer_row(fresh_sandbox, fresh_sandbox_device_key, booked.appointment_id)
    assert row.state is AppointmentState.CHECKED_IN
    assert board.table.item(board.appointments.index(row), 3).text() == "Checked in"


def test_the_desk_and_the_command_line_tell_families_the_same_thing():
    assert arrivals_text.ADVICE == ADVICE


def test_a_list_the_insurer_cannot_refresh_stays_and_says_since_when(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key
):
    app, _driver = make_kiosk(fresh_sandbox, fresh_sandbox_device_key)
    board = loaded_board(app)
    shown = len(board.appointments)
    assert not board.as_of.isVisibleTo(board)
    fresh_sandbox.inject_fault("status", count=10, status=503, path_prefix="/v1/appointments")
    board.refresh()
    pump_until(lambda: board.stale_since is not None, 15, "the failed read")
    assert len(board.appointments) == shown and board.table.rowCount() == shown
    assert board.as_of.isVisibleTo(board)
    assert board.as_of.text().startswith("The insurer cannot be reached: the list is as of ")
    fresh_sandbox.clear_faults()
