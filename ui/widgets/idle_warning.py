"""'Still there? Tap to continue': the countdown over a window before an idle visit is cleared.

The overlay covers its whole window, so the tap that answers it lands on nothing underneath (a
tap meant for "continue" must not sign or pay). The application's idle watcher sees that tap as
activity like any other and ends the warning; the overlay itself only shows and counts.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.i18n import FollowsLanguage, Translations

REFRESH_MS = 200
"""How often the seconds left are read again: the number never lags a second behind."""


class IdleWarning(FollowsLanguage, QWidget):
    """The countdown over `window`, hidden until `start`."""

    def __init__(self, window: QWidget, translations: Translations) -> None:
        super().__init__(window)
        self.setObjectName("idleWarning")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._translations = translations
        self._seconds_left: Callable[[], float] = lambda: 0.0
        self.headline = QLabel(objectName="idleHeadline", alignment=Qt.AlignmentFlag.AlignCenter)
        self.headline.setWordWrap(True)
        self.other_language = QLabel(objectName="idleOther", alignment=Qt.AlignmentFlag.AlignCenter)
        self.other_language.setWordWrap(True)
        self.countdown = QLabel(objectName="idleCountdown", alignment=Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel(objectName="hint", alignment=Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        card = QFrame()
        card.setObjectName("idleCard")
        card.setMaximumWidth(760)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(48, 36, 48, 36)
        inner.setSpacing(14)
        for label in (self.headline, self.other_language, self.countdown, self.note):
            inner.addWidget(label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self._refresh = QTimer(self)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._count)
        window.installEventFilter(self)
        self.hide()
        self.retranslate()

    def start(self, seconds_left: Callable[[], float]) -> None:
        """Cover the window and count down the `seconds_left` until the visit is cleared."""
        self._seconds_left = seconds_left
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.retranslate()
        self.show()
        self.raise_()
        self._refresh.start()

    def stop(self) -> None:
        self._refresh.stop()
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # Taken here so it reaches no button underneath; the idle watcher has counted it.
        event.accept()

    def retranslate(self) -> None:
        self.headline.setText(self.tr("Still there? Tap to continue"))
        # A family reading the other language is asked too.
        other = self._translations.other()
        self.other_language.setText(
            self._translations.translate_in(other, "IdleWarning", "Still there? Tap to continue")
        )
        self.note.setText(self.tr("Then this visit is cleared for the next family."))
        self._count()

    def _count(self) -> None:
        seconds = math.ceil(self._seconds_left())
        self.countdown.setText(self.tr("{seconds} s").format(seconds=seconds))
