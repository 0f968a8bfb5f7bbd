"""Hostile names and notes through every command that prints user text, the files it writes,
and the commands it suggests: shown as text, control characters gone, nothing that drives a
terminal, a spreadsheet or a shell.

Text typed or imported is cleaned where the domain builds its objects; text that reaches
the CLI's output any other way (an old database written by hand, a file name, an argument
echoed in an error) is escaped on the way out as `\\u001b`, which also keeps JSON valid.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui_tracker.cli import main
from tui_tracker.commands import transfer
from tui_tracker.store import Store

from .hostile import (
    BLOCK_NAME,
    CONTROL,
    DAY_NAME,
    EXERCISE_NAMES,
    LONG,
    NOTE,
    OTHER_DAY_NAME,
    assert_no_controls,
    assert_terminal_safe,
    seed,
    shown,
    write_raw,
)

DAY = date(2026, 11, 18)
IOS = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
HEVY = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"'
)
#: A name that runs code if a shell reads it inside double quotes, or unquoted.
SHELL_NAME = "Zercher \"Squat\" $(touch pwned) `touch pwned2` 'x' ;touch pwned3"


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "training.json"


@pytest.fixture(autouse=True)
def fixed_zone(monkeypatch):
    from datetime import timezone

    monkeypatch.setattr(transfer, "local_zone", lambda: timezone(timedelta(hours=1)))


def run(capsys, *args, allowed: str = "\n") -> tuple[int, str, str]:
    """One command in this process: its exit code, stdout and stderr, each checked clean."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    for stream in (out, err):
        assert_terminal_safe(stream)
        assert_no_controls(stream, allowed)
    return code, out, err


def seeded(db, **kw):
    with Store(db) as store:
        return seed(store, DAY, **kw)


def assert_lists(out: str, *texts: str) -> None:
    for text in texts:
        assert shown(text) in out, f"{shown(text)!r} not in {out!r}"


# --- the catalogue ---------------------------------------------------------------------------


def test_exercises_lists_hostile_names_as_text(capsys, db):
    seeded(db)
    code, out, _ = run(capsys, "--db", db, "exercises")
    assert code == 0
    assert_lists(out, *EXERCISE_NAMES)
    code, out, _ = run(capsys, "--db", db, "exercises", "--json")
    names = {e["name"] for e in json.loads(out)}
    assert {shown(n) for n in EXERCISE_NAMES} <= names


def test_exercise_add_and_edit_take_hostile_names_and_echo_them_clean(capsys, db):
    name = "[/]Cable \x1b]0;pwned\x07 Y\x9b31m Raise"
    code, out, err = run(
        capsys,
        "--db",
        db,
        "exercise",
        "add",
        name,
        "--primary",
        "side_delts",
        "--kind",
        "isolation",
        "--alias",
        "\x1b]52;c;ZXZpbA==\x07y raise",
    )
    assert code == 0, err
    assert f"Added {shown(name)} [custom-" in out
    code, out, err = run(capsys, "--db", db, "exercise", "edit", shown(name), "--rest", "60")
    assert code == 0, err
    assert f"Updated {shown(name)}" in out
    with Store(db) as store:
        (ex,) = store.custom_exercises()
    assert (ex.name, ex.aliases) == (shown(name), ("]52;c;ZXZpbA==y raise",))
    # An unknown hostile name, echoed in the error with hostile suggestions: one clean line.
    code, out, err = run(
        capsys, "--db", db, "exercise", "edit", "\x1b]0;pwned\x07Cable Y", "--rest", "60"
    )
    assert code == 2 and err.count("\n") == 1
    assert "unknown exercise" in err


# --- logging ---------------------------------------------------------------------------------


def test_log_prints_a_hostile_exercise_and_stores_its_note_clean(capsys, db):
    seeded(db, block=False, today_sets=False)
    code, out, err = run(
        capsys,
        "--db",
        db,
        "--today",
        DAY,
        "log",
        shown(EXERCISE_NAMES[3]),
        "100x5@2",
        "--note",
        NOTE,
    )
    assert code == 0, err
    assert f"{shown(EXERCISE_NAMES[3])}, session of {DAY}:" in out
    with Store(db) as store:
        (s,) = store.open_session(DAY).sets
    assert s.note == shown(NOTE)


# --- blocks ----------------------------------------------------------------------------------


