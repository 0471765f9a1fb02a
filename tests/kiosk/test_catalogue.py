"""The fee catalogue: demo data, search as reception types it, and checked imports."""

import codecs
import io
import json
import random
import subprocess
import sys
import zipfile

import openpyxl
import pytest

from insurer_sandbox.demo import DEMO_MEMBERS
from kiosk.catalogue import Catalogue, CatalogueItem
from kiosk.catalogue_import import (
    COLUMNS,
    CatalogueImportError,
    FileProblem,
    import_csv,
    import_json,
    load_catalogue,
    load_demo_catalogue,
)
from kiosk.insurer.models import ItemCategory, PreAuthClass

HEADER = "code,name_zh,name_en,category,price\n"


def item(code, name_zh, name_en="", category=ItemCategory.EXAM, price=100):
    return CatalogueItem(code, name_zh, name_en, category, price)


# --- demo catalogue


def test_demo_catalogue_covers_what_a_paediatric_clinic_bills():
    catalogue = load_demo_catalogue()
    assert 35 <= len(catalogue) <= 60
    assert {i.category for i in catalogue} == set(ItemCategory) - {ItemCategory.INPATIENT}
    mri = catalogue.search("MRI")[0]
    assert mri.unit_price_fen > 500_000, "an exam over CNY 5,000 must need pre-authorisation"
    assert all(i.name_en for i in catalogue), "international families read the English names"


def test_every_item_a_demo_preauth_names_is_in_the_demo_catalogue():
    """The insurer matches a pre-auth to a bill line by item code, so only these codes show
    "covered by an approved pre-auth" in the demo."""
    catalogue = load_demo_catalogue()
    named = [p for member in DEMO_MEMBERS for p in member.preauths]
    assert {p.item_code for p in named} == {"SURG-TONSIL", "EXAM-MRI", "TRT-REHAB"}
    for preauth in named:
        item = catalogue[preauth.item_code]
        assert item.category is preauth.category and item.name_zh and item.name_en
    assert [i.code for i in catalogue.search("MRI")] == ["EXAM-MRI"], "one MRI, under its code"
    assert catalogue["SURG-TONSIL"].unit_price_fen == 1_750_000


def test_demo_prices_are_exact_fen_from_yuan_text():
    catalogue = load_demo_catalogue()
    assert catalogue["LAB009"].unit_price_fen == 128_000  # "1,280.00"
    assert catalogue["RX003"].unit_price_fen == 7_860  # "78.60"
    assert catalogue["rx003"] is catalogue["RX003"], "codes are found whatever their case"


# --- search


@pytest.fixture(scope="module")
def demo():
    return load_demo_catalogue()


@pytest.mark.parametrize(
    ("query", "expected_first"),
    [
        ("LAB001", "LAB001"),
        ("lab001", "LAB001"),
        ("xcg", "LAB001"),  # 血常规 by pinyin initials
        ("XCG", "LAB001"),
        ("xuechang", "LAB001"),  # full pinyin prefix
        ("血常规", "LAB001"),
        ("ＣＲＰ", "LAB002"),  # full-width, as a Chinese IME types it
        ("c-reactive", "LAB002"),
        ("NEBULISER TREATMENT", "TRT001"),
        ("wh", "TRT001"),  # 雾化吸入治疗 before the longer 家用压缩式雾化器 (jyysswhq)
    ],
)
def test_search_finds_by_code_name_or_pinyin(demo, query, expected_first):
    assert demo.search(query)[0].code == expected_first


def test_search_by_chinese_and_english_substring(demo):
    assert {i.code for i in demo.search("超声")} == {"IMG002", "IMG003"}
    assert {i.code for i in demo.search("ultrasound")} == {"IMG002", "IMG003"}


def test_exact_code_outranks_names_and_prefixes():
    catalogue = Catalogue(
        [
            item("XCG1", "血常规加急"),
            item("A1", "血常规"),
            item("XCG", "小儿推拿"),
            item("B2", "xcg test kit", "XCG kit"),
        ]
    )
    assert [i.code for i in catalogue.search("xcg")] == ["XCG", "XCG1", "A1", "B2"]


def test_code_prefix_matches_keep_code_order(demo):
    assert [i.code for i in demo.search("GP")] == [f"GP00{n}" for n in range(1, 7)]


def test_search_with_nothing_to_find(demo):
    assert demo.search("") == []
    assert demo.search("   ") == []
    assert demo.search("zzzzqqq") == []
    assert len(demo.search("x", limit=3)) == 3


def test_one_letter_matches_beginnings_only(demo):
    found = {i.code for i in demo.search("y", limit=100)}
    assert "VAC004" in found  # 疫苗接种服务费: initials ymjzfwf
    assert "LAB007" not in found, "便常规+隐血 has y only inside: bcgyx"
    assert demo.search("0") == []


