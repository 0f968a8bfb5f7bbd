"""Text from people and files: control characters out where it comes in, escaped on the way out."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, strategies as st

from tui_tracker.domain.catalogue import Catalogue, new_exercise
from tui_tracker.domain.imports import parse_hevy, parse_strong
from tui_tracker.domain.mesocycle import Mesocycle, PlannedExercise, TrainingDay
from tui_tracker.domain.models import Exercise, LoggedSet, Session
from tui_tracker.domain.text import clean_text, escape_controls

from tests.conftest import TZ, at
from tests.hostile import CONTROL, EXERCISE_NAMES, NOTE, shown

C0 = [chr(c) for c in range(0x20)]
C1 = [chr(c) for c in range(0x7F, 0xA0)]  # DEL and the C1 block
ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
TEXT_WITH_CONTROLS = st.text(alphabet=st.sampled_from(C0 + C1 + list("ab [/]=é😀\\")), max_size=60)


# --- clean_text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw,clean",
    [
        ("\x1b]0;pwned\x07 Title", "]0;pwned Title"),  # OSC 0: the window title
        ("\x1b]52;c;ZXZpbA==\x07Clip", "]52;c;ZXZpbA==Clip"),  # OSC 52: the clipboard
        ("\x1b]8;;https://x\x1b\\link\x1b]8;;\x1b\\", "]8;;https://x\\link]8;;\\"),  # OSC 8: a link
        ("\x1b[2J Wipe", "[2J Wipe"),  # CSI 2J: clear the screen
        ("\x9b31m Red", "31m Red"),  # the one-byte CSI
        ("a\x00b\x7fc\x85d", "abc d"),  # NUL and DEL dropped; NEL is a line break: a space
        ("Bench\tPress", "Bench Press"),
        ("Bench\r\nPress", "Bench Press"),
        (
            "[/] [b]bold [link=https://x]x[/link]",
            "[/] [b]bold [link=https://x]x[/link]",
        ),  # text, kept
        ("Squat é 😀 \u200d", "Squat é 😀 \u200d"),
    ],
)
def test_a_name_loses_its_control_characters_and_keeps_everything_else(raw, clean):
    assert clean_text(raw) == clean


def test_a_note_keeps_its_line_breaks_as_line_feeds():
    assert (
        clean_text("one\r\ntwo\rthree\nfour\tfive\x1b[2J", multiline=True)
        == "one\ntwo\nthree\nfour five[2J"
    )


def test_clean_text_returns_clean_text_itself():
    text = "Bench Press (Barbell)"
    assert clean_text(text) is text


@given(TEXT_WITH_CONTROLS)
def test_a_cleaned_name_has_no_control_character_and_cleaning_twice_changes_nothing(raw):
    clean = clean_text(raw)
    assert not CONTROL.search(clean)
    assert clean_text(clean) == clean
    assert [c for c in clean if c != " "] == [c for c in raw if not CONTROL.match(c) and c != " "]


@given(TEXT_WITH_CONTROLS)
def test_a_cleaned_note_has_no_control_character_but_line_feeds(raw):
    clean = clean_text(raw, multiline=True)
    assert not CONTROL.search(clean.replace("\n", ""))
    assert clean_text(clean, multiline=True) == clean


@given(ANY_TEXT)
def test_text_without_control_characters_is_unchanged(raw):
    text = shown(raw)
    assert clean_text(text) == text and clean_text(text, multiline=True) == text


# --- escape_controls -------------------------------------------------------------------------


def test_escaped_control_characters_are_visible_and_inert():
    assert (
        escape_controls("\x1b]0;pwned\x07 \x9b31m\n\tok")
        == "\\u001b]0;pwned\\u0007 \\u009b31m\n\tok"
    )
    assert escape_controls("a\rb", keep="\n") == "a\\u000db"


@given(
    st.recursive(
        st.none() | ANY_TEXT | TEXT_WITH_CONTROLS | st.integers(),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(TEXT_WITH_CONTROLS, inner, max_size=3)
        ),
        max_leaves=8,
    )
)
def test_escaping_json_output_keeps_it_valid_json_of_the_same_value(value):
    for ensure_ascii in (True, False):
        text = json.dumps(value, ensure_ascii=ensure_ascii, indent=2)
        escaped = escape_controls(text)
        assert not CONTROL.search(escaped.replace("\n", ""))
        assert json.loads(escaped) == value


# --- where the domain builds its objects -----------------------------------------------------


def test_an_exercise_name_and_aliases_are_cleaned_when_it_is_built():
    ex = Exercise("custom-x", EXERCISE_NAMES[3], ("chest",), aliases=(EXERCISE_NAMES[4],))
    assert (ex.name, ex.aliases) == (shown(EXERCISE_NAMES[3]), (shown(EXERCISE_NAMES[4]),))
    assert replace(ex, name="\x1b[2JOther").name == "[2JOther"


def test_an_exercise_whose_name_is_only_control_characters_has_no_name():
    with pytest.raises(ValueError, match="needs a name"):
        Exercise("custom-x", "\x1b\x07\x9b", ("chest",))


def test_set_and_session_notes_are_cleaned_keeping_line_breaks():
    note = NOTE + "\r\nsecond line"
    s = LoggedSet("barbell-bench-press", 100, 5, 2, at=at(date(2026, 11, 18)), note=note)
    session = Session(date(2026, 11, 18), at(date(2026, 11, 18)), (s,), note=note)
    assert s.note == session.note == shown(NOTE) + "\nsecond line"


def test_block_and_day_names_are_cleaned():
    day = TrainingDay("\x1b]0;pwned\x07Upper [/]", 0, (PlannedExercise("barbell-row", 3, 6, 10),))
    meso = Mesocycle("\x9b31mBlock [b]", date(2026, 11, 2), 4, (day,))
    assert (day.name, meso.name) == ("]0;pwnedUpper [/]", "31mBlock [b]")


def test_two_days_that_differ_only_by_control_characters_are_one_name():
    planned = (PlannedExercise("barbell-row", 3, 6, 10),)
    with pytest.raises(ValueError, match="distinct names"):
        Mesocycle(
            "Block",
            date(2026, 11, 2),
            4,
            (TrainingDay("Upper", 0, planned), TrainingDay("Upp\x1ber", 2, planned)),
        )


def test_a_new_exercise_is_named_and_identified_by_its_clean_name():
    ex = new_exercise(Catalogue(), " \x1b]0;pwned\x07Zercher\x9b Squat ", ["quads"])
    assert ex.name == "]0;pwnedZercher Squat"
    assert ex.id == "custom-0-pwnedzercher-squat"


def test_a_new_exercise_named_like_an_existing_one_but_for_controls_is_refused():
    with pytest.raises(ValueError, match="already in the catalogue"):
        new_exercise(Catalogue(), "Bench\x1b Press (Barbell)\x07", ["chest"])


STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)


def test_imported_names_and_notes_are_cleaned():
    rows = [STRONG] + [
        f'2024-03-05 18:01:12,"Push \x1b]0;pwned\x07",1h,"{name}",1,100,5,0,0,'
        f'"\x1b[2Jnote","\x9bworkout",'
        for name in ("\x1b]52;c;ZXZpbA==\x07Zercher", "Bench\x1b Press (Barbell)")
    ]
    result = parse_strong("\n".join(rows) + "\n", catalogue=Catalogue(), unit="kg", tz=TZ)
    assert result.errors == ()
    (session,) = result.sessions
    assert [e.name for e in result.new_exercises] == ["]52;c;ZXZpbA==Zercher"]
    assert session.sets[1].exercise_id == "barbell-bench-press"  # found once clean
    assert session.note == "Push ]0;pwned\nworkout"
    assert [s.note for s in session.sets] == ["[2Jnote", "[2Jnote"]


def test_hevy_names_and_notes_are_cleaned():
    header = (
        '"title","start_time","end_time","description","exercise_title","superset_id",'
        '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
        '"duration_seconds","rpe"'
    )
    row = (
        '"Legs\x07","30 Jan 2025, 12:34","30 Jan 2025, 13:40","\x1b[2Jdesc",'
        '"\x9b31mZercher","","\x1b]0;t\x07ex note","0","normal","100","5","","",""'
    )
    result = parse_hevy(header + "\n" + row + "\n", catalogue=Catalogue(), tz=TZ)
    assert result.errors == ()
    (session,) = result.sessions
    assert [e.name for e in result.new_exercises] == ["31mZercher"]
    assert not CONTROL.search(session.note.replace("\n", ""))
    assert not CONTROL.search(session.sets[0].note.replace("\n", ""))
