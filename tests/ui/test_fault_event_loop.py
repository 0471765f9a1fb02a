"""Fault tests with the real Qt kiosk running against the real insurer sandbox: the insurer
stopped (connection refused), slower than the read timeout, answering 5xx in bursts, and dropping
the connection mid-answer.

Each test puts signed claims in the kiosk's outbox (a visit through the screens, more through the
desk path the screens use), turns a fault on, has reception call the insurer through the screens
while it lasts, and lets the insurer recover. The staff header's outbox indicator must show the
claims waiting during the fault and "all sent" after it, and the insurer's daily statement must
hold each claim exactly once.

All the while a 10 ms timer on the GUI thread measures the event loop (DESIGN §4: the GUI thread
never waits on the network or the disk): the kiosk's share of any gap between two ticks must stay
within 100 ms. That share is what the GUI thread ran plus what it was blocked on (a socket, the
disk, the interpreter lock held by a running worker); it leaves out the time the kernel gave its
CPU to other programs, directly or while one of our workers held the interpreter lock waiting for
a CPU, and the time the hypervisor took the whole machine. On the shared 2-core machine these
tests were written on, at load 8, those waits alone reach 300 ms and would make a bare 100 ms
bound fail for reasons that are not the kiosk's. Every late tick (over 50 ms) is printed with
that breakdown and where the GUI thread and the workers were, so a failure names its cause.

Harness steps that block (stopping and starting the sandbox, queueing faults) run on a helper
thread while the loop keeps turning, so the test never stalls the loop it measures.
"""

from __future__ import annotations

import os
import re
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import TypeVar
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer

from insurer_sandbox.demo import demo_member
from insurer_sandbox.server import SandboxProcess
from kiosk.billing import build_bill, english_names
from kiosk.desk import PresentedBill, present_bill, sign_and_queue
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import Bill
from kiosk.journal import AttemptOutcome, ClaimRecord, ClaimState, RetrySchedule
from kiosk.signature import Point, Signature
from kiosk.visit import Step
from launchers.demo import fresh_token
from tests.ui.conftest import to_sign
from ui.driver import KioskDriver, pump_until, signature_strokes
from ui.launch import Kiosk
from ui.tasks import Task

T = TypeVar("T")

MAX_GAP = 0.100
"""The longest the GUI thread may keep the event loop from turning."""
TICK_MS = 10
LATE = 0.050
"""A tick this late is printed, with where the GUI thread and the workers were meanwhile."""
READ_TIMEOUT_S = 5.0
"""The insurer client's read timeout (`InsurerClient`'s default, which the kiosk uses)."""
SLOW_MS = 6_000
FAST = RetrySchedule(first=timedelta(milliseconds=100), cap=timedelta(seconds=1))
"""The outbox's backoff, shortened so recovery shows within a second (the defaults wait minutes)."""
MEMBER = "free_visits_used_up"
"""A demo member whose visits the insurer pays at a fixed 50%, in whatever order claims arrive."""
SHANGHAI = ZoneInfo("Asia/Shanghai")
REPO = Path(__file__).resolve().parents[2]

ALL_SENT = "All claims sent"
CHECKING = "Checking the card with the insurer…"
CANNOT_BE_REACHED = "The insurer cannot be reached. Check the network and try again."
ANSWERED_WITH_AN_ERROR = "The insurer answered with an error. Try again in a moment."


def unreachable(waiting: int) -> str:
    return f"Insurer unreachable · {waiting} waiting"


def waiting_to_send(waiting: int) -> str:
    return f"{waiting} claim{'s' if waiting != 1 else ''} waiting to send"


# --- measuring the event loop ---------------------------------------------------------------------


WORKERS = ("kiosk-task", "claim-submitter")
"""The kiosk's own threads: the task runner's workers and the outbox."""
CPU_LINE = re.compile(rb"^cpu\d+ (.*)$", re.MULTILINE)


def proc(path: str) -> bytes:
    """A /proc file, read the cheap way: this runs on the GUI thread at every tick."""
    fd = os.open(path, os.O_RDONLY)
    try:
        return os.read(fd, 16_384)
    finally:
        os.close(fd)


def schedstat(native_id: int) -> tuple[float, float]:
    """Seconds a thread of this process has run, and has waited runnable for a CPU."""
    ran, queued, _ = proc(f"/proc/self/task/{native_id}/schedstat").split()
    return int(ran) / 1e9, int(queued) / 1e9


