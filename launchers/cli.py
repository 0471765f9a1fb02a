"""`kiosk`: run the kiosk at a clinic, or the demo against the embedded insurer sandbox.

    kiosk register --insurer URL     check the device key with the insurer, keep it in the keyring
    kiosk register --clinic-db URL   this desk ships its journal to the clinic database
    kiosk register --clinic-db-reader URL   the manager's screens read the clinic database
    kiosk clinic-db …                set up the clinic database (see launchers/clinic_db_cli.py)
    kiosk run [--insurer URL]        the kiosk (insurer, data folder, idle time from the settings)
    kiosk demo                       the whole visit against a local sandbox (what `make demo` runs)
    kiosk demo --script OUT_DIR      a scripted visit per demo member, headless: PNGs and PDFs
    kiosk demo --clinic-db           the demo with a local clinic database (`make demo-clinic`)
    kiosk doctor                     check camera, fonts, keyring, insurer, clock, journal...
    kiosk --self-test                does this installation work (headless; exit status 0 if so)
    kiosk purge                      apply the retention setting to the journal now
    kiosk audit-verify               check the journal read-only: SQLite integrity, audit chain
    kiosk backup DEST                a verified copy of the journal (while the kiosk runs too)
    kiosk staff add NAME --role R    a staff account (the first manager at installation); PIN asked
    kiosk staff list | reset-pin ID | unlock ID
    kiosk outbox list                claims waiting or needing attention
    kiosk outbox retry ID | settle ID --note TEXT
    kiosk arrivals list | check [--date D] | no-show ID   appointments; the families to call
    kiosk his listen | import FILE… | settle   the clinic's HIS: charges in, shares back

Bad input — an argument out of range, an unknown id, a weak PIN — ends with exit status 2 and one
line on stderr naming it, before anything is asked or changed.
The Qt layer is imported only once a command needs it (the import-linter contract lists these
launchers and the self-test as the only places the core reaches into `ui`). Every command's log
records are redacted of personal data (`kiosk.privacy`).
"""

from __future__ import annotations

import argparse
import getpass
import logging
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from sqlalchemy.exc import SQLAlchemyError

from kiosk.claim_actions import requeue_claim, settle_claim
from kiosk.clinic_db.connection import ClinicDbError
from kiosk.credentials import journal_audit_key
from kiosk.insurer.client import InsecureURLError, check_insurer_url
from kiosk.insurer.errors import DeviceKeyMissing
from kiosk.journal import AuditVerdict, ClaimState, Journal, JournalError
from kiosk.privacy import install_log_redaction, purge_settled_claims
from kiosk.registration import (
    RegistrationError,
    RegistrationState,
    register_device,
    registration_status,
)
from kiosk.settings import MIN_RETENTION_DAYS, SettingsError, load_settings, updated
from kiosk.staff import CONSOLE, NotAllowed, Role, StaffDirectory, WeakSecret, staff_name
from kiosk.text import unprintable
from launchers import arrivals_cli, clinic_db_cli, his_cli

if TYPE_CHECKING:
    from kiosk.scan.camera import OpenCVCamera

