"""Suite-wide settings: Qt runs offscreen, and nothing reaches a real keyring or the network.

Every test also leaves the process as it found it: no thread of its own still running (a worker
not stopped would go on touching files and sockets under the next test), and, where a Qt
application exists, no window of its own and no timer it started still running (both would fire
into the next test). A test that breaks this fails at its teardown and names what it left.
"""

import os
import sys
import threading
import time
import weakref
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from kiosk.credentials import use_ephemeral_keyring
from kiosk.privacy import uninstall_log_redaction

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI machines are small and shared: a property must hold, not run fast (speed is for bench/).
settings.register_profile(
    "kiosk", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=False
)
settings.load_profile("kiosk")

pytest_plugins = ["tests.sandbox_fixtures", "tests.clinic_day", "tests.clinic_databases"]

# The device key and the journal's audit key live in the keyring: every test gets one in memory
# (tests that need their own install it and put this one back).
use_ephemeral_keyring()

THREADS_END_WITHIN = 5.0
"""Seconds a thread the test asked to stop (without joining it) gets to end after the test."""


@pytest.fixture(autouse=True)
def no_thread_left_running() -> Iterator[None]:
    """Fail the test if a non-daemon thread it started (or its fixtures did) outlives it."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + THREADS_END_WITHIN
    left = [t for t in threading.enumerate() if t not in before and not t.daemon]
    for thread in left:
        thread.join(max(0.0, deadline - time.monotonic()))
    running = [thread.name for thread in left if thread.is_alive()]
    assert not running, f"the test left threads running: {running}"


@pytest.fixture(autouse=True)
def no_window_or_timer_left_behind() -> Iterator[None]:
    """Where Qt is in use: fail the test if a top-level widget it made still exists once deleted
    objects are gone, or a QTimer it started is still running."""
    if "PySide6.QtWidgets" not in sys.modules:  # a Qt-free test: no application, nothing to do
        yield
        return
    from PySide6.QtCore import QCoreApplication, QEvent, QTimer
    from PySide6.QtWidgets import QApplication
    from shiboken6 import Shiboken

    def windows() -> dict[int, object]:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return {}
        return {Shiboken.getCppPointer(w)[0]: w for w in app.topLevelWidgets()}

    before = set(windows())
    started: weakref.WeakSet[QTimer] = weakref.WeakSet()
    start = QTimer.start

    def noted_start(timer: QTimer, *args: object) -> None:
        started.add(timer)
        start(timer, *args)

    QTimer.start = noted_start
    try:
        yield
    finally:
        QTimer.start = start
    if QCoreApplication.instance() is None:
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    left = [w for pointer, w in windows().items() if pointer not in before]
    running = [t for t in started if Shiboken.isValid(t) and t.isActive()]
    described = [f"{type(w).__name__} {w.objectName()!r}" for w in left]
    described += [f"{type(t).__name__} {t.objectName()!r} ({t.interval()} ms)" for t in running]
    for timer in running:
        timer.stop()
    for window in left:  # gone, so that the next test starts clean and is not blamed
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not described, f"the test left windows or running timers behind: {described}"


@pytest.fixture
def plain_logging_afterwards() -> Iterator[None]:
    """For tests that run the `kiosk` command: it redacts every log record of the process from
    then on, which is undone after the test."""
    yield
    uninstall_log_redaction()
