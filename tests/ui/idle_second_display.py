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

from kiosk.visit import Step
from tests.ui.conftest import to_sign
from tests.ui.two_monitors import kiosk_on_two_monitors
from ui.driver import pump_until


def main(url: str, device_key: str, data_dir: Path) -> int:
    config = {"language": "zh_CN", "idle_seconds": 600}
    with kiosk_on_two_monitors(url, device_key, data_dir, **config) as (kiosk, driver):
        window = kiosk.window
        family = window.family_window
        assert family is not None, "no second screen"
        visit = kiosk.session.visit
        to_sign(driver, "GP002")
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], Path(sys.argv[3])))
