"""`kiosk doctor`: is this desk PC ready for the day? Each check says OK or what to do.

Written for the clinic's IT person on the phone with support: one line per part of the setup
(camera, decoders, fonts, keyring, insurer, key, clock, printer, disk, journal, outbox), the
finding, and when something is off the one thing to do about it. Nothing here changes the kiosk's
state except opening the journal (which brings its schema up to date, as the kiosk itself would).
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from enum import StrEnum
from pathlib import Path

import keyring
import keyring.errors
import requests

from kiosk import __version__
from kiosk.credentials import NO_KEYRING_FIX, SERVICE, EphemeralKeyring, journal_audit_key
from kiosk.ecard import DEFAULT_SKEW
from kiosk.journal import Journal, JournalError, QueueState
from kiosk.registration import RegistrationState, registration_status
from kiosk.selftest import decoder_checks
from kiosk.settings import Settings, settings_path

Clock = Callable[[], datetime]

SCREEN_CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC")
"""The screens' Chinese fonts, in the order `ui.app` prefers them."""
PDF_CJK_FONTS = ("Droid Sans Fallback",)
"""TrueType Chinese font the signed-bill PDF needs for searchable text (see `ui.documents.page`)."""
WINDOWS_CJK_FONT_FILES = {"msyh.ttc": "Microsoft YaHei", "simsun.ttc": "SimSun"}

MIN_FREE_BYTES = 200 * 1024**2
LOW_FREE_BYTES = 2 * 1024**3
BACKUP_MAX_AGE = timedelta(days=7)
"""`doctor` warns when the journal's last verified backup is older than this."""
CLOCK_SKEW_WARN = timedelta(seconds=10)
OUTBOX_STUCK_AFTER = timedelta(hours=1)


class Status(StrEnum):
    OK = "OK"
    WARN = "WARN"
    """Works, but less well than it should (no camera: the handheld scanner still works)."""
    FAIL = "FAIL"
    """The kiosk cannot do its job until this is fixed."""


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    status: Status
    finding: str
    action: str | None = None
    """What to do; None when the status is OK."""


@dataclass
class DoctorContext:
    """What the checks look at; tests and the CLI fill it, defaults are the real machine."""

    settings: Settings
    camera: int | str = 0
    clock: Clock = field(default=lambda: datetime.now(UTC))
    timeout: float = 5.0
    insurer_reached: bool = False
    clock_skew: timedelta | None = None
    """This PC's clock minus the insurer's, measured by the reachability check."""


def _ok(name: str, finding: str) -> Check:
    return Check(name, Status.OK, finding)


# --- devices and libraries --------------------------------------------------------------------


def check_camera(ctx: DoctorContext) -> Check:
    from kiosk.scan.camera import CameraUnavailable, OpenCVCamera

    device = ctx.camera
    if isinstance(device, int) and sys.platform.startswith("linux"):
        node = Path(f"/dev/video{device}")
        if not node.exists():
            return Check(
                "camera",
                Status.WARN,
                f"no camera at {node}",
                "Connect the desk camera (USB) and run doctor again; until then cards can be "
                "scanned with the handheld scanner.",
            )
    camera = OpenCVCamera(device)
    try:
        camera.open()
        frame = camera.read()
    except CameraUnavailable as exc:
        return Check(
            "camera",
            Status.WARN,
            str(exc),
            "Check the camera's cable and that no other program (video call) is using it; "
            "the handheld scanner works meanwhile.",
        )
    finally:
        camera.close()
    return _ok("camera", f"camera {device!r} delivers {frame.shape[1]}x{frame.shape[0]} frames")


def check_decoders(ctx: DoctorContext) -> Check:
    results = decoder_checks()
    failed = [r for r in results if not r.ok]
    if failed:
        return Check(
            "decoders",
            Status.FAIL,
            "; ".join(f"{r.name}: {r.detail}" for r in failed),
            "Reinstall the kiosk (a library of the installation is missing or damaged).",
        )
    return _ok("decoders", ", ".join(r.name.removeprefix("decoder ") for r in results) + " read")


