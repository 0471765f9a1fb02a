"""Closing the day: what the desk took on a clinic day by method against what the manager
counted (the cash in the drawer, each terminal's own day report for card, WeChat Pay and
Alipay), the variance noted, and the day locked.

What was taken on a day (Asia/Shanghai) is the payments recorded that day minus the refunds made
that day, by method, whichever visit they were for: that is what is in the drawer and on the
terminals' reports. It is not the Day tab's "family payments", which counts money by the day of
the visit it was for (an amount owed collected a week later counts for the visit's day there).

The rules live here:

- only a manager closes a day (`Permission.CLOSE_DAY`), and a day closes once; a day to come
  cannot be closed;
- the variance is counted minus taken, per method and in total; any variance not zero needs a
  note (at most `NOTE_MAX` characters);
- the close is of the figures the manager saw: if a payment or refund was recorded since they
  were read, `TakenChanged` and nothing is closed;
- the lock: once a day is closed, a payment recorded that day, or for a visit of that day, needs
  a manager (`refuse_if_closed`, which `kiosk.payments` runs inside its transaction, so a clerk's
  payment and a close cannot cross). Refunds, voids, cancellations and corrections need a
  manager on any day already (`Permission.SETTLE`, `Permission.VOID`);
- every change to a closed day recorded after its close is listed with what, who, when and how
  much (`CloseOut.changes`), on the close tab, the Day tab, the day report and the exports.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from kiosk.business_day import business_day, day_window
from kiosk.journal import Journal, PaymentMethod, Transaction
from kiosk.journal.day_closes import (
    ChangeAfterClose,
    ChangeKind,
    DayAlreadyClosed,
    DayClose,
    MethodCount,
    changes_after_close,
    closed_among,
    fetch_day_close,
    insert_day_close,
    taken_by_method,
)
from kiosk.journal.errors import RecordConflict
from kiosk.staff import NotAllowed, Operator, Permission, actor_of, require
from kiosk.text import unprintable

NOTE_MAX = 500
"""The longest note on a close-out (the journal's `day_closes.note` holds as much)."""

__all__ = [
    "NOTE_MAX",
    "BadNote",
    "ChangeAfterClose",
    "ChangeKind",
    "CloseOut",
    "CloseRefused",
    "DayAlreadyClosed",
    "DayClose",
    "DayClosed",
    "DayNotOver",
    "MethodCount",
    "NoteRequired",
    "TakenChanged",
    "close_day",
    "close_out",
    "refuse_if_closed",
    "today",
]


class CloseRefused(ValueError):
    """A close-out the kiosk will not record; nothing was written."""


class NoteRequired(CloseRefused):
    """A variance that is not zero is closed only with a note saying why."""


class BadNote(CloseRefused):
    """A note longer than `NOTE_MAX`, or holding text that cannot be shown on one line."""


class DayNotOver(CloseRefused):
    """A day still to come cannot be closed."""

    def __init__(self, day: date) -> None:
        super().__init__(f"the day {day.isoformat()} has not come yet")
        self.day = day


class TakenChanged(RecordConflict):
    """A payment or refund was recorded since the manager read what was taken: read it again."""


class DayClosed(NotAllowed):
    """The change touches a closed day (`days`): only a manager may record it now."""

    def __init__(self, days: Iterable[date]) -> None:
        self.days = tuple(days)
        super().__init__(
            "closed day " + ", ".join(day.isoformat() for day in self.days) + ": needs a manager"
        )


@dataclass(frozen=True, slots=True)
class CloseOut:
    """A day's close-out as it stands: what was taken (as the journal reads it now while the day
    is open, as it was at the close once closed), the close itself, and the changes since."""

    day: date
    taken: Mapping[PaymentMethod, int]
    """Every method's takings, in `PaymentMethod` order."""
    closed: DayClose | None
    changes: tuple[ChangeAfterClose, ...] = ()
    """Changes to the day recorded after its close, in the order they were recorded."""

    @property
    def taken_fen(self) -> int:
        return sum(self.taken.values())


def close_out(journal: Journal, day: date) -> CloseOut:
    """The close-out of `day` as the journal holds it now, in one consistent read."""
    start, end = day_window(day)
    with journal.reading() as db:
        closed = fetch_day_close(db, day)
        if closed is None:
            return CloseOut(day, taken_by_method(db, start, end), None)
        return CloseOut(
            day,
            {count.method: count.taken_fen for count in closed.counts},
            closed,
            tuple(changes_after_close(db, closed, start, end)),
        )


def _counted(counted: Mapping[PaymentMethod, int]) -> dict[PaymentMethod, int]:
    amounts = {}
    for method in PaymentMethod:
        amount = counted.get(method, 0)
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise TypeError(f"amounts are integer fen, got {type(amount).__name__}")
        if amount < 0:
            raise ValueError(f"a counted amount is zero or more, got {amount}")
        amounts[method] = amount
    return amounts


def _note(note: str, *, needed: bool) -> str | None:
    text = " ".join(note.split())
    if len(text) > NOTE_MAX or unprintable(text):
        raise BadNote(f"a note is at most {NOTE_MAX} printable characters")
    if needed and not text:
        raise NoteRequired("say why the counted amounts differ from what was taken")
    return text or None


def close_day(
    journal: Journal,
    day: date,
    counted: Mapping[PaymentMethod, int],
    note: str,
    *,
    taken_seen: Mapping[PaymentMethod, int],
    by: Operator,
) -> CloseOut:
    """Close `day` with what was `counted` per method (a method left out counted nothing) against
    what was taken, which must still be `taken_seen` (what the manager compared with:
    `TakenChanged` otherwise). `NotAllowed` unless `by` may close the day, `DayNotOver` for a day
    to come, `NoteRequired` when a variance is not zero and the note is blank, `BadNote`,
    `DayAlreadyClosed`. The close and its audit entry (under `by`) are one transaction."""
    require(by, Permission.CLOSE_DAY)
    if day > today(journal):
        raise DayNotOver(day)
    amounts = _counted(counted)
    actor = actor_of(by)
    with journal.transaction(actor=actor) as tx:
        taken = taken_by_method(tx.db, *day_window(day))
        if fetch_day_close(tx.db, day) is not None:
            raise DayAlreadyClosed(f"The day {day.isoformat()} is already closed.")
        if any(taken[method] != taken_seen.get(method, 0) for method in PaymentMethod):
            raise TakenChanged("a payment or refund was recorded since the figures were read")
        counts = [MethodCount(method, taken[method], amounts[method]) for method in PaymentMethod]
        text = _note(note, needed=any(count.variance_fen for count in counts))
        insert_day_close(tx, day, counts, text, closed_by=actor)
    return close_out(journal, day)


def refuse_if_closed(tx: Transaction, days: Iterable[date], by: Operator | None) -> None:
    """The lock, run inside the transaction that makes a change touching `days`: `DayClosed`
    when one of them is closed and `by` (None: the desk, unsigned) may not change a closed day."""
    if by is not None and by.may(Permission.CLOSE_DAY):
        return
    closed = closed_among(tx.db, days)
    if closed:
        raise DayClosed(closed)


def today(journal: Journal) -> date:
    """The clinic's day now, by the journal's clock (what a payment recorded now counts for)."""
    return business_day(journal.now())
