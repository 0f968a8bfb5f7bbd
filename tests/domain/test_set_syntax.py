"""`tui-tracker log`'s set syntax for every kind of set (domain/set_syntax.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.inputs import InputError, SetInput
from tui_tracker.domain.set_syntax import TypedSet, parse_typed_set

CAT = Catalogue([])
PULL_UP, PLANK, CARRY = CAT.get("pull-up"), CAT.get("plank"), CAT.get("farmers-walk")
SQUAT = CAT.get("barbell-back-squat")
LB = 0.45359237


@pytest.mark.parametrize(
    "text, exercise, expected",
    [
        ("100x8@2", SQUAT, TypedSet(SetInput(100, "kg", 8, 2))),
        ("102,5x5", SQUAT, TypedSet(SetInput(102.5, "kg", 5, None))),
        ("BWx12", PULL_UP, TypedSet(SetInput(0, "kg", 12, None))),
        ("bw+20x8@2", PULL_UP, TypedSet(SetInput(20, "kg", 8, 2))),
        ("BW-30x8", PULL_UP, TypedSet(SetInput(-30, "kg", 8, None))),
        ("BW+45lbx5", PULL_UP, TypedSet(SetInput(45 * LB, "lb", 5, None))),
        ("0x10", PULL_UP, TypedSet(SetInput(0, "kg", 10, None))),  # 0 was bodyweight before
        ("60s", PLANK, TypedSet(SetInput(0, "kg", 0, None), duration_s=60)),
        ("1:30", PLANK, TypedSet(SetInput(0, "kg", 0, None), duration_s=90)),
        ("2min", PLANK, TypedSet(SetInput(0, "kg", 0, None), duration_s=120)),
        ("BW+10x45s", PLANK, TypedSet(SetInput(10, "kg", 0, None), duration_s=45)),
        ("40m", CARRY, TypedSet(SetInput(0, "kg", 0, None), distance_m=40.0)),
        ("32x40m", CARRY, TypedSet(SetInput(32, "kg", 0, None), distance_m=40.0)),
        (
            "5km,30min",
            SQUAT,
            TypedSet(SetInput(0, "kg", 0, None), duration_s=1800, distance_m=5000.0),
        ),
        (
            "1.5km,1:05:00",
            SQUAT,
            TypedSet(SetInput(0, "kg", 0, None), duration_s=3900, distance_m=1500.0),
        ),
        ("100x8@0/F", SQUAT, TypedSet(SetInput(100, "kg", 8, 0), "failure")),
        ("100x8/f", SQUAT, TypedSet(SetInput(100, "kg", 8, 0), "failure")),  # /F is RIR 0
        ("80x6/D", SQUAT, TypedSet(SetInput(80, "kg", 6, None), "drop")),
        ("80x6@0/D", SQUAT, TypedSet(SetInput(80, "kg", 6, 0), "drop")),
        ("100x14/RP", SQUAT, TypedSet(SetInput(100, "kg", 14, None), "rest_pause")),
        ("60x5/W", SQUAT, TypedSet(SetInput(60, "kg", 5, None), "warmup")),
        ("BW+20x8@2/F", PULL_UP, None),  # refused: @2 is not failure
    ],
)
def test_every_kind_parses(text, exercise, expected):
    if expected is None:
        with pytest.raises(InputError):
            parse_typed_set(text, exercise)
        return
    got = parse_typed_set(text, exercise)
    assert got.kind == expected.kind and got.duration_s == expected.duration_s
    assert got.distance_m == expected.distance_m
    assert got.values.weight_kg == pytest.approx(expected.values.weight_kg)
    assert (got.values.unit, got.values.reps, got.values.rir) == (
        expected.values.unit,
        expected.values.reps,
        expected.values.rir,
    )


@pytest.mark.parametrize(
    "text, exercise, message",
    [
        (
            "20x8",
            PULL_UP,
            "Pull-Up lifts the body: is 20 added or in all? Write BW+20 for 20 added",
        ),
        ("BWx8", SQUAT, "BW: Barbell Back Squat does not lift the body"),
        ("100x8@2/F", SQUAT, "/F is a set to failure, RIR 0, not @2"),
        ("100x8/D/F", SQUAT, "one kind per set"),
        (
            "100x8/X",
            SQUAT,
            "'/X' is not a kind of set: /F failure, /D drop, /RP rest-pause, /W warmup",
        ),
        ("100x8/", SQUAT, "is not a kind of set"),
        ("100x", SQUAT, "nothing after x"),
        ("100x0", SQUAT, "0 reps"),
        ("40", SQUAT, "not like 100x5@2"),
        ("abc", SQUAT, "not like 100x5@2"),
        ("0s", PLANK, "a time is 1 s to 24 h"),
        ("25h", PLANK, "a time is 1 s to 24 h"),
        ("1:75", PLANK, "not a time like 1:30"),
        ("1.5s", PLANK, "a time is whole seconds"),
        ("60s,90s", PLANK, "one time per set"),
        ("5km,abc", SQUAT, "'abc' is not a time"),
        ("200km", SQUAT, "a distance is above 0 m, up to 100 km"),
        ("BW+x8", PULL_UP, "nothing after BW+"),
        ("100x5@", SQUAT, "nothing after @"),
        ("100x5@11", SQUAT, "RIR is 0 (failure) to 10"),
        ("-5x5", SQUAT, "weight cannot be negative"),
    ],
)
def test_refusals_say_why(text, exercise, message):
    with pytest.raises(InputError, match=None) as err:
        parse_typed_set(text, exercise)
    assert message in str(err.value)
    assert str(err.value).startswith(f"set {text!r}: ")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_a_set_or_an_input_error(text):
    for exercise in (SQUAT, PULL_UP, PLANK):
        try:
            got = parse_typed_set(text, exercise)
        except InputError as e:
            assert "\n" not in str(e).replace("\\n", "")
        else:
            assert got.values.reps >= 1 or got.duration_s or got.distance_m
