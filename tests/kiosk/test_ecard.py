"""The e-card QR token: the documented vectors, every failure from a real bad input, skew
boundaries, the replay guard, and the QR size measured with the real encoder and decoders."""

import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk import ecard
from kiosk.ecard import (
    ECardError,
    ECardFailure,
    ECardToken,
    ReplayGuard,
    issue,
    private_key_from_seed,
    public_key_from_b64,
    public_key_to_b64,
    verify,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "ecard-qr.md"

KEY = private_key_from_seed(bytes(range(32)))
OTHER_KEY = private_key_from_seed(bytes([7]) * 32)
KEYS = {"K1": KEY.public_key()}
T0 = datetime(2026, 11, 25, 4, 0, 0, tzinfo=UTC)
SKEW = timedelta(seconds=30)


def demo_token(now=T0, **kwargs):
    return issue(KEY, "K1", "M2026000001", "GY2026-000001", now, **kwargs)


def failure(text, keys=KEYS, now=T0, **kwargs) -> ECardFailure:
    with pytest.raises(ECardError) as caught:
        verify(text, keys, now, **kwargs)
    return caught.value.reason


# --- the vectors in docs/ecard-qr.md


def doc_vectors() -> list[dict]:
    section = DOC.read_text(encoding="utf-8").split("## Test vectors", 1)[1]
    blocks = re.findall(r"```yaml\n(.*?)```", section, flags=re.DOTALL)
    return [yaml.safe_load(block) for block in blocks]


def test_the_doc_has_valid_and_failing_vectors():
    expects = {v["verify"]["expect"] for v in doc_vectors()}
    assert "valid" in expects
    assert len(doc_vectors()) >= 3
    assert expects - {"valid"}, "at least one failing vector"


@pytest.mark.parametrize("vector", doc_vectors(), ids=lambda v: v["name"])
def test_doc_vector(vector):
    text = vector["text"]
    spec = vector.get("issue")
    if spec is not None:
        private_key = private_key_from_seed(bytes.fromhex(spec["seed"]))
        assert public_key_to_b64(private_key.public_key()) == spec["public_key"]
        issued = issue(
            private_key,
            spec["kid"],
            spec["member_id"],
            spec["policy_ref"],
            datetime.fromisoformat(spec["issued_at"]),
            validity=timedelta(seconds=spec["validity_seconds"]),
            nonce=bytes.fromhex(spec["nonce"]),
        )
        assert issued == text
    if "signing_input_hex" in vector:
        signing_input = bytes.fromhex(vector["signing_input_hex"])
        signature = bytes.fromhex(vector["signature_hex"])
        assert signing_input == b"EC1" + ecard.b45decode(text[3:119])[:13] + text[119:].encode()
        assert ecard.b45decode(text[3:119])[13:] == signature
        public_key_from_b64(spec["public_key"]).verify(signature, signing_input)
    if "qr_version" in vector:
        assert ecard.make_qr(text).version == vector["qr_version"]

    check = vector["verify"]
    keys = {kid: public_key_from_b64(b64) for kid, b64 in check["keys"].items()}
    now = datetime.fromisoformat(check["now"])
    skew = timedelta(seconds=check["skew_seconds"])
    guard = ReplayGuard()
    if check["expect"] == "valid":
        token = verify(text, keys, now, skew=skew, replay_guard=guard)
        issued_at = datetime.fromisoformat(spec["issued_at"])
        assert token == ECardToken(
            kid=spec["kid"],
            member_id=spec["member_id"],
            policy_ref=spec["policy_ref"],
            issued_at=issued_at,
            expires_at=issued_at + timedelta(seconds=spec["validity_seconds"]),
            nonce=bytes.fromhex(spec["nonce"]),
        )
    else:
        reason = failure(text, keys, now, skew=skew, replay_guard=guard)
        assert reason == ECardFailure(check["expect"])
    if "again_with_same_guard" in check:
        again = failure(text, keys, now, skew=skew, replay_guard=guard)
        assert again == ECardFailure(check["again_with_same_guard"])


def test_rfc_8032_test_1_key_derives_its_public_key():
    seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
    public = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
    key = private_key_from_seed(bytes.fromhex(seed)).public_key()
    assert public_key_from_b64(public_key_to_b64(key)) == key
    assert ecard.base64.urlsafe_b64decode(public_key_to_b64(key) + "=").hex() == public


# --- round trip and the token


def test_issue_then_verify_round_trip():
    nonce = bytes.fromhex("0102030405060708")
    token = verify(demo_token(T0 + timedelta(microseconds=999_999), nonce=nonce), KEYS, T0)
    assert token.kid == "K1"
    assert token.member_id == "M2026000001"
    assert token.policy_ref == "GY2026-000001"
    assert token.issued_at == T0  # truncated to the second
    assert token.expires_at == T0 + timedelta(seconds=90)
    assert token.validity == timedelta(seconds=90)
    assert token.issued_at.utcoffset() == timedelta(0)
    assert token.nonce == nonce
    with pytest.raises(AttributeError):
        token.member_id = "M2026000002"  # type: ignore[misc]


def test_issue_picks_a_fresh_random_nonce():
    first, second = (verify(demo_token(), KEYS, T0).nonce for _ in range(2))
    assert len(first) == ecard.NONCE_LEN
    assert first != second


def test_times_in_any_zone_mean_the_same_instant():
    shanghai = timezone(timedelta(hours=8))
    text = demo_token(T0.astimezone(shanghai))
    token = verify(text, KEYS, (T0 + timedelta(seconds=5)).astimezone(shanghai))
    assert token.issued_at == T0
    assert token.issued_at.tzinfo == UTC


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("kid", ""),
        ("kid", "K" * (ecard.MAX_KID_LEN + 1)),
        ("kid", "k1"),
        ("member_id", "M" * (ecard.MAX_MEMBER_ID_LEN + 1)),
        ("member_id", "M2026 000001"),
        ("member_id", "M2026:000001"),
        ("member_id", "m2026000001"),
        ("member_id", "M2026000001\n"),
        ("policy_ref", "P" * (ecard.MAX_POLICY_REF_LEN + 1)),
        ("policy_ref", "保单1"),
        ("policy_ref", ""),
    ],
)
def test_issue_refuses_fields_outside_the_limits(field, value):
    fields = {"kid": "K1", "member_id": "M2026000001", "policy_ref": "GY2026-000001"} | {
        field: value
    }
    with pytest.raises(ValueError):
        issue(KEY, now=T0, **fields)


