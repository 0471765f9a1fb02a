"""Seeded webcam clips of a phone held up to the desk camera, for the video benchmark.

    .venv/bin/python bench/qr_clips.py --out out/qr_clips [--seed 0] [--clips 2] [--conditions ...]

writes each clip as an MJPEG .avi to look at, and prints its ground truth.

A clip is 2-2.5 s at 30 fps, 1280x720, of a phone screen showing a real e-card token that the
member app replaces once at a random moment (token B issued 30 s after token A; both are valid
at `READ_AT`). Each frame goes through the webcam pipeline of `kiosk.scan.synthetic` (lens,
sensor noise, MJPEG) and is kept as the JPEG bytes a webcam sends. Motion blur follows the code's
centre during the exposure (half a frame; a whole one in low light). Conditions:

- walk_in: the phone slides in from a frame edge, decelerating to rest;
- hand_shake: held in view with a 4-10 Hz tremor of a few px and a small roll;
- tilt: pitch/yaw easing from ~60 degrees to ~10;
- exposure_ramp: auto-exposure converging over 0.5-1 s from blown out (with bloom) or dark;
- banding_moire: rolling-shutter bands rolling over the screen, with the sub-pixel moire;
- glare: a ceiling light's reflection sweeping from the code's middle off it;
- thumb: a thumb over one finder pattern, sliding off;
- far_to_near: the code approaching from ~1.5 px per module to ~5;
- dark_mode: light modules on a dark screen, gentle hand motion;
- low_light: a dim scene, high gain and noise, a slower shutter.

Outside walk_in the phone is in view from the start and the app shows a blank placeholder until
the code appears (0.1-0.7 s). Ground truth per frame: `text`, the token shown (None while no part
of the code is in the frame or the code is not shown yet), and `in_view`: the code is shown, its
four corners are inside the frame, its shortest side spans at least 2 px per module, and no
finder pattern has a module centre under the thumb.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

import cv2
import numpy as np

from kiosk.scan import synthetic

FPS = 30.0
CONDITIONS: tuple[str, ...] = (
    "walk_in",
    "hand_shake",
    "tilt",
    "exposure_ramp",
    "banding_moire",
    "glare",
    "thumb",
    "far_to_near",
    "dark_mode",
    "low_light",
)
TOKEN_A_AT = synthetic.SAMPLE_ISSUED_AT
TOKEN_B_AT = TOKEN_A_AT + timedelta(seconds=30)
READ_AT = TOKEN_A_AT + timedelta(seconds=45)
"""A clock at which both tokens of a clip verify (each is valid for 90 s)."""
MIN_MODULE_PX = 2.0

_SHUTTER = 0.5 / FPS  # an indoor webcam's exposure at clinic lighting
_SIZE = (180.0, 280.0)  # code side in px: 4-6 px per module for the 45 modules of a token


@dataclass(frozen=True)
class ClipFrame:
    """One frame as the webcam sends it, and what it shows."""

    jpeg: bytes
    text: str | None
    in_view: bool


@dataclass(frozen=True)
class Clip:
    """Clip `index` of a condition: the two tokens it shows, in order, and its frames."""

    condition: str
    index: int
    tokens: tuple[str, str]
    frames: tuple[ClipFrame, ...]

    @property
    def first_in_view(self) -> int | None:
        """The frame from which the family's wait counts."""
        return next((i for i, f in enumerate(self.frames) if f.in_view), None)


def _ease(t: float, start: float, duration: float) -> float:
    """Smoothstep progress (0-1) of a movement that starts at `start` and takes `duration` s."""
    u = min(max((t - start) / duration, 0.0), 1.0)
    return u * u * (3 - 2 * u)


