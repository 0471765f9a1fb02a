"""The device API key and the journal's audit key live in the OS keyring, never in a file or the
repository."""

from __future__ import annotations

import base64
import secrets
from pathlib import Path

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from kiosk.insurer.errors import DeviceKeyMissing
from kiosk.journal.audit import AuditKey
from kiosk.journal.errors import JournalUnavailable

SERVICE = "direct-billing-kiosk"

NO_KEYRING_FIX = (
    "No keyring service is available on this computer, so the device key cannot be stored "
    "safely. On a Linux desk PC install and unlock a Secret Service keyring "
    "(apt-get install gnome-keyring, then sign in to the desktop session once); on Windows the "
    "Credential Manager is used automatically."
)


NO_KEYRING_FOR_AUDIT = (
    "No keyring service is available on this computer, so the journal's audit trail cannot be "
    "sealed. On a Linux desk PC install and unlock a Secret Service keyring (apt-get install "
    "gnome-keyring, then sign in to the desktop session once); on Windows the Credential Manager "
    "is used automatically."
)


class AuditKeyUnavailable(JournalUnavailable):
    """The keyring cannot give the journal's audit key, so nothing may be written to it."""


def journal_audit_key(journal_path: Path, *, create: bool = True) -> AuditKey | None:
    """The secret that seals this journal's audit entries, made at its first use. It stays in
    the keyring of the desk PC: whoever copies or edits the journal file does not have it.

    Writers (`create=True`) get the key or `AuditKeyUnavailable`; a checker (`create=False`)
    gets None when there is none to check with, and says so."""
    account = f"audit-key:{Path(journal_path).resolve()}"
    try:
        text = keyring.get_password(SERVICE, account)
        if not text and create:
            text = base64.b64encode(secrets.token_bytes(32)).decode()
            keyring.set_password(SERVICE, account, text)
    except keyring.errors.KeyringError as exc:
        if not create:
            return None
        raise AuditKeyUnavailable(NO_KEYRING_FOR_AUDIT) from exc
    return AuditKey(base64.b64decode(text)) if text else None


def _account(insurer_url: str) -> str:
    return f"device-key:{insurer_url.rstrip('/')}"


def store_device_key(insurer_url: str, api_key: str) -> None:
    """Keep the key for this insurer URL in the OS keyring."""
    try:
        keyring.set_password(SERVICE, _account(insurer_url), api_key)
    except keyring.errors.KeyringError as exc:
        raise DeviceKeyMissing(NO_KEYRING_FIX) from exc


def load_device_key(insurer_url: str) -> str:
    """The stored key, or an error that tells the clinic's IT person what to do."""
    try:
        api_key = keyring.get_password(SERVICE, _account(insurer_url))
    except keyring.errors.KeyringError as exc:
        raise DeviceKeyMissing(NO_KEYRING_FIX) from exc
    if not api_key:
        raise DeviceKeyMissing(
            f"This kiosk is not registered with the insurer at {insurer_url}: "
            "a manager must enter the device key from the insurer's provider portal."
        )
    return api_key


def forget_device_key(insurer_url: str) -> None:
    """Remove a revoked or rotated key."""
    try:
        keyring.delete_password(SERVICE, _account(insurer_url))
    except keyring.errors.PasswordDeleteError:
        return
    except keyring.errors.KeyringError as exc:
        raise DeviceKeyMissing(NO_KEYRING_FIX) from exc


class EphemeralKeyring(KeyringBackend):
    """A keyring that lives only in this process: for the demo and the tests, which must not
    write into the desk PC's real keyring. Registered explicitly with `use_ephemeral_keyring`."""

    priority = -1
    """Below the "no keyring" backend (0): never chosen automatically, where a positive priority
    would win on a PC without a keyring service and silently lose the key at exit."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring leaves it unannotated
        self._secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._secrets.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


def use_ephemeral_keyring() -> EphemeralKeyring:
    """Switch this process to a fresh in-memory keyring and return it."""
    backend = EphemeralKeyring()
    keyring.set_keyring(backend)
    return backend
