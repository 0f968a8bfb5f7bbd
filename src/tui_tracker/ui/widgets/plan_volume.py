"""The plan's weekly hard sets per muscle against each muscle's band.

Redrawn after every edit of the plan, so the lifter sees at once what removing
or adding an exercise does.  Status and the one-day flag are words and a `!`,
not only colours: readable in 16 colours and with NO_COLOR.
"""

from __future__ import annotations

from textual.widgets import Static

from ...domain.muscles import MUSCLE_LABELS
from ...domain.volume import MuscleVolume

_STATUS_STYLE = {"below": "$warning", "within": "$success", "above": "$error"}
ONE_DAY_NOTE = "! on one day: split it over 2"


def _sets_text(sets: float) -> str:
    return f"{sets:.1f}".rstrip("0").rstrip(".")


def volume_rows(volumes: dict[str, MuscleVolume]) -> list[str]:
    """One markup line per muscle, under a header line: muscle, sets, band, status, days."""
    rows = [f"[b]{'Muscle':<11} {'Sets':>4} {'Band':>5} {'Status':<6} Days[/b]"]
    for muscle, v in volumes.items():
        low, high = v.target
        status = f"[{_STATUS_STYLE[v.status]}]{v.status:<6}[/]"
        days = f"{v.sessions}" + (" [$warning b]![/]" if v.split_advised else "")
        row = f"{MUSCLE_LABELS[muscle]:<11} {_sets_text(v.sets):>4} {f'{low}-{high}':>5} {status} {days}"
        rows.append(row if v.sets else f"[dim]{row}[/]")
    return rows


class PlanVolume(Static):
    """Hard sets a week per muscle for the plan being edited."""

    def on_mount(self) -> None:
        self.border_title = "Hard sets a week"
        self.border_subtitle = ONE_DAY_NOTE

    def show(self, volumes: dict[str, MuscleVolume]) -> None:
        self.volumes = volumes
        self.update("\n".join(volume_rows(volumes)))
