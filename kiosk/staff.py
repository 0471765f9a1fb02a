"""Staff accounts: who may open the claims list, the day's figures and the finance exports.

Two roles: reception (the claims and the outbox) and manager (everything, including the figures,
reconciliation, exports, closing the day, the staff accounts and closing the kiosk program). Each
person signs in with a PIN of at least six digits or a password; only an argon2id hash is kept
(OWASP's parameters: 19 MiB, two passes, one lane — about 0.15 s on a desk PC), so a copied journal
does not give them away cheaply; stronger parameters later re-hash each secret at its next good
sign-in. After `LockoutPolicy.max_failures` wrong secrets in a row the account is locked for a
cool-down that doubles with each further lockout; while locked, no secret is even checked. Every
sign-in, failure, lockout, account change and kiosk exit is an entry in the journal's hash-chained
audit trail (never the secret itself).

The family-facing screen has no way here: only the staff window offers a sign-in.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from kiosk.journal import Journal, RecordNotFound, Transaction
from kiosk.journal.staff_accounts import (
    StaffAccount,
    insert_account,
    locked_account,
    set_secret_hash,
    set_sign_in_state,
    staff_account,
    staff_accounts,
)
from kiosk.text import unprintable


class Role(StrEnum):
    RECEPTION = "reception"
    MANAGER = "manager"


class Permission(StrEnum):
    """What a signed-in person may open."""

    CLAIMS = "claims"
    """The claims list with the signed bills, and the outbox."""
    FIGURES = "figures"
    """The day's totals and the 30-day trend."""
    RECONCILE = "reconcile"
    """Fetch the insurer's daily statement and compare it with the journal."""
    EXPORT = "export"
    """CSV, XLSX and the PDF day report for finance."""
    SETTLE = "settle"
    """Send a stopped claim again, or mark a claim settled by other means (with a note)."""
    VOID = "void"
    """Void a signed claim before it is sent, or cancel an accepted one at the insurer (with a
    reason): the family's signature stays, the claim pays nothing."""
    STAFF = "staff"
    """Add staff, reset their PINs, lift a lockout."""
    CLOSE_DAY = "close-day"
    """Close the day (what was taken at the desk against what was counted, the variance noted),
    and record a change to a day after it was closed (`kiosk.close_out`)."""
    EXIT = "exit"
    """Close the kiosk program; with that exit status the service does not start it again."""


PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.RECEPTION: frozenset({Permission.CLAIMS}),
    Role.MANAGER: frozenset(Permission),
}


@dataclass(frozen=True, slots=True)
class StaffMember:
    """A signed-in (or listed) person; never carries the secret or its hash."""

    id: int
    name: str
    role: Role

    def may(self, permission: Permission) -> bool:
        return permission in PERMISSIONS[self.role]


@dataclass(frozen=True, slots=True)
class ConsoleOperator:
    """Whoever runs `kiosk staff ...` on the kiosk PC itself. They can reach the journal file
    anyway, so they may manage accounts without signing in (the first manager, a forgotten PIN);
    the audit trail names them "console"."""

    actor = "console"

    def may(self, permission: Permission) -> bool:
        return True


CONSOLE = ConsoleOperator()

Operator = StaffMember | ConsoleOperator
"""Who changes an account: a signed-in person, or the PC's administrator at the console."""


class SecretProblem(StrEnum):
    TOO_SHORT = "too-short"
    """A PIN needs six digits, a password eight characters."""
    TOO_SIMPLE = "too-simple"
    """One repeated character, or a straight run such as 123456 or 987654."""
    TOO_LONG = "too-long"
    """More than `MAX_SECRET_CHARS`: a pasted file, not something a person types at the desk."""
    UNTYPABLE = "untypable"
    """A control character (a NUL, a tab) that the PIN pad or a keyboard cannot type again."""


class WeakSecret(ValueError):
    """The chosen PIN or password would be guessed too easily; `problem` says why."""

    def __init__(self, problem: SecretProblem) -> None:
        super().__init__(f"the PIN or password is not acceptable: {problem.value}")
        self.problem = problem


MIN_PIN_DIGITS = 6
MIN_PASSWORD_CHARS = 8
MAX_SECRET_CHARS = 128
NAME_MAX = 64
"""The longest staff name, as the journal's staff table allows."""


def secret_problem(secret: str) -> SecretProblem | None:
    """Why `secret` may not be used, or None. All digits is a PIN; anything else a password."""
    if unprintable(secret):
        return SecretProblem.UNTYPABLE
    if len(secret) > MAX_SECRET_CHARS:
        return SecretProblem.TOO_LONG
    minimum = MIN_PIN_DIGITS if secret.isdigit() else MIN_PASSWORD_CHARS
    if len(secret) < minimum:
        return SecretProblem.TOO_SHORT
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(secret)}
    if len(set(secret)) == 1 or (secret.isdigit() and steps in ({1}, {-1})):
        return SecretProblem.TOO_SIMPLE
    return None


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """How many wrong secrets in a row lock an account, and for how long."""

    max_failures: int = 5
    first_cool_down: timedelta = timedelta(minutes=5)
    longest_cool_down: timedelta = timedelta(hours=1)

    def cool_down(self, lockouts: int) -> timedelta:
        """The wait after the `lockouts`-th lockout in a row (1 for the first)."""
        doubling: int = 2 ** min(lockouts - 1, 16)  # an int: `lockouts` is at least 1
        return min(self.longest_cool_down, self.first_cool_down * doubling)


