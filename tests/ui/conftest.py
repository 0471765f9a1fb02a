"""A real kiosk against the real sandbox, driven through its screens."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QScrollArea, QWidget

from insurer_sandbox.demo import DEMO_CLINIC_ID, DEMO_CLINICS, demo_member
from insurer_sandbox.server import SandboxProcess
from kiosk.credentials import store_device_key, use_ephemeral_keyring
from kiosk.journal import Journal
from kiosk.staff import StaffDirectory
from kiosk.statement import ClinicProfile
from launchers.demo import fresh_token
from tests.clinic_day import CLINIC
from ui.driver import KioskDriver
from ui.launch import Kiosk, KioskConfig, build_kiosk
from ui.manager.context import ManagerContext

KioskFactory = Callable[..., tuple[Kiosk, KioskDriver]]


@pytest.fixture
def make_kiosk(qapp, tmp_path: Path) -> Iterator[KioskFactory]:
    """Build kiosks registered with a sandbox; every kiosk built is closed after the test."""
    use_ephemeral_keyring()
    built: list[Kiosk] = []

    def make(
        sandbox: SandboxProcess,
        device_key: str,
        *,
        language: str = "en",
        idle_seconds: float = 600,
        camera: object | None = None,
        clinic: ClinicProfile | None = None,
        **config: Any,
    ) -> tuple[Kiosk, KioskDriver]:
        """`config`: more `KioskConfig` fields (`kiosk_mode=True`, a `retry_schedule`)."""
        store_device_key(sandbox.url, device_key)
        kiosk = build_kiosk(
            KioskConfig(
                insurer_url=sandbox.url,
                data_dir=tmp_path / f"kiosk-{len(built)}",
                clinic_name=DEMO_CLINICS[DEMO_CLINIC_ID],
                clinic=clinic,
                language=language,
                idle_seconds=idle_seconds,
                camera=camera,
                **config,
            ),
            qapp,
        )
        built.append(kiosk)
        if not kiosk.window.isFullScreen():  # kiosk mode: the whole screen
            kiosk.window.resize(1280, 800)
        kiosk.window.show()
        driver = KioskDriver(kiosk)
        driver.wait_ready()
        return kiosk, driver

    yield make
    for kiosk in built:
        kiosk.close()
    # Delete the closed kiosks' windows now: left for later, every window of every test so far
    # is polished again each time a test changes the text size or builds a kiosk.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def kiosk(make_kiosk, sandbox, sandbox_device_key) -> tuple[Kiosk, KioskDriver]:
    """An English kiosk on the shared sandbox."""
    return make_kiosk(sandbox, sandbox_device_key)


def card(state: str) -> str:
    """A live e-card token of a demo member, as the member app shows it now."""
    return fresh_token(demo_member(state))


def manager_context(
    journal: Journal, directory: StaffDirectory, base: Path, **more: Any
) -> ManagerContext:
    """What the manager's screens work on: the test clinic's journal and staff, signed bills and
    exports under `base`; `more`: the other `ManagerContext` fields (`wake_outbox`)."""
    return ManagerContext(
        journal=journal,
        directory=directory,
        documents_dir=base / "signed-bills",
        clinic_name=CLINIC,
        exports_dir=base / "exports",
        **more,
    )


def in_view(scroll: QScrollArea, widget: QWidget) -> bool:
    """`widget` is shown whole in `scroll`'s visible part (not below the fold)."""
    top = widget.mapTo(scroll.viewport(), QPoint(0, 0)).y()
    return widget.isVisible() and top >= 0 and top + widget.height() <= scroll.viewport().height()


def to_sign(driver: KioskDriver, item: str = "GP001", state: str = "active_plus") -> None:
    """A demo member's card shown (`state`), one `item` billed and estimated, and the bill turned
    to the family to sign."""
    driver.show_card(card(state))
    driver.start_bill()
    driver.add_item(item)
    driver.wait_estimate()
    driver.present()


class OpenedFiles(QObject):
    """Receives the file URLs a screen asks the desktop to open (a PDF viewer, to print)."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []

    @Slot("QUrl")
    def open(self, url: QUrl) -> None:
        self.paths.append(url.toLocalFile())


@pytest.fixture
def opened_files() -> Iterator[OpenedFiles]:
    """The files the kiosk hands to the desktop to open, instead of a viewer opening them."""
    receiver = OpenedFiles()
    QDesktopServices.setUrlHandler("file", receiver, "open")
    yield receiver
    QDesktopServices.unsetUrlHandler("file")
