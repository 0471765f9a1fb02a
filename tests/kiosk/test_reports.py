"""The manager's figures, claims list and reconciliation, on a clinic day made through the desk
and the outbox against the real insurer sandbox."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import sqlite3
from datetime import UTC, date, datetime, timedelta

import openpyxl
import pytest

from insurer_sandbox.demo import DEMO_CLINIC_ID
from insurer_sandbox.server import SandboxProcess, create_device_key
from kiosk.business_day import business_day, day_window
from kiosk.exports import (
    COLUMNS,
    DAY_COLUMNS,
    RECEIVABLES_COLUMNS,
    export_claims,
    write_csv,
    write_xlsx,
)
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import ClaimStatus, DailyStatement, StatementLine
from kiosk.journal import ClaimState, Journal
from kiosk.money import parse_yuan
from kiosk.receivables import receivables
from kiosk.reconciliation import Action, Discrepancy, reconcile
from kiosk.reports import (
    ClaimCategory,
    PreAuthState,
    claim_lines,
    day_summary,
    masked_member,
    trend,
)
from tests.clinic_day import (
    DAY,
    bill_of,
    day_journal,
    expected_figures,
    make_clinic_day,
    present,
    send_all,
    sign,
    stop_sending,
    working_hours,
)
from tests.estimates import fully_covered
from tests.sandbox_fixtures import demo_sandbox


@pytest.fixture(scope="module")
def insurer_process(tmp_path_factory):
    with demo_sandbox(tmp_path_factory.mktemp("insurer"), working_hours(DAY)) as process:
        yield process


def _client(process: SandboxProcess) -> InsurerClient:
    return InsurerClient(process.url, create_device_key(process.data_dir, DEMO_CLINIC_ID))


@pytest.fixture(scope="module")
def clinic(tmp_path_factory, insurer_process):
    """Our kiosk's day, plus: a claim the insurer lost (it went to another insurer database) and
    a claim another kiosk of the clinic sent (the insurer has it, our journal does not)."""
    base = tmp_path_factory.mktemp("clinic")
    journal = day_journal(base / "journal.sqlite3", DAY)
    with (
        demo_sandbox(base / "lost", working_hours(DAY)) as elsewhere,
        _client(elsewhere) as lost_insurer,
    ):
        bill = bill_of("M26000101", DAY, [("GP001", 1), ("LAB002", 1)])
        lost = present(journal, bill, lost_insurer.estimate(bill))
        sign(journal, lost, 20)
        send_all(journal, lost_insurer)
    insurer = _client(insurer_process)
    made = make_clinic_day(journal, insurer, DAY)
    with Journal.open(base / "other-kiosk.sqlite3") as other_kiosk:
        bill = bill_of("M26000108", DAY, [("GP002", 1)])
        other = present(other_kiosk, bill, insurer.estimate(bill))
        sign(other_kiosk, other, 21)
        send_all(other_kiosk, insurer)
        other_claim = other_kiosk.claim_for_bill(other.bill_id)
    yield journal, insurer, made, lost, other_claim
    insurer.close()
    journal.close()


def test_the_day_summary_equals_the_figures_worked_out_claim_by_claim(clinic):
    journal, _insurer, made, _lost, _other = clinic
    summary = day_summary(journal, DAY)
    expected = expected_figures(journal, DAY)
    assert summary.direct_pay_visits == expected["visits"] == len(made.accepted) + 4
    assert {k.value: v for k, v in summary.claims.items() if v} == expected["claims"]
    assert summary.claims[ClaimCategory.WAITING] == 1
    assert summary.claims[ClaimCategory.REJECTED] == 2
    assert summary.claims[ClaimCategory.ACCEPTED] == len(made.accepted) + 1
    assert summary.sent == summary.claims_total - 1
    assert summary.billed_fen == expected["billed"]
    assert summary.covered_fen == expected["covered"] > 0
    assert summary.awaiting_fen == expected["awaiting"] > 0
    assert summary.not_covered_fen == expected["not_covered"] > 0
    assert summary.family_share_fen == expected["family_share"] > 0
    assert summary.family_paid_fen == expected["family_paid"] > 0
    # a self-pay visit is owed and paid in full: it leaves nothing outstanding
    assert summary.self_pay_visits == expected["self_pay_visits"] == len(made.self_pay) > 0
    self_pay_paid = sum(
        p.amount_fen for v in made.self_pay for p in journal.payments(v.journal_visit_id)
    )
    assert self_pay_paid == sum(v.shown.totals.patient_fen for v in made.self_pay)
    assert {t.method.value: t.amount_fen for t in summary.payments if t.payments} == expected[
        "by_method"
    ]
    assert {k.value: v for k, v in summary.preauths.items() if v} == expected["preauths"]
    assert summary.preauths[PreAuthState.UNSENT] == 1


def test_top_items_rank_the_days_billed_amounts(clinic):
    journal = clinic[0]
    billed: dict[str, int] = {}
    for claim in journal.claims():
        for line in journal.bill(claim.bill_id).lines:
            billed[line.item_code] = billed.get(line.item_code, 0) + line.submitted_fen
    ranked = sorted(billed.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    top = day_summary(journal, DAY).top_items
    assert [(t.item_code, t.billed_fen) for t in top] == ranked


def test_the_trend_has_thirty_days_ending_on_the_day(clinic):
    journal = clinic[0]
    summary = day_summary(journal, DAY)
    thirty = trend(journal, DAY)
    assert len(thirty.days) == 30
    assert thirty.days[0].day == DAY - timedelta(days=29)
    assert thirty.days[-1].day == DAY
    assert (thirty.days[-1].covered_fen, thirty.days[-1].family_paid_fen) == (
        summary.covered_fen,
        summary.family_paid_fen,
    )
    assert all(d.covered_fen == d.family_paid_fen == 0 for d in thirty.days[:-1])
    assert thirty.largest_fen == max(summary.covered_fen, summary.family_paid_fen)
    assert trend(journal, DAY - timedelta(days=1)).days[-1].covered_fen == 0


def test_the_claims_list_filters_by_category_and_finds_an_invoice(clinic):
    journal, _insurer, made, _lost, _other = clinic
    lines = claim_lines(journal, DAY)
    assert len(lines) == day_summary(journal, DAY).claims_total
    waiting = claim_lines(journal, DAY, category=ClaimCategory.WAITING)
    assert [line.invoice_no for line in waiting] == [made.waiting.invoice_no]
    assert waiting[0].covered_fen is None and waiting[0].insurer_claim_id is None
    found = claim_lines(journal, DAY, search=made.rejected.invoice_no[-7:].lower())
    assert [line.invoice_no for line in found] == [made.rejected.invoice_no]
    accepted = next(line for line in lines if line.category is ClaimCategory.ACCEPTED)
    by_number = claim_lines(journal, DAY, search=accepted.insurer_claim_id)
    assert [line.claim_id for line in by_number] == [accepted.claim_id]
    assert all("*" in line.member_masked for line in lines)
    assert claim_lines(journal, DAY + timedelta(days=1)) == []


def test_reconciliation_lists_what_each_side_lacks_and_a_planted_amount_mismatch(
    clinic, insurer_process
):
    journal, insurer, made, lost, other_claim = clinic
    planted = journal.claim_for_bill(made.accepted[1].bill_id)
    insurer_process.plant_amount_mismatch(planted.insurer_claim_id, planted.covered_fen - 5_000)

    result = reconcile(journal, insurer.daily_statement(DAY))

    kinds = {(f.discrepancy, f.invoice_no or f.idempotency_key): f for f in result.findings}
    assert set(kinds) == {
        (Discrepancy.AMOUNT_MISMATCH, made.accepted[1].invoice_no),
        (Discrepancy.NOT_SENT, made.waiting.invoice_no),
        (Discrepancy.REFUSED, made.refused.invoice_no),
        (Discrepancy.REFUSED, made.rejected.invoice_no),
        (Discrepancy.MISSING_AT_INSURER, lost.invoice_no),
        (Discrepancy.MISSING_IN_JOURNAL, other_claim.idempotency_key),
    }
    mismatch = kinds[(Discrepancy.AMOUNT_MISMATCH, made.accepted[1].invoice_no)]
    assert mismatch.action is Action.DISPUTE_UNDERPAYMENT
    assert mismatch.difference_fen == -5_000
    assert mismatch.insurer_claim_id == planted.insurer_claim_id
    assert kinds[(Discrepancy.NOT_SENT, made.waiting.invoice_no)].action is Action.LET_OUTBOX_SEND
    for refused in (made.refused, made.rejected):
        finding = kinds[(Discrepancy.REFUSED, refused.invoice_no)]
        assert finding.action is Action.COLLECT_OR_RESUBMIT
        assert finding.journal_covered_fen == refused.shown.totals.covered_fen
    missing = kinds[(Discrepancy.MISSING_AT_INSURER, lost.invoice_no)]
    assert missing.action is Action.ASK_INSURER_FOR_CLAIM and missing.insurer_claim_id
    theirs = kinds[(Discrepancy.MISSING_IN_JOURNAL, other_claim.idempotency_key)]
    assert theirs.action is Action.FIND_SOURCE_DESK
    assert theirs.insurer_claim_id == other_claim.insurer_claim_id
    # Every accepted claim but the planted one agrees on both sides; the rejected one agrees
    # too, but it is listed: its money is still to be collected.
    assert result.matched == len(made.accepted) - 1
    assert not result.balanced
    assert result.insurer_covered_fen == insurer.daily_statement(DAY).total_covered_fen


def test_a_trail_cut_back_after_claims_were_sent_shows_against_the_insurers_heads(clinic, tmp_path):
    """The audit chain of a journal whose newest entries were deleted still links: only the heads
    the insurer holds, one per claim sent, show what is gone."""
    journal, insurer_client, _made, _lost, _other = clinic
    statement = insurer_client.daily_statement(DAY)
    ours = {claim.idempotency_key for claim in journal.claims()}
    heads = sorted(line.audit_head.seq for line in statement.claims if line.idempotency_key in ours)
    assert heads and all(journal.audit_hash_at(seq) for seq in heads)
    cut_after = heads[len(heads) // 2] - 1  # the trail loses the second half of the day's sends
    copy_path = tmp_path / "cut.sqlite3"
    journal.copy_to(copy_path)
    db = sqlite3.connect(copy_path)
    db.execute("DROP TRIGGER audit_no_delete")
    db.execute("DELETE FROM audit WHERE seq > ?", (cut_after,))
    db.commit()
    db.close()

    with Journal.open_read_only(copy_path) as cut:
        assert cut.verify_audit().intact  # the chain alone cannot tell
        result = reconcile(cut, statement)

    changed = {
        f.idempotency_key
        for f in result.findings
        if f.discrepancy is Discrepancy.AUDIT_TRAIL_CHANGED
    }
    expected = {
        line.idempotency_key
        for line in statement.claims
        if line.idempotency_key in ours and line.audit_head.seq > cut_after
    }
    assert changed == expected and len(expected) >= len(heads) // 2
    assert all(
        f.action is Action.KEEP_PC_CALL_SUPPORT
        for f in result.findings
        if f.discrepancy is Discrepancy.AUDIT_TRAIL_CHANGED
    )


# --- reconciliation rules on statements built from the journal's own claims -------------------


def _line(journal, claim, **changes) -> StatementLine:
    bill = journal.bill(claim.bill_id)
    values = {
        "claim_id": claim.insurer_claim_id or "CLM-X",
        "idempotency_key": claim.idempotency_key,
        "member_id": bill.member_id,
        "service_date": bill.service_date,
        "status": claim.insurer_status or ClaimStatus.ACCEPTED,
        "total_submitted_fen": bill.total_submitted_fen,
        "total_covered_fen": claim.covered_fen if claim.covered_fen is not None else 0,
        "total_patient_fen": bill.total_submitted_fen - (claim.covered_fen or 0),
        "recorded_at": claim.recorded_at or datetime.now(UTC),
    }
    values.update(changes)
    return StatementLine(**values)


def _statement(day: date, lines: list[StatementLine]) -> DailyStatement:
    return DailyStatement.of(DEMO_CLINIC_ID, day, lines)


def _day_claims(journal, made):
    accepted = [journal.claim_for_bill(p.bill_id) for p in made.accepted]
    rejected = journal.claim_for_bill(made.rejected.bill_id)
    return accepted, rejected


def test_status_disagreements_each_get_their_own_action(clinic):
    journal, _insurer, made, lost, _other = clinic
    accepted, rejected = _day_claims(journal, made)
    lost_claim = journal.claim_for_bill(lost.bill_id)
    lines = [_line(journal, c) for c in accepted[1:]] + [
        _line(journal, accepted[0], status=ClaimStatus.REJECTED),
        _line(journal, rejected, status=ClaimStatus.ACCEPTED),
        _line(journal, lost_claim),
    ]
    result = reconcile(journal, _statement(DAY, lines))
    actions = {
        f.invoice_no: f.action
        for f in result.findings
        if f.discrepancy is Discrepancy.STATUS_MISMATCH
    }
    assert actions == {
        made.accepted[0].invoice_no: Action.CONFIRM_REJECTION,
        made.rejected.invoice_no: Action.CONFIRM_ACCEPTANCE,
    }


def test_an_overpayment_is_reported_not_kept(clinic):
    journal, _insurer, made, lost, _other = clinic
    accepted, rejected = _day_claims(journal, made)
    lost_claim = journal.claim_for_bill(lost.bill_id)
    first = accepted[0]
    lines = [_line(journal, c) for c in [*accepted[1:], rejected, lost_claim]]
    lines.append(_line(journal, first, total_covered_fen=first.covered_fen + 1))
    finding = next(
        f
        for f in reconcile(journal, _statement(DAY, lines)).findings
        if f.discrepancy is Discrepancy.AMOUNT_MISMATCH
    )
    assert (finding.invoice_no, finding.action, finding.difference_fen) == (
        made.accepted[0].invoice_no,
        Action.REPORT_OVERPAYMENT,
        1,
    )


def test_a_claim_the_insurer_dates_a_day_later_is_matched_not_missing(clinic):
    journal, _insurer, made, _lost, _other = clinic
    accepted, _rejected = _day_claims(journal, made)
    tomorrow = DAY + timedelta(days=1)
    late = _line(journal, accepted[0], recorded_at=day_window(tomorrow)[0] + timedelta(minutes=5))
    result = reconcile(journal, _statement(tomorrow, [late]))
    assert result.findings == () and result.matched == 1 and result.balanced


def test_the_day_tab_and_the_reconciliation_count_the_same_refused_claims(tmp_path):
    """A day with refusals of every kind: two signed on amounts the insurer no longer gives
    (refused, 409 adjudication-changed, nothing recorded), one refused on arrival, one refused
    just after midnight, one stopped by the outbox, one refused and already settled. The Day tab's
    counts and the reconciliation's list are the same claims, and the late refusal is listed on
    its service day only: the insurer recorded none of them, so no statement lists them."""
    journal = day_journal(tmp_path / "journal.sqlite3", DAY)
    with (
        demo_sandbox(tmp_path / "insurer", working_hours(DAY)) as process,
        _client(process) as insurer,
    ):

        def signed(member: str, seed: int, *, ask: bool = False):
            """A signed claim on the insurer's estimate, or on a fully covered one it refuses."""
            bill = bill_of(member, DAY, [("GP001", 1), ("LAB002", 1)])
            estimate = insurer.estimate(bill) if ask else fully_covered(bill)
            presented = present(journal, bill, estimate)
            sign(journal, presented, seed)
            return journal.claim_for_bill(presented.bill_id)

        accepted = signed("M26000101", 30, ask=True)
        rejected = [signed("M26000106", 31), signed("M26000106", 32)]
        on_arrival = signed("M26000105", 33)
        settled = signed("M26000105", 34)
        stopped = signed("M26000101", 35)
        with journal.transaction(actor="outbox") as tx:
            stop_sending(tx, stopped.id)
        send_all(journal, insurer)
        with journal.transaction(actor="console") as tx:
            tx.resolve_claim(settled.id, "the family paid at the desk")
        late = signed("M26000106", 36)
        process.set_clock(day_window(DAY)[1] + timedelta(minutes=5))
        send_all(journal, insurer)

        summary = day_summary(journal, DAY)
        result = reconcile(journal, insurer.daily_statement(DAY))
        next_day = reconcile(journal, insurer.daily_statement(DAY + timedelta(days=1)))
    late = journal.claim(late.id)
    assert late.insurer_status is None and late.reject_code == "adjudication-changed"
    assert late.state is ClaimState.ATTENTION
    assert journal.claim(accepted.id).state is ClaimState.SENT

    def listed(reconciliation, *kinds):
        return {f.claim_id for f in reconciliation.findings if f.discrepancy in kinds}

    refused = {claim.id for claim in [*rejected, on_arrival, late]}
    assert listed(result, Discrepancy.REFUSED) == refused
    assert summary.claims[ClaimCategory.REJECTED] == len(refused) == 4
    assert listed(result, Discrepancy.STOPPED) == {stopped.id}
    assert summary.claims[ClaimCategory.ATTENTION] == 1
    assert len(listed(result, Discrepancy.REFUSED, Discrepancy.STOPPED)) == summary.unpaid == 5
    assert summary.claims[ClaimCategory.RESOLVED] == 1
    assert settled.id not in {f.claim_id for f in result.findings}
    assert listed(next_day, Discrepancy.REFUSED) == set()
    assert next_day.matched == 0, "the insurer recorded none of the refusals"
    journal.close()


