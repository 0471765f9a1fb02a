"""Before an idle visit is cleared the family is asked "Still there? Tap to continue" with a
countdown, on the desk's screen and on the family's own; a tap keeps the visit, silence clears it
from screen and memory as before."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QTableWidget, QWidget

from kiosk.money import format_yuan
from kiosk.visit import Step
from tests.ui.conftest import to_sign
from tests.ui.two_monitors import findings_on_two_monitors

CJK = re.compile(r"[\u4e00-\u9fff]")


def texts(screen: QWidget) -> list[str]:
    """Everything a screen shows in words: its labels and its tables' cells."""
    shown = [label.text() for label in screen.findChildren(QLabel)]
    for table in screen.findChildren(QTableWidget):
        shown += [
            table.item(row, column).text()
            for row in range(table.rowCount())
            for column in range(table.columnCount())
            if table.item(row, column) is not None
        ]
    return shown


def test_sign_asks_still_there_a_tap_keeps_the_visit_and_silence_clears_it(
    make_kiosk, sandbox, sandbox_device_key, qtbot
):
    kiosk, driver = make_kiosk(sandbox, sandbox_device_key)
    to_sign(driver)
    visit, window = kiosk.session.visit, kiosk.window
    masked = visit.eligibility.member.name_masked
    total = format_yuan(visit.adjudication.total_submitted_fen)
    assert any(masked in text for text in texts(window.sign))
    assert any(total in text for text in texts(window.sign))
    warning = window.idle_warning
    kiosk.idle.set_timeout(3.0, warning_seconds=1.5)

    qtbot.waitUntil(warning.isVisible, timeout=5000)
    assert warning.headline.text() == "Still there? Tap to continue"
    assert "还在吗" in warning.other_language.text()  # asked in the other language too
    assert re.fullmatch(r"[12] s", warning.countdown.text())
    assert warning.geometry() == window.rect()
    qtbot.waitUntil(lambda: warning.countdown.text() == "1 s", timeout=3000)

    # The tap lands where "Sign the bill" is: it answers the question and signs nothing.
    confirm = window.sign.confirm_button
    tap = warning.mapFrom(window, confirm.mapTo(window, confirm.rect().center()))
    QTest.mouseClick(warning, Qt.MouseButton.LeftButton, pos=tap)
    assert not warning.isVisible()
    assert visit.step is Step.SIGN and visit.presented is not None
    assert kiosk.session.journal.claims() == []
    assert any(masked in text for text in texts(window.sign))

    qtbot.waitUntil(warning.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: visit.step is Step.SCAN, timeout=5000)
    assert not warning.isVisible()
    assert visit.eligibility is None and visit.presented is None
    assert not any(masked in text or total in text for text in texts(window.sign))
    assert window.sign.pad.is_empty()


def test_nothing_is_asked_on_the_scan_screen(make_kiosk, sandbox, sandbox_device_key, qtbot):
    kiosk, _driver = make_kiosk(sandbox, sandbox_device_key)
    warning = kiosk.window.idle_warning
    shown_when_warned: list[bool] = []
    kiosk.idle.warning.connect(lambda: shown_when_warned.append(warning.isVisible()))
    with qtbot.waitSignal(kiosk.idle.idle, timeout=5000):
        kiosk.idle.set_timeout(1.0, warning_seconds=0.5)
    assert shown_when_warned == [False]
    assert kiosk.session.visit.step is Step.SCAN


def test_with_two_monitors_the_family_is_asked_on_its_own_screen(
    sandbox, sandbox_device_key, tmp_path
):
    findings = findings_on_two_monitors(
        "tests.ui.idle_second_display", sandbox, sandbox_device_key, tmp_path
    )
    assert findings == dict.fromkeys(findings, "True") and len(findings) == 8, findings