DEFAULT_IDLE_SECONDS = 120.0
IDLE_SECONDS = (15.0, 3600.0)
"""The idle time a person may choose, as the settings' `idle_timeout_seconds` allows."""
MAX_RETENTION_DAYS = 3650
SETTLE_NOTE_MAX = 200
"""As long as the manager screen's settle note."""
CLINIC_NAME_MAX = 80
URL_MAX = 2048
MAX_RECORD_ID = 2**63 - 1
"""SQLite's largest row id."""

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """A usage error is one line on stderr and exit status 2, like every other refused input."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _checked(check: Callable[[str], object]) -> Callable[[str], object]:
    """An argparse type from a check that raises ValueError with a message for a person;
    argparse then names the argument in front of it."""

    def convert(text: str) -> object:
        try:
            return check(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return convert


def _one_line(text: str, what: str, longest: int) -> str:
    """`text` stripped; refused when empty, too long or holding a control character."""
    hidden = unprintable(text)
    if hidden is not None:
        raise ValueError(f"the {what} cannot contain {hidden} (a control character)")
    text = text.strip()
    if not text:
        raise ValueError(f"the {what} is empty")
    if len(text) > longest:
        raise ValueError(f"the {what} has at most {longest} characters, not {len(text)}")
    return text


def _record_id(text: str) -> int:
    """An account or claim id as the lists show it: a whole number from 1."""
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_RECORD_ID:
        raise ValueError(f"{text!r} is not an id (a whole number from 1, as the list shows)")
    return int(text)


def _days(text: str) -> int:
    """Retention days within what the settings allow: a shorter window could erase a signature a
    disputed claim still needs."""
    if not (text.isascii() and text.isdigit()) or not (
        MIN_RETENTION_DAYS <= int(text) <= MAX_RETENTION_DAYS
    ):
        raise ValueError(
            f"{text!r} is not a number of days from {MIN_RETENTION_DAYS} to {MAX_RETENTION_DAYS}"
        )
    return int(text)


def _idle_seconds(text: str) -> float:
    low, high = IDLE_SECONDS
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not low <= seconds <= high:
        raise ValueError(f"{text!r} is not a number of seconds from {low:g} to {high:g}")
    return seconds


def _insurer_url(text: str) -> str:
    """Checked before any key is asked for: https://, or http:// to this computer only."""
    if unprintable(text) or any(ch.isspace() for ch in text) or len(text) > URL_MAX:
        raise ValueError(f"not an insurer URL: {text[:80]!r}")
    try:
        return check_insurer_url(text)
    except InsecureURLError as exc:
        raise ValueError(str(exc)) from None


def _path(text: str) -> Path:
    hidden = unprintable(text)
    if hidden is not None:
        raise ValueError(f"a file path cannot contain {hidden} (a control character)")
    if not text.strip():
        raise ValueError("the path is empty")
    return Path(text)


def _existing_file(text: str) -> Path:
    path = _path(text)
    if not path.is_file():
        raise ValueError(f"no file at {path}")
    return path


def _folder(text: str) -> Path:
    """A folder that exists or can be made: not a file already there."""
    path = _path(text)
    if path.exists() and not path.is_dir():
        raise ValueError(f"{path} is a file, not a folder")
    return path


def _camera_source(text: str) -> int | str | None:
    """A camera device index, a video file, or "none" (a handheld scanner only)."""
    if text.lower() == "none":
        return None
    if text.isascii() and text.isdigit() and len(text) <= 3:
        return int(text)
    try:
        return str(_existing_file(text))
    except ValueError:
        raise ValueError(f"{text!r} is not a camera index (0, 1, …) or a video file") from None


