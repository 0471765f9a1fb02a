"""A manager, signed in with their PIN, voids a signed bill still in the outbox and cancels an
accepted claim at the real insurer sandbox from the claims tab: each asks for a reason and a
confirmation, runs off the GUI thread and says what came of it; the list and the Day tab then
show the claim as voided or cancelled. Reception (or a wrong PIN) gets no way to do either, and a
change the insurer or the outbox refuses is said and changes nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from insurer_sandbox.demo import DEMO_MEMBER_BY_STATE
from insurer_sandbox.server import SandboxProcess
from insurer_sandbox.store import DATABASE_NAME, Store
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import ClaimStatus
from kiosk.journal import ClaimState, Journal
from kiosk.reports import ClaimCategory
from kiosk.staff import Role, StaffDirectory
from tests.clinic_day import DAY, bill_of, present, send_all, sign
from tests.ui.conftest import in_view, manager_context
from ui.manager.area import ManagerArea
from ui.manager.screen import ManagerScreen
from ui.tasks import current_runner, running_tasks

MANAGER_PIN = "204719"
RECEPTION_PIN = "583021"


@pytest.fixture
def insurer(own_sandbox: SandboxProcess, own_sandbox_device_key: str) -> Iterator[InsurerClient]:
    with InsurerClient(own_sandbox.url, own_sandbox_device_key) as client:
        yield client


@pytest.fixture
def runner(qapp, own_sandbox, own_sandbox_device_key):
    with running_tasks(
        lambda: InsurerClient(own_sandbox.url, own_sandbox_device_key), workers=1
    ) as runner:
        yield runner


@pytest.fixture
def directory(journal):
    directory = StaffDirectory(journal)
    manager = directory.add("Wang Fang", Role.MANAGER, MANAGER_PIN)
    directory.add("Li Na", Role.RECEPTION, RECEPTION_PIN, added_by=manager)
    return directory


def signed(journal: Journal, insurer: InsurerClient, state: str, code: str, seed: int) -> int:
    bill = bill_of(DEMO_MEMBER_BY_STATE[state].member_id, DAY, [(code, 1)])
    presented = present(journal, bill, insurer.estimate(bill))
    sign(journal, presented, seed)
    claim = journal.claim_for_bill(presented.bill_id)
    assert claim is not None
    return claim.id


@pytest.fixture
def claims(journal, insurer):
    """An accepted claim and one still waiting in the outbox."""
    sent = signed(journal, insurer, "active_standard", "GP001", 1)
    send_all(journal, insurer)
    waiting = signed(journal, insurer, "active_standard", "GP002", 2)
    return sent, waiting


@pytest.fixture
def area(qtbot, runner, journal, directory, tmp_path):
    shown = ManagerArea(manager_context(journal, directory, tmp_path))
    qtbot.addWidget(shown)
    shown.resize(1280, 744)  # below the kiosk's 56-pixel header on its 1280x800 screen
    shown.show()
    shown.open()
    qtbot.waitUntil(lambda: len(shown.sign_in.members) == 2)
    return shown


def type_pin(area: ManagerArea, pin: str) -> None:
    for digit in pin:
        area.sign_in.pad.digit_keys[digit].click()
    area.sign_in.pad.submit_key.click()


def sign_in(qtbot, area: ManagerArea, directory, role: Role, pin: str) -> ManagerScreen:
    member = next(m for m in directory.members() if m.role is role)
    area.sign_in.choose(member.id)
    with qtbot.waitSignal(area.opened_dashboard, timeout=10_000) as opened:
        type_pin(area, pin)
    screen = opened.args[0]
    qtbot.waitUntil(lambda: screen.claims_tab.table.rowCount() == 2, timeout=10_000)
    screen.tabs.setCurrentWidget(screen.claims_tab)
    return screen


def choose(tab, claim_id):
    tab.table.selectRow([line.claim_id for line in tab.shown].index(claim_id))
    return tab.selected_line()


def claim_audit(journal: Journal) -> list:
    return [e for e in journal.audit_entries() if e.subject.startswith("claim:")]


def test_a_manager_voids_a_bill_still_in_the_outbox(qtbot, area, directory, journal, claims):
    sent, waiting = claims
    screen = sign_in(qtbot, area, directory, Role.MANAGER, MANAGER_PIN)
    tab = screen.claims_tab
    actions = tab.claim_actions
    choose(tab, sent)
    assert not actions.void_button.isVisible(), "the insurer has it: no void"
    choose(tab, waiting)
    assert actions.void_button.isVisible() and not actions.cancel_button.isVisible()

    actions.void_button.click()
    assert actions.confirm.isVisible() and "never sent" in actions.question.text()
    assert not actions.confirm_button.isEnabled(), "a reason is needed first"
    actions.keep_button.click()
    assert not actions.confirm.isVisible() and actions.void_button.isVisible()
    assert journal.claim(waiting).state is ClaimState.WAITING

    actions.void_button.click()
    qtbot.keyClicks(actions.reason, "billed to the wrong child")
    assert actions.confirm_button.text() == "Void the bill"
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        actions.confirm_button.click()
    assert journal.claim(waiting).state is ClaimState.VOIDED
    assert actions.notice.text() == "Voided: it will not be sent."
    line = tab.selected_line()
    assert (line.claim_id, line.category) == (waiting, ClaimCategory.VOIDED)
    row = [x.claim_id for x in tab.shown].index(waiting)
    assert tab.table.item(row, 3).text() == "Voided"
    assert tab.table.item(row, 5).text() == "¥0.00"
    assert "Voided by" in tab.detail.text() and "Wang Fang" in tab.detail.text()
    assert "billed to the wrong child" in tab.detail.text()
    assert not actions.void_button.isVisible()
    day = screen.day_tab
    assert day.claims.values[ClaimCategory.VOIDED].text() == "1"
    assert day.claims.values["sent"].text() == "1 / 2"


def test_a_manager_cancels_an_accepted_claim_at_the_insurer(
    qtbot, area, directory, journal, claims, insurer
):
    sent, _waiting = claims
    screen = sign_in(qtbot, area, directory, Role.MANAGER, MANAGER_PIN)
    tab = screen.claims_tab
    actions = tab.claim_actions
    assert choose(tab, sent).category is ClaimCategory.ACCEPTED
    assert actions.cancel_button.isVisible() and not actions.void_button.isVisible()
    actions.cancel_button.click()
    assert "gives back the fully-paid visit" in actions.question.text()
    # the question opens below the claim's facts: it is scrolled up to the manager
    qtbot.waitUntil(lambda: in_view(tab.detail_scroll, actions.confirm), timeout=2_000)
    qtbot.keyClicks(actions.reason, "visit billed twice")
    with qtbot.waitSignal(screen.loaded, timeout=15_000):
        actions.confirm_button.click()
    claim = journal.claim(sent)
    assert (claim.state, claim.insurer_status) == (ClaimState.CANCELLED, ClaimStatus.CANCELLED)
    assert claim.insurer_claim_id is not None
    assert insurer.claim(claim.insurer_claim_id).status is ClaimStatus.CANCELLED
    assert actions.notice.text() == "Cancelled at the insurer: it pays nothing for this claim."
    assert tab.selected_line().category is ClaimCategory.CANCELLED
    assert "Cancelled by" in tab.detail.text() and "visit billed twice" in tab.detail.text()
    day = screen.day_tab
    assert day.claims.values[ClaimCategory.CANCELLED].text() == "1"
    assert day.tiles["covered"].value.text() == "¥0.00"


def test_reception_and_a_wrong_pin_get_no_way_to_void_or_cancel(
    qtbot, area, directory, journal, claims
):
    sent, waiting = claims
    before = journal.claims(), claim_audit(journal)
    manager = next(m for m in directory.members() if m.role is Role.MANAGER)
    area.sign_in.choose(manager.id)
    with qtbot.waitSignal(area.sign_in.refused, timeout=10_000) as refused:
        type_pin(area, "999888")
    assert refused.args == ["wrong-secret"] and area.dashboard is None
    assert "Wrong PIN" in area.sign_in.status.text()

    screen = sign_in(qtbot, area, directory, Role.RECEPTION, RECEPTION_PIN)
    tab = screen.claims_tab
    for claim_id in (sent, waiting):
        choose(tab, claim_id)
        assert not tab.claim_actions.void_button.isVisible()
        assert not tab.claim_actions.cancel_button.isVisible()
    screen.void_claim(waiting, "asked anyway")
    screen.cancel_claim(sent, "asked anyway")
    qtbot.waitUntil(lambda: current_runner().busy == 0, timeout=10_000)
    assert tab.claim_actions.notice.text() == "Only a manager may change a claim."
    assert (journal.claims(), claim_audit(journal)) == before


def test_what_the_outbox_or_the_insurer_refuses_is_said_and_changes_nothing(
    qtbot, area, directory, journal, claims, own_sandbox, insurer
):
    """A void while the outbox is sending the claim, a void of a claim the insurer has, and a
    cancel of a claim the insurer has paid: each is said in the manager's words."""
    sent, waiting = claims
    insurer_claim_id = journal.claim(sent).insurer_claim_id
    assert insurer_claim_id is not None
    with Store(own_sandbox.data_dir / DATABASE_NAME).writing() as db:
        db.execute("UPDATE claims SET status = 'paid' WHERE claim_id = ?", (insurer_claim_id,))
    with journal.transaction(actor="outbox") as tx:
        tx.begin_attempt(waiting)  # the outbox is sending it at this moment
    before, at_insurer = (journal.claims(), claim_audit(journal)), insurer.claim(insurer_claim_id)
    screen = sign_in(qtbot, area, directory, Role.MANAGER, MANAGER_PIN)
    actions = screen.claims_tab.claim_actions
    said = []
    for change, claim_id in (
        (screen.void_claim, waiting),
        (screen.void_claim, sent),
        (screen.cancel_claim, sent),
    ):
        choose(screen.claims_tab, claim_id)
        with qtbot.waitSignal(screen.loaded, timeout=15_000):
            change(claim_id, "a reason")
        said.append(actions.notice.text())
    assert said == [
        "It is being sent right now; try again in a moment.",
        "The insurer already has this claim: cancel it at the insurer instead.",
        "The insurer will not cancel it: it is paid, or was not accepted.",
    ]
    assert (journal.claims(), claim_audit(journal)) == before
    assert insurer.claim(insurer_claim_id) == at_insurer