@pytest.mark.parametrize("seconds", [0, -1, 121, 90.5, 3600])
def test_issue_refuses_validity_outside_1_to_120_whole_seconds(seconds):
    with pytest.raises(ValueError):
        demo_token(validity=timedelta(seconds=seconds))


def test_issue_accepts_validity_limits():
    for seconds in (1, 120):
        token = verify(demo_token(validity=timedelta(seconds=seconds)), KEYS, T0)
        assert token.validity == timedelta(seconds=seconds)


@pytest.mark.parametrize("nonce", [b"", b"1234567", b"123456789"])
def test_issue_refuses_a_nonce_of_the_wrong_size(nonce):
    with pytest.raises(ValueError):
        demo_token(nonce=nonce)


def test_naive_times_are_a_type_error():
    naive = datetime(2026, 11, 25, 4, 0, 0)  # noqa: DTZ001 - the point of the test
    with pytest.raises(TypeError):
        demo_token(naive)
    with pytest.raises(TypeError):
        verify(demo_token(), KEYS, naive)
    with pytest.raises(TypeError):
        verify(demo_token(), KEYS, "2026-11-25T04:00:00Z")  # type: ignore[arg-type]


@pytest.mark.parametrize("skew", [timedelta(seconds=-1), timedelta(minutes=11)])
def test_skew_outside_0_to_10_minutes_is_refused(skew):
    with pytest.raises(ValueError):
        verify(demo_token(), KEYS, T0, skew=skew)


