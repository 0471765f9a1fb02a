"""Screenshots of the manager's screens for docs/, from a month a demo clinic really lived.

    .venv/bin/python scripts/manager_screenshots.py [docs/screenshots] [--days 30] [--seed 6]

A fresh insurer sandbox is started on 127.0.0.1 and walked through the last `--days` days: each
day its clock is set to that morning and a handful of demo families go through the desk's own
steps (estimate, present, sign, pay their share) and the outbox sends their claims. The last day
also has a claim signed on a stale estimate (rejected), one for an expired member (refused) and
one still waiting; one accepted claim gets a planted amount mismatch at the insurer. Then the
manager's screens are shown offscreen at the kiosk's 1280x800 (below its header) in Chinese and
English, and grabbed; the PDF day report is written and its page rendered to PNG with pdftoppm.
"""

from __future__ import annotations

import argparse
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from insurer_sandbox.demo import DEMO_CLINIC_ID, DEMO_CLINICS
from insurer_sandbox.server import SandboxProcess, create_device_key
from kiosk.billing import build_bill, english_names
from kiosk.business_day import BUSINESS_TZ, business_day
from kiosk.catalogue_import import load_demo_catalogue
from kiosk.desk import present_bill, record_payment, sign_and_queue
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.errors import InsurerError
from kiosk.insurer.models import AdjudicatedLine, Adjudication, Bill, PreAuthRequest, Reason
from kiosk.journal import ClaimSubmitter, Journal, PaymentMethod
from kiosk.journal.preauth_requests import record_preauth_sent
from kiosk.preauths import file_preauth
from kiosk.reconciliation import Discrepancy
from kiosk.signature import Point, Signature
from kiosk.staff import Role, StaffDirectory
from ui.app import create_application
from ui.driver import pump_until
from ui.i18n import Translations
from ui.manager.area import ManagerArea
from ui.manager.context import ManagerContext
from ui.manager.screen import ManagerScreen
from ui.tasks import running_tasks

FAMILIES = ("M26000101", "M26000102", "M26000106", "M26000107", "M26000108", "M26000110")
VISITS = (
    [("GP001", 1), ("LAB001", 1), ("RX001", 1)],
    [("GP003", 1), ("IMG001", 1)],
    [("GP001", 1), ("LAB003", 1), ("RX003", 2)],
    [("GP002", 1), ("RX002", 1), ("NM001", 1)],
    [("GP001", 1), ("TRT001", 2)],
    [("GP004", 1), ("LAB002", 1), ("RX006", 2)],
    [("GP006", 1), ("VAC002", 1), ("VAC004", 1)],
    [("GP001", 1), ("LAB008", 1), ("RX004", 1)],
)
PIN = "204719"


class Clock:
    def __init__(self) -> None:
        self.offset = timedelta()

    def set(self, at: datetime) -> None:
        self.offset = at - datetime.now(UTC)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


def signature(seed: int) -> Signature:
    rng = random.Random(seed)
    first = tuple(
        Point(40 + 7 * i, 100 + 35 * rng.uniform(-1, 1) * (i % 4 != 0), 12 * i) for i in range(40)
    )
    second = tuple(Point(140 + 5 * i, 60 + 3 * i, 600 + 10 * i) for i in range(20))
    return Signature((first, second), 400, 200)


def stale(bill: Bill) -> Adjudication:
    lines = [AdjudicatedLine.of(x, x.submitted_fen, Reason.COVERED) for x in bill.lines]
    return Adjudication.of(lines, free_visit_used=True)


def send(journal: Journal, insurer: InsurerClient) -> None:
    submitter = ClaimSubmitter(journal, insurer)
    submitter.start()
    submitter.wake()
    deadline = time.monotonic() + 60
    while journal.queue_state().waiting and time.monotonic() < deadline:
        time.sleep(0.05)
    submitter.stop()


def live_month(
    journal: Journal, clock: Clock, sandbox: SandboxProcess, key: str, days: int, seed: int
) -> None:
    rng = random.Random(seed)
    catalogue = load_demo_catalogue()
    names = english_names(catalogue.items)
    today = datetime.now(BUSINESS_TZ).date()
    clinic = DEMO_CLINICS[DEMO_CLINIC_ID]
    serial = 0
    with InsurerClient(sandbox.url, key) as insurer:
        for back in range(days - 1, -1, -1):
            day = today - timedelta(days=back)
            morning = datetime(day.year, day.month, day.day, 9, 30, tzinfo=BUSINESS_TZ)
            sandbox.set_clock(morning)
            clock.set(morning)
            for _ in range(rng.randint(5, 11) if day.weekday() < 5 else rng.randint(9, 15)):
                serial += 1
                member = rng.choice(FAMILIES)
                entries = [(catalogue.get(code), qty) for code, qty in rng.choice(VISITS)]
                bill = build_bill(member, day, entries)
                try:
                    estimate = insurer.estimate(bill)
                except InsurerError:
                    continue
                presented = present_bill(journal, bill, estimate, clinic=clinic, names_en=names)
                if not presented.self_pay:
                    sign_and_queue(journal, presented, signature(serial), journal.now())
                share = presented.shown.totals.patient_fen
                if share:
                    method = rng.choice(list(PaymentMethod))
                    record_payment(journal, presented, method, share)
            if back == 0:
                rejected = build_bill("M26000106", day, [(catalogue.get("GP001"), 1)])
                presented = present_bill(journal, rejected, stale(rejected), clinic=clinic)
                sign_and_queue(journal, presented, signature(9001), journal.now())
                refused = build_bill("M26000105", day, [(catalogue.get("GP002"), 1)])
                presented = present_bill(journal, refused, stale(refused), clinic=clinic)
                sign_and_queue(journal, presented, signature(9002), journal.now())
            send(journal, insurer)
            if back == 0:
                accepted = [
                    c
                    for c in journal.claims()
                    if c.covered_fen and c.recorded_at and business_day(c.recorded_at) == day
                ]
                planted = accepted[0]
                sandbox.plant_amount_mismatch(
                    planted.insurer_claim_id, planted.covered_fen - 12_000
                )
                # Signed on a fully covered estimate (a month uses up the free visits, and a
                # visit the insurer pays nothing on makes no claim); it is never sent here.
                waiting = build_bill("M26000102", day, [(catalogue.get("GP002"), 1)])
                presented = present_bill(
                    journal, waiting, stale(waiting), clinic=clinic, names_en=names
                )
                sign_and_queue(journal, presented, signature(9003), journal.now())
                earliest = insurer.working_calendar().earliest_planned_date
                for code, sent in (("SUR001", True), ("SPO001", False)):
                    item = catalogue.get(code)
                    request = PreAuthRequest(
                        member_id="M26000102",
                        item_code=code,
                        description=item.name_zh,
                        category=item.category,
                        planned_date=earliest + timedelta(days=2),
                        diagnosis="皮下脓肿" if code == "SUR001" else "尘螨过敏",
                        estimated_cost_fen=item.unit_price_fen,
                    )
                    stored = file_preauth(journal, request)
                    if sent:  # as the outbox sends it; the other is left unsent
                        created = insurer.request_preauth(stored.request, stored.idempotency_key)
                        with journal.transaction(actor="outbox") as tx:
                            record_preauth_sent(tx, stored.id, created)


