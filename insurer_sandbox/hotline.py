"""The insurer's 7×24 hotline, as far as the clinic's desk meets it: a phone guarantee.

A person at the hotline looks the member up in the insurer's own systems (which work while the
clinics' API is down), checks the calling clinic can direct-bill the member today, and reads out a
reference for the visit. `kiosk-sandbox guarantee MEMBER --clinic C` plays that person.
"""

from __future__ import annotations

from insurer_sandbox import phone_guarantees
from insurer_sandbox.eligibility import eligibility
from insurer_sandbox.plan import load_plan
from insurer_sandbox.store import Store
from insurer_sandbox.workdays import BUSINESS_TZ


class NoGuarantee(ValueError):
    """The hotline gives no guarantee: the clinic cannot direct-bill this member today."""


def phone_guarantee(store: Store, member_id: str, clinic_id: str) -> str:
    """A reference for `member_id`'s visit at `clinic_id` today; `NoGuarantee` (saying why, as
    the hotline would) when the card could not be direct-billed there today."""
    plan = load_plan()
    now = store.now()
    with store.writing() as db:
        member = store.member(db, member_id)
        if member is None:
            raise NoGuarantee("no member with this member id")
        answer = eligibility(plan, member, store.preauths(db, member_id), clinic_id, now)
        if not answer.direct_billing:
            why = answer.status.value if answer.in_network else "out of network"
            raise NoGuarantee(f"the clinic cannot direct-bill this member today ({why})")
        return phone_guarantees.issue(
            db,
            member_id=member_id,
            clinic_id=clinic_id,
            service_date=now.astimezone(BUSINESS_TZ).date(),
            now=now,
        )