def _installed_cjk_fonts() -> set[str] | None:
    """Families of the installed fonts that cover Chinese; None when this cannot be told."""
    if sys.platform == "win32":
        fonts = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        return {name for file, name in WINDOWS_CJK_FONT_FILES.items() if (fonts / file).exists()}
    if shutil.which("fc-list") is None:
        return None
    listing = subprocess.run(
        ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=30, check=False
    ).stdout
    return {family.strip() for line in listing.splitlines() for family in line.split(",")} - {""}


def check_fonts(ctx: DoctorContext) -> Check:
    families = _installed_cjk_fonts()
    if families is None:
        return Check(
            "fonts (CJK)",
            Status.WARN,
            "cannot list fonts (no fontconfig)",
            "Install fontconfig and fonts-noto-cjk fonts-droid-fallback.",
        )
    screen = [f for f in SCREEN_CJK_FONTS if f in families]
    if not families:
        return Check(
            "fonts (CJK)",
            Status.FAIL,
            "no font with Chinese characters is installed: Chinese text shows as boxes",
            "Linux: apt-get install fonts-noto-cjk fonts-droid-fallback; Windows: add the "
            "Chinese supplemental fonts (Settings > Apps > Optional features).",
        )
    if not screen:
        return Check(
            "fonts (CJK)",
            Status.WARN,
            f"Chinese falls back to {sorted(families)[0]}",
            "Install Noto Sans CJK (apt-get install fonts-noto-cjk) for the screens' own font.",
        )
    if sys.platform != "win32" and not any(f in families for f in PDF_CJK_FONTS):
        return Check(
            "fonts (CJK)",
            Status.WARN,
            f"screens use {screen[0]}; no TrueType Chinese font for signed-bill PDFs",
            "apt-get install fonts-droid-fallback, so Chinese text in PDFs stays searchable.",
        )
    pdf = next((f for f in PDF_CJK_FONTS if f in families), screen[0])
    return _ok("fonts (CJK)", f"screens: {screen[0]}; signed-bill PDFs: {pdf}")


def check_keyring(ctx: DoctorContext) -> Check:
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, EphemeralKeyring):
        return Check(
            "keyring",
            Status.WARN,
            "in-memory keyring of the demo: the device key is forgotten when the kiosk exits",
            "Run the kiosk itself, not the demo, for a clinic.",
        )
    if backend.priority <= 0:
        return Check("keyring", Status.FAIL, f"no usable keyring ({name})", NO_KEYRING_FIX)
    try:
        keyring.get_password(SERVICE, "doctor-probe")
    except keyring.errors.KeyringError as exc:
        return Check("keyring", Status.FAIL, f"{name} refused a read: {exc}", NO_KEYRING_FIX)
    return _ok("keyring", name)


# --- the insurer --------------------------------------------------------------------------------

_NOT_REGISTERED = "Register this kiosk: kiosk register --insurer https://<insurer API address>"


def check_insurer_reachable(ctx: DoctorContext) -> Check:
    url = ctx.settings.insurer_url
    if url is None:
        return Check("insurer", Status.FAIL, "no insurer URL is configured", _NOT_REGISTERED)
    verify: str | bool = ctx.settings.ca_bundle_arg or True
    started = time.perf_counter()
    sent_at = ctx.clock()
    try:
        # No credentials: any HTTP answer proves the route, TLS and the server; 401 is expected.
        response = requests.get(
            url + "/v1/signing-keys", timeout=ctx.timeout, verify=verify, allow_redirects=False
        )
    except requests.exceptions.SSLError as exc:
        return Check(
            "insurer",
            Status.FAIL,
            f"{url}: TLS certificate refused ({_ssl_reason(exc)})",
            "Check the insurer URL; if the insurer gave you a CA certificate, set ca_bundle in "
            f"{settings_path()} to that file.",
        )
    except requests.Timeout:
        return Check(
            "insurer",
            Status.FAIL,
            f"{url} did not answer within {ctx.timeout:.0f} s",
            "Check the network and that the firewall or proxy lets this PC reach the insurer.",
        )
    except requests.RequestException as exc:
        return Check(
            "insurer",
            Status.FAIL,
            f"cannot connect to {url} ({type(exc).__name__})",
            "Check the network cable or Wi-Fi, the insurer URL, and the firewall or proxy.",
        )
    elapsed_ms = (time.perf_counter() - started) * 1000
    answered_at = ctx.clock()
    ctx.insurer_reached = True
    date_header = response.headers.get("Date")
    if date_header:
        # The Date header has whole seconds: take the middle of that second, and compare it
        # with the middle of the round trip.
        insurer_time = parsedate_to_datetime(date_header) + timedelta(milliseconds=500)
        ctx.clock_skew = sent_at + (answered_at - sent_at) / 2 - insurer_time
    return _ok("insurer", f"{url} answers (HTTP {response.status_code}, {elapsed_ms:.0f} ms)")


