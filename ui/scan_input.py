"""Camera and handheld scanner into the Qt layer, without the GUI thread ever waiting on either.

The camera worker and the decoding worker (`kiosk.scan`) run in their own threads; the preview
asks the camera for its newest frame on a timer and never waits for one. Each scan is verified
offline by a `CardReader` and reaches the GUI thread through one queued signal as a `ScanEvent`
(which carries the scanned text: the insurer is asked about it verbatim). Keyboard-wedge scanners
are recognised by keystroke timing from an application-wide event filter.

The pipeline (OpenCV and the QR decoders) is loaded on a worker thread after the Scan screen is
up, so the kiosk's cold start does not wait for it; a scanner read in that first moment is kept
and verified as soon as the pipeline is there.

With a `SigningKeyCache` attached (`keep_keys_current`), the insurer's keys are fetched on their
schedule, and a card refused for an unknown key id (the insurer rotated its keys) is verified once
more after a fetch before anyone sees the refusal; the rules live in `kiosk.signing_keys`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from kiosk.ecard import ECardFailure, ReplayGuard
from kiosk.scan.source import ScanSource
from kiosk.scan.wedge import WedgeDetector
from kiosk.signing_keys import SigningKeyCache
from ui.tasks import Task
from ui.widgets.camera_view import frame_to_image

if TYPE_CHECKING:
    from kiosk.scan.camera import CameraEvent, CameraWorker, FrameSource
    from kiosk.scan.reader import CardReader, ScanEvent, ScanWorker

log = logging.getLogger(__name__)

PREVIEW_FPS = 15


def _pipeline() -> tuple[type[CardReader], type[ScanWorker], type[CameraWorker]]:
    """The scan pipeline's classes; importing them loads OpenCV and the QR decoders."""
    from kiosk.scan.camera import CameraWorker
    from kiosk.scan.reader import CardReader, ScanWorker

    return CardReader, ScanWorker, CameraWorker


def _milliseconds(delay: timedelta) -> int:
    return max(0, round(delay.total_seconds() * 1000))


