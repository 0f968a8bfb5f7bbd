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

Known = tuple[tuple[Any, ...], tuple[LoggedSet, ...]]  # the set dicts, and their sets


class SessionDecoder:
    """`decode(doc)` is `codec.session_from_dict(doc)`, remembering open sessions' sets."""

    def __init__(self) -> None:
        self._known: dict[str, Known] = {}  # session id -> its set dicts and sets

    def decode(self, doc: Any) -> Session:
        sid = doc.get("id") if isinstance(doc, dict) else None
        known = self._known.get(sid) if isinstance(sid, str) else None

        def decode_sets(raws: list[Any]) -> tuple[LoggedSet, ...]:
            if known is not None:
                old_raws, old_sets = known
                n = len(old_raws)
                if len(raws) >= n and all(map(is_, raws[:n], old_raws)):  # sets added
                    return old_sets + self._fresh(raws[n:])
                by_id = {id(raw): (raw, s) for raw, s in zip(old_raws, old_sets)}
                return tuple(self._reuse(raw, by_id) for raw in raws)
            return self._fresh(raws)

        session = codec.session_from_dict(doc, decode_sets)  # raises CodecError as before
        if session.is_open:
            self._known[session.id] = (tuple(doc["sets"]), session.sets)
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
