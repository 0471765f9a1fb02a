"""A family's statement of a bill whose claim was voided or cancelled at the insurer says so
(a new version is made after a refund, say), instead of failing to be written."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from pypdf import PdfReader

from insurer_sandbox.demo import DEMO_MEMBER_BY_STATE
from insurer_sandbox.server import SandboxProcess
from kiosk.claim_actions import cancel_claim, void_claim
from kiosk.insurer.client import InsurerClient
from kiosk.journal import Journal
from kiosk.staff import Role, StaffDirectory, StaffMember
from kiosk.statement import ClaimStanding
from tests.clinic_day import DAY, bill_of, present, send_all, sign
from ui.statements import make_statement


@pytest.fixture(scope="module")
def insurer(own_sandbox: SandboxProcess, own_sandbox_device_key: str) -> Iterator[InsurerClient]:
    with InsurerClient(own_sandbox.url, own_sandbox_device_key) as client:
        yield client


@pytest.fixture
def manager(journal: Journal) -> StaffMember:
    return StaffDirectory(journal).add("Wang Fang", Role.MANAGER, "204719")


def signed_claim(journal: Journal, insurer: InsurerClient, seed: int) -> tuple[int, int]:
    """A consultation billed on the insurer's estimate and signed: (bill id, claim id)."""
    bill = bill_of(DEMO_MEMBER_BY_STATE["active_plus"].member_id, DAY, [("GP001", 1)])
    presented = present(journal, bill, insurer.estimate(bill))
    sign(journal, presented, seed)
    claim = journal.claim_for_bill(presented.bill_id)
    assert claim is not None
    return presented.bill_id, claim.id


def pdf_text(path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def test_a_voided_claims_statement_says_it_was_withdrawn(qapp, journal, insurer, manager, tmp_path):
    bill_id, claim_id = signed_claim(journal, insurer, 1)
    void_claim(journal, claim_id, "billed to the wrong child", by=manager)
    content, path = make_statement(journal, bill_id, tmp_path)
    assert content.standing is ClaimStanding.VOIDED and content.final
    assert "诊所在提交保险公司之前已撤回" in pdf_text(path)  # the family's language: Chinese


def test_a_cancelled_claims_statement_says_the_insurer_pays_nothing(
    qapp, journal, insurer, manager, tmp_path
):
    bill_id, claim_id = signed_claim(journal, insurer, 2)
    send_all(journal, insurer)
    cancel_claim(journal, insurer, claim_id, "the visit did not happen", by=manager)
    content, path = make_statement(journal, bill_id, tmp_path)
    assert content.standing is ClaimStanding.CANCELLED
    assert "已向保险公司撤销" in pdf_text(path)