def test_status_and_meso_list_show_the_block_and_day_names_as_text(capsys, db):
    seeded(db)
    code, out, _ = run(capsys, "--db", db, "--today", DAY, "status")
    assert code == 0
    assert_lists(out, BLOCK_NAME, DAY_NAME, EXERCISE_NAMES[0])
    code, out, _ = run(capsys, "--db", db, "--today", DAY, "status", "--json")
    info = json.loads(out)
    assert info["mesocycle"]["name"] == shown(BLOCK_NAME)
    code, out, _ = run(capsys, "--db", db, "--today", DAY, "meso", "list")
    assert code == 0
    assert_lists(out, BLOCK_NAME)


def test_meso_new_takes_a_hostile_name_and_prints_the_plan_clean(capsys, db):
    name = "[b]Winter[/] \x1b[2J\x1b]0;pwned\x07 block"
    code, out, err = run(
        capsys, "--db", db, "--today", DAY, "meso", "new", "--weeks", "4", "--name", name
    )
    assert code == 0, err
    assert_lists(out, name)
    with Store(db) as store:
        assert [m.name for m in store.mesocycles()] == [shown(name)]


# --- import ----------------------------------------------------------------------------------


def write_csv(path: Path, header: str, rows: list[list[str]]) -> Path:
    out = io.StringIO()
    out.write(header + "\n")
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_import_strong_with_hostile_names_and_notes_reports_and_stores_them_clean(
    capsys, db, tmp_path
):
    rows = [
        ["2024-03-05 18:01:12", BLOCK_NAME, "1h", name, "1", "100", "5", "0", "0", NOTE, NOTE, ""]
        for name in EXERCISE_NAMES
    ]
    f = write_csv(tmp_path / "strong.csv", IOS, rows)
    code, out, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
    assert code == 0, err
    assert_lists(out, *(" ".join(n.split()) for n in EXERCISE_NAMES))
    with Store(db) as store:
        names = {e.name for e in store.custom_exercises()}
        (session,) = store.recent_sessions(5)
    assert names == {" ".join(shown(n).split()) for n in EXERCISE_NAMES}
    assert_no_controls(session.note)
    assert all(s.note == shown(NOTE) for s in session.sets)


def test_import_hevy_with_hostile_names_and_notes_stores_them_clean(capsys, db, tmp_path):
    rows = [
        [
            BLOCK_NAME,
            "30 Jan 2025, 12:34",
            "30 Jan 2025, 13:40",
            NOTE,
            name,
            "",
            NOTE,
            "0",
            "normal",
            "100",
            "5",
            "",
            "",
            "",
        ]
        for name in EXERCISE_NAMES[:4]
    ]
    f = write_csv(tmp_path / "hevy.csv", HEVY, rows)
    code, out, err = run(capsys, "--db", db, "import", "hevy", f)
    assert code == 0, err
    assert_lists(out, *EXERCISE_NAMES[:4])
    with Store(db) as store:
        (session,) = store.recent_sessions(5)
    assert_no_controls(session.note)
    assert all(shown(NOTE) in s.note for s in session.sets)


