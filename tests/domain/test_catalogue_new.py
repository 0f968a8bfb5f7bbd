import pytest

from tui_tracker.domain.catalogue import Catalogue, new_exercise

CAT = Catalogue()


def test_new_exercise_gets_a_custom_id_and_rest_by_kind():
    ex = new_exercise(CAT, "  Cable Y Raise ", ["side_delts"], ["rear_delts"], kind="isolation")
    assert (ex.id, ex.name, ex.rest_seconds, ex.custom) == ("custom-cable-y-raise", "Cable Y Raise", 90, True)
    assert new_exercise(CAT, "Sled Push Press", ["chest"]).rest_seconds == 150
    assert new_exercise(CAT, "Sled Push Press", ["chest"], rest_seconds=200).rest_seconds == 200


@pytest.mark.parametrize("name, primary, message", [
    ("", ["chest"], "needs a name"),
    ("Squat (Barbell)", ["quads"], "already in the catalogue"),
    ("Thing", [], "at least one primary muscle"),
    ("Thing", ["pecs"], "unknown muscle 'pecs'"),
])
def test_new_exercise_refuses_with_a_reason(name, primary, message):
    with pytest.raises(ValueError, match=message):
        new_exercise(CAT, name, primary)