def test_business_days_and_masks():
    assert business_day(datetime(2026, 11, 20, 16, 30, tzinfo=UTC)) == date(2026, 11, 21)
    start, end = day_window(date(2026, 11, 21))
    assert (start.astimezone(UTC), end - start) == (
        datetime(2026, 11, 20, 16, 0, tzinfo=UTC),
        timedelta(days=1),
    )
    assert masked_member("M26000101") == "M26****01"
    assert masked_member("M261") == "****"


# --- exports for finance ------------------------------------------------------------------------


def insurer_pays(claim) -> int | None:
    """The insurer's covered amount when it accepted; nothing when it said no; None if unsent."""
    if claim.state is ClaimState.SENT:
        return claim.covered_fen
    return None if claim.state is ClaimState.WAITING else 0


def _journal_rows(journal, day: date) -> dict[str, dict[str, object]]:
    """What the export must say about each claim, read from the journal's records."""
    rows = {}
    for claim in journal.claims():
        bill = journal.bill(claim.bill_id)
        if bill.service_date != day:
            continue
        payments = journal.payments(bill.visit_id)
        rows[bill.clinic_invoice_no] = {
            "insurer_claim_id": claim.insurer_claim_id or "",
            "idempotency_key": claim.idempotency_key,
            "billed_fen": bill.total_submitted_fen,
            "covered_as_signed_fen": bill.total_covered_fen,
            "covered_by_insurer_fen": insurer_pays(claim),
            "family_share_fen": bill.total_patient_fen,
            "visit_paid_fen": sum(p.amount_fen for p in payments),
            "payment_methods": ";".join(sorted({p.method.value for p in payments})),
            "reject_code": claim.reject_code or "",
        }
    return rows


