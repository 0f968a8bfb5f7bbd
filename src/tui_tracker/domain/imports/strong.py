"""Strong's CSV export, in the three layouts seen in the wild, to our sessions.

- iOS, comma-separated: `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,
  Reps,Distance,Seconds,Notes,Workout Notes,RPE` (or without the two notes
  columns).  Weights are in the app's unit and the file does not say which, so
  the caller must pass `unit`.
- Android, semicolon-separated and quoted: `"Workout #";"Date";...;"Weight (kg)";...`
  (`Weight (lbs)` for pounds), durations in seconds.
- Legacy, semicolon-separated, with a `Weight Unit` on every row.

One session per (Date, Workout Name).  `Set Order` is a number for a working
set, W for a warm-up, D for a drop set (working), F for a set to failure
(working, RIR 0); Note and Rest Timer rows are not sets and are skipped.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Iterable

from ..catalogue import Catalogue
from ..inputs import InputError
from ..models import SetKind, Unit
from .common import (Builder, ImportFormatError, ImportResult, Progress, attempt, column,
                     duration, end_after, is_blank_or_zero, is_positive, read_table, reps,
                     rir_from_rpe, row_unit, weight_kg)

NOT_SETS = frozenset({"note", "notes", "rest timer", "rest"})
_REQUIRED = ("date", "workout name", "exercise name", "set order", "reps")
_HINT = ("expected Strong's CSV export, whose first line starts with "
         "'Date,Workout Name' or '\"Workout #\";\"Date\"'")



def _layout(columns: dict[str, int], header: str, unit: Unit | None) -> tuple[str, int, Unit | None]:
    """(layout, weight column, unit for every row or None when each row says)."""
    if "exercise_title" in columns and "start_time" in columns:
        raise ImportFormatError("this is a Hevy export, not a Strong one: import it as a Hevy file")
    missing = [name for name in _REQUIRED if name not in columns]
    if missing:
        raise ImportFormatError(f"the first line {header[:120]!r} is not a Strong export's header "
                                f"(no {', '.join(missing)} column): {_HINT}")
    if "weight unit" in columns and "weight" in columns:
        return "legacy", columns["weight"], None
    if "weight (kg)" in columns:
        return "android", columns["weight (kg)"], "kg"
    for name in ("weight (lbs)", "weight (lb)"):
        if name in columns:
            return "android", columns[name], "lb"
    if "weight" in columns:
        if unit is None:
            raise ImportFormatError(
                "Strong's iOS export has no unit column: rerun with --unit kg or --unit lb")
        return "ios", columns["weight"], unit
    raise ImportFormatError(f"the first line {header[:120]!r} has no weight column: {_HINT}")


def _set_kind(order: str) -> tuple[SetKind, bool]:
    """(kind, to failure) for a Set Order cell."""
    key = order.strip().casefold()
    if key.isascii() and key.replace(".0", "", 1).isdigit():
        return "working", False
    if key == "w":
        return "warmup", False
    if key == "d":
        return "working", False
    if key == "f":
        return "working", True
    raise InputError(f"set order {order.strip()[:20]!r} is not a number, W, D, F, Note or Rest Timer")


def parse_strong(text: str | Iterable[str], *, catalogue: Catalogue, unit: Unit | None, tz: tzinfo,
                 progress: Progress | None = None) -> ImportResult:
    """Strong's CSV export as sessions; bad rows become errors, the rest is imported.

    `unit` is the unit the app was set to: required for the iOS layout, which
    does not say; the other layouts carry their unit and ignore it.  Raises
    ImportFormatError when the file is not a Strong export at all.
    """
    if unit not in (None, "kg", "lb"):
        raise ImportFormatError(f"unit {unit!r} is not kg or lb")
    table = read_table(text)
    cols = table.columns
    _, i_weight, file_unit = _layout(cols, table.header_line, unit)
    i_date, i_name = cols["date"], cols["workout name"]
    i_exercise, i_order, i_reps = cols["exercise name"], cols["set order"], cols["reps"]
    i_rpe = column(cols, "rpe")
    i_unit = column(cols, "weight unit")
    i_duration = column(cols, "duration", "duration (sec)", "duration (seconds)", "workout duration")
    i_distance = column(cols, "distance", "distance (meters)", "distance (m)", "distance (km)",
                         "distance (miles)")
    i_seconds = column(cols, "seconds")
    i_notes = column(cols, "notes")
    i_workout_notes = column(cols, "workout notes")

    b = Builder("strong", catalogue, tz, len(table.rows), progress)
    for line, row in b.rows(table):
        order = row[i_order]
        if order.strip().casefold() in NOT_SETS:
            b.skipped += 1
            continue
        w_text, r_text = row[i_weight], row[i_reps]
        timed = ((i_distance >= 0 and is_positive(row[i_distance]))
                 or (i_seconds >= 0 and is_positive(row[i_seconds])))
        if is_blank_or_zero(r_text) and (is_blank_or_zero(w_text) or timed):
            b.skipped += 1  # cardio or a timed hold: not a strength set
            continue

        problems: list[str] = []
        start = kind = failure = row_u = kg = n = rir = eid = None
        start = attempt(problems, b.date, row[i_date])
        exercise = row[i_exercise].strip()
        eid = attempt(problems, b.exercise_id, exercise)
        try:
            kind, failure = _set_kind(order)
        except InputError as e:
            problems.append(str(e))
        try:
            row_u = file_unit if i_unit < 0 else row_unit(row[i_unit], unit)
            if row_u is None:
                if is_blank_or_zero(w_text):
                    row_u = "kg"
                else:
                    raise InputError("the weight unit is empty: rerun with --unit kg or --unit lb")
            kg = weight_kg(w_text, row_u)
        except InputError as e:
            problems.append(str(e))
        n = attempt(problems, reps, r_text)
        rir = attempt(problems, rir_from_rpe, row[i_rpe]) if i_rpe >= 0 else None
        if problems:
            b.error(line, "; ".join(problems))
            continue
        assert start is not None and eid is not None and kind is not None and row_u is not None
        assert kg is not None and n is not None

        g = b.group(start, row[i_name].strip(), line)
        if g.ended_at is None and i_duration >= 0:
            g.ended_at = end_after(start, duration(row[i_duration]), tz)
        if not g.notes and i_workout_notes >= 0 and row[i_workout_notes].strip():
            g.notes = row[i_workout_notes].strip()
        b.add(g, row, exercise=exercise, exercise_id=eid, kind=kind, weight_kg=kg, unit=row_u,
              reps=n, rir=0 if failure else rir, note=row[i_notes] if i_notes >= 0 else "")
    return b.result(table.errors)
