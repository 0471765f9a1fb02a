"""`kiosk clinic-db …`: the clinic database's set-up, run by the clinic's IT person with the
PostgreSQL server's admin role (its password is asked, never taken on the command line unless the
URL carries it, as scripts and tests do).

    kiosk clinic-db init --admin URL                      schema, roles, policies (re-runnable)
    kiosk clinic-db sql                                   the SQL `init` runs, for the DBA to read
    kiosk clinic-db add-clinic CODE --name N --group G --admin URL
    kiosk clinic-db add-desk CLINIC "Desk name" --admin URL        a desk's login (shown once)
    kiosk clinic-db reset-desk CLINIC "Desk name" --admin URL      a new password for it
    kiosk clinic-db add-reader manager CLINIC "Person" --admin URL  a clinic manager's login
    kiosk clinic-db add-reader group-finance GROUP "Person" --admin URL
    kiosk clinic-db staff CLINIC NAME --role R --admin URL          an account for every desk
    kiosk clinic-db status                     this desk: shipping to where, how much waits

A desk or a manager's PC then runs `kiosk register --clinic-db URL` or `--clinic-db-reader URL`.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from urllib.parse import quote

from kiosk.clinic_db.connection import split_password
from kiosk.staff import Role, staff_name

PASSWORD_SHOWN_ONCE = (
    "  password: {password}\n"
    "  It is shown this once: on the PC, run\n"
    "    kiosk register {option} {url}\n"
    "  and type it when asked (it is kept in that PC's keyring)."
)


def add_commands(commands: argparse._SubParsersAction, checked: Callable) -> None:
    clinic_db = commands.add_parser(
        "clinic-db", help="set up the clinic database (PostgreSQL) several desks share"
    ).add_subparsers(dest="clinic_db_command", required=True)

    def with_admin(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument(
            "--admin",
            required=True,
            metavar="URL",
            type=checked(_postgres_url),
            help="postgresql://ADMIN@HOST:PORT/DATABASE (the password is asked)",
        )
        return parser

    with_admin(clinic_db.add_parser("init", help="create or update the schema, roles, policies"))
    clinic_db.add_parser("sql", help="print the SQL init runs on an empty database")
    clinic = with_admin(clinic_db.add_parser("add-clinic", help="a clinic of a group"))
    clinic.add_argument("code")
    clinic.add_argument("--name", required=True)
    clinic.add_argument("--group", required=True)
    desk = with_admin(clinic_db.add_parser("add-desk", help="issue a desk's login"))
    desk.add_argument("clinic")
    desk.add_argument("name")
    reset = with_admin(clinic_db.add_parser("reset-desk", help="a new password for a desk's login"))
    reset.add_argument("clinic")
    reset.add_argument("name")
    reader = with_admin(
        clinic_db.add_parser("add-reader", help="issue a manager's or group finance's login")
    )
    reader.add_argument("kind", choices=["manager", "group-finance"])
    reader.add_argument("scope", metavar="CLINIC_OR_GROUP")
    reader.add_argument("person")
    staff = with_admin(
        clinic_db.add_parser("staff", help="add or change a staff account of a clinic")
    )
    staff.add_argument("clinic")
    staff.add_argument("name", type=checked(staff_name))
    staff.add_argument("--role", choices=[r.value for r in Role], required=True)
    clinic_db.add_parser("status", help="this desk's shipping: where to, how much waits")


def _postgres_url(value: str) -> str:
    split_password(value)
    return value


def secret_input(prompt: str) -> str:
    """Asked without echo at a terminal; one line of stdin from a script."""
    return getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline().strip()


def _admin_url(url: str) -> str:
    """The admin URL with its password: the one it carries, else asked for."""
    clean, password = split_password(url)
    if password:
        return url
    asked = secret_input(f"Password of {clean}: ")
    if not asked:
        raise ValueError(f"no password typed for {clean}")
    return clean.replace("@", f":{quote(asked, safe='')}@", 1)


def _pin_twice() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    first = getpass.getpass("PIN or password: ")
    if getpass.getpass("Again: ") != first:
        raise ValueError("the two entries differ")
    return first


def run(args: argparse.Namespace) -> int:
    from kiosk.clinic_db import admin

    command = args.clinic_db_command
    if command == "sql":
        print(admin.migration_sql())
        return 0
    if command == "status":
        return _status()
    url = _admin_url(args.admin)
    if command == "init":
        print(f"kiosk: the clinic database is at revision {admin.init(url)}")
    elif command == "add-clinic":
        admin.add_clinic(url, args.code, args.name, group_id=args.group)
        print(f"kiosk: clinic {args.code} ({args.name}) is in group {args.group}")
    elif command in ("add-desk", "reset-desk"):
        issue = admin.add_desk if command == "add-desk" else admin.reset_desk
        login = issue(url, args.clinic, args.name)
        print(f"kiosk: desk {args.name!r} of {args.clinic}: {login.url}")
        print(
            PASSWORD_SHOWN_ONCE.format(password=login.password, option="--clinic-db", url=login.url)
        )
    elif command == "add-reader":
        login = admin.add_reader(url, admin.ReaderKind(args.kind), args.scope, args.person)
        print(f"kiosk: {args.kind} login for {args.person} ({args.scope}): {login.url}")
        print(
            PASSWORD_SHOWN_ONCE.format(
                password=login.password, option="--clinic-db-reader", url=login.url
            )
        )
    elif command == "staff":
        admin.set_staff(url, args.clinic, args.name, args.role, _pin_twice())
        print(f"kiosk: {args.name} ({args.role}) can sign in at every desk of {args.clinic}")
    return 0


def _status() -> int:
    from kiosk.clinic_db.shipping import shipping_state
    from kiosk.journal import Journal
    from kiosk.settings import load_settings

    settings = load_settings()
    with Journal.open_read_only(settings.journal_path) as journal:
        state = shipping_state(journal)
    if state.target is None:
        print("kiosk: this desk does not ship to a clinic database (it works on its own)")
    else:
        print(f"kiosk: ships to {state.target}; {state.waiting} changes not stored there yet")
    if settings.clinic_db_reader:
        print(f"kiosk: the manager's screens read {settings.clinic_db_reader}")
    return 0
