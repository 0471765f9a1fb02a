"""Claims: submit, read, cancel, correct, and the family's signed statement of a claim.

Cancel and correct give back the same usage, so both go through `give_back` here.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from fastapi import APIRouter, Response

from insurer_sandbox import phone_guarantees
from insurer_sandbox.adjudication import adjudicate, usage_by_benefit
from insurer_sandbox.api.common import (
    IDEMPOTENCY_KEY_PARAMETER,
    ClinicDep,
    IdempotencyKeyDep,
    PlanDep,
    StoreDep,
    billable_member,
    business_day,
    check_amount,
    not_eligible,
    replay,
    replayed,
)
from insurer_sandbox.plan import Plan
from insurer_sandbox.problems import ProblemError, problem_responses
from insurer_sandbox.store import Store, canonical_hash, new_id
from kiosk.insurer.models import (
    Adjudication,
    ClaimCancel,
    ClaimResult,
    ClaimStatus,
    ClaimSubmission,
    StatementStored,
    StatementUpload,
)

NO_SUCH_CLAIM = "no such claim for this clinic"

router = APIRouter()


@router.post(
    "/claims",
    status_code=201,
    responses={
        200: replay(ClaimResult),
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
    claim that is not accepted (cancelled, already replaced, rejected, or reviewed: adjudicated
    or paid) or of another member is 409 `claim-not-replaceable`.

    A claim signed under a phone guarantee (`phone_guarantee`: the hotline's reference, given
    while this API could not be reached; every shown line `guarantee-pending`) is not compared
    with what the family signed, which was "to be confirmed": the insurer checks the reference
    was issued for this member, this clinic and the service date (422 `guarantee-invalid`) and
    used by no other claim (409 `guarantee-used`), then records the claim with its own
    adjudication; what it does not cover is the family's to pay the clinic."""
    bill = submission.bill
    check_amount(sum(x.submitted_fen for x in bill.lines), "the bill total")
    check_amount(submission.expected_covered_fen, "expected_covered_fen")
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
        if existing is not None and replayed(existing, request_hash, response, "claim"):
            return existing.result
        first = store.claim_by_bill(db, clinic, submission.clinic_invoice_no, submission.bill_hash)
        if first is not None:
            raise ProblemError(
                409,
                "duplicate-claim",
                f"this bill is already claimed as {first.claim_id} under another Idempotency-Key",
            )
        member = billable_member(store, db, plan, clinic, bill.member_id)
        if member is None:
            raise not_eligible()
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
            replaced = replaceable(store, db, clinic, submission.replaces, member.member_id)
            give_back(store, db, plan, replaced, f"replaced by {claim_id}")
            member = store.member(db, member.member_id) or member
        now, today = business_day(store)
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


@router.get("/claims/{claim_id}", responses=problem_responses(401, 404))
def claim_status(claim_id: str, clinic: ClinicDep, store: StoreDep) -> ClaimResult:
    """A claim this clinic recorded, as it stands: once the insurer has reviewed it (a payment
    run, the day after it was recorded or later) its `review` with the final amounts line by
    line and what moved to the family (`family_balance`, with when they paid it), and the
    `payments` of it to the clinic (the insurer's share; the family's balance once they paid it
    in the e-card app), each naming its remittance. Another clinic's claim is `not-found` like a
    missing one."""
    with store.reading() as db:
        result = store.claim(db, claim_id)
    if result is None or result.clinic_id != clinic:
        raise ProblemError(404, "not-found", NO_SUCH_CLAIM)
    return result


@router.post(
    "/claims/{claim_id}/cancel",
    responses=problem_responses(
        400,
        401,
        404,
        409,
        only_409="`claim-not-cancellable`: the claim is not accepted (the insurer reviewed it: "
        "adjudicated or paid; or it was rejected).",
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
    claim is 409 `claim-not-cancellable`: once the insurer has reviewed a claim (adjudicated,
    paid, or rejected after review) the clinic can no longer take it back. Another clinic's claim
    is `not-found` like a missing one."""
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
        return give_back(store, db, plan, claim, body.reason)


def give_back(
    store: Store, db: sqlite3.Connection, plan: Plan, claim: ClaimResult, reason: str
) -> ClaimResult:
    """Cancel accepted `claim`, giving back what it used (annual limit, fully-paid visit, billed
    cost, approvals' uses and amounts); the cancelled claim."""
    usage = usage_by_benefit(plan, store.claim_bill(db, claim.claim_id), claim.adjudication)
    return store.cancel_claim(db, claim, reason=reason, usage_by_benefit=usage, now=store.now())


def replaceable(
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


@router.put(
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
