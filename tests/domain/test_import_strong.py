"""Strong CSV exports (iOS, Android, legacy layouts) to our sessions."""

import csv
import io
import math
import re
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.imports import (
    ImportFormatError,
    ImportResult,
    RowError,
    parse_strong,
    strong_reader,
)
from tui_tracker.domain.bodyweight import is_assisted
from tui_tracker.domain.models import KG_PER_LB, SET_KINDS, Exercise

from tests.conftest import TZ

CAT = Catalogue()

IOS = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,"
    "RPE"
)
IOS10 = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE"
ANDROID = (
    '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (kg)";'
    '"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"'
)
LEGACY = (
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;"
    "Seconds;Notes;Workout Notes"
)


def strong(text, unit="kg", tz=TZ, catalogue=CAT, **kw) -> ImportResult:
    return parse_strong(text, catalogue=catalogue, unit=unit, tz=tz, **kw)


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


def all_sets(result: ImportResult):
    return [s for session in result.sessions for s in session.sets]


# --- the iOS layout -------------------------------------------------------------------

IOS_FILE = lines(
    IOS,
    "2024-03-07 07:30:00,Legs,45m,Squat (Barbell),W,60,5,0,0,,,",
    "2024-03-07 07:30:00,Legs,45m,Squat (Barbell),1,140,5,0,0,,,8.5",
    "2024-03-05 18:01:12,Push Day,1h 5m,Bench Press (Barbell),1,100,5,0,0,paused,Felt strong,8",
    "2024-03-05 18:01:12,Push Day,1h 5m,Bench Press (Barbell),2,100,5.0,0,0,,Felt strong,9",
    "2024-03-05 18:01:12,Push Day,1h 5m,Overhead Press (Barbell),1,60,8,0,0,,Felt strong,",
)


def test_ios_rows_become_sessions_in_start_order():
    r = strong(IOS_FILE)
    assert r.errors == () and r.rows_read == 5 and r.sets_read == 5 and r.rows_skipped == 0
    push, legs = r.sessions
    assert push.started_at == datetime(2024, 3, 5, 18, 1, 12, tzinfo=TZ)
    assert push.ended_at == push.started_at + timedelta(hours=1, minutes=5)
    assert push.date == date(2024, 3, 5)
    assert push.note == "Push Day\nFelt strong"
    assert [(s.exercise_id, s.weight_kg, s.reps, s.rir) for s in push.sets] == [
        ("barbell-bench-press", 100, 5, 2),
        ("barbell-bench-press", 100, 5, 1),
        ("barbell-overhead-press", 60, 8, None),
    ]
    assert push.sets[0].note == "paused"
    assert all(s.at == push.started_at and s.unit == "kg" for s in push.sets)
    assert legs.ended_at == legs.started_at + timedelta(minutes=45)
    assert [(s.kind, s.rir) for s in legs.sets] == [("warmup", None), ("working", 2)]
    assert r.new_exercises == ()


def test_overhead_press_is_in_the_catalogue():
    assert CAT.find("Overhead Press (Barbell)").id == "barbell-overhead-press"


def test_the_ten_column_ios_variant():
    r = strong(
        lines(
            IOS10,
            "2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),1,60,10,0,0,",
            "2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),2,62.5,8,0,0,8",
        )
    )
    assert r.errors == ()
    assert [(s.weight_kg, s.reps, s.rir) for s in all_sets(r)] == [(60, 10, None), (62.5, 8, 2)]


def test_ios_needs_a_unit():
    with pytest.raises(ImportFormatError) as e:
        strong(IOS_FILE, unit=None)
    assert (
        str(e.value) == "Strong's iOS export has no unit column: rerun with --unit kg or --unit lb"
    )


def test_ios_in_pounds_is_converted_to_kg():
    r = strong(
        lines(IOS, "2024-03-05 18:01:12,Push,1h,Bench Press (Barbell),1,225,5,0,0,,,"), unit="lb"
    )
    (s,) = all_sets(r)
    assert s.weight_kg == pytest.approx(102.0582833) and s.unit == "lb"
    assert s.weight == 225


