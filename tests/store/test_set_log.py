"""The month's set log (store/setlog.py): a set added to a session on disk is one line.

Real files throughout; second processes where another process matters (an appender
while this one reads and edits, a kill halfway through a line, kills at random moments).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from dataclasses import replace
from datetime import date

import orjson
import pytest

from tui_tracker.store import DatabaseTooNew, DatabaseUnreadable, Store, migrations, storage
from tui_tracker.store.paths import month_files, month_of, month_path
from tui_tracker.store.setlog import FOLD_AT, SetLog, log_path
from tui_tracker.store.tables import open_db

from .helpers import DAY, data_files, fold_logs, mkset, worker

MONTH = month_of(DAY)


def month_file(db):
    return month_path(db, MONTH)


def log_lines(db) -> list[dict]:
    path = log_path(month_file(db))
    if not path.exists():
        return []
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def meta(db) -> dict:
    return orjson.loads(month_file(db).read_bytes())["meta"]["1"]


def count_writes(monkeypatch) -> list:
    """Every full (atomic) write of a store file."""
    writes: list = []
    real = storage.atomic_write

    def counting(path, payload):
        writes.append(path)
        return real(path, payload)

    monkeypatch.setattr(storage, "atomic_write", counting)
    return writes


def session_with_sets(store: Store, n: int):
    session = store.log_set(mkset(), day=DAY)
    for i in range(1, n):
        session = store.log_set(mkset(minute=i % 60), day=DAY, session_id=session.id)
    return session


# --- the hot path -----------------------------------------------------------------------


def test_a_set_into_a_session_on_disk_is_one_line_in_the_log_not_a_rewrite(
    store, db_path, monkeypatch
):
    session = store.log_set(mkset(), day=DAY)  # a new session: the month file is written
    before = month_file(db_path).read_bytes()
    writes = count_writes(monkeypatch)
    for minute in (1, 2, 3):
        session = store.log_set(mkset(minute=minute), day=DAY, session_id=session.id)
    session = store.log_set(mkset(minute=4), day=DAY)  # today's open session, not by id
    assert writes == []
    assert month_file(db_path).read_bytes() == before
    lines = log_lines(db_path)
    assert [r["seq"] for r in lines] == [1, 2, 3, 4]
    assert {r["session"] for r in lines} == {session.id}
    assert [r["set"]["id"] for r in lines] == [s.id for s in session.sets[1:]]
    assert (os.stat(log_path(month_file(db_path))).st_mode & 0o777) == 0o600
    store.close()
    with Store(db_path) as again:
        assert again.session(session.id) == session


def test_a_set_already_in_the_session_is_refused_on_the_log_path_too(store):
    session = session_with_sets(store, 3)
    with pytest.raises(Exception, match="already logged"):
        store.log_set(session.sets[-1], day=DAY, session_id=session.id)


def test_another_store_sees_the_appends_without_reopening(db_path):
    one, two = Store(db_path), Store(db_path)
    session = one.log_set(mkset(), day=DAY)
    assert len(two.session(session.id).sets) == 1  # its cache is warm
    for minute in (1, 2):
        session = one.log_set(mkset(minute=minute), day=DAY, session_id=session.id)
        assert two.session(session.id) == session  # only the new tail is read
    mine = two.log_set(mkset(minute=3), day=DAY, session_id=session.id)
    assert one.session(session.id) == mine and len(mine.sets) == 4
    assert [r["seq"] for r in log_lines(db_path)] == [1, 2, 3]
    one.close()
    two.close()


# --- folding ---------------------------------------------------------------------------


def test_a_full_write_of_the_month_folds_the_log_and_removes_it(store, db_path):
    session = session_with_sets(store, 4)
    assert len(log_lines(db_path)) == 3
    done = store.finish_session(session.id, session.started_at)
    assert not log_path(month_file(db_path)).exists()
    assert meta(db_path)["log_folded"] == 3
    stored = orjson.loads(month_file(db_path).read_bytes())["sessions"]["1"]["sets"]
    assert [s["id"] for s in stored] == [s.id for s in session.sets]
    assert Store(db_path).session(session.id) == done
    # Numbers go on after the folded ones: a record is never taken for a folded one.
    again = store.reopen_session(session.id)
    store.log_set(mkset(minute=30), day=DAY, session_id=again.id)
    assert [r["seq"] for r in log_lines(db_path)] == [4]


def test_the_log_is_folded_once_it_holds_fold_at_records(store, db_path, monkeypatch):
    session = store.log_set(mkset(), day=DAY)
    writes = count_writes(monkeypatch)
    for i in range(1, FOLD_AT):
        session = store.log_set(mkset(minute=i % 60), day=DAY, session_id=session.id)
    assert writes == [] and len(log_lines(db_path)) == FOLD_AT - 1
    session = store.log_set(mkset(minute=1), day=DAY, session_id=session.id)
    assert writes == [month_file(db_path)]  # the FOLD_AT-th record, then the fold
    assert not log_path(month_file(db_path)).exists()
    assert meta(db_path)["log_folded"] == FOLD_AT
    assert len(session.sets) == FOLD_AT + 1
    assert Store(db_path).session(session.id) == session


def test_a_set_deleted_after_it_was_appended_stays_deleted_when_the_log_outlives_the_fold(
    store, db_path, monkeypatch
):
    """A crash between the fold's write of the month file and the log's removal."""
    session = session_with_sets(store, 3)
    gone = session.sets[1]
    monkeypatch.setattr(SetLog, "remove", lambda self: None)  # the crash: the log stays
    session, _, _ = store.delete_set(session.id, gone.id)
    monkeypatch.undo()
    assert [r["set"]["id"] for r in log_lines(db_path)][0] == gone.id  # still in the log
    assert meta(db_path)["log_folded"] == 2
    store.close()
    with Store(db_path) as again:
        assert again.session(session.id) == session  # it did not come back
        later = again.log_set(mkset(minute=40), day=DAY, session_id=session.id)
        assert [r["seq"] for r in log_lines(db_path)][-1] == 3
    with Store(db_path) as third:
        assert third.session(session.id) == later
        assert gone.id not in {s.id for s in later.sets}


def test_a_record_for_a_session_the_file_lacks_or_a_set_it_has_is_skipped(store, db_path):
    session = session_with_sets(store, 2)
    log = log_path(month_file(db_path))
    first = log_lines(db_path)[0]["set"]
    again_ = {"seq": 2, "session": session.id, "set": first}  # the same set again
    gone = {"seq": 3, "session": "gone", "set": {**first, "id": "x"}}  # a session not there
    with open(log, "ab") as f:
        f.write(orjson.dumps(again_) + b"\n" + orjson.dumps(gone) + b"\n")
    store.close()
    with Store(db_path) as again:
        assert again.session(session.id) == session


# --- crashes and damage ------------------------------------------------------------------


def test_a_torn_last_line_is_ignored_and_cut_before_the_next_append(store, db_path):
    session = session_with_sets(store, 3)
    log = log_path(month_file(db_path))
    whole = log.read_bytes()
    log.write_bytes(whole + b'{"seq":3,"session":"' + session.id[:5].encode())
    store.close()
    with Store(db_path) as again:
        assert again.session(session.id) == session
        after = again.log_set(mkset(minute=9), day=DAY, session_id=session.id)
    assert log.read_bytes().startswith(whole) and log.read_bytes().count(b"\n") == 3
    assert [r["seq"] for r in log_lines(db_path)] == [1, 2, 3]
    with Store(db_path) as third:
        assert third.session(session.id) == after


def test_a_process_killed_halfway_through_a_line_loses_only_that_set(store, db_path):
    session = session_with_sets(store, 2)
    p = worker("tear", str(db_path), session.id, "3", stdout=subprocess.PIPE, text=True)
    acked, _ = p.communicate(timeout=60)
    assert p.returncode == -signal.SIGKILL
    acked_ids = acked.split()
    assert len(acked_ids) == 2
    raw = log_path(month_file(db_path)).read_bytes()
    assert not raw.endswith(b"\n")  # the kill left half a line
    seen = store.session(session.id)
    assert [s.id for s in seen.sets] == [*(s.id for s in session.sets), *acked_ids]
    after = store.log_set(mkset(minute=50), day=DAY, session_id=session.id)
    assert len(after.sets) == 5 and log_path(month_file(db_path)).read_bytes().endswith(b"\n")


@pytest.mark.parametrize("where", ["first", "last"])
def test_a_damaged_whole_line_refuses_the_month_and_a_copy_is_kept(store, db_path, where):
    """A line with its newline was acknowledged: it is never dropped in silence."""
    session_with_sets(store, 3)
    log = log_path(month_file(db_path))
    lines = log.read_bytes().split(b"\n")
    lines[0 if where == "first" else 1] = b'{"seq":1,"sess'
    damaged = b"\n".join(lines)
    log.write_bytes(damaged)
    store.close()
    with Store(db_path) as again:
        with pytest.raises(DatabaseUnreadable) as err:
            again.recent_sessions()
    assert err.value.path == log
    kept = err.value.keep_safe_copy
    assert kept is not None and kept.read_bytes() == damaged
    assert log.read_bytes() == damaged  # left as it is


def test_kills_at_random_moments_lose_no_acknowledged_set_and_bring_back_no_deleted_one(
    store, db_path
):
    rng = random.Random(7)
    session = store.log_set(mkset(), day=DAY)
    acked: list[str] = [session.sets[0].id]
    deleted: set[str] = set()
    for _ in range(12):
        p = worker("into", str(db_path), session.id, "1000", stdout=subprocess.PIPE, text=True)
        got: list[str] = []
        want = rng.randint(1, 5)
        while len(got) < want:
            line = p.stdout.readline()
            assert line, p.poll()
            got.append(line.strip())
        time.sleep(rng.uniform(0, 0.01))  # then often in the middle of an append
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        got += p.stdout.read().split()  # acknowledged before the kill, not read yet
        p.stdout.close()
        acked += got
        ids = [s.id for s in store.session(session.id).sets]
        live = [i for i in acked if i not in deleted]
        assert ids[: len(live)] == live  # in order, nothing lost, nothing deleted is back
        assert len(ids) - len(live) <= 1  # at most the one cut short, fsynced unacknowledged
        acked += ids[len(live) :]
        victim = rng.choice(ids)
        store.delete_set(session.id, victim)
        deleted.add(victim)
    store.close()
    with Store(db_path) as again:
        assert [s.id for s in again.session(session.id).sets] == [
            i for i in acked if i not in deleted
        ]


def test_one_process_appends_while_another_reads_and_edits(db_path):
    store = Store(db_path)
    session = store.log_set(mkset(), day=DAY)
    p = worker("into", str(db_path), session.id, "150", stdout=subprocess.PIPE, text=True)
    edits = 0
    while p.poll() is None:
        now = store.session(session.id)
        first = now.sets[0]
        store.update_set(session.id, replace(first, reps=first.reps + 1))  # a full write
        edits += 1
        time.sleep(0.002)
    theirs = p.stdout.read().split()
    assert p.returncode == 0
    final = store.session(session.id)
    assert [s.id for s in final.sets] == [session.sets[0].id, *theirs]
    assert final.sets[0].reps == session.sets[0].reps + edits
    store.close()
    with Store(db_path) as again:
        assert again.session(session.id) == final


# --- versions ----------------------------------------------------------------------------


def as_schema_3(db) -> None:
    """The database as the app before set logs wrote it: no logs, schema_version 3."""
    fold_logs(db)
    for path in [db, *month_files(db).values()]:
        data = orjson.loads(path.read_bytes())
        data["meta"]["1"]["schema_version"] = 3
        data["meta"]["1"].pop("log_folded", None)
        path.write_bytes(orjson.dumps(data))


def test_a_schema_3_database_is_upgraded_with_one_backup_and_months_read_as_they_are(db_path):
    with Store(db_path) as store:
        session = session_with_sets(store, 3)
        store.log_set(mkset(day=date(2026, 10, 2)), day=date(2026, 10, 2))
    as_schema_3(db_path)
    months = {p: p.read_bytes() for p in month_files(db_path).values()}
    with Store(db_path) as store:
        assert store.session(session.id) == session
        assert orjson.loads(db_path.read_bytes())["meta"]["1"]["schema_version"] == 4
        assert db_path.with_name("training.json.v3.bak").exists()
        assert {p: p.read_bytes() for p in month_files(db_path).values()} == months
        assert not [
            p
            for p in db_path.parent.iterdir()
            if ".v3.bak" in p.name and p != db_path.with_name("training.json.v3.bak")
        ]
        # The first set into a schema-3 month writes it whole (schema 4), then the log.
        more = store.log_set(mkset(minute=20), day=DAY, session_id=session.id)
        assert meta(db_path)["schema_version"] == 4 and log_lines(db_path) == []
        more = store.log_set(mkset(minute=21), day=DAY, session_id=session.id)
        assert len(log_lines(db_path)) == 1
    with Store(db_path) as store:
        assert store.session(session.id) == more


def test_an_app_of_schema_3_refuses_a_schema_4_database_untouched(db_path, monkeypatch):
    with Store(db_path) as store:
        session_with_sets(store, 3)
    before = data_files(db_path.parent)
    monkeypatch.setattr(migrations, "CURRENT_SCHEMA", 3)  # the app before set logs
    with pytest.raises(DatabaseTooNew) as err:
        Store(db_path)
    assert err.value.found == 4 and err.value.supported == 3
    # An old process that was already running reads the month file only: refused too.
    with pytest.raises(DatabaseTooNew):
        open_db(month_file(db_path), "sessions", MONTH).atomic_storage.read()
    assert data_files(db_path.parent) == before


# --- the month listing -------------------------------------------------------------------


def test_a_month_file_another_store_creates_is_seen_though_the_listing_is_kept(db_path):
    one = Store(db_path)
    one.log_set(mkset(), day=DAY)
    old = time.time() - 60
    os.utime(db_path.parent, (old, old))  # a folder not changed lately: its listing is kept
    assert one.years() == [2026]
    assert one._listing is not None
    with Store(db_path) as two:
        two.log_set(mkset(day=date(2025, 3, 1)), day=date(2025, 3, 1))
    assert one.years() == [2025, 2026]
    one.close()


def test_a_set_in_the_log_that_cannot_be_read_refuses_the_month_naming_the_log(store, db_path):
    session_with_sets(store, 2)
    log = log_path(month_file(db_path))
    (record,) = log_lines(db_path)
    record["set"]["unit"] = "stone"
    log.write_bytes(orjson.dumps(record) + b"\n")
    store.close()
    with Store(db_path) as again:
        with pytest.raises(DatabaseUnreadable, match="unit 'stone'") as err:
            again.recent_sessions()
    assert err.value.path == log
