"""Renaming, merging and deleting the lifter's own exercises, on disk.

A merge moves every set of one exercise to another in every month's file, points
the plans that name it at the other, and only then removes it: all under the
store's lock (no other process sees it half done), each file written atomically.
A merge cut short by a crash leaves the exercise in place with what was not moved
yet; running it again finishes it.  Volume, records and strength are computed from
the sets, so they follow by themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.exercise_edits import delete_problem, merge_problem, plan_naming, renamed
from ..domain.models import Exercise

if TYPE_CHECKING:
    from .store import Store


@dataclass(frozen=True)
class MergeDone:
    """What a merge changed."""

    sets: int  # sets moved
    sessions: int  # sessions they were in
    plans: int  # mesocycles that now name the target


def _need(store: Store, exercise_id: str) -> Exercise:
    ex = store.catalogue().get(exercise_id)
    if ex is None:
        raise ValueError(f"there is no exercise {exercise_id!r}")
    return ex


def set_count(store: Store, exercise_id: str) -> int:
    """How many sets (warm-ups included) of `exercise_id` the whole history holds."""
    n = 0
    with store._locked():
        for month in store._existing_months():
            for doc in store._sessions(month).documents().values():
                n += sum(1 for s in doc.get("sets", ()) if s.get("exercise_id") == exercise_id)
    return n


def rename_exercise(store: Store, exercise_id: str, new_name: str) -> Exercise:
    """Give one of the lifter's own exercises a new name (the old one stays an alias)."""
    with store._locked(writes=True):
        ex = renamed(store.catalogue(), _need(store, exercise_id), new_name)
        store.save_exercise(ex)
    return ex


def merge_exercise(store: Store, source_id: str, target_id: str) -> MergeDone:
    """Every set of `source_id` becomes `target_id`'s; plans follow; the source goes."""
    with store._locked(writes=True):
        source, target = _need(store, source_id), _need(store, target_id)
        problem = merge_problem(source, target)
        if problem:
            raise ValueError(problem)
        moved = sessions = 0
        for month in store._existing_months():
            table = store._sessions(month)
            changed: dict[int, dict[str, Any]] = {}
            for doc_id, doc in table.documents().items():
                sets = doc.get("sets", [])
                if any(s.get("exercise_id") == source_id for s in sets):
                    store._decode(month, doc)  # a damaged session is refused, not rewritten
                    new_sets = [
                        {**s, "exercise_id": target_id} if s.get("exercise_id") == source_id else s
                        for s in sets
                    ]
                    moved += sum(1 for s in sets if s.get("exercise_id") == source_id)
                    changed[int(doc_id)] = {**doc, "sets": new_sets}
            if changed:

                def apply(tbl: dict[int, Any], changed: dict[int, Any] = changed) -> None:
                    for doc_id, doc in changed.items():
                        tbl[doc_id] = doc

                table._update_table(apply)  # one atomic write for the month
                sessions += len(changed)
        plans = [
            m
            for m in (plan_naming(meso, source_id, target_id) for meso in store.mesocycles())
            if m is not None
        ]
        store.save_mesocycles(plans)
        _remove_exercise(store, source_id)
    return MergeDone(moved, sessions, len(plans))


def delete_exercise(store: Store, exercise_id: str) -> Exercise:
    """Delete one of the lifter's own exercises that has no sets and no plan names."""
    with store._locked(writes=True):
        ex = _need(store, exercise_id)
        problem = delete_problem(ex, set_count(store, exercise_id))
        if problem:
            raise ValueError(problem)
        planned = [m.name for m in store.mesocycles() if exercise_id in m.exercise_ids()]
        if planned:
            raise ValueError(
                f"{ex.name} is planned in {', '.join(planned)}: merge it into "
                f"another exercise instead (the plan then names that one)"
            )
        _remove_exercise(store, exercise_id)
    return ex


def _remove_exercise(store: Store, exercise_id: str) -> None:
    table = store._table("exercises")
    doc_ids = [int(k) for k, d in table.documents().items() if d.get("id") == exercise_id]
    if doc_ids:
        table.remove(doc_ids=doc_ids)
