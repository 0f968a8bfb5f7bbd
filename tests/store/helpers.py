"""Builders and process helpers shared by the store tests."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from tui_tracker.domain.models import LoggedSet

TZ = timezone(timedelta(hours=1))
DAY = date(2026, 11, 18)
WORKER = Path(__file__).with_name("worker.py")


def at(day: date = DAY, hour: int = 18, minute: int = 0, tz=TZ) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def mkset(
    exercise_id: str = "barbell-bench-press",
    weight: float = 100.0,
    reps: int = 8,
    rir: int | None = 2,
    day: date = DAY,
    minute: int = 0,
    **kw,
) -> LoggedSet:
    return LoggedSet(
        exercise_id=exercise_id, weight_kg=weight, reps=reps, rir=rir, at=at(day, 18, minute), **kw
    )


def worker(*args: str, **kw) -> subprocess.Popen:
    """Start tests/store/worker.py in a fresh interpreter."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, str(WORKER), *args], env=env, **kw)


def tmp_files(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name)


def data_files(folder: Path) -> dict[Path, bytes]:
    """Every file in `folder` with its bytes, but the lock file: each taking of the lock
    writes its holder and the time to the second there, so a test that reads a database
    across a second's turn would see it "written" when no data was."""
    return {p: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.suffix != ".lock"}


def fold_logs(db: Path) -> None:
    """Fold every month's set log into its month file (as the next full write would),
    for tests that read or rewrite the month files' raw JSON."""
    from tui_tracker.store.paths import month_files
    from tui_tracker.store.tables import open_db

    for month, path in month_files(db).items():
        storage = open_db(path, "sessions", month).atomic_storage
        storage.write(storage.read())
        storage.close()
