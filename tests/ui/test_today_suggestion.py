"""The Today screen pre-fills the suggestion: the first working set from history and the
week's target, the next set following the last, and a record saved says so in `Saved`."""

from __future__ import annotations

from datetime import timedelta

from tui_tracker.domain.models import LoggedSet
from tui_tracker.domain.templates import build_mesocycle
from tui_tracker.store import Store

from .blocks import START, at
from .conftest import SIZE, FixedClock, make_app

BENCH = "barbell-bench-press"


def seed(db):
    """A 4-week block (targets 3,3,2,1); in week 1 bench was 100 x 8 @2."""
    with Store(db) as store:
        store.save_mesocycle(build_mesocycle("upper-lower-4", 4, START, name="Block"))
        store.log_set(LoggedSet(BENCH, 100, 8, 2, at=at(START)), day=START)


def values(app) -> tuple[str, str, str]:
    v = app.screen.query_one("#entry").values
    return v["weight"], v["reps"], v["rir"]


async def test_the_first_working_set_is_the_suggestion_and_the_next_follows_the_last(db):
    from .test_today import type_set

    seed(db)
    day = START + timedelta(weeks=3)  # Monday of week 4: every set @1
    app = make_app(db, FixedClock(day))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # 100 x 8 @2: e1RM 133.33; 8 @1: 133.33 / 1.3 = 102.56 -> 102.5
        assert values(app) == ("102.5", "8", "1")
        await pilot.press("enter")  # as suggested
        await pilot.pause()
        assert values(app) == ("102.5", "8", "1")  # on target: the same again
        await type_set(pilot, "102.5", "8", "0")  # harder than planned
        assert values(app) == ("102.5", "7", "1")  # a rep off
        await type_set(pilot, "102.5", "7", "3")  # easier
        # the default last week plans no failure, so the 4th set is @1 too: 7 @3 is e1RM
        # 102.5 x (1 + 10/30) = 136.67, and 8 @1 at it is 136.67 / (1 + 9/30) = 105.13 -> 105
        assert values(app) == ("105", "8", "1")
    with Store(db) as store:
        saved = [s for session in store.sessions_between(day, day) for s in session.sets]
    assert [(s.weight_kg, s.reps, s.rir) for s in saved] == [
        (102.5, 8, 1),
        (102.5, 8, 0),
        (102.5, 7, 3),
    ]


def app_with_settings(db, clock, toml: str, tmp_path):
    from tui_tracker.store.settings_file import SettingsFile
    from tui_tracker.ui.app import TrackerApp

    from ..conftest import FIRST_START_DONE

    path = tmp_path / "settings.toml"
    path.write_text(FIRST_START_DONE + toml)
    return TrackerApp(store=Store(db), clock=clock, settings=SettingsFile(path).load_or_defaults())


def reason_line(app) -> str:
    """The panel's last line: where the pre-filled values come from."""
    return "".join(text for text, _ in app.screen.query_one("#entry").lines()[2]).strip()


async def test_the_panel_says_why_and_rounds_to_the_lifters_plates(db, tmp_path):
    seed(db)
    app = app_with_settings(
        db, FixedClock(START + timedelta(weeks=3)), "plates_kg = [20, 10, 5, 2.5]\n", tmp_path
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # 102.56 kg cannot be built from 2.5 kg plates: the nearest is 105
        assert values(app) == ("105", "8", "1")
        assert reason_line(app).startswith("100 kg x 8 @2 on 2 Nov: e1RM 133.33; 8 @1:")
        shown = app.screen.query_one("#entry").render_line(2).text  # as drawn
        assert "e1RM 133.33" in shown


async def test_a_record_is_announced_with_the_saved_set(db, tmp_path):
    from .test_today import type_set

    seed(db)
    app = app_with_settings(db, FixedClock(START + timedelta(weeks=3)), "", tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_set(pilot, "105", "8", "2")  # e1RM 140 beats 133.33
        await pilot.pause()
        status = str(app.screen.query_one("#status").render())
        assert "Saved set 1" in status
        assert (
            "★ Best e1RM on Barbell Bench Press: 140 kg from 105 kg x 8 @2 (was 133.3 kg)" in status
        )


async def test_the_history_for_records_is_read_after_the_first_frame_not_on_enter(db, tmp_path):
    seed(db)
    app = app_with_settings(db, FixedClock(START + timedelta(weeks=3)), "", tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(400):  # the read-ahead starts after the first frame, in a worker
            if app.screen.book.records_read:
                break
            await pilot.pause(0.05)
        assert app.screen.book.records_read
        reads: list = []
        store = app.screen.book.store
        real = store.sessions_by_month
        store.sessions_by_month = lambda end: reads.append(end) or real(end)
        await pilot.press("enter")
        await pilot.pause()
        assert "Saved set 1" in str(app.screen.query_one("#status").render())
        assert reads == []  # read ahead, in a worker
