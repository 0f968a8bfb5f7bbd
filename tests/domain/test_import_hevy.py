"""Hevy CSV exports to our sessions."""

import csv
import hashlib
import io
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.imports import ImportFormatError, ImportResult, RowError, parse_hevy
from tui_tracker.domain.models import KG_PER_LB, Exercise

from tests.conftest import TZ
from tests.domain.test_import_strong import check_within_the_rules

CAT = Catalogue()

HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes",'
    '"set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"'
)
HEADER_LBS = HEADER.replace("weight_kg", "weight_lbs").replace("distance_km", "distance_miles")


def hevy(text, tz=TZ, catalogue=CAT, **kw) -> ImportResult:
    return parse_hevy(text, catalogue=catalogue, tz=tz, **kw)


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


def all_sets(result: ImportResult):
    return [s for session in result.sessions for s in session.sets]


def row(
    title="Push",
    start="30 Jan 2025, 12:34",
    end="30 Jan 2025, 13:40",
    description="",
    exercise="Bench Press (Barbell)",
    notes="",
    index="0",
    set_type="normal",
    weight="100",
    reps="5",
    distance="",
    seconds="",
    rpe="",
    superset="",
) -> str:
    cells = [
        title,
        start,
        end,
        description,
        exercise,
        superset,
        notes,
        index,
        set_type,
        weight,
        reps,
        distance,
        seconds,
        rpe,
    ]
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="").writerow(cells)
    return buf.getvalue()


FILE = lines(
    HEADER,
    row(
        title="Legs",
        start="1 Feb 2025, 07:05",
        end="1 Feb 2025, 08:00",
        exercise="Squat (Barbell)",
        set_type="warmup",
        weight="60",
        reps="5",
    ),
    row(
        title="Legs",
        start="1 Feb 2025, 07:05",
        end="1 Feb 2025, 08:00",
        exercise="Squat (Barbell)",
        index="1",
        weight="140",
        reps="5",
        rpe="8.5",
    ),
    row(description="Good day", notes="Elbows in", set_type="warmup", weight="40", reps="10"),
    row(description="Good day", notes="Elbows in", index="1", weight="100", reps="5", rpe="8"),
    row(
        description="Good day",
        notes="Elbows in",
        index="2",
        set_type="failure",
        weight="100",
        reps="4",
        rpe="9",
    ),
    row(
        description="Good day",
        notes="Elbows in",
        index="3",
        set_type="dropset",
        weight="80",
        reps="6",
    ),
    row(
        description="Good day",
        exercise="Triceps Pushdown (Cable - Straight Bar)",
        weight="30.5",
        reps="12",
        rpe="7.5",
    ),
)


def test_hevy_rows_become_sessions():
    r = hevy(FILE)
    assert r.errors == () and r.rows_read == 7 and r.sets_read == 7 and r.rows_skipped == 0
    push, legs = r.sessions
    assert push.started_at == datetime(2025, 1, 30, 12, 34, tzinfo=TZ)
    assert push.ended_at == datetime(2025, 1, 30, 13, 40, tzinfo=TZ)
    assert push.note == "Push\nGood day"
    assert [(s.exercise_id, s.kind, s.weight_kg, s.reps, s.rir) for s in push.sets] == [
        ("barbell-bench-press", "warmup", 40, 10, None),
        ("barbell-bench-press", "working", 100, 5, 2),
        ("barbell-bench-press", "failure", 100, 4, 0),  # failure wins over the RPE
        ("barbell-bench-press", "drop", 80, 6, None),
        ("triceps-pushdown", "working", 30.5, 12, 3),
    ]
    # the exercise's notes go on its first set only
    assert [s.note for s in push.sets] == ["Elbows in", "", "", "", ""]
    assert legs.started_at == datetime(2025, 2, 1, 7, 5, tzinfo=TZ)
    assert [(s.kind, s.rir) for s in legs.sets] == [("warmup", None), ("working", 2)]
    assert all(s.unit == "kg" for s in all_sets(r))


def test_hevy_in_pounds():
    r = hevy(lines(HEADER_LBS, row(weight="225", reps="5")))
    (s,) = all_sets(r)
    assert s.weight_kg == pytest.approx(225 * KG_PER_LB) and s.unit == "lb" and s.weight == 225


