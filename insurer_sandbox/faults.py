"""Fault injection for the kiosk's fault tests and for staff training: not part of the v1 API.

Enabled only when the server runs with an admin token (`kiosk-sandbox serve --admin-token T`).
`POST /admin/faults` queues a fault for the next N requests under a path prefix (default `/v1/`):

- `delay`: wait `delay_ms`, then answer normally (drives client read timeouts);
- `status`: answer `status` (5xx) as a problem without doing anything (optionally Retry-After);
- `drop`: do the work (a claim *is* recorded), send the status line and headers, then close the
  connection without a body — the lost-answer case idempotency keys exist for;
- `truncate`: do the work, send the headers and half the body, then close the connection.

Faults apply in the order queued, one per matching request. `/admin/*` and `/healthz` are never
faulted. Other admin endpoints: `PUT /admin/clock` (pretend another time; persisted in the
database so a restart keeps it) and `POST /admin/claims/{id}/amount-mismatch` (make the insurer's
record of a claim disagree with the clinic's, for reconciliation tests); the back office's
routes (review and payment runs, a family paying) are `insurer_sandbox.api.back_office`.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import threading
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from insurer_sandbox.problems import ProblemError, problem_response
from insurer_sandbox.store import Store
from kiosk.money import Fen

_NEVER_FAULTED = ("/admin/", "/healthz")

log = logging.getLogger(__name__)


class FaultSpec(BaseModel):
    """One queued fault, as posted to `/admin/faults`."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["delay", "status", "drop", "truncate"]
    count: int = Field(default=1, ge=1, le=10_000)
    path_prefix: str = Field(default="/v1/", min_length=1)
    method: str | None = Field(default=None, description="Only requests with this HTTP method")
    delay_ms: int = Field(default=0, ge=0, le=600_000)
    status: int = Field(default=503, ge=500, le=599)
    retry_after_s: int | None = Field(default=None, ge=0, le=3600)


class FaultQueue:
    """The faults still to inject; shared by the middleware and the admin routes. Thread-safe."""

    def __init__(self) -> None:
        self._faults: list[FaultSpec] = []
        self._lock = threading.Lock()

    def add(self, fault: FaultSpec) -> None:
        with self._lock:
            self._faults.append(fault.model_copy())

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def pending(self) -> list[FaultSpec]:
        with self._lock:
            return [f.model_copy() for f in self._faults]

    def take(self, method: str, path: str) -> FaultSpec | None:
        """The fault for this request, if any, counting it as used."""
        if path.startswith(_NEVER_FAULTED):
            return None
        with self._lock:
            for i, fault in enumerate(self._faults):
                if path.startswith(fault.path_prefix) and fault.method in (None, method):
                    if fault.count == 1:
                        del self._faults[i]
                    else:
                        self._faults[i] = fault.model_copy(update={"count": fault.count - 1})
                    return fault
        return None


class FaultMiddleware:
    """Pure ASGI middleware, so it can stop a response half-way: returning before the body is
    complete makes uvicorn close the connection."""

    def __init__(self, app: ASGIApp, queue: FaultQueue) -> None:
        self.app = app
        self.queue = queue

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        fault = self.queue.take(scope["method"], scope["path"]) if scope["type"] == "http" else None
        if fault is None:
            await self.app(scope, receive, send)
            return
        log.warning("injected fault %s on %s %s", fault.kind, scope["method"], scope["path"])
        if fault.kind == "delay":
            await asyncio.sleep(fault.delay_ms / 1000)
            await self.app(scope, receive, send)
        elif fault.kind == "status":
            headers = {"Retry-After": str(fault.retry_after_s)} if fault.retry_after_s else None
            detail = "injected fault: the insurer is unavailable"
            await problem_response(fault.status, "internal-error", detail, headers)(
                scope, receive, send
            )
        else:
            await self.app(scope, receive, _cut_off(send, keep_half_body=fault.kind == "truncate"))


def _cut_off(send: Send, *, keep_half_body: bool) -> Send:
    """A `send` that passes the headers (and maybe half the first body chunk), then nothing."""
    state = {"cut": False}

    async def cut_send(message: Message) -> None:
        if state["cut"]:
            return
        if message["type"] == "http.response.start":
            await send(message)
            return
        state["cut"] = True
        if keep_half_body:
            body = message.get("body", b"")
            await send(
                {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
            )

    return cut_send


class ClockSetting(BaseModel):
    model_config = ConfigDict(extra="forbid")

    now: AwareDatetime | None = Field(description="Pretend it is this time; null: real time")


class AmountMismatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    covered_fen: Fen


_admin_bearer = HTTPBearer(auto_error=False)


def require_admin(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_admin_bearer)],
) -> None:
    token: str = request.app.state.admin_token
    if credentials is None or not secrets.compare_digest(
        credentials.credentials.encode(), token.encode()
    ):
        raise ProblemError(401, "unauthorized", "admin token required")


def _queue(request: Request) -> FaultQueue:
    return request.app.state.faults


def _store(request: Request) -> Store:
    return request.app.state.store


QueueDep = Annotated[FaultQueue, Depends(_queue)]
StoreDep = Annotated[Store, Depends(_store)]

admin = APIRouter(prefix="/admin", dependencies=[Depends(require_admin)], include_in_schema=False)
"""Mounted only when the server has an admin token (`app.state.admin_token`)."""


@admin.get("/faults")
def list_faults(queue: QueueDep) -> list[FaultSpec]:
    return queue.pending()


@admin.post("/faults", status_code=201)
def add_fault(fault: FaultSpec, queue: QueueDep) -> list[FaultSpec]:
    queue.add(fault)
    return queue.pending()


@admin.delete("/faults", status_code=204)
def clear_faults(queue: QueueDep) -> Response:
    queue.clear()
    return Response(status_code=204)


@admin.put("/clock")
def set_clock(setting: ClockSetting, store: StoreDep) -> ClockSetting:
    store.set_clock(setting.now)
    return ClockSetting(now=store.now())


@admin.post("/claims/{claim_id}/amount-mismatch")
def plant_amount_mismatch(
    claim_id: str, mismatch: AmountMismatch, store: StoreDep
) -> AmountMismatch:
    if not store.plant_amount_mismatch(claim_id, mismatch.covered_fen):
        raise ProblemError(404, "not-found", "no such claim, or covered_fen above its total")
    return mismatch
