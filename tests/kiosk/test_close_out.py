"""Closing the day: what the desk took that day by method (not by the visit's day), counted
against it with the variance noted, closed once, by a manager; then the day is locked (a clerk's
payment is refused and records nothing, a manager's goes through) and every change recorded after
the close is listed with what, who, when and how much."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.business_day import business_day
from kiosk.claim_actions import void_claim
from kiosk.close_out import (
    ChangeKind,
    DayAlreadyClosed,
    DayClosed,
    DayNotOver,
    NoteRequired,
    TakenChanged,
    close_day,
    close_out,
)
from kiosk.desk import PresentedBill
from kiosk.journal import Journal, PaymentMethod
from kiosk.payments import PaymentPart, account, collect_owed, refund_payment, take_payment
from kiosk.reports import day_summary
from kiosk.staff import NotAllowed, Role, StaffDirectory, StaffMember
from tests.clinic_day import DAY, ShiftedClock, bill_of, present, sign, working_hours
from tests.estimates import covered_except

CASH, CARD, WECHAT, ALIPAY = (
    PaymentMethod.CASH,
    PaymentMethod.CARD,
    PaymentMethod.WECHAT,
    PaymentMethod.ALIPAY,
)
YESTERDAY = DAY - timedelta(days=1)


@pytest.fixture
def clock() -> ShiftedClock:
    """Yesterday's working hours; `advance` a day to be on `DAY`."""
    return ShiftedClock(working_hours(YESTERDAY))


@pytest.fixture
def journal(tmp_path: Path, clock: ShiftedClock) -> Iterator[Journal]:
    with Journal.open(tmp_path / "journal.sqlite3", clock=clock) as opened:
        yield opened


@pytest.fixture
def staff(journal: Journal) -> tuple[StaffMember, StaffMember]:
    directory = StaffDirectory(journal)
    manager = directory.add("Wang Fang", Role.MANAGER, "204719")
    return manager, directory.add("Li Na", Role.RECEPTION, "583021", added_by=manager)


def visit(journal: Journal, member: str, seed: int, day=DAY) -> PresentedBill:
    """A signed visit of `day` whose family share is CNY 386 (two vaccines and a certificate)."""
    bill = bill_of(member, day, [("GP001", 1), ("VAC002", 2), ("NM001", 1)])
    presented = present(journal, bill, covered_except(bill, {2, 3}))
    assert presented.shown.totals.patient_fen == 38_600
    sign(journal, presented, seed)
    return presented


def pay(journal: Journal, presented: PresentedBill, *parts: tuple[PaymentMethod, int]) -> None:
    take_payment(journal, presented.journal_visit_id, [PaymentPart(m, a) for m, a in parts])


def the_desks_day(journal: Journal, clock: ShiftedClock) -> dict[str, PresentedBill]:
    """Today at the desk: one visit paid in cash, one by card and WeChat Pay."""
    clock.advance(timedelta(days=1))
    cash, split = visit(journal, "M26000101", 1), visit(journal, "M26000102", 2)
    pay(journal, cash, (CASH, 38_600))
    pay(journal, split, (CARD, 20_000), (WECHAT, 18_600))
    return {"cash": cash, "split": split}


TAKEN = {CASH: 38_600, CARD: 20_000, WECHAT: 18_600, ALIPAY: 0}
CASH_20_SHORT = {CASH: 36_600, CARD: 20_000, WECHAT: 18_600, ALIPAY: 0}


def test_taken_is_what_the_desk_took_that_day_by_method_whatever_the_visits_day(
    journal, clock, staff
):
    """The drawer and the terminals hold what was taken that day: an amount owed from yesterday
    collected today is today's takings, a refund made today comes off today's; the Day tab's
    family payments count the same money by the visit's day instead."""
    manager, _ = staff
    part_paid, paid_up = (
        visit(journal, "M26000103", 1, YESTERDAY),
        visit(journal, "M26000104", 2, YESTERDAY),
    )
    pay(journal, part_paid, (CASH, 10_000))
    pay(journal, paid_up, (CARD, 38_600))
    clock.advance(timedelta(days=1))
    collect_owed(journal, part_paid.journal_visit_id, [PaymentPart(WECHAT, 28_600)])
    pay(journal, visit(journal, "M26000105", 3), (ALIPAY, 38_600))
    refund_payment(journal, paid_up.journal_visit_id, CARD, 5_000, "charged twice", by=manager)

    assert close_out(journal, YESTERDAY).taken == {CASH: 10_000, CARD: 38_600, WECHAT: 0, ALIPAY: 0}
    today = close_out(journal, DAY)
    assert today.taken == {CASH: 0, CARD: -5_000, WECHAT: 28_600, ALIPAY: 38_600}
    assert today.taken_fen == 62_200 and today.closed is None
    by_visit_day = {t.method: t.amount_fen for t in day_summary(journal, DAY).payments}
    assert by_visit_day == {CASH: 0, CARD: 0, WECHAT: 0, ALIPAY: 38_600}


