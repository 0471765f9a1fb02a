"""The IT person's commands: audit-verify, purge, self-test, doctor, as typed at a terminal."""

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.journal import Journal
from kiosk.settings import load_settings, save_settings, updated
from launchers.cli import main

pytestmark = pytest.mark.usefixtures("plain_logging_afterwards")


@pytest.fixture
def journal_path(kiosk_dirs):
    path = load_settings().journal_path
    with Journal.open(path) as journal:
        for n in range(5):
            with journal.transaction(actor="desk") as tx:
                tx.append_audit("visit.opened", f"visit:{n + 1}", {"n": n})
    return path


def test_audit_verify_confirms_an_intact_trail(journal_path, capsys):
    assert main(["audit-verify"]) == 0

    assert "audit trail intact: 5 entries" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("tamper", "broken_at"),
    [
        ("UPDATE audit SET detail = '{\"n\":99}' WHERE seq = 3", 3),
        ("UPDATE audit SET at = '2020-01-01T00:00:00.000000+00:00' WHERE seq = 3", 3),
        # A removed entry shows where the chain no longer links: at the next one.
        ("DELETE FROM audit WHERE seq = 3", 4),
    ],
)
def test_audit_verify_detects_a_trail_edited_outside_the_kiosk(
    journal_path, capsys, tamper, broken_at
):
    db = sqlite3.connect(journal_path)
    db.execute("DROP TRIGGER audit_no_update")
    db.execute("DROP TRIGGER audit_no_delete")
    db.execute(tamper)
    db.commit()
    db.close()

    assert main(["audit-verify", "--journal", str(journal_path)]) == 1

    assert f"audit trail BROKEN at entry {broken_at}:" in capsys.readouterr().err


def test_audit_verify_without_a_journal_says_so(kiosk_dirs, capsys):
    assert main(["audit-verify"]) == 2
    assert "no journal" in capsys.readouterr().err


def test_purge_applies_the_retention_setting(journal_path, capsys):
    save_settings(updated(load_settings(), retention_days=45))

    assert main(["purge"]) == 0

    out = capsys.readouterr().out
    expected_cutoff = datetime.now(UTC) - timedelta(days=45)
    assert "purged 0 claims accepted before" in out
    assert f"{expected_cutoff:%Y-%m-%d}" in out


def test_the_self_test_passes_from_the_source_tree(kiosk_dirs, memory_keyring, capsys):
    assert main(["--self-test"]) == 0

    out = capsys.readouterr().out
    assert "self-test passed" in out
    assert "MainWindow showing ScanScreen" in out
    for decoder in ("zxing-cpp", "pyzbar", "OpenCV"):
        assert f"decoder {decoder}" in out


def test_doctor_prints_every_check_and_fails_an_unregistered_kiosk(kiosk_dirs, capsys):
    assert main(["doctor", "--camera", "99"]) == 1

    out = capsys.readouterr().out
    for name in ("camera", "decoders", "fonts (CJK)", "keyring", "insurer", "device key"):
        assert name in out
    for name in ("clock", "printer", "disk", "journal", "outbox"):
        assert name in out
