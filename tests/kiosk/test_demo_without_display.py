import os
import subprocess
import sys


def test_demo_without_a_display_says_what_to_do_instead_of_crashing():
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "launchers.cli", "demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "xvfb-run" in done.stderr
    assert "--script" in done.stderr