@pytest.mark.parametrize(
    "stamp",
    [
        "2024-03-05 6:07:12\u202fPM",
        "2024-03-05 6:07:12 PM",
        "2024-03-05 6:07:12\u202fpm",
        "2024-03-05 18:07:12",
    ],
)
def test_twelve_hour_dates(stamp):
    r = strong(lines(IOS, f"{stamp},Push,1h,Bench Press (Barbell),1,100,5,0,0,,,"))
    assert r.sessions[0].started_at == datetime(2024, 3, 5, 18, 7, 12, tzinfo=TZ)


def test_midnight_and_noon_on_a_twelve_hour_clock():
    r = strong(
        lines(
            IOS,
            "2024-03-05 12:30:00\u202fAM,Late,1h,Bench Press (Barbell),1,100,5,0,0,,,",
            "2024-03-05 12:30:00\u202fPM,Noon,1h,Bench Press (Barbell),1,100,5,0,0,,,",
        )
    )
    assert [s.started_at.hour for s in r.sessions] == [0, 12]


# --- the Android and legacy layouts ---------------------------------------------------

ANDROID_FILE = lines(
    ANDROID,
    '"1";"2023-09-01 10:34:00";"Morning";"4440";"Squat (Barbell)";"W";"40";"8";"";"0";"0";"";""',
    '"1";"2023-09-01 10:34:00";"Morning";"4440";"Squat (Barbell)";"1";"62,5";"5";"8";"0";"0";"";"Deep"',
    '"1";"2023-09-01 10:34:00";"Morning";"4440";"Squat (Barbell)";"Rest Timer";"0";"0";"";"0";"180";"";""',
    '"1";"2023-09-01 10:34:00";"Morning";"4440";"Rowing (Machine)";"1";"0";"0";"";"2000";"480";"";""',
)


def test_android_layout_in_kg_with_a_decimal_comma():
    r = strong(ANDROID_FILE, unit=None)  # the header says kg
    assert r.errors == () and r.rows_read == 4 and r.sets_read == 3 and r.rows_skipped == 1
    (s,) = r.sessions
    assert s.ended_at - s.started_at == timedelta(seconds=4440)
    assert s.note == "Morning\nDeep"
    assert [
        (x.kind, x.weight_kg, x.reps, x.rir, x.unit, x.duration_s, x.distance_m) for x in s.sets
    ] == [
        ("warmup", 40, 8, None, "kg", None, None),
        ("working", 62.5, 5, 2, "kg", None, None),
        ("working", 0, 0, None, "kg", 480, 2000.0),
    ]  # Distance (meters), Seconds


def test_android_layout_in_pounds():
    text = ANDROID_FILE.replace('"Weight (kg)"', '"Weight (lbs)"')
    r = strong(text, unit="kg")  # the header wins over the option
    assert [x.weight_kg for x in all_sets(r)] == pytest.approx(
        [40 * KG_PER_LB, 62.5 * KG_PER_LB, 0]
    )
    assert {x.unit for x in all_sets(r)} == {"lb"}


LEGACY_FILE = lines(
    LEGACY + ";Workout Duration",
    "2019-05-12 18:32:11;Legs;Squat (Barbell);1;225;lbs;5;;;;;;Old gym;1h 10m",
    "2019-05-12 18:32:11;Legs;Leg Press (Machine);1;150;kg;10;9.5;;;;;Old gym;1h 10m",
    "2019-05-12 18:32:11;Legs;Pull Up;1;;;8;;;;;;Old gym;1h 10m",
)


