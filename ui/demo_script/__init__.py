"""The scripted demo walkthrough (`kiosk demo --script OUT_DIR`): every demo member, every screen.

Runs the real kiosk headless against the sandbox, holds each member's card up to the simulated
camera, and walks the visit as reception and the family would, saving a PNG of each screen and the
signed bill PDFs. The PNGs are what the README shows and what a person checks for clipped text or
missing Chinese glyphs.

`scenarios` says what each member is billed (no Qt), `walk` walks a visit along the happy path,
`arrivals` the insurer's appointments at the desk, `his_charges` the clinic HIS's charges made
the bill (a demo HIS on loopback MLLP), `manager_screens` is the manager's part (`clinic_screens`
its clinic database's) and `detours` the visits off the happy path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path

from kiosk.statement import ClinicProfile
from ui.demo_script.arrivals import appointment_required, arrivals_screens, checked_in
from ui.demo_script.clinic_screens import ClinicChainLike, clinic_screens
from ui.demo_script.detours import (
    collect_owed,
    emergency_visit,
    phone_guarantee_visit,
    recheck_visit,
)
from ui.demo_script.his_charges import DemoHis, his_visit
from ui.demo_script.manager_screens import correction, manager_screens
from ui.demo_script.scenarios import (
    CORRECTED_MEMBER,
    EMERGENCY_MEMBER,
    GUARANTEE_MEMBER,
    RECHECK_MEMBER,
    REFUNDED_MEMBER,
)
from ui.demo_script.walk import DemoCameraLike, DemoStaffLike, Member, Walk
from ui.launch import KioskConfig, build_kiosk


def write_walkthrough(
    *,
    insurer_url: str,
    data_dir: Path,
    members: Sequence[Member],
    unknown_card: Member,
    clinics: Mapping[str, ClinicProfile],
    register: Callable[[str], str],
    token_for: Callable[[Member], str],
    camera: DemoCameraLike,
    out_dir: Path,
    add_staff: Callable[[Path], None],
    add_past_year: Callable[[Path, str], None],
    manager: DemoStaffLike,
    dispute: Callable[[str, int], None],
    approve: Callable[[str], None],
    outage: Callable[[bool], None],
    hotline: Callable[[str, str], str],
    second_desk: Callable[[str, Sequence[tuple[str, int]]], None],
    clinic_db: Callable[[Path], AbstractContextManager[ClinicChainLike | None]],
    language: str,
) -> list[Path]:
    """Walk every member through the kiosk in `language` (and `unknown_card`, a genuine card of
    a member the insurer does not hold, on as a self-pay visit), then the manager's screens;
    returns the files written. `add_staff` puts the demo's staff (`manager` among them) into a
    kiosk's journal before the kiosk opens it, and `add_past_year(journal, clinic_id)` the
    clinic's year before today (the demo clinic's; the others have none);
    `dispute(claim_id, covered_fen)` makes the insurer's statement differ from the desk on one
    claim, so reconciliation has a finding;
    `approve(preauth_id)` is the insurer approving a pre-auth request (the emergency visit's);
    `outage(down)` stops the insurer's API or starts it again; `hotline(member_id, clinic_id)` is
    the insurer's hotline giving a phone guarantee's reference; `second_desk(member_id, items)`
    is the clinic's other desk billing the same child, its claim accepted at once;
    `clinic_db(journal)` the clinic database of a small chain with this desk in it (None where
    PostgreSQL is not installed: its shots are left out)."""
    written: list[Path] = []
    by_clinic: dict[str, list[Member]] = {}
    for member in members:
        by_clinic.setdefault(member.clinic_id, []).append(member)
    with DemoHis() as his:
        first_clinic = next(iter(by_clinic))
        for clinic_id, clinic_members in by_clinic.items():
            register(clinic_id)
            kiosk_dir = data_dir / f"{language}-{clinic_id}"
            add_staff(kiosk_dir / "journal.sqlite3")
            add_past_year(kiosk_dir / "journal.sqlite3", clinic_id)
            kiosk = build_kiosk(
                KioskConfig(
                    insurer_url=insurer_url,
                    data_dir=kiosk_dir,
                    clinic=clinics[clinic_id],
                    language=language,
                    idle_seconds=3600,
                    camera=camera,
                    his=his.settings() if clinic_id == first_clinic else None,
                )
            )
            try:
                walk = Walk(kiosk, camera, token_for, out_dir / language, written)
                walk.window_ready()
                if clinic_id == next(iter(by_clinic)):
                    walk.scan_screens()
                    arrivals_screens(walk)
                for member in clinic_members:
                    walk.visit(member, members.index(member) + 1)
                if clinic_id == next(iter(by_clinic)):
                    checked_in(walk)
                    brother = next(m for m in clinic_members if m.state == "active_plus")
                    appointment_required(walk, brother, len(members) + 8)
                    walk.self_pay_visit(clinic_members[0], len(members) + 1)
                    emergency = next(m for m in clinic_members if m.state == EMERGENCY_MEMBER)
                    emergency_visit(walk, emergency, len(members) + 2, approve)
                    guaranteed = next(m for m in clinic_members if m.state == GUARANTEE_MEMBER)
                    phone_guarantee_visit(
                        walk,
                        guaranteed,
                        len(members) + 3,
                        outage,
                        hotline,
                        wrong_child=brother,
                        manager=manager,
                    )
                    collect_owed(walk, guaranteed, len(members) + 4)
                    walk.visit(unknown_card, len(members) + 7)
                    near_limit = next(m for m in clinic_members if m.state == RECHECK_MEMBER)
                    recheck_visit(walk, near_limit, len(members) + 5, second_desk)
                    corrected = next(m for m in clinic_members if m.state == CORRECTED_MEMBER)
                    refunded = next(m for m in clinic_members if m.state == REFUNDED_MEMBER)
                    correction(walk, corrected, len(members) + 6, manager, refunded=refunded)
                    manager_screens(walk, manager, dispute)
                    with clinic_db(kiosk_dir / "journal.sqlite3") as chain:
                        if chain is not None:
                            clinic_screens(walk, manager, chain)
                    his_visit(walk, brother, len(members) + 9, his)
            finally:
                camera.show(None)
                kiosk.close()
    return written
