"""Pre-authorisations at the desk: filing a request, and what stands in the way of filing another.

Reception files a request here; it is stored with its idempotency key and the outbox
(`kiosk.journal.ClaimSubmitter`, on its own thread) sends it, retries while the insurer is away,
and asks again until the insurer decides. A screen hears of each answer through
`ClaimSubmitter.subscribe_preauth_changes` (a `PreAuthChange`). Nothing here talks to the insurer,
so a screen may call these on a worker thread without waiting on the network.

    record = file_preauth(journal, request, visit_id=visit)   # stored: it cannot be lost
    submitter.wake()                                          # sent as soon as the insurer answers
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.insurer.models import ItemCategory, PreAuth, PreAuthGrant, PreAuthRequest, PreAuthStatus
from kiosk.journal import Journal, PreAuthChange, PreAuthRequestRecord, PreAuthRequestState
from kiosk.journal.preauth_requests import open_preauth_requests, record_preauth_request

__all__ = [
    "PreAuthChange",
    "PreAuthInTheWay",
    "file_preauth",
    "open_requests",
    "preauths_in_the_way",
]

_UNDECIDED = (PreAuthStatus.PENDING, PreAuthStatus.INFO_REQUESTED)


def file_preauth(
    journal: Journal, request: PreAuthRequest, *, visit_id: int | None = None
) -> PreAuthRequestRecord:
    """Store `request` (attachments inside) with a fresh idempotency key for the outbox, which
    sends it: never sent from here, so a request survives an insurer that is down, and the
    insurer files it once however often the outbox has to send it. Wake the outbox after."""
    with journal.transaction(actor="desk") as tx:
        return record_preauth_request(tx, request, visit_id=visit_id)


def open_requests(journal: Journal, member_id: str | None = None) -> list[PreAuthRequestRecord]:
    """The requests the insurer has not decided (unsent, pending, more information asked), of
    `member_id` if given, oldest first: what reception is still waiting on."""
    return open_preauth_requests(journal, member_id)


@dataclass(frozen=True, slots=True)
class PreAuthInTheWay:
    """A pre-auth that already covers the item, or may soon: filing another would ask the
    insurer twice for the same care (the manual's guarantee is per treatment)."""

    preauth_id: str | None
    """The insurer's id; None while the desk's request is not sent yet."""
    request_id: int | None
    """The journal's request when this desk filed it."""
    status: PreAuthStatus | None
    """The insurer's status; None while unsent."""
    item_code: str
    description: str
    planned_date: date
    grant: PreAuthGrant | None
    """What an approval still allows (amount, window, uses left)."""

    @property
    def unsent(self) -> bool:
        return self.status is None


def preauths_in_the_way(
    journal: Journal,
    eligibility_preauths: list[PreAuth],
    member_id: str,
    item_code: str,
    category: ItemCategory,
    service_day: date,
) -> list[PreAuthInTheWay]:
    """What stands in the way of a new request for `item_code`: the insurer's undecided
    pre-auths for it and its approvals usable on `service_day` that cover it (by item code or
    the grant's items and categories), then this desk's undecided requests the insurer's list
    does not name yet (unsent, or sent since the list was fetched). The insurer's list is the
    fresher word on a request both know."""
    insurer = [p for p in eligibility_preauths if p.member_id == member_id]
    filed_here = {
        record.insurer_preauth_id: record.id
        for record in journal.preauth_requests(member_id)
        if record.insurer_preauth_id is not None
    }
    in_the_way = [
        _from_insurer(preauth, filed_here.get(preauth.preauth_id))
        for preauth in insurer
        if _covers(preauth, item_code, category, service_day)
    ]
    known = {preauth.preauth_id for preauth in insurer}
    for record in open_preauth_requests(journal, member_id):
        if record.item_code != item_code or record.insurer_preauth_id in known:
            continue
        in_the_way.append(_from_request(record))
    return in_the_way


def _covers(preauth: PreAuth, item_code: str, category: ItemCategory, day: date) -> bool:
    if preauth.status in _UNDECIDED:
        return preauth.item_code == item_code
    grant = preauth.grant
    return preauth.usable_on(day) and (
        preauth.item_code == item_code or (grant is not None and grant.covers(item_code, category))
    )


def _from_insurer(preauth: PreAuth, journal_id: int | None) -> PreAuthInTheWay:
    return PreAuthInTheWay(
        preauth_id=preauth.preauth_id,
        request_id=journal_id,
        status=preauth.status,
        item_code=preauth.item_code,
        description=preauth.description,
        planned_date=preauth.planned_date,
        grant=preauth.grant,
    )


def _from_request(record: PreAuthRequestRecord) -> PreAuthInTheWay:
    if record.preauth is not None:
        return _from_insurer(record.preauth, record.id)
    request = record.request
    status = None if record.state is PreAuthRequestState.UNSENT else record.status
    return PreAuthInTheWay(
        preauth_id=record.insurer_preauth_id,
        request_id=record.id,
        status=status,
        item_code=request.item_code,
        description=request.description,
        planned_date=request.planned_date,
        grant=None,
    )
