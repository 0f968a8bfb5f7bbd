"""About the advice: each rule the app applies, the study it rests on, and its limits.

The words are the domain's (domain/sources.py); this screen lays them out to read
with the arrow keys, Page Up/Down, Home and End.  Reached from the command palette
and the `i` key on Today (and the dashboard).

The first-start dialogs live here too: the evidence's advice to consult a physician
or qualified professional before a new regimen (shown until read), and the
question of the lifter's training status (asked while it is not set).  The app
pushes them (ui/app.py) and saves the answers in the settings file.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, Static
from textual.widgets.option_list import Option

from ..domain.settings import TRAINING_STATUSES, TrainingStatus
from ..domain.sources import HEALTH_NOTICE, LIMITS, REFERENCES, RULES
from .dialog import Dialog
from .keys import EarlyKeys
from .trouble import KeepsRunning
from .widgets.fields import ChoiceList
from .widgets.key_bar import KeyBar
from .widgets.too_small import TooSmall

TITLE = "About the advice: what the app applies, what it rests on, and its limits"


def about_text() -> Content:
    """The whole page: rules, the evidence's limits, the health notice, the references."""
    parts: list[Content | str | tuple[str, str]] = []
    for i, rule in enumerate(RULES, start=1):
        parts += [
            (f"{i}. {rule.title}\n", "bold"),
            ("What the app does: ", "bold dim"),
            rule.applies,
            "\n",
            ("Rests on: ", "bold dim"),
            rule.rests_on,
            "\n",
            ("Limits: ", "bold dim"),
            rule.limits,
            "\n\n",
        ]
    parts.append(("What the evidence cannot tell yet\n", "bold"))
    for limit in LIMITS:
        parts += ["• ", limit, "\n"]
    parts += [
        "\n",
        ("Your health\n", "bold"),
        HEALTH_NOTICE,
        "\n\n",
        ("Sources (shared/evidence.txt)\n", "bold"),
    ]
    for ref in REFERENCES:
        parts += ["• ", ref, "\n"]
    return Content.assemble(*parts)


class AboutScreen(EarlyKeys, KeepsRunning, Screen):
    """The rules, their evidence and limits, to read and close."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", key_display="Esc/q"),
        Binding("down,j", "scroll('down')", "Scroll", key_display="↑/↓", show=True),
        Binding("up,k", "scroll('up')", "Up", show=False),
        Binding("pagedown,space", "scroll('page_down')", "Page", key_display="PgUp/PgDn"),
        Binding("pageup", "scroll('page_up')", "Page up", show=False),
        Binding("home", "scroll('home')", "Top", show=False),
        Binding("end", "scroll('end')", "End", show=False),
    ]
    DEFAULT_CSS = """
    AboutScreen #about-title { text-style: bold; padding: 0 1; height: 1; }
    AboutScreen #about-body { padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(TITLE, id="about-title")
        with VerticalScroll(id="about-scroll"):
            yield Static(about_text(), id="about-body")
        yield KeyBar()
        yield TooSmall(id="too-small")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#about-scroll"))

    def action_scroll(self, where: str) -> None:
        scroll = self.query_one("#about-scroll", VerticalScroll)
        getattr(scroll, f"scroll_{where}")(animate=False)


# --- the first start ---------------------------------------------------------------------------

#: Long lines wrap inside the first-start dialogs (a Label is as wide as its text).
NOTICE_CSS = """
#health-notice Label, #status-question Label { width: 1fr; }
"""


class HealthNotice(Dialog[bool]):
    """The evidence's advice to consult a professional first: Enter = read (not shown
    again), Esc = show it again next time."""

    DEFAULT_CSS = NOTICE_CSS
    BINDINGS = [
        Binding("enter", "answer_with(True)", "Read"),
        Binding("escape", "answer_with(False)", "Later"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="health-notice"):
            yield Label("Before you start", classes="question")
            yield Label(Content(HEALTH_NOTICE))
            yield Label(
                Content(
                    "The app's advice follows published studies on training near "
                    "failure; it cannot know your body. About the advice (i on "
                    "Today) lists each rule, its source and its limits."
                ),
                classes="hint",
            )
            yield Label("Enter: I have read this    Esc: remind me next time", classes="hint")

    def action_answer_with(self, read: bool) -> None:
        self.answer(read)


STATUS_CHOICES: dict[TrainingStatus, str] = {
    "new": "New to lifting (under a year of hard training)",
    "some_years": "Some years of training",
    "well_trained": "Well trained (3+ years, close to your limits)",
}


class TrainingStatusQuestion(Dialog[TrainingStatus]):
    """How long the lifter has trained hard: ↑/↓ and Enter, or 1-3; Esc asks next time."""

    DEFAULT_CSS = NOTICE_CSS
    BINDINGS = [
        Binding("1", "choose('new')", "New", show=False),
        Binding("2", "choose('some_years')", "Some years", show=False),
        Binding("3", "choose('well_trained')", "Well trained", show=False),
        Binding("escape", "later", "Later"),
    ]

    def __init__(self, on_answer: Callable[[TrainingStatus | None], None] | None = None) -> None:
        super().__init__(on_answer)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="status-question"):
            yield Label("How long have you trained hard?", classes="question")
            yield Label(
                Content(
                    "The evidence's failure caution and its 10-16 sets a week come "
                    "from trained lifters; for those new to lifting the margin "
                    "between failure and near-failure matters less. The advice "
                    "says which applies to you."
                ),
                classes="hint",
            )
            yield ChoiceList(
                *[
                    Option(f"{i}  {text}", id=status)
                    for i, (status, text) in enumerate(STATUS_CHOICES.items(), start=1)
                ],
                id="status-choices",
                on_choose=self._chosen,
            )
            yield Label(
                "Enter or 1-3: choose    Esc: ask me next time    Change it later: "
                "tui-tracker config set training_status",
                classes="hint",
            )

    def on_mount(self) -> None:
        choices = self.query_one(ChoiceList)
        choices.highlighted = 0
        self.set_focus(choices)

    def _chosen(self, status: str) -> None:
        if status in TRAINING_STATUSES:
            self.answer(status)  # type: ignore[arg-type]  # one of TRAINING_STATUSES

    def action_choose(self, status: str) -> None:
        self._chosen(status)

    def action_later(self) -> None:
        self.answer(None)
