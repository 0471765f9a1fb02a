"""The walk of one kiosk through the demo: the happy path of a visit, and its screenshots.

`Walk` holds the kiosk, the simulated camera and the list of files written; a visit is scanned,
billed, signed, paid and its statement kept, with the screens only the first visit shows (the
refused catalogue, the pre-auth request, large text and the idle warning) along the way.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.journal import ClaimState, PaymentMethod
from kiosk.money import format_yuan, parse_yuan
from kiosk.scan.camera import FrameSource
from kiosk.visit import Step
from ui.demo_script.scenarios import SCENARIOS, SELF_PAY_AFTER_REFUSAL
from ui.driver import KioskDriver, pump_until
from ui.launch import Kiosk
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
    @property
    def birth_year(self) -> int: ...


Member = TypeVar("Member", bound=DemoMemberLike)
"""The demo's member type: the walk hands `token_for` the members it was given."""


class DemoCameraLike(FrameSource, Protocol):
    def show(self, text: str | None) -> None: ...


class DemoStaffLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def pin(self) -> str: ...


OLE2_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
"""How an Excel 97-2003 workbook (.xls) begins."""


class Walk(Generic[Member]):
    """One kiosk walked by the demo: each screenshot and PDF it keeps goes on `written`."""

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
            self.phone_away()
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
            self.finish(prefix, scenario.payment, "self-pay-statement")
            driver.next_family()
            self.phone_away()
            return
        driver.present()
        self.shot(f"{prefix}-3-sign")
        if not self._comfort_shown:
            self._readable_and_idle(prefix)
        if scenario.part_payment:
            self._sign_and_pay_part(prefix, scenario.part_payment)
            return
        self.sign_and_finish(prefix, scenario.payment)

    def _sign_and_pay_part(self, prefix: str, parts: tuple[tuple[PaymentMethod, str], ...]) -> None:
        """The family signs, then pays part of its share split across methods; the rest is left
        owed to the clinic (the statement says how much)."""
        driver = self.driver
        driver.sign()
        self.wait_recorded()
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
        self.phone_away()

    def sign_and_finish(self, prefix: str, payment: PaymentMethod) -> None:
        """The family signs; once the insurer has recorded the claim, they pay and leave."""
        driver = self.driver
        driver.draw_signature()
        self.shot(f"{prefix}-4-signed")
        driver.confirm_signature()
        driver.wait_step(Step.DONE)
        self.wait_recorded()
        self.finish(prefix, payment, "statement")
        driver.next_family()
        self.phone_away()

    def finish(self, prefix: str, payment: PaymentMethod, document: str) -> None:
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
        self.finish(prefix, PaymentMethod.CASH, "self-pay-statement")
        driver.next_family()
        self.phone_away()

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
        self.finish(prefix, SELF_PAY_AFTER_REFUSAL.payment, "self-pay-statement")
        driver.next_family()
        self.phone_away()

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

    def wait_recorded(self, seconds: float = 15) -> None:
        """Until the insurer has recorded the claim on the Done screen."""
        done = self.window.done
        pump_until(
            lambda: done.claim is not None and done.claim.state is ClaimState.SENT,
            seconds,
            "the insurer to record the claim",
        )

    def phone_away(self) -> None:
        self.camera.show(None)
        self.driver.wait_step(Step.SCAN)
