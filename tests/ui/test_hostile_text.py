"""Hostile names and notes on every screen: shown as text, never markup, never a terminal command.

Each test fills a real database with names and notes carrying markup (`[/]`, `[b]`,
`[link=...]`) and control sequences (OSC 0 title, OSC 52 clipboard, CSI 2J, the one-byte
CSI), drives the app at 80x24, and checks what a terminal would be sent for the screen:
the text is there as typed (less its control characters) and none of the sequences is.

The screens of the dashboard, the deload prompts, the planner and the small widgets are
tested on the real app with a blank screen at the bottom (`Bare`), so they are tested
alone; the Today screen, the picker, the dialogs and History through the whole app.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input

from tui_tracker.domain.mesocycle import Mesocycle, PlannedExercise, TrainingDay
from tui_tracker.domain.models import Exercise
from tui_tracker.store import Store
from tui_tracker.ui import app as app_module
from tui_tracker.ui.app import TrackerApp
from tui_tracker.ui.dashboard import DashboardScreen
from tui_tracker.ui.deload import DeloadPrompt, NextBlockPrompt
from tui_tracker.ui.modals import Confirm, EditSet, ExercisePicker, NewExercise
from tui_tracker.ui.plan import PlanScreen
from tui_tracker.ui.widgets.header import TodayHeader
from tui_tracker.ui.widgets.key_bar import KeyBar
from tui_tracker.ui.widgets.rest_timer import RestTimer

from ..hostile import (
    BLOCK_NAME,
    DAY_NAME,
    EXERCISE_NAMES,
    NAME_IDS,
    NOTE,
    assert_no_controls,
    assert_terminal_safe,
    seed,
    shown,
)
from .conftest import DAY, SIZE, FixedClock, make_app

PASTED = "[/]Plan \x1b]0;pwned\x07 [b]x \x9b31m"

_BORDERS = re.compile("[\u2500-\u259f]")


def painted(app) -> str:
    """The screen as a terminal would be sent it (what App._display writes for a full
    repaint): its raw characters hold none of the hostile sequences, its text no control
    character.  Returns the text, borders removed and whitespace collapsed, so wrapped
    lines read as one."""
    strips = app.screen._compositor.render_strips()
    assert_terminal_safe("".join(strip.render(app.console) for strip in strips))
    text = "\n".join(strip.text for strip in strips)
    assert_no_controls(text)
    return " ".join(_BORDERS.sub(" ", text).split())


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_shows(screen_text: str, *texts: str, width: int | None = None) -> None:
    for text in texts:
        want = flat(shown(text))[:width] if width else flat(shown(text))
        assert want in screen_text, f"{want!r} is not on the screen: {screen_text!r}"


class Bare(TrackerApp):
    """The real app over a blank screen, to test one screen or widget alone."""

    CSS_PATH = Path(app_module.__file__).with_name("app.tcss")  # relative to this file else

    def get_default_screen(self) -> Screen:
        return Screen()


def bare(db, clock) -> Bare:
    return Bare(store=Store(db), clock=clock)


def seeded(db, **kw):
    with Store(db) as store:
        return seed(store, DAY, **kw)


async def settle(pilot, times: int = 2) -> None:
    for _ in range(times):
        await pilot.pause()


async def paste(pilot, widget, text: str) -> None:
    """What a terminal sends for a bracketed paste, delivered as the app delivers it."""
    widget.focus()
    await pilot.pause()
    pilot.app.post_message(events.Paste(text))
    await settle(pilot)


# --- the dashboard and the deload prompts (ui/dashboard.py, ui/deload.py) --------------------


async def test_dashboard_deload_prompt_and_tabs_show_hostile_names_as_text(db, clock):
    seeded(db)
    app = bare(db, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.push_screen(DashboardScreen(app.store, DAY))
        await settle(pilot)
        # Falling loads on every hostile exercise: the fatigue prompt names them.
        assert isinstance(app.screen, DeloadPrompt)
        assert_shows(painted(app), *EXERCISE_NAMES[:2])
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        text = painted(app)
        assert_shows(text, BLOCK_NAME, EXERCISE_NAMES[0])
        assert "DELOAD DUE" in text
        await pilot.press("s")
        await settle(pilot)
        assert_shows(painted(app), EXERCISE_NAMES[0])  # each day's main lift
        await pilot.press("r")
        await settle(pilot)
        assert_shows(painted(app), *EXERCISE_NAMES, width=26)  # RIR compliance per exercise
        await pilot.press("v")
        await settle(pilot)
        assert "Chest" in painted(app)
        await pilot.press("d")  # the prompt again, and the lifter's choice noted on screen
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert "Deload week started" in painted(app)


async def test_dashboard_fatigue_warnings_name_hostile_exercises_as_text(db, clock):
    seeded(db, week=3)  # falling loads before week 4: warnings, no prompt
    app = bare(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(DashboardScreen(app.store, DAY))
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        text = painted(app)
        assert_shows(text, BLOCK_NAME, f"warning: {EXERCISE_NAMES[0]}: e1RM fell")


async def test_the_next_block_prompt_and_its_outcome_show_the_block_name_as_text(db, clock):
    seeded(db, block=False, today_sets=False)
    ids = [e for e in Store(db).catalogue() if e.custom]
    done = Mesocycle(
        name=BLOCK_NAME,
        start=DAY - timedelta(weeks=5),
        weeks=4,
        days=(TrainingDay(DAY_NAME, 0, tuple(PlannedExercise(e.id, 3, 6, 10) for e in ids[:3])),),
        deload_start=DAY - timedelta(weeks=1),
    )
    with Store(db) as store:
        store.save_mesocycle(done)
    app = bare(db, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.push_screen(DashboardScreen(app.store, DAY))
        await settle(pilot)
        assert isinstance(app.screen, NextBlockPrompt)
        assert_shows(painted(app), BLOCK_NAME)
        await pilot.press("n")  # saved: the toast and the title name the new block
        await settle(pilot)
        text = painted(app)
        assert_shows(text, f"Started {BLOCK_NAME} (next)", f"{BLOCK_NAME} (next) ·")
    with Store(db) as store:
        assert [m.name for m in store.mesocycles()] == [
            shown(BLOCK_NAME),
            shown(BLOCK_NAME) + " (next)",
        ]


# --- the planner (ui/plan.py, widgets/plan_setup.py) ----------------------------------------


async def plan_named(pilot, type_name) -> list:
    """Open the planner, Enter on the template, 4 weeks, the name (`type_name`), Enter."""
    saved: list = []
    pilot.app.push_screen(PlanScreen(pilot.app.store, pilot.app.clock), saved.append)
    await settle(pilot)
    await pilot.press("enter", "4")
    name = pilot.app.screen.query_one("#meso-name", Input)
    name.focus()
    await type_name(name)
    painted(pilot.app)
    await pilot.press("enter")
    await settle(pilot)
    assert pilot.app.screen.editing
    return saved


TYPED = "[/]Plan [b]x [link=https://x]x[/link] \\"


async def test_the_planner_shows_typed_and_running_block_names_as_text(db, clock):
    seeded(db, today_sets=False)
    app = bare(db, clock)
    async with app.run_test(size=SIZE) as pilot:

        async def type_it(field) -> None:
            keys = {
                "[": "left_square_bracket",
                "]": "right_square_bracket",
                "/": "slash",
                " ": "space",
                "=": "equals_sign",
                ":": "colon",
                ".": "full_stop",
                "\\": "backslash",
            }
            for ch in TYPED:
                await pilot.press(keys.get(ch, ch))

        saved = await plan_named(pilot, type_it)
        assert_shows(painted(app), f"{TYPED} · 4 weeks from")
        await pilot.press("ctrl+s")  # the running hostile block closes: the app asks first
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        assert_shows(painted(app), f"Start {TYPED}?", f"Saving it will close {BLOCK_NAME}")
        await pilot.press("y")
        await settle(pilot)
        assert saved and saved[0].name == TYPED
    with Store(db) as store:
        assert sorted(m.name for m in store.mesocycles()) == sorted([shown(BLOCK_NAME), TYPED])


async def test_a_name_pasted_into_the_planner_is_clean_at_once(db, clock):
    app = bare(db, clock)
    async with app.run_test(size=SIZE) as pilot:

        async def paste_it(field) -> None:
            await paste(pilot, field, PASTED)
            assert field.value == shown(PASTED)  # clean before it is ever drawn

        saved = await plan_named(pilot, paste_it)
        assert_shows(painted(app), f"{PASTED} · 4 weeks from")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert saved and saved[0].name == shown(PASTED)


async def test_the_planner_adds_a_hostile_exercise_from_the_picker(db, clock):
    seeded(db, today_sets=False, block=False)
    app = bare(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(PlanScreen(app.store, app.clock))
        await settle(pilot)
        await pilot.press("enter", "4", "enter")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ExercisePicker)
        search = app.screen.query_one("#search", Input)
        await paste(pilot, search, "bold row")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        assert_shows(painted(app), "[b]bold Row")


# --- widgets: the rest timer, the header, the key bar and the palette ------------------------


class Widgets(Screen):
    def compose(self) -> ComposeResult:
        yield TodayHeader(id="header")
        yield RestTimer(id="rest")
        yield KeyBar()


@pytest.mark.parametrize("typed", EXERCISE_NAMES, ids=NAME_IDS)
async def test_the_rest_timer_and_header_show_hostile_text_as_text(db, clock, typed):
    name = Exercise("custom-x", typed, ("chest",)).name[:22]  # the name as the domain holds it
    app = bare(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(Widgets())
        await settle(pilot)
        app.screen.query_one(RestTimer).start(90, f"after {name}")
        app.screen.query_one(TodayHeader).show(DAY, None, clock.now(), name)
        await settle(pilot)
        text = painted(app)
        assert_shows(text, f"after {name}", f"· {name}")


async def test_the_key_bar_and_the_palette_with_hostile_text(db, clock):
    seeded(db)
    app = bare(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(DashboardScreen(app.store, DAY))
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert "v Volume" in painted(app)
        await pilot.press("ctrl+p")
        await settle(pilot)
        for key in (
            "left_square_bracket",
            "slash",
            "right_square_bracket",
            "left_square_bracket",
            "b",
            "right_square_bracket",
        ):
            await pilot.press(key)
        await settle(pilot, 3)
        assert "[/][b]" in painted(app)


async def test_a_hostile_paste_into_the_palette_search_is_shown_clean(db, clock):
    app = bare(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await settle(pilot)
        await paste(pilot, app.screen.query_one(Input), PASTED)
        assert_shows(painted(app), PASTED)


# --- the whole app: Today, the picker, the dialogs, History (the lead's screens) -------------


@pytest.mark.parametrize("days", [0, 2], ids=["training-day", "rest-day"])
async def test_today_starts_and_shows_hostile_names_and_notes_as_text(db, days):
    seeded(db, falling=False)  # no deload prompt over the screen
    app = make_app(db, FixedClock(DAY + timedelta(days=days)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = painted(app)
        if days == 0:  # the session resumes on its last exercise: the list ends with it
            assert_shows(
                text, *EXERCISE_NAMES[-4:], width=19
            )  # the list in view (cut with an ellipsis at 20)
            assert_shows(text, NOTE, width=20)  # the set table's note column
            assert_shows(text, f"Today: {DAY_NAME}", f"Log a set: {EXERCISE_NAMES[-1]}")
        else:
            assert_shows(text, f"Rest day in {BLOCK_NAME}.")


async def first_exercise(pilot) -> None:
    """Today resumes on the session's last exercise: back to the list, the first, open it."""
    await settle(pilot)
    await pilot.press("escape", "home", "enter")
    await settle(pilot)


