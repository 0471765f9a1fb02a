"""`kiosk --self-test`: does this installation work, without a camera, network or display?

Run by CI on the PyInstaller bundle and by an IT person after installing. It starts Qt on the
offscreen platform, loads the style, both translations and a Chinese font, builds the clinic's
real main window (`ui.launch.build_kiosk`: journal, outbox, workers, scan screen) against an
in-memory keyring and an insurer address nobody answers on, renders it to an image, then runs the
Qt-free checks of `kiosk.selftest` (every QR decoder, a journal). Exit status 0 only if all pass.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kiosk.selftest import CheckResult, core_checks, format_results, timed_check

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

RENDER_SIZE = (1280, 800)
MIN_COLOURS = 8
"""A rendered screen with fewer distinct colours than this is blank or lost its style."""


def _unused_loopback_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def qt_checks(work_dir: Path) -> list[CheckResult]:
    """Qt, its platform plugin, style, translations, fonts, and the main window rendered."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QFontDatabase, QFontMetrics, QGuiApplication

    from ui.app import UI_FONT_FAMILIES, create_application, install_translations
    from ui.i18n import LANGUAGES

    app = create_application(sys.argv[:1])

    def platform() -> str:
        return f"PySide6 {pyside_version}, platform plugin '{QGuiApplication.platformName()}'"

    def translations() -> str:
        for language in LANGUAGES:
            install_translations(app, language)
        return f"{', '.join(LANGUAGES)} loaded"

    def fonts() -> str:
        chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        if not chinese:
            raise RuntimeError("no font with Chinese characters is visible to Qt")
        preferred = [f for f in UI_FONT_FAMILIES if f in chinese]
        if not QFontMetrics(app.font()).inFontUcs4(ord("扫")):
            raise RuntimeError(f"the screens' font {app.font().family()} has no Chinese glyphs")
        return f"Chinese in {(preferred or chinese)[0]} ({len(chinese)} CJK families)"

    def screen() -> str:
        return _render_main_window(app, work_dir)

    return [
        timed_check("Qt", platform),
        timed_check("translations", translations),
        timed_check("fonts (CJK)", fonts),
        timed_check("screen", screen),
    ]


def _render_main_window(app: QApplication, work_dir: Path) -> str:
    from kiosk.credentials import store_device_key, use_ephemeral_keyring
    from ui.launch import KioskConfig, build_kiosk

    use_ephemeral_keyring()
    insurer_url = _unused_loopback_url()
    store_device_key(insurer_url, "self-test-key")
    kiosk = build_kiosk(
        KioskConfig(insurer_url=insurer_url, data_dir=work_dir / "kiosk", workers=1),
        app,
    )
    try:
        kiosk.window.resize(*RENDER_SIZE)
        kiosk.app.processEvents()
        image = kiosk.window.grab().toImage()
        path = work_dir / "self-test-screen.png"
        image.save(str(path))
        colours = len(
            {
                image.pixel(x, y)
                for x in range(0, image.width(), 8)
                for y in range(0, image.height(), 8)
            }
        )
        page = kiosk.window.stack.currentWidget()
        if colours < MIN_COLOURS:
            raise RuntimeError(f"the rendered window is blank ({colours} colours)")
        return (
            f"{type(kiosk.window).__name__} showing {type(page).__name__}, "
            f"{image.width()}x{image.height()}, {colours} colours"
        )
    finally:
        kiosk.close()


def run_self_test(out: TextIO | None = None, keep: Path | None = None) -> int:
    """Every check, printed; 0 when all pass. `keep` keeps the rendered screen and journal."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = out or sys.stdout
    with tempfile.TemporaryDirectory(prefix="kiosk-self-test-") as temporary:
        work_dir = keep or Path(temporary)
        work_dir.mkdir(parents=True, exist_ok=True)
        results = [*qt_checks(work_dir), *core_checks(work_dir)]
    print(format_results(results), file=out)
    return 0 if all(r.ok for r in results) else 1
