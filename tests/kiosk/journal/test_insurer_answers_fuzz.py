"""Whatever the insurer answers, the client turns it into a contract value or an `InsurerError`
with a message; nothing else escapes to the outbox or a screen."""

from __future__ import annotations

import json
from datetime import UTC, date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from misbehaving_insurer import Answer, misbehaving_insurer
from pydantic import BaseModel, ValidationError
from signed_claims import claim_submission, shown_bill_hash, visit_bill

from kiosk.insurer.client import InsurerClient
from kiosk.insurer.errors import InsurerError
from kiosk.insurer.models import (
    ClaimResult,
    ClaimStatus,
    DailyStatement,
    Reason,
    SignatureEvidence,
)
from tests.estimates import fully_covered

KEY = "k" * 32
HEX = "0123456789abcdef"


def fuzz(examples):
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


def _containers(children: st.SearchStrategy) -> st.SearchStrategy:
    # a def, not a lambda: Hypothesis reads the lambda's source to see that it recurses, and
    # that reading fails now and then for a lambda spread over several lines
    return st.lists(children, max_size=3) | st.dictionaries(
        st.text(max_size=8), children, max_size=3
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    _containers,
    max_leaves=8,
)
fen = st.integers(0, 10**10)
moments = st.datetimes(timezones=st.just(UTC)).map(lambda d: d.isoformat())


@st.composite
def claim_results(draw):
    """A ClaimResult body that keeps every contract rule (totals add up, amounts in fen)."""
    lines = []
    for line_no in range(1, draw(st.integers(1, 4)) + 1):
        submitted = draw(fen)
        covered = draw(st.integers(0, submitted))
        lines.append(
            {
                "line_no": line_no,
                "submitted_fen": submitted,
                "covered_fen": covered,
                "patient_fen": submitted - covered,
                "reason": draw(st.sampled_from(Reason)).value,
            }
        )
    return {
        "claim_id": draw(st.text(min_size=1, max_size=16)),
        "idempotency_key": KEY,
        "status": draw(st.sampled_from(ClaimStatus)).value,
        "reject_code": draw(st.none() | st.text(max_size=20)),
        "adjudication": {
            "lines": lines,
            "total_submitted_fen": sum(x["submitted_fen"] for x in lines),
            "total_covered_fen": sum(x["covered_fen"] for x in lines),
            "total_patient_fen": sum(x["patient_fen"] for x in lines),
            "free_visit_used": draw(st.booleans()),
        },
        "bill_hash": draw(st.text(HEX, min_size=64, max_size=64)),
        "clinic_id": draw(st.text(min_size=1, max_size=10)),
        "member_id": draw(st.text(min_size=1, max_size=10)),
        "service_date": draw(st.dates()).isoformat(),
        "recorded_at": draw(moments),
    }


def _paths(document, prefix=()):
    yield prefix
    if isinstance(document, dict):
        for key, value in document.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from _paths(value, (*prefix, index))


@st.composite
def mutated(draw, documents):
    """A valid document with one place broken: removed, retyped, extended or made impossible."""
    document = json.loads(json.dumps(draw(documents)))
    path = draw(st.sampled_from(list(_paths(document))[1:]))
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    how = draw(st.sampled_from(["remove", "replace", "negative", "float", "naive", "extra"]))
    if how == "remove" and isinstance(parent, dict):
        del parent[last]
    elif how == "negative" and isinstance(parent[last], int):
        parent[last] = -1 - parent[last]
    elif how == "float" and isinstance(parent[last], int):
        parent[last] = parent[last] + 0.5
    elif how == "naive" and isinstance(parent[last], str) and "T" in parent[last]:
        parent[last] = parent[last][:19]
    elif how == "extra" and isinstance(parent, dict):
        parent[draw(st.text(min_size=1, max_size=8))] = draw(json_values)
    else:
        parent[last] = draw(json_values)
    return document


def _encoded(document):
    return json.dumps(document).encode()


problems = st.fixed_dictionaries(
    {
        "title": st.text(max_size=30),
        "status": st.integers(400, 599),
        "code": st.sampled_from(["validation-error", "member-not-eligible", "x"]) | st.text(),
    },
    optional={"detail": st.none() | st.text(max_size=60), "type": st.text(max_size=20)},
)


