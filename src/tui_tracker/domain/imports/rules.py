"""The row rules every export follows, in one place so Strong, Hevy and FitNotes cannot
drift apart: what a row that is no set looks like, a row's date and exercise, its
reps, time, distance, weight and RPE, and every problem of a row reported at once.

A reader (strong.py, hevy.py, fitnotes.py) finds its columns in the header and reads
what is its own (set kinds, units, notes, the session's end) with these; rows.py walks
the file and makes sessions of the rows.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import NamedTuple

from ..bodyweight import is_assisted
from ..catalogue import Catalogue, custom_id
from ..inputs import InputError
from ..models import Exercise, SetKind, Unit
from ..text import clean_text
from .common import (
    _show,
    attempt,
    is_blank_or_zero,
    reps,
    rir_from_rpe,
    row_unit,
    weight_kg,
)
from .dates import DateOrder, local_datetime
from .extents import DistanceUnit, metres, row_distance_unit, seconds
from .names import find_exported
from .results import ImportFormatError, RowError
from .table import CsvRows

#: Parsed date cells kept for reuse (every row of a session repeats its date).
_DATE_CACHE = 4096


class SetRow(NamedTuple):
    """One row that is a valid set, with what it says about its session.

    Plain values only (it may be parked on disk between the two steps).  `start` is
    the session's local start (naive), `ends` its end if the row says, `cells` the
    row as read (the set's id is made from them).
    """

    line: int
    start: datetime
    workout: str
    exercise: str
    exercise_id: str
    kind: SetKind
    weight_kg: float
    unit: Unit
    reps: int
    rir: int | None
    note: str
    exercise_note: str
    ends: datetime | None
    session_note: str
    cells: tuple[str, ...]
    duration_s: int | None = None  # a timed set (a plank, cardio)
    distance_m: float | None = None  # a carry, a sled push, a run
    superset: str | None = None  # Hevy's superset_id


class Context(NamedTuple):
    """What a row says besides its set: its session's name, end and note, the set's
    note and its exercise's note (the first set of the exercise in the session takes
    it), its superset."""

    workout: str = ""
    ends: datetime | None = None
    session_note: str = ""
    note: str = ""
    exercise_note: str = ""
    superset: str | None = None


_NO_CONTEXT = Context()


class RowRules:
    """What a reader knows of one row, the same for every app.

    A subclass sets the columns it found (`date_column`, `i_exercise`, `i_reps`, and
    the optional ones, -1 when the file lacks them) and reads its rows with these:
    `skipped` (a row that is no set), `date_and_exercise`, `weight_of`, `reps_of`,
    `extent`, `rir_of`; each adds what is wrong to the row's `problems`, so a row
    reports every bad cell at once (`row_error`); a good row becomes a `set_row`.
    """

    #: The app as its name is written in messages ("Strong").
    app = ""
    #: The names of the columns of the session's date, the exercise and the reps, which
    #: every export of the app has (`check_header` finds them).
    key_columns = ("date", "exercise", "reps")
    #: The column of the session's date (its order of day and month is the file's).
    date_column = -1
    #: What a bad date is prefixed with in the row's message (Hevy names the column).
    date_label = ""
    #: Columns every format has (found by the subclass); -1 for optional ones it lacks.
    i_exercise = i_reps = -1
    i_rpe = i_seconds = i_distance = i_distance_unit = -1
    #: The distance column's unit when no Distance Unit cell says it.
    distance_unit: DistanceUnit = "m"
    #: True where a row of time or distance and no reps is skipped as cardio (FitNotes:
    #: this version keeps its strength sets only), not read as a timed or distance set.
    skips_cardio = False
    #: True where the app logs an assisted exercise's assistance as its (positive)
    #: weight, kept here as a negative added load (`added_load`); FitNotes' rows keep
    #: their weight as written.
    logs_assistance = True

    def __init__(self, table: CsvRows, tz: tzinfo, date_order: DateOrder | None) -> None:
        self.table = table
        self.tz = tz
        #: day or month first in slashed dates (dates.py); set before reading rows
        self.date_order = date_order
        self.catalogue = Catalogue()
        #: rows skipped as cardio (where `skips_cardio`)
        self.cardio_rows = 0
        self._exercise: dict[str, str | InputError] = {}
        self._new: dict[str, Exercise] = {}
        self._bodyweight_new: set[str] = set()
        self._dates: dict[str, datetime | InputError] = {}

    # the header, shared by the readers ---------------------------------------------

    def check_header(
        self, columns: dict[str, int], required: tuple[str, ...], hint: str, **others: str
    ) -> None:
        """Raises ImportFormatError for a file that is not this app's export: another
        app's (`others`: the app's name -> a column only its export has, "+"-joined
        when it takes two), or a header without a column every export of it has.
        Then finds the key columns (`key_columns`, among the `required` ones)."""
        for other, signs in others.items():
            if all(sign in columns for sign in signs.split("+")):
                raise wrong_app(other, self.app)
        missing = [name for name in required if name not in columns]
        if missing:
            raise ImportFormatError(
                f"the first line {self.table.header_line[:120]!r} is not a {self.app} "
                f"export's header (no {', '.join(missing)} column): {hint}"
            )
        self.date_column, self.i_exercise, self.i_reps = (columns[k] for k in self.key_columns)

    # the row rules, shared by the readers --------------------------------------------

    def timed(self, row: list[str]) -> bool:
        """Whether the row has a time or a distance (a bad one counts: it is reported,
        not taken for an empty cell)."""
        return (self.i_distance >= 0 and not is_blank_or_zero(row[self.i_distance])) or (
            self.i_seconds >= 0 and not is_blank_or_zero(row[self.i_seconds])
        )

    def skipped(self, row: list[str], weight: str, timed: bool) -> bool:
        """Whether the row is no set at all: no reps, and no weight, time or distance
        (nothing done).  Where the format skips cardio, a row of no reps is skipped
        when it has time or distance too, and counted in `cardio_rows`."""
        if not is_blank_or_zero(row[self.i_reps]):
            return False
        if self.skips_cardio:
            if is_blank_or_zero(weight) or timed:
                self.cardio_rows += 1
                return True
            return False
        return is_blank_or_zero(weight) and not timed

    def date_and_exercise(
        self, row: list[str], problems: list[str]
    ) -> tuple[datetime | None, str, str | None]:
        """(the session's start, the exercise's name as written, its id); a bad date or
        name is added to `problems` and given as None."""
        start = attempt(problems, self.date, row[self.date_column], label=self.date_label)
        exercise = row[self.i_exercise].strip()
        return start, exercise, attempt(problems, self.exercise_id, exercise)

    def reps_of(self, row: list[str], timed: bool, problems: list[str]) -> int | None:
        """The row's reps: 0 for a timed or distance set without any."""
        text = row[self.i_reps]
        return 0 if timed and is_blank_or_zero(text) else attempt(problems, reps, text)

    def extent(self, row: list[str], problems: list[str]) -> tuple[int | None, float | None]:
        """The row's time (seconds) and distance (metres), each None when empty or 0."""
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

    def rir_of(self, row: list[str], failure: bool, problems: list[str]) -> int | None:
        """RIR from the row's RPE (None when the file has none): 0 for a set to failure."""
        rir = attempt(problems, rir_from_rpe, row[self.i_rpe]) if self.i_rpe >= 0 else None
        return 0 if failure else rir

    @staticmethod
    def row_error(line: int, problems: list[str]) -> RowError:
        """The row's problems, every one of them, in one message."""
        return RowError(line, "; ".join(problems))

    @staticmethod
    def weight_of(
        text: str, unit_cell: str | None, fallback: Unit | None, problems: list[str], no_unit: str
    ) -> tuple[Unit | None, float | None]:
        """(unit, kg) of the row's weight `text`: in the unit its unit cell says (None when
        the file has no unit column), else `fallback`.  An empty weight needs no unit (kg);
        any other one does (`no_unit` says how to give it)."""
        try:
            unit = fallback if unit_cell is None else row_unit(unit_cell, fallback)
            if unit is None:
                if not is_blank_or_zero(text):
                    raise InputError(no_unit)
                unit = "kg"
            return unit, weight_kg(text, unit)
        except InputError as e:
            problems.append(str(e))
            return None, None

    def set_row(
        self,
        line: int,
        row: list[str],
        start: datetime | None,
        exercise: tuple[str, str | None],
        kind: SetKind | None,
        load: tuple[Unit | None, float | None],
        n: int | None,
        rir: int | None,
        extent: tuple[int | None, float | None] = (None, None),
        context: Context = _NO_CONTEXT,
    ) -> SetRow:
        """The checked row as a SetRow (once it has no problems, nothing is None);
        `exercise` is (the name as written, its id), `load` (unit, kg as written)."""
        (name, eid), (unit, kg) = exercise, load
        assert start is not None and eid is not None and kind is not None
        assert unit is not None and kg is not None and n is not None
        return SetRow(
            line=line,
            start=start,
            workout=context.workout,
            exercise=name,
            exercise_id=eid,
            kind=kind,
            weight_kg=self.added_load(eid, kg) if self.logs_assistance else kg,
            unit=unit,
            reps=n,
            rir=rir,
            note=context.note,
            exercise_note=context.exercise_note,
            ends=context.ends,
            session_note=context.session_note,
            cells=tuple(row),
            duration_s=extent[0],
            distance_m=extent[1],
            superset=context.superset,
        )

    # dates, names and loads, shared by the readers ----------------------------------

    def date(self, text: str) -> datetime:
        """Naive local date-time, cached: every row of a session repeats it."""
        cached = self._dates.get(text)
        if cached is None:
            try:
                cached = local_datetime(text, self.tz, self.date_order)
            except InputError as e:
                cached = e
            if len(self._dates) >= _DATE_CACHE:
                self._dates.clear()
            self._dates[text] = cached
        if isinstance(cached, InputError):
            raise cached
        return cached

    def exercise_id(self, name: str) -> str:
        """The catalogue's id for `name`, or the id of a new exercise of the lifter's."""
        cached = self._exercise.get(name)
        if cached is None:
            cached = self._resolve(name)
            self._exercise[name] = cached
        if isinstance(cached, InputError):
            raise cached
        return cached

    def _resolve(self, name: str) -> str | InputError:
        clean = " ".join(clean_text(name).split())  # no control characters in a stored name
        if not clean:
            return InputError("the exercise name is empty")
        found = find_exported(self.catalogue, clean)
        if found is not None:
            return found.id
        try:
            eid = custom_id(clean)
        except ValueError:
            return InputError(f"exercise name {_show(clean)} needs a letter or digit")
        if eid in self.catalogue:  # the lifter's own exercise, renamed since
            return eid
        if eid not in self._new:
            self._new[eid] = Exercise(id=eid, name=clean, primary=(), custom=True)
        return eid

    def empty_weight_problem(self, exercise_id: str) -> str | None:
        """Why a set of this exercise cannot have an empty weight, or None when it can:
        a bodyweight exercise, or a new one (the file knows it better than we do)."""
        ex = self.catalogue.get(exercise_id)
        if ex is None or ex.bodyweight:
            return None
        return f"weight is empty, and {ex.name} is not a bodyweight exercise"

    def added_load(self, exercise_id: str, kg: float) -> float:
        """The row's weight as this app keeps it: on an assisted exercise (an assisted
        pull-up) the apps log the assistance, which here is a negative added load."""
        ex = self.catalogue.get(exercise_id)
        return -kg if kg > 0 and ex is not None and is_assisted(ex) else kg

    def took_empty_weight(self, exercise_id: str) -> None:
        """A set without weight was accepted: a new exercise becomes bodyweight."""
        if exercise_id in self._new:
            self._bodyweight_new.add(exercise_id)


def wrong_app(found: str, wanted: str) -> ImportFormatError:
    """The refusal of another app's export given to `wanted`'s import."""
    how = " (tui-tracker import fitnotes FILE)" if found == "FitNotes" else ""
    return ImportFormatError(
        f"this is a {found} export, not a {wanted} one: import it as a {found} file{how}"
    )


def check_unit(unit: str | None) -> None:
    """Raises ImportFormatError for a unit that is not kg, lb or None (not said)."""
    if unit not in (None, "kg", "lb"):
        raise ImportFormatError(f"unit {unit!r} is not kg or lb")
