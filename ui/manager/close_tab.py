"""The manager's "Close the day" tab: for the chosen day, what the desk took by method (per the
journal) against what the manager counted (the drawer's cash, each terminal's own day report),
the variance as it is typed (red when not zero), the note a variance needs, and "Close the day"
with a confirmation. Once closed, the figures stand read-only with who closed the day and when,
and the changes recorded after the close are listed beside them.

The tab only asks: the screen closes the day through `kiosk.close_out` on a worker and tells the
tab what came of it. `CloseOutSummary` is the same close-out, read-only and compact, on the Day
tab.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.business_day import BUSINESS_TZ
from kiosk.close_out import NOTE_MAX, ChangeAfterClose, CloseOut, DayClose
from kiosk.journal import PaymentMethod
from kiosk.money import AmountError, format_yuan, parse_yuan
from ui.manager_text import name
from ui.tone import set_tone

METHODS = tuple(PaymentMethod)
CHANGE_COLUMNS = 6


def _moment(closed: DayClose) -> str:
    return closed.closed_at.astimezone(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M")


def _signed(fen: int) -> str:
    """A variance as the manager reads it: "+¥5.00" over, "-¥20.00" short, "¥0.00" even."""
    return ("+" if fen > 0 else "") + format_yuan(fen)


def _what(change: ChangeAfterClose) -> str:
    """The change's kind, with the method for money taken or given back."""
    if change.method is None:
        return name(change.kind)
    return f"{name(change.kind)} · {name(change.method)}"


