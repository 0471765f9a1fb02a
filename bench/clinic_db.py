"""Clinic database benchmark: a chain of clinics' year in PostgreSQL, then a clinic's day summary
and the group's 30-day trend timed against it, and a desk catching up after a day offline.

    .venv/bin/python bench/clinic_db.py [--clinics 10] [--desks 3] [--visits-per-desk 36700]
                                        [--days 365] [--seed 7] [--samples 40]
                                        [--journal out/bench-clinic-desk-36700x365.sqlite3]
                                        [--regenerate] [--explain]

A throwaway PostgreSQL (`launchers.local_postgres`) gets the schema (`kiosk clinic-db init`'s
code), `--clinics` clinics C01, C02, … of group G1 with `--desks` desk logins each, a manager
login for C01 and a group-finance login for G1. One desk's year is written into a journal by
`bench.summary`'s generator (kept at `--journal` and reused unless `--regenerate`; each run ships
a copy), and shipped by the real `Shipper` as C01's first desk: the year's backlog, timed. The
admin then copies that desk's rows to every other desk (`INSERT … SELECT` per shipped table, the
desks' rows interleaved in time order as desks shipping side by side would leave them), and
`VACUUM ANALYZE`s: 10 × 3 × 36,700 is about 1.1 million visits. Then the first desk is offline
for a day: `--offline-days` times, a busy day is written to its journal while it does not ship,
and a fresh shipper (new connection, resumed from the database's watermark) catches up, timed.

Times are wall-clock per call on one thread, over `--samples` random service days of the year:
each figure called once "cold" (the first call for that day: PostgreSQL's 128 MB of shared
buffers and the OS cache hold what earlier days read) and then three more times ("warm"),
reported as median, 95th percentile and worst. The day summary is the manager's
(`day_summaries` of C01, with the manager's login: row-level security applies); the trend is
group finance's (`trend` of every clinic, with its login). `--explain` adds each statement's
median time and PostgreSQL's plan (EXPLAIN ANALYZE, BUFFERS) of the slowest, for one day.

Targets: a clinic's day summary <= 50 ms and the group's 30-day trend <= 200 ms (warm median
and cold p95); a desk catching up after a day offline ships >= 500 visits/s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Engine, Select
from summary import BenchClock, YearPlan, YearWriter, generate  # bench/, the script's folder

from kiosk.clinic_db import admin
from kiosk.clinic_db.admin import Login, ReaderKind
from kiosk.clinic_db.connection import clinic_engine, split_password
from kiosk.clinic_db.reading import ClinicFigures
from kiosk.clinic_db.shipping import Shipper, start_shipping
from kiosk.journal import Journal
from kiosk.journal import figures as queries
from kiosk.journal.shapes import IN_THE_CLINIC
from kiosk.journal.shipped import SHIPPED
from kiosk.reports import day_summaries, trend
from launchers.local_postgres import local_postgres

GROUP = "G1"


@dataclass(frozen=True, slots=True)
class Chain:
    admin_url: str
    desks: dict[int, tuple[str, Login]]
    """Desk id: its clinic and login."""
    manager: Login
    group_finance: Login

    @property
    def clinic_ids(self) -> list[str]:
        return sorted({clinic for clinic, _ in self.desks.values()})


def _engine(login: Login) -> Engine:
    return clinic_engine(login.url, login.password)


def set_up(admin_url: str, clinics: int, desks: int) -> Chain:
    admin.init(admin_url)
    logins: dict[int, tuple[str, Login]] = {}
    for n in range(1, clinics + 1):
        clinic = f"C{n:02d}"
        admin.add_clinic(admin_url, clinic, f"Clinic {clinic}", group_id=GROUP)
        for d in range(1, desks + 1):
            logins[len(logins) + 1] = (clinic, admin.add_desk(admin_url, clinic, f"Desk {d}"))
    with psycopg.connect(admin_url) as db:
        ids = [row[0] for row in db.execute("SELECT desk_id FROM desks ORDER BY desk_id")]
    assert ids == sorted(logins), ids  # identity numbers, in the order the desks were added
    return Chain(
        admin_url,
        logins,
        admin.add_reader(admin_url, ReaderKind.MANAGER, "C01", "Bench Manager"),
        admin.add_reader(admin_url, ReaderKind.GROUP_FINANCE, GROUP, "Bench Finance"),
    )


def _psql(admin_url: str, statement: str, params: Sequence[object] = ()) -> float:
    """Run one statement as the admin (autocommit); seconds taken."""
    started = time.perf_counter()
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute(statement, params)  # type: ignore[arg-type]
    return time.perf_counter() - started


def tune_for_loading(admin_url: str) -> None:
    """Fewer checkpoints while millions of rows are copied (the WAL grows instead); the data
    stays durable (fsync and synchronous commits as the server had them)."""
    for setting in ("max_wal_size = '8GB'", "checkpoint_timeout = '30min'"):
        _psql(admin_url, f"ALTER SYSTEM SET {setting}")
    _psql(admin_url, "SELECT pg_reload_conf()")


def replicate(admin_url: str, source: int, targets: list[int]) -> dict[str, float]:
    """Copy desk `source`'s shipped rows to each of `targets` (its clinic and desk set to the
    target's), interleaved by the journal's key as desks shipping side by side would leave them.
    Foreign keys are not checked row by row (`session_replication_role`): the desks exist."""
    took: dict[str, float] = {}
    with psycopg.connect(admin_url) as db:
        db.execute("SET session_replication_role = replica")
        db.execute("SET synchronous_commit = off")
        db.execute("SET maintenance_work_mem = '512MB'")
        db.execute("SET work_mem = '256MB'")
        for table in SHIPPED:
            started = time.perf_counter()
            names = ", ".join(table.column_names)
            columns = ", ".join(f"t.{name}" for name in table.column_names)
            order = ", ".join(f"t.{name}" for name in table.key)
            db.execute(
                f"INSERT INTO {table.name} (clinic_id, desk_id, {names})"
                f" SELECT d.clinic_id, d.desk_id, {columns} FROM {table.name} t"
                " JOIN desks d ON d.desk_id = ANY(%s) WHERE t.desk_id = %s"
                f" ORDER BY {order}, d.desk_id",
                (targets, source),
            )
            db.commit()
            took[table.name] = time.perf_counter() - started
    return took


def database_facts(admin_url: str) -> tuple[int, int, int]:
    """Visits, rows of every shipped table, and the database's size in bytes."""
    with psycopg.connect(admin_url) as db:
        visits = db.execute("SELECT count(*) FROM visits").fetchone()
        rows = sum(
            db.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]  # type: ignore[index]
            for table in SHIPPED
        )
        size = db.execute("SELECT pg_database_size(current_database())").fetchone()
    assert visits is not None and size is not None
    return int(visits[0]), int(rows), int(size[0])


