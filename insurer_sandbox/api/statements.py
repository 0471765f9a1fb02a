"""Daily statements: a clinic's claims of one day, to reconcile with its journal."""

from __future__ import annotations

from fastapi import APIRouter

from insurer_sandbox.api.common import ClinicDep, StoreDep
from insurer_sandbox.problems import problem_responses
from kiosk.insurer.models import DailyStatement, IsoDate

router = APIRouter()


@router.get("/statements/{date}", responses=problem_responses(401))
def daily_statement(date: IsoDate, clinic: ClinicDep, store: StoreDep) -> DailyStatement:
    """Claims recorded for the calling clinic on `date` (Asia/Shanghai day of `recorded_at`).
    Totals count accepted, adjudicated and paid claims, a reviewed claim at its final amounts;
    rejected claims (on arrival or after review) and cancelled claims are listed but pay
    nothing. Each claim carries back the `audit_head` it was sent with (null when none), for the
    clinic to compare with its journal's audit trail."""
    return DailyStatement.of(clinic, date, store.statement_lines(clinic, date))
