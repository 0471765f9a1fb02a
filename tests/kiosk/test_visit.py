"""The visit workflow: only the transitions a person can make, and nothing left after clearing."""

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from kiosk.assessment import Caution, Verdict, assess
from kiosk.billing import ShownBill
from kiosk.desk import PresentedBill, present_bill, record_payment, sign_and_queue
from kiosk.insurer.models import (
    AdjudicatedLine,
    Adjudication,
    BenefitBalance,
    CardStatus,
    Coverage,
    CumulativeCost,
    Eligibility,
    ItemCategory,
    Member,
    PlanTier,
    PreAuth,
    PreAuthGrant,
    PreAuthStatus,
    Reason,
    UnpaidBalance,
    VisitType,
)
from kiosk.journal import ClaimState, Journal, PaymentMethod
from kiosk.scan.source import ScanSource
from kiosk.signature import Point, Signature
from kiosk.visit import UNIDENTIFIED_MEMBER, Step, TransitionError, Visit

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def scrawl() -> Signature:
    """A signature-like zigzag across most of a 600x200 pad."""
    points = tuple(Point(20 + 25 * i, 40 + (i % 2) * 120, 30 * i) for i in range(20))
    return Signature((points,), 600, 200)


def shown(visit: Visit) -> PresentedBill:
    bill = ShownBill(visit.bill(), visit.adjudication, clinic="Demo", invoice_no="INV-1")
    return PresentedBill(journal_visit_id=1, bill_id=1, shown=bill)


def eligibility(**changes) -> Eligibility:
    base = {
        "status": CardStatus.ACTIVE,
        "direct_billing": True,
        "clinic_id": "clinic-1",
        "in_network": True,
        "member": Member(
            member_id="M-1",
            name_masked="王**",
            birth_year=2020,
            guardian_phone_masked="138****0000",
        ),
        "coverage": Coverage(
            policy_number="P1",
            plan_tier=PlanTier.STANDARD,
            period_start=date(2026, 1, 1),
            period_end=date(2026, 12, 31),
        ),
        "free_visits_total": 5,
        "free_visits_remaining": 3,
        "checked_at": NOW,
    }
    return Eligibility(**{**base, **changes})


def adjudication(*lines: tuple[int, int, int, Reason]) -> Adjudication:
    adjudicated = [
        AdjudicatedLine(line_no=n, submitted_fen=c + p, covered_fen=c, patient_fen=p, reason=reason)
        for n, c, p, reason in lines
    ]
    return Adjudication.of(adjudicated, free_visit_used=True)


def at_bill() -> Visit:
    visit = Visit(today=lambda: date(2026, 3, 2))
    visit_id = visit.begin_check(ScanSource.CAMERA)
    assert visit.show_eligibility(visit_id, eligibility())
    visit.start_bill()
    return visit


def consult(visit: Visit, quantity: int = 1):
    return visit.add_line(
        item_code="C001",
        description="Consultation",
        category=ItemCategory.CONSULTATION,
        unit_price_fen=30000,
        quantity=quantity,
    )


def test_a_covered_visit_walks_scan_to_done_and_the_claim_is_stored_before_anything_is_sent(
    tmp_path,
):
    visit = at_bill()
    line = consult(visit)
    assert visit.adjudication is None and not visit.ready_to_sign
    assert visit.record_estimate(
        visit.visit_id, visit.revision, adjudication((line.line_no, 20000, 10000, Reason.COVERED))
    )
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        presented = present_bill(
            journal, visit.bill(), visit.adjudication, clinic="Demo Clinic", names_en={}
        )
        assert visit.present_for_signature(visit.visit_id, visit.revision, presented)
        with pytest.raises(TransitionError):
            visit.sign("b" * 64, scrawl(), NOW)
        signed = visit.sign(presented.bill_hash, scrawl(), NOW)
        assert signed.bill.lines[0].item_code == "C001"
        claim = sign_and_queue(journal, presented, signed.signature, NOW)
        assert visit.complete(visit.visit_id, claim)
        assert visit.step is Step.DONE
        stored = journal.claim(claim.id)
        assert stored.state is ClaimState.WAITING
        assert stored.submission().bill_hash == presented.bill_hash
        assert stored.submission().expected_covered_fen == 20000
        visit.record_payment(PaymentMethod.WECHAT)
        record_payment(journal, presented, PaymentMethod.WECHAT, 10000)
        assert [p.amount_fen for p in journal.payments(presented.journal_visit_id)] == [10000]


