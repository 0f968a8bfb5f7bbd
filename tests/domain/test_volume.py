from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from tests.conftest import TODAY, make_session, make_set
from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.models import Exercise
from tui_tracker.domain.muscles import MUSCLES
from tui_tracker.domain.volume import IsoWeek, is_hard_set, volume_by_week, weekly_sets

EXERCISES = {
    "bp": Exercise("bp", "Bench", ("chest",), ("triceps", "front_delts"), kind="compound"),
    "sq": Exercise("sq", "Squat", ("quads", "glutes"), kind="compound", high_skill=True),
    "cu": Exercise("cu", "Curl", ("biceps",), kind="isolation"),
}
WEEK = IsoWeek.of(TODAY)


def vol(sessions, week=WEEK, targets=None):
    return weekly_sets(sessions, week, EXERCISES.get, targets)


def test_iso_week_is_monday_to_sunday():
    assert str(WEEK) == "2026-W47"
    assert WEEK.monday == date(2026, 11, 16) and WEEK.sunday == date(2026, 11, 22)
    assert date(2026, 11, 15) not in WEEK  # Sunday before
    assert date(2026, 11, 16) in WEEK and date(2026, 11, 22) in WEEK
    assert date(2026, 11, 23) not in WEEK


@pytest.mark.parametrize("text", ["2026-W47", "2026W47", "2026-w47", " 2026-W47 "])
def test_iso_week_parse(text):
    assert IsoWeek.parse(text) == IsoWeek(2026, 47)


@pytest.mark.parametrize("text", ["2026-47", "W47", "2026-W54", "2026-W00", "20-W4", "", "2026-Wx"])
def test_iso_week_parse_refuses(text):
    with pytest.raises(ValueError):
        IsoWeek.parse(text)


def test_iso_week_at_year_end():
    # 2026-12-31 is a Thursday in 2026-W53; 2027-01-03 still in it
    assert str(IsoWeek.of(date(2027, 1, 3))) == "2026-W53"
    assert str(IsoWeek.of(date(2027, 1, 4))) == "2027-W01"


def test_primary_counts_one_secondary_half():
    v = vol([make_session(TODAY, make_set("bp"), make_set("bp"))])
    assert v["chest"].sets == 2.0
    assert v["triceps"].sets == 1.0
    assert v["front_delts"].sets == 1.0
    assert v["quads"].sets == 0


def test_all_fourteen_muscles_listed():
    assert list(vol([])) == list(MUSCLES)


def test_warmups_never_count():
    v = vol([make_session(TODAY, make_set("sq", kind="warmup", rir=None), make_set("sq"))])
    assert v["quads"].sets == 1.0


@pytest.mark.parametrize("rir,counts", [(0, True), (4, True), (5, False), (8, False), (None, True)])
def test_easy_sets_are_not_hard(rir, counts):
    v = vol([make_session(TODAY, make_set("cu", rir=rir))])
    assert v["biceps"].sets == (1.0 if counts else 0.0)


def test_zero_rep_set_is_not_hard():
    assert not is_hard_set(make_set("cu", reps=0))


def test_only_sessions_in_the_week_count():
    sunday_before = WEEK.monday - timedelta(days=1)
    next_monday = WEEK.sunday + timedelta(days=1)
    sessions = [
        make_session(d, make_set("cu"))
        for d in (sunday_before, WEEK.monday, WEEK.sunday, next_monday)
    ]
    assert vol(sessions)["biceps"].sets == 2.0


def test_a_session_counts_for_every_muscle_it_gave_hard_set_credit():
    s1 = make_session(WEEK.monday, make_set("bp"))
    s2 = make_session(WEEK.monday + timedelta(days=3), make_set("bp"))
    v = vol([s1, s2])
    assert v["chest"].sessions == 2
    assert v["triceps"].sessions == 2  # secondary work is training too
    assert v["quads"].sessions == 0


def test_bench_monday_and_incline_thursday_train_front_delts_in_two_sessions():
    """The case from issue 11: front delts got 2 x 4 half sets on two days and were
    reported as "0 sessions, split it over two"."""
    cat = Catalogue()
    monday = make_session(WEEK.monday, *[make_set("barbell-bench-press")] * 4)
    thursday = make_session(
        WEEK.monday + timedelta(days=3), *[make_set("incline-barbell-bench-press")] * 4
    )
    front = weekly_sets([monday, thursday], WEEK, cat.get)["front_delts"]
    assert front.sets == 4.0 and front.sessions == 2 and not front.single_session
    only_monday = weekly_sets([monday], WEEK, cat.get)["front_delts"]
    assert only_monday.sessions == 1 and only_monday.single_session


def test_easy_sets_and_warmups_do_not_make_a_session_count():
    easy = make_session(WEEK.monday, make_set("cu", rir=6), make_set("cu", kind="warmup"))
    hard = make_session(TODAY, make_set("cu"))
    assert vol([easy, hard])["biceps"].sessions == 1


class _Listed:
    """An exercise as some old or foreign data might hold it, past the constructor's checks."""

    def __init__(self, primary, secondary=()):
        self.primary, self.secondary = primary, secondary


