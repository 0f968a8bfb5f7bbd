"""`tui-tracker import fitnotes`, dates in the phone's locale (`--date-order`) and Strong in
German, through the real command line (in-process, plus one run of the console script)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from tui_tracker.commands import transfer
from tui_tracker.domain.models import KG_PER_LB
from tui_tracker.store import Store

from tests.hostile import EXERCISE_NAMES, NOTE, assert_no_controls, assert_terminal_safe, shown
from tests.test_transfer import (  # noqa: F401  (berlin and db are fixtures, used by name)
    HEVY,
    berlin,
    db,
    nothing_written,
    run,
    sessions,
    sets_of,
    write,
)

ANDROID = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment"
IOS = "Date,Exercise,Category,Weight (kg),Weight (lbs),Reps,Distance,Distance Unit,Time,Notes,Kind"
GERMAN_STRONG = (
    "Datum;Workout-Name;Dauer;Name der Übung;Satzreihenfolge;Gewicht;Wiederh.;"
    "Entfernung;Sekunden;Notizen;Workout-Notizen;RPE"
)

FITNOTES_ROWS = (
    "2025-05-21,Flat Barbell Bench Press,Chest,60.0,kgs,8,,,0:00:00,",
    "2025-05-21,Flat Barbell Bench Press,Chest,62.5,kgs,6,,,0:00:00,Paused",
    "2025-05-21,Pull Up,Back,0.0,kgs,10,,,0:00:00,",
    "2025-05-21,Running (Treadmill),Cardio,,,,5.0,km,0:30:00,",
    "2025-05-23,Barbell Squat,Legs,225.0,lbs,5,,,0:00:00,",
    "2025-05-23,Plank,Abs,0.0,kgs,0,,,0:01:00,",
)


# --- FitNotes ----------------------------------------------------------------------------------


def test_import_fitnotes_android(capsys, db, tmp_path):
    f = write(tmp_path, "FitNotes_Export.csv", ANDROID, *FITNOTES_ROWS)
    code, out, err = run(capsys, "--db", db, "import", "fitnotes", f)
    assert code == 0, err
    assert err == ""
    assert "Read 6 rows of" in out and "4 sets in 2 sessions" in out
    assert "Imported 2 new sessions (4 sets), 2025-05-21 to 2025-05-23." in out
    assert (
        "2 cardio rows (distance or time, no reps) skipped: this version keeps strength sets "
        "only." in out
    )
    assert "not in the catalogue" not in out  # FitNotes' own names map
    assert sets_of(db) == [
        ("barbell-bench-press", 60.0, 8, None, "working", "kg"),
        ("barbell-bench-press", 62.5, 6, None, "working", "kg"),
        ("pull-up", 0.0, 10, None, "working", "kg"),
        ("barbell-back-squat", round(225 * KG_PER_LB, 4), 5, None, "working", "lb"),
    ]
    assert sessions(db)[0].sets[1].note == "Paused"


def test_importing_the_same_fitnotes_file_again_adds_nothing(capsys, db, tmp_path):
    f = write(tmp_path, "fitnotes.csv", ANDROID, *FITNOTES_ROWS)
    assert run(capsys, "--db", db, "import", "fitnotes", f)[0] == 0
    before = sessions(db)
    code, out, err = run(capsys, "--db", db, "import", "fitnotes", f)
    assert code == 0, err
    assert "Imported 0 new sessions (0 sets); 2 sessions were already there." in out
    assert sessions(db) == before


def test_import_fitnotes_ios_in_pounds(capsys, db, tmp_path):
    f = write(tmp_path, "fitnotes.csv", IOS, "2026-01-05,Deadlift,Back,142.88,315,5,,,,,")
    code, _, err = run(capsys, "--db", db, "import", "fitnotes", f, "--unit", "lb")
    assert code == 0, err
    (s,) = [s for session in sessions(db) for s in session.sets]
    assert s.unit == "lb" and s.weight == pytest.approx(315)


def test_fitnotes_bad_rows_by_line_and_strict(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "fitnotes.csv",
        ANDROID,
        "2025-05-21,Deadlift,Back,140,kgs,5,,,,",
        "2025-05-21,Deadlift,Back,abc,kgs,5,,,,",
        "2025-05-22,Deadlift,Back,140,kgs,0,,,,",
    )
    code, out, err = run(capsys, "--db", db, "import", "fitnotes", f, "--strict")
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"{f}:3: weight 'abc' is not a number",
        f"{f}:4: reps '0': a set needs at least one rep",
        f"tui-tracker: error: 2 bad rows in {f} (listed above): nothing imported (--strict); fix "
        "them, or import without --strict to skip them",
    ]
    assert nothing_written(db)
    code, out, err = run(capsys, "--db", db, "import", "fitnotes", f)
    assert code == 0 and "Imported 1 new session (1 set)" in out
    assert "2 bad rows left out (listed above)" in out


def test_a_strong_file_given_as_fitnotes_is_named(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "strong.csv",
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,"
        "Reps,Distance,Seconds,Notes,Workout Notes,RPE",
        "2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),1,100,5,0,0,,,8",
    )
    code, out, err = run(capsys, "--db", db, "import", "fitnotes", f)
    assert code == 2 and out == ""
    assert "this is a Strong export, not a FitNotes one" in err and len(err.splitlines()) == 1
    assert nothing_written(db)


def test_fitnotes_progress_bars(capsys, db, tmp_path, monkeypatch):
    stream = io.StringIO()
    monkeypatch.setattr(
        transfer.ProgressBar, "on_stderr", classmethod(lambda cls, label: cls(label, stream))
    )
    monkeypatch.setattr(transfer, "PROGRESS_EVERY", 100)
    rows = [
        f"2025-{m:02d}-{d:02d},Barbell Squat,Legs,{100 + d},kgs,5,,,,"
        for m in (1, 2, 3)
        for d in range(1, 29)
        for _ in range(3)
    ]
    f = write(tmp_path, "big.csv", ANDROID, *rows)
    code, out, err = run(capsys, "--db", db, "import", "fitnotes", f)
    assert code == 0, err
    drawn = stream.getvalue()
    assert "Reading big.csv [" in drawn and "100%  100 rows" in drawn  # the file fits one read
    assert "Saving big.csv [" in drawn and "3/3 months" in drawn
    assert "Imported 84 new sessions (252 sets)" in out


def test_fitnotes_hostile_names_and_comments_are_stored_and_shown_clean(capsys, db, tmp_path):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(
        [
            ["2025-05-21", name, "Chest", "50", "kgs", "5", "", "", "", NOTE]
            for name in EXERCISE_NAMES
        ]
    )
    f = tmp_path / "hostile.csv"
    f.write_text(ANDROID + "\n" + buf.getvalue(), encoding="utf-8")
    code, out, err = run(capsys, "--db", db, "import", "fitnotes", f)
    assert code == 0, err
    for stream in (out, err):
        assert_terminal_safe(stream)
        assert_no_controls(stream, "\n")
    with Store(db) as store:
        names = {e.name for e in store.custom_exercises()}
        (session,) = store.recent_sessions(5)
    assert names == {" ".join(shown(n).split()) for n in EXERCISE_NAMES}
    assert all(s.note == shown(NOTE) for s in session.sets)


def test_console_script_imports_fitnotes(tmp_path):
    exe = Path(sys.executable).with_name("tui-tracker")
    f = write(tmp_path, "fitnotes.csv", ANDROID, *FITNOTES_ROWS[:2])
    db = tmp_path / "t.json"
    proc = subprocess.run(
        [str(exe), "--db", str(db), "import", "fitnotes", str(f)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Imported 1 new session (2 sets), 2025-05-21 to 2025-05-21." in proc.stdout


# --- dates in the phone's locale ---------------------------------------------------------------------


def hevy_row(start: str, title: str = "Push", weight: str = "100") -> str:
    cells = [
        title,
        start,
        "",
        "",
        "Bench Press (Barbell)",
        "",
        "",
        "0",
        "normal",
        weight,
        "5",
        "",
        "",
        "",
    ]
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="").writerow(cells)
    return buf.getvalue()


def test_hevy_with_german_dates(capsys, db, tmp_path):
    f = write(tmp_path, "workouts.csv", HEVY, hevy_row("05.06.2026, 07:30", weight="102,5"))
    code, out, err = run(capsys, "--db", db, "import", "hevy", f)
    assert code == 0, err
    (session,) = sessions(db)
    assert session.started_at.isoformat() == "2026-06-05T07:30:00+02:00"
    assert session.sets[0].weight_kg == 102.5
    assert "Dates read as" not in out  # dots need no decision


def test_hevy_slashed_dates_settled_by_a_day_above_12_says_so(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "workouts.csv",
        HEVY,
        hevy_row("05/06/2026, 07:30", "A"),
        hevy_row("25/06/2026, 07:30", "B"),
    )
    code, out, err = run(capsys, "--db", db, "import", "hevy", f)
    assert code == 0, err
    assert (
        "Dates read as day/month/year: line 3 has 25/06/2026, 07:30, which cannot be month/day."
    ) in out
    assert [s.date.isoformat() for s in sessions(db)] == ["2026-06-05", "2026-06-25"]


def test_hevy_slashed_dates_that_cannot_tell_are_refused_until_the_order_is_given(
    capsys, db, tmp_path
):
    f = write(
        tmp_path,
        "workouts.csv",
        HEVY,
        hevy_row("05/06/2026, 7:30 PM", "A"),
        hevy_row("07/06/2026, 7:30 PM", "B"),
    )
    code, out, err = run(capsys, "--db", db, "import", "hevy", f)
    assert code == 2 and out == ""
    (line,) = err.splitlines()
    assert line == (
        f"tui-tracker: error: {f}: its dates (like 05/06/2026, 7:30 PM on line 2) "
        "could be day/month/year or month/day/year, and none has a number above 12 "
        "to tell which: rerun with --date-order dmy (5 June 2026) or --date-order mdy "
        "(6 May 2026)"
    )
    assert nothing_written(db)
    code, out, err = run(capsys, "--db", db, "import", "hevy", f, "--date-order", "mdy")
    assert code == 0, err
    assert [s.started_at.isoformat() for s in sessions(db)] == [
        "2026-05-06T19:30:00+02:00",
        "2026-07-06T19:30:00+02:00",
    ]


def test_a_date_order_that_does_not_fit_the_file_makes_bad_rows_never_swapped(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "workouts.csv",
        HEVY,
        hevy_row("05/06/2026, 07:30", "A"),
        hevy_row("25/06/2026, 07:30", "B"),
    )
    code, out, err = run(capsys, "--db", db, "import", "hevy", f, "--date-order", "mdy")
    assert code == 0
    assert err.splitlines() == [
        f"{f}:3: start_time: date '25/06/2026, 07:30' is not a real date read as month/day/year"
    ]
    assert [s.date.isoformat() for s in sessions(db)] == ["2026-05-06"]


def test_a_pipe_is_read_once_and_an_undecidable_date_is_a_bad_row(db, tmp_path):
    """A pipe cannot be read twice to settle the order: its dates are read one by one, a
    date that could be either way round is a bad row. (Reading it twice hung.)"""
    import os
    import threading

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    text = "\n".join([HEVY, hevy_row("05/06/2026, 07:30", "A"), hevy_row("25/06/2026, 07:30", "B")])

    def feed():
        try:
            with open(fifo, "w", encoding="utf-8") as w:
                w.write(text + "\n")
        except OSError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    proc = subprocess.run(
        [sys.executable, "-m", "tui_tracker.cli", "--db", str(db), "import", "hevy", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "TZ": "Europe/Berlin"},
    )
    assert proc.returncode == 0, proc.stderr
    assert "--date-order dmy (5 June 2026)" in proc.stderr and f"{fifo}:2:" in proc.stderr
    assert [s.date.isoformat() for s in sessions(db)] == ["2026-06-25"]


# --- Strong in German ------------------------------------------------------------------------------


def test_import_strong_in_german(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "strong.csv",
        GERMAN_STRONG,
        "05.03.2026, 18:07;Push;1h 5m;Bench Press (Barbell);1;102,5;5;0;0;;;8,5",
        "05.03.2026, 18:07;Push;1h 5m;Bench Press (Barbell);2;102,5;4;0;0;;;9",
    )
    code, out, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
    assert code == 0, err
    assert "Imported 1 new session (2 sets), 2026-03-05 to 2026-03-05." in out
    assert sets_of(db) == [
        ("barbell-bench-press", 102.5, 5, 2, "working", "kg"),
        ("barbell-bench-press", 102.5, 4, 1, "working", "kg"),
    ]


def test_strong_in_another_language_says_to_export_in_english(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "strong.csv",
        "Date;Nom de l'entraînement;Durée;Nom de l'exercice;Ordre des séries;Poids;"
        "Répétitions;Distance;Secondes;Notes;Notes d'entraînement;RPE",
        "2026-03-05 18:07:12;Push;1h;Développé couché (barre);1;100;5;0;0;;;",
    )
    code, out, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
    assert code == 2 and out == ""
    assert "set the Strong app's language to English" in err and len(err.splitlines()) == 1
    assert nothing_written(db)


# --- a CSV given to `import json` ------------------------------------------------------------------


@pytest.mark.parametrize(
    "header,app",
    [
        (ANDROID, "fitnotes"),
        (IOS, "fitnotes"),
        (HEVY, "hevy"),
        (GERMAN_STRONG, "strong"),
        (
            "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE",
            "strong",
        ),
    ],
)
def test_an_apps_csv_given_to_import_json_names_the_import_it_needs(
    capsys, db, tmp_path, header, app
):
    f = write(tmp_path, "export.csv", header, "a,b,c")
    code, out, err = run(capsys, "--db", db, "import", "json", f)
    assert code == 2 and out == ""
    assert err.strip().endswith(
        f"not a tui-tracker export: import it with 'tui-tracker import {app} FILE'"
    )
    assert nothing_written(db)


def test_other_text_given_to_import_json_is_still_not_json(capsys, db, tmp_path):
    f = write(tmp_path, "notes.csv", "Name,Sets,Load", "a,b,c")
    code, _, err = run(capsys, "--db", db, "import", "json", f)
    assert code == 2 and "it is not valid JSON" in err


def test_a_fitnotes_import_is_a_batch_that_replace_takes_back(capsys, db, tmp_path):
    """FitNotes imports are batches like Strong's: --replace swaps the earlier one out."""
    f = write(tmp_path, "FitNotes_Export.csv", ANDROID, *FITNOTES_ROWS)
    code, out, err = run(capsys, "--db", db, "import", "fitnotes", f)
    assert code == 0, err
    assert "This is import 1" in out
    code, out, err = run(capsys, "--db", db, "import", "fitnotes", f, "--replace")
    assert code == 0, err
    assert out.startswith("Replacing import 1 (FitNotes_Export.csv of ")
    assert "This is import 2" in out
