"""Where the database lives and how its companion files are named.

PATH (`--db`, `TUI_TRACKER_DB`, or the user's data folder) names the main file.
Everything else sits beside it and is named after it:

    training.json                        settings, the lifter's exercises, meta
    training.sessions-2026.json          that year's sessions, each holding its sets
    training.json.lock                   the cross-process lock
    training.json.tmp-<hex>              a write in progress (an orphan after a crash)
    training.json.v1.bak                 copy kept before migrating from schema 1
    training.json.unreadable-<UTC time>  copy kept of a file that could not be read
"""

from __future__ import annotations

import os
import re
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


def year_path(main: Path, year: int) -> Path:
    """`training.sessions-2026.json` beside `training.json`."""
    return main.with_name(f"{main.stem}.sessions-{year:04d}.json")


def lock_path(main: Path) -> Path:
    return main.with_name(main.name + ".lock")


def _year_re(main: Path) -> re.Pattern[str]:
    return re.compile(re.escape(main.stem) + r"\.sessions-(\d{4})\.json")


def year_files(main: Path) -> dict[int, Path]:
    """The yearly session files that exist beside `main`, by year."""
    pattern = _year_re(main)
    found: dict[int, Path] = {}
    try:
        names = os.listdir(main.parent)
    except FileNotFoundError:
        return found
    for name in names:
        m = pattern.fullmatch(name)
        if m:
            found[int(m.group(1))] = main.parent / name
    return dict(sorted(found.items()))


def temp_files(main: Path) -> list[Path]:
    """Temp files left by writes to this database (and only this one)."""
    data_re = _year_re(main).pattern + "|" + re.escape(main.name)
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
