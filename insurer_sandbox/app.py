"""The sandbox insurer's HTTP API (v1): the routes of docs/architecture.md, on the contract models.

Request and response bodies are the `kiosk.insurer.models` classes, so the OpenAPI document this
app generates (`docs/insurer-api.yaml`) is the contract the kiosk client is written against. The
routes live in `insurer_sandbox.api`, one module per resource; this module puts them together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI
from fastapi.openapi.utils import get_openapi

from insurer_sandbox.api import (
    appointments,
    back_office,
    claims,
    eligibility,
    estimates,
    preauths,
    remittances,
    statements,
)
from insurer_sandbox.api.common import calling_clinic, no_unknown_query_parameters
from insurer_sandbox.api.extras import extras
from insurer_sandbox.faults import FaultMiddleware, FaultQueue, admin
from insurer_sandbox.plan import load_plan
from insurer_sandbox.problems import install_problem_handlers
from insurer_sandbox.store import Store
from kiosk.insurer.models import API_VERSION, Problem


@dataclass(frozen=True)
class SandboxSettings:
    data_dir: Path
    admin_token: str | None = None
    clock: dt.datetime | None = None
    """Start as if it were this time (and seed a new database around it)."""


v1 = APIRouter(
    prefix=f"/{API_VERSION}",
    dependencies=[Depends(calling_clinic), Depends(no_unknown_query_parameters)],
)
# In this order: it is the order of the paths in the OpenAPI document (docs/insurer-api.yaml).
v1.include_router(eligibility.router)
v1.include_router(estimates.router)
v1.include_router(claims.router)
v1.include_router(preauths.router)
v1.include_router(statements.router)
v1.include_router(remittances.router)
v1.include_router(appointments.router)


# --- the application

API_DESCRIPTION = """\
The insurer API (v1) for direct billing at network clinics, as implemented by the insurer
sandbox. Every call needs `Authorization: Bearer <device key>`; the key identifies the clinic.
Amounts are integer fen; timestamps are timezone-aware (UTC on the wire); business days are
Asia/Shanghai. Errors are `application/problem+json` `Problem` bodies with a stable `code`:
`unauthorized`, `forbidden`, `not-found`, `validation-error`, `token-invalid`,
`idempotency-conflict`, `idempotency-key-required`, `duplicate-claim`, `bill-hash-mismatch`,
`adjudication-changed`, `claim-not-cancellable`, `claim-not-replaceable`, `preauth-lead-time`,
`preauth-not-approved`, `member-not-eligible`, `appointment-not-due`, `appointment-not-booked`,
`internal-error`.
"""


def _unwrap(text: str) -> str:
    """Docstring line breaks are for the source; the document gets one line per paragraph."""
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text).strip()


def create_app(settings: SandboxSettings) -> FastAPI:
    """The sandbox application; its database is opened (and seeded) when the app starts."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = Store.open(settings.data_dir, clock=settings.clock)
        yield

    app = FastAPI(
        title="Insurer API (direct billing)",
        version=API_VERSION,
        description=API_DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.plan = load_plan()
    install_problem_handlers(app)
    app.include_router(v1)
    app.include_router(extras)
    if settings.admin_token:
        app.state.admin_token = settings.admin_token
        app.state.faults = FaultQueue()
        app.include_router(admin)
        app.include_router(back_office.router)
        app.add_middleware(FaultMiddleware, queue=app.state.faults)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=_unwrap(app.description),
                routes=app.routes,
            )
            for operations in document["paths"].values():
                for operation in operations.values():
                    operation["description"] = _unwrap(operation["description"])
            document["components"]["schemas"]["Problem"] = Problem.model_json_schema(
                ref_template="#/components/schemas/{model}"
            )
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def openapi_document() -> dict[str, Any]:
    """The contract as the code defines it (what `docs/insurer-api.yaml` must equal)."""
    return create_app(SandboxSettings(data_dir=Path())).openapi()
