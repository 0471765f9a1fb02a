"""Payments as desks take them: the family's share split across methods, part of it now and the
rest owed to the clinic, an amount owed collected at a later visit, refunds by method, and the
number of the fapiao the clinic issued.

The rules live here, not in a screen: a split adds up to what is being paid, nobody pays more than
is left, every amount is above zero, a refund never gives back more than was paid by that method on
that visit (net of earlier refunds) and needs a reason and someone allowed to make it. Each check
and the change it allows run in one journal transaction, so two desks cannot both take the last
yuan, and a refused change records nothing. Once a day is closed (`kiosk.close_out`), a payment
recorded that day or for a visit of that day needs a manager. The refusals are `PaymentRefused` (a
`ValueError`) subclasses carrying the amounts, so a screen says them in its own language.

What a family owes the clinic (a part payment's rest) is not what it owes the insurer (the
greyed card's unpaid amount, paid in the e-card app): see `kiosk.journal.payments`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.close_out import refuse_if_closed, today
from kiosk.journal import Journal, PaymentMethod, RefundRecord
from kiosk.journal.payments import (
    OwedVisit,
    VisitAccount,
    insert_refund,
    owed_by_member,
    read_visit_account,
    set_fapiao_no,
    visit_account,
)
from kiosk.money import format_yuan
from kiosk.staff import Operator, Permission, actor_of, require
from kiosk.text import unprintable

REFERENCE_MAX = 64
"""A terminal slip or a transaction number fits; a note does not."""
REASON_MAX = 200
FAPIAO_MAX = 40
"""A fully digital fapiao number has 20 digits; a paper one an 8-digit number and its code."""

__all__ = [
    "AmountNotPositive",
    "BadFapiaoNumber",
    "BadReference",
    "MoreThanLeft",
    "NoRefundReason",
    "NothingOwed",
    "OwedVisit",
    "PaymentPart",
    "PaymentRefused",
    "RefundTooLarge",
    "SplitDoesNotAddUp",
    "VisitAccount",
    "account",
    "amounts_owed",
    "collect_owed",
    "record_fapiao_no",
    "refund_payment",
    "take_payment",
]


class PaymentRefused(ValueError):
    """A payment, refund or fapiao number the desk will not record; nothing was changed."""


class AmountNotPositive(PaymentRefused):
    """An amount of zero or less: money is taken or given back in amounts above zero."""

    def __init__(self, amount_fen: int) -> None:
        super().__init__(f"an amount must be above zero, got {format_yuan(amount_fen)}")
        self.amount_fen = amount_fen


class SplitDoesNotAddUp(PaymentRefused):
    """The amounts by method do not add up to what is being paid."""

    def __init__(self, parts_fen: int, paying_fen: int) -> None:
        super().__init__(
            f"the amounts by method add up to {format_yuan(parts_fen)}, "
            f"not the {format_yuan(paying_fen)} being paid"
        )
        self.parts_fen = parts_fen
        self.paying_fen = paying_fen


class MoreThanLeft(PaymentRefused):
    """More than is left to pay on the visit (nothing is left once it is paid)."""

    def __init__(self, paying_fen: int, left_fen: int) -> None:
        super().__init__(
            f"{format_yuan(paying_fen)} is more than the {format_yuan(left_fen)} left to pay"
        )
        self.paying_fen = paying_fen
        self.left_fen = left_fen


class NothingOwed(PaymentRefused):
    """A collection for a visit that owes the clinic nothing (paid up, or never part-paid)."""

    def __init__(self, visit_id: int) -> None:
        super().__init__(f"visit {visit_id} owes the clinic nothing")
        self.visit_id = visit_id


class RefundTooLarge(PaymentRefused):
    """A refund larger than what was paid by that method on the visit, net of earlier refunds."""

    def __init__(self, method: PaymentMethod, amount_fen: int, refundable_fen: int) -> None:
        super().__init__(
            f"a refund of {format_yuan(amount_fen)} by {method.value} is more than the "
            f"{format_yuan(refundable_fen)} paid by {method.value} and not yet refunded"
        )
        self.method = method
        self.amount_fen = amount_fen
        self.refundable_fen = refundable_fen


class NoRefundReason(PaymentRefused):
    """A refund is recorded only with a reason (at most `REASON_MAX` printable characters)."""


class BadReference(PaymentRefused):
    """A slip or transaction reference longer than `REFERENCE_MAX`, or with unprintable text."""


class BadFapiaoNumber(PaymentRefused):
    """A fapiao number is letters, digits and hyphens, at most `FAPIAO_MAX` of them."""


@dataclass(frozen=True, slots=True)
class PaymentPart:
    """What one method paid, with its terminal slip or transaction number if reception has it."""

    method: PaymentMethod
    amount_fen: int
    reference: str | None = None


def _checked_amount(amount_fen: int) -> int:
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int):
        raise TypeError(f"amounts are integer fen, got {type(amount_fen).__name__}")
    if amount_fen <= 0:
        raise AmountNotPositive(amount_fen)
    return amount_fen


def _reference(text: str | None) -> str | None:
    text = (text or "").strip()
    if not text:
        return None
    if len(text) > REFERENCE_MAX or unprintable(text):
        raise BadReference(
            f"a reference is at most {REFERENCE_MAX} printable characters on one line"
        )
    return text


def _checked_split(parts: Sequence[PaymentPart], paying_fen: int | None) -> list[PaymentPart]:
    """The parts with their references tidied; `paying_fen` None means "what the parts add up
    to" (one tap on a method)."""
    if not parts:
        raise AmountNotPositive(0 if paying_fen is None else paying_fen)
    checked = [
        PaymentPart(PaymentMethod(p.method), _checked_amount(p.amount_fen), _reference(p.reference))
        for p in parts
    ]
    total = sum(part.amount_fen for part in checked)
    if paying_fen is not None and total != _checked_amount(paying_fen):
        raise SplitDoesNotAddUp(total, paying_fen)
    return checked


