"""The CLI: thin subcommands over the store and domain; bad input is one line, exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui_tracker.cli import main
from tui_tracker.domain.muscles import MUSCLES
from tui_tracker.store import Store


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "training.json"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def sets_in(db: Path, day: str = "2026-11-16") -> list:
    from datetime import date

    store = Store(db)
    sessions = store.sessions_between(date.fromisoformat(day), date.fromisoformat(day))
    store.close()
    return [s for session in sessions for s in session.sets]


def test_log_appends_to_that_days_session_and_prints_what_was_saved(capsys, db):
    code, out, err = run(
        capsys,
        "--db",
        str(db),
        "--today",
        "2026-11-16",
        "log",
        "Squat (Barbell)",
        "100x5@2",
        "102,5x5@1",
        "105x3",
    )
    assert code == 0, err
    assert "Barbell Back Squat, session of 2026-11-16:\n  set 1 saved: 100 kg x 5 @2" in out
    assert "set 3 saved: 105 kg x 3\n3 working sets of 1 exercise in this session" in out
    code, out, _ = run(capsys, "--db", str(db), "--today", "2026-11-16", "log", "bench", "80x8@2")
    assert code == 0
    saved = sets_in(db)
    assert [(s.exercise_id, s.weight_kg, s.reps, s.rir) for s in saved] == [
        ("barbell-back-squat", 100, 5, 2),
        ("barbell-back-squat", 102.5, 5, 1),
        ("barbell-back-squat", 105, 3, None),
        ("barbell-bench-press", 80, 8, 2),
    ]
    assert all(s.at.date().isoformat() == "2026-11-16" for s in saved)


def test_log_global_options_after_the_subcommand_too(capsys, db):
    code, _, err = run(capsys, "log", "--db", str(db), "--today", "2026-11-16", "squat", "100x5")
    assert code == 0, err
    assert len(sets_in(db)) == 1


def test_log_warmup_and_pounds(capsys, db):
    code, out, _ = run(
        capsys,
        "--db",
        str(db),
        "--today",
        "2026-11-16",
        "log",
        "bench",
        "135x5",
        "--warmup",
        "--unit",
        "lb",
    )
    assert code == 0 and "135 lb x 5" in out and "warm-up" in out
    (s,) = sets_in(db)
    assert s.kind == "warmup" and s.unit == "lb" and s.weight_kg == pytest.approx(135 * 0.45359237)


def test_log_failure_on_squat_prints_the_warning(capsys, db):
    code, out, _ = run(capsys, "--db", str(db), "--today", "2026-11-16", "log", "squat", "140x3@0")
    assert code == 0 and "injury" in out and "Evidence" in out


def test_log_failure_on_a_compound_names_the_training_status_from_the_settings(capsys, db):
    code, out, _ = run(capsys, "--db", str(db), "--today", "2026-11-16", "log", "bench", "100x5@0")
    assert code == 0 and "for trained lifters, as you are" in out  # conftest: some_years


@pytest.mark.parametrize(
    "args,message",
    [
        (["log", "benchpress", "100x5"], "did you mean: Barbell Bench Press"),
        (["log", "squat", "100x5@2", "100x101"], "reps above 100"),
        (["log", "squat", "abc"], "not like 100x5@2"),
        (["log", "squat", "1001x1"], "above 1000 kg"),
        (["log", "squat"], "the following arguments are required"),
        (["--today", "2026-02-30", "log", "squat", "100x5"], "not a real date"),
        (["volume", "--week", "2026-W60"], "has no week 60"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(capsys, db, args, message):
    code, out, err = run(capsys, "--db", str(db), *args)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert (
        not any(p.name.startswith("training.sessions") for p in db.parent.iterdir())
        if db.parent.exists()
        else True
    )


def test_the_tui_options_parse_without_the_subcommands_and_the_same_way(db):
    """Starting the TUI takes a short path through the parser (cli._parse); it must
    read the TUI's options exactly as the full parser does, and leave the rest to it."""
    from tui_tracker.cli import _parse, build_parser

    tui = ["--db", str(db), "--today", "2026-11-16", "--no-mouse", "--theme", "nord"]
    quick = _parse(tui)
    assert quick.command is None
    assert vars(quick) == vars(build_parser().parse_args(tui))
    assert _parse([*tui, "volume"]).command == "volume"


