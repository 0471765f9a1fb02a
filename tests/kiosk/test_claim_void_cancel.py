"""A manager voids a signed claim still in the outbox, or cancels an accepted one at the insurer,
against the real sandbox: a voided claim is never sent (not even one the outbox had already
picked, nor while a send is in flight: that void waits), a cancelled one gives the member's free
visit and pre-auth use back and reconciles with the insurer's statement. Every refusal (no
manager, a claim in the wrong state, a paid or another clinic's claim, no reason) is said and
changes nothing, in the journal or at the insurer.

The module has its own sandbox; each test uses demo members of its own.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from insurer_sandbox.demo import DEMO_MEMBER_BY_STATE, PLUS_ONLY_CLINIC_ID
from insurer_sandbox.server import SandboxProcess, create_device_key
from insurer_sandbox.store import DATABASE_NAME, Store
from kiosk.claim_actions import BadReason, cancel_claim, void_claim
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.errors import InsurerNotFound, InsurerRejected
from kiosk.insurer.models import (
    ClaimResult,
    ClaimStatus,
    ClaimSubmission,
    Eligibility,
    EligibilityByLookup,
)
from kiosk.journal import ClaimRecord, ClaimState, ClaimSubmitter, Journal
from kiosk.journal.claim_changes import (
    ClaimBeingSent,
    ClaimNotCancellable,
    ClaimNotVoidable,
    claim_closure,
)
from kiosk.reconciliation import reconcile
from kiosk.reports import ClaimCategory, claim_lines, day_summary
from kiosk.staff import CONSOLE, NotAllowed, Role, StaffDirectory, StaffMember
from tests.clinic_day import DAY, bill_of, present, send_all, sign, stop_sending
from tests.waiting import wait_until


@pytest.fixture(scope="module")
def insurer(own_sandbox: SandboxProcess, own_sandbox_device_key: str) -> Iterator[InsurerClient]:
    with InsurerClient(own_sandbox.url, own_sandbox_device_key) as client:
        yield client


@pytest.fixture
def staff(journal: Journal) -> tuple[StaffMember, StaffMember]:
    directory = StaffDirectory(journal)
    manager = directory.add("Wang Fang", Role.MANAGER, "204719")
    reception = directory.add("Li Na", Role.RECEPTION, "583021", added_by=manager)
    return manager, reception


def lookup(state: str) -> EligibilityByLookup:
    member = DEMO_MEMBER_BY_STATE[state]
    return EligibilityByLookup(
        policy_number=member.policy_number,
        child_name=member.child_name,
        guardian_phone=member.guardian_phone,
    )


def signed(journal: Journal, insurer: InsurerClient, state: str, entries, seed: int) -> int:
    """A demo member's visit billed on the insurer's estimate and signed: its claim's id."""
    bill = bill_of(DEMO_MEMBER_BY_STATE[state].member_id, DAY, entries)
    presented = present(journal, bill, insurer.estimate(bill))
    sign(journal, presented, seed)
    claim = journal.claim_for_bill(presented.bill_id)
    assert claim is not None and claim.state is ClaimState.WAITING
    return claim.id


def accepted(journal: Journal, insurer: InsurerClient, state: str, entries, seed: int) -> int:
    claim_id = signed(journal, insurer, state, entries, seed)
    send_all(journal, insurer)
    claim = journal.claim(claim_id)
    assert (claim.state, claim.insurer_status) == (ClaimState.SENT, ClaimStatus.ACCEPTED)
    return claim_id


def snapshot(journal: Journal) -> tuple:
    """Everything of the journal a refused change could have touched."""
    return journal.claims(), journal.claim_attempts(), journal.audit_entries()


def uses(eligibility: Eligibility) -> tuple[int, dict[str, int | None]]:
    """The fully-paid visits left and each approval's uses left, as the desk reads them."""
    return eligibility.free_visits_remaining, {
        p.preauth_id: p.grant.uses_left if p.grant else None for p in eligibility.preauths
    }


# --- void


