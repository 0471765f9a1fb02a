import keyring
import pytest

from kiosk.credentials import use_ephemeral_keyring
from kiosk.settings import CONFIG_DIR_ENV, DATA_DIR_ENV


@pytest.fixture
def memory_keyring():
    """A keyring of this process only; the desk PC's real keyring is never touched."""
    previous = keyring.get_keyring()
    yield use_ephemeral_keyring()
    keyring.set_keyring(previous)


@pytest.fixture
def kiosk_dirs(tmp_path, monkeypatch):
    """Settings and data of a kiosk profile of this test only."""
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "config"))
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    return tmp_path
