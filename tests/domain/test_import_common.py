"""The parts the Strong and Hevy imports share: RPE to RIR, values, dates, reading the CSV."""

import math
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, strategies as st

from tui_tracker.domain.imports import ImportFormatError, ImportResult, RowError, rpe_to_rir
from tui_tracker.domain.imports.common import (
    duration,
    local_datetime,
    read_table,
    reps,
    rir_from_rpe,
    weight_kg,
)
from tui_tracker.domain.inputs import InputError
from tui_tracker.domain.models import KG_PER_LB

from tests.conftest import TZ


# --- RPE -> RIR -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "rpe,rir",
    [
        (10, 0),
        (9.5, 1),
        (9, 1),
        (8.5, 2),
        (8, 2),
        (7.5, 3),
        (7, 3),
        (6.5, 4),
        (1, 9),
        (7.7, 2),
        (7.3, 3),
        (11, 0),
        (0, 10),
        (-3, 10),
    ],
)
def test_rpe_to_rir(rpe, rir):
    assert rpe_to_rir(rpe) == rir


def test_rpe_to_rir_refuses_nan():
    with pytest.raises(ValueError):
        rpe_to_rir(math.nan)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_rpe_to_rir_is_always_a_valid_rir(rpe):
    rir = rpe_to_rir(rpe)
    assert isinstance(rir, int) and 0 <= rir <= 10


@given(st.integers(2, 20))
def test_half_points_round_toward_more_reserve(halves):
    rpe = halves / 2
    assert rpe_to_rir(rpe) == math.ceil(10 - rpe)


@pytest.mark.parametrize(
    "text,rir",
    [("", None), ("  ", None), ("8", 2), ("8.5", 2), ("8,5", 2), ("10", 0), ("1", 9), ("9.0", 1)],
)
def test_rpe_cells(text, rir):
    assert rir_from_rpe(text) == rir


@pytest.mark.parametrize(
    "text,reason",
    [
        ("12", "outside 1 to 10"),
        ("0", "outside 1 to 10"),
        ("0.5", "outside 1 to 10"),
        ("-2", "negative"),
        ("nan", "not a number"),
        ("inf", "not a number"),
        ("hard", "not a number"),
    ],
)
def test_bad_rpe_cells(text, reason):
    with pytest.raises(InputError, match=reason):
        rir_from_rpe(text)


# --- weights and reps -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text,unit,kg",
    [
        ("100", "kg", 100),
        ("102.5", "kg", 102.5),
        ("62,5", "kg", 62.5),
        ("", "kg", 0),
        (" ", "lb", 0),
        ("225", "lb", 225 * KG_PER_LB),
        ("1000", "kg", 1000),
        ("2204.6", "lb", 2204.6 * KG_PER_LB),
        ("56.69904625", "kg", 56.69904625),
    ],
)
def test_weights(text, unit, kg):
    assert weight_kg(text, unit) == pytest.approx(kg)


@pytest.mark.parametrize(
    "text,unit,reason",
    [
        ("-5", "kg", "negative"),
        ("abc", "kg", "not a number"),
        ("nan", "kg", "not a number"),
        ("inf", "kg", "not a number"),
        ("1e3", "kg", "not a number"),
        ("1000.5", "kg", "above 1000 kg"),
        ("2205", "lb", "above 1000 kg"),
        ("9" * 400, "kg", "too large"),
        ("1.2.3", "kg", "not a number"),
    ],
)
def test_bad_weights(text, unit, reason):
    with pytest.raises(InputError, match=reason):
        weight_kg(text, unit)


@pytest.mark.parametrize(
    "text,n", [("5", 5), ("5.0", 5), ("5,0", 5), (" 8 ", 8), ("1", 1), ("100", 100), ("007", 7)]
)
def test_reps(text, n):
    assert reps(text) == n


@pytest.mark.parametrize(
    "text,reason",
    [
        ("abc", "not a whole number"),
        ("5.5", "not a whole number"),
        ("-1", "negative"),
        ("101", "above 100"),
        ("", "empty"),
        ("1" * 5000, "above 100"),
        ("0", "a set needs at least one rep"),
        ("00", "a set needs at least one rep"),
        ("0.0", "a set needs at least one rep"),
    ],
)
def test_bad_reps(text, reason):
    with pytest.raises(InputError, match=reason):
        reps(text)


