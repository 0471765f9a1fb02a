"""The shares back to the HIS: once the insurer accepted the claim, what each HIS order came to.

A billed HIS message is settled from the journal, not from the screen: the bill as the family
signed it (each HIS order is one line) with the insurer's share and the family's for each line,
once the outbox recorded the insurer's acceptance (`ClaimState.SENT`); a claim the insurer's
review rejected, or one a person settled by the family paying (`RESOLVED`), goes back with the
family paying all. A bill the insurer pays nothing on is settled as soon as it is billed. A bill
voided or cancelled before its shares went back releases its orders: they are offered again. HL7 v2
charges go back as a DFT^P03 to the HIS's MLLP address, FHIR charges as a ClaimResponse file in
the folder the HIS reads; a HIS that is down is tried again on the next pass.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.his.charges import ChargeSource, SettledCharge, Settlement
from kiosk.his.inbox import HisInbox, SettlementDue
from kiosk.his.settings import HisSettings
from kiosk.insurer.models import ClaimStatus
from kiosk.journal import ClaimState, Journal

log = logging.getLogger(__name__)


RELEASE = "release"
"""What `settlement_for` answers for a bill that will not be paid as billed (voided before it
was sent, or cancelled at the insurer): its HIS orders are offered again, nothing goes back."""


def settlement_for(due: SettlementDue, journal: Journal) -> Settlement | str | None:
    """The shares of a billed message; `RELEASE` when its bill was voided or cancelled; None
    while its claim is not decided yet (waiting in the outbox, or needing a person)."""
    claim = journal.claim_for_bill(due.bill_id)
    bill = journal.bill(due.bill_id)
    if claim is None:
        if bill.total_covered_fen:
            return None  # a claim is still to be signed for this bill: not settled yet
        claim_id, insurer_pays = None, False
    elif claim.state in (ClaimState.VOIDED, ClaimState.CANCELLED) or (
        claim.insurer_status is ClaimStatus.CANCELLED
    ):
        return RELEASE
    elif claim.state is ClaimState.SENT:
        # accepted; a claim the insurer's review rejected is the family's to pay
        claim_id, insurer_pays = (
            claim.insurer_claim_id,
            claim.insurer_status is not (ClaimStatus.REJECTED),
        )
    elif claim.state is ClaimState.RESOLVED:
        claim_id, insurer_pays = claim.insurer_claim_id, False  # the family paid instead
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


def settle_due(
    inbox: HisInbox,
    journal: Journal,
    settings: HisSettings,
    *,
    send_hl7: SendHl7,
) -> list[SettleOutcome]:
    """Send back every settlement whose claim is accepted and whose way back is configured."""
    outcomes = []
    for due in inbox.settlements_due():
        settlement = settlement_for(due, journal)
        if settlement == RELEASE:
            inbox.release(due.message.row, due.bill_id)
            log.info("HIS orders of bill %d offered again: it was voided or cancelled", due.bill_id)
            continue
        if not isinstance(settlement, Settlement):
            continue
        try:
            if settlement.source is ChargeSource.HL7_V2:
                if settings.settle_host is None or settings.settle_port is None:
                    continue
                send_hl7(settlement, settings.settle_host, settings.settle_port)
            else:
                if settings.settle_folder is None:
                    continue
                write_claim_response(settings.settle_folder, settlement)
        except Exception as exc:  # the HIS down or refusing: tried again on the next pass
            problem = type(exc).__name__
            # the HIS's own words (its ACK's text) are kept for the person who looks, not logged
            inbox.record_settle_failed(due.message.row, due.bill_id, f"{problem}: {exc}"[:300])
            log.warning("HIS settlement of bill %d not delivered: %s", due.bill_id, problem)
            outcomes.append(SettleOutcome(due.message.row, due.bill_id, False, problem))
            continue
        inbox.record_settled(due.message.row, due.bill_id)
        log.info("HIS settlement of bill %d delivered (%s)", due.bill_id, settlement.source)
        outcomes.append(SettleOutcome(due.message.row, due.bill_id, True))
    return outcomes


def write_claim_response(folder: Path, settlement: Settlement) -> Path:
    """The FHIR ClaimResponse for the HIS to pick up, written whole or not at all."""
    from kiosk.his.fhir_r4 import claim_response

    folder.mkdir(parents=True, exist_ok=True)
    name = f"claimresponse-{settlement.invoice_no}-{_file_safe(settlement.message_id)}.json"
    target = folder / name
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".claimresponse-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(claim_response(settlement))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _file_safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text)[:64]
