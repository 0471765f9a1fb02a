"""The clinic's fee catalogue: what reception can put on a bill, and how they find it fast.

Items carry a code, a Chinese and an English name, the insurer's category, a unit price in
integer fen and, for the items the manual says always need a pre-authorisation whatever their
price (major exams, outpatient surgery, major-illness treatment), that mark. Search takes a code,
part of a name in either language, or pinyin (initials such as "xcg" for 血常规, or full
syllables), because that is how reception types on a Chinese desk. Reading a clinic's own
catalogue file is `kiosk.catalogue_import`.
"""

from __future__ import annotations

import bisect
import heapq
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kiosk.insurer.models import ItemCategory, PreAuthClass
from kiosk.text import unprintable

CODE_MAX = 32
NAME_MAX = 128


@dataclass(frozen=True, slots=True)
class CatalogueItem:
    """One billable item as the clinic prices it."""

    code: str
    name_zh: str
    name_en: str
    category: ItemCategory
    unit_price_fen: int
    preauth_class: PreAuthClass | None = None
    """A major exam, outpatient surgery or major-illness treatment: always needs a pre-auth."""

    def __post_init__(self) -> None:
        problem = (
            code_problem(self.code)
            or name_problem("name_zh", self.name_zh)
            or name_problem("name_en", self.name_en, required=False)
        )
        if problem is None and (
            isinstance(self.unit_price_fen, bool)
            or not isinstance(self.unit_price_fen, int)
            or self.unit_price_fen < 0
        ):
            problem = "unit_price_fen must be a non-negative integer number of fen"
        if problem is not None:
            raise ValueError(problem)

    def name(self, language: str) -> str:
        """The name to show a person reading `language` ("zh…" or "en…"); Chinese if no English."""
        if language.startswith("en") and self.name_en:
            return self.name_en
        return self.name_zh


@dataclass(frozen=True, slots=True)
class _SearchKeys:
    """Everything search compares against, normalised once when the catalogue is built."""

    code: str
    names: tuple[str, ...]
    initials: str
    pinyin: str


@dataclass(frozen=True)
class Catalogue:
    """An immutable, searchable set of items with unique codes."""

    items: tuple[CatalogueItem, ...]
    _by_code: dict[str, CatalogueItem] = field(init=False, repr=False, compare=False)
    _keys: tuple[_SearchKeys, ...] = field(init=False, repr=False, compare=False)
    _haystack: str = field(init=False, repr=False, compare=False)
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _by_first: dict[str, list[int]] = field(init=False, repr=False, compare=False)

    def __init__(self, items: Iterable[CatalogueItem]) -> None:
        items = tuple(items)
        by_code: dict[str, CatalogueItem] = {}
        for item in items:
            key = code_key(item.code)
            if key in by_code:
                raise ValueError(f"duplicate item code {item.code!r}")
            by_code[key] = item
        object.__setattr__(self, "items", items)
        object.__setattr__(self, "_by_code", by_code)
        keys = tuple(_search_keys(item) for item in items)
        object.__setattr__(self, "_keys", keys)
        # Every searchable text of every item in one string, so finding the candidates of a
        # query is one scan at C speed; `_starts` maps a hit back to its item.
        texts = [_SEPARATOR.join((k.code, *k.names, k.initials, k.pinyin)) for k in keys]
        starts, position = [], 0
        for text in texts:
            starts.append(position)
            position += len(text) + 1
        object.__setattr__(self, "_haystack", _ITEM_SEPARATOR.join(texts))
        object.__setattr__(self, "_starts", tuple(starts))
        by_first: dict[str, list[int]] = {}
        for index, k in enumerate(keys):
            for first in {t[0] for t in (k.code, *k.names, k.initials, k.pinyin) if t}:
                by_first.setdefault(first, []).append(index)
        object.__setattr__(self, "_by_first", by_first)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[CatalogueItem]:
        return iter(self.items)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code_key(code) in self._by_code

    def get(self, code: str) -> CatalogueItem | None:
        """The item with this code (case-insensitive), or None."""
        return self._by_code.get(code_key(code))

    def __getitem__(self, code: str) -> CatalogueItem:
        item = self.get(code)
        if item is None:
            raise KeyError(code)
        return item

    def search(self, query: str, *, limit: int = 20) -> list[CatalogueItem]:
        """Items matching `query`, best first.

        Ranks: exact code; code prefix; exact name or exact pinyin initials; name, initials or
        full-pinyin prefix; then any substring. Code matches keep code order (GP001, GP002, …);
        other ties go to the shorter Chinese name, the closer fit.
        """
        q = _fold(query)
        if not q or _SEPARATOR in q or _ITEM_SEPARATOR in q:
            return []
        scored: list[tuple[int, int, str, int]] = []
        # One character matches nearly everything somewhere: only beginnings count then.
        candidates = self._by_first.get(q, ()) if len(q) == 1 else self._candidates(q)
        for index in candidates:
            keys = self._keys[index]
            rank = _rank(keys, q)
            if rank is not None:
                closeness = 0 if rank <= 1 else len(self.items[index].name_zh)
                scored.append((rank, closeness, keys.code, index))
        return [self.items[entry[3]] for entry in heapq.nsmallest(limit, scored)]

    def _candidates(self, q: str) -> list[int]:
        """Indexes of the items whose texts contain `q`, each once, in catalogue order."""
        found: list[int] = []
        position = self._haystack.find(q)
        while position != -1:
            index = bisect.bisect_right(self._starts, position) - 1
            found.append(index)
            following = index + 1
            if following == len(self._starts):
                break
            position = self._haystack.find(q, self._starts[following])
        return found


