"""The Textual application: theme, terminal-size checks, hang-ups, command palette."""

from __future__ import annotations

import os
from textual import events
from textual.app import App
from textual.content import Content
from textual.driver import Driver
from textual.screen import Screen

from ..domain.settings import Settings
from ..domain.text import clean_text
from ..startup import resume_gc
from ..store import StoreError
from ..store.settings_file import Loaded
from ..store.store import StoreBusy
from .commands import ScreenCommands
from .hang_up import EXIT_HUNG_UP, HangUpGuard
from .today import TodayScreen
from .trouble import KeepsRunning, is_fatal


#: Seconds the screen's thread waits for a database another process holds (a commit
#: takes milliseconds; longer means an import or a stuck session).
SCREEN_PATIENCE = 0.5


class TrackerApp(KeepsRunning, App):
    """tui-tracker's TUI.  The store and clock are handed in, so tests pin both."""

    CSS_PATH = "app.tcss"
    TITLE = "tui-tracker"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {ScreenCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]

    def __init__(
        self, store, clock, theme_name: str | None = None, settings: Loaded | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self._theme_name = theme_name
        self.loaded = settings
        #: the lifter's settings (settings.toml), defaults when there is no file
        self.settings: Settings = settings.settings if settings else Settings()
        #: The first file the app met that it must not go on using (ui/trouble.py): the
        #: app then leaves with exit code 3 however it is left (q in the dialog, or
        #: after Esc, q on Today or ctrl+q), so a script never takes the run for a good one.
        self.damaged: StoreError | None = None
        self.hang_up_guard = HangUpGuard(leave=self._hung_up, commit_lock=self._store_commit_lock)
        # The screen's thread never waits long for a database another process holds: keys
        # must not freeze.  A set that meets a busy database waits in the background.
        store.set_patience(SCREEN_PATIENCE)

    def on_mount(self) -> None:
        if self._theme_name:
            if self._theme_name in self.available_themes:
                self.theme = self._theme_name
            else:
                self.notify(
                    Content(
                        f"Theme {self._theme_name!r} is not one of: "
                        f"{', '.join(sorted(self.available_themes))}."
                    ).markup,
                    title="Settings",
                    severity="warning",
                    timeout=10,
                )
        if self.settings.keymap:
            self.set_keymap(dict(self.settings.keymap))
        for warning in self.loaded.warnings if self.loaded else ():
            self.notify(Content(warning).markup, title="Settings", severity="warning", timeout=10)
        self.call_after_refresh(self.first_start_notices)
        self.call_after_refresh(resume_gc)  # paused by the command line until now
        if "web_driver" in os.environ.get("TEXTUAL_DRIVER", ""):
            # A browser tab's app (tui-tracker serve): if the server dies without telling
            # us (kill -9), stdin just ends and nobody would ever quit this process.  The
            # server names itself (it may have died before this app even started).
            named = os.environ.get("TUI_TRACKER_SERVER_PID", "")
            self._server_pid = int(named) if named.isdigit() else None
            self._parent_pid = os.getppid()
            self._check_server()
            self.set_interval(2, self._check_server)

    async def on_event(self, event: events.Event) -> None:
        # A paste can carry escape sequences (a name copied from a web page); our own
        # fields clean what they hold, and this covers Textual's (the palette's search).
        if isinstance(event, events.Paste) and not event.is_forwarded:
            event.text = clean_text(event.text, multiline=True)
        await super().on_event(event)

    def get_default_screen(self) -> Screen:
        """Today is the bottom screen: no blank default screen composed first and left."""
        return TodayScreen(self.store, self.clock, self.settings)

    def _check_server(self) -> None:
        """Quit when the server that started this tab is gone (or we were re-parented)."""
        gone = os.getppid() != self._parent_pid
        if self._server_pid is not None:
            try:
                os.kill(self._server_pid, 0)
            except ProcessLookupError:
                gone = True
            except PermissionError:  # alive, someone else's: pid reused, the server is gone
                gone = True
        if gone:
            self.exit()

    # --- the first start and the advice's sources: see about.py --------------------------

    def first_start_notices(self) -> None:
        """Until answered: the health notice, then the training status question, each
        answer saved in the settings file.  Shown only when there is a settings file to
        remember the answers in (the command line always gives the app one) and it reads:
        a damaged file may hold the answers, and could not take new ones."""
        from ..domain.sources import notices_due

        if self.loaded is None or not notices_due(self.settings):
            return
        from ..store.settings_file import SettingsFile
        from .about import HealthNotice, TrainingStatusQuestion

        try:
            SettingsFile(self.loaded.path).read()
        except StoreError:
            return
        due = list(notices_due(self.settings))

        def remember(key: str, value) -> None:
            from dataclasses import replace

            try:
                SettingsFile(self.loaded.path).set_value(key, value)  # type: ignore[union-attr]
            except StoreError as error:
                self.notify(Content(str(error)).markup, title="Not saved", severity="error")
            self.settings = replace(self.settings, **{key: value})
            for screen in self.screen_stack:  # Today was made before the answer
                if isinstance(screen, TodayScreen):
                    screen.settings_changed(self.settings)

        def health_read(read: bool | None) -> None:
            if read:
                remember("health_notice_read", True)
            next_notice()

        def status_given(status: str | None) -> None:
            if status:
                remember("training_status", status)
            next_notice()

        def next_notice() -> None:
            if due:
                notice = due.pop(0)
                self.push_screen(
                    HealthNotice(health_read)
                    if notice == "health"
                    else TrainingStatusQuestion(status_given)
                )

        next_notice()

    def action_about(self) -> None:
        from .about import AboutScreen

        self.push_screen(AboutScreen())

    # --- hang-up (a dropped SSH link, tmux kill-pane): see hang_up.py ------------------

    def on_load(self) -> None:
        # Set on Load, before the terminal is taken over: the Today screen can be on it
        # before the app's own on_mount runs, and a hang-up then must not kill the process.
        self.hang_up_guard.listen()

    def on_unmount(self) -> None:
        self.hang_up_guard.stop_listening()

    def _hung_up(self) -> None:
        """Leave with the hang-up's exit code (129), the one the safety net ends with too:
        however the app goes after a hang-up, the code says the terminal went."""
        self.exit(return_code=EXIT_HUNG_UP)

    def get_driver_class(self) -> type[Driver]:
        """In a terminal, Textual's driver made safe for a terminal that vanishes; in a
        browser tab, the web driver; both with the paste-safe parser (paste_parser.py)."""
        driver_class = super().get_driver_class()
        if driver_class.__module__ == "textual.drivers.linux_driver":
            from .terminal_driver import TerminalDriver

            return TerminalDriver
        if driver_class.__module__ == "textual.drivers.web_driver":
            from .browser_driver import BrowserDriver

            return BrowserDriver
        return driver_class

    def _store_commit_lock(self):
        """The store's commit lock: the safety net takes it so that it never ends the
        process inside a commit."""
        return self.store.commit_lock

    # --- store errors (ui/trouble.py) ---------------------------------------------------

    def store_problem(self, error: StoreError, not_saved: str = "") -> None:
        """Show a store error: a dialog for a file the app cannot go on with, else a notice.

        `not_saved` says what the key that met it did not save ("NOT saved: Barbell
        Back Squat 80 kg x 6 @2"): the dialog shows it with the store's message."""
        if is_fatal(error):
            from .store_problem import StoreProblem

            if self.damaged is None:
                self.damaged = error
            shown = [s for s in self.screen_stack if isinstance(s, StoreProblem)]
            if not shown:
                self.push_screen(StoreProblem(error, not_saved))
            elif not_saved:
                shown[0].also_not_saved(not_saved)
        elif isinstance(error, StoreBusy):
            self.notify(
                Content(f"{error} Try again in a moment.").markup,
                title="Database busy",
                severity="warning",
                timeout=10,
            )
        else:
            self.notify(Content(str(error)).markup, title="Not saved", severity="error", timeout=10)

    def exit(self, result=None, return_code: int = 0, message=None) -> None:
        """Leave; after a damaged or newer database, with exit code 3 and its message
        (README: "When the database is busy or damaged") unless a code is given."""
        if return_code == 0 and self.damaged is not None:
            return_code = 3
            message = message or Content(f"tui-tracker: error: {self.damaged}")
        super().exit(result, return_code, message)

    def _handle_exception(self, error: Exception) -> None:
        """A store error that escaped every screen is shown like any other, never a
        traceback (the guards in ui/trouble.py catch the ones raised in handlers)."""
        if isinstance(error, StoreError):
            self.store_problem(error)
            return
        super()._handle_exception(error)
