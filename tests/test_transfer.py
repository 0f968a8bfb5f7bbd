"""`tui-tracker import strong|hevy|json` and `tui-tracker export`, run in-process over small
files written here (every layout the apps export), plus one run of the console script."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui_tracker.cli import main
from tui_tracker.commands import transfer
from tui_tracker.domain.models import KG_PER_LB
from tui_tracker.store import Store

BERLIN = ZoneInfo("Europe/Berlin")

IOS = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
IOS10 = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE"
ANDROID = (
    '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";'
    '"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"'
)
LEGACY = (
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
    "Distance Unit;Seconds;Notes;Workout Notes"
)
HEVY = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"'
)
HEVY_LBS = HEVY.replace("weight_kg", "weight_lbs").replace("distance_km", "distance_miles")

NNBSP = "\u202f"  # the narrow no-break space iOS puts before AM/PM


@pytest.fixture(autouse=True)
def berlin(monkeypatch):
    """Imported wall-clock times are read in the lifter's zone: pin it (with its DST rules)."""
    monkeypatch.setattr(transfer, "local_zone", lambda: BERLIN)


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "db" / "training.json"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, name: str, *rows: str) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def sessions(db: Path) -> list:
    if not db.exists():
        return []
    store = Store(db)
    try:
        return store.sessions_between(date(1900, 1, 1), date(2100, 12, 31))
    finally:
        store.close()


def sets_of(db: Path) -> list[tuple]:
    return [
        (s.exercise_id, round(s.weight_kg, 4), s.reps, s.rir, s.kind, s.unit)
        for session in sessions(db)
        for s in session.sets
    ]


def nothing_written(db: Path) -> bool:
    return not db.parent.exists() or not any(
        p.name.startswith(f"{db.stem}.sessions") for p in db.parent.iterdir()
    )


# --- Strong: every layout --------------------------------------------------------------------


def test_strong_ios_12_columns_24h_in_kg(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "strong.csv",
        IOS,
        "2024-03-05 18:01:12,Push Day,1h 5m,Bench Press (Barbell),W,60,8,0,0,,Felt strong,",
        "2024-03-05 18:01:12,Push Day,1h 5m,Bench Press (Barbell),1,100,5,0,0,paused,Felt strong,8",
        "2024-03-05 18:01:12,Push Day,1h 5m,Bench Press (Barbell),F,100,4,0,0,,Felt strong,",
        "2024-07-09 07:30:00,Legs,45m,Squat (Barbell),1,140,5,0,0,,,8.5",
    )
    code, out, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
    assert code == 0, err
    assert err == ""
    assert "Imported 2 new sessions (4 sets), 2024-03-05 to 2024-07-09" in out
    assert sets_of(db) == [
        ("barbell-bench-press", 60, 8, None, "warmup", "kg"),
        ("barbell-bench-press", 100, 5, 2, "working", "kg"),
        ("barbell-bench-press", 100, 4, 0, "failure", "kg"),  # F: a set to failure
        ("barbell-back-squat", 140, 5, 2, "working", "kg"),
    ]  # RPE 8.5 -> RIR 2 (more reserve)
    push, legs = sessions(db)
    # Local times in the lifter's zone, with the offset of that date (CET in March, CEST in July).
    assert push.started_at.isoformat() == "2024-03-05T18:01:12+01:00"
    assert legs.started_at.isoformat() == "2024-07-09T07:30:00+02:00"
    assert push.ended_at - push.started_at == timedelta(hours=1, minutes=5)
    assert push.note == "Push Day\nFelt strong" and push.sets[1].note == "paused"


def test_strong_ios_in_pounds(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "strong.csv",
        IOS,
        "2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),1,225,5,0,0,,,",
    )
    code, _, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "lb")
    assert code == 0, err
    (s,) = [s for session in sessions(db) for s in session.sets]
    assert s.unit == "lb" and s.weight_kg == pytest.approx(225 * KG_PER_LB) and s.weight == 225


def test_strong_ios_needs_the_unit(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "strong.csv",
        IOS,
        "2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),1,100,5,0,0,,,",
    )
    code, out, err = run(capsys, "--db", db, "import", "strong", f)
    assert code == 2 and out == ""
    assert "--unit kg or --unit lb" in err and len(err.strip().splitlines()) == 1
    assert nothing_written(db)


