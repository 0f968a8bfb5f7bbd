"""A mesocycle: a 3-6 week block of accumulation with a plan, then one deload week.

Why blocks at all: effort near failure builds fatigue faster than a week of rest
clears it.  The evidence favours running hard training in mesocycles of 3 to 6
weeks, followed by a deload to dissipate fatigue, so the app refuses any other
length.  Proximity to failure climbs through the block (RIR 3 down to 1), and
only in the last week may isolation work and an exercise's final set reach
failure; squats and deadlifts keep a rep in reserve even then.

Week 1 is the 7 days from `start` (whatever weekday that is); the deload week
follows the last accumulation week unless the lifter starts it early or
postpones it (see deload.py for when the app asks).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Callable, Literal

from .models import Exercise, new_id
from .muscles import MUSCLES
from .volume import DEFAULT_TARGET, MuscleVolume, muscle_credit

MIN_WEEKS, MAX_WEEKS = 3, 6
#: Target RIR in the deload week: easy sets that keep the groove without adding fatigue.
DELOAD_RIR = 4
MAX_RIR_TARGET = 5
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

EVIDENCE_LENGTH = (
    "Evidence: training near failure is best run in mesocycles of 3 to 6 weeks, "
    "followed by a deload, to dissipate fatigue."
)

Phase = Literal["before", "accumulation", "deload", "after", "ended"]
#: Looks an exercise up by id (a Catalogue's `get`).
Lookup = Callable[[str], Exercise | None]


@dataclass(frozen=True)
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
                f"rep range {self.rep_low}-{self.rep_high} must be within 1-50, low first")

    @property
    def reps_text(self) -> str:
        """'3 x 6-8' (or '3 x 5' for a fixed rep target)."""
        low, high = self.rep_low, self.rep_high
        return f"{self.sets} x {low}" if low == high else f"{self.sets} x {low}-{high}"


@dataclass(frozen=True)
class TrainingDay:
    """One session of the week's plan, on a fixed weekday (0 = Monday)."""

    name: str
    weekday: int
    exercises: tuple[PlannedExercise, ...]

    def __post_init__(self) -> None:
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


def _check_targets(targets: tuple[int, ...], weeks: int) -> tuple[int, ...]:
    targets = tuple(targets)
    if len(targets) != weeks:
        raise ValueError(f"give one RIR target per accumulation week: {weeks}, not {len(targets)}")
    for t in targets:
        if not isinstance(t, int) or not 0 <= t <= MAX_RIR_TARGET:
            raise ValueError(f"RIR targets must be 0 to {MAX_RIR_TARGET}, not {t!r}")
    return targets


@dataclass(frozen=True)
class Mesocycle:
    """A training block: `weeks` accumulation weeks from `start`, then a deload week.

    `rir_targets` holds one target per accumulation week (empty means the
    defaults).  `deload_start` is when the lifter began the deload (possibly
    early, on fatigue); `postponed_until` silences the deload prompt through
    that date; `ended` closes the block.
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

    def __post_init__(self) -> None:
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
        object.__setattr__(self, "rir_targets", _check_targets(targets, self.weeks))

    def exercise_ids(self) -> list[str]:
        """Every planned exercise, in plan order, without repeats."""
        seen: dict[str, None] = {}
        for d in self.days:
            for p in d.exercises:
                seen.setdefault(p.exercise_id, None)
        return list(seen)


# --- weeks ------------------------------------------------------------------------------------

def week_number(meso: Mesocycle, today: date) -> int | None:
    """1-based week of the block (week 1 = the 7 days from `start`); None before it starts."""
    if today < meso.start:
        return None
    return (today - meso.start).days // 7 + 1


def accumulation_end(meso: Mesocycle) -> date:
    """The last day of the last accumulation week."""
    return meso.start + timedelta(weeks=meso.weeks, days=-1)


def max_accumulation_end(meso: Mesocycle) -> date:
    """The last day of week 6: no block should accumulate past it without a deload."""
    return meso.start + timedelta(weeks=MAX_WEEKS, days=-1)


def accumulation_over(meso: Mesocycle, today: date) -> bool:
    return today > accumulation_end(meso)


def is_postponed(meso: Mesocycle, today: date) -> bool:
    return meso.postponed_until is not None and meso.postponed_until >= today


def deload_week_start(meso: Mesocycle) -> date:
    """The first day of the deload week: when it was started, else after the
    last accumulation week, or after the day it was postponed to."""
    if meso.deload_start is not None:
        return meso.deload_start
    first = accumulation_end(meso) + timedelta(days=1)
    if meso.postponed_until is not None and meso.postponed_until >= first:
        return meso.postponed_until + timedelta(days=1)
    return first


def phase(meso: Mesocycle, today: date) -> Phase:
    """Where `today` falls in the block.

    The deload week is the 7 days from `deload_week_start`; days before it are
    accumulation (postponed days train as the last week did), days after it
    "after": the block is done, or ran past its planned deload without one.
    """
    if meso.ended is not None and today >= meso.ended:
        return "ended"
    if today < meso.start:
        return "before"
    deload = deload_week_start(meso)
    if today < deload:
        return "accumulation"
    return "deload" if today < deload + timedelta(days=7) else "after"


def week_label(meso: Mesocycle, today: date) -> str:
    """'Week 2 of 5', 'Deload week', 'Past planned end': for the header."""
    p = phase(meso, today)
    if p == "before":
        n = (meso.start - today).days
        return "Starts tomorrow" if n == 1 else f"Starts in {n} days"
    if p == "ended":
        return "Ended"
    if p == "deload":
        return "Deload week"
    if p == "after":
        return "Deload done" if meso.deload_start is not None else "Past planned end"
    week = week_number(meso, today)
    assert week is not None
    if week > meso.weeks:
        return f"Week {week}, deload postponed"
    return f"Week {week} of {meso.weeks}"


# --- effort -----------------------------------------------------------------------------------

def target_rir(meso: Mesocycle, week: int, exercise: Exercise, is_final_set: bool) -> int:
    """Reps to leave in reserve on a working set in `week` (past the last week: deload).

    Failure is kept for isolation work and an exercise's final set, and only in
    the last accumulation week; lifts where form breaks down near failure
    (`high_skill`) never go below 1.
    """
    if week < 1:
        raise ValueError(f"weeks count from 1, not {week}")
    if week > meso.weeks:
        return DELOAD_RIR
    target = meso.rir_targets[week - 1]
    if exercise.high_skill:
        return max(target, 1)
    if week == meso.weeks and (not exercise.is_compound or is_final_set):
        return 0
    return target


def target_rir_on(meso: Mesocycle, day: date, exercise: Exercise, is_final_set: bool) -> int | None:
    """The target for a set done on `day`, or None outside the block.

    Postponed days keep the last accumulation week's target.
    """
    p = phase(meso, day)
    if p == "deload":
        return DELOAD_RIR
    if p != "accumulation":
        return None
    week = min(week_number(meso, day) or 1, meso.weeks)
    return target_rir(meso, week, exercise, is_final_set)


def week_target_rir(meso: Mesocycle, today: date) -> int | None:
    """This week's target RIR for working sets (the deload week's 4), None outside the block.

    Postponed days keep the last accumulation week's target.  Per exercise and set,
    `target_rir_on` refines it (isolation and final sets in the last week).
    """
    p = phase(meso, today)
    if p == "deload":
        return DELOAD_RIR
    if p != "accumulation":
        return None
    return meso.rir_targets[min(week_number(meso, today) or 1, meso.weeks) - 1]


def with_rir_targets(meso: Mesocycle, targets: tuple[int, ...] | list[int]) -> Mesocycle:
    """The block with the lifter's own RIR targets (one per week, 0-5)."""
    return replace(meso, rir_targets=_check_targets(tuple(targets), meso.weeks))


