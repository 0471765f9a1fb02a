"""Log redaction: what a support ticket with the kiosk's log attached may and may not show."""

import ast
import logging
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pydantic import ValidationError

from kiosk.insurer.models import Problem
from kiosk.privacy import (
    REDACTOR,
    PersonalDataFilter,
    PersonalDataRedactor,
    install_log_redaction,
    pseudonym,
    uninstall_log_redaction,
)

TOKEN = (
    "EC1"
    + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:" * 2
    + "6FH9%KD*E.B7 SBX26:M26000101:GP2026000101"
)


@pytest.fixture
def redacted_logs(caplog):
    install_log_redaction()
    caplog.set_level(logging.DEBUG)
    yield caplog
    uninstall_log_redaction()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("guardian called from 13800000101", "13800000101"),
        ("guardian +86-13912345678 asked", "13912345678"),
        ("masked 138****0101 shown", "138****0101"),
        ("id card 11010520190304123X on file", "11010520190304123X"),
        ("member M26000101 checked", "M26000101"),
        ("policy GP2026000101 looked up", "GP2026000101"),
        ("scanned " + TOKEN + " at desk 2", "SBX26:M26000101"),
        ("GET /v1/preauths?member_id=XZ-77-abc HTTP/1.1", "XZ-77-abc"),
        ('{"child_name": "Alice Smith", "guardian_phone": "x"}', "Alice Smith"),
        ("Authorization: Bearer dk_live_5eCr3t", "dk_live_5eCr3t"),
        ("api_key=dk_live_5eCr3t", "dk_live_5eCr3t"),
        ("eligibility for 李沐阳 ok", "李沐阳"),
        ("name shown as 李** on screen", "李**"),
    ],
)
def test_personal_values_never_survive_redaction(text, secret):
    redacted = PersonalDataRedactor().redact(text)

    assert secret not in redacted
    assert "[" in redacted


@pytest.mark.parametrize(
    "text",
    [
        "claim 12 sent: covered_fen=15000 status=accepted in 0.21 s",
        "POST /v1/claims -> 201",
        "journal schema now at 3: pre-authorisation requests",
        "outbox: 4 waiting, next attempt 2026-11-25T09:00:00+00:00",
    ],
)
def test_operational_messages_stay_readable(text):
    assert PersonalDataRedactor().redact(text) == text


# A corpus of the formats personal data takes in the kiosk's world: the demo's and the e-card
# test vectors' ids and policy references (insurer_sandbox/demo.py, docs/ecard-qr.md), Chinese
# mobile numbers in every common spacing and prefix, ID-card numbers, e-mail addresses, and names
# (Chinese anywhere; Latin-script after a label that says it is a name).
CORPUS = [
    # policy references
    ("policy GY2026-000001 looked up", ["GY2026-000001", "000001"]),
    ("policy_ref=GY2026-000001/2026-12-31 verified", ["GY2026-000001", "000001"]),
    ("lookup by policy GP2026000101 failed", ["GP2026000101"]),
    ("policy GP2025000105 expired", ["GP2025000105"]),
    # member ids
    ("member M2026000001 checked", ["M2026000001"]),
    ("member M26000101 checked", ["M26000101"]),
    ("GET /v1/preauths?member_id=M26000101&open=1 HTTP/1.1", ["M26000101"]),
    # the insurer's claim references
    ("card greyed out by claim CLM-2026-004417", ["CLM-2026-004417", "004417"]),
    ("GET /v1/claims/CLM-1A2B3C4D5E6F -> 200", ["1A2B3C4D5E6F"]),
    ("insurer_claim_id=CLM-1A2B3C4D5E6F accepted", ["1A2B3C4D5E6F"]),
    # Chinese mobile numbers
    ("guardian called from 13800000101", ["13800000101"]),
    ("guardian 138 0000 0101 asked", ["0000 0101", "138 0000"]),
    ("guardian 138-0000-0101 asked", ["0000-0101", "138-0000"]),
    ("guardian +86 138-0000-0101 asked", ["0000-0101", "138-0000"]),
    ("guardian +86 138 0000 0101 asked", ["0000 0101"]),
    ("guardian +8613800000101 asked", ["13800000101"]),
    ("guardian (+86) 13800000101 asked", ["13800000101"]),
    ("guardian 0086 138 0000 0101 asked", ["0000 0101"]),
    ("guardian 86-13800000101 asked", ["13800000101"]),
    ("guardian_phone: 138.0000.0101", ["0000.0101"]),
    ("masked 138****0101 shown", ["138****0101"]),
    ("masked 138 **** 0101 shown", ["**** 0101"]),
    # ID-card numbers
    ("id card 11010520190304123X on file", ["11010520190304123X"]),
    ("id card 110105 20190304 123X on file", ["20190304", "123X"]),
    ("id 110105201903041234 on file", ["110105201903041234"]),
    # e-mail
    ("receipt sent to olivia.martin+kiosk@example.com", ["olivia.martin", "example.com"]),
    ("email: parent@example.cn", ["parent@example.cn"]),
    # names after a label that says so
    ('child_name="Olivia Martin" checked', ["Olivia", "Martin"]),
    ("child_name=Olivia Martin status=ok", ["Olivia", "Martin"]),
    ("{'child_name': 'Olivia Martin', 'birth_year': 2019}", ["Olivia", "Martin"]),
    ('{"name": "Olivia Martin"}', ["Olivia", "Martin"]),
    ("guardian_name: Jean-Pierre O'Neil, phone unknown", ["Jean-Pierre", "Neil"]),
    ("patient=Ana María López", ["María", "López"]),
    ("name=wang fang; desk 2", ["wang", "fang"]),
    ("passport=E12345678 seen", ["E12345678"]),
    ("diagnosis=acute otitis media", ["otitis"]),
    # Chinese names anywhere
    ("eligibility for 李沐阳 ok", ["李沐阳"]),
    ("name shown as 李** on screen", ["李**"]),
    ("姓名：陈思琪，电话：13800000102", ["陈思琪", "13800000102"]),
]

