"""The shown bill and its hash: what you see is what you sign."""

import hashlib
import json
from datetime import date

import pytest

from kiosk.billing import (
    BillMismatch,
    ShownBill,
    bill_hash,
    bill_line,
    bill_total_fen,
    build_bill,
    english_names,
)
from kiosk.catalogue_import import load_demo_catalogue
from kiosk.insurer.models import (
    Adjudication,
    Bill,
    BillLine,
    ItemCategory,
    Reason,
    VisitType,
)
from tests.estimates import covered_except

CATALOGUE = load_demo_catalogue()


def visit_bill() -> Bill:
    entries = [(CATALOGUE["GP001"], 1), (CATALOGUE["LAB001"], 2), (CATALOGUE["NM001"], 1)]
    return build_bill("M-0001", date(2026, 11, 25), entries)


def shown(bill=None, adjudication=None, **header) -> ShownBill:
    bill = bill or visit_bill()
    adjudication = adjudication or covered_except(bill, {3})
    values = {"clinic": "和悦儿童诊所", "invoice_no": "INV-42", "names_en": {}} | header
    return ShownBill(bill, adjudication, **values)


def test_bill_lines_come_from_the_catalogue_at_its_prices():
    bill = visit_bill()
    assert [(x.line_no, x.item_code, x.quantity) for x in bill.lines] == [
        (1, "GP001", 1),
        (2, "LAB001", 2),
        (3, "NM001", 1),
    ]
    assert bill.lines[1].description == "血常规（五分类）"
    assert bill.lines[1].category is ItemCategory.EXAM
    assert bill_total_fen(bill.lines) == 68_000 + 2 * 12_000 + 5_000
    line = bill_line(CATALOGUE["EXAM-MRI"], 1, line_no=7, preauth_id="PA-1")
    assert (line.line_no, line.unit_price_fen, line.preauth_id) == (7, 680_000, "PA-1")


def test_shown_rows_join_each_line_with_its_adjudication():
    view = shown(names_en=english_names(CATALOGUE))
    rows = view.lines
    assert [(r.item_code, r.covered_fen, r.patient_fen, r.reason) for r in rows] == [
        ("GP001", 68_000, 0, Reason.COVERED),
        ("LAB001", 24_000, 0, Reason.COVERED),
        ("NM001", 0, 5_000, Reason.NOT_COVERED),
    ]
    assert rows[1].name("en") == "Complete blood count (5-part differential)"
    assert rows[1].name("zh_CN") == "血常规（五分类）"
    assert (view.totals.submitted_fen, view.totals.covered_fen, view.totals.patient_fen) == (
        97_000,
        92_000,
        5_000,
    )
    assert set(view.names_en) == {"GP001", "LAB001", "NM001"}, "only names that are shown"


def test_hash_is_sha256_of_sorted_compact_json():
    view = shown()
    canonical = view.canonical()
    document = json.loads(canonical)
    assert (
        canonical
        == json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    )
    assert view.hash == hashlib.sha256(canonical).hexdigest()
    assert document["clinic"] == "和悦儿童诊所"
    assert document["totals"] == {
        "submitted_fen": 97_000,
        "covered_fen": 92_000,
        "patient_fen": 5_000,
        "free_visit_used": True,
    }
    assert bill_hash(view.bill, view.adjudication, clinic="和悦儿童诊所", invoice_no="INV-42") == (
        view.hash
    )


def test_hash_is_stable_across_key_and_line_order():
    bill = visit_bill()
    reordered = {
        "lines": [
            dict(reversed(list(line.model_dump(mode="json").items())))
            for line in reversed(bill.lines)
        ],
        "visit_type": "outpatient",
        "service_date": "2026-11-25",
        "member_id": "M-0001",
    }
    same_bill = Bill.model_validate(reordered)
    adjudication = covered_except(bill, {3})
    same_adjudication = Adjudication.model_validate(
        dict(reversed(list(adjudication.model_dump(mode="json").items())))
    )
    names = {"NM001": "Medical certificate", "GP001": "Paediatric consultation"}
    a = shown(bill, adjudication, names_en=names)
    b = shown(same_bill, same_adjudication, names_en=dict(reversed(names.items())))
    assert a.hash == b.hash


