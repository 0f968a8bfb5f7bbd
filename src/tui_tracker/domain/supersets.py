"""Supersets: two or more exercises done in rounds, a set of each, then the rest.

A superset has a label (A, B, ...) that every working set done in it carries
(`LoggedSet.superset`), and its exercises in the order of a round.  After a set of
one, the next is its partner's; the rest comes after the round, that is after the
last exercise of it.  Warm-ups are done apart and carry no label.

The rounds of a session are read back from its sets (`rounds_of`), so a session
resumed after a dropped link goes on in rounds.
"""

from __future__ import annotations

from string import ascii_uppercase
from collections.abc import Iterable

from .models import LoggedSet
from .values import frozen


@frozen
class Superset:
    """Exercises done in rounds, in the order of a round, under one label."""

    label: str
    exercise_ids: tuple[str, ...]

    def after(self, exercise_id: str) -> tuple[str, bool]:
        """The exercise whose set comes after one of `exercise_id`, and whether that set
        ended the round (the rest comes then)."""
        i = self.exercise_ids.index(exercise_id)
        last = i == len(self.exercise_ids) - 1
        return self.exercise_ids[0 if last else i + 1], last

    def ends_round(self, exercise_id: str) -> bool:
        return self.exercise_ids[-1] == exercise_id


def next_label(used: Iterable[str]) -> str:
    """The first of A, B, ..., Z not in `used`, then S27, S28, ..."""
    taken = set(used)
    for label in ascii_uppercase:
        if label not in taken:
            return label
    n = 27
    while f"S{n}" in taken:
        n += 1
    return f"S{n}"


def rounds_of(sets: Iterable[LoggedSet]) -> list[Superset]:
    """The supersets of a session's sets: each label with its exercises in the order
    first done under it (a label on one exercise only is not a superset)."""
    found: dict[str, dict[str, None]] = {}
    for s in sets:
        if s.superset:
            found.setdefault(s.superset, {}).setdefault(s.exercise_id, None)
    return [Superset(label, tuple(ids)) for label, ids in found.items() if len(ids) > 1]


def pair(
    supersets: list[Superset], exercise_id: str, partner: str, used: Iterable[str] = ()
) -> list[Superset]:
    """`exercise_id` done in rounds with `partner`: into the partner's superset (before
    it), or a new one of the two, under a label neither a superset nor `used` (the
    labels the session's sets carry) has.  Either leaves any superset it was in."""
    rest = leave(supersets, exercise_id)
    for i, group in enumerate(rest):
        if partner in group.exercise_ids:
            at = group.exercise_ids.index(partner)
            ids = group.exercise_ids[:at] + (exercise_id,) + group.exercise_ids[at:]
            return rest[:i] + [Superset(group.label, ids)] + rest[i + 1 :]
    label = next_label([*(g.label for g in supersets), *used])
    return rest + [Superset(label, (exercise_id, partner))]


def leave(supersets: list[Superset], exercise_id: str) -> list[Superset]:
    """The supersets without `exercise_id` (one left with a single exercise ends)."""
    out = []
    for group in supersets:
        ids = tuple(e for e in group.exercise_ids if e != exercise_id)
        if len(ids) > 1:
            out.append(Superset(group.label, ids))
    return out


def superset_of(supersets: Iterable[Superset], exercise_id: str) -> Superset | None:
    return next((g for g in supersets if exercise_id in g.exercise_ids), None)
