"""Every console command refuses bad input with exit status 2 and one line naming what is wrong:
no traceback, no question asked first (a PIN, a device key), and nothing changed."""

from __future__ import annotations

import io

import pytest

from kiosk.journal import Journal
from kiosk.settings import load_settings
from kiosk.staff import CONSOLE, Role, StaffDirectory
from launchers.cli import main

LONG_NAME = "W" * 65
HUGE_ID = "9" * 25


class Started(Exception):
    """The command got past its argument checks and began its real work."""


pytestmark = pytest.mark.usefixtures("plain_logging_afterwards")


@pytest.fixture
def kiosk(kiosk_dirs, monkeypatch):
    """A kiosk with its first manager; the long-running parts of run, demo and doctor and every
    question at the terminal are replaced by a tripwire."""
    with Journal.open(load_settings().journal_path) as journal:
        StaffDirectory(journal).add("Wang Fang", Role.MANAGER, "204719", added_by=CONSOLE)

    def started(*_args, **_kwargs):
        raise Started

    monkeypatch.setattr("launchers.cli.registration_status", started)
    monkeypatch.setattr("launchers.demo.run_demo", started)
    monkeypatch.setattr("launchers.demo.run_script", started)
    monkeypatch.setattr("kiosk.doctor.run_doctor", started)
    monkeypatch.setattr("getpass.getpass", started)
    return kiosk_dirs


def what_the_journal_holds():
    with Journal.open(load_settings().journal_path) as journal:
        return (
            [(m.id, m.name, m.role) for m in StaffDirectory(journal).members()],
            [(e.seq, e.action) for e in journal.audit_entries()],
            journal.claims(),
        )


