"""Every kind of set through the Strong and Hevy imports (issue 14)."""

from __future__ import annotations

import pytest

from tui_tracker.domain.imports import RowError
from tui_tracker.domain.models import KG_PER_LB

from tests.domain.test_import_hevy import HEADER as HEVY, HEADER_LBS as HEVY_LBS, hevy, row
from tests.domain.test_import_strong import ANDROID, IOS, LEGACY, all_sets, lines, strong

MILE = 1609.344


# --- Strong -------------------------------------------------------------------------------


def test_strong_set_orders_become_kinds():
    r = strong(
        lines(
            IOS,
            "2024-03-05 18:00:00,Legs,1h,Squat (Barbell),W,60,5,0,0,,,",
            "2024-03-05 18:00:00,Legs,1h,Squat (Barbell),1,100,5,0,0,,,8",
            "2024-03-05 18:00:00,Legs,1h,Squat (Barbell),F,100,4,0,0,,,9",
            "2024-03-05 18:00:00,Legs,1h,Squat (Barbell),D,80,6,0,0,,,",
            "2024-03-05 18:00:00,Legs,1h,Squat (Barbell),D,60,6,0,0,,,",
        )
    )
    assert r.errors == ()
    assert [(s.kind, s.weight_kg, s.reps, s.rir) for s in all_sets(r)] == [
        ("warmup", 60, 5, None),
        ("working", 100, 5, 2),
        ("failure", 100, 4, 0),
        ("drop", 80, 6, None),
        ("drop", 60, 6, None),
    ]


def test_strong_seconds_and_distance_ios_in_the_apps_units():
    rows = (
        "2024-03-05 18:00:00,Mixed,1h,Plank,1,,,,75,,,",
        "2024-03-05 18:00:00,Mixed,1h,Farmers Walk,1,32,,0.04,,,,",
        "2024-03-05 18:00:00,Mixed,1h,Running,1,,,5,1800,,,",
    )
    kg = all_sets(strong(lines(IOS, *rows), unit="kg"))
    assert [(s.exercise_id, s.weight_kg, s.reps, s.duration_s, s.distance_m) for s in kg] == [
        ("plank", 0, 0, 75, None),
        ("farmers-walk", 32, 0, None, 40.0),
        ("custom-running", 0, 0, 1800, 5000.0),
    ]
    lb = all_sets(strong(lines(IOS, *rows), unit="lb"))
    assert lb[2].distance_m == pytest.approx(5 * MILE, abs=0.001)  # miles with pounds
    assert lb[1].weight_kg == pytest.approx(32 * KG_PER_LB)


def test_strong_android_metres_and_legacy_distance_units():
    android = all_sets(
        strong(
            lines(
                ANDROID,
                '"1";"2023-09-01 10:34:00";"Am";"600";"Sled Push";"1";"40";"0";"";"25";"";"";""',
            ),
            unit=None,
        )
    )
    assert [(s.exercise_id, s.weight_kg, s.distance_m) for s in android] == [
        ("sled-push", 40, 25.0)
    ]
    legacy = strong(
        lines(
            LEGACY,
            "2019-05-12 18:32:11;Run;Running;1;;;;;3;mi;1500;;",
            "2019-05-12 18:32:11;Run;Running;2;;;;;400;m;90;;",
            "2019-05-12 18:32:11;Run;Running;3;;;;;2;furlong;;;",
        ),
        unit=None,
    )
    assert [(s.distance_m, s.duration_s) for s in all_sets(legacy)] == [
        (pytest.approx(3 * MILE, abs=0.001), 1500),
        (400.0, 90),
    ]
    assert legacy.errors == (RowError(4, "distance unit 'furlong' is not m, km, mi, ft or yd"),)


def test_strong_bad_time_or_distance_is_a_bad_row():
    r = strong(
        lines(
            IOS,
            "2024-03-05 18:00:00,Mixed,1h,Plank,1,,,,-5,,,",
            "2024-03-05 18:00:00,Mixed,1h,Plank,1,,,,999999,,,",
            "2024-03-05 18:00:00,Mixed,1h,Running,1,,,500,,,,",
        )
    )
    assert [e.message for e in r.errors] == [
        "seconds '-5' cannot be negative",
        "seconds '999999' is more than a day",
        "distance '500' km is more than 100 km",
    ]


def test_strong_assisted_pull_ups_are_bodyweight_minus_the_assistance():
    r = strong(
        lines(
            IOS,
            "2024-03-05 18:00:00,Pull,1h,Pull Up (Assisted),1,30,8,0,0,,,",
            "2024-03-05 18:00:00,Pull,1h,Pull Up (Weighted),1,20,6,0,0,,,",
        )
    )
    assert [(s.exercise_id, s.weight_kg) for s in all_sets(r)] == [
        ("assisted-pull-up", -30),
        ("pull-up", 20),
    ]


# --- Hevy ---------------------------------------------------------------------------------


def test_hevy_set_types_become_kinds():
    r = hevy(
        lines(
            HEVY,
            *(
                row(index=str(i), set_type=t, rpe="8")
                for i, t in enumerate(["warmup", "normal", "failure", "dropset", ""])
            ),
        )
    )
    assert r.errors == ()
    assert [(s.kind, s.rir) for s in all_sets(r)] == [
        ("warmup", 2),
        ("working", 2),
        ("failure", 0),
        ("drop", 2),
        ("working", 2),
    ]


def test_hevy_supersets_keep_their_label():
    r = hevy(
        lines(
            HEVY,
            row(exercise="Bench Press (Barbell)", superset="0"),
            row(exercise="Bent Over Row (Barbell)", superset="0", index="1"),
            row(exercise="Bicep Curl (Dumbbell)", weight="14", reps="10"),
        )
    )
    assert [(s.exercise_id, s.superset) for s in all_sets(r)] == [
        ("barbell-bench-press", "0"),
        ("barbell-row", "0"),
        ("dumbbell-curl", None),
    ]


def test_hevy_duration_and_distance_in_km_miles_and_metres():
    rows = (
        row(exercise="Plank", weight="", reps="", seconds="45"),
        row(exercise="Running", weight="", reps="", distance="5", seconds="1500"),
    )
    km = all_sets(hevy(lines(HEVY, *rows)))
    assert [(s.duration_s, s.distance_m, s.reps) for s in km] == [(45, None, 0), (1500, 5000.0, 0)]
    miles = all_sets(hevy(lines(HEVY_LBS, *rows)))
    assert miles[1].distance_m == pytest.approx(5 * MILE, abs=0.001)
    metres = all_sets(hevy(lines(HEVY.replace("distance_km", "distance_meters"), *rows)))
    assert metres[1].distance_m == 5.0


def test_hevy_assisted_and_timed_rows_with_reps():
    r = hevy(
        lines(
            HEVY,
            row(exercise="Pull Up (Assisted)", weight="25", reps="8"),
            row(exercise="Plank", weight="", reps="1", seconds="60"),
        )
    )
    assert [(s.exercise_id, s.weight_kg, s.reps, s.duration_s) for s in all_sets(r)] == [
        ("assisted-pull-up", -25, 8, None),
        ("plank", 0, 1, 60),
    ]
