"""The page kit the kiosk's PDF documents share: A4 at 300 dpi, the margins, the palette, the
fonts, and text, rules, fills and images drawn in one coordinate convention.

Coordinates: millimetres from the top-left corner of the page, y downwards. `painting` scales
the painter so that one unit is one millimetre, and every length a document gives the kit (a
rectangle, a rule's width, a pen) is in millimetres. Text alone is drawn at device scale, inside
`Page.text`, so that glyphs are laid out at the font's real size; painting that wants device
pixels (the trend chart) asks for them with `Page.device_scale`.

Fonts: Qt writes a wrong text map for CFF-flavoured CJK fonts such as Noto Sans CJK (digits come
out as control characters, 血 as the radical ⾎), so text is set in TrueType fonts — DejaVu Sans
for Latin and digits, Droid Sans Fallback for Chinese — with Noto Sans CJK only as a last resort.
Chinese names stay real text, searchable and copyable, never images or missing glyphs. Bold only
for amounts and figures: the Chinese font has no bold face, and a synthesised one is drawn twice,
which doubles the characters when the text is copied or searched.

Nothing here touches a widget: a document may be painted on a worker thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

DPI = 300
PAGE_W, PAGE_H = 210.0, 297.0
"""A4 portrait, in millimetres."""
MARGIN = 15.0
CONTENT_W = PAGE_W - 2 * MARGIN
RIGHT = PAGE_W - MARGIN
"""Where the text column ends, in millimetres from the left edge."""

INK = QColor("#1d2433")
MUTED = QColor("#4a5463")
"""Labels and notes on the family's statement."""
FAINT = QColor("#5d6778")
"""Labels and notes on the staff's day report, a shade lighter than `MUTED`."""
RULE = QColor("#c9ced6")
SHADE = QColor("#f3f5f8")
ALERT = QColor("#b3261e")

FONT_FAMILIES = ["DejaVu Sans", "Droid Sans Fallback", "Noto Sans CJK SC", "sans-serif"]
MONO_FAMILIES = ["DejaVu Sans Mono", "Noto Sans Mono", "monospace"]


def font(points: float, *, bold: bool = False, mono: bool = False) -> QFont:
    """A document font of `points` size: the TrueType families, or their monospaced kin (hashes).
    Bold only for amounts and figures (see the module's note on the Chinese font)."""
    chosen = QFont()
    chosen.setFamilies(MONO_FAMILIES if mono else FONT_FAMILIES)
    chosen.setPointSizeF(points)
    chosen.setBold(bold)
    return chosen


def a4_page_layout() -> QPageLayout:
    """A4 portrait without printer margins: documents lay out their own."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def a4_writer(target: str | QIODevice, *, title: str) -> QPdfWriter:
    """A PDF writer of A4 pages at `DPI` on a file name or an open device."""
    writer = QPdfWriter(target)
    writer.setResolution(DPI)
    writer.setPageLayout(a4_page_layout())
    writer.setTitle(title)
    writer.setCreator("Direct-billing kiosk")
    return writer


@contextmanager
def painting(writer: QPdfWriter) -> Iterator[Page]:
    """The writer's first page to paint on, in millimetres; the painter ends with the block."""
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("cannot open the PDF for writing")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        page = Page(writer, painter)
        painter.scale(page.unit, page.unit)
        yield page
    finally:
        painter.end()


class Page:
    """Measures and draws on the writer's pages; every length is in millimetres."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.painter = painter
        self.unit = writer.resolution() / 25.4
        """Device pixels per millimetre."""

    def new_page(self) -> None:
        self.writer.newPage()

    # --- measuring

    def height(self, font: QFont, width: float, text: str) -> float:
        """Height of `text` wrapped to `width`."""
        metrics = QFontMetricsF(font, self.writer)
        rect = metrics.boundingRect(
            QRectF(0, 0, width * self.unit, 1e6), int(Qt.TextFlag.TextWordWrap), text
        )
        return rect.height() / self.unit

    def fitted(self, font: QFont, width: float, text: str, *, smallest: float) -> QFont:
        """`font`, half a point smaller at a time down to `smallest` points, until `text` keeps
        to one line of `width`."""
        fitted = QFont(font)
        while (
            fitted.pointSizeF() > smallest
            and QFontMetricsF(fitted, self.writer).horizontalAdvance(text) > width * self.unit
        ):
            fitted.setPointSizeF(fitted.pointSizeF() - 0.5)
        return fitted

    # --- drawing

    def text(
        self,
        rect: QRectF,
        font: QFont,
        text: str,
        *,
        color: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> float:
        """Draw `text` wrapped in `rect`, from its top; returns the height it took."""
        with self.device_scale():
            self.painter.setFont(font)
            self.painter.setPen(color)
            flags = align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            used = self.painter.drawText(self.device(rect), int(flags), text)
        return used.height() / self.unit

    def rule(
        self,
        y: float,
        *,
        left: float = MARGIN,
        right: float = RIGHT,
        color: QColor = RULE,
        width: float = 0.25,
    ) -> None:
        """A horizontal line at `y`, margin to margin unless told, `width` thick."""
        self.painter.setPen(QPen(color, width))
        self.painter.drawLine(QPointF(left, y), QPointF(right, y))

    def fill(self, rect: QRectF, color: QColor = SHADE) -> None:
        self.painter.fillRect(rect, color)

    def image(self, rect: QRectF, image: QImage) -> None:
        self.painter.drawImage(rect, image)

    # --- device pixels

    def device(self, rect: QRectF) -> QRectF:
        """`rect` in device pixels, for painting inside `device_scale`."""
        unit = self.unit
        return QRectF(rect.x() * unit, rect.y() * unit, rect.width() * unit, rect.height() * unit)

    @contextmanager
    def device_scale(self) -> Iterator[float]:
        """The painter in device pixels for the block (yields pixels per millimetre)."""
        self.painter.save()
        self.painter.scale(1 / self.unit, 1 / self.unit)
        try:
            yield self.unit
        finally:
            self.painter.restore()
