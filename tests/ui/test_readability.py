"""Readable for everyone: text contrast in both themes (WCAG 2.x AA), touch targets on the
family's screens, a text size that really grows, and a header that stays put."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabBar,
    QWidget,
)

from kiosk.visit import Step
from tests.ui.conftest import card
from ui.app import style_application
from ui.driver import KioskDriver
from ui.readability import LARGE_ENOUGH_PX, STYLE
from ui.screens.sign import PAD_MIN_HEIGHT

THEMES = ("normal", "high")
HIGH = '[contrast="high"]'
"""The high-contrast rules: on a window (`QMainWindow[contrast="high"]`) or inside one
(`*[contrast="high"] #hint`)."""
MINIMUM_CONTRAST = {"normal": 4.5, "high": 7.0}
"""WCAG 2.x AA for normal text in the kiosk's theme; AAA (7:1) in its high-contrast theme."""

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_HEX = re.compile(r"#[0-9a-fA-F]{6}$")


def parse(sheet: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, properties) for each selector of each rule, in order."""
    found = []
    for selectors, body in _RULE.findall(_COMMENT.sub("", sheet)):
        properties = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                properties[name.strip()] = value.strip()
        for selector in selectors.split(","):
            found.append((" ".join(selector.split()), properties))
    return found


def theme_rules(sheet: str, theme: str) -> dict[str, dict[str, str]]:
    """Each selector's properties in `theme`: the high-contrast rules override the normal ones."""
    rules: dict[str, dict[str, str]] = {}
    for selector, properties in parse(sheet):
        if HIGH in selector:
            if theme == "high":
                plain = selector.replace(f"*{HIGH} ", "").replace(HIGH, "")
                rules.setdefault(plain, {}).update(properties)
        else:
            rules.setdefault(selector, {}).update(properties)
    return rules


def simpler(selector: str) -> Iterator[str]:
    """The selectors a rule takes its other properties from: without its states, then without
    its attributes, then without its object name (`QPushButton#primary:pressed` →
    `QPushButton#primary` → `QPushButton`)."""
    for pattern in (r"::?[\w-]+$", r"\[[^\]]*\]$", r"(?<=\w)#[\w-]+$"):
        while re.search(pattern, selector):
            selector = re.sub(pattern, "", selector)
            yield selector


def colour(properties: dict[str, str], name: str) -> str | None:
    """`color` or `background` (also when written `background-color`)."""
    if name == "background":
        return properties.get("background", properties.get("background-color"))
    return properties.get(name)


def text_pairs(sheet: str, theme: str) -> list[tuple[str, str, str]]:
    """(selector, text colour, background) for every text colour the sheet sets.

    A rule's missing colour or background comes from the simpler rules it refines; text on a
    transparent or unset background sits on the background of the ancestor its selector names
    (`#header QLabel`), else on any surface of the screens (page, panels, tables, rows, cards).
    Disabled controls are left out, as WCAG 2.x leaves them (SC 1.4.3).
    """
    rules = theme_rules(sheet, theme)

    def inherited(selector: str, name: str) -> str | None:
        for candidate in (selector, *simpler(selector)):
            value = colour(rules.get(candidate, {}), name)
            if value is not None:
                return value
        return None

    regions = {s.split(" ")[0] for s in rules if " " in s and not s.startswith("QStackedWidget")}
    surfaces = {
        selector: background
        for selector in rules
        if ":disabled" not in selector
        and selector not in regions
        and (background := inherited(selector, "background")) is not None
        and _HEX.match(background)
        and inherited(selector, "color") is None
    }
    pairs = []
    # A text colour is `color`, or a colour a widget draws text in (`qproperty-…Colour`).
    text_colours = [
        (selector, name)
        for selector in rules
        for name in ("color", *(n for n in rules[selector] if n.endswith("Colour")))
    ]
    for selector, name in text_colours:
        text = inherited(selector, name)
        if text is None or ":disabled" in selector:
            continue
        background = inherited(selector, "background")
        if background is None or not _HEX.match(background):
            ancestor = selector.split(" ")[0] if " " in selector else None
            background = inherited(ancestor, "background") if ancestor else None
        label = selector if name == "color" else f"{selector} {name}"
        if background is not None and _HEX.match(background):
            pairs.append((label, text, background))
        else:
            pairs.extend((f"{label} on {on}", text, bg) for on, bg in surfaces.items())
    return pairs


def luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_gives_wcag_reference_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("theme", THEMES)
def test_every_text_colour_is_readable_on_its_background(theme):
    """Secondary and hint text too: each text colour against each background it can sit on."""
    sheet = STYLE.read_text(encoding="utf-8")
    pairs = text_pairs(sheet, theme)
    assert len(pairs) > 100
    assert any(selector.startswith("#hint on") for selector, _, _ in pairs)
    assert any(selector.startswith("#totals qproperty-familyColour") for selector, _, _ in pairs)
    weak = [
        f"{selector}: {text} on {background} is {contrast(text, background):.2f}:1"
        for selector, text, background in pairs
        if contrast(text, background) < MINIMUM_CONTRAST[theme]
    ]
    assert weak == []


# --- on a real kiosk -------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def kiosk_style(qapp):
    """The kiosk's own font and style on the tests' application, as `kiosk run` has them."""
    style_application(qapp)


CLICKABLE = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QAbstractSlider, QTabBar)
TOUCH = 44
"""Smallest touch target, px (WCAG 2.5.5, Apple and Android guidance)."""


def small_targets(window: QWidget) -> list[str]:
    """Every visible, enabled thing a finger can press (buttons, fields, a field's own clear
    button, list items) that is narrower or lower than `TOUCH`."""
    QCoreApplication.processEvents()  # the layout of what was just shown or retranslated
    small = [
        f"{type(widget).__name__} {widget.objectName()!r} {getattr(widget, 'text', str)()!r}: "
        f"{widget.width()}x{widget.height()}"
        for widget in window.findChildren(QWidget)
        if isinstance(widget, CLICKABLE)
        and widget.isVisible()
        and widget.isEnabled()
        and (widget.width() < TOUCH or widget.height() < TOUCH)
    ]
    for view in window.findChildren(QListWidget):
        if view.isVisible():
            for row in range(view.count()):
                rect = view.visualItemRect(view.item(row))
                if rect.height() < TOUCH:
                    small.append(f"list item {view.item(row).text()!r}: {rect.height()} high")
    return small


def checked_in_both_languages(driver: KioskDriver, check: Callable[[str], None]) -> None:
    for _ in range(2):
        check(driver.kiosk.session.language)
        driver.switch_language()


def test_every_touch_target_on_the_family_screens_is_at_least_44_px(kiosk):
    app, driver = kiosk
    window = app.window
    found: dict[str, list[str]] = {}

    def check(screen: str) -> Callable[[str], None]:
        return lambda language: found.update({f"{screen} {language}": small_targets(window)})

    driver.show_card(card("preauth_pending"))
    checked_in_both_languages(driver, check("eligibility"))
    driver.start_bill()
    driver.add_item("GP001")
    driver.add_item("EXAM-MRI")  # flagged: its row has "request pre-auth"
    driver.wait_estimate()
    assert window.bill.lines.rows[app.session.visit.preauth_lines()[0]].preauth.isVisible()
    checked_in_both_languages(driver, check("bill"))
    driver.remove_line(app.session.visit.preauth_lines()[0])
    driver.wait_estimate()
    driver.present()
    checked_in_both_languages(driver, check("sign"))
    driver.sign()
    checked_in_both_languages(driver, check("done"))
    assert len(found) == 8
    assert found == {screen: [] for screen in found}


def crumb_x(window: QWidget) -> int:
    header = window.header
    return header.breadcrumb.mapTo(window, QPoint(0, 0)).x()


def test_the_breadcrumb_stays_put_and_staff_things_stay_off_the_family_screen(kiosk):
    """Same place on every step in both languages; no outbox pill or Staff button where the family
    holds the screen (Sign); no breadcrumb nor text size in the staff area."""
    app, driver = kiosk
    window, header = app.window, app.window.header
    places: dict[str, int] = {}

    def note(step: str) -> Callable[[str], None]:
        return lambda language: places.update({f"{step} {language}": crumb_x(window)})

    checked_in_both_languages(driver, note("scan"))
    assert header.outbox.isVisible() and header.staff_button.isVisible()
    driver.show_card(card("active_plus"))
    driver.start_bill()
    driver.add_item("GP001")
    driver.wait_estimate()
    checked_in_both_languages(driver, note("bill"))
    assert header.outbox.isVisible()
    driver.present()
    checked_in_both_languages(driver, note("sign"))
    assert not header.outbox.isVisible() and not header.staff_button.isVisible()
    assert header.readability.isVisible() and header.language_button.isVisible()
    driver.sign()
    checked_in_both_languages(driver, note("done"))
    assert header.outbox.isVisible()
    assert max(places.values()) - min(places.values()) <= 2, places

    driver.click(header.staff_button)
    assert window.stack.currentWidget() is window.manager
    assert not header.breadcrumb.isVisible() and not header.readability.isVisible()
    assert header.outbox.isVisible() and not header.staff_button.isVisible()  # already there
    window.close_manager()
    assert header.breadcrumb.isVisible() and header.staff_button.isVisible()