@dataclass(frozen=True, slots=True)
class Catchup:
    visits: int
    entries: int
    seconds: float

    @property
    def visits_per_second(self) -> float:
        return self.visits / self.seconds

    @property
    def entries_per_second(self) -> float:
        return self.entries / self.seconds


def _visit_count(journal: Journal) -> int:
    with journal.reading() as db:
        return int(db.execute("SELECT count(*) FROM visits").fetchone()[0])


def ship_year(journal: Journal, login: Login) -> tuple[Catchup, float]:
    """The desk starts shipping with its year in the journal: everything queued, then shipped.
    Returns the shipping and the seconds queueing took."""
    started = time.perf_counter()
    start_shipping(journal, split_password(login.url)[0])
    queued = time.perf_counter() - started
    engine = _engine(login)
    try:
        started = time.perf_counter()
        entries = Shipper(journal, engine).ship_pending()
        took = time.perf_counter() - started
    finally:
        engine.dispose()
    return Catchup(_visit_count(journal), entries, took), queued


def day_offline(
    journal: Journal, clock: BenchClock, login: Login, day: date, visits: int, seed: int
) -> Catchup:
    """A busy `day` written while the desk does not ship, then a fresh shipper (a new
    connection, resumed from the database's watermark) catches up."""
    writer = YearWriter(journal, clock, random.Random(seed))
    writer.serial = _visit_count(journal)  # the insurer's claim numbers go on from the year's
    writer.day(day, visits, last_day=False)
    engine = _engine(login)
    try:
        started = time.perf_counter()
        entries = Shipper(journal, engine).ship_pending()
        took = time.perf_counter() - started
    finally:
        engine.dispose()
    return Catchup(visits, entries, took)


# --- the figures --------------------------------------------------------------------------------


def _statement_names() -> dict[int, str]:
    """The clinic database's figure statements, by identity, for `--explain`."""
    shape = IN_THE_CLINIC
    named = {
        "claim_groups": queries._claim_groups(shape),
        "direct_pay_visits": queries._direct_pay_visits(shape),
        "self_pay_visits": queries._self_pay_visits(shape),
        "owed_by_families": queries._owed_by_families(shape),
        "payments_by_method": queries._payments_by_method(shape),
        "preauths_by_status": queries._preauths_by_status(shape),
        "items": queries._items(shape),
        "covered_by_day": queries._covered_by_day(shape),
        "payments_by_day": queries._desk_money_by_day(shape, "payments"),
        "refunds_by_day": queries._desk_money_by_day(shape, "refunds"),
    }
    return {id(statement): name for name, statement in named.items()}


