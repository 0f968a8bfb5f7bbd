"""Imports as batches: `tui-tracker imports [--json]`, `imports remove ID`, `import ... --replace`,
through the real entry point on real files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import orjson
import pytest

from tui_tracker.cli import main
from tui_tracker.commands import transfer
from tui_tracker.domain.models import KG_PER_LB
from tui_tracker.store import Store

IOS = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
ROWS = (
    "2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),1,100,5,0,0,,,",
    "2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),2,100,5,0,0,,,",
    "2024-04-09 07:30:00,Legs,45m,Squat (Barbell),1,140,5,0,0,,,",
)
OTHER = ("2024-05-01 18:00:00,Pull,1h,Deadlift (Barbell),1,180,3,0,0,,,",)


@pytest.fixture(autouse=True)
def berlin(monkeypatch, tmp_path):
    monkeypatch.setattr(transfer, "local_zone", lambda: ZoneInfo("Europe/Berlin"))
    monkeypatch.setenv("TUI_TRACKER_CONFIG", str(tmp_path / "settings.toml"))


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "db" / "training.json"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys, db: Path, *args) -> str:
    code, out, err = run(capsys, "--db", db, "--today", "2026-12-02", *args)
    assert code == 0, err
    return out


def csv_file(tmp_path: Path, name: str, *rows: str) -> Path:
    path = tmp_path / name
    path.write_text("\n".join((IOS, *rows)) + "\n", encoding="utf-8")
    return path


def sessions(db: Path):
    store = Store(db)
    out = store.sessions_between(date(2000, 1, 1), date(2100, 1, 1))
    store.close()
    return out


def listed(capsys, db: Path) -> list[dict]:
    return json.loads(ok(capsys, db, "imports", "--json"))


def test_each_import_is_a_batch_listed_with_file_date_sessions_and_sets(capsys, db, tmp_path):
    assert ok(capsys, db, "imports") == (
        "No imports yet (tui-tracker import strong|hevy|json FILE).\n"
    )
    assert not db.exists()  # listing creates nothing
    out = ok(
        capsys, db, "import", "strong", csv_file(tmp_path, "strong.csv", *ROWS), "--unit", "kg"
    )
    assert "This is import 1 (2 sessions): 'tui-tracker imports remove 1' takes it back out." in out
    ok(capsys, db, "import", "strong", csv_file(tmp_path, "old.csv", *OTHER), "--unit", "kg")

    (first, second) = listed(capsys, db)
    assert (
        first["id"],
        first["file"],
        first["source"],
        first["sessions"],
        first["sets"],
        first["state"],
    ) == ("1", "strong.csv", "strong", 2, 3, "done")
    assert first["imported_at"].startswith("2026-12-02T")
    assert (second["id"], second["file"], second["sessions"], second["sets"]) == (
        "2",
        "old.csv",
        1,
        1,
    )
    lines = ok(capsys, db, "imports").splitlines()
    assert lines[0].split() == ["id", "file", "imported", "sessions", "sets"]
    assert lines[1].split()[:2] == ["1", "strong.csv"] and lines[1].split()[-2:] == ["2", "3"]
    # On disk: the table in the main file, each imported session naming its batch.
    main_file = orjson.loads(db.read_bytes())
    assert [d["id"] for d in main_file["imports"].values()] == ["1", "2"]
    march = orjson.loads((db.parent / "training.sessions-2024-03.json").read_bytes())
    assert [d["batch"] for d in march["sessions"].values()] == ["1"]


def test_the_same_file_again_adds_nothing_and_records_no_batch(capsys, db, tmp_path):
    f = csv_file(tmp_path, "strong.csv", *ROWS)
    ok(capsys, db, "import", "strong", f, "--unit", "kg")
    out = ok(capsys, db, "import", "strong", f, "--unit", "kg")
    assert "2 sessions were already there" in out and "This is import" not in out
    assert [b["id"] for b in listed(capsys, db)] == ["1"]


def test_remove_takes_out_only_its_sessions_never_hand_logged_ones(capsys, db, tmp_path):
    ok(capsys, db, "import", "strong", csv_file(tmp_path, "strong.csv", *ROWS), "--unit", "kg")
    ok(capsys, db, "import", "strong", csv_file(tmp_path, "old.csv", *OTHER), "--unit", "kg")
    # Logged by hand on a day of the import's month, and on another day.
    ok(capsys, db, "--today", "2024-03-06", "log", "squat", "100x5@2")
    ok(capsys, db, "--today", "2026-11-30", "log", "curl", "12x10@1")

    out = ok(capsys, db, "imports", "remove", "1")
    assert out.startswith("Removed import 1 (strong.csv of 2026-12-02 ")
    assert out.endswith("2 sessions (3 sets) taken out; sessions logged by hand are untouched.\n")
    left = sessions(db)
    assert [(s.date.isoformat(), len(s.sets)) for s in left] == [
        ("2024-03-06", 1),
        ("2024-05-01", 1),
        ("2026-11-30", 1),
    ]
    assert [b["id"] for b in listed(capsys, db)] == ["2"]
    # Gone for good: removing it again is refused, and its id is never given again.
    code, _, err = run(capsys, "--db", db, "imports", "remove", "1")
    assert code == 3 and "There is no import '1' (imports: 2)." in err
    ok(capsys, db, "import", "strong", csv_file(tmp_path, "strong.csv", *ROWS), "--unit", "kg")
    assert [b["id"] for b in listed(capsys, db)] == ["2", "3"]


def test_replace_fixes_a_wrong_unit(capsys, db, tmp_path):
    f = csv_file(tmp_path, "strong.csv", *ROWS)
    ok(capsys, db, "import", "strong", f, "--unit", "lb")  # wrong: Strong was in kg
    assert sessions(db)[0].sets[0].weight_kg == pytest.approx(100 * KG_PER_LB)
    ok(capsys, db, "--today", "2024-03-06", "log", "squat", "100x5@2")

    out = ok(capsys, db, "import", "strong", f, "--unit", "kg", "--replace")
    assert out.startswith("Replacing import 1 (strong.csv of 2026-12-02 ")
    assert "2 sessions (3 sets) taken out." in out
    assert "Imported 2 new sessions (3 sets)" in out and "This is import 2" in out
    weights = [(s.date.isoformat(), x.weight_kg) for s in sessions(db) for x in s.sets]
    assert weights == [
        ("2024-03-05", 100),
        ("2024-03-05", 100),
        ("2024-03-06", 100),
        ("2024-04-09", 140),
    ]
    assert [(b["id"], b["sessions"]) for b in listed(capsys, db)] == [("2", 2)]


def test_replace_finds_a_new_export_of_the_same_name_and_says_when_there_is_none(
    capsys, db, tmp_path
):
    out = ok(
        capsys,
        db,
        "import",
        "strong",
        csv_file(tmp_path, "strong.csv", *ROWS[:2]),
        "--unit",
        "kg",
        "--replace",
    )
    assert out.startswith("No earlier import of strong.csv to replace: importing it as new.")
    # A later export from the app, more sessions, same file name.
    out = ok(
        capsys,
        db,
        "import",
        "strong",
        csv_file(tmp_path, "strong.csv", *ROWS, *OTHER),
        "--unit",
        "kg",
        "--replace",
    )
    assert "Replacing import 1" in out and "Imported 3 new sessions (4 sets)" in out
    assert [(b["id"], b["sessions"], b["sets"]) for b in listed(capsys, db)] == [("2", 3, 4)]


def test_a_strict_import_refused_replaces_nothing(capsys, db, tmp_path):
    f = csv_file(tmp_path, "strong.csv", *ROWS)
    ok(capsys, db, "import", "strong", f, "--unit", "kg")
    bad = csv_file(
        tmp_path, "strong.csv", *ROWS, "2024-04-09 07:30:00,Legs,45m,Squat (Barbell),2,x,5,0,0,,,"
    )
    code, _, err = run(
        capsys, "--db", db, "import", "strong", bad, "--unit", "kg", "--strict", "--replace"
    )
    assert code == 2 and "nothing imported (--strict)" in err
    assert [(b["id"], b["sessions"]) for b in listed(capsys, db)] == [("1", 2)]
    assert len(sessions(db)) == 2


def test_a_json_import_is_a_batch_too(capsys, db, tmp_path):
    other = tmp_path / "other" / "training.json"
    ok(capsys, other, "--today", "2026-11-30", "log", "curl", "12x10@1")
    export = tmp_path / "backup.json"
    ok(capsys, other, "export", "-o", export)
    ok(capsys, db, "--today", "2026-11-29", "log", "squat", "100x5@2")

    out = ok(capsys, db, "import", "json", export)
    assert "This is import 1 (1 session)" in out
    (b,) = listed(capsys, db)
    assert (b["file"], b["source"], b["sessions"], b["sets"]) == ("backup.json", "json", 1, 1)
    ok(capsys, db, "imports", "remove", "1")
    assert [s.date.isoformat() for s in sessions(db)] == ["2026-11-29"]


def test_a_removal_cut_short_is_listed_and_finished_by_running_it_again(
    capsys, db, tmp_path, monkeypatch
):
    from tui_tracker.store import batches

    ok(capsys, db, "import", "strong", csv_file(tmp_path, "strong.csv", *ROWS), "--unit", "kg")
    store = Store(db)
    real = store._existing_months
    monkeypatch.setattr(store, "_existing_months", lambda: real()[:1])  # dies after one month
    batches.remove(store, "1")
    store.close()
    # (the state is what a crash after the first month leaves, but marked removed: undo that)
    raw = orjson.loads(db.read_bytes())
    (doc,) = raw["imports"].values()
    doc["state"] = "removing"
    db.write_bytes(orjson.dumps(raw))
    assert len(sessions(db)) == 1

    listing = ok(capsys, db, "imports")
    assert "removal cut short: run 'tui-tracker imports remove 1' again" in listing
    out = ok(capsys, db, "imports", "remove", "1")
    assert "1 session (1 set) taken out" in out
    assert sessions(db) == [] and listed(capsys, db) == []


def test_a_database_from_before_batches_reads_as_having_no_imports(capsys, db, tmp_path):
    ok(capsys, db, "--today", "2026-11-29", "log", "squat", "100x5@2")
    raw = orjson.loads(db.read_bytes())
    del raw["imports"]
    db.write_bytes(orjson.dumps(raw))
    assert listed(capsys, db) == []
    out = ok(
        capsys, db, "import", "strong", csv_file(tmp_path, "strong.csv", *ROWS), "--unit", "kg"
    )
    assert "This is import 1" in out


def test_a_hostile_file_name_is_listed_literally(capsys, db, tmp_path):
    name = "[b]x[i]\x1b]0;t\x07.csv"
    ok(capsys, db, "import", "strong", csv_file(tmp_path, name, *ROWS), "--unit", "kg")
    out = ok(capsys, db, "imports")
    assert "\x1b" not in out and "\x07" not in out and "  1  [b]x[i]]0;t.csv  " in out
