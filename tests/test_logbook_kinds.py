"""The logbook takes every kind of set a front end hands it (issue 14)."""

from __future__ import annotations

from datetime import date

import pytest

from tui_tracker.domain.inputs import InputError, SetInput
from tui_tracker.entries import Entry, with_entry
from tui_tracker.logbook import Logbook
from tui_tracker.store import Store

from .test_logbook import Clock

DAY = date(2026, 12, 1)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "training.json") as s:
        yield s


def test_each_kind_is_saved_as_typed(store):
    book = Logbook(store, Clock(DAY))
    drop = book.log("barbell-bench-press", Entry(SetInput(60, "kg", 10, 0), kind="drop"))
    pull = book.log("pull-up", Entry(SetInput(-30, "kg", 8, 2), superset="A"))
    plank = book.log("plank", Entry(SetInput(0, "kg", 0, None), duration_s=60))
    carry = book.log("farmers-walk", Entry(SetInput(32, "kg", 0, None), distance_m=40.0))
    warm = book.log("barbell-bench-press", Entry(SetInput(40, "kg", 5, None), warmup=True))
    saved = store.sessions_between(DAY, DAY)[0].sets
    assert [
        (s.kind, s.weight_kg, s.reps, s.duration_s, s.distance_m, s.superset) for s in saved
    ] == [
        ("drop", 60, 10, None, None, None),
        ("working", -30, 8, None, None, "A"),
        ("working", 0, 0, 60, None, None),
        ("working", 32, 0, None, 40.0, None),
        ("warmup", 40, 5, None, None, None),
    ]
    assert plank.set.describe(plank.exercise) == "60 s"
    assert carry.set.describe(carry.exercise) == "2 x 32 kg, 40 m"
    assert pull.set.describe(pull.exercise) == "BW-30 kg x 8 @2"
    assert drop.records == () and warm.set.is_warmup


def test_a_set_of_no_reps_needs_a_duration_or_a_distance(store):
    book = Logbook(store, Clock(DAY))
    with pytest.raises(InputError, match="at least one rep, unless it has a duration"):
        book.log("barbell-bench-press", Entry(SetInput(60, "kg", 0, None)))
    assert store.sessions_between(DAY, DAY) == []


def test_editing_with_an_entry_that_names_no_kind_keeps_the_sets_own(store):
    """The edit dialog before this change knows warm-up or not: a drop set stays a drop set,
    a plank keeps its 60 s."""
    book = Logbook(store, Clock(DAY))
    drop = book.log("barbell-bench-press", Entry(SetInput(60, "kg", 10, 0), kind="drop")).set
    plank = book.log("plank", Entry(SetInput(0, "kg", 0, None), duration_s=60)).set
    assert with_entry(drop, Entry(SetInput(55, "kg", 10, 0))).kind == "drop"
    assert with_entry(drop, Entry(SetInput(55, "kg", 10, 0), warmup=True)).kind == "warmup"
    kept = with_entry(plank, Entry(SetInput(0, "kg", 0, None), note="hard"))
    assert kept.duration_s == 60 and kept.note == "hard"
    changed = with_entry(plank, Entry(SetInput(0, "kg", 0, None), kind="working", duration_s=75))
    assert changed.duration_s == 75
    back = with_entry(drop, Entry(SetInput(55, "kg", 10, 0), kind="working"))
    assert back.kind == "working"
    session = book.sessions[0]
    assert book.edit(session.id, kept).set.duration_s == 60
    with pytest.raises(InputError, match="at least one rep"):
        book.edit(session.id, with_entry(plank, Entry(SetInput(0, "kg", 0, None), kind="working")))


def test_a_negative_load_only_on_an_exercise_that_lifts_the_body(store):
    book = Logbook(store, Clock(DAY))
    with pytest.raises(InputError, match="Barbell Bench Press does not lift the body"):
        book.log("barbell-bench-press", Entry(SetInput(-30, "kg", 8, 2)))
    assert book.log("assisted-pull-up", Entry(SetInput(-30, "kg", 8, 2))).set.weight_kg == -30


def test_no_e1rm_or_volume_record_from_the_added_load_of_a_bodyweight_exercise(store):
    """BW+30 beats BW+20 on added load alone: that is no e1RM (the body is most of it)."""
    first = Logbook(store, Clock(date(2026, 11, 24)))
    first.log("pull-up", Entry(SetInput(20, "kg", 8, 2)))
    first.log("pull-up", Entry(SetInput(0, "kg", 10, 1)))
    book = Logbook(store, Clock(DAY))
    heavier = book.log("pull-up", Entry(SetInput(30, "kg", 8, 2)))
    assert heavier.records == ()
    more_reps = book.log("pull-up", Entry(SetInput(0, "kg", 12, 1)))
    assert [r.message for r in more_reps.records] == [
        "Most reps at bodyweight on Pull-Up: 12 (was 10)"
    ]
