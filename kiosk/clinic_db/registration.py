"""Pointing a PC at the clinic database (`kiosk register --clinic-db` / `--clinic-db-reader`):
the login is tried first, its password then kept in the keyring, and only then is anything
changed — a desk starts shipping its journal, a manager's PC reads the clinic's figures."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from kiosk.clinic_db.connection import ClinicDbError, clinic_engine, split_password, store_password
from kiosk.clinic_db.reading import Readable, readable
from kiosk.clinic_db.shipping import start_shipping
from kiosk.journal import Journal
from kiosk.settings import Settings, load_settings, save_settings, updated


def _password(password: str) -> str:
    if not password:
        raise ClinicDbError("type the login's password (the one `kiosk clinic-db` showed)")
    return password


def _unreachable(url: str, exc: SQLAlchemyError) -> ClinicDbError:
    cause = getattr(exc, "orig", None)
    reason = str(cause).strip().splitlines()[0] if cause else type(exc).__name__
    return ClinicDbError(f"the clinic database at {url} refused or could not be reached: {reason}")


def register_desk(journal: Journal, url: str, password: str) -> tuple[str, str]:
    """This desk ships its journal with the desk login `url`; returns (clinic, desk name).

    Registering again is how a person settles a refusal (`ShippingRefused`): a journal restored
    from an older backup then ships from here on, over what the clinic database holds of the
    records it lost (docs/operations.md section 8)."""
    clean, _ = split_password(url)
    engine = clinic_engine(clean, _password(password), pool_size=1)
    try:
        with engine.connect() as db:
            found = db.execute(
                text(
                    "SELECT d.clinic_id, d.name, d.shipped_seq FROM desks d"
                    " WHERE d.desk_id = kiosk_my_desk()"
                )
            ).one_or_none()
    except SQLAlchemyError as exc:
        raise _unreachable(clean, exc) from exc
    finally:
        engine.dispose()
    if found is None:
        raise ClinicDbError(f"{clean} is not a desk's login: `kiosk clinic-db add-desk` issues one")
    store_password(clean, password)
    start_shipping(journal, clean, stored=int(found[2]))
    return str(found[0]), str(found[1])


def register_reader(
    url: str, password: str, *, settings_file: Path | None = None
) -> tuple[Settings, Readable]:
    """The manager's screens on this PC read the clinic database with `url` (a clinic manager's
    or group finance's login)."""
    clean, _ = split_password(url)
    engine = clinic_engine(clean, _password(password), pool_size=1)
    try:
        who = readable(engine)
    except SQLAlchemyError as exc:
        raise _unreachable(clean, exc) from exc
    finally:
        engine.dispose()
    if not who.clinics:
        raise ClinicDbError(
            f"{clean} may read no clinic: `kiosk clinic-db add-reader` issues a manager's or "
            "group finance's login"
        )
    store_password(clean, password)
    settings = updated(load_settings(settings_file), clinic_db_reader=clean)
    save_settings(settings, settings_file)
    return settings, who
