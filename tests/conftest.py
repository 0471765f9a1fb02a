"""Suite-wide settings: Qt runs offscreen, and nothing reaches a real keyring or the network."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.sandbox_fixtures"]
