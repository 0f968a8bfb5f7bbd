"""Whole-session writes (store/moves.py): replace, remove, and move a session to another
month's file, atomically and durably, finished after a crash at any step."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import orjson
import pytest

from tui_tracker.domain.session_edits import moved_to
from tui_tracker.store import Store, StoreError
from tui_tracker.store import storage as storage_module
from tui_tracker.store.moves import SessionChangedMeanwhile
from tui_tracker.store.paths import month_files, month_path

from .helpers import DAY, mkset

OCT = date(2026, 10, 30)


def two_sessions(store: Store):
    """A session on DAY (18 Nov) with three sets and another the day before."""
    s = store.log_set(mkset(), day=DAY)
    for minute in (4, 8):
        s = store.log_set(mkset(minute=minute, reps=7), day=DAY, session_id=s.id)
    s = store.finish_session(s.id, s.sets[-1].at + timedelta(minutes=5))
    other = store.log_set(mkset(day=DAY - timedelta(days=1)), day=DAY - timedelta(days=1))
    return s, other


def ids_in(db, month: int) -> list[str]:
    path = month_path(db, month)
    if not path.exists():
        return []
    return [d["id"] for d in orjson.loads(path.read_bytes())["sessions"].values()]


def test_a_new_date_in_the_same_month_rewrites_that_month_only(store, db_path):
    s, other = two_sessions(store)
    moved = store.put_session(moved_to(s, date(2026, 11, 3)), expect=s)
    assert moved.date == date(2026, 11, 3)
    assert list(month_files(db_path)) == [202611]
    with Store(db_path) as again:
        assert again.session(s.id) == moved
        assert [x.id for x in again.sessions_between(date(2026, 11, 3), date(2026, 11, 3))] == [
            s.id
        ]
        assert again.session(other.id) == other


def test_a_new_date_in_another_month_moves_the_session_between_files(store, db_path):
    s, other = two_sessions(store)
    moved = store.put_session(moved_to(s, OCT), expect=s)
    assert ids_in(db_path, 202610) == [s.id]
    assert ids_in(db_path, 202611) == [other.id]
    main = orjson.loads(db_path.read_bytes())
    assert main.get("moves", {}) == {}  # the write-ahead note is gone once done
    with Store(db_path) as again:
        assert again.session(s.id) == moved
        assert again.sessions_between(DAY, DAY) == []
        assert [x.id for x in again.sessions_between(OCT, OCT)] == [s.id]
        # and back again
        back = again.put_session(s, expect=moved)
        assert (
            back == s
            and ids_in(db_path, 202610) == []
            and set(ids_in(db_path, 202611)) == {s.id, other.id}
        )


def test_a_stale_copy_changes_nothing(store, db_path):
    s, _ = two_sessions(store)
    store.update_set(s.id, replace(s.sets[0], reps=3))  # another process, say
    with pytest.raises(SessionChangedMeanwhile, match="changed by another tui-tracker process"):
        store.put_session(moved_to(s, OCT), expect=s)
    assert ids_in(db_path, 202610) == [] and store.session(s.id).sets[0].reps == 3
    with pytest.raises(SessionChangedMeanwhile):
        store.remove_session(s.id, expect=s)
    assert store.session(s.id) is not None


def test_removing_a_session_with_sets_and_putting_it_back(store, db_path):
    s, other = two_sessions(store)
    gone = store.remove_session(s.id, expect=s)
    assert gone == s and store.session(s.id) is None and ids_in(db_path, 202611) == [other.id]
    assert store.remove_session(s.id) is None
    back = store.put_session(s, absent=True)
    assert back == s
    with pytest.raises(SessionChangedMeanwhile):
        store.put_session(s, absent=True)  # it is there now
    with Store(db_path) as again:
        assert again.session(s.id) == s


class Crash(BaseException):
    """The process dies here (nothing after it runs, nothing is cleaned up)."""


@pytest.mark.parametrize("writes_before_crash", [0, 1, 2, 3])
def test_a_crash_at_any_step_of_a_move_leaves_the_session_in_exactly_one_file(
    db_path, monkeypatch, writes_before_crash
):
    """The move writes four files in turn: the main file (the note), October (the session
    added), November (the session removed), the main file (the note removed).  Killed
    before any one of them, the next open finishes the move (or there was none yet)."""
    with Store(db_path) as store:
        s, other = two_sessions(store)
    store = Store(db_path)
    real = storage_module.atomic_write
    done: list[str] = []

    def dying(path, payload, **kw):
        if len(done) == writes_before_crash:
            raise Crash
        done.append(path.name)
        return real(path, payload, **kw)

    monkeypatch.setattr(storage_module, "atomic_write", dying)
    with pytest.raises(Crash):
        store.put_session(moved_to(s, OCT), expect=s)
    monkeypatch.setattr(storage_module, "atomic_write", real)
    assert (
        done
        == ["training.json", "training.sessions-2026-10.json", "training.sessions-2026-11.json"][
            :writes_before_crash
        ]
    )
    if writes_before_crash >= 1:  # the note is on disk: the move will be finished
        assert orjson.loads(db_path.read_bytes())["moves"]
    with Store(db_path) as again:
        where = [m for m in (202610, 202611) if s.id in ids_in(db_path, m)]
        expected = moved_to(s, OCT) if writes_before_crash >= 1 else s
        assert where == [month_of_date(expected.date)]
        assert again.session(s.id) == expected
        assert again.session(other.id) == other
        assert orjson.loads(db_path.read_bytes()).get("moves", {}) == {}
        assert len(again.sessions_between(OCT, DAY)) == 2


def month_of_date(day: date) -> int:
    return day.year * 100 + day.month


def test_a_damaged_move_note_is_refused_not_guessed(db_path):
    with Store(db_path) as store:
        two_sessions(store)
    data = orjson.loads(db_path.read_bytes())
    data["moves"] = {"1": {"id": "x", "from": "202611", "to": 202610, "session": {}}}
    db_path.write_bytes(orjson.dumps(data))
    with pytest.raises(StoreError, match="a pending move is damaged"):
        Store(db_path)


MOVER = """
import sys
from datetime import date
from tui_tracker.domain.session_edits import moved_to
from tui_tracker.store import Store

