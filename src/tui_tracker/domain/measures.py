"""What a set of an exercise is measured in, and how its load is typed in the panel.

Most sets are reps.  Holds (a plank, a wall sit, a dead hang) are timed: seconds
instead of reps.  Carries and sleds (a farmer's walk, a yoke carry, a sled push) go a
distance: metres instead of reps.  The catalogue's own are named here by id; a
lifter's own exercise is timed when its name says it holds (hold, plank, hang, wall
sit) and goes a distance when it says it carries (carry, sled, walk without lunge).

The load typed in the panel: on a bodyweight exercise it is the load ADDED to the
body (`parse_added`: empty or 0 is BW, 20 or +20 is BW+20, -30 is assisted); per hand
it is one dumbbell; one side at a time, the load on that side (`load_unit`).
"""

from __future__ import annotations

import re
from typing import Literal
from collections.abc import Sequence

from .inputs import InputError, parse_weight
from .models import MAX_DISTANCE_M, MAX_DURATION_S, Exercise, LoggedSet, Unit

Measure = Literal["reps", "time", "distance"]

TIMED = frozenset(
    {
        "plank",
        "side-plank",
        "reverse-plank",
        "wall-sit",
        "dead-hang",
        "l-sit",
        "front-lever-hold",
        "handstand-hold",
    }
)
DISTANCE = frozenset({"farmers-walk", "yoke-carry", "sled-push", "sled-drag"})
_TIMED_NAME = re.compile(r"\b(hold|plank|hang|wall sit)\b", re.IGNORECASE)
_DISTANCE_NAME = re.compile(r"\b(carry|sled|walk)\b", re.IGNORECASE)


def measure_of(exercise: Exercise) -> Measure:
    """'time', 'distance' or 'reps' (see the module docstring)."""
    if exercise.id in TIMED:
        return "time"
    if exercise.id in DISTANCE:
        return "distance"
    if not exercise.custom:
        return "reps"
    name = exercise.name
    if _DISTANCE_NAME.search(name) and "lunge" not in name.lower():
        return "distance"
    if _TIMED_NAME.search(name) and "push" not in name.lower():
        return "time"
    return "reps"


#: Equipment whose sets always move a load (a bar, a dumbbell, a stack): 0 there is a
#: slip of the finger, not a set.  Smith and plate-loaded machines are often logged by
#: the plates alone, a band by nothing, a lifter's own exercise is "other": 0 is theirs.
ALWAYS_LOADED = frozenset(
    {"barbell", "ez-bar", "trap-bar", "dumbbell", "kettlebell", "machine", "cable"}
)


def load_problem(exercise: Exercise, weight_kg: float) -> str | None:
    """Why `weight_kg` cannot be a set's load on `exercise`, or None.

    A negative load is assistance, only for a body lifted.  No load on a squat (a 0
    typed, or "200" whose 2 went elsewhere) was saved as a bodyweight squat and hailed
    as a bodyweight record."""
    if exercise.bodyweight:
        return None
    if weight_kg < 0:
        return (
            f"weight cannot be negative: {exercise.name} does not lift the body "
            "(BW-30 is for assisted bodyweight exercises)"
        )
    if weight_kg == 0 and exercise.equipment in ALWAYS_LOADED and measure_of(exercise) == "reps":
        return f"0 on {exercise.name}: type the weight lifted"
    return None


def load_unit(exercise: Exercise, unit: Unit) -> str:
    """What the weight typed means: 'kg', 'kg added', 'kg per dumbbell', 'kg each side'."""
    if exercise.bodyweight:
        return f"{unit} added"
    if exercise.per_hand:
        return f"{unit} per dumbbell" if exercise.equipment == "dumbbell" else f"{unit} per hand"
    if exercise.unilateral:
        return f"{unit} each side"
    return unit


def parse_added(text: str, unit: Unit) -> tuple[float, Unit]:
    """The load added to the body (kg): '' or '0' is BW (0), '20' or '+20' is 20 added,
    '-30' is 30 taken off (assisted)."""
    text = text.strip()
    sign = -1.0 if text.startswith("-") else 1.0
    body = text[1:].strip() if text.startswith(("+", "-")) else text
    if not body:
        return 0.0, unit
    if body.startswith(("+", "-")):
        raise InputError(f"{text!r}: one sign, + added or - assisted")
    kg, entered = parse_weight(body, unit)
    return (sign * kg if kg else 0.0), entered


def parse_seconds(text: str) -> int:
    """A timed set's seconds: a whole number, 1 to a day."""
    text = text.strip()
    if not text:
        raise InputError("seconds are empty: type how long, e.g. 60")
    if not text.isdigit() or not 1 <= int(text) <= MAX_DURATION_S:
        raise InputError(f"seconds {text!r}: a whole number from 1 to {MAX_DURATION_S}")
    return int(text)


def parse_metres(text: str) -> float:
    """A distance set's metres: above 0, up to the longest a set may hold."""
    text = text.strip().replace(",", ".")
    if not text:
        raise InputError("metres are empty: type how far, e.g. 40")
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"metres {text!r} is not a number like 40 or 12.5") from None
    if not 0 < value <= MAX_DISTANCE_M:
        raise InputError(f"metres: above 0, up to {MAX_DISTANCE_M:g}")
    return value


def extent_text_of(s: LoggedSet) -> str:
    """A set's seconds or metres as the panel's field shows them ('' for neither)."""
    if s.duration_s is not None:
        return str(s.duration_s)
    if s.distance_m is not None:
        return f"{s.distance_m:.2f}".rstrip("0").rstrip(".")
    return ""


def last_extent(
    today: Sequence[LoggedSet], last_time: Sequence[LoggedSet], measure: Measure
) -> str:
    """The seconds or metres to pre-fill: today's last such set's, else last time's first
    ('' when there is none, or for reps)."""

    def extent(s: LoggedSet) -> str:
        if measure == "time" and s.duration_s is not None:
            return str(s.duration_s)
        if measure == "distance" and s.distance_m is not None:
            return f"{s.distance_m:.2f}".rstrip("0").rstrip(".")
        return ""

    for s in [*reversed(today), *last_time]:
        if extent(s):
            return extent(s)
    return ""