def test_strong_ios_10_columns_12_hour_dates_with_narrow_no_break_space(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "strong.csv",
        IOS10,
        f"2024-03-05 6:01:12{NNBSP}PM,Push,1h,Bench Press (Barbell),1,60,10,0,0,",
        f"2024-03-05 6:01:12{NNBSP}PM,Push,1h,Bench Press (Barbell),2,62.5,8,0,0,8",
        f"2024-03-06 12:15:00{NNBSP}AM,Late,30m,Overhead Press (Barbell),1,40,8,0,0,9",
    )
    code, out, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
    assert code == 0, err
    push, late = sessions(db)
    assert push.started_at.replace(tzinfo=None) == datetime(2024, 3, 5, 18, 1, 12)
    assert late.started_at.replace(tzinfo=None) == datetime(2024, 3, 6, 0, 15)  # 12 AM is 0h
    assert sets_of(db) == [
        ("barbell-bench-press", 60, 10, None, "working", "kg"),
        ("barbell-bench-press", 62.5, 8, 2, "working", "kg"),
        ("barbell-overhead-press", 40, 8, 1, "working", "kg"),
    ]


def test_strong_android_semicolons(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "strong.csv",
        ANDROID,
        '"1";"2024-03-05 18:01:12";"Push";"3900";"Bench Press (Barbell)";"1";"100";"5";"8";"";"";"";""',
        '"1";"2024-03-05 18:01:12";"Push";"3900";"Bench Press (Barbell)";"Rest Timer";"";"";"";"";"90";"";""',
        '"1";"2024-03-05 18:01:12";"Push";"3900";"Bench Press (Barbell)";"D";"80";"8";"";"";"";"";""',
    )
    code, out, err = run(capsys, "--db", db, "import", "strong", f)  # the unit is in the header
    assert code == 0, err
    assert "1 row that are not sets" in out or "1 row" in out
    assert sets_of(db) == [
        ("barbell-bench-press", 100, 5, 2, "working", "kg"),
        ("barbell-bench-press", 80, 8, None, "drop", "kg"),
    ]
    (s,) = sessions(db)
    assert s.ended_at - s.started_at == timedelta(seconds=3900)


@pytest.mark.parametrize("duration", [False, True])
def test_strong_legacy_semicolons_with_and_without_workout_duration(capsys, db, tmp_path, duration):
    header = LEGACY + (";Workout Duration" if duration else "")
    tail = ";1h 10m" if duration else ""
    f = write(
        tmp_path,
        "strong.csv",
        header,
        f"2019-06-01 10:00:00;Legs;Squat (Barbell);1;315;lbs;5;;;;;;{tail}",
        f"2019-06-01 10:00:00;Legs;Leg Press;1;200;kg;10;9;;;;;{tail}",
        f"2019-06-01 10:00:00;Legs;Squat (Barbell);Note;;;;;;;;Good depth;{tail}",
    )
    code, out, err = run(capsys, "--db", db, "import", "strong", f)
    assert code == 0, err
    assert sets_of(db) == [
        ("barbell-back-squat", round(315 * KG_PER_LB, 4), 5, None, "working", "lb"),
        ("leg-press", 200, 10, 1, "working", "kg"),
    ]
    (s,) = sessions(db)
    assert (s.ended_at - s.started_at == timedelta(hours=1, minutes=10)) == duration


# --- Hevy -------------------------------------------------------------------------------------


def hevy_row(
    *,
    title="Push",
    start="30 Jan 2025, 18:34",
    end="30 Jan 2025, 19:40",
    exercise="Bench Press (Barbell)",
    index="0",
    set_type="normal",
    weight="100",
    reps="5",
    rpe="",
) -> str:
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="").writerow(
        [title, start, end, "", exercise, "", "", index, set_type, weight, reps, "", "", rpe]
    )
    return buf.getvalue()


