"""Text a person typed or a file brought in, checked before it is stored, listed or printed."""

from __future__ import annotations

import unicodedata

_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
"""Control and format characters, surrogates, private-use and unassigned code points, line and
paragraph separators: none can be read back on a screen, a bill or a console line."""


def unprintable(text: str) -> str | None:
    """The first character of `text` that cannot be shown on one line, as "U+0009", or None.

    A NUL, a tab or a line break garbles listings and exports; a right-to-left override makes
    a name read differently from what is stored. Spaces of any width (U+3000 in Chinese) are fine.
    """
    for ch in text:
        if unicodedata.category(ch) in _UNPRINTABLE:
            return f"U+{ord(ch):04X}"
    return None
