"""The insurer's estimate of a bill, made up for tests that need one without asking the insurer."""

from __future__ import annotations

from collections.abc import Collection

from kiosk.insurer.models import AdjudicatedLine, Adjudication, Bill, Reason


def covered_except(
    bill: Bill, not_covered: Collection[int] = (), *, free_visit_used: bool = True
) -> Adjudication:
    """The insurer pays every line in full but those numbered in `not_covered` (the family pays
    them); `free_visit_used` as the insurer would say."""
    lines = []
    for line in bill.lines:
        covered = 0 if line.line_no in not_covered else line.submitted_fen
        lines.append(
            AdjudicatedLine(
                line_no=line.line_no,
                submitted_fen=line.submitted_fen,
                covered_fen=covered,
                patient_fen=line.submitted_fen - covered,
                reason=Reason.NOT_COVERED if line.line_no in not_covered else Reason.COVERED,
            )
        )
    return Adjudication(
        lines=lines,
        total_submitted_fen=sum(x.submitted_fen for x in lines),
        total_covered_fen=sum(x.covered_fen for x in lines),
        total_patient_fen=sum(x.patient_fen for x in lines),
        free_visit_used=free_visit_used,
    )


def fully_covered(bill: Bill) -> Adjudication:
    """The estimate a covered visit gets once its free visits are used: every line paid."""
    return covered_except(bill)
