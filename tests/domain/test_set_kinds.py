"""Every set a lifter does: kinds, timed and distance sets, bodyweight loads (issue 14)."""

from __future__ import annotations

import re
from datetime import date, datetime, UTC

import pytest

from tui_tracker.domain.bodyweight import (
    Bodyweight,
    estimates_strength,
    latest_on,
    moved_kg,
    set_e1rm,
)
from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.models import (
    KIND_LABELS,
    SET_KINDS,
    LoggedSet,
    format_distance,
    format_duration,
    load_text,
    new_set_problem,
)

AT = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
CAT = Catalogue([])
PULL_UP, PLANK = CAT.get("pull-up"), CAT.get("plank")
DB_BENCH, ONE_ARM_ROW = CAT.get("dumbbell-bench-press"), CAT.get("dumbbell-row")
CARRY, SQUAT = CAT.get("farmers-walk"), CAT.get("barbell-back-squat")


def s(weight=0.0, reps=8, rir=2, **kw) -> LoggedSet:
    return LoggedSet("pull-up", weight, reps, rir, AT, **kw)


def test_every_kind_has_a_label_and_warmup_stays_a_property():
    assert SET_KINDS == ("working", "warmup", "drop", "rest_pause", "failure")
    assert set(KIND_LABELS) == set(SET_KINDS)
    assert s(kind="warmup").is_warmup and not s(kind="drop").is_warmup


@pytest.mark.parametrize(
    "set_, exercise, text",
    [
        (s(0), PULL_UP, "BW"),
        (s(20), PULL_UP, "BW+20 kg"),
        (s(-30), PULL_UP, "BW-30 kg"),
        (s(20 * 0.45359237, unit="lb"), PULL_UP, "BW+20 lb"),
        (s(22.5), DB_BENCH, "2 x 22.5 kg"),
        (s(22.5), ONE_ARM_ROW, "22.5 kg each"),
        (s(100), SQUAT, "100 kg"),
        (s(0), SQUAT, "BW"),  # logged as 0 before the exercise said how it is loaded
        (s(0, 0, None, duration_s=60), PLANK, "60 s"),
        (s(10, 0, None, duration_s=45), PLANK, "BW+10 kg, 45 s"),
        (s(32, 0, None, distance_m=40), CARRY, "2 x 32 kg, 40 m"),
        (s(0, 0, None, distance_m=40), SQUAT, "40 m"),
        (s(0, 0, None, distance_m=5000, duration_s=1800), SQUAT, "5 km, 30 min"),
    ],
)
def test_load_text(set_, exercise, text):
    assert load_text(set_, exercise) == text
    assert not re.search(r"(?<![0-9.])0 kg", text)  # never "0 kg"


def test_describe_uses_the_load_text_when_the_exercise_is_known():
    assert s(20).describe(PULL_UP) == "BW+20 kg x 8 @2"
    assert s(-30, 8, None).describe(PULL_UP) == "BW-30 kg x 8"
    assert s(0, 0, None, duration_s=60).describe(PLANK) == "60 s"
    assert s(0, 12, None, duration_s=60).describe(PLANK) == "60 s x 12"
    assert s(100, 5, 2).describe() == "100 kg x 5 @2"  # without it, as before
    assert s(0, 9, None).describe() == "BW x 9"


@pytest.mark.parametrize(
    "seconds, text",
    [
        (1, "1 s"),
        (60, "60 s"),
        (119, "119 s"),
        (150, "2:30 min"),
        (1800, "30 min"),
        (3725, "1:02:05 h"),
    ],
)
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text


@pytest.mark.parametrize(
    "metres, text",
    [(40, "40 m"), (12.5, "12.5 m"), (1000, "1 km"), (1250, "1.25 km"), (42195, "42.2 km")],
)
def test_format_distance(metres, text):
    assert format_distance(metres) == text


def test_a_new_set_needs_a_rep_unless_it_has_a_duration_or_a_distance():
    assert (
        new_set_problem("working", 0, None, None)
        == "a set needs at least one rep, unless it has a duration or a distance"
    )
    assert new_set_problem("working", 0, 60, None) is None
    assert new_set_problem("working", 0, None, 40.0) is None
    assert new_set_problem("working", 1, None, None) is None
    assert "kind" in new_set_problem("dropset", 8, None, None)


@pytest.mark.parametrize(
    "kw, message",
    [
        ({"kind": "dropset"}, "set kind"),
        ({"reps": -1}, "reps"),
        ({"duration_s": 0}, "duration"),
        ({"duration_s": 1.5}, "duration"),
        ({"distance_m": 0.0}, "distance"),
        ({"distance_m": float("nan")}, "distance"),
        ({"distance_m": True}, "distance"),
    ],
)
def test_impossible_sets_are_refused(kw, message):
    with pytest.raises(ValueError, match=message):
        s(**kw)


