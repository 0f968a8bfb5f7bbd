"""Damaged and unwritable databases through the real `tui-tracker` command.

tests/store/test_files.py checks the store's exceptions in-process.  Here the
installed command runs as a user would run it: each damage gives exit code 3,
one line on stderr naming the damaged file and no traceback, and every byte
of every file is what it was (the only new file is a keep-safe copy).  Then
property tests damage files at random and call the store directly: it answers
or raises StoreError, nothing else.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from datetime import date, datetime, timedelta, timezone
from io import StringIO
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tui_tracker.cli import main
from tui_tracker.domain.models import LoggedSet
from tui_tracker.store import Store, StoreError, month_of, month_path
from tui_tracker.store.setlog import log_path

from .helpers import cli, snapshot

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 18)
LAST_YEAR = date(2025, 11, 18)
ROOT = os.geteuid() == 0


def make_db(db: Path) -> Path:
    """A small real database: settings, a session this year and one last year."""
    with Store(db) as store:
        store.set_setting("unit", "kg")
        for day in (LAST_YEAR, TODAY - timedelta(days=2), TODAY - timedelta(days=1)):
            at = datetime(day.year, day.month, day.day, 18, tzinfo=TZ)
            session = store.log_set(LoggedSet("barbell-back-squat", 100, 5, 2, at), day=day)
            store.log_set(
                LoggedSet("barbell-bench-press", 80, 8, 1, at), day=day, session_id=session.id
            )
            store.finish_session(session.id, at + timedelta(hours=1))
    return db


@pytest.fixture(scope="module")
def good_db(tmp_path_factory) -> Path:
    return make_db(tmp_path_factory.mktemp("good") / "data" / "training.json")


def newer(good: bytes) -> bytes:
    data = orjson.loads(good)
    next(iter(data["meta"].values()))["schema_version"] = 99
    return orjson.dumps(data)


DAMAGE = {
    "truncated": lambda good: good[: len(good) * 2 // 3],
    "garbage": lambda good: b"\x89PNG\r\n\x1a\n\x00\x00 not a training log \xff\xfe",
    "empty": lambda good: b"",
    "newer schema": newer,
}
COMMANDS = {
    "volume": ["volume", "--week", "2026-W47"],
    "log": ["log", "squat", "100x5@2"],
}


def check_refused(result, damaged: Path, before: dict[str, bytes], after: dict[str, bytes]):
    assert result.returncode == 3, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("tui-tracker: error: ") and str(damaged) in lines[0]
    assert "set 1:" not in result.stdout  # nothing claims to be saved
    new = set(after) - set(before)
    assert {k: after[k] for k in before} == before, "a file was changed"
    for name in new:  # only a keep-safe copy of the damaged bytes
        assert ".unreadable-" in name and after[name] == after[damaged.name], name


COMMAND_CASES = [
    pytest.param("volume", "main file"),
    pytest.param("log", "main file"),
    pytest.param("volume", "this year's file"),
    pytest.param("log", "this year's file"),
]


@pytest.mark.parametrize("command,which", COMMAND_CASES)
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_file_exit_3_one_line_bytes_untouched(good_db, tmp_path, which, damage, command):
    folder = tmp_path / "data"
    shutil.copytree(good_db.parent, folder, ignore=shutil.ignore_patterns("*.lock"))
    db = folder / "training.json"
    target = db if which == "main file" else month_path(db, month_of(TODAY))
    target.write_bytes(DAMAGE[damage](target.read_bytes()))
    before = snapshot(folder)
    result = cli("--db", str(db), "--today", TODAY.isoformat(), *COMMANDS[command])
    check_refused(result, target, before, snapshot(folder))
    assert ("newer" in result.stderr) == (damage == "newer schema")


def test_damaged_last_year_does_not_stop_this_week(good_db, tmp_path):
    """Yearly files are read when needed: this week's volume still works."""
    folder = tmp_path / "data"
    shutil.copytree(good_db.parent, folder, ignore=shutil.ignore_patterns("*.lock"))
    db = folder / "training.json"
    month_path(db, month_of(LAST_YEAR)).write_bytes(b'{"meta": {"1": ')
    before = snapshot(folder)
    result = cli("--db", str(db), *COMMANDS["volume"])
    assert result.returncode == 0, result.stderr
    assert snapshot(folder) == before
    result = cli("--db", str(db), "--today", "2025-11-19", *COMMANDS["log"])
    check_refused(result, month_path(db, month_of(LAST_YEAR)), before, snapshot(folder))


# Valid JSON, right tables, a session the store cannot use: hand edits, bit rot.
BAD_SESSION = {
    "date is a number": lambda doc: doc.update(date=20261117),
    "date is not a date": lambda doc: doc.update(date="2026-17-11"),
    "started_at is garbage": lambda doc: doc.update(started_at="yesterday"),
    "no id": lambda doc: doc.pop("id"),
    "sets is a number": lambda doc: doc.update(sets=3),
    "a set is a string": lambda doc: doc["sets"].append("100x5"),
    "reps is text": lambda doc: doc["sets"][0].update(reps="five"),
    "weight is null": lambda doc: doc["sets"][0].update(weight_kg=None),
}


