"""The TOML writer: whatever tomllib reads, written and read back, is the same."""

from __future__ import annotations

import math
import tomllib
from datetime import date, datetime, time, timedelta, timezone, UTC

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui_tracker.store.toml_writer import dumps

keys = st.text(min_size=0, max_size=8)
scalars = st.one_of(
    st.text(max_size=20),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.booleans(),
    st.dates(),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.datetimes(timezones=st.sampled_from([UTC, timezone(timedelta(hours=-5))])),
    st.times(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=12,
)
documents = st.dictionaries(keys, values, max_size=6)


@given(documents)
def test_anything_tomllib_reads_round_trips(doc):
    assert tomllib.loads(dumps(doc)) == doc


def test_strings_with_quotes_backslashes_and_control_characters():
    doc = {'a "key"': 'say "hi"\\ \x00\x1b[2J\x7f\t\n\r', "é": "ü", "": "empty key"}
    text = dumps(doc)
    assert "\x1b" not in text and "\x00" not in text and "\x7f" not in text
    assert tomllib.loads(text) == doc


def test_special_floats():
    doc = tomllib.loads(dumps({"a": math.inf, "b": -math.inf, "c": math.nan, "d": 1e300}))
    assert doc["a"] == math.inf and doc["b"] == -math.inf and math.isnan(doc["c"])
    assert doc["d"] == 1e300


def test_tables_become_sections_after_the_plain_keys():
    text = dumps(
        {"keymap": {"today.add": "a"}, "unit": "lb", "x": {"y": {"z": 1}, "w": 2}},
        header="first line\nsecond line",
    )
    assert text == (
        '# first line\n# second line\n\nunit = "lb"\n\n[keymap]\n"today.add" = "a"\n'
        "\n[x]\nw = 2\n\n[x.y]\nz = 1\n"
    )


def test_tables_in_arrays_are_written_inline():
    doc = {"presets": [{"name": "5/3/1", "weeks": 4}, {"name": "gzcl"}]}
    assert 'presets = [{name = "5/3/1", weeks = 4}, {name = "gzcl"}]' in dumps(doc)
    assert tomllib.loads(dumps(doc)) == doc


def test_dates_and_times():
    doc = {
        "d": date(2026, 11, 18),
        "t": time(7, 30, 0, 5),
        "dt": datetime(2026, 11, 18, 7, 30),
        "tz": datetime(2026, 11, 18, 7, 30, tzinfo=UTC),
    }
    assert tomllib.loads(dumps(doc)) == doc


def test_what_toml_cannot_hold_is_refused():
    with pytest.raises(TypeError):
        dumps({"a": None})
    with pytest.raises(TypeError):
        dumps({"a": {1: "x"}})