store = Store(sys.argv[1])
days = [date(2026, 10, 30), date(2026, 11, 18)]
i = 0
while True:
    s = store.session(sys.argv[2])
    store.put_session(moved_to(s, days[i % 2]), expect=s)
    print(days[i % 2].isoformat(), flush=True)
    i += 1
"""


@pytest.mark.parametrize("seed", range(6))
def test_kill_9_during_moves_never_loses_or_doubles_the_session(db_path, seed):
    """A real process moving a session back and forth between October and November, killed
    at a random moment: reopened, the session is in exactly one month, on the date of the
    last move acknowledged or of the one in flight."""
    import random
    import subprocess
    import sys
    import time

    with Store(db_path) as store:
        s, other = two_sessions(store)
    proc = subprocess.Popen(
        [sys.executable, "-c", MOVER, str(db_path), s.id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acked: list[str] = []
    want = 3 + seed * 2
    while len(acked) < want:  # a line is printed only after its move returned
        line = proc.stdout.readline()
        assert line, f"the mover died: {proc.stderr.read()}"
        acked.append(line.strip())
    time.sleep(random.Random(seed).random() * 0.02)
    proc.kill()
    proc.wait()
    with Store(db_path) as again:
        where = [m for m in (202610, 202611) if s.id in ids_in(db_path, m)]
        assert len(where) == 1
        stored = again.session(s.id)
        in_flight = "2026-10-30" if acked[-1] == "2026-11-18" else "2026-11-18"
        assert stored.date.isoformat() in (acked[-1], in_flight)
        assert [x.id for x in stored.sets] == [x.id for x in s.sets]
        assert again.session(other.id) == other
        assert orjson.loads(db_path.read_bytes()).get("moves", {}) == {}
