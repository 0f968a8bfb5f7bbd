"""`suggest`, `prs` and the records `log` prints, on real databases through the CLI."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui_tracker.cli import main
from tui_tracker.domain.models import LoggedSet, Session
from tui_tracker.domain.templates import build_mesocycle
from tui_tracker.store import Store

START = date(2026, 11, 2)  # Monday of week 1 (Upper A: bench 4 x 5-8 first)
TZ = timezone(timedelta(hours=1))


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "training.json"


def run(capsys, db, day, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), "--today", day.isoformat(), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_log_prints_each_record_a_set_beats(capsys, db):
    run(capsys, db, START, "log", "squat", "100x8@2", "100x6@2")
    code, out, err = run(
        capsys, db, START + timedelta(days=3), "log", "squat", "102.5x8@2", "100x9@2"
    )
    assert code == 0, err
    assert (
        "  set 1 saved: 102.5 kg x 8 @2\n"
        "    * New record: Best e1RM on Barbell Back Squat: 136.7 kg from 102.5 kg x 8 @2 "
        "(was 133.3 kg)\n"
        "  set 2 saved: 100 kg x 9 @2\n"
        "    * New record: Most reps at 100 kg on Barbell Back Squat: 9 (was 8)\n"
        "    * New record: Best session volume on Barbell Back Squat: 1,720 kg "
        "(was 1,400 kg)\n"
    ) in out


def test_log_announces_nothing_against_imported_history_it_does_not_beat(capsys, db, tmp_path):
    csv = tmp_path / "strong.csv"
    csv.write_text(
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes,RPE\n"
        "2026-10-26 18:00:00,Legs,Squat (Barbell),1,110,8,0,0,,,8\n"
    )
    code, out, err = run(capsys, db, START, "import", "strong", str(csv), "--unit", "kg")
    assert code == 0, err
    assert "record" not in out.lower()
    code, out, _ = run(capsys, db, START, "log", "squat", "105x8@2")
    assert code == 0 and "record" not in out.lower()  # 140 < 146.7 imported
    code, out, _ = run(capsys, db, START, "log", "squat", "112.5x8@2")
    assert "New record: Best e1RM on Barbell Back Squat: 150 kg" in out


def seed_block(db):
    meso = build_mesocycle("upper-lower-4", 4, START, name="Block")
    with Store(db) as store:
        store.save_mesocycle(meso)
        at = datetime(2026, 11, 2, 18, tzinfo=TZ)
        store.import_sessions(
            [
                Session(
                    START,
                    at,
                    (
                        LoggedSet("barbell-bench-press", 100, 8, 2, at),
                        LoggedSet("barbell-row", 80, 10, None, at),
                    ),
                    ended_at=at,
                )
            ]
        )
    return meso


def test_suggest_lists_todays_plan_with_reasons(capsys, db):
    meso = seed_block(db)
    code, out, err = run(capsys, db, START + timedelta(weeks=3), "suggest")  # week 4: @1
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Suggestions for Mon 23 Nov 2026 (Upper A, Week 4 of 4):"
    assert lines[1].split() == ["Barbell", "Bench", "Press", "102.5", "kg", "x", "8", "@1"]
    assert lines[2] == (
        "    100 kg x 8 @2 on 2 Nov: e1RM 133.33; 8 @1: 133.33/(1+9/30) = 102.56 -> 102.5 kg"
    )
    assert lines[3].split() == ["Barbell", "Row", "82.5", "kg", "x", "6", "@1"]
    assert "top of 6-10 (RIR not logged, taken as on target): add a step" in lines[4]
    assert len(lines) == 2 * len(meso.days[0].exercises) + 1


def test_suggest_rounds_to_the_lifters_plates(capsys, db):
    """Without 1.25 kg plates the jumps are 5 kg: 102.56 is loaded as 105, not 102.5."""
    seed_block(db)
    assert main(["config", "set", "plates_kg", "20,10,5,2.5"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, db, START + timedelta(weeks=3), "suggest", "bench", "--json")
    (s,) = json.loads(out)
    assert (s["weight"], s["reps"], s["rir"]) == (105, 8, 1)
    assert s["reason"].endswith("= 102.56 -> 105 kg")


def test_suggest_json(capsys, db):
    seed_block(db)
    code, out, _ = run(capsys, db, START + timedelta(weeks=3), "suggest", "bench", "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "exercise": "Barbell Bench Press",
            "exercise_id": "barbell-bench-press",
            "weight": 102.5,
            "unit": "kg",
            "reps": 8,
            "rir": 1,
            "rule": "e1rm",
            "reason": "100 kg x 8 @2 on 2 Nov: e1RM 133.33; 8 @1: 133.33/(1+9/30) = 102.56 -> 102.5 kg",
        }
    ]
    code, out, _ = run(capsys, db, START + timedelta(weeks=3), "suggest", "--json")
    found = json.loads(out)
    assert len(found) == 7 and all(
        set(s) >= {"exercise", "weight", "unit", "reps", "rir", "reason"} for s in found
    )
    first_time = next(s for s in found if s["exercise_id"] == "lat-pulldown")
    assert first_time["weight"] is None and first_time["reps"] == 8 and first_time["rir"] == 1


def test_suggest_in_pounds_for_a_new_exercise_and_after_a_set_today(capsys, db):
    run(capsys, db, START, "log", "bench", "225x8@2", "--unit", "lb")
    code, out, _ = run(capsys, db, START, "suggest", "bench", "--json")
    (s,) = json.loads(out)
    assert (s["weight"], s["unit"], s["reps"], s["rir"], s["rule"]) == (
        225,
        "lb",
        8,
        2,
        "in_session",
    )


def test_suggest_without_a_plan_or_sets_says_what_to_do(capsys, db):
    code, out, _ = run(capsys, db, START, "suggest")
    assert code == 0 and "name an exercise, e.g. tui-tracker suggest squat" in out
    assert not db.exists()  # a read creates nothing
    code, out, _ = run(capsys, db, START, "suggest", "--json")
    assert json.loads(out) == []


def test_suggest_and_prs_refuse_an_unknown_exercise(capsys, db):
    for command in ("suggest", "prs"):
        code, out, err = run(capsys, db, START, command, "squatt")
        assert code == 2 and out == ""
        assert err.startswith("tui-tracker: error: unknown exercise 'squatt'; did you mean")
        assert len(err.splitlines()) == 1


def test_prs(capsys, db):
    run(capsys, db, START, "log", "squat", "100x8@2", "100x6@2", "60x12")
    run(capsys, db, START + timedelta(days=3), "log", "squat", "102.5x8@2", "100x9@2")
    run(capsys, db, START + timedelta(days=3), "log", "bench", "225x5@1", "--unit", "lb")
    code, out, _ = run(capsys, db, START + timedelta(days=3), "prs")
    assert code == 0
    assert out == (
        "Barbell Back Squat\n"
        "  best e1RM     136.7 kg: 102.5 kg x 8 @2 on 2026-11-05\n"
        "  best volume   2,120 kg on 2026-11-02 (3 sets, weight x reps)\n"
        "  most reps     102.5 kg x 8, 100 kg x 9, 60 kg x 12\n"
        "\n"
        "Barbell Bench Press\n"
        "  best e1RM     270 lb: 225 lb x 5 @1 on 2026-11-05\n"
        "  best volume   1,125 lb on 2026-11-05 (1 set, weight x reps)\n"
        "  most reps     225 lb x 5\n"
    )
    code, out, _ = run(capsys, db, START, "prs", "squat")
    assert "  most reps at each weight:\n      102.5 kg x 8   on 2026-11-05\n" in out
    assert "        60 kg x 12  on 2026-11-02\n" in out


def test_prs_json(capsys, db):
    run(capsys, db, START, "log", "squat", "100x8@2")
    code, out, _ = run(capsys, db, START, "prs", "squat", "--json")
    assert json.loads(out) == [
        {
            "exercise": "Barbell Back Squat",
            "exercise_id": "barbell-back-squat",
            "best_e1rm": {
                "e1rm": 133.3,
                "weight": 100.0,
                "unit": "kg",
                "reps": 8,
                "rir": 2,
                "date": "2026-11-02",
            },
            "best_volume": {"volume": 800.0, "unit": "kg", "sets": 1, "date": "2026-11-02"},
            "most_reps": [
                {"weight": 100.0, "unit": "kg", "reps": 8, "rir": 2, "date": "2026-11-02"}
            ],
            "working_sets": 1,
        }
    ]
    code, out, _ = run(capsys, db, START, "prs", "bench", "--json")
    assert json.loads(out) == []


def test_suggest_and_prs_take_the_short_names_log_takes(capsys, db):
    """`log curl` logs the dumbbell curl: `suggest curl` and `prs curl` mean the same one,
    and a name that could be several is refused the same way by all three."""
    code, out, err = run(capsys, db, START, "log", "curl", "14x10@2")
    assert code == 0, err
    name = out.splitlines()[0].split(",")[0]
    for command in ("suggest", "prs"):
        code, out, err = run(capsys, db, START + timedelta(days=2), command, "curl")
        assert code == 0, (command, err)
        assert name in out, (command, out)
    for command in ("log", "suggest", "prs"):
        args = ["100x5"] if command == "log" else []
        code, out, err = run(capsys, db, START, command, "incline", *args)
        assert code == 2 and "could be several exercises" in err, (command, err)
