"""One exercise's last sessions, from the Today screen (`l`, or the palette): per session the
best set, the sets done and its e1RM; the e1RM trend as a sparkline; the records.

The history is read in a worker thread (summaries.history_of reads every month, a month
per lock), so the screen is up at once and keys keep working; Escape or q goes back.
Its table takes keys in the order typed (ui/keys.py): keys typed after Escape reach Today.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Sparkline, Static
from textual.worker import Worker, WorkerState

from ..domain.exercise_log import ExerciseHistory
from ..domain.models import Unit, from_kg
from ..domain.records import ExerciseRecords
from ..domain.sessions import days_ago, plural
from ..logbook import Logbook
from .keys import EarlyKeys
from .trouble import KeepsRunning
from .widgets.key_bar import KeyBar
from .widgets.too_small import TooSmall, presize
from .widgets.tables import Table


def weight_text(kg: float, unit: Unit) -> str:
    """'136.7 kg', '2,340 kg': one decimal at most."""
    text = f"{from_kg(kg, unit):,.1f}"
    return f"{text[:-2] if text.endswith('.0') else text} {unit}"


def record_lines(records: ExerciseRecords | None) -> Content:
    if records is None:
        return Content("Records: none yet (a working set sets the first marks).")
    parts: list[Content | str] = []
    if records.e1rm is not None and records.e1rm.set is not None:
        mark = records.e1rm
        parts.append(
            Content.assemble(
                ("Best e1RM ", "bold"),
                weight_text(mark.value, mark.unit),
                f" from {mark.set.describe()}, {mark.day:%d %b %Y}",
            )
        )
    else:
        parts.append(
            Content.assemble(
                ("Best e1RM ", "bold"), "none yet (sets with RIR, reps + RIR up to 12, count)"
            )
        )
    if records.volume is not None:
        mark = records.volume
        parts.append(
            Content.assemble(
                ("Best session ", "bold"),
                f"{weight_text(mark.value, mark.unit)} in "
                f"{plural(mark.sets, 'working set')}, {mark.day:%d %b %Y}",
            )
        )
    reps = " · ".join(
        f"{'BW' if kg == 0 else weight_text(kg, m.unit)} x {int(m.value)}"
        for kg, m in records.rep_marks()[:6]
    )
    parts.append(Content.assemble(("Most reps ", "bold"), reps))
    return Content("\n").join(parts)


class ExerciseHistoryScreen(EarlyKeys, KeepsRunning, Screen):
    """The highlighted exercise's past, read-only."""

    DEFAULT_CSS = """
    ExerciseHistoryScreen #lift-title {
        height: 1;
        text-style: bold;
        background: $primary 20%;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ExerciseHistoryScreen #lift-records {
        height: 3;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ExerciseHistoryScreen #lift-trend-label {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    ExerciseHistoryScreen #lift-trend {
        height: 3;
        margin: 0 1;
    }
    ExerciseHistoryScreen #lift-sessions {
        height: 1fr;
    }
    """

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, book: Logbook, exercise_id: str) -> None:
        super().__init__()
        self.book = book
        self.exercise_id = exercise_id
        self.today: date = book.day
        self.history: ExerciseHistory | None = None
        presize(self)

    def compose(self) -> ComposeResult:
        name = self.book.exercise(self.exercise_id).name
        yield Static(Content(f"{name} · reading its history…"), id="lift-title")
        yield Static("", id="lift-records")
        yield Static("", id="lift-trend-label")
        yield Sparkline([], id="lift-trend")
        yield Table(id="lift-sessions", cursor_type="row", zebra_stripes=True)
        yield KeyBar()
        yield TooSmall(id="too-small")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Date", "When", "Best set", "e1RM", "Sets")
        self.set_focus(table)  # now, not deferred: keys read early go to it (EarlyKeys)
        self.run_worker(self._read, thread=True, exit_on_error=False, group="lift-history")

    def _read(self) -> ExerciseHistory:
        from ..summaries import history_of

        return history_of(self.book, self.exercise_id)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "lift-history":
            return
        if event.state == WorkerState.SUCCESS:
            self.show(event.worker.result)
        elif event.state == WorkerState.ERROR:
            name = self.book.exercise(self.exercise_id).name
            self.query_one("#lift-title", Static).update(
                Content(f"{name} · history not readable: {event.worker.error}")
            )

    def show(self, history: ExerciseHistory) -> None:
        self.history = history
        shown, total = len(history.sessions), history.total_sessions
        count = (
            "no sessions yet"
            if not total
            else f"all {plural(total, 'session')}"
            if shown == total
            else f"last {shown} of {total} sessions"
        )
        self.query_one("#lift-title", Static).update(Content(f"{history.name} · {count}"))
        self.query_one("#lift-records", Static).update(record_lines(history.records))
        trend = history.trend
        unit = (
            history.sessions[0].best.unit if history.sessions and history.sessions[0].best else "kg"
        )
        guess = any(line.low_confidence for line in history.sessions)
        label = (
            "e1RM trend: no working sets yet"
            if not trend
            else f"e1RM trend: {weight_text(trend[0], unit)} → {weight_text(trend[-1], unit)}"
            + (" · ~ = a guess (no RIR, or reps + RIR over 12)" if guess else "")
        )
        self.query_one("#lift-trend-label", Static).update(Content(label))
        spark = self.query_one(Sparkline)
        spark.data = trend
        spark.styles.width = min(78, max(12, 6 * len(trend)))  # a few points: wide blocks
        table = self.query_one(DataTable)
        table.clear()
        for line in history.sessions:
            best = line.best.describe() if line.best else "warm-ups only"
            e1rm = (
                ""
                if line.e1rm_kg is None or line.best is None
                else (
                    ("~" if line.low_confidence else "") + weight_text(line.e1rm_kg, line.best.unit)
                )
            )
            table.add_row(
                f"{line.day:%a %d %b %Y}",
                days_ago(line.day, self.today),
                Text(best),
                e1rm,
                line.sets_text,
                key=line.session_id,
            )
