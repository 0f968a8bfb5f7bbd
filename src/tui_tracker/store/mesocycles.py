"""Training blocks: the main file's `mesocycles` table.

A mixin for the Store (store.py), which keeps the lock and the files.  A block is
one document (its plan inside it), a handful per year, so the table is read whole
and a new block and the one it closes are written in one go.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..domain.mesocycle import Mesocycle
from . import codec, mesocycle_codec
from .plumbing import PlumbingBase, upsert_by_id

TABLE = "mesocycles"


class MesocycleTable(PlumbingBase):
    """`mesocycles`, `mesocycle`, `save_mesocycle(s)` for the Store."""

    def mesocycles(self) -> list[Mesocycle]:
        """Every mesocycle, oldest start first."""
        with self._locked():
            docs = list(self._table(TABLE).documents().values())
        try:
            mesos = [mesocycle_codec.mesocycle_from_dict(d) for d in docs]
        except codec.CodecError as e:
            raise self._main.atomic_storage.unreadable(str(e)) from e
        return sorted(mesos, key=lambda m: (m.start, m.id))

    def mesocycle(self, meso_id: str) -> Mesocycle | None:
        return next((m for m in self.mesocycles() if m.id == meso_id), None)

    def save_mesocycle(self, meso: Mesocycle) -> None:
        """Add or replace (by id) a mesocycle; on disk when this returns."""
        self.save_mesocycles([meso])

    def save_mesocycles(self, mesos: Iterable[Mesocycle]) -> None:
        """Add or replace several mesocycles in one write (a new block and the one it closes).

        A damaged doc (no id string) is left for mesocycles() to refuse."""
        docs = {m.id: mesocycle_codec.mesocycle_to_dict(m) for m in mesos}
        if not docs:
            return
        with self._locked(writes=True):
            upsert_by_id(self._table(TABLE), docs)
