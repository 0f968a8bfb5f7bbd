"""Finishing a session: the summary, and the question, in one dialog (Today's `f`).

The summary (summaries.summary_of, domain/summary.py) says how long the session took,
its sets per exercise against the plan (counted as History counts them), the records
it beat and this week's hard sets per muscle after it, against each band.  It asks
plainly when planned sets are left ("2 planned sets left: finish anyway?").  Enter or
y finishes; Escape, n or q keeps training; ↑/↓, PgUp/PgDn, Home/End scroll a long
summary.  Its scrolling body takes the keys (ui/keys.py): keys typed ahead are applied in
order, and those typed after the answer reach the Today screen, not a closed dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from collections.abc import Callable

from rich.cells import cell_len, set_cell_size
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from ..domain.sessions import duration_text
from ..domain.summary import FinishSummary
from ..domain.volume import Status
from ..store import StoreError
from .dialog import Dialog
from .keys import OrderedKeys
from .trouble import refused
from .widgets.charts import STATUS_MARK, STATUS_STYLE

if TYPE_CHECKING:
    from .today import TodayScreen

#: Columns an exercise name may take on its line before it is cut with an ellipsis.
NAME_WIDTH = 40


def cut(text: str, width: int) -> str:
    """`text` in exactly `width` columns (wide characters count 2): padded with spaces, or
    cut with '…' when longer, never silently."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def _sets(value: float) -> str:
    return f"{value:g}"


def summary_lines(summary: FinishSummary) -> Content:
    """The scrolling part: sets per exercise, records, the week's muscles (plain text for
    every name: a name is never read as markup)."""
    parts: list[Content] = [Content.styled("Sets (working/planned, +w warm-ups)", "bold")]
    for line in summary.exercises:
        style = "" if line.left == 0 else "$warning"
        parts.append(Content.assemble(f"  {cut(line.name, NAME_WIDTH)} ", (line.sets_text, style)))
    parts.append(Content.styled("Records", "bold"))
    if summary.records is None:
        parts.append(Content("  History not readable: records not checked."))
    elif not summary.records:
        parts.append(Content("  None beaten this session."))
    for record in summary.records or ():
        parts.append(Content.assemble(("  ★ ", "$success"), record.message))
    parts.append(Content.styled(f"Hard sets {summary.week_label}, with this session", "bold"))
    if not summary.muscles:
        parts.append(Content("  No hard sets this session (warm-ups and RIR 5+ do not count)."))
    for m in summary.muscles:
        parts.append(
            Content.assemble(
                f"  {m.label:<12} {_sets(m.before):>4} → {_sets(m.after):<4}  band "
                f"{f'{m.band[0]}-{m.band[1]}':<6}",
                _status(m.status),
            )
        )
    return Content("\n").join(parts)


def _status(status: Status) -> Content:
    word = {"below": "below", "within": "in band", "above": "above"}[status]
    return Content.styled(f"{STATUS_MARK[status]} {word}", STATUS_STYLE[status])


class SummaryBody(OrderedKeys, VerticalScroll):
    """The summary's scrolling part, focused: it scrolls on the arrow and page keys and hands
    every other key to the dialog's bindings, in the order typed."""

    SCROLL_KEYS = {
        "up": "scroll_up",
        "down": "scroll_down",
        "pageup": "scroll_page_up",
        "pagedown": "scroll_page_down",
        "home": "scroll_home",
        "end": "scroll_end",
    }

    async def own_key(self, key: str, character: str | None) -> bool:
        method = self.SCROLL_KEYS.get(key)
        if method is None:
            return False
        getattr(self, method)(animate=False)
        return True


class FinishDialog(Dialog[bool]):
    """The summary and the question; answers True to finish."""

    DEFAULT_CSS = """
    FinishDialog #finish {
        width: 76;
        height: auto;
        max-height: 22;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    FinishDialog #finish-question {
        text-style: bold;
    }
    FinishDialog #finish-body {
        height: auto;
        max-height: 17;
        scrollbar-size-vertical: 1;
    }
    FinishDialog #finish-hint {
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding("enter,y", "answer_with(True)", "Finish"),
        Binding("escape,n,q", "answer_with(False)", "Keep training"),
    ]

    def __init__(
        self, summary: FinishSummary, on_answer: Callable[[bool | None], None] | None = None
    ) -> None:
        super().__init__(on_answer)
        self.summary = summary

    def compose(self) -> ComposeResult:
        s = self.summary
        with Vertical(id="finish"):
            yield Label(Content(s.question), id="finish-question")
            yield Label(Content(f"{s.duration} · {s.counts}"), id="finish-counts")
            with SummaryBody(id="finish-body"):
                yield Static(summary_lines(s), id="finish-lines")
            yield Label(
                "Enter/y: finish    Esc/n: keep training    ↑↓ PgUp PgDn: scroll", id="finish-hint"
            )

    def action_answer_with(self, yes: bool) -> None:
        self.answer(yes)

    def on_mount(self) -> None:
        self.set_focus(self.query_one(SummaryBody))


def ask_to_finish(screen: TodayScreen) -> None:
    """Today's `f`: the summary of the open session, and finishing it if the lifter says so."""
    from ..summaries import summary_of

    try:
        summary = summary_of(screen.book)
    except StoreError as err:  # this week's sessions did not read: finishing still works
        screen.status.show(f"No summary: {err}", "error")
        summary = None
    if screen.book.current is None:
        return

    def answered(yes: bool | None) -> None:
        if yes:
            finish_now(screen)

    if summary is None:
        from .modals import Confirm

        screen.app.push_screen(Confirm("Finish the session?", "", answered))
    else:
        screen.app.push_screen(FinishDialog(summary, answered))


def finish_now(screen: TodayScreen) -> None:
    try:
        done = screen.book.finish()
    except StoreError as err:
        screen.status.show(refused(screen, err, "NOT finished"), "error")
        return
    screen.timer.skip("")
    screen.day_changed()
    screen.status.show(
        f"Session finished: {done.counts} in "
        f"{duration_text(done.started_at, done.ended_at)}. Well trained. "
        "(A set logged now starts a new session; o reopens this one.)",
        "saved",
    )
    screen.set_focus(screen.exercises)
