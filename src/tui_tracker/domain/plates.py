"""What to put on the bar, and the nearest weight a lifter can actually load.

Everything here works in one unit, the lifter's: a 45 lb bar with 45 lb plates
never passes through kg, so 225 lb is exactly 225 and 102.5 kg exactly 102.5.

* `plates_for(weight, bar, plates)`: the plates on each side of the bar for a
  weight, from the lifter's plate sizes (any number of each), fewest plates and
  heaviest first; when the weight cannot be built, the nearest two that can.
* `bar_for(exercise, unit, settings)`: the bar an exercise is loaded on: the
  lifter's bar for a barbell, 10 kg / 25 lb for an EZ bar, 25 kg / 55 lb for a
  trap bar, none (0) for a Smith machine or a machine loaded with plates, or the
  exercise's own `bar_kg`; None when plates are not how it is loaded.
* `nearest_loadable(weight_kg, exercise, unit, settings)`: any exercise's weight
  rounded to what can be loaded: bar and plates, dumbbells in the lifter's steps,
  a weight stack's pins, kettlebells, or added plates for bodyweight work.
* `round_load_for(settings)`: the same as the suggestions' `RoundLoad` (in kg).
"""

from __future__ import annotations

import math
from functools import reduce
from collections.abc import Callable, Sequence

from .models import KG_PER_LB, Exercise, Unit, from_kg, to_kg
from .settings import Settings
from .values import frozen

#: Bars that are not the lifter's main barbell, by equipment, in each unit.
EZ_BAR = {"kg": 10.0, "lb": 25.0}
TRAP_BAR = {"kg": 25.0, "lb": 55.0}
#: Kettlebells come in 4 kg steps (8, 12, 16, 20, 24...), and in 5 lb steps where sold in lb.
KETTLEBELL_STEP = {"kg": 4.0, "lb": 5.0}
#: Equipment loaded with plates on each side (of a bar, a sled or a machine's arms).
PLATE_LOADED = ("barbell", "ez-bar", "trap-bar", "smith", "plate-loaded")

_SCALE = 1000  # weights as whole thousandths: sums of plates are then exact
_MAX_SIDES = 1_000_000  # thousandths of a unit per side the search may reach


@frozen
class Loading:
    """A weight that can be built: the total (bar included) and the plates on each side."""

    weight: float
    per_side: tuple[float, ...]


@frozen
class PlateAnswer:
    """The plates for `weight` on `bar`: `below` is the heaviest load at or under it and
    `above` the lightest at or over it (both the weight itself when `exact`); `below` is
    None when the weight is lighter than the bar."""

    weight: float
    bar: float
    below: Loading | None
    above: Loading

    @property
    def exact(self) -> bool:
        return self.below is not None and self.below.weight == self.weight

    @property
    def nearest(self) -> Loading:
        """The loadable weight closest to the one asked for (the lighter one on a tie)."""
        if self.below is None:
            return self.above
        return (
            self.below
            if self.weight - self.below.weight <= self.above.weight - self.weight
            else self.above
        )


def _thousandths(value: float) -> int:
    return round(value * _SCALE)


