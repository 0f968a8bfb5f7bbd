"""The lifter's own exercises: the main file's `exercises` table.

A mixin for the Store (store.py), which keeps the lock and the files.  The builtin
catalogue is code (domain/catalogue.py); only the exercises the lifter adds or
changes are stored, so this table is small and is written whole in one go.
Renaming, merging and deleting them (which touch the sessions too) are in
exercise_ops.py.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING
from collections.abc import Iterable

from ..domain.models import Exercise
from . import codec
from .plumbing import PlumbingBase, upsert_by_id

if TYPE_CHECKING:
    from ..domain.catalogue import Catalogue

TABLE = "exercises"


class ExerciseTable(PlumbingBase):
    """`custom_exercises`, `catalogue`, `save_exercise(s)` for the Store."""

    def custom_exercises(self) -> list[Exercise]:
        with self._locked():
            docs = list(self._table(TABLE).documents().values())
        try:
            return [codec.exercise_from_dict(d) for d in docs]
        except codec.CodecError as e:
            raise self._main.atomic_storage.unreadable(str(e)) from e

    def catalogue(self) -> Catalogue:
        """The builtin exercises merged with the lifter's own (theirs win on an id)."""
        from ..domain.catalogue import Catalogue

        return Catalogue(self.custom_exercises())

    def save_exercise(self, ex: Exercise) -> None:
        """Add or replace (by id) one of the lifter's own exercises."""
        self.save_exercises([ex])

    def save_exercises(self, exercises: Iterable[Exercise]) -> None:
        """Add or replace (by id) several of the lifter's own exercises in one write.

        An import that meets 100,000 new names writes the main file once, not once
        per name.  Replaced ones keep their place; new ones follow in the order given.
        A damaged doc (no id string) is left for custom_exercises() to refuse.
        """
        docs = {e.id: codec.exercise_to_dict(replace(e, custom=True)) for e in exercises}
        if not docs:
            return
        with self._locked(writes=True):
            upsert_by_id(self._table(TABLE), docs)