class TimedFigures(ClinicFigures):
    """`ClinicFigures` that notes each statement's time and parameters (for `--explain`)."""

    def __init__(self, engine: Engine, clinic_ids: Sequence[str]) -> None:
        super().__init__(engine, clinic_ids)
        self.names = _statement_names()
        self.times: dict[str, list[float]] = {}
        self.seen: dict[str, tuple[Select[Any], dict[str, object]]] = {}

    def rows(self, statement: Select[Any], **params: object) -> Sequence[Sequence[Any]]:
        name = self.names.get(id(statement), "other")
        started = time.perf_counter()
        found = super().rows(statement, **params)
        self.times.setdefault(name, []).append((time.perf_counter() - started) * 1000)
        self.seen[name] = (statement, params)
        return found

    def explain(self, name: str) -> str:
        statement, params = self.seen[name]
        compiled = statement.compile(dialect=self.engine.dialect)
        values = compiled.construct_params({**params, "clinics": self.clinic_ids})
        with self.engine.connect() as db:
            plan = db.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + compiled.string, values).all()
        return "\n".join(row[0] for row in plan)


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@dataclass(frozen=True, slots=True)
class Timings:
    name: str
    cold: list[float]
    warm: list[float]
    target: float

    @property
    def within(self) -> bool:
        return statistics.median(self.warm) <= self.target and _p95(self.cold) <= self.target


def measure(chain: Chain, plan: YearPlan, samples: int) -> list[Timings]:
    rng = random.Random(plan.seed + 1)
    days = [plan.first_day + timedelta(days=rng.randrange(plan.days)) for _ in range(samples)]
    manager, finance = _engine(chain.manager), _engine(chain.group_finance)
    try:
        clinic = ClinicFigures(manager, ["C01"])
        group = ClinicFigures(finance, chain.clinic_ids)
        summary_cold, summary_warm, trend_cold, trend_warm = [], [], [], []
        for day in days:
            summary_cold.append(_timed(lambda day=day: day_summaries(clinic, day)))
            summary_warm += [_timed(lambda day=day: day_summaries(clinic, day)) for _ in range(3)]
            trend_cold.append(_timed(lambda day=day: trend(group, day)))
            trend_warm += [_timed(lambda day=day: trend(group, day)) for _ in range(3)]
        total, by_desk = day_summaries(clinic, days[0])
        month = trend(group, days[0])
    finally:
        manager.dispose()
        finance.dispose()
    print(
        f"  e.g. C01 on {days[0]}: {total.direct_pay_visits} direct-pay visits over"
        f" {len(by_desk)} desks, billed {total.billed_fen} fen; the group's 30 days to then:"
        f" covered {sum(d.covered_fen for d in month.days)} fen"
    )
    return [
        Timings("clinic day summary (manager, C01)", summary_cold, summary_warm, 50),
        Timings(
            f"group 30-day trend ({len(chain.clinic_ids)} clinics)", trend_cold, trend_warm, 200
        ),
    ]


def explain(chain: Chain, plan: YearPlan, samples: int) -> None:
    """Each statement's median time over a few days, and the plan of the slowest ones."""
    rng = random.Random(plan.seed + 2)
    days = [plan.first_day + timedelta(days=rng.randrange(plan.days)) for _ in range(samples)]
    manager, finance = _engine(chain.manager), _engine(chain.group_finance)
    try:
        clinic = TimedFigures(manager, ["C01"])
        group = TimedFigures(finance, chain.clinic_ids)
        for day in days:
            for _ in range(3):
                day_summaries(clinic, day)
                trend(group, day)
        for who, figures in (("manager, C01", clinic), ("group finance", group)):
            print(f"\n### statements ({who}), median of {3 * samples} calls\n")
            ranked = sorted(figures.times.items(), key=lambda kv: -statistics.median(kv[1]))
            for name, times in ranked:
                print(f"    {name:20s} {statistics.median(times):7.2f} ms")
            for name, _ in ranked[:2]:
                print(f"\n#### {name} ({who})\n")
                print("\n".join("    " + line for line in figures.explain(name).splitlines()))
    finally:
        manager.dispose()
        finance.dispose()