@pytest.mark.parametrize("command", ["volume", "log"])
@pytest.mark.parametrize("case", list(BAD_SESSION))
def test_hand_edited_session_is_refused_not_a_crash(good_db, tmp_path, case, command):
    folder = tmp_path / "data"
    shutil.copytree(good_db.parent, folder, ignore=shutil.ignore_patterns("*.lock"))
    db = folder / "training.json"
    yfile = month_path(db, month_of(TODAY))
    data = orjson.loads(yfile.read_bytes())
    day = TODAY - timedelta(days=1)
    (doc,) = [d for d in data["sessions"].values() if d["date"] == day.isoformat()]
    BAD_SESSION[case](doc)
    yfile.write_bytes(orjson.dumps(data))
    before = snapshot(folder)
    # `log` reads that day's sessions (plan progress, which set is the last); `volume`
    # reads the week holding it.
    result = cli("--db", str(db), "--today", day.isoformat(), *COMMANDS[command])
    check_refused(result, yfile, before, snapshot(folder))


def test_tui_with_a_damaged_year_file_says_so_and_exits_3(good_db, tmp_path):
    from tests.terminal.pty_app import PtyApp

    folder = tmp_path / "data"
    shutil.copytree(good_db.parent, folder, ignore=shutil.ignore_patterns("*.lock"))
    db = folder / "training.json"
    yfile = month_path(db, month_of(TODAY))
    yfile.write_bytes(DAMAGE["truncated"](yfile.read_bytes()))
    before = snapshot(folder)
    app = PtyApp("--db", str(db), "--today", TODAY.isoformat())
    try:
        code = app.wait(timeout=20)
        app._reader.join(60)  # it ends at the pty's end of file: all the output is read
        shown = app.text()
    finally:
        app.close()
    after = snapshot(folder)
    assert {k: after[k] for k in before} == before
    assert "Cannot read the training database" in shown
    assert "Traceback" not in shown and "locals" not in shown, shown[-800:]
    assert code == 3


# --- a database the user cannot write ----------------------------------------------------

#: Root ignores file modes through these capabilities; without them it obeys them like anyone.
NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


@pytest.fixture
def as_user():
    """Run the CLI as a user bound by file modes (as root: without the override capabilities)."""
    if not ROOT:
        return cli
    if shutil.which("setpriv") is None:
        pytest.skip("running as root, and no setpriv to drop the permission override")
    probe = cli("--version", wrap=NO_OVERRIDE)
    if probe.returncode != 0:
        pytest.skip(f"setpriv cannot drop capabilities here: {probe.stderr[-200:]}")
    return lambda *args: cli(*args, wrap=NO_OVERRIDE)


