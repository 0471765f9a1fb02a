"""The last few scan and camera events, for a consumer that polls instead of taking a callback.

A scan event holds the e-card's text, member id and policy reference in clear; a queue nobody
drains would keep every card shown since start-up in memory. Only the newest `RECENT_EVENTS` are
kept, and `clear` drops them when a visit is forgotten.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from typing import Generic, TypeVar

T = TypeVar("T")

RECENT_EVENTS = 16
"""More than any burst a consumer reads at once; older events are dropped unread."""


class RecentEvents(Generic[T]):
    """A bounded, thread-safe queue of events that drops the oldest when full.

    `get` and `get_nowait` behave as `queue.SimpleQueue`'s (raising `queue.Empty`)."""

    def __init__(self, maxlen: int = RECENT_EVENTS) -> None:
        if maxlen < 1:
            raise ValueError("maxlen must be at least 1")
        self._items: deque[T] = deque(maxlen=maxlen)
        self._cond = threading.Condition()

    def __len__(self) -> int:
        with self._cond:
            return len(self._items)

    def put(self, item: T) -> None:
        with self._cond:
            self._items.append(item)
            self._cond.notify()

    def get(self, timeout: float | None = None) -> T:
        """The oldest event kept, waiting up to `timeout` seconds for one."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while not self._items:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    raise queue.Empty
                self._cond.wait(remaining)
            return self._items.popleft()

    def get_nowait(self) -> T:
        return self.get(timeout=0)

    def empty(self) -> bool:
        return len(self) == 0

    def clear(self) -> None:
        """Forget every event kept (the visit they belong to is over)."""
        with self._cond:
            self._items.clear()
