"""Real second processes: writers at the same time, and SIGKILL at random moments."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from tinydb import Query

from tui_tracker.store import Store
from tui_tracker.store.paths import month_files
from tui_tracker.store.tables import open_db

from .helpers import DAY, at, mkset, tmp_files, worker


def _wait_ready(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        line = p.stdout.readline()
        assert line.strip() == "ready", (line, p.stderr.read() if p.poll() is not None else "")


def _concurrent_writers(db: Path, n_procs: int, n_sets: int) -> None:
    Store(db).close()
    go = db.parent / "go"
    procs = [
        worker(
            "log",
            str(db),
            DAY.isoformat(),
            str(n_sets),
            str(go),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(n_procs)
    ]
    try:
        _wait_ready(procs)
        go.touch()  # all start writing at once
        acked: list[str] = []
        for p in procs:
            # A guard against a hang, not a speed test: the long run's one session grows
            # to 3,000 sets, each commit rewriting it, and took ~110 s on a slow day.
            out, err = p.communicate(timeout=600)
            assert p.returncode == 0, err
            acked += out.split()
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    assert len(acked) == n_procs * n_sets

    with Store(db) as store:
        sessions = store.sessions_between(DAY, DAY)
        # One session: whoever came first created it, the others appended to it.
        assert len(sessions) == 1
        ids = [s.id for s in sessions[0].sets]
        assert len(ids) == len(set(ids)) == n_procs * n_sets
        assert set(ids) == set(acked)
    assert tmp_files(db.parent) == []


def test_three_writers_lose_nothing(db_path):
    _concurrent_writers(db_path, 3, 150)


@pytest.mark.slow
def test_three_writers_lose_nothing_long(db_path):
    _concurrent_writers(db_path, 3, 1000)


def test_other_process_writes_are_seen_without_reopening(db_path):
    store = Store(db_path)
    session = store.log_set(mkset(), day=DAY)
    store.set_setting("unit", "kg")
    assert len(store.session(session.id).sets) == 1  # our cache is warm

    out = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("worker.py")),
            "into",
            str(db_path),
            session.id,
            "20",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    theirs = out.stdout.split()

    seen = store.session(session.id)
    assert [s.id for s in seen.sets][1:] == theirs
    mine = mkset(minute=59)
    after = store.log_set(mine, day=DAY)  # appends to the same session, keeps their sets
    assert [s.id for s in after.sets] == [session.sets[0].id, *theirs, mine.id]
    assert store.recent_sessions(limit=1)[0] == after
    store.close()
    with Store(db_path) as again:
        assert again.session(session.id) == after


def test_two_stores_in_one_process_interleave(db_path):
    a, b = Store(db_path), Store(db_path)
    s = a.log_set(mkset(minute=0), day=DAY)
    b.log_set(mkset(minute=1), day=DAY, session_id=s.id)
    a.log_set(mkset(minute=2), day=DAY, session_id=s.id)
    b.set_setting("unit", "lb")
    a.set_setting("bar", 20)
    assert a.get_setting("unit") == "lb" and b.get_setting("bar") == 20
    assert len(b.session(s.id).sets) == 3
    b.finish_session(s.id, at(DAY, 20))
    assert a.open_session(DAY) is None
    a.close()
    b.close()


def test_tinydb_query_cache_and_next_id_follow_the_file(tmp_path):
    """The Table subclass drops TinyDB's query cache and next id when another writer wrote."""
    path = tmp_path / "t.json"
    Store(path).close()
    one, two = open_db(path), open_db(path)
    q = Query().key == "x"
    t1, t2 = one.table("settings"), two.table("settings")
    assert t1.search(q) == []  # cached as "no result"
    assert t1.insert({"key": "y"}) == 1  # next id cached as 2
    assert t2.insert({"key": "x"}) == 2
    assert len(t1.search(q)) == 1
    assert t1.insert({"key": "z"}) == 3  # not a clash with the other writer's doc 2
    assert sorted(d["key"] for d in two.table("settings").all()) == ["x", "y", "z"]


# --- kill -9 at random moments ----------------------------------------------------------


def _summaries(db: Path) -> dict[str, dict]:
    with Store(db) as store:
        sessions = store.sessions_between(date(2025, 1, 1), date(2026, 12, 31))
    return {
        s.id: {
            "id": s.id,
            "date": s.date.isoformat(),
            "ended": s.ended_at is not None,
            "sets": [[x.id, x.weight_kg, x.reps, x.rir] for x in s.sets],
        }
        for s in sessions
    }


