"""The sandbox insurer's HTTP API (v1): the routes of docs/architecture.md, on the contract models.

Request and response bodies are the `kiosk.insurer.models` classes, so the OpenAPI document this
app generates (`docs/insurer-api.yaml`) is the contract the kiosk client is written against.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Protocol

from fastapi import APIRouter, Depends, FastAPI, Query, Request, Response
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse
from fastapi.responses import Response as RawResponse
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, TypeAdapter, ValidationError

from insurer_sandbox import phone_guarantees
from insurer_sandbox.adjudication import adjudicate, usage_by_benefit
from insurer_sandbox.demo import DEMO_SIGNING_KEYS, demo_member
from insurer_sandbox.eligibility import eligibility
from insurer_sandbox.faults import FaultMiddleware, FaultQueue, admin
from insurer_sandbox.letters import guarantee_letter
from insurer_sandbox.member_app import card_page, demo_index_page, statement_link
from insurer_sandbox.plan import Plan, load_plan
from insurer_sandbox.problems import ProblemError, install_problem_handlers, problem_responses
from insurer_sandbox.store import (
    MemberRecord,
    Store,
    attachment_summary,
    canonical_hash,
    new_id,
)
from insurer_sandbox.workdays import BUSINESS_TZ, emergency_calendar, working_calendar
from kiosk.ecard import ECardError, public_key_to_b64, verify
from kiosk.insurer.models import (
    API_VERSION,
    Adjudication,
    Bill,
    ClaimCancel,
    ClaimResult,
    ClaimStatus,
    ClaimSubmission,
    DailyStatement,
    Eligibility,
    EligibilityByLookup,
    EligibilityByToken,
    GuaranteeLetter,
    IdempotencyKey,
    IsoDate,
    PreAuth,
    PreAuthCreated,
    PreAuthList,
    PreAuthRequest,
    PreAuthStatus,
    Problem,
    SigningKey,
    SigningKeys,
    StatementStored,
    StatementUpload,
    WorkingCalendar,
)

MAX_AMOUNT_FEN = 10**10
"""CNY 100 million: no clinic bill or pre-auth comes near it, so a larger figure is a typing or
encoding error; it also keeps every sum far inside SQLite's 64-bit integers."""


@dataclass(frozen=True)
class SandboxSettings:
    data_dir: Path
    admin_token: str | None = None
    clock: dt.datetime | None = None
    """Start as if it were this time (and seed a new database around it)."""


# --- dependencies


def _store(request: Request) -> Store:
    return request.app.state.store


def _plan(request: Request) -> Plan:
    return request.app.state.plan


StoreDep = Annotated[Store, Depends(_store)]
PlanDep = Annotated[Plan, Depends(_plan)]

_bearer = HTTPBearer(auto_error=False, description="The device API key issued for this kiosk")


