"""The fee catalogue: demo data, search as reception types it, and checked imports."""

import json

import pytest

from insurer_sandbox.demo import DEMO_MEMBERS
from kiosk.catalogue import (
    Catalogue,
    CatalogueImportError,
    CatalogueItem,
    import_csv,
    import_json,
    load_catalogue,
    load_demo_catalogue,
)
from kiosk.insurer.models import ItemCategory

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
