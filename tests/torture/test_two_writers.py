"""Two writers at once: no set lost, no id collision, in either yearly file.

tests/store/test_processes.py has three processes appending to ONE session.
Here each writer keeps starting its own sessions (new documents, the path
where TinyDB hands out document ids) across two yearly files, and two lifters
use the real `tui-tracker log` command on the same day at the same time.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from tui_tracker.store import Store
from tui_tracker.store.paths import month_files

from .helpers import acked, cli, raw_doc_ids, stored_sets, temp_files, worker

DAYS = [date(2025, 12, 30), date(2025, 12, 31), date(2026, 1, 1), date(2026, 1, 2)]


def _two_session_writers(db: Path, sessions_each: int) -> None:
    Store(db).close()
    days = ",".join(d.isoformat() for d in DAYS)
    go = db.parent / "go"
    procs = [
        worker(
            "sessions",
            str(db),
            str(seed),
            str(sessions_each),
            days,
            "--go",
            str(go),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in (11, 12)
    ]
    outputs = []
    try:
        for p in procs:  # both open, then both write at once (not one after the other)
            line = p.stdout.readline()
            assert line == "ready\n", (line, p.stderr.read() if p.poll() is not None else "")
        go.touch()
        for p in procs:
            out, err = p.communicate(timeout=180)
            assert p.returncode == 0, err
            outputs.append(["ready", *out.splitlines()])
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()

    started = {
        line.split()[1]: line.split()[2] for out in outputs for line in out if line.startswith("S ")
    }
    assert len(started) == 2 * sessions_each  # session ids never collide
    sets = {}
    for out in outputs:
        assert out[-1] == "done"
        sets.update(acked(out))

    with Store(db) as store:
        sessions = store.sessions_between(DAYS[0], DAYS[-1])
    assert {s.id: s.date.isoformat() for s in sessions} == started  # none lost, none extra
    assert all(s.ended_at is not None for s in sessions)
    assert stored_sets(db, DAYS[0], DAYS[-1]) == sets
    # Each writer's sets in its session in the order it logged them.
    for out in outputs:
        order: dict[str, list[str]] = {}
        for sid, rec in acked(out).values():
            order.setdefault(sid, []).append(rec[0])
        by_id = {s.id: [x.id for x in s.sets] for s in sessions}
        assert all(by_id[sid] == ids for sid, ids in order.items())

    assert {month // 100 for month in month_files(db)} == {2025, 2026}
    for month, path in month_files(db).items():  # TinyDB document ids: unique in each file
        for table, ids in raw_doc_ids(path):
            assert not [i for i, n in Counter(ids).items() if n > 1], (month, table)
    assert temp_files(db.parent) == []


def test_two_writers_starting_sessions_in_two_years(tmp_path):
    _two_session_writers(tmp_path / "data" / "training.json", sessions_each=40)


@pytest.mark.slow
def test_two_writers_starting_sessions_in_two_years_long(tmp_path):
    _two_session_writers(tmp_path / "data" / "training.json", sessions_each=400)


def _two_lifters_on_the_cli(db: Path, runs_each: int) -> None:
    """Two shells running `tui-tracker log` over and over on the same day."""

    def lifter(exercise: str) -> list[subprocess.CompletedProcess]:
        return [
            cli(
                "--db",
                str(db),
                "--today",
                "2026-11-18",
                "log",
                exercise,
                "100x5@2",
                "102,5x5@1",
                "105x3",
            )
            for _ in range(runs_each)
        ]

    with ThreadPoolExecutor(2) as pool:
        results = [r for rs in pool.map(lifter, ["squat", "bench"]) for r in rs]
    for r in results:
        assert r.returncode == 0, r.stderr
    with Store(db) as store:
        (session,) = store.sessions_between(date(2026, 11, 18), date(2026, 11, 18))
    counts = Counter(s.exercise_id for s in session.sets)
    assert counts == {"barbell-back-squat": 3 * runs_each, "barbell-bench-press": 3 * runs_each}
    assert len({s.id for s in session.sets}) == len(session.sets)


def test_two_lifters_logging_from_the_command_line(tmp_path):
    _two_lifters_on_the_cli(tmp_path / "data" / "training.json", runs_each=5)


@pytest.mark.slow
def test_two_lifters_logging_from_the_command_line_long(tmp_path):
    _two_lifters_on_the_cli(tmp_path / "data" / "training.json", runs_each=40)
