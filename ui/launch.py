"""Putting a kiosk together: keyring, insurer client per worker, journal and outbox, window.

`build_kiosk` is what the CLI, the demo, the tests and the benchmark all use, so each of them
drives exactly the application a clinic runs. `Kiosk.exec` runs it until it ends and says how:
status 0 for a manager's exit, for the window closed when not in kiosk mode and for SIGTERM (the
service stopped); anything else is non-zero, so systemd's `Restart=on-failure` brings it back.
"""

from __future__ import annotations

import gc
import logging
import signal
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QLockFile, QObject, QSocketNotifier, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.catalogue import Catalogue
from kiosk.catalogue_import import load_catalogue, load_demo_catalogue
from kiosk.clinic_db.connection import ClinicDbError, clinic_engine
from kiosk.clinic_db.reading import ClinicReader
from kiosk.clinic_db.shipping import Shipper, shipping_state
from kiosk.credentials import journal_audit_key, load_device_key
from kiosk.his.inbox import HisInbox
from kiosk.his.link import HisLink
from kiosk.his.settings import HisSettings
from kiosk.insurer.client import InsurerClient, check_insurer_url
from kiosk.journal import ClaimSubmitter, Journal, RetrySchedule
from kiosk.registration import Registration
from kiosk.settings import Settings
from kiosk.signing_keys import SigningKeyCache
from kiosk.statement import ClinicProfile
from kiosk.visit import Visit
from ui.app import (
    DEFAULT_IDLE_SECONDS,
    DEFAULT_IDLE_WARNING_SECONDS,
    LeavingKeys,
    MainWindow,
    create_application,
    idle_watcher,
    install_translations,
    style_application,
)
from ui.i18n import DEFAULT_LANGUAGE, Translations
from ui.idle import IdleWatcher
from ui.scan_input import ScanInput
from ui.screens.registration import RegistrationScreen, RegistrationWindow
from ui.session import KioskSession
from ui.tasks import Task, TaskRunner, current_runner, install_runner, running_tasks
from ui.widgets.outbox_status import OutboxWatcher

if TYPE_CHECKING:
    from kiosk.scan.camera import FrameSource

log = logging.getLogger(__name__)

EXIT_OK = 0
"""A manager's exit, the window closed outside kiosk mode, or SIGTERM: not restarted."""
EXIT_INTERRUPTED = 128 + signal.SIGINT
"""Ctrl+C in a terminal: closed cleanly, with the shell's usual status for it."""
EXIT_UNEXPECTED = 70
"""The event loop ended for no reason the kiosk gave (EX_SOFTWARE): restarted by systemd."""
EXIT_ALREADY_RUNNING = 75
"""Another kiosk already runs on this data folder (EX_TEMPFAIL): this one did not start."""
LOCK_FILE = "kiosk.lock"


@dataclass
class KioskConfig:
    """How to run one kiosk; everything has a sensible default except where the insurer is."""

    insurer_url: str
    data_dir: Path
    clinic_name: str = "诊所 Clinic"
    clinic: ClinicProfile | None = None
    """The clinic's names, address and phone from the settings; by default `clinic_name`."""
    language: str = DEFAULT_LANGUAGE
    idle_seconds: float = DEFAULT_IDLE_SECONDS
    idle_warning_seconds: float = DEFAULT_IDLE_WARNING_SECONDS
    """The last part of `idle_seconds`, counted down on screen ("still there?"); at most half."""
    camera: FrameSource | None = None
    catalogue_path: Path | None = None
    kiosk_mode: bool = False
    """Full screen, frameless, closed only by a manager's PIN exit (`kiosk run`'s default)."""
    owns_process: bool = False
    """Only this kiosk runs in the process (`kiosk run`, the demo): once start-up loading is
    done its objects are frozen out of garbage collection (not in tests, which build many)."""
    workers: int = 3
    ca_bundle: str | None = None
    retry_schedule: RetrySchedule = field(default_factory=RetrySchedule)
    preauth_poll_interval: timedelta = timedelta(minutes=2)
    """How often the outbox asks the insurer about undecided pre-auth requests."""
    phone_guarantees: bool = True
    """Reception may go on under a phone guarantee while the insurer is unreachable."""
    appointments_required: bool = False
    """Direct billing only for members with an appointment today (a hospital department's rule)."""
    clinic_db_reader: str | None = None
    """The clinic database login the manager's Clinic tab reads with (password in the keyring)."""
    his: HisSettings | None = None
    """The clinic's HIS link: charges in (MLLP, FHIR drop folder), shares back."""
    retention_days: int = 180
    """How long the HIS inbox keeps a message (names, dates of birth): the journal's retention."""


