"""The Store's behaviour on real files: round trips, edits, years, queries, settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone, UTC
from pathlib import Path
from zoneinfo import ZoneInfo

import orjson
import pytest

from tui_tracker.domain.models import Exercise, LoggedSet, Session
from tui_tracker.domain.muscles import MUSCLES
from tui_tracker.store import Store, StoreError, month_of, month_path

from .helpers import DAY, at, mkset


def reopen(store: Store) -> Store:
    store.close()
    return Store(store.path)


def test_round_trip_every_field(store):
    ny = ZoneInfo("America/New_York")
    sets = [
        mkset("barbell-back-squat", 60, 5, None, kind="warmup", note="empty bar + 40"),
        LoggedSet(
            "barbell-back-squat",
            102.0582,
            8,
            0,
            datetime(2026, 11, 18, 12, 5, 7, 123456, tzinfo=ny),
            unit="lb",
            kind="working",
            note="belt, knee sleeves \u2013 PR!",
        ),
        mkset("barbell-bench-press", 97.5, 10, 4, minute=30),
    ]
    session = store.start_session(DAY, at(DAY, 17, 2))
    for s in sets:
        session = store.log_set(s, day=DAY, session_id=session.id)
    store.finish_session(session.id, at(DAY, 19, 40), note="good day")

    store = reopen(store)
    got = store.session(session.id)
    assert got is not None
    assert got.date == DAY
    assert got.started_at == at(DAY, 17, 2) and got.started_at.utcoffset() == timedelta(hours=1)
    assert got.ended_at == at(DAY, 19, 40)
    assert got.note == "good day"
    assert got.sets == tuple(sets)  # every field, in order
    lb = got.sets[1]
    assert lb.unit == "lb" and lb.weight_kg == 102.0582 and lb.at.utcoffset() == timedelta(hours=-5)
    assert lb.at.microsecond == 123456
    assert got.sets[0].rir is None and got.sets[0].is_warmup
    store.close()


def test_log_set_without_session_creates_then_appends(store):
    first = mkset(minute=1)
    s1 = store.log_set(first, day=DAY)
    assert s1.started_at == first.at and s1.is_open
    s2 = store.log_set(mkset(minute=3), day=DAY)
    assert s2.id == s1.id and len(s2.sets) == 2
    other_day = store.log_set(mkset(day=DAY + timedelta(days=1)), day=DAY + timedelta(days=1))
    assert other_day.id != s1.id


def test_log_set_appends_to_newest_session_of_the_day(store):
    morning = store.start_session(DAY, at(DAY, 7))
    evening = store.start_session(DAY, at(DAY, 18))
    got = store.log_set(mkset(), day=DAY)
    assert got.id == evening.id
    assert store.session(morning.id).sets == ()


def test_a_set_after_finishing_starts_a_new_session_never_joins_the_finished_one(store):
    """`f` ends a session: a set logged later that day (the TUI, or `tui-tracker log` in a
    shell) starts a new open session, which a restart then resumes."""
    finished = store.log_set(mkset(minute=1), day=DAY)
    store.finish_session(finished.id, at(DAY, 19))
    later = store.log_set(mkset(minute=30), day=DAY)
    assert later.id != finished.id and later.is_open
    assert len(store.session(finished.id).sets) == 1
    assert store.open_session(DAY).id == later.id


def test_reopening_a_finished_session_lets_it_take_sets_again(store):
    session = store.log_set(mkset(minute=1), day=DAY)
    store.finish_session(session.id, at(DAY, 19))
    reopened = store.reopen_session(session.id)
    assert reopened.is_open and reopened.id == session.id
    assert store.log_set(mkset(minute=40), day=DAY).id == session.id


def test_log_set_unknown_session_and_duplicate_set(store):
    with pytest.raises(StoreError, match="no session"):
        store.log_set(mkset(), day=DAY, session_id="nope")
    s = mkset()
    session = store.log_set(s, day=DAY)
    with pytest.raises(StoreError, match="already logged"):
        store.log_set(s, day=DAY, session_id=session.id)
    assert len(store.session(session.id).sets) == 1


def test_order_update_delete_restore(store):
    session = store.start_session(DAY, at(DAY, 17))
    sets = [mkset(weight=100 + i, minute=i) for i in range(5)]
    for s in sets:
        session = store.log_set(s, day=DAY, session_id=session.id)
    assert [s.id for s in session.sets] == [s.id for s in sets]

    changed = replace(sets[2], weight_kg=150.0, reps=3, rir=0, note="edited")
    session = store.update_set(session.id, changed)
    assert session.sets[2] == changed and len(session.sets) == 5

    session, deleted, index = store.delete_set(session.id, sets[1].id)
    assert deleted == sets[1] and index == 1
    assert [s.id for s in session.sets] == [sets[0].id, changed.id, sets[3].id, sets[4].id]

    session = store.restore_set(session.id, deleted, index)
    assert [s.id for s in session.sets] == [s.id for s in sets]
    assert store.restore_set(session.id, deleted, index) == session  # undo twice: no duplicate

    store = reopen(store)
    assert store.session(session.id) == session
    with pytest.raises(StoreError):
        store.update_set(session.id, mkset())
    with pytest.raises(StoreError):
        store.delete_set(session.id, "missing")
    store.close()


def test_sessions_and_open_session(store):
    s = store.start_session(DAY, at(DAY, 17))
    assert store.open_session(DAY) == s
    assert store.open_session(DAY - timedelta(days=1)) is None
    done = store.finish_session(s.id, at(DAY, 19))
    assert not done.is_open and store.open_session(DAY) is None
    assert store.session("unknown") is None


def test_delete_session_only_when_empty(store):
    empty = store.start_session(DAY, at(DAY, 17))
    full = store.log_set(mkset(), day=DAY - timedelta(days=1))
    with pytest.raises(StoreError, match="has 1 sets"):
        store.delete_session(full.id)
    store.delete_session(empty.id)
    assert store.session(empty.id) is None
    store.delete_session(empty.id)  # already gone: nothing to do
    assert store.session(full.id) is not None


def test_one_file_per_month_across_a_year_boundary(store, db_path):
    dec = date(2025, 12, 31)
    jan = date(2026, 1, 1)
    a = store.log_set(mkset("barbell-back-squat", 140, 5, 1, day=dec), day=dec)
    b = store.log_set(mkset("barbell-bench-press", 100, 5, 1, day=jan), day=jan)
    assert month_path(db_path, 202512).name == "training.sessions-2025-12.json"
    assert month_path(db_path, 202512).exists() and month_path(db_path, 202601).exists()
    assert store.years() == [2025, 2026]
    in_dec = orjson.loads(month_path(db_path, 202512).read_bytes())
    assert [d["id"] for d in in_dec["sessions"].values()] == [a.id]
    assert in_dec["meta"]["1"]["year"] == 2025 and in_dec["meta"]["1"]["month"] == 12

    store = reopen(store)
    assert [s.id for s in store.sessions_between(dec, jan)] == [a.id, b.id]
    assert [s.id for s in store.sessions_between(jan, jan)] == [b.id]
    assert store.sessions_between(date(2024, 1, 1), date(2024, 12, 31)) == []
    store.close()


def test_month_of_sorts_months_in_time_order():
    assert month_of(date(2025, 12, 31)) == 202512 < month_of(date(2026, 1, 1)) == 202601


def test_sessions_between_only_reads_needed_months(store, db_path):
    for day in (date(2023, 5, 31), date(2023, 6, 1), date(2023, 7, 1)):
        store.log_set(mkset(day=day), day=day)
    store = reopen(store)
    month_path(db_path, 202305).write_bytes(b"garbage")  # would raise if it were read
    got = store.sessions_between(date(2023, 6, 1), date(2023, 7, 31))
    assert [s.date for s in got] == [date(2023, 6, 1), date(2023, 7, 1)]
    assert [s.date for s in store.recent_sessions(limit=2)] == [date(2023, 7, 1), date(2023, 6, 1)]
    assert store.last_sets("barbell-bench-press", before=date(2023, 6, 30))[0].date == date(
        2023, 6, 1
    )
    store.close()


def test_history_a_month_at_a_time_lets_commits_in_between(store, db_path):
    """Years of history (records, e1RM trends) are read a month per lock: a set logged
    meanwhile waits for one month's read at most, never for the whole history."""
    import threading

    days = [date(2024, 11, 30), date(2025, 1, 2), date(2025, 1, 20), date(2025, 3, 1), DAY]
    for day in days:
        store.log_set(mkset(day=day), day=day)
    months = store.sessions_by_month(end=date(2025, 3, 1))
    first = next(months)
    assert [s.date for s in first] == [date(2024, 11, 30)]
    # between two months nothing is held: another thread takes the lock at once
    got: list[bool] = []

    def other_thread() -> None:
        taken = store.commit_lock.acquire(timeout=0)
        got.append(taken)
        if taken:
            store.commit_lock.release()

    free = threading.Thread(target=other_thread)
    free.start()
    free.join()
    assert got == [True]
    rest = [[s.date for s in month] for month in months]
    assert rest == [[date(2025, 1, 2), date(2025, 1, 20)], [date(2025, 3, 1)]]  # `end` is the last
    everything = [s.id for month in store.sessions_by_month(end=DAY) for s in month]
    assert everything == [s.id for s in store.sessions_between(date.min, DAY)]