def test_a_fully_covered_bill_has_nothing_to_pay(tmp_path):
    visit = at_bill()
    line = consult(visit)
    visit.record_estimate(
        visit.visit_id, visit.revision, adjudication((line.line_no, 30000, 0, Reason.COVERED))
    )
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        presented = present_bill(journal, visit.bill(), visit.adjudication, clinic="Demo")
        visit.present_for_signature(visit.visit_id, visit.revision, presented)
        signed = visit.sign(presented.bill_hash, scrawl(), NOW)
        visit.complete(visit.visit_id, sign_and_queue(journal, presented, signed.signature, NOW))
    with pytest.raises(TransitionError, match="nothing to pay"):
        visit.record_payment(PaymentMethod.CASH)


def test_a_claim_cannot_be_queued_for_a_scribble(tmp_path):
    visit = at_bill()
    line = consult(visit)
    visit.record_estimate(
        visit.visit_id, visit.revision, adjudication((line.line_no, 30000, 0, Reason.COVERED))
    )
    tick = Signature(((Point(10, 10, 0), Point(30, 12, 20)),), 600, 200)
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        presented = present_bill(journal, visit.bill(), visit.adjudication, clinic="Demo")
        with pytest.raises(ValueError, match="not a signature"):
            sign_and_queue(journal, presented, tick, NOW)
        assert journal.claims() == []


def test_an_estimate_for_lines_that_changed_since_is_dropped():
    visit = at_bill()
    line = consult(visit)
    old_revision = visit.revision
    visit.set_quantity(line.line_no, 2)
    stale = adjudication((line.line_no, 30000, 0, Reason.COVERED))
    assert not visit.record_estimate(visit.visit_id, old_revision, stale)
    assert visit.adjudication is None and not visit.ready_to_sign


def test_adding_the_same_item_raises_its_quantity_and_bad_quantities_are_refused():
    visit = at_bill()
    consult(visit)
    again = consult(visit, quantity=2)
    assert len(visit.lines) == 1 and again.quantity == 3
    with pytest.raises(ValidationError):
        visit.set_quantity(again.line_no, 0)
    assert visit.lines[0].quantity == 3


def test_a_late_eligibility_answer_for_a_cancelled_visit_changes_nothing():
    visit = Visit()
    first = visit.begin_check(ScanSource.SCANNER)
    visit.clear()
    assert not visit.show_eligibility(first, eligibility())
    assert visit.step is Step.SCAN and visit.eligibility is None


def test_a_red_card_cannot_start_a_bill():
    visit = Visit()
    visit_id = visit.begin_check(ScanSource.LOOKUP)
    greyed = eligibility(
        status=CardStatus.GREYED_UNPAID,
        direct_billing=False,
        unpaid=UnpaidBalance(amount_fen=12345, claim_ref="C-9"),
    )
    visit.show_eligibility(visit_id, greyed)
    with pytest.raises(TransitionError):
        visit.start_bill()
    assert visit.step is Step.ELIGIBILITY


def test_back_from_sign_drops_the_signature_and_clear_forgets_everything():
    visit = at_bill()
    line = consult(visit)
    visit.record_estimate(
        visit.visit_id, visit.revision, adjudication((line.line_no, 20000, 10000, Reason.COVERED))
    )
    visit.present_for_signature(visit.visit_id, visit.revision, shown(visit))
    visit.sign(visit.presented_hash, scrawl(), NOW)
    visit.back()
    assert visit.step is Step.BILL and visit.signed is None and visit.presented_hash is None
    old_id = visit.visit_id
    visit.clear()
    assert visit.step is Step.SCAN and visit.visit_id != old_id
    assert visit.eligibility is None and visit.lines == () and visit.adjudication is None


def test_observers_see_every_step_and_forbidden_jumps_raise():
    visit = Visit()
    seen: list[tuple[Step, Step]] = []
    visit.observe(lambda old, new: seen.append((old, new)))
    with pytest.raises(TransitionError):
        visit.start_bill()
    visit_id = visit.begin_check(ScanSource.CAMERA)
    visit.check_failed(visit_id)
    assert seen == [(Step.SCAN, Step.CHECKING), (Step.CHECKING, Step.SCAN)]


@pytest.mark.parametrize(
    ("changes", "verdict", "cautions"),
    [
        ({}, Verdict.GREEN, ()),
        ({"free_visits_remaining": 0}, Verdict.AMBER, (Caution.FREE_VISITS_USED_UP,)),
        (
            {"status": CardStatus.EXPIRED, "direct_billing": False},
            Verdict.RED,
            (Caution.EXPIRED,),
        ),
        ({"in_network": False, "direct_billing": False}, Verdict.RED, (Caution.NOT_IN_NETWORK,)),
        (
            {"status": CardStatus.NOT_YET_IN_FORCE, "direct_billing": False},
            Verdict.RED,
            (Caution.NOT_YET_IN_FORCE,),
        ),
        (
            {"status": CardStatus.NOT_FOUND, "direct_billing": False, "in_network": False},
            Verdict.RED,
            (Caution.NOT_FOUND,),
        ),
    ],
)
def test_the_one_glance_answer(changes, verdict, cautions):
    assessment = assess(eligibility(**changes))
    assert assessment.verdict is verdict and assessment.cautions == cautions


