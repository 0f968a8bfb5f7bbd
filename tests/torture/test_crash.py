"""kill -9 at random moments, at a realistic size, and a dead writer never blocks a live one.

tests/store/test_processes.py kills a worker doing every kind of write on a
small database.  Here the yearly file is the size a heavy lifter's is by
November (about 1.1 MB), so a commit takes milliseconds and many kills land in
the middle of one: the temp file it leaves must be private, must be removed by
the next open, and every set acknowledged before the kill must be on disk.
"""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import time
from datetime import date
from pathlib import Path

import pytest

from tui_tracker.store import Store

from .helpers import acked, copy_db, history, stored_sets, temp_files, worker

END = date(2026, 11, 18)
TODAY = date(2026, 11, 19)  # a day after the history: the worker's sets land here


@pytest.fixture(scope="module")
def year_of_history(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("history") / "data" / "training.json"
    history(db, 1, END)
    return db


def _kill_at_random(db: Path, out_file: Path, rng: random.Random, seed: int) -> list[str]:
    """Start a logging worker, kill -9 it at a random moment; returns its complete lines."""
    with open(out_file, "w") as out:
        p = worker("log", str(db), TODAY.isoformat(), str(seed), stdout=out,
                   stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 30
            while "ready" not in out_file.read_text():
                assert p.poll() is None, p.stderr.read().decode()
                assert time.monotonic() < deadline, "the worker never got ready"
                time.sleep(0.002)
            time.sleep(rng.uniform(0.0, 0.25))
            assert p.poll() is None, p.stderr.read().decode()
        finally:
            os.kill(p.pid, signal.SIGKILL)
            p.wait()
            p.stderr.close()
    return out_file.read_text().split("\n")[:-1]  # a last line without "\n" was cut


def _kill_loop(db: Path, min_kills: int, seed: int) -> dict:
    rng = random.Random(seed)
    with Store(db) as store:
        history_sessions = len(store.sessions_between(date(2000, 1, 1), END))
    expected: dict[str, tuple[str, list]] = {}
    kills = mid_write = 0
    # Keep going past min_kills until a kill has landed mid-write (a temp file left).
    while kills < min_kills or (mid_write == 0 and kills < min_kills * 4):
        out = db.parent.parent / f"out-{kills}.txt"
        lines = _kill_at_random(db, out, rng, seed * 10_000 + kills)
        kills += 1
        expected.update(acked(lines))
        begun = [line for line in lines if line.startswith("B ")]
        leftovers = temp_files(db.parent)
        for tmp in leftovers:
            assert stat.S_IMODE(tmp.stat().st_mode) == 0o600, tmp  # a copy of the history
        mid_write += bool(leftovers)

        on_disk = stored_sets(db, TODAY, TODAY)  # opens the store: it must parse
        assert temp_files(db.parent) == [], "the next open did not remove the temp files"
        missing = {k: v for k, v in expected.items() if on_disk.get(k) != v}
        assert not missing, f"acknowledged sets lost after kill {kills}: {missing}"
        extra = set(on_disk) - set(expected)
        # At most the one set whose commit was cut short may have landed, unacknowledged.
        assert len(extra) <= 1 and (not extra or begun), extra
        expected.update({k: on_disk[k] for k in extra})
    with Store(db) as store:
        assert len(store.sessions_between(date(2000, 1, 1), END)) == history_sessions
    assert mid_write, f"none of {kills} kills landed during a write"
    return {"kills": kills, "mid_write": mid_write, "sets": len(expected)}


def test_kill_9_during_commits_at_a_years_size(year_of_history, tmp_path):
    db = copy_db(year_of_history, tmp_path / "data")
    seen = _kill_loop(db, min_kills=12, seed=1)
    assert seen["sets"] > seen["kills"]  # the kills landed among real commits


@pytest.mark.slow
def test_kill_9_during_commits_at_five_years_size(tmp_path):
    db = tmp_path / "data" / "training.json"
    history(db, 5, END)
    seen = _kill_loop(db, min_kills=150, seed=2)
    assert seen["mid_write"] >= 10


def _killed_writer_vs_live_one(db: Path, live_sets: int, seed: int, timeout: float) -> None:
    rng = random.Random(seed)
    live_out = db.parent.parent / "live.txt"
    with open(live_out, "w") as out, open(db.parent.parent / "live.err", "w") as err:
        live = worker("log", str(db), TODAY.isoformat(), str(seed), str(live_sets),
                      stdout=out, stderr=err)
    expected: dict[str, tuple[str, list]] = {}
    kills = 0
    deadline = time.monotonic() + timeout
    try:
        while live.poll() is None:  # keep killing a second writer for as long as it writes
            assert time.monotonic() < deadline, "the live writer is stuck"
            lines = _kill_at_random(db, db.parent.parent / f"killed-{kills}.txt", rng,
                                    seed * 10_000 + kills + 1)
            expected.update(acked(lines))
            kills += 1
    finally:
        if live.poll() is None:
            live.kill()
            live.wait()
    # Never stuck behind a dead process's lock (it would time out with a StoreError).
    assert live.returncode == 0, (db.parent.parent / "live.err").read_text()
    mine = acked(live_out.read_text().splitlines())
    assert len(mine) == live_sets
    expected.update(mine)
    on_disk = stored_sets(db, TODAY, TODAY)
    assert {k: on_disk.get(k) for k in expected} == expected
    assert len(on_disk) - len(expected) <= kills  # at most one unacknowledged set per kill
    assert kills >= 3


def test_a_killed_writer_never_blocks_the_other(year_of_history, tmp_path):
    db = copy_db(year_of_history, tmp_path / "data")
    _killed_writer_vs_live_one(db, live_sets=150, seed=3, timeout=60)


@pytest.mark.slow
def test_a_killed_writer_never_blocks_the_other_long(year_of_history, tmp_path):
    db = copy_db(year_of_history, tmp_path / "data")
    _killed_writer_vs_live_one(db, live_sets=1500, seed=4, timeout=600)
