"""A clinic day made the way the desk makes it, against the real insurer sandbox, and the day's
figures worked out again from the journal's own records — without `kiosk.reports`.

The day: five families whose claims the insurer accepts (two of them pay a share at the desk),
one claim signed on an estimate that went stale (the insurer records it as rejected), one for a
member whose policy has expired (refused, never recorded), one still waiting in the outbox, and
two pre-auth requests (one answered, one not sent yet).

A pytest plugin too (tests/conftest.py loads it): `journal`, a journal of the test's own whose
clock reads working hours on `DAY`, for the modules that do not open a journal of their own.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.billing import build_bill
from kiosk.business_day import BUSINESS_TZ
from kiosk.catalogue_import import load_demo_catalogue
from kiosk.desk import PresentedBill, present_bill, record_payment, sign_and_queue
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import (
    Adjudication,
    Bill,
    ClaimStatus,
    PreAuthRequest,
)
from kiosk.journal import (
    AttemptOutcome,
    ClaimState,
    ClaimSubmitter,
    Journal,
    PaymentMethod,
    RecordNotFound,
    Transaction,
)
from kiosk.journal.preauth_requests import record_preauth_sent
from kiosk.preauths import file_preauth
from kiosk.signature import Point, Signature
from tests.estimates import fully_covered
from tests.waiting import wait_until

CLINIC = "示例儿科诊所 Test Children's Clinic"

ACCEPTED_VISITS = (
    ("M26000101", [("GP001", 1), ("LAB001", 1), ("RX001", 1)], PaymentMethod.WECHAT),
    ("M26000102", [("GP003", 1), ("IMG001", 1)], PaymentMethod.CARD),
    ("M26000106", [("GP001", 1), ("LAB003", 1), ("RX003", 2)], PaymentMethod.ALIPAY),
    ("M26000107", [("GP002", 1), ("RX002", 1), ("NM001", 1)], PaymentMethod.CASH),
    ("M26000110", [("LAB001", 1), ("TRT001", 2)], PaymentMethod.WECHAT),
)
STALE_ESTIMATE_MEMBER = "M26000106"
EXPIRED_MEMBER = "M26000105"
WAITING_MEMBER = "M26000101"


class ShiftedClock:
    """Real time shifted so that it is `at` now: sends and back-offs still see time pass, and a
    test can jump ahead (a lockout's cool-down) with `advance`."""

    def __init__(self, at: datetime) -> None:
        self.offset = at - datetime.now(UTC)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, delta: timedelta) -> None:
        self.offset += delta


def working_hours(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, 0, tzinfo=BUSINESS_TZ)


DAY = datetime.now(BUSINESS_TZ).date()
"""The clinic day the tests work on: today in the clinic's time zone when the tests were
collected (so a run that goes past midnight keeps one day)."""


def signature(seed: int) -> Signature:
    """A wavy two-stroke signature, different per `seed`."""
    first = tuple(Point(40 + 7 * i, 100 + 40 * math.sin(i / 3 + seed), 12 * i) for i in range(40))
    second = tuple(Point(120 + 5 * i, 60 + 3 * i, 600 + 10 * i) for i in range(20))
    return Signature((first, second), 400, 200)


@dataclass
class ClinicDay:
    day: date
    accepted: list[PresentedBill] = field(default_factory=list)
    self_pay: list[PresentedBill] = field(default_factory=list)
    """Visits the insurer pays nothing on: paid at the desk, no claim."""
    rejected: PresentedBill | None = None
    refused: PresentedBill | None = None
    waiting: PresentedBill | None = None


def present(journal: Journal, bill: Bill, estimate: Adjudication) -> PresentedBill:
    return present_bill(journal, bill, estimate, clinic=CLINIC)


def sign(journal: Journal, presented: PresentedBill, seed: int) -> None:
    sign_and_queue(journal, presented, signature(seed), journal.now())


def bill_of(member_id: str, day: date, entries: list[tuple[str, int]]) -> Bill:
    catalogue = load_demo_catalogue()
    return build_bill(member_id, day, [(catalogue.get(code), qty) for code, qty in entries])


def day_journal(path: Path, day: date) -> Journal:
    """The journal at `path`, its clock reading working hours on `day` (and running on)."""
    return Journal.open(path, clock=ShiftedClock(working_hours(day)))


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    """A journal of the test's own on the clinic day (`day_journal`), closed afterwards."""
    with day_journal(tmp_path / "journal.sqlite3", DAY) as opened:
        yield opened


def sign_fully_covered(
    journal: Journal, member_id: str, day: date, entries: list[tuple[str, int]], seed: int
) -> PresentedBill:
    """A bill of catalogue `entries` shown on an estimate that covers it whole, whatever the
    insurer says of it, and signed (`seed`'s signature): its claim waits in the outbox."""
    bill = bill_of(member_id, day, entries)
    presented = present(journal, bill, fully_covered(bill))
    sign(journal, presented, seed)
    return presented


def stop_sending(tx: Transaction, claim_id: int) -> None:
    """What the outbox records when it stops sending a claim (the insurer answered with another
    claim's result): the claim waits for a person."""
    tx.record_claim_refused(
        tx.begin_attempt(claim_id),
        AttemptOutcome.STOPPED,
        reason="answer-for-another-claim",
        error_class="ClaimResult",
    )


def refused_on_arrival(tx: Transaction, claim_id: int, code: str) -> None:
    """What the outbox records when the insurer refuses a claim with `code` and records none."""
    tx.record_claim_refused(
        tx.begin_attempt(claim_id),
        AttemptOutcome.REJECTED,
        reason=f"rejected:{code}",
        error_class="InsurerRejected",
        http_status=422,
        reject_code=code,
    )