def test_hevy_in_kg(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "hevy.csv",
        HEVY,
        hevy_row(set_type="warmup", weight="40", reps="10"),
        hevy_row(index="1", weight="100", reps="5", rpe="8"),
        hevy_row(index="2", set_type="failure", weight="100", reps="4"),
        hevy_row(index="3", set_type="dropset", weight="80", reps="6"),
    )
    code, out, err = run(capsys, "--db", db, "import", "hevy", f)
    assert code == 0, err
    assert "Imported 1 new session (4 sets)" in out
    assert sets_of(db) == [
        ("barbell-bench-press", 40, 10, None, "warmup", "kg"),
        ("barbell-bench-press", 100, 5, 2, "working", "kg"),
        ("barbell-bench-press", 100, 4, 0, "failure", "kg"),
        ("barbell-bench-press", 80, 6, None, "drop", "kg"),
    ]
    (s,) = sessions(db)
    assert s.started_at.isoformat() == "2025-01-30T18:34:00+01:00"
    assert s.ended_at.isoformat() == "2025-01-30T19:40:00+01:00"


def test_hevy_in_pounds(capsys, db, tmp_path):
    f = write(tmp_path, "hevy.csv", HEVY_LBS, hevy_row(weight="225", reps="5", rpe="9.5"))
    code, _, err = run(capsys, "--db", db, "import", "hevy", f)
    assert code == 0, err
    (s,) = [s for session in sessions(db) for s in session.sets]
    assert s.unit == "lb" and s.weight_kg == pytest.approx(225 * KG_PER_LB) and s.rir == 1


# --- bad rows, --strict, twice ---------------------------------------------------------------

BAD_FILE = (
    IOS,
    "2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),1,100,5,0,0,,,8",
    "2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),2,100,five,0,0,,,8",  # line 3
    "2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),3,100,5,0,0,,,8",
    "2024-02-30 18:01:12,Pull,1h,Barbell Row,1,80,8,0,0,,,",  # line 5
    "2024-03-07 18:01:12,Pull,1h,Barbell Row,1,80,8,0,0,,,",
)


def test_bad_rows_are_reported_with_line_numbers_and_the_rest_imported(capsys, db, tmp_path):
    f = write(tmp_path, "strong.csv", *BAD_FILE)
    code, out, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
    assert code == 0
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{f}:3: ") and "reps 'five' is not a whole number" in lines[0]
    assert lines[1].startswith(f"{f}:5: ") and "not a real date" in lines[1]
    assert "2 bad rows left out" in out
    assert "Imported 2 new sessions (3 sets)" in out
    assert len(sets_of(db)) == 3


def test_strict_imports_nothing_when_a_row_is_bad(capsys, db, tmp_path):
    f = write(tmp_path, "strong.csv", *BAD_FILE)
    code, out, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg", "--strict")
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert [line.split(": ")[0] for line in lines[:2]] == [f"{f}:3", f"{f}:5"]
    assert (
        lines[-1].startswith("tui-tracker: error: 2 bad rows") and "nothing imported" in lines[-1]
    )
    assert nothing_written(db)
    store = Store(db)
    assert store.custom_exercises() == [] and store.years() == []
    store.close()


def test_strict_with_a_clean_file_imports(capsys, db, tmp_path):
    f = write(tmp_path, "strong.csv", BAD_FILE[0], BAD_FILE[1])
    code, out, _ = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg", "--strict")
    assert code == 0 and "Imported 1 new session" in out


def test_importing_the_same_file_twice_adds_nothing(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "hevy.csv",
        HEVY,
        hevy_row(),
        hevy_row(index="1"),
        hevy_row(start="1 Feb 2025, 07:00", end="1 Feb 2025, 08:00", exercise="Squat (Barbell)"),
    )
    code, out, _ = run(capsys, "--db", db, "import", "hevy", f)
    assert code == 0 and "Imported 2 new sessions (3 sets)" in out
    before = sorted(p.read_bytes() for p in db.parent.glob("training*.json"))
    code, out, err = run(capsys, "--db", db, "import", "hevy", f)
    assert code == 0, err
    assert "Imported 0 new sessions (0 sets); 2 sessions were already there." in out
    assert sorted(p.read_bytes() for p in db.parent.glob("training*.json")) == before
    assert len(sets_of(db)) == 3