@dataclass(frozen=True)
class Clocks:
    """Where the time went, read at one tick (Linux; elsewhere only `at` moves, and a whole gap
    counts against the kiosk)."""

    at: float
    ran: float
    """Seconds the GUI thread has run."""
    queued: float
    """Seconds the GUI thread has waited runnable for a CPU: other programs' load."""
    workers_queued: dict[int, float]
    """The same for each of the kiosk's workers: one that holds the interpreter lock while it
    waits for a CPU keeps the GUI thread waiting too."""
    stolen: tuple[float, ...]
    """Seconds the hypervisor has taken from each CPU: while it takes all, nothing here runs."""

    @classmethod
    def read(cls, gui: int) -> Clocks:
        at = time.perf_counter()
        workers = [t.native_id for t in threading.enumerate() if t.name.startswith(WORKERS)]
        try:
            ran, queued = schedstat(gui)
            workers_queued = {worker: schedstat(worker)[1] for worker in workers if worker}
            cpus = CPU_LINE.findall(proc("/proc/stat"))
        except (OSError, ValueError):
            return cls(at, 0.0, 0.0, {}, ())
        ticks = os.sysconf("SC_CLK_TCK")
        stolen = tuple(int(cpu.split()[7]) / ticks for cpu in cpus)
        return cls(at, ran, queued, workers_queued, stolen)


def where(frame: FrameType) -> str:
    """The innermost frames of our own code (kiosk, ui, tests) in a thread's stack."""
    ours = [
        f"{Path(entry.filename).relative_to(REPO)}:{entry.lineno} {entry.name}"
        for entry in traceback.extract_stack(frame)
        if entry.filename.startswith(str(REPO)) and ".venv" not in entry.filename
    ]
    return " < ".join(reversed(ours[-3:]))


@dataclass
class Gap:
    """The time between two ticks, split by where the GUI thread's time went."""

    phase: str
    gap: float
    ran: float
    queued: float
    worker_queued: float
    """The longest any one worker waited for a CPU meanwhile."""
    stolen: float
    gui: Counter[str] = field(default_factory=Counter)
    """Where the GUI thread was, sampled while the tick was late."""
    workers: Counter[str] = field(default_factory=Counter)
    """Where the kiosk's workers were meanwhile."""

    @classmethod
    def between(cls, phase: str, before: Clocks, after: Clocks) -> Gap:
        worker_queued = [
            queued - before.workers_queued[worker]
            for worker, queued in after.workers_queued.items()
            if worker in before.workers_queued
        ]
        stolen = [b - a for a, b in zip(before.stolen, after.stolen, strict=True)]
        return cls(
            phase,
            after.at - before.at,
            after.ran - before.ran,
            after.queued - before.queued,
            max(worker_queued, default=0.0),
            min(stolen, default=0.0),
        )

    @property
    def blocked(self) -> float:
        """Neither running nor waiting for a CPU: on a socket, the disk, a sleep, or the
        interpreter lock."""
        return self.gap - self.ran - self.queued - self.stolen

    @property
    def kiosk_share(self) -> float:
        """What the kiosk kept the GUI thread from the loop: the gap less the time other
        programs and the hypervisor kept it from a CPU, directly or through a worker that held
        the interpreter lock while it waited for one. What the GUI thread ran, and what it was
        blocked on otherwise (a socket, the disk, a worker running with the lock), stays in."""
        return self.ran + self.blocked - min(self.blocked, self.worker_queued)

    def __str__(self) -> str:
        def top(seen: Counter[str]) -> str:
            return "; ".join(f"{n}x {place}" for place, n in seen.most_common(2)) or "-"

        return (
            f"{self.gap * 1000:.0f} ms while {self.phase}: the GUI thread ran "
            f"{self.ran * 1000:.0f} ms, was blocked {self.blocked * 1000:.0f} ms (while a worker "
            f"waited up to {self.worker_queued * 1000:.0f} ms for a CPU), waited "
            f"{self.queued * 1000:.0f} ms for a CPU itself, and the hypervisor took "
            f"{self.stolen * 1000:.0f} ms; it was in {top(self.gui)}; "
            f"workers were in {top(self.workers)}"
        )


