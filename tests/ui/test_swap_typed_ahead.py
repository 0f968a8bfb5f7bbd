"""The swap search (c on a planned exercise) with keys typed ahead: 'c t-bar Enter' in
one burst, as a laggy SSH link delivers it."""

from __future__ import annotations

from datetime import timedelta

from .blocks import START
from .conftest import SIZE, FixedClock, make_app, started
from .test_today_day import listed, saved_sets, start_block, swap_search
from .test_typing_ahead import burst

THURSDAY = START + timedelta(days=3)  # Upper B: Incline Dumbbell Press first


async def test_c_t_bar_enter_in_one_burst_swaps_and_the_app_keeps_running(db):
    """The search's updates for 't', 't-', ... 't-bar' are still queued when Enter
    makes the swap: none of them may rank again for the exercise no longer planned
    (that ValueError ended the app)."""
    start_block(db)
    app = make_app(db, FixedClock(THURSDAY))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        app.screen.set_focus(app.screen.query_one("#exercises"))
        await pilot.pause()
        assert listed(app)[0].startswith(" Incline Dumbbell Pr")
        await burst(pilot, "c", "t-bar", "enter", "40", "tab", "10", "enter")
        for _ in range(10):
            await pilot.pause()
        assert app.is_running and app.return_code is None
        assert listed(app)[0].startswith("~T-Bar Row"), listed(app)
    # the set typed after Enter, in the same burst, is on the exercise swapped in
    assert saved_sets(db, THURSDAY) == [("t-bar-row", 40, 10)]


async def test_the_swap_search_lists_what_was_typed_first(db):
    """Typed slowly, each letter's list drawn: 't-bar' lists the T-Bar Row first (the
    same muscles, chest, only order equally good matches), and Enter picks it."""
    start_block(db)
    app = make_app(db, FixedClock(THURSDAY))
    async with app.run_test(size=SIZE) as pilot:
        results = await swap_search(pilot)
        assert all("chest" in detail for _id, _name, detail in results.rows[:5])
        for key in "t-bar":
            await pilot.press(key)
            await pilot.pause()
        assert results.rows[0][1] == "T-Bar Row", [name for _i, name, _d in results.rows[:4]]
        await pilot.press("enter")
        await pilot.pause()
        assert listed(app)[0].startswith("~T-Bar Row"), listed(app)
