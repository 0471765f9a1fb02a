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
    InsurerAuthError,
    InsurerError,
    InsurerInvalidResponse,
    InsurerNotFound,
    InsurerRejected,
    InsurerServerError,
    InsurerTimeout,
    InsurerUnreachable,
)


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
        status, body, *extra = step
        self.send_response(status)
        for name, value in (extra[0] if extra else {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

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
