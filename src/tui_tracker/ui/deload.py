"""The deload prompt and the next-block offer, shared by the Today screen and the dashboard.

The app advises and cites its reason; the lifter decides.  Every choice is
saved through the store before the screen says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ..domain.deload import DeloadDecision, next_mesocycle, postpone_a_week, start_deload
from ..domain.mesocycle import Mesocycle, supersede
from ..store import StoreError


class DeloadPrompt(ModalScreen[str | None]):
    """'Deload due': start it (d), postpone a week (p), or decide later (l / Esc)."""

    BINDINGS = [
        Binding("d", "choose('start')", "Start deload"),
        Binding("p", "choose('postpone')", "Postpone a week"),
        Binding("l", "choose(None)", "Later"),
        Binding("escape", "choose(None)", "Later", show=False),
    ]

    def __init__(self, meso: Mesocycle, decision: DeloadDecision) -> None:
        super().__init__()
        self.meso = meso
        self.decision = decision

    def compose(self) -> ComposeResult:
        d = self.decision
        why = "planned: the block's accumulation weeks are over" if d.reason == "planned" \
            else "fatigue: performance is falling"
        with Vertical(id="deload-prompt", classes="dialog"):
            yield Label(f"[b]Deload due[/b] ({why})")
            # The message names exercises: plain text, never markup.
            yield Static(Content(d.message), id="deload-message")
            yield Static(Content.styled(d.evidence, "dim"), id="deload-evidence")
            yield Static("The deload week: the same exercises, about half the sets, RIR 4 or "
                         "more, loads kept or ~10% lighter.", id="deload-plan")
            yield Label("[b]d[/b] start the deload today   [b]p[/b] postpone a week   "
                        "[b]l[/b]/Esc later", classes="hint")

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)


class NextBlockPrompt(ModalScreen[bool]):
    """After the deload week: start the next block from this one (n), or later (l / Esc)."""

    BINDINGS = [
        Binding("n", "choose(True)", "Start next block"),
        Binding("l", "choose(False)", "Later"),
        Binding("escape", "choose(False)", "Later", show=False),
    ]

    def __init__(self, meso: Mesocycle) -> None:
        super().__init__()
        self.meso = meso

    def compose(self) -> ComposeResult:
        with Vertical(id="next-prompt", classes="dialog"):
            yield Label("[b]Deload done[/b]: time for the next mesocycle")
            yield Static(Content(f"Start a new {self.meso.weeks}-week block today with the same "
                                 f"days and exercises as {self.meso.name}, RIR targets reset to 3."))
            yield Label("[b]n[/b] start it today   [b]l[/b]/Esc later", classes="hint")

    def action_choose(self, choice: bool) -> None:
        self.dismiss(choice)


@dataclass(frozen=True)
class Outcome:
    """What saving the lifter's answer did: the message to show, and whether it was saved."""

    saved: bool
    message: str


def _saving(save: Callable[[], str]) -> Outcome:
    """Run a save; a store or rule error becomes a NOT-saved outcome, never a crash."""
    try:
        return Outcome(True, save())
    except (StoreError, ValueError) as err:
        return Outcome(False, f"NOT saved: {err}")


def apply_deload_choice(store, meso: Mesocycle, choice: str | None, today: date) -> Outcome | None:
    """Save the lifter's answer to the deload prompt; None when the answer was 'later'."""
    def start() -> str:
        store.save_mesocycle(start_deload(meso, today))
        return ("Deload week started: about half the sets at RIR 4+, loads kept or ~10% lighter. "
                "The plan on Today shows it.")

    def postpone() -> str:
        later = postpone_a_week(meso, today)
        store.save_mesocycle(later)
        return (f"Deload postponed through {later.postponed_until:%a %d %b}. "
                "Past week 6 the app asks again at once.")

    action = {"start": start, "postpone": postpone}.get(choice or "")
    return _saving(action) if action else None


def apply_next_block(store, meso: Mesocycle, today: date) -> Outcome:
    """Start the next block from `meso` today, closing the old one, in one write."""
    def start() -> str:
        new = next_mesocycle(meso, today)
        store.save_mesocycles([*supersede(store.mesocycles(), new), new])
        return f"Started {new.name}: week 1 of {new.weeks}."

    return _saving(start)
