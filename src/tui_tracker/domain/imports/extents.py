"""Time and distance cells of Strong and Hevy rows: timed sets, carries and cardio.

A plank of 60 s, a farmer's walk of 40 m, a 5 km run: the apps keep them in their
Seconds / duration_seconds and Distance / distance_km columns.  They import as sets
with `duration_s` / `distance_m` (and 0 reps when the row has none); a cardio exercise
knows no muscle, so such sets never count as muscle volume (domain/volume.py).
"""

from __future__ import annotations

from typing import Literal

from ..inputs import InputError
from ..models import MAX_DISTANCE_M, MAX_DURATION_S, Unit
from .common import _show, number
from .table import column

DistanceUnit = Literal["m", "km", "mi", "ft", "yd"]
METRES: dict[str, float] = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "ft": 0.3048, "yd": 0.9144}
#: A distance column's name and the unit it is in (Strong: Android, iOS; Hevy).
DISTANCE_COLUMNS: tuple[tuple[str, DistanceUnit | None], ...] = (
    ("distance (meters)", "m"),
    ("distance (m)", "m"),
    ("distance (km)", "km"),
    ("distance (miles)", "mi"),
    ("distance_km", "km"),
    ("distance_miles", "mi"),
    ("distance_meters", "m"),
    ("distance", None),
)
_UNIT_WORDS: dict[str, DistanceUnit] = {
    "m": "m",
    "meter": "m",
    "meters": "m",
    "metre": "m",
    "metres": "m",
    "km": "km",
    "kilometers": "km",
    "kilometres": "km",
    "mi": "mi",
    "mile": "mi",
    "miles": "mi",
    "ft": "ft",
    "feet": "ft",
    "yd": "yd",
    "yards": "yd",
}


def distance_column(columns: dict[str, int], weight_unit: Unit | None) -> tuple[int, DistanceUnit]:
    """(index, unit) of the distance column, or (-1, 'm').  A plain `Distance` (Strong's
    iOS and legacy layouts) is in the app's unit system: km with kg, miles with lb (a
    `Distance Unit` column, when there is one, says it row by row)."""
    for name, unit in DISTANCE_COLUMNS:
        if name in columns:
            return columns[name], unit or ("mi" if weight_unit == "lb" else "km")
    return -1, "m"


def distance_unit_column(columns: dict[str, int]) -> int:
    return column(columns, "distance unit")


def row_distance_unit(text: str, default: DistanceUnit) -> DistanceUnit:
    t = text.strip().casefold()
    if not t:
        return default
    if t not in _UNIT_WORDS:
        raise InputError(f"distance unit {_show(text.strip())} is not m, km, mi, ft or yd")
    return _UNIT_WORDS[t]


def seconds(text: str) -> int | None:
    """A set's time in whole seconds (rounded); None when empty or 0."""
    value = number(text, "seconds")
    if not value:
        return None
    whole = round(value)
    if whole > MAX_DURATION_S:
        raise InputError(f"seconds {_show(text.strip())} is more than a day")
    return max(1, whole)


def metres(text: str, unit: DistanceUnit) -> float | None:
    """A set's distance in metres; None when empty or 0."""
    value = number(text, "distance")
    if not value:
        return None
    m = round(value * METRES[unit], 3)
    if m > MAX_DISTANCE_M:
        raise InputError(
            f"distance {_show(text.strip())} {unit} is more than {MAX_DISTANCE_M / 1000:g} km"
        )
    return m if m > 0 else None
