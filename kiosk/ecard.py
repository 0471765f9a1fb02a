"""The e-card QR token: issued by the insurer, shown in the member app, verified offline here.

Format (full specification with test vectors: `docs/ecard-qr.md`)::

    EC1 <base45 of 77 bytes: issued-at, validity, nonce, signature> <kid>:<member id>:<policy ref>

Every character is in the QR alphanumeric set (0-9 A-Z space $ % * + - . / :), so a QR encoder
uses alphanumeric mode and the longest allowed token (177 characters) fits QR version 7 at error
correction M. The text ends with a field character, never a space, so trimming cannot change it.

The Ed25519 signature covers every byte of the token except itself:
``b"EC1" + issued_at(4) + validity(1) + nonce(8) + ascii("<kid>:<member id>:<policy ref>")``.
"""

from __future__ import annotations

import base64
import binascii
import heapq
import re
import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

import base45
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

if TYPE_CHECKING:
    import qrcode
    from qrcode.image.pil import PilImage
    from qrcode.image.pure import PyPNGImage

PREFIX = "EC1"
"""Format marker and version; also the first bytes of the signing input."""

MAX_KID_LEN = 8
MAX_MEMBER_ID_LEN = 24
MAX_POLICY_REF_LEN = 24
FIELD_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-./"
"""Allowed in kid, member id and policy ref: QR alphanumeric minus space, ':' and $%*+."""

NONCE_LEN = 8
SIGNATURE_LEN = 64
HEADER_LEN = 4 + 1 + NONCE_LEN  # issued-at (uint32 BE), validity (uint8), nonce
BINARY_LEN = HEADER_LEN + SIGNATURE_LEN  # 77
BINARY_TEXT_LEN = (BINARY_LEN // 2) * 3 + (BINARY_LEN % 2) * 2  # 116 base45 characters
FIELDS_OFFSET = len(PREFIX) + BINARY_TEXT_LEN  # 119
MAX_TEXT_LEN = FIELDS_OFFSET + MAX_KID_LEN + MAX_MEMBER_ID_LEN + MAX_POLICY_REF_LEN + 2  # 177

MAX_VALIDITY = timedelta(seconds=120)
DEFAULT_VALIDITY = timedelta(seconds=90)
DEFAULT_SKEW = timedelta(seconds=30)
MAX_SKEW = timedelta(minutes=10)
"""A larger clock-skew tolerance would make a two-minute token meaningless."""

QR_ERROR_CORRECTION = "M"
QR_MAX_VERSION = 7

_FIELD_RE = re.compile(r"[0-9A-Z./-]+")
_UINT32_MAX = 0xFFFFFFFF
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class ECardFailure(StrEnum):
    """Why a token was refused. Stable values: screens and logs switch on them."""

    MALFORMED = "malformed"
    UNKNOWN_KEY = "unknown-key"
    BAD_SIGNATURE = "bad-signature"
    EXPIRED = "expired"
    NOT_YET_VALID = "not-yet-valid"
    REPLAYED = "replayed"


class ECardError(Exception):
    """A token was refused; `reason` says why. Messages never contain member data.

    `kid` is set for `unknown-key` (and later failures) so the caller can refresh the insurer's
    signing keys and try once more.
    """

    def __init__(self, reason: ECardFailure, message: str, *, kid: str | None = None) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message
        self.kid = kid


@dataclass(frozen=True, slots=True)
class ECardToken:
    """A verified (or just issued) token. Times are aware UTC datetimes with whole seconds;
    `nonce` is the raw 8 bytes (`nonce.hex()` for display or logs)."""

    kid: str
    member_id: str
    policy_ref: str
    issued_at: datetime
    expires_at: datetime
    nonce: bytes

    @property
    def validity(self) -> timedelta:
        return self.expires_at - self.issued_at


# --- base45 (RFC 9285), from the `base45` library; the tests pin it to the RFC's examples

B45_ALPHABET: str = base45.BASE45_CHARSET


def b45encode(data: bytes) -> str:
    encoded: bytes = base45.b45encode(data)  # `base45` has no type information
    return encoded.decode("ascii")


def b45decode(text: str) -> bytes:
    """Decode RFC 9285 base45; ValueError for any character, length or value it does not allow."""
    decoded: bytes = base45.b45decode(text)  # `base45` has no type information
    return decoded


# --- keys


def private_key_from_seed(seed: bytes) -> Ed25519PrivateKey:
    """The Ed25519 private key for a 32-byte seed (RFC 8032 secret key), for test vectors."""
    if not isinstance(seed, bytes | bytearray) or len(seed) != 32:
        raise ValueError("an Ed25519 seed is exactly 32 bytes")
    return Ed25519PrivateKey.from_private_bytes(bytes(seed))


def public_key_to_b64(key: Ed25519PublicKey) -> str:
    """Raw 32-byte public key, base64url without padding (the `SigningKey.public_key` format)."""
    raw = key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


_B64_KEY_RE = re.compile(r"[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]")


def public_key_from_b64(text: str) -> Ed25519PublicKey:
    """Parse `public_key_to_b64` output; ValueError for anything else (padding included)."""
    if not isinstance(text, str) or not _B64_KEY_RE.fullmatch(text):
        raise ValueError("not a base64url (unpadded) 32-byte Ed25519 public key")
    try:
        raw = base64.urlsafe_b64decode(text + "=")
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not a base64url (unpadded) 32-byte Ed25519 public key") from exc


# --- replay guard


class ReplayGuard:
    """Remembers accepted tokens' nonces until the tokens can no longer verify, then forgets them.

    Keyed by (member id, nonce). Memory is bounded by `max_entries`: expired entries are dropped
    on every call, and if the guard is still full the entry closest to its expiry is evicted (at
    the default 4096 that takes more than 25 accepted scans a second). Thread-safe.
    """

    def __init__(self, max_entries: int = 4096) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self.max_entries = max_entries
        self._until: dict[tuple[str, bytes], datetime] = {}
        self._heap: list[tuple[datetime, str, bytes]] = []
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._until)

    def _forget_expired(self, now: datetime) -> None:
        while self._heap and self._heap[0][0] <= now:
            until, member_id, nonce = heapq.heappop(self._heap)
            if self._until.get((member_id, nonce)) == until:
                del self._until[(member_id, nonce)]

    def check_and_remember(
        self, member_id: str, nonce: bytes, *, until: datetime, now: datetime
    ) -> bool:
        """True (and remembered until `until`) when new; False when seen and still remembered."""
        key = (member_id, bytes(nonce))
        with self._lock:
            self._forget_expired(now)
            if key in self._until:
                return False
            if until <= now:
                return True  # nothing to remember: it can no longer verify anyway
            while len(self._until) >= self.max_entries:
                old_until, old_member, old_nonce = heapq.heappop(self._heap)
                if self._until.get((old_member, old_nonce)) == old_until:
                    del self._until[(old_member, old_nonce)]
            self._until[key] = until
            heapq.heappush(self._heap, (until, key[0], key[1]))
            return True

    def forget(self, member_id: str, nonce: bytes) -> None:
        """Accept this token once more: what it was used for did not happen (the eligibility
        check failed or was cancelled). Its heap entry stays and is skipped when it expires."""
        with self._lock:
            self._until.pop((member_id, bytes(nonce)), None)


