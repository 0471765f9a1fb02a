"""The manager's Exports tab: the chosen day's claims or a range of days as CSV or XLSX, and the
PDF day report, written where finance wants them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def _export_panel(title: QLabel, *groups: Sequence[QWidget]) -> QFrame:
    """A panel of the tab: its title over one row of controls kept to the left, in groups (the
    days, then the formats) set 16 px apart."""
    box = QFrame()
    box.setObjectName("panel")
    layout = QVBoxLayout(box)
    row = QHBoxLayout()
    for index, group in enumerate(groups):
        if index:
            row.addSpacing(16)
        for widget in group:
            row.addWidget(widget)
    row.addStretch(1)
    layout.addWidget(title)
    layout.addLayout(row)
    return box


class ExportsTab(QWidget):
    """Files for finance: the day's claims, a range of days, and the PDF day report."""

    export = Signal(str, object, object)
    """Format ("csv", "xlsx" or "pdf"), first day, last day (None: the chosen day)."""
    choose_folder = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day_title = QLabel(objectName="panelTitle")
        self.day_csv = QPushButton(objectName="secondary")
        self.day_xlsx = QPushButton(objectName="secondary")
        self.day_pdf = QPushButton(objectName="primary")
        self.day_csv.clicked.connect(lambda: self.export.emit("csv", None, None))
        self.day_xlsx.clicked.connect(lambda: self.export.emit("xlsx", None, None))
        self.day_pdf.clicked.connect(lambda: self.export.emit("pdf", None, None))
        self.range_title = QLabel(objectName="panelTitle")
        self.first = QDateEdit(objectName="rangeFirst", calendarPopup=True)
        self.last = QDateEdit(objectName="rangeLast", calendarPopup=True)
        for edit in (self.first, self.last):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.range_from = QLabel(objectName="rowName")
        self.range_to = QLabel(objectName="rowName")
        self.range_csv = QPushButton(objectName="secondary")
        self.range_xlsx = QPushButton(objectName="secondary")
        self.range_csv.clicked.connect(lambda: self._range("csv"))
        self.range_xlsx.clicked.connect(lambda: self._range("xlsx"))
        self.folder_title = QLabel(objectName="panelTitle")
        self.folder = QLabel(objectName="detailText", wordWrap=True)
        self.folder_button = QPushButton(objectName="secondary")
        self.folder_button.clicked.connect(self.choose_folder)
        self.result = QLabel(objectName="status", wordWrap=True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        day_box = _export_panel(self.day_title, (self.day_csv, self.day_xlsx, self.day_pdf))
        range_box = _export_panel(
            self.range_title,
            (self.range_from, self.first, self.range_to, self.last),
            (self.range_csv, self.range_xlsx),
        )
        folder_box = QFrame()
        folder_box.setObjectName("panel")
        folder_layout = QHBoxLayout(folder_box)
        folder_text = QVBoxLayout()
        folder_text.addWidget(self.folder_title)
        folder_text.addWidget(self.folder)
        folder_layout.addLayout(folder_text, 1)
        folder_layout.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(day_box)
        layout.addWidget(range_box)
        layout.addWidget(folder_box)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.chosen_day: date | None = None
        self.saved: Path | None = None
        self.saved_also: tuple[Path, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        day = self.chosen_day.isoformat() if self.chosen_day else ""
        self.day_title.setText(self.tr("The claims of %1").replace("%1", day))
        self.day_csv.setText(self.tr("CSV"))
        self.day_xlsx.setText(self.tr("Excel (XLSX)"))
        self.day_pdf.setText(self.tr("PDF day report"))
        self.range_title.setText(self.tr("The claims of a range of days"))
        self.range_from.setText(self.tr("From"))
        self.range_to.setText(self.tr("to"))
        self.range_csv.setText(self.tr("CSV"))
        self.range_xlsx.setText(self.tr("Excel (XLSX)"))
        self.folder_title.setText(self.tr("Saved in"))
        self.folder_button.setText(self.tr("Change folder…"))
        if self.saved is not None:
            self.show_saved(self.saved, self.saved_also)

    def show_saved(self, path: Path, also: tuple[Path, ...] = ()) -> None:
        """`also`: the files written beside a CSV of claims (the receivables, the close-out)."""
        self.saved, self.saved_also = path, also
        if not also:
            self.result.setText(self.tr("Saved %1").replace("%1", str(path)))
        else:
            self.result.setText(
                self.tr("Saved %1, and beside it %2")
                .replace("%1", str(path))
                .replace("%2", ", ".join(companion.name for companion in also))
            )

    def show_day(self, day: date) -> None:
        self.chosen_day = day
        if not self.first.property("touched"):
            self.first.setDate(QDate(day.year, day.month, 1))
            self.last.setDate(QDate(day.year, day.month, day.day))
        self.retranslate()

    def _range(self, export_format: str) -> None:
        self.first.setProperty("touched", True)
        first, last = self.first.date().toPython(), self.last.date().toPython()
        if last < first:
            self.result.setText(self.tr("The range ends before it starts."))
            return
        self.export.emit(export_format, first, last)
