"""Registering the kiosk against the real sandbox: verified first, key only in the keyring."""

import socket

import pytest

from insurer_sandbox.demo import DEMO_CLINIC_ID
from insurer_sandbox.server import create_device_key
from kiosk.credentials import SERVICE, load_device_key, store_device_key
from kiosk.journal import Journal
from kiosk.registration import (
    KEY_REFUSED,
    RegistrationError,
    RegistrationState,
    key_fingerprint,
    register_device,
    registration_status,
)
from kiosk.settings import Settings, load_settings, settings_path


def _all_files_text(root):
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


def test_a_key_the_insurer_accepts_goes_to_the_keyring_and_nowhere_else(
    sandbox, sandbox_device_key, memory_keyring, kiosk_dirs
):
    with Journal.open(kiosk_dirs / "data" / "journal.sqlite3") as journal:
        settings = register_device(sandbox.url, sandbox_device_key, journal=journal)
        (entry,) = journal.audit_entries()

    assert settings.insurer_url == sandbox.url
    assert load_settings().insurer_url == sandbox.url
    assert load_device_key(sandbox.url) == sandbox_device_key
    assert sandbox_device_key.encode() not in _all_files_text(kiosk_dirs)
    assert (entry.action, entry.details()["key"]) == (
        "device.registered",
        key_fingerprint(sandbox_device_key),
    )
    assert registration_status(settings).state is RegistrationState.REGISTERED


def test_a_key_the_insurer_refuses_is_not_kept(sandbox, memory_keyring, kiosk_dirs):
    with pytest.raises(RegistrationError) as refused:
        register_device(sandbox.url, "sbx_not-a-key-the-insurer-issued")

    assert refused.value.message == KEY_REFUSED
    assert refused.value.key_refused
    assert memory_keyring.get_password(SERVICE, f"device-key:{sandbox.url}") is None
    assert not settings_path().exists()


def test_rotation_replaces_the_key_only_once_the_new_one_is_accepted(
    sandbox, sandbox_device_key, memory_keyring, kiosk_dirs
):
    register_device(sandbox.url, sandbox_device_key)
    new_key = create_device_key(sandbox.data_dir, DEMO_CLINIC_ID)

    with pytest.raises(RegistrationError, match="revoked or replaced"):
        register_device(sandbox.url, new_key + "-mistyped")
    assert load_device_key(sandbox.url) == sandbox_device_key

    with Journal.open(kiosk_dirs / "data" / "journal.sqlite3") as journal:
        register_device(sandbox.url, f"  {new_key}\n", journal=journal)
        actions = [e.action for e in journal.audit_entries()]
    assert load_device_key(sandbox.url) == new_key
    assert actions == ["device.key-rotated"]


def test_a_revoked_key_is_reported_with_what_to_do(sandbox, memory_keyring, kiosk_dirs):
    settings = register_device(sandbox.url, create_device_key(sandbox.data_dir, DEMO_CLINIC_ID))
    # The insurer revoked it: the kiosk holds a key the insurer no longer knows.
    store_device_key(sandbox.url, "sbx_revoked-by-the-insurer")

    status = registration_status(settings)

    assert status.state is RegistrationState.KEY_REFUSED
    assert "provider portal" in status.message
    assert status.key_fingerprint == key_fingerprint("sbx_revoked-by-the-insurer")


def test_an_unregistered_kiosk_says_a_manager_must_register_it(memory_keyring, kiosk_dirs):
    status = registration_status(load_settings())

    assert status.state is RegistrationState.NOT_REGISTERED
    assert "kiosk register" in status.message


def test_an_unreachable_insurer_leaves_the_key_unchecked_not_refused(memory_keyring, kiosk_dirs):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    store_device_key(closed_url, "sbx_some-key")

    status = registration_status(Settings(insurer_url=closed_url), timeout=1)

    assert status.state is RegistrationState.UNCHECKED
    assert "could not be reached" in status.message
    with pytest.raises(RegistrationError, match="Nothing was stored"):
        register_device(closed_url, "sbx_other-key")
    assert load_device_key(closed_url) == "sbx_some-key"
