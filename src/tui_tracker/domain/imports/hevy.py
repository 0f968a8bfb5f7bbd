"""Hevy's CSV export to our sessions.

Header: `"title","start_time","end_time","description","exercise_title","superset_id",
"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",
"duration_seconds","rpe"` (`weight_lbs` / `distance_miles` for an account in pounds).
Dates look like `30 Jan 2025, 12:34`.  One session per (title, start_time);
set_type is normal, warmup, failure (RIR 0) or dropset; `superset_id` labels the sets
of exercises done in rounds; duration_seconds and distance_km (distance_miles,
distance_meters) make a timed or distance set (extents.py), cardio included.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from collections.abc import Iterable

from ..catalogue import Catalogue
from ..inputs import InputError
from ..models import SetKind, Unit
from .common import ImportFormatError, ImportResult, RowError, column
from .dates import DateOrder
from .extents import distance_column
from .rows import RowReader, SetRow, parse_all
from .rules import Context
from .table import CsvRows

#: set_type -> (kind, to failure)
SET_TYPES: dict[str, tuple[SetKind, bool]] = {
    "normal": ("working", False),
    "warmup": ("warmup", False),
    "failure": ("failure", True),
    "dropset": ("drop", False),
}
_REQUIRED = ("title", "start_time", "exercise_title", "set_type", "reps")
_HINT = 'expected Hevy\'s CSV export, whose first line starts with \'"title","start_time"\''


class HevyReader(RowReader):
    """The rows of a Hevy export, one at a time (see RowReader).

    Hevy leaves the weight empty for its bodyweight exercises: an empty weight is
    bodyweight (0 kg) on a bodyweight exercise or a name the catalogue does not
    know, and a bad row on a loaded exercise (its load was not recorded).
    """

    source = "hevy"
    app = "Hevy"
    key_columns = ("start_time", "exercise_title", "reps")
    date_label = "start_time: "

    def __init__(self, table: CsvRows, tz: tzinfo, date_order: DateOrder | None = None) -> None:
        super().__init__(table, tz, date_order)
        cols = table.columns
        self.check_header(
            cols, _REQUIRED, _HINT, Strong="exercise name+set order", FitNotes="exercise+category"
        )
        self.unit: Unit
        if "weight_kg" in cols:
            self.i_weight, self.unit = cols["weight_kg"], "kg"
        elif "weight_lbs" in cols or "weight_lb" in cols:
            self.i_weight, self.unit = column(cols, "weight_lbs", "weight_lb"), "lb"
        else:
            raise ImportFormatError(
                f"the first line {table.header_line[:120]!r} has no weight_kg or weight_lbs "
                f"column: {_HINT}"
            )
        self.i_title, self.i_type = cols["title"], cols["set_type"]
        self.i_end = column(cols, "end_time")
        self.i_description = column(cols, "description")
        self.i_exercise_notes = column(cols, "exercise_notes")
        self.i_distance, self.distance_unit = distance_column(cols, self.unit)
        self.i_superset = column(cols, "superset_id")
        self.i_seconds = column(cols, "duration_seconds")
        self.i_rpe = column(cols, "rpe")
        self._last_end: tuple[str | None, datetime | None] = (None, None)

    def read_row(self, line: int, row: list[str]) -> SetRow | RowError | None:
        w_text = row[self.i_weight]
        timed = self.timed(row)
        if self.skipped(row, w_text, timed):
            return None  # nothing done: no reps, weight, time or distance

        problems: list[str] = []
        start, exercise, eid = self.date_and_exercise(row, problems)
        kind, failure = self._set_type(row[self.i_type], problems)
        no_weight = not w_text.strip() and not timed  # a run or a plank lifts nothing
        if no_weight and eid is not None:
            problem = self.empty_weight_problem(eid)
            if problem:
                problems.append(problem)
        load = self.weight_of(w_text, None, self.unit, problems, "")
        n = self.reps_of(row, timed, problems)
        extent = self.extent(row, problems)
        rir = self.rir_of(row, failure, problems)
        if problems:
            return self.row_error(line, problems)
        assert eid is not None
        if no_weight:
            self.took_empty_weight(eid)
        superset = row[self.i_superset].strip() if self.i_superset >= 0 else ""
        about = Context(
            workout=row[self.i_title].strip(),
            ends=self._end(row[self.i_end]) if self.i_end >= 0 else None,
            session_note=row[self.i_description].strip() if self.i_description >= 0 else "",
            exercise_note=row[self.i_exercise_notes] if self.i_exercise_notes >= 0 else "",
            superset=superset or None,
        )
        return self.set_row(line, row, start, (exercise, eid), kind, load, n, rir, extent, about)

    @staticmethod
    def _set_type(text: str, problems: list[str]) -> tuple[SetKind | None, bool]:
        """(kind, to failure) for a set_type cell; empty is a working set."""
        set_type = text.strip().casefold()
        if set_type in SET_TYPES:
            return SET_TYPES[set_type]
        if not set_type:
            return "working", False
        problems.append(f"set_type {text.strip()[:20]!r} is not normal, warmup, failure or dropset")
        return None, False

    def _end(self, text: str) -> datetime | None:
        """The session's end_time, or None when empty or unreadable (its sets are worth
        more than the end).  Every row of a session repeats it: the last answer is kept."""
        if text != self._last_end[0]:
            ends = None
            if text.strip():
                try:
                    ends = self.date(text).replace(tzinfo=self.tz)
                except InputError:
                    pass
            self._last_end = (text, ends)
        return self._last_end[1]


def hevy_reader(
    text: str | Iterable[str], *, tz: tzinfo, date_order: DateOrder | None = None
) -> HevyReader:
    """A reader over a Hevy export's rows; the header is checked now.

    Raises ImportFormatError when the file is not a Hevy export at all.
    """
    return HevyReader(CsvRows(text), tz, date_order)


def parse_hevy(
    text: str | Iterable[str],
    *,
    catalogue: Catalogue,
    tz: tzinfo,
    date_order: DateOrder | None = None,
) -> ImportResult:
    """Hevy's CSV export as sessions, all at once; bad rows become errors, the rest is
    imported.  Raises ImportFormatError when the file is not a Hevy export at all, or
    when its dates could be day or month first and `date_order` does not say."""
    return parse_all(text, lambda t: hevy_reader(t, tz=tz), catalogue, date_order)
