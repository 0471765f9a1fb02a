"""The bar that tells reception what became of a pre-authorisation request the desk filed.

The insurer decides days after the request (the manual's 5 working days), so the answer reaches
the desk while it serves other families: the outbox asks, and this bar says "approved", "denied"
or "the insurer needs more information" with the item and the member, until reception has seen
it. Staff screens only: the family never sees another family's request.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.insurer.models import PreAuthStatus
from kiosk.journal import PreAuthChange
from kiosk.money import format_yuan
from ui.i18n import FollowsLanguage
from ui.tone import set_tone
from ui.widgets.outbox_status import OutboxWatcher

Naming = Callable[[PreAuthChange], tuple[str, str]]
"""The item and the member of a change as the desk names them now: the catalogue's name in the
screen's language, the child masked as on screens (or the member number)."""


class PreAuthNews(FollowsLanguage, QFrame):
    """The latest pre-auth news, newest first, until reception clicks "Seen"."""

    def __init__(
        self, watcher: OutboxWatcher, naming: Naming, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preauthNews")
        self.naming = naming
        self.news: list[PreAuthChange] = []
        self.allowed = True
        self.text = QLabel(objectName="preauthNewsText", wordWrap=True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.seen_button = QPushButton(objectName="small")
        self.seen_button.clicked.connect(self.seen)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 8, 16, 8)
        layout.setSpacing(12)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.seen_button, 0, Qt.AlignmentFlag.AlignVCenter)
        watcher.preauth_changed.connect(self.tell)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.seen_button.setText(self.tr("Seen"))
        self._render()

    def tell(self, change: PreAuthChange) -> None:
        """A change worth a person's attention: a decision, or a request the insurer refused.
        Sending a request (none to pending) is what reception asked for: not news."""
        if change.new_status is PreAuthStatus.PENDING and change.old_status is None:
            return
        self.news.insert(0, change)
        self._render()

    def allow(self, allowed: bool) -> None:
        """Hidden while the family holds the screen; the news waits for reception."""
        self.allowed = allowed
        self._render()

    def seen(self) -> None:
        self.news.clear()
        self._render()

    def sentence(self, change: PreAuthChange) -> str:
        """One change in the desk's words."""
        name, who = self.naming(change)
        what = self.tr("{item} ({code}) for {member}").format(
            item=name, code=change.item_code, member=who
        )
        preauth = change.preauth
        if change.new_status is None:
            return self.tr(
                "Pre-authorisation request not accepted by the insurer: {what}. {why}"
            ).format(what=what, why=change.refusal or "")
        if change.new_status is PreAuthStatus.APPROVED and preauth and preauth.grant:
            grant = preauth.grant
            return self.tr(
                "Pre-authorisation approved: {what}, {amount} from {start} to {end}, auth {auth}."
            ).format(
                what=what,
                amount=format_yuan(grant.approved_fen),
                start=grant.valid_from.isoformat(),
                end=grant.valid_until.isoformat(),
                auth=grant.auth_number,
            )
        note = f" {preauth.decision_note}" if preauth and preauth.decision_note else ""
        if change.new_status is PreAuthStatus.DENIED:
            return self.tr("Pre-authorisation denied: {what}.").format(what=what) + note
        if change.new_status is PreAuthStatus.INFO_REQUESTED:
            return (
                self.tr(
                    "The insurer needs more information for a pre-authorisation: {what}."
                ).format(what=what)
                + note
            )
        return self.tr("Pre-authorisation is pending again: {what}.").format(what=what)

    def _render(self) -> None:
        if not self.news:
            self.text.clear()
            self.hide()
            return
        lines = [self.sentence(change) for change in self.news[:3]]
        if len(self.news) > 3:
            lines.append(self.tr("… and %n more.", "", len(self.news) - 3))
        self.text.setText("\n".join(lines))
        latest = self.news[0].new_status
        set_tone(self, "" if latest is PreAuthStatus.APPROVED else "warning")
        self.setVisible(self.allowed)
