"""The lifter's bodyweight log: a `bodyweights` table in the main file, one weight a day.

A mixin for the Store (store.py), which keeps the lock and the files; it uses the
Store's lock and main file (plumbing.Plumbing) like every other table's module.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from . import codec
from .plumbing import PlumbingBase

if TYPE_CHECKING:
    from ..domain.bodyweight import Bodyweight

TABLE = "bodyweights"


class BodyweightLog(PlumbingBase):
    """`log_bodyweight`, `bodyweight_on`, `bodyweights` for the Store."""

    def log_bodyweight(self, day: date, kg: float) -> Bodyweight:
        """Record the bodyweight weighed on `day` (kg; a second one that day replaces the
        first).  On disk when this returns; ValueError outside 20-400 kg."""
        from ..domain.bodyweight import Bodyweight  # (the rules, when a weight is logged)

        entry = Bodyweight(day, kg)
        doc = codec.bodyweight_to_dict(entry)
        with self._locked(writes=True):
            table = self._table(TABLE)
            for doc_id, old in table.documents().items():
                if old.get("day") == doc["day"]:
                    table.update(doc, doc_ids=[int(doc_id)])
                    return entry
            table.insert(doc)
        return entry

    def bodyweights(self) -> list[Bodyweight]:
        """Every bodyweight logged, oldest first."""
        with self._locked():
            docs = list(self._table(TABLE).documents().values())
        try:
            entries = [codec.bodyweight_from_dict(d) for d in docs]
        except codec.CodecError as e:
            raise self._main.atomic_storage.unreadable(str(e)) from e
        return sorted(entries, key=lambda b: b.day)

    def bodyweight_on(self, day: date) -> float | None:
        """The latest bodyweight (kg) weighed on or before `day`; None before the first."""
        from ..domain.bodyweight import latest_on

        found = latest_on(self.bodyweights(), day)
        return found.kg if found is not None else None
