"""`tui-tracker config`: see and change the lifter's settings file.

    tui-tracker config [--json]          every setting, its value, and where it comes from
    tui-tracker config set KEY VALUE     check VALUE and write it to the settings file
    tui-tracker config unset KEY         remove KEY from the file: the default applies again
    tui-tracker config path              where the settings file is

The file and its rules live in store/settings_file.py and domain/settings.py; this
module parses, asks them, and prints.  `load_settings` is what other commands use
to read the settings (a bad value: one line, exit 2; a damaged file: exit 3).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any
from collections.abc import Mapping

from .base import EXIT_BAD_INPUT, Parser, json_option, print_json, store_call, subcommand


def register(sub: argparse._SubParsersAction) -> None:
    from ..domain.settings import SPECS

    keys = "\n".join(f"  {s.key:<16} {s.allowed}" for s in SPECS.values())
    cfg = subcommand(
        sub,
        "config",
        help="show or change your settings (unit, theme, keys, plates, rests)",
        description="Show every setting, its value and where it comes from: the settings "
        "file, the database (a unit chosen by an older version) or the default.",
        epilog="settings and what they allow:\n" + keys,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    json_option(cfg)
    cfg.set_defaults(func=cmd_show)
    actions = cfg.add_subparsers(dest="config_command", metavar="ACTION", parser_class=Parser)

    put = actions.add_parser(
        "set",
        help="check a value and write it: config set unit lb",
        epilog="settings and what they allow:\n"
        + keys
        + "\n\nexamples:\n  tui-tracker config set unit lb\n"
        "  tui-tracker config set plates_kg 25,20,15,10,5,2.5,1.25\n"
        "  tui-tracker config set rest_compound 3:00\n"
        "  tui-tracker config set keymap.today.add ctrl+a",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    put.add_argument("key", metavar="KEY", help="a setting, or keymap.ID for one key binding")
    put.add_argument("value", metavar="VALUE", help="its new value (see below)")
    put.set_defaults(func=cmd_set)

    drop = actions.add_parser("unset", help="remove a setting from the file (its default applies)")
    drop.add_argument("key", metavar="KEY", help="a setting, or keymap.ID")
    drop.set_defaults(func=cmd_unset)

    where = actions.add_parser("path", help="print where the settings file is")
    where.set_defaults(func=cmd_path)


def textual_themes() -> frozenset[str]:
    """The theme names the app accepts: Textual's built-in ones (imported only when asked)."""
    from textual.theme import BUILTIN_THEMES

    return frozenset(BUILTIN_THEMES)


def _file():
    from ..store.settings_file import SettingsFile

    return SettingsFile()


def load_settings(store: Any = None):
    """The settings for a command: the file, else the store's legacy unit, else defaults.

    A bad value raises SettingError (one line, exit 2), a damaged file a StoreError
    (exit 3).  Nothing is written, to the file or to the database.
    """
    from ..store.settings_file import Legacy

    legacy = Legacy.of_store(store) if store is not None else None
    return store_call(_file().load, legacy=legacy).settings


def _legacy(args: argparse.Namespace, notes: list[str]):
    """The database's legacy settings, opened only if the file lacks them and it exists.

    `config` must work when the database is missing (it is not created) or damaged
    (a note says so), since that is when a lifter looks at the settings.
    """
    from ..store import StoreError, resolve_db_path
    from ..store.settings_file import Legacy

    path = resolve_db_path(getattr(args, "db", None))
    if not path.is_file():
        return None

    def get(key: str) -> Any:
        from ..store import Store

        try:
            store = Store(path)
        except StoreError as e:
            notes.append(f"{e} Its legacy {key} setting is not shown.")
            return None
        try:
            return store.get_setting(key)
        finally:
            store.close()

    return Legacy(get, path)


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return dict(value)
    return value


def cmd_show(args: argparse.Namespace) -> int:
    from ..domain.settings import SPECS

    settings_file = _file()
    raw = store_call(settings_file.read)  # a damaged file: one line, exit 3, nothing to show
    # Textual's theme names cost a 150-300 ms import: only when there is a theme to check
    themes = textual_themes() if raw.get("theme") else None
    notes: list[str] = []
    loaded = store_call(settings_file.load_or_defaults, themes=themes, legacy=_legacy(args, notes))
    warnings = list(loaded.warnings) + notes
    if args.json:
        out = {
            "file": str(loaded.path),
            "file_exists": loaded.exists,
            "settings": {
                key: {
                    "value": _jsonable(getattr(loaded.settings, key)),
                    "source": loaded.sources[key].kind,
                    "path": str(loaded.sources[key].path) if loaded.sources[key].path else None,
                    "refused": loaded.sources[key].refused,
                    "default": _jsonable(spec.default),
                    "allowed": spec.allowed,
                    "description": spec.why,
                }
                for key, spec in SPECS.items()
            },
            "warnings": warnings,
        }
        print_json(out)
    else:
        _print_table(loaded)
    for line in warnings:
        print(f"tui-tracker: warning: {line}", file=sys.stderr)
    return EXIT_BAD_INPUT if loaded.problems else 0


def _print_table(loaded) -> None:
    from ..domain.settings import SPECS

    state = "" if loaded.exists else " (not created yet: every value is a default)"
    print(f"Settings file: {loaded.path}{state}")
    databases = {s.path for s in loaded.sources.values() if s.kind == "database"}
    for path in sorted(databases):
        print(f"Database:      {path} (its unit setting, from an older version)")
    rows = [("setting", "value", "from")]
    for key, spec in SPECS.items():
        value = getattr(loaded.settings, key)
        source = loaded.sources[key].describe()
        if spec.table and value:
            rows += [(f"{key}.{entry}", keys, source) for entry, keys in value.items()]
        else:
            rows.append((key, "(none)" if spec.table else spec.show(value), source))
    width = [max(len(r[i]) for r in rows) for i in (0, 1)]
    print()
    for key, shown, source in rows:
        print(f"{key:<{width[0]}}  {shown:<{width[1]}}  {source}")


def cmd_set(args: argparse.Namespace) -> int:
    from ..domain.settings import split_key

    spec, entry = split_key(args.key)
    themes = textual_themes() if spec.key == "theme" else None
    settings_file = _file()
    value = store_call(settings_file.set, args.key, args.value, themes=themes)
    shown = value if entry is not None else spec.show(value)
    print(f"{args.key} = {shown}  (saved in {settings_file.path})")
    return 0


def cmd_unset(args: argparse.Namespace) -> int:
    from ..domain.settings import split_key
    from ..store.settings_file import LEGACY_KEYS

    spec, entry = split_key(args.key)
    settings_file = _file()
    removed = store_call(settings_file.unset, args.key)
    if not removed:
        print(f"{args.key} was not set in {settings_file.path}; nothing changed")
    elif entry is not None:
        print(f"{args.key} removed from {settings_file.path}: the app's own key applies")
    elif spec.key in LEGACY_KEYS:
        print(
            f"{args.key} removed from {settings_file.path}: the database's {spec.key} from "
            f"an older version applies if it has one, else the default "
            f"({spec.show(spec.default)})"
        )
    else:
        print(
            f"{args.key} removed from {settings_file.path}: "
            f"the default ({spec.show(spec.default)}) applies"
        )
    return 0


def cmd_path(args: argparse.Namespace) -> int:
    print(_file().path)
    return 0
