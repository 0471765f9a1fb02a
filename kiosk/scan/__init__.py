"""The scan pipeline: camera frames and keyboard-wedge scanners in, verified e-cards out.

`decode` and `FrameError` are loaded on first use: the decoder brings OpenCV and the QR libraries
(about half a second), which the keyboard-wedge detector and the kiosk's cold start do not need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.scan.decoder import FrameError, decode

__all__ = ["FrameError", "decode"]


def __getattr__(name: str) -> object:
    if name in __all__:
        return getattr(importlib.import_module("kiosk.scan.decoder"), name)
    raise AttributeError(f"module 'kiosk.scan' has no attribute {name!r}")
