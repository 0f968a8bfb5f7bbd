"""The lifter's bodyweight, and what it means for sets on bodyweight exercises.

A pull-up lifts the body: on a bodyweight exercise a set's `weight_kg` is the load
added to it (0 bodyweight alone, +20 a belt with 20 kg, -30 an assisting machine or
band taking 30 kg off).  Its strength estimate needs the whole load moved, so the
lifter's bodyweight is logged now and then and the latest on or before the day of a
set is used: BW+20 x 8 @2 at 82.5 kg is 102.5 kg x (1 + 10/30) = e1RM 136.7 kg.

Sets that an e1RM says nothing true about have none (`set_e1rm` gives None): warm-ups,
timed and distance sets (a plank, a carry, cardio), drop sets (done straight after
another, already tired: the estimate would read low) and rest-pause sets (reps summed
over short breaks: it would read high).  A set of kind `failure` without a logged
RIR is taken at RIR 0, which is what the kind says.
"""

from __future__ import annotations

import math
from datetime import date
from collections.abc import Iterable

from .models import Exercise, LoggedSet
from .strength import E1RM, e1rm
from .values import frozen

#: The range of bodyweights the app accepts (kg): a typo like 825 is refused.
MIN_BODYWEIGHT_KG = 20.0
MAX_BODYWEIGHT_KG = 400.0
#: Kinds of set whose e1RM is meaningful (see the module docstring).
ESTIMATED_KINDS = ("working", "failure")


@frozen
class Bodyweight:
    """The lifter's bodyweight (kg) as weighed on `day`."""

    day: date
    kg: float

    def __post_init__(self) -> None:
        kg = self.kg
        if (
            isinstance(kg, bool)
            or not isinstance(kg, (int, float))
            or not math.isfinite(kg)
            or not MIN_BODYWEIGHT_KG <= kg <= MAX_BODYWEIGHT_KG
        ):
            raise ValueError(
                f"a bodyweight is {MIN_BODYWEIGHT_KG:g} to {MAX_BODYWEIGHT_KG:g} kg, not {kg!r}"
            )
        object.__setattr__(self, "kg", float(kg))


def is_assisted(exercise: Exercise) -> bool:
    """An exercise where a machine or band takes weight off the body (the catalogue's
    `assisted-*` exercises, or one named so): Strong, Hevy and older versions of this app
    log its load as the assistance, a positive number, which is a negative added load."""
    return exercise.bodyweight and (ASSISTED in exercise.id or ASSISTED in exercise.name.casefold())


#: The word that marks an assisted exercise (its id or name).
ASSISTED = "assisted"


def latest_on(entries: Iterable[Bodyweight], day: date) -> Bodyweight | None:
    """The latest bodyweight weighed on or before `day` (None before the first)."""
    best: Bodyweight | None = None
    for b in entries:
        if b.day <= day and (best is None or b.day >= best.day):
            best = b
    return best


def moved_kg(s: LoggedSet, exercise: Exercise | None, bodyweight_kg: float | None) -> float | None:
    """The whole load a set moved (kg): bodyweight + added load on a bodyweight exercise
    (None when no bodyweight is known or the assistance is more than the body), the
    weight elsewhere (None when negative: not a load)."""
    if exercise is not None and exercise.bodyweight:
        if bodyweight_kg is None:
            return None
        total = bodyweight_kg + s.weight_kg
        return total if total > 0 else None
    return s.weight_kg if s.weight_kg >= 0 else None


def estimates_strength(s: LoggedSet) -> bool:
    """Whether an e1RM of this set means anything (kind, reps, no time or distance)."""
    return s.kind in ESTIMATED_KINDS and not s.is_timed and s.reps > 0


def has_e1rm(s: LoggedSet) -> bool:
    """Whether a strength trend, a fatigue check or a record can read this set's e1RM from
    its own weight: `estimates_strength`, and no negative (assisted) load."""
    return estimates_strength(s) and s.weight_kg >= 0


def e1rm_rir(s: LoggedSet) -> int | None:
    """The RIR an estimate uses: the logged one; for a set to failure without one, 0."""
    if s.rir is None and s.kind == "failure":
        return 0
    return s.rir


def set_e1rm(
    s: LoggedSet, exercise: Exercise | None, bodyweight_kg: float | None = None
) -> E1RM | None:
    """The set's e1RM over the whole load moved, or None when it has none (see above)."""
    if not estimates_strength(s):
        return None
    load = moved_kg(s, exercise, bodyweight_kg)
    if load is None:
        return None
    return e1rm(load, s.reps, e1rm_rir(s))


def bodyweight_trend(
    entries: Iterable[Bodyweight], first: date, last: date
) -> list[tuple[date, float]]:
    """(day, kg) of the bodyweights logged from `first` to `last`, oldest first, with
    the last one before `first` leading (where the span starts from), for a chart."""
    ordered = sorted(entries, key=lambda b: b.day)
    before = [b for b in ordered if b.day < first]
    inside = [b for b in ordered if first <= b.day <= last]
    lead = before[-1:] if before else []
    return [(b.day, b.kg) for b in lead + inside]
