"""Rules about sessions the screens rely on: what to resume, what to pre-fill, how to
describe the last time an exercise was done.  Kept here so the UI holds no rules.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from .models import LoggedSet, Session, Unit, format_weight
from .values import frozen

#: An open session from yesterday is still "today's" if its last set was this recent
#: (a session that runs past midnight).
OVERNIGHT = timedelta(hours=3)


def session_to_resume(candidates: list[Session], now: datetime) -> Session | None:
    """The open session the app should continue, if any.

    An open session dated today is resumed; one from yesterday only when its last
    activity is within a few hours (training across midnight).  Older open
    sessions were abandoned: they stay in history as unfinished.
    """
    best: Session | None = None
    for s in candidates:
        if not s.is_open:
            continue
        last = s.sets[-1].at if s.sets else s.started_at
        if s.date == now.date() or (
            s.date == now.date() - timedelta(days=1) and now - last <= OVERNIGHT
        ):
            if best is None or last > (best.sets[-1].at if best.sets else best.started_at):
                best = s
    return best


@frozen
class Prefill:
    """Values to put in the set-entry fields, so repeating a set is one Enter.

    `reason`: one line saying where the values come from (a suggestion's rule), or "".
    """

    weight_kg: float | None
    unit: Unit
    reps: int | None
    rir: int | None
    warmup: bool = False
    reason: str = ""


def prefill(
    this_session: list[LoggedSet],
    last_time: list[LoggedSet],
    default_unit: Unit,
    warmup: bool | None = None,
) -> Prefill:
    """The next set's values: today's previous set of the same kind, else last time's.

    Repeating the previous set is the common case between straight sets, so it costs
    one Enter.  Warm-ups and working sets are pre-filled from their own kind: a ramp of
    warm-ups today says nothing about the working weight, so the first working set
    after them comes from last time's first working set (and the plan's targets, see
    workout.planned_prefill).  `warmup` None means "carry on with the kind logged last".
    """
    if warmup is None:
        warmup = bool(this_session) and this_session[-1].is_warmup
    same_kind = [s for s in this_session if s.is_warmup == warmup]
    if same_kind:
        s = same_kind[-1]
        return Prefill(s.weight_kg, s.unit, s.reps, s.rir, warmup)
    earlier = [s for s in last_time if s.is_warmup == warmup]
    if earlier:
        s = earlier[0]
        return Prefill(s.weight_kg, s.unit, s.reps, s.rir, warmup)
    unit = (this_session or last_time)[-1].unit if (this_session or last_time) else default_unit
    return Prefill(None, unit, None, None, warmup)


def days_ago(then: date, today: date) -> str:
    n = (today - then).days
    if n <= 0:
        return "today"
    if n == 1:
        return "yesterday"
    if n < 14:
        return f"{n} days ago"
    if n < 60:
        return f"{n // 7} weeks ago"
    return then.strftime("%d %b %Y")


def last_performance(
    session: Session | None, sets: list[LoggedSet], today: date, compact: bool = False
) -> str:
    """'last: 100 kg x 8 @2 (+3 sets), 4 days ago' — the best working set of that day.

    `compact` drops the set count ("last: 100 kg x 8 @2, 4 days ago") for a list row.
    """
    working = [s for s in sets if not s.is_warmup] or sets
    if session is None or not working:
        return "first time"
    best = max(working, key=lambda s: (s.weight_kg, s.reps))
    if compact:
        return f"last: {best.describe()}, {days_ago(session.date, today)}"
    more = f" (+{plural(len(working) - 1, 'set')})" if len(working) > 1 else ""
    return f"last: {best.describe()}{more}, {days_ago(session.date, today)}"


def duration_text(start: datetime, end: datetime) -> str:
    """'1:05' for hours and minutes, '42 min' under an hour."""
    minutes = max(0, int((end - start).total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60}:{minutes % 60:02d} h"


def plural(n: int, word: str) -> str:
    """'1 set', '4 sets'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def working_set_count(sets: list[LoggedSet]) -> int:
    return sum(1 for s in sets if not s.is_warmup)


@frozen
class SetCounts:
    """A session's sets as the lifter counts them: working sets and warm-ups apart.

    One definition for the finish dialog, History and the CLI, so they never disagree.
    """

    working: int
    warmups: int
    exercises: int

    def __str__(self) -> str:
        if not self.working and not self.warmups:
            return "no sets"
        text = plural(self.working, "working set")
        if self.warmups:
            text += f" + {plural(self.warmups, 'warm-up')}"
        return f"{text} of {plural(self.exercises, 'exercise')}"

    @property
    def short(self) -> str:
        """'12' or '12 +3w', for a table column."""
        return f"{self.working}" + (f" +{self.warmups}w" if self.warmups else "")


def set_counts(sets: list[LoggedSet] | tuple[LoggedSet, ...]) -> SetCounts:
    working = working_set_count(list(sets))
    return SetCounts(working, len(sets) - working, len({s.exercise_id for s in sets}))


__all__ = [
    "Prefill",
    "prefill",
    "session_to_resume",
    "last_performance",
    "days_ago",
    "duration_text",
    "working_set_count",
    "plural",
    "format_weight",
    "SetCounts",
    "set_counts",
]
