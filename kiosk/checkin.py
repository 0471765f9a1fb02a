"""Checking a presented card: verify the e-card offline, then ask the insurer for eligibility.

Offline verification first means a forged, stale or replayed QR is refused at the desk with its
reason and never reaches the insurer. The insurer's signing keys are cached; an unknown key id
(the insurer rotated) refreshes the cache once and verifies again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk import ecard
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import Eligibility, EligibilityByLookup


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


class CardChecker:
    """Turns scanned text into the insurer's eligibility answer, or a named refusal."""

    def __init__(
        self,
        keys: SigningKeyCache | None = None,
        *,
        replay_guard: ecard.ReplayGuard | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.keys = keys or SigningKeyCache()
        self.replay_guard = replay_guard or ecard.ReplayGuard()
        self._clock = clock

    def verify(self, client: InsurerClient, text: str) -> ecard.ECardToken:
        """Offline check of the QR text; raises `ecard.ECardError` with the reason."""
        try:
            return self._verify(text)
        except ecard.ECardError as exc:
            if exc.reason is not ecard.ECardFailure.UNKNOWN_KEY:
                raise
        self.keys.refresh(client)
        return self._verify(text)

    def check_token(self, client: InsurerClient, text: str) -> Eligibility:
        """Verify the card, then ask the insurer (runs on a worker thread)."""
        self.verify(client, text)
        return client.eligibility_by_token(text)

    def check_lookup(self, client: InsurerClient, lookup: EligibilityByLookup) -> Eligibility:
        """Staff lookup by policy number, child's name and guardian phone."""
        return client.eligibility_by_lookup(lookup)

    def _verify(self, text: str) -> ecard.ECardToken:
        return ecard.verify(text, self.keys.keys(), self._clock(), replay_guard=self.replay_guard)
