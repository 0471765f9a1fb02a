"""A visit on a desk PC with two monitors, run in its own process (Qt's screens are fixed at start):

    QT_QPA_PLATFORM=offscreen:configfile=SCREENS.json python -m tests.ui.second_display URL KEY DIR

Prints one line per finding and exits 0 when the family signed on the second monitor while the
desk's own screen showed no signing controls.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from kiosk.visit import Step
from tests.ui.conftest import to_sign
from tests.ui.two_monitors import kiosk_on_two_monitors


def main(url: str, device_key: str, data_dir: Path) -> int:
    with kiosk_on_two_monitors(url, device_key, data_dir, language="en") as (kiosk, driver):
        window = kiosk.window
        family = window.family_window
        screens = QGuiApplication.screens()
        print("screens", len(screens))
        print("family window", family is not None and family.screen() is screens[1])
        to_sign(driver, "GP002")
        print(
            "desk page is the waiting page", window.stack.currentWidget() is window.pages[Step.SIGN]
        )
        print("sign screen on the family window", window.sign.window() is family)
        print("no way back on the family screen", not window.sign.back_button.isVisible())
        driver.sign()
        print("done on the desk", window.stack.currentWidget() is window.done)
        print("family window back to its welcome", family.stack.currentIndex() == 0)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], Path(sys.argv[3])))
