"""The demo's desk camera: a simulated phone held up to the desk, or the PC's real webcam.

A frame source like any camera (`kiosk.scan.camera.FrameSource`), so the demo's scans go through
the same latest-frame worker and decoder as a clinic's camera.
"""

from __future__ import annotations

import logging
import threading

import numpy as np

from kiosk.scan.camera import CameraUnavailable, FrameSource
from kiosk.scan.synthetic import render

log = logging.getLogger(__name__)


class DemoCamera:
    """A desk camera that sees whatever the demo panel puts in front of it, and otherwise the
    real webcam when there is one.

    `show(text)` puts a phone with that QR text on the desk (None takes it away); that frame is
    rendered once per change with the synthetic-frame generator and then delivered at `fps`.
    With no demo card held up, frames come from `webcam` if it opens (so a real phone showing a
    demo card from the sandbox's `/demo` pages is read too), else from an empty simulated desk.
    """

    def __init__(
        self, fps: float = 15.0, seed: int = 7, *, webcam: FrameSource | None = None
    ) -> None:
        self.interval = 1.0 / fps
        self._rng = np.random.default_rng(seed)
        self._lock = threading.Lock()
        self._text: str | None = None
        self._frame: np.ndarray | None = None
        self._changed = threading.Event()
        self._opened = False
        self._webcam = webcam
        self._webcam_live = False

    def show(self, text: str | None) -> None:
        with self._lock:
            self._text = text
            self._frame = None
        self._changed.set()

    @property
    def showing(self) -> str | None:
        with self._lock:
            return self._text

    @property
    def webcam_live(self) -> bool:
        return self._webcam_live

    def open(self) -> None:
        self._opened = True
        if self._webcam is not None:
            try:
                self._webcam.open()
            except CameraUnavailable:
                log.info("no webcam: the demo camera shows a simulated desk")
            else:
                self._webcam_live = True

    def read(self) -> np.ndarray:
        if not self._opened:
            raise CameraUnavailable("demo camera is not open")
        webcam = self._webcam
        if webcam is not None and self._webcam_live and self.showing is None:
            try:
                return webcam.read()
            except CameraUnavailable:
                self._webcam_live = False
                log.info("the webcam stopped: the demo camera shows a simulated desk")
        self._changed.wait(self.interval)
        self._changed.clear()
        with self._lock:
            if self._frame is None:
                texts = [self._text] if self._text else []
                category = "nominal" if texts else "no_code"
                self._frame, _ = render(category, texts, self._rng)
            return self._frame.copy()

    def close(self) -> None:
        self._opened = False
        if self._webcam is not None:
            self._webcam.close()
        self._webcam_live = False
