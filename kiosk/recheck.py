"""Just before the family signs, the insurer is asked once more what it pays.

Balances move between the scan and the signature: another desk's visit for the same child, a
claim accepted meanwhile, an approval used up. A bill signed against an estimate that no longer
holds is refused by the insurer (409 `adjudication-changed`), and the family would have signed
amounts that are not true. So the bill is turned to the family only when the insurer's answer now
is the one on reception's screen; when it changed, the new answer comes back instead, reception
and the family see the new amounts, and nothing is recorded until they are presented again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kiosk.desk import PresentedBill, present_bill
from kiosk.insurer.models import Adjudication, Bill
from kiosk.journal import Journal


@dataclass(frozen=True)
class EstimateChanged:
    """The insurer's answer moved since reception's estimate: show `now`, present again."""

    shown: Adjudication
    now: Adjudication


def recheck_and_present(
    estimate: Callable[[Bill], Adjudication],
    journal: Journal,
    bill: Bill,
    shown: Adjudication,
    *,
    clinic: str,
    names_en: Mapping[str, str] | None = None,
    journal_visit_id: int | None = None,
) -> PresentedBill | EstimateChanged:
    """Ask the insurer (`estimate`) for `bill` again: the same answer as `shown` records the bill
    for signature (on `journal_visit_id`: a corrected bill, on the visit it corrects; else a new
    visit); another answer records nothing and is returned to be shown. A corrected bill is
    estimated as its correction (`estimate` passes the claim it replaces)."""
    now = estimate(bill)
    if now != shown:
        return EstimateChanged(shown=shown, now=now)
    return present_bill(
        journal, bill, shown, clinic=clinic, names_en=names_en, journal_visit_id=journal_visit_id
    )