def _calling_clinic(
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


ClinicDep = Annotated[str, Depends(_calling_clinic)]

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


def _replay(model: type[BaseModel]) -> dict[str, Any]:
    return {
        "model": model,
        "description": "A replay: this Idempotency-Key was already used with this body.",
    }


class _Idempotent(Protocol):
    @property
    def request_hash(self) -> str | None: ...


def _replayed(existing: _Idempotent, request_hash: str, response: Response, what: str) -> bool:
    """The Idempotency-Key was used before: the same request is answered again (200), another
    request under the same key is a 409."""
    if existing.request_hash != request_hash:
        raise ProblemError(
            409, "idempotency-conflict", f"this Idempotency-Key was used for another {what}"
        )
    response.status_code = 200
    return True


def _check_amount(amount: int, what: str) -> None:
    if amount > MAX_AMOUNT_FEN:
        raise ProblemError(422, "validation-error", f"{what} is not a possible amount")


def _today(store: Store) -> tuple[dt.datetime, dt.date]:
    now = store.now()
    return now, now.astimezone(BUSINESS_TZ).date()


NO_SUCH_MEMBER = "no member with this member_id"
NO_SUCH_CLAIM = "no such claim for this clinic"


def _billable_member(
    store: Store, db: sqlite3.Connection, plan: Plan, clinic: str, member_id: str
) -> MemberRecord | None:
    """The member, if the calling clinic is in their tier's network (whatever their card's state);
    otherwise None, exactly as for a member that does not exist: member ids are sequential, so
    another network's members must not be listable, nor even confirmed."""
    member = store.member(db, member_id)
    if member is None or not plan.in_network(member.tier, clinic):
        return None
    return member


def _not_eligible() -> ProblemError:
    return ProblemError(422, "member-not-eligible", NO_SUCH_MEMBER)


def _estimable_member(
    store: Store, plan: Plan, clinic: str, member_id: str
) -> tuple[MemberRecord, list[PreAuth]]:
    with store.reading() as db:
        member = _billable_member(store, db, plan, clinic, member_id)
        if member is None:
            raise _not_eligible()
        return member, store.preauths(db, member_id)


# --- v1 routes


def _no_unknown_query_parameters(request: Request) -> None:
    """Bodies refuse unknown fields (the contract models forbid extras); query strings too, so a
    misspelt parameter is an error instead of being silently ignored."""
    route = request.scope.get("route")
    declared = (
        {p.alias for p in route.dependant.query_params} if isinstance(route, APIRoute) else set()
    )
    unknown = sorted(set(request.query_params) - declared)
    if unknown:
        raise ProblemError(422, "validation-error", f"unknown query parameters: {unknown[:5]}")


v1 = APIRouter(
    prefix=f"/{API_VERSION}",
    dependencies=[Depends(_calling_clinic), Depends(_no_unknown_query_parameters)],
)


@v1.get("/signing-keys", responses=problem_responses(401))
def signing_keys(clinic: ClinicDep) -> SigningKeys:
    """The e-card public keys: the current one signs new tokens, the previous one still verifies."""
    return SigningKeys(
        keys=[
            SigningKey(
                kid=k.kid,
                public_key=public_key_to_b64(k.private_key().public_key()),
                status=k.status,
            )
            for k in DEMO_SIGNING_KEYS
        ]
    )


@v1.post(
    "/eligibility/token",
    responses=problem_responses(400, 401, also_422="`token-invalid`: the reason is the `detail`."),
)
def eligibility_by_token(
    body: EligibilityByToken, clinic: ClinicDep, store: StoreDep, plan: PlanDep
) -> Eligibility:
    """Eligibility for the member on an e-card QR. A token that does not verify is 422
    `token-invalid` with the reason (`malformed`, `unknown-key`, `bad-signature`, `expired`,
    `not-yet-valid`) as `detail`; a genuine token for a member the insurer does not hold is
    200 `not_found`. No replay guard here: the kiosk may retry a check with the same token."""
    now = store.now()
    keys = {k.kid: k.private_key().public_key() for k in DEMO_SIGNING_KEYS}
    try:
        token = verify(body.token, keys, now)
    except ECardError as exc:
        raise ProblemError(422, "token-invalid", exc.reason.value) from None
    with store.reading() as db:
        member = store.member(db, token.member_id)
        if member is not None and member.policy_number != token.policy_ref:
            member = None
        preauths = store.preauths(db, member.member_id) if member else []
    return eligibility(plan, member, preauths, clinic, now)


@v1.post("/eligibility/lookup", responses=problem_responses(400, 401))
def eligibility_by_lookup(
    body: EligibilityByLookup, clinic: ClinicDep, store: StoreDep, plan: PlanDep
) -> Eligibility:
    """Manual lookup: all three facts must match (policy number case-insensitively); otherwise
    `not_found`, without saying which fact was wrong."""
    now = store.now()
    with store.reading() as db:
        member = store.member_by_lookup(
            db, body.policy_number.strip().upper(), body.child_name.strip(), body.guardian_phone
        )
        preauths = store.preauths(db, member.member_id) if member else []
    return eligibility(plan, member, preauths, clinic, now)


@v1.post(
    "/adjudication/estimate",
    responses=problem_responses(
        400,
        401,
        404,
        409,
        only_409="`claim-not-replaceable`: the claim named by `replaces` is not an accepted "
        "claim of this member.",
        also_422="`member-not-eligible`: unknown member, or not in this clinic's network.",
    ),
)
def estimate(
    bill: Bill,
    clinic: ClinicDep,
    store: StoreDep,
    plan: PlanDep,
    replaces: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=64,
            description="Estimate a corrected claim: as if this accepted claim (of this clinic, "
            "for the same member) were cancelled and what it used given back",
        ),
    ] = None,
) -> Adjudication:
    """What the insurer would pay for this bill now, line by line; changes nothing. Lines the
    clinic cannot direct-bill (greyed or expired card, date outside the policy period) come back
    patient-paid with the reason. A member the clinic's network does not include gets the same
    answer as an unknown member: 422 `member-not-eligible`, "no member with this member_id".
    With `replaces`, the estimate of a corrected claim: as if that claim were cancelled and had
    given back what it used (the fully-paid visit, limit, billed cost, approvals), which is what
    the corrected claim will be adjudicated against; nothing is cancelled. 404 `not-found` for a
    claim of another clinic (as for a missing one), 409 `claim-not-replaceable` for one that is
    not accepted or is another member's."""
    _check_amount(sum(x.submitted_fen for x in bill.lines), "the bill total")
    member, preauths = _estimable_member(store, plan, clinic, bill.member_id)
    _, today = _today(store)
    if replaces is None:
        return adjudicate(plan, member, preauths, clinic, bill, today).adjudication
    with store.what_if() as db:
        replaced = _replaceable(store, db, clinic, replaces, bill.member_id)
        _give_back(store, db, plan, replaced, "estimate of its correction")
        member = store.member(db, bill.member_id) or member
        preauths = store.preauths(db, bill.member_id)
        return adjudicate(plan, member, preauths, clinic, bill, today).adjudication