def _ssl_reason(exc: BaseException) -> str:
    cause: BaseException | None = exc
    while cause is not None:
        message = getattr(cause, "verify_message", None)
        if message:
            return str(message)
        cause = cause.__cause__ or cause.__context__
    return "not trusted"


def check_device_key(ctx: DoctorContext) -> Check:
    if ctx.settings.insurer_url is None:
        return Check("device key", Status.FAIL, "not registered", _NOT_REGISTERED)
    status = registration_status(ctx.settings, timeout=ctx.timeout)
    if status.state is RegistrationState.REGISTERED:
        return _ok("device key", f"accepted by the insurer (key {status.key_fingerprint})")
    if status.state is RegistrationState.UNCHECKED:
        return Check(
            "device key",
            Status.WARN,
            f"stored (key {status.key_fingerprint}) but not checked: the insurer did not answer",
            "Fix the insurer connection above, then run doctor again.",
        )
    return Check("device key", Status.FAIL, status.state.value, status.message)


def check_clock(ctx: DoctorContext) -> Check:
    skew = ctx.clock_skew
    if skew is None:
        if ctx.settings.insurer_url is None:
            reason = "no insurer is configured"
        elif ctx.insurer_reached:
            reason = "its answer had no Date header"
        else:
            reason = "the insurer did not answer"
        return Check(
            "clock",
            Status.WARN,
            f"not compared with the insurer ({reason})",
            "Make sure this PC sets its clock automatically (network time).",
        )
    seconds = skew.total_seconds()
    direction = "ahead of" if seconds > 0 else "behind"
    finding = f"{abs(seconds):.0f} s {direction} the insurer"
    fix = (
        "Turn on automatic time: Linux `timedatectl set-ntp true`; Windows Settings > Time & "
        "language > Date & time > Set time automatically, then Sync now."
    )
    if abs(skew) > DEFAULT_SKEW:
        return Check(
            "clock",
            Status.FAIL,
            f"{finding}: e-cards will be refused as "
            f"{'expired' if seconds > 0 else 'not yet valid'}",
            fix,
        )
    if abs(skew) > CLOCK_SKEW_WARN:
        return Check("clock", Status.WARN, f"{finding} (e-cards tolerate 30 s)", fix)
    return _ok("clock", f"within {max(abs(seconds), 1):.0f} s of the insurer")


# --- this PC ------------------------------------------------------------------------------------


def check_printer(ctx: DoctorContext) -> Check:
    saved = f"signed bills are saved as PDFs in {ctx.settings.documents_dir}"
    if sys.platform == "win32":
        return _ok("printer", f"Windows' default printer is used; {saved}")
    if shutil.which("lpstat") is None:
        return Check(
            "printer",
            Status.WARN,
            f"no printer (CUPS is not installed): {saved}",
            "To print at the desk: apt-get install cups, then add the printer.",
        )
    default = subprocess.run(
        ["lpstat", "-d"], capture_output=True, text=True, timeout=30, check=False
    ).stdout
    if ":" in default and "no system default" not in default:
        return _ok("printer", f"CUPS default printer {default.split(':', 1)[1].strip()}")
    printers = subprocess.run(
        ["lpstat", "-e"], capture_output=True, text=True, timeout=30, check=False
    ).stdout.split()
    if printers:
        return Check(
            "printer",
            Status.WARN,
            f"printers {', '.join(printers)} but no default one: {saved}",
            f"Choose the desk printer: lpoptions -d {printers[0]}",
        )
    return Check(
        "printer", Status.WARN, f"no printer: {saved}", "Add the desk printer in CUPS to print."
    )


