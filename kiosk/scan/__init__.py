"""The scan pipeline: camera frames and keyboard-wedge scanners in, verified e-cards out."""

from kiosk.scan.decoder import FrameError, decode

__all__ = ["FrameError", "decode"]
