"""The visits off the happy path: amounts another desk changed before signing, what a family
still owes collected, an insurer outage under a phone guarantee (with a wrong child's bill voided
meanwhile), and an emergency pre-authorised the same day.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.journal import PaymentMethod
from kiosk.journal.preauth_requests import preauth_request
from kiosk.visit import Step
from ui.demo_script.manager_screens import claim_action, open_manager
from ui.demo_script.scenarios import GUARANTEE_ITEMS
from ui.demo_script.walk import DemoStaffLike, Member, Walk
from ui.driver import pump_until


def recheck_visit(
    walk: Walk[Member],
    member: Member,
    number: int,
    second_desk: Callable[[str, Sequence[tuple[str, int]]], None],
) -> None:
    """While reception bills the child, the clinic's other desk bills the same child and
    its claim uses up what was left of the year's limit: "Show to the family to sign" asks
    the insurer again and shows the new family share instead of turning the old one to the
    family; reception goes through it, and the family signs the new amounts."""
    prefix = f"{number:02d}-recheck"
    driver = walk.driver
    walk.camera.show(walk.token_for(member))
    driver.wait_step(Step.ELIGIBILITY, 15)
    driver.start_bill()
    driver.add_item("GP001")
    driver.wait_estimate()
    walk.shot(f"{prefix}-2-bill")
    visit = walk.kiosk.session.visit
    estimated = visit.adjudication
    second_desk(member.member_id, (("GP001", 2),))
    driver.click(walk.window.bill.sign_button)
    pump_until(lambda: visit.adjudication != estimated, 15, "the insurer asked again")
    driver.wait_estimate()
    walk.shot(f"{prefix}-2b-amounts-changed")
    driver.present()
    walk.shot(f"{prefix}-3-sign")
    walk.sign_and_finish(prefix, PaymentMethod.WECHAT)


def collect_owed(walk: Walk[Member], member: Member, number: int) -> None:
    """The child comes back: the eligibility screen lists what the family owes the clinic
    (the rest of a part payment, what the insurer did not cover after a phone guarantee) and
    reception collects it."""
    prefix = f"{number:02d}-owed-collected"
    driver = walk.driver
    walk.camera.show(walk.token_for(member))
    driver.wait_step(Step.ELIGIBILITY, 15)
    owed = walk.window.eligibility.owed
    pump_until(lambda: bool(owed.collect_buttons) and owed.isVisible(), 15, "amounts owed")
    driver.settle()
    walk.shot(f"{prefix}-1-eligibility")
    before = len(owed.collect_buttons)
    driver.click(owed.collect_buttons[0])
    dialog = owed.dialog
    assert dialog is not None
    driver.settle()
    walk.shot(f"{prefix}-2-collect", dialog)
    driver.click(dialog.panel.method_buttons[PaymentMethod.ALIPAY])
    pump_until(lambda: len(owed.collect_buttons) < before, 15, "the amount collected")
    if owed.dialog is not None:
        owed.dialog.accept()
    driver.settle()
    walk.shot(f"{prefix}-3-eligibility-after")
    driver.click(walk.window.eligibility.back_button)
    walk.phone_away()


def phone_guarantee_visit(
    walk: Walk[Member],
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
    driver, scan = walk.driver, walk.window.scan
    outage(True)
    try:
        if wrong_child is not None and manager is not None:
            _voided_while_waiting(walk, prefix, wrong_child, hotline, manager)
        driver.scan(walk.token_for(member))  # the handheld scanner: one read, one check
        pump_until(lambda: scan.guarantee_button.isVisible(), 30, "the check to fail")
        walk.shot(f"{prefix}-0-insurer-unreachable")
        reference = hotline(member.member_id, member.clinic_id)
        driver.click(scan.guarantee_button)
        dialog = scan.guarantee_dialog
        assert dialog is not None
        dialog.reference.setText(reference)
        driver.settle()
        walk.shot(f"{prefix}-1-phone-guarantee", dialog)
        driver.click(dialog.go_button)
        driver.wait_step(Step.BILL)
        for code, quantity in GUARANTEE_ITEMS:
            driver.add_item(code, quantity)
        driver.wait_estimate()
        walk.shot(f"{prefix}-2-bill")
        driver.present()
        walk.shot(f"{prefix}-3-sign")
        driver.sign()
        driver.settle(0.3)
        walk.shot(f"{prefix}-4-done-waiting")
    finally:
        outage(False)
    walk.kiosk.session.submitter.wake()
    walk.wait_recorded(60)
    walk.finish(prefix, PaymentMethod.CASH, "statement")
    driver.next_family()


def _voided_while_waiting(
    walk: Walk[Member],
    prefix: str,
    member: Member,
    hotline: Callable[[str, str], str],
    manager: DemoStaffLike,
) -> None:
    """Still in the outage: a bill signed under a guarantee for the wrong child (the
    brother's card) waits in the outbox; the manager voids it before it can be sent."""
    driver, scan = walk.driver, walk.window.scan
    driver.scan(walk.token_for(member))
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
    claim = walk.window.done.claim
    assert claim is not None
    driver.next_family()
    journal = walk.kiosk.journal

    def resting() -> bool:
        """Between two of the outbox's tries, well before the next: a void now is not
        refused as "being sent right now" (the manager would simply try again)."""
        waiting = journal.claim(claim.id)
        attempts = journal.claim_attempts(claim.id)
        in_flight = bool(attempts) and attempts[-1].finished_at is None
        return waiting.failures >= 3 and not in_flight

    pump_until(resting, 60, "the outbox to wait between tries")
    dashboard = open_manager(walk, manager)
    reason = "开错了孩子" if walk.kiosk.session.language == "zh_CN" else "billed to the wrong child"
    claim_action(walk, dashboard, claim.id, "void", reason, f"{prefix}-6-void")
    walk.window.manager.sign_out()
    walk.window.close_manager()


def emergency_visit(
    walk: Walk[Member], member: Member, number: int, approve: Callable[[str], None]
) -> None:
    """An emergency: an abscess incision (outpatient surgery) needs a pre-auth, which an
    emergency files for today with the doctor's note; the insurer approves it the same day,
    the desk is told, and the incision is covered under the guarantee letter."""
    prefix = f"{number:02d}-emergency"
    driver, bill = walk.driver, walk.window.bill
    walk.camera.show(walk.token_for(member))
    driver.wait_step(Step.ELIGIBILITY, 15)
    driver.start_bill()
    driver.click(bill.emergency)
    driver.add_item("GP004")
    driver.add_item("SUR001")
    driver.wait_estimate()
    walk.shot(f"{prefix}-2-bill")
    visit = walk.kiosk.session.visit
    (flagged,) = visit.preauth_lines()
    dialog = driver.open_preauth(flagged)
    dialog.diagnosis.setText(
        "皮肤脓肿 (L02.4)" if walk.kiosk.session.language == "zh_CN" else "Skin abscess (L02.4)"
    )
    with tempfile.TemporaryDirectory() as folder:
        dialog.attach(_doctors_note(Path(folder) / "doctors-note.png"))
    walk.shot(f"{prefix}-2b-preauth", dialog)
    driver.click(dialog.send_button)
    pump_until(lambda: dialog.stored is not None, 10, "the pre-auth request stored")
    assert dialog.stored is not None
    request_id = dialog.stored.id
    driver.click(dialog.close_button)
    journal = walk.kiosk.session.journal
    pump_until(
        lambda: preauth_request(journal, request_id).insurer_preauth_id is not None,
        15,
        "the request sent",
    )
    preauth_id = preauth_request(journal, request_id).insurer_preauth_id
    assert preauth_id is not None
    approve(preauth_id)
    walk.kiosk.submitter.check_preauths()
    news = walk.window.preauth_news
    pump_until(news.isVisible, 15, "the insurer's decision at the desk")
    # told of the approval, the bill asks the insurer again: the incision is now covered
    pump_until(
        lambda: visit.adjudication is not None and not visit.preauth_lines(),
        15,
        "the estimate under the approval",
    )
    walk.shot(f"{prefix}-2c-preauth-approved")
    driver.click(news.seen_button)
    driver.present()
    walk.shot(f"{prefix}-3-sign")
    walk.sign_and_finish(prefix, PaymentMethod.WECHAT)


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
