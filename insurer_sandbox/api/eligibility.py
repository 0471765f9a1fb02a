"""Eligibility: who the kiosk may bill, from an e-card QR or a manual lookup, and the e-card keys.

The signing keys live here because they are what an e-card token is verified against.
"""

from __future__ import annotations

from fastapi import APIRouter

from insurer_sandbox.api.common import ClinicDep, PlanDep, StoreDep
from insurer_sandbox.demo import DEMO_SIGNING_KEYS
from insurer_sandbox.eligibility import eligibility
from insurer_sandbox.problems import ProblemError, problem_responses
from kiosk.ecard import ECardError, public_key_to_b64, verify
from kiosk.insurer.models import (
    Eligibility,
    EligibilityByLookup,
    EligibilityByToken,
    SigningKey,
    SigningKeys,
)

router = APIRouter()


@router.get("/signing-keys", responses=problem_responses(401))
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


@router.post(
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


@router.post("/eligibility/lookup", responses=problem_responses(400, 401))
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
