"""The insurer's estimate of a bill, made up for tests that need one without asking the insurer."""

from __future__ import annotations

from collections.abc import Collection

from kiosk.insurer.models import AdjudicatedLine, Adjudication, Bill, Reason


def covered_except(
    bill: Bill, not_covered: Collection[int] = (), *, free_visit_used: bool = True
) -> Adjudication:
    """The insurer pays every line in full but those numbered in `not_covered` (the family pays
    them); `free_visit_used` as the insurer would say."""
    lines = [
        AdjudicatedLine.of(line, 0, Reason.NOT_COVERED)
        if line.line_no in not_covered
        else AdjudicatedLine.of(line, line.submitted_fen, Reason.COVERED)
        for line in bill.lines
    ]
    return Adjudication.of(lines, free_visit_used=free_visit_used)


def fully_covered(bill: Bill) -> Adjudication:
    """The estimate a covered visit gets once its free visits are used: every line paid."""
    return covered_except(bill)
