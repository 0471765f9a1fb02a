"""QR decoding of camera frames: zxing-cpp first, then targeted retries where a symbol was seen.

Measured (`bench/qr_decode.py`): on the webcam frames zxing-cpp alone reads at least as much as
pyzbar or OpenCV in every category, inverted codes included, in ~1.5 ms per 720p frame, where
pyzbar takes ~20 ms and OpenCV ~20-70 ms; on the photographed screens pyzbar reads some codes
zxing-cpp does not even locate (a thumb over part of a finder pattern). So:

1. one zxing-cpp pass over the whole frame (local-average binariser). Most frames show no code;
   they also get
2. one more whole-frame pass with a fixed threshold, which reads motion-blurred codes the local
   binariser breaks up (+0.25 ms on an empty frame; an empty frame costs these two passes only);
3. where either pass located a symbol it could not decode (blur, glare, a finger), retries on a
   sharpened crop around that symbol only, with pyzbar as the last try;
4. when nothing was read, a second chance for codes zxing-cpp did not locate (a thumb over part of
   a finder pattern) or located only in part: a texture measure at half resolution finds patches
   that change from dark to light often in both directions, as a code's modules do, and pyzbar
   (whose scan-line finder search tolerates what zxing-cpp's does not) reads a crop around each of
   at most two such patches. An empty desk rarely has one; the measure costs ~0.5 ms.
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
_Box = tuple[int, int, int, int]
_CROP_MARGIN = 0.25  # of the symbol's size, so the quiet zone and a misplaced corner are inside
_MIN_CROP_SIDE = 160  # px; smaller crops are upscaled first, as pyzbar needs ~3 px per module
_SAME_SYMBOL = 0.5  # overlap above which two located symbols are taken as one
_MAX_RETRIES = 4  # located-but-unread symbols retried per frame: bounds a frame's worst case


class FrameError(ValueError):
    """The value handed to `decode` is not a camera frame (wrong type, dtype, shape or size)."""


def decode(frame: object) -> list[str]:
    """The texts of the QR codes readable in one camera frame, each once; [] if none.

    `frame` is a BGR, BGRA or grey uint8 numpy array (any size up to `MAX_PIXELS`). Anything else
    raises `FrameError`, so a broken camera driver is reported instead of crashing the worker.
    """
    grey = _grey(frame)
    if min(grey.shape) < 21:
        return []
    found = _Found()
    found.add(zxingcpp.read_barcodes(grey, formats=_qr(), return_errors=True), grey.shape)
    if not found.texts:
        found.add(_fixed_pass(grey), grey.shape)
    for box in found.unread()[:_MAX_RETRIES]:
        text = _retry(grey, box)
        if text is not None and text not in found.texts:
            found.texts.append(text)
    if not found.texts and min(grey.shape) >= _MIN_PATCH * _CELL:
        for box in _code_like_patches(grey):
            text = _second_chance(grey, box)
            if text is not None:
                found.texts.append(text)
                break
    return found.texts


def _qr() -> zxingcpp.BarcodeFormats:
    """The formats argument: QR only. Made per call, as the binding made it from the bare enum
    before; one kept in a module global is reported as leaked by nanobind at interpreter exit."""
    return zxingcpp.BarcodeFormats(_QR)


def _fixed_pass(grey: np.ndarray) -> list[zxingcpp.Barcode]:
    """Second whole-frame pass: a global threshold keeps motion-blurred modules that the default
    local-average binariser breaks up. Without inversion and downscaling (which the first pass
    already tried) it costs ~0.25 ms on a 720p frame and reads as many blurred codes."""
    return zxingcpp.read_barcodes(
        grey,
        formats=_qr(),
        binarizer=zxingcpp.Binarizer.FixedThreshold,
        try_invert=False,
        try_downscale=False,
        return_errors=True,
    )


class _Found:
    """What the whole-frame passes found: texts read, and where symbols sit that were not."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._read: list[_Box] = []
        self._unread: list[_Box] = []

    def add(self, symbols: list[zxingcpp.Barcode], shape: tuple[int, ...]) -> None:
        for symbol in symbols:
            box = _crop_box(symbol.position, shape)
            if symbol.valid:
                self._read.append(box)
                if symbol.text not in self.texts:
                    self.texts.append(symbol.text)
            else:
                self._unread.append(box)

    def unread(self) -> list[_Box]:
        """One box per symbol located but not read by any pass (zxing-cpp repeats symbols)."""
        boxes: list[_Box] = []
        for box in self._unread:
            if all(_overlap(box, seen) < _SAME_SYMBOL for seen in self._read + boxes):
                boxes.append(box)
        return boxes


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


def _crop_box(position: zxingcpp.Position, shape: tuple[int, ...]) -> _Box:
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


def _overlap(a: _Box, b: _Box) -> float:
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
        for symbol in zxingcpp.read_barcodes(image, formats=_qr(), binarizer=binarizer):
            return symbol.text
        return None

    return read


def _pyzbar(image: np.ndarray) -> str | None:
    for inverted in (False, True):
        source = cv2.bitwise_not(image) if inverted else image
        for symbol in pyzbar.decode(source, symbols=[pyzbar.ZBarSymbol.QRCODE]):
            data: bytes = symbol.data  # pyzbar has no type information
            return data.decode("utf-8", errors="replace")
    return None


