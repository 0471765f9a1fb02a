"""The manager's Clinic tab in the demo: the demo clinic's day by desk, then the group's by
clinic, read from the demo's clinic database (`launchers.demo_clinic`) once this desk has shipped
the day's visits there."""

from __future__ import annotations

from typing import Protocol

from kiosk.clinic_db.reading import ClinicReader
from kiosk.journal import Journal
from ui.demo_script.manager_screens import open_manager
from ui.demo_script.walk import DemoStaffLike, Member, Walk
from ui.driver import pump_until
from ui.tasks import current_runner


class ClinicChainLike(Protocol):
    manager: ClinicReader
    group: ClinicReader

    def ship(self, journal: Journal) -> int: ...


def clinic_screens(walk: Walk[Member], manager: DemoStaffLike, chain: ClinicChainLike) -> None:
    """This desk ships its day; the manager sees the clinic by desk (98), then the same PC
    reads with group finance's login and shows the group by clinic (99)."""
    session, runner = walk.kiosk.session, current_runner()
    chain.ship(walk.kiosk.journal)
    for reader, shot in ((chain.manager, "98-manager-clinic"), (chain.group, "99-manager-group")):
        session.clinic_reader = reader
        dashboard = open_manager(walk, manager)
        tab = dashboard.clinic_tab
        assert tab is not None, "a manager on a PC that reads the clinic database"
        dashboard.tabs.setCurrentWidget(tab)
        pump_until(
            lambda tab=tab: tab.result is not None and runner.busy == 0,  # type: ignore[misc]
            20,
            "the clinic's day",
        )
        walk.driver.settle()
        walk.shot(shot)
        walk.window.manager.sign_out()
        walk.window.close_manager()
    session.clinic_reader = None
