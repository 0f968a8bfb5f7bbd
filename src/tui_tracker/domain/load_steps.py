"""The next load up or down from a weight, and rounding a weight to one the lifter can load.

Apart from the rules of progression.py because it knows nothing of sets or plans,
only loads: a function given by the caller, `RoundLoad`, says what the lifter can load
in their unit for this exercise (plates, dumbbells, a stack: plates.round_load_for).  Without one, the nearest 2.5 kg or 5 lb.
The smallest step up or down is the next load that function gives, so every piece of
equipment gets its own step.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .models import KG_PER_LB, Exercise, Unit

#: What the lifter can load, in kg, nearest to a weight in kg, for this exercise in this unit.
RoundLoad = Callable[[float, Exercise, Unit], float]

#: The default rounding step per unit (2.5 kg: two 1.25 kg plates; 5 lb: two 2.5 lb).
DEFAULT_STEP: dict[Unit, float] = {"kg": 2.5, "lb": 5.0}


def nearest_step(weight_kg: float, exercise: Exercise, unit: Unit) -> float:
    """The default `RoundLoad`: the nearest 2.5 kg, or 5 lb, as kg (never below 0); a
    load exactly between two goes to the lighter (more in reserve, never less)."""
    per_unit = KG_PER_LB if unit == "lb" else 1.0
    step = DEFAULT_STEP[unit]
    steps = math.ceil(weight_kg / per_unit / step - 0.5 - 1e-9)
    return max(0.0, steps * step * per_unit)


def step_up(
    weight_kg: float, exercise: Exercise, unit: Unit, round_load: RoundLoad
) -> float | None:
    """The lightest load `round_load` gives that is heavier than `weight_kg`; None if none
    within 100 kg.  Found by search: `round_load` only has to be non-decreasing."""
    return _next_load(weight_kg, exercise, unit, round_load, +1)


def step_down(
    weight_kg: float, exercise: Exercise, unit: Unit, round_load: RoundLoad
) -> float | None:
    """The heaviest load `round_load` gives that is lighter than `weight_kg`; None if none
    (already at the lightest, e.g. the empty bar or bodyweight)."""
    return _next_load(weight_kg, exercise, unit, round_load, -1)


def _next_load(
    weight_kg: float, exercise: Exercise, unit: Unit, round_load: RoundLoad, direction: int
) -> float | None:
    def beyond(kg: float) -> bool:
        return kg > weight_kg + 1e-6 if direction > 0 else kg < weight_kg - 1e-6

    def load(distance: float) -> float:
        return round_load(max(0.0, weight_kg + direction * distance), exercise, unit)

    far = 0.1
    while not beyond(load(far)):
        if far > 100 or (direction < 0 and weight_kg - far <= 0):
            if direction < 0 and beyond(load(weight_kg)):
                far = weight_kg
                break
            return None
        far *= 2
    near = 0.0
    for _ in range(40):  # bisect to the first distance that reaches the next load
        mid = (near + far) / 2
        if beyond(load(mid)):
            far = mid
        else:
            near = mid
    return load(far)
