"""Seeded webcam frames of phones showing QR codes, for the benchmark, tests and the demo camera.

A real desk camera sees a phone held at an angle, under clinic lighting, through a cheap lens and
an MJPEG encoder. Each category below reproduces one of the ways that goes wrong, so the decoder
pipeline is chosen by measurement on the failures that happen at a reception desk, and the same
frames later feed the simulated camera of the demo. The pieces of a frame (pose, screen look,
desk, phone layer, blur, glare, noise, the webcam's JPEG) are public so that the video benchmark
(`bench/qr_clips.py`) composes moving clips from the same parts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import cv2
import numpy as np
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from numpy.typing import NDArray

from kiosk.ecard import NONCE_LEN, issue, private_key_from_seed

FRAME_SIZE = (1280, 720)
"""Width and height of a 720p webcam frame."""

CATEGORIES: tuple[str, ...] = (
    "nominal",
    "rotated",
    "perspective",
    "defocus",
    "motion_blur",
    "glare",
    "moire",
    "dim_backlight",
    "low_light",
    "sensor_noise",
    "jpeg",
    "finger",
    "far",
    "inverted",
)
"""Frame categories that show one code; `NO_CODE` frames show none."""

NO_CODE = "no_code"

SAMPLE_KID = "DEMO1"
SAMPLE_ISSUED_AT = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
"""When sample tokens are issued: verify them at this time (they are valid for 90 s)."""
_SAMPLE_SEED = bytes(range(32))

_FOCAL_PX = 1000.0  # a 720p webcam with a ~65 degree horizontal field of view
_QR_MM = 45.0  # printed size of the code on a phone screen
_QUIET_MODULES = 3  # member apps draw a narrow white margin around the code


@dataclass(frozen=True)
class SyntheticFrame:
    """One generated frame and the texts of the codes it shows (empty for a no-code frame)."""

    category: str
    image: np.ndarray
    texts: tuple[str, ...]


def sample_public_keys() -> dict[str, Ed25519PublicKey]:
    """The public key that verifies every `sample_token`, keyed by its kid."""
    return {SAMPLE_KID: private_key_from_seed(_SAMPLE_SEED).public_key()}


def sample_token(rng: np.random.Generator, now: datetime = SAMPLE_ISSUED_AT) -> str:
    """A real e-card token (signed with a fixed demo key) for a random member.

    Member ids and policy references are as long as real ones, so the QR has the real version
    and module size; the same generator state gives the same token (Ed25519 is deterministic).
    """
    member, policy = _sample_member(rng)
    return _sample_issue(rng, member, policy, now)


def sample_tokens(rng: np.random.Generator, times: Sequence[datetime]) -> list[str]:
    """Tokens of one random member issued at each of `times`, as the member app replaces its
    short-lived token while the phone is held up; all have the same length, hence QR version."""
    member, policy = _sample_member(rng)
    return [_sample_issue(rng, member, policy, now) for now in times]


def _sample_member(rng: np.random.Generator) -> tuple[str, str]:
    member = "CN" + "".join(str(d) for d in rng.integers(0, 10, 14))
    policy = "PLUS-2026-" + "".join(str(d) for d in rng.integers(0, 10, 8))
    return member, policy


def _sample_issue(rng: np.random.Generator, member: str, policy: str, now: datetime) -> str:
    nonce = rng.integers(0, 256, NONCE_LEN, dtype=np.uint8).tobytes()
    return issue(private_key_from_seed(_SAMPLE_SEED), SAMPLE_KID, member, policy, now, nonce=nonce)


def qr_modules(text: str) -> np.ndarray:
    """The module matrix (True = dark) of `text` at error-correction level M, without margin."""
    symbol = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    return np.asarray(symbol.to_image(scale=1, add_quiet_zones=False)) < 128


@dataclass(frozen=True)
class Pose:
    """Where the phone is held: the code's size and centre in the frame, and its rotations."""

    qr_px: float  # side of the code in the frame, before perspective
    roll: float  # in-plane rotation, degrees
    pitch: float  # tilt away from the camera, degrees
    yaw: float
    centre: tuple[float, float]  # where the code's centre lands in the frame


