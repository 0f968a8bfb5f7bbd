"""Past sessions on a real database (past.py): edit or delete a set, change the date or the
times, finish or resume an unfinished one, delete a session, undo the last change; weekly
volume (through the real CLI) and Today's logbook follow."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from tui_tracker.cli import main
from tui_tracker.domain.inputs import InputError, SetInput
from tui_tracker.logbook import RESUMED_SETTING, Entry, Logbook
from tui_tracker.past import Past
from tui_tracker.store import Store, StoreError

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 18)  # a Wednesday, ISO week 47
MONDAY = date(2026, 11, 16)
LAST_WEEK = date(2026, 11, 10)  # week 46


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def today(self) -> date:
        return self.moment.date()

    def now(self) -> datetime:
        return self.moment


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def entry(kg: float, reps: int, rir: int | None = 2, note: str = "") -> Entry:
    return Entry(SetInput(kg, "kg", reps, rir), False, note)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "training.json"


@pytest.fixture
def store(db):
    with Store(db) as s:
        yield s


def train(
    store: Store,
    day: date,
    sets: int = 4,
    exercise: str = "barbell-back-squat",
    finish: bool = True,
):
    """A session on `day`: `sets` sets of 100 x 5 @2 from 18:04, one every 4 minutes."""
    clock = Clock(at(day, 18))
    book = Logbook(store, clock)
    for _ in range(sets):
        clock.moment += timedelta(minutes=4)
        book.log(exercise, entry(100, 5))
    if finish:
        clock.moment += timedelta(minutes=3)
        book.finish()
    return store.session(book.sessions[-1].id)


def quads(capsys, db, week: str) -> float:
    assert main(["--db", str(db), "volume", "--week", week, "--json"]) == 0
    return json.loads(capsys.readouterr().out)["muscles"]["quads"]["sets"]


def test_editing_and_deleting_a_set_of_a_past_session_with_undo(store):
    s = train(store, MONDAY)
    past = Past(store, TODAY)
    changed = past.edit_set(s, s.sets[1].id, entry(102.5, 4, 1, note="[b]belt[/b]"))
    assert changed.message == "Set changed to 102.5 kg x 4 @1."
    stored = store.session(s.id)
    assert stored.sets[1].describe() == "102.5 kg x 4 @1" and stored.sets[1].note == "[b]belt[/b]"
    assert stored.sets[1].id == s.sets[1].id and stored.sets[1].at == s.sets[1].at
    deleted = past.delete_set(stored, stored.sets[0].id)
    assert deleted.message == "Deleted the set 100 kg x 5 @2. Press u to undo."
    assert len(store.session(s.id).sets) == 3
    assert past.can_undo
    past.undo()  # undoes the delete only: the last change
    assert store.session(s.id) == stored
    assert not past.can_undo and past.undo() is None


def test_moving_a_session_to_last_month_and_back_volume_follows(store, db, capsys):
    s = train(store, MONDAY, sets=6)
    assert quads(capsys, db, "2026-W47") == 6.0
    past = Past(store, TODAY)
    change = past.change_date(s, "2026-10-28")
    assert change.message == "Moved the session to Wed 28 Oct 2026."
    assert quads(capsys, db, "2026-W47") == 0.0
    assert quads(capsys, db, "2026-W44") == 6.0
    assert store.session(s.id).sets[0].at == at(date(2026, 10, 28), 18, 4)
    past.undo()
    assert store.session(s.id) == s
    assert quads(capsys, db, "2026-W47") == 6.0 and quads(capsys, db, "2026-W44") == 0.0


@pytest.mark.parametrize(
    "text,message",
    [
        ("2026-11-19", "after today"),
        ("16.11.2026", "is not like 2026-11-16"),
        ("2026-11-16", "already dated 2026-11-16"),
        ("2026-02-30", "not a real date"),
    ],
)
def test_a_refused_date_changes_nothing_and_says_why(store, text, message):
    s = train(store, MONDAY)
    with pytest.raises(InputError, match=message):
        Past(store, TODAY).change_date(s, text)
    assert store.session(s.id) == s


def test_changing_the_times(store):
    s = train(store, MONDAY)  # sets 18:04 .. 18:16, finished 18:19
    past = Past(store, TODAY)
    change = past.change_times(s, "17:50", "19:05")
    assert change.message == "The session's times are now 17:50-19:05."
    stored = store.session(s.id)
    assert stored.started_at == at(MONDAY, 17, 50) and stored.ended_at == at(MONDAY, 19, 5)
    with pytest.raises(InputError, match="the start can be 18:04 at the latest"):
        past.change_times(stored, "18:30", "19:05")
    with pytest.raises(InputError, match="give an end, like 18:05"):
        past.change_times(stored, "18:00", "")
    with pytest.raises(InputError, match="times already"):
        past.change_times(stored, "17:50", "19:05")


def test_finishing_an_unfinished_session_of_an_earlier_day(store, db):
    s = train(store, MONDAY, finish=False)
    assert s.is_open
    past = Past(store, TODAY)
    with pytest.raises(InputError, match="the end can be 18:16 at the earliest"):
        past.finish(s, "18:10")
    change = past.finish(s, "18:21")
    assert change.message == "Finished the session at 18:21."
    assert store.session(s.id).ended_at == at(MONDAY, 18, 21)
    with pytest.raises(InputError, match="already finished"):
        past.finish(store.session(s.id), "18:30")
    past.undo()
    assert store.session(s.id).is_open


def test_deleting_a_whole_session_and_undo(store, db, capsys):
    s = train(store, MONDAY, sets=5)
    other = train(store, TODAY, sets=2)
    past = Past(store, TODAY)
    change = past.delete_session(s)
    assert change.message == "Deleted the session of Mon 16 Nov 2026. Press u to undo."
    assert store.session(s.id) is None and store.session(other.id) == other
    assert quads(capsys, db, "2026-W47") == 2.0
    past.undo()
    assert store.session(s.id) == s
    assert quads(capsys, db, "2026-W47") == 7.0


def test_a_change_made_elsewhere_meanwhile_is_not_overwritten(store, db):
    s = train(store, MONDAY)
    with Store(db) as other_process:
        Past(other_process, TODAY).delete_set(s, s.sets[0].id)
    past = Past(store, TODAY)
    with pytest.raises(StoreError, match="changed by another tui-tracker process"):
        past.change_date(s, "2026-11-15")
    assert len(store.session(s.id).sets) == 3 and store.session(s.id).date == MONDAY


def test_undo_refuses_when_the_session_changed_since(store, db):
    s = train(store, MONDAY)
    past = Past(store, TODAY)
    past.change_date(s, "2026-10-30")
    moved = store.session(s.id)
    with Store(db) as other_process:
        Past(other_process, TODAY).delete_set(moved, moved.sets[0].id)
    with pytest.raises(StoreError, match="changed by another"):
        past.undo()
    assert store.session(s.id).date == date(2026, 10, 30)


def test_resuming_an_unfinished_session_makes_todays_sets_join_it(store):
    s = train(store, LAST_WEEK, finish=False)
    clock = Clock(at(TODAY, 18))
    assert Logbook(store, clock).current is None  # a week old: not resumed on its own
    past = Past(store, TODAY)
    message = past.resume(s)
    assert message.startswith("Resumed the session of Tue 10 Nov")
    assert store.get_setting(RESUMED_SETTING) == s.id
    book = Logbook(store, clock)
    assert book.current is not None and book.current.id == s.id
    saved = book.log("barbell-bench-press", entry(80, 8))
    assert saved.session.id == s.id and len(saved.session.sets) == 5
    assert store.sessions_between(TODAY, TODAY) == []
    # finished from History: Today starts a new session again
    past.finish(store.session(s.id), "19:00")
    assert store.get_setting(RESUMED_SETTING) is None
    assert Logbook(store, clock).current is None


def test_resume_is_refused_with_a_reason(store):
    done = train(store, LAST_WEEK)
    open_old = train(store, LAST_WEEK + timedelta(days=1), finish=False)
    past = Past(store, TODAY)
    with pytest.raises(InputError, match="only an unfinished one can be resumed"):
        past.resume(done)
    today_open = train(store, TODAY, finish=False)
    with pytest.raises(InputError, match="this is today's session"):
        past.resume(today_open)
    with pytest.raises(InputError, match=r"today's session \(from 18:04\) is still open"):
        past.resume(open_old)
    assert store.get_setting(RESUMED_SETTING) is None


def test_a_resumed_session_deleted_elsewhere_is_simply_forgotten(store):
    s = train(store, LAST_WEEK, finish=False)
    Past(store, TODAY).resume(s)
    store.remove_session(s.id)  # as another process might
    book = Logbook(store, Clock(at(TODAY, 18)))
    assert book.current is None
    saved = book.log("barbell-bench-press", entry(80, 8))
    assert saved.session.date == TODAY and saved.new_session