def test_a_pending_preauth_or_an_exhausted_benefit_makes_the_card_amber():
    pending = PreAuth(
        preauth_id="PA1",
        member_id="M-1",
        item_code="MRI",
        description="MRI",
        category=ItemCategory.EXAM,
        planned_date=date(2026, 3, 20),
        diagnosis="x",
        estimated_cost_fen=600000,
        status=PreAuthStatus.PENDING,
        requested_at=NOW,
    )
    spent = BenefitBalance(
        benefit="outpatient", annual_limit_fen=100, used_fen=100, remaining_fen=0
    )
    assessment = assess(eligibility(preauths=[pending], balances=[spent]))
    assert assessment.verdict is Verdict.AMBER
    assert assessment.cautions == (Caution.PREAUTH_PENDING, Caution.BENEFIT_EXHAUSTED)


def test_a_bill_the_insurer_pays_nothing_on_goes_to_done_without_a_signature():
    visit = at_bill()
    line = consult(visit)
    visit.record_estimate(
        visit.visit_id, visit.revision, adjudication((line.line_no, 0, 30000, Reason.NOT_COVERED))
    )
    with pytest.raises(TransitionError):
        visit.present_for_signature(visit.visit_id, visit.revision, shown(visit))
    assert visit.finish_self_pay(visit.visit_id, visit.revision, shown(visit))
    assert visit.step is Step.DONE and visit.self_pay and visit.signed is None


def at_refusal(**changes) -> Visit:
    visit = Visit(today=lambda: date(2026, 3, 2))
    visit_id = visit.begin_check(ScanSource.CAMERA)
    assert visit.show_eligibility(visit_id, eligibility(direct_billing=False, **changes))
    return visit


def test_a_refused_card_goes_on_only_as_a_self_pay_visit_priced_at_the_desk():
    visit = at_refusal(status=CardStatus.EXPIRED)
    with pytest.raises(TransitionError):
        visit.start_bill()
    visit.start_self_pay()
    line = consult(visit, quantity=2)
    assert line.preauth_id is None
    adjudication = visit.estimate_at_desk()
    assert adjudication.total_covered_fen == 0 and adjudication.total_patient_fen == 60000
    assert adjudication.lines[0].reason is Reason.SELF_PAY
    assert not adjudication.free_visit_used
    with pytest.raises(TransitionError):  # nothing to sign, ever
        visit.present_for_signature(visit.visit_id, visit.revision, shown(visit))
    assert visit.finish_self_pay(visit.visit_id, visit.revision, shown(visit))
    assert visit.step is Step.DONE and visit.self_pay


def test_self_pay_lines_outside_the_network_say_so_and_an_unknown_card_has_no_member():
    outside = at_refusal(in_network=False)
    outside.start_self_pay()
    consult(outside)
    assert outside.estimate_at_desk().lines[0].reason is Reason.OUT_OF_NETWORK
    unknown = at_refusal(status=CardStatus.NOT_FOUND, in_network=False, member=None)
    unknown.start_self_pay()
    consult(unknown)
    assert unknown.bill().member_id == UNIDENTIFIED_MEMBER
    assert unknown.estimate_at_desk().lines[0].reason is Reason.SELF_PAY


def test_a_card_that_can_be_direct_billed_is_not_turned_into_a_self_pay_visit():
    visit = Visit(today=lambda: date(2026, 3, 2))
    assert visit.show_eligibility(visit.begin_check(ScanSource.CAMERA), eligibility())
    with pytest.raises(TransitionError):
        visit.start_self_pay()
    visit.start_bill()
    consult(visit)
    with pytest.raises(TransitionError):
        visit.estimate_at_desk()


def _year(billed_fen: int) -> CumulativeCost:
    return CumulativeCost(
        billed_fen=billed_fen, threshold_fen=3_000_000, policy_year_start=date(2026, 1, 1)
    )


