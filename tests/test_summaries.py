"""The finish summary and an exercise's history, read from a real database through the logbook."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tui_tracker.domain.templates import build_mesocycle
from tui_tracker.logbook import Logbook
from tui_tracker.store import Store, StoreError
from tui_tracker.summaries import history_of, summary_of

from .test_logbook import MONDAY, Clock, entry

BENCH = "barbell-bench-press"


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "training.json") as s:
        yield s


def last_week(store):
    """Monday a week earlier: bench 80 x 8 @2 twice (e1RM 106.7, 1,280 kg)."""
    book = Logbook(store, Clock(MONDAY - timedelta(weeks=1)))
    book.log(BENCH, entry(80, 8))
    book.log(BENCH, entry(80, 8))
    book.finish()


def test_the_summary_of_a_planned_day_with_sets_left(store):
    store.save_mesocycle(build_mesocycle("upper-lower-4", 4, MONDAY))  # Upper A: bench 4 sets
    last_week(store)
    clock = Clock(MONDAY)
    book = Logbook(store, clock)
    assert summary_of(book) is None  # nothing open: nothing to sum up
    book.log(BENCH, entry(60, 5, None, warmup=True))
    book.log(BENCH, entry(82.5, 8))  # 82.5 x (1 + 10/30) = 110 beats 106.7
    clock.advance(minutes=3)
    book.log(BENCH, entry(82.5, 8))  # 1,320 kg beats 1,280
    clock.advance(minutes=42)
    s = summary_of(book)
    assert s.duration == "45 min" and str(s.counts) == "2 working sets + 1 warm-up of 1 exercise"
    assert (s.exercises[0].name, s.exercises[0].sets_text) == ("Barbell Bench Press", "2/4 +1w")
    assert s.planned_left == 2 + 3 + 3 + 3 + 4 + 3 + 3  # bench 2 more, the six others untouched
    assert s.question == "21 planned sets left: finish anyway?"
    assert [r.kind for r in s.records] == ["e1rm", "volume"]
    assert s.week_label == "this week (W1)"
    chest = next(m for m in s.muscles if m.muscle == "chest")
    assert (chest.before, chest.after, chest.band) == (0, 2, (10, 16))


def test_a_damaged_old_month_gives_a_summary_without_records(store, monkeypatch):
    last_week(store)
    book = Logbook(store, Clock(MONDAY))
    book.log(BENCH, entry(82.5, 8))

    def damaged():
        raise StoreError("training.sessions-2026-10.json does not parse")

    monkeypatch.setattr(book, "read_records", damaged)
    s = summary_of(book)
    assert s.records is None and str(s.counts) == "1 working set of 1 exercise"


def test_an_exercises_history_reads_every_month_and_today(store):
    for weeks in (9, 5, 1):  # August, September, October: a month file each
        book = Logbook(store, Clock(MONDAY - timedelta(weeks=weeks)))
        book.log(BENCH, entry(70 + weeks, 8))
        book.finish()
    book = Logbook(store, Clock(MONDAY))
    book.log(BENCH, entry(82.5, 8))
    h = history_of(book, BENCH, recent=3)
    assert h.name == "Barbell Bench Press" and h.total_sessions == 4
    assert [line.best.weight_kg for line in h.sessions] == [82.5, 71, 75]
    assert h.records.e1rm.value == pytest.approx(110)  # today's 82.5 x 8 @2
