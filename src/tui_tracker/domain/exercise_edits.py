"""The lifter's own exercises renamed, merged and deleted: the rules, as plain Python.

An exercise's id is stored with every set and never changes, so a rename changes
its name only; the old name stays as an alias, so a file from Strong or Hevy that
still says it finds the same exercise (and `exercise add` cannot make a second one
under the old name, whose id would be this one's).

The catalogue's own exercises keep their names and cannot be deleted or merged
away: their names are how imports from Strong and Hevy, the plan templates and
search find them, and the data file ships them again with every version.  Their
muscles, kind, rest and the other settings may be changed (a copy of yours then
replaces the catalogue's, under the same id).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .mesocycle import Mesocycle
from .models import Exercise
from .text import clean_text

if TYPE_CHECKING:
    from .catalogue import Catalogue

#: Why a catalogue exercise keeps its name and stays (said when a change is refused).
CATALOGUE_WHY = (
    "the catalogue's exercises keep their names (imports from Strong and Hevy "
    "and the plan templates find them by name) and cannot be deleted or merged "
    "away; change its muscles, kind or rest instead"
)


def is_own(exercise_id: str) -> bool:
    """One the lifter made (not the catalogue's, nor a copy of one of them)."""
    return exercise_id.startswith("custom-")


def renamed(catalogue: Catalogue, ex: Exercise, new_name: str) -> Exercise:
    """`ex` under `new_name`, its old name kept as an alias; ValueError says why not."""
    name = clean_text(new_name).strip()
    if not name:
        raise ValueError("an exercise needs a name")
    if not is_own(ex.id):
        raise ValueError(f"{ex.name} is in the catalogue: {CATALOGUE_WHY}")
    if name == ex.name:
        raise ValueError(f"{ex.name} already has that name")
    other = catalogue.find(name)
    if other is not None and other.id != ex.id:
        raise ValueError(
            f"{name!r} is already the name of {other.name!r} "
            f"(to bring their sets together: merge one into the other)"
        )
    from .catalogue import normalize_name

    aliases = [a for a in ex.aliases if normalize_name(a) != normalize_name(name)]
    if normalize_name(ex.name) != normalize_name(name) and ex.name not in aliases:
        aliases.append(ex.name)
    return replace(ex, name=name, aliases=tuple(aliases), custom=True)


def merge_problem(source: Exercise, target: Exercise) -> str | None:
    """Why `source` cannot be merged into `target`, or None when it can."""
    if source.id == target.id:
        return f"{source.name} cannot be merged into itself"
    if not is_own(source.id):
        return f"{source.name} is in the catalogue: {CATALOGUE_WHY}"
    return None


def delete_problem(ex: Exercise, sets: int) -> str | None:
    """Why `ex` cannot be deleted, given how many sets it has, or None when it can."""
    if not is_own(ex.id):
        return f"{ex.name} is in the catalogue: {CATALOGUE_WHY}"
    if sets:
        return (
            f"{ex.name} has {sets} logged set{'s' if sets != 1 else ''}: delete them "
            f"first, or merge it into another exercise (its sets then move there)"
        )
    return None


def plan_naming(meso: Mesocycle, source_id: str, target_id: str) -> Mesocycle | None:
    """`meso` with `target_id` wherever it planned `source_id`, or None if it never did.

    A day that planned both keeps the target's entry (its place and rep range) with the
    larger of the two numbers of sets."""
    if not any(p.exercise_id == source_id for d in meso.days for p in d.exercises):
        return None
    days = []
    for day in meso.days:
        source = next((p for p in day.exercises if p.exercise_id == source_id), None)
        target = next((p for p in day.exercises if p.exercise_id == target_id), None)
        if source is None:
            days.append(day)
            continue
        if target is None:
            exercises = tuple(
                replace(p, exercise_id=target_id) if p is source else p for p in day.exercises
            )
        else:
            exercises = tuple(
                replace(p, sets=max(p.sets, source.sets)) if p is target else p
                for p in day.exercises
                if p is not source
            )
        days.append(replace(day, exercises=exercises))
    return replace(meso, days=tuple(days))
