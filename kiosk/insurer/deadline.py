"""A whole-call deadline for the insurer client.

requests and urllib3 time out each socket operation, not a call: an insurer (or a man in the
middle) sending one byte a second keeps a 5 s read timeout happy for ever. Reception cannot wait
for ever, so each call runs under a `CallDeadline`: when it passes, every socket the call uses is
shut down, which ends whatever read or retry is under way at once, and no new connection is
opened for the call.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import PoolManager

_current = threading.local()


class CallDeadline:
    """The moment one insurer call must be over by; a context manager for the calling thread."""

    def __init__(self, seconds: float) -> None:
        self._ends_at = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    @property
    def expired(self) -> bool:
        with self._lock:
            return self._expired

    def remaining(self) -> float:
        return max(0.0, self._ends_at - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        """Shut `sock` down when the deadline passes (at once if it already has)."""
        with self._lock:
            if not self._expired:
                self._sockets.append(sock)
                return
        _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self._expired = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut(sock)

    def __enter__(self) -> CallDeadline:
        _current.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _current.deadline = None
        with self._lock:
            self._sockets.clear()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _deadline() -> CallDeadline | None:
    return getattr(_current, "deadline", None)


class _DeadlineConnection:
    """Mixed into urllib3's connections: connect no later than the deadline, and let the deadline
    shut the socket while the answer is awaited or read."""

    timeout: Any
    sock: socket.socket | None

    def connect(self) -> None:
        deadline = _deadline()
        if deadline is not None:
            remaining = deadline.remaining()
            if remaining <= 0 or deadline.expired:
                raise TimeoutError("the call's deadline has passed")
            if not isinstance(self.timeout, int | float) or self.timeout > remaining:
                self.timeout = remaining
        super().connect()  # type: ignore[misc]

    def getresponse(self) -> Any:
        deadline = _deadline()
        if deadline is not None and self.sock is not None:
            deadline.watch(self.sock)
        return super().getresponse()  # type: ignore[misc]


class _HTTPConnection(_DeadlineConnection, HTTPConnection):
    pass


class _HTTPSConnection(_DeadlineConnection, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


def _use_deadline_pools(manager: PoolManager) -> PoolManager:
    manager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
    return manager


class DeadlineAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections (direct or through a proxy) obey the `CallDeadline`."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        _use_deadline_pools(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> PoolManager:
        return _use_deadline_pools(super().proxy_manager_for(proxy, **proxy_kwargs))
