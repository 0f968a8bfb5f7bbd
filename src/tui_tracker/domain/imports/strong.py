"""Strong's CSV export, in the three layouts seen in the wild, to our sessions.

- iOS, comma-separated: `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,
  Reps,Distance,Seconds,Notes,Workout Notes,RPE` (or without the two notes
  columns).  Weights are in the app's unit and the file does not say which, so
  the caller must pass `unit`.
- Android, semicolon-separated and quoted: `"Workout #";"Date";...;"Weight (kg)";...`
  (`Weight (lbs)` for pounds), durations in seconds.
- Legacy, semicolon-separated, with a `Weight Unit` on every row.

One session per (Date, Workout Name).  `Set Order` is a number for a working
set, W for a warm-up, D for a drop set, F for a set to failure (RIR 0); Note and
Rest Timer rows are not sets and are skipped.  `Seconds` and `Distance` make a
timed or distance set (a plank, a carry, cardio: see extents.py), with 0 reps when
the row has none.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from collections.abc import Iterable

from ..catalogue import Catalogue
from ..inputs import InputError
from ..models import SetKind, Unit
from .common import (
    ImportFormatError,
    ImportResult,
    RowError,
    attempt,
    column,
    duration,
    end_after,
    is_blank_or_zero,
    reps,
    rir_from_rpe,
    row_unit,
    weight_kg,
)
from .dates import DateOrder, file_date_order
from .extents import distance_column, distance_unit_column, metres, row_distance_unit, seconds
from .headers import strong_columns
from .rows import RowReader, SetRow, collect
from .table import CsvRows

NOT_SETS = frozenset({"note", "notes", "rest timer", "rest"})
_REQUIRED = ("date", "workout name", "exercise name", "set order", "reps")
_HINT = (
    "expected Strong's CSV export, whose first line starts with "
    "'Date,Workout Name' or '\"Workout #\";\"Date\"'"
)


def _layout(
    columns: dict[str, int], header: str, unit: Unit | None
) -> tuple[str, int, Unit | None]:
    """(layout, weight column, unit for every row or None when each row says)."""
    if "exercise_title" in columns and "start_time" in columns:
        raise ImportFormatError("this is a Hevy export, not a Strong one: import it as a Hevy file")
    missing = [name for name in _REQUIRED if name not in columns]
    if missing:
        raise ImportFormatError(
            f"the first line {header[:120]!r} is not a Strong export's header "
            f"(no {', '.join(missing)} column): {_HINT}"
        )
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
                "Strong's iOS export has no unit column: rerun with --unit kg or --unit lb"
            )
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
        return "drop", False
    if key == "f":
        return "failure", True
    raise InputError(
        f"set order {order.strip()[:20]!r} is not a number, W, D, F, Note or Rest Timer"
    )


class StrongReader(RowReader):
    """The rows of a Strong export, one at a time (see RowReader)."""

    source = "strong"

    def __init__(self, table: CsvRows, unit: Unit | None, tz: tzinfo) -> None:
        super().__init__(table, tz)
        cols = strong_columns(table.columns)  # German names read as English ones
        _, self.i_weight, self.file_unit = _layout(cols, table.header_line, unit)
        self.unit = unit
        self.i_date, self.i_name = cols["date"], cols["workout name"]
        self.date_column = self.i_date
        self.i_exercise, self.i_order, self.i_reps = (
            cols["exercise name"],
            cols["set order"],
            cols["reps"],
        )
        self.i_rpe = column(cols, "rpe")
        self.i_unit = column(cols, "weight unit")
        self.i_duration = column(
            cols, "duration", "duration (sec)", "duration (seconds)", "workout duration"
        )
        self.i_distance, self.distance_unit = distance_column(cols, self.file_unit)
        self.i_distance_unit = distance_unit_column(cols)
        self.i_seconds = column(cols, "seconds")
        self.i_notes = column(cols, "notes")
        self.i_workout_notes = column(cols, "workout notes")
        self._last_end: tuple[tuple[str, str] | None, datetime | None] = (None, None)

    def read_row(self, line: int, row: list[str]) -> SetRow | RowError | None:
        order = row[self.i_order]
        if order.strip().casefold() in NOT_SETS:
            return None
        w_text, r_text = row[self.i_weight], row[self.i_reps]
        # A time or a distance (a bad one is reported, not taken for an empty cell).
        timed = (self.i_distance >= 0 and not is_blank_or_zero(row[self.i_distance])) or (
            self.i_seconds >= 0 and not is_blank_or_zero(row[self.i_seconds])
        )
        if is_blank_or_zero(r_text) and is_blank_or_zero(w_text) and not timed:
            return None  # nothing done: no reps, weight, time or distance

        problems: list[str] = []
        start = kind = failure = row_u = kg = n = rir = eid = None
        start = attempt(problems, self.date, row[self.i_date])
        exercise = row[self.i_exercise].strip()
        eid = attempt(problems, self.exercise_id, exercise)
        try:
            kind, failure = _set_kind(order)
        except InputError as e:
            problems.append(str(e))
        try:
            row_u = self.file_unit if self.i_unit < 0 else row_unit(row[self.i_unit], self.unit)
            if row_u is None:
                if is_blank_or_zero(w_text):
                    row_u = "kg"
                else:
                    raise InputError("the weight unit is empty: rerun with --unit kg or --unit lb")
            kg = weight_kg(w_text, row_u)
        except InputError as e:
            problems.append(str(e))
        secs, dist = self._extent(row, problems)
        n = 0 if timed and is_blank_or_zero(r_text) else attempt(problems, reps, r_text)
        rir = attempt(problems, rir_from_rpe, row[self.i_rpe]) if self.i_rpe >= 0 else None
        if problems:
            return RowError(line, "; ".join(problems))
        assert isinstance(start, datetime) and isinstance(eid, str) and kind is not None
        assert row_u is not None and kg is not None and isinstance(n, int)

        ends = (
            self._end(row[self.i_date], start, row[self.i_duration])
            if self.i_duration >= 0
            else None
        )
        session_note = row[self.i_workout_notes].strip() if self.i_workout_notes >= 0 else ""
        kg = self.added_load(eid, kg)
        return SetRow(
            line,
            start,
            row[self.i_name].strip(),
            exercise,
            eid,
            kind,
            kg,
            row_u,
            n,
            0 if failure else rir,
            row[self.i_notes] if self.i_notes >= 0 else "",
            "",
            ends,
            session_note,
            tuple(row),
            secs,
            dist,
        )

    def _extent(self, row: list[str], problems: list[str]) -> tuple[int | None, float | None]:
        """The row's Seconds and Distance (in metres), each None when empty or 0."""
        secs = attempt(problems, seconds, row[self.i_seconds]) if self.i_seconds >= 0 else None
        dist = None
        if self.i_distance >= 0:
            try:
                unit = (
                    self.distance_unit
                    if self.i_distance_unit < 0
                    else row_distance_unit(row[self.i_distance_unit], self.distance_unit)
                )
                dist = metres(row[self.i_distance], unit)
            except InputError as e:
                problems.append(str(e))
        return secs, dist

    def _end(self, date_text: str, start: datetime, duration_text: str) -> datetime | None:
        """The session's end from its start and duration; every row of a session repeats
        both, so the last answer is kept."""
        key = (date_text, duration_text)
        if key != self._last_end[0]:
            self._last_end = (key, end_after(start, duration(duration_text), self.tz))
        return self._last_end[1]