@dataclass(frozen=True)
class Look:
    """What the screen looks like to the camera.

    `banding` is the depth (0-1) of the dark bands a PWM-dimmed screen leaves on a rolling
    shutter: they run along sensor rows, so they are drawn in frame rows (`band_period` rows
    apart, shifted by `band_phase` radians), over the phone only.
    """

    paper: int = 245  # screen background brightness
    ink: int = 20  # module brightness
    inverted: bool = False
    moire: bool = False
    finger: bool = False
    banding: float = 0.0
    band_period: float = 64.0
    band_phase: float = 0.0


def random_pose(
    rng: np.random.Generator,
    size: tuple[float, float],
    *,
    roll: float = 12.0,
    tilt: float = 12.0,
    centre: tuple[float, float] | None = None,
) -> Pose:
    """A code `size` px across (drawn from the range), rolled and tilted up to the given degrees
    (a roll of 180 or more: any angle), at `centre` or anywhere it fits in the frame."""
    qr_px = float(rng.uniform(*size))
    margin = qr_px * 0.9
    if centre is None:
        centre = (
            float(rng.uniform(margin, FRAME_SIZE[0] - margin)),
            float(rng.uniform(margin * 0.8, FRAME_SIZE[1] - margin * 0.8)),
        )
    roll_deg = float(rng.uniform(-roll, roll)) if roll < 180 else float(rng.uniform(0, 360))
    return Pose(
        qr_px=qr_px,
        roll=roll_deg,
        pitch=float(rng.uniform(-tilt, tilt)),
        yaw=float(rng.uniform(-tilt, tilt)),
        centre=centre,
    )


