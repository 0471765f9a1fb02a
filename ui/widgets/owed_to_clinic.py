"""What the family owes this clinic from earlier visits (a part payment's rest), shown when the
child is scanned again, each visit with a "Collect…" that takes the payment against that visit.

This is money owed to the clinic, not to the insurer: a greyed card's unpaid amount is paid to
the insurer in the e-card app, and the eligibility screen says that one. The journal is read and
written on worker threads (`ui.tasks.Task`); the widget hides itself while nothing is owed. An
amount owed for a visit of a closed day is collected under a manager's PIN
(`ui.widgets.manager_approval`).

    owed = OwedToClinic(session.journal)
    owed.show_member(member_id)        # reads, then shows (or stays hidden)
    owed.collected.connect(...)        # (visit id, fen collected) after each collection
    owed.show_member(None)             # the next family: nothing of this one stays
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.journal import Journal
from kiosk.journal.payments import OwedVisit, VisitAccount
from kiosk.money import format_yuan
from kiosk.payments import PaymentPart, amounts_owed, collect_owed
from kiosk.staff import StaffDirectory, StaffMember
from ui.i18n import FollowsLanguage
from ui.tasks import Task
from ui.widgets.button_row import button_row
from ui.widgets.manager_approval import ManagerApproval
from ui.widgets.payment_panel import PaymentPanel


class CollectDialog(FollowsLanguage, QDialog):
    """Take (all or part of) an amount owed from an earlier visit, by method or split."""

    collected = Signal(object, int)
    """The visit's account after each collection recorded (`VisitAccount`), and the fen it
    took."""

    def __init__(self, journal: Journal, owed: OwedVisit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectDialog")
        self.setModal(True)
        self.journal = journal
        self.owed = owed
        self.approved_by: StaffMember | None = None
        """The manager who records the collection (its visit's day is closed), once asked."""
        self.heading = QLabel(objectName="screenTitle", wordWrap=True)
        self.visit_facts = QLabel(objectName="hint", wordWrap=True)
        self.panel = PaymentPanel(with_fapiao=False)
        self.panel.submitted.connect(self._collect)
        self.panel.manager_asked.connect(self._ask_manager)
        self.close_button = QPushButton(objectName="secondary")
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.visit_facts)
        layout.addWidget(self.panel)
        layout.addLayout(button_row([], [self.close_button]))
        # as tall as what it shows: opening the split editor grows the dialog, never squeezes it
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.panel.start(owed.owed_fen)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Collect an amount owed"))
        self.heading.setText(self.tr("Collect what is owed to the clinic"))
        self.visit_facts.setText(
            self.tr("Visit of {date}, statement {number}: {share} to pay, {paid} paid.").format(
                date=self.owed.service_date.isoformat(),
                number=self.owed.statement_no or "—",
                share=format_yuan(self.owed.share_fen),
                paid=format_yuan(self.owed.paid_fen),
            )
        )
        self.close_button.setText(self.tr("Close"))

    def _collect(self, parts: list[PaymentPart], paying_fen: int | None) -> None:
        journal, visit_id, by = self.journal, self.owed.visit_id, self.approved_by
        amount = sum(part.amount_fen for part in parts)
        Task(lambda: collect_owed(journal, visit_id, parts, paying_fen=paying_fen, by=by)).success(
            lambda account: self._collected(account, amount)
        ).failure(self.panel.refused).run()

    def _ask_manager(self) -> None:
        """The visit's day is closed: a manager's PIN, then the same collection under them."""
        approval = ManagerApproval(StaffDirectory(self.journal), self)
        approval.approved.connect(self._approved)
        approval.open()

    def _approved(self, manager: StaffMember) -> None:
        self.approved_by = manager
        self.panel.submit_again()

    def _collected(self, account: VisitAccount, amount_fen: int) -> None:
        self.panel.show_account(account)
        self.collected.emit(account, amount_fen)


