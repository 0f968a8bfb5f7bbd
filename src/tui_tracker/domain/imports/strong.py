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
from .common import ImportFormatError, ImportResult, RowError, attempt, column, duration, end_after
from .dates import DateOrder
from .extents import distance_column, distance_unit_column
from .headers import strong_columns
from .rows import RowReader, SetRow, check_unit, parse_all
from .rules import Context
from .table import CsvRows

NOT_SETS = frozenset({"note", "notes", "rest timer", "rest"})
_REQUIRED = ("date", "workout name", "exercise name", "set order", "reps")
_HINT = (
    "expected Strong's CSV export, whose first line starts with "
    "'Date,Workout Name' or '\"Workout #\";\"Date\"'"
)


def _layout(columns: dict[str, int], header: str, unit: Unit | None) -> tuple[int, Unit | None]:
    """(weight column, unit for every row or None when each row says)."""
    if "weight unit" in columns and "weight" in columns:
        return columns["weight"], None  # legacy
    if "weight (kg)" in columns:
        return columns["weight (kg)"], "kg"  # Android
    for name in ("weight (lbs)", "weight (lb)"):
        if name in columns:
            return columns[name], "lb"
    if "weight" in columns:  # iOS
        if unit is None:
            raise ImportFormatError(
                "Strong's iOS export has no unit column: rerun with --unit kg or --unit lb"
            )
        return columns["weight"], unit
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
    app = "Strong"
    key_columns = ("date", "exercise name", "reps")

    def __init__(
        self, table: CsvRows, unit: Unit | None, tz: tzinfo, date_order: DateOrder | None = None
    ) -> None:
        super().__init__(table, tz, date_order)
        cols = strong_columns(table.columns)  # German names read as English ones
        self.check_header(cols, _REQUIRED, _HINT, Hevy="exercise_title+start_time")
        self.i_weight, self.file_unit = _layout(cols, table.header_line, unit)
        self.unit = unit
        self.i_name, self.i_order = cols["workout name"], cols["set order"]
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
        timed = self.timed(row)
        if self.skipped(row, row[self.i_weight], timed):
            return None  # nothing done: no reps, weight, time or distance

        problems: list[str] = []
        start, exercise, eid = self.date_and_exercise(row, problems)
        kind, failure = attempt(problems, _set_kind, order) or (None, False)
        has_unit = self.i_unit >= 0
        load = self.weight_of(
            row[self.i_weight],
            row[self.i_unit] if has_unit else None,
            self.unit if has_unit else self.file_unit,
            problems,
            "the weight unit is empty: rerun with --unit kg or --unit lb",
        )
        extent = self.extent(row, problems)
        n = self.reps_of(row, timed, problems)
        rir = self.rir_of(row, failure, problems)
        if problems:
            return self.row_error(line, problems)
        assert start is not None
        about = Context(
            workout=row[self.i_name].strip(),
            ends=self._end(row[self.date_column], start, row[self.i_duration])
            if self.i_duration >= 0
            else None,
            session_note=row[self.i_workout_notes].strip() if self.i_workout_notes >= 0 else "",
            note=row[self.i_notes] if self.i_notes >= 0 else "",
        )
        return self.set_row(line, row, start, (exercise, eid), kind, load, n, rir, extent, about)

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
    check_unit(unit)
    return StrongReader(CsvRows(text), unit, tz, date_order)


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
    return parse_all(text, lambda t: strong_reader(t, unit=unit, tz=tz), catalogue, date_order)