HARMLESS = [
    "claim 12 sent: covered_fen=15000 status=accepted in 0.21 s",
    "POST /v1/claims -> 201",
    "GET /v1/preauths/calendar -> 200",
    "GET /v1/statements/2026-11-20 -> 200",
    "journal schema now at 3: pre-authorisation requests",
    "outbox: 4 waiting, next attempt 2026-11-25T09:00:00+00:00",
    "outbox resumed after 2 interrupted send(s)",
    "claim 7 recorded by the insurer: accepted",
    "claim 9 not sent: InsurerUnavailable",
    "signal 15: closing the kiosk",
    "kiosk started (kiosk mode on)",
    "start-up loading done: 48213 objects frozen out of collection",
    "signing keys not fetched yet: InsurerTimeout",
    "catalogue read as GB18030: 45 items",
    "the insurer's 7x24 hotline is 021-80209058",
    "camera 0 opened at 1280x720, 30 fps",
    "decoded in 12.5 ms by zxing-cpp 2.2.0",
    "purged 0 claims accepted before 2026-05-01 00:00 UTC (0 signatures erased)",
    "audit trail intact: 1234 entries, head 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b8",
    "idempotency key 3f2a1c0e-5b6d-4e8f-9a0b-1c2d3e4f5a6b",
    "HTTP 503 from the insurer; retry in 30 s",
    "Uncaught exception in thread eligibility",
    "clinic CLINIC-DEMO network check ok; item SURG-TONSIL needs a pre-auth",
    "estimate: 3 lines, 128000 fen billed, 2026-11-20 09:15:02+08:00",
]


@pytest.mark.parametrize(("text", "secrets_"), CORPUS, ids=[t for t, _ in CORPUS])
def test_the_redactor_catches_every_format_in_the_corpus(text, secrets_):
    redacted = PersonalDataRedactor().redact(text)

    assert [s for s in secrets_ if s in redacted] == [], redacted
    assert "[" in redacted


@pytest.mark.parametrize("text", HARMLESS)
def test_operational_messages_of_the_kiosk_stay_intact(text):
    assert PersonalDataRedactor().redact(text) == text


def test_a_labelled_name_is_redacted_but_the_next_field_stays():
    redacted = PersonalDataRedactor().redact("child_name=Olivia Martin status=ok")

    assert redacted == "child_name=[personal] status=ok"


def test_pseudonyms_follow_one_member_through_a_log_without_showing_who():
    first, again, other = pseudonym("M26000101"), pseudonym("M26000101"), pseudonym("M26000102")

    assert first == again and first != other
    assert "26000101" not in first
    assert PersonalDataRedactor().redact(f"member {first} checked") == f"member {first} checked"