@dataclass
class EventLoopWatch:
    """A precise 10 ms timer on the GUI thread that records the gap between consecutive ticks,
    per phase of a test; a watchdog thread samples where the threads are while a tick is late."""

    phase: str = "healthy"
    worst: dict[str, tuple[float, float]] = field(default_factory=dict)
    """Per phase: the longest gap, and the longest kiosk's share of a gap."""
    late: list[Gap] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._gui = threading.get_ident()
        self._gui_native = threading.get_native_id()
        self._last = Clocks.read(self._gui_native)
        self._seen: dict[float, tuple[Counter[str], Counter[str]]] = {}
        self._stopping = threading.Event()
        self._watchdog = threading.Thread(target=self._watch, name="loop-watchdog", daemon=True)

    def start(self) -> None:
        self._last = Clocks.read(self._gui_native)
        self._timer.start()
        self._watchdog.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stopping.set()
        self._watchdog.join()

    def enter(self, phase: str) -> None:
        self.phase = phase

    def assert_never_stalled(self) -> None:
        print("\nlongest gap between ticks (the kiosk's share):")
        for phase, (gap, share) in self.worst.items():
            print(f"  {phase}: {gap * 1000:.0f} ms ({share * 1000:.0f} ms)")
        for gap in self.late:
            print(f"  late tick: {gap}")
        stalls = [gap for gap in self.late if gap.kiosk_share > MAX_GAP]
        assert not stalls, "the GUI thread stalled the event loop:\n" + "\n".join(map(str, stalls))

    def _tick(self) -> None:
        before, self._last = self._last, Clocks.read(self._gui_native)
        gap = Gap.between(self.phase, before, self._last)
        worst_gap, worst_share = self.worst.get(self.phase, (0.0, 0.0))
        self.worst[self.phase] = (max(worst_gap, gap.gap), max(worst_share, gap.kiosk_share))
        gap.gui, gap.workers = self._seen.pop(before.at, (Counter(), Counter()))
        if gap.gap > LATE:
            self.late.append(gap)

    def _watch(self) -> None:
        while not self._stopping.wait(0.005):
            since = self._last.at
            if time.perf_counter() - since < LATE:
                continue
            frames = sys._current_frames()
            names = {thread.ident: thread.name for thread in threading.enumerate()}
            gui, workers = self._seen.setdefault(since, (Counter(), Counter()))
            for ident, frame in frames.items():
                place = where(frame)
                if ident == self._gui:
                    gui[place or "Qt"] += 1
                elif place and names.get(ident, "").startswith(WORKERS):
                    workers[f"{names[ident]}: {place}"] += 1


def off_gui(step: Callable[[], T], what: str, timeout: float = 30.0) -> T:
    """A blocking harness step (not the kiosk's work) on a helper thread, the loop turning."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="harness") as pool:
        future = pool.submit(step)
        pump_until(future.done, timeout, what)
        return future.result()


# --- the insurer and the kiosk --------------------------------------------------------------------


@dataclass
class Desk:
    """A real kiosk on screen, a person driving it, and the loop watch running over both."""

    kiosk: Kiosk
    driver: KioskDriver
    loop: EventLoopWatch
    indicator_texts: list[str]
    """Every text the staff header's outbox indicator showed, in order."""

    @property
    def indicator(self) -> str:
        return self.kiosk.window.header.outbox.text()

    def wait_indicator(self, text: str, timeout: float = 20.0) -> None:
        pump_until(lambda: self.indicator == text, timeout, f"outbox indicator {text!r}")


@pytest.fixture
def desk(make_kiosk, fault_sandbox: SandboxProcess, own_sandbox_device_key: str) -> Iterator[Desk]:
    """An English kiosk registered with the sandbox, started up; the loop watch runs from here."""
    kiosk, driver = make_kiosk(fault_sandbox, own_sandbox_device_key, retry_schedule=FAST)
    indicator = kiosk.window.header.outbox
    texts: list[str] = []
    kiosk.session.outbox.changed.connect(lambda _state: texts.append(indicator.text()))
    loop = EventLoopWatch()
    loop.start()
    try:
        yield Desk(kiosk, driver, loop, texts)
    finally:
        loop.stop()


# --- claims through the desk path -----------------------------------------------------------------


def run_task(task: Task[T], what: str) -> T:
    """Work on the kiosk's own workers, as the screens run it; the loop turns meanwhile."""
    results: list[T] = []
    errors: list[BaseException] = []
    task.success(results.append).failure(errors.append).run()
    pump_until(lambda: bool(results or errors), 20, what)
    if errors:
        raise errors[0]
    return results[0]


def follow_up_bill(desk: Desk, sachets: int) -> Bill:
    """A follow-up consultation and oral rehydration salts, priced from the kiosk's catalogue."""
    catalogue = desk.kiosk.session.catalogue
    items = [(catalogue["GP002"], 1), (catalogue["RX006"], sachets)]
    return build_bill(demo_member(MEMBER).member_id, datetime.now(SHANGHAI).date(), items)


