"""The kiosk application: one QApplication, one style, two languages, one window of screens.

The main window is a stack of screens that follows the visit's step (`kiosk.visit.Visit`); the
idle watcher clears the visit after a quiet spell, which sends every screen back to Scan with
nothing of the last family left in it, and asks "still there?" with a countdown first. Text size
and contrast (`ui.readability`) are the family's choice for its visit.

In kiosk mode the window is full screen without a frame and refuses to close until a manager
signs in and chooses "Exit the kiosk"; the keys that leave an application are swallowed where Qt
sees them (what only the compositor or the OS can block: docs/operations.md).
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProxyStyle,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyleOption,
    QVBoxLayout,
    QWidget,
)

from kiosk.correction import Correction
from kiosk.journal import PreAuthChange
from kiosk.staff import StaffMember
from kiosk.visit import Step
from ui.i18n import DEFAULT_LANGUAGE, FollowsLanguage, Translations
from ui.idle import IdleWatcher
from ui.manager.area import ManagerArea
from ui.manager.context import manager_context
from ui.manager.screen import ManagerScreen
from ui.readability import Readability, style_sheet
from ui.screens.bill import BillScreen
from ui.screens.done import DoneScreen
from ui.screens.eligibility import EligibilityScreen
from ui.screens.scan import ScanScreen
from ui.screens.sign import SignScreen
from ui.session import KioskSession
from ui.tone import restyle
from ui.widgets.his_offer import record_his_billed
from ui.widgets.idle_warning import IdleWarning
from ui.widgets.outbox_status import OutboxStatus
from ui.widgets.preauth_news import PreAuthNews
from ui.widgets.readability_controls import ReadabilityControls

log = logging.getLogger(__name__)

DEFAULT_IDLE_SECONDS = 120.0
DEFAULT_IDLE_WARNING_SECONDS = 20.0
"""The last part of the idle time, counted down on screen before the visit is cleared."""
CJK = re.compile(r"[\u4e00-\u9fff]")
CLINIC_SLOT_MIN = 160
CLINIC_SLOT_MAX = 420
UI_FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC"]


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with the kiosk's font and style (reuses one that already exists)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    return style_application(app)


def style_application(app: QApplication) -> QApplication:
    """The kiosk's names, font and style (at 100 %, normal contrast) on `app`."""
    app.setApplicationName("direct-billing-kiosk")
    app.setOrganizationName("direct-billing-kiosk")
    app.setApplicationDisplayName("直付 Direct billing")
    families = set(QFontDatabase.families())
    font = QFont(app.font())
    font.setFamilies([f for f in UI_FONT_FAMILIES if f in families] or [font.family()])
    font.setPixelSize(18)
    app.setFont(font)
    if app.style().objectName() != TouchStyle.NAME:
        app.setStyle(TouchStyle(app.style().name()))
    sheet = style_sheet()
    if app.styleSheet() != sheet:  # setting it again re-polishes every widget for nothing
        app.setStyleSheet(sheet)
    return app


class TouchStyle(QProxyStyle):
    """The platform's style, with the buttons inside a text field (a search's "clear") as big
    as a fingertip: 44 px high, where the platform draws them for a mouse."""

    NAME = "kiosk-touch"
    LINE_EDIT_ICON = 42
    """A field's own button is this plus 6 px wide and plus 2 px high (QLineEdit's rule)."""

    def __init__(self, base: str) -> None:
        super().__init__(base)
        self.setObjectName(self.NAME)

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric == QStyle.PixelMetric.PM_LineEditIconSize:
            return self.LINE_EDIT_ICON
        return super().pixelMetric(metric, option, widget)


def install_translations(app: QApplication, language: str = DEFAULT_LANGUAGE) -> Translations:
    translations = Translations(app)
    translations.switch(language)
    return translations