@dataclass(frozen=True)
class _Sway:
    """Hand motion: two sinusoids per axis (px in x and y, degrees of roll)."""

    amplitude: np.ndarray  # (2, 3)
    hz: np.ndarray  # (2,)
    phase: np.ndarray  # (2, 3)

    def at(self, t: float) -> np.ndarray:
        waves = np.sin(2 * math.pi * self.hz[:, None] * t + self.phase)
        return np.asarray((self.amplitude * waves).sum(axis=0))


def _sway(rng: np.random.Generator, px: float, roll: float, hz: tuple[float, float]) -> _Sway:
    """Motion at `hz` (range) of up to about `px` in x and y and `roll` degrees."""
    amplitude = rng.uniform(0.3, 0.6, (2, 3)) * np.array([px, px, roll])
    return _Sway(amplitude, rng.uniform(*hz, 2), rng.uniform(0, 2 * math.pi, (2, 3)))


def _swayed(pose: synthetic.Pose, sway: _Sway, t: float) -> synthetic.Pose:
    dx, dy, roll = sway.at(t)
    x, y = pose.centre
    return replace(pose, centre=(x + dx, y + dy), roll=pose.roll + roll)


@dataclass(frozen=True)
class _Glare:
    """A reflection moving in code units (0-1 across the code) from `start` to `end`."""

    start: np.ndarray
    end: np.ndarray
    at: float
    duration: float
    sigma: tuple[float, float]  # fraction of the code's side
    strength: float

    def centre(self, t: float) -> np.ndarray:
        return np.asarray(self.start + (self.end - self.start) * _ease(t, self.at, self.duration))


@dataclass(frozen=True)
class _Thumb:
    """A thumb reaching in along `direction` (code units) with its tip on a finder pattern,
    pulled back out from `at` for `duration` s."""

    finder: np.ndarray  # its centre, in modules
    direction: np.ndarray
    covering: float  # modules from the finder's centre towards the code's centre at first
    clear: float  # modules from it outwards at the end
    at: float
    duration: float
    axes: tuple[float, float]  # fraction of the code's side
    skin: np.ndarray

    def tip(self, t: float) -> np.ndarray:
        reach = -self.covering + (self.covering + self.clear) * _ease(t, self.at, self.duration)
        return np.asarray(self.finder + self.direction * reach)


@dataclass(frozen=True)
class _Script:
    """How one clip unfolds: the pose at each moment, and the light and hands around it."""

    pose: Callable[[float], synthetic.Pose]
    appear: float  # when the app shows the code, s (a blank placeholder before)
    look: synthetic.Look = field(default_factory=synthetic.Look)
    shutter: float = _SHUTTER
    noise: float = 3.0
    gain: Callable[[float], float] | None = None
    band_hz: float = 0.0
    glare: _Glare | None = None
    thumb: _Thumb | None = None
    low_light: tuple[float, float] | None = None  # scene brightness and sensor gain


def _gentle(rng: np.random.Generator) -> _Sway:
    return _sway(rng, float(rng.uniform(1.0, 3.0)), 0.5, (1.0, 3.0))


def _walk_in(rng: np.random.Generator) -> _Script:
    rest = synthetic.random_pose(rng, _SIZE)
    x, y = rest.centre
    w, h = synthetic.FRAME_SIZE
    beyond = rest.qr_px  # the whole code is outside the frame
    start = [(-beyond, y), (w + beyond, y), (x, -beyond), (x, h + beyond)][rng.integers(0, 4)]
    at = float(rng.uniform(0.0, 0.4))
    duration = float(rng.uniform(0.7, 1.2))
    turn = float(rng.uniform(-15, 15))
    sway = _gentle(rng)

    def pose(t: float) -> synthetic.Pose:
        u = min(max((t - at) / duration, 0.0), 1.0)
        k = 1 - (1 - u) ** 2  # fastest as it enters (0.1-0.7 m/s), slowing to rest
        centre = (start[0] + (x - start[0]) * k, start[1] + (y - start[1]) * k)
        moving = replace(rest, centre=centre, roll=rest.roll + turn * (1 - k))
        return _swayed(moving, sway, t)

    return _Script(pose, appear=0.0)


