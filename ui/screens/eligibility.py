"""Eligibility: a one-glance answer (green, amber, red), then the plan and member details."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.assessment import Caution, Verdict, checked_on, low_balances, spent_approvals
from kiosk.business_day import BUSINESS_TZ
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import CardStatus, Eligibility, PlanTier, PreAuth, PreAuthStatus
from kiosk.money import format_yuan
from kiosk.statement import mask_policy
from ui import arrivals_text
from ui.documents.guarantee_letter import LetterText, letter_text, render_guarantee_letter
from ui.documents.unpaid_note import UnpaidFacts, render_unpaid_note, unpaid_note_text
from ui.i18n import FollowsLanguage
from ui.messages import insurer_problem
from ui.session import KioskSession
from ui.tasks import Task
from ui.tone import restyle, set_tone
from ui.widgets.button_row import button_row
from ui.widgets.owed_to_clinic import OwedToClinic


def fetch_letters(
    insurer: InsurerClient, preauth_ids: list[str], folder: Path, text: LetterText
) -> list[Path]:
    """Ask the insurer for each approval's guarantee letter and print it to a PDF in `folder`."""
    printed_on = datetime.now(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M")
    paths = []
    for preauth_id in preauth_ids:
        letter = insurer.preauth_letter(preauth_id)
        path = folder / f"guarantee-letter-{letter.auth_number}.pdf"
        folder.mkdir(parents=True, exist_ok=True)
        render_guarantee_letter(path, letter, text, printed_on=printed_on)
        paths.append(path)
    return paths


REFUSAL_FIELD: dict[Caution, str] = {
    Caution.GREYED_UNPAID: "card",
    Caution.EXPIRED: "period",
    Caution.NOT_YET_IN_FORCE: "period",
    Caution.NOT_IN_NETWORK: "network",
    Caution.NOT_FOUND: "card",
    Caution.NOT_DIRECT_BILLABLE: "card",
    Caution.NO_APPOINTMENT: "appointment",
    Caution.APPOINTMENT_UNCONFIRMED: "appointment",
}
"""The detail row that says why a card is refused: it is highlighted on the refusal screen."""


class EligibilityScreen(FollowsLanguage, QWidget):
    """Shows the insurer's answer for the card just checked; nothing here changes the insurer.

    A refused card (red) always has a next step: a self-pay visit, the reason in the manual's
    terms with the insurer's hotline, and for a greyed card a printable note of what is unpaid
    and how to pay it. A refused card's balances and fully-paid visits are not shown: they are
    not usable today, and a parent reading "5 of 5 left" would think otherwise.
    """

    letters_saved = Signal(list)
    """The guarantee letters' PDFs just printed (paths as text), opened for reception."""
    note_saved = Signal(str)
    """The greyed card's note just printed (its path), opened for reception."""

    def __init__(self, session: KioskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eligibilityScreen")
        self.session = session

        self.card = QFrame()
        self.card.setObjectName("verdictCard")
        self.headline = QLabel(objectName="verdictHeadline", wordWrap=True)
        self.reasons = QLabel(objectName="verdictReasons", wordWrap=True)
        self.reasons.setTextFormat(Qt.TextFormat.PlainText)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(28, 22, 28, 22)
        card_layout.addWidget(self.headline)
        card_layout.addWidget(self.reasons)

        self.owed = OwedToClinic(session.journal)
        """What the family still owes this clinic from earlier visits, to collect now."""
        self.details = QFrame()
        self.details.setObjectName("panel")
        self.grid = QGridLayout(self.details)
        self.grid.setContentsMargins(24, 16, 24, 16)
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(8)
        self.grid.setColumnStretch(1, 1)
        self.detail_rows: list[tuple[QLabel, QLabel]] = []
        self._stretch_row = 0
        scroll = QScrollArea(widgetResizable=True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.details)

        self.back_button = QPushButton(objectName="secondary")
        self.back_button.clicked.connect(self._back)
        self.letter_button = QPushButton(objectName="secondary")
        self.letter_button.setObjectName("letterButton")
        self.letter_button.clicked.connect(self.print_letters)
        self.letter_button.hide()
        self.letter_state = QLabel(objectName="hint", wordWrap=True)
        self.letter_state.hide()
        self.note_button = QPushButton(objectName="secondary")
        self.note_button.clicked.connect(self.print_unpaid_note)
        self.note_button.hide()
        self.bill_button = QPushButton(objectName="primary")
        self.bill_button.clicked.connect(self._start_bill)
        self.self_pay_button = QPushButton(objectName="primary")
        self.self_pay_button.clicked.connect(self._start_self_pay)
        self.self_pay_button.hide()
        buttons = button_row(
            [self.back_button, self.letter_button, self.note_button],
            [self.self_pay_button, self.bill_button],
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(self.card)
        layout.addWidget(self.owed)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.letter_state)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("New scan"))
        self.bill_button.setText(self.tr("Start the bill"))
        self.letter_button.setText(self.tr("Print the guarantee letter"))
        self.note_button.setText(self.tr("Print the note for the family"))
        self.self_pay_button.setText(self.tr("Self-pay visit"))
        self.self_pay_button.setToolTip(
            self.tr("Bill from the catalogue; the family pays it all and gets a self-pay statement")
        )
        if self.session.visit.eligibility is not None:
            self._render(self.session.visit.eligibility)  # the owed panel says itself again

    # --- rendering -------------------------------------------------------------------------------

    def show_eligibility(self, eligibility: Eligibility) -> None:
        """A new answer: render it, and read what this member still owes the clinic."""
        self._render(eligibility)
        self.owed.show_member(eligibility.member.member_id if eligibility.member else None)

    def _render(self, eligibility: Eligibility) -> None:
        visit = self.session.visit
        assessment = visit.assessment
        if assessment is None:  # the visit was cleared meanwhile
            return
        for widget in (self.card, self.headline):
            restyle(widget, "verdict", assessment.verdict.value)
        self.headline.setText(
            {
                Verdict.GREEN: self.tr("Direct billing available"),
                Verdict.AMBER: self.tr("Direct billing available, with conditions"),
                Verdict.RED: self.tr("No direct billing today"),
            }[assessment.verdict]
        )
        self.reasons.setText("\n".join(self._caution(c, eligibility) for c in assessment.cautions))
        self.reasons.setVisible(bool(assessment.cautions))
        refused = not visit.direct_billing
        self.bill_button.setEnabled(not refused)
        self.bill_button.setVisible(not refused)
        self.self_pay_button.setVisible(refused)
        self.letter_button.setVisible(not refused and bool(self._approved(eligibility)))
        self.letter_button.setEnabled(True)
        self.note_button.setVisible(eligibility.unpaid is not None)
        self.note_button.setEnabled(True)
        self.letter_state.hide()
        flagged = {REFUSAL_FIELD[c] for c in assessment.cautions if c in REFUSAL_FIELD}
        self._render_details(eligibility, flagged if refused else set(), refused=refused)

    def _caution(self, caution: Caution, eligibility: Eligibility) -> str:
        cumulative = eligibility.cumulative
        if caution is Caution.PREAUTH_THRESHOLD_NEAR and cumulative is not None:
            return self.tr(
                "Medical costs billed this policy year: {billed}. Above {threshold} in the year, "
                "every treatment and exam needs a pre-authorisation first: {left} left before "
                "that."
            ).format(
                billed=format_yuan(cumulative.billed_fen),
                threshold=format_yuan(cumulative.threshold_fen),
                left=format_yuan(cumulative.left_fen),
            )
        if caution is Caution.PREAUTH_THRESHOLD_PASSED and cumulative is not None:
            return self.tr(
                "Medical costs billed this policy year: {billed}, over {threshold}: every "
                "treatment and exam needs a pre-authorisation first (consultations and medicines "
                "do not)."
            ).format(
                billed=format_yuan(cumulative.billed_fen),
                threshold=format_yuan(cumulative.threshold_fen),
            )
        low = low_balances(eligibility)
        if caution is Caution.BENEFIT_LOW and low:
            return self.tr(
                "Only {left} left of the {benefit} limit this year: above it the family pays, "
                "pre-authorised items included."
            ).format(
                left=format_yuan(low[0].remaining_fen), benefit=self._benefit_name(low[0].benefit)
            )
        hotline = self.session.insurer.hotline
        if caution is Caution.NO_APPOINTMENT:
            return self.tr(
                "This department direct-bills only visits booked through the insurer (享受部分公立"
                "医院直付服务需提前预约), and the child has no appointment here today. The family "
                "can book one in the e-card (适用医院, then the booking guide) or through the "
                "insurer's 7×24 hotline {hotline}; it is arranged within 2 working days. Today's "
                "visit can go on as self-pay."
            ).format(hotline=hotline)
        if caution is Caution.APPOINTMENT_UNCONFIRMED:
            return self.tr(
                "This department direct-bills only visits booked through the insurer, and the "
                "insurer could not confirm the child's appointment just now. Scan the card again "
                "in a moment, or call the insurer's 7×24 hotline {hotline}; otherwise today's "
                "visit can go on as self-pay."
            ).format(hotline=hotline)
        if caution is Caution.GREYED_UNPAID and eligibility.unpaid is not None:
            return self.tr(
                "Card on hold (置灰): {amount} the family owes from an earlier visit is unpaid "
                "(claim {ref}). To pay it: in the e-card, tap 就诊记录 (visit records), then 支付 "
                "(pay) beside that visit. Once it is paid the card works again: scan it again. "
                "Today's visit can go on as self-pay."
            ).format(
                amount=format_yuan(eligibility.unpaid.amount_fen),
                ref=eligibility.unpaid.claim_ref,
            )
        coverage = eligibility.coverage
        if caution is Caution.EXPIRED and coverage is not None:
            return self.tr(
                "The policy ended on {end}: no direct billing today. About renewing, the family "
                "can call the insurer's 7×24 hotline {hotline}. Today's visit can go on as "
                "self-pay."
            ).format(end=coverage.period_end.isoformat(), hotline=hotline)
        if caution is Caution.NOT_YET_IN_FORCE and coverage is not None:
            return self.tr(
                "The policy starts on {start}: no direct billing before that day. Questions: the "
                "insurer's 7×24 hotline {hotline}. Today's visit can go on as self-pay."
            ).format(start=coverage.period_start.isoformat(), hotline=hotline)
        if caution is Caution.NOT_IN_NETWORK:
            return self.tr(
                "This clinic is not in the network of the family's plan: no direct billing here. "
                "The e-card's 适用医院 (network clinics) lists where the plan direct-bills; "
                "questions: the insurer's 7×24 hotline {hotline}. Today's visit can go on as "
                "self-pay."
            ).format(hotline=hotline)
        if caution is Caution.NOT_FOUND:
            return self.tr(
                "The insurer has no member for this card. Check the card or look the child up by "
                "policy number; questions: the insurer's 7×24 hotline {hotline}. Today's visit "
                "can go on as self-pay."
            ).format(hotline=hotline)
        if caution is Caution.NOT_DIRECT_BILLABLE:
            return self.tr(
                "The insurer does not allow direct billing for this card today. Questions: the "
                "insurer's 7×24 hotline {hotline}. Today's visit can go on as self-pay."
            ).format(hotline=hotline)
        return {
            Caution.FREE_VISITS_USED_UP: self.tr(
                "All fully-paid visits are used: the family pays its share of today's visit."
            ),
            Caution.PREAUTH_PENDING: self.tr(
                "A pre-authorisation is still pending: its item cannot be direct-billed yet."
            ),
            Caution.PREAUTH_INFO_REQUESTED: self.tr(
                "The insurer needs more information for a pre-authorisation: file it again with "
                "the documents it asks for (see below)."
            ),
            Caution.PREAUTH_DENIED: self.tr(
                "A pre-authorisation was denied: its item is not direct-billable."
            ),
            Caution.PREAUTH_NO_LONGER_VALID: self.tr(
                "An approval is used up or past its dates: its item needs a new "
                "pre-authorisation before the plan pays for it again."
            ),
            Caution.BENEFIT_LOW: self.tr(
                "A benefit's annual limit is nearly used up: above what is left the family pays, "
                "pre-authorised items included."
            ),
            Caution.PREAUTH_THRESHOLD_NEAR: self.tr(
                "Close to the yearly cost above which treatments and exams need a "
                "pre-authorisation."
            ),
            Caution.PREAUTH_THRESHOLD_PASSED: self.tr(
                "Past the yearly cost above which treatments and exams need a pre-authorisation."
            ),
            Caution.BENEFIT_EXHAUSTED: self.tr(
                "A benefit limit is used up: items under it are paid by the family."
            ),
            Caution.GREYED_UNPAID: self.tr(
                "Card on hold (置灰): an amount the family owes from an earlier visit is unpaid. "
                "To pay it: in the e-card, tap 就诊记录 (visit records), then 支付 (pay). Today's "
                "visit can go on as self-pay."
            ),
            Caution.EXPIRED: self.tr(
                "The policy period has ended: no direct billing today. Today's visit can go on "
                "as self-pay."
            ),
            Caution.NOT_YET_IN_FORCE: self.tr(
                "The policy is not in force yet: no direct billing before its first day. Today's "
                "visit can go on as self-pay."
            ),
        }[caution]

    def forget(self) -> None:
        """Nothing of the last family stays on this (hidden) screen."""
        self.headline.clear()
        self.reasons.clear()
        self.letter_state.clear()
        self.letter_state.hide()
        self.letter_button.hide()
        self.note_button.hide()
        self.self_pay_button.hide()
        self.owed.show_member(None)
        self._show_details([])

    def _show_details(
        self, rows: list[tuple[str, str]], flagged: frozenset[int] = frozenset()
    ) -> None:
        """Fill the first rows of labels, growing the set only when a card needs more, and hide
        and empty the rest: the labels live as long as the screen, not one per card checked.
        The rows numbered in `flagged` are highlighted: they say why the card is refused."""
        while len(self.detail_rows) < len(rows):
            name = QLabel(objectName="fieldName")
            shown = QLabel(objectName="fieldValue", wordWrap=True)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            row = len(self.detail_rows)
            self.grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(shown, row, 1)
            self.detail_rows.append((name, shown))
        for index, (name, shown) in enumerate(self.detail_rows):
            label, value = rows[index] if index < len(rows) else ("", "")
            name.setText(label)
            shown.setText(value)
            name.setVisible(index < len(rows))
            shown.setVisible(index < len(rows))
            restyle(name, "flagged", index in flagged)
            restyle(shown, "flagged", index in flagged)
        self.grid.setRowStretch(self._stretch_row, 0)
        self._stretch_row = len(rows)
        self.grid.setRowStretch(self._stretch_row, 1)

    def _render_details(
        self, eligibility: Eligibility, flagged: set[str], *, refused: bool
    ) -> None:
        """The member, policy and appointment today; for a card that can be billed, what is left
        of its benefits and its pre-auths; for a refused one, the card and network rows with the
        cause highlighted (`flagged` names the fields: card, period, network, appointment)."""
        rows: list[tuple[str, str]] = []
        marked: set[int] = set()
        if eligibility.member is not None:
            member = eligibility.member
            rows.append(
                (
                    self.tr("Member"),
                    self.tr("{name} · born {year}").format(
                        name=member.name_masked, year=member.birth_year
                    ),
                )
            )
            rows.append((self.tr("Guardian's phone"), member.guardian_phone_masked))
        tier = {PlanTier.STANDARD: self.tr("Standard"), PlanTier.PLUS: self.tr("PLUS")}
        if eligibility.coverage is not None:
            coverage = eligibility.coverage
            rows.append((self.tr("Plan"), tier[coverage.plan_tier]))
            rows.append((self.tr("Policy"), coverage.policy_number))
            period = f"{coverage.period_start.isoformat()} – {coverage.period_end.isoformat()}"
            if "period" in flagged:
                marked.add(len(rows))
            rows.append((self.tr("Policy period"), period))
        appointment = self._appointment_text()
        if appointment is not None:
            if "appointment" in flagged:
                marked.add(len(rows))
            rows.append((self.tr("Appointment today"), appointment))
        if refused:
            if "card" in flagged:
                marked.add(len(rows))
            rows.append((self.tr("Card"), self._card_state(eligibility)))
            if eligibility.status is not CardStatus.NOT_FOUND:
                if "network" in flagged:
                    marked.add(len(rows))
                plan = tier[eligibility.coverage.plan_tier] if eligibility.coverage else ""
                rows.append(
                    (
                        self.tr("This clinic"),
                        self.tr("In the {plan} plan's network").format(plan=plan)
                        if eligibility.in_network
                        else self.tr("Not in the {plan} plan's network").format(plan=plan),
                    )
                )
            self._show_details(rows, frozenset(marked))
            return
        if eligibility.free_visits_total:
            rows.append(
                (
                    self.tr("Fully-paid visits left"),
                    self.tr("{left} of {total}").format(
                        left=eligibility.free_visits_remaining, total=eligibility.free_visits_total
                    ),
                )
            )
        for balance in eligibility.balances:
            rows.append(
                (
                    self._benefit_name(balance.benefit),
                    self.tr("{remaining} left of {limit}").format(
                        remaining=format_yuan(balance.remaining_fen),
                        limit=format_yuan(balance.annual_limit_fen),
                    ),
                )
            )
        for preauth in eligibility.preauths:
            rows.append(
                (self.tr("Pre-authorisation"), self._preauth_text(preauth, checked_on(eligibility)))
            )
        self._show_details(rows)

    def _appointment_text(self) -> str | None:
        """The appointment the scan checked in; whether there is none only matters (and is
        only said) where the clinic direct-bills by appointment."""
        visit = self.session.visit
        arrival = visit.arrival
        if arrival is None or arrival.appointment is None:
            if arrival is not None and arrival.unconfirmed:
                return self.tr("Could not be confirmed with the insurer: the kiosk tries again")
            if visit.appointments_required:
                return self.tr("None booked for today")
            return None
        appointment = arrival.appointment
        what = self.tr("{time} · {service} · {department}").format(
            time=appointment.starts_at.astimezone(BUSINESS_TZ).strftime("%H:%M"),
            service=arrivals_text.name(appointment.service),
            department=appointment.department,
        )
        checked_in = appointment.checked_in_at
        if arrival.already_checked_in and checked_in is not None:
            return self.tr("{what}: already checked in at {time}").format(
                what=what, time=checked_in.astimezone(BUSINESS_TZ).strftime("%H:%M")
            )
        return self.tr("{what}: checked in now").format(what=what)

    def _card_state(self, eligibility: Eligibility) -> str:
        unpaid = eligibility.unpaid
        if eligibility.status is CardStatus.GREYED_UNPAID and unpaid is not None:
            return self.tr("On hold (置灰): {amount} unpaid, claim {ref}").format(
                amount=format_yuan(unpaid.amount_fen), ref=unpaid.claim_ref
            )
        return {
            CardStatus.ACTIVE: self.tr("Active"),
            CardStatus.GREYED_UNPAID: self.tr("On hold (置灰): an amount is unpaid"),
            CardStatus.EXPIRED: self.tr("Expired"),
            CardStatus.NOT_YET_IN_FORCE: self.tr("Not in force yet"),
            CardStatus.NOT_FOUND: self.tr("Not known to the insurer"),
        }[eligibility.status]

    def _preauth_text(self, preauth: PreAuth, today: date) -> str:
        """One pre-auth as reception needs it: what, its state, and for an approval what is
        left of it (amount, dates, uses) and its auth number, read on the day of the check."""
        item = self.session.catalogue.get(preauth.item_code)
        name = item.name(self.session.language) if item is not None else preauth.description
        what = f"{name} ({preauth.item_code})"
        if preauth.emergency:
            what += " · " + self.tr("emergency")
        grant = preauth.grant
        if preauth.status is PreAuthStatus.APPROVED and grant is not None:
            if grant.uses_left == 0 or grant.amount_left_fen == 0:
                return self.tr(
                    "{what}: approved, used up ({allowed} of {allowed} uses taken) · auth {auth}"
                ).format(what=what, allowed=grant.uses_allowed, auth=grant.auth_number)
            if today > grant.valid_until:
                return self.tr("{what}: approved, expired on {end} · auth {auth}").format(
                    what=what, end=grant.valid_until.isoformat(), auth=grant.auth_number
                )
            if today < grant.valid_from:
                state = self.tr("approved, from {date}").format(date=grant.valid_from.isoformat())
            else:
                state = self.tr("approved")
            return self.tr(
                "{what}: {state}\n{auth} · {left} left of {approved} · valid {start} – "
                "{end} · {uses} of {allowed} uses left"
            ).format(
                what=what,
                state=state,
                auth=grant.auth_number,
                left=format_yuan(grant.amount_left_fen),
                approved=format_yuan(grant.approved_fen),
                start=grant.valid_from.isoformat(),
                end=grant.valid_until.isoformat(),
                uses=grant.uses_left,
                allowed=grant.uses_allowed,
            )
        state = {
            PreAuthStatus.PENDING: self.tr("pending the insurer's decision"),
            PreAuthStatus.INFO_REQUESTED: self.tr("the insurer needs more information"),
            PreAuthStatus.APPROVED: self.tr("approved"),
            PreAuthStatus.DENIED: self.tr("denied"),
        }[preauth.status]
        text = self.tr("{what} for {date}: {state}").format(
            what=what, date=preauth.planned_date.isoformat(), state=state
        )
        if preauth.decision_note:
            text += "\n" + self.tr("The insurer: {note}").format(note=preauth.decision_note)
        return text

    def _benefit_name(self, benefit: str) -> str:
        names = {
            "outpatient_emergency": self.tr("Outpatient and emergency"),
            "general_medical": self.tr("General medical"),
            "critical_illness_medical": self.tr("Critical-illness medical"),
        }
        return names.get(benefit, benefit)

    @staticmethod
    def _approved(eligibility: Eligibility) -> list[str]:
        """The approvals whose guarantee letter is worth printing: those that can still pay."""
        spent = {p.preauth_id for p in spent_approvals(eligibility)}
        return [
            p.preauth_id
            for p in eligibility.preauths
            if p.status is PreAuthStatus.APPROVED
            and p.grant is not None
            and p.preauth_id not in spent
        ]

    # --- intent ----------------------------------------------------------------------------------

    def print_letters(self) -> None:
        """Fetch the approvals' guarantee letters (担保函) from the insurer and open them."""
        eligibility = self.session.visit.eligibility
        if eligibility is None:
            return
        ids = self._approved(eligibility)
        folder = self.session.documents_dir / "letters"
        text = letter_text()
        visit_id = self.session.visit.visit_id
        self.letter_button.setEnabled(False)
        self._letter_note(self.tr("Asking the insurer for the guarantee letter…"), "")
        Task.with_insurer(lambda insurer: fetch_letters(insurer, ids, folder, text)).success(
            lambda paths: self._letters_ready(visit_id, paths)
        ).failure(lambda error: self._letters_failed(visit_id, error)).run()

    def _letters_ready(self, visit_id: str, paths: list[Path]) -> None:
        if self.session.visit.visit_id != visit_id:
            return
        self.letter_button.setEnabled(True)
        self._letter_note(
            self.tr("Guarantee letter opened for printing: {files}").format(
                files=", ".join(p.name for p in paths)
            ),
            "",
        )
        for path in paths:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.letters_saved.emit([str(p) for p in paths])

    def _letters_failed(self, visit_id: str, error: BaseException) -> None:
        if self.session.visit.visit_id != visit_id:
            return
        self.letter_button.setEnabled(True)
        self._letter_note(insurer_problem(error), "error")

    def _letter_note(self, text: str, tone: str) -> None:
        self.letter_state.setText(text)
        set_tone(self.letter_state, tone)
        self.letter_state.show()

    def print_unpaid_note(self) -> None:
        """Print the greyed card's note (amount, claim, how to pay, hotline) and open it."""
        eligibility = self.session.visit.eligibility
        if eligibility is None or eligibility.unpaid is None:
            return
        member, coverage = eligibility.member, eligibility.coverage
        facts = UnpaidFacts(
            child_masked=member.name_masked if member is not None else "",
            policy_masked=mask_policy(coverage.policy_number) if coverage is not None else "",
            amount_fen=eligibility.unpaid.amount_fen,
            claim_ref=eligibility.unpaid.claim_ref,
        )
        text = unpaid_note_text()
        session = self.session
        clinic, insurer, language = session.clinic, session.insurer, session.language
        path = session.documents_dir / "notes" / f"card-on-hold-{facts.claim_ref or 'unpaid'}.pdf"
        visit_id = session.visit.visit_id

        def render() -> Path:
            path.parent.mkdir(parents=True, exist_ok=True)
            render_unpaid_note(
                path,
                facts,
                text,
                clinic=clinic,
                insurer=insurer,
                language=language,
                printed_at=datetime.now(BUSINESS_TZ),
            )
            return path

        self.note_button.setEnabled(False)
        Task(render).success(lambda saved: self._note_ready(visit_id, saved)).failure(
            lambda _error: self._note_failed(visit_id)
        ).run()

    def _note_ready(self, visit_id: str, path: Path) -> None:
        if self.session.visit.visit_id != visit_id:
            return
        self.note_button.setEnabled(True)
        self._letter_note(self.tr("Note opened for printing: {file}").format(file=path.name), "")
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.note_saved.emit(str(path))

    def _note_failed(self, visit_id: str) -> None:
        if self.session.visit.visit_id != visit_id:
            return
        self.note_button.setEnabled(True)
        self._letter_note(self.tr("The note could not be written. Try again."), "error")

    def _back(self) -> None:
        self.session.visit.clear()

    def _start_self_pay(self) -> None:
        self.session.visit.start_self_pay()

    def _start_bill(self) -> None:
        self.session.visit.start_bill()