def test_legacy_layout_has_a_unit_on_every_row():
    r = strong(LEGACY_FILE, unit=None)
    assert r.errors == ()
    (s,) = r.sessions
    assert s.ended_at - s.started_at == timedelta(hours=1, minutes=10)
    assert [(x.exercise_id, x.weight_kg, x.unit, x.rir) for x in s.sets] == [
        ("barbell-back-squat", pytest.approx(225 * KG_PER_LB), "lb", None),
        ("leg-press", 150, "kg", 1),
        ("pull-up", 0, "kg", None),
    ]


def test_legacy_without_duration_column_and_a_missing_unit():
    text = lines(LEGACY, "2019-05-12 18:32:11;Legs;Squat (Barbell);1;100;;5;;;;;;")
    r = strong(text, unit=None)
    assert r.sessions == () and r.errors == (
        RowError(2, "the weight unit is empty: rerun with --unit kg or --unit lb"),
    )
    r = strong(text, unit="lb")
    (s,) = r.sessions
    assert s.sets[0].unit == "lb" and s.ended_at == s.started_at  # closed, length unknown


def test_legacy_with_an_unknown_unit():
    r = strong(
        lines(LEGACY, "2019-05-12 18:32:11;Legs;Squat (Barbell);1;100;stone;5;;;;;;"), unit=None
    )
    assert r.errors == (RowError(2, "unit 'stone' is not kg or lb"),)


# --- set order ------------------------------------------------------------------------


def test_warmup_drop_failure_note_and_rest_timer_rows():
    r = strong(
        lines(
            IOS,
            "2024-03-05 18:00:00,Arms,1h,Bicep Curl (Dumbbell),W,8,15,0,0,,,",
            "2024-03-05 18:00:00,Arms,1h,Bicep Curl (Dumbbell),1,14,10,0,0,,,7",
            "2024-03-05 18:00:00,Arms,1h,Bicep Curl (Dumbbell),Rest Timer,0,0,0,90,,,",
            "2024-03-05 18:00:00,Arms,1h,Bicep Curl (Dumbbell),F,14,8,0,0,,,8",
            "2024-03-05 18:00:00,Arms,1h,Bicep Curl (Dumbbell),D,10,6,0,0,,,",
            "2024-03-05 18:00:00,Arms,1h,Bicep Curl (Dumbbell),Note,0,0,0,0,elbows pinned,,",
            "2024-03-05 18:00:00,Arms,1h,Bicep Curl (Dumbbell),X,10,6,0,0,,,",
        )
    )
    assert [(s.kind, s.weight_kg, s.rir) for s in all_sets(r)] == [
        ("warmup", 8, None),
        ("working", 14, 3),
        ("failure", 14, 0),
        ("drop", 10, None),
    ]
    assert r.rows_read == 7 and r.sets_read == 4 and r.rows_skipped == 2
    assert [s.kind for s in all_sets(r)] == ["warmup", "working", "failure", "drop"]
    assert r.errors == (RowError(8, "set order 'X' is not a number, W, D, F, Note or Rest Timer"),)


# --- bad rows -------------------------------------------------------------------------

BAD_FILE = lines(
    IOS,
    "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),1,100,5,0,0,,,",
    "2024-13-45 18:00:00,Push,1h,Bench Press (Barbell),2,100,5,0,0,,,",
    "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),3,100,abc,0,0,,,",
    "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),4,-5,5,0,0,,,",
    "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),5,100,5,0,0,,,12",
    "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),6,1001,101,0,0,,,0",
    "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),7,100,5.5,0,0,,,",
    "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),8,nan,5,0,0,,,",
    "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),9,inf,5,0,0,,,",
    "2024-03-05 18:00:00,Push,1h,,10,100,5,0,0,,,",
    "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),11,100,,0,0,,,",
    "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),12,100,5,0,0",
    "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),13,102.5,3,0,0,,,9.5",
)


