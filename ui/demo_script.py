"""The scripted demo walkthrough (`kiosk demo --script OUT_DIR`): every demo member, every screen.

Runs the real kiosk headless against the sandbox, holds each member's card up to the simulated
camera, and walks the visit as reception and the family would, saving a PNG of each screen and the
signed bill PDFs. The PNGs are what the README shows and what a person checks for clipped text or
missing Chinese glyphs.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.journal import ClaimState, PaymentMethod
from kiosk.journal.preauth_requests import preauth_request
from kiosk.money import format_yuan, parse_yuan
from kiosk.scan.camera import FrameSource
from kiosk.statement import ClinicProfile
from kiosk.visit import Step
from ui.driver import KioskDriver, pump_until
from ui.launch import Kiosk, KioskConfig, build_kiosk
from ui.manager.screen import ManagerScreen
from ui.tasks import current_runner


class DemoMemberLike(Protocol):
    @property
    def state(self) -> str: ...
    @property
    def member_id(self) -> str: ...
    @property
    def policy_number(self) -> str: ...
    @property
    def child_name(self) -> str: ...
    @property
    def guardian_phone(self) -> str: ...
    @property
    def clinic_id(self) -> str: ...


Member = TypeVar("Member", bound=DemoMemberLike)
"""The demo's member type: the walk hands `token_for` the members it was given."""


class DemoCameraLike(FrameSource, Protocol):
    def show(self, text: str | None) -> None: ...


class DemoStaffLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def pin(self) -> str: ...


@dataclass(frozen=True)
class Scenario:
    """What reception puts on the bill for one demo member, and how the family pays."""

    items: tuple[tuple[str, int], ...]
    payment: PaymentMethod = PaymentMethod.WECHAT
    request_preauth: bool = False
    letter: bool = False
    """Print the approval's guarantee letter (担保函) from the eligibility screen."""
    part_payment: tuple[tuple[PaymentMethod, str], ...] = ()
    """Split the family's share across these methods and amounts (CNY) and leave the rest owed
    to the clinic, collected when the child comes back."""


SCENARIOS: dict[str, Scenario] = {
    "active_standard": Scenario((("GP001", 1), ("LAB001", 1), ("RX001", 1))),
    "active_plus": Scenario((("GP003", 1), ("IMG001", 1), ("VAC002", 1)), PaymentMethod.ALIPAY),
    "free_visits_used_up": Scenario(
        (("GP001", 1), ("LAB002", 1)),
        PaymentMethod.CARD,
        part_payment=((PaymentMethod.CASH, "100.00"), (PaymentMethod.WECHAT, "50.00")),
    ),
    "plus_free_visits_used_up": Scenario((("GP001", 1), ("RX003", 2)), PaymentMethod.CASH),
    "preauth_approved": Scenario((("GP001", 1), ("SURG-TONSIL", 1), ("NM001", 1)), letter=True),
    "preauth_pending": Scenario((("GP001", 1), ("EXAM-MRI", 1)), request_preauth=True),
    "near_annual_limit": Scenario((("GP002", 1), ("LAB001", 1)), PaymentMethod.ALIPAY),
    "preauth_used": Scenario((("GP001", 1), ("EXAM-MRI", 1)), PaymentMethod.CARD),
    "preauth_over_amount": Scenario((("GP001", 1), ("EXAM-MRI", 1)), PaymentMethod.CARD),
    "near_preauth_threshold": Scenario((("GP001", 1), ("IMG002", 1), ("TRT002", 1))),
}
"""A refused card (greyed out, expired, not yet in force, out of network) goes on as a self-pay
visit (`SELF_PAY_AFTER_REFUSAL`); other members not listed stop at eligibility: those whose
approval is expired or denied (the eligibility screen shows it).
Items a member's pre-auth names (`SURG-TONSIL`, `EXAM-MRI`) show it: covered when approved,
flagged when pending or used, the family paying above an approval's amount; past the CNY 30,000
rule's threshold the exam and the treatment are flagged, the consultation is not."""

RECHECK_MEMBER = "near_annual_limit"
"""Whose second visit meets, just before signing, amounts another desk changed meanwhile."""

CORRECTED_MEMBER = "active_plus"
"""Whose accepted bill the manager corrects (the vaccine on it was not given): the family re-signs
and gets back what it paid for it; `REFUNDED_MEMBER`'s family, charged twice at the card
terminal, is refunded from the claims tab."""
REFUNDED_MEMBER = "plus_free_visits_used_up"

