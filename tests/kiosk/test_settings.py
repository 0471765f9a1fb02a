"""Settings: what the IT person writes is checked, secrets are refused, the file is never half."""

import json

import pytest

from kiosk.settings import (
    CONFIG_DIR_ENV,
    DATA_DIR_ENV,
    Settings,
    SettingsError,
    load_settings,
    save_settings,
    settings_path,
    updated,
)


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "config"))
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    return tmp_path


def test_a_fresh_kiosk_has_defaults_under_the_configured_data_dir(dirs):
    settings = load_settings()

    assert settings.insurer_url is None
    assert settings.kiosk_mode is True
    assert settings.journal_path == dirs / "data" / "journal.sqlite3"
    assert settings_path() == dirs / "config" / "settings.json"


def test_saved_settings_read_back_the_same(dirs):
    bundle = dirs / "insurer-ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    settings = updated(
        load_settings(),
        insurer_url="https://api.insurer.example/",
        ca_bundle=bundle,
        retention_days=90,
    )

    save_settings(settings)

    assert load_settings() == settings
    assert load_settings().insurer_url == "https://api.insurer.example"
    assert load_settings().ca_bundle_arg == str(bundle)
    assert [p.name for p in (dirs / "config").iterdir()] == ["settings.json"]


def test_the_clinic_as_the_statements_print_it_is_a_setting(dirs):
    """Names in both languages, address and phone: written by hand as JSON, read back whole."""
    path = settings_path()
    path.parent.mkdir(parents=True)
    clinic = {
        "name_zh": "和睦儿科诊所",
        "name_en": "Harmony Children's Clinic",
        "address_zh": "上海市长宁区仙霞路 99 号",
        "address_en": "99 Xianxia Road, Changning District, Shanghai",
        "phone": "021-6209 0000",
    }
    path.write_text(json.dumps({"clinic": clinic}, ensure_ascii=False), encoding="utf-8")

    profile = load_settings().clinic

    assert profile is not None and profile.model_dump() == clinic
    assert profile.display == "和睦儿科诊所 / Harmony Children's Clinic"
    assert profile.address("zh_CN") == "上海市长宁区仙霞路 99 号"
    assert profile.name("en") == "Harmony Children's Clinic"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ({"insurer_url": "http://insurer.example"}, "plain HTTP"),
        ({"insurer_url": "ftp://insurer.example"}, "not an insurer URL"),
        ({"retention_days": 7}, "retention_days"),
        ({"ca_bundle": "/nowhere/ca.pem"}, "does not exist"),
        ({"api_key": "dk_live_123"}, "keyring"),
        ({"device_key": "dk_live_123"}, "keyring"),
        ({"colour": "blue"}, "colour"),
        ({"clinic": {"name_en": "Clinic without a Chinese name"}}, "name_zh"),
        (["not", "an", "object"], "one JSON object"),
    ],
)
def test_an_unusable_file_is_refused_with_what_to_fix(dirs, content, says):
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(content))

    with pytest.raises(SettingsError, match=says) as refused:
        load_settings()
    assert str(path) in refused.value.message


def test_a_file_that_is_not_json_is_refused(dirs):
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("{insurer_url: nope")

    with pytest.raises(SettingsError, match="not valid JSON"):
        load_settings()


def test_loopback_http_is_allowed_for_the_sandbox(dirs):
    settings = updated(Settings(), insurer_url="http://127.0.0.1:8765")

    assert settings.insurer_url == "http://127.0.0.1:8765"


def test_updated_refuses_a_bad_value_and_keeps_the_original(dirs):
    original = Settings()

    with pytest.raises(SettingsError, match="idle_timeout_seconds"):
        updated(original, idle_timeout_seconds=1)
    assert original.idle_timeout_seconds == 120
