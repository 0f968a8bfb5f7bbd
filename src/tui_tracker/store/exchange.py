"""Moving a whole training log in and out: the export document, CSV rows, and the files.

The JSON export is the store's own data, written with the store's codec, so
it round-trips without loss:

    {"format": "tui-tracker-export", "format_version": 1, "app_version": "0.1.0",
     "exercises": [...],        # the lifter's own exercises (and corrected builtins)
     "mesocycles": [...],
     "volume_targets": {"chest": [10, 16], ...},
     "settings": {"unit": "kg"},
     "sessions": [...],         # oldest first, each holding its sets in order
     "bodyweights": [{"day": "2026-11-28", "kg": 82.5}, ...]}

Format version 2 (schema 3) holds every kind of set (drop, rest_pause, failure), timed
and distance sets, supersets, assisted loads (negative) and the bodyweight log.  Version
1 files still import; an older app refuses a version 2 file instead of dropping what it
does not know.

The same state always gives the same bytes (no export time in it), so two
exports can be compared with `cmp`.  The CSV export is one row per set, for a
spreadsheet; it is not read back, and a text cell that would start a formula there
is neutralised (`spreadsheet_cell`).

Reading the file to import and writing the export file live here too: the
store is the only code that touches files.
"""

from __future__ import annotations

import csv
import io
import math
import os
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import orjson

from .. import __version__
from ..domain.bodyweight import Bodyweight
from ..domain.mesocycle import Mesocycle
from ..domain.inputs import MAX_REPS, MAX_RIR, MAX_WEIGHT_KG
from ..domain.models import Exercise, LoggedSet, Session
from ..domain.muscles import MUSCLES
from ..domain.text import CONTROL
from ..domain.targets import DEFAULT_TARGETS
from . import codec
from .migrations import MAIN_TABLES
from .paths import not_a_file
from .storage import EXPORT_TMP_MARK, UnconfirmedWrite, atomic_write
from .store import MAX_WEEKLY_SETS

if TYPE_CHECKING:
    from ..domain.catalogue import Catalogue
    from .store import Store

FORMAT = "tui-tracker-export"
FORMAT_VERSION = 2

CSV_COLUMNS = ("date", "session_id", "exercise", "exercise_id", "kind", "weight", "unit",
               "weight_kg", "reps", "rir", "time", "note", "superset", "duration_s",
               "distance_m")

#: Import files bigger than this are refused (a year of hard training is about 1 MB of CSV).
MAX_IMPORT_BYTES = 512 * 1024 * 1024


class ExchangeError(ValueError):
    """A file to import or export cannot be used; str() is one line saying why."""


@dataclass(frozen=True)
class Exchange:
    """Everything a training log holds, as domain objects."""

    exercises: tuple[Exercise, ...] = ()
    sessions: tuple[Session, ...] = ()
    mesocycles: tuple[Mesocycle, ...] = ()
    volume_targets: dict[str, tuple[int, int]] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    bodyweights: tuple[Bodyweight, ...] = ()


def _session_key(s: Session) -> tuple[date, float, str]:
    return (s.date, s.started_at.timestamp(), s.id)


# --- reading the whole store -------------------------------------------------------------

def stored_settings(store: "Store") -> dict[str, Any]:
    """Every setting the lifter has stored, by key."""
    return dict(sorted(store.settings().items()))


def all_sessions(store: "Store") -> list[Session]:
    """Every session, oldest first."""
    years = store.years()
    if not years:
        return []
    return store.sessions_between(date(years[0], 1, 1), date(years[-1], 12, 31))


def snapshot(store: "Store") -> Exchange:
    """The whole training log."""
    return Exchange(
        exercises=tuple(sorted(store.custom_exercises(), key=lambda e: e.id)),
        sessions=tuple(sorted(all_sessions(store), key=_session_key)),
        mesocycles=tuple(store.mesocycles()),
        volume_targets=store.volume_targets(),
        settings=stored_settings(store),
        bodyweights=tuple(store.bodyweights()),
    )