GUARANTEE_MEMBER = "free_visits_used_up"
"""Whose visit the demo walks through an insurer outage under a phone guarantee."""
GUARANTEE_ITEMS = (("GP001", 1), ("NM001", 1))
"""A consultation (half paid by the plan once the fully-paid visits are used) and a medical
certificate (never paid): after the outage the insurer covers less than the guarantee did."""

SELF_PAY_AFTER_REFUSAL = Scenario((("GP001", 1), ("LAB001", 1)), PaymentMethod.CASH)
"""What a family whose card is refused is billed and pays at the desk: a consultation and a
blood count, all self-pay, with a self-pay statement."""

EMERGENCY_MEMBER = "active_standard"
"""Whose emergency visit (an abscess incision, pre-authorised the same day) the demo walks."""

OLE2_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
"""How an Excel 97-2003 workbook (.xls) begins."""


def _doctors_note(path: Path) -> Path:
    """A small picture of a doctor's note, as a phone photo of it would be attached."""
    image = QImage(480, 240, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawText(
        image.rect().adjusted(20, 20, -20, -20),
        int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
        "Doctor's note / 医生证明\nSkin abscess (L02.4): incision and drainage today.",
    )
    painter.end()
    image.save(str(path), "PNG")
    return path


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
    manager: DemoStaffLike,
    dispute: Callable[[str, int], None],
    approve: Callable[[str], None],
    outage: Callable[[bool], None],
    hotline: Callable[[str, str], str],
    second_desk: Callable[[str, Sequence[tuple[str, int]]], None],
    language: str,
) -> list[Path]:
    """Walk every member through the kiosk in `language` (and `unknown_card`, a genuine card of
    a member the insurer does not hold, on as a self-pay visit), then the manager's screens;
    returns the files written. `add_staff` puts the demo's staff (`manager` among them) into a
    kiosk's journal before the kiosk opens it; `dispute(claim_id, covered_fen)` makes the
    insurer's statement differ from the desk on one claim, so reconciliation has a finding;
    `approve(preauth_id)` is the insurer approving a pre-auth request (the emergency visit's);
    `outage(down)` stops the insurer's API or starts it again; `hotline(member_id, clinic_id)` is
    the insurer's hotline giving a phone guarantee's reference; `second_desk(member_id, items)`
    is the clinic's other desk billing the same child, its claim accepted at once."""
    written: list[Path] = []
    by_clinic: dict[str, list[Member]] = {}
    for member in members:
        by_clinic.setdefault(member.clinic_id, []).append(member)
    for clinic_id, clinic_members in by_clinic.items():
        register(clinic_id)
        kiosk_dir = data_dir / f"{language}-{clinic_id}"
        add_staff(kiosk_dir / "journal.sqlite3")
        kiosk = build_kiosk(
            KioskConfig(
                insurer_url=insurer_url,
                data_dir=kiosk_dir,
                clinic=clinics[clinic_id],
                language=language,
                idle_seconds=3600,
                camera=camera,
            )
        )
        try:
            walk = _Walk(kiosk, camera, token_for, out_dir / language, written)
            walk.window_ready()
            if clinic_id == next(iter(by_clinic)):
                walk.scan_screens()
            for member in clinic_members:
                walk.visit(member, members.index(member) + 1)
            if clinic_id == next(iter(by_clinic)):
                walk.self_pay_visit(clinic_members[0], len(members) + 1)
                emergency = next(m for m in clinic_members if m.state == EMERGENCY_MEMBER)
                walk.emergency_visit(emergency, len(members) + 2, approve)
                guaranteed = next(m for m in clinic_members if m.state == GUARANTEE_MEMBER)
                brother = next(m for m in clinic_members if m.state == "active_plus")
                walk.phone_guarantee_visit(
                    guaranteed,
                    len(members) + 3,
                    outage,
                    hotline,
                    wrong_child=brother,
                    manager=manager,
                )
                walk.collect_owed(guaranteed, len(members) + 4)
                walk.visit(unknown_card, len(members) + 7)
                near_limit = next(m for m in clinic_members if m.state == RECHECK_MEMBER)
                walk.recheck_visit(near_limit, len(members) + 5, second_desk)
                corrected = next(m for m in clinic_members if m.state == CORRECTED_MEMBER)
                refunded = next(m for m in clinic_members if m.state == REFUNDED_MEMBER)
                walk.correction(corrected, len(members) + 6, manager, refunded=refunded)
                walk.manager_screens(manager, dispute)
        finally:
            camera.show(None)
            kiosk.close()
    return written


