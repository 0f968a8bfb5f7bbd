"""History opens a session for fixing (ui/history_edit.py), driven with the Pilot at 80x24
against a real database, keys sent in bursts as a laggy link delivers them."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import DataTable, Input, Label, Static

from tui_tracker.domain.models import LoggedSet
from tui_tracker.logbook import RESUMED_SETTING
from tui_tracker.store import Store
from tui_tracker.ui.history import HistoryScreen
from tui_tracker.ui.history_edit import SessionFields, SessionScreen
from tui_tracker.ui.modals import Confirm, EditSet
from tui_tracker.ui.today import TodayScreen

from .conftest import DAY, SIZE, FixedClock, make_app

MONDAY = DAY - timedelta(days=2)  # Mon 16 Nov 2026
LAST_TUE = DAY - timedelta(days=8)  # Tue 10 Nov 2026
NOTE = "[b]belt[/b] [/]"


def seed(db) -> tuple[str, str]:
    """Monday's finished session (3 squat sets, 2 bench sets, a hostile note) and an
    unfinished one from last Tuesday.  Returns their ids."""
    store = Store(db)
    clock = FixedClock(MONDAY)
    s = None
    for i, (ex, kg, reps) in enumerate(
        [("barbell-back-squat", 100, 5)] * 3 + [("barbell-bench-press", 80, 8)] * 2
    ):
        logged = LoggedSet(
            ex, kg, reps, 2, at=clock.now() + timedelta(minutes=4 * i), note=NOTE if i == 0 else ""
        )
        s = store.log_set(logged, day=MONDAY, session_id=s.id if s else None)
    monday = store.finish_session(s.id, clock.now() + timedelta(minutes=30))
    old = FixedClock(LAST_TUE)
    t = store.log_set(LoggedSet("barbell-curl", 30, 10, 1, at=old.now()), day=LAST_TUE)
    t = store.log_set(
        LoggedSet("barbell-curl", 30, 9, 1, at=old.now() + timedelta(minutes=3)),
        day=LAST_TUE,
        session_id=t.id,
    )
    store.close()
    return monday.id, t.id


def title(app) -> str:
    return str(app.screen.query_one("#title", Static).render())


def status(app) -> str:
    return str(app.screen.query_one("#status", Static).render())


def rows(app) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def stored(db, session_id: str):
    with Store(db) as store:
        return store.session(session_id)


async def open_row(pilot, *keys: str) -> None:
    """From Today: History, the keys to reach a row, Enter."""
    await pilot.press("h", *keys, "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionScreen)


async def test_a_set_is_edited_in_one_burst_and_undone(db, clock):
    monday, _ = seed(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # h, Enter on Monday, e on its first set, 105 over the selected weight, Tab, 6, Enter
        await pilot.press("h", "enter", "down", "e", "1", "0", "5", "tab", "6", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert rows(app)[1][:5] == ["", "2", "105 kg", "6", "2"]
        assert status(app) == "Set changed to 105 kg x 6 @2."
        assert stored(db, monday).sets[1].describe() == "105 kg x 6 @2"
        await pilot.press("u")
        await pilot.pause()
        assert rows(app)[1][:5] == ["", "2", "100 kg", "5", "2"]
        assert stored(db, monday).sets[1].describe() == "100 kg x 5 @2"
        assert app.screen.check_action("undo", ()) is None


async def test_deleting_a_set_and_the_hostile_note_shows_as_typed(db, clock):
    monday, _ = seed(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_row(pilot)
        assert rows(app)[0][0] == "Barbell Back Squat" and rows(app)[0][7] == NOTE
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditSet)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("down", "down", "d")
        await pilot.pause()
        assert status(app) == "Deleted the set 100 kg x 5 @2. Press u to undo."
        assert len(rows(app)) == 4 and "4 working sets of 2 exercises" in title(app)
        assert len(stored(db, monday).sets) == 4


async def test_moving_a_session_into_last_month_with_a_refused_date_first(db, clock):
    monday, _ = seed(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_row(pilot)
        # a date after today: refused, said why, the dialog stays with the value selected
        await pilot.press("c", *"2026-11-19", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionFields)
        error = str(app.screen.query_one("#fields-error", Label).render())
        assert error == (
            "Not saved: 2026-11-19 is after today (2026-11-18): a session is dated "
            "the day it was done."
        )
        await pilot.press(*"2026-10-30", "enter")  # the refused value is selected: replaced
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert title(app).startswith("Fri 30 Oct 2026 · 18:00-18:30, 30 min")
        assert status(app) == "Moved the session to Fri 30 Oct 2026."
        assert stored(db, monday).date == date(2026, 10, 30)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert [r[0] for r in rows(app)] == ["Tue 10 Nov 2026", "Fri 30 Oct 2026"]


async def test_changing_the_times_fields_select_their_value_on_entry(db, clock):
    monday, _ = seed(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_row(pilot)
        await pilot.press("t", "1", "7", ":", "3", "0", "tab", "1", "9", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert title(app).startswith("Mon 16 Nov 2026 · 17:30-19:00, 1:30 h")
        s = stored(db, monday)
        assert f"{s.started_at:%H:%M}-{s.ended_at:%H:%M}" == "17:30-19:00"
        # a start after the first set is refused with the latest start allowed
        await pilot.press("t", "1", "8", "3", "0", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionFields)
        assert "the start can be 18:00 at the latest" in str(
            app.screen.query_one("#fields-error", Label).render()
        )
        # the field refused has the focus, its value selected: typing replaces it
        assert app.screen.focused is app.screen.query_one("#field-0", Input)
        await pilot.press("1", "7", "4", "5", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert title(app).startswith("Mon 16 Nov 2026 · 17:45-19:00")
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("q")  # q cancels (a time field takes no letters)
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


async def test_deleting_the_session_asks_first_and_undo_brings_it_back(db, clock):
    monday, _ = seed(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_row(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n", "x", "y")  # no, then again and yes, in one burst
        await pilot.pause()
        assert title(app) == "Session deleted · u: undo · Esc/q: back"
        assert stored(db, monday) is None and rows(app) == []
        await pilot.press("u")
        await pilot.pause()
        assert len(rows(app)) == 5 and stored(db, monday) is not None
        await pilot.press("x", "y", "q")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen) and len(rows(app)) == 1


async def test_finishing_an_unfinished_session_with_the_end_pre_filled(db, clock):
    _, tuesday = seed(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_row(pilot, "down")
        assert "from 18:00, not finished" in title(app)
        await pilot.press("f")
        await pilot.pause()
        field = app.screen.query_one("#field-0", Input)
        assert field.value == "18:08"  # last set 18:03 + 5 min
        await pilot.press("enter")
        await pilot.pause()
        assert title(app).startswith("Tue 10 Nov 2026 · 18:00-18:08, 8 min")
        assert stored(db, tuesday).ended_at is not None
        assert app.screen.check_action("finish", ()) is False


async def test_resuming_an_unfinished_session_today_follows(db, clock):
    _, tuesday = seed(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_row(pilot, "down")
        await pilot.press("r")
        await pilot.pause()
        assert status(app).startswith("Resumed the session of Tue 10 Nov")
        await pilot.press("q", "q")
        await pilot.pause()
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert today.book.current is not None and today.book.current.id == tuesday
        assert "Barbell Curl" in str(today.exercises.row_text(0))
    with Store(db) as store:
        assert store.get_setting(RESUMED_SETTING) == tuesday


async def test_nothing_to_fix_keys_are_dimmed_not_errors(db, clock):
    seed(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_row(pilot)  # Monday: finished
        screen = app.screen
        assert screen.check_action("finish", ()) is False  # hidden: only for an open one
        assert screen.check_action("resume", ()) is False
        assert screen.check_action("undo", ()) is None
        await pilot.press("f", "r", "u")
        await pilot.pause()
        assert app.screen is screen and status(app) == ""


async def test_a_long_history_and_a_long_session_keep_the_title_and_status_on_screen(db, clock):
    """The tables scroll inside the screen: the title, the status line and the keys stay."""
    with Store(db) as store:
        for n in range(30):
            day = DAY - timedelta(days=n + 1)
            s = None
            for i in range(25 if n == 0 else 2):
                logged = LoggedSet(
                    "barbell-back-squat", 100, 5, 2, at=FixedClock(day).now() + timedelta(minutes=i)
                )
                s = store.log_set(logged, day=day, session_id=s.id if s else None)
            store.finish_session(s.id, FixedClock(day).now() + timedelta(minutes=40))
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        for screen_title in ("History: Enter opens a session", "Tue 17 Nov 2026"):
            top = app.screen.query_one("#title", Static)
            assert str(top.render()).startswith(screen_title)
            assert top.region.y == 0 and top.region.height >= 1
            table = app.screen.query_one(DataTable)
            assert table.region.y >= 1 and table.region.bottom <= SIZE[1] - 1
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        line = app.screen.query_one("#status", Static)
        assert status(app).startswith("Deleted the set")
        assert line.region.height >= 1 and line.region.bottom <= SIZE[1] - 1


async def test_keys_typed_after_a_dialog_answers_reach_the_session_screen_in_order(db, clock):
    """One packet: open, change the date, undo it, delete a set, delete the session (yes),
    undo that: each key lands where the one before it left the screen."""
    monday, _ = seed(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h", "enter", "c", *"2026-10-30", "enter", "u", "d", "x", "y", "u")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        s = stored(db, monday)
        assert s is not None and s.date == MONDAY and len(s.sets) == 4
        assert title(app).startswith("Mon 16 Nov 2026 · 18:00-18:30")
        assert status(app) == "Undone: the session of Mon 16 Nov 2026 is back as it was."


async def test_a_change_on_a_busy_database_says_so_and_the_screen_goes_on(db, clock):
    from ..store.test_busy import held

    monday, _ = seed(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_row(pilot)
        with held(db) as holder:
            await pilot.press("d")
            await pilot.pause()
            assert status(app).startswith("NOT changed: The training database")
            assert f"process {holder.pid}" in status(app)
        assert len(rows(app)) == 5 and len(stored(db, monday).sets) == 5
        await pilot.press("d")  # free again: the same key works
        await pilot.pause()
        assert status(app).startswith("Deleted the set") and len(stored(db, monday).sets) == 4


async def session_opened_by(db, clock, monkeypatch, *keys: str) -> str:
    """The day of the one session `keys`, read while History is built, open from it."""
    from .test_typing_ahead import keys_read_while_composing

    seed(db)
    keys_read_while_composing(monkeypatch, HistoryScreen, *keys)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        for _ in range(6):
            await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert len(app.screen_stack) == 3  # Today, History, one session
        return next(day for day in ("16 Nov", "10 Nov") if day in title(app))


async def test_keys_read_while_history_is_built_move_its_cursor_first(db, clock, monkeypatch):
    """ "h Down Enter" in one burst over a laggy link: Down and Enter can be read while
    History is still being built.  With nothing focused Textual gave them to the screen's
    bindings: Down was lost and Enter opened the newest session, not the one below it
    (ui/keys.py, EarlyKeys)."""
    assert await session_opened_by(db, clock, monkeypatch, "down", "enter") == "10 Nov"


async def test_a_past_squat_cannot_be_edited_to_no_load(db, clock):
    """A past squat set edited to 0 was saved as a bodyweight squat."""
    monday, _ = seed(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h", "enter", "down", "e", "0", "enter")
        await pilot.pause()
        assert status(app).startswith("NOT changed: 0 on Barbell Back Squat"), status(app)
        assert stored(db, monday).sets[1].describe() == "100 kg x 5 @2"


async def test_a_past_set_edited_in_one_packet_from_today_is_saved(db, clock):
    """ "h Enter Down e 55 Tab 6 Enter" in one packet: the keys after Enter were read while
    History's table had the focus and were lost there (a tester in tmux)."""
    from .test_typing_ahead import burst

    monday, _ = seed(db)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "h", "enter", "down", "e", "55", "tab", "6", "enter")
        for _ in range(4):
            await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert stored(db, monday).sets[1].describe() == "55 kg x 6 @2"


async def test_enter_then_down_read_while_history_is_built_opens_the_row_enter_was_on(
    db, clock, monkeypatch
):
    """Enter opened the row the cursor was on when its selection was handled, later: a
    Down read after it moved the cursor first, and Tuesday opened, not Monday."""
    assert await session_opened_by(db, clock, monkeypatch, "enter", "down") == "16 Nov"
