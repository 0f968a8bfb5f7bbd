"""`@frozen`: a frozen dataclass that costs nothing to define.

Python 3.11's dataclasses compile every method they make from source text, one `exec`
each, while the module is imported: for a frozen dataclass `__init__`, `__setattr__`,
`__delattr__`, `__repr__`, `__eq__` and `__hash__`.  The app defines about thirty
before its first frame, and compiling those methods was the largest share of its
start-up beyond a bare Textual app's (issue 12: 45,000 characters of source, about
70 M instructions under callgrind; benchmarks/count_start.py).

`frozen` has dataclasses collect the fields and compile nothing.  Every class gets the
same `__repr__`, `__eq__` and `__hash__`, which read the fields' names from the class,
and a `__setattr__`/`__delattr__` pair that refuses changes, made without compiling.
`__init__` binds its arguments in plain Python for the first `HOT` calls and is
compiled, as dataclasses write it, at the `HOT`th: most of these classes are built a
few times before the first frame or not at all, and compile nothing; the ones built by
the thousand (a set, a session) compile it once, early.  Arguments Python would refuse
(one missing, one unknown, one given twice) are handed to the compiled `__init__`, so
the error is Python's own.  What they do is what a `@dataclass(frozen=True)` does: the same repr text
(fields with `repr=False` left out, `...` for a value that contains itself), equal
only to an instance of the very same class with equal compared fields, the hash of
those fields (`hash=` and `compare=` honoured), the same signature, `__init__`
arguments, defaults, default factories, `__post_init__` and FrozenInstanceError -
tests/domain/test_values.py holds each against a dataclass twin.  `fields`,
`replace`, `asdict` and `is_dataclass` work as on any dataclass.  (As Python 3.11
and 3.12 compare: a tuple of the fields, so a NaN field equals itself; 3.13's
dataclasses compare field by field.)  What it does not do, it refuses when the class
is defined: `init=False` and keyword-only fields, InitVar, its own `__init__`,
`__repr__`, `__eq__` or `__hash__` (use `@dataclass` for those).
"""

from __future__ import annotations

import inspect
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, fields
from reprlib import recursive_repr
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")

#: The default of an argument whose field has a default factory ("call the factory").
_FACTORY: Any = type("_Factory", (), {"__repr__": lambda self: "<factory>"})()


@recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).__value_repr__)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        names = type(self).__value_compare__
        return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(tuple(getattr(self, n) for n in type(self).__value_hash__))


def _refuse_changes(cls: Any, names: frozenset[str]) -> None:
    """Instances of `cls` refuse to have a field set or deleted (as frozen dataclasses)."""

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    for method in (__setattr__, __delattr__):
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        setattr(cls, method.__name__, method)


def _compile_init(cls: Any) -> Any:
    """The class's `__init__`, compiled as dataclasses would write it (on first use)."""
    env: dict[str, Any] = {"__set": object.__setattr__, "__FACTORY": _FACTORY}
    params, lines = ["self"], []
    for f in fields(cls):
        value = f.name
        if f.default_factory is not MISSING:
            env[f"__make_{f.name}"] = f.default_factory
            params.append(f"{f.name}=__FACTORY")
            value = f"__make_{f.name}() if {f.name} is __FACTORY else {f.name}"
        elif f.default is not MISSING:
            env[f"__default_{f.name}"] = f.default
            params.append(f"{f.name}=__default_{f.name}")
        else:
            params.append(f.name)
        lines.append(f"    __set(self, {f.name!r}, {value})\n")
    if hasattr(cls, "__post_init__"):
        lines.append("    self.__post_init__()\n")
    source = f"def __init__({', '.join(params)}):\n" + ("".join(lines) or "    pass\n")
    exec(source, env)
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__signature__ = cls.__init__.__signature__
    return init


#: Calls of a class's `__init__` before it is compiled (see the module's docstring).
HOT = 32

#: A field given no argument, in `_bound`.
_UNSET: Any = object()


