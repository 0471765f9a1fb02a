"""One desk, as its own process, for the clinic database's fault test: it takes visits one family
at a time into its journal (up to `--visits` in the journal, so a desk started again after a kill
goes on where it stopped) while its shipper ships them, then waits until everything is shipped.

    python -m tests.kiosk.clinic_db_desk JOURNAL URL PASSWORD --visits 300 --seed 1

Prints "shipped" when the queue is empty, and exits 0; exits 3 if it could not ship in time.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime, timedelta

from bench.summary import BenchClock, YearWriter
from kiosk.clinic_db.connection import clinic_engine, split_password
from kiosk.clinic_db.shipping import Shipper, shipping_state, start_shipping
from kiosk.journal import Journal
from kiosk.journal.retry_schedule import RetrySchedule
from tests.clinic_databases import DAY


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("journal")
    parser.add_argument("url")
    parser.add_argument("password")
    parser.add_argument("--visits", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--pause", type=float, default=0.02)
    parser.add_argument("--timeout", type=float, default=90.0)
    args = parser.parse_args()

    clock = BenchClock()
    journal = Journal.open(args.journal, clock=clock)
    with journal.reading() as db:
        taken = db.execute("SELECT count(*) FROM visits").fetchone()[0]
    if shipping_state(journal).target is None:
        start_shipping(journal, split_password(args.url)[0])
    shipper = Shipper(
        journal,
        clinic_engine(args.url, args.password),
        batch=40,
        schedule=RetrySchedule(first=timedelta(milliseconds=200), cap=timedelta(seconds=1)),
        idle_wait=timedelta(milliseconds=50),
    )
    shipper.start()
    writer = YearWriter(journal, clock, random.Random(args.seed * 1000 + taken))
    writer.serial = taken
    opening = datetime(DAY.year, DAY.month, DAY.day, 1, 0, tzinfo=UTC)
    for n in range(taken, args.visits):
        writer.visit(DAY, opening + timedelta(seconds=20 * n))
        shipper.wake()
        time.sleep(args.pause)
    print("taken", flush=True)
    deadline = time.monotonic() + args.timeout
    while shipping_state(journal).waiting and time.monotonic() < deadline:
        time.sleep(0.1)
    done = shipping_state(journal).waiting == 0
    shipper.stop()
    journal.close()
    print("shipped" if done else "not shipped", flush=True)
    return 0 if done else 3


if __name__ == "__main__":
    sys.exit(main())
