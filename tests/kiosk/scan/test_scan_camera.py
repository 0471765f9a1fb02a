"""The camera worker: newest frame only, lost and reconnected cameras, replaceable sources."""

import itertools
import queue
import time

import cv2
import numpy as np
import pytest

from kiosk.scan import synthetic
from kiosk.scan.camera import (
    CameraEvent,
    CameraStatus,
    CameraUnavailable,
    CameraWorker,
    FrameSource,
    GeneratedCamera,
    OpenCVCamera,
)
from tests.waiting import wait_until


def numbered(n: int) -> np.ndarray:
    """A tiny frame that carries its own capture number, so a test can check what it got."""
    return np.full((4, 4), n % 251, np.uint8)


def watched(source: FrameSource, **options) -> tuple[CameraWorker, queue.SimpleQueue]:
    """A worker whose events the test reads as the kiosk does: through its callback."""
    events: queue.SimpleQueue[CameraEvent] = queue.SimpleQueue()
    return CameraWorker(source, on_event=events.put, **options), events


def next_event(events: queue.SimpleQueue, timeout: float = 5.0) -> CameraEvent:
    return events.get(timeout=timeout)


def test_a_slow_consumer_always_gets_the_newest_frame_never_a_backlog():
    source = GeneratedCamera(numbered, fps=200)
    with CameraWorker(source) as camera:
        first = camera.latest(timeout=5)
        assert first is not None
        seen = [first]
        for _ in range(5):
            # The consumer is busy while the camera delivers several more frames.
            wait_until(lambda: camera.frames_captured >= seen[-1].number + 4)
            captured_before = camera.frames_captured
            frame = camera.latest(seen[-1].number, timeout=5)
            assert frame is not None
            assert frame.number >= captured_before, "the consumer got a stale frame"
            seen.append(frame)
    numbers = [f.number for f in seen]
    assert all(b - a >= 4 for a, b in itertools.pairwise(numbers)), numbers
    for frame in seen:
        assert frame.image[0, 0] == (frame.number - 1) % 251


def test_latest_waits_for_a_frame_newer_than_the_one_the_consumer_has():
    with CameraWorker(GeneratedCamera(numbered, fps=50)) as camera:
        frame = camera.latest(timeout=5)
        assert frame is not None
        newer = camera.latest(frame.number, timeout=5)
        assert newer is not None and newer.number > frame.number
        assert camera.latest(10**9, timeout=0.05) is None


def test_a_lost_camera_is_reported_retried_and_reconnected():
    source = GeneratedCamera(numbered, fps=200, fail_reads=frozenset({20}), fail_opens=0)
    camera, events = watched(source, retry_interval=0.01)
    with camera:
        assert next_event(events).status is CameraStatus.LIVE
        lost = next_event(events)
        assert lost.status is CameraStatus.LOST and "frame 20" in lost.detail
        back = next_event(events)
        assert back.status is CameraStatus.LIVE and back.reconnected
        before = camera.frames_captured
        assert camera.latest(before, timeout=5) is not None
    assert next_event(events).status is CameraStatus.STOPPED
    assert camera.status is CameraStatus.STOPPED


def test_a_camera_that_will_not_open_is_reported_once_then_reconnects():
    camera, events = watched(GeneratedCamera(numbered, fps=100, fail_opens=5), retry_interval=0.01)
    with camera:
        assert next_event(events).status is CameraStatus.LOST
        back = next_event(events)
        assert back.status is CameraStatus.LIVE and back.reconnected
        assert camera.latest(timeout=5) is not None
    # five failed opens were one LOST, not five
    assert next_event(events).status is CameraStatus.STOPPED and events.empty()


def test_stop_wakes_a_consumer_that_is_waiting():
    camera = CameraWorker(GeneratedCamera(numbered, fps=100, fail_opens=10**6))
    camera.start()
    started = time.monotonic()
    camera.stop()
    assert camera.latest(timeout=5) is None
    assert time.monotonic() - started < 2


def test_a_worker_cannot_be_started_twice():
    with CameraWorker(GeneratedCamera(numbered)) as camera, pytest.raises(RuntimeError):
        camera.start()


def test_a_recorded_video_plays_as_a_camera_and_ends_as_a_lost_camera(tmp_path, token):
    path = tmp_path / "desk.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10, (1280, 720))
    assert writer.isOpened()
    rng = np.random.default_rng(1)
    image, _ = synthetic.render("nominal", [token], rng)
    for _ in range(3):
        writer.write(image)
    writer.release()
    camera, events = watched(OpenCVCamera(str(path)), retry_interval=10)
    with camera:
        assert next_event(events).status is CameraStatus.LIVE
        lost = next_event(events)
        assert lost.status is CameraStatus.LOST
        assert camera.frames_captured == 3
        frame = camera.latest(timeout=5)
        assert frame is not None and frame.image.shape == (720, 1280, 3)


def test_a_camera_that_does_not_exist_is_reported_lost(tmp_path):
    camera, events = watched(OpenCVCamera(str(tmp_path / "missing.avi")), retry_interval=10)
    with camera:
        lost = next_event(events)
    assert lost.status is CameraStatus.LOST
    assert "cannot open" in lost.detail


def test_reading_an_unopened_opencv_camera_is_a_lost_camera():
    with pytest.raises(CameraUnavailable):
        OpenCVCamera(0).read()
