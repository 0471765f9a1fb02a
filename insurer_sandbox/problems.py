"""Every error the sandbox answers is an `application/problem+json` `Problem` with a stable code,
including FastAPI's own validation errors and crashes, so the kiosk has one shape to read."""

from __future__ import annotations

import http
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from kiosk.insurer.models import Problem

PROBLEM_MEDIA_TYPE = "application/problem+json"

_CODE_FOR_STATUS = {
    400: "validation-error",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "not-found",
    409: "idempotency-conflict",
    422: "validation-error",
}

_DESCRIPTIONS = {
    400: (
        "`idempotency-key-required`: the Idempotency-Key header is missing; or "
        "`validation-error`: the body cannot be read as UTF-8 JSON."
    ),
    401: "`unauthorized`: no device key, or one the insurer does not know.",
    404: "`not-found`: nothing with that identifier for the calling clinic.",
    409: "`idempotency-conflict`: this Idempotency-Key was already used with a different body.",
    422: "`validation-error`: the request does not match the contract; `detail` says where.",
    500: "`internal-error`: the insurer failed unexpectedly; safe to retry.",
}


class ProblemError(Exception):
    """Raised by a route to answer with a problem; `code` is one of the stable codes."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str | None = None,
        *,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers


def problem_response(
    status: int, code: str, detail: str | None = None, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    problem = Problem(title=http.HTTPStatus(status).phrase, status=status, code=code, detail=detail)
    return JSONResponse(
        problem.model_dump(mode="json"),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def problem_responses(
    *statuses: int,
    also_409: str | None = None,
    only_409: str | None = None,
    also_422: str | None = None,
) -> dict[int | str, dict[str, Any]]:
    """OpenAPI declaration of the problems a route may answer (422 and 500 on every route);
    `also_409` and `also_422` name the route's own codes for those statuses, `only_409` the
    only 409 of a route without an Idempotency-Key."""
    descriptions = {status: _DESCRIPTIONS[status] for status in (*statuses, 422, 500)}
    if also_409:
        descriptions[409] = f"{also_409} Or {_DESCRIPTIONS[409]}"
    if only_409:
        descriptions[409] = only_409
    if also_422:
        descriptions[422] = f"{also_422} Or {_DESCRIPTIONS[422]}"
    return {
        status: {
            "description": description,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status, description in sorted(descriptions.items())
    }


def _validation_detail(exc: RequestValidationError) -> str:
    """Where and what, never the offending value (it may be member data)."""
    parts = []
    for error in exc.errors()[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()))
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_problem_handlers(app: FastAPI) -> None:
    """Route every error FastAPI or Starlette can raise through `Problem`."""

    async def on_problem(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ProblemError)
        return problem_response(exc.status, exc.code, exc.detail, exc.headers)

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return problem_response(422, "validation-error", _validation_detail(exc))

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = _CODE_FOR_STATUS.get(exc.status_code, "internal-error")
        detail = exc.detail if isinstance(exc.detail, str) else None
        return problem_response(exc.status_code, code, detail, exc.headers)

    async def on_crash(request: Request, exc: Exception) -> JSONResponse:
        # Starlette re-raises after this answer, so the server log still gets the traceback.
        return problem_response(500, "internal-error", "unexpected error in the insurer sandbox")

    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_crash)
