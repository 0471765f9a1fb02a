"""Eligibility: a one-glance answer (green, amber, red), then the plan and member details."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.insurer.models import Eligibility, PlanTier, PreAuthStatus
from kiosk.money import format_yuan
from kiosk.visit import Caution, Verdict, assess
from ui.i18n import FollowsLanguage
from ui.session import KioskSession
from ui.tone import restyle
from ui.widgets.button_row import button_row


class EligibilityScreen(FollowsLanguage, QWidget):
    """Shows the insurer's answer for the card just checked; nothing here changes the insurer."""

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
        self.bill_button = QPushButton(objectName="primary")
        self.bill_button.clicked.connect(self._start_bill)
        buttons = button_row([self.back_button], [self.bill_button])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(self.card)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("New scan"))
        self.bill_button.setText(self.tr("Start the bill"))
        if self.session.visit.eligibility is not None:
            self.show_eligibility(self.session.visit.eligibility)

    # --- rendering -------------------------------------------------------------------------------

    def show_eligibility(self, eligibility: Eligibility) -> None:
        assessment = assess(eligibility)
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
        self.bill_button.setEnabled(eligibility.direct_billing)
        self.bill_button.setVisible(eligibility.direct_billing)
        self._render_details(eligibility)

    def _caution(self, caution: Caution, eligibility: Eligibility) -> str:
        if caution is Caution.GREYED_UNPAID and eligibility.unpaid is not None:
            return self.tr(
                "Card on hold: {amount} the family owes from an earlier visit is unpaid (claim "
                "{ref}). The family pays it in the e-card's visit records; direct billing resumes "
                "once it is paid. Today's visit is self-pay."
            ).format(
                amount=format_yuan(eligibility.unpaid.amount_fen),
                ref=eligibility.unpaid.claim_ref,
            )
        return {
            Caution.FREE_VISITS_USED_UP: self.tr(
                "All fully-paid visits are used: the family pays its share of today's visit."
            ),
            Caution.PREAUTH_PENDING: self.tr(
                "A pre-authorisation is still pending: its item cannot be direct-billed yet."
            ),
            Caution.PREAUTH_DENIED: self.tr(
                "A pre-authorisation was denied: its item is not direct-billable."
            ),
            Caution.BENEFIT_EXHAUSTED: self.tr(
                "A benefit limit is used up: items under it are paid by the family."
            ),
            Caution.GREYED_UNPAID: self.tr(
                "Card on hold: an amount the family owes from an earlier visit is unpaid. Today's "
                "visit is self-pay."
            ),
            Caution.EXPIRED: self.tr(
                "The policy period has ended: today's visit is self-pay. The family can ask the "
                "insurer about renewing."
            ),
            Caution.NOT_YET_IN_FORCE: self.tr(
                "The policy is not in force yet: today's visit is self-pay. Direct billing starts "
                "on the policy's first day."
            ),
            Caution.NOT_IN_NETWORK: self.tr(
                "This clinic is not in this plan's network: no direct billing here, and today's "
                "visit is self-pay."
            ),
            Caution.NOT_FOUND: self.tr(
                "The insurer has no member for this card. Check the details, or treat the visit "
                "as self-pay."
            ),
            Caution.NOT_DIRECT_BILLABLE: self.tr(
                "The insurer does not allow direct billing for this card today."
            ),
        }[caution]

    def forget(self) -> None:
        """Nothing of the last family stays on this (hidden) screen."""
        self.headline.clear()
        self.reasons.clear()
        self._show_details([])

    def _show_details(self, rows: list[tuple[str, str]]) -> None:
        """Fill the first rows of labels, growing the set only when a card needs more, and hide
        and empty the rest: the labels live as long as the screen, not one per card checked."""
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
        self.grid.setRowStretch(self._stretch_row, 0)
        self._stretch_row = len(rows)
        self.grid.setRowStretch(self._stretch_row, 1)

    def _render_details(self, eligibility: Eligibility) -> None:
        rows: list[tuple[str, str]] = []
        if eligibility.member is not None:
            member = eligibility.member
            rows.append((self.tr("Member"), f"{member.name_masked} · {member.birth_year}"))
            rows.append((self.tr("Guardian's phone"), member.guardian_phone_masked))
        if eligibility.coverage is not None:
            coverage = eligibility.coverage
            tier = {PlanTier.STANDARD: self.tr("Standard"), PlanTier.PLUS: self.tr("PLUS")}
            rows.append((self.tr("Plan"), tier[coverage.plan_tier]))
            rows.append((self.tr("Policy"), coverage.policy_number))
            period = f"{coverage.period_start.isoformat()} – {coverage.period_end.isoformat()}"
            rows.append((self.tr("Policy period"), period))
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
        states = {
            PreAuthStatus.PENDING: self.tr("pending"),
            PreAuthStatus.INFO_REQUESTED: self.tr("the insurer needs more information"),
            PreAuthStatus.APPROVED: self.tr("approved"),
            PreAuthStatus.DENIED: self.tr("denied"),
        }
        for preauth in eligibility.preauths:
            rows.append(
                (
                    self.tr("Pre-authorisation"),
                    self.tr("{description} ({code}) on {date}: {state}").format(
                        description=preauth.description,
                        code=preauth.item_code,
                        date=preauth.planned_date.isoformat(),
                        state=states[preauth.status],
                    ),
                )
            )
        self._show_details(rows)

    def _benefit_name(self, benefit: str) -> str:
        names = {
            "outpatient_emergency": self.tr("Outpatient and emergency"),
            "general_medical": self.tr("General medical"),
            "critical_illness_medical": self.tr("Critical-illness medical"),
        }
        return names.get(benefit, benefit)

    # --- intent ----------------------------------------------------------------------------------

    def _back(self) -> None:
        self.session.visit.clear()

    def _start_bill(self) -> None:
        self.session.visit.start_bill()
