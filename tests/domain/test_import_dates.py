"""Dates in the phone's language, and day/month order decided from the whole file."""

from datetime import date, datetime

import pytest
from hypothesis import given, strategies as st

from tui_tracker.domain.imports import ImportFormatError
from tui_tracker.domain.imports.dates import (
    AmbiguousDate,
    OrderScan,
    file_date_order,
    local_datetime,
    scan_date_order,
)
from tui_tracker.domain.inputs import InputError

from tests.conftest import TZ
from tests.domain.test_import_hevy import HEADER, all_sets, hevy, lines, row


@pytest.mark.parametrize(
    "text,expected",
    [
        # the three forms of the issue: German numbers, and the two English ones that worked
        ("05.06.2026, 07:30", datetime(2026, 6, 5, 7, 30)),
        ("May 15, 2026, 7:26 PM", datetime(2026, 5, 15, 19, 26)),
        ("22 Dec 2025, 08:00", datetime(2025, 12, 22, 8, 0)),
        # dotted day.month.year: always day first
        ("5.6.2026 7:30", datetime(2026, 6, 5, 7, 30)),
        ("13.12.2025, 18:05:09", datetime(2025, 12, 13, 18, 5, 9)),
        ("05.06.26, 07:30", datetime(2026, 6, 5, 7, 30)),
        ("05.06.2026 07.30", datetime(2026, 6, 5, 7, 30)),
        ("05.06.2026, 07:30 Uhr", datetime(2026, 6, 5, 7, 30)),
        ("05.06.2026", datetime(2026, 6, 5)),
        # German month names
        ("5. Juni 2026, 07:30", datetime(2026, 6, 5, 7, 30)),
        ("3. März 2026 um 18:00", datetime(2026, 3, 3, 18, 0)),
        ("22. Dez. 2025, 08:00", datetime(2025, 12, 22, 8, 0)),
        ("1. Okt. 2025, 06:15", datetime(2025, 10, 1, 6, 15)),
        ("14 Mai 2026 17:45", datetime(2026, 5, 14, 17, 45)),
        # a few other languages
        ("5 juin 2026 07:30", datetime(2026, 6, 5, 7, 30)),
        ("15 de mayo de 2026, 7:26 p. m.", datetime(2026, 5, 15, 19, 26)),
        ("2 febbraio 2026 08:00", datetime(2026, 2, 2, 8, 0)),
        ("9 mrt 2026 20:10", datetime(2026, 3, 9, 20, 10)),
        # English variants and ISO still read
        ("June 5, 2026 at 7:30 AM", datetime(2026, 6, 5, 7, 30)),
        ("Jun 5th, 2026, 12:05 AM", datetime(2026, 6, 5, 0, 5)),
        ("2026-06-05 07:30:00", datetime(2026, 6, 5, 7, 30)),
        # slashes whose day is above 12: only one reading is a date
        ("25/03/2026 18:00", datetime(2026, 3, 25, 18, 0)),
        ("3/25/2026, 6:00 PM", datetime(2026, 3, 25, 18, 0)),
        ("05/05/2026", datetime(2026, 5, 5)),  # the same either way
        # the year first is always year, month, day
        ("2026/06/05 07:30", datetime(2026, 6, 5, 7, 30)),
        ("2026.06.05 19:30", datetime(2026, 6, 5, 19, 30)),
        # a weekday before the date
        ("Friday, June 5, 2026 7:30 PM", datetime(2026, 6, 5, 19, 30)),
        ("Fr., 05.06.2026, 07:30", datetime(2026, 6, 5, 7, 30)),
        ("vendredi, 5 juin 2026 07:30", datetime(2026, 6, 5, 7, 30)),
    ],
)
def test_locale_dates_without_an_order(text, expected):
    assert local_datetime(text, TZ) == expected


@pytest.mark.parametrize(
    "text,order,expected",
    [
        ("05/06/2026 07:30", "dmy", datetime(2026, 6, 5, 7, 30)),
        ("05/06/2026 07:30", "mdy", datetime(2026, 5, 6, 7, 30)),
        ("6/5/2026, 7:30 PM", "mdy", datetime(2026, 6, 5, 19, 30)),
        ("6/5/26, 7:30 PM", "mdy", datetime(2026, 6, 5, 19, 30)),
        ("05-06-2026", "dmy", datetime(2026, 6, 5)),
        ("05.06.2026, 07:30", "mdy", datetime(2026, 6, 5, 7, 30)),  # dots are day first everywhere
        ("2026-06-05 07:30", "mdy", datetime(2026, 6, 5, 7, 30)),
    ],
)
def test_slashed_dates_follow_the_files_order(text, order, expected):
    assert local_datetime(text, TZ, order) == expected


def test_a_weekday_before_slashes_still_needs_the_order():
    with pytest.raises(AmbiguousDate, match="--date-order dmy .5 June 2026."):
        local_datetime("Fri, 05/06/2026 07:30", TZ)
    assert local_datetime("Fri, 05/06/2026 07:30", TZ, "dmy") == datetime(2026, 6, 5, 7, 30)
    assert scan_date_order([(2, "Thu, 25/06/2026")]).order == "dmy"


def test_a_date_that_could_be_either_is_refused_with_both_readings():
    with pytest.raises(AmbiguousDate) as caught:
        local_datetime("05/06/2026 07:30", TZ)
    message = str(caught.value)
    assert "could be day/month/year or month/day/year" in message
    assert "--date-order dmy (5 June 2026)" in message
    assert "--date-order mdy (6 May 2026)" in message


