"""The rules for renaming, merging and deleting exercises, with worked examples."""

from __future__ import annotations

from datetime import date

import pytest

from tui_tracker.domain.catalogue import Catalogue, new_exercise
from tui_tracker.domain.exercise_edits import delete_problem, merge_problem, plan_naming, renamed
from tui_tracker.domain.mesocycle import Mesocycle, PlannedExercise, TrainingDay


def own(name: str, catalogue: Catalogue | None = None):
    return new_exercise(catalogue or Catalogue(), name, ["triceps"], kind="compound")


def test_a_rename_keeps_the_id_and_the_old_name_as_an_alias():
    ex = own("Bech Pres")
    catalogue = Catalogue([ex])
    done = renamed(catalogue, ex, "  Spoto Press\x1b[2J ")
    assert (done.id, done.name, done.aliases) == (
        "custom-bech-pres",
        "Spoto Press[2J",
        ("Bech Pres",),
    )
    # Renamed back: the alias goes, no name is listed twice.
    back = renamed(Catalogue([done]), done, "Bech Pres")
    assert (back.name, back.aliases) == ("Bech Pres", ("Spoto Press[2J",))
    # Only the case changed: no alias needed (names are found case-blind).
    assert renamed(catalogue, ex, "BECH PRES").aliases == ()


@pytest.mark.parametrize(
    "new_name, reason",
    [
        ("", "needs a name"),
        ("Bech Pres", "already has that name"),
        ("bench press", "already the name of 'Barbell Bench Press'"),
        ("Other", "already the name of 'Other'"),
    ],
)
def test_a_rename_is_refused_with_the_reason(new_name, reason):
    ex, other = own("Bech Pres"), own("Other")
    with pytest.raises(ValueError, match=reason):
        renamed(Catalogue([ex, other]), ex, new_name)


def test_the_catalogues_exercises_keep_their_names_and_stay():
    squat = Catalogue().get("barbell-back-squat")
    with pytest.raises(ValueError, match="is in the catalogue"):
        renamed(Catalogue(), squat, "My Squat")
    assert "is in the catalogue" in merge_problem(squat, own("X"))
    assert "is in the catalogue" in delete_problem(squat, 0)
    assert merge_problem(own("X"), squat) is None  # into one: fine
    assert "into itself" in merge_problem(own("X"), own("X"))


def test_delete_needs_no_sets():
    assert delete_problem(own("X"), 0) is None
    assert delete_problem(own("X"), 1).startswith("X has 1 logged set: ")
    assert delete_problem(own("X"), 3).startswith("X has 3 logged sets: ")


def test_plans_name_the_target_and_a_day_with_both_keeps_the_targets_entry():
    meso = Mesocycle(
        "Block",
        date(2026, 11, 16),
        4,
        (
            TrainingDay(
                "Push",
                0,
                (
                    PlannedExercise("custom-a", 5, 6, 10),
                    PlannedExercise("custom-c", 2, 10, 15),
                    PlannedExercise("custom-b", 3, 5, 8),
                ),
            ),
            TrainingDay("Pull", 3, (PlannedExercise("custom-a", 2, 8, 12),)),
            TrainingDay("Legs", 5, (PlannedExercise("custom-c", 3, 8, 12),)),
        ),
    )
    done = plan_naming(meso, "custom-a", "custom-b")
    assert [
        [(p.exercise_id, p.sets, p.rep_low, p.rep_high) for p in d.exercises] for d in done.days
    ] == [
        [("custom-c", 2, 10, 15), ("custom-b", 5, 5, 8)],
        [("custom-b", 2, 8, 12)],
        [("custom-c", 3, 8, 12)],
    ]
    assert done.id == meso.id
    assert plan_naming(meso, "custom-z", "custom-b") is None
