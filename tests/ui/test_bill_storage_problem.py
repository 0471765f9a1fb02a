"""A bill the journal could not store is explained in the desk's language, without file paths.

The failures are real: the kiosk's own journal file is locked by another program, or its
connections are closed under it, and reception taps "Sign" as always.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing

import pytest

from kiosk.journal.errors import JournalUnavailable
from kiosk.visit import Step
from tests.ui.conftest import card
from ui.driver import KioskDriver, pump_until
from ui.launch import Kiosk
from ui.messages import journal_problem
from ui.tasks import current_runner

CJK = re.compile(r"[\u4e00-\u9fff]")


def at_the_bill_in_chinese(driver: KioskDriver) -> None:
    driver.switch_language()
    driver.show_card(card("active_plus"))
    driver.start_bill()
    driver.add_item("GP001")
    driver.wait_estimate()


def tap_sign_until_refused(kiosk: Kiosk, driver: KioskDriver) -> str:
    """Tap Sign; returns what the bill screen says once the journal's write has failed."""
    bill = kiosk.window.bill
    driver.click(bill.sign_button)
    runner = current_runner()
    # The journal waits its busy timeout (10 s) for another writer before giving up.
    pump_until(lambda: runner.busy == 0, 30, "the bill's write to end")
    assert kiosk.session.visit.step is Step.BILL
    assert bill.sign_button.isEnabled(), "reception may try again"
    return bill.state.text()


@pytest.mark.slow
def test_a_journal_that_cannot_be_written_is_said_in_chinese_without_its_path(kiosk):
    app, driver = kiosk
    at_the_bill_in_chinese(driver)
    path = app.journal.path
    expected = journal_problem(JournalUnavailable(f"The journal {path} cannot be used."))

    # Another program (a backup tool, a database browser left open) holds the write lock.
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        shown = tap_sign_until_refused(app, driver)
        other.execute("ROLLBACK")

    assert shown == expected
    assert CJK.search(shown)
    assert str(path.parent) not in shown and path.name not in shown
    assert not re.search(r"[A-Za-z]{4}", shown.replace("IT", ""))
    driver.present()  # the other program let go: the same bill is stored and turned to sign


def test_an_unexpected_storage_failure_still_gets_a_translated_sentence(kiosk):
    app, driver = kiosk
    at_the_bill_in_chinese(driver)
    # Every connection of the journal closed under the kiosk: sqlite3 raises its own errors, not
    # the journal's, so the screen has no cause to name.
    app.journal.close()
    unavailable = journal_problem(JournalUnavailable("cannot be used"))
    expected = journal_problem(sqlite3.ProgrammingError("Cannot operate on a closed database."))
    assert expected != unavailable

    shown = tap_sign_until_refused(app, driver)

    assert shown == expected
    assert CJK.search(shown)
    assert str(app.journal.path.parent) not in shown
