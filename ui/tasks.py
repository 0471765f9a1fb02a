"""The one way the Qt layer runs slow work: `Task(fn).success(cb).failure(cb).run()`.

`fn` runs on a worker thread of the one `TaskRunner` the application installs at start. Work that
talks to the insurer is built with `Task.with_insurer(fn)` and gets that thread's own
`InsurerClient` (requests sessions are not shared between threads); other work (the journal, the
disk, the decoder) takes no arguments. The result or exception comes back to the GUI thread
through one queued signal, where the callbacks run, so screens never touch a widget from a worker
and the GUI thread never waits on the network, the disk or the decoder.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal

from kiosk.insurer.client import InsurerClient

log = logging.getLogger(__name__)

T = TypeVar("T")

ClientFactory = Callable[[], InsurerClient]


class TaskRunner(QObject):
    """Owns the worker threads and their insurer clients; create one, in the GUI thread."""

    _done = Signal(object, object, object)  # task, result, exception

    def __init__(self, client_factory: ClientFactory | None, *, workers: int = 3) -> None:
        """`client_factory` is None before the kiosk knows its insurer (registration): work
        built `with_insurer` then fails with `NoInsurerYet`."""
        super().__init__()
        self._client_factory = client_factory
        self._local = threading.local()
        self._clients: list[InsurerClient] = []
        self._clients_lock = threading.Lock()
        self._pending: set[Task[Any]] = set()
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kiosk-task")
        self._done.connect(self._deliver)
        self._closed = False

    def submit(self, task: Task[Any]) -> Future[Any]:
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        self._pending.add(task)
        return self._executor.submit(self._work, task)

    @property
    def closed(self) -> bool:
        """Shut down: the kiosk is closing and takes no more work."""
        return self._closed

    @property
    def busy(self) -> int:
        """How many tasks have not delivered their result yet."""
        return len(self._pending)

    def shutdown(self) -> None:
        """Wait for running work, then close every worker's insurer client."""
        self._closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)
        with self._clients_lock:
            for client in self._clients:
                client.close()
            self._clients.clear()

    def _client(self) -> InsurerClient:
        client = getattr(self._local, "client", None)
        if client is None:
            if self._client_factory is None:
                raise NoInsurerYet("this work needs the insurer, and no insurer is configured")
            client = self._client_factory()
            self._local.client = client
            with self._clients_lock:
                self._clients.append(client)
        return client

    def _work(self, task: Task[Any]) -> None:
        _worker.client = self._client
        try:
            result = task.fn()
        except Exception as exc:  # every failure is delivered to the task's owner
            self._done.emit(task, None, exc)
        else:
            self._done.emit(task, result, None)

    def _deliver(self, task: Task[Any], result: object, error: BaseException | None) -> None:
        self._pending.discard(task)
        if error is None:
            if task.on_success is not None:
                task.on_success(result)
        elif task.on_failure is not None:
            task.on_failure(error)
        else:
            log.error("background task failed", exc_info=error)


class NoInsurerYet(RuntimeError):
    """Insurer work was started on a runner made before the kiosk knew its insurer."""


_current: TaskRunner | None = None


def install_runner(runner: TaskRunner | None) -> None:
    """Make `runner` the one `Task.run()` uses (the application installs its runner at start)."""
    global _current
    _current = runner


@contextmanager
def running_tasks(
    client_factory: ClientFactory | None, *, workers: int = 3
) -> Iterator[TaskRunner]:
    """Install a runner for the time of a `with` block, then wait for its work, close it and
    put back the runner that was installed before."""
    runner, previous = TaskRunner(client_factory, workers=workers), _current
    install_runner(runner)
    try:
        yield runner
    finally:
        runner.shutdown()
        install_runner(previous)


def accepting_work() -> bool:
    """False once the kiosk is closing: work started now would never report back."""
    return _current is not None and not _current.closed


def current_runner() -> TaskRunner:
    if _current is None:
        raise RuntimeError("no task runner installed")
    return _current


class Task(Generic[T]):
    """Slow work for a worker thread, with callbacks that run back on the GUI thread."""

    def __init__(self, fn: Callable[[], T]) -> None:
        self.fn = fn
        self.on_success: Callable[[T], None] | None = None
        self.on_failure: Callable[[BaseException], None] | None = None

    @classmethod
    def with_insurer(cls, fn: Callable[[InsurerClient], T]) -> Task[T]:
        """Work that talks to the insurer: `fn` gets its worker thread's own client."""
        return cls(lambda: fn(_worker_insurer()))

    def success(self, callback: Callable[[T], None]) -> Task[T]:
        self.on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Task[T]:
        self.on_failure = callback
        return self

    def run(self) -> Future[Any]:
        return current_runner().submit(self)


_worker = threading.local()
"""On a runner's worker thread: `client`, how that thread gets its own insurer client (made on
first use, so work that never talks to the insurer never opens one)."""


def _worker_insurer() -> InsurerClient:
    client: ClientFactory | None = getattr(_worker, "client", None)
    if client is None:
        raise RuntimeError("insurer work runs on a TaskRunner's worker thread")
    return client()
