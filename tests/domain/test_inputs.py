import math
from datetime import date

import pytest
from hypothesis import given, strategies as st

from tui_tracker.domain.inputs import (
    MAX_WEIGHT_KG,
    InputError,
    parse_date,
    parse_reps,
    parse_rir,
    parse_set,
    parse_weight,
)
from tui_tracker.domain.models import KG_PER_LB


@pytest.mark.parametrize(
    "text,kg,unit",
    [
        ("100", 100, "kg"),
        ("102.5", 102.5, "kg"),
        ("102,5", 102.5, "kg"),
        (" 1.25 ", 1.25, "kg"),
        ("0", 0, "kg"),
        ("1000", 1000, "kg"),
        ("225 lb", 225 * KG_PER_LB, "lb"),
        ("225lbs", 225 * KG_PER_LB, "lb"),
        ("100kg", 100, "kg"),
        ("100.10", 100.1, "kg"),
    ],
)
def test_weights(text, kg, unit):
    got_kg, got_unit = parse_weight(text)
    assert got_kg == pytest.approx(kg) and got_unit == unit


def test_weight_in_the_default_unit():
    assert parse_weight("45", "lb") == pytest.approx((45 * KG_PER_LB, "lb"))


@pytest.mark.parametrize(
    "text,reason",
    [
        ("", "empty"),
        ("-5", "negative"),
        ("abc", "not a number"),
        ("nan", "not a number"),
        ("inf", "not a number"),
        ("1e3", "not a number"),
        ("100.125", "two decimals"),
        ("1000.5", "above 1000 kg"),
        ("2205 lb", "above 2204.6 lb"),
        ("10 stone", "not a number"),
        ("1.2.3", "not a number"),
        ("١٠٠", "not a number"),
    ],
)
def test_bad_weights(text, reason):
    with pytest.raises(InputError, match=reason):
        parse_weight(text)


@pytest.mark.parametrize("text,reps", [("1", 1), ("8", 8), (" 100 ", 100), ("007", 7)])
def test_reps(text, reps):
    assert parse_reps(text) == reps


@pytest.mark.parametrize(
    "text,reason",
    [
        ("", "empty"),
        ("8.5", "whole numbers"),
        ("101", "above 100"),
        ("-1", "not a whole number"),
        ("x", "not a whole number"),
        ("0", "a set needs at least one rep"),
        ("000", "a set needs at least one rep"),
    ],
)
def test_bad_reps(text, reason):
    with pytest.raises(InputError, match=reason):
        parse_reps(text)


@pytest.mark.parametrize(
    "text,rir", [("", None), ("  ", None), ("0", 0), ("3", 3), ("10", 10), ("@2", 2)]
)
def test_rir(text, rir):
    assert parse_rir(text) == rir


@pytest.mark.parametrize("text", ["11", "-1", "1.5", "two"])
def test_bad_rir(text):
    with pytest.raises(InputError, match="0 \\(failure\\)"):
        parse_rir(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("100x5@2", (100, "kg", 5, 2)),
        ("100X5", (100, "kg", 5, None)),
        ("102,5x8@0", (102.5, "kg", 8, 0)),
        ("60*12@1", (60, "kg", 12, 1)),
        ("80×10", (80, "kg", 10, None)),
    ],
)
def test_set_notation(text, expected):
    s = parse_set(text)
    assert (pytest.approx(s.weight_kg), s.unit, s.reps, s.rir) == expected


def test_set_notation_with_unit():
    s = parse_set("225lbx5@1", "kg")
    assert s.unit == "lb" and s.weight_kg == pytest.approx(225 * KG_PER_LB)


@pytest.mark.parametrize(
    "text,reason",
    [
        ("100", "not like 100x5@2"),
        ("x5", "not like"),
        ("100x", "not like"),
        ("100x5@", "nothing after @"),
        ("100x5@11", "0 \\(failure\\)"),
        ("100x5.5", "whole numbers"),
        ("abcx5", "not a number"),
        ("0x0", "a set needs at least one rep"),
        ("100x0", "a set needs at least one rep"),
        ("100x0@2", "a set needs at least one rep"),
        ("-5x5", "weight cannot be negative"),
    ],
)
def test_bad_set_notation_names_the_set(text, reason):
    with pytest.raises(InputError, match=reason):
        parse_set(text)


def test_dates():
    assert parse_date("2026-11-16") == date(2026, 11, 16)
    for bad in ["2026-02-30", "16.11.2026", "2026-1-1", "", "２０２６-11-16"]:
        with pytest.raises(InputError):
            parse_date(bad)


@given(st.text(max_size=20))
def test_any_text_either_parses_within_the_rules_or_raises_input_error(text):
    for unit in ("kg", "lb"):
        try:
            s = parse_set(text, unit)
        except InputError:
            continue
        assert math.isfinite(s.weight_kg) and 0 <= s.weight_kg <= MAX_WEIGHT_KG + 1e-9
        assert isinstance(s.reps, int) and 1 <= s.reps <= 100
        assert s.rir is None or (isinstance(s.rir, int) and 0 <= s.rir <= 10)


@given(st.text(max_size=12))
def test_weight_reps_rir_parsers_never_raise_anything_else(text):
    for fn in (parse_weight, parse_reps, parse_rir, parse_date):
        try:
            fn(text)
        except InputError:
            pass


@given(st.decimals(min_value=0, max_value=1000, places=2))
def test_every_typed_kg_weight_round_trips(value):
    kg, _ = parse_weight(str(value))
    assert kg == pytest.approx(float(value))