# --- dates and durations --------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2024-03-05 18:07:12", datetime(2024, 3, 5, 18, 7, 12)),
        ("2024-03-05 6:07:12\u202fPM", datetime(2024, 3, 5, 18, 7, 12)),
        ("2024-03-05 6:07:12 pm", datetime(2024, 3, 5, 18, 7, 12)),
        ("2024-03-05 12:07:12\u202fAM", datetime(2024, 3, 5, 0, 7, 12)),
        ("2024-03-05 12:07:12\u202fPM", datetime(2024, 3, 5, 12, 7, 12)),
        ("2024-03-05 06:07", datetime(2024, 3, 5, 6, 7)),
        ("2024-03-05T06:07:00", datetime(2024, 3, 5, 6, 7)),
        ("2024-03-05", datetime(2024, 3, 5)),
        ("30 Jan 2025, 12:34", datetime(2025, 1, 30, 12, 34)),
        ("1 Sept 2025, 07:05", datetime(2025, 9, 1, 7, 5)),
        ("Jan 30, 2025, 12:34 PM", datetime(2025, 1, 30, 12, 34)),
        ("2024-03-05T17:07:12Z", datetime(2024, 3, 5, 18, 7, 12)),  # converted to TZ (+01:00)
        ("2024-03-05T18:07:12+01:00", datetime(2024, 3, 5, 18, 7, 12)),
    ],
)
def test_dates(text, expected):
    assert local_datetime(text, TZ) == expected


@pytest.mark.parametrize(
    "text,reason",
    [
        ("", "empty"),
        ("yesterday", "not a date and time"),
        ("2024-02-30 10:00:00", "not a real date"),
        ("2024-03-05 25:00:00", "not a real date"),
        ("2024-03-05 13:00:00 PM", "12-hour"),
        ("30 Foo 2025, 12:34", "not a month"),
        ("1066-10-14 09:00:00", "between 1900 and 2100"),
        ("05/03/2024 18:07", "could be day/month/year or month/day/year"),
    ],
)
def test_bad_dates(text, reason):
    with pytest.raises(InputError, match=reason):
        local_datetime(text, TZ)


@pytest.mark.parametrize(
    "text,span",
    [
        ("1h 5m", timedelta(hours=1, minutes=5)),
        ("45m", timedelta(minutes=45)),
        ("1h", timedelta(hours=1)),
        ("1h 5m 30s", timedelta(hours=1, minutes=5, seconds=30)),
        ("3900", timedelta(seconds=3900)),
        ("1:05:00", timedelta(hours=1, minutes=5)),
        ("", None),
        ("soon", None),
        ("99999h", None),
        ("25h", None),
    ],
)
def test_durations(text, span):
    assert duration(text) == span


# --- reading the file -----------------------------------------------------------------


def test_rows_carry_the_physical_line_they_start_on():
    text = 'a,b\r\n1,"two\r\nlines"\r\n\r\n3,x\r\n"4\n5\n6",y\n7,z\n\n\n'
    table = read_table(text)
    assert table.columns == {"a": 0, "b": 1}
    assert [(line, row[0]) for line, row in table.rows] == [
        (2, "1"),
        (5, "3"),
        (6, "4\n5\n6"),
        (9, "7"),
    ]


def test_leading_blank_lines_and_a_bom_are_ignored():
    table = read_table('\ufeff\n\n"A";"B"\n1;2\n')
    assert table.columns == {"a": 0, "b": 1}
    assert table.rows == [(4, ["1", "2"])]


def test_lines_can_be_given_instead_of_text():
    lines = ["a,b\n", '1,"x\n', 'y"\n', "2,z\n"]
    assert [line for line, _ in read_table(lines).rows] == [2, 4]


@pytest.mark.parametrize("text", ["", "\ufeff", "\n\n  \r\n"])
def test_an_empty_file_is_a_format_error(text):
    with pytest.raises(ImportFormatError, match="empty"):
        read_table(text)


def test_result_types_are_frozen():
    err = RowError(3, "bad")
    with pytest.raises(AttributeError):
        err.line = 4  # type: ignore[misc]
    result = ImportResult((), (), (err,), 1, 0)
    assert result.rows_skipped == 0


def test_utc_offsets_convert_to_the_lifters_zone():
    tokyo = timezone(timedelta(hours=9))
    assert local_datetime("2024-03-05T18:00:00+01:00", tokyo) == datetime(2024, 3, 6, 2, 0)