def test_hevy_empty_weights_of_loaded_exercises_are_bad_rows(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "hevy.csv",
        HEVY,
        hevy_row(exercise="Bench Press (Barbell)", weight="", reps="8"),
        hevy_row(exercise="Pull Up", weight="", reps="8"),
        hevy_row(exercise="Planche Push Up", weight="", reps="3"),
    )
    code, out, err = run(capsys, "--db", db, "import", "hevy", f)
    assert code == 0, err
    assert err == f"{f}:2: weight is empty, and Barbell Bench Press is not a bodyweight exercise\n"
    assert [(s[0], s[1], s[2]) for s in sets_of(db)] == [
        ("pull-up", 0, 8),
        ("custom-planche-push-up", 0, 3),
    ]
    store = Store(db)
    assert [(e.name, e.bodyweight) for e in store.custom_exercises()] == [("Planche Push Up", True)]
    store.close()


def test_every_row_bad_is_an_error(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "strong.csv",
        IOS,
        "2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),1,100,x,0,0,,,",
    )
    code, out, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
    assert code == 2 and f"{f}:2: " in err and "nothing imported" in err
    assert nothing_written(db)


# --- unmapped names ---------------------------------------------------------------------------


def test_unmapped_names_become_own_exercises_and_are_listed_with_the_fix(capsys, db, tmp_path):
    f = write(
        tmp_path,
        "strong.csv",
        IOS,
        "2024-03-05 18:01:12,Push,1h,Zercher Carry Press,1,50,8,0,0,,,",
        "2024-03-05 18:01:12,Push,1h,Zercher Carry Press,2,50,8,0,0,,,",
        "2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),1,100,5,0,0,,,",
    )
    code, out, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
    assert code == 0, err
    assert "1 exercise in this file is not in the catalogue" in out
    assert "Zercher Carry Press  2 sets  (new)" in out
    assert (
        f"tui-tracker --db {db} exercise edit 'Zercher Carry Press' --primary" in out
    )  # shell-quoted
    assert "Muscles: chest, back," in out
    store = Store(db)
    (own,) = store.custom_exercises()
    store.close()
    assert own.name == "Zercher Carry Press" and own.primary == () and own.custom

    # Still listed on a second import until it has muscles; then its sets count.
    _, out, _ = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
    assert "Zercher Carry Press  2 sets" in out and "(new)" not in out
    code, _, err = run(
        capsys,
        "--db",
        db,
        "exercise",
        "edit",
        "Zercher Carry Press",
        "--primary",
        "front_delts",
        "--secondary",
        "triceps",
    )
    assert code == 0, err
    _, out, _ = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
    assert "not in the catalogue" not in out
    _, out, _ = run(capsys, "--db", db, "volume", "--week", "2024-W10", "--json")
    assert json.loads(out)["muscles"]["front_delts"]["sets"] == 2.0 + 0.5  # + bench's secondary


# --- whole-file problems -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind,content,message",
    [
        ("strong", None, "there is no file"),
        ("strong", b"Date,Workout Name\n\xff\xfe\xfa bad bytes\n", "is not UTF-8 text"),
        ("strong", b"", "the file is empty"),
        ("strong", (HEVY + "\n").encode(), "this is a Hevy export"),
        ("hevy", (IOS + "\n").encode(), "this is a Strong export"),
        ("hevy", b"a,b,c\n1,2,3\n", "is not a Hevy export's header"),
        ("strong", b"\x00\x01\x02binary", "binary file"),
    ],
)
def test_unusable_files_are_one_line_exit_2_and_write_nothing(
    capsys, db, tmp_path, kind, content, message
):
    f = tmp_path / "export.csv"
    if content is not None:
        f.write_bytes(content)
    code, out, err = (
        run(capsys, "--db", db, "import", kind, f, "--unit", "kg")
        if kind == "strong"
        else run(capsys, "--db", db, "import", kind, f)
    )
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert nothing_written(db)


def test_utf8_with_bom_and_utf16_are_read(capsys, db, tmp_path):
    text = IOS + "\n2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),1,100,5,0,0,Übung,,\n"
    for i, data in enumerate([b"\xef\xbb\xbf" + text.encode(), text.encode("utf-16")]):
        f = tmp_path / f"bom{i}.csv"
        f.write_bytes(data)
        code, _, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
        assert code == 0, err
    (s,) = [s for session in sessions(db) for s in session.sets]
    assert s.note == "Übung"


# --- big files and the progress bar --------------------------------------------------------------


