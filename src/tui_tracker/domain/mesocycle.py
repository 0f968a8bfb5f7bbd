"""A mesocycle: a 3-6 week block of accumulation with a plan, then one deload week.

Why blocks at all: effort near failure builds fatigue faster than a week of rest
clears it.  The evidence favours running hard training in mesocycles of 3 to 6
weeks, followed by a deload to dissipate fatigue, so the app refuses any other
length.  Proximity to failure climbs through the block (RIR 3 down to 1), and
only in the last week may isolation work and an exercise's final set reach
failure; squats and deadlifts keep a rep in reserve even then.

Week 1 is the 7 days from `start` (whatever weekday that is).  The deload week
is the 7 days from the day the lifter starts it (early on fatigue, on time, or
late): the calendar never starts it.  Until then a block past its planned weeks
is honest about it (`phase` below): the deload is due (or postponed, through
week 6 at most), and the last accumulation week's plan and targets carry on.
A deload never started ends the block two weeks after it fell due, so a block
cannot linger for ever; the app then offers the next one.  See deload.py for
when the app asks.

Dates come from the store as they were saved, even 9999-12-31: the arithmetic
here clamps at the ends of the calendar instead of raising OverflowError.

The reps in reserve each week and set plans are in rir_targets.py; the plan's weekly
sets per muscle are counted with the logged ones, in volume.py.
"""

from __future__ import annotations

import math
from dataclasses import field, replace
from datetime import date, timedelta
from typing import Literal
from collections.abc import Callable

from .day_changes import Changes, apply_change, change_on, pulled_away
from .models import Exercise, new_id
from .text import clean_text
from .values import frozen

MIN_WEEKS, MAX_WEEKS = 3, 6
#: Target RIR in the deload week: easy sets that keep the groove without adding fatigue.
DELOAD_RIR = 4
#: What a stored block may hold (older versions allowed 0-5 in any order); what a lifter
#: may plan now is narrower: effort.check_rir_targets.
MAX_RIR_TARGET = 5
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

EVIDENCE_LENGTH = (
    "Evidence: training near failure is best run in mesocycles of 3 to 6 weeks, "
    "followed by a deload, to dissipate fatigue."
)

#: Where a day falls in a block (README, "Deloads", lists them for `status --json`):
#: before - not started yet; accumulation - a planned week; postponed - past the planned
#: weeks, deload postponed by the lifter (through week 6 at most); deload_due - past the
#: planned weeks (and any postponement), deload not started: the last week's plan carries on;
#: deload - the 7 days from the day it was started; after - the deload week is done;
#: lapsed - the deload was never started and the block is over; ended - closed by the lifter
#: (or by a block that replaced it).
Phase = Literal[
    "before", "accumulation", "postponed", "deload_due", "deload", "after", "lapsed", "ended"
]
PHASES: tuple[Phase, ...] = (
    "before",
    "accumulation",
    "postponed",
    "deload_due",
    "deload",
    "after",
    "lapsed",
    "ended",
)

#: Phases with training to do from the plan: closing a block in one of these cuts it short.
LIVE_PHASES = frozenset({"before", "accumulation", "postponed", "deload_due", "deload"})
#: A deload not started this many days after it fell due ends the block without it.
DELOAD_WAIT_DAYS = 14
DELOAD_DAYS = 7
#: Looks an exercise up by id (a Catalogue's `get`).
Lookup = Callable[[str], Exercise | None]


@frozen
class PlannedExercise:
    """An exercise on a training day: how many working sets, in what rep range."""

    exercise_id: str
    sets: int
    rep_low: int
    rep_high: int

    def __post_init__(self) -> None:
        if not self.exercise_id.strip():
            raise ValueError("a planned exercise needs an exercise id")
        if not 1 <= self.sets <= 10:
            raise ValueError(f"plan 1 to 10 sets of an exercise, not {self.sets}")
        if not 1 <= self.rep_low <= self.rep_high <= 50:
            raise ValueError(
                f"rep range {self.rep_low}-{self.rep_high} must be within 1-50, low first"
            )

    @property
    def reps_text(self) -> str:
        """'3 x 6-8' (or '3 x 5' for a fixed rep target)."""
        low, high = self.rep_low, self.rep_high
        return f"{self.sets} x {low}" if low == high else f"{self.sets} x {low}-{high}"


@frozen
class TrainingDay:
    """One session of the week's plan, on a fixed weekday (0 = Monday)."""

    name: str
    weekday: int
    exercises: tuple[PlannedExercise, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_text(self.name))
        if not self.name.strip():
            raise ValueError("a training day needs a name")
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), not {self.weekday}")
        object.__setattr__(self, "exercises", tuple(self.exercises))


