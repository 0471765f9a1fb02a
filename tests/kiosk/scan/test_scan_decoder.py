"""kiosk.scan.decode on generated webcam frames, and on values that are not frames at all."""

import cv2
import numpy as np
import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from kiosk.scan import FrameError, decode, photographed, synthetic

READ_EVERY_FRAME = [c for c in synthetic.CATEGORIES if c not in {"defocus", "motion_blur"}]
"""Categories the pipeline claims to read in every frame (benchmark, seeds 0-3: 59-60 of 60)."""

BLUR = ["defocus", "motion_blur"]
"""Read in most frames (benchmark: 12-15 of 15): a stronger blur is unreadable to any decoder."""


@pytest.fixture(scope="module")
def frames():
    """Two frames of each claimed category, three of each blur, four without a code."""
    frames = []
    for category in synthetic.CATEGORIES:
        frames += synthetic.category_frames(category, 3 if category in BLUR else 2, seed=7)
    return frames + synthetic.category_frames(synthetic.NO_CODE, 4, seed=7)


def by_category(frames, category):
    return [f for f in frames if f.category == category]


@pytest.mark.parametrize("category", READ_EVERY_FRAME)
def test_reads_every_generated_frame_of_a_claimed_category(frames, category):
    for frame in by_category(frames, category):
        assert decode(frame.image) == list(frame.texts)


@pytest.mark.parametrize("category", BLUR)
def test_reads_most_blurred_frames(frames, category):
    shown = by_category(frames, category)
    read = [f for f in shown if decode(f.image) == list(f.texts)]
    assert len(read) >= len(shown) - 1


@pytest.mark.parametrize(
    ("category", "index"),
    [("motion_blur", 3), ("motion_blur", 4), ("defocus", 5)],
)
def test_reads_benchmark_frames_that_zxing_cpp_alone_misses(category, index):
    """The fixed-threshold pass (motion blur) and the sharpened crop retries (defocus) at work."""
    frame = synthetic.category_frames(category, index + 1, seed=0)[index]
    grey = cv2.cvtColor(frame.image, cv2.COLOR_BGR2GRAY)
    alone = [s.text for s in zxingcpp.read_barcodes(grey, formats=zxingcpp.BarcodeFormat.QRCode)]
    assert alone != list(frame.texts)
    assert decode(frame.image) == list(frame.texts)


def test_reads_a_code_zxing_cpp_does_not_even_locate():
    """A thumb over part of a finder pattern (the photographed set, seed 1): neither of zxing-cpp's
    whole-frame passes finds a symbol, pyzbar reads it, and so must the kiosk: the texture of the
    code's modules gives it a second chance."""
    frame = photographed.photo_frames("hand", 2, seed=1)[1]
    grey = cv2.cvtColor(frame.image, cv2.COLOR_BGR2GRAY)
    qr = zxingcpp.BarcodeFormat.QRCode
    for binarizer in (zxingcpp.Binarizer.LocalAverage, zxingcpp.Binarizer.FixedThreshold):
        located = zxingcpp.read_barcodes(grey, formats=qr, binarizer=binarizer, return_errors=True)
        assert located == []
    assert decode(frame.image) == list(frame.texts)


def test_frames_without_a_code_give_nothing(frames):
    empty = by_category(frames, synthetic.NO_CODE)
    assert len(empty) == 4
    for frame in empty:
        assert decode(frame.image) == []


def test_reads_an_inverted_code_in_a_colour_frame(token):
    rng = np.random.default_rng(11)
    image, _ = synthetic.render("nominal", [token], rng)
    assert decode(cv2.bitwise_not(image)) == [token]


def test_reads_two_phones_in_one_frame(token_rng):
    first, second = synthetic.sample_token(token_rng), synthetic.sample_token(token_rng)
    image, corners = synthetic.render("nominal", [first, second], np.random.default_rng(5))
    assert len(corners) == 2
    assert sorted(decode(image)) == sorted([first, second])


def test_grey_bgra_and_non_contiguous_frames_are_read(token):
    image, _ = synthetic.render("nominal", [token], np.random.default_rng(3))
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    assert decode(grey) == [token]
    assert decode(grey[:, :, None]) == [token]
    assert decode(cv2.cvtColor(image, cv2.COLOR_BGR2BGRA)) == [token]
    wide = np.zeros((720, 2560, 3), np.uint8)
    wide[:, ::2] = image
    assert decode(wide[:, ::2]) == [token]


def test_a_1080p_frame_is_read(token):
    image, _ = synthetic.render("nominal", [token], np.random.default_rng(8))
    assert decode(cv2.resize(image, (1920, 1080), interpolation=cv2.INTER_LINEAR)) == [token]


@pytest.mark.parametrize(
    "value",
    [
        None,
        b"\x00" * 100,
        [[0, 255], [255, 0]],
        np.zeros((720, 1280), np.float32),
        np.zeros((720, 1280), bool),
        np.zeros((720, 1280), np.uint16),
        np.zeros((0, 0), np.uint8),
        np.zeros((720, 0, 3), np.uint8),
        np.zeros(1280, np.uint8),
        np.zeros((2, 720, 1280, 3), np.uint8),
        np.zeros((720, 1280, 2), np.uint8),
        np.zeros((6000, 6000), np.uint8),
        np.array("not a frame"),
    ],
    ids=[
        "none",
        "bytes",
        "nested-list",
        "float32",
        "bool",
        "uint16",
        "empty",
        "zero-width",
        "1d",
        "4d",
        "two-channels",
        "huge",
        "string-array",
    ],
)
def test_what_is_not_a_frame_is_refused_with_frame_error(value):
    with pytest.raises(FrameError):
        decode(value)


def test_frame_error_is_a_value_error():
    assert issubclass(FrameError, ValueError)


@pytest.mark.parametrize("shape", [(1, 1), (1, 1, 3), (20, 20), (1, 1280), (720, 1)])
def test_frames_too_small_for_a_code_give_nothing(shape):
    assert decode(np.full(shape, 255, np.uint8)) == []


@settings(max_examples=40, deadline=None)
@given(
    hnp.arrays(
        np.uint8,
        st.one_of(
            hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=64),
            st.tuples(st.integers(1, 64), st.integers(1, 64), st.sampled_from([1, 3, 4])),
        ),
    )
)
def test_random_pixels_never_crash_the_decoder(image):
    assert decode(image) == []
