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

    DEFAULT_CSS = """
    #store-problem-message, #store-problem-not-saved { width: 1fr; }
    #store-problem-not-saved { text-style: bold; color: $error; }
    """

    def __init__(self, error: StoreError, not_saved: str = "") -> None:
        """`not_saved`: what the key that met the problem did not save, with its numbers."""
        super().__init__()
        self.error = error
        self.not_saved = [not_saved] if not_saved else []

    def compose(self) -> ComposeResult:
        with Vertical(id="store-problem", classes="dialog"):
            yield Label(Content.styled("The training database has a problem", "bold $error"))
            yield Static(Content(str(self.error)), id="store-problem-message")
            not_saved = Static(Content("\n".join(self.not_saved)), id="store-problem-not-saved")
            not_saved.display = bool(self.not_saved)
            yield not_saved
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

    def also_not_saved(self, line: str) -> None:
        """Another key met the problem while the dialog was up (keys typed ahead)."""
        self.not_saved.append(line)
        for shown in self.query("#store-problem-not-saved").results(Static):  # (composed)
            shown.update(Content("\n".join(self.not_saved)))
            shown.display = True

    def action_quit(self) -> None:
        self.app.exit(return_code=3, message=Content(f"tui-tracker: error: {self.error}"))
