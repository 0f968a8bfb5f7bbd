"""How an exercise's load is made, as stored: round trips, and files from before it."""

from __future__ import annotations

import orjson
import pytest

from tui_tracker.domain.models import Exercise
from tui_tracker.store import codec

MINE = Exercise(
    id="custom-kelso-shrug",
    name="Kelso Shrug",
    primary=("traps",),
    custom=True,
    equipment="dumbbell",
    per_hand=True,
    unilateral=True,
    bar_kg=None,
)


@pytest.mark.parametrize(
    "e",
    [
        MINE,
        Exercise(
            id="ez-bar-curl",
            name="EZ-Bar Curl",
            primary=("biceps",),
            custom=True,
            equipment="ez-bar",
            bar_kg=7.5,
        ),
        Exercise(
            id="custom-korean-dip",
            name="Korean Dip",
            primary=("chest",),
            custom=True,
            bodyweight=True,
            equipment="bodyweight",
        ),
    ],
)
def test_equipment_per_hand_unilateral_and_bar_round_trip(e):
    doc = codec.exercise_to_dict(e)
    assert {k: doc[k] for k in ("equipment", "per_hand", "unilateral", "bar_kg")} == {
        "equipment": e.equipment,
        "per_hand": e.per_hand,
        "unilateral": e.unilateral,
        "bar_kg": e.bar_kg,
    }
    assert codec.exercise_from_dict(orjson.loads(orjson.dumps(doc))) == e


@pytest.mark.parametrize("bodyweight, equipment", [(False, "other"), (True, "bodyweight")])
def test_files_from_before_equipment_load_with_what_the_flag_says(bodyweight, equipment):
    doc = {
        "id": "custom-x",
        "name": "X",
        "primary": ["chest"],
        "secondary": [],
        "kind": "compound",
        "high_skill": False,
        "rest_seconds": 150,
        "aliases": [],
        "custom": True,
        "bodyweight": bodyweight,
    }
    e = codec.exercise_from_dict(doc)
    assert (e.equipment, e.per_hand, e.unilateral, e.bar_kg) == (equipment, False, False, None)


@pytest.mark.parametrize(
    "change, message",
    [
        ({"equipment": "spoon"}, "equipment must be one of barbell"),
        ({"equipment": 3}, "equipment is not a string"),
        ({"per_hand": "yes"}, "per_hand is not true or false"),
        ({"unilateral": 1}, "unilateral is not true or false"),
        ({"bar_kg": "20"}, "bar_kg is not a number"),
        ({"bar_kg": True}, "bar_kg is not a number"),
        ({"bar_kg": 500}, "a bar weighs 0 to 100 kg"),
        ({"bar_kg": -1}, "a bar weighs 0 to 100 kg"),
        ({"equipment": "bodyweight", "bodyweight": False}, "it is a bodyweight exercise"),
    ],
)
def test_a_bad_load_field_is_refused_by_name(change, message):
    with pytest.raises(codec.CodecError, match=message):
        codec.exercise_from_dict({**codec.exercise_to_dict(MINE), **change})