def test_bad_rows_become_errors_and_the_rest_is_imported():
    r = strong(BAD_FILE)
    assert [(s.weight_kg, s.reps, s.rir) for s in all_sets(r)] == [(100, 5, None), (102.5, 3, 1)]
    assert r.rows_read == 13 and r.sets_read == 2 and len(r.errors) == 11
    assert [e.line for e in r.errors] == list(range(3, 14))
    messages = {e.line: e.message for e in r.errors}
    assert "date '2024-13-45 18:00:00' is not a real date" in messages[3]
    assert messages[4] == "reps 'abc' is not a whole number"
    assert messages[5] == "weight '-5' cannot be negative"
    assert messages[6] == "RPE '12' is outside 1 to 10"
    # every problem of a row is reported at once
    assert messages[7] == (
        "weight '1001' kg is above 1000 kg; reps '101' is above 100; RPE '0' is outside 1 to 10"
    )
    assert messages[8] == "reps '5.5' is not a whole number"
    assert messages[9] == "weight 'nan' is not a number"
    assert messages[10] == "weight 'inf' is not a number"
    assert messages[11] == "the exercise name is empty"
    assert messages[12] == "reps are empty"
    assert "the row has 9 fields where the header has 12" in messages[13]


def test_a_row_with_a_trailing_empty_field_is_fine():
    r = strong(lines(IOS, "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),1,100,5,0,0,,,,"))
    assert r.errors == () and r.sets_read == 1


def test_a_row_too_big_for_the_csv_module_is_an_error_not_a_crash():
    huge = '"' + "x" * 200_000 + '"'
    r = strong(
        lines(
            IOS,
            f"2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),1,100,5,0,0,{huge},,",
            "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),2,100,5,0,0,,,",
        )
    )
    assert [e.line for e in r.errors] == [2] and "cannot be read as CSV" in r.errors[0].message
    assert r.sets_read == 1 and r.rows_read == 2


# --- cardio, timed and bodyweight rows --------------------------------------------------


def test_cardio_and_timed_rows_are_sets_with_time_and_distance():
    """Issue 14: kept, not skipped.  The iOS Distance column is in the app's units: km
    with --unit kg."""
    r = strong(
        lines(
            IOS,
            "2024-03-05 18:00:00,Mixed,1h,Running,1,0,0,5.2,1800,,,",
            "2024-03-05 18:00:00,Mixed,1h,Running,2,,,3,,,,",
            "2024-03-05 18:00:00,Mixed,1h,Plank,1,0,,0,60,,,",
            "2024-03-05 18:00:00,Mixed,1h,Plank,2,20,0,0,60,,,",  # weighted hold: timed
            "2024-03-05 18:00:00,Mixed,1h,Pull Up,1,,8,0,0,,,",  # bodyweight
            "2024-03-05 18:00:00,Mixed,1h,Pull Up,2,0,6,0,0,,,",
        )
    )
    assert r.errors == () and r.rows_skipped == 0
    assert [
        (s.exercise_id, s.weight_kg, s.reps, s.duration_s, s.distance_m) for s in all_sets(r)
    ] == [
        ("custom-running", 0, 0, 1800, 5200.0),
        ("custom-running", 0, 0, None, 3000.0),
        ("plank", 0, 0, 60, None),
        ("plank", 20, 0, 60, None),
        ("pull-up", 0, 8, None, None),
        ("pull-up", 0, 6, None, None),
    ]
    (running,) = r.new_exercises  # cardio: an exercise of no muscle, never volume
    assert running.primary == () and not running.bodyweight


def test_a_loaded_row_of_zero_reps_is_a_bad_row_not_a_set():
    r = strong(
        lines(
            IOS,
            "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),1,100,0,0,0,,,",  # a missed attempt
            "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),2,100,0.0,0,0,,,",
            "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),3,100,5,0,0,,,",
        )
    )
    assert r.errors == (
        RowError(2, "reps '0': a set needs at least one rep"),
        RowError(3, "reps '0.0': a set needs at least one rep"),
    )
    assert [(s.weight_kg, s.reps) for s in all_sets(r)] == [(100, 5)]
    assert r.rows_read == 3 and r.sets_read == 1