def strong_reader(
    text: str | Iterable[str], *, unit: Unit | None, tz: tzinfo, date_order: DateOrder | None = None
) -> StrongReader:
    """A reader over a Strong export's rows; the header is checked now.

    `unit` is the unit the app was set to: required for the iOS layout, which
    does not say; the other layouts carry their unit and ignore it.  Raises
    ImportFormatError when the file is not a Strong export at all.
    """
    if unit not in (None, "kg", "lb"):
        raise ImportFormatError(f"unit {unit!r} is not kg or lb")
    reader = StrongReader(CsvRows(text), unit, tz)
    reader.date_order = date_order
    return reader


def parse_strong(
    text: str | Iterable[str],
    *,
    catalogue: Catalogue,
    unit: Unit | None,
    tz: tzinfo,
    date_order: DateOrder | None = None,
) -> ImportResult:
    """Strong's CSV export as sessions, all at once; bad rows become errors, the rest is
    imported.  Raises ImportFormatError when the file is not a Strong export at all, or
    when its dates could be day or month first and `date_order` does not say."""
    text = text if isinstance(text, str) else list(text)
    reader = strong_reader(text, unit=unit, tz=tz)
    reader.date_order, _ = file_date_order(text, reader.date_column, date_order)
    return collect(reader, catalogue)
