"""From scanned text to a verified e-card: one path for the camera and the handheld scanner.

A phone held up to the camera is read in frame after frame; the family meant one scan. Codes are
therefore de-duplicated while they stay in view, and only a code that left the view and came back
counts again. Every scan — camera or keyboard wedge — then goes through the same offline
verification (`kiosk.ecard.verify`), and its outcome, accepted token or named failure, is one
`ScanEvent` delivered to a callback and a queue, both safe to use from any thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk.ecard import DEFAULT_SKEW, ECardError, ECardToken, ReplayGuard, verify
from kiosk.scan.camera import CameraWorker
from kiosk.scan.decoder import FrameError, decode
from kiosk.scan.source import ScanSource
from kiosk.scan.worker import BackgroundWorker


@dataclass(frozen=True, slots=True)
class ScanEvent:
    """One scan: either a verified `token` or the `error` that refused it (`error.reason`).

    `source` is `ScanSource.CAMERA` or `ScanSource.SCANNER` (the keyboard wedge); `text` is what
    was read, which the eligibility request sends to the insurer as it is.
    """

    text: str
    source: ScanSource
    at: datetime
    token: ECardToken | None = None
    error: ECardError | None = None

    @property
    def accepted(self) -> bool:
        return self.token is not None


class CodesInView:
    """Turns per-frame decode results into scans: a code counts once while it stays in view.

    A code is in view from the frame it is first read until it has been missing for `gone_after`
    consecutive frames; frames where the decoder misses it (motion, glare) do not end its stay.
    Thread-safe: the scan thread observes while the GUI thread may clear.
    """

    def __init__(self, gone_after: int = 15) -> None:
        if gone_after < 1:
            raise ValueError("gone_after must be at least 1 frame")
        self.gone_after = gone_after
        self._missing: dict[str, int] = {}
        self._lock = threading.Lock()

    def observe(self, texts: Iterable[str]) -> list[str]:
        """The texts of this frame that are new scans, in the order given."""
        seen = list(dict.fromkeys(texts))
        with self._lock:
            for text in list(self._missing):
                if text not in seen:
                    self._missing[text] += 1
                    if self._missing[text] >= self.gone_after:
                        del self._missing[text]
            new = [text for text in seen if text not in self._missing]
            for text in seen:
                self._missing[text] = 0
        return new

    def clear(self) -> None:
        """Forget what is in view (a new visit starts: the same card may be scanned again)."""
        with self._lock:
            self._missing.clear()


class CardReader:
    """Verifies scanned texts and reports each outcome as a `ScanEvent`.

    `public_keys` is asked for the insurer's current keys at every scan, so a refreshed key cache
    is used at once. `submit` may be called from any thread; `on_scan` runs in the caller's
    thread (a Qt wrapper emits a signal from it). Nothing else keeps the events: they carry the
    card's member id, which stays with the visit it was scanned for.
    """

    def __init__(
        self,
        public_keys: Callable[[], Mapping[str, Ed25519PublicKey]],
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        skew: timedelta = DEFAULT_SKEW,
        replay_guard: ReplayGuard | None = None,
        on_scan: Callable[[ScanEvent], None] | None = None,
    ) -> None:
        self.public_keys = public_keys
        self.clock = clock
        self.skew = skew
        self.replay_guard = replay_guard
        self._on_scan = on_scan

    def submit(self, text: str, source: ScanSource) -> ScanEvent:
        """Verify one scanned text offline and report the outcome."""
        now = self.clock()
        try:
            token = verify(
                text, self.public_keys(), now, skew=self.skew, replay_guard=self.replay_guard
            )
        except ECardError as error:
            event = ScanEvent(text, source, now, error=error)
        else:
            event = ScanEvent(text, source, now, token=token)
        if self._on_scan is not None:
            self._on_scan(event)
        return event

    def allow_again(self, token: ECardToken) -> None:
        """The check this card was accepted for failed or was cancelled: the family may show the
        same card again at once instead of being told it was already used."""
        if self.replay_guard is not None:
            self.replay_guard.forget(token.member_id, token.nonce)


class ScanWorker(BackgroundWorker):
    """Decodes the camera's newest frames in its own thread and submits new codes to a reader.

    It takes the newest frame each time it is free, so decoding never lags behind the camera;
    frames the decoder refuses (`FrameError`, a broken driver) are counted and skipped.
    `decoder` is `kiosk.scan.decode` at the desk; the video benchmark runs each library alone
    through the same worker to compare what a family waits.
    """

    def __init__(
        self,
        camera: CameraWorker,
        reader: CardReader,
        *,
        gone_after: int = 15,
        decoder: Callable[[np.ndarray], list[str]] = decode,
        name: str = "scan",
    ) -> None:
        self.camera = camera
        self.reader = reader
        self.decoder = decoder
        self.in_view = CodesInView(gone_after)
        self.frames_decoded = 0
        self.frames_refused = 0
        super().__init__(name)

    def _run(self) -> None:
        after = 0
        while not self._stop.is_set():
            frame = self.camera.latest(after, timeout=0.1)
            if frame is None:
                continue
            after = frame.number
            try:
                texts = self.decoder(frame.image)
            except FrameError:
                self.frames_refused += 1
                continue
            self.frames_decoded += 1
            for text in self.in_view.observe(texts):
                self.reader.submit(text, ScanSource.CAMERA)
