"""Where the database lives and how its companion files are named.

PATH (`--db`, `TUI_TRACKER_DB`, or the user's data folder) names the main file.
Everything else sits beside it and is named after it:

    training.json                        settings, the lifter's exercises, meta
    training.sessions-2026-11.json       that month's sessions, each holding its sets
    training.json.lock                   the cross-process lock
    training.json.tmp-<hex>              a write in progress (an orphan after a crash)
    training.json.v1.bak                 copy kept before migrating from schema 1
    training.sessions-2026.json.v1.bak   a yearly file of schema 1, kept when it was split
    training.json.unreadable-<UTC time>  copy kept of a file that could not be read
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

APP_NAME = "tui-tracker"
DB_FILENAME = "training.json"
ENV_VAR = "TUI_TRACKER_DB"
TMP_MARK = ".tmp-"

DIR_MODE = 0o700
FILE_MODE = 0o600


def default_db_path() -> Path:
    """`training.json` in the user's data folder (XDG_DATA_HOME on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_path(cli_value: str | None) -> Path:
    """`--db` beats `$TUI_TRACKER_DB`, which beats the default."""
    for value in (cli_value, os.environ.get(ENV_VAR)):
        if value is not None and value.strip():
            return Path(os.path.abspath(Path(value.strip()).expanduser()))
    return default_db_path()


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
    """Temp files left by writes to this database (and only this one)."""
    data_re = _sessions_re(main).pattern + "|" + re.escape(main.name)
    pattern = re.compile(rf"(?:{data_re})(?:\.[\w.-]+?)?{re.escape(TMP_MARK)}[0-9a-f]+")
    try:
        names = os.listdir(main.parent)
    except FileNotFoundError:
        return []
    return [main.parent / n for n in names if pattern.fullmatch(n)]


def ensure_folder(folder: Path) -> None:
    """Create the folder (0700) if missing; an existing folder is left as it is."""
    if folder.is_dir():
        return
    os.makedirs(folder, mode=DIR_MODE, exist_ok=True)
    # makedirs applies the umask: the data folder itself must be private
    # (a gym laptop is shared).  Parents it created keep the default mode.
    os.chmod(folder, DIR_MODE)
