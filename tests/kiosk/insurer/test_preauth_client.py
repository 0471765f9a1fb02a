"""The client's pre-auth and cancellation calls against the real sandbox: one pre-auth as it
stands, its guarantee letter once approved (409 before), and a claim cancelled (twice: the same
answer)."""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from insurer_sandbox.cli import main as sandbox_cli
from insurer_sandbox.demo import DEMO_CLINIC_ID, DEMO_MEMBER_BY_STATE
from insurer_sandbox.server import SandboxProcess, create_device_key
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk.billing import ShownBill
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.errors import InsurerNotFound, InsurerRejected
from kiosk.insurer.models import (
    Attachment,
    AttachmentType,
    Bill,
    BillLine,
    ClaimStatus,
    ClaimSubmission,
    GuaranteeLetter,
    ItemCategory,
    PreAuthRequest,
    PreAuthStatus,
    SignatureEvidence,
)

MEMBER = DEMO_MEMBER_BY_STATE["active_plus"].member_id
NOTE = b"%PDF-1.4\n% the doctor's note\n"


@pytest.fixture(scope="module")
def desk(own_sandbox: SandboxProcess) -> Iterator[InsurerClient]:
    with InsurerClient(
        own_sandbox.url, create_device_key(own_sandbox.data_dir, DEMO_CLINIC_ID)
    ) as client:
        yield client


def today():
    return datetime.now(UTC).astimezone(BUSINESS_TZ).date()


def emergency_incision() -> PreAuthRequest:
    """An abscess incision today, with the doctor's note: an emergency has no lead time."""
    return PreAuthRequest(
        member_id=MEMBER,
        item_code="SUR001",
        description="脓肿切开引流术 Abscess incision and drainage",
        category=ItemCategory.SURGERY,
        planned_date=today(),
        diagnosis=f"Skin abscess (L02) #{secrets.token_hex(4)}",
        estimated_cost_fen=120_000,
        emergency=True,
        attachments=[
            Attachment(
                title="Doctor's note",
                content_type=AttachmentType.PDF,
                data=base64.b64encode(NOTE),  # Base64Bytes: the model takes the base64 text
            )
        ],
    )


def test_one_preauth_as_it_stands_and_its_letter_once_approved(desk, own_sandbox):
    request = emergency_incision()
    filed = desk.request_preauth(request, f"pa-{secrets.token_hex(12)}").preauth
    assert (filed.status, filed.emergency) == (PreAuthStatus.PENDING, True)
    [note] = filed.attachments
    assert note.sha256 == hashlib.sha256(NOTE).hexdigest()

    assert desk.preauth(filed.preauth_id) == filed
    with pytest.raises(InsurerRejected) as refused:
        desk.preauth_letter(filed.preauth_id)
    assert (refused.value.status, refused.value.code) == (409, "preauth-not-approved")

    data = str(own_sandbox.data_dir)
    assert sandbox_cli(["preauth", "approve", filed.preauth_id, "--data", data]) == 0
    approved = desk.preauth(filed.preauth_id)
    assert approved.status is PreAuthStatus.APPROVED and approved.grant is not None
    letter = desk.preauth_letter(filed.preauth_id)
    assert isinstance(letter, GuaranteeLetter)
    assert (letter.preauth_id, letter.auth_number, letter.grant) == (
        filed.preauth_id,
        approved.grant.auth_number,
        approved.grant,
    )
    assert (letter.member_id, letter.clinic_id, letter.item_code) == (
        MEMBER,
        DEMO_CLINIC_ID,
        "SUR001",
    )
    assert letter.member_name_masked != DEMO_MEMBER_BY_STATE["active_plus"].child_name
    assert letter.terms


def test_an_unknown_preauth_is_not_found(desk):
    with pytest.raises(InsurerNotFound):
        desk.preauth("PA-NOSUCH")
    with pytest.raises(InsurerNotFound):
        desk.preauth_letter("PA-NOSUCH")


def accepted_claim(desk: InsurerClient) -> str:
    bill = Bill(
        member_id=MEMBER,
        service_date=today(),
        lines=[
            BillLine(
                line_no=1,
                item_code="CONS-GP",
                description="儿科普通门诊 Paediatric consultation",
                category=ItemCategory.CONSULTATION,
                quantity=1,
                unit_price_fen=30_000,
            )
        ],
    )
    shown = ShownBill(
        bill, desk.estimate(bill), clinic="和悦儿童诊所", invoice_no=f"INV-{secrets.token_hex(4)}"
    )
    evidence = SignatureEvidence(
        bill_hash=shown.hash,
        strokes_sha256=hashlib.sha256(b"strokes").hexdigest(),
        point_count=80,
        signed_at=datetime.now(UTC),
    )
    submission = ClaimSubmission(
        bill=bill,
        bill_hash=shown.hash,
        signature=evidence,
        expected_covered_fen=shown.totals.covered_fen,
        clinic_invoice_no=shown.invoice_no,
        shown=shown.shown_to_family(),
    )
    result = desk.submit_claim(submission, f"claim-{secrets.token_hex(12)}")
    assert result.status is ClaimStatus.ACCEPTED
    return result.claim_id


def test_a_claim_cancelled_is_cancelled_and_cancelling_it_again_answers_the_same(desk):
    claim_id = accepted_claim(desk)
    cancelled = desk.cancel_claim(claim_id, "the visit did not happen as billed")
    assert (cancelled.claim_id, cancelled.status) == (claim_id, ClaimStatus.CANCELLED)
    assert desk.claim(claim_id).status is ClaimStatus.CANCELLED
    assert desk.cancel_claim(claim_id, "asked twice") == cancelled
    with pytest.raises(InsurerNotFound):
        desk.cancel_claim("CLM-NOSUCH", "no such claim")
