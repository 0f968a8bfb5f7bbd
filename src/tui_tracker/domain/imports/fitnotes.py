"""FitNotes' CSV export ("Spreadsheet Export", Workout Data) to our sessions.

- Android: `Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,
  Comment`, the unit on every row (`kgs` / `lbs`).
- iOS: `Date,Exercise,Category,Weight (kg),Weight (lbs),Reps,Distance,Distance Unit,Time,
  Notes,Kind`, the weight in both units; the kg column is read unless the lifter asks
  for pounds (`unit="lb"`), or only the pounds column is filled.

One row is one set, in the order lifted; a date is one session (FitNotes keeps no
workout name or clock time: the session starts at midnight).  FitNotes has no set
types or RPE: every set is a working set with no RIR, unless the iOS `Kind` cell says
warm-up.  A row of distance or time with no reps is cardio or a timed hold: not a
strength set, counted in `cardio_rows` and skipped.
"""

from __future__ import annotations

from datetime import tzinfo
from collections.abc import Iterable

from ..catalogue import Catalogue
from ..models import SetKind, Unit
from .common import (
    ImportFormatError,
    ImportResult,
    RowError,
    column,
    duration,
    is_blank_or_zero,
    is_positive,
)
from .dates import DateOrder
from .rows import RowReader, SetRow, check_unit, parse_all
from .rules import Context
from .table import CsvRows

_REQUIRED = ("date", "exercise", "reps")
_HINT = (
    "expected FitNotes' CSV export (Settings, Spreadsheet Export, Workout Data), whose "
    "first line starts with 'Date,Exercise,Category'"
)
_UNITS = frozenset({"", "kg", "kgs", "lb", "lbs"})
_WARMUP = frozenset({"warmup", "warm-up", "warm up", "warm_up", "w"})