@pytest.mark.parametrize("what", ["main file", "folder", "this year's file"])
def test_database_the_user_cannot_write(as_user, tmp_path, what):
    folder = tmp_path / "data"
    db = folder / "training.json"
    made = as_user(
        "--db",
        str(db),
        "--today",
        (TODAY - timedelta(days=1)).isoformat(),
        "log",
        "squat",
        "100x5@2",
    )
    assert made.returncode == 0, made.stderr
    target = {
        "main file": db,
        "folder": folder,
        "this year's file": month_path(db, month_of(TODAY)),
    }[what]
    target.chmod(0o500 if target.is_dir() else 0o400)
    before = snapshot(folder)

    result = as_user("--db", str(db), "--today", TODAY.isoformat(), *COMMANDS["log"])
    assert result.returncode == 3, (result.stdout, result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert "Cannot write the training database" in result.stderr
    assert str(target if what != "folder" else db) in result.stderr
    assert snapshot(folder) == before

    result = as_user("--db", str(db), *COMMANDS["volume"])
    if what == "this year's file":  # reading needs no write: the week is shown
        assert result.returncode == 0 and "Quads" in result.stdout, result.stderr
    else:  # the store opens read-write or not at all, and says why
        assert result.returncode == 3 and "Cannot write" in result.stderr, result.stderr
    assert snapshot(folder) == before
    target.chmod(0o700 if target.is_dir() else 0o600)  # so tmp_path can be cleaned up


# --- random damage ----------------------------------------------------------------------


def _run_main(*args: str) -> tuple[int, str]:
    err = StringIO()
    with redirect_stdout(StringIO()), redirect_stderr(err):
        code = main(list(args))
    return code, err.getvalue()


def _copy(good_db: Path, tmp: str) -> Path:
    folder = Path(tmp) / "data"
    shutil.copytree(good_db.parent, folder, ignore=shutil.ignore_patterns("*.lock"))
    return folder / good_db.name


def bytes_damage(good_db: Path, data, *, log: bool = False) -> None:
    """Flip, cut or insert bytes anywhere: the store (and `volume`) answers or refuses
    naming the file, and writes nothing.  With `log`, in today's month's set log."""
    with tempfile.TemporaryDirectory() as tmp:
        db = _copy(good_db, tmp)
        month = month_path(db, month_of(TODAY))
        target = log_path(month) if log else data.draw(st.sampled_from([db, month]))
        raw = bytearray(target.read_bytes())
        for _ in range(data.draw(st.integers(1, 4))):
            at = data.draw(st.integers(0, len(raw) - 1))
            kind = data.draw(st.sampled_from(["flip", "cut", "insert"]))
            if kind == "flip":
                raw[at] = data.draw(st.integers(0, 255))
            elif kind == "cut":
                del raw[at : at + data.draw(st.integers(1, 40))]
            else:
                raw[at:at] = data.draw(st.binary(min_size=1, max_size=8))
        target.write_bytes(bytes(raw))
        before = snapshot(db.parent)
        if target == db:  # through the CLI
            code, err = _run_main(
                "--db", str(db), "--today", TODAY.isoformat(), *COMMANDS["volume"]
            )
            assert code in (0, 3), err
            assert code == 0 or str(target) in err
        try:
            with Store(db) as store:
                store.sessions_between(date(2025, 1, 1), TODAY)
                store.catalogue()
        except StoreError as e:
            assert str(target) in str(e)
        after = snapshot(db.parent)
        assert {k: after[k] for k in before} == before


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**62), 2**62)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(
        [
            "2026-11-17",
            "20261117",
            "2026-11-17T18:00:00+01:00",
            "0001-01-01T00:00",
            "kg",
            "lb",
            "warmup",
            "working",
            "barbell-back-squat",
            "chest",
        ]
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def _store_calls(store: Store) -> None:
    at = datetime(2026, 11, 18, 18, tzinfo=TZ)
    store.sessions_between(date(2025, 1, 1), date(2026, 12, 31))
    store.recent_sessions(limit=10)
    store.last_sets("barbell-back-squat", before=TODAY)
    store.open_session(TODAY - timedelta(days=1))
    store.volume_targets()
    store.catalogue()
    store.mesocycles()
    store.get_setting("unit")
    store.set_setting("unit", "lb")
    store.log_set(LoggedSet("barbell-back-squat", 100, 5, 2, at), day=TODAY)


def field_damage(good_db: Path, data) -> None:
    """Any JSON value in any field of a stored document (or the field gone): the store
    reads it, or raises StoreError naming the file; never TypeError, KeyError..."""
    with tempfile.TemporaryDirectory() as tmp:
        db = _copy(good_db, tmp)
        target = data.draw(st.sampled_from([db, month_path(db, month_of(TODAY))]))
        raw = orjson.loads(target.read_bytes())
        table = data.draw(st.sampled_from(sorted(k for k, v in raw.items() if v)))
        node = raw[table][data.draw(st.sampled_from(sorted(raw[table])))]
        if data.draw(st.booleans()) and isinstance(node.get("sets"), list) and node["sets"]:
            node = data.draw(st.sampled_from(node["sets"]))
        field = data.draw(st.sampled_from(sorted(node)))
        if data.draw(st.integers(0, 6)) == 0:
            del node[field]
        else:
            node[field] = data.draw(JSON_VALUES)
        target.write_bytes(orjson.dumps(raw))
        try:
            with Store(db) as store:
                _store_calls(store)
        except StoreError as e:
            assert str(db.parent) in str(e)


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.data())
def test_random_bytes_damage_exit_0_or_3_never_a_traceback(good_db, data):
    bytes_damage(good_db, data)


@FAST
@given(st.data())
def test_any_value_in_any_stored_field_is_read_or_refused(good_db, data):
    field_damage(good_db, data)


@pytest.fixture(scope="module")
def logged_db(tmp_path_factory) -> Path:
    """The good database with a session open today, two of its sets in the set log."""
    db = make_db(tmp_path_factory.mktemp("logged") / "data" / "training.json")
    with Store(db) as store:
        at = datetime(TODAY.year, TODAY.month, TODAY.day, 18, tzinfo=TZ)
        session = store.log_set(LoggedSet("barbell-back-squat", 100, 5, 2, at), day=TODAY)
        for minute in (3, 6):
            s = LoggedSet("barbell-back-squat", 100, 5, 1, at + timedelta(minutes=minute))
            store.log_set(s, day=TODAY, session_id=session.id)
    assert log_path(month_path(db, month_of(TODAY))).read_bytes().count(b"\n") == 2
    return db


@FAST
@given(st.data())
def test_random_bytes_damage_in_a_set_log_is_read_or_refused(logged_db, data):
    bytes_damage(logged_db, data, log=True)


@pytest.mark.slow
@LONG
@given(st.data())
def test_random_bytes_damage_long(good_db, data):
    bytes_damage(good_db, data)


@pytest.mark.slow
@LONG
@given(st.data())
def test_any_value_in_any_stored_field_long(good_db, data):
    field_damage(good_db, data)
