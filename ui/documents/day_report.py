"""The PDF day report: on its first page the day's direct-pay figures, the 30-day chart, the
reconciliation's findings, whether the day is closed, and the audit trail's head hash; once the
day is closed, a page more with its close-out (taken, counted and variance by method, the note)
and the changes recorded after the close; and a page of the receivables as of the day (open
claims by age, paid against expected by month, what families owe, the remittances' findings).

Printed and filed, the head hash is what later proves the journal's trail was not cut short
(see `kiosk.journal.audit`). Drawn with the page kit (`ui.documents.page`) like the family's
statement, so Chinese stays searchable text; all words come translated from the GUI thread in a
`DayReportText`, so the painting itself may run on a worker.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from PySide6.QtCore import QCoreApplication, QRectF, Qt

from kiosk.business_day import BUSINESS_TZ
from kiosk.close_out import ChangeKind, CloseOut, DayClose
from kiosk.journal import AuditVerdict, PaymentMethod
from kiosk.money import format_yuan
from kiosk.receivables import Receivables, RemittanceProblem
from kiosk.reconciliation import Action, Discrepancy, Reconciliation
from kiosk.reports import ClaimCategory, DaySummary, PreAuthState, Trend
from ui.documents.page import (
    ALERT,
    CONTENT_W,
    FAINT,
    FONT_FAMILIES,
    INK,
    MARGIN,
    PAGE_H,
    Page,
    font,
    painting,
)
from ui.documents.pdf_file import a4_pdf
from ui.i18n import QT_TRANSLATE_NOOP
from ui.manager_text import name
from ui.widgets.trend_chart import ChartText, paint_trend

CONTEXT = "DayReport"
MAX_FINDINGS = 6

LABELS = {
    "title": QT_TRANSLATE_NOOP("DayReport", "Direct-pay day report"),
    "day": QT_TRANSLATE_NOOP("DayReport", "Service date"),
    "printed": QT_TRANSLATE_NOOP("DayReport", "Printed"),
    "by": QT_TRANSLATE_NOOP("DayReport", "By"),
    "visits": QT_TRANSLATE_NOOP("DayReport", "Direct-pay visits"),
    "billed": QT_TRANSLATE_NOOP("DayReport", "Billed"),
    "covered": QT_TRANSLATE_NOOP("DayReport", "Covered by the insurer"),
    "awaiting": QT_TRANSLATE_NOOP("DayReport", "Awaiting the insurer"),
    "not_covered": QT_TRANSLATE_NOOP("DayReport", "Refused by the insurer"),
    "family_paid": QT_TRANSLATE_NOOP("DayReport", "Paid by families"),
    "family_share": QT_TRANSLATE_NOOP("DayReport", "family share %1"),
    "claims": QT_TRANSLATE_NOOP("DayReport", "Claims"),
    "sent": QT_TRANSLATE_NOOP("DayReport", "Sent to the insurer"),
    "payments": QT_TRANSLATE_NOOP("DayReport", "Family payments"),
    "preauths": QT_TRANSLATE_NOOP("DayReport", "Pre-auth requests"),
    "top": QT_TRANSLATE_NOOP("DayReport", "Top items"),
    "quantity": QT_TRANSLATE_NOOP("DayReport", "Qty"),
    "trend": QT_TRANSLATE_NOOP("DayReport", "Last 30 days"),
    "reconciliation": QT_TRANSLATE_NOOP("DayReport", "Reconciliation with the insurer"),
    "not_reconciled": QT_TRANSLATE_NOOP(
        "DayReport", "Not reconciled: the insurer's statement was not fetched for this report."
    ),
    "balanced": QT_TRANSLATE_NOOP(
        "DayReport", "Balanced: every claim agrees with the insurer's statement (%1)."
    ),
    "unbalanced": QT_TRANSLATE_NOOP(
        "DayReport",
        "Agree: %1 · need a look: %2. Insurer total %3, this PC's records %4.",
    ),
    "more": QT_TRANSLATE_NOOP("DayReport", "… and %1 more on the kiosk's reconciliation page."),
    "audit": QT_TRANSLATE_NOOP("DayReport", "Audit trail: %1 entries, head %2"),
    "audit_broken": QT_TRANSLATE_NOOP(
        "DayReport", "Audit trail BROKEN at entry %1: call the clinic's IT contact."
    ),
    "none": QT_TRANSLATE_NOOP("DayReport", "none"),
    "not_closed": QT_TRANSLATE_NOOP("DayReport", "Day not closed yet"),
    "closed": QT_TRANSLATE_NOOP("DayReport", "Day closed by %1 at %2"),
    "close_out": QT_TRANSLATE_NOOP("DayReport", "Close-out"),
    "method": QT_TRANSLATE_NOOP("DayReport", "Method"),
    "taken": QT_TRANSLATE_NOOP("DayReport", "Taken at the desk"),
    "counted": QT_TRANSLATE_NOOP("DayReport", "Counted"),
    "variance": QT_TRANSLATE_NOOP("DayReport", "Variance"),
    "total": QT_TRANSLATE_NOOP("DayReport", "Total"),
    "note": QT_TRANSLATE_NOOP("DayReport", "Note: %1"),
    "taken_means": QT_TRANSLATE_NOOP(
        "DayReport",
        "Taken at the desk: payments recorded that day, refunds taken off, whichever visit they "
        "were for. Counted: the drawer's cash and each terminal's day report.",
    ),
    "changes": QT_TRANSLATE_NOOP("DayReport", "Changes after close"),
    "no_changes": QT_TRANSLATE_NOOP("DayReport", "Nothing was changed since the close."),
    "changes_means": QT_TRANSLATE_NOOP(
        "DayReport", "Recorded after the close; not in the close-out's figures."
    ),
    "when": QT_TRANSLATE_NOOP("DayReport", "When"),
    "change": QT_TRANSLATE_NOOP("DayReport", "Change"),
    "statement": QT_TRANSLATE_NOOP("DayReport", "Statement no."),
    "amount": QT_TRANSLATE_NOOP("DayReport", "Amount"),
    "who": QT_TRANSLATE_NOOP("DayReport", "Recorded by"),
    "why": QT_TRANSLATE_NOOP("DayReport", "Why"),
    "page": QT_TRANSLATE_NOOP("DayReport", "Direct-billing kiosk · day report"),
    "receivables": QT_TRANSLATE_NOOP("DayReport", "Receivables"),
    "as_of": QT_TRANSLATE_NOOP("DayReport", "As of %1"),
    "aging_0": QT_TRANSLATE_NOOP("DayReport", "Unpaid 0–30 days"),
    "aging_1": QT_TRANSLATE_NOOP("DayReport", "Unpaid 31–60 days"),
    "aging_2": QT_TRANSLATE_NOOP("DayReport", "Unpaid 61–90 days"),
    "aging_3": QT_TRANSLATE_NOOP("DayReport", "Unpaid over 90 days"),
    "open_claims": QT_TRANSLATE_NOOP("DayReport", "Claims: %1"),
    "by_month": QT_TRANSLATE_NOOP("DayReport", "Paid against expected, by month of service"),
    "month": QT_TRANSLATE_NOOP("DayReport", "Month"),
    "expected": QT_TRANSLATE_NOOP("DayReport", "Expected"),
    "paid": QT_TRANSLATE_NOOP("DayReport", "Paid"),
    "to_come": QT_TRANSLATE_NOOP("DayReport", "To come"),
    "families": QT_TRANSLATE_NOOP("DayReport", "Owed by families"),
    "at_desk": QT_TRANSLATE_NOOP("DayReport", "At the desk"),
    "after_review": QT_TRANSLATE_NOOP("DayReport", "After the insurer's review"),
    "remittances": QT_TRANSLATE_NOOP("DayReport", "The insurer's remittances"),
    "remittances_seen": QT_TRANSLATE_NOOP(
        "DayReport", "Remittances: %1 · lines: %2 · agree with the claims: %3"
    ),
    "no_findings": QT_TRANSLATE_NOOP("DayReport", "Every remittance line agrees with a claim."),
    "remittance": QT_TRANSLATE_NOOP("DayReport", "Remittance"),
    "claim": QT_TRANSLATE_NOOP("DayReport", "Claim"),
    "what": QT_TRANSLATE_NOOP("DayReport", "What"),
    "to_do": QT_TRANSLATE_NOOP("DayReport", "What to do"),
}


@dataclass(frozen=True)
class DayReportText:
    """Every word of the report, translated on the GUI thread."""

    labels: dict[str, str]
    names: dict[Enum, str]
    chart: ChartText


def day_report_text(chart: ChartText) -> DayReportText:
    """The report's words in the language installed now (call on the GUI thread)."""
    labels = {key: QCoreApplication.translate(CONTEXT, text) for key, text in LABELS.items()}
    names: dict[Enum, str] = {}
    enums = (ClaimCategory, PaymentMethod, PreAuthState, Discrepancy, Action, ChangeKind)
    for enum in (*enums, RemittanceProblem):
        for value in enum:
            names[value] = name(value)
    return DayReportText(labels, names, chart)


