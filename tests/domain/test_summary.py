"""The finish summary, worked by hand: sets against the plan, records, the week's muscles."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta


from tui_tracker.domain.models import Exercise
from tui_tracker.domain.records import records_of
from tui_tracker.domain.summary import finish_summary, session_records, summary_week
from tui_tracker.domain.templates import build_mesocycle
from tui_tracker.domain.volume import IsoWeek
from tui_tracker.domain.workout import Slot

from ..conftest import TODAY, at, make_session, make_set

MON = TODAY - timedelta(days=2)  # Monday of the same ISO week (2026-W47)
EXERCISES = {
    "sq": Exercise("sq", "Squat", ("quads", "glutes"), ("hamstrings",)),
    "bp": Exercise("bp", "Bench", ("chest",), ("triceps", "front_delts")),
    "curl": Exercise("curl", "Curl", ("biceps",), kind="isolation"),
    "row": Exercise("row", "Row", ("back",), ("biceps",)),
}
SLOTS = (Slot("sq", 4, 5, 8, 2, 2), Slot("bp", 3, 6, 10, 2, 2), Slot("curl", 3, 10, 15, 1, 1))


def monday():
    """Squat 100 x 8 @2, 100 x 6 @1 (e1RM 133.3, 1,400 kg); bench 3 x 80 x 8 @2 (1,920 kg)."""
    return make_session(
        MON,
        make_set("sq", 100, 8, 2, MON),
        make_set("sq", 100, 6, 1, MON),
        *(make_set("bp", 80, 8, 2, MON) for _ in range(3)),
    )


def today(*extra):
    """A warm-up, squat 102.5 x 8 @2 twice and 100 x 7 @2; bench 80 x 9 @2 twice; a new row."""
    return make_session(
        TODAY,
        make_set("sq", 60, 5, None, kind="warmup"),
        make_set("sq", 102.5, 8, 2),
        make_set("sq", 102.5, 8, 2),
        make_set("sq", 100, 7, 2),
        make_set("bp", 80, 9, 2),
        make_set("bp", 80, 9, 2),
        make_set("row", 60, 10, 2),
        make_set("row", 60, 10, 2),
        *extra,
        ended=False,
    )


def summarise(session, day=None, past=None, week_sessions=None, slots=SLOTS, minutes=65):
    return finish_summary(
        session,
        now=at(TODAY, 17) + timedelta(minutes=minutes),
        day_sessions=day or [session],
        slots=slots,
        exercises=EXERCISES.get,
        past_records=records_of([monday()]) if past is None else past,
        week=IsoWeek.of(TODAY),
        week_sessions=[monday(), session] if week_sessions is None else week_sessions,
    )


def test_sets_per_exercise_against_the_plan_counted_as_history_counts_them():
    s = summarise(today())
    assert s.duration == "1:05 h"  # 17:00 to 18:05
    assert str(s.counts) == "7 working sets + 1 warm-up of 3 exercises"
    assert [(e.name, e.sets_text) for e in s.exercises] == [
        ("Squat", "3/4 +1w"),
        ("Bench", "2/3"),
        ("Curl", "0/3"),
        ("Row", "2"),
    ]
    assert [e.left for e in s.exercises] == [1, 1, 3, 0]
    assert s.planned_left == 5
    assert s.question == "5 planned sets left: finish anyway?"


def test_nothing_left_asks_plainly_and_unplanned_days_have_nothing_left():
    assert summarise(today(), slots=()).question == "Finish the session?"
    done = today(
        make_set("sq", 100, 6, 2),
        *(make_set("curl", 20, 12, 1) for _ in range(3)),
        make_set("bp", 80, 8, 2),
    )
    s = summarise(done)
    assert s.planned_left == 0 and s.question == "Finish the session?"
    assert [e.sets_text for e in s.exercises] == ["4/4 +1w", "3/3", "3/3", "2"]


def test_the_plan_counts_the_whole_day_and_says_what_came_earlier():
    earlier, now = make_session(TODAY, make_set("sq", 100, 8, 2)), today()
    s = summarise(now, day=[earlier, now], week_sessions=[monday(), earlier, now])
    assert s.exercises[0].sets_text == "4/4 +1w (1 earlier today)"
    assert s.exercises[0].left == 0 and s.planned_left == 4


def test_records_beaten_this_session_one_line_per_kind_with_what_they_beat():
    # Squat: best e1RM 102.5 x 8 @2 = 102.5 x (1 + 10/30) = 136.7 (was 100 x 8 @2 = 133.3);
    # volume 2 x 820 + 700 = 2,340 (was 1,400); 7 reps at 100 is not more than 8.
    # Bench: 80 x 9 @2 = 109.3 (was 106.7); 9 reps at 80 (was 8); volume 1,440 < 1,920.
    # Row: the first time ever, no record.
    messages = [r.message for r in summarise(today()).records]
    assert messages == [
        "Best e1RM on Squat: 136.7 kg from 102.5 kg x 8 @2 (was 133.3 kg)",
        "Best session volume on Squat: 2,340 kg (was 1,400 kg)",
        "Best e1RM on Bench: 109.3 kg from 80 kg x 9 @2 (was 106.7 kg)",
        "Most reps at 80 kg on Bench: 9 (was 8)",
    ]


def test_an_earlier_session_today_is_what_the_records_beat_and_no_history_means_none():
    earlier = make_session(
        TODAY, make_set("sq", 102.5, 8, 2), make_set("sq", 102.5, 8, 2), make_set("sq", 102.5, 8, 2)
    )  # 2,460 kg, e1RM 136.7
    now = today()
    s = summarise(now, day=[earlier, now], week_sessions=[monday(), earlier, now])
    assert [r.kind for r in s.records if r.exercise_id == "sq"] == []  # a tie is no record
    assert summarise(now, past={}).records == ()  # nothing before: nothing beaten
    first_ever = make_session(TODAY, make_set("sq", 100, 8, 2))  # 133.3, 800 kg: the marks
    beaten = session_records(None, [first_ever], now, "sq", "Squat")
    assert [(r.kind, round(r.previous, 1)) for r in beaten] == [("e1rm", 133.3), ("volume", 800)]


def test_an_unreadable_history_gives_no_records_rather_than_a_wrong_none():
    s = finish_summary(
        today(),
        now=at(TODAY, 18),
        day_sessions=[today()],
        slots=SLOTS,
        exercises=EXERCISES.get,
        past_records=None,
        week=IsoWeek.of(TODAY),
        week_sessions=[today()],
    )
    assert s.records is None


def test_the_weeks_hard_sets_per_muscle_before_and_after_against_each_band():
    # Monday: quads/glutes 2, hamstrings 1 (half sets), chest 3, triceps/front delts 1.5.
    # Today adds quads/glutes 3 (the warm-up does not count), hamstrings 1.5, chest 2,
    # triceps/front delts 1, back 2 and biceps 1 (rows); curls were not done.
    s = summarise(today())
    assert s.week_label == "this week"
    assert [(m.label, m.before, m.after, m.band, m.status) for m in s.muscles] == [
        ("Chest", 3, 5, (10, 16), "below"),
        ("Back", 0, 2, (10, 16), "below"),
        ("Front delts", 1.5, 2.5, (0, 16), "within"),
        ("Biceps", 0, 1, (10, 16), "below"),
        ("Triceps", 1.5, 2.5, (10, 16), "below"),
        ("Quads", 2, 5, (10, 16), "below"),
        ("Hamstrings", 1, 2.5, (10, 16), "below"),
        ("Glutes", 2, 5, (10, 16), "below"),
    ]


def test_the_stored_copy_of_the_session_is_not_counted_twice():
    now = today()
    stored = replace(now, sets=now.sets[:2])  # the week's read may hold an older copy
    s = summarise(now, week_sessions=[monday(), stored])
    quads = next(m for m in s.muscles if m.muscle == "quads")
    assert (quads.before, quads.after) == (2, 5)


def test_the_summary_counts_the_blocks_week_or_the_calendar_week():
    meso = build_mesocycle("upper-lower-4", 4, date(2026, 11, 5))  # a Thursday
    week = summary_week(meso, TODAY)  # Wed 18 Nov: the block's second week, Thu 12 to Wed 18
    assert (week.label, week.first, week.last) == ("W2", date(2026, 11, 12), TODAY)
    assert summary_week(None, TODAY) == IsoWeek(2026, 47)
    later = build_mesocycle("upper-lower-4", 4, TODAY + timedelta(days=3))  # not begun
    assert summary_week(later, TODAY) == IsoWeek(2026, 47)
