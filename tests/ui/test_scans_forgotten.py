"""When a visit is forgotten, the e-card the family showed is not kept in the kiosk's memory."""

from __future__ import annotations

from kiosk.visit import Step
from tests.ui.conftest import card


def test_the_idle_clear_drops_the_scanned_card_from_memory(make_kiosk, sandbox, sandbox_device_key):
    app, driver = make_kiosk(sandbox, sandbox_device_key, idle_seconds=1.0)
    token = card("active_plus")
    driver.show_card(token)
    reader = app.session.scans.reader
    assert not reader.events.empty()

    driver.wait_step(Step.SCAN, timeout=5)

    assert reader.events.empty()
