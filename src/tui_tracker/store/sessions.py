"""The sessions and their sets: every month's `sessions` file (see paths.py).

A mixin for the Store (store.py), which keeps the lock and the files; this owns what
is in the month files, because every read and write of a session or a set goes
through the same lookups (`_find` with its month hint, `_newest_on`) and the same
commit (`_commit`: the old document must still decode, the new one is returned
decoded).  A set added to a session already on disk skips the rewrite: it is one line in
the month's set log (setlog.py, AtomicJSONStorage.append_set), so its cost does not grow
with the session.  Whole-session replacements and moves between months are in moves.py.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from collections.abc import Iterable, Iterator

from ..domain.models import LoggedSet, Session
from . import codec
from .errors import StoreError
from .paths import month_of
from .plumbing import Found, PlumbingBase


def _ts(value: str) -> float:
    """A stored date-time as a number to order by (naive ones as local time)."""
    return datetime.fromisoformat(value).timestamp()


def _newest_first_key(doc: dict[str, Any]) -> tuple[str, float, str]:
    return (doc["date"], _ts(doc["started_at"]), doc["id"])


def _month_end(first: date) -> date:
    """The last day of the month starting on `first`."""
    after = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return after - timedelta(days=1)


def _session_order(s: Session) -> tuple[date, float, str]:
    return (s.date, s.started_at.timestamp(), s.id)


def _batch_doc(s: Session, batch: str | None) -> dict[str, Any]:
    """A session's document, with the import batch it came with (none when logged by hand)."""
    doc = codec.session_to_dict(s)
    if batch is not None:
        doc["batch"] = batch
    return doc


