"""Manager figures benchmark: a busy clinic's year in the journal, then the day summary, the
30-day trend and the receivables (aging, remittance matching) timed against it.

    .venv/bin/python bench/summary.py [--journal out/bench-year.sqlite3] [--visits 110000]
                                      [--days 365] [--seed 6] [--samples 40] [--regenerate]

The year is written through the journal's own transactions, exactly as the desk and the outbox
write it (visit, bill with its lines and the estimate, signature, claim with its idempotency key,
send attempt, the insurer's answer, desk payment, pre-auth requests, and the audit trail entry of
each), one transaction per clinic day. The insurer's answers are made up here (98.8% accepted;
some rejected; some refused; the last day's tail still waiting), and so is its life after: each
Monday the insurer pays the claims it reviewed the Monday before and reviews those at least a
week old (97% as signed, 2% part found not covered, 1% rejected), in a remittance the desk
records as it would fetch it; 3% of claims are paid 30 to 100 days late and 0.3% never, and a few
remittances carry a detail for a claim the desk never sent and an amount CNY 10 over. The
journal is kept
at `--journal` and reused by the next run unless `--regenerate`; opening it applies any newer
migration, so running once before and once after an index migration measures what it changed.

Times are wall-clock per call on one thread, over `--samples` random days of the year (each
called once, "cold", and then three more times), reported as median, 95th percentile and
worst. Targets: day summary <= 50 ms, 30-day trend <= 100 ms; aging (as of a day in the year's
last quarter) and remittance matching (a 30-day window of remittances, and the whole year's)
<= 100 ms.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from insurer_sandbox.settlement import final_adjudication
from kiosk.billing import bill_hash, build_bill
from kiosk.business_day import BUSINESS_TZ
from kiosk.catalogue import CatalogueItem
from kiosk.catalogue_import import load_demo_catalogue
from kiosk.insurer.models import (
    AdjudicatedLine,
    Adjudication,
    Bill,
    ClaimPayment,
    ClaimResult,
    ClaimReview,
    ClaimStatus,
    ClaimSubmission,
    FamilyBalance,
    ItemCategory,
    PaymentPart,
    PreAuth,
    PreAuthCreated,
    PreAuthRequest,
    PreAuthStatus,
    Reason,
    ReviewOutcome,
    ShownToFamily,
    SignatureEvidence,
    WorkingCalendar,
)
from kiosk.insurer.remittances import Remittance, RemittanceDetail, RemittanceList
from kiosk.journal import AttemptOutcome, Journal, PaymentMethod, Transaction
from kiosk.journal.claim_status import record_claim_status
from kiosk.journal.preauth_requests import record_preauth_request, record_preauth_sent
from kiosk.journal.remittances import record_remittances
from kiosk.receivables import aging, match_remittances
from kiosk.reports import day_summary, trend

CLINIC = "示例儿科诊所 Bench Children's Clinic"
MEDICAL = (
    ItemCategory.EXAM,
    ItemCategory.DRUG,
    ItemCategory.TREATMENT,
    ItemCategory.VACCINE,
)


class BenchClock:
    """The journal's clock, walked through the year as the visits are written."""

    def __init__(self) -> None:
        self.now = datetime(2025, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class YearPlan:
    first_day: date
    days: int
    visits: int
    seed: int

    def visits_on(self, rng: random.Random) -> list[int]:
        """Visits per day: busier at weekends, summing to exactly `visits`."""
        weights = [
            1.25 if (self.first_day + timedelta(days=d)).weekday() >= 5 else 1.0
            for d in range(self.days)
        ]
        weights = [w * rng.uniform(0.85, 1.15) for w in weights]
        scale = self.visits / sum(weights)
        counts = [int(w * scale) for w in weights]
        for d in rng.sample(range(self.days), self.visits - sum(counts)):
            counts[d] += 1
        return counts


def _estimate(bill: Bill, copay: bool) -> Adjudication:
    lines = []
    for line in bill.lines:
        if line.category is ItemCategory.NON_MEDICAL:
            covered, reason = 0, Reason.NOT_COVERED
        elif copay:
            covered, reason = line.submitted_fen // 2, Reason.COPAY_AFTER_FREE_VISITS
        else:
            covered, reason = line.submitted_fen, Reason.COVERED
        lines.append(AdjudicatedLine.of(line, covered, reason))
    return Adjudication.of(lines, free_visit_used=not copay)


class YearWriter:
    def __init__(self, journal: Journal, clock: BenchClock, rng: random.Random) -> None:
        self.journal = journal
        self.clock = clock
        self.rng = rng
        items = load_demo_catalogue().items
        self.consultations = [i for i in items if i.category is ItemCategory.CONSULTATION]
        self.medical = [i for i in items if i.category in MEDICAL]
        self.non_medical = [i for i in items if i.category is ItemCategory.NON_MEDICAL]
        self.members = [f"M26{n:06d}" for n in range(1, 4001)]
        self.serial = 0
        self.unreviewed: list[tuple[int, date, ClaimResult]] = []
        """Accepted claims the insurer has not reviewed: journal id, review from, its answer."""
        self.reviewed: list[tuple[int, ClaimResult]] = []
        """Reviewed at the last run, paid at the next."""

    def _items(self) -> list[tuple[CatalogueItem, int]]:
        chosen = [(self.rng.choice(self.consultations), 1)]
        for item in self.rng.sample(self.medical, self.rng.choice((0, 1, 1, 2, 2, 3))):
            chosen.append((item, self.rng.choice((1, 1, 1, 2, 3))))
        if self.rng.random() < 0.08:
            chosen.append((self.rng.choice(self.non_medical), 1))
        return chosen

    def day(self, day: date, visits: int, *, last_day: bool) -> None:
        opening = datetime(day.year, day.month, day.day, 8, 30, tzinfo=BUSINESS_TZ)
        spacing = timedelta(hours=11) / max(visits, 1)
        with self.journal.transaction(actor="desk") as tx:
            for n in range(visits):
                self.clock.now = opening + spacing * n
                self._visit(tx, day, waiting=last_day and n >= visits - 6)
            for _ in range(self.rng.choice((1, 2, 3, 4))):
                self._preauth(tx, day)

    def visit(self, day: date, at: datetime) -> None:
        """One visit in its own transaction, as a desk takes them one family at a time."""
        self.clock.now = at
        with self.journal.transaction(actor="desk") as tx:
            self._visit(tx, day, waiting=False)

    def _visit(self, tx: Transaction, day: date, *, waiting: bool) -> None:
        self.serial += 1
        member = self.rng.choice(self.members)
        bill = build_bill(member, day, self._items())
        estimate = _estimate(bill, copay=self.rng.random() < 0.3)
        invoice = f"{day:%Y%m%d}-{self.serial:06d}"
        shown = bill_hash(bill, estimate, clinic=CLINIC, invoice_no=invoice)
        visit_id = tx.open_visit(member, day)
        bill_id = tx.record_bill(
            visit_id, bill, clinic_invoice_no=invoice, bill_hash=shown, adjudication=estimate
        )
        strokes = f'{{"v":1,"strokes":[[[10,10,0],[80,{self.serial % 90},40]]]}}'.encode()
        evidence = SignatureEvidence(
            bill_hash=shown,
            strokes_sha256=hashlib.sha256(strokes).hexdigest(),
            point_count=2,
            signed_at=self.clock.now,
        )
        tx.record_signature(bill_id, strokes, evidence)
        claim = tx.enqueue_claim(
            bill_id,
            ClaimSubmission(
                bill=bill,
                bill_hash=shown,
                signature=evidence,
                expected_covered_fen=estimate.total_covered_fen,
                clinic_invoice_no=invoice,
                shown=ShownToFamily(provider_display=CLINIC, adjudication=estimate),
            ),
        )
        if estimate.total_patient_fen:
            method = self.rng.choice(list(PaymentMethod))
            tx.record_payment(visit_id, method, estimate.total_patient_fen)
        if waiting:
            return
        attempt = tx.begin_attempt(claim.id)
        roll = self.rng.random()
        if roll < 0.004:
            tx.record_claim_refused(
                attempt,
                AttemptOutcome.REJECTED,
                reason="rejected:member-not-eligible",
                error_class="InsurerRejected",
                http_status=422,
                reject_code="member-not-eligible",
            )
            return
        rejected = roll < 0.012
        answer = ClaimResult(
            claim_id=f"CLM{self.serial:09d}",
            idempotency_key=claim.idempotency_key,
            status=ClaimStatus.REJECTED if rejected else ClaimStatus.ACCEPTED,
            reject_code="covered-amount-changed" if rejected else None,
            adjudication=estimate,
            bill_hash=shown,
            clinic_id="CLINIC-BENCH",
            member_id=member,
            service_date=day,
            recorded_at=self.clock.now + timedelta(seconds=2),
        )
        tx.record_claim_answer(attempt, answer)
        if rejected:
            return
        fate = self.rng.random()
        if fate < 0.003:
            return  # the insurer never pays it: it ages past 90 days
        late = timedelta(days=self.rng.randrange(30, 100)) if fate < 0.033 else timedelta(0)
        self.unreviewed.append((claim.id, day + timedelta(days=7) + late, answer))

    def payment_run(self, day: date) -> None:
        """The insurer's Monday run: pay what it reviewed last week, review what is due."""
        self.clock.now = datetime(day.year, day.month, day.day, 9, 0, tzinfo=BUSINESS_TZ)
        reviewed_at = self.clock.now
        remittance_id = f"RMT-BENCH-{day:%Y%m%d}"
        details: list[RemittanceDetail] = []
        with self.journal.transaction(actor="outbox") as tx:
            for claim_id, answer in self.reviewed:
                assert answer.review is not None
                covered = answer.review.adjudication.total_covered_fen
                payment = ClaimPayment(
                    remittance_id=remittance_id,
                    payment_date=day,
                    part=PaymentPart.INSURER_SHARE,
                    amount_fen=covered,
                )
                record_claim_status(
                    tx,
                    claim_id,
                    answer.model_copy(update={"status": ClaimStatus.PAID, "payments": [payment]}),
                )
                details.append(
                    RemittanceDetail(
                        claim_id=answer.claim_id,
                        idempotency_key=answer.idempotency_key,
                        part=PaymentPart.INSURER_SHARE,
                        amount_fen=covered,
                    )
                )
            if details and self.rng.random() < 0.25:
                at = self.rng.randrange(len(details))
                odd = details[at]
                details[at] = odd.model_copy(update={"amount_fen": odd.amount_fen + 1_000})
                elsewhere = {"claim_id": "CLM-ELSEWHERE", "idempotency_key": f"{day:%Y%m%d}" * 3}
                details.append(odd.model_copy(update=elsewhere))
            self.reviewed = []
            due = [entry for entry in self.unreviewed if entry[1] <= day]
            self.unreviewed = [entry for entry in self.unreviewed if entry[1] > day]
            for claim_id, _, answer in due:
                reviewed = _reviewed(answer, reviewed_at, self.rng.random())
                record_claim_status(tx, claim_id, reviewed)
                if reviewed.status is ClaimStatus.ADJUDICATED:
                    self.reviewed.append((claim_id, reviewed))
            if details:
                record_remittances(
                    tx,
                    RemittanceList(
                        clinic_id="CLINIC-BENCH",
                        from_date=day,
                        to_date=day,
                        remittances=[
                            Remittance(
                                remittance_id=remittance_id,
                                clinic_id="CLINIC-BENCH",
                                payment_date=day,
                                payment_amount_fen=sum(d.amount_fen for d in details),
                                details=details,
                            )
                        ],
                    ),
                )

    def _preauth(self, tx: Transaction, day: date) -> None:
        member = self.rng.choice(self.members)
        planned = day + timedelta(days=14)
        request = PreAuthRequest(
            member_id=member,
            item_code="SG001",
            description="扁桃体切除术",
            category=ItemCategory.SURGERY,
            planned_date=planned,
            diagnosis="慢性扁桃体炎",
            estimated_cost_fen=1_200_000,
        )
        stored = record_preauth_request(tx, request)
        if self.rng.random() < 0.2:
            return
        status = self.rng.choice(
            (PreAuthStatus.PENDING, PreAuthStatus.APPROVED, PreAuthStatus.DENIED)
        )
        decided = self.clock.now if status is not PreAuthStatus.PENDING else None
        record_preauth_sent(
            tx,
            stored.id,
            PreAuthCreated(
                preauth=PreAuth(
                    preauth_id=f"PA{stored.id:08d}",
                    status=status,
                    requested_at=self.clock.now,
                    decided_at=decided,
                    **request.model_dump(),
                ),
                calendar=WorkingCalendar(
                    data_until=date(day.year, 12, 31),
                    fallback_weekends_only=False,
                    required_working_days=5,
                    earliest_planned_date=day + timedelta(days=8),
                ),
            ),
        )


def _reviewed(answer: ClaimResult, at: datetime, roll: float) -> ClaimResult:
    """The insurer's review of an accepted claim: 1% rejected, 2% its dearest covered line
    found not covered (moved to the family), the rest as signed."""
    signed = answer.adjudication
    dearest = max(signed.lines, key=lambda x: x.covered_fen).line_no
    if roll < 0.01:
        refused = {x.line_no for x in signed.lines}
        outcome, status = ReviewOutcome.REJECTED, ClaimStatus.REJECTED
    elif roll < 0.03:
        refused = {dearest}
        outcome, status = ReviewOutcome.PARTIAL, ClaimStatus.ADJUDICATED
    else:
        refused = set()
        outcome, status = ReviewOutcome.COMPLETE, ClaimStatus.ADJUDICATED
    final = final_adjudication(signed, refused)
    moved = signed.total_covered_fen - final.total_covered_fen
    return answer.model_copy(
        update={
            "status": status,
            "reject_code": "rejected-after-review" if status is ClaimStatus.REJECTED else None,
            "review": ClaimReview(
                reviewed_at=at,
                outcome=outcome,
                adjudication=final,
                moved_to_family_fen=moved,
                reason=None if moved == 0 else "not covered after review",
            ),
            "family_balance": FamilyBalance(amount_fen=moved) if moved else None,
        }
    )


def generate(path: Path, plan: YearPlan) -> None:
    rng = random.Random(plan.seed)
    clock = BenchClock()
    started = time.perf_counter()
    with Journal.open(path, clock=clock) as journal:
        writer = YearWriter(journal, clock, rng)
        counts = plan.visits_on(rng)
        for offset, visits in enumerate(counts):
            day = plan.first_day + timedelta(days=offset)
            if day.weekday() == 0:
                writer.payment_run(day)
            writer.day(day, visits, last_day=offset == len(counts) - 1)
            if day.day == 1 or offset == len(counts) - 1:
                print(
                    f"  {day}  {writer.serial:7d} visits written"
                    f"  ({time.perf_counter() - started:.0f} s)",
                    flush=True,
                )


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def _report(name: str, cold: list[float], warm: list[float], target: float) -> None:
    def line(label: str, values: list[float]) -> str:
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        return (
            f"    {label:5s} median {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms"
            f"   worst {max(values):6.1f} ms   (n={len(values)})"
        )

    ordered = sorted(warm)
    verdict = "within" if ordered[round(0.95 * (len(ordered) - 1))] <= target else "OVER"
    print(f"  {name}  (target <= {target:.0f} ms: {verdict})")
    print(line("cold", cold))
    print(line("warm", warm))


def measure(path: Path, plan: YearPlan, samples: int) -> None:
    rng = random.Random(plan.seed + 1)
    days = [plan.first_day + timedelta(days=rng.randrange(plan.days)) for _ in range(samples)]
    with Journal.open(path) as journal:
        print(f"journal schema {journal.schema_version}")
        summary_cold, summary_warm, trend_cold, trend_warm = [], [], [], []
        for day in days:
            summary_cold.append(_timed(lambda day=day: day_summary(journal, day)))
            summary_warm += [_timed(lambda day=day: day_summary(journal, day)) for _ in range(3)]
            trend_cold.append(_timed(lambda day=day: trend(journal, day)))
            trend_warm += [_timed(lambda day=day: trend(journal, day)) for _ in range(3)]
        busiest = max(days, key=lambda d: day_summary(journal, d).direct_pay_visits)
        example = day_summary(journal, busiest)
        last = plan.first_day + timedelta(days=plan.days - 1)
        quarter = [last - timedelta(days=rng.randrange(90)) for _ in range(samples)]
        aging_cold, aging_warm, match_cold, match_warm = [], [], [], []
        for day in quarter:
            aging_cold.append(_timed(lambda day=day: aging(journal, day)))
            aging_warm += [_timed(lambda day=day: aging(journal, day)) for _ in range(3)]
            window = (day - timedelta(days=29), day)
            match_cold.append(_timed(lambda w=window: match_remittances(journal, *w)))
            match_warm += [
                _timed(lambda w=window: match_remittances(journal, *w)) for _ in range(3)
            ]
        year_cold = [_timed(lambda: match_remittances(journal, plan.first_day, last))]
        year_warm = [
            _timed(lambda: match_remittances(journal, plan.first_day, last)) for _ in range(9)
        ]
        open_claims = aging(journal, last)
        year = match_remittances(journal, plan.first_day, last)
    _report("day summary", summary_cold, summary_warm, 50)
    _report("30-day trend", trend_cold, trend_warm, 100)
    _report("aging of open claims", aging_cold, aging_warm, 100)
    _report("remittance matching, 30 days", match_cold, match_warm, 100)
    _report("remittance matching, the year", year_cold, year_warm, 100)
    print(
        f"  busiest sampled day {busiest}: {example.direct_pay_visits} visits,"
        f" {example.claims_total} claims, billed {example.billed_fen} fen"
    )
    buckets = ", ".join(
        f"{b.first_day}-{b.last_day if b.last_day is not None else ''}: {b.claims}"
        for b in open_claims.buckets
    )
    print(f"  open claims as of {last}: {open_claims.claims} ({buckets})")
    print(
        f"  the year's remittances: {year.remittances}, {year.details} details,"
        f" {year.matched} matched, {len(year.findings)} findings"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journal", type=Path, default=Path("out/bench-year.sqlite3"))
    parser.add_argument("--visits", type=int, default=110_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args(argv)
    plan = YearPlan(date(2025, 1, 1), args.days, args.visits, args.seed)
    if args.regenerate:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.journal}{suffix}").unlink(missing_ok=True)
    if not args.journal.exists():
        args.journal.parent.mkdir(parents=True, exist_ok=True)
        print(f"writing {plan.visits} visits over {plan.days} days to {args.journal}")
        generate(args.journal, plan)
    size = sum(p.stat().st_size for p in args.journal.parent.glob(args.journal.name + "*"))
    print(f"journal {args.journal}: {size / 2**20:.0f} MiB")
    measure(args.journal, plan, args.samples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
