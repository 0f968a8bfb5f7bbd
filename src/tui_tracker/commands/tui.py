"""Starting the TUI: checks before the screen takes over the terminal, then the app."""

from __future__ import annotations

import argparse
import os
import sys

from .base import CliError, clock_of, open_store

#: Textual's built-in themes (textual is pinned exactly; tests/test_odd_input.py checks this
#: list against it).  Written out so `--help` can list them without importing Textual.
THEMES = (
    "ansi-dark",
    "ansi-light",
    "atom-one-dark",
    "atom-one-light",
    "catppuccin-frappe",
    "catppuccin-latte",
    "catppuccin-macchiato",
    "catppuccin-mocha",
    "dracula",
    "flexoki",
    "gruvbox",
    "monokai",
    "nord",
    "rose-pine",
    "rose-pine-dawn",
    "rose-pine-moon",
    "solarized-dark",
    "solarized-light",
    "textual-dark",
    "textual-light",
    "tokyo-night",
)


def check_theme(name: str | None) -> None:
    """An unknown theme is bad input, said before the app takes the terminal (Textual
    would end in a traceback)."""
    if name is not None and name not in THEMES:
        raise CliError(f"there is no theme {name!r}; the themes are: {', '.join(THEMES)}")


def _check_readable(store, today) -> None:
    """Read what the first frame needs before the screen takes over the terminal, so a
    damaged file is one clear line and exit 3, not a crash inside the app."""
    from datetime import timedelta

    store.mesocycles()
    store.custom_exercises()  # what catalogue() reads, without building its search index
    store.open_session(today)
    store.open_session(today - timedelta(days=1))


def run_tui(args: argparse.Namespace) -> int:
    check_theme(args.theme)
    if not sys.stdin.isatty() and not os.environ.get("TEXTUAL_DRIVER"):
        raise CliError(
            "the app needs a terminal (stdin is not a tty); to log without one, use "
            "'tui-tracker log EXERCISE 100x5@2', 'tui-tracker volume' or "
            "'tui-tracker exercises'"
        )
    from ..startup import pause_gc, resume_gc

    pause_gc()  # until the first frame is out (the app resumes it): see startup.py
    try:
        return _start_app(args)
    finally:
        resume_gc()  # had the app ended before its first frame


def _start_app(args: argparse.Namespace) -> int:
    store = open_store(args, create=True)
    clock = clock_of(args)
    _check_readable(store, clock.today())
    from ..store.settings_file import Legacy, SettingsFile

    # Never fatal for the app: a bad settings file is reported on screen, defaults used.
    settings = SettingsFile().load_or_defaults(legacy=Legacy.of_store(store))
    theme = args.theme or settings.settings.theme or None
    if theme:
        os.environ["TEXTUAL_THEME"] = theme
    from ..ui.app import TrackerApp

    app = TrackerApp(store=store, clock=clock, theme_name=theme, settings=settings)
    app.run(mouse=not args.no_mouse)
    store.close()
    return app.return_code or 0
