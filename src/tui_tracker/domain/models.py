"""Plain data classes for what a lifter records.

Frozen so a value handed to the UI can never be half-changed by it; the store
builds new ones on every change.  Weights are kept in kg, with the unit the
lifter typed so it can be shown back the same way.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import field, replace
from datetime import date, datetime
from typing import Literal, get_args

from .muscles import check_primary_secondary
from .text import clean_text
from .values import frozen

KG_PER_LB = 0.45359237

Unit = Literal["kg", "lb"]
ExerciseKind = Literal["compound", "isolation"]
#: working: a normal set; warmup: never counted; drop: a set done straight after another
#: at a lower load; rest_pause: a set of several short bursts with a few breaths between;
#: failure: taken to momentary muscular failure on purpose (Strong's F, Hevy's failure).
SetKind = Literal["working", "warmup", "drop", "rest_pause", "failure"]
SET_KINDS: tuple[SetKind, ...] = ("working", "warmup", "drop", "rest_pause", "failure")
#: How each kind is named in tables and messages.
KIND_LABELS: dict[str, str] = {
    "working": "working",
    "warmup": "warm-up",
    "drop": "drop set",
    "rest_pause": "rest-pause",
    "failure": "to failure",
}
#: The longest timed set and the longest distance a set may hold: a day, and a marathon
#: twice over (cardio imported from Hevy or Strong is a set too).
MAX_DURATION_S = 24 * 3600
MAX_DISTANCE_M = 100_000.0
#: How a load is made: a bar with plates (barbell, ez-bar, trap-bar, smith, and machines
#: loaded with plates), a pair or one of fixed weights (dumbbell, kettlebell), a pin in a
#: weight stack (machine, cable), the body (bodyweight), a band, or anything else.
Equipment = Literal[
    "barbell",
    "ez-bar",
    "trap-bar",
    "smith",
    "plate-loaded",
    "dumbbell",
    "kettlebell",
    "machine",
    "cable",
    "bodyweight",
    "band",
    "other",
]
EQUIPMENT: tuple[Equipment, ...] = get_args(Equipment)  # (one list, the type's own)
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


@frozen
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
            raise ValueError(
                f"equipment must be one of {', '.join(EQUIPMENT)}, not {self.equipment!r}"
            )
        if self.equipment == "bodyweight" and not self.bodyweight:
            raise ValueError(
                "an exercise whose equipment is bodyweight lifts the body: "
                "it is a bodyweight exercise"
            )
        if self.bar_kg is not None and not 0 <= self.bar_kg <= MAX_BAR_KG:
            raise ValueError(f"a bar weighs 0 to {MAX_BAR_KG:g} kg")

    @property
    def is_compound(self) -> bool:
        return self.kind == "compound"


@frozen
class LoggedSet:
    """One set as done: weight (kg), reps, reps in reserve.

    `rir` 0 means momentary muscular failure; None means not recorded.

    On a bodyweight exercise (`Exercise.bodyweight`) `weight_kg` is the load ADDED to
    the body: 0 is bodyweight alone, 20 is BW+20, -30 is assisted (BW-30).  Elsewhere it
    is never negative (the front ends and the store's import checks say so).

    `duration_s` and `distance_m` make a timed or distance set (a plank of 60 s, a carry
    of 40 m); such a set may have 0 reps.  Any other set needs at least one rep: that is
    checked where a set is made (`new_set_problem`), not here, so a 0-rep set saved by
    an older version still loads.
    `superset` labels the sets of exercises done in rounds in one session (the same
    label on each of them).
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
    duration_s: int | None = None
    distance_m: float | None = None
    superset: str | None = None

    def __post_init__(self) -> None:
        if self.note and isinstance(self.note, str):  # (a wrong type is the store's to refuse)
            object.__setattr__(self, "note", clean_text(self.note, multiline=True))
        if isinstance(self.superset, str):
            label = clean_text(self.superset).strip()
            object.__setattr__(self, "superset", label or None)
        problem = set_problem(self.kind, self.reps, self.duration_s, self.distance_m)
        if problem:
            raise ValueError(problem)

    @property
    def is_warmup(self) -> bool:
        return self.kind == "warmup"

    @property
    def is_timed(self) -> bool:
        """A set measured in time or distance (plank, carry, cardio): it has no e1RM."""
        return self.duration_s is not None or self.distance_m is not None

    @property
    def weight(self) -> float:
        """The weight in the unit the lifter entered it in."""
        return from_kg(self.weight_kg, self.unit)

    def describe(self, exercise: Exercise | None = None) -> str:
        """'100 kg x 8 @2', 'BW+20 kg x 8 @2' (with the exercise: see load_text), '60 s',
        '2 x 32 kg, 40 m' (RIR omitted when not recorded; 'BW x 9' for 0 kg without the
        exercise)."""
        if exercise is not None:
            text = load_text(self, exercise)
        else:
            text = "BW" if self.weight_kg == 0 else format_weight(self.weight_kg, self.unit)
            extent = extent_text(self)
            if extent:
                text = extent if self.weight_kg == 0 else f"{text}, {extent}"
        if self.reps or not self.is_timed:
            text += f" x {self.reps}"
        if self.rir is not None:
            text += f" @{self.rir}"
        return text


def set_problem(kind: object, reps: object, duration_s: object, distance_m: object) -> str | None:
    """Why these values cannot be a stored set, or None when they can."""
    if kind not in SET_KINDS:
        return f"set kind {kind!r} is not one of {', '.join(SET_KINDS)}"
    if isinstance(reps, bool) or not isinstance(reps, int) or reps < 0:
        return f"reps {reps!r} is not a whole number of 0 or more"
    if duration_s is not None and (
        isinstance(duration_s, bool)
        or not isinstance(duration_s, int)
        or not 1 <= duration_s <= MAX_DURATION_S
    ):
        return f"duration {duration_s!r} is not a whole number of seconds, 1 to {MAX_DURATION_S}"
    if distance_m is not None and (
        isinstance(distance_m, bool)
        or not isinstance(distance_m, (int, float))
        or not math.isfinite(distance_m)
        or not 0 < distance_m <= MAX_DISTANCE_M
    ):
        return (
            f"distance {distance_m!r} is not a number of metres above 0, up to {MAX_DISTANCE_M:g}"
        )
    return None


def new_set_problem(
    kind: object, reps: object, duration_s: object, distance_m: object
) -> str | None:
    """Why these values cannot make a new set (logged, edited, imported), or None.

    Beyond `set_problem`: a set needs at least one rep unless it has a duration or a
    distance (a plank of 60 s, a carry of 40 m)."""
    problem = set_problem(kind, reps, duration_s, distance_m)
    if problem is None and reps == 0 and duration_s is None and distance_m is None:
        return "a set needs at least one rep, unless it has a duration or a distance"
    return problem


def _number(value: float, decimals: int = 2) -> str:
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".")


