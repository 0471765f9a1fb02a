"""Payments as desks take them: split across methods, part now and the rest owed to the clinic,
collected at a later visit, refunded by method, and the clinic's fapiao number, in the journal,
the manager's figures, the family's statement and the finance export. Bad input changes
nothing."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from datetime import timedelta

import pytest

from kiosk.desk import PresentedBill
from kiosk.exports import export_claims
from kiosk.journal import Journal, PaymentMethod, RecordNotFound
from kiosk.journal.statements import statement_content
from kiosk.payments import (
    AmountNotPositive,
    BadFapiaoNumber,
    BadReference,
    MoreThanLeft,
    NoRefundReason,
    NothingOwed,
    PaymentPart,
    RefundTooLarge,
    SplitDoesNotAddUp,
    account,
    amounts_owed,
    collect_owed,
    record_fapiao_no,
    refund_payment,
    take_payment,
)
from kiosk.reports import claim_lines, day_summary, trend
from kiosk.staff import NotAllowed, Role, StaffDirectory, StaffMember
from kiosk.statement import StatementFacts
from tests.clinic_day import CLINIC, DAY, bill_of, present, sign
from tests.estimates import covered_except

MEMBER = "M26000104"
CASH, CARD, WECHAT, ALIPAY = (
    PaymentMethod.CASH,
    PaymentMethod.CARD,
    PaymentMethod.WECHAT,
    PaymentMethod.ALIPAY,
)


def mixed_visit(journal: Journal, member: str = MEMBER, day=DAY, seed: int = 1) -> PresentedBill:
    """A signed visit whose family share is CNY 386 (two vaccines and a certificate)."""
    bill = bill_of(member, day, [("GP001", 1), ("VAC002", 2), ("NM001", 1)])
    presented = present(journal, bill, covered_except(bill, {2, 3}))
    assert presented.shown.totals.patient_fen == 38_600
    sign(journal, presented, seed)
    return presented


@pytest.fixture
def visit(journal) -> PresentedBill:
    return mixed_visit(journal)


@pytest.fixture
def manager(journal) -> StaffMember:
    return StaffDirectory(journal).add("Wang Fang", Role.MANAGER, "204719")


def methods(journal: Journal) -> dict[PaymentMethod, tuple[int, int]]:
    """The day summary's payments: method → (kept, refunded), methods used only."""
    return {
        t.method: (t.amount_fen, t.refunded_fen)
        for t in day_summary(journal, DAY).payments
        if t.payments or t.refunds
    }


def unchanged(journal: Journal, visit_id: int) -> Callable[[], None]:
    """A check that nothing of the visit's money nor the audit trail changed since now."""
    before = (account(journal, visit_id), journal.audit_entries())
    return lambda: (
        None if (account(journal, visit_id), journal.audit_entries()) == before else pytest.fail()
    )


# --- what works ------------------------------------------------------------------------------


def test_a_split_payment_is_recorded_per_method_and_shown_in_the_day_summary(journal, visit):
    after = take_payment(
        journal,
        visit.journal_visit_id,
        [PaymentPart(CASH, 20_000), PaymentPart(WECHAT, 18_600, " 4200001234 ")],
        paying_fen=38_600,
    )
    assert [(p.method, p.amount_fen, p.reference) for p in after.payments] == [
        (CASH, 20_000, None),
        (WECHAT, 18_600, "4200001234"),
    ]
    assert after.owed_fen == 0 and after.left_fen == 0
    assert methods(journal) == {CASH: (20_000, 0), WECHAT: (18_600, 0)}
    summary = day_summary(journal, DAY)
    assert (summary.family_paid_fen, summary.owed_fen, summary.owed_visits) == (38_600, 0, 0)
    assert amounts_owed(journal, MEMBER) == []
    assert journal.record_problems() == []


