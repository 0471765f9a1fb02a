"""`kiosk demo`: the kiosk against a local insurer sandbox, with a simulated desk camera.

The only module of the kiosk that knows the sandbox: it starts `kiosk-sandbox` on a free loopback
port with fresh demo data, registers a device key for the demo clinic in an in-memory keyring
(never the desk PC's real one), adds a demo manager and a demo receptionist with fixed PINs to
the demo journal (so whoever tries the demo can open the staff screens), and opens the kiosk.
The simulated camera shows a phone with any demo member's live e-card; `--script` instead walks
every demo member through a visit headless and writes a screenshot of each screen and the signed
PDFs.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from insurer_sandbox.demo import (
    DEMO_CLINIC_ID,
    DEMO_CLINICS,
    DEMO_MEMBERS,
    DEMO_SIGNING_KEYS,
    DEMO_UNKNOWN_CARD,
    DemoMember,
)
from insurer_sandbox.hotline import phone_guarantee
from insurer_sandbox.server import SandboxProcess, create_device_key
from insurer_sandbox.store import Store
from kiosk.billing import build_bill
from kiosk.business_day import BUSINESS_TZ
from kiosk.catalogue_import import load_demo_catalogue
from kiosk.credentials import journal_audit_key, store_device_key, use_ephemeral_keyring
from kiosk.desk import present_bill, sign_and_queue
from kiosk.ecard import issue
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import PreAuthStatus
from kiosk.journal import Journal
from kiosk.scan.demo_camera import DemoCamera
from kiosk.signature import Point, Signature
from kiosk.staff import Role, StaffDirectory
from kiosk.statement import ClinicProfile
from launchers.demo_clinic import demo_clinic_db
from launchers.demo_year import add_past_year

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoStaff:
    """A staff account of the demo journal; its PIN is printed on the demo panel on purpose."""

    name: str
    role: Role
    pin: str


DEMO_CLINIC_PROFILES: dict[str, ClinicProfile] = {
    clinic_id: ClinicProfile.from_display(name).model_copy(
        update={
            "address_zh": f"上海市长宁区演示路 {number} 号",
            "address_en": f"{number} Demo Road, Changning District, Shanghai",
            "phone": f"021-5550 010{number}",
        }
    )
    for number, (clinic_id, name) in enumerate(DEMO_CLINICS.items(), start=1)
}
"""The demo clinics as their settings would describe them (made-up addresses and phones)."""

DEMO_STAFF = (
    DemoStaff("演示经理 Demo manager", Role.MANAGER, "112233"),
    DemoStaff("演示前台 Demo reception", Role.RECEPTION, "445566"),
)


def add_demo_staff(journal_path: Path, staff: tuple[DemoStaff, ...] = DEMO_STAFF) -> None:
    """The demo's staff accounts in the kiosk's journal (the manager first: it adds the rest).
    A journal that already has staff is left as it is."""
    journal_path.parent.mkdir(parents=True, exist_ok=True)
    with Journal.open(journal_path, audit_key=journal_audit_key(journal_path)) as journal:
        directory = StaffDirectory(journal)
        if directory.members():
            return
        manager = directory.add(staff[0].name, staff[0].role, staff[0].pin)
        for person in staff[1:]:
            directory.add(person.name, person.role, person.pin, added_by=manager)


def fresh_token(member: DemoMember, now: datetime | None = None) -> str:
    """What the member app shows right now: a token signed with the current demo key."""
    key = next(k for k in DEMO_SIGNING_KEYS if k.status == "current")
    return issue(
        key.private_key(),
        key.kid,
        member.member_id,
        member.policy_number,
        now or datetime.now(UTC),
    )


@dataclass
class DemoInsurer:
    """A running sandbox and the URL the kiosk uses for it."""

    sandbox: SandboxProcess
    data_dir: Path
    device_keys: dict[str, str] = field(default_factory=dict)
    """The device key of each clinic registered, for the demo's second desk."""

    @property
    def url(self) -> str:
        return self.sandbox.url

    def approve_preauth(self, preauth_id: str) -> None:
        """The insurer approves a request on its default terms (as `kiosk-sandbox preauth
        approve` does)."""
        Store.open(self.data_dir).decide_preauth(preauth_id, PreAuthStatus.APPROVED)

    def outage(self, down: bool) -> None:
        """The insurer's API goes down (the sandbox process stops) or comes back on its port."""
        if down:
            self.sandbox.stop()
        else:
            self.sandbox.restart()

    def hotline(self, member_id: str, clinic_id: str) -> str:
        """The insurer's hotline gives a phone guarantee (as `kiosk-sandbox guarantee` does)."""
        return phone_guarantee(Store.open(self.data_dir), member_id, clinic_id)

    def register(self, clinic_id: str = DEMO_CLINIC_ID) -> str:
        """Make this process's kiosk the desk of `clinic_id` (a new device key in the keyring)."""
        key = create_device_key(self.data_dir, clinic_id)
        store_device_key(self.url, key)
        self.device_keys[clinic_id] = key
        return key

    def past_year(self, journal_path: Path, clinic_id: str) -> None:
        """The demo clinic's year before today, in its desk's new journal and at the insurer
        (`launchers.demo_year`); the other clinics start with none."""
        if clinic_id == DEMO_CLINIC_ID:
            today = datetime.now(BUSINESS_TZ).date()
            add_past_year(journal_path, self.data_dir, clinic_id, DEMO_CLINICS[clinic_id], today)

    def second_desk_visit(self, member_id: str, items: Sequence[tuple[str, int]]) -> None:
        """The clinic's second desk bills the same child meanwhile, and the insurer accepts its
        claim: the desk's own code on a journal of its own, signed and sent at once."""
        catalogue = load_demo_catalogue()
        entries = []
        for code, quantity in items:
            item = catalogue.get(code)
            if item is None:
                raise KeyError(f"no catalogue item {code}")
            entries.append((item, quantity))
        bill = build_bill(member_id, datetime.now(BUSINESS_TZ).date(), entries)
        key = self.device_keys[DEMO_CLINIC_ID]
        strokes = (tuple(Point(40 + 9 * i, 80 + (i % 3) * 30, 15 * i) for i in range(30)),)
        with (
            tempfile.TemporaryDirectory() as folder,
            Journal.open(Path(folder) / "journal.sqlite3") as journal,
            InsurerClient(self.url, key) as insurer,
        ):
            presented = present_bill(
                journal, bill, insurer.estimate(bill), clinic=DEMO_CLINICS[DEMO_CLINIC_ID]
            )
            claim = sign_and_queue(
                journal, presented, Signature(strokes, 400, 200), datetime.now(UTC)
            )
            insurer.submit_claim(claim.submission(), claim.idempotency_key)


