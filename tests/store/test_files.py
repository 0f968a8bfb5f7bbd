"""Files on disk: paths, permissions, atomic writes, damaged files, versions, migrations."""

from __future__ import annotations

import errno
from dataclasses import replace
import os
import stat
from datetime import date
from pathlib import Path

import orjson
import pytest

from tui_tracker.store import (
    DatabaseNotWritable,
    DatabaseTooNew,
    DatabaseUnreadable,
    Store,
    StoreError,
    default_db_path,
    migrations,
    resolve_db_path,
    yearly_path,
)
from tui_tracker.store import files
from tui_tracker.store.paths import month_of, month_path
from tui_tracker.store.setlog import log_path

from .helpers import DAY, mkset, tmp_files

ROOT = os.geteuid() == 0
#: The schema this version writes: the migration tests step from it to the next ones.
NOW = migrations.CURRENT_SCHEMA


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


# --- paths ------------------------------------------------------------------------------


def test_default_path_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "tui-tracker" / "training.json"


def test_resolve_order_cli_env_default(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("TUI_TRACKER_DB", raising=False)
    assert resolve_db_path(None) == default_db_path()
    monkeypatch.setenv("TUI_TRACKER_DB", str(tmp_path / "env.json"))
    assert resolve_db_path(None) == tmp_path / "env.json"
    assert resolve_db_path(str(tmp_path / "cli.json")) == tmp_path / "cli.json"
    monkeypatch.setenv("TUI_TRACKER_DB", "")
    assert resolve_db_path(None) == default_db_path()
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_db_path("~/x.json") == tmp_path / "x.json"
    assert resolve_db_path("rel.json").is_absolute()


def test_session_files_named_after_the_main_file(tmp_path):
    assert month_path(tmp_path / "lifts.json", 202611) == tmp_path / "lifts.sessions-2026-11.json"
    assert yearly_path(tmp_path / "lifts.json", 2026) == tmp_path / "lifts.sessions-2026.json"


# --- permissions ------------------------------------------------------------------------


def test_folder_0700_files_0600_even_with_open_umask(tmp_path):
    old = os.umask(0)
    try:
        db = tmp_path / "new" / "deeper" / "training.json"
        store = Store(db)
        store.log_set(mkset(day=date(2025, 12, 31)), day=date(2025, 12, 31))
        s = store.log_set(mkset(), day=DAY)
        store.log_set(mkset(minute=5), day=DAY, session_id=s.id)  # into the month's set log
        store.set_setting("unit", "kg")
        store.close()
    finally:
        os.umask(old)
    assert mode(db.parent) == 0o700
    files = sorted(db.parent.iterdir())
    assert [f.name for f in files] == [
        "training.json",
        "training.json.lock",
        "training.sessions-2025-12.json",
        "training.sessions-2026-11.json",
        "training.sessions-2026-11.json.log",
    ]
    for f in files:
        assert mode(f) == 0o600, f


def test_existing_folder_mode_is_left_alone(tmp_path):
    tmp_path.chmod(0o755)
    Store(tmp_path / "training.json").close()
    assert mode(tmp_path) == 0o755


# --- atomic writes ----------------------------------------------------------------------


def test_orphan_temp_files_removed_on_open(store, db_path):
    store.log_set(mkset(), day=DAY)
    store.close()
    folder = db_path.parent
    orphans = [
        "training.json.tmp-0123456789ab",
        "training.sessions-2026.json.tmp-abcdef012345",
        "training.sessions-2026-11.json.tmp-abcdef012345",
        "training.json.unreadable-20260101T000000Z.tmp-00aa11bb22cc",
    ]
    keep = ["other.json.tmp-0123456789ab", "notes.txt", "training.json.v1.bak"]
    for name in orphans + keep:
        (folder / name).write_bytes(b"half a wri")
    Store(db_path).close()
    assert tmp_files(folder) == ["other.json.tmp-0123456789ab"]
    for name in keep:
        assert (folder / name).exists()


def test_failing_serialisation_leaves_old_file(store, db_path):
    session = store.log_set(mkset(), day=DAY)
    yfile = month_path(db_path, month_of(DAY))
    before = yfile.read_bytes()
    with pytest.raises(StoreError, match="could not be saved") as err:
        store.log_set(mkset(note=object(), minute=3), day=DAY, session_id=session.id)
    assert str(yfile) in str(err.value)
    assert yfile.read_bytes() == before
    assert tmp_files(db_path.parent) == []
    assert store.session(session.id).sets == session.sets  # cache dropped, not half-changed
    assert len(store.log_set(mkset(minute=4), day=DAY).sets) == 2


@pytest.mark.parametrize("fail", ["write", "fsync", "replace"])
def test_failing_write_leaves_old_file_and_no_temp(store, db_path, monkeypatch, fail):
    session = store.log_set(mkset(), day=DAY)
    yfile = month_path(db_path, month_of(DAY))
    before = yfile.read_bytes()

    def boom(*a, **k):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, fail, boom)
    with pytest.raises(StoreError, match="Input/output error") as err:
        store.update_set(session.id, replace(session.sets[0], reps=11))  # a full write
    monkeypatch.undo()
    assert str(yfile) in str(err.value) and "Nothing was changed" in str(err.value)
    assert yfile.read_bytes() == before
    assert tmp_files(db_path.parent) == []
    assert store.session(session.id).sets == session.sets