class ClinicName(FollowsLanguage, QLabel):
    """The clinic's name in a slot of the header: a bilingual name ("示例诊所 / Demo Clinic")
    that does not fit shows the half in the kiosk's language, else it ends in an ellipsis (full
    in the tooltip), so a long name never pushes the window wider than the screen."""

    def __init__(self, text: str, translations: Translations) -> None:
        super().__init__(text, objectName="clinicName")
        self.translations = translations
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.slot = CLINIC_SLOT_MIN
        """The width it asks for (`clinic_slot`), whatever the name's length."""

    def sizeHint(self) -> QSize:
        return QSize(self.slot, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(CLINIC_SLOT_MIN, super().minimumSizeHint().height())

    def shown(self) -> str:
        """What fits: the whole name, the reader's half of a bilingual one, or an ellipsis."""
        width = self.contentsRect().width()
        metrics = self.fontMetrics()
        halves = sorted(
            (half.strip() for half in self.text().split(" / ") if half.strip()),
            key=lambda half: bool(CJK.search(half)) != (self.translations.language == "zh_CN"),
        )
        for candidate in (self.text(), *halves):
            if metrics.horizontalAdvance(candidate) <= width:
                return candidate
        return metrics.elidedText(halves[0] if halves else "", Qt.TextElideMode.ElideRight, width)

    def retranslate(self) -> None:
        """Which half of a bilingual name fits first depends on the language: drawn again."""
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawText(self.contentsRect(), int(self.alignment()), self.shown())
        painter.end()


def clinic_slot(header_width: int) -> int:
    """Width of the clinic's name in the header: it depends on the window's width alone, so the
    breadcrumb after it stays in one place whatever the step, the language or the outbox says."""
    return max(CLINIC_SLOT_MIN, min(CLINIC_SLOT_MAX, round(header_width * 0.18)))


class Header(FollowsLanguage, QFrame):
    """Clinic name, where the visit is, the outbox state (staff screens), text size and contrast,
    and the language switch."""

    def __init__(
        self, session: KioskSession, readability: Readability, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.session = session
        self.clinic = ClinicName(session.clinic_name, session.translations)
        self.breadcrumb = QWidget()
        self.breadcrumb.setObjectName("breadcrumb")
        self.steps: dict[Step, QLabel] = {
            step: QLabel(objectName="step", alignment=Qt.AlignmentFlag.AlignCenter)
            for step in (Step.SCAN, Step.ELIGIBILITY, Step.BILL, Step.SIGN, Step.DONE)
        }
        crumbs = QHBoxLayout(self.breadcrumb)
        crumbs.setContentsMargins(0, 0, 0, 0)
        crumbs.setSpacing(4)
        for index, label in enumerate(self.steps.values()):
            if index:
                crumbs.addWidget(QLabel("›", objectName="stepArrow"))
            crumbs.addWidget(label)
        self.language_button = QPushButton(objectName="language")
        self.language_button.clicked.connect(session.translations.toggle)
        self.staff_button = QPushButton(objectName="staff")
        self.outbox = OutboxStatus(session.outbox)
        # The pill takes what room is left (and elides): it never pushes the breadcrumb.
        outbox_room = QWidget()
        outbox_room.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        room = QHBoxLayout(outbox_room)
        room.setContentsMargins(12, 0, 8, 0)
        room.addStretch(1)
        room.addWidget(self.outbox)
        self.readability = ReadabilityControls(readability)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 6, 16, 6)
        layout.setSpacing(0)
        layout.addWidget(self.clinic)
        layout.addSpacing(16)
        layout.addWidget(self.breadcrumb)
        layout.addWidget(outbox_room, 1)
        layout.addWidget(self.staff_button)
        layout.addSpacing(12)
        layout.addWidget(self.readability)
        layout.addSpacing(12)
        layout.addWidget(self.language_button)
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.clinic.slot = clinic_slot(event.size().width())
        self.clinic.updateGeometry()
        super().resizeEvent(event)

    def retranslate(self) -> None:
        # The button names the language it switches to, in that language.
        self.language_button.setText("English" if self.session.language == "zh_CN" else "中文")
        self.staff_button.setText(self.tr("Staff"))
        self.show_step(self.session.visit.step)

    def show_step(self, step: Step) -> None:
        names = {
            Step.SCAN: self.tr("Scan"),
            Step.ELIGIBILITY: self.tr("Eligibility"),
            Step.BILL: self.tr("Bill"),
            Step.SIGN: self.tr("Sign"),
            Step.DONE: self.tr("Done"),
        }
        current = Step.SCAN if step is Step.CHECKING else step
        for shown, label in self.steps.items():
            label.setText(names[shown])
            restyle(label, "current", shown is current)
            # As wide as the name in bold: the current step's weight moves no other step.
            bold = QFont(label.font())
            bold.setBold(True)
            margins = label.contentsMargins()
            label.setFixedWidth(
                QFontMetrics(bold).horizontalAdvance(label.text())
                + margins.left()
                + margins.right()
                + 2
            )

    def show_for(self, *, family_facing: bool, staff_area: bool) -> None:
        """On a screen the family holds there is no staff status and no way to staff functions;
        in the staff area there is no visit breadcrumb and no family's text size."""
        self.outbox.setVisible(not family_facing)
        self.staff_button.setVisible(not family_facing and not staff_area)
        self.breadcrumb.setVisible(not staff_area)
        self.readability.setVisible(not staff_area)


class PageStack(QStackedWidget):
    """The screens, sized by the one on show: a tall screen that is not shown (the manager's, or
    Sign at a large text size) does not make the window taller than the screen for the others."""

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()


class MainWindow(FollowsLanguage, QMainWindow):
    """The staff-facing window; its pages follow the visit's step.

    `closed` is emitted once the window has really closed: in kiosk mode only after a manager's
    "Exit the kiosk"; every other close (Alt+F4, the window manager, `close()`) is refused.
    """

    closed = Signal()
    close_refused = Signal()

    def __init__(self, session: KioskSession) -> None:
        super().__init__()
        self.session = session
        self.kiosk_mode = False
        self.exit_granted_by: StaffMember | None = None
        self._may_close = False
        self.setObjectName("mainWindow")
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.readability = Readability(app, self)
        self.header = Header(session, self.readability)
        self.stack = PageStack()
        self.scan = ScanScreen(session)
        self.eligibility = EligibilityScreen(session)
        self.bill = BillScreen(session)
        self.family_window = FamilyWindow.on_second_display(session)
        self.sign = SignScreen(session, separate_display=self.family_window is not None)
        self.done = DoneScreen(session)
        self.pages: dict[Step, QWidget] = {
            Step.SCAN: self.scan,
            Step.CHECKING: self.scan,
            Step.ELIGIBILITY: self.eligibility,
            Step.BILL: self.bill,
            Step.SIGN: self.sign,
            Step.DONE: self.done,
        }
        if self.family_window is not None:
            self.family_window.set_screen(self.sign)
            self.pages[Step.SIGN] = SigningElsewhere(session)
        for page in dict.fromkeys(self.pages.values()):
            self.stack.addWidget(page)
        self.manager = ManagerArea(manager_context(session))
        session.outbox.preauth_changed.connect(lambda _change: self.manager.preauths_changed())
        self.stack.addWidget(self.manager)
        self.header.staff_button.clicked.connect(self.open_manager)
        self.manager.leave.connect(self.close_manager)
        self.manager.exit_kiosk.connect(self.exit_kiosk)
        self.manager.opened_dashboard.connect(
            lambda dashboard: dashboard.correction_ready.connect(
                lambda correction: self.start_correction(dashboard, correction)
            )
        )
        self.stack.currentChanged.connect(self._update_header)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        self.preauth_news = PreAuthNews(session.outbox, self._preauth_naming)
        layout.addWidget(self.preauth_news)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.idle_warning = IdleWarning(self, session.translations)
        self.readability.follow(self)
        if self.family_window is not None:
            self.readability.follow(self.family_window)
        self.setWindowTitle(self.tr("Direct billing"))
        session.visit.observe(self._step_changed)
        self._update_header()
        self.resize(1280, 800)

    def _preauth_naming(self, change: PreAuthChange) -> tuple[str, str]:
        """The item as the catalogue names it in the screen's language; the child masked as on
        screens when it is the family at the desk, else the member number."""
        session = self.session
        item = session.catalogue.get(change.item_code)
        name = item.name(session.language) if item is not None else change.description
        eligibility = session.visit.eligibility
        member = eligibility.member if eligibility is not None else None
        if member is not None and member.member_id == change.member_id:
            return name, member.name_masked
        return name, change.member_id

    def detach(self) -> None:
        """Stop following background services (before they are stopped)."""
        self.session.outbox.detach()
        if self.family_window is not None:
            self.family_window.release()
            self.family_window.close()

    def enter_kiosk_mode(self) -> None:
        """Full screen, no frame, closing refused without a manager's exit."""
        self.kiosk_mode = True
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        if self.family_window is not None:
            self.family_window.kiosk_mode = True
            self.family_window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            self.family_window.showFullScreen()

    def exit_kiosk(self, member: StaffMember) -> None:
        """A manager signed in and confirmed "Exit the kiosk": the one way out in kiosk mode."""
        self.exit_granted_by = member
        self.release()
        self.close()

    def release(self) -> None:
        """The program is ending (a manager's exit, or the service is stopped): let it close."""
        self._may_close = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.kiosk_mode and not self._may_close:
            log.info("closing the kiosk window refused: a manager exits with the PIN")
            event.ignore()
            self.close_refused.emit()
            return
        event.accept()
        self.closed.emit()

    def forget_visit(self) -> None:
        """The visit was cleared: no screen keeps anything of that family, shown or hidden."""
        self.scan.reset()
        self.eligibility.forget()
        self.bill.forget()
        self.sign.forget()
        self.done.forget()
        self.session.scans.forget_codes_in_view()
        self.readability.reset()

    def warn_idle(self, seconds_left: Callable[[], float]) -> None:
        """Ask "still there?" over the desk, and over the family's screen while it shows Sign."""
        self.idle_warning.start(seconds_left)
        if self.family_window is not None and self.family_window.shows_sign():
            self.family_window.idle_warning.start(seconds_left)

    def end_idle_warning(self) -> None:
        self.idle_warning.stop()
        if self.family_window is not None:
            self.family_window.idle_warning.stop()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Direct billing"))

    def open_manager(self) -> None:
        """Staff sign-in, then the manager's screens, in place of the desk."""
        self.manager.open()
        self.stack.setCurrentWidget(self.manager)

    def start_correction(self, dashboard: ManagerScreen, correction: Correction) -> None:
        """A manager corrects an accepted claim's bill: the desk opens at the bill with its lines,
        if it is free (a visit in progress is never dropped for it)."""
        opened = self.session.visit.step is Step.SCAN
        dashboard.correction_handed(correction.claim_id, opened)
        if opened:
            self.session.visit.start_correction(correction)
            self.close_manager()

    def close_manager(self) -> None:
        self.stack.setCurrentWidget(self.pages[self.session.visit.step])

    def _step_changed(self, old: Step, new: Step) -> None:
        self.scan.checking(new is Step.CHECKING)
        if new is Step.SCAN and old is not Step.CHECKING:
            self.forget_visit()
        if new is Step.ELIGIBILITY and self.session.visit.eligibility is not None:
            self.eligibility.show_eligibility(self.session.visit.eligibility)
        page = self.pages[new]
        if new is Step.SIGN:
            self.sign.enter()
        elif new is Step.BILL:
            self.bill.enter()
        elif new is Step.DONE:
            self.done.enter()
            record_his_billed(self.session)
        if old is Step.BILL and new is not Step.BILL:
            self.bill.his_offer.stop()
        if self.family_window is not None:
            self.family_window.follow(new)
        if self.stack.currentWidget() is not self.manager:
            self.stack.setCurrentWidget(page)
        self._update_header()
        self.header.show_step(new)

    def _update_header(self) -> None:
        # The family may hold the screen while signing: staff status and functions are out of
        # sight then (with a second display, the desk's screen stays reception's).
        family_facing = self.session.visit.step is Step.SIGN and self.family_window is None
        self.header.show_for(
            family_facing=family_facing, staff_area=self.stack.currentWidget() is self.manager
        )
        self.preauth_news.allow(not family_facing)


class FamilyWindow(FollowsLanguage, QWidget):
    """The family-facing display: full screen on the second monitor, showing only Sign."""

    def __init__(self, session: KioskSession, screen: QScreen) -> None:
        super().__init__()
        self.setObjectName("familyWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.session = session
        self.kiosk_mode = False
        self._released = False
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.stack = QStackedWidget()
        self.welcome = QLabel(objectName="prompt", alignment=Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.stack.addWidget(self.welcome)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.idle_warning = IdleWarning(self, session.translations)
        self.retranslate()

    @classmethod
    def on_second_display(cls, session: KioskSession) -> FamilyWindow | None:
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return None
        return cls(session, screens[1])

    def set_screen(self, sign: QWidget) -> None:
        self.stack.addWidget(sign)
        self.showFullScreen()

    def follow(self, step: Step) -> None:
        self.stack.setCurrentIndex(1 if step is Step.SIGN else 0)

    def shows_sign(self) -> bool:
        return self.stack.currentIndex() == 1

    def release(self) -> None:
        """The kiosk is closing: this window may close too."""
        self._released = True

    def closeEvent(self, event: QCloseEvent) -> None:
        # The family's screen cannot be closed from the family's side in kiosk mode.
        if self.kiosk_mode and not self._released:
            event.ignore()
            return
        event.accept()

    def retranslate(self) -> None:
        self.welcome.setText(self.tr("Welcome. Reception will show your bill here to sign."))


class SigningElsewhere(FollowsLanguage, QWidget):
    """Reception's page while the family signs on the second display; reception can cancel."""

    def __init__(self, session: KioskSession) -> None:
        super().__init__()
        self.session = session
        self.note = QLabel(objectName="prompt", alignment=Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.back_button = QPushButton(objectName="secondary")
        self.back_button.clicked.connect(session.visit.back)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.note)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.note.setText(self.tr("The family is checking and signing the bill on their screen."))
        self.back_button.setText(self.tr("Change the bill"))


def idle_watcher(
    app: QApplication, window: MainWindow, seconds: float, warning_seconds: float
) -> IdleWatcher:
    """Clear the visit after `seconds` without input, from any screen; the last `warning_seconds`
    of them ask "still there?" with a countdown wherever there is a visit to lose."""
    watcher = IdleWatcher(app, seconds, warning_seconds)
    visit = window.session.visit

    def on_warning() -> None:
        if visit.step is not Step.SCAN:
            window.warn_idle(watcher.seconds_left)

    def on_idle() -> None:
        window.end_idle_warning()
        if visit.step is not Step.SCAN:
            visit.clear()
        watcher.poke()

    watcher.warning.connect(on_warning)
    watcher.resumed.connect(window.end_idle_warning)
    watcher.idle.connect(on_idle)
    # A card shown to the camera is activity too: every step of the visit starts the count again.
    visit.observe(lambda _old, _new: watcher.poke())
    return watcher


class LeavingKeys(QObject):
    """Swallows the key combinations that leave an application, where Qt receives them at all:
    Alt+F4, Ctrl+Q and Ctrl+W, Alt+Tab, Alt+Esc, Ctrl+Esc and the Windows (Meta) key. The window
    manager or the OS usually takes them first; the kiosk's real guard is that the window refuses
    to close, and the session (cage on Linux, Assigned Access on Windows) blocks the rest."""

    _ALT = frozenset({Qt.Key.Key_F4, Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape})
    _CONTROL = frozenset({Qt.Key.Key_Q, Qt.Key.Key_W, Qt.Key.Key_Escape})
    _META = frozenset({Qt.Key.Key_Meta, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        assert isinstance(event, QKeyEvent)
        return self.leaves(event)

    def leaves(self, event: QKeyEvent) -> bool:
        key, modifiers = event.key(), event.modifiers()
        if key in self._META or modifiers & Qt.KeyboardModifier.MetaModifier:
            return True
        if modifiers & Qt.KeyboardModifier.AltModifier and key in self._ALT:
            return True
        return bool(modifiers & Qt.KeyboardModifier.ControlModifier and key in self._CONTROL)
