"""Registering this kiosk with the insurer: the device key is checked before it is kept.

A manager types the insurer's API address and the device key from the insurer's provider portal.
The key is tried against the insurer first (`GET /v1/signing-keys` needs a valid key and changes
nothing), and only a key the insurer accepts goes into the OS keyring; the address goes into the
settings file. Rotation is the same step with the new key: the old key stays until the new one
has been accepted. A revoked or replaced key shows up as a refusal with one clear instruction.
Qt-free, so the first-start dialog, the CLI and the tests share it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.credentials import load_device_key, store_device_key
from kiosk.insurer.client import InsecureURLError, InsurerClient, check_insurer_url
from kiosk.insurer.errors import (
    DeviceKeyMissing,
    InsurerAuthError,
    InsurerError,
    InsurerUnreachable,
)
from kiosk.journal import Journal
from kiosk.settings import Settings, SettingsError, load_settings, save_settings, updated

KEY_REFUSED = (
    "The insurer does not accept this device key: it is mistyped, or it was revoked or replaced "
    "by a newer key. A manager must enter the current key from the insurer's provider portal "
    "(kiosk register)."
)


class RegistrationError(Exception):
    """Registration did not happen; `message` tells the manager what to do. `key_refused` is
    true when the insurer answered and refused the key (rather than not answering)."""

    def __init__(self, message: str, *, key_refused: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.key_refused = key_refused


class RegistrationState(StrEnum):
    REGISTERED = "registered"
    NOT_REGISTERED = "not-registered"
    KEY_REFUSED = "key-refused"
    """The insurer refuses the stored key: revoked, or rotated without updating this kiosk."""
    UNCHECKED = "unchecked"
    """A key is stored but the insurer could not be asked (offline, certificate problem)."""


@dataclass(frozen=True, slots=True)
class Registration:
    """Where this kiosk stands with the insurer, with a message fit for the manager."""

    state: RegistrationState
    message: str
    insurer_url: str | None = None
    key_fingerprint: str | None = None


def key_fingerprint(api_key: str) -> str:
    """Eight hex characters that tell keys apart in support calls without revealing them."""
    return hashlib.sha256(api_key.encode("utf-8")).hexdigest()[:8]


def verify_device_key(
    insurer_url: str, api_key: str, *, ca_bundle: Path | None = None, timeout: float = 5.0
) -> int:
    """Ask the insurer whether it accepts `api_key`; returns how many e-card keys it publishes.

    Raises `RegistrationError` with the reason: insecure URL, key refused, insurer unreachable.
    """
    try:
        url = check_insurer_url(insurer_url)
    except InsecureURLError as exc:
        raise RegistrationError(str(exc)) from exc
    if not api_key.strip():
        raise RegistrationError("No device key was entered.")
    client = InsurerClient(
        url,
        api_key.strip(),
        connect_timeout=timeout,
        read_timeout=timeout,
        retries=0,
        ca_bundle=str(ca_bundle) if ca_bundle else None,
    )
    try:
        with client:
            return len(client.signing_keys().keys)
    except InsurerAuthError as exc:
        raise RegistrationError(KEY_REFUSED, key_refused=True) from exc
    except InsurerUnreachable as exc:
        raise RegistrationError(
            f"The insurer at {url} could not be reached: {exc.message}. Nothing was stored."
        ) from exc
    except InsurerError as exc:
        raise RegistrationError(
            f"The insurer at {url} did not confirm the key ({exc.message}). Nothing was stored."
        ) from exc


def register_device(
    insurer_url: str,
    api_key: str,
    *,
    ca_bundle: Path | None = None,
    settings_file: Path | None = None,
    journal: Journal | None = None,
    actor: str = "manager",
) -> Settings:
    """Verify the key with the insurer, then keep it in the keyring and the URL in the settings.

    Also the rotation step: the previous key is replaced only once the new one is accepted. With a
    `journal`, the audit trail records which key (by fingerprint) the kiosk now uses.
    """
    try:
        url = check_insurer_url(insurer_url)
        current = load_settings(settings_file)
        settings = updated(current, insurer_url=url, ca_bundle=ca_bundle or current.ca_bundle)
    except (InsecureURLError, SettingsError) as exc:
        raise RegistrationError(str(exc)) from exc
    verify_device_key(url, api_key, ca_bundle=settings.ca_bundle)
    key = api_key.strip()
    rotated = current.insurer_url == url and _stored_key(url) is not None
    try:
        store_device_key(url, key)
    except DeviceKeyMissing as exc:
        raise RegistrationError(exc.message) from exc
    save_settings(settings, settings_file)
    if journal is not None:
        with journal.transaction(actor=actor) as tx:
            tx.append_audit(
                "device.key-rotated" if rotated else "device.registered",
                "device",
                {"insurer_url": url, "key": key_fingerprint(key)},
            )
    return settings


def registration_status(settings: Settings, *, timeout: float = 5.0) -> Registration:
    """Is this kiosk registered, and does the insurer still accept its key? For the start-up check,
    `kiosk doctor` and the manager's screen."""
    if settings.insurer_url is None:
        return Registration(
            RegistrationState.NOT_REGISTERED,
            "This kiosk is not registered: a manager must enter the insurer URL and the device "
            "key (kiosk register).",
        )
    url = settings.insurer_url
    try:
        api_key = load_device_key(url)
    except DeviceKeyMissing as exc:
        return Registration(RegistrationState.NOT_REGISTERED, exc.message, url)
    fingerprint = key_fingerprint(api_key)
    try:
        count = verify_device_key(url, api_key, ca_bundle=settings.ca_bundle, timeout=timeout)
    except RegistrationError as exc:
        state = RegistrationState.KEY_REFUSED if exc.key_refused else RegistrationState.UNCHECKED
        return Registration(
            state, exc.message.removesuffix(" Nothing was stored."), url, fingerprint
        )
    return Registration(
        RegistrationState.REGISTERED,
        f"The insurer accepts this kiosk's key {fingerprint} ({count} e-card signing keys).",
        url,
        fingerprint,
    )


def _stored_key(insurer_url: str) -> str | None:
    try:
        return load_device_key(insurer_url)
    except DeviceKeyMissing:
        return None
