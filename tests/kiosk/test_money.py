import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.money import AmountError, format_yuan, parse_yuan


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("0.01", 1),
        ("0.1", 10),
        ("0.3", 30),
        ("12", 1200),
        ("5,000.00", 500_000),
        ("¥30000", 3_000_000),
    ],
)
def test_yuan_text_becomes_exact_fen(text, fen):
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["", "1.234", "-1", "abc", "1e3", "0.1+0.2", "nan"])
def test_text_that_is_not_money_is_refused(text):
    with pytest.raises(AmountError):
        parse_yuan(text)


def test_float_amounts_are_refused_when_formatting():
    with pytest.raises(TypeError):
        format_yuan(0.1 + 0.2)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10**12))
def test_format_and_parse_round_trip(fen):
    assert parse_yuan(format_yuan(fen)) == fen