# --- issue and verify


def _require_aware(now: object, name: str = "now") -> datetime:
    if not isinstance(now, datetime):
        raise TypeError(f"{name} must be a timezone-aware datetime")
    if now.tzinfo is None or now.utcoffset() is None:
        raise TypeError(f"{name} must be timezone-aware")
    return now


def _check_field(value: object, name: str, max_len: int) -> str:
    if not isinstance(value, str) or not (1 <= len(value) <= max_len):
        raise ValueError(f"{name} must be 1 to {max_len} characters")
    if not _FIELD_RE.fullmatch(value):
        raise ValueError(f"{name} may only use 0-9 A-Z - . /")
    return value


def issue(
    private_key: Ed25519PrivateKey,
    kid: str,
    member_id: str,
    policy_ref: str,
    now: datetime,
    *,
    validity: timedelta = DEFAULT_VALIDITY,
    nonce: bytes | None = None,
) -> str:
    """Sign a token; issued-at is `now` truncated to the second. Returns the QR text."""
    _require_aware(now)
    _check_field(kid, "kid", MAX_KID_LEN)
    _check_field(member_id, "member_id", MAX_MEMBER_ID_LEN)
    _check_field(policy_ref, "policy_ref", MAX_POLICY_REF_LEN)
    seconds = validity.total_seconds()
    if not (1 <= seconds <= MAX_VALIDITY.total_seconds()) or seconds != int(seconds):
        raise ValueError("validity must be a whole number of seconds from 1 to 120")
    if nonce is None:
        nonce = secrets.token_bytes(NONCE_LEN)
    if not isinstance(nonce, bytes | bytearray) or len(nonce) != NONCE_LEN:
        raise ValueError(f"nonce must be {NONCE_LEN} bytes")
    issued = (now - _EPOCH) // timedelta(seconds=1)
    if not 0 <= issued <= _UINT32_MAX:
        raise ValueError("issued-at out of range (1970 to 2106)")
    header = issued.to_bytes(4, "big") + int(seconds).to_bytes(1, "big") + bytes(nonce)
    fields = f"{kid}:{member_id}:{policy_ref}"
    signature = private_key.sign(PREFIX.encode("ascii") + header + fields.encode("ascii"))
    return PREFIX + b45encode(header + signature) + fields


