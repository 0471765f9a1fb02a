"""The client against a hostile insurer: a real HTTP server on loopback answering what we script.

The real sandbox covers the happy paths; here the insurer misbehaves in ways the sandbox would not.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kiosk.insurer.client import InsecureURLError, InsurerClient, check_insurer_url
from kiosk.insurer.errors import (
    InsurerAnswerTooLarge,
    InsurerAuthError,
    InsurerError,
    InsurerInvalidResponse,
    InsurerNotFound,
    InsurerRedirected,
    InsurerRejected,
    InsurerServerError,
    InsurerTimeout,
    InsurerTooSlow,
    InsurerUnreachable,
)
from kiosk.insurer.models import EligibilityByLookup


class ScriptedInsurer(ThreadingHTTPServer):
    """Answers each request with the next scripted (status, body) — or a dropped connection."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script: list[tuple[int, bytes] | tuple[int, bytes, dict[str, str]] | str] = []
        self.requests: list[tuple[str, str, dict[str, str]]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: ScriptedInsurer

    def log_message(self, *args: object) -> None:
        return

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.server.requests.append((self.command, self.path, dict(self.headers)))
        step = self.server.script.pop(0) if self.server.script else (500, b"{}")
        if step == "drop":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "500")
            self.end_headers()
            self.wfile.write(b'{"keys": [')
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if step == "hang":
            threading.Event().wait(1.0)
            step = (200, b"{}")
        if isinstance(step, tuple) and step[0] in {"drip", "drip-headers"}:
            self._drip(headers_too=step[0] == "drip-headers", pause=step[1])
            return
        if isinstance(step, tuple) and step[0] == "unsized":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self._write_quietly(step[1])
            return
        status, body, *extra = step
        self.send_response(status)
        for name, value in (extra[0] if extra else {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _drip(self, *, headers_too: bool, pause: float) -> None:
        """One byte at a time, `pause` apart: each read is quick, the whole answer never is."""
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n"
        if not headers_too:
            self._write_quietly(head)
        for byte in (head if headers_too else b"") + KEYS.ljust(400):
            if not self._write_quietly(bytes([byte])):
                return
            time.sleep(pause)

    def _write_quietly(self, data: bytes) -> bool:
        try:
            self.wfile.write(data)
            self.wfile.flush()
        except OSError:  # the kiosk hung up, as it should
            return False
        return True

    do_GET = _answer
    do_POST = _answer


@pytest.fixture
def insurer() -> Iterator[ScriptedInsurer]:
    server = ScriptedInsurer()
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def client_for(insurer: ScriptedInsurer, **kwargs) -> InsurerClient:
    kwargs.setdefault("backoff", 0.0)
    return InsurerClient(insurer.url, "device-key-123", **kwargs)


KEYS = json.dumps(
    {"keys": [{"kid": "k1", "alg": "Ed25519", "public_key": "AAAA", "status": "current"}]}
).encode()


def problem(status: int, code: str, detail: str) -> tuple[int, bytes]:
    body = {"type": "about:blank", "title": code, "status": status, "code": code, "detail": detail}
    return status, json.dumps(body).encode()


def test_valid_answer_is_typed_and_the_device_key_is_sent(insurer):
    insurer.script = [(200, KEYS)]
    keys = client_for(insurer).signing_keys()
    assert keys.keys[0].kid == "k1"
    assert insurer.requests[0][2]["Authorization"] == "Bearer device-key-123"


def test_5xx_is_retried_then_succeeds(insurer):
    insurer.script = [(503, b"{}"), (502, b""), (200, KEYS)]
    assert client_for(insurer, retries=2).signing_keys().keys[0].kid == "k1"
    assert len(insurer.requests) == 3


def test_5xx_that_persists_is_a_server_error_that_the_outbox_retries(insurer):
    insurer.script = [(500, b"{}")] * 3
    with pytest.raises(InsurerServerError) as info:
        client_for(insurer, retries=2).signing_keys()
    assert info.value.retryable and info.value.status == 500


def test_rejection_carries_the_problem_code_and_is_final(insurer):
    insurer.script = [problem(409, "idempotency-conflict", "key reused with another body")]
    with pytest.raises(InsurerRejected) as info:
        client_for(insurer).signing_keys()
    assert info.value.code == "idempotency-conflict"
    assert not info.value.retryable
    assert len(insurer.requests) == 1


def test_wrong_key_is_an_auth_error(insurer):
    insurer.script = [problem(401, "unauthorized", "unknown device key")]
    with pytest.raises(InsurerAuthError):
        client_for(insurer).signing_keys()


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"{}",
        b'{"keys": [{"kid": "k1"}]}',
        b'{"keys": [], "extra": 1}',
        b"[1, 2, 3]",
        b"\xff\xfe",
    ],
)
def test_answer_that_breaks_the_contract_is_an_invalid_response(insurer, body):
    insurer.script = [(200, body)]
    with pytest.raises(InsurerInvalidResponse):
        client_for(insurer).signing_keys()


def test_float_money_from_the_insurer_is_refused(insurer):
    statement = {
        "clinic_id": "C1",
        "date": "2026-11-25",
        "claims": [],
        "total_covered_fen": 0.1,
        "total_patient_fen": 0,
    }
    insurer.script = [(200, json.dumps(statement).encode())]
    with pytest.raises(InsurerInvalidResponse):
        client_for(insurer).daily_statement(__import__("datetime").date(2026, 11, 25))


