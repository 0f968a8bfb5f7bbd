"""The logbook as coach, on a real database: the pre-fill is the suggestion with its reason,
the next set follows the last, and a saved set says which records it beat."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui_tracker.domain.deload import start_deload
from tui_tracker.domain.models import LoggedSet, to_kg
from tui_tracker.domain.templates import build_mesocycle
from tui_tracker.logbook import Logbook
from tui_tracker.store import Store

from .test_logbook import Clock, entry

START = date(2026, 11, 2)  # Monday: Upper A, bench 4 x 5-8 first; 4-week targets 3,3,2,1
BENCH = "barbell-bench-press"


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "training.json") as s:
        yield s


def block(store, weeks=4):
    meso = build_mesocycle("upper-lower-4", weeks, START, name="Block")
    store.save_mesocycle(meso)
    return meso


def train(store, day, exercise_id, *sets):
    book = Logbook(store, Clock(day))
    for kg, reps, rir in sets:
        book.log(exercise_id, entry(kg, reps, rir))
    book.finish()


def test_three_weeks_of_history_give_every_planned_exercise_a_load_and_a_reason(store):
    meso = block(store)
    for week in range(3):
        monday = START + timedelta(weeks=week)
        for p in meso.days[0].exercises:
            train(
                store,
                monday,
                p.exercise_id,
                (40 + 2.5 * week, p.rep_low + 1, 2),
                (40 + 2.5 * week, p.rep_low, 2),
            )
    book = Logbook(store, Clock(START + timedelta(weeks=3)))  # week 4: target @1
    found = book.suggestions("kg")
    assert [s.exercise_id for s in found] == [p.exercise_id for p in meso.days[0].exercises]
    for s in found:
        assert s.weight_kg and s.reason and s.rir is not None
    bench = found[0]
    # 45 x 6 @2 on 16 Nov: e1RM 45 x (1 + 8/30) = 57; 6 @1: 57 / (1 + 7/30) = 46.2 -> 45
    assert (bench.rule, bench.weight_kg, bench.reps, bench.rir) == ("e1rm", 45, 6, 1)
    assert bench.reason == "45 kg x 6 @2 on 16 Nov: e1RM 57; 6 @1: 57/(1+7/30) = 46.22 -> 45 kg"


def test_the_first_working_set_is_prefilled_with_the_suggestion_and_its_reason(store):
    block(store)
    train(store, START, BENCH, (100, 8, 2))
    book = Logbook(store, Clock(START + timedelta(weeks=2)))  # week 3: target @2
    p = book.prefill(BENCH, "kg")
    assert (p.weight_kg, p.reps, p.rir, p.warmup) == (100, 8, 2, False)
    assert p.reason == "100 kg x 8 @2 on 2 Nov: e1RM 133.33; 8 @2: 133.33/(1+10/30) = 100 -> 100 kg"
    book = Logbook(store, Clock(START + timedelta(weeks=3)))  # week 4: target @1
    p = book.prefill(BENCH, "kg")
    assert (p.weight_kg, p.reps, p.rir) == (102.5, 8, 1)


def test_the_next_set_follows_the_last(store):
    block(store)
    train(store, START, BENCH, (100, 8, 2))
    book = Logbook(store, Clock(START + timedelta(weeks=2)))  # target @2
    book.log(BENCH, entry(100, 8, 0))  # harder than planned
    p = book.prefill(BENCH, "kg")
    assert (p.weight_kg, p.reps, p.rir) == (100, 6, 2)
    assert p.reason == "last set 100 kg x 8 @0: 2 harder than @2: 2 fewer reps, 6 at 100 kg"
    book.log(BENCH, entry(100, 6, 3))  # easier
    assert (book.prefill(BENCH, "kg").reps) == 7


def test_warmups_keep_their_own_prefill(store):
    block(store)
    train(store, START, BENCH, (100, 8, 2))
    book = Logbook(store, Clock(START + timedelta(weeks=2)))
    book.log(BENCH, entry(40, 8, None, warmup=True))
    p = book.prefill(BENCH, "kg")
    assert p.warmup and (p.weight_kg, p.reps, p.reason) == (40, 8, "")
    working = book.prefill(BENCH, "kg", warmup=False)
    assert (working.weight_kg, working.reps, working.rir) == (100, 8, 2) and working.reason


def test_first_time_keeps_the_plans_reps_and_says_why(store):
    block(store)
    p = Logbook(store, Clock(START)).prefill(BENCH, "kg")
    assert (p.weight_kg, p.reps, p.rir) == (None, 5, 3)
    assert p.reason == "first time: pick a load for 5-8 reps with 3 in reserve"


def test_pounds_stay_pounds(store):
    block(store)
    book = Logbook(store, Clock(START))
    book.log(BENCH, entry_lb(225, 8, 3))
    book.finish()
    later = Logbook(store, Clock(START + timedelta(weeks=3)))  # @1
    # 225 x 8 @3 = e1RM 307.5; 8 @1: 307.5 / 1.3 = 236.5 -> 235 lb
    s = later.suggestion(BENCH, "kg")
    assert s.unit == "lb" and s.weight == 235
    p = later.prefill(BENCH, "kg")
    assert p.unit == "lb" and p.weight_kg == pytest.approx(to_kg(235, "lb"))


def entry_lb(weight, reps, rir):
    from tui_tracker.domain.inputs import SetInput
    from tui_tracker.logbook import Entry

    return Entry(SetInput(to_kg(weight, "lb"), "lb", reps, rir))


def test_the_rounding_function_is_given_to_the_logbook(store):
    block(store)
    train(store, START, BENCH, (100, 8, 2))

    def stack(kg, exercise, unit):  # 10 kg steps
        return round(kg / 10) * 10

    book = Logbook(store, Clock(START + timedelta(weeks=3)), round_load=stack)  # @1: 102.56
    assert book.suggestion(BENCH, "kg").weight_kg == 100


def test_deload_week_takes_90_percent_of_the_load_before_it(store):
    meso = block(store)
    train(store, START + timedelta(weeks=3), BENCH, (100, 8, 1))
    deload_day = START + timedelta(weeks=4)
    store.save_mesocycle(start_deload(meso, deload_day))
    book = Logbook(store, Clock(deload_day))
    s = book.suggestion(BENCH, "kg")
    assert (s.rule, s.weight_kg, s.rir) == ("deload", 90, 4)
    # the deload's own sessions are not what 90% is taken of
    book.log(BENCH, entry(90, 8, 4))
    book.finish()
    assert (
        Logbook(store, Clock(deload_day + timedelta(days=3))).suggestion(BENCH, "kg").weight_kg
        == 90
    )


def test_suggestions_without_a_plan_cover_what_was_done_today(store):
    train(store, START - timedelta(days=3), "barbell-back-squat", (100, 5, 2))
    book = Logbook(store, Clock(START))
    assert book.suggestions("kg") == []
    book.log("barbell-back-squat", entry(100, 5, 2))
    (s,) = book.suggestions("kg")
    assert (s.exercise_id, s.weight_kg, s.reps, s.rule) == (
        "barbell-back-squat",
        100,
        5,
        "in_session",
    )


# --- records ---------------------------------------------------------------------------


def test_a_saved_set_says_which_records_it_beat(store):
    train(store, START, BENCH, (100, 8, 2), (100, 6, 2))  # e1RM 133.3, volume 1,400
    book = Logbook(store, Clock(START + timedelta(days=3)))
    assert book.log(BENCH, entry(100, 8, 2)).records == ()
    saved = book.log(BENCH, entry(102.5, 8, 2))
    assert [r.message for r in saved.records] == [
        "Best e1RM on Barbell Bench Press: 136.7 kg from 102.5 kg x 8 @2 (was 133.3 kg)",
        "Best session volume on Barbell Bench Press: 1,620 kg (was 1,400 kg)",
    ]
    again = book.log(BENCH, entry(100, 9, 2))
    assert [r.kind for r in again.records] == ["reps"]  # 9 at 100 kg; e1RM 136.7 ties


def test_the_first_set_ever_and_warmups_are_no_records(store):
    book = Logbook(store, Clock(START))
    assert book.log(BENCH, entry(100, 8, 2)).records == ()
    assert book.log(BENCH, entry(200, 9, None, warmup=True)).records == ()


def test_imported_history_is_beaten_but_never_announced(store):
    from tui_tracker.domain.models import Session
    from .test_logbook import TZ
    from datetime import datetime

    day = START - timedelta(days=7)
    at = datetime(day.year, day.month, day.day, 18, tzinfo=TZ)
    imported = Session(day, at, (LoggedSet(BENCH, 110, 8, 2, at),), ended_at=at)
    assert store.import_sessions([imported]) == 1  # the import itself goes past the logbook
    book = Logbook(store, Clock(START))
    assert book.log(BENCH, entry(105, 8, 2)).records == ()  # 140 < the imported 146.7
    assert [r.kind for r in book.log(BENCH, entry(112.5, 8, 2)).records] == ["e1rm", "volume"]


def test_records_count_a_session_across_midnight(store):
    clock = Clock(START, hour=23)
    train(store, START - timedelta(days=7), BENCH, (100, 8, 2))
    book = Logbook(store, clock)
    book.log(BENCH, entry(100, 8, 2))
    clock.advance(hours=2)  # 01:00: the same session, now dated yesterday
    late = Logbook(store, clock)
    assert late.current is not None
    assert [r.kind for r in late.log(BENCH, entry(100, 9, 2)).records] == ["e1rm", "reps", "volume"]


def test_history_for_records_is_read_once_and_can_be_read_ahead(store, monkeypatch):
    train(store, START, BENCH, (100, 8, 2))
    book = Logbook(store, Clock(START + timedelta(days=3)))
    reads = []
    real = store.sessions_between
    monkeypatch.setattr(store, "sessions_between", lambda a, b: reads.append((a, b)) or real(a, b))
    assert BENCH in book.read_records()  # ahead of the first save
    assert len(reads) == 1
    book.log(BENCH, entry(100, 8, 2))
    book.log(BENCH, entry(102.5, 8, 2))
    assert len(reads) == 1  # the saves used what was read
    book.reload()  # another process may have written: read again when needed
    book.log(BENCH, entry(100, 8, 2))
    assert len(reads) == 3  # the day's sessions, then the history


def test_a_damaged_old_month_never_turns_a_saved_set_into_an_error(tmp_path):
    """The set is committed before the records are looked up: an old month file that no
    longer reads costs the record announcement, never the outcome (the set is saved)."""
    from tui_tracker.store.paths import month_of, month_path

    db = tmp_path / "training.json"
    old = START - timedelta(days=200)
    with Store(db) as store:
        train(store, old, BENCH, (100, 8, 2))
    path = month_path(db, month_of(old))
    path.write_bytes(path.read_bytes()[:-20])  # truncated
    with Store(db) as store:
        book = Logbook(store, Clock(START))
        saved = book.log(BENCH, entry(110, 8, 2))
        assert saved.records == () and saved.set.weight_kg == 110
        assert [s.weight_kg for _, s in book.sets_today(BENCH)] == [110]
