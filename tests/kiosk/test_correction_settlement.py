"""What is left to settle of a corrected bill, to the fen: the rest to pay when the corrected
share is larger, the overpayment back by the methods that paid it (the largest first) when it
is smaller."""

from __future__ import annotations

from datetime import UTC, date, datetime

from kiosk.correction import settlement
from kiosk.journal import PaymentMethod, PaymentRecord, RefundRecord
from kiosk.journal.payments import VisitAccount

CASH, CARD, WECHAT = PaymentMethod.CASH, PaymentMethod.CARD, PaymentMethod.WECHAT
AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def visit(share: int, paid: list[tuple[PaymentMethod, int]], refunded: int = 0) -> VisitAccount:
    payments = tuple(PaymentRecord(i, 1, m, a, None, AT) for i, (m, a) in enumerate(paid))
    refunds = (
        (RefundRecord(1, 1, CASH, refunded, "earlier", None, "staff:1", AT),) if refunded else ()
    )
    owed = max(share - sum(a for _m, a in paid), 0)
    return VisitAccount(1, "M1", date(2026, 3, 2), "S-1", share, payments, refunds, None, owed)


def test_a_smaller_share_is_refunded_from_the_largest_payment_first():
    owed = settlement(visit(5_000, [(CASH, 10_000), (WECHAT, 11_801)]))
    assert owed.refunds == ((WECHAT, 11_801), (CASH, 5_000))
    assert (owed.refund_fen, owed.to_pay_fen) == (16_801, 0)


def test_equal_payments_give_back_by_the_desk_order_of_methods():
    owed = settlement(visit(1, [(CARD, 500), (CASH, 500)]))
    assert owed.refunds == ((CASH, 500), (CARD, 499))


def test_a_larger_share_leaves_the_difference_to_pay_and_nothing_to_refund():
    owed = settlement(visit(20_050, [(CASH, 20_000)]))
    assert (owed.to_pay_fen, owed.refunds) == (50, ())


def test_an_earlier_refund_is_not_given_back_twice():
    owed = settlement(visit(6_000, [(CASH, 10_000)], refunded=4_000))
    assert (owed.to_pay_fen, owed.refunds) == (0, ())