def test_a_variance_needs_a_note_and_the_close_keeps_counts_who_and_when(journal, clock, staff):
    manager, _ = staff
    the_desks_day(journal, clock)
    audit = journal.audit_entries()
    with pytest.raises(NoteRequired):
        close_day(journal, DAY, CASH_20_SHORT, "   ", taken_seen=TAKEN, by=manager)
    assert journal.audit_entries() == audit and close_out(journal, DAY).closed is None

    closed = close_day(
        journal,
        DAY,
        CASH_20_SHORT,
        " drawer 20 short,  counted twice ",
        taken_seen=TAKEN,
        by=manager,
    ).closed
    assert closed is not None
    assert [(c.method, c.taken_fen, c.counted_fen, c.variance_fen) for c in closed.counts] == [
        (CASH, 38_600, 36_600, -2_000),
        (CARD, 20_000, 20_000, 0),
        (WECHAT, 18_600, 18_600, 0),
        (ALIPAY, 0, 0, 0),
    ]
    assert sum(c.variance_fen for c in closed.counts) == -2_000
    assert (closed.closed_by_name, closed.note) == ("Wang Fang", "drawer 20 short, counted twice")
    assert abs(closed.closed_at - journal.now()) < timedelta(minutes=1)
    entry = journal.audit_entries()[-1]
    assert (entry.action, entry.actor, entry.subject) == (
        "day.closed",
        f"staff:{manager.id}",
        f"day-close:{DAY:%Y%m%d}",
    )
    assert entry.details()["variance_fen"] == -2_000
    assert journal.record_problems() == [] and journal.verify_audit().intact


def test_a_day_without_variance_closes_without_a_note(journal, clock, staff):
    manager, _ = staff
    the_desks_day(journal, clock)
    closed = close_day(journal, DAY, TAKEN, "", taken_seen=TAKEN, by=manager).closed
    assert closed is not None and closed.note is None


def test_a_day_closes_once_and_only_by_a_manager_once_it_has_come(journal, clock, staff):
    manager, reception = staff
    the_desks_day(journal, clock)
    with pytest.raises(NotAllowed):
        close_day(journal, DAY, TAKEN, "", taken_seen=TAKEN, by=reception)
    with pytest.raises(DayNotOver):
        close_day(journal, DAY + timedelta(days=1), {}, "", taken_seen={}, by=manager)
    close_day(journal, DAY, TAKEN, "", taken_seen=TAKEN, by=manager)
    audit = journal.audit_entries()
    with pytest.raises(DayAlreadyClosed):
        close_day(journal, DAY, CASH_20_SHORT, "recount", taken_seen=TAKEN, by=manager)
    assert journal.audit_entries() == audit
    assert close_out(journal, DAY).closed.counts[0].counted_fen == 38_600


def test_a_payment_taken_since_the_figures_were_read_stops_the_close(journal, clock, staff):
    """The manager compared the counts with what they saw: a payment recorded meanwhile would
    make the stored variance one they never saw."""
    manager, _ = staff
    day = the_desks_day(journal, clock)
    seen = dict(close_out(journal, DAY).taken)
    late = visit(journal, "M26000106", 3)
    pay(journal, late, (CASH, 38_600))
    with pytest.raises(TakenChanged):
        close_day(journal, DAY, CASH_20_SHORT, "short", taken_seen=seen, by=manager)
    assert close_out(journal, DAY).closed is None
    assert day["cash"].journal_visit_id != late.journal_visit_id


