"""The settings schema: every key's default, what it allows, and the messages when it is broken."""

from __future__ import annotations

import string
from dataclasses import fields

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui_tracker.domain.catalogue import BUILTIN_EXERCISES
from tui_tracker.domain.inputs import InputError
from tui_tracker.domain.models import Exercise
from tui_tracker.domain.settings import (
    MODIFIERS,
    SPECS,
    Known,
    SettingError,
    Settings,
    check_all,
    check_value,
    parse_keys,
    parse_value,
    settings_from,
    spec,
    split_key,
    to_toml,
)

THEMES = Known(themes=frozenset({"nord", "textual-dark", "ansi-dark"}))


def refused(key: str, value, known: Known = Known()) -> str:
    with pytest.raises(SettingError) as e:
        check_value(key, value, known)
    return str(e.value)


def refused_text(name: str, text: str, known: Known = Known()) -> str:
    with pytest.raises(SettingError) as e:
        parse_value(name, text, known)
    return str(e.value)


# --- the schema ---------------------------------------------------------------------------


def test_the_schema_is_the_settings_dataclass_one_entry_per_key():
    assert (
        list(SPECS)
        == [f.name for f in fields(Settings)]
        == [
            "unit",
            "theme",
            "keymap",
            "bar_kg",
            "bar_lb",
            "plates_kg",
            "plates_lb",
            "dumbbell_step_kg",
            "dumbbell_step_lb",
            "machine_step_kg",
            "machine_step_lb",
            "rest_compound",
            "rest_isolation",
            "training_status",
            "auto_advance",
            "health_notice_read",
        ]
    )
    for key, s in SPECS.items():
        assert s.key == key and s.allowed and s.why, key
        assert s.default == getattr(Settings(), key)


def test_defaults_a_lifter_gets_without_a_file():
    s = Settings()
    assert (s.unit, s.theme, dict(s.keymap), s.auto_advance) == ("kg", "", {}, True)
    assert (s.bar_kg, s.bar_lb) == (20, 45)
    assert s.plates_kg == (25, 20, 15, 10, 5, 2.5, 1.25)
    assert s.plates_lb == (45, 35, 25, 10, 5, 2.5)
    assert (s.rest_compound, s.rest_isolation, s.training_status) == (None, None, None)


@pytest.mark.parametrize("key", list(SPECS))
def test_every_default_passes_its_own_check(key):
    default = SPECS[key].default
    if default is None:  # "not set": no value in the file at all
        assert SPECS[key].unset_means
    else:
        assert check_value(key, to_toml(key, default)) == default


def test_a_setting_error_is_input_error_naming_key_and_what_is_allowed():
    e = SettingError("unit", "'stone' is not allowed", "kg or lb")
    assert isinstance(e, InputError)
    assert str(e) == "unit: 'stone' is not allowed (allowed: kg or lb)"
    assert str(e.located("/home/x/settings.toml")) == (
        "settings file /home/x/settings.toml: unit: 'stone' is not allowed (allowed: kg or lb)"
    )


def test_unknown_key_suggests_the_closest_and_lists_all():
    with pytest.raises(SettingError) as e:
        spec("untis")
    assert "'untis': unknown setting; did you mean unit?" in str(e.value)
    assert "auto_advance" in str(e.value)
    with pytest.raises(SettingError, match="unknown setting \\(allowed"):
        spec("zzzzzz")


def test_control_characters_in_a_bad_value_are_escaped_and_long_values_cut():
    message = refused("unit", "\x1b]0;pwned\x07\x9b2J")
    assert "\x1b" not in message and "\x07" not in message and "\x9b" not in message
    assert "\\x1b" in message
    assert len(refused("unit", "k" * 500)) < 120


# --- unit ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["kg", "lb"])
def test_unit_accepts_kg_and_lb(value):
    assert check_value("unit", value) == value


@pytest.mark.parametrize("value", ["KG", "lbs", "stone", "", 5, None, ["kg"], True])
def test_unit_in_the_file_is_exactly_kg_or_lb(value):
    assert "(allowed: kg or lb)" in refused("unit", value)


