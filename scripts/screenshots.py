"""Regenerate screenshots/: SVGs of the real app on the demo lifter, at 80x24 and wide.

    .venv/bin/python scripts/screenshots.py

Each shot runs the app headless with Textual's own screenshot support, on a fresh
demo database in a temporary folder, with the date pinned so the pictures do
not change from day to day.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from collections.abc import Awaitable, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from textual.widgets import Input  # noqa: E402

from tui_tracker.clock import Clock  # noqa: E402
from tui_tracker.domain.demo import demo_lifter  # noqa: E402
from tui_tracker.store import Store  # noqa: E402
from tui_tracker.ui.app import TrackerApp  # noqa: E402

OUT = ROOT / "screenshots"
TODAY = date(2026, 11, 26)  # a Thursday in week 4 of the demo's current block
TZ = timezone(timedelta(hours=1))
SIZES = {"": (80, 24), "-wide": (120, 36)}


class PinnedClock(Clock):
    """18:40 on the pinned day, so timers and 'session 25 min' read the same every run."""

    def __init__(self, day: date) -> None:
        super().__init__(day)
        self.moment = datetime(day.year, day.month, day.day, 18, 40, tzinfo=TZ)

    def now(self) -> datetime:
        return self.moment


Steps = Callable[[object], Awaitable[None]]


@dataclass
class Shot:
    name: str
    today: date
    steps: Steps


async def _quiet(pilot) -> None:
    """No blinking cursor, no running rest timer: the same pixels every time."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for timer in pilot.app.screen.query("#rest"):
        timer.skip("")
    await pilot.pause()


async def _type(pilot, text: str) -> None:
    for ch in text:
        await pilot.press(ch)


async def _log(pilot, weight: str, reps: str, rir: str) -> None:
    """Type over the panel's pre-fill, as a lifter does: weight Tab reps Tab RIR Enter."""
    pilot.app.screen.query_one("#entry").focus_first()
    await pilot.pause()
    await pilot.press(*weight, "tab", *reps, "tab", *rir, "enter")
    await pilot.pause()


async def today_mid_session(pilot) -> None:
    await _log(pilot, "32", "11", "2")
    await _log(pilot, "32", "10", "2")
    pilot.app.clock.moment += timedelta(minutes=4)
    await _log(pilot, "32", "9", "2")
    await _quiet(pilot)


async def finish_summary(pilot) -> None:
    """Three sets of the day's first exercise, then f: the summary before finishing."""
    await today_mid_session(pilot)
    pilot.app.clock.moment += timedelta(minutes=20)
    await pilot.press("f")
    await pilot.pause()


async def failure_warning(pilot) -> None:
    await pilot.press("a")
    await _type(pilot, "squat")
    await pilot.press("enter")
    await pilot.pause()
    await _log(pilot, "125", "6", "0")
    await _quiet(pilot)


async def suggestion(pilot) -> None:
    """The first planned exercise as the day opens: the panel holds the suggested set
    and, under it, the one line of reason a lifter can check by hand."""
    await _quiet(pilot)


async def record(pilot) -> None:
    """A set heavier than any before it: the status line announces the record."""
    await _log(pilot, "40", "10", "1")
    await _quiet(pilot)


async def plates(pilot) -> None:
    """The squat, first heavy compound of the day: the plate line for a weight that
    cannot be loaded, and the warm-up ramp."""
    await pilot.press("a")
    await _type(pilot, "squat")
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("1", "2", "6")
    await _quiet(pilot)


async def superset(pilot) -> None:
    """Incline dumbbell press and pull-ups in rounds: g, then a round and a set."""
    await pilot.press("g", "enter", "enter", "enter")
    await pilot.pause()
    await _quiet(pilot)


async def dashboard(pilot) -> None:
    await pilot.press("m")
    await pilot.pause()
    await _quiet(pilot)


async def dashboard_strength(pilot) -> None:
    await pilot.press("m", "s")
    await pilot.pause()


async def dashboard_effort(pilot) -> None:
    await pilot.press("m", "r")
    await pilot.pause()


async def deload_prompt(pilot) -> None:
    await pilot.pause()  # the prompt comes up by itself at start-up
    await _quiet(pilot)


async def history(pilot) -> None:
    await pilot.press("h")
    await pilot.pause()


async def history_edit(pilot) -> None:
    """The last session opened from History, its first working set's reps changed to 7."""
    await pilot.press("h", "enter", "down", "down", "down", "e")
    await pilot.pause()
    await _quiet(pilot)
    await pilot.press("tab", "7", "enter")
    await pilot.pause()


async def plan(pilot) -> None:
    await pilot.press("p")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await _quiet(pilot)


SHOTS = [
    Shot("today", TODAY, today_mid_session),
    Shot("failure-warning", TODAY, failure_warning),
    Shot("suggestion", TODAY, suggestion),
    Shot("record", TODAY, record),
    Shot("finish", TODAY, finish_summary),
    Shot("plates", TODAY, plates),
    Shot("superset", TODAY, superset),
    Shot("dashboard", TODAY, dashboard),
    Shot("dashboard-strength", TODAY, dashboard_strength),
    Shot("dashboard-effort", TODAY, dashboard_effort),
    Shot("deload-prompt", TODAY + timedelta(days=11), deload_prompt),  # block over: Mon of week 6
    Shot("history", TODAY, history),
    Shot("history-edit", TODAY, history_edit),
    Shot("plan", TODAY, plan),
]


async def take(shot: Shot, suffix: str, size: tuple[int, int], folder: Path) -> Path:
    db = folder / f"{shot.name}{suffix}.json"
    lifter = demo_lifter(TODAY, tz=TZ)
    with Store(db) as store:
        store.save_mesocycles(lifter.mesocycles)
        store.import_sessions(lifter.sessions)
    app = TrackerApp(store=Store(db), clock=PinnedClock(shot.today))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await shot.steps(pilot)
        await pilot.pause()
        path = Path(app.save_screenshot(filename=f"{shot.name}{suffix}.svg", path=str(OUT)))
    app.store.close()
    return path


async def main(names: list[str]) -> None:
    """Every shot, or only those named (`scripts/screenshots.py history history-edit`)."""
    OUT.mkdir(exist_ok=True)
    unknown = set(names) - {shot.name for shot in SHOTS}
    if unknown:
        raise SystemExit(f"no such shot: {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory() as tmp:
        for shot in SHOTS:
            if names and shot.name not in names:
                continue
            for suffix, size in SIZES.items():
                path = await take(shot, suffix, size, Path(tmp))
                print(f"wrote {path.relative_to(ROOT)}  ({size[0]}x{size[1]})")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