@pytest.mark.parametrize("name", [SHELL_NAME, '-Zercher\'s "$HOME" squat'], ids=["quotes", "dash"])
def test_the_suggested_exercise_edit_command_runs_as_printed_in_a_shell(capsys, tmp_path, name):
    db = tmp_path / "my $HOME `db` 'x'" / "training.json"
    f = write_csv(
        tmp_path / "strong.csv",
        IOS,
        [["2024-03-05 18:01:12", "Legs", "1h", name, "1", "100", "5", "0", "0", "", "", ""]],
    )
    code, out, err = run(capsys, "--db", db, "import", "strong", f, "--unit", "kg")
    assert code == 0, err
    (hint,) = [line.strip() for line in out.splitlines() if "exercise edit" in line]
    placeholders = " --primary MUSCLE[,MUSCLE] [--secondary MUSCLE,...] --kind compound|isolation"
    assert placeholders in hint
    command = hint.replace(placeholders, " --primary quads,glutes --kind compound")
    assert command.startswith("tui-tracker ")
    command = f"{sys.executable} -m tui_tracker.cli " + command.removeprefix("tui-tracker ")
    done = subprocess.run(
        ["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert not list(tmp_path.glob("pwned*"))
    with Store(db) as store:
        (ex,) = store.custom_exercises()
    assert ex.name == name and ex.primary == ("quads", "glutes")


def test_import_json_with_control_characters_stores_them_clean(capsys, db, tmp_path):
    seeded(db)
    code, out, err = run(capsys, "--db", db, "export", "--format", "json")
    doc = json.loads(out)
    # An export edited by hand (or written by another tool) with raw control characters.
    doc["exercises"][0]["name"] = EXERCISE_NAMES[3]
    doc["sessions"][0]["note"] = NOTE
    doc["sessions"][0]["sets"][0]["note"] = NOTE
    doc["mesocycles"][0]["name"] = BLOCK_NAME
    doc["mesocycles"][0]["days"][0]["name"] = DAY_NAME
    f = tmp_path / "edited.json"
    f.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    new = tmp_path / "new.json"
    code, out, err = run(capsys, "--db", new, "import", "json", f)
    assert code == 0, err
    with Store(new) as store:
        session = store.recent_sessions(10)[-1]
        texts = (
            [e.name for e in store.custom_exercises()]
            + [session.note, session.sets[0].note]
            + [m.name for m in store.mesocycles()]
            + [d.name for m in store.mesocycles() for d in m.days]
        )
    for text in texts:
        assert_no_controls(text)
    assert shown(NOTE) == session.note and shown(DAY_NAME) in texts


def test_import_json_refuses_ids_with_control_characters(capsys, db, tmp_path):
    seeded(db)
    code, out, err = run(capsys, "--db", db, "export", "--format", "json")
    doc = json.loads(out)
    doc["sessions"][0]["id"] = "\x1b]0;pwned\x07"
    f = tmp_path / "edited.json"
    f.write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = run(capsys, "--db", tmp_path / "new.json", "import", "json", f)
    assert code == 2 and "control character" in err
    assert not (tmp_path / "new.json").exists()


# --- export ----------------------------------------------------------------------------------

FORMULAS = ('=HYPERLINK("http://x","click")', "+1+cmd|' /C calc'!A0", "-2+3 Row", "@SUM(A1) Curl")


def test_csv_export_neutralises_formulas_and_keeps_numbers_numeric(capsys, db):
    from tui_tracker.domain.models import Exercise, LoggedSet
    from tui_tracker.domain.catalogue import custom_id

    with Store(db) as store:
        session = None
        for k, name in enumerate(FORMULAS):
            store.save_exercise(Exercise(custom_id(name), name, ("chest",), custom=True))
            s = LoggedSet(custom_id(name), 102.5, 8, 2, at=seed_time(k), note=FORMULAS[-1 - k])
            session = store.log_set(s, day=DAY, session_id=session.id if session else None)
    code, out, err = run(capsys, "--db", db, "export", "--format", "csv", allowed="\r\n")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["exercise"] for r in rows] == ["'" + n for n in FORMULAS]
    assert [r["note"] for r in rows] == ["'" + n for n in reversed(FORMULAS)]
    for r in rows:
        assert (r["weight"], r["weight_kg"], r["reps"], r["rir"]) == ("102.5", "102.5", "8", "2")
        for value in r.values():
            assert value[:1] not in ("=", "+", "-", "@", "\t", "\r")


def seed_time(minute: int):
    from .hostile import at

    return at(DAY, 17, minute)


def test_csv_cells_starting_with_tab_or_cr_are_neutralised_too():
    from tui_tracker.store.exchange import spreadsheet_cell

    for cell in ("\t=1+1", "\r=1+1", "=1", "+1", "-1", "@1"):
        assert spreadsheet_cell(cell) == "'" + cell
    for cell in ("Bench", "", "1.5", " =x", "'=already"):
        assert spreadsheet_cell(cell) == cell


def test_json_export_of_hostile_text_is_a_lossless_round_trip(capsys, db, tmp_path):
    seeded(db)
    with Store(db) as store:
        for name in FORMULAS:
            from tui_tracker.domain.catalogue import custom_id
            from tui_tracker.domain.models import Exercise

            store.save_exercise(Exercise(custom_id(name), name, ("chest",), custom=True))
    first = tmp_path / "first.json"
    code, _, err = run(capsys, "--db", db, "export", "-o", first)
    assert code == 0, err
    copy = tmp_path / "copy" / "training.json"
    copy.parent.mkdir()
    code, _, err = run(capsys, "--db", copy, "import", "json", first)
    assert code == 0, err
    second = tmp_path / "second.json"
    code, _, err = run(capsys, "--db", copy, "export", "-o", second)
    assert first.read_bytes() == second.read_bytes()
    names = {e["name"] for e in json.loads(first.read_text())["exercises"]}
    assert set(FORMULAS) <= names  # formulas are plain text in JSON: nothing to neutralise


# --- text that never went through the domain: old files, file names --------------------------


def test_an_old_database_with_raw_control_characters_prints_clean(capsys, db):
    """A database written before names were cleaned (or by hand) still holds raw ESC."""
    seeded(db, block=True)
    write_raw(db, EXERCISE_NAMES + (NOTE, BLOCK_NAME, DAY_NAME, OTHER_DAY_NAME))
    for args in (
        ["exercises"],
        ["status"],
        ["meso", "list"],
        ["volume"],
        ["log", shown(EXERCISE_NAMES[6]), "50x5"],
    ):
        code, out, err = run(capsys, "--db", db, "--today", DAY, *args)
        assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "--today", DAY, "exercises")
    assert_lists(out, *EXERCISE_NAMES)


