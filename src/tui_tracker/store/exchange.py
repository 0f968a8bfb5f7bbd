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

The parts: exchange_types.py (the shapes), exchange_import.py (checking and
merging an export), exchange_csv.py (the CSV export), exchange_files.py (reading and
writing the files).  This module is the export itself, and names every part's API,
so callers import from here.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import orjson

from .. import __version__
from ..domain.models import Session
from . import codec, mesocycle_codec
from .exchange_csv import CSV_COLUMNS, FORMULA_STARTS, csv_rows, csv_text, spreadsheet_cell
from .exchange_files import MAX_IMPORT_BYTES, read_text, write_file
from .exchange_import import APP_NAMES, Merged, existing_session_ids, from_document, loads, merge
from .exchange_types import FORMAT, FORMAT_VERSION, Exchange, ExchangeError
from .exchange_types import session_key as _session_key
from .migrations import MAIN_TABLES

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "CSV_COLUMNS",
    "MAX_IMPORT_BYTES",
    "FORMULA_STARTS",
    "APP_NAMES",
    "Exchange",
    "ExchangeError",
    "Merged",
    "stored_settings",
    "all_sessions",
    "snapshot",
    "is_empty",
    "clear",
    "to_document",
    "dumps",
    "from_document",
    "loads",
    "existing_session_ids",
    "merge",
    "spreadsheet_cell",
    "csv_rows",
    "csv_text",
    "read_text",
    "write_file",
]


# --- reading the whole store -------------------------------------------------------------


def stored_settings(store: Store) -> dict[str, Any]:
    """Every setting the lifter has stored, by key."""
    return dict(sorted(store.settings().items()))


def all_sessions(store: Store) -> list[Session]:
    """Every session, oldest first."""
    years = store.years()
    if not years:
        return []
    return store.sessions_between(date(years[0], 1, 1), date(years[-1], 12, 31))


def snapshot(store: Store) -> Exchange:
    """The whole training log."""
    return Exchange(
        exercises=tuple(sorted(store.custom_exercises(), key=lambda e: e.id)),
        sessions=tuple(sorted(all_sessions(store), key=_session_key)),
        mesocycles=tuple(store.mesocycles()),
        volume_targets=store.volume_targets(),
        settings=stored_settings(store),
        bodyweights=tuple(store.bodyweights()),
    )


def is_empty(store: Store) -> bool:
    """No sessions, mesocycles, own exercises or bodyweights (settings alone do not count)."""
    return not (
        store.recent_sessions(1)
        or store.mesocycles()
        or store.custom_exercises()
        or store.bodyweights()
    )


def clear(store: Store) -> None:
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
        "mesocycles": [mesocycle_codec.mesocycle_to_dict(m) for m in data.mesocycles],
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
