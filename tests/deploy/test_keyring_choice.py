"""The device key's keyring: the demo's in-memory keyring must never stand in for a real one."""

import json
import subprocess
import sys

PROBE = """
import json, keyring
import kiosk.credentials
from kiosk.doctor import DoctorContext, check_keyring
from kiosk.settings import Settings
check = check_keyring(DoctorContext(Settings()))
print(json.dumps([type(keyring.get_keyring()).__name__, check.status.value, check.action]))
"""


def test_doctor_tells_a_pc_without_a_keyring_service_what_to_install(
    tmp_path,
):
    # A fresh interpreter, because keyring picks its backend once per process. An empty keyring
    # config dir makes this the "no keyring service" case on any machine running the tests.
    env = {"PATH": "/usr/bin:/bin", "XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path)}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    answer = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True
    )
    backend, status, action = json.loads(answer.stdout)

    assert backend != "EphemeralKeyring"
    assert status == "FAIL"
    assert "Secret Service" in action


def test_without_any_configuration_the_in_memory_keyring_is_not_chosen(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path)}
    answer = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True
    )

    assert json.loads(answer.stdout)[0] != "EphemeralKeyring"
