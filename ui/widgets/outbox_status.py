"""The small outbox indicator on staff screens: all sent, N waiting, insurer unreachable, or
the device key refused (nothing is sent until a manager registers the kiosk again)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kiosk.journal import ClaimSubmitter, PreAuthChange, QueueCondition, QueueState
from ui.i18n import FollowsLanguage
from ui.tone import restyle
from ui.widgets.elided_label import ElidedLabel


class OutboxWatcher(QObject):
    """The claim submitter's state, and what it learns of pre-auth requests, on the GUI thread:
    its callbacks arrive on the submitter's thread and are forwarded through queued signals."""

    changed = Signal(object)
    preauth_changed = Signal(object)
    """A `PreAuthChange`: a request sent, refused or decided by the insurer."""
    _incoming = Signal(object)
    _preauth_incoming = Signal(object)

    def __init__(self, submitter: ClaimSubmitter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.submitter = submitter
        self.state: QueueState = submitter.state
        self._incoming.connect(self._arrived)
        self._preauth_incoming.connect(self._preauth_arrived)
        self._unsubscribe = submitter.subscribe(self._incoming.emit)
        self._unsubscribe_preauths = submitter.subscribe_preauth_changes(
            self._preauth_incoming.emit
        )

    def detach(self) -> None:
        """Stop following the submitter (before it is stopped at shutdown)."""
        self._unsubscribe()
        self._unsubscribe_preauths()

    def _preauth_arrived(self, change: PreAuthChange) -> None:
        self.preauth_changed.emit(change)

    def _arrived(self, state: QueueState) -> None:
        self.state = state
        self.changed.emit(state)


class OutboxStatus(FollowsLanguage, ElidedLabel):
    """All sent / N waiting / insurer unreachable / needs attention / device key refused, in one
    coloured pill. Where the header is short of room the pill's text ends in an ellipsis (the whole
    text in its tooltip and `text()`): the pill gives way, the header's other parts keep their
    places."""

    def __init__(self, watcher: OutboxWatcher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxStatus")
        self._state = watcher.state
        watcher.changed.connect(self._show)
        self._render()

    @property
    def state(self) -> QueueState:
        return self._state

    def retranslate(self) -> None:
        """The pill's sentence, said again in the new language."""
        self._render()

    def _show(self, state: QueueState) -> None:
        self._state = state
        self._render()

    def _render(self) -> None:
        state = self._state
        condition = state.condition
        if condition is QueueCondition.SENDER_FAILING:
            text = self.tr(
                "Claims cannot be sent: this PC's journal is failing · %n waiting, kept safe · "
                "call IT",
                "",
                state.waiting,
            )
        elif condition is QueueCondition.DEVICE_KEY_REFUSED:
            text = self.tr(
                "The insurer refused this kiosk's device key · %n claim(s) waiting. "
                "A manager must register the device again: kiosk register",
                "",
                state.waiting,
            )
        elif condition is QueueCondition.NEEDS_ATTENTION:
            text = self.tr("%n claim(s) need attention", "", state.attention)
        elif condition is QueueCondition.UNREACHABLE:
            text = self.tr("Insurer unreachable · %n waiting", "", state.waiting)
        elif condition is QueueCondition.WAITING:
            text = self.tr("%n claim(s) waiting to send", "", state.waiting)
        else:
            text = self.tr("All claims sent")
        self.setText(text)
        restyle(self, "condition", condition.value)
