"""The dashboard's three tabs filled in: hard sets per muscle (Volume), the main lifts'
e1RM trends (Strength), RIR against the block's targets and how good the lifter's RIR
calls are (Effort).

Apart from dashboard.py (the screen: where the block stands, the deload, the keys)
because each tab is a table drawn from the domain's numbers and nothing else; the
screen calls these when its data changes.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, Static

from ..domain.mesocycle import Mesocycle
from ..domain.muscles import MUSCLE_LABELS
from ..domain.progress import best_set, e1rm_trend, main_lifts, rir_compliance, trend_direction
from ..domain.volume import IsoWeek, Week, block_weeks, volume_by_week, warn_single_session
from .widgets.bodyweight_row import bodyweight_row
from .widgets.charts import sets_cell, sparkline, volume_bar

MAX_WEEK_COLUMNS = 6  # this week and 5 past: fits 80 columns
TREND_MARK = {"rising": "↑ rising", "flat": "→ flat", "falling": "↓ falling"}


def volume_weeks(meso: Mesocycle | None, start: date, today: date) -> list[Week]:
    """The block's own weeks (W1 = the 7 days from its start; DL, the deload week), the
    last MAX_WEEK_COLUMNS of them; calendar weeks without a block (or before it starts)."""
    spans: list[Week] = list(block_weeks(meso.start, meso.deload_start, today)) if meso else []
    if spans:
        return spans[-MAX_WEEK_COLUMNS:]
    first, last = IsoWeek.of(start), IsoWeek.of(today)
    weeks: list[Week] = [last]
    while weeks[0] != first and len(weeks) < MAX_WEEK_COLUMNS:
        weeks.insert(0, weeks[0].previous())  # type: ignore[union-attr]  # IsoWeeks here
    return weeks


def show_volume(
    screen: Widget, store, meso: Mesocycle | None, sessions, start: date, catalogue, today: date
) -> None:
    """Hard sets per muscle: this week against its band, sessions, the past weeks."""
    weeks = volume_weeks(meso, start, today)
    last = weeks[-1]
    volume = volume_by_week(sessions, weeks, catalogue.get, store.volume_targets())
    table = screen.query_one("#volume-table", DataTable)
    table.clear(columns=True)
    now = "This week" if isinstance(last, IsoWeek) else f"{last.label} now"
    table.add_columns("Muscle", now, "Sets", "Band", "Sess")
    past = weeks[:-1]
    for w in past:
        table.add_column(w.label, key=str(w))
    for m, v in volume[last].items():
        flag = warn_single_session(v, last, today)
        sessions_text = Text(str(v.sessions), style="yellow" if flag else "")
        if flag:
            sessions_text.append("!", style="bold yellow")
        cells = [
            MUSCLE_LABELS[m],
            volume_bar(v.sets, v.target, v.status, 12),
            sets_cell(v.sets, v.status),
            f"{v.target[0]}-{v.target[1]}",
            sessions_text,
        ]
        for w in past:
            old = volume[w][m]
            cells.append(sets_cell(old.sets, old.status))
        table.add_row(*cells, key=m)
    block = meso.start if meso and not isinstance(last, IsoWeek) else None
    weeks_note = f"W1 from {block:%a} {block.day} {block:%b}" if block else "calendar weeks"
    screen.query_one("#volume .legend", Static).update(
        f"↓✓↑ below/in/above the band (|) · ! 1 session · {weeks_note} · t: band"
    )


def show_strength(
    screen: Widget, store, meso: Mesocycle | None, sessions, catalogue, today: date
) -> None:
    """The block's main lifts: e1RM trend and best set; bodyweight last."""
    table = screen.query_one("#strength-table", DataTable)
    table.clear(columns=True)
    table.add_columns("Lift", "e1RM trend", "e1RM", "Best set", "Trend")
    if meso is None:
        table.add_row("Plan a block (p) to follow its main lifts here.", "", "", "", "")
        return
    weighed = store.bodyweights()  # bodyweight exercises: over BW + added load
    for ex_id in main_lifts(meso, catalogue.get):
        ex = catalogue.get(ex_id)
        points = e1rm_trend(sessions, ex_id, ex, weighed)
        best = best_set(sessions, ex_id, ex, weighed)
        values = [kg for _, kg in points]
        if not values:
            table.add_row(Text(ex.name if ex else ex_id), "no sets yet", "", "", "")
            continue
        direction = trend_direction(points)
        style = {"rising": "green", "falling": "red"}.get(direction, "")
        table.add_row(
            Text((ex.name if ex else ex_id)[:26]),
            sparkline(values[-14:]),
            f"{values[0]:.0f}→{values[-1]:.0f} kg",
            best.describe(ex) if best else "",
            Text(TREND_MARK[direction], style=style),
            key=ex_id,
        )
    row = bodyweight_row(weighed, meso.start, today)
    if row is not None:
        table.add_row(*row, key="bodyweight")


