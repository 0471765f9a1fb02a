"""A kiosk runs for weeks: what a visit, a pre-auth request or a language switch makes must not
stay behind.

Widgets after whole visits are counted as the driver leaves them, pumping events without running
`exec()`: a screen that made new widgets per family and handed the old ones to `deleteLater`
would keep them until some event loop ran, so the screens reuse theirs and the count does not
move. A closed pre-auth dialog is deleted the Qt way (deferred), so that test delivers the
deferred deletions as the running application's event loop does.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtWidgets import QApplication

from kiosk.journal import PaymentMethod
from tests.ui.conftest import card
from ui.driver import pump_until
from ui.screens.preauth import PreAuthDialog
from ui.tasks import current_runner

FAMILIES = (
    ("active_plus", (("GP003", 1), ("IMG001", 1), ("VAC002", 2)), PaymentMethod.ALIPAY),
    ("active_standard", (("GP001", 1), ("LAB001", 1), ("RX001", 1)), PaymentMethod.WECHAT),
)


def widget_count() -> int:
    QCoreApplication.processEvents()
    return len(QApplication.allWidgets())


@pytest.fixture
def own_kiosk(make_kiosk, fresh_sandbox, fresh_sandbox_device_key):
    """A kiosk on an insurer of its own: twenty visits use up the shared demo members' free
    visits, and a pre-auth request stays with its member, changing what other tests see."""
    return make_kiosk(fresh_sandbox, fresh_sandbox_device_key)


@pytest.mark.slow
def test_twenty_visits_leave_as_many_widgets_as_two(own_kiosk):
    _app, driver = own_kiosk
    counts = []
    for number in range(20):
        state, items, payment = FAMILIES[number % len(FAMILIES)]
        driver.whole_visit(card(state), items, payment)
        counts.append(widget_count())
    assert counts[-1] == counts[1], f"widgets after each visit: {counts}"


def test_a_closed_preauth_request_is_deleted_even_while_the_insurer_answers(own_kiosk):
    app, driver = own_kiosk
    driver.show_card(card("active_standard"))
    driver.start_bill()
    driver.add_item("EXAM-MRI")  # over CNY 5,000: flagged for a pre-authorisation
    driver.wait_estimate()
    (flagged,) = app.session.visit.preauth_lines()
    for _ in range(3):
        dialog = driver.open_preauth(flagged)
        pump_until(lambda d=dialog: d.calendar is not None, 10, "the working-day calendar")
        driver.click(dialog.close_button)
    driver.open_preauth(flagged)
    app.session.visit.clear()  # the idle timeout, before the insurer's calendar arrives
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    pump_until(lambda: current_runner().busy == 0, 10, "the calendar for the closed dialog")
    assert [w for w in QApplication.allWidgets() if isinstance(w, PreAuthDialog)] == []


def test_families_switching_the_language_all_day_keep_one_translator_per_file(kiosk):
    app, driver = kiosk
    for _ in range(2):
        driver.switch_language()  # each language spoken once
    translators = app.session.translations.findChildren(QTranslator)
    for _ in range(20):
        driver.switch_language()
    assert len(app.session.translations.findChildren(QTranslator)) == len(translators)
