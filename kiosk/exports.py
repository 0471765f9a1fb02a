"""Claims for finance, as CSV or XLSX: one day or a range of service dates, with the close-out
of each closed day (`kiosk.close_out`) and the changes recorded after it.

Every amount is written twice: an integer fen column (`*_fen`, the exact figure to compute with)
and a yuan text column (`*_yuan`, "1,234.56", for reading) — never a float, so nothing is
rounded on the way. Timestamps are Asia/Shanghai with their offset.

CSV is UTF-8 with a byte-order mark (so spreadsheet programs open Chinese text correctly) and
its header is the stable column keys below: finance's own tools can rely on them. The XLSX
workbook is for people: a "claims" sheet with one row per claim under headers in the desk's
language (column order as `COLUMNS`), a "days" sheet with the totals of each service date, and a
"close-out" sheet (`CLOSE_OUT_COLUMNS`) and a "receivables" sheet as of the last day
(`RECEIVABLES_COLUMNS`); as CSV the close-out and the receivables are files of their own beside
the claims (`export_close_out`, `export_receivables`), so the claims file keeps its columns.
Files appear whole or not at all.

No cell runs as a formula when finance opens a file (OWASP "CSV injection"), whichever column it
is in and wherever its text came from — the insurer, the clinic's invoice numbers, a masked member
reference such as "=1+***01", our own idempotency keys:

- CSV: text beginning with = + - @, a tab or a carriage return gets one leading apostrophe, and
  so does text already beginning with an apostrophe; to read the exact value back, drop one
  leading apostrophe from any text cell. Numbers are left as they are: integer fen are ints the
  kiosk wrote ("-500" is a number to every spreadsheet, not a formula), and text that is exactly
  an amount as `format_yuan` writes it ("-1,234.56") is one too. Anything else that merely looks
  numeric ("-2+3") is text and gets the apostrophe.
- XLSX: text is a string cell, which a spreadsheet never evaluates (openpyxl would otherwise
  store text beginning with "=" as a formula), marked "quote prefix" when it begins like a
  formula so that editing the cell keeps it text; the value itself stays exact. Control
  characters a workbook cannot hold become U+FFFD instead of failing the export.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.business_day import BUSINESS_TZ
from kiosk.close_out import close_out
from kiosk.journal import Journal
from kiosk.money import format_yuan
from kiosk.receivables import Receivables, receivables
from kiosk.reports import ClaimCategory, ClaimLine, DaySummary, claim_lines, day_summary

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


COLUMNS: tuple[str, ...] = (
    "service_date",
    "invoice_no",
    "claim_state",
    "insurer_claim_id",
    "insurer_status",
    "reject_code",
    "member",
    "billed_fen",
    "billed_yuan",
    "covered_as_signed_fen",
    "covered_as_signed_yuan",
    "covered_by_insurer_fen",
    "covered_by_insurer_yuan",
    "family_share_fen",
    "family_share_yuan",
    "visit_paid_fen",
    "visit_paid_yuan",
    "payment_methods",
    "queued_at",
    "recorded_at",
    "idempotency_key",
    "fapiao_no",
    "visit_refunded_fen",
    "visit_refunded_yuan",
    "visit_owed_fen",
    "visit_owed_yuan",
)
"""The claims columns. `covered_by_insurer_*` is what the insurer pays for the claim: empty until it
answered, 0 when it refused; `visit_paid_*` is what the desk kept for the claim's visit (taken,
net of `visit_refunded_*`); `visit_owed_*` what the family still owes the clinic for it;
`fapiao_no` the number of the fapiao the clinic issued for the visit (empty until reception
records it). Columns are only ever added at the end, so finance's tools keep their places."""

DAY_COLUMNS: tuple[str, ...] = (
    "service_date",
    "claims",
    "waiting",
    "billed_fen",
    "billed_yuan",
    "covered_fen",
    "covered_yuan",
    "awaiting_fen",
    "awaiting_yuan",
    "not_covered_fen",
    "not_covered_yuan",
    "family_share_fen",
    "family_share_yuan",
    "family_paid_fen",
    "family_paid_yuan",
    "refunded_fen",
    "refunded_yuan",
    "owed_fen",
    "owed_yuan",
)
"""The days sheet: the same figures as the manager's day summary (see `kiosk.reports`)."""

