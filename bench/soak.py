"""Soak: a kiosk that runs for weeks, as thousands of whole visits through the real UI.

    .venv/bin/python bench/soak.py [--visits 2000] [--every 100]

Runs the real kiosk (offscreen Qt platform) against the insurer sandbox on a loopback port, as
`kiosk demo` does, and drives each visit the way the desk and the family do (`KioskDriver`): the
handheld scanner reads a fresh e-card, reception bills the member's items (one extra line put on
and taken off), the family switches the language, signs and pays its part, the insurer records the
claim, the signed bill PDF is written, "Next family". The members take turns (every demo member
who can direct-bill).

Every `--every` visits it prints the process's resident memory (VmRSS), the number of live Qt
widgets and of Python objects the garbage collector tracks, and the time per visit. Widgets are
counted as the driver leaves them (events pumped, no `exec()`), so a screen that relied on
`deleteLater` would show here. Targets: after the first 100 visits, RSS grows <= 10 MB in total
and the widget count stays constant.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from insurer_sandbox.demo import DEMO_MEMBER_BY_STATE
from launchers.demo import demo_insurer, fresh_token
from ui.demo_script.scenarios import SCENARIOS
from ui.driver import KioskDriver
from ui.launch import KioskConfig, build_kiosk

FAMILIES = [
    (DEMO_MEMBER_BY_STATE[state], scenario)
    for state, scenario in SCENARIOS.items()
    if not scenario.request_preauth  # each request would add a pre-auth at the insurer for good
]
WARM_UP = 100
"""Visits before the baseline: connections, caches and allocator arenas settle in these."""


def rss_mb() -> float:
    """Resident set size of this process, from /proc (no psutil needed)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def widget_count() -> int:
    QCoreApplication.processEvents()
    return len(QApplication.allWidgets())


def soak(url: str, data_dir: Path, visits: int, every: int) -> list[tuple[int, float, int, int]]:
    kiosk = build_kiosk(KioskConfig(insurer_url=url, data_dir=data_dir, idle_seconds=3600))
    kiosk.window.resize(1280, 800)
    kiosk.window.show()
    driver = KioskDriver(kiosk)
    driver.wait_ready()
    rows: list[tuple[int, float, int, int]] = []
    print(
        f"{'visits':>7} {'RSS MB':>8} {'widgets':>8} {'py objects':>11} {'s/visit':>8}", flush=True
    )
    started, since = time.perf_counter(), 0
    try:
        for number in range(1, visits + 1):
            member, scenario = FAMILIES[(number - 1) % len(FAMILIES)]
            driver.whole_visit(fresh_token(member), scenario.items, scenario.payment)
            if number % every == 0 or number == visits:
                gc.collect()
                row = (number, rss_mb(), widget_count(), len(gc.get_objects()))
                rows.append(row)
                per_visit = (time.perf_counter() - started) / (number - since)
                print(
                    f"{row[0]:>7} {row[1]:>8.1f} {row[2]:>8} {row[3]:>11} {per_visit:>8.2f}",
                    flush=True,
                )
                started, since = time.perf_counter(), number
    finally:
        kiosk.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visits", type=int, default=2000)
    parser.add_argument("--every", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="soak-") as tmp, demo_insurer() as insurer:
        rows = soak(insurer.url, Path(tmp) / "kiosk", args.visits, args.every)
    baseline = next((row for row in rows if row[0] >= WARM_UP), rows[0])
    last = rows[-1]
    print(
        f"after visit {baseline[0]}: RSS {last[1] - baseline[1]:+.1f} MB by visit {last[0]} "
        "(target <= 10 MB); "
        f"widgets {baseline[2]} -> {last[2]} (target: constant)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
