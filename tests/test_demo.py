"""`tui-tracker demo`: a realistic lifter in a database, never over one that holds data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui_tracker.cli import main
from tui_tracker.store import Store

TODAY = "2026-11-18"  # a Wednesday


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "demo" / "demo.json"


def files(db: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(db.parent.glob(f"{db.stem}*.json"))}


def export(capsys, db: Path) -> str:
    code, out, err = run(capsys, "--db", db, "export")
    assert code == 0, err
    return out


def test_demo_makes_a_finished_block_and_a_current_one_in_week_4(capsys, db):
    code, out, err = run(capsys, "demo", "--db", db, "--today", TODAY)
    assert code == 0, err
    assert out.startswith(f"Wrote a demo lifter to {db}:")
    assert "deload week, finished" in out and f"week 4 of 5 as of {TODAY}" in out
    assert f"tui-tracker --db {db} --today {TODAY}" in out

    code, out, err = run(capsys, "--db", db, "--today", TODAY, "status", "--json")
    assert code == 0, err
    status = json.loads(out)
    assert status["week"] == 4 and status["weeks"] == 5 and status["phase"] == "accumulation"
    assert status["label"] == "Week 4 of 5" and status["target_rir"] == 2
    assert status["deload_due"] is False and status["warnings"] == []

    store = Store(db)
    try:
        first, current = store.mesocycles()
        assert first.ended == current.start and first.deload_start is not None
        sessions = store.recent_sessions(1000)
    finally:
        store.close()
    assert 30 <= len(sessions) <= 40
    assert all(s.date.isoformat() < TODAY for s in sessions)
    assert any(s.note == "Deload week" for s in sessions)

    code, out, _ = run(capsys, "--db", db, "--today", TODAY, "volume", "--json")
    assert json.loads(out)["muscles"]["chest"]["sets"] > 0  # this week's Mon and Tue are logged


def test_refuses_a_database_with_data_without_force(capsys, db):
    run(capsys, "--db", db, "--today", "2026-11-16", "log", "squat", "100x5@2")
    before = files(db)
    code, out, err = run(capsys, "demo", "--db", db, "--today", TODAY)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "already holds training data (1 session, 0 mesocycles)" in err and "--force" in err
    assert files(db) == before


def test_an_empty_existing_database_is_filled_without_force(capsys, db):
    run(capsys, "--db", db, "exercises")  # creates the file, adds nothing
    code, _, err = run(capsys, "demo", "--db", db, "--today", TODAY)
    assert code == 0, err


def test_force_replaces_everything_and_is_idempotent(capsys, db, tmp_path):
    run(capsys, "--db", db, "--today", "2026-11-16", "log", "squat", "100x5@2")
    run(
        capsys,
        "--db",
        db,
        "exercise",
        "add",
        "Cable Y Raise",
        "--primary",
        "side_delts",
        "--kind",
        "isolation",
    )
    code, out, err = run(capsys, "demo", "--db", db, "--today", TODAY, "--force")
    assert code == 0, err
    assert out.startswith(f"Replaced everything in {db}:")
    first = export(capsys, db)
    assert "Cable Y Raise" not in first and '"squat' not in first
    code, _, err = run(capsys, "demo", "--db", db, "--today", TODAY, "--force")
    assert code == 0, err
    assert export(capsys, db) == first

    # On another day the old demo is gone too: the same as a fresh demo of that day.
    run(capsys, "demo", "--db", db, "--today", "2027-03-03", "--force")
    fresh = tmp_path / "fresh" / "demo.json"
    run(capsys, "demo", "--db", fresh, "--today", "2027-03-03")
    assert export(capsys, db) == export(capsys, fresh)


def test_deterministic_per_seed(capsys, tmp_path):
    paths = [tmp_path / name / "d.json" for name in ("a", "b", "c")]
    for path, seed in zip(paths, ("1", "1", "2")):
        code, _, err = run(capsys, "demo", "--db", path, "--today", TODAY, "--seed", seed)
        assert code == 0, err
    a, b, c = (export(capsys, p) for p in paths)
    assert a == b and a != c


def test_default_database_is_demo_json_in_the_data_folder_not_the_log(
    capsys, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("TUI_TRACKER_DB", str(tmp_path / "log" / "training.json"))
    code, out, err = run(capsys, "demo", "--today", TODAY)
    assert code == 0, err
    demo = tmp_path / "data" / "tui-tracker" / "demo.json"
    assert demo.exists() and str(demo) in out
    assert not (tmp_path / "log").exists()


def test_console_script(tmp_path):
    exe = Path(sys.executable).with_name("tui-tracker")
    db = tmp_path / "d.json"
    proc = subprocess.run(
        [str(exe), "demo", "--db", str(db), "--today", TODAY],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run(
        [str(exe), "--db", str(db), "--today", TODAY, "status", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0 and json.loads(proc.stdout)["week"] == 4
    proc = subprocess.run(
        [str(exe), "demo", "--db", str(db)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2 and "--force" in proc.stderr