def test_bodyweight_cardio_and_timed_rows():
    """Cardio and timed rows are sets with their time and distance (issue 14), a run on an
    exercise of no muscle; a loaded row with no reps and no time is still a bad row."""
    r = hevy(
        lines(
            HEADER,
            row(exercise="Pull Up", weight="", reps="8"),
            row(exercise="Running", weight="", reps="", distance="5.2", seconds="1800"),
            row(exercise="Plank", weight="", reps="", seconds="60"),
            row(exercise="Plank", weight="10", reps="", seconds="60"),
            row(exercise="Bench Press (Barbell)", weight="100", reps=""),
        )
    )
    assert [
        (s.exercise_id, s.weight_kg, s.reps, s.duration_s, s.distance_m) for s in all_sets(r)
    ] == [
        ("pull-up", 0, 8, None, None),
        ("custom-running", 0, 0, 1800, 5200.0),
        ("plank", 0, 0, 60, None),
        ("plank", 10, 0, 60, None),
    ]
    assert r.rows_skipped == 0 and r.errors == (RowError(6, "reps are empty"),)
    (running,) = r.new_exercises
    assert running.primary == () and running.secondary == () and not running.bodyweight


def test_an_empty_weight_is_bodyweight_only_on_a_bodyweight_exercise():
    """Hevy leaves the weight empty for bodyweight exercises.  On a loaded one an empty
    weight is a set whose load was not recorded: reported, not stored as 0 kg."""
    r = hevy(
        lines(
            HEADER,
            row(exercise="Bench Press (Barbell)", weight="", reps="8"),
            row(exercise="Chin Up", weight="", reps="8"),
            row(exercise="Triceps Dip", weight="  ", reps="10"),
            row(exercise="Pull Up (Weighted)", weight="20", reps="5"),
            row(exercise="Bench Press (Barbell)", weight="0", reps="8"),  # 0 written: kept as typed
        )
    )
    assert r.errors == (
        RowError(2, "weight is empty, and Barbell Bench Press is not a bodyweight exercise"),
    )
    assert [(s.exercise_id, s.weight_kg, s.reps) for s in all_sets(r)] == [
        ("chin-up", 0, 8),
        ("triceps-dip", 0, 10),
        ("pull-up", 20, 5),
        ("barbell-bench-press", 0, 8),
    ]


def test_an_empty_weight_on_the_lifters_own_exercise_follows_its_flag():
    mine = [
        Exercise("custom-korean-dip", "Korean Dip", ("chest",), custom=True, bodyweight=True),
        Exercise("custom-sled", "Sled Press", ("quads",), custom=True),
    ]
    r = hevy(
        lines(
            HEADER,
            row(exercise="Korean Dip", weight="", reps="8"),
            row(exercise="Sled Press", weight="", reps="8"),
        ),
        catalogue=Catalogue(mine),
    )
    assert [(s.exercise_id, s.weight_kg) for s in all_sets(r)] == [("custom-korean-dip", 0)]
    assert r.errors == (
        RowError(3, "weight is empty, and Sled Press is not a bodyweight exercise"),
    )


def test_a_new_exercise_with_empty_weights_is_new_and_bodyweight():
    """A name the catalogue does not know: Hevy's own bodyweight exercises export no weight,
    so the sets are kept at bodyweight and the new exercise is marked bodyweight."""
    r = hevy(
        lines(
            HEADER,
            row(exercise="Planche Push Up", weight="", reps="3"),
            row(exercise="Planche Push Up", weight="10", reps="2"),
            row(exercise="Anderson Squat", weight="100", reps="5"),
        )
    )
    assert r.errors == ()
    assert [(e.name, e.bodyweight) for e in r.new_exercises] == [
        ("Planche Push Up", True),
        ("Anderson Squat", False),
    ]


def test_zero_reps_with_a_weight_is_a_bad_row():
    r = hevy(lines(HEADER, row(weight="100", reps="0"), row(weight="100", reps="5")))
    assert r.errors == (RowError(2, "reps '0': a set needs at least one rep"),)
    assert r.sets_read == 1


def test_bad_hevy_rows():
    r = hevy(
        lines(
            HEADER,
            row(start="31 Feb 2025, 12:34"),
            row(reps="abc"),
            row(weight="-5"),
            row(rpe="12"),
            row(set_type="superset"),
            row(start="someday", weight="2205"),
            row(weight="102.5", reps="3"),
        )
    )
    assert [(s.weight_kg, s.reps) for s in all_sets(r)] == [(102.5, 3)]
    assert r.errors == (
        RowError(2, "start_time: date '31 Feb 2025, 12:34' is not a real date and time"),
        RowError(3, "reps 'abc' is not a whole number"),
        RowError(4, "weight '-5' cannot be negative"),
        RowError(5, "RPE '12' is outside 1 to 10"),
        RowError(6, "set_type 'superset' is not normal, warmup, failure or dropset"),
        RowError(
            7,
            "start_time: date 'someday' is not a date and time like 2024-03-05 18:07:12 or "
            "30 Jan 2025, 12:34; weight '2205' kg is above 1000 kg",
        ),
    )


