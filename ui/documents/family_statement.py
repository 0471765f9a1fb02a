"""The family's statement as a PDF (直付账单 / Direct-billing statement; 自费账单 for a self-pay
visit): what the family signed and paid, for the family, the clinic and the insurer. It is not a
fapiao (发票): the clinic issues those separately, and the document says so.

A4 pages drawn with the page kit (`ui.documents.page`, whose fonts keep Chinese item and clinic
names real text). The document shows the clinic (name, address, phone), the masked child and
policy, every line with what the insurer pays, what the family pays and why (with the pre-auth
number on lines it covers), the totals, how the family paid (by method, with what is still owed
to the clinic after a part payment), the consent exactly as the parent
read it, the signature image, the claim as it stands, the insurer's name and hotline, and the bill
hash that binds the signature to these lines. Long bills flow over several pages with the table
header repeated.

Labels are Qt-translatable (context "SignedBill") and printed in the document's own `language`,
which may differ from the desk's: a bill reprinted by staff stays in the family's language.
Nothing here touches a widget, so it can run on a worker thread, off the GUI thread.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRectF,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QFont, QImage

from kiosk.billing import ShownLine
from kiosk.business_day import BUSINESS_TZ
from kiosk.insurer.models import VisitType
from kiosk.money import format_yuan
from kiosk.statement import ClaimStanding, StatementContent
from ui.documents.page import (
    CONTENT_W,
    INK,
    MARGIN,
    MUTED,
    PAGE_H,
    RIGHT,
    Page,
    a4_writer,
    font,
    painting,
)
from ui.documents.pdf_file import write_whole
from ui.i18n import QT_TRANSLATE_NOOP
from ui.statement_text import (
    Translate,
    compiled_translator,
    plan_text,
    reason_text,
    translate_for,
)

CONTEXT = "SignedBill"

LABELS = {
    "statement_no": QT_TRANSLATE_NOOP("SignedBill", "Statement no."),
    "version": QT_TRANSLATE_NOOP("SignedBill", "version %1"),
    "title": QT_TRANSLATE_NOOP("SignedBill", "Direct-billing statement"),
    "title_self_pay": QT_TRANSLATE_NOOP("SignedBill", "Self-pay statement"),
    "not_fapiao": QT_TRANSLATE_NOOP(
        "SignedBill", "This statement is not a fapiao: the clinic issues fapiao separately."
    ),
    "child": QT_TRANSLATE_NOOP("SignedBill", "Child"),
    "policy": QT_TRANSLATE_NOOP("SignedBill", "Policy"),
    "plan": QT_TRANSLATE_NOOP("SignedBill", "Plan"),
    "service_date": QT_TRANSLATE_NOOP("SignedBill", "Service date"),
    "signed_at": QT_TRANSLATE_NOOP("SignedBill", "Signed at"),
    "continued": QT_TRANSLATE_NOOP("SignedBill", "continued"),
    "total": QT_TRANSLATE_NOOP("SignedBill", "Total charges"),
    "covered": QT_TRANSLATE_NOOP("SignedBill", "Insurer pays the clinic directly"),
    "patient": QT_TRANSLATE_NOOP("SignedBill", "You pay today"),
    "paid": QT_TRANSLATE_NOOP("SignedBill", "Paid at the desk: %1 by %2"),
    "paid_split": QT_TRANSLATE_NOOP("SignedBill", "Paid at the desk: %1"),
    "owed": QT_TRANSLATE_NOOP("SignedBill", "Still owed to the clinic: %1"),
    "confirmed": QT_TRANSLATE_NOOP(
        "SignedBill", "Under the phone guarantee the insurer confirmed it pays %1 of this bill"
    ),
    "unpaid": QT_TRANSLATE_NOOP("SignedBill", "Not yet recorded as paid at the desk"),
    "nothing_to_pay": QT_TRANSLATE_NOOP("SignedBill", "Nothing to pay today"),
    "signature": QT_TRANSLATE_NOOP("SignedBill", "Signature of parent or guardian"),
    "claim": QT_TRANSLATE_NOOP("SignedBill", "Direct-billing claim"),
    "claim_accepted": QT_TRANSLATE_NOOP("SignedBill", "Accepted by the insurer: %1"),
    "claim_waiting": QT_TRANSLATE_NOOP(
        "SignedBill", "Stored at the clinic; sent to the insurer when it is reachable"
    ),
    "claim_refused": QT_TRANSLATE_NOOP(
        "SignedBill", "Not accepted by the insurer yet; the clinic follows it up"
    ),
    "claim_settled": QT_TRANSLATE_NOOP("SignedBill", "Settled by the clinic"),
    "claim_voided": QT_TRANSLATE_NOOP(
        "SignedBill", "Withdrawn by the clinic before it reached the insurer: not claimed"
    ),
    "claim_cancelled": QT_TRANSLATE_NOOP(
        "SignedBill", "Cancelled at the insurer: it pays nothing for this bill"
    ),
    "self_pay": QT_TRANSLATE_NOOP(
        "SignedBill",
        "Self-pay visit: the plan pays nothing on the items above, so no claim is made.",
    ),
    "insurer": QT_TRANSLATE_NOOP("SignedBill", "Questions about your cover: %1, %2 (7×24)"),
    "preauth": QT_TRANSLATE_NOOP("SignedBill", "Pre-auth %1"),
    "auth": QT_TRANSLATE_NOOP("SignedBill", "Guarantee letter %1"),
    "emergency": QT_TRANSLATE_NOOP("SignedBill", "emergency"),
    "hash": QT_TRANSLATE_NOOP("SignedBill", "Bill hash (SHA-256)"),
    "footer": QT_TRANSLATE_NOOP(
        "SignedBill",
        "Signed electronically at the clinic's direct-billing kiosk. The bill hash binds the "
        "signature to exactly the lines above; any change gives another hash. This statement "
        "also appears in the visit records of your e-card.",
    ),
    "footer_self_pay": QT_TRANSLATE_NOOP(
        "SignedBill", "Made at the clinic's direct-billing kiosk for the family's records."
    ),
    "page": QT_TRANSLATE_NOOP("SignedBill", "Page %1 of %2"),
}
METHODS = {
    "cash": QT_TRANSLATE_NOOP("SignedBill", "cash"),
    "card": QT_TRANSLATE_NOOP("SignedBill", "bank card"),
    "wechat": QT_TRANSLATE_NOOP("SignedBill", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("SignedBill", "Alipay"),
}
COLUMNS = (
    (QT_TRANSLATE_NOOP("SignedBill", "Item"), 54.0, Qt.AlignmentFlag.AlignLeft),
    (QT_TRANSLATE_NOOP("SignedBill", "Qty"), 10.0, Qt.AlignmentFlag.AlignRight),
    (QT_TRANSLATE_NOOP("SignedBill", "Amount"), 23.0, Qt.AlignmentFlag.AlignRight),
    (QT_TRANSLATE_NOOP("SignedBill", "Insurer pays"), 23.0, Qt.AlignmentFlag.AlignRight),
    (QT_TRANSLATE_NOOP("SignedBill", "You pay"), 23.0, Qt.AlignmentFlag.AlignRight),
    (QT_TRANSLATE_NOOP("SignedBill", "Why"), 47.0, Qt.AlignmentFlag.AlignLeft),
)
"""Table columns: label, width in mm (they add up to the 180 mm between the margins), alignment."""

# The statement's blocks, in millimetres (the page's size and margins are the kit's).
FOOTER_H = 16.0
HEADING_H = 44.0
CONTINUED_H = 12.0
CELL_PAD = 1.6
TOTAL_ROW_H = 6.5
PATIENT_ROW_H = 10.0
SIGNATURE_W, SIGNATURE_H = 90.0, 30.0
CAPTION_H = 6.0
HASH_H = 10.0
GAP = 5.0
KEEP_WITH_CLOSING = 2
MIN_POINTS = 9.0
"""No text on the statement is smaller (a parent reads it without glasses)."""


def statement_pdf(
    content: StatementContent,
    signature_png: bytes | None,
    *,
    translator: QTranslator | None = None,
) -> bytes:
    """The statement as PDF bytes, in the family's language (`content.facts.language`).

    `signature_png` is the parent's signature (None on a self-pay statement, which is not
    signed). Labels come from `translator`, by default the built translations of the language.
    Runs on a worker thread: painting a PDF touches no widget.
    """
    if content.signed_at is not None and content.signed_at.tzinfo is None:
        raise ValueError("signed_at must be timezone-aware")
    signature: QImage | None = None
    if signature_png is not None:
        signature = QImage.fromData(signature_png)
        if signature.isNull():
            raise ValueError("signature_png is not a readable image")
    if content.standing is not ClaimStanding.SELF_PAY and signature is None:
        raise ValueError("a direct-billing statement carries the parent's signature")
    language = content.facts.language
    labels = _Labels(translator or compiled_translator(language), translate_for(language))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    clinic = content.facts.clinic.name(language)
    writer = a4_writer(buffer, title=f"{clinic} {content.statement_no}")
    with painting(writer) as page:
        _Statement(page, labels, content, signature).paint()
    del page, writer
    buffer.close()
    return bytes(data.data())


def write_statement(path: str | os.PathLike[str], pdf: bytes) -> Path:
    """The statement's file for opening and printing at the desk (the journal keeps the bytes)."""
    return write_whole(Path(path), pdf)