def _video_source(text: str) -> int | str:
    """A camera device index or a video file (the doctor needs something to open)."""
    source = _camera_source(text)
    if source is None:
        raise ValueError("say which camera to check: an index (0, 1, …) or a video file")
    return source


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kiosk", description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="log debug details")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run the kiosk against an insurer")
    run.add_argument(
        "--insurer",
        type=_checked(_insurer_url),
        metavar="URL",
        help="the insurer API base URL (default: the registered one)",
    )
    run.add_argument(
        "--clinic-name",
        type=_checked(lambda text: _one_line(text, "clinic name", CLINIC_NAME_MAX)),
        help="shown in the header and bills (default: the settings' clinic, with its address "
        "and phone)",
    )
    run.add_argument(
        "--data", type=_checked(_folder), help="journal and signed bills (default: settings)"
    )
    run.add_argument(
        "--catalogue",
        type=_checked(_existing_file),
        help="the clinic's fee catalogue (Excel .xlsx, CSV or JSON)",
    )
    run.add_argument(
        "--camera",
        default="0",
        type=_checked(_camera_source),
        help="camera device index, a video file, or 'none' for a handheld scanner only",
    )
    run.add_argument("--language", choices=["zh_CN", "en"], default="zh_CN")
    run.add_argument(
        "--idle", type=_checked(_idle_seconds), metavar="SECONDS", help="default: the settings"
    )
    run.add_argument(
        "--windowed",
        action="store_true",
        help="not kiosk mode: a normal window that closes like any other (set-up, back office)",
    )

    register = commands.add_parser(
        "register",
        help="check this kiosk's device key with the insurer and keep it; or its clinic "
        "database login",
    )
    register.add_argument("--insurer", type=_checked(_insurer_url), metavar="URL")
    register.add_argument(
        "--clinic-db",
        type=_checked(_clinic_db_url),
        metavar="URL",
        help="a desk's login to the clinic database: this desk ships its journal there",
    )
    register.add_argument(
        "--clinic-db-reader",
        type=_checked(_clinic_db_url),
        metavar="URL",
        help="a manager's or group finance's login: the manager's screens read the clinic's",
    )
    register.add_argument(
        "--ca-bundle",
        type=_checked(_existing_file),
        metavar="PEM",
        help="the CA the insurer's certificate chains to",
    )

    demo = commands.add_parser("demo", help="the kiosk against a local insurer sandbox")
    demo.add_argument(
        "--script",
        type=_checked(_folder),
        metavar="OUT_DIR",
        help="run a scripted visit per demo member headless; write screenshots and signed PDFs",
    )
    demo.add_argument("--language", choices=["zh_CN", "en"], default="zh_CN")
    demo.add_argument(
        "--clinic-db",
        action="store_true",
        help="with a local PostgreSQL as the clinic database of a small chain (three desks of "
        "this clinic, two of another): the manager's Clinic tab reads it",
    )
    demo.add_argument(
        "--idle", type=_checked(_idle_seconds), default=DEFAULT_IDLE_SECONDS, metavar="SECONDS"
    )

    clinic_db_cli.add_commands(commands, _checked)
    arrivals_cli.add_commands(commands, _checked)
    his_cli.add_commands(commands, _checked)

    doctor = commands.add_parser(
        "doctor", help="check this PC's setup; each check OK or what to do"
    )
    doctor.add_argument(
        "--camera",
        default="0",
        type=_checked(_video_source),
        help="camera device index or video file",
    )
    commands.add_parser("self-test", help="headless check of this installation (also --self-test)")
    purge = commands.add_parser(
        "purge", help="remove signatures and member data of claims settled before the retention"
    )
    purge.add_argument(
        "--days",
        type=_checked(_days),
        help="keep this many days instead of the retention setting",
    )
    audit = commands.add_parser("audit-verify", help="re-compute the journal's audit hash chain")
    audit.add_argument(
        "--journal", type=_checked(_path), help="journal file (default: from the settings)"
    )

    backup = commands.add_parser(
        "backup", help="a verified copy of the journal, consistent while the kiosk runs"
    )
    backup.add_argument(
        "destination",
        type=_checked(_path),
        help="a folder (a time-stamped file is made in it) or a new file name",
    )

    staff = commands.add_parser(
        "staff", help="staff accounts at the console (no sign-in: the PC's administrator)"
    ).add_subparsers(dest="staff_command", required=True)
    add = staff.add_parser(
        "add", help="add an account; the PIN is asked twice (or read from stdin)"
    )
    add.add_argument("name", type=_checked(staff_name))
    add.add_argument("--role", choices=[r.value for r in Role], required=True)
    staff.add_parser("list", help="the active accounts: id, role, name, locked until")
    reset = staff.add_parser("reset-pin", help="give an account a new PIN (lifts a lockout)")
    reset.add_argument("id", type=_checked(_record_id))
    unlock = staff.add_parser("unlock", help="lift an account's lockout now")
    unlock.add_argument("id", type=_checked(_record_id))

    outbox = commands.add_parser("outbox", help="claims the outbox has not settled").add_subparsers(
        dest="outbox_command", required=True
    )
    outbox.add_parser("list", help="claims waiting to send or needing attention")
    retry = outbox.add_parser("retry", help="send a claim that needs attention again")
    retry.add_argument("id", type=_checked(_record_id))
    settle = outbox.add_parser("settle", help="mark a claim that needs attention settled")
    settle.add_argument("id", type=_checked(_record_id))
    settle.add_argument(
        "--note",
        required=True,
        type=_checked(lambda text: _one_line(text, "note", SETTLE_NOTE_MAX)),
        help="how it was settled (kept in the audit)",
    )
    return parser