def test_duplicate_codes_are_refused():
    with pytest.raises(ValueError, match="duplicate"):
        Catalogue([item("A1", "一"), item("a1", "二")])


@pytest.mark.parametrize(
    "kwargs",
    [
        {"code": ""},
        {"code": "A 1"},
        {"code": "X" * 33},
        {"name_zh": ""},
        {"price": -1},
        {"price": 1.5},
    ],
)
def test_items_refuse_what_could_not_be_billed(kwargs):
    values = {"code": "A1", "name_zh": "诊查费", "price": 100} | kwargs
    with pytest.raises(ValueError):
        item(values["code"], values["name_zh"], price=values["price"])


# --- CSV import


def test_csv_import_reads_prices_exactly_and_tolerates_excel_encodings():
    text = HEADER + 'A1,血常规,Blood count,exam,"1,280.05"\nB2,诊查费,,consultation,0.1\n'
    for data in (text, text.encode("utf-8-sig"), text.encode("gb18030")):
        result = import_csv(data)
        assert result.ok
        assert [(i.code, i.unit_price_fen) for i in result.items] == [("A1", 128005), ("B2", 10)]
        assert result.items[1].name("en") == "诊查费", "no English name: show the Chinese one"


def test_csv_bad_rows_are_reported_by_line_with_what_is_wrong(tmp_path):
    text = (
        HEADER  # line 1
        + "A1,血常规,CBC,exam,12.00\n"  # 2 good
        + "A2,尿常规,,exam,12.345\n"  # 3 price with three decimals
        + "\n"  # 4 blank, skipped
        + 'A3,"多行\n名称",,lab,10\n'  # 5-6 unknown category, row starts on line 5
        + ",空编码,,exam,\n"  # 7 empty code and empty price
        + "A1,重复,,exam,1\n"  # 8 duplicate of line 2
        + "A4,字段少,exam,1\n"  # 9 wrong number of fields
        + "A5,正常,,drug,8.5\n"  # 10 good
    )
    result = import_csv(text)
    assert [i.code for i in result.items] == ["A1", "A5"]
    got = [(e.line, e.message) for e in result.errors]
    assert [line for line, _ in got] == [3, 5, 7, 7, 8, 9]
    assert "12.345" in got[0][1]
    assert "'lab' is not one of" in got[1][1]
    assert got[2][1] == "code is empty"
    assert got[3][1] == "price is empty"
    assert "already used on line 2" in got[4][1]
    assert "4 fields" in got[5][1]
    path = tmp_path / "clinic.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueImportError) as refused:
        load_catalogue(path)
    assert len(refused.value.errors) == 6
    assert "line 3" in str(refused.value)


def test_csv_without_the_needed_columns_says_which():
    result = import_csv("code,name,price\nA1,x,1\n")
    assert [(e.line, e.message) for e in result.errors] == [
        (1, "header lacks column(s): name_zh, name_en, category")
    ]
    assert import_csv("").errors[0].message == "the file is empty"


# --- JSON import


def test_json_import_takes_prices_as_text_or_numbers_without_float():
    rows = '[{"code":"A1","name_zh":"甲","name_en":"","category":"drug","price":0.29},\n'
    rows += ' {"code":"A2","name_zh":"乙","name_en":"B","category":"DRUG","price":"1,000"}]'
    result = import_json(rows)
    assert result.ok
    assert [i.unit_price_fen for i in result.items] == [29, 100_000]


def test_json_bad_rows_are_reported_by_the_line_they_start_on():
    document = {
        "clinic": "x",
        "items": [
            {"code": "A1", "name_zh": "甲", "name_en": "", "category": "exam", "price": "1"},
            {"code": "A2", "name_zh": "乙", "name_en": "", "category": "exam", "price": "@"},
            "not a row",
            {"code": "A3", "name_zh": "丙", "name_en": "", "category": None, "price": True},
        ],
        "after": [1, 2],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2).replace('"@"', "1e3")
    lines = text.splitlines()
    start = {key: next(n for n, ln in enumerate(lines, 1) if key in ln) for key in ('"A2"', '"not')}
    result = import_json(text)
    assert [i.code for i in result.items] == ["A1"]
    got = [(e.line, e.message) for e in result.errors]
    assert got[0][0] == start['"A2"'] - 1, "the row's object opens on the line before its code"
    assert "'1e3' is not an amount" in got[0][1], "a number's literal text is what is checked"
    assert got[1] == (
        start['"not'],
        "a row must be an object with the keys code, name_zh, name_en, category, price",
    )
    assert [message for _, message in got[2:]] == [
        "price must be text, got bool",
        "category '' is not one of: " + ", ".join(c.value for c in ItemCategory),
        "price is empty",
    ]