def test_an_unreadable_end_time_leaves_the_session_closed():
    r = hevy(lines(HEADER, row(end="later"), row(end="")))
    (s,) = r.sessions
    assert r.errors == () and s.ended_at == s.started_at


def test_an_end_before_the_start_is_ignored():
    (s,) = hevy(lines(HEADER, row(end="29 Jan 2025, 12:00"))).sessions
    assert s.ended_at == s.started_at


def test_bom_crlf_quoted_newlines_and_trailing_lines():
    text = (
        "\ufeff"
        + lines(
            HEADER,
            row(description="line one\nline two", notes="cue:\r\nbrace"),
            row(reps="x"),
        ).replace("\n", "\r\n")
        + "\r\n\r\n"
    )
    r = hevy(text)
    # the first row spans lines 2-5: each \n became \r\n, and the \r\r\n in the notes is two breaks
    assert [e.line for e in r.errors] == [6]
    (s,) = r.sessions
    assert s.note.startswith("Push\nline one")


def test_sessions_are_grouped_by_title_and_start():
    r = hevy(
        lines(
            HEADER,
            row(title="A"),
            row(title="B"),
            row(title="A", start="30 Jan 2025, 18:00"),
            row(title="A"),
        )
    )
    assert [(s.note, len(s.sets)) for s in r.sessions] == [("A", 2), ("B", 1), ("A", 1)]


def test_importing_twice_gives_identical_ids():
    first, second = hevy(FILE), hevy(FILE)
    assert first == second
    assert first.sessions[0].id == hashlib.sha256(b"hevy|2025-01-30T12:34:00|Push").hexdigest()[:32]
    ids = [x.id for x in all_sets(first)]
    assert len(set(ids)) == len(ids)


def test_unmapped_names_listed_once():
    r = hevy(
        lines(
            HEADER,
            row(exercise="Anderson Squat"),
            row(exercise="Anderson Squat"),
            row(exercise="ZERCHER SQUAT", title="Other"),
        )
    )
    assert r.new_exercises == (
        Exercise(id="custom-anderson-squat", name="Anderson Squat", primary=(), custom=True),
    )


@pytest.mark.parametrize(
    "text,reason",
    [
        ("", "empty"),
        ("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n", "Strong export"),
        ('"title","start_time","exercise_title"\n', "not a Hevy export"),
        (
            '"title","start_time","exercise_title","set_type","reps","weight_stone"\n',
            "no weight_kg",
        ),
    ],
)
def test_files_that_are_not_hevy_exports(text, reason):
    with pytest.raises(ImportFormatError, match=reason):
        hevy(text)


def test_many_rows_of_one_session():
    text = lines(HEADER, *[row(index=str(i)) for i in range(2500)])
    r = hevy(text)
    assert r.sets_read == 2500 and len(r.sessions) == 1
    assert len({s.id for s in r.sessions[0].sets}) == 2500


# --- properties -----------------------------------------------------------------------

_NUMBERS = st.one_of(
    st.sampled_from(["", "0", "5", "5.0", "-5", "abc", "nan", "inf", "1001", "100.125", "8.5"]),
    st.integers(-10, 3000).map(str),
    st.floats().map(str),
    st.text(max_size=8),
)
_DATES = st.one_of(
    st.sampled_from(["30 Jan 2025, 12:34", "31 Feb 2025, 12:34", "", "Jan 30, 2025, 1:00 PM", "x"]),
    st.datetimes(min_value=datetime(1850, 1, 1), max_value=datetime(2150, 1, 1)).map(
        lambda d: d.strftime("%d %b %Y, %H:%M")
    ),
    st.text(max_size=20),
)
_ROWS = st.lists(
    st.fixed_dictionaries(
        {
            "title": st.sampled_from(["Push", "Pull"]) | st.text(max_size=10),
            "start": _DATES,
            "end": _DATES,
            "description": st.text(max_size=20),
            "exercise": st.sampled_from(["Bench Press (Barbell)", "Anderson Squat", "", "!!"])
            | st.text(max_size=15),
            "notes": st.text(max_size=20),
            "set_type": st.sampled_from(["normal", "warmup", "failure", "dropset", "", "x"])
            | st.text(max_size=5),
            "weight": _NUMBERS,
            "reps": _NUMBERS,
            "distance": _NUMBERS,
            "seconds": _NUMBERS,
            "rpe": _NUMBERS,
        }
    ),
    max_size=25,
)


