"""The webcam of `kiosk.scan.photographed`'s photos: its lens, sensor, ISP and JPEG encoder.

The photographed set checks that the decoder is not fitted to `kiosk.scan.synthetic`'s quirks, so
it images its scenes through a chain of its own, independent of that generator's degradations.
`capture` takes a scene in linear light and returns the BGR frame a webcam would hand the kiosk:

- the lens: a defocus disc with a bright rim (spherical aberration) whose radius differs per
  colour (longitudinal chromatic aberration), red and blue magnified apart from green (lateral
  chromatic aberration), veiling flare and vignetting. These PSFs are modelled, not measured:
  no measured lens data is available offline;
- the sensor: centre-weighted auto-exposure metering the whole scene, then an RGGB Bayer mosaic
  with shot and read noise at the exposure's gain, 10 bits;
- the ISP: demosaicing, white balance for the room (which leaves the screen's white point off),
  the sRGB curve, sharpening, and JPEG at camera quality through PIL (4:2:0).

`srgb_to_linear` undoes that curve: the scene's colours are given in sRGB, and it turns them into
the linear light the scene is made of.
"""

from __future__ import annotations

import io
import math

import cv2
import numpy as np
from PIL import Image

from kiosk.scan.synthetic import FRAME_SIZE

_WIDTH, _HEIGHT = FRAME_SIZE
PRINCIPAL_POINT = (_WIDTH / 2, _HEIGHT / 2)
"""Where the lens's axis meets the frame: its centre."""
FOCAL_PX = _WIDTH / 2 / math.tan(math.radians(68 / 2))
"""The pinhole's focal length in frame pixels (a 68 degree horizontal field of view): the scene
places the phone by it and `PRINCIPAL_POINT`, the lens vignettes by it."""

_FULL_WELL = 6000.0  # electrons at full scale at unity gain
_READ_NOISE = 2.5  # electrons
_ADC_LEVELS = 1023  # 10 bits


def srgb_to_linear(code: np.ndarray) -> np.ndarray:
    """sRGB codes (0-255) to linear light (0-1): light adds up, and blurs, in linear light."""
    c = code / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _linear_to_srgb(linear: np.ndarray) -> np.ndarray:
    """Linear light (0-1) to sRGB (0-1): the encoding the ISP hands over."""
    return np.where(linear <= 0.0031308, linear * 12.92, 1.055 * linear ** (1 / 2.4) - 0.055)


_ENCODE_LEVELS = 4096
_SRGB_CURVE = _linear_to_srgb(np.linspace(0.0, 1.0, _ENCODE_LEVELS)).astype(np.float32)
"""The ISP's output curve, linear light (in `_ENCODE_LEVELS` steps) to sRGB in [0, 1]."""


def _defocus_kernel(radius: float) -> np.ndarray:
    """A defocus disc brighter at its rim than at its centre (spherical aberration)."""
    half = math.ceil(radius + 0.5)
    fine = 5
    axis = (np.arange((2 * half + 1) * fine) + 0.5) / fine - (half + 0.5)
    r = np.hypot(axis[None, :], axis[:, None]) / max(radius, 0.3)
    weight = np.where(r <= 1, 0.55 + 0.45 * r**4, 0)
    kernel = weight.reshape(2 * half + 1, fine, 2 * half + 1, fine).sum(axis=(1, 3))
    normalised: np.ndarray = (kernel / kernel.sum()).astype(np.float32)
    return normalised


