"""`kiosk arrivals list | check`, as a scheduled job or the clinic's IT person runs them against
the insurer this PC is registered with (the real sandbox on loopback)."""

from __future__ import annotations

from datetime import datetime

import pytest

from insurer_sandbox.demo import demo_member
from kiosk.business_day import BUSINESS_TZ
from kiosk.credentials import store_device_key
from kiosk.settings import load_settings, save_settings, updated
from launchers.cli import main

pytestmark = pytest.mark.usefixtures("plain_logging_afterwards")


@pytest.fixture
def registered(kiosk_dirs, memory_keyring, sandbox, sandbox_device_key):
    save_settings(updated(load_settings(), insurer_url=sandbox.url))
    store_device_key(sandbox.url, sandbox_device_key)
    return sandbox


def test_the_day_before_check_lists_each_family_to_call(registered, capsys):
    assert main(["arrivals", "check"]) == 1  # families to call: a scheduled job notices

    out = capsys.readouterr().out
    today = datetime.now(BUSINESS_TZ).date()
    assert f"day-before check, calls due on {today.isoformat()}: 5 booked, 3 to call" in out
    for problem in ("greyed-unpaid", "policy-ended", "preauth-pending"):
        assert f"    {problem}: " in out
    assert "pay the ¥356.00 still unpaid in the e-card" in out
    assert out.count("(cancel in time until ") == 3 and "16:00)" in out
    assert demo_member("greyed_unpaid").child_name not in out, "names are masked"


def test_a_day_with_no_appointments_has_nobody_to_call(registered, capsys):
    assert main(["arrivals", "check", "--date", "2020-01-06"]) == 0
    out = capsys.readouterr().out
    assert "day-before check, appointments on 2020-01-06: 0 booked, 0 to call" in out


def test_a_no_show_is_refused_for_a_cancelled_appointment(registered, capsys):
    assert main(["arrivals", "no-show", "APT-DEMO-TODAY-4"]) == 3
    assert "cancelled_late" in capsys.readouterr().err
    assert main(["arrivals", "no-show", "APT DEMO"]) == 2


def test_the_list_of_today_names_each_appointment_masked(registered, capsys):
    assert main(["arrivals", "list"]) == 0

    out = capsys.readouterr().out
    today = datetime.now(BUSINESS_TZ).date()
    assert f"appointments on {today.isoformat()}: " in out
    assert "checked_in" in out and "booked" in out
    assert demo_member("active_standard").child_name not in out


def test_an_unregistered_pc_or_a_bad_date_is_refused(kiosk_dirs, memory_keyring, capsys):
    assert main(["arrivals", "list"]) == 2
    assert "not registered" in capsys.readouterr().err
    assert main(["arrivals", "check", "--date", "tomorrow"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
