"""The family's handwritten signature as data: vector strokes, checks, evidence, and ink maths.

The strokes are the truth; any image is a rendering. A point is (x, y) in the pad's logical pixels
at capture, the time in milliseconds since the first point, and the pen pressure in 0..1 when the
device reports one (None for a mouse or most touchscreens). Positions are kept to 1/100 px and
pressure to 1/1000, so the serialised form round-trips exactly and its hash is stable.

Validation rejects what is not a signature. The thresholds are relative to the pad, because the
pad is sized to the screen; they were chosen so that a tap, a dot, a short tick or a straight line
fails while a two-character Chinese name or a quick Latin scrawl passes:

- at least `MIN_POINTS` (10) points: a tap gives 1–3 points and, with points closer than 5 px
  dropped, a quick 3 cm tick gives about 6–8; any real signature gives dozens;
- a total path at least `MIN_PATH_OF_HEIGHT` (1.0) times the pad height: one stroke across a
  third of a 3:1 pad, or a few short marks, are not enough; writing a name travels several times
  the pad height;
- a bounding box at least `MIN_BOX_OF_WIDTH` (0.1) of the pad width wide and `MIN_BOX_OF_HEIGHT`
  (0.1) of its height tall: a straight line or a scribble in a corner is refused, a signature
  written small in a wide pad still passes.

Ink: width follows speed as in signature_pad (`v = 0.7·v_new + 0.3·v_last`,
`width = max(max_w/(v+1), min_w)`, v in px/ms), averaged with the pen's own pressure when the device
reports it; curves go through the points as Catmull-Rom splines expressed as cubic Béziers.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kiosk.insurer.models import SignatureEvidence

FORMAT_VERSION = 1
MIN_POINTS = 10
MIN_PATH_OF_HEIGHT = 1.0
MIN_BOX_OF_WIDTH = 0.1
MIN_BOX_OF_HEIGHT = 0.1
MIN_DISTANCE_PX = 5.0
"""Points closer than this to the last kept point add noise, not shape: they are dropped."""

VELOCITY_FILTER_WEIGHT = 0.7


class SignatureProblem(StrEnum):
    """Why strokes are not accepted as a signature (the screen says which, in words)."""

    EMPTY = "empty"
    TOO_FEW_POINTS = "too-few-points"
    TOO_SHORT = "too-short"
    TOO_SMALL = "too-small"


class SignatureFormatError(ValueError):
    """Bytes that are not a serialised signature of this format."""


@dataclass(frozen=True, slots=True)
class Point:
    """One sample of the pen: position in pad pixels, ms since the first point, pressure or None."""

    x: float
    y: float
    t_ms: int
    pressure: float | None = None

    def __post_init__(self) -> None:
        if not (math.isfinite(self.x) and math.isfinite(self.y)):
            raise ValueError("a point's position must be finite")
        if isinstance(self.t_ms, bool) or not isinstance(self.t_ms, int) or self.t_ms < 0:
            raise ValueError("t_ms must be a non-negative integer")
        object.__setattr__(self, "x", round(self.x * 100) / 100)
        object.__setattr__(self, "y", round(self.y * 100) / 100)
        if self.pressure is not None:
            if not 0.0 <= self.pressure <= 1.0:
                raise ValueError("pressure must be within 0..1")
            object.__setattr__(self, "pressure", round(self.pressure * 1000) / 1000)

    def distance_to(self, other: Point) -> float:
        return math.hypot(other.x - self.x, other.y - self.y)


Stroke = tuple[Point, ...]


@dataclass(frozen=True)
class Signature:
    """Strokes captured on a pad of the given logical size; immutable, hashable evidence."""

    strokes: tuple[Stroke, ...]
    pad_width: float
    pad_height: float

    def __post_init__(self) -> None:
        if not (self.pad_width > 0 and self.pad_height > 0):
            raise ValueError("the pad has a positive size")
        object.__setattr__(self, "strokes", tuple(tuple(s) for s in self.strokes if s))
        last = 0
        for stroke in self.strokes:
            for point in stroke:
                if point.t_ms < last:
                    raise ValueError("point times must not go backwards")
                last = point.t_ms

    @property
    def point_count(self) -> int:
        return sum(len(stroke) for stroke in self.strokes)

    @property
    def path_length(self) -> float:
        """Total distance the pen travelled while touching, in pad pixels."""
        pairs = (pair for stroke in self.strokes for pair in itertools.pairwise(stroke))
        return sum(a.distance_to(b) for a, b in pairs)

    @property
    def bounds(self) -> tuple[float, float, float, float] | None:
        """(left, top, right, bottom) of all points, or None when there are none."""
        points = [p for stroke in self.strokes for p in stroke]
        if not points:
            return None
        xs = [p.x for p in points]
        ys = [p.y for p in points]
        return min(xs), min(ys), max(xs), max(ys)

    @property
    def problems(self) -> tuple[SignatureProblem, ...]:
        """Every reason this is not an acceptable signature; empty when it is one."""
        bounds = self.bounds
        if bounds is None:
            return (SignatureProblem.EMPTY,)
        found = []
        if self.point_count < MIN_POINTS:
            found.append(SignatureProblem.TOO_FEW_POINTS)
        if self.path_length < MIN_PATH_OF_HEIGHT * self.pad_height:
            found.append(SignatureProblem.TOO_SHORT)
        left, top, right, bottom = bounds
        if (
            right - left < MIN_BOX_OF_WIDTH * self.pad_width
            or bottom - top < MIN_BOX_OF_HEIGHT * self.pad_height
        ):
            found.append(SignatureProblem.TOO_SMALL)
        return tuple(found)

    @property
    def is_valid(self) -> bool:
        return not self.problems

    def to_bytes(self) -> bytes:
        """Compact canonical JSON for the journal: positions in 1/100 px, pressure in 1/1000.

        `{"v":1,"w":…,"h":…,"s":[[[x,y,t] or [x,y,t,p], …], …]}` with integers only.
        """
        strokes = [[_encode_point(p) for p in stroke] for stroke in self.strokes]
        document = {
            "v": FORMAT_VERSION,
            "w": round(self.pad_width * 100),
            "h": round(self.pad_height * 100),
            "s": strokes,
        }
        return json.dumps(document, separators=(",", ":"), sort_keys=True).encode("ascii")

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        """Read what `to_bytes` wrote; anything else raises `SignatureFormatError`."""
        try:
            document = json.loads(data)
            if document["v"] != FORMAT_VERSION:
                raise SignatureFormatError(f"unknown signature format {document['v']!r}")
            strokes = tuple(tuple(_decode_point(raw) for raw in stroke) for stroke in document["s"])
            return cls(strokes, _centi(document["w"]), _centi(document["h"]))
        except SignatureFormatError:
            raise
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise SignatureFormatError(f"not a serialised signature: {exc}") from exc

    @property
    def strokes_sha256(self) -> str:
        """SHA-256 hex of exactly the bytes `to_bytes` gives, i.e. of what the journal stores."""
        return hashlib.sha256(self.to_bytes()).hexdigest()

    def evidence(self, bill_hash: str, signed_at: datetime) -> SignatureEvidence:
        """Bind this signature to the shown bill; refuses strokes that are not a signature."""
        if not self.is_valid:
            raise ValueError(f"not a signature: {', '.join(self.problems)}")
        return SignatureEvidence(
            bill_hash=bill_hash,
            strokes_sha256=self.strokes_sha256,
            point_count=self.point_count,
            signed_at=signed_at,
        )


def _centi(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SignatureFormatError("coordinates are integers of 1/100 px")
    return value / 100


def _encode_point(p: Point) -> list[int]:
    raw = [round(p.x * 100), round(p.y * 100), p.t_ms]
    if p.pressure is not None:
        raw.append(round(p.pressure * 1000))
    return raw


def _decode_point(raw: list[object]) -> Point:
    if len(raw) not in (3, 4):
        raise SignatureFormatError("a point is [x, y, t] or [x, y, t, pressure]")
    x, y, t = _centi(raw[0]), _centi(raw[1]), raw[2]
    if not isinstance(t, int) or isinstance(t, bool):
        raise SignatureFormatError("a point's time is an integer of ms")
    pressure = None
    if len(raw) == 4:
        milli = raw[3]
        if not isinstance(milli, int) or isinstance(milli, bool):
            raise SignatureFormatError("pressure is an integer of 1/1000")
        pressure = milli / 1000
    return Point(x, y, t, pressure)


class SignatureCapture:
    """The mutable state behind a signature pad: strokes in progress, undo and clear.

    Times are taken from the input events and made relative to the first point; a clock that
    steps back (two devices, two clocks) is held at the last time so the data stays ordered.
    """

    def __init__(
        self, pad_width: float, pad_height: float, *, min_distance: float = MIN_DISTANCE_PX
    ) -> None:
        self.pad_width = pad_width
        self.pad_height = pad_height
        self.min_distance = min_distance
        self._strokes: list[list[Point]] = []
        self._drawing = False
        self._origin_ms: int | None = None
        self._last_ms = 0

    @property
    def strokes(self) -> tuple[Stroke, ...]:
        return tuple(tuple(s) for s in self._strokes)

    @property
    def drawing(self) -> bool:
        """True between pen down and pen up."""
        return self._drawing

    @property
    def is_empty(self) -> bool:
        return not self._strokes

    def _point(self, x: float, y: float, timestamp_ms: int, pressure: float | None) -> Point:
        if self._origin_ms is None:
            self._origin_ms = timestamp_ms
        t = max(timestamp_ms - self._origin_ms, self._last_ms)
        self._last_ms = t
        if pressure is not None:
            pressure = min(max(pressure, 0.0), 1.0)
        return Point(x, y, t, pressure)

    def begin(self, x: float, y: float, timestamp_ms: int, pressure: float | None = None) -> Point:
        """Pen down: a new stroke starting at this point."""
        point = self._point(x, y, timestamp_ms, pressure)
        self._strokes.append([point])
        self._drawing = True
        return point

    def extend(
        self, x: float, y: float, timestamp_ms: int, pressure: float | None = None
    ) -> Point | None:
        """Pen moved: the kept point, or None when too close to the last one (or pen is up)."""
        if not self._drawing:
            return None
        last = self._strokes[-1][-1]
        if math.hypot(x - last.x, y - last.y) < self.min_distance:
            return None
        point = self._point(x, y, timestamp_ms, pressure)
        self._strokes[-1].append(point)
        return point

    def end(
        self, x: float, y: float, timestamp_ms: int, pressure: float | None = None
    ) -> Point | None:
        """Pen up: the stroke is finished, with this last point if it adds to the shape."""
        point = self.extend(x, y, timestamp_ms, pressure)
        self._drawing = False
        return point

    def undo(self) -> bool:
        """Remove the last stroke; False when there is none."""
        if not self._strokes:
            return False
        self._strokes.pop()
        self._drawing = False
        if not self._strokes:
            self._origin_ms = None
            self._last_ms = 0
        return True

    def clear(self) -> None:
        self._strokes.clear()
        self._drawing = False
        self._origin_ms = None
        self._last_ms = 0

    def signature(self) -> Signature:
        return Signature(self.strokes, self.pad_width, self.pad_height)


@dataclass(frozen=True, slots=True)
class InkSegment:
    """A cubic Bézier piece of a stroke with the ink width at each end."""

    start: tuple[float, float]
    control1: tuple[float, float]
    control2: tuple[float, float]
    end: tuple[float, float]
    start_width: float
    end_width: float

    def samples(self, step: float) -> list[tuple[float, float, float]]:
        """(x, y, width) along the curve about every `step` px, both ends included."""
        chord = math.dist(self.start, self.control1) + math.dist(self.control1, self.control2)
        chord += math.dist(self.control2, self.end)
        count = max(1, math.ceil(chord / step))
        out = []
        for i in range(count + 1):
            t = i / count
            u = 1 - t
            a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
            x = a * self.start[0] + b * self.control1[0] + c * self.control2[0] + d * self.end[0]
            y = a * self.start[1] + b * self.control1[1] + c * self.control2[1] + d * self.end[1]
            out.append((x, y, self.start_width + (self.end_width - self.start_width) * t))
        return out


class InkStroke:
    """The ink of a stroke as it grows: each point's width is computed once, when it arrives.

    Point i's width depends only on points 0..i, so a pad drawing while the pen moves gets the
    same ink as a full redraw, at a constant cost per point.
    """

    def __init__(self, min_width: float, max_width: float) -> None:
        self.min_width = min_width
        self.max_width = max_width
        self.points: list[Point] = []
        self.widths: list[float] = []
        self._velocity = 0.0

    def add(self, point: Point) -> None:
        if not self.points:
            speed_width = (self.min_width + self.max_width) / 2
        else:
            previous = self.points[-1]
            dt = max(point.t_ms - previous.t_ms, 1)
            new = previous.distance_to(point) / dt
            self._velocity = (
                VELOCITY_FILTER_WEIGHT * new + (1 - VELOCITY_FILTER_WEIGHT) * self._velocity
            )
            speed_width = max(self.max_width / (self._velocity + 1), self.min_width)
        if point.pressure is None:
            width = speed_width
        else:
            pressure_width = self.min_width + (self.max_width - self.min_width) * point.pressure
            width = (speed_width + pressure_width) / 2
        self.points.append(point)
        self.widths.append(width)

    @property
    def segment_count(self) -> int:
        return max(len(self.points) - 1, 0)

    def segment(self, index: int) -> InkSegment:
        """The piece from point `index` to `index + 1` as the stroke stands now."""
        return ink_segment(self.points, self.widths, index)


def ink_widths(stroke: Sequence[Point], min_width: float, max_width: float) -> list[float]:
    """The ink width at each point: thinner when fast, blended with real pressure when known."""
    ink = InkStroke(min_width, max_width)
    for point in stroke:
        ink.add(point)
    return ink.widths


def ink_segment(points: Sequence[Point], widths: Sequence[float], index: int) -> InkSegment:
    """The Catmull-Rom piece from point `index` to `index + 1`, end points doubled at the ends."""
    p0 = points[max(index - 1, 0)]
    p1 = points[index]
    p2 = points[index + 1]
    p3 = points[min(index + 2, len(points) - 1)]
    return InkSegment(
        start=(p1.x, p1.y),
        control1=(p1.x + (p2.x - p0.x) / 6, p1.y + (p2.y - p0.y) / 6),
        control2=(p2.x - (p3.x - p1.x) / 6, p2.y - (p3.y - p1.y) / 6),
        end=(p2.x, p2.y),
        start_width=widths[index],
        end_width=widths[index + 1],
    )


def ink_segments(stroke: Sequence[Point], min_width: float, max_width: float) -> list[InkSegment]:
    """The whole stroke as Bézier pieces; a single point (a dot) has none."""
    widths = ink_widths(stroke, min_width, max_width)
    return [ink_segment(stroke, widths, i) for i in range(len(stroke) - 1)]
