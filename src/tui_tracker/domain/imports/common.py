"""What the Strong and Hevy imports share: the result types, reading the CSV with
physical line numbers, checking each value against the domain rules, and
assembling sessions with ids that come out the same on every import.

Pure: the caller reads the file and hands over its text (or its lines, endings
kept), and stores what comes back.  Nothing here reads the clock: times come
from the file and the time zone the caller passes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Callable, Iterable, Iterator

from ..catalogue import Catalogue, custom_id
from ..inputs import MAX_REPS, MAX_RIR, MAX_WEIGHT_KG, InputError, parse_unit
from ..models import Exercise, LoggedSet, Session, SetKind, Unit, to_kg
from ..text import clean_text

Progress = Callable[[int, int], None]

#: How often (in rows) `progress` is called.
PROGRESS_EVERY = 1000
#: Dates outside these years are typos, not training history.
FIRST_YEAR, LAST_YEAR = 1900, 2100
#: A duration longer than this is not a workout: treated as unknown.
MAX_DURATION = timedelta(hours=24)


class ImportFormatError(ValueError):
    """The whole file is unusable; str() says what to do about it."""


@dataclass(frozen=True)
class RowError:
    """A row that was not imported: its first physical line (1-based) and why."""

    line: int
    message: str


@dataclass(frozen=True)
class ImportResult:
    """What a file holds, ready for the store.

    `rows_read` counts data rows (not the header or blank lines); each one ends
    up as exactly one of: a set (`sets_read`), an error, or skipped
    (`rows_skipped`: Strong's Note and Rest Timer rows, cardio and timed rows).
    """

    sessions: tuple[Session, ...]
    new_exercises: tuple[Exercise, ...]
    errors: tuple[RowError, ...]
    rows_read: int
    sets_read: int
    rows_skipped: int = 0


def rpe_to_rir(rpe: float) -> int:
    """Reps in reserve for an RPE: 10 - RPE, to the nearest whole rep, a half
    rounding toward more reserve (RPE 8.5 -> 2), clamped to 0..10."""
    if not math.isfinite(rpe):
        raise ValueError(f"RPE {rpe!r} is not a number")
    rir = math.floor(10 - rpe + 0.5 + 1e-9)
    return max(0, min(MAX_RIR, rir))


# --- reading the CSV --------------------------------------------------------------------

@dataclass
class Table:
    """The header and the data rows, each row with the physical line it starts on."""

    header_line: str
    columns: dict[str, int]  # normalized header name -> index
    width: int
    rows: list[tuple[int, list[str]]]
    errors: list[RowError]  # rows the csv module could not read


def header_key(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").strip().strip('"').split()).casefold()


def _lines(text: str | Iterable[str]) -> Iterator[str]:
    if isinstance(text, str):
        # newline="": lines split on \n, \r\n and \r only, endings kept, as csv wants.
        return iter(io.StringIO(text, newline=""))
    return iter(text)


def read_table(text: str | Iterable[str]) -> Table:
    lines = _lines(text)
    offset = 0  # blank lines before the header
    for line in lines:
        if offset == 0 and line.startswith("\ufeff"):
            line = line[1:]
        if line.strip():
            first = line
            break
        offset += 1
    else:
        raise ImportFormatError("the file is empty: export your workouts again and import that file")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    errors: list[RowError] = []
    before = 0  # reader.line_num after the previous record
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            if header is None:
                raise ImportFormatError(f"the header row cannot be read as CSV ({e})") from None
            errors.append(RowError(offset + before + 1, f"the row cannot be read as CSV ({e})"))
            before = reader.line_num
            continue
        start = offset + before + 1
        before = reader.line_num
        if header is None:
            header = row
            continue
        for cell in row:
            if cell.strip():
                rows.append((start, row))
                break
    assert header is not None
    columns: dict[str, int] = {}
    for i, cell in enumerate(header):
        columns.setdefault(header_key(cell), i)
    return Table(first.strip(), columns, len(header), rows, errors)


def column(columns: dict[str, int], *names: str) -> int:
    """The index of the first of `names` the header has, or -1 (an optional column)."""
    for name in names:
        if name in columns:
            return columns[name]
    return -1


def check_width(row: list[str], width: int) -> str | None:
    """Why the row does not line up with the header, or None when it does."""
    if len(row) < width or any(cell.strip() for cell in row[width:]):
        return (f"the row has {len(row)} fields where the header has {width}"
                " (a delimiter or quote out of place?)")
    return None


# --- values ---------------------------------------------------------------------------

_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?|[0-9]*[.,][0-9]+")
_WHOLE = re.compile(r"([0-9]+)(?:[.,]0+)?")


def _show(text: str) -> str:
    text = text.strip()
    return repr(text if len(text) <= 40 else text[:37] + "...")


def number(text: str, what: str) -> float | None:
    """A plain non-negative decimal (point or comma), or None when empty."""
    t = text.strip()
    if not t:
        return None
    if _NUMBER.fullmatch(t):
        value = float(t.replace(",", "."))
        if math.isfinite(value):
            return value
        raise InputError(f"{what} {_show(t)} is too large")
    if t.startswith("-") and _NUMBER.fullmatch(t[1:].strip()):
        raise InputError(f"{what} {_show(t)} cannot be negative")
    raise InputError(f"{what} {_show(t)} is not a number")


def is_blank_or_zero(text: str) -> bool:
    t = text.strip()
    return not t or (_NUMBER.fullmatch(t) is not None and float(t.replace(",", ".")) == 0)


def is_positive(text: str) -> bool:
    t = text.strip()
    if not _NUMBER.fullmatch(t):
        return False
    value = float(t.replace(",", "."))
    return math.isfinite(value) and value > 0


def weight_kg(text: str, unit: Unit) -> float:
    """Weight in kg; empty is bodyweight (0)."""
    value = number(text, "weight")
    if value is None:
        return 0.0
    kg = to_kg(value, unit)
    if kg > MAX_WEIGHT_KG + 1e-9:
        raise InputError(f"weight {_show(text)} {unit} is above {MAX_WEIGHT_KG:g} kg")
    return kg


def reps(text: str) -> int:
    """Whole reps 0..100; '5.0' is 5 (Strong writes reps that way sometimes)."""
    t = text.strip()
    if not t:
        raise InputError("reps are empty")
    m = _WHOLE.fullmatch(t)
    if m is None:
        if _NUMBER.fullmatch(t):
            raise InputError(f"reps {_show(t)} is not a whole number")
        if t.startswith("-"):
            raise InputError(f"reps {_show(t)} cannot be negative")
        raise InputError(f"reps {_show(t)} is not a whole number")
    digits = m.group(1).lstrip("0")
    if len(digits) > 3 or int(digits or "0") > MAX_REPS:
        raise InputError(f"reps {_show(t)} is above {MAX_REPS}")
    return int(digits or "0")


def attempt(problems: list[str], parse: Callable[..., object], *args: object,
            label: str = "") -> object | None:
    """`parse(*args)`, or None with its InputError added to `problems`: a row reports
    every bad cell at once, not just the first."""
    try:
        return parse(*args)
    except InputError as e:
        problems.append(f"{label}{e}")
        return None


def rir_from_rpe(text: str) -> int | None:
    """RIR from an RPE cell; empty means not recorded."""
    value = number(text, "RPE")
    if value is None:
        return None
    if not 1 <= value <= 10:
        raise InputError(f"RPE {_show(text)} is outside 1 to 10")
    return rpe_to_rir(value)


def row_unit(text: str, fallback: Unit | None) -> Unit | None:
    """A unit cell ('kg', 'lbs'); empty gives `fallback`."""
    if not text.strip():
        return fallback
    return parse_unit(text)


# --- dates ----------------------------------------------------------------------------

_TIME = (r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d{1,6})?)?"
         r"(?:\s*(?P<ampm>[AaPp])\.?\s*[Mm]\.?)?")
_ISO = re.compile(r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})"
                  rf"(?:(?:T|\s+){_TIME})?\s*(?P<tz>Z|[+-]\d{{2}}:?\d{{2}})?")
_DAY_MONTH = re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<mon>[^\W\d_]{{3,9}})\.?\s+(?P<y>\d{{4}}),?\s+{_TIME}")
_MONTH_DAY = re.compile(rf"(?P<mon>[^\W\d_]{{3,9}})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}}),?\s+{_TIME}")
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = {name[:3]: i for i, name in enumerate(_MONTH_NAMES, 1)}
_MONTHS.update({name: i for i, name in enumerate(_MONTH_NAMES, 1)})
_MONTHS["sept"] = 9


def local_datetime(text: str, tz: tzinfo) -> datetime:
    """A naive local date-time from the forms the apps write.

    '2024-03-05 18:07:12', '2024-03-05 6:07:12\u202fPM', '2024-03-05' (midnight),
    '30 Jan 2025, 12:34', 'Jan 30, 2025, 12:34 PM'.  A time with a UTC offset is
    converted to `tz`.
    """
    t = text.strip()
    m = _ISO.fullmatch(t) or _DAY_MONTH.fullmatch(t) or _MONTH_DAY.fullmatch(t)
    if m is None:
        raise InputError(f"date {_show(t)} is not a date and time like 2024-03-05 18:07:12 "
                         "or 30 Jan 2025, 12:34" if t else "the date is empty")
    groups = m.groupdict()
    if groups.get("mon") is not None:
        month = _MONTHS.get(groups["mon"].casefold())
        if month is None:
            raise InputError(f"date {_show(t)}: {groups['mon']!r} is not a month")
    else:
        month = int(groups["mo"])
    hour = int(groups["h"] or 0)
    if groups["ampm"]:
        if not 1 <= hour <= 12:
            raise InputError(f"date {_show(t)}: {hour} is not an hour on a 12-hour clock")
        hour = hour % 12 + (12 if groups["ampm"] in "Pp" else 0)
    try:
        value = datetime(int(groups["y"]), month, int(groups["d"]), hour,
                         int(groups["mi"] or 0), int(groups["s"] or 0))
    except ValueError:
        raise InputError(f"date {_show(t)} is not a real date and time") from None
    offset = groups.get("tz")
    if offset:
        if offset == "Z":
            zone = timezone.utc
        else:
            sign = -1 if offset[0] == "-" else 1
            digits = offset[1:].replace(":", "")
            hours, minutes = int(digits[:2]), int(digits[2:])
            if hours > 23 or minutes > 59:
                raise InputError(f"date {_show(t)} has an impossible UTC offset")
            zone = timezone(sign * timedelta(hours=hours, minutes=minutes))
        try:
            value = value.replace(tzinfo=zone).astimezone(tz).replace(tzinfo=None)
        except (OverflowError, ValueError):
            raise InputError(f"date {_show(t)} is out of range") from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise InputError(f"date {_show(t)} is not between {FIRST_YEAR} and {LAST_YEAR}")
    return value


_HMS = re.compile(r"(?:(?P<h>\d{1,3})\s*h(?:ours?|rs?)?)?\s*(?:(?P<m>\d{1,4})\s*m(?:in(?:utes?|s)?)?)?"
                  r"\s*(?:(?P<s>\d{1,6})\s*s(?:ec(?:onds?|s)?)?)?", re.IGNORECASE)
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


def duration(text: str) -> timedelta | None:
    """'1h 5m', '45m', '1h', '3900' (seconds), '1:05:00'; None when empty or unreadable.

    A duration is the session's, repeated on every row, and the sets are worth
    keeping without it: an unreadable one is treated as unknown, not an error.
    """
    t = text.strip()
    if not t:
        return None
    seconds: int | None = None
    if t.isascii() and t.isdigit():
        seconds = int(t) if len(t) <= 6 else None
    elif (m := _CLOCK.fullmatch(t)) is not None:
        h, mi, s = m.groups()
        seconds = int(h) * 3600 + int(mi) * 60 + int(s or 0)
    elif (m := _HMS.fullmatch(t)) is not None and any(m.groups()):
        seconds = int(m["h"] or 0) * 3600 + int(m["m"] or 0) * 60 + int(m["s"] or 0)
    if seconds is None:
        return None
    span = timedelta(seconds=seconds)
    return span if span <= MAX_DURATION else None


# --- assembling sessions --------------------------------------------------------------

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


class Builder:
    """Collects rows into sessions, resolves exercise names once each, and counts."""

    def __init__(self, source: str, catalogue: Catalogue, tz: tzinfo, total: int,
                 progress: Progress | None) -> None:
        self.source = source
        self.catalogue = catalogue
        self.tz = tz
        self.total = total
        self.progress = progress
        self.done = 0
        self.errors: list[RowError] = []
        self.skipped = 0
        self._exercise: dict[str, str | InputError] = {}
        self._new: dict[str, Exercise] = {}
        self._groups: dict[tuple[datetime, str], _Group] = {}
        self._dates: dict[str, datetime | InputError] = {}

    # per row -----------------------------------------------------------------------

    def tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % PROGRESS_EVERY == 0 and self.done < self.total:
            self.progress(self.done, self.total)

    def rows(self, table: Table) -> Iterator[tuple[int, list[str]]]:
        """The table's (line, row) pairs as the parser walks them: each one counted for the
        progress bar, and a row of the wrong width reported and left out."""
        for line, row in table.rows:
            self.tick()
            problem = check_width(row, table.width)
            if problem:
                self.error(line, problem)
                continue
            yield line, row

    def error(self, line: int, message: str) -> None:
        self.errors.append(RowError(line, message))

    def date(self, text: str) -> datetime:
        """Naive local date-time, cached: every row of a session repeats it."""
        cached = self._dates.get(text)
        if cached is None:
            try:
                cached = local_datetime(text, self.tz)
            except InputError as e:
                cached = e
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
        clean = " ".join(clean_text(name).split())
        if not clean:
            return InputError("the exercise name is empty")
        found = self.catalogue.find(clean)
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

    def group(self, start: datetime, name: str, line: int) -> _Group:
        key = (start, name)
        g = self._groups.get(key)
        if g is None:
            sid = _digest(f"{self.source}|{start.isoformat()}|{name}")
            g = _Group(sid, start.replace(tzinfo=self.tz), name, line)
            self._groups[key] = g
        return g

    def add(self, g: _Group, row: list[str], *, exercise: str, exercise_id: str, kind: SetKind,
            weight_kg: float, unit: Unit, reps: int, rir: int | None, note: str = "",
            exercise_note: str = "") -> None:
        exercise_note = exercise_note.strip()
        if exercise_note and exercise_id not in g.noted:
            g.noted.add(exercise_id)
            note = f"{exercise_note}\n{note}" if note.strip() else exercise_note
        position = len(g.sets)
        sid = _digest("\x1f".join([g.id, exercise, str(position), *row]))
        g.sets.append(LoggedSet(exercise_id=exercise_id, weight_kg=weight_kg, reps=reps, rir=rir,
                                at=g.started_at, unit=unit, kind=kind, note=note.strip(), id=sid))

    # at the end --------------------------------------------------------------------

    def result(self, read_errors: list[RowError]) -> ImportResult:
        sessions = []
        for g in sorted(self._groups.values(), key=lambda g: (g.started_at, g.first_line)):
            if not g.sets:
                continue
            ended = g.ended_at if g.ended_at is not None and g.ended_at >= g.started_at else g.started_at
            note = "\n".join(part for part in (g.name.strip(), g.notes.strip()) if part)
            sessions.append(Session(date=g.started_at.date(), started_at=g.started_at,
                                    sets=tuple(g.sets), ended_at=ended, note=note, id=g.id))
        errors = sorted(read_errors + self.errors, key=lambda e: e.line)
        if self.progress is not None:
            self.progress(self.total, self.total)
        return ImportResult(
            sessions=tuple(sessions),
            new_exercises=tuple(self._new.values()),
            errors=tuple(errors),
            rows_read=self.total + len(read_errors),
            sets_read=sum(len(s.sets) for s in sessions),
            rows_skipped=self.skipped,
        )


def end_after(start: datetime, span: timedelta | None, tz: tzinfo) -> datetime | None:
    if span is None:
        return None
    try:
        return (start + span).replace(tzinfo=tz)
    except OverflowError:
        return None
