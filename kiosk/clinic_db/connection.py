"""Opening the clinic database: a `postgresql://role@host:port/db` URL in the settings, and the
role's password in the OS keyring (never in a file)."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit, urlunsplit

import keyring
import keyring.errors
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url

from kiosk.credentials import SERVICE

CONNECT_TIMEOUT_SECONDS = 5
STATEMENT_TIMEOUT_MS = 60_000


class ClinicDbError(ValueError):
    """The clinic database URL or its password cannot be used; the message says how to fix it."""


def split_password(url: str) -> tuple[str, str | None]:
    """The URL as kept in the settings (no password), and the password it carried, if any."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise ClinicDbError(f"the clinic database URL must start with postgresql://, not {url!r}")
    if not parts.hostname or not parts.username or not parts.path.strip("/"):
        raise ClinicDbError(
            "the clinic database URL needs a role, a host and a database:"
            " postgresql://ROLE@HOST:PORT/DATABASE"
        )
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname  # IPv6
    netloc = parts.username + "@" + host + (f":{parts.port}" if parts.port else "")
    clean = urlunsplit(("postgresql", netloc, parts.path, parts.query, ""))
    return clean, unquote(parts.password) if parts.password else None


def _account(url: str) -> str:
    return f"clinic-db:{url}"


def store_password(url: str, password: str) -> None:
    try:
        keyring.set_password(SERVICE, _account(url), password)
    except keyring.errors.KeyringError as exc:
        raise ClinicDbError(
            "No keyring service is available on this computer to keep the clinic database's "
            "password: install and unlock one (see docs/operations.md)."
        ) from exc


def load_password(url: str) -> str:
    try:
        password = keyring.get_password(SERVICE, _account(url))
    except keyring.errors.KeyringError as exc:
        raise ClinicDbError("the keyring cannot give the clinic database's password") from exc
    if not password:
        raise ClinicDbError(
            f"no password is kept for {url}: run `kiosk register --clinic-db {url}` again"
        )
    return password


def sqlalchemy_url(url: str, password: str | None) -> URL:
    """psycopg 3 as SQLAlchemy's driver, with the password apart from the text."""
    clean, carried = split_password(url)
    return make_url(clean).set(drivername="postgresql+psycopg", password=password or carried)


def clinic_engine(url: str, password: str | None = None, *, pool_size: int = 2) -> Engine:
    """An engine for `url`: the password given, else the one the URL carries, else the keyring's.
    Connections are checked before use, so one cut by a restart of the server is replaced."""
    clean, carried = split_password(url)
    secret = password if password is not None else carried or load_password(clean)
    if not secret:
        raise ClinicDbError(f"no password for {clean}: an empty one is never a login's")
    return create_engine(
        sqlalchemy_url(clean, secret),
        pool_size=pool_size,
        max_overflow=0,
        pool_pre_ping=True,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_SECONDS,
            "application_name": "kiosk",
            # A connection the network dropped without a word is found within a minute, and
            # no statement holds the shipper (or a manager's screen) longer than that.
            "keepalives": 1,
            "keepalives_idle": 20,
            "keepalives_interval": 10,
            "keepalives_count": 3,
            "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
        },
    )