def test_a_session_with_only_cardio_is_imported():
    r = strong(lines(IOS, "2024-03-05 18:00:00,Run,30m,Running,1,0,0,5,1800,,,"))
    assert r.rows_read == 1 and r.rows_skipped == 0
    (s,) = all_sets(r)
    assert (s.reps, s.duration_s, s.distance_m) == (0, 1800, 5000.0)


def test_a_row_with_nothing_in_it_is_still_skipped():
    r = strong(lines(IOS, "2024-03-05 18:00:00,Run,30m,Running,1,0,0,0,0,,,"))
    assert r.sessions == () and r.rows_skipped == 1


# --- file encoding details --------------------------------------------------------------


def test_bom_crlf_and_trailing_empty_lines():
    text = "\ufeff" + IOS_FILE.replace("\n", "\r\n") + "\r\n\r\n   \r\n"
    assert strong(text) == strong(IOS_FILE)


def test_quoted_newlines_in_notes_keep_line_numbers_right():
    text = lines(
        IOS,
        '2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),1,100,5,0,0,"first line\nsecond line",'
        '"workout\r\nnotes\nhere",',
        "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),2,100,abc,0,0,,,",
        '2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),3,100,5,0,0,"a\n\nb",,',
        "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),4,-1,5,0,0,,,",
    )
    r = strong(text)
    assert [e.line for e in r.errors] == [6, 10]  # row 1 spans lines 2-5, row 3 lines 7-9
    (s,) = r.sessions
    assert s.sets[0].note == "first line\nsecond line" and s.sets[1].note == "a\n\nb"
    assert s.note == "Push\nworkout\nnotes\nhere"  # a CRLF inside a note is kept as LF


def test_lines_can_be_given_instead_of_text():
    text = IOS_FILE.replace("paused", '"paused\nlong"')
    assert strong(io.StringIO(text, newline="")) == strong(text)


def test_a_workout_name_with_a_comma_in_quotes():
    r = strong(
        lines(IOS, '2024-03-05 18:00:00,"Push, heavy",1h,Bench Press (Barbell),1,100,5,0,0,,,')
    )
    assert r.sessions[0].note == "Push, heavy"


# --- grouping and ids -----------------------------------------------------------------


def test_two_workouts_on_one_day_are_two_sessions():
    r = strong(
        lines(
            IOS,
            "2024-03-05 07:00:00,AM,1h,Bench Press (Barbell),1,100,5,0,0,,,",
            "2024-03-05 18:00:00,PM,1h,Squat (Barbell),1,140,5,0,0,,,",
            "2024-03-05 18:00:00,PM 2,1h,Squat (Barbell),1,140,5,0,0,,,",
        )
    )
    assert [s.note for s in r.sessions] == ["AM", "PM", "PM 2"]
    assert len({s.id for s in r.sessions}) == 3


def test_importing_twice_gives_identical_ids():
    first, second = strong(IOS_FILE), strong(IOS_FILE)
    assert first == second
    ids = [s.id for s in first.sessions] + [x.id for x in all_sets(first)]
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)
    assert len(set(ids)) == len(ids)


def test_ids_do_not_depend_on_the_time_zone():
    other = strong(IOS_FILE, tz=timezone(timedelta(hours=-5)))
    assert [s.id for s in other.sessions] == [s.id for s in strong(IOS_FILE).sessions]
    assert [x.id for x in all_sets(other)] == [x.id for x in all_sets(strong(IOS_FILE))]


def test_identical_rows_in_one_session_get_different_ids():
    row = "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),1,100,5,0,0,,,"
    (s,) = strong(lines(IOS, row, row, row)).sessions
    assert len({x.id for x in s.sets}) == 3


