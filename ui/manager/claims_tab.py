"""The manager's Claims tab: the day's claims with a filter, the chosen one in detail, and what a
manager may do to it (`ClaimActions`, which the reconciliation shows too; voiding, cancelling
and correcting are offered here, where the claim is seen whole), and a refund of money paid at
the desk for the claim's visit (`RefundForm`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.business_day import BUSINESS_TZ
from kiosk.claim_actions import REASON_MAX
from kiosk.journal import PaymentMethod
from kiosk.journal.claim_changes import REPLACED_BY
from kiosk.journal.payments import VisitAccount
from kiosk.money import AmountError, format_yuan, parse_yuan
from kiosk.payments import REASON_MAX as PAYMENT_REASON_MAX
from kiosk.reports import UNPAID, ClaimCategory, ClaimLine
from ui.manager_text import name, reason
from ui.tone import set_tone
from ui.widgets.payment_panel import payment_problem

CLAIM_COLUMNS = 8


class ClaimActions(QWidget):
    """What a manager does to a claim: send a stopped one again, or mark a refused or stopped one
    settled with a note (`UNPAID`); void a signed bill the insurer never got, or cancel an
    accepted claim at the insurer, each with a reason and a confirmation. The claims tab and the
    reconciliation show this same panel, so a claim gets the same choices wherever the manager
    meets it; the screen asks the core to make the change (`kiosk.claim_actions`, which holds
    the rule of who may)."""

    send_again = Signal(int)
    """The claim id to send again (back among the claims waiting to send)."""
    settle = Signal(int, str)
    """The claim id to mark settled, and how it was settled (the note)."""
    void = Signal(int, str)
    """The claim id to void before it is sent, and why (confirmed)."""
    cancel = Signal(int, str)
    """The claim id to cancel at the insurer, and why (confirmed)."""
    correct = Signal(int)
    """The claim id whose bill the manager corrects at the desk (the family re-signs)."""
    confirming = Signal(QWidget)
    """The question and its answers are shown (to be scrolled into view where the panel scrolls)."""

    def __init__(
        self,
        may_settle: bool,
        *,
        may_void: bool = False,
        across: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.may_settle = may_settle
        self.may_void = may_void
        self.claim_id: int | None = None
        self.category: ClaimCategory | None = None
        self.voidable = self.cancellable = False
        self.asking: str | None = None
        """"void" or "cancel" while the manager confirms it, else None."""
        self.controls = QFrame()
        self.controls.setObjectName("claimActions")
        self.send_again_button = QPushButton(objectName="secondary")
        self.send_again_button.clicked.connect(self._send_again)
        self.settle_note = QLineEdit(objectName="settleNote")
        self.settle_note.setMaxLength(200)
        self.settle_note.textChanged.connect(self._enable)
        self.settle_note.returnPressed.connect(self._settle)
        self.settle_button = QPushButton(objectName="secondary")
        self.settle_button.clicked.connect(self._settle)
        self.notice = QLabel(objectName="hint", wordWrap=True)
        controls = QHBoxLayout(self.controls) if across else QVBoxLayout(self.controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.send_again_button)
        controls.addWidget(self.settle_note, 1)
        controls.addWidget(self.settle_button)
        self.void_button = QPushButton(objectName="secondary")
        self.void_button.clicked.connect(lambda: self._ask("void"))
        self.cancel_button = QPushButton(objectName="secondary")
        self.cancel_button.clicked.connect(lambda: self._ask("cancel"))
        self.correct_button = QPushButton(objectName="secondary")
        self.correct_button.clicked.connect(self._correct)
        self.confirm = QFrame()
        self.confirm.setObjectName("claimConfirm")
        self.question = QLabel(objectName="detailText", wordWrap=True)
        self.reason = QLineEdit(objectName="closeReason")
        self.reason.setMaxLength(REASON_MAX)
        self.reason.textChanged.connect(self._enable)
        self.reason.returnPressed.connect(self._confirmed)
        self.confirm_button = QPushButton(objectName="primary")
        self.confirm_button.clicked.connect(self._confirmed)
        self.keep_button = QPushButton(objectName="secondary")
        self.keep_button.clicked.connect(self._keep)
        confirm = QVBoxLayout(self.confirm)
        confirm.setContentsMargins(0, 4, 0, 0)
        confirm.addWidget(self.question)
        confirm.addWidget(self.reason)
        answers = QHBoxLayout()
        answers.addWidget(self.confirm_button, 1)
        answers.addWidget(self.keep_button)
        confirm.addLayout(answers)
        layout = QHBoxLayout(self) if across else QVBoxLayout(self)
        layout.setContentsMargins(0, 0 if across else 6, 0, 0)
        layout.addWidget(self.controls, 3)
        layout.addWidget(self.void_button)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.correct_button)
        layout.addWidget(self.confirm)
        layout.addWidget(self.notice, 2)
        self.retranslate()
        self.show_claim(None, None)

    def retranslate(self) -> None:
        self.send_again_button.setText(self.tr("Send again"))
        self.send_again_button.setToolTip(self.tr("Send this claim again once its cause is fixed"))
        self.settle_note.setPlaceholderText(self.tr("How was it settled? (required)"))
        self.settle_button.setText(self.tr("Mark settled"))
        self.void_button.setText(self.tr("Void…"))
        self.void_button.setToolTip(self.tr("Void this signed bill before it is sent"))
        self.cancel_button.setText(self.tr("Cancel at the insurer…"))
        self.cancel_button.setToolTip(self.tr("Cancel this accepted claim at the insurer"))
        self.correct_button.setText(self.tr("Correct the bill…"))
        self.correct_button.setToolTip(
            self.tr(
                "Open this bill at the desk to correct it; the family signs the corrected bill, "
                "which replaces this claim at the insurer"
            )
        )
        self.reason.setPlaceholderText(self.tr("Why? (required)"))
        self.keep_button.setText(self.tr("Keep it"))
        self._word_question()

    def show_claim(
        self,
        claim_id: int | None,
        category: ClaimCategory | None,
        *,
        voidable: bool = False,
        cancellable: bool = False,
    ) -> None:
        """Offer what may be done to this claim (nothing without one): send again or settle,
        and, where the caller offers them, void (`voidable`), or cancel or correct its bill at
        the desk (`cancellable`: an accepted claim is both). Choosing another claim clears the
        note, the reason and what came of the last change; a settled claim leaving the list
        (nothing chosen) leaves "Marked settled." in view."""
        if claim_id != self.claim_id:
            self.settle_note.clear()
            self.reason.clear()
            self.asking = None
            if claim_id is not None:
                self.notice.clear()
        self.claim_id, self.category = claim_id, category
        self.voidable = self.may_void and voidable
        self.cancellable = self.may_void and cancellable
        if (self.asking == "void" and not self.voidable) or (
            self.asking == "cancel" and not self.cancellable
        ):
            self.asking = None
        self.controls.setVisible(self.may_settle and category in UNPAID)
        self.send_again_button.setVisible(category is ClaimCategory.ATTENTION)
        self.void_button.setVisible(self.voidable and self.asking is None)
        self.cancel_button.setVisible(self.cancellable and self.asking is None)
        self.correct_button.setVisible(self.cancellable and self.asking is None)
        self.confirm.setVisible(self.asking is not None)
        self._word_question()
        self._enable()

    def finished(self, claim_id: int, text: str) -> None:
        """A change of `claim_id` came to `text`: take input again, and say it if it is ours."""
        self.controls.setEnabled(True)
        self.void_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.correct_button.setEnabled(True)
        if claim_id == self.claim_id:
            self.notice.setText(text)

    def _enable(self) -> None:
        self.settle_button.setEnabled(bool(self.settle_note.text().strip()))
        self.confirm_button.setEnabled(bool(self.reason.text().strip()))

    def _word_question(self) -> None:
        if self.asking == "cancel":
            self.question.setText(
                self.tr(
                    "Cancel this claim at the insurer? It pays nothing for it and gives back the "
                    "fully-paid visit and the pre-auth use it took. The reason is kept."
                )
            )
            self.confirm_button.setText(self.tr("Cancel the claim"))
        else:
            self.question.setText(
                self.tr(
                    "Void this signed bill? It is never sent to the insurer. The family's "
                    "signature and the reason are kept."
                )
            )
            self.confirm_button.setText(self.tr("Void the bill"))

    def _ask(self, change: str) -> None:
        """Ask for the reason and a confirmation before voiding or cancelling."""
        self.asking = change
        self.notice.clear()
        self._refresh()
        self.reason.setFocus()
        self.confirming.emit(self.confirm)

    def _keep(self) -> None:
        self.asking = None
        self.reason.clear()
        self._refresh()

    def _refresh(self) -> None:
        self.show_claim(
            self.claim_id,
            self.category,
            voidable=self.voidable,
            cancellable=self.cancellable,
        )

    def _correct(self) -> None:
        if self.claim_id is not None and self.cancellable:
            self.notice.clear()
            self.correct_button.setEnabled(False)
            self.correct.emit(self.claim_id)

    def _confirmed(self) -> None:
        why = self.reason.text().strip()
        if self.claim_id is None or self.asking is None or not why:
            return
        change, self.asking = self.asking, None
        self.reason.clear()
        self._refresh()
        self.void_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        (self.cancel if change == "cancel" else self.void).emit(self.claim_id, why)

    def _send_again(self) -> None:
        if self.claim_id is not None and self.category is ClaimCategory.ATTENTION:
            self.controls.setEnabled(False)
            self.send_again.emit(self.claim_id)

    def _settle(self) -> None:
        note = self.settle_note.text().strip()
        if self.claim_id is not None and self.category in UNPAID and note:
            self.controls.setEnabled(False)
            self.settle.emit(self.claim_id, note)


class RefundForm(QFrame):
    """Refund… money paid at the desk for the chosen claim's visit: a method that paid something,
    the amount (pre-filled with what that method can still give back) and why. The screen reads
    the visit's account (`asked`) and records the refund (`refund`) through `kiosk.payments`,
    which refuses more than that method paid; a refusal is said here and changes nothing."""

    asked = Signal(int)
    """The journal visit whose payments the manager wants to refund from."""
    refund = Signal(int, object, int, str)
    """The visit, the `PaymentMethod`, the amount in fen and the reason."""
    opened = Signal(QWidget)
    """The form is shown (to be scrolled into view where the panel scrolls)."""

    def __init__(self, may_refund: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refundForm")
        self.may_refund = may_refund
        self.visit_id: int | None = None
        self.refundable: dict[PaymentMethod, int] = {}
        self.open_button = QPushButton(objectName="secondary")
        self.open_button.clicked.connect(self._ask)
        self.form = QFrame()
        self.question = QLabel(objectName="detailText", wordWrap=True)
        self.method = QComboBox()
        self.method.setObjectName("refundMethod")
        self.method.currentIndexChanged.connect(self._method_chosen)
        self.amount = QLineEdit(objectName="refundAmount")
        self.reason = QLineEdit(objectName="refundReason")
        self.reason.setMaxLength(PAYMENT_REASON_MAX)
        self.reason.textChanged.connect(self._enable)
        self.confirm_button = QPushButton(objectName="primary")
        self.confirm_button.clicked.connect(self._confirmed)
        self.keep_button = QPushButton(objectName="secondary")
        self.keep_button.clicked.connect(self.close_form)
        self.notice = QLabel(objectName="hint", wordWrap=True)
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 4, 0, 0)
        form.addWidget(self.question)
        row = QHBoxLayout()
        row.addWidget(self.method, 1)
        row.addWidget(self.amount, 1)
        form.addLayout(row)
        form.addWidget(self.reason)
        answers = QHBoxLayout()
        answers.addWidget(self.confirm_button, 1)
        answers.addWidget(self.keep_button)
        form.addLayout(answers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.open_button)
        layout.addWidget(self.form)
        layout.addWidget(self.notice)
        self.form.setVisible(False)
        self.retranslate()
        self.show_visit(None, 0)

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Refund…"))
        self.open_button.setToolTip(self.tr("Give back money the family paid at the desk"))
        self.question.setText(
            self.tr("Refund by the method the family paid with. The reason is kept.")
        )
        self.amount.setPlaceholderText(self.tr("Amount"))
        self.reason.setPlaceholderText(self.tr("Why? (required)"))
        self.confirm_button.setText(self.tr("Refund"))
        self.keep_button.setText(self.tr("Keep it"))
        self._fill_methods()

    def show_visit(self, visit_id: int | None, paid_fen: int) -> None:
        """Offer a refund for this visit when the family kept something paid at the desk."""
        if visit_id != self.visit_id:
            self.visit_id = visit_id
            self.notice.clear()
            self.close_form()
        self.open_button.setVisible(
            self.may_refund and visit_id is not None and paid_fen > 0 and not self.form.isVisible()
        )
        self.open_button.setEnabled(True)

    def show_account(self, account: VisitAccount) -> None:
        """The visit's payments as they stand: the methods that can give something back."""
        if account.visit_id != self.visit_id:
            return
        self.refundable = {m: a for m, a in account.net_by_method().items() if a > 0}
        if not self.refundable:
            self.notice.setText(self.tr("Nothing paid at the desk is left to refund."))
            self.open_button.setEnabled(True)
            return
        self.reason.clear()
        self._fill_methods()
        self.form.setVisible(True)
        self.open_button.setVisible(False)
        self.reason.setFocus()
        self.opened.emit(self.form)

    def close_form(self) -> None:
        self.form.setVisible(False)
        self.reason.clear()
        self.open_button.setVisible(self.may_refund and self.visit_id is not None)

    def refused(self, text: str) -> None:
        """The refund was not recorded: say why; the form stays as typed to correct it."""
        self.confirm_button.setEnabled(True)
        set_tone(self.notice, "error")
        self.notice.setText(text)

    def finished(self, text: str) -> None:
        set_tone(self.notice, None)
        self.notice.setText(text)
        self.close_form()

    def _fill_methods(self) -> None:
        chosen = self.method.currentData()
        self.method.blockSignals(True)
        self.method.clear()
        for method, amount in self.refundable.items():
            self.method.addItem(f"{name(method)} · {format_yuan(amount)}", method.value)
        self.method.setCurrentIndex(max(self.method.findData(chosen), 0))
        self.method.blockSignals(False)
        self._method_chosen()

    def _method_chosen(self) -> None:
        value = self.method.currentData()
        if value is not None:
            amount = self.refundable[PaymentMethod(value)]
            self.amount.setText(format_yuan(amount, symbol=False).replace(",", ""))
        self._enable()

    def _enable(self) -> None:
        self.confirm_button.setEnabled(bool(self.reason.text().strip()))

    def _ask(self) -> None:
        if self.visit_id is not None:
            set_tone(self.notice, None)
            self.notice.clear()
            self.open_button.setEnabled(False)
            self.asked.emit(self.visit_id)

    def _confirmed(self) -> None:
        value, why = self.method.currentData(), self.reason.text().strip()
        if self.visit_id is None or value is None or not why:
            return
        try:
            amount = parse_yuan(self.amount.text())
        except AmountError as error:
            self.refused(payment_problem(error))
            return
        self.confirm_button.setEnabled(False)
        self.refund.emit(self.visit_id, PaymentMethod(value), amount, why)


