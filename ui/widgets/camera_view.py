"""Live camera preview with a framing guide that shows the family where to hold the phone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    import numpy as np

GUIDE_FRACTION = 0.62
"""Side of the guide square as a fraction of the preview's shorter side."""


def frame_to_image(frame: np.ndarray) -> QImage:
    """A BGR (OpenCV) or grey uint8 frame as a QImage that owns its pixels (rows may be padded;
    pixels within a row must be packed, as OpenCV delivers them)."""
    height, width = frame.shape[:2]
    kind = QImage.Format.Format_Grayscale8 if frame.ndim == 2 else QImage.Format.Format_BGR888
    return QImage(frame.data, width, height, frame.strides[0], kind).copy()


class CameraView(QWidget):
    """Paints the latest frame (mirrored, as people expect of a camera facing them) and a guide.

    It never waits for a frame: `show_frame` only swaps the image and schedules a repaint.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self._image: QImage | None = None
        self._found = False
        self.mirrored = True

    def show_frame(self, image: QImage) -> None:
        self._image = image
        self.update()

    def clear(self) -> None:
        self._image = None
        self._found = False
        self.update()

    def set_found(self, found: bool) -> None:
        """Turn the guide green for a moment when a code was read."""
        self._found = found
        self.update()

    @property
    def has_frame(self) -> bool:
        return self._image is not None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#1d2329"))
        if self._image is not None:
            scaled = self._image.scaled(
                self.size(),
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            x = (self.width() - scaled.width()) // 2
            y = (self.height() - scaled.height()) // 2
            painter.save()
            if self.mirrored:
                painter.translate(self.width(), 0)
                painter.scale(-1, 1)
            painter.drawImage(x, y, scaled)
            painter.restore()
        self._paint_guide(painter)
        painter.end()

    def _paint_guide(self, painter: QPainter) -> None:
        side = min(self.width(), self.height()) * GUIDE_FRACTION
        guide = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        shade = QPainterPath()
        shade.addRect(QRectF(self.rect()))
        hole = QPainterPath()
        hole.addRoundedRect(guide, 18, 18)
        painter.fillPath(shade.subtracted(hole), QColor(0, 0, 0, 110))
        colour = QColor("#3ddc84") if self._found else QColor("#ffffff")
        pen = QPen(colour, max(4.0, side / 40))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        arm = side / 5
        left, top, right, bottom = guide.left(), guide.top(), guide.right(), guide.bottom()
        for cx, cy, dx, dy in (
            (left, top, 1, 1),
            (right, top, -1, 1),
            (left, bottom, 1, -1),
            (right, bottom, -1, -1),
        ):
            painter.drawLine(int(cx), int(cy), int(cx + dx * arm), int(cy))
            painter.drawLine(int(cx), int(cy), int(cx), int(cy + dy * arm))