class ChangesTable(QTableWidget):
    """The changes recorded after a close: when, what, which statement, how much, who, why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, CHANGE_COLUMNS, parent)
        self.setObjectName("changesAfterClose")
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # why, last, takes what is left and ends in an ellipsis (the whole of it in its tooltip)
        header.setSectionResizeMode(CHANGE_COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.changes: tuple[ChangeAfterClose, ...] = ()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Change"),
                self.tr("Statement no."),
                self.tr("Amount"),
                self.tr("By"),
                self.tr("Why"),
            ]
        )
        self.show_changes(self.changes)

    def show_changes(self, changes: tuple[ChangeAfterClose, ...]) -> None:
        self.changes = changes
        self.setRowCount(len(changes))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, change in enumerate(changes):
            cells = [
                (change.at.astimezone(BUSINESS_TZ).strftime("%m-%d %H:%M"), None),
                (_what(change), None),
                (change.statement_no or "—", None),
                (format_yuan(change.amount_fen), right),
                (change.by, None),
                (change.reason or "", None),
            ]
            for column, (text, align) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if align is not None:
                    item.setTextAlignment(align)
                self.setItem(row, column, item)


class CloseTab(QWidget):
    """Count, compare and close the chosen day; once closed, the close-out and what changed
    since."""

    close_day = Signal(object, object, str)
    """What was counted and what was taken as shown (each a `PaymentMethod` → fen mapping), and
    the note: the manager confirmed "Close the day"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.close_out: CloseOut | None = None
        self.may_close = False
        """The chosen day has come (a day to come cannot be closed)."""
        self.busy = False
        self.asking = False
        """The confirmation is shown."""
        self.title = QLabel(objectName="panelTitle")
        self.state = QLabel(objectName="hint", wordWrap=True)
        self.headers = [QLabel(objectName="rowName") for _ in range(4)]
        self.method_names: dict[PaymentMethod, QLabel] = {}
        self.taken: dict[PaymentMethod, QLabel] = {}
        self.counted: dict[PaymentMethod, QLineEdit] = {}
        self.variance: dict[PaymentMethod, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        for column, header in enumerate(self.headers):
            if column:
                header.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(header, 0, column)
        for row, method in enumerate(METHODS, start=1):
            self.method_names[method] = QLabel(objectName="rowName")
            self.taken[method] = QLabel("—", objectName="rowValue")
            self.counted[method] = QLineEdit(objectName="countedAmount")
            self.counted[method].setAlignment(Qt.AlignmentFlag.AlignRight)
            self.counted[method].setMaximumWidth(130)
            self.counted[method].textChanged.connect(self._typed)
            self.variance[method] = QLabel("—", objectName="rowValue")
            for label in (self.taken[method], self.variance[method]):
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(self.method_names[method], row, 0)
            grid.addWidget(self.taken[method], row, 1)
            grid.addWidget(self.counted[method], row, 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(self.variance[method], row, 3)
        total_row = len(METHODS) + 1
        self.total_name = QLabel(objectName="panelTitle")
        self.total_taken = QLabel("—", objectName="rowValue")
        self.total_counted = QLabel("—", objectName="rowValue")
        self.total_variance = QLabel("—", objectName="rowValue")
        grid.addWidget(self.total_name, total_row, 0)
        for column, label in enumerate(
            (self.total_taken, self.total_counted, self.total_variance), start=1
        ):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, total_row, column)
        grid.setColumnStretch(0, 1)
        self.note_label = QLabel(objectName="panelTitle")
        self.note = QLineEdit(objectName="closeNote")
        self.note.setMaxLength(NOTE_MAX)
        self.note.textChanged.connect(self._typed)
        self.problem = QLabel(objectName="hint", wordWrap=True)
        self.close_button = QPushButton(objectName="primary")
        self.close_button.clicked.connect(self._ask)
        self.confirm = QFrame()
        self.confirm.setObjectName("closeConfirm")
        self.question = QLabel(objectName="detailText", wordWrap=True)
        self.confirm_button = QPushButton(objectName="primary")
        self.confirm_button.clicked.connect(self._confirmed)
        self.keep_button = QPushButton(objectName="secondary")
        self.keep_button.clicked.connect(self._keep)
        confirm = QVBoxLayout(self.confirm)
        confirm.setContentsMargins(0, 4, 0, 0)
        confirm.addWidget(self.question)
        answers = QHBoxLayout()
        answers.addWidget(self.confirm_button, 1)
        answers.addWidget(self.keep_button)
        confirm.addLayout(answers)
        self.message = QLabel(objectName="status", wordWrap=True)

        count_box = QFrame()
        count_box.setObjectName("panel")
        count_box.setFixedWidth(520)
        count = QVBoxLayout(count_box)
        count.setContentsMargins(16, 12, 16, 12)
        count.setSpacing(8)
        count.addWidget(self.title)
        count.addWidget(self.state)
        count.addLayout(grid)
        note = QHBoxLayout()
        note.addWidget(self.note_label)
        note.addWidget(self.note, 1)
        count.addLayout(note)
        count.addWidget(self.problem)
        count.addWidget(self.close_button)
        count.addWidget(self.confirm)
        count.addWidget(self.message)
        count.addStretch(1)

        self.changes_title = QLabel(objectName="panelTitle")
        self.changes_hint = QLabel(objectName="hint", wordWrap=True)
        self.changes = ChangesTable()
        changes_box = QFrame()
        changes_box.setObjectName("panel")
        changes = QVBoxLayout(changes_box)
        changes.setContentsMargins(16, 12, 16, 12)
        changes.addWidget(self.changes_title)
        changes.addWidget(self.changes_hint)
        changes.addWidget(self.changes, 1)
        changes.addStretch(0)  # the title and its hint stay at the top while nothing is listed

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(count_box)
        layout.addWidget(changes_box, 1)
        self.retranslate()
        self._render()

    def retranslate(self) -> None:
        for header, text in zip(
            self.headers,
            (
                self.tr("Method"),
                self.tr("Taken at the desk"),
                self.tr("Counted"),
                self.tr("Variance"),
            ),
            strict=True,
        ):
            header.setText(text)
        for method in METHODS:
            self.method_names[method].setText(name(method))
            self.counted[method].setPlaceholderText("0.00")
        self.total_name.setText(self.tr("Total"))
        self.note_label.setText(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Why the amounts differ (required when they do)"))
        self.close_button.setText(self.tr("Close the day…"))
        self.confirm_button.setText(self.tr("Close the day now"))
        self.keep_button.setText(self.tr("Not yet"))
        self.changes_title.setText(self.tr("Changes after close"))
        self.changes.retranslate()
        self._render()

    # --- what the screen tells the tab

    def show_close_out(self, close_out: CloseOut, *, has_come: bool) -> None:
        """The chosen day's close-out as read now; what the manager typed for the same open day
        stays (a payment read again must not wipe the counts)."""
        if self.close_out is None or self.close_out.day != close_out.day or close_out.closed:
            for field in self.counted.values():
                field.blockSignals(True)
                field.clear()
                field.blockSignals(False)
            self.note.blockSignals(True)
            self.note.clear()
            self.note.blockSignals(False)
            self.message.clear()
            self.asking = False
        self.close_out = close_out
        self.may_close = has_come
        self.busy = False
        if close_out.closed is not None:
            for count in close_out.closed.counts:
                self.counted[count.method].setText(format_yuan(count.counted_fen))
            self.note.setText(close_out.closed.note or "")
        self._render()

    def closing(self) -> None:
        """The close was asked for: nothing to tap until it is answered."""
        self.busy = True
        self._render()

    def refused(self, text: str) -> None:
        """The day was not closed: say why; what was typed stays to correct it."""
        self.busy = False
        set_tone(self.message, "error")
        self.message.setText(text)
        self._render()

    # --- reading what is typed

    def counted_amounts(self) -> dict[PaymentMethod, int] | None:
        """What was counted per method (blank is nothing), or None while an amount is not one."""
        amounts = {}
        for method, field in self.counted.items():
            text = field.text().strip()
            try:
                amounts[method] = parse_yuan(text) if text else 0
            except AmountError:
                return None
        return amounts

    def _variances(self) -> dict[PaymentMethod, int] | None:
        counted, close_out = self.counted_amounts(), self.close_out
        if counted is None or close_out is None:
            return None
        return {method: counted[method] - close_out.taken.get(method, 0) for method in METHODS}

    def _typed(self) -> None:
        self.asking = False
        if self.message.property("tone") == "error":
            self.message.clear()
            set_tone(self.message, None)
        self._render()

    # --- showing it

    def _render(self) -> None:
        close_out = self.close_out
        closed = close_out.closed if close_out is not None else None
        day = close_out.day.isoformat() if close_out is not None else ""
        self.title.setText(self.tr("Close the day %1").replace("%1", day))
        if closed is not None:
            self.state.setText(
                self.tr("Closed by %1 at %2. Later changes need a manager and are listed here.")
                .replace("%1", closed.closed_by_name)
                .replace("%2", _moment(closed))
            )
        elif close_out is not None and not self.may_close:
            self.state.setText(self.tr("This day has not come yet."))
        else:
            self.state.setText(
                self.tr(
                    "Count the cash in the drawer and print each terminal's day report, then "
                    "enter what they show. Taken at the desk: recorded that day, refunds taken off."
                )
            )
        editable = closed is None and self.may_close and close_out is not None and not self.busy
        for field in (*self.counted.values(), self.note):
            field.setReadOnly(not editable)
        taken = close_out.taken if close_out is not None else {}
        variances = self._variances()
        for method in METHODS:
            self.taken[method].setText(format_yuan(taken.get(method, 0)) if close_out else "—")
            off = variances[method] if variances is not None else None
            self.variance[method].setText("—" if off is None else _signed(off))
            set_tone(self.variance[method], "alert" if off else None)
        counted = self.counted_amounts()
        self.total_taken.setText(format_yuan(sum(taken.values())) if close_out else "—")
        self.total_counted.setText(format_yuan(sum(counted.values())) if counted else "—")
        total = sum(variances.values()) if variances is not None else None
        self.total_variance.setText("—" if total is None else _signed(total))
        set_tone(self.total_variance, "alert" if total else None)
        self._render_problem(variances, closed)
        self.message.setVisible(bool(self.message.text()))
        note_needed = variances is not None and any(variances.values())
        self.confirm.setVisible(self.asking and closed is None)
        self.close_button.setVisible(closed is None and not self.asking)
        self.close_button.setEnabled(
            editable
            and variances is not None
            and (not note_needed or bool(self.note.text().strip()))
        )
        self.confirm_button.setEnabled(not self.busy)
        self._render_changes(close_out)

    def _render_problem(
        self, variances: dict[PaymentMethod, int] | None, closed: DayClose | None
    ) -> None:
        """Say what keeps the day from closing, when there is something to say."""
        text, tone = "", None
        if closed is None and self.close_out is not None and self.counted_amounts() is None:
            text, tone = self.tr("Enter amounts in yuan, such as 120 or 120.50."), "error"
        elif (
            closed is None
            and variances is not None
            and any(variances.values())
            and not self.note.text().strip()
        ):
            text = self.tr("The counts differ from what was taken: say why in the note.")
        self.problem.setText(text)
        set_tone(self.problem, tone)
        self.problem.setVisible(bool(text) and not self.asking)

    def _render_changes(self, close_out: CloseOut | None) -> None:
        closed = close_out is not None and close_out.closed is not None
        changes = close_out.changes if close_out is not None else ()
        if not closed:
            self.changes_hint.setText(
                self.tr("Once the day is closed, every change to it recorded later is listed here.")
            )
        elif not changes:
            self.changes_hint.setText(self.tr("Nothing was changed since the close."))
        else:
            self.changes_hint.setText(
                self.tr("Recorded after the close, by a manager; not in the figures on the left.")
            )
        self.changes.setVisible(bool(changes))
        self.changes.show_changes(changes)

    # --- closing

    def _ask(self) -> None:
        variances = self._variances()
        if variances is None or self.close_out is None:
            return
        total = sum(variances.values())
        self.question.setText(
            self.tr(
                "Close %1 with a variance of %2? The figures are kept as they are now and the day "
                "is locked: a later payment or refund for it needs a manager and is listed as a "
                "change after close."
            )
            .replace("%1", self.close_out.day.isoformat())
            .replace("%2", _signed(total))
        )
        self.message.clear()
        self.asking = True
        self._render()

    def _keep(self) -> None:
        self.asking = False
        self._render()

    def _confirmed(self) -> None:
        counted, close_out = self.counted_amounts(), self.close_out
        if counted is None or close_out is None or close_out.closed is not None:
            return
        self.asking = False
        self.closing()
        self.close_day.emit(counted, dict(close_out.taken), self.note.text())


class CloseOutSummary(QFrame):
    """The chosen day's close-out on the Day tab: not closed yet, or who closed it and when,
    taken, counted and variance by method, the note, and the changes after close."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.title = QLabel(objectName="panelTitle")
        self.state = QLabel(objectName="hint", wordWrap=True)
        self.row_names = [QLabel(objectName="rowName") for _ in range(3)]
        self.column_names: dict[object, QLabel] = {}
        self.cells: dict[tuple[int, object], QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(1)
        columns: list[object] = [*METHODS, "total"]
        for column, key in enumerate(columns, start=1):
            self.column_names[key] = QLabel(objectName="rowName")
            self.column_names[key].setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(self.column_names[key], 0, column)
        for row, label in enumerate(self.row_names, start=1):
            grid.addWidget(label, row, 0)
            for column, key in enumerate(columns, start=1):
                cell = QLabel("—", objectName="rowValue")
                cell.setAlignment(Qt.AlignmentFlag.AlignRight)
                self.cells[(row, key)] = cell
                grid.addWidget(cell, row, column)
        self.grid = QWidget()
        self.grid.setLayout(grid)
        self.note = QLabel(objectName="detailText", wordWrap=True)
        self.changes_title = QLabel(objectName="panelTitle")
        self.changes = ChangesTable()
        self.changes.setMaximumHeight(140)
        heading = QHBoxLayout()
        heading.setSpacing(16)
        heading.addWidget(self.title)
        heading.addWidget(self.state, 1)
        left = QVBoxLayout()
        left.setSpacing(4)
        left.addWidget(self.grid)
        left.addWidget(self.note)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(self.changes_title)
        right.addWidget(self.changes, 1)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addLayout(left, 3)
        body.addLayout(right, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(6)
        layout.addLayout(heading)
        layout.addLayout(body)
        self.close_out: CloseOut | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Close-out"))
        for label, text in zip(
            self.row_names,
            (self.tr("Taken at the desk"), self.tr("Counted"), self.tr("Variance")),
            strict=True,
        ):
            label.setText(text)
        for key, label in self.column_names.items():
            label.setText(name(key) if isinstance(key, PaymentMethod) else self.tr("Total"))
        self.changes_title.setText(self.tr("Changes after close"))
        self.changes.retranslate()
        if self.close_out is not None:
            self.show_close_out(self.close_out)

    def show_close_out(self, close_out: CloseOut) -> None:
        self.close_out = close_out
        closed = close_out.closed
        self.grid.setVisible(closed is not None)
        self.note.setVisible(closed is not None and bool(closed.note))
        has_changes = bool(close_out.changes)
        self.changes_title.setVisible(has_changes)
        self.changes.setVisible(has_changes)
        self.changes.show_changes(close_out.changes)
        if closed is None:
            self.state.setText(
                self.tr("Not closed yet: the manager closes it on the Close the day tab.")
            )
            return
        self.state.setText(
            self.tr("Closed by %1 at %2.")
            .replace("%1", closed.closed_by_name)
            .replace("%2", _moment(closed))
        )
        self.note.setText(self.tr("Note: %1").replace("%1", closed.note or ""))
        for count in closed.counts:
            self._set(count.method, count.taken_fen, count.counted_fen)
        self._set(
            "total",
            sum(count.taken_fen for count in closed.counts),
            sum(count.counted_fen for count in closed.counts),
        )

    def _set(self, key: object, taken_fen: int, counted_fen: int) -> None:
        self.cells[(1, key)].setText(format_yuan(taken_fen))
        self.cells[(2, key)].setText(format_yuan(counted_fen))
        off = counted_fen - taken_fen
        self.cells[(3, key)].setText(_signed(off))
        set_tone(self.cells[(3, key)], "alert" if off else None)
