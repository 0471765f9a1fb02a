"""Background work: results and failures come back on the GUI thread; each worker has its own
insurer client; the GUI thread does not wait for the work."""

from __future__ import annotations

import threading
import time

import pytest

from kiosk.insurer.client import InsurerClient
from kiosk.insurer.errors import InsurerUnreachable
from ui.tasks import NoInsurerYet, Task, running_tasks


@pytest.fixture
def runner(qapp):
    made: list[InsurerClient] = []

    def client() -> InsurerClient:
        made.append(InsurerClient("http://127.0.0.1:9", "unused"))
        return made[-1]

    with running_tasks(client, workers=2) as tasks:
        tasks.made = made
        yield tasks


def test_results_arrive_on_the_gui_thread_and_the_caller_does_not_wait(runner, qtbot):
    release = threading.Event()
    seen: list[tuple[str, bool]] = []

    def slow() -> str:
        release.wait(5)
        return "answer"

    started = time.monotonic()
    Task(slow).success(
        lambda value: seen.append((value, threading.current_thread() is threading.main_thread()))
    ).run()
    # The task hangs until released (up to 5 s): a caller that waited would take all of it.
    assert time.monotonic() - started < 0.5 and seen == []
    release.set()
    qtbot.waitUntil(lambda: seen == [("answer", True)], timeout=5000)
    assert runner.busy == 0


def test_failures_reach_the_failure_callback_as_the_insurer_error(runner, qtbot):
    failures: list[BaseException] = []
    Task.with_insurer(lambda insurer: insurer.signing_keys()).success(pytest.fail).failure(
        failures.append
    ).run()
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    assert isinstance(failures[0], InsurerUnreachable)


def test_each_worker_thread_has_its_own_insurer_client(runner, qtbot):
    barrier = threading.Barrier(2, timeout=5)
    clients: list[int] = []

    def meet(insurer: InsurerClient) -> int:
        barrier.wait()
        return id(insurer)

    for _ in range(2):
        Task.with_insurer(meet).success(clients.append).run()
    qtbot.waitUntil(lambda: len(clients) == 2, timeout=5000)
    assert len(set(clients)) == 2 and len(runner.made) == 2


def test_work_that_needs_no_insurer_never_opens_a_client(runner, qtbot):
    done: list[str] = []
    Task(lambda: "journal read").success(done.append).run()
    qtbot.waitUntil(lambda: done == ["journal read"], timeout=5000)
    assert runner.made == []


def test_insurer_work_before_registration_fails_with_a_clear_error(qapp, qtbot):
    failures: list[BaseException] = []
    with running_tasks(None, workers=1):
        Task.with_insurer(lambda insurer: insurer.signing_keys()).failure(failures.append).run()
        qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], NoInsurerYet)