def test_the_session_id_is_derived_from_start_and_name():
    import hashlib

    (s,) = strong(
        lines(IOS, "2024-03-05 18:00:00,Push,1h,Bench Press (Barbell),1,100,5,0,0,,,")
    ).sessions
    assert s.id == hashlib.sha256(b"strong|2024-03-05T18:00:00|Push").hexdigest()[:32]


def test_a_zone_with_daylight_saving():
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time zone database")
    r = strong(
        lines(
            IOS,
            "2024-03-31 01:30:00,Night,1h 30m,Bench Press (Barbell),1,100,5,0,0,,,",
            "2024-07-01 18:00:00,Summer,1h,Bench Press (Barbell),1,100,5,0,0,,,",
        ),
        tz=berlin,
    )
    night, summer = r.sessions
    assert night.started_at.utcoffset() == timedelta(hours=1)
    assert summer.started_at.utcoffset() == timedelta(hours=2)
    assert night.ended_at.tzinfo is berlin


# --- exercise names -------------------------------------------------------------------


def test_unmapped_names_become_the_lifters_exercises_listed_once():
    r = strong(
        lines(
            IOS,
            "2024-03-05 18:00:00,Push,1h,Anderson Squat,1,100,5,0,0,,,",
            "2024-03-05 18:00:00,Push,1h,Anderson Squat,2,100,5,0,0,,,",
            "2024-03-05 18:00:00,Push,1h,anderson  SQUAT,3,100,5,0,0,,,",
            "2024-03-06 18:00:00,Pull,1h,Kelso Shrug,1,40,10,0,0,,,",
            "2024-03-06 18:00:00,Pull,1h,Anderson Squat,1,100,5,0,0,,,",
            "2024-03-06 18:00:00,Pull,1h,???,1,100,5,0,0,,,",
        )
    )
    assert r.new_exercises == (
        Exercise(id="custom-anderson-squat", name="Anderson Squat", primary=(), custom=True),
        Exercise(id="custom-kelso-shrug", name="Kelso Shrug", primary=(), custom=True),
    )
    assert {s.exercise_id for s in all_sets(r)} == {"custom-anderson-squat", "custom-kelso-shrug"}
    assert r.errors == (RowError(7, "exercise name '???' needs a letter or digit"),)


def test_the_lifters_own_exercises_are_not_new():
    own = Exercise(
        id="custom-anderson-squat", name="Anderson Squat (renamed)", primary=("quads",), custom=True
    )
    r = strong(
        lines(IOS, "2024-03-05 18:00:00,Push,1h,Anderson Squat,1,100,5,0,0,,,"),
        catalogue=Catalogue([own]),
    )
    assert r.new_exercises == () and all_sets(r)[0].exercise_id == "custom-anderson-squat"


# --- whole-file problems ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text,reason",
    [
        ("", "empty"),
        ("Name,Weight\nBench,100\n", "not a Strong export"),
        (
            '"title","start_time","end_time","exercise_title","set_type","weight_kg","reps"\n',
            "Hevy export",
        ),
        ("Date,Workout Name,Exercise Name,Set Order,Reps\n", "no weight column"),
    ],
)
def test_files_that_are_not_strong_exports(text, reason):
    with pytest.raises(ImportFormatError, match=reason):
        strong(text)


def test_a_bad_unit_option():
    with pytest.raises(ImportFormatError, match="not kg or lb"):
        strong(IOS_FILE, unit="stone")


def test_only_a_header_is_an_empty_import():
    r = strong(IOS + "\n")
    assert r == ImportResult((), (), (), 0, 0)


# --- large files and progress -----------------------------------------------------------

LIFTS = ("Squat (Barbell)", "Bench Press (Barbell)", "Deadlift (Barbell)", "Anderson Squat")


