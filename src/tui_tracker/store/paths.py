"""Where the database lives and how its companion files are named.

PATH (`--db`, `TUI_TRACKER_DB`, or the user's data folder) names the main file.
Everything else sits beside it and is named after it:

    training.json                        settings, the lifter's exercises, meta
    training.sessions-2026-11.json       that month's sessions, each holding its sets
    training.sessions-2026-11.json.log   sets added to its sessions since (setlog.py)
    training.json.lock                   the cross-process lock
    training.json.tmp-<12 hex>           a write in progress (an orphan after a crash)
    training.json.v1.bak                 copy kept before migrating from schema 1
    training.sessions-2026.json.v1.bak   a yearly file of schema 1, kept when it was split
    training.json.unreadable-<UTC time>  copy kept of a file (or set log) that could not be read

Only those temp names are ever removed as orphans: a file the lifter keeps beside the
database (`training.json.mybackup.tmp-1`) or an export being written into the same
folder (`<name>.export-tmp-<hex>`, see storage.EXPORT_TMP_MARK) never matches.

Nothing here creates a file: the Store creates the folder, lock and main file at its
first write, so a command that only reads, or is refused, leaves no trace.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from datetime import date
from pathlib import Path

from ..domain.inputs import InputError
from .errors import StoreError

APP_NAME = "tui-tracker"
DB_FILENAME = "training.json"
ENV_VAR = "TUI_TRACKER_DB"
TMP_MARK = ".tmp-"
#: Hex digits after TMP_MARK in the temp files the store writes (secrets.token_hex(6)).
TMP_HEX_DIGITS = 12

DIR_MODE = 0o700
FILE_MODE = 0o600


def default_db_path() -> Path:
    """`training.json` in the user's data folder (XDG_DATA_HOME on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


class DatabasePathError(InputError):
    """A --db / $TUI_TRACKER_DB value that cannot name a file (bad input: exit 2)."""


