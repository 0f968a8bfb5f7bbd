"""Imports as batches: each `tui-tracker import` is recorded, and can be taken back out.

A batch is a document of the main file's `imports` table:

    {"id": "3", "file": "strong.csv", "source": "strong", "hash": "<sha256 of the file>",
     "imported_at": "2026-12-02T09:00:00+01:00", "sessions": 12, "sets": 340,
     "state": "done"}

and each session it added carries `"batch": "3"` in its month's file (sessions the
lifter logged by hand have none).  Files written before batches existed have
neither the table nor the field: they read as having no imports.

Durable in steps, each file written atomically, all under the store's lock:
- an import records its batch first (`importing`), then writes its sessions a
  month at a time, then the counts (`done`).  Cut short, the same import run again
  carries on under the same batch (found by the file's hash).
- a removal marks the batch `removing`, removes its sessions a month at a time,
  then marks it `removed` (kept, so its id is never given to another import).
  Cut short, `imports remove ID` again finishes it.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.text import clean_text
from .errors import StoreError

if TYPE_CHECKING:
    from .plumbing import Plumbing  # all a batch needs of the Store

TABLE = "imports"
STATES = ("importing", "done", "removing", "removed")


@dataclass(frozen=True)
class Batch:
    id: str
    file: str
    source: str
    hash: str
    imported_at: datetime
    sessions: int
    sets: int
    state: str

    @property
    def active(self) -> bool:
        return self.state != "removed"


def file_hash(path: Path | str) -> str:
    """The sha256 of a file's bytes, read a megabyte at a time; "" for what is not a regular
    file (a pipe can be read only once, by the import itself: its batch is known by name)."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        return ""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _from_doc(doc: dict[str, Any]) -> Batch | None:
    """A batch document, or None when it is not one (a hand edit): it is then left alone."""
    try:
        batch = Batch(
            id=doc["id"],
            file=doc["file"],
            source=doc["source"],
            hash=doc["hash"],
            imported_at=datetime.fromisoformat(doc["imported_at"]),
            sessions=doc["sessions"],
            sets=doc["sets"],
            state=doc["state"],
        )
    except (KeyError, TypeError, ValueError):
        return None
    if (
        not all(isinstance(v, str) for v in (batch.id, batch.file, batch.source, batch.hash))
        or batch.state not in STATES
    ):
        return None
    return batch


def _to_doc(b: Batch) -> dict[str, Any]:
    return {
        "id": b.id,
        "file": b.file,
        "source": b.source,
        "hash": b.hash,
        "imported_at": b.imported_at.isoformat(),
        "sessions": b.sessions,
        "sets": b.sets,
        "state": b.state,
    }


def all_batches(store: Plumbing) -> list[Batch]:
    """Every batch ever recorded (removed ones too), oldest first."""
    with store._locked():
        docs = list(store._table(TABLE).documents().values())
    found = [b for b in map(_from_doc, docs) if b is not None]
    return sorted(found, key=lambda b: (int(b.id) if b.id.isdigit() else 0, b.id))


def batches(store: Plumbing) -> list[Batch]:
    """The imports still in the log (not removed), oldest first."""
    return [b for b in all_batches(store) if b.active]


def batch(store: Plumbing, batch_id: str) -> Batch | None:
    return next((b for b in all_batches(store) if b.id == batch_id.strip()), None)


def _save(store: Plumbing, b: Batch) -> None:
    table = store._table(TABLE)
    for doc_id, doc in table.documents().items():
        if doc.get("id") == b.id:
            table.update(_to_doc(b), doc_ids=[int(doc_id)])
            return
    table.insert(_to_doc(b))


def begin(store: Plumbing, file: str, source: str, digest: str, at: datetime) -> Batch:
    """The batch an import writes into: one of the same file cut short, else a new one."""
    with store._locked(writes=True):
        every = all_batches(store)
        for b in every:
            if b.state == "importing" and b.hash == digest and b.source == source:
                return b
        next_id = max((int(b.id) for b in every if b.id.isdigit()), default=0) + 1
        b = Batch(str(next_id), clean_text(file), source, digest, at, 0, 0, "importing")
        _save(store, b)
    return b


def finish(store: Plumbing, b: Batch) -> Batch:
    """Count what the batch holds and mark it done (or forget it: an import that added
    nothing, every session already there, leaves no batch behind)."""
    with store._locked(writes=True):
        sessions, sets = _count(store, b.id)
        if not sessions:
            _forget(store, b.id)
            return Batch(**{**b.__dict__, "sessions": 0, "sets": 0, "state": "removed"})
        done = Batch(**{**b.__dict__, "sessions": sessions, "sets": sets, "state": "done"})
        _save(store, done)
    return done


def _forget(store: Plumbing, batch_id: str) -> None:
    table = store._table(TABLE)
    ids = [int(k) for k, d in table.documents().items() if d.get("id") == batch_id]
    if ids:
        table.remove(doc_ids=ids)


def _count(store: Plumbing, batch_id: str) -> tuple[int, int]:
    sessions = sets = 0
    for month in store._existing_months():
        for doc in store._sessions(month).documents().values():
            if doc.get("batch") == batch_id:
                sessions += 1
                sets += len(doc.get("sets", ()))
    return sessions, sets


def replaced_by(store: Plumbing, file: str, source: str, digest: str) -> list[Batch]:
    """The earlier imports a `--replace` import of this file replaces: those of the same
    bytes, else those of a file of the same name from the same app."""
    live = [b for b in batches(store) if b.source == source]
    same = [b for b in live if digest and b.hash == digest]
    return same or [b for b in live if b.file == clean_text(file)]


def remove(store: Plumbing, batch_id: str) -> tuple[Batch, int, int]:
    """Take a batch back out: its sessions, and only its sessions, leave every month's
    file.  Returns the batch and how many sessions and sets went."""
    with store._locked(writes=True):
        b = batch(store, batch_id)
        if b is None or not b.active:
            known = ", ".join(x.id for x in batches(store)) or "none"
            raise StoreError(
                f"There is no import {batch_id.strip()!r} (imports: {known}).", store.path
            )
        _save(store, Batch(**{**b.__dict__, "state": "removing"}))
        gone_sessions = gone_sets = 0
        for month in store._existing_months():
            table = store._sessions(month)
            doomed = {int(k): d for k, d in table.documents().items() if d.get("batch") == b.id}
            if doomed:
                table.remove(doc_ids=list(doomed))
                gone_sessions += len(doomed)
                gone_sets += sum(len(d.get("sets", ())) for d in doomed.values())
                for d in doomed.values():
                    store._hint.pop(str(d.get("id")), None)
        _save(store, Batch(**{**b.__dict__, "state": "removed"}))
    return b, gone_sessions, gone_sets