CLOSE_OUT_COLUMNS: tuple[str, ...] = (
    "service_date",
    "record",
    "method",
    "taken_fen",
    "taken_yuan",
    "counted_fen",
    "counted_yuan",
    "variance_fen",
    "variance_yuan",
    "amount_fen",
    "amount_yuan",
    "statement_no",
    "made_by",
    "made_at",
    "note",
)
"""The close-out of each closed day: a `record` "count" row per method and a "total" row (taken
at the desk that day, counted, variance = counted - taken; who closed the day and when, the note
on the total), then a row per change recorded after the close ("payment", "refund", "void",
"cancellation", "correction": its amount, statement, method, who and when, its reason as the
note). A day not closed has no rows."""

RECEIVABLES_COLUMNS: tuple[str, ...] = (
    "as_of",
    "record",
    "period",
    "label",
    "claims",
    "expected_fen",
    "expected_yuan",
    "paid_fen",
    "paid_yuan",
    "outstanding_fen",
    "outstanding_yuan",
    "remittance_id",
    "invoice_no",
    "insurer_claim_id",
    "action",
)
"""The receivables as of a day (`kiosk.receivables`), a `record` per kind of row: "aging" (`label`
the bucket's days, its open claims and what they owe as `outstanding`), "month" and "day" (paid
against expected by service month or date: `period`), "remittance-finding" (`label` the problem,
`action` what to do; `expected`/`paid` the claim's share and what the remittance paid), "owed-
after-review" (a balance the insurer's review moved to a family, `label` its reason) and "owed-at-
desk" (what families still owe the desk, in total)."""

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What spreadsheets take as the start of a formula (OWASP's list)."""
_AMOUNT = re.compile(r"-?\d{1,3}(?:,\d{3})*\.\d{2}")
"""Exactly an amount as `format_yuan(symbol=False)` writes it."""


def _yuan(fen: int | None) -> str:
    return "" if fen is None else format_yuan(fen, symbol=False)


def _moment(value: datetime | None) -> str:
    return "" if value is None else value.astimezone(BUSINESS_TZ).isoformat(timespec="seconds")


def claim_values(line: ClaimLine) -> dict[str, object]:
    """One claim as export cells: ints for fen, text for everything else except the date."""
    return {
        "service_date": line.service_date,
        "invoice_no": line.invoice_no,
        "claim_state": line.category.value,
        "insurer_claim_id": line.insurer_claim_id or "",
        "insurer_status": line.insurer_status.value if line.insurer_status else "",
        "reject_code": line.reject_code or "",
        "member": line.member_masked,
        "billed_fen": line.billed_fen,
        "billed_yuan": _yuan(line.billed_fen),
        "covered_as_signed_fen": line.shown_covered_fen,
        "covered_as_signed_yuan": _yuan(line.shown_covered_fen),
        "covered_by_insurer_fen": line.insurer_pays_fen,
        "covered_by_insurer_yuan": _yuan(line.insurer_pays_fen),
        "family_share_fen": line.family_share_fen,
        "family_share_yuan": _yuan(line.family_share_fen),
        "visit_paid_fen": line.visit_paid_fen,
        "visit_paid_yuan": _yuan(line.visit_paid_fen),
        "payment_methods": ";".join(method.value for method in line.payment_methods),
        "queued_at": _moment(line.queued_at),
        "recorded_at": _moment(line.recorded_at),
        "idempotency_key": line.idempotency_key,
        "fapiao_no": line.fapiao_no or "",
        "visit_refunded_fen": line.visit_refunded_fen,
        "visit_refunded_yuan": _yuan(line.visit_refunded_fen),
        "visit_owed_fen": line.visit_owed_fen,
        "visit_owed_yuan": _yuan(line.visit_owed_fen),
    }


@dataclass(frozen=True, slots=True)
class DayTotals:
    service_date: date
    claims: int
    waiting: int
    billed_fen: int
    covered_fen: int
    awaiting_fen: int
    not_covered_fen: int
    family_share_fen: int
    family_paid_fen: int
    refunded_fen: int = 0
    owed_fen: int = 0

    def values(self) -> dict[str, object]:
        cells: dict[str, object] = {
            "service_date": self.service_date,
            "claims": self.claims,
            "waiting": self.waiting,
        }
        for name in (
            "billed",
            "covered",
            "awaiting",
            "not_covered",
            "family_share",
            "family_paid",
            "refunded",
            "owed",
        ):
            fen = getattr(self, f"{name}_fen")
            cells[f"{name}_fen"] = fen
            cells[f"{name}_yuan"] = _yuan(fen)
        return cells


def day_totals(summary: DaySummary) -> DayTotals:
    """A service date's row of the days sheet: the manager's day summary itself, so finance
    and the Day tab read the same figures (a self-pay visit's desk payment included)."""
    return DayTotals(
        service_date=summary.day,
        claims=summary.claims_total,
        waiting=summary.claims[ClaimCategory.WAITING],
        billed_fen=summary.billed_fen,
        covered_fen=summary.covered_fen,
        awaiting_fen=summary.awaiting_fen,
        not_covered_fen=summary.not_covered_fen,
        family_share_fen=summary.family_share_fen,
        family_paid_fen=summary.family_paid_fen,
        refunded_fen=summary.refunded_fen,
        owed_fen=summary.owed_fen,
    )


def days_sheet(journal: Journal, first: date, last: date) -> list[DayTotals]:
    """The days sheet of service dates [first, last]: each day with claims or desk payments."""
    rows = []
    day = first
    while day <= last:
        summary = day_summary(journal, day, top=0)
        if summary.claims_total or summary.family_paid_fen or summary.owed_fen:
            rows.append(day_totals(summary))
        day += timedelta(days=1)
    return rows


def close_out_rows(journal: Journal, first: date, last: date) -> list[dict[str, object]]:
    """The close-out rows (`CLOSE_OUT_COLUMNS`) of the closed days among [first, last]."""
    rows: list[dict[str, object]] = []
    day = first
    while day <= last:
        closing = close_out(journal, day)
        day += timedelta(days=1)
        closed = closing.closed
        if closed is None:
            continue
        empty = dict.fromkeys(CLOSE_OUT_COLUMNS, None)
        by = {"made_by": closed.closed_by_name, "made_at": _moment(closed.closed_at)}
        lines = [
            (count.method.value, count.taken_fen, count.counted_fen) for count in closed.counts
        ]
        lines.append(
            (
                "",
                sum(count.taken_fen for count in closed.counts),
                sum(count.counted_fen for count in closed.counts),
            )
        )
        for index, (method, taken, counted) in enumerate(lines):
            total = index == len(lines) - 1
            rows.append(
                empty
                | by
                | {
                    "service_date": closing.day,
                    "record": "total" if total else "count",
                    "method": method,
                    "taken_fen": taken,
                    "taken_yuan": _yuan(taken),
                    "counted_fen": counted,
                    "counted_yuan": _yuan(counted),
                    "variance_fen": counted - taken,
                    "variance_yuan": _yuan(counted - taken),
                    "note": (closed.note or "") if total else "",
                }
            )
        for change in closing.changes:
            rows.append(
                empty
                | {
                    "service_date": closing.day,
                    "record": change.kind.value,
                    "method": change.method.value if change.method else "",
                    "amount_fen": change.amount_fen,
                    "amount_yuan": _yuan(change.amount_fen),
                    "statement_no": change.statement_no or "",
                    "made_by": change.by,
                    "made_at": _moment(change.at),
                    "note": change.reason or "",
                }
            )
    return rows


def receivables_rows(result: Receivables) -> list[dict[str, object]]:
    """The rows of `RECEIVABLES_COLUMNS` for `result`."""
    as_of = result.aging.as_of

    def row(record: str, **values: object) -> dict[str, object]:
        filled: dict[str, object] = dict.fromkeys(RECEIVABLES_COLUMNS, "")
        filled.update(as_of=as_of, record=record)
        for key, value in values.items():
            if key.endswith("_fen"):
                fen = value if isinstance(value, int) else None
                filled[key.removesuffix("_fen") + "_yuan"] = _yuan(fen)
            filled[key] = "" if value is None else value
        return filled

    rows = [
        row(
            "aging",
            label=f"{b.first_day}-{b.last_day}"
            if b.last_day is not None
            else f">{b.first_day - 1}",
            claims=b.claims,
            outstanding_fen=b.amount_fen,
        )
        for b in result.aging.buckets
    ]
    for record, periods in (("month", result.months), ("day", result.days)):
        rows += [
            row(
                record,
                period=p.period.strftime("%Y-%m") if record == "month" else p.period,
                claims=p.claims,
                expected_fen=p.expected_fen,
                paid_fen=p.paid_fen,
                outstanding_fen=p.outstanding_fen,
            )
            for p in periods
        ]
    rows += [
        row(
            "remittance-finding",
            period=f.payment_date,
            label=f.problem.value,
            expected_fen=f.expected_fen,
            paid_fen=f.paid_fen,
            remittance_id=f.remittance_id,
            invoice_no=f.invoice_no,
            insurer_claim_id=f.insurer_claim_id,
            action=f.action.value,
        )
        for f in result.remittances.findings
    ]
    rows += [
        row(
            "owed-after-review",
            period=b.service_date,
            label=b.reason,
            outstanding_fen=b.amount_fen,
            invoice_no=b.invoice_no,
        )
        for b in result.families.after_review
    ]
    rows.append(
        row(
            "owed-at-desk",
            claims=result.families.at_desk_visits,
            outstanding_fen=result.families.at_desk_fen,
        )
    )
    return rows


def _begins_like_a_formula(text: str) -> bool:
    return text.startswith(_FORMULA_STARTS) and _AMOUNT.fullmatch(text) is None


def _csv_cell(value: object) -> object:
    """Ints stay numbers; text a spreadsheet would run gets a leading apostrophe (see above)."""
    if value is None:
        return ""
    if isinstance(value, int):
        return value
    text = value.isoformat() if isinstance(value, date) else str(value)
    if _begins_like_a_formula(text) or text.startswith("'"):
        return "'" + text
    return text


def _workbook_row(values: Iterable[object]) -> list[object]:
    """Control characters XML, so a workbook, cannot hold (openpyxl refuses them) as U+FFFD."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return [ILLEGAL_CHARACTERS_RE.sub("\ufffd", v) if isinstance(v, str) else v for v in values]


def write_csv(path: Path, lines: Sequence[ClaimLine]) -> None:
    _write_csv_table(path, COLUMNS, (claim_values(line) for line in lines))


def _write_csv_table(
    path: Path, columns: Sequence[str], rows: Iterable[Mapping[str, object]]
) -> None:
    with _atomic(path) as partial, partial.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_cell(row[key]) for key in columns])


def _sheet(
    sheet: Worksheet,
    columns: Sequence[str],
    rows: Iterable[Mapping[str, object]],
    labels: Mapping[str, str],
) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append(_workbook_row(labels.get(key, key) for key in columns))
    for cell in sheet[1]:
        _text_stays_text(cell)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(_workbook_row(row[key] for key in columns))
        for key, cell in zip(columns, sheet[sheet.max_row], strict=True):
            _text_stays_text(cell)
            if key.endswith("_fen") or key in ("claims", "waiting"):
                cell.number_format = "0"
                cell.alignment = Alignment(horizontal="right")
            elif key.endswith("_yuan"):
                cell.alignment = Alignment(horizontal="right")
            elif key == "service_date":
                cell.number_format = "yyyy-mm-dd"
    for index, key in enumerate(columns, start=1):
        width = 12 if key.endswith("_fen") else 22 if key.endswith("_at") else 16
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "B2"


def _text_stays_text(cell: Cell) -> None:
    """A string cell, never a formula; quote-prefixed when it begins like one."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if _begins_like_a_formula(cell.value):
            cell.quotePrefix = True


def write_xlsx(
    path: Path,
    lines: Sequence[ClaimLine],
    *,
    days: Sequence[DayTotals] = (),
    close_outs: Sequence[Mapping[str, object]] = (),
    receivables: Sequence[Mapping[str, object]] = (),
    labels: Mapping[str, str] | None = None,
) -> None:
    """`days` are the days sheet's rows (`days_sheet`), `close_outs` the close-out sheet's
    (`close_out_rows`), `receivables` the receivables sheet's (`receivables_rows`); `labels`
    translates column keys and the sheet names ("claims", "days", "close_out", "receivables")
    for the reader."""
    # openpyxl costs ~0.35 s to import: only a finance export pays it, not the kiosk's start-up.
    from openpyxl import Workbook

    labels = labels or {}
    workbook = Workbook()
    claims = workbook.active
    claims.title = labels.get("claims", "claims")
    _sheet(claims, COLUMNS, (claim_values(line) for line in lines), labels)
    days_tab = workbook.create_sheet(labels.get("days", "days"))
    _sheet(days_tab, DAY_COLUMNS, (t.values() for t in days), labels)
    close_tab = workbook.create_sheet(labels.get("close_out", "close-out"))
    _sheet(close_tab, CLOSE_OUT_COLUMNS, close_outs, labels)
    owed = workbook.create_sheet(labels.get("receivables", "receivables"))
    _sheet(owed, RECEIVABLES_COLUMNS, receivables, labels)
    with _atomic(path) as partial:
        workbook.save(partial)


def export_claims(
    journal: Journal,
    path: Path | str,
    first: date,
    last: date | None = None,
    *,
    labels: Mapping[str, str] | None = None,
) -> int:
    """Write the claims of service dates [first, last] (one day when `last` is None) to `path`;
    the format follows its suffix (.csv or .xlsx). Returns how many claims were written."""
    target = Path(path)
    export_format = ExportFormat(target.suffix.lstrip(".").lower())
    lines = claim_lines(journal, first, last)
    if export_format is ExportFormat.CSV:
        write_csv(target, lines)
    else:
        write_xlsx(
            target,
            lines,
            days=days_sheet(journal, first, last or first),
            close_outs=close_out_rows(journal, first, last or first),
            receivables=receivables_rows(receivables(journal, last or first)),
            labels=labels,
        )
    return len(lines)


def export_close_out(journal: Journal, path: Path | str, first: date, last: date) -> int:
    """Write the close-out of the closed days among [first, last] to `path` as CSV (the CSV
    export's companion to its claims file); nothing is written when none of them is closed.
    Returns how many rows were written."""
    rows = close_out_rows(journal, first, last)
    if rows:
        _write_csv_table(Path(path), CLOSE_OUT_COLUMNS, rows)
    return len(rows)


def export_receivables(journal: Journal, path: Path | str, as_of: date) -> int:
    """Write the receivables as of `as_of` to `path` as CSV (the CSV export's companion to its
    claims file). Returns how many rows were written."""
    rows = receivables_rows(receivables(journal, as_of))
    _write_csv_table(Path(path), RECEIVABLES_COLUMNS, rows)
    return len(rows)


def span_name(first: date, last: date) -> str:
    """How a file names the service dates it holds: one day, or first_last."""
    return first.isoformat() if first == last else f"{first.isoformat()}_{last.isoformat()}"


def export_for_finance(
    journal: Journal,
    folder: Path,
    export_format: ExportFormat,
    first: date,
    last: date,
    *,
    labels: Mapping[str, str] | None = None,
) -> tuple[Path, tuple[Path, ...]]:
    """Write the claims of [first, last] into `folder` (`claims-<span>.<format>`); as CSV, the
    receivables as of `last` and the close-out of the closed days beside them (an XLSX has them
    as sheets). Returns the claims file and the files written beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    span = span_name(first, last)
    target = folder / f"claims-{span}.{export_format.value}"
    export_claims(journal, target, first, last, labels=labels)
    if export_format is not ExportFormat.CSV:
        return target, ()
    owed = folder / f"receivables-{last.isoformat()}.csv"
    export_receivables(journal, owed, last)
    closed = folder / f"close-out-{span}.csv"
    if export_close_out(journal, closed, first, last):
        return target, (owed, closed)
    return target, (owed,)


class _atomic:
    """Write to `<name>.part` beside the target, then move it into place."""

    def __init__(self, target: Path) -> None:
        self.target = Path(target)
        self.partial = self.target.with_name(self.target.name + ".part")

    def __enter__(self) -> Path:
        return self.partial

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        if exc_type is None:
            os.replace(self.partial, self.target)
        else:
            self.partial.unlink(missing_ok=True)