def _appear(rng: np.random.Generator) -> float:
    return float(rng.uniform(0.1, 0.7))


def _hand_shake(rng: np.random.Generator) -> _Script:
    base = synthetic.random_pose(rng, _SIZE)
    shake = _sway(rng, float(rng.uniform(2.0, 5.0)), float(rng.uniform(0.5, 1.5)), (4.0, 10.0))
    return _Script(lambda t: _swayed(base, shake, t), _appear(rng))


def _tilt(rng: np.random.Generator) -> _Script:
    base = synthetic.random_pose(rng, _SIZE)
    appear = _appear(rng)
    steep, flat = float(rng.uniform(55, 62)), float(rng.uniform(6, 12))
    direction = float(rng.uniform(0, 2 * math.pi))
    at, duration = appear + float(rng.uniform(0.0, 0.2)), float(rng.uniform(0.8, 1.4))
    sway = _gentle(rng)

    def pose(t: float) -> synthetic.Pose:
        tilt = steep + (flat - steep) * _ease(t, at, duration)
        tilted = replace(base, pitch=tilt * math.cos(direction), yaw=tilt * math.sin(direction))
        return _swayed(tilted, sway, t)

    return _Script(pose, appear)


def _exposure_ramp(rng: np.random.Generator) -> _Script:
    base = synthetic.random_pose(rng, _SIZE)
    appear = _appear(rng)
    start = float(rng.uniform(3.0, 6.0) if rng.random() < 0.5 else rng.uniform(0.15, 0.3))
    settle = float(rng.uniform(0.5, 1.0))  # to within 5% of the exposure step
    sway = _gentle(rng)

    def gain(t: float) -> float:
        return start ** math.exp(-3 * max(t - appear, 0.0) / settle)

    return _Script(lambda t: _swayed(base, sway, t), appear, gain=gain)


def _banding_moire(rng: np.random.Generator) -> _Script:
    base = synthetic.random_pose(rng, (200.0, 260.0))
    look = synthetic.Look(
        moire=True,
        banding=float(rng.uniform(0.15, 0.35)),
        band_period=float(rng.uniform(40, 120)),
        band_phase=float(rng.uniform(0, 2 * math.pi)),
    )
    sway = _gentle(rng)
    band_hz = float(rng.uniform(2.0, 8.0))
    return _Script(lambda t: _swayed(base, sway, t), _appear(rng), look=look, band_hz=band_hz)


def _glare(rng: np.random.Generator) -> _Script:
    base = synthetic.random_pose(rng, _SIZE)
    appear = _appear(rng)
    angle = rng.uniform(0, 2 * math.pi)
    direction = np.array([math.cos(angle), math.sin(angle)])
    start = 0.5 - direction * rng.uniform(0.0, 0.3)
    aspect = float(rng.uniform(0.5, 1.0))
    width = float(rng.uniform(0.18, 0.28))
    glare = _Glare(
        start=start,
        end=0.5 + direction * 1.3,
        at=appear + float(rng.uniform(0.0, 0.3)),
        duration=float(rng.uniform(0.8, 1.5)),
        sigma=(width, width * aspect),
        strength=float(rng.uniform(220, 300)),
    )
    sway = _gentle(rng)
    return _Script(lambda t: _swayed(base, sway, t), appear, glare=glare)


_FINDERS = ((0, 0), (1, 0), (0, 1))  # top left, top right, bottom left, as fractions of the code