def _doctor(camera: int | str) -> int:
    from kiosk.doctor import DoctorContext, exit_status, format_report, run_doctor

    checks = run_doctor(DoctorContext(load_settings(), camera=camera))
    print(format_report(checks))
    return exit_status(checks)


def _purge(days: int | None) -> int:
    settings = load_settings()
    if not settings.journal_path.exists():
        print(f"kiosk: no journal at {settings.journal_path}; nothing to purge")
        return 0
    retention = settings.retention_days if days is None else days
    with Journal.open(
        settings.journal_path, audit_key=journal_audit_key(settings.journal_path)
    ) as journal:
        report = purge_settled_claims(journal, retention)
    print(
        f"kiosk: purged {len(report.claim_ids)} claims accepted before "
        f"{report.accepted_before:%Y-%m-%d %H:%M} UTC ({report.signatures} signatures erased)"
    )
    return 0


def _audit_verify(path: Path | None) -> int:
    """Check the journal as found: opened read-only, SQLite's own integrity check, then the
    audit trail's chain."""
    path = path or load_settings().journal_path
    key = journal_audit_key(path, create=False)
    with Journal.open_read_only(path, audit_key=key) as journal:
        problems = journal.integrity_problems()
        verdict = journal.verify_audit()
        records = journal.record_problems() if verdict.intact else []
    if problems:
        print(
            f"journal DAMAGED: SQLite's integrity check found {len(problems)} problem(s), "
            f"first: {problems[0]}",
            file=sys.stderr,
        )
    if not verdict.intact:
        print(
            f"audit trail BROKEN at entry {verdict.first_broken_seq}: {verdict.why}; the journal "
            f"was changed outside the kiosk; last good hash {verdict.head_hash}",
            file=sys.stderr,
        )
    for record in records:
        print(f"record CHANGED outside the kiosk: {record}", file=sys.stderr)
    if problems or records or not verdict.intact:
        return 1
    print(f"audit trail intact: {verdict.entries} entries, head {verdict.head_hash}")
    print(_seal_report(verdict, key_found=key is not None))
    return 0


def _seal_report(verdict: AuditVerdict, *, key_found: bool) -> str:
    """How much of the trail this PC could prove, said plainly."""
    parts = [f"{verdict.sealed_here} sealed by this desk's key and checked"]
    if verdict.sealed_elsewhere:
        parts.append(
            f"{verdict.sealed_elsewhere} sealed by another desk's key (a journal restored here): "
            "not checkable on this PC"
        )
    if verdict.unsealed:
        parts.append(f"{verdict.unsealed} from before sealing (chain only)")
    if not key_found:
        parts.append("no audit key for this journal in this PC's keyring")
    return "seals: " + "; ".join(parts) + "; every record agrees with its audit entry"


def _backup(destination: Path) -> int:
    from kiosk.journal.backup import back_up

    path = load_settings().journal_path
    Journal.open_read_only(path).close()  # a missing or foreign file is refused, never created
    with Journal.open(path, audit_key=journal_audit_key(path)) as journal:
        report = back_up(journal, destination)
    print(
        f"kiosk: journal backed up to {report.path} ({report.claims} claims, "
        f"{report.audit_entries} audit entries, verified; sha256 {report.sha256})"
    )
    return 0