def test_a_part_payment_leaves_an_amount_owed_that_a_later_collection_clears(journal, visit):
    visit_id = visit.journal_visit_id
    after = take_payment(journal, visit_id, [PaymentPart(CASH, 10_000)], paying_fen=10_000)
    assert (after.paid_fen, after.owed_fen) == (10_000, 28_600)
    [owed] = amounts_owed(journal, MEMBER)
    assert (owed.visit_id, owed.service_date, owed.statement_no, owed.owed_fen) == (
        visit_id,
        DAY,
        visit.invoice_no,
        28_600,
    )
    summary = day_summary(journal, DAY)
    assert (summary.owed_fen, summary.owed_visits, summary.family_paid_fen) == (28_600, 1, 10_000)
    [line] = claim_lines(journal, DAY)
    assert (line.visit_paid_fen, line.visit_owed_fen) == (10_000, 28_600)
    content = statement_content(journal, visit.bill_id)
    assert content.owed_fen == 28_600 and [(p.method, p.amount_fen) for p in content.payments] == [
        ("cash", 10_000)
    ]

    assert amounts_owed(journal, "M-someone-else") == []
    collect_owed(journal, visit_id, [PaymentPart(ALIPAY, 8_600)])
    assert [o.owed_fen for o in amounts_owed(journal, MEMBER)] == [20_000]
    cleared = collect_owed(journal, visit_id, [PaymentPart(CARD, 20_000, "slip 0042")])
    assert cleared.owed_fen == 0 and amounts_owed(journal, MEMBER) == []
    assert [e.action for e in journal.audit_entries()[-2:]] == ["payment.collected"] * 2
    assert methods(journal) == {CASH: (10_000, 0), CARD: (20_000, 0), ALIPAY: (8_600, 0)}
    assert day_summary(journal, DAY).owed_fen == 0
    assert journal.record_problems() == []


def test_what_a_member_owes_lists_each_visit_oldest_first(journal):
    earlier = mixed_visit(journal, day=DAY - timedelta(days=30), seed=2)
    later = mixed_visit(journal, seed=3)
    paid_up = mixed_visit(journal, seed=4)
    take_payment(journal, later.journal_visit_id, [PaymentPart(CASH, 38_500)])
    take_payment(journal, earlier.journal_visit_id, [PaymentPart(WECHAT, 600)])
    take_payment(journal, paid_up.journal_visit_id, [PaymentPart(CARD, 38_600)])
    owed = amounts_owed(journal, MEMBER)
    assert [(o.visit_id, o.owed_fen) for o in owed] == [
        (earlier.journal_visit_id, 38_000),
        (later.journal_visit_id, 100),
    ]


def test_a_refund_by_method_reduces_the_days_figures_and_is_audited_under_its_manager(
    journal, visit, manager
):
    visit_id = visit.journal_visit_id
    take_payment(journal, visit_id, [PaymentPart(CASH, 20_000), PaymentPart(WECHAT, 18_600)])
    refund = refund_payment(journal, visit_id, WECHAT, 5_000, " vaccine not given ", by=manager)
    assert (refund.method, refund.amount_fen, refund.reason) == (WECHAT, 5_000, "vaccine not given")
    assert refund.refunded_by == f"staff:{manager.id}"
    assert methods(journal) == {CASH: (20_000, 0), WECHAT: (13_600, 5_000)}
    summary = day_summary(journal, DAY)
    assert (summary.family_paid_fen, summary.refunded_fen) == (33_600, 5_000)
    assert summary.owed_fen == 0  # money given back is not owed again
    assert trend(journal, DAY).days[-1].family_paid_fen == 33_600
    [line] = claim_lines(journal, DAY)
    assert (line.visit_paid_fen, line.visit_refunded_fen) == (33_600, 5_000)
    content = statement_content(journal, visit.bill_id)
    assert [(p.method, p.amount_fen) for p in content.payments] == [
        ("cash", 20_000),
        ("wechat", 13_600),
    ]
    entry = journal.audit_entries()[-1]
    assert (entry.action, entry.actor, entry.subject) == (
        "payment.refunded",
        f"staff:{manager.id}",
        f"visit:{visit_id}",
    )
    # the rest of what WeChat Pay paid can still be refunded, and no more
    refund_payment(journal, visit_id, WECHAT, 13_600, "family overpaid", by=manager)
    assert methods(journal)[WECHAT] == (0, 18_600)
    assert journal.record_problems() == []


