"""Schema 2: sessions live in one file per month; a schema-1 database (one file per
year) is split into months when it is opened, losing nothing."""

from __future__ import annotations

import stat
from datetime import date

import orjson
import pytest

from tui_tracker.store import DatabaseUnreadable, Store, migrations
from tui_tracker.store.paths import month_files, month_path, yearly_files, yearly_path

from .helpers import fold_logs, mkset

DAYS = [date(2025, 12, 31), date(2026, 1, 1), date(2026, 11, 17), date(2026, 11, 18)]


def build(db) -> list:
    """A database with a session on each of DAYS; returns its sessions."""
    with Store(db) as store:
        for i, day in enumerate(DAYS):
            s = store.log_set(mkset(day=day), day=day)
            store.log_set(mkset(day=day, minute=3, reps=6 + i), day=day, session_id=s.id)
        store.set_setting("unit", "lb")
        return store.sessions_between(DAYS[0], DAYS[-1])


def as_schema_1(db) -> dict:
    """Rewrite the database the way the app wrote it before months: one file per year,
    schema_version 1 everywhere.  Returns {file name: bytes} of what was written."""
    written = {}
    by_year: dict[int, list] = {}
    fold_logs(db)  # schema 1 had no set logs: their sets go into the yearly files
    for month, path in month_files(db).items():
        by_year.setdefault(month // 100, []).extend(
            orjson.loads(path.read_bytes())["sessions"].values()
        )
        path.unlink()
    for year, docs in by_year.items():
        data = {
            "meta": {"1": {"schema_version": 1, "kind": "sessions", "year": year}},
            "sessions": {str(i): d for i, d in enumerate(docs, 1)},
        }
        path = yearly_path(db, year)
        path.write_bytes(orjson.dumps(data))
        written[path.name] = path.read_bytes()
    main = orjson.loads(db.read_bytes())
    main["meta"]["1"]["schema_version"] = 1
    db.write_bytes(orjson.dumps(main))
    written[db.name] = db.read_bytes()
    return written


def test_a_schema_1_database_is_split_into_months_and_loses_nothing(tmp_path):
    db = tmp_path / "training.json"
    before = build(db)
    old = as_schema_1(db)
    assert sorted(yearly_files(db)) == [2025, 2026] and month_files(db) == {}

    with Store(db) as store:
        after = store.sessions_between(DAYS[0], DAYS[-1])
        assert after == before
        assert store.get_setting("unit") == "lb"
        assert store.last_sets("barbell-bench-press", before=DAYS[-1])[0].date == DAYS[-1]
        store.log_set(mkset(day=DAYS[-1], minute=9), day=DAYS[-1], session_id=after[-1].id)

    assert sorted(month_files(db)) == [202512, 202601, 202611]
    assert yearly_files(db) == {}
    for name, raw in old.items():  # every original file kept, byte for byte
        assert (tmp_path / f"{name}.v1.bak").read_bytes() == raw
    for path in month_files(db).values():
        data = orjson.loads(path.read_bytes())
        assert data["meta"]["1"]["schema_version"] == migrations.CURRENT_SCHEMA
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert orjson.loads(db.read_bytes())["meta"]["1"]["schema_version"] == migrations.CURRENT_SCHEMA
    november = orjson.loads(month_path(db, 202611).read_bytes())["sessions"].values()
    assert sorted(d["date"] for d in november) == ["2026-11-17", "2026-11-18"]


def test_a_split_cut_short_is_finished_on_the_next_open_without_duplicates(tmp_path):
    db = tmp_path / "training.json"
    before = build(db)
    as_schema_1(db)
    Store(db).close()
    # As if the process died after writing November but before removing the 2026 file:
    # put the 2026 file back (its .v1.bak is the original) beside the monthly files.
    yearly_path(db, 2026).write_bytes(
        (tmp_path / "training.sessions-2026.json.v1.bak").read_bytes()
    )
    with Store(db) as store:
        assert store.sessions_between(DAYS[0], DAYS[-1]) == before
    assert yearly_files(db) == {}


def test_a_damaged_yearly_file_is_refused_at_open_and_left_as_it_is(tmp_path):
    db = tmp_path / "training.json"
    build(db)
    as_schema_1(db)
    bad = b'{"meta": {"1": {"schema_version": 1, "kind": "sessions"'
    yearly_path(db, 2025).write_bytes(bad)
    with pytest.raises(DatabaseUnreadable, match="training.sessions-2025.json"):
        Store(db)
    assert yearly_path(db, 2025).read_bytes() == bad
    assert 202512 not in month_files(db)