def check_disk(ctx: DoctorContext) -> Check:
    place = ctx.settings.data_dir
    while not place.exists() and place != place.parent:
        place = place.parent
    free = shutil.disk_usage(place).free
    finding = f"{free / 1024**3:.1f} GiB free at {place}"
    if free < MIN_FREE_BYTES:
        return Check(
            "disk",
            Status.FAIL,
            finding,
            "Free disk space now: the journal cannot store signed claims on a full disk.",
        )
    if free < LOW_FREE_BYTES:
        return Check("disk", Status.WARN, finding, "Free some disk space soon.")
    return _ok("disk", finding)


def check_journal_and_outbox(ctx: DoctorContext) -> list[Check]:
    path = ctx.settings.journal_path
    if not path.exists():
        return [
            _ok("journal", f"none yet at {path} (created at the first visit)"),
            _ok("outbox", "empty"),
        ]
    try:
        key = journal_audit_key(path, create=False)
        with Journal.open_read_only(path, audit_key=key) as journal:
            problems = journal.integrity_problems()
            verdict = journal.verify_audit()
            queue = journal.queue_state()
    except JournalError as exc:
        return [
            Check(
                "journal",
                Status.FAIL,
                exc.message,
                "Stop the kiosk and call support with this message; do not delete the file.",
            ),
            Check("outbox", Status.FAIL, "unknown: the journal cannot be read", None),
        ]
    checks = []
    if problems:
        checks.append(
            Check(
                "journal",
                Status.FAIL,
                f"SQLite integrity check: {'; '.join(problems[:3])}",
                "Stop the kiosk, keep a copy of the file and call support.",
            )
        )
    elif not verdict.intact:
        checks.append(
            Check(
                "journal",
                Status.FAIL,
                f"audit trail broken at entry {verdict.first_broken_seq}: the journal was "
                "changed outside the kiosk",
                "Keep a copy of the file and report it to the clinic manager and support.",
            )
        )
    else:
        checks.append(
            _ok(
                "journal",
                f"integrity ok, audit chain verified ({verdict.entries} "
                f"{'entry' if verdict.entries == 1 else 'entries'})",
            )
        )
    checks.append(_outbox(queue, ctx.clock()))
    return checks


def check_clinic_db(ctx: DoctorContext) -> Check:
    """Where this desk ships its journal, how much waits, and whether the clinic database can be
    reached now (a desk whose clinic database is down keeps working: a warning, not a failure)."""
    from kiosk.clinic_db.connection import ClinicDbError, clinic_engine
    from kiosk.clinic_db.reading import clinic_db_problem
    from kiosk.clinic_db.shipping import Shipper, shipping_state

    path = ctx.settings.journal_path
    if not path.exists():
        return _ok("clinic db", "none (this desk works on its own)")
    fix = (
        "The desk goes on working and ships when the clinic database is back; check its server "
        "and the network (docs/operations.md section 8)."
    )
    with Journal.open_read_only(path) as journal:
        state = shipping_state(journal)
        if state.target is None:
            return _ok("clinic db", "none (this desk works on its own)")
        waiting = f"{state.waiting} change{'' if state.waiting == 1 else 's'} waiting"
        try:
            engine = clinic_engine(state.target, pool_size=1)
            try:
                refused = Shipper(journal, engine).diagnose()
            finally:
                engine.dispose()
        except ClinicDbError as exc:
            return Check("clinic db", Status.FAIL, f"{state.target}: {exc}", str(exc))
        except Exception as exc:  # the database's own words, whatever the driver raised
            finding = f"{state.target}: {clinic_db_problem(exc)}; {waiting}"
            return Check("clinic db", Status.WARN, finding, fix)
    if refused is not None:
        return Check(
            "clinic db",
            Status.FAIL,
            f"{state.target}: shipping stopped; {waiting}",
            refused[:1].upper() + refused[1:],
        )
    return _ok("clinic db", f"ships to {state.target}; {waiting}")


