"""The family's statement PDF: Chinese as real text, the evidence on it, long bills paged."""

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTranslator

from kiosk.billing import ShownBill, build_bill, english_names
from kiosk.catalogue_import import load_demo_catalogue
from kiosk.insurer.models import ItemCategory, PlanTier
from kiosk.money import format_yuan
from kiosk.signature import Point, Signature
from kiosk.statement import (
    ClaimStanding,
    ClinicProfile,
    StatementContent,
    StatementFacts,
)
from tests.estimates import covered_except
from ui.documents.family_statement import statement_pdf, write_statement
from ui.widgets.signature_pad import image_to_png, render_signature

CATALOGUE = load_demo_catalogue()
SIGNED_AT = datetime(2026, 11, 25, 2, 41, tzinfo=UTC)  # 10:41 in Shanghai


def shown_bill(codes, invoice_no="BJHY-20261125-0042") -> ShownBill:
    bill = build_bill("M-0001", date(2026, 11, 25), [(CATALOGUE[c], 1 + i % 3) for i, c in codes])
    not_covered = {x.line_no for x in bill.lines if x.category is ItemCategory.NON_MEDICAL}
    return ShownBill(
        bill,
        covered_except(bill, not_covered),
        clinic="北京和悦儿童诊所",
        invoice_no=invoice_no,
        names_en=english_names(CATALOGUE),
    )


@pytest.fixture(scope="module")
def signature_png(qapp):
    stroke = tuple(Point(100 + 8 * i, 150 + 40 * ((i % 8) - 4) ** 2 / 16, 8 * i) for i in range(60))
    return image_to_png(render_signature(Signature((stroke,), 900, 320)))


def render(path, view, signature_png, *, translator=None, **overrides):
    values = {
        "language": "zh_CN",
        "claim_number": "CLM-2026-000731",
        "signed_at": SIGNED_AT,
    } | overrides
    facts = StatementFacts(
        language=values["language"],
        consent="本人签字确认。",
        child_masked="王**",
        policy_masked="******0042",
        plan_tier=PlanTier.PLUS,
        service_date=view.bill.service_date,
        clinic=ClinicProfile(name_zh=view.clinic, name_en="Heyue Children's Clinic"),
    )
    content = StatementContent(
        statement_no=view.invoice_no,
        version=1,
        facts=facts,
        lines=view.lines,
        totals=view.totals,
        bill_hash=view.hash,
        signed_at=values["signed_at"],
        standing=ClaimStanding.ACCEPTED if values["claim_number"] else ClaimStanding.WAITING,
        claim_number=values["claim_number"],
        payments=(),
    )
    write_statement(path, statement_pdf(content, signature_png, translator=translator))
    return PdfReader(path)


def text_of(reader) -> str:
    """The document's text with runs of whitespace (tabs, line breaks) as one space."""
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_chinese_bill_carries_names_claim_number_and_hash(tmp_path, signature_png):
    view = shown_bill(enumerate(["GP003", "LAB001", "LAB002", "RX005", "NM001"]))
    path = tmp_path / "bill.pdf"
    reader = render(path, view, signature_png)
    assert path.read_bytes().startswith(b"%PDF")
    assert len(reader.pages) == 1
    text = text_of(reader)
    for name in ("北京和悦儿童诊所", "儿科专家门诊诊查费", "血常规（五分类）", "诊断证明书"):
        assert name in text, f"{name} must be real text, not tofu or radicals"
    family_pays = format_yuan(view.totals.patient_fen)
    assert family_pays == "¥100.00", "two certificates are not covered"
    for fact in ("CLM-2026-000731", view.hash, "BJHY-20261125-0042", family_pays):
        assert fact in text
    assert "王**" in text.replace(" ", ""), "a change of font may split a run, not drop it"
    assert "2026-11-25 10:41" in text, "signed time in Asia/Shanghai"
    assert not list(tmp_path.glob("*.part"))
    page = reader.pages[0]
    assert round(float(page.mediabox.width)) == 595, "A4"
    assert page.images, "the signature is embedded as an image"


def test_english_bill_uses_english_names_and_says_when_the_claim_waits(tmp_path, signature_png):
    view = shown_bill(enumerate(["GP003", "LAB001"]))
    reader = render(tmp_path / "en.pdf", view, signature_png, language="en", claim_number=None)
    text = text_of(reader)
    assert "Paediatric specialist consultation" in text
    assert "血常规" not in text
    assert "Stored at the clinic; sent to the insurer when it is reachable" in text
    assert "You pay today" in text
    assert view.hash in text


def test_labels_follow_the_documents_language_not_the_desks(tmp_path, signature_png):
    ts = tmp_path / "kiosk_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        "<context><name>SignedBill</name>"
        + "".join(
            f"<message><source>{escape(s)}</source><translation>{escape(t)}</translation></message>"
            for s, t in (("You pay today", "今日您需支付"), ("Total charges", "费用总计"))
        )
        + "</context></TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "kiosk_zh_CN.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    view = shown_bill(enumerate(["GP003"]))
    reader = render(tmp_path / "zh.pdf", view, signature_png, translator=translator)
    text = text_of(reader)
    assert "今日您需支付" in text
    assert "费用总计" in text
    assert "You pay today" not in text


def test_a_long_bill_flows_over_pages_and_keeps_the_signature_with_lines(tmp_path, signature_png):
    codes = [item.code for item in CATALOGUE][:40]
    view = shown_bill(enumerate(codes))
    reader = render(tmp_path / "long.pdf", view, signature_png)
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert len(pages) >= 2
    text = "".join(pages)
    for code in codes:
        assert code in text
    last = pages[-1]
    assert view.hash in last
    assert codes[-1] in last, "the closing block never stands alone on a page"
    assert "%1" not in text and "%2" not in text, "page numbers are filled in"


def test_nothing_is_written_when_the_inputs_are_wrong(tmp_path, signature_png):
    view = shown_bill(enumerate(["GP003"]))
    path = tmp_path / "bill.pdf"
    with pytest.raises(ValueError, match="image"):
        render(path, view, b"not a png")
    with pytest.raises(ValueError, match="timezone"):
        render(path, view, signature_png, signed_at=datetime(2026, 11, 25, 10, 41))  # noqa: DTZ001
    assert list(tmp_path.iterdir()) == []


def test_signed_time_is_shown_in_shanghai_whatever_the_offset(tmp_path, signature_png):
    view = shown_bill(enumerate(["GP003"]))
    elsewhere = SIGNED_AT.astimezone(timezone(timedelta(hours=-5)))
    text = text_of(render(tmp_path / "b.pdf", view, signature_png, signed_at=elsewhere))
    assert "2026-11-25 10:41" in text
