"""The insurer's e-card signing keys, cached so cards are verified offline at the desk.

The scan pipeline (`kiosk.scan.reader.CardReader`) asks `SigningKeyCache.keys` at every scan; an
unknown key id (the insurer rotated keys) makes the desk refresh the cache and verify again.
"""

from __future__ import annotations

import threading

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk import ecard
from kiosk.insurer.client import InsurerClient


class SigningKeyCache:
    """The insurer's e-card public keys, shared by every worker thread."""

    def __init__(self) -> None:
        self._keys: dict[str, Ed25519PublicKey] = {}
        self._lock = threading.Lock()

    def keys(self) -> dict[str, Ed25519PublicKey]:
        with self._lock:
            return dict(self._keys)

    def refresh(self, client: InsurerClient) -> None:
        answer = client.signing_keys()
        keys = {k.kid: ecard.public_key_from_b64(k.public_key) for k in answer.keys}
        with self._lock:
            self._keys = keys
