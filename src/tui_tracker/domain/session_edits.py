"""Changing a past session's date and times: the rules, with no store and no clock.

A session's date and its times move together: moving a session from Tuesday to
Monday moves its start, its end and every set's time by one day, so the clock
times stay what they were.  The start is a clock time on the session's day; the
end is the first moment at its clock time after the last set (the next morning
for a session across midnight, the last set's day for one resumed days later),
and no more than 6 hours after it.  A start after the first set, or an end before
the last set, would contradict the sets' own times: refused, with the time that
would be allowed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from .inputs import InputError, parse_date
from .models import Session

#: When a session was left open, its end defaults to the last set's time plus this.
DEFAULT_END_AFTER = timedelta(minutes=5)
#: An end is read as the first such clock time after the last set, up to this long after it.
MAX_AFTER_LAST = timedelta(hours=6)


def _hours(span: timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    return f"{minutes // 60}:{minutes % 60:02d} h"


class Refused(InputError):
    """A value refused, naming the field it is about ("date", "start" or "end")."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def parse_clock(text: str, what: str = "time") -> time:
    """'18:05' (or '18.05', '1805', '7:5') -> time, with a clear message otherwise."""
    t = text.strip()
    m = re.fullmatch(r"([0-9]{1,2})[:.h]?([0-9]{2})", t) or re.fullmatch(r"([0-9]{1,2})", t)
    if m is None:
        article = "an" if what[:1] in "aeiou" else "a"
        raise Refused(
            f"{what} {t!r} is not like 18:05" if t else f"give {article} {what}, like 18:05", what
        )
    hour, minute = int(m.group(1)), int(m.group(2)) if m.lastindex == 2 else 0
    if hour > 23 or minute > 59:
        raise Refused(f"{what} {t} is not a time of day (00:00 to 23:59)", what)
    return time(hour, minute)


def parse_session_date(text: str, today: date) -> date:
    """A new date for a session: like 2026-11-16, and never after today."""
    try:
        day = parse_date(text)
    except InputError as e:
        raise Refused(str(e), "date") from None
    if day > today:
        raise Refused(
            f"{day.isoformat()} is after today ({today.isoformat()}): a session "
            "is dated the day it was done",
            "date",
        )
    return day


def moved_to(session: Session, day: date) -> Session:
    """The session on `day`: its start, end and every set's time moved by whole days."""
    shift = timedelta(days=(day - session.date).days)
    if not shift:
        return session
    return replace(
        session,
        date=day,
        started_at=session.started_at + shift,
        ended_at=session.ended_at + shift if session.ended_at is not None else None,
        sets=tuple(replace(s, at=s.at + shift) for s in session.sets),
    )


def _on_day(session: Session, clock: time) -> datetime:
    start = session.started_at
    return datetime.combine(session.date, clock, tzinfo=start.tzinfo)


def _hhmm(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def _end_after(session: Session, started: datetime, end: time) -> datetime:
    """The end at clock time `end`: the first such moment at or after the last set (or the
    start), on that day or the next morning, and at most MAX_AFTER_LAST after it."""
    anchor = max([started, *(s.at for s in session.sets)]).replace(second=0, microsecond=0)
    ended = datetime.combine(anchor.date(), end, tzinfo=anchor.tzinfo)
    if ended < anchor:
        ended += timedelta(days=1)  # after midnight
    if ended - anchor > MAX_AFTER_LAST:
        what = (
            f"the last set was logged at {_hhmm(anchor)}"
            if session.sets
            else f"the session starts at {_hhmm(anchor)}"
        )
        raise Refused(
            f"{what}: the end can be {_hhmm(anchor)} at the earliest (and "
            f"{_hours(MAX_AFTER_LAST)} later at most)",
            "end",
        )
    return ended


def with_times(session: Session, start: time, end: time | None) -> Session:
    """The session started at `start` and ended at `end` (None: still open).

    InputError when a set's time says otherwise: the start may be no later than the
    first set (to the minute), the end no earlier than the last (see _end_after).
    """
    started = _on_day(session, start)
    if session.sets:
        first = min(s.at for s in session.sets)
        if started > first.replace(second=59, microsecond=999999):
            raise Refused(
                f"the first set was logged at {_hhmm(first)}: the start can be "
                f"{_hhmm(first)} at the latest",
                "start",
            )
    ended = _end_after(session, started, end) if end is not None else None
    return replace(session, started_at=started, ended_at=ended)


def default_end(session: Session) -> datetime:
    """Where an unfinished session's end starts: a few minutes after its last set."""
    last = max((s.at for s in session.sets), default=session.started_at)
    return (last + DEFAULT_END_AFTER).replace(second=0, microsecond=0)


def finished_at(session: Session, end: time) -> Session:
    """The open session finished at `end`: the first such time after its last set (a
    session resumed days later ends on the day of its last set)."""
    return replace(session, ended_at=_end_after(session, session.started_at, end))
