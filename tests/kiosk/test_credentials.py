import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring

from kiosk.credentials import (
    forget_device_key,
    load_device_key,
    store_device_key,
    use_ephemeral_keyring,
)
from kiosk.insurer.errors import DeviceKeyMissing


@pytest.fixture
def restore_keyring():
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


def test_key_is_kept_per_insurer_url(restore_keyring):
    use_ephemeral_keyring()
    store_device_key("https://a.example/", "key-a")
    store_device_key("https://b.example", "key-b")
    assert load_device_key("https://a.example") == "key-a"
    assert load_device_key("https://b.example/") == "key-b"


def test_unregistered_kiosk_says_a_manager_must_enter_the_key(restore_keyring):
    use_ephemeral_keyring()
    with pytest.raises(DeviceKeyMissing, match="not registered"):
        load_device_key("https://a.example")


def test_revoked_key_is_forgotten(restore_keyring):
    use_ephemeral_keyring()
    store_device_key("https://a.example", "old")
    forget_device_key("https://a.example")
    forget_device_key("https://a.example")
    with pytest.raises(DeviceKeyMissing):
        load_device_key("https://a.example")


def test_machine_without_keyring_service_names_the_fix(restore_keyring):
    keyring.set_keyring(NoKeyring())
    with pytest.raises(DeviceKeyMissing, match="Secret Service"):
        load_device_key("https://a.example")
    with pytest.raises(DeviceKeyMissing, match="Secret Service"):
        store_device_key("https://a.example", "k")
