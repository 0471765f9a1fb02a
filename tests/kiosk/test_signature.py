"""The signature as data: what counts as a signature, its evidence, capture and ink."""

import hashlib
import itertools
import math
from datetime import UTC, datetime

import pytest

from kiosk.insurer.models import SignatureEvidence
from kiosk.signature import (
    Point,
    Signature,
    SignatureCapture,
    SignatureFormatError,
    SignatureProblem,
    ink_segments,
    ink_widths,
)

PAD_W, PAD_H = 900.0, 300.0
BILL_HASH = "ab" * 32


def written_name() -> tuple[tuple[Point, ...], ...]:
    """Two looping strokes across the middle of the pad, sampled at 125 Hz like a touchscreen."""
    strokes = []
    t = 0
    for left, loops in ((150.0, 4), (520.0, 3)):
        points = []
        for i in range(60):
            u = i / 59
            x = left + 280 * u + 30 * math.sin(u * loops * 2 * math.pi)
            y = 150 + 50 * math.cos(u * loops * 2 * math.pi)
            points.append(Point(x, y, t, None))
            t += 8
        strokes.append(tuple(points))
        t += 300
    return tuple(strokes)


def line(x0, y0, x1, y1, n, *, t0=0, dt=8):
    return tuple(
        Point(x0 + (x1 - x0) * i / (n - 1), y0 + (y1 - y0) * i / (n - 1), t0 + i * dt)
        for i in range(n)
    )


def test_a_written_name_is_a_signature():
    signature = Signature(written_name(), PAD_W, PAD_H)
    assert signature.problems == ()
    assert signature.is_valid
    assert signature.point_count == 120


@pytest.mark.parametrize(
    ("strokes", "problems"),
    [
        ((), {SignatureProblem.EMPTY}),
        (((Point(400, 150, 0),),), {"too-few-points", "too-short", "too-small"}),
        ((line(400, 150, 404, 152, 3),), {"too-few-points", "too-short", "too-small"}),
        # a tight scribble in a corner: plenty of points, but tiny
        (
            (tuple(Point(20 + 10 * (i % 2), 20 + (i % 5), i * 8) for i in range(60)),),
            {"too-small"},
        ),
        # a fast straight line across the pad: long, but no height
        ((line(100, 150, 800, 152, 40),), {"too-small"}),
        # a short tick
        ((line(400, 200, 520, 100, 12),), {"too-short"}),
    ],
    ids=["empty", "dot", "tap", "corner-scribble", "straight-line", "tick"],
)
def test_what_is_not_a_signature_is_refused(strokes, problems):
    signature = Signature(strokes, PAD_W, PAD_H)
    assert set(signature.problems) == problems
    with pytest.raises(ValueError, match="not a signature"):
        signature.evidence(BILL_HASH, datetime.now(UTC))


def test_thresholds_follow_the_pad_size():
    small = tuple(
        tuple(Point(p.x / 3, p.y / 3, p.t_ms) for p in stroke) for stroke in written_name()
    )
    assert Signature(small, PAD_W / 3, PAD_H / 3).is_valid
    assert SignatureProblem.TOO_SMALL in Signature(small, PAD_W * 2, PAD_H * 2).problems


def test_serialised_form_round_trips_exactly_and_is_what_is_hashed():
    strokes = (*written_name(), (Point(1.005, 2.0049, 9000, 0.3333), Point(3, 4, 9010, 1.0)))
    signature = Signature(strokes, PAD_W, PAD_H)
    data = signature.to_bytes()
    again = Signature.from_bytes(data)
    assert again == signature
    assert again.to_bytes() == data
    assert signature.strokes_sha256 == hashlib.sha256(data).hexdigest()
    assert again.strokes[-1][0].pressure == 0.333
    assert b" " not in data, "compact"


def test_any_change_to_the_strokes_changes_their_hash():
    base = Signature(written_name(), PAD_W, PAD_H)
    first, second = written_name()
    moved = ((*first[:10], Point(first[10].x + 0.01, first[10].y, first[10].t_ms), *first[11:]),)
    for strokes in ((*moved, second), (first,), (first, second[:-1])):
        assert Signature(strokes, PAD_W, PAD_H).strokes_sha256 != base.strokes_sha256


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not json",
        b'{"v":2,"w":1,"h":1,"s":[]}',
        b'{"v":1,"w":1.5,"h":1,"s":[]}',
        b'{"v":1,"w":100,"h":100,"s":[[[1,2]]]}',
        b'{"v":1,"w":100,"h":100,"s":[[[1,2,-5]]]}',
        b'{"v":1,"w":100,"h":100,"s":[[[1,2,5],[1,2,3]]]}',
    ],
)
def test_unreadable_journal_bytes_are_named(data):
    with pytest.raises(SignatureFormatError):
        Signature.from_bytes(data)


