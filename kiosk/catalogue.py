"""The clinic's fee catalogue: what reception can put on a bill, and how they find it fast.

Items carry a code, a Chinese and an English name, the insurer's category and a unit price in
integer fen. A clinic imports its own catalogue from CSV or JSON; every bad row is reported with
its line number and what is wrong, so the manager can fix the file instead of guessing. Search
takes a code, part of a name in either language, or pinyin (initials such as "xcg" for 血常规, or
full syllables), because that is how reception types on a Chinese desk.
"""

from __future__ import annotations

import bisect
import csv
import heapq
import io
import json
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.insurer.models import ItemCategory
from kiosk.money import AmountError, parse_yuan

DEMO_CATALOGUE = Path(__file__).resolve().parent.parent / "resources" / "catalogue" / "demo.json"
"""The illustrative catalogue of a private paediatric clinic used by the demo and the tests."""

CODE_MAX = 32
NAME_MAX = 128
COLUMNS = ("code", "name_zh", "name_en", "category", "price")
"""CSV header / JSON keys of a catalogue row; `price` is yuan as text, e.g. "1,280.00"."""


@dataclass(frozen=True, slots=True)
class CatalogueItem:
    """One billable item as the clinic prices it."""

    code: str
    name_zh: str
    name_en: str
    category: ItemCategory
    unit_price_fen: int

    def __post_init__(self) -> None:
        problem = (
            _code_problem(self.code)
            or _name_problem("name_zh", self.name_zh)
            or _name_problem("name_en", self.name_en, required=False)
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
class RowError:
    """What is wrong with one row of an imported catalogue, located by its line in the file."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class CatalogueImportError(ValueError):
    """A catalogue file that cannot be used as it is; `errors` lists every bad row."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = tuple(errors)
        shown = "; ".join(str(e) for e in self.errors[:10])
        more = f" (and {len(self.errors) - 10} more)" if len(self.errors) > 10 else ""
        super().__init__(f"{len(self.errors)} bad row(s): {shown}{more}")


@dataclass(frozen=True)
class CatalogueImport:
    """The outcome of reading a clinic's file: the good rows and every bad one.

    The caller decides: show the errors and refuse (`require_clean`), or accept the good rows.
    """

    items: tuple[CatalogueItem, ...]
    errors: tuple[RowError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    def require_clean(self) -> Catalogue:
        """The catalogue, only when every row was good; a partial price list bills wrong amounts."""
        if self.errors:
            raise CatalogueImportError(self.errors)
        return Catalogue(self.items)


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
            key = _fold(item.code)
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
        return isinstance(code, str) and _fold(code) in self._by_code

    def get(self, code: str) -> CatalogueItem | None:
        """The item with this code (case-insensitive), or None."""
        return self._by_code.get(_fold(code))

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

    syllables = lazy_pinyin(
        item.name_zh, style=Style.TONE, errors=lambda chunk: [_NOT_HANZI + chunk]
    )
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


def _code_problem(code: str) -> str | None:
    if not code:
        return "code is empty"
    if len(code) > CODE_MAX:
        return f"code {code!r} is longer than {CODE_MAX} characters"
    if any(ch.isspace() for ch in code) or not code.isprintable():
        return f"code {code!r} contains spaces or control characters"
    return None


def _name_problem(column: str, name: str, *, required: bool = True) -> str | None:
    if required and not name:
        return f"{column} is empty"
    if len(name) > NAME_MAX:
        return f"{column} is longer than {NAME_MAX} characters"
    return None


def _item_from_row(row: dict[str, object]) -> tuple[CatalogueItem | None, list[str]]:
    """Validate one row; every problem is named, not only the first."""
    problems: list[str] = []
    text: dict[str, str] = {}
    for column in COLUMNS:
        value = row.get(column)
        if value is None:
            value = ""
        if not isinstance(value, str):
            problems.append(f"{column} must be text, got {type(value).__name__}")
            value = ""
        text[column] = value.strip()
    for problem in (
        _code_problem(text["code"]),
        _name_problem("name_zh", text["name_zh"]),
        _name_problem("name_en", text["name_en"], required=False),
    ):
        if problem:
            problems.append(problem)
    category: ItemCategory | None = None
    try:
        category = ItemCategory(text["category"].lower())
    except ValueError:
        allowed = ", ".join(c.value for c in ItemCategory)
        problems.append(f"category {text['category']!r} is not one of: {allowed}")
    price: int | None = None
    if not text["price"]:
        problems.append("price is empty")
    else:
        try:
            price = parse_yuan(text["price"])
        except AmountError:
            problems.append(f"price {text['price']!r} is not an amount in yuan such as 12.50")
    if problems or category is None or price is None:
        return None, problems
    item = CatalogueItem(text["code"], text["name_zh"], text["name_en"], category, price)
    return item, []


def _collect(rows: Iterable[tuple[int, dict[str, object] | str]]) -> CatalogueImport:
    """Validate located rows; a row given as text is a row that could not even be read."""
    items: list[CatalogueItem] = []
    errors: list[RowError] = []
    first_line: dict[str, int] = {}
    for line, row in rows:
        if isinstance(row, str):
            errors.append(RowError(line, row))
            continue
        item, problems = _item_from_row(row)
        if item is not None:
            key = _fold(item.code)
            if key in first_line:
                problems = [f"code {item.code!r} already used on line {first_line[key]}"]
            else:
                first_line[key] = line
                items.append(item)
        errors.extend(RowError(line, p) for p in problems)
    return CatalogueImport(tuple(items), tuple(errors))


def _decode(data: bytes) -> str:
    """UTF-8 (with or without the BOM Excel writes), else GB18030 as Chinese Excel saves CSV."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _read_text(source: str | bytes | Path) -> str:
    if isinstance(source, Path):
        return _decode(source.read_bytes())
    if isinstance(source, bytes):
        return _decode(source)
    return source.removeprefix("\ufeff")


def import_csv(source: str | bytes | Path) -> CatalogueImport:
    """Read a catalogue from CSV with the header `code,name_zh,name_en,category,price`.

    `source` is the file's text, its bytes, or its path. Line numbers count physical lines, so
    they match what a spreadsheet or editor shows; a row is located by the line it starts on.
    """
    text = _read_text(source)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return CatalogueImport((), (RowError(1, "the file is empty"),))
    except csv.Error as exc:
        return CatalogueImport((), (RowError(1, f"not readable as CSV: {exc}"),))
    names = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        return CatalogueImport((), (RowError(1, f"header lacks column(s): {', '.join(missing)}"),))

    def rows() -> Iterator[tuple[int, dict[str, object] | str]]:
        start = reader.line_num + 1
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start, f"not readable as CSV: {exc}"
                return
            if any(v.strip() for v in values):
                if len(values) != len(names):
                    yield start, f"has {len(values)} fields, the header has {len(names)}"
                else:
                    yield start, dict(zip(names, values, strict=True))
            start = reader.line_num + 1

    return _collect(rows())


def import_json(source: str | bytes | Path) -> CatalogueImport:
    """Read a catalogue from JSON: a list of rows, or an object with an `items` list.

    Each row is an object with the keys of `COLUMNS`. `price` is yuan, as text ("12.50") or as a
    JSON number; either way its literal digits go through `parse_yuan`, never through float.
    Errors are located by the line on which the row's object starts.
    """
    text = _read_text(source)
    decoder = json.JSONDecoder(parse_float=str, parse_int=str)
    try:
        document = decoder.decode(text)
    except json.JSONDecodeError as exc:
        return CatalogueImport((), (RowError(exc.lineno, f"not valid JSON: {exc.msg}"),))
    try:
        located = list(_json_rows(decoder, text, document))
    except ValueError as exc:
        return CatalogueImport((), (RowError(1, str(exc)),))
    not_object = f"a row must be an object with the keys {', '.join(COLUMNS)}"
    return _collect((line, row if isinstance(row, dict) else not_object) for line, row in located)


def _json_rows(
    decoder: json.JSONDecoder, text: str, document: object
) -> Iterator[tuple[int, object]]:
    """Yield (line, row) for each element of the rows array, walking the text to find lines."""
    if isinstance(document, list):
        start = _skip_ws(text, 0)
    elif isinstance(document, dict) and isinstance(document.get("items"), list):
        start = _find_items_array(decoder, text)
    else:
        raise ValueError('expected a list of rows or an object with an "items" list')
    pos = _skip_ws(text, start + 1)
    if text[pos] == "]":
        return
    line, counted = 1, 0
    while True:
        row, end = decoder.raw_decode(text, pos)
        line += text.count("\n", counted, pos)
        counted = pos
        yield line, row
        pos = _skip_ws(text, end)
        if text[pos] == "]":
            return
        pos = _skip_ws(text, pos + 1)


def _find_items_array(decoder: json.JSONDecoder, text: str) -> int:
    """Position of the `[` that opens the top-level object's last "items" value."""
    found = -1
    pos = _skip_ws(text, _skip_ws(text, 0) + 1)
    while text[pos] != "}":
        key, pos = decoder.raw_decode(text, pos)
        pos = _skip_ws(text, _skip_ws(text, pos) + 1)
        if key == "items":
            found = pos
        _, pos = decoder.raw_decode(text, pos)
        pos = _skip_ws(text, pos)
        if text[pos] == ",":
            pos = _skip_ws(text, pos + 1)
    return found


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def load_catalogue(path: Path) -> Catalogue:
    """A catalogue file that must be entirely valid (CSV or JSON by its suffix)."""
    reader = import_csv if path.suffix.lower() == ".csv" else import_json
    return reader(path).require_clean()


def load_demo_catalogue() -> Catalogue:
    """The demo clinic's catalogue shipped in `resources/catalogue/demo.json`."""
    return load_catalogue(DEMO_CATALOGUE)