@v1.post(
    "/claims",
    status_code=201,
    responses={
        200: _replay(ClaimResult),
        **problem_responses(
            400,
            401,
            404,
            409,
            also_409="`duplicate-claim`: this bill is already claimed; `detail` names the claim. "
            "`adjudication-changed`: the insurer's adjudication is not the one the family "
            "signed; `detail` names the lines; nothing is recorded. `claim-not-replaceable`: "
            "the claim named by `replaces` is not an accepted claim of this member. "
            "`guarantee-used`: another claim used the phone guarantee.",
            also_422="`bill-hash-mismatch`: `bill_hash` is not of what the claim shows; "
            "`member-not-eligible`: this clinic cannot direct-bill the member; "
            "`guarantee-invalid`: no phone guarantee for this member, clinic and date.",
        ),
    },
    openapi_extra={"parameters": [IDEMPOTENCY_KEY_PARAMETER]},
)
def submit_claim(
    submission: ClaimSubmission,
    response: Response,
    clinic: ClinicDep,
    key: IdempotencyKeyDep,
    store: StoreDep,
    plan: PlanDep,
) -> ClaimResult:
    """Record a signed claim. The insurer first recomputes `bill_hash` from `bill`, `shown` and
    `clinic_invoice_no` (the canonical shown bill): a different hash is 422 `bill-hash-mismatch`
    and nothing is recorded; `shown.adjudication` must answer each bill line at its amount and
    total `expected_covered_fen` (422 `validation-error` otherwise). The insurer then recomputes
    the adjudication as of now and compares it with `shown.adjudication` (what the family
    signed) line by line: insurer share, family share, reason and `preauth_ref` of each line, and
    `free_visit_used`. Any difference (another claim used the fully-paid visit, the limit or the
    approval meanwhile) is 409 `adjudication-changed`, `detail` naming the lines, and nothing is
    recorded: the desk estimates again and has the family sign the new bill. An accepted claim
    uses the member's annual limit and free visit, and each line paid under an approval
    (`preauth_ref`) uses its units and covered amount of that approval. 422
    `member-not-eligible` when this clinic cannot direct-bill the member (nothing recorded); for
    a member the clinic's network does not include, the answer is the unknown member's ("no
    member with this member_id"). The same key
    and body again answers the recorded claim (200); the same key with another body is 409
    `idempotency-conflict`. A bill already claimed by this clinic (same `clinic_invoice_no` and
    `bill_hash`) under another key is 409 `duplicate-claim`, its `detail` naming the recorded
    claim's id (ask `GET /v1/claims/{claim_id}` for its answer); nothing is recorded.

    A corrected claim names in `replaces` the accepted claim it corrects (FHIR Claim.related,
    relationship replaces): in the same transaction that claim is cancelled ("replaced by" the
    new claim id) and gives back what it used, exactly as `POST /v1/claims/{claim_id}/cancel`
    does; then the corrected bill is adjudicated (so it sees what was given back: sign it on
    `POST /v1/adjudication/estimate?replaces=`) and recorded with the link, which both claims
    then answer (`replaces`, `replaced_by`). Any refusal, 409 `adjudication-changed` included,
    undoes the cancel too. A claim of another clinic is 404 `not-found` as for a missing one; a
    claim that is not accepted (cancelled, already replaced, rejected) or of another member is
    409 `claim-not-replaceable`.

    A claim signed under a phone guarantee (`phone_guarantee`: the hotline's reference, given
    while this API could not be reached; every shown line `guarantee-pending`) is not compared
    with what the family signed, which was "to be confirmed": the insurer checks the reference
    was issued for this member, this clinic and the service date (422 `guarantee-invalid`) and
    used by no other claim (409 `guarantee-used`), then records the claim with its own
    adjudication; what it does not cover is the family's to pay the clinic."""
    bill = submission.bill
    _check_amount(sum(x.submitted_fen for x in bill.lines), "the bill total")
    _check_amount(submission.expected_covered_fen, "expected_covered_fen")
    if submission.signature.bill_hash != submission.bill_hash:
        raise ProblemError(422, "validation-error", "the signature was made for another bill")
    if submission.recomputed_bill_hash() != submission.bill_hash:
        raise ProblemError(
            422,
            "bill-hash-mismatch",
            "bill_hash is not the hash of the bill, shown block and invoice number sent: the "
            "claim is not the bill the family signed",
        )
    # A claim without `replaces` hashes as before the field existed, so replays of claims that
    # older sandboxes recorded still match.
    optional = ("replaces", "phone_guarantee")
    unset = {name for name in optional if getattr(submission, name) is None} or None
    request_hash = canonical_hash(submission.model_dump(mode="json", exclude=unset))
    with store.writing() as db:
        existing = store.claim_by_key(db, clinic, key)
        if existing is not None and _replayed(existing, request_hash, response, "claim"):
            return existing.result
        first = store.claim_by_bill(db, clinic, submission.clinic_invoice_no, submission.bill_hash)
        if first is not None:
            raise ProblemError(
                409,
                "duplicate-claim",
                f"this bill is already claimed as {first.claim_id} under another Idempotency-Key",
            )
        member = _billable_member(store, db, plan, clinic, bill.member_id)
        if member is None:
            raise _not_eligible()
        claim_id = new_id("CLM")
        guarantee = submission.phone_guarantee
        if guarantee is not None:
            try:
                phone_guarantees.check(
                    db,
                    guarantee.reference,
                    clinic_id=clinic,
                    member_id=member.member_id,
                    service_date=bill.service_date,
                )
            except phone_guarantees.GuaranteeRefused as refused:
                status = 409 if refused.code == "guarantee-used" else 422
                raise ProblemError(status, refused.code, refused.detail) from None
        if submission.replaces is not None:
            replaced = _replaceable(store, db, clinic, submission.replaces, member.member_id)
            _give_back(store, db, plan, replaced, f"replaced by {claim_id}")
            member = store.member(db, member.member_id) or member
        now, today = _today(store)
        outcome = adjudicate(
            plan, member, store.preauths(db, member.member_id), clinic, bill, today
        )
        if outcome.block is not None:
            raise ProblemError(422, "member-not-eligible", outcome.block.detail)
        if guarantee is None:  # under a guarantee the family signed "to be confirmed"
            _check_unchanged(submission.shown.adjudication, outcome.adjudication)
        result = ClaimResult(
            claim_id=claim_id,
            idempotency_key=key,
            status=ClaimStatus.ACCEPTED,
            adjudication=outcome.adjudication,
            bill_hash=submission.bill_hash,
            clinic_id=clinic,
            member_id=member.member_id,
            service_date=bill.service_date,
            recorded_at=now,
            replaces=submission.replaces,
        )
        store.insert_claim(
            db,
            result,
            request_hash=request_hash,
            bill_json=bill.model_dump_json(),
            signature_json=submission.signature.model_dump_json(),
            expected_covered_fen=submission.expected_covered_fen,
            clinic_invoice_no=submission.clinic_invoice_no,
            audit_head=submission.audit_head,
        )
        store.record_usage(
            db,
            member.member_id,
            outcome.covered_by_benefit,
            free_visit_used=outcome.adjudication.free_visit_used,
        )
        store.record_preauth_uses(db, result.claim_id, outcome.preauth_uses)
        if submission.replaces is not None:
            store.link_replacement(db, submission.replaces, result.claim_id)
        if guarantee is not None:
            phone_guarantees.use(db, guarantee.reference, result.claim_id)
    return result