class SignInRefusal(StrEnum):
    WRONG_SECRET = "wrong-secret"
    LOCKED = "locked"
    NO_SUCH_ACCOUNT = "no-such-account"


class SignInRefused(Exception):
    """Sign-in failed. `attempts_left` before a lockout, or `locked_until` when locked."""

    def __init__(
        self,
        reason: SignInRefusal,
        *,
        attempts_left: int | None = None,
        locked_until: datetime | None = None,
    ) -> None:
        super().__init__(f"sign-in refused: {reason.value}")
        self.reason = reason
        self.attempts_left = attempts_left
        self.locked_until = locked_until


class InvalidName(ValueError):
    """A staff name that cannot be stored or shown as typed; the message says why."""


def staff_name(name: str) -> str:
    """`name` as it is stored and listed: NFC, runs of spaces as one.

    Refused (`InvalidName`) when empty, longer than `NAME_MAX`, or holding a character that
    cannot be shown on one line (a NUL, a tab, a line break, a right-to-left override): such a
    name garbles the sign-in list and `kiosk staff list`, or reads as someone else.
    """
    hidden = unprintable(name)
    if hidden is not None:
        raise InvalidName(f"a staff name cannot contain {hidden} (a control character)")
    name = " ".join(unicodedata.normalize("NFC", name).split())
    if not name:
        raise InvalidName("a staff account needs a name")
    if len(name) > NAME_MAX:
        raise InvalidName(f"a staff name has at most {NAME_MAX} characters, not {len(name)}")
    return name


class NotAllowed(PermissionError):
    """The person asking may not do this (a reception account managing staff, for instance)."""


def kiosk_hasher() -> PasswordHasher:
    """argon2id with OWASP's recommended minimum: memory-hard, yet quick enough for a PIN pad."""
    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