@pytest.mark.parametrize("text,unit", [("kg", "kg"), ("LB", "lb"), ("lbs", "lb"), (" Kgs ", "kg")])
def test_unit_typed_on_the_command_line_is_forgiving(text, unit):
    assert parse_value("unit", text) == unit


def test_unit_typed_wrong_says_what_is_allowed():
    assert refused_text("unit", "stone") == "unit: 'stone' is not allowed (allowed: kg or lb)"


# --- theme -----------------------------------------------------------------------------------


def test_theme_empty_means_textuals_default():
    assert check_value("theme", "", THEMES) == ""
    assert SPECS["theme"].show("") == "(Textual's default)"


def test_theme_checked_against_the_names_given():
    assert check_value("theme", "nord", THEMES) == "nord"
    message = refused("theme", "Nord", THEMES)
    assert message == (
        "theme: unknown theme 'Nord' (allowed: empty for Textual's default, or "
        "one of ansi-dark, nord, textual-dark)"
    )


def test_theme_without_a_list_is_checked_as_a_name_only():
    assert check_value("theme", "my-theme_2.dark") == "my-theme_2.dark"
    for bad in ("has space", "-leading", "x" * 65, "\x1b[31m", 3, None):
        assert "theme:" in refused("theme", bad)


# --- keymap ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,keys",
    [
        ("a", "a"),
        ("A", "A"),
        ("5", "5"),
        ("f5", "f5"),
        ("Enter", "enter"),
        ("page_up", "page_up"),
        ("?", "question_mark"),
        ("+", "plus"),
        ("-", "minus"),
        ("/", "slash"),
        ("@", "at"),
        ("[", "left_square_bracket"),
        ("ctrl++", "ctrl+plus"),
        ("ctrl+s", "ctrl+s"),
        ("CTRL+s", "ctrl+s"),
        ("Ctrl+A", "ctrl+a"),
        ("alt+É", "alt+é"),
        ("shift+ctrl+up", "ctrl+shift+up"),
        ("ctrl + s", "ctrl+s"),
        ("ctrl+s, f2", "ctrl+s,f2"),
        ("a,a", "a"),
        ("alt+hyper+meta+shift+super+ctrl+x", "alt+ctrl+hyper+meta+shift+super+x"),
        ("é", "é"),
    ],
)
def test_key_lists_are_written_as_textual_names_them(text, keys):
    assert parse_keys(text) == keys


@pytest.mark.parametrize(
    "text,reason",
    [
        ("", "has an empty key"),
        ("a,,b", "has an empty key"),
        ("a,", "has an empty key"),
        (" ", "has an empty key"),
        ("ctrl+", "ends with '+' but names no key"),
        ("foo+a", "'foo' in 'foo+a' is not a modifier"),
        ("ctrl+ctrl+a", "repeats ctrl"),
        ("ctrl", "is only a modifier"),
        ("shift+alt", "is only a modifier"),
        ("page up", "is not a key name"),
        ("ctrl+page-up", "is not a key name"),
        ("\x1b", "unprintable"),
        ("ctrl+\t", "ends with '+'"),
        (",", "write a comma as 'comma'"),
        ("ctrl+\x7f", "unprintable"),
    ],
)
def test_key_syntax_errors_say_what_is_wrong(text, reason):
    with pytest.raises(SettingError) as e:
        parse_value("keymap.today.add", text)
    assert reason in str(e.value)
    assert str(e.value).startswith("keymap.today.add: ")


def test_every_printable_character_is_named_as_textual_names_it():
    from textual.keys import _character_to_key

    for char in string.punctuation.replace(",", "") + string.ascii_letters + string.digits + "éß€":
        assert parse_keys(char) == _character_to_key(char), char
    assert parse_keys("comma") == _character_to_key(",")  # a comma separates keys


def test_modifier_order_is_textuals():
    assert list(MODIFIERS) == sorted(MODIFIERS)