def _thumb(rng: np.random.Generator, modules: int) -> _Script:
    base = synthetic.random_pose(rng, _SIZE)
    appear = float(rng.uniform(0.1, 0.5))
    fx, fy = _FINDERS[int(rng.integers(0, 3))]
    finder = np.array([3.5 + fx * (modules - 7), 3.5 + fy * (modules - 7)])
    # From the corner's diagonal to straight over the phone's nearer long edge.
    across = np.array([-1.0 if fx == 0 else 1.0, 0.0])
    diagonal = across + np.array([0.0, -1.0 if fy == 0 else 1.0])
    direction = across + (diagonal - across) * rng.uniform(0.0, 1.0)
    thumb = _Thumb(
        finder=finder,
        direction=direction / np.linalg.norm(direction),
        covering=float(rng.uniform(2.0, 5.0)),
        clear=12.0,
        at=appear + float(rng.uniform(0.15, 0.45)),
        duration=float(rng.uniform(0.25, 0.4)),
        axes=(float(rng.uniform(0.55, 0.7)), float(rng.uniform(0.17, 0.22))),
        skin=np.array([120, 150, 205], np.float32) * float(rng.uniform(0.75, 1.05)),
    )
    sway = _gentle(rng)
    return _Script(lambda t: _swayed(base, sway, t), appear, thumb=thumb)


def _far_to_near(rng: np.random.Generator, modules: int) -> _Script:
    near = synthetic.random_pose(rng, (modules * 4.6, modules * 5.4))
    far_px = modules * 1.5
    appear = float(rng.uniform(0.1, 0.4))
    at, duration = appear + float(rng.uniform(0.0, 0.15)), float(rng.uniform(0.8, 1.2))
    sway = _gentle(rng)

    def pose(t: float) -> synthetic.Pose:
        # The distance closes at an even pace; the size grows as its inverse.
        distance = 1 / far_px + (1 / near.qr_px - 1 / far_px) * _ease(t, at, duration)
        return _swayed(replace(near, qr_px=1 / distance), sway, t)

    return _Script(pose, appear)


def _dark_mode(rng: np.random.Generator) -> _Script:
    base = synthetic.random_pose(rng, _SIZE)
    sway = _sway(rng, float(rng.uniform(1.5, 4.0)), 0.8, (1.0, 4.0))
    return _Script(
        lambda t: _swayed(base, sway, t), _appear(rng), look=synthetic.Look(inverted=True)
    )


def _low_light(rng: np.random.Generator) -> _Script:
    base = synthetic.random_pose(rng, _SIZE)
    sway = _sway(rng, float(rng.uniform(2.0, 4.0)), 0.8, (1.5, 4.0))
    return _Script(
        lambda t: _swayed(base, sway, t),
        _appear(rng),
        shutter=1.0 / FPS,
        noise=float(rng.uniform(5.0, 7.0)),
        low_light=(float(rng.uniform(0.1, 0.16)), float(rng.uniform(2.5, 3.5))),
    )


def _script(condition: str, rng: np.random.Generator, modules: int) -> _Script:
    if condition == "thumb":
        return _thumb(rng, modules)
    if condition == "far_to_near":
        return _far_to_near(rng, modules)
    scripts: dict[str, Callable[[np.random.Generator], _Script]] = {
        "walk_in": _walk_in,
        "hand_shake": _hand_shake,
        "tilt": _tilt,
        "exposure_ramp": _exposure_ramp,
        "banding_moire": _banding_moire,
        "glare": _glare,
        "dark_mode": _dark_mode,
        "low_light": _low_light,
    }
    return scripts[condition](rng)


def _in_code(corners: np.ndarray, points: np.ndarray, modules: float) -> np.ndarray:
    """Frame positions of `points` given in code units (`modules` across the code)."""
    square = np.asarray([[0, 0], [1, 0], [1, 1], [0, 1]], np.float32) * modules
    mapping = cv2.getPerspectiveTransform(square, corners.astype(np.float32))
    return np.asarray(cv2.perspectiveTransform(points.astype(np.float32)[None], mapping)[0])


def _expose(scene: np.ndarray, gain: float) -> np.ndarray:
    """The sensor at `gain`: what exceeds full scale blooms into its surroundings."""
    scene = scene * gain
    excess = np.maximum(scene - 255, 0)
    if excess.any():
        scene += cv2.GaussianBlur(excess, (0, 0), 2.0)
    return scene