# --- plan -------------------------------------------------------------------------------------

def planned_weekly_sets(
    meso: Mesocycle,
    exercises: Lookup,
    targets: dict[str, tuple[int, int]] | None = None,
) -> dict[str, MuscleVolume]:
    """The plan's weekly hard sets per muscle, counted as logged sets are.

    1 per primary muscle and 0.5 per secondary (once per set, however the
    exercise lists a muscle); `sessions` is the number of training days giving
    the muscle any credit, primary or secondary, as for logged sessions, so
    `.status` shows the 10-16 band and `.single_session` flags a muscle trained
    on one day only, while the plan is still being built.  Unknown exercises
    are skipped.
    """
    totals = dict.fromkeys(MUSCLES, 0.0)
    day_names: dict[str, set[str]] = {m: set() for m in MUSCLES}
    for d in meso.days:
        for p in d.exercises:
            ex = exercises(p.exercise_id)
            if ex is None or p.sets <= 0:
                continue
            for m, credit in muscle_credit(ex).items():
                totals[m] += credit * p.sets
                day_names[m].add(d.name)
    targets = targets or {}
    return {m: MuscleVolume(m, totals[m], len(day_names[m]), targets.get(m, DEFAULT_TARGET))
            for m in MUSCLES}


def deload_day(day: TrainingDay) -> TrainingDay:
    """The deload version of a day: same exercises, half the sets (rounded up)."""
    return replace(day, exercises=tuple(replace(p, sets=max(1, math.ceil(p.sets / 2)))
                                        for p in day.exercises))


def planned_day(meso: Mesocycle, today: date) -> TrainingDay | None:
    """Today's training day: the plan in accumulation, its deload version in the deload week.

    None on rest days, before the start, and once the block is over.
    """
    p = phase(meso, today)
    if p not in ("accumulation", "deload"):
        return None
    for d in meso.days:
        if d.weekday == today.weekday():
            return deload_day(d) if p == "deload" else d
    return None


def end_mesocycle(meso: Mesocycle, today: date) -> Mesocycle:
    """The block closed as of `today` (kept in history, no longer active)."""
    return replace(meso, ended=today)


def active_mesocycle(mesos: list[Mesocycle], today: date) -> Mesocycle | None:
    """The block that steers `today`: the latest started one not yet ended, else the
    next one planned to start.  A block past its deload stays active (the app then
    offers the next one) until the lifter ends it or starts another.
    """
    live = [m for m in mesos if m.ended is None or today < m.ended]
    started = [m for m in live if m.start <= today]
    if started:
        return max(started, key=lambda m: (m.start, m.id))
    upcoming = [m for m in live if m.start > today]
    return min(upcoming, key=lambda m: (m.start, m.id)) if upcoming else None


def supersede(mesos: list[Mesocycle], new: Mesocycle) -> list[Mesocycle]:
    """The blocks to close because `new` starts: every one still open on its start
    day that started before it, ended as of that day.  Two blocks never steer one day."""
    return [end_mesocycle(m, new.start) for m in mesos
            if m.id != new.id and m.start < new.start
            and (m.ended is None or m.ended > new.start)]
