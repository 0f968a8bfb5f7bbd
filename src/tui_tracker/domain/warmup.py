"""The warm-up ramp: from the empty bar up to the first working load, fewer reps each time.

For the day's first heavy compound (a compound lifted on a barbell or a trap bar),
before any set of it: the empty bar for 10, then about 40 %, 60 % and 80 % of the
first working load for 5, 3 and 2 reps, each rounded to a load the lifter can build
from their plates (domain/plates.py).  A step that rounds to the load before it, to
the bar or below, or to the working load itself is left out: a 40 kg squat ramps
bar x 10, 25 x 3, 32.5 x 2.

Everything is in the lifter's unit, as in domain/plates.py: a 225 lb squat ramps
45 x 10, 90 x 5, 135 x 3, 180 x 2, never through kg.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .models import Exercise, LoggedSet, Unit
from .plates import bar_for, plates_for
from .settings import Settings
from .values import frozen

#: The empty bar's reps, then (fraction of the working load, reps) for each step.
BAR_REPS = 10
STEPS: tuple[tuple[float, int], ...] = ((0.4, 5), (0.6, 3), (0.8, 2))
#: Lifted on a bar with plates, the way the heavy compounds of a day are.
HEAVY_BARS = ("barbell", "trap-bar")


@frozen
class RampSet:
    """One warm-up set of the ramp: the load (bar included, in the ramp's unit) and reps."""

    weight: float
    reps: int


def warmup_ramp(work: float, bar: float, plates: Iterable[float]) -> tuple[RampSet, ...]:
    """The ramp up to a working load `work` on `bar` with plate sizes `plates` (one unit).

    Empty when the working load is the bar or less (nothing to ramp to), or more than
    plates can be counted for (domain/plates.py refuses it: no lifter lifts it).
    """
    plates = tuple(plates)
    if work <= bar:
        return ()
    ramp = [RampSet(bar, BAR_REPS)]
    for fraction, reps in STEPS:
        try:
            load = plates_for(work * fraction, bar, plates).nearest.weight
        except ValueError:
            return ()
        if ramp[-1].weight < load < work:
            ramp.append(RampSet(load, reps))
    return tuple(ramp)


def is_heavy_compound(exercise: Exercise | None) -> bool:
    """A compound lifted on a barbell or a trap bar: what a ramp warms up for."""
    return exercise is not None and exercise.is_compound and exercise.equipment in HEAVY_BARS


def ramp_offered(
    exercise: Exercise, today: Iterable[LoggedSet], exercise_of: Callable[[str], Exercise | None]
) -> bool:
    """Whether the ramp is offered for `exercise`, given the day's sets so far.

    Only for a heavy compound with no set of its own today (a lifter who has logged a
    warm-up or a working set has started it), and only for the first of the day: after
    working sets of another heavy compound the body is warm.
    """
    if not is_heavy_compound(exercise):
        return False
    for s in today:
        if s.exercise_id == exercise.id:
            return False
        if not s.is_warmup and is_heavy_compound(exercise_of(s.exercise_id)):
            return False
    return True


def ramp_for(
    exercise: Exercise, work: float, unit: Unit, settings: Settings
) -> tuple[RampSet, ...]:
    """The ramp for `exercise` up to `work` (in `unit`), on its bar and the lifter's plates;
    empty when it is not lifted on a bar."""
    bar = bar_for(exercise, unit, settings)
    if bar is None or bar <= 0:
        return ()
    return warmup_ramp(work, bar, settings.plates(unit))


def ramp_text(ramp: tuple[RampSet, ...], unit: Unit) -> str:
    """'bar x 10 · 40 x 5 · 60 x 3 · 80 x 2 kg' (the first set is always the empty bar)."""
    if not ramp:
        return ""
    parts = ["bar x " + str(ramp[0].reps)] + [f"{_num(s.weight)} x {s.reps}" for s in ramp[1:]]
    return " · ".join(parts) + f" {unit}"


def _num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")