class _Walk(Generic[Member]):
    def __init__(
        self,
        kiosk: Kiosk,
        camera: DemoCameraLike,
        token_for: Callable[[Member], str],
        out_dir: Path,
        written: list[Path],
    ) -> None:
        self.kiosk = kiosk
        self.camera = camera
        self.token_for = token_for
        self.out_dir = out_dir
        self.written = written
        self.driver = KioskDriver(kiosk)
        self.window = kiosk.window
        self._catalogue_refusal_shown = False
        self._comfort_shown = False

    def window_ready(self) -> None:
        self.window.resize(1280, 800)
        self.window.show()
        self.driver.wait_ready()

    def shot(self, name: str, widget: QWidget | None = None) -> None:
        self.written.append(self.driver.screenshot(self.out_dir / f"{name}.png", widget))

    def scan_screens(self) -> None:
        pump_until(lambda: self.window.scan.camera_view.has_frame, 10, "a camera frame")
        self.shot("00-scan")
        self.window.scan.lookup_toggle.setChecked(True)
        self.shot("00-scan-lookup")
        self.window.scan.lookup_toggle.setChecked(False)

    def visit(self, member: Member, number: int) -> None:
        prefix = f"{number:02d}-{member.state}"
        driver = self.driver
        self.camera.show(self.token_for(member))
        driver.wait_step(Step.ELIGIBILITY, 15)
        self.shot(f"{prefix}-1-eligibility")
        scenario = SCENARIOS.get(member.state)
        if scenario is not None and scenario.letter:
            self._guarantee_letter(prefix)
        eligibility = self.kiosk.session.visit.eligibility
        if eligibility is not None and not eligibility.direct_billing:
            self._self_pay_after_refusal(prefix)
            return
        if scenario is None or eligibility is None:
            driver.click(self.window.eligibility.back_button)
            self._phone_away()
            return
        driver.start_bill()
        if not self._catalogue_refusal_shown:
            self._catalogue_refused(prefix)
        for code, quantity in scenario.items:
            driver.add_item(code, quantity)
        driver.wait_estimate()
        self.shot(f"{prefix}-2-bill")
        if scenario.request_preauth:
            self._request_preauth(prefix)
        adjudication = self.kiosk.session.visit.adjudication
        if adjudication is not None and adjudication.total_covered_fen == 0:
            # The plan pays nothing on this bill: self-pay, no claim, a receipt.
            driver.click(self.window.bill.sign_button)
            driver.wait_step(Step.DONE)
            self._finish(prefix, scenario.payment, "self-pay-statement")
            driver.next_family()
            self._phone_away()
            return
        driver.present()
        self.shot(f"{prefix}-3-sign")
        if not self._comfort_shown:
            self._readable_and_idle(prefix)
        if scenario.part_payment:
            self._sign_and_pay_part(prefix, scenario.part_payment)
            return
        self._sign_and_finish(prefix, scenario.payment)

    def _sign_and_pay_part(self, prefix: str, parts: tuple[tuple[PaymentMethod, str], ...]) -> None:
        """The family signs, then pays part of its share split across methods; the rest is left
        owed to the clinic (the statement says how much)."""
        driver = self.driver
        driver.sign()
        self._wait_recorded()
        done = self.window.done
        panel = done.payment
        driver.click(panel.split_button)
        paying = sum(parse_yuan(amount) for _, amount in parts)
        for method, amount in parts:
            panel.split_amounts[method].setText(amount)
        panel.paying.setText(format_yuan(paying, symbol=False).replace(",", ""))
        driver.settle()
        self.shot(f"{prefix}-5a-split-payment")
        driver.click(panel.record_button)
        runner = current_runner()
        pump_until(
            lambda: done.statement is not None and done.statement.owed_fen > 0 and runner.busy == 0,
            15,
            "the part payment on the statement",
        )
        self.shot(f"{prefix}-5-done-part-paid")
        assert done.document is not None
        pdf = self.out_dir / f"{prefix}-statement.pdf"
        shutil.copyfile(done.document, pdf)
        self.written.append(pdf)
        driver.next_family()
        self._phone_away()

    def recheck_visit(
        self,
        member: Member,
        number: int,
        second_desk: Callable[[str, Sequence[tuple[str, int]]], None],
    ) -> None:
        """While reception bills the child, the clinic's other desk bills the same child and
        its claim uses up what was left of the year's limit: "Show to the family to sign" asks
        the insurer again and shows the new family share instead of turning the old one to the
        family; reception goes through it, and the family signs the new amounts."""
        prefix = f"{number:02d}-recheck"
        driver = self.driver
        self.camera.show(self.token_for(member))
        driver.wait_step(Step.ELIGIBILITY, 15)
        driver.start_bill()
        driver.add_item("GP001")
        driver.wait_estimate()
        self.shot(f"{prefix}-2-bill")
        visit = self.kiosk.session.visit
        estimated = visit.adjudication
        second_desk(member.member_id, (("GP001", 2),))
        driver.click(self.window.bill.sign_button)
        pump_until(lambda: visit.adjudication != estimated, 15, "the insurer asked again")
        driver.wait_estimate()
        self.shot(f"{prefix}-2b-amounts-changed")
        driver.present()
        self.shot(f"{prefix}-3-sign")
        self._sign_and_finish(prefix, PaymentMethod.WECHAT)

    def correction(
        self, member: Member, number: int, manager: DemoStaffLike, *, refunded: Member
    ) -> None:
        """A vaccine on an accepted bill was not given: the manager chooses "Correct the
        bill…", the desk opens the bill with its lines, reception takes it off, the
        family re-signs the corrected bill (the insurer records it as replacing the accepted
        claim), and the desk refunds what the family overpaid by the methods it paid with. Then a
        refund from the claims tab for another family's desk payment."""
        prefix = f"{number:02d}-correction"
        driver, journal = self.driver, self.kiosk.journal
        original = next(
            claim
            for claim in journal.claims(ClaimState.SENT)
            if claim.submission().bill.member_id == member.member_id
            and claim.submission().replaces is None
        )
        dashboard = self._open_manager(manager)
        tab = dashboard.claims_tab
        assert tab is not None
        dashboard.tabs.setCurrentWidget(tab)
        pump_until(lambda: tab.select_claim(original.id), 10, "the claim on the list")
        driver.settle()
        self.shot(f"{prefix}-1-claims")
        driver.click(tab.claim_actions.correct_button)
        driver.wait_step(Step.BILL)
        driver.wait_estimate()
        vaccine = next(line for line in driver.visit.lines if line.item_code == "VAC002")
        driver.remove_line(vaccine.line_no)
        driver.wait_estimate()
        self.shot(f"{prefix}-2-bill")
        driver.present()
        self.shot(f"{prefix}-3-sign")
        driver.sign()
        self._wait_recorded()
        done = self.window.done
        pump_until(lambda: done.refund_button.isVisible(), 15, "the refund offered")
        driver.settle()
        self.shot(f"{prefix}-4-refund-offered")
        driver.click(done.refund_button)
        pump_until(lambda: not done.refund_button.isVisible(), 15, "the refund recorded")
        runner = current_runner()
        pump_until(lambda: runner.busy == 0, 15, "the statement")
        driver.settle()
        self.shot(f"{prefix}-5-done")
        driver.next_family()
        self._refund_from_the_claims_tab(prefix, manager, refunded)

    def _refund_from_the_claims_tab(
        self, prefix: str, manager: DemoStaffLike, member: Member
    ) -> None:
        """`member`'s family was charged twice at the terminal: the manager refunds the second
        charge from the claims tab (the amount offered is what that method paid; the reason is
        kept)."""
        driver, journal = self.driver, self.kiosk.journal
        paid = next(
            claim
            for claim in journal.claims(ClaimState.SENT)
            if claim.submission().bill.member_id == member.member_id
        )
        dashboard = self._open_manager(manager)
        tab = dashboard.claims_tab
        assert tab is not None
        dashboard.tabs.setCurrentWidget(tab)
        pump_until(lambda: tab.select_claim(paid.id), 10, "the claim on the list")
        form = tab.refund_form
        driver.click(form.open_button)
        pump_until(lambda: form.form.isVisible(), 5, "the refund form")
        form.amount.setText("20.00")
        form.reason.setText(
            "刷卡重复扣款"
            if self.kiosk.session.language == "zh_CN"
            else "charged twice at the terminal"
        )
        driver.settle()
        self.shot(f"{prefix}-6-refund-form")
        driver.click(form.confirm_button)
        pump_until(lambda: bool(form.notice.text()), 10, "the refund recorded")
        driver.settle()
        self.shot(f"{prefix}-7-refunded")
        self.window.manager.sign_out()
        self.window.close_manager()

    def collect_owed(self, member: Member, number: int) -> None:
        """The child comes back: the eligibility screen lists what the family owes the clinic
        (the rest of a part payment, what the insurer did not cover after a phone guarantee) and
        reception collects it."""
        prefix = f"{number:02d}-owed-collected"
        driver = self.driver
        self.camera.show(self.token_for(member))
        driver.wait_step(Step.ELIGIBILITY, 15)
        owed = self.window.eligibility.owed
        pump_until(lambda: bool(owed.collect_buttons) and owed.isVisible(), 15, "amounts owed")
        driver.settle()
        self.shot(f"{prefix}-1-eligibility")
        before = len(owed.collect_buttons)
        driver.click(owed.collect_buttons[0])
        dialog = owed.dialog
        assert dialog is not None
        driver.settle()
        self.shot(f"{prefix}-2-collect", dialog)
        driver.click(dialog.panel.method_buttons[PaymentMethod.ALIPAY])
        pump_until(lambda: len(owed.collect_buttons) < before, 15, "the amount collected")
        if owed.dialog is not None:
            owed.dialog.accept()
        driver.settle()
        self.shot(f"{prefix}-3-eligibility-after")
        driver.click(self.window.eligibility.back_button)
        self._phone_away()

    def _sign_and_finish(self, prefix: str, payment: PaymentMethod) -> None:
        """The family signs; once the insurer has recorded the claim, they pay and leave."""
        driver = self.driver
        driver.draw_signature()
        self.shot(f"{prefix}-4-signed")
        driver.confirm_signature()
        driver.wait_step(Step.DONE)
        self._wait_recorded()
        self._finish(prefix, payment, "statement")
        driver.next_family()
        self._phone_away()

    def _finish(self, prefix: str, payment: PaymentMethod, document: str) -> None:
        """Take the family's payment, then keep the final statement (the claim's answer and the
        payment on it), not the first version the desk wrote."""
        done = self.window.done
        presented = self.kiosk.session.visit.presented
        if presented is not None and presented.shown.totals.patient_fen > 0:
            self.driver.pay(payment)
        runner = current_runner()
        pump_until(
            lambda: done.statement is not None and done.statement.final and runner.busy == 0,
            15,
            "the final statement",
        )
        self.shot(f"{prefix}-5-done")
        assert done.document is not None
        pdf = self.out_dir / f"{prefix}-{document}.pdf"
        shutil.copyfile(done.document, pdf)
        self.written.append(pdf)

    def self_pay_visit(self, member: Member, number: int) -> None:
        """Only items the plan does not pay (a medical certificate): no claim, a receipt."""
        prefix = f"{number:02d}-self-pay"
        driver = self.driver
        self.camera.show(self.token_for(member))
        driver.wait_step(Step.ELIGIBILITY, 15)
        driver.start_bill()
        driver.add_item("NM001")
        driver.wait_estimate()
        self.shot(f"{prefix}-2-bill")
        driver.click(self.window.bill.sign_button)
        driver.wait_step(Step.DONE)
        self._finish(prefix, PaymentMethod.CASH, "self-pay-statement")
        driver.next_family()
        self._phone_away()

    def _self_pay_after_refusal(self, prefix: str) -> None:
        """A refused card's next step: for a greyed card the note of what is unpaid and how to
        pay it, then a self-pay visit billed from the catalogue, paid in full, no claim."""
        driver, screen = self.driver, self.window.eligibility
        if screen.note_button.isVisible():
            saved: list[str] = []
            screen.note_saved.connect(saved.append)
            driver.click(screen.note_button)
            pump_until(lambda: bool(saved), 15, "the note for the family")
            screen.note_saved.disconnect(saved.append)
            pdf = self.out_dir / f"{prefix}-unpaid-note.pdf"
            shutil.copyfile(saved[0], pdf)
            self.written.append(pdf)
        driver.click(screen.self_pay_button)
        driver.wait_step(Step.BILL)
        for code, quantity in SELF_PAY_AFTER_REFUSAL.items:
            driver.add_item(code, quantity)
        driver.wait_estimate()
        self.shot(f"{prefix}-2-self-pay-bill")
        driver.click(self.window.bill.sign_button)
        driver.wait_step(Step.DONE)
        self._finish(prefix, SELF_PAY_AFTER_REFUSAL.payment, "self-pay-statement")
        driver.next_family()
        self._phone_away()

    def phone_guarantee_visit(
        self,
        member: Member,
        number: int,
        outage: Callable[[bool], None],
        hotline: Callable[[str, str], str],
        *,
        wrong_child: Member | None = None,
        manager: DemoStaffLike | None = None,
    ) -> None:
        """The insurer's API is down: the card's check fails, reception calls the hotline and
        enters its phone guarantee, the family signs with the insurer's share to be confirmed,
        the claim waits; the insurer comes back and the claim is sent and adjudicated (the
        medical certificate it does not cover is the family's to pay the clinic). Meanwhile a bill
        signed for `wrong_child` is voided by the `manager` before it could be sent."""
        prefix = f"{number:02d}-phone-guarantee"
        driver, scan = self.driver, self.window.scan
        outage(True)
        try:
            if wrong_child is not None and manager is not None:
                self._voided_while_waiting(prefix, wrong_child, hotline, manager)
            driver.scan(self.token_for(member))  # the handheld scanner: one read, one check
            pump_until(lambda: scan.guarantee_button.isVisible(), 30, "the check to fail")
            self.shot(f"{prefix}-0-insurer-unreachable")
            reference = hotline(member.member_id, member.clinic_id)
            driver.click(scan.guarantee_button)
            dialog = scan.guarantee_dialog
            assert dialog is not None
            dialog.reference.setText(reference)
            driver.settle()
            self.shot(f"{prefix}-1-phone-guarantee", dialog)
            driver.click(dialog.go_button)
            driver.wait_step(Step.BILL)
            for code, quantity in GUARANTEE_ITEMS:
                driver.add_item(code, quantity)
            driver.wait_estimate()
            self.shot(f"{prefix}-2-bill")
            driver.present()
            self.shot(f"{prefix}-3-sign")
            driver.sign()
            driver.settle(0.3)
            self.shot(f"{prefix}-4-done-waiting")
        finally:
            outage(False)
        self.kiosk.session.submitter.wake()
        self._wait_recorded(60)
        self._finish(prefix, PaymentMethod.CASH, "statement")
        driver.next_family()

    def _voided_while_waiting(
        self,
        prefix: str,
        member: Member,
        hotline: Callable[[str, str], str],
        manager: DemoStaffLike,
    ) -> None:
        """Still in the outage: a bill signed under a guarantee for the wrong child (the
        brother's card) waits in the outbox; the manager voids it before it can be sent."""
        driver, scan = self.driver, self.window.scan
        driver.scan(self.token_for(member))
        pump_until(lambda: scan.guarantee_button.isVisible(), 30, "the check to fail")
        driver.click(scan.guarantee_button)
        dialog = scan.guarantee_dialog
        assert dialog is not None
        dialog.reference.setText(hotline(member.member_id, member.clinic_id))
        driver.click(dialog.go_button)
        driver.wait_step(Step.BILL)
        driver.add_item("GP001")
        driver.wait_estimate()
        driver.present()
        driver.sign()
        claim = self.window.done.claim
        assert claim is not None
        driver.next_family()
        journal = self.kiosk.journal

        def resting() -> bool:
            """Between two of the outbox's tries, well before the next: a void now is not
            refused as "being sent right now" (the manager would simply try again)."""
            waiting = journal.claim(claim.id)
            attempts = journal.claim_attempts(claim.id)
            in_flight = bool(attempts) and attempts[-1].finished_at is None
            return waiting.failures >= 3 and not in_flight

        pump_until(resting, 60, "the outbox to wait between tries")
        dashboard = self._open_manager(manager)
        reason = (
            "开错了孩子" if self.kiosk.session.language == "zh_CN" else "billed to the wrong child"
        )
        self._claim_action(dashboard, claim.id, "void", reason, f"{prefix}-6-void")
        self.window.manager.sign_out()
        self.window.close_manager()

    def _guarantee_letter(self, prefix: str) -> None:
        """Reception prints the approval's guarantee letter from the eligibility screen."""
        screen = self.window.eligibility
        saved: list[list[str]] = []
        screen.letters_saved.connect(saved.append)
        self.driver.click(screen.letter_button)
        pump_until(lambda: bool(saved), 15, "the guarantee letter")
        screen.letters_saved.disconnect(saved.append)
        self.shot(f"{prefix}-1a-guarantee-letter-printed")
        for number, path in enumerate(saved[0], start=1):
            pdf = self.out_dir / f"{prefix}-guarantee-letter-{number}.pdf"
            shutil.copyfile(path, pdf)
            self.written.append(pdf)

    def emergency_visit(self, member: Member, number: int, approve: Callable[[str], None]) -> None:
        """An emergency: an abscess incision (outpatient surgery) needs a pre-auth, which an
        emergency files for today with the doctor's note; the insurer approves it the same day,
        the desk is told, and the incision is covered under the guarantee letter."""
        prefix = f"{number:02d}-emergency"
        driver, bill = self.driver, self.window.bill
        self.camera.show(self.token_for(member))
        driver.wait_step(Step.ELIGIBILITY, 15)
        driver.start_bill()
        driver.click(bill.emergency)
        driver.add_item("GP004")
        driver.add_item("SUR001")
        driver.wait_estimate()
        self.shot(f"{prefix}-2-bill")
        visit = self.kiosk.session.visit
        (flagged,) = visit.preauth_lines()
        dialog = driver.open_preauth(flagged)
        dialog.diagnosis.setText(
            "皮肤脓肿 (L02.4)" if self.kiosk.session.language == "zh_CN" else "Skin abscess (L02.4)"
        )
        with tempfile.TemporaryDirectory() as folder:
            dialog.attach(_doctors_note(Path(folder) / "doctors-note.png"))
        self.shot(f"{prefix}-2b-preauth", dialog)
        driver.click(dialog.send_button)
        pump_until(lambda: dialog.stored is not None, 10, "the pre-auth request stored")
        assert dialog.stored is not None
        request_id = dialog.stored.id
        driver.click(dialog.close_button)
        journal = self.kiosk.session.journal
        pump_until(
            lambda: preauth_request(journal, request_id).insurer_preauth_id is not None,
            15,
            "the request sent",
        )
        preauth_id = preauth_request(journal, request_id).insurer_preauth_id
        assert preauth_id is not None
        approve(preauth_id)
        self.kiosk.submitter.check_preauths()
        news = self.window.preauth_news
        pump_until(news.isVisible, 15, "the insurer's decision at the desk")
        # told of the approval, the bill asks the insurer again: the incision is now covered
        pump_until(
            lambda: visit.adjudication is not None and not visit.preauth_lines(),
            15,
            "the estimate under the approval",
        )
        self.shot(f"{prefix}-2c-preauth-approved")
        driver.click(news.seen_button)
        driver.present()
        self.shot(f"{prefix}-3-sign")
        self._sign_and_finish(prefix, PaymentMethod.WECHAT)

    def _catalogue_refused(self, prefix: str) -> None:
        """A manager picks the clinic's old Excel fee list by mistake: the bill says what to do,
        and the catalogue in use stays."""
        self._catalogue_refusal_shown = True
        bill = self.window.bill
        before = bill.catalogue_note.text()
        with tempfile.TemporaryDirectory() as folder:
            old_excel = Path(folder) / "fees-2019.xls"
            old_excel.write_bytes(OLE2_SIGNATURE + bytes(504))
            bill.import_catalogue(old_excel)
            pump_until(lambda: bill.catalogue_note.text() != before, 10, "the refusal")
        self.shot(f"{prefix}-2a-catalogue-refused")
        bill.use_catalogue(self.kiosk.session.catalogue)

    def _request_preauth(self, prefix: str) -> None:
        flagged = self.kiosk.session.visit.preauth_lines()
        if not flagged:
            return
        dialog = self.driver.open_preauth(flagged[0])
        pump_until(lambda: dialog.send_button.isEnabled(), 10, "the working-day calendar")
        diagnosis = (
            "反复头痛 (R51)"
            if self.kiosk.session.language == "zh_CN"
            else "Recurrent headache (R51)"
        )
        dialog.diagnosis.setText(diagnosis)
        self.shot(f"{prefix}-2b-preauth", dialog)
        self.driver.click(dialog.send_button)
        if dialog.stored is None and dialog.in_the_way:
            # the member's earlier request is still pending: the desk warns before a second
            self.shot(f"{prefix}-2b2-preauth-warned", dialog)
            self.driver.click(dialog.send_button)
        pump_until(lambda: dialog.stored is not None, 10, "the pre-auth request stored")
        self.shot(f"{prefix}-2c-preauth-sent", dialog)
        self.driver.click(dialog.close_button)
        self.driver.remove_line(flagged[0])
        self.driver.wait_estimate()
        self.shot(f"{prefix}-2d-bill-after-preauth")

    def _readable_and_idle(self, prefix: str) -> None:
        """The sign screen at the largest text and in high contrast; then left alone, it asks
        "still there?" before it clears the visit, and a tap carries on."""
        self._comfort_shown = True
        readability = self.window.readability
        readability.set_text_size(150)
        self.driver.settle()
        self.shot(f"{prefix}-3a-sign-large-text")
        readability.set_high_contrast(True)
        self.driver.settle()
        self.shot(f"{prefix}-3b-sign-high-contrast")
        readability.set_text_size(100)
        readability.set_high_contrast(False)
        self.driver.settle()
        warning = self.window.idle_warning
        self.kiosk.idle.warn_now()
        pump_until(warning.isVisible, 5, "the idle warning")
        self.shot(f"{prefix}-3c-idle-warning")
        QTest.mouseClick(warning, Qt.MouseButton.LeftButton)
        pump_until(lambda: not warning.isVisible(), 5, "the tap to carry on")
        assert self.kiosk.session.visit.step is Step.SIGN

    def manager_screens(self, manager: DemoStaffLike, dispute: Callable[[str, int], None]) -> None:
        """The manager signs in on the PIN pad, sees the day, the claims and the reconciliation
        of the desk's claims with the insurer's statement (which, for the demo, has one claim at
        ¥120.00 less than the desk recorded), and signs out."""
        window, driver = self.window, self.driver
        for claim in self.kiosk.journal.claims(ClaimState.SENT):
            if claim.insurer_claim_id and claim.covered_fen is not None:
                dispute(claim.insurer_claim_id, claim.covered_fen - 12_000)
                break
        dashboard = self._open_manager(manager, pin_shot="90-staff-pin-pad")
        claims_tab, reconcile_tab = dashboard.claims_tab, dashboard.reconcile_tab
        assert claims_tab is not None and reconcile_tab is not None, "a manager sees every tab"
        driver.settle()
        self.shot("91-manager-day")
        dashboard.tabs.setCurrentWidget(claims_tab)
        driver.settle()
        self.shot("92-manager-claims")
        self._cancel_at_the_insurer(dashboard)
        dashboard.tabs.setCurrentWidget(reconcile_tab)
        reconciled: list[str] = []
        dashboard.reconciled.connect(reconciled.append)
        driver.click(reconcile_tab.fetch_button)
        pump_until(lambda: bool(reconciled), 15, "the insurer's statement")
        driver.settle()
        self.shot("93-manager-reconciliation")
        window.manager.sign_out()
        window.close_manager()

    def _open_manager(self, manager: DemoStaffLike, pin_shot: str | None = None) -> ManagerScreen:
        """The manager signs in on the PIN pad (`pin_shot`: a picture half-way through)."""
        window, driver = self.window, self.driver
        driver.click(window.header.staff_button)
        if window.manager.dashboard is not None:  # still signed in (a correction went to the desk)
            return window.manager.dashboard
        sign_in = window.manager.sign_in
        runner = current_runner()
        # the staff list is read again each time: type the PIN once it is in, not into a pad
        # its arrival clears
        pump_until(lambda: bool(sign_in.members) and runner.busy == 0, 10, "the staff list")
        sign_in.choose(next(m.id for m in sign_in.members if m.name == manager.name))
        half = len(manager.pin) // 2
        for digit in manager.pin[:half]:
            driver.click(sign_in.pad.digit_keys[digit])
        if pin_shot is not None:
            self.shot(pin_shot)
        for digit in manager.pin[half:]:
            driver.click(sign_in.pad.digit_keys[digit])
        driver.click(sign_in.pad.submit_key)
        pump_until(lambda: window.manager.dashboard is not None, 10, "the manager's screens")
        dashboard = window.manager.dashboard
        assert dashboard is not None
        return dashboard

    def _claim_action(
        self, dashboard: ManagerScreen, claim_id: int, kind: str, reason: str, prefix: str
    ) -> None:
        """In the claims tab, void (`kind` "void") or cancel at the insurer ("cancel") one claim
        with a reason, confirmed; pictures of the confirmation and of the claim afterwards."""
        tab = dashboard.claims_tab
        assert tab is not None
        dashboard.tabs.setCurrentWidget(tab)
        pump_until(lambda: claim_id in [line.claim_id for line in tab.shown], 10, "the claim")
        tab.table.selectRow([line.claim_id for line in tab.shown].index(claim_id))
        actions = tab.claim_actions
        button = actions.void_button if kind == "void" else actions.cancel_button
        self.driver.click(button)
        actions.reason.setText(reason)
        self.driver.settle()
        self.shot(f"{prefix}-confirm")
        state = ClaimState.VOIDED if kind == "void" else ClaimState.CANCELLED
        self.driver.click(actions.confirm_button)
        journal = self.kiosk.journal
        pump_until(lambda: journal.claim(claim_id).state is state, 15, f"the claim {kind}ed")
        pump_until(lambda: tab.selected_line() is not None, 10, "the list read again")
        self.driver.settle(0.2)
        self.shot(f"{prefix}-done")

    def _cancel_at_the_insurer(self, dashboard: ManagerScreen) -> None:
        """A visit that did not happen as billed: the manager cancels its accepted claim at the
        insurer, which gives back the fully-paid visit it took."""
        accepted = [
            claim
            for claim in self.kiosk.journal.claims(ClaimState.SENT)
            if claim.insurer_status == "accepted" and claim.submission().phone_guarantee is None
        ]
        self._claim_action(
            dashboard,
            accepted[1].id,  # the first is the one the insurer's statement disputes
            "cancel",
            "不是本次就诊的项目" if self.kiosk.session.language == "zh_CN" else "not given today",
            "92a-manager-cancel",
        )

    def _wait_recorded(self, seconds: float = 15) -> None:
        """Until the insurer has recorded the claim on the Done screen."""
        done = self.window.done
        pump_until(
            lambda: done.claim is not None and done.claim.state is ClaimState.SENT,
            seconds,
            "the insurer to record the claim",
        )

    def _phone_away(self) -> None:
        self.camera.show(None)
        self.driver.wait_step(Step.SCAN)
