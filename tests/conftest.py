"""Suite-wide settings: Qt runs offscreen, and nothing reaches a real keyring or the network."""

import os

from hypothesis import HealthCheck, settings

from kiosk.credentials import use_ephemeral_keyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI machines are small and shared: a property must hold, not run fast (speed is for bench/).
settings.register_profile(
    "kiosk", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=False
)
settings.load_profile("kiosk")

pytest_plugins = ["tests.sandbox_fixtures"]

# The device key and the journal's audit key live in the keyring: every test gets one in memory
# (tests that need their own install it and put this one back).
use_ephemeral_keyring()