def is_empty(store: "Store") -> bool:
    """No sessions, mesocycles, own exercises or bodyweights (settings alone do not count)."""
    return not (store.recent_sessions(1) or store.mesocycles() or store.custom_exercises()
                or store.bodyweights())


def clear(store: "Store") -> None:
    """Empty the database: every session, mesocycle, own exercise, target and setting.

    For `tui-tracker demo --force`.  Each file is rewritten atomically (empty
    monthly files stay, holding no sessions).
    """
    store.clear(MAIN_TABLES)


# --- the JSON document -------------------------------------------------------------------

def to_document(data: Exchange) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "exercises": [codec.exercise_to_dict(e) for e in data.exercises],
        "mesocycles": [codec.mesocycle_to_dict(m) for m in data.mesocycles],
        "volume_targets": {m: list(t) for m, t in data.volume_targets.items()},
        "settings": dict(data.settings),
        "sessions": [codec.session_to_dict(s) for s in data.sessions],
        "bodyweights": [codec.bodyweight_to_dict(b) for b in data.bodyweights],
    }


def dumps(data: Exchange) -> bytes:
    """The export file's bytes: JSON with one record (a session with its sets, a
    mesocycle, an exercise) per line, so it stays compact and reads well in a diff."""
    parts = []
    for key, value in to_document(data).items():
        if isinstance(value, list) and value:
            body = b"[\n" + b",\n".join(b"  " + orjson.dumps(v) for v in value) + b"\n ]"
        else:
            body = orjson.dumps(value)
        parts.append(b" " + orjson.dumps(key) + b": " + body)
    return b"{\n" + b",\n".join(parts) + b"\n}\n"


def _list(doc: dict[str, Any], key: str) -> list[Any]:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise ExchangeError(f"{key} is not a list")
    return value