def check_backup(ctx: DoctorContext) -> Check:
    """A journal without a recent verified backup is one disk failure from losing claims."""
    path = ctx.settings.journal_path
    if not path.exists():
        return _ok("backup", "no journal yet, nothing to back up")
    try:
        with Journal.open_read_only(path) as journal:
            last = journal.last_backup_at()
    except JournalError as exc:
        return Check("backup", Status.FAIL, exc.message, None)
    now = ctx.clock()
    action = (
        "Back up the journal now: kiosk backup /path/to/usb-or-share/ (docs/operations.md, Backups)"
    )
    if last is None:
        return Check("backup", Status.WARN, "no backup of the journal was ever made", action)
    age = now - last
    finding = f"last backup {age.days} day(s) ago ({last:%Y-%m-%d %H:%M} UTC)"
    if age > BACKUP_MAX_AGE:
        return Check("backup", Status.WARN, finding, action)
    return _ok("backup", finding)


def _outbox(queue: QueueState, now: datetime) -> Check:
    waiting, attention, since = queue.waiting, queue.attention, queue.unreachable_since
    if attention:
        return Check(
            "outbox",
            Status.WARN,
            f"{attention} claims need a person, {waiting} waiting",
            "A manager opens Manage > Claims and settles each one.",
        )
    if waiting and since is not None and now - since > OUTBOX_STUCK_AFTER:
        hours = (now - since).total_seconds() / 3600
        return Check(
            "outbox",
            Status.WARN,
            f"{waiting} claims waiting; the insurer has not answered for {hours:.1f} h",
            "Check the insurer connection; the claims are safe and are sent when it is back.",
        )
    return _ok("outbox", f"{waiting} claims waiting to send" if waiting else "empty")


# --- all of it ----------------------------------------------------------------------------------

CHECKS: tuple[Callable[[DoctorContext], Check | list[Check]], ...] = (
    check_camera,
    check_decoders,
    check_fonts,
    check_keyring,
    check_insurer_reachable,
    check_device_key,
    check_clock,
    check_printer,
    check_disk,
    check_journal_and_outbox,
    check_clinic_db,
    check_backup,
)


def run_doctor(ctx: DoctorContext) -> list[Check]:
    """Every check in order; one that crashes is reported as a failure, the others still run."""
    results: list[Check] = []
    for check in CHECKS:
        try:
            outcome = check(ctx)
        except Exception as exc:  # a broken check must not hide the others
            outcome = Check(
                check.__name__.removeprefix("check_"),
                Status.FAIL,
                f"the check itself failed: {type(exc).__name__}: {exc}",
                "Report this to support.",
            )
        results.extend(outcome if isinstance(outcome, list) else [outcome])
    return results


def format_report(checks: list[Check], settings_file: Path | None = None) -> str:
    header = (
        f"kiosk doctor: direct-billing-kiosk {__version__} on {platform.system()} "
        f"{platform.release()}; settings {settings_file or settings_path()}"
    )
    lines = [header]
    for check in checks:
        lines.append(f"{check.status.value:<5} {check.name:<12} {check.finding}")
        if check.action:
            lines.append(f"{'':<18}-> {check.action}")
    failed = sum(c.status is Status.FAIL for c in checks)
    warned = sum(c.status is Status.WARN for c in checks)
    lines.append("ready" if not failed and not warned else f"{failed} to fix, {warned} to look at")
    return "\n".join(lines)


def exit_status(checks: list[Check]) -> int:
    """0 when nothing failed (warnings allowed), 1 otherwise: for scripts and monitoring."""
    return 1 if any(c.status is Status.FAIL for c in checks) else 0
