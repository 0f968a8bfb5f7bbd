"""Starting a block: which blocks it closes, when to ask first, which starts make sense.

Why here and not in each caller: `meso new`, `meso next`, the planner and the
next-block offer all start blocks, and must agree that two blocks never steer
one day and no block is left open beside the new one.  Callers save the new
block with `supersede`'s result in one store write.
"""

from __future__ import annotations

from datetime import date

from .mesocycle import (
    LIVE_PHASES,
    Mesocycle,
    end_mesocycle,
    phase,
    planned_end,
    shift,
    still_open,
    week_label,
)


def overlapping(mesos: list[Mesocycle], new: Mesocycle) -> list[Mesocycle]:
    """The blocks, as they are, that `new` closes: every other one that could still steer
    a day from its start on (running, upcoming, or planned to start after it)."""
    return [m for m in mesos if m.id != new.id and still_open(m, new.start)]


def supersede(mesos: list[Mesocycle], new: Mesocycle) -> list[Mesocycle]:
    """The blocks closed because `new` starts, to save with it in one write.

    One that started before `new` ends on its start day; one that would start on
    or after it is cancelled (ended before it began).  Two blocks never steer one
    day, and no block is left open beside `new`.
    """
    return [end_mesocycle(m, new.start) for m in overlapping(mesos, new)]


def cuts_short(old: Mesocycle, new: Mesocycle) -> bool:
    """Whether starting `new` cuts `old` short (training left in it, or it has not begun):
    the lifter is asked first.  A block whose deload is done, or that is over, is not."""
    return phase(old, new.start) in LIVE_PHASES


def closing_note(old: Mesocycle, new: Mesocycle) -> str:
    """What starting `new` does to `old`, as a verb phrase: 'close Winter (Week 2 of 4) on
    2026-11-10', 'cancel Spring (planned from 2026-12-07)'."""
    if new.start <= old.start:
        return f"cancel {old.name} (planned from {old.start.isoformat()})"
    return f"close {old.name} ({week_label(old, new.start)}) on {new.start.isoformat()}"


def check_start(meso: Mesocycle, today: date) -> Mesocycle:
    """`meso` if some of its planned span (deload week included) is still ahead, else
    ValueError: a block already over on the day it is entered helps nobody."""
    end = planned_end(meso)
    if end < today:
        earliest = shift(today, -(7 * (meso.weeks + 1) - 1))
        raise ValueError(
            f"a {meso.weeks}-week block from {meso.start.isoformat()} would be over by "
            f"{end.isoformat()} (its deload week included): start it on "
            f"{earliest.isoformat()} or later"
        )
    return meso
