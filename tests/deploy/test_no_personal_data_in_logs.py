"""A whole demo day, logged at DEBUG: not one name, id, phone number, policy number or token.

Runs the real `kiosk --verbose demo --script`: every demo member through scan, eligibility, bill,
signature and claim, in both languages, against the sandbox, as its own process, exactly as the
clinic's logs would be written (stderr, which systemd's journal keeps).
"""

import os
import re
import subprocess
import sys

import pytest

from insurer_sandbox.demo import DEMO_MEMBERS
from ui.demo_script.scenarios import SCENARIOS

pytestmark = [pytest.mark.slow, pytest.mark.timeout(400)]


def _personal_values(member):
    values = {
        "member id": member.member_id,
        "policy number": member.policy_number,
        "child's name": member.child_name,
        "guardian's phone": member.guardian_phone,
        "masked name": member.child_name[0] + "*",
        "masked phone": member.guardian_phone[:3] + "****" + member.guardian_phone[-4:],
    }
    for preauth in member.preauths:
        values["diagnosis"] = preauth.diagnosis
    return values


@pytest.fixture(scope="module")
def demo_day_logs(tmp_path_factory):
    base = tmp_path_factory.mktemp("demo-day")
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        KIOSK_CONFIG_DIR=str(base / "config"),
        KIOSK_DATA_DIR=str(base / "data"),
    )
    run = subprocess.run(
        [sys.executable, "-m", "launchers.cli", "--verbose", "demo", "--script", str(base / "out")],
        capture_output=True,
        text=True,
        env=env,
        timeout=380,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return run.stderr


def test_the_demo_day_really_ran_and_logged_at_debug(demo_day_logs):
    # every scenario with a direct-billed visit, in each of the two languages
    assert demo_day_logs.count("recorded by the insurer: accepted") >= len(SCENARIOS)
    assert "DEBUG" in demo_day_logs
    assert "POST /v1/eligibility/token" in demo_day_logs


@pytest.mark.parametrize("member", DEMO_MEMBERS, ids=lambda m: m.state)
def test_no_personal_data_of_any_demo_member_is_in_the_logs(demo_day_logs, member):
    leaked = {
        what: value for what, value in _personal_values(member).items() if value in demo_day_logs
    }

    assert leaked == {}


def test_no_token_or_credential_is_in_the_logs(demo_day_logs):
    assert "EC1" not in demo_day_logs
    assert "sbx_" not in demo_day_logs  # the sandbox's device keys
    assert not re.search(r"(?i)bearer\s+\S", demo_day_logs)