def test_dropped_connection_mid_answer_is_unreachable(insurer):
    insurer.script = ["drop", "drop", "drop"]
    with pytest.raises(InsurerUnreachable):
        client_for(insurer, retries=2).signing_keys()


def test_slow_insurer_times_out(insurer):
    insurer.script = ["hang"]
    with pytest.raises(InsurerTimeout):
        client_for(insurer, read_timeout=0.2, retries=0).signing_keys()


def test_connection_refused_is_unreachable_and_retryable():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = InsurerClient(f"http://127.0.0.1:{port}", "k", retries=0)
    with pytest.raises(InsurerUnreachable) as info:
        client.signing_keys()
    assert info.value.retryable
    assert isinstance(info.value, InsurerError)


@pytest.mark.parametrize(
    "url",
    ["http://insurer.example.com", "http://10.0.0.5:8080", "ftp://127.0.0.1", "insurer", ""],
)
def test_plain_http_off_this_computer_is_refused(url):
    with pytest.raises(InsecureURLError):
        check_insurer_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://api.insurer.example/",
        "http://127.0.0.1:8000",
        "http://localhost:1",
        "http://[::1]:9",
    ],
)
def test_https_and_loopback_are_allowed(url):
    assert check_insurer_url(url) == url.rstrip("/")


@pytest.mark.parametrize("status", [408, 425, 429])
def test_insurer_that_asks_to_come_back_later_is_retried_by_the_outbox(insurer, status):
    insurer.script = [problem(status, "rate-limited", "slow down")]
    with pytest.raises(InsurerError) as info:
        client_for(insurer, retries=0).signing_keys()
    assert info.value.retryable


def test_retry_after_never_parks_the_caller(insurer):
    busy = (503, b"{}", {"Retry-After": "30"})
    insurer.script = [busy, (200, KEYS)]
    started = time.monotonic()
    client_for(insurer, retries=1).signing_keys()
    assert time.monotonic() - started < 2.0


def test_a_404_from_something_that_is_not_the_insurer_api_is_retryable(insurer):
    insurer.script = [(404, b"<html>Not Found</html>")]
    with pytest.raises(InsurerInvalidResponse) as info:
        client_for(insurer, retries=0).signing_keys()
    assert info.value.retryable


def test_a_404_problem_from_the_insurer_is_final(insurer):
    insurer.script = [problem(404, "not-found", "no such claim")]
    with pytest.raises(InsurerNotFound) as info:
        client_for(insurer, retries=0).claim("CLM-1")
    assert not info.value.retryable


def test_a_redirect_is_never_followed_and_nothing_reaches_the_other_address(insurer):
    with ScriptedInsurer() as elsewhere:
        thread = threading.Thread(target=elsewhere.serve_forever, args=(0.02,), daemon=True)
        thread.start()
        location = {"Location": f"{elsewhere.url}/v1/eligibility/lookup"}
        insurer.script = [(307, b"", location)]
        lookup = EligibilityByLookup(
            policy_number="GY2026-000001", child_name="王小明", guardian_phone="13800000101"
        )
        with pytest.raises(InsurerRedirected) as info:
            client_for(insurer).eligibility_by_lookup(lookup)
        elsewhere.shutdown()
        thread.join(5)
    assert elsewhere.requests == []
    assert len(insurer.requests) == 1
    assert "never follows redirects" in info.value.message
    assert elsewhere.url in info.value.message


@pytest.mark.parametrize("kind", ["drip", "drip-headers"])
def test_an_insurer_that_drips_its_answer_is_cut_off_at_the_call_deadline(insurer, kind):
    insurer.script = [(kind, 0.05)] * 3  # 400 bytes at 20 a second: 20 s for the whole answer
    started = time.monotonic()
    with pytest.raises(InsurerTooSlow) as info:
        client_for(insurer, read_timeout=0.5, retries=2, deadline=1.0).signing_keys()
    took = time.monotonic() - started
    assert 1.0 <= took < 2.5
    assert "too slow" in info.value.message
    assert info.value.retryable


@pytest.mark.parametrize("declared", [True, False])
def test_an_answer_larger_than_any_genuine_one_is_refused_unread(insurer, declared):
    body = b'{"keys": [], "padding": "' + b"x" * 200_000 + b'"}'
    insurer.script = [(200, body) if declared else ("unsized", body)]
    with pytest.raises(InsurerAnswerTooLarge) as info:
        client_for(insurer, max_answer_bytes=100_000).signing_keys()
    assert "too large" in info.value.message


def test_an_answer_within_the_size_cap_is_read_whole(insurer):
    insurer.script = [("unsized", KEYS)]
    assert client_for(insurer, max_answer_bytes=len(KEYS)).signing_keys().keys[0].kid == "k1"


def test_a_claims_number_stays_out_of_the_errors_and_logs_of_its_call(insurer, caplog):
    insurer.script = [(200, b'{"claim_id": 42}')]
    with (
        caplog.at_level("DEBUG", logger="kiosk.insurer.client"),
        pytest.raises(InsurerError) as info,
    ):
        client_for(insurer, retries=0).claim("CLM-20261120-000042")
    assert "/v1/claims/{claim_id}" in info.value.message
    assert "000042" not in info.value.message
    assert "000042" not in caplog.text
