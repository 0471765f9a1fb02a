"""Telling a handheld 2D scanner from a person at the keyboard, by keystroke timing alone.

A keyboard-wedge scanner "types" the whole code in a burst — a few milliseconds per character,
even with USB polling jitter — and ends it with Enter. A fast typist needs 60-150 ms per key and
is irregular. So a line is a scan when it is long enough and its characters came, on average,
faster than any person types, with no pause a scanner would not make. Nothing here knows Qt: the
Qt layer feeds each key's text and its event timestamp.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENTER = frozenset({"\r", "\n"})


@dataclass
class WedgeDetector:
    """Feed every typed character with its timestamp (seconds, monotonic); get a scan back.

    `feed` returns the scanned text when Enter ends a burst, and None otherwise — including when
    Enter ends a line a person typed, which stays the text field's business.
    """

    min_length: int = 8
    """Shorter lines are not scans: e-card tokens are over 100 characters."""
    max_mean_interval: float = 0.030
    """Seconds per character, first key to Enter. Scanners: 1-20 ms; people: well over 60 ms."""
    max_interval: float = 0.100
    """A longer pause starts a new line: a scanner never hesitates that long mid-code."""
    _chars: list[str] = field(default_factory=list, init=False)
    _started_at: float = field(default=0.0, init=False)
    _last_at: float = field(default=0.0, init=False)

    def feed(self, char: str, timestamp: float) -> str | None:
        """One keystroke; the scanned text when this Enter completes a scanner burst."""
        if self._chars and timestamp - self._last_at > self.max_interval:
            self._chars.clear()
        if char in ENTER:
            text = "".join(self._chars)
            burst = self._is_burst(len(text), timestamp)
            self._chars.clear()
            return text if burst else None
        if len(char) != 1 or not char.isprintable():
            self._chars.clear()
            return None
        if not self._chars:
            self._started_at = timestamp
        self._chars.append(char)
        self._last_at = timestamp
        return None

    @property
    def in_burst(self) -> bool:
        """Whether the keys so far look like a scanner (the UI may hold them back from a field)."""
        count = len(self._chars)
        return count >= 4 and (self._last_at - self._started_at) / (count - 1) <= (
            self.max_mean_interval
        )

    def _is_burst(self, length: int, enter_at: float) -> bool:
        if length < self.min_length:
            return False
        mean_interval = (enter_at - self._started_at) / length
        return mean_interval <= self.max_mean_interval
