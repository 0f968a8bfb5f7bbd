"""Supersets: rounds, labels, pairing and reading them back from a session's sets."""

from __future__ import annotations

from datetime import datetime

from tui_tracker.domain.models import LoggedSet
from tui_tracker.domain.supersets import Superset, leave, next_label, pair, rounds_of, superset_of

AT = datetime(2026, 11, 18, 18, 0)


def test_after_a_set_the_partner_and_the_rest_after_the_round():
    ab = Superset("A", ("bench", "row"))
    assert ab.after("bench") == ("row", False)
    assert ab.after("row") == ("bench", True)
    giant = Superset("B", ("a", "b", "c"))
    assert [giant.after(x) for x in ("a", "b", "c")] == [("b", False), ("c", False), ("a", True)]
    assert giant.ends_round("c") and not giant.ends_round("a")


def test_labels():
    assert next_label([]) == "A"
    assert next_label(["A", "C"]) == "B"
    assert next_label(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) == "S27"
    assert next_label([*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "S27"]) == "S28"


def test_pair_leave_and_join():
    groups = pair([], "bench", "row")
    assert groups == [Superset("A", ("bench", "row"))]
    # a third joins before its partner: curl then row in the round
    groups = pair(groups, "curl", "row")
    assert groups == [Superset("A", ("bench", "curl", "row"))]
    groups = leave(groups, "curl")
    assert groups == [Superset("A", ("bench", "row"))]
    assert leave(groups, "row") == []  # one left alone: no superset
    # a second pair gets the next label
    groups = pair(groups, "squat", "lunge")
    assert groups[-1] == Superset("B", ("squat", "lunge"))
    assert superset_of(groups, "lunge").label == "B" and superset_of(groups, "x") is None
    # pairing an exercise already in one moves it
    assert pair(groups, "bench", "lunge") == [Superset("B", ("squat", "bench", "lunge"))]


def test_rounds_read_back_from_the_sets():
    sets = [
        LoggedSet("squat", 100, 5, 2, at=AT, kind="warmup"),
        LoggedSet("bench", 80, 8, 2, at=AT, superset="A"),
        LoggedSet("row", 60, 10, 2, at=AT, superset="A"),
        LoggedSet("bench", 80, 8, 2, at=AT, superset="A"),
        LoggedSet("curl", 12, 10, 2, at=AT, superset="B"),
    ]  # B alone: not a superset
    assert rounds_of(sets) == [Superset("A", ("bench", "row"))]


def test_a_new_pair_never_reuses_a_label_the_session_has_used():
    """A ended (its exercises on their own again) but its sets keep 'A': a new pair is B,
    or a restart would read the two pairs back as one superset."""
    assert pair([], "squat", "lunge", used=["A"]) == [Superset("B", ("squat", "lunge"))]
