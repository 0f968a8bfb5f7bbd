import pytest

from tests.conftest import make_set
from tui_tracker.domain.advice import failure_advice
from tui_tracker.domain.models import Exercise

SQUAT = Exercise("sq", "Barbell Back Squat", ("quads", "glutes"), kind="compound", high_skill=True)
BENCH = Exercise("bp", "Barbell Bench Press", ("chest",), ("triceps",), kind="compound")
CURL = Exercise("cu", "Dumbbell Curl", ("biceps",), kind="isolation")


@pytest.mark.parametrize("final", [True, False, None])
def test_failure_on_high_skill_compound_is_a_warning_even_on_the_final_set(final):
    advice = failure_advice(make_set("sq", rir=0), SQUAT, final)
    assert advice.level == "warning"
    assert "injury" in advice.message
    assert advice.evidence.startswith("Evidence:")
    assert "\n" not in advice.evidence


def test_failure_on_compound_before_final_set_advises_1_to_3_rir():
    advice = failure_advice(make_set("bp", rir=0), BENCH, False)
    assert advice.level == "advice"
    assert "1-3 reps in reserve" in advice.message
    assert "before the final set" in advice.message
    assert "Grgic" in advice.evidence


def test_failure_on_compound_with_unknown_plan_says_what_would_make_it_fine():
    advice = failure_advice(make_set("bp", rir=0), BENCH, None)
    assert advice.level == "advice"
    assert "unless this was the final set" in advice.message


def test_failure_on_compound_final_set_is_fine():
    advice = failure_advice(make_set("bp", rir=0), BENCH, True)
    assert advice.level == "fine" and not advice.needs_attention
    assert "final set" in advice.message


@pytest.mark.parametrize("final", [True, False, None])
def test_failure_on_isolation_is_fine(final):
    advice = failure_advice(make_set("cu", rir=0), CURL, final)
    assert advice.level == "fine"
    assert "isolation" in advice.message


@pytest.mark.parametrize("rir", [1, 2, 3, 5, None])
def test_nothing_to_say_short_of_failure(rir):
    assert failure_advice(make_set("sq", rir=rir), SQUAT, False) is None


def test_warmups_are_never_advised():
    assert failure_advice(make_set("sq", rir=0, kind="warmup"), SQUAT, False) is None


@pytest.mark.parametrize(
    "status, says",
    [
        ("well_trained", "for trained lifters, as you are"),
        ("some_years", "for trained lifters, as you are"),
        ("new", "New to lifting, the margin between failure and near-failure may matter less"),
        (None, "set your training status"),
    ],
)
def test_the_compound_caution_says_which_training_status_it_applies_to(status, says):
    advice = failure_advice(make_set("bp", rir=0), BENCH, False, status)
    assert advice.level == "advice" and says in advice.evidence
    assert "\n" not in advice.evidence


@pytest.mark.parametrize("status", ["new", "some_years", "well_trained", None])
def test_form_breakdown_is_warned_of_whatever_the_training_status(status):
    advice = failure_advice(make_set("sq", rir=0), SQUAT, True, status)
    assert advice.level == "warning"


@pytest.mark.parametrize(
    "status, says",
    [("well_trained", "as you are"), ("new", "take it as a guide"), (None, "training status")],
)
def test_the_band_note_says_which_applies(status, says):
    from tui_tracker.domain.advice import status_note

    assert says in status_note(status, "band")
