"""How long the outbox waits before trying the insurer again after failures in a row."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True, slots=True)
class RetrySchedule:
    """Exponential backoff with "equal jitter": the wait doubles per failure up to `cap`, and
    half of it is random so that kiosks cut off together do not all come back in the same second.
    """

    first: timedelta = timedelta(seconds=2)
    cap: timedelta = timedelta(minutes=5)
    factor: float = 2.0

    def delay(self, failures: int, rng: random.Random) -> timedelta:
        """Wait before the next try after `failures` (>= 1) failures in a row."""
        if failures < 1:
            raise ValueError(f"a delay follows at least one failure, got {failures}")
        ceiling = min(self.cap, self.first * self.factor ** min(failures - 1, 64))
        return ceiling / 2 + ceiling * (rng.random() / 2)