# --- each failure from a real bad input


def test_garbage_is_malformed():
    for text in ["", "hello", "EC1", "https://example.com/card?id=1", "EC1" + "0" * 200]:
        assert failure(text) is ECardFailure.MALFORMED


def test_non_text_is_malformed():
    assert failure(None) is ECardFailure.MALFORMED  # type: ignore[arg-type]
    assert failure(demo_token().encode()) is ECardFailure.MALFORMED  # type: ignore[arg-type]


def test_wrong_prefix_is_malformed():
    assert failure("EC2" + demo_token()[3:]) is ECardFailure.MALFORMED


def test_base45_out_of_range_is_malformed():
    text = demo_token()
    assert failure(text[:3] + ":::" + text[6:]) is ECardFailure.MALFORMED  # 44+44*45+44*45² > 65535


def test_a_character_outside_base45_is_malformed():
    text = demo_token()
    assert failure(text[:10] + "a" + text[11:]) is ECardFailure.MALFORMED


def test_a_missing_or_extra_field_is_malformed():
    text = demo_token()
    assert failure(text.rsplit(":", 1)[0]) is ECardFailure.MALFORMED
    assert failure(text + ":X") is ECardFailure.MALFORMED
    assert failure(text.replace(":GY", "::GY")) is ECardFailure.MALFORMED


def test_trailing_whitespace_is_malformed_not_ignored():
    assert failure(demo_token() + " ") is ECardFailure.MALFORMED
    assert failure(demo_token() + "\n") is ECardFailure.MALFORMED


def test_validity_above_120_seconds_is_malformed_even_when_signed():
    header = int(T0.timestamp()).to_bytes(4, "big") + bytes([121]) + bytes(8)
    fields = "K1:M2026000001:GY2026-000001"
    signature = KEY.sign(b"EC1" + header + fields.encode())
    text = "EC1" + ecard.b45encode(header + signature) + fields
    assert failure(text) is ECardFailure.MALFORMED


def test_unknown_kid():
    text = issue(KEY, "K9", "M2026000001", "GY2026-000001", T0)
    with pytest.raises(ECardError) as caught:
        verify(text, KEYS, T0)
    assert caught.value.reason is ECardFailure.UNKNOWN_KEY
    assert caught.value.kid == "K9"


def test_empty_key_ring_is_unknown_key():
    assert failure(demo_token(), {}) is ECardFailure.UNKNOWN_KEY


def test_another_key_under_the_same_kid_is_a_bad_signature():
    text = issue(OTHER_KEY, "K1", "M2026000001", "GY2026-000001", T0)
    assert failure(text) is ECardFailure.BAD_SIGNATURE


def test_the_previous_key_still_verifies_after_rotation():
    text = issue(OTHER_KEY, "K0", "M2026000001", "GY2026-000001", T0)
    keys = {"K1": KEY.public_key(), "K0": OTHER_KEY.public_key()}
    assert verify(text, keys, T0).kid == "K0"


@pytest.mark.parametrize("position", [3, 4, 40, 60, 100, 118])
def test_an_edited_character_in_the_binary_part_is_refused(position):
    text = demo_token()
    for replacement in "0A%":
        if text[position] == replacement:
            continue
        edited = text[:position] + replacement + text[position + 1 :]
        # Either it no longer decodes (malformed), says validity > 120 (malformed), or the
        # signature fails; never accepted, never another reason.
        assert failure(edited) in {ECardFailure.MALFORMED, ECardFailure.BAD_SIGNATURE}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (":M2026000001:", ":M2026000002:"),
        (":GY2026-000001", ":GY2026-000002"),
        (":GY2026-000001", ":GY2026-00000"),
    ],
)
def test_edited_fields_are_a_bad_signature(old, new):
    assert failure(demo_token().replace(old, new)) is ECardFailure.BAD_SIGNATURE


