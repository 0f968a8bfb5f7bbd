"""Hevy's CSV export to our sessions.

Header: `"title","start_time","end_time","description","exercise_title","superset_id",
"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",
"duration_seconds","rpe"` (`weight_lbs` / `distance_miles` for an account in pounds).
Dates look like `30 Jan 2025, 12:34`.  One session per (title, start_time);
set_type is normal, warmup, failure (RIR 0) or dropset (a working set).
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Iterable

from ..catalogue import Catalogue
from ..inputs import InputError
from ..models import SetKind, Unit
from .common import (Builder, ImportFormatError, ImportResult, Progress, attempt, column,
                     is_blank_or_zero, is_positive, read_table, reps, rir_from_rpe, weight_kg)

#: set_type -> (kind, to failure)
SET_TYPES: dict[str, tuple[SetKind, bool]] = {
    "normal": ("working", False),
    "warmup": ("warmup", False),
    "failure": ("working", True),
    "dropset": ("working", False),
}
_REQUIRED = ("title", "start_time", "exercise_title", "set_type", "reps")
_HINT = "expected Hevy's CSV export, whose first line starts with '\"title\",\"start_time\"'"



def parse_hevy(text: str | Iterable[str], *, catalogue: Catalogue, tz: tzinfo,
               progress: Progress | None = None) -> ImportResult:
    """Hevy's CSV export as sessions; bad rows become errors, the rest is imported.

    Raises ImportFormatError when the file is not a Hevy export at all.
    """
    table = read_table(text)
    cols = table.columns
    header = table.header_line[:120]
    if "exercise name" in cols and "set order" in cols:
        raise ImportFormatError("this is a Strong export, not a Hevy one: import it as a Strong file")
    missing = [name for name in _REQUIRED if name not in cols]
    if missing:
        raise ImportFormatError(f"the first line {header!r} is not a Hevy export's header "
                                f"(no {', '.join(missing)} column): {_HINT}")
    unit: Unit
    if "weight_kg" in cols:
        i_weight, unit = cols["weight_kg"], "kg"
    elif "weight_lbs" in cols or "weight_lb" in cols:
        i_weight, unit = column(cols, "weight_lbs", "weight_lb"), "lb"
    else:
        raise ImportFormatError(f"the first line {header!r} has no weight_kg or weight_lbs column: {_HINT}")
    i_title, i_start, i_exercise = cols["title"], cols["start_time"], cols["exercise_title"]
    i_type, i_reps = cols["set_type"], cols["reps"]
    i_end = column(cols, "end_time")
    i_description = column(cols, "description")
    i_exercise_notes = column(cols, "exercise_notes")
    i_distance = column(cols, "distance_km", "distance_miles", "distance_meters")
    i_seconds = column(cols, "duration_seconds")
    i_rpe = column(cols, "rpe")

    b = Builder("hevy", catalogue, tz, len(table.rows), progress)
    for line, row in b.rows(table):
        w_text, r_text = row[i_weight], row[i_reps]
        timed = ((i_distance >= 0 and is_positive(row[i_distance]))
                 or (i_seconds >= 0 and is_positive(row[i_seconds])))
        if is_blank_or_zero(r_text) and (is_blank_or_zero(w_text) or timed):
            b.skipped += 1  # cardio or a timed hold: not a strength set
            continue

        problems: list[str] = []
        start = eid = kg = n = rir = None
        kind: SetKind | None = None
        failure = False
        start = attempt(problems, b.date, row[i_start], label="start_time: ")
        exercise = row[i_exercise].strip()
        eid = attempt(problems, b.exercise_id, exercise)
        set_type = row[i_type].strip().casefold()
        if set_type in SET_TYPES:
            kind, failure = SET_TYPES[set_type]
        elif not set_type:
            kind = "working"
        else:
            problems.append(f"set_type {row[i_type].strip()[:20]!r} is not normal, warmup, failure "
                            "or dropset")
        kg = attempt(problems, weight_kg, w_text, unit)
        n = attempt(problems, reps, r_text)
        rir = attempt(problems, rir_from_rpe, row[i_rpe]) if i_rpe >= 0 else None
        if problems:
            b.error(line, "; ".join(problems))
            continue
        assert start is not None and eid is not None and kind is not None
        assert kg is not None and n is not None

        g = b.group(start, row[i_title].strip(), line)
        if g.ended_at is None and i_end >= 0 and row[i_end].strip():
            try:
                g.ended_at = b.date(row[i_end]).replace(tzinfo=tz)
            except InputError:
                pass  # the session's end is not worth losing its sets over: unknown
        if not g.notes and i_description >= 0 and row[i_description].strip():
            g.notes = row[i_description].strip()
        b.add(g, row, exercise=exercise, exercise_id=eid, kind=kind, weight_kg=kg, unit=unit,
              reps=n, rir=0 if failure else rir,
              exercise_note=row[i_exercise_notes] if i_exercise_notes >= 0 else "")
    return b.result(table.errors)
