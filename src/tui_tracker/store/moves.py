"""Replacing or removing a whole session, and moving one to another month's file.

Most changes to a session rewrite one month's file: one atomic write, old or new
after a crash.  A new date in another month touches two files, and no single
rename covers two files.  So a move is written ahead: first the main file gets a
`moves` document (the session as it is to be, the month it leaves, the month it
joins), written atomically and fsynced like any commit; then the new month's file
gets the session, then the old month's file loses it, and then the `moves` document
is removed.  Every step is one atomic write and safe to do twice, so a crash at any
point is finished when the database is next opened (or before the next move): the
session ends up in exactly one file, as it was to be.

A process that was reading while another crashed mid-move may see the session in
both months until it reopens the database; nothing is lost either way.
"""

from __future__ import annotations

from typing import Any

from ..domain.models import Session
from . import codec
from .errors import StoreError
from .paths import month_of
from .plumbing import PlumbingBase

MOVES = "moves"


class SessionChangedMeanwhile(StoreError):
    """The session is not as this process last saw it: another process changed it."""


class SessionMoves(PlumbingBase):
    """Whole-session writes for the Store (mixed into it; uses its lock, files and the
    session lookups of sessions.py: plumbing.SessionPlumbing)."""

    def put_session(
        self, session: Session, *, expect: Session | None = None, absent: bool = False
    ) -> Session:
        """Store `session` whole, replacing the one with its id wherever it is (moving it
        to its date's month), or adding it.  On disk when this returns.

        `expect`: the session as the caller last saw it; refused (SessionChangedMeanwhile)
        when the stored one differs.  `absent`: refused when a session with its id exists
        (putting a deleted session back).
        """
        doc = codec.session_to_dict(session)
        with self._locked(writes=True):
            self._finish_moves()
            found = self._find(session.id)
            stored = self._decode(found[0], found[3]) if found else None
            if (expect is not None and stored != expect) or (absent and stored is not None):
                raise SessionChangedMeanwhile(
                    "The session was changed by another tui-tracker process since it was "
                    "shown: nothing was changed. Open it again to see it as it is now.",
                    self.path,
                )
            to_month = month_of(session.date)
            if found is None:
                return self._insert(session)
            if found[0] == to_month:
                return self._commit(found, doc)
            moves = self._table(MOVES)
            moves.insert({"id": session.id, "from": found[0], "to": to_month, "session": doc})
            self._finish_moves()
            return self._decode(to_month, doc)

    def remove_session(self, session_id: str, *, expect: Session | None = None) -> Session | None:
        """Delete a session with its sets; returns it as it was (None: there was none)."""
        with self._locked(writes=True):
            self._finish_moves()
            found = self._find(session_id)
            if found is None:
                if expect is not None:
                    raise SessionChangedMeanwhile(
                        "The session was deleted by another tui-tracker process.", self.path
                    )
                return None
            month, table, doc_id, doc = found
            stored = self._decode(month, doc)
            if expect is not None and stored != expect:
                raise SessionChangedMeanwhile(
                    "The session was changed by another tui-tracker process since it was "
                    "shown: nothing was deleted. Open it again to see it as it is now.",
                    self.path,
                )
            table.remove(doc_ids=[doc_id])
            self._hint.pop(session_id, None)
            return stored

    def _finish_moves(self) -> None:
        """Under the lock: complete every move a crash left half done (see the module)."""
        moves = self._table(MOVES)
        pending = list(moves.documents().items())
        for doc_id, move in pending:
            self._finish_move(move)
            moves.remove(doc_ids=[int(doc_id)])

    def _finish_move(self, move: dict[str, Any]) -> None:
        session_id, doc = move.get("id"), move.get("session")
        src, dst = move.get("from"), move.get("to")
        if not (
            isinstance(session_id, str)
            and isinstance(doc, dict)
            and isinstance(src, int)
            and isinstance(dst, int)
        ):
            raise self._main.atomic_storage.unreadable(f"a pending move is damaged: {move!r}")
        self._decode(dst, doc)  # a damaged session is refused, never written
        table = self._sessions(dst)
        there = [int(i) for i, d in table.documents().items() if d.get("id") == session_id]
        if there:
            if table.documents()[str(there[0])] != doc:
                table.update(doc, doc_ids=there[:1])
        else:
            table.insert(doc)
        if src != dst:
            old = self._sessions(src)
            gone = [int(i) for i, d in old.documents().items() if d.get("id") == session_id]
            if gone:
                old.remove(doc_ids=gone)
        self._hint[session_id] = dst
