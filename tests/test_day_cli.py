"""`tui-tracker day`: today's plan as changed, and swap, skip, move, next from a shell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui_tracker.cli import main

MONDAY, WEDNESDAY = "2026-11-02", "2026-11-04"  # Upper A; a rest day before Upper B


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path, capsys) -> Path:
    path = tmp_path / "training.json"
    assert run(capsys, "--db", path, "meso", "new", "--weeks", "4", "--start", MONDAY)[0] == 0
    return path


def day(capsys, db, today, *args):
    return run(capsys, "--db", db, "--today", today, "day", *args)


def test_day_lists_today_and_swap_skip_move_change_it_for_the_day(capsys, db):
    code, out, _ = day(capsys, db, MONDAY)
    assert code == 0 and out.splitlines()[0] == "Mon 02 Nov 2026: Upper A (Week 1 of 4)"
    assert out.splitlines()[1].split() == ["Barbell", "Bench", "Press", "4x5-8", "@3"]
    code, out, _ = day(capsys, db, MONDAY, "swap", "barbell bench press", "dumbbell bench press")
    assert code == 0
    assert out.startswith(
        "Today Dumbbell Bench Press instead of Barbell Bench Press (4x5-8 @3); the plan stays.\n"
    )
    code, out, _ = day(capsys, db, MONDAY, "skip", "barbell row", "--reason", "rack [b]taken")
    assert "Skipped Barbell Row today: rack [b]taken." in out
    code, out, _ = day(capsys, db, MONDAY, "move", "ez-bar curl", "--up")
    assert "Moved EZ-Bar Curl up." in out
    code, out, _ = day(capsys, db, MONDAY, "--json")
    shown = json.loads(out)
    assert [e["id"] for e in shown["exercises"]][:2] == ["dumbbell-bench-press", "barbell-row"]
    assert shown["exercises"][0]["planned_id"] == "barbell-bench-press"
    assert shown["exercises"][1]["skipped"] == "rack [b]taken"
    assert [e["id"] for e in shown["exercises"]][4:6] == ["ez-bar-curl", "dumbbell-lateral-raise"]
    code, out, _ = day(capsys, db, "2026-11-09", "--json")  # next Monday: the plan as it was
    assert json.loads(out)["exercises"][0]["id"] == "barbell-bench-press"
    code, out, _ = day(capsys, db, MONDAY, "skip", "row", "--undo")
    assert "Barbell Row is back in today's plan." in out


def test_a_rest_day_says_what_is_next_and_next_does_it_today(capsys, db):
    code, out, _ = day(capsys, db, WEDNESDAY)
    assert out == (
        "Wed 04 Nov 2026: rest day.\nNext: Upper B, tomorrow (Thu 05 Nov). "
        "`tui-tracker day next` does it today.\n"
    )
    code, out, _ = day(capsys, db, WEDNESDAY, "next")
    assert code == 0 and out.startswith("Today: Upper B, brought forward from Thu 05 Nov")
    code, out, _ = run(capsys, "--db", db, "--today", WEDNESDAY, "status", "--json")
    assert json.loads(out)["planned_today"] == "Upper B"
    code, out, _ = day(capsys, db, "2026-11-05", "--json")
    shown = json.loads(out)
    assert shown["rest_day"] and shown["next"] == {"date": "2026-11-06", "day": "Lower B"}
    code, out, _ = day(capsys, db, WEDNESDAY, "next", "--undo")
    assert out.startswith("Upper B is back on Thu 05 Nov; today is a rest day again.\n")
    code, out, _ = day(capsys, db, "2026-11-05", "--json")
    assert json.loads(out)["day"] == "Upper B"
    code, _, err = day(capsys, db, WEDNESDAY, "next", "--undo")
    assert code == 2 and "not brought forward" in err


def test_a_day_with_sets_logged_is_not_put_back(capsys, db):
    day(capsys, db, WEDNESDAY, "next")
    assert run(capsys, "--db", db, "--today", WEDNESDAY, "log", "pull-up", "0x8@2")[0] == 0
    code, _, err = day(capsys, db, WEDNESDAY, "next", "--undo")
    assert code == 2 and "sets are logged today" in err


@pytest.mark.parametrize(
    "args,message",
    [
        (("next",), "today is not a rest day"),
        (("skip", "squat"), "'squat' matches none of today's exercises: Barbell Bench Press,"),
        (("swap", "barbell row", "barbell bench press"), "already on the day"),
        (("move", "bench"), "one of the arguments --up --down is required"),
    ],
)
def test_a_change_that_makes_no_sense_is_one_line_and_exit_2(capsys, db, args, message):
    code, out, err = day(capsys, db, MONDAY, *args)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_without_a_block_day_says_so_and_changes_nothing(capsys, tmp_path):
    path = tmp_path / "empty.json"
    code, out, _ = run(capsys, "--db", path, "--today", MONDAY, "day")
    assert code == 0 and "no training block" in out
    code, _, err = run(capsys, "--db", path, "--today", MONDAY, "day", "next")
    assert code == 2 and "not a rest day" in err
    assert not path.exists()  # nothing to change: nothing written
