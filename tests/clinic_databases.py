"""A clinic database for tests: a throwaway PostgreSQL on loopback, its schema made by
`kiosk clinic-db init`'s code, a chain of two groups (G1: clinics C1 and C2; G2: clinic C3), and
desk journals filled the way a desk fills them (`bench.summary.YearWriter`)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bench.summary import BenchClock, YearWriter
from kiosk.clinic_db import admin
from kiosk.clinic_db.admin import Login, ReaderKind
from kiosk.clinic_db.connection import clinic_engine
from kiosk.journal import Journal
from launchers.local_postgres import LocalPostgres, local_postgres

DAY = date(2026, 12, 7)


@dataclass
class ClinicServer:
    server: LocalPostgres

    @property
    def admin_url(self) -> str:
        return self.server.admin_url()

    def desk(self, clinic_id: str, name: str) -> Login:
        return admin.add_desk(self.admin_url, clinic_id, name)

    def reader(self, kind: ReaderKind, scope: str, person: str = "reader") -> Login:
        return admin.add_reader(self.admin_url, kind, scope, person)


def engine_for(login: Login) -> Engine:
    return clinic_engine(login.url, login.password)


@pytest.fixture(scope="module")
def clinic_server() -> Iterator[ClinicServer]:
    with local_postgres() as server:
        admin.init(server.admin_url())
        for clinic, group in (("C1", "G1"), ("C2", "G1"), ("C3", "G2")):
            admin.add_clinic(server.admin_url(), clinic, f"Clinic {clinic}", group_id=group)
        yield ClinicServer(server)


def desk_journal(path: Path, visits: int, *, seed: int, day: date = DAY) -> Journal:
    """A desk's journal with `visits` visits on `day`, each in its own transaction."""
    clock = BenchClock()
    journal = Journal.open(path, clock=clock)
    writer = YearWriter(journal, clock, random.Random(seed))
    opening = datetime(day.year, day.month, day.day, 1, 0, tzinfo=UTC)
    for n in range(visits):
        writer.visit(day, opening + timedelta(minutes=3 * n))
    return journal
