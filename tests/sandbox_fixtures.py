"""Pytest fixtures for anything that needs the real insurer: the sandbox as a subprocess on a free
127.0.0.1 port, stopped at the end.

- `sandbox` (session): one shared sandbox with the demo data, admin endpoints enabled. Other tests
  may record claims on it: assert on what your own test did, not on demo balances. Do not kill it
  or leave faults queued on it.
- `sandbox_device_key` (session): a device key for the demo clinic (in both networks).
- `own_sandbox` (module): a sandbox of the test module's own, fresh demo data, admin enabled, for
  modules that need demo balances as seeded or change the sandbox's state.
- `own_sandbox_device_key` (module): a demo-clinic device key for `own_sandbox`.
- `fault_sandbox` (per test): `own_sandbox`, running and without faults at the start and at the
  end of the test; stop it, start it or queue faults at will.
- `fresh_sandbox` (per test): a sandbox of your own, fresh demo data, admin enabled; kill or
  restart it at will (`.kill()`, `.restart()`, `.inject_fault(...)`, `.set_clock(...)`).
- `fresh_sandbox_device_key` (per test): a demo-clinic device key for `fresh_sandbox`.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

from insurer_sandbox.demo import DEMO_CLINIC_ID
from insurer_sandbox.server import SandboxProcess, create_device_key


@contextmanager
def demo_sandbox(data_dir: Path, clock: datetime | None = None) -> Iterator[SandboxProcess]:
    """A sandbox with fresh demo data in `data_dir`, admin endpoints enabled, stopped on leaving;
    its clock reads `clock` (and runs on from there) if given."""
    with SandboxProcess(data_dir, admin_token=secrets.token_urlsafe(16), clock=clock) as process:
        yield process


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxProcess]:
    with demo_sandbox(tmp_path_factory.mktemp("insurer-sandbox")) as process:
        yield process


@pytest.fixture(scope="session")
def sandbox_device_key(sandbox: SandboxProcess) -> str:
    return create_device_key(sandbox.data_dir, DEMO_CLINIC_ID)


@pytest.fixture(scope="module")
def own_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxProcess]:
    with demo_sandbox(tmp_path_factory.mktemp("insurer")) as process:
        yield process


@pytest.fixture(scope="module")
def own_sandbox_device_key(own_sandbox: SandboxProcess) -> str:
    return create_device_key(own_sandbox.data_dir, DEMO_CLINIC_ID)


@pytest.fixture
def fault_sandbox(own_sandbox: SandboxProcess) -> Iterator[SandboxProcess]:
    def put_right() -> None:
        if not own_sandbox.running:
            own_sandbox.start()
        own_sandbox.clear_faults()

    put_right()
    yield own_sandbox
    put_right()


@pytest.fixture
def fresh_sandbox(tmp_path: Path) -> Iterator[SandboxProcess]:
    with demo_sandbox(tmp_path / "insurer-sandbox") as process:
        yield process


@pytest.fixture
def fresh_sandbox_device_key(fresh_sandbox: SandboxProcess) -> str:
    return create_device_key(fresh_sandbox.data_dir, DEMO_CLINIC_ID)