@contextmanager
def demo_insurer(base: Path | None = None, *, admin: bool = False) -> Iterator[DemoInsurer]:
    """A fresh sandbox with demo data on a free 127.0.0.1 port; stopped and removed afterwards.
    `admin` opens its /admin helpers (with a random token) for the scripted walkthrough."""
    use_ephemeral_keyring()
    owned = base is None
    root = Path(tempfile.mkdtemp(prefix="kiosk-demo-")) if base is None else base
    sandbox = SandboxProcess(root / "insurer", secrets.token_urlsafe(24) if admin else None)
    try:
        sandbox.start()
        insurer = DemoInsurer(sandbox, root / "insurer")
        insurer.register()
        yield insurer
    finally:
        sandbox.stop()
        if owned:
            shutil.rmtree(root, ignore_errors=True)


NO_DISPLAY = (
    "No display to open the kiosk window on (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
    "On a desktop, run `make demo` inside the graphical session. On a headless machine:\n"
    "  xvfb-run -a .venv/bin/kiosk demo        (a virtual screen), or\n"
    "  .venv/bin/kiosk demo --script out/      (every demo visit as PNGs and signed PDFs)"
)


def display_available() -> bool:
    """Whether Qt can open a window here; without one Qt aborts with a cryptic plugin error."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_demo(
    *, language: str = "zh_CN", idle_seconds: float = 120.0, clinic_db: bool = False
) -> int:
    """The interactive demo: kiosk window, plus a panel to hold demo cards up to the camera;
    the real webcam is used too when the PC has one. `clinic_db`: with a local PostgreSQL as the
    clinic database of a small chain, this desk shipping to it and the manager's Clinic tab
    reading it (`launchers.demo_clinic`)."""
    if not display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    from kiosk.scan.camera import OpenCVCamera
    from ui.demo_panel import DemoPanel
    from ui.launch import KioskConfig, build_kiosk

    with demo_insurer() as insurer, ExitStack() as stack:
        camera = DemoCamera(webcam=OpenCVCamera(0))
        data_dir = insurer.data_dir.parent / "kiosk"
        add_demo_staff(data_dir / "journal.sqlite3")
        insurer.past_year(data_dir / "journal.sqlite3", DEMO_CLINIC_ID)
        chain = (
            stack.enter_context(
                demo_clinic_db(data_dir / "journal.sqlite3", datetime.now(BUSINESS_TZ).date())
            )
            if clinic_db
            else None
        )
        config = KioskConfig(
            insurer_url=insurer.url,
            data_dir=data_dir,
            clinic=DEMO_CLINIC_PROFILES[DEMO_CLINIC_ID],
            language=language,
            idle_seconds=idle_seconds,
            camera=camera,
            owns_process=True,
            clinic_db_reader=chain.manager.url if chain is not None else None,
        )
        kiosk = build_kiosk(config)
        panel = DemoPanel(kiosk, camera, DEMO_MEMBERS, fresh_token, DEMO_STAFF)
        kiosk.window.show()
        panel.show()
        try:
            return kiosk.exec()
        finally:
            panel.close()
            kiosk.close()


def run_script(out_dir: Path, *, language: str = "zh_CN") -> int:
    """Every demo member through a visit, headless, in both languages: PNGs and signed PDFs."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.demo_script import write_walkthrough
    from ui.i18n import LANGUAGES

    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    # each language is a day of its own at a fresh insurer: the English walk must not meet the
    # Chinese walk's claims in its reconciliation, nor its used pre-authorisations
    for walked in [language] + [other for other in LANGUAGES if other != language]:
        with demo_insurer(admin=True) as insurer:
            written += write_walkthrough(
                insurer_url=insurer.url,
                data_dir=insurer.data_dir.parent / "kiosk",
                members=DEMO_MEMBERS,
                unknown_card=DEMO_UNKNOWN_CARD,
                clinics=DEMO_CLINIC_PROFILES,
                register=insurer.register,
                token_for=fresh_token,
                camera=DemoCamera(),
                out_dir=out_dir,
                add_staff=add_demo_staff,
                add_past_year=insurer.past_year,
                manager=DEMO_STAFF[0],
                dispute=insurer.sandbox.plant_amount_mismatch,
                approve=insurer.approve_preauth,
                outage=insurer.outage,
                second_desk=insurer.second_desk_visit,
                hotline=insurer.hotline,
                clinic_db=lambda journal: demo_clinic_db(journal, datetime.now(BUSINESS_TZ).date()),
                language=walked,
            )
    for path in written:
        print(path)
    return 0
