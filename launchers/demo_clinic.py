"""The demo's clinic database: a throwaway PostgreSQL (`launchers.local_postgres`) holding a
small chain — the demo clinic with this demo desk and two more, and a second clinic of the same
group with two desks — so that the manager's Clinic tab shows a clinic by desk, and group finance
the group by clinic (`kiosk demo --clinic-db`, and the scripted walkthrough's last shots).

The other desks' last weeks (and today) are made like the demo desk's year
(`launchers.demo_year`), each desk with visits of its own, recorded at a throwaway insurer store:
the demo insurer's remittances stay the demo desk's alone, as the Receivables tab's shots expect.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from insurer_sandbox.demo import DEMO_CLINIC_ID, DEMO_CLINICS, PLUS_ONLY_CLINIC_ID
from kiosk.clinic_db import admin
from kiosk.clinic_db.admin import ReaderKind
from kiosk.clinic_db.connection import clinic_engine, split_password, store_password
from kiosk.clinic_db.reading import ClinicReader
from kiosk.clinic_db.registration import register_desk
from kiosk.clinic_db.shipping import Shipper, start_shipping
from kiosk.credentials import journal_audit_key
from kiosk.journal import Journal
from launchers.demo_year import add_past_year
from launchers.local_postgres import (
    LocalPostgres,
    PostgresUnavailable,
    local_postgres,
    postgres_bin_dir,
)

log = logging.getLogger(__name__)

GROUP = "DEMO-GROUP"
OTHER_DESKS = {
    DEMO_CLINIC_ID: ("二楼 Second floor", "儿科急诊 Paediatric ER"),
    PLUS_ONLY_CLINIC_ID: ("前台 Reception", "二楼 Second floor"),
}
THIS_DESK = "前台 Reception"
HISTORY_DAYS = 45
"""The other desks' past: enough for the Clinic tab's 30 days, quick to make."""


@dataclass
class DemoClinicDb:
    """The running demo chain: the readers the manager's screens use, and the demo desk's login
    (its password in the keyring, as `kiosk register --clinic-db` leaves it)."""

    server: LocalPostgres
    desk_url: str
    manager: ClinicReader
    """The demo clinic's manager."""
    group: ClinicReader
    """The group's finance."""

    def ship(self, journal: Journal) -> int:
        """Ship the demo desk's journal now (the running kiosk's shipper does it every few
        seconds; the walkthrough does not wait for it)."""
        engine = clinic_engine(self.desk_url)
        try:
            return Shipper(journal, engine).ship_pending()
        finally:
            engine.dispose()

    def close(self) -> None:
        self.manager.close()
        self.group.close()


def _other_desk(server: LocalPostgres, clinic_id: str, name: str, today: date) -> None:
    """A desk of the chain with its own year and today, shipped."""
    login = admin.add_desk(server.admin_url(), clinic_id, name)
    with tempfile.TemporaryDirectory() as folder:
        journal_path = Path(folder) / "journal.sqlite3"
        add_past_year(
            journal_path,
            Path(folder) / "insurer",
            clinic_id,
            DEMO_CLINICS[clinic_id],
            today + timedelta(days=1),
            desk=f"{clinic_id}/{name}",
            days=HISTORY_DAYS,
        )
        with Journal.open(journal_path, audit_key=journal_audit_key(journal_path)) as journal:
            start_shipping(journal, split_password(login.url)[0], actor="demo")
            engine = clinic_engine(login.url, login.password)
            try:
                Shipper(journal, engine).ship_pending()
            finally:
                engine.dispose()


@contextmanager
def demo_clinic_db(desk_journal: Path, today: date) -> Iterator[DemoClinicDb | None]:
    """The demo chain, with the desk whose journal is `desk_journal` as the demo clinic's
    reception; None (and a log line) where PostgreSQL is not installed."""
    try:
        postgres_bin_dir()
    except PostgresUnavailable as exc:
        log.warning("no clinic database in the demo: %s", exc)
        yield None
        return
    with local_postgres() as server:
        admin.init(server.admin_url())
        for clinic_id, name in DEMO_CLINICS.items():
            admin.add_clinic(server.admin_url(), clinic_id, name, group_id=GROUP)
        login = admin.add_desk(server.admin_url(), DEMO_CLINIC_ID, THIS_DESK)
        for clinic_id, names in OTHER_DESKS.items():
            for name in names:
                _other_desk(server, clinic_id, name, today)
        with Journal.open(desk_journal, audit_key=journal_audit_key(desk_journal)) as journal:
            register_desk(journal, login.url, login.password)
        readers = {}
        for kind, scope in (
            (ReaderKind.MANAGER, DEMO_CLINIC_ID),
            (ReaderKind.GROUP_FINANCE, GROUP),
        ):
            reader = admin.add_reader(server.admin_url(), kind, scope, "Demo")
            store_password(reader.url, reader.password)
            readers[kind] = ClinicReader(reader.url)
        chain = DemoClinicDb(
            server,
            split_password(login.url)[0],
            readers[ReaderKind.MANAGER],
            readers[ReaderKind.GROUP_FINANCE],
        )
        try:
            yield chain
        finally:
            chain.close()
