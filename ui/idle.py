"""Idle timeout: after a quiet spell the visit is cleared and the kiosk goes back to Scan.

One event filter on the application sees every press, key and touch in every window, so no
screen has to remember to reset a timer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
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
    """Emits `idle` once after `seconds` without user input; any input starts the count again."""

    idle = Signal()

    def __init__(self, app: QApplication, seconds: float) -> None:
        super().__init__(app)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_timeout(seconds)
        app.installEventFilter(self)

    def set_timeout(self, seconds: float) -> None:
        self._timer.setInterval(max(1, round(seconds * 1000)))
        self._timer.start()

    def poke(self) -> None:
        """Activity that is not a user event (a card was scanned) also counts."""
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self._timer.start()
        return False
