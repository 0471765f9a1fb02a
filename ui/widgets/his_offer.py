"""The bill screen's "charges from the HIS" button: what the HIS sent for the child on screen,
looked up off the GUI thread when the bill opens and every few seconds while it is open, so
charges the HIS posts after the card was scanned appear without anyone asking."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.his.inbox import BilledCharge
from kiosk.his.offer import NO_OFFER, HisOffer, his_offer
from kiosk.visit import Step
from ui.i18n import FollowsLanguage
from ui.session import KioskSession
from ui.tasks import Task
from ui.tone import set_tone

log = logging.getLogger(__name__)

LOOK_AGAIN_MS = 3000


class HisOfferBar(FollowsLanguage, QWidget):
    """Hidden unless the clinic has a HIS link and the visit has a child with charges."""

    reviewRequested = Signal()

    def __init__(self, session: KioskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hisOffer")
        self.session = session
        self.offer: HisOffer = NO_OFFER
        self._looking = False
        self.button = QPushButton(objectName="hisChargesButton")
        self.button.clicked.connect(self.reviewRequested)
        self.note = QLabel(objectName="hint", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(4)
        layout.addWidget(self.button)
        layout.addWidget(self.note)
        self._timer = QTimer(self)
        self._timer.setInterval(LOOK_AGAIN_MS)
        self._timer.timeout.connect(self.look)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        offer = self.offer
        billable = len(offer.billable)
        self.button.setText(self.tr("Charges from the HIS (%n)", "", billable))
        self.button.setEnabled(bool(offer.charges) or bool(offer.held_back))
        problems = len(offer.charges) - billable
        notes = []
        if problems:
            notes.append(self.tr("%n cannot be billed from here: see why", "", problems))
        if offer.held_back:
            notes.append(
                self.tr(
                    "%n held back: the HIS's patient is not this child",
                    "",
                    sum(h.charges for h in offer.held_back),
                )
            )
        self.note.setText(" · ".join(notes))
        set_tone(self.note, "warning" if notes else None)

    def start(self) -> None:
        """The bill opened: look now, then every few seconds while it stays open."""
        if self.session.his is None:
            return
        self.look()
        self._timer.start()

    def stop(self) -> None:
        """The bill closed: stop looking and forget the offer (it named a child)."""
        self._timer.stop()
        self.show_offer(NO_OFFER)

    def look(self) -> None:
        """Read the HIS inbox for the child on screen (on a worker: it is a file)."""
        session, visit = self.session, self.session.visit
        link, eligibility = session.his, visit.eligibility
        if link is None or eligibility is None or visit.step is not Step.BILL or self._looking:
            return
        catalogue, codes = session.catalogue, link.settings.codes
        visit_id, on = visit.visit_id, visit.today()
        taken = frozenset(o.order_no for o in visit.his_orders.values())
        self._looking = True
        Task(
            lambda: his_offer(link.inbox, eligibility, catalogue, codes, on=on, taken=taken)
        ).success(lambda offer: self._found(visit_id, offer)).failure(self._failed).run()

    def _found(self, visit_id: str, offer: HisOffer) -> None:
        if not shiboken6.isValid(self):
            return
        self._looking = False
        if self.session.visit.visit_id == visit_id and self._timer.isActive():
            self.show_offer(offer)

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._looking = False
        log.warning("the HIS inbox could not be read: %s", type(error).__name__)

    def show_offer(self, offer: HisOffer) -> None:
        self.offer = offer
        self.setVisible(not offer.empty)
        self.retranslate()


def record_his_billed(session: KioskSession) -> None:
    """The visit is done (its claim stored, or a bill the insurer pays nothing of recorded):
    its HIS orders are billed, not offered again, and their shares go back to the HIS once the
    insurer accepts the claim (at once when there is none)."""
    link, visit = session.his, session.visit
    presented = visit.presented
    if link is None or presented is None or not visit.his_orders:
        return
    charges = [
        BilledCharge(order.message_row, order.order_no, line_no)
        for line_no, order in sorted(visit.his_orders.items())
    ]
    bill_id = presented.bill_id
    Task(lambda: link.record_billed(bill_id, charges)).failure(
        lambda error: log.error("HIS orders of bill %d not marked billed: %r", bill_id, error)
    ).run()
