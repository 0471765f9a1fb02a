"""The desk camera in a worker thread that always hands out the newest frame, never a backlog.

OpenCV cameras buffer frames in the driver; a decoder that reads them in order falls further
behind the phone in front of it with every slow frame. The worker reads as fast as the camera
delivers, keeps only the newest frame, and consumers ask for "the newest after the one I had".
When the camera stops answering (unplugged, taken by another program) the worker says so, keeps
trying to reopen it, and says so again when it is back. Sources are replaceable, so the demo and
the tests run the same worker on generated or recorded frames.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import cv2
import numpy as np

from kiosk.scan.worker import BackgroundWorker


class CameraUnavailable(OSError):
    """A frame source could not be opened or stopped delivering frames."""


_SOURCE_ERRORS = (OSError, cv2.error)
"""What a failing driver raises; the worker reports them as a lost camera and keeps retrying."""


class FrameSource(Protocol):
    """Where frames come from. Only the camera worker's thread calls these methods."""

    def open(self) -> None:
        """Start delivering frames; raise `CameraUnavailable` when that is impossible now."""

    def read(self) -> np.ndarray:
        """Block until the next frame; raise `CameraUnavailable` when the source is lost."""

    def close(self) -> None:
        """Release the device; called after a loss and at stop, also when never opened."""


class OpenCVCamera:
    """A camera (device index) or a video file or stream (path/URL) read with `cv2.VideoCapture`.

    A video file ends with `CameraUnavailable`, and is reopened from the start when `loop` is set,
    which makes a recorded desk usable as a demo camera.
    """

    def __init__(
        self,
        device: int | str = 0,
        *,
        width: int = 1280,
        height: int = 720,
        api: int = cv2.CAP_ANY,
        loop: bool = False,
    ) -> None:
        self.device = device
        self.width = width
        self.height = height
        self.api = api
        self.loop = loop
        self._capture: cv2.VideoCapture | None = None

    def open(self) -> None:
        capture = cv2.VideoCapture(self.device, self.api)
        if not capture.isOpened():
            capture.release()
            raise CameraUnavailable(f"cannot open camera {self.device!r}")
        if isinstance(self.device, int):
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
            capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        self._capture = capture

    def read(self) -> np.ndarray:
        if self._capture is None:
            raise CameraUnavailable("camera is not open")
        ok, frame = self._capture.read()
        if ok and frame is not None:
            return frame
        if self.loop and self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0):
            ok, frame = self._capture.read()
            if ok and frame is not None:
                return frame
        raise CameraUnavailable(f"camera {self.device!r} delivered no frame")

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None


class GeneratedCamera:
    """Frames from a function of the frame number, paced like a camera at `fps`.

    For the demo (a simulated desk, see `kiosk.scan.synthetic`) and for tests, which script losses
    with `fail_reads` (frame numbers whose read fails as if the cable was pulled) and
    `fail_opens` (how many attempts to open fail, at start and after each loss).
    """

    def __init__(
        self,
        render: Callable[[int], np.ndarray],
        *,
        fps: float = 30.0,
        fail_reads: frozenset[int] = frozenset(),
        fail_opens: int = 0,
    ) -> None:
        self.render = render
        self.interval = 1.0 / fps
        self.fail_reads = fail_reads
        self.fail_opens = fail_opens
        self.frames_rendered = 0
        self._failed_opens = 0
        self._opened = False
        self._number = 0
        self._next_at = 0.0

    def open(self) -> None:
        if self._failed_opens < self.fail_opens:
            self._failed_opens += 1
            raise CameraUnavailable("generated camera refuses to open (scripted)")
        self._failed_opens = 0
        self._opened = True
        self._next_at = time.monotonic()

    def read(self) -> np.ndarray:
        if not self._opened:
            raise CameraUnavailable("generated camera is not open")
        delay = self._next_at - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        self._next_at = max(self._next_at + self.interval, time.monotonic())
        number = self._number
        self._number += 1
        if number in self.fail_reads:
            self._opened = False
            raise CameraUnavailable(f"generated camera lost at frame {number} (scripted)")
        self.frames_rendered += 1
        return self.render(number)

    def close(self) -> None:
        self._opened = False


