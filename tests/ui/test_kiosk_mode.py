"""Kiosk mode: the window a clinic leaves running closes only through a manager's PIN exit, and
the process's exit status tells systemd whether to start it again (Restart=on-failure)."""

from __future__ import annotations

import signal

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton

from insurer_sandbox.demo import DEMO_MEMBERS
from kiosk.journal import Journal
from kiosk.scan.demo_camera import DemoCamera
from kiosk.staff import Permission, Role, StaffDirectory
from kiosk.visit import Step
from launchers.demo import DEMO_STAFF, add_demo_staff, fresh_token
from tests.ui.conftest import to_sign
from tests.ui.kiosk_process import kiosk_process, wait_until_running
from ui.demo_panel import DemoPanel
from ui.driver import KioskDriver, pump_until
from ui.launch import EXIT_OK, EXIT_UNEXPECTED, Kiosk

MANAGER_PIN = "602417"
RECEPTION_PIN = "385190"


@pytest.fixture
def locked_kiosk(make_kiosk, sandbox, sandbox_device_key) -> Kiosk:
    """A kiosk in kiosk mode with a manager and a receptionist, started and ready."""
    kiosk, _driver = make_kiosk(sandbox, sandbox_device_key, kiosk_mode=True)
    directory = StaffDirectory(kiosk.journal)
    manager = directory.add("Wang Fang", Role.MANAGER, MANAGER_PIN)
    directory.add("Li Na", Role.RECEPTION, RECEPTION_PIN, added_by=manager)
    return kiosk


def sign_in(kiosk: Kiosk, name: str, pin: str) -> None:
    """Tap Staff, choose `name`, type the PIN on the keypad; returns once the dashboard is up."""
    area = kiosk.window.manager
    kiosk.window.header.staff_button.click()
    pump_until(lambda: len(area.sign_in.members) == 2, what="the staff list")
    area.sign_in.choose(next(m.id for m in area.sign_in.members if m.name == name))
    for digit in pin:
        area.sign_in.pad.digit_keys[digit].click()
    area.sign_in.pad.submit_key.click()
    pump_until(lambda: area.dashboard is not None, what="the dashboard")


class KeysSeen(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.keys: list[int] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            self.keys.append(event.key())
        return False


def test_closing_is_refused_without_a_manager_and_leaving_keys_are_swallowed(locked_kiosk):
    window = locked_kiosk.window
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.isFullScreen()

    assert window.close() is False
    close = QCloseEvent()
    QApplication.sendEvent(window, close)  # what the window manager's close button sends
    assert not close.isAccepted()
    QApplication.processEvents()
    assert window.isVisible() and locked_kiosk.exit_status is None

    seen = KeysSeen()
    window.installEventFilter(seen)
    alt, ctrl = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
    for key, modifiers in (
        (Qt.Key.Key_F4, alt),
        (Qt.Key.Key_Tab, alt),
        (Qt.Key.Key_Q, ctrl),
        (Qt.Key.Key_Meta, Qt.KeyboardModifier.MetaModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
    ):
        QApplication.sendEvent(window, QKeyEvent(QEvent.Type.KeyPress, key, modifiers))
    window.removeEventFilter(seen)
    assert seen.keys == [Qt.Key.Key_F4]  # only the plain F4 reached the window
    assert window.isVisible()


def test_reception_gets_no_exit_and_the_closing_stays_refused(locked_kiosk):
    sign_in(locked_kiosk, "Li Na", RECEPTION_PIN)
    dashboard = locked_kiosk.window.manager.dashboard
    assert dashboard.back_button.isVisible()
    assert not dashboard.exit_button.isVisible()
    assert locked_kiosk.window.close() is False


def test_a_manager_exit_ends_the_event_loop_with_status_0(locked_kiosk):
    kiosk, app = locked_kiosk, locked_kiosk.app
    window = kiosk.window

    def exit_as_manager() -> None:
        sign_in(kiosk, "Wang Fang", MANAGER_PIN)
        dashboard = window.manager.dashboard
        dashboard.exit_button.click()
        assert dashboard.confirm_exit.isVisible()
        dashboard.exit_cancel_button.click()  # changed their mind once
        assert not dashboard.confirm_exit.isVisible() and window.isVisible()
        dashboard.exit_button.click()
        dashboard.exit_confirm_button.click()

    QTimer.singleShot(0, exit_as_manager)
    # A guard, never to hang the suite; stopped once the loop ends: fired later, outside any
    # event loop, its exit() would leave Qt's quit flag set and make every later local event
    # loop of the test session (qtbot.waitUntil's) return at once.
    guard = QTimer(singleShot=True, interval=30_000)
    guard.timeout.connect(lambda: app.exit(99))
    guard.start()
    try:
        assert kiosk.exec() == EXIT_OK
    finally:
        guard.stop()
    assert not window.isVisible()
    assert window.exit_granted_by.name == "Wang Fang"
    last = kiosk.journal.audit_entries()[-1]
    assert (last.action, last.subject) == ("kiosk.exited", f"staff:{window.exit_granted_by.id}")


def test_an_event_loop_ended_by_anything_else_is_a_failure(locked_kiosk):
    QTimer.singleShot(0, lambda: locked_kiosk.app.exit(0))
    assert locked_kiosk.exec() == EXIT_UNEXPECTED != 0


def test_the_family_signing_screen_offers_no_way_to_staff_or_exit(locked_kiosk):
    driver = KioskDriver(locked_kiosk)
    window = locked_kiosk.window
    to_sign(driver)
    driver.wait_step(Step.SIGN)
    assert window.stack.currentWidget() is window.sign
    shown = [b.text() for b in window.findChildren(QPushButton) if b.isVisible()]
    assert shown and not window.header.staff_button.isVisible()
    assert not {"Staff", "Exit the kiosk", "Exit now"} & set(shown)
    assert window.close() is False and window.isVisible()


@pytest.mark.parametrize(("stop", "status"), [(signal.SIGTERM, 0), (signal.SIGINT, 130)])
def test_a_stop_signal_closes_the_kiosk_cleanly(
    sandbox, sandbox_device_key, tmp_path, stop, status
):
    with kiosk_process(sandbox, sandbox_device_key, tmp_path) as process:
        assert "(kiosk mode on)" in wait_until_running(process)
        process.send_signal(stop)
        returncode = process.wait(timeout=20)
        rest = process.stderr.read()
    assert returncode == status, rest
    assert "Traceback" not in rest
    journal = tmp_path / "data" / "journal.sqlite3"
    assert journal.exists()
    # The last connection closed cleanly: SQLite folds the write-ahead log back and removes it.
    assert not journal.with_name("journal.sqlite3-wal").exists()


def test_the_demo_has_a_manager_and_a_receptionist_whose_pins_the_panel_shows(
    locked_kiosk, tmp_path
):
    journal_path = tmp_path / "demo" / "journal.sqlite3"
    add_demo_staff(journal_path)
    with Journal.open(journal_path) as journal:
        directory = StaffDirectory(journal)
        pins = {person.name: person.pin for person in DEMO_STAFF}
        signed_in = [directory.sign_in(m.id, pins[m.name]) for m in directory.members()]
    assert {m.role: m.may(Permission.EXIT) for m in signed_in} == {
        Role.MANAGER: True,
        Role.RECEPTION: False,
    }
    panel = DemoPanel(locked_kiosk, DemoCamera(), DEMO_MEMBERS, fresh_token, DEMO_STAFF)
    try:
        assert "Demo manager PIN: 112233" in panel.staff_pins.text()
        assert "Demo reception PIN: 445566" in panel.staff_pins.text()
    finally:
        panel.deleteLater()
