"""What the store finds beside its files, and what it leaves there.

* Opening creates nothing until the first write (`create=False`, what the CLI uses), and
  the first write makes the database whole: folder, lock, main file, then the month.
* Orphan cleanup removes only the temp names the store itself writes.
* A symlinked main file, month file or export target is written through (the link stays
  a link), and a symlink to something that is not a regular file is refused.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tui_tracker.domain.models import Session
from tui_tracker.store import Store, StoreError
from tui_tracker.store import storage
from tui_tracker.store.exchange import ExchangeError, read_text, write_file
from tui_tracker.store.paths import month_of, month_path

from .helpers import DAY, mkset

MONTH = month_path(Path("training.json"), month_of(DAY)).name  # training.sessions-2026-11.json


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- opening creates nothing; the first write creates it all --------------------------------


def test_a_lazy_store_reads_an_absent_database_as_empty_and_creates_nothing(tmp_path):
    db = tmp_path / "new" / "training.json"
    with Store(db, create=False) as store:
        assert store.recent_sessions() == [] and store.mesocycles() == []
        assert store.custom_exercises() == [] and store.settings() == {}
        assert store.session("nope") is None and store.years() == []
    assert names(tmp_path) == []


def test_the_first_write_creates_folder_lock_and_main_then_the_month(tmp_path):
    db = tmp_path / "new" / "training.json"
    with Store(db, create=False) as store:
        store.log_set(mkset(), day=DAY)
        assert names(db.parent) == ["training.json", "training.json.lock", MONTH]
        store.log_set(mkset(minute=5), day=DAY)
    with Store(db) as store:
        (session,) = store.recent_sessions()
        assert len(session.sets) == 2


def test_a_setting_as_first_write_creates_only_the_main_file(tmp_path):
    db = tmp_path / "training.json"
    with Store(db, create=False) as store:
        store.set_setting("unit", "lb")
    assert names(tmp_path) == ["training.json", "training.json.lock"]
    with Store(db, create=False) as store:
        assert store.get_setting("unit") == "lb"


def test_the_default_store_creates_the_database_at_once(tmp_path):
    Store(tmp_path / "training.json").close()
    assert names(tmp_path) == ["training.json", "training.json.lock"]


def test_reading_an_existing_database_without_its_lock_file_creates_only_the_lock(tmp_path):
    db = tmp_path / "training.json"
    with Store(db) as store:
        store.log_set(mkset(), day=DAY)
    (tmp_path / "training.json.lock").unlink()
    with Store(db, create=False) as store:
        assert len(store.recent_sessions()) == 1
    assert names(tmp_path) == ["training.json", "training.json.lock", MONTH]


def test_a_database_created_meanwhile_by_another_process_is_never_overwritten(tmp_path):
    """A lazy store reads "nothing" without the lock (there is no lock file yet); another
    store creates the database before the first one writes.  Writing on what it read would
    lose the other's set: it refuses, and the next try sees the other's set."""
    db = tmp_path / "training.json"
    late = Store(db, create=False)
    with late._locked():  # log_set's read-check-write, with the other writer in the middle
        assert late._newest_on(DAY, open_only=False) is None
        with Store(db) as first:
            kept = first.log_set(mkset(), day=DAY)
        with pytest.raises(StoreError, match="at the same moment. Nothing was saved"):
            late._insert(Session(date=DAY, started_at=kept.started_at))
    with Store(db) as store:
        assert [s.id for s in store.recent_sessions()] == [kept.id]
    session = late.log_set(mkset(minute=9), day=DAY)
    assert session.id == kept.id and len(session.sets) == 2
    late.close()


# --- orphan temp files: only the store's own ----------------------------------------------


def test_cleanup_removes_only_the_temp_names_the_store_writes(tmp_path):
    db = tmp_path / "training.json"
    with Store(db) as store:
        store.log_set(mkset(), day=DAY)
    hex12 = "0123456789ab"
    orphans = [
        f"training.json.tmp-{hex12}",
        f"{MONTH}.tmp-{hex12}",
        f"training.sessions-2026.json.tmp-{hex12}",
        f"training.json.v1.bak.tmp-{hex12}",
        f"training.json.v2.bak-1.tmp-{hex12}",
        f"{MONTH}.unreadable-20260101T000000Z.tmp-{hex12}",
        f"training.json.unreadable-20260101T000000Z-2.tmp-{hex12}",
    ]
    theirs = [
        "training.json.mybackup.tmp-1",
        "training.json.mybackup.tmp-0123456789ab",
        "training.json.tmp-1",
        "training.json.tmp-0123456789abcd",
        f"training.json.backup.json.tmp-{hex12}",
        f"training.json.export-tmp-{hex12}",
        f"training.json.bak.export-tmp-{hex12}",
        f"other.json.tmp-{hex12}",
        f"training.sessions-2026-11.json.old.tmp-{hex12}",
    ]
    for name in orphans + theirs:
        (tmp_path / name).write_bytes(b"half a wri")
    Store(db).close()
    left = set(names(tmp_path))
    assert not left & set(orphans)
    assert set(theirs) <= left


def test_an_export_into_the_database_folder_survives_a_store_opening_mid_write(
    tmp_path, monkeypatch
):
    """The store's cleanup runs whenever a store opens; it removed the temp file of an
    export being written beside the database (`export -o training.json.bak`)."""
    db = tmp_path / "training.json"
    with Store(db) as store:
        store.log_set(mkset(), day=DAY)
    real_replace = os.replace
    opened = []

    def replace(src, dst):
        if Path(dst).name == "training.json.bak":  # the export is written, not yet renamed
            Store(db).close()  # another process opens the database just now
            opened.append(src)
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    write_file(tmp_path / "training.json.bak", b'{"export": 1}')
    monkeypatch.undo()
    assert opened, "the export never reached its rename"
    assert (tmp_path / "training.json.bak").read_bytes() == b'{"export": 1}'
    assert not [n for n in names(tmp_path) if "tmp" in n]


# --- symlinks ----------------------------------------------------------------------------


def test_a_symlinked_main_file_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "sync" / "lifting.json"
    real.parent.mkdir()
    with Store(real) as store:
        store.set_setting("unit", "kg")
    link = tmp_path / "training.json"
    link.symlink_to(real)
    with Store(link) as store:
        store.set_setting("unit", "lb")
        store.log_set(mkset(), day=DAY)
    assert link.is_symlink() and link.resolve() == real
    with Store(real) as store:
        assert store.get_setting("unit") == "lb" and len(store.recent_sessions()) == 1
    assert names(tmp_path) == ["sync", "training.json"]  # the months live beside the target


def test_a_symlinked_month_file_is_written_through(tmp_path):
    db = tmp_path / "training.json"
    with Store(db) as store:
        store.log_set(mkset(), day=DAY)
    elsewhere = tmp_path / "archive"
    elsewhere.mkdir()
    month = tmp_path / MONTH
    target = elsewhere / MONTH
    month.rename(target)
    month.symlink_to(target)
    with Store(db) as store:
        session = store.log_set(mkset(minute=5), day=DAY)
        assert len(session.sets) == 2
    assert month.is_symlink() and month.resolve() == target
    with Store(db) as store:
        assert len(store.recent_sessions()[0].sets) == 2
    assert names(elsewhere) == [MONTH]  # no temp file left in either folder
    # The set went to the month's set log, which sits beside the name the store knows.
    assert sorted(names(tmp_path)) == [
        "archive",
        "training.json",
        "training.json.lock",
        MONTH,
        MONTH + ".log",
    ]


def test_a_month_file_that_is_a_symlink_loop_is_refused_and_left(tmp_path):
    db = tmp_path / "training.json"
    Store(db).close()
    month = tmp_path / MONTH
    month.symlink_to(MONTH)
    with Store(db) as store:
        with pytest.raises(StoreError, match="symlink loop"):
            store.recent_sessions()
        with pytest.raises(StoreError, match="symlink loop"):
            store.log_set(mkset(), day=DAY)
    assert month.is_symlink() and os.readlink(month) == MONTH


def test_a_month_file_linked_to_a_device_is_refused_and_left(tmp_path):
    db = tmp_path / "training.json"
    Store(db).close()
    month = tmp_path / MONTH
    month.symlink_to(os.devnull)
    with Store(db) as store:
        with pytest.raises(StoreError, match="character device, not a regular file"):
            store.log_set(mkset(), day=DAY)
    assert month.is_symlink()
    assert names(tmp_path) == ["training.json", "training.json.lock", MONTH]


def test_atomic_write_through_a_dangling_link_creates_its_target(tmp_path):
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "real.json")
    storage.atomic_write(link, b"{}")
    assert link.is_symlink() and (tmp_path / "real.json").read_bytes() == b"{}"


def test_an_export_through_a_symlink_replaces_its_target(tmp_path):
    target = tmp_path / "backups" / "lifting.json"
    target.parent.mkdir()
    target.write_text("last week's")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    write_file(link, b"this week's")
    assert link.is_symlink() and target.read_text() == "this week's"
    assert names(tmp_path) == ["backups", "latest.json"] and names(target.parent) == [
        "lifting.json"
    ]


@pytest.mark.parametrize("kind", ["loop", "device", "fifo"])
def test_an_export_to_a_link_it_cannot_follow_is_refused_and_left(tmp_path, kind):
    link = tmp_path / "out.json"
    if kind == "loop":
        link.symlink_to("out.json")
    elif kind == "device":
        link.symlink_to(os.devnull)
    else:
        os.mkfifo(tmp_path / "pipe")
        link.symlink_to(tmp_path / "pipe")
    with pytest.raises(ExchangeError, match="symlink loop|not a regular file"):
        write_file(link, b"{}")
    assert link.is_symlink()
    assert names(tmp_path) == sorted(["out.json", *(["pipe"] if kind == "fifo" else [])])


# --- reading a file to import ------------------------------------------------------------

READ = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # /dev/zero must not eat the box
from tui_tracker.store.exchange import ExchangeError, read_text
try:
    print(repr(read_text(sys.argv[1])))
except ExchangeError as e:
    print("refused:", e)
"""