@dataclass(frozen=True, slots=True)
class Frame:
    """One camera frame: numbered from 1 in capture order; `captured_at` is `time.monotonic()`."""

    number: int
    image: np.ndarray
    captured_at: float


class CameraStatus(StrEnum):
    LIVE = "live"  # frames are arriving (first open, or reconnected after a loss)
    LOST = "lost"  # the camera could not be opened or stopped delivering; retrying
    STOPPED = "stopped"  # the worker was stopped


@dataclass(frozen=True, slots=True)
class CameraEvent:
    """A change of camera status; `reconnected` is set on LIVE after a loss."""

    status: CameraStatus
    detail: str
    reconnected: bool = False


class CameraWorker(BackgroundWorker):
    """Reads a `FrameSource` in its own thread, keeping only the newest frame.

    Thread-safe API for any consumer (the scan worker, the Qt camera view):
    `latest(after, timeout)` returns the newest frame newer than `after`; status changes go to
    `on_event` (called in the worker thread, so a Qt wrapper emits a signal from it) and to the
    `events` queue (the newest few only). Frames are handed out as-is: the source gives a fresh
    array per read, which the worker never touches again, so consumers may keep it.
    """

    def __init__(
        self,
        source: FrameSource,
        *,
        on_event: Callable[[CameraEvent], None] | None = None,
        retry_interval: float = 1.0,
        name: str = "camera",
    ) -> None:
        self.source = source
        self.retry_interval = retry_interval
        self._on_event = on_event
        super().__init__(name)
        self._cond = threading.Condition()
        self._latest: Frame | None = None
        self._status = CameraStatus.STOPPED
        self.frames_captured = 0

    @property
    def status(self) -> CameraStatus:
        return self._status

    def _wake_for_stop(self) -> None:
        """Consumers waiting in `latest` wake up with None."""
        with self._cond:
            self._cond.notify_all()

    def latest(self, after: int = 0, timeout: float | None = None) -> Frame | None:
        """The newest frame numbered above `after`, waiting up to `timeout` seconds for one.

        None when none arrived in time or the worker is stopping. Frames between `after` and the
        one returned were dropped on purpose: a slow consumer never works through a backlog.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while not self._stop.is_set():
                frame = self._latest
                if frame is not None and frame.number > after:
                    return frame
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return None
                self._cond.wait(remaining)
        return None

    def frames(self, poll: float = 0.5) -> Iterator[Frame]:
        """Newest frames one after another until the worker stops (for a consumer thread)."""
        after = 0
        while not self._stop.is_set():
            frame = self.latest(after, timeout=poll)
            if frame is not None:
                after = frame.number
                yield frame

    def _emit(self, status: CameraStatus, detail: str, *, reconnected: bool = False) -> None:
        self._status = status
        event = CameraEvent(status, detail, reconnected)
        if self._on_event is not None:
            self._on_event(event)

    def _run(self) -> None:
        was_lost = False
        try:
            while not self._stop.is_set():
                try:
                    self.source.open()
                except _SOURCE_ERRORS as error:
                    if not was_lost:
                        self._emit(CameraStatus.LOST, str(error))
                        was_lost = True
                    self._stop.wait(self.retry_interval)
                    continue
                self._emit(CameraStatus.LIVE, "camera delivering frames", reconnected=was_lost)
                was_lost = False
                try:
                    self._capture()
                except _SOURCE_ERRORS as error:
                    self._emit(CameraStatus.LOST, str(error) or type(error).__name__)
                    was_lost = True
                finally:
                    with contextlib.suppress(*_SOURCE_ERRORS):
                        self.source.close()
                if was_lost:
                    self._stop.wait(self.retry_interval)
        finally:
            self._emit(CameraStatus.STOPPED, "camera worker stopped")

    def _capture(self) -> None:
        while not self._stop.is_set():
            image = self.source.read()
            frame = Frame(self.frames_captured + 1, image, time.monotonic())
            with self._cond:
                self._latest = frame
                self.frames_captured = frame.number
                self._cond.notify_all()
