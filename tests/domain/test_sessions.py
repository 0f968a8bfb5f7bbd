from dataclasses import replace
from datetime import timedelta

import pytest

from tests.conftest import TODAY, at, make_session, make_set
from tui_tracker.domain.sessions import (
    days_ago,
    duration_text,
    last_performance,
    prefill,
    session_to_resume,
    working_set_count,
)

YESTERDAY = TODAY - timedelta(days=1)


def test_resume_open_session_of_today():
    s = make_session(TODAY, make_set("sq"), ended=False)
    assert session_to_resume([s], at(TODAY, 20)) is s


def test_finished_session_is_not_resumed():
    assert session_to_resume([make_session(TODAY, make_set("sq"))], at(TODAY, 20)) is None


def test_session_across_midnight_is_resumed_within_three_hours():
    s = make_session(
        YESTERDAY, replace(make_set("sq", day=YESTERDAY), at=at(YESTERDAY, 23, 30)), ended=False
    )
    assert session_to_resume([s], at(TODAY, 2, 30)) is s  # 3 h after the last set: still on
    assert session_to_resume([s], at(TODAY, 2, 31)) is None  # abandoned


def test_older_open_session_is_not_resumed():
    s = make_session(TODAY - timedelta(days=2), make_set("sq"), ended=False)
    assert session_to_resume([s], at(TODAY, 10)) is None


def test_newest_activity_wins():
    early = make_session(TODAY, replace(make_set("sq"), at=at(TODAY, 7)), ended=False)
    late = make_session(TODAY, replace(make_set("sq"), at=at(TODAY, 18)), ended=False)
    assert session_to_resume([early, late], at(TODAY, 19)) is late
    assert session_to_resume([late, early], at(TODAY, 19)) is late


def test_prefill_repeats_the_previous_set_today():
    today = [make_set("sq", 100, 5, 2), make_set("sq", 105, 4, 1)]
    p = prefill(today, [make_set("sq", 90, 8, 3)], "kg")
    assert (p.weight_kg, p.reps, p.rir, p.warmup) == (105, 4, 1, False)


def test_prefill_warmup_stays_warmup():
    p = prefill([make_set("sq", 60, 5, None, kind="warmup")], [], "kg")
    assert p.warmup and p.weight_kg == 60


def test_prefill_from_last_time_skips_warmups():
    last = [
        make_set("sq", 60, 5, None, kind="warmup"),
        make_set("sq", 100, 6, 2),
        make_set("sq", 100, 5, 1),
    ]
    p = prefill([], last, "kg")
    assert (p.weight_kg, p.reps, p.rir, p.warmup) == (100, 6, 2, False)


def test_prefill_keeps_the_unit_entered():
    p = prefill([], [make_set("sq", 102.05828325, 5, 2, unit="lb")], "kg")
    assert p.unit == "lb"


def test_prefill_first_time_is_empty_in_default_unit():
    p = prefill([], [], "lb")
    assert p.weight_kg is None and p.reps is None and p.rir is None and p.unit == "lb"


def test_last_performance_names_best_set_and_when():
    session = make_session(TODAY - timedelta(days=4))
    sets = [
        make_set("sq", 60, 5, None, kind="warmup"),
        make_set("sq", 100, 8, 2),
        make_set("sq", 100, 7, 1),
    ]
    assert last_performance(session, sets, TODAY) == "last: 100 kg x 8 @2 (+1 set), 4 days ago"
    assert last_performance(None, [], TODAY) == "first time"


@pytest.mark.parametrize(
    "days,text",
    [
        (0, "today"),
        (1, "yesterday"),
        (4, "4 days ago"),
        (13, "13 days ago"),
        (14, "2 weeks ago"),
        (59, "8 weeks ago"),
    ],
)
def test_days_ago(days, text):
    assert days_ago(TODAY - timedelta(days=days), TODAY) == text


def test_days_ago_long_ago_is_a_date():
    assert days_ago(TODAY - timedelta(days=400), TODAY) == (TODAY - timedelta(days=400)).strftime(
        "%d %b %Y"
    )


def test_duration_text():
    assert duration_text(at(TODAY, 17), at(TODAY, 17, 42)) == "42 min"
    assert duration_text(at(TODAY, 17), at(TODAY, 18, 5)) == "1:05 h"
    assert duration_text(at(TODAY, 17), at(TODAY, 16)) == "0 min"


def test_working_set_count_ignores_warmups():
    assert working_set_count([make_set("sq", kind="warmup"), make_set("sq")]) == 1


def test_compact_last_performance_fits_a_list_row():
    from datetime import date

    from tests.conftest import make_session, make_set
    from tui_tracker.domain.sessions import last_performance

    day = date(2026, 11, 20)
    sets = [
        make_set("barbell-bench-press", 100, 8, 2, day),
        make_set("barbell-bench-press", 100, 7, 1, day),
    ]
    session = make_session(day, *sets)
    text = last_performance(session, sets, date(2026, 11, 24), compact=True)
    assert text == "last: 100 kg x 8 @2, 4 days ago"
    assert "(+1 set)" in last_performance(session, sets, date(2026, 11, 24))


def test_a_bodyweight_set_reads_bw():
    from tests.conftest import make_set

    assert make_set("pull-up", 0, 9, 2).describe() == "BW x 9 @2"
    assert make_set("pull-up", 10, 9, None).describe() == "10 kg x 9"


def test_the_first_working_set_after_warmups_comes_from_last_times_working_sets():
    """Warm-ups today say nothing about the working weight: switching to a working set
    pre-fills last time's first working set, not the last warm-up."""
    today = [make_set("sq", 60, 5, None, kind="warmup"), make_set("sq", 80, 3, None, kind="warmup")]
    last = [make_set("sq", 40, 5, None, kind="warmup"), make_set("sq", 100, 6, 2)]
    working = prefill(today, last, "kg", warmup=False)
    assert (working.weight_kg, working.reps, working.rir, working.warmup) == (100, 6, 2, False)
    # Left to itself the panel carries on with the kind logged last: another warm-up.
    assert prefill(today, last, "kg").warmup and prefill(today, last, "kg").weight_kg == 80
    # And a warm-up asked for after working sets repeats today's last warm-up.
    today.append(make_set("sq", 100, 6, 2))
    assert prefill(today, last, "kg", warmup=True).weight_kg == 80


def test_a_first_warmup_starts_from_last_times_first_warmup_else_empty():
    last = [make_set("sq", 40, 5, None, kind="warmup"), make_set("sq", 100, 6, 2)]
    p = prefill([], last, "kg", warmup=True)
    assert (p.weight_kg, p.reps, p.warmup) == (40, 5, True)
    empty = prefill([], [make_set("sq", 100, 6, 2)], "kg", warmup=True)
    assert (empty.weight_kg, empty.reps, empty.rir, empty.warmup) == (None, None, None, True)


def test_set_counts_keep_working_sets_and_warmups_apart():
    from tui_tracker.domain.sessions import set_counts

    sets = [
        make_set("sq", kind="warmup"),
        make_set("sq"),
        make_set("bp"),
        make_set("bp", kind="warmup"),
    ]
    counts = set_counts(sets)
    assert (counts.working, counts.warmups, counts.exercises) == (2, 2, 2)
    assert str(counts) == "2 working sets + 2 warm-ups of 2 exercises"
    assert str(set_counts([make_set("sq")])) == "1 working set of 1 exercise"
    assert str(set_counts([])) == "no sets"