def from_document(doc: Any) -> Exchange:
    """The training log in an export document; ExchangeError names the first bad record."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ExchangeError("it is not a tui-tracker export (made with: tui-tracker export "
                            "--format json); to import from Strong, Hevy or FitNotes use "
                            "'tui-tracker import strong', 'import hevy' or 'import fitnotes'")
    version = doc.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ExchangeError(f"format_version {version!r} is not a version number")
    if version > FORMAT_VERSION:
        raise ExchangeError(f"it is format version {version}, written by a newer tui-tracker "
                            f"(this one reads up to {FORMAT_VERSION}): upgrade tui-tracker")
    where = ""
    try:
        exercises = []
        for i, item in enumerate(_list(doc, "exercises")):
            where = f"exercises[{i}]"
            exercises.append(codec.exercise_from_dict(item))
        mesocycles = []
        for i, item in enumerate(_list(doc, "mesocycles")):
            where = f"mesocycles[{i}]"
            mesocycles.append(codec.mesocycle_from_dict(item))
        sessions = []
        for i, item in enumerate(_list(doc, "sessions")):
            where = f"sessions[{i}]"
            sessions.append(codec.session_from_dict(item))
        bodyweights = []
        for i, item in enumerate(_list(doc, "bodyweights")):  # (none before version 2)
            where = f"bodyweights[{i}]"
            bodyweights.append(codec.bodyweight_from_dict(item))
    except codec.CodecError as e:
        raise ExchangeError(f"{where}: {e}") from None
    from ..domain.catalogue import Catalogue

    known = Catalogue(exercises)  # the builtin ones and the export's own

    def lifts_the_body(exercise_id: str) -> bool:
        ex = known.get(exercise_id)
        return ex is not None and ex.bodyweight

    for i, session in enumerate(sessions):
        for s in session.sets:
            problem = _outside_the_rules(s, lifts_the_body(s.exercise_id))
            if problem:
                raise ExchangeError(f"sessions[{i}]: set {s.id}: {problem}")
    _check_ids(exercises, mesocycles, sessions)
    targets = _volume_targets(doc.get("volume_targets", {}))
    settings = doc.get("settings", {})
    if not isinstance(settings, dict):
        raise ExchangeError("settings is not an object")
    if "" in settings:
        raise ExchangeError("settings: a setting has an empty name")
    for kind, items in (("exercise", exercises), ("mesocycle", mesocycles),
                        ("session", sessions)):
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                raise ExchangeError(f"{kind} {item.id} appears twice")
            seen.add(item.id)
    days = [b.day for b in bodyweights]
    if len(set(days)) != len(days):
        raise ExchangeError("bodyweights: a day appears twice")
    return Exchange(tuple(exercises), tuple(sessions), tuple(mesocycles), targets, settings,
                    tuple(bodyweights))


def _check_ids(exercises: list[Exercise], mesocycles: list[Mesocycle],
               sessions: list[Session]) -> None:
    """Ids are the app's own (hex, slugs): one holding a control character was made by hand
    to reach a terminal or a spreadsheet, and is refused (names and notes are cleaned by
    the domain, but an id is an identity, not text to clean)."""
    def check(where: str, *ids: str) -> None:
        for value in ids:
            if CONTROL.search(value):
                raise ExchangeError(f"{where}: id {value!r} holds control characters")

    for i, e in enumerate(exercises):
        check(f"exercises[{i}]", e.id)
    for i, m in enumerate(mesocycles):
        check(f"mesocycles[{i}]", m.id, *m.exercise_ids())
    for i, session in enumerate(sessions):
        check(f"sessions[{i}]", session.id, *(x for s in session.sets for x in (s.id, s.exercise_id)))


def _outside_the_rules(s: LoggedSet, bodyweight: bool) -> str | None:
    """What a typed set could never be (domain/inputs.py's limits), or None.

    The codec checks types only; an export edited by hand (or by another tool)
    must not store what the app would refuse to log.  `bodyweight`: the set's exercise
    lifts the body, where a negative weight is the assistance (BW-30).
    """
    low = -MAX_WEIGHT_KG if bodyweight else 0
    if not (math.isfinite(s.weight_kg) and low <= s.weight_kg <= MAX_WEIGHT_KG + 1e-9):
        return f"weight_kg {s.weight_kg!r} is outside {low:g} to {MAX_WEIGHT_KG:g} kg"
    if not 0 <= s.reps <= MAX_REPS:  # 0: refused when typed now, but older logs hold some
        return f"reps {s.reps} is outside 0 to {MAX_REPS}"
    if s.rir is not None and not 0 <= s.rir <= MAX_RIR:
        return f"rir {s.rir} is outside 0 to {MAX_RIR}"
    return None


def _volume_targets(value: Any) -> dict[str, tuple[int, int]]:
    if not isinstance(value, dict):
        raise ExchangeError("volume_targets is not an object")
    out = {}
    for muscle, pair in value.items():
        if muscle not in MUSCLES:
            raise ExchangeError(f"volume_targets: unknown muscle {muscle!r}")
        if (not isinstance(pair, list) or len(pair) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in pair)):
            raise ExchangeError(f"volume_targets.{muscle} is not [low, high]")
        if not 0 <= pair[0] <= pair[1] <= MAX_WEEKLY_SETS:
            raise ExchangeError(f"volume_targets.{muscle} {pair} is not 0 <= low <= high <= "
                                f"{MAX_WEEKLY_SETS} sets a week")
        out[muscle] = (pair[0], pair[1])
    return out


def loads(raw: bytes | str) -> Exchange:
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        app = _csv_app(raw)
        if app is not None:
            raise ExchangeError(f"this is a CSV exported by {APP_NAMES[app]}, not a tui-tracker "
                                f"export: import it with 'tui-tracker import {app} FILE'") from None
        raise ExchangeError(f"it is not valid JSON ({e})") from None
    return from_document(doc)


APP_NAMES = {"strong": "Strong", "hevy": "Hevy", "fitnotes": "FitNotes"}


def _csv_app(raw: bytes | str) -> str | None:
    """The app whose CSV export `raw` is, from its first line, or None."""
    from ..domain.imports.headers import app_of_header

    head = raw[:4096]
    text = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    first = next((line for line in text.splitlines() if line.strip()), "")
    return app_of_header(first)


# --- merging an export into a store ------------------------------------------------------

@dataclass(frozen=True)
class Merged:
    """What `merge` added (and how many records were already there)."""

    exercises: int
    sessions: int
    sets: int
    mesocycles: int
    skipped_sessions: int
    volume_targets: int
    settings: int
    bodyweights: int = 0


_MISSING = object()


def existing_session_ids(store: "Store", sessions: Iterable[Session]) -> set[str]:
    """Which of `sessions` the store already holds (by id); reads only their years."""
    sessions = list(sessions)
    if not sessions:
        return set()
    wanted = {s.id for s in sessions}
    first = min(s.date for s in sessions)
    last = max(s.date for s in sessions)
    return {s.id for s in store.sessions_between(date(first.year, 1, 1), date(last.year, 12, 31))
            if s.id in wanted}


def merge(store: "Store", data: Exchange, batch: str | None = None) -> Merged:
    """Add to the store what it does not have yet; nothing it has is changed.

    Records are matched by id, so importing the same file twice adds nothing
    the second time.  A volume target or setting is taken only where the store
    still has the default.  Exercises are written first, so sessions never
    refer to an exercise the store lacks.
    """
    have = {e.id for e in store.custom_exercises()}
    new_exercises = [e for e in data.exercises if e.id not in have]
    store.save_exercises(new_exercises)  # one write, however many

    present = existing_session_ids(store, data.sessions)
    new_sessions = [s for s in data.sessions if s.id not in present]
    if new_sessions:
        store.import_sessions(new_sessions, batch=batch)

    known = {m.id for m in store.mesocycles()}
    new_mesos = [m for m in data.mesocycles if m.id not in known]
    store.save_mesocycles(new_mesos)

    targets = 0
    current = store.volume_targets()
    for muscle, target in data.volume_targets.items():
        default = DEFAULT_TARGETS.get(muscle)
        if target != default and current.get(muscle) == default:
            store.set_volume_target(muscle, *target)
            targets += 1
    settings = 0
    for key, value in data.settings.items():
        if store.get_setting(key, _MISSING) is _MISSING:
            store.set_setting(key, value)
            settings += 1
    logged = {b.day for b in store.bodyweights()}
    new_weights = [b for b in data.bodyweights if b.day not in logged]
    for b in new_weights:  # a day already weighed keeps its weight
        store.log_bodyweight(b.day, b.kg)
    return Merged(len(new_exercises), len(new_sessions), sum(len(s.sets) for s in new_sessions),
                  len(new_mesos), len(present), targets, settings, len(new_weights))


# --- CSV ----------------------------------------------------------------------------------

def _number(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text or "0"


#: How a cell a spreadsheet would run as a formula starts (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: str) -> str:
    """A text cell that a spreadsheet shows as text: one that starts like a formula
    (`=HYPERLINK(...)`, `+cmd|...`, `@SUM`) gets a leading single quote, as OWASP advises.
    Only text cells go through here: numbers stay numbers."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_rows(sessions: Iterable[Session], catalogue: "Catalogue") -> Iterable[list[str]]:
    """One row per set (warm-ups included), oldest session first, sets in order."""
    cell = spreadsheet_cell
    for session in sorted(sessions, key=_session_key):
        for s in session.sets:
            ex = catalogue.get(s.exercise_id)
            yield [session.date.isoformat(), cell(session.id),
                   cell(ex.name if ex else s.exercise_id), cell(s.exercise_id), s.kind,
                   _number(s.weight), s.unit, _number(s.weight_kg),
                   str(s.reps), "" if s.rir is None else str(s.rir),
                   s.at.strftime("%H:%M:%S"), cell(s.note), cell(s.superset or ""),
                   "" if s.duration_s is None else str(s.duration_s),
                   "" if s.distance_m is None else _number(s.distance_m)]


def csv_text(sessions: Iterable[Session], catalogue: "Catalogue") -> str:
    """The CSV export: a header row, then a row per set; RFC 4180 (CRLF, quoted as needed)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(sessions, catalogue))
    return out.getvalue()


# --- files --------------------------------------------------------------------------------

def read_text(path: Path | str) -> str:
    """The text of a file to import: UTF-8 (with or without a BOM) or UTF-16 with a BOM.

    A regular file, or a pipe (`<(unzip -p export.zip)`), read up to MAX_IMPORT_BYTES; a
    folder or device is refused (/dev/zero would fill the memory), and a named pipe
    nobody writes to reads as empty instead of waiting.  ExchangeError says, in one
    line, why it cannot be read.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise ExchangeError(f"there is no file {path}") from None
    except IsADirectoryError:
        raise ExchangeError(f"{path} is a folder, not a file") from None
    except PermissionError:
        raise ExchangeError(f"{path} cannot be read: permission denied") from None
    except OSError as e:
        raise ExchangeError(f"{path} cannot be read: {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
        kind = not_a_file(st.st_mode)
        if kind == "a folder":
            raise ExchangeError(f"{path} is a folder, not a file")
        if kind is not None and not stat.S_ISFIFO(st.st_mode):
            raise ExchangeError(f"{path} is {kind}, not a file to import")
        if st.st_size > MAX_IMPORT_BYTES:
            raise ExchangeError(f"{path} is {st.st_size // 2**20} MB: too big to be a "
                                "workout export")
        if kind is None:
            with open(fd, "rb", closefd=False) as f:
                raw = f.read()
        else:
            raw = _read_pipe(fd, path)
    except OSError as e:
        raise ExchangeError(f"{path} cannot be read: {e.strerror or e}") from None
    finally:
        os.close(fd)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as e:
        raise ExchangeError(
            f"{path} is not UTF-8 text (byte 0x{raw[e.start]:02x} at offset {e.start}): "
            "export it again from the app, or save it as UTF-8 CSV") from None
    if "\x00" in text:
        raise ExchangeError(f"{path} is a binary file, not a CSV or JSON export")
    return text


def _read_pipe(fd: int, path: Path) -> bytes:
    """What a pipe's writer sends, up to MAX_IMPORT_BYTES (it has no size to check first)."""
    os.set_blocking(fd, True)  # opened without blocking; now wait for what is written
    chunks: list[bytes] = []
    size = 0
    while chunk := os.read(fd, 1 << 20):
        size += len(chunk)
        if size > MAX_IMPORT_BYTES:
            raise ExchangeError(f"{path} sends more than {MAX_IMPORT_BYTES // 2**20} MB: "
                                "too big to be a workout export")
        chunks.append(chunk)
    return b"".join(chunks)


def write_file(path: Path | str, payload: bytes) -> None:
    """Write the export: a temp file beside it, fsynced, renamed over it.

    The old file stays whole if anything fails.  A symlink is followed (the file it
    points to is replaced, the link stays); a folder, FIFO or device is refused.  The
    temp file is `<name>.export-tmp-<hex>`, a name the store's orphan cleanup never
    removes, so an export into the database's folder is safe while the app opens it.
    ExchangeError on failure.
    """
    path = Path(path)
    if path.is_dir():
        raise ExchangeError(f"{path} is a folder: give a file name, e.g. {path / 'export.json'}")
    if not path.parent.is_dir():
        raise ExchangeError(f"cannot write {path}: the folder {path.parent} does not exist")
    if path.exists() and not os.access(path, os.W_OK):
        raise ExchangeError(f"cannot write {path}: the file is read-only")
    try:
        atomic_write(path, payload, temp_mark=EXPORT_TMP_MARK)
    except UnconfirmedWrite:
        pass  # the file is in place; only the folder's fsync was not confirmed
    except OSError as e:
        raise ExchangeError(f"cannot write {path}: {e.strerror or e}; nothing was written") from None
