"""Which language the kiosk speaks, switched at run time without restarting.

The `.ts` sources live in `resources/i18n/` and are compiled to `.qm` by `scripts/setup.sh`.
Switching installs the new translators; Qt then sends every widget a LanguageChange event and each
widget that mixes in `FollowsLanguage` re-reads its texts (`changeEvent` → `retranslate`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6 import QtCore
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    _Widget = QWidget
else:
    _Widget = object

QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)
"""Marks a text for lupdate and returns it unchanged (PySide6's stub says it returns `object`).
Every module imports this one, so lupdate still finds the marked texts by the macro's name."""

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
I18N_DIR = RESOURCES / "i18n"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


class FollowsLanguage(_Widget):
    """A widget whose texts follow the kiosk's language: mixed in before its Qt class
    (`class BillScreen(FollowsLanguage, QWidget)`), it runs the widget's `retranslate` on every
    LanguageChange, before Qt's own handling of the event. A widget with texts from the start
    also calls `retranslate` at the end of its `__init__`."""

    def retranslate(self) -> None:
        """Set every text the widget shows in the language now installed."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def qm_path(language: str) -> Path:
    return I18N_DIR / f"kiosk_{language}.qm"


class Translations(QObject):
    """The installed translators of the application; one per process."""

    changed = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._installed: list[QTranslator] = []
        self._by_language: dict[str, QTranslator] = {}
        self._qt_base: dict[str, QTranslator | None] = {}
        self.language = ""

    def _ours(self, language: str) -> QTranslator:
        translator = self._by_language.get(language)
        if translator is None:
            translator = QTranslator(self)
            path = qm_path(language)
            if not translator.load(str(path)):
                raise FileNotFoundError(
                    f"translation {path} is missing: run scripts/setup.sh "
                    "(it compiles resources/i18n)"
                )
            self._by_language[language] = translator
        return translator

    def _qt_base_for(self, language: str) -> QTranslator | None:
        """Qt's own strings (dialog buttons) in `language`, loaded once: a family switching back
        and forth all day must not load (and keep) another copy each time."""
        if language not in self._qt_base:
            qt_base = QTranslator()
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_base.load(QLocale(language), "qtbase", "_", qt_dir):
                qt_base.setParent(self)
                self._qt_base[language] = qt_base
            else:
                self._qt_base[language] = None
        return self._qt_base[language]

    def other(self) -> str:
        """The language not currently spoken (the kiosk ships two)."""
        return LANGUAGES[1] if self.language == LANGUAGES[0] else LANGUAGES[0]

    def translate_in(self, language: str, context: str, text: str) -> str:
        """`text` in `language` whatever is installed: for prompts shown in both languages."""
        translated = self._ours(language).translate(context, text)
        return translated or text

    def switch(self, language: str) -> None:
        """Speak `language` from now on; raises FileNotFoundError if it was never built."""
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        if language == self.language:
            return
        ours = self._ours(language)
        qt_base = self._qt_base_for(language)
        for old in self._installed:
            self._app.removeTranslator(old)
        self._installed = [ours] + ([qt_base] if qt_base is not None else [])
        for translator in self._installed:
            self._app.installTranslator(translator)
        QLocale.setDefault(QLocale(language))
        self.language = language
        self.changed.emit(language)

    def uninstall(self) -> None:
        """Take this kiosk's translators out of the application (when the kiosk closes)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        self.language = ""

    def toggle(self) -> str:
        """The other language (the kiosk ships two); returns the new one."""
        self.switch(self.other())
        return self.language
