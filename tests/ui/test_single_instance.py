"""One kiosk per data folder: a second `kiosk run` on the same PC says so and does not start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from ui.launch import EXIT_ALREADY_RUNNING


def _kiosk_run(sandbox, device_key: str, base: Path) -> subprocess.Popen[str]:
    """`kiosk run` as the service starts it, on the data folder under `base`."""
    script = (
        "import sys\n"
        "from kiosk.credentials import store_device_key, use_ephemeral_keyring\n"
        "from launchers.cli import main\n"
        "use_ephemeral_keyring()\n"
        f"store_device_key({sandbox.url!r}, {device_key!r})\n"
        f"sys.exit(main(['run', '--insurer', {sandbox.url!r}, '--camera', 'none']))\n"
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        KIOSK_CONFIG_DIR=str(base / "config"),
        KIOSK_DATA_DIR=str(base / "data"),
    )
    return subprocess.Popen(
        [sys.executable, "-c", script], env=env, stderr=subprocess.PIPE, text=True
    )


def test_a_second_kiosk_on_the_same_data_folder_exits_and_names_the_first(
    sandbox, sandbox_device_key, tmp_path
):
    with _kiosk_run(sandbox, sandbox_device_key, tmp_path) as first:
        try:
            lines = []
            for line in first.stderr:
                lines.append(line)
                if "kiosk started" in line:
                    break
            assert first.poll() is None, "".join(lines)

            with _kiosk_run(sandbox, sandbox_device_key, tmp_path) as second:
                second_err = second.stderr.read()
                second_status = second.wait(timeout=60)

            assert second_status == EXIT_ALREADY_RUNNING, second_err
            assert f"the kiosk is already running on this PC (pid {first.pid})" in second_err
            assert "kiosk started" not in second_err
            assert first.poll() is None
            first.send_signal(signal.SIGTERM)
            assert first.wait(timeout=20) == 0
        finally:
            first.kill()
            first.stderr.read()