def _check_unchanged(signed: Adjudication, now: Adjudication) -> None:
    """409 `adjudication-changed` unless the insurer's adjudication of the claim is the one the
    family signed: the desk must show the family the new amounts rather than claim a bill they did
    not see. `detail` names line numbers only (no member data)."""
    if signed.same_terms(now):
        return
    changed = [f"line {n}" for n in signed.changed_lines(now)]
    if signed.free_visit_used != now.free_visit_used:
        changed.append("the fully-paid visit")
    raise ProblemError(
        409,
        "adjudication-changed",
        f"the insurer's adjudication is no longer the one signed ({', '.join(changed)} changed): "
        "estimate the bill again and have the family sign the new amounts",
    )


@v1.get("/claims/{claim_id}", responses=problem_responses(401, 404))
def claim_status(claim_id: str, clinic: ClinicDep, store: StoreDep) -> ClaimResult:
    """A claim this clinic recorded; another clinic's claim is `not-found` like a missing one."""
    with store.reading() as db:
        result = store.claim(db, claim_id)
    if result is None or result.clinic_id != clinic:
        raise ProblemError(404, "not-found", NO_SUCH_CLAIM)
    return result


@v1.post(
    "/claims/{claim_id}/cancel",
    responses=problem_responses(
        400,
        401,
        404,
        409,
        only_409="`claim-not-cancellable`: the claim is not accepted (rejected or paid).",
    ),
)
def cancel_claim(
    claim_id: str, body: ClaimCancel, clinic: ClinicDep, store: StoreDep, plan: PlanDep
) -> ClaimResult:
    """Cancel an accepted claim this clinic recorded (FHIR Claim.status cancelled): the visit did
    not happen as billed. It gives back what it used: its annual-limit usage, its fully-paid
    visit, its billed cost (towards the CNY 30,000 pre-auth threshold) and the uses and amounts
    it took from approvals. Its daily statement lists it as `cancelled`, paying nothing.
    Cancelling a cancelled claim answers it again (200, nothing more given back); any other
    claim is 409 `claim-not-cancellable`. Another clinic's claim is `not-found` like a missing
    one."""
    with store.writing() as db:
        claim = store.claim(db, claim_id)
        if claim is None or claim.clinic_id != clinic:
            raise ProblemError(404, "not-found", NO_SUCH_CLAIM)
        if claim.status is ClaimStatus.CANCELLED:
            return claim
        if claim.status is not ClaimStatus.ACCEPTED:
            raise ProblemError(
                409,
                "claim-not-cancellable",
                f"only an accepted claim can be cancelled; this one is {claim.status.value}",
            )
        return _give_back(store, db, plan, claim, body.reason)


