"""Saving a planned mesocycle: the plan check first, then closing the blocks it overlaps.

Saving closes every block the new one overlaps (`supersede`: the running one ends on
the new start day, one planned to start on or after it is cancelled), after the
lifter confirms, and writes them all in one store call, as `tui-tracker meso new`
does.  Before saving, the plan check (domain/plan_check.py) shows what a coach would
point out, with the evidence; it never refuses.

Apart from plan.py (shaping the plan) because saving is a dialogue of its own with the
store and the other blocks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.blocks import check_start, closing_note, overlapping, supersede
from ..domain.mesocycle import Mesocycle
from ..domain.plan_check import check_plan
from ..store import StoreError
from .modals import Confirm
from .plan_check import PlanCheck
from .trouble import refused

if TYPE_CHECKING:
    from .plan import PlanScreen


def save_plan(screen: PlanScreen) -> None:
    """Save the block, after the plan check (when it has notes) and, if it closes
    another block, the lifter's yes."""
    if not screen.editing and not screen.apply_setup():
        return
    try:
        meso = check_start(screen.draft(), screen.today)
    except ValueError as e:
        screen.show_status(f"Not saved: {e}.", "error")
        return
    notes = check_plan(
        meso, screen.catalogue.get, screen.bands, screen.app.settings.training_status
    )
    if not notes:
        _save_checked(screen, meso)
        return

    def answered(save: bool | None) -> None:
        if save:
            _save_checked(screen, meso)
        else:
            screen.show_status("Not saved yet: change the plan, then Ctrl+S.", "warning")

    screen.app.push_screen(PlanCheck(notes, answered))


def _save_checked(screen: PlanScreen, meso: Mesocycle) -> None:
    try:
        mesos = screen.store.mesocycles()
        closed = supersede(mesos, meso)
    except StoreError as e:
        screen.show_status(refused(screen, e, "NOT saved", meso.name), "error")
        return
    except ValueError as e:
        screen.show_status(f"Not saved: {e}.", "error")
        return
    if not closed:
        _commit(screen, meso, [])
        return
    notes = " and ".join(closing_note(m, meso) for m in overlapping(mesos, meso))

    def answered(yes: bool | None) -> None:
        if yes:
            _commit(screen, meso, closed)

    question = Confirm(f"Start {meso.name}?", f"Saving it will {notes}.")
    screen.app.push_screen(question, answered)


def _commit(screen: PlanScreen, meso: Mesocycle, closed: list[Mesocycle]) -> None:
    """Save `meso` with the blocks it closes; read again first, so a block another
    process started while the lifter answered is never closed unasked."""
    try:
        now = supersede(screen.store.mesocycles(), meso)
        if {m.id for m in now} != {m.id for m in closed}:
            screen.show_status(
                "NOT saved: the blocks changed while you answered (another "
                "tui-tracker?). Press Ctrl+S again.",
                "error",
            )
            return
        screen.store.save_mesocycles([*now, meso])
    except StoreError as e:
        screen.show_status(refused(screen, e, "NOT saved", meso.name), "error")
        return
    screen.dismiss(meso)
