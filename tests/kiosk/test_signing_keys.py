"""The desk's cache of the insurer's e-card keys: when it fetches, and when it refuses to.

Fetches go to the real sandbox on loopback. A client with a device key the insurer does not know
fails on any request, so handing it to the cache proves that no request was made.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from insurer_sandbox.demo import DEMO_SIGNING_KEYS, demo_member
from kiosk import ecard
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.errors import InsurerAuthError
from kiosk.signing_keys import SECOND_CHANCES_REMEMBERED, SigningKeyCache
from launchers.demo import fresh_token

CURRENT, PREVIOUS = DEMO_SIGNING_KEYS


class Clock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def raw(key: object) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)  # type: ignore[attr-defined]


@pytest.fixture
def desk(sandbox, sandbox_device_key) -> Iterator[InsurerClient]:
    with InsurerClient(sandbox.url, sandbox_device_key) as client:
        yield client


@pytest.fixture
def refused(sandbox) -> Iterator[InsurerClient]:
    """A client every request of which the insurer refuses (401)."""
    with InsurerClient(sandbox.url, "not-a-device-key-" + secrets.token_hex(8)) as client:
        yield client


def test_a_refresh_caches_the_keys_the_insurer_publishes_and_cards_verify_with_them(desk):
    cache = SigningKeyCache()
    cache.refresh(desk)
    keys = cache.keys()
    assert {kid: raw(key) for kid, key in keys.items()} == {
        k.kid: raw(k.private_key().public_key()) for k in DEMO_SIGNING_KEYS
    }
    token = ecard.verify(fresh_token(demo_member("active_plus")), keys, datetime.now(UTC))
    assert token.kid == CURRENT.kid


def test_scheduled_fetches_are_hourly_and_a_minute_after_a_failure(desk, refused):
    clock = Clock()
    cache = SigningKeyCache(clock=clock)
    assert cache.next_refresh_in() == timedelta(0), "never fetched: due at once"
    cache.refresh(desk)
    assert cache.next_refresh_in() == timedelta(hours=1)
    clock.advance(600)
    assert cache.next_refresh_in() == timedelta(minutes=50)
    with pytest.raises(InsurerAuthError):
        cache.refresh(refused)
    assert set(cache.keys()) == {CURRENT.kid, PREVIOUS.kid}, "a failed fetch keeps the cache"
    assert cache.next_refresh_in() == timedelta(minutes=1)
    clock.advance(90)
    assert cache.next_refresh_in() == timedelta(0)
    cache.refresh(desk)
    assert cache.next_refresh_in() == timedelta(hours=1)


def test_each_text_gets_one_second_chance_and_memory_stays_bounded():
    cache = SigningKeyCache()
    assert cache.second_chance("EC1-A")
    assert not cache.second_chance("EC1-A")
    assert cache.second_chance("EC1-B")
    for n in range(SECOND_CHANCES_REMEMBERED):
        cache.second_chance(f"EC1-{n}")
    assert cache.second_chance("EC1-A"), "the oldest texts are forgotten first"


def test_a_new_key_is_fetched_for_an_unknown_kid_at_most_once_per_30_seconds(desk, refused):
    clock = Clock()
    cache = SigningKeyCache(clock=clock)
    cache.use({PREVIOUS.kid: PREVIOUS.private_key().public_key()})
    assert cache.refresh_for_unknown_key(desk, CURRENT.kid)
    assert set(cache.keys()) == {CURRENT.kid, PREVIOUS.kid}
    assert not cache.refresh_for_unknown_key(desk, "SBX99"), "still not published"

    clock.advance(29)
    assert not cache.refresh_for_unknown_key(refused, "SBX98"), "rate-limited: nothing asked"
    clock.advance(1)
    with pytest.raises(InsurerAuthError):
        cache.refresh_for_unknown_key(refused, "SBX98")
    clock.advance(10)
    assert not cache.refresh_for_unknown_key(refused, "SBX98"), "a failed fetch counts too"


def test_a_kid_already_known_needs_no_fetch(refused):
    cache = SigningKeyCache()
    cache.use({CURRENT.kid: CURRENT.private_key().public_key()})
    assert cache.refresh_for_unknown_key(refused, CURRENT.kid)


def test_cards_waiting_for_the_same_new_key_share_one_fetch(
    fresh_sandbox, fresh_sandbox_device_key
):
    fresh_sandbox.inject_fault("delay", count=10, path_prefix="/v1/signing-keys", delay_ms=300)
    cache = SigningKeyCache()
    known: list[bool] = []

    def scan() -> None:
        with InsurerClient(fresh_sandbox.url, fresh_sandbox_device_key) as client:
            known.append(cache.refresh_for_unknown_key(client, CURRENT.kid))

    threads = [threading.Thread(target=scan) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert known == [True, True, True]
    assert [f["count"] for f in fresh_sandbox.pending_faults()] == [9], "one request reached it"


def test_keys_kept_on_disk_verify_cards_after_a_restart_with_the_insurer_down(
    desk, refused, tmp_path
):
    kept = tmp_path / "ecard-keys.json"
    SigningKeyCache(keep_at=kept).refresh(desk)

    restarted = SigningKeyCache(keep_at=kept)
    with pytest.raises(InsurerAuthError):
        restarted.refresh(refused)
    token = ecard.verify(
        fresh_token(demo_member("active_plus")), restarted.keys(), datetime.now(UTC)
    )
    assert token.kid == CURRENT.kid
    assert b"private" not in kept.read_bytes().lower()


def test_a_damaged_kept_copy_is_ignored_until_the_next_fetch(desk, tmp_path):
    kept = tmp_path / "ecard-keys.json"
    kept.write_text("{not json", encoding="utf-8")
    cache = SigningKeyCache(keep_at=kept)
    assert cache.keys() == {}
    cache.refresh(desk)
    after_restart = SigningKeyCache(keep_at=kept).keys()
    assert CURRENT.kid in after_restart
