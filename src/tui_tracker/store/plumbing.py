"""What the Store's table modules use of it: its lock, its files and its session lookups.

The Store (store.py) owns the lock, the main file and the month files, and their
lifetime; each table's methods live in a module of their own (sessions.py,
exercises.py, mesocycles.py, settings_tables.py, moves.py, bodyweights.py) and are
mixed into it.  `Plumbing` is the whole of what those modules may rely on, so a
change to the Store's insides shows here first.  `upsert_by_id` is the one-write
"add or replace by our own id" that exercises and mesocycles share.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..domain.models import Session
from .tables import SyncedTable, TrackerDB

#: A stored session found: its month, its month's table, its doc id, its document.
Found = tuple[int, SyncedTable, int, dict[str, Any]]


class Plumbing(Protocol):
    """The Store's plumbing, as its table mixins see it."""

    path: Path
    _main: TrackerDB
    _months: dict[int, TrackerDB]
    _hint: dict[str, int]  # session id -> month of its file

    def _locked(self, writes: bool = False) -> AbstractContextManager[None]: ...

    def _table(self, name: str) -> SyncedTable: ...

    def _month_db(self, month: int) -> TrackerDB: ...

    def _sessions(self, month: int) -> SyncedTable: ...

    def _existing_months(self) -> list[int]: ...

    def _decode(
        self, month: int, doc: dict[str, Any], *, extends: list[Any] | None = None
    ) -> Session: ...


class SessionPlumbing(Plumbing, Protocol):
    """The plumbing, with the session lookups of sessions.py (for moves.py)."""

    def _find(self, session_id: str) -> Found | None: ...

    def _need(self, session_id: str) -> Found: ...

    def _commit(self, found: Found, new_doc: dict[str, Any]) -> Session: ...

    def _insert(self, session: Session) -> Session: ...

    def _newest_on(self, day: date, *, open_only: bool) -> Found | None: ...

    def _finish_moves(self) -> None: ...


def upsert_by_id(table: SyncedTable, docs: dict[str, dict[str, Any]]) -> None:
    """Add or replace (by their "id") several documents of `table` in one atomic write.

    Replaced ones keep their doc id and place; new ones follow in the order given.  A
    damaged document (no id string) is left alone, for the reader to refuse."""
    if not docs:
        return
    existing = {
        old["id"]: int(doc_id)
        for doc_id, old in table.documents().items()
        if isinstance(old.get("id"), str)
    }
    updates = [(docs[i], existing[i]) for i in docs if i in existing]
    new = [d for i, d in docs.items() if i not in existing]

    def apply(tbl: dict[int, Any]) -> None:
        for doc, doc_id in updates:
            tbl[doc_id] = doc
        next_id = max((int(k) for k in tbl), default=0) + 1
        for offset, doc in enumerate(new):
            tbl[next_id + offset] = doc

    table._update_table(apply)  # one atomic write for all of them
    table._next_id = None


if TYPE_CHECKING:  # a table mixin is typed as having the plumbing; at run time, the Store has it
    PlumbingBase = SessionPlumbing
else:
    PlumbingBase = object