class StaffDirectory:
    """Staff accounts in the journal: add, sign in with lockout, change or reset a secret."""

    def __init__(
        self,
        journal: Journal,
        *,
        policy: LockoutPolicy | None = None,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self.journal = journal
        self.policy = policy or LockoutPolicy()
        self._hasher = hasher or kiosk_hasher()

    # --- listing

    def members(self) -> list[StaffMember]:
        """Active accounts in name order: what the sign-in screen offers."""
        return [_member(account) for account in staff_accounts(self.journal)]

    def has_manager(self) -> bool:
        return any(member.role is Role.MANAGER for member in self.members())

    def locked_until(self, staff_id: int) -> datetime | None:
        """When the account's lockout ends, or None if it is not locked now."""
        account = staff_account(self.journal, staff_id)
        if account.locked_until is not None and self.journal.now() < account.locked_until:
            return account.locked_until
        return None

    # --- accounts

    def add(
        self, name: str, role: Role, secret: str, *, added_by: Operator | None = None
    ) -> StaffMember:
        """A new account. The very first one must be a manager (set up at installation); after
        that only a signed-in manager (or the console) adds accounts."""
        name = staff_name(name)
        role = Role(role)
        problem = secret_problem(secret)
        if problem is not None:
            raise WeakSecret(problem)
        secret_hash = self._hasher.hash(secret)
        first = not staff_accounts(self.journal, active_only=False)
        if first and role is not Role.MANAGER:
            raise NotAllowed("the first staff account must be a manager")
        if not first:
            require(added_by, Permission.STAFF)
        actor = actor_of(added_by) if added_by else "installer"
        with self.journal.transaction(actor=actor) as tx:
            account = insert_account(tx, name, role.value, secret_hash)
            tx.append_audit("staff.added", f"staff:{account.id}", {"role": role.value})
        return _member(account)

    def change_secret(self, member: StaffMember, current: str, new: str) -> None:
        """A person replaces their own PIN; the current one must be right (it counts as a try)."""
        self.sign_in(member.id, current)
        actor = f"staff:{member.id}"
        self._store_secret(member.id, new, actor=actor, action="staff.secret-changed")

    def reset_secret(self, staff_id: int, new: str, *, by: Operator) -> None:
        """A manager gives someone a new PIN; this also lifts a lockout."""
        require(by, Permission.STAFF)
        self._store_secret(staff_id, new, actor=actor_of(by), action="staff.secret-reset")

    def unlock(self, staff_id: int, *, by: Operator) -> None:
        """A manager lifts a lockout early (after checking who was trying)."""
        require(by, Permission.STAFF)
        with self.journal.transaction(actor=actor_of(by)) as tx:
            set_sign_in_state(tx, staff_id, failures=0, lockouts=0, locked_until=None)
            tx.append_audit("staff.unlocked", f"staff:{staff_id}")

    def _store_secret(self, staff_id: int, secret: str, *, actor: str, action: str) -> None:
        problem = secret_problem(secret)
        if problem is not None:
            raise WeakSecret(problem)
        secret_hash = self._hasher.hash(secret)
        with self.journal.transaction(actor=actor) as tx:
            locked_account(tx, staff_id)
            set_secret_hash(tx, staff_id, secret_hash)
            set_sign_in_state(tx, staff_id, failures=0, lockouts=0, locked_until=None)
            tx.append_audit(action, f"staff:{staff_id}")

    # --- signing in

    def sign_in(self, staff_id: int, secret: str) -> StaffMember:
        """The member when `secret` is theirs; otherwise `SignInRefused`, counted toward a lockout.

        The hash is checked outside the journal's write lock (it takes a noticeable fraction of
        a second on purpose); the count is then updated under the lock from the stored value, so
        two desks trying at once cannot both skip a failure.
        """
        try:
            account = staff_account(self.journal, staff_id)
        except RecordNotFound:
            raise SignInRefused(SignInRefusal.NO_SUCH_ACCOUNT) from None
        if not account.active:
            raise SignInRefused(SignInRefusal.NO_SUCH_ACCOUNT)
        now = self.journal.now()
        if _locked(account, now):
            self._refused_while_locked(account)
        matches = self._verify(account.secret_hash, secret)
        refusal: SignInRefused | None = None
        with self.journal.transaction(actor="kiosk") as tx:
            account = locked_account(tx, staff_id)
            subject = f"staff:{staff_id}"
            if _locked(account, now):
                refusal = SignInRefused(SignInRefusal.LOCKED, locked_until=account.locked_until)
                tx.append_audit("staff.sign-in-refused", subject, {"reason": "locked"})
            elif matches:
                set_sign_in_state(tx, staff_id, failures=0, lockouts=0, locked_until=None)
                if self._hasher.check_needs_rehash(account.secret_hash):
                    set_secret_hash(tx, staff_id, self._hasher.hash(secret))
                tx.append_audit("staff.signed-in", subject, {"role": account.role})
            else:
                refusal = self._count_failure(tx, account, now)
        if refusal is not None:
            raise refusal
        return _member(account)

    def sign_out(self, member: StaffMember, *, reason: str = "signed-out") -> None:
        """Note the end of a session (the person left, or the kiosk went idle)."""
        with self.journal.transaction(actor=f"staff:{member.id}") as tx:
            tx.append_audit("staff.signed-out", f"staff:{member.id}", {"reason": reason})

    def record_exit(self, member: StaffMember) -> None:
        """Note in the audit trail who closed the kiosk program (only a manager may)."""
        require(member, Permission.EXIT)
        with self.journal.transaction(actor=f"staff:{member.id}") as tx:
            tx.append_audit("kiosk.exited", f"staff:{member.id}")

    def _verify(self, secret_hash: str, secret: str) -> bool:
        try:
            return self._hasher.verify(secret_hash, secret)
        except (VerificationError, InvalidHashError):
            return False

    def _refused_while_locked(self, account: StaffAccount) -> None:
        with self.journal.transaction(actor="kiosk") as tx:
            tx.append_audit("staff.sign-in-refused", f"staff:{account.id}", {"reason": "locked"})
        raise SignInRefused(SignInRefusal.LOCKED, locked_until=account.locked_until)

    def _count_failure(
        self, tx: Transaction, account: StaffAccount, now: datetime
    ) -> SignInRefused:
        failures = account.failures + 1
        subject = f"staff:{account.id}"
        if failures >= self.policy.max_failures:
            lockouts = account.lockouts + 1
            until = now + self.policy.cool_down(lockouts)
            set_sign_in_state(tx, account.id, failures=0, lockouts=lockouts, locked_until=until)
            tx.append_audit(
                "staff.locked-out",
                subject,
                {"failures": failures, "lockouts": lockouts, "until": until.isoformat()},
            )
            return SignInRefused(SignInRefusal.LOCKED, locked_until=until)
        set_sign_in_state(
            tx, account.id, failures=failures, lockouts=account.lockouts, locked_until=None
        )
        tx.append_audit("staff.sign-in-failed", subject, {"failures": failures})
        return SignInRefused(
            SignInRefusal.WRONG_SECRET, attempts_left=self.policy.max_failures - failures
        )


def _locked(account: StaffAccount, now: datetime) -> bool:
    return account.locked_until is not None and now < account.locked_until


def _member(account: StaffAccount) -> StaffMember:
    return StaffMember(account.id, account.name, Role(account.role))


def actor_of(operator: Operator) -> str:
    """Who the audit trail names for a change: "console", or the signed-in person's account."""
    return operator.actor if isinstance(operator, ConsoleOperator) else f"staff:{operator.id}"


def require(member: Operator | None, permission: Permission) -> None:
    """`NotAllowed` unless `member` may do what `permission` covers."""
    if member is None or not member.may(permission):
        raise NotAllowed(f"this needs the {permission.value} permission")
