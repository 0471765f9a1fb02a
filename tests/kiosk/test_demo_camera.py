"""The demo's desk camera: a demo card when one is held up, else the real webcam if there is one."""

import numpy as np

from kiosk.scan import decode
from kiosk.scan.camera import GeneratedCamera
from kiosk.scan.demo_camera import DemoCamera

WEBCAM_FRAME = np.full((720, 1280, 3), 77, np.uint8)


def test_the_webcam_shows_through_until_a_demo_card_is_held_up():
    camera = DemoCamera(fps=200, webcam=GeneratedCamera(lambda _n: WEBCAM_FRAME.copy(), fps=200))
    camera.open()
    assert camera.webcam_live
    assert np.array_equal(camera.read(), WEBCAM_FRAME)
    camera.show("EC1-DEMO-CARD")
    assert decode(camera.read()) == ["EC1-DEMO-CARD"]
    camera.show(None)
    assert np.array_equal(camera.read(), WEBCAM_FRAME)
    camera.close()


def test_without_a_webcam_the_desk_is_simulated():
    absent = GeneratedCamera(lambda _n: WEBCAM_FRAME.copy(), fail_opens=1)
    camera = DemoCamera(fps=200, webcam=absent)
    camera.open()
    assert not camera.webcam_live
    frame = camera.read()
    assert frame.shape == WEBCAM_FRAME.shape and not np.array_equal(frame, WEBCAM_FRAME)
    assert decode(frame) == []