def test_a_stored_set_of_no_reps_stays_a_set():
    """Older versions could save 0 reps: the model still holds one (nothing new gets in)."""
    assert s(100, 0, None).reps == 0


def test_superset_labels_are_clean_text():
    assert s(superset="A").superset == "A"
    assert s(superset="  ").superset is None
    assert s(superset="\x1b[31mA[/]").superset == "[31mA[/]"  # no ESC; markup is text


# --- bodyweight and e1RM ------------------------------------------------------------------


def test_e1rm_of_a_weighted_pull_up_uses_bodyweight_plus_the_added_load():
    """BW+20 x 8 @2 at 82.5 kg: 102.5 x (1 + 10/30) = 136.67 kg."""
    est = set_e1rm(s(20, 8, 2), PULL_UP, 82.5)
    assert est is not None and est.kg == pytest.approx(136.67, abs=0.005)
    assert not est.low_confidence


def test_assisted_and_bare_bodyweight_sets():
    assert moved_kg(s(-30), PULL_UP, 82.5) == pytest.approx(52.5)
    assert set_e1rm(s(0, 10, 0), PULL_UP, 90).kg == pytest.approx(120.0)  # 90 x (1 + 10/30)
    assert set_e1rm(s(20), PULL_UP, None) is None  # no bodyweight logged: no estimate
    assert moved_kg(s(-100), PULL_UP, 82.5) is None  # more help than the body weighs


def test_sets_without_an_e1rm():
    for kind in ("warmup", "drop", "rest_pause"):
        assert set_e1rm(s(100, 8, 2, kind=kind), SQUAT) is None
    assert set_e1rm(s(32, 0, None, distance_m=40), CARRY) is None
    assert set_e1rm(s(0, 0, None, duration_s=60), PLANK, 80) is None
    assert not estimates_strength(s(0, 12, None, duration_s=60))
    assert set_e1rm(s(-5), SQUAT) is None  # a negative load off a bodyweight exercise


def test_a_set_to_failure_without_rir_is_estimated_at_rir_0():
    est = set_e1rm(s(100, 8, None, kind="failure"), SQUAT)
    assert est.kg == pytest.approx(100 * (1 + 8 / 30)) and not est.rir_assumed


def test_the_latest_bodyweight_on_or_before_a_day():
    log = [
        Bodyweight(date(2026, 11, 20), 83.0),
        Bodyweight(date(2026, 11, 1), 84.0),
        Bodyweight(date(2026, 11, 28), 82.5),
    ]
    assert latest_on(log, date(2026, 10, 31)) is None
    assert latest_on(log, date(2026, 11, 1)).kg == 84.0
    assert latest_on(log, date(2026, 11, 27)).kg == 83.0
    assert latest_on(log, date(2026, 12, 1)).kg == 82.5


@pytest.mark.parametrize("kg", [19.9, 400.1, float("nan"), float("inf"), True, "80"])
def test_a_bodyweight_out_of_range_is_refused(kg):
    with pytest.raises(ValueError, match="bodyweight"):
        Bodyweight(date(2026, 12, 1), kg)


# --- how each kind counts -----------------------------------------------------------------


def _week_of(*sets):
    from tests.conftest import TODAY, make_session
    from tui_tracker.domain.volume import IsoWeek, weekly_sets

    return weekly_sets([make_session(TODAY, *sets)], IsoWeek.of(TODAY), CAT.get)


def _set(ex, weight=100.0, reps=8, rir=2, **kw):
    from tests.conftest import TODAY, at

    return LoggedSet(ex, weight, reps, rir, at(TODAY), **kw)


def test_weekly_hard_sets_by_kind():
    """Squat: quads 1 primary.  A top set, two drops (0.5 each), a set to failure, a
    rest-pause set, a warm-up (0): 1 + 0.5 + 0.5 + 1 + 1 = 4."""
    week = _week_of(
        _set("barbell-back-squat"),
        _set("barbell-back-squat", 80, 6, 0, kind="drop"),
        _set("barbell-back-squat", 60, 6, 0, kind="drop"),
        _set("barbell-back-squat", 100, 6, 0, kind="failure"),
        _set("barbell-back-squat", 80, 15, 0, kind="rest_pause"),
        _set("barbell-back-squat", 60, 5, None, kind="warmup"),
    )
    assert week["quads"].sets == pytest.approx(4.0)


def test_timed_sets_count_for_their_muscles_and_no_muscle_means_never():
    from tui_tracker.domain.models import Exercise
    from tui_tracker.domain.volume import set_credit

    plank = _set("plank", 0, 0, None, duration_s=60)
    assert set_credit(plank) == 1.0
    assert _week_of(plank)["abs"].sets == pytest.approx(1.0)
    run = Exercise("running", "Running", (), custom=True)  # cardio: no muscle
    from tests.conftest import TODAY, make_session
    from tui_tracker.domain.volume import IsoWeek, weekly_sets

    week = weekly_sets(
        [make_session(TODAY, _set("running", 0, 0, None, duration_s=1800, distance_m=5000.0))],
        IsoWeek.of(TODAY),
        {"running": run}.get,
    )
    assert sum(v.sets for v in week.values()) == 0