def _give_back(
    store: Store, db: sqlite3.Connection, plan: Plan, claim: ClaimResult, reason: str
) -> ClaimResult:
    """Cancel accepted `claim`, giving back what it used (annual limit, fully-paid visit, billed
    cost, approvals' uses and amounts); the cancelled claim."""
    usage = usage_by_benefit(plan, store.claim_bill(db, claim.claim_id), claim.adjudication)
    return store.cancel_claim(db, claim, reason=reason, usage_by_benefit=usage, now=store.now())


def _replaceable(
    store: Store, db: sqlite3.Connection, clinic: str, claim_id: str, member_id: str
) -> ClaimResult:
    """The claim a correction for `member_id` may replace: this clinic's (else 404 as for a
    missing claim), accepted and of the same member (else 409 `claim-not-replaceable`)."""
    claim = store.claim(db, claim_id)
    if claim is None or claim.clinic_id != clinic:
        raise ProblemError(404, "not-found", NO_SUCH_CLAIM)
    if claim.status is not ClaimStatus.ACCEPTED:
        raise ProblemError(
            409,
            "claim-not-replaceable",
            f"only an accepted claim can be replaced; this one is {claim.status.value}",
        )
    if claim.member_id != member_id:
        raise ProblemError(
            409, "claim-not-replaceable", "the claim to replace is of another member"
        )
    return claim


