"""Errors of the local journal that a person can act on, kept apart from programming bugs.

Everything raised as a `JournalError` carries a message that can be shown to staff (after
translation by the screen); anything else escaping the journal (`sqlite3.ProgrammingError`, a
`TypeError`, a broken CHECK constraint) is a bug in the calling code and is not caught for display.
"""

from __future__ import annotations


class JournalError(Exception):
    """An expected failure of the journal; `message` is fit to show to staff."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class JournalUnavailable(JournalError):
    """The journal file cannot be read or written: disk full, permissions, I/O error, corrupt."""


class JournalNotAJournal(JournalUnavailable):
    """The path holds something that is not a kiosk journal (an empty file, a folder, another
    database): the kiosk refuses it rather than initialise over what may be a damaged journal."""


class JournalTooNew(JournalError):
    """The journal was written by a newer kiosk version; this one must not touch it."""


class RecordNotFound(JournalError):
    """A visit, bill or claim that the caller named is not in the journal."""


class RecordConflict(JournalError):
    """The write contradicts what the journal already holds (bill already signed, invoice reused,
    a claim whose bill hash differs from the signed bill)."""