def _changed_bill(**line_changes) -> Bill:
    bill = visit_bill()
    lines = [bill.lines[0], bill.lines[1].model_copy(update=line_changes), bill.lines[2]]
    return bill.model_copy(update={"lines": lines})


def _variants():
    """Every field the family sees, changed one at a time."""
    yield "quantity", {"bill": _changed_bill(quantity=3)}
    yield "unit price", {"bill": _changed_bill(unit_price_fen=12_001)}
    yield "description", {"bill": _changed_bill(description="血常规")}
    yield "item code", {"bill": _changed_bill(item_code="LAB001X")}
    yield "category", {"bill": _changed_bill(category=ItemCategory.TREATMENT)}
    yield "pre-auth", {"bill": _changed_bill(preauth_id="PA-9")}
    bill = visit_bill()
    yield "member", {"bill": bill.model_copy(update={"member_id": "M-0002"})}
    yield "service date", {"bill": bill.model_copy(update={"service_date": date(2026, 11, 26)})}
    yield "visit type", {"bill": bill.model_copy(update={"visit_type": VisitType.EMERGENCY})}
    yield "who pays", {"adjudication": covered_except(bill, {2, 3})}
    yield "free visit", {"adjudication": covered_except(bill, {3}, free_visit_used=False)}
    adjudication = covered_except(bill, {3})
    lines = list(adjudication.lines)
    lines[2] = lines[2].model_copy(update={"reason": Reason.LIMIT_EXHAUSTED})
    yield "reason", {"adjudication": adjudication.model_copy(update={"lines": lines})}
    yield "clinic", {"clinic": "和悦儿童诊所 "}
    yield "invoice", {"invoice_no": "INV-43"}
    yield "english name", {"names_en": {"GP001": "Consultation"}}


@pytest.mark.parametrize(("field", "change"), list(_variants()), ids=[v[0] for v in _variants()])
def test_any_change_the_family_could_see_changes_the_hash(field, change):
    bill = change.pop("bill", None)
    adjudication = change.pop("adjudication", None)
    if bill is not None and adjudication is None:
        adjudication = covered_except(bill, {3})
    assert shown(bill, adjudication, **change).hash != shown().hash, field


def test_an_adjudication_of_another_bill_is_refused():
    bill = visit_bill()
    other = build_bill("M-0001", date(2026, 11, 25), [(CATALOGUE["GP001"], 1)])
    with pytest.raises(BillMismatch, match="missing"):
        shown(bill, covered_except(other))
    more = _changed_bill(quantity=5)
    with pytest.raises(BillMismatch, match="line 2"):
        shown(more, covered_except(bill))
    with pytest.raises(BillMismatch):
        shown(clinic=" ")


def test_the_hash_of_a_known_bill_never_changes():
    """Signed-bill PDFs and journals keep these hashes: the canonical form is frozen (a new form
    gets a new CANONICAL_VERSION)."""
    bill = Bill(
        member_id="M-0001",
        service_date=date(2026, 11, 25),
        lines=[
            BillLine(
                line_no=1,
                item_code="GP001",
                description="儿科普通门诊",
                category=ItemCategory.CONSULTATION,
                quantity=1,
                unit_price_fen=68_000,
            ),
            BillLine(
                line_no=2,
                item_code="LAB001",
                description="血常规（五分类）",
                category=ItemCategory.EXAM,
                quantity=2,
                unit_price_fen=12_000,
                preauth_id="PA-1",
            ),
            BillLine(
                line_no=3,
                item_code="NM001",
                description="病假证明",
                category=ItemCategory.NON_MEDICAL,
                quantity=1,
                unit_price_fen=5_000,
            ),
        ],
    )
    names = {"GP001": "Paediatric consultation", "NM001": "Medical certificate"}
    view = shown(bill, covered_except(bill, {3}), names_en=names)
    assert view.hash == "6b1eff358e9d85710532a150aaaabd791a37166f61b238a185bb63f5c973fd41"
