"""The block's questions on the Today screen: a deload when one is due, the next block
after a deload.

Asked just after the first frame.  The rules are the domain's (domain/deload.py) and
the writes ui/deload.py's; both are imported when asked, not for the first frame.
The Today screen shows the outcome (`block_changed`, or the error in its status line).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .today import TodayScreen


def prompt_block(screen: TodayScreen) -> None:
    """Ask for a deload when one is due, or offer the next block after a deload."""
    from ..domain.deload import deload_decision, next_block_due
    from .deload import DeloadPrompt, NextBlockPrompt, apply_deload_choice, apply_next_block

    meso = screen.book.meso
    if meso is None:
        return
    if next_block_due(meso, screen.today):

        def answered(yes: bool | None) -> None:
            if yes:
                show_outcome(screen, apply_next_block(screen.store, meso, screen.today))

        screen.app.push_screen(NextBlockPrompt(meso), answered)
        return
    sessions = screen.store.sessions_between(meso.start, screen.today)
    decision = deload_decision(meso, sessions, screen.book.catalogue.get, screen.today)
    if not decision.prompt:
        return

    def chosen(choice: str | None) -> None:
        show_outcome(screen, apply_deload_choice(screen.store, meso, choice, screen.today))

    screen.app.push_screen(DeloadPrompt(meso, decision), chosen)


def show_outcome(screen: TodayScreen, outcome) -> None:
    """The answer written (the day shown anew), or why it was not."""
    if outcome is None:
        return
    if outcome.saved:
        screen.block_changed(outcome.message)
    else:
        screen.status.show(outcome.message, "error")