def present_desk_bills(desk: Desk, count: int) -> list[PresentedBill]:
    """Bills the insurer estimated, recorded as shown to the family: the bill screen's steps."""
    session = desk.kiosk.session
    bills = [follow_up_bill(desk, sachets) for sachets in range(1, count + 1)]
    names = english_names(session.catalogue)

    def present_all(insurer: InsurerClient) -> list[PresentedBill]:
        return [
            present_bill(
                session.journal,
                bill,
                insurer.estimate(bill),
                clinic=session.clinic_name,
                names_en=names,
            )
            for bill in bills
        ]

    return run_task(Task.with_insurer(present_all), "bills estimated and presented")


def sign_desk_bills(desk: Desk, presented: list[PresentedBill]) -> list[ClaimRecord]:
    """The families sign: signature and claim stored together on a worker, then the outbox is
    woken, as the sign screen does."""
    journal = desk.kiosk.session.journal
    strokes = signature_strokes(600, 240)
    times = iter(range(0, 12 * sum(map(len, strokes)), 12))
    signature = Signature(
        tuple(tuple(Point(x, y, next(times)) for x, y in stroke) for stroke in strokes), 600, 240
    )

    def sign_all() -> list[ClaimRecord]:
        return [sign_and_queue(journal, p, signature, datetime.now(UTC)) for p in presented]

    claims = run_task(Task(sign_all), "claims stored")
    desk.kiosk.session.submitter.wake()
    return claims


# --- what reception sees and what the insurer holds -----------------------------------------------


def scan_card(desk: Desk) -> None:
    """A family's e-card read by the handheld scanner: verified offline, then the insurer asked."""
    desk.driver.scan(fresh_token(demo_member(MEMBER)))
    assert desk.kiosk.session.visit.step is Step.CHECKING
    assert desk.kiosk.window.scan.status.text() == CHECKING


def wait_card_problem(desk: Desk, message: str) -> None:
    scan = desk.kiosk.window.scan
    desk.driver.wait_step(Step.SCAN, 20)
    pump_until(lambda: scan.status.text() == message, 5, f"scan status {message!r}")


def failed_attempts(desk: Desk) -> list[tuple[str | None, int | None]]:
    return [
        (attempt.error_class, attempt.http_status)
        for attempt in desk.kiosk.session.journal.claim_attempts()
        if attempt.outcome is AttemptOutcome.UNREACHABLE
    ]


def assert_each_claim_once_at_the_insurer(
    desk: Desk, sandbox: SandboxProcess, device_key: str, count: int
) -> None:
    """By the insurer's daily statement, and its own record of each claim's bill hash."""
    claims = desk.kiosk.session.journal.claims()
    assert len(claims) == count
    assert all(claim.state is ClaimState.SENT for claim in claims)
    days = {claim.recorded_at.astimezone(SHANGHAI).date() for claim in claims}
    with InsurerClient(sandbox.url, device_key) as insurer:
        statement = [line for day in sorted(days) for line in insurer.daily_statement(day).claims]
        for claim in claims:
            [line] = [line for line in statement if line.idempotency_key == claim.idempotency_key]
            assert line.claim_id == claim.insurer_claim_id
            assert insurer.claim(line.claim_id).bill_hash == claim.submission().bill_hash


# --- the faults -----------------------------------------------------------------------------------


def test_fault_insurer_stopped_screens_stay_live_and_the_queue_drains_when_it_is_back(
    desk, fault_sandbox, own_sandbox_device_key
):
    driver, window = desk.driver, desk.kiosk.window
    to_sign(driver, "GP002", MEMBER)
    presented = present_desk_bills(desk, 2)
    assert desk.indicator == ALL_SENT

    desk.loop.enter("insurer stopped")
    off_gui(fault_sandbox.stop, "the sandbox to stop")
    driver.sign()  # the family signs while the insurer is down
    desk.wait_indicator(unreachable(1))
    stored = "Stored safely; the insurer cannot be reached now, it will be sent automatically."
    pump_until(lambda: window.done.claim_state.text() == stored, 10, "the done screen's note")
    sign_desk_bills(desk, presented)
    desk.wait_indicator(unreachable(3))
    assert window.header.outbox.isVisible()
    driver.next_family()
    scan_card(desk)
    wait_card_problem(desk, CANNOT_BE_REACHED)
    assert desk.indicator == unreachable(3)

    desk.loop.enter("recovering")
    off_gui(fault_sandbox.start, "the sandbox to start")
    desk.wait_indicator(ALL_SENT)
    scan_card(desk)
    driver.wait_step(Step.ELIGIBILITY)
    desk.loop.stop()

    desk.loop.assert_never_stalled()
    assert {error for error, _status in failed_attempts(desk)} == {"InsurerUnreachable"}
    assert_each_claim_once_at_the_insurer(desk, fault_sandbox, own_sandbox_device_key, 3)


