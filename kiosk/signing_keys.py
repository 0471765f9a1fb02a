"""The insurer's e-card signing keys, cached so cards are verified offline at the desk.

The scan pipeline (`kiosk.scan.reader.CardReader`) asks `SigningKeyCache.keys` at every scan. The
cache is fetched at start-up and then hourly (a minute after a failed fetch), so cards keep
verifying with current keys while the insurer is unreachable. A card signed with a key the insurer
introduced since the last fetch is refused as `unknown-key`; the desk then fetches the keys and
verifies that text once more. So that a forged key id cannot make the desk hammer the insurer,
each text gets that second chance once, and such fetches happen at most once per 30 seconds.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from datetime import timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk import ecard
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import SigningKeys

log = logging.getLogger(__name__)

REFRESH_EVERY = timedelta(hours=1)
"""Scheduled fetches: keys a few minutes old are as good as new, rotation is rare."""

RETRY_AFTER_FAILURE = timedelta(minutes=1)
"""A scheduled fetch that failed (insurer unreachable) is tried again this much later."""

UNKNOWN_KEY_FETCH_EVERY = timedelta(seconds=30)
"""At most one fetch per this interval on behalf of cards with an unknown key id."""

SECOND_CHANCES_REMEMBERED = 1024
"""Texts remembered as already given a second chance; a token is useless after two minutes, so
this only has to outlast a burst of scans."""


class SigningKeyCache:
    """The insurer's e-card public keys, shared by every worker thread, and when to fetch them.

    `clock` is monotonic seconds (intervals, not dates: a wall-clock change must not delay or
    hasten a fetch). With `keep_at`, every good fetch is kept in that file (public keys only) and
    read back at start, so a kiosk restarted while the insurer is unreachable still verifies cards.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        refresh_every: timedelta = REFRESH_EVERY,
        retry_after_failure: timedelta = RETRY_AFTER_FAILURE,
        unknown_key_fetch_every: timedelta = UNKNOWN_KEY_FETCH_EVERY,
        keep_at: Path | None = None,
    ) -> None:
        self._keys: dict[str, Ed25519PublicKey] = {}
        self._keep_at = keep_at
        self._lock = threading.Lock()
        self._unknown_key_fetch = threading.Lock()
        self._clock = clock
        self._refresh_every = refresh_every.total_seconds()
        self._retry_after_failure = retry_after_failure.total_seconds()
        self._unknown_key_fetch_every = unknown_key_fetch_every.total_seconds()
        self._attempted_at: float | None = None
        self._fetched_at: float | None = None
        self._unknown_key_fetched_at: float | None = None
        self._second_chances: OrderedDict[str, None] = OrderedDict()
        if keep_at is not None:
            self._read_kept_copy(keep_at)

    def keys(self) -> dict[str, Ed25519PublicKey]:
        with self._lock:
            return dict(self._keys)

    def use(self, keys: Mapping[str, Ed25519PublicKey]) -> None:
        """Take keys known without asking the insurer (a kept copy); the schedule is unchanged."""
        with self._lock:
            self._keys = dict(keys)

    def refresh(self, client: InsurerClient) -> None:
        """Fetch the insurer's keys now; if that fails the cached keys stay and the error is
        raised (the next scheduled fetch is then `retry_after_failure` away)."""
        with self._lock:
            self._attempted_at = self._clock()
        answer = client.signing_keys()
        keys = _public_keys(answer)
        with self._lock:
            self._keys = keys
            self._fetched_at = self._clock()
        if self._keep_at is not None:
            self._write_kept_copy(self._keep_at, answer)

    def _read_kept_copy(self, path: Path) -> None:
        try:
            kept = SigningKeys.model_validate_json(path.read_bytes())
            self.use(_public_keys(kept))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("kept e-card keys unreadable (%s); waiting for a fetch", type(exc).__name__)

    @staticmethod
    def _write_kept_copy(path: Path, answer: SigningKeys) -> None:
        partial = path.with_name(path.name + ".partial")
        try:
            partial.write_text(answer.model_dump_json(), encoding="utf-8")
            os.replace(partial, path)
        except OSError as exc:
            log.warning("could not keep the e-card keys on disk: %s", type(exc).__name__)

    def next_refresh_in(self) -> timedelta:
        """Time until the scheduled fetch is due: `refresh_every` after the last good fetch,
        `retry_after_failure` after a failed (or still running) one, now if none was tried."""
        with self._lock:
            if self._attempted_at is None:
                return timedelta(0)
            if self._fetched_at is not None and self._fetched_at >= self._attempted_at:
                due = self._fetched_at + self._refresh_every
            else:
                due = self._attempted_at + self._retry_after_failure
            return timedelta(seconds=max(0.0, due - self._clock()))

    def second_chance(self, text: str) -> bool:
        """True the first time `text` was refused for an unknown key id: fetch the keys and verify
        it once more. False for a text already given its second chance."""
        with self._lock:
            if text in self._second_chances:
                return False
            self._second_chances[text] = None
            if len(self._second_chances) > SECOND_CHANCES_REMEMBERED:
                self._second_chances.popitem(last=False)
            return True

    def refresh_for_unknown_key(self, client: InsurerClient, kid: str) -> bool:
        """Fetch the keys for a card signed with key id `kid`; True when `kid` is now known.

        No fetch when `kid` is already known (another card's fetch brought it) or when a fetch
        for an unknown key was made less than `unknown_key_fetch_every` ago. One such fetch runs
        at a time: a second card with the new key waits for it and uses its answer.
        """
        with self._unknown_key_fetch:
            if kid in self.keys():
                return True
            now = self._clock()
            last = self._unknown_key_fetched_at
            if last is not None and now - last < self._unknown_key_fetch_every:
                return False
            self._unknown_key_fetched_at = now
            self.refresh(client)
            return kid in self.keys()


def _public_keys(answer: SigningKeys) -> dict[str, Ed25519PublicKey]:
    return {k.kid: ecard.public_key_from_b64(k.public_key) for k in answer.keys}