def _row(name: str, values: list[float], target: str, verdict: str) -> str:
    return (
        f"| {name} | {statistics.median(values):.1f} | {_p95(values):.1f} | {max(values):.1f}"
        f" | {len(values)} | {target} | {verdict} |"
    )


def report(timings: list[Timings], catchups: list[Catchup], year: Catchup) -> None:
    print("\n| figure | median ms | p95 ms | worst ms | n | target | |")
    print("|---|---:|---:|---:|---:|---|---|")
    for t in timings:
        warm_ok = statistics.median(t.warm) <= t.target
        cold_ok = _p95(t.cold) <= t.target
        target = f"<= {t.target:.0f} ms"
        print(_row(f"{t.name}, warm", t.warm, f"median {target}", "ok" if warm_ok else "OVER"))
        print(_row(f"{t.name}, cold", t.cold, f"p95 {target}", "ok" if cold_ok else "OVER"))
    print("\n| shipping | visits | queue entries | seconds | visits/s | entries/s | target |")
    print("|---|---:|---:|---:|---:|---:|---|")
    rates = [c.visits_per_second for c in catchups]
    slowest = min(catchups, key=lambda c: c.visits_per_second)
    for label, c in (
        (f"a day offline (slowest of {len(catchups)})", slowest),
        ("the year's backlog", year),
    ):
        verdict = "ok" if c.visits_per_second >= 500 else "UNDER"
        print(
            f"| {label} | {c.visits} | {c.entries} | {c.seconds:.2f} | {c.visits_per_second:.0f}"
            f" | {c.entries_per_second:.0f} | >= 500 visits/s: {verdict} |"
        )
    if len(rates) > 1:
        print(f"\n  a day offline, visits/s each time: {', '.join(f'{r:.0f}' for r in rates)}")


def _prepare_journal(path: Path, plan: YearPlan, regenerate: bool) -> None:
    if regenerate:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"writing one desk's {plan.visits} visits over {plan.days} days to {path}")
        generate(path, plan)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clinics", type=int, default=10)
    parser.add_argument("--desks", type=int, default=3, help="desks per clinic")
    parser.add_argument("--visits-per-desk", type=int, default=36_700, help="in the year")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--offline-days", type=int, default=3)
    parser.add_argument("--journal", type=Path, help="default: out/bench-clinic-desk-VxD.sqlite3")
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args(argv)
    plan = YearPlan(date(2025, 1, 1), args.days, args.visits_per_desk, args.seed)
    path = args.journal or Path(f"out/bench-clinic-desk-{plan.visits}x{plan.days}.sqlite3")
    _prepare_journal(path, plan, args.regenerate)
    busy_day = max(plan.visits_on(random.Random(plan.seed)))
    started = time.perf_counter()

    def stage(text: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {text}", flush=True)

    with local_postgres() as server, tempfile.TemporaryDirectory() as scratch:
        chain = set_up(server.admin_url(), args.clinics, args.desks)
        tune_for_loading(chain.admin_url)
        stage(f"{args.clinics} clinics x {args.desks} desks set up; shipping desk 1's year")
        clock = BenchClock()
        work = Path(scratch) / "desk.sqlite3"
        with Journal.open(path) as pristine:
            pristine.copy_to(work)
        with Journal.open(work, clock=clock) as journal:
            year, queued = ship_year(journal, chain.desks[1][1])
            stage(
                f"shipped {year.visits} visits ({year.entries} entries) in {year.seconds:.1f} s"
                f" (queueing them: {queued:.1f} s); copying to the other desks"
            )
            took = replicate(chain.admin_url, 1, sorted(chain.desks)[1:])
            slowest = sorted(took.items(), key=lambda kv: -kv[1])[:3]
            stage(
                f"copied in {sum(took.values()):.0f} s ("
                + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in slowest)
                + "); VACUUM ANALYZE"
            )
            _psql(chain.admin_url, "VACUUM ANALYZE")
            visits, rows, size = database_facts(chain.admin_url)
            stage(
                f"the clinic database holds {visits:,} visits, {rows:,} rows of shipped"
                f" records, {size / 2**30:.2f} GiB; a day offline, {args.offline_days} times"
            )
            after = plan.first_day + timedelta(days=plan.days)
            catchups = [
                day_offline(
                    journal, clock, chain.desks[1][1], after + timedelta(days=n), busy_day, n
                )
                for n in range(args.offline_days)
            ]
        stage(f"timing the figures over {args.samples} days")
        timings = measure(chain, plan, args.samples)
        stage("done")
        report(timings, catchups, year)
        if args.explain:
            explain(chain, plan, min(args.samples, 5))
    return 0


if __name__ == "__main__":
    sys.exit(main())
