"""What to tell staff when something failed, in their language, with what they can do about it.

Screens never show an exception's own text (it is English, technical and may carry details);
they show one of these sentences instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.catalogue_import import FileProblem
from kiosk.ecard import ECardError, ECardFailure
from kiosk.insurer.errors import (
    DeviceKeyMissing,
    InsurerAnswerTooLarge,
    InsurerAuthError,
    InsurerCABundleUnreadable,
    InsurerError,
    InsurerInvalidResponse,
    InsurerNotFound,
    InsurerRedirected,
    InsurerRejected,
    InsurerServerError,
    InsurerTimeout,
    InsurerUnreachable,
)
from kiosk.journal.errors import JournalTooNew, JournalUnavailable, RecordConflict


def card_problem(error: BaseException) -> str:
    """Why a scanned card or a lookup did not give an eligibility answer."""
    if isinstance(error, ECardError):
        return {
            ECardFailure.MALFORMED: QCoreApplication.translate(
                "Messages",
                "This code is not an e-card. Ask the family to open the e-card on their phone.",
            ),
            ECardFailure.EXPIRED: QCoreApplication.translate(
                "Messages",
                "This e-card code has expired. Ask the family to refresh the e-card and show it "
                "again.",
            ),
            ECardFailure.REPLAYED: QCoreApplication.translate(
                "Messages",
                "This e-card code was already used. Ask the family to refresh the e-card.",
            ),
            ECardFailure.NOT_YET_VALID: QCoreApplication.translate(
                "Messages",
                "The card's time is ahead of this kiosk's clock. Check the kiosk's date and time.",
            ),
            ECardFailure.UNKNOWN_KEY: QCoreApplication.translate(
                "Messages",
                "This card was not issued by the insurer, or the kiosk cannot fetch its keys.",
            ),
            ECardFailure.BAD_SIGNATURE: QCoreApplication.translate(
                "Messages", "This card could not be verified: it was not issued by the insurer."
            ),
        }[error.reason]
    if isinstance(error, InsurerRejected):
        if error.code == "token-invalid":
            return QCoreApplication.translate(
                "Messages",
                "The insurer refused this card code. Ask the family to refresh the e-card.",
            )
        if error.code == "validation-error":
            return QCoreApplication.translate(
                "Messages", "The insurer could not use these details. Check them and try again."
            )
    return insurer_problem(error)


def insurer_problem(error: BaseException) -> str:
    """A failed call to the insurer, for any screen."""
    if isinstance(error, DeviceKeyMissing):
        return QCoreApplication.translate(
            "Messages", "This kiosk is not registered with the insurer. A manager must register it."
        )
    if isinstance(error, InsurerAuthError):
        return QCoreApplication.translate(
            "Messages",
            "The insurer refused this kiosk's device key. A manager must register the kiosk again.",
        )
    if isinstance(error, InsurerCABundleUnreadable):
        return QCoreApplication.translate(
            "Messages",
            "The insurer's certificate file set for this kiosk is missing ({path}). Call the "
            "clinic's IT contact.",
        ).format(path=error.path)
    if isinstance(error, InsurerTimeout):
        return QCoreApplication.translate(
            "Messages", "The insurer is too slow to answer right now. Try again in a moment."
        )
    if isinstance(error, InsurerUnreachable):
        return QCoreApplication.translate(
            "Messages", "The insurer cannot be reached. Check the network and try again."
        )
    if isinstance(error, InsurerRedirected):
        return QCoreApplication.translate(
            "Messages",
            "The insurer's address sent the kiosk elsewhere, which it never follows. A manager "
            "must check the insurer address in the kiosk's settings.",
        )
    if isinstance(error, InsurerAnswerTooLarge):
        return QCoreApplication.translate(
            "Messages",
            "The insurer's answer was far too large to be genuine. Try again; if it happens "
            "again, call the clinic's IT contact.",
        )
    if isinstance(error, InsurerServerError | InsurerInvalidResponse):
        return QCoreApplication.translate(
            "Messages", "The insurer answered with an error. Try again in a moment."
        )
    if isinstance(error, InsurerNotFound):
        return QCoreApplication.translate("Messages", "The insurer does not know this record.")
    if isinstance(error, InsurerRejected):
        if error.code == "preauth-lead-time":
            return QCoreApplication.translate(
                "Messages",
                "A pre-authorisation must reach the insurer at least 5 working days before the "
                "planned date. Choose a later date.",
            )
        if error.code == "member-not-eligible":
            return QCoreApplication.translate(
                "Messages", "The insurer says this member is not eligible for direct billing."
            )
        return QCoreApplication.translate("Messages", "The insurer refused the request.")
    if isinstance(error, InsurerError):
        return QCoreApplication.translate(
            "Messages", "The insurer could not be asked. Try again in a moment."
        )
    return QCoreApplication.translate(
        "Messages",
        "Something went wrong. Try again; if it happens again, call the clinic's IT contact.",
    )


def journal_problem(error: BaseException) -> str:
    """A failed write of the journal on this computer (the bill could not be recorded)."""
    if isinstance(error, JournalUnavailable):
        return QCoreApplication.translate(
            "Messages",
            "The bill could not be stored on this computer: its disk is full or cannot be "
            "written. Call the clinic's IT contact.",
        )
    if isinstance(error, JournalTooNew):
        return QCoreApplication.translate(
            "Messages",
            "The bill could not be stored: the records on this computer belong to a newer "
            "version of the kiosk. Call the clinic's IT contact.",
        )
    if isinstance(error, RecordConflict):
        return QCoreApplication.translate(
            "Messages",
            "The bill could not be stored: this visit's bill was already recorded. Start the "
            "visit again.",
        )
    return QCoreApplication.translate(
        "Messages",
        "The bill could not be stored on this computer. Try again; if it happens again, call "
        "the clinic's IT contact.",
    )


def catalogue_problem(problem: FileProblem) -> str:
    """Why a chosen file could not be read as a fee catalogue at all, and what to do."""
    return {
        FileProblem.MISSING: QCoreApplication.translate(
            "Messages", "The file is no longer there. Choose it again."
        ),
        FileProblem.FOLDER: QCoreApplication.translate(
            "Messages", "That is a folder, not a file. Choose the catalogue file."
        ),
        FileProblem.UNREADABLE: QCoreApplication.translate(
            "Messages",
            "The file could not be opened: it may be open in another program, or not allowed. "
            "Close it in Excel and try again.",
        ),
        FileProblem.TOO_LARGE: QCoreApplication.translate(
            "Messages",
            "The file is far too large to be a fee catalogue. Choose the catalogue file.",
        ),
        FileProblem.NOT_TEXT: QCoreApplication.translate(
            "Messages",
            "This file is not a fee list. Save the list from Excel as .xlsx or as CSV, and "
            "choose that file.",
        ),
        FileProblem.OLD_EXCEL: QCoreApplication.translate(
            "Messages",
            "This is an old Excel file (.xls) or a workbook with a password. Save it from Excel "
            "as .xlsx without a password, or as CSV.",
        ),
        FileProblem.NOT_WORKBOOK: QCoreApplication.translate(
            "Messages",
            "This workbook could not be opened; it may be damaged. Save it again from Excel as "
            ".xlsx or as CSV.",
        ),
    }[problem]
