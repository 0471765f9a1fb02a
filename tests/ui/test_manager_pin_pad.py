"""The staff PIN pad as a manager meets it: every key whole, apart from the others and big enough
to tap, in both languages at the kiosk's window sizes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QTranslator
from PySide6.QtWidgets import QPushButton

from kiosk.insurer.client import InsurerClient
from kiosk.journal import Journal
from kiosk.staff import Role, StaffDirectory
from ui.app import create_application
from ui.i18n import qm_path
from ui.manager.signin import SignInScreen
from ui.tasks import running_tasks

HEADER = 56
"""The kiosk window's header above the staff screens."""
WINDOWS = ((1280, 800), (1024, 768))
TOUCH = 44


@pytest.fixture
def language(qapp, request):
    """The kiosk's style and the language under test, installed for this test only."""
    create_application()
    translator = QTranslator()
    assert translator.load(str(qm_path(request.param)))
    qapp.installTranslator(translator)
    yield request.param
    qapp.removeTranslator(translator)


@pytest.fixture
def directory(qapp, tmp_path):
    with (
        running_tasks(lambda: InsurerClient("http://127.0.0.1:9", "unused"), workers=1),
        Journal.open(tmp_path / "journal.sqlite3") as journal,
    ):
        directory = StaffDirectory(journal)
        directory.add("王芳 Wang Fang", Role.MANAGER, "204719")
        yield directory


def keys(screen: SignInScreen) -> list[QPushButton]:
    return screen.pad.findChildren(QPushButton)


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
@pytest.mark.parametrize("window", WINDOWS, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_pin_key_is_whole_apart_and_big_enough(qtbot, language, directory, window):
    screen = SignInScreen(directory)
    qtbot.addWidget(screen)
    screen.resize(window[0], window[1] - HEADER)
    screen.show()
    screen.reset()
    qtbot.waitUntil(lambda: len(screen.members) == 1)
    qtbot.waitUntil(lambda: screen.pad.isEnabled())
    expected = {"删除", "清空", "登录"} if language == "zh_CN" else {"Delete", "Clear", "Sign in"}
    found = keys(screen)
    assert expected <= {key.text() for key in found}
    assert len(found) == 13, "ten digits, clear, delete and sign in"
    panel = screen.pad.parentWidget()
    visible = panel.contentsRect()
    assert screen.rect().contains(QRect(panel.mapTo(screen, QPoint()), panel.size()))
    placed: dict[str, QRect] = {}
    for key in found:
        rect = QRect(key.mapTo(panel, key.rect().topLeft()), key.size())
        assert rect.width() >= TOUCH and rect.height() >= TOUCH, (key.text(), rect)
        assert visible.contains(rect), f"{key.text()!r} at {rect} leaves the pad {visible}"
        assert key.visibleRegion().boundingRect() == key.rect(), f"{key.text()!r} is covered"
        assert key.fontMetrics().horizontalAdvance(key.text()) < key.contentsRect().width()
        for other, other_rect in placed.items():
            assert not rect.intersects(other_rect), f"{key.text()!r} overlaps {other!r}"
        placed[key.text()] = rect