def _new_secret() -> str | None:
    """The new PIN: asked twice without echo at a terminal, one line from stdin in a script."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    secret = getpass.getpass("PIN or password: ")
    if getpass.getpass("Again: ") != secret:
        print("kiosk: the two entries differ; nothing was changed", file=sys.stderr)
        return None
    return secret


def _staff(args: argparse.Namespace) -> int:
    """Accounts at the console: whoever can run this can reach the journal anyway, so no sign-in
    is asked; each change is audited as "console"."""
    path = load_settings().journal_path
    path.parent.mkdir(parents=True, exist_ok=True)
    with Journal.open(path, audit_key=journal_audit_key(path)) as journal:
        directory = StaffDirectory(journal)
        if args.staff_command == "list":
            for member in directory.members():
                until = directory.locked_until(member.id)
                locked = f"\tlocked until {until:%Y-%m-%d %H:%M} UTC" if until else ""
                print(f"{member.id}\t{member.role.value}\t{member.name}{locked}")
            return 0
        if args.staff_command == "unlock":
            directory.unlock(args.id, by=CONSOLE)
            print(f"kiosk: account {args.id} unlocked")
            return 0
        secret = _new_secret()
        if secret is None:
            return 2
        try:
            if args.staff_command == "reset-pin":
                directory.reset_secret(args.id, secret, by=CONSOLE)
                print(f"kiosk: account {args.id} has a new PIN")
                return 0
            member = directory.add(args.name, Role(args.role), secret, added_by=CONSOLE)
        except (WeakSecret, NotAllowed, ValueError) as exc:
            print(f"kiosk: nothing was changed: {exc}", file=sys.stderr)
            return 2
    print(f"kiosk: added {member.role.value} {member.name} (id {member.id})")
    return 0


def _outbox(args: argparse.Namespace) -> int:
    """Claims at the console; a running kiosk sends a claim put back at its next try."""
    path = load_settings().journal_path
    if not path.exists():
        print(f"kiosk: no journal at {path}", file=sys.stderr)
        return 2
    with Journal.open(path, audit_key=journal_audit_key(path)) as journal:
        if args.outbox_command == "list":
            for state in (ClaimState.ATTENTION, ClaimState.WAITING):
                for claim in journal.claims(state):
                    reason = claim.reject_code or claim.attention_reason or ""
                    print(
                        f"{claim.id}\t{claim.state.value}\t{claim.clinic_invoice_no}\t"
                        f"{claim.queued_at:%Y-%m-%d %H:%M} UTC\t{reason}".rstrip()
                    )
            return 0
        if args.outbox_command == "retry":
            requeue_claim(journal, args.id, by=CONSOLE)
        else:
            settle_claim(journal, args.id, args.note, by=CONSOLE)
    done = "put back in the outbox" if args.outbox_command == "retry" else "marked settled"
    print(f"kiosk: claim {args.id} {done}")
    return 0


def _camera(source: int | str | None) -> OpenCVCamera | None:
    if source is None:
        return None
    from kiosk.scan.camera import OpenCVCamera  # OpenCV: loaded only when a camera is used

    return OpenCVCamera(source)


def _clinic_db_url(value: str) -> str:
    from kiosk.clinic_db.connection import split_password

    clean, password = split_password(value)
    if password:
        raise ValueError(
            "leave the password out of the URL: it is asked for, and kept in the keyring"
        )
    return clean


def _register(args: argparse.Namespace) -> int:
    """Ask for the key from the insurer's provider portal without echoing it; keep it only once
    the insurer accepts it. A clinic database login likewise: kept once it signs in."""
    if not (args.insurer or args.clinic_db or args.clinic_db_reader):
        raise SettingsError("say what to register: --insurer, --clinic-db or --clinic-db-reader")
    if args.insurer:
        api_key = clinic_db_cli.secret_input("Device key from the insurer's provider portal: ")
        settings = register_device(args.insurer, api_key, ca_bundle=args.ca_bundle)
        print(f"kiosk: registered with {settings.insurer_url}; the key is in the OS keyring")
    if args.clinic_db:
        from kiosk.clinic_db.registration import register_desk

        path = load_settings().journal_path
        path.parent.mkdir(parents=True, exist_ok=True)
        password = clinic_db_cli.secret_input(f"Password of {args.clinic_db}: ")
        with Journal.open(path, audit_key=journal_audit_key(path)) as journal:
            clinic, desk = register_desk(journal, args.clinic_db, password)
        print(f"kiosk: this PC is desk {desk!r} of clinic {clinic}; it ships its journal there")
    if args.clinic_db_reader:
        from kiosk.clinic_db.registration import register_reader

        password = clinic_db_cli.secret_input(f"Password of {args.clinic_db_reader}: ")
        _, who = register_reader(args.clinic_db_reader, password)
        names = ", ".join(clinic.clinic_id for clinic in who.clinics)
        print(f"kiosk: the manager's screens read the clinic database ({names})")
    return 0


def _run(args: argparse.Namespace) -> int:
    from ui.launch import KioskConfig, run_kiosk

    settings = load_settings()
    if args.insurer:
        settings = updated(settings, insurer_url=args.insurer)
    kiosk_mode = settings.kiosk_mode and not args.windowed
    data_dir = args.data or settings.data_dir
    status = registration_status(settings)
    if status.state in {RegistrationState.NOT_REGISTERED, RegistrationState.KEY_REFUSED}:
        # Not registered, or the key was revoked/rotated: a manager registers on screen.
        from ui.launch import register_at_start

        registered = register_at_start(
            settings,
            status,
            language=args.language,
            kiosk_mode=kiosk_mode,
            journal_path=data_dir / "journal.sqlite3",
        )
        if registered is None:
            print(f"kiosk: {status.message}", file=sys.stderr)
            return 2
        settings = registered
    assert settings.insurer_url is not None
    return run_kiosk(
        KioskConfig(
            insurer_url=settings.insurer_url,
            data_dir=data_dir,
            # a name on the command line wins (a set-up run); else the settings' clinic
            clinic_name=args.clinic_name or KioskConfig.clinic_name,
            clinic=None if args.clinic_name else settings.clinic,
            language=args.language,
            idle_seconds=args.idle or float(settings.idle_timeout_seconds),
            camera=_camera(args.camera),
            catalogue_path=args.catalogue,
            kiosk_mode=kiosk_mode,
            owns_process=True,
            ca_bundle=settings.ca_bundle_arg,
            phone_guarantees=settings.phone_guarantees,
            appointments_required=settings.appointments_required,
            clinic_db_reader=settings.clinic_db_reader,
            his=settings.his,
            retention_days=settings.retention_days,
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--self-test"]:
        arguments[0] = "self-test"
    try:
        args = build_parser().parse_args(arguments)
    except SystemExit as exit_:  # --help, or a usage error already explained on stderr
        return exit_.code if isinstance(exit_.code, int) else 2
    install_log_redaction()
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command == "self-test":
            from ui.selftest import run_self_test

            return run_self_test()
        if args.command == "doctor":
            return _doctor(args.camera)
        if args.command == "purge":
            return _purge(args.days)
        if args.command == "audit-verify":
            return _audit_verify(args.journal)
        if args.command == "backup":
            return _backup(args.destination)
        if args.command == "staff":
            return _staff(args)
        if args.command == "outbox":
            return _outbox(args)
        if args.command == "register":
            return _register(args)
        if args.command == "clinic-db":
            return clinic_db_cli.run(args)
        if args.command == "arrivals":
            return arrivals_cli.run(args)
        if args.command == "his":
            return his_cli.run(args)
        if args.command == "demo":
            from launchers.demo import run_demo, run_script

            if args.script is not None:
                return run_script(args.script, language=args.language)
            return run_demo(
                language=args.language, idle_seconds=args.idle, clinic_db=args.clinic_db
            )
        return _run(args)
    except (DeviceKeyMissing, InsecureURLError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    except (RegistrationError, SettingsError, JournalError) as exc:
        print(f"kiosk: {exc.message}", file=sys.stderr)
        return 2
    except (ClinicDbError, ValueError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        # The clinic database refused or is down: its own words, not a traceback.
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        print(f"kiosk: the clinic database: {reason}", file=sys.stderr)
        return 2
    except OSError as exc:
        # A data folder that is a file, a disk that refuses: say which, not a traceback.
        log.debug("file error", exc_info=True)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"kiosk: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