def _replay(lines: list[str], model: dict[str, dict]) -> dict | None:
    """Apply acknowledged operations to the model; return the one left unacknowledged."""
    pending = None
    for line in lines:
        if line.startswith("B "):
            pending = json.loads(line[2:])
        elif line.startswith("D "):
            done = json.loads(line[2:])["session"]
            if done is None:
                del model[pending["id"]]
            else:
                model[done["id"]] = done
            pending = None
    return pending


def _check(actual: dict, model: dict, pending: dict | None) -> None:
    if actual == model:
        return  # the last operation did not commit (or there was none)
    assert pending is not None, "state changed without any operation running"
    op = pending["op"]
    if "expect" in pending:  # log / update / delete / restore / finish on a known session
        exp = pending["expect"]
        assert actual == {**model, exp["id"]: exp}, op
    elif op == "drop":
        assert actual == {k: v for k, v in model.items() if k != pending["id"]}
    elif op == "start":
        (extra,) = set(actual) - set(model)
        assert {k: actual[k] for k in model} == model
        assert actual[extra]["sets"] == [] and actual[extra]["date"] == pending["date"]
    elif op == "logday":
        changed = {k for k in actual if actual.get(k) != model.get(k)}
        assert len(changed) == 1 and set(model) <= set(actual)
        (k,) = changed
        before = model.get(k, {"sets": []})["sets"]
        assert actual[k]["sets"] == before + [pending["set"]]
        assert actual[k]["date"] == pending["date"]
    else:
        raise AssertionError(f"unexpected op {op}")


#: Only for a stuck worker: how long a wait may take before the test calls it a hang.
HANG_GUARD = 120.0


def _wait_for_commits(out_file: Path, p: subprocess.Popen, commits: int) -> None:
    """Until the worker said "ready" and acknowledged `commits` operations."""
    deadline = time.monotonic() + HANG_GUARD
    while True:
        text = out_file.read_text()
        if "ready" in text and text.count("\nD ") >= commits:
            return
        assert p.poll() is None, p.stderr.read().decode()
        assert time.monotonic() < deadline, f"no {commits} commits after {HANG_GUARD:.0f} s"
        time.sleep(0.002)


def _kill_loop(db: Path, kills: int, seed: int) -> None:
    """Kill `kills` workers (more if both years' files are not written yet), each after the
    number of commits the test asks of it: the work between kills is demanded, not hoped
    for from the machine's speed."""
    rng = random.Random(seed)
    model: dict[str, dict] = {}
    committed_ops = demanded = 0
    i = 0
    while i < kills or {month // 100 for month in month_files(db)} != {2025, 2026}:
        assert i < kills * 4, "both years' files were never written"
        out_file = db.parent.parent / f"out-{i}.txt"
        with open(out_file, "w") as out:
            p = worker(
                "crash", str(db), str(rng.randrange(1 << 30)), stdout=out, stderr=subprocess.PIPE
            )
            if rng.random() < 0.15:
                time.sleep(rng.uniform(0.0, 0.25))  # sometimes while it opens the database
            else:
                commits = rng.randint(1, 4)
                _wait_for_commits(out_file, p, commits)
                demanded += commits
                time.sleep(rng.uniform(0.0, 0.02))  # then at a random moment, often mid-write
            assert p.poll() is None, p.stderr.read().decode()
            os.kill(p.pid, signal.SIGKILL)
            p.wait()
            p.stderr.close()
        i += 1
        text = out_file.read_text()
        lines = text.split("\n")[:-1]  # a last line without "\n" was cut by the kill
        pending = _replay(lines, model)
        committed_ops += sum(1 for line in lines if line.startswith("D "))
        leftovers = tmp_files(db.parent)
        actual = _summaries(db)  # opens: must parse, and removes orphan temp files
        assert tmp_files(db.parent) == [], leftovers
        _check(actual, model, pending)
        model = actual
    assert committed_ops >= demanded > kills  # the kills landed among real work


def test_kill_9_at_random_moments(tmp_path):
    db = tmp_path / "data" / "training.json"
    _kill_loop(db, kills=25, seed=1)


@pytest.mark.slow
def test_kill_9_at_random_moments_long(tmp_path):
    db = tmp_path / "data" / "training.json"
    _kill_loop(db, kills=300, seed=2)