def _rank(keys: _SearchKeys, q: str) -> int | None:
    if keys.code == q:
        return 0
    if keys.code.startswith(q):
        return 1
    if keys.initials == q:
        return 2
    rank = None
    for text in (*keys.names, keys.initials, keys.pinyin):
        if text.startswith(q):
            if text == q:
                return 2
            rank = 3
        elif rank is None and q in text:
            rank = 4
    if rank is None and q in keys.code:
        rank = 4
    return rank


def code_key(code: str) -> str:
    """How item codes compare: width and case do not count, so 'ＣＲＰ' is the code 'crp' and a
    file cannot hold one code twice under two spellings."""
    return _fold(code)


def _fold(text: str) -> str:
    """Width- and case-insensitive form: a Chinese IME's full-width 'ＣＲＰ' finds 'CRP'."""
    return unicodedata.normalize("NFKC", text).casefold().strip()


_NOT_HANZI = "\x00"
_SEPARATOR = "\x1f"
_ITEM_SEPARATOR = "\x1e"


_TONELESS = str.maketrans(
    "āáǎàēéěèêếềīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeeeeiiiioooouuuuvvvvvnnnm", "\u0300\u0304\u030c"
)
"""Tone marks off, ü as v: what people type. Taking toned syllables from pypinyin and dropping
the marks here is much faster than its toneless style, which counts at a few thousand items."""


def _search_keys(item: CatalogueItem) -> _SearchKeys:
    # pypinyin loads its dictionaries on import (about half a second): only when a catalogue is
    # built, so the kiosk shows its Scan screen without waiting for them.
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(item.name_zh, style=Style.TONE, errors=lambda chunk: _NOT_HANZI + chunk)
    initials: list[str] = []
    full: list[str] = []
    for syllable in syllables:
        if syllable.startswith(_NOT_HANZI):
            kept = "".join(ch for ch in _fold(syllable[1:]) if ch.isalnum())
            initials.append(kept)
            full.append(kept)
        else:
            plain = syllable.translate(_TONELESS)
            initials.append(plain[0])
            full.append(plain)
    names = tuple(n for n in (_fold(item.name_zh), _fold(item.name_en)) if n)
    return _SearchKeys(_fold(item.code), names, "".join(initials), "".join(full))


def code_problem(code: str) -> str | None:
    if not code:
        return "code is empty"
    if len(code) > CODE_MAX:
        return f"code {code!r} is longer than {CODE_MAX} characters"
    if any(ch.isspace() for ch in code) or not code.isprintable():
        return f"code {code!r} contains spaces or control characters"
    return None


def name_problem(column: str, name: str, *, required: bool = True) -> str | None:
    if required and not name:
        return f"{column} is empty"
    if len(name) > NAME_MAX:
        return f"{column} is longer than {NAME_MAX} characters"
    hidden = unprintable(name)
    if hidden is not None:
        return f"{column} contains the invisible control character {hidden}"
    return None