class FitNotesReader(RowReader):
    """The rows of a FitNotes export, one at a time (see RowReader)."""

    source = "fitnotes"
    app = "FitNotes"
    skips_cardio = True
    logs_assistance = False

    def __init__(
        self, table: CsvRows, unit: Unit | None, tz: tzinfo, date_order: DateOrder | None = None
    ) -> None:
        super().__init__(table, tz, date_order)
        cols = table.columns
        header = table.header_line[:120]
        self.check_header(cols, _REQUIRED, _HINT, Hevy="exercise_title", Strong="exercise name")
        self.i_kg = column(cols, "weight (kg)", "weight (kgs)")
        self.i_lb = column(cols, "weight (lbs)", "weight (lb)")
        self.i_weight = column(cols, "weight")
        self.i_unit = column(cols, "weight unit")
        if self.i_weight >= 0 and self.i_unit < 0 and self.i_kg < 0 and self.i_lb < 0:
            raise ImportFormatError(
                f"the first line {header!r} has a Weight column but no Weight Unit: {_HINT}"
            )
        if self.i_weight < 0 and self.i_kg < 0 and self.i_lb < 0:
            raise ImportFormatError(f"the first line {header!r} has no weight column: {_HINT}")
        self.unit = unit
        self.i_distance = column(cols, "distance")
        self.i_time = column(cols, "time")
        self.i_note = column(cols, "comment", "notes", "note")
        self.i_kind = column(cols, "kind")

    def read_row(self, line: int, row: list[str]) -> SetRow | RowError | None:
        w_text, unit_text = self._weight_cell(row)
        timed = self.timed(row)
        if self.skipped(row, w_text, timed):
            return None  # cardio or a timed hold, or nothing done

        problems: list[str] = []
        start, exercise, eid = self.date_and_exercise(row, problems)
        load = self.weight_of(
            w_text, unit_text, None, problems, "the weight unit is empty (kgs or lbs)"
        )
        n = self.reps_of(row, timed, problems)
        if problems:
            return self.row_error(line, problems)
        kind: SetKind = "working"
        if self.i_kind >= 0 and row[self.i_kind].strip().casefold() in _WARMUP:
            kind = "warmup"
        note = row[self.i_note] if self.i_note >= 0 else ""
        return self.set_row(
            line, row, start, (exercise, eid), kind, load, n, None, context=Context(note=note)
        )

    def refit(self, row: list[str], width: int) -> list[str]:
        """FitNotes writes a name or a comment with a comma in it unquoted ("Row, wide
        grip"): a row with more cells than the header is put back together when exactly
        one way of giving the extra cells to the exercise name and the comment leaves
        numbers in the number columns and a unit in the unit column."""
        extra = len(row) - width
        if self.i_note <= self.i_exercise:
            return row
        fits = []
        for to_name in range(extra + 1):
            to_note = extra - to_name
            name_end = self.i_exercise + 1 + to_name
            note_start = name_end + (self.i_note - self.i_exercise - 1)
            candidate = [
                *row[: self.i_exercise],
                ",".join(row[self.i_exercise : name_end]),
                *row[name_end:note_start],
                ",".join(row[note_start : note_start + to_note + 1]),
                *row[note_start + to_note + 1 :],
            ]
            if len(candidate) == width and self._plausible(candidate):
                fits.append(candidate)
        return fits[0] if len(fits) == 1 else row

    def _plausible(self, row: list[str]) -> bool:
        numbers = [
            i for i in (self.i_weight, self.i_kg, self.i_lb, self.i_reps, self.i_distance) if i >= 0
        ]
        if not all(
            not row[i].strip() or is_blank_or_zero(row[i]) or is_positive(row[i]) for i in numbers
        ):
            return False
        if self.i_unit >= 0 and row[self.i_unit].strip().casefold() not in _UNITS:
            return False
        return (
            self.i_time < 0
            or not row[self.i_time].strip()
            or duration(row[self.i_time]) is not None
        )

    def _weight_cell(self, row: list[str]) -> tuple[str, str]:
        """(weight text, unit text): the unit as the row's cell says it (Android) or the
        column's unit (iOS, the kg column unless pounds are asked for or only they are
        filled)."""
        if self.i_unit >= 0 and self.i_weight >= 0:
            return row[self.i_weight], row[self.i_unit]
        kg = row[self.i_kg] if self.i_kg >= 0 else ""
        lb = row[self.i_lb] if self.i_lb >= 0 else ""
        if (self.unit == "lb" and lb.strip()) or not kg.strip():
            return (lb, "lb") if self.i_lb >= 0 else (kg, "kg")
        return kg, "kg"

    def timed(self, row: list[str]) -> bool:
        """A distance above 0 or a time above 0:00:00 (FitNotes' Time is a clock time)."""
        if self.i_distance >= 0 and is_positive(row[self.i_distance]):
            return True
        if self.i_time >= 0:
            span = duration(row[self.i_time])
            return span is not None and span.total_seconds() > 0
        return False


def fitnotes_reader(
    text: str | Iterable[str],
    *,
    tz: tzinfo,
    unit: Unit | None = None,
    date_order: DateOrder | None = None,
) -> FitNotesReader:
    """A reader over a FitNotes export's rows; the header is checked now.

    `unit` picks the iOS export's weight column ("lb": Weight (lbs)); the Android
    export says its unit on every row.  Raises ImportFormatError when the file is
    not a FitNotes export at all.
    """
    check_unit(unit)
    return FitNotesReader(CsvRows(text), unit, tz, date_order)


def parse_fitnotes(
    text: str | Iterable[str],
    *,
    catalogue: Catalogue,
    tz: tzinfo,
    unit: Unit | None = None,
    date_order: DateOrder | None = None,
) -> ImportResult:
    """FitNotes' CSV export as sessions, all at once; bad rows become errors, the rest is
    imported.  Raises ImportFormatError when the file is not a FitNotes export, or when
    its dates could be day or month first and `date_order` does not say."""
    return parse_all(text, lambda t: fitnotes_reader(t, tz=tz, unit=unit), catalogue, date_order)
