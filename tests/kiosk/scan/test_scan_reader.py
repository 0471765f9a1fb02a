"""From frames to verified e-cards: one scan per code in view, a new scan once it left."""

import queue
from datetime import timedelta

import numpy as np
import pytest

from kiosk.ecard import ECardFailure, ReplayGuard
from kiosk.scan import synthetic
from kiosk.scan.camera import CameraWorker, GeneratedCamera
from kiosk.scan.reader import CardReader, CodesInView, ScanEvent, ScanWorker
from kiosk.scan.source import ScanSource
from tests.waiting import wait_until


def test_a_code_seen_in_30_consecutive_frames_is_one_scan():
    in_view = CodesInView()
    scans = [in_view.observe(["EC1CODE"]) for _ in range(30)]
    assert scans[0] == ["EC1CODE"]
    assert scans[1:] == [[]] * 29


def test_a_code_that_left_the_view_and_came_back_is_a_new_scan():
    in_view = CodesInView(gone_after=15)
    assert in_view.observe(["EC1CODE"]) == ["EC1CODE"]
    for _ in range(15):
        assert in_view.observe([]) == []
    assert in_view.observe(["EC1CODE"]) == ["EC1CODE"]


def test_frames_where_the_decoder_missed_the_code_do_not_make_a_new_scan():
    in_view = CodesInView(gone_after=15)
    new = []
    for frame in range(60):
        texts = [] if frame % 3 == 1 or 20 <= frame < 33 else ["EC1CODE"]  # 14 misses in a row
        new += in_view.observe(texts)
    assert new == ["EC1CODE"]


def test_two_codes_in_view_are_tracked_separately():
    in_view = CodesInView(gone_after=2)
    assert in_view.observe(["A", "B"]) == ["A", "B"]
    assert in_view.observe(["B", "A", "A"]) == []
    assert in_view.observe(["B"]) == []
    assert in_view.observe(["B"]) == []
    assert in_view.observe(["A", "B"]) == ["A"]


def test_clear_lets_the_same_card_start_a_new_visit():
    in_view = CodesInView()
    in_view.observe(["EC1CODE"])
    in_view.clear()
    assert in_view.observe(["EC1CODE"]) == ["EC1CODE"]


def test_gone_after_must_be_positive():
    with pytest.raises(ValueError):
        CodesInView(gone_after=0)


def test_camera_frames_become_one_verified_scan_per_appearance(token):
    """Phone shown for 60 frames, taken away for 60, shown again: two scans, the second a replay."""
    shown, _ = synthetic.render("nominal", [token], np.random.default_rng(21))
    empty, _ = synthetic.render(synthetic.NO_CODE, [], np.random.default_rng(22))

    def desk(n: int) -> np.ndarray:
        return shown if n < 60 or 120 <= n < 180 else empty

    events = []
    reader = CardReader(
        synthetic.sample_public_keys,
        clock=lambda: synthetic.SAMPLE_ISSUED_AT + timedelta(seconds=5),
        replay_guard=ReplayGuard(),
        on_scan=events.append,
    )
    camera = CameraWorker(GeneratedCamera(desk, fps=60))
    scanner = ScanWorker(camera, reader, gone_after=5)
    with camera, scanner:
        wait_until(lambda: camera.frames_captured > 240, 15)
        decoded = scanner.frames_decoded
        # Two more decoded: the second is one of the empty frames after the card was taken away.
        wait_until(lambda: scanner.frames_decoded >= decoded + 2)
    assert scanner.frames_decoded > 20
    assert [e.source for e in events] == [ScanSource.CAMERA, ScanSource.CAMERA]
    first, second = events
    assert first.accepted and first.token.member_id == token.split(":")[-2]
    assert not second.accepted and second.error.reason is ECardFailure.REPLAYED


def test_an_expired_card_shown_to_the_camera_is_refused_with_the_reason(token):
    shown, _ = synthetic.render("glare", [token], np.random.default_rng(23))
    scans: queue.SimpleQueue[ScanEvent] = queue.SimpleQueue()
    reader = CardReader(
        synthetic.sample_public_keys,
        clock=lambda: synthetic.SAMPLE_ISSUED_AT + timedelta(minutes=10),
        on_scan=scans.put,
    )
    camera = CameraWorker(GeneratedCamera(lambda n: shown, fps=30))
    with camera, ScanWorker(camera, reader):
        event = scans.get(timeout=10)
    assert event.error.reason is ECardFailure.EXPIRED
    assert scans.empty(), "a code still in view is one scan, not one per frame"


def test_frames_the_decoder_refuses_are_skipped_not_fatal(token):
    shown, _ = synthetic.render("nominal", [token], np.random.default_rng(24))
    broken = np.zeros((720, 1280), np.float32)

    def flaky(n: int) -> np.ndarray:
        return broken if n < 10 else shown

    scans: queue.SimpleQueue[ScanEvent] = queue.SimpleQueue()
    reader = CardReader(
        synthetic.sample_public_keys, clock=lambda: synthetic.SAMPLE_ISSUED_AT, on_scan=scans.put
    )
    camera = CameraWorker(GeneratedCamera(flaky, fps=50))
    with camera, ScanWorker(camera, reader) as scanner:
        event = scans.get(timeout=10)
    assert event.accepted
    assert scanner.frames_refused >= 1


def test_the_scan_worker_reads_with_the_decoder_it_is_given(token):
    """The video benchmark runs each library alone through the desk's own worker."""
    empty, _ = synthetic.render(synthetic.NO_CODE, [], np.random.default_rng(25))
    scans: queue.SimpleQueue[ScanEvent] = queue.SimpleQueue()
    reader = CardReader(
        synthetic.sample_public_keys, clock=lambda: synthetic.SAMPLE_ISSUED_AT, on_scan=scans.put
    )
    camera = CameraWorker(GeneratedCamera(lambda n: empty, fps=30))
    with camera, ScanWorker(camera, reader, decoder=lambda image: [token]):
        event = scans.get(timeout=10)
    assert event.accepted and event.text == token


def test_a_card_whose_check_failed_may_be_shown_again_at_once(token):
    reader = CardReader(
        synthetic.sample_public_keys,
        clock=lambda: synthetic.SAMPLE_ISSUED_AT,
        replay_guard=ReplayGuard(),
    )
    first = reader.submit(token, ScanSource.CAMERA)
    assert reader.submit(token, ScanSource.CAMERA).error.reason is ECardFailure.REPLAYED

    reader.allow_again(first.token)

    again = reader.submit(token, ScanSource.CAMERA)
    assert again.accepted
    assert reader.submit(token, ScanSource.CAMERA).error.reason is ECardFailure.REPLAYED
