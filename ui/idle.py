"""Idle timeout: after a quiet spell the visit is cleared and the kiosk goes back to Scan.

One event filter on the application sees every press, key and touch in every window, so no
screen has to remember to reset a timer. The last `warning_seconds` of the quiet spell are a
countdown the screens can show ("still there?"); any input during it starts the count again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.Wheel,
    }
)


class IdleWatcher(QObject):
    """Emits `idle` once after `seconds` without user input; any input starts the count again.

    With `warning_seconds`, `warning` is emitted that long before `idle` and `resumed` when input
    arrives during the countdown, so the family is asked before its visit is cleared. The warning
    takes at most half the idle time: a short idle time still begins with a quiet spell.
    """

    idle = Signal()
    warning = Signal()
    resumed = Signal()

    def __init__(self, app: QApplication, seconds: float, warning_seconds: float = 0.0) -> None:
        super().__init__(app)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # the countdown shows its seconds
        self._timer.timeout.connect(self._timed_out)
        self._warning_timer = QTimer(self)
        self._warning_timer.setSingleShot(True)
        self._warning_timer.timeout.connect(self._warn)
        self._total_ms = 1
        self._warning_ms = 0
        self._requested_warning = warning_seconds
        self.warning_shown = False
        """The countdown is running (between `warning` and `idle` or `resumed`)."""
        self.set_timeout(seconds)
        app.installEventFilter(self)

    def set_timeout(self, seconds: float, warning_seconds: float | None = None) -> None:
        """Idle after `seconds`, the countdown from `warning_seconds` before (kept if None);
        the count starts again now."""
        if warning_seconds is not None:
            self._requested_warning = warning_seconds
        self._total_ms = max(1, round(seconds * 1000))
        self._warning_ms = min(round(self._requested_warning * 1000), self._total_ms // 2)
        self._warning_timer.setInterval(self._total_ms - self._warning_ms)
        self.poke()

    def seconds_left(self) -> float:
        """Until `idle` is emitted (0 once it has been)."""
        return max(0, self._timer.remainingTime()) / 1000 if self._timer.isActive() else 0.0

    def warn_now(self) -> None:
        """Start the countdown at once, as if the quiet spell before it had passed (the demo's
        screenshots of the warning use it)."""
        if not self._warning_ms:
            return
        self._warning_timer.stop()
        self._timer.start(self._warning_ms)
        self._warn()

    def poke(self) -> None:
        """Activity that is not a user event (a card was scanned) also counts."""
        self._timer.start(self._total_ms)
        if self._warning_ms:
            self._warning_timer.start()
        if self.warning_shown:
            self.warning_shown = False
            self.resumed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.poke()
        return False

    def _warn(self) -> None:
        self.warning_shown = True
        self.warning.emit()

    def _timed_out(self) -> None:
        self.warning_shown = False
        self.idle.emit()