def test_fault_insurer_slower_than_the_read_timeout_reception_waits_on_a_live_screen(
    desk, fault_sandbox, own_sandbox_device_key
):
    presented = present_desk_bills(desk, 3)

    desk.loop.enter("insurer slower than the read timeout")

    def slow_down() -> None:
        for path in ("/v1/claims", "/v1/eligibility"):
            fault_sandbox.inject_fault("delay", count=1, path_prefix=path, delay_ms=SLOW_MS)

    off_gui(slow_down, "faults queued")
    started = time.monotonic()
    sign_desk_bills(desk, presented)
    desk.wait_indicator(waiting_to_send(3))
    scan_card(desk)
    pump_until(lambda: time.monotonic() - started > 2, 5, "two seconds of waiting")
    assert desk.kiosk.session.visit.step is Step.CHECKING
    assert desk.kiosk.window.scan.status.text() == CHECKING
    assert desk.indicator == waiting_to_send(3)

    desk.loop.enter("recovering")
    desk.driver.wait_step(Step.ELIGIBILITY, 20)  # the client's second try is answered at once
    desk.wait_indicator(ALL_SENT)
    assert time.monotonic() - started > READ_TIMEOUT_S
    desk.loop.stop()

    desk.loop.assert_never_stalled()
    assert fault_sandbox.pending_faults() == []
    assert_each_claim_once_at_the_insurer(desk, fault_sandbox, own_sandbox_device_key, 3)


def test_fault_5xx_burst_the_bill_screen_says_so_and_the_queue_drains(
    desk, fault_sandbox, own_sandbox_device_key
):
    driver, bill = desk.driver, desk.kiosk.window.bill
    presented = present_desk_bills(desk, 3)
    driver.show_card(fresh_token(demo_member(MEMBER)))
    driver.start_bill()

    desk.loop.enter("5xx burst")

    def burst() -> None:
        for status in (503, 500, 502):  # three tries each: the client's own retries use two
            fault_sandbox.inject_fault("status", count=3, path_prefix="/v1/claims", status=status)
        fault_sandbox.inject_fault("status", count=3, path_prefix="/v1/adjudication", status=503)

    off_gui(burst, "faults queued")
    sign_desk_bills(desk, presented)
    driver.add_item("GP002")
    pump_until(lambda: bill.state.text() == ANSWERED_WITH_AN_ERROR, 20, "the estimate's failure")
    assert bill.retry_button.isVisible()

    desk.loop.enter("recovering")
    desk.wait_indicator(ALL_SENT)
    driver.click(bill.retry_button)
    driver.wait_estimate()
    desk.loop.stop()

    desk.loop.assert_never_stalled()
    assert unreachable(3) in desk.indicator_texts
    assert failed_attempts(desk) == [
        ("InsurerServerError", 503),
        ("InsurerServerError", 500),
        ("InsurerServerError", 502),
    ]
    assert_each_claim_once_at_the_insurer(desk, fault_sandbox, own_sandbox_device_key, 3)


def test_fault_connection_dropped_mid_answer_claims_are_resent_and_recorded_once(
    desk, fault_sandbox, own_sandbox_device_key
):
    presented = present_desk_bills(desk, 3)

    desk.loop.enter("connection dropped mid-answer")

    def cut_off() -> None:
        fault_sandbox.inject_fault("drop", count=1, path_prefix="/v1/claims")
        fault_sandbox.inject_fault("truncate", count=1, path_prefix="/v1/claims")
        fault_sandbox.inject_fault("drop", count=1, path_prefix="/v1/eligibility")

    off_gui(cut_off, "faults queued")
    sign_desk_bills(desk, presented)
    scan_card(desk)
    wait_card_problem(desk, CANNOT_BE_REACHED)

    desk.loop.enter("recovering")
    desk.wait_indicator(ALL_SENT)
    desk.loop.stop()

    desk.loop.assert_never_stalled()
    assert unreachable(3) in desk.indicator_texts
    assert failed_attempts(desk) == [("InsurerUnreachable", None)] * 2
    assert_each_claim_once_at_the_insurer(desk, fault_sandbox, own_sandbox_device_key, 3)
