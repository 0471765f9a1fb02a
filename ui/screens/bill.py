"""Bill (reception): lines from the catalogue, the insurer's live estimate, pre-auth requests."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.assessment import year_threshold_crossed
from kiosk.billing import bill_line, english_names
from kiosk.catalogue import Catalogue, CatalogueItem
from kiosk.catalogue_import import CatalogueImportError, load_catalogue
from kiosk.desk import PresentedBill, present_bill
from kiosk.his.charges import HisOrder
from kiosk.his.mapping import MappedCharge
from kiosk.insurer.errors import InsurerError
from kiosk.insurer.models import Adjudication, BillLine, PreAuthStatus, Reason, VisitType
from kiosk.journal import PreAuthChange
from kiosk.money import format_yuan
from kiosk.recheck import EstimateChanged, recheck_and_present
from kiosk.visit import Step
from ui.i18n import FollowsLanguage
from ui.messages import catalogue_problem, insurer_problem, journal_problem
from ui.screens.his_charges import HisChargesDialog
from ui.screens.preauth import PreAuthDialog
from ui.session import KioskSession
from ui.statement_text import app_translate, plan_text, reason_text
from ui.tasks import Task
from ui.tone import set_tone
from ui.widgets.bill_lines import BillLines
from ui.widgets.bill_totals import BillTotals
from ui.widgets.button_row import button_row
from ui.widgets.his_offer import HisOfferBar

ESTIMATE_DELAY_MS = 250
"""Quiet time after the last change before asking the insurer, so typing a quantity is one call."""

MAX_RESULTS = 30


class BillScreen(FollowsLanguage, QWidget):
    """Reception builds the bill; each change is estimated by the insurer before it is signed."""

    def __init__(self, session: KioskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("billScreen")
        self.session = session
        self._estimating = False
        self._rechecking = False
        self._problem = ""
        self._notice = ""
        """Said until the bill changes: the amounts moved when the insurer was asked again."""
        self.preauth_dialog: PreAuthDialog | None = None

        self.title = QLabel(objectName="screenTitle")
        self.emergency = QCheckBox()
        self.emergency.setObjectName("emergency")
        self.emergency.toggled.connect(self._set_emergency)
        self.search = QLineEdit(objectName="search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._refresh_results)
        self.search.returnPressed.connect(self._add_first_result)
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setWordWrap(True)
        self.results.itemClicked.connect(self._add_result)
        self.import_button = QPushButton(objectName="small")
        self.import_button.clicked.connect(self._import_catalogue)
        self.catalogue_note = QLabel(objectName="hint", wordWrap=True)

        self.his_offer = HisOfferBar(session)
        self.his_offer.reviewRequested.connect(self.review_his_charges)
        self.his_dialog: HisChargesDialog | None = None

        left = QVBoxLayout()
        left.addWidget(self.his_offer)
        left.addWidget(self.search)
        left.addWidget(self.results, 1)
        catalogue_row = QHBoxLayout()
        catalogue_row.addWidget(self.catalogue_note, 1)
        catalogue_row.addWidget(self.import_button)
        left.addLayout(catalogue_row)

        self.lines = BillLines()
        self.lines.quantityChanged.connect(self._set_quantity)
        self.lines.removeRequested.connect(self.remove_line)
        self.lines.preauthRequested.connect(self.request_preauth)

        self.totals = BillTotals()
        self.state = QLabel(objectName="billState", wordWrap=True)

        right = QVBoxLayout()
        right.addWidget(self.lines, 1)
        right.addWidget(self.totals)
        right.addWidget(self.state)

        body = QHBoxLayout()
        body.setSpacing(20)
        body.addLayout(left, 1)
        body.addLayout(right, 2)

        self.back_button = QPushButton(objectName="secondary")
        self.back_button.clicked.connect(self._back)
        self.cancel_button = QPushButton(objectName="danger")
        self.cancel_button.clicked.connect(self.session.visit.clear)
        self.retry_button = QPushButton(objectName="secondary")
        self.retry_button.clicked.connect(self._estimate_now)
        self.retry_button.hide()
        self.sign_button = QPushButton(objectName="primary")
        self.sign_button.clicked.connect(self.present)
        buttons = button_row(
            [self.back_button, self.cancel_button], [self.retry_button, self.sign_button]
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 24)
        layout.setSpacing(12)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.emergency)
        layout.addLayout(heading)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(ESTIMATE_DELAY_MS)
        self._debounce.timeout.connect(self._estimate_now)
        session.outbox.preauth_changed.connect(self._preauth_changed)
        self.retranslate()

    # --- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Code, name or pinyin initials (xcg)"))
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setToolTip(
            self.tr("Import the clinic's own fee catalogue (Excel .xlsx, CSV or JSON)")
        )
        self.catalogue_note.setText(
            self.tr("%n item(s) in the catalogue", "", len(self.session.catalogue))
        )
        self.lines.set_headers(
            [
                self.tr("Item"),
                self.tr("Qty"),
                self.tr("Amount"),
                self.tr("Insurer pays"),
                self.tr("Family pays"),
            ]
        )
        self.emergency.setText(self.tr("Emergency visit"))
        self.emergency.setToolTip(
            self.tr(
                "The bill and the claim say emergency; a pre-authorisation filed for it needs no "
                "lead time"
            )
        )
        self.back_button.setText(self.tr("Back"))
        self.cancel_button.setText(self.tr("Cancel visit"))
        self.retry_button.setText(self.tr("Ask the insurer again"))
        self.sign_button.setText(self.tr("Show to the family to sign"))
        if self.session.visit.step is Step.BILL:
            self.show_bill()
            self._refresh_results()

    # --- entering ------------------------------------------------------------------------------

    def enter(self) -> None:
        """Called each time the visit arrives on the bill (from eligibility or back from sign)."""
        self.search.clear()
        self._problem = ""
        self._notice = ""
        self._rechecking = False
        self._refresh_results()
        self.show_bill()
        self.search.setFocus()
        visit = self.session.visit
        if visit.correction is not None and visit.lines and visit.adjudication is None:
            self._estimate_now()  # the original lines, estimated as their correction
        self.his_offer.start()

    def forget(self) -> None:
        """Nothing of the last family stays on this (hidden) screen."""
        self._debounce.stop()
        self._estimating = False
        self._rechecking = False
        self._problem = ""
        self._notice = ""
        self.title.clear()
        self.title.setToolTip("")
        self.search.clear()
        self._render_amounts()
        if self.preauth_dialog is not None:
            self.preauth_dialog.reject()
        if self.his_dialog is not None:
            self.his_dialog.reject()
        self.his_offer.stop()

    # --- catalogue -----------------------------------------------------------------------------

    def _refresh_results(self) -> None:
        query = self.search.text().strip()
        catalogue = self.session.catalogue
        items = catalogue.search(query, limit=MAX_RESULTS) if query else list(catalogue)
        language = self.session.language
        self.results.clear()
        for item in items[:MAX_RESULTS] if query else items:
            entry = QListWidgetItem(
                f"{item.code}  {item.name(language)}\n{format_yuan(item.unit_price_fen)}"
            )
            entry.setData(Qt.ItemDataRole.UserRole, item.code)
            self.results.addItem(entry)

    def _add_first_result(self) -> None:
        if self.results.count():
            self._add_result(self.results.item(0))

    def _add_result(self, entry: QListWidgetItem) -> None:
        item = self.session.catalogue.get(entry.data(Qt.ItemDataRole.UserRole))
        if item is not None:
            self.add_item(item)

    def add_item(self, item: CatalogueItem, quantity: int = 1) -> BillLine:
        """Put `quantity` of a catalogue item on the bill (with the member's pre-auth if any)."""
        visit = self.session.visit
        line = visit.add_line(
            item_code=item.code,
            description=item.name_zh,
            category=item.category,
            unit_price_fen=item.unit_price_fen,
            quantity=quantity,
            preauth_id=visit.approved_preauth(item.code, item.category),
            preauth_class=item.preauth_class,
        )
        self._changed()
        return line

    def review_his_charges(self) -> HisChargesDialog:
        """Open the HIS's charges for the child on screen (returned so tests can drive it)."""
        dialog = HisChargesDialog(self.his_offer.offer, self.session.language, self)
        self.his_dialog = dialog
        dialog.chosen.connect(self.add_his_charges)
        dialog.finished.connect(lambda _result: setattr(self, "his_dialog", None))
        dialog.open()
        return dialog

    def add_his_charges(self, charges: list[MappedCharge]) -> None:
        """Each ticked HIS charge becomes a bill line of its own, at the catalogue's price."""
        visit = self.session.visit
        if visit.step is not Step.BILL:
            return
        taken = {o.order_no for o in visit.his_orders.values()}
        for charge in charges:
            item, order = charge.item, HisOrder(charge.message_row, charge.charge.order_no)
            if item is None or order.order_no in taken:
                continue
            taken.add(order.order_no)
            preauth = visit.approved_preauth(item.code, item.category)
            visit.add_his_line(
                order, bill_line(item, charge.charge.quantity, line_no=1, preauth_id=preauth)
            )
        self._changed()
        self.his_offer.look()

    def _import_catalogue(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The clinic's fee catalogue"),
            str(Path.home()),
            self.tr("Catalogue (*.xlsx *.csv *.txt *.json)"),
        )
        if path:
            self.import_catalogue(Path(path))

    def import_catalogue(self, path: Path) -> None:
        """Read a clinic's catalogue in the background; a file with any bad row is refused whole."""
        Task(lambda: load_catalogue(path)).success(self.use_catalogue).failure(
            self.catalogue_failed
        ).run()

    def use_catalogue(self, catalogue: Catalogue) -> None:
        """Search this catalogue from now on (loaded in the background at start, or imported)."""
        self.session.catalogue = catalogue
        self.catalogue_note.setText(self.tr("%n item(s) in the catalogue", "", len(catalogue)))
        set_tone(self.catalogue_note, None)
        self._refresh_results()

    def catalogue_failed(self, error: BaseException) -> None:
        """Said as a problem (the catalogue in use stays), in the error's colour."""
        set_tone(self.catalogue_note, "error")
        if isinstance(error, CatalogueImportError) and error.problem is not None:
            self.catalogue_note.setText(catalogue_problem(error.problem))
        elif isinstance(error, CatalogueImportError):
            rows = "; ".join(self.tr("line {line}").format(line=e.line) for e in error.errors[:5])
            self.catalogue_note.setText(
                self.tr("The file has %n bad row(s) and was not used: ", "", len(error.errors))
                + rows
            )
        else:
            self.catalogue_note.setText(self.tr("The file could not be read as a catalogue."))

    # --- lines ---------------------------------------------------------------------------------

    def _set_quantity(self, line_no: int, quantity: int) -> None:
        self.session.visit.set_quantity(line_no, quantity)
        self._changed()

    def remove_line(self, line_no: int) -> None:
        self.session.visit.remove_line(line_no)
        self._changed()

    def _set_emergency(self, emergency: bool) -> None:
        visit = self.session.visit
        if visit.step is Step.BILL and (visit.visit_type is VisitType.EMERGENCY) != emergency:
            visit.set_emergency(emergency)
            self._changed()

    def _changed(self) -> None:
        self._problem = ""
        self._notice = ""
        visit = self.session.visit
        if visit.priced_at_desk and visit.lines:
            self._estimate_now()  # priced at the desk, at once: nothing to wait for
            return
        self._render_amounts()
        if visit.lines:
            self._debounce.start()

    # --- estimate ------------------------------------------------------------------------------

    def _preauth_changed(self, change: PreAuthChange) -> None:
        """The insurer decided a request for the family at the desk: ask for the estimate again,
        so an item approved meanwhile is covered without being keyed again."""
        visit = self.session.visit
        eligibility = visit.eligibility
        if (
            visit.step is Step.BILL
            and visit.lines
            and not visit.priced_at_desk
            and eligibility is not None
            and eligibility.member is not None
            and eligibility.member.member_id == change.member_id
            and change.new_status is PreAuthStatus.APPROVED
        ):
            self._estimate_now()

    def _estimate_now(self) -> None:
        visit = self.session.visit
        if visit.step is not Step.BILL or not visit.lines:
            return
        if visit.priced_at_desk:
            visit.estimate_at_desk()
            self._problem = ""
            self.show_bill()
            return
        bill = visit.bill()
        visit_id, revision = visit.visit_id, visit.revision
        replaces = visit.replaces
        self._estimating = True
        self._render_amounts()
        # a correction is estimated as the correction of the claim it replaces: what the family
        # signs is what the insurer will adjudicate it as
        Task.with_insurer(lambda insurer: insurer.estimate(bill, replaces=replaces)).success(
            lambda adjudication: self._estimate_arrived(visit_id, revision, adjudication)
        ).failure(lambda error: self._estimate_failed(visit_id, revision, error)).run()

    def _estimate_arrived(self, visit_id: str, revision: int, adjudication: Adjudication) -> None:
        if self.session.visit.record_estimate(visit_id, revision, adjudication):
            self._estimating = False
            self._problem = ""
            self.show_bill()

    def _estimate_failed(self, visit_id: str, revision: int, error: BaseException) -> None:
        visit = self.session.visit
        if visit.visit_id == visit_id and visit.revision == revision:
            self._estimating = False
            self._problem = insurer_problem(error)
            self._render_amounts()

    # --- rendering -----------------------------------------------------------------------------

    def show_bill(self) -> None:
        heading = self._heading()
        if heading is None:
            self.title.setToolTip("")
            return
        visit = self.session.visit
        title, tooltip = heading
        self.title.setText(title)
        self.title.setToolTip(tooltip)
        self.emergency.setVisible(not visit.self_pay_only)
        with QSignalBlocker(self.emergency):
            self.emergency.setChecked(visit.visit_type is VisitType.EMERGENCY)
        self._render_amounts()

    def _heading(self) -> tuple[str, str] | None:
        """The bill's title and its tooltip: whose bill, under what (None: nothing to bill yet)."""
        visit = self.session.visit
        guarantee, correction = visit.guarantee, visit.correction
        if guarantee is not None:
            return self.tr("Bill for member {member} · phone guarantee {reference}").format(
                member=guarantee.member_id, reference=guarantee.reference
            ), ""
        if correction is not None:
            return self.tr("Corrected bill for {member} · replaces statement {statement}").format(
                member=correction.child_masked or correction.member_id,
                statement=correction.statement_no,
            ), self.tr("Correction of claim {claim}").format(claim=correction.insurer_claim_id)
        eligibility = visit.eligibility
        if eligibility is None:
            return None
        member = eligibility.member
        if visit.self_pay_only:
            if member is None:
                return self.tr("Self-pay bill"), ""
            return self.tr("Self-pay bill for {member}").format(member=member.name_masked), ""
        if member is None:
            return None
        coverage = eligibility.coverage
        tier = plan_text(app_translate, coverage.plan_tier if coverage is not None else None)
        title = self.tr("Bill for {member} ({plan})").format(member=member.name_masked, plan=tier)
        return title, ""

    def _render_amounts(self) -> None:
        visit = self.session.visit
        adjudication = visit.adjudication
        verdicts = {x.line_no: x for x in adjudication.lines} if adjudication else {}
        language = self.session.language
        names = {}
        for line in visit.lines:
            item = self.session.catalogue.get(line.item_code)
            names[line.item_code] = item.name(language) if item is not None else line.description
        origins = {
            line_no: self.tr("HIS order {order}").format(order=order.order_no)
            for line_no, order in visit.his_orders.items()
        }
        self.lines.show_lines(
            visit.lines,
            names,
            verdicts,
            self.reason_text,
            self.tr("Request pre-auth"),
            self.tr("Add items from the catalogue on the left."),
            origins,
        )
        self._render_totals(adjudication)

    def _render_totals(self, adjudication: Adjudication | None) -> None:
        visit = self.session.visit
        total = sum(line.submitted_fen for line in visit.lines)
        if not visit.lines:
            self.totals.clear()
        elif adjudication is None:
            self.totals.set_totals(self.tr("Total {total}").format(total=format_yuan(total)))
        else:
            self.totals.set_totals(
                self.tr("Total {total}").format(
                    total=format_yuan(adjudication.total_submitted_fen)
                ),
                self.tr("insurer pays <b>{covered}</b>").format(
                    covered=format_yuan(adjudication.total_covered_fen)
                ),
                self.tr("family pays <b>{patient}</b>").format(
                    patient=format_yuan(adjudication.total_patient_fen)
                ),
            )
        over_amount = sum(
            1
            for line in (adjudication.lines if adjudication else [])
            if line.reason is Reason.PREAUTH_AMOUNT_EXCEEDED
        )
        flagged = len(visit.preauth_lines()) - over_amount
        tone = ""
        if self._problem:
            tone = "error"
            self.state.setText(self._problem)
        elif self._rechecking:
            self.state.setText(self.tr("Checking the amounts with the insurer once more…"))
        elif self._notice:
            tone = "warning"
            self.state.setText(self._notice)
        elif self._estimating or (visit.lines and adjudication is None):
            self.state.setText(self.tr("Asking the insurer for its estimate…"))
        elif flagged:
            tone = "warning"
            text = (
                self.tr(
                    "%n item(s) need a pre-authorisation: the family pays for them today unless "
                    "they are removed, or request an emergency one now (no lead time).",
                    "",
                    flagged,
                )
                if visit.visit_type is VisitType.EMERGENCY
                else self.tr(
                    "%n item(s) need a pre-authorisation: the family pays for them today unless "
                    "they are removed, or request one for a later date.",
                    "",
                    flagged,
                )
            )
            total = sum(line.submitted_fen for line in visit.lines)
            threshold = year_threshold_crossed(visit.eligibility, total)
            if threshold is not None:
                text += " " + self.tr(
                    "This bill takes the year's medical costs over {threshold}: its treatments "
                    "and exams need one."
                ).format(threshold=format_yuan(threshold))
            self.state.setText(text)
        elif over_amount:
            tone = "warning"
            self.state.setText(
                self.tr(
                    "%n item(s) cost more than the pre-authorised amount: the plan pays up to it "
                    "and the family pays the rest.",
                    "",
                    over_amount,
                )
            )
        elif adjudication is not None and visit.correction is not None:
            correction = visit.correction
            if adjudication.total_covered_fen == 0:
                tone = "error"
                self.state.setText(
                    self.tr(
                        "The insurer would pay nothing on the corrected bill, so it cannot "
                        "replace claim {claim}. Cancel the claim at the insurer instead."
                    ).format(claim=correction.insurer_claim_id)
                )
            else:
                tone = "warning"
                self.state.setText(
                    self.tr(
                        "Correction of statement {statement} (claim {claim}): the family signs "
                        "the corrected bill, and the insurer cancels the original claim when it "
                        "accepts this one. The family paid {paid} on the original bill; the "
                        "difference is refunded or paid after signing."
                    ).format(
                        statement=correction.statement_no,
                        claim=correction.insurer_claim_id,
                        paid=format_yuan(correction.paid_fen),
                    )
                )
        elif adjudication is not None and visit.guarantee is not None:
            tone = "warning"
            self.state.setText(
                self.tr(
                    "Phone guarantee {reference}: the insurer confirms its share once its system "
                    "is back, and the claim is sent then. The family pays nothing now; what the "
                    "insurer does not cover is theirs to pay to the clinic afterwards."
                ).format(reference=visit.guarantee.reference)
            )
        elif adjudication is not None and visit.self_pay_only:
            tone = "warning"
            self.state.setText(
                self.tr(
                    "Self-pay visit: the card cannot be direct-billed today. The family pays the "
                    "whole bill at the desk and gets a self-pay statement; nothing is claimed "
                    "from the insurer."
                )
            )
        elif adjudication is not None and adjudication.total_covered_fen == 0:
            tone = "warning"
            self.state.setText(
                self.tr(
                    "The plan pays nothing on these items: this is a self-pay visit. The family "
                    "pays the whole bill and no claim is made."
                )
            )
        else:
            self.state.setText("")
        set_tone(self.state, tone or None)
        self.retry_button.setVisible(bool(self._problem))
        self_pay = adjudication is not None and adjudication.total_covered_fen == 0
        correcting = visit.correction is not None
        self.sign_button.setText(
            self.tr("Self-pay: take the payment")
            if self_pay and not correcting
            else self.tr("Show to the family to sign")
        )
        self.sign_button.setEnabled(
            visit.ready_to_sign
            and not self._estimating
            and not self._rechecking
            and not (self_pay and correcting)
        )

    def reason_text(self, reason: Reason) -> str:
        return reason_text(app_translate, reason)

    # --- pre-auth ------------------------------------------------------------------------------

    def request_preauth(self, line_no: int) -> PreAuthDialog:
        """Open the pre-auth request for a flagged line (returned so tests can drive it)."""
        line = next(x for x in self.session.visit.lines if x.line_no == line_no)
        dialog = PreAuthDialog(self.session, line, self)
        self.preauth_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "preauth_dialog", None))
        dialog.open()
        return dialog

    # --- leaving -------------------------------------------------------------------------------

    def present(self) -> None:
        """Ask the insurer once more, then record the bill as shown and turn it to the family
        (off-thread); if the insurer's amounts moved meanwhile, show the new ones instead. A
        self-pay visit is priced at the desk: it is recorded at once."""
        visit = self.session.visit
        adjudication = visit.adjudication
        if not visit.ready_to_sign or adjudication is None:
            return
        bill = visit.bill()
        visit_id, revision = visit.visit_id, visit.revision
        journal = self.session.journal
        clinic = self.session.clinic_name
        names_en = english_names(self.session.catalogue)
        self.sign_button.setEnabled(False)
        if visit.priced_at_desk:
            Task(
                lambda: present_bill(journal, bill, adjudication, clinic=clinic, names_en=names_en)
            ).success(lambda presented: self._presented(visit_id, revision, presented)).failure(
                self._present_failed
            ).run()
            return
        replaces, journal_visit_id = visit.replaces, visit.journal_visit_id
        self._rechecking = True
        self._render_amounts()
        Task.with_insurer(
            lambda insurer: recheck_and_present(
                partial(insurer.estimate, replaces=replaces),
                journal,
                bill,
                adjudication,
                clinic=clinic,
                names_en=names_en,
                journal_visit_id=journal_visit_id,
            )
        ).success(lambda answer: self._rechecked(visit_id, revision, answer)).failure(
            lambda error: self._recheck_failed(visit_id, revision, error)
        ).run()

    def _rechecked(
        self, visit_id: str, revision: int, answer: PresentedBill | EstimateChanged
    ) -> None:
        visit = self.session.visit
        if visit.visit_id != visit_id or visit.revision != revision:
            return
        self._rechecking = False
        if isinstance(answer, PresentedBill):
            self._presented(visit_id, revision, answer)
            return
        visit.record_estimate(visit_id, revision, answer.now)
        self._notice = self.tr(
            "The insurer's amounts changed since the estimate (another visit or claim used "
            "part of the balance): the family now pays {patient}. Go through the new amounts "
            "with the family, then show the bill to sign."
        ).format(patient=format_yuan(answer.now.total_patient_fen))
        self.show_bill()

    def _recheck_failed(self, visit_id: str, revision: int, error: BaseException) -> None:
        visit = self.session.visit
        if visit.visit_id == visit_id and visit.revision == revision:
            self._rechecking = False
            # the insurer's answer, or the journal's write of the bill that came after it
            asking = isinstance(error, InsurerError)
            self._problem = insurer_problem(error) if asking else journal_problem(error)
            self._render_amounts()

    def _presented(self, visit_id: str, revision: int, presented: PresentedBill) -> None:
        visit = self.session.visit
        if presented.self_pay:
            shown = visit.finish_self_pay(visit_id, revision, presented)
        else:
            shown = visit.present_for_signature(visit_id, revision, presented)
        if not shown:
            self._render_amounts()

    def _present_failed(self, error: BaseException) -> None:
        self._problem = journal_problem(error)
        self._render_amounts()

    def _back(self) -> None:
        self.session.visit.back()
