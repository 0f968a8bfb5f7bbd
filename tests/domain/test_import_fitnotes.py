"""FitNotes CSV exports (Android and iOS) to our sessions."""

import csv
import io
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.imports import ImportFormatError, RowError, parse_fitnotes
from tui_tracker.domain.models import KG_PER_LB

from tests.conftest import TZ

CAT = Catalogue()
ANDROID = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment"
IOS = "Date,Exercise,Category,Weight (kg),Weight (lbs),Reps,Distance,Distance Unit,Time,Notes,Kind"


def fitnotes(*rows: str, **kw):
    return parse_fitnotes("\n".join(rows) + "\n", catalogue=CAT, tz=TZ, **kw)


def sets(result):
    return [
        (s.exercise_id, round(s.weight_kg, 3), s.reps, s.rir, s.kind, s.unit, s.note)
        for session in result.sessions
        for s in session.sets
    ]


ANDROID_FILE = (
    ANDROID,
    "2025-05-21,Flat Barbell Bench Press,Chest,60.0,kgs,8,,,,",
    "2025-05-21,Flat Barbell Bench Press,Chest,62.5,kgs,6,,,,Paused",
    "2025-05-21,Pull Up,Back,0.0,kgs,10,,,,",
    "2025-05-21,Running (Treadmill),Cardio,,,,5.0,km,0:30:00,",
    "2025-05-23,Barbell Squat,Legs,225.0,lbs,5,,,0:00:00,",
    "2025-05-23,Plank,Abs,0.0,kgs,0,,,0:01:00,",
)


def test_android_export_worked_example():
    result = fitnotes(*ANDROID_FILE)
    assert result.errors == ()
    assert sets(result) == [
        ("barbell-bench-press", 60.0, 8, None, "working", "kg", ""),
        ("barbell-bench-press", 62.5, 6, None, "working", "kg", "Paused"),
        ("pull-up", 0.0, 10, None, "working", "kg", ""),
        ("barbell-back-squat", round(225 * KG_PER_LB, 3), 5, None, "working", "lb", ""),
    ]
    first, second = result.sessions
    assert (first.date, second.date) == (date(2025, 5, 21), date(2025, 5, 23))
    assert first.started_at.replace(tzinfo=None) == datetime(2025, 5, 21)  # no clock time kept
    assert first.note == ""
    # the treadmill run and the plank: distance or time, no reps
    assert (result.rows_read, result.sets_read, result.rows_skipped) == (6, 4, 2)


def test_ios_export_reads_the_kg_column_unless_pounds_are_asked_for():
    rows = (
        IOS,
        "2026-01-05,Deadlift,Back,140,308.65,5,,,,,",
        '2026-01-05,Dumbbell Curl,Biceps,12.5,27.56,12,,,,"Slow, controlled",',
        "2026-01-05,Barbell Squat,Legs,60,132.28,5,,,,,warmup",
    )
    in_kg = fitnotes(*rows)
    assert sets(in_kg) == [
        ("conventional-deadlift", 140.0, 5, None, "working", "kg", ""),
        ("dumbbell-curl", 12.5, 12, None, "working", "kg", "Slow, controlled"),
        ("barbell-back-squat", 60.0, 5, None, "warmup", "kg", ""),
    ]
    in_lb = fitnotes(*rows, unit="lb")
    assert [(s[0], s[1], s[5]) for s in sets(in_lb)] == [
        ("conventional-deadlift", round(308.65 * KG_PER_LB, 3), "lb"),
        ("dumbbell-curl", round(27.56 * KG_PER_LB, 3), "lb"),
        ("barbell-back-squat", round(132.28 * KG_PER_LB, 3), "lb"),
    ]


def test_an_ios_row_with_only_pounds_filled_is_read_in_pounds():
    result = fitnotes(IOS, "2026-01-05,Deadlift,Back,,315,5,,,,,")
    assert [(s[1], s[5]) for s in sets(result)] == [(round(315 * KG_PER_LB, 3), "lb")]