def test_the_fapiao_number_is_recorded_editable_audited_and_in_the_csv_export(
    journal, visit, tmp_path
):
    visit_id = visit.journal_visit_id
    assert record_fapiao_no(journal, visit_id, " 24442000000123456789 ").fapiao_no == (
        "24442000000123456789"
    )
    record_fapiao_no(journal, visit_id, "24442000000123456790")
    path = tmp_path / "claims.csv"
    export_claims(journal, path, DAY)
    with path.open(encoding="utf-8-sig") as rows:
        [row] = list(csv.DictReader(rows))
    assert row["fapiao_no"] == "24442000000123456790"
    assert row["invoice_no"] == visit.invoice_no
    entries = [e for e in journal.audit_entries() if e.action == "visit.fapiao-recorded"]
    assert len(entries) == 2 and "24442000000123456789" in entries[1].detail
    assert record_fapiao_no(journal, visit_id, "  ").fapiao_no is None  # cleared
    assert journal.record_problems() == []


def test_a_tampered_refund_no_longer_matches_the_audit_trail(journal, visit, manager):
    take_payment(journal, visit.journal_visit_id, [PaymentPart(CASH, 38_600)])
    refund_payment(journal, visit.journal_visit_id, CASH, 1_000, "goodwill", by=manager)
    with journal.transaction() as tx:
        tx.db.execute("UPDATE refunds SET amount_fen = 100")
    assert journal.record_problems() == [
        f"visit:{visit.journal_visit_id} differs from what audit entry "
        f"{journal.audit_entries()[-1].seq} recorded"
    ]


# --- bad input: a clear refusal, nothing recorded -------------------------------------------


@pytest.mark.parametrize(
    ("parts", "paying", "refusal", "words"),
    [
        ([(CASH, 20_000), (WECHAT, 10_000)], 38_600, SplitDoesNotAddUp, "add up to ¥300.00"),
        ([(CASH, 40_000)], 40_000, MoreThanLeft, "¥386.00 left to pay"),
        ([(CASH, 38_600), (CARD, 1)], None, MoreThanLeft, "more than the ¥386.00"),
        ([(CASH, 0)], None, AmountNotPositive, "above zero"),
        ([(CASH, -500)], None, AmountNotPositive, "above zero"),
        ([(CASH, 10_000), (CARD, -100)], 9_900, AmountNotPositive, "above zero"),
        ([], 0, AmountNotPositive, "above zero"),
        ([(CASH, 100)], 0, AmountNotPositive, "above zero"),
    ],
)
def test_a_payment_that_does_not_add_up_is_refused_and_nothing_is_recorded(
    journal, visit, parts, paying, refusal, words
):
    check = unchanged(journal, visit.journal_visit_id)
    with pytest.raises(refusal, match=re.escape(words)):
        take_payment(
            journal,
            visit.journal_visit_id,
            [PaymentPart(m, a) for m, a in parts],
            paying_fen=paying,
        )
    check()


def test_an_amount_as_a_float_is_a_bug_not_a_payment(journal, visit):
    check = unchanged(journal, visit.journal_visit_id)
    with pytest.raises(TypeError):
        take_payment(journal, visit.journal_visit_id, [PaymentPart(CASH, 386.0)])  # type: ignore[arg-type]
    check()


def test_a_reference_that_is_not_a_slip_number_is_refused(journal, visit):
    check = unchanged(journal, visit.journal_visit_id)
    for reference in ("x" * 65, "line\nbreak"):
        with pytest.raises(BadReference):
            take_payment(journal, visit.journal_visit_id, [PaymentPart(CASH, 100, reference)])
    check()


