"""The insurer's guarantee letter (担保函) for an approved pre-authorisation, as a printable PDF.

The manual: "事先授权是客户在接受某些特定的医学治疗之前，获取保险公司书面授权担保函的过程"
and "保险公司会发送担保函至医院，安排直付服务". The insurer sends the letter's facts
(`GuaranteeLetter`); the desk lays them out on A4 with the page kit, so the clinic can file it
with the treatment's paperwork and show the family what is guaranteed: the items, the amount, the
dates and the number of uses. The insurer's own terms are printed as sent, in its words. Words come
translated from the GUI thread in a `LetterText`, so painting may run on a worker.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRectF, Qt

from kiosk.business_day import BUSINESS_TZ
from kiosk.insurer.models import GuaranteeLetter
from kiosk.money import format_yuan
from ui.documents.page import CONTENT_W, INK, MARGIN, MUTED, font, painting
from ui.documents.pdf_file import a4_pdf
from ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "GuaranteeLetter"

LABELS = {
    "title": QT_TRANSLATE_NOOP("GuaranteeLetter", "Guarantee letter (pre-authorisation)"),
    "auth": QT_TRANSLATE_NOOP("GuaranteeLetter", "Auth number"),
    "issued": QT_TRANSLATE_NOOP("GuaranteeLetter", "Issued"),
    "request": QT_TRANSLATE_NOOP("GuaranteeLetter", "request %1"),
    "to": QT_TRANSLATE_NOOP("GuaranteeLetter", "To"),
    "member": QT_TRANSLATE_NOOP("GuaranteeLetter", "Member"),
    "policy": QT_TRANSLATE_NOOP("GuaranteeLetter", "Policy"),
    "item": QT_TRANSLATE_NOOP("GuaranteeLetter", "Treatment"),
    "diagnosis": QT_TRANSLATE_NOOP("GuaranteeLetter", "Diagnosis"),
    "covers": QT_TRANSLATE_NOOP("GuaranteeLetter", "Items covered"),
    "amount": QT_TRANSLATE_NOOP("GuaranteeLetter", "Guaranteed amount"),
    "left": QT_TRANSLATE_NOOP("GuaranteeLetter", "%1 left when printed"),
    "valid": QT_TRANSLATE_NOOP("GuaranteeLetter", "Valid for service dates"),
    "uses": QT_TRANSLATE_NOOP("GuaranteeLetter", "Uses"),
    "uses_left": QT_TRANSLATE_NOOP("GuaranteeLetter", "%1 of %2 left when printed"),
    "terms": QT_TRANSLATE_NOOP("GuaranteeLetter", "The insurer's terms"),
    "printed": QT_TRANSLATE_NOOP(
        "GuaranteeLetter",
        "Printed at the clinic's direct-billing kiosk on %1 from the insurer's "
        "letter; the insurer's records decide.",
    ),
}


@dataclass(frozen=True)
class LetterText:
    """Every word of the letter's frame, translated on the GUI thread."""

    labels: dict[str, str]


def letter_text() -> LetterText:
    """The letter's words in the language installed now (call on the GUI thread)."""
    return LetterText(
        {key: QCoreApplication.translate(CONTEXT, text) for key, text in LABELS.items()}
    )


def render_guarantee_letter(
    path: str | os.PathLike[str], letter: GuaranteeLetter, text: LetterText, *, printed_on: str
) -> None:
    """Write the letter to `path` (A4, one page); the file appears whole or not at all."""
    labels = text.labels
    grant = letter.grant
    title_font, heading, body, small = font(16), font(10.5), font(10), font(8)
    figure = font(12, bold=True)
    with (
        a4_pdf(path, title=f"{letter.auth_number} {letter.insurer_name}") as writer,
        painting(writer) as page,
    ):
        y = MARGIN
        y += page.text(QRectF(MARGIN, y, CONTENT_W, 10), title_font, letter.insurer_name) + 1
        page.text(QRectF(MARGIN, y, CONTENT_W * 0.6, 7), heading, labels["title"], color=MUTED)
        page.text(
            QRectF(MARGIN + CONTENT_W * 0.4, y, CONTENT_W * 0.6, 7),
            figure,
            f"{labels['auth']} {letter.auth_number}",
            align=Qt.AlignmentFlag.AlignRight,
        )
        y += 8
        issued = letter.issued_at.astimezone(BUSINESS_TZ)
        page.text(
            QRectF(MARGIN, y, CONTENT_W, 5),
            small,
            f"{labels['issued']} {issued:%Y-%m-%d %H:%M} · "
            + labels["request"].replace("%1", letter.preauth_id),
            color=MUTED,
            align=Qt.AlignmentFlag.AlignRight,
        )
        y += 6
        page.rule(y, color=INK, width=0.4)
        y += 4
        covers = ", ".join([*grant.item_codes, *(c.value for c in grant.categories)])
        rows = [
            ("to", f"{letter.clinic_name} ({letter.clinic_id})"),
            ("member", f"{letter.member_name_masked} · {letter.member_id}"),
            ("policy", letter.policy_number),
            ("item", f"{letter.description} ({letter.item_code})"),
            ("diagnosis", letter.diagnosis),
            ("covers", covers),
            (
                "amount",
                f"{format_yuan(grant.approved_fen)} · "
                + labels["left"].replace("%1", format_yuan(grant.amount_left_fen)),
            ),
            ("valid", f"{grant.valid_from.isoformat()} – {grant.valid_until.isoformat()}"),
            (
                "uses",
                labels["uses_left"]
                .replace("%1", str(grant.uses_left))
                .replace("%2", str(grant.uses_allowed)),
            ),
        ]
        label_w = 48.0
        for key, value in rows:
            height = max(6.0, page.height(body, CONTENT_W - label_w, value) + 1.5)
            page.text(QRectF(MARGIN, y, label_w - 2, height), body, labels[key], color=MUTED)
            page.text(QRectF(MARGIN + label_w, y, CONTENT_W - label_w, height), body, value)
            y += height
            page.rule(y - 0.5, width=0.15)
        y += 5
        page.text(QRectF(MARGIN, y, CONTENT_W, 7), heading, labels["terms"])
        y += 8
        for number, term in enumerate(letter.terms, start=1):
            line = f"{number}. {term}"
            height = page.height(body, CONTENT_W, line) + 1.5
            page.text(QRectF(MARGIN, y, CONTENT_W, height), body, line)
            y += height
        y += 6
        page.rule(y, width=0.15)
        page.text(
            QRectF(MARGIN, y + 2, CONTENT_W, 10),
            small,
            labels["printed"].replace("%1", printed_on),
            color=MUTED,
        )