def test_an_edited_issue_time_is_a_bad_signature():
    text = demo_token()
    binary = bytearray(ecard.b45decode(text[3:119]))
    binary[3] ^= 0x01  # issued one second off
    edited = text[:3] + ecard.b45encode(bytes(binary)) + text[119:]
    assert failure(edited) is ECardFailure.BAD_SIGNATURE


def test_a_longer_validity_is_a_bad_signature():
    text = demo_token()
    binary = bytearray(ecard.b45decode(text[3:119]))
    binary[4] = 120
    edited = text[:3] + ecard.b45encode(bytes(binary)) + text[119:]
    assert failure(edited, now=T0 + timedelta(seconds=119)) is ECardFailure.BAD_SIGNATURE


def test_an_old_token_is_expired():
    assert failure(demo_token(T0 - timedelta(hours=1))) is ECardFailure.EXPIRED


def test_a_token_from_the_future_beyond_skew_is_not_yet_valid():
    assert failure(demo_token(T0 + timedelta(minutes=5))) is ECardFailure.NOT_YET_VALID


def test_a_replayed_nonce_is_refused():
    guard = ReplayGuard()
    text = demo_token()
    verify(text, KEYS, T0, replay_guard=guard)
    assert failure(text, now=T0 + timedelta(seconds=60), replay_guard=guard) is (
        ECardFailure.REPLAYED
    )


def test_a_fresh_token_for_the_same_member_is_not_a_replay():
    guard = ReplayGuard()
    verify(demo_token(), KEYS, T0, replay_guard=guard)
    verify(
        demo_token(T0 + timedelta(seconds=60)), KEYS, T0 + timedelta(seconds=60), replay_guard=guard
    )
    assert len(guard) == 2


def test_the_same_nonce_for_another_member_is_not_a_replay():
    guard = ReplayGuard()
    nonce = bytes(8)
    verify(demo_token(nonce=nonce), KEYS, T0, replay_guard=guard)
    other = issue(KEY, "K1", "M2026000002", "GY2026-000002", T0, nonce=nonce)
    verify(other, KEYS, T0, replay_guard=guard)


def test_refused_tokens_never_enter_the_replay_guard():
    guard = ReplayGuard()
    forged = issue(OTHER_KEY, "K1", "M2026000001", "GY2026-000001", T0, nonce=bytes(8))
    assert failure(forged, replay_guard=guard) is ECardFailure.BAD_SIGNATURE
    assert failure(demo_token(T0 - timedelta(hours=1)), replay_guard=guard) is ECardFailure.EXPIRED
    assert len(guard) == 0
    verify(demo_token(nonce=bytes(8)), KEYS, T0, replay_guard=guard)  # the genuine one still passes


def test_error_messages_carry_no_member_data():
    text = demo_token(T0 - timedelta(hours=1))
    with pytest.raises(ECardError) as caught:
        verify(text, KEYS, T0)
    assert "M2026000001" not in str(caught.value)
    assert "GY2026" not in str(caught.value)


# --- skew boundaries: accepted for issued_at - skew <= now < expires_at + skew


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (timedelta(seconds=-30) - timedelta(microseconds=1), ECardFailure.NOT_YET_VALID),
        (timedelta(seconds=-30), None),
        (timedelta(0), None),
        (timedelta(seconds=90), None),
        (timedelta(seconds=120) - timedelta(microseconds=1), None),
        (timedelta(seconds=120), ECardFailure.EXPIRED),
    ],
)
def test_skew_boundaries(offset, expected):
    text = demo_token()
    now = T0 + offset
    if expected is None:
        assert verify(text, KEYS, now, skew=SKEW).issued_at == T0
    else:
        assert failure(text, now=now, skew=SKEW) is expected


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (timedelta(microseconds=-1), ECardFailure.NOT_YET_VALID),
        (timedelta(0), None),
        (timedelta(seconds=90) - timedelta(microseconds=1), None),
        (timedelta(seconds=90), ECardFailure.EXPIRED),
    ],
)
def test_zero_skew_boundaries(offset, expected):
    text = demo_token()
    if expected is None:
        verify(text, KEYS, T0 + offset, skew=timedelta(0))
    else:
        assert failure(text, now=T0 + offset, skew=timedelta(0)) is expected