def test_a_pseudonym_cannot_be_recomputed_outside_this_process():
    """Member ids are few (10^8 in the demo format): a plain hash could be reversed by trying
    them all, so the pseudonym is keyed with a secret of this process."""
    program = "from kiosk.privacy import pseudonym; print(pseudonym('M26000101'))"
    runs = {
        subprocess.run(
            [sys.executable, "-c", program], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    }
    assert len(runs) == 2


def test_remembered_values_are_bounded_and_forgotten_with_the_visit():
    redactor = PersonalDataRedactor(known_max=3)
    redactor.remember(["Olivia Martin", "Liam Brown"])
    redactor.remember(["Emma Wilson", "Noah Davis"])

    assert redactor.redact("Olivia Martin") == "Olivia Martin", "the oldest value made room"
    assert redactor.redact("Noah Davis and Liam Brown") == "[personal] and [personal]"
    redactor.forget(["Noah Davis", "Liam Brown", "Emma Wilson"])
    assert redactor.redact("Noah Davis") == "Noah Davis"


LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical", "log"}
PERSONAL_NAMES = re.compile(
    r"(?i)member|policy|child|guardian|phone|patient|claim_ref|insurer_claim|token|(^|_)name($|_)"
)


def _log_calls_with_personal_arguments(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for call in ast.walk(tree):
        if not (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr in LOG_METHODS
            and isinstance(call.func.value, ast.Name)
            and call.func.value.id in {"log", "logger", "_log", "LOG"}
        ):
            continue
        for argument in call.args[1:]:
            for node in ast.walk(argument):
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "pseudonym":
                    break
                named = getattr(node, "id", None) or getattr(node, "attr", None)
                if named and not named.startswith("__") and PERSONAL_NAMES.search(named):
                    yield f"{path}:{call.lineno}: {named}"


def test_no_log_call_passes_a_personal_value_except_as_a_pseudonym():
    """Safe by construction: a log call names a member, policy or claim only by `pseudonym()`;
    the redactor is the second net for text nobody meant to log (exceptions, libraries)."""
    root = Path(__file__).resolve().parents[2]
    found = [
        hit
        for package in ("kiosk", "ui")
        for path in sorted((root / package).rglob("*.py"))
        for hit in _log_calls_with_personal_arguments(path)
    ]
    assert found == []


def test_names_no_pattern_can_recognise_are_redacted_once_remembered():
    redactor = PersonalDataRedactor()
    redactor.remember(["Olivia Martin", "x"])

    assert redactor.redact("lookup for olivia martin failed") == "lookup for [personal] failed"
    assert redactor.redact("x marks the spot") == "x marks the spot"


def test_records_of_every_logger_are_redacted_including_arguments_and_tracebacks(redacted_logs):
    log = logging.getLogger("kiosk.some.module")
    log.info("card of %s for member %s", "陈思琪", "M26000102")
    try:
        raise ValueError("guardian phone 13800000102 does not match")
    except ValueError:
        log.exception("lookup failed for %s", "GP2026000102")
    logging.getLogger("urllib3.connectionpool").debug(
        '%s "%s %s HTTP/1.1" %s', "https://insurer", "GET", "/v1/preauths?member_id=M26000102", 200
    )

    text = redacted_logs.text + "".join(r.exc_text or "" for r in redacted_logs.records)
    for secret in ("陈思琪", "M26000102", "13800000102", "GP2026000102"):
        assert secret not in text
    assert "ValueError" in text
    assert "does not match" in text


def test_handlers_formatting_records_later_see_only_redacted_text(redacted_logs, tmp_path):
    path = tmp_path / "kiosk.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    logging.getLogger().addHandler(handler)
    try:
        logging.getLogger("ui.screens").warning("retry for %r", {"member_id": "M26000103"})
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()

    written = path.read_text(encoding="utf-8")
    assert "M26000103" not in written
    assert "retry for" in written


def test_the_filter_alone_protects_a_handler_on_its_own():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "phone %s", ("13800000104",), None)

    assert PersonalDataFilter(REDACTOR).filter(record) is True
    assert record.getMessage() == "phone [phone]"


def test_uninstalling_restores_plain_records(caplog):
    install_log_redaction()
    uninstall_log_redaction()
    caplog.set_level(logging.INFO)

    logging.getLogger("kiosk").info("member %s", "M26000105")

    assert "M26000105" in caplog.text


def test_an_uncaught_exception_in_a_thread_is_logged_redacted(redacted_logs):
    def fail() -> None:
        raise RuntimeError("guardian 13800000106 for member M26000106 unreachable")

    worker = threading.Thread(target=fail, name="eligibility")
    worker.start()
    worker.join()

    assert "Uncaught exception in thread eligibility" in redacted_logs.text
    assert "RuntimeError" in redacted_logs.text
    assert "13800000106" not in redacted_logs.text
    assert "M26000106" not in redacted_logs.text


def test_an_uncaught_exception_of_the_process_reaches_stderr_redacted():
    program = (
        "import logging\n"
        "from kiosk.privacy import install_log_redaction\n"
        "install_log_redaction()\n"
        "logging.basicConfig()\n"
        "raise ValueError('member M26000107 phone 13800000107')\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=False
    )

    assert run.returncode == 1
    assert "ValueError" in run.stderr
    assert "M26000107" not in run.stderr
    assert "13800000107" not in run.stderr


def test_a_refused_contract_value_is_not_quoted_in_the_error():
    with pytest.raises(ValidationError) as refused:
        Problem.model_validate({"title": "x", "status": "M26000108", "code": "c"})

    assert "M26000108" not in str(refused.value)
