"""Shared by the torture tests: start workers and the real CLI, read what the files hold."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from tui_tracker.store import Store

HERE = Path(__file__).resolve().parent
WORKER = HERE / "worker.py"
BENCHMARKS = HERE.parents[1] / "benchmarks"
CLI = Path(sys.executable).with_name("tui-tracker")


def worker(*args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, str(WORKER), *args], env=env, **kw)


def cli(*args: str, wrap: list[str] = (), **kw) -> subprocess.CompletedProcess:
    """The installed `tui-tracker` console script, as a user runs it (`wrap`: e.g. setpriv)."""
    command = [str(CLI)] if CLI.exists() else [sys.executable, "-m", "tui_tracker.cli"]
    return subprocess.run(
        [*wrap, *command, *args], capture_output=True, text=True, timeout=60, **kw
    )


def history(db: Path, years: float, end: date) -> dict[str, int]:
    """Write `years` of the benchmark's heavy lifter into `db` (benchmarks/generate.py)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from generate import generate_history
    finally:
        sys.path.remove(str(BENCHMARKS))
    return generate_history(db, years, end=end)


def copy_db(src: Path, dest_folder: Path) -> Path:
    shutil.copytree(src.parent, dest_folder, ignore=shutil.ignore_patterns("*.lock"))
    return dest_folder / src.name


def acked(lines: list[str]) -> dict[str, tuple[str, list]]:
    """{set id: (session id, [id, exercise, kg, reps, rir])} for every "A" line."""
    found = {}
    for line in lines:
        if line.startswith("A "):
            rec = json.loads(line[2:])
            found[rec["set"][0]] = (rec["session"], rec["set"])
    return found


def stored_sets(db: Path, start: date, end: date) -> dict[str, tuple[str, list]]:
    """Same shape as `acked`, for every set on disk dated start..end."""
    with Store(db) as store:
        sessions = store.sessions_between(start, end)
    return {
        s.id: (session.id, [s.id, s.exercise_id, s.weight_kg, s.reps, s.rir])
        for session in sessions
        for s in session.sets
    }


def temp_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".tmp-" in p.name)


def raw_doc_ids(path: Path) -> list[tuple[str, list[str]]]:
    """(table, doc ids) as written in the file, duplicates kept (json would drop them)."""
    tables: list[tuple[str, list[str]]] = []

    def hook(pairs):
        return pairs

    for name, table in json.loads(path.read_text(), object_pairs_hook=hook):
        tables.append((name, [k for k, _ in table]))
    return tables


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, to compare before and after (the lock file aside)."""
    return {
        p.name: p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith(".lock")
    }
