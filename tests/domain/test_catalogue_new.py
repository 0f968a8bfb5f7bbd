import pytest

from tui_tracker.domain.catalogue import Catalogue, new_exercise

CAT = Catalogue()


def test_new_exercise_gets_a_custom_id_and_rest_by_kind():
    ex = new_exercise(CAT, "  Cable Y Raise ", ["side_delts"], ["rear_delts"], kind="isolation")
    assert (ex.id, ex.name, ex.rest_seconds, ex.custom) == (
        "custom-cable-y-raise",
        "Cable Y Raise",
        90,
        True,
    )
    assert new_exercise(CAT, "Sled Push Press", ["chest"]).rest_seconds == 150
    assert new_exercise(CAT, "Sled Push Press", ["chest"], rest_seconds=200).rest_seconds == 200


@pytest.mark.parametrize(
    "name, primary, message",
    [
        ("", ["chest"], "needs a name"),
        ("Squat (Barbell)", ["quads"], "already in the catalogue"),
        ("Thing", [], "at least one primary muscle"),
        ("Thing", ["pecs"], "unknown muscle 'pecs'"),
        ("Thing", ["side_delts", "side_delts"], "side_delts is listed twice"),
    ],
)
def test_new_exercise_refuses_with_a_reason(name, primary, message):
    with pytest.raises(ValueError, match=message):
        new_exercise(CAT, name, primary)


def test_a_muscle_both_primary_and_secondary_is_refused():
    with pytest.raises(ValueError, match="side_delts is both a primary and a secondary muscle"):
        new_exercise(CAT, "Thing", ["side_delts"], ["rear_delts", "side_delts"])


@pytest.mark.parametrize(
    "primary,secondary,message",
    [
        (("chest", "chest"), (), "chest is listed twice"),
        (("chest",), ("triceps", "triceps"), "triceps is listed twice"),
        (("chest", "triceps"), ("triceps",), "triceps is both a primary and a secondary muscle"),
    ],
)
def test_an_exercise_lists_each_muscle_once(primary, secondary, message):
    from tui_tracker.domain.models import Exercise

    with pytest.raises(ValueError, match=message):
        Exercise("x", "X", primary, secondary)


@pytest.mark.parametrize(
    "primary,secondary,kept",
    [
        (("chest", "chest", "triceps"), (), (("chest", "triceps"), ())),
        (("chest",), ("triceps", "chest", "triceps"), (("chest",), ("triceps",))),
        (("chest",), ("triceps",), (("chest",), ("triceps",))),
    ],
)
def test_stored_lists_with_repeats_keep_the_first_and_drop_a_secondary_that_is_primary(
    primary, secondary, kept
):
    from tui_tracker.domain.muscles import distinct_muscles

    assert distinct_muscles(primary, secondary) == kept
