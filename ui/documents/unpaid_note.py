"""The note a family takes home when its e-card is greyed out (置灰) for an unpaid amount.

The manual: "若您1次未支付费用，您的电子卡会置灰失效，无法享用直付服务", and how to pay
it: "在在线服务平台中的电子保险卡页面点击就诊记录 → 点击就诊记录里面的相关医院旁的支付 →
完成支付". Reception
prints this from the eligibility screen, so the parent leaves with the amount, the claim it belongs
to, the three steps and the hotline, instead of a sentence heard once at a busy desk. The app's
words (就诊记录, 支付) stay in Chinese in the English note too: they are what the parent will see in
the app. Words come translated from the GUI thread in an `UnpaidNoteText`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QRectF

from kiosk.money import format_yuan
from kiosk.statement import ClinicProfile, InsurerProfile
from ui.documents.page import ALERT, CONTENT_W, INK, MARGIN, MUTED, font, painting
from ui.documents.pdf_file import a4_pdf
from ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "UnpaidNote"

LABELS = {
    "title": QT_TRANSLATE_NOOP("UnpaidNote", "E-card on hold: an amount is unpaid"),
    "why": QT_TRANSLATE_NOOP(
        "UnpaidNote",
        "One amount the family pays itself from an earlier visit has not been paid, so the "
        "insurer has put the child's e-card on hold (置灰): no direct billing until it is paid.",
    ),
    "member": QT_TRANSLATE_NOOP("UnpaidNote", "Child"),
    "policy": QT_TRANSLATE_NOOP("UnpaidNote", "Policy"),
    "amount": QT_TRANSLATE_NOOP("UnpaidNote", "Unpaid amount"),
    "claim": QT_TRANSLATE_NOOP("UnpaidNote", "Claim reference"),
    "how": QT_TRANSLATE_NOOP("UnpaidNote", "How to pay it"),
    "step1": QT_TRANSLATE_NOOP(
        "UnpaidNote",
        "In the insurer's online service (WeChat official account 京东安联保险), open the e-card "
        "page and tap 就诊记录 (visit records).",
    ),
    "step2": QT_TRANSLATE_NOOP(
        "UnpaidNote", "Beside the visit with this claim reference, tap 支付 (pay)."
    ),
    "step3": QT_TRANSLATE_NOOP("UnpaidNote", "Complete the payment."),
    "after": QT_TRANSLATE_NOOP(
        "UnpaidNote",
        "Once it is paid the e-card works again: show it at the desk on your next visit and "
        "direct billing resumes.",
    ),
    "hotline": QT_TRANSLATE_NOOP("UnpaidNote", "Questions: the insurer's 7×24 hotline %1"),
    "printed": QT_TRANSLATE_NOOP("UnpaidNote", "Printed at %1 on %2."),
}


@dataclass(frozen=True)
class UnpaidNoteText:
    """Every word of the note, translated on the GUI thread."""

    labels: dict[str, str]


def unpaid_note_text() -> UnpaidNoteText:
    """The note's words in the language installed now (call on the GUI thread)."""
    return UnpaidNoteText(
        {key: QCoreApplication.translate(CONTEXT, text) for key, text in LABELS.items()}
    )


@dataclass(frozen=True)
class UnpaidFacts:
    """What the note says about this family's card (names already masked by the insurer)."""

    child_masked: str
    policy_masked: str
    amount_fen: int
    claim_ref: str


def render_unpaid_note(
    path: str | os.PathLike[str],
    facts: UnpaidFacts,
    text: UnpaidNoteText,
    *,
    clinic: ClinicProfile,
    insurer: InsurerProfile,
    language: str,
    printed_at: datetime,
) -> None:
    """Write the note to `path` (A4, one page); the file appears whole or not at all."""
    labels = text.labels
    title_font, heading, body, small = font(16), font(11), font(10.5), font(8)
    figure = font(14, bold=True)
    with (
        a4_pdf(path, title=labels["title"]) as writer,
        painting(writer) as page,
    ):
        y = MARGIN
        page.text(QRectF(MARGIN, y, CONTENT_W, 7), small, insurer.name(language), color=MUTED)
        y += 7
        y += page.text(QRectF(MARGIN, y, CONTENT_W, 12), title_font, labels["title"]) + 3
        why_h = page.height(body, CONTENT_W, labels["why"]) + 2
        page.text(QRectF(MARGIN, y, CONTENT_W, why_h), body, labels["why"])
        y += why_h + 3
        page.rule(y, color=INK, width=0.4)
        y += 3
        label_w = 48.0
        rows = [
            ("member", facts.child_masked, body, INK),
            ("policy", facts.policy_masked, body, INK),
            ("amount", format_yuan(facts.amount_fen), figure, ALERT),
            ("claim", facts.claim_ref, figure, INK),
        ]
        for key, value, value_font, color in rows:
            if not value:
                continue
            height = max(8.0, page.height(value_font, CONTENT_W - label_w, value) + 2)
            page.text(QRectF(MARGIN, y, label_w - 2, height), body, labels[key], color=MUTED)
            page.text(
                QRectF(MARGIN + label_w, y, CONTENT_W - label_w, height),
                value_font,
                value,
                color=color,
            )
            y += height
            page.rule(y - 0.5, width=0.15)
        y += 6
        page.text(QRectF(MARGIN, y, CONTENT_W, 7), heading, labels["how"])
        y += 8
        for number, key in enumerate(("step1", "step2", "step3"), start=1):
            line = f"{number}. {labels[key]}"
            height = page.height(body, CONTENT_W, line) + 2
            page.text(QRectF(MARGIN, y, CONTENT_W, height), body, line)
            y += height
        y += 3
        after_h = page.height(body, CONTENT_W, labels["after"]) + 2
        page.text(QRectF(MARGIN, y, CONTENT_W, after_h), body, labels["after"])
        y += after_h + 3
        page.text(
            QRectF(MARGIN, y, CONTENT_W, 8),
            heading,
            labels["hotline"].replace("%1", insurer.hotline),
        )
        y += 12
        page.rule(y, width=0.15)
        page.text(
            QRectF(MARGIN, y + 2, CONTENT_W, 10),
            small,
            labels["printed"]
            .replace("%1", clinic.name(language))
            .replace("%2", f"{printed_at:%Y-%m-%d %H:%M}"),
            color=MUTED,
        )
