"""Supersets on Today at 80x24: g pairs the exercise with the one below it, the panel
moves to the partner after each set, the rest timer runs after the round, and the sets
share the superset's label."""

from __future__ import annotations

from .conftest import SIZE, make_app
from .test_at_the_bar import on_screen
from .test_today import entry, logged

BENCH, ROW, CURL = "barbell-bench-press", "barbell-row", "dumbbell-curl"


def rows(db) -> list[tuple[str, float, int, str, str | None]]:
    return [(s.exercise_id, s.weight_kg, s.reps, s.kind, s.superset) for s in logged(db)]


async def add_two(pilot) -> None:
    """Bench then row on the list, the bench in the panel."""
    await pilot.press("a", *"bench", "enter", "a", *"barbell row", "enter", "escape", "up", "enter")
    await pilot.pause()
    assert pilot.app.screen.current == BENCH


async def test_a_superset_in_one_burst(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_two(pilot)
        timer = app.screen.timer
        # g, bench 80x8@2 Enter (-> row), row 60x10@2 Enter (-> bench), Enter, Enter:
        # two rounds, typed in one go.
        await pilot.press(
            "g",
            "8",
            "0",
            "tab",
            "8",
            "tab",
            "2",
            "enter",
            "6",
            "0",
            "tab",
            "1",
            "0",
            "tab",
            "2",
            "enter",
            "enter",
            "enter",
        )
        await pilot.pause()
        assert rows(db) == [
            (BENCH, 80, 8, "working", "A"),
            (ROW, 60, 10, "working", "A"),
            (BENCH, 80, 8, "working", "A"),
            (ROW, 60, 10, "working", "A"),
        ]
        assert app.screen.current == BENCH  # round over: back to the first
        assert timer.running and "after superset A" in on_screen(app)
        assert "Log a set: Barbell Bench Press · superset A, then Barbell Row" in on_screen(app)


async def test_the_rest_waits_for_the_end_of_the_round(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_two(pilot)
        timer = app.screen.timer
        await pilot.press("g", "8", "0", "tab", "8", "tab", "2", "enter")
        await pilot.pause()
        assert app.screen.current == ROW and not timer.running
        assert entry(app).active_field == "weight" and app.focused is entry(app)
        await pilot.press("6", "0", "tab", "1", "0", "tab", "2", "enter")
        await pilot.pause()
        assert app.screen.current == BENCH and timer.running


async def test_g_again_takes_it_out_and_warm_ups_stay_apart(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_two(pilot)
        await pilot.press("g")
        await pilot.pause()
        assert "Superset A: Barbell Bench Press + Barbell Row" in on_screen(app)
        # A warm-up of the bench: no label, the panel stays on the bench.
        await pilot.press("w", "4", "0", "tab", "8", "enter")
        await pilot.pause()
        assert app.screen.current == BENCH
        await pilot.press("g")  # on its own again
        await pilot.pause()
        assert "Barbell Bench Press is done on its own again." in on_screen(app)
        await pilot.press("w", "8", "0", "tab", "8", "tab", "2", "enter")
        await pilot.pause()
        assert app.screen.current == BENCH and app.screen.timer.running
    assert rows(db) == [(BENCH, 40, 8, "warmup", None), (BENCH, 80, 8, "working", None)]


async def test_g_on_the_last_exercise_says_what_to_do(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"bench", "enter", "g")
        await pilot.pause()
        assert "Nothing below Barbell Bench Press to pair it with" in on_screen(app)
        await pilot.press("8", "0", "tab", "8", "tab", "2", "enter")
        await pilot.pause()
    assert rows(db) == [(BENCH, 80, 8, "working", None)]


async def test_a_resumed_session_goes_on_in_rounds(db, clock):
    """After a round, the superset is in the sets: a restarted app goes on in rounds."""
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_two(pilot)
        await pilot.press(
            "g",
            "8",
            "0",
            "tab",
            "8",
            "tab",
            "2",
            "enter",
            "6",
            "0",
            "tab",
            "1",
            "0",
            "tab",
            "2",
            "enter",
        )
        await pilot.pause()
    # The link drops; the app starts again on the row (done last): Enter, then the bench.
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape", "up", "enter")  # the bench
        await pilot.pause()
        assert app.screen.current == BENCH
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.current == ROW and not app.screen.timer.running
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.current == BENCH and app.screen.timer.running
    assert rows(db)[-2:] == [(BENCH, 80, 8, "working", "A"), (ROW, 60, 10, "working", "A")]


async def test_a_superset_of_three(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(
            "a",
            *"bench",
            "enter",
            "a",
            *"barbell row",
            "enter",
            "a",
            *"curl",
            "enter",
            "escape",
            "up",
            "enter",
            "g",
            "escape",
            "up",
            "enter",
            "g",
        )
        await pilot.pause()
        assert app.screen.current == BENCH
        await pilot.press(
            "8",
            "0",
            "tab",
            "8",
            "tab",
            "2",
            "enter",
            "6",
            "0",
            "tab",
            "8",
            "tab",
            "2",
            "enter",
            "1",
            "2",
            "tab",
            "1",
            "2",
            "tab",
            "2",
            "enter",
        )
        await pilot.pause()
    assert [r[0] for r in rows(db)] == [BENCH, ROW, CURL]
    assert {r[4] for r in rows(db)} == {"A"}


async def test_a_second_pair_in_the_session_gets_a_new_label(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_two(pilot)
        # A round of A, then the bench on its own (g), then paired again (g): label B.
        await pilot.press(
            "g",
            "8",
            "0",
            "tab",
            "8",
            "tab",
            "2",
            "enter",
            "6",
            "0",
            "tab",
            "1",
            "0",
            "tab",
            "2",
            "enter",
            "g",
            "g",
        )
        await pilot.pause()
        assert "Superset B: Barbell Bench Press + Barbell Row" in on_screen(app)
        await pilot.press("enter")
        await pilot.pause()
    assert [r[4] for r in rows(db)] == ["A", "A", "B"]


async def test_a_hostile_partner_name_shows_as_text(db, clock):
    from tui_tracker.domain.models import Exercise
    from tui_tracker.store import Store

    from ..hostile import CONTROLS, MARKUP

    name = f"Zork {MARKUP[0]} {MARKUP[1]} {CONTROLS[0]}"
    store = Store(db)
    store.save_exercise(Exercise("custom-zork", name, ("back",), custom=True))
    store.close()
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(
            "a",
            *"bench",
            "enter",
            "a",
            *"zork",
            "enter",
            "escape",
            "up",
            "enter",
            "g",
            "8",
            "0",
            "tab",
            "8",
            "tab",
            "2",
            "enter",
        )
        await pilot.pause()
        text = on_screen(app)
        assert app.screen.current == "custom-zork" and "\x1b" not in text
        assert "Log a set: Zork [/] [b]bold" in text
        await pilot.press("1", "0", "tab", "1", "0", "tab", "2", "enter")
        await pilot.pause()
        assert "Log a set: Barbell Bench Press · superset A, then Zork [/] [b]bold" in on_screen(
            app
        )
    assert [r[4] for r in rows(db)] == ["A", "A"]