def test_ids_are_ours_not_tinydb_doc_ids(store, db_path):
    session = store.log_set(mkset(), day=DAY)
    raw = orjson.loads(month_path(db_path, month_of(DAY)).read_bytes())
    ((doc_id, doc),) = raw["sessions"].items()
    assert doc["id"] == session.id and len(session.id) == 32 and doc_id == "1"
    # Drop a session and reopen: TinyDB may reuse doc id 1, our ids never move.
    empty = store.start_session(DAY, at(DAY, 20))
    store.delete_session(empty.id)
    store = reopen(store)
    again = store.start_session(DAY, at(DAY, 21))
    assert again.id != empty.id
    assert store.session(session.id).sets == session.sets
    store.close()


def test_main_file_layout(store, db_path):
    raw = orjson.loads(db_path.read_bytes())
    assert raw["meta"]["1"]["schema_version"] == 4
    assert raw["mesocycles"] == {}
    assert set(raw) >= {
        "meta",
        "exercises",
        "settings",
        "volume_targets",
        "mesocycles",
        "bodyweights",
    }


def test_settings(store):
    assert store.get_setting("unit") is None
    assert store.get_setting("unit", "kg") == "kg"
    store.set_setting("unit", "lb")
    store.set_setting("plates", {"bar": 20, "list": [25, 20, 15]})
    value = store.get_setting("plates")
    value["bar"] = 15  # a copy: the store is not changed
    store = reopen(store)
    assert store.get_setting("unit") == "lb"
    assert store.get_setting("plates") == {"bar": 20, "list": [25, 20, 15]}
    store.set_setting("unit", "kg")
    assert store.get_setting("unit") == "kg"
    with pytest.raises(ValueError):
        store.set_setting("bad", object())
    store.close()


