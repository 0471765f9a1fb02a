"""Setting up the clinic database, run by the clinic's IT person with the server's admin role:
the schema (Alembic), the clinics of the group, a login per desk, per manager and per group
finance person, and the clinic's staff accounts. Every login gets a fresh random password, shown
once, to be kept in the keyring of the PC that uses it (`kiosk register --clinic-db`)."""

from __future__ import annotations

import io
import re
import secrets
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources

from alembic import command
from alembic.config import Config
from psycopg import sql
from sqlalchemy import Connection, Engine, text

from kiosk.clinic_db.connection import ClinicDbError, clinic_engine, split_password
from kiosk.staff import kiosk_hasher, secret_problem, staff_name

_CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


class ReaderKind(StrEnum):
    MANAGER = "manager"
    """Reads the records of one clinic."""
    GROUP_FINANCE = "group-finance"
    """Reads the records of every clinic of one group."""


@dataclass(frozen=True, slots=True)
class Login:
    """A new login: its URL (no password) for the settings, and the password, shown once."""

    url: str
    password: str


def _alembic(connection: Connection) -> Config:
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("kiosk.clinic_db").joinpath("migrations"))
    )
    config.attributes["connection"] = connection
    return config


def migration_sql() -> str:
    """The SQL `init` would run on an empty database, rendered without one (Alembic's offline
    mode): for review by the clinic's database administrator, and the self-test."""
    output = io.StringIO()
    config = Config(output_buffer=output)
    config.set_main_option(
        "script_location", str(resources.files("kiosk.clinic_db").joinpath("migrations"))
    )
    config.attributes["offline_dialect"] = "postgresql"
    command.upgrade(config, "head", sql=True)
    return output.getvalue()


def init(admin_url: str) -> str:
    """Bring the clinic database to the newest schema (creating it all the first time); safe to
    run again. Returns the revision it is at."""
    engine = clinic_engine(admin_url, pool_size=1)
    try:
        with engine.begin() as connection:
            command.upgrade(_alembic(connection), "head")
            return str(connection.execute(text("SELECT version_num FROM alembic_version")).one()[0])
    finally:
        engine.dispose()


def _code(value: str, what: str) -> str:
    if not _CODE.match(value):
        raise ClinicDbError(f"{what} must be 1-32 letters, digits, - or _: {value!r}")
    return value


def add_clinic(admin_url: str, clinic_id: str, name: str, *, group_id: str) -> None:
    """A clinic of a group (a clinic on its own is a group of one); its name can be changed."""
    with _admin(admin_url) as (engine, _), engine.begin() as db:
        db.execute(
            text(
                "INSERT INTO clinics (clinic_id, group_id, name) VALUES (:c, :g, :n)"
                " ON CONFLICT (clinic_id) DO UPDATE SET name = EXCLUDED.name"
            ),
            {
                "c": _code(clinic_id, "the clinic code"),
                "g": _code(group_id, "the group"),
                "n": name.strip(),
            },
        )


def _verifier(db: Connection, role: str, password: str) -> str:
    """The password as PostgreSQL keeps it (a SCRAM-SHA-256 verifier, made by libpq here): the
    server, its logs and a failed statement's error never see the password itself."""
    driver = db.connection.driver_connection
    assert driver is not None
    encrypted: bytes = driver.pgconn.encrypt_password(
        password.encode(), role.encode(), b"scram-sha-256"
    )
    return encrypted.decode()


def _create_login(db: Connection, role: str, member_of: str) -> str:
    password = secrets.token_urlsafe(24)
    statement = sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
        sql.Identifier(role), sql.Literal(_verifier(db, role, password)), sql.Identifier(member_of)
    )
    db.exec_driver_sql(statement.as_string())
    return password


