"""Callbacks the outbox's thread calls: subscribed from any thread, each failure logged, never
passed on, so one broken screen cannot stop the outbox from telling the others."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

News = TypeVar("News")


class Subscribers(Generic[News]):
    """Who hears of each `News` (a queue state, a pre-auth change), in the order they came."""

    def __init__(self, what: str) -> None:
        self._what = what
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[News], None]] = []

    def subscribe(self, callback: Callable[[News], None]) -> Callable[[], None]:
        """Call `callback(news)` at each `tell`; returns unsubscribe."""
        with self._lock:
            self._callbacks.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._callbacks:
                    self._callbacks.remove(callback)

        return unsubscribe

    def tell(self, news: News) -> None:
        """Call every subscriber on this thread; a failing one is logged and the rest still hear."""
        with self._lock:
            callbacks = list(self._callbacks)
        for callback in callbacks:
            try:
                callback(news)
            except Exception:
                log.exception("a subscriber to the %s failed", self._what)
