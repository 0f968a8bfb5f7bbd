"""The swap search (c on a planned exercise) with keys typed ahead: 'c t-bar Enter' in
one burst, as a laggy SSH link delivers it."""

from __future__ import annotations

from datetime import timedelta

from .blocks import START
from .conftest import SIZE, FixedClock, make_app, started
from .test_today_day import listed, saved_sets, start_block
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
        swapped_in = app.screen.order[0]
        assert swapped_in != "incline-dumbbell-press"
        assert listed(app)[0].startswith("~"), listed(app)
    # the set typed after Enter, in the same burst, is on the exercise swapped in
    assert saved_sets(db, THURSDAY) == [(swapped_in, 40, 10)]
