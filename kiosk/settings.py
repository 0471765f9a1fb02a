"""The kiosk's settings: one small JSON file the clinic's IT person can read, never a secret.

The device API key is not a setting: it lives in the OS keyring (`kiosk.credentials`), and a
settings file that names one is refused rather than read. Where the files live follows the
platform's conventions (platformdirs); `KIOSK_CONFIG_DIR` and `KIOSK_DATA_DIR` move them, for a
second kiosk profile on one machine, the demo and the tests.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kiosk.files import write_whole
from kiosk.his.settings import HisSettings
from kiosk.insurer.client import check_insurer_url
from kiosk.statement import ClinicProfile

APP_NAME = "direct-billing-kiosk"
SETTINGS_FILE = "settings.json"
CONFIG_DIR_ENV = "KIOSK_CONFIG_DIR"
DATA_DIR_ENV = "KIOSK_DATA_DIR"

MIN_RETENTION_DAYS = 30
"""Below a month a disputed claim could lose its signature before the insurer's review ends."""


class SettingsError(ValueError):
    """The settings file cannot be used; `message` says which value and how to fix it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def config_dir() -> Path:
    """Where `settings.json` lives: `$KIOSK_CONFIG_DIR`, else the platform's config folder."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def default_data_dir() -> Path:
    """Journal and signed bills: `$KIOSK_DATA_DIR`, else the platform's data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


class Settings(BaseModel):
    """What a clinic configures once; every value is checked when read and before it is saved."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    insurer_url: str | None = Field(
        default=None, description="The insurer API base URL; https:// except to this computer"
    )
    ca_bundle: Path | None = Field(
        default=None,
        description="PEM file of the CA(s) the insurer's certificate must chain to (pinning); "
        "unset means the operating system's trusted CAs",
    )
    retention_days: Annotated[int, Field(ge=MIN_RETENTION_DAYS, le=3650)] = 180
    idle_timeout_seconds: Annotated[int, Field(ge=15, le=3600)] = 120
    kiosk_mode: bool = Field(
        default=True, description="Full screen without window chrome; staff leave with the PIN"
    )
    data_dir: Path = Field(default_factory=default_data_dir)
    phone_guarantees: bool = Field(
        default=True,
        description="Reception may take a phone guarantee from the insurer's hotline when the "
        "insurer cannot be reached, and go on with the visit; false switches it off for the clinic",
    )
    appointments_required: bool = Field(
        default=False,
        description="Direct billing only for a member with an appointment booked through the "
        "insurer for today (a public hospital's international or VIP department: "
        "享受部分公立医院直付服务需提前预约); without one the visit can go on as self-pay",
    )
    clinic: ClinicProfile | None = Field(
        default=None,
        description="The clinic's names (zh, en), address and phone, as the header and the "
        "family's statements show them",
    )

    clinic_db_reader: str | None = Field(
        default=None,
        description="The clinic database login the manager's screens read with (a clinic "
        "manager's or group finance's, postgresql://ROLE@HOST:PORT/DB; its password is in the "
        "keyring); unset: the manager reads this desk's journal",
    )

    his: HisSettings | None = Field(
        default=None,
        description="The clinic's HIS: where its charges come in (MLLP listener, FHIR drop "
        "folder), the HIS code → catalogue code table, where the shares go back; unset: none",
    )

    @field_validator("clinic_db_reader")
    @classmethod
    def _no_password_in_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from kiosk.clinic_db.connection import split_password

        clean, password = split_password(value)
        if password:
            raise ValueError("the clinic database URL must not carry its password")
        return clean

    @field_validator("insurer_url")
    @classmethod
    def _secure_url(cls, value: str | None) -> str | None:
        return None if value is None else check_insurer_url(value)

    @field_validator("ca_bundle")
    @classmethod
    def _bundle_exists(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"the pinned CA bundle {value} does not exist")
        return value

    @property
    def journal_path(self) -> Path:
        return self.data_dir / "journal.sqlite3"

    @property
    def his_inbox_path(self) -> Path:
        from kiosk.his.inbox import INBOX_FILE

        return self.data_dir / INBOX_FILE

    @property
    def documents_dir(self) -> Path:
        return self.data_dir / "signed-bills"

    @property
    def ca_bundle_arg(self) -> str | None:
        """The value `InsurerClient(ca_bundle=...)` takes."""
        return str(self.ca_bundle) if self.ca_bundle is not None else None


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults when none were saved yet."""
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise SettingsError(f"The settings file {path} cannot be read: {exc.strerror}.") from exc
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SettingsError(
            f"The settings file {path} is not valid JSON (line {exc.lineno}); fix or delete it."
        ) from exc
    if not isinstance(raw, dict):
        raise SettingsError(f"The settings file {path} must hold one JSON object.")
    secret_keys = sorted(k for k in raw if "key" in k.lower() or "secret" in k.lower())
    if secret_keys:
        raise SettingsError(
            f"The settings file {path} contains {', '.join(secret_keys)}: secrets belong in the "
            "OS keyring, not in a file. Remove them and register the device again (kiosk register)."
        )
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        raise SettingsError(
            f"The settings file {path} is not usable: {_first_problem(exc)}"
        ) from exc


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically, so a power cut leaves the old file or the new one, never half of one."""
    path = path or settings_path()
    return write_whole(path, (settings.model_dump_json(indent=2) + "\n").encode("utf-8"))


def updated(settings: Settings, **changes: object) -> Settings:
    """A copy with `changes` applied and validated like a freshly loaded file."""
    try:
        return Settings.model_validate({**settings.model_dump(), **changes})
    except ValidationError as exc:
        raise SettingsError(_first_problem(exc)) from exc


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "settings"
    message = error["msg"].removeprefix("Value error, ")
    return f"{where}: {message}"
