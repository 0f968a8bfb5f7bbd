"""The dialog for a database the app must not go on using (ui/trouble.py says when).

Imported when such a problem comes up, not for the first frame: each Textual screen
class costs its creation at import.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ..store import StoreError
from .keys import EarlyKeys


class StoreProblem(EarlyKeys, ModalScreen[None]):
    """The database has a problem the lifter must deal with outside the app."""

    BINDINGS = [
        Binding("q", "quit", "Quit (exit 3)"),
        Binding("escape", "dismiss", "Keep looking"),
    ]

    def __init__(self, error: StoreError) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(id="store-problem", classes="dialog"):
            yield Label(Content.styled("The training database has a problem", "bold $error"))
            yield Static(Content(str(self.error)), id="store-problem-message")
            yield Static(
                "Every set shown as saved is on disk. Nothing more can be saved until "
                "this is fixed.",
                classes="hint",
            )
            yield Label(
                Content.from_markup(
                    "[b]q[/b] quit (exit 3)   [b]Esc[/b] keep the app open to look"
                ),
                classes="hint",
            )

    def action_quit(self) -> None:
        self.app.exit(return_code=3, message=Content(f"tui-tracker: error: {self.error}"))
