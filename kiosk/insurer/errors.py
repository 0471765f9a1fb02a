"""One typed error hierarchy for everything that can go wrong talking to the insurer.

Screens switch on the class (and on `code` for rejections) to say what the clerk can do; the outbox
switches on `retryable` to decide between trying again later and stopping for a person.
"""

from __future__ import annotations


class InsurerError(Exception):
    """Base of every insurer-call failure. `retryable` tells the outbox whether to try again."""

    retryable: bool = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InsurerUnreachable(InsurerError):
    """Connection refused, DNS failure, connection dropped: the insurer did not answer at all."""

    retryable = True


class InsurerTimeout(InsurerUnreachable):
    """The insurer did not answer within the read timeout."""


class InsurerTooSlow(InsurerTimeout):
    """The insurer answered, but not the whole answer within the call's deadline."""


class InsurerCABundleUnreadable(InsurerUnreachable):
    """The pinned CA bundle file is gone or unreadable: no call can be trusted until it is back."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class InsurerServerError(InsurerError):
    """The insurer answered 5xx: its problem, worth retrying later."""

    retryable = True

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class InsurerBusy(InsurerServerError):
    """408, 425 or 429: the insurer is up but asks the kiosk to come back later."""


class InsurerAuthError(InsurerError):
    """The device key is missing, wrong, rotated or revoked (401/403)."""


class InsurerNotFound(InsurerError):
    """The thing asked for does not exist at the insurer (404)."""


class InsurerRejected(InsurerError):
    """A definitive answer: the insurer understood and said no. `code` is the problem's code."""

    def __init__(self, message: str, code: str, status: int) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


class InsurerInvalidResponse(InsurerError):
    """The insurer answered something that does not match the contract."""

    retryable = True


class InsurerRedirected(InsurerInvalidResponse):
    """The insurer answered with a redirect, which the kiosk never follows."""


class InsurerAnswerTooLarge(InsurerInvalidResponse):
    """The answer was larger than any genuine answer; it was not read whole."""


class DeviceKeyMissing(InsurerError):
    """No device API key is stored for this insurer, or no keyring service is available."""
