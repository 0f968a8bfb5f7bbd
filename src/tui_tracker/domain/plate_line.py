"""The plate line of the set-entry panel: what to put on each side for the weight typed.

One short line, in the lifter's unit: `20 kg bar + 25 15 1.25 each side`; a weight
that cannot be built names the nearest two that can, with their plates:
`101 kg cannot be loaded: 100 (25 15) or 102.5 (25 15 1.25)`.  The plate math is
domain/plates.py's; this only words it.
"""

from __future__ import annotations

from .models import Exercise, Unit
from .plates import Loading, PlateAnswer, bar_for, plates_for
from .settings import Settings


def _num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _plates(load: Loading) -> str:
    return " ".join(_num(p) for p in load.per_side)


def _loading(load: Loading, bar: float, unit: Unit) -> str:
    if not load.per_side:
        return f"the {_num(bar)} {unit} bar alone" if bar else "nothing loaded"
    if not bar:
        return f"{_plates(load)} each side (no bar)"
    return f"{_num(bar)} {unit} bar + {_plates(load)} each side"


def describe_plates(answer: PlateAnswer, unit: Unit) -> str:
    """The plate line for an answer of domain/plates.plates_for."""
    if answer.exact and answer.below is not None:
        return _loading(answer.below, answer.bar, unit)
    if answer.below is None:
        return (
            f"{_num(answer.weight)} {unit} is lighter than the {_num(answer.bar)} {unit} "
            "bar: the bar alone is the lightest"
        )

    def option(load: Loading) -> str:
        return f"{_num(load.weight)} ({_plates(load) or 'bar'})"

    return (
        f"{_num(answer.weight)} {unit} cannot be loaded: {option(answer.below)} or "
        f"{option(answer.above)}"
    )


def plate_line(
    weight: float | None, exercise: Exercise, unit: Unit, settings: Settings
) -> str | None:
    """The panel's plate line for `weight` (in `unit`) on `exercise`; None when plates are
    not how it is loaded (dumbbells, a stack, the body).  An empty or unreadable weight
    gives a prompt, never an error: the lifter is still typing."""
    bar = bar_for(exercise, unit, settings)
    if bar is None:
        return None
    if weight is None or weight < 0:
        return "Plates: type a weight"
    try:
        answer = plates_for(weight, bar, settings.plates(unit))
    except ValueError:  # more than plates can be counted for
        return "Plates: too heavy to count"
    return "Plates: " + describe_plates(answer, unit)
