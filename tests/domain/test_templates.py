from datetime import date

import pytest

from tui_tracker.domain.catalogue import BUILTIN_EXERCISES, Catalogue
from tui_tracker.domain.mesocycle import default_rir_targets
from tui_tracker.domain.volume import planned_weekly_sets
from tui_tracker.domain.templates import TEMPLATES, build_mesocycle

START = date(2026, 11, 2)
CAT = Catalogue()
MAJOR = ("chest", "back", "quads", "hamstrings", "glutes", "side_delts", "biceps", "triceps")
BUILTIN_IDS = {e.id for e in BUILTIN_EXERCISES}


def test_the_two_required_templates_exist():
    assert {"upper-lower-4", "full-body-3"} <= set(TEMPLATES)


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_template_uses_real_catalogue_exercises(name):
    for d in TEMPLATES[name].days:
        assert d.exercises
        for p in d.exercises:
            assert p.exercise_id in BUILTIN_IDS, p.exercise_id


@pytest.mark.parametrize("name", list(TEMPLATES))
@pytest.mark.parametrize("muscle", MAJOR)
def test_major_muscles_get_10_to_16_sets_over_at_least_two_days(name, muscle):
    v = planned_weekly_sets(build_mesocycle(name, 4, START), CAT.get)[muscle]
    assert 10 <= v.sets <= 16, f"{muscle}: {v.sets}"
    assert v.status == "within"
    assert v.sessions >= 2 and not v.single_session


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_no_muscle_is_planned_above_the_band(name):
    v = planned_weekly_sets(build_mesocycle(name, 4, START), CAT.get)
    assert all(m.status != "above" for m in v.values())


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_template_docstring_names_the_muscles_left_below(name):
    import tui_tracker.domain.templates as module

    v = planned_weekly_sets(build_mesocycle(name, 4, START), CAT.get)
    below = [m for m, vol in v.items() if vol.status == "below"]
    doc = module.__doc__.lower()
    for m in below:
        assert m.replace("_", " ") in doc, m


def test_upper_lower_days_and_weekdays():
    days = TEMPLATES["upper-lower-4"].days
    assert [(d.name, d.weekday) for d in days] == [
        ("Upper A", 0),
        ("Lower A", 1),
        ("Upper B", 3),
        ("Lower B", 4),
    ]


def test_full_body_on_monday_wednesday_friday():
    assert [d.weekday for d in TEMPLATES["full-body-3"].days] == [0, 2, 4]


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_each_day_opens_with_a_compound(name):
    for d in TEMPLATES[name].days:
        assert CAT.get(d.exercises[0].exercise_id).is_compound


@pytest.mark.parametrize("weeks", [3, 4, 5, 6])
def test_build_mesocycle(weeks):
    m = build_mesocycle("upper-lower-4", weeks, START)
    assert m.name == "Upper/Lower 4-day, Nov 2026"
    assert m.start == START and m.weeks == weeks
    assert m.days == TEMPLATES["upper-lower-4"].days
    assert m.rir_targets == default_rir_targets(weeks)
    assert m.deload_start is None and m.postponed_until is None and m.ended is None


def test_build_mesocycle_with_own_name_and_fresh_ids():
    a = build_mesocycle("full-body-3", 4, START, name="Winter block")
    b = build_mesocycle("full-body-3", 4, START)
    assert a.name == "Winter block" and b.name == "Full Body 3-day, Nov 2026"
    assert a.id != b.id


def test_unknown_template_lists_the_known_ones():
    with pytest.raises(ValueError) as err:
        build_mesocycle("bro-split", 4, START)
    assert "upper-lower-4" in str(err.value) and "full-body-3" in str(err.value)


@pytest.mark.parametrize("weeks", [2, 7])
def test_build_mesocycle_refuses_bad_lengths(weeks):
    with pytest.raises(ValueError, match="3 to 6 weeks"):
        build_mesocycle("full-body-3", weeks, START)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_no_muscle_of_a_template_is_below_its_default_band(name):
    from tui_tracker.domain.targets import DEFAULT_TARGETS

    meso = build_mesocycle(name, 4, START)
    volume = planned_weekly_sets(meso, CAT.get, DEFAULT_TARGETS)
    assert [m for m, v in volume.items() if v.status != "within"] == []
