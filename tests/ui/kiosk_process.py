"""`kiosk run` in a process of its own, as the service starts it, for the tests that stop it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from insurer_sandbox.server import SandboxProcess
from tests.waiting import wait_until


@contextmanager
def kiosk_process(
    sandbox: SandboxProcess, device_key: str, base: Path
) -> Iterator[subprocess.Popen[str]]:
    """`kiosk run` with its settings and data folder under `base` (kiosk mode, as the defaults
    have it), registered with `sandbox`; its log is the process's stderr. Killed on leaving,
    if the test has not ended it."""
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
    with subprocess.Popen(
        [sys.executable, "-c", script], env=env, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            yield process
        finally:
            process.kill()  # nothing to do once it has ended


def wait_until_running(process: subprocess.Popen[str], timeout: float = 30.0) -> str:
    """Return once the kiosk has started and takes stop signals (before, SIGTERM kills it): the
    log line that said it started."""
    lines = []
    for line in process.stderr:
        lines.append(line)
        if "kiosk started" in line:
            break
    assert process.poll() is None, "".join(lines)
    wait_until(lambda: takes_stop_signals(process), timeout, "the kiosk's SIGTERM handler")
    return lines[-1]


def takes_stop_signals(process: subprocess.Popen[str]) -> bool:
    """The process catches SIGTERM (Linux lists the signals a process catches in SigCgt); the
    kiosk's handler is in place from `Kiosk.exec` on, SIGINT's with it."""
    assert process.poll() is None, "the kiosk ended before it took stop signals"
    status = Path(f"/proc/{process.pid}/status").read_text()
    caught = re.search(r"^SigCgt:\s*([0-9a-f]+)$", status, re.MULTILINE)
    assert caught is not None, status
    return bool(int(caught.group(1), 16) >> (signal.SIGTERM - 1) & 1)
