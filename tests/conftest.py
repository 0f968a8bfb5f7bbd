"""Shared fixtures: a fixed 'today' and helpers to build sets and sessions."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

import tui_tracker
from hypothesis import HealthCheck, settings

from tui_tracker.domain.models import LoggedSet, Session

# Property tests check rules, not speed: Hypothesis' default 200 ms deadline per example
# and its "too slow" health check are timed asserts, and failed on a loaded machine
# (tests/domain/test_volume.py, with four workers beside other suites).
settings.register_profile(
    "tui-tracker", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("tui-tracker")


def pytest_configure(config: pytest.Config) -> None:
    """Compile the app's modules once, before any test starts a process of it.

    With PYTHONDONTWRITEBYTECODE (set on our CI machines) Python never caches the
    bytecode of an editable install, so each of the hundreds of processes the suite
    starts (the command line, ptys, killed writers) compiled every module of ours again:
    about 0.2 s a start, a minute and more of the suite.  Textual's were compiled by pip.
    compileall writes the caches whatever the variable says; an up-to-date cache is
    left alone, so a second run costs a stat per module."""
    if hasattr(config, "workerinput"):  # an xdist worker: the controller did it
        return
    import compileall

    compileall.compile_dir(Path(tui_tracker.__file__).parent, quiet=2)


TODAY = date(2026, 11, 18)  # a Wednesday in ISO week 2026-W47
TZ = timezone(timedelta(hours=1))


def at(day: date, hour: int = 18, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def make_set(
    exercise_id: str,
    weight: float = 100,
    reps: int = 8,
    rir: int | None = 2,
    day: date = TODAY,
    kind: str = "working",
    unit: str = "kg",
) -> LoggedSet:
    return LoggedSet(
        exercise_id=exercise_id,
        weight_kg=weight,
        reps=reps,
        rir=rir,
        at=at(day),
        kind=kind,
        unit=unit,
    )


def make_session(day: date, *sets: LoggedSet, ended: bool = True) -> Session:
    return Session(
        date=day, started_at=at(day, 17), sets=tuple(sets), ended_at=at(day, 19) if ended else None
    )


@pytest.fixture
def today() -> date:
    return TODAY


#: A lifter past the first start: the health notice read, the training status answered, so
#: the app opens on Today with no first-start dialog over it (tests/ui/test_first_start.py
#: starts from nothing instead).
FIRST_START_DONE = 'health_notice_read = true\ntraining_status = "some_years"\n'


@pytest.fixture(autouse=True)
def _own_settings_file(tmp_path_factory, monkeypatch):
    """Every test reads its own settings file, never the machine's ~/.config one: a
    returning lifter's (FIRST_START_DONE)."""
    folder = tmp_path_factory.mktemp("config")
    (folder / "settings.toml").write_text(FIRST_START_DONE)
    monkeypatch.setenv("TUI_TRACKER_CONFIG", str(folder / "settings.toml"))
