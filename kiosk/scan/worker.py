"""One daemon thread per worker, started once and stopped (and joined) on request.

The camera and the scan workers share this lifecycle; a worker that is still running after the
timeout is an error the owner hears about, never a thread silently left behind.
"""

from __future__ import annotations

import threading
from types import TracebackType
from typing import Self


class BackgroundWorker:
    """Runs `_run` on its own thread until `stop()` sets `_stop`."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError(f"{self._name} worker already started")
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop and join the thread."""
        thread = self._thread
        if thread is None:
            return
        self._stop.set()
        self._wake_for_stop()
        thread.join(timeout)
        if thread.is_alive():
            raise RuntimeError(f"{self._name} worker did not stop within {timeout} s")
        self._thread = None

    def _wake_for_stop(self) -> None:
        """Wake anything waiting on the worker so it sees the stop at once."""

    def _run(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
