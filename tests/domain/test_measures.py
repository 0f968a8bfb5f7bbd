"""Timed and distance exercises, the unit of entry, and the added load typed in the panel."""

from __future__ import annotations

import pytest

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.inputs import InputError
from tui_tracker.domain.measures import (
    DISTANCE,
    TIMED,
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