_FRAME = np.asarray(
    [[0, 0], [synthetic.FRAME_SIZE[0], 0], synthetic.FRAME_SIZE, [0, synthetic.FRAME_SIZE[1]]],
    np.float32,
)


@dataclass(frozen=True)
class _Set:
    """What stays the same through a clip: the desk, the phone's screen, the camera, the script."""

    script: _Script
    codes: tuple[np.ndarray, np.ndarray, np.ndarray]  # token A, token B, the blank placeholder
    desk: np.ndarray
    screen_seed: int
    jpeg: int

    def frame(self, t: float, which: int, rng: np.random.Generator) -> tuple[bytes, bool, bool]:
        """The webcam's JPEG at `t` showing token `which`, whether any of the code is in the
        frame, and whether all of it is in view (corners inside, modules large, finders clear)."""
        script = self.script
        shown = t >= script.appear
        pose = script.pose(t)
        moved = np.subtract(pose.centre, script.pose(t - script.shutter).centre)
        smear = float(np.hypot(*moved))
        band_phase = script.look.band_phase + 2 * math.pi * script.band_hz * t
        layer = synthetic.phone_layer(
            self.codes[which if shown else 2],
            pose,
            replace(script.look, band_phase=band_phase),
            np.random.default_rng(self.screen_seed),
            pad=math.ceil(smear) + 1,
        )
        if smear >= 1.0 and layer.cover.size:
            length = round(smear) + 1
            angle = math.degrees(math.atan2(-moved[1], moved[0]))
            layer = replace(
                layer,
                colour=synthetic.motion_blur(layer.colour, length, angle),
                cover=synthetic.motion_blur(layer.cover, length, angle),
            )
        scene = self.desk.copy()
        layer.paint(scene)
        n = self.codes[0].shape[0]
        corners = layer.corners
        side = float(np.linalg.norm(corners[1] - corners[0]))
        covered = False
        if script.thumb is not None:
            thumb = script.thumb
            tip, towards = _in_code(
                corners, np.stack([thumb.tip(t), thumb.tip(t) + thumb.direction]), n
            )
            heading = math.degrees(math.atan2(towards[1] - tip[1], towards[0] - tip[0]))
            axes = (round(side * thumb.axes[0]), round(side * thumb.axes[1]))
            opacity = synthetic.draw_finger(scene, tip, heading, axes, thumb.skin)
            x, y = np.rint(_in_code(corners, _finder_points(n), n)).astype(int).T
            seen = (x >= 0) & (x < opacity.shape[1]) & (y >= 0) & (y < opacity.shape[0])
            covered = bool((opacity[y[seen], x[seen]] >= 0.5).any())
        if script.glare is not None:
            glare = script.glare
            spot = _in_code(corners, glare.centre(t)[None], 1.0)[0]
            sigma = (side * glare.sigma[0], side * glare.sigma[1])
            x0, y0, x1, y1 = layer.box  # a reflection in the phone's glass, not on the desk
            dark = np.zeros((y1 - y0, x1 - x0, 1))
            light = synthetic.glare_spot(dark, spot - (x0, y0), sigma, glare.strength)
            scene[y0:y1, x0:x1] += light * layer.cover[:, :, None]
        if script.low_light is not None:
            dim, gain = script.low_light
            scene = scene * dim + synthetic.gaussian_noise(scene.shape[:2], 2.2, rng)[:, :, None]
            scene = np.round(scene) * gain
        elif script.gain is not None:
            scene = _expose(scene, script.gain(t))
        data = synthetic.webcam_jpeg(scene, rng, noise=script.noise, jpeg=self.jpeg)
        visible = shown and cv2.intersectConvexConvex(corners.astype(np.float32), _FRAME)[0] > 0
        w, h = synthetic.FRAME_SIZE
        inside = bool(((corners >= 0) & (corners <= (w, h))).all())
        edges = np.linalg.norm(corners - np.roll(corners, -1, axis=0), axis=1)
        large = float(edges.min()) / n >= MIN_MODULE_PX
        return data, visible, visible and inside and large and not covered


