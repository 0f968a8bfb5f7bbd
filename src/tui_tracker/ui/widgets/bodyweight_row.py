"""The lifter's bodyweight over the block, as a row of the dashboard's Strength table."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from ...domain.bodyweight import Bodyweight, bodyweight_trend
from ...domain.progress import trend_direction
from .charts import sparkline

#: How a bodyweight trend reads (a scale is neither good nor bad news: no colour).
BODY_MARK = {"rising": "↑ gaining", "flat": "→ steady", "falling": "↓ losing"}


def bodyweight_row(
    entries: list[Bodyweight], first: date, today: date
) -> tuple[Text, str, str, str, Text] | None:
    """(label, sparkline, first→latest, latest weighing, trend) since `first` (the block's
    start, led by the last weighing before it), or None when nothing is logged by today."""
    points = bodyweight_trend(entries, first, today)
    if not points:
        return None
    values = [kg for _, kg in points]
    latest = points[-1][0]
    return (
        Text("Bodyweight"),
        sparkline(values[-14:]),
        f"{_kg(values[0])}→{_kg(values[-1])} kg",
        f"latest {latest.day} {latest:%b}",
        Text(BODY_MARK[trend_direction(points)]),
    )


def _kg(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