def test_a_manager_voids_a_waiting_claim_and_it_is_never_sent(journal, insurer, staff):
    manager, _ = staff
    claim_id = signed(journal, insurer, "active_standard", [("GP001", 1)], 1)
    voided = void_claim(journal, claim_id, "  billed to the wrong child  ", by=manager)
    assert voided.state is ClaimState.VOIDED
    closure = claim_closure(journal, claim_id)
    assert closure is not None
    assert (closure.reason, closure.by, closure.answer) == (
        "billed to the wrong child",
        f"staff:{manager.id}",
        None,
    )
    assert journal.signature(voided.bill_id) is not None, "the family's signature stays"
    assert journal.bill(voided.bill_id).clinic_invoice_no == voided.clinic_invoice_no
    [entry] = [e for e in journal.audit_entries() if e.action == "claim.voided"]
    assert (entry.actor, entry.subject) == (f"staff:{manager.id}", f"claim:{claim_id}")
    assert "billed to the wrong child" in entry.detail
    assert journal.record_problems() == [] and journal.verify_audit().intact

    submitter = ClaimSubmitter(journal, insurer)
    submitter.start()
    try:
        submitter.wake()
        assert submitter.pass_now()
    finally:
        submitter.stop()
    assert journal.claim_attempts(claim_id) == []
    keys = {line.idempotency_key for line in insurer.daily_statement(DAY).claims}
    assert voided.idempotency_key not in keys, "the insurer never got it"
    [line] = claim_lines(journal, DAY)
    assert (line.category, line.insurer_pays_fen, line.closed_by) == (
        ClaimCategory.VOIDED,
        0,
        "Wang Fang",
    )
    summary = day_summary(journal, DAY)
    assert summary.claims[ClaimCategory.VOIDED] == 1
    assert (summary.sent, summary.awaiting_fen, summary.billed_fen) == (0, 0, 0)
    assert (summary.direct_pay_visits, journal.queue_state().waiting) == (0, 0)


def test_a_stopped_claim_the_insurer_never_recorded_can_be_voided(journal, insurer, staff):
    claim_id = signed(journal, insurer, "active_standard", [("GP002", 1)], 2)
    with journal.transaction(actor="outbox") as tx:
        stop_sending(tx, claim_id)
    assert void_claim(journal, claim_id, "family left", by=CONSOLE).state is ClaimState.VOIDED


def test_a_claim_voided_after_the_outbox_picked_it_is_not_sent(
    journal, insurer, staff, monkeypatch, own_sandbox, own_sandbox_device_key
):
    """The outbox reads the due claims, a manager voids one, then the outbox begins its send:
    the state is read again when the send begins, and the claim stays unsent."""
    manager, _ = staff
    claim_id = signed(journal, insurer, "active_standard", [("GP001", 1)], 3)
    picked = journal.due_claims

    def picked_then_voided(*args, **kwargs) -> list[ClaimRecord]:
        due = picked(*args, **kwargs)
        if due and journal.claim(claim_id).state is ClaimState.WAITING:
            void_claim(journal, claim_id, "voided while the outbox looked", by=manager)
        return due

    monkeypatch.setattr(journal, "due_claims", picked_then_voided)
    sends: list[str] = []

    class Counting(InsurerClient):
        def submit_claim(self, submission: ClaimSubmission, key: str) -> ClaimResult:
            sends.append(key)
            return super().submit_claim(submission, key)

    with Counting(own_sandbox.url, own_sandbox_device_key) as counting:
        submitter = ClaimSubmitter(journal, counting)
        submitter.start()
        try:
            submitter.wake()
            assert submitter.pass_now()
        finally:
            submitter.stop()
    assert sends == []
    assert journal.claim(claim_id).state is ClaimState.VOIDED
    assert journal.claim_attempts(claim_id) == []