@pytest.mark.parametrize(
    ("billed_fen", "cautions"),
    [
        (2_499_999, ()),
        (2_500_000, (Caution.PREAUTH_THRESHOLD_NEAR,)),
        (3_000_000, (Caution.PREAUTH_THRESHOLD_NEAR,)),
        (3_000_001, (Caution.PREAUTH_THRESHOLD_PASSED,)),
    ],
)
def test_reception_hears_of_the_30000_rule_at_eligibility_not_at_the_bill(billed_fen, cautions):
    """Within CNY 5,000 of "累计医疗费用超过3万元" the card is amber; over it, amber and says so
    (超过: exactly 30,000 is not over)."""
    assessment = assess(eligibility(cumulative=_year(billed_fen)))
    assert assessment.cautions == cautions
    assert assessment.verdict is (Verdict.AMBER if cautions else Verdict.GREEN)


def _approval(**grant_changes) -> PreAuth:
    grant = {
        "auth_number": "GL-2026-000001",
        "approved_fen": 1_800_000,
        "valid_from": date(2026, 3, 1),
        "valid_until": date(2026, 3, 31),
        "uses_allowed": 1,
        "item_codes": ["SURG-TONSIL"],
        "uses_left": 1,
        "amount_left_fen": 1_800_000,
    }
    return PreAuth(
        preauth_id="PA-1",
        member_id="M-1",
        item_code="SURG-TONSIL",
        description="Tonsillectomy",
        category=ItemCategory.SURGERY,
        planned_date=date(2026, 3, 2),
        diagnosis="J35.0",
        estimated_cost_fen=1_800_000,
        status=PreAuthStatus.APPROVED,
        requested_at=NOW,
        grant=PreAuthGrant(**{**grant, **grant_changes}),
    )


@pytest.mark.parametrize(
    ("grant_changes", "usable"),
    [
        ({}, True),
        ({"uses_left": 0}, False),
        ({"amount_left_fen": 0}, False),
        ({"valid_from": date(2026, 3, 3)}, False),
        ({"valid_until": date(2026, 3, 1), "valid_from": date(2026, 2, 1)}, False),
        ({"item_codes": ["EXAM-MRI"]}, False),
        ({"item_codes": [], "categories": [ItemCategory.SURGERY]}, True),
    ],
)
def test_a_line_names_an_approval_only_when_it_can_pay_today(grant_changes, usable):
    visit = Visit(today=lambda: date(2026, 3, 2))
    visit_id = visit.begin_check(ScanSource.CAMERA)
    visit.show_eligibility(visit_id, eligibility(preauths=[_approval(**grant_changes)]))
    expected = "PA-1" if usable else None
    assert visit.approved_preauth("SURG-TONSIL", ItemCategory.SURGERY) == expected


def test_an_emergency_visit_says_so_on_the_bill_and_asks_for_a_new_estimate():
    visit = at_bill()
    consult(visit)
    visit.record_estimate(
        visit.visit_id, visit.revision, adjudication((1, 30000, 0, Reason.COVERED))
    )
    assert visit.bill().visit_type is VisitType.OUTPATIENT and visit.adjudication is not None
    visit.set_emergency(True)
    assert visit.bill().visit_type is VisitType.EMERGENCY
    assert visit.adjudication is None, "the estimate was for an outpatient bill"
    visit.clear()
    assert visit.visit_type is VisitType.OUTPATIENT


@pytest.mark.parametrize(
    ("remaining_fen", "cautions"),
    [
        (500_001, ()),
        (500_000, (Caution.BENEFIT_LOW,)),
        (1, (Caution.BENEFIT_LOW,)),
        (0, (Caution.BENEFIT_EXHAUSTED,)),
    ],
)
def test_a_nearly_used_up_limit_is_said_before_the_bill(remaining_fen, cautions):
    """An approval does not pay above the benefit's annual limit: CNY 5,000 or less left is
    worth a word at eligibility."""
    balance = BenefitBalance(
        benefit="outpatient_emergency",
        annual_limit_fen=10_000_000,
        used_fen=10_000_000 - remaining_fen,
        remaining_fen=remaining_fen,
    )
    assert assess(eligibility(balances=[balance])).cautions == cautions


@pytest.mark.parametrize(
    ("grant_changes", "spent"),
    [
        ({}, False),
        ({"uses_left": 0}, True),
        ({"amount_left_fen": 0}, True),
        ({"valid_from": date(2026, 2, 1), "valid_until": date(2026, 3, 1)}, True),
        ({"valid_from": date(2026, 3, 10)}, False),
    ],
)
def test_an_approval_that_can_pay_nothing_more_turns_the_card_amber(grant_changes, spent):
    """Checked on 2026-03-02: used up, nothing left or past its last day is spent; one that
    starts later is not."""
    assessment = assess(eligibility(preauths=[_approval(**grant_changes)]))
    assert (Caution.PREAUTH_NO_LONGER_VALID in assessment.cautions) is spent
