"""A session of 1,000 sets: a commit decodes only what it changed (store/decoded.py).

No timing here (benchmarks/bench_session.py times it): the cost that grew with the
session was decoding every set of it twice per commit, so these count the sets
decoded, and check the session returned is still exactly what is on disk.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import orjson
import pytest

from tui_tracker.domain.models import LoggedSet, Session
from tui_tracker.store import Store, StoreError, codec, month_of, month_path

from .helpers import DAY, at, mkset


def long_open_session(store: Store, sets: int = 1000) -> Session:
    start = at(DAY, 6, 0)
    done = tuple(
        LoggedSet("barbell-bench-press", 60 + i % 5, 8, 2, start + timedelta(seconds=30 * i))
        for i in range(sets)
    )
    session = Session(date=DAY, started_at=start, sets=done)
    store.import_sessions([session])
    return session


@pytest.fixture
def counted(monkeypatch):
    """How many sets `codec.set_from_dict` decodes."""
    calls = [0]
    real = codec.set_from_dict

    def counting(doc):
        calls[0] += 1
        return real(doc)

    monkeypatch.setattr(codec, "set_from_dict", counting)
    return calls


def from_disk(store: Store, session_id: str) -> Session:
    """The session as a fresh Store reads it from the files."""
    other = Store(store.path)
    try:
        found = other.session(session_id)
        assert found is not None
        return found
    finally:
        other.close()


def test_a_commit_into_a_session_of_1000_sets_decodes_only_the_new_set(store, counted):
    session = long_open_session(store)
    assert len(store.open_session(DAY).sets) == 1000  # read once: all 1,000 decoded
    counted[0] = 0
    for i in range(5):
        committed = store.log_set(mkset(minute=i), day=DAY, session_id=session.id)
    assert counted[0] == 5  # was 2,001 per commit: the old document and the new, every set
    assert len(committed.sets) == 1005
    assert committed == from_disk(store, session.id)


def test_the_first_commit_after_opening_decodes_the_session_once(store, counted):
    session = long_open_session(store, 200)
    counted[0] = 0
    store.log_set(mkset(), day=DAY, session_id=session.id)  # no read before: decoded here
    assert counted[0] == 201  # the old document once (checked before writing), the new set


def test_edits_deletes_and_undos_return_what_is_on_disk(store, counted):
    session = long_open_session(store, 50)
    s = store.log_set(mkset(weight=90), day=DAY, session_id=session.id)
    middle = s.sets[20]
    counted[0] = 0
    edited = store.update_set(session.id, replace(middle, reps=3, note="grip slipped"))
    assert counted[0] == 1  # the replaced set only
    after_delete, deleted, index = store.delete_set(session.id, edited.sets[10].id)
    assert counted[0] == 2  # the deleted set, returned for the undo
    restored = store.restore_set(session.id, deleted, index)
    assert counted[0] == 3  # the set put back (a new dict)
    assert edited.sets[20].reps == 3 and edited.sets[20].note == "grip slipped"
    assert (index, len(after_delete.sets)) == (10, 50)
    assert deleted not in after_delete.sets
    assert restored.sets == edited.sets
    assert restored == from_disk(store, session.id)


def test_a_finished_session_is_forgotten_and_decoded_in_full_again(store, counted):
    session = long_open_session(store, 30)
    store.log_set(mkset(), day=DAY, session_id=session.id)
    finished = store.finish_session(session.id, at(DAY, 20, 0))
    assert not finished.is_open and len(finished.sets) == 31
    counted[0] = 0
    assert store.session(session.id) == finished
    assert counted[0] == 31  # nothing remembered for a finished session


def test_a_change_by_another_process_is_read_not_the_remembered_sets(store, db_path):
    session = long_open_session(store, 20)
    store.log_set(mkset(), day=DAY, session_id=session.id)
    other = Store(db_path)
    first = other.session(session.id).sets[0]
    other.update_set(session.id, replace(first, weight_kg=142.5))
    other.close()
    again = store.log_set(mkset(minute=1), day=DAY, session_id=session.id)
    assert again.sets[0].weight_kg == 142.5
    assert again == from_disk(store, session.id)


def test_a_set_damaged_on_disk_is_still_refused_not_rewritten(store, db_path):
    session = long_open_session(store, 20)
    store.log_set(mkset(), day=DAY, session_id=session.id)  # its sets are remembered now
    path = month_path(db_path, month_of(DAY))
    data = orjson.loads(path.read_bytes())
    doc = next(iter(data["sessions"].values()))
    doc["sets"][3]["reps"] = "many"
    before = orjson.dumps(data)
    path.write_bytes(before)
    with pytest.raises(StoreError):
        store.log_set(mkset(minute=2), day=DAY, session_id=session.id)
    assert path.read_bytes() == before


def test_a_set_added_through_the_set_log_compares_none_of_the_others(store, monkeypatch):
    """The commit's cost must not grow with the session: the old document is the very
    list decoded last time, the new one that list plus one set (the caller says so)."""
    from operator import is_

    from tui_tracker.store import decoded

    session = long_open_session(store)
    assert len(store.open_session(DAY).sets) == 1000
    compared = [0]

    def counting(a, b):
        compared[0] += 1
        return is_(a, b)

    monkeypatch.setattr(decoded, "is_", counting)
    for i in range(3):
        committed = store.log_set(mkset(minute=i), day=DAY, session_id=session.id)
    assert compared[0] == 0  # was 2,000+ per commit (every set, in both documents)
    assert len(committed.sets) == 1003
    assert committed == from_disk(store, session.id)
