"""TinyDB's tables and database over the atomic storage (storage.py), kept current with the file.

TinyDB caches query results and the next doc id per Table object, and resets them only
on writes through that object: with another process writing the same file, or a reload,
they would go stale.  `SyncedTable` lets the storage re-check the file first on every
access; `TrackerDB` makes its tables SyncedTables; `open_db` opens one file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from collections.abc import Callable, Mapping

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.queries import QueryLike
from tinydb.table import Document, Table

from .storage import AtomicJSONStorage


class SyncedTable(Table):
    """A Table that notices when another process changed the file.

    TinyDB caches query results and the next doc id per Table object and only
    resets them on writes through that object.  Here every access first lets
    the storage re-check the file, and a reload resets both.
    """

    def __init__(self, storage: Storage, name: str, **kwargs: Any) -> None:
        super().__init__(storage, name, **kwargs)
        self._seen_generation = -1

    def _check_generation(self) -> None:
        gen = self._storage.generation  # type: ignore[attr-defined]
        if gen != self._seen_generation:
            self.clear_cache()
            self._next_id = None
            self._seen_generation = gen

    def _sync(self) -> None:
        self._storage.read()
        self._check_generation()

    def search(self, cond: QueryLike) -> list[Document]:
        self._sync()
        return super().search(cond)

    def _get_next_id(self) -> int:
        self._sync()
        next_id: int = super()._get_next_id()  # type: ignore[no-untyped-call]
        return next_id

    def _read_table(self) -> dict[str, Mapping[str, Any]]:
        tables = self._storage.read()
        self._check_generation()
        table: dict[str, Mapping[str, Any]] = tables.get(self.name, {}) if tables else {}
        return table

    def _update_table(self, updater: Callable[[dict[int, Mapping[Any, Any]]], None]) -> None:
        self._sync()
        super()._update_table(updater)

    def documents(self) -> dict[str, dict[str, Any]]:
        """The raw documents by doc id, current with the file.  Do not mutate them."""
        return self._read_table()  # type: ignore[return-value]  # (documents are dicts)


class TrackerDB(TinyDB):
    table_class = SyncedTable  # type: ignore[assignment]  # (a Table subclass: TinyDB's stub is narrow)

    @property
    def atomic_storage(self) -> AtomicJSONStorage:
        return self.storage  # type: ignore[return-value]

    def synced(self, name: str) -> SyncedTable:
        """The table `name`, typed as what `table_class` makes it."""
        table: SyncedTable = self.table(name)  # type: ignore[assignment]
        return table


def open_db(
    path: Path,
    kind: str = "main",
    month: int | None = None,
    before_write: Callable[[AtomicJSONStorage], None] | None = None,
) -> TrackerDB:
    """A TinyDB over `path` with the atomic storage (nothing is read or created yet)."""
    return TrackerDB(
        path, kind=kind, month=month, before_write=before_write, storage=AtomicJSONStorage
    )