def _malformed(message: str) -> ECardError:
    return ECardError(ECardFailure.MALFORMED, message)


def _parse(text: object) -> tuple[ECardToken, bytes, bytes]:
    """Structure only: the token, its signing input and its signature. ECardError(malformed)."""
    if not isinstance(text, str):
        raise _malformed("not text")
    if not (FIELDS_OFFSET + 5 <= len(text) <= MAX_TEXT_LEN):
        raise _malformed("wrong length")
    if not text.startswith(PREFIX):
        raise _malformed("not an e-card token")
    try:
        binary = b45decode(text[len(PREFIX) : FIELDS_OFFSET])
    except ValueError:
        raise _malformed("bad base45") from None
    fields_text = text[FIELDS_OFFSET:]
    parts = fields_text.split(":")
    if len(parts) != 3:
        raise _malformed("wrong number of fields")
    kid, member_id, policy_ref = parts
    for value, max_len in (
        (kid, MAX_KID_LEN),
        (member_id, MAX_MEMBER_ID_LEN),
        (policy_ref, MAX_POLICY_REF_LEN),
    ):
        if not (1 <= len(value) <= max_len) or not _FIELD_RE.fullmatch(value):
            raise _malformed("bad field")
    issued = int.from_bytes(binary[0:4], "big")
    validity = binary[4]
    if not 1 <= validity <= MAX_VALIDITY.total_seconds():
        raise _malformed("validity out of range")
    issued_at = _EPOCH + timedelta(seconds=issued)
    token = ECardToken(
        kid=kid,
        member_id=member_id,
        policy_ref=policy_ref,
        issued_at=issued_at,
        expires_at=issued_at + timedelta(seconds=validity),
        nonce=binary[5:HEADER_LEN],
    )
    signing_input = PREFIX.encode("ascii") + binary[:HEADER_LEN] + fields_text.encode("ascii")
    return token, signing_input, binary[HEADER_LEN:]


def verify(
    text: str,
    public_keys: Mapping[str, Ed25519PublicKey],
    now: datetime,
    *,
    skew: timedelta = DEFAULT_SKEW,
    replay_guard: ReplayGuard | None = None,
) -> ECardToken:
    """Verify QR text offline. Returns the token or raises ECardError (and nothing else for any
    text). Order: structure, key id, signature, not-yet-valid, expired, replay. A token is valid
    for issued_at - skew <= now < expires_at + skew; the replay guard is consulted last, so only
    genuine, fresh tokens are remembered."""
    _require_aware(now)
    if not isinstance(skew, timedelta) or not timedelta(0) <= skew <= MAX_SKEW:
        raise ValueError(f"skew must be a timedelta from 0 to {MAX_SKEW}")
    token, signing_input, signature = _parse(text)
    key = public_keys.get(token.kid)
    if key is None:
        raise ECardError(ECardFailure.UNKNOWN_KEY, "unknown signing key id", kid=token.kid)
    try:
        key.verify(signature, signing_input)
    except InvalidSignature:
        raise ECardError(
            ECardFailure.BAD_SIGNATURE, "signature does not verify", kid=token.kid
        ) from None
    if now < token.issued_at - skew:
        raise ECardError(ECardFailure.NOT_YET_VALID, "issued in the future", kid=token.kid)
    if now >= token.expires_at + skew:
        raise ECardError(ECardFailure.EXPIRED, "expired", kid=token.kid)
    if replay_guard is not None and not replay_guard.check_and_remember(
        token.member_id, token.nonce, until=token.expires_at + skew, now=now
    ):
        raise ECardError(ECardFailure.REPLAYED, "already presented", kid=token.kid)
    return token


# --- QR


def make_qr(text: str) -> qrcode.QRCode[PilImage | PyPNGImage]:
    """The QR code for a token: error correction M, smallest version that fits (≤ 7 for any
    token `issue` returns). Call `.make_image()` on it to render."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
    qr.add_data(text)
    qr.make(fit=True)
    return qr
