"""`tui-tracker exercise rename|merge|delete` through the real entry point, on real files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tui_tracker.cli import main
from tui_tracker.domain.mesocycle import Mesocycle, PlannedExercise, TrainingDay
from tui_tracker.store import Store

from .hostile import (
    EXERCISE_NAMES,
    NAME_IDS,
    assert_no_controls,
    assert_terminal_safe,
    hostile_exercises,
    shown,
)


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


def ok(capsys, db: Path, *args: str) -> str:
    code, out, err = run(capsys, "--db", str(db), *args)
    assert code == 0, err
    return out


def add(capsys, db: Path, name: str, primary: str, kind: str = "compound") -> None:
    ok(capsys, db, "exercise", "add", name, "--primary", primary, "--kind", kind)


def all_sets(db: Path) -> list[tuple[str, str]]:
    """(date, exercise id) of every set in the database, oldest first."""
    store = Store(db)
    out = [
        (s.date.isoformat(), x.exercise_id)
        for s in store.sessions_between(date(2000, 1, 1), date(2100, 1, 1))
        for x in s.sets
    ]
    store.close()
    return out


def chest_and_triceps(capsys, db: Path) -> tuple[float, float]:
    out = ok(capsys, db, "--today", "2026-11-17", "volume", "--json")
    muscles = json.loads(out)["muscles"]
    return muscles["chest"]["sets"], muscles["triceps"]["sets"]


# --- rename ------------------------------------------------------------------------------


def test_rename_keeps_the_id_and_sets_and_the_old_name_finds_it(capsys, db):
    add(capsys, db, "Bech Pres", "chest")
    ok(capsys, db, "--today", "2026-11-16", "log", "Bech Pres", "60x8@2", "60x8@2")

    out = ok(capsys, db, "exercise", "rename", "Bech Pres", "Paused Spoto Thing")
    assert "Renamed Bech Pres to Paused Spoto Thing [custom-bech-pres]" in out

    listed = {e["id"]: e for e in json.loads(ok(capsys, db, "exercises", "--json"))}
    assert listed["custom-bech-pres"]["name"] == "Paused Spoto Thing"
    assert listed["custom-bech-pres"]["aliases"] == ["Bech Pres"]
    assert all_sets(db) == [("2026-11-16", "custom-bech-pres")] * 2
    # The old name still finds it (a Strong file that says it), so it is never made twice.
    ok(capsys, db, "--today", "2026-11-16", "log", "Bech Pres", "60x7@1")
    assert all_sets(db)[-1] == ("2026-11-16", "custom-bech-pres")
    code, _, err = run(
        capsys,
        "--db",
        str(db),
        "exercise",
        "add",
        "Bech Pres",
        "--primary",
        "chest",
        "--kind",
        "compound",
    )
    assert code == 2 and "already in the catalogue as 'Paused Spoto Thing'" in err


def test_rename_refuses_a_catalogue_exercise_a_taken_name_and_an_empty_one(capsys, db):
    add(capsys, db, "Band Thing", "chest")
    code, _, err = run(capsys, "--db", str(db), "exercise", "rename", "squat", "My Squat")
    assert code == 2 and "Barbell Back Squat is in the catalogue" in err
    code, _, err = run(
        capsys, "--db", str(db), "exercise", "rename", "Band Thing", "barbell bench press"
    )
    assert code == 2 and "already the name of 'Barbell Bench Press'" in err and "merge" in err
    code, _, err = run(capsys, "--db", str(db), "exercise", "rename", "Band Thing", "  ")
    assert code == 2 and "needs a name" in err
    code, _, err = run(capsys, "--db", str(db), "exercise", "rename", "Nothing Here", "X")
    assert code == 2 and "unknown exercise 'Nothing Here'" in err
    assert [
        e["name"] for e in json.loads(ok(capsys, db, "exercises", "--json")) if e["custom"]
    ] == ["Band Thing"]


def test_a_hostile_name_is_stored_clean_and_printed_without_escapes(capsys, db):
    add(capsys, db, "Plain", "chest")
    out = ok(capsys, db, "exercise", "rename", "Plain", "[b]Bold[/] \x1b]0;owned\x07 row")
    assert "\x1b" not in out and "\x07" not in out
    assert "to [b]Bold[/] ]0;owned row" in out
    listed = [e["name"] for e in json.loads(ok(capsys, db, "exercises", "--json")) if e["custom"]]
    assert listed == ["[b]Bold[/] ]0;owned row"]


# --- merge -------------------------------------------------------------------------------


def test_merge_moves_every_set_in_every_month_recounts_volume_and_fixes_plans(capsys, db):
    add(capsys, db, "Close Press", "triceps")
    ok(capsys, db, "--today", "2026-10-30", "log", "Close Press", "80x8@2")
    ok(capsys, db, "--today", "2026-11-16", "log", "Close Press", "80x8@2", "80x8@2")
    ok(capsys, db, "--today", "2026-11-16", "log", "barbell bench press", "90x5@2")
    store = Store(db)
    store.save_mesocycle(
        Mesocycle(
            "Block",
            date(2026, 11, 16),
            4,
            (
                TrainingDay(
                    "Push",
                    0,
                    (
                        PlannedExercise("custom-close-press", 3, 6, 10),
                        PlannedExercise("barbell-bench-press", 4, 5, 8),
                    ),
                ),
                TrainingDay("Pull", 3, (PlannedExercise("custom-close-press", 2, 8, 12),)),
            ),
        )
    )
    store.close()
    assert chest_and_triceps(capsys, db) == (1.0, 2.5)  # the bench counts triceps 0.5

    out = ok(capsys, db, "exercise", "merge", "Close Press", "barbell bench press")
    assert out == (
        "Merged Close Press into Barbell Bench Press: 3 sets in 2 sessions moved; "
        "1 plan now name Barbell Bench Press. Close Press is gone; volume and records "
        "count the sets under Barbell Bench Press.\n"
    )
    assert (
        all_sets(db)
        == [("2026-10-30", "barbell-bench-press")] + [("2026-11-16", "barbell-bench-press")] * 3
    )
    assert chest_and_triceps(capsys, db) == (3.0, 1.5)  # recounted from the sets
    store = Store(db)
    (meso,) = store.mesocycles()
    assert [[(p.exercise_id, p.sets) for p in d.exercises] for d in meso.days] == [
        [("barbell-bench-press", 4)],
        [("barbell-bench-press", 2)],
    ]
    assert store.catalogue().get("custom-close-press") is None
    store.close()


def test_merge_refuses_a_catalogue_exercise_or_itself_and_changes_nothing(capsys, db):
    add(capsys, db, "Close Press", "triceps")
    ok(capsys, db, "--today", "2026-11-16", "log", "squat", "100x5@2")
    before = db.read_bytes()
    code, _, err = run(capsys, "--db", str(db), "exercise", "merge", "squat", "Close Press")
    assert code == 2 and "Barbell Back Squat is in the catalogue" in err
    code, _, err = run(capsys, "--db", str(db), "exercise", "merge", "Close Press", "close press")
    assert code == 2 and "cannot be merged into itself" in err
    assert db.read_bytes() == before
    assert all_sets(db) == [("2026-11-16", "barbell-back-squat")]


def test_a_merge_cut_short_is_finished_by_running_it_again(capsys, db, monkeypatch):
    from tui_tracker.store import exercise_ops

    add(capsys, db, "Close Press", "triceps")
    ok(capsys, db, "--today", "2026-10-30", "log", "Close Press", "80x8@2")
    ok(capsys, db, "--today", "2026-11-16", "log", "Close Press", "80x8@2")

    class Crash(Exception):
        pass

    def crash(*args, **kwargs):
        raise Crash()

    store = Store(db)
    monkeypatch.setattr(store, "save_mesocycles", crash)  # after the sets moved, before the end
    with pytest.raises(Crash):
        exercise_ops.merge_exercise(store, "custom-close-press", "barbell-bench-press")
    store.close()
    listed = {e["id"] for e in json.loads(ok(capsys, db, "exercises", "--json"))}
    assert "custom-close-press" in listed  # still there: the merge is not done

    out = ok(capsys, db, "exercise", "merge", "Close Press", "barbell bench press")
    assert "0 sets in 0 sessions moved" in out
    assert {i for _, i in all_sets(db)} == {"barbell-bench-press"}
    listed = {e["id"] for e in json.loads(ok(capsys, db, "exercises", "--json"))}
    assert "custom-close-press" not in listed


# --- delete ------------------------------------------------------------------------------


def test_delete_removes_an_exercise_without_sets(capsys, db):
    add(capsys, db, "Oops Typo", "chest")
    out = ok(capsys, db, "exercise", "delete", "oops typo")
    assert out == "Deleted Oops Typo [custom-oops-typo].\n"
    assert not [e for e in json.loads(ok(capsys, db, "exercises", "--json")) if e["custom"]]


def test_delete_refuses_one_with_sets_a_planned_one_and_a_catalogue_one(capsys, db):
    add(capsys, db, "Close Press", "triceps")
    add(capsys, db, "Planned Press", "triceps")
    ok(capsys, db, "--today", "2026-11-16", "log", "Close Press", "80x8@2", "60x8", "--warmup")
    store = Store(db)
    store.save_mesocycle(
        Mesocycle(
            "Block",
            date(2026, 11, 16),
            4,
            (TrainingDay("Push", 0, (PlannedExercise("custom-planned-press", 3, 6, 10),)),),
        )
    )
    store.close()
    before = db.read_bytes()

    code, _, err = run(capsys, "--db", str(db), "exercise", "delete", "Close Press")
    assert code == 2
    assert err.strip().endswith(
        "Close Press has 2 logged sets: delete them first, or merge it "
        "into another exercise (its sets then move there)"
    )
    code, _, err = run(capsys, "--db", str(db), "exercise", "delete", "Planned Press")
    assert code == 2 and "Planned Press is planned in Block" in err
    code, _, err = run(capsys, "--db", str(db), "exercise", "delete", "squat")
    assert code == 2 and "in the catalogue" in err
    assert db.read_bytes() == before


# --- hostile names -----------------------------------------------------------------------


@pytest.mark.parametrize("index", range(len(EXERCISE_NAMES)), ids=NAME_IDS)
def test_hostile_names_through_rename_merge_and_delete(capsys, db, index):
    ex = hostile_exercises()[index]
    store = Store(db)
    store.save_exercise(ex)
    store.close()
    ok(capsys, db, "--today", "2026-11-16", "log", ex.id, "60x8@2")
    outputs = [
        ok(capsys, db, "exercise", "rename", ex.id, ex.name + " 2"),
        ok(capsys, db, "exercise", "merge", ex.id, "bench press"),
    ]
    code, out, err = run(capsys, "--db", str(db), "exercise", "delete", "bench press")
    outputs += [out, err]
    for text in outputs:
        assert_no_controls(text)
        assert_terminal_safe(text)
    assert f"to {shown(ex.name)} 2 [{ex.id}]" in outputs[0]
    assert outputs[1].startswith(f"Merged {shown(ex.name)} 2 into Barbell Bench Press: 1 set")
    assert all_sets(db) == [("2026-11-16", "barbell-bench-press")]
