"""The Chinese the kiosk shows follows docs/glossary.md, the plan manual's words.

The words ruled out are read from the glossary itself ("Words ruled out in the Chinese
translations"), so the page and this test cannot drift apart: a word added there is checked here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"
ZH_TS = ROOT / "resources" / "i18n" / "kiosk_zh_CN.ts"

# An English source naming one of the manual's terms is translated with the manual's word.
MANUAL_TERMS = {
    r"pre-?auth": "事先授权",
    r"e-card": "电子保险卡",
    r"fully-paid": "全额赔付次数",
    r"direct[- ]bill|direct-pay": "直付",
}


def ruled_out() -> list[str]:
    """The words the glossary's last section rules out ("- 免费次数, 免费就诊 — say …")."""
    section = GLOSSARY.read_text(encoding="utf-8").split("## Words ruled out", 1)[1]
    words = []
    for line in section.splitlines():
        if line.startswith("- ") and " — " in line:
            words += [w.strip() for w in line[2:].split(" — ", 1)[0].split(",")]
    return words


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _names_the_real_fapiao(word: str, source: str) -> bool:
    """发票 is right only for the tax invoice itself, which the English calls a fapiao (e.g.
    "this statement is not a fapiao"); for the kiosk's own document it is ruled out."""
    return word == "发票" and "fapiao" in source.casefold()


def zh_messages() -> list[tuple[str, str, str]]:
    """(context, source, each Chinese text) for every translated message of zh_CN."""
    found = []
    for context in ET.parse(ZH_TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") == "unfinished":
                continue  # test_translations.py reports it; there is no Chinese to check yet
            forms = translation.findall("numerusform") or [translation]
            found += [(name, message.findtext("source"), f.text or "") for f in forms]
    return found


def test_the_glossary_rules_out_the_words_the_review_found():
    words = ruled_out()
    for word in ("免费次数", "共付", "发票", "幂等", "日志", "报销"):
        assert word in words


@pytest.mark.parametrize("word", ruled_out())
def test_no_chinese_translation_uses_a_word_the_glossary_rules_out(word):
    offending = [
        f"{context}: {source!r} → {text}"
        for context, source, text in zh_messages()
        if _plain(word) in _plain(text) and not _names_the_real_fapiao(word, source)
    ]
    assert offending == [], f"{word} is ruled out by docs/glossary.md"


@pytest.mark.parametrize("pattern", MANUAL_TERMS)
def test_the_manuals_terms_are_translated_with_the_manuals_words(pattern):
    term = MANUAL_TERMS[pattern]
    offending = [
        f"{context}: {source!r} → {text}"
        for context, source, text in zh_messages()
        if re.search(pattern, source, re.IGNORECASE) and term not in text
    ]
    assert offending == [], f"the manual says {term}"