@v1.put(
    "/claims/{claim_id}/statement",
    responses=problem_responses(
        400,
        401,
        404,
        409,
        also_409="`idempotency-conflict`: this version was stored with another PDF.",
    ),
)
def put_statement(
    claim_id: str, upload: StatementUpload, clinic: ClinicDep, store: StoreDep
) -> StatementStored:
    """Store the family's signed statement of a claim this clinic recorded; the member sees the
    newest version in the e-card's visit records (就诊记录). The same version and PDF again is
    answered as stored; the same version with another PDF is 409 `idempotency-conflict`."""
    with store.writing() as db:
        claim = store.claim(db, claim_id)
        if claim is None or claim.clinic_id != clinic:
            raise ProblemError(404, "not-found", NO_SUCH_CLAIM)
        stored = store.put_statement(db, claim_id, upload.version, upload.pdf, upload.pdf_sha256)
    if stored is not None and stored[0] != upload.pdf_sha256:
        raise ProblemError(
            409, "idempotency-conflict", "this statement version was stored with another PDF"
        )
    stored_at = dt.datetime.fromisoformat(stored[1]) if stored else store.now()
    return StatementStored(
        claim_id=claim_id,
        version=upload.version,
        pdf_sha256=upload.pdf_sha256,
        stored_at=stored_at,
    )


@v1.get("/preauths", responses=problem_responses(401, 404))
def list_preauths(
    member_id: Annotated[str, Query(min_length=1, max_length=64)],
    clinic: ClinicDep,
    store: StoreDep,
    plan: PlanDep,
) -> PreAuthList:
    """A member's pre-auths, oldest first, for a member in the calling clinic's network (a greyed
    or expired card included); an approval with its `grant` and what is left of it (uses and
    amount, less what accepted claims took). 404 `not-found` for an unknown member and, with the
    same answer, for a member the clinic's network does not include."""
    with store.reading() as db:
        if _billable_member(store, db, plan, clinic, member_id) is None:
            raise ProblemError(404, "not-found", NO_SUCH_MEMBER)
        return PreAuthList(preauths=store.preauths(db, member_id))


@v1.get("/preauths/calendar", responses=problem_responses(401))
def preauth_calendar(clinic: ClinicDep, store: StoreDep, plan: PlanDep) -> WorkingCalendar:
    """The working-day rule a pre-auth request made today is judged by (see docs/demo-data.md)."""
    _, today = _today(store)
    return working_calendar(today, plan.preauth.lead_time_working_days)


NO_SUCH_PREAUTH = "no such pre-auth for this clinic"


def _visible_preauth(
    store: Store, db: sqlite3.Connection, plan: Plan, clinic: str, preauth_id: str
) -> tuple[PreAuth, MemberRecord]:
    """A pre-auth of a member the calling clinic's network may bill, with the member; otherwise
    404, the same answer as for a pre-auth that does not exist."""
    preauth = store.preauth(db, preauth_id)
    member = _billable_member(store, db, plan, clinic, preauth.member_id) if preauth else None
    if preauth is None or member is None:
        raise ProblemError(404, "not-found", NO_SUCH_PREAUTH)
    return preauth, member


@v1.get("/preauths/{preauth_id}", responses=problem_responses(401, 404))
def preauth_status(preauth_id: str, clinic: ClinicDep, store: StoreDep, plan: PlanDep) -> PreAuth:
    """One pre-auth as it stands (the desk polls open requests: pending → approved / denied /
    info_requested, with the insurer's `decision_note`). 404 `not-found` for an unknown id and,
    with the same answer, for a member the clinic's network does not include."""
    with store.reading() as db:
        return _visible_preauth(store, db, plan, clinic, preauth_id)[0]


