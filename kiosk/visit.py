"""One direct-billing visit as a state machine, independent of Qt.

The screens render a `Visit` and forward intent to it; every change of step goes through
`Visit._go`, which refuses transitions the workflow does not allow, so a late network answer or a
double tap can never put the kiosk into a state a person did not walk it into. Each visit has an
id: work started for one visit (an eligibility check, an estimate) is dropped when it finishes
after that visit was cancelled or cleared.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from kiosk.assessment import Assessment, Verdict, assess
from kiosk.billing import self_pay_adjudication
from kiosk.business_day import BUSINESS_TZ
from kiosk.his.charges import HisOrder
from kiosk.insurer.models import (
    Adjudication,
    Bill,
    BillLine,
    CardStatus,
    Eligibility,
    ItemCategory,
    PreAuthClass,
    Reason,
    VisitType,
)
from kiosk.phone_guarantee import PhoneGuaranteeTaken, guarantee_adjudication
from kiosk.scan.source import ScanSource

if TYPE_CHECKING:
    from kiosk.arrivals import Arrival
    from kiosk.correction import Correction
    from kiosk.desk import PresentedBill
    from kiosk.journal import ClaimRecord, PaymentMethod


class Step(StrEnum):
    SCAN = "scan"
    CHECKING = "checking"
    ELIGIBILITY = "eligibility"
    BILL = "bill"
    SIGN = "sign"
    DONE = "done"


ALLOWED: dict[Step, frozenset[Step]] = {
    Step.SCAN: frozenset({Step.CHECKING, Step.BILL}),
    Step.CHECKING: frozenset({Step.ELIGIBILITY, Step.SCAN}),
    Step.ELIGIBILITY: frozenset({Step.BILL, Step.SCAN}),
    Step.BILL: frozenset({Step.SIGN, Step.DONE, Step.ELIGIBILITY, Step.SCAN}),
    Step.SIGN: frozenset({Step.DONE, Step.BILL, Step.SCAN}),
    Step.DONE: frozenset({Step.SCAN}),
}
"""Every step may return to SCAN (cancel, idle timeout); the rest is the forward path and back.
BILL goes straight to DONE when the insurer pays nothing: a self-pay visit has no claim to sign.
A card the insurer will not direct-bill today goes from ELIGIBILITY to BILL only as a self-pay
visit (`Visit.start_self_pay`); SCAN goes to BILL only under a phone guarantee taken while the
insurer could not be reached (`Visit.start_phone_guarantee`), or for a manager's correction of an
accepted claim's bill (`Visit.start_correction`)."""

UNIDENTIFIED_MEMBER = "unidentified"
"""The member reference of a self-pay visit for a card the insurer does not know: the journal
keeps the visit and its payment; no claim is ever made for it."""


PREAUTH_REFUSALS = frozenset(
    {
        Reason.PREAUTH_REQUIRED,
        Reason.PREAUTH_USED,
        Reason.PREAUTH_OUTSIDE_VALIDITY,
        Reason.PREAUTH_AMOUNT_EXCEEDED,
    }
)
"""Line reasons a (new) pre-authorisation would change: reception may request one for them."""


class TransitionError(RuntimeError):
    """The workflow does not allow this change from the current step: a bug or a stale event."""


@dataclass(frozen=True)
class SignedBill:
    """What the family signed: the exact bill, its hash and the signature that binds to it."""

    bill: Bill
    bill_hash: str
    adjudication: Adjudication
    signature: object
    signed_at: datetime


@dataclass
class _State:
    visit_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    step: Step = Step.SCAN
    source: ScanSource | None = None
    eligibility: Eligibility | None = None
    arrival: Arrival | None = None
    lines: list[BillLine] = field(default_factory=list)
    revision: int = 0
    adjudication: Adjudication | None = None
    adjudicated_revision: int = -1
    presented: PresentedBill | None = None
    signed: SignedBill | None = None
    claim: ClaimRecord | None = None
    payment: PaymentMethod | None = None
    visit_type: VisitType = VisitType.OUTPATIENT
    self_pay_only: bool = False
    guarantee: PhoneGuaranteeTaken | None = None
    correction: Correction | None = None
    his_orders: dict[int, HisOrder] = field(default_factory=dict)


Observer = Callable[[Step, Step], None]


