"""Camera and handheld scanner into the Qt layer, without the GUI thread ever waiting on either.

The camera worker and the decoding worker (`kiosk.scan`) run in their own threads; the preview
asks the camera for its newest frame on a timer and never waits for one. Each scan is verified
offline by a `CardReader` and reaches the GUI thread through one queued signal, with the scanned
text (the insurer is asked about the text, verbatim). Keyboard-wedge scanners are recognised by
keystroke timing from an application-wide event filter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ecard import ReplayGuard
from kiosk.scan.camera import CameraEvent, CameraStatus, CameraWorker, FrameSource
from kiosk.scan.reader import CardReader, ScanEvent, ScanWorker
from kiosk.scan.wedge import WedgeDetector
from kiosk.visit import ScanSource
from ui.widgets.camera_view import frame_to_image

PREVIEW_FPS = 15


class _ReportingReader(CardReader):
    """A card reader that also hands over the scanned text with each outcome."""

    def __init__(
        self,
        public_keys: Callable[[], Mapping[str, Ed25519PublicKey]],
        report: Callable[[str, ScanEvent], None],
        *,
        clock: Callable[[], datetime],
    ) -> None:
        super().__init__(public_keys, clock=clock, replay_guard=ReplayGuard())
        self._report = report

    def submit(self, text: str, source: ScanSource) -> ScanEvent:
        event = super().submit(text, source)
        self._report(text, event)
        return event


class ScanInput(QObject):
    """Where scans come from (camera, scanner, a resubmission); `scanned` fires on the GUI thread.

    `scanned(text, event)`: `event` is the `kiosk.scan.reader.ScanEvent` (verified token or error).
    """

    scanned = Signal(str, object)
    camera_status = Signal(str)
    _camera_event = Signal(object)

    def __init__(
        self,
        public_keys: Callable[[], Mapping[str, Ed25519PublicKey]],
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.reader = _ReportingReader(public_keys, self.scanned.emit, clock=clock)
        self._camera_event.connect(self._on_camera_event)
        self._camera: CameraWorker | None = None
        self._worker: ScanWorker | None = None
        self._preview = QTimer(self)
        self._preview.setInterval(1000 // PREVIEW_FPS)
        self._preview.timeout.connect(self._show_newest)
        self._last_frame = 0
        self._show_frame: Callable[[object], None] | None = None
        self.wedge = WedgeFilter(self)

    # --- camera ----------------------------------------------------------------------------------

    def start_camera(self, source: FrameSource, show_frame: Callable[[object], None]) -> None:
        """Start capturing and decoding; `show_frame(QImage)` gets the newest frame ~15 times/s."""
        self._camera = CameraWorker(source, on_event=self._camera_event.emit)
        self._worker = ScanWorker(self._camera, self.reader)
        self._show_frame = show_frame
        self._camera.start()
        self._worker.start()
        self._preview.start()

    def stop(self) -> None:
        self._preview.stop()
        if self._worker is not None:
            self._worker.stop()
            self._worker = None
        if self._camera is not None:
            self._camera.stop()
            self._camera = None

    def forget_codes_in_view(self) -> None:
        """A new visit: the card still in front of the camera may be scanned again."""
        if self._worker is not None:
            self._worker.in_view.clear()

    def _show_newest(self) -> None:
        if self._camera is None or self._show_frame is None:
            return
        frame = self._camera.latest(self._last_frame, timeout=0)
        if frame is None:
            return
        self._last_frame = frame.number
        self._show_frame(frame_to_image(frame.image))

    def _on_camera_event(self, event: CameraEvent) -> None:
        self.camera_status.emit(event.status.value)
        if event.status is CameraStatus.LIVE:
            self._last_frame = 0

    # --- scanner and manual submission -----------------------------------------------------------

    def submit(self, text: str, source: ScanSource = ScanSource.SCANNER) -> ScanEvent:
        """Verify a scanned text now (milliseconds: an Ed25519 check, no I/O)."""
        return self.reader.submit(text, source)


class WedgeFilter(QObject):
    """Feeds every key press to a `WedgeDetector`; a scanner's burst becomes a scan.

    Keys of a burst are kept from the focused field once the burst is recognised, so a scanned
    code does not end up typed into the lookup form.
    """

    def __init__(self, scans: ScanInput) -> None:
        super().__init__(scans)
        self._scans = scans
        self.detector = WedgeDetector()

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        focus = QApplication.focusWidget()
        if focus is not None:
            first_receiver = watched is focus
        else:
            first_receiver = isinstance(watched, QWidget) and watched.isWindow()
        if event.isAutoRepeat() or not first_receiver:
            return False
        text = event.text() or ""
        if not text:
            return False
        char = "\r" if text in ("\r", "\n") else text
        scanned = self.detector.feed(char, event.timestamp() / 1000)
        if scanned is not None:
            self._scans.submit(scanned, ScanSource.SCANNER)
            return True
        return self.detector.in_burst