def test_the_csv_export_read_back_equals_the_journal(clinic, tmp_path):
    journal = clinic[0]
    path = tmp_path / "claims.csv"
    assert export_claims(journal, path, DAY) == len(journal.claims())
    assert path.read_bytes().startswith(codecs.BOM_UTF8)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == COLUMNS
        exported = {row["invoice_no"]: row for row in reader}
    expected = _journal_rows(journal, DAY)
    assert exported.keys() == expected.keys()
    for invoice, want in expected.items():
        row = exported[invoice]
        assert row["service_date"] == DAY.isoformat()
        for key, value in want.items():
            text = "" if value is None else str(value)
            # The documented way back to the exact value: drop one leading apostrophe (a key
            # may begin with "-", which the export guards like any text).
            read = row[key][1:] if row[key].startswith("'") else row[key]
            assert read == text, (invoice, key)
            if key.endswith("_fen") and value is not None:
                yuan = row[key.removesuffix("_fen") + "_yuan"]
                assert parse_yuan(yuan) == value and "." in yuan
        if row["recorded_at"]:
            assert datetime.fromisoformat(row["recorded_at"]).utcoffset() == timedelta(hours=8)


def test_the_xlsx_export_read_back_equals_the_journal_with_day_totals(clinic, tmp_path):
    journal = clinic[0]
    path = tmp_path / "claims.xlsx"
    labels = {
        "claims": "理赔",
        "days": "每日",
        "close_out": "日结",
        "receivables": "应收款",
        "billed_fen": "账单金额（分）",
    }
    export_claims(journal, path, DAY - timedelta(days=6), DAY, labels=labels)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["理赔", "每日", "日结", "应收款"]
    assert book["日结"].max_row == 1, "no day of the range is closed: the close-out has no rows"
    owed = [
        dict(zip(RECEIVABLES_COLUMNS, row, strict=True))
        for row in book["应收款"].iter_rows(min_row=2, values_only=True)
    ]
    aging = receivables(journal, DAY).aging
    [young] = [row for row in owed if row["record"] == "aging" and row["label"] == "0-30"]
    assert (young["claims"], young["outstanding_fen"]) == (
        aging.buckets[0].claims,
        aging.buckets[0].amount_fen,
    ), "the receivables sheet carries the Receivables tab's aging as of the last day"
    claims, days = book["理赔"], book["每日"]
    header = [cell.value for cell in claims[1]]
    assert header[COLUMNS.index("billed_fen")] == "账单金额（分）"
    assert header[COLUMNS.index("invoice_no")] == "invoice_no"
    exported = {}
    for values in claims.iter_rows(min_row=2, values_only=True):
        row = dict(zip(COLUMNS, values, strict=True))
        exported[row["invoice_no"]] = row
    expected = _journal_rows(journal, DAY)
    assert exported.keys() == expected.keys()
    for invoice, want in expected.items():
        row = exported[invoice]
        assert row["service_date"].date() == DAY
        for key, value in want.items():
            got = row[key]
            if key.endswith("_fen"):
                assert got == value and (got is None or type(got) is int), (invoice, key)
            else:
                assert (got or "") == value, (invoice, key)
    summary = day_summary(journal, DAY)
    day_rows = [dict(zip(DAY_COLUMNS, v, strict=True)) for v in days.iter_rows(2, values_only=True)]
    assert len(day_rows) == 1
    totals = day_rows[0]
    assert (
        totals["claims"],
        totals["waiting"],
        totals["billed_fen"],
        totals["covered_fen"],
        totals["awaiting_fen"],
        totals["not_covered_fen"],
        totals["family_share_fen"],
        totals["family_paid_fen"],
    ) == (
        summary.claims_total,
        summary.claims[ClaimCategory.WAITING],
        summary.billed_fen,
        summary.covered_fen,
        summary.awaiting_fen,
        summary.not_covered_fen,
        summary.family_share_fen,
        summary.family_paid_fen,
    )
    assert parse_yuan(totals["billed_yuan"]) == summary.billed_fen


