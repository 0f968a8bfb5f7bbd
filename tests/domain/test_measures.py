"""Timed and distance exercises, the unit of entry, and the added load typed in the panel."""

from __future__ import annotations

import pytest

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.inputs import InputError
from tui_tracker.domain.measures import (
    DISTANCE,
    TIMED,
    load_problem,
    load_unit,
    measure_of,
    parse_added,
    parse_metres,
    parse_seconds,
)
from tui_tracker.domain.models import Exercise, to_kg

CAT = Catalogue()


def test_every_named_id_is_in_the_catalogue():
    assert all(CAT.get(i) is not None for i in TIMED | DISTANCE)


@pytest.mark.parametrize(
    "name, measure",
    [
        ("Plank", "time"),
        ("Side Plank", "time"),
        ("Dead Hang", "time"),
        ("Wall Sit", "time"),
        ("Farmer's Walk", "distance"),
        ("Sled Push", "distance"),
        ("Plank Push-Up", "reps"),
        ("Walking Lunge", "reps"),
        ("Barbell Back Squat", "reps"),
        ("Pull-Up", "reps"),
    ],
)
def test_measure_of_catalogue(name, measure):
    assert measure_of(CAT.find(name)) == measure


@pytest.mark.parametrize(
    "name, measure",
    [
        ("Copenhagen Hold", "time"),
        ("Suitcase Carry", "distance"),
        ("Zercher Walk", "distance"),
        ("Hang Clean Pull", "time"),
        ("Zercher Walking Lunge", "reps"),
        ("Cable Y Raise", "reps"),
    ],
)
def test_measure_of_the_lifters_own(name, measure):
    assert measure_of(Exercise("custom-x", name, ("abs",), custom=True)) == measure


def test_load_unit():
    assert load_unit(CAT.find("Pull-Up"), "kg") == "kg added"
    assert load_unit(CAT.find("Dumbbell Bench Press"), "kg") == "kg per dumbbell"
    assert load_unit(CAT.find("Farmer's Walk"), "lb") == "lb per hand"
    assert load_unit(CAT.find("Barbell Back Squat"), "lb") == "lb"


@pytest.mark.parametrize(
    "text, kg",
    [
        ("", 0.0),
        ("0", 0.0),
        ("+0", 0.0),
        ("-0", 0.0),
        ("20", 20.0),
        ("+20", 20.0),
        ("-30", -30.0),
        ("+2,5", 2.5),
    ],
)
def test_parse_added(text, kg):
    assert parse_added(text, "kg") == (kg, "kg")


def test_parse_added_in_lb_and_refusals():
    kg, unit = parse_added("-45", "lb")
    assert unit == "lb" and kg == pytest.approx(-to_kg(45, "lb"))
    for bad in ("+-5", "--5", "5.555", "x"):
        with pytest.raises(InputError):
            parse_added(bad, "kg")


def test_seconds_and_metres():
    assert parse_seconds("60") == 60
    assert parse_metres("40") == 40.0 and parse_metres("12,5") == 12.5
    for bad in ("", "0", "1.5", "86401"):
        with pytest.raises(InputError):
            parse_seconds(bad)
    for bad in ("", "0", "-3", "x", "100001"):
        with pytest.raises(InputError):
            parse_metres(bad)


# --- a load that cannot be: 0 kg on a bar, a dumbbell or a stack --------------------------


@pytest.mark.parametrize(
    "exercise_id",
    ["barbell-back-squat", "barbell-bench-press", "dumbbell-curl", "lat-pulldown"],
)
def test_no_load_on_a_lift_that_always_moves_one_is_refused(exercise_id):
    """A 0 typed on a squat (a slip, or "200" whose 2 went elsewhere) was saved as BW and
    announced as a bodyweight record."""
    ex = CAT.get(exercise_id)
    assert ex is not None and ex.equipment in {"barbell", "dumbbell", "cable", "machine"}
    problem = load_problem(ex, 0.0)
    assert problem is not None and ex.name in problem and "weight lifted" in problem
    assert load_problem(ex, 20.0) is None


def test_no_load_is_a_set_where_it_can_be():
    """Bodyweight lifts (0 added is BW), bands, a lifter's own exercises ("other"), holds
    and carries take a 0; so do Smith and plate-loaded machines, often logged by the
    plates alone."""
    fine = [
        Exercise("x-band", "Band Pull-Apart", ("rear_delts",), equipment="band"),
        Exercise("custom-x", "My Thing", ("abs",), custom=True),
        Exercise("x-smith", "Smith Squat", ("quads",), equipment="smith"),
        Exercise("x-sled", "Leg Press", ("quads",), equipment="plate-loaded"),
        CAT.get("pull-up"),
        CAT.get("farmers-walk"),
    ]
    assert [load_problem(ex, 0.0) for ex in fine] == [None] * len(fine)


def test_a_negative_load_is_only_for_a_body_lifted():
    assert load_problem(CAT.get("pull-up"), -30.0) is None  # assisted
    problem = load_problem(CAT.get("barbell-back-squat"), -30.0)
    assert problem is not None and "negative" in problem
