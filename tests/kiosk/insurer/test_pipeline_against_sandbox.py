"""The whole insurer conversation of a visit, through the kiosk's own client, against the real
sandbox on loopback, for every demo member state:

e-card token → offline verify → eligibility → estimate → claim → claim status → daily statement.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from insurer_sandbox.demo import (
    DEMO_CLINIC_ID,
    DEMO_MEMBER_BY_STATE,
    PLUS_ONLY_CLINIC_ID,
)
from insurer_sandbox.server import SandboxProcess, create_device_key
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk import ecard
from kiosk.billing import ShownBill
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.errors import InsurerRejected
from kiosk.insurer.models import (
    Adjudication,
    Bill,
    BillLine,
    CardStatus,
    ClaimStatus,
    ClaimSubmission,
    EligibilityByLookup,
    ItemCategory,
    Reason,
    SignatureEvidence,
)
from launchers.demo import fresh_token


def client_for(insurer: SandboxProcess, clinic_id: str) -> InsurerClient:
    return InsurerClient(insurer.url, create_device_key(insurer.data_dir, clinic_id))


@pytest.fixture(scope="module")
def desk(own_sandbox: SandboxProcess) -> Iterator[InsurerClient]:
    """The demo clinic's kiosk, on a sandbox of this module's own: demo balances as seeded."""
    with client_for(own_sandbox, DEMO_CLINIC_ID) as client:
        yield client


@pytest.fixture(scope="module")
def plus_desk(own_sandbox: SandboxProcess) -> Iterator[InsurerClient]:
    with client_for(own_sandbox, PLUS_ONLY_CLINIC_ID) as client:
        yield client


def member_app_token(state: str) -> str:
    """What the member's phone shows: a fresh token signed with the insurer's current key."""
    return fresh_token(DEMO_MEMBER_BY_STATE[state])


def today():
    return datetime.now(UTC).astimezone(BUSINESS_TZ).date()


def visit_bill(member_id: str) -> Bill:
    """A common visit: consultation, blood test, and a certificate the plan never covers."""
    return Bill(
        member_id=member_id,
        service_date=today(),
        lines=[
            BillLine(
                line_no=1,
                item_code="CONS-GP",
                description="儿科普通门诊 Paediatric consultation",
                category=ItemCategory.CONSULTATION,
                quantity=1,
                unit_price_fen=30_000,
            ),
            BillLine(
                line_no=2,
                item_code="LAB-CBC",
                description="血常规 Complete blood count",
                category=ItemCategory.EXAM,
                quantity=1,
                unit_price_fen=8_000,
            ),
            BillLine(
                line_no=3,
                item_code="ADM-CERT",
                description="病假证明 Sick-leave certificate",
                category=ItemCategory.NON_MEDICAL,
                quantity=1,
                unit_price_fen=2_000,
            ),
        ],
    )


def signed(bill: Bill, estimate: Adjudication, invoice_no: str | None = None) -> ClaimSubmission:
    """The claim the desk queues once the family signed the bill shown with `estimate`."""
    shown = ShownBill(
        bill,
        estimate,
        clinic="和悦儿童诊所",
        invoice_no=invoice_no or f"INV-{secrets.token_hex(4)}",
        names_en={"CONS-GP": "Paediatric consultation"},
    )
    evidence = SignatureEvidence(
        bill_hash=shown.hash,
        strokes_sha256=hashlib.sha256(b"strokes of a real signature").hexdigest(),
        point_count=140,
        signed_at=datetime.now(UTC),
    )
    return ClaimSubmission(
        bill=bill,
        bill_hash=shown.hash,
        signature=evidence,
        expected_covered_fen=shown.totals.covered_fen,
        clinic_invoice_no=shown.invoice_no,
        shown=shown.shown_to_family(),
    )


@dataclass(frozen=True)
class Expected:
    status: CardStatus
    direct_billing: bool
    lines: list[tuple[int, int, Reason]]


FREE = Reason.COVERED
COPAY = Reason.COPAY_AFTER_FREE_VISITS
EXPECTED = {
    "active_standard": Expected(
        CardStatus.ACTIVE, True, [(30_000, 0, FREE), (8_000, 0, FREE), (0, 2_000, "not-covered")]
    ),
    "active_plus": Expected(
        CardStatus.ACTIVE, True, [(30_000, 0, FREE), (8_000, 0, FREE), (0, 2_000, "not-covered")]
    ),
    "free_visits_used_up": Expected(
        CardStatus.ACTIVE,
        True,
        [(15_000, 15_000, COPAY), (4_000, 4_000, COPAY), (0, 2_000, "not-covered")],
    ),
    "plus_free_visits_used_up": Expected(
        CardStatus.ACTIVE,
        True,
        [(10_000, 20_000, COPAY), (8_000, 0, FREE), (0, 2_000, "not-covered")],
    ),
    "preauth_approved": Expected(
        CardStatus.ACTIVE, True, [(30_000, 0, FREE), (8_000, 0, FREE), (0, 2_000, "not-covered")]
    ),
    "preauth_pending": Expected(
        CardStatus.ACTIVE, True, [(30_000, 0, FREE), (8_000, 0, FREE), (0, 2_000, "not-covered")]
    ),
}


@pytest.mark.parametrize("state", sorted(EXPECTED))
def test_covered_visit_from_token_to_statement(desk, state):
    member = DEMO_MEMBER_BY_STATE[state]
    expected = EXPECTED[state]

    keys = {k.kid: ecard.public_key_from_b64(k.public_key) for k in desk.signing_keys().keys}
    card = ecard.verify(member_app_token(state), keys, datetime.now(UTC))
    assert card.member_id == member.member_id

    eligibility = desk.eligibility_by_token(member_app_token(state))
    assert (eligibility.status, eligibility.direct_billing) == (
        expected.status,
        expected.direct_billing,
    )
    assert eligibility.member is not None
    assert eligibility.member.member_id == member.member_id
    assert member.child_name not in eligibility.member.name_masked
    assert member.guardian_phone not in eligibility.member.guardian_phone_masked

    bill = visit_bill(member.member_id)
    estimate = desk.estimate(bill)
    assert [(x.covered_fen, x.patient_fen, x.reason) for x in estimate.lines] == expected.lines
    covered = sum(x[0] for x in expected.lines)
    assert estimate.total_covered_fen == covered
    assert estimate.total_patient_fen == 40_000 - covered

    submission = signed(bill, estimate)
    key = secrets.token_urlsafe(24)
    result = desk.submit_claim(submission, key)
    assert result.status == ClaimStatus.ACCEPTED
    assert result.adjudication.total_covered_fen == covered
    assert desk.claim(result.claim_id) == result

    statement = desk.daily_statement(today())
    line = next(x for x in statement.claims if x.claim_id == result.claim_id)
    assert (line.idempotency_key, line.total_covered_fen, line.total_patient_fen) == (
        key,
        covered,
        40_000 - covered,
    )


@pytest.mark.parametrize(
    ("state", "status"),
    [("greyed_unpaid", CardStatus.GREYED_UNPAID), ("expired", CardStatus.EXPIRED)],
)
def test_card_that_cannot_be_direct_billed_is_said_so_and_covers_nothing(desk, state, status):
    member = DEMO_MEMBER_BY_STATE[state]
    eligibility = desk.eligibility_by_token(member_app_token(state))
    assert eligibility.status == status
    assert eligibility.direct_billing is False
    if status == CardStatus.GREYED_UNPAID:
        assert eligibility.unpaid is not None
        assert eligibility.unpaid.amount_fen == member.unpaid_fen == 35_600
    assert desk.estimate(visit_bill(member.member_id)).total_covered_fen == 0


def test_standard_member_at_the_plus_only_clinic_is_out_of_network(plus_desk):
    member = DEMO_MEMBER_BY_STATE["out_of_network"]
    eligibility = plus_desk.eligibility_by_token(member_app_token("out_of_network"))
    assert eligibility.status == CardStatus.ACTIVE
    assert (eligibility.in_network, eligibility.direct_billing) == (False, False)
    with pytest.raises(InsurerRejected) as refused:
        plus_desk.estimate(visit_bill(member.member_id))
    assert refused.value.code == "member-not-eligible"


def test_near_annual_limit_shows_the_remaining_limit(desk):
    eligibility = desk.eligibility_by_token(member_app_token("near_annual_limit"))
    outpatient = next(b for b in eligibility.balances if b.benefit == "outpatient_emergency")
    assert outpatient.remaining_fen == 100_000
    assert outpatient.used_fen + outpatient.remaining_fen == outpatient.annual_limit_fen


def test_manual_lookup_finds_the_same_member_as_the_card(desk):
    member = DEMO_MEMBER_BY_STATE["active_plus"]
    lookup = EligibilityByLookup(
        policy_number=member.policy_number,
        child_name=member.child_name,
        guardian_phone=member.guardian_phone,
    )
    by_lookup = desk.eligibility_by_lookup(lookup)
    by_card = desk.eligibility_by_token(member_app_token("active_plus"))
    assert by_lookup.member == by_card.member
    wrong_phone = lookup.model_copy(update={"guardian_phone": "13900000000"})
    assert desk.eligibility_by_lookup(wrong_phone).status == CardStatus.NOT_FOUND


def test_same_claim_twice_is_one_claim_and_a_changed_body_is_refused(desk):
    member = DEMO_MEMBER_BY_STATE["active_plus"]
    bill = visit_bill(member.member_id)
    estimate = desk.estimate(bill)
    submission = signed(bill, estimate)
    key = secrets.token_urlsafe(24)
    first = desk.submit_claim(submission, key)
    again = desk.submit_claim(submission, key)
    assert again == first
    changed = signed(bill, estimate, invoice_no="INV-CHANGED")
    with pytest.raises(InsurerRejected) as info:
        desk.submit_claim(changed, key)
    assert info.value.code == "idempotency-conflict"
    claims = [x for x in desk.daily_statement(today()).claims if x.idempotency_key == key]
    assert len(claims) == 1


def test_a_claim_changed_after_the_family_signed_is_refused_by_the_insurer(desk):
    member = DEMO_MEMBER_BY_STATE["active_standard"]
    bill = visit_bill(member.member_id)
    submission = signed(bill, desk.estimate(bill))
    renamed = [
        line.model_copy(update={"description": "另一项 Something else"}) for line in bill.lines
    ]
    changed = submission.model_copy(update={"bill": bill.model_copy(update={"lines": renamed})})
    key = secrets.token_urlsafe(24)
    with pytest.raises(InsurerRejected) as refused:
        desk.submit_claim(changed, key)
    assert (refused.value.status, refused.value.code) == (422, "bill-hash-mismatch")
    assert not refused.value.retryable
    assert [x for x in desk.daily_statement(today()).claims if x.idempotency_key == key] == []


def threshold_bill(category: ItemCategory, unit_price_fen: int) -> Bill:
    """One line for the member CNY 1,500 short of the CNY 30,000 rule (no other test here bills
    them): a bill taking them over it needs a pre-auth for its exams."""
    return Bill(
        member_id=DEMO_MEMBER_BY_STATE["near_preauth_threshold"].member_id,
        service_date=today(),
        lines=[
            BillLine(
                line_no=1,
                item_code=f"{category.value.upper()}-1",
                description=f"{category.value} 1",
                category=category,
                quantity=1,
                unit_price_fen=unit_price_fen,
            )
        ],
    )


def test_a_claim_signed_on_an_estimate_gone_stale_is_refused_for_good_and_nothing_recorded(desk):
    exam = threshold_bill(ItemCategory.EXAM, 100_000)
    estimate = desk.estimate(exam)
    assert [(x.covered_fen, x.reason) for x in estimate.lines] == [(100_000, Reason.COVERED)]
    stale = signed(exam, estimate, invoice_no="INV-STALE")
    consultation = threshold_bill(ItemCategory.CONSULTATION, 100_000)
    other_desk = desk.submit_claim(
        signed(consultation, desk.estimate(consultation)), "other-desk-claim-0001"
    )
    assert other_desk.status is ClaimStatus.ACCEPTED
    key = secrets.token_urlsafe(24)

    with pytest.raises(InsurerRejected) as refused:
        desk.submit_claim(stale, key)

    assert (refused.value.status, refused.value.code) == (409, "adjudication-changed")
    assert not refused.value.retryable
    assert "line 1" in refused.value.message
    assert [x for x in desk.daily_statement(today()).claims if x.idempotency_key == key] == []
    again = desk.estimate(exam)
    assert [(x.covered_fen, x.reason) for x in again.lines] == [(0, Reason.PREAUTH_REQUIRED)]
    resigned = desk.submit_claim(signed(exam, again, invoice_no="INV-STALE"), key)
    assert (resigned.status, resigned.adjudication) == (ClaimStatus.ACCEPTED, again)


def test_a_corrected_claim_replaces_the_accepted_one_and_each_names_the_other(desk):
    member = DEMO_MEMBER_BY_STATE["preauth_expired"]  # billed by no other test here
    bill = visit_bill(member.member_id)
    first = desk.submit_claim(signed(bill, desk.estimate(bill)), secrets.token_urlsafe(24))
    free_left = desk.eligibility_by_token(member_app_token("preauth_expired")).free_visits_remaining
    fixed = bill.model_copy(update={"lines": bill.lines[:2]})  # the certificate was not given

    estimate = desk.estimate(fixed, replaces=first.claim_id)

    assert estimate.free_visit_used, "the wrong claim's fully-paid visit is given back"
    assert desk.claim(first.claim_id).status is ClaimStatus.ACCEPTED, "an estimate changes nothing"
    correction = signed(fixed, estimate).model_copy(update={"replaces": first.claim_id})
    assert correction.recomputed_bill_hash() == correction.bill_hash
    result = desk.submit_claim(correction, secrets.token_urlsafe(24))
    assert (result.status, result.replaces, result.adjudication) == (
        ClaimStatus.ACCEPTED,
        first.claim_id,
        estimate,
    )
    replaced = desk.claim(first.claim_id)
    assert (replaced.status, replaced.replaced_by) == (ClaimStatus.CANCELLED, result.claim_id)
    after = desk.eligibility_by_token(member_app_token("preauth_expired")).free_visits_remaining
    assert after == free_left
    with pytest.raises(InsurerRejected) as refused:
        desk.estimate(fixed, replaces=first.claim_id)
    assert (refused.value.status, refused.value.code) == (409, "claim-not-replaceable")
    assert not refused.value.retryable