def plates_for(weight: float, bar: float, plates: Sequence[float]) -> PlateAnswer:
    """The plates per side that make `weight` on `bar` from plate sizes `plates`.

    Any number of each size may be used; the loading with the fewest plates is
    chosen, heaviest plates first on a tie (25 + 5 rather than 15 + 15).  Raises
    ValueError for a negative weight or bar, or no plate sizes.
    """
    weight, bar = float(weight), float(bar)
    sizes = sorted({_thousandths(p) for p in plates if p > 0}, reverse=True)
    if not sizes or weight < 0 or bar < 0 or not math.isfinite(weight + bar):
        raise ValueError("plates need a weight, a bar of 0 or more, and plate sizes")
    total, bar_t = _thousandths(weight), _thousandths(bar)
    step = reduce(math.gcd, sizes)
    units = [s // step for s in sizes]
    side = (total - bar_t) / 2 / step  # plates wanted on each side, in steps
    if side > _MAX_SIDES // step:
        raise ValueError(f"{weight:g} is more than plates can be counted for")
    reach = max(0, math.ceil(side)) + units[0]
    fewest = [0] + [math.inf] * reach  # fewest plates making each per-side sum
    first = [0] * (reach + 1)  # the heaviest plate of that fewest loading
    for s in range(1, reach + 1):
        for u in units:  # heaviest first: a later size only wins with fewer plates
            if u <= s and fewest[s - u] + 1 < fewest[s]:
                fewest[s], first[s] = fewest[s - u] + 1, u

    def loading(s: int) -> Loading:
        per_side = []
        while s:
            per_side.append(first[s] * step / _SCALE)
            s -= first[s]
        return Loading(
            round(float(bar + 2 * sum(per_side)), 3), tuple(sorted(per_side, reverse=True))
        )

    below = (
        next((loading(s) for s in range(math.floor(side), -1, -1) if fewest[s] < math.inf), None)
        if side >= 0
        else None
    )
    above = next(
        loading(s) for s in range(max(0, math.ceil(side)), reach + 1) if fewest[s] < math.inf
    )
    return PlateAnswer(weight, bar, below, above)


def bar_for(exercise: Exercise, unit: Unit, settings: Settings) -> float | None:
    """The bar `exercise` is loaded on, in `unit` (0: plates only, as on a leg press), or
    None when it is not loaded with plates (dumbbells, stacks, bands, the body)."""
    if exercise.equipment not in PLATE_LOADED:
        return None
    if exercise.bar_kg is not None:
        return from_kg(exercise.bar_kg, unit)
    return {"barbell": settings.bar(unit), "ez-bar": EZ_BAR[unit], "trap-bar": TRAP_BAR[unit]}.get(
        exercise.equipment, 0.0
    )


def step_for(exercise: Exercise, unit: Unit, settings: Settings) -> float:
    """The jump between loads for an exercise not loaded with plates, in `unit`."""
    if exercise.equipment == "dumbbell":
        return settings.dumbbell_step_kg if unit == "kg" else settings.dumbbell_step_lb
    if exercise.equipment in ("machine", "cable"):
        return settings.machine_step_kg if unit == "kg" else settings.machine_step_lb
    if exercise.equipment == "kettlebell":
        return KETTLEBELL_STEP[unit]
    return min(settings.plates(unit))  # bodyweight, band, other: plates added as they come


def plates_for_exercise(
    weight: float, exercise: Exercise, unit: Unit, settings: Settings
) -> PlateAnswer | None:
    """`plates_for` with the exercise's bar and the lifter's plates in `unit`, or None when
    plates are not how it is loaded."""
    bar = bar_for(exercise, unit, settings)
    return None if bar is None else plates_for(weight, bar, settings.plates(unit))


def nearest_loadable(weight_kg: float, exercise: Exercise, unit: Unit, settings: Settings) -> float:
    """The weight closest to `weight_kg` that the lifter can load for `exercise`, in `unit`
    (as they would type it: 102.5 in kg, 225 in lb); the lighter one on a tie.

    Plate-loaded lifts round to bar + plates (never below the bar); dumbbells to the
    `dumbbell_step_*` setting, machines and cables to `machine_step_*`, kettlebells to
    4 kg / 5 lb, bodyweight and other work (load added to the body) to the smallest
    plate.  For dumbbells the weight is one dumbbell, as it is logged.  A weight of 0
    stays 0 for bodyweight work (the body alone); elsewhere it becomes the lightest load.
    """
    weight = weight_kg / KG_PER_LB if unit == "lb" else weight_kg
    weight = max(0.0, weight)
    answer = plates_for_exercise(weight, exercise, unit, settings)
    if answer is not None:
        return answer.nearest.weight
    step = step_for(exercise, unit, settings)
    low = math.floor(weight / step + 1e-9) * step
    high = low + step
    nearest = low if weight - low <= high - weight + 1e-9 else high
    if nearest <= 0 and exercise.equipment in ("dumbbell", "kettlebell", "machine", "cable"):
        nearest = step  # the lightest dumbbell, bell or pin
    return round(nearest, 2)


def round_load_for(settings: Settings) -> Callable[[float, Exercise, Unit], float]:
    """`nearest_loadable` as domain/load_steps's `RoundLoad` (kg in, kg out), so every
    suggested load is one the lifter can put on the bar, the dumbbell rack or the stack."""

    def round_load(weight_kg: float, exercise: Exercise, unit: Unit) -> float:
        return to_kg(nearest_loadable(weight_kg, exercise, unit, settings), unit)

    return round_load
