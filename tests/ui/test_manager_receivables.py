"""The Receivables tab as a manager works it, against the real sandbox: a claim the insurer has
reviewed but not paid sits in the 0–30 days tile; once paid, fetching the insurer's payments
lists a remittance that pays it short as a finding with what to do, in either language, and the
outbox is asked to check every unsettled claim meanwhile."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTranslator

from insurer_sandbox.demo import DEMO_MEMBER_BY_STATE
from insurer_sandbox.server import SandboxProcess
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import PaymentPart
from kiosk.journal import ClaimState, ClaimSubmitter, Journal
from kiosk.money import format_yuan
from kiosk.staff import Role, StaffDirectory
from tests.clinic_day import DAY, bill_of, present, sign
from tests.ui.conftest import manager_context
from tests.waiting import wait_until
from ui.i18n import qm_path
from ui.manager.screen import ManagerScreen
from ui.tasks import running_tasks


@pytest.fixture
def insurer(
    fresh_sandbox: SandboxProcess, fresh_sandbox_device_key: str
) -> Iterator[InsurerClient]:
    with InsurerClient(fresh_sandbox.url, fresh_sandbox_device_key) as client:
        yield client


@pytest.fixture
def runner(qapp, fresh_sandbox: SandboxProcess, fresh_sandbox_device_key: str):
    with running_tasks(
        lambda: InsurerClient(fresh_sandbox.url, fresh_sandbox_device_key), workers=1
    ) as runner:
        yield runner


@pytest.fixture
def paid_claim(journal: Journal, insurer: InsurerClient, fresh_sandbox: SandboxProcess) -> int:
    """One visit signed and sent today, reviewed by the insurer's run tomorrow and paid by the
    run the day after, as the outbox heard it."""
    bill = bill_of(DEMO_MEMBER_BY_STATE["active_standard"].member_id, DAY, [("GP001", 1)])
    presented = present(journal, bill, insurer.estimate(bill))
    sign(journal, presented, 5)
    outbox = ClaimSubmitter(journal, insurer)
    outbox.start()
    try:
        outbox.wake()
        claim = journal.claim_for_bill(presented.bill_id)
        assert claim is not None
        wait_until(lambda: journal.claim(claim.id).state is ClaimState.SENT, 15, "sent")
        fresh_sandbox.settle(DAY + timedelta(days=1), review_share=0)
        outbox.check_claim_statuses()
        assert outbox.pass_now(15)
        return claim.id
    finally:
        outbox.stop()


def dashboard(qtbot, journal, tmp_path, asked: list[bool]) -> ManagerScreen:
    directory = StaffDirectory(journal)
    manager = directory.add("Wang Fang", Role.MANAGER, "204719")
    context = manager_context(
        journal, directory, tmp_path, check_claim_statuses=lambda: asked.append(True)
    )
    screen = ManagerScreen(context, manager)
    qtbot.addWidget(screen)
    screen.resize(1280, 744)
    screen.show()
    assert screen.receivables_tab is not None
    screen.tabs.setCurrentWidget(screen.receivables_tab)
    return screen


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_reviewed_claim_ages_and_a_short_remittance_is_a_finding(
    qtbot, qapp, runner, journal, insurer, paid_claim, fresh_sandbox, tmp_path, language
):
    translator = QTranslator()
    if language != "en":
        assert translator.load(str(qm_path(language)))
        qapp.installTranslator(translator)
    try:
        claim = journal.claim(paid_claim)
        covered = claim.covered_fen
        assert covered and claim.insurer_claim_id
        asked: list[bool] = []
        screen = dashboard(qtbot, journal, tmp_path, asked)
        tab = screen.receivables_tab
        assert tab is not None
        qtbot.waitUntil(lambda: tab.result is not None, timeout=10_000)
        young = tab.aging[0]
        assert young.value.text() == format_yuan(covered), "reviewed, not paid: 0–30 days"
        assert tab.findings.rowCount() == 0

        fresh_sandbox.settle(DAY + timedelta(days=2), review_share=0)
        [remittance] = insurer.remittances(DAY, DAY + timedelta(days=2)).remittances
        fresh_sandbox.plant_remittance_detail(
            remittance.remittance_id,
            claim.insurer_claim_id,
            claim.idempotency_key,
            PaymentPart.INSURER_SHARE,
            covered - 500,
        )
        paid_on = (DAY + timedelta(days=2)).isoformat()
        with qtbot.waitSignal(screen.receivables_shown, timeout=15_000):
            screen.show_day(DAY + timedelta(days=2))  # the day the remittance is paid
        qtbot.mouseClick(tab.fetch_button, Qt.MouseButton.LeftButton)

        def fetched() -> bool:
            shown = tab.result
            return shown is not None and shown.remittances.remittances == 1

        qtbot.waitUntil(fetched, timeout=15_000)
        assert tab.result is not None and tab.result.aging.as_of.isoformat() == paid_on
        assert asked, "the outbox was asked to check every unsettled claim"
        assert tab.findings.rowCount() == 1
        cells = [tab.findings.item(0, column).text() for column in range(6)]
        if language == "en":
            assert cells[0] == "Pays another amount"
            assert cells[5] == (
                "The remittance pays less than the claim's share. Ask the insurer for the rest."
            )
        else:
            assert cells[0] == "付款金额不符"
        assert cells[2] == claim.clinic_invoice_no
        assert (cells[3], cells[4]) == (format_yuan(covered), format_yuan(covered - 500))
    finally:
        qapp.removeTranslator(translator)
