"""The clinic database on a real PostgreSQL: desks ship their journals there, each record once,
and managers and group finance read the clinic's day — per desk, adding up to the desks' own
journals — and no more than their roles allow (row-level security)."""

from __future__ import annotations

import random
from dataclasses import fields
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest

from bench.summary import BenchClock, YearWriter
from kiosk.clinic_db import admin
from kiosk.clinic_db.admin import ReaderKind
from kiosk.clinic_db.connection import ClinicDbError, split_password
from kiosk.clinic_db.reading import ClinicFigures, readable
from kiosk.clinic_db.registration import register_desk
from kiosk.clinic_db.shipping import Shipper, ShippingRefused, shipping_state, start_shipping
from kiosk.journal import Journal, PaymentMethod
from kiosk.journal.payments import insert_refund, set_fapiao_no
from kiosk.journal.shipped import SHIPPED
from kiosk.journal.tables import CLINIC, JOURNAL
from kiosk.reports import day_summaries, day_summary, trend
from kiosk.staff import StaffDirectory
from tests.clinic_databases import DAY, ClinicServer, desk_journal, engine_for

pytestmark = pytest.mark.slow


def _connect(login: admin.Login) -> psycopg.Connection:
    clean, _ = split_password(login.url)
    return psycopg.connect(clean, password=login.password, autocommit=True)


def _journal_rows(journal: Journal, table: str) -> set[tuple[object, ...]]:
    shipped = next(t for t in SHIPPED if t.name == table)
    with journal.reading() as db:
        return set(db.execute(f"SELECT {shipped.select_list('t')} FROM {table} t"))


def _clinic_rows(login: admin.Login, table: str) -> set[tuple[object, ...]]:
    shipped = next(t for t in SHIPPED if t.name == table)
    with _connect(login) as db:
        return set(db.execute(f"SELECT {', '.join(shipped.column_names)} FROM {table}"))


def test_the_journal_and_the_clinic_database_have_the_shipped_columns(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "journal.sqlite3") as journal, journal.reading() as db:
        for table in SHIPPED:
            columns = {row[1] for row in db.execute(f"PRAGMA table_info({table.name})")}
            assert set(table.stored_columns) <= columns, table.name
            assert set(JOURNAL.tables[table.name].columns.keys()) <= columns
            assert set(CLINIC.tables[table.name].columns.keys()) == {
                "clinic_id",
                "desk_id",
                *table.column_names,
            }


def test_a_desk_ships_every_record_once_and_its_changes_after(
    clinic_server: ClinicServer, tmp_path: Path
) -> None:
    login = clinic_server.desk("C1", "Reception")
    journal = desk_journal(tmp_path / "desk.sqlite3", 40, seed=1)
    with journal:
        assert shipping_state(journal).target is None
        queued = start_shipping(journal, split_password(login.url)[0])
        assert queued > 40 * 5
        engine = engine_for(login)
        shipper = Shipper(journal, engine, batch=97)
        assert shipper.ship_pending() == queued + 1  # and the audit entry of starting
        assert shipping_state(journal).waiting == 0
        for table in ("visits", "bills", "bill_lines", "claims", "payments", "audit"):
            assert _clinic_rows(login, table) == _journal_rows(journal, table), table

        # Changes after: a refund, a fapiao number, a remittance fetched again (its rows deleted
        # and written anew). A round cut off before it cleared its entries sends them again.
        with journal.transaction(actor="manager") as tx:
            visit_id, method, amount = tx.db.execute(
                "SELECT visit_id, method, amount_fen FROM payments ORDER BY id LIMIT 1"
            ).fetchone()
            insert_refund(
                tx,
                visit_id,
                PaymentMethod(method),
                amount,
                reason="charged twice",
                reference=None,
                refunded_by="manager",
            )
            set_fapiao_no(tx, visit_id, "FP-0001")
        with journal.reading() as db:
            waiting = db.execute("SELECT seq, tbl, key FROM shipping_queue ORDER BY seq").fetchall()
        assert shipper.ship_pending() == len(waiting)
        with journal.transaction(actor="test") as tx:
            tx.db.executemany(
                "INSERT INTO shipping_queue (tbl, key) VALUES (?, ?)",
                [(name, key) for _, name, key in waiting],
            )
        shipper.ship_pending()
        for table in ("visits", "refunds", "audit"):
            assert _clinic_rows(login, table) == _journal_rows(journal, table), table
        with _connect(login) as db:
            assert db.execute(
                "SELECT fapiao_no FROM visits WHERE id = %s", (visit_id,)
            ).fetchone() == ("FP-0001",)
        engine.dispose()


