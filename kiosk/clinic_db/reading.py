"""Reading the clinic database: who the login is (a clinic's manager, or group finance), the
clinics and desks it may read with how far each desk has shipped, the figures of
`kiosk.journal.figures` over them (`ClinicFigures`, a `FigureSource`), and the manager's
clinic-wide day (`ClinicReader.day`): a clinic by desk, or a group by clinic."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, Select, select, text

from kiosk.clinic_db.connection import ClinicDbError, clinic_engine
from kiosk.clinic_db.tables import clinics, desks
from kiosk.journal.shapes import IN_THE_CLINIC, Shape
from kiosk.reports import DaySummary, Trend, day_summaries, empty_summary, trend


@dataclass(frozen=True, slots=True)
class Desk:
    desk_id: int
    clinic_id: str
    name: str
    shipped_at: datetime | None
    """When the desk last stored its records here (None: never): how fresh its figures are."""


@dataclass(frozen=True, slots=True)
class Clinic:
    clinic_id: str
    group_id: str
    name: str
    desks: tuple[Desk, ...]


@dataclass(frozen=True, slots=True)
class Readable:
    """What this login may read, as the database's policies allow it."""

    group_finance: bool
    """Every clinic of a group (else a clinic's manager: one clinic)."""
    clinics: tuple[Clinic, ...]

    def clinic(self, clinic_id: str) -> Clinic:
        return next(clinic for clinic in self.clinics if clinic.clinic_id == clinic_id)

    def desk_names(self) -> dict[int, str]:
        return {desk.desk_id: desk.name for clinic in self.clinics for desk in clinic.desks}

    def clinic_of_desk(self) -> dict[int, str]:
        return {desk.desk_id: clinic.clinic_id for clinic in self.clinics for desk in clinic.desks}


def readable(engine: Engine) -> Readable:
    with engine.connect() as db:
        kind = db.execute(
            text("SELECT pg_has_role(session_user, 'kiosk_group_finance', 'MEMBER')")
        ).scalar_one()
        clinic_rows = db.execute(
            select(clinics.c.clinic_id, clinics.c.group_id, clinics.c.name).order_by(
                clinics.c.clinic_id
            )
        ).all()
        desk_rows = db.execute(
            select(desks.c.desk_id, desks.c.clinic_id, desks.c.name, desks.c.shipped_at).order_by(
                desks.c.desk_id
            )
        ).all()
    return Readable(
        group_finance=bool(kind),
        clinics=tuple(
            Clinic(
                clinic_id,
                group_id,
                name,
                tuple(Desk(*row) for row in desk_rows if row[1] == clinic_id),
            )
            for clinic_id, group_id, name in clinic_rows
        ),
    )


class ClinicFigures:
    """The figures of some clinics (those of `clinic_ids` the login may read), per desk."""

    shape: Shape = IN_THE_CLINIC

    def __init__(self, engine: Engine, clinic_ids: Sequence[str]) -> None:
        self.engine = engine
        self.clinic_ids = list(clinic_ids)

    def rows(self, statement: Select[Any], **params: object) -> Sequence[Sequence[Any]]:
        with self.engine.connect() as db:
            return db.execute(statement, {**params, "clinics": self.clinic_ids}).all()


@dataclass(frozen=True, slots=True)
class Part:
    """One line of the breakdown: a desk of the clinic, or a clinic of the group."""

    key: str
    name: str
    desks: int
    shipped_at: datetime | None
    """When its records were last stored here (the least recent desk's): how fresh they are."""
    summary: DaySummary


@dataclass(frozen=True, slots=True)
class ClinicDay:
    """The manager's clinic-wide day: a clinic by desk, or (group finance) the group by clinic."""

    day: date
    group: bool
    scope: str
    """The clinic's name, or the group's code."""
    total: DaySummary
    parts: tuple[Part, ...]
    trend: Trend


def _oldest(times: list[datetime | None]) -> datetime | None:
    return None if not times or None in times else min(t for t in times if t is not None)


class ClinicReader:
    """The manager's screens' view of the clinic database: one engine, read per request."""

    def __init__(self, url: str, password: str | None = None) -> None:
        self.url = url
        self._password = password
        self._engine: Engine | None = None
        self._lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        """Made at the first read, so a password missing from the keyring is said on the
        manager's screen, not at the kiosk's start."""
        with self._lock:
            if self._engine is None:
                self._engine = clinic_engine(self.url, self._password)
            return self._engine

    def close(self) -> None:
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()

    def day(self, day: date) -> ClinicDay:
        who = readable(self.engine)
        if not who.clinics:
            raise ClinicDbError(f"{self.url} may read no clinic")
        figures = ClinicFigures(self.engine, [clinic.clinic_id for clinic in who.clinics])
        if who.group_finance:
            clinic_of = who.clinic_of_desk()
            total, by_clinic = day_summaries(figures, day, part_of=lambda d: clinic_of.get(d, ""))
            parts = tuple(
                Part(
                    clinic.clinic_id,
                    clinic.name,
                    len(clinic.desks),
                    _oldest([desk.shipped_at for desk in clinic.desks]),
                    by_clinic.get(clinic.clinic_id) or empty_summary(day),
                )
                for clinic in who.clinics
            )
            scope = who.clinics[0].group_id
        else:
            total, by_desk = day_summaries(figures, day)
            (clinic,) = who.clinics[:1]
            parts = tuple(
                Part(
                    str(desk.desk_id),
                    desk.name,
                    1,
                    desk.shipped_at,
                    by_desk.get(desk.desk_id) or empty_summary(day),
                )
                for desk in clinic.desks
            )
            scope = clinic.name
        return ClinicDay(day, who.group_finance, scope, total, parts, trend(figures, day))


def clinic_db_problem(error: BaseException) -> str:
    """One line a manager can pass on to IT: the database's own words (connection refused,
    password authentication failed…), never a traceback."""
    cause = getattr(error, "orig", None) or error
    lines = str(cause).strip().splitlines()
    return (lines[0] if lines else type(error).__name__)[:160]
