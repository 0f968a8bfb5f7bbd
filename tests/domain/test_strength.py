import pytest
from hypothesis import given, strategies as st

from tui_tracker.domain.strength import CONFIDENT_REP_LIMIT, e1rm


def test_epley_with_effort():
    # 100 x 8 @2 is a 10-rep max: 100 * (1 + 10/30)
    assert e1rm(100, 8, 2).kg == pytest.approx(133.333, abs=1e-3)
    assert e1rm(100, 8, 2).low_confidence is False


def test_rir_not_recorded_counts_as_failure():
    assert e1rm(100, 5, None).kg == pytest.approx(e1rm(100, 5, 0).kg)


def test_single_at_failure_is_close_to_the_weight():
    assert e1rm(200, 1, 0).kg == pytest.approx(200 * (1 + 1 / 30))


def test_low_confidence_above_twelve_reps_plus_rir():
    assert e1rm(60, 10, 2).low_confidence is False  # exactly 12
    assert e1rm(60, 10, 3).low_confidence is True  # 13
    assert e1rm(60, 13, None).low_confidence is True


def test_zero_reps_says_nothing():
    assert e1rm(100, 0, 0).kg == 0


@pytest.mark.parametrize("args", [(-1, 5, 0), (100, -1, 0), (100, 5, -1)])
def test_negative_inputs_refused(args):
    with pytest.raises(ValueError):
        e1rm(*args)


@given(st.floats(0, 1000), st.integers(1, 100), st.one_of(st.none(), st.integers(0, 10)))
def test_estimate_never_below_the_weight_and_grows_with_reps(weight, reps, rir):
    est = e1rm(weight, reps, rir)
    assert est.kg >= weight
    assert e1rm(weight, reps + 1, rir).kg >= est.kg
    assert est.low_confidence == (reps + (rir or 0) > CONFIDENT_REP_LIMIT)