def test_nothing_more_is_taken_once_the_share_is_paid_nor_collected_where_nothing_is_owed(
    journal, visit
):
    visit_id = visit.journal_visit_id
    with pytest.raises(NothingOwed):  # nothing paid yet: the desk takes it, it is not "owed"
        collect_owed(journal, visit_id, [PaymentPart(CASH, 100)])
    take_payment(journal, visit_id, [PaymentPart(CASH, 38_600)])
    check = unchanged(journal, visit_id)
    with pytest.raises(MoreThanLeft, match=re.escape("¥0.00 left")):
        take_payment(journal, visit_id, [PaymentPart(CASH, 100)])
    with pytest.raises(NothingOwed):
        collect_owed(journal, visit_id, [PaymentPart(CASH, 100)])
    check()
    with pytest.raises(RecordNotFound):
        take_payment(journal, 9_999, [PaymentPart(CASH, 100)])


@pytest.mark.parametrize(
    ("method", "amount", "refundable"),
    [(WECHAT, 18_601, 18_600), (CASH, 20_001, 20_000), (ALIPAY, 1, 0), (CARD, 100, 0)],
)
def test_a_refund_larger_than_that_method_paid_is_refused_and_nothing_changes(
    journal, visit, manager, method, amount, refundable
):
    visit_id = visit.journal_visit_id
    take_payment(journal, visit_id, [PaymentPart(CASH, 20_000), PaymentPart(WECHAT, 18_600)])
    check = unchanged(journal, visit_id)
    with pytest.raises(RefundTooLarge) as refused:
        refund_payment(journal, visit_id, method, amount, "wrong amount", by=manager)
    assert (refused.value.method, refused.value.refundable_fen) == (method, refundable)
    check()


def test_a_refund_counts_earlier_refunds_of_the_same_method(journal, visit, manager):
    visit_id = visit.journal_visit_id
    take_payment(journal, visit_id, [PaymentPart(CASH, 38_600)])
    refund_payment(journal, visit_id, CASH, 30_000, "first", by=manager)
    check = unchanged(journal, visit_id)
    with pytest.raises(RefundTooLarge, match=re.escape("¥86.00 paid by cash and not yet refunded")):
        refund_payment(journal, visit_id, CASH, 8_601, "second", by=manager)
    check()


def test_a_refund_needs_a_reason_a_positive_amount_and_a_manager(journal, visit, manager):
    visit_id = visit.journal_visit_id
    take_payment(journal, visit_id, [PaymentPart(CASH, 38_600)])
    reception = StaffDirectory(journal).add("Li Na", Role.RECEPTION, "583021", added_by=manager)
    check = unchanged(journal, visit_id)
    with pytest.raises(NoRefundReason):
        refund_payment(journal, visit_id, CASH, 100, "   ", by=manager)
    for amount in (0, -100):
        with pytest.raises(AmountNotPositive):
            refund_payment(journal, visit_id, CASH, amount, "why", by=manager)
    with pytest.raises(NotAllowed):
        refund_payment(journal, visit_id, CASH, 100, "why", by=reception)
    check()


@pytest.mark.parametrize("number", ["发票123", "12 34", "1" * 41, "12/34"])
def test_a_fapiao_number_that_is_not_one_is_refused(journal, visit, number):
    check = unchanged(journal, visit.journal_visit_id)
    with pytest.raises(BadFapiaoNumber):
        record_fapiao_no(journal, visit.journal_visit_id, number)
    check()


def test_a_self_pay_visit_owes_its_whole_bill_when_part_paid(journal):
    bill = bill_of(MEMBER, DAY, [("VAC002", 1)])
    presented = present(journal, bill, covered_except(bill, {1}))
    assert presented.self_pay
    take_payment(journal, presented.journal_visit_id, [PaymentPart(CASH, 6_800)])
    [owed] = amounts_owed(journal, MEMBER)
    assert owed.owed_fen == 10_000 and owed.share_fen == 16_800
    facts = StatementFacts(
        language="en",
        child_masked="*",
        policy_masked="*",
        service_date=DAY,
        clinic={"name_zh": CLINIC},
    )
    assert statement_content(journal, presented.bill_id, facts=facts).owed_fen == 10_000
