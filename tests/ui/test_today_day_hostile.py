"""Hostile names through the day's changes: the rest day's next day, n, the swap and skip
dialogs, and a skip reason, all shown as the text they are (tests/hostile.py)."""

from __future__ import annotations

from datetime import timedelta

from ..hostile import DAY_NAME, EXERCISE_NAMES
from .conftest import DAY, SIZE, FixedClock, make_app
from .test_hostile_text import assert_shows, painted, seeded, settle


async def test_the_days_changes_show_hostile_names_and_reasons_as_text(db):
    seeded(db, falling=False, today_sets=False)  # days on DAY's weekday and the next
    rest = DAY + timedelta(days=2)
    app = make_app(db, FixedClock(rest))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = painted(app)
        assert_shows(text, f"Next: {DAY_NAME}, Wed 25 Nov")
        assert_shows(text, *EXERCISE_NAMES[:-2], width=33)  # the next day's exercises
        await pilot.press("n")
        await settle(pilot)
        assert_shows(painted(app), f"Today: {DAY_NAME} (from Wed 25 Nov)")
        app.screen.set_focus(app.screen.query_one("#exercises"))
        await pilot.press("home", "c")
        await settle(pilot)
        assert_shows(painted(app), f"Instead of {EXERCISE_NAMES[0]} today")
        await pilot.press("escape", "k")
        await settle(pilot)
        assert_shows(painted(app), f"Skip {EXERCISE_NAMES[0]} today?")
        await pilot.press(*"[/] [b]x", "enter")
        await settle(pilot)
        text = painted(app)
        assert_shows(text, "skipped: [/] [b]x", f"Skipped {EXERCISE_NAMES[0]} today: [/] [b]x.")
