"""Run the sandbox as a real separate process, for the demo launcher and for tests.

A subprocess (not a thread) so that fault tests can really kill the insurer mid-conversation and
bring it back on the same port with the same database.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Collection
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from insurer_sandbox.cli import ADMIN_TOKEN_ENV
from insurer_sandbox.demo import DEMO_CLINIC_ID
from insurer_sandbox.settlement import DEFAULT_REVIEW_SHARE, BalancePaid, SettlementSummary
from insurer_sandbox.store import Store
from kiosk.insurer.models import PaymentPart
from kiosk.insurer.remittances import Remittance

LOG_NAME = "sandbox.log"

FaultKind = Literal["delay", "status", "drop", "truncate"]

# Loopback only: never through a proxy configured in the environment.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class SandboxStartError(RuntimeError):
    """The sandbox process exited or did not answer in time; the message ends with its log."""


def create_device_key(data_dir: Path, clinic_id: str = DEMO_CLINIC_ID) -> str:
    """A new device API key for `clinic_id` in the sandbox database in `data_dir`.

    Safe while a sandbox is serving that directory: the key works on its next request.
    """
    return Store.open(Path(data_dir)).create_device_key(clinic_id)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SandboxProcess:
    """`kiosk-sandbox serve` on a free 127.0.0.1 port, started and awaited by `start()`.

    Use as a context manager, or call `start()` and `stop()`. `restart()` keeps the port and the
    database. With `admin_token`, the fault-injection helpers below work. `clock` starts it as if
    it were that time (a new database is seeded around it); it applies to the first start only,
    so a restart keeps the time the sandbox has reached instead of jumping back.
    """

    def __init__(
        self,
        data_dir: Path,
        admin_token: str | None = None,
        *,
        port: int | None = None,
        clock: datetime | None = None,
        startup_timeout: float = 20.0,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.admin_token = admin_token
        self.clock = clock
        self.port = port
        self.startup_timeout = startup_timeout
        self._process: subprocess.Popen[bytes] | None = None

    # --- lifecycle

    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("the sandbox has not been started")
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        if self._process is None:
            raise RuntimeError("the sandbox is not running")
        return self._process.pid

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def log_path(self) -> Path:
        return self.data_dir / LOG_NAME

    def start(self) -> SandboxProcess:
        """Start and wait until it answers. A port picked here may be taken by someone else in
        the meantime; then a new one is picked (only on the first start)."""
        if self.running:
            raise RuntimeError("the sandbox is already running")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        pick_port = self.port is None
        attempts_left = 3 if pick_port else 1
        while True:
            if pick_port:
                self.port = _free_port()
            attempts_left -= 1
            try:
                self._launch()
                self.clock = None
                return self
            except SandboxStartError:
                if attempts_left == 0:
                    raise

    def _launch(self) -> None:
        env = dict(os.environ)
        env.pop(ADMIN_TOKEN_ENV, None)
        if self.admin_token:
            env[ADMIN_TOKEN_ENV] = self.admin_token
        command = [
            sys.executable,
            "-m",
            "insurer_sandbox",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--data",
            str(self.data_dir),
        ]
        if self.clock is not None:
            command += ["--clock", self.clock.isoformat()]
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env
            )
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._process = None
                raise SandboxStartError(f"the sandbox exited at start-up:\n{self._log_tail()}")
            if self._answers_as_own_process():
                return
            time.sleep(0.05)
        self.kill()
        raise SandboxStartError(f"the sandbox did not answer in time:\n{self._log_tail()}")

    def _answers_as_own_process(self) -> bool:
        try:
            with _opener.open(self.url + "/healthz", timeout=1) as response:
                return json.load(response).get("pid") == self.pid
        except (OSError, ValueError):
            return False

    def _log_tail(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
        except OSError:
            return "(no log)"

    def stop(self, timeout: float = 10.0) -> None:
        """Graceful stop (SIGTERM), then a kill if it does not exit within `timeout`."""
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None

    def kill(self) -> None:
        """Kill at once (SIGKILL): no goodbye to open connections, as in a crash."""
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        self._process = None

    def restart(self) -> SandboxProcess:
        """Stop if running, then start again on the same port with the same database."""
        self.stop()
        return self.start()

    def __enter__(self) -> SandboxProcess:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- admin (needs admin_token)

    def _admin(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        if not self.admin_token:
            raise RuntimeError("start the sandbox with an admin_token to use /admin")
        request = urllib.request.Request(
            self.url + path,
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={
                "Authorization": f"Bearer {self.admin_token}",
                "Content-Type": "application/json",
            },
        )
        with _opener.open(request, timeout=10) as response:
            text = response.read()
        return json.loads(text) if text else None

    def inject_fault(
        self,
        kind: FaultKind,
        *,
        count: int = 1,
        path_prefix: str = "/v1/",
        method: str | None = None,
        delay_ms: int = 0,
        status: int = 503,
        retry_after_s: int | None = None,
    ) -> None:
        """Fault the next `count` requests under `path_prefix` (see `insurer_sandbox.faults`)."""
        self._admin(
            "POST",
            "/admin/faults",
            {
                "kind": kind,
                "count": count,
                "path_prefix": path_prefix,
                "method": method,
                "delay_ms": delay_ms,
                "status": status,
                "retry_after_s": retry_after_s,
            },
        )

    def pending_faults(self) -> list[dict[str, Any]]:
        return self._admin("GET", "/admin/faults")

    def clear_faults(self) -> None:
        self._admin("DELETE", "/admin/faults")

    def set_clock(self, now: datetime | None) -> datetime:
        """Pretend it is `now` (time keeps running; survives restarts); None: real time again."""
        answer = self._admin("PUT", "/admin/clock", {"now": now.isoformat() if now else None})
        return datetime.fromisoformat(answer["now"])

    def plant_amount_mismatch(self, claim_id: str, covered_fen: int) -> None:
        """Make the insurer's statement show `covered_fen` for this recorded claim."""
        self._admin(
            "POST", f"/admin/claims/{claim_id}/amount-mismatch", {"covered_fen": covered_fen}
        )

    def settle(
        self,
        day: date,
        *,
        reject: Collection[str] = (),
        not_covered: Collection[tuple[str, int]] = (),
        review_share: int = DEFAULT_REVIEW_SHARE,
    ) -> SettlementSummary:
        """The insurer's review and payment run for `day` (`insurer_sandbox.settlement`):
        `reject` claims, find `not_covered` (claim id, line number) lines not covered."""
        answer = self._admin(
            "POST",
            "/admin/settle",
            {
                "date": day.isoformat(),
                "reject": list(reject),
                "not_covered": [{"claim_id": c, "line_no": n} for c, n in not_covered],
                "review_share": review_share,
            },
        )
        return SettlementSummary.model_validate(answer)

    def pay_balance(self, member_id: str) -> BalancePaid:
        """The member's family pays what greys their card, in the e-card app."""
        answer = self._admin("POST", f"/admin/members/{member_id}/pay-balance")
        return BalancePaid.model_validate(answer)

    def plant_remittance_detail(
        self,
        remittance_id: str,
        claim_id: str,
        idempotency_key: str,
        part: PaymentPart,
        amount_fen: int,
        *,
        clinic_id: str | None = None,
        payment_date: date | None = None,
    ) -> Remittance:
        """Make remittance `remittance_id` pay `amount_fen` for this claim and part (changing its
        detail, or adding one; creating the remittance for `clinic_id` on `payment_date` when
        there is none): a payment the clinic cannot match. The claim itself is unchanged."""
        answer = self._admin(
            "POST",
            f"/admin/remittances/{remittance_id}/details",
            {
                "claim_id": claim_id,
                "idempotency_key": idempotency_key,
                "part": part.value,
                "amount_fen": amount_fen,
                "clinic_id": clinic_id,
                "payment_date": payment_date.isoformat() if payment_date else None,
            },
        )
        return Remittance.model_validate(answer)