_LOCAL = _zxing(zxingcpp.Binarizer.LocalAverage)
_FIXED = _zxing(zxingcpp.Binarizer.FixedThreshold)


def _retry(grey: np.ndarray, box: _Box) -> str | None:
    """Read a symbol that was located but not decoded, from a sharpened crop around it.

    Ladder chosen on the benchmark's located-but-unread symbols (seeds 0-3): every rescue came
    from unsharp masking then zxing-cpp; pyzbar reads a subset of those and OpenCV none, so
    OpenCV is not tried at all and pyzbar last, where it costs only frames nothing else read.
    """
    x0, y0, x1, y1 = box
    crop = grey[y0:y1, x0:x1]
    side = min(crop.shape)
    if side < _MIN_CROP_SIDE:
        factor = _MIN_CROP_SIDE / side
        crop = cv2.resize(crop, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    soft = _sharpen(crop, 2.0, 1.5)
    text = _LOCAL(soft) or _FIXED(soft)
    if text:
        return text
    strong = _sharpen(crop, 3.0, 2.5)
    return _LOCAL(strong) or _pyzbar(soft)


_HALF = 2  # the texture measure thresholds at half resolution: a 2 px module is 1 px there
_CELL = 8  # full-resolution px per cell of the density map: a code at 2 px/module spans 11
_TEXTURE_THRESHOLD = 0.12  # transitions per px in both directions; text and streaks have fewer
_MIN_PATCH = 10  # cells: a 45-module code at 2 px per module, seen at an angle
_MAX_ASPECT = 2.5  # a code seen at 60 degrees is still no longer than this
_MIN_FILL = 0.45  # of the patch's bounding box: a code is a solid block, a streak's box is empty
_MAX_PATCHES = 2
_MAX_SECOND_CHANCE_PIXELS = 400 * 400  # larger crops are shrunk: bounds a frame's worst case


def _code_like_patches(grey: np.ndarray) -> list[_Box]:
    """Boxes (full resolution) around patches textured like a QR code's modules, largest first.

    A local threshold at half resolution, then the density of dark/light transitions across and
    down, averaged over cells of 8x8 px and their neighbours: a code has many in both directions,
    over a square-ish solid block. Labelling runs on the cells, so an empty frame stays cheap.
    """
    height, width = grey.shape[:2]
    small = cv2.resize(grey, (width // _HALF, height // _HALF), interpolation=cv2.INTER_AREA)
    ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 11, 6)
    cells = (max(1, width // _CELL), max(1, height // _CELL))
    across = _transitions(ink[:, 1:], ink[:, :-1], (0, 0, 0, 1), cells)
    down = _transitions(ink[1:, :], ink[:-1, :], (0, 1, 0, 0), cells)
    density = cv2.min(cv2.blur(across, (3, 3)), cv2.blur(down, (3, 3)))
    _, mask = cv2.threshold(density, 255 * _TEXTURE_THRESHOLD, 1, cv2.THRESH_BINARY)
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    patches: list[tuple[int, _Box]] = []
    for x, y, w, h, area in stats[1:count]:
        if min(w, h) < _MIN_PATCH or max(w, h) > _MAX_ASPECT * min(w, h):
            continue
        if area < _MIN_FILL * w * h:
            continue
        box = (int(x) * _CELL, int(y) * _CELL, int(x + w) * _CELL, int(y + h) * _CELL)
        patches.append((int(area), box))
    patches.sort(reverse=True)
    return [box for _, box in patches[:_MAX_PATCHES]]


def _transitions(
    ink: np.ndarray, shifted: np.ndarray, pad: tuple[int, int, int, int], cells: tuple[int, int]
) -> np.ndarray:
    """255 x the share of neighbouring pixels that differ, per cell. Padded back to the full
    size first: OpenCV's area resize is several times faster on whole multiples."""
    top, bottom, left, right = pad
    changes = cv2.copyMakeBorder(
        cv2.absdiff(ink, shifted), top, bottom, left, right, cv2.BORDER_CONSTANT, value=0
    )
    return cv2.resize(changes, cells, interpolation=cv2.INTER_AREA)


def _second_chance(grey: np.ndarray, box: _Box) -> str | None:
    """pyzbar, then zxing-cpp, on a crop around a code-like patch no reader located."""
    x0, y0, x1, y1 = box
    pad = int(_CROP_MARGIN * max(x1 - x0, y1 - y0) / 2)
    height, width = grey.shape[:2]
    crop = grey[max(0, y0 - pad) : min(height, y1 + pad), max(0, x0 - pad) : min(width, x1 + pad)]
    pixels = crop.shape[0] * crop.shape[1]
    if pixels > _MAX_SECOND_CHANCE_PIXELS:
        factor = (_MAX_SECOND_CHANCE_PIXELS / pixels) ** 0.5
        crop = cv2.resize(crop, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    return _pyzbar_upright(crop) or _LOCAL(crop)


def _pyzbar_upright(image: np.ndarray) -> str | None:
    for symbol in pyzbar.decode(image, symbols=[pyzbar.ZBarSymbol.QRCODE]):
        data: bytes = symbol.data  # pyzbar has no type information
        return data.decode("utf-8", errors="replace")
    return None
