"""Keyboard-wedge scanners: a burst at scanner speed is a scan; a person typing is not."""

import numpy as np
import pytest

from kiosk.ecard import ECardFailure
from kiosk.scan import synthetic
from kiosk.scan.reader import CardReader
from kiosk.scan.source import ScanSource
from kiosk.scan.wedge import WedgeDetector


def type_line(detector, text, start, intervals):
    """Feed `text` then Enter, each key `intervals[i]` after the previous; what feed returned."""
    results = []
    t = start
    for char, gap in zip([*text, "\r"], intervals, strict=True):
        t += gap
        results.append(detector.feed(char, t))
    return results, t


def scanner_intervals(count, rng):
    """A USB scanner: 2-12 ms per key, with a 40 ms hiccup now and then."""
    gaps = rng.uniform(0.002, 0.012, count)
    gaps[rng.random(count) < 0.03] = 0.04
    return gaps


def human_intervals(count, rng):
    """A fast typist: 70-250 ms per key."""
    return rng.uniform(0.07, 0.25, count)


def test_a_scanner_burst_becomes_one_scan(token):
    detector = WedgeDetector()
    results, _ = type_line(
        detector, token, 100.0, scanner_intervals(len(token) + 1, np.random.default_rng(1))
    )
    assert results[:-1] == [None] * len(token)
    assert results[-1] == token


def test_the_same_text_typed_by_a_person_is_not_a_scan(token):
    detector = WedgeDetector()
    results, _ = type_line(
        detector, token, 100.0, human_intervals(len(token) + 1, np.random.default_rng(2))
    )
    assert results == [None] * (len(token) + 1)


def test_a_short_fast_line_is_not_a_scan():
    detector = WedgeDetector()
    results, _ = type_line(detector, "1234", 0.0, [0.005] * 5)
    assert results[-1] is None


def test_a_scan_right_after_typing_is_read_without_the_typed_keys(token):
    detector = WedgeDetector()
    rng = np.random.default_rng(3)
    t = 50.0
    for char in "SMITH":
        t += 0.15
        assert detector.feed(char, t) is None
    assert not detector.in_burst
    results, _ = type_line(detector, token, t + 0.4, scanner_intervals(len(token) + 1, rng))
    assert results[-1] == token


def test_a_burst_is_recognised_before_its_enter(token):
    detector = WedgeDetector()
    t = 0.0
    for char in token[:10]:
        t += 0.004
        detector.feed(char, t)
    assert detector.in_burst


def test_two_scans_in_a_row_are_two_scans(token_rng):
    detector = WedgeDetector()
    rng = np.random.default_rng(4)
    first, second = synthetic.sample_token(token_rng), synthetic.sample_token(token_rng)
    results, t = type_line(detector, first, 0.0, scanner_intervals(len(first) + 1, rng))
    assert results[-1] == first
    results, _ = type_line(detector, second, t + 0.5, scanner_intervals(len(second) + 1, rng))
    assert results[-1] == second


@pytest.mark.parametrize("interrupt", ["\t", "\x1b", ""])
def test_a_non_printing_key_breaks_a_burst(token, interrupt):
    detector = WedgeDetector()
    t = 0.0
    for char in [*token[:50], interrupt, *token[50:]]:
        t += 0.005
        detector.feed(char, t)
    assert detector.feed("\r", t + 0.005) == token[50:]


def test_a_wedge_scan_is_verified_on_the_same_path_as_the_camera(token):
    events = []
    reader = CardReader(
        synthetic.sample_public_keys,
        clock=lambda: synthetic.SAMPLE_ISSUED_AT,
        on_scan=events.append,
    )
    detector = WedgeDetector()
    results, _ = type_line(
        detector, token, 0.0, scanner_intervals(len(token) + 1, np.random.default_rng(6))
    )
    event = reader.submit(results[-1], ScanSource.SCANNER)
    assert event.accepted and event.source is ScanSource.SCANNER and event.text == token
    assert event.token.member_id == token.split(":")[-2]
    assert events == [event]


def test_a_scanned_code_that_is_not_an_ecard_is_refused_as_malformed():
    reader = CardReader(synthetic.sample_public_keys, clock=lambda: synthetic.SAMPLE_ISSUED_AT)
    event = reader.submit("https://example.invalid/pay?id=42", ScanSource.SCANNER)
    assert not event.accepted
    assert event.error.reason is ECardFailure.MALFORMED