def test_a_file_name_with_escape_sequences_is_escaped_in_the_error(capsys, db, tmp_path):
    path = tmp_path / "\x1b]0;pwned\x07\x9b31m.csv"
    code, out, err = run(capsys, "--db", db, "import", "strong", path, "--unit", "kg")
    assert code == 2
    assert "\\u001b]0;pwned\\u0007\\u009b31m.csv" in err


def test_the_real_command_sends_no_escape_sequence_to_its_terminal(tmp_path):
    """The console script on a pipe: what a terminal would receive, byte for byte."""
    db = tmp_path / "training.json"
    seeded(db)
    env = {**os.environ, "TUI_TRACKER_DB": str(db)}
    for args in (
        ["exercises"],
        ["--today", str(DAY), "status"],
        ["import", "strong", str(tmp_path / "\x1b[2Jx\x1b]52;c;ZXZpbA==\x07.csv")],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "tui_tracker.cli", *args],
            env=env,
            capture_output=True,
            timeout=60,
        )
        for stream in (done.stdout, done.stderr):
            text = stream.decode("utf-8")
            assert_terminal_safe(text)
            assert not CONTROL.search(text.replace("\n", ""))
    assert (
        shown(LONG)
        in subprocess.run(
            [sys.executable, "-m", "tui_tracker.cli", "exercises"],
            env=env,
            capture_output=True,
            text=True,
        ).stdout
    )


class Terminal(io.StringIO):
    """stderr as a terminal: the import draws its progress bar there."""

    def isatty(self) -> bool:
        return True


def test_the_progress_bar_still_redraws_its_line_with_a_hostile_file_name_escaped(
    monkeypatch, db, tmp_path
):
    f = write_csv(
        tmp_path / "\x1b]0;pwned\x07big.csv",
        IOS,
        [
            [
                "2024-03-05 18:01:12",
                "Legs",
                "1h",
                "Squat (Barbell)",
                str(i),
                "100",
                "5",
                "0",
                "0",
                "",
                "",
                "",
            ]
            for i in range(1, 6)
        ],
    )
    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert main(["--db", str(db), "import", "strong", str(f), "--unit", "kg"]) == 0
    drawn = term.getvalue()
    assert drawn.startswith("\rReading \\u001b]0;pwned\\u0007big.csv [")  # redrawn in place
    assert "100%" in drawn and drawn.endswith("\r")  # and cleared
    assert_terminal_safe(drawn)
    assert sys.stderr is term  # the streams are the caller's again


def test_the_cli_streams_escape_every_way_of_writing(capsys):
    from tui_tracker.cli import VisibleText

    out = VisibleText(sys.stdout)
    out.write("a\x1b[2J\n")
    out.writelines(["b\x9b31m\r\n", "\rbar\r", "x\ry"])
    print("c\x07", file=out)
    assert capsys.readouterr().out == "a\\u001b[2J\nb\\u009b31m\r\n\rbar\rx\\u000dyc\\u0007\n"


def test_a_csv_export_to_a_text_only_stdout_keeps_its_line_ends(monkeypatch, db):
    from tui_tracker.store.exchange import csv_text

    seeded(db)
    out = io.StringIO()  # no .buffer: the export writes text
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["--db", str(db), "export", "--format", "csv"]) == 0
    with Store(db) as store:
        from tui_tracker.store.exchange import snapshot

        assert out.getvalue() == csv_text(snapshot(store).sessions, store.catalogue())
    assert "\r\n" in out.getvalue()