def format_duration(seconds: int) -> str:
    """'60 s', '90 s', '2:30 min', '30 min', '1:02:05 h'."""
    if seconds < 120:
        return f"{seconds} s"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d} h"
    return f"{minutes} min" if secs == 0 else f"{minutes}:{secs:02d} min"


def format_distance(metres: float) -> str:
    """'40 m', '5 km', '1.25 km' (from 1000 m on, kilometres)."""
    if metres >= 1000:
        return f"{_number(metres / 1000)} km"
    return f"{_number(metres, 1)} m"


def extent_text(s: LoggedSet) -> str:
    """The time and distance of a set ('60 s', '40 m', '5 km, 30 min'), or ''."""
    parts = []
    if s.distance_m is not None:
        parts.append(format_distance(s.distance_m))
    if s.duration_s is not None:
        parts.append(format_duration(s.duration_s))
    return ", ".join(parts)


def load_text(s: LoggedSet, exercise: Exercise) -> str:
    """What was lifted, as a table shows it; never '0 kg'.

    A bodyweight exercise: 'BW', 'BW+20 kg', 'BW-30 kg' (assisted).  Per-hand loads
    '2 x 22.5 kg', one side at a time '22.5 kg each'.  A timed or distance set adds its
    extent ('2 x 32 kg, 40 m'); with nothing lifted it is the extent alone ('60 s')."""
    extent = extent_text(s)
    if exercise.bodyweight:
        if s.weight_kg == 0:
            load = "BW"
        else:
            sign = "+" if s.weight_kg > 0 else "-"
            load = f"BW{sign}{format_weight(abs(s.weight_kg), s.unit)}"
        if extent and s.weight_kg == 0:
            return extent
    elif s.weight_kg == 0:  # logged as bodyweight before the exercise said so
        return extent or "BW"
    elif exercise.per_hand:
        load = f"2 x {format_weight(s.weight_kg, s.unit)}"
    elif exercise.unilateral:
        load = f"{format_weight(s.weight_kg, s.unit)} each"
    else:
        load = format_weight(s.weight_kg, s.unit)
    return f"{load}, {extent}" if extent else load


@frozen
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

    def with_set(self, s: LoggedSet) -> Session:
        return replace(self, sets=self.sets + (s,))

    def exercise_ids(self) -> list[str]:
        """Exercises in the order first done, without repeats."""
        seen: dict[str, None] = {}
        for s in self.sets:
            seen.setdefault(s.exercise_id, None)
        return list(seen)

    def sets_for(self, exercise_id: str) -> list[LoggedSet]:
        return [s for s in self.sets if s.exercise_id == exercise_id]
