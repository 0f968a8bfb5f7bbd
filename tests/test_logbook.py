"""The logbook on a real database: one way to log, edit, delete, undo, finish for every front end."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tui_tracker.domain.inputs import SetInput
from tui_tracker.domain.models import LoggedSet
from tui_tracker.domain.templates import build_mesocycle
from tui_tracker.entries import Entry, with_entry
from tui_tracker.logbook import Logbook
from tui_tracker.store import Store, StoreError

TZ = timezone(timedelta(hours=1))
MONDAY = date(2026, 11, 2)  # Upper A in the upper/lower template: bench 4 x 5-8 first


class Clock:
    def __init__(self, day: date, hour: int = 18) -> None:
        self.moment = datetime(day.year, day.month, day.day, hour, tzinfo=TZ)

    def today(self) -> date:
        return self.moment.date()

    def now(self) -> datetime:
        return self.moment

    def advance(self, **kw) -> None:
        self.moment += timedelta(**kw)


def entry(kg: float, reps: int, rir: int | None = 2, warmup: bool = False, note: str = "") -> Entry:
    return Entry(SetInput(kg, "kg", reps, rir), warmup, note)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "training.json") as s:
        yield s


def test_sets_go_to_one_session_and_number_per_exercise(store):
    book = Logbook(store, Clock(MONDAY))
    first = book.log("barbell-back-squat", entry(100, 5))
    assert first.new_session and first.number == 1 and first.session.is_open
    second = book.log("barbell-back-squat", entry(100, 5))
    third = book.log("barbell-bench-press", entry(80, 8))
    assert not second.new_session and second.number == 2 and third.number == 1
    assert first.session.id == second.session.id == third.session.id
    assert [s.weight_kg for _, s in book.sets_today("barbell-back-squat")] == [100, 100]


def test_after_finishing_a_set_starts_a_new_session_and_a_restart_resumes_it(store):
    clock = Clock(MONDAY)
    book = Logbook(store, clock)
    book.log("barbell-back-squat", entry(100, 5))
    finished = book.finish()
    assert finished.counts.working == 1 and not finished.session.is_open
    clock.advance(minutes=30)
    later = book.log("barbell-back-squat", entry(100, 5))
    assert later.new_session and later.session.id != finished.session.id
    assert later.number == 2  # the day's second squat set, across both sessions
    assert len(store.session(finished.session.id).sets) == 1  # the finished one is untouched

    again = Logbook(store, clock)  # the app restarted
    assert again.current is not None and again.current.id == later.session.id
    assert len(again.sets_today("barbell-back-squat")) == 2


def test_plan_progress_and_final_set_count_the_whole_day_after_finishing(store):
    store.save_mesocycle(build_mesocycle("upper-lower-4", 4, MONDAY, name="Block"))
    book = Logbook(store, Clock(MONDAY))
    for _ in range(3):
        book.log("barbell-bench-press", entry(80, 8))
    book.finish()
    assert book.working_done("barbell-bench-press") == 3  # not 0/4 after `f`
    assert book.is_final_set("barbell-bench-press") is True  # the 4th of 4 planned
    assert book.is_final_set("lat-pulldown") is False
    assert book.is_final_set("cable-crossover") is None  # not planned today


def test_final_set_advice_follows_the_plan_not_the_command(store):
    """`log` with one set per call between sets: the plan says which set is the last."""
    store.save_mesocycle(build_mesocycle("upper-lower-4", 4, MONDAY, name="Block"))
    book = Logbook(store, Clock(MONDAY))
    early = book.log("barbell-bench-press", entry(80, 8, rir=0))
    assert early.advice.level == "advice" and "before the final set" in early.advice.message
    for _ in range(2):
        book.log("barbell-bench-press", entry(80, 8))
    last = book.log("barbell-bench-press", entry(80, 6, rir=0))
    assert last.advice.level == "fine"


@pytest.mark.parametrize(
    "status,says",
    [
        ("new", "New to lifting, the margin"),
        ("some_years", "for trained lifters, as you are"),
        (None, "set your training status"),
    ],
)
def test_the_compound_caution_names_the_lifters_training_status(store, status, says):
    """The caution on compounds is the evidence's for trained lifters: its line says
    whether that is the lifter, from the settings the front end hands the logbook."""
    book = Logbook(store, Clock(MONDAY), training_status=status)
    advice = book.log("barbell-bench-press", entry(80, 8, rir=0)).advice
    assert advice.level == "advice" and says in advice.evidence


def test_last_time_never_points_at_todays_own_sets(store):
    clock = Clock(MONDAY - timedelta(days=4))
    Logbook(store, clock).log("barbell-back-squat", entry(90, 5))
    book = Logbook(store, Clock(MONDAY))
    book.log("barbell-back-squat", entry(100, 5))
    book.finish()
    session, sets = Logbook(store, Clock(MONDAY)).last_time("barbell-back-squat")
    assert session.date == MONDAY - timedelta(days=4) and [s.weight_kg for s in sets] == [90]


def test_the_first_working_set_after_warmups_gets_the_plans_target(store):
    store.save_mesocycle(
        build_mesocycle("upper-lower-4", 4, MONDAY - timedelta(weeks=1), name="Block")
    )
    Logbook(store, Clock(MONDAY - timedelta(weeks=1))).log(
        "barbell-bench-press", entry(80, 8, rir=3)
    )
    book = Logbook(store, Clock(MONDAY))  # week 2: target RIR 3 (4-week block: 3,3,2,1)
    book.log("barbell-bench-press", entry(40, 8, rir=None, warmup=True))
    book.log("barbell-bench-press", entry(60, 5, rir=None, warmup=True))
    working = book.prefill("barbell-bench-press", "kg", warmup=False)
    assert (working.weight_kg, working.reps, working.rir, working.warmup) == (80, 8, 3, False)
    assert book.prefill("barbell-bench-press", "kg").warmup  # carries on with warm-ups


def test_another_process_finishing_the_session_starts_a_new_one_here(store, tmp_path):
    clock = Clock(MONDAY)
    book = Logbook(store, clock)
    first = book.log("barbell-back-squat", entry(100, 5))
    with Store(store.path) as other:
        other.finish_session(first.session.id, clock.now())
    second = book.log("barbell-back-squat", entry(100, 5))
    assert second.new_session and second.session.id != first.session.id


def test_a_set_logged_elsewhere_joins_the_session_open_here(store):
    """Two SSH logins, or the TUI and `tui-tracker log`: one session for the day."""
    clock = Clock(MONDAY)
    tui = Logbook(store, clock)
    opened = tui.log("barbell-back-squat", entry(100, 5))
    with Store(store.path) as other:
        cli = Logbook(other, clock)
        assert cli.log("barbell-bench-press", entry(80, 8)).session.id == opened.session.id


def test_edit_delete_undo_keep_the_set_in_its_place(store):
    book = Logbook(store, Clock(MONDAY))
    sets = [book.log("barbell-back-squat", entry(100 + i, 5)).set for i in range(3)]
    session_id = book.current.id
    changed = book.edit(session_id, with_entry(sets[1], entry(102.5, 4, note="belt")))
    assert changed.index == 1 and changed.set.weight_kg == 102.5 and changed.set.id == sets[1].id
    deleted = book.delete(session_id, sets[0].id)
    assert deleted.index == 0 and book.can_undo
    restored = book.undo()
    assert restored.index == 0 and not book.can_undo
    assert [s.weight_kg for s in store.session(session_id).sets] == [100, 102.5, 102]
    assert book.undo() is None


def test_reopen_carries_on_with_the_finished_session(store):
    book = Logbook(store, Clock(MONDAY))
    first = book.log("barbell-back-squat", entry(100, 5)).session
    book.finish()
    assert book.finished_today
    assert book.reopen().id == first.id
    assert book.log("barbell-back-squat", entry(100, 5)).session.id == first.id


def test_finishing_with_nothing_open_says_so(store):
    book = Logbook(store, Clock(MONDAY))
    with pytest.raises(StoreError, match="no session to finish"):
        book.finish()


def test_a_session_after_midnight_is_still_the_nights_session(store):
    night = Clock(MONDAY, hour=23)
    Logbook(store, night).log("barbell-back-squat", entry(100, 5))
    night.advance(hours=2)  # 01:00 the next day
    book = Logbook(store, night)
    assert book.current is not None and book.current.date == MONDAY
    assert book.log("barbell-back-squat", entry(100, 5)).session.date == MONDAY
    assert len(book.sets_today("barbell-back-squat")) == 2


def test_with_entry_keeps_id_and_time():
    s = LoggedSet("barbell-back-squat", 100, 5, 2, datetime(2026, 11, 2, 18, tzinfo=TZ))
    changed = with_entry(s, entry(60, 5, None, warmup=True, note="ramp"))
    assert (changed.id, changed.at) == (s.id, s.at)
    assert (changed.weight_kg, changed.kind, changed.note, changed.rir) == (
        60,
        "warmup",
        "ramp",
        None,
    )
