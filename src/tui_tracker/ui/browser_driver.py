"""Textual's web driver (a browser tab of `tui-tracker serve`), with the paste-safe parser.

textual-serve runs the app with Textual's WebDriver, which reads the browser's keys
and pastes from stdin in packets and parses them with Textual's own parser: a paste
holding escape sequences was stored out of order there as in a terminal
(paste_parser.py; tests/terminal/test_browser_paste.py failed before).
"""

from __future__ import annotations

import textual.drivers.web_driver as web_driver
from textual.drivers.web_driver import WebDriver

from .paste_parser import PasteSafeParser


class BrowserDriver(WebDriver):
    """The driver of a TrackerApp in a browser tab."""

    def run_input_thread(self) -> None:
        # WebDriver makes its parser from its module's name for it: a tab's process has
        # one driver, ours, so the name is ours for as long as it runs.
        setattr(web_driver, "XTermParser", PasteSafeParser)  # noqa: B010 (not re-exported)
        super().run_input_thread()