def _mostly(good: st.SearchStrategy, anything: st.SearchStrategy) -> st.SearchStrategy:
    """Usually a good value: with every cell drawn from anything, a row where all eleven
    are good was so rare that the test almost never saw a set (0 sets in 500 examples),
    and found what breaks one only now and then: that was its flakiness."""
    return st.integers(0, 9).flatmap(lambda i: good if i else anything)


_GOOD_DATES = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda d: d.strftime("%d %b %Y, %H:%M")
)
_LOADS = st.sampled_from(["", "0", "5", "22.5", "60"])
_REPS = st.sampled_from(["5", "8", "12", "5.0"])
_EXTENTS = st.sampled_from(["", "0", "", "0", "40", "1800"])
_GOOD_ROWS = st.lists(
    st.fixed_dictionaries(
        {
            "title": st.sampled_from(["Push", "Pull"]) | st.text(max_size=10),
            "start": _mostly(
                st.sampled_from(["30 Jan 2025, 12:34", "1 Feb 2025, 07:05"]) | _GOOD_DATES, _DATES
            ),
            "end": _mostly(_GOOD_DATES, _DATES),
            "description": st.text(max_size=20),
            "exercise": _mostly(
                st.sampled_from(
                    [
                        "Bench Press (Barbell)",
                        "Pull Up",
                        "Pull Up (Assisted)",
                        "Plank",
                        "Running",
                        "Farmers Walk",
                    ]
                ),
                st.text(max_size=15),
            ),
            "notes": st.text(max_size=20),
            "set_type": _mostly(
                st.sampled_from(["normal", "warmup", "failure", "dropset"]), st.text(max_size=5)
            ),
            "weight": _mostly(_LOADS, _NUMBERS),
            "reps": _mostly(_REPS | st.just(""), _NUMBERS),
            "distance": _mostly(_EXTENTS, _NUMBERS),
            "seconds": _mostly(_EXTENTS, _NUMBERS),
            "rpe": _mostly(st.sampled_from(["", "8", "9.5"]), _NUMBERS),
            "superset": st.sampled_from(["", "0", "1"]) | st.text(max_size=4),
        }
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ROWS | _GOOD_ROWS, st.sampled_from([HEADER, HEADER_LBS]))
def test_arbitrary_values_give_valid_sets_or_row_errors(rows, header):
    text = lines(header, *[row(**r) for r in rows]) if rows else header + "\n"
    result = hevy(text)
    check_within_the_rules(result, CAT)
    assert result == hevy(text)
    assert all(e.line >= 2 for e in result.errors)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_is_a_format_error_or_a_result(text):
    try:
        r = hevy(text)
    except ImportFormatError as e:
        assert str(e)
    else:
        check_within_the_rules(r, CAT)


def test_a_week_of_sets_stays_in_order():
    rows = [
        row(start=f"{d} Jan 2025, 18:00", title=f"Day {d}", index=str(i), reps=str(i + 1))
        for d in (3, 1, 2)
        for i in range(3)
    ]
    r = hevy(lines(HEADER, *rows))
    assert [s.started_at.day for s in r.sessions] == [1, 2, 3]
    assert all([x.reps for x in s.sets] == [1, 2, 3] for s in r.sessions)
    assert r.sessions[0].started_at - r.sessions[-1].started_at == -timedelta(days=2)


def test_an_end_time_more_than_a_day_after_the_start_is_unknown():
    """The flaky property test's failure: Hevy's end_time was taken as it came, so a typo in
    its year made a session last years (the Strong import caps a duration at 24 h)."""
    r = hevy(lines(HEADER, row(start="30 Jan 2025, 12:34", end="2 Feb 2026, 13:40")))
    (s,) = r.sessions
    assert s.ended_at == s.started_at  # closed, length unknown
    r = hevy(lines(HEADER, row(start="30 Jan 2025, 23:34", end="31 Jan 2025, 01:10")))
    (s,) = r.sessions
    assert s.ended_at - s.started_at == timedelta(hours=1, minutes=36)  # past midnight: kept
