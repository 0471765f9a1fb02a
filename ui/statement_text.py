"""The words a family reads before signing and finds again on its statement, written once.

The consent sentence, each line's reason and the plan names are translatable here (context
"Statement"). The sign screen translates them with the desk's translator, the statement PDF with
the translator of the family's language; the consent the parent read is stored with the signature
and printed verbatim, so what the parent signs and what the parent keeps are the same words.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.insurer.models import PlanTier, Reason
from kiosk.money import format_yuan
from ui.i18n import I18N_DIR, QT_TRANSLATE_NOOP

CONTEXT = "Statement"


Translate = Callable[[str], str]
"""Translates a source text of this module's context into one language."""

REASONS = {
    Reason.COVERED: QT_TRANSLATE_NOOP("Statement", "Covered by the plan"),
    Reason.NOT_COVERED: QT_TRANSLATE_NOOP("Statement", "Not covered by the plan"),
    Reason.LIMIT_EXHAUSTED: QT_TRANSLATE_NOOP("Statement", "The plan's annual limit is used up"),
    Reason.COPAY_AFTER_FREE_VISITS: QT_TRANSLATE_NOOP(
        "Statement", "Your share: the fully-paid visits are used up"
    ),
    Reason.PREAUTH_REQUIRED: QT_TRANSLATE_NOOP(
        "Statement", "Needs pre-authorisation first: not paid by the plan today"
    ),
    Reason.PREAUTH_APPROVED: QT_TRANSLATE_NOOP("Statement", "Covered: pre-authorised"),
    Reason.PREAUTH_USED: QT_TRANSLATE_NOOP(
        "Statement", "The pre-authorisation is already used: not paid by the plan"
    ),
    Reason.PREAUTH_OUTSIDE_VALIDITY: QT_TRANSLATE_NOOP(
        "Statement", "Outside the pre-authorisation's dates: not paid by the plan"
    ),
    Reason.PREAUTH_AMOUNT_EXCEEDED: QT_TRANSLATE_NOOP(
        "Statement", "Above the pre-authorised amount: your share"
    ),
    Reason.OUT_OF_NETWORK: QT_TRANSLATE_NOOP("Statement", "This clinic is not in your network"),
    Reason.GUARANTEE_PENDING: QT_TRANSLATE_NOOP(
        "Statement", "Phone guarantee: the insurer confirms its share later"
    ),
    Reason.SELF_PAY: QT_TRANSLATE_NOOP(
        "Statement", "Self-pay today: this card cannot be direct-billed today"
    ),
}

PLANS = {
    PlanTier.STANDARD: QT_TRANSLATE_NOOP("Statement", "Standard"),
    PlanTier.PLUS: QT_TRANSLATE_NOOP("Statement", "PLUS"),
}

CONSENT_WITH_SHARE = QT_TRANSLATE_NOOP(
    "Statement",
    "By signing I confirm that {child} received the items above at {clinic} on {date}, and I ask "
    "{clinic} to apply to the insurer for direct billing of {covered}. I pay {patient} myself.",
)
CONSENT_FULLY_COVERED = QT_TRANSLATE_NOOP(
    "Statement",
    "By signing I confirm that {child} received the items above at {clinic} on {date}, and I ask "
    "{clinic} to apply to the insurer for direct billing of {covered}. I pay nothing today.",
)


CONSENT_PHONE_GUARANTEE = QT_TRANSLATE_NOOP(
    "Statement",
    "By signing I confirm that {child} received the items above at {clinic} on {date}, and I ask "
    "{clinic} to apply to the insurer for direct billing of {covered} under its phone guarantee "
    "{reference}. The insurer confirms its share later: any amount it does not cover, I pay to "
    "{clinic}.",
)


def app_translate(source: str) -> str:
    """The desk's current language (the application's installed translator)."""
    return QCoreApplication.translate(CONTEXT, source)


def compiled_translator(language: str) -> QTranslator | None:
    """The compiled translations of `language` from resources/i18n, if they were built."""
    translator = QTranslator()
    if translator.load(str(I18N_DIR / f"kiosk_{language}.qm")):
        return translator
    return None


def translate_for(language: str) -> Translate:
    """A translator into `language` whatever the desk shows (reprints stay in the family's
    language); the desk's translations when the compiled ones are missing."""
    translator = compiled_translator(language)
    if translator is None:
        return app_translate

    def translate(source: str) -> str:
        return translator.translate(CONTEXT, source) or source

    return translate


def reason_text(translate: Translate, reason: Reason) -> str:
    return translate(REASONS[reason])


def plan_text(translate: Translate, plan: PlanTier | None) -> str:
    return translate(PLANS[plan]) if plan is not None else "—"


def consent_text(
    translate: Translate,
    *,
    child: str,
    clinic: str,
    service_date: date,
    covered_fen: int,
    patient_fen: int,
    guarantee: str | None = None,
) -> str:
    """The sentence the parent signs under; `clinic` is the clinic's name in the same language;
    `guarantee` the reference of the phone guarantee the visit goes on under, if any."""
    if guarantee is not None:
        return translate(CONSENT_PHONE_GUARANTEE).format(
            child=child,
            clinic=clinic,
            date=service_date.isoformat(),
            covered=format_yuan(covered_fen),
            reference=guarantee,
        )
    source = CONSENT_WITH_SHARE if patient_fen > 0 else CONSENT_FULLY_COVERED
    return translate(source).format(
        child=child,
        clinic=clinic,
        date=service_date.isoformat(),
        covered=format_yuan(covered_fen),
        patient=format_yuan(patient_fen),
    )