def test_json_that_is_not_a_catalogue():
    assert import_json('{"items": [1,').errors[0].message.startswith("not valid JSON")
    assert import_json('{"rows": []}').errors[0].message.startswith("expected a list")
    assert import_json("[]").ok


def test_pinyin_without_tones_and_with_v_for_u_umlaut():
    catalogue = Catalogue([item("RX9", "氯雷他定糖浆"), item("RX8", "女性用药")])
    assert [i.code for i in catalogue.search("lltdtj")] == ["RX9"]
    assert [i.code for i in catalogue.search("lvleitading")] == ["RX9"]
    assert [i.code for i in catalogue.search("nvxing")] == ["RX8"]


# --- files as clinics really have them


ROWS = [
    ("A1", "血常规", "Blood count", "exam", "1,280.05"),
    ("B2", "诊查费", "", "consultation", "0.29"),
]
EXPECTED = [("A1", "血常规", 128_005), ("B2", "诊查费", 29)]


def csv_text(delimiter=","):
    lines = [delimiter.join(COLUMNS)]
    for row in ROWS:
        lines.append(delimiter.join(f'"{v}"' if delimiter in v else v for v in row))
    return "\r\n".join(lines) + "\r\n"


def loaded(path):
    return [(i.code, i.name_zh, i.unit_price_fen) for i in load_catalogue(path)]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.csv", csv_text().encode("utf-8")),
        ("utf8-bom.csv", csv_text().encode("utf-8-sig")),
        ("excel-chinese.csv", csv_text().encode("gb18030")),
        # Excel's "Unicode text": UTF-16 with its byte-order mark, tab-separated.
        ("unicode-text.txt", csv_text("\t").encode("utf-16")),
        ("utf16-be.csv", codecs.BOM_UTF16_BE + csv_text().encode("utf-16-be")),
        ("semicolons.csv", csv_text(";").encode("utf-8")),
        # What the file holds decides, not its name.
        ("renamed.xlsx", csv_text().encode("utf-8")),
        ("json-named.csv", json.dumps([dict(zip(COLUMNS, r, strict=True)) for r in ROWS]).encode()),
    ],
)
def test_csv_in_every_encoding_excel_writes_is_read(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    assert loaded(path) == EXPECTED


def workbook(path, rows, *, header=COLUMNS, title=None):
    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.append([])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_an_excel_workbook_is_read_directly(tmp_path):
    path = workbook(
        tmp_path / "fees.xlsx",
        [
            ("A1", "血常规", "Blood count", "exam", 1280.05),
            ("B2", "诊查费", None, "CONSULTATION", 0.29),
            (3001, "雾化", "Nebuliser", "treatment", "12.50"),
            (None, None, None, None, None),
            ("D4", "疫苗", "Vaccine", "vaccine", 100),
        ],
        header=[c.upper() for c in COLUMNS],
    )
    assert loaded(path) == [*EXPECTED, ("3001", "雾化", 1250), ("D4", "疫苗", 10_000)]


def test_a_workbook_saved_with_a_csv_name_is_still_read_as_a_workbook(tmp_path):
    path = workbook(tmp_path / "fees.csv", [("A1", "血常规", "", "exam", "1,280.05")])
    assert loaded(path) == [("A1", "血常规", 128_005)]


def test_workbook_rows_are_reported_by_their_excel_row_number(tmp_path):
    path = workbook(
        tmp_path / "fees.xlsx",
        [("A1", "血常规", "", "exam", 12), ("A2", "尿常规", "", "exam", 12.345)],
        title="示例诊所 收费目录 2026",
    )
    with pytest.raises(CatalogueImportError) as refused:
        load_catalogue(path)
    [error] = refused.value.errors
    assert error.line == 5 and "12.345" in error.message


def test_reading_csv_or_json_does_not_load_openpyxl():
    """openpyxl costs ~0.35 s: only a workbook pays for it, not the kiosk's start-up."""
    program = (
        "import sys\n"
        "from kiosk.catalogue_import import load_demo_catalogue, import_csv\n"
        "load_demo_catalogue(); import_csv('code,name_zh,name_en,category,price\\n')\n"
        "print('openpyxl' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120, check=True
    )
    assert run.stdout.strip() == "False"


def nested_json(depth):
    return "[" * depth + "]" * depth


def old_excel():
    """The start of an Excel 97-2003 (or password-protected) workbook: an OLE2 container."""
    return bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)


def broken_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    return buffer.getvalue()


def row_with(name_zh):
    return (HEADER + f"A1,{name_zh},,exam,1\n").encode("utf-8")


