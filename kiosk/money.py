"""Money is integer fen everywhere; these are the only conversions to and from text."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field, StrictInt

Fen = Annotated[StrictInt, Field(ge=0, description="Amount in fen (1/100 CNY), integer")]
"""A non-negative amount of money in fen. Floats are refused by validation."""

_YUAN_TEXT = re.compile(r"^\s*(?P<yuan>\d{1,12})(?:\.(?P<fen>\d{1,2}))?\s*$")


class AmountError(ValueError):
    """Text that is not an amount of money a person could mean."""


def parse_yuan(text: str) -> int:
    """Parse '12', '12.3' or '12.34' yuan into fen, exactly; anything else is an error."""
    match = _YUAN_TEXT.match(text.replace(",", "").replace("¥", "").replace("￥", ""))
    if not match:
        raise AmountError(f"not an amount in yuan: {text!r}")
    fen_text = (match["fen"] or "").ljust(2, "0")
    return int(match["yuan"]) * 100 + int(fen_text)


def format_yuan(fen: int, *, symbol: bool = True) -> str:
    """Render fen as '¥1,234.56' (no float on the way)."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"amounts are integer fen, got {type(fen).__name__}")
    sign = "-" if fen < 0 else ""
    yuan, rest = divmod(abs(fen), 100)
    return f"{sign}{'¥' if symbol else ''}{yuan:,}.{rest:02d}"
