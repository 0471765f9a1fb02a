"""The desk and its outbox as one kiosk process, for the crash test to SIGKILL at chosen points.

Usage: crash_child.py JOURNAL INSURER_URL DEVICE_KEY VISITS

Signs visits CRASH-0000 … up to VISITS-1 (skipping those already in the journal, as a clerk would
redo a visit whose signature was lost with the crash), runs the real submitter with the real
insurer client, and exits 0 once every claim is sent. `CRASH_AT=point:n` makes the process kill
itself (SIGKILL, no clean-up) the n-th time it reaches `point`:

- `before-commit`: inside the transaction that stores the signed claim;
- `after-commit`: right after that commit, before the outbox hears of it;
- `before-send`: when the submitter is about to send a claim;
- `mid-request`: while a claim's request is at the insurer (the test makes the insurer slow);
- `after-response`: the insurer answered, before the answer is recorded.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from signed_claims import follow_up_bill, sign_and_enqueue, strokes_for

from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import ClaimResult, ClaimSubmission
from kiosk.journal import ClaimSubmitter, Journal, RetrySchedule

MID_REQUEST_KILL_AFTER = 0.15
DESK_PACE_LIMIT = 0.5


class KillSwitch:
    def __init__(self, spec: str) -> None:
        point, _, nth = spec.partition(":")
        self.point = point
        self.left = int(nth or 0)
        self.lock = threading.Lock()

    def reached(self, point: str) -> bool:
        """True when this is the time to die at `point`."""
        with self.lock:
            if point != self.point or self.left <= 0:
                return False
            self.left -= 1
            return self.left == 0

    def at(self, point: str) -> None:
        if self.reached(point):
            die()


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class CrashingSender:
    """The real insurer client, with the kill points around the request."""

    def __init__(self, client: InsurerClient, kill: KillSwitch) -> None:
        self.client = client
        self.kill = kill

    def submit_claim(self, submission: ClaimSubmission, idempotency_key: str) -> ClaimResult:
        self.kill.at("before-send")
        if self.kill.reached("mid-request"):
            threading.Timer(MID_REQUEST_KILL_AFTER, die).start()
        result = self.client.submit_claim(submission, idempotency_key)
        self.kill.at("after-response")
        return result


def _next_family_steps_up(journal: Journal) -> None:
    """A desk serves one family at a time: the last claim is usually sent before the next visit."""
    deadline = time.monotonic() + DESK_PACE_LIMIT
    while journal.queue_state().waiting and time.monotonic() < deadline:
        time.sleep(0.005)


def main(journal_path: str, url: str, device_key: str, visits: int) -> int:
    kill = KillSwitch(os.environ.get("CRASH_AT", ""))
    journal = Journal.open(Path(journal_path))
    desk_client = InsurerClient(url, device_key, retries=0, read_timeout=10)
    outbox_client = InsurerClient(url, device_key, retries=0, read_timeout=10)
    submitter = ClaimSubmitter(
        journal,
        CrashingSender(outbox_client, kill),
        schedule=RetrySchedule(first=timedelta(milliseconds=50), cap=timedelta(milliseconds=500)),
    )
    submitter.start()
    today = journal.now().astimezone(ZoneInfo("Asia/Shanghai")).date()
    for visit_no in range(visits):
        invoice_no = f"CRASH-{visit_no:04d}"
        if journal.bill_by_invoice(invoice_no) is not None:
            continue
        bill = follow_up_bill(visit_no, today)
        estimate = desk_client.estimate(bill)
        with journal.transaction(actor="desk") as tx:
            sign_and_enqueue(
                tx, bill, estimate, invoice_no=invoice_no, strokes=strokes_for(visit_no)
            )
            kill.at("before-commit")
        kill.at("after-commit")
        submitter.wake()
        _next_family_steps_up(journal)
    deadline = time.monotonic() + 60
    while journal.queue_state().waiting and time.monotonic() < deadline:
        time.sleep(0.02)
    state = journal.queue_state()
    submitter.stop()
    print(f"waiting={state.waiting} attention={state.attention}", flush=True)
    return 0 if state.waiting == state.attention == 0 else 3


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])))