@pytest.mark.parametrize(
    ("name", "data", "problem", "said"),
    [
        ("random.csv", random.Random(7).randbytes(4096), FileProblem.NOT_TEXT, "CSV UTF-8"),
        ("random.json", random.Random(8).randbytes(4096), FileProblem.NOT_TEXT, "CSV UTF-8"),
        ("picture.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, FileProblem.NOT_TEXT, ""),
        ("latin.csv", HEADER.encode() + b"A1,\x80\x80\xff,,exam,1\n", FileProblem.NOT_TEXT, ""),
        ("utf16-no-header.txt", "\x00\x01\x02".encode("utf-16"), FileProblem.NOT_TEXT, ""),
        ("old.xls", old_excel(), FileProblem.OLD_EXCEL, ".xlsx"),
        ("old-named.csv", old_excel(), FileProblem.OLD_EXCEL, ".xlsx"),
        ("broken.xlsx", broken_zip(), FileProblem.NOT_WORKBOOK, "workbook"),
        ("truncated.xlsx", b"PK\x03\x04" + bytes(100), FileProblem.NOT_WORKBOOK, "workbook"),
    ],
)
def test_a_file_that_is_no_catalogue_is_refused_with_what_to_do(
    tmp_path, name, data, problem, said
):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CatalogueImportError) as refused:
        load_catalogue(path)
    assert refused.value.problem is problem
    assert refused.value.errors == ()
    assert said in str(refused.value)


def test_a_missing_file_a_folder_and_a_huge_file_are_named(tmp_path):
    cases = {
        tmp_path / "gone.csv": FileProblem.MISSING,
        tmp_path: FileProblem.FOLDER,
        tmp_path / "huge.csv": FileProblem.TOO_LARGE,
    }
    with (tmp_path / "huge.csv").open("wb") as huge:
        huge.truncate(64 * 1024 * 1024)
    for path, problem in cases.items():
        with pytest.raises(CatalogueImportError) as refused:
            load_catalogue(path)
        assert refused.value.problem is problem, path
        assert path.name in str(refused.value)


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (nested_json(100_000).encode(), "nested"),
        (('{"items": ' + nested_json(50_000) + "}").encode(), "nested"),
        (row_with("血常\x00规"), "U+0000"),
        (row_with("血常\x07规"), "U+0007"),
        (row_with("血常\u202e规"), "U+202E"),
        (
            HEADER.replace(",", "\t").encode("utf-16")
            + "A1\t血\x00\t\texam\t1\n".encode("utf-16-le"),
            "U+0000",
        ),
    ],
    ids=["deep-list", "deep-items", "nul", "bell", "bidi", "utf16-nul"],
)
def test_content_no_catalogue_can_hold_is_reported_on_its_line(tmp_path, data, said):
    path = tmp_path / ("rows.json" if data.startswith((b"[", b"{")) else "rows.csv")
    path.write_bytes(data)
    with pytest.raises(CatalogueImportError) as refused:
        load_catalogue(path)
    assert said in str(refused.value)
    assert refused.value.errors[0].line >= 1


def test_an_item_cannot_carry_a_control_character_in_its_names():
    with pytest.raises(ValueError, match="U\\+0000"):
        item("A1", "血常\x00规")
    with pytest.raises(ValueError, match="U\\+0009"):
        item("A1", "血常规", "Blood\tcount")


def test_items_that_always_need_a_preauth_are_marked_in_the_catalogue_file():
    """The manual's 任何大型检查和门诊手术 and 任何重大疾病治疗 need a pre-auth whatever the price:
    the clinic marks them in an optional `preauth` column; a wrong mark is a named row error."""
    text = (
        "code,name_zh,name_en,category,price,preauth\n"
        "CT1,胸部CT,Chest CT,exam,1500.00,major-exam\n"
        "S1,脓肿切开,Abscess incision,surgery,2600.00,Outpatient-Surgery\n"
        "G1,诊查费,Consultation,consultation,680.00,\n"
        "X1,某项,Thing,treatment,10.00,expensive\n"
    )
    result = import_csv(text)
    assert [e.line for e in result.errors] == [5]
    assert "preauth 'expensive'" in result.errors[0].message
    marks = {item.code: item.preauth_class for item in result.items}
    assert marks == {
        "CT1": PreAuthClass.MAJOR_EXAM,
        "S1": PreAuthClass.OUTPATIENT_SURGERY,
        "G1": None,
    }
    assert import_csv(text.replace(",preauth", "").replace(",major-exam", "")).errors


def test_the_demo_catalogue_marks_a_major_exam_under_5000_and_outpatient_surgery(demo):
    assert demo["IMG004"].preauth_class is PreAuthClass.MAJOR_EXAM
    assert demo["IMG004"].unit_price_fen < 500_000
    assert demo["SUR001"].preauth_class is PreAuthClass.OUTPATIENT_SURGERY
    assert demo["TRT005"].preauth_class is PreAuthClass.MAJOR_ILLNESS_TREATMENT
