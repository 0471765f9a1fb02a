"""Seeded photographs of a phone screen showing an e-card, made by a rendering path of their own.

The decoder was tuned on `kiosk.scan.synthetic`'s frames. These frames check that it is not fitted
to that generator's quirks: they share nothing with it but the frame size and the tokens, and each
stage follows what happens when a webcam photographs a phone screen:

- the symbol comes from the qrcode library (`kiosk.ecard.make_qr`: level M, as the member app);
- the member app (`kiosk.scan.member_app_screen`) is drawn at the phone's own resolution, in
  its black bezel;
- the screen emits through an RGB stripe sub-pixel pattern at its pixel pitch (red, green and blue
  columns in a black matrix), integrated exactly over each camera pixel's footprint, so moiré
  appears where the screen's pitch and the camera's pixels make it;
- a pinhole camera places the phone: PIL's perspective transform onto a canvas 2-3x finer than
  the frame, averaged down in linear light (a camera pixel integrates light), above a counter
  (laminate, papers, a pen, a card terminal, the phone's shadow), held by a hand;
- the screen's brightness is set against the room's light (and its colour), and the glass
  reflects the room;
- the webcam (`kiosk.scan.photo_camera`) images that scene, in linear light: a lens whose PSFs
  are modelled, not measured, a Bayer sensor with noise, and an ISP ending in JPEG.

Categories (`PHOTO_CATEGORIES`):

- straight: the phone facing the camera within 15 degrees, in focus; the baseline.
- angled: the phone tilted 30-55 degrees, as when held flat towards a camera above it.
- lens_blur: the phone nearer than the fixed focus: a defocus disc of 1.8-3.2 px radius.
- far: the phone held back, 2.6-3.4 px per module (below ~2.5 no library reads these photos:
  the screen's light, blurred in linear light, swallows single dark modules).
- reflection: a ceiling light mirrored in the glass as a bright band across the code.
- dark_mode: the app's dark theme: light modules on a dark screen, the code 140-250 px wide
  (pyzbar, which does not look for inverted codes, reads none).
- hand: the thumb over an edge of the code, its corner without a finder, or part of a finder.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import cv2
import numpy as np
from PIL import Image, ImageDraw

from kiosk.ecard import make_qr
from kiosk.scan.member_app_screen import Phone, phone_showing
from kiosk.scan.photo_camera import FOCAL_PX, PRINCIPAL_POINT, capture, srgb_to_linear
from kiosk.scan.synthetic import FRAME_SIZE, SyntheticFrame, sample_token

PHOTO_CATEGORIES: tuple[str, ...] = (
    "straight",
    "angled",
    "lens_blur",
    "far",
    "reflection",
    "dark_mode",
    "hand",
)
"""Photo categories, described in the module docstring; every photo shows one code."""

_STREAM_BASE = 100
"""Added to a category's index for its generator stream: no photo shares a stream (and so a
token) with a frame of `kiosk.scan.synthetic`."""

_WIDTH, _HEIGHT = FRAME_SIZE

_STRIPES = (0.03, 0.36, 0.69)
"""Where the red, green and blue sub-pixel columns start within a screen pixel."""
_STRIPE_WIDTH = 0.27
_ROW_START, _ROW_HEIGHT = 0.04, 0.88  # lit height of a sub-pixel; the rest is black matrix


_ILLUMINANTS = np.array(
    [
        [2800, 1.00, 0.68, 0.40],
        [3500, 1.00, 0.77, 0.55],
        [4000, 1.00, 0.82, 0.64],
        [5000, 1.00, 0.89, 0.80],
        [6000, 1.00, 0.95, 0.92],
    ]
)
"""Room light colour by colour temperature (K): linear RGB relative to the screen's white."""


@dataclass(frozen=True)
class _Shot:
    """What varies between photos, apart from the token and the drawing's details."""

    qr_px: float  # side of the code in the frame were it facing the camera
    centre: tuple[float, float]  # where the code's centre lands in the frame
    roll: float  # degrees, in the screen's plane
    tilt: float  # degrees away from facing the camera
    tilt_axis: float  # direction of the tilt's axis in the screen's plane, degrees
    defocus: float  # radius of the green defocus disc, camera pixels
    screen: float  # screen white over a white paper in the room's light
    room: tuple[float, float, float]  # the room light's colour, linear RGB
    gain: float  # sensor gain: a dimmer room needs more
    dark: bool  # the app's dark theme
    glare: float  # a ceiling light mirrored across the code, over the screen white; 0: none
    thumb_on_code: bool  # else the thumb rests on the screen's edge, below the code
    quality: int  # JPEG


