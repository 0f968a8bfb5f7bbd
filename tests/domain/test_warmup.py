"""The warm-up ramp and the plate line: worked numbers in kg and lb."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.models import LoggedSet
from tui_tracker.domain.plate_line import plate_line
from tui_tracker.domain.settings import Settings
from tui_tracker.domain.warmup import (
    RampSet,
    is_heavy_compound,
    ramp_for,
    ramp_offered,
    ramp_text,
    warmup_ramp,
)

KG = (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25)
LB = (45.0, 35.0, 25.0, 10.0, 5.0, 2.5)
CAT = Catalogue()
DEFAULTS = Settings()
AT = datetime(2026, 11, 18, 18, 0)


def ex(name: str):
    e = CAT.find(name)
    assert e is not None, name
    return e


def ramp(*pairs: tuple[float, int]) -> tuple[RampSet, ...]:
    return tuple(RampSet(w, r) for w, r in pairs)


# --- warmup_ramp ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "work, bar, plates, expected",
    [
        # 40/60/80 % of 100 kg are loadable as they are
        (100, 20, KG, ramp((20, 10), (40, 5), (60, 3), (80, 2))),
        # 41 -> 40 (1 off, not 1.5), 61.5 -> 62.5 (1 off, not 1.5), 82 -> 82.5
        (102.5, 20, KG, ramp((20, 10), (40, 5), (62.5, 3), (82.5, 2))),
        # 140: 56 -> 55, 84 -> 85, 112 -> 112.5
        (140, 20, KG, ramp((20, 10), (55, 5), (85, 3), (112.5, 2))),
        # 40 kg: 16 is under the bar (left out), 24 -> 25, 32 -> 32.5
        (40, 20, KG, ramp((20, 10), (25, 3), (32.5, 2))),
        # 25 kg: 10 and 15 round to the bar, 20 -> the bar: only the bar
        (
            25,
            20,
            KG,
            ramp(
                (20, 10),
            ),
        ),
        # 225 lb: 90, 135, 180 all buildable with 45 35 25 10 5 2.5
        (225, 45, LB, ramp((45, 10), (90, 5), (135, 3), (180, 2))),
        # 315 lb: 126 -> 125, 189 -> 190, 252 -> 250
        (315, 45, LB, ramp((45, 10), (125, 5), (190, 3), (250, 2))),
        # a 15 kg bar with only 5s and 10s: 24 -> 25, 36 -> 35, 48 -> 45 (steps of 10)
        (60, 15, (10.0, 5.0), ramp((15, 10), (25, 5), (35, 3), (45, 2))),
        # a coarse gym: 20s only, 100 kg: 40 -> 20+20 = 60? no: 40 -> 20 (bar) or 60: 40 is
        # 20 from both, the lighter wins (the bar): left out; 60 -> 60; 80 -> 60 again: left out
        (100, 20, (20.0,), ramp((20, 10), (60, 3))),
    ],
)
def test_ramp_worked_numbers(work, bar, plates, expected):
    assert warmup_ramp(work, bar, plates) == expected


@pytest.mark.parametrize("work", [20, 15, 0])
def test_no_ramp_to_the_bar_or_less(work):
    assert warmup_ramp(work, 20, KG) == ()


@hsettings(max_examples=200, deadline=None)
@given(
    work=st.integers(min_value=21, max_value=1200).map(lambda n: n * 0.25),
    unit=st.sampled_from(["kg", "lb"]),
)
def test_ramp_rises_with_fewer_reps_and_stays_under_the_work(work, unit):
    bar, plates = (20.0, KG) if unit == "kg" else (45.0, LB)
    if unit == "lb":
        work *= 2
    got = warmup_ramp(work, bar, plates)
    if work <= bar:
        assert got == ()
        return
    assert got[0] == RampSet(bar, 10)
    weights = [s.weight for s in got]
    reps = [s.reps for s in got]
    assert weights == sorted(set(weights)) and weights[-1] < work
    assert reps == sorted(reps, reverse=True) and len(set(reps)) == len(reps)
    for s in got[1:]:  # every load built from the plates
        from tui_tracker.domain.plates import plates_for

        assert plates_for(s.weight, bar, plates).exact


def test_ramp_text():
    assert (
        ramp_text(ramp((20, 10), (40, 5), (62.5, 3), (82.5, 2)), "kg")
        == "bar x 10 · 40 x 5 · 62.5 x 3 · 82.5 x 2 kg"
    )
    assert ramp_text(ramp((45, 10), (135, 3)), "lb") == "bar x 10 · 135 x 3 lb"
    assert ramp_text((), "kg") == ""


# --- which exercise ----------------------------------------------------------------------


def test_heavy_compounds_are_on_a_barbell_or_trap_bar():
    assert is_heavy_compound(ex("Barbell Back Squat"))
    assert is_heavy_compound(ex("Barbell Bench Press"))
    assert not is_heavy_compound(ex("Dumbbell Bench Press"))
    assert not is_heavy_compound(ex("Lat Pulldown"))
    assert not is_heavy_compound(None)


def test_ramp_for_uses_the_exercises_bar_and_the_lifters_plates():
    squat = ex("Barbell Back Squat")
    assert ramp_for(squat, 100, "kg", DEFAULTS)[1] == RampSet(40, 5)
    womens = replace(DEFAULTS, bar_kg=15.0)
    assert ramp_for(squat, 100, "kg", womens)[:2] == ramp((15, 10), (40, 5))
    assert ramp_for(squat, 225, "lb", DEFAULTS)[0] == RampSet(45, 10)
    assert ramp_for(ex("Dumbbell Bench Press"), 30, "kg", DEFAULTS) == ()


def _set(ex_id: str, kind: str = "working") -> LoggedSet:
    return LoggedSet(ex_id, 100, 5, 2, at=AT, kind=kind)


def test_ramp_offered_for_the_first_heavy_compound_only():
    squat, bench = ex("Barbell Back Squat"), ex("Barbell Bench Press")
    curl = ex("Dumbbell Curl")
    assert ramp_offered(squat, [], CAT.get)
    assert not ramp_offered(curl, [], CAT.get)
    # curls first do not warm up a squat
    assert ramp_offered(squat, [_set(curl.id)], CAT.get)
    # a warm-up of another lift is not a working set of it: bench still gets its ramp
    assert ramp_offered(bench, [_set(squat.id, "warmup")], CAT.get)
    # after working sets of the squat, the bench is not the first heavy compound
    assert not ramp_offered(bench, [_set(squat.id)], CAT.get)
    # the squat itself, once started (warm-up or working), is not offered again
    assert not ramp_offered(squat, [_set(squat.id, "warmup")], CAT.get)
    assert not ramp_offered(squat, [_set(squat.id)], CAT.get)


# --- the plate line ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, weight, unit, line",
    [
        ("Barbell Back Squat", 102.5, "kg", "Plates: 20 kg bar + 25 15 1.25 each side"),
        (
            "Barbell Back Squat",
            101,
            "kg",
            "Plates: 101 kg cannot be loaded: 100 (25 15) or 102.5 (25 15 1.25)",
        ),
        ("Barbell Back Squat", 20, "kg", "Plates: the 20 kg bar alone"),
        ("Barbell Back Squat", 21, "kg", "Plates: 21 kg cannot be loaded: 20 (bar) or 22.5 (1.25)"),
        (
            "Barbell Back Squat",
            15,
            "kg",
            "Plates: 15 kg is lighter than the 20 kg bar: the bar alone is the lightest",
        ),
        ("Barbell Back Squat", 225, "lb", "Plates: 45 lb bar + 45 45 each side"),
        (
            "Barbell Back Squat",
            227,
            "lb",
            "Plates: 227 lb cannot be loaded: 225 (45 45) or 230 (45 45 2.5)",
        ),
        ("EZ Bar Curl", 30, "kg", "Plates: 10 kg bar + 10 each side"),
        ("Leg Press", 100, "kg", "Plates: 25 25 each side (no bar)"),
    ],
)
def test_plate_line(name, weight, unit, line):
    assert plate_line(weight, ex(name), unit, DEFAULTS) == line


def test_plate_line_none_where_plates_are_not_the_load_and_a_prompt_when_empty():
    assert plate_line(30, ex("Dumbbell Curl"), "kg", DEFAULTS) is None
    assert plate_line(None, ex("Dumbbell Curl"), "kg", DEFAULTS) is None
    assert plate_line(None, ex("Barbell Back Squat"), "kg", DEFAULTS) == "Plates: type a weight"
    assert (
        plate_line(10**9, ex("Barbell Back Squat"), "kg", DEFAULTS) == "Plates: too heavy to count"
    )


def test_no_ramp_for_a_weight_beyond_counting_and_no_crash():
    """Found typing 4004 in the TUI panel: the plate math refuses it, the ramp is empty."""
    assert ramp_for(ex("Barbell Back Squat"), 4004, "kg", DEFAULTS) == ()
    assert warmup_ramp(10**9, 20, KG) == ()