def test_keymap_table_from_the_file_is_checked_entry_by_entry_and_sorted():
    value = check_value("keymap", {"today.finish": "F", "today.add": "ctrl+a, ?"})
    assert dict(value) == {"today.add": "ctrl+a,question_mark", "today.finish": "F"}
    assert list(value) == ["today.add", "today.finish"]


@pytest.mark.parametrize(
    "value,reason",
    [
        ("ctrl+a", "is not a table"),
        ({"bad id": "a"}, "is not a binding id"),
        ({"": "a"}, "is not a binding id"),
        ({"x": 5}, "is not a key such as ctrl+s"),
        ({"x": "ctrl+"}, "ends with '+'"),
        ([["x", "a"]], "is not a table"),
    ],
)
def test_keymap_table_errors(value, reason):
    assert reason in refused("keymap", value)


def test_keymap_is_set_one_binding_at_a_time():
    assert split_key("keymap.today.add") == (SPECS["keymap"], "today.add")
    assert split_key("keymap") == (SPECS["keymap"], None)
    assert "set one entry at a time: keymap.ID VALUE" in refused_text("keymap", "a")
    assert "is not a binding id" in refused_text("keymap.", "a")
    assert "is not a binding id" in refused_text("keymap.a b", "a")
    assert "unit has no entries" in refused_text("unit.x", "kg")


# --- bar and plates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key,value,expected",
    [
        ("bar_kg", 20, 20.0),
        ("bar_kg", 15, 15.0),
        ("bar_kg", 0, 0.0),
        ("bar_kg", 100, 100.0),
        ("bar_kg", 7.5, 7.5),
        ("bar_lb", 45, 45.0),
        ("bar_lb", 220, 220.0),
        ("bar_lb", 35.5, 35.5),
    ],
)
def test_bar_weights(key, value, expected):
    assert check_value(key, value) == expected


@pytest.mark.parametrize(
    "key,value,reason",
    [
        ("bar_kg", 100.01, "100.01 kg is out of range"),
        ("bar_kg", -1, "-1 kg is out of range"),
        ("bar_lb", 221, "221 lb is out of range"),
        ("bar_kg", True, "True is not a number"),
        ("bar_kg", "20", "'20' is not a number"),
        ("bar_kg", float("nan"), "nan is not a number"),
        ("bar_kg", float("inf"), "inf is not a number"),
        ("bar_kg", [20], "is not a number"),
    ],
)
def test_bar_weight_errors_name_the_unit_and_the_range(key, value, reason):
    message = refused(key, value)
    assert reason in message
    assert f"(allowed: a weight from 0 to {100 if key == 'bar_kg' else 220}" in message


@pytest.mark.parametrize(
    "text,value", [("15", 15.0), ("20,5", 20.5), ("20.5", 20.5), (" 45 ", 45.0)]
)
def test_bar_typed_with_a_decimal_point_or_comma(text, value):
    key = "bar_kg" if value < 40 else "bar_lb"
    assert parse_value(key, text) == value


def test_bar_typed_wrong():
    assert "'heavy' is not a number" in refused_text("bar_kg", "heavy")
    assert "out of range" in refused_text("bar_kg", "1e20")
    assert "is not a number" in refused_text("bar_kg", "nan")


def test_plates_are_kept_heaviest_first():
    assert check_value("plates_kg", [1.25, 25, 5, 20]) == (25.0, 20.0, 5.0, 1.25)
    assert check_value("plates_lb", [2.5, 45, 100]) == (100.0, 45.0, 2.5)
    assert check_value("plates_kg", [0.25]) == (0.25,)
    assert check_value("plates_kg", [50] + [i / 4 for i in range(1, 20)])[0] == 50


