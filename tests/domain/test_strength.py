import pytest
from hypothesis import given, strategies as st

from tui_tracker.domain.strength import ASSUMED_RIR, CONFIDENT_REP_LIMIT, e1rm


def test_epley_with_effort():
    # 100 x 8 @2 is a 10-rep max: 100 * (1 + 10/30)
    assert e1rm(100, 8, 2).kg == pytest.approx(133.333, abs=1e-3)
    assert e1rm(100, 8, 2).low_confidence is False


def test_single_at_failure_is_close_to_the_weight():
    assert e1rm(200, 1, 0).kg == pytest.approx(200 * (1 + 1 / 30))


def test_low_confidence_above_twelve_reps_plus_rir():
    assert e1rm(60, 10, 2).low_confidence is False  # exactly 12
    assert e1rm(60, 10, 3).low_confidence is True  # 13
    assert e1rm(60, 13, None).low_confidence is True
    assert e1rm(60, 5, None).low_confidence is True  # no RIR: always a guess


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
    assumed = ASSUMED_RIR if rir is None else rir
    assert est.low_confidence == (rir is None or reps + assumed > CONFIDENT_REP_LIMIT)
    assert est.rir_assumed == (rir is None)


def test_a_set_without_rir_is_not_counted_as_failure():
    # 100 x 5 with no RIR recorded: estimated at the assumed RIR 2 (a 7-rep max), never as 5 @0
    assert e1rm(100, 5, None).kg == pytest.approx(e1rm(100, 5, 2).kg)
    assert e1rm(100, 5, None).kg > e1rm(100, 5, 0).kg
    assert e1rm(100, 5, None).low_confidence is True


def test_load_for_is_epley_backwards():
    from tui_tracker.domain.strength import load_for

    # e1RM 133.3 (100 x 8 @2): 8 @2 is 100 again; 8 @1 is 133.3 / 1.3 = 102.56
    assert load_for(e1rm(100, 8, 2).kg, 8, 2) == pytest.approx(100)
    assert load_for(e1rm(100, 8, 2).kg, 8, 1) == pytest.approx(102.564, abs=1e-3)
    with pytest.raises(ValueError):
        load_for(100, 0, 2)


@given(st.floats(1, 400), st.integers(1, 20), st.integers(0, 5))
def test_load_for_undoes_e1rm(weight, reps, rir):
    from tui_tracker.domain.strength import load_for

    assert load_for(e1rm(weight, reps, rir).kg, reps, rir) == pytest.approx(weight)
