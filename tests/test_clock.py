from datetime import date, datetime

from tui_tracker.clock import Clock


def test_a_pinned_date_keeps_the_time_of_day_and_takes_that_dates_offset():
    summer = Clock(date(2026, 7, 1), tz="Europe/Berlin").now()
    winter = Clock(date(2026, 12, 1), tz="Europe/Berlin").now()
    assert summer.date() == date(2026, 7, 1) and winter.date() == date(2026, 12, 1)
    assert summer.utcoffset().total_seconds() == 2 * 3600
    assert winter.utcoffset().total_seconds() == 3600
    assert type(summer) is datetime  # plain datetimes go to the store


def test_unpinned_today_is_the_local_date():
    clock = Clock(tz="Pacific/Auckland")
    assert not clock.pinned
    assert clock.today() == clock.now().date()
    assert Clock(date(2026, 11, 16)).today() == date(2026, 11, 16)
