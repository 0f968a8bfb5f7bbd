"""The Textual application: theme, terminal-size checks, hang-ups, command palette."""

from __future__ import annotations

import os
from typing import Iterable

from textual.app import App, SystemCommand
from textual.driver import Driver
from textual.screen import Screen

from .hang_up import HangUpGuard
from .today import ACTIONS, TodayScreen


class TrackerApp(App):
    """tui-tracker's TUI.  The store and clock are handed in, so tests pin both."""

    CSS_PATH = "app.tcss"
    TITLE = "tui-tracker"
    ENABLE_COMMAND_PALETTE = True
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]

    def __init__(self, store, clock, theme_name: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self._theme_name = theme_name
        self.hang_up_guard = HangUpGuard(leave=self.exit, commit_lock=self._store_commit_lock)

    def on_mount(self) -> None:
        if self._theme_name:
            self.theme = self._theme_name
        if "web_driver" in os.environ.get("TEXTUAL_DRIVER", ""):
            # A browser tab's app (tui-tracker serve): if the server dies without telling
            # us (kill -9), stdin just ends and nobody would ever quit this process.
            self._server_pid = os.getppid()
            self.set_interval(2, self._check_server)

    def get_default_screen(self) -> Screen:
        """Today is the bottom screen: no blank default screen composed first and left."""
        return TodayScreen(self.store, self.clock)

    def _check_server(self) -> None:
        if os.getppid() != self._server_pid:  # re-parented: the server is gone
            self.exit()

    # --- hang-up (a dropped SSH link, tmux kill-pane): see hang_up.py ------------------

    def on_load(self) -> None:
        # Set on Load, before the terminal is taken over: the Today screen can be on it
        # before the app's own on_mount runs, and a hang-up then must not kill the process.
        self.hang_up_guard.listen()

    def on_unmount(self) -> None:
        self.hang_up_guard.stop_listening()

    def get_driver_class(self) -> type[Driver]:
        """In a terminal, Textual's driver made safe for a terminal that vanishes."""
        driver_class = super().get_driver_class()
        if driver_class.__module__ == "textual.drivers.linux_driver":
            from .terminal_driver import TerminalDriver

            return TerminalDriver
        return driver_class

    def _store_commit_lock(self):
        """The store's thread lock, held for the whole of every read and commit: the
        safety net takes it so that it never ends the process inside a commit.  (The Store
        has no public handle on it yet.)"""
        return getattr(self.store, "_mutex", None)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every Today action in the palette (ctrl+p), with its key."""
        yield from super().get_system_commands(screen)
        if isinstance(screen, TodayScreen):
            for key, action, _label, _show, title, help_text in ACTIONS:
                if action == "quit" or screen.check_action(action, ()) is not True:
                    continue
                key_name = "+" if key == "plus" else key
                yield SystemCommand(f"{title} ({key_name})", help_text, getattr(screen, f"action_{action}"))
