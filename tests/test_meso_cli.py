"""`tui-tracker meso ...` and `status`: plan a block, see where it stands, act on the deload."""

from __future__ import annotations

import json

import pytest

from tui_tracker.cli import main
from tui_tracker.store import Store


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "training.json")


def run(capsys, db, today, *args):
    code = main(["--db", db, "--today", today, *args])
    out, err = capsys.readouterr()
    return code, out, err


def status(capsys, db, today) -> dict:
    code, out, _ = run(capsys, db, today, "status", "--json")
    assert code == 0
    return json.loads(out)


def test_new_block_from_the_default_template_prints_the_plan_and_its_volume(capsys, db):
    code, out, err = run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "5")
    assert code == 0 and err == ""
    assert "Upper/Lower 4-day, Nov 2026: 5 weeks from Mon 02 Nov 2026" in out
    assert "W1 3, W2 3, W3 2, W4 2, W5 1" in out
    assert "Mon Upper A: Barbell Bench Press 4 x 5-8" in out
    assert "Chest         11.0  10-16 within" in out
    with Store(db) as store:
        (meso,) = store.mesocycles()
    assert meso.weeks == 5 and meso.start.isoformat() == "2026-11-02"


@pytest.mark.parametrize("weeks", ["2", "7", "0"])
def test_block_length_outside_3_to_6_is_refused_with_the_reason(capsys, db, weeks):
    code, out, err = run(capsys, db, "2026-11-02", "meso", "new", "--weeks", weeks)
    assert code == 2 and out == ""
    assert "3 to 6" in err and "deload" in err and err.count("\n") == 1
    with Store(db) as store:
        assert store.mesocycles() == []


def test_bad_template_and_rir_list_are_one_line_errors(capsys, db):
    assert run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4", "--template", "x")[0] == 2
    code, _, err = run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4", "--rir", "3,2")
    assert code == 2 and "4 values" in err
    code, _, err = run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "3", "--rir", "3,2,9")
    assert code == 2 and "0 to 5" in err


def test_status_without_a_block(capsys, db):
    info = status(capsys, db, "2026-11-02")
    assert info["mesocycle"] is None and info["deload_due"] is False and info["deload_reason"] is None


@pytest.mark.parametrize("today, week, due, reason, target", [
    ("2026-11-01", None, False, None, None),          # the day before it starts
    ("2026-11-02", 1, False, None, 3),
    ("2026-11-22", 3, False, None, 2),                 # last day of week 3 (of 4)
    ("2026-11-29", 4, False, None, 1),                 # last day of the last week
    ("2026-11-30", 5, True, "planned", 4),             # the day after: deload due
])
def test_status_json_across_the_block(capsys, db, today, week, due, reason, target):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4")
    info = status(capsys, db, today)
    assert info["week"] == week and info["weeks"] == 4
    assert info["deload_due"] is due and info["deload_reason"] == reason
    assert info["target_rir"] == target


def test_deload_postpone_and_next_block(capsys, db):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "3")
    code, out, _ = run(capsys, db, "2026-11-23", "meso", "postpone", "--until", "2026-11-29")
    assert code == 0 and "postponed through 2026-11-29" in out
    assert status(capsys, db, "2026-11-29")["deload_due"] is False
    assert status(capsys, db, "2026-11-30")["deload_due"] is True
    # past week 6 the postponement no longer silences it
    run(capsys, db, "2026-11-30", "meso", "postpone", "--until", "2027-01-31")
    assert status(capsys, db, "2026-12-13")["deload_due"] is False  # last day of week 6
    assert status(capsys, db, "2026-12-14")["deload_due"] is True
    code, out, _ = run(capsys, db, "2026-12-14", "meso", "deload")
    assert code == 0 and "Deload week" in out
    info = status(capsys, db, "2026-12-15")
    assert info["label"] == "Deload week" and info["deload_due"] is False and info["target_rir"] == 4
    code, _, err = run(capsys, db, "2026-12-15", "meso", "deload")
    assert code == 2 and "already started" in err
    code, out, _ = run(capsys, db, "2026-12-21", "meso", "next")
    assert code == 0 and "Closed" in out
    info = status(capsys, db, "2026-12-21")
    assert info["week"] == 1 and info["mesocycle"]["start"] == "2026-12-21"
    code, out, _ = run(capsys, db, "2026-12-21", "meso", "list")
    lines = out.splitlines()
    assert lines[0].startswith("  2026-11-02") and "(Ended)" in lines[0]
    assert lines[1].startswith("* 2026-12-21") and "Week 1 of 3" in lines[1]


def test_actions_without_a_block_say_how_to_start_one(capsys, db):
    code, _, err = run(capsys, db, "2026-11-02", "meso", "deload")
    assert code == 2 and "meso new" in err
    code, out, _ = run(capsys, db, "2026-11-02", "meso", "list")
    assert code == 0 and "meso new" in out


def test_text_status_names_the_day_and_the_reason(capsys, db):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4")
    code, out, _ = run(capsys, db, "2026-11-30", "status")
    assert code == 0
    assert "Upper/Lower 4-day, Nov 2026: Deload week" in out
    assert "Today: Upper A" in out
    assert "DELOAD DUE: Deload due: the 4 planned accumulation weeks ended 2026-11-29." in out