@dataclass
class Kiosk:
    """A running kiosk. `close()` stops every thread it started and closes the journal."""

    app: QApplication
    window: MainWindow
    session: KioskSession
    journal: Journal
    submitter: ClaimSubmitter
    shipper: Shipper | None
    """Ships the journal to the clinic database, when this desk has one."""
    his: HisLink | None
    """The HIS listener, drop folder and settlements, when the clinic has a HIS link."""
    idle: IdleWatcher
    startup: AfterFirstPaint
    leaving_keys: LeavingKeys
    exit_status: int | None = field(default=None, init=False)
    """How the kiosk ended, once it has (see the module's docstring)."""
    _running: bool = field(default=False, init=False)

    def exec(self) -> int:
        """Run the event loop until the kiosk ends; the exit status for the process.

        SIGTERM and SIGINT are taken through the event loop (a Python handler alone would wait
        for the next Python code to run), so they close the kiosk like a manager's exit does.
        """
        stop = StopSignals(self.stop_on_signal)
        self._running = True
        try:
            self.app.exec()
        finally:
            self._running = False
            stop.restore()
        return EXIT_UNEXPECTED if self.exit_status is None else self.exit_status

    def end(self, status: int) -> None:
        """End the event loop with `status` (the first reason given wins)."""
        if self.exit_status is None:
            self.exit_status = status
        # QCoreApplication.exit outside exec would make every later local event loop return
        # at once (Qt keeps a quit flag until the next exec).
        if self._running:
            self.app.exit(self.exit_status)

    def stop_on_signal(self, signum: int) -> None:
        """SIGTERM (systemd stops the service, the PC shuts down): 0; SIGINT: 130."""
        log.info("signal %d: closing the kiosk", signum)
        self.window.release()
        self.end(EXIT_OK if signum == signal.SIGTERM else EXIT_INTERRUPTED)

    def close(self) -> None:
        """Stop cameras, workers and the outbox, then take the kiosk out of the application."""
        self.startup.cancel()
        session = self.session
        session.visit.clear()
        session.scans.stop()
        self.app.removeEventFilter(session.scans.wedge)
        self.app.removeEventFilter(self.idle)
        self.app.removeEventFilter(self.leaving_keys)
        self.window.detach()
        self.submitter.stop()
        if self.his is not None:
            self.his.stop()
        if self.shipper is not None:
            self.shipper.stop()
            self.shipper.engine.dispose()
        current_runner().shutdown()
        if self.session.clinic_reader is not None:  # after the workers that may be reading
            self.session.clinic_reader.close()
        install_runner(None)
        self.window.release()
        self.window.close()
        session.translations.uninstall()
        for qobject in (
            self.window,
            self.idle,
            self.leaving_keys,
            session.scans,
            session.outbox,
            session.translations,
        ):
            qobject.deleteLater()
        self.journal.close()


class AfterFirstPaint(QObject):
    """Runs `work` once the Scan screen has been painted (or after `fallback_ms` if it is never
    shown): background loading holds Python's interpreter lock, so it waits until the kiosk looks
    ready rather than slowing its first paint."""

    def __init__(self, screen: QWidget, work: Callable[[], None], fallback_ms: int = 1500):
        super().__init__(screen)
        self._screen = screen
        self._work: Callable[[], None] | None = work
        screen.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._screen and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._run)
        return False

    def cancel(self) -> None:
        """The kiosk closes before the work ran: it never will."""
        self._work = None
        self._screen.removeEventFilter(self)

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            self._screen.removeEventFilter(self)
            work()


STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class StopSignals(QObject):
    """Delivers SIGTERM and SIGINT to `on_signal` from the Qt event loop.

    The C-level handler writes the signal's number to a socket (`signal.set_wakeup_fd`), which a
    QSocketNotifier watches; `restore()` puts the previous handlers back.
    """

    def __init__(self, on_signal: Callable[[int], None]) -> None:
        super().__init__()
        self._on_signal = on_signal
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {number: signal.signal(number, self._noted) for number in STOP_SIGNALS}

    @staticmethod
    def _noted(_signum: int, _frame: FrameType | None) -> None:
        """The wakeup socket carries the signal to the event loop; nothing to do here."""

    def _read(self) -> None:
        try:
            received = self._reader.recv(64)
        except BlockingIOError:
            return
        for number in received:
            if number in STOP_SIGNALS:
                self._on_signal(number)

    def restore(self) -> None:
        signal.set_wakeup_fd(self._previous_fd)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


class StartupLoaded(QObject):
    """Freezes the start-up objects out of garbage collection once the catalogue (with pypinyin's
    dictionaries) and the scan decoders have loaded; the decoders are asked for every 100 ms
    until ready, for at most 30 s (a kiosk without them still freezes the catalogue)."""

    def __init__(self, decoders_ready: Callable[[], bool], parent: QObject) -> None:
        super().__init__(parent)
        self._decoders_ready = decoders_ready
        self._checks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._check)
        self.frozen = 0
        """How many objects were frozen (0 until then)."""

    def catalogue_done(self, _result: object = None) -> None:
        self._timer.start()
        self._check()

    def _check(self) -> None:
        self._checks += 1
        if not self._decoders_ready() and self._checks < 300:
            return
        self._timer.stop()
        # pypinyin's dictionaries are ~190k long-lived objects: a full collection after start-up
        # took 90-170 ms walking them; frozen, no later collection looks at them again.
        gc.collect(1)
        gc.freeze()
        self.frozen = gc.get_freeze_count()
        log.debug("start-up loading done: %d objects frozen out of collection", self.frozen)


def build_kiosk(config: KioskConfig, app: QApplication | None = None) -> Kiosk:
    """Everything a clinic's kiosk runs, wired and started; the window is not shown yet."""
    insurer_url = check_insurer_url(config.insurer_url)
    api_key = load_device_key(insurer_url)
    # The kiosk's look on whichever application runs it (the tests bring their own).
    app = create_application() if app is None else style_application(app)
    translations = install_translations(app, config.language)

    def client() -> InsurerClient:
        return InsurerClient(insurer_url, api_key, ca_bundle=config.ca_bundle)

    runner = TaskRunner(client, workers=config.workers)
    install_runner(runner)
    config.data_dir.mkdir(parents=True, exist_ok=True)
    journal_path = config.data_dir / "journal.sqlite3"
    journal = Journal.open(journal_path, audit_key=journal_audit_key(journal_path))
    submitter = ClaimSubmitter(
        journal,
        client(),
        schedule=config.retry_schedule,
        preauth_poll_interval=config.preauth_poll_interval,
    )
    keys = SigningKeyCache(keep_at=config.data_dir / "ecard-keys.json")
    scans = ScanInput(keys.keys, parent=app)
    documents = config.data_dir / "signed-bills"
    documents.mkdir(parents=True, exist_ok=True)
    session = KioskSession(
        clinic_name=config.clinic.display if config.clinic else config.clinic_name,
        clinic_profile=config.clinic,
        translations=translations,
        catalogue=Catalogue(()),
        documents_dir=documents,
        journal=journal,
        submitter=submitter,
        outbox=OutboxWatcher(submitter, app),
        keys=keys,
        scans=scans,
        visit=Visit(appointments_required=config.appointments_required),
        phone_guarantees=config.phone_guarantees,
        clinic_reader=ClinicReader(config.clinic_db_reader) if config.clinic_db_reader else None,
    )
    window = MainWindow(session)
    scans.wedge.install(app)
    catalogue_path = config.catalogue_path
    loaded = StartupLoaded(lambda: scans.is_ready, window)

    def catalogue_loaded(catalogue: Catalogue) -> None:
        window.bill.use_catalogue(catalogue)
        if config.owns_process:
            loaded.catalogue_done()

    def load_in_background() -> None:
        scans.start(config.camera, window.scan.show_frame)
        window.scan.arrivals.start()
        Task(
            lambda: load_catalogue(catalogue_path) if catalogue_path else load_demo_catalogue()
        ).success(catalogue_loaded).failure(window.bill.catalogue_failed).run()

    startup = AfterFirstPaint(window.scan, load_in_background)
    idle = idle_watcher(app, window, config.idle_seconds, config.idle_warning_seconds)
    submitter.start()
    his = _his_link(config, journal, submitter)
    session.his = his
    shipper = _shipper(journal)
    Task.with_insurer(keys.refresh).failure(
        lambda error: log.warning("signing keys not fetched yet: %s", type(error).__name__)
    ).run()
    leaving_keys = LeavingKeys()
    if config.kiosk_mode:
        window.enter_kiosk_mode()
        app.installEventFilter(leaving_keys)
    kiosk = Kiosk(
        app, window, session, journal, submitter, shipper, his, idle, startup, leaving_keys
    )
    window.closed.connect(lambda: kiosk.end(EXIT_OK))
    return kiosk


