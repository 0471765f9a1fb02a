"""The journal file as an IT person finds it: empty, foreign, damaged, copied or backed up.

Only a path where nothing is may become a new journal; checking a journal never writes to it; a
backup is consistent while the kiosk writes, verified, and `doctor` says when it is overdue.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import date, timedelta

import pytest
from signed_claims import sign_and_enqueue, strokes_for, visit_bill

from kiosk.doctor import DoctorContext, Status, check_backup, check_journal_and_outbox
from kiosk.journal import Journal, JournalNotAJournal
from kiosk.settings import CONFIG_DIR_ENV, DATA_DIR_ENV, load_settings
from launchers.cli import main
from tests.estimates import fully_covered

pytestmark = pytest.mark.usefixtures("plain_logging_afterwards")


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sign_claims(journal, count):
    for n in range(1, count + 1):
        bill = visit_bill(f"M-{n}", n, date(2026, 11, 20))
        with journal.transaction(actor="desk") as tx:
            sign_and_enqueue(
                tx, bill, fully_covered(bill), invoice_no=f"INV-{n}", strokes=strokes_for(n)
            )


def doctor_journal_check(settings, clock=None):
    context = DoctorContext(settings) if clock is None else DoctorContext(settings, clock=clock)
    return {
        check.name: check for check in [*check_journal_and_outbox(context), check_backup(context)]
    }


@pytest.fixture
def journal_path(tmp_path, monkeypatch):
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "config"))
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    return load_settings().journal_path


def test_an_empty_journal_file_is_refused_and_left_as_it_is(journal_path, capsys):
    journal_path.touch()

    with pytest.raises(JournalNotAJournal, match="is not a kiosk journal"):
        Journal.open(journal_path)
    assert main(["audit-verify"]) == 2
    assert "is not a kiosk journal" in capsys.readouterr().err
    assert doctor_journal_check(load_settings())["journal"].status is Status.FAIL

    assert journal_path.stat().st_size == 0


@pytest.mark.parametrize("kind", ["folder", "another-database"])
def test_a_folder_or_another_database_at_the_journal_path_is_refused(journal_path, kind):
    if kind == "folder":
        journal_path.mkdir()
    else:
        other = sqlite3.connect(journal_path)
        other.execute("CREATE TABLE patients (name TEXT)")
        other.commit()
        other.close()
    before = None if kind == "folder" else sha256(journal_path)

    with pytest.raises(JournalNotAJournal):
        Journal.open(journal_path)
    assert main(["audit-verify"]) == 2
    assert main(["backup", str(journal_path.parent / "copy.sqlite3")]) == 2

    if before is not None:
        assert sha256(journal_path) == before


def test_audit_verify_reads_without_writing_and_runs_the_integrity_check(journal_path, capsys):
    with Journal.open(journal_path) as journal:
        sign_claims(journal, 3)
    before = sha256(journal_path)
    assert main(["audit-verify"]) == 0
    assert sha256(journal_path) == before
    capsys.readouterr()

    # A row the schema forbids, written around SQLite's checks: only integrity_check sees it.
    db = sqlite3.connect(journal_path)
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.execute("UPDATE bill_lines SET quantity = 0 WHERE bill_id = 1 AND line_no = 1")
    db.commit()
    db.close()

    assert main(["audit-verify"]) == 1
    assert "journal DAMAGED" in capsys.readouterr().err


def test_a_backup_made_while_the_kiosk_writes_holds_every_claim_and_verifies(
    journal_path, tmp_path, capsys
):
    backups = tmp_path / "usb"
    backups.mkdir()
    with Journal.open(journal_path) as running:
        sign_claims(running, 5)
        # A hand copy of the file alone while the kiosk runs: the claims are still in the
        # write-ahead log, so the copy is not even a journal.
        hand_copy = shutil.copy(journal_path, tmp_path / "hand-copy.sqlite3")
        with pytest.raises(JournalNotAJournal):
            Journal.open_read_only(hand_copy)

        assert main(["backup", str(backups)]) == 0

        [made] = list(backups.iterdir())
        assert f"backed up to {made} (5 claims" in capsys.readouterr().out
        with Journal.open_read_only(made) as copy:
            assert copy.claim_count() == 5
            assert copy.integrity_problems() == []
            assert copy.verify_audit().intact
        assert running.last_backup_at() is not None
    assert main(["audit-verify", "--journal", str(made)]) == 0


def test_a_backup_never_overwrites_a_file(journal_path, tmp_path, capsys):
    with Journal.open(journal_path) as journal:
        sign_claims(journal, 1)
    existing = tmp_path / "keep.sqlite3"
    existing.write_bytes(b"an older backup")

    assert main(["backup", str(existing)]) == 2

    assert "never overwrites" in capsys.readouterr().err
    assert existing.read_bytes() == b"an older backup"


def test_doctor_warns_when_no_backup_was_made_in_the_last_7_days(journal_path, tmp_path):
    with Journal.open(journal_path) as journal:
        sign_claims(journal, 1)
    assert doctor_journal_check(load_settings())["backup"].status is Status.WARN

    assert main(["backup", str(tmp_path)]) == 0
    with Journal.open_read_only(journal_path) as journal:
        backed_up = journal.last_backup_at()

    fresh = doctor_journal_check(load_settings(), clock=lambda: backed_up + timedelta(days=6))
    stale = doctor_journal_check(load_settings(), clock=lambda: backed_up + timedelta(days=8))
    assert fresh["backup"].status is Status.OK
    assert stale["backup"].status is Status.WARN
    assert "kiosk backup" in stale["backup"].action
