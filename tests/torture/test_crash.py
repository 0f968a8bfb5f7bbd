"""kill -9 at random moments, at a realistic size, and a dead writer never blocks a live one.

tests/store/test_processes.py kills a worker doing every kind of write on a
small database.  Here the yearly file is the size a heavy lifter's is by
November (about 1.1 MB), so a commit takes milliseconds and many kills land in
the middle of one: the temp file it leaves must be private, must be removed by
the next open, and every set acknowledged before the kill must be on disk.

Nothing here hopes the machine is fast or slow enough: each worker is killed
after the number of commits the test asks of it, every fourth one kills itself
mid-write (temp file written, not renamed, lock held), and the live writer keeps
writing until all the kills have landed and it has committed after each of them.
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


#: Only for a stuck process: how long a wait may take before the test calls it a hang.
HANG_GUARD = 120.0


def _wait_for(out_file: Path, proc: subprocess.Popen, done, what: str) -> str:
    """Poll the worker's output until `done(text)`; fail if it dies or hangs first."""
    deadline = time.monotonic() + HANG_GUARD
    while True:
        text = out_file.read_text()
        if done(text):
            return text
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise AssertionError(f"{what}: the worker exited ({proc.returncode}) first: {err}")
        assert time.monotonic() < deadline, f"{what}: nothing after {HANG_GUARD:.0f} s"
        time.sleep(0.002)


def _acks(text: str) -> int:
    return text.count("\nA ") + text.startswith("A ")


def _kill_at_random(db: Path, out_file: Path, rng: random.Random, seed: int) -> list[str]:
    """Start a logging worker, let it commit 0-3 sets, SIGKILL it at a random moment
    soon after (at this size often mid-commit); returns its complete lines."""
    with open(out_file, "w") as out:
        p = worker("log", str(db), TODAY.isoformat(), str(seed), stdout=out, stderr=subprocess.PIPE)
        try:
            commits = rng.randint(0, 3)
            _wait_for(
                out_file, p, lambda t: "ready" in t and _acks(t) >= commits, f"{commits} commits"
            )
            time.sleep(rng.uniform(0.0, 0.03))
            assert p.poll() is None, p.stderr.read().decode()
        finally:
            os.kill(p.pid, signal.SIGKILL)
            p.wait()
            p.stderr.close()
    return out_file.read_text().split("\n")[:-1]  # a last line without "\n" was cut


def _die_mid_write(db: Path, out_file: Path, rng: random.Random, seed: int) -> list[str]:
    """A worker that SIGKILLs itself in its 1st-3rd commit, between writing the temp file
    and renaming it (holding the lock): a kill mid-write on demand, not by luck."""
    with open(out_file, "w") as out:
        p = worker(
            "log",
            str(db),
            TODAY.isoformat(),
            str(seed),
            "--die-before-replace",
            str(rng.randint(1, 3)),
            stdout=out,
            stderr=subprocess.PIPE,
        )
        try:
            assert p.wait(timeout=HANG_GUARD) == -signal.SIGKILL, p.stderr.read().decode()
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
            p.stderr.close()
    lines = out_file.read_text().split("\n")[:-1]
    assert lines and lines[-1].startswith("D "), lines[-3:]
    return lines


