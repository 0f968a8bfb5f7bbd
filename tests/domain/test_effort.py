"""Effort that follows the evidence: most working sets at 1-3 RIR, failure only where allowed.

The evidence: "leave one to three repetitions in reserve (RIR) on most working sets,
reserving failure training for isolation movements or the final set of an exercise",
and not on technically demanding compounds such as the back squat and deadlift.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.mesocycle import planned_day, target_rir_on
from tui_tracker.domain.templates import TEMPLATES, build_mesocycle

START = date(2026, 11, 2)  # a Monday
CAT = Catalogue()


def planned_targets(meso, week: int) -> list[tuple[str, int]]:
    """(exercise id, target RIR) of every planned working set in `week`, day by day."""
    out = []
    for offset in range(7):
        today = meso.start + timedelta(weeks=week - 1, days=offset)
        day = planned_day(meso, today)
        if day is None:
            continue
        for p in day.exercises:
            ex = CAT.get(p.exercise_id)
            for i in range(p.sets):
                out.append((p.exercise_id, target_rir_on(meso, today, ex, i == p.sets - 1)))
    return out


@pytest.mark.parametrize("template", sorted(TEMPLATES))
@pytest.mark.parametrize("weeks", [3, 4, 5, 6])
def test_every_week_of_every_template_keeps_most_sets_at_1_to_3_rir(template, weeks):
    meso = build_mesocycle(template, weeks, START)
    for week in range(1, weeks + 1):
        targets = [rir for _, rir in planned_targets(meso, week)]
        in_band = sum(1 <= r <= 3 for r in targets)
        assert in_band * 2 > len(targets), (week, f"{in_band} of {len(targets)} at 1-3")