def test_default_skew_is_30_seconds():
    text = demo_token()
    verify(text, KEYS, T0 - timedelta(seconds=30))
    assert failure(text, now=T0 - timedelta(seconds=31)) is ECardFailure.NOT_YET_VALID
    verify(text, KEYS, T0 + timedelta(seconds=119))
    assert failure(text, now=T0 + timedelta(seconds=120)) is ECardFailure.EXPIRED


# --- the replay guard


def test_the_guard_remembers_until_the_token_can_no_longer_verify():
    guard = ReplayGuard()
    text = demo_token()
    verify(text, KEYS, T0, replay_guard=guard)
    last_valid = T0 + timedelta(seconds=120) - timedelta(microseconds=1)
    assert failure(text, now=last_valid, replay_guard=guard) is ECardFailure.REPLAYED
    assert len(guard) == 1


def test_the_guard_forgets_after_expiry():
    guard = ReplayGuard()
    verify(demo_token(), KEYS, T0, replay_guard=guard)
    assert len(guard) == 1
    later = T0 + timedelta(seconds=121)
    verify(demo_token(later), KEYS, later, replay_guard=guard)  # this call purges the old one
    assert len(guard) == 1
    # and at that time the old token is refused as expired, not as a replay
    assert failure(demo_token(), now=later, replay_guard=guard) is ECardFailure.EXPIRED


def test_the_guard_unit_forgets_exactly_at_until():
    guard = ReplayGuard()
    until = T0 + timedelta(seconds=10)
    assert guard.check_and_remember("M1", bytes(8), until=until, now=T0)
    assert not guard.check_and_remember("M1", bytes(8), until=until, now=until - timedelta(0, 1))
    assert guard.check_and_remember("M1", bytes(8), until=until, now=until)
    assert len(guard) == 0  # already past `until`: nothing to remember


def test_the_guard_memory_is_bounded():
    guard = ReplayGuard(max_entries=100)
    for i in range(1000):
        until = T0 + timedelta(seconds=200 + i)
        assert guard.check_and_remember("M1", i.to_bytes(8, "big"), until=until, now=T0)
        assert len(guard) <= 100
    assert len(guard) == 100
    # the most recent ones are kept; the ones closest to expiry were evicted
    assert not guard.check_and_remember("M1", (999).to_bytes(8, "big"), until=T0, now=T0)
    assert len(guard._heap) == 100


def test_the_guard_refuses_a_zero_capacity():
    with pytest.raises(ValueError):
        ReplayGuard(max_entries=0)


# --- arbitrary input never raises anything but ECardError


@settings(max_examples=500)
@given(st.text())
def test_arbitrary_text_gives_a_token_or_ecard_error(text):
    try:
        result = verify(text, KEYS, T0, replay_guard=ReplayGuard())
    except ECardError as exc:
        assert isinstance(exc.reason, ECardFailure)
    else:
        assert isinstance(result, ECardToken)


_B45_CHARS = st.sampled_from(ecard.B45_ALPHABET)


@settings(max_examples=500)
@given(
    st.text(_B45_CHARS, min_size=116, max_size=116),
    st.text(st.sampled_from(ecard.B45_ALPHABET + "abc\x00é"), max_size=70),
)
def test_well_shaped_random_text_gives_a_token_or_ecard_error(binary_part, fields):
    try:
        verify("EC1" + binary_part + fields, KEYS, T0, replay_guard=ReplayGuard())
    except ECardError as exc:
        assert isinstance(exc.reason, ECardFailure)


@settings(max_examples=300)
@given(st.data())
def test_every_single_character_edit_is_refused(data):
    text = demo_token(nonce=bytes(8))
    position = data.draw(st.integers(0, len(text) - 1))
    replacement = data.draw(
        st.sampled_from(ecard.B45_ALPHABET).filter(lambda c: c != text[position])
    )
    edited = text[:position] + replacement + text[position + 1 :]
    with pytest.raises(ECardError):
        verify(edited, KEYS, T0)