@pytest.mark.parametrize("fail", ["write", "fsync"])
def test_a_failing_append_to_the_set_log_leaves_no_line(store, db_path, monkeypatch, fail):
    session = store.log_set(mkset(), day=DAY)
    session = store.log_set(mkset(minute=2), day=DAY, session_id=session.id)
    log = log_path(month_path(db_path, month_of(DAY)))
    before = log.read_bytes()

    def boom(*a, **k):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, fail, boom)
    with pytest.raises(StoreError, match="Input/output error") as err:
        store.log_set(mkset(minute=3), day=DAY, session_id=session.id)
    monkeypatch.undo()
    assert str(log) in str(err.value) and "Nothing was changed" in str(err.value)
    assert log.read_bytes() == before  # cut back: an unacknowledged set is never read
    assert store.session(session.id).sets == session.sets
    with Store(db_path) as again:
        assert len(again.session(session.id).sets) == 2


def test_disk_full_message(store, db_path, monkeypatch):
    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(StoreError, match="disk is full"):
        store.set_setting("unit", "lb")


# --- damaged files ----------------------------------------------------------------------


def _valid_main(tmp_path: Path) -> bytes:
    p = tmp_path / "valid" / "training.json"
    with Store(p) as s:
        s.set_setting("unit", "lb")
    return p.read_bytes()


