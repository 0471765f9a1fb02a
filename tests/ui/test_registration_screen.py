"""First-start registration on screen, against the real insurer sandbox: only a key the insurer
accepts is kept (in the keyring, never a file), and every refusal is told in the kiosk's
language."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QTimer

from kiosk.credentials import EphemeralKeyring, load_device_key, use_ephemeral_keyring
from kiosk.journal import Journal
from kiosk.registration import Registration, RegistrationState, key_fingerprint
from kiosk.settings import Settings, load_settings, settings_path
from ui.app import create_application, install_translations
from ui.driver import pump_until
from ui.launch import register_at_start
from ui.screens.registration import RegistrationScreen, RegistrationWindow
from ui.tasks import running_tasks

CJK = re.compile(r"[\u4e00-\u9fff]")
NOT_REGISTERED = Registration(RegistrationState.NOT_REGISTERED, "not registered")


@pytest.fixture
def keys() -> Iterator[EphemeralKeyring]:
    """An in-memory keyring for the test; the process's previous keyring afterwards."""
    previous = keyring.get_keyring()
    yield use_ephemeral_keyring()
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def tasks(qapp) -> Iterator[None]:
    """The worker the screen asks the insurer on, as `register_at_start` installs it."""
    with running_tasks(None, workers=1):
        yield


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "config"


@pytest.fixture
def language(qapp, request) -> Iterator[str]:
    """The kiosk's language for the test (English unless parametrized)."""
    chosen = getattr(request, "param", "en")
    translations = install_translations(create_application(), chosen)
    yield chosen
    translations.uninstall()


def screen_for(qtbot, *, status: Registration = NOT_REGISTERED, journal: Path | None = None):
    screen = RegistrationScreen(Settings(), status=status, journal_path=journal)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    return screen


def refused_after(qtbot, screen: RegistrationScreen, url: str, key: str) -> None:
    screen.url.setText(url)
    screen.key.setText(key)
    with qtbot.waitSignal(screen.refused, timeout=10_000):
        screen.register_button.click()


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_a_wrong_key_is_refused_in_the_kiosks_language_and_nothing_is_stored(
    qtbot, sandbox, keys, config_dir, language
):
    screen = screen_for(qtbot, status=Registration(RegistrationState.KEY_REFUSED, "refused"))
    assert ("吊销" if language == "zh_CN" else "revoked") in screen.reason.text()
    refused = []
    screen.refused.connect(refused.append)

    refused_after(qtbot, screen, sandbox.url, "not-the-device-key")

    assert refused == ["key-refused"]
    shown = screen.status.text()
    if language == "zh_CN":
        assert CJK.search(shown) and "不接受" in shown
    else:
        assert "does not accept this device key" in shown and "Nothing was stored" in shown
    assert keys._secrets == {}
    assert not settings_path().exists()
    assert screen.register_button.isEnabled(), "the manager can correct the key and try again"


def test_plain_http_to_another_host_is_refused_without_asking_anyone(qtbot, keys, config_dir):
    screen = screen_for(qtbot)
    refused = []
    screen.refused.connect(refused.append)

    refused_after(qtbot, screen, "http://insurer.example", "some-device-key")

    assert refused == ["insecure-url"]
    assert "https://" in screen.status.text() and "Nothing was stored" in screen.status.text()
    assert keys._secrets == {}
    assert not settings_path().exists()


def closed_port() -> int:
    """A 127.0.0.1 port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_unreachable_insurer_is_told_as_such(qtbot, keys, config_dir, language):
    screen = screen_for(qtbot)
    refused = []
    screen.refused.connect(refused.append)

    refused_after(qtbot, screen, f"http://127.0.0.1:{closed_port()}", "some-device-key")

    assert refused == ["unreachable"]
    assert "could not be reached" in screen.status.text()
    assert keys._secrets == {}


def test_a_good_key_is_kept_in_the_keyring_and_the_address_in_the_settings(
    qtbot, sandbox, sandbox_device_key, keys, config_dir, tmp_path, language
):
    journal_path = tmp_path / "data" / "journal.sqlite3"
    screen = screen_for(qtbot, journal=journal_path)
    sandbox.inject_fault("delay", delay_ms=600, path_prefix="/v1/signing-keys")
    screen.url.setText(sandbox.url)
    screen.key.setText(sandbox_device_key)
    registered = []
    screen.registered.connect(registered.append)

    clicked = time.monotonic()
    screen.register_button.click()
    assert time.monotonic() - clicked < 0.3, "the GUI thread does not wait for the insurer"
    assert not screen.register_button.isEnabled() and "Asking the insurer" in screen.status.text()
    pump_until(lambda: registered, 10, "the insurer's answer")

    (settings,) = registered
    assert settings.insurer_url == sandbox.url
    assert load_device_key(sandbox.url) == sandbox_device_key
    assert load_settings().insurer_url == sandbox.url
    assert sandbox_device_key not in settings_path().read_text(encoding="utf-8")
    assert screen.status.text().startswith("Registered")
    assert screen.key.text() == ""
    with Journal.open(journal_path) as journal:
        (entry,) = [e for e in journal.audit_entries() if e.action == "device.registered"]
    assert entry.details()["key"] == key_fingerprint(sandbox_device_key)


def test_the_first_start_returns_the_new_settings_or_none_when_the_manager_quits(
    qtbot, qapp, sandbox, sandbox_device_key, keys, config_dir
):
    def shown() -> RegistrationScreen:
        (window,) = [w for w in qapp.topLevelWidgets() if isinstance(w, RegistrationWindow)]
        return window.registration

    def fill_in_and_register() -> None:
        shown().url.setText(sandbox.url)
        shown().key.setText(sandbox_device_key)
        shown().register_button.click()

    QTimer.singleShot(50, fill_in_and_register)
    settings = register_at_start(Settings(), NOT_REGISTERED, language="en", kiosk_mode=False)
    assert settings is not None and settings.insurer_url == sandbox.url
    assert load_device_key(sandbox.url) == sandbox_device_key

    QTimer.singleShot(50, lambda: shown().cancel_button.click())
    assert register_at_start(settings, NOT_REGISTERED, language="en", kiosk_mode=False) is None
