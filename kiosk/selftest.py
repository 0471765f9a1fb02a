"""The Qt-free half of `kiosk --self-test`: what a frozen bundle most often loses on the way.

PyInstaller finds Python imports, but not a C library loaded by ctypes (libzbar for pyzbar), not
OpenCV's data, not SQLite features; a bundle that starts can still fail at the first scan. These
checks exercise each such piece for real: every QR decoder reads a generated code, and a journal is
created, written and verified. The Qt half (`ui.selftest`) adds rendering a screen offscreen.
Each library is imported inside its own check, so a missing piece is reported by name instead of
stopping the self-test at start.
"""

from __future__ import annotations

import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kiosk import __version__
from kiosk.journal import Journal

SAMPLE_TEXT = "EC1 SELF-TEST 0123456789"
"""QR-alphanumeric like an e-card token, so every decoder reads it in the same mode."""


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One self-test step: `detail` says what was seen, or why it failed."""

    name: str
    ok: bool
    detail: str
    seconds: float


def sample_qr(text: str = SAMPLE_TEXT) -> np.ndarray:
    """A clean grey QR image of `text`, as a camera frame would arrive (uint8, h x w)."""
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=6, border=4)
    code.add_data(text)
    code.make(fit=True)
    image = code.make_image(fill_color="black", back_color="white").get_image().convert("L")
    return np.asarray(image, dtype=np.uint8).copy()


def decode_zxing(image: np.ndarray) -> str | None:
    import zxingcpp

    results = zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    )
    return results[0].text if results else None


def decode_pyzbar(image: np.ndarray) -> str | None:
    from pyzbar import pyzbar

    results = pyzbar.decode(image, symbols=[pyzbar.ZBarSymbol.QRCODE])
    return results[0].data.decode("utf-8") if results else None


def decode_opencv(image: np.ndarray) -> str | None:
    import cv2

    text, _, _ = cv2.QRCodeDetector().detectAndDecode(image)
    return text or None


DECODERS: dict[str, Callable[[np.ndarray], str | None]] = {
    "zxing-cpp": decode_zxing,
    "pyzbar (libzbar)": decode_pyzbar,
    "OpenCV": decode_opencv,
}


def timed_check(name: str, step: Callable[[], str]) -> CheckResult:
    started = time.perf_counter()
    try:
        detail = step()
        ok = True
    except Exception as exc:  # a self-test reports every failure instead of stopping at one
        detail = f"{type(exc).__name__}: {exc}"
        ok = False
    return CheckResult(name, ok, detail, time.perf_counter() - started)


def decoder_checks(
    image: np.ndarray | None = None, expected: str = SAMPLE_TEXT
) -> list[CheckResult]:
    """Each decoder library reads the sample code (or `image`, which must show `expected`)."""
    frame = sample_qr(expected) if image is None else image

    def step(decode: Callable[[np.ndarray], str | None]) -> Callable[[], str]:
        def run() -> str:
            text = decode(frame)
            if text != expected:
                raise RuntimeError(f"read {text!r} instead of the sample code")
            return "reads the sample QR code"

        return run

    return [timed_check(f"decoder {name}", step(decode)) for name, decode in DECODERS.items()]


def journal_check(work_dir: Path) -> CheckResult:
    """Create a journal, write an audited entry, re-open it and verify chain and file."""

    def run() -> str:
        path = work_dir / "self-test-journal.sqlite3"
        with Journal.open(path) as journal, journal.transaction(actor="self-test") as tx:
            tx.append_audit("self-test", "journal", {"version": __version__})
        with Journal.open(path) as journal:
            verdict = journal.verify_audit()
            problems = journal.integrity_problems()
            schema = journal.schema_version
        if not verdict.intact or problems:
            raise RuntimeError(f"audit intact={verdict.intact}, integrity problems={problems}")
        return f"schema {schema}, audit chain of {verdict.entries} verified, integrity ok"

    return timed_check("journal", run)


def clinic_db_check() -> CheckResult:
    """The clinic database's driver and migrations, as a desk that ships to one needs them: the
    SQL of its first migration is rendered offline (no server), from the bundled files."""

    def run() -> str:
        import psycopg
        from sqlalchemy import create_engine

        from kiosk.clinic_db.admin import migration_sql

        create_engine("postgresql+psycopg://self-test@127.0.0.1/clinic")
        statements = migration_sql()
        return (
            f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__} libpq), "
            f"migrations render {statements.count('CREATE TABLE')} tables"
        )

    return timed_check("clinic database driver", run)


SAMPLE_DFT = "\r".join(
    [
        r"MSH|^~\&|SELF-TEST|DESK|KIOSK|DESK|20261207093000+0800||DFT^P03|SELFTEST1|P|2.5",
        "PID|1||SELF-1^^^SELF-TEST^PI||测试^自检||20200101",
        "FT1|1|||20261207093000+0800||CG|T1^自检^SELF-TEST|||2||1.50^CNY|||||||||||ORDER-1",
        "IN1|1|PLAN|INS|Insurer" + "|" * 32 + "POLICY-1",
    ]
)
"""A DFT^P03 of made-up data: one charge of 2 × ¥1.50."""

SAMPLE_BUNDLE = {
    "resourceType": "Bundle",
    "id": "self-test",
    "type": "collection",
    "entry": [
        {
            "resource": {
                "resourceType": "Patient",
                "identifier": [{"value": "SELF-1"}],
                "name": [{"family": "测试", "given": ["自检"]}],
                "birthDate": "2020-01-01",
            }
        },
        {
            "resource": {
                "resourceType": "Coverage",
                "identifier": [{"value": "POLICY-1"}],
                "status": "active",
                "beneficiary": {"reference": "Patient/SELF-1"},
                "payor": [{"display": "Insurer"}],
            }
        },
        {
            "resource": {
                "resourceType": "ChargeItem",
                "identifier": [{"value": "ORDER-1"}],
                "status": "billable",
                "code": {"coding": [{"code": "T1"}]},
                "subject": {"reference": "Patient/SELF-1"},
                "quantity": {"value": 2},
                "priceOverride": {"value": 3, "currency": "CNY"},
            }
        },
    ],
}
"""The same charge as a FHIR R4 bundle (priceOverride is the charge's total)."""


def his_check() -> CheckResult:
    """The HIS formats, as a desk with a HIS link reads them: HL7 v2 (python-hl7) and FHIR R4
    (fhir.resources loads each resource's model by name, which a bundle can lose)."""

    def run() -> str:
        import json

        from kiosk.his.fhir_r4 import read_bundle
        from kiosk.his.hl7_v2 import acknowledgement, read_dft

        hl7_message = read_dft(SAMPLE_DFT)
        fhir_message = read_bundle(json.dumps(SAMPLE_BUNDLE))
        totals = {m.charges[0].total_fen for m in (hl7_message, fhir_message)}
        if totals != {300}:
            raise RuntimeError(f"charges read as {sorted(totals)} fen, not 300")
        ack = acknowledgement(SAMPLE_DFT, accepted=True, refusal=None, detail="accepted")
        return f"DFT^P03 and a FHIR bundle read (300 fen each), ACK {len(ack)} bytes"

    return timed_check("HIS formats", run)


def core_checks(work_dir: Path) -> list[CheckResult]:
    """Every Qt-free self-test step, in the order they are printed."""
    runtime = CheckResult(
        "runtime",
        True,
        f"kiosk {__version__}, Python {platform.python_version()}, "
        f"{'frozen bundle' if getattr(sys, 'frozen', False) else 'source tree'}",
        0.0,
    )
    return [
        runtime,
        *decoder_checks(),
        journal_check(work_dir),
        clinic_db_check(),
        his_check(),
    ]


def format_results(results: list[CheckResult]) -> str:
    lines = [
        f"{'ok  ' if r.ok else 'FAIL'}  {r.name:<24} {r.detail} ({r.seconds * 1000:.0f} ms)"
        for r in results
    ]
    failed = sum(not r.ok for r in results)
    lines.append(f"self-test {'passed' if not failed else f'FAILED ({failed} of {len(results)})'}")
    return "\n".join(lines)