def show_effort(
    screen: Widget, store, meso: Mesocycle | None, sessions, catalogue, today: date
) -> None:
    """RIR against the block's targets, and how good the lifter's RIR calls have been
    (domain/calibration: sets later taken to failure at the same load, last 26 weeks)."""
    from ..domain.calibration import WINDOW, calibrations, what_it_changes

    table = screen.query_one("#effort-table", DataTable)
    table.clear(columns=True)
    table.add_columns("Exercise", "On tgt", "Harder", "Easier", "No RIR", "Mean", "RIR calls")
    cals = calibrations(store.sessions_between(today - WINDOW, today))

    def name(ex_id: str) -> str:
        ex = catalogue.get(ex_id)
        return ex.name if ex else ex_id

    def calls(ex_id: str) -> Text:
        return Text(" ".join(c.short for c in cals.get(ex_id, ())[:1]))

    shown: set[str] = set()
    if meso is not None:
        for ex_id, c in rir_compliance(meso, sessions, catalogue.get, today).items():
            if c.total == 0:
                continue
            mean = "" if c.mean_deviation is None else f"{c.mean_deviation:+.1f}"
            table.add_row(
                Text(name(ex_id)[:26]),
                f"{c.on_target}/{c.with_rir}",
                Text(str(c.below), style="red" if c.below else ""),
                Text(str(c.above), style="yellow" if c.above else ""),
                str(c.without_rir),
                mean,
                calls(ex_id),
                key=ex_id,
            )
            shown.add(ex_id)
    for ex_id in sorted(cals, key=lambda e: name(e).lower()):
        if ex_id not in shown:  # calibrated outside the plan: its calls alone
            table.add_row(Text(name(ex_id)[:26]), "", "", "", "", "", calls(ex_id), key=ex_id)
    if table.row_count == 0:
        table.add_row(
            "Plan a block (p) to compare RIR with its targets."
            if meso is None
            else "No working sets in this block yet.",
            "",
            "",
            "",
            "",
            "",
            "",
        )

    lines = [
        "on tgt = RIR within 1 of the week's target · harder = nearer failure",
        "RIR calls @2≈3 (6): 6 sets called @2 had about 3 left, by a later failure set",
    ]
    ranked = sorted(
        (c for per in cals.values() for c in per),
        key=lambda c: (not c.enough, -c.sets, name(c.exercise_id).lower()),
    )
    if ranked:  # the best-measured call, in words, and what it would change
        top = ranked[0]
        sentence = top.sentence(name(top.exercise_id))
        lines.append(f"{sentence[0].upper()}{sentence[1:]}: {what_it_changes(top)}.")
    else:
        lines.append(
            "No RIR calls to check yet: they come from a set to failure after "
            "sets at the same load."
        )
    legend = screen.query_one("#effort .legend", Static)
    legend.styles.height = "auto"
    legend.update(Content("\n".join(lines)))