def _his_link(config: KioskConfig, journal: Journal, submitter: ClaimSubmitter) -> HisLink | None:
    """The HIS link, started, when the settings name one; woken whenever the outbox moves (an
    accepted claim's shares go back at once)."""
    if config.his is None:
        return None
    link = HisLink(
        config.his,
        HisInbox.in_folder(config.data_dir),
        journal,
        retention=timedelta(days=config.retention_days),
    )
    link.start()
    submitter.subscribe(lambda _state: link.wake())
    return link


def _shipper(journal: Journal) -> Shipper | None:
    """The desk ships its journal when `kiosk register --clinic-db` pointed it at a clinic
    database; a password the keyring cannot give stops the shipping, never the desk."""
    target = shipping_state(journal).target
    if target is None:
        return None
    try:
        shipper = Shipper(journal, clinic_engine(target))
    except ClinicDbError as exc:
        log.warning("not shipping to the clinic database: %s", exc)
        return None
    shipper.start()
    return shipper


def run_kiosk(config: KioskConfig) -> int:
    """Build, show and run until a manager's exit or a stop signal; returns the exit status
    (0 only for those: see the module's docstring).

    One kiosk per data folder: two would both submit the same outbox and race for the journal,
    so a second one started by mistake says who holds the folder and ends with
    `EXIT_ALREADY_RUNNING`. The lock of a kiosk that crashed is taken over (its process is gone).
    """
    config.data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(config.data_dir / LOCK_FILE))
    lock.setStaleLockTime(0)
    if not lock.tryLock(0):
        pid, _host, _app = lock.getLockInfo()
        holder = f"pid {pid}" if pid > 0 else "another program"
        print(
            f"kiosk: the kiosk is already running on this PC ({holder}) with the data folder "
            f"{config.data_dir}; close it first",
            file=sys.stderr,
        )
        return EXIT_ALREADY_RUNNING
    try:
        kiosk = build_kiosk(config)
        kiosk.window.show()
        log.info("kiosk started (kiosk mode %s)", "on" if config.kiosk_mode else "off")
        try:
            return kiosk.exec()
        finally:
            kiosk.close()
    finally:
        lock.unlock()


def register_at_start(
    settings: Settings,
    status: Registration,
    *,
    language: str,
    kiosk_mode: bool,
    journal_path: Path | None = None,
) -> Settings | None:
    """Show the registration screen until the insurer accepts a key; the new settings, or None
    when the manager quits. Used by `kiosk run` before the kiosk itself is built."""
    app = create_application()
    translations = install_translations(app, language)
    with running_tasks(None, workers=1):
        return _show_until_registered(settings, status, kiosk_mode, journal_path, translations)


def _show_until_registered(
    settings: Settings,
    status: Registration,
    kiosk_mode: bool,
    journal_path: Path | None,
    translations: Translations,
) -> Settings | None:
    screen = RegistrationScreen(settings, status=status, journal_path=journal_path)
    window = RegistrationWindow(screen)
    outcome: list[Settings] = []
    loop = QEventLoop()
    screen.registered.connect(outcome.append)
    screen.registered.connect(loop.quit)
    screen.cancelled.connect(loop.quit)
    if kiosk_mode:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.showFullScreen()
    else:
        window.resize(1024, 700)
        window.show()
    try:
        loop.exec()
    finally:
        window.hide()
        translations.uninstall()
        window.deleteLater()
        translations.deleteLater()
    return outcome[0] if outcome else None
