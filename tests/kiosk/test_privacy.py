"""Log redaction: what a support ticket with the kiosk's log attached may and may not show."""

import logging
import subprocess
import sys
import threading

import pytest
from pydantic import ValidationError

from kiosk.insurer.models import Problem
from kiosk.privacy import (
    REDACTOR,
    PersonalDataFilter,
    PersonalDataRedactor,
    install_log_redaction,
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