@v1.get(
    "/preauths/{preauth_id}/letter",
    responses=problem_responses(
        401, 404, 409, only_409="`preauth-not-approved`: the pre-auth is not approved (now)."
    ),
)
def preauth_letter(
    preauth_id: str, clinic: ClinicDep, store: StoreDep, plan: PlanDep
) -> GuaranteeLetter:
    """The guarantee letter (担保函) of an approved pre-auth, addressed to the calling clinic: the
    member (masked), the item, the grant (auth number, amount, validity window, uses, what is
    left) and its terms, each in Chinese then English. Issued at the approval's time. 409
    `preauth-not-approved` while the pre-auth is pending, denied or waiting for more
    information; 404 as for `GET /v1/preauths/{preauth_id}`."""
    with store.reading() as db:
        preauth, member = _visible_preauth(store, db, plan, clinic, preauth_id)
        if preauth.status is not PreAuthStatus.APPROVED or preauth.decided_at is None:
            raise ProblemError(
                409,
                "preauth-not-approved",
                f"no letter: the pre-auth is {preauth.status.value}, not approved",
            )
        clinic_name = store.clinic_name(db, clinic)
    return guarantee_letter(
        preauth,
        member,
        clinic_id=clinic,
        clinic_name=clinic_name,
        issued_at=preauth.decided_at,
    )


@v1.post(
    "/preauths",
    status_code=201,
    responses={
        200: _replay(PreAuthCreated),
        **problem_responses(
            400,
            401,
            409,
            also_422="`preauth-lead-time`: too few working days ahead (an emergency: a date in "
            "the past); `member-not-eligible`.",
        ),
    },
    openapi_extra={"parameters": [IDEMPOTENCY_KEY_PARAMETER]},
)
def request_preauth(
    body: PreAuthRequest,
    response: Response,
    clinic: ClinicDep,
    key: IdempotencyKeyDep,
    store: StoreDep,
    plan: PlanDep,
) -> PreAuthCreated:
    """File a pre-auth request (status `pending` until the insurer decides), with its
    attachments (answered as `attachments`: title, type, size and SHA-256). 422
    `preauth-lead-time` when the planned date is earlier than `earliest_planned_date` of today's
    working calendar; an `emergency` request has no lead time (its calendar requires 0 working
    days: the planned date may be today, not earlier) and is reviewed the same day. 422
    `member-not-eligible` for a planned date outside the policy period, and for an unknown
    member or one the clinic's network does not include (the same answer for both: "no member
    with this member_id")."""
    _check_amount(body.estimated_cost_fen, "estimated_cost_fen")
    request_hash = canonical_hash(body.model_dump(mode="json"))
    with store.writing() as db:
        existing = store.preauth_by_key(db, clinic, key)
        if existing is not None and _replayed(existing, request_hash, response, "request"):
            return PreAuthCreated(preauth=existing.preauth, calendar=existing.calendar)
        member = _billable_member(store, db, plan, clinic, body.member_id)
        if member is None:
            raise _not_eligible()
        if not member.period_start <= body.planned_date <= member.period_end:
            raise ProblemError(
                422, "member-not-eligible", "the planned date is outside the policy period"
            )
        now, today = _today(store)
        calendar = (
            emergency_calendar(today)
            if body.emergency
            else working_calendar(today, plan.preauth.lead_time_working_days)
        )
        if body.planned_date < calendar.earliest_planned_date:
            if body.emergency:
                raise ProblemError(
                    422,
                    "preauth-lead-time",
                    f"an emergency's planned date is today ({today.isoformat()}) or later",
                )
            fallback = " (weekends-only fallback)" if calendar.fallback_weekends_only else ""
            raise ProblemError(
                422,
                "preauth-lead-time",
                f"the planned date must leave at least {calendar.required_working_days} working "
                f"days after today ({today.isoformat()}); the earliest is "
                f"{calendar.earliest_planned_date.isoformat()}{fallback}",
            )
        preauth = PreAuth(
            preauth_id=new_id("PA"),
            status=PreAuthStatus.PENDING,
            requested_at=now,
            attachments=[attachment_summary(a) for a in body.attachments],
            **body.model_dump(exclude={"attachments"}),
        )
        store.insert_preauth(
            db,
            preauth,
            clinic_id=clinic,
            idempotency_key=key,
            request_hash=request_hash,
            calendar_json=calendar.model_dump_json(),
            attachments=body.attachments,
        )
    return PreAuthCreated(preauth=preauth, calendar=calendar)


