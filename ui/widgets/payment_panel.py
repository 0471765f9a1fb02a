"""How the family pays its part at the desk: one tap on a method pays all that is left by it (what
reception does nine times in ten); "Split / part payment" takes amounts per method, each with
its slip or transaction number, and less than is left, the rest then owed to the clinic; and
the number of the fapiao the clinic issued.

The panel only asks: its owner records through `kiosk.payments` on a worker thread and tells the
panel what came of it (`show_account`, `refused`). The Done screen shows it for the visit just
signed; the owed-to-clinic widget shows it to collect an amount owed from an earlier visit. A
payment refused because its day is closed (`kiosk.close_out.DayClosed`) offers "A manager
records it…" (`manager_asked`): the owner asks for a manager's PIN and sends the same payment
again under that manager (`submit_again`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.close_out import DayClosed
from kiosk.journal import JournalUnavailable, PaymentMethod
from kiosk.journal.payments import VisitAccount
from kiosk.money import AmountError, format_yuan, parse_yuan
from kiosk.payments import (
    FAPIAO_MAX,
    REFERENCE_MAX,
    AmountNotPositive,
    BadFapiaoNumber,
    BadReference,
    MoreThanLeft,
    NoRefundReason,
    NothingOwed,
    PaymentPart,
    RefundTooLarge,
    SplitDoesNotAddUp,
)
from kiosk.staff import NotAllowed
from ui.i18n import QT_TRANSLATE_NOOP, FollowsLanguage
from ui.manager_text import name
from ui.tone import set_tone

METHODS = tuple(PaymentMethod)
CONTEXT = "Payments"
TEXTS = {
    "paid_cash": QT_TRANSLATE_NOOP("Payments", "Recorded: paid in cash."),
    "paid_card": QT_TRANSLATE_NOOP("Payments", "Recorded: paid by bank card."),
    "paid_wechat": QT_TRANSLATE_NOOP("Payments", "Recorded: paid with WeChat Pay."),
    "paid_alipay": QT_TRANSLATE_NOOP("Payments", "Recorded: paid with Alipay."),
    "list_separator": QT_TRANSLATE_NOOP("Payments", ", "),
    "recorded": QT_TRANSLATE_NOOP("Payments", "Recorded: {payments}."),
    "owed": QT_TRANSLATE_NOOP(
        "Payments", "{amount} is left owed to the clinic; collect it when the child comes back."
    ),
    "split_does_not_add_up": QT_TRANSLATE_NOOP(
        "Payments",
        "The amounts by method add up to {parts}, not the {paying} being paid. "
        "Nothing was recorded.",
    ),
    "more_than_left": QT_TRANSLATE_NOOP(
        "Payments", "{paying} is more than the {left} left to pay. Nothing was recorded."
    ),
    "not_positive": QT_TRANSLATE_NOOP(
        "Payments", "Enter amounts above zero. Nothing was recorded."
    ),
    "not_an_amount": QT_TRANSLATE_NOOP(
        "Payments", "Enter amounts in yuan, such as 120 or 120.50. Nothing was recorded."
    ),
    "bad_reference": QT_TRANSLATE_NOOP(
        "Payments",
        "A slip or transaction number is at most {count} characters. Nothing was recorded.",
    ),
    "nothing_owed": QT_TRANSLATE_NOOP("Payments", "Nothing is owed on this visit any more."),
    "bad_fapiao": QT_TRANSLATE_NOOP(
        "Payments",
        "A fapiao number is letters, digits and hyphens, at most {count}. It was not saved.",
    ),
    "refund_too_large": QT_TRANSLATE_NOOP(
        "Payments",
        "{amount} is more than the {refundable} paid by {method} on this visit and not yet "
        "refunded. Nothing was refunded.",
    ),
    "no_refund_reason": QT_TRANSLATE_NOOP(
        "Payments", "Say why the money is refunded. Nothing was refunded."
    ),
    "day_closed": QT_TRANSLATE_NOOP(
        "Payments",
        "The day {days} is closed: only a manager may record this payment now. Nothing was "
        "recorded.",
    ),
    "not_allowed": QT_TRANSLATE_NOOP(
        "Payments", "Only a manager may refund. Nothing was refunded."
    ),
    "journal_unavailable": QT_TRANSLATE_NOOP(
        "Payments", "The journal cannot be written now. Nothing was recorded; try again."
    ),
    "not_recorded": QT_TRANSLATE_NOOP("Payments", "The payment could not be recorded. Try again."),
}
"""What the module's functions say (context "Payments"), by key."""


