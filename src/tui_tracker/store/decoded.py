"""Decoding a session again after a commit without decoding its old sets again.

Every commit returns the session as committed, decoded from the document written
(and first checks the old document still decodes: a damaged one is refused, never
rewritten).  Decoding turns each set's dict into a `LoggedSet`; for a session of
1,000 sets that was two thousand sets per commit, tens of milliseconds, growing
with the session.  A commit only adds, replaces or removes a set: the other sets'
dicts are the very objects decoded last time (documents are never mutated in place;
a changed set is a new dict).  So this remembers, for each OPEN session it decoded
(the ones sets are logged into: few, and forgotten once finished), the set dicts and
the `LoggedSet`s made from them, and reuses a `LoggedSet` when the same dict object
comes back.  Holding the dicts keeps their identities from being reused.  A reload
after another process wrote makes new dicts: those are decoded afresh.
"""

from __future__ import annotations

from operator import is_
from typing import Any

from ..domain.models import LoggedSet, Session
from . import codec

#: the list of set dicts decoded, a copy of it, and their sets
Known = tuple[list[Any], tuple[Any, ...], tuple[LoggedSet, ...]]


class SessionDecoder:
    """`decode(doc)` is `codec.session_from_dict(doc)`, remembering open sessions' sets."""

    def __init__(self) -> None:
        self._known: dict[str, Known] = {}  # session id -> its set dicts and sets

    def decode(self, doc: Any, *, extends: list[Any] | None = None) -> Session:
        """`extends`: the caller made this document's list of sets as that list (the one
        decoded last time) plus one set (a set logged into the set log): only that one
        is decoded, without comparing the others one by one (a 1,000-set session)."""
        sid = doc.get("id") if isinstance(doc, dict) else None
        known = self._known.get(sid) if isinstance(sid, str) else None

        def decode_sets(raws: list[Any]) -> tuple[LoggedSet, ...]:
            if known is not None:
                old_list, old_raws, old_sets = known
                n = len(old_raws)
                if raws is old_list:  # the very list (lists of sets are never changed)
                    return old_sets
                if extends is not None and extends is old_list and len(raws) == n + 1:
                    return old_sets + self._fresh(raws[n:])
                if len(raws) >= n and all(map(is_, raws[:n], old_raws)):  # sets added
                    return old_sets + self._fresh(raws[n:])
                by_id = {id(raw): (raw, s) for raw, s in zip(old_raws, old_sets)}
                return tuple(self._reuse(raw, by_id) for raw in raws)
            return self._fresh(raws)

        session = codec.session_from_dict(doc, decode_sets)  # raises CodecError as before
        if session.is_open:
            self._known[session.id] = (doc["sets"], tuple(doc["sets"]), session.sets)
        else:
            self._known.pop(session.id, None)
        return session

    @staticmethod
    def _fresh(raws: list[Any]) -> tuple[LoggedSet, ...]:
        return tuple(codec.set_from_dict(raw) for raw in raws)

    def _reuse(self, raw: Any, by_id: dict[int, tuple[Any, LoggedSet]]) -> LoggedSet:
        hit = by_id.get(id(raw))
        if hit is not None and hit[0] is raw:
            return hit[1]
        return self._fresh([raw])[0]
