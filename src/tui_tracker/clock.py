"""The one place the app reads the clock.

The domain never does: it takes `today` as an argument.  `--today` (backfilling a
missed session, and tests) replaces the date while keeping the time of day.
Times are local and carry their UTC offset, so weeks follow the lifter's zone.

A pinned date gets that date's own UTC offset (a backfilled summer session is
+02:00 in Berlin even when typed in winter), which `datetime.replace` on the
current time would get wrong across DST.  Standard library only: this runs
before the first frame, and every import there delays it.
"""

from __future__ import annotations

from datetime import date, datetime, timezone, tzinfo


class Clock:
    """Local date and time, with the date optionally pinned by `--today`.

    `tz` (an IANA name) replaces the system zone; tests use it.
    """

    def __init__(self, today: date | None = None, tz: str | None = None) -> None:
        self._pinned = today
        self._tz: tzinfo | None = None
        if tz:
            from zoneinfo import ZoneInfo

            self._tz = ZoneInfo(tz)

    @property
    def pinned(self) -> bool:
        return self._pinned is not None

    def _local(self, naive: datetime) -> datetime:
        """A naive local wall time with its offset on that date."""
        if self._tz is None:
            return naive.astimezone()  # naive = system local time, offset of that date
        return naive.replace(tzinfo=self._tz).astimezone(self._tz)

    def now(self) -> datetime:
        now = datetime.now(self._tz) if self._tz else datetime.now()
        wall = now.replace(tzinfo=None)
        if self._pinned is not None:
            d = self._pinned
            wall = wall.replace(year=d.year, month=d.month, day=d.day)
        local = self._local(wall)
        return local.replace(tzinfo=timezone(local.utcoffset()))  # fixed offset, as stored

    def today(self) -> date:
        if self._pinned is not None:
            return self._pinned
        return (datetime.now(self._tz) if self._tz else datetime.now()).date()
