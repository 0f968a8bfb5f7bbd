"""From CSV rows to our sessions, in two steps so a file of any size fits in memory.

1. A reader (strong.py, hevy.py, fitnotes.py) walks the file once and turns each data row into
   a `SetRow` (a checked set plus what it says about its session) or a RowError,
   resolving exercise names against the catalogue as it goes.  It keeps only
   counters and one entry per exercise name, never the rows.
2. `assemble` groups set rows into sessions.  The caller may hand it the rows of
   one month at a time (a session's rows all fall in the month it started), so
   only a month is ever held; ids come out the same however the rows are batched.

Ids are derived from the file's content (the app, the session's start and name,
each set's place in its session and its cells), so importing the same file twice
gives the same sessions and the caller can skip the ones it already has.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import datetime, tzinfo
from collections.abc import Callable, Iterable, Iterator

from ..catalogue import Catalogue
from ..models import Exercise, LoggedSet, Session
from .common import MAX_DURATION
from .dates import DateOrder, file_date_order
from .results import ImportResult, RowError
from .rules import RowRules, SetRow, check_unit, wrong_app
from .table import CsvRows, check_width

__all__ = ["RowReader", "SetRow", "assemble", "check_unit", "collect", "parse_all", "wrong_app"]


class RowReader(RowRules):
    """Walks an export's rows once; a subclass turns one row into a SetRow (with the
    row rules of rules.py).

    Counts as it goes: `rows_read` data rows, each of which ends up as a set
    (`sets_read`), an error, or skipped (`rows_skipped`: notes, rest timers, rows
    with nothing in them, and cardio where the format skips it: `cardio_rows`).
    """

    #: The app, part of every session id.
    source = ""

    def __init__(self, table: CsvRows, tz: tzinfo, date_order: DateOrder | None = None) -> None:
        super().__init__(table, tz, date_order)
        self.rows_read = 0
        self.sets_read = 0
        self.rows_skipped = 0
        self.sets_per_exercise: Counter[str] = Counter()

    def read_row(self, line: int, row: list[str]) -> SetRow | RowError | None:
        """The row as a set, or why not, or None when it is not a set at all."""
        raise NotImplementedError

    def rows(self, catalogue: Catalogue) -> Iterator[SetRow | RowError]:
        """Every data row as a SetRow or a RowError, in file order (skipped rows left out)."""
        self.catalogue = catalogue
        width = self.table.width
        for item in self.table:
            self.rows_read += 1
            if isinstance(item, RowError):
                yield item
                continue
            line, row = item
            if len(row) > width:
                row = self.refit(row, width)
            problem = check_width(row, width)
            out: SetRow | RowError | None
            out = RowError(line, problem) if problem else self.read_row(line, row)
            if out is None:
                self.rows_skipped += 1
            elif isinstance(out, SetRow):
                self.sets_read += 1
                self.sets_per_exercise[out.exercise_id] += 1
                yield out
            else:
                yield out

    def refit(self, row: list[str], width: int) -> list[str]:
        """A row with more cells than the header, as the app meant it (a subclass may
        know where unquoted commas hide); as it is by default."""
        return row

    def new_exercises(self) -> tuple[Exercise, ...]:
        """The names the catalogue did not know that some set uses, as the lifter's own
        exercises, in the order first met.  One whose sets had no weight (Hevy leaves it
        empty for its bodyweight exercises) is marked bodyweight."""
        return tuple(
            Exercise(
                id=e.id,
                name=e.name,
                primary=(),
                custom=True,
                bodyweight=e.id in self._bodyweight_new,
            )
            for e in self._new.values()
            if self.sets_per_exercise[e.id]
        )

    def assemble(self, rows: Iterable[SetRow]) -> list[Session]:
        return assemble(rows, self.source, self.tz)


# --- sessions ----------------------------------------------------------------------------


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class _Group:
    """One session being filled: the rows of one (start, workout name)."""

    __slots__ = ("id", "started_at", "ended_at", "name", "notes", "sets", "noted", "first_line")

    def __init__(self, sid: str, started_at: datetime, name: str, first_line: int) -> None:
        self.id = sid
        self.started_at = started_at
        self.ended_at: datetime | None = None
        self.name = name
        self.notes = ""
        self.sets: list[LoggedSet] = []
        self.noted: set[str] = set()  # exercises whose notes are already attached
        self.first_line = first_line


def assemble(rows: Iterable[SetRow], source: str, tz: tzinfo) -> list[Session]:
    """Set rows (in file order) as sessions, ordered by start then first line.

    One session per (start, workout name); its end and note come from the first row
    that has one, an exercise's note goes on its first set in the session.
    """
    groups: dict[tuple[datetime, str], _Group] = {}
    for r in rows:
        key = (r.start, r.workout)
        g = groups.get(key)
        if g is None:
            sid = _digest(f"{source}|{r.start.isoformat()}|{r.workout}")
            g = groups[key] = _Group(sid, r.start.replace(tzinfo=tz), r.workout, r.line)
        if g.ended_at is None and r.ends is not None:
            g.ended_at = r.ends
        if not g.notes and r.session_note:
            g.notes = r.session_note
        note = r.note
        exercise_note = r.exercise_note.strip()
        if exercise_note and r.exercise_id not in g.noted:
            g.noted.add(r.exercise_id)
            note = f"{exercise_note}\n{note}" if note.strip() else exercise_note
        position = len(g.sets)
        set_id = _digest("\x1f".join([g.id, r.exercise, str(position), *r.cells]))
        g.sets.append(
            LoggedSet(
                exercise_id=r.exercise_id,
                weight_kg=r.weight_kg,
                reps=r.reps,
                rir=r.rir,
                at=g.started_at,
                unit=r.unit,
                kind=r.kind,
                note=note.strip(),
                id=set_id,
                duration_s=r.duration_s,
                distance_m=r.distance_m,
                superset=r.superset,
            )
        )
    sessions = []
    for g in sorted(groups.values(), key=lambda g: (g.started_at, g.first_line)):
        # An end before the start, or more than a day after it (a typo in Hevy's end_time
        # year), is unknown: the session is closed at its start, as Strong's import does.
        ended = (
            g.ended_at
            if g.ended_at is not None and g.started_at <= g.ended_at <= g.started_at + MAX_DURATION
            else g.started_at
        )
        note = "\n".join(part for part in (g.name.strip(), g.notes.strip()) if part)
        sessions.append(
            Session(
                date=g.started_at.date(),
                started_at=g.started_at,
                sets=tuple(g.sets),
                ended_at=ended,
                note=note,
                id=g.id,
            )
        )
    return sessions


def parse_all(
    text: str | Iterable[str],
    open_reader: Callable[[str | list[str]], RowReader],
    catalogue: Catalogue,
    date_order: DateOrder | None,
) -> ImportResult:
    """A whole export at once (`parse_strong` and the others): the reader `open_reader`
    makes over the text, the day-or-month order from a first look at its dates, then
    every row.  Raises ImportFormatError when the file is not the reader's app's
    export, or when its dates could be day or month first and `date_order` does not say."""
    text = text if isinstance(text, str) else list(text)
    reader = open_reader(text)
    reader.date_order, _ = file_date_order(text, reader.date_column, date_order)
    return collect(reader, catalogue)


def collect(reader: RowReader, catalogue: Catalogue) -> ImportResult:
    """Everything a reader gives, at once: for files small enough to hold in memory."""
    set_rows: list[SetRow] = []
    errors: list[RowError] = []
    for item in reader.rows(catalogue):
        (errors if isinstance(item, RowError) else set_rows).append(item)  # type: ignore[arg-type]
    sessions = reader.assemble(set_rows)
    return ImportResult(
        sessions=tuple(sessions),
        new_exercises=reader.new_exercises(),
        errors=tuple(errors),
        rows_read=reader.rows_read,
        sets_read=reader.sets_read,
        rows_skipped=reader.rows_skipped,
    )
