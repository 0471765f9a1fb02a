"""Pytest fixtures for anything that needs the real insurer: the sandbox as a subprocess on a free
127.0.0.1 port, stopped at the end.

- `sandbox` (session): one shared sandbox with the demo data, admin endpoints enabled. Other tests
  may record claims on it: assert on what your own test did, not on demo balances. Do not kill it
  or leave faults queued on it.
- `sandbox_device_key` (session): a device key for the demo clinic (in both networks).
- `fresh_sandbox` (per test): a sandbox of your own, fresh demo data, admin enabled; kill or
  restart it at will (`.kill()`, `.restart()`, `.inject_fault(...)`, `.set_clock(...)`).
- `fresh_sandbox_device_key` (per test): a demo-clinic device key for `fresh_sandbox`.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from insurer_sandbox.demo import DEMO_CLINIC_ID
from insurer_sandbox.server import SandboxProcess, create_device_key


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxProcess]:
    data_dir = tmp_path_factory.mktemp("insurer-sandbox")
    with SandboxProcess(data_dir, admin_token=secrets.token_urlsafe(16)) as process:
        yield process


@pytest.fixture(scope="session")
def sandbox_device_key(sandbox: SandboxProcess) -> str:
    return create_device_key(sandbox.data_dir, DEMO_CLINIC_ID)


@pytest.fixture
def fresh_sandbox(tmp_path: Path) -> Iterator[SandboxProcess]:
    with SandboxProcess(
        tmp_path / "insurer-sandbox", admin_token=secrets.token_urlsafe(16)
    ) as process:
        yield process


@pytest.fixture
def fresh_sandbox_device_key(fresh_sandbox: SandboxProcess) -> str:
    return create_device_key(fresh_sandbox.data_dir, DEMO_CLINIC_ID)
