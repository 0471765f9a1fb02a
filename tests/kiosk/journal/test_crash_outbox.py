"""Crash test: a kiosk process signing 200 visits is SIGKILLed again and again at every dangerous
point; restarts drain the outbox, and the insurer ends with exactly one claim per signed bill."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.insurer.client import InsurerClient
from kiosk.journal import AttemptOutcome, ClaimState, Journal

CHILD = Path(__file__).with_name("crash_child.py")
VISITS = 200
POINTS = ("before-commit", "after-commit", "before-send", "mid-request", "after-response")
KILLS_PER_POINT = 4
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _kill_plan(rng):
    """Rounds of every kill kind in a random order: (point, n) makes the child kill itself the
    n-th time it reaches `point`; ("random", seconds) is a kill from here after that long."""
    plan = []
    for _ in range(KILLS_PER_POINT):
        kinds = [(point, rng.randint(1, 4 if point == "mid-request" else 6)) for point in POINTS]
        kinds.append(("random", rng.uniform(0.5, 2.0)))
        rng.shuffle(kinds)
        plan += kinds
    return plan


def _run_child(journal_path, sandbox, device_key, point, arg):
    env = dict(os.environ)
    env.pop("CRASH_AT", None)
    if point in POINTS:
        env["CRASH_AT"] = f"{point}:{arg}"
    if point == "mid-request":
        sandbox.inject_fault("delay", count=arg, path_prefix="/v1/claims", delay_ms=400)
    elif point == "random":
        sandbox.inject_fault("delay", count=40, path_prefix="/v1/claims", delay_ms=60)
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(journal_path), sandbox.url, device_key, str(VISITS)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    if point == "random":
        try:
            child.wait(arg)
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
    output, _ = child.communicate(timeout=90)
    sandbox.clear_faults()
    return child.returncode, output.decode(errors="replace")


def test_crash_200_visits_killed_at_random_points_lose_nothing_and_double_nothing(
    fresh_sandbox, fresh_sandbox_device_key, tmp_path, record_property, capsys
):
    seed = int(os.environ.get("CRASH_SEED", "20261125"))
    rng = random.Random(seed)
    journal_path = tmp_path / "journal.sqlite3"
    kills = Counter()
    started = time.monotonic()
    for point, arg in [*_kill_plan(rng), ("none", 0)]:
        returncode, output = _run_child(
            journal_path, fresh_sandbox, fresh_sandbox_device_key, point, arg
        )
        if returncode == -signal.SIGKILL:
            kills[point] += 1
            continue
        assert returncode == 0, f"the kiosk failed after a restart ({point}):\n{output}"
        if point == "none":
            break
    elapsed = time.monotonic() - started

    with Journal.open(journal_path) as journal:
        claims = journal.claims()
        attempts = journal.claim_attempts()
        audit = journal.verify_audit()
    by_key = {claim.idempotency_key: claim for claim in claims}
    days = {claim.recorded_at.astimezone(SHANGHAI).date() for claim in claims if claim.recorded_at}
    with InsurerClient(fresh_sandbox.url, fresh_sandbox_device_key, retries=0) as insurer:
        statement = [line for day in sorted(days) for line in insurer.daily_statement(day).claims]
        bills_at_insurer = Counter(insurer.claim(line.claim_id).bill_hash for line in statement)
    keys_at_insurer = Counter(line.idempotency_key for line in statement)
    submission_bills = {claim.submission().bill_hash for claim in claims}

    lost = sum(1 for claim in claims if claim.idempotency_key not in keys_at_insurer)
    duplicates = sum(n - 1 for n in bills_at_insurer.values())
    strays = sum(1 for key in keys_at_insurer if key not in by_key)
    interrupted = {a.claim_id for a in attempts if a.outcome is AttemptOutcome.INTERRUPTED}
    attempts_per_claim = Counter(a.claim_id for a in attempts)
    retried = sum(1 for n in attempts_per_claim.values() if n > 1)
    figures = {
        "visits": VISITS,
        "kills": sum(kills.values()),
        "kills_by_point": dict(sorted(kills.items())),
        "signed_claims_in_journal": len(claims),
        "claims_at_insurer": len(statement),
        "lost": lost,
        "duplicates": duplicates,
        "at_insurer_but_not_in_journal": strays,
        "claims_with_an_attempt_cut_short_by_a_kill": len(interrupted),
        "claims_attempted_more_than_once": retried,
        "seconds": round(elapsed, 1),
        "seed": seed,
    }
    for name, value in figures.items():
        record_property(name, value)
    with capsys.disabled():
        print(f"\ncrash test figures: {figures}")

    assert sorted(claim.clinic_invoice_no for claim in claims) == [
        f"CRASH-{n:04d}" for n in range(VISITS)
    ]
    assert (lost, duplicates, strays) == (0, 0, 0)
    assert len(statement) == VISITS
    assert set(bills_at_insurer) == submission_bills
    assert all(claim.state is ClaimState.SENT for claim in claims)
    assert all(by_key[line.idempotency_key].insurer_claim_id == line.claim_id for line in statement)
    assert sum(line.total_covered_fen for line in statement) == sum(c.covered_fen for c in claims)
    assert audit.intact
    assert set(kills) == {*POINTS, "random"}, f"every kill point must have been hit: {kills}"
    assert interrupted, "some sends must have been cut short by a kill"