def _shot(category: str, modules: int, rng: np.random.Generator) -> _Shot:
    """A photo of `category`: a phone near the frame's centre in a room lit 2800-6000 K, varied
    from the straight baseline only where the category says (`modules` across the code)."""
    temperature = rng.uniform(2800, 6000)
    room = [
        float(np.interp(temperature, _ILLUMINANTS[:, 0], _ILLUMINANTS[:, c])) for c in (1, 2, 3)
    ]
    shot = _Shot(
        qr_px=float(rng.uniform(170, 280)),
        centre=(float(rng.uniform(0.32, 0.68) * _WIDTH), float(rng.uniform(0.36, 0.62) * _HEIGHT)),
        roll=float(rng.uniform(-15, 15)),
        tilt=float(rng.uniform(0, 15)),
        tilt_axis=float(rng.uniform(0, 360)),
        defocus=float(rng.uniform(0.3, 1.0)),
        screen=float(rng.uniform(1.0, 3.0)),
        room=(room[0], room[1], room[2]),
        gain=math.exp(float(rng.uniform(0, math.log(3)))),
        dark=False,
        glare=0.0,
        thumb_on_code=False,
        quality=int(rng.integers(80, 93)),
    )
    if category == "angled":
        tilt, roll, qr_px = (
            float(v) for v in (rng.uniform(30, 55), rng.uniform(-25, 25), rng.uniform(160, 240))
        )
        return replace(shot, tilt=tilt, roll=roll, qr_px=qr_px)
    if category == "lens_blur":
        return replace(shot, defocus=float(rng.uniform(1.8, 3.2)))
    if category == "far":
        px_per_module, defocus = float(rng.uniform(2.6, 3.4)), float(rng.uniform(0.2, 0.6))
        return replace(shot, qr_px=modules * px_per_module, defocus=defocus)
    if category == "reflection":
        return replace(shot, glare=float(rng.uniform(0.3, 1.1)))
    if category == "dark_mode":
        return replace(shot, dark=True, qr_px=float(rng.uniform(140, 250)))
    if category == "hand":
        return replace(shot, thumb_on_code=True)
    return shot


def _rotation(shot: _Shot) -> np.ndarray:
    """The phone's orientation: rolled in its plane, then tilted about an axis in that plane."""
    roll = math.radians(shot.roll)
    spin = np.array(
        [[math.cos(roll), -math.sin(roll), 0], [math.sin(roll), math.cos(roll), 0], [0, 0, 1]]
    )
    axis = math.radians(shot.tilt_axis)
    ax, ay = math.cos(axis), math.sin(axis)
    cross = np.array([[0, 0, ay], [0, 0, -ax], [-ay, ax, 0]])
    tilt = math.radians(shot.tilt)
    lean = np.eye(3) + math.sin(tilt) * cross + (1 - math.cos(tilt)) * cross @ cross
    rotation: np.ndarray = lean @ spin
    return rotation


def _homography(shot: _Shot, phone: Phone) -> np.ndarray:
    """Phone image pixels to frame pixels through a pinhole camera; its last row gives depth (mm).

    The phone is placed so the code, facing the camera, would be `shot.qr_px` wide at `shot.centre`.
    """
    left, top, side = phone.code
    cx, cy = PRINCIPAL_POINT
    distance = FOCAL_PX * side * phone.pitch / shot.qr_px
    aim = np.array([(shot.centre[0] - cx) / FOCAL_PX, (shot.centre[1] - cy) / FOCAL_PX, 1])
    rotation = _rotation(shot)
    across, down = rotation[:, 0] * phone.pitch, rotation[:, 1] * phone.pitch
    middle = distance * aim - (left + side / 2) * across - (top + side / 2) * down
    camera = np.array([[FOCAL_PX, 0, cx], [0, FOCAL_PX, cy], [0, 0, 1]])
    homography: np.ndarray = camera @ np.column_stack([across, down, middle])
    return homography


def _project(h: np.ndarray, points: np.ndarray) -> np.ndarray:
    mapped = np.column_stack([points, np.ones(len(points))]) @ h.T
    projected: np.ndarray = mapped[:, :2] / mapped[:, 2:]
    return projected


