"""Every string the kiosk shows is translated into Chinese and English, and the build uses them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from ui.i18n import I18N_DIR, LANGUAGES, qm_path

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"\{\w+\}|%n|%\d")


def messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_its_placeholders(language):
    ts = I18N_DIR / f"kiosk_{language}.ts"
    found = messages(ts)
    assert len(found) > 150
    for message in found:
        source = message.find("source").text
        translation = message.find("translation")
        assert translation.get("type") not in {"unfinished", "vanished", "obsolete"}, source
        for text in translations(message):
            assert text.strip(), source
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                source,
                text,
            )


def test_chinese_messages_are_chinese():
    untranslated = [
        message.find("source").text
        for message in messages(I18N_DIR / "kiosk_zh_CN.ts")
        if not any(CJK.search(text) for text in translations(message))
    ]
    # Only texts that are the same in both languages may stay Latin (e.g. "PLUS", "%n").
    assert set(untranslated) <= {"PLUS"} | {
        s for s in untranslated if not re.search(r"[a-z]{3}", PLACEHOLDER.sub("", s))
    }


def test_the_sources_have_no_string_missing_from_the_translations(tmp_path):
    """lupdate over ui/ finds nothing new: a new screen text cannot ship untranslated."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate is part of PySide6"
    copy = tmp_path / "kiosk_zh_CN.ts"
    shutil.copy(I18N_DIR / "kiosk_zh_CN.ts", copy)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(copy)], check=True, capture_output=True)
    new = [
        message.find("source").text
        for message in messages(copy)
        if message.find("translation").get("type") == "unfinished"
    ]
    assert new == [], (
        "texts without a translation: run pyside6-lupdate over ui/ into resources/i18n/*.ts "
        "and translate them (Qt Linguist), for zh_CN and en"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_built_translations_load(qapp, language):
    translator = QTranslator()
    assert translator.load(str(qm_path(language))), "run scripts/setup.sh to build the .qm files"
    prompt = translator.translate("ScanScreen", "Show your child's e-card to the camera")
    if language == "zh_CN":
        assert CJK.search(prompt)
    else:
        assert prompt == "Show your child's e-card to the camera"
    one = translator.translate("OutboxStatus", "%n claim(s) waiting to send", "", 1)
    two = translator.translate("OutboxStatus", "%n claim(s) waiting to send", "", 2)
    if language == "zh_CN":
        assert one == two and CJK.search(two)
    else:
        assert (one, two) == ("%n claim waiting to send", "%n claims waiting to send")
