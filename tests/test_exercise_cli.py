"""The command line on exercises: short names in `log`, `exercise add` never guessing the
kind, equipment options, `plates`, and exercises through export and import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui_tracker.cli import main
from tui_tracker.store import Store


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "training.json"


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("TUI_TRACKER_CONFIG", str(tmp_path / "settings.toml"))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def logged(db: Path) -> list[tuple[str, float, int]]:
    from datetime import date

    store = Store(db)
    day = date(2026, 11, 16)
    sets = [s for session in store.sessions_between(day, day) for s in session.sets]
    store.close()
    return [(s.exercise_id, s.weight_kg, s.reps) for s in sets]


class Terminal:
    """A stdin that is a terminal, answering the one question asked."""

    def __init__(self, answer: str) -> None:
        self.answer = answer

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        return self.answer


# --- log: the README's own short names ----------------------------------------------------


@pytest.mark.parametrize(
    "name, exercise_id, shown",
    [
        ("curl", "dumbbell-curl", "Dumbbell Curl"),
        ("lat pull", "lat-pulldown", "Lat Pulldown"),
        ("squat", "barbell-back-squat", "Barbell Back Squat"),
        ("Strict Military Press (Barbell)", "barbell-overhead-press", "Barbell Overhead Press"),
        ("Snatch (Barbell)", "snatch", "Snatch"),
    ],
)
def test_log_takes_a_short_name_when_one_exercise_is_clearly_meant(
    capsys, db, name, exercise_id, shown
):
    """Issue 15: the README says to type `curl` or `lat pull`, and `log` refused both."""
    code, out, err = run(capsys, "--db", str(db), "--today", "2026-11-16", "log", name, "20x10")
    assert code == 0, err
    assert out.startswith(f"{shown}, session of 2026-11-16:")
    assert logged(db) == [(exercise_id, 20, 10)]


def test_log_refuses_a_name_that_could_be_several_and_says_which(capsys, db):
    code, out, err = run(capsys, "--db", str(db), "--today", "2026-11-16", "log", "incline", "60x8")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "'incline' could be several exercises: " in err and "Incline" in err
    assert "give more of the name" in err
    assert not db.exists()


def test_log_still_suggests_spellings_for_an_unknown_name(capsys, db):
    code, _, err = run(capsys, "--db", str(db), "--today", "2026-11-16", "log", "benchpres", "60x8")
    assert code == 2 and "unknown exercise 'benchpres'; did you mean: " in err
    assert "Barbell Bench Press" in err and not db.exists()


def test_log_warns_on_an_rdl_to_failure(capsys, db):
    """Issue 13: `log rdl 100x8@0` was silent: the RDL was not a high-skill lift."""
    code, out, _ = run(capsys, "--db", str(db), "--today", "2026-11-16", "log", "rdl", "100x8@0")
    assert code == 0
    assert "    ! Romanian Deadlift to failure: form breakdown near failure" in out


# --- exercise add: the kind is asked for, never guessed --------------------------------------


def test_add_without_kind_in_a_script_is_refused_and_writes_nothing(capsys, db):
    code, out, err = run(
        capsys, "--db", str(db), "exercise", "add", "Anderson Squat", "--primary", "quads,glutes"
    )
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "give --kind compound or --kind isolation for 'Anderson Squat'" in err
    assert not db.exists()


@pytest.mark.parametrize(
    "answer, kind, rest",
    [("c\n", "compound", 150), ("isolation\n", "isolation", 90), ("I\n", "isolation", 90)],
)
def test_add_without_kind_in_a_terminal_asks(capsys, db, monkeypatch, answer, kind, rest):
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    code, out, err = run(
        capsys, "--db", str(db), "exercise", "add", "Anderson Squat", "--primary", "quads"
    )
    assert code == 0, err
    assert "Is Anderson Squat a compound exercise" in err and "[c/i]" in err
    assert f"Added Anderson Squat [custom-anderson-squat]: {kind}, other" in out
    store = Store(db)
    (mine,) = store.custom_exercises()
    store.close()
    assert (mine.kind, mine.rest_seconds) == (kind, rest)


@pytest.mark.parametrize("answer", ["\n", "maybe\n", ""])
def test_an_unclear_answer_adds_nothing(capsys, db, monkeypatch, answer):
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    code, out, err = run(
        capsys, "--db", str(db), "exercise", "add", "Anderson Squat", "--primary", "quads"
    )
    assert code == 2 and "no kind given for 'Anderson Squat'" in err and out == ""
    assert not db.exists()


def test_a_bad_name_or_muscle_is_said_before_the_kind_is_asked(capsys, db, monkeypatch):
    monkeypatch.setattr("sys.stdin", Terminal("c\n"))
    code, _, err = run(capsys, "--db", str(db), "exercise", "add", "Thing", "--primary", "wings")
    assert code == 2 and "unknown muscle 'wings'" in err and "[c/i]" not in err
    code, _, err = run(capsys, "--db", str(db), "exercise", "add", "Squat", "--primary", "quads")
    assert code == 2 and "already in the catalogue" in err and "[c/i]" not in err


# --- equipment -----------------------------------------------------------------------------


def test_add_reads_the_equipment_from_the_name_or_takes_it(capsys, db):
    code, out, err = run(
        capsys,
        "--db",
        str(db),
        "exercise",
        "add",
        "Anderson Squat (Barbell)",
        "--primary",
        "quads,glutes",
        "--kind",
        "compound",
    )
    assert code == 0, err and "compound, barbell" in out
    code, out, err = run(
        capsys,
        "--db",
        str(db),
        "exercise",
        "add",
        "Kelso Shrug",
        "--primary",
        "traps",
        "--kind",
        "isolation",
        "--equipment",
        "dumbbell",
        "--per-hand",
    )
    assert code == 0, err
    assert "isolation, dumbbell, per hand" in out
    code, out, _ = run(capsys, "--db", str(db), "exercises", "--json")
    mine = {e["name"]: e for e in json.loads(out)}
    assert mine["Anderson Squat (Barbell)"]["equipment"] == "barbell"
    assert (mine["Kelso Shrug"]["equipment"], mine["Kelso Shrug"]["per_hand"]) == ("dumbbell", True)
    assert mine["Pull-Up"]["equipment"] == "bodyweight"
    assert mine["Dumbbell Bench Press"]["per_hand"] is True
    assert mine["One-Arm Dumbbell Row"]["unilateral"] is True


def test_edit_sets_a_bar_in_the_lifters_unit_and_the_plates_follow(capsys, db, tmp_path):
    code, out, err = run(capsys, "--db", str(db), "exercise", "edit", "EZ Bar Curl", "--bar", "7.5")
    assert code == 0, err
    code, out, err = run(capsys, "--db", str(db), "plates", "32.5", "--exercise", "ez bar curl")
    assert code == 0, err
    assert out == "32.5 kg: 7.5 kg bar + 10 2.5 each side\n"
    code, _, err = run(capsys, "--db", str(db), "exercise", "edit", "EZ Bar Curl", "--bar", "500")
    assert code == 2 and "a bar weighs 0 to 100 kg" in err


def test_an_exercise_that_counts_toward_no_muscle_can_be_edited_and_given_some(capsys, db):
    code, out, err = run(
        capsys, "--db", str(db), "exercise", "edit", "Hip Adduction", "--rest", "60"
    )
    assert code == 0, err
    assert (
        "Updated Hip Adduction Machine [hip-adduction]" in out and "counts toward no muscle" in out
    )
    code, out, err = run(
        capsys, "--db", str(db), "exercise", "edit", "Hip Adduction", "--primary", "glutes"
    )
    assert code == 0 and "glutes, rest 60 s" in out
    code, _, err = run(
        capsys, "--db", str(db), "exercise", "edit", "Hip Adduction", "--primary", ""
    )
    assert code == 2 and "at least one primary muscle" in err


def test_bodyweight_and_bodyweight_equipment_follow_each_other(capsys, db):
    run(
        capsys,
        "--db",
        str(db),
        "exercise",
        "add",
        "Korean Dip",
        "--primary",
        "chest",
        "--bodyweight",
        "--kind",
        "compound",
    )
    code, out, err = run(
        capsys, "--db", str(db), "exercise", "edit", "Korean Dip", "--no-bodyweight"
    )
    assert code == 0, err and "compound, other" in out
    code, out, err = run(
        capsys, "--db", str(db), "exercise", "edit", "Korean Dip", "--equipment", "bodyweight"
    )
    assert code == 0, err
    store = Store(db)
    (mine,) = store.custom_exercises()
    store.close()
    assert (mine.equipment, mine.bodyweight) == ("bodyweight", True)


def test_exercises_with_their_load_survive_export_and_import(capsys, db, tmp_path):
    run(
        capsys,
        "--db",
        str(db),
        "exercise",
        "add",
        "Kelso Shrug",
        "--primary",
        "traps",
        "--kind",
        "isolation",
        "--equipment",
        "kettlebell",
        "--per-hand",
        "--unilateral",
    )
    run(capsys, "--db", str(db), "exercise", "edit", "trap bar deadlift", "--bar", "30")
    backup = tmp_path / "backup.json"
    assert run(capsys, "--db", str(db), "export", "-o", str(backup))[0] == 0
    other = tmp_path / "other.json"
    code, _, err = run(capsys, "--db", str(other), "import", "json", str(backup))
    assert code == 0, err

    def mine(path: Path) -> dict:
        store = Store(path)
        found = {e.id: e for e in store.custom_exercises()}
        store.close()
        return found

    assert mine(other) == mine(db)
    assert mine(other)["custom-kelso-shrug"].equipment == "kettlebell"
    assert mine(other)["trap-bar-deadlift"].bar_kg == 30


# --- plates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, expected",
    [
        (["100"], "100 kg: 20 kg bar + 25 15 each side\n"),
        (["20"], "20 kg: the 20 kg bar alone\n"),
        (["225", "--unit", "lb"], "225 lb: 45 lb bar + 45 45 each side\n"),
        (["225lb"], "225 lb: 45 lb bar + 45 45 each side\n"),
        (["100", "--bar", "0"], "100 kg: 25 25 each side (no bar)\n"),
        (["15"], "15 kg is lighter than the 20 kg bar: the lightest load is the bar alone\n"),
        (
            ["101"],
            "101 kg cannot be built from your plates (25 20 15 10 5 2.5 1.25 kg) on a 20 kg "
            "bar. Nearest: 100 kg (20 kg bar + 25 15 each side) or 102.5 kg (20 kg bar + 25 "
            "15 1.25 each side)\n",
        ),
        (["80", "--exercise", "trap bar deadlift"], "80 kg: 25 kg bar + 25 2.5 each side\n"),
        (["100", "--exercise", "leg press"], "100 kg: 25 25 each side (no bar)\n"),
    ],
)
def test_plates(capsys, db, args, expected):
    code, out, err = run(capsys, "--db", str(db), "plates", *args)
    assert (code, out, err) == (0, expected, "")
    assert not db.exists()  # a calculator: nothing is created


def test_plates_json(capsys, db):
    code, out, _ = run(capsys, "--db", str(db), "plates", "100", "--json")
    assert code == 0 and json.loads(out) == {
        "weight": 100.0,
        "unit": "kg",
        "bar": 20.0,
        "per_side": [25.0, 15.0],
        "exact": True,
        "loaded": 100.0,
        "nearest": [],
    }
    code, out, _ = run(capsys, "--db", str(db), "plates", "101", "--json")
    assert json.loads(out) == {
        "weight": 101.0,
        "unit": "kg",
        "bar": 20.0,
        "per_side": [25.0, 15.0],
        "exact": False,
        "loaded": 100.0,
        "nearest": [
            {"weight": 100.0, "per_side": [25.0, 15.0]},
            {"weight": 102.5, "per_side": [25.0, 15.0, 1.25]},
        ],
    }


def test_plates_use_the_lifters_settings(capsys, db, tmp_path):
    (tmp_path / "settings.toml").write_text(
        'unit = "lb"\nbar_lb = 35\nplates_lb = [45, 25, 10, 5]\n'
    )
    code, out, _ = run(capsys, "--db", str(db), "plates", "135")
    assert (code, out) == (0, "135 lb: 35 lb bar + 45 5 each side\n")


@pytest.mark.parametrize(
    "args, message",
    [
        (["-5"], "weight cannot be negative"),
        (["heavy"], "weight 'heavy' is not a number"),
        (["100", "--bar", "500"], "--bar 500 kg is out of range (0 to 100 kg)"),
        (["100", "--bar", "x"], "--bar 'x' is not a number"),
        (["30", "--exercise", "curl"], "Dumbbell Curl is not loaded with plates on a bar"),
        (["30", "--exercise", "xyzzy"], "unknown exercise 'xyzzy'"),
        (["5000"], "not a set anyone logs"),
    ],
)
def test_plates_refuse_bad_input_in_one_line(capsys, db, args, message):
    code, out, err = run(capsys, "--db", str(db), "plates", *args)
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err
    assert not db.exists()
