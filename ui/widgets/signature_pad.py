"""The touch signature pad on the family-facing screen.

It records vector strokes (`kiosk.signature`) from mouse, touch or pen, using each event's own
timestamp and float position, and draws them as smooth curves whose width follows speed and, when
the device reports it, pressure. The strokes live in the pad's coordinates at the first pen-down;
when the pad is resized they are scaled to fit, so nothing is lost or cut. Ink is cached in an
image at the screen's device pixel ratio and grown one segment at a time while the pen moves.
"""

from __future__ import annotations

from PySide6.QtCore import (
    Property,
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QInputDevice,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.signature import (
    InkSegment,
    InkStroke,
    Point,
    Signature,
    SignatureCapture,
    ink_segments,
)

INK = QColor("#14213d")
"""Blue-black, as a pen on paper; prints dark on a monochrome printer."""
MIN_WIDTH = 1.4
MAX_WIDTH = 4.6
"""Ink widths in pad pixels: a fast flick at MIN, a slow or firm stroke up to MAX."""
SAMPLE_STEP = 0.75
"""Curve sampling step in pad pixels: below a device pixel, so curves never look faceted."""
WIDTH_STEP = 0.12
"""Width change (pad pixels) that starts a new pen: finer than the eye sees at print size."""


def _draw_segment(painter: QPainter, segment: InkSegment) -> None:
    """Draw a curve piece as polylines, a new pen only when the width has changed visibly."""
    pen = QPen(INK)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    samples = segment.samples(SAMPLE_STEP)
    run = [QPointF(samples[0][0], samples[0][1])]
    run_width = samples[0][2]
    for x, y, width in samples[1:]:
        run.append(QPointF(x, y))
        if abs(width - run_width) >= WIDTH_STEP:
            pen.setWidthF((run_width + width) / 2)
            painter.setPen(pen)
            painter.drawPolyline(run)
            run = [run[-1]]
            run_width = width
    if len(run) > 1:
        pen.setWidthF(run_width)
        painter.setPen(pen)
        painter.drawPolyline(run)


def _draw_dot(painter: QPainter, point: Point) -> None:
    radius = (MIN_WIDTH + MAX_WIDTH) / 4
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(INK)
    painter.drawEllipse(QPointF(point.x, point.y), radius, radius)


def draw_stroke(painter: QPainter, stroke: tuple[Point, ...]) -> None:
    """Paint one stroke in pad coordinates (the painter's transform maps them to the device)."""
    if len(stroke) == 1:
        _draw_dot(painter, stroke[0])
        return
    for segment in ink_segments(stroke, MIN_WIDTH, MAX_WIDTH):
        _draw_segment(painter, segment)


def render_signature(
    signature: Signature, *, scale: float = 2.0, margin: float = 6.0, transparent: bool = True
) -> QImage:
    """The signature trimmed to its ink plus `margin` pad pixels, `scale` pixels per pad pixel."""
    bounds = signature.bounds
    if bounds is None:
        raise ValueError("an empty signature has no image")
    pad = margin + MAX_WIDTH
    left, top, right, bottom = bounds
    width = max(1, round((right - left + 2 * pad) * scale))
    height = max(1, round((bottom - top + 2 * pad) * scale))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent if transparent else Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    painter.translate(pad - left, pad - top)
    for stroke in signature.strokes:
        draw_stroke(painter, stroke)
    painter.end()
    return image


def image_to_png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class SignaturePad(QWidget):
    """A large pad to sign on, with undo and clear; emits when the signature becomes (in)valid."""

    validityChanged = Signal(bool)
    strokesChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(480, 200)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._capture = SignatureCapture(self.width(), self.height())
        self._valid = False
        self._cache: QImage | None = None
        self._ink: InkStroke | None = None
        self._cached_segments = 0
        self._writer: QInputDevice.DeviceType | None = None
        self._guide = QColor("#5f6b7a")

    # The colour of the pad's edge, baseline, cross and "Sign here" belongs to the theme: the
    # style sheet sets it on #signaturePad (qproperty-guideColour), for high contrast too.

    def _get_guide(self) -> QColor:
        return self._guide

    def _set_guide(self, colour: QColor) -> None:
        self._guide = QColor(colour)
        self._cache = None
        self.update()

    guideColour = Property(QColor, _get_guide, _set_guide)

    def sizeHint(self) -> QSize:
        return QSize(900, 320)

    # --- the model

    def signature(self) -> Signature:
        """The strokes so far, in the pad's coordinates at the first pen-down."""
        return self._capture.signature()

    def is_valid(self) -> bool:
        return self._valid

    def is_empty(self) -> bool:
        return self._capture.is_empty

    def undo(self) -> None:
        """Take back the last stroke."""
        if self._capture.undo():
            self._after_change()

    def clear(self) -> None:
        self._capture.clear()
        self._after_change()

    def to_png(self, *, scale: float = 2.0, transparent: bool = True) -> bytes:
        """PNG of the signature trimmed to its ink, for the signed bill; ValueError when empty."""
        return image_to_png(
            render_signature(self.signature(), scale=scale, transparent=transparent)
        )

    def _after_change(self) -> None:
        self._cache = None
        self._ink = None
        self._writer = None
        self._after_stroke()

    # --- coordinates

    def _fit(self) -> tuple[float, QPointF]:
        """Scale and offset that fit the capture's pad size into the widget, centred."""
        scale = min(
            self.width() / self._capture.pad_width, self.height() / self._capture.pad_height
        )
        offset = QPointF(
            (self.width() - self._capture.pad_width * scale) / 2,
            (self.height() - self._capture.pad_height * scale) / 2,
        )
        return scale, offset

    def _to_pad(self, position: QPointF) -> tuple[float, float]:
        scale, offset = self._fit()
        return (position.x() - offset.x()) / scale, (position.y() - offset.y()) / scale

    # --- input

    def _owns(self, device: QInputDevice.DeviceType, *, starting: bool = False) -> bool:
        """A stroke belongs to the kind of device that began it.

        The same finger can arrive twice, as a touch and as a mouse event the system made up from
        it; the events of the other kind are ignored until the stroke ends.
        """
        if self._capture.drawing:
            return self._writer == device
        if starting:
            self._writer = device
        return starting

    def _pen_down(self, position: QPointF, timestamp: int, pressure: float | None) -> None:
        if self._capture.is_empty:
            self._capture = SignatureCapture(max(self.width(), 1), max(self.height(), 1))
            self._cache = None
        x, y = self._to_pad(position)
        self._ink = InkStroke(MIN_WIDTH, MAX_WIDTH)
        self._ink.add(self._capture.begin(x, y, timestamp, pressure))
        self._cached_segments = 0
        self.update()

    def _pen_move(self, position: QPointF, timestamp: int, pressure: float | None) -> None:
        x, y = self._to_pad(position)
        point = self._capture.extend(x, y, timestamp, pressure)
        if point is not None and self._ink is not None:
            self._ink.add(point)
            self._grow_cache()
            self.update()

    def _pen_up(self, position: QPointF, timestamp: int, pressure: float | None) -> None:
        if not self._capture.drawing or self._ink is None:
            return
        x, y = self._to_pad(position)
        point = self._capture.end(x, y, timestamp, pressure)
        if point is not None:
            self._ink.add(point)
        self._grow_cache(finished=True)
        self._ink = None
        self._after_stroke()

    def _after_stroke(self) -> None:
        self.update()
        self.strokesChanged.emit()
        valid = self.signature().is_valid
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        mouse = QInputDevice.DeviceType.Mouse
        if event.button() == Qt.MouseButton.LeftButton and self._owns(mouse, starting=True):
            self._pen_down(event.position(), event.timestamp(), None)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        mouse = QInputDevice.DeviceType.Mouse
        if event.buttons() & Qt.MouseButton.LeftButton and self._owns(mouse):
            self._pen_move(event.position(), event.timestamp(), None)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._owns(
            QInputDevice.DeviceType.Mouse
        ):
            self._pen_up(event.position(), event.timestamp(), None)
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        pressure = _pressure(event.device(), event.pressure())
        stylus = QInputDevice.DeviceType.Stylus
        kind = event.type()
        if kind == QEvent.Type.TabletPress and self._owns(stylus, starting=True):
            self._pen_down(event.position(), event.timestamp(), pressure)
        elif kind == QEvent.Type.TabletMove and self._owns(stylus):
            self._pen_move(event.position(), event.timestamp(), pressure)
        elif kind == QEvent.Type.TabletRelease and self._owns(stylus):
            self._pen_up(event.position(), event.timestamp(), pressure)
        event.accept()

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QTouchEvent):  # TouchBegin, TouchUpdate, TouchEnd, TouchCancel
            self._touch(event)
            return True
        if event.type() == QEvent.Type.DevicePixelRatioChange:
            self._cache = None
            self.update()
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        """The first finger writes; a second finger resting on the glass is ignored."""
        event.accept()
        points = event.points()
        if not points:
            return
        point = points[0]
        pressure = _pressure(event.device(), point.pressure())
        touch = QInputDevice.DeviceType.TouchScreen
        kind = event.type()
        if kind == QEvent.Type.TouchBegin:
            if self._owns(touch, starting=True):
                self._pen_down(point.position(), event.timestamp(), pressure)
        elif kind == QEvent.Type.TouchUpdate:
            if self._owns(touch):
                self._pen_move(point.position(), event.timestamp(), pressure)
        elif self._owns(touch):
            self._pen_up(point.position(), event.timestamp(), pressure)

    # --- painting

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._capture.is_empty:
            self._capture = SignatureCapture(max(self.width(), 1), max(self.height(), 1))
        self._cache = None
        super().resizeEvent(event)

    def _ink_painter(self, device: QImage | QWidget) -> QPainter:
        painter = QPainter(device)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale, offset = self._fit()
        painter.translate(offset)
        painter.scale(scale, scale)
        return painter

    def _ensure_cache(self) -> QImage:
        """All finished ink, redrawn from the strokes at the current size and pixel ratio."""
        if self._cache is not None:
            return self._cache
        ratio = self.devicePixelRatioF()
        image = QImage(
            max(1, round(self.width() * ratio)),
            max(1, round(self.height() * ratio)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = self._ink_painter(image)
        strokes = self._capture.strokes
        for stroke in strokes[:-1] if self._ink is not None else strokes:
            draw_stroke(painter, stroke)
        self._cached_segments = 0
        if self._ink is not None:
            self._cached_segments = max(self._ink.segment_count - 1, 0)
            for index in range(self._cached_segments):
                _draw_segment(painter, self._ink.segment(index))
        painter.end()
        self._cache = image
        return image

    def _grow_cache(self, *, finished: bool = False) -> None:
        """Draw the segments of the active stroke that can no longer change into the cache.

        A segment is final once the point after its end is known; the last one is final only
        when the pen lifts. Until then it is painted live, on top of the cache.
        """
        ink = self._ink
        if ink is None:
            return
        cache = self._ensure_cache()
        dot = finished and len(ink.points) == 1
        final = ink.segment_count if finished else max(ink.segment_count - 1, 0)
        if final <= self._cached_segments and not dot:
            return
        painter = self._ink_painter(cache)
        if dot:
            _draw_dot(painter, ink.points[0])
        for index in range(self._cached_segments, final):
            _draw_segment(painter, ink.segment(index))
        painter.end()
        self._cached_segments = final

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_paper(painter)
        painter.drawImage(QPointF(0, 0), self._ensure_cache())
        ink = self._ink
        if ink is not None:
            scale, offset = self._fit()
            painter.translate(offset)
            painter.scale(scale, scale)
            if len(ink.points) == 1:
                _draw_dot(painter, ink.points[0])
            for index in range(self._cached_segments, ink.segment_count):
                _draw_segment(painter, ink.segment(index))
        painter.end()

    def _paint_paper(self, painter: QPainter) -> None:
        """White paper, a baseline with a cross where to start, and the hint while empty."""
        rect = QRectF(self.rect())
        painter.fillRect(rect, QColor("#ffffff"))
        painter.setPen(QPen(self._guide, 2))
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 12, 12)
        # "Sign here" as large as the text size the family chose (larger on a tall pad), and
        # the line raised on a short pad so the words fit under it
        font = QFont(self.font())
        font.setPixelSize(max(18, font.pixelSize(), round(rect.height() * 0.09)))
        hint_height = QFontMetricsF(font).height()
        baseline = min(rect.top() + rect.height() * 0.72, rect.bottom() - hint_height - 14)
        left = rect.left() + rect.width() * 0.06
        right = rect.right() - rect.width() * 0.06
        painter.setPen(QPen(self._guide, 2))
        painter.drawLine(QPointF(left, baseline), QPointF(right, baseline))
        cross = 10.0
        painter.drawLine(
            QPointF(left, baseline - 2 * cross - 6), QPointF(left + cross, baseline - cross - 6)
        )
        painter.drawLine(
            QPointF(left + cross, baseline - 2 * cross - 6), QPointF(left, baseline - cross - 6)
        )
        if self._capture.is_empty:
            painter.setFont(font)
            painter.setPen(self._guide)
            hint = QRectF(left, baseline + 8, right - left, hint_height)
            painter.drawText(
                hint,
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                self.tr("Sign here"),
            )


def _pressure(device: QInputDevice | None, value: float) -> float | None:
    """The pen's pressure when the device really measures it; None for fixed-pressure input."""
    if device is not None and device.hasCapability(QInputDevice.Capability.Pressure):
        return value
    return None
