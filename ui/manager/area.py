"""What the staff window shows when someone taps "Staff": the sign-in first, then a dashboard
made for the person who signed in, and nothing of theirs left once they sign out or the kiosk
goes idle.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from kiosk.staff import StaffMember
from ui.idle import IdleWatcher
from ui.manager.context import ManagerContext
from ui.manager.screen import ManagerScreen
from ui.manager.signin import SignInScreen
from ui.tasks import Task


class ManagerArea(QStackedWidget):
    """Sign-in, then the dashboard of whoever signed in. `leave` asks to go back to the desk.

    Its own idle watcher signs the person out after `ManagerContext.idle_seconds` without input,
    whatever the desk's idle timeout is.
    """

    leave = Signal()
    exit_kiosk = Signal(object)
    """The manager (`StaffMember`) who confirmed "Exit the kiosk"; the exit is in the audit
    trail by then (or the journal could not be written, which must not keep the kiosk open)."""
    opened_dashboard = Signal(object)
    """The `ManagerScreen` just made for a signed-in person (tests and screenshots use it)."""

    def __init__(self, context: ManagerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managerArea")
        self.context = context
        self.sign_in = SignInScreen(context.directory)
        self.sign_in.signed_in.connect(self._signed_in)
        self.sign_in.cancelled.connect(self.leave)
        self.addWidget(self.sign_in)
        self.dashboard: ManagerScreen | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.idle_watcher = IdleWatcher(app, context.idle_seconds)
            self.idle_watcher.setParent(self)
            self.idle_watcher.idle.connect(self.idle)

    def open(self) -> None:
        """Show the sign-in (or the dashboard of the person still signed in)."""
        if self.dashboard is None:
            self.sign_in.reset()
            self.setCurrentWidget(self.sign_in)

    def _signed_in(self, member: StaffMember) -> None:
        self.dashboard = ManagerScreen(self.context, member)
        self.dashboard.signed_out.connect(lambda: self.sign_out("signed-out"))
        self.dashboard.leave.connect(self.leave)
        self.dashboard.exit_kiosk.connect(lambda: self._exit(member))
        self.addWidget(self.dashboard)
        self.setCurrentWidget(self.dashboard)
        self.opened_dashboard.emit(self.dashboard)

    def _exit(self, member: StaffMember) -> None:
        directory = self.context.directory
        Task(lambda: directory.record_exit(member)).success(
            lambda _none: self.exit_kiosk.emit(member)
        ).failure(lambda _error: self.exit_kiosk.emit(member)).run()

    def sign_out(self, reason: str = "signed-out") -> None:
        """End the session: the dashboard and everything it showed are gone."""
        dashboard, self.dashboard = self.dashboard, None
        if dashboard is None:
            return
        member = dashboard.member
        self.removeWidget(dashboard)
        dashboard.deleteLater()
        directory = self.context.directory
        Task(lambda: directory.sign_out(member, reason=reason)).run()
        self.open()

    def preauths_changed(self) -> None:
        """The outbox heard the insurer decide a pre-auth request: the open dashboard reads its
        day again, so the pre-auth panel shows the statuses as they are now."""
        if self.dashboard is not None:
            self.dashboard.reload()

    def idle(self) -> None:
        """Nobody touched the kiosk for a while: sign out and hand the screen back to the desk."""
        if self.dashboard is not None:
            self.sign_out("idle")
        if self.isVisible():
            self.leave.emit()