@pytest.mark.parametrize(
    "key,value,reason",
    [
        ("plates_kg", [], "the list is empty"),
        ("plates_kg", 25, "is not a list of plate weights"),
        ("plates_kg", [20, 20.0], "20 kg is listed twice (list each size once)"),
        ("plates_kg", [0], "a 0 kg plate is out of range"),
        ("plates_kg", [50.5], "a 50.5 kg plate is out of range"),
        ("plates_lb", [100.5], "a 100.5 lb plate is out of range"),
        ("plates_kg", [-5], "a -5 kg plate is out of range"),
        ("plates_kg", ["25"], "'25' is not a number"),
        ("plates_kg", [True], "True is not a number"),
        ("plates_kg", list(range(1, 22)), "21 sizes are too many"),
    ],
)
def test_plate_errors(key, value, reason):
    message = refused(key, value)
    assert reason in message
    assert "(allowed: 1 to 20 plate sizes up to" in message


@pytest.mark.parametrize(
    "text",
    [
        "25,20,15,10,5,2.5,1.25",
        "25 20 15 10 5 2.5 1.25",
        "[25, 20, 15, 10, 5, 2.5, 1.25]",
        "1.25;2.5;5;10;15;20;25",
    ],
)
def test_plates_typed_as_a_list(text):
    assert parse_value("plates_kg", text) == (25, 20, 15, 10, 5, 2.5, 1.25)


def test_plates_typed_wrong():
    assert "the list is empty" in refused_text("plates_kg", " ")
    assert "'x' is not a number" in refused_text("plates_kg", "25,x")


def test_settings_give_bar_and_plates_for_a_unit():
    s = settings_from({"bar_kg": 15.0, "plates_lb": (45.0, 25.0)})
    assert (s.bar("kg"), s.bar("lb")) == (15.0, 45.0)
    assert (s.plates("kg"), s.plates("lb")) == (Settings().plates_kg, (45.0, 25.0))


# --- rests ----------------------------------------------------------------------------------


@pytest.mark.parametrize("value,seconds", [(0, 0), (90, 90), (1800, 1800), (120.0, 120)])
def test_rests_are_whole_seconds_up_to_30_minutes(value, seconds):
    assert check_value("rest_compound", value) == seconds
    assert check_value("rest_isolation", value) == seconds


@pytest.mark.parametrize(
    "value,reason",
    [
        (1801, "1801 s is out of range"),
        (-1, "-1 s is out of range"),
        (90.5, "90.5 is not a whole number of seconds"),
        (True, "True is not a number"),
        ("90", "'90' is not a number"),
    ],
)
def test_rest_errors(value, reason):
    message = refused("rest_isolation", value)
    assert reason in message and "(allowed: 0 to 1800 seconds" in message


@pytest.mark.parametrize(
    "text,seconds",
    [
        ("150", 150),
        ("150s", 150),
        ("2:30", 150),
        ("2m30s", 150),
        ("3m", 180),
        ("0", 0),
        ("30:00", 1800),
    ],
)
def test_rests_typed_as_seconds_or_minutes(text, seconds):
    assert parse_value("rest_compound", text) == seconds


@pytest.mark.parametrize(
    "text,reason",
    [
        ("2:75", "is not a number of seconds"),
        ("abc", "is not a number of seconds"),
        ("", "is not a number of seconds"),
        ("-5", "is not a number of seconds"),
        ("30:01", "1801 s is out of range"),
    ],
)
def test_rests_typed_wrong(text, reason):
    assert reason in refused_text("rest_compound", text)


def test_rest_setting_replaces_the_catalogue_rest_of_its_kind_only():
    squat = next(e for e in BUILTIN_EXERCISES if e.id == "barbell-back-squat")
    fly = next(e for e in BUILTIN_EXERCISES if e.id == "dumbbell-fly")
    assert (squat.rest_seconds, fly.rest_seconds) == (180, 90)
    unset = Settings()
    assert (unset.rest_seconds(squat), unset.rest_seconds(fly)) == (180, 90)
    s = settings_from({"rest_compound": 240, "rest_isolation": 60})
    assert (s.rest_seconds(squat), s.rest_seconds(fly)) == (240, 60)
    own = Exercise(id="x", name="Zercher Squat", primary=("quads",), rest_seconds=200, custom=True)
    assert s.rest_seconds(own) == 200  # the lifter set that one himself


