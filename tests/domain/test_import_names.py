"""Exported names to catalogue exercises: FitNotes' defaults, a real Strong export's
names, and the Olympic lifts an Olympic weightlifter's Strong export is full of."""

from pathlib import Path

import pytest

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.imports import parse_strong
from tui_tracker.domain.imports.names import find_exported

from tests.conftest import TZ

CAT = Catalogue()
DATA = Path(__file__).resolve().parents[1] / "data"
FITNOTES = [
    line
    for line in (DATA / "fitnotes_exercises.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


def test_the_fitnotes_list_is_its_88_default_lifts():
    assert len(FITNOTES) == len(set(FITNOTES)) == 88


@pytest.mark.parametrize("name", FITNOTES)
def test_every_fitnotes_default_lift_is_a_catalogue_exercise_with_muscles(name):
    found = CAT.find(name)
    assert found is not None and not found.custom and found.primary


@pytest.mark.parametrize(
    "name,exercise_id",
    [
        ("Flat Barbell Bench Press", "barbell-bench-press"),
        ("Barbell Squat", "barbell-back-squat"),
        ("Deadlift", "conventional-deadlift"),
        ("Pull Up", "pull-up"),
        ("Dumbbell Curl", "dumbbell-curl"),
        ("Flat Dumbbell Bench Press", "dumbbell-bench-press"),
        ("Rope Push Down", "triceps-rope-pushdown"),
        ("V-Bar Push Down", "triceps-pushdown"),
        ("Lateral Dumbbell Raise", "dumbbell-lateral-raise"),
        ("Seated Machine Fly", "pec-deck"),
        ("Straight-Arm Cable Pushdown", "straight-arm-pulldown"),
        ("One-Arm Standing Dumbbell Press", "single-arm-dumbbell-overhead-press"),
        ("Smith Machine Close Grip Bench Press", "smith-machine-close-grip-bench-press"),
    ],
)
def test_fitnotes_names_worked_examples(name, exercise_id):
    assert CAT.find(name).id == exercise_id


def test_the_new_exercises_for_fitnotes_are_loaded_the_way_they_are_lifted():
    one_arm = CAT.get("single-arm-dumbbell-overhead-press")
    assert one_arm.unilateral and not one_arm.per_hand and one_arm.equipment == "dumbbell"
    assert one_arm.primary == ("front_delts",) and one_arm.kind == "compound"
    smith = CAT.get("smith-machine-close-grip-bench-press")
    assert smith.equipment == "smith" and smith.primary == ("triceps", "chest")
    assert not smith.high_skill  # a Smith machine guides the bar


def test_strict_military_press_is_the_overhead_press():
    assert (
        CAT.find_export("Strict Military Press (Barbell)", "strong").id == "barbell-overhead-press"
    )
    assert find_exported(CAT, "Strict Military Press (Barbell)").id == "barbell-overhead-press"


OLYMPIC = {
    "snatch": "Snatch (Barbell)",
    "power-snatch": "Power Snatch (Barbell)",
    "hang-snatch": "Hang Snatch (Barbell)",
    "hang-power-snatch": "Hang Power Snatch (Barbell)",
    "clean": "Clean (Barbell)",
    "power-clean": "Power Clean (Barbell)",
    "hang-clean": "Hang Clean (Barbell)",
    "hang-power-clean": "Hang Power Clean (Barbell)",
    "clean-and-jerk": "Clean and Jerk (Barbell)",
    "split-jerk": "Split Jerk (Barbell)",
    "push-jerk": "Push Jerk (Barbell)",
    "power-jerk": "Power Jerk (Barbell)",
    "snatch-pull": "Snatch Pull (Barbell)",
    "clean-pull": "Clean Pull (Barbell)",
    "snatch-high-pull": "Snatch High Pull (Barbell)",
    "clean-high-pull": "Clean High Pull (Barbell)",
    "block-snatch": "Block Snatch (Barbell)",
    "block-clean": "Block Clean (Barbell)",
    "snatch-balance": "Snatch Balance (Barbell)",
    "muscle-snatch": "Muscle Snatch (Barbell)",
}


@pytest.mark.parametrize("exercise_id,exported", OLYMPIC.items())
def test_olympic_lifts_exist_with_muscles_and_high_skill_and_map_with_strongs_bracket(
    exercise_id, exported
):
    lift = CAT.get(exercise_id)
    assert lift is not None and lift.primary and lift.high_skill and lift.kind == "compound"
    assert find_exported(CAT, exported) is lift


@pytest.mark.parametrize(
    "name",
    [
        "Hang Power Clean (Dumbbell)",
        "Power Jerk (Kettlebell)",
        "Block Snatch (Cable)",
        "Mystery Lift (Barbell)",
        "Hang Power Clean (Left Side)",
    ],
)
def test_a_bracket_that_disagrees_with_the_lift_is_not_mapped(name):
    assert find_exported(CAT, name) is None


def test_an_olympic_lifters_strong_export_counts_every_set():
    """Before: 'Hang Power Clean (Barbell)', 'Power Jerk (Barbell)' and the like became the
    lifter's own exercises with no muscles, so their sets counted for nothing."""
    header = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE"
    )
    rows = [
        f"2026-03-0{i % 9 + 1} 07:00:00,Oly,1h,{name},1,70,2,0,0,,,"
        for i, name in enumerate([*OLYMPIC.values(), "Strict Military Press (Barbell)"])
    ]
    result = parse_strong("\n".join([header, *rows]) + "\n", catalogue=CAT, unit="kg", tz=TZ)
    assert result.errors == () and result.new_exercises == ()
    sets = [s for session in result.sessions for s in session.sets]
    assert len(sets) == len(OLYMPIC) + 1
    assert sorted(s.exercise_id for s in sets) == sorted([*OLYMPIC, "barbell-overhead-press"])