def test_shipping_waits_for_a_database_that_is_down_and_catches_up(
    clinic_server: ClinicServer, tmp_path: Path
) -> None:
    login = clinic_server.desk("C1", "Second floor")
    with desk_journal(tmp_path / "desk.sqlite3", 10, seed=2) as journal:
        start_shipping(journal, split_password(login.url)[0])
        engine = engine_for(login)
        shipper = Shipper(journal, engine)
        shipper.ship_pending()
        clinic_server.server.stop()
        try:
            with journal.transaction(actor="manager") as tx:
                set_fapiao_no(tx, 1, "FP-DOWN")
            with pytest.raises(Exception, match="connection"):
                shipper.ship_once()
            assert shipping_state(journal).waiting == 2  # the visit and its audit entry
        finally:
            clinic_server.server.start()
        assert shipper.ship_pending() == 2
        assert _clinic_rows(login, "visits") == _journal_rows(journal, "visits")
        engine.dispose()


def test_the_clinics_day_is_the_sum_of_its_desks_journals(
    clinic_server: ClinicServer, tmp_path: Path
) -> None:
    logins = [clinic_server.desk("C2", name) for name in ("Reception", "Paediatric ER")]
    journals = [
        desk_journal(tmp_path / f"desk{n}.sqlite3", visits, seed=10 + n)
        for n, visits in enumerate((30, 45))
    ]
    for login, journal in zip(logins, journals, strict=True):
        start_shipping(journal, split_password(login.url)[0])
        engine = engine_for(login)
        Shipper(journal, engine).ship_pending()
        engine.dispose()
    manager = clinic_server.reader(ReaderKind.MANAGER, "C2", "Wang Fang")
    engine = engine_for(manager)
    who = readable(engine)
    assert not who.group_finance
    assert [clinic.clinic_id for clinic in who.clinics] == ["C2"]
    desks = {desk.name: desk.desk_id for desk in who.clinic("C2").desks}
    figures = ClinicFigures(engine, ["C2"])
    total, by_desk = day_summaries(figures, DAY)
    assert by_desk == {
        desks["Reception"]: day_summary(journals[0], DAY),
        desks["Paediatric ER"]: day_summary(journals[1], DAY),
    }
    own = [day_summary(journal, DAY) for journal in journals]
    for field in fields(total):
        value = getattr(total, field.name)
        if isinstance(value, int | Decimal):
            assert type(value) is int, f"{field.name}: money is integer fen, not {type(value)}"
            assert value == sum(getattr(s, field.name) for s in own), field
    assert total.direct_pay_visits == 75
    assert trend(figures, DAY).days[-1].covered_fen == sum(
        trend(journal, DAY).days[-1].covered_fen for journal in journals
    )
    for journal in journals:
        journal.close()
    engine.dispose()


