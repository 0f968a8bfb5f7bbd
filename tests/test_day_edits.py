"""Today's plan changed through the logbook on a real database: on disk at once, for
that day only, and kept across a restart."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui_tracker.day_edits import DayEdits
from tui_tracker.domain.templates import build_mesocycle
from tui_tracker.logbook import Logbook
from tui_tracker.store import Store

from .test_logbook import Clock, entry

MONDAY = date(2026, 11, 2)  # Upper A: bench 4x5-8, row 3x6-10, OHP 3x6-10, pulldown, ...
WEDNESDAY = MONDAY + timedelta(days=2)  # a rest day; Thursday is Upper B


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "training.json") as s:
        s.save_mesocycle(build_mesocycle("upper-lower-4", 4, MONDAY))
        yield s


def reopened(store, day: date) -> Logbook:
    return Logbook(store, Clock(day))


def test_a_swap_is_saved_for_the_day_and_the_plan_stays(store):
    book = reopened(store, MONDAY)
    edits = DayEdits(book)
    assert edits.swap("barbell-bench-press", "dumbbell-bench-press") == "barbell-bench-press"
    assert book.planned_ids()[0] == "dumbbell-bench-press"
    assert book.slot("dumbbell-bench-press").target_text == "4x5-8 @3"
    # a restart keeps it; the next Monday is as planned
    assert reopened(store, MONDAY).planned_ids()[0] == "dumbbell-bench-press"
    assert reopened(store, MONDAY + timedelta(weeks=1)).planned_ids()[0] == "barbell-bench-press"
    # a set logged counts against the plan's 4 sets, and swapping back is allowed
    book.log("dumbbell-bench-press", entry(30, 8))
    assert book.working_done("dumbbell-bench-press") == 1
    edits.swap("dumbbell-bench-press", "barbell-bench-press")
    assert reopened(store, MONDAY).planned_ids()[0] == "barbell-bench-press"


def test_reorder_and_skip_are_saved_for_the_day(store):
    book = reopened(store, MONDAY)
    edits = DayEdits(book)
    first, second = book.planned_ids()[:2]
    assert not edits.move(first, -1)  # already first
    assert edits.move(second, -1)
    edits.skip(first, "rack taken")
    again = reopened(store, MONDAY)
    assert again.planned_ids()[:2] == [second, first]
    assert again.slot(first).skipped == "rack taken"
    DayEdits(again).skip(first, None)
    assert reopened(store, MONDAY).slot(first).skipped is None


def test_only_the_plans_exercises_can_be_changed(store):
    edits = DayEdits(reopened(store, MONDAY))
    with pytest.raises(ValueError, match="only the plan's exercises"):
        edits.skip("hammer-curl", "")


def test_next_exercise_passes_over_done_and_skipped_ones(store):
    book = reopened(store, MONDAY)
    edits = DayEdits(book)
    ids = book.planned_ids()
    edits.skip(ids[1], "")
    assert edits.next_exercise(ids[0]) == ids[2]
    for _ in range(3):
        book.log(ids[2], entry(50, 8))
    assert edits.next_exercise(ids[0]) == ids[3]
    assert edits.next_exercise(ids[-1]) == ids[0]  # wraps round to the one not done
    assert edits.next_exercise("hammer-curl") is None


def test_a_rest_day_does_the_next_day_today_and_its_date_rests(store):
    book = reopened(store, WEDNESDAY)
    edits = DayEdits(book)
    assert book.workout.rest_day
    found = edits.next_day()
    assert (found.on, found.day.name) == (WEDNESDAY + timedelta(days=1), "Upper B")
    edits.pull_forward()
    assert book.workout.day_name == "Upper B" and book.workout.moved_from == found.on
    assert edits.next_day() is None
    again = reopened(store, WEDNESDAY)
    assert again.workout.day_name == "Upper B" and again.planned_ids()
    thursday = reopened(store, found.on)
    assert thursday.workout.rest_day
    assert DayEdits(thursday).next_day().day.name == "Lower B"


def test_the_swap_search_offers_the_planned_exercise_back_first(store):
    book = reopened(store, MONDAY)
    edits = DayEdits(book)
    plain = edits.swap_ranking("barbell-bench-press")("")
    assert "barbell-bench-press" not in [e.id for e in plain]
    assert all("chest" in e.primary for e in plain[:3])
    edits.swap("barbell-bench-press", "dumbbell-bench-press")
    rank = edits.swap_ranking("dumbbell-bench-press")
    swapped = rank("")
    assert swapped[0].id == "barbell-bench-press"
    assert rank("bench")[0].id == "barbell-bench-press"  # the name typed, too
    assert "dumbbell-bench-press" not in [e.id for e in swapped]
    edits.swap("dumbbell-bench-press", swapped[0].id)
    assert (
        book.planned_ids()[0] == "barbell-bench-press"
        and not book.slot("barbell-bench-press").swapped
    )


def test_a_swap_ranking_still_ranks_after_its_swap_is_made(store):
    """A search update queued behind Enter ranks once the swap is made: it ranks as when
    the search opened, it does not look the swapped-out exercise up in the day again."""
    book = reopened(store, MONDAY)
    edits = DayEdits(book)
    rank = edits.swap_ranking("barbell-bench-press")
    before = rank("bench")
    edits.swap("barbell-bench-press", "dumbbell-bench-press")
    assert rank("bench") == before
    with pytest.raises(ValueError, match="only the plan's exercises"):
        edits.swap_ranking("barbell-bench-press")  # no longer on the day