def test_volume_targets(store):
    targets = store.volume_targets()
    assert set(targets) == set(MUSCLES) and len(targets) == 14
    from tui_tracker.domain.targets import DEFAULT_TARGETS

    assert targets == DEFAULT_TARGETS and targets["traps"] == (0, 16)
    store.set_volume_target("chest", 12, 20)
    store.set_volume_target("chest", 8, 14)
    store.set_volume_target("calves", 0, 0)
    store = reopen(store)
    targets = store.volume_targets()
    assert (
        targets["chest"] == (8, 14) and targets["calves"] == (0, 0) and targets["back"] == (10, 16)
    )
    for bad in [
        ("chest", -1, 5),
        ("chest", 10, 9),
        ("chest", 10, 61),
        ("neck", 1, 2),
        ("chest", 1.5, 3),
        ("chest", True, 3),
    ]:
        with pytest.raises(ValueError):
            store.set_volume_target(*bad)
    store.set_volume_target("back", 60, 60)
    store.close()


def test_exercises_merge_with_catalogue(store):
    pytest.importorskip("tui_tracker.domain.catalogue")
    mine = Exercise(
        id="landmine-row",
        name="Landmine Row",
        primary=("back",),
        secondary=("biceps",),
        kind="compound",
    )
    store.save_exercise(mine)
    store.save_exercise(replace(mine, rest_seconds=90, aliases=("meadows",)))
    store = reopen(store)
    cat = store.catalogue()
    got = cat.get("landmine-row")
    assert got is not None and got.custom and got.rest_seconds == 90 and got.aliases == ("meadows",)
    assert cat.get("barbell-back-squat") is not None  # builtins still there
    assert [e.id for e in store.custom_exercises()] == ["landmine-row"]
    store.close()