def test_a_closed_day_refuses_a_clerks_payment_and_takes_a_managers(journal, clock, staff):
    """After the close the desk cannot add to the day's takings, nor take a payment for a visit
    of the closed day on a later day; a manager can, and it is listed as a change after close."""
    manager, reception = staff
    owed_from_yesterday = visit(journal, "M26000103", 1, YESTERDAY)
    pay(journal, owed_from_yesterday, (CASH, 10_000))
    the_desks_day(journal, clock)
    owing = visit(journal, "M26000108", 5)
    pay(journal, owing, (CASH, 100))
    late = visit(journal, "M26000106", 3)
    taken = {**TAKEN, CASH: 38_700}
    close_day(journal, DAY, taken, "", taken_seen=taken, by=manager)
    audit = journal.audit_entries()

    with pytest.raises(DayClosed) as refused:
        pay(journal, late, (CASH, 38_600))
    assert refused.value.days == (DAY,)
    with pytest.raises(DayClosed):  # yesterday is open, but it would be today's takings
        collect_owed(journal, owed_from_yesterday.journal_visit_id, [PaymentPart(CASH, 100)])
    with pytest.raises(DayClosed):
        take_payment(journal, late.journal_visit_id, [PaymentPart(WECHAT, 38_600)], by=reception)
    assert journal.audit_entries() == audit
    assert account(journal, late.journal_visit_id).payments == ()

    take_payment(journal, late.journal_visit_id, [PaymentPart(WECHAT, 38_600)], by=manager)
    after = close_out(journal, DAY)
    assert after.taken == taken, "the close-out keeps what was taken when it was closed"
    [change] = after.changes
    assert (change.kind, change.by, change.method, change.amount_fen) == (
        ChangeKind.PAYMENT,
        "Wang Fang",
        WECHAT,
        38_600,
    )
    assert change.statement_no == late.invoice_no and change.visit_day == DAY
    assert journal.record_problems() == []

    clock.advance(timedelta(days=1))  # tomorrow is open: the desk takes payments again
    pay(journal, visit(journal, "M26000107", 4, DAY + timedelta(days=1)), (CASH, 38_600))
    with pytest.raises(DayClosed) as refused:  # but not for a visit of the closed day
        collect_owed(journal, owing.journal_visit_id, [PaymentPart(CASH, 38_500)])
    assert refused.value.days == (DAY,)
    assert len(close_out(journal, DAY).changes) == 1


def test_every_change_after_the_close_is_listed_with_what_who_when_and_how_much(
    journal, clock, staff
):
    manager, _ = staff
    day = the_desks_day(journal, clock)
    waiting = journal.claim_for_bill(day["cash"].bill_id)
    assert waiting is not None
    before = visit(journal, "M26000106", 3)
    take_payment(journal, before.journal_visit_id, [PaymentPart(ALIPAY, 10_000)])
    taken = {**TAKEN, ALIPAY: 10_000}
    close_day(journal, DAY, taken, "", taken_seen=taken, by=manager)
    assert close_out(journal, DAY).changes == (), "what came before the close is in the figures"

    refund_payment(journal, day["split"].journal_visit_id, CARD, 5_000, "charged twice", by=manager)
    void_claim(journal, waiting.id, "billed to the wrong child", by=manager)
    clock.advance(timedelta(days=1))
    collect_owed(journal, before.journal_visit_id, [PaymentPart(CASH, 28_600)], by=manager)

    changes = close_out(journal, DAY).changes
    assert [(c.kind, c.amount_fen, c.method, c.reason, c.by) for c in changes] == [
        (ChangeKind.REFUND, 5_000, CARD, "charged twice", "Wang Fang"),
        (
            ChangeKind.VOID,
            journal.bill(waiting.bill_id).total_submitted_fen,
            None,
            "billed to the wrong child",
            "Wang Fang",
        ),
        (ChangeKind.PAYMENT, 28_600, CASH, None, "Wang Fang"),
    ]
    assert [c.statement_no for c in changes] == [
        day["split"].invoice_no,
        day["cash"].invoice_no,
        before.invoice_no,
    ]
    assert changes[0].at < changes[1].at < changes[2].at
    assert business_day(changes[2].at) == DAY + timedelta(days=1), "paid the day after"
    assert changes[2].visit_day == DAY
