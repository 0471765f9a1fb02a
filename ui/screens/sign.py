"""Sign (family-facing): what the insurer pays, what you pay today, and the signature pad.

Nothing here reaches staff functions: on a second display there is no way back at all (reception
cancels from its own screen); on a single touchscreen the only way back is to the bill, which the
receptionist standing there uses anyway. The signature is bound to the hash of the bill shown.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScroller,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.desk import sign_and_queue
from kiosk.insurer.models import VisitType
from kiosk.journal import ClaimRecord
from kiosk.money import format_yuan
from kiosk.signature import SignatureProblem
from kiosk.statement import StatementFacts
from kiosk.visit import Step
from ui.i18n import FollowsLanguage
from ui.session import KioskSession
from ui.statement_text import app_translate, consent_text, reason_text
from ui.tasks import Task
from ui.tone import set_tone
from ui.widgets.button_row import button_row
from ui.widgets.signature_pad import SignaturePad

PAD_MIN_HEIGHT = 110
"""The signature box never shrinks below this: a name must fit in it at any text size."""

_RELAYOUT = (QEvent.Type.Resize, QEvent.Type.StyleChange, QEvent.Type.FontChange)


log = logging.getLogger(__name__)


class SignScreen(FollowsLanguage, QWidget):
    """The family checks the two amounts and signs; the claim then goes to the outbox."""

    def __init__(
        self,
        session: KioskSession,
        *,
        separate_display: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signScreen")
        self.session = session
        self.separate_display = separate_display

        self.title = QLabel(objectName="screenTitle", wordWrap=True)
        self.who = QLabel(objectName="signWho", wordWrap=True)
        self.family_label = QLabel(objectName="amountLabel")
        self.family_amount = QLabel(objectName="signFamilyAmount")
        self.insurer_label = QLabel(objectName="amountLabel")
        self.insurer_amount = QLabel(objectName="signInsurerAmount")
        amounts = QHBoxLayout()  # one row, each label before its figure: room for the pad
        bottom = Qt.AlignmentFlag.AlignBottom
        amounts.addWidget(self.family_label, 0, bottom)
        amounts.addWidget(self.family_amount, 0, bottom)
        amounts.addSpacing(48)
        amounts.addWidget(self.insurer_label, 0, bottom)
        amounts.addWidget(self.insurer_amount, 0, bottom)
        amounts.addStretch(1)
        amounts.setSpacing(16)

        self.lines = QTableWidget(0, 5, objectName="signLines")
        self.lines.verticalHeader().hide()
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.setWordWrap(True)
        self.lines.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.lines.verticalScrollBar().valueChanged.connect(self._update_cue)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.lines.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.lines.installEventFilter(self)
        # A finger drags the list; the cue below it is a button that pages on (no thin scroll
        # bar to aim at: the list's position is the cue's business).
        self.lines.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(
            self.lines.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        self.more = QPushButton(objectName="signMore")
        self.more.clicked.connect(self._page_on)

        self.consent = QLabel(objectName="signConsent", wordWrap=True)
        self.pad = SignaturePad()
        self.pad.setObjectName("signaturePad")
        self.pad.setMinimumHeight(PAD_MIN_HEIGHT)
        self.pad.strokesChanged.connect(self._strokes_changed)
        self.message = QLabel(objectName="error", wordWrap=True)

        self.back_button = QPushButton(objectName="secondary")
        self.back_button.clicked.connect(self._back)
        self.back_button.setVisible(not separate_display)
        self.undo_button = QPushButton(objectName="secondary")
        self.undo_button.clicked.connect(self.pad.undo)
        self.clear_button = QPushButton(objectName="secondary")
        self.clear_button.clicked.connect(self.pad.clear)
        self.confirm_button = QPushButton(objectName="primary")
        self.confirm_button.clicked.connect(self.confirm)
        buttons = button_row(
            [self.back_button], [self.undo_button, self.clear_button, self.confirm_button]
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 14, 32, 16)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        layout.addLayout(amounts)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.more)
        layout.addWidget(self.consent)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._busy = False
        self.retranslate()

    def retranslate(self) -> None:
        self._title()
        self.insurer_label.setText(self.tr("The insurer pays"))
        self.family_label.setText(self.tr("You pay today"))
        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Why"),
                self.tr("Amount"),
                self.tr("Insurer pays"),
                self.tr("You pay"),
            ]
        )
        self.back_button.setText(self.tr("Reception: change the bill"))
        self.undo_button.setText(self.tr("Undo"))
        self.clear_button.setText(self.tr("Clear"))
        self.confirm_button.setText(self.tr("Sign the bill"))
        self._say("")
        if self.session.visit.step is Step.SIGN:
            self._render()

    def _title(self) -> None:
        correction = self.session.visit.correction
        self.title.setText(
            self.tr(
                "Please check the corrected bill and sign: it replaces statement {statement}"
            ).format(statement=correction.statement_no)
            if correction is not None
            else self.tr("Please check the bill and sign")
        )

    # --- entering ------------------------------------------------------------------------------

    def enter(self) -> None:
        self.pad.clear()
        self._say("")
        self._busy = False
        self._render()

    def forget(self) -> None:
        """Nothing of the last family stays on this (hidden) screen: no bill, no strokes."""
        self.pad.clear()
        self._say("")
        self.lines.setRowCount(0)
        self.who.clear()
        self.more.setText("")
        self.insurer_amount.clear()
        self.family_amount.clear()
        self.consent.clear()
        self._busy = False
        self.confirm_button.setEnabled(True)

    def _render(self) -> None:
        presented = self.session.visit.presented
        if presented is None:
            return
        self._title()
        shown = presented.shown
        totals = shown.totals
        language = self.session.language
        service_date = shown.bill.service_date
        clinic = self.session.clinic.name(language)
        when = service_date.isoformat()
        if shown.bill.visit_type is VisitType.EMERGENCY:
            when = self.tr("{date}, emergency visit").format(date=when)
        self.who.setText(
            self.tr("{child} · {date} · {clinic}").format(
                child=self._child(), date=when, clinic=clinic
            )
        )
        self.family_amount.setText(format_yuan(totals.patient_fen))
        set_tone(self.family_amount, "zero" if totals.patient_fen == 0 else None)
        self.insurer_amount.setText(format_yuan(totals.covered_fen))
        rows = shown.lines
        self.lines.setRowCount(len(rows))
        for row, line in enumerate(rows):
            name = line.name(language)
            if line.quantity > 1:
                name = f"{name} × {line.quantity}"
            why = reason_text(app_translate, line.reason)
            if line.preauth_ref:
                why = f"{why} · {line.preauth_ref}"
            cells = [
                name,
                why,
                format_yuan(line.submitted_fen),
                format_yuan(line.covered_fen),
                format_yuan(line.patient_fen),
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column >= 2:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.lines.setItem(row, column, cell)
        self._fit_lines()
        self.lines.verticalScrollBar().setValue(0)
        self.consent.setText(self.consent_sentence())

    def _child(self) -> str:
        visit = self.session.visit
        if visit.correction is not None:  # as the original statement named the child
            return visit.correction.child_masked or visit.correction.member_id
        if visit.guarantee is not None:
            return visit.guarantee.member_id  # the insurer could not be asked for the name
        eligibility = visit.eligibility
        member = eligibility.member if eligibility is not None else None
        return member.name_masked if member is not None else "—"

    def consent_sentence(self) -> str:
        """The sentence shown above the pad; stored with the signature and printed verbatim."""
        presented = self.session.visit.presented
        if presented is None:
            return ""
        totals = presented.shown.totals
        return consent_text(
            app_translate,
            child=self._child(),
            clinic=self.session.clinic.name(self.session.language),
            service_date=presented.shown.bill.service_date,
            covered_fen=totals.covered_fen,
            patient_fen=totals.patient_fen,
            guarantee=self.session.visit.guarantee.reference
            if self.session.visit.guarantee is not None
            else None,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Deferred: a filter sees the event before the table has laid itself out anew.
        if watched is self.lines and event.type() in _RELAYOUT:
            rewrap = (
                not isinstance(event, QResizeEvent)
                or event.size().width() != event.oldSize().width()  # lines wrap anew
            )
            QTimer.singleShot(0, self, self._fit_lines if rewrap else self._snap)
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_lines)  # more room, or less: the list fits anew

    def _frame(self) -> int:
        """The list's height besides its lines: the column names and the frame."""
        return self.lines.horizontalHeader().sizeHint().height() + 2 * self.lines.frameWidth()

    def _fit_lines(self) -> None:
        """The list is as tall as its lines, and gives way to the signature box down to its
        tallest line (at large text or on a long bill): whatever does not fit scrolls, with the
        cue below. The layout then resizes the list, which `_snap`s it to a line's end."""
        for row in range(self.lines.rowCount()):  # not resizeRowsToContents: it keeps the
            self.lines.setRowHeight(row, self.lines.sizeHintForRow(row))  # hidden header's height
        heights = [self.lines.rowHeight(row) for row in range(self.lines.rowCount())]
        self.lines.setMinimumHeight(self._frame() + max(heights, default=0))  # any line whole
        self.lines.setMaximumHeight(self._frame() + sum(heights))
        self._update_cue()

    def _snap(self) -> None:
        """The list ends where a line ends: no line is shown cut through, its figures half drawn
        (the room it gives up goes to the signature box)."""
        room = self.lines.height() - self._frame()
        shown = 0
        for row in range(self.lines.rowCount()):
            if shown + self.lines.rowHeight(row) > room:
                break
            shown += self.lines.rowHeight(row)
        snapped = self._frame() + shown
        if shown < room and snapped >= self.lines.minimumHeight():  # never below its tallest line
            self.lines.setMaximumHeight(snapped)
        self._update_cue()

    def _lines_out_of_view(self) -> tuple[list[int], list[int]]:
        """The rows not wholly in view: (those above, those below), top to bottom."""
        visible = self.lines.viewport().height()
        above: list[int] = []
        below: list[int] = []
        for row in range(self.lines.rowCount()):
            top = self.lines.rowViewportPosition(row)
            if top < 0:
                above.append(row)
            elif top + self.lines.rowHeight(row) > visible:
                below.append(row)
        return above, below

    def _update_cue(self) -> None:
        """Say how many lines are below the ones in view, so no line goes unseen; at the end of a
        long list, offer the way back to its first line."""
        above, below = self._lines_out_of_view()
        if below:
            text = self.tr("▼ %n more line(s) below: tap here to see them", "", len(below))
        elif above:
            text = self.tr("▲ Back to the first line")
        else:
            text = ""
        self.more.setText(text)
        self.more.setVisible(bool(text))

    def _page_on(self) -> None:
        """The cue's tap: the first line not wholly in view goes to the top (the list is never
        shorter than its tallest line, so it shows whole), or back to the first line."""
        _above, below = self._lines_out_of_view()
        if below:
            self.lines.scrollTo(
                self.lines.model().index(below[0], 0), QAbstractItemView.ScrollHint.PositionAtTop
            )
        else:
            self.lines.verticalScrollBar().setValue(0)

    # --- signing -------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        """A problem with the signature, above the buttons; no empty line when there is none."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _strokes_changed(self) -> None:
        self._say("")

    def confirm(self) -> None:
        """Accept the signature if it is one; store it and the claim, then hand it to the outbox."""
        if self._busy:
            return
        visit = self.session.visit
        presented = visit.presented
        if presented is None or visit.step is not Step.SIGN:
            return
        signature = self.pad.signature()
        problems = signature.problems
        if problems:
            self._say(self._problem_text(problems[0]))
            return
        signed_at = datetime.now(UTC)
        if not visit.identified:
            return
        correction = visit.correction
        facts = StatementFacts.for_visit(
            visit.eligibility,
            language=self.session.language,
            consent=self.consent.text(),
            service_date=presented.shown.bill.service_date,
            clinic=self.session.clinic,
            insurer=self.session.insurer,
            correcting=correction.facts if correction is not None else None,
        )
        phone = visit.guarantee.contract() if visit.guarantee is not None else None
        visit.sign(presented.bill_hash, signature, signed_at)
        self._busy = True
        self.confirm_button.setEnabled(False)
        visit_id = visit.visit_id
        journal = self.session.journal
        Task(
            lambda: sign_and_queue(
                journal,
                presented,
                signature,
                signed_at,
                facts,
                phone_guarantee=phone,
                correction=correction,
            )
        ).success(lambda claim: self._queued(visit_id, claim)).failure(self._failed).run()

    def _problem_text(self, problem: SignatureProblem) -> str:
        return {
            SignatureProblem.EMPTY: self.tr("Please sign in the white box first."),
            SignatureProblem.TOO_FEW_POINTS: self.tr(
                "That is too short to be a signature. Please write your name."
            ),
            SignatureProblem.TOO_SHORT: self.tr(
                "That is too short to be a signature. Please write your name."
            ),
            SignatureProblem.TOO_SMALL: self.tr(
                "Please sign larger, across the line in the white box."
            ),
        }[problem]

    def _queued(self, visit_id: str, claim: ClaimRecord) -> None:
        self._busy = False
        self.confirm_button.setEnabled(True)
        self.session.submitter.wake()
        self.session.visit.complete(visit_id, claim)

    def _failed(self, error: BaseException) -> None:
        log.error("the signed bill could not be stored: %s", type(error).__name__, exc_info=error)
        self._busy = False
        self.confirm_button.setEnabled(True)
        self._say(
            self.tr("The signed bill could not be stored on this computer. Please ask reception.")
        )

    def _back(self) -> None:
        if self.session.visit.step is Step.SIGN and not self._busy:
            self.session.visit.back()
