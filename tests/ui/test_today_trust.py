"""Today never records a number other than the one meant: units, finishing, plan counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import DataTable, Static

from tui_tracker.domain.templates import build_mesocycle
from tui_tracker.store import Store
from tui_tracker.ui.today import TodayScreen

from .blocks import START
from .conftest import DAY, SIZE, FixedClock, make_app
from .test_typing_ahead import burst, saved, start_squats


def sessions(db, day=DAY):
    with Store(db) as store:
        return store.sessions_between(day, day)


def status(app) -> str:
    return str(app.screen.query_one("#status", Static).render())


def row(app, index: int) -> str:
    return str(app.screen.query_one("#exercises").row_text(index))


async def test_switching_to_lb_converts_the_weight_it_never_relabels_it(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)  # 80 kg x 8 @2
        await burst(pilot, "t", "enter")
        weight, reps, rir, _ = saved(db)[-1]
        assert weight == pytest.approx(80, abs=0.01) and (reps, rir) == (8, 2)
        with Store(db) as store:
            assert store.sessions_between(DAY, DAY)[0].sets[-1].unit == "lb"
        await burst(pilot, "t", "enter")  # and back: still 80 kg
        assert saved(db)[-1][0] == pytest.approx(80, abs=0.01)


async def test_one_sessions_unit_never_flips_another_sessions_default(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "a", "s", "q", "u", "a", "t", "enter")
        await burst(pilot, "t", "225", "tab", "5", "tab", "1", "enter")  # this lifter: lb today
    assert sessions(db)[0].sets[0].unit == "lb"
    other = make_app(db, FixedClock(DAY + timedelta(days=1)))  # another day, another login
    async with other.run_test(size=SIZE) as pilot:
        await burst(pilot, "a", "c", "u", "r", "l", "enter", "20", "tab", "10", "tab", "2", "enter")
    with Store(db) as store:
        curl = store.sessions_between(DAY + timedelta(days=1), DAY + timedelta(days=1))[0].sets[0]
    assert (curl.unit, curl.weight_kg) == ("kg", 20)  # the default, not the other login's lb


async def test_a_set_after_finishing_starts_a_new_session_that_a_restart_resumes(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        await burst(pilot, "f", "enter")
        assert "Session finished" in status(app)
        clock.advance(minutes=40)
        await burst(pilot, "a", "c", "u", "r", "l", "enter", "20", "tab", "10", "tab", "2", "enter")
        header = str(app.screen.query_one("TodayHeader").render())
        assert "session 0 min" in header  # counted from the new session's start
    first, second = sessions(db)
    assert first.ended_at is not None and len(first.sets) == 1
    assert second.is_open and [s.weight_kg for s in second.sets] == [20]
    again = make_app(db, clock)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Resumed the session" in status(again)


async def test_a_finished_planned_day_shows_sets_done_against_planned(db):
    with Store(db) as store:
        store.save_mesocycle(build_mesocycle("upper-lower-4", 4, START, name="Block"))
    clock = FixedClock(START)  # Monday of week 1: Upper A, bench 4 x 5-8 @3 first
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "80", "tab", "8", "enter", "enter")
        assert "2/4" in row(app, 0)
        await burst(pilot, "f", "enter")
        assert "2/4" in row(app, 0)  # not 0/4 after finishing
        assert "last:" not in row(app, 0) or "today" not in row(app, 0)


async def test_the_first_working_set_after_warmups_is_prefilled_from_the_plan(db):
    with Store(db) as store:
        store.save_mesocycle(build_mesocycle("upper-lower-4", 4, START, name="Block"))
    app = make_app(db, FixedClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "80", "tab", "8", "enter")  # last week's... this week's first set
    app = make_app(db, FixedClock(START + timedelta(weeks=1)))  # next Monday, week 2 @3
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "w", "40", "tab", "8", "tab", "backspace", "enter")  # warm-up 40 x 8
        await burst(pilot, "60", "tab", "5", "enter")  # warm-up 60 x 5
        await burst(pilot, "w", "enter")  # the first working set: last week's 80 x 8, RIR 3
    with Store(db) as store:
        week2 = store.sessions_between(START + timedelta(weeks=1), START + timedelta(weeks=1))
    assert [(s.weight_kg, s.reps, s.rir, s.kind) for s in week2[0].sets] == [
        (40, 8, None, "warmup"),
        (60, 5, None, "warmup"),
        (80, 8, 3, "working"),
    ]


async def test_finish_and_history_count_sets_the_same_way(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "a", "s", "q", "u", "a", "t", "enter")
        await burst(pilot, "w", "60", "tab", "5", "tab", "backspace", "enter")
        await burst(pilot, "w", "100", "tab", "5", "tab", "2", "enter", "enter")
        await burst(pilot, "f")
        dialog = " ".join(str(w.render()) for w in app.screen.query("Label"))
        assert "2 working sets + 1 warm-up of 1 exercise" in dialog
        await burst(pilot, "enter", "h")
        history = app.screen.query_one(DataTable)
        assert history.get_row_at(0)[3] == "2 +1w"
        await burst(pilot, "q")
        assert isinstance(app.screen, TodayScreen)


async def test_today_keeps_a_focus_when_a_damaged_month_stops_the_panel_at_start(db, clock):
    """Today's squat pre-fill reads an older month that is damaged: the dialog says so,
    and after Esc (keep looking) the keys still have a widget to go to."""
    from datetime import datetime

    from tui_tracker.domain.models import LoggedSet
    from tui_tracker.store import month_of, month_path
    from tui_tracker.ui.store_problem import StoreProblem

    from .conftest import TZ, until

    old = DAY - timedelta(days=40)
    when = datetime(old.year, old.month, old.day, 18, tzinfo=TZ)
    with Store(db) as store:
        before = store.start_session(old, when)
        store.log_set(
            LoggedSet("barbell-back-squat", 90, 5, 2, when), day=old, session_id=before.id
        )
        today = store.start_session(DAY, clock.now())
        store.log_set(
            LoggedSet("barbell-back-squat", 100, 5, 2, clock.now()), day=DAY, session_id=today.id
        )
    path = month_path(db, month_of(old))
    path.write_bytes(path.read_bytes()[:40])
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, StoreProblem))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.focused is not None


async def test_no_load_on_a_squat_is_refused_not_saved_as_bodyweight(db, clock):
    """ "0 Tab 6 Enter" on the squat was saved as BW x 6 and announced as a bodyweight
    record ("★ Most reps at bodyweight on Barbell Back Squat")."""
    from .test_hostile_text import painted
    from .test_typing_ahead import burst, saved, start_squats

    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        await burst(pilot, "0", "tab", "6", "enter")
        assert saved(db) == [(80, 8, 2, "working")]
        assert "Not saved: 0 on Barbell Back Squat: type the weight lifted" in painted(app)


async def test_a_squat_set_cannot_be_edited_to_no_load(db, clock):
    from .test_typing_ahead import burst, saved, start_squats

    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        await burst(pilot, "e", "0", "enter")
        assert saved(db) == [(80, 8, 2, "working")]
        assert "NOT saved: 0 on Barbell Back Squat" in str(app.screen.query_one("#status").render())