def big_strong_file(path: Path, rows: int) -> Path:
    names = [
        "Squat (Barbell)",
        "Bench Press (Barbell)",
        "Deadlift (Barbell)",
        "Lat Pulldown (Cable)",
        "Overhead Press (Barbell)",
    ]
    out = [IOS]
    start = datetime(2016, 1, 4, 18, 0)
    for i in range(rows):
        day = start + timedelta(days=2 * (i // 25))
        out.append(
            f"{day:%Y-%m-%d %H:%M:%S},Workout,1h,{names[(i // 5) % 5]},{i % 5 + 1},"
            f"{60 + i % 40},{5 + i % 5},0,0,,,8"
        )
    path.write_text("\n".join(out) + "\n")
    return path


def test_a_big_file_imports(capsys, db, tmp_path):
    """How fast, and in how little memory, is benchmarks/bench_import.py's to say."""
    f = big_strong_file(tmp_path / "big.csv", 20_000)
    code, out, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
    assert code == 0, err
    assert "Imported 800 new sessions (20,000 sets)" in out
    assert "\r" not in err  # no progress bar when stderr is not a terminal


def count_writes(monkeypatch) -> Counter[Path]:
    """Every file the store replaces, with how many times (atomic_write is its only way)."""
    from tui_tracker.store import storage

    writes: Counter = Counter()
    real = storage.atomic_write

    def counting(path, payload):
        writes[Path(path)] += 1
        return real(path, payload)

    monkeypatch.setattr(storage, "atomic_write", counting)
    return writes


def test_a_thousand_new_exercise_names_are_one_write_of_the_main_file(
    capsys, db, tmp_path, monkeypatch
):
    rows = [
        f"2024-0{1 + i // 400}-{1 + i // 20 % 20:02d} 18:00:00,Day,1h,Machine {i:04d},1,50,10,0,0,,,"
        for i in range(1000)
    ]
    f = write(tmp_path, "strong.csv", IOS, *rows)
    assert run(capsys, "--db", db, "status")[0] == 0  # the database exists before counting
    writes = count_writes(monkeypatch)
    code, out, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
    assert code == 0, err
    assert "Imported 50 new sessions (1,000 sets)" in out
    assert "1,000 exercises in this file are not in the catalogue" in out
    months = sorted(p for p in writes if p != db)
    # Every new exercise in one write; the other two record the import's batch (begun, done).
    assert writes[db] == 3
    assert len(months) == 3 and all(writes[m] == 1 for m in months)  # one write per month
    store = Store(db)
    assert len(store.custom_exercises()) == 1000
    store.close()


def test_rows_in_any_order_are_grouped_and_saved_a_month_at_a_time(
    capsys, db, tmp_path, monkeypatch
):
    """Memory holds a month, not the file: rows are parked on disk and each month's
    sessions are made and written on their own, whatever order the file is in."""
    from tui_tracker.domain.imports import RowReader
    from tui_tracker.store import importing

    monkeypatch.setattr(importing, "BUFFERED_ROWS", 7)  # to disk every few rows
    # A temp folder of its own: /tmp is shared with every other test run on the machine,
    # whose imports (some killed on purpose) have their own folders there.
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(importing.tempfile, "tempdir", str(private))
    parked: list[str] = []
    real_dir = importing.tempfile.TemporaryDirectory

    def temporary_directory(*args, **kwargs):
        made = real_dir(*args, **kwargs)
        parked.append(made.name)
        return made

    monkeypatch.setattr(importing.tempfile, "TemporaryDirectory", temporary_directory)
    batches: list[set] = []
    real = RowReader.assemble

    def assemble(self, rows):
        rows = list(rows)
        batches.append({(r.start.year, r.start.month) for r in rows})
        return real(self, rows)

    monkeypatch.setattr(RowReader, "assemble", assemble)
    days = ["2024-01-09", "2024-03-05", "2024-02-14", "2024-01-30", "2024-03-20"]
    rows = [
        f"{days[i % 5]} 18:00:00,Day,1h,Bench Press (Barbell),{i // 5 + 1},{50 + i},5,0,0,,,"
        for i in range(60)
    ]  # five sessions' rows interleaved
    f = write(tmp_path, "shuffled.csv", IOS, *rows)
    code, out, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
    assert code == 0, err
    assert "Imported 5 new sessions (60 sets), 2024-01-09 to 2024-03-20" in out
    assert batches == [{(2024, 1)}, {(2024, 2)}, {(2024, 3)}]
    got = sessions(db)
    assert [s.date.isoformat() for s in got] == sorted(days)
    assert all([x.weight_kg for x in s.sets] == sorted(x.weight_kg for x in s.sets) for s in got)
    assert parked and all(Path(name).parent == private for name in parked)  # rows went to disk
    assert not list(private.iterdir())  # and the folder they went to is gone


def test_the_progress_bars_show_rows_read_and_months_saved(capsys, db, tmp_path, monkeypatch):
    stream = io.StringIO()
    monkeypatch.setattr(
        transfer.ProgressBar, "on_stderr", classmethod(lambda cls, label: cls(label, stream))
    )
    monkeypatch.setattr(transfer, "PROGRESS_EVERY", 3000)
    f = big_strong_file(tmp_path / "big.csv", 5_000)  # one redraw at 3,000 rows, then the end
    code, out, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
    assert code == 0, err
    drawn = stream.getvalue()
    assert "Reading big.csv [" in drawn and "5,000 rows" in drawn
    assert "100%  5,000 rows" in drawn  # the end of reading is drawn, whatever the row count
    assert "Saving big.csv [" in drawn and "months" in drawn
    assert drawn.endswith("\r") and drawn.rsplit("\r", 2)[-2].strip() == ""  # cleared


def test_progress_bar_redraws_one_line_and_clears_it():
    stream = io.StringIO()
    bar = transfer.ProgressBar("Reading big.csv", stream)
    for done, rows in ((1000, 500), (2000, 1000), (2000, 1000), (30000, 15000)):
        bar(done, 30000, f"{rows:,} rows")  # bytes read of the file's size, rows so far
    bar.clear()
    text = stream.getvalue()
    assert text.count("\r") == 3 + 2 and "\n" not in text  # 3 draws (the repeat is skipped), clear
    assert "  3%  500 rows" in text and "100%  15,000 rows" in text
    assert text.endswith("\r") and text.rsplit("\r", 2)[-2].strip() == ""
    bar(30000, 30000)
    assert stream.getvalue().endswith("100%")  # drawn again after a clear, even at the same %


# --- JSON: export, import, round trip -------------------------------------------------------------


def fill(capsys, db: Path, tmp_path: Path) -> None:
    """A database with some of everything: logged sets (kg, lb, warm-up, note, no RIR), an own
    exercise, an imported session, a mesocycle, a volume target and a setting."""
    for args in (
        ["--today", "2026-11-16", "log", "squat", "100x5@2", "102,5x5@1"],
        ["--today", "2026-11-16", "log", "squat", "60x5", "--warmup"],
        ["--today", "2026-11-16", "log", "bench", "135x8@2", "--unit", "lb", "--note", "Schmerz ✓"],
        ["exercise", "add", "Cable Y Raise", "--primary", "side_delts", "--kind", "isolation"],
        [
            "exercise",
            "add",
            "Korean Dip",
            "--primary",
            "chest",
            "--bodyweight",
            "--kind",
            "compound",
        ],
        ["--today", "2026-11-18", "log", "Cable Y Raise", "8x15"],
        ["--today", "2026-11-02", "meso", "new", "--weeks", "4"],
    ):
        code, _, err = run(capsys, "--db", db, *args)
        assert code == 0, err
    f = write(tmp_path, "hevy.csv", HEVY, hevy_row(exercise="Mystery Machine"))
    assert run(capsys, "--db", db, "import", "hevy", f)[0] == 0
    store = Store(db)
    store.set_volume_target("calves", 6, 10)
    store.set_setting("unit", "lb")  # `log --unit` no longer writes it: set on purpose
    store.close()


def test_json_round_trip_into_an_empty_database_loses_nothing(capsys, tmp_path):
    a, b = tmp_path / "a" / "a.json", tmp_path / "b" / "b.json"
    fill(capsys, a, tmp_path)
    code, out, err = run(
        capsys, "--db", a, "export", "--format", "json", "-o", tmp_path / "a-export.json"
    )
    assert code == 0, err
    assert "Exported 3 sessions (6 sets), 1 mesocycle, 3 exercises of your own" in out
    code, out, err = run(capsys, "--db", b, "import", "json", tmp_path / "a-export.json")
    assert code == 0, err
    assert (
        out.startswith("Imported from")
        and "3 new sessions (6 sets), 1 mesocycle, 3 exercises" in out
    )
    assert "1 volume target, 1 setting" in out
    code, _, _ = run(
        capsys, "--db", b, "export", "--format", "json", "-o", tmp_path / "b-export.json"
    )
    assert code == 0
    assert (tmp_path / "a-export.json").read_bytes() == (tmp_path / "b-export.json").read_bytes()

    doc = json.loads((tmp_path / "a-export.json").read_text())
    assert doc["format"] == "tui-tracker-export" and doc["format_version"] == 2
    assert doc["settings"] == {"unit": "lb"} and doc["volume_targets"]["calves"] == [6, 10]
    assert {e["name"] for e in doc["exercises"]} == {
        "Cable Y Raise",
        "Mystery Machine",
        "Korean Dip",
    }
    assert {e["name"]: e["bodyweight"] for e in doc["exercises"]}["Korean Dip"] is True
    sets = [s for session in doc["sessions"] for s in session["sets"]]
    lb = next(s for s in sets if s["unit"] == "lb")
    assert lb["weight_kg"] == 135 * KG_PER_LB and lb["note"] == "Schmerz ✓"

    # The stores agree record for record, not only their exports.
    sa, sb = Store(a), Store(b)
    try:
        assert sa.sessions_between(date(2000, 1, 1), date(2100, 1, 1)) == sb.sessions_between(
            date(2000, 1, 1), date(2100, 1, 1)
        )
        assert sa.mesocycles() == sb.mesocycles()
        assert sorted(sa.custom_exercises(), key=lambda e: e.id) == sorted(
            sb.custom_exercises(), key=lambda e: e.id
        )
        assert sa.volume_targets() == sb.volume_targets()
    finally:
        sa.close()
        sb.close()


def test_json_import_twice_adds_nothing_and_stdout_export_equals_the_file(capsys, db, tmp_path):
    fill(capsys, db, tmp_path)
    code, stdout_export, _ = run(capsys, "--db", db, "export")  # json by default
    run(capsys, "--db", db, "export", "-o", tmp_path / "x.json")
    assert stdout_export == (tmp_path / "x.json").read_text()
    code, out, _ = run(capsys, "--db", db, "import", "json", tmp_path / "x.json")
    assert code == 0
    assert "0 new sessions (0 sets), 0 mesocycles, 0 exercises" in out
    assert "3 sessions were already there" in out
    assert run(capsys, "--db", db, "export")[1] == stdout_export


def export_doc(**changes) -> dict:
    doc = {
        "format": "tui-tracker-export",
        "format_version": 1,
        "exercises": [],
        "mesocycles": [],
        "volume_targets": {},
        "settings": {},
        "sessions": [],
    }
    doc.update(changes)
    return doc


GOOD_SESSION = {
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
            "at": "2026-11-16T18:05:00+01:00",
        }
    ],
}


