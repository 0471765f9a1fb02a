"""What stands in the way of filing a pre-auth request: the desk's own undecided requests and the
insurer's undecided or usable approvals covering the item, each named once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kiosk.insurer.models import (
    ItemCategory,
    PreAuth,
    PreAuthCreated,
    PreAuthGrant,
    PreAuthRequest,
    PreAuthStatus,
    WorkingCalendar,
)
from kiosk.journal import Journal, PreAuthRequestState
from kiosk.journal.preauth_requests import record_preauth_refused, record_preauth_sent
from kiosk.preauths import PreAuthInTheWay, file_preauth, open_requests, preauths_in_the_way

MEMBER = "M-7"
DAY = date(2026, 12, 10)


@pytest.fixture
def journal(tmp_path):
    with Journal.open(tmp_path / "journal.sqlite3") as opened:
        yield opened


def request(item_code: str = "EXAM-MRI", member_id: str = MEMBER, **changes) -> PreAuthRequest:
    return PreAuthRequest.model_validate(
        {
            "member_id": member_id,
            "item_code": item_code,
            "description": f"{item_code} description",
            "category": ItemCategory.EXAM,
            "planned_date": DAY,
            "diagnosis": "Recurrent headache (R51)",
            "estimated_cost_fen": 680_000,
        }
        | changes
    )


def preauth(
    preauth_id: str,
    status: PreAuthStatus,
    item_code: str = "EXAM-MRI",
    *,
    member_id: str = MEMBER,
    grant: PreAuthGrant | None = None,
) -> PreAuth:
    decided = None if status is PreAuthStatus.PENDING else datetime(2026, 12, 1, tzinfo=UTC)
    return PreAuth.model_validate(
        request(item_code, member_id).model_dump(exclude={"attachments"})
        | {
            "preauth_id": preauth_id,
            "status": status,
            "requested_at": datetime(2026, 11, 25, tzinfo=UTC),
            "decided_at": decided,
            "grant": grant,
        }
    )


def approval(
    item_codes: list[str],
    categories: list[ItemCategory] | None = None,
    *,
    until: date = DAY + timedelta(days=30),
    uses_left: int = 1,
) -> PreAuthGrant:
    return PreAuthGrant(
        auth_number="AUTH-1",
        approved_fen=680_000,
        valid_from=DAY - timedelta(days=10),
        valid_until=until,
        uses_allowed=1,
        item_codes=item_codes,
        categories=categories or [],
        uses_left=uses_left,
        amount_left_fen=680_000 if uses_left else 0,
    )


def sent_as(journal: Journal, filed: PreAuthRequest, preauth_id: str):
    record = file_preauth(journal, filed)
    answer = PreAuthCreated(
        preauth=preauth(preauth_id, PreAuthStatus.PENDING, filed.item_code),
        calendar=WorkingCalendar(
            data_until=date(2026, 12, 31),
            fallback_weekends_only=False,
            required_working_days=5,
            earliest_planned_date=date(2026, 12, 3),
        ),
    )
    with journal.transaction(actor="outbox") as tx:
        return record_preauth_sent(tx, record.id, answer)[0]


def in_the_way(journal, insurer, item_code="EXAM-MRI", category=ItemCategory.EXAM, day=DAY):
    found = preauths_in_the_way(journal, insurer, MEMBER, item_code, category, day)
    return [(x.preauth_id, x.request_id, x.status) for x in found]


def test_a_filed_request_is_open_until_the_insurer_decides_or_refuses(journal):
    unsent = file_preauth(journal, request())
    refused = file_preauth(journal, request("EXAM-CT"))
    with journal.transaction(actor="outbox") as tx:
        record_preauth_refused(tx, refused.id, code="preauth-lead-time", detail="too soon")
    pending = sent_as(journal, request("SURG-TONSIL"), "PA-3")
    assert [(r.id, r.state) for r in open_requests(journal)] == [
        (unsent.id, PreAuthRequestState.UNSENT),
        (pending.id, PreAuthRequestState.PENDING),
    ]
    assert open_requests(journal, "M-8") == []


def test_the_desks_undecided_request_for_the_item_stands_in_the_way(journal):
    unsent = file_preauth(journal, request())
    file_preauth(journal, request("EXAM-CT"))
    file_preauth(journal, request(member_id="M-8"))
    assert in_the_way(journal, []) == [(None, unsent.id, None)]
    [found] = preauths_in_the_way(journal, [], MEMBER, "EXAM-MRI", ItemCategory.EXAM, DAY)
    assert found == PreAuthInTheWay(
        preauth_id=None,
        request_id=unsent.id,
        status=None,
        item_code="EXAM-MRI",
        description="EXAM-MRI description",
        planned_date=DAY,
        grant=None,
    )
    assert found.unsent


def test_the_insurers_undecided_and_usable_pre_auths_covering_the_item_stand_in_the_way(journal):
    insurer = [
        preauth("PA-1", PreAuthStatus.PENDING),
        preauth("PA-2", PreAuthStatus.INFO_REQUESTED),
        preauth("PA-3", PreAuthStatus.PENDING, "EXAM-CT"),
        preauth("PA-4", PreAuthStatus.DENIED),
        preauth("PA-5", PreAuthStatus.APPROVED, grant=approval(["EXAM-MRI"])),
        preauth("PA-6", PreAuthStatus.APPROVED, "EXAM-CT", grant=approval(["EXAM-CT", "EXAM-MRI"])),
        preauth("PA-7", PreAuthStatus.APPROVED, "EXAM-CT", grant=approval([], [ItemCategory.EXAM])),
        preauth("PA-8", PreAuthStatus.APPROVED, "EXAM-CT", grant=approval(["EXAM-CT"])),
        preauth("PA-9", PreAuthStatus.APPROVED, grant=approval(["EXAM-MRI"], uses_left=0)),
        preauth("PA-10", PreAuthStatus.APPROVED, grant=approval(["EXAM-MRI"], until=DAY)),
        preauth("PA-11", PreAuthStatus.PENDING, member_id="M-8"),
    ]
    found = [preauth_id for preauth_id, _, _ in in_the_way(journal, insurer)]
    assert found == ["PA-1", "PA-2", "PA-5", "PA-6", "PA-7", "PA-10"]
    later = in_the_way(journal, insurer, day=DAY + timedelta(days=1))
    assert [preauth_id for preauth_id, _, _ in later] == ["PA-1", "PA-2", "PA-5", "PA-6", "PA-7"]
    drug = in_the_way(journal, insurer, "DRUG-X", ItemCategory.DRUG)
    assert drug == []


def test_a_request_both_know_is_named_once_as_the_insurer_last_said(journal):
    decided = sent_as(journal, request(), "PA-1")
    since_the_list = sent_as(journal, request(), "PA-2")
    insurer = [preauth("PA-1", PreAuthStatus.APPROVED, grant=approval(["EXAM-MRI"]))]
    assert in_the_way(journal, insurer) == [
        ("PA-1", decided.id, PreAuthStatus.APPROVED),
        ("PA-2", since_the_list.id, PreAuthStatus.PENDING),
    ]
    denied = [preauth("PA-1", PreAuthStatus.DENIED), preauth("PA-2", PreAuthStatus.DENIED)]
    assert in_the_way(journal, denied) == []
