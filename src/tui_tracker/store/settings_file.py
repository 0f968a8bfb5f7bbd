"""The lifter's settings file: `settings.toml` in the config folder.

    ~/.config/tui-tracker/settings.toml      (XDG_CONFIG_HOME on Linux; $TUI_TRACKER_CONFIG wins)

Read with tomllib.  Written whole: a temp file beside it (0600), fsynced, renamed
over it, the folder fsynced, as the database is; the folder is created 0700.
Every change takes a flock on `settings.toml.lock`, re-reads the file under it
and changes only its own key, so two processes setting different keys keep both,
and keys this version does not know are kept.  Comments are not (the file says so).
The writing half is store/settings_writes.py (a start only reads).
A symlinked file (dotfiles) is written through the link, never replaced by a copy.

Where a value comes from: the file, else (for `unit` only) the value older
versions kept in the database's `settings` table, else the default.  Nothing here
writes the database: a unit chosen in one process never flips another's.

Two ways to load, for two kinds of caller:

* `load()`: the command line.  A damaged file raises SettingsFileUnreadable (a
  StoreError: exit 3); a bad value raises SettingError naming the file, the key and
  what is allowed (an InputError: exit 2).
* `load_or_defaults()`: the TUI.  Never raises for the file: a damaged file gives the
  defaults, a bad value its default, each with a warning line to show.
"""

from __future__ import annotations

import errno
import os
import stat
import tomllib
from dataclasses import field
from pathlib import Path
from typing import Any, Literal
from collections.abc import Callable, Collection, Mapping

from ..domain.settings import (
    SPECS,
    Known,
    SettingError,
    Settings,
    brief,
    check_all,
    check_value,
    parse_value,
    settings_from,
    split_key,
    to_toml,
)
from .errors import StoreError
from .paths import APP_NAME
from ..domain.values import frozen

CONFIG_ENV = "TUI_TRACKER_CONFIG"
FILENAME = "settings.toml"
#: Settings older versions kept in the database, read from there while the file lacks them.
LEGACY_KEYS = ("unit",)
LOCK_TIMEOUT = 10.0
MAX_BYTES = 1024 * 1024  # a settings file is a few hundred bytes; this is something else
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO at the path must not hang the read (POSIX)


def default_settings_path() -> Path:
    """`settings.toml` in the user's config folder (XDG_CONFIG_HOME on Linux)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / FILENAME


def resolve_settings_path(explicit: str | Path | None = None) -> Path:
    """An explicit path (tests), else `$TUI_TRACKER_CONFIG`, else the config folder's."""
    for value in (explicit, os.environ.get(CONFIG_ENV)):
        if value is not None and str(value).strip():
            return Path(os.path.abspath(Path(str(value).strip()).expanduser()))
    return default_settings_path()


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


@frozen
class Source:
    """Where one setting's value comes from."""

    kind: Literal["default", "file", "database"]
    path: Path | None = None
    refused: bool = False  # the file holds a bad value for it, so the default applies

    def describe(self) -> str:
        if self.refused:
            return "default (the file's value is refused)"
        if self.kind == "default":
            return "default"
        if self.kind == "file":
            return "settings file"
        return "database (legacy)"


DEFAULT = Source("default")


@frozen
class Legacy:
    """Settings an older version kept in the database: `get(key)` returns one or None.

    `get` is called only for a legacy key the file lacks, so a database is opened
    (or read) only when it matters.
    """

    get: Callable[[str], Any]
    path: Path | None = None

    @classmethod
    def of_store(cls, store: Any) -> Legacy:
        """From an open Store: its `settings` table, read and never written."""
        return cls(lambda key: store.get_setting(key), Path(store.path))


@frozen
class Loaded:
    """The settings to use, where each came from, and what a lifter should be told."""

    settings: Settings
    sources: Mapping[str, Source]
    path: Path
    exists: bool
    warnings: tuple[str, ...] = ()  # bad values replaced by defaults, unknown keys, ...
    problems: tuple[SettingError, ...] = field(default=(), repr=False)