def count_writes(monkeypatch) -> dict[Path, int]:
    """Every file the store replaces, with how many times (atomic_write is its only way)."""
    from collections import Counter

    from tui_tracker.store import storage

    writes: Counter = Counter()
    real = storage.atomic_write

    def counting(path, payload):
        writes[Path(path)] += 1
        return real(path, payload)

    monkeypatch.setattr(storage, "atomic_write", counting)
    return writes


def test_many_new_exercises_are_saved_in_one_write_of_the_main_file(store, db_path, monkeypatch):
    mine = Exercise(id="custom-kept", name="Kept", primary=("back",), custom=True)
    store.save_exercise(mine)
    writes = count_writes(monkeypatch)
    new = [Exercise(id=f"custom-x{i}", name=f"X {i}", primary=(), custom=True) for i in range(1000)]
    store.save_exercises([*new, replace(mine, rest_seconds=60)])
    assert writes == {db_path: 1}
    store = reopen(store)
    got = {e.id: e for e in store.custom_exercises()}
    assert len(got) == 1001 and got["custom-kept"].rest_seconds == 60
    assert [e.id for e in store.custom_exercises()][:2] == ["custom-kept", "custom-x0"]
    store.save_exercises([])  # nothing to save: no write
    assert writes == {db_path: 1}
    store.close()


def test_saving_exercises_marks_them_the_lifters_own(store):
    store.save_exercises([Exercise(id="pull-up", name="Pull-Up", primary=("back",))])
    assert store.custom_exercises()[0].custom


def test_add_new_sessions_skips_those_already_there_one_write_per_month(
    store, db_path, monkeypatch
):
    def session(day: date, sid: str) -> Session:
        return Session(day, at(day), (mkset(day=day),), at(day, 19), id=sid)

    a, b = session(date(2025, 12, 30), "a"), session(date(2025, 12, 31), "b")
    c = session(date(2026, 1, 2), "c")
    assert store.add_new_sessions([a]) == [a]
    writes = count_writes(monkeypatch)
    assert store.add_new_sessions([b, a, c]) == [b, c]
    assert writes == {month_path(db_path, 202512): 1, month_path(db_path, 202601): 1}
    assert store.add_new_sessions([a, b, c]) == []
    assert writes == {month_path(db_path, 202512): 1, month_path(db_path, 202601): 1}
    assert store.sessions_between(date(2025, 1, 1), date(2026, 12, 31)) == [a, b, c]
    with pytest.raises(StoreError, match="twice"):
        store.add_new_sessions([c, c])


def test_import_sessions_bulk(store, db_path):
    a = Session(
        date(2025, 12, 31),
        at(date(2025, 12, 31)),
        (mkset(day=date(2025, 12, 31)),),
        at(date(2025, 12, 31), 19),
    )
    b = Session(date(2026, 1, 2), at(date(2026, 1, 2)), (), None)
    assert store.import_sessions([a, b]) == 2
    assert store.sessions_between(date(2025, 1, 1), date(2026, 12, 31)) == [a, b]
    with pytest.raises(StoreError, match="already"):
        store.import_sessions([a])


def test_naive_and_other_offsets_sort(store):
    utc = UTC
    late_utc = store.start_session(DAY, datetime(2026, 11, 18, 20, 0, tzinfo=utc))
    early_plus5 = store.start_session(
        DAY, datetime(2026, 11, 18, 20, 0, tzinfo=timezone(timedelta(hours=5)))
    )
    assert [s.id for s in store.sessions_between(DAY, DAY)] == [early_plus5.id, late_utc.id]
    assert store.open_session(DAY).id == late_utc.id


def test_context_manager(db_path):
    with Store(db_path) as s:
        s.log_set(mkset(), day=DAY)
    with Store(db_path) as s:
        assert len(s.recent_sessions()) == 1


def test_open_only_logging_by_id_starts_anew_when_that_session_was_finished(store):
    """Another process pressed `f` on the session this one was adding to."""
    session = store.log_set(mkset(minute=1), day=DAY)
    store.finish_session(session.id, at(DAY, 19))
    got = store.log_set(mkset(minute=2), day=DAY, session_id=session.id, open_only=True)
    assert got.id != session.id and got.is_open
    # Without open_only an id still means that session (imports, restoring history).
    kept = store.log_set(mkset(minute=3), day=DAY, session_id=session.id)
    assert kept.id == session.id and len(kept.sets) == 2
