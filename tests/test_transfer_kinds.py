"""Every kind of set and the bodyweight log through export and import (issue 14)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from tui_tracker.cli import main
from tui_tracker.store import Store

DAY = ["--today", "2026-12-01"]


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def fill(capsys, db):
    for args in (
        ["pull-up", "BW+20x8@2", "BW-30x8", "--superset", "A"],
        ["barbell row", "60x10@2", "--superset", "A"],
        ["squat", "100x8@0/F", "80x6/D", "60x5/W", "70x15/RP"],
        ["plank", "60s"],
        ["farmer's walk", "32x40m"],
    ):
        code, _, err = run(capsys, "--db", db, *DAY, "log", *args)
        assert code == 0, err
    for day, kg in (("2026-11-28", "82.5"), ("2026-12-01", "83")):
        assert run(capsys, "--db", db, "--today", day, "bodyweight", kg)[0] == 0


def everything(db):
    with Store(db) as store:
        return store.sessions_between(date(2000, 1, 1), date(2100, 1, 1)), store.bodyweights()


def test_json_round_trip_keeps_every_field(capsys, tmp_path):
    a, b = tmp_path / "a" / "a.json", tmp_path / "b" / "b.json"
    fill(capsys, a)
    code, out, err = run(capsys, "--db", a, "export", "-o", tmp_path / "a.export.json")
    assert code == 0, err
    code, out, err = run(capsys, "--db", b, "import", "json", tmp_path / "a.export.json")
    assert code == 0, err
    assert "9 sets" in out and "2 bodyweights" in out
    assert everything(a) == everything(b)
    run(capsys, "--db", b, "export", "-o", tmp_path / "b.export.json")
    assert (tmp_path / "a.export.json").read_bytes() == (tmp_path / "b.export.json").read_bytes()
    doc = json.loads((tmp_path / "a.export.json").read_text())
    assert doc["format_version"] == 2
    assert doc["bodyweights"] == [
        {"day": "2026-11-28", "kg": 82.5},
        {"day": "2026-12-01", "kg": 83.0},
    ]
    sets = {
        (
            s["exercise_id"],
            s["kind"],
            s["weight_kg"],
            s["duration_s"],
            s["distance_m"],
            s["superset"],
        )
        for session in doc["sessions"]
        for s in session["sets"]
    }
    assert ("pull-up", "working", -30.0, None, None, "A") in sets
    assert ("barbell-back-squat", "drop", 80.0, None, None, None) in sets
    assert ("plank", "working", 0.0, 60, None, None) in sets
    assert ("farmers-walk", "working", 32.0, None, 40.0, None) in sets
    # again: nothing new, a day already weighed keeps its weight
    code, out, _ = run(capsys, "--db", b, "import", "json", tmp_path / "a.export.json")
    assert code == 0 and "0 new sessions" in out and "bodyweight" not in out


def test_a_version_1_export_still_imports(capsys, tmp_path):
    doc = {
        "format": "tui-tracker-export",
        "format_version": 1,
        "exercises": [],
        "mesocycles": [],
        "volume_targets": {},
        "settings": {},
        "sessions": [
            {
                "id": "s1",
                "date": "2026-11-16",
                "started_at": "2026-11-16T18:00:00+01:00",
                "ended_at": None,
                "note": "",
                "sets": [
                    {
                        "id": "x1",
                        "exercise_id": "barbell-back-squat",
                        "weight_kg": 100,
                        "reps": 5,
                        "rir": 2,
                        "unit": "kg",
                        "kind": "working",
                        "note": "",
                        "at": "2026-11-16T18:00:00+01:00",
                    }
                ],
            }
        ],
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps(doc))
    db = tmp_path / "t.json"
    code, out, err = run(capsys, "--db", db, "import", "json", path)
    assert code == 0, err
    (session,), weights = everything(db)
    assert weights == [] and session.sets[0].duration_s is None


@pytest.mark.parametrize(
    "change, message",
    [
        ({"bodyweights": [{"day": "2026-11-28", "kg": 900}]}, "bodyweights[0]"),
        (
            {"bodyweights": [{"day": "2026-11-28", "kg": 80}, {"day": "2026-11-28", "kg": 81}]},
            "a day appears twice",
        ),
        ({"bodyweights": "heavy"}, "bodyweights is not a list"),
    ],
)
def test_bad_bodyweights_in_an_export_are_refused(capsys, tmp_path, change, message):
    doc = {"format": "tui-tracker-export", "format_version": 2, **change}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    code, out, err = run(capsys, "--db", tmp_path / "t.json", "import", "json", path)
    assert code == 2 and message in err and not (tmp_path / "t.json").exists()


def test_csv_has_kind_superset_duration_and_distance(capsys, tmp_path):
    db = tmp_path / "t.json"
    fill(capsys, db)
    code, out, _ = run(capsys, "--db", db, "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    got = [
        (
            r["exercise_id"],
            r["kind"],
            r["weight_kg"],
            r["reps"],
            r["superset"],
            r["duration_s"],
            r["distance_m"],
        )
        for r in rows
    ]
    assert got == [
        ("pull-up", "working", "20", "8", "A", "", ""),
        ("pull-up", "working", "-30", "8", "A", "", ""),
        ("barbell-row", "working", "60", "10", "A", "", ""),
        ("barbell-back-squat", "failure", "100", "8", "", "", ""),
        ("barbell-back-squat", "drop", "80", "6", "", "", ""),
        ("barbell-back-squat", "warmup", "60", "5", "", "", ""),
        ("barbell-back-squat", "rest_pause", "70", "15", "", "", ""),
        ("plank", "working", "0", "0", "", "60", ""),
        ("farmers-walk", "working", "32", "0", "", "", "40"),
    ]


def one_set_export(**fields) -> dict:
    """A hand-edited export: one session of one set, its fields changed by `fields`."""
    logged = {
        "id": "x1",
        "exercise_id": "barbell-back-squat",
        "weight_kg": 100,
        "reps": 8,
        "rir": 2,
        "unit": "kg",
        "kind": "working",
        "note": "",
        "at": "2026-11-16T18:00:00+01:00",
        **fields,
    }
    session = {
        "id": "s1",
        "date": "2026-11-16",
        "started_at": "2026-11-16T18:00:00+01:00",
        "ended_at": None,
        "note": "",
        "sets": [logged],
    }
    return {"format": "tui-tracker-export", "format_version": 2, "sessions": [session]}


def test_a_negative_weight_imports_only_on_a_bodyweight_exercise(capsys, tmp_path):
    def doc(exercise_id):
        return one_set_export(exercise_id=exercise_id, weight_kg=-30)

    for exercise_id, code_wanted in (("barbell-back-squat", 2), ("pull-up", 0)):
        path = tmp_path / f"{exercise_id}.json"
        path.write_text(json.dumps(doc(exercise_id)))
        code, _, err = run(
            capsys, "--db", tmp_path / exercise_id / "t.json", "import", "json", path
        )
        assert code == code_wanted, err
    assert (
        "weight_kg -30.0 is outside 0 to 1000 kg"
        in run(
            capsys,
            "--db",
            tmp_path / "x" / "t.json",
            "import",
            "json",
            tmp_path / "barbell-back-squat.json",
        )[2]
    )


def test_an_older_log_s_set_of_no_reps_imports_back_as_exported(capsys, tmp_path):
    """An export must import back as it is: sets logged before timed sets existed may
    hold 0 reps and no time (refused when typed now), and the store reads them."""
    path = tmp_path / "old.json"
    path.write_text(json.dumps(one_set_export(reps=0)))
    db = tmp_path / "new" / "t.json"
    code, _, err = run(capsys, "--db", db, "import", "json", path)
    assert code == 0, err
    with Store(db) as store:
        (session,) = store.recent_sessions()
    assert [(s.weight_kg, s.reps) for s in session.sets] == [(100.0, 0)]
