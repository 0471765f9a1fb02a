"""The signed bill as a PDF: what the family signed, for the family, the clinic and the insurer.

A4 pages drawn with `QPdfWriter` and `QPainter`; Chinese item and clinic names are real text,
searchable and copyable, never images or missing glyphs. Fonts: Qt writes a wrong text map for
CFF-flavoured CJK fonts such as Noto Sans CJK (digits come out as control characters, 血 as the
radical ⾎), so text is set in TrueType fonts — DejaVu Sans for Latin and digits, Droid Sans
Fallback for Chinese — with Noto Sans CJK only as a last resort. The document
shows the clinic, the masked member, every line with what the insurer pays, what the family pays
and why, the totals, the signature image, the bill hash that binds the signature to these lines,
and the claim number. Long bills flow over several pages with the table header repeated.

Labels are Qt-translatable (context "SignedBill") and printed in the document's own `language`,
which may differ from the desk's: a bill reprinted by staff stays in the family's language.
Nothing here touches a widget, so it can run on a worker thread, off the GUI thread.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QPointF,
    QRectF,
    Qt,
    QTranslator,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPdfWriter,
    QPen,
)

from kiosk.billing import BillTotals, ShownLine
from kiosk.business_day import BUSINESS_TZ
from kiosk.insurer.models import PlanTier, Reason
from kiosk.money import format_yuan
from ui.i18n import I18N_DIR
from ui.pdf_file import a4_pdf

CONTEXT = "SignedBill"
DPI = 300
FONT_FAMILIES = ["DejaVu Sans", "Droid Sans Fallback", "Noto Sans CJK SC", "sans-serif"]
MONO_FAMILIES = ["DejaVu Sans Mono", "Noto Sans Mono", "monospace"]

REASONS = {
    Reason.COVERED: QT_TRANSLATE_NOOP("SignedBill", "Covered"),
    Reason.NOT_COVERED: QT_TRANSLATE_NOOP("SignedBill", "Not covered"),
    Reason.LIMIT_EXHAUSTED: QT_TRANSLATE_NOOP("SignedBill", "Annual limit used up"),
    Reason.COPAY_AFTER_FREE_VISITS: QT_TRANSLATE_NOOP("SignedBill", "Co-pay: free visits used"),
    Reason.PREAUTH_REQUIRED: QT_TRANSLATE_NOOP("SignedBill", "Needs pre-authorisation"),
    Reason.PREAUTH_APPROVED: QT_TRANSLATE_NOOP("SignedBill", "Pre-authorised"),
    Reason.OUT_OF_NETWORK: QT_TRANSLATE_NOOP("SignedBill", "Clinic not in network"),
}
PLANS = {
    PlanTier.STANDARD: QT_TRANSLATE_NOOP("SignedBill", "Standard"),
    PlanTier.PLUS: QT_TRANSLATE_NOOP("SignedBill", "PLUS"),
}
LABELS = {
    "invoice": QT_TRANSLATE_NOOP("SignedBill", "Invoice no."),
    "title": QT_TRANSLATE_NOOP("SignedBill", "Direct-billing bill, signed by the family"),
    "member": QT_TRANSLATE_NOOP("SignedBill", "Member"),
    "plan": QT_TRANSLATE_NOOP("SignedBill", "Plan"),
    "service_date": QT_TRANSLATE_NOOP("SignedBill", "Service date"),
    "signed_at": QT_TRANSLATE_NOOP("SignedBill", "Signed at"),
    "continued": QT_TRANSLATE_NOOP("SignedBill", "continued"),
    "total": QT_TRANSLATE_NOOP("SignedBill", "Total charges"),
    "covered": QT_TRANSLATE_NOOP("SignedBill", "Insurer pays the clinic directly"),
    "patient": QT_TRANSLATE_NOOP("SignedBill", "You pay today"),
    "consent": QT_TRANSLATE_NOOP(
        "SignedBill",
        "I confirm that my child received the care listed above and agree that the insurer "
        "pays the covered amount directly to the clinic.",
    ),
    "signature": QT_TRANSLATE_NOOP("SignedBill", "Signature of parent or guardian"),
    "claim": QT_TRANSLATE_NOOP("SignedBill", "Claim number"),
    "claim_pending": QT_TRANSLATE_NOOP(
        "SignedBill", "Pending: kept on this kiosk and sent to the insurer when it is reachable"
    ),
    "hash": QT_TRANSLATE_NOOP("SignedBill", "Bill hash (SHA-256)"),
    "footer": QT_TRANSLATE_NOOP(
        "SignedBill",
        "Signed electronically at the clinic's direct-billing kiosk. The bill hash binds the "
        "signature to exactly the lines above; any change gives another hash.",
    ),
    "page": QT_TRANSLATE_NOOP("SignedBill", "Page %1 of %2"),
}
COLUMNS = (
    (QT_TRANSLATE_NOOP("SignedBill", "Item"), 64.0, Qt.AlignmentFlag.AlignLeft),
    (QT_TRANSLATE_NOOP("SignedBill", "Qty"), 11.0, Qt.AlignmentFlag.AlignRight),
    (QT_TRANSLATE_NOOP("SignedBill", "Amount"), 25.0, Qt.AlignmentFlag.AlignRight),
    (QT_TRANSLATE_NOOP("SignedBill", "Insurer pays"), 25.0, Qt.AlignmentFlag.AlignRight),
    (QT_TRANSLATE_NOOP("SignedBill", "You pay"), 25.0, Qt.AlignmentFlag.AlignRight),
    (QT_TRANSLATE_NOOP("SignedBill", "Reason"), 30.0, Qt.AlignmentFlag.AlignLeft),
)
"""Table columns: label, width in mm (they add up to the 180 mm between the margins), alignment."""

# Page geometry in millimetres.
PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 15.0
CONTENT_W = PAGE_W - 2 * MARGIN
FOOTER_H = 14.0
HEADING_H = 37.0
CONTINUED_H = 12.0
CELL_PAD = 1.6
TOTAL_ROW_H = 6.0
PATIENT_ROW_H = 10.0
CONSENT_H = 10.0
SIGNATURE_W, SIGNATURE_H = 90.0, 32.0
CAPTION_H = 6.0
HASH_H = 9.0
GAP = 5.0
KEEP_WITH_CLOSING = 2
CLOSING_H = (
    (GAP + 2 * TOTAL_ROW_H + 1.5 + PATIENT_ROW_H + GAP + CONSENT_H + SIGNATURE_H + CAPTION_H)
    + GAP
    + HASH_H
)

INK = QColor("#1d2433")
MUTED = QColor("#5d6778")
RULE = QColor("#c9ced6")
SHADE = QColor("#f3f5f8")


def translator_for(language: str) -> QTranslator | None:
    """The compiled translations of `language` from resources/i18n, if they were built."""
    translator = QTranslator()
    if translator.load(str(I18N_DIR / f"kiosk_{language}.qm")):
        return translator
    return None


@dataclass(frozen=True)
class SignedBillText:
    """Everything printed on the signed bill, as given to `render_signed_bill`."""

    clinic: str
    invoice_no: str
    member_masked: str
    plan: str
    lines: Sequence[ShownLine]
    totals: BillTotals
    bill_hash: str
    claim_number: str | None
    signed_at: datetime
    service_date: date | None
    language: str


def render_signed_bill(
    path: str | os.PathLike[str],
    *,
    clinic: str,
    invoice_no: str,
    member_masked: str,
    plan: PlanTier | str,
    lines: Sequence[ShownLine],
    totals: BillTotals,
    signature_png: bytes,
    bill_hash: str,
    claim_number: str | None,
    signed_at: datetime,
    language: str,
    service_date: date | None = None,
    translator: QTranslator | None = None,
) -> None:
    """Write the signed bill to `path` as an A4 PDF; the file appears whole or not at all.

    `claim_number` is None while the claim waits in the outbox: the document says so. Labels are
    translated with `translator`, by default the built translations of `language` (else the
    application's); item names are English when `language` is English and the line has one.
    """
    if signed_at.tzinfo is None:
        raise ValueError("signed_at must be timezone-aware")
    signature = QImage.fromData(signature_png)
    if signature.isNull():
        raise ValueError("signature_png is not a readable image")
    labels = _Labels(translator if translator is not None else translator_for(language))
    content = SignedBillText(
        clinic=clinic,
        invoice_no=invoice_no,
        member_masked=member_masked,
        plan=labels(PLANS[plan]) if isinstance(plan, PlanTier) else plan,
        lines=lines,
        totals=totals,
        bill_hash=bill_hash,
        claim_number=claim_number,
        signed_at=signed_at.astimezone(BUSINESS_TZ),
        service_date=service_date,
        language=language,
    )
    with a4_pdf(path, title=f"{clinic} {invoice_no}", dpi=DPI) as writer:
        _Document(writer, labels, content, signature).paint()


@dataclass(frozen=True)
class _Labels:
    """Translates labels into the document's language, independent of the desk's."""

    translator: QTranslator | None

    def __call__(self, source: str) -> str:
        if self.translator is not None:
            return self.translator.translate(CONTEXT, source) or source
        return QCoreApplication.translate(CONTEXT, source)

    def label(self, key: str) -> str:
        return self(LABELS[key])


def _font(families: list[str], points: float, *, bold: bool = False) -> QFont:
    """Bold only for amounts: the Chinese font has no bold face, and a synthesised one is drawn
    twice, which doubles the characters when the text is copied or searched."""
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


class _Document:
    """Lays out and paints the pages. Lengths are millimetres; the painter scales to the device."""

    def __init__(
        self, writer: QPdfWriter, labels: _Labels, content: SignedBillText, signature: QImage
    ) -> None:
        self.writer = writer
        self.labels = labels
        self.content = content
        self.signature = signature
        self.unit = DPI / 25.4
        self.body = _font(FONT_FAMILIES, 9.5)
        self.value = _font(FONT_FAMILIES, 10.5)
        self.amount_bold = _font(FONT_FAMILIES, 9.5, bold=True)
        self.small = _font(FONT_FAMILIES, 7.5)
        self.subtitle = _font(FONT_FAMILIES, 11)
        self.title = _font(FONT_FAMILIES, 17)
        self.total_due = _font(FONT_FAMILIES, 16, bold=True)
        self.mono = _font(MONO_FAMILIES, 8)

    # --- measuring and layout

    def _height(self, font: QFont, width: float, text: str) -> float:
        """Height in mm of `text` wrapped to `width` mm."""
        metrics = QFontMetricsF(font, self.writer)
        rect = metrics.boundingRect(
            QRectF(0, 0, width * self.unit, 1e6), int(Qt.TextFlag.TextWordWrap), text
        )
        return rect.height() / self.unit

    def _one_line(self, font: QFont, width: float, text: str) -> QFont:
        """`font`, smaller if need be (down to 11 pt) so a long clinic name keeps to one line and
        does not run into the line under it."""
        fitted = QFont(font)
        while (
            fitted.pointSizeF() > 11
            and QFontMetricsF(fitted, self.writer).horizontalAdvance(text) > width * self.unit
        ):
            fitted.setPointSizeF(fitted.pointSizeF() - 0.5)
        return fitted

    def _cells(self, line: ShownLine) -> list[str]:
        return [
            line.name(self.content.language),
            str(line.quantity),
            format_yuan(line.submitted_fen),
            format_yuan(line.covered_fen),
            format_yuan(line.patient_fen),
            self.labels(REASONS[line.reason]),
        ]

    def _row_height(self, line: ShownLine) -> float:
        cells = self._cells(line)
        item_w = COLUMNS[0][1] - 2 * CELL_PAD
        item = self._height(self.body, item_w, cells[0]) + self._height(
            self.small, item_w, line.item_code
        )
        reason = self._height(self.small, COLUMNS[5][1] - 2 * CELL_PAD, cells[5])
        return max(item, reason) + 2 * CELL_PAD

    def _header_height(self) -> float:
        tallest = max(
            self._height(self.small, width - 2 * CELL_PAD, self.labels(label))
            for label, width, _ in COLUMNS
        )
        return tallest + 2 * CELL_PAD

    def _pages(self) -> list[tuple[list[ShownLine], bool]]:
        """Rows per page, and whether the closing block (totals, signature, hash) is on it."""
        bottom = PAGE_H - MARGIN - FOOTER_H
        header = self._header_height()
        pages: list[tuple[list[ShownLine], bool]] = []
        current: list[ShownLine] = []
        y = MARGIN + HEADING_H + header
        for line in self.content.lines:
            height = self._row_height(line)
            if y + height > bottom and current:
                pages.append((current, False))
                current = []
                y = MARGIN + CONTINUED_H + header
            current.append(line)
            y += height
        if y + CLOSING_H <= bottom:
            pages.append((current, True))
            return pages
        # The signature never stands alone on a page: the last rows go over with it.
        carried = min(KEEP_WITH_CLOSING, len(current) - 1)
        if carried > 0:
            pages.append((current[:-carried], False))
            pages.append((current[-carried:], True))
        else:
            pages.append((current, False))
            pages.append(([], True))
        return pages

    # --- painting

    def paint(self) -> None:
        pages = self._pages()
        painter = QPainter()
        if not painter.begin(self.writer):
            raise OSError("cannot open the PDF for writing")
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.scale(self.unit, self.unit)
            for number, (rows, closing) in enumerate(pages, start=1):
                if number > 1:
                    self.writer.newPage()
                if number == 1:
                    top = self._paint_heading(painter)
                else:
                    top = self._paint_continued(painter)
                if rows or not closing:
                    top = self._paint_table(painter, top, rows)
                if closing:
                    self._paint_closing(painter, top + GAP)
                self._paint_footer(painter, number, len(pages))
        finally:
            painter.end()

    def _text(
        self,
        painter: QPainter,
        rect: QRectF,
        font: QFont,
        text: str,
        *,
        color: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> float:
        """Draw `text` wrapped in a mm rectangle; returns the height it took in mm.

        Text is drawn at device scale so glyphs are laid out at the font's real size.
        """
        painter.save()
        painter.scale(1 / self.unit, 1 / self.unit)
        painter.setFont(font)
        painter.setPen(color)
        device = QRectF(
            rect.x() * self.unit,
            rect.y() * self.unit,
            rect.width() * self.unit,
            rect.height() * self.unit,
        )
        flags = align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        used = painter.drawText(device, int(flags), text)
        painter.restore()
        return used.height() / self.unit

    def _rule(self, painter: QPainter, y: float, *, color: QColor = RULE, width: float = 0.25):
        painter.setPen(QPen(color, width))
        painter.drawLine(QPointF(MARGIN, y), QPointF(PAGE_W - MARGIN, y))

    def _invoice(self) -> str:
        return f"{self.labels.label('invoice')} {self.content.invoice_no}"

    def _signed_at(self) -> str:
        return self.content.signed_at.strftime("%Y-%m-%d %H:%M")

    def _paint_heading(self, painter: QPainter) -> float:
        c = self.content
        y = MARGIN
        title_w = CONTENT_W * 0.64
        title = self._one_line(self.title, title_w, c.clinic)
        self._text(painter, QRectF(MARGIN, y, title_w, 12), title, c.clinic)
        self._text(
            painter,
            QRectF(MARGIN + CONTENT_W * 0.64, y + 1.5, CONTENT_W * 0.36, 6),
            self.body,
            self._invoice(),
            align=Qt.AlignmentFlag.AlignRight,
        )
        y += 9.5
        title = self.labels.label("title")
        self._text(painter, QRectF(MARGIN, y, CONTENT_W, 7), self.subtitle, title, color=MUTED)
        y += 9.0
        self._rule(painter, y, color=INK, width=0.4)
        y += 3.0
        facts = [
            ("member", c.member_masked),
            ("plan", c.plan),
            ("service_date", c.service_date.isoformat() if c.service_date else "—"),
            ("signed_at", self._signed_at()),
        ]
        column_w = CONTENT_W / len(facts)
        for index, (key, value) in enumerate(facts):
            x = MARGIN + index * column_w
            label = self.labels.label(key)
            self._text(painter, QRectF(x, y, column_w - 2, 5), self.small, label, color=MUTED)
            self._text(painter, QRectF(x, y + 4.0, column_w - 2, 10), self.value, value)
        return MARGIN + HEADING_H

    def _paint_continued(self, painter: QPainter) -> float:
        heading = f"{self.content.clinic} · {self._invoice()} · {self.labels.label('continued')}"
        self._text(painter, QRectF(MARGIN, MARGIN, CONTENT_W, 8), self.value, heading)
        return MARGIN + CONTINUED_H

    def _paint_table(self, painter: QPainter, top: float, rows: Sequence[ShownLine]) -> float:
        header_h = self._header_height()
        painter.fillRect(QRectF(MARGIN, top, CONTENT_W, header_h), SHADE)
        x = MARGIN
        for label, width, align in COLUMNS:
            cell = QRectF(x + CELL_PAD, top + CELL_PAD, width - 2 * CELL_PAD, header_h)
            self._text(painter, cell, self.small, self.labels(label), color=MUTED, align=align)
            x += width
        y = top + header_h
        self._rule(painter, y, color=INK)
        for line in rows:
            height = self._row_height(line)
            x = MARGIN
            for index, (text, (_, width, align)) in enumerate(
                zip(self._cells(line), COLUMNS, strict=True)
            ):
                cell = QRectF(x + CELL_PAD, y + CELL_PAD, width - 2 * CELL_PAD, height)
                if index == 0:
                    used = self._text(painter, cell, self.body, text)
                    code = cell.translated(0, used)
                    self._text(painter, code, self.small, line.item_code, color=MUTED)
                elif index == 5:
                    self._text(painter, cell, self.small, text, align=align)
                else:
                    font = self.amount_bold if index == 4 and line.patient_fen else self.body
                    self._text(painter, cell, font, text, align=align)
                x += width
            y += height
            self._rule(painter, y)
        return y

    def _paint_closing(self, painter: QPainter, top: float) -> None:
        """Totals, the family's consent and signature, the claim number and the bill hash."""
        totals = self.content.totals
        label_x = MARGIN + CONTENT_W * 0.40
        label_w = CONTENT_W * 0.38
        value_x = label_x + label_w
        value_w = PAGE_W - MARGIN - value_x
        right = Qt.AlignmentFlag.AlignRight
        y = top
        for key, amount in (("total", totals.submitted_fen), ("covered", totals.covered_fen)):
            label = self.labels.label(key)
            self._text(painter, QRectF(label_x, y, label_w, TOTAL_ROW_H), self.body, label)
            amount_rect = QRectF(value_x, y, value_w, TOTAL_ROW_H)
            self._text(painter, amount_rect, self.body, format_yuan(amount), align=right)
            y += TOTAL_ROW_H
        painter.setPen(QPen(INK, 0.3))
        painter.drawLine(QPointF(label_x, y + 0.5), QPointF(PAGE_W - MARGIN, y + 0.5))
        y += 1.5
        patient = self.labels.label("patient")
        self._text(painter, QRectF(label_x, y + 2.0, label_w, 8), self.subtitle, patient)
        amount_rect = QRectF(value_x, y, value_w, PATIENT_ROW_H)
        due = format_yuan(totals.patient_fen)
        self._text(painter, amount_rect, self.total_due, due, align=right)
        y += PATIENT_ROW_H + GAP
        consent = self.labels.label("consent")
        self._text(painter, QRectF(MARGIN, y, CONTENT_W, CONSENT_H), self.small, consent)
        y += CONSENT_H
        box = QRectF(MARGIN, y, SIGNATURE_W, SIGNATURE_H)
        self._paint_signature(painter, box)
        caption = f"{self.labels.label('signature')} · {self._signed_at()}"
        caption_rect = QRectF(box.left(), box.bottom() + 1.0, box.width(), CAPTION_H)
        self._text(painter, caption_rect, self.small, caption, color=MUTED)
        claim_x = box.right() + 10.0
        claim_w = PAGE_W - MARGIN - claim_x
        claim_label = self.labels.label("claim")
        self._text(
            painter, QRectF(claim_x, y + 4.0, claim_w, 5), self.small, claim_label, color=MUTED
        )
        claim = self.content.claim_number or self.labels.label("claim_pending")
        self._text(painter, QRectF(claim_x, y + 8.0, claim_w, 14), self.subtitle, claim)
        y += SIGNATURE_H + CAPTION_H + GAP
        hash_label = self.labels.label("hash")
        used = self._text(
            painter, QRectF(MARGIN, y, CONTENT_W, 5), self.small, hash_label, color=MUTED
        )
        hash_rect = QRectF(MARGIN, y + used + 0.5, CONTENT_W, HASH_H - used)
        self._text(painter, hash_rect, self.mono, self.content.bill_hash)

    def _paint_signature(self, painter: QPainter, box: QRectF) -> None:
        """The signature image fitted to the box, standing on its line."""
        image = self.signature
        scale = min(box.width() / image.width(), box.height() / image.height())
        width, height = image.width() * scale, image.height() * scale
        painter.drawImage(QRectF(box.left(), box.bottom() - height, width, height), image)
        painter.setPen(QPen(MUTED, 0.3))
        painter.drawLine(QPointF(box.left(), box.bottom()), QPointF(box.right(), box.bottom()))

    def _paint_footer(self, painter: QPainter, number: int, count: int) -> None:
        y = PAGE_H - MARGIN - FOOTER_H + 4.0
        self._rule(painter, y)
        footer = self.labels.label("footer")
        self._text(
            painter, QRectF(MARGIN, y + 1.5, CONTENT_W * 0.8, 9), self.small, footer, color=MUTED
        )
        page = self.labels.label("page").replace("%1", str(number)).replace("%2", str(count))
        self._text(
            painter,
            QRectF(MARGIN + CONTENT_W * 0.8, y + 1.5, CONTENT_W * 0.2, 5),
            self.small,
            page,
            color=MUTED,
            align=Qt.AlignmentFlag.AlignRight,
        )
