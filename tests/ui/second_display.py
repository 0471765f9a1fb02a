"""A visit on a desk PC with two monitors, run in its own process (Qt's screens are fixed at start):

    QT_QPA_PLATFORM=offscreen:configfile=SCREENS.json python -m tests.ui.second_display URL KEY DIR

Prints one line per finding and exits 0 when the family signed on the second monitor while the
desk's own screen showed no signing controls.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from insurer_sandbox.demo import demo_member
from kiosk.credentials import store_device_key, use_ephemeral_keyring
from kiosk.visit import Step
from launchers.demo import fresh_token
from ui.driver import KioskDriver
from ui.launch import KioskConfig, build_kiosk


def main(url: str, device_key: str, data_dir: Path) -> int:
    use_ephemeral_keyring()
    store_device_key(url, device_key)
    kiosk = build_kiosk(KioskConfig(insurer_url=url, data_dir=data_dir, language="en"))
    try:
        window = kiosk.window
        window.show()
        driver = KioskDriver(kiosk)
        driver.wait_ready()
        family = window.family_window
        screens = QGuiApplication.screens()
        print("screens", len(screens))
        print("family window", family is not None and family.screen() is screens[1])
        driver.show_card(fresh_token(demo_member("active_plus")))
        driver.start_bill()
        driver.add_item("GP002")
        driver.wait_estimate()
        driver.present()
        print(
            "desk page is the waiting page", window.stack.currentWidget() is window.pages[Step.SIGN]
        )
        print("sign screen on the family window", window.sign.window() is family)
        print("no way back on the family screen", not window.sign.back_button.isVisible())
        driver.sign()
        print("done on the desk", window.stack.currentWidget() is window.done)
        print("family window back to its welcome", family.stack.currentIndex() == 0)
    finally:
        kiosk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], Path(sys.argv[3])))