def _lens(image: np.ndarray, defocus: float, rng: np.random.Generator) -> np.ndarray:
    """The webcam's lens: defocus with longitudinal and lateral chromatic aberration, residual
    softness, veiling flare and vignetting."""
    # Red and blue focus on either side of green: their discs are larger and smaller.
    spread = float(rng.uniform(0.04, 0.12)) * (1 if rng.random() < 0.5 else -1)
    blurred = cv2.merge(
        [
            cv2.filter2D(image[:, :, c], -1, _defocus_kernel(defocus * (1 + spread * (1 - c))))
            for c in range(3)
        ]
    )
    out = cv2.GaussianBlur(blurred, (0, 0), float(rng.uniform(0.35, 0.55)))
    small = cv2.resize(out, (_WIDTH // 8, _HEIGHT // 8), interpolation=cv2.INTER_AREA)
    halo = cv2.resize(
        cv2.GaussianBlur(small, (0, 0), 6), FRAME_SIZE, interpolation=cv2.INTER_LINEAR
    )
    flare = float(rng.uniform(0.01, 0.03))
    out = out * (1 - flare) + halo * flare
    lateral = float(rng.uniform(3e-4, 1.2e-3))
    cx, cy = (
        PRINCIPAL_POINT[0] - 0.5,
        PRINCIPAL_POINT[1] - 0.5,
    )  # OpenCV puts pixel centres on integers
    for c, sign in ((0, 1), (2, -1)):
        s = 1 + sign * lateral
        grow = np.array([[s, 0, (1 - s) * cx], [0, s, (1 - s) * cy]], np.float64)
        out[:, :, c] = cv2.warpAffine(
            out[:, :, c], grow, FRAME_SIZE, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT
        )
    ys, xs = np.ogrid[0:_HEIGHT, 0:_WIDTH]
    slant = ((xs - cx) ** 2 + (ys - cy) ** 2) / FOCAL_PX**2
    falloff = float(rng.uniform(0.3, 0.6))
    vignette = (1 - falloff) + falloff / (1 + slant) ** 2  # cos^4 law, partly corrected by the ISP
    vignetted: np.ndarray = out * vignette.astype(np.float32)[:, :, None]
    return vignetted


def _expose(image: np.ndarray, gain: float, rng: np.random.Generator) -> np.ndarray:
    """Centre-weighted auto-exposure, then the RGGB sensor: shot and read noise, 10-bit levels
    (returned in the top bits of uint16, as OpenCV's demosaicing takes them)."""
    small = cv2.resize(image, (_WIDTH // 8, _HEIGHT // 8), interpolation=cv2.INTER_AREA)
    luminance = small @ np.array([0.27, 0.6, 0.13], np.float32)
    ys, xs = np.ogrid[0 : small.shape[0], 0 : small.shape[1]]
    weight = np.exp(
        -(((xs / small.shape[1] - 0.5) / 0.4) ** 2 + ((ys / small.shape[0] - 0.5) / 0.4) ** 2) / 2
    )
    metered = float((luminance * weight).sum() / weight.sum())
    full_scale = _FULL_WELL / gain
    exposure = float(rng.uniform(0.15, 0.22)) / max(metered, 1e-6) * full_scale
    mosaic = np.empty((_HEIGHT, _WIDTH), np.float32)
    mosaic[0::2, 0::2] = image[0::2, 0::2, 0]
    mosaic[0::2, 1::2] = image[0::2, 1::2, 1]
    mosaic[1::2, 0::2] = image[1::2, 0::2, 1]
    mosaic[1::2, 1::2] = image[1::2, 1::2, 2]
    electrons = np.maximum(mosaic * exposure, 0)
    noise = rng.standard_normal(electrons.shape, dtype=np.float32) * np.sqrt(
        electrons + _READ_NOISE**2
    )
    level = np.clip((electrons + noise) / full_scale, 0, 1)
    raw: np.ndarray = (np.round(level * _ADC_LEVELS) * 64).astype(np.uint16)
    return raw


def _develop(
    raw: np.ndarray, room: tuple[float, float, float], rng: np.random.Generator
) -> np.ndarray:
    """The webcam's ISP: edge-aware demosaicing, white balance for the room's light (estimated
    within a few per cent; the screen's own white stays off), sRGB curve, sharpening."""
    rgb = cv2.cvtColor(raw, cv2.COLOR_BayerRGGB2RGB_EA).astype(np.float32) / (_ADC_LEVELS * 64)
    gains = rng.normal(1, 0.03, 3) / np.array(room)
    rgb *= (gains / gains.min()).astype(np.float32)
    index = np.minimum(rgb * (_ENCODE_LEVELS - 1) + 0.5, _ENCODE_LEVELS - 1).astype(np.int32)
    encoded = _SRGB_CURVE[index]
    blurred = cv2.GaussianBlur(encoded, (0, 0), 0.9)
    sharpened = encoded + float(rng.uniform(0.4, 0.9)) * (encoded - blurred)
    developed: np.ndarray = np.clip(sharpened * 255 + 0.5, 0, 255).astype(np.uint8)
    return developed


def _jpeg(rgb: np.ndarray, quality: int) -> np.ndarray:
    """The webcam's JPEG (PIL, 4:2:0) decoded back, as a BGR frame."""
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=quality, subsampling="4:2:0")
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        bgr: np.ndarray = np.ascontiguousarray(np.asarray(decoded.convert("RGB"))[:, :, ::-1])
    return bgr


def capture(
    scene: np.ndarray,
    *,
    defocus: float,
    gain: float,
    room: tuple[float, float, float],
    quality: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """The BGR frame the webcam hands over for `scene` (linear RGB, frame-sized): through the lens
    with a green defocus disc of radius `defocus` pixels, the sensor at `gain`, the ISP balancing
    white for the `room`'s light, and JPEG at `quality`."""
    raw = _expose(_lens(scene, defocus, rng), gain, rng)
    return _jpeg(_develop(raw, room, rng), quality)
