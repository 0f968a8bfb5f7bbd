"""Plain data classes for what a lifter records.

Frozen so a value handed to the UI can never be half-changed by it; the store
builds new ones on every change.  Weights are kept in kg, with the unit the
lifter typed so it can be shown back the same way.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Literal

from .muscles import check_primary_secondary
from .text import clean_text

KG_PER_LB = 0.45359237

Unit = Literal["kg", "lb"]
ExerciseKind = Literal["compound", "isolation"]
SetKind = Literal["working", "warmup"]
#: How a load is made: a bar with plates (barbell, ez-bar, trap-bar, smith, and machines
#: loaded with plates), a pair or one of fixed weights (dumbbell, kettlebell), a pin in a
#: weight stack (machine, cable), the body (bodyweight), a band, or anything else.
Equipment = Literal["barbell", "ez-bar", "trap-bar", "smith", "plate-loaded", "dumbbell",
                    "kettlebell", "machine", "cable", "bodyweight", "band", "other"]
EQUIPMENT: tuple[Equipment, ...] = ("barbell", "ez-bar", "trap-bar", "smith", "plate-loaded",
                                    "dumbbell", "kettlebell", "machine", "cable", "bodyweight",
                                    "band", "other")
MAX_BAR_KG = 100.0  # the heaviest bar an exercise may name (the bar_kg setting's limit)


def new_id() -> str:
    """Our own record id: never TinyDB's doc_id, which another process can reuse."""
    return uuid.uuid4().hex


def to_kg(weight: float, unit: Unit) -> float:
    return weight * KG_PER_LB if unit == "lb" else weight


def from_kg(weight_kg: float, unit: Unit) -> float:
    """The weight in `unit`, rounded to what a lifter could have typed."""
    value = weight_kg / KG_PER_LB if unit == "lb" else weight_kg
    return round(value, 2)


def format_weight(weight_kg: float, unit: Unit) -> str:
    """'102.5 kg', '225 lb': no trailing zeros."""
    value = from_kg(weight_kg, unit)
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}"


@dataclass(frozen=True)
class Exercise:
    """A movement, with the muscles its sets count toward.

    `high_skill` marks lifts (squat, deadlift and close variants) where form
    breaks down near failure and injury risk is real.  `bodyweight` marks
    movements that lift the body (pull-up, dip, push-up, leg raise): a set
    may carry no weight at all (0 kg is bodyweight), or added load.

    How the load is made, so the app can say what to load and round to it:
    `equipment` (a bodyweight exercise is always `bodyweight`); `per_hand`: the
    weight logged is one of two implements held at once (a dumbbell bench press
    at 22.5 is 2 x 22.5 kg); `unilateral`: one side at a time (a one-arm row at
    22.5 is 22.5 kg each side); `bar_kg`: this exercise's bar when it is not the
    equipment's usual one (None: the usual, see domain/plates.py).
    """

    id: str
    name: str
    primary: tuple[str, ...]
    secondary: tuple[str, ...] = ()
    kind: ExerciseKind = "compound"
    high_skill: bool = False
    rest_seconds: int = 120
    aliases: tuple[str, ...] = ()
    custom: bool = False
    bodyweight: bool = False
    equipment: Equipment = "other"
    per_hand: bool = False
    unilateral: bool = False
    bar_kg: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_text(self.name))  # names are shown everywhere
        object.__setattr__(self, "aliases", tuple(clean_text(a) for a in self.aliases))
        if not self.name.strip():
            raise ValueError("an exercise needs a name")
        check_primary_secondary(self.primary, self.secondary)
        if self.kind not in ("compound", "isolation"):
            raise ValueError(f"kind must be compound or isolation, not {self.kind!r}")
        if not 0 <= self.rest_seconds <= 1800:
            raise ValueError("rest must be between 0 and 1800 seconds")
        if self.equipment not in EQUIPMENT:
            raise ValueError(f"equipment must be one of {', '.join(EQUIPMENT)}, "
                             f"not {self.equipment!r}")
        if self.equipment == "bodyweight" and not self.bodyweight:
            raise ValueError("an exercise whose equipment is bodyweight lifts the body: "
                             "it is a bodyweight exercise")
        if self.bar_kg is not None and not 0 <= self.bar_kg <= MAX_BAR_KG:
            raise ValueError(f"a bar weighs 0 to {MAX_BAR_KG:g} kg")

    @property
    def is_compound(self) -> bool:
        return self.kind == "compound"


@dataclass(frozen=True)
class LoggedSet:
    """One set as done: weight (kg), reps, reps in reserve.

    `rir` 0 means momentary muscular failure; None means not recorded.
    """

    exercise_id: str
    weight_kg: float
    reps: int
    rir: int | None
    at: datetime
    unit: Unit = "kg"
    kind: SetKind = "working"
    note: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if self.note and isinstance(self.note, str):  # (a wrong type is the store's to refuse)
            object.__setattr__(self, "note", clean_text(self.note, multiline=True))

    @property
    def is_warmup(self) -> bool:
        return self.kind == "warmup"

    @property
    def weight(self) -> float:
        """The weight in the unit the lifter entered it in."""
        return from_kg(self.weight_kg, self.unit)

    def describe(self) -> str:
        """'100 kg x 8 @2' (RIR omitted when not recorded; 'BW x 9' for bodyweight)."""
        weight = "BW" if self.weight_kg == 0 else format_weight(self.weight_kg, self.unit)
        text = f"{weight} x {self.reps}"
        if self.rir is not None:
            text += f" @{self.rir}"
        return text


@dataclass(frozen=True)
class Session:
    """A training session: its sets in the order they were done.

    `ended_at` None means still open (the app resumes it on start).
    """

    date: date
    started_at: datetime
    sets: tuple[LoggedSet, ...] = ()
    ended_at: datetime | None = None
    note: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if self.note and isinstance(self.note, str):  # (a wrong type is the store's to refuse)
            object.__setattr__(self, "note", clean_text(self.note, multiline=True))

    @property
    def is_open(self) -> bool:
        return self.ended_at is None

    def with_set(self, s: LoggedSet) -> "Session":
        return replace(self, sets=self.sets + (s,))

    def exercise_ids(self) -> list[str]:
        """Exercises in the order first done, without repeats."""
        seen: dict[str, None] = {}
        for s in self.sets:
            seen.setdefault(s.exercise_id, None)
        return list(seen)

    def sets_for(self, exercise_id: str) -> list[LoggedSet]:
        return [s for s in self.sets if s.exercise_id == exercise_id]