def _t(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, TEXTS[key])


def method_name(method: PaymentMethod) -> str:
    """The method as reception and families call it (the manager's screens say it the same)."""
    return name(method)


def by_method(amounts: Iterable[tuple[PaymentMethod, int]]) -> str:
    """Amounts by method as the desk reads them: "Cash ¥30.00, WeChat Pay ¥10.00"."""
    return _t("list_separator").join(
        f"{method_name(method)} {format_yuan(amount)}" for method, amount in amounts
    )


def paid_sentence(account: VisitAccount) -> str:
    """What the desk recorded for the visit, and what is left owed, in the desk's words."""
    net = {method: amount for method, amount in account.net_by_method().items() if amount > 0}
    if not net:
        return ""
    if len(net) == 1 and account.owed_fen == 0:
        (method,) = net
        sentence = {
            PaymentMethod.CASH: _t("paid_cash"),
            PaymentMethod.CARD: _t("paid_card"),
            PaymentMethod.WECHAT: _t("paid_wechat"),
            PaymentMethod.ALIPAY: _t("paid_alipay"),
        }[method]
    else:
        sentence = _t("recorded").format(payments=by_method(net.items()))
    if account.owed_fen:
        sentence += " " + owed_sentence(account.owed_fen)
    return sentence


def owed_sentence(owed_fen: int) -> str:
    return _t("owed").format(amount=format_yuan(owed_fen))


def payment_problem(error: BaseException) -> str:
    """Why a payment, collection, refund or fapiao number was not recorded, in the desk's
    language; each of these changed nothing."""
    if isinstance(error, SplitDoesNotAddUp):
        return _t("split_does_not_add_up").format(
            parts=format_yuan(error.parts_fen), paying=format_yuan(error.paying_fen)
        )
    if isinstance(error, MoreThanLeft):
        return _t("more_than_left").format(
            paying=format_yuan(error.paying_fen), left=format_yuan(error.left_fen)
        )
    if isinstance(error, AmountNotPositive):
        return _t("not_positive")
    if isinstance(error, AmountError):
        return _t("not_an_amount")
    if isinstance(error, BadReference):
        return _t("bad_reference").format(count=REFERENCE_MAX)
    if isinstance(error, NothingOwed):
        return _t("nothing_owed")
    if isinstance(error, BadFapiaoNumber):
        return _t("bad_fapiao").format(count=FAPIAO_MAX)
    if isinstance(error, RefundTooLarge):
        return _t("refund_too_large").format(
            amount=format_yuan(error.amount_fen),
            refundable=format_yuan(error.refundable_fen),
            method=method_name(error.method),
        )
    if isinstance(error, NoRefundReason):
        return _t("no_refund_reason")
    if isinstance(error, DayClosed):
        return _t("day_closed").format(days=", ".join(day.isoformat() for day in error.days))
    if isinstance(error, NotAllowed):
        return _t("not_allowed")
    if isinstance(error, JournalUnavailable):
        return _t("journal_unavailable")
    return _t("not_recorded")