class ClaimsTab(QWidget):
    """The day's claims with a filter, and the chosen claim in detail with what a manager may do
    to it (`ClaimActions`)."""

    open_signed_bill = Signal(int)

    def __init__(
        self, parent: QWidget | None = None, *, may_settle: bool = False, may_void: bool = False
    ) -> None:
        """`may_settle` also allows refunds of desk payments (`RefundForm`)."""
        super().__init__(parent)
        self.lines: list[ClaimLine] = []
        self.shown: list[ClaimLine] = []
        self.category = QComboBox()
        self.category.setObjectName("claimFilter")
        self.category.currentIndexChanged.connect(self._filter)
        self.search = QLineEdit(objectName="claimSearch")
        self.search.textChanged.connect(self._filter)
        self.count = QLabel(objectName="hint")
        self.table = QTableWidget(0, CLAIM_COLUMNS, objectName="claimsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # Every column as wide as what it holds, so a state is never cut short; a narrow window
        # scrolls sideways rather than hide a column.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.detail_title = QLabel(objectName="panelTitle")
        self.detail = QLabel(objectName="detailText", wordWrap=True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.open_button = QPushButton(objectName="primary")
        self.open_button.clicked.connect(self._open)
        self.detail_state = QLabel(objectName="hint", wordWrap=True)
        self.claim_actions = ClaimActions(may_settle, may_void=may_void)
        self.refund_form = RefundForm(may_settle)
        detail_box = QFrame()
        detail_box.setObjectName("panel")
        detail_box.setFixedWidth(340)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(16, 12, 16, 12)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addWidget(self.open_button)
        detail_layout.addWidget(self.detail_state)
        detail_layout.addWidget(self.claim_actions)
        detail_layout.addWidget(self.refund_form)
        filters = QHBoxLayout()
        filters.addWidget(self.category)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count)
        left = QVBoxLayout()
        left.addLayout(filters)
        left.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(left, 1)
        # the chosen claim's facts and actions scroll rather than make the dashboard taller than
        # the screen (a refund form open under an accepted claim's three actions)
        self.detail_scroll = QScrollArea()
        self.detail_scroll.setObjectName("claimDetail")
        self.detail_scroll.setWidget(detail_box)
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail_scroll.setFixedWidth(
            340 + self.detail_scroll.verticalScrollBar().sizeHint().width()
        )
        layout.addWidget(self.detail_scroll)
        self.claim_actions.confirming.connect(self._bring_into_view)
        self.refund_form.opened.connect(self._bring_into_view)
        self.retranslate()
        self._selected()

    def retranslate(self) -> None:
        current = self.category.currentIndex()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All claims"), "")
        for category in ClaimCategory:
            self.category.addItem(name(category), category.value)
        self.category.setCurrentIndex(max(current, 0))
        self.category.blockSignals(False)
        self.search.setPlaceholderText(self.tr("Statement no. or insurer claim number"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Statement no."),
                self.tr("Signed"),
                self.tr("Member"),
                self.tr("State"),
                self.tr("Billed"),
                self.tr("Insurer covers"),
                self.tr("Family share"),
                self.tr("Paid at desk"),
            ]
        )
        self.open_button.setText(self.tr("Open the signed bill"))
        self.claim_actions.retranslate()
        self.refund_form.retranslate()
        self._filter()

    def _bring_into_view(self, shown: QWidget) -> None:
        """A question or form opened below the fold is scrolled up to the manager, once the
        detail's layout has made room for it (a queued call: the layout runs first)."""
        QTimer.singleShot(0, lambda: self.detail_scroll.ensureWidgetVisible(shown, 0, 12))

    def show_lines(self, lines: list[ClaimLine]) -> None:
        self.lines = lines
        self._filter()

    def choose_category(self, category: ClaimCategory | None) -> None:
        self.category.setCurrentIndex(self.category.findData(category.value if category else ""))

    def select_claim(self, claim_id: int) -> bool:
        """Show every claim and choose this one (False when the day's list does not have it)."""
        if claim_id not in {line.claim_id for line in self.lines}:
            return False
        self.search.clear()
        self.choose_category(None)
        row = [line.claim_id for line in self.shown].index(claim_id)
        self.table.selectRow(row)
        self.table.scrollToItem(self.table.item(row, 0))
        return True

    def _filter(self) -> None:
        chosen_value = self.category.currentData()
        category = ClaimCategory(chosen_value) if chosen_value else None
        needle = self.search.text().strip().casefold()
        chosen = self.selected_line()
        self.shown = [
            line
            for line in self.lines
            if (category is None or line.category is category)
            and (
                not needle
                or needle in line.invoice_no.casefold()
                or needle in (line.insurer_claim_id or "").casefold()
            )
        ]
        self.count.setText(self.tr("%n claim(s)", "", len(self.shown)))
        self.table.setRowCount(len(self.shown))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, line in enumerate(self.shown):
            pays = line.insurer_pays_fen
            covered = pays if pays is not None else line.shown_covered_fen
            cells = [
                (line.invoice_no, None),
                (line.queued_at.astimezone(BUSINESS_TZ).strftime("%H:%M"), None),
                (line.member_masked, None),
                (name(line.category), None),
                (format_yuan(line.billed_fen), right),
                (format_yuan(covered), right),
                (format_yuan(line.family_share_fen), right),
                (format_yuan(line.visit_paid_fen), right),
            ]
            for column, (text, align) in enumerate(cells):
                item = QTableWidgetItem(text)
                if align is not None:
                    item.setTextAlignment(align)
                if column == 5 and pays is None:
                    item.setToolTip(self.tr("As shown to the family; the insurer has not answered"))
                    item.setForeground(QColor("#7b8794"))
                self.table.setItem(row, column, item)
        ids = [line.claim_id for line in self.shown]
        if chosen is not None and chosen.claim_id in ids:
            self.table.selectRow(ids.index(chosen.claim_id))
        self._selected()

    def selected_line(self) -> ClaimLine | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.shown):
            return None
        return self.shown[rows[0].row()]

    def _selected(self) -> None:
        line = self.selected_line()
        self.open_button.setEnabled(line is not None)
        self.detail_state.clear()
        self.refund_form.show_visit(
            line.visit_id if line is not None else None,
            line.visit_paid_fen if line is not None else 0,
        )
        if line is None:
            self.claim_actions.show_claim(None, None)
            self.detail_title.setText(self.tr("Choose a claim to see it in detail."))
            self.detail_title.setToolTip("")
            self.detail.clear()
            return
        if line.claim_id != self.claim_actions.claim_id:
            self.detail_scroll.verticalScrollBar().setValue(0)
        self.claim_actions.show_claim(
            line.claim_id,
            line.category,
            voidable=line.voidable,
            cancellable=line.cancellable,
        )
        self.detail_title.setText(line.invoice_no)
        # The key the claim was sent under: support may ask for it, a manager never needs it.
        self.detail_title.setToolTip(
            self.tr("Claim key, for the insurer's support: %1").replace("%1", line.idempotency_key)
        )
        facts = [(self.tr("State"), name(line.category))]
        if line.closed_at is not None:
            # Why the bill no longer stands comes first: it is what the manager looks for.
            who = self.tr("Cancelled by") if line.category is ClaimCategory.CANCELLED else None
            at = line.closed_at.astimezone(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M")
            facts.append((who or self.tr("Voided by"), f"{line.closed_by} · {at}"))
            closed = line.closed_reason or "—"
            if closed.startswith(REPLACED_BY):
                closed = self.tr("Replaced by the corrected claim {claim}").format(
                    claim=closed.removeprefix(REPLACED_BY)
                )
            facts.append((self.tr("Reason"), closed))
        facts += [
            (self.tr("Member"), line.member_masked),
            (self.tr("Billed"), format_yuan(line.billed_fen)),
            (self.tr("Insurer share as signed"), format_yuan(line.shown_covered_fen)),
            (
                self.tr("Covered by the insurer"),
                format_yuan(line.insurer_pays_fen) if line.insurer_pays_fen is not None else "—",
            ),
            (self.tr("Family share"), format_yuan(line.family_share_fen)),
            (
                self.tr("Paid at the desk"),
                " · ".join(
                    [format_yuan(line.visit_paid_fen), *(name(m) for m in line.payment_methods)]
                ),
            ),
            (
                self.tr("Signed and stored"),
                line.queued_at.astimezone(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M"),
            ),
            (self.tr("Insurer claim no."), line.insurer_claim_id or "—"),
        ]
        if line.recorded_at is not None:
            recorded = line.recorded_at.astimezone(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M")
            facts.append((self.tr("Recorded by the insurer"), recorded))
        if line.closed_at is None and (why := line.reject_code or line.attention_reason):
            facts.append((self.tr("Reason"), reason(why)))
        self.detail.setText(
            "<table cellspacing='3'>"
            + "".join(
                f"<tr><td style='color:#52606d;padding-right:10px'>{label}</td>"
                f"<td><b>{_html(value)}</b></td></tr>"
                for label, value in facts
            )
            + "</table>"
        )

    def _open(self) -> None:
        line = self.selected_line()
        if line is not None:
            self.detail_state.setText(self.tr("Opening…"))
            self.open_signed_bill.emit(line.claim_id)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
