"""One kiosk per data folder: a second `kiosk run` on the same PC says so and does not start."""

from __future__ import annotations

import signal

from tests.ui.kiosk_process import kiosk_process, wait_until_running
from ui.launch import EXIT_ALREADY_RUNNING


def test_a_second_kiosk_on_the_same_data_folder_exits_and_names_the_first(
    sandbox, sandbox_device_key, tmp_path
):
    with kiosk_process(sandbox, sandbox_device_key, tmp_path) as first:
        wait_until_running(first)
        with kiosk_process(sandbox, sandbox_device_key, tmp_path) as second:
            second_err = second.stderr.read()
            second_status = second.wait(timeout=60)

        assert second_status == EXIT_ALREADY_RUNNING, second_err
        assert f"the kiosk is already running on this PC (pid {first.pid})" in second_err
        assert "kiosk started" not in second_err
        assert first.poll() is None
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=20) == 0
