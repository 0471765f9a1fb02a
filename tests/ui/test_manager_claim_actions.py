"""A manager sends a stopped claim again or marks a refused one settled from the claims tab;
reception sees neither action. Each change is in the journal's audit trail under the person.
The outbox pill names a refused device key and its fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator

from kiosk.insurer.client import InsurerClient
from kiosk.journal import ClaimState, ClaimSubmitter, QueueState
from kiosk.reports import ClaimCategory
from kiosk.staff import Role, StaffDirectory
from tests.clinic_day import (
    DAY,
    refused_on_arrival,
    sign_fully_covered,
    stop_sending,
)
from tests.ui.conftest import manager_context
from ui.i18n import qm_path
from ui.manager.screen import ManagerScreen
from ui.tasks import current_runner, running_tasks
from ui.widgets.outbox_status import OutboxStatus, OutboxWatcher

pytestmark = pytest.mark.usefixtures("runner")


@pytest.fixture
def runner(qapp):
    with running_tasks(lambda: InsurerClient("http://127.0.0.1:9", "unused"), workers=1) as runner:
        yield runner


@pytest.fixture
def claims(journal):
    """Two of the day's claims the outbox no longer sends: one stopped, one the insurer refused."""
    for seed, member in enumerate(("M26000101", "M26000102")):
        sign_fully_covered(journal, member, DAY, [("GP001", 1)], seed)
    stopped, refused = journal.claims()
    with journal.transaction(actor="outbox") as tx:
        stop_sending(tx, stopped.id)
        refused_on_arrival(tx, refused.id, "policy-inactive")
    return stopped.id, refused.id


@pytest.fixture
def directory(journal):
    directory = StaffDirectory(journal)
    manager = directory.add("Wang Fang", Role.MANAGER, "204719")
    directory.add("Li Na", Role.RECEPTION, "583021", added_by=manager)
    return directory


def dashboard(qtbot, journal, directory, role, tmp_path, woken):
    member = next(m for m in directory.members() if m.role is role)
    context = manager_context(journal, directory, tmp_path, wake_outbox=lambda: woken.append(True))
    screen = ManagerScreen(context, member)
    qtbot.addWidget(screen)
    screen.resize(1280, 760)
    screen.show()
    qtbot.waitUntil(lambda: screen.claims_tab.table.rowCount() == 2, timeout=10_000)
    screen.tabs.setCurrentWidget(screen.claims_tab)
    return screen


def choose(tab, claim_id):
    tab.table.selectRow([line.claim_id for line in tab.shown].index(claim_id))
    return tab.selected_line()


def test_a_manager_sends_a_stopped_claim_again(qtbot, journal, directory, claims, tmp_path):
    stopped, refused = claims
    woken = []
    screen = dashboard(qtbot, journal, directory, Role.MANAGER, tmp_path, woken)
    tab = screen.claims_tab
    assert choose(tab, refused).category is ClaimCategory.REJECTED
    actions = tab.claim_actions
    assert actions.controls.isVisible() and not actions.send_again_button.isVisible()
    assert choose(tab, stopped).category is ClaimCategory.ATTENTION
    assert actions.send_again_button.isVisible()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        actions.send_again_button.click()
    assert journal.claim(stopped).state is ClaimState.WAITING
    assert woken == [True], "the outbox is asked to try now"
    assert tab.selected_line().category is ClaimCategory.WAITING
    assert not actions.controls.isVisible()
    assert actions.notice.text() == "Waiting to send again; it goes at the next try."
    manager = next(m for m in directory.members() if m.role is Role.MANAGER)
    [entry] = [e for e in journal.audit_entries() if e.action == "claim.requeued"]
    assert (entry.actor, entry.subject) == (f"staff:{manager.id}", f"claim:{stopped}")


def test_a_manager_marks_a_refused_claim_settled_with_a_note(
    qtbot, journal, directory, claims, tmp_path
):
    _stopped, refused = claims
    woken = []
    screen = dashboard(qtbot, journal, directory, Role.MANAGER, tmp_path, woken)
    tab = screen.claims_tab
    choose(tab, refused)
    actions = tab.claim_actions
    assert not actions.settle_button.isEnabled(), "a note is needed first"
    qtbot.keyClicks(actions.settle_note, "family paid by WeChat")
    assert actions.settle_button.isEnabled()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        actions.settle_button.click()
    assert journal.claim(refused).state is ClaimState.RESOLVED
    assert tab.selected_line().category is ClaimCategory.RESOLVED
    assert actions.notice.text() == "Marked settled."
    assert woken == []
    [entry] = [e for e in journal.audit_entries() if e.action == "claim.resolved"]
    assert "family paid by WeChat" in entry.detail


