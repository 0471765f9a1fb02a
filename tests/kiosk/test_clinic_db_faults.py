"""The clinic database's fault test: three desk processes take 300 visits each while the clinic's
PostgreSQL is stopped and started again twice and one desk is killed (SIGKILL) with changes queued.
Afterwards the clinic database holds every visit, claim and payment exactly once, and the
clinic's day is the sum of the three desks' journals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.clinic_db.admin import Login, ReaderKind
from kiosk.clinic_db.reading import ClinicFigures, readable
from kiosk.clinic_db.shipping import shipping_state
from kiosk.journal import Journal, JournalError
from kiosk.journal.shipped import SHIPPED
from kiosk.reports import day_summaries, day_summary
from tests.clinic_databases import DAY, ClinicServer, engine_for

pytestmark = pytest.mark.slow
VISITS = 300
ROOT = Path(__file__).resolve().parents[2]


def _desk(journal: Path, login: Login, seed: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.kiosk.clinic_db_desk",
            "--visits",
            str(VISITS),
            "--seed",
            str(seed),
            "--",  # a random password may begin with "-" (token_urlsafe): not an option
            str(journal),
            login.url,
            login.password,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _waiting(journal: Path) -> int:
    """Changes a desk has queued and not shipped yet."""
    with Journal.open_read_only(journal) as opened:
        return shipping_state(opened).waiting


def _visits(journal: Path) -> int:
    """Visits in a desk's journal so far (0 while the desk is still making it)."""
    try:
        with Journal.open_read_only(journal) as opened, opened.reading() as db:
            return int(db.execute("SELECT count(*) FROM visits").fetchone()[0])
    except JournalError:
        return 0


def _wait_for(predicate, timeout: float, what: str, desks: list[subprocess.Popen[str]]) -> None:
    """Wait, and say why when a desk process failed, or what the desks said when it takes too
    long."""
    deadline = time.monotonic() + timeout
    while not predicate():
        for desk in desks:
            if desk.poll():
                _, err = desk.communicate()
                raise AssertionError(f"a desk stopped ({desk.returncode}): {err[-3000:]}")
        if time.monotonic() > deadline:
            for desk in desks:
                if desk.poll() is None:
                    desk.kill()
            tails = [desk.communicate()[1][-1500:] for desk in desks]
            raise AssertionError(f"timed out waiting for {what}; the desks said: {tails}")
        time.sleep(0.05)


@pytest.mark.timeout(300)
def test_clinic_db_three_desks_through_two_outages_and_a_killed_desk(
    clinic_server: ClinicServer, tmp_path: Path
) -> None:
    logins = [clinic_server.desk("C2", f"Fault desk {n}") for n in range(3)]
    journals = [tmp_path / f"desk{n}.sqlite3" for n in range(3)]
    desks = [
        _desk(journal, login, n)
        for n, (journal, login) in enumerate(zip(journals, logins, strict=True))
    ]
    server = clinic_server.server
    try:
        _wait_for(lambda: _visits(journals[0]) >= 40, 60, "visits", desks)
        server.stop()  # the clinic database goes down: the desks go on taking visits
        time.sleep(1.5)
        server.start()
        _wait_for(lambda: _visits(journals[1]) >= 120, 120, "desk 1's visits", desks)
        server.stop()  # the second outage: desk 1's changes queue up...
        _wait_for(lambda: _waiting(journals[1]) > 0, 30, "desk 1's changes queued", desks)
        desks[1].send_signal(signal.SIGKILL)  # ...and it is killed with them still queued
        desks[1].communicate(timeout=10)
        with Journal.open_read_only(journals[1]) as killed:
            left_to_ship = shipping_state(killed).waiting
        time.sleep(1.5)
        server.start()
        desks[1] = _desk(journals[1], logins[1], 1)  # the desk is started again
        outputs = [desk.communicate(timeout=200) for desk in desks]
    finally:
        for desk in desks:  # a desk that stopped early still has its pipes to close
            if desk.poll() is None:
                desk.kill()
            desk.communicate()
    for desk, (out, err) in zip(desks, outputs, strict=True):
        assert desk.returncode == 0, err[-2000:]
        assert "shipped" in out.split()
    assert left_to_ship > 0, "the desk was killed with records still to ship"
    assert any("round failed" in err for _, err in outputs), "the desks felt the outage"

    own = []
    for journal_path, login in zip(journals, logins, strict=True):
        with Journal.open_read_only(journal_path) as journal:
            assert _visits(journal_path) == VISITS
            own.append(day_summary(journal, DAY))
            engine = engine_for(login)
            with engine.connect() as db, journal.reading() as local:
                for table in SHIPPED:
                    if table.name not in ("visits", "bills", "claims", "payments", "audit"):
                        continue
                    columns = ", ".join(table.column_names)
                    stored = db.exec_driver_sql(f"SELECT {columns} FROM {table.name}").all()
                    kept = local.execute(
                        f"SELECT {table.select_list('t')} FROM {table.name} t"
                    ).fetchall()
                    assert len(stored) == len(kept), table.name
                    assert sorted(map(tuple, stored)) == sorted(map(tuple, kept)), table.name
            engine.dispose()
    manager = clinic_server.reader(ReaderKind.MANAGER, "C2", "Fault manager")
    engine = engine_for(manager)
    desk_ids = [desk.desk_id for desk in readable(engine).clinic("C2").desks]
    total, by_desk = day_summaries(ClinicFigures(engine, ["C2"]), DAY)
    assert [by_desk[desk] for desk in desk_ids] == own
    assert total.direct_pay_visits == 3 * VISITS
    for figure in ("billed_fen", "covered_fen", "family_share_fen", "family_paid_fen"):
        assert getattr(total, figure) == sum(getattr(s, figure) for s in own), figure
    engine.dispose()