async def test_logging_a_set_shows_the_status_line_and_rest_timer_as_text(db, clock):
    seeded(db, falling=False)  # no deload prompt over the screen
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await first_exercise(pilot)
        await pilot.press("enter")  # save a set
        await settle(pilot)
        text = painted(app)
        assert_shows(text, f"Saved set 2: {EXERCISE_NAMES[0]}", f"after {EXERCISE_NAMES[0]}")


async def test_the_picker_lists_hostile_names_and_takes_hostile_searches(db, clock):
    seeded(db, block=False, today_sets=False)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert not app.screen.query_one("#search-overlay").has_class("-away")  # the exercise search
        search = app.screen.query_one("#search", Input)
        for query in ("[/]", "[b]bold", "[link=https://x]", "Title", "Slash Pull \\"):
            search.value = ""
            await paste(pilot, search, query)
            text = painted(app)
            assert_shows(text, query)
        search.value = ""
        await paste(pilot, search, "\x1b]52;c;ZXZpbA==\x07 Clip")
        assert search.value == shown("\x1b]52;c;ZXZpbA==\x07 Clip")  # clean before it is drawn
        assert_shows(painted(app), EXERCISE_NAMES[4])


async def test_a_new_exercise_with_a_hostile_name_is_shown_and_saved_clean(db, clock):
    seeded(db, block=False, today_sets=False)
    name = "[/]Zercher \x1b]0;pwned\x07 [b]Squat"
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await paste(pilot, app.screen.query_one("#search", Input), name)
        assert_shows(painted(app), f"+ New exercise: {name}")
        await pilot.press("enter")  # the only option: + New exercise
        await settle(pilot)
        assert isinstance(app.screen, NewExercise)
        assert app.screen.query_one("#new-name", Input).value == shown(name)
        painted(app)
        await pilot.press("ctrl+s")  # no muscle ticked: refused, the reason on screen
        await settle(pilot)
        painted(app)
        await pilot.press("tab", "tab", "space", "ctrl+s")
        await settle(pilot)
    with Store(db) as store:
        assert shown(name) in [e.name for e in store.custom_exercises()]


