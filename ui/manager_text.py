"""The words the manager reads: what the dashboard and the day report call each state, method
and finding.

One table per enum, marked for translation in the "Manager" context, so the dashboard, the
claims list, the reconciliation and the PDF say the same thing in the same words.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from kiosk.close_out import ChangeKind
from kiosk.journal import PaymentMethod
from kiosk.receivables import RemittanceProblem
from kiosk.reconciliation import Action, Discrepancy
from kiosk.reports import ClaimCategory, PreAuthState
from kiosk.staff import Role
from ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Manager"

CATEGORIES = {
    ClaimCategory.WAITING: QT_TRANSLATE_NOOP("Manager", "Waiting to send"),
    ClaimCategory.ACCEPTED: QT_TRANSLATE_NOOP("Manager", "Accepted"),
    ClaimCategory.ADJUDICATED: QT_TRANSLATE_NOOP("Manager", "Reviewed"),
    ClaimCategory.PAID: QT_TRANSLATE_NOOP("Manager", "Paid"),
    ClaimCategory.REJECTED: QT_TRANSLATE_NOOP("Manager", "Refused"),
    ClaimCategory.ATTENTION: QT_TRANSLATE_NOOP("Manager", "Needs attention"),
    ClaimCategory.RESOLVED: QT_TRANSLATE_NOOP("Manager", "Settled"),
    ClaimCategory.VOIDED: QT_TRANSLATE_NOOP("Manager", "Voided"),
    ClaimCategory.CANCELLED: QT_TRANSLATE_NOOP("Manager", "Cancelled at the insurer"),
}
METHODS = {
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("Manager", "Cash"),
    PaymentMethod.CARD: QT_TRANSLATE_NOOP("Manager", "Bank card"),
    PaymentMethod.WECHAT: QT_TRANSLATE_NOOP("Manager", "WeChat Pay"),
    PaymentMethod.ALIPAY: QT_TRANSLATE_NOOP("Manager", "Alipay"),
}
PREAUTHS = {
    PreAuthState.UNSENT: QT_TRANSLATE_NOOP("Manager", "Not sent yet"),
    PreAuthState.PENDING: QT_TRANSLATE_NOOP("Manager", "Pending"),
    PreAuthState.INFO_REQUESTED: QT_TRANSLATE_NOOP("Manager", "More information asked"),
    PreAuthState.APPROVED: QT_TRANSLATE_NOOP("Manager", "Approved"),
    PreAuthState.DENIED: QT_TRANSLATE_NOOP("Manager", "Denied"),
    PreAuthState.REFUSED: QT_TRANSLATE_NOOP("Manager", "Not accepted by the insurer"),
}
DISCREPANCIES = {
    Discrepancy.AUDIT_TRAIL_CHANGED: QT_TRANSLATE_NOOP("Manager", "Records changed since sent"),
    Discrepancy.REFUSED: QT_TRANSLATE_NOOP("Manager", "Refused by the insurer"),
    Discrepancy.STOPPED: QT_TRANSLATE_NOOP("Manager", "Stopped, needs a person"),
    Discrepancy.STATUS_MISMATCH: QT_TRANSLATE_NOOP("Manager", "Status differs"),
    Discrepancy.AMOUNT_MISMATCH: QT_TRANSLATE_NOOP("Manager", "Amounts differ"),
    Discrepancy.MISSING_AT_INSURER: QT_TRANSLATE_NOOP("Manager", "Missing at the insurer"),
    Discrepancy.MISSING_IN_JOURNAL: QT_TRANSLATE_NOOP("Manager", "Not in this PC's records"),
    Discrepancy.NOT_SENT: QT_TRANSLATE_NOOP("Manager", "Not sent yet"),
}
ACTIONS = {
    Action.KEEP_PC_CALL_SUPPORT: QT_TRANSLATE_NOOP(
        "Manager",
        "This PC's records changed after the claim was sent (removed, rewritten or an old backup "
        "put back). Change nothing on this PC and call support.",
    ),
    Action.LET_OUTBOX_SEND: QT_TRANSLATE_NOOP(
        "Manager",
        "Nothing to do: this PC sends it by itself. If it waits long, check the network and the "
        "kiosk's registration.",
    ),
    Action.COLLECT_OR_RESUBMIT: QT_TRANSLATE_NOOP(
        "Manager",
        "The insurer will not pay it. Collect it from the family, or fix the cause and claim "
        "again; then mark it settled.",
    ),
    Action.FIX_AND_SEND_AGAIN: QT_TRANSLATE_NOOP(
        "Manager",
        "Fix what stopped it (the claim's reason says what), then send it again; or mark it "
        "settled.",
    ),
    Action.ASK_INSURER_FOR_CLAIM: QT_TRANSLATE_NOOP(
        "Manager",
        "Ask the insurer about this claim number. Do not claim it again as a new claim.",
    ),
    Action.FIND_SOURCE_DESK: QT_TRANSLATE_NOOP(
        "Manager",
        "Look for it on the clinic's other kiosks. If no desk made it, dispute it with the "
        "insurer.",
    ),
    Action.DISPUTE_UNDERPAYMENT: QT_TRANSLATE_NOOP(
        "Manager",
        "The insurer records less than the family signed for. Ask it to correct the claim.",
    ),
    Action.REPORT_OVERPAYMENT: QT_TRANSLATE_NOOP(
        "Manager",
        "The insurer records more than the family signed for. Tell the insurer; do not keep the "
        "difference.",
    ),
    Action.CONFIRM_REJECTION: QT_TRANSLATE_NOOP(
        "Manager",
        "The insurer now lists it as refused. Ask why; if it stands, collect from the family.",
    ),
    Action.CONFIRM_ACCEPTANCE: QT_TRANSLATE_NOOP(
        "Manager",
        "The insurer now lists it as payable. Confirm it, then refund the family if they paid.",
    ),
    Action.ASK_FOR_THE_REST: QT_TRANSLATE_NOOP(
        "Manager", "The remittance pays less than the claim's share. Ask the insurer for the rest."
    ),
    Action.RETURN_THE_EXTRA: QT_TRANSLATE_NOOP(
        "Manager",
        "The remittance pays more than this claim is owed. Tell the insurer; do not keep it.",
    ),
    Action.ASK_FOR_REMITTANCE_ADVICE: QT_TRANSLATE_NOOP(
        "Manager",
        "The payment does not add up to its lines. Ask the insurer for the remittance advice "
        "before booking it.",
    ),
}
PROBLEMS = {
    RemittanceProblem.NO_SUCH_CLAIM: QT_TRANSLATE_NOOP("Manager", "Pays a claim not from this PC"),
    RemittanceProblem.NOT_PAYABLE: QT_TRANSLATE_NOOP("Manager", "Pays a claim that pays nothing"),
    RemittanceProblem.PAID_TWICE: QT_TRANSLATE_NOOP("Manager", "Pays a claim twice"),
    RemittanceProblem.AMOUNT_DIFFERS: QT_TRANSLATE_NOOP("Manager", "Pays another amount"),
    RemittanceProblem.TOTAL_DIFFERS: QT_TRANSLATE_NOOP("Manager", "Lines do not add up"),
}
ROLES = {
    Role.RECEPTION: QT_TRANSLATE_NOOP("Manager", "Reception"),
    Role.MANAGER: QT_TRANSLATE_NOOP("Manager", "Manager"),
}
CHANGES = {
    ChangeKind.PAYMENT: QT_TRANSLATE_NOOP("Manager", "Payment"),
    ChangeKind.REFUND: QT_TRANSLATE_NOOP("Manager", "Refund"),
    ChangeKind.VOID: QT_TRANSLATE_NOOP("Manager", "Claim voided"),
    ChangeKind.CANCELLATION: QT_TRANSLATE_NOOP("Manager", "Claim cancelled at the insurer"),
    ChangeKind.CORRECTION: QT_TRANSLATE_NOOP("Manager", "Corrected bill signed"),
}
"""What was recorded after a day was closed (`kiosk.close_out`)."""


_TABLES: dict[type[Enum], dict] = {
    ClaimCategory: CATEGORIES,
    PaymentMethod: METHODS,
    PreAuthState: PREAUTHS,
    Discrepancy: DISCREPANCIES,
    Action: ACTIONS,
    RemittanceProblem: PROBLEMS,
    Role: ROLES,
    ChangeKind: CHANGES,
}


REASONS = {
    "covered-amount-changed": QT_TRANSLATE_NOOP(
        "Manager", "The insurer's amount changed after the family signed"
    ),
    "member-not-eligible": QT_TRANSLATE_NOOP("Manager", "Not covered on the visit's date"),
    "bill-hash-mismatch": QT_TRANSLATE_NOOP("Manager", "The claim did not match the signed bill"),
    "validation-error": QT_TRANSLATE_NOOP("Manager", "The insurer could not read the claim"),
    "answer-for-another-claim": QT_TRANSLATE_NOOP(
        "Manager", "The insurer answered for another claim"
    ),
    "stored-claim-invalid": QT_TRANSLATE_NOOP(
        "Manager", "Saved by an older kiosk in a form the insurer no longer takes"
    ),
}
"""Why the insurer refused a claim or the outbox stopped it, by the code the journal keeps."""


def reason(code: str) -> str:
    """A refusal or stop code in plain words, the code after them (what support asks for)."""
    bare = code.removeprefix("rejected:")
    text = REASONS.get(bare)
    if text is None:
        return code
    return f"{QCoreApplication.translate(CONTEXT, text)} ({bare})"


def name(value: Enum) -> str:
    """The translated name of a claim category, payment method, pre-auth state, discrepancy,
    action, role or change after a close, in the language installed now."""
    return QCoreApplication.translate(CONTEXT, _TABLES[type(value)][value])


EXPORT_HEADERS = {
    "claims": QT_TRANSLATE_NOOP("Manager", "Claims"),
    "days": QT_TRANSLATE_NOOP("Manager", "Days"),
    "service_date": QT_TRANSLATE_NOOP("Manager", "Service date"),
    "invoice_no": QT_TRANSLATE_NOOP("Manager", "Statement no."),
    "claim_state": QT_TRANSLATE_NOOP("Manager", "Claim state"),
    "insurer_claim_id": QT_TRANSLATE_NOOP("Manager", "Insurer claim no."),
    "insurer_status": QT_TRANSLATE_NOOP("Manager", "Insurer status"),
    "reject_code": QT_TRANSLATE_NOOP("Manager", "Reason code"),
    "member": QT_TRANSLATE_NOOP("Manager", "Member (masked)"),
    "billed_fen": QT_TRANSLATE_NOOP("Manager", "Billed (fen)"),
    "billed_yuan": QT_TRANSLATE_NOOP("Manager", "Billed (yuan)"),
    "covered_as_signed_fen": QT_TRANSLATE_NOOP("Manager", "Insurer share as signed (fen)"),
    "covered_as_signed_yuan": QT_TRANSLATE_NOOP("Manager", "Insurer share as signed (yuan)"),
    "covered_by_insurer_fen": QT_TRANSLATE_NOOP("Manager", "Covered by the insurer (fen)"),
    "covered_by_insurer_yuan": QT_TRANSLATE_NOOP("Manager", "Covered by the insurer (yuan)"),
    "family_share_fen": QT_TRANSLATE_NOOP("Manager", "Family share (fen)"),
    "family_share_yuan": QT_TRANSLATE_NOOP("Manager", "Family share (yuan)"),
    "visit_paid_fen": QT_TRANSLATE_NOOP("Manager", "Paid at the desk (fen)"),
    "visit_paid_yuan": QT_TRANSLATE_NOOP("Manager", "Paid at the desk (yuan)"),
    "payment_methods": QT_TRANSLATE_NOOP("Manager", "Payment methods"),
    "queued_at": QT_TRANSLATE_NOOP("Manager", "Signed and stored at"),
    "recorded_at": QT_TRANSLATE_NOOP("Manager", "Recorded by the insurer at"),
    "idempotency_key": QT_TRANSLATE_NOOP("Manager", "Claim key (for the insurer's support)"),
    "waiting": QT_TRANSLATE_NOOP("Manager", "Waiting to send"),
    "covered_fen": QT_TRANSLATE_NOOP("Manager", "Covered (fen)"),
    "covered_yuan": QT_TRANSLATE_NOOP("Manager", "Covered (yuan)"),
    "awaiting_fen": QT_TRANSLATE_NOOP("Manager", "Awaiting the insurer (fen)"),
    "awaiting_yuan": QT_TRANSLATE_NOOP("Manager", "Awaiting the insurer (yuan)"),
    "not_covered_fen": QT_TRANSLATE_NOOP("Manager", "Refused by the insurer (fen)"),
    "not_covered_yuan": QT_TRANSLATE_NOOP("Manager", "Refused by the insurer (yuan)"),
    "family_paid_fen": QT_TRANSLATE_NOOP("Manager", "Paid by families (fen)"),
    "family_paid_yuan": QT_TRANSLATE_NOOP("Manager", "Paid by families (yuan)"),
    "close_out": QT_TRANSLATE_NOOP("Manager", "Close-out"),
    "record": QT_TRANSLATE_NOOP("Manager", "Line"),
    "method": QT_TRANSLATE_NOOP("Manager", "Method"),
    "taken_fen": QT_TRANSLATE_NOOP("Manager", "Taken at the desk (fen)"),
    "taken_yuan": QT_TRANSLATE_NOOP("Manager", "Taken at the desk (yuan)"),
    "counted_fen": QT_TRANSLATE_NOOP("Manager", "Counted (fen)"),
    "counted_yuan": QT_TRANSLATE_NOOP("Manager", "Counted (yuan)"),
    "variance_fen": QT_TRANSLATE_NOOP("Manager", "Variance (fen)"),
    "variance_yuan": QT_TRANSLATE_NOOP("Manager", "Variance (yuan)"),
    "amount_fen": QT_TRANSLATE_NOOP("Manager", "Amount (fen)"),
    "amount_yuan": QT_TRANSLATE_NOOP("Manager", "Amount (yuan)"),
    "statement_no": QT_TRANSLATE_NOOP("Manager", "Statement no."),
    "made_by": QT_TRANSLATE_NOOP("Manager", "By"),
    "made_at": QT_TRANSLATE_NOOP("Manager", "At"),
    "note": QT_TRANSLATE_NOOP("Manager", "Note or reason"),
    "receivables": QT_TRANSLATE_NOOP("Manager", "Receivables"),
    "as_of": QT_TRANSLATE_NOOP("Manager", "As of"),
    "period": QT_TRANSLATE_NOOP("Manager", "Period"),
    "label": QT_TRANSLATE_NOOP("Manager", "What"),
    "expected_fen": QT_TRANSLATE_NOOP("Manager", "Expected from the insurer (fen)"),
    "expected_yuan": QT_TRANSLATE_NOOP("Manager", "Expected from the insurer (yuan)"),
    "paid_fen": QT_TRANSLATE_NOOP("Manager", "Paid by the insurer (fen)"),
    "paid_yuan": QT_TRANSLATE_NOOP("Manager", "Paid by the insurer (yuan)"),
    "outstanding_fen": QT_TRANSLATE_NOOP("Manager", "Still owed (fen)"),
    "outstanding_yuan": QT_TRANSLATE_NOOP("Manager", "Still owed (yuan)"),
    "remittance_id": QT_TRANSLATE_NOOP("Manager", "Remittance"),
    "action": QT_TRANSLATE_NOOP("Manager", "What to do"),
}
"""Headers of the XLSX export by column key (`kiosk.exports`), and its sheet names ("claims" is
both a sheet and the days sheet's count column, "close_out" the close-out's sheet,
"receivables" the receivables' sheet); the CSV keeps the keys."""


def export_labels() -> dict[str, str]:
    """The XLSX headers and sheet names in the language installed now."""
    return {key: QCoreApplication.translate(CONTEXT, text) for key, text in EXPORT_HEADERS.items()}