# --- training status and auto-advance --------------------------------------------------------


@pytest.mark.parametrize("value", ["new", "some_years", "well_trained"])
def test_training_status_values(value):
    assert check_value("training_status", value) == value
    assert parse_value("training_status", value) == value


@pytest.mark.parametrize("value", ["novice", "", "NEW", None, 3])
def test_training_status_errors(value):
    assert refused("training_status", value).endswith("(allowed: new, some_years, well_trained)")


def test_training_status_unset_means_the_app_asks():
    assert SPECS["training_status"].show(None) == "(not set: the app asks)"


@pytest.mark.parametrize(
    "text,value",
    [
        ("true", True),
        ("Yes", True),
        ("on", True),
        ("1", True),
        ("false", False),
        ("NO", False),
        ("off", False),
        ("0", False),
    ],
)
def test_auto_advance_typed(text, value):
    assert parse_value("auto_advance", text) is value


@pytest.mark.parametrize("value", ["true", 1, 0, None])
def test_auto_advance_in_the_file_is_a_toml_boolean(value):
    assert "(allowed: true or false)" in refused("auto_advance", value)


def test_auto_advance_typed_wrong():
    assert refused_text("auto_advance", "maybe") == (
        "auto_advance: 'maybe' is not true or false (allowed: true or false)"
    )


# --- a whole file's values -------------------------------------------------------------------


def test_one_bad_value_never_costs_the_others():
    checked = check_all(
        {"unit": "lb", "bar_kg": -1, "theme": "nord", "colour": "red", "rest_compound": 9999}
    )
    assert dict(checked.values) == {"unit": "lb", "theme": "nord"}
    assert [e.key for e in checked.problems] == ["bar_kg", "rest_compound"]
    assert checked.unknown == ("colour",)
    s = settings_from(checked.values)
    assert (s.unit, s.theme, s.bar_kg) == ("lb", "nord", 20.0)


def test_to_toml_writes_whole_numbers_without_a_point():
    assert to_toml("bar_kg", 20.0) == 20 and isinstance(to_toml("bar_kg", 20.0), int)
    assert to_toml("bar_kg", 7.5) == 7.5
    assert to_toml("plates_kg", (25.0, 1.25)) == [25, 1.25]
    assert to_toml("auto_advance", True) is True
    assert to_toml("keymap", check_value("keymap", {"a": "b"})) == {"a": "b"}


def test_shown_values():
    assert SPECS["plates_kg"].show((25.0, 2.5, 1.25)) == "25 2.5 1.25"
    assert SPECS["bar_kg"].show(20.0) == "20"
    assert SPECS["auto_advance"].show(False) == "false"
    assert SPECS["rest_compound"].show(None) == "(each exercise's own: 120-180 s)"
    assert SPECS["rest_isolation"].show(None) == "(each exercise's own: 90 s)"
    assert SPECS["rest_compound"].show(150) == "150"


_key_text = st.lists(
    st.tuples(
        st.lists(st.sampled_from(MODIFIERS), unique=True, max_size=3),
        st.one_of(
            st.sampled_from(string.punctuation.replace(",", "") + string.ascii_letters),
            st.from_regex(r"[a-z][a-z0-9_]{1,10}", fullmatch=True),
        ),
    ),
    min_size=1,
    max_size=4,
).filter(lambda keys: all(base not in MODIFIERS for _mods, base in keys))


@given(_key_text)
def test_written_keys_read_back_the_same(keys):
    text = ", ".join("+".join(mods + [base]) for mods, base in keys)
    once = parse_keys(text)
    assert parse_keys(once) == once


@given(st.lists(st.floats(min_value=0.01, max_value=50), min_size=1, max_size=20, unique=True))
def test_plates_written_read_back_the_same(plates):
    value = check_value("plates_kg", plates)
    assert check_value("plates_kg", to_toml("plates_kg", value)) == value
    assert list(value) == sorted(plates, reverse=True)