def _magnification(h: np.ndarray, point: np.ndarray) -> tuple[float, float]:
    """Least and greatest frame pixels per phone image pixel around `point`."""
    near = _project(h, point + np.array([[0, 0], [1, 0], [0, 1]]))
    jacobian = np.column_stack([near[1] - near[0], near[2] - near[0]])
    low, high = np.linalg.svd(jacobian, compute_uv=False)[::-1]
    return float(low), float(high)


@dataclass(frozen=True)
class _Hand:
    """The hand holding the phone, as polygons in frame pixels, and how it looks."""

    back: list[np.ndarray]  # skin behind the phone: palm and wrist
    sleeve: list[np.ndarray]
    front: list[np.ndarray]  # skin in front of the screen: thumb and fingertips
    skin: np.ndarray  # linear albedo
    cloth: np.ndarray
    finger_px: float  # a fingertip's radius in the frame


_SKIN = ((236, 196, 170), (205, 150, 118), (160, 108, 78), (98, 64, 46))
_CLOTH = ((34, 42, 70), (118, 118, 124), (28, 28, 32), (186, 168, 140), (140, 44, 50))


def _finger(base: np.ndarray, end: np.ndarray, base_r: float, end_r: float) -> np.ndarray:
    """A tapered capsule from `base` to its rounded tip reaching `end`."""
    direction = (end - base) / max(float(np.linalg.norm(end - base)), 1e-6)
    normal = np.array([-direction[1], direction[0]])
    tip = end - direction * end_r
    turn = np.linspace(math.pi / 2, -math.pi / 2, 12)[:, None]
    ahead = tip + end_r * (np.cos(turn) * direction + np.sin(turn) * normal)
    behind = base + base_r * (np.cos(turn + math.pi) * direction + np.sin(turn + math.pi) * normal)
    return np.vstack([ahead, behind])