def big_file(n: int) -> str:
    out = [IOS]
    start = date(2015, 1, 1)
    for i in range(n):
        day = start + timedelta(days=i // 20)
        order = "W" if i % 20 == 0 else str(i % 20)
        rpe = "8.5" if i % 2 else ""
        out.append(
            f"{day} 18:00:00,Day {i // 20 % 3},1h 2m,{LIFTS[i % 4]},{order},{100 + i % 7 * 2.5},"
            f"{5 + i % 3},0,0,,,{rpe}"
        )
    return "\n".join(out) + "\n"


def test_a_thirty_thousand_row_file():
    r = strong(big_file(30_000))
    assert r.errors == ()
    assert r.rows_read == 30_000 and r.sets_read == 30_000 and len(r.sessions) == 1500
    assert all(len(s.sets) == 20 for s in r.sessions)
    assert sum(s.is_warmup for s in all_sets(r)) == 1500
    assert [s.exercise_id for s in r.sessions[0].sets[:4]] == [
        "barbell-back-squat",
        "barbell-bench-press",
        "conventional-deadlift",
        "custom-anderson-squat",
    ]
    assert [e.id for e in r.new_exercises] == ["custom-anderson-squat"]
    assert [s.started_at for s in r.sessions] == sorted(s.started_at for s in r.sessions)


def test_the_reader_gives_each_row_before_reading_the_next_line():
    """Rows stream: nothing is read ahead, so a file of any size is held a row at a time."""
    read = []

    def lines():
        for i, line in enumerate(io.StringIO(big_file(50), newline="")):
            read.append(i)
            yield line
        raise AssertionError("read to the end")

    reader = strong_reader(lines(), unit="kg", tz=TZ)
    assert read == [0]  # the header only
    rows = reader.rows(CAT)
    first = next(rows)
    assert first.line == 2 and read == [0, 1]
    assert next(rows).line == 3 and read == [0, 1, 2]


def test_sessions_come_out_the_same_assembled_a_month_at_a_time():
    """The CLI groups rows month by month; ids and contents must not depend on that."""
    text = big_file(3_000)
    whole = strong(text)
    reader = strong_reader(text, unit="kg", tz=TZ)
    by_month: dict = {}
    for r in reader.rows(CAT):
        by_month.setdefault((r.start.year, r.start.month), []).append(r)
    monthly = [s for month in sorted(by_month) for s in reader.assemble(by_month[month])]
    assert tuple(monthly) == whole.sessions and len(by_month) > 3


# --- properties -----------------------------------------------------------------------


def _numbers():
    return st.one_of(
        st.sampled_from(
            [
                "",
                "0",
                "5",
                "5.0",
                "62,5",
                "-5",
                "abc",
                "nan",
                "inf",
                "1e3",
                "1000",
                "1001",
                "2205",
                "100.125",
                " 7 ",
                "0.0",
            ]
        ),
        st.integers(-10, 3000).map(str),
        st.floats().map(str),
        st.text(max_size=8),
    )


_DATES = st.one_of(
    st.sampled_from(
        [
            "2024-03-05 18:07:12",
            "2024-03-05 6:07:12\u202fPM",
            "2024-02-30 10:00:00",
            "",
            "yesterday",
            "2024-03-05 13:00:00 PM",
            "2024-03-05",
            "0001-01-01 00:00:00",
            "9999-12-31 23:59:59",
        ]
    ),
    st.datetimes(min_value=datetime(1850, 1, 1), max_value=datetime(2150, 1, 1)).map(
        lambda d: d.strftime("%Y-%m-%d %H:%M:%S")
    ),
    st.text(max_size=20),
)
_ORDERS = st.one_of(
    st.sampled_from(["1", "2", "W", "D", "F", "Note", "Rest Timer", "X", "", "1.0", "w"]),
    st.text(max_size=5),
)
_NAMES = st.one_of(
    st.sampled_from(
        [
            "Bench Press (Barbell)",
            "Squat (Barbell)",
            "Anderson Squat",
            "",
            "???",
            "anderson squat",
            "Pull Up",
        ]
    ),
    st.text(max_size=20),
)
_DURATIONS = st.one_of(
    st.sampled_from(["1h 5m", "45m", "", "3900", "junk", "99999h"]), st.text(max_size=8)
)
_ROWS = st.lists(
    st.tuples(
        _DATES,
        st.sampled_from(["Push", "Pull", ""]) | st.text(max_size=10),
        _DURATIONS,
        _NAMES,
        _ORDERS,
        _numbers(),
        _numbers(),
        _numbers(),
        _numbers(),
        st.text(max_size=30),
        st.text(max_size=30),
        _numbers(),
    ),
    max_size=25,
)


def _write(rows) -> tuple[str, list[int]]:
    """The CSV text and the line each data row starts on."""
    buf = io.StringIO()
    starts = []
    line = 2
    writer = csv.writer(buf)
    buf.write(IOS + "\r\n")
    for row in rows:
        before = buf.tell()
        writer.writerow(row)
        starts.append(line)
        line += len(io.StringIO(buf.getvalue()[before:], newline="").readlines())
    return buf.getvalue(), starts


def check_within_the_rules(r: ImportResult, catalogue: Catalogue, starts: list[int] | None = None):
    new_ids = {e.id for e in r.new_exercises}
    assert len(new_ids) == len(r.new_exercises)
    assert all(e.custom and e.primary == () and e.id.startswith("custom-") for e in r.new_exercises)
    set_ids = []
    for session in r.sessions:
        assert session.sets and session.started_at.tzinfo is not None
        assert session.ended_at is not None and session.ended_at >= session.started_at
        assert session.ended_at - session.started_at <= timedelta(hours=24)
        assert session.date == session.started_at.date()
        assert 1900 <= session.started_at.year <= 2100
        for s in session.sets:
            assert isinstance(s.weight_kg, float) and math.isfinite(s.weight_kg)
            assert abs(s.weight_kg) <= 1000 + 1e-9
            ex = catalogue.get(s.exercise_id)
            # negative only on an assisted exercise (the apps log the assistance)
            assert s.weight_kg >= 0 or (ex is not None and is_assisted(ex))
            assert isinstance(s.reps, int) and 0 <= s.reps <= 100
            assert s.reps >= 1 or s.is_timed  # no reps: a timed or distance set
            assert s.duration_s is None or 1 <= s.duration_s <= 24 * 3600
            assert s.distance_m is None or 0 < s.distance_m <= 100_000
            assert s.rir is None or (isinstance(s.rir, int) and 0 <= s.rir <= 10)
            assert s.kind in SET_KINDS and s.unit in ("kg", "lb")
            assert s.kind != "failure" or s.rir == 0
            assert s.exercise_id in catalogue or s.exercise_id in new_ids
            assert s.at == session.started_at
            set_ids.append(s.id)
    assert len(set_ids) == len(set(set_ids)) == r.sets_read
    assert r.rows_read == r.sets_read + len(r.errors) + r.rows_skipped
    assert all(isinstance(e, RowError) and e.message for e in r.errors)
    assert [e.line for e in r.errors] == sorted(e.line for e in r.errors)
    if starts is not None:
        assert {e.line for e in r.errors} <= set(starts)
    assert [s.started_at for s in r.sessions] == sorted(s.started_at for s in r.sessions)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ROWS, st.sampled_from(["kg", "lb"]))
def test_arbitrary_values_give_valid_sets_or_row_errors(rows, unit):
    text, starts = _write(rows)
    r = strong(text, unit=unit)
    check_within_the_rules(r, CAT, starts)
    assert r == strong(text, unit=unit)  # and the same again


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=15), st.sampled_from([IOS, IOS10, ANDROID, LEGACY]))
def test_arbitrary_lines_after_a_good_header_never_raise(body, header):
    r = strong(header + "\n" + "\n".join(body))
    check_within_the_rules(r, CAT)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_is_a_format_error_or_a_result(text):
    try:
        r = strong(text)
    except ImportFormatError as e:
        assert str(e)
    else:
        check_within_the_rules(r, CAT)
