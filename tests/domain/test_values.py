"""`@frozen` classes behave as `@dataclass(frozen=True)` ones (domain/values.py).

Each check builds the same class both ways and compares what they do."""

from __future__ import annotations

import dataclasses
import inspect
import sys
from dataclasses import FrozenInstanceError, asdict, dataclass, field, fields, replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui_tracker.domain.values import HOT, frozen


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


def test_the_same_signature_arguments_and_errors():
    assert str(inspect.signature(MINE)) == str(inspect.signature(MADE))
    for args, kwargs in [((), {}), ((1, "x", (), 0.0, 0, 9), {}), ((1,), {"a": 2}), ((), {"z": 1})]:
        with pytest.raises(TypeError) as made_error:
            MADE(*args, **kwargs)
        with pytest.raises(TypeError) as mine_error:
            MINE(*args, **kwargs)
        assert str(mine_error.value) == str(made_error.value)
    assert MINE(b=" q ", a=3) == MINE(3, "q")
    assert str(inspect.signature(MINE)) == str(inspect.signature(MADE))  # once compiled too


def test_default_factories_make_a_new_value_each_time():
    @frozen
    class Bag:
        """A bag."""

        items: list = field(default_factory=list)
        label: str = "bag"

    one, two = Bag(), Bag()
    assert one.items == [] and one.items is not two.items
    assert Bag([1]).items == [1] and Bag(label="x").label == "x"

    @dataclass(frozen=True)
    class Twin:
        items: list = field(default_factory=list)
        label: str = "bag"

    assert str(inspect.signature(Bag)) == str(inspect.signature(Twin))
    assert "items: 'list' = <factory>" in str(inspect.signature(Bag))
    assert (
        Bag.__doc__ == "A bag."
        and Twin.__doc__.replace("Twin", "Bag")
        == frozen(
            type(
                "Bag",
                (),
                {
                    "__annotations__": {"items": "list", "label": "str"},
                    "items": field(default_factory=list),
                    "label": "bag",
                },
            )
        ).__doc__
    )


def test_frozen_errors_say_what_a_dataclass_says():
    made, mine = MADE(1), MINE(1)
    for obj_set in (lambda o: setattr(o, "a", 2), lambda o: setattr(o, "new", 2)):
        with pytest.raises(FrozenInstanceError) as made_error:
            obj_set(made)
        with pytest.raises(FrozenInstanceError) as mine_error:
            obj_set(mine)
        assert str(mine_error.value) == str(made_error.value)
    assert dataclasses.is_dataclass(mine) and MINE.__dataclass_params__.frozen


def test_what_it_cannot_do_is_refused_when_defined():
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):

        @frozen
        class Order:
            a: int = 1
            b: int  # type: ignore[misc]

    with pytest.raises(TypeError, match="use @dataclass"):

        @frozen
        class Hidden:
            a: int = field(default=1, init=False)

    with pytest.raises(ValueError, match="mutable default"):

        @frozen
        class Shared:
            a: list = []  # noqa: RUF012


def compiles(during) -> list[str]:
    """The source texts compiled while `during()` runs (the audit event of compile)."""
    seen: list[str] = []
    on = [True]

    def hook(event, args):
        if on[0] and event == "compile" and isinstance(args[0], (str, bytes)):
            seen.append(args[0] if isinstance(args[0], str) else args[0].decode())

    sys.addaudithook(hook)  # (a hook cannot be removed: it switches itself off)
    try:
        during()
    finally:
        on[0] = False
    return seen


def test_defining_a_value_compiles_nothing_nor_do_its_first_calls():
    """What start-up saves (issue 12): a class built a few times before the first frame
    compiles nothing; one built by the thousand compiles its `__init__` once, at the
    HOT-th call."""
    made: list = []

    def define():
        @frozen
        class Plate:
            kg: float
            count: int = 2

        made.append(Plate)

    assert compiles(define) == []
    plate = made[0]
    few = [plate(20.0), plate(25.0, 4), plate(kg=5.0), plate(count=1, kg=2.5)]
    assert compiles(lambda: few.extend(plate(float(n)) for n in range(HOT - 6))) == []
    hot = compiles(lambda: few.extend(plate(float(n)) for n in range(3)))
    assert len(hot) == 1 and hot[0].startswith("def __init__(self, kg, count=")
    assert compiles(lambda: plate(25.0, 4)) == []
    assert few[:4] == [plate(20.0, 2), plate(25.0, 4), plate(5.0, 2), plate(2.5, 1)]


def test_refused_arguments_are_refused_in_python_s_words_before_it_compiles():
    """A call Python would refuse is handed to the compiled `__init__`, whatever the count."""
    made, mine = twins()
    with pytest.raises(TypeError) as made_error:
        made(1, a=2)
    with pytest.raises(TypeError) as mine_error:
        mine(1, a=2)
    assert str(mine_error.value) == str(made_error.value)
    assert compiles(lambda: mine(1)) == []  # compiled by the refusal: no compile again


NAMES = ("a", "b", "hidden", "loose", "unhashed")


@given(
    st.integers(0, 6),
    st.lists(st.sampled_from([*NAMES, "z", "self"]), unique=True, max_size=4),
    st.integers(0, HOT + 2),
)
def test_a_call_binds_as_a_frozen_dataclass_s_before_and_after_it_compiles(
    positional, keywords, calls_before
):
    made, mine = twins()
    for _ in range(calls_before):  # warm: the call below may be compiled or not
        mine(0)
    values = [1, " y ", (1,), 1.5, 2, 9]
    args = tuple(values[:positional])
    kwargs = {name: values[NAMES.index(name)] if name in NAMES else 0 for name in keywords}
    try:
        expected = made(*args, **kwargs)
    except TypeError as error:
        with pytest.raises(TypeError) as mine_error:
            mine(*args, **kwargs)
        assert str(mine_error.value) == str(error)
    else:
        got = mine(*args, **kwargs)
        assert repr(got) == repr(expected)
        assert dataclasses.astuple(got) == dataclasses.astuple(expected)


def test_the_signature_s_factory_default_passed_on_makes_a_new_value():
    """`inspect.signature(C).bind(...).apply_defaults()` passes the `<factory>` marker
    on: the value is made by the factory, before the `__init__` is compiled as after."""

    @frozen
    class Bag:
        items: list = field(default_factory=list)

    for _ in range(HOT + 1):
        bound = inspect.signature(Bag).bind()
        bound.apply_defaults()
        assert Bag(*bound.args, **bound.kwargs).items == []