DAMAGE = {
    "truncated": lambda good: good[: len(good) // 2],
    "garbage": lambda good: b"\x00\xff\xfe not json at all \x13",
    "empty": lambda good: b"",
    "whitespace": lambda good: b"  \n",
    "a list": lambda good: b"[1, 2, 3]",
    "table not object": lambda good: b'{"meta": 5}',
    "plain tinydb, no meta": lambda good: b'{"_default": {"1": {"a": 1}}}',
    "no schema_version": lambda good: b'{"meta": {"1": {"kind": "main"}}}',
    "document not object": lambda good: (
        b'{"meta": {"1": {"schema_version": 1}}, "settings": {"1": 7}}'
    ),
    "a sessions file": lambda good: orjson.dumps(migrations.new_month_data(202611)),
}


@pytest.mark.parametrize("case", list(DAMAGE))
def test_damaged_main_file_is_refused_and_kept(tmp_path, db_path, case):
    bad = DAMAGE[case](_valid_main(tmp_path))
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(bad)
    with pytest.raises(DatabaseUnreadable) as err:
        Store(db_path)
    e = err.value
    assert e.path == db_path
    assert str(db_path) in str(e)
    assert e.keep_safe_copy is not None and str(e.keep_safe_copy) in str(e)
    assert e.keep_safe_copy.name.startswith("training.json.unreadable-")
    assert e.keep_safe_copy.read_bytes() == bad
    assert mode(e.keep_safe_copy) == 0o600
    assert db_path.read_bytes() == bad  # never overwritten or reset
    # Trying again refuses again, still without touching it, and keeps one copy.
    with pytest.raises(DatabaseUnreadable):
        Store(db_path)
    assert db_path.read_bytes() == bad
    assert len(list(db_path.parent.glob("*.unreadable-*"))) == 1


@pytest.mark.parametrize(
    "case", ["truncated", "garbage", "empty", "a list", "plain tinydb, no meta"]
)
def test_damaged_month_file_is_refused_when_read_and_kept(store, db_path, case):
    old = date(2025, 5, 1)
    store.log_set(mkset(day=old), day=old)
    store.log_set(mkset(), day=DAY)
    store.close()
    yfile = month_path(db_path, month_of(old))
    bad = DAMAGE[case](yfile.read_bytes())
    yfile.write_bytes(bad)

    store = Store(db_path)  # months are read lazily: this month is fine
    assert len(store.sessions_between(DAY, DAY)) == 1
    for call in (
        lambda: store.sessions_between(old, old),
        lambda: store.log_set(mkset(day=old, minute=9), day=old),
        lambda: store.recent_sessions(limit=5),
        lambda: store.last_sets("barbell-curl", before=DAY),
    ):
        with pytest.raises(DatabaseUnreadable) as err:
            call()
        assert err.value.path == yfile and str(yfile) in str(err.value)
        assert str(err.value.keep_safe_copy) in str(err.value)
        assert err.value.keep_safe_copy.read_bytes() == bad
        assert yfile.read_bytes() == bad
    assert len(store.sessions_between(DAY, DAY)) == 1
    store.close()


def test_bad_document_inside_a_session(store, db_path):
    store.log_set(mkset(), day=DAY)
    store.close()
    yfile = month_path(db_path, month_of(DAY))
    raw = orjson.loads(yfile.read_bytes())
    raw["sessions"]["1"]["sets"][0]["reps"] = "eight"
    bad = orjson.dumps(raw)
    yfile.write_bytes(bad)
    store = Store(db_path)
    with pytest.raises(DatabaseUnreadable, match="reps") as err:
        store.recent_sessions()
    assert err.value.keep_safe_copy.read_bytes() == bad and yfile.read_bytes() == bad
    store.close()


def test_newer_schema_is_refused_untouched(db_path):
    Store(db_path).close()
    raw = orjson.loads(db_path.read_bytes())
    raw["meta"]["1"]["schema_version"] = NOW + 1
    newer = orjson.dumps(raw)
    db_path.write_bytes(newer)
    with pytest.raises(DatabaseTooNew) as err:
        Store(db_path)
    assert str(db_path) in str(err.value) and "newer" in str(err.value)
    assert err.value.found == NOW + 1 and err.value.supported == NOW
    assert db_path.read_bytes() == newer


def test_newer_year_file_is_refused_untouched(store, db_path):
    store.log_set(mkset(), day=DAY)
    store.close()
    yfile = month_path(db_path, month_of(DAY))
    raw = orjson.loads(yfile.read_bytes())
    raw["meta"]["1"]["schema_version"] = 7
    newer = orjson.dumps(raw)
    yfile.write_bytes(newer)
    store = Store(db_path)
    with pytest.raises(DatabaseTooNew, match="training.sessions-2026-11.json"):
        store.log_set(mkset(minute=2), day=DAY)
    assert yfile.read_bytes() == newer
    store.close()


# --- a database that cannot be written ---------------------------------------------------


@pytest.mark.skipif(ROOT, reason="root ignores file permissions")
def test_read_only_folder_and_file(tmp_path):
    folder = tmp_path / "ro"
    db = folder / "training.json"
    Store(db).close()
    db.chmod(0o400)
    with pytest.raises(DatabaseNotWritable, match="read-only"):
        Store(db)
    db.chmod(0o600)
    folder.chmod(0o500)
    try:
        with pytest.raises(DatabaseNotWritable) as err:
            Store(db)
        assert str(db) in str(err.value)
        with pytest.raises(DatabaseNotWritable):
            Store(folder / "sub" / "training.json")
    finally:
        folder.chmod(0o700)


def test_permission_denied_on_write_any_user(store, db_path, monkeypatch):
    """Works as root too: the rename is refused the way a read-only folder refuses it."""
    session = store.log_set(mkset(), day=DAY)
    yfile = month_path(db_path, month_of(DAY))
    before = yfile.read_bytes()

    def denied(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", denied)
    with pytest.raises(DatabaseNotWritable) as err:
        store.finish_session(session.id, session.started_at)
    monkeypatch.undo()
    msg = str(err.value)
    assert str(yfile) in msg and "Permission denied" in msg and "Nothing was changed" in msg
    assert yfile.read_bytes() == before and tmp_files(db_path.parent) == []


def test_read_only_file_refused_at_open_any_user(db_path, monkeypatch):
    Store(db_path).close()
    before = db_path.read_bytes()
    real = os.access
    monkeypatch.setattr(
        os, "access", lambda p, m, *a, **k: False if Path(p) == db_path else real(p, m)
    )
    with pytest.raises(DatabaseNotWritable, match="read-only") as err:
        Store(db_path)
    assert str(db_path) in str(err.value)
    assert db_path.read_bytes() == before


def test_folder_cannot_be_created_any_user(tmp_path, monkeypatch):
    def denied(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "mkdir", denied)
    with pytest.raises(DatabaseNotWritable, match="folder cannot be created"):
        Store(tmp_path / "nope" / "training.json")
    lazy = Store(tmp_path / "nope" / "training.json", create=False)
    assert lazy.recent_sessions() == []
    with pytest.raises(DatabaseNotWritable, match="folder cannot be created"):
        lazy.log_set(mkset(), day=DAY)
    assert list(tmp_path.iterdir()) == []


def test_cannot_create_temp_file_any_user(store, db_path, monkeypatch):
    real = os.open

    def open_(path, flags, *a, **k):
        if ".tmp-" in str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, flags, *a, **k)

    monkeypatch.setattr(os, "open", open_)
    with pytest.raises(DatabaseNotWritable, match="Permission denied"):
        store.set_setting("unit", "lb")


# --- migrations -------------------------------------------------------------------------


def _current_database(db_path: Path) -> tuple[bytes, bytes]:
    """A database at today's version (NOW), the one the steps below migrate from."""
    with Store(db_path) as s:
        s.set_setting("unit", "lb")
        s.log_set(mkset(), day=DAY)
    return db_path.read_bytes(), month_path(db_path, month_of(DAY)).read_bytes()


def _to_next(data: dict) -> dict:
    meta = next(iter(data["meta"].values()))
    if meta["kind"] == "main":
        data["settings"]["99"] = {"key": "migrated", "value": True}
    else:
        for doc in data["sessions"].values():
            doc["note"] = doc["note"] or "from before"
    return data


def test_migration_runs_forward_and_keeps_a_copy(db_path, monkeypatch):
    main_now, month_now = _current_database(db_path)
    monkeypatch.setattr(migrations, "CURRENT_SCHEMA", NOW + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, NOW, _to_next)

    store = Store(db_path)
    bak = db_path.with_name(f"training.json.v{NOW}.bak")
    assert bak.read_bytes() == main_now and mode(bak) == 0o600
    assert orjson.loads(db_path.read_bytes())["meta"]["1"]["schema_version"] == NOW + 1
    assert store.get_setting("migrated") is True and store.get_setting("unit") == "lb"

    yfile = month_path(db_path, month_of(DAY))
    assert yfile.read_bytes() == month_now  # session files migrate when first read
    (session,) = store.sessions_between(DAY, DAY)
    assert session.note == "from before"
    assert yfile.with_name(yfile.name + f".v{NOW}.bak").read_bytes() == month_now
    assert orjson.loads(yfile.read_bytes())["meta"]["1"]["schema_version"] == NOW + 1
    store.log_set(mkset(minute=5), day=DAY, session_id=session.id)
    store.close()
    # Opening again migrates nothing more.
    Store(db_path).close()
    assert len(list(db_path.parent.glob("*.bak"))) == 2


def test_new_files_get_the_current_version(db_path, monkeypatch):
    monkeypatch.setattr(migrations, "CURRENT_SCHEMA", NOW + 1)
    with Store(db_path) as s:
        s.log_set(mkset(), day=DAY)
    assert orjson.loads(db_path.read_bytes())["meta"]["1"]["schema_version"] == NOW + 1
    assert (
        orjson.loads(month_path(db_path, month_of(DAY)).read_bytes())["meta"]["1"]["schema_version"]
        == NOW + 1
    )
    assert list(db_path.parent.glob("*.bak")) == []


def test_failing_migration_leaves_the_file(db_path, monkeypatch):
    main_now, _ = _current_database(db_path)

    def broken(data):
        raise KeyError("exercises_v0")

    monkeypatch.setattr(migrations, "CURRENT_SCHEMA", NOW + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, NOW, broken)
    with pytest.raises(StoreError, match="Cannot migrate") as err:
        Store(db_path)
    assert f"training.json.v{NOW}.bak" in str(err.value)
    assert db_path.read_bytes() == main_now


def test_missing_migration_step(db_path, monkeypatch):
    main_now, _ = _current_database(db_path)
    monkeypatch.setattr(migrations, "CURRENT_SCHEMA", NOW + 2)
    monkeypatch.setitem(migrations.MIGRATIONS, NOW, _to_next)
    with pytest.raises(StoreError, match=f"no migration from schema version {NOW + 1}"):
        Store(db_path)
    assert db_path.read_bytes() == main_now


def test_migration_chain_runs_in_order(db_path, monkeypatch):
    _current_database(db_path)
    seen = []

    def step(n):
        def run(data):
            seen.append((n, next(iter(data["meta"].values()))["schema_version"]))
            return data

        return run

    monkeypatch.setattr(migrations, "CURRENT_SCHEMA", NOW + 2)
    monkeypatch.setitem(migrations.MIGRATIONS, NOW, step(NOW))
    monkeypatch.setitem(migrations.MIGRATIONS, NOW + 1, step(NOW + 1))
    Store(db_path).close()
    assert seen == [(NOW, NOW), (NOW + 1, NOW + 1)]
    assert orjson.loads(db_path.read_bytes())["meta"]["1"]["schema_version"] == NOW + 2


def test_one_keep_safe_copy_per_damaged_content(db_path, monkeypatch):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"{broken")
    stamps = iter(["20260101T000000Z", "20260101T000001Z", "20260101T000002Z"])
    monkeypatch.setattr(files, "_utc_stamp", lambda: next(stamps))
    copies = set()
    for _ in range(2):
        with pytest.raises(DatabaseUnreadable) as err:
            Store(db_path)
        copies.add(err.value.keep_safe_copy)
    assert copies == {db_path.with_name("training.json.unreadable-20260101T000000Z")}
    db_path.write_bytes(b"{broken differently")
    with pytest.raises(DatabaseUnreadable) as err:
        Store(db_path)
    assert err.value.keep_safe_copy.name == "training.json.unreadable-20260101T000001Z"


def test_folder_fsync_failure_is_reported_honestly(store, db_path, monkeypatch):
    session = store.log_set(mkset(), day=DAY)

    def boom(folder):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(files, "fsync_dir", boom)
    with pytest.raises(StoreError, match="was written, but the disk did not confirm"):
        store.log_set(mkset(minute=2), day=DAY, session_id=session.id)  # a new set log
    with pytest.raises(StoreError, match="was written, but the disk did not confirm"):
        store.finish_session(session.id, session.started_at)  # a full write of the month
    monkeypatch.undo()
    assert len(store.session(session.id).sets) == 2  # in place, and re-read from disk
    assert store.session(session.id).ended_at is not None
