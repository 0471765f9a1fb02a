"""The manager's Clinic tab on a PC that reads the clinic database: the clinic's day by desk,
adding up to each desk's own journal, in either language — and a clear word, not a frozen screen,
when the clinic database is down."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from kiosk.clinic_db.admin import ReaderKind
from kiosk.clinic_db.connection import split_password
from kiosk.clinic_db.reading import ClinicReader
from kiosk.clinic_db.shipping import Shipper, start_shipping
from kiosk.money import format_yuan
from kiosk.reports import day_summary
from kiosk.staff import Role, StaffDirectory
from tests.clinic_databases import ClinicServer, desk_journal, engine_for
from tests.clinic_day import DAY
from tests.ui.conftest import manager_context
from ui.i18n import qm_path
from ui.manager.screen import ManagerScreen
from ui.tasks import running_tasks

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def clinic_desks(clinic_server: ClinicServer, tmp_path_factory) -> dict[str, object]:
    """Two desks of clinic C1 that took 12 and 7 visits on the test day and shipped them."""
    base = tmp_path_factory.mktemp("desks")
    summaries = {}
    for name, visits, seed in (("Reception", 12, 31), ("Paediatric ER", 7, 32)):
        login = clinic_server.desk("C1", name)
        with desk_journal(base / f"{seed}.sqlite3", visits, seed=seed, day=DAY) as journal:
            start_shipping(journal, split_password(login.url)[0])
            engine = engine_for(login)
            Shipper(journal, engine).ship_pending()
            engine.dispose()
            summaries[name] = day_summary(journal, DAY)
    return summaries


@pytest.fixture
def runner(qapp):
    with running_tasks(None, workers=2) as runner:
        yield runner


def _screen(qtbot, journal, tmp_path: Path, reader: ClinicReader) -> ManagerScreen:
    directory = StaffDirectory(journal)
    manager = directory.add("Wang Fang", Role.MANAGER, "204719")
    context = manager_context(journal, directory, tmp_path, clinic_reader=lambda: reader)
    screen = ManagerScreen(context, manager)
    qtbot.addWidget(screen)
    screen.resize(1280, 744)
    screen.show()
    assert screen.clinic_tab is not None
    screen.tabs.setCurrentWidget(screen.clinic_tab)
    return screen


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_clinic_tab_shows_the_clinics_day_by_desk(
    qtbot, qapp, runner, journal, clinic_server, clinic_desks, tmp_path, language
):
    translator = QTranslator()
    if language != "en":
        assert translator.load(str(qm_path(language)))
        qapp.installTranslator(translator)
    login = clinic_server.reader(ReaderKind.MANAGER, "C1", "Wang Fang")
    reader = ClinicReader(login.url, login.password)
    try:
        screen = _screen(qtbot, journal, tmp_path, reader)
        tab = screen.clinic_tab
        assert tab is not None
        qtbot.waitUntil(lambda: tab.result is not None, timeout=15_000)
        rows = {
            tab.parts.item(row, 0).text(): [
                tab.parts.item(row, column).text() for column in range(9)
            ]
            for row in range(tab.parts.rowCount())
        }
        for name, own in clinic_desks.items():
            assert rows[name][2] == str(own.direct_pay_visits)
            assert rows[name][4] == format_yuan(own.covered_fen)
            assert rows[name][7] == format_yuan(own.family_paid_fen)
        total = "Total" if language == "en" else "合计"
        covered = sum(own.covered_fen for own in clinic_desks.values())
        assert rows[total][2] == "19"
        assert rows[total][4] == format_yuan(covered)
        assert tab.tiles["covered"].value.text() == format_yuan(covered)
        title = tab.title.text()
        assert ("The clinic's day" if language == "en" else "诊所当日") in title
        assert "Clinic C1" in title
        header = tab.parts.horizontalHeaderItem(0).text()
        assert header == ("Desk" if language == "en" else "终端")

        clinic_server.server.stop()  # the clinic database goes down while the screen is open
        try:
            screen.reload()
            qtbot.waitUntil(lambda: tab.problem is not None, timeout=20_000)
            expected = "cannot be read now" if language == "en" else "暂时无法读取"
            assert expected in tab.status.text()
            assert screen.day_tab is not None and screen.day_tab.summary is not None
        finally:
            clinic_server.server.start()
    finally:
        reader.close()
        qapp.removeTranslator(translator)