def test_each_login_reads_and_writes_only_what_its_role_allows(
    clinic_server: ClinicServer, tmp_path: Path
) -> None:
    mine, neighbour = clinic_server.desk("C1", "Desk A"), clinic_server.desk("C1", "Desk B")
    elsewhere = clinic_server.desk("C3", "Desk C")
    for n, login in enumerate((mine, neighbour, elsewhere)):
        with desk_journal(tmp_path / f"d{n}.sqlite3", 3, seed=20 + n) as journal:
            start_shipping(journal, split_password(login.url)[0])
            engine = engine_for(login)
            Shipper(journal, engine).ship_pending()
            engine.dispose()

    with _connect(mine) as db:
        (desk_id,) = db.execute("SELECT kiosk_my_desk()").fetchone()
        own = db.execute("SELECT DISTINCT desk_id, clinic_id FROM visits").fetchall()
        assert own == [(desk_id, "C1")], "a desk reads its own rows, no other desk's"
        assert db.execute(
            "SELECT count(*) FROM audit WHERE desk_id != %s", (desk_id,)
        ).fetchone() == (0,)
        changed = db.execute("UPDATE visits SET member_id = 'X' WHERE desk_id != %s", (desk_id,))
        assert changed.rowcount == 0
        assert db.execute("DELETE FROM claims WHERE desk_id != %s", (desk_id,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute(
                "INSERT INTO visits (clinic_id, desk_id, id, member_id, service_date, visit_type,"
                " opened_at) SELECT 'C3', desk_id, 999, 'M', '2026-12-07', 'outpatient', 'x'"
                " FROM desks WHERE clinic_id = 'C1' AND desk_id != %s LIMIT 1",
                (desk_id,),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute(
                "INSERT INTO visits (clinic_id, id, member_id, service_date, visit_type,"
                " opened_at) VALUES ('C3', 999, 'M', '2026-12-07', 'outpatient', 'x')"
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("UPDATE audit SET detail = '{}'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("SELECT * FROM logins")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("UPDATE desks SET name = 'mine now'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute(
                "INSERT INTO staff (clinic_id, name, role, secret_hash) VALUES"
                " ('C1', 'intruder', 'manager', '$argon2id$x')"
            )

    manager = clinic_server.reader(ReaderKind.MANAGER, "C1", "Li Na")
    with _connect(manager) as db:
        clinics = {row[0] for row in db.execute("SELECT DISTINCT clinic_id FROM visits")}
        assert clinics == {"C1"}, "a clinic manager reads their clinic only"
        assert db.execute("SELECT count(*) FROM claims WHERE clinic_id = 'C3'").fetchone() == (0,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("UPDATE visits SET member_id = 'X'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("SELECT secret_hash FROM staff")  # PIN hashes are the desks' alone
    group = clinic_server.reader(ReaderKind.GROUP_FINANCE, "G1", "Finance G1")
    with _connect(group) as db:
        clinics = {row[0] for row in db.execute("SELECT DISTINCT clinic_id FROM visits")}
        assert "C3" not in clinics and "C1" in clinics, "group finance reads its group only"
    other_group = clinic_server.reader(ReaderKind.GROUP_FINANCE, "G2", "Finance G2")
    with _connect(other_group) as db:
        clinics = {row[0] for row in db.execute("SELECT DISTINCT clinic_id FROM visits")}
        assert clinics == {"C3"}
        assert {row[0] for row in db.execute("SELECT clinic_id FROM clinics")} == {"C3"}


def test_staff_accounts_come_from_the_clinic_and_sign_in_while_it_is_down(
    clinic_server: ClinicServer, tmp_path: Path
) -> None:
    login = clinic_server.desk("C3", "Front desk")
    admin.set_staff(clinic_server.admin_url, "C3", "Zhou Min", "manager", "482915")
    with pytest.raises(ClinicDbError, match="too weak"):
        admin.set_staff(clinic_server.admin_url, "C3", "Zhou Min", "manager", "111111")
    with desk_journal(tmp_path / "desk.sqlite3", 1, seed=3) as journal:
        start_shipping(journal, split_password(login.url)[0])
        engine = engine_for(login)
        shipper = Shipper(journal, engine)
        assert shipper.pull_staff() == 1
        assert shipper.pull_staff() == 0
        clinic_server.server.stop()
        try:
            directory = StaffDirectory(journal)
            (account,) = directory.members()
            member = directory.sign_in(account.id, "482915")
            assert (member.name, member.role.value) == ("Zhou Min", "manager")
        finally:
            clinic_server.server.start()
        engine.dispose()


def test_a_desk_moves_its_own_watermark_only(clinic_server: ClinicServer) -> None:
    login, neighbour = clinic_server.desk("C2", "Mark 1"), clinic_server.desk("C2", "Mark 2")
    with _connect(login) as db:
        assert db.execute("UPDATE desks SET shipped_seq = 1000000").rowcount == 1
        seen = dict(db.execute("SELECT role_name, shipped_seq FROM desks").fetchall())
    assert seen[split_password(login.url)[0].split("//")[1].split("@")[0]] == 1000000
    assert seen[split_password(neighbour.url)[0].split("//")[1].split("@")[0]] == 0


def _more_visits(journal: Journal, visits: int, seed: int) -> None:
    writer = YearWriter(journal, BenchClock(), random.Random(seed))
    with journal.reading() as db:
        writer.serial = db.execute("SELECT count(*) FROM visits").fetchone()[0]
    for n in range(visits):
        writer.visit(DAY, datetime(2026, 12, 7, 9, n, tzinfo=UTC))


def test_a_journal_restored_from_an_older_backup_is_refused_not_sent_over(
    clinic_server: ClinicServer, tmp_path: Path
) -> None:
    login = clinic_server.desk("C3", "Restored desk")
    engine = engine_for(login)
    with desk_journal(tmp_path / "desk.sqlite3", 6, seed=40) as journal:
        start_shipping(journal, split_password(login.url)[0])
        Shipper(journal, engine).ship_pending()
        journal.copy_to(tmp_path / "backup.sqlite3")
        _more_visits(journal, 4, seed=41)  # after the backup: shipped, then the disk fails
        Shipper(journal, engine).ship_pending()
    shipped = _clinic_rows(login, "visits")
    assert len(shipped) == 10
    with Journal.open(tmp_path / "backup.sqlite3") as restored:
        _more_visits(restored, 2, seed=42)  # the desk goes on with the restored journal
        with pytest.raises(ShippingRefused, match="restored from an older backup"):
            Shipper(restored, engine).ship_pending()
        assert shipping_state(restored).waiting > 0, "kept for when a person has decided"
        assert "older backup" in (Shipper(restored, engine).diagnose() or ""), "kiosk doctor"
    assert _clinic_rows(login, "visits") == shipped, "nothing written over what it holds"
    engine.dispose()


def test_a_clinic_database_restored_from_an_older_dump_is_sent_everything_again(
    clinic_server: ClinicServer, tmp_path: Path
) -> None:
    login = clinic_server.desk("C3", "Desk of a restored server")
    engine = engine_for(login)
    with desk_journal(tmp_path / "desk.sqlite3", 8, seed=43) as journal:
        start_shipping(journal, split_password(login.url)[0])
        Shipper(journal, engine).ship_pending()
        desk_role = split_password(login.url)[0].split("//")[1].split("@")[0]
        with psycopg.connect(clinic_server.admin_url, autocommit=True) as admin_db:
            (desk_id,) = admin_db.execute(
                "SELECT desk_id FROM desks WHERE role_name = %s", (desk_role,)
            ).fetchone()
            # The dump was taken when the desk had shipped 3 visits and nothing after them.
            admin_db.execute("DELETE FROM visits WHERE desk_id = %s AND id > 3", (desk_id,))
            admin_db.execute("UPDATE desks SET shipped_seq = 5 WHERE desk_id = %s", (desk_id,))
        Shipper(journal, engine).ship_pending()
        assert _clinic_rows(login, "visits") == _journal_rows(journal, "visits")
    engine.dispose()


def test_a_desk_login_serves_one_journal_and_a_journal_one_desk(
    clinic_server: ClinicServer, tmp_path: Path
) -> None:
    login = clinic_server.desk("C2", "One journal")
    engine = engine_for(login)
    with desk_journal(tmp_path / "first.sqlite3", 2, seed=44) as first:
        start_shipping(first, split_password(login.url)[0])
        Shipper(first, engine).ship_pending()
        # Another PC given the same login: refused, the first desk's rows untouched.
        with desk_journal(tmp_path / "second.sqlite3", 2, seed=45) as second:
            start_shipping(second, split_password(login.url)[0])
            with pytest.raises(ShippingRefused, match="already ships another desk's journal"):
                Shipper(second, engine).ship_pending()
        # The same journal under a second login would count twice: refused too.
        twin = clinic_server.desk("C2", "Same journal again")
        twin_engine = engine_for(twin)
        start_shipping(first, split_password(twin.url)[0])
        with pytest.raises(ShippingRefused, match="already ships as desk 'One journal'"):
            Shipper(first, twin_engine).ship_pending()
        twin_engine.dispose()
        # The way for a PC that lost its keyring: a new password for the same desk.
        renewed = admin.reset_desk(clinic_server.admin_url, "C2", "One journal")
        assert renewed.url == login.url and renewed.password != login.password
        register_desk(first, renewed.url, renewed.password)
        renewed_engine = engine_for(renewed)
        _more_visits(first, 1, seed=46)
        Shipper(first, renewed_engine).ship_pending()
        assert _clinic_rows(renewed, "visits") == _journal_rows(first, "visits")
        renewed_engine.dispose()
    engine.dispose()