def check_weeks(weeks: int) -> int:
    """`weeks` if it is an allowed block length, else ValueError citing the evidence."""
    if not isinstance(weeks, int) or not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise ValueError(
            f"a mesocycle has 3 to 6 accumulation weeks, not {weeks}: mesocycles of 3 to 6 weeks, "
            "followed by a deload, dissipate fatigue (evidence)"
        )
    return weeks


def default_rir_targets(weeks: int) -> tuple[int, ...]:
    """RIR 3 in week 1 stepping down to 1 in the last accumulation week.

    The block is split into three near-equal runs at RIR 3, 2 and 1; when it does
    not split evenly the earlier runs get the extra week, so effort eases in and
    only the final week is the hardest: 3 -> 3,2,1; 4 -> 3,3,2,1; 5 -> 3,3,2,2,1;
    6 -> 3,3,2,2,1,1.
    """
    check_weeks(weeks)
    return tuple(3 - (3 * i) // weeks for i in range(weeks))


def check_targets(targets: tuple[int, ...], weeks: int) -> tuple[int, ...]:
    """The targets a block may hold: one per accumulation week, each 0 to MAX_RIR_TARGET
    (what a lifter may plan now is narrower: effort.check_rir_targets)."""
    targets = tuple(targets)
    if len(targets) != weeks:
        raise ValueError(f"give one RIR target per accumulation week: {weeks}, not {len(targets)}")
    for t in targets:
        if not isinstance(t, int) or not 0 <= t <= MAX_RIR_TARGET:
            raise ValueError(f"RIR targets must be 0 to {MAX_RIR_TARGET}, not {t!r}")
    return targets


@frozen
class Mesocycle:
    """A training block: `weeks` accumulation weeks from `start`, then a deload week.

    `rir_targets` holds one target per accumulation week (empty means the
    defaults).  `deload_start` is when the lifter began the deload (possibly
    early, on fatigue); `postponed_until` silences the deload prompt through
    that date; `ended` closes the block.  `day_changes` holds what the lifter changed
    about single days (domain/day_changes.py), oldest date first.
    """

    name: str
    start: date
    weeks: int
    days: tuple[TrainingDay, ...]
    rir_targets: tuple[int, ...] = ()
    id: str = field(default_factory=new_id)
    deload_start: date | None = None
    postponed_until: date | None = None
    ended: date | None = None
    day_changes: Changes = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_text(self.name))
        if not self.name.strip():
            raise ValueError("a mesocycle needs a name")
        check_weeks(self.weeks)
        days = tuple(self.days)
        if not days:
            raise ValueError("a mesocycle needs at least one training day")
        names = [d.name.strip().casefold() for d in days]
        if len(set(names)) != len(names):
            raise ValueError("training days need distinct names")
        weekdays = [d.weekday for d in days]
        if len(set(weekdays)) != len(weekdays):
            raise ValueError("two training days fall on the same weekday")
        object.__setattr__(self, "days", days)
        targets = tuple(self.rir_targets) or default_rir_targets(self.weeks)
        object.__setattr__(self, "rir_targets", check_targets(targets, self.weeks))

    def exercise_ids(self) -> list[str]:
        """Every planned exercise, in plan order, without repeats."""
        seen: dict[str, None] = {}
        for d in self.days:
            for p in d.exercises:
                seen.setdefault(p.exercise_id, None)
        return list(seen)


# --- weeks ------------------------------------------------------------------------------------