def background(rng: np.random.Generator) -> np.ndarray:
    """A desk seen from above: a lit gradient, wood-like streaks and a few objects.

    Drawn at half size and enlarged: it is out of focus anyway, and this is 4x cheaper.
    """
    w, h = FRAME_SIZE[0] // 2, FRAME_SIZE[1] // 2
    base = rng.uniform(90, 170, 3)
    angle = rng.uniform(0, 2 * math.pi)
    xx = np.arange(w, dtype=np.float32)[None, :] * math.cos(angle)
    yy = np.arange(h, dtype=np.float32)[:, None] * math.sin(angle)
    light = 0.75 + 0.35 * (xx + yy) / max(w, h)
    desk = light[:, :, None] * base.astype(np.float32)[None, None, :]
    streaks = cv2.resize(rng.normal(0, 12, (h // 4, 4)).astype(np.float32), (w, h))
    desk += streaks[:, :, None]
    for _ in range(int(rng.integers(2, 6))):
        colour = tuple(float(v) for v in rng.uniform(20, 235, 3))
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        if rng.random() < 0.5:
            corner = (x + int(rng.integers(20, 130)), y + int(rng.integers(10, 80)))
            cv2.rectangle(desk, (x, y), corner, colour, -1)
        else:
            cv2.circle(desk, (x, y), int(rng.integers(8, 45)), colour, -1)
    soft = cv2.GaussianBlur(desk, (0, 0), 1.0)
    return cv2.resize(soft, FRAME_SIZE, interpolation=cv2.INTER_LINEAR)


def _screen(
    modules: np.ndarray | None, module_px: int, look: Look, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """The phone as a flat image (grey, float) and where the code's corners are on it."""
    n = 21 if modules is None else modules.shape[0]
    qr_side = (n + 2 * _QUIET_MODULES) * module_px
    width = int(qr_side * 1.5)
    height = int(width * 2.05)
    bezel = max(4, width // 30)
    paper, ink = (look.ink, look.paper) if look.inverted else (look.paper, look.ink)
    phone = np.full((height + 2 * bezel, width + 2 * bezel), 12.0, np.float32)
    screen = phone[bezel : bezel + height, bezel : bezel + width]
    screen[:] = paper
    header = int(height * 0.09)
    screen[:header] = paper * 0.55 + ink * 0.45
    for i in range(int(rng.integers(3, 7))):
        y = int(height * 0.72) + i * int(height * 0.04)
        line_w = int(width * rng.uniform(0.3, 0.8))
        screen[y : y + max(2, int(height * 0.015)), width // 10 : width // 10 + line_w] = ink
    x0 = (width - qr_side) // 2
    y0 = int(height * 0.18)
    if modules is None:
        for _ in range(int(rng.integers(2, 5))):
            cy = int(rng.integers(y0, y0 + qr_side))
            cx = int(rng.integers(x0, x0 + qr_side))
            cv2.circle(screen, (cx, cy), int(qr_side * rng.uniform(0.08, 0.3)), ink, -1)
    else:
        code = np.where(np.kron(modules, np.ones((module_px, module_px), bool)), ink, paper)
        q = _QUIET_MODULES * module_px
        screen[y0 + q : y0 + q + code.shape[0], x0 + q : x0 + q + code.shape[1]] = code
    if look.moire:
        yy, xx = np.ogrid[0 : phone.shape[0], 0 : phone.shape[1]]
        pitch = rng.uniform(2.05, 2.4)
        grid = 0.78 + 0.22 * np.cos(2 * math.pi * xx / pitch) * np.cos(2 * math.pi * yy / pitch)
        phone[bezel : bezel + height, bezel : bezel + width] *= grid[
            bezel : bezel + height, bezel : bezel + width
        ]
    left = bezel + x0 + _QUIET_MODULES * module_px
    top = bezel + y0 + _QUIET_MODULES * module_px
    side = n * module_px
    corners = np.asarray(
        [[left, top], [left + side, top], [left + side, top + side], [left, top + side]],
        dtype=np.float32,
    )
    return phone, corners


def _homography(pose: Pose, code_corners: np.ndarray) -> np.ndarray:
    """Project the phone plane through a pinhole camera so the code lands where `pose` says."""
    side_px = float(code_corners[1, 0] - code_corners[0, 0])
    mm_per_px = _QR_MM / side_px
    centre = code_corners.mean(axis=0)
    distance = _FOCAL_PX * _QR_MM / pose.qr_px
    r_roll, r_pitch, r_yaw = (math.radians(a) for a in (pose.roll, pose.pitch, pose.yaw))
    rz = np.array(
        [
            [math.cos(r_roll), -math.sin(r_roll), 0],
            [math.sin(r_roll), math.cos(r_roll), 0],
            [0, 0, 1],
        ]
    )
    rx = np.array(
        [
            [1, 0, 0],
            [0, math.cos(r_pitch), -math.sin(r_pitch)],
            [0, math.sin(r_pitch), math.cos(r_pitch)],
        ]
    )
    ry = np.array(
        [[math.cos(r_yaw), 0, math.sin(r_yaw)], [0, 1, 0], [-math.sin(r_yaw), 0, math.cos(r_yaw)]]
    )
    rotation = ry @ rx @ rz
    src = np.asarray([[0, 0], [1, 0], [1, 1], [0, 1]], dtype=np.float32) * 4000 - 2000 + centre
    dst = []
    for x, y in src:
        point = rotation @ np.array([(x - centre[0]) * mm_per_px, (y - centre[1]) * mm_per_px, 0])
        z = distance + point[2]
        dst.append(
            [
                pose.centre[0] + _FOCAL_PX * point[0] / z,
                pose.centre[1] + _FOCAL_PX * point[1] / z,
            ]
        )
    return cv2.getPerspectiveTransform(
        np.asarray(src, dtype=np.float32), np.asarray(dst, dtype=np.float32)
    )


@dataclass(frozen=True)
class PhoneLayer:
    """A phone drawn on its own, so it can be blurred with its motion before it is laid over a
    frame: `colour` (BGR, already weighted by `cover`) and `cover` (0-1) span `box` (x0, y0, x1,
    y1 in the frame); `corners` are the code's corners in the frame."""

    box: tuple[int, int, int, int]
    colour: np.ndarray
    cover: np.ndarray
    corners: np.ndarray

    def paint(self, frame: np.ndarray) -> None:
        """Lay the phone over `frame` (float BGR)."""
        x0, y0, x1, y1 = self.box
        region = frame[y0:y1, x0:x1]
        region *= (1 - self.cover)[:, :, None]
        region += self.colour


def phone_layer(
    modules: np.ndarray | None,
    pose: Pose,
    look: Look,
    rng: np.random.Generator,
    *,
    pad: int = 0,
) -> PhoneLayer:
    """The phone showing `modules` (None: a screen with other things on it) held at `pose`.

    `box` is the phone's bounding box in the frame, widened by `pad` px for a blur to spread into.
    """
    n = 21 if modules is None else modules.shape[0]
    final_module = pose.qr_px / n
    module_px = max(3, math.ceil(2 * final_module))
    if look.moire:
        module_px = max(module_px, 9)
    phone, corners = _screen(modules, module_px, look, rng)
    scale = final_module / module_px
    if not look.moire and scale < 0.7:
        phone = cv2.GaussianBlur(phone, (0, 0), 0.45 / scale)
    h = _homography(pose, corners)
    projected: NDArray[np.float32] = cv2.perspectiveTransform(corners[None], h)[0]
    ph, pw = phone.shape
    outline = np.asarray([[0, 0], [pw, 0], [pw, ph], [0, ph]], dtype=np.float32)
    spread = cv2.perspectiveTransform(outline[None], h)[0]
    x0, y0 = np.maximum(np.floor(spread.min(axis=0)).astype(int) - 1 - pad, 0)
    x1, y1 = np.minimum(np.ceil(spread.max(axis=0)).astype(int) + 1 + pad, FRAME_SIZE)
    if x1 <= x0 or y1 <= y0:
        empty = np.zeros((0, 0), np.float32)
        return PhoneLayer((0, 0, 0, 0), empty[:, :, None], empty, projected)
    # Warp into the phone's bounding box only: most of the frame is desk.
    local = np.array([[1, 0, -x0], [0, 1, -y0], [0, 0, 1]], np.float64) @ h
    size = (int(x1 - x0), int(y1 - y0))
    flags = cv2.INTER_NEAREST if look.moire else cv2.INTER_LINEAR
    warped = cv2.warpPerspective(phone, local, size, flags=flags, borderValue=0)
    if look.banding > 0:
        rows = np.arange(y0, y1, dtype=np.float32)[:, None]
        wave = np.sin(2 * math.pi * rows / look.band_period + look.band_phase)
        warped = warped * (1 - look.banding * (0.5 + 0.5 * wave))
    mask = np.ones(phone.shape, np.float32)
    cover = cv2.warpPerspective(mask, local, size, flags=cv2.INTER_LINEAR, borderValue=0)
    tint = rng.uniform(0.93, 1.0, 3).astype(np.float32)
    colour = (warped * cover)[:, :, None] * tint[None, None, :]
    return PhoneLayer((int(x0), int(y0), int(x1), int(y1)), colour, cover, projected)


def _place_phone(
    frame: np.ndarray,
    modules: np.ndarray | None,
    pose: Pose,
    look: Look,
    rng: np.random.Generator,
) -> np.ndarray:
    """Draw the phone into `frame` (float BGR) and return the code's corners in the frame."""
    layer = phone_layer(modules, pose, look, rng)
    layer.paint(frame)
    if look.finger:
        _finger(frame, layer.corners, rng)
    return layer.corners


def _finger(frame: np.ndarray, corners: np.ndarray, rng: np.random.Generator) -> None:
    """A fingertip over the bottom-right of the code, where there is no finder pattern."""
    side = float(np.linalg.norm(corners[1] - corners[0]))
    bottom_right = corners[2]
    centre_of_code = corners.mean(axis=0)
    t = rng.uniform(0.62, 0.78)
    tip = centre_of_code + (bottom_right - centre_of_code) * t
    direction = bottom_right - centre_of_code
    angle = math.degrees(math.atan2(direction[1], direction[0])) + float(rng.uniform(-20, 20))
    axes = (int(side * rng.uniform(0.55, 0.7)), int(side * rng.uniform(0.14, 0.19)))
    skin = np.array([120, 150, 205], np.float32) * rng.uniform(0.75, 1.05)
    draw_finger(frame, tip, angle, axes, skin)


def draw_finger(
    frame: np.ndarray,
    tip: np.ndarray,
    angle: float,
    axes: tuple[int, int],
    skin: np.ndarray,
) -> np.ndarray:
    """A finger (half length and half width `axes`, px) in `frame`, ending at `tip` and reaching
    out of it towards `angle` (degrees, frame axes); returns its opacity per pixel (0-1), which
    tells what it hides."""
    along = np.array([math.cos(math.radians(angle)), math.sin(math.radians(angle))])
    centre = tip + along * axes[0]
    layer = np.zeros(frame.shape[:2], np.float32)
    cv2.ellipse(
        layer,
        (round(centre[0]), round(centre[1])),
        axes,
        angle,
        0,
        360,
        1.0,
        -1,
        cv2.LINE_AA,
    )
    soft = cv2.GaussianBlur(layer, (0, 0), 2.0)
    for c in range(3):
        frame[:, :, c] = frame[:, :, c] * (1 - soft) + skin[c] * soft
    return soft


def _disk_blur(image: np.ndarray, radius: float) -> np.ndarray:
    size = 2 * math.ceil(radius) + 1
    kernel = np.zeros((size, size), np.float32)
    cv2.circle(kernel, (size // 2, size // 2), round(radius), 1.0, -1, cv2.LINE_AA)
    return cv2.filter2D(image, -1, kernel / kernel.sum())


def motion_blur(image: np.ndarray, length: int, angle: float) -> np.ndarray:
    """Smear `image` along a line `length` px long at `angle` degrees: what moved that far while
    the shutter was open."""
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1.0
    rotation = cv2.getRotationMatrix2D(((length - 1) / 2, (length - 1) / 2), angle, 1.0)
    rotated = cv2.warpAffine(kernel, rotation, (length, length))
    return cv2.filter2D(image, -1, rotated / rotated.sum())


def _glare(image: np.ndarray, corners: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    side = float(np.linalg.norm(corners[1] - corners[0]))
    weights = rng.dirichlet(np.ones(4))
    centre = weights @ corners
    sigma_x = side * rng.uniform(0.1, 0.16)
    sigma_y = sigma_x * rng.uniform(0.5, 1.0)
    return glare_spot(image, centre, (sigma_x, sigma_y), rng.uniform(200, 260))


def glare_spot(
    image: np.ndarray, centre: np.ndarray, sigma: tuple[float, float], strength: float
) -> np.ndarray:
    """`image` with a ceiling light reflected at `centre`: a Gaussian spot adding up to
    `strength` to every channel, `sigma` px wide (x, y)."""
    h, w = image.shape[:2]
    yy, xx = np.ogrid[0:h, 0:w]
    spot: NDArray[np.float64] = np.exp(
        -(((xx - centre[0]) / sigma[0]) ** 2 + ((yy - centre[1]) / sigma[1]) ** 2) / 2
    )
    return image + (spot * strength)[:, :, None]


def gaussian_noise(shape: tuple[int, int], sigma: float, rng: np.random.Generator) -> np.ndarray:
    """Per-pixel sensor noise, the same in every channel (webcams suppress colour noise).

    OpenCV's generator, seeded from `rng`, is several times faster than numpy's.
    """
    noise = np.empty(shape, np.float32)
    cv2.setRNGSeed(int(rng.integers(0, 2**31)))
    cv2.randn(noise, np.array([0.0]), np.array([sigma]))
    return noise


def webcam_jpeg(
    image: np.ndarray, rng: np.random.Generator, *, noise: float = 3.0, jpeg: int = 88
) -> bytes:
    """Lens softness, sensor noise (`noise`: sigma in grey levels) and the webcam's MJPEG
    encoder (`jpeg`: quality): the bytes a webcam sends for a scene (float BGR)."""
    image = cv2.GaussianBlur(image, (0, 0), 0.6)
    image = image + gaussian_noise(image.shape[:2], noise, rng)[:, :, None]
    frame = np.clip(image, 0, 255).astype(np.uint8)
    ok, encoded = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, jpeg])
    if not ok:
        raise RuntimeError("JPEG encoder refused a frame")
    return encoded.tobytes()


def _camera(image: np.ndarray, rng: np.random.Generator, *, noise: float, jpeg: int) -> np.ndarray:
    """The frame a webcam delivers for a scene, decoded as its driver does."""
    encoded = np.frombuffer(webcam_jpeg(image, rng, noise=noise, jpeg=jpeg), np.uint8)
    decoded = cv2.imdecode(encoded, cv2.IMREAD_COLOR)
    if decoded is None:
        raise RuntimeError("JPEG decoder refused a frame")
    return decoded


def render(
    category: str, texts: Sequence[str], rng: np.random.Generator
) -> tuple[np.ndarray, list[np.ndarray]]:
    """One BGR frame of `category` showing a phone per text; also the code corners per text.

    With no texts the frame shows a desk, perhaps with a phone showing something else.
    """
    if category not in CATEGORIES and category != NO_CODE:
        raise ValueError(f"unknown frame category {category!r}")
    frame = background(rng)
    look = Look(
        inverted=category == "inverted",
        moire=category == "moire",
        finger=category == "finger",
    )
    size = (190.0, 300.0)
    roll, tilt = 12.0, 12.0
    if category == "rotated":
        roll = 360.0
    elif category == "perspective":
        tilt = 0.0
    elif category == "far":
        size = (92.0, 120.0)
    elif category == "dim_backlight":
        look = Look(paper=int(rng.integers(60, 85)), ink=int(rng.integers(22, 32)))
    elif category == "moire":
        size = (200.0, 260.0)
    corners: list[np.ndarray] = []
    slots = _slots(len(texts))
    for text, centre in zip(texts, slots, strict=True):
        pose = random_pose(rng, size, roll=roll, tilt=tilt, centre=centre)
        if category == "perspective":
            pose = _steep(pose, rng)
        corners.append(_place_phone(frame, qr_modules(text), pose, look, rng))
    if not texts and rng.random() < 0.7:
        pose = random_pose(rng, size, roll=40.0, tilt=25.0)
        _place_phone(frame, None, pose, look, rng)
    noise, jpeg = 3.0, 88
    if category == "defocus":
        frame = _disk_blur(frame, rng.uniform(2.5, 4.0))
    elif category == "motion_blur":
        frame = motion_blur(frame, int(rng.integers(7, 12)), float(rng.uniform(0, 180)))
    elif category == "glare":
        frame = _glare(frame, corners[0], rng)
    elif category == "low_light":
        frame = frame * rng.uniform(0.1, 0.16)
        frame = frame + gaussian_noise(frame.shape[:2], 2.2, rng)[:, :, None]
        frame = np.round(frame) * rng.uniform(2.2, 3.0)
    elif category == "sensor_noise":
        noise = float(rng.uniform(12, 18))
    elif category == "jpeg":
        jpeg = int(rng.integers(8, 16))
    return _camera(frame, rng, noise=noise, jpeg=jpeg), corners


def _steep(pose: Pose, rng: np.random.Generator) -> Pose:
    """A phone tilted 40-55 degrees: held flat towards a camera that looks down at the desk."""
    tilt = float(rng.uniform(40, 55))
    direction = float(rng.uniform(0, 2 * math.pi))
    return Pose(
        qr_px=pose.qr_px,
        roll=pose.roll,
        pitch=tilt * math.cos(direction),
        yaw=tilt * math.sin(direction),
        centre=pose.centre,
    )


def _slots(count: int) -> list[tuple[float, float] | None]:
    """Where the codes go: anywhere for one; side by side for several."""
    if count <= 1:
        return [None] * count
    w, h = FRAME_SIZE
    return [(w * (i + 0.5) / count, h / 2) for i in range(count)]


def category_frames(
    category: str,
    count: int,
    *,
    seed: int = 0,
    token: Callable[[np.random.Generator], str] = sample_token,
) -> list[SyntheticFrame]:
    """`count` frames of one category; each category has its own stream of the seed, so a set
    can be generated in parallel and a category's frames do not depend on the others."""
    stream = CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES)
    rng = np.random.default_rng([seed, stream])
    frames: list[SyntheticFrame] = []
    for _ in range(count):
        texts = () if category == NO_CODE else (token(rng),)
        image, _ = render(category, texts, rng)
        frames.append(SyntheticFrame(category, image, texts))
    return frames