def bodies(valid_documents):
    return st.one_of(
        valid_documents.map(_encoded),
        mutated(valid_documents).map(_encoded),
        problems.map(_encoded),
        mutated(problems).map(_encoded),
        json_values.map(_encoded),
        valid_documents.map(_encoded).flatmap(
            lambda body: st.integers(0, len(body) - 1).map(lambda cut: body[:cut])
        ),
        st.binary(max_size=120),
    )


statuses = st.sampled_from([200, 201, 400, 401, 403, 404, 409, 422, 429, 500, 503]) | st.integers(
    200, 599
)
content_types = st.sampled_from(
    ["application/json", "application/problem+json", "text/html; charset=utf-8", "text/plain"]
)


@pytest.fixture(scope="module")
def insurer():
    with misbehaving_insurer() as server:
        yield server


@pytest.fixture(scope="module")
def client(insurer):
    with InsurerClient(insurer.url, "device-key", retries=0, read_timeout=2.0) as opened:
        yield opened


@pytest.fixture(scope="module")
def submission():
    bill = visit_bill("M-1", 1, date(2026, 11, 20))
    estimate = fully_covered(bill)
    shown = shown_bill_hash(bill, estimate, "INV-1")
    evidence = SignatureEvidence(
        bill_hash=shown, strokes_sha256="b" * 64, point_count=12, signed_at="2026-11-20T02:00Z"
    )
    return claim_submission(bill, estimate, "INV-1", evidence)


def on_the_wire(status: int, body: bytes) -> bytes:
    """HTTP forbids a body with 204 and 304: what the client really receives."""
    return b"" if status in (204, 304) else body


def _expect(model: type[BaseModel], status: int, body: bytes, call):
    """The call returns the parsed body exactly when it is a 2xx contract value; else an
    `InsurerError` with something to say."""
    try:
        expected = model.model_validate_json(body) if 200 <= status < 300 else None
    except ValidationError:
        expected = None
    try:
        answer = call()
    except InsurerError as exc:
        assert expected is None, f"a valid {status} answer was refused: {exc!r}"
        assert exc.message.strip()
        assert str(exc) == exc.message
        return
    assert answer == expected


@fuzz(500)
@given(status=statuses, body=bodies(claim_results()), content_type=content_types)
def test_any_answer_to_a_claim_is_a_claim_result_or_an_insurer_error(
    insurer, client, submission, status, body, content_type
):
    insurer.answer = Answer(status, sent := on_the_wire(status, body), content_type)
    _expect(ClaimResult, status, sent, lambda: client.submit_claim(submission, KEY))


@st.composite
def statements(draw):
    lines = [
        {
            "claim_id": draw(st.text(min_size=1, max_size=8)),
            "idempotency_key": KEY,
            "member_id": "M-1",
            "service_date": "2026-11-20",
            "status": draw(st.sampled_from(ClaimStatus)).value,
            "total_submitted_fen": draw(fen),
            "total_covered_fen": draw(fen),
            "total_patient_fen": draw(fen),
            "recorded_at": draw(moments),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    return {
        "clinic_id": "C-1",
        "date": "2026-11-20",
        "claims": lines,
        "total_covered_fen": draw(fen),
        "total_patient_fen": draw(fen),
    }


@fuzz(400)
@given(status=statuses, body=bodies(statements()), content_type=content_types)
def test_any_daily_statement_answer_is_a_statement_or_an_insurer_error(
    insurer, client, status, body, content_type
):
    insurer.answer = Answer(status, sent := on_the_wire(status, body), content_type)
    _expect(DailyStatement, status, sent, lambda: client.daily_statement(date(2026, 11, 20)))


@fuzz(300)
@given(status=statuses, body=bodies(claim_results()), content_type=content_types)
def test_any_answer_about_one_claim_is_a_claim_result_or_an_insurer_error(
    insurer, client, status, body, content_type
):
    insurer.answer = Answer(status, sent := on_the_wire(status, body), content_type)
    _expect(ClaimResult, status, sent, lambda: client.claim("CLM-1"))
