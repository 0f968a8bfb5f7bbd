"""A past session's date and times (domain/session_edits.py), with worked numbers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, strategies as st

from tui_tracker.domain.inputs import InputError
from tui_tracker.domain.models import LoggedSet, Session
from tui_tracker.domain.session_edits import (
    default_end,
    finished_at,
    moved_to,
    parse_clock,
    parse_session_date,
    with_times,
)

TZ = timezone(timedelta(hours=1))
TUE = date(2026, 11, 10)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def session(day: date = TUE, ended: bool = True) -> Session:
    sets = tuple(
        LoggedSet("barbell-bench-press", 100, 8, 2, at(day, 18, 5 + 4 * i)) for i in range(3)
    )  # 18:05, 18:09, 18:13
    return Session(day, at(day, 18), sets, at(day, 19) if ended else None)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("18:05", time(18, 5)),
        ("7:30", time(7, 30)),
        ("18.05", time(18, 5)),
        ("1805", time(18, 5)),
        ("9", time(9, 0)),
        (" 00:00 ", time(0, 0)),
        ("23:59", time(23, 59)),
    ],
)
def test_clock_times_read_as_typed(text, expected):
    assert parse_clock(text) == expected


@pytest.mark.parametrize(
    "text,message",
    [
        ("24:00", "not a time of day"),
        ("18:60", "not a time of day"),
        ("abc", "is not like 18:05"),
        ("", "give a start"),
        ("[/]", "is not like 18:05"),
        ("18:5:1", "is not like 18:05"),
    ],
)
def test_bad_clock_times_say_why(text, message):
    with pytest.raises(InputError, match=message):
        parse_clock(text, "start")


def test_a_session_date_is_never_after_today():
    assert parse_session_date("2026-11-09", TUE) == date(2026, 11, 9)
    assert parse_session_date("2026-11-10", TUE) == TUE
    with pytest.raises(InputError, match="after today"):
        parse_session_date("2026-11-11", TUE)
    with pytest.raises(InputError, match="not like 2026-11-16"):
        parse_session_date("10/11/2026", TUE)


def test_moving_a_session_moves_every_time_by_whole_days():
    s = session()
    moved = moved_to(s, date(2026, 10, 30))  # 11 days back, into October
    assert moved.date == date(2026, 10, 30) and moved.id == s.id
    assert moved.started_at == at(date(2026, 10, 30), 18)
    assert moved.ended_at == at(date(2026, 10, 30), 19)
    assert [x.at for x in moved.sets] == [at(date(2026, 10, 30), 18, m) for m in (5, 9, 13)]
    assert [x.id for x in moved.sets] == [x.id for x in s.sets]
    assert moved_to(s, TUE) is s


@given(st.integers(min_value=-400, max_value=400))
def test_moving_there_and_back_gives_the_same_session(days):
    s = session(ended=days % 2 == 0)
    there = moved_to(s, TUE + timedelta(days=days))
    assert (there.date - TUE).days == days
    assert [x.at.time() for x in there.sets] == [x.at.time() for x in s.sets]
    assert moved_to(there, TUE) == s


def test_times_change_within_what_the_sets_allow():
    s = session()
    changed = with_times(s, time(17, 45), time(19, 30))
    assert changed.started_at == at(TUE, 17, 45) and changed.ended_at == at(TUE, 19, 30)
    assert changed.sets == s.sets
    # to the minute of the first and last set: allowed
    edge = with_times(s, time(18, 5), time(18, 13))
    assert edge.started_at == at(TUE, 18, 5) and edge.ended_at == at(TUE, 18, 13)


def test_a_start_after_the_first_set_or_an_end_before_the_last_is_refused():
    s = session()
    with pytest.raises(InputError, match="first set was logged at 18:05: the start can be 18:05"):
        with_times(s, time(18, 6), time(19, 0))
    with pytest.raises(InputError, match="last set was logged at 18:13: the end can be 18:13"):
        with_times(s, time(18, 0), time(18, 12))


def test_an_end_before_the_start_is_after_midnight():
    s = Session(
        TUE, at(TUE, 23, 0), (LoggedSet("barbell-bench-press", 100, 8, 2, at(TUE, 23, 50)),)
    )
    changed = with_times(s, time(23, 0), time(0, 40))
    assert changed.ended_at == at(TUE + timedelta(days=1), 0, 40)


def test_an_open_session_ends_five_minutes_after_its_last_set_by_default():
    s = session(ended=False)
    assert default_end(s) == at(TUE, 18, 18)  # last set 18:13 + 5 min
    empty = Session(TUE, at(TUE, 18, 0))
    assert default_end(empty) == at(TUE, 18, 5)
    done = finished_at(s, time(18, 20))
    assert done.ended_at == at(TUE, 18, 20) and done.started_at == s.started_at
    with pytest.raises(InputError, match="the end can be 18:13"):
        finished_at(s, time(18, 10))


def test_an_end_far_before_the_start_is_a_typo_not_the_next_day():
    with pytest.raises(
        InputError,
        match=r"the end can be 18:13 at the earliest \(and 6:00 h "
        r"later at most\)",
    ):
        with_times(session(), time(18, 0), time(17, 0))
    next_morning = with_times(session(), time(18, 0), time(0, 13))  # 6 h after 18:13
    assert next_morning.ended_at == at(TUE + timedelta(days=1), 0, 13)
    empty = Session(TUE, at(TUE, 18, 0))
    with pytest.raises(InputError, match="the session starts at 18:00: the end can be 18:00"):
        finished_at(empty, time(17, 59))


def test_a_session_resumed_days_later_ends_on_the_day_of_its_last_set():
    s = session(ended=False).with_set(
        LoggedSet("barbell-curl", 30, 10, 1, at(TUE + timedelta(days=8), 18, 30))
    )
    done = finished_at(s, time(18, 40))
    assert done.ended_at == at(TUE + timedelta(days=8), 18, 40) and done.started_at == s.started_at