def test_an_empty_range_exports_headers_only(clinic, tmp_path):
    journal = clinic[0]
    path = tmp_path / "none.csv"
    assert export_claims(journal, path, DAY + timedelta(days=1), DAY + timedelta(days=7)) == 0
    assert path.read_text(encoding="utf-8-sig").splitlines() == [",".join(COLUMNS)]
    with pytest.raises(ValueError):
        export_claims(journal, tmp_path / "claims.pdf", DAY)
    assert not list(tmp_path.glob("*.part"))


def test_text_from_the_insurer_is_never_a_formula_nor_are_our_keys(clinic, tmp_path):
    journal = clinic[0]
    line = dataclasses.replace(
        claim_lines(journal, DAY)[0],
        insurer_claim_id='=HYPERLINK("http://x","y")',
        idempotency_key="-starts-with-a-dash-0123456789ab",
    )
    write_xlsx(tmp_path / "a.xlsx", [line])
    cell = openpyxl.load_workbook(tmp_path / "a.xlsx")["claims"].cell(
        2, COLUMNS.index("insurer_claim_id") + 1
    )
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x","y")', "s")
    write_csv(tmp_path / "a.csv", [line])
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["insurer_claim_id"] == '\'=HYPERLINK("http://x","y")'
    assert row["idempotency_key"] == "'-starts-with-a-dash-0123456789ab"