def _finder_points(modules: int) -> np.ndarray:
    """The module centres of the three finder patterns, in modules."""
    grid = np.stack(np.meshgrid(np.arange(7), np.arange(7)), axis=-1).reshape(-1, 2) + 0.5
    return np.concatenate([grid + np.array(f) * (modules - 7) for f in _FINDERS])


def clip(condition: str, index: int, seed: int) -> Clip:
    """Clip `index` of `condition`: its own stream of the seed, so any subset can be generated
    alone or in parallel and gives the same clips."""
    rng = np.random.default_rng([seed, CONDITIONS.index(condition), index])
    tokens = synthetic.sample_tokens(rng, (TOKEN_A_AT, TOKEN_B_AT))
    a, b = (synthetic.qr_modules(token) for token in tokens)
    desk = synthetic.background(rng)
    screen_seed = int(rng.integers(0, 2**31))
    count = int(rng.integers(60, 76))
    jpeg = int(rng.integers(80, 93))
    script = _script(condition, rng, a.shape[0])
    scene = _Set(script, (a, b, np.zeros_like(a)), desk, screen_seed, jpeg)
    switch = float(rng.uniform(script.appear + 0.1, (count - 6) / FPS))
    frames = []
    for number in range(count):
        t = number / FPS
        which = int(t >= switch)
        data, visible, in_view = scene.frame(t, which, rng)
        frames.append(ClipFrame(data, tokens[which] if visible else None, in_view))
    return Clip(condition, index, (tokens[0], tokens[1]), tuple(frames))


def generate(conditions: Sequence[str], count: int, seed: int, workers: int = 2) -> list[Clip]:
    """`count` clips of each condition, rendered in `workers` processes; condition by condition.

    Each process runs OpenCV on one thread: with its default pool per process, the processes
    contend for the same cores and the set takes over a third longer.
    """
    jobs = [(c, i) for c in conditions for i in range(count)]
    with ProcessPoolExecutor(workers, initializer=cv2.setNumThreads, initargs=(1,)) as pool:
        return list(pool.map(_job, jobs, [seed] * len(jobs)))


def _job(job: tuple[str, int], seed: int) -> Clip:
    return clip(job[0], job[1], seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--clips", type=int, default=2, help="per condition")
    parser.add_argument("--conditions", default=",".join(CONDITIONS))
    args = parser.parse_args(argv)
    conditions = args.conditions.split(",")
    unknown = set(conditions) - set(CONDITIONS)
    if unknown:
        parser.error(f"unknown conditions: {', '.join(sorted(unknown))}")
    args.out.mkdir(parents=True, exist_ok=True)
    for c in generate(conditions, args.clips, args.seed, workers=min(2, os.cpu_count() or 1)):
        path = args.out / f"{c.condition}-{c.index}.avi"
        writer = cv2.VideoWriter(
            str(path), cv2.VideoWriter_fourcc(*"MJPG"), FPS, synthetic.FRAME_SIZE
        )
        for frame in c.frames:
            writer.write(cv2.imdecode(np.frombuffer(frame.jpeg, np.uint8), cv2.IMREAD_COLOR))
        writer.release()
        texts = [f.text for f in c.frames]
        shown = next((i for i, text in enumerate(texts) if text is not None), None)
        switch = texts.index(c.tokens[1]) if c.tokens[1] in texts else None
        print(
            f"{path}: {len(c.frames)} frames, code from frame {shown}, in view from "
            f"{c.first_in_view} ({sum(f.in_view for f in c.frames)} frames), token B from {switch}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
