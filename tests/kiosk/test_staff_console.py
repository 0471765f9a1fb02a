"""`kiosk staff ...`: an installed kiosk (no Python, no sign-in yet) gets its first manager,
and a forgotten or locked-out PIN is fixed at the console, each change in the audit trail."""

from __future__ import annotations

import io

import pytest

from kiosk.journal import Journal
from kiosk.settings import load_settings
from kiosk.staff import Role, SignInRefusal, SignInRefused, StaffDirectory
from launchers.cli import main

MANAGER_PIN = "204719"


@pytest.fixture
def journal_path(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    return load_settings().journal_path


class Terminal(io.StringIO):
    """Standard input that is a person at a terminal: the PIN is asked with getpass."""

    def isatty(self) -> bool:
        return True


def kiosk(monkeypatch, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["staff", *argv])


def test_the_first_manager_is_created_on_a_fresh_install_and_can_sign_in(
    journal_path, monkeypatch, capsys
):
    assert not journal_path.exists()
    assert kiosk(monkeypatch, "add", "Wang Fang", "--role", "manager", stdin=MANAGER_PIN) == 0
    assert "added manager Wang Fang" in capsys.readouterr().out
    with Journal.open(journal_path) as journal:
        directory = StaffDirectory(journal)
        [member] = directory.members()
        assert directory.sign_in(member.id, MANAGER_PIN).role is Role.MANAGER
        [added] = [e for e in journal.audit_entries() if e.action == "staff.added"]
        assert (added.actor, added.subject) == ("console", f"staff:{member.id}")


def test_the_first_account_must_be_a_manager_and_a_weak_pin_is_refused(
    journal_path, monkeypatch, capsys
):
    assert kiosk(monkeypatch, "add", "Li Na", "--role", "reception", stdin="583021") == 2
    assert "first staff account must be a manager" in capsys.readouterr().err
    assert kiosk(monkeypatch, "add", "Wang Fang", "--role", "manager", stdin="123456") == 2
    assert "too-simple" in capsys.readouterr().err
    assert kiosk(monkeypatch, "list") == 0
    assert capsys.readouterr().out == ""


def test_a_pin_typed_differently_twice_changes_nothing(journal_path, monkeypatch, capsys):
    typed = iter([MANAGER_PIN, "204718"])
    monkeypatch.setattr("getpass.getpass", lambda _prompt: next(typed))
    monkeypatch.setattr("sys.stdin", Terminal())
    assert main(["staff", "add", "Wang Fang", "--role", "manager"]) == 2
    assert "differ" in capsys.readouterr().err
    with Journal.open(journal_path) as journal:
        assert StaffDirectory(journal).members() == []


def test_reception_added_listed_locked_out_unlocked_and_given_a_new_pin(
    journal_path, monkeypatch, capsys
):
    kiosk(monkeypatch, "add", "Wang Fang", "--role", "manager", stdin=MANAGER_PIN)
    kiosk(monkeypatch, "add", "Li Na", "--role", "reception", stdin="583021")
    capsys.readouterr()
    with Journal.open(journal_path) as journal:
        directory = StaffDirectory(journal)
        reception = next(m for m in directory.members() if m.name == "Li Na")
        for _ in range(directory.policy.max_failures):
            with pytest.raises(SignInRefused):
                directory.sign_in(reception.id, "999888")
    assert kiosk(monkeypatch, "list") == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith(f"{reception.id}\treception\tLi Na\tlocked until ")
    assert listed[1].split("\t") == [str(reception.id - 1), "manager", "Wang Fang"]

    assert kiosk(monkeypatch, "unlock", str(reception.id)) == 0
    with Journal.open(journal_path) as journal:
        assert StaffDirectory(journal).sign_in(reception.id, "583021").id == reception.id

    assert kiosk(monkeypatch, "reset-pin", str(reception.id), stdin="730194") == 0
    with Journal.open(journal_path) as journal:
        directory = StaffDirectory(journal)
        with pytest.raises(SignInRefused) as old:
            directory.sign_in(reception.id, "583021")
        assert old.value.reason is SignInRefusal.WRONG_SECRET
        assert directory.sign_in(reception.id, "730194").id == reception.id
        console = [(e.actor, e.action) for e in journal.audit_entries() if e.actor == "console"]
    assert console == [
        ("console", "staff.added"),
        ("console", "staff.added"),
        ("console", "staff.unlocked"),
        ("console", "staff.secret-reset"),
    ]


def test_an_unknown_account_is_reported_not_created(journal_path, monkeypatch, capsys):
    kiosk(monkeypatch, "add", "Wang Fang", "--role", "manager", stdin=MANAGER_PIN)
    assert kiosk(monkeypatch, "unlock", "42") == 2
    assert capsys.readouterr().err.startswith("kiosk: ")
