"""A hang-up (or q) lands between two steps of building a screen: the app still leaves
cleanly, with the hang-up's exit code (129) or 0 after q, never 1.

Once App.exit() has been called Textual mounts nothing more: a widget composed after it
has no children (`mount_all` returns at once) and an explicit `mount` raises MountError.
Under load (8 sessions on 2 cores) a hang-up or `q` lands in those gaps: right after the
first frame, while the set-entry panel and the exercise search are mounted just after it,
or while a dialog is opening.  Each test forces one such ordering by wrapping the step
so that the hang-up is heard just before it runs (what a slow machine does by chance).
"""

from __future__ import annotations

import asyncio

import pytest

from tui_tracker.ui.hang_up import EXIT_HUNG_UP
from tui_tracker.ui.today_work import ExerciseWork
from tui_tracker.ui.widgets.exercise_search import ExerciseSearch

from .conftest import SIZE, make_app
from .test_today import add_exercise, logged


#: How the app is told to leave: the terminal hangs up (SIGHUP, the tty watcher and the
#: driver all call the guard's notice), or the lifter presses q (Today calls App.exit).
LEAVING = {
    "hang-up": (lambda app: app.hang_up_guard.notice(), EXIT_HUNG_UP),
    "q": (lambda app: app.exit(), 0),
}


@pytest.fixture(params=list(LEAVING))
def leaving(request):
    return LEAVING[request.param]


def leave_before(monkeypatch, leaving, cls: type, name: str, app_of) -> list[str]:
    """Wrap `cls.name` so that the app is told to leave just before it runs (once)."""
    original = getattr(cls, name)
    tell, _code = leaving
    heard: list[str] = []

    def left_first(self, *args, **kwargs):
        if not heard:
            heard.append(name)
            tell(app_of(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, left_first)
    return heard


async def until_gone(app) -> None:
    """Let the app leave (a loop, not pilot.pause: that waits on the screen, which may
    never have started).  Counted, not timed: it leaves, or the count runs out and fails."""
    for _ in range(1000):
        if not app.is_running:
            return
        await asyncio.sleep(0.01)


async def run_until_gone(app) -> None:
    async with app.run_test(size=SIZE):
        await until_gone(app)
    assert not app.is_running


async def test_a_hang_up_before_the_panel_mounts_on_an_empty_day_leaves_cleanly(
    db, clock, monkeypatch, leaving
):
    """On a day with nothing logged the set-entry panel is mounted just after the first
    frame; a hang-up in between made its mount raise MountError (exit 1)."""
    app = make_app(db, clock)
    heard = leave_before(monkeypatch, leaving, ExerciseWork, "mount", lambda work: work.screen.app)
    await run_until_gone(app)
    assert heard == ["mount"]
    assert app.return_code == leaving[1]


async def test_a_hang_up_while_the_search_overlay_is_built_leaves_cleanly(
    db, clock, monkeypatch, leaving
):
    """The exercise search is mounted hidden just after the first frame.  A hang-up
    after its mount began and before it composed left it without a search field:
    NoMatches in ExerciseSearch.start (exit 1 after a resumed session and `q`)."""
    app = make_app(db, clock)
    heard = leave_before(monkeypatch, leaving, ExerciseSearch, "compose", lambda search: search.app)
    await run_until_gone(app)
    assert heard == ["compose"]
    assert app.return_code == leaving[1]


async def test_a_resumed_session_and_a_hang_up_while_the_search_is_built_keep_the_sets(
    db, clock, monkeypatch, leaving
):
    first = make_app(db, clock)
    async with first.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "squat")
        await pilot.press("1", "0", "0", "tab", "5", "tab", "2", "enter")
        await pilot.pause()
    assert len(logged(db)) == 1

    again = make_app(db, clock)
    heard = leave_before(monkeypatch, leaving, ExerciseSearch, "compose", lambda search: search.app)
    await run_until_gone(again)
    assert heard == ["compose"]
    assert again.return_code == leaving[1]
    assert [(s.weight_kg, s.reps, s.rir) for s in logged(db)] == [(100, 5, 2)]


async def test_a_hang_up_while_the_exercise_picker_opens_leaves_cleanly(
    db, clock, monkeypatch, leaving
):
    """The planner's exercise picker (a dialog): a hang-up before it composed left its
    mount without the search inside it (NoMatches, exit 1)."""
    from tui_tracker.ui.modals import ExercisePicker

    app = make_app(db, clock)
    heard = leave_before(monkeypatch, leaving, ExercisePicker, "compose", lambda picker: picker.app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(ExercisePicker(app.screen.book.catalogue))
        await until_gone(app)
    assert heard == ["compose"]
    assert not app.is_running
    assert app.return_code == leaving[1]


HANG_UP = LEAVING["hang-up"]


async def test_a_hang_up_before_today_is_built_leaves_cleanly(db, clock, monkeypatch):
    """The guard listens from the app's Load on, before Today exists: a hang-up while the
    app starts found Today without its list (NoMatches in its mount, exit 1)."""
    from tui_tracker.ui.today import TodayScreen

    app = make_app(db, clock)
    heard = leave_before(monkeypatch, HANG_UP, TodayScreen, "compose", lambda today: today.app)
    await run_until_gone(app)
    assert heard == ["compose"]
    assert app.return_code == EXIT_HUNG_UP


@pytest.mark.parametrize(
    "key, module, screen",
    [
        ("h", "history", "HistoryScreen"),
        ("m", "dashboard", "DashboardScreen"),
        ("p", "plan", "PlanScreen"),
        ("i", "about", "AboutScreen"),
    ],
)
async def test_a_hang_up_while_a_screen_opens_leaves_cleanly(
    db, clock, monkeypatch, key, module, screen
):
    """Any screen whose mount looks for what it composed: a hang-up between the key that
    opens it and its compose left it empty (NoMatches in its mount, exit 1)."""
    import importlib

    cls = getattr(importlib.import_module(f"tui_tracker.ui.{module}"), screen)
    app = make_app(db, clock)
    heard = leave_before(monkeypatch, HANG_UP, cls, "compose", lambda opened: opened.app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await until_gone(app)
    assert heard == ["compose"]
    assert not app.is_running
    assert app.return_code == EXIT_HUNG_UP
