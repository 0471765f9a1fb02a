"""The demo data a new sandbox database is seeded with (`insurer_sandbox.demo`), placed around
the seeding day: policy years, pre-auths with their planned dates, windows and uses, and
appointments (`insurer_sandbox.demo_appointments`).

Kept apart from `insurer_sandbox.store` so the store holds only how the insurer's records are
read and written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol

from insurer_sandbox.demo import DEMO_CLINICS, DEMO_MEMBERS, DemoPreAuth
from insurer_sandbox.demo_appointments import seed_appointments
from insurer_sandbox.preauth_grants import GRANT_DEFAULT_DAYS, PreAuthUse
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk.insurer.models import PreAuth, PreAuthGrant, PreAuthStatus


class Store(Protocol):
    """What seeding needs of `insurer_sandbox.store.Store` (which calls it: no import back)."""

    def insert_preauth(
        self,
        db: sqlite3.Connection,
        preauth: PreAuth,
        *,
        clinic_id: str | None,
        idempotency_key: str | None,
        request_hash: str | None,
        calendar_json: str | None,
    ) -> None: ...

    def record_preauth_uses(
        self, db: sqlite3.Connection, claim_id: str, uses: Sequence[PreAuthUse]
    ) -> None: ...


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def seed_demo(store: Store, db: sqlite3.Connection, today: date) -> None:
    """Demo clinics and members, with policy years placed around `today` (the seeding day), and
    the appointments around it."""
    db.executemany("INSERT INTO clinics (clinic_id, name) VALUES (?, ?)", DEMO_CLINICS.items())
    for m in DEMO_MEMBERS:
        start = today - timedelta(days=m.period_started_days_ago)
        end = _add_years(start, 1) - timedelta(days=1)
        db.execute(
            "INSERT INTO members (member_id, policy_number, child_name, guardian_phone, "
            "birth_year, tier, period_start, period_end, free_visits_used, unpaid_fen, "
            "unpaid_claim_ref, billed_before_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                m.member_id,
                m.policy_number,
                m.child_name,
                m.guardian_phone,
                m.birth_year,
                m.tier.value,
                start.isoformat(),
                end.isoformat(),
                m.free_visits_used,
                m.unpaid_fen,
                m.unpaid_claim_ref,
                m.billed_before_fen,
            ),
        )
        db.executemany(
            "INSERT INTO benefit_usage (member_id, benefit, used_fen) VALUES (?, ?, ?)",
            [(m.member_id, benefit, used) for benefit, used in m.benefit_used_fen.items()],
        )
        for p in m.preauths:
            _seed_preauth(store, db, m.member_id, p, today)
    seed_appointments(db, today)


def _seed_preauth(
    store: Store, db: sqlite3.Connection, member_id: str, p: DemoPreAuth, today: date
) -> None:
    """A demo pre-auth: requested 14 days before its planned date, decided two days later;
    an approval's window and uses as `p` says, with the uses it already had."""
    planned = today + timedelta(days=p.planned_in_days)
    requested_at = datetime.combine(planned - timedelta(days=14), time(9, 30), tzinfo=BUSINESS_TZ)
    decided_at = requested_at + timedelta(days=2)
    grant = None
    if p.status is PreAuthStatus.APPROVED:
        valid_from = (
            decided_at.date()
            if p.valid_from_in_days is None
            else today + timedelta(days=p.valid_from_in_days)
        )
        valid_until = (
            planned + timedelta(days=GRANT_DEFAULT_DAYS)
            if p.valid_until_in_days is None
            else today + timedelta(days=p.valid_until_in_days)
        )
        approved = p.estimated_cost_fen if p.approved_fen is None else p.approved_fen
        grant = PreAuthGrant(
            auth_number=f"GL-{decided_at.year}-{p.preauth_id[-4:]:0>6}",
            approved_fen=approved,
            valid_from=valid_from,
            valid_until=valid_until,
            uses_allowed=p.uses_allowed,
            item_codes=[p.item_code],
            uses_left=p.uses_allowed,
            amount_left_fen=approved,
        )
    preauth = PreAuth(
        preauth_id=p.preauth_id,
        member_id=member_id,
        item_code=p.item_code,
        description=p.description,
        category=p.category,
        planned_date=planned,
        diagnosis=p.diagnosis,
        estimated_cost_fen=p.estimated_cost_fen,
        status=p.status,
        requested_at=requested_at.astimezone(UTC),
        decided_at=None if p.status is PreAuthStatus.PENDING else decided_at.astimezone(UTC),
        decision_note=p.decision_note,
        grant=grant,
    )
    store.insert_preauth(
        db,
        preauth,
        clinic_id=None,
        idempotency_key=None,
        request_hash=None,
        calendar_json=None,
    )
    if p.uses_consumed:
        store.record_preauth_uses(
            db,
            f"CLM-DEMO-{p.preauth_id[-4:]}",
            [PreAuthUse(p.preauth_id, 1, p.uses_consumed, p.used_fen)],
        )
