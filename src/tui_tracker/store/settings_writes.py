"""Writing the settings file: one key changed under its lock, the file written whole.

Apart from settings_file.py because every start reads the file and only `config set`
and the first start's answers write it: a start does not load the TOML writer.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.settings import split_key, to_toml
from . import toml_writer
from .errors import StoreError
from .lock import LockTimeout, ProcessLock
from .paths import FILE_MODE, TMP_MARK, ensure_folder
from .settings_file import SettingsFileNotWritable
from .storage import UnconfirmedWrite, atomic_write

if TYPE_CHECKING:
    from .settings_file import SettingsFile

HEADER = """tui-tracker settings: see `tui-tracker config` for every key, its value and why.
Change them with `tui-tracker config set KEY VALUE` (or edit this file: it is TOML).
Written by tui-tracker: comments and layout are not kept."""


def change(file: SettingsFile, name: str, value: Any) -> bool:
    """Set (or, with REMOVE, remove) one key under the file's lock; True when it changed.

    The file is read again under the lock, so what other processes wrote is kept."""
    spec, entry = split_key(name)
    target = _target(file.path)
    with _locked(file, target):
        raw = file.read()
        changed = _apply(raw, spec.key, entry, value)
        if changed:
            _write(file.path, target, raw)
    return changed


def _target(path: Path) -> Path:
    """The file to replace: the link's target when settings.toml is a symlink."""
    if path.is_symlink():
        try:
            return Path(os.path.realpath(path, strict=True))
        except (OSError, RuntimeError) as e:
            raise SettingsFileNotWritable(
                path,
                f"its symlink cannot be followed ({getattr(e, 'strerror', None) or e})",
            ) from e
    return path


def _locked(file: SettingsFile, target: Path) -> _Locked:
    try:
        ensure_folder(target.parent)
    except OSError as e:
        raise SettingsFileNotWritable(
            file.path, f"its folder cannot be created ({e.strerror or e})"
        ) from None
    lock = ProcessLock(
        str(target.with_name(target.name + ".lock")), timeout=file.lock_timeout, mode=FILE_MODE
    )
    return _Locked(lock, file.path)


def _write(path: Path, target: Path, raw: dict[str, Any]) -> None:
    payload = toml_writer.dumps(raw, HEADER).encode("utf-8")
    _remove_orphans(target)
    try:
        atomic_write(target, payload)
    except UnconfirmedWrite as e:
        raise StoreError(
            f"The settings file {path} was written, but the disk did not "
            f"confirm it ({e.strerror or e}).",
            path,
        ) from None
    except OSError as e:
        raise SettingsFileNotWritable(path, e.strerror or str(e)) from None


class _Remove:
    def __repr__(self) -> str:
        return "<remove>"


#: `change`'s value that removes the key
REMOVE = _Remove()


def _apply(raw: dict[str, Any], key: str, entry: str | None, value: Any) -> bool:
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


def _remove_orphans(target: Path) -> None:
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


class _Locked:
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
