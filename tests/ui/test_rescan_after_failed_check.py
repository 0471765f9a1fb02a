"""A card whose eligibility check came to nothing may be shown again at once, not 'already used'."""

from __future__ import annotations

from kiosk.visit import Step
from tests.ui.conftest import card
from ui.driver import pump_until


def test_the_same_card_is_accepted_again_after_the_insurer_failed(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key
):
    app, driver = make_kiosk(fresh_sandbox, fresh_sandbox_device_key)
    fresh_sandbox.inject_fault("status", count=10, status=500, path_prefix="/v1/eligibility")
    token = card("active_plus")
    driver.scan(token)
    scan = app.window.scan
    pump_until(
        lambda: app.session.visit.step is Step.SCAN and scan.status.text() != "",
        15,
        "the failed check to be reported",
    )
    fresh_sandbox.clear_faults()

    driver.scan(token)

    driver.wait_step(Step.ELIGIBILITY, timeout=15)


def test_the_same_card_is_accepted_again_after_reception_cancelled_the_check(
    make_kiosk, fresh_sandbox, fresh_sandbox_device_key, qtbot
):
    app, driver = make_kiosk(fresh_sandbox, fresh_sandbox_device_key)
    fresh_sandbox.inject_fault("delay", count=1, delay_ms=1500, path_prefix="/v1/eligibility")
    token = card("active_plus")
    driver.scan(token)
    scan = app.window.scan
    pump_until(lambda: app.session.visit.step is Step.CHECKING, 5, "the check to start")
    driver.click(scan.cancel_check)

    driver.scan(token)

    driver.wait_step(Step.ELIGIBILITY, timeout=15)
    assert "already used" not in scan.status.text()


def test_a_card_the_insurer_answered_for_stays_used(kiosk):
    app, driver = kiosk
    token = card("active_plus")
    driver.show_card(token)
    driver.click(app.window.eligibility.back_button)

    driver.scan(token)

    assert "already used" in app.window.scan.status.text()