def test_larger_text_and_high_contrast_survive_a_language_switch_and_reset_for_the_next_family(
    kiosk,
):
    app, driver = kiosk
    window, controls = app.window, app.window.header.readability
    driver.show_card(card("active_plus"))
    headline = window.eligibility.headline
    headline.ensurePolished()

    def field() -> QLabel:
        return window.eligibility.findChild(QLabel, "fieldName")

    hint_colour = field().palette().windowText().color()
    before, headline_before = field().font().pixelSize(), headline.font().pixelSize()
    clinic = window.header.clinic.font().pixelSize()

    driver.click(controls.size_buttons[150])
    driver.click(controls.contrast_button)
    assert field().font().pixelSize() == round(before * 1.5)
    # a 34 px headline is large already: it grows only to LARGE_ENOUGH_PX
    assert headline_before < headline.font().pixelSize() == LARGE_ENOUGH_PX
    assert window.header.clinic.font().pixelSize() == clinic  # the header keeps its size
    assert window.property("contrast") == "high"
    assert field().palette().windowText().color() != hint_colour
    driver.switch_language()
    assert field().font().pixelSize() == round(before * 1.5)
    assert window.property("contrast") == "high"
    assert controls.size_buttons[150].isChecked() and controls.contrast_button.isChecked()

    driver.click(window.eligibility.back_button)  # this family is done
    assert app.session.visit.step is Step.SCAN
    assert window.readability.text_size == 100 and not window.readability.high_contrast
    assert window.property("contrast") == "normal"
    assert controls.size_buttons[100].isChecked() and not controls.contrast_button.isChecked()
    driver.show_card(card("active_plus"))
    assert field().font().pixelSize() == before
    assert headline.font().pixelSize() == headline_before


def whole_on_1280_by_800(window: QWidget, button: QWidget) -> bool:
    """`button` is shown whole in the window brought back to 1280x800 (a screen that needs more
    keeps the window larger: a kiosk's full screen would cut it off)."""
    window.resize(1280, 800)
    QCoreApplication.processEvents()
    inside = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
    return (
        button.isVisible() and window.size() == QSize(1280, 800) and window.rect().contains(inside)
    )


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_at_150_percent_the_family_screens_fit_1280_by_800(
    make_kiosk, sandbox, sandbox_device_key, language
):
    """Nothing pushed off the screen: on each screen the button that moves the visit on is whole
    in a 1280x800 window."""
    app, driver = make_kiosk(sandbox, sandbox_device_key, language=language)
    window = app.window
    window.readability.set_text_size(150)
    on_screen = {}
    driver.show_card(card("active_standard"))
    on_screen["eligibility"] = whole_on_1280_by_800(window, window.eligibility.bill_button)
    driver.start_bill()
    for code in ("GP001", "LAB001", "RX001"):
        driver.add_item(code)
    driver.wait_estimate()
    on_screen["bill"] = whole_on_1280_by_800(window, window.bill.sign_button)
    driver.present()
    driver.sign()
    on_screen["done"] = whole_on_1280_by_800(window, window.done.next_button)
    assert on_screen == dict.fromkeys(on_screen, True), on_screen
    assert window.done.next_button.font().pixelSize() == round(19 * 1.5)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_at_150_percent_the_sign_button_is_whole_on_1280_by_800(
    make_kiosk, sandbox, sandbox_device_key, language
):
    app, driver = make_kiosk(sandbox, sandbox_device_key, language=language)
    window = app.window
    window.readability.set_text_size(150)
    driver.show_card(card("active_standard"))
    driver.start_bill()
    for code in ("GP001", "LAB001", "RX001"):
        driver.add_item(code)
    driver.wait_estimate()
    driver.present()
    assert whole_on_1280_by_800(window, window.sign.confirm_button)
    driver.settle()
    sign = window.sign
    stacked = [sign.title, sign.who, sign.family_amount, sign.lines, sign.more, sign.consent]
    stacked += [sign.pad, sign.confirm_button]
    shown = [w for w in stacked if w.isVisible()]
    bottoms = [(w.objectName(), w.mapTo(sign, w.rect().bottomLeft()).y()) for w in shown]
    tops = [(w.objectName(), w.mapTo(sign, w.rect().topLeft()).y()) for w in shown]
    overlaps = [
        (above[0], below[0])
        for above, below in zip(bottoms, tops[1:], strict=False)
        if above[1] >= below[1]
    ]
    assert overlaps == [], "squeezed into each other"
    assert sign.pad.height() >= PAD_MIN_HEIGHT