def render_day_report(
    path: str | os.PathLike[str],
    *,
    clinic: str,
    summary: DaySummary,
    trend: Trend,
    close_out: CloseOut,
    reconciliation: Reconciliation | None,
    audit: AuditVerdict,
    printed_at: datetime,
    printed_by: str,
    text: DayReportText,
    item_names: Mapping[str, str] | None = None,
    receivables: Receivables | None = None,
) -> None:
    """Write the A4 report to `path`; the file appears whole or not at all. `close_out` is the
    day's, closed or not; `item_names` gives the top items' names by code in the report's
    language (else the bill's own description); `receivables`, as of the day, get a page."""
    with (
        a4_pdf(path, title=f"{clinic} {summary.day.isoformat()}") as writer,
        painting(writer) as page,
    ):
        report = _DayReport(page, text, item_names or {})
        y = report.masthead(clinic, summary, printed_at, printed_by, close_out.closed)
        y = report.figures(y + 3, summary)
        y = report.tables(y + 4, summary)
        y = report.top_items(y + 4, summary)
        y = report.chart(y + 4, trend)
        report.reconciliation(y + 4, reconciliation)
        report.footer(audit)
        if close_out.closed is not None:
            page.new_page()
            report.close_out(clinic, close_out, close_out.closed)
        if receivables is not None:
            page.new_page()
            report.receivables(clinic, receivables)


