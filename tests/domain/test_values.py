"""`@frozen` classes behave as `@dataclass(frozen=True)` ones (domain/values.py).

Each check builds the same class both ways and compares what they do."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, asdict, dataclass, field, fields, replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui_tracker.domain.values import frozen


def twins():
    """The same class as a dataclass and as a value (with defaults, a field left out of
    the repr, one left out of ==, one left out of the hash, and a post-init)."""

    def body():
        return {
            "__annotations__": {
                "a": "int",
                "b": "str",
                "hidden": "tuple",
                "loose": "float",
                "unhashed": "int",
            },
            "b": "x",
            "hidden": field(default=(), repr=False),
            "loose": field(default=0.0, compare=False),
            "unhashed": field(default=0, hash=False),
            "__post_init__": lambda self: object.__setattr__(self, "b", self.b.strip()),
        }

    made = dataclass(frozen=True)(type("Thing", (), body()))
    mine = frozen(type("Thing", (), body()))
    return made, mine


MADE, MINE = twins()
ARGS = st.tuples(
    st.integers(-3, 3),
    st.sampled_from(["x", " y ", "[b]"]),
    st.sampled_from([(), (1,), ("a", None)]),
    st.sampled_from([0.0, 1.5, float("nan")]),
    st.integers(0, 2),
)


@given(ARGS, ARGS)
def test_repr_eq_and_hash_are_a_frozen_dataclass_s(one, two):
    made_one, made_two, mine_one, mine_two = MADE(*one), MADE(*two), MINE(*one), MINE(*two)
    assert repr(mine_one) == repr(made_one)
    assert (mine_one == mine_two) == (made_one == made_two)
    assert (mine_one != mine_two) == (made_one != made_two)
    assert (hash(mine_one) == hash(MINE(*one))) and (hash(made_one) == hash(MADE(*one)))
    if made_one == made_two:
        assert hash(mine_one) == hash(mine_two)


def test_equal_only_to_the_very_same_class():
    class Sub(MINE):
        pass

    assert MINE(1) != Sub(1) and MINE(1) != (1, "x", (), 0.0, 0)
    assert (MINE(1) == 1) is False


def test_frozen_and_a_dataclass_in_all_else():
    thing = MINE(1, " y ")
    assert thing.b == "y"  # post-init ran
    with pytest.raises(FrozenInstanceError):
        thing.a = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del thing.a  # type: ignore[misc]
    assert replace(thing, a=2) == MINE(2, "y")
    assert [f.name for f in fields(thing)] == ["a", "b", "hidden", "loose", "unhashed"]
    assert asdict(thing) == asdict(MADE(1, " y "))


def test_a_value_that_contains_itself_reprs_as_a_dataclass_does():
    made, mine = MADE([None]), MINE([None])
    made.a[0], mine.a[0] = made, mine
    assert repr(mine) == repr(made) == "Thing(a=[...], b='x', loose=0.0, unhashed=0)"


def test_a_class_with_its_own_equality_is_refused():
    with pytest.raises(TypeError, match="use @dataclass"):

        @frozen
        class Odd:
            a: int

            def __eq__(self, other):
                return True