async def test_the_edit_dialog_shows_a_hostile_name_and_note_as_text(db, clock):
    seeded(db, falling=False)  # no deload prompt over the screen
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await first_exercise(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, EditSet)
        text = painted(app)
        assert_shows(text, f"of {EXERCISE_NAMES[0]}", NOTE[:30])


async def test_history_and_a_session_show_hostile_names_and_notes_as_text(db, clock):
    seeded(db, falling=False)  # no deload prompt over the screen
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert_shows(painted(app), EXERCISE_NAMES[0])
        await pilot.press("down", "enter")  # yesterday's finished session
        await settle(pilot)
        text = painted(app)
        assert_shows(text, *EXERCISE_NAMES[:6], width=20)
        assert_shows(text, NOTE, width=20)


async def test_editing_a_past_set_with_a_hostile_name_and_note_shows_them_as_text(db, clock):
    seeded(db, falling=False)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h", "down", "enter", "e")  # yesterday's session, its first set
        await settle(pilot)
        assert_shows(painted(app), f"of {EXERCISE_NAMES[0]}")
        await pilot.press("enter")  # saved as it was: note and all
        await settle(pilot)
        text = painted(app)
        assert_shows(text, *EXERCISE_NAMES[:6], width=20)
        assert_shows(text, NOTE, width=20)
        assert "Set changed to" in text
        await pilot.press("x", "y", "u")  # delete the session, undo: names intact
        await settle(pilot)
        assert_shows(painted(app), *EXERCISE_NAMES[:6], width=20)
