"""Changing settings.toml: one key at a time, under its lock, over a file kept whole.

settings_file.py reads the file and says where each value comes from; this is what a
change needs beyond that: the errors a change can meet, the lock (`Locked`, its timeout a
one-line error), the one key changed in the parsed file (`apply_change`, so keys this
version does not know, and another process's change to another key, are kept), and the
temp files of a write killed midway, removed under the lock (`remove_orphans`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from ..domain.settings import to_toml
from .errors import StoreError
from .lock import LockTimeout, ProcessLock
from .paths import TMP_MARK


class SettingsFileUnreadable(StoreError):
    """The settings file does not parse (or is no file at all); it is left as it is."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"Cannot read the settings file {path}: {reason}. It was left as it "
            f"is; fix it in an editor, or move it away to start from the defaults.",
            path,
        )
        self.reason = reason


class SettingsFileNotWritable(StoreError):
    """The settings file or its folder cannot be written."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"Cannot write the settings file {path}: {reason}. Nothing was changed.", path
        )
        self.reason = reason


class _Remove:
    def __repr__(self) -> str:
        return "<remove>"


REMOVE = _Remove()


def apply_change(raw: dict[str, Any], key: str, entry: str | None, value: Any) -> bool:
    """Change `raw` in place; True when it changed."""
    if entry is None:
        if value is REMOVE:
            return raw.pop(key, REMOVE) is not REMOVE
        new = to_toml(key, value)
        if key in raw and raw[key] == new and type(raw[key]) is type(new):
            return False
        raw[key] = new
        return True
    table = raw.get(key)
    if not isinstance(table, dict):
        if value is REMOVE:
            return False
        table = raw[key] = {}  # a bad value in its place is replaced by the table
    if value is REMOVE:
        changed = table.pop(entry, REMOVE) is not REMOVE
        if not table:
            raw.pop(key)
        return changed
    if table.get(entry) == value:
        return False
    table[entry] = value
    return True


def remove_orphans(target: Path) -> None:
    """Temp files of writes killed midway (only this file's own names), under the lock."""
    pattern = re.compile(re.escape(target.name + TMP_MARK) + r"[0-9a-f]+")
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        if pattern.fullmatch(name):
            try:
                os.unlink(target.parent / name)
            except OSError:
                pass


class Locked:
    """`with`: the settings file's lock, its timeout a one-line error."""

    def __init__(self, lock: ProcessLock, path: Path) -> None:
        self.lock, self.path = lock, path

    def __enter__(self) -> None:
        try:
            self.lock.acquire()
        except LockTimeout:
            raise StoreError(
                f"The settings file {self.path} is being changed by another "
                f"tui-tracker (its lock {self.lock.path} is held); try again.",
                self.path,
            ) from None
        except OSError as e:
            raise SettingsFileNotWritable(
                self.path, f"its lock {self.lock.path} cannot be opened ({e.strerror or e})"
            ) from None

    def __exit__(self, *exc: object) -> None:
        self.lock.release()
