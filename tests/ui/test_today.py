"""The whole Today flow, driven with the Pilot at 80x24 against a real database."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from tui_tracker.store import Store
from tui_tracker.ui.today import TodayScreen
from tui_tracker.ui.widgets.rest_timer import RestTimer

from .conftest import DAY, SIZE, FixedClock, make_app


def screen_text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def add_exercise(pilot, query: str) -> None:
    await pilot.press("a")
    await pilot.pause()
    for ch in query:
        await pilot.press("space" if ch == " " else ch)
    await pilot.press("enter")
    await pilot.pause()


def entry(app):
    return app.screen.query_one("#entry")


async def type_set(pilot, weight: str, reps: str, rir: str) -> None:
    """Type over each field's pre-fill, as a lifter would: weight Tab reps Tab RIR Enter
    (an empty value clears the field: Backspace on its selected pre-fill)."""
    entry(pilot.app).focus_first()
    await pilot.pause()
    keys: list[str] = []
    for i, value in enumerate((weight, reps, rir)):
        keys += (["tab"] if i else []) + ([*value] if value else ["backspace"])
    await pilot.press(*keys, "enter")
    await pilot.pause()


def logged(db) -> list:
    store = Store(db)
    session = store.open_session(DAY)
    store.close()
    return list(session.sets) if session else []


async def test_empty_screen_tells_a_newcomer_what_to_do(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Press a to add an exercise" in screen_text(app, "#empty-hint")


async def test_log_three_sets_edit_delete_undo_and_find_them_after_restart(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "squat")
        assert app.screen.current == "barbell-back-squat"
        assert app.focused.id == "entry" and entry(app).active_field == "weight"
        await type_set(pilot, "100", "5", "2")
        assert "Saved set 1" in screen_text(app, "#status")
        # Repeat: the panel holds the previous set, so Enter is all it takes.
        await pilot.press("enter")
        await pilot.pause()
        assert "Saved set 2" in screen_text(app, "#status")
        # Change only the reps: Tab (selects the reps), type, Enter.
        await pilot.press("tab", "4", "enter")
        await pilot.pause()
        assert "Saved set 3" in screen_text(app, "#status")
        assert [(s.weight_kg, s.reps, s.rir) for s in logged(db)] == [
            (100, 5, 2),
            (100, 5, 2),
            (100, 4, 2),
        ]

        # Edit the highlighted (last) set: reps 4 -> 3.
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert [s.reps for s in logged(db)] == [5, 5, 3]

        # Delete it, then undo.
        await pilot.press("d")
        await pilot.pause()
        assert "Press u to undo" in screen_text(app, "#status")
        assert len(logged(db)) == 2
        await pilot.press("u")
        await pilot.pause()
        assert [s.reps for s in logged(db)] == [5, 5, 3]
        await pilot.press("q")
        await pilot.pause()

    # Start again: the open session is resumed with its three sets.
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Resumed the session" in screen_text(app, "#status")
        assert app.screen.query_one("#sets").row_count == 3
        assert app.focused.id == "entry"
        assert entry(app).values["weight"] == "100" and entry(app).values["reps"] == "3"


async def test_invalid_input_shows_the_reason_and_saves_nothing(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "curl")
        await type_set(pilot, "20", "101", "2")
        assert "reps above 100" in entry(app).error
        assert entry(app).active_field == "reps"
        await type_set(pilot, "20", "10", "11")
        assert "RIR is 0 (failure) to 10" in entry(app).error
        await type_set(pilot, "", "10", "2")
        assert "weight is empty" in entry(app).error
        await type_set(pilot, "1.2.3", "10", "2")
        assert "not a number" in entry(app).error
        assert logged(db) == []
        # Letters never reach the numeric fields.
        await pilot.press("tab", "x")
        assert entry(app).values["reps"] == "10"


async def test_decimal_comma_is_a_decimal_point(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "bench")
        await type_set(pilot, "102,5", "8", "2")
        assert [s.weight_kg for s in logged(db)] == [102.5]


async def test_failure_on_squat_warns_with_the_reason_without_blocking(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "squat")
        await type_set(pilot, "140", "5", "0")
        status = screen_text(app, "#status")
        assert "Saved set 1" in status and "injury" in status and "Evidence" in status
        assert len(logged(db)) == 1
        assert app.focused.id == "entry"  # not blocked: the next set can be typed at once


async def test_warmup_toggle_and_rest_timer(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "squat")
        await pilot.press("w")
        await type_set(pilot, "60", "5", "")
        timer = app.screen.query_one(RestTimer)
        assert not timer.running  # no rest after a warm-up
        assert logged(db)[0].kind == "warmup"
        await pilot.press("w")
        await type_set(pilot, "100", "5", "2")
        assert logged(db)[1].kind == "working"
        assert timer.running and 170 <= timer.remaining() <= 180  # squat rests 3 min
        await pilot.press("plus")
        assert timer.remaining() > 200
        await pilot.press("s")
        assert not timer.running


async def test_unit_switch_and_last_performance(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "bench")
        await pilot.press("t")
        await type_set(pilot, "225", "5", "1")
        assert logged(db)[0].unit == "lb"
        await pilot.press("f")
        await pilot.press("enter")
        await pilot.pause()
        assert "Session finished" in screen_text(app, "#status")

    later = FixedClock(DAY.replace(day=22))
    app = make_app(db, later)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "bench")
        option = str(app.screen.query_one("#exercises").row_text(0))
        assert "last: 225 lb x 5 @1, 4 days ago" in option
        assert entry(app).values["weight"] == "225" and entry(app).unit == "lb"


async def test_history_lists_sessions_and_opens_one(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "row")
        await type_set(pilot, "80", "10", "2")
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert str(app.screen.query_one("#title", Static).render()).startswith(
            "Wed 18 Nov 2026 · from 18:00, not finished · 1 working set of 1 exercise"
        )
        assert app.screen.query_one(DataTable).row_count == 1
        await pilot.press("q", "q")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_too_small_terminal_says_what_to_do(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=(70, 20)) as pilot:
        await pilot.pause()
        notice = app.screen.query_one("#too-small", Static)
        assert notice.display and "needs at least 80x24" in str(notice.render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not notice.display


async def palette_titles(pilot, query: str) -> list[str]:
    """Open the command palette, type `query`, and read the commands it offers."""
    from textual.command import CommandList

    await pilot.press("ctrl+p", *query)
    for _ in range(100):  # the palette searches in a worker: wait for its results
        await pilot.pause(0.02)
        found = pilot.app.screen.query(CommandList)
        if found and found.first().option_count:
            break
    commands = pilot.app.screen.query_one(CommandList)
    titles = [
        str(commands.get_option_at_index(i).prompt).split("\n")[0]
        for i in range(commands.option_count)
    ]
    await pilot.press("escape")
    return titles


async def test_every_action_is_in_the_command_palette_with_its_key(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_exercise(pilot, "squat")
        await type_set(pilot, "100", "5", "2")
        titles = await palette_titles(pilot, "")
        for title in (
            "Add exercise (a)",
            "Edit set (e)",
            "Delete set (d)",
            "Finish session (f)",
            "History (h)",
            "Skip rest (s)",
            "Extend rest (+)",
            "Toggle warm-up (w)",
            "Switch kg/lb (t)",
            "Mesocycle dashboard (m)",
        ):
            assert title in titles, titles
        assert "Undo delete (u)" not in titles  # nothing deleted: nothing to undo
        assert any("finish" in t.lower() for t in await palette_titles(pilot, "fin"))


async def test_a_keymap_moves_an_action_to_another_key_everywhere(db, clock):
    """Bindings have ids (today.add_exercise), so a keymap can remap them; the key bar,
    the palette and the key itself all follow."""
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.set_keymap({"today.add_exercise": "n"})
        await pilot.pause()
        assert "Add exercise (n)" in await palette_titles(pilot, "add")
        assert " n Add " in str(app.screen.query_one("KeyBar").render())
        await pilot.press("n")
        await pilot.pause()
        assert not app.screen.query_one("#search-overlay").has_class("-away")  # the exercise search
