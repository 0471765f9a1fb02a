"""The signature pad driven by real (synthetic) input events, as a family's finger would."""

import itertools
import math

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.signature import MIN_DISTANCE_PX
from ui.widgets.signature_pad import SignaturePad

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def pad(qtbot):
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(900, 320)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def draw(qtbot, pad, points):
    """One stroke through `points` with the mouse: press, moves, release."""
    first, *rest = [QPoint(round(x), round(y)) for x, y in points]
    qtbot.mousePress(pad, LEFT, NONE, first)
    for point in rest:
        qtbot.mouseMove(pad, point)
    qtbot.mouseRelease(pad, LEFT, NONE, rest[-1] if rest else first)


def loops(left, width=300, count=4, n=50):
    return [
        (
            left + width * i / (n - 1) + 30 * math.sin(i / (n - 1) * count * 2 * math.pi),
            160 + 55 * math.cos(i / (n - 1) * count * 2 * math.pi),
        )
        for i in range(n)
    ]


def sign(qtbot, pad):
    draw(qtbot, pad, loops(120))
    draw(qtbot, pad, loops(480, count=3))


def ink_pixels(image: QImage) -> int:
    """Pixels dark enough to be ink (the paper is white, the baseline and hint are light grey)."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            color = image.pixelColor(x, y)
            if color.alpha() > 128 and color.lightness() < 90:
                count += 1
    return count


def test_mouse_strokes_are_recorded_with_increasing_event_times(qtbot, pad):
    sign(qtbot, pad)
    signature = pad.signature()
    assert len(signature.strokes) == 2
    times = [p.t_ms for stroke in signature.strokes for p in stroke]
    assert times[0] == 0
    assert all(a < b for a, b in itertools.pairwise(times))
    first = signature.strokes[0][0]
    assert (first.x, first.y, first.pressure) == (120, 215, None)
    assert (signature.pad_width, signature.pad_height) == (900, 320)


def test_points_closer_than_five_pixels_are_dropped(qtbot, pad):
    draw(qtbot, pad, [(100, 100), (101, 101), (102, 102), (103, 103), (110, 110), (111, 110)])
    (stroke,) = pad.signature().strokes
    assert [(p.x, p.y) for p in stroke] == [(100, 100), (110, 110)]
    assert stroke[0].distance_to(stroke[1]) >= MIN_DISTANCE_PX


def test_validity_is_signalled_as_it_changes(qtbot, pad):
    states = []
    pad.validityChanged.connect(states.append)
    draw(qtbot, pad, [(400, 160), (420, 160), (440, 170)])
    assert not pad.is_valid()
    assert states == [], "still invalid: nothing to announce"
    with qtbot.waitSignal(pad.validityChanged) as signal:
        sign(qtbot, pad)
    assert signal.args == [True]
    assert pad.is_valid()
    pad.undo()
    pad.undo()
    assert states == [True, False]
    pad.clear()
    assert pad.is_empty()
    assert states == [True, False]


def test_undo_takes_back_the_last_stroke_and_clear_everything(qtbot, pad):
    sign(qtbot, pad)
    first = pad.signature().strokes[0]
    pad.undo()
    assert pad.signature().strokes == (first,)
    pad.clear()
    assert pad.signature().strokes == ()
    assert ink_pixels(pad.grab().toImage()) == 0
    pad.undo()
    assert pad.is_empty()


def test_resize_keeps_the_strokes_and_shows_them_scaled(qtbot, pad):
    sign(qtbot, pad)
    before = pad.signature()
    ink_large = ink_pixels(pad.grab().toImage())
    pad.resize(450, 300)
    QApplication.processEvents()
    assert pad.signature() == before, "the data does not change with the widget"
    ink_small = ink_pixels(pad.grab().toImage())
    assert 0 < ink_small < ink_large
    pad.resize(1200, 400)
    QApplication.processEvents()
    assert pad.signature() == before
    draw(qtbot, pad, [(600, 200), (700, 200)])
    added = pad.signature().strokes[-1]
    scale = min(1200 / 900, 400 / 320)
    offset_x = (1200 - 900 * scale) / 2
    assert added[0].x == pytest.approx((600 - offset_x) / scale, abs=0.01), "pad coordinates"


def test_png_export_is_the_ink_trimmed(qtbot, pad):
    sign(qtbot, pad)
    image = QImage.fromData(pad.to_png(scale=1.0))
    assert not image.isNull()
    left, top, right, bottom = pad.signature().bounds
    assert image.width() < right - left + 30
    assert image.height() < bottom - top + 30
    assert ink_pixels(image) > 150
    assert image.pixelColor(0, 0).alpha() == 0, "transparent around the ink"


def test_a_pen_records_its_pressure(qtbot, pad):
    stylus = QPointingDevice(
        "test pen",
        1001,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        2,
    )
    path = [(300 + 10 * i, 150 + 3 * i) for i in range(8)]
    kinds = [QEvent.Type.TabletPress] + [QEvent.Type.TabletMove] * 6 + [QEvent.Type.TabletRelease]
    for i, ((x, y), kind) in enumerate(zip(path, kinds, strict=True)):
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else LEFT
        event = QTabletEvent(
            kind,
            stylus,
            QPointF(x, y),
            QPointF(x, y),
            0.2 + 0.1 * i,
            0,
            0,
            0,
            0,
            0,
            NONE,
            LEFT,
            buttons,
        )
        event.setTimestamp(5_000 + 10 * i)
        QApplication.sendEvent(pad, event)
    (stroke,) = pad.signature().strokes
    assert [p.pressure for p in stroke] == pytest.approx([0.2 + 0.1 * i for i in range(8)])
    assert [p.t_ms for p in stroke] == [10 * i for i in range(8)]


def test_a_finger_on_a_touchscreen_writes(qtbot, pad):
    screen = QTest.createTouchDevice()
    QTest.touchEvent(pad, screen).press(0, QPoint(200, 150)).commit()
    for i in range(1, 6):
        QTest.touchEvent(pad, screen).move(0, QPoint(200 + 20 * i, 150 + 5 * i)).commit()
    QTest.touchEvent(pad, screen).release(0, QPoint(300, 175)).commit()
    (stroke,) = pad.signature().strokes
    assert len(stroke) == 6
    assert (stroke[0].x, stroke[0].y) == pytest.approx((200, 150), abs=3)
    steps = [(b.x - a.x, b.y - a.y) for a, b in itertools.pairwise(stroke)]
    assert steps == [(20, 5)] * 5
    assert all(p.pressure is None for p in stroke), "a touchscreen without pressure sensing"


def test_ink_drawn_while_writing_is_the_ink_of_a_full_redraw(qtbot, pad):
    sign(qtbot, pad)
    live = pad.grab().toImage()
    pad.resize(901, 320)
    pad.resize(900, 320)
    QApplication.processEvents()
    redrawn = pad.grab().toImage()
    assert redrawn == live