@pytest.mark.parametrize(
    "text,order,reason",
    [
        ("25/03/2026", "mdy", "not a real date read as month/day/year"),
        ("03/25/2026", "dmy", "not a real date read as day/month/year"),
        ("31.02.2026, 07:30", None, "not a real date"),
        ("5. Brumaire 2026, 07:30", None, "not a month"),
        ("05.06.2026, 13:30 PM", None, "12-hour"),
        ("05.06.1066", None, "between 1900 and 2100"),
        ("05-06-26", None, "not a date and time"),  # a dashed two-digit year could be 2005-06-26
        ("2026-06/05", None, "not a date and time"),
        ("May, 05.06.2026", None, "not a date and time"),  # a month is never taken for a weekday
    ],
)
def test_bad_locale_dates(text, order, reason):
    with pytest.raises(InputError, match=reason):
        local_datetime(text, TZ, order)


# --- the file decides ---------------------------------------------------------------------


def test_a_day_above_12_anywhere_settles_the_file_as_day_first():
    scan = scan_date_order(
        [
            (2, "05/06/2026 07:30"),
            (3, "07/06/2026 07:30"),
            (9, "25/06/2026 18:00"),
            (10, "01/07/2026 07:30"),
        ]
    )
    assert scan == OrderScan("dmy", 9, "25/06/2026 18:00")
    assert scan.sentence() == (
        "Dates read as day/month/year: line 9 has 25/06/2026 18:00, which cannot be month/day."
    )


def test_a_second_number_above_12_settles_it_as_month_first():
    scan = scan_date_order([(2, "6/5/2026, 7:30 PM"), (3, "6/13/2026, 7:30 PM")])
    assert (scan.order, scan.line) == ("mdy", 3)
    assert "month/day/year" in scan.sentence()


def test_a_file_that_cannot_tell_is_undecided_and_names_the_option():
    scan = scan_date_order([(2, "05/06/2026"), (3, "07/06/2026"), (4, "08/06/2026")])
    assert scan.undecided and scan.order is None and (scan.line, scan.example) == (2, "05/06/2026")
    assert "--date-order dmy (5 June 2026) or --date-order mdy (6 May 2026)" in scan.refusal()


def test_dates_that_read_the_same_either_way_need_no_order():
    assert scan_date_order([(2, "05/05/2026"), (3, "12/12/2026")]) == OrderScan(None)


def test_a_file_of_iso_or_named_dates_is_decided_at_its_first_row():
    def cells():
        yield 2, "22 Dec 2025, 08:00"
        raise AssertionError("read past the first date")

    assert scan_date_order(cells()) == OrderScan(None)
    assert scan_date_order([(2, "2026-06-05 07:30:00")]) == OrderScan(None)


def test_a_given_order_is_used_and_an_unknown_one_refused():
    assert file_date_order("x\n", 0, "mdy")[0] == "mdy"
    with pytest.raises(ImportFormatError, match="not dmy or mdy"):
        file_date_order("x\n", 0, "ymd")  # type: ignore[arg-type]


@given(
    st.dates(date(1990, 1, 1), date(2099, 12, 31)),
    st.sampled_from(["dmy", "mdy"]),
    st.sampled_from(["/", "-"]),
)
def test_never_a_silent_swap(day, order, sep):
    """Written in either order, a date reads back as itself with that order, and without
    one it reads as itself or is refused: never as another date."""
    first, second = (day.day, day.month) if order == "dmy" else (day.month, day.day)
    text = f"{first:02d}{sep}{second:02d}{sep}{day.year} 07:30"
    assert local_datetime(text, TZ, order).date() == day
    try:
        read = local_datetime(text, TZ)
    except AmbiguousDate:
        assert day.day <= 12 and day.day != day.month
    else:
        assert read.date() == day


# --- through a whole Hevy file ------------------------------------------------------------


def test_a_german_hevy_export_imports():
    text = lines(
        HEADER,
        row(start="05.06.2026, 07:30", end="05.06.2026, 08:45", weight="102,5"),
        row(start="05.06.2026, 07:30", end="05.06.2026, 08:45", index="1"),
    )
    result = hevy(text)
    assert result.errors == ()
    (session,) = result.sessions
    assert session.started_at.replace(tzinfo=None) == datetime(2026, 6, 5, 7, 30)
    assert session.ended_at.replace(tzinfo=None) == datetime(2026, 6, 5, 8, 45)
    assert [s.weight_kg for s in all_sets(result)] == [102.5, 100]


def test_a_hevy_file_in_day_first_slashes_is_read_day_first_throughout():
    text = lines(
        HEADER,
        row(title="A", start="05/06/2026, 07:30", end=""),
        row(title="B", start="25/06/2026, 07:30", end=""),
    )
    result = hevy(text)
    assert [s.date for s in result.sessions] == [date(2026, 6, 5), date(2026, 6, 25)]


def test_an_undecidable_hevy_file_is_refused_whole():
    text = lines(
        HEADER,
        row(title="A", start="05/06/2026, 07:30", end=""),
        row(title="B", start="07/06/2026, 07:30", end=""),
    )
    with pytest.raises(ImportFormatError, match="--date-order dmy .5 June 2026."):
        hevy(text)
    assert [s.date for s in hevy(text, date_order="mdy").sessions] == [
        date(2026, 5, 6),
        date(2026, 7, 6),
    ]


def test_a_row_against_the_files_order_is_a_bad_row_not_a_swap():
    text = lines(
        HEADER,
        row(title="A", start="25/06/2026, 07:30", end=""),
        row(title="B", start="06/26/2026, 07:30", end=""),
    )
    result = hevy(text)
    assert [s.date for s in result.sessions] == [date(2026, 6, 25)]
    assert [(e.line, "read as day/month/year" in e.message) for e in result.errors] == [(3, True)]