class ScanInput(QObject):
    """Where scans come from (camera, scanner, a resubmission); `scanned` fires on the GUI thread
    with the `kiosk.scan.reader.ScanEvent` (verified token or the named error)."""

    scanned = Signal(object)
    camera_status = Signal(str)
    _event = Signal(object)
    _camera_event = Signal(object)

    def __init__(
        self,
        public_keys: Callable[[], Mapping[str, Ed25519PublicKey]],
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._public_keys = public_keys
        self._clock = clock
        self.reader: CardReader | None = None
        self._waiting: list[tuple[str, ScanSource]] = []
        self._event.connect(self._verified)
        self._camera_event.connect(self._on_camera_event)
        self._camera: CameraWorker | None = None
        self._worker: ScanWorker | None = None
        self._preview = QTimer(self)
        self._preview.setInterval(1000 // PREVIEW_FPS)
        self._preview.timeout.connect(self._show_newest)
        self._last_frame = 0
        self._show_frame: Callable[[QImage], None] | None = None
        self._stopped = False
        self._keys: SigningKeyCache | None = None
        self._key_refresh = QTimer(self)
        self._key_refresh.setSingleShot(True)
        self._key_refresh.timeout.connect(self._refresh_keys_if_due)
        self.wedge = WedgeFilter(self)

    @property
    def is_ready(self) -> bool:
        return self.reader is not None

    def keep_keys_current(self, keys: SigningKeyCache) -> None:
        """Fetch `keys` on their schedule once the pipeline runs, and give a card refused for an
        unknown key id one fetch and a second verification (`keys` is what `public_keys` reads).
        """
        self._keys = keys
        if self.reader is not None:
            self._schedule_key_refresh()

    # --- starting and stopping -----------------------------------------------------------------

    def start(self, camera: FrameSource | None, show_frame: Callable[[QImage], None]) -> None:
        """Load the pipeline off the GUI thread, then start capturing and decoding; `show_frame`
        gets the newest frame about 15 times a second."""
        if self._stopped:
            return
        self._show_frame = show_frame
        Task(lambda: _pipeline()).success(lambda classes: self._started(classes, camera)).run()

    def _started(
        self,
        classes: tuple[type[CardReader], type[ScanWorker], type[CameraWorker]],
        camera: FrameSource | None,
    ) -> None:
        if self._stopped:
            return
        reader_class, scan_worker_class, camera_worker_class = classes
        self.reader = reader_class(
            self._public_keys,
            clock=self._clock,
            replay_guard=ReplayGuard(),
            on_scan=self._event.emit,
        )
        if camera is not None:
            self._camera = camera_worker_class(camera, on_event=self._camera_event.emit)
            self._worker = scan_worker_class(self._camera, self.reader)
            self._camera.start()
            self._worker.start()
            self._preview.start()
        waiting, self._waiting = self._waiting, []
        for text, source in waiting:
            self.reader.submit(text, source)
        self._schedule_key_refresh()

    def stop(self) -> None:
        self._stopped = True
        self._preview.stop()
        self._key_refresh.stop()
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

    # --- camera ----------------------------------------------------------------------------------

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
        self._last_frame = 0

    # --- the insurer's signing keys --------------------------------------------------------------

    def _schedule_key_refresh(self) -> None:
        if self._keys is None or self._stopped:
            return
        self._key_refresh.start(_milliseconds(self._keys.next_refresh_in()))

    def _refresh_keys_if_due(self) -> None:
        keys = self._keys
        if keys is None or self._stopped:
            return
        if keys.next_refresh_in() > timedelta(0):  # the start-up fetch was still running
            self._schedule_key_refresh()
            return
        Task.with_insurer(keys.refresh).success(lambda _: self._schedule_key_refresh()).failure(
            self._key_refresh_failed
        ).run()

    def _key_refresh_failed(self, error: BaseException) -> None:
        log.warning("signing keys not refreshed: %s", type(error).__name__)
        self._schedule_key_refresh()

    def _verified(self, event: ScanEvent) -> None:
        """Every verification's outcome passes here on the GUI thread on its way to `scanned`."""
        keys = self._keys
        error = event.error
        if (
            keys is None
            or self._stopped
            or error is None
            or error.reason is not ECardFailure.UNKNOWN_KEY
            or not keys.second_chance(event.text)
        ):
            self.scanned.emit(event)
            return
        kid = error.kid or ""
        Task.with_insurer(lambda insurer: keys.refresh_for_unknown_key(insurer, kid)).success(
            lambda known: self._verify_again(event, known)
        ).failure(lambda failure: self._not_verified_again(event, failure)).run()

    def _verify_again(self, event: ScanEvent, known: bool) -> None:
        """The keys were fetched: a known key id now verifies the same text (offline, once)."""
        if self._stopped:
            return
        if known and self.reader is not None:
            self.reader.submit(event.text, event.source)
        else:
            self.scanned.emit(event)

    def _not_verified_again(self, event: ScanEvent, error: BaseException) -> None:
        log.warning("signing keys not fetched for an unknown key id: %s", type(error).__name__)
        if not self._stopped:
            self.scanned.emit(event)

    # --- scanner and resubmission ----------------------------------------------------------------

    def submit(self, text: str, source: ScanSource = ScanSource.SCANNER) -> None:
        """Verify a scanned text (an Ed25519 check: no I/O); kept until the pipeline is loaded."""
        if self.reader is None:
            self._waiting.append((text, source))
            return
        self.reader.submit(text, source)


class WedgeFilter(QObject):
    """Feeds every key press to a `WedgeDetector`; a scanner's burst becomes a scan.

    Keys of a burst are kept from the focused field once the burst is recognised, so a scanned
    code does not end up typed into the lookup form.
    """

    def __init__(self, scans: ScanInput) -> None:
        super().__init__(scans)
        self._scans = scans
        self.detector = WedgeDetector()
        self._last_key_at = -1.0
        self._field: QLineEdit | None = None
        self._field_text = ""

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
        at = event.timestamp() / 1000
        if at - self._last_key_at > self.detector.max_interval:
            # A new line of keys starts: remember the field as it was, in case it is a scanner.
            self._field = focus if isinstance(focus, QLineEdit) else None
            self._field_text = self._field.text() if self._field is not None else ""
        self._last_key_at = -1.0 if char == "\r" else at
        scanned = self.detector.feed(char, at)
        if scanned is not None:
            if self._field is not None:
                self._field.setText(self._field_text)  # the first keys went in before we knew
            self._scans.submit(scanned, ScanSource.SCANNER)
            return True
        return self.detector.in_burst