def read_in_a_child(path: str) -> str:
    """read_text in its own process: a hang is a timeout, a runaway read a MemoryError."""
    import subprocess
    import sys

    r = subprocess.run(
        [sys.executable, "-c", READ, path], capture_output=True, text=True, timeout=20
    )
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout.strip()


def test_import_reads_a_pipe_and_refuses_a_device(tmp_path):
    r, w = os.pipe()
    os.write(w, b'{"a": 1}')
    os.close(w)
    try:
        assert read_text(f"/dev/fd/{r}") == '{"a": 1}'
    finally:
        os.close(r)
    assert (
        read_in_a_child("/dev/zero")
        == "refused: /dev/zero is a character device, not a file to import"
    )


def test_import_of_a_fifo_nobody_writes_to_does_not_wait(tmp_path):
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    assert read_in_a_child(str(fifo)) == "''"


def test_a_write_error_names_the_reason_for_a_loop(tmp_path):
    loop = tmp_path / "x.json"
    loop.symlink_to("x.json")
    with pytest.raises(OSError) as err:
        storage.atomic_write(loop, b"{}")
    assert err.value.errno == errno.ELOOP


def test_two_apps_creating_one_database_at_once_both_open_it(tmp_path, monkeypatch):
    """The app's store creates the database at once; if another process creates it between
    this one's look and its write, this one opens what the other made."""
    from tui_tracker.store import paths, store as store_module

    db = tmp_path / "training.json"
    real = store_module.ensure_folder
    calls = []

    def ensure_folder(folder):
        real(folder)
        calls.append(folder)
        if len(calls) == 1:  # the other app gets there first
            with Store(db) as other:
                other.set_setting("unit", "lb")

    monkeypatch.setattr(store_module, "ensure_folder", ensure_folder)
    with Store(db) as store:
        assert calls[0] == db.parent  # the other app created the database inside our start
        assert store.get_setting("unit") == "lb"
        store.log_set(mkset(), day=DAY)
    assert paths.temp_files(db) == []


def test_a_first_write_holds_the_lock_from_its_first_read_so_two_first_logs_share_a_session(
    tmp_path,
):
    """Two lifters' first `log` on a new database at the same moment: the one that reads
    first holds the lock from that read, so the other waits and then joins its session
    (it used to fail with "try again" when both had read "nothing")."""
    import threading

    db = tmp_path / "training.json"
    late = Store(db, create=False)
    other_done = threading.Event()
    real = late._newest_on

    def newest_on(day, *, open_only):  # in the middle of late's read-check-write...
        def other():
            with Store(db, create=False) as first:
                first.log_set(mkset(minute=1), day=DAY)
            other_done.set()

        threading.Thread(target=other, daemon=True).start()
        assert not other_done.wait(0.3), "the other process wrote inside our read-check-write"
        return real(day, open_only=open_only)

    late._newest_on = newest_on
    mine = late.log_set(mkset(minute=2), day=DAY)
    late._newest_on = real
    assert other_done.wait(10)
    with Store(db) as store:
        (session,) = store.recent_sessions()
    assert session.id == mine.id and len(session.sets) == 2
    late.close()
