"""Whose charges these are: the HIS's patient held against the card the family just scanned.

The insurer tells the desk the policy number, the child's name with all but its first character
masked, and the year of birth (never the full name or date: the desk does not need them). So the
match is exact on what is known — the policy number, the member reference when the HIS keeps it,
the name's first character and length, the year of birth — and any difference blocks the charges
for this card. Two HIS patients on one policy (twins would be) block as well unless the HIS sends
the insurer's member number: the desk never picks one; reception builds that bill by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from kiosk.his.charges import HisPatient
from kiosk.his.inbox import policy_key
from kiosk.insurer.models import Eligibility


class Mismatch(StrEnum):
    """Which of the insurer's facts the HIS's patient differs in. Stable: screens switch on it."""

    POLICY = "policy-number"
    MEMBER = "member-id"
    NAME = "name"
    BIRTH_YEAR = "birth-year"
    AMBIGUOUS = "ambiguous"
    """Another HIS patient on this policy could be the card's child too."""


@dataclass(frozen=True, slots=True)
class PatientMatch:
    mismatches: tuple[Mismatch, ...]

    @property
    def matched(self) -> bool:
        return not self.mismatches


def match_patient(patient: HisPatient, eligibility: Eligibility) -> PatientMatch:
    """How the HIS's patient compares with the member the insurer answered for."""
    member, coverage = eligibility.member, eligibility.coverage
    if member is None or coverage is None:
        return PatientMatch((Mismatch.POLICY,))
    found: list[Mismatch] = []
    if policy_key(patient.policy_number) != policy_key(coverage.policy_number):
        found.append(Mismatch.POLICY)
    if patient.member_id is not None and patient.member_id.strip() != member.member_id:
        found.append(Mismatch.MEMBER)
    if not _same_masked_name(patient.name, member.name_masked):
        found.append(Mismatch.NAME)
    if patient.birth_date.year != member.birth_year:
        found.append(Mismatch.BIRTH_YEAR)
    return PatientMatch(tuple(found))


def match_patients(
    patients: Sequence[HisPatient],
    eligibility: Eligibility,
    *,
    on_policy: Sequence[HisPatient] = (),
) -> list[PatientMatch]:
    """Each HIS patient against the card, in order. `on_policy` is every HIS patient the HIS
    has sent charges for on this policy (any day). Where two HIS patients could be the card's
    child — two that match it, here or ever on the policy (twins; a child the HIS registered
    twice) — only the insurer's member number, when the HIS sends it, tells them apart; without
    it, neither is taken. A sibling the card tells apart (another initial, length or year) is
    no doubt."""
    matches = [match_patient(p, eligibility) for p in patients]
    could_be = {
        p.his_patient_id
        for p in (*patients, *on_policy)
        if match_patient(replace(p, member_id=None), eligibility).matched
    }
    several = len(could_be) > 1
    return [
        PatientMatch((Mismatch.AMBIGUOUS,)) if m.matched and several and p.member_id is None else m
        for p, m in zip(patients, matches, strict=True)
    ]


def _same_masked_name(name: str, masked: str) -> bool:
    """The insurer's masked name keeps the first character and the length: both must agree.
    Spacing is not a difference (a HIS may put a space between family and given name, and the
    mask hides whether the insurer's has one)."""
    spaced, unspaced = " ".join(name.split()), "".join(name.split())
    return (
        bool(unspaced) and unspaced[0] == masked[:1] and len(masked) in {len(spaced), len(unspaced)}
    )
