"""A merge or an import's removal killed (SIGKILL) after each of its file writes in turn,
then run again: nothing is lost, nothing is left half done.

Each file write is atomic (tests/store/test_processes.py kills inside them); what is
checked here is that the steps between the writes leave a state the same command
finishes.  The process kills itself right after its k-th file write, for every k.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui_tracker.cli import main
from tui_tracker.domain.catalogue import Catalogue, new_exercise
from tui_tracker.domain.mesocycle import Mesocycle, PlannedExercise, TrainingDay
from tui_tracker.domain.models import LoggedSet
from tui_tracker.store import Store, batches

TZ = timezone(timedelta(hours=1))
DAYS = [date(2026, m, 10) for m in (7, 8, 9, 10)]

KILLER = """
import os, signal, sys
from tui_tracker.store import storage
real, after, done = storage.atomic_write, int(sys.argv[1]), [0]
def write(*args, **kwargs):
    key = real(*args, **kwargs)
    done[0] += 1
    if done[0] >= after:
        os.kill(os.getpid(), signal.SIGKILL)
    return key
storage.atomic_write = write
from tui_tracker.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("TUI_TRACKER_CONFIG", str(tmp_path / "settings.toml"))


def killed_after(k: int, db: Path, *args: str) -> int:
    """Run the command in a process that kills itself after its k-th file write.  Its
    temp folder is its own (a killed import cannot remove the rows it parked there)."""
    import os

    tmp = db.parent.parent / f"tmp-{db.parent.name}"
    tmp.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [sys.executable, "-c", KILLER, str(k), "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TMPDIR": str(tmp)},
    ).returncode


def all_sets(db: Path) -> list[tuple[str, str]]:
    with Store(db) as store:
        return sorted(
            (s.id, x.exercise_id)
            for s in store.sessions_between(date(2000, 1, 1), date(2100, 1, 1))
            for x in s.sets
        )


def seeded_for_merge(folder: Path) -> Path:
    db = folder / "training.json"
    store = Store(db)
    store.save_exercise(new_exercise(Catalogue(), "Close Press", ["triceps"], kind="compound"))
    for day in DAYS:
        at = datetime(day.year, day.month, day.day, 18, tzinfo=TZ)
        for ex in ("custom-close-press", "barbell-bench-press", "custom-close-press"):
            store.log_set(LoggedSet(ex, 80, 8, 2, at=at), day=day)
    store.save_mesocycle(
        Mesocycle(
            "Block",
            date(2026, 10, 5),
            4,
            (TrainingDay("Push", 0, (PlannedExercise("custom-close-press", 3, 6, 10),)),),
        )
    )
    store.close()
    return db


def test_a_merge_killed_after_any_write_is_finished_by_running_it_again(tmp_path):
    seed = seeded_for_merge(tmp_path / "seed")
    before = all_sets(seed)
    writes = len(DAYS) + 2  # every month's file, the plans, the exercise removed
    for k in range(1, writes + 1):
        db = shutil.copytree(seed.parent, tmp_path / f"k{k}") / "training.json"
        assert (
            killed_after(k, db, "exercise", "merge", "Close Press", "bench press")
            == -signal.SIGKILL
        )
        with Store(db) as store:
            unfinished = store.catalogue().get("custom-close-press") is not None
        assert unfinished == (k < writes), k
        if unfinished:  # run again: it finishes
            assert main(["--db", str(db), "exercise", "merge", "Close Press", "bench press"]) == 0
        assert all_sets(db) == sorted((sid, "barbell-bench-press") for sid, _ in before), k
        with Store(db) as store:
            assert store.mesocycles()[0].exercise_ids() == ["barbell-bench-press"]
            assert store.catalogue().get("custom-close-press") is None


def seeded_for_removal(folder: Path) -> tuple[Path, set[str]]:
    """Import 1: one session in each of DAYS' months; and one logged by hand in each."""
    from tui_tracker.domain.models import Session

    db = folder / "training.json"
    store = Store(db)
    b = batches.begin(store, "strong.csv", "strong", "ab" * 32, datetime(2026, 12, 2, tzinfo=TZ))
    imported = []
    for day in DAYS:
        at = datetime(day.year, day.month, day.day, 7, tzinfo=TZ)
        imported.append(
            Session(
                day,
                at,
                (LoggedSet("barbell-back-squat", 100, 5, 2, at=at),),
                ended_at=at + timedelta(hours=1),
            )
        )
        hand = store.log_set(LoggedSet("barbell-bench-press", 80, 8, 2, at=at), day=day)
        store.finish_session(hand.id, at + timedelta(hours=1))
    store.add_new_sessions(imported, batch=b.id)
    batches.finish(store, b)
    hand_ids = {s.id for s in store.sessions_between(date(2000, 1, 1), date(2100, 1, 1))} - {
        s.id for s in imported
    }
    store.close()
    return db, hand_ids


def test_an_import_removal_killed_after_any_write_is_finished_by_running_it_again(tmp_path):
    seed, hand_ids = seeded_for_removal(tmp_path / "seed")
    writes = len(DAYS) + 2  # marked removing, every month's file, marked removed
    for k in range(1, writes + 1):
        db = shutil.copytree(seed.parent, tmp_path / f"k{k}") / "training.json"
        assert killed_after(k, db, "imports", "remove", "1") == -signal.SIGKILL
        with Store(db) as store:
            state = batches.batch(store, "1").state
        assert state == ("removed" if k == writes else "removing"), k
        if state == "removing":
            assert main(["--db", str(db), "imports", "remove", "1"]) == 0
        with Store(db) as store:
            left = store.sessions_between(date(2000, 1, 1), date(2100, 1, 1))
            assert {s.id for s in left} == hand_ids, k
            assert batches.batches(store) == []


def test_an_import_killed_after_any_write_is_finished_by_the_same_import_again(tmp_path):
    csv = tmp_path / "strong.csv"
    csv.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,"
        "Seconds,Notes,Workout Notes,RPE\n"
        + "".join(
            f"{day.isoformat()} 18:00:00,Push,1h,Bench Press (Barbell),1,100,5,0,0,,,\n"
            for day in DAYS
        ),
        encoding="utf-8",
    )
    args = ("import", "strong", str(csv), "--unit", "kg")
    writes = 1 + len(DAYS) + 1  # the batch begun, every month's file, the batch done
    for k in range(1, writes + 1):
        db = tmp_path / f"k{k}" / "training.json"
        assert killed_after(k, db, *args) == -signal.SIGKILL
        with Store(db) as store:
            (b,) = batches.all_batches(store)
        assert b.state == ("done" if k == writes else "importing"), k
        if b.state == "importing":
            assert main(["--db", str(db), *args]) == 0
        with Store(db) as store:
            (b,) = batches.all_batches(store)
            assert (b.id, b.state, b.sessions, b.sets) == ("1", "done", len(DAYS), len(DAYS))
            assert len(store.sessions_between(date(2000, 1, 1), date(2100, 1, 1))) == len(DAYS)
