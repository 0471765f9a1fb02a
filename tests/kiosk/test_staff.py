"""Staff accounts: hashed secrets, roles, lockout with a growing cool-down, and the audit trail."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.journal import Journal
from kiosk.staff import (
    LockoutPolicy,
    NotAllowed,
    Permission,
    Role,
    SecretProblem,
    SignInRefusal,
    SignInRefused,
    StaffDirectory,
    WeakSecret,
    secret_problem,
    staff_name,
)

MANAGER_PIN = "204719"
RECEPTION_PIN = "583021"


class Clock:
    """The journal's time, moved by the test (cool-downs are minutes long)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def journal(tmp_path, clock):
    opened = Journal.open(tmp_path / "journal.sqlite3", clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def directory(journal):
    return StaffDirectory(journal)


@pytest.fixture
def manager(directory):
    return directory.add("Wang Fang", Role.MANAGER, MANAGER_PIN)


@pytest.fixture
def reception(directory, manager):
    return directory.add("Li Na", Role.RECEPTION, RECEPTION_PIN, added_by=manager)


def refusal(directory, staff_id, secret) -> SignInRefused:
    with pytest.raises(SignInRefused) as caught:
        directory.sign_in(staff_id, secret)
    return caught.value


def test_the_right_pin_signs_in_and_only_an_argon2id_hash_is_stored(tmp_path, directory, manager):
    member = directory.sign_in(manager.id, MANAGER_PIN)
    assert (member.id, member.name, member.role) == (manager.id, "Wang Fang", Role.MANAGER)
    raw = b"".join(path.read_bytes() for path in tmp_path.glob("journal.sqlite3*"))
    assert MANAGER_PIN.encode() not in raw
    assert b"$argon2id$" in raw
    assert refusal(directory, manager.id, "204718").reason is SignInRefusal.WRONG_SECRET


def test_five_wrong_pins_lock_the_account_even_against_the_right_pin(directory, manager, clock):
    left = [refusal(directory, manager.id, "999888").attempts_left for _ in range(4)]
    assert left == [4, 3, 2, 1]
    locked = refusal(directory, manager.id, "999888")
    assert locked.reason is SignInRefusal.LOCKED
    assert locked.locked_until == clock.now + timedelta(minutes=5)
    assert directory.locked_until(manager.id) == locked.locked_until

    clock.now += timedelta(minutes=4, seconds=59)
    still = refusal(directory, manager.id, MANAGER_PIN)
    assert still.reason is SignInRefusal.LOCKED

    clock.now += timedelta(seconds=1)
    assert directory.locked_until(manager.id) is None
    assert directory.sign_in(manager.id, MANAGER_PIN).role is Role.MANAGER


def test_each_lockout_in_a_row_lasts_twice_as_long_until_a_good_sign_in(directory, manager, clock):
    for expected in (5, 10, 20):
        for _ in range(5):
            last = refusal(directory, manager.id, "999888")
        assert last.locked_until - clock.now == timedelta(minutes=expected)
        clock.now = last.locked_until
    directory.sign_in(manager.id, MANAGER_PIN)
    for _ in range(5):
        last = refusal(directory, manager.id, "999888")
    assert last.locked_until - clock.now == timedelta(minutes=5)


def test_a_lockout_survives_restarting_the_kiosk(tmp_path, clock, directory, manager):
    for _ in range(5):
        refusal(directory, manager.id, "999888")
    directory.journal.close()
    with Journal.open(tmp_path / "journal.sqlite3", clock=clock) as reopened:
        again = StaffDirectory(reopened)
        assert refusal(again, manager.id, MANAGER_PIN).reason is SignInRefusal.LOCKED


def test_a_good_sign_in_forgives_earlier_mistakes(directory, manager):
    for _ in range(4):
        refusal(directory, manager.id, "999888")
    directory.sign_in(manager.id, MANAGER_PIN)
    assert refusal(directory, manager.id, "999888").attempts_left == 4


def test_sign_ins_failures_and_lockouts_are_audited_without_the_pin(directory, manager, journal):
    before = journal.audit_entries()[-1].seq
    directory.sign_in(manager.id, MANAGER_PIN)
    for _ in range(5):
        refusal(directory, manager.id, "999888")
    refusal(directory, manager.id, MANAGER_PIN)
    directory.sign_out(manager, reason="idle")
    entries = journal.audit_entries(after_seq=before)
    assert [e.action for e in entries] == [
        "staff.signed-in",
        *["staff.sign-in-failed"] * 4,
        "staff.locked-out",
        "staff.sign-in-refused",
        "staff.signed-out",
    ]
    assert {e.subject for e in entries} == {f"staff:{manager.id}"}
    assert entries[0].details() == {"role": "manager"}
    assert entries[5].details()["failures"] == 5
    assert entries[-1].details() == {"reason": "idle"}
    for entry in entries:
        assert MANAGER_PIN not in entry.detail and "999888" not in entry.detail
    assert journal.verify_audit().intact


def test_roles_decide_what_a_person_may_open(directory, manager, reception):
    assert {p for p in Permission if reception.may(p)} == {Permission.CLAIMS}
    assert all(manager.may(p) for p in Permission)
    assert [m.name for m in directory.members()] == ["Li Na", "Wang Fang"]
    assert directory.sign_in(reception.id, RECEPTION_PIN).role is Role.RECEPTION


def test_only_a_manager_adds_staff_and_the_first_account_is_a_manager(directory):
    with pytest.raises(NotAllowed):
        directory.add("Li Na", Role.RECEPTION, RECEPTION_PIN)
    manager = directory.add("Wang Fang", Role.MANAGER, MANAGER_PIN)
    with pytest.raises(NotAllowed):
        directory.add("Zhao Lei", Role.RECEPTION, "830512")
    reception = directory.add("Li Na", Role.RECEPTION, RECEPTION_PIN, added_by=manager)
    with pytest.raises(NotAllowed):
        directory.add("Zhao Lei", Role.RECEPTION, "830512", added_by=reception)
    assert directory.has_manager()


@pytest.mark.parametrize(
    ("secret", "problem"),
    [
        ("20471", SecretProblem.TOO_SHORT),
        ("short", SecretProblem.TOO_SHORT),
        ("123456", SecretProblem.TOO_SIMPLE),
        ("987654", SecretProblem.TOO_SIMPLE),
        ("000000", SecretProblem.TOO_SIMPLE),
        ("aaaaaaaa", SecretProblem.TOO_SIMPLE),
        ("2047\x0019", SecretProblem.UNTYPABLE),
        ("clinic\tdesk", SecretProblem.UNTYPABLE),
        ("20471958" * 17, SecretProblem.TOO_LONG),
        ("204719", None),
        ("clinic-desk", None),
        ("clinic desk 7", None),
    ],
)
def test_pins_and_passwords_that_are_easily_guessed_are_refused(secret, problem):
    assert secret_problem(secret) is problem


@pytest.mark.parametrize(
    ("name", "refused_for"),
    [
        ("W" * 65, "at most 64"),
        ("", "needs a name"),
        (" \u3000 ", "needs a name"),
        ("Li\x00Na", "U+0000"),
        ("Li\tNa", "U+0009"),
        ("Li\nNa", "U+000A"),
        ("\u202eaN iL", "U+202E"),
    ],
)
def test_a_name_that_cannot_be_stored_or_shown_is_refused_before_the_journal(
    directory, name, refused_for
):
    with pytest.raises(ValueError, match=re.escape(refused_for)):
        directory.add(name, Role.MANAGER, MANAGER_PIN)
    assert directory.members() == []


def test_a_name_is_kept_with_single_spaces_and_up_to_64_characters(directory):
    assert staff_name("  王\u3000芳  ") == "王 芳"
    assert directory.add("W" * 64, Role.MANAGER, MANAGER_PIN).name == "W" * 64


def test_a_weak_pin_is_not_stored(directory):
    with pytest.raises(WeakSecret) as caught:
        directory.add("Wang Fang", Role.MANAGER, "123456")
    assert caught.value.problem is SecretProblem.TOO_SIMPLE
    assert directory.members() == []


def test_a_manager_resets_a_pin_and_lifts_the_lockout(directory, manager, reception):
    for _ in range(5):
        refusal(directory, reception.id, "999888")
    with pytest.raises(NotAllowed):
        directory.reset_secret(reception.id, "730194", by=reception)
    directory.reset_secret(reception.id, "730194", by=manager)
    assert refusal(directory, reception.id, RECEPTION_PIN).reason is SignInRefusal.WRONG_SECRET
    assert directory.sign_in(reception.id, "730194").id == reception.id


def test_a_manager_unlocks_an_account_early(directory, manager, reception):
    for _ in range(5):
        refusal(directory, reception.id, "999888")
    directory.unlock(reception.id, by=manager)
    assert directory.sign_in(reception.id, RECEPTION_PIN).id == reception.id


def test_changing_ones_own_pin_needs_the_current_one(directory, manager):
    with pytest.raises(SignInRefused):
        directory.change_secret(manager, "999888", "830512")
    assert refusal(directory, manager.id, "830512").attempts_left == 3
    directory.change_secret(manager, MANAGER_PIN, "830512")
    assert refusal(directory, manager.id, MANAGER_PIN).reason is SignInRefusal.WRONG_SECRET
    assert directory.sign_in(manager.id, "830512").id == manager.id


def test_a_shorter_policy_locks_sooner(journal):
    directory = StaffDirectory(journal, policy=LockoutPolicy(max_failures=3))
    manager = directory.add("Wang Fang", Role.MANAGER, MANAGER_PIN)
    for _ in range(2):
        refusal(directory, manager.id, "999888")
    assert refusal(directory, manager.id, "999888").reason is SignInRefusal.LOCKED


def test_an_unknown_account_is_refused(directory, manager):
    assert refusal(directory, manager.id + 7, MANAGER_PIN).reason is (SignInRefusal.NO_SUCH_ACCOUNT)
