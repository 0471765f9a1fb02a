"""A claim is sent again or marked settled only by someone who may settle claims, and the change
is written with its audit entry under that person, or not at all."""

from __future__ import annotations

import pytest

from kiosk.claim_actions import NoSettleNote, requeue_claim, settle_claim
from kiosk.journal import ClaimState, RecordConflict
from kiosk.staff import NotAllowed, Role, StaffDirectory, StaffMember
from tests.clinic_day import DAY, sign_fully_covered, stop_sending


@pytest.fixture
def stopped(journal) -> int:
    """A signed claim the outbox stopped sending: it needs a person."""
    sign_fully_covered(journal, "M26000101", DAY, [("GP001", 1)], 1)
    [claim] = journal.claims()
    with journal.transaction(actor="outbox") as tx:
        stop_sending(tx, claim.id)
    return claim.id


@pytest.fixture
def staff(journal) -> dict[Role, StaffMember]:
    directory = StaffDirectory(journal)
    manager = directory.add("Wang Fang", Role.MANAGER, "204719")
    reception = directory.add("Li Na", Role.RECEPTION, "583021", added_by=manager)
    return {Role.MANAGER: manager, Role.RECEPTION: reception}


def test_reception_may_not_change_a_claim_and_nothing_is_written(journal, stopped, staff):
    reception = staff[Role.RECEPTION]
    before = journal.audit_entries()
    with pytest.raises(NotAllowed):
        requeue_claim(journal, stopped, by=reception)
    with pytest.raises(NotAllowed):
        settle_claim(journal, stopped, "the family paid at the desk", by=reception)
    assert journal.claim(stopped).state is ClaimState.ATTENTION
    assert journal.audit_entries() == before


def test_a_manager_sends_a_claim_again_with_its_audit_entry(journal, stopped, staff):
    manager = staff[Role.MANAGER]
    assert requeue_claim(journal, stopped, by=manager).state is ClaimState.WAITING
    assert journal.claim(stopped).state is ClaimState.WAITING
    entry = journal.audit_entries()[-1]
    assert (entry.action, entry.actor, entry.subject) == (
        "claim.requeued",
        f"staff:{manager.id}",
        f"claim:{stopped}",
    )


def test_a_manager_marks_a_claim_settled_with_the_note_in_its_audit_entry(journal, stopped, staff):
    manager = staff[Role.MANAGER]
    settled = settle_claim(journal, stopped, "  family paid by WeChat ", by=manager)
    assert settled.state is ClaimState.RESOLVED
    entry = journal.audit_entries()[-1]
    assert (entry.action, entry.actor, entry.subject) == (
        "claim.resolved",
        f"staff:{manager.id}",
        f"claim:{stopped}",
    )
    assert "family paid by WeChat" in entry.detail
    assert journal.verify_audit().intact


def test_a_blank_note_or_a_claim_changed_meanwhile_writes_nothing(journal, stopped, staff):
    manager = staff[Role.MANAGER]
    before = journal.audit_entries()
    with pytest.raises(NoSettleNote):
        settle_claim(journal, stopped, "   ", by=manager)
    assert journal.claim(stopped).state is ClaimState.ATTENTION
    assert journal.audit_entries() == before
    settle_claim(journal, stopped, "settled at the console", by=manager)
    settled = journal.audit_entries()
    with pytest.raises(RecordConflict):
        requeue_claim(journal, stopped, by=manager)
    assert journal.claim(stopped).state is ClaimState.RESOLVED
    assert journal.audit_entries() == settled
