"""What the manager's screens need from the running kiosk, gathered once when the window is made.

Tests and the screenshot script build a `ManagerContext` of their own; the kiosk builds it from
its session with `manager_context`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.billing import english_names
from kiosk.catalogue import Catalogue
from kiosk.clinic_db.reading import ClinicReader
from kiosk.journal import Journal
from kiosk.staff import StaffDirectory
from ui.i18n import DEFAULT_LANGUAGE
from ui.session import KioskSession


@dataclass
class ManagerContext:
    """What the manager's screens need from the running kiosk."""

    journal: Journal
    directory: StaffDirectory
    documents_dir: Path
    clinic_name: str
    exports_dir: Path
    names_en: Callable[[], Mapping[str, str]] = dict
    """English item names by code, from the catalogue in use now (it loads after the window)."""
    language: Callable[[], str] = lambda: DEFAULT_LANGUAGE
    """The desk's language now (signed-bill copies are made in it)."""
    idle_seconds: float = 120.0
    """Without a touch or a key for this long, whoever is signed in is signed out."""
    wake_outbox: Callable[[], None] = lambda: None
    """Ask the claim outbox to try now (after a manager put a claim back in it)."""
    check_claim_statuses: Callable[[], None] = lambda: None
    """Ask the outbox to ask the insurer how every unsettled claim stands, now."""
    clinic_reader: Callable[[], ClinicReader | None] = lambda: None
    """The clinic database this PC reads the clinic's (or the group's) day from, if any: asked
    each time the manager's screens are made."""


def manager_context(session: KioskSession) -> ManagerContext:
    """The manager's view of a running kiosk (exports go beside the signed bills)."""
    named: list[tuple[Catalogue, Mapping[str, str]]] = []

    def names_en() -> Mapping[str, str]:
        """Worked out once per catalogue (an import replaces it), not for every item shown."""
        if not named or named[0][0] is not session.catalogue:
            named[:] = [(session.catalogue, english_names(session.catalogue.items))]
        return named[0][1]

    return ManagerContext(
        journal=session.journal,
        directory=StaffDirectory(session.journal),
        documents_dir=session.documents_dir,
        clinic_name=session.clinic_name,
        exports_dir=session.documents_dir.parent / "exports",
        names_en=names_en,
        language=lambda: session.language,
        wake_outbox=session.submitter.wake,
        check_claim_statuses=session.submitter.check_claim_statuses,
        clinic_reader=lambda: session.clinic_reader,
    )
