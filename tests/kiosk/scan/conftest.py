"""Scan tests share generated frames, and none may leave a camera or scan thread running."""

import threading

import numpy as np
import pytest

from kiosk.scan import synthetic


@pytest.fixture(autouse=True)
def no_worker_threads_left():
    yield
    left = [t.name for t in threading.enumerate() if t.name in {"camera", "scan"}]
    assert not left, f"threads still running after the test: {left}"


@pytest.fixture(scope="session")
def token_rng():
    return np.random.default_rng(2024)


@pytest.fixture
def token(token_rng):
    """A real e-card token, signed with the synthetic frames' demo key."""
    return synthetic.sample_token(token_rng)