class SessionLog(PlumbingBase):
    """Sessions and sets for the Store: logging, editing, reading back (mixed into it)."""

    # --- finding a session --------------------------------------------------------------

    def _find(self, session_id: str) -> Found | None:
        hint = self._hint.get(session_id)
        for month in self._months_to_search(hint):
            table = self._sessions(month)
            for doc_id, doc in table.documents().items():
                if doc.get("id") == session_id:
                    self._hint[session_id] = month
                    return month, table, int(doc_id), doc
        return None

    def _months_to_search(self, hint: int | None) -> Iterator[int]:
        """The month a session was last seen in first; the folder is listed only when it
        is not there (moved by another process), newest month first."""
        if hint is not None:
            yield hint
        yield from (m for m in reversed(self._existing_months()) if m != hint)

    def _need(self, session_id: str) -> Found:
        found = self._find(session_id)
        if found is None:
            raise StoreError(f"There is no session {session_id} in {self.path}.", self.path)
        return found

    def _commit(self, found: Found, new_doc: dict[str, Any]) -> Session:
        month, table, doc_id, old_doc = found
        # A document damaged on disk is refused, not rewritten with the change.
        self._decode(month, old_doc)
        table.update(new_doc, doc_ids=[doc_id])
        return self._decode(month, new_doc)

    def _insert(self, session: Session) -> Session:
        # A fresh uuid: no need to read every month to check it is unique.
        month = month_of(session.date)
        doc = codec.session_to_dict(session)
        self._sessions(month).insert(doc)
        self._hint[session.id] = month
        return self._decode(month, doc)

    @staticmethod
    def _set_index(doc: dict[str, Any], set_id: str) -> int | None:
        for i, s in enumerate(doc["sets"]):
            if s.get("id") == set_id:
                return i
        return None

    def _newest_on(self, day: date, *, open_only: bool) -> Found | None:
        month = month_of(day)
        table = self._sessions(month)
        iso = day.isoformat()
        best: tuple[tuple[str, float, str], int, dict[str, Any]] | None = None
        for doc_id, doc in table.documents().items():
            if doc.get("date") != iso or (open_only and doc.get("ended_at") is not None):
                continue
            key = _newest_first_key(doc)
            if best is None or key > best[0]:
                best = (key, int(doc_id), doc)
        if best is None:
            return None
        self._hint[best[2]["id"]] = month
        return month, table, best[1], best[2]

    # --- sets ---------------------------------------------------------------------------

    def log_set(
        self, s: LoggedSet, *, day: date, session_id: str | None = None, open_only: bool = False
    ) -> Session:
        """Append a set; returns the session as committed (fsynced on return).

        With `session_id`, to that session (with `open_only`, only while it is open).
        Otherwise to the newest OPEN session dated `day`, or to a new one started at
        `s.at`: a finished session never takes a set it was not given by id (a set
        logged after `f`, or after another process finished it, starts the day's next).
        """
        with self._locked(writes=True):
            found = self._need(session_id) if session_id is not None else None
            if found is not None and open_only and found[3].get("ended_at") is not None:
                found = None
            if found is None:
                found = self._newest_on(day, open_only=True)
                if found is None:
                    return self._insert(Session(date=day, started_at=s.at, sets=(s,)))
            month, _table, doc_id, doc = found
            storage = self._month_db(month).atomic_storage
            if s.id in storage.set_ids(doc["id"], doc["sets"]):
                raise StoreError(
                    f"The set {s.id} is already logged in session {doc['id']}.", self.path
                )
            if not storage.can_append():
                return self._commit(found, {**doc, "sets": [*doc["sets"], codec.set_to_dict(s)]})
            # One line in the month's set log (setlog.py): the same cost at any session size.
            self._decode(month, doc)  # as _commit: a damaged document is refused, not added to
            new_doc = storage.append_set(doc_id, doc, codec.set_to_dict(s))
            return self._decode(month, new_doc, extends=doc["sets"])

    def update_set(self, session_id: str, s: LoggedSet) -> Session:
        """Replace the set with id `s.id` (same place in the session)."""
        with self._locked(writes=True):
            found = self._need(session_id)
            doc = found[3]
            i = self._set_index(doc, s.id)
            if i is None:
                raise StoreError(f"There is no set {s.id} in session {session_id}.", self.path)
            sets = list(doc["sets"])
            sets[i] = codec.set_to_dict(s)
            return self._commit(found, {**doc, "sets": sets})

    def delete_set(self, session_id: str, set_id: str) -> tuple[Session, LoggedSet, int]:
        """Remove a set; returns (session, the deleted set, its index) so it can be undone."""
        with self._locked(writes=True):
            found = self._need(session_id)
            doc = found[3]
            i = self._set_index(doc, set_id)
            if i is None:
                raise StoreError(f"There is no set {set_id} in session {session_id}.", self.path)
            sets = list(doc["sets"])
            removed = sets.pop(i)
            try:
                deleted = codec.set_from_dict(removed)
            except codec.CodecError as e:
                raise self._month_db(found[0]).atomic_storage.unreadable(str(e)) from e
            return self._commit(found, {**doc, "sets": sets}), deleted, i

    def restore_set(self, session_id: str, s: LoggedSet, index: int) -> Session:
        """Put a deleted set back at `index` (undo).  A set already there is left alone."""
        with self._locked(writes=True):
            found = self._need(session_id)
            doc = found[3]
            if self._set_index(doc, s.id) is not None:
                return self._decode(found[0], doc)
            sets = list(doc["sets"])
            sets.insert(max(0, min(index, len(sets))), codec.set_to_dict(s))
            return self._commit(found, {**doc, "sets": sets})

    # --- sessions -----------------------------------------------------------------------

    def start_session(self, day: date, started_at: datetime) -> Session:
        """A new, empty, open session."""
        with self._locked(writes=True):
            return self._insert(Session(date=day, started_at=started_at))

    def finish_session(
        self, session_id: str, ended_at: datetime, note: str | None = None
    ) -> Session:
        with self._locked(writes=True):
            found = self._need(session_id)
            doc = found[3]
            new = {**doc, "ended_at": ended_at.isoformat()}
            if note is not None:
                new["note"] = note
            return self._commit(found, new)

    def reopen_session(self, session_id: str) -> Session:
        """Open a finished session again (the lifter carries on after pressing `f`)."""
        with self._locked(writes=True):
            found = self._need(session_id)
            return self._commit(found, {**found[3], "ended_at": None})

    def delete_session(self, session_id: str) -> None:
        """Drop an empty session (one started by mistake).  A session with sets is refused."""
        with self._locked(writes=True):
            found = self._find(session_id)
            if found is None:
                return
            _month, table, doc_id, doc = found
            if doc["sets"]:
                raise StoreError(
                    f"Session {session_id} has {len(doc['sets'])} sets: delete them first.",
                    self.path,
                )
            table.remove(doc_ids=[doc_id])
            self._hint.pop(session_id, None)

    def import_sessions(self, sessions: Iterable[Session], *, batch: str | None = None) -> int:
        """Add whole sessions in bulk: one write per month (history import, benchmarks).

        The files end up exactly as if each session had been added one by one, in
        the order given.  Returns how many were added; an id already stored is refused.
        With `batch`, each session records the import it came with (store/batches.py).
        """
        by_month: dict[int, list[dict[str, Any]]] = {}
        ids: set[str] = set()
        for s in sessions:
            if s.id in ids:
                raise StoreError(f"Session {s.id} appears twice in the import.", self.path)
            ids.add(s.id)
            by_month.setdefault(month_of(s.date), []).append(_batch_doc(s, batch))
        with self._locked(writes=True):
            for month in self._existing_months():
                for doc in self._sessions(month).documents().values():
                    if doc.get("id") in ids:
                        raise StoreError(
                            f"Session {doc['id']} is already in {self.path}.", self.path
                        )
            for month, docs in sorted(by_month.items()):
                self._sessions(month).insert_multiple(docs)
                for doc in docs:
                    self._hint[doc["id"]] = month
        return len(ids)

    def add_new_sessions(
        self, sessions: Iterable[Session], *, batch: str | None = None
    ) -> list[Session]:
        """Add the sessions this database does not hold yet: one write per month touched.

        For imports, whose session ids come from the file (its date, start and
        name), so a session already imported can only be in its own month's file:
        only those files are read.  Each month's file is dropped from memory once
        written, so an import of any length holds one month at a time.  Returns
        the sessions added, in the order given.
        """
        given = list(sessions)
        by_month: dict[int, list[Session]] = {}
        ids: set[str] = set()
        for s in given:
            if s.id in ids:
                raise StoreError(f"Session {s.id} appears twice in the import.", self.path)
            ids.add(s.id)
            by_month.setdefault(month_of(s.date), []).append(s)
        added: set[str] = set()
        with self._locked(writes=True):
            for month, of_month in sorted(by_month.items()):
                table = self._sessions(month)
                there = {d.get("id") for d in table.documents().values()}
                new = [s for s in of_month if s.id not in there]
                if new:
                    table.insert_multiple([_batch_doc(s, batch) for s in new])
                    added.update(s.id for s in new)
                db = self._months.pop(month, None)
                if db is not None:
                    db.close()  # its cache: the next read parses the file again
        return [s for s in given if s.id in added]

    def session(self, session_id: str) -> Session | None:
        with self._locked():
            found = self._find(session_id)
            return self._decode(found[0], found[3]) if found else None

    def open_session(self, day: date) -> Session | None:
        """The newest open (not finished) session dated `day`."""
        with self._locked():
            found = self._newest_on(day, open_only=True)
            return self._decode(found[0], found[3]) if found else None

    def sessions_between(self, start: date, end: date) -> list[Session]:
        """Sessions dated start..end (inclusive), oldest first.  Reads only those months."""
        lo, hi = start.isoformat(), end.isoformat()
        first, last = month_of(start), month_of(end)
        out: list[Session] = []
        with self._locked():
            for month in self._existing_months():
                if first <= month <= last:
                    for doc in self._sessions(month).documents().values():
                        if lo <= doc.get("date", "") <= hi:
                            out.append(self._decode(month, doc))
        out.sort(key=_session_order)
        return out

    def sessions_by_month(self, end: date) -> Iterator[list[Session]]:
        """Every session dated on or before `end`, a month at a time, oldest first.

        Each month is read under the lock on its own, so a read of years of history
        (records, in a worker thread) keeps a set being logged waiting for one month's
        read at most, never for the whole history."""
        with self._locked():
            months = [m for m in self._existing_months() if m <= month_of(end)]
        for month in months:
            first = date(month // 100, month % 100, 1)
            yield self.sessions_between(first, min(end, _month_end(first)))

    def recent_sessions(self, limit: int = 50, before: date | None = None) -> list[Session]:
        """Up to `limit` sessions, newest first, dated on or before `before` if given.

        Monthly files are read newest first, and only as far back as needed.
        """
        if limit <= 0:
            return []
        cutoff = before.isoformat() if before is not None else None
        out: list[Session] = []
        with self._locked():
            for month in reversed(self._existing_months()):
                if before is not None and month > month_of(before):
                    continue
                docs = [
                    d
                    for d in self._sessions(month).documents().values()
                    if cutoff is None or d.get("date", "") <= cutoff
                ]
                docs.sort(key=_newest_first_key, reverse=True)
                for doc in docs[: limit - len(out)]:
                    out.append(self._decode(month, doc))
                if len(out) >= limit:
                    break
        return out

    def last_sets(
        self, exercise_id: str, *, before: date, exclude_session: str | None = None
    ) -> tuple[Session, list[LoggedSet]] | None:
        """The most recent session dated <= `before` (other than `exclude_session`) with
        sets of `exercise_id`, and those sets in order.  Older months are read only if needed.
        """
        cutoff = before.isoformat()
        with self._locked():
            for month in reversed(self._existing_months()):
                if month > month_of(before):
                    continue
                best: dict[str, Any] | None = None
                best_key: tuple[str, float, str] | None = None
                for doc in self._sessions(month).documents().values():
                    if doc.get("date", "") > cutoff or doc.get("id") == exclude_session:
                        continue
                    if not any(s.get("exercise_id") == exercise_id for s in doc.get("sets", ())):
                        continue
                    key = _newest_first_key(doc)
                    if best_key is None or key > best_key:
                        best, best_key = doc, key
                if best is not None:
                    session = self._decode(month, best)
                    return session, session.sets_for(exercise_id)
        return None

    def years(self) -> list[int]:
        """Years that have a sessions file, oldest first."""
        return sorted({month // 100 for month in self._existing_months()})
