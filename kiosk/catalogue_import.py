"""A clinic's catalogue file read into a `Catalogue`: an Excel workbook (.xlsx), CSV or JSON.

Every bad row is reported with its line (or Excel row) number and what is wrong, so the manager
can fix the file instead of guessing. A file that is no catalogue at all — missing, a folder, a
picture, an old .xls — is refused as a whole with a `FileProblem` and what to do.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.catalogue import Catalogue, CatalogueItem, code_key, code_problem, name_problem
from kiosk.insurer.models import ItemCategory, PreAuthClass
from kiosk.money import AmountError, parse_yuan

DEMO_CATALOGUE = Path(__file__).resolve().parent.parent / "resources" / "catalogue" / "demo.json"
"""The illustrative catalogue of a private paediatric clinic used by the demo and the tests."""

FILE_MAX_BYTES = 16 * 1024 * 1024
"""A fee list of a few thousand items is well under 1 MB: anything this large is the wrong file."""
WORKBOOK_MAX_BYTES = 128 * 1024 * 1024
"""What a workbook may unpack to (a small .xlsx can hold a huge sheet)."""
COLUMNS = ("code", "name_zh", "name_en", "category", "price")
"""CSV header / JSON keys of a catalogue row; `price` is yuan as text, e.g. "1,280.00"."""
PREAUTH_COLUMN = "preauth"
"""Optional column: `major-exam`, `outpatient-surgery` or `major-illness-treatment` for an item
that always needs a pre-authorisation, empty otherwise."""


@dataclass(frozen=True, slots=True)
class RowError:
    """What is wrong with one row of an imported catalogue, located by its line in the file."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class FileProblem(StrEnum):
    """Why a file could not be read as a catalogue at all (no row was looked at)."""

    MISSING = "missing"
    FOLDER = "folder"
    UNREADABLE = "unreadable"
    """The system refused to open it (permissions, in use, a disk error)."""
    TOO_LARGE = "too-large"
    NOT_TEXT = "not-text"
    """Neither a workbook nor text in an encoding Excel writes: a picture, a PDF, a document."""
    OLD_EXCEL = "old-excel"
    """An Excel 97-2003 .xls, or a password-protected workbook (both are OLE2 containers)."""
    NOT_WORKBOOK = "not-workbook"
    """A zip file that does not open as an .xlsx workbook (damaged, or another program's)."""


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A file refused as a whole: the problem (for a screen to translate) and what to do."""

    problem: FileProblem
    message: str

    def __str__(self) -> str:
        return self.message


class _Refused(Exception):
    def __init__(self, problem: FileProblem, message: str) -> None:
        super().__init__(message)
        self.unreadable = Unreadable(problem, message)


class CatalogueImportError(ValueError):
    """A catalogue file that cannot be used as it is: `errors` lists every bad row, or
    `problem` says why the file could not be read at all (then `errors` is empty)."""

    def __init__(self, errors: Sequence[RowError], unreadable: Unreadable | None = None) -> None:
        self.errors = tuple(errors)
        self.problem = unreadable.problem if unreadable else None
        if unreadable is not None:
            super().__init__(unreadable.message)
            return
        shown = "; ".join(str(e) for e in self.errors[:10])
        more = f" (and {len(self.errors) - 10} more)" if len(self.errors) > 10 else ""
        super().__init__(f"{len(self.errors)} bad row(s): {shown}{more}")


@dataclass(frozen=True)
class CatalogueImport:
    """The outcome of reading a clinic's file: the good rows and every bad one, or why the file
    could not be read at all.

    The caller decides: show the errors and refuse (`require_clean`), or accept the good rows.
    """

    items: tuple[CatalogueItem, ...]
    errors: tuple[RowError, ...] = ()
    unreadable: Unreadable | None = None

    @property
    def ok(self) -> bool:
        return not self.errors and self.unreadable is None

    def require_clean(self) -> Catalogue:
        """The catalogue, only when every row was good; a partial price list bills wrong amounts."""
        if not self.ok:
            raise CatalogueImportError(self.errors, self.unreadable)
        return Catalogue(self.items)


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
        # A line break typed into a spreadsheet cell (Alt+Enter) is a space on a bill.
        text[column] = " ".join(value.split()) if column.startswith("name") else value.strip()
    for problem in (
        code_problem(text["code"]),
        name_problem("name_zh", text["name_zh"]),
        name_problem("name_en", text["name_en"], required=False),
    ):
        if problem:
            problems.append(problem)
    category: ItemCategory | None = None
    try:
        category = ItemCategory(text["category"].lower())
    except ValueError:
        allowed = ", ".join(c.value for c in ItemCategory)
        problems.append(f"category {text['category']!r} is not one of: {allowed}")
    preauth_class: PreAuthClass | None = None
    mark = row.get(PREAUTH_COLUMN)
    if isinstance(mark, str) and mark.strip():
        try:
            preauth_class = PreAuthClass(mark.strip().lower())
        except ValueError:
            allowed = ", ".join(c.value for c in PreAuthClass)
            problems.append(f"preauth {mark.strip()!r} is not empty or one of: {allowed}")
    elif mark is not None and not isinstance(mark, str):
        problems.append(f"preauth must be text, got {type(mark).__name__}")
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
    item = CatalogueItem(
        text["code"], text["name_zh"], text["name_en"], category, price, preauth_class
    )
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
            key = code_key(item.code)
            if key in first_line:
                problems = [f"code {item.code!r} already used on line {first_line[key]}"]
            else:
                first_line[key] = line
                items.append(item)
        errors.extend(RowError(line, p) for p in problems)
    return CatalogueImport(tuple(items), tuple(errors))


_SAVE_AS = 'In Excel, save the fee list as a workbook (.xlsx) or as "CSV UTF-8".'


def _decode(data: bytes) -> str:
    """Text in the encodings Excel writes, tried in this order: a byte-order mark decides first
    (UTF-8, or UTF-16 as Excel's "Unicode text" is); then strict UTF-8 ("CSV UTF-8", or no BOM);
    then GB18030, what Chinese Excel's plain "CSV" is (a superset of GBK and GB2312).

    Anything else — Big5, Latin-1, UTF-16 without its mark, binary — is refused rather than
    guessed at, and so is text full of control characters (a picture can decode as GB18030).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    elif data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # A stray NUL in a name is a bad row (reported on its line), not a binary file.
        controls = sum(1 for ch in text if ch < " " and ch not in "\t\r\n")
        if controls <= max(2, len(text) // 100):
            return text
        break
    raise _Refused(
        FileProblem.NOT_TEXT,
        "The file is not a fee list the kiosk can read: it is neither a workbook nor text in "
        f"UTF-8, UTF-16 or GB18030 (a picture, a PDF or a document?). {_SAVE_AS}",
    )


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, or `_Refused` naming the file and what to do."""
    try:
        if path.is_dir():
            raise _Refused(FileProblem.FOLDER, f"{path} is a folder: choose the fee list in it.")
        size = path.stat().st_size
        if size > FILE_MAX_BYTES:
            raise _Refused(
                FileProblem.TOO_LARGE,
                f"{path.name} is {size / 1024 / 1024:.0f} MB; a fee list is far smaller "
                f"(at most {FILE_MAX_BYTES // 1024 // 1024} MB). Was the right file chosen?",
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise _Refused(
            FileProblem.MISSING,
            f"There is no file {path.name} in {path.parent} (moved or renamed?).",
        ) from None
    except OSError as exc:
        raise _Refused(
            FileProblem.UNREADABLE,
            f"{path.name} cannot be opened ({exc.strerror or exc}): close it in Excel, or copy it "
            "to this PC, and try again.",
        ) from None


def _read_text(source: str | bytes | Path) -> str:
    if isinstance(source, Path):
        return _decode(_read_bytes(source))
    if isinstance(source, bytes):
        return _decode(source)
    return source.removeprefix("\ufeff")


def _refusal(error: _Refused) -> CatalogueImport:
    return CatalogueImport((), (), error.unreadable)


def import_csv(source: str | bytes | Path) -> CatalogueImport:
    """Read a catalogue from CSV with the header `code,name_zh,name_en,category,price`.

    `source` is the file's text, its bytes (see `_decode` for the encodings), or its path. Fields
    are separated by commas, by tabs (Excel's "Unicode text") or by semicolons (Excel where the
    decimal separator is a comma), whichever the header uses. Line numbers count physical lines,
    so they match what a spreadsheet or editor shows; a row is located by the line it starts on.
    """
    try:
        text = _read_text(source)
    except _Refused as refused:
        return _refusal(refused)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
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
    try:
        text = _read_text(source)
    except _Refused as refused:
        return _refusal(refused)
    decoder = json.JSONDecoder(parse_float=str, parse_int=str)
    try:
        document = decoder.decode(text)
        located = list(_json_rows(decoder, text, document))
    except json.JSONDecodeError as exc:
        return CatalogueImport((), (RowError(exc.lineno, f"not valid JSON: {exc.msg}"),))
    except RecursionError:
        return CatalogueImport((), (RowError(1, "the JSON is nested too deeply for a fee list"),))
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


def _delimiter(text: str) -> str:
    """The separator the header line uses: comma, tab or semicolon (comma when unclear)."""
    header = text.split("\n", 1)[0]
    for candidate in (",", "\t", ";"):
        names = {name.strip().lower() for name in header.split(candidate)}
        if names.issuperset(COLUMNS):
            return candidate
    return ","


HEADER_SEARCH_ROWS = 10
"""How many filled rows of a sheet may come before its header (a title, a date, a note)."""
_ZIP = b"PK\x03\x04"
_OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")


def import_xlsx(source: bytes | Path) -> CatalogueImport:
    """Read a catalogue from the first sheet of an Excel workbook (.xlsx).

    The header is the first row naming all the `COLUMNS` (in any order and case; other columns
    are ignored; a title row or two may come before it), each following row an item; empty rows
    are skipped and errors are located by Excel's row number. A price
    cell may hold text ("1,280.00") or a number: a number is taken by its shortest decimal form,
    what Excel shows unformatted (0.29 is 29 fen, never 28.999…), then through `parse_yuan`.
    Formulas count by the value Excel last saved with them.
    """
    try:
        data = _read_bytes(source) if isinstance(source, Path) else source
        return _collect(_workbook_rows(data))
    except _Refused as refused:
        return _refusal(refused)


def _workbook_rows(data: bytes) -> Iterator[tuple[int, dict[str, object] | str]]:
    not_workbook = _Refused(
        FileProblem.NOT_WORKBOOK,
        f"The file cannot be opened as an Excel workbook (damaged, or from another program). "
        f"{_SAVE_AS}",
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except zipfile.BadZipFile:
        raise not_workbook from None
    if unpacked > WORKBOOK_MAX_BYTES:
        raise _Refused(
            FileProblem.TOO_LARGE,
            f"The workbook unpacks to {unpacked / 1024 / 1024:.0f} MB; a fee list is far smaller. "
            "Was the right file chosen?",
        )
    # openpyxl costs ~0.35 s to import: only a workbook pays it, not the kiosk's start-up.
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = list(book.worksheets[0].iter_rows(values_only=True)) if book.worksheets else []
        book.close()
    except Exception:  # a parser of untrusted files: whatever it raises means "not a workbook"
        raise not_workbook from None
    located = [(number, row) for number, row in enumerate(rows, start=1) if _filled(row)]
    if not located:
        yield 1, "the first sheet is empty"
        return
    # The header is the first row naming every column: a title row or two may come before it.
    headers = [[str(_cell_text(value)).strip().lower() for value in row] for _, row in located]
    found = next(
        (i for i, names in enumerate(headers[:HEADER_SEARCH_ROWS]) if set(COLUMNS) <= set(names)),
        None,
    )
    if found is None:
        missing = [c for c in COLUMNS if c not in headers[0]]
        yield located[0][0], f"header lacks column(s): {', '.join(missing)}"
        return
    names = headers[found]
    for number, row in located[found + 1 :]:
        values: dict[str, object] = {}
        for name, value in zip(names, row, strict=False):
            if name in COLUMNS or name == PREAUTH_COLUMN:
                values[name] = _cell_text(value)
        yield number, values


def _filled(row: Sequence[object]) -> bool:
    return any(value is not None and str(value).strip() for value in row)


def _cell_text(value: object) -> object:
    """Numbers as the decimal Excel shows; text as is; anything else (a date, TRUE) left for the
    row check to refuse as not text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return value


def import_file(path: Path) -> CatalogueImport:
    """Read a catalogue file as what it holds, whatever it is named: a workbook (.xlsx) by its zip
    signature, JSON when the text starts with [ or {, CSV otherwise. An Excel 97-2003 or
    password-protected workbook is refused with what to do."""
    try:
        data = _read_bytes(path)
    except _Refused as refused:
        return _refusal(refused)
    if data.startswith(_ZIP):
        return import_xlsx(data)
    if data.startswith(_OLE2):
        return _refusal(
            _Refused(
                FileProblem.OLD_EXCEL,
                "This is an Excel 97-2003 workbook (.xls) or a password-protected one, which the "
                "kiosk cannot read: in Excel, remove the password and save it as a workbook "
                '(.xlsx) or as "CSV UTF-8".',
            )
        )
    try:
        text = _decode(data)
    except _Refused as refused:
        return _refusal(refused)
    if text.lstrip("\ufeff \t\r\n").startswith(("[", "{")):
        return import_json(text)
    return import_csv(text)


def load_catalogue(path: Path) -> Catalogue:
    """A catalogue file that must be entirely valid (see `import_file` for what is read)."""
    return import_file(path).require_clean()


def load_demo_catalogue() -> Catalogue:
    """The demo clinic's catalogue shipped in `resources/catalogue/demo.json`."""
    return load_catalogue(DEMO_CATALOGUE)
