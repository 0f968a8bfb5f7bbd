"""Finishing a session (Today's `f`): the summary, the question while planned sets are left,
and keys typed ahead through the dialog, at 80x24."""

from __future__ import annotations

from datetime import timedelta

from textual.containers import VerticalScroll

from tui_tracker.domain.models import LoggedSet
from tui_tracker.store import Store
from tui_tracker.ui.finish import FinishDialog
from tui_tracker.ui.today import TodayScreen

from ..hostile import EXERCISE_NAMES, LONG, seed
from .blocks import START, seed_block
from .conftest import SIZE, FixedClock, make_app
from .test_hostile_text import assert_shows, painted
from .test_typing_ahead import burst

OTHERS = (
    "barbell-bench-press",
    "barbell-back-squat",
    "barbell-row",
    "ez-bar-curl",
    "lying-leg-curl",
    "standing-calf-raise",
)
TUESDAY = START + timedelta(weeks=2, days=1)  # Lower A in week 3: squat 4 sets first


def planned_day(db):
    """The block's first two weeks and Monday of the third done; Tuesday is Lower A."""
    seed_block(db, through=TUESDAY - timedelta(days=1))
    return FixedClock(TUESDAY)


def sessions(db, day=TUESDAY):
    with Store(db) as store:
        return store.sessions_between(day, day)


def dialog_text(app) -> str:
    assert isinstance(app.screen, FinishDialog)
    return painted(app)


async def test_f_shows_the_summary_and_asks_while_planned_sets_are_left(db):
    clock = planned_day(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "enter", "enter")  # two squat sets, the suggestion each time
        clock.advance(minutes=7)
        await burst(pilot, "f")
        text = dialog_text(app)
        # Lower A plans 4 + 3 + 3 + 3 + 5 + 3 = 21 working sets; 2 are done.
        assert "19 planned sets left: finish anyway?" in text
        assert "7 min · 2 working sets of 1 exercise" in text
        assert "Barbell Back Squat 2/4" in text and "Romanian Deadlift 0/3" in text
        assert "★ Best e1RM on Barbell Back Squat: 84.5 kg" in text
        # 65 x 7 @2 = 65 x (1 + 9/30) = 84.5 beats last Tuesday's 62.5 x 7 @3 = 83.3.
        assert "from 65 kg x 7 @2 (was 83.3" in text  # (its "kg)" wraps over the screen behind)
        # The block's week 3 began on Monday (upper body): squats are its first quad sets.
        assert "Hard sets this week (W3), with this session" in text
        assert "Quads 0 → 2 band 10-16 ↓ below" in text
        await burst(pilot, "escape")  # keep training: nothing finished
        assert isinstance(app.screen, TodayScreen) and sessions(db)[0].is_open
        await burst(pilot, "f", "enter")  # both keys in one packet: finished
        assert not sessions(db)[0].is_open
        status = str(app.screen.query_one("#status").render())
        assert "Session finished: 2 working sets of 1 exercise in 7 min" in status


async def test_keys_typed_after_the_answer_reach_today_in_order(db):
    clock = planned_day(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "enter")
        # f, scroll the summary, keep training, and Enter saves the next set: one packet.
        await burst(pilot, "f", "down", "pagedown", "n", "enter")
        assert isinstance(app.screen, TodayScreen)
        assert [len(s.sets) for s in sessions(db)] == [2] and sessions(db)[0].is_open
        await burst(pilot, "f", "y", "enter")  # finish, then Enter on the list (no set)
        assert isinstance(app.screen, TodayScreen)
        assert [(len(s.sets), s.is_open) for s in sessions(db)] == [(2, False)]


async def test_nothing_left_asks_plainly(db, clock):
    app = make_app(db, clock)  # no block: nothing planned
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "a", "squat", "enter")
        await burst(pilot, "80", "tab", "8", "tab", "2", "enter")
        await burst(pilot, "f")
        text = dialog_text(app)
        assert "Finish the session?" in text and "planned" not in text.split("Sets")[0]
        assert "Barbell Back Squat 1" in text and "None beaten this session." in text


async def test_a_long_summary_scrolls_and_nothing_is_cut(db, clock):
    with Store(db) as store:
        seeded = seed(store, clock.today(), falling=False)  # nine hostile names, 3 sets each
        for ex_id in OTHERS:  # and six more exercises: fifteen lines, nine muscles
            store.log_set(
                LoggedSet(ex_id, 20, 10, 2, at=clock.now()),
                day=clock.today(),
                session_id=seeded.today_session_id,
            )
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "f")
        dialog = app.screen.query_one("#finish")
        assert dialog.region.bottom <= SIZE[1] and dialog.region.right <= SIZE[0]
        text = dialog_text(app)
        assert "18 planned sets left: finish anyway?" in text  # 9 x 3 planned, 9 done
        assert "Enter/y: finish" in text  # the keys stay in view
        assert LONG[:39] + "… 1/3" in text  # the long name cut with an ellipsis, not lost
        assert_shows(text, *(f"{name} 1/3" for name in EXERCISE_NAMES[:7]))
        assert "Calves" not in text  # the week's muscles are further down
        body = app.screen.query_one("#finish-body", VerticalScroll)
        assert body.max_scroll_y > 0 and body.scroll_y == 0
        await burst(pilot, "end")
        assert body.scroll_y == body.max_scroll_y
        text = dialog_text(app)
        assert "Enter/y: finish" in text
        assert "Calves 0 → 1 band 10-16 ↓ below" in text
        # The block's week 4 began today: nine hostile chest sets and the bench.
        assert "Chest 0 → 10 band 10-16 ✓ in band" in text
        await burst(pilot, "home")
        assert body.scroll_y == 0


async def test_when_the_week_does_not_read_it_still_asks_and_finishes(db, clock, monkeypatch):
    import tui_tracker.summaries as summaries
    from tui_tracker.store import StoreError

    def unreadable(book):
        raise StoreError("training.sessions-2026-11.json does not parse")

    monkeypatch.setattr(summaries, "summary_of", unreadable)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "a", "squat", "enter")
        await burst(pilot, "80", "tab", "8", "tab", "2", "enter")
        await burst(pilot, "f")
        assert "No summary: training.sessions-2026-11.json" in str(
            app.screen_stack[-2].query_one("#status").render()
        )
        assert "Finish the session?" in painted(app)
        await burst(pilot, "enter")
        assert not sessions(db, clock.today())[0].is_open


def test_names_are_cut_by_columns_with_an_ellipsis_and_padded_to_line_up():
    from rich.cells import cell_len

    from tui_tracker.ui.finish import cut

    assert cut("Squat", 8) == "Squat   "
    assert cut("Barbell Back Squat", 8) == "Barbell…"
    assert cut("漢字漢字漢字", 8) == "漢字漢 …" and cell_len(cut("漢字漢字漢字", 8)) == 8