class SettingsFile:
    """One settings file: read it, or change one key of it under its lock."""

    def __init__(self, path: str | Path | None = None, *, lock_timeout: float = LOCK_TIMEOUT):
        self.path = resolve_settings_path(path)
        self.lock_timeout = lock_timeout

    # --- reading --------------------------------------------------------------------------

    def read(self) -> dict[str, Any]:
        """The file's TOML as a dict ({} when there is no file); never creates anything."""
        try:
            fd = os.open(self.path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            return {}
        except OSError as e:
            if e.errno == errno.ELOOP:
                raise SettingsFileUnreadable(self.path, "it is a symlink loop") from None
            raise SettingsFileUnreadable(self.path, e.strerror or str(e)) from None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):  # a folder, a FIFO (would hang), a device
                raise SettingsFileUnreadable(self.path, "it is not a regular file")
            if st.st_size > MAX_BYTES:
                raise SettingsFileUnreadable(
                    self.path, f"it is {st.st_size} bytes, too big for a settings file"
                )
            raw = b""
            while chunk := os.read(fd, 65536):
                raw += chunk
        except OSError as e:
            raise SettingsFileUnreadable(self.path, e.strerror or str(e)) from None
        finally:
            os.close(fd)
        try:
            return tomllib.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as e:
            raise SettingsFileUnreadable(
                self.path, f"it is not UTF-8 text (byte {e.start})"
            ) from None
        except tomllib.TOMLDecodeError as e:
            raise SettingsFileUnreadable(self.path, f"it is not valid TOML: {e}") from None

    def load(
        self, *, themes: Collection[str] | None = None, legacy: Legacy | None = None
    ) -> Loaded:
        """For the command line: the first bad value is an error naming the file and key."""
        raw = self.read()
        checked = check_all(raw, Known(themes))
        if checked.problems:
            raise checked.problems[0].located(str(self.path))
        return self._loaded(raw, checked.values, (), legacy)

    def load_or_defaults(
        self, *, themes: Collection[str] | None = None, legacy: Legacy | None = None
    ) -> Loaded:
        """For the TUI: never raises for the file; what went wrong is in `warnings`."""
        try:
            raw = self.read()
        except SettingsFileUnreadable as e:
            return self._loaded({}, {}, (f"{e} Using the default settings.",), legacy)
        checked = check_all(raw, Known(themes))
        warnings = tuple(
            f"{e.located(str(self.path))}; using the default" for e in checked.problems
        )
        return self._loaded(raw, checked.values, warnings, legacy, checked.problems)

    def _loaded(
        self,
        raw: Mapping[str, Any],
        values: Mapping[str, Any],
        warnings: tuple[str, ...],
        legacy: Legacy | None,
        problems: tuple[SettingError, ...] = (),
    ) -> Loaded:
        values = dict(values)
        sources = {key: Source("file", self.path) if key in values else DEFAULT for key in SPECS}
        for problem in problems:
            sources[problem.key] = Source("default", self.path, refused=True)
        notes = list(warnings)
        for key in raw:
            if key not in SPECS:
                notes.append(
                    f"settings file {self.path}: unknown setting {brief(key)} is "
                    f"ignored (known: {', '.join(SPECS)})"
                )
        if legacy is not None:
            for key in LEGACY_KEYS:
                if key in raw:  # the file has it (even a bad value): the database is not asked
                    continue
                value = legacy.get(key)
                if value is None:
                    continue
                try:
                    values[key] = check_value(key, value)
                except SettingError as e:
                    notes.append(f"database {legacy.path}: {e}; ignored")
                    continue
                sources[key] = Source("database", legacy.path)
        return Loaded(
            settings_from(values),
            sources,
            self.path,
            bool(raw) or self.exists(),
            tuple(notes),
            problems,
        )

    def exists(self) -> bool:
        return os.path.lexists(self.path)

    # --- writing ----------------------------------------------------------------------------

    def set(self, name: str, text: str, *, themes: Collection[str] | None = None) -> Any:
        """`config set NAME TEXT`: check the text, write it, return the normalised value."""
        value = parse_value(name, text, Known(themes))
        self._change(name, value)
        return value

    def set_value(self, name: str, value: Any, *, themes: Collection[str] | None = None) -> Any:
        """Write an already typed value (the TUI's own choices), checked first."""
        spec, entry = split_key(name)
        if entry is not None:
            value = parse_value(name, value, Known(themes))
        else:
            value = check_value(spec.key, to_toml(spec.key, value), Known(themes))
        self._change(name, value)
        return value

    def unset(self, name: str) -> bool:
        """Remove a key (or one `keymap.ID`) from the file; False if it was not there."""
        split_key(name)  # an unknown key is an error, not a silent no-op
        from .settings_writes import REMOVE

        return self._change(name, REMOVE)

    def _change(self, name: str, value: Any) -> bool:
        from .settings_writes import change  # the writing half: reading never loads it

        return change(self, name, value)


__all__ = [
    "CONFIG_ENV",
    "LEGACY_KEYS",
    "Legacy",
    "Loaded",
    "SettingsFile",
    "SettingsFileNotWritable",
    "SettingsFileUnreadable",
    "Source",
    "default_settings_path",
    "resolve_settings_path",
]
