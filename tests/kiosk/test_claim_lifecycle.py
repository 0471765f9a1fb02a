"""After the signature, against the real sandbox: the desk's outbox follows each claim through the
insurer's review and payment runs (`kiosk-sandbox settle`), a rejection after review greys the
family's card until they pay it in the e-card app, and the insurer's remittances are matched to
the claims, a mismatched one reported with what to do.

Each test has a sandbox of its own: a payment run reviews and pays every claim it holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from insurer_sandbox.demo import DEMO_CLINIC_ID, DEMO_MEMBER_BY_STATE
from insurer_sandbox.server import SandboxProcess
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import CardStatus, ClaimStatus, EligibilityByLookup, PaymentPart
from kiosk.journal import ClaimState, ClaimSubmitter, Journal
from kiosk.journal.remittances import record_remittances
from kiosk.receivables import RemittanceProblem, match_remittances, receivables
from kiosk.reconciliation import Action
from kiosk.reports import ClaimCategory, claim_lines
from tests.clinic_day import DAY, bill_of, present, sign
from tests.waiting import wait_until

NEXT_DAY = DAY + timedelta(days=1)
DAY_AFTER = DAY + timedelta(days=2)
WEEK_AFTER = DAY + timedelta(days=7)


@pytest.fixture
def insurer(
    fresh_sandbox: SandboxProcess, fresh_sandbox_device_key: str
) -> Iterator[InsurerClient]:
    with InsurerClient(fresh_sandbox.url, fresh_sandbox_device_key) as client:
        yield client


@pytest.fixture
def outbox(journal: Journal, insurer: InsurerClient) -> Iterator[ClaimSubmitter]:
    submitter = ClaimSubmitter(journal, insurer)
    submitter.start()
    yield submitter
    submitter.stop()


def accepted(journal: Journal, insurer: InsurerClient, outbox: ClaimSubmitter, state: str) -> int:
    """A demo member's visit billed on the insurer's estimate, signed and sent: its claim id."""
    bill = bill_of(DEMO_MEMBER_BY_STATE[state].member_id, DAY, [("GP001", 1), ("LAB001", 1)])
    presented = present(journal, bill, insurer.estimate(bill))
    sign(journal, presented, 3)
    claim = journal.claim_for_bill(presented.bill_id)
    assert claim is not None
    outbox.wake()
    wait_until(lambda: journal.claim(claim.id).state is ClaimState.SENT, 15, "the claim sent")
    assert journal.claim(claim.id).insurer_status is ClaimStatus.ACCEPTED
    return claim.id


def ask_statuses(outbox: ClaimSubmitter) -> None:
    """What the outbox does on its own, spaced out over hours: now."""
    outbox.check_claim_statuses()
    assert outbox.pass_now(15), "the outbox asked the insurer"


def category(journal: Journal, claim_id: int) -> ClaimCategory:
    [line] = [x for x in claim_lines(journal, DAY) if x.claim_id == claim_id]
    return line.category


def lookup(state: str) -> EligibilityByLookup:
    member = DEMO_MEMBER_BY_STATE[state]
    return EligibilityByLookup(
        policy_number=member.policy_number,
        child_name=member.child_name,
        guardian_phone=member.guardian_phone,
    )


def fetched_remittances(journal: Journal, insurer: InsurerClient) -> None:
    listing = insurer.remittances(DAY, WEEK_AFTER)
    with journal.transaction(actor="manager") as tx:
        record_remittances(tx, listing)


def test_the_outbox_follows_a_claim_from_accepted_to_reviewed_to_paid(
    journal, insurer, outbox, fresh_sandbox
):
    claim_id = accepted(journal, insurer, outbox, "active_standard")
    covered = journal.claim(claim_id).covered_fen
    assert covered and covered > 0
    open_before = receivables(journal, DAY, first=DAY).aging
    assert (open_before.claims, open_before.amount_fen) == (1, covered)

    fresh_sandbox.settle(NEXT_DAY, review_share=0)
    ask_statuses(outbox)
    assert journal.claim(claim_id).insurer_status is ClaimStatus.ADJUDICATED
    assert category(journal, claim_id) is ClaimCategory.ADJUDICATED
    [bucket, *_] = receivables(journal, NEXT_DAY, first=DAY).aging.buckets
    assert (bucket.claims, bucket.reviewed, bucket.amount_fen) == (1, 1, covered)

    fresh_sandbox.settle(DAY_AFTER, review_share=0)
    ask_statuses(outbox)
    assert journal.claim(claim_id).insurer_status is ClaimStatus.PAID
    assert category(journal, claim_id) is ClaimCategory.PAID
    after = receivables(journal, DAY_AFTER, first=DAY)
    assert after.aging.claims == 0, "a paid claim is owed nothing"
    [day] = after.days
    assert (day.expected_fen, day.paid_fen, day.outstanding_fen) == (covered, covered, 0)
    changes = [e for e in journal.audit_entries() if e.action == "claim.status"]
    assert [e.subject for e in changes] == [f"claim:{claim_id}"] * 2, "each change audited once"

    fetched_remittances(journal, insurer)
    matched = match_remittances(journal, DAY, DAY_AFTER)
    assert (matched.remittances, matched.details, matched.matched) == (1, 1, 1)
    assert matched.findings == () and matched.paid_fen == covered

    ask_statuses(outbox)
    assert len([e for e in journal.audit_entries() if e.action == "claim.status"]) == 2, (
        "a settled claim is asked about no more"
    )


def test_a_rejection_after_review_greys_the_card_until_the_family_pays_it(
    journal, insurer, outbox, fresh_sandbox
):
    claim_id = accepted(journal, insurer, outbox, "active_plus")
    covered = journal.claim(claim_id).covered_fen
    insurer_claim_id = journal.claim(claim_id).insurer_claim_id
    assert covered and insurer_claim_id
    assert insurer.eligibility_by_lookup(lookup("active_plus")).status is CardStatus.ACTIVE

    fresh_sandbox.settle(NEXT_DAY, reject=[insurer_claim_id], review_share=0)
    ask_statuses(outbox)
    assert category(journal, claim_id) is ClaimCategory.REJECTED
    families = receivables(journal, NEXT_DAY, first=DAY).families
    [owed] = families.after_review
    assert (owed.claim_id, owed.amount_fen) == (claim_id, covered)
    greyed = insurer.eligibility_by_lookup(lookup("active_plus"))
    assert greyed.status is CardStatus.GREYED_UNPAID
    assert greyed.unpaid is not None and greyed.unpaid.amount_fen == covered

    fresh_sandbox.pay_balance(DEMO_MEMBER_BY_STATE["active_plus"].member_id)
    assert insurer.eligibility_by_lookup(lookup("active_plus")).status is CardStatus.ACTIVE
    fresh_sandbox.settle(DAY_AFTER, review_share=0)
    ask_statuses(outbox)
    assert receivables(journal, DAY_AFTER, first=DAY).families.after_review == ()
    fetched_remittances(journal, insurer)
    matched = match_remittances(journal, DAY, DAY_AFTER)
    assert (matched.details, matched.matched, matched.paid_fen) == (1, 1, covered), (
        "the family's payment reaches the clinic in the insurer's next remittance"
    )


def test_a_remittance_that_pays_another_amount_or_another_claim_is_a_finding(
    journal, insurer, outbox, fresh_sandbox
):
    claim_id = accepted(journal, insurer, outbox, "active_standard")
    claim = journal.claim(claim_id)
    assert claim.covered_fen and claim.insurer_claim_id
    fresh_sandbox.settle(NEXT_DAY, review_share=0)
    fresh_sandbox.settle(DAY_AFTER, review_share=0)
    [remittance] = insurer.remittances(DAY, DAY_AFTER).remittances
    fresh_sandbox.plant_remittance_detail(
        remittance.remittance_id,
        claim.insurer_claim_id,
        claim.idempotency_key,
        PaymentPart.INSURER_SHARE,
        claim.covered_fen - 1_200,
    )
    fresh_sandbox.plant_remittance_detail(
        remittance.remittance_id,
        "CLM-FROM-ELSEWHERE",
        "k" * 24,
        PaymentPart.INSURER_SHARE,
        8_800,
    )
    fetched_remittances(journal, insurer)
    matched = match_remittances(journal, DAY, DAY_AFTER)
    assert matched.matched == 0
    by_problem = {f.problem: f for f in matched.findings}
    assert set(by_problem) == {RemittanceProblem.NO_SUCH_CLAIM, RemittanceProblem.AMOUNT_DIFFERS}
    short = by_problem[RemittanceProblem.AMOUNT_DIFFERS]
    assert (short.invoice_no, short.difference_fen, short.action) == (
        claim.clinic_invoice_no,
        -1_200,
        Action.ASK_FOR_THE_REST,
    )
    stranger = by_problem[RemittanceProblem.NO_SUCH_CLAIM]
    assert (stranger.insurer_claim_id, stranger.paid_fen, stranger.action) == (
        "CLM-FROM-ELSEWHERE",
        8_800,
        Action.FIND_SOURCE_DESK,
    )


def test_a_remittance_corrected_or_paid_again_is_matched_as_it_now_stands(
    journal, insurer, outbox, fresh_sandbox
):
    claim_id = accepted(journal, insurer, outbox, "active_standard")
    claim = journal.claim(claim_id)
    assert claim.covered_fen and claim.insurer_claim_id
    fresh_sandbox.settle(NEXT_DAY, review_share=0)
    fresh_sandbox.settle(DAY_AFTER, review_share=0)
    [paid] = insurer.remittances(DAY, DAY_AFTER).remittances
    short = (claim.insurer_claim_id, claim.idempotency_key, PaymentPart.INSURER_SHARE)
    fresh_sandbox.plant_remittance_detail(paid.remittance_id, *short, claim.covered_fen - 700)
    fetched_remittances(journal, insurer)
    assert receivables(journal, DAY_AFTER, first=DAY).days[0].paid_fen == claim.covered_fen - 700

    # The insurer corrects its remittance: fetched again, it matches, and the claim is paid in full.
    fresh_sandbox.plant_remittance_detail(paid.remittance_id, *short, claim.covered_fen)
    fetched_remittances(journal, insurer)
    matched = match_remittances(journal, DAY, DAY_AFTER)
    assert (matched.matched, matched.findings) == (1, ())
    assert receivables(journal, DAY_AFTER, first=DAY).days[0].paid_fen == claim.covered_fen

    # A later remittance pays the same claim again: that one is the finding, not the first.
    again = "RMT-AGAIN-0001"
    fresh_sandbox.plant_remittance_detail(
        again, *short, claim.covered_fen, clinic_id=DEMO_CLINIC_ID, payment_date=WEEK_AFTER
    )
    fetched_remittances(journal, insurer)
    [twice] = match_remittances(journal, DAY, WEEK_AFTER).findings
    assert (twice.problem, twice.remittance_id, twice.action) == (
        RemittanceProblem.PAID_TWICE,
        again,
        Action.RETURN_THE_EXTRA,
    )
