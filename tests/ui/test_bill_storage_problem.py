"""A bill the journal could not store is explained in the desk's language, without file paths."""

from __future__ import annotations

import re

import pytest

from kiosk.journal import Journal
from kiosk.journal.errors import JournalError, JournalUnavailable
from tests.ui.conftest import card

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_a_journal_that_cannot_be_written_is_said_in_chinese_without_its_path(kiosk, tmp_path):
    app, driver = kiosk
    driver.switch_language()
    driver.show_card(card("active_plus"))
    driver.start_bill()
    driver.add_item("GP001")
    driver.wait_estimate()
    with pytest.raises(JournalUnavailable) as unusable:
        Journal.open(tmp_path)  # a folder, not a journal file: SQLite cannot open it
    assert str(tmp_path) in unusable.value.message

    app.window.bill._present_failed(unusable.value)

    shown = app.window.bill.state.text()
    assert CJK.search(shown)
    assert str(tmp_path) not in shown
    assert not re.search(r"[A-Za-z]{4}", shown.replace("IT", ""))


def test_an_unexpected_storage_failure_still_gets_a_translated_sentence(kiosk):
    app, driver = kiosk
    driver.switch_language()
    driver.show_card(card("active_plus"))
    driver.start_bill()
    driver.add_item("GP001")
    driver.wait_estimate()

    app.window.bill._present_failed(JournalError("The journal /srv/kiosk/journal.sqlite3 broke"))

    shown = app.window.bill.state.text()
    assert CJK.search(shown)
    assert "/srv/kiosk" not in shown