def add_desk(admin_url: str, clinic_id: str, desk_name: str) -> Login:
    """A login for one desk of the clinic: it writes its own desk's records and nothing else."""
    with _admin(admin_url) as (engine, clean), engine.begin() as db:
        number = db.execute(
            text("SELECT count(*) + 1 FROM desks WHERE clinic_id = :c"), {"c": clinic_id}
        ).scalar_one()
        role = f"desk_{clinic_id.lower()}_{number}_{secrets.token_hex(2)}".replace("-", "_")
        password = _create_login(db, role, "kiosk_desk")
        desk_id = db.execute(
            text(
                "INSERT INTO desks (clinic_id, name, role_name) VALUES (:c, :n, :r)"
                " RETURNING desk_id"
            ),
            {"c": clinic_id, "n": desk_name.strip(), "r": role},
        ).scalar_one()
        db.execute(
            text(
                "INSERT INTO logins (role_name, kind, clinic_id, desk_id)"
                " VALUES (:r, 'desk', :c, :d)"
            ),
            {"r": role, "c": clinic_id, "d": desk_id},
        )
    return Login(_login_url(clean, role), password)


def reset_desk(admin_url: str, clinic_id: str, desk_name: str) -> Login:
    """A new password for a desk's login (its PC lost its keyring, or was replaced and took
    the old desk's journal): the desk goes on as itself, its records counted once."""
    with _admin(admin_url) as (engine, clean), engine.begin() as db:
        role = db.execute(
            text("SELECT role_name FROM desks WHERE clinic_id = :c AND name = :n"),
            {"c": clinic_id, "n": desk_name.strip()},
        ).scalar_one_or_none()
        if role is None:
            raise ClinicDbError(f"clinic {clinic_id} has no desk named {desk_name!r}")
        password = secrets.token_urlsafe(24)
        statement = sql.SQL("ALTER ROLE {} PASSWORD {}").format(
            sql.Identifier(role), sql.Literal(_verifier(db, role, password))
        )
        db.exec_driver_sql(statement.as_string())
    return Login(_login_url(clean, role), password)


def add_reader(admin_url: str, kind: ReaderKind, scope: str, person: str) -> Login:
    """A manager's login (`scope` = their clinic) or group finance's (`scope` = the group)."""
    with _admin(admin_url) as (engine, clean), engine.begin() as db:
        tag = re.sub(r"[^a-z0-9]+", "_", person.lower()).strip("_")[:20] or "reader"
        role = f"{kind.value.replace('-', '_')}_{tag}_{secrets.token_hex(2)}"
        password = _create_login(db, role, f"kiosk_{kind.value.replace('-', '_')}")
        db.execute(
            text(
                "INSERT INTO logins (role_name, kind, clinic_id, group_id) VALUES (:r, :k, :c, :g)"
            ),
            {
                "r": role,
                "k": kind.value,
                "c": scope if kind is ReaderKind.MANAGER else None,
                "g": scope if kind is ReaderKind.GROUP_FINANCE else None,
            },
        )
    return Login(_login_url(clean, role), password)


def set_staff(admin_url: str, clinic_id: str, name: str, role: str, secret: str) -> None:
    """Add a staff account to the clinic, or change its role and PIN: every desk of the clinic
    takes it at its next shipping round, and keeps it for signing in while the database is down.
    """
    problem = secret_problem(secret)
    if problem is not None:
        raise ClinicDbError(f"the PIN or password is too weak ({problem.value})")
    with _admin(admin_url) as (engine, _), engine.begin() as db:
        db.execute(
            text(
                "INSERT INTO staff (clinic_id, name, role, secret_hash) VALUES (:c, :n, :r, :h)"
                " ON CONFLICT (clinic_id, name) DO UPDATE SET role = EXCLUDED.role,"
                " secret_hash = EXCLUDED.secret_hash, active = true, changed_at = now()"
            ),
            {"c": clinic_id, "n": staff_name(name), "r": role, "h": kiosk_hasher().hash(secret)},
        )


def _login_url(admin_url: str, role: str) -> str:
    clean, _ = split_password(admin_url)
    return re.sub(r"^postgresql://[^@]+@", f"postgresql://{role}@", clean)


class _admin:
    """The admin's engine for one command, and the admin URL without its password."""

    def __init__(self, admin_url: str) -> None:
        self.url = admin_url

    def __enter__(self) -> tuple[Engine, str]:
        self.engine = clinic_engine(self.url, pool_size=1)
        return self.engine, split_password(self.url)[0]

    def __exit__(self, *exc: object) -> None:
        self.engine.dispose()