class _DayReport:
    """Lays the report out on its one page, in the kit's millimetres."""

    def __init__(self, page: Page, text: DayReportText, item_names: Mapping[str, str]) -> None:
        self.page = page
        self.text = text
        self.item_names = item_names
        self.body = font(9)
        self.small = font(7.5)
        self.figure = font(14, bold=True)
        self.heading = font(10.5)
        self.title = font(17)
        self.mono = font(7, mono=True)

    def label(self, key: str) -> str:
        return self.text.labels[key]

    def masthead(
        self,
        clinic: str,
        summary: DaySummary,
        printed_at: datetime,
        printed_by: str,
        closed: DayClose | None,
    ) -> float:
        """The clinic, the report's title and day, who printed it when and whether the day is
        closed; returns where it ends."""
        y = MARGIN
        y += self.page.text(QRectF(MARGIN, y, CONTENT_W, 16), self.title, clinic) + 1
        self.page.text(
            QRectF(MARGIN, y, CONTENT_W * 0.5, 7), self.heading, self.label("title"), color=FAINT
        )
        day = f"{self.label('day')} {summary.day.isoformat()}"
        right = Qt.AlignmentFlag.AlignRight
        self.page.text(
            QRectF(MARGIN + CONTENT_W * 0.5, y, CONTENT_W * 0.5, 7), self.figure, day, align=right
        )
        y += 7.5
        printed = (
            f"{self.label('printed')} {printed_at.astimezone(BUSINESS_TZ):%Y-%m-%d %H:%M}"
            f" · {self.label('by')} {printed_by}"
        )
        self.page.text(
            QRectF(MARGIN, y, CONTENT_W, 5), self.small, printed, color=FAINT, align=right
        )
        self.page.text(QRectF(MARGIN, y, CONTENT_W * 0.5, 5), self.small, self._closed(closed))
        y += 5
        self.page.rule(y, color=INK, width=0.4)
        return y

    def figures(self, top: float, summary: DaySummary) -> float:
        figures = [
            ("visits", str(summary.direct_pay_visits), None),
            ("billed", format_yuan(summary.billed_fen), None),
            ("covered", format_yuan(summary.covered_fen), None),
            ("awaiting", format_yuan(summary.awaiting_fen), None),
            ("not_covered", format_yuan(summary.not_covered_fen), None),
            (
                "family_paid",
                format_yuan(summary.family_paid_fen),
                self.label("family_share").replace("%1", format_yuan(summary.family_share_fen)),
            ),
        ]
        width = CONTENT_W / 3
        for index, (key, value, note) in enumerate(figures):
            x = MARGIN + (index % 3) * width
            y = top + (index // 3) * 19
            self.page.fill(QRectF(x, y, width - 3, 17))
            self.page.text(
                QRectF(x + 2, y + 1.5, width - 7, 5), self.small, self.label(key), color=FAINT
            )
            self.page.text(QRectF(x + 2, y + 5.2, width - 7, 8), self.figure, value)
            if note:
                self.page.text(QRectF(x + 2, y + 12, width - 7, 5), self.small, note, color=FAINT)
        return top + 38

    def _table(
        self, x: float, top: float, width: float, title: str, rows: Sequence[tuple[str, str]]
    ) -> float:
        self.page.text(QRectF(x, top, width, 6), self.heading, title)
        y = top + 6.5
        for label, value in rows:
            self.page.text(QRectF(x, y, width * 0.68, 5), self.body, label)
            self.page.text(
                QRectF(x + width * 0.6, y, width * 0.4, 5),
                self.body,
                value,
                align=Qt.AlignmentFlag.AlignRight,
            )
            y += 4.8
            self.page.rule(y - 0.4, left=x, right=x + width, width=0.15)
        return y

    def tables(self, top: float, summary: DaySummary) -> float:
        names = self.text.names
        width = (CONTENT_W - 10) / 3
        claims = [(names[c], str(n)) for c, n in summary.claims.items()]
        claims.append((self.label("sent"), f"{summary.sent} / {summary.claims_total}"))
        payments = [
            (f"{names[t.method]} ({t.payments})", format_yuan(t.amount_fen))
            for t in summary.payments
        ]
        preauths = [(names[state], str(n)) for state, n in summary.preauths.items()]
        bottoms = [
            self._table(MARGIN, top, width, self.label("claims"), claims),
            self._table(MARGIN + width + 5, top, width, self.label("payments"), payments),
            self._table(MARGIN + 2 * (width + 5), top, width, self.label("preauths"), preauths),
        ]
        return max(bottoms)

    def top_items(self, top: float, summary: DaySummary) -> float:
        self.page.text(QRectF(MARGIN, top, CONTENT_W, 6), self.heading, self.label("top"))
        y = top + 6.5
        if not summary.top_items:
            self.page.text(
                QRectF(MARGIN, y, CONTENT_W, 5), self.body, self.label("none"), color=FAINT
            )
            return y + 5
        for item in summary.top_items:
            self.page.text(QRectF(MARGIN, y, 22, 5), self.small, item.item_code, color=FAINT)
            description = self.item_names.get(item.item_code) or item.description
            self.page.text(QRectF(MARGIN + 22, y, 110, 5), self.body, description)
            quantity = f"{self.label('quantity')} {item.quantity}"
            self.page.text(
                QRectF(MARGIN + 130, y, 20, 5),
                self.body,
                quantity,
                align=Qt.AlignmentFlag.AlignRight,
            )
            self.page.text(
                QRectF(MARGIN + 150, y, CONTENT_W - 150, 5),
                self.body,
                format_yuan(item.billed_fen),
                align=Qt.AlignmentFlag.AlignRight,
            )
            y += 4.8
        return y

    def chart(self, top: float, trend: Trend) -> float:
        self.page.text(QRectF(MARGIN, top, CONTENT_W, 6), self.heading, self.label("trend"))
        area = self.page.device(QRectF(MARGIN, top + 6, CONTENT_W, 58))
        with self.page.device_scale() as unit:
            paint_trend(
                self.page.painter,
                area,
                trend,
                self.text.chart,
                scale=unit * 0.21,
                families=FONT_FAMILIES,
            )
        return top + 66

    def reconciliation(self, top: float, reconciliation: Reconciliation | None) -> None:
        self.page.text(
            QRectF(MARGIN, top, CONTENT_W, 6), self.heading, self.label("reconciliation")
        )
        y = top + 6.5
        if reconciliation is None:
            self.page.text(QRectF(MARGIN, y, CONTENT_W, 5), self.body, self.label("not_reconciled"))
            return
        if reconciliation.balanced:
            line = self.label("balanced").replace("%1", str(reconciliation.matched))
            self.page.text(QRectF(MARGIN, y, CONTENT_W, 5), self.body, line)
            return
        line = (
            self.label("unbalanced")
            .replace("%1", str(reconciliation.matched))
            .replace("%2", str(len(reconciliation.findings)))
            .replace("%3", format_yuan(reconciliation.insurer_covered_fen))
            .replace("%4", format_yuan(reconciliation.journal_covered_fen))
        )
        y += self.page.text(QRectF(MARGIN, y, CONTENT_W, 5), self.body, line, color=ALERT) + 1.5
        names = self.text.names
        bottom = PAGE_H - MARGIN - 12
        shown = 0
        for finding in reconciliation.findings[:MAX_FINDINGS]:
            what = (
                f"{names[finding.discrepancy]} · {finding.invoice_no or finding.insurer_claim_id}"
            )
            if finding.difference_fen is not None:
                what += f" · {format_yuan(finding.difference_fen)}"
            action = names[finding.action]
            if y + 9 > bottom:
                break
            said = self.page.text(QRectF(MARGIN, y, 62, 9), self.small, what)
            used = self.page.text(
                QRectF(MARGIN + 64, y, CONTENT_W - 64, 9), self.small, action, color=FAINT
            )
            y += max(said, used, 3.5) + 1.2
            shown += 1
        if shown < len(reconciliation.findings):
            more = self.label("more").replace("%1", str(len(reconciliation.findings) - shown))
            self.page.text(QRectF(MARGIN, y, CONTENT_W, 5), self.small, more, color=FAINT)

    def _closed(self, closed: DayClose | None) -> str:
        if closed is None:
            return self.label("not_closed")
        at = f"{closed.closed_at.astimezone(BUSINESS_TZ):%Y-%m-%d %H:%M}"
        return self.label("closed").replace("%1", closed.closed_by_name).replace("%2", at)

    def close_out(self, clinic: str, close_out: CloseOut, closed: DayClose) -> None:
        """The page of a closed day: its close-out, then the changes after it (on more pages
        when they do not fit)."""
        y = MARGIN
        y += self.page.text(QRectF(MARGIN, y, CONTENT_W, 10), self.heading, clinic) + 1
        self.page.text(QRectF(MARGIN, y, CONTENT_W * 0.5, 8), self.title, self.label("close_out"))
        day = f"{self.label('day')} {close_out.day.isoformat()}"
        self.page.text(
            QRectF(MARGIN + CONTENT_W * 0.5, y + 1, CONTENT_W * 0.5, 7),
            self.figure,
            day,
            align=Qt.AlignmentFlag.AlignRight,
        )
        y += 10
        y += self.page.text(QRectF(MARGIN, y, CONTENT_W, 5), self.body, self._closed(closed)) + 1
        self.page.rule(y, color=INK, width=0.4)
        y += 3
        columns = (0.0, 0.3, 0.55, 0.8)
        headers = ("method", "taken", "counted", "variance")
        for x, key in zip(columns, headers, strict=True):
            align = Qt.AlignmentFlag.AlignLeft if x == 0 else Qt.AlignmentFlag.AlignRight
            self.page.text(
                QRectF(MARGIN + x * CONTENT_W, y, 0.2 * CONTENT_W, 5),
                self.small,
                self.label(key),
                color=FAINT,
                align=align,
            )
        y += 5.5
        rows = [(self.text.names[c.method], c.taken_fen, c.counted_fen) for c in closed.counts]
        rows.append(
            (
                self.label("total"),
                sum(c.taken_fen for c in closed.counts),
                sum(c.counted_fen for c in closed.counts),
            )
        )
        for index, (method, taken, counted) in enumerate(rows):
            total = index == len(rows) - 1
            if total:
                self.page.rule(y - 0.6, color=INK, width=0.3)
            off = counted - taken
            cells = (
                method,
                format_yuan(taken),
                format_yuan(counted),
                ("+" if off > 0 else "") + format_yuan(off),
            )
            for x, cell in zip(columns, cells, strict=True):
                align = Qt.AlignmentFlag.AlignLeft if x == 0 else Qt.AlignmentFlag.AlignRight
                color = ALERT if x == columns[-1] and off else INK
                self.page.text(
                    QRectF(MARGIN + x * CONTENT_W, y, 0.2 * CONTENT_W, 5),
                    self.figure if total else self.body,
                    cell,
                    color=color,
                    align=align,
                )
            y += 7 if total else 5.2
            if not total:
                self.page.rule(y - 0.6, width=0.15)
        if closed.note:
            note = self.label("note").replace("%1", closed.note)
            y += self.page.text(QRectF(MARGIN, y + 1, CONTENT_W, 20), self.body, note) + 2
        y += self.page.text(
            QRectF(MARGIN, y + 1, CONTENT_W, 10), self.small, self.label("taken_means"), color=FAINT
        )
        self.changes(y + 8, close_out)

    def changes(self, top: float, close_out: CloseOut) -> None:
        """The changes after close as a table, page after page as needed."""
        self.page.text(QRectF(MARGIN, top, CONTENT_W, 6), self.heading, self.label("changes"))
        y = top + 6.5
        if not close_out.changes:
            self.page.text(QRectF(MARGIN, y, CONTENT_W, 5), self.body, self.label("no_changes"))
            return
        self.page.text(
            QRectF(MARGIN, y, CONTENT_W, 5), self.small, self.label("changes_means"), color=FAINT
        )
        y += 5.5
        columns = ((0, 24), (24, 46), (70, 38), (108, 22), (132, 22), (156, CONTENT_W - 156))
        keys = ("when", "change", "statement", "amount", "who", "why")
        bottom = PAGE_H - MARGIN - 5

        def header(at: float) -> float:
            for (x, width), key in zip(columns, keys, strict=True):
                align = (
                    Qt.AlignmentFlag.AlignRight if key == "amount" else Qt.AlignmentFlag.AlignLeft
                )
                self.page.text(
                    QRectF(MARGIN + x, at, width - 1.5, 5),
                    self.small,
                    self.label(key),
                    color=FAINT,
                    align=align,
                )
            return at + 5

        y = header(y)
        names = self.text.names
        for change in close_out.changes:
            what = names[change.kind]
            if change.method is not None:
                what += f" · {names[change.method]}"
            cells = (
                f"{change.at.astimezone(BUSINESS_TZ):%m-%d %H:%M}",
                what,
                change.statement_no or "—",
                format_yuan(change.amount_fen),
                change.by,
                change.reason or "",
            )
            height = max(
                self.page.height(self.small, width - 1.5, cell)
                for (_x, width), cell in zip(columns, cells, strict=True)
            )
            if y + height > bottom:
                self.page.new_page()
                y = header(MARGIN)
            for (x, width), key, cell in zip(columns, keys, cells, strict=True):
                align = (
                    Qt.AlignmentFlag.AlignRight if key == "amount" else Qt.AlignmentFlag.AlignLeft
                )
                self.page.text(
                    QRectF(MARGIN + x, y, width - 1.5, height), self.small, cell, align=align
                )
            y += height + 1
            self.page.rule(y - 0.5, width=0.15)

    def receivables(self, clinic: str, result: Receivables) -> None:
        """The page of the receivables as of the day: open claims by age, paid against expected
        by month, what families owe, and the remittances' findings."""
        y = MARGIN
        y += self.page.text(QRectF(MARGIN, y, CONTENT_W, 10), self.heading, clinic) + 1
        self.page.text(QRectF(MARGIN, y, CONTENT_W * 0.5, 8), self.title, self.label("receivables"))
        as_of = self.label("as_of").replace("%1", result.aging.as_of.isoformat())
        self.page.text(
            QRectF(MARGIN + CONTENT_W * 0.5, y + 1, CONTENT_W * 0.5, 7),
            self.figure,
            as_of,
            align=Qt.AlignmentFlag.AlignRight,
        )
        y += 10
        self.page.rule(y, color=INK, width=0.4)
        y += 3
        width = CONTENT_W / 4
        for index, bucket in enumerate(result.aging.buckets):
            x = MARGIN + index * width
            self.page.fill(QRectF(x, y, width - 3, 17))
            caption = self.label(f"aging_{index}")
            self.page.text(QRectF(x + 2, y + 1.5, width - 7, 5), self.small, caption, color=FAINT)
            overdue = bucket.last_day is None and bucket.claims > 0
            self.page.text(
                QRectF(x + 2, y + 5.2, width - 7, 8),
                self.figure,
                format_yuan(bucket.amount_fen),
                color=ALERT if overdue else INK,
            )
            count = self.label("open_claims").replace("%1", str(bucket.claims))
            self.page.text(QRectF(x + 2, y + 12, width - 7, 5), self.small, count, color=FAINT)
        y += 22
        months = [
            (
                f"{m.period:%Y-%m}",
                format_yuan(m.expected_fen),
                format_yuan(m.paid_fen),
                format_yuan(m.outstanding_fen),
            )
            for m in result.months[-12:]
        ]
        left = CONTENT_W * 0.62
        bottom = self._columns(
            MARGIN,
            y,
            left,
            self.label("by_month"),
            ("month", "expected", "paid", "to_come"),
            months,
        )
        families = result.families
        owed = [
            (self.label("at_desk"), format_yuan(families.at_desk_fen)),
            (self.label("after_review"), format_yuan(families.after_review_fen)),
        ]
        bottom = max(
            bottom,
            self._table(MARGIN + left + 5, y, CONTENT_W - left - 5, self.label("families"), owed),
        )
        matched = result.remittances
        y = bottom + 6
        self.page.text(QRectF(MARGIN, y, CONTENT_W, 6), self.heading, self.label("remittances"))
        seen = (
            self.label("remittances_seen")
            .replace("%1", str(matched.remittances))
            .replace("%2", str(matched.details))
            .replace("%3", str(matched.matched))
        )
        y += 6.5
        y += self.page.text(QRectF(MARGIN, y, CONTENT_W, 5), self.small, seen, color=FAINT) + 1
        if not matched.findings:
            self.page.text(QRectF(MARGIN, y, CONTENT_W, 5), self.body, self.label("no_findings"))
            return
        names = self.text.names
        rows = [
            (
                names[f.problem],
                f"{f.remittance_id} {f.payment_date:%m-%d}",
                f.invoice_no or f.insurer_claim_id or "—",
                format_yuan(f.expected_fen) if f.expected_fen is not None else "—",
                format_yuan(f.paid_fen),
                names[f.action],
            )
            for f in matched.findings[: MAX_FINDINGS * 2]
        ]
        self._columns(
            MARGIN,
            y,
            CONTENT_W,
            "",
            ("what", "remittance", "claim", "expected", "paid", "to_do"),
            rows,
            widths=(0.17, 0.2, 0.14, 0.1, 0.1, 0.29),
        )

    def _columns(
        self,
        x: float,
        top: float,
        width: float,
        title: str,
        keys: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float] | None = None,
    ) -> float:
        """A titled table of `keys` columns (the first left, amounts right); where it ends."""
        shares = widths or [1 / len(keys)] * len(keys)
        y = top
        if title:
            self.page.text(QRectF(x, y, width, 6), self.heading, title)
            y += 6.5
        lefts = [x + width * sum(shares[:i]) for i in range(len(keys))]
        for left, share, key in zip(lefts, shares, keys, strict=True):
            self._cell(left, y, width * share, self.label(key), key, header=True)
        y += 5
        for row in rows:
            height = max(
                self.page.height(self.small, width * share - 1.5, cell)
                for share, cell in zip(shares, row, strict=True)
            )
            for left, share, key, cell in zip(lefts, shares, keys, row, strict=True):
                self._cell(left, y, width * share, cell, key, height=height)
            y += height + 1
            self.page.rule(y - 0.5, left=x, right=x + width, width=0.15)
        return y

    def _cell(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        key: str,
        *,
        header: bool = False,
        height: float = 5,
    ) -> None:
        amount = key in ("expected", "paid", "to_come")
        align = Qt.AlignmentFlag.AlignRight if amount else Qt.AlignmentFlag.AlignLeft
        self.page.text(
            QRectF(x, y, width - 1.5, height),
            self.small,
            text,
            color=FAINT if header else INK,
            align=align,
        )

    def footer(self, audit: AuditVerdict) -> None:
        y = PAGE_H - MARGIN - 9
        self.page.rule(y)
        if audit.intact:
            line = (
                self.label("audit").replace("%1", str(audit.entries)).replace("%2", audit.head_hash)
            )
            self.page.text(QRectF(MARGIN, y + 1.5, CONTENT_W, 5), self.mono, line, color=FAINT)
        else:
            line = self.label("audit_broken").replace("%1", str(audit.first_broken_seq))
            self.page.text(QRectF(MARGIN, y + 1.5, CONTENT_W, 5), self.small, line, color=ALERT)
        self.page.text(
            QRectF(MARGIN, y + 5, CONTENT_W, 4), self.small, self.label("page"), color=FAINT
        )