def test_bad_rows_are_reported_by_line_and_the_rest_imported():
    result = fitnotes(
        ANDROID,
        "2025-05-21,Deadlift,Back,140,kgs,5,,,,",
        "2025-05-21,Deadlift,Back,abc,kgs,5,,,,",
        "2025-05-21,Deadlift,Back,140,stones,5,,,,",
        "",
        "2025-05-21,Deadlift,Back,140,kgs,0,,,,",
        "2025-02-30,Deadlift,Back,140,kgs,5,,,,",
        "2025-05-21,Deadlift,Back,140,,5,,,,",
        "2025-05-21,Deadlift,Back,140,kgs,5,,,",
    )
    assert result.errors == (
        RowError(3, "weight 'abc' is not a number"),
        RowError(4, "unit 'stones' is not kg or lb"),
        RowError(6, "reps '0': a set needs at least one rep"),
        RowError(7, "date '2025-02-30' is not a real date and time"),
        RowError(8, "the weight unit is empty (kgs or lbs)"),
        RowError(
            9, "the row has 9 fields where the header has 10 (a delimiter or quote out of place?)"
        ),
    )
    assert len(sets(result)) == 1


def test_importing_the_same_file_twice_gives_the_same_ids():
    one, two = fitnotes(*ANDROID_FILE), fitnotes(*ANDROID_FILE)
    assert [s.id for s in one.sessions] == [s.id for s in two.sessions]
    assert [x.id for s in one.sessions for x in s.sets] == [
        x.id for s in two.sessions for x in s.sets
    ]
    assert len({x.id for s in one.sessions for x in s.sets}) == 4  # two equal sets stay two


def test_same_sets_on_two_days_are_different_sets():
    result = fitnotes(
        ANDROID,
        "2025-05-21,Deadlift,Back,140,kgs,5,,,,",
        "2025-05-21,Deadlift,Back,140,kgs,5,,,,",
        "2025-05-28,Deadlift,Back,140,kgs,5,,,,",
    )
    ids = [x.id for s in result.sessions for x in s.sets]
    assert len(set(ids)) == 3


def test_a_name_the_catalogue_does_not_know_becomes_the_lifters_own():
    result = fitnotes(ANDROID, "2025-05-21,Zottman Preacher Thing,Biceps,10,kgs,12,,,,")
    (new,) = result.new_exercises
    assert new.name == "Zottman Preacher Thing" and new.custom and new.primary == ()


def test_day_first_slashed_dates_are_settled_by_the_file():
    result = fitnotes(
        ANDROID, "05/06/2025,Deadlift,Back,140,kgs,5,,,,", "21/06/2025,Deadlift,Back,140,kgs,5,,,,"
    )
    assert [s.date for s in result.sessions] == [date(2025, 6, 5), date(2025, 6, 21)]
    with pytest.raises(ImportFormatError, match="--date-order"):
        fitnotes(ANDROID, "05/06/2025,Deadlift,Back,140,kgs,5,,,,")


@pytest.mark.parametrize(
    "header,reason",
    [
        (
            "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps",
            "this is a Strong export",
        ),
        (
            '"title","start_time","end_time","exercise_title","set_type","weight_kg","reps"',
            "this is a Hevy export",
        ),
        ("Date,Exercise,Category,Weight,Reps", "no Weight Unit"),
        ("Date,Exercise,Category,Reps", "no weight column"),
        ("Datum,Übung,Kategorie,Gewicht", "not a FitNotes export's header"),
    ],
)
def test_other_files_are_refused_whole(header, reason):
    with pytest.raises(ImportFormatError, match=reason):
        fitnotes(header, "2025-05-21,x,y,1,kgs,5")


