"""settings.toml on a real disk: private, atomic, never losing a key, clear when damaged."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest

from tui_tracker.domain.settings import SettingError, Settings
from tui_tracker.store import Store, StoreError
from tui_tracker.store import settings_file as sf
from tui_tracker.store import settings_writes
from tui_tracker.store.lock import ProcessLock
from tui_tracker.store.settings_file import (
    Legacy,
    SettingsFile,
    SettingsFileNotWritable,
    SettingsFileUnreadable,
    resolve_settings_path,
)

from .helpers import data_files


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "tui-tracker" / "settings.toml"


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def toml(p: Path) -> dict:
    return tomllib.loads(p.read_text())


def write(p: Path, text: str) -> None:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)


# --- where the file is ------------------------------------------------------------------


def test_path_explicit_then_environment_then_the_xdg_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(sf.CONFIG_ENV, raising=False)
    assert resolve_settings_path() == tmp_path / "xdg" / "tui-tracker" / "settings.toml"
    monkeypatch.setenv(sf.CONFIG_ENV, "  ")  # blank: ignored
    assert resolve_settings_path() == tmp_path / "xdg" / "tui-tracker" / "settings.toml"
    monkeypatch.setenv(sf.CONFIG_ENV, str(tmp_path / "env.toml"))
    assert resolve_settings_path() == tmp_path / "env.toml"
    assert resolve_settings_path(tmp_path / "given.toml") == tmp_path / "given.toml"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv(sf.CONFIG_ENV, "~/s.toml")
    assert resolve_settings_path() == tmp_path / "home" / "s.toml"


# --- reading ----------------------------------------------------------------------------


def test_no_file_gives_the_defaults_and_creates_nothing(path, tmp_path):
    loaded = SettingsFile(path).load()
    assert loaded.settings == Settings()
    assert not loaded.exists and loaded.warnings == ()
    assert {s.kind for s in loaded.sources.values()} == {"default"}
    assert list(tmp_path.iterdir()) == []


def test_values_in_the_file_are_used_and_say_they_come_from_it(path):
    write(
        path,
        'unit = "lb"\nplates_lb = [2.5, 45, 25]\nauto_advance = false\n'
        '[keymap]\n"today.add" = "ctrl+a"\n',
    )
    loaded = SettingsFile(path).load()
    s = loaded.settings
    assert (s.unit, s.plates_lb, s.auto_advance, dict(s.keymap)) == (
        "lb",
        (45.0, 25.0, 2.5),
        False,
        {"today.add": "ctrl+a"},
    )
    assert loaded.sources["unit"] == sf.Source("file", path)
    assert loaded.sources["bar_kg"] == sf.DEFAULT


def test_a_bad_value_is_an_error_naming_the_file_the_key_and_what_is_allowed(path):
    write(path, 'unit = "stone"\n')
    with pytest.raises(SettingError) as e:
        SettingsFile(path).load()
    assert str(e.value) == (
        f"settings file {path}: unit: 'stone' is not allowed (allowed: kg or lb)"
    )


def test_the_tui_falls_back_per_key_with_a_warning_it_can_show(path):
    write(path, 'unit = "lb"\nbar_kg = -20\ntheme = "nord"\ncolour = "red"\n')
    loaded = SettingsFile(path).load_or_defaults(themes={"textual-dark"})
    assert loaded.settings.unit == "lb" and loaded.settings.bar_kg == 20
    assert loaded.settings.theme == ""
    assert loaded.sources["bar_kg"].refused and loaded.sources["theme"].refused
    assert loaded.sources["bar_kg"].describe() == "default (the file's value is refused)"
    assert loaded.warnings[0] == (
        f"settings file {path}: bar_kg: -20 kg is out of range "
        "(allowed: a weight from 0 to 100 kg); using the default"
    )
    assert "unknown setting 'colour' is ignored" in loaded.warnings[2]
    assert all("\n" not in w for w in loaded.warnings)


DAMAGED = [
    (b"unit = \n", "it is not valid TOML: Invalid value (at line 1, column 8)"),
    (b'unit = "kg"\nunit = "lb"\n', "it is not valid TOML: Cannot overwrite a value"),
    (b'\xff\xfeunit = "kg"', "it is not UTF-8 text (byte 0)"),
    (b"[keymap\n", "it is not valid TOML"),
]


@pytest.mark.parametrize("raw,reason", DAMAGED)
def test_a_damaged_file_is_one_line_naming_it_and_is_never_written(path, raw, reason):
    path.parent.mkdir(parents=True)
    path.write_bytes(raw)
    with pytest.raises(SettingsFileUnreadable) as e:
        SettingsFile(path).load()
    message = str(e.value)
    assert isinstance(e.value, StoreError) and "\n" not in message
    assert message.startswith(f"Cannot read the settings file {path}: {reason}")
    assert "It was left as it is" in message
    with pytest.raises(SettingsFileUnreadable):
        SettingsFile(path).set("unit", "lb")
    assert path.read_bytes() == raw
    loaded = SettingsFile(path).load_or_defaults()
    assert loaded.settings == Settings()
    assert loaded.warnings == (f"{message} Using the default settings.",)


def test_a_folder_a_fifo_a_loop_or_a_huge_file_is_refused_without_hanging(tmp_path):
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    huge = tmp_path / "huge.toml"
    huge.write_bytes(b"#" * (sf.MAX_BYTES + 1))
    for p, reason in (
        (folder, "it is not a regular file"),
        (fifo, "it is not a regular file"),
        (loop, "it is a symlink loop"),
        (huge, "too big for a settings file"),
    ):
        with pytest.raises(SettingsFileUnreadable, match=reason):
            SettingsFile(p).read()


# --- writing ----------------------------------------------------------------------------


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o077], ids=oct)
def test_the_file_is_0600_in_a_0700_folder_whatever_the_umask(path, mask):
    old = os.umask(mask)
    try:
        SettingsFile(path).set("unit", "lb")
    finally:
        os.umask(old)
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600
    assert mode(path.with_name("settings.toml.lock")) & 0o077 == 0
    assert toml(path) == {"unit": "lb"}
    assert path.read_text().startswith("# tui-tracker settings")


def test_set_replaces_the_file_by_rename_never_in_place(path):
    f = SettingsFile(path)
    f.set("unit", "lb")
    before = path.stat().st_ino
    f.set("bar_kg", "15")
    assert path.stat().st_ino != before
    assert toml(path) == {"unit": "lb", "bar_kg": 15}
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.toml", "settings.toml.lock"]


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(path, monkeypatch):
    import errno

    f = SettingsFile(path)
    f.set("unit", "lb")
    before = path.read_bytes()

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(SettingsFileNotWritable) as e:
        f.set("unit", "kg")
    assert str(e.value) == (
        f"Cannot write the settings file {path}: No space left on device. Nothing was changed."
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.toml", "settings.toml.lock"]


def test_every_other_key_is_kept_even_ones_this_version_does_not_know(path):
    write(
        path,
        '# my notes\nunit = "lb"\nfuture_key = 2026-11-18T07:30:00Z\nbar_kg = -1\n'
        'nested = {a = [1, 2.5, "x"], b = {c = true}}\n[[presets]]\nname = "5/3/1"\n'
        '[keymap]\n"today.add" = "ctrl+a"\n',
    )
    before = toml(path)
    SettingsFile(path).set("theme", "nord", themes={"nord"})
    after = toml(path)
    assert after == {**before, "theme": "nord"}
    assert after["bar_kg"] == -1  # a bad value is the lifter's to fix, not ours to drop


def test_setting_the_same_value_again_writes_nothing(path):
    f = SettingsFile(path)
    f.set("plates_kg", "25,20")
    st = path.stat()
    f.set("plates_kg", "20 25")
    assert path.stat().st_ino == st.st_ino


def test_keymap_entries_are_set_and_unset_one_by_one(path):
    f = SettingsFile(path)
    assert f.set("keymap.today.add", "Ctrl+A") == "ctrl+a"
    f.set("keymap.today.finish", "F")
    assert toml(path)["keymap"] == {"today.add": "ctrl+a", "today.finish": "F"}
    assert f.unset("keymap.today.add") is True
    assert f.unset("keymap.today.add") is False
    assert toml(path)["keymap"] == {"today.finish": "F"}
    f.unset("keymap.today.finish")
    assert "keymap" not in toml(path)


def test_unset_removes_a_key_and_says_whether_it_was_there(path):
    f = SettingsFile(path)
    f.set("unit", "lb")
    f.set("auto_advance", "no")
    assert f.unset("unit") is True
    assert f.unset("unit") is False
    assert toml(path) == {"auto_advance": False}
    with pytest.raises(SettingError, match="unknown setting"):
        f.unset("unti")


def test_set_value_for_the_tuis_own_choices(path):
    f = SettingsFile(path)
    assert f.set_value("unit", "lb") == "lb"
    assert f.set_value("plates_kg", (1.25, 25.0)) == (25.0, 1.25)
    assert f.set_value("keymap.today.add", "ctrl+a") == "ctrl+a"
    with pytest.raises(SettingError):
        f.set_value("unit", "stone")
    assert toml(path) == {"unit": "lb", "plates_kg": [25, 1.25], "keymap": {"today.add": "ctrl+a"}}


def test_a_bad_value_is_refused_before_anything_is_created(path, tmp_path):
    with pytest.raises(SettingError, match="unit: 'stone' is not allowed"):
        SettingsFile(path).set("unit", "stone")
    assert list(tmp_path.iterdir()) == []


def test_a_symlinked_settings_file_is_written_through_the_link(tmp_path):
    dotfiles = tmp_path / "dotfiles" / "settings.toml"
    write(dotfiles, 'unit = "lb"\n')
    link = tmp_path / "config" / "settings.toml"
    link.parent.mkdir()
    link.symlink_to(dotfiles)
    SettingsFile(link).set("bar_lb", "35")
    assert link.is_symlink() and os.readlink(link) == str(dotfiles)
    assert toml(dotfiles) == {"unit": "lb", "bar_lb": 35}


def test_orphan_temp_files_of_a_killed_write_are_removed_and_nothing_else(path):
    write(path, 'unit = "lb"\n')
    orphan = path.with_name("settings.toml.tmp-0123456789ab")
    orphan.write_text("half")
    mine = path.with_name("settings.toml.mybackup.tmp-1")
    mine.write_text("keep me")
    SettingsFile(path).set("bar_kg", "15")
    assert not orphan.exists() and mine.read_text() == "keep me"


def test_a_held_lock_times_out_with_one_line(path):
    SettingsFile(path).set("unit", "lb")
    holder = ProcessLock(str(path.with_name("settings.toml.lock")), timeout=1, mode=0o600)
    holder.acquire()
    try:
        with pytest.raises(StoreError) as e:
            SettingsFile(path, lock_timeout=0.05).set("unit", "kg")
    finally:
        holder.release()
    assert str(e.value).startswith(f"The settings file {path} is being changed by another")
    assert toml(path) == {"unit": "lb"}


def test_a_change_reads_the_file_again_under_the_lock(path, monkeypatch):
    """What another process wrote while we waited for the lock is kept."""
    SettingsFile(path).set("unit", "lb")
    trying = threading.Event()

    class Spied(ProcessLock):
        def acquire(self) -> None:
            trying.set()
            super().acquire()

    monkeypatch.setattr(settings_writes, "ProcessLock", Spied)
    holder = ProcessLock(str(path.with_name("settings.toml.lock")), timeout=5, mode=0o600)
    holder.acquire()
    writer = threading.Thread(target=SettingsFile(path).set, args=("auto_advance", "false"))
    try:
        writer.start()
        assert trying.wait(10)  # the writer now waits for the lock we hold
        # meanwhile "another process" changes the file, as it may under the lock
        path.write_text(path.read_text() + 'theme = "nord"\n')
    finally:
        holder.release()
    writer.join(10)
    assert toml(path) == {"unit": "lb", "theme": "nord", "auto_advance": False}


WRITER = """
import sys
from tui_tracker.store.settings_file import SettingsFile
f = SettingsFile(sys.argv[1])
name, n = sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
for i in range(n):
    f.set(f"keymap.{name}.{i}", "f%d" % (i % 12 + 1))
