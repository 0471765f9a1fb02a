"""Done: the claim and where it stands, how the family paid its part (`PaymentPanel`: one tap on
a method, or split across methods and part paid, the rest owed to the clinic; the fapiao
number), the family's statement.

A corrected bill (`kiosk.correction`) ends here too: once the insurer accepted the correction,
the difference with what the family paid for the original bill is settled, the rest paid in the
payment panel or the overpayment refunded by the methods it was paid with; never before, since
until then the original claim stands.

A self-pay visit (the insurer pays nothing on the bill) ends here too, without a signature or a
claim: the family pays it all and gets a self-pay statement. Each time the claim's answer or the
payment becomes known the statement gets a new version (`ui.statements`), so the family's copy
says how things really ended.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.correction import refund_overpayment, settlement
from kiosk.journal import ClaimRecord, ClaimState, QueueCondition, QueueState, RefundRecord
from kiosk.journal.payments import VisitAccount
from kiosk.money import format_yuan
from kiosk.payments import PaymentPart, account, record_fapiao_no, take_payment
from kiosk.staff import StaffDirectory, StaffMember
from kiosk.statement import StatementContent, StatementFacts
from kiosk.visit import Step
from ui.i18n import FollowsLanguage
from ui.session import KioskSession
from ui.statements import StatementKeeper, make_statement
from ui.tasks import Task
from ui.tone import set_tone
from ui.widgets.button_row import button_row
from ui.widgets.manager_approval import ManagerApproval
from ui.widgets.payment_panel import PaymentPanel, by_method, payment_problem

FOLLOW_MS = 700
"""How often the screen re-reads a claim that is still waiting in the outbox."""


class DoneScreen(FollowsLanguage, QWidget):
    """The end of the visit; the claim's state follows the outbox live."""

    document_saved = Signal(str)
    """Emitted with the path of the statement PDF each time a version is written."""

    def __init__(self, session: KioskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doneScreen")
        self.session = session
        self.claim: ClaimRecord | None = None
        self.document: Path | None = None
        self.statement: StatementContent | None = None
        self._saving = False
        self._save_again = False
        self.keeper = StatementKeeper(session, self)

        self.title = QLabel(objectName="screenTitle", wordWrap=True)
        self.summary = QFrame()
        self.summary.setObjectName("panel")
        grid = QGridLayout(self.summary)
        grid.setContentsMargins(24, 18, 24, 18)
        grid.setHorizontalSpacing(24)
        self.invoice_label = QLabel(objectName="fieldName")
        self.invoice = QLabel(objectName="fieldValue")
        self.claim_label = QLabel(objectName="fieldName")
        self.claim_state = QLabel(objectName="fieldValue", wordWrap=True)
        self.covered_label = QLabel(objectName="fieldName")
        self.covered = QLabel(objectName="fieldValue")
        self.patient_label = QLabel(objectName="fieldName")
        self.patient = QLabel(objectName="fieldValue")
        # two facts a row: the payment panel below keeps the screen within 1280 x 800
        for index, (name, value) in enumerate(
            (
                (self.invoice_label, self.invoice),
                (self.covered_label, self.covered),
                (self.claim_label, self.claim_state),
                (self.patient_label, self.patient),
            )
        ):
            row, column = index // 2, 2 * (index % 2)
            grid.addWidget(name, row, column)
            grid.addWidget(value, row, column + 1)
        grid.setColumnStretch(1, 1)

        self.payment = PaymentPanel()
        self.payment.submitted.connect(self.pay)
        self.payment.manager_asked.connect(self._ask_manager)
        self.payment.fapiao_entered.connect(self._record_fapiao)
        self.approved_by: StaffMember | None = None
        """The manager who records this visit's payment (today is closed), once asked."""
        self.method_buttons = self.payment.method_buttons
        self.payment_state = self.payment.state
        self.account: VisitAccount | None = None
        """A corrected visit's money as last read (its share is the corrected one)."""
        self._account_reads = 0
        """Account reads started: only the latest one's answer is shown."""
        self.refunded: tuple[RefundRecord, ...] = ()
        self.correction_note = QLabel(objectName="correctionNote", wordWrap=True)
        self.refund_button = QPushButton(objectName="primary")
        self.refund_button.clicked.connect(self.refund)
        self.refund_button.hide()  # only a corrected bill's overpayment offers it
        self.correction_note.hide()
        correction_row = QHBoxLayout()
        correction_row.addWidget(self.correction_note, 1)
        correction_row.addWidget(self.refund_button)

        self.document_state = QLabel(objectName="hint", wordWrap=True)
        self.open_button = QPushButton(objectName="secondary")
        self.open_button.clicked.connect(self._open_document)
        self.save_button = QPushButton(objectName="secondary")
        self.save_button.clicked.connect(self._save_copy)
        self.next_button = QPushButton(objectName="primary")
        self.next_button.clicked.connect(self.session.visit.clear)
        buttons = button_row([self.open_button, self.save_button], [self.next_button])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 24)
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(correction_row)
        layout.addWidget(self.payment)
        layout.addStretch(1)
        layout.addWidget(self.document_state)
        layout.addLayout(buttons)
        session.outbox.changed.connect(self._outbox_changed)
        self._follow = QTimer(self)
        self._follow.setInterval(FOLLOW_MS)
        self._follow.timeout.connect(self._reread_claim)
        self.retranslate()

    def retranslate(self) -> None:
        self.invoice_label.setText(self.tr("Statement no."))
        self.claim_label.setText(self.tr("Claim"))
        self.covered_label.setText(self.tr("Insurer pays"))
        self.patient_label.setText(self.tr("Family pays"))
        self.open_button.setText(self.tr("Open to print"))
        self.save_button.setText(self.tr("Save a copy…"))
        self.next_button.setText(self.tr("Next family"))
        if self.session.visit.step is Step.DONE:
            self._render()

    # --- entering ------------------------------------------------------------------------------

    def enter(self) -> None:
        visit = self.session.visit
        self.claim = visit.claim
        self.document = None
        self.statement = None
        presented = visit.presented
        self.account = None
        self.refunded = ()
        self.approved_by = None
        self.payment.start(presented.shown.totals.patient_fen if presented is not None else 0)
        self._render()
        if visit.correction is not None:
            self._reread_account()
        self.save_document()
        if self.claim is not None and self.claim.state is ClaimState.WAITING:
            self._follow.start()

    def forget(self) -> None:
        """Nothing of the last family stays on this (hidden) screen."""
        self._follow.stop()
        self.claim = None
        self.document = None
        self.statement = None
        for label in (
            self.title,
            self.invoice,
            self.claim_state,
            self.covered,
            self.patient,
            self.document_state,
            self.correction_note,
        ):
            label.clear()
        self.account = None
        self.refunded = ()
        self.approved_by = None
        self.payment.forget()
        self.document_state.setToolTip("")

    def _render(self) -> None:
        visit = self.session.visit
        presented = visit.presented
        if presented is None:
            return
        totals = presented.shown.totals
        if visit.self_pay:
            title = self.tr("Self-pay visit: the plan pays nothing on this bill.")
        elif visit.correction is not None:
            title = self.tr(
                "Thank you. The corrected bill is signed and stored: it replaces statement "
                "{statement}."
            ).format(statement=visit.correction.statement_no)
        elif visit.guarantee is not None and (
            self.claim is None or self.claim.state is ClaimState.WAITING
        ):
            title = self.tr(
                "Thank you. The signed bill is stored under phone guarantee {reference}: the "
                "insurer confirms its share once it can be reached."
            ).format(reference=visit.guarantee.reference)
        else:
            title = self.tr("Thank you. The signed bill is stored.")
        self.title.setText(title)
        self.invoice.setText(presented.invoice_no)
        self.covered.setText(format_yuan(totals.covered_fen))
        self.patient.setText(format_yuan(totals.patient_fen))
        self._render_claim()
        self.open_button.setEnabled(self.document is not None)
        self.save_button.setEnabled(self.document is not None)
        if self.document is not None and self.statement is not None:
            where = (
                self.tr("Self-pay statement saved (version {version}).")
                if visit.self_pay
                else self.tr(
                    "Statement saved (version {version}). It also appears in the visit records "
                    "of the family's e-card once the insurer has the claim."
                )
            )
            # the family reads this screen: the file's place is for reception, on hover
            self.document_state.setText(where.format(version=self.statement.version))
            self.document_state.setToolTip(str(self.document))

    def _render_claim(self) -> None:
        claim = self.claim
        if self.session.visit.self_pay:
            self.claim_state.setText(self.tr("No claim: the family pays the whole bill."))
            return
        if claim is None:
            return
        condition = self.session.outbox.state.condition
        correction = self.session.visit.correction
        if correction is not None and claim.state is ClaimState.SENT:
            text = self.tr(
                "Accepted by the insurer, claim number {number}; it replaces claim {old}, "
                "which the insurer cancelled."
            ).format(number=claim.insurer_claim_id, old=correction.insurer_claim_id)
        elif correction is not None and claim.state is ClaimState.ATTENTION:
            text = self.tr(
                "The insurer did not accept the correction: claim {old} stands as it was. The "
                "clinic manager will follow it up."
            ).format(old=correction.insurer_claim_id)
        elif claim.state is ClaimState.SENT and (owed := self._not_covered_after_all(claim)):
            presented = self.session.visit.presented
            guaranteed = presented.shown.totals.covered_fen if presented is not None else 0
            text = self.tr(
                "Accepted by the insurer, claim number {number}: it covers {covered} of the "
                "{guaranteed} guaranteed. The family owes the clinic {owed}: it is shown to "
                "collect when the child's card is next scanned."
            ).format(
                number=claim.insurer_claim_id,
                covered=format_yuan(claim.covered_fen or 0),
                guaranteed=format_yuan(guaranteed),
                owed=format_yuan(owed),
            )
        elif claim.state is ClaimState.SENT:
            text = self.tr("Accepted by the insurer, claim number {number}").format(
                number=claim.insurer_claim_id
            )
        elif claim.state is ClaimState.ATTENTION:
            text = self.tr(
                "The insurer did not accept this claim; the clinic manager will follow it up."
            )
        elif claim.state is ClaimState.RESOLVED:
            text = self.tr("Settled by the clinic.")
        elif condition is QueueCondition.UNREACHABLE:
            text = self.tr(
                "Stored safely; the insurer cannot be reached now, it will be sent automatically."
            )
        else:
            text = self.tr("Stored safely; sending to the insurer…")
        self.claim_state.setText(text)
        self._render_correction()

    def _not_covered_after_all(self, claim: ClaimRecord) -> int:
        """What the insurer did not cover of a bill signed under a phone guarantee, in fen."""
        presented = self.session.visit.presented
        if self.session.visit.guarantee is None or presented is None or claim.covered_fen is None:
            return 0
        return max(0, presented.shown.totals.covered_fen - claim.covered_fen)

    def _outbox_changed(self, _state: QueueState) -> None:
        self._reread_claim()

    def _reread_claim(self) -> None:
        claim = self.claim
        if claim is None or self.session.visit.step is not Step.DONE:
            self._follow.stop()
            return
        journal = self.session.journal
        visit_id = self.session.visit.visit_id
        Task(lambda: journal.claim(claim.id)).success(
            lambda fresh: self._claim_updated(visit_id, fresh)
        ).run()

    def _claim_updated(self, visit_id: str, claim: ClaimRecord) -> None:
        if self.session.visit.visit_id != visit_id:
            return
        changed = self.claim is None or self.claim.state is not claim.state
        self.claim = claim
        self._render_claim()
        if claim.state is not ClaimState.WAITING:
            self._follow.stop()
        if changed:
            self.save_document()
            if self.session.visit.correction is not None:
                # what was read before the insurer's answer is not what is to settle now: nothing
                # is offered until the visit's money is read again
                self.account = None
                self._render_correction()
                self._reread_account()

    # --- payment -------------------------------------------------------------------------------

    def pay(self, parts: list[PaymentPart], paying_fen: int | None) -> None:
        """Record what the family pays now: all that is left by one method, or a split, or a
        part (`kiosk.payments.take_payment` refuses what does not add up, and records nothing)."""
        visit = self.session.visit
        presented = visit.presented
        if presented is None:
            return
        journal = self.session.journal
        visit_id = visit.visit_id
        journal_visit_id = presented.journal_visit_id
        by = self.approved_by  # the manager who gave their PIN for a closed day, if asked
        Task(
            lambda: take_payment(journal, journal_visit_id, parts, paying_fen=paying_fen, by=by)
        ).success(lambda account: self._paid(visit_id, account)).failure(
            lambda error: self._payment_refused(visit_id, error)
        ).run()

    def _ask_manager(self) -> None:
        """Today is closed: a manager's PIN, then the same payment under them."""
        approval = ManagerApproval(StaffDirectory(self.session.journal), self.window())
        approval.approved.connect(self._approved)
        approval.open()

    def _approved(self, manager: StaffMember) -> None:
        self.approved_by = manager
        self.payment.submit_again()

    def _paid(self, visit_id: str, account: VisitAccount) -> None:
        if self.session.visit.visit_id != visit_id:
            return
        net = account.net_by_method()
        if net:
            # the visit keeps the method that took the most, as the one-tap path always did
            self.session.visit.record_payment(max(net, key=lambda method: net[method]))
        self.payment.show_account(account)
        if self.session.visit.correction is not None:
            self.account = account
            self._render_correction()
        self.save_document()

    def _payment_refused(self, visit_id: str, error: BaseException) -> None:
        if self.session.visit.visit_id == visit_id:
            self.payment.refused(error)

    def _record_fapiao(self, number: str) -> None:
        """Keep the clinic's fapiao number for the visit (editable; each change audited)."""
        presented = self.session.visit.presented
        if presented is None:
            return
        journal, visit_id = self.session.journal, self.session.visit.visit_id
        journal_visit_id = presented.journal_visit_id
        Task(lambda: record_fapiao_no(journal, journal_visit_id, number)).success(
            lambda account: self._fapiao_saved(visit_id, account)
        ).failure(self.payment.fapiao_refused).run()

    def _fapiao_saved(self, visit_id: str, account: VisitAccount) -> None:
        if self.session.visit.visit_id == visit_id:
            self.payment.fapiao_saved(account)

    # --- a corrected bill ----------------------------------------------------------------------

    def _reread_account(self) -> None:
        """Read the corrected visit's money again: its share is now the corrected bill's."""
        correction = self.session.visit.correction
        if correction is None:
            return
        journal, visit_id = self.session.journal, self.session.visit.visit_id
        journal_visit_id = correction.journal_visit_id
        self._account_reads += 1
        reading = self._account_reads
        Task(lambda: account(journal, journal_visit_id)).success(
            lambda read: self._account_read(visit_id, reading, read)
        ).run()

    def _account_read(self, visit_id: str, reading: int, read: VisitAccount) -> None:
        # a read started before the insurer's answer may finish after the one started on it:
        # only the latest read is shown (the share is the corrected bill's once accepted)
        if self.session.visit.visit_id != visit_id or reading != self._account_reads:
            return
        self.account = read
        self.payment.show_account(read)
        self._render_correction()

    def _render_correction(self) -> None:
        """What is left to settle of a corrected bill, once the insurer accepted it: the rest
        to pay (in the payment panel), or the overpayment to refund, or nothing."""
        correction = self.session.visit.correction
        claim = self.claim
        self.refund_button.setVisible(False)
        self.correction_note.setVisible(correction is not None)
        if correction is None or claim is None:
            self.payment.setVisible(True)
            return
        accepted = claim.state is ClaimState.SENT
        self.payment.setVisible(accepted and self.account is not None)
        set_tone(self.correction_note, "warning")
        if claim.state is ClaimState.WAITING:
            text = self.tr(
                "The difference with the {paid} paid for statement {statement} is refunded or "
                "paid once the insurer accepts the corrected bill."
            ).format(paid=format_yuan(correction.paid_fen), statement=correction.statement_no)
        elif not accepted:
            text = self.tr(
                "Statement {statement} stands: nothing is refunded or paid for the correction."
            ).format(statement=correction.statement_no)
        elif self.account is None:
            text = ""
        elif self.refunded:
            total = sum(refund.amount_fen for refund in self.refunded)
            text = self.tr(
                "Refunded {amount} ({methods}): give it back to the family the way they paid."
            ).format(
                amount=format_yuan(total),
                methods=by_method((r.method, r.amount_fen) for r in self.refunded),
            )
            set_tone(self.correction_note, None)
        else:
            owed = settlement(self.account)
            share, paid = self.account.share_fen, self.account.net_paid_fen
            if owed.refunds:
                text = self.tr(
                    "The corrected family share is {share}; the family paid {paid}. Refund "
                    "{amount}: {methods}."
                ).format(
                    share=format_yuan(share),
                    paid=format_yuan(paid),
                    amount=format_yuan(owed.refund_fen),
                    methods=by_method(owed.refunds),
                )
                self.refund_button.setText(
                    self.tr("Refund {amount}").format(amount=format_yuan(owed.refund_fen))
                )
                self.refund_button.setEnabled(True)
                self.refund_button.setVisible(True)
            elif owed.to_pay_fen:
                text = self.tr(
                    "The corrected family share is {share}; the family paid {paid}: {amount} "
                    "is still to pay."
                ).format(
                    share=format_yuan(share),
                    paid=format_yuan(paid),
                    amount=format_yuan(owed.to_pay_fen),
                )
            else:
                text = self.tr(
                    "The corrected family share is {share}, what the family paid: nothing to "
                    "refund or pay."
                ).format(share=format_yuan(share))
                set_tone(self.correction_note, None)
        self.correction_note.setText(text)

    def refund(self) -> None:
        """Give back the overpayment of a corrected bill by the methods the family paid with,
        under the manager who started the correction (the reason names the corrected bill)."""
        visit = self.session.visit
        correction, presented = visit.correction, visit.presented
        if correction is None or presented is None:
            return
        self.refund_button.setEnabled(False)
        journal, visit_id = self.session.journal, visit.visit_id
        statement_no = presented.invoice_no
        Task(
            lambda: refund_overpayment(
                journal, correction.journal_visit_id, statement_no, by=correction.started_by
            )
        ).success(lambda refunds: self._refunded(visit_id, refunds)).failure(
            lambda error: self._refund_failed(visit_id, error)
        ).run()

    def _refunded(self, visit_id: str, refunds: tuple[RefundRecord, ...]) -> None:
        if self.session.visit.visit_id != visit_id:
            return
        self.refunded = refunds
        self._reread_account()
        self.save_document()

    def _refund_failed(self, visit_id: str, error: BaseException) -> None:
        if self.session.visit.visit_id != visit_id:
            return
        self.refund_button.setEnabled(True)
        self.correction_note.setText(payment_problem(error))
        set_tone(self.correction_note, "error")

    # --- the statement -------------------------------------------------------------------------

    def save_document(self) -> None:
        """Make the statement's next version in the background: on arrival, and again when the
        claim's answer or the payment becomes known.

        One at a time: a request during a write is done right after it, so versions never race.
        """
        if self._saving:
            self._save_again = True
            return
        visit = self.session.visit
        presented, eligibility = visit.presented, visit.eligibility
        if presented is None or not visit.identified:
            return
        facts = None
        if visit.self_pay:
            facts = StatementFacts.for_visit(
                eligibility,
                language=self.session.language,
                consent="",
                service_date=presented.shown.bill.service_date,
                clinic=self.session.clinic,
                insurer=self.session.insurer,
                item_names_en=presented.shown.names_en,
            )
        journal, documents = self.session.journal, self.session.documents_dir
        bill_id = presented.bill_id
        visit_id = visit.visit_id
        self._saving = True
        Task(lambda: make_statement(journal, bill_id, documents, facts=facts)).success(
            lambda made: self._saved(visit_id, *made)
        ).failure(self._save_failed).run()

    def _saved(self, visit_id: str, content: StatementContent, path: Path) -> None:
        self._saving = False
        again, self._save_again = self._save_again, False
        if self.session.visit.visit_id == visit_id:
            self.document = path
            self.statement = content
            self._render()
            self.document_saved.emit(str(path))
            if content.claim_number:
                self.session.submitter.wake()
            if again:
                self.save_document()

    def _save_failed(self, _error: BaseException) -> None:
        self._saving = False
        self._save_again = False
        self.document_state.setText(
            self.tr("The statement PDF could not be written; the bill is stored all the same.")
        )

    def _open_document(self) -> None:
        if self.document is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.document)))

    def _save_copy(self) -> None:
        if self.document is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the statement"), self.document.name, "PDF (*.pdf)"
        )
        if path:
            source = self.document
            Task(lambda: shutil.copyfile(source, path)).failure(
                lambda _error: self.document_state.setText(
                    self.tr("The copy could not be saved there.")
                )
            ).run()