def send_all(journal: Journal, insurer: InsurerClient, timeout: float = 30.0) -> None:
    """Run the outbox until nothing waits (the real submitter thread, the real client)."""
    submitter = ClaimSubmitter(journal, insurer)
    submitter.start()
    try:
        submitter.wake()
        wait_until(lambda: not journal.queue_state().waiting, timeout, "every claim sent")
    finally:
        submitter.stop()


def make_clinic_day(journal: Journal, insurer: InsurerClient, day: date) -> ClinicDay:
    made = ClinicDay(day)
    for seed, (member, entries, method) in enumerate(ACCEPTED_VISITS):
        bill = bill_of(member, day, entries)
        presented = present(journal, bill, insurer.estimate(bill))
        if presented.shown.totals.patient_fen:
            record_payment(journal, presented, method, presented.shown.totals.patient_fen)
        if presented.self_pay:
            made.self_pay.append(presented)
            continue
        sign(journal, presented, seed)
        made.accepted.append(presented)
    stale = [("GP001", 1), ("LAB002", 1)]
    made.rejected = sign_fully_covered(journal, STALE_ESTIMATE_MEMBER, day, stale, 10)
    made.refused = sign_fully_covered(journal, EXPIRED_MEMBER, day, [("GP001", 1)], 11)
    send_all(journal, insurer)
    waiting = bill_of(WAITING_MEMBER, day, [("GP002", 1), ("RX007", 1)])
    made.waiting = present(journal, waiting, insurer.estimate(waiting))
    sign(journal, made.waiting, 12)
    earliest = insurer.working_calendar().earliest_planned_date
    catalogue = load_demo_catalogue()
    for member, code in (("M26000102", "SUR001"), ("M26000101", "SPO001")):
        item = catalogue.get(code)
        request = PreAuthRequest(
            member_id=member,
            item_code=item.code,
            description=item.name_zh,
            category=item.category,
            planned_date=earliest + timedelta(days=3),
            diagnosis="皮下脓肿" if code == "SUR001" else "尘螨过敏",
            estimated_cost_fen=item.unit_price_fen,
        )
        stored = file_preauth(journal, request)
        if code == "SUR001":  # sent as the outbox sends it; the other is left unsent
            created = insurer.request_preauth(stored.request, stored.idempotency_key)
            with journal.transaction(actor="outbox") as tx:
                record_preauth_sent(tx, stored.id, created)
    return made


# --- the figures, worked out again from the journal's records ---------------------------------


def _every(read: Callable[[int], object]) -> list:
    """Every record `read` finds by id, from 1 up to the first id it does not know."""
    records, record_id = [], 1
    while True:
        try:
            records.append(read(record_id))
        except RecordNotFound:
            return records
        record_id += 1


def expected_figures(journal: Journal, day: date) -> dict[str, object]:
    """The dashboard's figures for `day`, computed claim by claim from the journal."""
    claims = [c for c in journal.claims() if journal.bill(c.bill_id).service_date == day]
    states: Counter[str] = Counter()
    money = Counter(billed=0, covered=0, awaiting=0, not_covered=0, share=0)
    for claim in claims:
        bill = journal.bill(claim.bill_id)
        money["billed"] += bill.total_submitted_fen
        money["share"] += bill.total_patient_fen or 0
        if claim.state is ClaimState.WAITING:
            states["waiting"] += 1
            money["awaiting"] += bill.total_covered_fen or 0
        elif claim.state is ClaimState.SENT:
            states[claim.insurer_status.value] += 1
            money["covered"] += claim.covered_fen
        elif claim.state is ClaimState.ATTENTION:
            rejected = claim.insurer_status is ClaimStatus.REJECTED or claim.reject_code
            states["rejected" if rejected else "attention"] += 1
            money["not_covered"] += bill.total_covered_fen or 0
        else:
            states["resolved"] += 1
    day_visits = [v for v in journal_visits_on(journal, day)]
    payments = [p for v in day_visits for p in journal.payments(v.id)]
    claimed = {journal.bill(c.bill_id).visit_id for c in journal.claims()}
    self_pay = [v for v in day_visits if v.id not in claimed and journal.payments(v.id)]
    last_bills = {bill.visit_id: bill for bill in _every(journal.bill)}  # ids ascend: the last wins
    for visit in self_pay:  # billed, and owed by the family whole: its last bill
        money["billed"] += last_bills[visit.id].total_submitted_fen
        money["share"] += last_bills[visit.id].total_patient_fen
    by_method = Counter()
    for payment in payments:
        by_method[payment.method.value] += payment.amount_fen
    preauths = Counter(
        (r.status.value if r.status else "unsent")
        for r in journal.preauth_requests()
        if r.requested_at.astimezone(BUSINESS_TZ).date() == day
    )
    return {
        "visits": len({journal.bill(c.bill_id).visit_id for c in claims}),
        "claims": dict(states),
        "billed": money["billed"],
        "covered": money["covered"],
        "awaiting": money["awaiting"],
        "not_covered": money["not_covered"],
        "family_share": money["share"],
        "self_pay_visits": len(self_pay),
        "family_paid": sum(p.amount_fen for p in payments),
        "by_method": dict(by_method),
        "preauths": dict(preauths),
    }


def journal_visits_on(journal: Journal, day: date) -> list:
    return [v for v in _every(journal.visit) if v.service_date == day]
