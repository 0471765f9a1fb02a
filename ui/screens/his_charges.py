"""Reviewing the HIS's charges for the child on screen before they go on the bill.

Every charge is listed, the ones that cannot be billed too (an unmapped HIS code is shown, never
dropped); a HIS price that is not the catalogue's is said, with the price the bill will use; and
messages held back because their patient is not the card's child are counted with the reason.
Reception ticks what goes on the bill; nothing is added until they press the button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.business_day import business_day
from kiosk.his.mapping import ChargeProblem, MappedCharge
from kiosk.his.matching import Mismatch
from kiosk.his.offer import HisOffer
from kiosk.money import format_yuan
from ui.i18n import FollowsLanguage
from ui.tone import set_tone
from ui.widgets.button_row import button_row


class HisChargesDialog(FollowsLanguage, QDialog):
    """One dialog per review, deleted when it closes; `chosen` carries the ticked charges."""

    chosen = Signal(list)

    def __init__(self, offer: HisOffer, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hisChargesDialog")
        self.setModal(True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.offer = offer
        self._language = language
        self.heading = QLabel(objectName="screenTitle", wordWrap=True)
        self.boxes: list[tuple[QCheckBox, QLabel, MappedCharge]] = []
        rows = QWidget()
        rows_layout = QVBoxLayout(rows)
        rows_layout.setSpacing(4)
        for charge in offer.charges:
            box = QCheckBox()
            box.setObjectName("hisCharge")
            box.setChecked(charge.ticked)
            box.setEnabled(charge.billable)
            box.toggled.connect(self._update_button)
            note = QLabel(objectName="hint", wordWrap=True)
            note.setContentsMargins(32, 0, 0, 8)
            rows_layout.addWidget(box)
            rows_layout.addWidget(note)
            self.boxes.append((box, note, charge))
        rows_layout.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(rows)
        self.held_back = QLabel(objectName="hisHeldBack", wordWrap=True)
        self.held_back.setVisible(bool(offer.held_back))
        set_tone(self.held_back, "warning")
        self.cancel_button = QPushButton(objectName="secondary")
        self.cancel_button.clicked.connect(self.reject)
        self.add_button = QPushButton(objectName="primary")
        self.add_button.clicked.connect(self._add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.held_back)
        layout.addLayout(button_row([self.cancel_button], [self.add_button]))
        self.resize(880, 660)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Charges from the HIS"))
        self.heading.setText(
            self.tr("Charges from the HIS for this child: tick what goes on the bill")
        )
        for box, note, charge in self.boxes:
            his = charge.charge
            box.setText(
                self.tr("{order} · {name} × {quantity} · HIS {price}").format(
                    order=his.order_no,
                    name=his.description or his.his_code,
                    quantity=his.quantity,
                    price=format_yuan(his.total_fen),
                )
            )
            note.setText(self._note(charge))
            set_tone(note, "warning" if charge.problems else None)
        self.held_back.setText(self._held_back_text())
        self.cancel_button.setText(self.tr("Cancel"))
        self._update_button()

    def _note(self, charge: MappedCharge) -> str:
        item, his = charge.item, charge.charge
        if ChargeProblem.UNMAPPED in charge.problems:
            return self.tr(
                "HIS code {code} is not in the catalogue or the clinic's mapping table: it "
                "cannot be billed from here. Add the item from the catalogue by hand."
            ).format(code=his.his_code)
        if item is None:
            return self.tr(
                "HIS code {code} is mapped to a catalogue item the catalogue does not have: "
                "add the item by hand, and ask IT to fix the mapping table."
            ).format(code=his.his_code)
        note = self.tr("Bills as {code} {name} at {price}").format(
            code=item.code, name=item.name(self._language), price=format_yuan(item.unit_price_fen)
        )
        if ChargeProblem.PRICE_DIFFERS in charge.problems:
            note += self.tr(
                " — the HIS's price is {his} each: the bill uses the catalogue's price."
            ).format(his=format_yuan(his.unit_price_fen))
        if ChargeProblem.NOT_TODAY in charge.problems and his.charged_at is not None:
            note += "\n" + self.tr(
                "The HIS charged it on {day}, not today: tick it only if it belongs to this visit."
            ).format(day=business_day(his.charged_at).isoformat())
        return note

    def _held_back_text(self) -> str:
        if not self.offer.held_back:
            return ""
        charges = sum(h.charges for h in self.offer.held_back)
        reasons = sorted({m for h in self.offer.held_back for m in h.mismatches})
        why = self.tr(", ").join(self._mismatch_text(m) for m in reasons)
        return self.tr(
            "%n more charge(s) for this policy are not offered: the HIS's patient is not the "
            "child on this card ({why}). Check the patient in the HIS, or bill by hand.",
            "",
            charges,
        ).format(why=why)

    def _mismatch_text(self, mismatch: Mismatch) -> str:
        return {
            Mismatch.POLICY: self.tr("policy number"),
            Mismatch.MEMBER: self.tr("member number"),
            Mismatch.NAME: self.tr("name"),
            Mismatch.BIRTH_YEAR: self.tr("year of birth"),
            Mismatch.AMBIGUOUS: self.tr(
                "another HIS patient on this policy, and the HIS sent no member number"
            ),
        }[mismatch]

    def ticked(self) -> list[MappedCharge]:
        return [charge for box, _note, charge in self.boxes if box.isChecked()]

    def _update_button(self) -> None:
        count = len(self.ticked())
        self.add_button.setText(self.tr("Add %n charge(s) to the bill", "", count))
        self.add_button.setEnabled(count > 0)

    def _add(self) -> None:
        self.chosen.emit(self.ticked())
        self.accept()