@v1.get("/statements/{date}", responses=problem_responses(401))
def daily_statement(date: IsoDate, clinic: ClinicDep, store: StoreDep) -> DailyStatement:
    """Claims recorded for the calling clinic on `date` (Asia/Shanghai day of `recorded_at`).
    Totals count accepted and paid claims; rejected and cancelled claims are listed but pay
    nothing. Each claim
    carries back the `audit_head` it was sent with (null when none), for the clinic to compare
    with its journal's audit trail."""
    return DailyStatement.of(clinic, date, store.statement_lines(clinic, date))


# --- outside the contract: health, demo e-cards

extras = APIRouter(include_in_schema=False)


@extras.get("/healthz")
def healthz() -> dict[str, Any]:
    """Readiness, with the pid so a launcher knows it reached its own process."""
    return {"status": "ok", "pid": os.getpid()}


@extras.get("/demo", response_class=HTMLResponse)
def demo_index() -> str:
    return demo_index_page()


@extras.get("/demo/card/{member_id}", response_class=HTMLResponse)
def demo_card(member_id: str, store: StoreDep, plan: PlanDep) -> str:
    """A member's e-card page (member id or demo state key), as the member app would show it."""
    with suppress(KeyError):
        member_id = demo_member(member_id).member_id
    with store.reading() as db:
        member = store.member(db, member_id)
        if member is None:
            raise ProblemError(404, "not-found", "no such member")
        records = store.visit_records(db, member.member_id)
    return card_page(plan, member, store.now(), records)


@extras.get("/demo/card/{member_id}/records/{claim_id}.pdf", response_class=RawResponse)
def demo_card_statement(member_id: str, claim_id: str, store: StoreDep) -> RawResponse:
    """The newest statement of one visit, as the e-card app opens it from the visit records."""
    with suppress(KeyError):
        member_id = demo_member(member_id).member_id
    with store.reading() as db:
        pdf = store.statement_pdf(db, member_id, claim_id)
    if pdf is None:
        raise ProblemError(404, "not-found", "no statement for this visit")
    return RawResponse(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{statement_link(claim_id)}"'},
    )


# --- the application

API_DESCRIPTION = """\
The insurer API (v1) for direct billing at network clinics, as implemented by the insurer
sandbox. Every call needs `Authorization: Bearer <device key>`; the key identifies the clinic.
Amounts are integer fen; timestamps are timezone-aware (UTC on the wire); business days are
Asia/Shanghai. Errors are `application/problem+json` `Problem` bodies with a stable `code`:
`unauthorized`, `forbidden`, `not-found`, `validation-error`, `token-invalid`,
`idempotency-conflict`, `idempotency-key-required`, `duplicate-claim`, `bill-hash-mismatch`,
`adjudication-changed`, `claim-not-cancellable`, `claim-not-replaceable`, `preauth-lead-time`,
`preauth-not-approved`, `member-not-eligible`, `internal-error`.
"""


def _unwrap(text: str) -> str:
    """Docstring line breaks are for the source; the document gets one line per paragraph."""
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text).strip()


def create_app(settings: SandboxSettings) -> FastAPI:
    """The sandbox application; its database is opened (and seeded) when the app starts."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = Store.open(settings.data_dir, clock=settings.clock)
        yield

    app = FastAPI(
        title="Insurer API (direct billing)",
        version=API_VERSION,
        description=API_DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.plan = load_plan()
    install_problem_handlers(app)
    app.include_router(v1)
    app.include_router(extras)
    if settings.admin_token:
        app.state.admin_token = settings.admin_token
        app.state.faults = FaultQueue()
        app.include_router(admin)
        app.add_middleware(FaultMiddleware, queue=app.state.faults)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=_unwrap(app.description),
                routes=app.routes,
            )
            for operations in document["paths"].values():
                for operation in operations.values():
                    operation["description"] = _unwrap(operation["description"])
            document["components"]["schemas"]["Problem"] = Problem.model_json_schema(
                ref_template="#/components/schemas/{model}"
            )
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def openapi_document() -> dict[str, Any]:
    """The contract as the code defines it (what `docs/insurer-api.yaml` must equal)."""
    return create_app(SandboxSettings(data_dir=Path())).openapi()