def _thumb_over_code(phone: Phone, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    """Where a thumb over the code starts, where its tip reaches, and the hand's side (+1 right).

    Over the edge on the thumb's side between the finders, over the corner without a finder,
    over the bottom edge, or over part of the bottom-left finder.
    """
    left, top, side = phone.code
    mm = 1 / phone.pitch
    depth = float(rng.uniform(1.5, 5)) * phone.module
    place = int(rng.integers(4))
    if place == 0:
        holding = 1 if rng.random() < 0.5 else -1
        if holding > 0:
            end = np.array([left + side - depth, top + side * rng.uniform(0.3, 0.95)])
        else:
            end = np.array([left + depth, top + side * rng.uniform(0.25, 0.7)])
        return end + np.array([holding * 30 * mm, 35 * mm]), end, holding
    if place == 1:
        end = np.array([left + side, top + side]) - depth * 0.7
        return end + np.array([25 * mm, 35 * mm]), end, 1
    if place == 2:
        holding = 1 if rng.random() < 0.5 else -1
        end = np.array([left + side * rng.uniform(0.35, 0.9), top + side - depth])
        return end + np.array([holding * 15 * mm, 45 * mm]), end, holding
    module = phone.module
    end = np.array(
        [left + rng.uniform(1, 3.5) * module, top + side - rng.uniform(1.5, 5.5) * module]
    )
    return end + np.array([-30 * mm, 30 * mm]), end, -1


def _hand(phone: Phone, h: np.ndarray, on_code: bool, rng: np.random.Generator) -> _Hand:
    """A hand gripping the phone's lower half: palm behind, thumb on one edge, fingertips round
    the other, the arm down to the frame's edge; with `on_code` the thumb reaches over the code."""
    mm = 1 / phone.pitch
    body_w, body_h = phone.image.size
    grip = body_h * float(rng.uniform(0.7, 0.85))
    thumb_r = float(rng.uniform(8.5, 10.0)) * mm
    if on_code:
        base, end, holding = _thumb_over_code(phone, rng)
    else:
        holding = 1 if rng.random() < 0.5 else -1
        edge = body_w if holding > 0 else 0
        end = np.array([edge - holding * rng.uniform(3, 9) * mm, grip - rng.uniform(8, 22) * mm])
        base = np.array([edge + holding * 14 * mm, grip + 30 * mm])
    front = [_finger(base, end, thumb_r * 1.15, thumb_r)]
    other = 0 if holding > 0 else body_w
    for i in range(int(rng.integers(2, 4))):
        y = grip + (i * 19 - float(rng.uniform(0, 8))) * mm
        tip = np.array([other + holding * rng.uniform(1, 4) * mm, y])
        knuckle = np.array([other - holding * 14 * mm, y + rng.uniform(2, 8) * mm])
        radius = float(rng.uniform(7, 8.5)) * mm
        front.append(_finger(knuckle, tip, radius * 1.1, radius))
    middle = body_w / 2 + holding * 5 * mm
    wrist = np.array([middle + holding * 8 * mm, body_h + 45 * mm])
    back = [
        _finger(
            np.array([middle, body_h + 20 * mm]),
            np.array([middle, grip - 45 * mm]),
            37 * mm,
            37 * mm,
        ),
        _finger(np.array([middle, body_h]), wrist, 27 * mm, 27 * mm),
    ]
    # Parts of the hand much nearer the camera than the code (a phone tilted far towards it)
    # would project out of all proportion, and are out of the frame anyway: leave them out.
    near = 0.35 * float(_depth(h, phone.code_centre())[0])
    front = [_project(h, f) for f in front if _depth(h, f).min() > near]
    back = [_project(h, b) for b in back if _depth(h, b).min() > near]
    sleeve: list[np.ndarray] = []
    if _depth(h, wrist)[0] > near:
        start = _project(h, np.array([wrist]))[0]
        half = 30 * mm * _magnification(h, wrist)[1]
        drift = holding * float(rng.uniform(0, 150))
        bottom = np.array([start[0] + drift, _HEIGHT + 20])
        sleeve.append(
            np.array(
                [
                    start - np.array([half, 0]),
                    start + np.array([half, 0]),
                    bottom + np.array([1.4 * half, 0]),
                    bottom - np.array([1.4 * half, 0]),
                ]
            )
        )
    tone = float(rng.uniform(0, len(_SKIN) - 1))
    low = min(int(tone), len(_SKIN) - 2)
    darker, lighter = np.array(_SKIN[low + 1], np.float64), np.array(_SKIN[low], np.float64)
    skin = lighter + (tone - low) * (darker - lighter)
    cloth = np.array(_CLOTH[int(rng.integers(len(_CLOTH)))], np.float64)
    scale = _magnification(h, phone.code_centre())[1]
    return _Hand(
        back=back,
        sleeve=sleeve,
        front=front,
        skin=srgb_to_linear(skin).astype(np.float32),
        cloth=srgb_to_linear(cloth).astype(np.float32),
        finger_px=thumb_r * scale,
    )


def _depth(h: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Distance from the camera (mm) of phone image points: the homography's last row."""
    depth: np.ndarray = np.atleast_2d(points) @ h[2, :2] + h[2, 2]
    return depth


def _box(
    centre: tuple[float, float],
    size: tuple[float, float],
    angle: float,
    at: tuple[float, float] = (0, 0),
) -> list[tuple[float, float]]:
    """Corners of a `size` box turned by `angle`, its centre `at` from `centre` in its own axes."""
    c, s = math.cos(angle), math.sin(angle)
    w, h = size
    return [
        (
            centre[0] + c * (at[0] + x) - s * (at[1] + y),
            centre[1] + s * (at[0] + x) + c * (at[1] + y),
        )
        for x, y in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2))
    ]