def test_a_claim_changed_meanwhile_is_not_changed_twice(
    qtbot, journal, directory, claims, tmp_path
):
    stopped, _refused = claims
    screen = dashboard(qtbot, journal, directory, Role.MANAGER, tmp_path, [])
    tab = screen.claims_tab
    choose(tab, stopped)
    with journal.transaction(actor="console") as tx:
        tx.resolve_claim(stopped, "settled at the console")
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        tab.claim_actions.send_again_button.click()
    assert journal.claim(stopped).state is ClaimState.RESOLVED
    assert "could not be changed" in tab.claim_actions.notice.text()
    assert [e.action for e in journal.audit_entries()].count("claim.requeued") == 0


def test_reception_sees_no_claim_actions_and_a_change_asked_anyway_is_refused(
    qtbot, journal, directory, claims, tmp_path
):
    """The rule is the core's, not the hidden buttons': a change asked for anyway is refused,
    said, and writes nothing."""
    stopped, refused = claims
    woken = []
    screen = dashboard(qtbot, journal, directory, Role.RECEPTION, tmp_path, woken)
    tab = screen.claims_tab
    for claim_id in (stopped, refused):
        choose(tab, claim_id)
        assert not tab.claim_actions.controls.isVisible()
    audit = journal.audit_entries()
    screen.send_claim_again(stopped)
    screen.settle_claim(refused, "not allowed")
    qtbot.waitUntil(lambda: current_runner().busy == 0, timeout=10_000)
    assert tab.claim_actions.notice.text() == "Only a manager may change a claim."
    assert [c.state for c in journal.claims()] == [ClaimState.ATTENTION] * 2
    assert journal.audit_entries() == audit
    assert woken == []


@pytest.fixture
def pill(qtbot, qapp, journal):
    """The pill that staff read, over a watcher the test drives, with both languages installed
    here (English first): whatever an earlier test left installed in the shared application
    cannot decide what this one reads. Yields the pill and a function that switches to Chinese."""
    watcher = OutboxWatcher(ClaimSubmitter(journal, InsurerClient("http://127.0.0.1:9", "x")))
    shown = OutboxStatus(watcher)
    qtbot.addWidget(shown)
    english, chinese = QTranslator(), QTranslator()
    assert english.load(str(qm_path("en")))
    assert chinese.load(str(qm_path("zh_CN")))
    qapp.installTranslator(english)
    try:
        yield shown, watcher, lambda: qapp.installTranslator(chinese)
    finally:
        qapp.removeTranslator(chinese)
        qapp.removeTranslator(english)
        watcher.detach()


def test_the_outbox_pill_says_the_device_key_was_refused(qtbot, pill):
    """A refused key is named, with the one fix, in both languages."""
    pill, watcher, in_chinese = pill
    watcher.changed.emit(QueueState(waiting=2, attention=0, unreachable_since=None))
    assert pill.property("condition") == "waiting"
    watcher.changed.emit(
        QueueState(waiting=2, attention=0, unreachable_since=None, device_key_refused=True)
    )
    assert pill.property("condition") == "device-key-refused"
    qtbot.waitUntil(lambda: "2 claims waiting" in pill.text())
    assert pill.text() == (
        "The insurer refused this kiosk's device key · 2 claims waiting. "
        "A manager must register the device again: kiosk register"
    )
    in_chinese()
    qtbot.waitUntil(lambda: "设备密钥" in pill.text())
    assert "2" in pill.text() and "kiosk register" in pill.text()


def test_the_outbox_pill_says_when_claims_cannot_be_sent_and_outranks_the_rest(qtbot, pill):
    """A journal the sender cannot use is the most urgent thing staff can be told."""
    pill, watcher, in_chinese = pill
    failing = QueueState(
        waiting=3,
        attention=1,
        unreachable_since=None,
        device_key_refused=True,
        sender_failing=True,
    )
    watcher.changed.emit(failing)
    assert pill.property("condition") == "sender-failing"
    qtbot.waitUntil(lambda: "3 waiting" in pill.text())
    assert pill.text() == (
        "Claims cannot be sent: this PC's journal is failing · 3 waiting, kept safe · call IT"
    )
    in_chinese()
    qtbot.waitUntil(lambda: "本机记录故障" in pill.text())