@pytest.mark.parametrize(
    "content,message",
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"sessions": []}), "not a tui-tracker export"),
        (json.dumps(export_doc(format_version=3)), "written by a newer tui-tracker"),
        (
            json.dumps(
                export_doc(
                    sessions=[
                        GOOD_SESSION,
                        {
                            **GOOD_SESSION,
                            "id": "s2",
                            "sets": [{**GOOD_SESSION["sets"][0], "reps": "five"}],
                        },
                    ]
                )
            ),
            "sessions[1]: reps is not a whole number",
        ),
        (json.dumps(export_doc(sessions=[GOOD_SESSION, GOOD_SESSION])), "session s1 appears twice"),
        (json.dumps(export_doc(volume_targets={"lats": [10, 16]})), "unknown muscle 'lats'"),
    ],
)
def test_bad_json_imports_are_one_line_exit_2_and_write_nothing(
    capsys, db, tmp_path, content, message
):
    f = tmp_path / "in.json"
    f.write_text(content)
    code, out, err = run(capsys, "--db", db, "import", "json", f)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert nothing_written(db)


# --- CSV export -----------------------------------------------------------------------------------


def test_csv_export_is_one_row_per_set(capsys, db, tmp_path):
    fill(capsys, db, tmp_path)
    code, out, err = run(
        capsys, "--db", db, "export", "--format", "csv", "-o", tmp_path / "sets.csv"
    )
    assert code == 0, err and "6 sets, one row each" in out
    raw = (tmp_path / "sets.csv").read_bytes()
    assert raw.count(b"\r\n") == 7  # RFC 4180 line ends: header + 6 sets
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert list(rows[0]) == [
        "date",
        "session_id",
        "exercise",
        "exercise_id",
        "kind",
        "weight",
        "unit",
        "weight_kg",
        "reps",
        "rir",
        "time",
        "note",
        "superset",
        "duration_s",
        "distance_m",
    ]
    assert len(rows) == 6
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    squat = [r for r in rows if r["exercise_id"] == "barbell-back-squat"]
    assert [(r["kind"], r["weight"], r["reps"], r["rir"]) for r in squat] == [
        ("working", "100", "5", "2"),
        ("working", "102.5", "5", "1"),
        ("warmup", "60", "5", ""),
    ]
    assert squat[0]["exercise"] == "Barbell Back Squat" and squat[0]["unit"] == "kg"
    bench = next(r for r in rows if r["exercise_id"] == "barbell-bench-press")
    assert (bench["weight"], bench["unit"], bench["weight_kg"]) == ("135", "lb", "61.235")
    assert bench["note"] == "Schmerz ✓" and len(bench["time"]) == 8
    own = next(r for r in rows if r["exercise"] == "Mystery Machine")
    assert own["exercise_id"] == "custom-mystery-machine"
    # -o name ending in .csv picks the format by itself; stdout gives the same bytes.
    run(capsys, "--db", db, "export", "-o", tmp_path / "again.csv")
    assert (tmp_path / "again.csv").read_bytes() == raw
    code, out, _ = run(capsys, "--db", db, "export", "--format", "csv")
    assert out.encode() == raw


