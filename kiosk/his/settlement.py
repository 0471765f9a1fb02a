"""The shares back to the HIS: once the insurer accepted the claim, what each HIS order came to.

A billed HIS message is settled from the journal, not from the screen: the bill as the family
signed it (each HIS order is one line) with the insurer's share and the family's for each line,
once the outbox recorded the insurer's acceptance (`ClaimState.SENT`) — what the insurer
accepted, not what a later review may change (that is not sent again). A claim the insurer's
review had rejected by the time the shares go (the HIS was down until then) goes back with the
family paying all. A bill the insurer pays nothing on is settled as soon as it is billed. A bill
voided before it was sent releases its orders: they are offered again that day. A claim a person
closed (`RESOLVED`) or cancelled at the insurer waits for a person: who pays is theirs to tell
the HIS. HL7 v2 charges go back as a DFT^P03 to the HIS's MLLP address, FHIR charges as a
ClaimResponse file in the folder the HIS reads; a HIS that is down or refuses is tried again,
less often each time (`retry_after`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.files import write_whole
from kiosk.his.charges import ChargeSource, SettledCharge, Settlement
from kiosk.his.inbox import HisInbox, SettlementDue
from kiosk.his.settings import HisSettings
from kiosk.insurer.models import ClaimStatus
from kiosk.journal import ClaimState, Journal

log = logging.getLogger(__name__)


RELEASE = "release"
"""What `settlement_for` answers for a bill voided before its claim was sent: nobody pays it as
billed, so its HIS orders are offered again and nothing goes back."""


def settlement_for(due: SettlementDue, journal: Journal) -> Settlement | str | None:
    """The shares of a billed message; `RELEASE` when its bill was voided; None while its claim
    is not decided yet (waiting in the outbox) or waits for a person (needs attention, closed by
    hand, cancelled at the insurer)."""
    claim = journal.claim_for_bill(due.bill_id)
    bill = journal.bill(due.bill_id)
    if claim is None:
        if bill.total_covered_fen:
            return None  # a claim is still to be signed for this bill: not settled yet
        claim_id, insurer_pays = None, False
    elif claim.state is ClaimState.VOIDED:
        return RELEASE
    elif claim.state is ClaimState.SENT and claim.insurer_status is not ClaimStatus.CANCELLED:
        claim_id = claim.insurer_claim_id
        insurer_pays = claim.insurer_status is not ClaimStatus.REJECTED
    else:
        return None
    lines = {line.line_no: line for line in bill.lines}
    orders = {charge.order_no: charge for charge in due.message.message.charges}
    settled = []
    for billed in due.lines:
        line = lines[billed.line_no]
        covered = (line.covered_fen or 0) if insurer_pays else 0
        settled.append(
            SettledCharge(
                order_no=billed.order_no,
                his_code=orders[billed.order_no].his_code,
                quantity=line.quantity,
                charged_fen=line.submitted_fen,
                insurer_fen=covered,
                family_fen=line.submitted_fen - covered,
            )
        )
    message = due.message.message
    return Settlement(
        message_id=message.message_id,
        source=message.source,
        sender=message.sender,
        patient=message.patient,
        visit_no=message.visit_no,
        invoice_no=bill.clinic_invoice_no,
        claim_id=claim_id,
        # the same at every attempt, so a retry is the same message: the insurer's acceptance,
        # or the bill's when nothing was claimed
        settled_at=(claim.recorded_at if claim is not None else None) or bill.created_at,
        charges=tuple(settled),
    )


SendHl7 = Callable[[Settlement, str, int], None]
"""Sends one settlement over MLLP to (host, port); raises when the HIS did not take it."""


@dataclass(frozen=True, slots=True)
class SettleOutcome:
    message_row: int
    bill_id: int
    sent: bool
    problem: str | None = None


RETRY_FIRST = timedelta(seconds=10)
RETRY_MOST = timedelta(hours=1)


def retry_after(attempts: int) -> timedelta:
    """How long after a failed try the next one is due: 10 s, doubling, at most an hour (a HIS
    down for the night is not asked 3,000 times, one back within minutes is not kept waiting)."""
    doubled: timedelta = RETRY_FIRST * (2 ** min(max(attempts - 1, 0), 16))
    return min(doubled, RETRY_MOST)


def settle_due(
    inbox: HisInbox,
    journal: Journal,
    settings: HisSettings,
    *,
    send_hl7: SendHl7,
    now: datetime | None,
    stopping: Callable[[], bool] = lambda: False,
) -> list[SettleOutcome]:
    """Send back every settlement whose claim is accepted, whose way back is configured and
    whose next try is due at `now` (None: a person asks, every one however recently tried);
    stops between two when `stopping()` (the kiosk closes)."""
    outcomes = []
    for due in inbox.settlements_due():
        if stopping():
            break
        tried = due.tried_at
        if now is not None and tried is not None and now < tried + retry_after(due.attempts):
            continue
        try:
            outcome = _settle(inbox, journal, settings, due, send_hl7)
        except Exception as exc:  # the HIS down or refusing, or a bill it cannot be made from
            problem = type(exc).__name__
            # the HIS's own words (its ACK's text) are kept for the person who looks, not logged
            inbox.record_settle_failed(due.message.row, due.bill_id, f"{problem}: {exc}"[:300])
            log.warning("HIS settlement of bill %d not delivered: %s", due.bill_id, problem)
            outcome = SettleOutcome(due.message.row, due.bill_id, False, problem)
        if outcome is not None:
            outcomes.append(outcome)
    return outcomes


def _settle(
    inbox: HisInbox,
    journal: Journal,
    settings: HisSettings,
    due: SettlementDue,
    send_hl7: SendHl7,
) -> SettleOutcome | None:
    settlement = settlement_for(due, journal)
    if settlement == RELEASE:
        inbox.release(due.message.row, due.bill_id)
        log.info("HIS orders of bill %d offered again: the bill was voided", due.bill_id)
        return None
    if not isinstance(settlement, Settlement):
        return None
    if settlement.source is ChargeSource.HL7_V2:
        if settings.settle_host is None or settings.settle_port is None:
            return None
        send_hl7(settlement, settings.settle_host, settings.settle_port)
    else:
        if settings.settle_folder is None:
            return None
        write_claim_response(settings.settle_folder, settlement)
    inbox.record_settled(due.message.row, due.bill_id)
    log.info("HIS settlement of bill %d delivered (%s)", due.bill_id, settlement.source)
    return SettleOutcome(due.message.row, due.bill_id, True)


def write_claim_response(folder: Path, settlement: Settlement) -> Path:
    """The FHIR ClaimResponse for the HIS to pick up, written whole or not at all."""
    from kiosk.his.fhir_r4 import claim_response

    name = f"claimresponse-{settlement.invoice_no}-{_file_safe(settlement.message_id)}.json"
    return write_whole(folder / name, claim_response(settlement).encode("utf-8"))


def _file_safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text)[:64]