class PaymentPanel(FollowsLanguage, QFrame):
    """Amount due, the methods (one tap pays all that is left), the split / part payment editor,
    what is left owed, and the fapiao number."""

    submitted = Signal(object, object)
    """The parts (`PaymentPart`s) to record, and what reception keyed as being paid (None when
    it is what the parts add up to)."""
    fapiao_entered = Signal(str)
    """The fapiao number as typed (blank clears it)."""
    manager_asked = Signal()
    """Reception asks for a manager to record a payment refused because its day is closed."""

    def __init__(self, *, with_fapiao: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentPanel")
        self.left_fen = 0
        self.account: VisitAccount | None = None
        self.title = QLabel(objectName="amountLabel", wordWrap=True)
        self.method_buttons: dict[PaymentMethod, QPushButton] = {}
        self.methods_row = QWidget()
        methods_row = QHBoxLayout(self.methods_row)
        methods_row.setContentsMargins(0, 0, 0, 0)
        for method in METHODS:
            button = QPushButton(objectName="choice")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, m=method: self._pay_all(m))
            self.method_buttons[method] = button
            methods_row.addWidget(button, 1)
        self.split_button = QPushButton(objectName="splitToggle")
        self.split_button.setCheckable(True)
        self.split_button.toggled.connect(self._show_split)
        methods_row.addWidget(self.split_button)

        self.split_box = QFrame()
        self.split_box.setObjectName("splitBox")
        split = QVBoxLayout(self.split_box)
        split.setContentsMargins(14, 6, 14, 6)
        split.setSpacing(4)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.split_names: dict[PaymentMethod, QLabel] = {}
        self.split_amounts: dict[PaymentMethod, QLineEdit] = {}
        self.split_references: dict[PaymentMethod, QLineEdit] = {}
        for index, method in enumerate(METHODS):
            # two methods a row: the editor fits a 1280 x 800 screen with the screen's buttons
            row, column = index // 2, 3 * (index % 2)
            self.split_names[method] = QLabel(objectName="fieldName")
            amount = QLineEdit(objectName="splitAmount")
            amount.textChanged.connect(self._split_changed)
            reference = QLineEdit(objectName="splitReference")
            reference.setMaxLength(REFERENCE_MAX)
            self.split_amounts[method] = amount
            self.split_references[method] = reference
            grid.addWidget(self.split_names[method], row, column)
            grid.addWidget(amount, row, column + 1)
            grid.addWidget(reference, row, column + 2)
        for column in (2, 5):
            grid.setColumnStretch(column, 1)
        self.paying_label = QLabel(objectName="fieldName")
        self.paying = QLineEdit(objectName="payingNow")
        self.paying.textChanged.connect(self._split_changed)
        self.split_hint = QLabel(objectName="hint", wordWrap=True)
        self.one_tap_button = QPushButton(objectName="secondary")
        self.one_tap_button.clicked.connect(lambda: self.split_button.setChecked(False))
        self.record_button = QPushButton(objectName="primary")
        self.record_button.clicked.connect(self._record_split)
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        bottom.addWidget(self.paying_label)
        bottom.addWidget(self.paying)
        bottom.addWidget(self.split_hint, 1)
        bottom.addWidget(self.one_tap_button)
        bottom.addWidget(self.record_button)
        split.addLayout(grid)
        split.addLayout(bottom)
        self.split_box.setVisible(False)

        self.state = QLabel(objectName="hint", wordWrap=True)
        self.manager_button = QPushButton(objectName="secondary")
        self.manager_button.clicked.connect(self.manager_asked)
        self.manager_button.setVisible(False)
        self._last: tuple[list[PaymentPart], int | None] | None = None
        """What was last submitted, to send again under a manager."""

        self.fapiao_row = QWidget()
        fapiao = QHBoxLayout(self.fapiao_row)
        fapiao.setContentsMargins(0, 0, 0, 0)
        self.fapiao_label = QLabel(objectName="fieldName")
        self.fapiao = QLineEdit(objectName="fapiaoNo")
        self.fapiao.setMaxLength(FAPIAO_MAX)
        self.fapiao.returnPressed.connect(self._fapiao_entered)
        self.fapiao_button = QPushButton(objectName="secondary")
        self.fapiao_button.clicked.connect(self._fapiao_entered)
        self.fapiao_state = QLabel(objectName="hint", wordWrap=True)
        fapiao.addWidget(self.fapiao_label)
        fapiao.addWidget(self.fapiao, 1)
        fapiao.addWidget(self.fapiao_button)
        fapiao.addWidget(self.fapiao_state, 1)
        self.fapiao_row.setVisible(with_fapiao)
        self.with_fapiao = with_fapiao

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.methods_row)
        layout.addWidget(self.split_box)
        layout.addWidget(self.state)
        layout.addWidget(self.manager_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.fapiao_row)
        self.retranslate()

    def retranslate(self) -> None:
        for method, button in self.method_buttons.items():
            button.setText(method_name(method))
            self.split_names[method].setText(method_name(method))
            self.split_references[method].setPlaceholderText(self.tr("Slip or transaction no."))
            self.split_amounts[method].setPlaceholderText(self.tr("Amount"))
        self.split_button.setText(self.tr("Split / part payment"))
        self.paying_label.setText(self.tr("Paying now"))
        self.record_button.setText(self.tr("Record payment"))
        self.one_tap_button.setText(self.tr("Back"))
        self.fapiao_label.setText(self.tr("Fapiao no."))
        self.fapiao.setPlaceholderText(self.tr("from the clinic's tax system"))
        self.fapiao_button.setText(self.tr("Save"))
        self.manager_button.setText(self.tr("A manager records it…"))
        self._render()

    # --- what the owner tells the panel ------------------------------------------------------

    def start(self, due_fen: int, *, fapiao_no: str | None = None) -> None:
        """A visit whose family has `due_fen` to pay and has paid nothing yet."""
        self.account = None
        self.left_fen = due_fen
        self.manager_button.setVisible(False)
        self._clear_inputs()
        self.fapiao.setText(fapiao_no or "")
        self.fapiao_state.clear()
        self.state.clear()
        set_tone(self.state, None)
        self._enable(True)
        self._render()

    def show_account(self, account: VisitAccount) -> None:
        """The visit's money as recorded now (after a payment, or when the panel opens)."""
        self.account = account
        self.left_fen = account.left_fen
        self._clear_inputs()
        self.fapiao.setText(account.fapiao_no or "")
        self.manager_button.setVisible(False)
        set_tone(self.state, None)
        self._enable(True)
        self._render()

    def refused(self, error: BaseException) -> None:
        """The payment was not recorded: say why and let reception correct it (or, for a closed
        day, ask a manager)."""
        self._enable(True)
        self.state.setText(payment_problem(error))
        set_tone(self.state, "error")
        self.manager_button.setVisible(isinstance(error, DayClosed))
        self._render_buttons()

    def submit_again(self) -> None:
        """Send the payment last submitted once more (a manager now records it)."""
        if self._last is not None:
            self.manager_button.setVisible(False)
            self._enable(False)
            self.submitted.emit(*self._last)

    def fapiao_saved(self, account: VisitAccount) -> None:
        self.fapiao.setText(account.fapiao_no or "")
        self.fapiao_button.setEnabled(True)
        self.fapiao_state.setText(
            self.tr("Fapiao no. saved.") if account.fapiao_no else self.tr("Fapiao no. cleared.")
        )
        set_tone(self.fapiao_state, None)

    def fapiao_refused(self, error: BaseException) -> None:
        self.fapiao_button.setEnabled(True)
        self.fapiao_state.setText(payment_problem(error))
        set_tone(self.fapiao_state, "error")

    def forget(self) -> None:
        """Nothing of the last family stays in the panel."""
        self.account = None
        self._last = None
        self.manager_button.setVisible(False)
        self.left_fen = 0
        self._clear_inputs()
        self.fapiao.clear()
        for label in (self.title, self.state, self.fapiao_state):
            label.clear()

    # --- rendering ----------------------------------------------------------------------------

    def _render(self) -> None:
        account = self.account
        paid_any = account is not None and bool(account.payments)
        if self.left_fen == 0 and not paid_any:
            self.title.setText(self.tr("Nothing to pay today: the insurer pays the whole bill."))
        elif self.left_fen == 0:
            self.title.setText(self.tr("The family's part is paid."))
        elif paid_any:
            self.title.setText(
                self.tr("{amount} is still to pay. How does the family pay it?").format(
                    amount=format_yuan(self.left_fen)
                )
            )
        else:
            self.title.setText(
                self.tr("The family pays {amount} today. How did they pay?").format(
                    amount=format_yuan(self.left_fen)
                )
            )
        if account is not None and self.state.property("tone") != "error":
            self.state.setText(paid_sentence(account))
        self._render_buttons()
        self._split_changed()

    def _render_buttons(self) -> None:
        open_to_pay = self.left_fen > 0
        paid = self.account.net_by_method() if self.account is not None else {}
        for method, button in self.method_buttons.items():
            button.setVisible(open_to_pay or paid.get(method, 0) > 0)
            button.setChecked(paid.get(method, 0) > 0)
        self.split_button.setVisible(open_to_pay)
        if not open_to_pay:
            self.split_button.setChecked(False)
        splitting = self.split_button.isChecked()
        # while splitting, the editor stands where the methods and the fapiao number were
        self.methods_row.setVisible(not splitting)
        self.split_box.setVisible(splitting)
        self.fapiao_row.setVisible(
            self.with_fapiao and not splitting and (open_to_pay or bool(paid))
        )

    def _show_split(self, shown: bool) -> None:
        if shown and not self.paying.text():
            self.paying.setText(format_yuan(self.left_fen, symbol=False))
        self._render_buttons()
        self._split_changed()

    def _split_changed(self) -> None:
        """Say, while reception types, what the amounts come to and what would be left owed."""
        if not self.split_button.isChecked():
            return
        try:
            total = sum(
                parse_yuan(f.text()) for f in self.split_amounts.values() if f.text().strip()
            )
            paying = parse_yuan(self.paying.text()) if self.paying.text().strip() else total
        except AmountError:
            self.split_hint.clear()
            return
        if total == 0:
            text = ""
        elif total != paying:
            text = self.tr("The methods add up to {parts} of the {paying} being paid.").format(
                parts=format_yuan(total), paying=format_yuan(paying)
            )
        elif paying < self.left_fen:
            text = self.tr("{owed} will be left owed to the clinic.").format(
                owed=format_yuan(self.left_fen - paying)
            )
        else:
            text = self.tr("Pays all that is left.")
        self.split_hint.setText(text)

    # --- asking -------------------------------------------------------------------------------

    def _pay_all(self, method: PaymentMethod) -> None:
        """One tap: all that is left, by this method."""
        if self.left_fen <= 0:
            self._render_buttons()
            return
        self._submit([PaymentPart(method, self.left_fen)], None)

    def _record_split(self) -> None:
        try:
            parts = [
                PaymentPart(method, parse_yuan(field.text()), self.split_references[method].text())
                for method, field in self.split_amounts.items()
                if field.text().strip()
            ]
            paying = parse_yuan(self.paying.text()) if self.paying.text().strip() else None
        except AmountError as error:
            self.refused(error)
            return
        self._submit(parts, paying)

    def _submit(self, parts: list[PaymentPart], paying_fen: int | None) -> None:
        self._last = (parts, paying_fen)
        self.manager_button.setVisible(False)
        self._enable(False)
        self.submitted.emit(parts, paying_fen)

    def _fapiao_entered(self) -> None:
        self.fapiao_button.setEnabled(False)
        self.fapiao_entered.emit(self.fapiao.text())

    def _enable(self, enabled: bool) -> None:
        for button in (*self.method_buttons.values(), self.split_button, self.record_button):
            button.setEnabled(enabled)

    def _clear_inputs(self) -> None:
        for field in (*self.split_amounts.values(), *self.split_references.values(), self.paying):
            field.clear()
        self.split_hint.clear()
        self.split_button.setChecked(False)
