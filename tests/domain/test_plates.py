"""Plates per side, and the nearest weight a lifter can load: worked numbers in kg and lb."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.models import Exercise, to_kg
from tui_tracker.domain.plates import (
    Loading,
    bar_for,
    nearest_loadable,
    plates_for,
    plates_for_exercise,
    step_for,
)
from tui_tracker.domain.settings import Settings

KG = (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25)
LB = (45.0, 35.0, 25.0, 10.0, 5.0, 2.5)
CAT = Catalogue()
DEFAULTS = Settings()


def ex(name: str) -> Exercise:
    e = CAT.find(name)
    assert e is not None, name
    return e


# --- plates_for ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "weight, bar, plates, per_side",
    [
        (100, 20, KG, (25, 15)),
        (140, 20, KG, (25, 25, 10)),
        (102.5, 20, KG, (25, 15, 1.25)),
        (62.5, 20, KG, (20, 1.25)),
        (60, 20, KG, (20,)),
        (20, 20, KG, ()),
        (225, 45, LB, (45, 45)),
        (315, 45, LB, (45, 45, 45)),
        (135, 45, LB, (45,)),
        (185, 45, LB, (45, 25)),
        (100, 0, KG, (25, 25)),  # a leg press: plates only
        (60, 10, KG, (25,)),  # an EZ bar
        (100, 20, (25, 20), (20, 20)),  # greedy 25 first would fail: 40 = 20 + 20
        (120, 20, (25, 20), (25, 25)),
    ],
)
def test_plates_per_side_fewest_and_heaviest_first(weight, bar, plates, per_side):
    answer = plates_for(weight, bar, plates)
    assert answer.exact and answer.below == answer.above == Loading(weight, tuple(per_side))
    assert answer.nearest.per_side == tuple(per_side)


@pytest.mark.parametrize(
    "weight, bar, plates, below, above",
    [
        (101, 20, KG, 100, 102.5),
        (103, 20, KG, 102.5, 105),
        (101.3, 20, KG, 100, 102.5),
        (232, 45, LB, 230, 235),
        (227, 45, LB, 225, 230),
        (130, 20, (25, 20), 120, 140),  # 55 a side: 50 (25 25) or 60 (20 20 20)
        (21, 20, KG, 20, 22.5),
    ],
)
def test_a_weight_that_cannot_be_built_gives_the_nearest_two(weight, bar, plates, below, above):
    answer = plates_for(weight, bar, plates)
    assert not answer.exact
    assert (answer.below.weight, answer.above.weight) == (below, above)
    for load in (answer.below, answer.above):
        assert bar + 2 * sum(load.per_side) == load.weight
        assert all(p in plates for p in load.per_side)


def test_the_nearest_of_two_is_the_closer_and_the_lighter_on_a_tie():
    assert plates_for(101.3, 20, KG).nearest.weight == 102.5  # 1.2 above, 1.3 below
    assert plates_for(101.25, 20, KG).nearest.weight == 100  # 1.25 either way: lighter
    assert plates_for(101, 20, KG).nearest.weight == 100


def test_lighter_than_the_bar_is_the_bar_alone():
    answer = plates_for(15, 20, KG)
    assert answer.below is None and answer.above == Loading(20.0, ()) and not answer.exact
    assert answer.nearest.weight == 20


def test_plates_need_sizes_and_no_negative_weights():
    for weight, bar, plates in ((100, 20, ()), (-1, 20, KG), (100, -5, KG), (float("nan"), 20, KG)):
        with pytest.raises(ValueError):
            plates_for(weight, bar, plates)


@hsettings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=40_000).map(lambda q: q / 40),  # 0 to 1000 in 0.025s
    st.sampled_from([0.0, 10.0, 15.0, 20.0, 25.0]),
    st.lists(st.sampled_from(KG + (0.5, 0.25, 50.0)), min_size=1, max_size=9),
)
def test_loadings_are_real_and_bracket_the_weight(weight, bar, plates):
    answer = plates_for(weight, bar, plates)
    below, above = answer.below, answer.above
    assert above.weight >= weight and above.weight - max(weight, bar) <= 2 * max(plates) + 1e-9
    assert abs(bar + 2 * sum(above.per_side) - above.weight) < 1e-9
    assert list(above.per_side) == sorted(above.per_side, reverse=True)
    assert set(above.per_side) <= set(plates)
    if below is not None:
        assert bar <= below.weight <= weight
        assert abs(bar + 2 * sum(below.per_side) - below.weight) < 1e-9
    else:
        assert weight < bar
    assert answer.exact == (below is not None and below.weight == weight)


# --- the bar an exercise is loaded on ------------------------------------------------------------


@pytest.mark.parametrize(
    "name, kg, lb",
    [
        ("Squat (Barbell)", 20, 45),
        ("EZ Bar Curl", 10, 25),
        ("Trap Bar Deadlift", 25, 55),
        ("Leg Press", 0, 0),
        ("Squat (Smith Machine)", 0, 0),
        ("Hack Squat (Machine)", 0, 0),
    ],
)
def test_each_equipment_has_its_bar(name, kg, lb):
    assert bar_for(ex(name), "kg", DEFAULTS) == kg and bar_for(ex(name), "lb", DEFAULTS) == lb


@pytest.mark.parametrize(
    "name",
    [
        "Bench Press (Dumbbell)",
        "Lat Pulldown (Cable)",
        "Pull Up",
        "Kettlebell Swing",
        "Leg Extension (Machine)",
        "Face Pull",
    ],
)
def test_no_bar_where_plates_are_not_how_it_is_loaded(name):
    assert bar_for(ex(name), "kg", DEFAULTS) is None
    assert plates_for_exercise(50, ex(name), "kg", DEFAULTS) is None


def test_the_lifters_bar_and_an_exercises_own_bar():
    womens = replace(DEFAULTS, bar_kg=15.0, bar_lb=35.0)
    squat = ex("squat")
    assert bar_for(squat, "kg", womens) == 15 and bar_for(squat, "lb", womens) == 35
    my_ez = replace(ex("EZ Bar Curl"), bar_kg=7.5)
    assert bar_for(my_ez, "kg", DEFAULTS) == 7.5
    assert bar_for(replace(my_ez, bar_kg=to_kg(20, "lb")), "lb", DEFAULTS) == 20
    assert plates_for_exercise(32.5, my_ez, "kg", DEFAULTS).below.per_side == (10, 2.5)


# --- nearest_loadable ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, weight_kg, unit, expected",
    [
        ("Squat (Barbell)", 101.3, "kg", 102.5),
        ("Squat (Barbell)", 101.0, "kg", 100),
        ("Squat (Barbell)", 10.0, "kg", 20),  # never below the bar
        ("Squat (Barbell)", to_kg(227, "lb"), "lb", 225),
        ("Squat (Barbell)", to_kg(232.6, "lb"), "lb", 235),
        ("Bench Press (Dumbbell)", 23.4, "kg", 22.5),  # one dumbbell, 2.5 kg steps
        ("Bench Press (Dumbbell)", 23.8, "kg", 25),
        ("Bench Press (Dumbbell)", to_kg(52, "lb"), "lb", 50),  # 5 lb steps
        ("Bench Press (Dumbbell)", 0.4, "kg", 2.5),  # the lightest dumbbell
        ("Lat Pulldown (Cable)", 63.0, "kg", 65),  # 5 kg pins
        ("Lat Pulldown (Cable)", 62.5, "kg", 60),  # a tie: the lighter
        ("Leg Extension (Machine)", to_kg(144, "lb"), "lb", 140),  # 10 lb pins
        ("Kettlebell Swing", 18.0, "kg", 16),
        ("Kettlebell Swing", 18.5, "kg", 20),
        ("Leg Press", 101.0, "kg", 100),  # plates only: 2 x 1.25 steps
        ("Leg Press", 101.3, "kg", 102.5),
        ("EZ Bar Curl", 31.0, "kg", 30),  # 10 kg bar + 2 x 10
        ("Pull Up", 3.0, "kg", 2.5),  # added to the body: the smallest plate
        ("Pull Up", 0.0, "kg", 0),  # the body alone
        ("Pull Up", to_kg(24, "lb"), "lb", 25),
    ],
)
def test_nearest_loadable(name, weight_kg, unit, expected):
    assert nearest_loadable(weight_kg, ex(name), unit, DEFAULTS) == expected


def test_nearest_loadable_follows_the_lifters_steps_and_plates():
    mine = replace(DEFAULTS, dumbbell_step_kg=2.0, machine_step_kg=2.5, plates_kg=(20.0, 10.0))
    assert nearest_loadable(23.4, ex("Bench Press (Dumbbell)"), "kg", mine) == 24
    assert nearest_loadable(63.0, ex("Lat Pulldown (Cable)"), "kg", mine) == 62.5
    assert nearest_loadable(101.0, ex("Squat (Barbell)"), "kg", mine) == 100  # 20 + 2 x 40
    assert nearest_loadable(111.0, ex("Squat (Barbell)"), "kg", mine) == 120  # 100 or 120
    assert step_for(ex("Pull Up"), "kg", mine) == 10


def test_round_load_for_hands_the_suggestions_what_the_lifter_can_load_in_kg():
    """Suggestions (domain/progression) round their loads with a RoundLoad in kg; the
    lifter's own steps and plates make it."""
    from tui_tracker.domain.plates import round_load_for
    from tui_tracker.domain.load_steps import step_down, step_up

    mine = replace(DEFAULTS, dumbbell_step_kg=2.0, plates_kg=(20.0, 10.0, 5.0, 2.5))
    round_load = round_load_for(mine)
    assert round_load(23.4, ex("Bench Press (Dumbbell)"), "kg") == 24
    assert round_load(102.56, ex("Squat (Barbell)"), "kg") == 105  # 2.5 kg plates: 5 kg steps
    assert round_load(to_kg(227, "lb"), ex("Squat (Barbell)"), "lb") == pytest.approx(
        to_kg(225, "lb")
    )
    assert step_up(24, ex("Bench Press (Dumbbell)"), "kg", round_load) == 26
    assert step_down(100, ex("Squat (Barbell)"), "kg", round_load) == 95


@hsettings(max_examples=200, deadline=None)
@given(
    st.floats(min_value=0, max_value=400),
    st.sampled_from(["kg", "lb"]),
    st.sampled_from(
        [
            "Squat (Barbell)",
            "Bench Press (Dumbbell)",
            "Lat Pulldown (Cable)",
            "Kettlebell Swing",
            "Leg Press",
            "Pull Up",
            "EZ Bar Curl",
            "Chest Press (Band)",
            "Farmers Walk",
        ]
    ),
)
def test_nearest_loadable_is_loadable_and_idempotent(weight_kg, unit, name):
    e = ex(name)
    got = nearest_loadable(weight_kg, e, unit, DEFAULTS)
    assert got == round(got, 2) and got >= 0
    again = nearest_loadable(to_kg(got, unit), e, unit, DEFAULTS)
    assert again == got
    answer = plates_for_exercise(got, e, unit, DEFAULTS)
    if answer is not None:
        assert answer.exact