def _pay(
    journal: Journal,
    visit_id: int,
    parts: Sequence[PaymentPart],
    paying_fen: int | None,
    *,
    collecting: bool,
    by: Operator | None,
) -> VisitAccount:
    checked = _checked_split(parts, paying_fen)
    total = sum(part.amount_fen for part in checked)
    with journal.transaction(actor="desk" if by is None else actor_of(by)) as tx:
        before = visit_account(tx.db, visit_id)
        # a closed day's figures change only by a manager: the visit's day, and today's takings
        refuse_if_closed(tx, (before.service_date, today(journal)), by)
        if collecting and before.owed_fen == 0:
            raise NothingOwed(visit_id)
        if total > before.left_fen:
            raise MoreThanLeft(total, before.left_fen)
        for part in checked:
            tx.record_payment(
                visit_id,
                part.method,
                part.amount_fen,
                reference=part.reference,
                action="payment.collected" if collecting else "payment.recorded",
            )
        return visit_account(tx.db, visit_id)


def take_payment(
    journal: Journal,
    visit_id: int,
    parts: Sequence[PaymentPart],
    *,
    paying_fen: int | None = None,
    by: Operator | None = None,
) -> VisitAccount:
    """Record what the family pays at the desk for the visit, split across `parts` (one part:
    the fast path, all by one method). Less than the share leaves the rest owed to the clinic.
    `paying_fen`, when reception keyed what is being paid, must be what the parts add up to.
    `by` is who records it (None: reception at the desk); `DayClosed` unless a manager, once
    today or the visit's day is closed. Returns the visit's account after it."""
    return _pay(journal, visit_id, parts, paying_fen, collecting=False, by=by)


def collect_owed(
    journal: Journal,
    visit_id: int,
    parts: Sequence[PaymentPart],
    *,
    paying_fen: int | None = None,
    by: Operator | None = None,
) -> VisitAccount:
    """Record an amount owed from an earlier visit, paid now (all or part of it), against that
    visit; `NothingOwed` if it owes nothing, `DayClosed` as for `take_payment`."""
    return _pay(journal, visit_id, parts, paying_fen, collecting=True, by=by)


def refund_payment(
    journal: Journal,
    visit_id: int,
    method: PaymentMethod,
    amount_fen: int,
    reason: str,
    *,
    by: Operator,
    reference: str | None = None,
) -> RefundRecord:
    """Give back money paid at the desk for the visit, by the method it was paid with.
    `NotAllowed` unless `by` may settle claims (a manager); `NoRefundReason` without a reason;
    `RefundTooLarge` above what that method paid on the visit net of earlier refunds. The
    refund and its audit entry (under `by`) are one transaction."""
    require(by, Permission.SETTLE)
    method = PaymentMethod(method)
    _checked_amount(amount_fen)
    reason = reason.strip()
    if not reason or len(reason) > REASON_MAX or unprintable(reason):
        raise NoRefundReason(f"say why the money is refunded (at most {REASON_MAX} characters)")
    checked_reference = _reference(reference)
    actor = actor_of(by)
    with journal.transaction(actor=actor) as tx:
        refundable = visit_account(tx.db, visit_id).net_by_method().get(method, 0)
        if amount_fen > refundable:
            raise RefundTooLarge(method, amount_fen, refundable)
        return insert_refund(
            tx,
            visit_id,
            method,
            amount_fen,
            reason=reason,
            reference=checked_reference,
            refunded_by=actor,
        )


def _fapiao_no(text: str) -> str | None:
    number = text.strip()
    if not number:
        return None
    if len(number) > FAPIAO_MAX or not all(
        ch.isascii() and (ch.isalnum() or ch == "-") for ch in number
    ):
        raise BadFapiaoNumber(
            f"a fapiao number is letters, digits and hyphens, at most {FAPIAO_MAX}"
        )
    return number


def record_fapiao_no(journal: Journal, visit_id: int, fapiao_no: str) -> VisitAccount:
    """Record the number of the fapiao the clinic issued for the visit in its tax system; a new
    number replaces the old one, a blank one clears it (each change audited)."""
    number = _fapiao_no(fapiao_no)
    with journal.transaction(actor="desk") as tx:
        set_fapiao_no(tx, visit_id, number)
        return visit_account(tx.db, visit_id)


def account(journal: Journal, visit_id: int) -> VisitAccount:
    """The visit's money at the desk now: share, payments, refunds, what is owed, fapiao no."""
    return read_visit_account(journal, visit_id)


def amounts_owed(journal: Journal, member_id: str) -> list[OwedVisit]:
    """What this member's family owes this clinic: each visit with an unpaid rest, oldest
    first (service date, statement no., amount left)."""
    return owed_by_member(journal, member_id)