class OwedToClinic(FollowsLanguage, QFrame):
    """The member's visits that still owe this clinic, with the total and a "Collect…" each."""

    collected = Signal(int, int)
    """The visit a collection was recorded against, and the fen collected."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("owedToClinic")
        self.journal = journal
        self.member_id: str | None = None
        self.owed: list[OwedVisit] = []
        self.dialog: CollectDialog | None = None
        self._reading = 0
        self.title = QLabel(objectName="owedTitle", wordWrap=True)
        self.note = QLabel(objectName="hint", wordWrap=True)
        self.rows = QGridLayout()
        self.rows.setHorizontalSpacing(16)
        self.rows.setVerticalSpacing(6)
        self.collect_buttons: list[QPushButton] = []
        self.row_labels: list[QLabel] = []
        self.problem = QLabel(objectName="hint", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addLayout(self.rows)
        layout.addWidget(self.problem)
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.note.setText(
            self.tr(
                "Owed by the family to this clinic (not to the insurer). Collect it now, or when "
                "the family comes back."
            )
        )
        self._render()

    def show_member(self, member_id: str | None) -> None:
        """Read what `member_id` owes this clinic (None: forget the last member and hide)."""
        self._reading += 1
        reading = self._reading
        self.member_id = member_id
        self.owed = []
        self.problem.clear()
        if member_id is None:
            if self.dialog is not None:
                self.dialog.reject()
            self._render()
            return
        journal = self.journal
        Task(lambda: amounts_owed(journal, member_id)).success(
            lambda owed: self._loaded(reading, owed)
        ).failure(lambda _error: self._read_failed(reading)).run()

    @property
    def total_fen(self) -> int:
        return sum(visit.owed_fen for visit in self.owed)

    def _loaded(self, reading: int, owed: list[OwedVisit]) -> None:
        if reading != self._reading:
            return
        self.owed = owed
        self._render()

    def _read_failed(self, reading: int) -> None:
        if reading != self._reading:
            return
        self.problem.setText(self.tr("What the family owes the clinic could not be read."))
        self.setVisible(True)

    def _render(self) -> None:
        for widget in (*self.row_labels, *self.collect_buttons):
            self.rows.removeWidget(widget)
            widget.deleteLater()
        self.row_labels, self.collect_buttons = [], []
        self.setVisible(bool(self.owed) or bool(self.problem.text()))
        if not self.owed:
            self.title.clear()
            return
        self.title.setText(
            self.tr("The family owes this clinic {amount} from earlier visits.").format(
                amount=format_yuan(self.total_fen)
            )
        )
        for row, visit in enumerate(self.owed):
            label = QLabel(
                self.tr("{date} · statement {number} · {amount} left").format(
                    date=visit.service_date.isoformat(),
                    number=visit.statement_no or "—",
                    amount=format_yuan(visit.owed_fen),
                ),
                objectName="fieldValue",
            )
            button = QPushButton(self.tr("Collect…"), objectName="secondary")
            button.clicked.connect(lambda _=False, v=visit: self.collect(v))
            self.rows.addWidget(label, row, 0)
            self.rows.addWidget(button, row, 1)
            # a child added to a widget on screen is shown by a queued call: show it now, so
            # what reception sees and can tap is the list just read
            label.show()
            button.show()
            self.row_labels.append(label)
            self.collect_buttons.append(button)
        self.rows.setColumnStretch(0, 1)

    def collect(self, visit: OwedVisit) -> CollectDialog:
        """Open the collection of `visit`'s amount owed (it records against that visit)."""
        dialog = CollectDialog(self.journal, visit, self.window())
        dialog.collected.connect(lambda _account, amount: self._collected(visit.visit_id, amount))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _collected(self, visit_id: int, amount_fen: int) -> None:
        """A collection was recorded: close the dialog once nothing is left, read again."""
        self.collected.emit(visit_id, amount_fen)
        if self.dialog is not None and self.dialog.panel.left_fen == 0:
            self.dialog.accept()
        self.show_member(self.member_id)

    def _dialog_closed(self, dialog: CollectDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
