"""The demo's appointments: today's arrivals beside the camera, tomorrow's families to call, a
booked child checked in by the scan, and a department that direct-bills only by appointment
refusing a child without one (the visit goes on as self-pay)."""

from __future__ import annotations

from kiosk.insurer.appointments import AppointmentState
from kiosk.visit import Step
from ui.demo_script.walk import Member, Walk
from ui.driver import pump_until


def arrivals_screens(walk: Walk[Member]) -> None:
    """The desk's list of today's appointments, then the day-before check's list of families
    to call today."""
    board = walk.window.scan.arrivals
    pump_until(
        lambda: (
            bool(board.appointments)
            and board.day_before is not None
            and bool(board.day_before.problems)
        ),
        15,
        "today's appointments and the day-before check",
    )
    walk.driver.settle()
    walk.shot("00a-arrivals")
    dialog = board.open_calls()
    assert dialog is not None, "the demo has families to call today"
    walk.driver.settle()
    walk.shot("00b-arrivals-tomorrow", dialog)
    walk.driver.click(dialog.close_button)


def checked_in(walk: Walk[Member]) -> None:
    """Back on the scan screen after the booked child's visit: the list says they came."""
    board = walk.window.scan.arrivals
    pump_until(
        lambda: any(a.state is AppointmentState.CHECKED_IN for a in board.appointments),
        10,
        "the check-in on the list",
    )
    walk.driver.settle()
    walk.shot("00c-arrivals-checked-in")


def appointment_required(walk: Walk[Member], member: Member, number: int) -> None:
    """At a department that direct-bills only by appointment (the clinic's setting), a child
    with none today is refused with the reason and the hotline, and the visit can go on as
    self-pay."""
    prefix = f"{number:02d}-appointment-required"
    visit = walk.kiosk.session.visit
    visit.appointments_required = True
    try:
        walk.camera.show(walk.token_for(member))
        walk.driver.wait_step(Step.ELIGIBILITY, 15)
        walk.shot(f"{prefix}-1-refused")
        assert not visit.direct_billing, "no appointment today: no direct billing"
        walk.driver.click(walk.window.eligibility.back_button)
        walk.phone_away()
    finally:
        visit.appointments_required = False
