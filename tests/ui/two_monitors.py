"""A kiosk on a desk PC with two monitors, in a process of its own (Qt's screens are fixed at
start): `findings_on_two_monitors` runs a child module with Qt's offscreen platform showing the
desk's 1280x800 monitor and the family's 1024x768 one to its right; the child builds its kiosk
with `kiosk_on_two_monitors` and prints one line per finding ("what it found True")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from insurer_sandbox.server import SandboxProcess
from kiosk.credentials import store_device_key, use_ephemeral_keyring
from ui.driver import KioskDriver
from ui.launch import Kiosk, KioskConfig, build_kiosk

SCREENS = {
    "screens": [
        {"name": "desk", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96},
        {"name": "family", "x": 1280, "y": 0, "width": 1024, "height": 768, "logicalDpi": 96},
    ]
}
REPO = Path(__file__).resolve().parents[2]


def findings_on_two_monitors(
    module: str, sandbox: SandboxProcess, device_key: str, base: Path
) -> dict[str, str]:
    """Run `python -m module URL KEY DIR` (the kiosk's data under `base`) on two monitors; it
    must exit 0. Each finding it printed, by what it found."""
    config = base / "screens.json"
    config.write_text(json.dumps(SCREENS))
    run = subprocess.run(
        [sys.executable, "-m", module, sandbox.url, device_key, str(base / "kiosk")],
        env=dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}"),
        capture_output=True,
        text=True,
        timeout=90,
        cwd=REPO,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return dict(line.rsplit(" ", 1) for line in run.stdout.splitlines())


@contextmanager
def kiosk_on_two_monitors(
    url: str, device_key: str, data_dir: Path, **config: Any
) -> Iterator[tuple[Kiosk, KioskDriver]]:
    """In the child: a kiosk registered with the insurer at `url`, shown and ready; closed on
    leaving. `config`: more `KioskConfig` fields (its language, say)."""
    use_ephemeral_keyring()
    store_device_key(url, device_key)
    kiosk = build_kiosk(KioskConfig(insurer_url=url, data_dir=data_dir, **config))
    try:
        kiosk.window.show()
        driver = KioskDriver(kiosk)
        driver.wait_ready()
        yield kiosk, driver
    finally:
        kiosk.close()
