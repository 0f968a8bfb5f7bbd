"""A suggested next set and how it reads: '102.5 kg x 8 @1', with one line of reason.

Apart from the rules (progression.py) because the same words serve more than them:
loads as a lifter says them ('BW+20 kg'), numbers with at most two decimals, days as
'12 Nov' (calibration and the PR list use them too).
"""

from __future__ import annotations

import math
from datetime import date
from typing import Literal

from .models import LoggedSet, Unit, from_kg
from .values import frozen

Rule = Literal[
    "in_session", "deload", "break", "e1rm", "double_progression", "first_time", "no_plan"
]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@frozen
class Suggestion:
    """The next set of an exercise: `weight_kg` (None: no load to go by) in `unit`,
    `reps`, `rir`, and the `reason` in one line, naming the `rule` used."""

    exercise_id: str
    weight_kg: float | None
    unit: Unit
    reps: int | None
    rir: int | None
    reason: str
    rule: Rule

    @property
    def weight(self) -> float | None:
        """The weight in the suggestion's unit."""
        return None if self.weight_kg is None else from_kg(self.weight_kg, self.unit)

    def describe(self) -> str:
        """'102.5 kg x 8 @1' ('BW x 9 @2'; '5 reps @2' without a load; '' with nothing)."""
        rir = "" if self.rir is None else f" @{self.rir}"
        if self.weight_kg is None:
            return "" if self.reps is None else f"{self.reps} reps{rir}"
        load = load_text(self.weight_kg, self.unit, self.weight_kg < 0)
        reps = "" if self.reps is None else f" x {self.reps}"
        return f"{load}{reps}{rir}"


def load_text(weight_kg: float, unit: Unit, bodyweight: bool) -> str:
    """'BW' for 0; on a bodyweight exercise 'BW+20 kg', 'BW-30 kg' (a negative load is
    always one: assisted); else '102.5 kg'."""
    if weight_kg == 0:
        return "BW"
    text = f"{num(from_kg(abs(weight_kg), unit))} {unit}"
    if bodyweight or weight_kg < 0:
        return f"BW{'+' if weight_kg > 0 else '-'}{text}"
    return text


def num(value: float, places: int = 2) -> str:
    """102.5 -> '102.5', 100.0 -> '100', 133.333 -> '133.33', 51.255 -> '51.26': at most
    `places` decimals, halves up (as a lifter rounds by hand)."""
    scale = 10**places
    text = f"{math.floor(value * scale + 0.5) / scale:.{places}f}".rstrip("0")
    return text.rstrip(".")


def day_text(day: date) -> str:
    """'12 Nov' (the same in every locale)."""
    return f"{day.day} {_MONTHS[day.month - 1]}"


class Say:
    """Weights as the lifter reads them, in the suggestion's unit."""

    def __init__(self, unit: Unit, bodyweight: bool = False) -> None:
        self.unit = unit
        self.bodyweight = bodyweight  # loads are added to the body: BW+20 kg, BW-30 kg

    def kg(self, weight_kg: float) -> str:
        return load_text(weight_kg, self.unit, self.bodyweight)

    def value(self, weight_kg: float) -> str:
        return num(from_kg(weight_kg, self.unit))

    def set(self, s: LoggedSet) -> str:
        rir = "" if s.rir is None else f" @{s.rir}"
        return f"{self.kg(s.weight_kg)} x {s.reps}{rir}"
