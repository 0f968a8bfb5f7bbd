"""The one place the app reads the clock.

The domain never does: it takes `today` as an argument.  `--today` (backfilling a
missed session, and tests) replaces the date while keeping the time of day.
Times are local and carry their UTC offset, so weeks follow the lifter's zone.
"""

from __future__ import annotations

from datetime import date, datetime


class Clock:
    """Local date and time, with the date optionally pinned by `--today`."""

    def __init__(self, today: date | None = None) -> None:
        self._pinned = today

    @property
    def pinned(self) -> bool:
        return self._pinned is not None

    def now(self) -> datetime:
        now = datetime.now().astimezone()
        if self._pinned is None:
            return now
        return now.replace(year=self._pinned.year, month=self._pinned.month, day=self._pinned.day)

    def today(self) -> date:
        return self._pinned if self._pinned is not None else datetime.now().astimezone().date()