def test_a_claim_being_sent_cannot_be_voided_at_that_moment(
    journal, insurer, staff, own_sandbox, own_sandbox_device_key
):
    """While the send is in flight the void is refused (nothing changes); once the insurer has
    it, the claim is sent, and it can only be cancelled."""
    manager, _ = staff
    claim_id = signed(journal, insurer, "active_standard", [("GP003", 1)], 4)
    in_flight, go_on = threading.Event(), threading.Event()

    class Slow(InsurerClient):
        def submit_claim(self, submission: ClaimSubmission, key: str) -> ClaimResult:
            in_flight.set()
            assert go_on.wait(20)
            return super().submit_claim(submission, key)

    with Slow(own_sandbox.url, own_sandbox_device_key) as slow:
        submitter = ClaimSubmitter(journal, slow)
        submitter.start()
        try:
            submitter.wake()
            assert in_flight.wait(20)
            before = snapshot(journal)
            with pytest.raises(ClaimBeingSent, match="being sent right now"):
                void_claim(journal, claim_id, "too late", by=manager)
            assert snapshot(journal) == before
            go_on.set()
            wait_until(lambda: journal.claim(claim_id).state is ClaimState.SENT, 20, "sent")
        finally:
            go_on.set()
            submitter.stop()
    before = snapshot(journal)
    with pytest.raises(ClaimNotVoidable) as refused:
        void_claim(journal, claim_id, "too late", by=manager)
    assert refused.value.recorded, "the insurer has it: cancel it instead"
    assert "cancel it there instead" in str(refused.value)
    assert snapshot(journal) == before


def test_a_void_without_a_manager_or_a_reason_changes_nothing(journal, insurer, staff):
    manager, reception = staff
    claim_id = signed(journal, insurer, "active_standard", [("GP001", 1)], 5)
    before = snapshot(journal)
    with pytest.raises(NotAllowed):
        void_claim(journal, claim_id, "reception alone", by=reception)
    for blank in ("", "   \n"):
        with pytest.raises(BadReason):
            void_claim(journal, claim_id, blank, by=manager)
    with pytest.raises(BadReason):
        void_claim(journal, claim_id, "x" * 201, by=manager)
    assert snapshot(journal) == before
    voided = void_claim(journal, claim_id, "wrong items", by=manager)
    with pytest.raises(ClaimNotVoidable):
        void_claim(journal, claim_id, "twice", by=manager)
    assert journal.claim(claim_id) == voided


# --- cancel


def test_a_cancelled_claim_gives_back_the_fully_paid_visit_and_the_approvals_use(
    journal, insurer, staff
):
    """The tonsillectomy under the family's approval and a consultation on a fully-paid visit; the
    claim is cancelled: the fully-paid visit and the approval's use are back, the journal keeps the
    reason and the insurer's answer, and the day's statement matches it as cancelled."""
    manager, _ = staff
    before = uses(insurer.eligibility_by_lookup(lookup("preauth_approved")))
    entries = [("GP001", 1), ("SURG-TONSIL", 1)]
    claim_id = accepted(journal, insurer, "preauth_approved", entries, 6)
    free_before, approvals_before = before
    assert uses(insurer.eligibility_by_lookup(lookup("preauth_approved"))) == (
        free_before - 1,
        {**approvals_before, "PA-DEMO-0108": approvals_before["PA-DEMO-0108"] - 1},
    )
    covered = journal.claim(claim_id).covered_fen
    assert covered

    cancelled = cancel_claim(journal, insurer, claim_id, "surgery postponed", by=manager)
    assert (cancelled.state, cancelled.insurer_status) == (
        ClaimState.CANCELLED,
        ClaimStatus.CANCELLED,
    )
    assert uses(insurer.eligibility_by_lookup(lookup("preauth_approved"))) == before
    closure = claim_closure(journal, claim_id)
    assert closure is not None and closure.answer is not None
    assert (closure.reason, closure.by) == ("surgery postponed", f"staff:{manager.id}")
    assert closure.answer.claim_id == cancelled.insurer_claim_id
    assert closure.answer.status is ClaimStatus.CANCELLED
    [entry] = [e for e in journal.audit_entries() if e.action == "claim.cancelled"]
    assert entry.actor == f"staff:{manager.id}" and "surgery postponed" in entry.detail
    assert journal.record_problems() == [] and journal.verify_audit().intact

    summary = day_summary(journal, DAY)
    assert summary.claims[ClaimCategory.CANCELLED] == 1
    assert (summary.covered_fen, summary.billed_fen, summary.top_items) == (0, 0, ())
    statement = insurer.daily_statement(DAY)
    [listed] = [c for c in statement.claims if c.claim_id == cancelled.insurer_claim_id]
    assert listed.status is ClaimStatus.CANCELLED
    ours = [c for c in statement.claims if c.idempotency_key == cancelled.idempotency_key]
    result = reconcile(journal, statement.model_copy(update={"claims": ours}))
    assert (result.findings, result.matched, result.journal_covered_fen) == ((), 1, 0)