def test_tui_option_errors_and_help_are_as_before(capsys, db):
    code, _, err = run(capsys, "--db", str(db), "--today", "2026-02-30")
    assert code == 2 and "not a real date" in err and len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "volume" in out and "meso" in out and "--no-mouse" in out


def test_a_bad_set_among_good_ones_writes_none_of_them(capsys, db):
    run(capsys, "--db", str(db), "--today", "2026-11-16", "log", "squat", "100x5")
    code, _, _ = run(
        capsys, "--db", str(db), "--today", "2026-11-16", "log", "squat", "100x5", "100x5@99"
    )
    assert code == 2
    assert len(sets_in(db)) == 1


def test_volume_json_shape(capsys, db):
    for day in ("2026-11-16", "2026-11-19"):
        run(capsys, "--db", str(db), "--today", day, "log", "squat", *["100x5@2"] * 6)
    run(capsys, "--db", str(db), "--today", "2026-11-16", "log", "squat", "60x5", "--warmup")
    code, out, _ = run(capsys, "--db", str(db), "volume", "--week", "2026-W47", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["week"] == "2026-W47"
    assert list(data["muscles"]) == list(MUSCLES)
    assert data["muscles"]["quads"] == {
        "sets": 12.0,
        "sessions": 2,
        "target": [10, 16],
        "status": "within",
        "single_session": False,
        "split_advised": False,
    }
    assert data["muscles"]["chest"]["status"] == "below"


def test_volume_default_week_is_todays_and_table_is_readable(capsys, db):
    run(capsys, "--db", str(db), "--today", "2026-11-18", "log", "bench", "80x8@2", "80x8@2")
    code, out, _ = run(capsys, "--db", str(db), "--today", "2026-11-22", "volume")
    assert code == 0 and "2026-W47" in out
    chest = next(line for line in out.splitlines() if line.startswith("Chest"))
    assert "2.0" in chest and "below" in chest and "1 session" in chest


@pytest.mark.parametrize(
    "today,flagged,week_over",
    [
        ("2026-11-18", False, False),  # Wednesday: the second session may still come
        ("2026-11-21", False, False),  # Saturday
        ("2026-11-22", True, True),  # Sunday, the week's last day: as the dashboard
        ("2026-12-01", True, True),  # a week gone by
    ],
)
def test_volume_flags_a_single_session_muscle_only_once_the_week_is_over(
    capsys, db, today, flagged, week_over
):
    run(capsys, "--db", str(db), "--today", "2026-11-16", "log", "bench", *["80x8@2"] * 4)
    code, out, _ = run(capsys, "--db", str(db), "--today", today, "volume", "--week", "2026-W47")
    assert code == 0
    chest = next(line for line in out.splitlines() if line.startswith("Chest"))
    assert ("split it over two" in chest) == flagged
    code, out, _ = run(
        capsys, "--db", str(db), "--today", today, "volume", "--week", "2026-W47", "--json"
    )
    data = json.loads(out)
    assert data["week_over"] is week_over
    assert data["muscles"]["chest"]["single_session"] is True  # the data, whatever the day


def test_exercises_lists_the_catalogue(capsys, db):
    code, out, _ = run(capsys, "--db", str(db), "exercises", "--json")
    data = json.loads(out)
    assert code == 0 and len(data) >= 80
    squat = next(e for e in data if e["id"] == "barbell-back-squat")
    assert squat["kind"] == "compound" and squat["high_skill"] and "quads" in squat["primary"]
    code, out, _ = run(capsys, "--db", str(db), "exercises")
    assert "Barbell Back Squat" in out and "high skill" in out


def test_own_exercises_add_edit_and_log(capsys, db):
    code, out, err = run(
        capsys,
        "--db",
        str(db),
        "exercise",
        "add",
        "Cable Y Raise",
        "--primary",
        "side_delts",
        "--secondary",
        "rear_delts",
        "--kind",
        "isolation",
    )
    assert code == 0, err
    assert "Added Cable Y Raise" in out
    code, out, _ = run(capsys, "--db", str(db), "exercise", "edit", "cable y raise", "--rest", "60")
    assert code == 0 and "rest 60 s" in out
    code, _, _ = run(
        capsys, "--db", str(db), "--today", "2026-11-16", "log", "Cable Y Raise", "8x15@1"
    )
    assert code == 0
    code, out, _ = run(capsys, "--db", str(db), "volume", "--week", "2026-W47", "--json")
    assert json.loads(out)["muscles"]["side_delts"]["sets"] == 1.0
    assert json.loads(out)["muscles"]["rear_delts"]["sets"] == 0.5


@pytest.mark.parametrize(
    "args,message",
    [
        (["exercise", "add", "Squat", "--primary", "quads"], "already in the catalogue"),
        (["exercise", "add", "Thing", "--primary", "lats"], "unknown muscle 'lats'"),
        (["exercise", "edit", "nothing like it"], "unknown exercise"),
        (["exercise", "edit", "squat"], "nothing to change"),
        (
            ["exercise", "add", "Thing", "--primary", "side_delts,side_delts"],
            "side_delts is listed twice",
        ),
        (
            ["exercise", "add", "Thing", "--primary", "side_delts", "--secondary", "side_delts"],
            "side_delts is both a primary and a secondary muscle",
        ),
        (
            ["exercise", "edit", "squat", "--secondary", "glutes"],
            "glutes is both a primary and a secondary muscle",
        ),
        (
            ["exercise", "edit", "bench", "--primary", "chest,triceps"],
            "triceps is both a primary and a secondary muscle",
        ),
    ],
)
def test_exercise_errors(capsys, db, args, message):
    code, _, err = run(capsys, "--db", str(db), *args)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    if db.exists():
        store = Store(db)
        assert store.custom_exercises() == []  # nothing saved
        store.close()


def test_edit_builtin_muscles_changes_volume(capsys, db):
    code, _, _ = run(capsys, "--db", str(db), "exercise", "edit", "squat", "--primary", "quads")
    assert code == 0
    run(capsys, "--db", str(db), "--today", "2026-11-16", "log", "squat", "100x5@2")
    _, out, _ = run(capsys, "--db", str(db), "volume", "--week", "2026-W47", "--json")
    assert json.loads(out)["muscles"]["glutes"]["sets"] == 0


def test_db_from_environment(capsys, db, monkeypatch):
    monkeypatch.setenv("TUI_TRACKER_DB", str(db))
    code, _, _ = run(capsys, "--today", "2026-11-16", "log", "squat", "100x5")
    assert code == 0 and len(sets_in(db)) == 1


def test_unreadable_database_is_exit_3_naming_the_file(capsys, db):
    db.write_text("{not json")
    code, _, err = run(capsys, "--db", str(db), "volume")
    assert code == 3 and str(db) in err
    assert db.read_text() == "{not json"


def test_tui_refuses_without_a_terminal(tmp_path):
    env = {**os.environ, "TUI_TRACKER_DB": str(tmp_path / "t.json")}
    env.pop("TEXTUAL_DRIVER", None)
    proc = subprocess.run(
        [sys.executable, "-m", "tui_tracker.cli"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )
    assert proc.returncode == 2
    assert "needs a terminal" in proc.stderr and "tui-tracker log" in proc.stderr


def test_console_script_is_installed_and_fast_path_works(tmp_path):
    exe = Path(sys.executable).with_name("tui-tracker")
    proc = subprocess.run(
        [str(exe), "--db", str(tmp_path / "t.json"), "exercises", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0 and json.loads(proc.stdout)


def test_a_closed_pipe_ends_quietly(tmp_path):
    """`tui-tracker exercises | head -1` prints no traceback."""
    exe = Path(sys.executable).with_name("tui-tracker")
    proc = subprocess.run(
        f"'{exe}' --db '{tmp_path / 't.json'}' exercises | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.stdout.count("\n") == 1
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_log_unit_applies_to_that_command_only(capsys, db):
    """`--unit lb` is for the sets of that command: the next `log` is in the default unit."""
    run(capsys, "--db", str(db), "--today", "2026-11-16", "log", "bench", "135x5", "--unit", "lb")
    code, out, _ = run(capsys, "--db", str(db), "--today", "2026-11-16", "log", "squat", "100x5")
    assert code == 0 and "100 kg x 5" in out
    assert [s.unit for s in sets_in(db)] == ["lb", "kg"]


def test_log_one_set_per_call_gets_the_plans_final_set_advice(capsys, db):
    """A lifter logging one set per call between sets: which set is the last comes from
    today's plan and the sets already logged, not from the last SET of the command."""
    code, *_ = run(capsys, "--db", str(db), "meso", "new", "--weeks", "4", "--start", "2026-11-16")
    assert code == 0
    day = ["--db", str(db), "--today", "2026-11-16", "log", "bench"]  # Upper A: bench 4 x 5-8
    _, out, _ = run(capsys, *day, "80x8@0")
    assert "before the final set" in out  # set 1 of 4 planned, though the command's only set
    for _ in range(2):
        run(capsys, *day, "80x8@2")
    _, out, _ = run(capsys, *day, "80x6@0")
    assert "before the final set" not in out and "!" not in out  # set 4 of 4: failure is fine


def test_log_without_a_plan_says_what_it_assumes(capsys, db):
    _, out, _ = run(capsys, "--db", str(db), "--today", "2026-11-16", "log", "bench", "80x8@0")
    assert "unless this was the final set" in out


def test_log_after_the_session_was_finished_starts_a_new_one(capsys, db):
    from datetime import date, datetime, timedelta, timezone

    run(capsys, "--db", str(db), "--today", "2026-11-16", "log", "squat", "100x5@2")
    with Store(db) as store:
        session = store.open_session(date(2026, 11, 16))
        store.finish_session(
            session.id, datetime(2026, 11, 16, 19, tzinfo=timezone(timedelta(hours=1)))
        )
    code, out, _ = run(capsys, "--db", str(db), "--today", "2026-11-16", "log", "squat", "100x5@2")
    assert code == 0 and "new session" in out
    with Store(db) as store:
        days = store.sessions_between(date(2026, 11, 16), date(2026, 11, 16))
    assert [len(s.sets) for s in days] == [1, 1] and days[0].ended_at and days[1].is_open


def test_a_negative_weight_says_so(capsys, db):
    code, _, err = run(capsys, "--db", str(db), "log", "squat", "-5x5")
    assert code == 2 and "negative" in err and len(err.strip().splitlines()) == 1


def test_no_load_on_a_squat_is_refused_and_nothing_saved(capsys, db):
    """`log squat 0x5@2` was saved as a bodyweight squat (BW x 5); every set on the line is
    checked before any is written (the 100x5@2 before it was saved, alone)."""
    code, _, err = run(capsys, "--db", str(db), "log", "squat", "100x5@2", "0x5@2")
    assert code == 2 and "weight lifted" in err and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "--db", str(db), "sessions")
    assert code == 0 and "squat" not in out.lower()


def test_a_database_holding_an_exercise_with_a_muscle_twice_stays_readable(capsys, db):
    """Older versions saved `--primary side_delts,side_delts`: such a file still opens, and
    a set of that exercise counts once for the muscle."""
    code, _, err = run(
        capsys,
        "--db",
        str(db),
        "exercise",
        "add",
        "Cable Y Raise",
        "--primary",
        "side_delts",
        "--secondary",
        "rear_delts",
        "--kind",
        "isolation",
    )
    assert code == 0, err
    doc = json.loads(db.read_text())
    (stored,) = doc["exercises"].values()
    stored["primary"] = ["side_delts", "side_delts"]
    stored["secondary"] = ["rear_delts", "side_delts"]
    db.write_text(json.dumps(doc))
    code, _, err = run(
        capsys, "--db", str(db), "--today", "2026-11-16", "log", "Cable Y Raise", "8x15@1"
    )
    assert code == 0, err
    code, out, err = run(capsys, "--db", str(db), "volume", "--week", "2026-W47", "--json")
    assert code == 0, err
    muscles = json.loads(out)["muscles"]
    assert muscles["side_delts"]["sets"] == 1.0 and muscles["rear_delts"]["sets"] == 0.5


def test_own_exercises_can_be_marked_bodyweight(capsys, db):
    code, out, err = run(
        capsys,
        "--db",
        str(db),
        "exercise",
        "add",
        "Korean Dip",
        "--primary",
        "chest",
        "--secondary",
        "triceps",
        "--bodyweight",
        "--kind",
        "compound",
    )
    assert code == 0, err
    assert "bodyweight" in out
    code, out, _ = run(capsys, "--db", str(db), "exercises", "--json")
    data = {e["name"]: e for e in json.loads(out)}
    assert data["Korean Dip"]["bodyweight"] is True and data["Pull-Up"]["bodyweight"] is True
    assert data["Barbell Bench Press"]["bodyweight"] is False
    code, out, _ = run(capsys, "--db", str(db), "exercise", "edit", "korean dip", "--no-bodyweight")
    assert code == 0 and "bodyweight" not in out
    code, out, _ = run(capsys, "--db", str(db), "exercises")
    assert "bodyweight" in next(line for line in out.splitlines() if line.startswith("Pull-Up "))