def _counter(rng: np.random.Generator) -> np.ndarray:
    """The counter under the phone (linear RGB for a white room light): a laminate with papers,
    a pen, a card terminal or a note on it, lit unevenly, and out of focus (drawn at half size)."""
    w, h = _WIDTH // 2, _HEIGHT // 2
    surfaces = (
        (196, 160, 118, 0.07),
        (172, 172, 166, 0.02),
        (226, 223, 216, 0.015),
        (122, 88, 62, 0.09),
    )
    *base, grain_depth = surfaces[int(rng.integers(len(surfaces)))]
    streaks = rng.normal(0, 1, (8, w // 2) if rng.random() < 0.5 else (h // 2, 8))
    grain = cv2.resize(streaks.astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    speckle = rng.normal(0, 1, (h, w)).astype(np.float32)
    texture = 1 + grain_depth * grain + 0.02 * speckle
    surface = np.clip(texture[:, :, None] * np.array(base, np.float32), 0, 255).astype(np.uint8)
    canvas = Image.fromarray(surface)
    draw = ImageDraw.Draw(canvas)
    for _ in range(int(rng.integers(2, 5))):
        kind = int(rng.integers(4))
        centre = (float(rng.uniform(0, w)), float(rng.uniform(0, h)))
        angle = float(rng.uniform(0, math.pi))
        if kind == 0:
            draw.polygon(_box(centre, (105, 148), angle), fill=(236, 236, 232))
            for line in range(int(rng.integers(4, 9))):
                length = float(rng.uniform(40, 80))
                at = (-40 + length / 2, -55 + 12 * line)
                draw.polygon(_box(centre, (length, 3), angle, at), fill=(90, 90, 96))
        elif kind == 1:
            ink = ((25, 30, 60), (20, 20, 22), (150, 30, 30))[int(rng.integers(3))]
            draw.polygon(_box(centre, (92, 7), angle), fill=ink)
        elif kind == 2:
            draw.polygon(_box(centre, (62, 104), angle), fill=(48, 48, 52))
            draw.polygon(_box(centre, (44, 26), angle, (0, -28)), fill=(120, 140, 130))
        else:
            draw.polygon(_box(centre, (46, 46), angle), fill=(240, 220, 90))
    scene = srgb_to_linear(np.asarray(canvas, np.float32)).astype(np.float32)
    towards = float(rng.uniform(0, 2 * math.pi))
    ys, xs = np.ogrid[0:h, 0:w]
    light = 0.8 + 0.3 * ((xs / w - 0.5) * math.cos(towards) + (ys / h - 0.5) * math.sin(towards))
    scene *= light.astype(np.float32)[:, :, None]
    if rng.random() < 0.4:
        scene[int(h * rng.uniform(0.8, 0.95)) :] *= 0.3  # past the counter's front edge
    soft = cv2.GaussianBlur(scene, (0, 0), float(rng.uniform(1.0, 2.0)))
    full: np.ndarray = cv2.resize(soft, FRAME_SIZE, interpolation=cv2.INTER_LINEAR)
    return full


def _bounds(points: np.ndarray) -> tuple[int, int, int, int] | None:
    """The frame pixels (x0, y0, x1, y1) holding `points`; None if that is outside the frame."""
    x0, y0 = np.clip(np.floor(points.min(axis=0)), 0, FRAME_SIZE).astype(int)
    x1, y1 = np.clip(np.ceil(points.max(axis=0)), 0, FRAME_SIZE).astype(int)
    if x1 <= x0 or y1 <= y0:
        return None
    return int(x0), int(y0), int(x1), int(y1)


def _warp_phone(
    phone: Phone, h: np.ndarray, origin: tuple[int, int], scale: int, size: tuple[int, int]
) -> np.ndarray:
    """The light the phone emits over a region of the frame (linear RGB, screen white 1).

    Drawn by PIL's perspective transform on a canvas `scale`x finer than the frame, then averaged
    down; the phone image is first reduced where its pixels are finer than the canvas's.
    """
    least = _magnification(h, phone.code_centre())[0]
    reduce = max(1, round(1 / (least * scale)))
    source = phone.image.reduce(reduce) if reduce > 1 else phone.image
    to_frame = np.array([[1 / scale, 0, origin[0]], [0, 1 / scale, origin[1]], [0, 0, 1]])
    inverse = np.diag([1 / reduce, 1 / reduce, 1]) @ np.linalg.inv(h) @ to_frame
    inverse /= inverse[2, 2]
    warped = source.transform(
        (size[0] * scale, size[1] * scale),
        Image.Transform.PERSPECTIVE,
        tuple(float(v) for v in inverse.flat[:8]),
        Image.Resampling.BILINEAR,
    )
    region = cv2.resize(np.asarray(warped), size, interpolation=cv2.INTER_AREA)
    return region.astype(np.float32) / 255


def _coverage(polygons: Sequence[np.ndarray], box: tuple[int, int, int, int]) -> np.ndarray:
    """The fraction of each pixel of `box` the polygons (frame pixels) cover, softened a little:
    fingers are rounded and nearer than the screen."""
    x0, y0, x1, y1 = box
    scale = 2
    canvas = Image.new("L", ((x1 - x0) * scale, (y1 - y0) * scale), 0)
    draw = ImageDraw.Draw(canvas)
    for polygon in polygons:
        points = (polygon - (x0, y0)) * scale
        draw.polygon([(float(x), float(y)) for x, y in points], fill=255)
    cover = cv2.resize(np.asarray(canvas), (x1 - x0, y1 - y0), interpolation=cv2.INTER_AREA)
    soft: np.ndarray = cv2.GaussianBlur(cover.astype(np.float32) / 255, (0, 0), 0.7)
    return soft


def _footprints(
    h: np.ndarray, origin: tuple[int, int], size: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Where each region pixel falls on the phone image: its centre (u, v), and the half sides of
    a box with the area and proportions of its footprint there."""
    inverse = np.linalg.inv(h)
    ys, xs = np.mgrid[0 : size[1] + 1, 0 : size[0] + 1].astype(np.float64)
    xs += origin[0]
    ys += origin[1]
    w = inverse[2, 0] * xs + inverse[2, 1] * ys + inverse[2, 2]
    u = (inverse[0, 0] * xs + inverse[0, 1] * ys + inverse[0, 2]) / w
    v = (inverse[1, 0] * xs + inverse[1, 1] * ys + inverse[1, 2]) / w
    cu = np.stack([u[:-1, :-1], u[:-1, 1:], u[1:, 1:], u[1:, :-1]])
    cv = np.stack([v[:-1, :-1], v[:-1, 1:], v[1:, 1:], v[1:, :-1]])
    area = 0.5 * np.abs((cu[0] - cu[2]) * (cv[1] - cv[3]) - (cu[1] - cu[3]) * (cv[0] - cv[2]))
    extent_u, extent_v = cu.max(axis=0) - cu.min(axis=0), cv.max(axis=0) - cv.min(axis=0)
    fit = np.sqrt(area / (extent_u * extent_v))
    return cu.mean(axis=0), cv.mean(axis=0), extent_u * fit / 2, extent_v * fit / 2


def _stripes(centre: np.ndarray, half: np.ndarray, start: float, width: float) -> np.ndarray:
    """The mean over each interval of a stripe repeating every screen pixel (lit from `start` for
    `width`), relative to its mean over a whole pixel: exact, so sampling makes the moiré."""

    def lit_up_to(x: np.ndarray) -> np.ndarray:
        whole = np.floor(x)
        lit: np.ndarray = whole * width + np.clip(x - whole - start, 0, width)
        return lit

    mean: np.ndarray = (lit_up_to(centre + half) - lit_up_to(centre - half)) / (2 * half * width)
    return mean


def _glass(
    u: np.ndarray, v: np.ndarray, phone: Phone, shot: _Shot, rng: np.random.Generator
) -> np.ndarray:
    """Light the cover glass reflects (room light units): the room, brighter on one side, and for
    `shot.glare` a ceiling light mirrored as a band across the code."""
    body_w, body_h = phone.image.size
    towards = float(rng.uniform(0, 2 * math.pi))
    slope = (u / body_w - 0.5) * math.cos(towards) + (v / body_h - 0.5) * math.sin(towards)
    light: np.ndarray = float(rng.uniform(0.015, 0.035)) * (1 + slope)
    if shot.glare > 0:
        left, top, side = phone.code
        cx, cy = (
            left + side * (0.5 + rng.uniform(-0.35, 0.35)),
            top + side * (0.5 + rng.uniform(-0.35, 0.35)),
        )
        angle = float(rng.uniform(0, math.pi))
        across = np.abs((u - cx) * -math.sin(angle) + (v - cy) * math.cos(angle))
        half = side * float(rng.uniform(0.07, 0.2))
        soft = half * float(rng.uniform(0.15, 0.4))
        light = light + shot.glare * shot.screen / (
            1 + np.exp(np.clip((across - half) / soft, -50, 50))
        )
    return light


def _paint(
    frame: np.ndarray, polygons: list[np.ndarray], colour: np.ndarray, round_px: float
) -> None:
    """Lay the polygons (frame pixels) over `frame` in `colour` (as lit by the room), darker
    towards their outline as on a cylinder of radius `round_px`."""
    box = _bounds(np.vstack(polygons)) if polygons else None
    if box is None:
        return
    x0, y0, x1, y1 = box
    cover = _coverage(polygons, box)
    depth = cv2.distanceTransform((cover > 0.5).astype(np.uint8), cv2.DIST_L2, 3)
    shade = 0.45 + 0.55 * np.sqrt(np.clip(depth / max(round_px, 1.0), 0, 1))
    region = frame[y0:y1, x0:x1]
    region[:] = region * (1 - cover[:, :, None]) + (shade * cover)[:, :, None] * colour


def _body_cover(u: np.ndarray, v: np.ndarray, half: np.ndarray, phone: Phone) -> np.ndarray:
    """The fraction of each footprint inside the phone's rounded outline (from its distance)."""
    width, height = phone.image.size
    r = phone.corner
    qx = np.abs(u - width / 2) - (width / 2 - r)
    qy = np.abs(v - height / 2) - (height / 2 - r)
    outside = np.hypot(np.maximum(qx, 0), np.maximum(qy, 0)) + np.minimum(np.maximum(qx, qy), 0) - r
    cover: np.ndarray = np.clip(0.5 - outside / (2 * half), 0, 1)
    return cover


def _draw_phone(
    frame: np.ndarray, phone: Phone, h: np.ndarray, shot: _Shot, rng: np.random.Generator
) -> None:
    """The phone into `frame`: its screen's light through the sub-pixel stripes, and its glass
    reflecting the room."""
    width, height = phone.image.size
    box = _bounds(
        _project(h, np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float64))
    )
    if box is None:
        return
    x0, y0, x1, y1 = box
    size = (x1 - x0, y1 - y0)
    scale = 3 if size[0] * size[1] <= 150_000 else 2
    emitted = _warp_phone(phone, h, (x0, y0), scale, size)
    u, v, half_u, half_v = _footprints(h, (x0, y0), size)
    rows = _stripes(v, half_v, _ROW_START, _ROW_HEIGHT)
    mask = np.stack([_stripes(u, half_u, s, _STRIPE_WIDTH) * rows for s in _STRIPES], axis=2)
    cover = _body_cover(u, v, (half_u + half_v) / 2, phone).astype(np.float32)[:, :, None]
    glass = _glass(u, v, phone, shot, rng).astype(np.float32)[:, :, None]
    region = frame[y0:y1, x0:x1]
    room = np.array(shot.room, np.float32)
    region[:] = (
        region * (1 - cover)
        + emitted * mask.astype(np.float32) * shot.screen
        + glass * room * cover
    )


def _shadow(frame: np.ndarray, phone: Phone, h: np.ndarray, rng: np.random.Generator) -> None:
    """The phone's soft shadow on the counter below it."""
    width, height = phone.image.size
    body = _project(h, np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float64))
    shadow = np.zeros((_HEIGHT // 4, _WIDTH // 4), np.float32)
    offset = rng.uniform(-40, 40, 2)
    cv2.fillConvexPoly(shadow, np.round((body + offset) / 4).astype(np.int32), 1.0)
    soft = cv2.GaussianBlur(shadow, (0, 0), float(rng.uniform(4, 9)))
    darker = 1 - float(rng.uniform(0.2, 0.45)) * cv2.resize(soft, FRAME_SIZE)
    frame *= darker[:, :, None]


def _photograph(category: str, text: str, rng: np.random.Generator) -> np.ndarray:
    """One BGR photo of `category` showing `text`: the scene in linear light, then the camera."""
    modules = np.asarray(make_qr(text).modules, dtype=bool)
    shot = _shot(category, modules.shape[0], rng)
    phone = phone_showing(modules, shot.dark, rng)
    h = _homography(shot, phone)
    hand = _hand(phone, h, shot.thumb_on_code, rng)
    room = np.array(shot.room, np.float32)
    scene = _counter(rng) * room
    _shadow(scene, phone, h, rng)
    _paint(scene, hand.back, hand.skin * room, hand.finger_px)
    _paint(scene, hand.sleeve, hand.cloth * room, 3 * hand.finger_px)
    _draw_phone(scene, phone, h, shot, rng)
    _paint(scene, hand.front, hand.skin * room, hand.finger_px)
    return capture(
        scene,
        defocus=shot.defocus,
        gain=shot.gain,
        room=shot.room,
        quality=shot.quality,
        rng=rng,
    )


def photo_frames(
    category: str,
    count: int,
    *,
    seed: int = 0,
    token: Callable[[np.random.Generator], str] = sample_token,
) -> list[SyntheticFrame]:
    """`count` photos of one category, each showing one token; each category has its own stream
    of the seed, so a set can be made in parallel and a category does not depend on the others."""
    if category not in PHOTO_CATEGORIES:
        raise ValueError(f"unknown photo category {category!r}")
    rng = np.random.default_rng([seed, _STREAM_BASE + PHOTO_CATEGORIES.index(category)])
    frames: list[SyntheticFrame] = []
    for _ in range(count):
        text = token(rng)
        frames.append(SyntheticFrame(category, _photograph(category, text, rng), (text,)))
    return frames