class Visit:
    """The visit on screen. Clearing it (cancel, idle, finish) forgets every personal detail."""

    def __init__(
        self, *, today: Callable[[], date] | None = None, appointments_required: bool = False
    ) -> None:
        self._today = today or (lambda: datetime.now(BUSINESS_TZ).date())
        self.appointments_required = appointments_required
        """The clinic direct-bills only members with an appointment today (settings)."""
        self._s = _State()
        self._observers: list[Observer] = []

    # --- reading -------------------------------------------------------------------------------

    @property
    def visit_id(self) -> str:
        return self._s.visit_id

    @property
    def step(self) -> Step:
        return self._s.step

    @property
    def source(self) -> ScanSource | None:
        return self._s.source

    @property
    def eligibility(self) -> Eligibility | None:
        return self._s.eligibility

    @property
    def arrival(self) -> Arrival | None:
        """The scanned member's appointment today, as the check-in found it."""
        return self._s.arrival

    @property
    def assessment(self) -> Assessment | None:
        """Green, amber or red for the card on screen, the clinic's appointment rule included."""
        if self._s.eligibility is None:
            return None
        return assess(
            self._s.eligibility,
            self._s.arrival,
            appointments_required=self.appointments_required,
        )

    @property
    def direct_billing(self) -> bool:
        """The insurer direct-bills this card today and the clinic's own rule allows it."""
        assessment = self.assessment
        eligibility = self._s.eligibility
        return (
            eligibility is not None
            and eligibility.direct_billing
            and assessment is not None
            and assessment.verdict is not Verdict.RED
        )

    @property
    def lines(self) -> tuple[BillLine, ...]:
        return tuple(self._s.lines)

    @property
    def his_orders(self) -> dict[int, HisOrder]:
        """Bill line number → the HIS order it was built from (a copy)."""
        return dict(self._s.his_orders)

    @property
    def revision(self) -> int:
        """Bumped on every change of the lines: an estimate is only valid for its revision."""
        return self._s.revision

    @property
    def adjudication(self) -> Adjudication | None:
        """The insurer's estimate of the current lines, or None while it is missing or stale."""
        if self._s.adjudicated_revision != self._s.revision:
            return None
        return self._s.adjudication

    @property
    def signed(self) -> SignedBill | None:
        return self._s.signed

    @property
    def claim(self) -> ClaimRecord | None:
        """The signed claim as the outbox stored it (its state changes; re-read the journal)."""
        return self._s.claim

    @property
    def payment(self) -> PaymentMethod | None:
        return self._s.payment

    def today(self) -> date:
        """The service date a bill made now carries (the business day, Asia/Shanghai)."""
        return self._today()

    @property
    def visit_type(self) -> VisitType:
        return self._s.visit_type

    @property
    def member_id(self) -> str:
        if self._s.correction is not None:
            return self._s.correction.member_id
        if self._s.guarantee is not None:
            return self._s.guarantee.member_id
        eligibility = self._s.eligibility
        if eligibility is not None and eligibility.member is None and self._s.self_pay_only:
            return UNIDENTIFIED_MEMBER
        if eligibility is None or eligibility.member is None:
            raise TransitionError("no member on this visit")
        return eligibility.member.member_id

    @property
    def self_pay_only(self) -> bool:
        """The card cannot be direct-billed today and reception went on as a self-pay visit: the
        insurer is not asked about the lines and no claim is made."""
        return self._s.self_pay_only

    @property
    def guarantee(self) -> PhoneGuaranteeTaken | None:
        """The phone guarantee this visit goes on under (the insurer was unreachable)."""
        return self._s.guarantee

    @property
    def correction(self) -> Correction | None:
        """The accepted claim whose bill this visit corrects (a manager started it)."""
        return self._s.correction

    @property
    def identified(self) -> bool:
        """The visit knows whose it is: the insurer's eligibility answer, a phone guarantee or
        the claim a correction replaces (a statement can be made for it)."""
        return (
            self._s.eligibility is not None
            or self._s.guarantee is not None
            or self._s.correction is not None
        )

    @property
    def replaces(self) -> str | None:
        """The insurer claim id a corrected bill replaces: its estimates and claim name it."""
        return self._s.correction.insurer_claim_id if self._s.correction is not None else None

    @property
    def journal_visit_id(self) -> int | None:
        """The journal visit a bill is recorded on: a correction's original visit, else None
        (each bill shown opens a visit of its own)."""
        return self._s.correction.journal_visit_id if self._s.correction is not None else None

    @property
    def priced_at_desk(self) -> bool:
        """The insurer is not asked about the lines: a self-pay visit, or a phone guarantee."""
        return self._s.self_pay_only or self._s.guarantee is not None

    def self_pay_reason(self) -> Reason:
        """What each line of a self-pay visit says: outside the network, or self-pay today (not
        "not covered": the item may well be covered, it is the card that cannot be billed)."""
        eligibility = self._s.eligibility
        if (
            eligibility is not None
            and eligibility.status is not CardStatus.NOT_FOUND
            and not eligibility.in_network
        ):
            return Reason.OUT_OF_NETWORK
        return Reason.SELF_PAY

    def bill(self) -> Bill:
        """The bill as it stands, in the contract's shape (estimate and claim send the same)."""
        correction = self._s.correction
        return Bill(
            member_id=self.member_id,
            service_date=correction.bill.service_date if correction is not None else self._today(),
            visit_type=self._s.visit_type,
            lines=list(self._s.lines),
        )

    @property
    def ready_to_sign(self) -> bool:
        return self._s.step is Step.BILL and bool(self._s.lines) and self.adjudication is not None

    def approved_preauth(self, item_code: str, category: ItemCategory) -> str | None:
        """The member's approval that can pay for this item today (covering it, inside its
        window, with a use and an amount left), if the insurer listed one."""
        eligibility = self._s.eligibility
        if eligibility is None or self._s.self_pay_only:
            return None
        today = self._today()
        for preauth in eligibility.preauths:
            grant = preauth.grant
            if grant is not None and grant.covers(item_code, category) and preauth.usable_on(today):
                return preauth.preauth_id
        return None

    def preauth_lines(self) -> tuple[int, ...]:
        """Line numbers the insurer says need a pre-authorisation before it pays them."""
        adjudication = self.adjudication
        if adjudication is None:
            return ()
        return tuple(x.line_no for x in adjudication.lines if x.reason in PREAUTH_REFUSALS)

    def observe(self, observer: Observer) -> None:
        """Call `observer(old, new)` after every change of step."""
        self._observers.append(observer)

    # --- scan and eligibility ------------------------------------------------------------------

    def begin_check(self, source: ScanSource) -> str:
        """A card was scanned or looked up: returns the visit id the answer must come back with."""
        self._s.source = source
        self._go(Step.CHECKING)
        return self._s.visit_id

    def show_eligibility(
        self, visit_id: str, eligibility: Eligibility, arrival: Arrival | None = None
    ) -> bool:
        """The insurer answered (and the member was checked in, if they have an appointment);
        False when the answer belongs to a visit already gone."""
        if visit_id != self._s.visit_id or self._s.step is not Step.CHECKING:
            return False
        self._s.eligibility = eligibility
        self._s.arrival = arrival
        self._go(Step.ELIGIBILITY)
        return True

    def check_failed(self, visit_id: str) -> bool:
        """The check could not be done (bad card, insurer unreachable): back to scanning."""
        if visit_id != self._s.visit_id or self._s.step is not Step.CHECKING:
            return False
        self.clear()
        return True

    # --- bill ------------------------------------------------------------------------------------

    def start_bill(self) -> None:
        if not self.direct_billing:
            raise TransitionError("direct billing is not available for this card")
        self._go(Step.BILL)

    def start_self_pay(self) -> None:
        """The insurer will not direct-bill this card today: the bill is built as usual, the
        family pays all of it and gets a self-pay statement, and nothing is claimed."""
        self._require(Step.ELIGIBILITY)
        if self._s.eligibility is None or self.direct_billing:
            raise TransitionError("this card can be direct-billed: start the bill instead")
        self._s.self_pay_only = True
        self._go(Step.BILL)

    def start_phone_guarantee(self, source: ScanSource, guarantee: PhoneGuaranteeTaken) -> None:
        """The insurer could not be reached to check the card; its hotline gave a guarantee for
        this member's visit today: the bill is built with the insurer's share to be confirmed."""
        self._require(Step.SCAN)
        self._s.source = source
        self._s.guarantee = guarantee
        self._go(Step.BILL)

    def start_correction(self, correction: Correction) -> None:
        """A manager corrects the bill of an accepted claim: the desk opens on its lines (same
        member, service date and visit type), estimated as a correction of that claim; the family
        signs the corrected bill, and the claim then replaces the accepted one."""
        self._require(Step.SCAN)
        self._s.correction = correction
        self._s.lines = list(correction.bill.lines)
        self._s.visit_type = correction.bill.visit_type
        self._changed()
        self._go(Step.BILL)

    def estimate_at_desk(self) -> Adjudication:
        """The desk's own answer for the lines: on a self-pay visit the family pays each one;
        under a phone guarantee the guarantee covers each one until the insurer adjudicates."""
        if self._s.guarantee is not None:
            adjudication = guarantee_adjudication(self.bill())
        elif self._s.self_pay_only:
            adjudication = self_pay_adjudication(self.bill(), self.self_pay_reason())
        else:
            raise TransitionError("this visit's lines are estimated by the insurer")
        self.record_estimate(self._s.visit_id, self._s.revision, adjudication)
        return adjudication

    def add_line(
        self,
        *,
        item_code: str,
        description: str,
        category: ItemCategory,
        unit_price_fen: int,
        quantity: int = 1,
        preauth_id: str | None = None,
        preauth_class: PreAuthClass | None = None,
    ) -> BillLine:
        """Add an item, or raise the quantity of the same item already on the bill.

        `preauth_id` names the member's approved pre-authorisation for this item, if any;
        `preauth_class` is the catalogue's mark of an item that always needs one.
        """
        self._require(Step.BILL)
        for index, line in enumerate(self._s.lines):
            if (
                line.item_code == item_code
                and line.unit_price_fen == unit_price_fen
                and line.line_no not in self._s.his_orders
            ):
                updated = BillLine.model_validate(
                    {**line.model_dump(), "quantity": line.quantity + quantity}
                )
                self._s.lines[index] = updated
                self._changed()
                return updated
        return self._append_line(
            BillLine(
                line_no=self._next_line_no(),
                item_code=item_code,
                description=description,
                category=category,
                quantity=quantity,
                unit_price_fen=unit_price_fen,
                preauth_id=preauth_id,
                preauth_class=preauth_class,
            )
        )

    def add_his_line(self, order: HisOrder, line: BillLine) -> BillLine:
        """Put one HIS order on the bill as a line of its own (never merged with another, so
        its shares can go back to the HIS order by order); `line.line_no` is assigned here."""
        self._require(Step.BILL)
        if order in self._s.his_orders.values():
            raise TransitionError("this HIS order is on the bill already")
        added = self._append_line(line.model_copy(update={"line_no": self._next_line_no()}))
        self._s.his_orders[added.line_no] = order
        return added

    def set_quantity(self, line_no: int, quantity: int) -> None:
        self._require(Step.BILL)
        index = self._index(line_no)
        line = BillLine.model_validate({**self._s.lines[index].model_dump(), "quantity": quantity})
        if line != self._s.lines[index]:
            self._s.lines[index] = line
            self._changed()

    def set_emergency(self, emergency: bool) -> None:
        """Reception marks the visit as an emergency (急诊): the bill and the claim say so, and
        the insurer's estimate is asked again."""
        self._require(Step.BILL)
        visit_type = VisitType.EMERGENCY if emergency else VisitType.OUTPATIENT
        if visit_type is not self._s.visit_type:
            self._s.visit_type = visit_type
            self._changed()

    def remove_line(self, line_no: int) -> None:
        self._require(Step.BILL)
        del self._s.lines[self._index(line_no)]
        self._s.his_orders.pop(line_no, None)
        self._changed()

    def record_estimate(self, visit_id: str, revision: int, adjudication: Adjudication) -> bool:
        """Keep the insurer's estimate if it is for the lines as they are now."""
        if (
            visit_id != self._s.visit_id
            or revision != self._s.revision
            or self._s.step is not Step.BILL
        ):
            return False
        if sorted(x.line_no for x in adjudication.lines) != sorted(
            x.line_no for x in self._s.lines
        ):
            raise ValueError("the estimate does not answer the lines of this bill")
        self._s.adjudication = adjudication
        self._s.adjudicated_revision = revision
        return True

    # --- sign and done -------------------------------------------------------------------------

    def present_for_signature(self, visit_id: str, revision: int, presented: PresentedBill) -> bool:
        """Turn the bill to the family: from here it is frozen under `presented.bill_hash`.

        False when the visit or its lines changed while the bill was being recorded.
        """
        if visit_id != self._s.visit_id or revision != self._s.revision:
            return False
        if not self.ready_to_sign:
            raise TransitionError("the bill needs lines and a current estimate before signing")
        if presented.shown.bill != self.bill() or presented.shown.adjudication != self.adjudication:
            raise TransitionError("the recorded bill is not the bill on screen")
        if presented.self_pay or self._s.self_pay_only:
            raise TransitionError("the insurer pays nothing: there is no claim to sign")
        self._s.presented = presented
        self._go(Step.SIGN)
        return True

    def finish_self_pay(self, visit_id: str, revision: int, presented: PresentedBill) -> bool:
        """The insurer pays nothing on this bill: no claim is signed or sent; the family pays it
        all and gets a receipt. False when the visit or its lines changed meanwhile."""
        if visit_id != self._s.visit_id or revision != self._s.revision:
            return False
        if not self.ready_to_sign:
            raise TransitionError("the bill needs lines and a current estimate")
        if presented.shown.bill != self.bill() or presented.shown.adjudication != self.adjudication:
            raise TransitionError("the recorded bill is not the bill on screen")
        if not presented.self_pay:
            raise TransitionError("the insurer pays part of this bill: the family signs a claim")
        if self._s.correction is not None:
            raise TransitionError("a corrected bill replaces a claim: the insurer must pay part")
        self._s.presented = presented
        self._go(Step.DONE)
        return True

    @property
    def presented(self) -> PresentedBill | None:
        return self._s.presented

    @property
    def self_pay(self) -> bool:
        """This visit ended as self-pay: no signature, no claim."""
        return self._s.presented is not None and self._s.presented.self_pay

    @property
    def presented_hash(self) -> str | None:
        return None if self._s.presented is None else self._s.presented.bill_hash

    def sign(self, bill_hash: str, signature: object, signed_at: datetime) -> SignedBill:
        """The family signed the bill whose hash is `bill_hash` (it must be the one shown)."""
        self._require(Step.SIGN)
        presented = self._s.presented
        if presented is None or bill_hash != presented.bill_hash:
            raise TransitionError("the signature is for a different bill than the one shown")
        if signed_at.tzinfo is None:
            raise ValueError("signed_at must be timezone-aware")
        self._s.signed = SignedBill(
            bill=presented.shown.bill,
            bill_hash=bill_hash,
            adjudication=presented.shown.adjudication,
            signature=signature,
            signed_at=signed_at,
        )
        return self._s.signed

    def complete(self, visit_id: str, claim: ClaimRecord) -> bool:
        """The signed claim is safely in the outbox; False if this visit is already gone."""
        if visit_id != self._s.visit_id:
            return False
        self._require(Step.SIGN)
        if self._s.signed is None:
            raise TransitionError("no signature yet")
        self._s.claim = claim
        self._go(Step.DONE)
        return True

    def record_payment(self, method: PaymentMethod) -> None:
        """How the family paid its part at the desk."""
        self._require(Step.DONE)
        presented = self._s.presented
        if presented is None or presented.shown.totals.patient_fen == 0:
            raise TransitionError("the family has nothing to pay")
        self._s.payment = method

    # --- leaving -------------------------------------------------------------------------------

    def back(self) -> None:
        """One step back where that makes sense; the signature is dropped when leaving Sign."""
        step = self._s.step
        no_eligibility = self._s.guarantee is not None or self._s.correction is not None
        if step is Step.ELIGIBILITY or (step is Step.BILL and no_eligibility):
            self.clear()  # a phone guarantee or a correction has no eligibility to go back to
        elif step is Step.BILL:
            self._go(Step.ELIGIBILITY)
        elif step is Step.SIGN:
            self._s.presented = None
            self._s.signed = None
            self._go(Step.BILL)
        else:
            raise TransitionError(f"there is no step back from {step}")

    def clear(self) -> None:
        """Forget this visit entirely and wait for the next card (cancel, finish, idle)."""
        old = self._s.step
        self._s = _State()
        self._notify(old, Step.SCAN)

    # --- internals -----------------------------------------------------------------------------

    def _go(self, new: Step) -> None:
        old = self._s.step
        if new not in ALLOWED[old]:
            raise TransitionError(f"cannot go from {old} to {new}")
        self._s.step = new
        self._notify(old, new)

    def _notify(self, old: Step, new: Step) -> None:
        for observer in list(self._observers):
            observer(old, new)

    def _require(self, step: Step) -> None:
        if self._s.step is not step:
            raise TransitionError(f"only possible on {step}, the visit is on {self._s.step}")

    def _index(self, line_no: int) -> int:
        for index, line in enumerate(self._s.lines):
            if line.line_no == line_no:
                return index
        raise KeyError(f"no line {line_no} on this bill")

    def _next_line_no(self) -> int:
        return max((x.line_no for x in self._s.lines), default=0) + 1

    def _append_line(self, line: BillLine) -> BillLine:
        self._s.lines.append(line)
        self._changed()
        return line

    def _changed(self) -> None:
        self._s.revision += 1
