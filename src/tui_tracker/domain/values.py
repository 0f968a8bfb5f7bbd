"""`@frozen`: a frozen dataclass that is cheaper to define.

Python 3.11's dataclasses compile every method they make from source text, one `exec`
each, while the module is imported: for a frozen dataclass `__init__`, `__setattr__`,
`__delattr__`, `__repr__`, `__eq__` and `__hash__`.  The app defines about thirty
before its first frame, and those compiles were the largest share of its start-up
beyond a bare Textual app's (issue 12; callgrind, benchmarks/README.md).

`frozen` lets dataclasses compile only the three that differ in kind per class
(`__init__` and the two that keep it frozen) and gives every class the same
`__repr__`, `__eq__` and `__hash__`, which read the fields' names from the class.
What they return is what a `@dataclass(frozen=True)` returns: the same repr text
(fields with `repr=False` left out, `...` for a value that contains itself), equal
only to an instance of the very same class with equal compared fields, and the hash
of those fields (`hash=` and `compare=` honoured) - tests/domain/test_values.py holds
each against a dataclass twin.  `fields`, `replace`, `asdict` and `__post_init__`
work as on any dataclass.  (As Python 3.11 and 3.12 compare: a tuple of the fields, so a
NaN field equals itself; 3.13's dataclasses compare field by field.)
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from reprlib import recursive_repr
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


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


@dataclass_transform(frozen_default=True)
def frozen(cls: type[T]) -> type[T]:
    """`@dataclass(frozen=True)`, with the shared `__repr__`, `__eq__` and `__hash__`."""
    own = {name for name in ("__repr__", "__eq__", "__hash__") if name in cls.__dict__}
    if own:
        raise TypeError(f"{cls.__qualname__} defines {', '.join(sorted(own))}: use @dataclass")
    made: Any = dataclass(frozen=True, repr=False, eq=False)(cls)
    found = fields(made)
    made.__value_repr__ = tuple(f.name for f in found if f.repr)
    made.__value_compare__ = tuple(f.name for f in found if f.compare)
    made.__value_hash__ = tuple(f.name for f in found if (f.compare if f.hash is None else f.hash))
    made.__repr__ = _repr
    made.__eq__ = _eq
    made.__hash__ = _hash
    return made  # type: ignore[no-any-return]
