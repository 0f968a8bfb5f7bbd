"""The exercises the app ships with: `data/exercises.json`, read on first use.

The catalogue is data, not code: one JSON object per exercise, one exercise per
line, so a lifter or a maintainer can read and diff it.  Where its names come from
(the Strong and Hevy built-in exercise lists) is in the file's "sources", and
tests/test_catalogue_data.py checks every row (known muscles, unique ids and names,
every Strong and Hevy name it lists, the high-skill rule below).  Ids are stored
with every set: never rename one.

Reading is lazy, and in two speeds, because the Today screen's first frame needs a
few exercises by id and nothing else: `get(id)` finds that exercise's own line and
parses only it; anything that needs them all (search, names, iteration) parses the
whole file once (about 7 ms).
"""

from __future__ import annotations

import os
from functools import cached_property
from typing import Any, Literal

from .models import Exercise

# Rest between sets.  Longer rests gave more growth than short ones on multi-joint
# lifts (Schoenfeld 2016: 3 min beat 1 min), and heavy lifts need them most.
REST_HEAVY = 180
REST_COMPOUND = 150
REST_LIGHT_COMPOUND = 120
REST_ISOLATION = 90
RESTS = (REST_HEAVY, REST_COMPOUND, REST_LIGHT_COMPOUND, REST_ISOLATION)

App = Literal["strong", "hevy"]
APPS: tuple[App, ...] = ("strong", "hevy")

#: How commonly an exercise is meant by its bare word, for ranking search results:
#: 1 the form lifters mean ("curl": the dumbbell curl), 2 another common form, 3 the rest.
LEAST_COMMON = 3

# --- the high-skill rule --------------------------------------------------------------------

HIGH_SKILL_RULE = (
    "High skill: a squat, a hinge (deadlifts from the floor or the top: conventional, sumo, "
    "Romanian, stiff-leg, trap bar, rack pulls, good mornings) or an Olympic lift and its "
    "variants (snatch, clean, jerk, their power, hang and block forms, pulls, push press, "
    "thrusters), lifted with a barbell, a trap bar or a strongman implement. For technically "
    "demanding compounds such as the barbell back squat or deadlift, taking sets to failure "
    "may increase the risk of form breakdown and injury without a clear benefit, so the app "
    "keeps 1 or more reps in reserve on them. Machines, Smith machines, landmines, "
    "dumbbells, kettlebells, cables, bands and the body guide or lighten the load, and "
    "single-leg work (lunges, split squats, single-leg deadlifts, step-ups), rows and presses "
    "fail without the spine giving way: those are not high skill."
)
HIGH_SKILL_PATTERNS = ("squat", "hinge", "olympic")
HIGH_SKILL_EQUIPMENT = ("barbell", "trap-bar", "other")


def high_skill_rule(pattern: str | None, equipment: str) -> bool:
    """Whether HIGH_SKILL_RULE makes a lift of this pattern and equipment high skill."""
    return pattern in HIGH_SKILL_PATTERNS and equipment in HIGH_SKILL_EQUIPMENT


# --- reading the file -----------------------------------------------------------------------

#: (a path string: pathlib and json are imported only when the file is read, not with the
#: catalogue, so a command that never looks an exercise up does not pay for them)
DATA_FILE = os.path.join(os.path.dirname(__file__), "data", "exercises.json")

#: How each exercise's line starts in the file ("    {"id": "squat", ...},").
_ROW_START = b'\n    {"id": '


def exercise_from_row(row: dict[str, Any]) -> Exercise:
    """One row of the file as an Exercise, the high-skill rule applied."""
    equipment = row["equipment"]
    return Exercise(
        id=row["id"],
        name=row["name"],
        primary=tuple(row["primary"]),
        secondary=tuple(row["secondary"]),
        kind=row["kind"],
        high_skill=high_skill_rule(row.get("pattern"), equipment),
        rest_seconds=row["rest"],
        aliases=tuple(row["aliases"]),
        bodyweight=row.get("bodyweight", equipment == "bodyweight"),
        equipment=equipment,
        per_hand=row.get("per_hand", False),
        unilateral=row.get("unilateral", False),
    )


class Shipped:
    """The shipped catalogue: one exercise by id cheaply, everything on demand."""

    def __init__(self, raw: bytes) -> None:
        self._raw = raw
        self._one: dict[str, Exercise | None] = {}

    def get(self, exercise_id: str) -> Exercise | None:
        """The exercise with this id, parsing its line only (the whole file if it must)."""
        if "rows" in self.__dict__:  # everything is parsed already
            return self.by_id.get(exercise_id)
        if exercise_id not in self._one:
            self._one[exercise_id] = self._read_one(exercise_id)
        return self._one[exercise_id]

    def _read_one(self, exercise_id: str) -> Exercise | None:
        import json

        start = self._raw.find(_ROW_START + json.dumps(exercise_id).encode() + b",")
        if start < 0:  # not a row start: not an id, or a file laid out otherwise
            return self.by_id.get(exercise_id)
        end = self._raw.find(b"\n", start + 1)
        line = self._raw[start + 1 : end if end >= 0 else None].strip().rstrip(b",")
        return exercise_from_row(json.loads(line))

    @cached_property
    def doc(self) -> dict[str, Any]:
        import json

        doc: dict[str, Any] = json.loads(self._raw)
        return doc

    @cached_property
    def rows(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = self.doc["exercises"]
        return rows

    @cached_property
    def exercises(self) -> tuple[Exercise, ...]:
        return tuple(exercise_from_row(row) for row in self.rows)

    @cached_property
    def by_id(self) -> dict[str, Exercise]:
        return {e.id: e for e in self.exercises}

    @cached_property
    def common(self) -> dict[str, int]:
        """id -> how commonly it is meant by its bare word (1 most), for search ranking."""
        return {row["id"]: row.get("common", LEAST_COMMON) for row in self.rows}

    @cached_property
    def app_names(self) -> dict[str, dict[App, tuple[str, ...]]]:
        """id -> the names Strong and Hevy export for it, as they spell them."""
        return {
            row["id"]: {app: tuple(row[app]) for app in APPS if app in row}
            for row in self.rows
            if any(app in row for app in APPS)
        }

    @cached_property
    def not_lifts(self) -> dict[App, tuple[str, ...]]:
        """Strong's and Hevy's names for cardio, sports and mobility: not exercises here."""
        return {app: tuple(self.doc["not_lifts"][app]) for app in APPS}


_shipped: Shipped | None = None


def shipped() -> Shipped:
    """The shipped catalogue, its file read (not parsed) on the first call."""
    global _shipped
    if _shipped is None:
        with open(DATA_FILE, "rb") as f:
            _shipped = Shipped(f.read())
    return _shipped