def test_export_of_an_empty_database(capsys, db):
    code, out, _ = run(capsys, "--db", db, "export", "--format", "csv")
    assert code == 0 and out.splitlines() == [
        "date,session_id,exercise,exercise_id,kind,weight,unit,weight_kg,reps,rir,time,note,"
        "superset,duration_s,distance_m"
    ]
    code, out, _ = run(capsys, "--db", db, "export")
    assert code == 0 and json.loads(out)["sessions"] == []


def test_export_never_half_writes_the_users_file(capsys, db, tmp_path):
    fill(capsys, db, tmp_path)
    target = tmp_path / "keep.json"
    target.write_text("my old export")
    # A folder that does not exist, a folder as the file: one line, exit 2, nothing touched.
    for bad, message in (
        (tmp_path / "nope" / "x.json", "does not exist"),
        (tmp_path, "is a folder"),
    ):
        code, out, err = run(capsys, "--db", db, "export", "-o", bad)
        assert code == 2 and out == "" and message in err and len(err.strip().splitlines()) == 1
    if os.geteuid() != 0:  # root may write a read-only file
        target.chmod(0o400)
        code, _, err = run(capsys, "--db", db, "export", "-o", target)
        assert code == 2 and "read-only" in err
        target.chmod(0o600)
    assert target.read_text() == "my old export"
    assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]
    code, _, _ = run(capsys, "--db", db, "export", "-o", target)
    assert code == 0 and json.loads(target.read_text())["format"] == "tui-tracker-export"


# --- the console script ---------------------------------------------------------------------------


def test_console_script_imports_and_exports(tmp_path):
    exe = Path(sys.executable).with_name("tui-tracker")
    f = write(
        tmp_path,
        "strong.csv",
        IOS,
        "2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),1,100,5,0,0,,,8",
        "2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),2,100,x,0,0,,,8",
    )
    db = tmp_path / "t.json"
    proc = subprocess.run(
        [str(exe), "--db", str(db), "import", "strong", str(f), "--unit", "kg"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Imported 1 new session (1 set)" in proc.stdout
    assert proc.stderr == f"{f}:3: reps 'x' is not a whole number\n"
    proc = subprocess.run(
        [str(exe), "--db", str(db), "export", "--format", "csv"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 2