@pytest.mark.parametrize(
    "row,exercise,note",
    [
        ("2025-06-04,Тяга блока, широко,Back,20.0,kgs,20,,,,", "Тяга блока, широко", ""),
        ("2025-06-04,Row, wide, slow,Back,20.0,kgs,20,,,,", "Row, wide, slow", ""),
        (
            "2025-06-04,Seated Cable Row,Back,20.0,kgs,20,,,,Felt good, more next time",
            "Seated Cable Row",
            "Felt good, more next time",
        ),
    ],
)
def test_unquoted_commas_in_a_name_or_a_comment_are_put_back(row, exercise, note):
    result = fitnotes(ANDROID, row)
    assert result.errors == ()
    (s,) = [s for session in result.sessions for s in session.sets]
    assert (s.weight_kg, s.reps, s.note) == (20.0, 20, note)
    known = CAT.find(exercise)
    if known is not None:
        assert s.exercise_id == known.id and result.new_exercises == ()
    else:
        assert [e.name for e in result.new_exercises] == [exercise]


def test_unquoted_commas_in_the_ios_notes_are_put_back():
    result = fitnotes(IOS, "2026-01-05,Deadlift,Back,140,308.65,5,,,,tired, but ok,")
    assert result.errors == ()
    (s,) = [s for session in result.sessions for s in session.sets]
    assert (s.exercise_id, s.weight_kg, s.note) == ("conventional-deadlift", 140.0, "tired, but ok")


def test_a_cut_that_leaves_text_in_a_number_column_is_not_taken():
    # "Dead,lift": the name takes the comma; giving it to the notes would put "Back" in kg
    result = fitnotes(IOS, "2026-01-05,Dead,lift,Back,140,308.65,5,,,,1,")
    assert result.errors == ()
    assert [e.name for e in result.new_exercises] == ["Dead,lift"]


def test_a_row_that_could_be_cut_two_ways_stays_a_bad_row():
    # empty number cells fit either cut: "Hold,Abs" or a comment ",note"? Never guessed.
    result = fitnotes(ANDROID, "2025-06-04,Hold,Abs,,,,,,,,note")
    assert [(e.line, "11 fields where the header has 10" in e.message) for e in result.errors] == [
        (2, True)
    ]


_NAMES = ("Flat Barbell Bench Press", "Barbell Squat", "Deadlift", "Pull Up", "Dumbbell Curl")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.dates(date(2015, 1, 1), date(2030, 12, 31)),
            st.sampled_from(_NAMES),
            st.integers(0, 4000).map(lambda q: q / 4),
            st.sampled_from(["kgs", "lbs"]),
            st.integers(1, 100),
            st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_any_android_file_reads_back_set_for_set(rows):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(
        [
            [d.isoformat(), name, "x", f"{w:g}", unit, str(n), "", "", "", note]
            for d, name, w, unit, n, note in rows
        ]
    )
    text = ANDROID + "\n" + buf.getvalue()
    result = parse_fitnotes(text, catalogue=CAT, tz=TZ)
    kept = [r for r in rows if not (r[3] == "lbs" and r[2] * KG_PER_LB > 1000 + 1e-9)]
    assert len(result.errors) == len(rows) - len(kept)
    got = sorted(
        (s.at.date(), CAT.get(s.exercise_id).name, s.reps, s.unit, round(s.weight_kg, 6))
        for session in result.sessions
        for s in session.sets
    )
    want = sorted(
        (
            d,
            CAT.find(name).name,
            n,
            "lb" if unit == "lbs" else "kg",
            round(w * KG_PER_LB if unit == "lbs" else w, 6),
        )
        for d, name, w, unit, n, _ in kept
    )
    assert got == want
    assert len({s.date for s in result.sessions}) == len(result.sessions)  # one session a day
    again = parse_fitnotes(text, catalogue=CAT, tz=TZ)
    assert [x.id for s in again.sessions for x in s.sets] == [
        x.id for s in result.sessions for x in s.sets
    ]