"""


def test_processes_writing_different_keys_at_once_keep_every_key(path):
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), f"p{n}", "25"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(3)
    ]
    for p in procs:
        assert p.stdout.readline().strip() == "ready"
    for p in procs:  # all start writing at once
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        assert p.wait(60) == 0
    keymap = toml(path)["keymap"]
    assert sorted(keymap) == sorted(f"p{n}.{i}" for n in range(3) for i in range(25))


KILLED = """
import sys
from tui_tracker.store.settings_file import SettingsFile
f = SettingsFile(sys.argv[1])
i = 0
while True:
    f.set("rest_compound", str(i % 1800))
    if i == 0:
        print("writing", flush=True)
    i += 1
"""


def test_a_writer_killed_at_any_moment_leaves_a_whole_file(path):
    SettingsFile(path).set("unit", "lb")
    for _ in range(5):
        p = subprocess.Popen(
            [sys.executable, "-c", KILLED, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert p.stdout.readline().strip() == "writing"  # killed mid-loop, not before it
        p.send_signal(signal.SIGKILL)
        p.wait()
        data = toml(path)
        assert data["unit"] == "lb" and 0 <= data["rest_compound"] < 1800
    SettingsFile(path).set("bar_kg", "20")
    assert not [n for n in os.listdir(path.parent) if ".tmp-" in n]


# --- the database's legacy unit ---------------------------------------------------------


def test_without_unit_in_the_file_the_databases_legacy_unit_is_used(path, tmp_path):
    db = tmp_path / "data" / "training.json"
    store = Store(db)
    store.set_setting("unit", "lb")  # what older versions did on every logged set
    files = data_files(db.parent)
    loaded = SettingsFile(path).load(legacy=Legacy.of_store(store))
    assert loaded.settings.unit == "lb"
    assert loaded.sources["unit"] == sf.Source("database", store.path)
    assert loaded.sources["unit"].describe() == "database (legacy)"
    store.close()
    assert data_files(db.parent) == files  # read, never written


def test_the_file_beats_the_database_which_is_then_not_even_asked(path):
    write(path, 'unit = "kg"\n')

    def never(key):
        raise AssertionError("the database was asked")

    loaded = SettingsFile(path).load(legacy=Legacy(never, Path("/x/training.json")))
    assert loaded.settings.unit == "kg" and loaded.sources["unit"].kind == "file"
    write(path, 'unit = "stone"\n')  # a bad value is still the file's: not the database's
    loaded = SettingsFile(path).load_or_defaults(legacy=Legacy(never, Path("/x/training.json")))
    assert loaded.settings.unit == "kg" and loaded.sources["unit"].refused


def test_a_bad_legacy_value_is_ignored_with_a_warning(path):
    loaded = SettingsFile(path).load(legacy=Legacy(lambda key: "stone", Path("/d/training.json")))
    assert loaded.settings.unit == "kg" and loaded.sources["unit"].kind == "default"
    assert loaded.warnings == (
        "database /d/training.json: unit: 'stone' is not allowed (allowed: kg or lb); ignored",
    )
    loaded = SettingsFile(path).load(legacy=Legacy(lambda key: None, None))
    assert loaded.settings.unit == "kg" and loaded.warnings == ()
