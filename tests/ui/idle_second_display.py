"""The idle warning on a desk PC with two monitors, run in its own process (Qt's screens are fixed
at start):

    QT_QPA_PLATFORM=offscreen:configfile=SCREENS.json python -m tests.ui.idle_second_display \\
        URL KEY DIR

Prints one line per finding ("... True") and exits 0 once the visit was cleared.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from insurer_sandbox.demo import demo_member
from kiosk.credentials import store_device_key, use_ephemeral_keyring
from kiosk.visit import Step
from launchers.demo import fresh_token
from ui.driver import KioskDriver, pump_until
from ui.launch import KioskConfig, build_kiosk


def main(url: str, device_key: str, data_dir: Path) -> int:
    use_ephemeral_keyring()
    store_device_key(url, device_key)
    kiosk = build_kiosk(
        KioskConfig(insurer_url=url, data_dir=data_dir, language="zh_CN", idle_seconds=600)
    )
    try:
        window = kiosk.window
        window.show()
        driver = KioskDriver(kiosk)
        driver.wait_ready()
        family = window.family_window
        assert family is not None, "no second screen"
        visit = kiosk.session.visit
        driver.show_card(fresh_token(demo_member("active_plus")))
        driver.start_bill()
        driver.add_item("GP002")
        driver.wait_estimate()
        driver.present()
        print("family window shows sign", family.shows_sign())
        kiosk.idle.set_timeout(3.0, warning_seconds=1.5)
        pump_until(family.idle_warning.isVisible, 5, "the warning on the family's screen")
        print("desk warned too", window.idle_warning.isVisible())
        print("asked in chinese", family.idle_warning.headline.text() == "还在吗？请轻触屏幕继续")
        print("covers the family screen", family.idle_warning.geometry() == family.rect())
        QTest.mouseClick(family.idle_warning, Qt.MouseButton.LeftButton)
        print(
            "a tap on the family screen keeps the visit",
            not family.idle_warning.isVisible()
            and not window.idle_warning.isVisible()
            and visit.step is Step.SIGN,
        )
        pump_until(family.idle_warning.isVisible, 5, "the warning again")
        pump_until(lambda: visit.step is Step.SCAN, 5, "the visit to be cleared")
        print("cleared", visit.eligibility is None and visit.presented is None)
        print("family window back to its welcome", not family.shows_sign())
        print("no warning left", not family.idle_warning.isVisible())
    finally:
        kiosk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], Path(sys.argv[3])))