def shift(day: date, days: int) -> date:
    """`day` moved by `days`, clamped to the calendar (date.min .. date.max), never raising."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def week_number(meso: Mesocycle, today: date) -> int | None:
    """1-based week of the block (week 1 = the 7 days from `start`); None before it starts."""
    if today < meso.start:
        return None
    return (today - meso.start).days // 7 + 1


def accumulation_end(meso: Mesocycle) -> date:
    """The last day of the last accumulation week."""
    return shift(meso.start, 7 * meso.weeks - 1)


def max_accumulation_end(meso: Mesocycle) -> date:
    """The last day of week 6: no block should accumulate past it without a deload."""
    return shift(meso.start, 7 * MAX_WEEKS - 1)


def planned_end(meso: Mesocycle) -> date:
    """The last day of the planned deload week, were it started on time."""
    return shift(meso.start, 7 * (meso.weeks + 1) - 1)


def accumulation_over(meso: Mesocycle, today: date) -> bool:
    return today > accumulation_end(meso)


def postponement_end(meso: Mesocycle) -> date | None:
    """The last day the postponement is honoured (week 6 at most), None without one."""
    if meso.postponed_until is None:
        return None
    return min(meso.postponed_until, max_accumulation_end(meso))


def is_postponed(meso: Mesocycle, today: date) -> bool:
    """Whether a postponement silences the deload prompt on `today` (never past week 6)."""
    end = postponement_end(meso)
    return end is not None and today <= end


def deload_due_from(meso: Mesocycle) -> date:
    """The first day the deload is due: after the planned weeks and any honoured postponement."""
    end = max(accumulation_end(meso), postponement_end(meso) or date.min)
    return shift(end, 1)


def lapse_day(meso: Mesocycle) -> date:
    """The day a block whose deload was never started is over (two weeks after it fell due)."""
    return shift(deload_due_from(meso), DELOAD_WAIT_DAYS)


def cancelled(meso: Mesocycle) -> bool:
    """Closed on or before its first day: it never steers a day."""
    return meso.ended is not None and meso.ended <= meso.start


def phase(meso: Mesocycle, today: date) -> Phase:
    """Where `today` falls in the block (see `Phase`).

    The deload week is the 7 days from `deload_start`, the day the lifter
    started it; the calendar alone never starts it.
    """
    if meso.ended is not None and (today >= meso.ended or cancelled(meso)):
        return "ended"
    if today < meso.start:
        return "before"
    if meso.deload_start is not None and today >= meso.deload_start:
        return "deload" if today < shift(meso.deload_start, DELOAD_DAYS) else "after"
    if today <= accumulation_end(meso):
        return "accumulation"
    if is_postponed(meso, today):
        return "postponed"
    if meso.deload_start is None and today >= lapse_day(meso):
        return "lapsed"
    return "deload_due"


def plan_week(meso: Mesocycle, today: date) -> int | None:
    """The accumulation week whose plan and targets apply on `today`.

    Past the planned weeks (postponed, or the deload due) the last week's
    carries on; None outside the accumulation (before, deload, after, ended).
    """
    if phase(meso, today) not in ("accumulation", "postponed", "deload_due"):
        return None
    return min(week_number(meso, today) or 1, meso.weeks)


def week_label(meso: Mesocycle, today: date) -> str:
    """'Week 2 of 5', 'Week 5, deload due', 'Deload week': for the header."""
    p = phase(meso, today)
    if p == "before":
        n = (meso.start - today).days
        return "Starts tomorrow" if n == 1 else f"Starts in {n} days"
    if p == "ended":
        return "Cancelled" if cancelled(meso) else "Ended"
    if p == "deload":
        return "Deload week"
    if p == "after":
        return "Deload done"
    if p == "lapsed":
        return "Over, no deload"
    week = week_number(meso, today)
    if p == "postponed":
        return f"Week {week}, deload postponed"
    if p == "deload_due":
        return f"Week {week}, deload due"
    return f"Week {week} of {meso.weeks}"


# --- plan -------------------------------------------------------------------------------------


def deload_day(day: TrainingDay) -> TrainingDay:
    """The deload version of a day: same exercises, half the sets (rounded up)."""
    return replace(
        day, exercises=tuple(replace(p, sets=max(1, math.ceil(p.sets / 2))) for p in day.exercises)
    )


def planned_day(meso: Mesocycle, today: date) -> TrainingDay | None:
    """Today's training day: the plan in accumulation (and after it, until the deload is
    started), its deload version in the deload week.

    None on rest days, before the start, and once the block is over.  The lifter's
    changes to the day apply (domain/day_changes.py): swaps, order, and a day pulled
    forward (done on an earlier rest day, so its own date is a rest day).
    """
    p = phase(meso, today)
    if p not in ("accumulation", "postponed", "deload_due", "deload"):
        return None
    change = change_on(meso.day_changes, today)
    source = change.pulled_from or today
    if change.pulled_from is None and pulled_away(meso.day_changes, today):
        return None
    for d in meso.days:
        if d.weekday == source.weekday():
            d = apply_change(d, change)
            return deload_day(d) if p == "deload" else d
    return None


def end_mesocycle(meso: Mesocycle, today: date) -> Mesocycle:
    """The block closed as of `today` (kept in history, no longer active); closed before
    its first day, it is cancelled."""
    return replace(meso, ended=today)


def still_open(meso: Mesocycle, day: date) -> bool:
    """Whether `meso` could still steer `day` or a later one."""
    return meso.ended is None or (meso.ended > day and not cancelled(meso))


def active_mesocycle(mesos: list[Mesocycle], today: date) -> Mesocycle | None:
    """The block that steers `today`: the latest started one not yet ended, else the
    next one planned to start.  A block past its deload (or over without one) stays
    active (the app then offers the next one) until the lifter ends it or starts another.
    """
    live = [m for m in mesos if still_open(m, today)]
    started = [m for m in live if m.start <= today]
    if started:
        return max(started, key=lambda m: (m.start, m.id))
    upcoming = [m for m in live if m.start > today]
    return min(upcoming, key=lambda m: (m.start, m.id)) if upcoming else None