@pytest.mark.parametrize(
    "primary,secondary,credit",
    [
        (("side_delts", "side_delts"), (), 1.0),
        (("side_delts",), ("side_delts",), 1.0),
        (("front_delts",), ("side_delts", "side_delts"), 0.5),
        (("side_delts", "side_delts"), ("side_delts", "side_delts"), 1.0),
    ],
)
def test_a_set_never_counts_twice_for_one_muscle(primary, secondary, credit):
    ex = _Listed(primary, secondary)
    v = weekly_sets([make_session(TODAY, make_set("x"))], WEEK, {"x": ex}.get)
    assert v["side_delts"].sets == credit and v["side_delts"].sessions == 1
    from tui_tracker.domain.volume import muscle_credit

    assert muscle_credit(ex)["side_delts"] == credit


def test_status_against_band_and_single_session_flag():
    sets = [make_set("cu") for _ in range(9)]
    v = vol([make_session(TODAY, *sets)])["biceps"]
    assert v.status == "below" and v.single_session
    ten = vol(
        [
            make_session(WEEK.monday, *[make_set("cu")] * 5),
            make_session(TODAY, *[make_set("cu")] * 5),
        ]
    )["biceps"]
    assert ten.sets == 10 and ten.status == "within" and not ten.single_session
    sixteen = vol(
        [
            make_session(WEEK.monday, *[make_set("cu")] * 8),
            make_session(TODAY, *[make_set("cu")] * 8),
        ]
    )["biceps"]
    assert sixteen.status == "within"
    seventeen = vol(
        [
            make_session(WEEK.monday, *[make_set("cu")] * 9),
            make_session(TODAY, *[make_set("cu")] * 8),
        ]
    )["biceps"]
    assert seventeen.status == "above"


def test_untrained_muscle_is_below_but_not_flagged_single_session():
    v = vol([])["calves"]
    assert v.status == "below" and not v.single_session


def test_user_targets_per_muscle():
    v = vol([make_session(TODAY, *[make_set("cu")] * 6)], targets={"biceps": (4, 6)})
    assert v["biceps"].target == (4, 6) and v["biceps"].status == "within"
    assert v["chest"].target == (10, 16)


def test_unknown_exercise_is_skipped():
    assert vol([make_session(TODAY, make_set("nope"))])["chest"].sets == 0


def test_volume_by_week_matches_weekly_sets():
    weeks = [WEEK.previous(i) for i in range(3)]
    sessions = [make_session(w.monday, make_set("bp"), make_set("cu")) for w in weeks]
    by_week = volume_by_week(sessions, weeks, EXERCISES.get)
    for w in weeks:
        assert by_week[w] == vol(sessions, w)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(list(EXERCISES)),
            st.one_of(st.none(), st.integers(0, 10)),
            st.booleans(),
            st.integers(0, 13),
        ),
        max_size=40,
    )
)
def test_total_credit_is_primary_plus_half_secondary(rows):
    sets = [
        make_set(
            ex, rir=rir, kind="warmup" if warm else "working", day=WEEK.monday + timedelta(days=d)
        )
        for ex, rir, warm, d in rows
    ]
    sessions = [make_session(s.at.date(), s) for s in sets]
    v = vol(sessions)
    expected = sum(
        len(EXERCISES[s.exercise_id].primary) + 0.5 * len(EXERCISES[s.exercise_id].secondary)
        for s in sets
        if is_hard_set(s) and s.at.date() in WEEK
    )
    assert sum(m.sets for m in v.values()) == pytest.approx(expected)
    assert all(m.sets >= 0 and m.sessions >= 0 for m in v.values())


def test_single_session_warning_waits_for_the_end_of_the_week():
    from datetime import date

    from tui_tracker.domain.volume import IsoWeek, MuscleVolume, warn_single_session

    week = IsoWeek.parse("2026-W48")  # Mon 23 - Sun 29 Nov
    one = MuscleVolume("chest", 6.0, 1, (10, 16))
    assert not warn_single_session(one, week, date(2026, 11, 28))
    assert warn_single_session(one, week, date(2026, 11, 29))
    assert warn_single_session(one, week, date(2026, 12, 5))
    assert not warn_single_session(MuscleVolume("chest", 6.0, 2, (10, 16)), week, date(2026, 12, 5))


@given(
    st.lists(st.sampled_from(MUSCLES), max_size=6), st.lists(st.sampled_from(MUSCLES), max_size=6)
)
def test_one_set_gives_each_muscle_at_most_one_set_and_primary_wins(primary, secondary):
    from tui_tracker.domain.volume import muscle_credit

    ex = _Listed(tuple(primary), tuple(secondary))
    v = weekly_sets([make_session(TODAY, make_set("x"))], WEEK, {"x": ex}.get)
    for m in MUSCLES:
        expected = 1.0 if m in primary else 0.5 if m in secondary else 0.0
        assert v[m].sets == expected == muscle_credit(ex).get(m, 0.0)
        assert v[m].sessions == (1 if expected else 0)


def test_a_split_is_advised_only_where_the_band_asks_for_sets():
    from tui_tracker.domain.volume import MuscleVolume

    assert MuscleVolume("chest", 12, 1, (10, 16)).split_advised
    assert not MuscleVolume("chest", 12, 2, (10, 16)).split_advised
    assert MuscleVolume("traps", 2, 1, (0, 16)).single_session
    assert not MuscleVolume("traps", 2, 1, (0, 16)).split_advised  # only brushed by compounds
    assert not MuscleVolume("chest", 0, 0, (10, 16)).split_advised
