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
from .common import (
    ImportFormatError,
    ImportResult,
    RowError,
    attempt,
    column,
    is_blank_or_zero,
    reps,
    rir_from_rpe,
    weight_kg,
)
from .dates import DateOrder, file_date_order
from .extents import distance_column, metres, seconds
from .rows import RowReader, SetRow, collect
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

    def __init__(self, table: CsvRows, tz: tzinfo) -> None:
        super().__init__(table, tz)
        cols = table.columns
        header = table.header_line[:120]
        if "exercise name" in cols and "set order" in cols:
            raise ImportFormatError(
                "this is a Strong export, not a Hevy one: import it as a Strong file"
            )
        if "exercise" in cols and "category" in cols:
            raise ImportFormatError(
                "this is a FitNotes export, not a Hevy one: import it as a "
                "FitNotes file (tui-tracker import fitnotes FILE)"
            )
        missing = [name for name in _REQUIRED if name not in cols]
        if missing:
            raise ImportFormatError(
                f"the first line {header!r} is not a Hevy export's header "
                f"(no {', '.join(missing)} column): {_HINT}"
            )
        self.unit: Unit
        if "weight_kg" in cols:
            self.i_weight, self.unit = cols["weight_kg"], "kg"
        elif "weight_lbs" in cols or "weight_lb" in cols:
            self.i_weight, self.unit = column(cols, "weight_lbs", "weight_lb"), "lb"
        else:
            raise ImportFormatError(
                f"the first line {header!r} has no weight_kg or weight_lbs column: {_HINT}"
            )
        self.i_title, self.i_start = cols["title"], cols["start_time"]
        self.date_column = self.i_start
        self.i_exercise, self.i_type, self.i_reps = (
            cols["exercise_title"],
            cols["set_type"],
            cols["reps"],
        )
        self.i_end = column(cols, "end_time")
        self.i_description = column(cols, "description")
        self.i_exercise_notes = column(cols, "exercise_notes")
        self.i_distance, self.distance_unit = distance_column(cols, self.unit)
        self.i_superset = column(cols, "superset_id")
        self.i_seconds = column(cols, "duration_seconds")
        self.i_rpe = column(cols, "rpe")
        self._last_end: tuple[str | None, datetime | None] = (None, None)

    def read_row(self, line: int, row: list[str]) -> SetRow | RowError | None:
        w_text, r_text = row[self.i_weight], row[self.i_reps]
        # A time or a distance (a bad one is reported, not taken for an empty cell).
        timed = (self.i_distance >= 0 and not is_blank_or_zero(row[self.i_distance])) or (
            self.i_seconds >= 0 and not is_blank_or_zero(row[self.i_seconds])
        )
        if is_blank_or_zero(r_text) and is_blank_or_zero(w_text) and not timed:
            return None  # nothing done: no reps, weight, time or distance

        problems: list[str] = []
        kind: SetKind | None = None
        failure = False
        start = attempt(problems, self.date, row[self.i_start], label="start_time: ")
        exercise = row[self.i_exercise].strip()
        eid = attempt(problems, self.exercise_id, exercise)
        set_type = row[self.i_type].strip().casefold()
        if set_type in SET_TYPES:
            kind, failure = SET_TYPES[set_type]
        elif not set_type:
            kind = "working"
        else:
            problems.append(
                f"set_type {row[self.i_type].strip()[:20]!r} is not normal, warmup, "
                "failure or dropset"
            )
        no_weight = not w_text.strip()
        if no_weight and isinstance(eid, str) and not timed:  # a run or a plank lifts nothing
            problem = self.empty_weight_problem(eid)
            if problem:
                problems.append(problem)
        kg = attempt(problems, weight_kg, w_text, self.unit)
        n = 0 if timed and is_blank_or_zero(r_text) else attempt(problems, reps, r_text)
        secs = attempt(problems, seconds, row[self.i_seconds]) if self.i_seconds >= 0 else None
        dist = (
            attempt(problems, metres, row[self.i_distance], self.distance_unit)
            if self.i_distance >= 0
            else None
        )
        rir = attempt(problems, rir_from_rpe, row[self.i_rpe]) if self.i_rpe >= 0 else None
        if problems:
            return RowError(line, "; ".join(problems))
        assert isinstance(start, datetime) and isinstance(eid, str) and kind is not None
        assert isinstance(kg, float) and isinstance(n, int)
        if no_weight and not timed:
            self.took_empty_weight(eid)
        superset = row[self.i_superset].strip() if self.i_superset >= 0 else ""
        kg = self.added_load(eid, kg)

        ends = self._end(row[self.i_end]) if self.i_end >= 0 else None
        session_note = row[self.i_description].strip() if self.i_description >= 0 else ""
        return SetRow(
            line,
            start,
            row[self.i_title].strip(),
            exercise,
            eid,
            kind,
            kg,
            self.unit,
            n,
            0 if failure else rir,
            "",
            row[self.i_exercise_notes] if self.i_exercise_notes >= 0 else "",
            ends,
            session_note,
            tuple(row),
            secs,
            dist,
            superset or None,
        )

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
    reader = HevyReader(CsvRows(text), tz)
    reader.date_order = date_order
    return reader


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
    text = text if isinstance(text, str) else list(text)
    reader = hevy_reader(text, tz=tz)
    reader.date_order, _ = file_date_order(text, reader.date_column, date_order)
    return collect(reader, catalogue)