def _bound(
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    names: tuple[str, ...],
    index: dict[str, int],
    fills: tuple[tuple[Any, bool], ...],
) -> list[Any] | None:
    """Each field's value from a call's arguments, or None when Python would refuse them.

    `fills` holds per field its default and whether that is a factory to call; a
    required field's default is `_UNSET`."""
    if len(args) > len(names):
        return None
    values = list(args)
    values.extend([_UNSET] * (len(names) - len(values)))
    for name, value in kwargs.items():
        at = index.get(name)
        if at is None or at < len(args):  # unknown, or given twice
            return None
        values[at] = value
    for at, value in enumerate(values):
        default, factory = fills[at]
        if value is _UNSET:
            if default is _UNSET:
                return None
            values[at] = default() if factory else default
        elif factory and value is _FACTORY:  # the signature's default, passed on
            values[at] = default()
    return values


def _init_until_hot(cls: Any, found: tuple[Field[Any], ...]) -> None:
    """Give `cls` an `__init__` that binds in Python until the class is hot, then
    compiles the real one (see the module's docstring)."""
    names = tuple(f.name for f in found)
    index = {name: at for at, name in enumerate(names)}
    fills = tuple(
        (f.default_factory, True)
        if f.default_factory is not MISSING
        else (_UNSET if f.default is MISSING else f.default, False)
        for f in found
    )
    post_init = hasattr(cls, "__post_init__")
    set_field = object.__setattr__
    calls = 0

    # (`self` positional-only: a call passing `self=` gets the error Python gives a
    # dataclass, about the arguments, rather than one about this wrapper's own `self`)
    def __init__(self: Any, /, *args: Any, **kwargs: Any) -> None:
        nonlocal calls
        calls += 1
        values = _bound(args, kwargs, names, index, fills) if calls < HOT else None
        if values is None:  # hot, or arguments Python refuses: it says why
            init = _compile_init(cls)
            cls.__init__ = init
            init(self, *args, **kwargs)
            return
        for name, value in zip(names, values):
            set_field(self, name, value)
        if post_init:
            self.__post_init__()

    def default(f: Field[Any]) -> Any:
        if f.default_factory is not MISSING:
            return _FACTORY
        return inspect.Parameter.empty if f.default is MISSING else f.default

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    __init__.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
        + [
            inspect.Parameter(
                f.name,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                default=default(f),
                annotation=f.type,
            )
            for f in found
        ],
        return_annotation=None,
    )
    cls.__init__ = __init__


@dataclass_transform(frozen_default=True)
def frozen(cls: type[T]) -> type[T]:
    """`@dataclass(frozen=True)`, defined without compiling (see the module's docstring)."""
    own = [n for n in ("__init__", "__repr__", "__eq__", "__hash__") if n in cls.__dict__]
    if own:
        raise TypeError(f"{cls.__qualname__} defines {', '.join(own)}: use @dataclass")
    documented = bool(cls.__dict__.get("__doc__"))
    if not documented:  # (dataclass would read a signature for it: a compile)
        cls.__doc__ = "?"
    made: Any = dataclass(init=False, repr=False, eq=False)(cls)
    found = fields(made)
    every = made.__dataclass_fields__.values()
    if len(found) != len(every) or any(not f.init or f.kw_only is True for f in found):
        raise TypeError(
            f"{cls.__qualname__} has InitVar, init=False or kw_only fields: use @dataclass"
        )
    names = [f.name for f in found]
    if "self" in names:
        raise TypeError(f"{cls.__qualname__} has a field named self: use @dataclass")
    defaulted = [
        f.name for f in found if f.default is not MISSING or f.default_factory is not MISSING
    ]
    if defaulted:
        after = names[names.index(defaulted[0]) :]
        missing = [n for n in after if n not in defaulted]
        if missing:
            raise TypeError(f"non-default argument {missing[0]!r} follows default argument")
    params = made.__dataclass_params__  # what the class does, as dataclass(frozen=True)
    params.init = params.repr = params.eq = params.frozen = True
    made.__value_repr__ = tuple(f.name for f in found if f.repr)
    made.__value_compare__ = tuple(f.name for f in found if f.compare)
    made.__value_hash__ = tuple(f.name for f in found if (f.compare if f.hash is None else f.hash))
    made.__repr__ = _repr
    made.__eq__ = _eq
    made.__hash__ = _hash
    _refuse_changes(made, frozenset(names))
    _init_until_hot(made, found)
    if not documented:
        made.__doc__ = made.__name__ + str(inspect.signature(made)).replace(" -> None", "")
    return made  # type: ignore[no-any-return]