@dataclass(frozen=True)
class _Labels:
    """Translates labels into the document's language, independent of the desk's."""

    translator: QTranslator | None
    statement: Translate
    """The shared family wording (`ui.statement_text`: reasons, plans) in the same language."""

    def __call__(self, source: str) -> str:
        if self.translator is not None:
            return self.translator.translate(CONTEXT, source) or source
        return QCoreApplication.translate(CONTEXT, source)

    def label(self, key: str) -> str:
        return self(LABELS[key])


def _font(points: float, *, bold: bool = False, mono: bool = False) -> QFont:
    """The kit's font, never below `MIN_POINTS`."""
    return font(max(points, MIN_POINTS), bold=bold, mono=mono)


class _Statement:
    """Lays out and paints the pages, in the kit's millimetres."""

    def __init__(
        self,
        page: Page,
        labels: _Labels,
        content: StatementContent,
        signature: QImage | None,
    ) -> None:
        self.page = page
        self.labels = labels
        self.content = content
        self.language = content.facts.language
        self.signature = signature
        self.body = _font(10)
        self.value = _font(10.5)
        self.amount_bold = _font(10, bold=True)
        self.small = _font(9)
        self.subtitle = _font(12)
        self.title = _font(17)
        self.total_due = _font(16, bold=True)
        self.mono = _font(9, mono=True)

    @property
    def self_pay(self) -> bool:
        return self.content.standing is ClaimStanding.SELF_PAY

    # --- measuring and layout

    def _reason(self, line: ShownLine) -> str:
        reason = reason_text(self.labels.statement, line.reason)
        if line.preauth_ref:
            auth = self.labels.label("auth").replace("%1", line.preauth_ref)
            return f"{reason}\n{auth}"  # a number whole on a line of its own
        if line.preauth_id:
            preauth = self.labels.label("preauth").replace("%1", line.preauth_id)
            return f"{reason}\n{preauth}"
        return reason

    def _cells(self, line: ShownLine) -> list[str]:
        return [
            line.name(self.language),
            str(line.quantity),
            format_yuan(line.submitted_fen),
            format_yuan(line.covered_fen),
            format_yuan(line.patient_fen),
            self._reason(line),
        ]

    def _row_height(self, line: ShownLine) -> float:
        cells = self._cells(line)
        item_w = COLUMNS[0][1] - 2 * CELL_PAD
        item = self.page.height(self.body, item_w, cells[0]) + self.page.height(
            self.small, item_w, line.item_code
        )
        reason = self.page.height(self.small, COLUMNS[5][1] - 2 * CELL_PAD, cells[5])
        return max(item, reason) + 2 * CELL_PAD

    def _header_height(self) -> float:
        tallest = max(
            self.page.height(self.small, width - 2 * CELL_PAD, self.labels(label))
            for label, width, _ in COLUMNS
        )
        return tallest + 2 * CELL_PAD

    def _consent(self) -> str:
        if self.self_pay:
            return self.labels.label("self_pay")
        return self.content.facts.consent

    def _closing_height(self) -> float:
        height = GAP + 2 * TOTAL_ROW_H + 1.5 + PATIENT_ROW_H + TOTAL_ROW_H + GAP
        if self.content.owed_fen:
            height += TOTAL_ROW_H
        if self.content.confirmed_fen is not None:
            height += TOTAL_ROW_H
        height += self.page.height(self.small, CONTENT_W, self._consent()) + 2.0
        if not self.self_pay:
            height += SIGNATURE_H + CAPTION_H + GAP + HASH_H
        return height + TOTAL_ROW_H

    def _pages(self) -> list[tuple[list[ShownLine], bool]]:
        """Rows per page, and whether the closing block (totals, signature, hash) is on it."""
        bottom = PAGE_H - MARGIN - FOOTER_H
        header = self._header_height()
        closing = self._closing_height()
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
        if y + closing <= bottom:
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
        for number, (rows, closing) in enumerate(pages, start=1):
            if number > 1:
                self.page.new_page()
            top = self._paint_heading() if number == 1 else self._paint_continued()
            if rows or not closing:
                top = self._paint_table(top, rows)
            if closing:
                self._paint_closing(top + GAP)
            self._paint_footer(number, len(pages))

    def _after_colon(self, font: QFont, width: float, text: str) -> str:
        """`text` as it is when it fits on one line, else broken after its colon: a claim number
        or a phone number whole on the next line, not cut at its hyphen or bracket."""
        if self.page.height(font, width, text) <= self.page.height(font, width, "X"):
            return text
        return text.replace(": ", ":\n", 1).replace("：", "：\n", 1)

    def _number(self, between: str = "\n") -> str:
        """The statement's number, and its version (on the line below, in the heading)."""
        version = self.labels.label("version").replace("%1", str(self.content.version))
        return f"{self.labels.label('statement_no')} {self.content.statement_no}{between}{version}"

    def _signed_at(self) -> str:
        signed_at = self.content.signed_at
        if signed_at is None:
            return "—"
        return signed_at.astimezone(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M")

    def _paint_heading(self) -> float:
        facts = self.content.facts
        clinic = facts.clinic
        y = MARGIN
        title_w = CONTENT_W * 0.6
        name = clinic.name(self.language)
        self.page.text(
            QRectF(MARGIN, y, title_w, 12),
            self.page.fitted(self.title, title_w, name, smallest=11),
            name,
        )
        self.page.text(
            QRectF(MARGIN + title_w, y + 1.5, CONTENT_W - title_w, 10),
            self.body,
            self._number(),
            align=Qt.AlignmentFlag.AlignRight,
        )
        y += 9.5
        where = " · ".join(part for part in (clinic.address(self.language), clinic.phone) if part)
        if where:
            self.page.text(QRectF(MARGIN, y, title_w, 5), self.small, where, color=MUTED)
        y += 5.5
        title = self.labels.label("title_self_pay" if self.self_pay else "title")
        self.page.text(QRectF(MARGIN, y, CONTENT_W * 0.5, 7), self.subtitle, title)
        self.page.text(
            QRectF(MARGIN + CONTENT_W * 0.4, y + 0.8, CONTENT_W * 0.6, 7),
            self.small,
            self.labels.label("not_fapiao"),
            color=MUTED,
            align=Qt.AlignmentFlag.AlignRight,
        )
        y += 8.0
        self.page.rule(y, color=INK, width=0.4)
        y += 3.0
        facts_row = [
            ("child", facts.child_masked or "—"),
            ("policy", facts.policy_masked or "—"),
            ("plan", plan_text(self.labels.statement, facts.plan_tier)),
            ("service_date", self._service_date()),
        ]
        if self.content.signed_at is not None:  # a self-pay visit signs nothing
            facts_row.append(("signed_at", self._signed_at()))
        column_w = CONTENT_W / len(facts_row)
        for index, (key, value) in enumerate(facts_row):
            x = MARGIN + index * column_w
            label = self.labels.label(key)
            self.page.text(QRectF(x, y, column_w - 2, 5), self.small, label, color=MUTED)
            self.page.text(QRectF(x, y + 4.5, column_w - 2, 10), self.value, value)
        return MARGIN + HEADING_H

    def _service_date(self) -> str:
        day = self.content.facts.service_date.isoformat()
        if self.content.visit_type is VisitType.EMERGENCY:
            return f"{day}\n{self.labels.label('emergency')}"
        return day

    def _paint_continued(self) -> float:
        clinic = self.content.facts.clinic.name(self.language)
        heading = f"{clinic} · {self._number(' · ')} · {self.labels.label('continued')}"
        self.page.text(QRectF(MARGIN, MARGIN, CONTENT_W, 8), self.value, heading)
        return MARGIN + CONTINUED_H

    def _paint_table(self, top: float, rows: Sequence[ShownLine]) -> float:
        header_h = self._header_height()
        self.page.fill(QRectF(MARGIN, top, CONTENT_W, header_h))
        x = MARGIN
        for label, width, align in COLUMNS:
            cell = QRectF(x + CELL_PAD, top + CELL_PAD, width - 2 * CELL_PAD, header_h)
            self.page.text(cell, self.small, self.labels(label), color=MUTED, align=align)
            x += width
        y = top + header_h
        self.page.rule(y, color=INK)
        for line in rows:
            height = self._row_height(line)
            x = MARGIN
            for index, (text, (_, width, align)) in enumerate(
                zip(self._cells(line), COLUMNS, strict=True)
            ):
                cell = QRectF(x + CELL_PAD, y + CELL_PAD, width - 2 * CELL_PAD, height)
                if index == 0:
                    used = self.page.text(cell, self.body, text)
                    code = cell.translated(0, used)
                    self.page.text(code, self.small, line.item_code, color=MUTED)
                elif index == 5:
                    self.page.text(cell, self.small, text, align=align)
                else:
                    bold = index == 4 and line.patient_fen
                    self.page.text(cell, self.amount_bold if bold else self.body, text, align=align)
                x += width
            y += height
            self.page.rule(y)
        return y

    def _payment(self) -> str:
        content = self.content
        if content.totals.patient_fen == 0:
            return self.labels.label("nothing_to_pay")
        if not content.payments:
            return self.labels.label("unpaid")
        if len(content.payments) == 1:
            how = self.labels(METHODS[content.payments[0].method])
            paid = format_yuan(content.paid_fen)
            return self.labels.label("paid").replace("%1", paid).replace("%2", how)
        separator = "、" if self.language.startswith("zh") else ", "
        each = separator.join(
            f"{self.labels(METHODS[p.method])} {format_yuan(p.amount_fen)}"
            for p in content.payments
        )
        return self.labels.label("paid_split").replace("%1", each)

    def _claim(self) -> str:
        content = self.content
        if content.standing is ClaimStanding.ACCEPTED and content.claim_number:
            return self.labels.label("claim_accepted").replace("%1", content.claim_number)
        key = {
            ClaimStanding.WAITING: "claim_waiting",
            ClaimStanding.ACCEPTED: "claim_waiting",
            ClaimStanding.REFUSED: "claim_refused",
            ClaimStanding.SETTLED: "claim_settled",
            ClaimStanding.VOIDED: "claim_voided",
            ClaimStanding.CANCELLED: "claim_cancelled",
            ClaimStanding.SELF_PAY: "self_pay",
        }[content.standing]
        return self.labels.label(key)

    def _paint_closing(self, top: float) -> None:
        """Totals, how the family paid, the consent and signature, the claim and the bill hash."""
        totals = self.content.totals
        label_x = MARGIN + CONTENT_W * 0.40
        label_w = CONTENT_W * 0.38
        value_x = label_x + label_w
        value_w = RIGHT - value_x
        right = Qt.AlignmentFlag.AlignRight
        y = top
        for key, amount in (("total", totals.submitted_fen), ("covered", totals.covered_fen)):
            label = self.labels.label(key)
            self.page.text(QRectF(label_x, y, label_w, TOTAL_ROW_H), self.body, label)
            amount_rect = QRectF(value_x, y, value_w, TOTAL_ROW_H)
            self.page.text(amount_rect, self.body, format_yuan(amount), align=right)
            y += TOTAL_ROW_H
        self.page.rule(y + 0.5, left=label_x, color=INK, width=0.3)
        y += 1.5
        patient = self.labels.label("patient")
        self.page.text(QRectF(label_x, y + 2.0, label_w, 8), self.subtitle, patient)
        amount_rect = QRectF(value_x, y, value_w, PATIENT_ROW_H)
        self.page.text(amount_rect, self.total_due, format_yuan(totals.patient_fen), align=right)
        y += PATIENT_ROW_H
        self.page.text(
            QRectF(label_x, y, CONTENT_W * 0.6, TOTAL_ROW_H),
            self.body,
            self._payment(),
            align=right,
        )
        if self.content.confirmed_fen is not None:
            y += TOTAL_ROW_H
            confirmed = self.labels.label("confirmed").replace(
                "%1", format_yuan(self.content.confirmed_fen)
            )
            self.page.text(
                QRectF(MARGIN, y, CONTENT_W, TOTAL_ROW_H), self.body, confirmed, align=right
            )
        if self.content.owed_fen:
            y += TOTAL_ROW_H
            owed = self.labels.label("owed").replace("%1", format_yuan(self.content.owed_fen))
            self.page.text(
                QRectF(label_x, y, CONTENT_W * 0.6, TOTAL_ROW_H), self.body, owed, align=right
            )
        y += TOTAL_ROW_H + GAP
        consent = self._consent()
        y += self.page.text(QRectF(MARGIN, y, CONTENT_W, 30), self.small, consent) + 2.0
        insurer = self.content.facts.insurer
        hotline = (
            self.labels.label("insurer")
            .replace("%1", insurer.name(self.language))
            .replace("%2", insurer.hotline)
        )
        if self.self_pay:
            self.page.text(QRectF(MARGIN, y, CONTENT_W, TOTAL_ROW_H), self.small, hotline)
            return
        box = QRectF(MARGIN, y, SIGNATURE_W, SIGNATURE_H)
        self._paint_signature(box)
        caption = f"{self.labels.label('signature')} · {self._signed_at()}"
        caption_rect = QRectF(box.left(), box.bottom() + 1.0, box.width(), CAPTION_H)
        self.page.text(caption_rect, self.small, caption, color=MUTED)
        claim_x = box.right() + 10.0
        claim_w = RIGHT - claim_x
        claim_label = self.labels.label("claim")
        self.page.text(QRectF(claim_x, y + 2.0, claim_w, 5), self.small, claim_label, color=MUTED)
        claim = self._after_colon(self.subtitle, claim_w, self._claim())
        used = self.page.text(QRectF(claim_x, y + 6.5, claim_w, 14), self.subtitle, claim)
        hotline = self._after_colon(self.small, claim_w, hotline)
        self.page.text(QRectF(claim_x, y + 8.0 + used, claim_w, 12), self.small, hotline)
        y += SIGNATURE_H + CAPTION_H + GAP
        hash_label = self.labels.label("hash")
        used = self.page.text(QRectF(MARGIN, y, CONTENT_W, 5), self.small, hash_label, color=MUTED)
        hash_rect = QRectF(MARGIN, y + used + 0.5, CONTENT_W, HASH_H - used)
        self.page.text(hash_rect, self.mono, self.content.bill_hash)

    def _paint_signature(self, box: QRectF) -> None:
        """The signature image fitted to the box, standing on its line."""
        image = self.signature
        if image is not None:
            scale = min(box.width() / image.width(), box.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            self.page.image(QRectF(box.left(), box.bottom() - height, width, height), image)
        self.page.rule(box.bottom(), left=box.left(), right=box.right(), color=MUTED, width=0.3)

    def _paint_footer(self, number: int, count: int) -> None:
        y = PAGE_H - MARGIN - FOOTER_H + 3.0
        self.page.rule(y)
        footer = self.labels.label("footer_self_pay" if self.self_pay else "footer")
        self.page.text(
            QRectF(MARGIN, y + 1.5, CONTENT_W * 0.8, 12), self.small, footer, color=MUTED
        )
        page_no = self.labels.label("page").replace("%1", str(number)).replace("%2", str(count))
        self.page.text(
            QRectF(MARGIN + CONTENT_W * 0.8, y + 1.5, CONTENT_W * 0.2, 5),
            self.small,
            page_no,
            color=MUTED,
            align=Qt.AlignmentFlag.AlignRight,
        )