def resolve_db_path(cli_value: str | None) -> Path:
    """`--db` beats `$TUI_TRACKER_DB`, which beats the default.

    DatabasePathError when the value cannot name a file: `~nosuchuser/...`, or a name
    ending in a slash (a folder).  What is on disk there is the Store's to check.
    """
    for source, value in (("--db", cli_value), (ENV_VAR, os.environ.get(ENV_VAR))):
        if value is not None and value.strip():
            text = value.strip()
            if text.endswith(("/", os.sep)):
                raise DatabasePathError(
                    f"{source} {text!r} names a folder: give a file name, "
                    f"e.g. {os.path.join(text, DB_FILENAME)}"
                )
            try:
                return Path(os.path.abspath(Path(text).expanduser()))
            except RuntimeError:  # Path.expanduser: "Could not determine home directory."
                user = text[1:].split(os.sep, 1)[0]
                raise DatabasePathError(
                    f"{source} {text!r}: ~{user} is no home folder (there is no user {user!r})"
                ) from None
    return default_db_path()


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def not_a_file(mode: int) -> str | None:
    """What a non-regular file is ("a named pipe (FIFO)"), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def database_path(path: Path | str) -> Path:
    """The absolute path of the main file, symlinks followed, checked before any use.

    StoreError (the file problem, exit 3) when nothing can be a database there: a
    symlink loop, a folder, a FIFO or device (opening a FIFO would wait forever for a
    writer), a path through a file.  A path that does not exist yet is fine: the first
    write creates it.
    """
    raw = Path(path)
    try:
        resolved = raw.expanduser().resolve()
    except RuntimeError as e:  # Python 3.11: "Symlink loop from ...", or an unknown ~user
        reason = "it is a symlink loop" if "loop" in str(e) else str(e).rstrip(".")
        raise StoreError(f"Cannot open the training database {raw}: {reason}.", raw) from None
    except OSError as e:  # newer Pythons: ELOOP as an OSError
        if e.errno == errno.ELOOP:
            raise StoreError(
                f"Cannot open the training database {raw}: it is a symlink loop.", raw
            ) from None
        raise StoreError(
            f"Cannot open the training database {raw}: {e.strerror or e}.", raw
        ) from None
    try:
        st = os.stat(resolved)
    except FileNotFoundError:
        return resolved
    except NotADirectoryError:
        blocker = next(
            (p for p in reversed(resolved.parents) if p.exists() and not p.is_dir()),
            resolved.parent,
        )
        raise StoreError(
            f"Cannot open the training database {raw}: {blocker} is a file, not a folder.", raw
        ) from None
    except (OSError, ValueError) as e:
        reason = getattr(e, "strerror", None) or str(e)
        raise StoreError(f"Cannot open the training database {raw}: {reason}.", raw) from None
    kind = not_a_file(st.st_mode)
    if kind == "a folder":
        raise StoreError(
            f"The training database {raw} is a folder: give a file name, e.g. {raw / DB_FILENAME}.",
            raw,
        )
    if kind is not None:
        shown = raw if resolved == raw else f"{raw} (-> {resolved})"
        raise StoreError(
            f"Cannot use {shown} as the training database: it is {kind}, not a regular file.", raw
        )
    return resolved


def month_of(day: date) -> int:
    """Which sessions file `day` belongs in, as a number that sorts: 202611 for Nov 2026.

    One file per month, not per year: a commit rewrites the whole file of its
    month, and a heavy lifter's year (1.25 MB) took 3-6 ms to serialise alone.
    """
    return day.year * 100 + day.month


def month_path(main: Path, month: int) -> Path:
    """`training.sessions-2026-11.json` beside `training.json`."""
    return main.with_name(f"{main.stem}.sessions-{month // 100:04d}-{month % 100:02d}.json")


def yearly_path(main: Path, year: int) -> Path:
    """`training.sessions-2026.json`: where schema 1 kept a whole year (split on open)."""
    return main.with_name(f"{main.stem}.sessions-{year:04d}.json")


def lock_path(main: Path) -> Path:
    return main.with_name(main.name + ".lock")


def _sessions_re(main: Path) -> re.Pattern[str]:
    """A sessions file, monthly (year, month) or yearly (year, None)."""
    return re.compile(re.escape(main.stem) + r"\.sessions-(\d{4})(?:-(\d{2}))?\.json")


def _sessions_files(main: Path, monthly: bool) -> dict[int, Path]:
    pattern = _sessions_re(main)
    found: dict[int, Path] = {}
    try:
        names = os.listdir(main.parent)
    except FileNotFoundError:
        return found
    for name in names:
        m = pattern.fullmatch(name)
        if m and (m.group(2) is not None) == monthly:
            key = int(m.group(1)) * 100 + int(m.group(2)) if monthly else int(m.group(1))
            found[key] = main.parent / name
    return dict(sorted(found.items()))


def month_files(main: Path) -> dict[int, Path]:
    """The monthly session files that exist beside `main`, by month_of key, oldest first."""
    return _sessions_files(main, monthly=True)


def yearly_files(main: Path) -> dict[int, Path]:
    """Yearly session files of schema 1 beside `main`, by year (none once split)."""
    return _sessions_files(main, monthly=False)


def temp_files(main: Path) -> list[Path]:
    """Temp files left by writes to this database's own files (and nothing else).

    Exactly `<file>.tmp-<12 hex>` where <file> is one the store writes: the main file, a
    monthly or yearly sessions file, or a copy it keeps (`.v1.bak`, `.unreadable-<time>`,
    with its `-N` when there were several, also of a month's set log).  A set log itself
    is appended to in place: it has no temp file.
    """
    data = rf"(?:{re.escape(main.name)}|{_sessions_re(main).pattern}(?:\.log)?)"
    kept = r"(?:\.v\d+\.bak|\.unreadable-\d{8}T\d{6}Z)(?:-\d+)?"
    pattern = re.compile(rf"{data}(?:{kept})?{re.escape(TMP_MARK)}[0-9a-f]{{{TMP_HEX_DIGITS}}}")
    try:
        names = os.listdir(main.parent)
    except FileNotFoundError:
        return []
    return [main.parent / n for n in names if pattern.fullmatch(n)]


def ensure_folder(folder: Path) -> None:
    """Create the folder and any missing parents, each 0700 whatever the umask.

    An existing folder is left as it is.  The data folder holds the whole history (a
    gym laptop is shared), and a parent made by os.makedirs would get the umask's mode
    (0777 under umask 0).
    """
    missing: list[Path] = []
    p = folder
    while not p.is_dir():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for p in reversed(missing):
        try:
            os.mkdir(p, DIR_MODE)
        except FileExistsError:
            if p.is_dir():  # another process made it meanwhile
                continue
            raise
        os.chmod(p, DIR_MODE)  # mkdir applied the umask
