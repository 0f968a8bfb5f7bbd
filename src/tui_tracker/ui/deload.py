"""The deload prompt and the next-block offer, shared by the Today screen and the dashboard.

The app advises and cites its reason; the lifter decides.  Every choice is
saved through the store before the screen says so, and no key is offered that
the app would not honour (postponing stops at the end of week 6).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ..domain.blocks import check_start, supersede
from ..domain.deload import DeloadDecision, next_mesocycle, postpone_a_week, start_deload
from ..domain.mesocycle import Mesocycle, deload_due_from, end_mesocycle
from ..store import StoreError
from .keys import EarlyKeys


def short_day(day: date) -> str:
    """'Sun 6 Dec'."""
    return f"{day:%a} {day.day} {day:%b}"


def _keys(*pairs: tuple[str, str]) -> Content:
    """'d start the deload today   l/Esc later', keys in bold, never parsed as markup."""
    parts: list[tuple[str, str] | str] = []
    for key, text in pairs:
        parts += [(key, "bold"), f" {text}   "]
    return Content.assemble(*parts).rstrip()


class DeloadPrompt(EarlyKeys, ModalScreen[str | None]):
    """'Deload due': start it (d), postpone (p, only while the app will honour it: up to a
    week, never past week 6), or decide later (l / Esc)."""

    BINDINGS = [
        Binding("d", "choose('start')", "Start deload"),
        Binding("p", "choose('postpone')", "Postpone"),
        Binding("l", "choose(None)", "Later"),
        Binding("escape", "choose(None)", "Later", show=False),
    ]

    def __init__(self, meso: Mesocycle, decision: DeloadDecision) -> None:
        super().__init__()
        self.meso = meso
        self.decision = decision

    def compose(self) -> ComposeResult:
        d = self.decision
        why = (
            "planned: the block's accumulation weeks are over"
            if d.reason == "planned"
            else "fatigue: performance is falling"
        )
        with Vertical(id="deload-prompt", classes="dialog"):
            yield Label(f"[b]Deload due[/b] ({why})")
            # The message names exercises: plain text, never markup.
            yield Static(Content(d.message), id="deload-message")
            yield Static(Content.styled(d.evidence, "dim"), id="deload-evidence")
            yield Static(
                "The deload week: the same exercises, about half the sets, RIR 4 or "
                "more, loads kept or ~10% lighter.",
                id="deload-plan",
            )
            until = d.postpone_until
            keys = [("d", "start the deload today")]
            if until is not None:
                keys.append(("p", f"postpone until {short_day(until)}"))
            yield Label(_keys(*keys, ("l/Esc", "later")), classes="hint", id="deload-keys")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("postpone",):
            return self.decision.postpone_until is not None
        return True

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)


class NextBlockPrompt(EarlyKeys, ModalScreen[bool]):
    """The block is done (its deload week is over, or it ended without one): start the next
    block from this one (n), or later (l / Esc)."""

    BINDINGS = [
        Binding("n", "choose(True)", "Start next block"),
        Binding("l", "choose(False)", "Later"),
        Binding("escape", "choose(False)", "Later", show=False),
    ]

    def __init__(self, meso: Mesocycle) -> None:
        super().__init__()
        self.meso = meso

    def compose(self) -> ComposeResult:
        m = self.meso
        with Vertical(id="next-prompt", classes="dialog"):
            if m.deload_start is not None:
                yield Label(
                    Content.assemble(("Deload done", "bold"), ": time for the next mesocycle"),
                    id="next-title",
                )
            else:
                yield Label(
                    Content.assemble(
                        ("Block over", "bold"),
                        f": its deload was due from "
                        f"{short_day(deload_due_from(m))} and never started",
                    ),
                    id="next-title",
                )
            yield Static(
                Content(
                    f"Start a new {m.weeks}-week block today with the same days and exercises as "
                    f"{m.name}, RIR targets back to 3 stepping down to 1; {m.name} is closed. "
                    "To close it without a new block: e on the dashboard, or tui-tracker meso end."
                ),
                id="next-detail",
            )
            yield Label(_keys(("n", "start it today"), ("l/Esc", "later")), classes="hint")

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
        return (
            "Deload week started: about half the sets at RIR 4+, loads kept or ~10% lighter. "
            "The plan on Today shows it."
        )

    def postpone() -> str:
        later = postpone_a_week(meso, today)
        store.save_mesocycle(later)
        return f"Deload postponed through {short_day(later.postponed_until)}: no prompt until then."

    action = {"start": start, "postpone": postpone}.get(choice or "")
    return _saving(action) if action else None


def apply_next_block(store, meso: Mesocycle, today: date) -> Outcome:
    """Start the next block from `meso` today, closing the old one, in one write."""

    def start() -> str:
        new = check_start(next_mesocycle(meso, today), today)
        store.save_mesocycles([*supersede(store.mesocycles(), new), new])
        return f"Started {new.name}: week 1 of {new.weeks}."

    return _saving(start)


def apply_end_block(store, meso: Mesocycle, today: date) -> Outcome:
    """Close `meso` as of today (kept in history; Today plans nothing until another starts)."""

    def end() -> str:
        store.save_mesocycle(end_mesocycle(meso, today))
        if today < meso.start:
            return f"Cancelled {meso.name}: it was to start {short_day(meso.start)}."
        return f"Closed {meso.name} as of {short_day(today)}: press p to plan the next block."

    return _saving(end)
