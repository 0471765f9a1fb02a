"""Sandbox processes for these tests. Demo balances must be exactly as seeded for the assertions,
so modules that only read share one sandbox (`insurer`, package scope) and modules that record
claims or inject faults override `insurer` with a module-scoped one of their own
(`own_sandbox`, from tests/sandbox_fixtures.py)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from insurer_sandbox.demo import DEMO_CLINIC_ID, PLUS_ONLY_CLINIC_ID
from insurer_sandbox.server import SandboxProcess, create_device_key
from tests.sandbox_fixtures import demo_sandbox


@pytest.fixture(scope="package")
def insurer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxProcess]:
    """Shared by the read-only modules: no claims, no faults, no clock changes."""
    with demo_sandbox(tmp_path_factory.mktemp("insurer")) as process:
        yield process


def clinic_client(insurer: SandboxProcess, clinic_id: str) -> httpx.Client:
    """Calls to `insurer` as a kiosk of `clinic_id`."""
    key = create_device_key(insurer.data_dir, clinic_id)
    return httpx.Client(
        base_url=insurer.url, headers={"Authorization": f"Bearer {key}"}, timeout=10
    )


@pytest.fixture(scope="module")
def api(insurer: SandboxProcess) -> Iterator[httpx.Client]:
    """Calls as a kiosk of the demo clinic (in both networks)."""
    with clinic_client(insurer, DEMO_CLINIC_ID) as client:
        yield client


@pytest.fixture(scope="module")
def plus_clinic_api(insurer: SandboxProcess) -> Iterator[httpx.Client]:
    """Calls as a kiosk of the PLUS-only clinic."""
    with clinic_client(insurer, PLUS_ONLY_CLINIC_ID) as client:
        yield client
