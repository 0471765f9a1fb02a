"""What every v1 route shares: the caller's clinic, the idempotency key, amount and member checks.

Kept apart from the routes so each resource module states only its own rules.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Annotated, Any, Protocol

from fastapi import Depends, Request, Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, TypeAdapter, ValidationError

from insurer_sandbox.plan import Plan
from insurer_sandbox.problems import ProblemError
from insurer_sandbox.store import MemberRecord, Store
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk.insurer.models import IdempotencyKey

MAX_AMOUNT_FEN = 10**10
"""CNY 100 million: no clinic bill or pre-auth comes near it, so a larger figure is a typing or
encoding error; it also keeps every sum far inside SQLite's 64-bit integers."""


# --- dependencies


def _store(request: Request) -> Store:
    return request.app.state.store


def _plan(request: Request) -> Plan:
    return request.app.state.plan


StoreDep = Annotated[Store, Depends(_store)]
PlanDep = Annotated[Plan, Depends(_plan)]

_bearer = HTTPBearer(auto_error=False, description="The device API key issued for this kiosk")


def calling_clinic(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    store: StoreDep,
) -> str:
    """The clinic a device key belongs to: the key is the kiosk's only identity."""
    challenge = {"WWW-Authenticate": 'Bearer realm="insurer"'}
    if credentials is None:
        raise ProblemError(
            401, "unauthorized", "a device key (Bearer) is required", headers=challenge
        )
    clinic_id = store.clinic_for_key(credentials.credentials)
    if clinic_id is None:
        raise ProblemError(401, "unauthorized", "unknown device key", headers=challenge)
    return clinic_id


ClinicDep = Annotated[str, Depends(calling_clinic)]

_idempotency_key_format = TypeAdapter(IdempotencyKey)
IDEMPOTENCY_KEY_PARAMETER = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": True,
    "description": "Chosen by the kiosk for this request; the same key again replays the answer.",
    "schema": _idempotency_key_format.json_schema(),
}
"""Declared by hand: FastAPI would make an optional header, but a missing key must be 400."""


def _idempotency_key(request: Request) -> str:
    value = request.headers.get("Idempotency-Key")
    if value is None:
        raise ProblemError(400, "idempotency-key-required", "send an Idempotency-Key header")
    try:
        return _idempotency_key_format.validate_python(value)
    except ValidationError:
        raise ProblemError(
            422, "validation-error", "Idempotency-Key must be 16 to 64 of A-Z a-z 0-9 _ -"
        ) from None


IdempotencyKeyDep = Annotated[str, Depends(_idempotency_key)]


def replay(model: type[BaseModel]) -> dict[str, Any]:
    return {
        "model": model,
        "description": "A replay: this Idempotency-Key was already used with this body.",
    }


class _Idempotent(Protocol):
    @property
    def request_hash(self) -> str | None: ...


def replayed(existing: _Idempotent, request_hash: str, response: Response, what: str) -> bool:
    """The Idempotency-Key was used before: the same request is answered again (200), another
    request under the same key is a 409."""
    if existing.request_hash != request_hash:
        raise ProblemError(
            409, "idempotency-conflict", f"this Idempotency-Key was used for another {what}"
        )
    response.status_code = 200
    return True


def no_unknown_query_parameters(request: Request) -> None:
    """Bodies refuse unknown fields (the contract models forbid extras); query strings too, so a
    misspelt parameter is an error instead of being silently ignored."""
    route = request.scope.get("route")
    declared = (
        {p.alias for p in route.dependant.query_params} if isinstance(route, APIRoute) else set()
    )
    unknown = sorted(set(request.query_params) - declared)
    if unknown:
        raise ProblemError(422, "validation-error", f"unknown query parameters: {unknown[:5]}")


# --- checks


def check_amount(amount: int, what: str) -> None:
    if amount > MAX_AMOUNT_FEN:
        raise ProblemError(422, "validation-error", f"{what} is not a possible amount")


def business_day(store: Store) -> tuple[dt.datetime, dt.date]:
    """Now, and the Asia/Shanghai day it falls on."""
    now = store.now()
    return now, now.astimezone(BUSINESS_TZ).date()


NO_SUCH_MEMBER = "no member with this member_id"


def billable_member(
    store: Store, db: sqlite3.Connection, plan: Plan, clinic: str, member_id: str
) -> MemberRecord | None:
    """The member, if the calling clinic is in their tier's network (whatever their card's state);
    otherwise None, exactly as for a member that does not exist: member ids are sequential, so
    another network's members must not be listable, nor even confirmed."""
    member = store.member(db, member_id)
    if member is None or not plan.in_network(member.tier, clinic):
        return None
    return member


def not_eligible() -> ProblemError:
    return ProblemError(422, "member-not-eligible", NO_SUCH_MEMBER)
