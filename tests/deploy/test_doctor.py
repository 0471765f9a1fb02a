"""`kiosk doctor` against a real sandbox and real journals: each finding, and what to do."""

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.credentials import store_device_key
from kiosk.doctor import (
    DoctorContext,
    Status,
    check_clock,
    check_device_key,
    check_insurer_reachable,
    check_journal_and_outbox,
    check_printer,
    exit_status,
    format_report,
    run_doctor,
)
from kiosk.journal import Journal
from kiosk.registration import register_device
from kiosk.settings import Settings, load_settings


def _by_name(checks):
    return {c.name: c for c in checks}


@pytest.fixture
def registered(sandbox, sandbox_device_key, memory_keyring, kiosk_dirs):
    return register_device(sandbox.url, sandbox_device_key)


def _journal_with_entries(path, count):
    with Journal.open(path) as journal:
        for n in range(count):
            with journal.transaction(actor="desk") as tx:
                tx.append_audit("visit.opened", f"visit:{n + 1}")


def test_a_registered_kiosk_with_a_sound_journal_passes_the_insurer_and_journal_checks(registered):
    _journal_with_entries(registered.journal_path, 3)

    checks = _by_name(run_doctor(DoctorContext(registered, camera=99)))

    for name in ("decoders", "insurer", "device key", "clock", "disk", "journal", "outbox"):
        assert checks[name].status is Status.OK, checks[name]
        assert checks[name].action is None
    assert "audit chain verified (3 entries)" in checks["journal"].finding
    assert checks["camera"].status is Status.WARN
    assert "handheld scanner" in checks["camera"].action


def test_a_journal_edited_outside_the_kiosk_is_reported_with_the_broken_entry(registered):
    _journal_with_entries(registered.journal_path, 4)
    db = sqlite3.connect(registered.journal_path)
    db.execute("DROP TRIGGER audit_no_update")
    db.execute("UPDATE audit SET detail = ? WHERE seq = 2", ('{"forged":true}',))
    db.commit()
    db.close()

    journal, outbox = check_journal_and_outbox(DoctorContext(registered))

    assert journal.status is Status.FAIL
    assert "audit trail broken at entry 2:" in journal.finding
    assert outbox.status is Status.OK


def test_a_damaged_journal_file_is_reported_not_crashed_on(registered):
    registered.journal_path.write_bytes(b"this is not a database" * 100)

    journal, outbox = check_journal_and_outbox(DoctorContext(registered))

    assert outbox.status is Status.FAIL
    assert journal.status is Status.FAIL
    assert "not a kiosk journal" in journal.finding
    assert "do not delete" in journal.action


@pytest.mark.parametrize(
    ("offset", "word"), [(timedelta(minutes=5), "ahead"), (-timedelta(minutes=2), "behind")]
)
def test_a_clock_off_by_more_than_the_e_card_tolerance_fails(registered, offset, word):
    ctx = DoctorContext(registered, clock=lambda: datetime.now(UTC) + offset)

    assert check_insurer_reachable(ctx).status is Status.OK
    clock = check_clock(ctx)

    assert clock.status is Status.FAIL
    assert word in clock.finding
    assert "automatic" in clock.action


def test_a_revoked_key_fails_with_what_to_do(registered):
    store_device_key(registered.insurer_url, "sbx_revoked")

    check = check_device_key(DoctorContext(registered))

    assert check.status is Status.FAIL
    assert "provider portal" in check.action


def test_an_unregistered_kiosk_is_told_how_to_register(memory_keyring, kiosk_dirs):
    checks = run_doctor(DoctorContext(load_settings(), camera=99))
    by_name = _by_name(checks)

    assert by_name["insurer"].status is Status.FAIL
    assert "kiosk register" in by_name["device key"].action
    assert exit_status(checks) == 1
    report = format_report(checks)
    assert "FAIL  insurer" in report
    assert "-> Register this kiosk" in report


def test_an_unreachable_insurer_names_the_network(memory_keyring, kiosk_dirs):
    settings = Settings(insurer_url="http://127.0.0.1:9")

    check = check_insurer_reachable(DoctorContext(settings, timeout=1))

    assert check.status is Status.FAIL
    assert "network" in check.action


def test_without_cups_the_kiosk_says_pdfs_are_saved(kiosk_dirs, monkeypatch):
    monkeypatch.setenv("PATH", str(kiosk_dirs))

    check = check_printer(DoctorContext(load_settings()))

    assert check.status is Status.WARN
    assert "no printer" in check.finding
    assert "saved as PDFs" in check.finding