def test_a_cancellation_asked_twice_is_not_recorded_twice(journal, insurer, staff):
    manager, _ = staff
    claim_id = accepted(journal, insurer, "active_plus", [("GP002", 1)], 7)
    cancel_claim(journal, insurer, claim_id, "duplicate visit", by=manager)
    before = snapshot(journal)
    with pytest.raises(ClaimNotCancellable):
        cancel_claim(journal, insurer, claim_id, "duplicate visit", by=manager)
    assert snapshot(journal) == before


def paid_at_the_insurer(sandbox: SandboxProcess, insurer_claim_id: str) -> None:
    """The insurer pays the claim (its remittance run): the sandbox has no route for that."""
    with Store(sandbox.data_dir / DATABASE_NAME).writing() as db:
        db.execute("UPDATE claims SET status = 'paid' WHERE claim_id = ?", (insurer_claim_id,))


def test_a_paid_claim_cannot_be_cancelled_and_nothing_changes(journal, insurer, staff, own_sandbox):
    manager, _ = staff
    claim_id = accepted(journal, insurer, "free_visits_used_up", [("GP001", 1)], 8)
    insurer_claim_id = journal.claim(claim_id).insurer_claim_id
    assert insurer_claim_id is not None
    paid_at_the_insurer(own_sandbox, insurer_claim_id)
    before, at_insurer = snapshot(journal), insurer.claim(insurer_claim_id)
    benefits = insurer.eligibility_by_lookup(lookup("free_visits_used_up")).balances
    with pytest.raises(InsurerRejected) as refused:
        cancel_claim(journal, insurer, claim_id, "family changed their mind", by=manager)
    assert (refused.value.status, refused.value.code) == (409, "claim-not-cancellable")
    assert snapshot(journal) == before
    assert insurer.claim(insurer_claim_id) == at_insurer
    assert at_insurer.status is ClaimStatus.PAID
    assert insurer.eligibility_by_lookup(lookup("free_visits_used_up")).balances == benefits


def test_another_clinics_claim_cannot_be_cancelled_and_nothing_changes(
    journal, insurer, staff, own_sandbox
):
    """This journal's claim was sent with the PLUS-only clinic's key (the kiosk was registered
    there then): with this clinic's key the insurer knows no such claim."""
    manager, _ = staff
    claim_id = signed(journal, insurer, "active_plus", [("GP003", 1)], 9)
    other_key = create_device_key(own_sandbox.data_dir, PLUS_ONLY_CLINIC_ID)
    with InsurerClient(own_sandbox.url, other_key) as other_clinic:
        send_all(journal, other_clinic)
        insurer_claim_id = journal.claim(claim_id).insurer_claim_id
        assert insurer_claim_id is not None
        before = snapshot(journal)
        with pytest.raises(InsurerNotFound):
            cancel_claim(journal, insurer, claim_id, "not ours", by=manager)
        assert snapshot(journal) == before
        assert other_clinic.claim(insurer_claim_id).status is ClaimStatus.ACCEPTED


def test_a_cancel_without_a_reason_or_a_manager_or_of_an_unsent_claim_changes_nothing(
    journal, insurer, staff
):
    manager, reception = staff
    sent = accepted(journal, insurer, "plus_free_visits_used_up", [("GP001", 1)], 10)
    waiting = signed(journal, insurer, "plus_free_visits_used_up", [("GP002", 1)], 11)
    insurer_claim_id = journal.claim(sent).insurer_claim_id
    assert insurer_claim_id is not None
    before, at_insurer = snapshot(journal), insurer.claim(insurer_claim_id)
    with pytest.raises(BadReason):
        cancel_claim(journal, insurer, sent, "  ", by=manager)
    with pytest.raises(NotAllowed):
        cancel_claim(journal, insurer, sent, "reception alone", by=reception)
    with pytest.raises(ClaimNotCancellable):
        cancel_claim(journal, insurer, waiting, "not sent yet: void it", by=manager)
    assert snapshot(journal) == before
    assert insurer.claim(insurer_claim_id) == at_insurer