BAD_INPUT = [
    # staff add: the name
    pytest.param(["staff", "add", LONG_NAME, "--role", "manager"], "583021", "64", id="name-65"),
    pytest.param(["staff", "add", "", "--role", "manager"], "583021", "name", id="name-empty"),
    pytest.param(["staff", "add", "   ", "--role", "manager"], "583021", "name", id="name-blank"),
    pytest.param(
        ["staff", "add", "Li\x00Na", "--role", "manager"], "583021", "name", id="name-nul"
    ),
    pytest.param(["staff", "add", "Li\tNa", "--role", "manager"], "583021", "name", id="name-tab"),
    pytest.param(["staff", "add", "Li\nNa", "--role", "manager"], "583021", "name", id="name-lf"),
    pytest.param(["staff", "add", "\u202eaN iL", "--role", "manager"], "583021", "name", id="bidi"),
    pytest.param(
        ["staff", "add", "Wang Fang", "--role", "reception"], "583021", "already", id="dup"
    ),
    pytest.param(["staff", "add", "Li Na", "--role", "boss"], "583021", "role", id="role"),
    pytest.param(["staff", "add", "Li Na"], "583021", "role", id="no-role"),
    # staff add / reset-pin: the PIN on standard input
    pytest.param(["staff", "add", "Li Na", "--role", "reception"], "", "too-short", id="no-pin"),
    pytest.param(["staff", "add", "Li Na", "--role", "reception"], "123456", "simple", id="weak"),
    pytest.param(
        ["staff", "add", "Li Na", "--role", "reception"], "5830\x0021", "PIN", id="pin-nul"
    ),
    pytest.param(["staff", "add", "Li Na", "--role", "reception"], "5" * 300, "PIN", id="pin-long"),
    pytest.param(["staff", "reset-pin", "1"], "111111", "simple", id="reset-weak"),
    # staff reset-pin / unlock: the account id
    pytest.param(["staff", "reset-pin", "42"], "583021", "42", id="reset-unknown"),
    pytest.param(["staff", "reset-pin", "abc"], "583021", "abc", id="reset-text"),
    pytest.param(["staff", "reset-pin", "-1"], "583021", "-1", id="reset-negative"),
    pytest.param(["staff", "reset-pin", HUGE_ID], "583021", "9999", id="reset-huge"),
    pytest.param(["staff", "unlock", "42"], "", "42", id="unlock-unknown"),
    pytest.param(["staff", "unlock", "0"], "", "0", id="unlock-zero"),
    pytest.param(["staff", "unlock", "1.5"], "", "1.5", id="unlock-fraction"),
    pytest.param(["staff", "unlock", HUGE_ID], "", "9999", id="unlock-huge"),
    pytest.param(["staff", "unlock", ""], "", "id", id="unlock-empty"),
    pytest.param(["staff"], "", "staff", id="staff-nothing"),
    # outbox
    pytest.param(["outbox", "retry", "42"], "", "42", id="retry-unknown"),
    pytest.param(["outbox", "retry", HUGE_ID], "", "9999", id="retry-huge"),
    pytest.param(["outbox", "retry", "x"], "", "x", id="retry-text"),
    pytest.param(
        ["outbox", "settle", "42", "--note", "paid at desk"], "", "42", id="settle-unknown"
    ),
    pytest.param(["outbox", "settle", "1", "--note", ""], "", "note", id="note-empty"),
    pytest.param(["outbox", "settle", "1", "--note", "  "], "", "note", id="note-blank"),
    pytest.param(["outbox", "settle", "1", "--note", "n" * 201], "", "200", id="note-long"),
    pytest.param(["outbox", "settle", "1", "--note", "paid\x00"], "", "note", id="note-nul"),
    pytest.param(["outbox", "settle", "1", "--note", "a\nb"], "", "note", id="note-lf"),
    pytest.param(["outbox", "settle", "1"], "", "note", id="note-missing"),
    pytest.param(["outbox", "list", "--all"], "", "--all", id="list-extra"),
    # purge
    pytest.param(["purge", "--days", "-1"], "", "-1", id="days-negative"),
    pytest.param(["purge", "--days", "5"], "", "30", id="days-below-minimum"),
    pytest.param(["purge", "--days", HUGE_ID], "", "9999", id="days-huge"),
    pytest.param(["purge", "--days", "week"], "", "week", id="days-text"),
    # audit-verify
    pytest.param(["audit-verify", "--journal", "a\x00b"], "", "journal", id="journal-nul"),
    pytest.param(["audit-verify", "--journal", ""], "", "journal", id="journal-empty"),
    pytest.param(["audit-verify", "--journal", "{tmp}"], "", "journal", id="journal-folder"),
    pytest.param(["audit-verify", "--journal", "{tmp}/noise"], "", "journal", id="journal-noise"),
    pytest.param(["audit-verify", "--journal", "{tmp}/none.db"], "", "journal", id="journal-none"),
    # register: refused before the device key is asked
    pytest.param(["register", "--insurer", "not a url"], "", "URL", id="url-text"),
    pytest.param(["register", "--insurer", ""], "", "URL", id="url-empty"),
    pytest.param(["register", "--insurer", "http://example.com"], "", "HTTP", id="url-http"),
    pytest.param(["register", "--insurer", "https://a\tb.example"], "", "URL", id="url-tab"),
    pytest.param(["register", "--insurer", "https://a\x00b"], "", "URL", id="url-nul"),
    pytest.param(["register", "--insurer", "https://x" + "y" * 2100], "", "URL", id="url-long"),
    pytest.param(
        ["register", "--insurer", "https://insurer.example", "--ca-bundle", "{tmp}/none.pem"],
        "",
        "ca-bundle",
        id="ca-missing",
    ),
    pytest.param(
        ["register", "--insurer", "https://insurer.example", "--ca-bundle", "{tmp}"],
        "",
        "ca-bundle",
        id="ca-folder",
    ),
    pytest.param(["register"], "", "--insurer", id="register-nothing"),
    # run: refused before Qt or the insurer
    pytest.param(["run", "--idle", "-5"], "", "idle", id="run-idle-negative"),
    pytest.param(["run", "--idle", "0"], "", "idle", id="run-idle-zero"),
    pytest.param(["run", "--idle", "nan"], "", "idle", id="run-idle-nan"),
    pytest.param(["run", "--idle", "inf"], "", "idle", id="run-idle-inf"),
    pytest.param(["run", "--idle", "1e400"], "", "idle", id="run-idle-huge"),
    pytest.param(["run", "--insurer", "ftp://insurer.example"], "", "URL", id="run-url"),
    pytest.param(["run", "--catalogue", "{tmp}/none.csv"], "", "catalogue", id="run-cat-none"),
    pytest.param(["run", "--catalogue", "{tmp}"], "", "catalogue", id="run-cat-folder"),
    pytest.param(["run", "--data", "{tmp}/noise"], "", "data", id="run-data-file"),
    pytest.param(["run", "--data", "a\x00b"], "", "data", id="run-data-nul"),
    pytest.param(["run", "--clinic-name", ""], "", "clinic", id="clinic-empty"),
    pytest.param(["run", "--clinic-name", "C" * 81], "", "80", id="clinic-long"),
    pytest.param(["run", "--clinic-name", "A\nB"], "", "clinic", id="clinic-lf"),
    pytest.param(["run", "--camera", "{tmp}/none.mp4"], "", "camera", id="run-camera-none"),
    pytest.param(["run", "--camera", "\x00"], "", "camera", id="run-camera-nul"),
    pytest.param(["run", "--camera", "-1"], "", "camera", id="run-camera-negative"),
    pytest.param(["run", "--language", "fr"], "", "language", id="run-language"),
    # demo
    pytest.param(["demo", "--idle", "-1"], "", "idle", id="demo-idle-negative"),
    pytest.param(["demo", "--idle", "nan"], "", "idle", id="demo-idle-nan"),
    pytest.param(["demo", "--script", "{tmp}/noise"], "", "script", id="demo-script-file"),
    pytest.param(["demo", "--script", ""], "", "script", id="demo-script-empty"),
    pytest.param(["demo", "--language", "de"], "", "language", id="demo-language"),
    # doctor
    pytest.param(["doctor", "--camera", ""], "", "camera", id="doctor-camera-empty"),
    pytest.param(["doctor", "--camera", "{tmp}/none.mp4"], "", "camera", id="doctor-camera-none"),
    pytest.param(["doctor", "--camera", "a\tb"], "", "camera", id="doctor-camera-tab"),
    # the command itself
    pytest.param([], "", "kiosk", id="no-command"),
    pytest.param(["frobnicate"], "", "frobnicate", id="unknown-command"),
    pytest.param(["self-test", "--now"], "", "--now", id="self-test-extra"),
]


@pytest.mark.parametrize(("argv", "stdin", "named"), BAD_INPUT)
def test_bad_input_exits_2_with_one_line_and_changes_nothing(
    kiosk, monkeypatch, capsys, argv, stdin, named
):
    (kiosk / "noise").write_bytes(bytes(range(256)) * 8)
    argv = [a.replace("{tmp}", str(kiosk)) for a in argv]
    settings_before = load_settings()
    journal_before = what_the_journal_holds()
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))

    status = main(argv)

    out, err = capsys.readouterr()
    assert status == 2, err
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith("kiosk") and "Traceback" not in err
    assert named in err
    assert load_settings() == settings_before
    assert what_the_journal_holds() == journal_before


def test_a_data_folder_that_is_a_file_is_named_not_traced(kiosk_dirs, monkeypatch, capsys):
    occupied = kiosk_dirs / "occupied"
    occupied.write_text("not a folder")
    monkeypatch.setenv("KIOSK_DATA_DIR", str(occupied / "data"))

    assert main(["staff", "list"]) == 2

    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("kiosk: ") and str(occupied) in err
