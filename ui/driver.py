"""Driving a real kiosk window the way a person does: for the demo script, the end-to-end tests
and the latency benchmark.

Every action goes through the widgets a person would touch (buttons are clicked, fields typed
into, the signature drawn with mouse events carrying their own timestamps); waiting pumps the Qt
event loop, so background work is delivered exactly as in the running application.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.journal import ClaimState, PaymentMethod
from kiosk.scan.source import ScanSource
from kiosk.visit import Step
from ui.launch import Kiosk
from ui.screens.preauth import PreAuthDialog

Stroke = Sequence[tuple[float, float]]

EXTRA_ITEM = "NM003"
"""Put on the bill and taken off again in a whole visit, so a line's row comes and goes."""


def pump_until(condition: Callable[[], bool], timeout: float = 10.0, what: str = "") -> None:
    """Run the event loop until `condition()` holds; TimeoutError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        QCoreApplication.processEvents()
        if condition():
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what or condition}")
        time.sleep(0.002)


def signature_strokes(width: float, height: float) -> list[list[tuple[float, float]]]:
    """A hand-like two-stroke signature scaled to a pad: a looping first name and a flourish."""
    first = [
        (
            width * (0.12 + 0.4 * t),
            height * (0.55 - 0.22 * math.sin(t * math.pi * 6) * (1 - 0.5 * t)),
        )
        for t in (i / 60 for i in range(61))
    ]
    second = [
        (width * (0.58 + 0.3 * t), height * (0.45 + 0.18 * math.sin(t * math.pi * 3)))
        for t in (i / 40 for i in range(41))
    ]
    return [first, second]


class KioskDriver:
    """A person at the kiosk, in code."""

    def __init__(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk
        self.window = kiosk.window
        self.visit = kiosk.session.visit
        self._clock_ms = 10_000

    def type(self, widget: QWidget, text: str, *, interval_ms: int = 140) -> None:
        """Key presses with their own timestamps: 140 ms apart is a quick person, a few ms is a
        handheld scanner (the kiosk tells the two apart by timing alone)."""
        widget.setFocus()
        for char in text:
            key = Qt.Key.Key_Return if char == "\r" else Qt.Key(ord(char.upper()))
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
                event.setTimestamp(self._clock_ms)
                QApplication.sendEvent(widget, event)
            self._clock_ms += interval_ms
        self._clock_ms += 1_000
        QCoreApplication.processEvents()

    def scanner_reads(self, text: str) -> None:
        """A handheld 2D scanner "types" the code in a burst and presses Enter."""
        focus = QApplication.focusWidget() or self.window
        self.type(focus, text + "\r", interval_ms=4)

    def wait_ready(self, timeout: float = 15.0) -> None:
        """Until the start-up work is done: insurer keys, scan pipeline and catalogue loaded."""
        session = self.kiosk.session
        pump_until(
            lambda: (
                bool(session.keys.keys()) and session.scans.is_ready and len(session.catalogue) > 0
            ),
            timeout,
            "the kiosk to finish starting",
        )

    # --- looking -------------------------------------------------------------------------------

    def wait_step(self, step: Step, timeout: float = 10.0) -> None:
        pump_until(lambda: self.visit.step is step, timeout, f"step {step}")

    def screenshot(self, path: Path, widget: QWidget | None = None) -> Path:
        self.settle()
        target = widget or self.window
        path.parent.mkdir(parents=True, exist_ok=True)
        if not target.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        return path

    # --- acting --------------------------------------------------------------------------------

    def click(self, button: QAbstractButton) -> None:
        if not button.isVisible() or not button.isEnabled():
            raise RuntimeError(f"{button.objectName() or button.text()!r} cannot be clicked now")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        QCoreApplication.processEvents()

    def scan(self, text: str, source: ScanSource = ScanSource.SCANNER) -> None:
        """A card read by the handheld scanner (or the camera): verified, then checked."""
        self.kiosk.session.scans.submit(text, source)
        QCoreApplication.processEvents()

    def show_card(self, text: str, timeout: float = 10.0) -> None:
        """Scan and wait until eligibility is on screen."""
        self.scan(text)
        self.wait_step(Step.ELIGIBILITY, timeout)

    def lookup(self, policy_number: str, child_name: str, guardian_phone: str) -> None:
        scan = self.window.scan
        if not scan.lookup_box.isVisible():
            self.click(scan.lookup_toggle)
        for field, text in (
            (scan.policy, policy_number),
            (scan.child_name, child_name),
            (scan.phone, guardian_phone),
        ):
            field.clear()
            if text.isascii():
                self.type(field, text)
            else:
                field.insert(text)  # Chinese arrives through the input method, not as keys
        self.click(scan.lookup_button)

    def start_bill(self) -> None:
        self.click(self.window.eligibility.bill_button)
        self.wait_step(Step.BILL)

    def add_item(self, query: str, quantity: int = 1) -> None:
        """Search the catalogue as reception types, and tap the first result."""
        bill = self.window.bill
        bill.search.clear()
        self.type(bill.search, query)
        if bill.results.count() == 0:
            raise LookupError(f"no catalogue item for {query!r}")
        before = {line.item_code: line.quantity for line in self.visit.lines}
        first = bill.results.item(0)
        rect = bill.results.visualItemRect(first)
        QTest.mouseClick(bill.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        pump_until(
            lambda: {line.item_code: line.quantity for line in self.visit.lines} != before,
            2.0,
            f"line for {query}",
        )
        if quantity != 1:
            code = first.data(Qt.ItemDataRole.UserRole)
            line = next(line for line in self.visit.lines if line.item_code == code)
            self.set_quantity(line.line_no, line.quantity + quantity - 1)

    def set_quantity(self, line_no: int, quantity: int) -> None:
        """Type the quantity into the line's field, as reception does for 10 sachets."""
        field = self.window.bill.lines.rows[line_no].quantity
        field.setFocus()
        field.selectAll()
        self.type(field, f"{quantity}\r")

    def wait_estimate(self, timeout: float = 10.0) -> None:
        bill = self.window.bill
        pump_until(
            lambda: self.visit.adjudication is not None and bill.sign_button.isEnabled(),
            timeout,
            "the insurer's estimate",
        )

    def remove_line(self, line_no: int) -> None:
        self.click(self.window.bill.lines.rows[line_no].remove)

    def open_preauth(self, line_no: int) -> PreAuthDialog:
        """Tap "request pre-auth" on a flagged line; returns the dialog it opened."""
        bill = self.window.bill
        self.click(bill.lines.rows[line_no].preauth)
        dialog = bill.preauth_dialog
        assert dialog is not None
        return dialog

    def present(self) -> None:
        self.click(self.window.bill.sign_button)
        self.wait_step(Step.SIGN)
        self.settle()

    def settle(self, seconds: float = 0.05) -> None:
        """Let posted layout passes run (a screen shown fits its lists once laid out, and that
        fit lays it out again), as they do in the blink before a person sees the screen."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.002)

    def draw_signature(self, strokes: Sequence[Stroke] | None = None) -> None:
        """Write on the pad with mouse events, 12 ms apart, as a hand would."""
        pad = self.window.sign.pad
        strokes = strokes or signature_strokes(pad.width(), pad.height())
        clock = 1_000
        for stroke in strokes:
            for index, (x, y) in enumerate(stroke):
                kind = (
                    QEvent.Type.MouseButtonPress
                    if index == 0
                    else QEvent.Type.MouseButtonRelease
                    if index == len(stroke) - 1
                    else QEvent.Type.MouseMove
                )
                self._mouse(pad, kind, QPointF(x, y), clock)
                clock += 12
            clock += 250
        QCoreApplication.processEvents()

    def confirm_signature(self) -> None:
        self.click(self.window.sign.confirm_button)

    def sign(self) -> None:
        self.draw_signature()
        self.confirm_signature()
        self.wait_step(Step.DONE)

    def pay(self, method: PaymentMethod) -> None:
        self.click(self.window.done.method_buttons[method])
        pump_until(lambda: self.visit.payment is method, 5.0, "payment recorded")

    def wait_document(self, timeout: float = 10.0) -> Path:
        done = self.window.done
        pump_until(lambda: done.document is not None, timeout, "the signed bill PDF")
        assert done.document is not None
        return done.document

    def next_family(self) -> None:
        self.click(self.window.done.next_button)
        self.wait_step(Step.SCAN)

    def whole_visit(
        self, card: str, items: Sequence[tuple[str, int]], payment: PaymentMethod
    ) -> None:
        """One family from scan to "Next family", as the soak and the widget-count test run it:
        the scanner reads the card, reception bills `items` (and takes a line off again), the
        family switches the language to read the bill, signs and pays its part, the insurer
        records the claim, the PDF is written. The kiosk stays in the family's language."""
        self.scanner_reads(card)
        self.wait_step(Step.ELIGIBILITY)
        self.start_bill()
        for code, quantity in items:
            self.add_item(code, quantity)
        self.add_item(EXTRA_ITEM)
        self.wait_estimate()
        extra = next(line for line in self.visit.lines if line.item_code == EXTRA_ITEM)
        self.remove_line(extra.line_no)
        self.wait_estimate()
        self.present()
        self.switch_language()
        self.sign()
        done = self.window.done
        pump_until(
            lambda: done.claim is not None and done.claim.state is not ClaimState.WAITING,
            15,
            "the insurer to answer the claim",
        )
        presented = self.visit.presented
        if presented is not None and presented.shown.totals.patient_fen > 0:
            self.pay(payment)
        self.wait_document()
        self.next_family()

    def switch_language(self) -> None:
        self.click(self.window.header.language_button)

    @staticmethod
    def _mouse(widget: QWidget, kind: QEvent.Type, position: QPointF, timestamp: int) -> None:
        pressed = kind != QEvent.Type.MouseButtonRelease
        event = QMouseEvent(
            kind,
            position,
            widget.mapToGlobal(position),
            Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton if pressed else Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        event.setTimestamp(timestamp)
        QApplication.sendEvent(widget, event)