def grab(widget: QWidget, path: Path) -> None:
    """Let the layouts settle after a language switch, then grab."""
    settle = time.monotonic() + 0.4
    while time.monotonic() < settle:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"  {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = create_application(["manager-screenshots"])
    translations = Translations(app)
    translations.switch("zh_CN")
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        clock = Clock()
        first = datetime.now(BUSINESS_TZ) - timedelta(days=args.days)
        with SandboxProcess(
            base / "insurer", admin_token=secrets.token_urlsafe(16), clock=first
        ) as sandbox:
            key = create_device_key(sandbox.data_dir, DEMO_CLINIC_ID)
            journal = Journal.open(base / "journal.sqlite3", clock=clock)
            print(f"living {args.days} days at the demo clinic…")
            live_month(journal, clock, sandbox, key, args.days, args.seed)
            sandbox.set_clock(None)
            clock.offset = timedelta()
            directory = StaffDirectory(journal)
            manager = directory.add("王芳 Wang Fang", Role.MANAGER, PIN)
            directory.add("李娜 Li Na", Role.RECEPTION, "583021", added_by=manager)
            with running_tasks(lambda: InsurerClient(sandbox.url, key), workers=2):
                catalogue = load_demo_catalogue()
                area = ManagerArea(
                    ManagerContext(
                        journal=journal,
                        directory=directory,
                        documents_dir=base / "signed-bills",
                        clinic_name=DEMO_CLINICS[DEMO_CLINIC_ID],
                        exports_dir=base / "exports",
                        names_en=lambda: english_names(catalogue.items),
                        language=lambda: translations.language,
                        idle_seconds=3600,
                    )
                )
                area.resize(1280, 744)
                area.show()
                area.open()
                pump_until(lambda: len(area.sign_in.members) == 2, 10, "the staff list")
                area.sign_in.choose(manager.id)
                for digit in PIN[:4]:
                    area.sign_in.pad.digit_keys[digit].click()
                grab(area, args.out / "manager-sign-in-zh_CN.png")
                for digit in PIN[4:]:
                    area.sign_in.pad.digit_keys[digit].click()
                area.sign_in.pad.submit_key.click()
                pump_until(lambda: area.dashboard is not None, 15, "the dashboard")
                screen: ManagerScreen = area.dashboard
                pump_until(lambda: screen.summary is not None, 15, "the figures")
                reconciled: list[str] = []
                screen.reconciled.connect(reconciled.append)
                screen.fetch_statement()
                pump_until(lambda: bool(reconciled), 20, "the reconciliation")
                refused = next(
                    f
                    for f in screen.reconcile_tab.result.findings
                    if f.discrepancy is Discrepancy.REFUSED
                )
                screen.reconcile_tab.choose(refused.claim_id)
                written: list[str] = []
                screen.exported.connect(written.append)
                claims = screen.claims_tab
                claims.table.selectRow(
                    claims.shown.index(max(claims.shown, key=lambda x: x.billed_fen))
                )
                for language in ("zh_CN", "en"):
                    translations.switch(language)
                    for tab, label in (
                        (screen.day_tab, "day"),
                        (screen.claims_tab, "claims"),
                        (screen.reconcile_tab, "reconciliation"),
                        (screen.exports_tab, "exports"),
                    ):
                        screen.tabs.setCurrentWidget(tab)
                        grab(area, args.out / f"manager-{label}-{language}.png")
                    written.clear()
                    screen.export("pdf", None, None)
                    pump_until(lambda: bool(written), 30, "the day report")
                    pdf = Path(written[0])
                    if shutil.which("pdftoppm"):
                        subprocess.run(
                            [
                                "pdftoppm",
                                "-png",
                                "-r",
                                "80",
                                "-singlefile",
                                str(pdf),
                                str(args.out / f"manager-day-report-{language}"),
                            ],
                            check=True,
                        )
                        print(f"  {args.out / f'manager-day-report-{language}.png'}")
                area.sign_out()
            journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