def _kill_loop(db: Path, kills: int, seed: int) -> dict:
    """`kills` workers killed, every fourth one in the middle of a write by its own hand;
    after each, the files must parse and hold every acknowledged set."""
    rng = random.Random(seed)
    with Store(db) as store:
        history_sessions = len(store.sessions_between(date(2000, 1, 1), END))
    expected: dict[str, tuple[str, list]] = {}
    mid_write = 0
    for n in range(kills):
        out = db.parent.parent / f"out-{n}.txt"
        forced = n % 4 == 3
        kill = _die_mid_write if forced else _kill_at_random
        lines = kill(db, out, rng, seed * 10_000 + n)
        expected.update(acked(lines))
        begun = [line for line in lines if line.startswith("B ")]
        leftovers = temp_files(db.parent)
        for tmp in leftovers:
            assert stat.S_IMODE(tmp.stat().st_mode) == 0o600, tmp  # a copy of the history
        assert leftovers or not forced, "a worker killed mid-write left no temp file"
        mid_write += bool(leftovers)

        on_disk = stored_sets(db, TODAY, TODAY)  # opens the store: it must parse
        assert temp_files(db.parent) == [], "the next open did not remove the temp files"
        missing = {k: v for k, v in expected.items() if on_disk.get(k) != v}
        assert not missing, f"acknowledged sets lost after kill {n + 1}: {missing}"
        extra = set(on_disk) - set(expected)
        # At most the one set whose commit was cut short may have landed, unacknowledged.
        assert len(extra) <= 1 and (not extra or begun), extra
        # A set added to today's session is on disk once its line in the month's set log
        # is fsynced: a kill in the rename of the fold that may follow leaves it landed.
        logged = b"".join(p.read_bytes() for p in db.parent.glob("*.json.log"))
        in_log = all(k.encode() in logged for k in extra)
        assert not (extra and forced and not in_log), "a commit killed before its rename landed"
        expected.update({k: on_disk[k] for k in extra})
    with Store(db) as store:
        assert len(store.sessions_between(date(2000, 1, 1), END)) == history_sessions
    return {"kills": kills, "mid_write": mid_write, "sets": len(expected)}


def test_kill_9_during_commits_at_a_years_size(year_of_history, tmp_path):
    db = copy_db(year_of_history, tmp_path / "data")
    seen = _kill_loop(db, kills=12, seed=1)
    assert seen["mid_write"] >= 3


@pytest.mark.slow
def test_kill_9_during_commits_at_five_years_size(tmp_path):
    db = tmp_path / "data" / "training.json"
    history(db, 5, END)
    seen = _kill_loop(db, kills=150, seed=2)
    assert seen["mid_write"] >= 37


def _killed_writer_vs_live_one(db: Path, live_sets: int, kills: int, seed: int) -> None:
    """A live writer logs at least `live_sets` sets while `kills` other writers are killed,
    half of them mid-write holding the lock; after each kill the live writer must commit
    again (it would wait out the lock timeout and fail if a dead process blocked it).
    It stops when told, once all the kills have landed: the test never hopes the
    machine is slow enough for the kills to fit into its run."""
    rng = random.Random(seed)
    live_out, stop = db.parent.parent / "live.txt", db.parent.parent / "stop"
    with open(live_out, "w") as out:
        live = worker(
            "log",
            str(db),
            TODAY.isoformat(),
            str(seed),
            str(live_sets),
            "--until",
            str(stop),
            stdout=out,
            stderr=subprocess.PIPE,
        )
    expected: dict[str, tuple[str, list]] = {}
    try:
        _wait_for(live_out, live, lambda t: "ready" in t, "the live writer starting")
        for n in range(kills):
            kill = _die_mid_write if n % 2 else _kill_at_random
            lines = kill(db, db.parent.parent / f"killed-{n}.txt", rng, seed * 10_000 + n + 1)
            expected.update(acked(lines))
            after_kill = _acks(live_out.read_text())
            _wait_for(
                live_out,
                live,
                lambda t: _acks(t) > after_kill,  # noqa: B023 (waited for here)
                f"the live writer committing after kill {n + 1}",
            )
        stop.touch()
        live.wait(timeout=HANG_GUARD)
    finally:
        if live.poll() is None:
            live.kill()
            live.wait()
        err = live.stderr.read().decode()
        live.stderr.close()
    assert live.returncode == 0, err
    mine = acked(live_out.read_text().splitlines())
    assert len(mine) >= live_sets
    expected.update(mine)
    on_disk = stored_sets(db, TODAY, TODAY)
    assert {k: on_disk.get(k) for k in expected} == expected
    assert len(on_disk) - len(expected) <= kills  # at most one unacknowledged set per kill


def test_a_killed_writer_never_blocks_the_other(year_of_history, tmp_path):
    db = copy_db(year_of_history, tmp_path / "data")
    _killed_writer_vs_live_one(db, live_sets=150, kills=4, seed=3)


@pytest.mark.slow
def test_a_killed_writer_never_blocks_the_other_long(year_of_history, tmp_path):
    db = copy_db(year_of_history, tmp_path / "data")
    _killed_writer_vs_live_one(db, live_sets=1500, kills=60, seed=4)