# --- base45 (RFC 9285)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"AB", "BB8"),
        (b"Hello!!", "%69 VD92EX0"),
        (b"base-45", "UJCLQE7W581"),
        (b"ietf!", "QED8WEX0"),
        (b"", ""),
        (b"\x00", "00"),
        (b"\xff\xff", "FGW"),
    ],
)
def test_base45_rfc_9285_examples(raw, text):
    assert ecard.b45encode(raw) == text
    assert ecard.b45decode(text) == raw


@pytest.mark.parametrize("text", ["GGW", "0", "0000", "aB8", "BB8=", "::"])
def test_base45_refuses_what_rfc_9285_does_not_allow(text):
    with pytest.raises(ValueError):
        ecard.b45decode(text)


@given(st.binary(max_size=100))
def test_base45_round_trip(raw):
    assert ecard.b45decode(ecard.b45encode(raw)) == raw


# --- keys


def test_public_key_b64_round_trip_matches_the_contract_format():
    text = public_key_to_b64(KEY.public_key())
    assert len(text) == 43
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", text)
    assert public_key_from_b64(text) == KEY.public_key()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=",  # padded
        "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg",  # standard, not url-safe, alphabet
        "A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMb",  # 31 bytes
        "A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbh",  # non-zero trailing bits
        " A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg",
    ],
)
def test_public_key_from_b64_refuses_anything_else(text):
    with pytest.raises(ValueError):
        public_key_from_b64(text)


@pytest.mark.parametrize("seed", [b"", bytes(31), bytes(33)])
def test_private_key_from_seed_needs_32_bytes(seed):
    with pytest.raises(ValueError):
        private_key_from_seed(seed)


# --- QR size and decoding, measured


LONGEST = ("K" * ecard.MAX_KID_LEN, "M" * ecard.MAX_MEMBER_ID_LEN, "P" * ecard.MAX_POLICY_REF_LEN)


def test_longest_allowed_token_fits_qr_version_7_at_ecc_m():
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    text = issue(KEY, *LONGEST, T0)
    assert len(text) == ecard.MAX_TEXT_LEN == 177
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M)
    qr.add_data(text)
    qr.make(fit=True)
    assert qr.version <= 7
    assert ecard.make_qr(text).version <= ecard.QR_MAX_VERSION == 7
    assert qr.data_list[0].mode == qrcode.util.MODE_ALPHA_NUM


def test_demo_token_is_qr_version_6():
    assert ecard.make_qr(demo_token()).version == 6


def _render(text):
    image = ecard.make_qr(text).make_image().get_image().convert("L")
    return image.resize((image.width * 4, image.height * 4))


@pytest.mark.parametrize("fields", [("K1", "M2026000001", "GY2026-000001"), LONGEST])
def test_decoders_return_the_exact_text(fields):
    import zxingcpp

    text = issue(KEY, *fields, T0)
    image = _render(text)
    results = zxingcpp.read_barcodes(image)
    assert [r.text for r in results] == [text]
    try:
        from pyzbar import pyzbar
    except ImportError:  # libzbar0 is a system package; setup installs it
        return
    decoded = pyzbar.decode(image)
    assert [d.data.decode("ascii") for d in decoded] == [text]
    verify(results[0].text, {fields[0]: KEY.public_key()}, T0)


def test_a_forgotten_token_verifies_once_more_then_is_a_replay_again():
    guard = ReplayGuard()
    text = demo_token()
    token = verify(text, KEYS, T0, replay_guard=guard)

    guard.forget(token.member_id, token.nonce)

    assert verify(text, KEYS, T0 + timedelta(seconds=5), replay_guard=guard) == token
    assert failure(text, now=T0 + timedelta(seconds=6), replay_guard=guard) is (
        ECardFailure.REPLAYED
    )