def test_evidence_binds_the_strokes_to_the_bill():
    signature = Signature(written_name(), PAD_W, PAD_H)
    signed_at = datetime(2026, 11, 25, 2, 41, tzinfo=UTC)
    evidence = signature.evidence(BILL_HASH, signed_at)
    assert isinstance(evidence, SignatureEvidence)
    assert evidence == SignatureEvidence(
        bill_hash=BILL_HASH,
        strokes_sha256=signature.strokes_sha256,
        point_count=120,
        signed_at=signed_at,
    )


# --- capture


def test_capture_drops_points_closer_than_five_pixels_and_keeps_event_time():
    capture = SignatureCapture(PAD_W, PAD_H)
    capture.begin(100, 100, 50_000)
    assert capture.extend(103, 103, 50_008) is None  # 4.2 px away: noise
    assert capture.extend(104, 104, 50_016) is not None  # 5.7 px
    capture.end(104.5, 104, 50_024)  # too close: the stroke ends at the last kept point
    (stroke,) = capture.strokes
    assert [(p.x, p.y, p.t_ms) for p in stroke] == [(100, 100, 0), (104, 104, 16)]
    assert not capture.drawing
    assert capture.extend(200, 200, 50_100) is None, "the pen is up"


def test_capture_keeps_time_ordered_when_the_clock_steps_back():
    capture = SignatureCapture(PAD_W, PAD_H)
    capture.begin(100, 100, 1_000)
    capture.extend(120, 100, 1_040)
    capture.end(140, 100, 900)
    capture.begin(300, 100, 950)
    times = [p.t_ms for stroke in capture.strokes for p in stroke]
    assert times == [0, 40, 40, 40]
    capture.signature()  # constructs: times never go backwards


def test_undo_and_clear():
    capture = SignatureCapture(PAD_W, PAD_H)
    for x in (100, 300):
        capture.begin(x, 100, x)
        capture.end(x + 50, 150, x + 30)
    assert capture.undo()
    assert [s[0].x for s in capture.strokes] == [100]
    capture.clear()
    assert capture.is_empty
    assert not capture.undo()
    capture.begin(10, 10, 77_000)
    assert capture.strokes[0][0].t_ms == 0, "a new signature starts its own clock"


# --- ink


def test_ink_is_thinner_when_fast_and_thicker_when_pressed():
    slow = line(0, 0, 100, 0, 11, dt=40)  # 0.25 px/ms
    fast = line(0, 0, 100, 0, 11, dt=2)  # 5 px/ms
    assert ink_widths(slow, 1.0, 5.0)[-1] > 3.5
    assert ink_widths(fast, 1.0, 5.0)[-1] == 1.0
    light = tuple(Point(p.x, p.y, p.t_ms, 0.1) for p in slow)
    firm = tuple(Point(p.x, p.y, p.t_ms, 0.9) for p in slow)
    assert ink_widths(firm, 1.0, 5.0)[-1] > ink_widths(light, 1.0, 5.0)[-1]


def test_ink_width_of_a_point_depends_only_on_the_points_before_it():
    stroke = written_name()[0]
    full = ink_widths(stroke, 1.0, 5.0)
    assert ink_widths(stroke[:30], 1.0, 5.0) == full[:30]


def test_ink_curves_pass_through_every_point_and_bend_smoothly():
    stroke = written_name()[0]
    segments = ink_segments(stroke, 1.0, 5.0)
    assert len(segments) == len(stroke) - 1
    for point, segment in zip(stroke, segments, strict=False):
        assert segment.start == (point.x, point.y)
    for a, b in itertools.pairwise(segments):
        assert a.end == b.start
        incoming = (a.end[0] - a.control2[0], a.end[1] - a.control2[1])
        outgoing = (b.control1[0] - b.start[0], b.control1[1] - b.start[1])
        assert math.isclose(incoming[0], outgoing[0], abs_tol=1e-9), "tangents match (C1)"
        assert math.isclose(incoming[1], outgoing[1], abs_tol=1e-9)
    samples = segments[0].samples(1.0)
    assert samples[0][:2] == segments[0].start
    assert samples[-1][:2] == pytest.approx(segments[0].end)
