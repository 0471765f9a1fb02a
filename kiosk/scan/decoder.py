"""QR decoding of camera frames: zxing-cpp first, then targeted retries where a symbol was seen.

Measured on the benchmark frames (`bench/qr_decode.py`): zxing-cpp alone reads more than pyzbar or
OpenCV in every category, and does so in ~1.5 ms on a 720p frame, inverted codes included, while
pyzbar takes ~25 ms and OpenCV ~40-60 ms. So every frame gets one zxing-cpp pass over the whole
frame. Most frames show no code, and zxing-cpp then reports nothing at all, so they cost that
single pass. When it locates a symbol but cannot read it (blur, glare, a finger), the retries run
on a crop around that symbol only — sharpened, re-binarised, then given to pyzbar and OpenCV —
which is where the pipeline reads more than any library alone at little cost.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
import zxingcpp
from pyzbar import pyzbar

MAX_PIXELS = 4096 * 2160
"""Largest frame accepted: bounds the work one frame can cause (a 4K camera still fits)."""

_QR = zxingcpp.BarcodeFormat.QRCode
_CROP_MARGIN = 0.25  # of the symbol's size, so the quiet zone and a misplaced corner are inside
_MIN_CROP_SIDE = 160  # px; smaller crops are upscaled first, as pyzbar needs ~3 px per module
_SAME_SYMBOL = 0.5  # overlap above which two located symbols are taken as one


class FrameError(ValueError):
    """The value handed to `decode` is not a camera frame (wrong type, dtype, shape or size)."""


def decode(frame: object) -> list[str]:
    """The texts of the QR codes readable in one camera frame, in reading order; [] if none.

    `frame` is a BGR, BGRA or grey uint8 numpy array (any size up to `MAX_PIXELS`). Anything else
    raises `FrameError`, so a broken camera driver is reported instead of crashing the worker.
    """
    grey = _grey(frame)
    if min(grey.shape) < 21:
        return []
    texts: list[str] = []
    read: list[tuple[int, int, int, int]] = []
    unread: list[tuple[int, int, int, int]] = []
    for symbol in zxingcpp.read_barcodes(grey, formats=_QR, return_errors=True):
        box = _crop_box(symbol.position, grey.shape)
        if symbol.valid:
            read.append(box)
            if symbol.text not in texts:
                texts.append(symbol.text)
        elif all(_overlap(box, seen) < _SAME_SYMBOL for seen in read + unread):
            unread.append(box)
    for box in unread:
        if any(_overlap(box, seen) >= _SAME_SYMBOL for seen in read):
            continue
        text = _retry(grey, box)
        if text is not None and text not in texts:
            texts.append(text)
    if unread and not texts:
        texts.extend(symbol.text for symbol in zxingcpp.read_barcodes(grey, **_WHOLE_FIXED))
    return texts


def _grey(frame: object) -> np.ndarray:
    if not isinstance(frame, np.ndarray):
        raise FrameError(f"a frame must be a numpy array, not {type(frame).__name__}")
    if frame.dtype != np.uint8:
        raise FrameError(f"a frame must have dtype uint8, not {frame.dtype}")
    if frame.ndim == 3 and frame.shape[2] == 1:
        frame = frame[:, :, 0]
    if frame.ndim not in (2, 3) or (frame.ndim == 3 and frame.shape[2] not in (3, 4)):
        raise FrameError(f"a frame must be grey (h, w) or BGR/BGRA (h, w, 3|4), not {frame.shape}")
    if frame.size == 0:
        raise FrameError(f"the frame is empty: {frame.shape}")
    if frame.shape[0] * frame.shape[1] > MAX_PIXELS:
        raise FrameError(f"the frame is larger than {MAX_PIXELS} pixels: {frame.shape}")
    if frame.ndim == 2:
        return np.ascontiguousarray(frame)
    code = cv2.COLOR_BGR2GRAY if frame.shape[2] == 3 else cv2.COLOR_BGRA2GRAY
    return cv2.cvtColor(frame, code)


def _crop_box(position: zxingcpp.Position, shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    """The crop (x0, y0, x1, y1) around a located symbol, with room for its quiet zone."""
    corners = (position.top_left, position.top_right, position.bottom_right, position.bottom_left)
    xs = [p.x for p in corners]
    ys = [p.y for p in corners]
    pad = _CROP_MARGIN * max(max(xs) - min(xs), max(ys) - min(ys), 8)
    height, width = shape[:2]
    return (
        max(0, int(min(xs) - pad)),
        max(0, int(min(ys) - pad)),
        min(width, int(max(xs) + pad) + 1),
        min(height, int(max(ys) + pad) + 1),
    )


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    """Intersection over the smaller box: a partial quad inside a full one counts as the same."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h / smaller


def _sharpen(grey: np.ndarray, sigma: float, amount: float) -> np.ndarray:
    blurred = cv2.GaussianBlur(grey, (0, 0), sigma)
    return cv2.addWeighted(grey, 1 + amount, blurred, -amount, 0)


def _zxing(binarizer: zxingcpp.Binarizer) -> Callable[[np.ndarray], str | None]:
    def read(image: np.ndarray) -> str | None:
        for symbol in zxingcpp.read_barcodes(image, formats=_QR, binarizer=binarizer):
            return symbol.text
        return None

    return read


def _pyzbar(image: np.ndarray) -> str | None:
    for inverted in (False, True):
        source = cv2.bitwise_not(image) if inverted else image
        for symbol in pyzbar.decode(source, symbols=[pyzbar.ZBarSymbol.QRCODE]):
            return symbol.data.decode("utf-8", errors="replace")
    return None


_OPENCV = cv2.QRCodeDetectorAruco()


def _opencv(image: np.ndarray) -> str | None:
    text, _, _ = _OPENCV.detectAndDecode(image)
    return text or None


_WHOLE_FIXED = {"formats": _QR, "binarizer": zxingcpp.Binarizer.FixedThreshold}
"""Last resort when crops failed: a located symbol's corners may be wrong, the frame is not."""

_LOCAL = _zxing(zxingcpp.Binarizer.LocalAverage)
_FIXED = _zxing(zxingcpp.Binarizer.FixedThreshold)
_GLOBAL = _zxing(zxingcpp.Binarizer.GlobalHistogram)


def _retry(grey: np.ndarray, box: tuple[int, int, int, int]) -> str | None:
    """Read a symbol zxing-cpp located but could not decode, trying the cheapest fixes first."""
    x0, y0, x1, y1 = box
    crop = grey[y0:y1, x0:x1]
    side = min(crop.shape)
    if side < _MIN_CROP_SIDE:
        factor = _MIN_CROP_SIDE / side
        crop = cv2.resize(crop, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    attempts: list[tuple[Callable[[np.ndarray], str | None], Callable[[], np.ndarray]]] = [
        (_FIXED, lambda: crop),
        (_LOCAL, lambda: _sharpen(crop, 2.0, 1.5)),
        (_FIXED, lambda: _sharpen(crop, 2.0, 1.5)),
        (_GLOBAL, lambda: _sharpen(crop, 3.0, 2.5)),
        (_LOCAL, lambda: _sharpen(crop, 3.0, 2.5)),
        (_pyzbar, lambda: crop),
        (_opencv, lambda: crop),
    ]
    for reader, image in attempts:
        text = reader(image())
        if text:
            return text
    return None
