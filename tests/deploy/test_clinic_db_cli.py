"""The clinic's IT person sets up the clinic database and its desks from the terminal, as
docs/operations.md tells them to: init, a clinic, a desk's and a manager's logins, a staff
account, then `kiosk register` on the desk and on the manager's PC."""

from __future__ import annotations

import io
import re

import pytest

from kiosk.clinic_db.shipping import shipping_state
from kiosk.journal import Journal
from kiosk.settings import load_settings
from launchers.cli import main

pytestmark = [pytest.mark.usefixtures("plain_logging_afterwards"), pytest.mark.slow]


def _login(output: str) -> tuple[str, str]:
    url = re.search(r"register --clinic-db(?:-reader)? (\S+)", output)
    password = re.search(r"password: (\S+)", output)
    assert url and password, output
    return url.group(1), password.group(1)


def test_setting_up_a_clinic_database_from_the_terminal(
    clinic_server, kiosk_dirs, capsys, monkeypatch
):
    admin = ["--admin", clinic_server.admin_url]
    assert main(["clinic-db", "init", *admin]) == 0
    assert "revision 0001" in capsys.readouterr().out
    assert (
        main(["clinic-db", "add-clinic", "C9", "--name", "Sunshine Kids", "--group", "G9", *admin])
        == 0
    )
    assert main(["clinic-db", "add-desk", "C9", "Reception", *admin]) == 0
    desk_url, desk_password = _login(capsys.readouterr().out)
    assert main(["clinic-db", "add-reader", "manager", "C9", "Chen Jing", *admin]) == 0
    reader_url, reader_password = _login(capsys.readouterr().out)
    monkeypatch.setattr("sys.stdin", io.StringIO("583920\n"))
    assert main(["clinic-db", "staff", "C9", "Chen Jing", "--role", "manager", *admin]) == 0
    assert "every desk of C9" in capsys.readouterr().out

    monkeypatch.setattr("sys.stdin", io.StringIO("not the password\n"))
    assert main(["register", "--clinic-db", desk_url]) == 2
    assert "refused or could not be reached" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(desk_password + "\n"))
    assert main(["register", "--clinic-db", desk_url]) == 0
    assert "desk 'Reception' of clinic C9" in capsys.readouterr().out
    with Journal.open_read_only(load_settings().journal_path) as journal:
        assert shipping_state(journal).target == desk_url

    monkeypatch.setattr("sys.stdin", io.StringIO(reader_password + "\n"))
    assert main(["register", "--clinic-db-reader", reader_url]) == 0
    assert load_settings().clinic_db_reader == reader_url
    assert main(["clinic-db", "status"]) == 0
    out = capsys.readouterr().out
    assert f"ships to {desk_url}" in out and f"read {reader_url}" in out


def test_a_password_in_a_registered_url_is_refused(kiosk_dirs, capsys):
    assert main(["register", "--clinic-db", "postgresql://desk:secret@127.0.0.1:5432/clinic"]) == 2
    assert "leave the password out of the URL" in capsys.readouterr().err
    assert main(["register"]) == 2
    assert "say what to register" in capsys.readouterr().err


def test_the_doctor_says_where_the_desk_ships_and_when_it_cannot(
    clinic_server, kiosk_dirs, capsys, monkeypatch
):
    login = clinic_server.desk("C1", "Doctor's desk")
    monkeypatch.setattr("sys.stdin", io.StringIO(login.password + "\n"))
    assert main(["register", "--clinic-db", login.url]) == 0
    capsys.readouterr()
    main(["doctor", "--camera", "0"])
    found = capsys.readouterr().out.splitlines()
    line = next(text for text in found if "clinic db" in text)
    assert line.startswith("OK") and "ships to" in line and "waiting" in line
    clinic_server.server.stop()
    try:
        main(["doctor", "--camera", "0"])
    finally:
        clinic_server.server.start()
    out = capsys.readouterr().out
    line = next(text for text in out.splitlines() if "clinic db" in text)
    assert line.startswith("WARN") and "waiting" in line, line
    assert "goes on working" in out
