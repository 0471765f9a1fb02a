"""The device API key lives in the OS keyring, never in a file or the repository."""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from kiosk.insurer.errors import DeviceKeyMissing

SERVICE = "direct-billing-kiosk"

NO_KEYRING_FIX = (
    "No keyring service is available on this computer, so the device key cannot be stored "
    "safely. On a Linux desk PC install and unlock a Secret Service keyring "
    "(apt-get install gnome-keyring, then sign in to the desktop session once); on Windows the "
    "Credential Manager is used automatically."
)


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

    priority = -1  # type: ignore[assignment]
    """Below the "no keyring" backend (0): never chosen automatically, where a positive priority
    would win on a PC without a keyring service and silently lose the key at exit."""

    def __init__(self) -> None:
        super().__init__()
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