def test_strength_trend_records_and_fatigue_skip_sets_without_an_e1rm():
    from tests.conftest import TODAY, make_session
    from tui_tracker.domain.progress import best_set, e1rm_trend
    from tui_tracker.domain.records import records_of

    day = make_session(
        TODAY,
        _set("barbell-back-squat", 100, 5, 2),
        _set("barbell-back-squat", 90, 12, 0, kind="drop"),
        _set("barbell-back-squat", 100, 20, 0, kind="rest_pause"),
        _set("pull-up", -30, 8, 2),
        _set("plank", 0, 12, 2, duration_s=60),
    )
    (point,) = e1rm_trend([day], "barbell-back-squat")
    assert point[1] == pytest.approx(100 * (1 + 7 / 30))  # the 100 x 5 @2 alone
    assert best_set([day], "barbell-back-squat").reps == 5
    assert e1rm_trend([day], "pull-up") == [] and e1rm_trend([day], "plank") == []
    records = records_of([day])["barbell-back-squat"]
    assert records.reps[100.0].value == 5  # not the 20 reps of the rest-pause set
    assert "plank" not in records_of([day])


def test_suggestions_on_bodyweight_exercises_say_bw_plus_or_minus():
    from tests.conftest import TODAY
    from tui_tracker.domain.progression import suggest

    for weight, text in ((20, "BW+20 kg x 8 @2"), (-30, "BW-30 kg x 8 @2"), (0, "BW x 8 @2")):
        got = suggest(PULL_UP, None, [_set("pull-up", weight, 8, 2)], [], None, TODAY, "kg")
        assert f"last set {text}" in got.reason
        if weight <= 0:  # (a suggestion alone cannot tell added load from a plain weight)
            assert got.describe() == text


def test_strength_trend_of_a_bodyweight_exercise_is_over_the_body():
    """BW+20 x 8 @2 weighed at 82.5 kg the day before: e1RM 136.67; a set before any
    weighing has none; BW x 10 @0 at 84 kg: 84 x (1 + 10/30) = 112."""
    from datetime import timedelta

    from tests.conftest import TODAY, at, make_session
    from tui_tracker.domain.progress import best_set, e1rm_trend

    days = [TODAY - timedelta(days=14), TODAY - timedelta(days=7), TODAY]
    sessions = [
        make_session(d, LoggedSet("pull-up", w, r, q, at(d)))
        for d, (w, r, q) in zip(days, [(10, 8, 2), (0, 10, 0), (20, 8, 2)])
    ]
    weights = [Bodyweight(days[1] - timedelta(days=1), 84.0), Bodyweight(TODAY, 82.5)]
    trend = e1rm_trend(sessions, "pull-up", PULL_UP, weights)
    assert trend == [(days[1], pytest.approx(112.0)), (TODAY, pytest.approx(136.667, abs=0.001))]
    assert best_set(sessions, "pull-up", PULL_UP, weights).weight_kg == 20
    assert e1rm_trend(sessions, "pull-up", PULL_UP) == []  # no bodyweight: no estimate


def test_bodyweight_trend_starts_from_the_last_weighing_before_the_span():
    from tui_tracker.domain.bodyweight import bodyweight_trend

    log = [
        Bodyweight(date(2026, 10, 1), 85.0),
        Bodyweight(date(2026, 11, 1), 84.0),
        Bodyweight(date(2026, 11, 20), 83.0),
        Bodyweight(date(2026, 12, 5), 82.0),
    ]
    assert bodyweight_trend(log, date(2026, 11, 10), date(2026, 12, 1)) == [
        (date(2026, 11, 1), 84.0),
        (date(2026, 11, 20), 83.0),
    ]
    assert bodyweight_trend([], date(2026, 11, 10), date(2026, 12, 1)) == []


def test_a_reps_record_on_an_assisted_set_says_bw_minus():
    from tests.conftest import TODAY, at, make_session
    from tui_tracker.domain.records import new_records, records_of

    before = make_session(TODAY.replace(day=1), LoggedSet("pull-up", -30, 6, 2, at(TODAY)))
    saved = LoggedSet("pull-up", -30, 8, 2, at(TODAY))
    today = make_session(TODAY, saved)
    found = new_records(records_of([before]).get("pull-up"), [today], today.id, saved, "Pull-Up")
    assert [r.message for r in found if r.kind == "reps"] == [
        "Most reps at BW-30 kg on Pull-Up: 8 (was 6)"
    ]
