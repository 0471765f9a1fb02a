"""Reading the clinic database: who the login is (a clinic's manager, or group finance), the
clinics and desks it may read with how far each desk has shipped, and the figures of
`kiosk.journal.figures` over them (`ClinicFigures`, a `FigureSource`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, Select, select, text

from kiosk.clinic_db.tables import clinics, desks
from kiosk.journal.shapes import IN_THE_CLINIC, Shape


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
