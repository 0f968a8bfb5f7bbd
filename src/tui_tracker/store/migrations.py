"""Schema versions and the forward migrations between them.

Every file (the main one and each monthly sessions file) carries a `meta` table:

    {"meta": {"1": {"schema_version": 2, "kind": "main"}}, ...}
    {"meta": {"1": {"schema_version": 2, "kind": "sessions", "year": 2026, "month": 11}},
     "sessions": {...}}

`MIGRATIONS[n]` turns the raw data dict of a version-n file into version n+1
(it sees the whole file, TinyDB tables included, and can tell files apart by
`meta.kind`).  The runner sets `schema_version` after each step.  The storage
keeps a `<file>.v<n>.bak` copy before writing the migrated file.

To add version 5: set CURRENT_SCHEMA = 5 and register MIGRATIONS[4].

Version 2 keeps sessions in one file per month instead of one per year.  No
document changes, so MIGRATIONS[1] only moves the version on; the Store splits
each yearly file into monthly ones when it opens (Store._split_yearly_files).
The version says which layout a file belongs to: an app that knows only yearly
files refuses a version-2 database instead of showing it without its history.

Version 3 holds every set a lifter does (domain/models.LoggedSet): kinds beyond working
and warm-up (drop, rest_pause, failure), timed and distance sets (`duration_s`,
`distance_m`, possibly with 0 reps), a `superset` label, added or assisting load on
bodyweight exercises (a negative `weight_kg`), and the main file's `bodyweights` table.
MIGRATIONS[2] gives every set the three new fields (null) and the main file its empty
table.  The version is what keeps an older app away from such a file: it would refuse
a drop set as damaged, or rewrite a session and drop the durations it does not know.

Version 4 adds each month's set log (store/setlog.py): a set added to a session already
on disk is a line in `<month file>.log` until the next full write of the month folds it
in (the month's meta then names the last record folded, `log_folded`).  No document
changes, so MIGRATIONS[3] only moves the version on.  An older app would read a month
file without its log (missing sets) and, writing it, resurrect a deleted one: the
version keeps it away.  It checks the main file first, on open, so the main file is
migrated (with its `.v3.bak`); a month file of version 3 holds exactly what it held, so
it is read forward in memory and keeps its bytes (no 60 backups on upgrade) until its
next full write, which puts version 4 on it.  Only a month file of version 4 on disk
gets a log (AtomicJSONStorage.can_append).
"""

from __future__ import annotations

from typing import Any
from collections.abc import Callable

CURRENT_SCHEMA = 4


def _monthly_layout(data: dict[str, Any]) -> dict[str, Any]:
    """1 -> 2: the documents stay as they are; the files around them are what change."""
    return data


#: Fields a set gained in version 3, all null for the sets written before.
SET_FIELDS_V3 = ("duration_s", "distance_m", "superset")


def _every_set(data: dict[str, Any]) -> dict[str, Any]:
    """2 -> 3: each set gains duration_s, distance_m and superset (null); the main file
    gains its (empty) bodyweights table.  A set of an assisted exercise (an id holding
    `assisted`, as the catalogue's assisted pull-up and dip) logged the assistance as a
    positive weight: in version 3 that is a negative added load (BW-30), so it is negated."""
    meta: dict[str, Any] = data.get(META, {})
    first: dict[str, Any] = next(iter(meta.values()), {})
    kind = first.get("kind")
    if kind == "main":
        data.setdefault("bodyweights", {})
    for doc in data.get(SESSIONS, {}).values():
        for s in doc.get("sets", ()) if isinstance(doc, dict) else ():
            if isinstance(s, dict):
                for name in SET_FIELDS_V3:
                    s.setdefault(name, None)
                weight, ex_id = s.get("weight_kg"), s.get("exercise_id")
                if (
                    isinstance(ex_id, str)
                    and "assisted" in ex_id
                    and isinstance(weight, (int, float))
                    and not isinstance(weight, bool)
                    and weight > 0
                ):
                    s["weight_kg"] = -weight
    return data


def _set_logs(data: dict[str, Any]) -> dict[str, Any]:
    """3 -> 4: the documents stay as they are; month files may have a set log beside them."""
    return data


#: from version n to n+1, on the raw data dict
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _monthly_layout,
    2: _every_set,
    3: _set_logs,
}

#: Steps that change nothing in a sessions file's bytes but its version.
_SESSIONS_UNCHANGED = frozenset({3})


def unchanged_sessions_since(version: int) -> bool:
    """Whether a sessions file of `version` reads as the current version as it is (no
    backup, no rewrite: its next write puts the current version on it)."""
    return all(v in _SESSIONS_UNCHANGED for v in range(version, CURRENT_SCHEMA))


META = "meta"
META_DOC = "1"

#: `imports` (store/batches.py) and `bodyweights` are main tables since version 3: a main
#: file without them reads as having none, a session without `batch` as logged by hand.
MAIN_TABLES = ("exercises", "settings", "volume_targets", "mesocycles", "imports", "bodyweights")
SESSIONS = "sessions"


def new_main_data() -> dict[str, Any]:
    data: dict[str, Any] = {META: {META_DOC: {"schema_version": CURRENT_SCHEMA, "kind": "main"}}}
    for name in MAIN_TABLES:
        data[name] = {}
    return data


def new_month_data(month: int) -> dict[str, Any]:
    """An empty sessions file for `month` (a paths.month_of key such as 202611)."""
    meta = {
        "schema_version": CURRENT_SCHEMA,
        "kind": "sessions",
        "year": month // 100,
        "month": month % 100,
    }
    return {META: {META_DOC: meta}, SESSIONS: {}}


def shape_problem(data: Any) -> str | None:
    """Why `data` is not a tui-tracker file, or None when its shape is right."""
    if not isinstance(data, dict):
        return f"it holds a JSON {type(data).__name__}, not an object of tables"
    for name, table in data.items():
        if not isinstance(table, dict):
            return f"table {name!r} is not an object"
        for doc_id, doc in table.items():
            if not isinstance(doc, dict):
                return f"document {doc_id} of table {name!r} is not an object"
    meta = data.get(META)
    if not meta:
        return "it has no meta table (not a tui-tracker database)"
    version = _version_of(meta)
    if version is None:
        return "its meta table has no schema_version"
    return None


def _version_of(meta: dict[str, Any]) -> int | None:
    for doc in meta.values():
        v = doc.get("schema_version")
        if isinstance(v, int) and not isinstance(v, bool) and v >= 0:
            return v
    return None


def schema_version(data: dict[str, Any]) -> int:
    """The version of a file whose shape was checked."""
    version = _version_of(data[META])
    assert version is not None
    return version


def migrate(data: dict[str, Any], from_version: int) -> dict[str, Any]:
    """Run the migrations from `from_version` up to CURRENT_SCHEMA."""
    version = from_version
    while version < CURRENT_SCHEMA:
        step = MIGRATIONS.get(version)
        if step is None:
            raise LookupError(f"no migration from schema version {version} to {version + 1}")
        data = step(data)
        version += 1
        meta = data.setdefault(META, {})
        doc = next(iter(meta.values()), None) if meta else None
        if doc is None:
            meta[META_DOC] = doc = {}
        doc["schema_version"] = version
    return data
