"""Putting a kiosk together: keyring, insurer client per worker, journal and outbox, window.

`build_kiosk` is what the CLI, the demo, the tests and the benchmark all use, so each of them
drives exactly the application a clinic runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.catalogue import Catalogue, load_catalogue, load_demo_catalogue
from kiosk.checkin import SigningKeyCache
from kiosk.credentials import load_device_key
from kiosk.insurer.client import InsurerClient, check_insurer_url
from kiosk.journal import ClaimSubmitter, Journal, RetrySchedule
from kiosk.visit import Visit
from ui.app import (
    DEFAULT_IDLE_SECONDS,
    MainWindow,
    create_application,
    idle_watcher,
    install_translations,
    set_full_screen,
)
from ui.i18n import DEFAULT_LANGUAGE
from ui.idle import IdleWatcher
from ui.scan_input import ScanInput
from ui.session import KioskSession
from ui.tasks import Task, TaskRunner, install_runner
from ui.widgets.outbox_status import OutboxWatcher

if TYPE_CHECKING:
    from kiosk.scan.camera import FrameSource

log = logging.getLogger(__name__)


@dataclass
class KioskConfig:
    """How to run one kiosk; everything has a sensible default except where the insurer is."""

    insurer_url: str
    data_dir: Path
    clinic_name: str = "诊所 Clinic"
    language: str = DEFAULT_LANGUAGE
    idle_seconds: float = DEFAULT_IDLE_SECONDS
    camera: FrameSource | None = None
    catalogue_path: Path | None = None
    full_screen: bool = False
    workers: int = 3
    ca_bundle: str | None = None
    retry_schedule: RetrySchedule = field(default_factory=RetrySchedule)


@dataclass
class Kiosk:
    """A running kiosk. `close()` stops every thread it started and closes the journal."""

    app: QApplication
    window: MainWindow
    session: KioskSession
    journal: Journal
    submitter: ClaimSubmitter
    idle: IdleWatcher
    startup: AfterFirstPaint

    def close(self) -> None:
        """Stop cameras, workers and the outbox, then take the kiosk out of the application."""
        self.startup.cancel()
        session = self.session
        session.visit.clear()
        session.scans.stop()
        self.app.removeEventFilter(session.scans.wedge)
        self.app.removeEventFilter(self.idle)
        self.window.detach()
        self.submitter.stop()
        session.runner.shutdown()
        install_runner(None)
        self.window.close()
        session.translations.uninstall()
        for qobject in (
            self.window,
            self.idle,
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


def build_kiosk(config: KioskConfig, app: QApplication | None = None) -> Kiosk:
    """Everything a clinic's kiosk runs, wired and started; the window is not shown yet."""
    insurer_url = check_insurer_url(config.insurer_url)
    api_key = load_device_key(insurer_url)
    app = app or create_application()
    translations = install_translations(app, config.language)

    def client() -> InsurerClient:
        return InsurerClient(insurer_url, api_key, ca_bundle=config.ca_bundle)

    runner = TaskRunner(client, workers=config.workers)
    install_runner(runner)
    config.data_dir.mkdir(parents=True, exist_ok=True)
    journal = Journal.open(config.data_dir / "journal.sqlite3")
    submitter = ClaimSubmitter(journal, client(), schedule=config.retry_schedule)
    keys = SigningKeyCache()
    scans = ScanInput(keys.keys, parent=app)
    documents = config.data_dir / "signed-bills"
    documents.mkdir(parents=True, exist_ok=True)
    session = KioskSession(
        clinic_name=config.clinic_name,
        translations=translations,
        runner=runner,
        catalogue=Catalogue(()),
        documents_dir=documents,
        journal=journal,
        submitter=submitter,
        outbox=OutboxWatcher(submitter, app),
        keys=keys,
        scans=scans,
        visit=Visit(),
    )
    window = MainWindow(session)
    scans.wedge.install(app)
    catalogue_path = config.catalogue_path

    def load_in_background() -> None:
        scans.start(config.camera, window.scan.show_frame)
        Task(
            lambda _insurer: (
                load_catalogue(catalogue_path) if catalogue_path else load_demo_catalogue()
            )
        ).success(window.bill.use_catalogue).failure(window.bill.catalogue_failed).run()

    startup = AfterFirstPaint(window.scan, load_in_background)
    idle = idle_watcher(app, session, config.idle_seconds)
    submitter.start()
    Task(keys.refresh).failure(
        lambda error: log.warning("signing keys not fetched yet: %s", type(error).__name__)
    ).run()
    if config.full_screen:
        set_full_screen(window)
    return Kiosk(app, window, session, journal, submitter, idle, startup)


def run_kiosk(config: KioskConfig) -> int:
    """Build, show and run until the window closes; returns the exit status."""
    kiosk = build_kiosk(config)
    kiosk.window.show()
    try:
        return kiosk.app.exec()
    finally:
        kiosk.close()
